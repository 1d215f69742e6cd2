/* test-store.c: opening, migrations, errors, transactions and backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = traction_test_make_dir ("traction-store");
  f->path = g_build_filename (f->dir, "traction.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  traction_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
count_rows (TractionStore *store,
            const char    *sql)
{
  sqlite3_stmt *stmt = traction_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static int
file_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
write_raw_database (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A new file gets the whole schema, WAL, foreign keys and the defaults. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  sqlite3_stmt *stmt;

  store = traction_store_open (f->path, FALSE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_clear_error (&error);

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (traction_store_get_path (store), ==, f->path);

  stmt = traction_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  g_assert_cmpint (count_rows (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count_rows (store, "PRAGMA user_version"), ==, traction_store_schema_version ());

  /* Every table exists and is STRICT. */
  for (guint i = 0; traction_tables[i] != NULL; i++)
    {
      stmt = traction_store_prepare (store, "SELECT strict FROM pragma_table_list WHERE name = ?1", &error);
      g_assert_no_error (error);
      traction_bind_text (stmt, 1, traction_tables[i]);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_reset (stmt);
    }
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"),
                   ==, g_strv_length ((char **)traction_tables));

  /* Seeded defaults. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM loss_reasons"), ==, 6);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM playbooks"), ==, 5);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM objections"), ==, 6);
  g_assert_true (traction_store_is_empty (store));
}

/* Reopening an up-to-date file changes nothing; every earlier version is
 * brought forward (each migration from each starting version). */
