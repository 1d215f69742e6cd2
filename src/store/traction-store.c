/* traction-store.c: opening, migrating, backing up the SQLite database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "traction-store-private.h"

struct _TractionStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* SQL text -> sqlite3_stmt */
  gboolean    in_transaction;
};

G_DEFINE_FINAL_TYPE (TractionStore, traction_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (traction-store-error-quark, traction_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* Helpers */

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TRACTION_STORE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return TRACTION_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return TRACTION_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return TRACTION_STORE_ERROR_DISK_FULL;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return TRACTION_STORE_ERROR_INVALID;
    case SQLITE_CANTOPEN:
      return TRACTION_STORE_ERROR_NOT_FOUND;
    default:
      return TRACTION_STORE_ERROR_FAILED;
    }
}

static const char *
advice_for (int code)
{
  switch (code)
    {
    case TRACTION_STORE_ERROR_LOCKED:
      return _("Another program is using the database. Close it and try again.");
    case TRACTION_STORE_ERROR_READ_ONLY:
      return _("The file or its folder cannot be written. Check its permissions, or open a copy in a folder you own.");
    case TRACTION_STORE_ERROR_CORRUPT:
      return _("The file is damaged or is not a Traction database. Restore a backup or open another file.");
    case TRACTION_STORE_ERROR_DISK_FULL:
      return _("The disk is full. Free some space and try again; nothing was changed.");
    case TRACTION_STORE_ERROR_NOT_FOUND:
      return _("The file could not be opened. Check that it exists and that you may read it.");
    default:
      return NULL;
    }
}

gboolean
traction_store_set_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *what)
{
  int code = error_code_for (rc);
  const char *advice = advice_for (code);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (advice != NULL)
    g_set_error (error, TRACTION_STORE_ERROR, code, "%s. %s (%s)", what, advice, detail);
  else
    g_set_error (error, TRACTION_STORE_ERROR, code, "%s: %s", what, detail);

  return FALSE;
}

/* GObject */

