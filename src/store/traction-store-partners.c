/* traction-store-partners.c: design partners (DOMAIN.md §3).
 *
 * The rules (score total, qualification, levers, milestone states,
 * request grouping) come from core/; this file loads and saves rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-partners.h"

#define PARTNER_COLUMNS \
  "p.id, p.account_id, a.name, p.icp_fit, p.brand_value, p.technical_readiness," \
  " p.feedback_quality, p.expansion_potential, p.status, p.evaluation_stage, p.go_no_go," \
  " p.go_no_go_on, p.disqualify_reason, p.start_on, p.duration_months, p.discount_pct," \
  " p.lever_early_signature, p.lever_term, p.term_months, p.lever_public_reference," \
  " p.contact_founder_id, coalesce (f.name, ''), p.notes"

#define PARTNER_FROM \
  " FROM design_partners p JOIN accounts a ON a.id = p.account_id" \
  " LEFT JOIN founders f ON f.id = p.contact_founder_id"

static const char * const side_ids[] = { "they_get", "we_get" };
static const char * const metric_ids[] = { "pending", "met", "missed" };
static const char * const kind_ids[] = { "bug", "gap", "feature_request" };

/* Labels */

const char *
traction_metric_status_label (TractionMetricStatus status)
{
  static const char * const labels[] = { N_("Pending"), N_("Met"), N_("Missed") };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);
  return _(labels[status]);
}

const char *
traction_feedback_kind_label (TractionFeedbackKind kind)
{
  static const char * const labels[] = { N_("Bug"), N_("Gap"), N_("Feature request") };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (labels), NULL);
  return _(labels[kind]);
}

static int
id_index (const char         *id,
          const char * const *ids,
          guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (id, ids[i]) == 0)
      return (int) i;
  return 0;
}

/* Free functions */

void
traction_partner_row_free (TractionPartnerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->disqualify_reason);
  g_free (row->contact);
  g_free (row->notes);
  for (int i = 0; i < TRACTION_N_MILESTONES; i++)
    g_free (row->milestone_note[i]);
  g_free (row);
}

void
traction_obligation_free (TractionObligation *item)
{
  if (item == NULL)
    return;
  g_free (item->item);
  g_free (item);
}

void
traction_partner_metric_free (TractionPartnerMetric *metric)
{
  if (metric == NULL)
    return;
  g_free (metric->name);
  g_free (metric->target);
  g_free (metric->value);
  g_free (metric);
}

void
traction_feedback_item_free (TractionFeedbackItem *item)
{
  if (item == NULL)
    return;
  g_free (item->partner);
  g_free (item->title);
  g_free (item->request_key);
  g_free (item->tags);
  g_free (item->status);
  g_free (item);
}

void
traction_request_row_free (TractionRequestRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->title);
  g_free (row->partners);
  g_free (row);
}

void
traction_late_milestone_free (TractionLateMilestone *late)
{
  if (late == NULL)
    return;
  g_free (late->partner);
  g_free (late->note);
  g_free (late);
}

/* Helpers */

static gboolean
finish_read (TractionStore  *self,
             sqlite3_stmt   *stmt,
             int             rc,
             const char     *what,
             GError        **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (self), rc, what);
  return TRUE;
}

/* The account's ARR on today, by the revenue rules. */
static gboolean
load_account_arr (TractionStore  *self,
                  gint64          account_id,
                  const GDate    *today,
                  gint64         *arr,
                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *arr = 0;
  stmt = traction_store_prepare (self,
                                 "SELECT kind, amount_cents FROM arr_movements"
                                 " WHERE account_id = ?1 AND moved_on <= ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionMoveKind kind;

      if (traction_move_kind_from_id ((const char *) sqlite3_column_text (stmt, 0), &kind))
        *arr += traction_move_delta (kind, sqlite3_column_int64 (stmt, 1));
    }
  if (*arr < 0)
    *arr = 0;
  return finish_read (self, stmt, rc, _("Could not read the partner’s revenue"), error);
}