static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  int latest = traction_store_schema_version ();

  for (int start = 0; start < latest; start++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TractionStore) store = NULL;
      g_autofree char *path = g_strdup_printf ("%s/from-v%d.db", f->dir, start);
      sqlite3 *db = NULL;

      /* Make a file at version `start` from the migrations themselves. */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      for (int v = 0; v < start; v++)
        {
          g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
          g_assert_cmpint (sqlite3_exec (db, traction_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, bump, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      sqlite3_close (db);

      store = traction_store_open (path, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count_rows (store, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_clear_object (&store);
      g_assert_cmpint (file_user_version (path), ==, latest);
    }

  /* Reopen the latest: still the same version and content. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TractionStore) store = traction_store_open (f->path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (traction_store_set_setting (store, "company_name", "Acme", &error));
    g_clear_object (&store);
    store = traction_store_open (f->path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM loss_reasons"), ==, 6);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM settings WHERE key = 'company_name'"), ==, 1);
  }
}

static void
assert_file_unchanged (const char   *path,
                       const char   *before,
                       gsize         before_len)
{
  g_autofree char *after = NULL;
  gsize after_len = 0;

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE settings (key TEXT); PRAGMA user_version = %d;",
                                          traction_store_schema_version () + 1);
  g_autofree char *before = NULL;
  gsize len;

  write_raw_database (f->path, sql);
  g_assert_true (g_file_get_contents (f->path, &before, &len, NULL));

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer version"));
  assert_file_unchanged (f->path, before, len);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  const char garbage[] = "This is not a database <b>&</b> \xf0\x9f\x92\xa5 at all, just text.\n";
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));
  store = traction_store_open (f->path, TRUE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  assert_file_unchanged (f->path, garbage, strlen (garbage));
  g_clear_error (&error);

  /* An SQLite file of another program is not ours to migrate. */
  write_raw_database (other, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);");
  store = traction_store_open (other, TRUE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT);
  g_assert_cmpint (file_user_version (other), ==, 0);
  g_clear_error (&error);

  /* A folder where the file should be. */
  {
    g_autofree char *folder = g_build_filename (f->dir, "folder.db", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    store = traction_store_open (folder, TRUE, &error);
    g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT);
  }
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *in_sub = g_build_filename (sub, "traction.db", NULL);

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  store = traction_store_open (f->path, FALSE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_clear_error (&error);
  g_chmod (f->path, 0600);

  /* A read-only folder: WAL could not work there. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  store = traction_store_open (in_sub, TRUE, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (in_sub, G_FILE_TEST_EXISTS));
  g_chmod (sub, 0700);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  sqlite3 *other = NULL;

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (traction_store_get_db (store), 50);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (traction_store_begin (store, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (traction_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_commit (store, &error));
}

static void
changed_cb (TractionStore *store,
            int           *count)
{
  (*count)++;
}

/* A write that fails half-way leaves nothing behind; a full disk is told
 * as such. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int changed = 0;
  int rc = SQLITE_OK;

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);
  db = traction_store_get_db (store);

  /* A constraint failure after a good insert: both gone. */
  g_assert_true (traction_store_begin (store, &error));
  g_assert_true (traction_store_exec (store, "INSERT INTO founders (name) VALUES ('Ada')", &error));
  g_assert_false (traction_store_exec (store, "INSERT INTO founders (name) VALUES ('')", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  traction_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM founders"), ==, 0);
  g_assert_cmpint (changed, ==, 0);

  /* Disk full, simulated by a page limit. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 60", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (traction_store_begin (store, &error));
  stmt = traction_store_prepare (store, "INSERT INTO accounts (name, notes, created_on) VALUES (?1, ?2, '2026-01-01')", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 1000 && rc == SQLITE_OK; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %d", i);
      g_autofree char *notes = g_strnfill (2000, 'x');

      sqlite3_reset (stmt);
      traction_bind_text (stmt, 1, name);
      traction_bind_text (stmt, 2, notes);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  g_assert_cmpint (rc & 0xff, ==, SQLITE_FULL);
  traction_store_set_error (&error, db, rc, "Could not save the clients");
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  traction_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM accounts"), ==, 0);

  /* A good transaction commits and tells listeners once. */
  g_assert_true (traction_store_begin (store, &error));
  g_assert_true (traction_store_exec (store, "INSERT INTO founders (name) VALUES ('Grace')", &error));
  g_assert_true (traction_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM founders"), ==, 1);
}

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  GDate day;

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (traction_store_set_setting (store, "company_name", "Before", &error));

  /* Nine days of backups keep the newest seven. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 25, G_DATE_FEBRUARY, 2028);
  for (int i = 0; i < 9; i++)
    {
      g_assert_true (traction_store_backup_daily (store, &day, 7, &error));
      g_assert_no_error (error);
      /* Twice the same day is one backup. */
      g_assert_true (traction_store_backup_daily (store, &day, 7, &error));
      g_date_add_days (&day, 1);
    }
  backups = traction_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 7);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "traction-2028-03-04.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 6), "traction-2028-02-27.db"));

  /* Back up now to a chosen file, change the data, restore. */
  g_assert_true (traction_store_backup_to (store, copy, &error));
  g_assert_false (traction_store_backup_to (store, f->path, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_set_setting (store, "company_name", "After", &error));
  g_clear_object (&store);

  {
    g_autofree char *kept = NULL;

    g_assert_true (traction_store_restore (copy, f->path, &kept, &error));
    g_assert_no_error (error);
    g_assert_nonnull (kept);
    g_assert_true (g_str_has_prefix (kept, f->path));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  }
  store = traction_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = traction_store_get_company_name (store);
    g_assert_cmpstr (name, ==, "Before");
  }
  g_clear_object (&store);

  /* A damaged backup restores nothing. */
  g_assert_true (g_file_set_contents (copy, "garbage", -1, NULL));
  g_assert_false (traction_store_restore (copy, f->path, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT);
  store = traction_store_open (f->path, FALSE, NULL);
  g_assert_nonnull (store);
}

/* A reader connection sees what the store commits, from another thread
 * too, and cannot write. */
static gpointer
count_founders_thread (gpointer data)
{
  return GINT_TO_POINTER (count_rows (data, "SELECT count(*) FROM founders"));
}

static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(TractionStore) reader = NULL;
  GThread *thread;
  int before;
  int changed = 0;

  store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  reader = traction_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (traction_store_get_path (reader), ==, f->path);
  g_signal_connect (reader, "changed", G_CALLBACK (changed_cb), &changed);

  before = count_rows (reader, "SELECT count(*) FROM founders");
  g_assert_true (traction_store_begin (store, &error));
  g_assert_true (traction_store_exec (store, "INSERT INTO founders (name) VALUES ('Ada')", &error));
  g_assert_true (traction_store_commit (store, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("reader", count_founders_thread, reader);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, before + 1);

  g_assert_false (traction_store_exec (reader, "INSERT INTO founders (name) VALUES ('Bo')", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM founders"), ==, before + 1);
  g_assert_cmpint (changed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/open/create", test_create);
  ADD ("/store/migrations/every-version", test_migrations);
  ADD ("/store/open/newer-schema", test_newer_schema);
  ADD ("/store/open/corrupt", test_corrupt);
  ADD ("/store/open/read-only", test_read_only);
  ADD ("/store/write/locked", test_locked);
  ADD ("/store/write/all-or-nothing", test_all_or_nothing);
  ADD ("/store/backups", test_backups);
  ADD ("/store/reader", test_reader);
#undef ADD

  return g_test_run ();
}
