/* test-revenue-page.c: the Revenue view on the sample company: the
 * figures shown equal traction_store_compute_metrics (what `traction-cli
 * metrics` prints) for the period picked, the period picker moves by
 * quarter and takes a custom range, an empty database shows the empty
 * state, and the movement log deletes and undoes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "test-util.h"
#include "test-wait.h"
#include "traction-revenue-page.h"
#include "traction-movement-log.h"
#include "traction-cs-dashboard.h"
#include "traction-store-revenue.h"
#include "traction-widgets.h"

static char *tmp_dir;

/* The pages read on a worker thread after a write or a period change. */
static void
iterate (void)
{
  traction_test_wait_for_views ();
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

/* The n-th widget of a type: data points to { type, n }, n counting down. */
typedef struct
{
  GType type;
  guint n;
} NthOfType;

static gboolean
is_nth_of_type (GtkWidget     *widget,
                gconstpointer  data)
{
  NthOfType *nth = (NthOfType *) data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, nth->type) && nth->n-- == 0;
}

static GtkWidget *
nth_of_type (GtkWidget *widget,
             GType      type,
             guint      n)
{
  NthOfType nth = { type, n };

  return traction_test_find (widget, is_nth_of_type, &nth);
}

/* The cards show revenue's figures, one card each, nothing left over
 * from the period before (they are updated in place). */
static void
assert_figures_shown (GtkWidget             *page,
                      const TractionRevenue *revenue)
{
  g_autoptr(GPtrArray) figures = traction_cs_dashboard_figures (revenue);
  GtkFlowBox *flow = GTK_FLOW_BOX (nth_of_type (page, GTK_TYPE_FLOW_BOX, 0));
  guint i;

  g_assert_nonnull (flow);
  for (i = 0; i < figures->len; i++)
    {
      const TractionCsFigure *figure = g_ptr_array_index (figures, i);
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (flow, (int) i);
      GtkWidget *name, *value, *detail;

      g_assert_nonnull (child);
      name = gtk_widget_get_first_child (gtk_flow_box_child_get_child (child));
      value = gtk_widget_get_next_sibling (name);
      detail = gtk_widget_get_next_sibling (value);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, figure->label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, figure->value);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, figure->detail);
      g_assert_cmpint (gtk_widget_get_visible (detail), ==, figure->detail[0] != '\0');
    }
  g_assert_null (gtk_flow_box_get_child_at_index (flow, (int) i));
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

/* The page on store in window; it shows the current quarter
 * (TRACTION_TODAY=2026-11-22: Q4 2026), the same figures as the metrics. */
static GtkWidget *
show_page (TractionStore          *store,
           GtkWidget              *window,
           const TractionRevenue **revenue)
{
  GtkWidget *page = traction_revenue_page_new (store);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  *revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  g_assert_nonnull (*revenue);
  assert_equals_metrics (store, *revenue, "2026-10-01", "2027-01-01");
  return page;
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
  GtkListBox *renewals;
  GtkWidget *first_renewal;
  GDate today, from, to;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));

  page = show_page (store, window, &revenue);
  g_assert_true (has_label (page, "Q4 2026"));
  figures = traction_cs_dashboard_figures (revenue);
  nrr = g_ptr_array_index (figures, 0);
  g_assert_true (has_label (page, nrr->value));
  assert_figures_shown (page, revenue);
  /* The lists: the tracker, then the renewals (the next 180 days,
   * whatever the period). */
  renewals = GTK_LIST_BOX (nth_of_type (page, GTK_TYPE_LIST_BOX, 1));
  /* Held: a row made anew must not be taken for one kept at the same
   * address. */
  first_renewal = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (renewals, 0)));
  g_assert_cmpuint (revenue->renewals->len, >, 0);

  /* Alt+Page Up: the quarter before. */
  g_assert_true (gtk_widget_activate_action (page, "revenue.previous", NULL));
  iterate ();
  revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  assert_equals_metrics (store, revenue, "2026-07-01", "2026-10-01");
  g_assert_true (has_label (page, "Q3 2026"));
  assert_figures_shown (page, revenue);
  /* The same renewals: the rows stay as they were. */
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (renewals, 0)) == first_renewal);
  g_object_unref (first_renewal);

  /* A custom range. */
  g_assert_true (traction_date_parse ("2026-02-15", &from, NULL));
  g_assert_true (traction_date_parse ("2026-08-15", &to, NULL));
  traction_revenue_page_set_period (TRACTION_REVENUE_PAGE (page), TRACTION_PERIOD_CUSTOM, &from, &to);
  iterate ();
  revenue = traction_revenue_page_get_revenue (TRACTION_REVENUE_PAGE (page));
  assert_equals_metrics (store, revenue, "2026-02-15", "2026-08-15");
  assert_figures_shown (page, revenue);

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

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

/* The Show All (or Show N More) button of a list. */
static gboolean
is_show_more (GtkWidget     *widget,
              gconstpointer  data)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  return label != NULL && (strcmp (label, "Show _All") == 0
                           || (g_str_has_prefix (label, "Show ") && g_str_has_suffix (label, " _More")));
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

