/* traction-card-column.c: one stage's cards on the pipeline board.
 *
 * Positions are laid out top to bottom with the height each item's card
 * had when last measured at this width (kept on the item), or the
 * column's average for items not measured yet, so the scrollbar is right
 * for what was seen and close for the rest. update_visible() picks the
 * positions in view, keeps the card of every item still in view, binds
 * the other cards to the newcomers (making cards only when there are too
 * few), and measures them. It runs when the list changes, when the column
 * scrolls and on allocation, so a search or a scroll re-binds cards and
 * never builds the column anew. The focused card is never re-bound while
 * its item is in the list: out of view it stays, placed where its item
 * is, clipped (hiding it would take the focus away).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "traction-card-column.h"
#include "traction-scrollable.h"

#define PAD_X     2     /* around the cards (the focus ring's room) */
#define PAD_Y     3
#define SPACING   6     /* between cards */
#define MAX_SPARE 4     /* unbound cards kept for the next bind */
#define FIRST_ESTIMATE 84
#define ESTIMATE_FROM  16  /* cards measured: then the estimate stays put */

struct _TractionCardColumn
{
  GtkWidget             parent_instance;

  TractionDealList     *list;
  TractionCardBindFunc  bind;
  gpointer              bind_data;

  TractionScrollable    scrollable;

  GPtrArray            *cards;      /* every card child, in no order */
  GPtrArray            *shown;      /* cards in view, in list order (borrowed) */
  GtkWidget            *kept;       /* the focused card, out of view (borrowed) */
  guint                 first;      /* the position of shown[0] */
  int                   first_y;    /* and its top, in column coordinates */
  int                   width;      /* of the last allocation; 0 before */
  int                   height;
  gint64                measured_sum;   /* heights measured at measured_width, */
  guint                 measured_n;     /* the first ESTIMATE_FROM of them */
  int                   measured_width;
  gboolean              updating;   /* setting the adjustment ourselves */
  TractionDealItem     *cursor;     /* the item whose card was focused last */
  TractionDealItem     *pending;    /* to focus once the column has a size */
  guint                 pending_id;
};

static void traction_card_column_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TractionCardColumn, traction_card_column, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, traction_card_column_scrollable_init))

enum {
  PROP_0,
  PROP_SCROLLABLE,   /* and the three after it */
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers: heights */

static int
card_width (TractionCardColumn *self)
{
  return MAX (self->width - 2 * PAD_X, TRACTION_DEAL_CARD_MIN_WIDTH);
}

/* The height of a card not measured yet: the average of the first few
 * measured at this width, then fixed, so that far positions do not move
 * each time a card is measured. */
static int
estimate (TractionCardColumn *self)
{
  if (self->measured_width != card_width (self) || self->measured_n == 0)
    return FIRST_ESTIMATE;
  return (int) (self->measured_sum / self->measured_n);
}

static int
item_height (TractionCardColumn *self,
             TractionDealItem   *item)
{
  int height = traction_deal_item_get_card_height (item, card_width (self));

  return height >= 0 ? height : estimate (self);
}

static int
measure_card (TractionCardColumn *self,
              GtkWidget          *card)
{
  TractionDealItem *item = traction_deal_card_get_item (TRACTION_DEAL_CARD (card));
  int width = card_width (self);
  int height = traction_deal_item_get_card_height (item, width);
  int min, nat;

  if (height >= 0)
    return height;
  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  traction_deal_item_set_card_height (item, width, nat);
  if (self->measured_width != width)
    {
      self->measured_width = width;
      self->measured_sum = 0;
      self->measured_n = 0;
    }
  if (self->measured_n < ESTIMATE_FROM)
    {
      self->measured_sum += nat;
      self->measured_n++;
    }
  return nat;
}

/* The top of position (column coordinates). */
static int
position_y (TractionCardColumn *self,
            guint               position)
{
  int y = PAD_Y;

  for (guint i = 0; i < position; i++)
    y += item_height (self, traction_deal_list_peek (self->list, i)) + SPACING;
  return y;
}

static int
total_height (TractionCardColumn *self)
{
  guint n = traction_deal_list_get_size (self->list);

  return n == 0 ? 0 : position_y (self, n) - SPACING + PAD_Y;
}

/* Helpers: cards */

/* The card of this column that has the window's focus, or holds it (its
 * menu button). From the window's focus widget: the focus-child chain is
 * not kept up to date while the window is not the active one. */
static GtkWidget *
focused_card (TractionCardColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self))
    widget = gtk_widget_get_parent (widget);
  return widget != NULL && TRACTION_IS_DEAL_CARD (widget) ? widget : NULL;
}

