/* traction-deal-item.h: one deal of the pipeline board as a GObject, the
 * item of the board's columns (TractionDealList).
 *
 * An item lives as long as its deal is on the board: a refresh updates it
 * in place (traction_deal_item_update) and it emits "changed", so the card
 * that shows it re-renders in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "traction-store-deals.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_DEAL_ITEM (traction_deal_item_get_type ())
G_DECLARE_FINAL_TYPE (TractionDealItem, traction_deal_item, TRACTION, DEAL_ITEM, GObject)

/* Takes ownership of deal. */
TractionDealItem        *traction_deal_item_new        (TractionBoardDeal *deal);
const TractionBoardDeal *traction_deal_item_get_deal   (TractionDealItem  *self);
gint64                   traction_deal_item_get_id     (TractionDealItem  *self);
TractionStage            traction_deal_item_get_stage  (TractionDealItem  *self);
/* Takes ownership of deal (same id). Returns FALSE (and frees deal) when
 * nothing changed; else emits "changed" and returns TRUE. */
gboolean                 traction_deal_item_update     (TractionDealItem  *self,
                                                        TractionBoardDeal *deal);
/* Case-folded "company deal contacts" for search. */
const char              *traction_deal_item_get_haystack (TractionDealItem *self);
/* Whether the board's search and filters let it through (set by the page). */
gboolean                 traction_deal_item_get_shown  (TractionDealItem  *self);
void                     traction_deal_item_set_shown  (TractionDealItem  *self,
                                                        gboolean           shown);
/* The height of its card at width, as last measured; -1 when not known
 * for that width (or the deal changed since). */
int                      traction_deal_item_get_card_height (TractionDealItem *self,
                                                             int               width);
void                     traction_deal_item_set_card_height (TractionDealItem *self,
                                                             int               width,
                                                             int               height);

G_END_DECLS
