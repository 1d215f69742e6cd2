/* test-card-column.c: one board column of 2,000 deals under a display
 * (xvfb-run -a): cards only for what is in view, the right deal on every
 * card after scrolling and after the list changes, keyboard moves that
 * scroll, Enter, and the focus when the focused deal leaves the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "traction-card-column.h"
#include "traction-deal-list.h"

#define N_DEALS 2000

typedef struct
{
  GtkWidget          *window;
  GtkWidget          *scroller;
  TractionCardColumn *column;
  TractionDealList   *list;
  GPtrArray          *items;      /* every TractionDealItem made */
  guint               activated;  /* position + 1 of the last activate */
} Fixture;

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Until two frames of the window have been laid out and painted after
 * now, and the main loop is idle: however slow the machine is. */
static void
wait_for_frames (GtkWidget *window)
{
  for (int i = 0; i < 2; i++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      gboolean painted = FALSE;
      gulong id;

      g_assert_nonnull (clock);
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
      gtk_widget_queue_draw (window);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, id);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static TractionDealItem *
make_item (guint i)
{
  TractionBoardDeal *deal = g_new0 (TractionBoardDeal, 1);

  deal->deal_id = i + 1;
  deal->account_id = i + 1;
  deal->company = g_strdup_printf ("Company %04u", i);
  /* Some long names wrap to two lines: cards of two heights. */
  deal->name = g_strdup_printf (i % 3 == 0 ? "Deal %04u for a rather long programme name that wraps" : "Deal %04u", i);
  deal->contacts = g_strdup ("");
  deal->owner = g_strdup ("");
  deal->stage = TRACTION_STAGE_DISCOVERY;
  deal->arr_cents = 100000 * (i + 1);
  deal->bant_total = (int) (i % 21);
  deal->next_action = g_strdup (i % 2 == 0 ? "Call back" : "");
  g_date_clear (&deal->next_due, 1);
  g_date_set_dmy (&deal->created, 1, 1, 2026);
  deal->last_activity = deal->created;
  g_date_clear (&deal->expected_close, 1);
  g_date_clear (&deal->closed, 1);
  return traction_deal_item_new (deal);
}

static void
bind_cb (TractionDealCard *card,
         TractionDealItem *item,
         gpointer          data)
{
  GDate today;

  g_date_set_dmy (&today, 22, 11, 2026);
  traction_deal_card_set_item (card, item, &today, "USD");
}

static void
activate_cb (TractionCardColumn *column,
             guint               position,
             Fixture            *fixture)
{
  fixture->activated = position + 1;
}

static void
set_every_nth (Fixture *fixture,
               guint    step)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < fixture->items->len; i += step)
    g_ptr_array_add (items, g_ptr_array_index (fixture->items, i));
  traction_deal_list_set_items (fixture->list, (TractionDealItem **) items->pdata, items->len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_DEALS; i++)
    g_ptr_array_add (fixture->items, make_item (i));
  fixture->list = traction_deal_list_new ();
  set_every_nth (fixture, 1);

  fixture->column = TRACTION_CARD_COLUMN (traction_card_column_new (fixture->list, bind_cb, NULL));
  g_signal_connect (fixture->column, "activate", G_CALLBACK (activate_cb), fixture);
  fixture->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scroller), GTK_WIDGET (fixture->column));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (fixture->list);
  g_ptr_array_unref (fixture->items);
}

static GtkAdjustment *
vadjustment (Fixture *fixture)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (fixture->scroller));
}

/* Every card in view shows a deal of the list, in list order, the first
 * one at first; returns how many are in view. */
static guint
assert_cards_follow_list (Fixture *fixture,
                          guint    first)
{
  guint n_in_view = 0;
  guint position = first;
  double height = gtk_widget_get_height (GTK_WIDGET (fixture->column));
  GtkWidget *previous = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->column));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_child_visible (child) || !gtk_widget_get_mapped (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->column), &bounds));
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;     /* the focused card, kept out of view */

      g_assert_true (traction_deal_card_get_item (TRACTION_DEAL_CARD (child)) ==
                     traction_deal_list_peek (fixture->list, position));
      if (previous != NULL)
        {
          graphene_rect_t before;

          g_assert_true (gtk_widget_compute_bounds (previous, GTK_WIDGET (fixture->column), &before));
          g_assert_cmpfloat (before.origin.y + before.size.height, <=, bounds.origin.y);
        }
      previous = child;
      position++;
      n_in_view++;
    }
  g_assert_cmpuint (n_in_view, >, 0);
  return n_in_view;
}

/* The position of the topmost card in view. */
static guint
first_in_view (Fixture *fixture)
{
  double height = gtk_widget_get_height (GTK_WIDGET (fixture->column));
  guint first = G_MAXUINT;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->column));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      guint position;

      if (!gtk_widget_get_child_visible (child) ||
          !gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->column), &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      g_assert_true (traction_deal_list_find (fixture->list, traction_deal_card_get_item (TRACTION_DEAL_CARD (child)),
                                              &position));
      first = MIN (first, position);
    }
  g_assert_cmpuint (first, !=, G_MAXUINT);
  return first;
}

