/* test-util.h: what the test suites share: scratch folders and SQL probes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store-private.h"

G_BEGIN_DECLS

/* A new folder under the system's temporary folder (prefix-XXXXXX). */
char   *traction_test_make_dir    (const char    *prefix);
/* Removes a folder and everything in it, making read-only parts writable. */
void    traction_test_remove_tree (const char    *path);

/* Runs SQL with no result; aborts the test on failure. */
void    traction_test_exec        (TractionStore *store,
                                   const char    *sql);
/* The first column of the first row of a query. */
gint64  traction_test_query_int   (TractionStore *store,
                                   const char    *sql);
char   *traction_test_query_text  (TractionStore *store,
                                   const char    *sql);

/* The text of page `page` (1-based; 0: every page) of a PDF by
 * pdftotext -layout; NULL when pdftotext is not installed. */
char   *traction_test_pdf_text    (const char    *pdf,
                                   int            page);

/* The median of n timings (sorts values); for the benchmarks. */
double  traction_test_median      (double        *values,
                                   guint          n);

G_END_DECLS
