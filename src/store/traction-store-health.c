/* traction-store-health.c: clients, monthly usage and health scorecards,
 * the heatmap, and health alerts (DOMAIN.md §5).
 *
 * Months are stored as the first day of the month ("2026-11-01"); months
 * written as "2026-11" by older tools are read the same (the first seven
 * characters are what counts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-health.h"
#include "traction-store-health.h"
#include "traction-store-import.h"
#include "traction-store-private.h"

static gboolean raise_alerts (TractionStore  *self,
                              gint64          only,
                              const GDate    *today,
                              guint          *n_raised,
                              GError        **error);

/* Helpers: months */

/* "2026-11-01" for the month of date. */
static void
month_text (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-01",
              (guint) g_date_get_year (date), (guint) g_date_get_month (date));
}

/* The first day of the month of a stored month text, or FALSE. */
static gboolean
parse_month (const char *text,
             GDate      *out)
{
  char buf[11];

  if (text == NULL || strlen (text) < 7)
    return FALSE;
  memcpy (buf, text, 7);
  memcpy (buf + 7, "-01", 4);
  return traction_date_parse (buf, out, NULL);
}

static int
months_between (const GDate *from,
                const GDate *to)
{
  return ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
         ((int) g_date_get_month (to) - (int) g_date_get_month (from));
}

static void
first_of_month (const GDate *date,
                GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (date), g_date_get_year (date));
}

static void
last_of_month (const GDate *month,
               GDate       *out)
{
  first_of_month (month, out);
  g_date_add_months (out, 1);
  g_date_subtract_days (out, 1);
}

/* Clients */

void
traction_client_row_free (TractionClientRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

static int
compare_client_names (gconstpointer a,
                      gconstpointer b)
{
  const TractionClientRow *x = *(const TractionClientRow * const *) a;
  const TractionClientRow *y = *(const TractionClientRow * const *) b;
  int order = g_utf8_collate (x->name, y->name);

  return order != 0 ? order : (x->account_id > y->account_id) - (x->account_id < y->account_id);
}

static TractionClientRow *
client_for (GHashTable *clients,
            gint64      account_id)
{
  TractionClientRow *row = g_hash_table_lookup (clients, &account_id);

  if (row == NULL)
    {
      row = g_new0 (TractionClientRow, 1);
      row->account_id = account_id;
      row->name = g_strdup ("");
      g_date_clear (&row->contract_start, 1);
      g_date_clear (&row->renewal, 1);
      g_date_clear (&row->score_month, 1);
      g_hash_table_insert (clients, &row->account_id, row);
    }
  return row;
}

/* Today's clients (or only account_id when > 0): the companies with ARR
 * or an active contract, keyed by account id, with their ARR and active
 * contract filled in; in firsts (when not NULL), the day each client
 * relationship began. */
static GHashTable *
current_clients (TractionStore  *self,
                 gint64          only,
                 const GDate    *today,
                 GHashTable     *firsts,
                 GError        **error)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                     (GDestroyNotify) traction_client_row_free);
  g_autoptr(GArray) moves = NULL;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  GDate tomorrow;
  int rc;

  tomorrow = *today;
  g_date_add_days (&tomorrow, 1);

  /* ARR just before tomorrow, from the movements. */
  moves = traction_store_load_movements (self, error);
  if (moves == NULL)
    return NULL;
  for (guint i = 0; i < moves->len; i++)
    {
      const TractionMovement *m = &g_array_index (moves, TractionMovement, i);

      if ((only > 0 && m->client != only) || g_date_compare (&m->date, &tomorrow) >= 0)
        continue;
      client_for (all, m->client)->arr_cents += traction_move_delta (m->kind, m->amount_cents);
    }

  /* The active contract (the latest started), and the day the client
   * relationship began: the first contract after the last one that
   * ended. The lifecycle counts from that day, so a renewal does not send
   * a client of two years back to Onboarding. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, start_on, renewal_on, status = 'active',"
                                 " status = 'ended' FROM contracts"
                                 " WHERE ?1 = 0 OR account_id = ?1"
                                 " ORDER BY account_id, start_on",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GDate *first = firsts != NULL ? g_hash_table_lookup (firsts, &id) : NULL;
      GDate start, renewal;

      traction_column_date (stmt, 1, &start);
      traction_column_date (stmt, 2, &renewal);
      if (!g_date_valid (&start))
        continue;
      if (firsts != NULL && first == NULL)
        {
          first = g_new (GDate, 1);
          g_date_clear (first, 1);
          g_hash_table_insert (firsts, g_memdup2 (&id, sizeof id), first);
        }
      if (first != NULL && !g_date_valid (first))
        *first = start;
      if (first != NULL && sqlite3_column_int (stmt, 4))
        g_date_clear (first, 1);
      if (sqlite3_column_int (stmt, 3))
        {
          TractionClientRow *row = client_for (all, id);

          row->has_contract = TRUE;
          row->contract_start = start;
          row->renewal = renewal;
        }
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the clients"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Keep the clients: ARR > 0 or an active contract. */
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TractionClientRow *row = value;

      if (row->arr_cents <= 0 && !row->has_contract)
        g_hash_table_iter_remove (&iter);
    }
  return g_steal_pointer (&all);
}