static guint
focused_position (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  guint position = G_MAXUINT;

  g_assert_nonnull (focus);
  g_assert_true (TRACTION_IS_DEAL_CARD (focus));
  g_assert_true (traction_deal_list_find (fixture->list, traction_deal_card_get_item (TRACTION_DEAL_CARD (focus)),
                                          &position));
  return position;
}

static void
press (Fixture *fixture,
       guint    keyval)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkEventController *keys = NULL;

  /* The column's own key controller, as the event would reach it. */
  g_assert_nonnull (focus);
  for (guint i = 0; ; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->column));
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      g_assert_nonnull (controller);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          keys = GTK_EVENT_CONTROLLER (controller);
          break;
        }
    }
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
    if (!handled)
      g_printerr ("key %u not handled; focus %s\n", keyval, G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (fixture->window))));
    g_assert_true (handled);
  }
  wait_for_frames (fixture->window);
}

static void
test_only_cards_in_view (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkAdjustment *adjustment = vadjustment (fixture);
  guint n_in_view = assert_cards_follow_list (fixture, 0);

  /* 600 pixels show a handful of 2,000 cards. */
  g_assert_cmpuint (n_in_view, <, 15);
  g_assert_cmpuint (traction_card_column_get_n_cards (fixture->column), <=, n_in_view + 4);
  /* The scrollable height counts every deal. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, N_DEALS * 40.0);

  /* Scrolled to the end: the last deals, on the same few cards. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (fixture->window);
  g_assert_cmpuint (traction_card_column_get_n_cards (fixture->column), <, 20);
  n_in_view = assert_cards_follow_list (fixture, first_in_view (fixture));
  g_assert_cmpuint (first_in_view (fixture) + n_in_view, ==, N_DEALS);

  /* Halfway: the cards follow the list from wherever the view starts. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_for_frames (fixture->window);
  g_assert_cmpuint (first_in_view (fixture), >, N_DEALS / 4);
  g_assert_cmpuint (first_in_view (fixture), <, N_DEALS * 3 / 4);
  assert_cards_follow_list (fixture, first_in_view (fixture));
}

static void
test_list_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkAdjustment *adjustment = vadjustment (fixture);
  guint n_cards;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_for_frames (fixture->window);
  n_cards = traction_card_column_get_n_cards (fixture->column);

  /* Narrowed to 5 deals: the view goes back to the top, and no card is
   * made for it. */
  set_every_nth (fixture, 400);
  wait_for_frames (fixture->window);
  g_assert_cmpuint (traction_deal_list_get_size (fixture->list), ==, 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
  g_assert_cmpuint (assert_cards_follow_list (fixture, 0), ==, 5);
  g_assert_cmpuint (traction_card_column_get_n_cards (fixture->column), <=, n_cards);

  /* Widened again, emptied, filled: always the list's deals. */
  set_every_nth (fixture, 7);
  wait_for_frames (fixture->window);
  assert_cards_follow_list (fixture, 0);
  traction_deal_list_set_items (fixture->list, NULL, 0);
  wait_for_frames (fixture->window);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_widget_get_height (GTK_WIDGET (fixture->column)));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->column)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_false (gtk_widget_get_child_visible (child));
  set_every_nth (fixture, 1);
  wait_for_frames (fixture->window);
  assert_cards_follow_list (fixture, 0);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkAdjustment *adjustment = vadjustment (fixture);

  /* Coming in from outside: the first card. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->column), GTK_DIR_TAB_FORWARD));
  g_assert_cmpuint (focused_position (fixture), ==, 0);

  /* Down goes card to card (not into the card's menu button). The moves
   * are asked of the column: the window's own walk down to it follows a
   * focus chain GTK updates only while the window is the active one, which
   * it need not be on a display shared with other tests. */
  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->column), GTK_DIR_DOWN));
  wait_for_frames (fixture->window);
  g_assert_cmpuint (focused_position (fixture), ==, 3);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->column), GTK_DIR_UP));
  g_assert_cmpuint (focused_position (fixture), ==, 2);

  /* Enter on a card: activate with its position. */
  press (fixture, GDK_KEY_Return);
  g_assert_cmpuint (fixture->activated, ==, 3);

  /* End scrolls to the last deal and focuses it; Page Up moves by what
   * is in view; Home goes back to the top. */
  press (fixture, GDK_KEY_End);
  g_assert_cmpuint (focused_position (fixture), ==, N_DEALS - 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment), >=,
                     gtk_adjustment_get_upper (adjustment) - 1.0);
  press (fixture, GDK_KEY_Page_Up);
  g_assert_cmpuint (focused_position (fixture), <, N_DEALS - 2);
  g_assert_cmpuint (focused_position (fixture), >, N_DEALS - 20);
  press (fixture, GDK_KEY_Home);
  g_assert_cmpuint (focused_position (fixture), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);

  /* Scrolled away with the wheel, the focused card keeps its deal. */
  g_assert_true (traction_card_column_focus_position (fixture->column, 1));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_for_frames (fixture->window);
  g_assert_cmpuint (focused_position (fixture), ==, 1);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->column), GTK_DIR_DOWN));
  g_assert_cmpuint (focused_position (fixture), ==, 2);
}

