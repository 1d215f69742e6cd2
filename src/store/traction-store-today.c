/* traction-store-today.c: what needs the founder now (Today page) and the
 * metrics shared by `traction-cli metrics`, the CS dashboard and the app.
 *
 * SQL loads only the rows needed (dates compared as ISO 8601 text, counts
 * aggregated in SQL); the rules themselves come from core/ so that the
 * board, Today and the reports agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-demo.h"
#include "traction-store-providers.h"
#include "traction-store-partners.h"

/* A deal as the pipeline rules see it, with what Today shows of it. */
typedef struct {
  TractionDealFacts facts;
  gint64            id;
  char             *name;
  char             *account;
  char             *owner;
} DealRow;

/* Helpers */

static void
deal_row_clear (gpointer data)
{
  DealRow *row = data;

  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->account, g_free);
  g_clear_pointer (&row->owner, g_free);
}

static void
stalled_deal_free (gpointer data)
{
  TractionStalledDeal *deal = data;

  g_free (deal->deal);
  g_free (deal->account);
  g_free (deal->owner);
  g_free (deal);
}

static void
follow_up_free (gpointer data)
{
  TractionFollowUp *step = data;

  g_free (step->action);
  g_free (step->account);
  g_free (step->deal);
  g_free (step->owner);
  g_free (step);
}

static void
alert_row_free (gpointer data)
{
  TractionAlertRow *alert = data;

  g_free (alert->account);
  g_free (alert->response);
  g_free (alert->owner);
  g_free (alert->due_at);
  g_free (alert->status);
  g_free (alert->note);
  g_free (alert->raised_at);
  g_free (alert);
}

static void
renewal_row_free (gpointer data)
{
  TractionRenewalRow *renewal = data;

  g_free (renewal->account);
  g_free (renewal);
}

/* out = date + days (days may be negative); date must be valid. */
static void
date_plus_days (const GDate *date,
                int          days,
                GDate       *out)
{
  *out = *date;
  if (days >= 0)
    g_date_add_days (out, (guint)days);
  else
    g_date_subtract_days (out, (guint)-days);
}

/* Every deal (or the open ones) with the facts the pipeline rules need.
 * last_activity is the latest touchpoint of the deal, else the day of its
 * latest stage change, else the day it was created (DOMAIN.md §1). */
static GArray *
load_deals (TractionStore  *self,
            gboolean        open_only,
            gboolean        with_names,
            GError        **error)
{
  g_autoptr(GArray) deals = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.name, a.name, coalesce (f.name, ''), d.stage,"
                                 " d.arr_cents, d.created_on, d.expected_close, d.closed_on,"
                                 " d.paused_reason IS NOT NULL, d.paused_until,"
                                 " (SELECT max (t.happened_on) FROM touchpoints t WHERE t.deal_id = d.id),"
                                 " (SELECT substr (max (s.changed_at), 1, 10) FROM stage_changes s"
                                 "  WHERE s.deal_id = d.id)"
                                 " FROM deals d"
                                 " JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN founders f ON f.id = d.owner_id"
                                 " WHERE ?1 = 0 OR d.stage NOT IN ('won', 'lost')"
                                 " ORDER BY d.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);

  deals = g_array_new (FALSE, TRUE, sizeof (DealRow));
  g_array_set_clear_func (deals, deal_row_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DealRow row;
      const char *stage = (const char *)sqlite3_column_text (stmt, 4);

      memset (&row, 0, sizeof row);
      row.id = sqlite3_column_int64 (stmt, 0);

      traction_column_date (stmt, 6, &row.facts.created);
      if (stage == NULL || !traction_stage_from_id (stage, &row.facts.stage) ||
          !g_date_valid (&row.facts.created))
        {
          g_warning ("Deal %" G_GINT64_FORMAT " has a bad stage or creation date; it is left out",
                     row.id);
          continue;
        }

      /* The metrics need no names: 20,000 deals are 60,000 strings fewer. */
      if (with_names)
        {
          row.name = traction_column_text (stmt, 1);
          row.account = traction_column_text (stmt, 2);
          row.owner = traction_column_text (stmt, 3);
        }
      row.facts.arr_cents = sqlite3_column_int64 (stmt, 5);
      traction_column_date (stmt, 7, &row.facts.expected_close);
      traction_column_date (stmt, 8, &row.facts.closed);
      row.facts.paused = sqlite3_column_int (stmt, 9) != 0;
      traction_column_date (stmt, 10, &row.facts.paused_until);

      traction_column_date (stmt, 11, &row.facts.last_activity);
      if (!g_date_valid (&row.facts.last_activity))
        traction_column_date (stmt, 12, &row.facts.last_activity);
      if (!g_date_valid (&row.facts.last_activity))
        row.facts.last_activity = row.facts.created;

      g_array_append_val (deals, row);
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&deals);
}