static TractionPartnerRow *
partner_from_stmt (sqlite3_stmt *stmt)
{
  TractionPartnerRow *row = g_new0 (TractionPartnerRow, 1);
  g_autofree char *status = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *go = NULL;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->account_id = sqlite3_column_int64 (stmt, 1);
  row->name = traction_column_text (stmt, 2);
  row->scores.icp_fit = sqlite3_column_int (stmt, 3);
  row->scores.brand_value = sqlite3_column_int (stmt, 4);
  row->scores.technical_readiness = sqlite3_column_int (stmt, 5);
  row->scores.feedback_quality = sqlite3_column_int (stmt, 6);
  row->scores.expansion_potential = sqlite3_column_int (stmt, 7);
  status = traction_column_text (stmt, 8);
  if (!traction_partner_status_from_id (status, &row->status))
    row->status = TRACTION_PARTNER_CANDIDATE;
  stage = traction_column_text (stmt, 9);
  if (!traction_eval_stage_from_id (stage, &row->stage) || row->stage == TRACTION_EVAL_PAPER)
    row->stage = TRACTION_EVAL_DISCOVERY;
  go = traction_column_text (stmt, 10);
  if (!traction_go_no_go_from_id (go, &row->go_no_go))
    row->go_no_go = TRACTION_GO_NO_GO_NONE;
  traction_column_date (stmt, 11, &row->go_no_go_on);
  row->disqualify_reason = traction_column_text (stmt, 12);
  traction_column_date (stmt, 13, &row->start_on);
  row->duration_months = sqlite3_column_int (stmt, 14);
  row->discount_pct = sqlite3_column_int (stmt, 15);
  row->lever_early_signature = sqlite3_column_int (stmt, 16) != 0;
  row->lever_term = sqlite3_column_int (stmt, 17) != 0;
  row->term_months = sqlite3_column_int (stmt, 18);
  row->lever_public_reference = sqlite3_column_int (stmt, 19) != 0;
  row->contact_id = sqlite3_column_int64 (stmt, 20);
  row->contact = traction_column_text (stmt, 21);
  row->notes = traction_column_text (stmt, 22);
  for (int i = 0; i < TRACTION_N_MILESTONES; i++)
    {
      g_date_clear (&row->milestone_done[i], 1);
      row->milestone_note[i] = g_strdup ("");
    }
  row->day = -1;
  return row;
}

/* Milestones, states, ARR and the score total. */
static gboolean
complete_partner (TractionStore       *self,
                  TractionPartnerRow  *row,
                  const GDate         *today,
                  GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  row->total = row->scores.icp_fit + row->scores.brand_value + row->scores.technical_readiness
               + row->scores.feedback_quality + row->scores.expansion_potential;
  {
    TractionRules rules;

    traction_store_get_rules (self, &rules);
    row->qualifies = traction_partner_qualifies (row->total, &rules);
  }

  stmt = traction_store_prepare (self,
                                 "SELECT milestone, done_on, note FROM partner_milestones"
                                 " WHERE partner_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int m = sqlite3_column_int (stmt, 0);

      if (m < 0 || m >= TRACTION_N_MILESTONES)
        continue;
      traction_column_date (stmt, 1, &row->milestone_done[m]);
      g_free (row->milestone_note[m]);
      row->milestone_note[m] = traction_column_text (stmt, 2);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the milestones"), error))
    return FALSE;

  row->n_late = 0;
  for (int m = 0; m < TRACTION_N_MILESTONES; m++)
    {
      if (!g_date_valid (&row->start_on))
        {
          row->milestone_state[m] = TRACTION_MILESTONE_UPCOMING;
          continue;
        }
      row->milestone_state[m] = traction_partner_milestone_state (m, &row->start_on,
                                                                  &row->milestone_done[m], today);
      if (row->milestone_state[m] == TRACTION_MILESTONE_LATE)
        row->n_late++;
    }
  if (g_date_valid (&row->start_on))
    row->day = g_date_days_between (&row->start_on, today);

  return load_account_arr (self, row->account_id, today, &row->arr_cents, error);
}

/* Partners */

GPtrArray *
traction_store_list_partners (TractionStore  *self,
                              const GDate    *today,
                              GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT " PARTNER_COLUMNS PARTNER_FROM
                                 " ORDER BY a.name COLLATE NOCASE, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_partner_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, partner_from_stmt (stmt));
  if (!finish_read (self, stmt, rc, _("Could not read the design partners"), error))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    if (!complete_partner (self, g_ptr_array_index (rows, i), today, error))
      return NULL;

  return g_steal_pointer (&rows);
}

TractionPartnerRow *
traction_store_get_partner (TractionStore  *self,
                            gint64          id,
                            const GDate    *today,
                            GError        **error)
{
  g_autoptr(TractionPartnerRow) row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = traction_store_prepare (self, "SELECT " PARTNER_COLUMNS PARTNER_FROM " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = partner_from_stmt (stmt);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _("Could not read the design partner"), error))
    return NULL;
  if (row == NULL)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("This design partner no longer exists."));
      return NULL;
    }
  if (!complete_partner (self, row, today, error))
    return NULL;
  return g_steal_pointer (&row);
}