static GtkWidget *
card_for_item (TractionCardColumn *self,
               TractionDealItem   *item)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, i);

      if (traction_deal_card_get_item (TRACTION_DEAL_CARD (card)) == item)
        return card;
    }
  return NULL;
}

static void
drop_card (TractionCardColumn *self,
           GtkWidget          *card)
{
  g_ptr_array_remove_fast (self->cards, card);
  gtk_widget_unparent (card);
}

/* Shows the positions from the one at value on, for the allocated
 * height: keeps the cards of items still in view, binds the others. */
static void
update_visible (TractionCardColumn *self)
{
  guint n = traction_deal_list_get_size (self->list);
  GtkWidget *focused = focused_card (self);
  double value;
  gboolean at_end;
  guint first = 0;
  guint last;
  int y = PAD_Y;
  int first_y;

  g_ptr_array_set_size (self->shown, 0);
  self->kept = NULL;
  if (self->width <= 0 || self->height <= 0)
    return;

  value = gtk_adjustment_get_value (self->scrollable.vadjustment);
  /* Scrolled to the end, it stays there while heights get measured. */
  at_end = value > 0 && value >= gtk_adjustment_get_upper (self->scrollable.vadjustment) -
                                  gtk_adjustment_get_page_size (self->scrollable.vadjustment) - 1;
  for (int pass = 0; pass < 4; pass++)
    {
      g_autoptr(GPtrArray) free_cards = g_ptr_array_new ();
      int bottom;
      int total;

      /* The first position in view, then as many as fill the height:
       * measured heights where known, the estimate elsewhere. */
      first = 0;
      y = PAD_Y;
      while (first < n)
        {
          int h = item_height (self, traction_deal_list_peek (self->list, first));

          if (y + h > value)
            break;
          y += h + SPACING;
          first++;
        }
      first_y = y;
      last = first;
      while (last < n && y < value + self->height)
        y += item_height (self, traction_deal_list_peek (self->list, last++)) + SPACING;

      /* Cards whose item is not in [first, last) are free, but for the
       * focused one while its item is anywhere in the list. */
      self->kept = NULL;
      for (guint i = 0; i < self->cards->len; i++)
        {
          GtkWidget *card = g_ptr_array_index (self->cards, i);
          TractionDealItem *item = traction_deal_card_get_item (TRACTION_DEAL_CARD (card));
          guint position;
          gboolean in_view = FALSE;

          if (item != NULL)
            for (guint p = first; p < last && !in_view; p++)
              in_view = traction_deal_list_peek (self->list, p) == item;
          if (in_view)
            continue;
          if (card == focused && item != NULL && traction_deal_list_find (self->list, item, &position))
            {
              self->kept = card;
              continue;
            }
          g_ptr_array_add (free_cards, card);
        }

      /* A card for every position in view, measured. */
      g_ptr_array_set_size (self->shown, 0);
      y = first_y;
      for (guint p = first; p < last; p++)
        {
          TractionDealItem *item = traction_deal_list_peek (self->list, p);
          GtkWidget *card = card_for_item (self, item);

          if (card == NULL)
            {
              if (free_cards->len > 0)
                card = g_ptr_array_steal_index_fast (free_cards, free_cards->len - 1);
              else
                {
                  card = traction_deal_card_new ();
                  g_ptr_array_add (self->cards, card);
                  gtk_widget_set_parent (card, GTK_WIDGET (self));
                }
              self->bind (TRACTION_DEAL_CARD (card), item, self->bind_data);
            }
          gtk_widget_set_child_visible (card, TRUE);
          g_ptr_array_add (self->shown, card);
          y += measure_card (self, card) + SPACING;
        }

      /* What is left over waits, unbound, for the next bind. */
      for (guint i = 0; i < free_cards->len; i++)
        {
          GtkWidget *card = g_ptr_array_index (free_cards, i);

          if (i >= MAX_SPARE)
            drop_card (self, card);
          else
            {
              traction_deal_card_set_item (TRACTION_DEAL_CARD (card), NULL, NULL, NULL);
              gtk_widget_set_child_visible (card, FALSE);
            }
        }

      /* Measured heights may leave the view short (measure on) or the
       * list may now end above the view (scroll back). */
      total = total_height (self);
      bottom = MAX (total - self->height, 0);
      if (value > bottom || (at_end && value < bottom))
        {
          value = bottom;
          continue;
        }
      if (y < value + self->height && last < n)
        continue;
      break;
    }

  self->first = first;
  self->first_y = first_y;

  /* The cards' order is the screen readers' reading order. */
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->shown, i);
      GtkWidget *before = i > 0 ? g_ptr_array_index (self->shown, i - 1) : NULL;

      if (gtk_widget_get_prev_sibling (card) != before)
        gtk_widget_insert_after (card, GTK_WIDGET (self), before);
    }

  self->updating = TRUE;
  gtk_adjustment_configure (self->scrollable.vadjustment, value, 0, MAX (total_height (self), self->height),
                            self->height * 0.1, self->height * 0.9, self->height);
  self->updating = FALSE;
}