/* The plain facts of the rows, for the core functions. */
static TractionDealFacts *
deal_facts (GArray *deals)
{
  TractionDealFacts *facts = g_new0 (TractionDealFacts, MAX (deals->len, 1));

  for (guint i = 0; i < deals->len; i++)
    facts[i] = g_array_index (deals, DealRow, i).facts;

  return facts;
}

static int
compare_stalled (gconstpointer a,
                 gconstpointer b)
{
  const TractionStalledDeal *x = *(const TractionStalledDeal * const *)a;
  const TractionStalledDeal *y = *(const TractionStalledDeal * const *)b;

  if (x->days_idle != y->days_idle)
    return x->days_idle > y->days_idle ? -1 : 1;
  if (x->arr_cents != y->arr_cents)
    return x->arr_cents > y->arr_cents ? -1 : 1;
  return x->deal_id < y->deal_id ? -1 : (x->deal_id > y->deal_id);
}

static gboolean
load_stalled (TractionStore        *self,
              const TractionRules  *rules,
              const GDate          *today,
              GPtrArray            *out,
              GError              **error)
{
  g_autoptr(GArray) deals = load_deals (self, TRUE, TRUE, error);

  if (deals == NULL)
    return FALSE;

  for (guint i = 0; i < deals->len; i++)
    {
      DealRow *row = &g_array_index (deals, DealRow, i);
      TractionStalledDeal *stalled;

      if (!traction_deal_is_stalled (&row->facts, rules, today))
        continue;

      stalled = g_new0 (TractionStalledDeal, 1);
      stalled->deal_id = row->id;
      stalled->deal = g_steal_pointer (&row->name);
      stalled->account = g_steal_pointer (&row->account);
      stalled->owner = g_steal_pointer (&row->owner);
      stalled->stage = row->facts.stage;
      stalled->arr_cents = row->facts.arr_cents;
      stalled->days_idle = traction_deal_days_idle (&row->facts, today);
      g_ptr_array_add (out, stalled);
    }

  g_ptr_array_sort (out, compare_stalled);
  return TRUE;
}

/* Open next steps due up to today, oldest first. The owner is the step's
 * founder, else the deal's owner, else the account's owner. */
static gboolean
load_follow_ups (TractionStore  *self,
                 const GDate    *today,
                 GPtrArray      *out,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT n.id, coalesce (n.deal_id, 0), n.action, a.name,"
                                 " coalesce (d.name, ''), coalesce (sf.name, df.name, af.name, ''),"
                                 " n.due_on"
                                 " FROM next_steps n"
                                 " JOIN accounts a ON a.id = n.account_id"
                                 " LEFT JOIN deals d ON d.id = n.deal_id"
                                 " LEFT JOIN founders sf ON sf.id = n.owner_id"
                                 " LEFT JOIN founders df ON df.id = d.owner_id"
                                 " LEFT JOIN founders af ON af.id = a.owner_id"
                                 " WHERE n.done_on IS NULL AND n.due_on IS NOT NULL AND n.due_on <= ?1"
                                 " ORDER BY n.due_on, n.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionFollowUp *step;
      GDate due;

      traction_column_date (stmt, 6, &due);
      if (!g_date_valid (&due))
        {
          g_warning ("Next step %" G_GINT64_FORMAT " has a bad due date; it is left out",
                     (gint64)sqlite3_column_int64 (stmt, 0));
          continue;
        }

      step = g_new0 (TractionFollowUp, 1);
      step->step_id = sqlite3_column_int64 (stmt, 0);
      step->deal_id = sqlite3_column_int64 (stmt, 1);
      step->action = traction_column_text (stmt, 2);
      step->account = traction_column_text (stmt, 3);
      step->deal = traction_column_text (stmt, 4);
      step->owner = traction_column_text (stmt, 5);
      step->due = due;
      step->days_overdue = traction_date_diff (&due, today);
      g_ptr_array_add (out, step);
    }

  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);

  return TRUE;
}

/* With account_id 0: the open and acknowledged alerts of every client,
 * oldest first (Today); else all of that client's alerts, newest first.
 * Each with its playbook. */
