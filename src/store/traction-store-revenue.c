/* traction-store-revenue.c: ARR movements and the revenue figures (§6).
 *
 * Every figure of a period comes from traction_store_compute_metrics
 * (what `traction-cli metrics` prints) or from the same core functions
 * over the same movements (traction_store_load_movements), so the Revenue
 * view, the CS dashboard and the CLI agree to the cent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-revenue.h"

/* Periods */

static void
fiscal_year_bounds (const GDate *date,
                    int          fy_start_month,
                    GDate       *start,
                    GDate       *end)
{
  int year = g_date_get_year (date);

  if ((int) g_date_get_month (date) < fy_start_month)
    year--;
  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, (GDateMonth) fy_start_month, (GDateYear) year);
  *end = *start;
  g_date_add_months (end, 12);
}

void
traction_period_bounds (TractionPeriodKind  kind,
                        const GDate        *date,
                        int                 fy_start_month,
                        GDate              *start,
                        GDate              *end)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (start != NULL && end != NULL);

  fy_start_month = CLAMP (fy_start_month, 1, 12);
  switch (kind)
    {
    case TRACTION_PERIOD_QUARTER:
      traction_quarter_bounds (date, fy_start_month, start, end);
      break;
    case TRACTION_PERIOD_YEAR:
      fiscal_year_bounds (date, fy_start_month, start, end);
      break;
    case TRACTION_PERIOD_MONTH:
    case TRACTION_PERIOD_CUSTOM:
    default:
      traction_month_bounds (date, start, end);
      break;
    }
}

void
traction_period_shift (TractionPeriodKind  kind,
                       const GDate        *date,
                       int                 fy_start_month,
                       int                 steps,
                       GDate              *start,
                       GDate              *end)
{
  GDate anchor;
  int months = kind == TRACTION_PERIOD_QUARTER ? 3 : kind == TRACTION_PERIOD_YEAR ? 12 : 1;

  g_return_if_fail (date != NULL && g_date_valid (date));

  traction_period_bounds (kind, date, fy_start_month, &anchor, end);
  if (steps > 0)
    g_date_add_months (&anchor, (guint) (steps * months));
  else if (steps < 0)
    g_date_subtract_months (&anchor, (guint) (-steps * months));
  traction_period_bounds (kind, &anchor, fy_start_month, start, end);
}

/* The fiscal year is named after the calendar year it ends in. */
static int
fiscal_year_name (const GDate *start,
                  int          fy_start_month)
{
  GDate fy_start, fy_end;

  fiscal_year_bounds (start, fy_start_month, &fy_start, &fy_end);
  g_date_subtract_days (&fy_end, 1);
  return g_date_get_year (&fy_end);
}

char *
traction_revenue_format_date (const GDate *date,
                              const char  *format)
{
  char buf[128];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    traction_date_format (date, buf);
  return g_strdup (buf);
}

char *
traction_period_label (TractionPeriodKind  kind,
                       const GDate        *start,
                       const GDate        *end,
                       int                 fy_start_month)
{
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (end != NULL && g_date_valid (end), NULL);

  fy_start_month = CLAMP (fy_start_month, 1, 12);
  switch (kind)
    {
    case TRACTION_PERIOD_MONTH:
      /* Translators: strftime format of a month, "November 2026" */
      return traction_revenue_format_date (start, _("%B %Y"));
    case TRACTION_PERIOD_QUARTER:
      {
        int q = (((int) g_date_get_month (start) - fy_start_month + 12) % 12) / 3 + 1;

        if (fy_start_month == 1)
          /* Translators: a calendar quarter, "Q4 2026" */
          return g_strdup_printf (_("Q%d %d"), q, g_date_get_year (start));
        /* Translators: a fiscal quarter, "Q3 FY2027" */
        return g_strdup_printf (_("Q%d FY%d"), q, fiscal_year_name (start, fy_start_month));
      }
    case TRACTION_PERIOD_YEAR:
      if (fy_start_month == 1)
        return g_strdup_printf ("%d", g_date_get_year (start));
      /* Translators: a fiscal year, "FY2027" */
      return g_strdup_printf (_("FY%d"), fiscal_year_name (start, fy_start_month));
    case TRACTION_PERIOD_CUSTOM:
    default:
      {
        GDate last = *end;
        g_autofree char *a = traction_revenue_format_date (start, "%x");
        g_autofree char *b = NULL;

        g_date_subtract_days (&last, 1);
        b = traction_revenue_format_date (&last, "%x");
        /* Translators: a period from its first to its last day */
        return g_strdup_printf (_("%s – %s"), a, b);
      }
    }
}