/* Changes the scroll position so that position is in view. */
static void
scroll_to (TractionCardColumn *self,
           guint               position)
{
  /* Measuring the cards that come into view corrects the estimates above
   * position: again until it is in view. */
  for (int pass = 0; pass < 6; pass++)
    {
      TractionDealItem *item = traction_deal_list_peek (self->list, position);
      double value = gtk_adjustment_get_value (self->scrollable.vadjustment);
      int y = position_y (self, position);
      int h = item_height (self, item);

      if (y - PAD_Y < value)
        value = y - PAD_Y;
      else if (y + h + PAD_Y > value + self->height)
        value = y + h + PAD_Y - self->height;
      else if (card_for_item (self, item) != NULL)
        break;

      self->updating = TRUE;
      gtk_adjustment_set_value (self->scrollable.vadjustment, value);
      self->updating = FALSE;
      update_visible (self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
focus_position (TractionCardColumn *self,
                guint               position)
{
  GtkWidget *card;
  TractionDealItem *item;

  if (position >= traction_deal_list_get_size (self->list))
    return FALSE;
  if (self->width <= 0)
    {
      /* Not laid out yet (a column just expanded): once it is. The
       * first asked wins over the window's own first focus. */
      if (self->pending == NULL)
        self->pending = g_object_ref (traction_deal_list_peek (self->list, position));
      return TRUE;
    }

  scroll_to (self, position);
  item = traction_deal_list_peek (self->list, position);
  card = card_for_item (self, item);
  if (card == NULL || !gtk_widget_grab_focus (card))
    return FALSE;
  g_set_object (&self->cursor, item);
  return TRUE;
}

/* The position of the card with the focus, or of the last one. */
static gboolean
cursor_position (TractionCardColumn *self,
                 guint              *position)
{
  GtkWidget *focused = focused_card (self);

  if (focused != NULL)
    g_set_object (&self->cursor, traction_deal_card_get_item (TRACTION_DEAL_CARD (focused)));
  return self->cursor != NULL && traction_deal_list_find (self->list, self->cursor, position);
}

/* Signal callbacks */

static gboolean
focus_pending_cb (gpointer data)
{
  TractionCardColumn *self = data;
  g_autoptr(TractionDealItem) item = g_steal_pointer (&self->pending);
  guint position;

  self->pending_id = 0;
  if (item != NULL && self->width > 0 && traction_deal_list_find (self->list, item, &position))
    focus_position (self, position);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (TractionCardColumn *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *list)
{
  GtkWidget *focused = focused_card (self);
  gboolean refocus = FALSE;

  /* A focused card whose item went takes the focus to its neighbour. */
  if (focused != NULL)
    {
      TractionDealItem *item = traction_deal_card_get_item (TRACTION_DEAL_CARD (focused));
      guint where;

      refocus = item == NULL || !traction_deal_list_find (self->list, item, &where);
    }

  update_visible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (refocus)
    {
      guint n = traction_deal_list_get_size (self->list);

      if (n == 0 || !focus_position (self, MIN (position, n - 1)))
        gtk_widget_child_focus (gtk_widget_get_parent (GTK_WIDGET (self)), GTK_DIR_TAB_FORWARD);
    }
}

static void
scrolled_cb (GtkWidget *widget,
             gboolean   replaced)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (widget);

  if (self->updating || self->list == NULL)
    return;
  update_visible (self);
  gtk_widget_queue_allocate (widget);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TractionCardColumn    *self)
{
  GtkWidget *focused = focused_card (self);
  guint n = traction_deal_list_get_size (self->list);
  guint position;
  guint page;

  if (focused == NULL || n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      !cursor_position (self, &position))
    return GDK_EVENT_PROPAGATE;
  page = MAX (self->shown->len, 2) - 1;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* The card's own menu button takes its keys first. */
      if (!gtk_widget_is_focus (focused))
        return GDK_EVENT_PROPAGATE;
      g_signal_emit (self, signals[ACTIVATE], 0, position);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return focus_position (self, 0);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return focus_position (self, n - 1);
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return focus_position (self, position > page ? position - page : 0);
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return focus_position (self, MIN (position + page, n - 1));
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* GtkWidget overrides */

static void
traction_card_column_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TRACTION_DEAL_CARD_MIN_WIDTH + 2 * PAD_X;
      *natural = TRACTION_DEAL_CARD_NAT_WIDTH + 2 * PAD_X;
    }
  else
    {
      /* In a scrolled window: the height it asks is what it scrolls. */
      *minimum = 0;
      *natural = self->width > 0 ? total_height (self) : 0;
    }
}

static void
traction_card_column_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (widget);
  double value;
  int y;

  self->width = width;
  self->height = height;
  update_visible (self);

  value = gtk_adjustment_get_value (self->scrollable.vadjustment);
  y = self->first_y;
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->shown, i);
      int h = item_height (self, traction_deal_card_get_item (TRACTION_DEAL_CARD (card)));

      gtk_widget_size_allocate (card,
                                &(GtkAllocation) { PAD_X, (int) (y - value), width - 2 * PAD_X, h },
                                -1);
      y += h + SPACING;
    }

  if (self->kept != NULL)
    {
      TractionDealItem *item = traction_deal_card_get_item (TRACTION_DEAL_CARD (self->kept));
      guint position;

      if (traction_deal_list_find (self->list, item, &position))
        gtk_widget_size_allocate (self->kept,
                                  &(GtkAllocation) { PAD_X, (int) (position_y (self, position) - value),
                                                     width - 2 * PAD_X, item_height (self, item) },
                                  -1);
    }

  if (self->pending != NULL && self->pending_id == 0)
    self->pending_id = g_idle_add (focus_pending_cb, self);

  self->updating = TRUE;
  gtk_adjustment_configure (self->scrollable.hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  self->updating = FALSE;
}

