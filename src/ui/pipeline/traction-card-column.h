/* traction-card-column.h: one stage's cards on the pipeline board.
 *
 * A scrollable column (put it in a GtkScrolledWindow) that makes card
 * widgets only for the deals in view, and binds them anew as the list
 * changes or the column scrolls: a search over thousands of deals
 * re-binds the dozen cards on screen instead of building new ones.
 * Up/Down, Page Up/Down, Home and End move between cards (scrolling to
 * them), Enter or Space activates the focused one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-deal-card.h"
#include "traction-deal-list.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_CARD_COLUMN (traction_card_column_get_type ())
G_DECLARE_FINAL_TYPE (TractionCardColumn, traction_card_column, TRACTION, CARD_COLUMN, GtkWidget)

/* Shows item on card (item is never NULL). */
typedef void (*TractionCardBindFunc) (TractionDealCard *card,
                                      TractionDealItem *item,
                                      gpointer          user_data);

GtkWidget        *traction_card_column_new            (TractionDealList     *list,
                                                       TractionCardBindFunc  bind,
                                                       gpointer              user_data);
TractionDealList *traction_card_column_get_list       (TractionCardColumn   *self);
/* Binds every card again (what the bind function shows changed). */
void              traction_card_column_rebind         (TractionCardColumn   *self);
/* Scrolls to the card at position and gives it the keyboard focus (once
 * the column is laid out, if it is not yet); FALSE when there is no such
 * position. */
gboolean          traction_card_column_focus_position (TractionCardColumn   *self,
                                                       guint                 position);
/* How many card widgets the column holds (in view, spare or focused). */
guint             traction_card_column_get_n_cards    (TractionCardColumn   *self);

G_END_DECLS