/* Show All adds rows in the frames that follow: until list has n rows
 * (or ten seconds went by). */
static void
wait_for_rows (GtkWidget *list,
               guint      n)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count_rows (list) != n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* Rows a list of n shows after Show All: all, or the most a list shows
 * and a row saying where the rest are. */
static guint
rows_after_show_all (guint n)
{
  return n <= TRACTION_LIST_BOX_MAX_ROWS ? n : TRACTION_LIST_BOX_MAX_ROWS + 1;
}

/* Many clients: the renewals, the tracker and the movement log show 10
 * rows and a row to show the rest, which shows them (up to the most a
 * list shows); the newest movements (the log's) are those of the whole
 * log, with the same ARR after each. */
static void
test_many_clients (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "many.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  TractionGenerateOptions options = { 0, 400, 24, 7, 6000 };
  GtkWidget *window = gtk_window_new ();
  const TractionRevenue *revenue;
  GtkWidget *page, *show_all, *list = NULL;
  guint n_lists = 0, expected;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_generate (store, &options, &today, &error));
  g_assert_no_error (error);

  page = show_page (store, window, &revenue);

  g_assert_cmpuint (revenue->tracker->len, >, TRACTION_LIST_BOX_MAX_ROWS);
  while ((show_all = traction_test_find (page, is_show_more, NULL)) != NULL)
    {
      list = gtk_widget_get_ancestor (show_all, GTK_TYPE_LIST_BOX);
      g_assert_nonnull (list);
      g_assert_cmpuint (count_rows (list), ==, 10 + 1);
      g_signal_emit_by_name (show_all, "clicked");
      /* The first rows at once, the rest in the frames that follow: the
       * rows of its list (the tracker, the renewals, then the log). */
      g_assert_cmpuint (count_rows (list), >, 10);
      expected = n_lists == 0 ? rows_after_show_all (revenue->tracker->len)
                 : n_lists == 1 ? rows_after_show_all (revenue->renewals->len) : TRACTION_MOVEMENT_LOG_LIMIT;
      wait_for_rows (list, expected);
      g_assert_cmpuint (count_rows (list), ==, expected);
      /* Past the most a list shows: how many more, and where they are. */
      if (count_rows (list) == TRACTION_LIST_BOX_MAX_ROWS + 1)
        {
          GtkListBoxRow *rest = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), TRACTION_LIST_BOX_MAX_ROWS);
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rest));
          guint more = (guint) g_ascii_strtoull (title, NULL, 10);

          g_assert_true (g_str_has_suffix (title, " more rows: Print or Export as PDF lists every row"));
          g_assert_true (more == revenue->tracker->len - TRACTION_LIST_BOX_MAX_ROWS ||
                         more == revenue->renewals->len - TRACTION_LIST_BOX_MAX_ROWS);
        }
      g_assert_null (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_BUTTON));
      n_lists++;
    }
  g_assert_cmpuint (n_lists, ==, 3);

  /* The log: the 200 newest, and how many there are in all. */
  {
    guint total = 0;
    g_autoptr(GPtrArray) newest = traction_store_list_recent_movements (store, 200, &total, &error);
    g_autoptr(GPtrArray) all = traction_store_list_movements (store, 0, &error);

    g_assert_nonnull (newest);
    g_assert_cmpuint (total, ==, all->len);
    g_assert_cmpuint (newest->len, ==, 200);
    for (guint i = 0; i < newest->len; i++)
      {
        const TractionMovementRow *a = g_ptr_array_index (newest, i);
        const TractionMovementRow *b = g_ptr_array_index (all, i);

        g_assert_cmpint (a->id, ==, b->id);
        g_assert_cmpint (a->arr_after_cents, ==, b->arr_after_cents);
        g_assert_cmpstr (a->account, ==, b->account);
      }
  }

  /* A log whose Show All is still adding rows when it is filled anew
   * (another client): the rest stops; the list is that client's. */
  {
    GtkWidget *log = g_object_ref_sink (traction_movement_log_new (store, 0));
    GtkWidget *log_list = traction_test_find (log, is_list_box, NULL);
    g_autoptr(GPtrArray) first = traction_store_list_movements (store, 1, &error);
    guint rows;

    g_assert_nonnull (first);
    show_all = traction_test_find (log, is_show_more, NULL);
    g_assert_nonnull (show_all);
    g_signal_emit_by_name (show_all, "clicked");
    g_assert_cmpuint (count_rows (log_list), <, TRACTION_MOVEMENT_LOG_LIMIT);
    traction_movement_log_set_account (TRACTION_MOVEMENT_LOG (log), 1);
    iterate ();
    rows = count_rows (log_list);
    g_assert_cmpuint (rows, ==, first->len <= TRACTION_MOVEMENT_LOG_SHOWN ? first->len
                                                                         : TRACTION_MOVEMENT_LOG_SHOWN + 1);
    g_object_unref (log);
  }

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
  g_test_add_func ("/revenue/page/many-clients", test_many_clients);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
