/* traction-new-deal-dialog.h: the New Deal window (Ctrl+N on the board).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_NEW_DEAL_DIALOG (traction_new_deal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionNewDealDialog, traction_new_deal_dialog, TRACTION, NEW_DEAL_DIALOG, AdwWindow)

/* Modal; emits "created" (gint64 deal id, its name) and closes once the
 * deal is saved. */
GtkWidget *traction_new_deal_dialog_new (TractionStore *store);

G_END_DECLS