static void
traction_store_finalize (GObject *object)
{
  TractionStore *self = (TractionStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (traction_store_parent_class)->finalize (object);
}

static void
traction_store_class_init (TractionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = traction_store_finalize;

  /**
   * TractionStore::changed:
   *
   * Emitted after every committed write.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
traction_store_init (TractionStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
}

/* Private API */

sqlite3 *
traction_store_get_db (TractionStore *self)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  return self->db;
}

gboolean
traction_store_exec (TractionStore  *self,
                     const char     *sql,
                     GError        **error)
{
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return traction_store_set_error (error, self->db, rc, _("Could not update the database"));

  return TRUE;
}

sqlite3_stmt *
traction_store_prepare (TractionStore  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, self->db, rc, _("Could not read the database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3_stmt *
traction_store_begin_prepare (TractionStore  *self,
                              const char     *sql,
                              GError        **error)
{
  sqlite3_stmt *stmt;

  if (!traction_store_begin (self, error))
    return NULL;
  stmt = traction_store_prepare (self, sql, error);
  if (stmt == NULL)
    traction_store_rollback (self);
  return stmt;
}

gboolean
traction_store_begin (TractionStore  *self,
                      GError        **error)
{
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return traction_store_set_error (error, self->db, rc, _("Could not start saving"));

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
traction_store_commit (TractionStore  *self,
                       GError        **error)
{
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, self->db, rc, _("Could not save"));
      traction_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  traction_store_emit_changed (self);
  return TRUE;
}

void
traction_store_rollback (TractionStore *self)
{
  g_return_if_fail (TRACTION_IS_STORE (self));

  if (!self->in_transaction)
    return;

  /* Reset every cached statement so none keeps the transaction open. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->statements);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      sqlite3_reset (value);
  }

  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
traction_store_read_failed (TractionStore  *self,
                            sqlite3_stmt   *stmt,
                            int             rc,
                            const char     *what,
                            GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  sqlite3_reset (stmt);
  return traction_store_set_error (error, self->db, rc, what);
}

gboolean
traction_store_step_done (TractionStore  *self,
                          sqlite3_stmt   *stmt,
                          const char     *what,
                          GError        **error)
{
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, self->db, rc, what);

  return TRUE;
}

sqlite3_stmt *
traction_store_prepare_write (TractionStore  *self,
                              const char     *sql,
                              GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);

  if (stmt == NULL)
    traction_store_rollback (self);
  return stmt;
}

gboolean
traction_store_step_write (TractionStore  *self,
                           sqlite3_stmt   *stmt,
                           const char     *what,
                           GError        **error)
{
  if (!traction_store_step_done (self, stmt, what, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
traction_store_commit_single (TractionStore  *self,
                              sqlite3_stmt   *stmt,
                              const char     *what,
                              gboolean        must_change,
                              GError        **error)
{
  if (!traction_store_step_write (self, stmt, what, error))
    return FALSE;

  if (must_change && sqlite3_changes (self->db) == 0)
    {
      traction_store_rollback (self);
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("%s: it no longer exists."), what);
      return FALSE;
    }

  return traction_store_commit (self, error);
}

void
traction_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
traction_bind_date (sqlite3_stmt *stmt,
                    int           index,
                    const GDate  *date)
{
  char buf[16];

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  traction_date_format (date, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

char *
traction_column_text (sqlite3_stmt *stmt,
                      int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return g_strdup (text != NULL ? (const char *)text : "");
}

void
traction_column_date (sqlite3_stmt *stmt,
                      int           index,
                      GDate        *out)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  g_date_clear (out, 1);
  if (text != NULL && !traction_date_parse ((const char *)text, out, NULL))
    g_date_clear (out, 1);
}

gboolean
traction_store_invalid (GError     **error,
                        const char  *message)
{
  g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
traction_store_not_found (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

gboolean
traction_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
traction_text_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

char *
traction_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Opening and migrating */

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out = 0;
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, db, rc, _("Could not open the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate (TractionStore  *self,
         int             from_version,
         gboolean        fresh,
         GError        **error)
{
  for (guint v = (guint)from_version; v < traction_n_migrations; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v + 1);
      int rc;

      if (!traction_store_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->db, traction_migrations[v], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, bump, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          traction_store_set_error (error, self->db, rc, _("Could not update the database to this version of Traction"));
          traction_store_rollback (self);
          return FALSE;
        }

      if (fresh && v == 0 && !traction_store_seed_defaults (self, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }

      /* No ::changed for a migration: nobody listens yet. */
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          traction_store_set_error (error, self->db, rc, _("Could not update the database to this version of Traction"));
          traction_store_rollback (self);
          return FALSE;
        }
      self->in_transaction = FALSE;
    }

  return TRUE;
}

int
traction_store_schema_version (void)
{
  return (int)traction_n_migrations;
}

char *
traction_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "traction", "traction.db", NULL);
}

/* A file nobody may write is read-only for us too, even when the system
 * would let us (root): the founder marked it so. */
static gboolean
is_writable (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return access (path, W_OK) == 0;
}

static gboolean
check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (exists && !is_writable (path))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only. %s"), path,
                   advice_for (TRACTION_STORE_ERROR_READ_ONLY));
      return FALSE;
    }

  /* WAL needs its -wal and -shm files beside the database. */
  if (!is_writable (dir))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only. %s"), dir,
                   advice_for (TRACTION_STORE_ERROR_READ_ONLY));
      return FALSE;
    }

  return TRUE;
}

TractionStore *
traction_store_open (const char  *path,
                     gboolean     create,
                     GError     **error)
{
  g_autoptr(TractionStore) self = NULL;
  gboolean exists;
  /* Each connection is used by one thread at a time: no SQLite mutex. */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int version = 0;
  int n_tables = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !create)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return NULL;
    }

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
      flags |= SQLITE_OPEN_CREATE;
    }

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }

  if (!check_writable (path, exists, error))
    return NULL;

  self = g_object_new (TRACTION_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, self->db, rc, _("Could not open the database"));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);

  /* Reading the schema finds files that are not databases at all. */
  if (!query_int (self->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &n_tables, error) ||
      !query_int (self->db, "PRAGMA user_version", &version, error))
    return NULL;

  if (version > (int)traction_n_migrations)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Traction (database version %d; this version reads up to %u). Update Traction to open it; the file was not changed."),
                   path, version, traction_n_migrations);
      return NULL;
    }

  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database of another program, not a Traction database. The file was not changed."),
                   path);
      return NULL;
    }

  rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, self->db, rc, _("Could not open the database"));
      return NULL;
    }

  if (!migrate (self, version, version == 0, error))
    return NULL;

  return g_steal_pointer (&self);
}

TractionStore *
traction_store_open_reader (TractionStore  *self,
                            GError        **error)
{
  g_autoptr(TractionStore) reader = NULL;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = g_object_new (TRACTION_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  rc = sqlite3_open_v2 (self->path, &reader->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (reader->db, 1);
      sqlite3_busy_timeout (reader->db, 2000);
      rc = sqlite3_exec (reader->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, reader->db, rc, _("Could not open the database"));
      return NULL;
    }

  return g_steal_pointer (&reader);
}

const char *
traction_store_get_path (TractionStore *self)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  return self->path;
}

