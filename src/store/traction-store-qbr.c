/* traction-store-qbr.c: the inputs and the data of QBRs and EBRs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-qbr.h"

/* Goals and notes */

TractionReviewGoal *
traction_review_goal_new (const char         *goal,
                          TractionGoalStatus  status,
                          const char         *metric,
                          const char         *owner)
{
  TractionReviewGoal *self = g_new0 (TractionReviewGoal, 1);

  self->goal = g_strdup (goal != NULL ? goal : "");
  self->status = status < TRACTION_N_GOAL_STATUSES ? status : TRACTION_GOAL_ON_TRACK;
  self->metric = g_strdup (metric != NULL ? metric : "");
  self->owner = g_strdup (owner != NULL ? owner : "");
  return self;
}

TractionReviewGoal *
traction_review_goal_copy (const TractionReviewGoal *goal)
{
  g_return_val_if_fail (goal != NULL, NULL);

  return traction_review_goal_new (goal->goal, goal->status, goal->metric, goal->owner);
}

void
traction_review_goal_free (TractionReviewGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->goal);
  g_free (goal->metric);
  g_free (goal->owner);
  g_free (goal);
}

TractionReviewNotes *
traction_review_notes_new (void)
{
  TractionReviewNotes *notes = g_new0 (TractionReviewNotes, 1);

  notes->highlights = g_strdup ("");
  notes->impact = g_strdup ("");
  notes->working_well = g_strdup ("");
  notes->to_improve = g_strdup ("");
  notes->discussion = g_strdup ("");
  notes->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_review_goal_free);
  notes->next_goals = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_review_goal_free);
  return notes;
}

void
traction_review_notes_free (TractionReviewNotes *notes)
{
  if (notes == NULL)
    return;
  g_free (notes->highlights);
  g_free (notes->impact);
  g_free (notes->working_well);
  g_free (notes->to_improve);
  g_free (notes->discussion);
  g_clear_pointer (&notes->goals, g_ptr_array_unref);
  g_clear_pointer (&notes->next_goals, g_ptr_array_unref);
  g_free (notes);
}

