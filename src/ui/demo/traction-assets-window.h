/* traction-assets-window.h: sales enablement assets (DOMAIN.md §9): each
 * with owner, status, last updated and its file; stale after 30 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_ASSETS_WINDOW (traction_assets_window_get_type ())
G_DECLARE_FINAL_TYPE (TractionAssetsWindow, traction_assets_window, TRACTION, ASSETS_WINDOW, AdwWindow)

GtkWidget *traction_assets_window_new  (TractionStore *store);
void       traction_assets_open        (GtkWidget     *parent,
                                        TractionStore *store);
/* Adds win.assets (opens the assets window on the window's store) to a
 * TractionWindow. */
void       traction_assets_install_action (GtkWidget  *window);

G_END_DECLS