gboolean
traction_store_find_partner (TractionStore  *self,
                             const char     *name,
                             gint64         *id,
                             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && id != NULL, FALSE);

  *id = 0;
  stmt = traction_store_prepare (self,
                                 "SELECT p.id FROM design_partners p JOIN accounts a ON a.id = p.account_id"
                                 " WHERE a.name = ?1 COLLATE NOCASE ORDER BY p.id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  traction_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _("Could not look the design partner up"), error))
    return FALSE;
  if (*id == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("There is no design partner called “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
traction_store_add_partner (TractionStore  *self,
                            const char     *name,
                            const GDate    *today,
                            gint64         *id_out,
                            GError        **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id = 0;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A design partner needs a company name."));
      return FALSE;
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "SELECT a.id, (SELECT count(*) FROM design_partners p WHERE p.account_id = a.id)"
                                 " FROM accounts a WHERE a.name = ?1 COLLATE NOCASE ORDER BY a.id LIMIT 1",
                                 error);
  if (stmt == NULL)
    goto fail;
  traction_bind_text (stmt, 1, clean);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      account_id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_int (stmt, 1) > 0)
        {
          sqlite3_reset (stmt);
          traction_store_rollback (self);
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("“%s” already is a design partner."), clean);
          return FALSE;
        }
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _("Could not add the design partner"), error))
    goto fail;

  if (account_id == 0)
    {
      stmt = traction_store_prepare (self, "INSERT INTO accounts (name, created_on) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        goto fail;
      traction_bind_text (stmt, 1, clean);
      traction_bind_date (stmt, 2, today);
      if (!traction_store_step_write (self, stmt, _("Could not add the company"), error))
        return FALSE;
      account_id = sqlite3_last_insert_rowid (traction_store_get_db (self));
    }

  stmt = traction_store_prepare (self,
                                 "INSERT INTO design_partners (account_id, icp_fit, brand_value,"
                                 " technical_readiness, feedback_quality, expansion_potential)"
                                 " VALUES (?1, 3, 3, 3, 3, 3)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!traction_store_step_write (self, stmt, _("Could not add the design partner"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);

fail:
  traction_store_rollback (self);
  return FALSE;
}

gboolean
traction_store_set_partner_scores (TractionStore              *self,
                                   gint64                      id,
                                   const TractionPartnerScore *scores,
                                   GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  if (!traction_partner_total (scores, NULL, error))
    return FALSE;
  stmt = traction_store_begin_prepare (self,
                        "UPDATE design_partners SET icp_fit = ?2, brand_value = ?3,"
                        " technical_readiness = ?4, feedback_quality = ?5, expansion_potential = ?6"
                        " WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, scores->icp_fit);
  sqlite3_bind_int (stmt, 3, scores->brand_value);
  sqlite3_bind_int (stmt, 4, scores->technical_readiness);
  sqlite3_bind_int (stmt, 5, scores->feedback_quality);
  sqlite3_bind_int (stmt, 6, scores->expansion_potential);
  return traction_store_commit_single (self, stmt, _("Could not save the candidate score"), TRUE, error);
}

gboolean
traction_store_set_partner_agreement (TractionStore                  *self,
                                      gint64                          id,
                                      const TractionPartnerAgreement *agreement,
                                      GError                        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL, FALSE);

  if (!traction_partner_check_levers (agreement->discount_pct, agreement->lever_early_signature,
                                      agreement->lever_term, agreement->term_months,
                                      agreement->lever_public_reference, error))
    return FALSE;
  if (agreement->duration_months < 1 || agreement->duration_months > 120)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("The agreement runs %d months; it must run between 1 and 120 months."),
                   agreement->duration_months);
      return FALSE;
    }

  stmt = traction_store_begin_prepare (self,
                        "UPDATE design_partners SET start_on = ?2, duration_months = ?3,"
                        " discount_pct = ?4, lever_early_signature = ?5, lever_term = ?6,"
                        " term_months = ?7, lever_public_reference = ?8, contact_founder_id = ?9"
                        " WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_date (stmt, 2, &agreement->start_on);
  sqlite3_bind_int (stmt, 3, agreement->duration_months);
  sqlite3_bind_int (stmt, 4, agreement->discount_pct);
  sqlite3_bind_int (stmt, 5, agreement->lever_early_signature ? 1 : 0);
  sqlite3_bind_int (stmt, 6, agreement->lever_term ? 1 : 0);
  if (agreement->lever_term)
    sqlite3_bind_int (stmt, 7, agreement->term_months);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, agreement->lever_public_reference ? 1 : 0);
  if (agreement->contact_id > 0)
    sqlite3_bind_int64 (stmt, 9, agreement->contact_id);
  else
    sqlite3_bind_null (stmt, 9);
  return traction_store_commit_single (self, stmt, _("Could not save the agreement"), TRUE, error);
}

