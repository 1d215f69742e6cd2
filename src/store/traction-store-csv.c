/* traction-store-csv.c: ARR movements from CSV (libcsv).
 *
 * The file has the header "client,date,kind,amount" and one movement a
 * row. It is read in two passes: the first parses and checks every row
 * (stopping at the first malformed one), the second, inside one
 * transaction, finds or creates the clients and adds the movements in date
 * order per client, refusing a churn or contraction larger than the
 * client's ARR at that date. The first bad row, by physical line, fails the
 * whole file ("Line N: reason") and nothing is written.
 *
 * Line numbers are physical: libcsv is fed one line at a time, and line
 * breaks inside quoted fields are counted from the field text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "traction-store-import.h"
#include "traction-store-private.h"
#include "traction-store-revenue.h"

#define N_CSV_FIELDS 4

static const char * const csv_header[N_CSV_FIELDS] = { "client", "date", "kind", "amount" };

typedef struct {
  guint            line;          /* physical line where the row starts */
  char            *client;
  GDate            date;
  TractionMoveKind kind;
  gint64           amount_cents;
} CsvRow;

typedef struct {
  GPtrArray *fields;              /* char *, the fields of the current record */
  gboolean   header_seen;
  GPtrArray *rows;                /* CsvRow * */
  GError    *error;               /* the first malformed row */
  guint      error_line;
} CsvContext;

static void
csv_row_free (gpointer data)
{
  CsvRow *row = data;

  g_free (row->client);
  g_free (row);
}

static void
context_fail (CsvContext *ctx,
              guint       line,
              GError     *error)
{
  g_assert (ctx->error == NULL);

  ctx->error = error;
  ctx->error_line = line;
}

static char *
kind_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int k = 0; k < TRACTION_N_MOVE_KINDS; k++)
    {
      if (k > 0)
        g_string_append (list, ", ");
      g_string_append (list, traction_move_kind_to_id ((TractionMoveKind) k));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
check_header (CsvContext *ctx,
              guint       line)
{
  gboolean ok = ctx->fields->len == N_CSV_FIELDS;

  for (guint i = 0; ok && i < N_CSV_FIELDS; i++)
    {
      g_autofree char *name = traction_text_stripped (g_ptr_array_index (ctx->fields, i));

      ok = g_ascii_strcasecmp (name, csv_header[i]) == 0;
    }

  if (!ok)
    {
      g_autofree char *found = NULL;

      g_ptr_array_add (ctx->fields, NULL);
      found = g_strjoinv (",", (char **) ctx->fields->pdata);
      g_ptr_array_remove_index (ctx->fields, ctx->fields->len - 1);

      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: expected the header “client,date,kind,amount”, found “%s”."),
                                 line, found));
    }
}

static void
check_row (CsvContext *ctx,
           guint       line)
{
  g_autofree char *client = NULL;
  g_autofree char *date = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *amount = NULL;
  CsvRow *row;
  GDate parsed_date;
  TractionMoveKind parsed_kind;
  gint64 cents = 0;

  if (ctx->fields->len != N_CSV_FIELDS)
    {
      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: expected 4 fields (client, date, kind, amount), found %u."),
                                 line, ctx->fields->len));
      return;
    }

  client = traction_text_stripped (g_ptr_array_index (ctx->fields, 0));
  date = traction_text_stripped (g_ptr_array_index (ctx->fields, 1));
  kind = g_ascii_strdown (g_ptr_array_index (ctx->fields, 2), -1);
  g_strstrip (kind);
  amount = traction_text_stripped (g_ptr_array_index (ctx->fields, 3));

  if (client[0] == '\0')
    {
      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: the client name is empty."), line));
      return;
    }

  g_date_clear (&parsed_date, 1);
  if (!traction_date_parse (date, &parsed_date, NULL))
    {
      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: “%s” is not a valid date (YYYY-MM-DD)."),
                                 line, date));
      return;
    }

  if (!traction_move_kind_from_id (kind, &parsed_kind))
    {
      g_autofree char *kinds = kind_list ();

      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: unknown kind “%s” (use one of: %s)."),
                                 line, kind, kinds));
      return;
    }

  if (!traction_money_parse (amount, &cents, NULL))
    {
      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: “%s” is not a valid amount (a positive number such as 1250.50)."),
                                 line, amount));
      return;
    }

  if (cents <= 0)
    {
      context_fail (ctx, line,
                    g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                 _("Line %u: the amount must be greater than zero."), line));
      return;
    }

  row = g_new0 (CsvRow, 1);
  row->line = line;
  row->client = g_steal_pointer (&client);
  row->date = parsed_date;
  row->kind = parsed_kind;
  row->amount_cents = cents;
  g_ptr_array_add (ctx->rows, row);
}