/* Every client (or only account_id when > 0), by name. */
static GPtrArray *
load_clients (TractionStore  *self,
              gint64          only,
              const GDate    *today,
              GError        **error)
{
  g_autoptr(GHashTable) firsts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) all = current_clients (self, only, today, firsts, error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_client_row_free);
  TractionRules rules;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  if (all == NULL)
    return NULL;
  traction_store_get_rules (self, &rules);

  /* Names. */
  stmt = traction_store_prepare (self, "SELECT id, name FROM accounts WHERE ?1 = 0 OR id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TractionClientRow *row = g_hash_table_lookup (all, &id);

      if (row != NULL)
        {
          g_free (row->name);
          row->name = traction_column_text (stmt, 1);
        }
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the clients"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* The latest scorecard and the one of the month before it. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, month, score_tenths FROM health_scores"
                                 " WHERE ?1 = 0 OR account_id = ?1"
                                 " ORDER BY account_id, month DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only);
  {
    gint64 current = 0;
    guint seen = 0;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        TractionClientRow *row;
        GDate month;

        if (id != current)
          {
            current = id;
            seen = 0;
          }
        if (seen++ >= 2 || (row = g_hash_table_lookup (all, &id)) == NULL ||
            !parse_month ((const char *) sqlite3_column_text (stmt, 1), &month))
          continue;

        if (!row->has_score)
          {
            row->has_score = TRUE;
            row->score_month = month;
            row->score = sqlite3_column_int (stmt, 2) / 10.0;
            row->band = traction_health_band (row->score, &rules);
          }
        else if (months_between (&month, &row->score_month) == 1)
          {
            row->has_trend = TRUE;
            row->previous_score = sqlite3_column_int (stmt, 2) / 10.0;
            row->trend = traction_health_trend (row->previous_score, row->score, &rules);
          }
      }
  }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the health scores"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Alerts still to handle. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, count (*) FROM alerts"
                                 " WHERE status IN ('open', 'acknowledged') AND (?1 = 0 OR account_id = ?1)"
                                 " GROUP BY account_id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TractionClientRow *row = g_hash_table_lookup (all, &id);

      if (row != NULL)
        row->open_alerts = (guint) sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the alerts"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TractionClientRow *row = value;

      row->segment = traction_segment_for (MAX (row->arr_cents, 0), &rules);
      if (row->has_contract)
        {
          const GDate *first = g_hash_table_lookup (firsts, &row->account_id);

          row->lifecycle = traction_lifecycle_for (first != NULL && g_date_valid (first)
                                                   ? first : &row->contract_start, today);
        }
      else
        row->lifecycle = TRACTION_LIFECYCLE_ONBOARDING;
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (out, row);
    }
  g_ptr_array_sort (out, compare_client_names);
  return g_steal_pointer (&out);
}

GPtrArray *
traction_store_list_clients (TractionStore  *self,
                             const GDate    *today,
                             GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_clients (self, 0, today, error);
}