GPtrArray *
traction_store_load_alert_rows (TractionStore  *self,
                                gint64          account_id,
                                GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (alert_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT al.id, al.account_id, a.name, al.kind,"
                                 " coalesce (p.response, ''), coalesce (f.name, p.owner_role, ''),"
                                 " al.due_at, al.status, al.note, al.raised_at"
                                 " FROM alerts al"
                                 " JOIN accounts a ON a.id = al.account_id"
                                 " LEFT JOIN playbooks p ON p.kind = al.kind"
                                 " LEFT JOIN founders f ON f.id = al.owner_id"
                                 " WHERE (?1 = 0 AND al.status IN ('open', 'acknowledged'))"
                                 "  OR al.account_id = ?1"
                                 " ORDER BY CASE WHEN ?1 = 0 THEN al.raised_at END,"
                                 "  CASE WHEN ?1 = 0 THEN al.id END,"
                                 "  al.raised_at DESC, al.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionAlertRow *alert;
      TractionAlertKind kind;
      const char *kind_id = (const char *)sqlite3_column_text (stmt, 3);

      if (kind_id == NULL || !traction_alert_kind_from_id (kind_id, &kind))
        {
          g_warning ("Alert %" G_GINT64_FORMAT " has an unknown kind; it is left out",
                     (gint64)sqlite3_column_int64 (stmt, 0));
          continue;
        }

      alert = g_new0 (TractionAlertRow, 1);
      alert->alert_id = sqlite3_column_int64 (stmt, 0);
      alert->account_id = sqlite3_column_int64 (stmt, 1);
      alert->account = traction_column_text (stmt, 2);
      alert->kind = kind;
      alert->response = traction_column_text (stmt, 4);
      alert->owner = traction_column_text (stmt, 5);
      alert->due_at = traction_column_text (stmt, 6);
      alert->status = traction_column_text (stmt, 7);
      alert->note = traction_column_text (stmt, 8);
      alert->raised_at = traction_column_text (stmt, 9);

      /* A playbook emptied by the founder falls back to the default. */
      if (alert->response[0] == '\0')
        {
          g_free (alert->response);
          alert->response = g_strdup (traction_alert_response (kind));
        }
      if (alert->owner[0] == '\0')
        {
          g_free (alert->owner);
          alert->owner = g_strdup (traction_alert_owner_role (kind));
        }

      g_ptr_array_add (out, alert);
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&out);
}

/* Renewal work is late when today is on or after the day work should have
 * started (renewal - lead days of the contract's segment) and nothing has
 * happened on the account since that day: no touchpoint dated on or after
 * it, no next step done on or after it, and no open next step planned
 * (due) on or after it. */
static gboolean
renewal_work_done (TractionStore  *self,
                   gint64          account_id,
                   const GDate    *since,
                   gboolean       *done,
                   GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT EXISTS (SELECT 1 FROM touchpoints"
                                 "  WHERE account_id = ?1 AND happened_on >= ?2)"
                                 " OR EXISTS (SELECT 1 FROM next_steps WHERE account_id = ?1"
                                 "  AND (done_on >= ?2 OR (done_on IS NULL AND due_on >= ?2)))",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, since);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);

  *done = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The renewal window shared by Today and the metrics: active contracts
 * renewing in [today, today + renewal_window_days), soonest first, each
 * with the band of its account's latest health score. */
