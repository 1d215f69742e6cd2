/* test-clients-page.c: the Clients view on the sample company: the
 * at-risk client Lumio Bank is in the heatmap, sorting by latest score
 * puts the lowest first, and activating its latest cell opens that
 * month's scorecard with why the score moved (needs a display: xvfb-run
 * -a; without one it reports a skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "test-util.h"
#include "traction-clients-page.h"
#include "traction-health-report.h"
#include "traction-heatmap-widget.h"
#include "traction-scorecard-dialog.h"
#include "traction-store-health.h"
#include "traction-usage-grid.h"

static char *tmp_dir;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_label_suffix (GtkWidget  *widget,
                  const char *suffix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), suffix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_suffix (child, suffix))
      return TRUE;
  return FALSE;
}

static TractionScorecardDialog *
find_scorecard_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TRACTION_IS_SCORECARD_DIALOG (window))
        return TRACTION_SCORECARD_DIALOG (window);
    }
  return NULL;
}

static const TractionClientRow *
find_row (GPtrArray *clients,
          gint64     account_id)
{
  for (guint i = 0; i < clients->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (clients, i);

      if (row->account_id == account_id)
        return row;
    }
  return NULL;
}

static void
test_lumio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "page.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(GPtrArray) clients = NULL;
  GtkWidget *window = gtk_window_new ();
  TractionHeatmapWidget *heatmap;
  TractionScorecardDialog *dialog;
  const TractionClientRow *lumio_row;
  GtkWidget *page, *why;
  gint64 lumio = 0;
  int row, col, last_col;
  double previous = -INFINITY;
  gboolean scores_done = FALSE;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_true (traction_health_report_find_client (store, "Lumio Bank", &today, &lumio, &error));
  clients = traction_store_list_clients (store, &today, &error);
  g_assert_nonnull (clients);
  lumio_row = find_row (clients, lumio);
  g_assert_nonnull (lumio_row);
  g_assert_true (lumio_row->has_score);
  g_assert_true (lumio_row->band == TRACTION_BAND_AT_RISK || lumio_row->band == TRACTION_BAND_CRITICAL);

  page = traction_clients_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  traction_clients_page_refresh (TRACTION_CLIENTS_PAGE (page));
  iterate ();

  /* Lumio Bank is in the heatmap. */
  heatmap = TRACTION_HEATMAP_WIDGET (traction_clients_page_get_heatmap (TRACTION_CLIENTS_PAGE (page)));
  g_assert_cmpuint (traction_heatmap_widget_get_n_rows (heatmap), ==, clients->len);
  g_assert_cmpint (traction_heatmap_widget_find_row (heatmap, lumio), >=, 0);

  /* By latest score: lowest first, clients without a score last. */
  traction_clients_page_set_sort (TRACTION_CLIENTS_PAGE (page), TRACTION_CLIENTS_SORT_SCORE);
  iterate ();
  for (guint i = 0; i < traction_heatmap_widget_get_n_rows (heatmap); i++)
    {
      const TractionClientRow *client = find_row (clients, traction_heatmap_widget_get_account (heatmap, i));

      g_assert_nonnull (client);
      if (!client->has_score)
        {
          scores_done = TRUE;
          continue;
        }
      g_assert_false (scores_done);
      g_assert_cmpfloat (client->score, >=, previous);
      previous = client->score;
    }
  g_assert_cmpfloat (find_row (clients, traction_heatmap_widget_get_account (heatmap, 0))->score, <=,
                     lumio_row->score);

  /* By name: alphabetical. */
  traction_clients_page_set_sort (TRACTION_CLIENTS_PAGE (page), TRACTION_CLIENTS_SORT_NAME);
  iterate ();
  for (guint i = 1; i < traction_heatmap_widget_get_n_rows (heatmap); i++)
    g_assert_cmpint (g_utf8_collate (find_row (clients, traction_heatmap_widget_get_account (heatmap, i - 1))->name,
                                     find_row (clients, traction_heatmap_widget_get_account (heatmap, i))->name), <=, 0);

  /* Its row, latest month: the cursor says band and score; Enter opens
   * the scorecard with why the score moved. */
  traction_clients_page_select (TRACTION_CLIENTS_PAGE (page), lumio);
  iterate ();
  g_assert_cmpint (traction_clients_page_get_selected (TRACTION_CLIENTS_PAGE (page)), ==, lumio);
  traction_heatmap_widget_get_cursor (heatmap, &row, &col);
  g_assert_cmpint (row, ==, traction_heatmap_widget_find_row (heatmap, lumio));
  last_col = col;
  {
    g_autofree char *text = traction_heatmap_widget_describe_cell (heatmap, row, last_col);

    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, "Lumio Bank"));
    g_assert_null (strstr (text, "no scorecard"));
  }
  /* The pane explains the fall too. */
  g_assert_true (has_label_suffix (page, " points"));

  /* The cursor is on its latest scorecard: activating it opens that month. */
  traction_heatmap_widget_activate_cell (heatmap, row, last_col);
  iterate ();
  dialog = find_scorecard_dialog ();
  g_assert_nonnull (dialog);
  why = traction_scorecard_dialog_get_why (dialog);
  g_assert_nonnull (why);
  g_assert_true (gtk_widget_get_visible (why));
  g_assert_true (has_label_suffix (why, " points"));
  g_assert_cmpfloat (fabs (traction_scorecard_dialog_get_score (dialog) - lumio_row->score), <, 0.05);

  /* A change is live; saving stores it. */
  traction_scorecard_dialog_set_item (dialog, 0, 5);
  g_assert_true (traction_scorecard_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  traction_clients_page_refresh (TRACTION_CLIENTS_PAGE (page));
  iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The month × client grid: type a month's figures across, save, and the
 * store has them (and the alert they trigger); a bad cell saves nothing. */
static GtkEntry *
nth_entry (GtkWidget *widget,
           guint     *n)
{
  if (GTK_IS_ENTRY (widget))
    {
      if ((*n)-- == 0)
        return GTK_ENTRY (widget);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEntry *found = nth_entry (child, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_usage_grid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "grid.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(GPtrArray) clients = NULL;
  TractionUsageGrid *grid;
  TractionUsageMonth usage;
  GtkWidget *save;
  GDate today, month;
  guint n;
  gint64 first;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  clients = traction_store_list_clients (store, &today, &error);
  g_assert_no_error (error);
  first = ((TractionClientRow *) g_ptr_array_index (clients, 0))->account_id;
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&today), g_date_get_year (&today));

  grid = traction_usage_grid_new (NULL, store);
  g_object_ref (grid);
  gtk_window_present (GTK_WINDOW (grid));
  iterate ();
  save = find_button (GTK_WIDGET (grid), "_Save");
  g_assert_nonnull (save);

  /* A bad cell: nothing is written, the window stays. */
  n = 8;  /* first client's NPS */
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (GTK_WIDGET (grid), &n)), "11");
  g_signal_emit_by_name (save, "clicked");
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (grid)));
  g_assert_true (traction_store_get_usage (store, first, &month, &usage, NULL) || usage.nps != 11);
  g_assert_cmpint (usage.nps, !=, 11);

  /* Good figures: API volume, P2 ticket, NPS 3. */
  n = 0;
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (GTK_WIDGET (grid), &n)), "1234");
  n = 4;
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (GTK_WIDGET (grid), &n)), "1");
  n = 8;
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (GTK_WIDGET (grid), &n)), "3");
  g_signal_emit_by_name (save, "clicked");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (grid)));
  g_assert_true (traction_store_get_usage (store, first, &month, &usage, &error));
  g_assert_cmpint (usage.api_volume, ==, 1234);
  g_assert_cmpint (usage.tickets[1], ==, 1);
  g_assert_cmpint (usage.nps, ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM alerts WHERE account_id = %" G_GINT64_FORMAT
                                            " AND kind = 'low_nps' AND source_month = '%04u-%02u-01'",
                                            first, (guint) g_date_get_year (&month), (guint) g_date_get_month (&month));

    g_assert_cmpint (traction_test_query_int (store, sql), ==, 1);
  }
  g_object_unref (grid);
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
  tmp_dir = traction_test_make_dir ("traction-clients-page");

  g_test_add_func ("/clients/page/lumio", test_lumio);
  g_test_add_func ("/clients/usage-grid", test_usage_grid);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