void
traction_store_emit_changed (TractionStore *self)
{
  g_return_if_fail (TRACTION_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Backups */

static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      traction_store_set_error (error, dest, rc, _("Could not write the copy"));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      traction_store_set_error (error, dest, sqlite3_errcode (dest), _("Could not write the copy"));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      traction_store_set_error (error, NULL, rc, _("Could not write the copy"));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The copy is a plain rollback-journal file that opens anywhere. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "company" for ".../company.db": backups of each database file in one
 * folder stay apart. */
static char *
backup_stem_for (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';

  return g_steal_pointer (&base);
}

/* STEM-YYYY-MM-DD.db */
static gboolean
is_backup_name (const char *name,
                const char *stem)
{
  gsize stem_len = strlen (stem);
  GDate date;

  return strlen (name) == stem_len + strlen ("-2026-01-01.db") &&
         strncmp (name, stem, stem_len) == 0 &&
         traction_store_backup_date (name, &date);
}

gboolean
traction_store_backup_date (const char *backup_path,
                            GDate      *out)
{
  g_autofree char *name = NULL;
  gsize len;
  char buf[11];

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* ...-YYYY-MM-DD.db */
  name = g_path_get_basename (backup_path);
  len = strlen (name);
  if (len < strlen ("x-2026-01-01.db") || !g_str_has_suffix (name, ".db") ||
      name[len - strlen ("-2026-01-01.db")] != '-')
    return FALSE;

  memcpy (buf, name + len - strlen ("2026-01-01.db"), 10);
  buf[10] = '\0';
  return traction_date_parse (buf, out, NULL);
}

static int
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

GPtrArray *
traction_store_list_backups (const char *db_path)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (db_path != NULL, result);

  dir_path = backup_dir_for (db_path);
  stem = backup_stem_for (db_path);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return result;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name, stem))
      g_ptr_array_add (result, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (result, compare_names_desc);
  return result;
}

gboolean
traction_store_backup_to (TractionStore  *self,
                          const char     *dest_path,
                          GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_strcmp0 (dest_path, self->path) == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Choose another file than the database itself for the backup."));
      return FALSE;
    }

  return copy_database (self->db, dest_path, error);
}

gboolean
traction_store_backup_daily (TractionStore  *self,
                             const GDate    *today,
                             guint           keep,
                             GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  char day[16];
  int ok = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  dir = backup_dir_for (self->path);
  traction_date_format (today, day);
  stem = backup_stem_for (self->path);
  name = g_strdup_printf ("%s-%s.db", stem, day);
  dest = g_build_filename (dir, name, NULL);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                   _("Could not create the backup folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Never copy damage over the good backups: check first (once a day). */
  {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

    if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
    else
      rc = sqlite3_errcode (self->db);
    sqlite3_finalize (stmt);

    if (!ok)
      {
        g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                     _("The database failed its daily check, so no backup was made over the good ones. %s"),
                     advice_for (TRACTION_STORE_ERROR_CORRUPT));
        return FALSE;
      }
  }

  if (!copy_database (self->db, dest, error))
    return FALSE;

  backups = traction_store_list_backups (self->path);
  for (guint i = keep; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));

  return TRUE;
}

gboolean
traction_store_restore (const char  *backup_path,
                        const char  *db_path,
                        char       **kept_path,
                        GError     **error)
{
  sqlite3 *backup = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *tmp_path = NULL;
  gboolean ok = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  if (kept_path != NULL)
    *kept_path = NULL;

  rc = sqlite3_open_v2 (backup_path, &backup, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (backup, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged; nothing was restored."), backup_path);
      sqlite3_close (backup);
      return FALSE;
    }

  if (!query_int (backup, "PRAGMA user_version", &version, error))
    {
      sqlite3_close (backup);
      return FALSE;
    }
  if (version > (int)traction_n_migrations)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NEWER_SCHEMA,
                   _("The backup “%s” was made by a newer version of Traction; nothing was restored."),
                   backup_path);
      sqlite3_close (backup);
      return FALSE;
    }

  /* Copy into a new file beside the database, then swap it in. A stale
   * WAL of the replaced file must not be replayed onto the restored one. */
  tmp_path = g_strconcat (db_path, ".restore", NULL);
  if (!copy_database (backup, tmp_path, error))
    {
      sqlite3_close (backup);
      return FALSE;
    }
  sqlite3_close (backup);

  /* The replaced file (with its WAL) is kept aside, never deleted. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.replaced-%s", db_path, stamp);
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
          g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

          if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                           _("Could not move “%s” aside: %s"), from, g_strerror (saved_errno));
              g_unlink (tmp_path);
              return FALSE;
            }
        }

      if (kept_path != NULL)
        *kept_path = g_steal_pointer (&aside);
    }

  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (tmp_path, db_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_READ_ONLY,
                   _("Could not replace “%s”: %s"), db_path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
