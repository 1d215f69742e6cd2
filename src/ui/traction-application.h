/* traction-application.h: the Traction application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-window.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_APPLICATION (traction_application_get_type ())
G_DECLARE_FINAL_TYPE (TractionApplication, traction_application, TRACTION, APPLICATION, AdwApplication)

TractionApplication *traction_application_new           (void);
/* Opens a window on the database at path: the first-run page when the
 * file does not exist, the error dialog when it cannot be opened. */
TractionWindow      *traction_application_open_database (TractionApplication *self,
                                                         const char          *path);

G_END_DECLS
