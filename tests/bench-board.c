/* bench-board.c: the pipeline board on 20,000 generated deals: building
 * the page's models from the store (from an empty page), reloading it on
 * the main thread when nothing changed, one stage move as the board makes
 * it (with its reload on a worker thread), opening deals in the pane at
 * the side, and search keystrokes typed
 * into the board's entry as a person does (one character added or
 * removed), timed until the window has painted the result.
 * Prints medians of 5 runs and the peak RSS. Not a test: build-aux/bench.sh
 * runs it under xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "test-util.h"
#include "traction-deal-item.h"
#include "traction-pipeline-page.h"
#include "traction-store-deals.h"

#define RUNS 5

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  /* The board's own, in its search bar (drop-downs have one inside). */
  if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* When the board took the search in, when a frame began after that, and
 * when that frame was on screen. */
static gint64 applied_at;
static gint64 frame_began_at;
static gint64 painted_at;

static void
search_applied_cb (GtkSearchEntry *entry,
                   gpointer        data)
{
  applied_at = g_get_monotonic_time ();
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  if (applied_at != 0 && frame_began_at == 0)
    frame_began_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (frame_began_at != 0 && painted_at == 0)
    painted_at = g_get_monotonic_time ();
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* One key as typed: the character added at the end, or BackSpace when
 * text is the entry's text less its last character. */
static void
type_key (GtkWidget  *entry,
          const char *text)
{
  const char *now = gtk_editable_get_text (GTK_EDITABLE (entry));
  int len = (int) strlen (now);

  if (g_str_has_prefix (now, text) && strlen (text) + 1 == (size_t) len)
    gtk_editable_delete_text (GTK_EDITABLE (entry), len - 1, len);
  else
    {
      int position = len;

      g_assert_true (g_str_has_prefix (text, now) && strlen (text) == (size_t) len + 1);
      gtk_editable_insert_text (GTK_EDITABLE (entry), text + len, 1, &position);
    }
}

/* Types one key and waits for the first frame painted after the board
 * took the search in (at most a second); returns the milliseconds from
 * the key to the end of that frame, and in work_ms those until the board
 * had taken it in. */
static double
key_to_frame (GtkWidget  *entry,
              const char *text,
              double     *work_ms)
{
  gboolean gave_up = FALSE;
  gint64 start;
  guint timeout;

  applied_at = frame_began_at = painted_at = 0;
  timeout = g_timeout_add (1000, give_up_cb, &gave_up);
  start = g_get_monotonic_time ();
  type_key (entry, text);
  while (painted_at == 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
  g_assert_false (gave_up);
  *work_ms = (applied_at - start) / 1000.0;
  return (painted_at - start) / 1000.0;
}

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TractionGenerateOptions options = { 20000, 2000, 36, 1 };
  /* Typed and taken back: narrowing, then widening again. */
  const char * const keystrokes[RUNS] = { "1", "12", "123", "12", "1" };
  double build_ms[RUNS];
  double search_ms[RUNS];
  double search_work_ms[RUNS];
  double typing_stall_ms[RUNS];
  const char * const typed[RUNS] = { "", "2", "20", "201", "20" };
  double reload_ms[RUNS];
  double move_ms[RUNS];
  double landed_ms[RUNS];
  double stall_ms[RUNS];
  double open_ms[RUNS];
  double open_stall_ms[RUNS];
  GtkWidget *page;
  GtkWidget *window;
  struct rusage usage;
  guint shown = 0;
  GDate today;

  g_setenv ("TRACTION_TODAY", "2026-11-22", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-board: GTK cannot start (no display); run it under xvfb-run -a\n");
      return 1;
    }
  adw_init ();

  dir = g_dir_make_tmp ("traction-bench-board-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.db", NULL);
  store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  traction_date_today (&today);
  if (!traction_store_generate (store, &options, &today, &error))
    {
      g_printerr ("bench-board: %s\n", error->message);
      return 1;
    }

  /* On screen as in the app: columns make cards for what is in view. */
  page = g_object_ref_sink (traction_pipeline_page_new (NULL));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start;

      traction_pipeline_page_set_store (TRACTION_PIPELINE_PAGE (page), NULL);
      start = g_get_monotonic_time ();
      traction_pipeline_page_set_store (TRACTION_PIPELINE_PAGE (page), store);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      build_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      traction_pipeline_page_refresh (TRACTION_PIPELINE_PAGE (page));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      reload_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  /* A move as the board makes it (the page's move: store write, the card
   * changes column at once, the reload runs on a worker thread). Timed:
   * until the main loop is idle again (what the founder waits for), until
   * the reload has landed, and the longest the main thread was busy in
   * that time (a 1 ms ticker measures the gaps). */
  for (int run = 0; run < RUNS; run++)
    {
      GListModel *column = traction_pipeline_page_get_column_model (TRACTION_PIPELINE_PAGE (page),
                                                                    TRACTION_STAGE_DISCOVERY);
      gint64 deal_id = 0;
      gint64 start;
      guint ticker;

      for (guint i = 0; i < g_list_model_get_n_items (column) && deal_id == 0; i++)
        {
          g_autoptr(TractionDealItem) item = g_list_model_get_item (column, i);

          if (traction_deal_item_get_deal (item)->bant_total >= 12)
            deal_id = traction_deal_item_get_id (item);
        }
      if (deal_id == 0)
        {
          g_printerr ("bench-board: no qualified deal in Discovery\n");
          return 1;
        }

      last_tick = start = g_get_monotonic_time ();
      longest_gap = 0;
      ticker = g_timeout_add (1, tick_cb, NULL);
      traction_pipeline_page_move_deal (TRACTION_PIPELINE_PAGE (page), deal_id, TRACTION_STAGE_PROPOSAL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      move_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      while (traction_pipeline_page_is_loading (TRACTION_PIPELINE_PAGE (page)))
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      landed_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_source_remove (ticker);
      tick_cb (NULL);
      stall_ms[run] = longest_gap / 1000.0;
    }

  /* Opening deals in the pane at the side, one after another (what a
   * click on a card does): until the main loop is idle and 100 ms of
   * frames after, the longest the main thread was busy. */
  for (int run = 0; run < RUNS; run++)
    {
      GListModel *column = traction_pipeline_page_get_column_model (TRACTION_PIPELINE_PAGE (page),
                                                                    TRACTION_STAGE_PROPOSAL);
      g_autoptr(TractionDealItem) item = g_list_model_get_item (column, (guint) run);
      gint64 start;
      guint ticker;

      last_tick = start = g_get_monotonic_time ();
      longest_gap = 0;
      ticker = g_timeout_add (1, tick_cb, NULL);
      traction_pipeline_page_open_deal (TRACTION_PIPELINE_PAGE (page), traction_deal_item_get_id (item));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      open_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      for (gint64 until = g_get_monotonic_time () + 100000; g_get_monotonic_time () < until;)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (ticker);
      open_stall_ms[run] = longest_gap / 1000.0;
    }

  {
    GtkWidget *entry = find_search_entry (page);

    g_assert_nonnull (entry);
    g_assert_true (gtk_widget_activate_action (page, "board.search", NULL));
    g_signal_connect_after (entry, "search-changed", G_CALLBACK (search_applied_cb), NULL);
    g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (before_paint_cb), NULL);
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
    while (g_main_context_iteration (NULL, FALSE))
      ;

    for (int run = 0; run < RUNS; run++)
      search_ms[run] = key_to_frame (entry, keystrokes[run], &search_work_ms[run]);

    /* Typing as the founder does; the longest the main thread was busy. */
    for (int run = 0; run < RUNS; run++)
      {
        guint ticker;

        last_tick = g_get_monotonic_time ();
        longest_gap = 0;
        ticker = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 1, tick_cb, NULL, NULL);
        type_key (entry, typed[run]);
        /* A person types a key every ~150 ms at the fastest. */
        for (gint64 until = g_get_monotonic_time () + 400000; g_get_monotonic_time () < until;)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (ticker);
        tick_cb (NULL);
        typing_stall_ms[run] = longest_gap / 1000.0;
      }
  }

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    shown += g_list_model_get_n_items (traction_pipeline_page_get_column_model (TRACTION_PIPELINE_PAGE (page), stage));

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-50s %10s %9s %5s\n", "benchmark", "median ms", "peak MiB", "runs");
  printf ("%-50s %10.1f %9.1f %5d\n", "board: load 20,000 deals into the page's models",
          traction_test_median (build_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: reload, nothing changed",
          traction_test_median (reload_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: move one deal, card in its new column",
          traction_test_median (move_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: move, background reload landed",
          traction_test_median (landed_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: move, longest main-thread stall",
          traction_test_median (stall_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: open a deal in the pane",
          traction_test_median (open_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: open a deal, longest main-thread stall",
          traction_test_median (open_stall_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: search keystroke, board updated",
          traction_test_median (search_work_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: search keystroke to painted frame",
          traction_test_median (search_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("%-50s %10.1f %9.1f %5d\n", "board: typing in search, longest main-thread stall",
          traction_test_median (typing_stall_ms, RUNS), usage.ru_maxrss / 1024.0, RUNS);
  printf ("(%u deals match the last search, \"%s\")\n", shown, typed[RUNS - 1]);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_unlink (child);
      }
    g_rmdir (dir);
  }
  return 0;
}