/* Movements */

void
traction_movement_row_free (TractionMovementRow *row)
{
  if (row == NULL)
    return;
  g_free (row->account);
  g_free (row->note);
  g_free (row);
}

TractionMovementRow *
traction_movement_row_copy (const TractionMovementRow *row)
{
  TractionMovementRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_memdup2 (row, sizeof *row);
  copy->account = g_strdup (row->account);
  copy->note = g_strdup (row->note);
  return copy;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TractionMovementRow *x = *(const TractionMovementRow * const *) a;
  const TractionMovementRow *y = *(const TractionMovementRow * const *) b;
  int c = g_date_compare (&y->date, &x->date);

  if (c != 0)
    return c;
  return x->id < y->id ? 1 : (x->id > y->id ? -1 : 0);
}

/* Rows ordered by client, date, id, so that the running ARR can be kept. */
static GPtrArray *
query_movements (TractionStore  *self,
                 gint64          account_id,
                 gint64          movement_id,
                 GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_movement_row_free);
  sqlite3_stmt *stmt;
  gint64 client = 0, arr = 0;
  int rc;

  /* One client's log through its index; the general form scans them all. */
  if (account_id > 0 && movement_id == 0)
    stmt = traction_store_prepare (self,
                                   "SELECT m.id, m.account_id, a.name, m.moved_on, m.kind, m.amount_cents, m.note"
                                   " FROM arr_movements m JOIN accounts a ON a.id = m.account_id"
                                   " WHERE m.account_id = ?1 AND ?2 = 0"
                                   " ORDER BY m.moved_on, m.id",
                                   error);
  else
    stmt = traction_store_prepare (self,
                                   "SELECT m.id, m.account_id, a.name, m.moved_on, m.kind, m.amount_cents, m.note"
                                   " FROM arr_movements m JOIN accounts a ON a.id = m.account_id"
                                   " WHERE (?1 = 0 OR m.account_id = ?1)"
                                   "  AND (?2 = 0 OR m.account_id = (SELECT account_id FROM arr_movements WHERE id = ?2))"
                                   " ORDER BY m.account_id, m.moved_on, m.id",
                                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, movement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionMovementRow *row;
      TractionMoveKind kind;
      GDate date;

      traction_column_date (stmt, 3, &date);
      if (!g_date_valid (&date) ||
          !traction_move_kind_from_id ((const char *) sqlite3_column_text (stmt, 4), &kind))
        continue;

      row = g_new0 (TractionMovementRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->account_id = sqlite3_column_int64 (stmt, 1);
      row->account = traction_column_text (stmt, 2);
      row->date = date;
      row->kind = kind;
      row->amount_cents = sqlite3_column_int64 (stmt, 5);
      row->note = traction_column_text (stmt, 6);

      if (row->account_id != client)
        {
          client = row->account_id;
          arr = 0;
        }
      arr += traction_move_delta (kind, row->amount_cents);
      row->arr_after_cents = arr;
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the ARR movements"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

GPtrArray *
traction_store_list_movements (TractionStore  *self,
                               gint64          account_id,
                               GError        **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = query_movements (self, account_id, 0, error);
  if (rows != NULL)
    g_ptr_array_sort (rows, compare_newest_first);
  return rows;
}

GPtrArray *
traction_store_list_recent_movements (TractionStore  *self,
                                      guint           limit,
                                      guint          *total,
                                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_movement_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) clients = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (total != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self, "SELECT count (*) FROM arr_movements", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  *total = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the ARR movements"), error);
      return NULL;
    }

  /* The newest ones, and whose they are... */
  stmt = traction_store_prepare (self,
                                 "SELECT id, account_id FROM arr_movements"
                                 " ORDER BY moved_on DESC, id DESC LIMIT ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 client = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (client_ids, client);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the ARR movements"), error);
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));

  /* ...then those clients' logs, for the ARR after each movement. */
  for (guint i = 0; i < client_ids->len; i++)
    {
      gint64 *client = &g_array_index (client_ids, gint64, i);
      g_autoptr(GPtrArray) log = NULL;

      if (!g_hash_table_add (clients, client))
        continue;
      log = query_movements (self, *client, 0, error);
      if (log == NULL)
        return NULL;
      for (guint j = 0; j < log->len; j++)
        {
          TractionMovementRow *row = g_ptr_array_index (log, j);

          if (g_hash_table_contains (wanted, &row->id))
            g_ptr_array_add (rows, traction_movement_row_copy (row));
        }
    }
  g_ptr_array_sort (rows, compare_newest_first);
  return g_steal_pointer (&rows);
}

