/* bench-health.c: the store side of client health on a generated
 * database (traction-cli generate --clients 2000 --months 36): the client
 * list, the heatmap for every client × 36 months, and one scorecard save.
 * The generator starts clients at random months, so the heatmap is timed
 * as generated and again with every empty cell given a scorecard (the
 * worst case: 72,000 scores). Prints medians of 5. Not a test:
 * build-aux/bench.sh runs it on a copy it may change.
 *
 *   bench-health DATABASE YYYY-MM-DD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "test-util.h"
#include "traction-store-health.h"

#define RUNS     5
#define N_MONTHS 36

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The heatmap of every listed client over the 36 months to today's;
 * returns the median and the number of scored cells. */
static gboolean
time_heatmap (TractionStore  *store,
              GPtrArray      *clients,
              const GDate    *first,
              double         *ms,
              guint          *n_scored,
              GError        **error)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (clients->len, 1));
  double runs[RUNS];

  for (guint i = 0; i < clients->len; i++)
    ids[i] = ((TractionClientRow *) g_ptr_array_index (clients, i))->account_id;
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      TractionHeatmapData *data = traction_store_load_heatmap (store, ids, clients->len, first, N_MONTHS, error);

      runs[r] = elapsed_ms (start);
      if (data == NULL)
        return FALSE;
      *n_scored = 0;
      for (gsize c = 0; c < (gsize) data->n_clients * data->n_months; c++)
        if (!isnan (data->scores[c]))
          (*n_scored)++;
      traction_heatmap_data_free (data);
    }
  *ms = traction_test_median (runs, RUNS);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  double runs[RUNS], ms;
  guint n_scored = 0;
  GDate today, first;
  gint64 account_id = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-health DATABASE YYYY-MM-DD\n");
      return 2;
    }
  store = traction_store_open (argv[1], FALSE, &error);
  if (store == NULL || !traction_date_parse (argv[2], &today, &error))
    goto failed;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_subtract_months (&first, N_MONTHS - 1);

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&clients, g_ptr_array_unref);
      clients = traction_store_list_clients (store, &today, &error);
      runs[r] = elapsed_ms (start);
      if (clients == NULL)
        goto failed;
    }
  printf ("%-50s %10.2f ms median of %d (%u clients)\n", "health: list_clients", traction_test_median (runs, RUNS), RUNS,
          clients->len);

  if (!time_heatmap (store, clients, &first, &ms, &n_scored, &error))
    goto failed;
  printf ("%-50s %10.2f ms median of %d (%u of %u cells)\n", "health: heatmap, clients × 36 months, as generated",
          ms, RUNS, n_scored, clients->len * N_MONTHS);

  /* Every empty cell of a listed client gets a scorecard (all 3s). */
  {
    g_autofree char *from = g_strdup_printf ("%04u-%02u-01", (guint) g_date_get_year (&first),
                                             (guint) g_date_get_month (&first));
    g_autofree char *sql = g_strdup_printf (
      "WITH RECURSIVE m (month, k) AS (SELECT '%s', 1 UNION ALL"
      "  SELECT date (month, '+1 month'), k + 1 FROM m WHERE k < %d)"
      " INSERT OR IGNORE INTO health_scores (account_id, month, scored_at, api_volume, volume_trend,"
      "  product_breadth, ticket_volume, severity_trend, team_engagement, nps_satisfaction,"
      "  feedback_quality, asked_new_products, growing_next_tier, referred_prospect, score_tenths, notes)"
      " SELECT a.id, m.month, m.month || 'T12:00:00Z', 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 425, ''"
      " FROM accounts a JOIN m WHERE a.id IN (SELECT account_id FROM arr_movements)",
      from, N_MONTHS);

    if (!traction_store_begin (store, &error) ||
        !traction_store_exec (store, sql, &error) ||
        !traction_store_commit (store, &error))
      goto failed;
  }
  if (!time_heatmap (store, clients, &first, &ms, &n_scored, &error))
    goto failed;
  printf ("%-50s %10.2f ms median of %d (%u of %u cells)\n", "health: heatmap, every cell scored",
          ms, RUNS, n_scored, clients->len * N_MONTHS);

  /* One scorecard save for a client of the middle of the list. */
  if (clients->len > 0)
    account_id = ((TractionClientRow *) g_ptr_array_index (clients, clients->len / 2))->account_id;
  for (int r = 0; r < RUNS; r++)
    {
      TractionHealthInput input = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE, FALSE, FALSE } };
      GDate month = first;
      gint64 start;

      g_date_add_months (&month, N_MONTHS - 1);
      input.items[r % TRACTION_N_HEALTH_ITEMS] = 1 + r % 5;
      start = g_get_monotonic_time ();
      if (!traction_store_save_scorecard (store, account_id, &month, &input, "bench", NULL, &error))
        goto failed;
      runs[r] = elapsed_ms (start);
    }
  printf ("%-50s %10.2f ms median of %d\n", "health: save one scorecard", traction_test_median (runs, RUNS), RUNS);

  /* The alerts: at start-up (the first run raises, the others find
   * nothing new), and one client's month saved (which raises too). */
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      guint n_raised = 0;

      if (!traction_store_raise_alerts (store, &today, &n_raised, &error))
        goto failed;
      runs[r] = elapsed_ms (start);
      if (r == 0)
        printf ("%-50s %10.2f ms (%u raised)\n", "health: raise alerts, first run", runs[r], n_raised);
    }
  printf ("%-50s %10.2f ms median of %d\n", "health: raise alerts, nothing new", traction_test_median (runs, RUNS), RUNS);
  for (int r = 0; r < RUNS; r++)
    {
      TractionUsageMonth usage;
      GDate month = first;
      gint64 start;

      g_date_add_months (&month, N_MONTHS - 1);
      if (!traction_store_get_usage (store, account_id, &month, &usage, &error) && error != NULL)
        goto failed;
      usage.api_volume = 1000 + r;
      start = g_get_monotonic_time ();
      if (!traction_store_save_usage (store, account_id, &month, &usage, &error))
        goto failed;
      runs[r] = elapsed_ms (start);
    }
  printf ("%-50s %10.2f ms median of %d\n", "health: save one client's usage month", traction_test_median (runs, RUNS), RUNS);
  return 0;

failed:
  fprintf (stderr, "bench-health: %s\n", error != NULL ? error->message : "failed");
  return 1;
}
