/* fuzz-import.c: libFuzzer harnesses for the importers. Built three times
 * (tests/fuzz/meson.build) with FUZZ_TARGET:
 *   1  CRM CSV import: parse, detect, map, plan, write (bad rows skipped),
 *      then undo the batch and check the database is as before
 *   2  ARR movements CSV import (all or nothing)
 *   3  JSON import (into an empty database)
 * Built only with clang (-Dfuzzing=true); build-aux/check.sh runs each for
 * a few seconds from the corpus in tests/fuzz/corpus/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "traction-store-import.h"
#include "traction-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *db_path;
static TractionStore *store;

static void
remove_database (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
open_database (void)
{
  g_autoptr(GError) error = NULL;

  if (db_path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("traction-fuzz-XXXXXX", &error);

      g_assert_no_error (error);
      db_path = g_build_filename (dir, "fuzz.db", NULL);
    }
  remove_database ();
  store = traction_store_open (db_path, TRUE, &error);
  g_assert_no_error (error);
  /* Crash safety is tested elsewhere: here, speed. */
  g_assert_true (traction_store_exec (store, "PRAGMA synchronous = OFF", NULL));
}

#if FUZZ_TARGET != 3
static gint64
query_int (const char *sql)
{
  sqlite3_stmt *stmt = traction_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}
#endif

#if FUZZ_TARGET == 1
static void
fuzz_crm_csv (const char *data,
              gsize       size)
{
  g_autoptr(TractionCsvTable) table = NULL;
  g_autofree TractionImportField *mapping = NULL;
  g_autoptr(TractionImportPlan) plan = NULL;
  g_autoptr(TractionImportBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 before;

  table = traction_csv_table_parse (data, size, &error);
  if (table == NULL)
    return;
  mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_AUTO);
  plan = traction_import_plan_new (table, mapping);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  before = query_int ("SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM contacts)"
                      " + (SELECT count(*) FROM deals) + (SELECT count(*) FROM loss_reasons)");
  if (!traction_store_import_plan (store, plan, (TractionDuplicates) (size % 3), TRUE, &today,
                                   NULL, NULL, &batch, &error))
    g_error ("import failed on a good plan: %s", error->message);
  if (!traction_store_undo_import (store, batch, &error))
    g_error ("undo failed: %s", error->message);
  g_assert_cmpint (before, ==,
                   query_int ("SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM contacts)"
                              " + (SELECT count(*) FROM deals) + (SELECT count(*) FROM loss_reasons)"));
}
#elif FUZZ_TARGET == 2
static void
fuzz_movements (const char *data,
                gsize       size)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (traction_store_import_movements_csv (store, data, size, &n, &error))
    {
      g_assert_cmpint (query_int ("SELECT count(*) FROM arr_movements"), ==, n);
      g_assert_true (traction_store_exec (store, "DELETE FROM arr_movements; DELETE FROM accounts;", NULL));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpint (query_int ("SELECT count(*) FROM arr_movements"), ==, 0);
    }
}
#elif FUZZ_TARGET == 3
static void
fuzz_json (const char *data,
           gsize       size)
{
  g_autoptr(GError) error = NULL;

  if (size > G_MAXSSIZE)
    return;
  if (traction_store_import_json (store, data, (gssize) size, &error))
    {
      /* Something was imported: start again from an empty database. */
      g_clear_object (&store);
      open_database ();
    }
  else
    {
      g_assert_nonnull (error);
    }
}
#else
#error "FUZZ_TARGET must be 1, 2 or 3"
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (store == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      open_database ();
    }

#if FUZZ_TARGET == 1
  fuzz_crm_csv ((const char *) data, size);
#elif FUZZ_TARGET == 2
  fuzz_movements ((const char *) data, size);
#else
  fuzz_json ((const char *) data, size);
#endif
  return 0;
}