/* traction_csv_read calls this for each record. */
static gboolean
record_cb (GPtrArray  *fields,
           guint       line,
           gpointer    data,
           GError    **error)
{
  CsvContext *ctx = data;

  ctx->fields = fields;
  if (!ctx->header_seen)
    {
      ctx->header_seen = TRUE;
      check_header (ctx, line);
    }
  else
    {
      check_row (ctx, line);
    }
  ctx->fields = NULL;

  if (ctx->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->error));
      return FALSE;
    }
  return TRUE;
}

/* Pass 1: parse and check every row up to the first bad one (kept in
 * ctx->error with its line). */
static void
parse_rows (CsvContext *ctx,
            const char *data,
            gsize       length)
{
  GError *error = NULL;

  if (!traction_csv_read (data, length, ',', TRUE, record_cb, ctx, &ctx->error_line, &error))
    ctx->error = error;
}

/* Pass 2 */

static int
compare_rows_by_date (gconstpointer a,
                      gconstpointer b)
{
  const CsvRow *row_a = *(const CsvRow * const *) a;
  const CsvRow *row_b = *(const CsvRow * const *) b;
  int cmp = g_date_compare (&row_a->date, &row_b->date);

  if (cmp != 0)
    return cmp;
  return (row_a->line > row_b->line) - (row_a->line < row_b->line);
}

static gboolean
find_or_create_client (TractionStore  *self,
                       const char     *name,
                       const GDate    *created_on,
                       gint64         *id,
                       GError        **error)
{
  sqlite3 *db = traction_store_get_db (self);
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT id FROM accounts WHERE name = ?1 ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, db, rc, _("Could not read the clients"));

  stmt = traction_store_prepare (self,
                                 "INSERT INTO accounts (name, created_on) VALUES (?1, ?2)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_text (stmt, 1, name);
  traction_bind_date (stmt, 2, created_on);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, db, rc, _("Could not add the client"));

  *id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

/* ARR of the account at the end of date: its movements dated up to it. */
static gboolean
arr_on (TractionStore  *self,
        gint64          account_id,
        const GDate    *date,
        gint64         *arr_cents,
        GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 arr = 0;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT kind, amount_cents FROM arr_movements "
                                 "WHERE account_id = ?1 AND moved_on <= ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionMoveKind kind;

      if (traction_move_kind_from_id ((const char *) sqlite3_column_text (stmt, 0), &kind))
        arr += traction_move_delta (kind, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (self), rc,
                                     _("Could not read the ARR movements"));

  *arr_cents = arr;
  return TRUE;
}

static gboolean
insert_movement (TractionStore  *self,
                 gint64          account_id,
                 const CsvRow   *row,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) "
                                 "VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, &row->date);
  traction_bind_text (stmt, 3, traction_move_kind_to_id (row->kind));
  sqlite3_bind_int64 (stmt, 4, row->amount_cents);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (self), rc,
                                     _("Could not save the ARR movement"));
  return TRUE;
}

static GError *
arr_error (TractionStore *self,
           const CsvRow  *row,
           gint64         arr_cents)
{
  g_autofree char *currency = traction_store_get_currency (self);
  g_autofree char *amount = traction_money_format (row->amount_cents, currency, FALSE);
  g_autofree char *arr = traction_money_format (arr_cents, currency, FALSE);
  char date[16];

  traction_date_format (&row->date, date);

  if (row->kind == TRACTION_MOVE_CHURN)
    return g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                        _("Line %u: the churn of %s is larger than the ARR of “%s” on %s (%s)."),
                        row->line, amount, row->client, date, arr);

  return g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                      _("Line %u: the contraction of %s is larger than the ARR of “%s” on %s (%s)."),
                      row->line, amount, row->client, date, arr);
}