static void
test_focused_deal_leaves (Fixture       *fixture,
                          gconstpointer  data)
{
  TractionDealItem *focused;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert_true (traction_card_column_focus_position (fixture->column, 4));
  g_assert_cmpuint (focused_position (fixture), ==, 4);
  focused = traction_deal_list_peek (fixture->list, 4);

  /* The list without the focused deal: its neighbour takes the focus. */
  for (guint i = 0; i < fixture->items->len; i++)
    if (g_ptr_array_index (fixture->items, i) != focused)
      g_ptr_array_add (items, g_ptr_array_index (fixture->items, i));
  traction_deal_list_set_items (fixture->list, (TractionDealItem **) items->pdata, items->len);
  wait_for_frames (fixture->window);
  g_assert_cmpuint (focused_position (fixture), ==, 4);
  g_assert_true (traction_deal_card_get_item (TRACTION_DEAL_CARD (gtk_root_get_focus (GTK_ROOT (fixture->window)))) !=
                 focused);
  assert_cards_follow_list (fixture, 0);
}

/* A column asked to focus a card before it was ever laid out (a column
 * the board has just expanded) does so once it is. */
static void
test_focus_before_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = traction_card_column_new (fixture->list, bind_cb, NULL);
  GtkWidget *focus;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 600);
  g_assert_true (traction_card_column_focus_position (TRACTION_CARD_COLUMN (column), 40));
  g_assert_false (traction_card_column_focus_position (TRACTION_CARD_COLUMN (column), N_DEALS));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (window);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_parent (focus) == column);
  g_assert_true (traction_deal_card_get_item (TRACTION_DEAL_CARD (focus)) == traction_deal_list_peek (fixture->list, 40));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))), >, 0.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint n;            /* emissions */
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->n++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

/* Sets the list to the items at the given indexes (-1 ends). */
static void
set_indexes (TractionDealList *list,
             GPtrArray        *items,
             const int        *indexes)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  for (guint i = 0; indexes[i] >= 0; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (items, indexes[i]));
  traction_deal_list_set_items (list, (TractionDealItem **) chosen->pdata, chosen->len);
  g_assert_cmpuint (traction_deal_list_get_size (list), ==, chosen->len);
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr(TractionDealItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (item == g_ptr_array_index (chosen, i));
      g_assert_true (traction_deal_list_peek (list, i) == item);
    }
}

static void
test_list_diff (void)
{
  g_autoptr(TractionDealList) list = traction_deal_list_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Change change = { 0 };
  guint position;

  for (guint i = 0; i < 8; i++)
    g_ptr_array_add (items, make_item (i));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TRACTION_TYPE_DEAL_ITEM);

  set_indexes (list, items, (int[]) { 0, 1, 2, 3, 4, 5, -1 });
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 6);

  /* Only the span between the same head and tail is reported. */
  set_indexes (list, items, (int[]) { 0, 1, 4, 5, -1 });
  g_assert_cmpuint (change.n, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);

  set_indexes (list, items, (int[]) { 0, 1, 6, 7, 4, 5, -1 });
  g_assert_cmpuint (change.n, ==, 3);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);

  /* The same items: nothing to tell. */
  set_indexes (list, items, (int[]) { 0, 1, 6, 7, 4, 5, -1 });
  g_assert_cmpuint (change.n, ==, 3);

  /* All different, shorter, then empty. */
  set_indexes (list, items, (int[]) { 3, 2, -1 });
  g_assert_cmpuint (change.n, ==, 4);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 6);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_true (traction_deal_list_find (list, g_ptr_array_index (items, 2), &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (traction_deal_list_find (list, g_ptr_array_index (items, 0), &position));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));
  set_indexes (list, items, (int[]) { -1 });
  g_assert_cmpuint (change.n, ==, 5);
  g_assert_cmpuint (change.removed, ==, 2);

  /* The list holds its own references. */
  set_indexes (list, items, (int[]) { 7, -1 });
  g_ptr_array_set_size (items, 0);
  g_assert_true (TRACTION_IS_DEAL_ITEM (traction_deal_list_peek (list, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TRACTION_TODAY", "2026-11-22", FALSE);
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/card-column/list-diff", test_list_diff);
  g_test_add ("/card-column/only-cards-in-view", Fixture, NULL, fixture_set_up, test_only_cards_in_view,
              fixture_tear_down);
  g_test_add ("/card-column/list-changes", Fixture, NULL, fixture_set_up, test_list_changes, fixture_tear_down);
  g_test_add ("/card-column/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/card-column/focus-before-shown", Fixture, NULL, fixture_set_up, test_focus_before_shown,
              fixture_tear_down);
  g_test_add ("/card-column/focused-deal-leaves", Fixture, NULL, fixture_set_up, test_focused_deal_leaves,
              fixture_tear_down);
  return g_test_run ();
}
