/* traction-deal-list.h: the deals of one board column, in board order.
 *
 * A GListModel over an array of TractionDealItem that the page replaces
 * whole after each search, filter or reload (one pass over the deals
 * makes every column's array); it tells its listeners only the span that
 * differs (common head and tail kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "traction-deal-item.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_DEAL_LIST (traction_deal_list_get_type ())
G_DECLARE_FINAL_TYPE (TractionDealList, traction_deal_list, TRACTION, DEAL_LIST, GObject)

TractionDealList *traction_deal_list_new       (void);
/* Takes items[0..n) (references are added); emits "items-changed" for the
 * span between the unchanged head and tail, if any. */
void              traction_deal_list_set_items (TractionDealList  *self,
                                                TractionDealItem **items,
                                                guint              n);
guint             traction_deal_list_get_size  (TractionDealList  *self);
/* Borrowed; position < size. */
TractionDealItem *traction_deal_list_peek      (TractionDealList  *self,
                                                guint              position);
/* Position of item, or FALSE. */
gboolean          traction_deal_list_find      (TractionDealList  *self,
                                                TractionDealItem  *item,
                                                guint             *position);

G_END_DECLS
