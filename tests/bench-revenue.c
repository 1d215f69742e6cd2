/* bench-revenue.c: times the NRR/GRR series (twelve trailing-twelve-month
 * windows) and the ARR bridge of the Revenue view on a generated
 * database, as build-aux/bench.sh runs it:
 *
 *   bench-revenue DB FROM TO TODAY RUNS
 *
 * Prints "median_ms=… nrr=… grr=… end_arr=…" (the last month of the
 * series and the bridge's end, to check against the SQL of bench.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "traction-store-revenue.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autofree double *times = NULL;
  GDate from, to, today;
  guint64 runs = 0;
  double nrr = 0, grr = 0;
  gint64 end_arr = 0;

  if (argc != 6 ||
      !traction_date_parse (argv[2], &from, NULL) ||
      !traction_date_parse (argv[3], &to, NULL) ||
      !traction_date_parse (argv[4], &today, NULL) ||
      !g_ascii_string_to_unsigned (argv[5], 10, 1, 1000, &runs, NULL))
    {
      g_printerr ("usage: bench-revenue DB FROM TO TODAY RUNS\n");
      return 2;
    }

  store = traction_store_open (argv[1], FALSE, &error);
  if (store == NULL)
    {
      g_printerr ("bench-revenue: %s\n", error->message);
      return 1;
    }

  times = g_new0 (double, runs);
  for (guint64 i = 0; i < runs; i++)
    {
      g_autoptr(GArray) series = NULL;
      TractionBridge bridge;
      const TractionRetentionPoint *last;
      gint64 t0 = g_get_monotonic_time ();

      if (!traction_store_revenue_series_and_bridge (store, &from, &to, &today, &series, &bridge, &error))
        {
          g_printerr ("bench-revenue: %s\n", error->message);
          return 1;
        }
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      last = &g_array_index (series, TractionRetentionPoint, series->len - 1);
      nrr = last->retention.nrr;
      grr = last->retention.grr;
      end_arr = bridge.end_cents;
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  g_print ("median_ms=%.2f nrr=%.4f grr=%.4f end_arr=%" G_GINT64_FORMAT "\n",
           runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2,
           nrr, grr, end_arr);
  return 0;
}
