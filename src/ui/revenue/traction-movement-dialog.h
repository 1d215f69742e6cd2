/* traction-movement-dialog.h: add or edit one ARR movement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store-revenue.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_MOVEMENT_DIALOG (traction_movement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionMovementDialog, traction_movement_dialog, TRACTION, MOVEMENT_DIALOG, AdwWindow)

/* movement_id 0 adds a movement (for account_id when > 0, else the client
 * is chosen in the dialog); otherwise edits that movement. The dialog
 * writes through the store itself and stays open, with the reason, when
 * the store refuses the change. Emits ::saved (gint64 id) after a write. */
GtkWidget *traction_movement_dialog_new (GtkWindow     *parent,
                                         TractionStore *store,
                                         gint64         account_id,
                                         gint64         movement_id);

G_END_DECLS