TractionClientRow *
traction_store_get_client (TractionStore  *self,
                           gint64          account_id,
                           const GDate    *today,
                           GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (account_id <= 0 || (rows = load_clients (self, account_id, today, error)) == NULL)
    {
      if (account_id <= 0)
        traction_store_not_found (error, _("This client no longer exists."));
      return NULL;
    }
  if (rows->len == 0)
    {
      traction_store_not_found (error, _("This company is not a client: it has no ARR and no active contract."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* Heatmap */

void
traction_heatmap_data_free (TractionHeatmapData *data)
{
  if (data == NULL)
    return;
  g_free (data->account_ids);
  g_free (data->scores);
  g_free (data);
}

TractionHeatmapData *
traction_store_load_heatmap (TractionStore  *self,
                             const gint64   *account_ids,
                             guint           n_clients,
                             const GDate    *first_month,
                             guint           n_months,
                             GError        **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  TractionHeatmapData *data;
  sqlite3_stmt *stmt;
  char from[11], to[11];
  GDate start, end;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (account_ids != NULL || n_clients == 0, NULL);
  g_return_val_if_fail (first_month != NULL && g_date_valid (first_month), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first_of_month (first_month, &start);
  end = start;
  g_date_add_months (&end, n_months);
  month_text (&start, from);
  month_text (&end, to);

  data = g_new0 (TractionHeatmapData, 1);
  data->first_month = start;
  data->n_months = n_months;
  data->n_clients = n_clients;
  data->account_ids = g_memdup2 (account_ids, sizeof (gint64) * MAX (n_clients, 1));
  data->scores = g_new (float, (gsize) MAX (n_clients, 1) * MAX (n_months, 1));
  for (gsize i = 0; i < (gsize) n_clients * n_months; i++)
    data->scores[i] = NAN;
  for (guint i = 0; i < n_clients; i++)
    g_hash_table_insert (index, &data->account_ids[i], GUINT_TO_POINTER (i + 1));

  if (n_clients == 0 || n_months == 0)
    return data;

  /* "2026-11" < "2026-11-01": months written either way fall in range. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, month, score_tenths FROM health_scores"
                                 " WHERE month >= substr (?1, 1, 7) AND month < substr (?2, 1, 7)",
                                 error);
  if (stmt == NULL)
    {
      traction_heatmap_data_free (data);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      GDate month;
      int column;

      if (row == 0 || !parse_month ((const char *) sqlite3_column_text (stmt, 1), &month))
        continue;
      column = months_between (&start, &month);
      if (column < 0 || column >= (int) n_months)
        continue;
      data->scores[(gsize) (row - 1) * n_months + (guint) column] = sqlite3_column_int (stmt, 2) / 10.0f;
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the health scores"), error);
      traction_heatmap_data_free (data);
      return NULL;
    }
  sqlite3_reset (stmt);
  return data;
}

/* Usage */

static void
usage_clear (TractionUsageMonth *usage)
{
  usage->api_volume = -1;
  usage->plan_volume = -1;
  g_date_clear (&usage->last_api_call, 1);
  for (int i = 0; i < 4; i++)
    usage->tickets[i] = -1;
  g_date_clear (&usage->last_response, 1);
  usage->nps = -1;
}

static gint64
column_count (sqlite3_stmt *stmt,
              int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, index);
}

/* The month's NPS answer, -1 none: the one entered with the usage (dated
 * the month's first day) first, else the month's latest survey answer. */
static gboolean
month_nps (TractionStore  *self,
           gint64          account_id,
           const char     *month,
           int            *out,
           GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self,
                                               "SELECT score FROM survey_responses"
                                               " WHERE account_id = ?1 AND kind = 'nps'"
                                               " AND substr (answered_on, 1, 7) = substr (?2, 1, 7)"
                                               " ORDER BY answered_on = ?2 DESC, answered_on DESC, id DESC LIMIT 1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
  *out = -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the survey answers"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The latest NPS answer up to the end of month, -1 none. */
static gboolean
last_nps_until (TractionStore  *self,
                gint64          account_id,
                const GDate    *month_end,
                int            *out,
                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self,
                                               "SELECT score FROM survey_responses"
                                               " WHERE account_id = ?1 AND kind = 'nps' AND answered_on <= ?2"
                                               " ORDER BY answered_on DESC, id DESC LIMIT 1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, month_end);
  *out = -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the survey answers"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
traction_store_get_usage (TractionStore       *self,
                          gint64               account_id,
                          const GDate         *month,
                          TractionUsageMonth  *out,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  char text[11];
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL && g_date_valid (month), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  usage_clear (out);
  month_text (month, text);

  stmt = traction_store_prepare (self,
                                 "SELECT api_volume, plan_volume, last_api_call, tickets_p1, tickets_p2,"
                                 " tickets_p3, tickets_p4, last_response FROM usage_months"
                                 " WHERE account_id = ?1 AND substr (month, 1, 7) = substr (?2, 1, 7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      out->api_volume = column_count (stmt, 0);
      out->plan_volume = column_count (stmt, 1);
      traction_column_date (stmt, 2, &out->last_api_call);
      for (int i = 0; i < 4; i++)
        out->tickets[i] = (int) column_count (stmt, 3 + i);
      traction_column_date (stmt, 7, &out->last_response);
    }
  else if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the usage"), error);
  sqlite3_reset (stmt);

  if (!month_nps (self, account_id, text, &out->nps, error))
    return FALSE;
  return found || out->nps >= 0;
}

static gboolean
check_usage (const TractionUsageMonth *usage,
             const GDate              *today,
             GError                  **error)
{
  if (usage->api_volume < -1 || usage->plan_volume < -1)
    return traction_store_invalid (error, _("API and plan volumes cannot be negative."));
  for (int i = 0; i < 4; i++)
    if (usage->tickets[i] < -1)
      return traction_store_invalid (error, _("Ticket counts cannot be negative."));
  if (usage->nps < -1 || usage->nps > 10)
    return traction_store_invalid (error, _("An NPS answer is a whole number from 0 to 10."));
  if ((g_date_valid (&usage->last_api_call) && g_date_compare (&usage->last_api_call, today) > 0) ||
      (g_date_valid (&usage->last_response) && g_date_compare (&usage->last_response, today) > 0))
    return traction_store_invalid (error, _("The last API call and the last response cannot be after today."));
  return TRUE;
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* Writes one month inside the caller's transaction; rolls it back on
 * failure. */
static gboolean
write_usage (TractionStore            *self,
             gint64                    account_id,
             const GDate              *month,
             const TractionUsageMonth *usage,
             GError                  **error)
{
  sqlite3_stmt *stmt;
  char text[11];

  month_text (month, text);
  stmt = traction_store_prepare_write (self,
                                       "DELETE FROM usage_months WHERE account_id = ?1"
                                       " AND substr (month, 1, 7) = substr (?2, 1, 7)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!traction_store_step_write (self, stmt, _("Could not save the usage"), error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO usage_months (account_id, month, api_volume, plan_volume,"
                                       " last_api_call, tickets_p1, tickets_p2, tickets_p3, tickets_p4, last_response)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  bind_count (stmt, 3, usage->api_volume);
  bind_count (stmt, 4, usage->plan_volume);
  traction_bind_date (stmt, 5, &usage->last_api_call);
  for (int i = 0; i < 4; i++)
    bind_count (stmt, 6 + i, usage->tickets[i]);
  traction_bind_date (stmt, 10, &usage->last_response);
  if (!traction_store_step_write (self, stmt, _("Could not save the usage"), error))
    return FALSE;

  /* The month's NPS answer is a survey response dated its first day. */
  stmt = traction_store_prepare_write (self,
                                       "DELETE FROM survey_responses WHERE account_id = ?1 AND kind = 'nps'"
                                       " AND answered_on = ?2",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!traction_store_step_write (self, stmt, _("Could not save the usage"), error))
    return FALSE;
  if (usage->nps >= 0)
    {
      stmt = traction_store_prepare_write (self,
                                           "INSERT INTO survey_responses (account_id, answered_on, kind, score)"
                                           " VALUES (?1, ?2, 'nps', ?3)",
                                           error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, usage->nps);
      if (!traction_store_step_write (self, stmt, _("Could not save the usage"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_month (const GDate  *month,
             const GDate  *today,
             GError      **error)
{
  GDate start;

  first_of_month (month, &start);
  if (g_date_compare (&start, today) > 0)
    return traction_store_invalid (error, _("The month is after this one: usage is recorded for months that have begun."));
  return TRUE;
}

/* Puts the client's name in front of a failure of one of several rows. */
static gboolean
client_failed (TractionStore  *self,
               gint64          account_id,
               GError         *cause,
               GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, "SELECT name FROM accounts WHERE id = ?1", NULL);
  g_autofree char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = traction_column_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (name == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);

      /* Translators: a company known only by its number, "Company 42" */
      name = g_strdup_printf (_("Company %s"), id_text);
    }
  g_set_error (error, cause->domain, cause->code,
               /* Translators: "Lumio Bank: Ticket counts cannot be negative." */
               _("%s: %s"), name, cause->message);
  g_error_free (cause);
  return FALSE;
}

gboolean
traction_store_save_usage (TractionStore            *self,
                           gint64                    account_id,
                           const GDate              *month,
                           const TractionUsageMonth *usage,
                           GError                  **error)
{
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL && g_date_valid (month), FALSE);
  g_return_val_if_fail (usage != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_date_today (&today);
  if (!check_month (month, &today, error) ||
      !check_usage (usage, &today, error) ||
      !traction_store_begin (self, error))
    return FALSE;
  if (!write_usage (self, account_id, month, usage, error))
    return FALSE;
  if (!traction_store_commit (self, error))
    return FALSE;
  return raise_alerts (self, account_id, &today, NULL, error);
}

gboolean
traction_store_save_usage_month (TractionStore            *self,
                                 const GDate              *month,
                                 const gint64             *account_ids,
                                 const TractionUsageMonth *usages,
                                 guint                     n,
                                 GError                  **error)
{
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL && g_date_valid (month), FALSE);
  g_return_val_if_fail (n == 0 || (account_ids != NULL && usages != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_date_today (&today);
  if (!check_month (month, &today, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GError *cause = NULL;

      if (!check_usage (&usages[i], &today, &cause))
        return client_failed (self, account_ids[i], cause, error);
    }
  if (n == 0)
    return TRUE;

  if (!traction_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GError *cause = NULL;

      /* write_usage rolled the whole month back. */
      if (!write_usage (self, account_ids[i], month, &usages[i], &cause))
        return client_failed (self, account_ids[i], cause, error);
    }
  if (!traction_store_commit (self, error))
    return FALSE;
  return traction_store_raise_alerts (self, &today, NULL, error);
}

/* The usage CSV import */

enum {
  COL_CLIENT, COL_MONTH, COL_API, COL_PLAN, COL_LAST_CALL,
  COL_P1, COL_P2, COL_P3, COL_P4, COL_LAST_RESPONSE, COL_NPS, N_USAGE_COLUMNS
};

static const char * const usage_header[N_USAGE_COLUMNS] = {
  "client", "month", "api_volume", "plan_volume", "last_api_call",
  "tickets_p1", "tickets_p2", "tickets_p3", "tickets_p4", "last_response", "nps"
};

typedef struct {
  gint64             account_id;
  GDate              month;
  TractionUsageMonth usage;
} UsageRow;

typedef struct {
  TractionStore *store;
  GHashTable    *accounts;     /* casefolded name -> id + 1 */
  GArray        *rows;         /* UsageRow */
  GHashTable    *lines;        /* "account:YYYY-MM" -> the line it is on */
  gboolean       header_seen;
  GDate          today;
} UsageImport;

static gboolean
usage_fail (GError    **error,
            guint       line,
            const char *message)
{
  g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
               /* Translators: an error of the usage import, "Line 4: ..." */
               _("Line %u: %s"), line, message);
  return FALSE;
}

static gboolean
parse_count (const char *text,
             gint64      max,
             gint64     *out)
{
  g_autofree char *value = traction_text_stripped (text);
  guint64 n;

  if (value[0] == '\0')
    {
      *out = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (value, 10, 0, (guint64) max, &n, NULL))
    return FALSE;
  *out = (gint64) n;
  return TRUE;
}

static gboolean
parse_optional_date (const char *text,
                     GDate      *out)
{
  g_autofree char *value = traction_text_stripped (text);

  g_date_clear (out, 1);
  return value[0] == '\0' || traction_date_parse (value, out, NULL);
}

static gboolean
usage_record_cb (GPtrArray  *fields,
                 guint       line,
                 gpointer    data,
                 GError    **error)
{
  UsageImport *import = data;
  g_autofree char *client = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *month = NULL;
  UsageRow row;
  GDate day;
  gpointer id;
  gint64 value;

  if (!import->header_seen)
    {
      gboolean ok = fields->len == N_USAGE_COLUMNS;

      for (guint i = 0; ok && i < N_USAGE_COLUMNS; i++)
        {
          g_autofree char *name = traction_text_stripped (g_ptr_array_index (fields, i));

          ok = g_ascii_strcasecmp (name, usage_header[i]) == 0;
        }
      import->header_seen = TRUE;
      if (!ok)
        return usage_fail (error, line,
                           _("expected the header “client,month,api_volume,plan_volume,last_api_call,"
                             "tickets_p1,tickets_p2,tickets_p3,tickets_p4,last_response,nps”."));
      return TRUE;
    }

  if (fields->len == 1 && traction_text_is_blank (g_ptr_array_index (fields, 0)))
    return TRUE;  /* a blank line */
  if (fields->len != N_USAGE_COLUMNS)
    return usage_fail (error, line, _("expected 11 values, as in the header."));

  memset (&row, 0, sizeof row);
  usage_clear (&row.usage);

  client = traction_text_stripped (g_ptr_array_index (fields, COL_CLIENT));
  folded = g_utf8_casefold (client, -1);
  if (client[0] == '\0')
    return usage_fail (error, line, _("the client is missing."));
  if ((id = g_hash_table_lookup (import->accounts, folded)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no company called “%s”; add it first, or fix the name."), client);

      return usage_fail (error, line, message);
    }
  row.account_id = GPOINTER_TO_SIZE (id) - 1;

  month = traction_text_stripped (g_ptr_array_index (fields, COL_MONTH));
  if ((strlen (month) != 7 && strlen (month) != 10) || !parse_month (month, &row.month) ||
      (strlen (month) == 10 && !traction_date_parse (month, &day, NULL)))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a month; write it as 2026-11 or 2026-11-01."), month);

      return usage_fail (error, line, message);
    }
  if (g_date_compare (&row.month, &import->today) > 0)
    return usage_fail (error, line, _("the month is after this one."));

  /* The same client and month twice: one would silently replace the
   * other, so the file is refused instead. */
  {
    char key_month[11];
    char *key;
    gpointer earlier;

    month_text (&row.month, key_month);
    key = g_strdup_printf ("%" G_GINT64_FORMAT ":%.7s", row.account_id, key_month);
    if ((earlier = g_hash_table_lookup (import->lines, key)) != NULL)
      {
        g_autofree char *message =
          /* Translators: "Line 5: Lumio Bank's 2026-11 is already on line 2." */
          g_strdup_printf (_("%s’s %.7s is already on line %u; keep one line per client and month."),
                           client, key_month, GPOINTER_TO_UINT (earlier));

        g_free (key);
        return usage_fail (error, line, message);
      }
    g_hash_table_insert (import->lines, key, GUINT_TO_POINTER (line));
  }

  if (!parse_count (g_ptr_array_index (fields, COL_API), G_MAXINT64, &row.usage.api_volume))
    return usage_fail (error, line, _("api_volume must be a whole number, 0 or more (or empty)."));
  if (!parse_count (g_ptr_array_index (fields, COL_PLAN), G_MAXINT64, &row.usage.plan_volume))
    return usage_fail (error, line, _("plan_volume must be a whole number, 0 or more (or empty)."));
  if (!parse_optional_date (g_ptr_array_index (fields, COL_LAST_CALL), &row.usage.last_api_call))
    return usage_fail (error, line, _("last_api_call must be a date such as 2026-11-20 (or empty)."));
  for (int p = 0; p < 4; p++)
    {
      if (!parse_count (g_ptr_array_index (fields, COL_P1 + p), G_MAXINT, &value))
        {
          g_autofree char *message = g_strdup_printf (_("tickets_p%d must be a whole number, 0 or more (or empty)."), p + 1);

          return usage_fail (error, line, message);
        }
      row.usage.tickets[p] = (int) value;
    }
  if (!parse_optional_date (g_ptr_array_index (fields, COL_LAST_RESPONSE), &row.usage.last_response))
    return usage_fail (error, line, _("last_response must be a date such as 2026-11-20 (or empty)."));
  if (!parse_count (g_ptr_array_index (fields, COL_NPS), 10, &value))
    return usage_fail (error, line, _("nps must be a whole number from 0 to 10 (or empty)."));
  row.usage.nps = (int) value;

  {
    GError *check = NULL;

    if (!check_usage (&row.usage, &import->today, &check))
      {
        gboolean ok = usage_fail (error, line, check->message);

        g_error_free (check);
        return ok;
      }
  }

  g_array_append_val (import->rows, row);
  return TRUE;
}

gboolean
traction_store_import_usage_csv (TractionStore  *self,
                                 const char     *path,
                                 gboolean        commit,
                                 guint          *n_rows_out,
                                 GError        **error)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (UsageRow));
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  UsageImport import = { 0 };
  const char *data;
  const char *invalid_at = NULL;
  sqlite3_stmt *stmt;
  gsize length = 0;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows_out != NULL)
    *n_rows_out = 0;

  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Could not read the file: %s"), read_error->message);
      return FALSE;
    }
  data = contents;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len (data, length, &invalid_at))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Line %u: the text is not valid UTF-8; save the file as UTF-8 and try again."),
                   1 + traction_csv_count_line_breaks (data, (gsize) (invalid_at - data)));
      return FALSE;
    }

  stmt = traction_store_prepare (self, "SELECT id, name FROM accounts ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *stripped = traction_text_stripped (name);
      char *folded = g_utf8_casefold (stripped, -1);

      /* Two companies whose names differ only in case: the older wins. */
      if (g_hash_table_contains (accounts, folded))
        g_free (folded);
      else
        g_hash_table_insert (accounts, folded, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0) + 1));
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the companies"), error);
  sqlite3_reset (stmt);

  import.store = self;
  import.accounts = accounts;
  import.rows = rows;
  import.lines = lines;
  traction_date_today (&import.today);
  if (!traction_csv_read (data, length, ',', TRUE, usage_record_cb, &import, NULL, error))
    return FALSE;
  if (!import.header_seen)
    return traction_store_invalid (error, _("The file is empty: expected the header “client,month,api_volume,plan_volume,"
                                            "last_api_call,tickets_p1,tickets_p2,tickets_p3,tickets_p4,last_response,nps” "
                                            "and one client’s month a line."));

  if (n_rows_out != NULL)
    *n_rows_out = rows->len;
  if (!commit || rows->len == 0)
    return TRUE;

  if (!traction_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const UsageRow *row = &g_array_index (rows, UsageRow, i);

      if (!write_usage (self, row->account_id, &row->month, &row->usage, error))
        return FALSE;
    }
  if (!traction_store_commit (self, error))
    return FALSE;
  return traction_store_raise_alerts (self, &import.today, NULL, error);
}

/* Scorecards */

void
traction_scorecard_draft_free (TractionScorecardDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->notes);
  g_free (draft);
}

/* One saved scorecard; FALSE without error when there is none. */
static gboolean
read_scorecard (TractionStore        *self,
                gint64                account_id,
                const GDate          *month,
                TractionHealthInput  *input,
                double               *score,
                char                **notes,
                GError              **error)
{
  sqlite3_stmt *stmt;
  char text[11];
  gboolean found = FALSE;
  int rc;

  month_text (month, text);
  stmt = traction_store_prepare (self,
                                 "SELECT api_volume, volume_trend, product_breadth, ticket_volume,"
                                 " severity_trend, team_engagement, nps_satisfaction, feedback_quality,"
                                 " asked_new_products, growing_next_tier, referred_prospect,"
                                 " score_tenths, notes FROM health_scores"
                                 " WHERE account_id = ?1 AND substr (month, 1, 7) = substr (?2, 1, 7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
        input->items[i] = sqlite3_column_int (stmt, i);
      for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
        input->signals[s] = sqlite3_column_int (stmt, TRACTION_N_HEALTH_ITEMS + s) != 0;
      if (score != NULL)
        *score = sqlite3_column_int (stmt, 11) / 10.0;
      if (notes != NULL)
        *notes = traction_column_text (stmt, 12);
    }
  else if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the scorecard"), error);
  sqlite3_reset (stmt);
  if (!found && error != NULL)
    *error = NULL;
  return found;
}

TractionScorecardDraft *
traction_store_load_scorecard (TractionStore  *self,
                               gint64          account_id,
                               const GDate    *month,
                               GError        **error)
{
  g_autoptr(GError) local = NULL;
  TractionScorecardDraft *draft;
  GDate start, previous_month;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (month != NULL && g_date_valid (month), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first_of_month (month, &start);
  previous_month = start;
  g_date_subtract_months (&previous_month, 1);

  draft = g_new0 (TractionScorecardDraft, 1);
  draft->account_id = account_id;
  draft->month = start;

  draft->saved = read_scorecard (self, account_id, &start, &draft->input, NULL, &draft->notes, &local);
  if (local != NULL)
    goto failed;
  draft->has_previous = read_scorecard (self, account_id, &previous_month, &draft->previous,
                                        &draft->previous_score, NULL, &local);
  if (local != NULL)
    goto failed;

  if (!draft->saved)
    {
      TractionUsageMonth current, before;
      gboolean have_current, have_before;
      int last_nps = -1;
      GDate month_end;

      draft->notes = g_strdup ("");
      /* Start from last month's scorecard, else the middle of the scale. */
      if (draft->has_previous)
        draft->input = draft->previous;
      else
        for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
          draft->input.items[i] = 3;

      have_current = traction_store_get_usage (self, account_id, &start, &current, &local);
      if (local != NULL)
        goto failed;
      have_before = traction_store_get_usage (self, account_id, &previous_month, &before, &local);
      if (local != NULL)
        goto failed;
      last_of_month (&start, &month_end);
      if (!last_nps_until (self, account_id, &month_end, &last_nps, &local))
        goto failed;
      if (have_current || last_nps >= 0)
        traction_health_prefill (have_before ? &before : NULL, &current, last_nps, &month_end,
                                 &draft->input, draft->from_data);
    }
  return draft;

failed:
  g_propagate_error (error, g_steal_pointer (&local));
  traction_scorecard_draft_free (draft);
  return NULL;
}

gboolean
traction_store_save_scorecard (TractionStore             *self,
                               gint64                     account_id,
                               const GDate               *month,
                               const TractionHealthInput *input,
                               const char                *notes,
                               double                    *score_out,
                               GError                   **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  TractionRules rules;
  double score;
  char text[11];

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL && g_date_valid (month), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_store_get_rules (self, &rules);
  if (!traction_health_score (input, &rules, &score, NULL, &invalid))
    return traction_store_invalid (error, invalid->message);
  {
    GDate today;

    traction_date_today (&today);
    if (!check_month (month, &today, error))
      return FALSE;
  }

  month_text (month, text);
  now = traction_now_timestamp ();

  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare_write (self,
                                       "DELETE FROM health_scores WHERE account_id = ?1"
                                       " AND substr (month, 1, 7) = substr (?2, 1, 7)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!traction_store_step_write (self, stmt, _("Could not save the scorecard"), error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO health_scores (account_id, month, scored_at, api_volume,"
                                       " volume_trend, product_breadth, ticket_volume, severity_trend,"
                                       " team_engagement, nps_satisfaction, feedback_quality, asked_new_products,"
                                       " growing_next_tier, referred_prospect, score_tenths, notes)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    sqlite3_bind_int (stmt, 4 + i, input->items[i]);
  for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
    sqlite3_bind_int (stmt, 4 + TRACTION_N_HEALTH_ITEMS + s, input->signals[s] ? 1 : 0);
  sqlite3_bind_int (stmt, 15, (int) lround (score * 10));
  traction_bind_text (stmt, 16, notes != NULL ? notes : "");
  if (!traction_store_step_write (self, stmt, _("Could not save the scorecard"), error) ||
      !traction_store_commit (self, error))
    return FALSE;

  if (score_out != NULL)
    *score_out = score;
  return TRUE;
}

/* Alerts */

typedef struct {
  gint64             account_id;
  GDate              month;
  TractionUsageMonth usage;
  gboolean           have_previous;
  TractionUsageMonth previous;
} LatestUsage;

/* Raises the alerts of every client, or only of account_id when > 0. */
static gboolean
raise_alerts (TractionStore  *self,
              gint64          only,
              const GDate    *today,
              guint          *n_raised,
              GError        **error)
{
  g_autoptr(GArray) latest = g_array_new (FALSE, TRUE, sizeof (LatestUsage));
  g_autoptr(GHashTable) clients = NULL;
  g_autoptr(GDateTime) now = NULL;
  int due_hours[TRACTION_N_ALERT_KINDS];
  g_autofree char *raised_at = NULL;
  TractionRules rules;
  sqlite3_stmt *stmt;
  guint raised = 0;
  int rc;

  if (n_raised != NULL)
    *n_raised = 0;
  traction_store_get_rules (self, &rules);

  /* Each client's latest month of usage and the month before it. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, month, api_volume, plan_volume, last_api_call,"
                                 " tickets_p1, tickets_p2, tickets_p3, tickets_p4, last_response"
                                 " FROM usage_months WHERE ?1 = 0 OR account_id = ?1"
                                 " ORDER BY account_id, month DESC",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only);
  {
    gint64 current = 0;
    guint seen = 0;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        TractionUsageMonth usage;
        GDate month;

        if (id != current)
          {
            current = id;
            seen = 0;
          }
        if (seen >= 2 || !parse_month ((const char *) sqlite3_column_text (stmt, 1), &month))
          continue;
        seen++;

        usage_clear (&usage);
        usage.api_volume = column_count (stmt, 2);
        usage.plan_volume = column_count (stmt, 3);
        traction_column_date (stmt, 4, &usage.last_api_call);
        for (int i = 0; i < 4; i++)
          usage.tickets[i] = (int) column_count (stmt, 5 + i);
        traction_column_date (stmt, 9, &usage.last_response);

        if (seen == 1)
          {
            LatestUsage entry = { 0 };

            entry.account_id = id;
            entry.month = month;
            entry.usage = usage;
            g_array_append_val (latest, entry);
          }
        else
          {
            LatestUsage *entry = &g_array_index (latest, LatestUsage, latest->len - 1);

            if (months_between (&month, &entry->month) == 1)
              {
                entry->have_previous = TRUE;
                entry->previous = usage;
              }
          }
      }
  }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the usage"), error);
  sqlite3_reset (stmt);

  /* Only today's clients: a client that churned keeps its old usage
   * months, and they must not raise alerts (DOMAIN.md §5 scores active
   * clients only). */
  clients = current_clients (self, only, today, NULL, error);
  if (clients == NULL)
    return FALSE;

  /* Due times: the playbooks', else the defaults. */
  for (int k = 0; k < TRACTION_N_ALERT_KINDS; k++)
    due_hours[k] = traction_alert_due_hours ((TractionAlertKind) k);
  stmt = traction_store_prepare (self, "SELECT kind, due_hours FROM playbooks", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionAlertKind kind;
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (id != NULL && traction_alert_kind_from_id (id, &kind) && sqlite3_column_int (stmt, 1) > 0)
        due_hours[kind] = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the playbooks"), error);
  sqlite3_reset (stmt);

  now = g_date_time_new_now_utc ();
  raised_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (!traction_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < latest->len; i++)
    {
      LatestUsage *entry = &g_array_index (latest, LatestUsage, i);
      gboolean fired[TRACTION_N_ALERT_KINDS] = { FALSE };
      char month[11];

      if (!g_hash_table_contains (clients, &entry->account_id))
        continue;
      month_text (&entry->month, month);
      if (!month_nps (self, entry->account_id, month, &entry->usage.nps, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
      traction_alerts_evaluate (entry->have_previous ? &entry->previous : NULL, &entry->usage,
                                &rules, today, fired);

      for (int k = 0; k < TRACTION_N_ALERT_KINDS; k++)
        {
          g_autoptr(GDateTime) due = NULL;
          g_autofree char *due_at = NULL;

          if (!fired[k])
            continue;
          due = g_date_time_add_hours (now, due_hours[k]);
          due_at = g_date_time_format (due, "%Y-%m-%dT%H:%M:%SZ");
          stmt = traction_store_prepare_write (self,
                                               "INSERT OR IGNORE INTO alerts (account_id, kind, source_month,"
                                               " raised_at, due_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, entry->account_id);
          sqlite3_bind_text (stmt, 2, traction_alert_kind_to_id ((TractionAlertKind) k), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, month, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, raised_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, due_at, -1, SQLITE_TRANSIENT);
          if (!traction_store_step_write (self, stmt, _("Could not raise the alert"), error))
            return FALSE;
          raised += (guint) sqlite3_changes (traction_store_get_db (self));
        }
    }

  /* Nothing new: no write, and no ::changed for the views to reload on. */
  if (raised == 0)
    traction_store_rollback (self);
  else if (!traction_store_commit (self, error))
    return FALSE;

  if (n_raised != NULL)
    *n_raised = raised;
  return TRUE;
}

gboolean
traction_store_raise_alerts (TractionStore  *self,
                             const GDate    *today,
                             guint          *n_raised,
                             GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return raise_alerts (self, 0, today, n_raised, error);
}

gboolean
traction_store_set_alert_status (TractionStore  *self,
                                 gint64          alert_id,
                                 const char     *status,
                                 const char     *note,
                                 GError        **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (status, "open") != 0 && g_strcmp0 (status, "acknowledged") != 0 &&
      g_strcmp0 (status, "resolved") != 0)
    return traction_store_invalid (error, _("An alert is open, acknowledged or resolved."));

  now = traction_now_timestamp ();
  stmt = traction_store_begin_prepare (self,
                                       "UPDATE alerts SET status = ?2,"
                                       " note = coalesce (?3, note),"
                                       " closed_at = CASE WHEN ?2 = 'resolved' THEN ?4 ELSE NULL END"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, alert_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  if (note != NULL)
    sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return traction_store_commit_single (self, stmt, _("Could not change the alert"), TRUE, error);
}

GPtrArray *
traction_store_list_client_alerts (TractionStore  *self,
                                   gint64          account_id,
                                   GError        **error)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = traction_store_load_alert_rows (self, account_id, error);
  return g_steal_pointer (&out);
}