static gboolean
load_goals (TractionStore  *self,
            gint64          account_id,
            const char     *key,
            GPtrArray      *out,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT goal, status, metric, owner FROM review_goals"
                                 " WHERE account_id = ?1 AND period = ?2 ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *goal = traction_column_text (stmt, 0);
      g_autofree char *status = traction_column_text (stmt, 1);
      g_autofree char *metric = traction_column_text (stmt, 2);
      g_autofree char *owner = traction_column_text (stmt, 3);

      g_ptr_array_add (out, traction_review_goal_new (goal, traction_goal_status_from_id (status), metric, owner));
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the review goals"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static const char *
kind_id (const TractionReviewPeriod *period)
{
  return period->kind == TRACTION_REVIEW_QBR ? "qbr" : "ebr";
}

TractionReviewNotes *
traction_store_load_review_notes (TractionStore              *self,
                                  gint64                      account_id,
                                  const TractionReviewPeriod *period,
                                  GError                    **error)
{
  g_autoptr(TractionReviewNotes) notes = traction_review_notes_new ();
  g_autofree char *key = NULL, *next_key = NULL;
  TractionReviewPeriod next;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = traction_review_period_key (period);
  traction_review_period_next (period, &next);
  next_key = traction_review_period_key (&next);

  stmt = traction_store_prepare (self,
                                 "SELECT highlights, impact, working_well, to_improve, discussion"
                                 " FROM review_notes WHERE account_id = ?1 AND kind = ?2 AND period = ?3",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, kind_id (period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char **fields[] = { &notes->highlights, &notes->impact, &notes->working_well,
                          &notes->to_improve, &notes->discussion };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_free (*fields[i]);
          *fields[i] = traction_column_text (stmt, (int) i);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the review notes"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (!load_goals (self, account_id, key, notes->goals, error) ||
      !load_goals (self, account_id, next_key, notes->next_goals, error))
    return NULL;
  return g_steal_pointer (&notes);
}

/* Stripped and cut at TRACTION_REVIEW_TEXT_MAX characters. */
static char *
clean_text (const char *text)
{
  g_autofree char *stripped = traction_text_stripped (text);

  if (!g_utf8_validate (stripped, -1, NULL))
    return g_utf8_make_valid (stripped, -1);
  if (g_utf8_strlen (stripped, -1) > TRACTION_REVIEW_TEXT_MAX)
    return g_utf8_substring (stripped, 0, TRACTION_REVIEW_TEXT_MAX);
  return g_steal_pointer (&stripped);
}

static guint
count_goals (const GPtrArray *goals)
{
  guint n = 0;

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      const TractionReviewGoal *goal = g_ptr_array_index ((GPtrArray *) goals, i);

      if (!traction_text_is_blank (goal->goal))
        n++;
    }
  return n;
}

static gboolean
save_goals (TractionStore   *self,
            gint64           account_id,
            const char      *key,
            const GPtrArray *goals,
            GError         **error)
{
  sqlite3_stmt *stmt;
  int position = 0;

  stmt = traction_store_prepare_write (self, "DELETE FROM review_goals WHERE account_id = ?1 AND period = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!traction_store_step_write (self, stmt, _("Could not save the review goals"), error))
    return FALSE;

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      const TractionReviewGoal *goal = g_ptr_array_index ((GPtrArray *) goals, i);
      g_autofree char *text = NULL, *metric = NULL, *owner = NULL;

      if (traction_text_is_blank (goal->goal))
        continue;
      text = clean_text (goal->goal);
      metric = clean_text (goal->metric);
      owner = clean_text (goal->owner);
      stmt = traction_store_prepare_write (self,
                                           "INSERT INTO review_goals (account_id, period, goal, status, metric,"
                                           " owner, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                           error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, traction_goal_status_id (goal->status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, owner, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, position++);
      if (!traction_store_step_write (self, stmt, _("Could not save the review goals"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
traction_store_save_review_notes (TractionStore              *self,
                                  gint64                      account_id,
                                  const TractionReviewPeriod *period,
                                  const TractionReviewNotes  *notes,
                                  GError                    **error)
{
  g_autofree char *key = NULL, *next_key = NULL;
  const char *texts[5];
  TractionReviewPeriod next;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && notes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (count_goals (notes->goals) > TRACTION_REVIEW_MAX_GOALS ||
      count_goals (notes->next_goals) > TRACTION_REVIEW_MAX_GOALS)
    {
      g_autofree char *message =
        g_strdup_printf (_("A review keeps at most %d goals a period: remove some, or merge them."),
                         TRACTION_REVIEW_MAX_GOALS);
      return traction_store_invalid (error, message);
    }

  key = traction_review_period_key (period);
  traction_review_period_next (period, &next);
  next_key = traction_review_period_key (&next);
  texts[0] = notes->highlights;
  texts[1] = notes->impact;
  texts[2] = notes->working_well;
  texts[3] = notes->to_improve;
  texts[4] = notes->discussion;

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO review_notes (account_id, kind, period, highlights, impact,"
                                       " working_well, to_improve, discussion)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                       " ON CONFLICT (account_id, kind, period) DO UPDATE SET"
                                       " highlights = excluded.highlights, impact = excluded.impact,"
                                       " working_well = excluded.working_well, to_improve = excluded.to_improve,"
                                       " discussion = excluded.discussion",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, kind_id (period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  for (int i = 0; i < 5; i++)
    sqlite3_bind_text (stmt, 4 + i, clean_text (texts[i]), -1, g_free);
  if (!traction_store_step_write (self, stmt, _("Could not save the review notes"), error) ||
      !save_goals (self, account_id, key, notes->goals, error) ||
      !save_goals (self, account_id, next_key, notes->next_goals, error))
    return FALSE;
  return traction_store_commit (self, error);
}

/* The review's data */

static void
review_deal_free (TractionReviewDealRow *row)
{
  g_free (row->name);
  g_free (row);
}

void
traction_business_review_free (TractionBusinessReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->client, traction_client_row_free);
  g_free (review->owner);
  g_free (review->currency);
  g_clear_pointer (&review->logo, g_bytes_unref);
  g_clear_pointer (&review->products_used, g_ptr_array_unref);
  g_clear_pointer (&review->products_unused, g_ptr_array_unref);
  g_clear_pointer (&review->open_deals, g_ptr_array_unref);
  g_clear_pointer (&review->notes, traction_review_notes_free);
  g_free (review);
}

static void
date_text (const GDate *date,
           char         out[11])
{
  traction_date_format (date, out);
}

/* One query, bound to the account and [from, to) as date texts, that
 * returns one row of n_out counts (NULL sums count as 0). */
static gboolean
counts_between (TractionStore *self,
                const char    *sql,
                gint64         account_id,
                const char    *from,
                const char    *to,
                guint         *out[],
                guint          n_out,
                GError       **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s history"), error);
  for (guint i = 0; i < n_out; i++)
    *out[i] = (guint) MAX (sqlite3_column_int64 (stmt, (int) i), 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_movements (TractionStore          *self,
                gint64                  account_id,
                TractionBusinessReview *review,
                GError                **error)
{
  GDate month_ends[TRACTION_REVIEW_WINDOW];
  sqlite3_stmt *stmt;
  gint64 arr = 0;
  int rc;

  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    {
      /* ARR at the month's last day, or at as_of for the month it falls in. */
      month_ends[m] = review->first_month;
      g_date_add_months (&month_ends[m], m + 1);
      g_date_subtract_days (&month_ends[m], 1);
      if (g_date_compare (&month_ends[m], &review->as_of) > 0)
        month_ends[m] = review->as_of;
      review->arr_cents[m] = 0;
    }

  stmt = traction_store_prepare (self,
                                 "SELECT moved_on, kind, amount_cents FROM arr_movements"
                                 " WHERE account_id = ?1 ORDER BY moved_on, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *kind_text = traction_column_text (stmt, 1);
      TractionMoveKind kind;
      gint64 amount = sqlite3_column_int64 (stmt, 2);
      gint64 delta;
      GDate date;

      traction_column_date (stmt, 0, &date);
      if (!g_date_valid (&date) || !traction_move_kind_from_id (kind_text, &kind))
        continue;
      if (g_date_compare (&date, &review->as_of) > 0)
        break;
      delta = traction_move_delta (kind, amount);
      if (g_date_compare (&date, &review->period.start) < 0)
        review->arr_start_cents += delta;
      else
        review->moved_cents[kind] += amount;
      arr += delta;
      for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
        if (g_date_compare (&date, &month_ends[m]) <= 0)
          review->arr_cents[m] += (double) delta;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s ARR movements"), error);
  sqlite3_reset (stmt);
  review->arr_end_cents = arr;

  /* Months before the window's first movement or after as_of stay as
   * computed: ARR 0 before the client started. Months after as_of (the
   * period not over) have no value. */
  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    {
      GDate first = review->first_month;

      g_date_add_months (&first, m);
      if (g_date_compare (&first, &review->as_of) > 0)
        review->arr_cents[m] = NAN;
    }
  return TRUE;
}

/* The window's usage in one query (API and plan volume for the chart;
 * tickets and responses of the period's months). */
static gboolean
load_usage (TractionStore          *self,
            gint64                  account_id,
            TractionBusinessReview *review,
            GError                **error)
{
  char first[11], end[11];
  GDate window_end = review->first_month;
  sqlite3_stmt *stmt;
  int rc;

  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    review->api_volume[m] = review->plan_volume[m] = NAN;
  g_date_add_months (&window_end, TRACTION_REVIEW_WINDOW);
  date_text (&review->first_month, first);
  date_text (&window_end, end);

  stmt = traction_store_prepare (self,
                                 "SELECT month, api_volume, plan_volume, tickets_p1, tickets_p2, tickets_p3,"
                                 " tickets_p4, last_response FROM usage_months WHERE account_id = ?1"
                                 " AND substr (month, 1, 7) >= substr (?2, 1, 7)"
                                 " AND substr (month, 1, 7) < substr (?3, 1, 7)"
                                 " AND month <= ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, end, -1, SQLITE_TRANSIENT);
  {
    char as_of[11];

    date_text (&review->as_of, as_of);
    sqlite3_bind_text (stmt, 4, as_of, -1, SQLITE_TRANSIENT);
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate month, response;
      gboolean in_period, any_ticket = FALSE;
      int m;

      traction_column_date (stmt, 0, &month);
      if (!g_date_valid (&month))
        continue;
      m = (g_date_get_year (&month) - g_date_get_year (&review->first_month)) * 12
          + (int) g_date_get_month (&month) - (int) g_date_get_month (&review->first_month);
      if (m < 0 || m >= TRACTION_REVIEW_WINDOW)
        continue;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        review->api_volume[m] = (double) sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        review->plan_volume[m] = (double) sqlite3_column_int64 (stmt, 2);

      in_period = g_date_compare (&month, &review->period.start) >= 0;
      if (!in_period)
        continue;
      for (int p = 0; p < 4; p++)
        if (sqlite3_column_type (stmt, 3 + p) != SQLITE_NULL)
          {
            any_ticket = TRUE;
            review->tickets[p] += (int) MAX (sqlite3_column_int64 (stmt, 3 + p), 0);
          }
      if (any_ticket)
        review->ticket_months++;
      if (any_ticket || sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        review->has_data = TRUE;
      traction_column_date (stmt, 7, &response);
      if (g_date_valid (&response) &&
          (!g_date_valid (&review->last_response) || g_date_compare (&response, &review->last_response) > 0))
        review->last_response = response;
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s usage"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_nps (TractionStore          *self,
          gint64                  account_id,
          const char             *from,
          const char             *to,
          TractionBusinessReview *review,
          GError                **error)
{
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT score FROM survey_responses WHERE account_id = ?1 AND kind = 'nps'"
                                 " AND answered_on >= ?2 AND answered_on < ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int score = sqlite3_column_int (stmt, 0);

      g_array_append_val (answers, score);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the NPS answers"), error);
  sqlite3_reset (stmt);
  review->nps_answers = answers->len;
  if (answers->len > 0 && !traction_nps ((const int *) (gpointer) answers->data, answers->len, &review->nps, NULL))
    review->nps_answers = 0;
  if (review->nps_answers > 0)
    review->has_data = TRUE;
  return TRUE;
}

static gboolean
load_products (TractionStore          *self,
               gint64                  account_id,
               const char             *to,
               TractionBusinessReview *review,
               GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT p.name, EXISTS (SELECT 1 FROM account_products ap WHERE ap.account_id = ?1"
                                 " AND ap.product_id = p.id AND ap.since_on < ?2)"
                                 " FROM products p ORDER BY p.position, p.name",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sqlite3_column_int (stmt, 1) ? review->products_used : review->products_unused,
                     traction_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s products"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_open_deals (TractionStore          *self,
                 gint64                  account_id,
                 TractionBusinessReview *review,
                 GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT name, stage, arr_cents, expected_close FROM deals"
                                 " WHERE account_id = ?1 AND stage NOT IN ('won', 'lost')"
                                 " ORDER BY arr_cents DESC, name LIMIT 8",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionReviewDealRow *row = g_new0 (TractionReviewDealRow, 1);
      g_autofree char *stage = traction_column_text (stmt, 1);

      row->name = traction_column_text (stmt, 0);
      if (!traction_stage_from_id (stage, &row->stage))
        row->stage = TRACTION_STAGE_LEAD;
      row->arr_cents = sqlite3_column_int64 (stmt, 2);
      traction_column_date (stmt, 3, &row->expected_close);
      g_ptr_array_add (review->open_deals, row);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s deals"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_owner (TractionStore          *self,
            gint64                  account_id,
            TractionBusinessReview *review,
            GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT f.name FROM accounts a JOIN founders f ON f.id = a.owner_id"
                                 " WHERE a.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    review->owner = traction_column_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the client’s owner"), error);
  sqlite3_reset (stmt);
  if (review->owner == NULL)
    review->owner = g_strdup ("");
  return TRUE;
}

static gboolean
load_scores (TractionStore          *self,
             gint64                  account_id,
             TractionBusinessReview *review,
             GError                **error)
{
  TractionHeatmapData *data;
  int latest = -1;

  data = traction_store_load_heatmap (self, &account_id, 1, &review->first_month, TRACTION_REVIEW_WINDOW, error);
  if (data == NULL)
    return FALSE;
  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    {
      GDate month = review->first_month;

      g_date_add_months (&month, m);
      review->scores[m] = data->scores[m];
      if (!isnan (data->scores[m]) && g_date_compare (&month, &review->period.start) >= 0 &&
          g_date_compare (&month, &review->as_of) <= 0)
        latest = (int) m;
    }
  traction_heatmap_data_free (data);

  /* The client's health as of as_of, not as of today: the latest score
   * of the window up to as_of, and the month before it for the trend. */
  {
    TractionClientRow *client = review->client;
    int last = -1;

    for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
      {
        GDate month = review->first_month;

        g_date_add_months (&month, m);
        if (g_date_compare (&month, &review->as_of) <= 0 && !isnan (review->scores[m]))
          last = (int) m;
      }
    if (last >= 0)
      {
        client->has_score = TRUE;
        client->score = review->scores[last];
        client->band = traction_health_band (client->score, &review->rules);
        client->score_month = review->first_month;
        g_date_add_months (&client->score_month, (guint) last);
        client->has_trend = last > 0 && !isnan (review->scores[last - 1]);
        if (client->has_trend)
          client->previous_score = review->scores[last - 1];
      }
    else if (client->has_score && g_date_compare (&client->score_month, &review->as_of) > 0)
      client->has_score = client->has_trend = FALSE;
  }

  if (latest >= 0)
    {
      g_autoptr(GError) local_error = NULL;
      TractionScorecardDraft *draft;

      review->has_data = TRUE;
      review->has_scorecard = TRUE;
      review->scorecard_month = review->first_month;
      g_date_add_months (&review->scorecard_month, (guint) latest);
      draft = traction_store_load_scorecard (self, account_id, &review->scorecard_month, error);
      if (draft == NULL)
        return FALSE;
      memcpy (review->signals, draft->input.signals, sizeof review->signals);
      traction_scorecard_draft_free (draft);
    }
  return TRUE;
}

TractionBusinessReview *
traction_store_load_business_review (TractionStore              *self,
                                     gint64                      account_id,
                                     const TractionReviewPeriod *period,
                                     const GDate                *today,
                                     GError                    **error)
{
  g_autoptr(TractionBusinessReview) review = g_new0 (TractionBusinessReview, 1);
  char from[11], to[11];
  GDate last;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->start), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_date_compare (&period->start, today) > 0)
    {
      g_autofree char *label = traction_review_period_label (period);
      g_autofree char *message = g_strdup_printf (_("%s has not started yet: a review covers a period that has begun."),
                                                  label);

      traction_store_invalid (error, message);
      return NULL;
    }

  review->period = *period;
  last = period->end;
  g_date_subtract_days (&last, 1);
  review->as_of = g_date_compare (&last, today) < 0 ? last : *today;
  review->first_month = period->end;
  g_date_subtract_months (&review->first_month, TRACTION_REVIEW_WINDOW);
  review->products_used = g_ptr_array_new_with_free_func (g_free);
  review->products_unused = g_ptr_array_new_with_free_func (g_free);
  review->open_deals = g_ptr_array_new_with_free_func ((GDestroyNotify) review_deal_free);
  g_date_clear (&review->last_response, 1);
  g_date_clear (&review->scorecard_month, 1);
  traction_store_get_rules (self, &review->rules);
  review->currency = traction_store_get_currency (self);
  review->logo = traction_store_get_logo (self);

  review->client = traction_store_get_client (self, account_id, &review->as_of, error);
  if (review->client == NULL)
    return NULL;

  date_text (&period->start, from);
  date_text (&period->end, to);
  if (!load_owner (self, account_id, review, error) ||
      !load_scores (self, account_id, review, error) ||
      !load_usage (self, account_id, review, error) ||
      !load_movements (self, account_id, review, error) ||
      !load_nps (self, account_id, from, to, review, error) ||
      !counts_between (self, "SELECT sum (kind = 'meeting'), sum (kind = 'call'), sum (kind = 'email')"
                       " FROM touchpoints WHERE account_id = ?1 AND happened_on >= ?2 AND happened_on < ?3",
                       account_id, from, to,
                       (guint *[]) { &review->meetings, &review->calls, &review->emails }, 3, error) ||
      !counts_between (self, "SELECT count(*), sum (status = 'resolved') FROM alerts WHERE account_id = ?1"
                       " AND substr (source_month, 1, 7) >= substr (?2, 1, 7)"
                       " AND substr (source_month, 1, 7) < substr (?3, 1, 7)",
                       account_id, from, to,
                       (guint *[]) { &review->alerts_raised, &review->alerts_resolved }, 2, error) ||
      !load_products (self, account_id, to, review, error) ||
      !load_open_deals (self, account_id, review, error))
    return NULL;

  for (int k = 0; k < TRACTION_N_MOVE_KINDS; k++)
    if (review->moved_cents[k] != 0)
      review->has_data = TRUE;
  if (review->meetings + review->calls + review->emails > 0)
    review->has_data = TRUE;

  review->notes = traction_store_load_review_notes (self, account_id, period, error);
  if (review->notes == NULL)
    return NULL;
  return g_steal_pointer (&review);
}

GPtrArray *
traction_store_list_qbr_due (TractionStore              *self,
                             const TractionReviewPeriod *period,
                             const GDate                *today,
                             GError                    **error)
{
  g_autoptr(GPtrArray) clients = NULL;
  GPtrArray *due;
  GDate as_of;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && today != NULL, NULL);

  as_of = period->end;
  g_date_subtract_days (&as_of, 1);
  if (g_date_compare (&as_of, today) > 0)
    as_of = *today;
  clients = traction_store_list_clients (self, &as_of, error);
  if (clients == NULL)
    return NULL;
  due = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_client_row_free);
  for (guint i = 0; i < clients->len; i++)
    {
      TractionClientRow *row = g_ptr_array_index (clients, i);

      if (row->segment != TRACTION_SEGMENT_TECH_TOUCH && row->arr_cents > 0)
        g_ptr_array_add (due, g_ptr_array_steal_index (clients, i--));
    }
  return due;
}
