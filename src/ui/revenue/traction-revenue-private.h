/* traction-revenue-private.h: what the Revenue view's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The toast in the window of widget (dropped when it has none). */
void  traction_revenue_add_toast  (GtkWidget  *widget,
                                   AdwToast   *toast);
/* A dialog with heading and message over the window of widget. */
void  traction_revenue_show_error (GtkWidget  *widget,
                                   const char *heading,
                                   const char *message);

G_END_DECLS
