/* traction-deal-item.c: one deal of the pipeline board as a GObject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "traction-deal-item.h"

struct _TractionDealItem
{
  GObject            parent_instance;

  TractionBoardDeal *deal;
  char              *haystack;
  gboolean           shown;
  int                card_width;
  int                card_height;
};

G_DEFINE_FINAL_TYPE (TractionDealItem, traction_deal_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  gboolean valid_a = g_date_valid (a);
  gboolean valid_b = g_date_valid (b);

  if (valid_a != valid_b)
    return FALSE;
  return !valid_a || g_date_compare (a, b) == 0;
}

static gboolean
board_deal_equal (const TractionBoardDeal *a,
                  const TractionBoardDeal *b)
{
  return a->deal_id == b->deal_id &&
         a->account_id == b->account_id &&
         a->stage == b->stage &&
         a->arr_cents == b->arr_cents &&
         a->owner_id == b->owner_id &&
         a->source == b->source &&
         a->segment == b->segment &&
         a->bant_total == b->bant_total &&
         a->days_in_stage == b->days_in_stage &&
         a->paused == b->paused &&
         a->stalled == b->stalled &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->company, b->company) == 0 &&
         g_strcmp0 (a->contacts, b->contacts) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         g_strcmp0 (a->next_action, b->next_action) == 0 &&
         date_equal (&a->next_due, &b->next_due) &&
         date_equal (&a->created, &b->created) &&
         date_equal (&a->last_activity, &b->last_activity) &&
         date_equal (&a->expected_close, &b->expected_close) &&
         date_equal (&a->closed, &b->closed);
}

static void
set_deal (TractionDealItem  *self,
          TractionBoardDeal *deal)
{
  g_autofree char *joined = g_strjoin (" ", deal->company, deal->name, deal->contacts, NULL);

  g_clear_pointer (&self->deal, traction_board_deal_free);
  g_free (self->haystack);
  self->deal = deal;
  self->haystack = g_utf8_casefold (joined, -1);
  self->card_width = -1;
}

/* GObject overrides */

static void
traction_deal_item_finalize (GObject *object)
{
  TractionDealItem *self = TRACTION_DEAL_ITEM (object);

  g_clear_pointer (&self->deal, traction_board_deal_free);
  g_free (self->haystack);

  G_OBJECT_CLASS (traction_deal_item_parent_class)->finalize (object);
}

static void
traction_deal_item_class_init (TractionDealItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = traction_deal_item_finalize;

  /**
   * TractionDealItem::changed:
   *
   * The deal's data was replaced by traction_deal_item_update().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
traction_deal_item_init (TractionDealItem *self)
{
  self->shown = TRUE;
  self->card_width = -1;
}

/* Public API */

TractionDealItem *
traction_deal_item_new (TractionBoardDeal *deal)
{
  TractionDealItem *self;

  g_return_val_if_fail (deal != NULL, NULL);

  self = g_object_new (TRACTION_TYPE_DEAL_ITEM, NULL);
  set_deal (self, deal);
  return self;
}

const TractionBoardDeal *
traction_deal_item_get_deal (TractionDealItem *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), NULL);
  return self->deal;
}

gint64
traction_deal_item_get_id (TractionDealItem *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), 0);
  return self->deal->deal_id;
}

TractionStage
traction_deal_item_get_stage (TractionDealItem *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), TRACTION_STAGE_LEAD);
  return self->deal->stage;
}

gboolean
traction_deal_item_update (TractionDealItem  *self,
                           TractionBoardDeal *deal)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), FALSE);
  g_return_val_if_fail (deal != NULL, FALSE);
  g_return_val_if_fail (deal->deal_id == self->deal->deal_id, FALSE);

  if (board_deal_equal (self->deal, deal))
    {
      traction_board_deal_free (deal);
      return FALSE;
    }

  set_deal (self, deal);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
traction_deal_item_get_haystack (TractionDealItem *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), "");
  return self->haystack;
}

gboolean
traction_deal_item_get_shown (TractionDealItem *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), FALSE);
  return self->shown;
}

void
traction_deal_item_set_shown (TractionDealItem *self,
                              gboolean          shown)
{
  g_return_if_fail (TRACTION_IS_DEAL_ITEM (self));
  self->shown = shown;
}

int
traction_deal_item_get_card_height (TractionDealItem *self,
                                    int               width)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_ITEM (self), -1);
  return self->card_width == width ? self->card_height : -1;
}

void
traction_deal_item_set_card_height (TractionDealItem *self,
                                    int               width,
                                    int               height)
{
  g_return_if_fail (TRACTION_IS_DEAL_ITEM (self));
  self->card_width = width;
  self->card_height = height;
}
