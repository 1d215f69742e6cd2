/* test-clients-page.c: the Clients view on the sample company: the
 * at-risk client Lumio Bank is in the heatmap, sorting by latest score
 * puts the lowest first, and activating its latest cell opens that
 * month's scorecard with why the score moved; the business review form
 * keeps what is typed per period and makes the review; a quarter's QBRs
 * are written by the batch, which can be cancelled (needs a display:
 * xvfb-run -a; without one it reports a skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "test-util.h"
#include "test-wait.h"
#include "traction-clients-page.h"
#include "traction-health-report.h"
#include "traction-heatmap-widget.h"
#include "traction-movement-log.h"
#include "traction-qbr-batch.h"
#include "traction-review-dialog.h"
#include "traction-scorecard-dialog.h"
#include "traction-store-health.h"
#include "traction-usage-grid.h"

static char *tmp_dir;

/* The pages read on a worker thread after a write or a period change. */
static void
iterate (void)
{
  traction_test_wait_for_views ();
}

/* The first widget of type (a button or a menu button) whose "label" is
 * label. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               GType       type,
               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "label", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The n-th drop-down below widget, in tree order. */
static GtkDropDown *
nth_drop_down (GtkWidget *widget,
               guint      n)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *top = g_ptr_array_steal_index (stack, 0);

      if (GTK_IS_DROP_DOWN (top))
        {
          if (n-- == 0)
            return GTK_DROP_DOWN (top);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_last_child (top); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_insert (stack, 0, child);
    }
  return NULL;
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

  /* The heatmap shows the saved score, after the page's own reload. */
  {
    g_autoptr(GPtrArray) now = traction_store_list_clients (store, &today, &error);
    g_autofree char *score = NULL;
    g_autofree char *text = NULL;

    g_assert_nonnull (now);
    score = g_strdup_printf ("%.1f", find_row (now, lumio)->score);
    row = traction_heatmap_widget_find_row (heatmap, lumio);
    text = traction_heatmap_widget_describe_cell (heatmap, row, last_col);
    g_assert_nonnull (strstr (text, score));
  }

  /* Every window of months shows what the store holds, cell by cell. */
  {
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_labelled (page, GTK_TYPE_MENU_BUTTON, "Filter")));
    GtkDropDown *months = nth_drop_down (gtk_popover_get_child (popover), 3);

    g_assert_nonnull (months);
    for (guint choice = 0; choice < g_list_model_get_n_items (gtk_drop_down_get_model (months)); choice++)
      {
        GtkWidget *reference = g_object_ref_sink (traction_heatmap_widget_new ());
        guint n_rows = traction_heatmap_widget_get_n_rows (heatmap);
        g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autofree const char **names = g_new0 (const char *, n_rows + 1);
        TractionHeatmapData *data;
        TractionRules rules;
        guint n_months = 12 * (choice + 1);
        GDate first;

        gtk_drop_down_set_selected (months, choice);
        iterate ();
        for (guint i = 0; i < n_rows; i++)
          {
            gint64 id = traction_heatmap_widget_get_account (heatmap, i);

            g_array_append_val (ids, id);
            names[i] = find_row (clients, id)->name;
          }
        g_date_clear (&first, 1);
        g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
        g_date_subtract_months (&first, n_months - 1);
        data = traction_store_load_heatmap (store, (const gint64 *) ids->data, ids->len, &first, n_months, &error);
        g_assert_no_error (error);
        traction_store_get_rules (store, &rules);
        traction_heatmap_widget_set_data (TRACTION_HEATMAP_WIDGET (reference), &rules, data->n_clients,
                                          data->n_months, names, data->account_ids, data->scores,
                                          &data->first_month);
        traction_heatmap_data_free (data);

        g_assert_null (traction_heatmap_widget_describe_cell (heatmap, 0, n_months));
        for (guint i = 0; i < n_rows; i++)
          for (guint j = 0; j < n_months; j++)
            {
              g_autofree char *shown = traction_heatmap_widget_describe_cell (heatmap, i, j);
              g_autofree char *stored = traction_heatmap_widget_describe_cell (TRACTION_HEATMAP_WIDGET (reference),
                                                                                i, j);

              g_assert_cmpstr (shown, ==, stored);
            }
        g_object_unref (reference);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A label whose text starts with prefix (or, with a prefix starting
 * "*", has the rest in it). */
static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  data)
{
  const char *prefix = data;

  return GTK_IS_LABEL (widget)
         && (prefix[0] == '*' ? strstr (gtk_label_get_text (GTK_LABEL (widget)), prefix + 1) != NULL
                              : g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix));
}

static GtkWidget *
find_label_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  return traction_test_find (widget, label_starts, prefix);
}

