/* traction-deal-list.c: the deals of one board column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "traction-deal-list.h"

struct _TractionDealList
{
  GObject    parent_instance;

  GPtrArray *items;   /* TractionDealItem, owned */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TractionDealList, traction_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* GListModel */

static GType
traction_deal_list_get_item_type (GListModel *model)
{
  return TRACTION_TYPE_DEAL_ITEM;
}

static guint
traction_deal_list_get_n_items (GListModel *model)
{
  return TRACTION_DEAL_LIST (model)->items->len;
}

static gpointer
traction_deal_list_get_item (GListModel *model,
                             guint       position)
{
  TractionDealList *self = TRACTION_DEAL_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = traction_deal_list_get_item_type;
  iface->get_n_items = traction_deal_list_get_n_items;
  iface->get_item = traction_deal_list_get_item;
}

/* GObject overrides */

static void
traction_deal_list_finalize (GObject *object)
{
  TractionDealList *self = TRACTION_DEAL_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (traction_deal_list_parent_class)->finalize (object);
}

static void
traction_deal_list_class_init (TractionDealListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = traction_deal_list_finalize;
}

static void
traction_deal_list_init (TractionDealList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

TractionDealList *
traction_deal_list_new (void)
{
  return g_object_new (TRACTION_TYPE_DEAL_LIST, NULL);
}

void
traction_deal_list_set_items (TractionDealList  *self,
                              TractionDealItem **items,
                              guint              n)
{
  guint old_n;
  guint head = 0;
  guint tail = 0;

  g_return_if_fail (TRACTION_IS_DEAL_LIST (self));
  g_return_if_fail (n == 0 || items != NULL);

  old_n = self->items->len;
  while (head < old_n && head < n && g_ptr_array_index (self->items, head) == items[head])
    head++;
  while (tail < old_n - head && tail < n - head &&
         g_ptr_array_index (self->items, old_n - 1 - tail) == items[n - 1 - tail])
    tail++;
  if (head == old_n && head == n)
    return;

  /* Take the new span's references before the old span's go. */
  for (guint i = head; i < n - tail; i++)
    g_object_ref (items[i]);
  g_ptr_array_remove_range (self->items, head, old_n - tail - head);
  /* Now head + tail items: open the new span between them. */
  g_ptr_array_set_size (self->items, n);
  if (tail > 0)
    memmove (self->items->pdata + n - tail, self->items->pdata + head, tail * sizeof (gpointer));
  if (n - tail > head)
    memcpy (self->items->pdata + head, items + head, (n - tail - head) * sizeof (gpointer));

  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - tail - head, n - tail - head);
}

guint
traction_deal_list_get_size (TractionDealList *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_LIST (self), 0);
  return self->items->len;
}

TractionDealItem *
traction_deal_list_peek (TractionDealList *self,
                         guint             position)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

gboolean
traction_deal_list_find (TractionDealList *self,
                         TractionDealItem *item,
                         guint            *position)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_LIST (self), FALSE);
  return g_ptr_array_find (self->items, item, position);
}
