/* traction-data-io.h: data in and out from the window: the CSV import
 * assistant, CSV and calendar exports, and Backup & Restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-window.h"

G_BEGIN_DECLS

/* Adds to the window (a GActionMap) the actions:
 *   win.import-csv                  the import assistant (Ctrl+I)
 *   win.export-csv ("deals", "clients", "health", "movements")
 *   win.export-ics                  follow-ups and renewals (.ics)
 *   win.backups                     Backup & Restore
 * They are enabled while the window shows a store. */
void        traction_data_io_install_actions  (TractionWindow *window);

/* The import assistant for a file already chosen (also used by tests). */
GtkWindow  *traction_import_assistant_new     (TractionWindow *window,
                                               GFile          *file);

/* The Backup & Restore window (also used by tests). */
GtkWindow  *traction_backups_window_new       (TractionWindow *window);

G_END_DECLS
