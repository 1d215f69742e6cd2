/* traction-movement-log.h: the ARR movements of one client (or of every
 * client), newest first, with the ARR after each, and Edit / Delete (with
 * Undo) on every row. Reusable: the Clients view embeds it per client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_MOVEMENT_LOG (traction_movement_log_get_type ())
G_DECLARE_FINAL_TYPE (TractionMovementLog, traction_movement_log, TRACTION, MOVEMENT_LOG, GtkWidget)

/* account_id 0: every client (the most recent TRACTION_MOVEMENT_LOG_LIMIT
 * movements). The first TRACTION_MOVEMENT_LOG_SHOWN rows are made, then
 * a row to show the rest. Reloads itself when the store changes. */
GtkWidget *traction_movement_log_new        (TractionStore       *store,
                                             gint64               account_id);
void       traction_movement_log_set_account (TractionMovementLog *self,
                                              gint64               account_id);
/* Opens the dialog to add a movement (to this log's client, if any). */
void       traction_movement_log_add        (TractionMovementLog *self);
/* Movements listed (for tests). */
guint      traction_movement_log_get_n_rows (TractionMovementLog *self);

#define TRACTION_MOVEMENT_LOG_LIMIT 200
#define TRACTION_MOVEMENT_LOG_SHOWN 10

G_END_DECLS
