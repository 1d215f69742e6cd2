/* test-demo-page.c: the demo plan window on the sample company's
 * Lodestar deal, reordered from the keyboard (Alt+Down / Alt+Up on the
 * focused row), and the sales assets window flagging a stale asset
 * (needs a display: xvfb-run -a; without one it reports a skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "traction-demo-plan.h"
#include "traction-assets-window.h"
#include "traction-store-demo.h"
#include "traction-store-qualify.h"

static char *tmp_dir;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
nth_row (GtkListBox *list,
         int         n)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, n));
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static char *
first_pain (TractionStore *store,
            gint64         deal)
{
  g_autoptr(TractionDemoPlan) plan = traction_store_load_demo_plan (store, deal, NULL);

  g_assert_nonnull (plan);
  return g_strdup (((TractionDemoItem *) g_ptr_array_index (plan->items, 0))->pain);
}

static void
test_keyboard_reorder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "plan.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autofree char *pain = NULL;
  GtkWidget *window;
  GtkListBox *list;
  GtkWidget *focus;
  gint64 deal = 0;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_true (traction_store_find_deal (store, "Lodestar", &deal, &error));

  window = traction_demo_plan_new (store, deal);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  list = traction_demo_plan_get_list (TRACTION_DEMO_PLAN (window));
  g_assert_cmpstr (row_title (nth_row (list, 0)), ==, "1. Their ledger breaks with every new product");
  g_assert_cmpstr (row_title (nth_row (list, 1)), ==, "2. Reconciliation is manual");
  g_assert_true (has_label (window, "40 of 45 minutes"));
  g_assert_true (has_label (window, "Fits the meeting"));

  /* Alt+Down on the first row: it becomes second and keeps the focus. */
  /* The row's header takes the focus, as Tab gives it. */
  g_assert_true (gtk_widget_child_focus (nth_row (list, 0), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, nth_row (list, 0)));
  g_assert_true (gtk_widget_activate_action (window, "plan.move-down", NULL));
  iterate ();
  g_assert_cmpstr (row_title (nth_row (list, 0)), ==, "1. Reconciliation is manual");
  g_assert_cmpstr (row_title (nth_row (list, 1)), ==, "2. Their ledger breaks with every new product");
  pain = first_pain (store, deal);
  g_assert_cmpstr (pain, ==, "Reconciliation is manual");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, nth_row (list, 1)));

  /* Alt+Up brings it back; Alt+Up on the first row does nothing. */
  g_assert_true (gtk_widget_activate_action (window, "plan.move-up", NULL));
  iterate ();
  g_assert_cmpstr (row_title (nth_row (list, 0)), ==, "1. Their ledger breaks with every new product");
  g_assert_true (gtk_widget_activate_action (window, "plan.move-up", NULL));
  iterate ();
  g_assert_cmpstr (row_title (nth_row (list, 0)), ==, "1. Their ledger breaks with every new product");

  /* A shorter meeting turns the total into a warning, in words. */
  g_assert_true (traction_store_set_demo_meeting (store, deal, 30, &error));
  iterate ();
  g_assert_true (has_label (window, "40 of 30 minutes: 10 over the meeting"));
  g_assert_true (has_label (window, "Over the meeting’s length"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_assets_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "assets.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  GtkWidget *window;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));

  window = traction_assets_window_new (store);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* The rate card is 47 days old in the sample: flagged in words. */
  g_assert_true (has_label (window, "Stale"));
  g_assert_true (has_label (window, "Pricing rate card"));
  g_assert_true (has_label (window, "Published"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = traction_test_make_dir ("traction-demo-page");

  g_test_add_func ("/demo/page/keyboard-reorder", test_keyboard_reorder);
  g_test_add_func ("/demo/page/assets", test_assets_window);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