/* The pane's title (its one "title-2" label). */
static gboolean
is_title (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2");
}

static gboolean
is_movement_log (GtkWidget     *widget,
                 gconstpointer  data)
{
  return TRACTION_IS_MOVEMENT_LOG (widget);
}

static gboolean
is_group (GtkWidget     *widget,
          gconstpointer  data)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  return traction_test_find (widget, is_group, title);
}

/* The client pane after writes: a write elsewhere leaves its widgets as
 * they are; saving the client's scorecard changes what it says about the
 * score (and only that); another client fills it anew. */
static void
test_pane_sections (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "pane.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *title, *contract, *people, *log, *why;
  TractionHealthInput input = { 0 };
  gint64 lumio = 0, other;
  g_autofree char *status = NULL;
  double score;
  GDate today, month;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_true (traction_health_report_find_client (store, "Lumio Bank", &today, &lumio, &error));

  page = traction_clients_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  traction_clients_page_select (TRACTION_CLIENTS_PAGE (page), lumio);
  iterate ();
  /* The pane's title: the client's name. The widgets are held: one made
   * anew must not be taken for one kept at the same address. */
  title = g_object_ref (traction_test_find (page, is_title, NULL));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Lumio Bank");
  contract = g_object_ref (find_group (page, "Contract"));
  people = g_object_ref (find_group (page, "Stakeholders"));
  why = g_object_ref (find_label_prefix (page, "Why the Score Moved in "));
  log = g_object_ref (traction_test_find (page, is_movement_log, NULL));
  g_assert_nonnull (log);
  g_assert_nonnull (contract);
  g_assert_nonnull (people);
  g_assert_nonnull (why);

  /* A write that does not touch Lumio Bank. */
  traction_store_emit_changed (store);
  iterate ();
  g_assert_true (traction_test_find (page, is_title, NULL) == title);
  g_assert_true (traction_test_find (page, is_movement_log, NULL) == log);
  g_assert_true (find_group (page, "Contract") == contract);
  g_assert_true (find_label_prefix (page, "Why the Score Moved in ") == why);

  /* Its scorecard this month, every item at 5: the header and "why" say
   * so; the contract and the people stay. */
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    input.items[i] = 5;
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_assert_true (traction_store_save_scorecard (store, lumio, &month, &input, "", &score, &error));
  g_assert_no_error (error);
  status = g_strdup_printf ("* · %.1f in ", score);
  g_assert_null (find_label_prefix (page, status));
  iterate ();
  g_assert_nonnull (find_label_prefix (page, status));
  g_assert_true (find_group (page, "Contract") == contract);
  g_assert_true (find_group (page, "Stakeholders") == people);
  g_assert_false (find_label_prefix (page, "Why the Score Moved in ") == why);
  g_assert_true (has_label_suffix (page, " points"));
  g_assert_true (traction_test_find (page, is_movement_log, NULL) == log);

  /* Another client: its name, its contract. */
  other = traction_heatmap_widget_get_account (TRACTION_HEATMAP_WIDGET (traction_clients_page_get_heatmap (TRACTION_CLIENTS_PAGE (page))), 0);
  if (other == lumio)
    other = traction_heatmap_widget_get_account (TRACTION_HEATMAP_WIDGET (traction_clients_page_get_heatmap (TRACTION_CLIENTS_PAGE (page))), 1);
  traction_clients_page_select (TRACTION_CLIENTS_PAGE (page), other);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (traction_test_find (page, is_title, NULL))), !=, "Lumio Bank");
  g_assert_false (find_group (page, "Contract") == contract);
  /* The same log, now of that client. */
  g_assert_true (traction_test_find (page, is_movement_log, NULL) == log);
  g_object_unref (title);
  g_object_unref (contract);
  g_object_unref (people);
  g_object_unref (why);
  g_object_unref (log);

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
  save = find_labelled (GTK_WIDGET (grid), GTK_TYPE_BUTTON, "_Save");
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

