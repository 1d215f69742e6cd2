/* test-revenue-page.c: the Revenue view on the sample company: the
 * figures shown equal traction_store_compute_metrics (what `traction-cli
 * metrics` prints) for the period picked, the period picker moves by
 * quarter and takes a custom range, an empty database shows the empty
 * state, and the movement log deletes and undoes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "traction-revenue-page.h"
#include "traction-movement-log.h"
#include "traction-cs-dashboard.h"
#include "traction-store-revenue.h"

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

static void
assert_equals_metrics (TractionStore         *store,
                       const TractionRevenue *revenue,
                       const char            *from_text,
                       const char            *to_text)
{
  g_autoptr(GError) error = NULL;
  TractionMetrics m;
  GDate from, to, today;

  g_assert_true (traction_date_parse (from_text, &from, NULL));
  g_assert_true (traction_date_parse (to_text, &to, NULL));
  traction_date_today (&today);
  g_assert_true (traction_store_compute_metrics (store, &from, &to, &today, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&revenue->metrics.from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&revenue->metrics.to, &to), ==, 0);
  g_assert_cmpint (revenue->metrics.retention.valid, ==, m.retention.valid);
  g_assert_cmpfloat (revenue->metrics.retention.nrr, ==, m.retention.nrr);
  g_assert_cmpfloat (revenue->metrics.retention.grr, ==, m.retention.grr);
  g_assert_cmpint (revenue->metrics.bridge.end_cents, ==, m.bridge.end_cents);
  g_assert_cmpint (revenue->metrics.renewals_forecast_cents, ==, m.renewals_forecast_cents);
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "sample.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(GPtrArray) figures = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  const TractionRevenue *revenue;
  const TractionCsFigure *nrr;
  GDate today, from, to;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));

  page = traction_revenue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* Default: the current quarter (TRACTION_TODAY=2026-11-22: Q4 2026). */
  revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  g_assert_nonnull (revenue);
  assert_equals_metrics (store, revenue, "2026-10-01", "2027-01-01");
  g_assert_true (has_label (page, "Q4 2026"));
  figures = traction_cs_dashboard_figures (revenue);
  nrr = g_ptr_array_index (figures, 0);
  g_assert_true (has_label (page, nrr->value));

  /* Alt+Page Up: the quarter before. */
  g_assert_true (gtk_widget_activate_action (page, "revenue.previous", NULL));
  iterate ();
  revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  assert_equals_metrics (store, revenue, "2026-07-01", "2026-10-01");
  g_assert_true (has_label (page, "Q3 2026"));

  /* A custom range. */
  g_assert_true (traction_date_parse ("2026-02-15", &from, NULL));
  g_assert_true (traction_date_parse ("2026-08-15", &to, NULL));
  traction_revenue_page_set_period (TRACTION_REVENUE_PAGE (page), TRACTION_PERIOD_CUSTOM, &from, &to);
  iterate ();
  revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  assert_equals_metrics (store, revenue, "2026-02-15", "2026-08-15");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_empty_and_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(TractionMovementRow) deleted = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *log;
  TractionMovementInput input = { 1, { 0 }, TRACTION_MOVE_NEW, 1200000, "First contract" };
  gint64 id = 0;

  g_assert_no_error (error);
  page = traction_revenue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_true (has_label (page, "No Revenue Yet"));

  /* The log of one client, as the Clients view embeds it. */
  traction_test_exec (store, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme <b>', '2026-01-01')");
  g_assert_true (traction_date_parse ("2026-02-01", &input.date, NULL));
  g_assert_true (traction_store_add_movement (store, &input, &id, &error));
  g_assert_no_error (error);

  log = traction_movement_log_new (store, 1);
  g_object_ref_sink (log);
  g_assert_cmpuint (traction_movement_log_get_n_rows (TRACTION_MOVEMENT_LOG (log)), ==, 1);
  g_assert_true (traction_store_delete_movement (store, id, &deleted, &error));
  traction_movement_log_set_account (TRACTION_MOVEMENT_LOG (log), 0);
  g_assert_cmpuint (traction_movement_log_get_n_rows (TRACTION_MOVEMENT_LOG (log)), ==, 0);
  g_assert_true (traction_store_restore_movement (store, deleted, &error));
  traction_movement_log_set_account (TRACTION_MOVEMENT_LOG (log), 1);
  g_assert_cmpuint (traction_movement_log_get_n_rows (TRACTION_MOVEMENT_LOG (log)), ==, 1);
  g_object_unref (log);

  /* The page follows the store: no longer empty. */
  iterate ();
  g_usleep (50000);
  iterate ();
  g_assert_nonnull (traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page)));

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
  tmp_dir = traction_test_make_dir ("traction-revenue-page");

  g_test_add_func ("/revenue/page/sample", test_sample);
  g_test_add_func ("/revenue/page/empty-and-log", test_empty_and_log);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
