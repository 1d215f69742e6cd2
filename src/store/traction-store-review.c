/* traction-store-review.c: the figures of the monthly pipeline review.
 * What is counted how is described in traction-store-review.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-review.h"

/* Helpers */

static void
review_deal_free (gpointer data)
{
  TractionReviewDeal *deal = data;

  g_free (deal->deal);
  g_free (deal->account);
  g_free (deal->next_step);
  g_free (deal);
}

static void
reason_count_free (gpointer data)
{
  TractionReasonCount *reason = data;

  g_free (reason->name);
  g_free (reason);
}

static void
review_clear (gpointer data)
{
  TractionPipelineReview *review = data;

  g_free (review->company);
  g_free (review->currency);
  g_clear_pointer (&review->win_reasons, g_ptr_array_unref);
  g_clear_pointer (&review->loss_reasons, g_ptr_array_unref);
  g_clear_pointer (&review->open_deals, g_ptr_array_unref);
}

/* Name and count rows (?1, ?2 = the month) into out. */
static gboolean
load_reasons (TractionStore  *self,
              const char     *sql,
              const GDate    *from,
              const GDate    *to,
              GPtrArray      *out,
              GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, from);
  traction_bind_date (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionReasonCount *reason = g_new0 (TractionReasonCount, 1);

      reason->name = traction_column_text (stmt, 0);
      reason->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (out, reason);
    }

  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_closed_arr (TractionStore           *self,
                 TractionPipelineReview  *review,
                 GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT coalesce (sum (CASE WHEN stage = 'won' THEN arr_cents END), 0),"
                                 " coalesce (sum (CASE WHEN stage = 'lost' THEN arr_cents END), 0)"
                                 " FROM deals WHERE closed_on >= ?1 AND closed_on < ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, &review->from);
  traction_bind_date (stmt, 2, &review->to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);

  review->won_arr_cents = sqlite3_column_int64 (stmt, 0);
  review->lost_arr_cents = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The furthest funnel step a deal reached; -1 for none yet. */
static int
furthest_step (const char *stage_id,
               int         current)
{
  TractionStage stage;

  if (stage_id == NULL || !traction_stage_from_id (stage_id, &stage) ||
      stage == TRACTION_STAGE_LOST)
    return current;
  return MAX (current, (int)stage);
}

static void
count_reached (TractionPipelineReview *review,
               int                     furthest)
{
  for (int step = 0; step <= furthest && step < TRACTION_FUNNEL_STEPS; step++)
    review->funnel_reached[step]++;
}

static gboolean
load_funnel (TractionStore           *self,
             TractionPipelineReview  *review,
             GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 current_id = -1;
  int furthest = -1;
  gboolean has_history = FALSE;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.stage, s.from_stage, s.to_stage"
                                 " FROM deals d"
                                 " LEFT JOIN stage_changes s ON s.deal_id = d.id AND s.changed_at < ?2"
                                 " WHERE d.created_on >= ?1 AND d.created_on < ?2"
                                 " ORDER BY d.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, &review->funnel_from);
  traction_bind_date (stmt, 2, &review->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != current_id)
        {
          if (current_id != -1)
            count_reached (review, furthest);
          current_id = id;
          furthest = -1;
          has_history = FALSE;
        }

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          has_history = TRUE;
          furthest = furthest_step ((const char *)sqlite3_column_text (stmt, 2), furthest);
          furthest = furthest_step ((const char *)sqlite3_column_text (stmt, 3), furthest);
          /* Every deal starts as a lead, even when its history starts later. */
          furthest = MAX (furthest, (int)TRACTION_STAGE_LEAD);
        }
      else if (!has_history)
        {
          /* No history before the end of the month: its current stage. */
          furthest = MAX (furthest_step ((const char *)sqlite3_column_text (stmt, 1), -1),
                          (int)TRACTION_STAGE_LEAD);
        }
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);

  if (current_id != -1)
    count_reached (review, furthest);

  for (int step = 0; step < TRACTION_FUNNEL_STEPS; step++)
    {
      if (step == 0 || review->funnel_reached[step - 1] == 0)
        review->funnel_conversion[step] = -1.0;
      else
        review->funnel_conversion[step] = (double)review->funnel_reached[step] /
                                          review->funnel_reached[step - 1];
    }

  return TRUE;
}

static int
compare_open_deals (gconstpointer a,
                    gconstpointer b)
{
  const TractionReviewDeal *x = *(const TractionReviewDeal * const *)a;
  const TractionReviewDeal *y = *(const TractionReviewDeal * const *)b;
  int by_name;

  if (x->stage != y->stage)
    return x->stage > y->stage ? -1 : 1;
  if (x->arr_cents != y->arr_cents)
    return x->arr_cents > y->arr_cents ? -1 : 1;
  by_name = g_utf8_collate (x->account, y->account);
  if (by_name != 0)
    return by_name;
  return x->deal_id < y->deal_id ? -1 : (x->deal_id > y->deal_id);
}