/* Adds the rows, client by client in date order, inside the caller's
 * transaction. A churn or contraction larger than the ARR stops that
 * client; the one with the lowest line is returned in bad (with its line).
 * FALSE only on a database error. */
static gboolean
apply_rows (TractionStore  *self,
            GPtrArray      *rows,
            GError        **bad,
            guint          *bad_line,
            GError        **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  /* Clients in order of first appearance, so new ids are predictable. */
  for (guint i = 0; i < rows->len; i++)
    {
      CsvRow *row = g_ptr_array_index (rows, i);
      GPtrArray *group = g_hash_table_lookup (groups, row->client);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, row->client, group);
          g_ptr_array_add (order, row->client);
        }
      g_ptr_array_add (group, row);
    }

  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (order, g));
      const CsvRow *first;
      gint64 account_id = 0;

      g_ptr_array_sort (group, compare_rows_by_date);
      first = g_ptr_array_index (group, 0);

      if (!find_or_create_client (self, first->client, &first->date, &account_id, error))
        return FALSE;

      for (guint i = 0; i < group->len; i++)
        {
          const CsvRow *row = g_ptr_array_index (group, i);

          if (row->kind == TRACTION_MOVE_CHURN || row->kind == TRACTION_MOVE_CONTRACTION)
            {
              gint64 arr = 0;

              if (!arr_on (self, account_id, &row->date, &arr, error))
                return FALSE;

              if (row->amount_cents > arr)
                {
                  if (*bad == NULL || row->line < *bad_line)
                    {
                      g_clear_error (bad);
                      *bad = arr_error (self, row, arr);
                      *bad_line = row->line;
                    }
                  break;
                }
            }

          if (!insert_movement (self, account_id, row, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
traction_store_import_movements_csv (TractionStore  *self,
                                     const char     *data,
                                     gsize           length,
                                     guint          *n_imported,
                                     GError        **error)
{
  return traction_store_check_movements_csv (self, data, length, TRUE, NULL, n_imported, error);
}

/* The import itself; with commit FALSE a dry run for the preview
 * (traction-store-revenue.c): the same checks, always rolled back. */
gboolean
traction_store_check_movements_csv (TractionStore  *self,
                                    const char     *data,
                                    gsize           length,
                                    gboolean        commit,
                                    GPtrArray      *preview,
                                    guint          *n_imported,
                                    GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (csv_row_free);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) arr_failure = NULL;
  CsvContext ctx = { 0 };
  const char *invalid_at = NULL;
  guint arr_line = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0 || is_blank (data, length))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is empty: expected the header “client,date,kind,amount” and one movement a line."));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &invalid_at))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Line %u: the text is not valid UTF-8; save the file as UTF-8 and try again."),
                   1 + traction_csv_count_line_breaks (data, (gsize) (invalid_at - data)));
      return FALSE;
    }

  ctx.rows = rows;
  parse_rows (&ctx, data, length);
  parse_error = ctx.error;

  if (parse_error == NULL && !ctx.header_seen)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is empty: expected the header “client,date,kind,amount” and one movement a line."));
      return FALSE;
    }

  /* Rows before a malformed one may hold an earlier bad row (a churn
   * larger than the ARR), so they are applied, then rolled back. */
  if (rows->len > 0)
    {
      if (!traction_store_begin (self, error))
        return FALSE;

      if (!apply_rows (self, rows, &arr_failure, &arr_line, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }

      if (parse_error != NULL || arr_failure != NULL || !commit)
        traction_store_rollback (self);
      else if (!traction_store_commit (self, error))
        return FALSE;
    }

  if (arr_failure != NULL && (parse_error == NULL || arr_line < ctx.error_line))
    {
      g_propagate_error (error, g_steal_pointer (&arr_failure));
      return FALSE;
    }
  if (parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }

  for (guint i = 0; preview != NULL && i < rows->len; i++)
    {
      const CsvRow *row = g_ptr_array_index (rows, i);
      TractionMovementRow *out = g_new0 (TractionMovementRow, 1);

      out->account = g_strdup (row->client);
      out->date = row->date;
      out->kind = row->kind;
      out->amount_cents = row->amount_cents;
      out->note = g_strdup ("");
      g_ptr_array_add (preview, out);
    }

  if (n_imported != NULL)
    *n_imported = rows->len;
  return TRUE;
}