TractionMovementRow *
traction_store_get_movement (TractionStore  *self,
                             gint64          movement_id,
                             GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (movement_id <= 0)
    goto missing;

  rows = query_movements (self, 0, movement_id, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      TractionMovementRow *row = g_ptr_array_index (rows, i);

      if (row->id == movement_id)
        return traction_movement_row_copy (row);
    }

missing:
  g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                       _("The ARR movement no longer exists."));
  return NULL;
}

static gboolean
check_input (TractionStore               *self,
             const TractionMovementInput *input,
             GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (input->account_id <= 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("Choose the client the movement belongs to."));
      return FALSE;
    }
  if (!g_date_valid (&input->date))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("Enter the date of the movement."));
      return FALSE;
    }
  if ((guint) input->kind >= TRACTION_N_MOVE_KINDS)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("Choose the kind of movement."));
      return FALSE;
    }
  if (input->amount_cents <= 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The amount must be more than zero: the kind says whether ARR goes up or down."));
      return FALSE;
    }

  stmt = traction_store_prepare (self, "SELECT 1 FROM accounts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, input->account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (self), rc,
                                     _("Could not read the clients"));

  g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                       _("The client no longer exists."));
  return FALSE;
}

/* Inside the caller's transaction: the client's ARR at the end of every
 * day with a movement must stay at or above zero. */
