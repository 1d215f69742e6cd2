/* traction-preferences-window.h: company, team, pipeline and health
 * settings (DOMAIN.md §8), each change written at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_PREFERENCES_WINDOW (traction_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TractionPreferencesWindow, traction_preferences_window, TRACTION, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A modal window over parent (may be NULL) that edits store. */
GtkWidget     *traction_preferences_window_new       (GtkWindow                 *parent,
                                                      TractionStore             *store);
TractionStore *traction_preferences_window_get_store (TractionPreferencesWindow *self);

G_END_DECLS
