/* traction-widgets.h: small widget helpers the views share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A flat, vertically centred button showing only an icon; label (already
 * translated) is its tooltip and the name screen readers say. */
GtkWidget *traction_icon_button_new (const char *icon_name,
                                     const char *label);

/* Sets widget's tooltip and its accessible name to label together, for
 * controls that show an icon only (e.g. when the icon changes). */
void       traction_widget_set_label (GtkWidget  *widget,
                                      const char *label);

G_END_DECLS
