/* bench-views.c: what the Today, Clients and Revenue views cost the
 * window on a generated company (2,000 clients, 100,000 ARR movements;
 * for Today, a second one with 20,000 deals): Today's and the Clients
 * view's reload after a write elsewhere, the Clients view's after the
 * shown client's scorecard is saved and on showing the next client, a Revenue period step and Show All
 * on its tracker (1,800 clients moved), each timed until its data is on
 * screen, with the longest the main thread was busy meanwhile (a 1 ms ticker measures the gaps; the data itself is
 * read on a worker thread). Prints medians of 5 runs. Not a test:
 * build-aux/bench.sh runs it under xvfb-run.
 *
 *   bench-views DATABASE [TODAY-DATABASE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "test-util.h"
#include "traction-clients-page.h"
#include "traction-heatmap-widget.h"
#include "traction-loader.h"
#include "traction-revenue-page.h"
#include "traction-store-health.h"
#include "traction-today-page.h"
#include "traction-widgets.h"

#define RUNS 5

static gint64 last_tick;
static gint64 longest_gap;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until the main loop is idle and no view is loading. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (traction_loader_n_running () > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* drain(), then 100 ms more: the frames a change asks for come on the
 * frame clock's timer, not at once. */
static void
settle (void)
{
  gboolean done = FALSE;

  drain ();
  g_timeout_add (100, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* What has to be on screen, besides the views' loads being done. */
typedef gboolean (*ShownFunc) (void);

static gboolean
loads_done (void)
{
  return TRUE;
}

/* Runs what, then the main loop until the views' loads are done, it is
 * idle and shown says so; returns the milliseconds that took, and in
 * stall_ms the longest gap between ticks until its frames are drawn too. */
static double
timed_until (void      (*what) (gpointer data),
             gpointer    data,
             ShownFunc   shown,
             double     *stall_ms)
{
  gint64 start;
  double shown_ms;
  guint ticker;

  settle ();
  last_tick = start = g_get_monotonic_time ();
  longest_gap = 0;
  ticker = g_timeout_add (1, tick_cb, NULL);
  what (data);
  /* The reload a write asks for starts from an idle. */
  g_main_context_iteration (NULL, FALSE);
  drain ();
  while (!shown ())
    g_main_context_iteration (NULL, TRUE);
  shown_ms = (g_get_monotonic_time () - start) / 1000.0;
  settle ();
  g_source_remove (ticker);
  *stall_ms = longest_gap / 1000.0;
  return shown_ms;
}

static double
timed (void      (*what) (gpointer data),
       gpointer    data,
       double     *stall_ms)
{
  return timed_until (what, data, loads_done, stall_ms);
}

static void
write_cb (gpointer data)
{
  traction_store_emit_changed (TRACTION_STORE (data));
}

/* Saves the shown client's scorecard for this month, each time with
 * other scores: the heatmap, the pane's header, trend and "why" change. */
static void
score_cb (gpointer data)
{
  TractionClientsPage *page = data;
  static int flip;
  TractionHealthInput input = { 0 };
  GDate month;

  flip = !flip;
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    input.items[i] = flip ? 2 : 4;
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, G_DATE_NOVEMBER, 2026);
  if (!traction_store_save_scorecard (traction_clients_page_get_store (page),
                                      traction_clients_page_get_selected (page),
                                      &month, &input, "", NULL, NULL))
    g_error ("bench-views: the scorecard was not saved");
}

/* Shows the next client of the heatmap in the pane (what Down does,
 * after its pause): every section of the pane is made anew. */
static void
next_client_cb (gpointer data)
{
  TractionClientsPage *page = data;
  TractionHeatmapWidget *heatmap = TRACTION_HEATMAP_WIDGET (traction_clients_page_get_heatmap (page));
  int row = traction_heatmap_widget_find_row (heatmap, traction_clients_page_get_selected (page));

  traction_clients_page_select (page, traction_heatmap_widget_get_account (heatmap, (guint) row + 1));
}

static void
step_cb (gpointer data)
{
  static gboolean back;

  /* Back and forth: always a period with data. */
  gtk_widget_activate_action (GTK_WIDGET (data), back ? "revenue.next" : "revenue.previous", NULL);
  back = !back;
}

static GtkWidget *
show (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  return window;
}

/* The first Show All (or Show N More) button below widget. */
static GtkWidget *
find_show_more (GtkWidget *widget)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  if (label != NULL && g_str_has_prefix (label, "Show ") && (g_str_has_suffix (label, "_All")
                                                            || g_str_has_suffix (label, "_More")))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_show_more (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkListBox *show_more_list;

static void
click_cb (gpointer data)
{
  show_more_list = GTK_LIST_BOX (gtk_widget_get_ancestor (data, GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (data, "clicked");
}

/* The list Show More was clicked in has its rows, and the row saying how
 * many more there are. */
static gboolean
show_more_done (void)
{
  return gtk_list_box_get_row_at_index (show_more_list, TRACTION_LIST_BOX_MAX_ROWS) != NULL;
}

static TractionStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TractionStore *store = traction_store_open (path, FALSE, &error);

  if (store == NULL)
    {
      g_printerr ("bench-views: %s\n", error->message);
      exit (1);
    }
  return store;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TractionStore) store = NULL;
  double today_ms[RUNS], today_stall[RUNS];
  double clients_ms[RUNS], clients_stall[RUNS];
  double score_ms[RUNS], score_stall[RUNS];
  double next_ms[RUNS], next_stall[RUNS];
  double step_ms[RUNS], step_stall[RUNS];
  double all_ms, all_stall;
  GtkWidget *window;
  GtkWidget *page;

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: bench-views DATABASE [TODAY-DATABASE]\n");
      return 2;
    }
  g_setenv ("TRACTION_TODAY", "2026-11-22", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-views: GTK cannot start (no display); run it under xvfb-run -a\n");
      return 1;
    }
  adw_init ();
  store = open_store (argv[argc - 1]);
  page = traction_today_page_new (store);
  window = show (page);
  for (int run = 0; run < RUNS; run++)
    today_ms[run] = timed (write_cb, store, &today_stall[run]);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_clear_object (&store);

  store = open_store (argv[1]);
  page = traction_clients_page_new (store);
  window = show (page);
  for (int run = 0; run < RUNS; run++)
    clients_ms[run] = timed (write_cb, store, &clients_stall[run]);
  for (int run = 0; run < RUNS; run++)
    score_ms[run] = timed (score_cb, page, &score_stall[run]);
  for (int run = 0; run < RUNS; run++)
    next_ms[run] = timed (next_client_cb, page, &next_stall[run]);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  page = traction_revenue_page_new (store);
  window = show (page);
  for (int run = 0; run < RUNS; run++)
    step_ms[run] = timed (step_cb, page, &step_stall[run]);
  /* Once: the rows stay. The tracker is the first list. */
  all_ms = timed_until (click_cb, find_show_more (page), show_more_done, &all_stall);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  printf ("%-50s %10s\n", "benchmark", "median ms");
  printf ("%-50s %10.1f\n", "today: reload after a write, shown",
          traction_test_median (today_ms, RUNS));
  printf ("%-50s %10.1f\n", "today: reload, longest main-thread stall",
          traction_test_median (today_stall, RUNS));
  printf ("%-50s %10.1f\n", "clients: reload after a write, shown",
          traction_test_median (clients_ms, RUNS));
  printf ("%-50s %10.1f\n", "clients: reload, longest main-thread stall",
          traction_test_median (clients_stall, RUNS));
  printf ("%-50s %10.1f\n", "clients: shown client's scorecard saved, shown",
          traction_test_median (score_ms, RUNS));
  printf ("%-50s %10.1f\n", "clients: scorecard saved, longest main-thread stall",
          traction_test_median (score_stall, RUNS));
  printf ("%-50s %10.1f\n", "clients: next client in the pane, shown",
          traction_test_median (next_ms, RUNS));
  printf ("%-50s %10.1f\n", "clients: next client, longest main-thread stall",
          traction_test_median (next_stall, RUNS));
  printf ("%-50s %10.1f\n", "revenue: period step, shown",
          traction_test_median (step_ms, RUNS));
  printf ("%-50s %10.1f\n", "revenue: period step, longest main-thread stall",
          traction_test_median (step_stall, RUNS));
  printf ("%-50s %10.1f (once)\n", "revenue: tracker Show More, 200 rows shown", all_ms);
  printf ("%-50s %10.1f (once)\n", "revenue: Show More, longest main-thread stall", all_stall);
  return 0;
}
