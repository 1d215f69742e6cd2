/* traction-window.h: the main window (sidebar + content pane).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_WINDOW (traction_window_get_type ())
G_DECLARE_FINAL_TYPE (TractionWindow, traction_window, TRACTION, WINDOW, AdwApplicationWindow)

TractionWindow *traction_window_new           (GtkApplication *application);

/* The file this window is about; set before any of the states below. */
const char     *traction_window_get_path      (TractionWindow *self);
void            traction_window_set_path      (TractionWindow *self,
                                               const char     *path);

TractionStore  *traction_window_get_store     (TractionWindow *self);
/* Shows the views on store (NULL goes back to no store). */
void            traction_window_set_store     (TractionWindow *self,
                                               TractionStore  *store);
/* The first-run page: emits ::create-database when a button is pressed. */
void            traction_window_show_welcome  (TractionWindow *self);
/* The database could not be opened: explains why behind the dialog. */
void            traction_window_show_failure  (TractionWindow *self,
                                               const char     *message);

void            traction_window_add_toast     (TractionWindow *self,
                                               AdwToast       *toast);
/* Name of the visible view ("today"), or NULL without a store. */
const char     *traction_window_get_view      (TractionWindow *self);
gboolean        traction_window_set_view      (TractionWindow *self,
                                               const char     *name);

G_END_DECLS
