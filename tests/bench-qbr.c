/* bench-qbr.c: one QBR PDF (seven landscape pages) on a generated
 * database: loading the client's review and writing the PDF, median of
 * 7, for the client with the most scorecards. Not a test:
 * build-aux/bench.sh runs it.
 *
 *   bench-qbr DATABASE YYYY-MM-DD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "traction-qbr-report.h"

#define RUNS 7

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autofree char *dir = NULL, *pdf = NULL;
  TractionReviewPeriod period, previous;
  double runs[RUNS];
  GDate today, before;
  gint64 account_id;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-qbr DATABASE YYYY-MM-DD\n");
      return 2;
    }
  store = traction_store_open (argv[1], FALSE, &error);
  if (store == NULL || !traction_date_parse (argv[2], &today, &error))
    goto failed;
  /* The last whole quarter. */
  traction_review_period_containing (TRACTION_REVIEW_QBR, &today, &period);
  before = period.start;
  g_date_subtract_days (&before, 1);
  traction_review_period_containing (TRACTION_REVIEW_QBR, &before, &previous);
  account_id = traction_test_query_int (store, "SELECT account_id FROM health_scores GROUP BY account_id"
                                               " ORDER BY count(*) DESC, account_id LIMIT 1");

  dir = traction_test_make_dir ("traction-bench-qbr");
  pdf = g_build_filename (dir, "qbr.pdf", NULL);
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!traction_qbr_report_write (store, account_id, &previous, &today, TRACTION_PAPER_A4, pdf, &error))
        goto failed;
      runs[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("%-50s %10.2f ms median of %d\n", "QBR PDF, 7 pages (load + draw + write)",
          traction_test_median (runs, RUNS), RUNS);
  traction_test_remove_tree (dir);
  return EXIT_SUCCESS;

failed:
  fprintf (stderr, "bench-qbr: %s\n", error != NULL ? error->message : "failed");
  if (dir != NULL)
    traction_test_remove_tree (dir);
  return EXIT_FAILURE;
}