static GPtrArray *
load_renewals (TractionStore        *self,
               const TractionRules  *rules,
               const GDate          *today,
               GError              **error)
{
  g_autoptr(GPtrArray) renewals = NULL;
  sqlite3_stmt *stmt;
  GDate window_end;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT c.id, c.account_id, a.name, c.renewal_on, c.arr_cents,"
                                 " (SELECT h.score_tenths FROM health_scores h"
                                 "  WHERE h.account_id = c.account_id"
                                 "  ORDER BY h.month DESC, h.id DESC LIMIT 1)"
                                 " FROM contracts c"
                                 " JOIN accounts a ON a.id = c.account_id"
                                 " WHERE c.status = 'active' AND c.renewal_on >= ?1 AND c.renewal_on < ?2"
                                 " ORDER BY c.renewal_on, c.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  date_plus_days (today, rules->renewal_window_days, &window_end);
  traction_bind_date (stmt, 1, today);
  traction_bind_date (stmt, 2, &window_end);

  renewals = g_ptr_array_new_with_free_func (renewal_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionRenewalRow *renewal;
      GDate renewal_on;

      traction_column_date (stmt, 3, &renewal_on);
      if (!g_date_valid (&renewal_on))
        continue;

      renewal = g_new0 (TractionRenewalRow, 1);
      renewal->contract_id = sqlite3_column_int64 (stmt, 0);
      renewal->account_id = sqlite3_column_int64 (stmt, 1);
      renewal->account = traction_column_text (stmt, 2);
      renewal->renewal = renewal_on;
      renewal->arr_cents = sqlite3_column_int64 (stmt, 4);
      renewal->has_health = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      if (renewal->has_health)
        {
          renewal->score = sqlite3_column_int (stmt, 5) / 10.0;
          renewal->band = traction_health_band (renewal->score, rules);
        }
      else
        {
          /* Unknown health: neither healthy nor at risk (see renewal_forecast). */
          renewal->score = -1.0;
          renewal->band = TRACTION_BAND_MONITOR;
        }
      traction_renewal_work_start (&renewal->renewal,
                                   traction_segment_for (renewal->arr_cents, rules),
                                   rules, &renewal->work_start);
      g_ptr_array_add (renewals, renewal);
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < renewals->len; i++)
    {
      TractionRenewalRow *renewal = g_ptr_array_index (renewals, i);
      gboolean done = FALSE;

      if (g_date_compare (today, &renewal->work_start) < 0)
        continue;

      if (!renewal_work_done (self, renewal->account_id, &renewal->work_start, &done, error))
        return NULL;
      renewal->work_late = !done;
    }

  return g_steal_pointer (&renewals);
}

GPtrArray *
traction_store_load_renewals_within (TractionStore        *self,
                                     const TractionRules  *rules,
                                     const GDate          *today,
                                     int                   days,
                                     GError              **error)
{
  TractionRules window = *rules;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  window.renewal_window_days = MAX (days, 0);
  return load_renewals (self, &window, today, error);
}

/* Σ ARR × the band's renewal probability. A client not scored yet counts
 * at the Monitor probability: nothing says it is healthy, nothing says it
 * is at risk (its row shows has_health = FALSE). */
static gint64
renewal_forecast (GPtrArray           *renewals,
                  const TractionRules *rules)
{
  g_autofree TractionRenewalInput *inputs = g_new0 (TractionRenewalInput, MAX (renewals->len, 1));

  for (guint i = 0; i < renewals->len; i++)
    {
      const TractionRenewalRow *renewal = g_ptr_array_index (renewals, i);

      inputs[i].arr_cents = renewal->arr_cents;
      inputs[i].band = renewal->band;
    }

  return traction_renewal_forecast (inputs, renewals->len, rules);
}

static gboolean
query_week_counts (TractionStore  *self,
                   const GDate    *start,
                   const GDate    *end,
                   int            *prospects,
                   int            *meetings,
                   GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT (SELECT count(*) FROM deals"
                                 "  WHERE created_on >= ?1 AND created_on < ?2),"
                                 " (SELECT count(*) FROM touchpoints WHERE kind IN ('call', 'meeting')"
                                 "  AND happened_on >= ?1 AND happened_on < ?2)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, start);
  traction_bind_date (stmt, 2, end);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);

  *prospects = sqlite3_column_int (stmt, 0);
  *meetings = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Probabilities for the weighted pipeline: the rules' own, or with the
 * "probability_mode" setting "learned", those learned from the stage
 * history of the closed deals once there are at least 10 of them. */
static gboolean
choose_probabilities (TractionStore        *self,
                      const TractionRules  *rules,
                      double                out[TRACTION_N_STAGES],
                      GError              **error)
{
  g_autofree char *mode = traction_store_get_setting (self, "probability_mode");
  g_autoptr(GArray) paths = NULL;
  sqlite3_stmt *stmt;
  gint64 current = -1;
  int rc;

  memcpy (out, rules->stage_probability, sizeof (double) * TRACTION_N_STAGES);

  if (g_strcmp0 (mode, "learned") != 0)
    return TRUE;

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.stage, s.from_stage, s.to_stage"
                                 " FROM deals d LEFT JOIN stage_changes s ON s.deal_id = d.id"
                                 " WHERE d.stage IN ('won', 'lost')"
                                 " ORDER BY d.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  paths = g_array_new (FALSE, TRUE, sizeof (TractionClosedPath));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TractionClosedPath *path;
      TractionStage stage;

      if (id != current)
        {
          TractionClosedPath fresh = { 0, TRACTION_STAGE_LOST };

          if (!traction_stage_from_id ((const char *)sqlite3_column_text (stmt, 1), &fresh.final))
            continue;
          fresh.visited = (guint8)(1u << fresh.final);
          g_array_append_val (paths, fresh);
          current = id;
        }

      path = &g_array_index (paths, TractionClosedPath, paths->len - 1);
      for (int column = 2; column <= 3; column++)
        {
          const char *id_text = (const char *)sqlite3_column_text (stmt, column);

          if (id_text != NULL && traction_stage_from_id (id_text, &stage))
            path->visited |= (guint8)(1u << stage);
        }
    }

  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);

  traction_pipeline_learned_probabilities ((const TractionClosedPath *)(gconstpointer)paths->data,
                                           paths->len, 10, rules->stage_probability, out);
  return TRUE;
}