static gboolean
traction_card_column_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (widget);
  GtkWidget *focused = focused_card (self);
  guint position;

  if (focused != NULL)
    {
      /* Up and Down go card to card; Tab and Left/Right go into the
       * card (its menu button), then leave the column. */
      if (direction == GTK_DIR_DOWN || direction == GTK_DIR_UP)
        {
          if (!cursor_position (self, &position))
            return FALSE;
          if (direction == GTK_DIR_DOWN)
            return focus_position (self, position + 1);
          return position > 0 && focus_position (self, position - 1);
        }
      return gtk_widget_child_focus (focused, direction);
    }

  /* Coming in: the card focused last, else the first in view. */
  if (cursor_position (self, &position) && position >= self->first &&
      position < self->first + self->shown->len)
    return focus_position (self, position);
  return focus_position (self, self->first);
}

static gboolean
traction_card_column_grab_focus (GtkWidget *widget)
{
  return traction_card_column_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
traction_card_column_set_focus_child (GtkWidget *widget,
                                      GtkWidget *child)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (widget);

  GTK_WIDGET_CLASS (traction_card_column_parent_class)->set_focus_child (widget, child);
  if (child != NULL && TRACTION_IS_DEAL_CARD (child))
    g_set_object (&self->cursor, traction_deal_card_get_item (TRACTION_DEAL_CARD (child)));
}

