/* traction-deal-card.h: a deal on the pipeline board (at most five facts
 * and its marks: overdue, due today, nothing planned, stalled, paused).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-deal-item.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_DEAL_CARD (traction_deal_card_get_type ())
G_DECLARE_FINAL_TYPE (TractionDealCard, traction_deal_card, TRACTION, DEAL_CARD, GtkWidget)

/* A card's width: at least, and what it asks for. */
#define TRACTION_DEAL_CARD_MIN_WIDTH 120
#define TRACTION_DEAL_CARD_NAT_WIDTH 240

GtkWidget *traction_deal_card_new      (void);
/* Shows item (NULL clears), with dates relative to today. */
void       traction_deal_card_set_item (TractionDealCard *self,
                                        TractionDealItem *item,
                                        const GDate      *today,
                                        const char       *currency);
/* Borrowed; NULL when the card shows nothing. */
TractionDealItem *traction_deal_card_get_item (TractionDealCard *self);
gint64     traction_deal_card_get_id   (TractionDealCard *self);
TractionStage traction_deal_card_get_stage (TractionDealCard *self);

G_END_DECLS