gboolean
traction_store_set_partner_evaluation (TractionStore          *self,
                                       gint64                  id,
                                       TractionPartnerStatus   status,
                                       TractionEvalStage       stage,
                                       TractionGoNoGo          go_no_go,
                                       const GDate            *today,
                                       GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TRACTION_N_PARTNER_STATUSES, FALSE);
  g_return_val_if_fail ((guint) stage < TRACTION_N_EVAL_STAGES, FALSE);
  g_return_val_if_fail ((guint) go_no_go < TRACTION_N_GO_NO_GO, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  stmt = traction_store_begin_prepare (self,
                        "UPDATE design_partners SET status = ?2, evaluation_stage = ?3,"
                        " go_no_go_on = CASE WHEN go_no_go = ?4 THEN go_no_go_on"
                        "   WHEN ?4 = '' THEN NULL ELSE ?5 END,"
                        " go_no_go = ?4,"
                        " disqualify_reason = CASE WHEN ?2 = 'disqualified' THEN disqualify_reason ELSE '' END"
                        " WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, traction_partner_status_to_id (status));
  traction_bind_text (stmt, 3, traction_eval_stage_to_id (stage));
  traction_bind_text (stmt, 4, traction_go_no_go_to_id (go_no_go));
  traction_bind_date (stmt, 5, today);
  return traction_store_commit_single (self, stmt, _("Could not save the evaluation"), TRUE, error);
}

gboolean
traction_store_disqualify_partner (TractionStore  *self,
                                   gint64          id,
                                   const char     *reason,
                                   GError        **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Write down why the partner is disqualified: the technical or business hurdle you cannot overcome now."));
      return FALSE;
    }
  stmt = traction_store_begin_prepare (self,
                        "UPDATE design_partners SET status = 'disqualified', disqualify_reason = ?2"
                        " WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, clean);
  return traction_store_commit_single (self, stmt, _("Could not disqualify the design partner"), TRUE, error);
}

gboolean
traction_store_set_milestone_done (TractionStore  *self,
                                   gint64          partner_id,
                                   int             milestone,
                                   const GDate    *done_on,
                                   GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (milestone >= 0 && milestone < TRACTION_N_MILESTONES, FALSE);

  stmt = traction_store_begin_prepare (self,
                        "INSERT INTO partner_milestones (partner_id, milestone, done_on) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (partner_id, milestone) DO UPDATE SET done_on = excluded.done_on",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int (stmt, 2, milestone);
  if (done_on != NULL && g_date_valid (done_on))
    traction_bind_date (stmt, 3, done_on);
  else
    sqlite3_bind_null (stmt, 3);
  return traction_store_commit_single (self, stmt, _("Could not save the milestone"), TRUE, error);
}

/* Obligations */

GPtrArray *
traction_store_list_obligations (TractionStore  *self,
                                 gint64          partner_id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT id, partner_id, side, item, due_on, done_on, position"
                                 " FROM partner_obligations WHERE partner_id = ?1"
                                 " ORDER BY side = 'we_get', position, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_obligation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionObligation *item = g_new0 (TractionObligation, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->partner_id = sqlite3_column_int64 (stmt, 1);
      item->side = id_index ((const char *) sqlite3_column_text (stmt, 2), side_ids, G_N_ELEMENTS (side_ids));
      item->item = traction_column_text (stmt, 3);
      traction_column_date (stmt, 4, &item->due_on);
      traction_column_date (stmt, 5, &item->done_on);
      item->position = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (items, item);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the obligations"), error))
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
traction_store_add_obligation (TractionStore            *self,
                               const TractionObligation *item,
                               gint64                   *id_out,
                               GError                  **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail ((guint) item->side < G_N_ELEMENTS (side_ids), FALSE);

  text = g_strstrip (g_strdup (item->item != NULL ? item->item : ""));
  if (text[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("An obligation needs a description."));
      return FALSE;
    }
  stmt = traction_store_begin_prepare (self,
                        "INSERT INTO partner_obligations (id, partner_id, side, item, due_on, done_on, position)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?1 IS NULL THEN"
                        " (SELECT coalesce (max (position) + 1, 0) FROM partner_obligations"
                        "  WHERE partner_id = ?2 AND side = ?3) ELSE ?7 END)",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (item->id > 0)
    sqlite3_bind_int64 (stmt, 1, item->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, item->partner_id);
  traction_bind_text (stmt, 3, side_ids[item->side]);
  traction_bind_text (stmt, 4, text);
  traction_bind_date (stmt, 5, &item->due_on);
  traction_bind_date (stmt, 6, &item->done_on);
  sqlite3_bind_int (stmt, 7, item->position);
  if (!traction_store_step_write (self, stmt, _("Could not add the obligation"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);
}

gboolean
traction_store_set_obligation_done (TractionStore  *self,
                                    gint64          id,
                                    const GDate    *done_on,
                                    GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  stmt = traction_store_begin_prepare (self, "UPDATE partner_obligations SET done_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (done_on != NULL && g_date_valid (done_on))
    traction_bind_date (stmt, 2, done_on);
  else
    sqlite3_bind_null (stmt, 2);
  return traction_store_commit_single (self, stmt, _("Could not save the obligation"), TRUE, error);
}

gboolean
traction_store_delete_obligation (TractionStore  *self,
                                  gint64          id,
                                  GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  stmt = traction_store_begin_prepare (self, "DELETE FROM partner_obligations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return traction_store_commit_single (self, stmt, _("Could not delete the obligation"), TRUE, error);
}

/* Metrics */

GPtrArray *
traction_store_list_partner_metrics (TractionStore  *self,
                                     gint64          partner_id,
                                     GError        **error)
{
  g_autoptr(GPtrArray) metrics = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT id, partner_id, name, target, measured_at_day, value, status, position"
                                 " FROM partner_metrics WHERE partner_id = ?1 ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_partner_metric_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionPartnerMetric *metric = g_new0 (TractionPartnerMetric, 1);

      metric->id = sqlite3_column_int64 (stmt, 0);
      metric->partner_id = sqlite3_column_int64 (stmt, 1);
      metric->name = traction_column_text (stmt, 2);
      metric->target = traction_column_text (stmt, 3);
      metric->measured_at_day = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
      metric->value = traction_column_text (stmt, 5);
      metric->status = id_index ((const char *) sqlite3_column_text (stmt, 6), metric_ids, G_N_ELEMENTS (metric_ids));
      metric->position = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (metrics, metric);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the success metrics"), error))
    return NULL;
  return g_steal_pointer (&metrics);
}

gboolean
traction_store_add_partner_metric (TractionStore               *self,
                                   const TractionPartnerMetric *metric,
                                   gint64                      *id_out,
                                   GError                     **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail ((guint) metric->status < TRACTION_N_METRIC_STATUSES, FALSE);

  name = g_strstrip (g_strdup (metric->name != NULL ? metric->name : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A success metric needs a name."));
      return FALSE;
    }
  stmt = traction_store_begin_prepare (self,
                        "INSERT INTO partner_metrics (id, partner_id, name, target, measured_at_day,"
                        " value, status, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                        " CASE WHEN ?1 IS NULL THEN (SELECT coalesce (max (position) + 1, 0)"
                        " FROM partner_metrics WHERE partner_id = ?2) ELSE ?8 END)",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (metric->id > 0)
    sqlite3_bind_int64 (stmt, 1, metric->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, metric->partner_id);
  traction_bind_text (stmt, 3, name);
  traction_bind_text (stmt, 4, metric->target != NULL ? metric->target : "");
  if (metric->measured_at_day >= 0)
    sqlite3_bind_int (stmt, 5, metric->measured_at_day);
  else
    sqlite3_bind_null (stmt, 5);
  traction_bind_text (stmt, 6, metric->value != NULL ? metric->value : "");
  traction_bind_text (stmt, 7, metric_ids[metric->status]);
  sqlite3_bind_int (stmt, 8, metric->position);
  if (!traction_store_step_write (self, stmt, _("Could not add the success metric"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);
}

gboolean
traction_store_update_partner_metric (TractionStore        *self,
                                      gint64                id,
                                      const char           *value,
                                      TractionMetricStatus  status,
                                      GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TRACTION_N_METRIC_STATUSES, FALSE);

  stmt = traction_store_begin_prepare (self, "UPDATE partner_metrics SET value = ?2, status = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, value != NULL ? value : "");
  traction_bind_text (stmt, 3, metric_ids[status]);
  return traction_store_commit_single (self, stmt, _("Could not save the success metric"), TRUE, error);
}

gboolean
traction_store_delete_partner_metric (TractionStore  *self,
                                      gint64          id,
                                      GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  stmt = traction_store_begin_prepare (self, "DELETE FROM partner_metrics WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return traction_store_commit_single (self, stmt, _("Could not delete the success metric"), TRUE, error);
}

/* Gates */

gboolean
traction_store_load_gates (TractionStore  *self,
                           gint64          partner_id,
                           guint           done[TRACTION_N_EVAL_LISTS],
                           GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  memset (done, 0, sizeof (guint) * TRACTION_N_EVAL_LISTS);
  stmt = traction_store_prepare (self, "SELECT stage, item FROM partner_gates WHERE partner_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionEvalStage stage;
      int item = sqlite3_column_int (stmt, 1);

      if (traction_eval_stage_from_id ((const char *) sqlite3_column_text (stmt, 0), &stage) &&
          item >= 0 && (guint) item < traction_eval_gate_count (stage))
        done[stage] |= 1u << item;
    }
  return finish_read (self, stmt, rc, _("Could not read the gate checklists"), error);
}

gboolean
traction_store_set_gate (TractionStore      *self,
                         gint64              partner_id,
                         TractionEvalStage   stage,
                         guint               item,
                         const GDate        *done_on,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean done = done_on != NULL && g_date_valid (done_on);

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) stage < TRACTION_N_EVAL_LISTS, FALSE);
  g_return_val_if_fail (item < traction_eval_gate_count (stage), FALSE);

  stmt = traction_store_begin_prepare (self,
                        done ? "INSERT OR REPLACE INTO partner_gates (partner_id, stage, item, done_on)"
                               " VALUES (?1, ?2, ?3, ?4)"
                             : "DELETE FROM partner_gates WHERE partner_id = ?1 AND stage = ?2 AND item = ?3",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  traction_bind_text (stmt, 2, traction_eval_stage_to_id (stage));
  sqlite3_bind_int (stmt, 3, (int) item);
  if (done)
    traction_bind_date (stmt, 4, done_on);
  return traction_store_commit_single (self, stmt, _("Could not save the gate checklist"), FALSE, error);
}

/* Feedback */

GPtrArray *
traction_store_list_feedback (TractionStore  *self,
                              gint64          partner_id,
                              GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT f.id, f.partner_id, a.name, f.kind, f.title, f.request_key, f.tags,"
                                 " f.created_on, f.status FROM feedback_items f"
                                 " JOIN design_partners p ON p.id = f.partner_id"
                                 " JOIN accounts a ON a.id = p.account_id"
                                 " WHERE ?1 = 0 OR f.partner_id = ?1"
                                 " ORDER BY f.created_on DESC, f.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_feedback_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionFeedbackItem *item = g_new0 (TractionFeedbackItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->partner_id = sqlite3_column_int64 (stmt, 1);
      item->partner = traction_column_text (stmt, 2);
      item->kind = id_index ((const char *) sqlite3_column_text (stmt, 3), kind_ids, G_N_ELEMENTS (kind_ids));
      item->title = traction_column_text (stmt, 4);
      item->request_key = traction_column_text (stmt, 5);
      item->tags = traction_column_text (stmt, 6);
      traction_column_date (stmt, 7, &item->created_on);
      item->status = traction_column_text (stmt, 8);
      g_ptr_array_add (items, item);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the feedback log"), error))
    return NULL;
  return g_steal_pointer (&items);
}

static char *
normalise_tags (const char *tags)
{
  g_auto(GStrv) parts = g_strsplit (tags != NULL ? tags : "", ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = g_utf8_strdown (g_strstrip (parts[i]), -1);
      gboolean seen = FALSE;

      if (tag[0] == '\0')
        continue;
      for (guint k = 0; k < kept->len; k++)
        if (g_str_equal (g_ptr_array_index (kept, k), tag))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (kept, g_steal_pointer (&tag));
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (",", (char **) kept->pdata);
}

gboolean
traction_store_add_feedback (TractionStore              *self,
                             const TractionFeedbackItem *item,
                             gint64                     *id_out,
                             GError                    **error)
{
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  g_autofree char *tags = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail ((guint) item->kind < TRACTION_N_FEEDBACK_KINDS, FALSE);
  g_return_val_if_fail (g_date_valid (&item->created_on), FALSE);

  title = g_strstrip (g_strdup (item->title != NULL ? item->title : ""));
  if (title[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A feedback item needs a title."));
      return FALSE;
    }
  key = g_utf8_strdown (item->request_key != NULL ? item->request_key : "", -1);
  g_strstrip (key);
  tags = normalise_tags (item->tags);

  stmt = traction_store_begin_prepare (self,
                        "INSERT INTO feedback_items (id, partner_id, kind, title, request_key, tags,"
                        " created_on, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (item->id > 0)
    sqlite3_bind_int64 (stmt, 1, item->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, item->partner_id);
  traction_bind_text (stmt, 3, kind_ids[item->kind]);
  traction_bind_text (stmt, 4, title);
  traction_bind_text (stmt, 5, key);
  traction_bind_text (stmt, 6, tags);
  traction_bind_date (stmt, 7, &item->created_on);
  traction_bind_text (stmt, 8, item->status != NULL && item->status[0] != '\0' ? item->status : "open");
  if (!traction_store_step_write (self, stmt, _("Could not add the feedback"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);
}

gboolean
traction_store_delete_feedback (TractionStore  *self,
                                gint64          id,
                                GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  stmt = traction_store_begin_prepare (self, "DELETE FROM feedback_items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return traction_store_commit_single (self, stmt, _("Could not delete the feedback"), TRUE, error);
}

GPtrArray *
traction_store_list_request_groups (TractionStore  *self,
                                    const GDate    *today,
                                    GError        **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) arr = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  partners = traction_store_list_partners (self, today, error);
  if (partners == NULL)
    return NULL;
  feedback = traction_store_list_feedback (self, 0, error);
  if (feedback == NULL)
    return NULL;

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  arr = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < partners->len; i++)
    {
      TractionPartnerRow *p = g_ptr_array_index (partners, i);

      g_hash_table_insert (names, &p->id, p->name);
      g_hash_table_insert (arr, &p->id, &p->arr_cents);
    }

  /* Oldest first, so a group takes the title of its first request. */
  items = g_array_new (FALSE, TRUE, sizeof (TractionRequestItem));
  for (guint i = feedback->len; i > 0; i--)
    {
      TractionFeedbackItem *f = g_ptr_array_index (feedback, i - 1);
      TractionRequestItem item;
      gint64 *cents;

      if (f->kind != TRACTION_FEEDBACK_FEATURE_REQUEST)
        continue;
      cents = g_hash_table_lookup (arr, &f->partner_id);
      item.key = f->request_key;
      item.title = f->title;
      item.partner_id = f->partner_id;
      item.partner_arr_cents = cents != NULL ? *cents : 0;
      g_array_append_val (items, item);
    }

  groups = traction_partner_group_requests ((const TractionRequestItem *) (gconstpointer) items->data, items->len);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_request_row_free);
  for (guint i = 0; i < groups->len; i++)
    {
      TractionRequestGroup *group = g_ptr_array_index (groups, i);
      TractionRequestRow *row = g_new0 (TractionRequestRow, 1);
      GString *who = g_string_new (NULL);

      row->key = g_strdup (group->key);
      row->title = g_strdup (group->title);
      row->n_partners = group->n_partners;
      row->arr_cents = group->arr_cents;
      for (guint k = 0; k < group->partner_ids->len; k++)
        {
          gint64 pid = g_array_index (group->partner_ids, gint64, k);
          const char *name = g_hash_table_lookup (names, &pid);

          if (who->len > 0)
            g_string_append (who, _(", "));
          g_string_append (who, name != NULL ? name : "");
        }
      row->partners = g_string_free (who, FALSE);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static int
compare_late (gconstpointer a,
              gconstpointer b)
{
  const TractionLateMilestone *la = *(TractionLateMilestone * const *) a;
  const TractionLateMilestone *lb = *(TractionLateMilestone * const *) b;

  if (la->days_late != lb->days_late)
    return la->days_late > lb->days_late ? -1 : 1;
  return g_utf8_collate (la->partner, lb->partner);
}

GPtrArray *
traction_store_list_late_milestones (TractionStore  *self,
                                     const GDate    *today,
                                     GError        **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  GPtrArray *late;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  partners = traction_store_list_partners (self, today, error);
  if (partners == NULL)
    return NULL;

  late = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_late_milestone_free);
  for (guint i = 0; i < partners->len; i++)
    {
      TractionPartnerRow *p = g_ptr_array_index (partners, i);

      if (p->status == TRACTION_PARTNER_DISQUALIFIED || p->status == TRACTION_PARTNER_CONVERTED ||
          p->status == TRACTION_PARTNER_NOT_CONVERTED || !g_date_valid (&p->start_on))
        continue;
      for (int m = 0; m < TRACTION_N_MILESTONES; m++)
        {
          TractionLateMilestone *row;

          if (p->milestone_state[m] != TRACTION_MILESTONE_LATE)
            continue;
          row = g_new0 (TractionLateMilestone, 1);
          row->partner_id = p->id;
          row->partner = g_strdup (p->name);
          row->milestone = m;
          traction_partner_milestone_due (m, &p->start_on, &row->due);
          row->days_late = g_date_days_between (&row->due, today);
          row->note = g_strdup (p->milestone_note[m]);
          g_ptr_array_add (late, row);
        }
    }
  g_ptr_array_sort (late, compare_late);
  return late;
}
