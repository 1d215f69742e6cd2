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
};

G_DEFINE_FINAL_TYPE (TractionDealItem, traction_deal_item, G_TYPE_OBJECT)

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
}

static void
traction_deal_item_init (TractionDealItem *self)
{
  self->shown = TRUE;
}

TractionDealItem *
traction_deal_item_new (TractionBoardDeal *deal)
{
  TractionDealItem *self;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (deal != NULL, NULL);

  self = g_object_new (TRACTION_TYPE_DEAL_ITEM, NULL);
  self->deal = deal;
  joined = g_strjoin (" ", deal->company, deal->name, deal->contacts, NULL);
  self->haystack = g_utf8_casefold (joined, -1);
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