/* GtkScrollable */

static void
traction_card_column_scrollable_init (GtkScrollableInterface *iface)
{
}

/* GObject overrides */

static void
traction_card_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (object);

  if (!traction_scrollable_get_property (&self->scrollable, PROP_SCROLLABLE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
traction_card_column_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (object);

  if (!traction_scrollable_set_property (&self->scrollable, PROP_SCROLLABLE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
traction_card_column_dispose (GObject *object)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, items_changed_cb, self);
  g_clear_object (&self->list);
  if (self->shown != NULL)
    g_ptr_array_set_size (self->shown, 0);
  while (self->cards != NULL && self->cards->len > 0)
    drop_card (self, g_ptr_array_index (self->cards, self->cards->len - 1));
  g_clear_object (&self->cursor);
  g_clear_object (&self->pending);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  traction_scrollable_clear (&self->scrollable);

  G_OBJECT_CLASS (traction_card_column_parent_class)->dispose (object);
}

static void
traction_card_column_finalize (GObject *object)
{
  TractionCardColumn *self = TRACTION_CARD_COLUMN (object);

  g_ptr_array_unref (self->cards);
  g_ptr_array_unref (self->shown);

  G_OBJECT_CLASS (traction_card_column_parent_class)->finalize (object);
}

static void
traction_card_column_class_init (TractionCardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = traction_card_column_get_property;
  object_class->set_property = traction_card_column_set_property;
  object_class->dispose = traction_card_column_dispose;
  object_class->finalize = traction_card_column_finalize;

  widget_class->measure = traction_card_column_measure;
  widget_class->size_allocate = traction_card_column_size_allocate;
  widget_class->focus = traction_card_column_focus;
  widget_class->grab_focus = traction_card_column_grab_focus;
  widget_class->set_focus_child = traction_card_column_set_focus_child;

  traction_scrollable_install_properties (object_class, PROP_SCROLLABLE);

  /**
   * TractionCardColumn::activate:
   * @position: the focused card's position
   *
   * Enter or Space on a card.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "cardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
traction_card_column_init (TractionCardColumn *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cards = g_ptr_array_new ();
  self->shown = g_ptr_array_new ();
  traction_scrollable_init (&self->scrollable, GTK_WIDGET (self), scrolled_cb);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Public API */

GtkWidget *
traction_card_column_new (TractionDealList     *list,
                          TractionCardBindFunc  bind,
                          gpointer              user_data)
{
  TractionCardColumn *self;

  g_return_val_if_fail (TRACTION_IS_DEAL_LIST (list), NULL);
  g_return_val_if_fail (bind != NULL, NULL);

  self = g_object_new (TRACTION_TYPE_CARD_COLUMN, NULL);
  self->list = g_object_ref (list);
  self->bind = bind;
  self->bind_data = user_data;
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (items_changed_cb), self);
  return GTK_WIDGET (self);
}

TractionDealList *
traction_card_column_get_list (TractionCardColumn *self)
{
  g_return_val_if_fail (TRACTION_IS_CARD_COLUMN (self), NULL);
  return self->list;
}

void
traction_card_column_rebind (TractionCardColumn *self)
{
  g_return_if_fail (TRACTION_IS_CARD_COLUMN (self));

  for (guint i = 0; i < self->cards->len; i++)
    {
      TractionDealCard *card = g_ptr_array_index (self->cards, i);
      TractionDealItem *item = traction_deal_card_get_item (card);

      if (item != NULL)
        {
          traction_deal_item_set_card_height (item, -1, -1);
          self->bind (card, item, self->bind_data);
        }
    }
  update_visible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
traction_card_column_focus_position (TractionCardColumn *self,
                                     guint               position)
{
  g_return_val_if_fail (TRACTION_IS_CARD_COLUMN (self), FALSE);
  return focus_position (self, position);
}

guint
traction_card_column_get_n_cards (TractionCardColumn *self)
{
  g_return_val_if_fail (TRACTION_IS_CARD_COLUMN (self), 0);
  return self->cards->len;
}
