/* test-util.c: what the test suites share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "test-util.h"

char *
traction_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
traction_test_remove_tree (const char *path)
{
  g_chmod (path, 0700);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          traction_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
traction_test_exec (TractionStore *store,
                    const char    *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (traction_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
first_row (TractionStore *store,
           const char    *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (traction_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
traction_test_query_int (TractionStore *store,
                         const char    *sql)
{
  sqlite3_stmt *stmt = first_row (store, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
traction_test_query_text (TractionStore *store,
                          const char    *sql)
{
  sqlite3_stmt *stmt = first_row (store, sql);
  char *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

double
traction_test_median (double *values,
                      guint   n)
{
  g_assert (n > 0);
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

char *
traction_test_pdf_text (const char *pdf,
                        int         page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%d", MAX (page, 1));
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_ptr_array_add (argv, pdftotext);
  g_ptr_array_add (argv, (gpointer) "-layout");
  if (page > 0)
    {
      g_ptr_array_add (argv, (gpointer) "-f");
      g_ptr_array_add (argv, first);
      g_ptr_array_add (argv, (gpointer) "-l");
      g_ptr_array_add (argv, first);
    }
  g_ptr_array_add (argv, (gpointer) pdf);
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}
