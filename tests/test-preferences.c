/* test-preferences.c: the preferences window against a real database,
 * driven through its widgets under a display (xvfb-run -a).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "test-util.h"
#include "traction-preferences-window.h"

#define PRODUCT_NAME "<b>Cards & Co</b> 💳"
#define PRODUCT_TITLE "&lt;b&gt;Cards &amp; Co&lt;/b&gt; 💳"

static char *tmp_dir;
static guint n_databases;

/* Helpers */

static void
wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static TractionStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("prefs-%u.db", n_databases++);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_true (TRACTION_IS_STORE (store));
  return store;
}

static GtkWidget *
open_window (TractionStore *store)
{
  GtkWidget *window = traction_preferences_window_new (NULL, store);

  g_assert_true (TRACTION_IS_PREFERENCES_WINDOW (window));
  g_assert_true (traction_preferences_window_get_store (TRACTION_PREFERENCES_WINDOW (window)) == store);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_idle ();
  return window;
}

static void
close_window (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
  g_assert_finalize_object (window);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

static GtkLabel *
find_label_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_text (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The item row of a Team & Products list whose title is title. */
static GtkWidget *
find_item_row (GtkWidget  *window,
               const char *list_name,
               const char *title)
{
  GtkWidget *list = get_named (window, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static gboolean
store_has_named (TractionStore *store,
                 const char    *table,
                 const char    *name)
{
  g_autoptr(GPtrArray) items = traction_store_list_named (store, table);

  for (guint i = 0; i < items->len; i++)
    {
      TractionNamed *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, name))
        return TRUE;
    }

  return FALSE;
}

static void
apply_entry_row (GtkWidget  *row,
                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  wait_for_idle ();
}

/* Tests */

static void
test_health_weights (void)
{
  g_autoptr(TractionStore) store = open_store ();
  GtkWidget *window = open_window (store);
  GtkWidget *usage = get_named (window, "weight-usage");
  GtkWidget *support = get_named (window, "weight-support");
  GtkWidget *save = get_named (window, "weights-save");
  GtkWidget *total = get_named (window, "weights-total");
  TractionRules rules;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (usage)), ==, 40);
  g_assert_false (gtk_widget_get_sensitive (save));

  /* 35 + 25 + 20 + 15 = 95: refused, nothing saved. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (usage), 35);
  wait_for_idle ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (total)), "95"));
  g_assert_true (gtk_widget_has_css_class (total, "error"));
  g_signal_emit_by_name (save, "clicked");
  wait_for_idle ();
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_USAGE], ==, 40);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_SUPPORT], ==, 25);
  g_assert_null (traction_store_get_setting (store, "health_weight.usage"));

  /* 35 + 30 + 20 + 15 = 100: saved, all four together. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (support), 30);
  wait_for_idle ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (total, "error"));
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_USAGE], ==, 40);
  g_signal_emit_by_name (save, "clicked");
  wait_for_idle ();
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_USAGE], ==, 35);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_SUPPORT], ==, 30);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_SATISFACTION], ==, 20);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_EXPANSION], ==, 15);
  g_assert_false (gtk_widget_get_sensitive (save));

  close_window (window);
}

static void
test_pipeline (void)
{
  g_autoptr(TractionStore) store = open_store ();
  GtkWidget *window = open_window (store);
  g_autofree char *mode = NULL;
  TractionRules rules;

  /* Each change is written at once. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (window, "stalled-proposal")), 21);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (window, "rhythm-meetings")), 6);
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.stalled_days[TRACTION_STAGE_PROPOSAL], ==, 21);
  g_assert_cmpint (rules.stalled_days[TRACTION_STAGE_LEAD], ==, 15);
  g_assert_cmpint (rules.rhythm_max_meetings, ==, 6);
  g_assert_null (find_named (window, "stalled-won"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (window, "probability-mode")), 1);
  mode = traction_store_get_setting (store, "probability_mode");
  g_assert_cmpstr (mode, ==, "learned");

  close_window (window);
}

static void
test_company (void)
{
  g_autoptr(TractionStore) store = open_store ();
  GtkWidget *window = open_window (store);
  GtkWidget *target = get_named (window, "quarterly-target");
  GtkWidget *error_label = get_named (window, "quarterly-target-error");
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  TractionRules rules;

  apply_entry_row (get_named (window, "company-name"), "  Acme & Sons  ");
  name = traction_store_get_company_name (store);
  g_assert_cmpstr (name, ==, "Acme & Sons");

  /* EUR is the second choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (window, "currency")), 1);
  currency = traction_store_get_currency (store);
  g_assert_cmpstr (currency, ==, "EUR");

  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (window, "fiscal-year-start")), 3);
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.fiscal_year_start_month, ==, 4);

  /* Invalid money: error style and message, nothing saved. */
  apply_entry_row (target, "12,5x");
  g_assert_true (gtk_widget_has_css_class (target, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (target));
  g_assert_true (gtk_widget_get_visible (error_label));
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.quarterly_target_cents, ==, 0);

  apply_entry_row (target, "250000.50");
  g_assert_false (gtk_widget_has_css_class (target, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.quarterly_target_cents, ==, 25000050);

  close_window (window);

  /* A new window shows what was saved. */
  window = open_window (store);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (window, "quarterly-target"))), ==, "250000.50");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (window, "company-name"))), ==, "Acme & Sons");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_named (window, "currency"))), ==, 1);
  close_window (window);
}

static void
test_named_lists (void)
{
  g_autoptr(TractionStore) store = open_store ();
  GtkWidget *window = open_window (store);
  GtkWidget *add_row = get_named (window, "products-add");
  GtkWidget *row;
  GtkWidget *remove;

  /* Stored verbatim, shown escaped (the title is markup) and displayed as
   * typed. */
  apply_entry_row (add_row, PRODUCT_NAME);
  g_assert_true (store_has_named (store, "products", PRODUCT_NAME));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = find_item_row (window, "products", PRODUCT_TITLE);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "&lt;b&gt;"));
  g_assert_nonnull (find_label_text (row, PRODUCT_NAME));

  /* A duplicate (ignoring case) is refused and kept in the row. */
  apply_entry_row (get_named (window, "loss-reasons-add"), "no budget");
  g_assert_false (store_has_named (store, "loss_reasons", "no budget"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (window, "loss-reasons-add"))), ==, "no budget");

  /* Remove, then Undo puts the name back. */
  remove = get_named (row, "remove");
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove));
  g_signal_emit_by_name (remove, "clicked");
  wait_for_idle ();
  g_assert_false (store_has_named (store, "products", PRODUCT_NAME));
  g_assert_null (find_item_row (window, "products", PRODUCT_TITLE));

  g_assert_true (gtk_widget_activate_action (window, "prefs.undo-remove", "(ss)", "products", PRODUCT_NAME));
  wait_for_idle ();
  g_assert_true (store_has_named (store, "products", PRODUCT_NAME));
  g_assert_nonnull (find_item_row (window, "products", PRODUCT_TITLE));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmp_dir = traction_test_make_dir ("traction-prefs");

  g_test_add_func ("/preferences/health-weights", test_health_weights);
  g_test_add_func ("/preferences/pipeline", test_pipeline);
  g_test_add_func ("/preferences/company", test_company);
  g_test_add_func ("/preferences/named-lists", test_named_lists);

  status = g_test_run ();

  /* The databases with their WAL and backup files. */
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