/* Latest health score per account among the months that began before
 * `before`: account id -> score in tenths (GINT_TO_POINTER (tenths + 1)). */
static GHashTable *
load_latest_scores (TractionStore  *self,
                    const GDate    *before,
                    GError        **error)
{
  g_autoptr(GHashTable) scores = NULL;
  sqlite3_stmt *stmt;
  int rc;

  GDate cutoff;
  char cutoff_month[16];

  /* A month counts when it began before `before`: its "YYYY-MM…" text
   * sorts below "YYYY-MM" of before's month (before is a 1st) or of the
   * month after, whether it is stored as "2026-03" or "2026-03-01". One
   * index search per client (UNIQUE (account_id, month)). */
  g_date_clear (&cutoff, 1);
  g_date_set_dmy (&cutoff, 1, g_date_get_month (before), g_date_get_year (before));
  if (g_date_get_day (before) != 1)
    g_date_add_months (&cutoff, 1);
  g_snprintf (cutoff_month, sizeof cutoff_month, "%04u-%02u",
              (guint) g_date_get_year (&cutoff), (guint) g_date_get_month (&cutoff));

  stmt = traction_store_prepare (self,
                                 "SELECT a.account_id,"
                                 " (SELECT h.score_tenths FROM health_scores h"
                                 "  WHERE h.account_id = a.account_id AND h.month < ?1"
                                 "  ORDER BY h.month DESC LIMIT 1) AS tenths"
                                 " FROM (SELECT DISTINCT account_id FROM health_scores) a"
                                 " WHERE tenths IS NOT NULL",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, cutoff_month, -1, SQLITE_TRANSIENT);
  scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *account_id = g_new (gint64, 1);

      *account_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (scores, account_id,
                           GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&scores);
}