static gboolean
check_arr_never_negative (TractionStore  *self,
                          gint64          account_id,
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = query_movements (self, account_id, 0, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TractionMovementRow *row = g_ptr_array_index (rows, i);
      TractionMovementRow *next = i + 1 < rows->len ? g_ptr_array_index (rows, i + 1) : NULL;

      /* The end of a day: the last movement of that date. */
      if (next != NULL && g_date_compare (&next->date, &row->date) == 0)
        continue;

      if (row->arr_after_cents < 0)
        {
          g_autofree char *currency = traction_store_get_currency (self);
          g_autofree char *below = traction_money_format (-row->arr_after_cents, currency, FALSE);
          char date[16];

          traction_date_format (&row->date, date);
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("This would take the ARR of “%s” below zero on %s (by %s): "
                         "a churn or contraction cannot be larger than the ARR at its date."),
                       row->account, date, below);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
traction_store_add_movement (TractionStore               *self,
                             const TractionMovementInput *input,
                             gint64                      *id_out,
                             GError                     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_input (self, input, error))
    return FALSE;

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents, note)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, input->account_id);
  traction_bind_date (stmt, 2, &input->date);
  traction_bind_text (stmt, 3, traction_move_kind_to_id (input->kind));
  sqlite3_bind_int64 (stmt, 4, input->amount_cents);
  traction_bind_text (stmt, 5, input->note != NULL ? input->note : "");
  if (!traction_store_step_write (self, stmt, _("Could not save the ARR movement"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (traction_store_get_db (self));

  if (!check_arr_never_negative (self, input->account_id, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }
  if (!traction_store_commit (self, error))
    return FALSE;

  if (id_out != NULL)
    *id_out = id;
  return TRUE;
}

gboolean
traction_store_update_movement (TractionStore               *self,
                                gint64                       movement_id,
                                const TractionMovementInput *input,
                                GError                     **error)
{
  g_autoptr(TractionMovementRow) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_input (self, input, error))
    return FALSE;
  before = traction_store_get_movement (self, movement_id, error);
  if (before == NULL)
    return FALSE;

  stmt = traction_store_begin_prepare (self,
                                       "UPDATE arr_movements SET account_id = ?2, moved_on = ?3, kind = ?4,"
                                       " amount_cents = ?5, note = ?6 WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, movement_id);
  sqlite3_bind_int64 (stmt, 2, input->account_id);
  traction_bind_date (stmt, 3, &input->date);
  traction_bind_text (stmt, 4, traction_move_kind_to_id (input->kind));
  sqlite3_bind_int64 (stmt, 5, input->amount_cents);
  traction_bind_text (stmt, 6, input->note != NULL ? input->note : "");
  if (!traction_store_step_write (self, stmt, _("Could not save the ARR movement"), error))
    return FALSE;

  /* Both the client it had and the one it has now. */
  if (!check_arr_never_negative (self, input->account_id, error) ||
      (before->account_id != input->account_id &&
       !check_arr_never_negative (self, before->account_id, error)))
    {
      traction_store_rollback (self);
      return FALSE;
    }

  return traction_store_commit (self, error);
}

gboolean
traction_store_delete_movement (TractionStore        *self,
                                gint64                movement_id,
                                TractionMovementRow **deleted,
                                GError              **error)
{
  g_autoptr(TractionMovementRow) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (deleted == NULL || *deleted == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = traction_store_get_movement (self, movement_id, error);
  if (before == NULL)
    return FALSE;

  stmt = traction_store_begin_prepare (self, "DELETE FROM arr_movements WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, movement_id);
  if (!traction_store_step_write (self, stmt, _("Could not delete the ARR movement"), error))
    return FALSE;

  if (!check_arr_never_negative (self, before->account_id, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }
  if (!traction_store_commit (self, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = g_steal_pointer (&before);
  return TRUE;
}

gboolean
traction_store_restore_movement (TractionStore              *self,
                                 const TractionMovementRow  *row,
                                 GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO arr_movements (id, account_id, moved_on, kind, amount_cents, note)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->account_id);
  traction_bind_date (stmt, 3, &row->date);
  traction_bind_text (stmt, 4, traction_move_kind_to_id (row->kind));
  sqlite3_bind_int64 (stmt, 5, row->amount_cents);
  traction_bind_text (stmt, 6, row->note != NULL ? row->note : "");
  return traction_store_commit_single (self, stmt, _("Could not restore the ARR movement"), FALSE, error);
}

void
traction_revenue_client_free (TractionRevenueClient *client)
{
  if (client == NULL)
    return;
  g_free (client->name);
  g_free (client);
}

GPtrArray *
traction_store_list_revenue_clients (TractionStore  *self,
                                     const GDate    *today,
                                     GError        **error)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_revenue_client_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT a.id, a.name, coalesce ((SELECT sum (CASE WHEN m.kind IN"
                                 "  ('contraction', 'churn') THEN -m.amount_cents ELSE m.amount_cents END)"
                                 "  FROM arr_movements m WHERE m.account_id = a.id AND m.moved_on <= ?1), 0)"
                                 " FROM accounts a ORDER BY a.name COLLATE NOCASE, a.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  traction_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionRevenueClient *client = g_new0 (TractionRevenueClient, 1);

      client->id = sqlite3_column_int64 (stmt, 0);
      client->name = traction_column_text (stmt, 1);
      client->arr_cents = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (clients, client);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the clients"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&clients);
}

GPtrArray *
traction_store_preview_movements_csv (TractionStore  *self,
                                      const char     *data,
                                      gsize           length,
                                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_movement_row_free);

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!traction_store_check_movements_csv (self, data, length, FALSE, rows, NULL, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Figures */

GArray *
traction_revenue_series (const TractionMovement *moves,
                         gsize                   n,
                         const GDate            *last_day,
                         guint                   n_months,
                         const GDate            *cap)
{
  GArray *series;
  GDate month, dummy;

  g_return_val_if_fail (moves != NULL || n == 0, NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);
  g_return_val_if_fail (cap == NULL || g_date_valid (cap), NULL);

  series = g_array_sized_new (FALSE, TRUE, sizeof (TractionRetentionPoint), n_months);
  traction_month_bounds (last_day, &month, &dummy);
  if (n_months > 1)
    g_date_subtract_months (&month, n_months - 1);

  for (guint i = 0; i < n_months; i++, g_date_add_months (&month, 1))
    {
      TractionRetentionPoint point;

      memset (&point, 0, sizeof point);
      point.month = month;
      point.window_end = month;
      g_date_add_months (&point.window_end, 1);
      point.window_start = point.window_end;
      g_date_subtract_months (&point.window_start, 12);
      if (cap != NULL && g_date_compare (cap, &point.window_end) < 0)
        point.window_end = *cap;

      if (g_date_compare (&point.window_start, &point.window_end) < 0)
        traction_retention_compute (moves, n, &point.window_start, &point.window_end, &point.retention);
      g_array_append_val (series, point);
    }

  return series;
}

void
traction_expansion_row_free (TractionExpansionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->account);
  g_free (row);
}

char *
traction_expansion_row_types (const TractionExpansionRow *row)
{
  static const TractionMoveKind order[] = {
    TRACTION_MOVE_EXPANSION_CROSS_SELL, TRACTION_MOVE_EXPANSION_UPSELL, TRACTION_MOVE_EXPANSION_USAGE,
    TRACTION_MOVE_CONTRACTION, TRACTION_MOVE_CHURN, TRACTION_MOVE_REACTIVATION, TRACTION_MOVE_NEW,
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (row != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if ((row->kinds & (1u << order[i])) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, traction_move_kind_label (order[i]));
    }
  return g_string_free (out, FALSE);
}

static int
compare_tracker (gconstpointer a,
                 gconstpointer b)
{
  const TractionExpansionRow *x = *(const TractionExpansionRow * const *) a;
  const TractionExpansionRow *y = *(const TractionExpansionRow * const *) b;

  if (x->change_cents != y->change_cents)
    return x->change_cents > y->change_cents ? -1 : 1;
  return g_utf8_collate (x->account, y->account);
}

static GHashTable *
load_account_names (TractionStore  *self,
                    GError        **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self, "SELECT id, name FROM accounts", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (names, id, traction_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the clients"), error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&names);
}

/* The cohort clients of [from, to) whose ARR moved inside it: the rows of
 * the expansion revenue tracker (founder-led-sales). */
static GPtrArray *
build_tracker (const TractionMovement *moves,
               gsize                   n,
               GHashTable             *names,
               const GDate            *from,
               const GDate            *to)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_expansion_row_free);
  gsize i = 0;

  while (i < n)
    {
      TractionExpansionRow row;
      gint64 client = moves[i].client;

      memset (&row, 0, sizeof row);
      for (; i < n && moves[i].client == client; i++)
        {
          gint64 delta;

          if (!g_date_valid (&moves[i].date) || g_date_compare (&moves[i].date, to) >= 0)
            continue;
          delta = traction_move_delta (moves[i].kind, moves[i].amount_cents);
          row.end_cents += delta;
          if (g_date_compare (&moves[i].date, from) < 0)
            row.start_cents += delta;
          else
            {
              row.kinds |= 1u << moves[i].kind;
              row.kind_cents[moves[i].kind] += moves[i].amount_cents;
            }
        }

      /* In the cohort (ARR at start) and moved in the period. */
      if (row.start_cents <= 0 || row.kinds == 0)
        continue;

      row.end_cents = MAX (row.end_cents, 0);
      row.change_cents = row.end_cents - row.start_cents;
      row.account_id = client;
      row.account = g_strdup (g_hash_table_lookup (names, &client));
      if (row.account == NULL)
        row.account = g_strdup ("");
      g_ptr_array_add (rows, g_memdup2 (&row, sizeof row));
    }

  g_ptr_array_sort (rows, compare_tracker);
  return rows;
}

static void
revenue_renewal_free (gpointer data)
{
  TractionRevenueRenewal *renewal = data;

  g_free (renewal->row->account);
  g_free (renewal->row);
  g_free (renewal);
}

void
traction_revenue_free (TractionRevenue *revenue)
{
  if (revenue == NULL)
    return;
  g_free (revenue->currency);
  g_clear_pointer (&revenue->series, g_array_unref);
  g_clear_pointer (&revenue->cohorts, g_array_unref);
  g_clear_pointer (&revenue->tracker, g_ptr_array_unref);
  g_clear_pointer (&revenue->renewals, g_ptr_array_unref);
  g_free (revenue);
}

/* The last day the series shows: the period's last day, not after today. */
static void
series_last_day (const GDate *to,
                 const GDate *today,
                 GDate       *out)
{
  *out = *to;
  g_date_subtract_days (out, 1);
  if (g_date_compare (today, out) < 0)
    *out = *today;
}

TractionRevenue *
traction_store_load_revenue (TractionStore  *self,
                             const GDate    *from,
                             const GDate    *to,
                             const GDate    *today,
                             GError        **error)
{
  g_autoptr(TractionRevenue) revenue = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const TractionMovement *data;
  GDate tomorrow, last_day, until;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  revenue = g_new0 (TractionRevenue, 1);
  revenue->today = *today;
  traction_store_get_rules (self, &revenue->rules);
  revenue->currency = traction_store_get_currency (self);

  /* The period's figures: exactly those of `traction-cli metrics`. */
  if (!traction_store_compute_metrics (self, from, to, today, &revenue->metrics, error))
    return NULL;

  moves = traction_store_load_movements (self, error);
  if (moves == NULL)
    return NULL;
  data = (const TractionMovement *) (gconstpointer) moves->data;
  revenue->n_movements = moves->len;

  tomorrow = *today;
  g_date_add_days (&tomorrow, 1);
  series_last_day (&revenue->metrics.to, today, &last_day);
  revenue->series = traction_revenue_series (data, moves->len, &last_day, 12, &tomorrow);

  until = g_date_compare (&revenue->metrics.to, &tomorrow) < 0 ? revenue->metrics.to : tomorrow;
  revenue->cohorts = traction_cohorts_compute (data, moves->len,
                                               revenue->rules.fiscal_year_start_month, &until);

  names = load_account_names (self, error);
  if (names == NULL)
    return NULL;
  revenue->tracker = build_tracker (data, moves->len, names, &revenue->metrics.from, &revenue->metrics.to);

  rows = traction_store_load_renewals_within (self, &revenue->rules, today,
                                              TRACTION_RENEWAL_HORIZON_DAYS, error);
  if (rows == NULL)
    return NULL;

  revenue->renewals = g_ptr_array_new_with_free_func (revenue_renewal_free);
  /* The rows move into the renewals: nothing is freed twice. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      TractionRevenueRenewal *renewal = g_new0 (TractionRevenueRenewal, 1);
      TractionRenewalInput input;

      renewal->row = g_ptr_array_index (rows, i);
      renewal->segment = traction_segment_for (renewal->row->arr_cents, &revenue->rules);
      renewal->lead_days = revenue->rules.renewal_lead_days[renewal->segment];
      renewal->probability = revenue->rules.renewal_probability[renewal->row->band];
      input.arr_cents = renewal->row->arr_cents;
      input.band = renewal->row->band;
      renewal->forecast_cents = traction_renewal_forecast (&input, 1, &revenue->rules);
      renewal->days_left = traction_date_diff (today, &renewal->row->renewal);
      g_ptr_array_add (revenue->renewals, renewal);

      revenue->renewals_arr_cents += renewal->row->arr_cents;
    }

  /* Σ ARR × probability, rounded once (not the sum of rounded rows). */
  {
    g_autofree TractionRenewalInput *inputs = g_new0 (TractionRenewalInput, MAX (rows->len, 1));

    for (guint i = 0; i < rows->len; i++)
      {
        const TractionRenewalRow *row = g_ptr_array_index (rows, i);

        inputs[i].arr_cents = row->arr_cents;
        inputs[i].band = row->band;
      }
    revenue->renewals_forecast_cents = traction_renewal_forecast (inputs, rows->len, &revenue->rules);
  }

  return g_steal_pointer (&revenue);
}

gboolean
traction_store_revenue_series_and_bridge (TractionStore   *self,
                                          const GDate     *from,
                                          const GDate     *to,
                                          const GDate     *today,
                                          GArray         **series,
                                          TractionBridge  *bridge,
                                          GError         **error)
{
  g_autoptr(GArray) moves = NULL;
  const TractionMovement *data;
  GDate tomorrow, last_day;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (series != NULL && *series == NULL, FALSE);
  g_return_val_if_fail (bridge != NULL, FALSE);

  moves = traction_store_load_movements (self, error);
  if (moves == NULL)
    return FALSE;
  data = (const TractionMovement *) (gconstpointer) moves->data;

  tomorrow = *today;
  g_date_add_days (&tomorrow, 1);
  series_last_day (to, today, &last_day);
  *series = traction_revenue_series (data, moves->len, &last_day, 12, &tomorrow);
  traction_bridge_compute (data, moves->len, from, to, bridge);
  return TRUE;
}

const char *
traction_nrr_status_label (const TractionRetention *retention,
                           const TractionRules     *rules)
{
  g_return_val_if_fail (retention != NULL && rules != NULL, NULL);

  if (!retention->valid)
    return _("no data");
  if (retention->nrr + 0.05 < rules->nrr_target)
    return _("Below target");
  if (retention->nrr < rules->nrr_target + 0.05)
    return _("On target");
  return _("Above target");
}

const char *
traction_nrr_band_label (double nrr)
{
  if (nrr < 90)
    return _("Critical");
  if (nrr < 100)
    return _("Below average");
  if (nrr < 110)
    return _("Good");
  if (nrr <= 120)
    return _("Great");
  return _("Excellent");
}
