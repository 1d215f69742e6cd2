/* traction-deal-pane.h: everything about one deal, beside the board.
 *
 * The pane shows and edits one deal: details, next steps, activity,
 * exit criteria, stakeholders, stage history, qualification and pausing.
 * It follows TractionStore::changed. It emits "close-requested" when the
 * user presses Escape or its close button; the host hides it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_DEAL_PANE (traction_deal_pane_get_type ())
G_DECLARE_FINAL_TYPE (TractionDealPane, traction_deal_pane, TRACTION, DEAL_PANE, GtkWidget)

GtkWidget     *traction_deal_pane_new      (TractionStore    *store);
TractionStore *traction_deal_pane_get_store (TractionDealPane *self);
/* 0 = no deal (the pane shows an empty state). */
void           traction_deal_pane_set_deal (TractionDealPane *self,
                                            gint64            deal_id);
gint64         traction_deal_pane_get_deal (TractionDealPane *self);
/* Reloads now instead of at the next idle. */
void           traction_deal_pane_refresh  (TractionDealPane *self);

G_END_DECLS