static gboolean
query_deal_counts (TractionStore    *self,
                   const GDate      *from,
                   const GDate      *to,
                   TractionMetrics  *out,
                   GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT coalesce (sum (created_on >= ?1 AND created_on < ?2), 0),"
                                 " coalesce (sum (stage = 'won' AND closed_on >= ?1 AND closed_on < ?2), 0),"
                                 " coalesce (sum (stage = 'lost' AND closed_on >= ?1 AND closed_on < ?2), 0)"
                                 " FROM deals",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_date (stmt, 1, from);
  traction_bind_date (stmt, 2, to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);

  out->deals_added = sqlite3_column_int (stmt, 0);
  out->deals_won = sqlite3_column_int (stmt, 1);
  out->deals_lost = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Today */

void
traction_today_free (TractionToday *today)
{
  if (today == NULL)
    return;

  g_clear_pointer (&today->stalled, g_ptr_array_unref);
  g_clear_pointer (&today->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&today->alerts, g_ptr_array_unref);
  g_clear_pointer (&today->renewals, g_ptr_array_unref);
  g_clear_pointer (&today->reviews_due, g_ptr_array_unref);
  g_clear_pointer (&today->late_milestones, g_ptr_array_unref);
  g_clear_pointer (&today->stale_assets, g_ptr_array_unref);
  g_free (today);
}

TractionToday *
traction_store_load_today (TractionStore  *self,
                           const GDate    *today,
                           GError        **error)
{
  g_autoptr(TractionToday) result = NULL;
  TractionRules rules;
  GDate week_end;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  traction_store_get_rules (self, &rules);

  result = g_new0 (TractionToday, 1);
  result->stalled = g_ptr_array_new_with_free_func (stalled_deal_free);
  result->follow_ups = g_ptr_array_new_with_free_func (follow_up_free);

  if (!load_stalled (self, &rules, today, result->stalled, error) ||
      !load_follow_ups (self, today, result->follow_ups, error) ||
      (result->alerts = traction_store_load_alert_rows (self, 0, error)) == NULL)
    return NULL;

  result->renewals = load_renewals (self, &rules, today, error);
  if (result->renewals == NULL)
    return NULL;

  result->reviews_due = traction_store_list_reviews_due (self, today, error);
  if (result->reviews_due == NULL)
    return NULL;

  result->late_milestones = traction_store_list_late_milestones (self, today, error);
  if (result->late_milestones == NULL)
    return NULL;

  /* Sales assets due for their monthly review (DOMAIN.md §9). */
  result->stale_assets = traction_store_list_stale_assets (self, today, error);
  if (result->stale_assets == NULL)
    return NULL;

  traction_week_bounds (today, &result->week_start, &week_end);
  if (!query_week_counts (self, &result->week_start, &week_end,
                          &result->week_prospects, &result->week_meetings, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* Metrics */

gboolean
traction_store_compute_metrics (TractionStore    *self,
                                const GDate      *from,
                                const GDate      *to,
                                const GDate      *today,
                                TractionMetrics  *out,
                                GError          **error)
{
  g_autoptr(GArray) deals = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GPtrArray) renewals = NULL;
  g_autoptr(GHashTable) scores = NULL;
  g_autofree TractionDealFacts *facts = NULL;
  const TractionMovement *move_data;
  TractionRules rules;
  GDate q_start, q_end;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (from == NULL || g_date_valid (from), FALSE);
  g_return_val_if_fail (to == NULL || g_date_valid (to), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  traction_store_get_rules (self, &rules);

  traction_quarter_bounds (today, rules.fiscal_year_start_month, &q_start, &q_end);
  out->from = from != NULL ? *from : q_start;
  out->to = to != NULL ? *to : q_end;
  if (g_date_compare (&out->from, &out->to) >= 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The period must end after it starts."));
      return FALSE;
    }

  /* §1 pipeline, as of today, with [from, to) as the quarter. */
  if (!choose_probabilities (self, &rules, out->probability, error))
    return FALSE;

  deals = load_deals (self, FALSE, FALSE, error);
  if (deals == NULL)
    return FALSE;
  facts = deal_facts (deals);

  traction_pipeline_summarize (facts, deals->len, &rules, out->probability,
                               today, &out->from, &out->to, &out->pipeline);
  out->lead_to_close_days = traction_pipeline_lead_to_close_days (facts, deals->len,
                                                                  &out->from, &out->to);
  if (!query_deal_counts (self, &out->from, &out->to, out, error))
    return FALSE;

  /* §6 revenue over [from, to). */
  moves = traction_store_load_movements (self, error);
  if (moves == NULL)
    return FALSE;
  move_data = (const TractionMovement *)(gconstpointer)moves->data;

  traction_retention_compute (move_data, moves->len, &out->from, &out->to, &out->retention);
  traction_bridge_compute (move_data, moves->len, &out->from, &out->to, &out->bridge);
  out->arr_cents = traction_arr_before (move_data, moves->len, -1, &out->to);

  /* §5 health of the active clients (ARR > 0 just before `to`), each by
   * its latest score of a month that began before `to`. */
  scores = load_latest_scores (self, &out->to, error);
  if (scores == NULL)
    return FALSE;

  for (guint i = 0; i < moves->len;)
    {
      gint64 client = move_data[i].client;
      gint64 arr = 0;
      gpointer value;

      for (; i < moves->len && move_data[i].client == client; i++)
        if (g_date_compare (&move_data[i].date, &out->to) < 0)
          arr += traction_move_delta (move_data[i].kind, move_data[i].amount_cents);

      if (arr <= 0)
        continue;

      out->active_clients++;
      value = g_hash_table_lookup (scores, &client);
      if (value == NULL)
        out->health_unscored++;
      else
        {
          double score = (GPOINTER_TO_INT (value) - 1) / 10.0;
          TractionHealthBand band = traction_health_band (score, &rules);

          out->health_count[band]++;
          if (band == TRACTION_BAND_AT_RISK || band == TRACTION_BAND_CRITICAL)
            out->at_risk_arr_cents += arr;
        }
    }

  /* Renewals: the same window, rows and forecast as the Today page. */
  renewals = load_renewals (self, &rules, today, error);
  if (renewals == NULL)
    return FALSE;

  out->renewals_due = (int)renewals->len;
  for (guint i = 0; i < renewals->len; i++)
    out->renewals_arr_cents += ((TractionRenewalRow *)g_ptr_array_index (renewals, i))->arr_cents;
  out->renewals_forecast_cents = renewal_forecast (renewals, &rules);

  return TRUE;
}