/* The nth text view under widget, walking the tree in order. */
static GtkTextView *
find_text_view (GtkWidget *widget,
                int        nth,
                int       *seen)
{
  if (GTK_IS_TEXT_VIEW (widget) && (*seen)++ == nth)
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child, nth, seen);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
find_empty_goal_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "Goal") == 0 &&
      gtk_editable_get_text (GTK_EDITABLE (widget))[0] == '\0')
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_empty_goal_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && has_label_suffix (widget, label))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_review_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "review.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(TractionReviewNotes) notes = NULL;
  g_autoptr(TractionBusinessReview) review = NULL;
  TractionReviewDialog *dialog;
  TractionReviewPeriod period;
  GtkTextView *highlights;
  GtkButton *add;
  GtkEditable *goal;
  GListModel *toplevels;
  gint64 brightwell = 0;
  int seen = 0;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_true (traction_health_report_find_client (store, "Brightwell Money", &today, &brightwell, &error));

  dialog = traction_review_dialog_new (NULL, store, brightwell, "Brightwell Money", TRACTION_REVIEW_QBR, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  /* The sample keeps last quarter's review: the form opens on it. */
  traction_review_dialog_get_period (dialog, &period);
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.quarter, ==, 3);
  notes = traction_review_dialog_get_notes (dialog);
  g_assert_cmpuint (notes->goals->len, ==, 3);
  g_assert_cmpuint (notes->next_goals->len, ==, 2);
  g_assert_cmpstr (notes->highlights, !=, "");
  g_clear_pointer (&notes, traction_review_notes_free);

  /* Type highlights with markup characters and add a goal. */
  highlights = find_text_view (GTK_WIDGET (dialog), 0, &seen);
  g_assert_nonnull (highlights);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (highlights), "Cards live <b>&</b> 🚀", -1);
  add = find_button_with_label (GTK_WIDGET (dialog), "Add Goal");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  notes = traction_review_dialog_get_notes (dialog);
  g_assert_cmpuint (notes->goals->len, ==, 4);
  g_clear_pointer (&notes, traction_review_notes_free);
  goal = find_empty_goal_entry (GTK_WIDGET (dialog));
  g_assert_nonnull (goal);
  gtk_editable_set_text (goal, "Launch payouts in the EU");
  g_assert_true (traction_review_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM review_goals WHERE period = '2026Q3'"), ==, 4);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM review_goals WHERE period = '2026Q4'"), ==, 2);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM review_notes"
                                                   " WHERE highlights = 'Cards live <b>&</b> 🚀'"), ==, 1);

  /* Removing a goal takes its row away (Undo is in the toast). */
  {
    GtkButton *remove = NULL;
    GtkWidget *stack[64];
    int top = 0;

    stack[top++] = GTK_WIDGET (dialog);
    while (top > 0 && remove == NULL)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_BUTTON (w) && gtk_button_get_icon_name (GTK_BUTTON (w)) != NULL &&
            g_str_equal (gtk_button_get_icon_name (GTK_BUTTON (w)), "user-trash-symbolic"))
          remove = GTK_BUTTON (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 63; c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    notes = traction_review_dialog_get_notes (dialog);
    g_assert_cmpuint (notes->goals->len + notes->next_goals->len, ==, 5);
    g_clear_pointer (&notes, traction_review_notes_free);
  }

  /* What prints is what was typed. */
  review = traction_review_dialog_load_review (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->notes->highlights, ==, "Cards live <b>&</b> 🚀");
  g_assert_true (review->has_data);

  /* Closing saves too. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (highlights), "Closed with this", -1);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM review_notes"
                                                   " WHERE highlights = 'Closed with this'"), ==, 1);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      g_assert_false (TRACTION_IS_REVIEW_DIALOG (window));
    }
}

static void
test_qbr_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "batch.db", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "qbrs", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GDir) dir = NULL;
  TractionQbrBatch *batch;
  guint n_files = 0;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  batch = traction_qbr_batch_new (NULL, store);
  gtk_window_present (GTK_WINDOW (batch));
  iterate ();
  g_assert_cmpuint (traction_qbr_batch_get_n_due (batch), >, 3);

  traction_qbr_batch_start (batch, folder);
  g_assert_true (traction_qbr_batch_is_running (batch));
  while (traction_qbr_batch_is_running (batch))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (traction_qbr_batch_get_failed (batch), ==, 0);
  g_assert_cmpuint (traction_qbr_batch_get_written (batch), ==, traction_qbr_batch_get_n_due (batch));
  dir = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      g_assert_true (g_str_has_prefix (name, "qbr-") && g_str_has_suffix (name, ".pdf"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, traction_qbr_batch_get_n_due (batch));

  /* Cancelled at once: stops before the end, leaves only whole files. */
  traction_qbr_batch_start (batch, folder);
  traction_qbr_batch_cancel (batch);
  while (traction_qbr_batch_is_running (batch))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (traction_qbr_batch_get_written (batch), <, traction_qbr_batch_get_n_due (batch));

  gtk_window_destroy (GTK_WINDOW (batch));
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
  g_test_add_func ("/clients/page/pane-sections", test_pane_sections);
  g_test_add_func ("/clients/usage-grid", test_usage_grid);
  g_test_add_func ("/clients/review-dialog", test_review_dialog);
  g_test_add_func ("/clients/qbr-batch", test_qbr_batch);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