static gboolean
load_open_deals (TractionStore           *self,
                 TractionPipelineReview  *review,
                 GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.name, a.name, d.stage, d.arr_cents,"
                                 " coalesce ((SELECT substr (max (s.changed_at), 1, 10) FROM stage_changes s"
                                 "  WHERE s.deal_id = d.id AND s.to_stage = d.stage), d.created_on),"
                                 " n.action, n.due_on"
                                 " FROM deals d"
                                 " JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN next_steps n ON n.id = (SELECT m.id FROM next_steps m"
                                 "  WHERE m.deal_id = d.id AND m.done_on IS NULL"
                                 "  ORDER BY m.due_on IS NULL, m.due_on, m.id LIMIT 1)"
                                 " WHERE d.stage NOT IN ('won', 'lost')",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionReviewDeal *deal;
      TractionStage stage;
      GDate entered;

      if (!traction_stage_from_id ((const char *)sqlite3_column_text (stmt, 3), &stage))
        continue;

      deal = g_new0 (TractionReviewDeal, 1);
      deal->deal_id = sqlite3_column_int64 (stmt, 0);
      deal->deal = traction_column_text (stmt, 1);
      deal->account = traction_column_text (stmt, 2);
      deal->stage = stage;
      deal->arr_cents = sqlite3_column_int64 (stmt, 4);
      traction_column_date (stmt, 5, &entered);
      deal->days_in_stage = g_date_valid (&entered)
                            ? MAX (traction_date_diff (&entered, &review->today), 0) : 0;
      deal->next_step = traction_column_text (stmt, 6);
      traction_column_date (stmt, 7, &deal->next_step_due);
      g_ptr_array_add (review->open_deals, deal);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);

  g_ptr_array_sort (review->open_deals, compare_open_deals);
  return TRUE;
}

/* Public API */

TractionPipelineReview *
traction_pipeline_review_ref (TractionPipelineReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return g_atomic_rc_box_acquire (review);
}

void
traction_pipeline_review_unref (TractionPipelineReview *review)
{
  if (review != NULL)
    g_atomic_rc_box_release_full (review, review_clear);
}

TractionPipelineReview *
traction_store_load_pipeline_review (TractionStore  *self,
                                     int             year,
                                     int             month,
                                     const GDate    *today,
                                     GError        **error)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  TractionMetrics month_metrics, quarter_metrics;
  TractionRules rules;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (month < 1 || month > 12 || year < 1 || year > 9998)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("There is no month %d of year %d."), month, year);
      return NULL;
    }

  review = g_atomic_rc_box_new0 (TractionPipelineReview);
  review->year = year;
  review->month = month;
  review->today = *today;
  g_date_clear (&review->from, 1);
  g_date_set_dmy (&review->from, 1, (GDateMonth)month, (GDateYear)year);
  review->to = review->from;
  g_date_add_months (&review->to, 1);
  review->funnel_from = review->to;
  g_date_subtract_months (&review->funnel_from, 12);
  review->company = traction_store_get_company_name (self);
  review->currency = traction_store_get_currency (self);
  review->win_reasons = g_ptr_array_new_with_free_func (reason_count_free);
  review->loss_reasons = g_ptr_array_new_with_free_func (reason_count_free);
  review->open_deals = g_ptr_array_new_with_free_func (review_deal_free);

  traction_store_get_rules (self, &rules);
  review->target_cents = rules.quarterly_target_cents;
  review->coverage_needed = rules.coverage_needed;

  /* The month's activity. */
  if (!traction_store_compute_metrics (self, &review->from, &review->to, today,
                                       &month_metrics, error))
    return NULL;
  review->lead_to_close_days = month_metrics.lead_to_close_days;
  review->deals_added = month_metrics.deals_added;
  review->deals_won = month_metrics.deals_won;
  review->deals_lost = month_metrics.deals_lost;

  /* The open pipeline as of today, coverage over today's fiscal quarter. */
  if (!traction_store_compute_metrics (self, NULL, NULL, today, &quarter_metrics, error))
    return NULL;
  review->quarter_start = quarter_metrics.from;
  review->quarter_end = quarter_metrics.to;
  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    {
      if (!traction_stage_is_open ((TractionStage)stage))
        continue;
      review->open_count[stage] = quarter_metrics.pipeline.count[stage];
      review->open_arr_cents[stage] = quarter_metrics.pipeline.arr_cents[stage];
    }
  review->open_total_cents = quarter_metrics.pipeline.open_cents;
  review->weighted_cents = quarter_metrics.pipeline.weighted_cents_total;
  review->quarter_cents = quarter_metrics.pipeline.quarter_cents;
  review->coverage = quarter_metrics.pipeline.coverage;

  if (!load_closed_arr (self, review, error) ||
      !load_reasons (self,
                     "SELECT trim (win_reason), count (*) FROM deals"
                     " WHERE stage = 'won' AND closed_on >= ?1 AND closed_on < ?2"
                     " AND trim (win_reason) <> ''"
                     " GROUP BY trim (win_reason)"
                     " ORDER BY count (*) DESC, trim (win_reason) LIMIT 3",
                     &review->from, &review->to, review->win_reasons, error) ||
      !load_reasons (self,
                     "SELECT r.name, count (*) FROM deals d"
                     " JOIN loss_reasons r ON r.id = d.loss_reason_id"
                     " WHERE d.stage = 'lost' AND d.closed_on >= ?1 AND d.closed_on < ?2"
                     " GROUP BY r.id"
                     " ORDER BY count (*) DESC, r.name LIMIT 3",
                     &review->from, &review->to, review->loss_reasons, error) ||
      !load_funnel (self, review, error) ||
      !load_open_deals (self, review, error))
    return NULL;

  return g_steal_pointer (&review);
}
