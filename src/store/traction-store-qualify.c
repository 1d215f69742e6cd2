/* traction-store-qualify.c: scorings, company profile, SPIN question bank
 * and objection library (DOMAIN.md §2). The rules (totals, bands,
 * follow-up, frameworks) come from core/; this file loads and saves rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-qualify.h"

/* Helpers */

/* Runs a read that returns one row with one integer; -1 on no row. */
static gint64
query_int (TractionStore  *self,
           const char     *sql,
           gint64          param,
           GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);
  gint64 value = -1;
  int rc;

  if (stmt == NULL)
    return -2;
  sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the qualification data"), error);
      return -2;
    }
  sqlite3_reset (stmt);
  return value;
}

/* Scorings */

TractionQualification *
traction_qualification_new (void)
{
  TractionQualification *q = g_new0 (TractionQualification, 1);

  g_date_clear (&q->date, 1);
  g_date_clear (&q->follow_up, 1);
  q->qualified_by = g_strdup ("");
  for (guint i = 0; i < 4; i++)
    q->bant_note[i] = g_strdup ("");
  for (guint i = 0; i < TRACTION_N_SPIN_PHASES; i++)
    q->spin[i] = g_strdup ("");
  q->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  q->estimated_arr_cents = -1;
  q->providers_needed = g_strdup ("");
  q->meddic_notes = g_strdup ("");
  q->bant = (TractionBant) { 3, 3, 3, 3 };
  return q;
}

void
traction_qualification_free (TractionQualification *q)
{
  if (q == NULL)
    return;
  g_free (q->qualified_by);
  for (guint i = 0; i < 4; i++)
    g_free (q->bant_note[i]);
  for (guint i = 0; i < TRACTION_N_SPIN_PHASES; i++)
    g_free (q->spin[i]);
  g_clear_pointer (&q->product_ids, g_array_unref);
  g_free (q->providers_needed);
  g_free (q->meddic_notes);
  g_free (q);
}

TractionQualification *
traction_store_latest_qualification (TractionStore  *self,
                                     gint64          deal_id,
                                     GError        **error)
{
  g_autoptr(TractionQualification) q = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT q.id, substr (q.scored_at, 1, 10), coalesce (q.qualified_by_id, 0),"
                                 " coalesce (f.name, ''), q.budget, q.authority, q.need, q.timeline,"
                                 " q.budget_note, q.authority_note, q.need_note, q.timeline_note,"
                                 " q.spin_situation, q.spin_problem, q.spin_implication, q.spin_need_payoff,"
                                 " coalesce (q.estimated_arr_cents, -1), q.integration_effort,"
                                 " q.providers_needed, q.follow_up_on, q.framework,"
                                 " coalesce (q.meddic_metrics, 0), coalesce (q.meddic_economic_buyer, 0),"
                                 " coalesce (q.meddic_decision_criteria, 0), coalesce (q.meddic_decision_process, 0),"
                                 " coalesce (q.meddic_identify_pain, 0), coalesce (q.meddic_champion, 0),"
                                 " coalesce (q.meddpicc_paper_process, 0), coalesce (q.meddpicc_competition, 0),"
                                 " q.meddic_notes"
                                 " FROM qualifications q LEFT JOIN founders f ON f.id = q.qualified_by_id"
                                 " WHERE q.deal_id = ?1 ORDER BY q.scored_at DESC, q.id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the qualification"), error);
      return NULL;
    }

  q = traction_qualification_new ();
  q->id = sqlite3_column_int64 (stmt, 0);
  q->deal_id = deal_id;
  traction_column_date (stmt, 1, &q->date);
  q->qualified_by_id = sqlite3_column_int64 (stmt, 2);
  g_free (q->qualified_by);
  q->qualified_by = traction_column_text (stmt, 3);
  q->bant.budget = sqlite3_column_int (stmt, 4);
  q->bant.authority = sqlite3_column_int (stmt, 5);
  q->bant.need = sqlite3_column_int (stmt, 6);
  q->bant.timeline = sqlite3_column_int (stmt, 7);
  for (guint i = 0; i < 4; i++)
    {
      g_free (q->bant_note[i]);
      q->bant_note[i] = traction_column_text (stmt, 8 + (int) i);
    }
  for (guint i = 0; i < TRACTION_N_SPIN_PHASES; i++)
    {
      g_free (q->spin[i]);
      q->spin[i] = traction_column_text (stmt, 12 + (int) i);
    }
  q->estimated_arr_cents = sqlite3_column_int64 (stmt, 16);
  if (!traction_effort_from_id ((const char *) sqlite3_column_text (stmt, 17), &q->effort))
    q->effort = TRACTION_EFFORT_NONE;
  g_free (q->providers_needed);
  q->providers_needed = traction_column_text (stmt, 18);
  traction_column_date (stmt, 19, &q->follow_up);
  if (!traction_framework_from_id ((const char *) sqlite3_column_text (stmt, 20), &q->framework))
    q->framework = TRACTION_FRAMEWORK_BANT;
  for (guint i = 0; i < TRACTION_N_MEDDPICC; i++)
    q->meddic[i] = sqlite3_column_int (stmt, 21 + (int) i);
  g_free (q->meddic_notes);
  q->meddic_notes = traction_column_text (stmt, 29);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (self,
                                 "SELECT qp.product_id FROM qualification_products qp"
                                 " JOIN products p ON p.id = qp.product_id"
                                 " WHERE qp.qualification_id = ?1 ORDER BY p.position, p.name",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, q->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (q->product_ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the qualification"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&q);
}

guint
traction_store_count_qualifications (TractionStore *self,
                                     gint64         deal_id)
{
  gint64 n;

  g_return_val_if_fail (TRACTION_IS_STORE (self), 0);

  n = query_int (self, "SELECT count(*) FROM qualifications WHERE deal_id = ?1", deal_id, NULL);
  return n > 0 ? (guint) n : 0;
}

/* Company profile */

void
traction_company_profile_free (TractionCompanyProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->company);
  g_free (profile->geography);
  g_free (profile->size);
  g_free (profile->current_providers);
  g_free (profile->introduced_by);
  g_free (profile);
}

TractionCompanyProfile *
traction_store_get_company_profile (TractionStore  *self,
                                    gint64          deal_id,
                                    GError        **error)
{
  TractionCompanyProfile *profile;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT a.id, a.name, coalesce (a.icp_tier, 0), a.geography, a.size,"
                                 " a.current_providers, d.source, d.introduced_by"
                                 " FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This deal no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the company"), error);
      return NULL;
    }

  profile = g_new0 (TractionCompanyProfile, 1);
  profile->account_id = sqlite3_column_int64 (stmt, 0);
  profile->company = traction_column_text (stmt, 1);
  profile->icp_tier = sqlite3_column_int (stmt, 2);
  profile->geography = traction_column_text (stmt, 3);
  profile->size = traction_column_text (stmt, 4);
  profile->current_providers = traction_column_text (stmt, 5);
  if (!traction_source_from_id ((const char *) sqlite3_column_text (stmt, 6), &profile->source))
    profile->source = TRACTION_SOURCE_INBOUND;
  profile->introduced_by = traction_column_text (stmt, 7);
  sqlite3_reset (stmt);
  return profile;
}

static gboolean
check_qualification (const TractionQualification  *q,
                     const TractionCompanyProfile *profile,
                     const TractionStepInput      *steps,
                     guint                         n_steps,
                     GError                      **error)
{
  GError *local = NULL;

  if (!traction_bant_total (&q->bant, NULL, &local))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID, local->message);
      g_error_free (local);
      return FALSE;
    }
  for (guint i = 0; i < TRACTION_N_MEDDPICC; i++)
    if (q->meddic[i] < 0 || q->meddic[i] > 5)
      return traction_store_invalid (error, _("Each MEDDIC score must be between 1 and 5."));
  if (q->estimated_arr_cents < -1)
    return traction_store_invalid (error, _("The estimated ARR cannot be negative."));
  if ((guint) q->effort >= TRACTION_N_EFFORTS || (guint) q->framework >= TRACTION_N_FRAMEWORKS)
    return traction_store_invalid (error, _("The qualification has an unknown value."));
  if (!g_date_valid (&q->date))
    return traction_store_invalid (error, _("The qualification needs the day it was scored."));
  for (guint i = 0; i < n_steps; i++)
    if (traction_text_is_blank (steps[i].action))
      return traction_store_invalid (error, _("Each next step needs an action."));
  if (profile != NULL)
    {
      if (profile->icp_tier < 0 || profile->icp_tier > 3)
        return traction_store_invalid (error, _("The segment must be Tier 1, 2 or 3."));
      if ((guint) profile->source >= TRACTION_N_SOURCES)
        return traction_store_invalid (error, _("The deal source is unknown."));
      if (profile->source == TRACTION_SOURCE_WARM_INTRO && traction_text_is_blank (profile->introduced_by))
        return traction_store_invalid (error, _("A warm introduction needs who introduced you."));
    }
  return TRUE;
}

static gboolean
insert_step (TractionStore  *self,
             gint64          account_id,
             gint64          deal_id,
             const char     *action,
             gint64          owner_id,
             const GDate    *due,
             GError        **error)
{
  g_autofree char *text = traction_text_stripped (action);
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO next_steps (account_id, deal_id, action, owner_id, due_on)"
                                 " VALUES (?1, ?2, ?3, (SELECT id FROM founders WHERE id = ?4), ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  traction_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, owner_id);
  traction_bind_date (stmt, 5, due);
  return traction_store_step_write (self, stmt, _("Could not save the next steps"), error);
}

gboolean
traction_store_save_qualification (TractionStore                *self,
                                   const TractionQualification  *q,
                                   const TractionCompanyProfile *profile,
                                   const TractionStepInput      *steps,
                                   guint                         n_steps,
                                   const char                   *follow_up_action,
                                   gint64                       *id_out,
                                   GError                      **error)
{
  const char *what = _("Could not save the qualification");
  g_autofree char *scored_at = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id, owner_id, id;
  char date_text[11];

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (q != NULL, FALSE);
  g_return_val_if_fail (steps != NULL || n_steps == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_qualification (q, profile, steps, n_steps, error))
    return FALSE;

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "SELECT account_id, coalesce (owner_id, 0) FROM deals WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, q->deal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This deal no longer exists."));
      goto fail;
    }
  account_id = sqlite3_column_int64 (stmt, 0);
  owner_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  /* scored_at: the chosen day with the time of saving, so that two
   * scorings on one day keep their order. */
  traction_date_format (&q->date, date_text);
  {
    g_autofree char *now = traction_now_timestamp ();

    scored_at = g_strconcat (date_text, strlen (now) > 10 ? now + 10 : "T00:00:00Z", NULL);
  }

  stmt = traction_store_prepare (self,
                                 "INSERT INTO qualifications (deal_id, scored_at, qualified_by_id, framework,"
                                 " budget, authority, need, timeline, budget_note, authority_note, need_note,"
                                 " timeline_note, spin_situation, spin_problem, spin_implication,"
                                 " spin_need_payoff, estimated_arr_cents, integration_effort,"
                                 " providers_needed, follow_up_on, meddic_metrics, meddic_economic_buyer,"
                                 " meddic_decision_criteria, meddic_decision_process, meddic_identify_pain,"
                                 " meddic_champion, meddpicc_paper_process, meddpicc_competition, meddic_notes)"
                                 " VALUES (?1, ?2, (SELECT id FROM founders WHERE id = ?3), ?4, ?5, ?6, ?7, ?8,"
                                 " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
                                 " nullif (?21, 0), nullif (?22, 0), nullif (?23, 0), nullif (?24, 0),"
                                 " nullif (?25, 0), nullif (?26, 0), nullif (?27, 0), nullif (?28, 0), ?29)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, q->deal_id);
  traction_bind_text (stmt, 2, scored_at);
  sqlite3_bind_int64 (stmt, 3, q->qualified_by_id);
  traction_bind_text (stmt, 4, traction_framework_to_id (q->framework));
  sqlite3_bind_int (stmt, 5, q->bant.budget);
  sqlite3_bind_int (stmt, 6, q->bant.authority);
  sqlite3_bind_int (stmt, 7, q->bant.need);
  sqlite3_bind_int (stmt, 8, q->bant.timeline);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *note = traction_text_stripped (q->bant_note[i]);
      traction_bind_text (stmt, 9 + (int) i, note);
    }
  for (guint i = 0; i < TRACTION_N_SPIN_PHASES; i++)
    {
      g_autofree char *note = traction_text_stripped (q->spin[i]);
      traction_bind_text (stmt, 13 + (int) i, note);
    }
  if (q->estimated_arr_cents >= 0)
    sqlite3_bind_int64 (stmt, 17, q->estimated_arr_cents);
  else
    sqlite3_bind_null (stmt, 17);
  traction_bind_text (stmt, 18, traction_effort_to_id (q->effort));
  {
    g_autofree char *providers = traction_text_stripped (q->providers_needed);
    traction_bind_text (stmt, 19, providers);
  }
  traction_bind_date (stmt, 20, &q->follow_up);
  for (guint i = 0; i < TRACTION_N_MEDDPICC; i++)
    {
      gboolean used = q->framework == TRACTION_FRAMEWORK_MEDDPICC ||
                      (q->framework == TRACTION_FRAMEWORK_MEDDIC && i < TRACTION_N_MEDDIC);
      sqlite3_bind_int (stmt, 21 + (int) i, used ? q->meddic[i] : 0);
    }
  {
    g_autofree char *notes = traction_text_stripped (q->meddic_notes);
    traction_bind_text (stmt, 29, notes);
  }
  if (!traction_store_step_write (self, stmt, what, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (traction_store_get_db (self));

  for (guint i = 0; q->product_ids != NULL && i < q->product_ids->len; i++)
    {
      stmt = traction_store_prepare (self,
                                     "INSERT OR IGNORE INTO qualification_products (qualification_id, product_id)"
                                     " SELECT ?1, id FROM products WHERE id = ?2",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (q->product_ids, gint64, i));
      if (!traction_store_step_write (self, stmt, what, error))
        return FALSE;
    }

  if (profile != NULL)
    {
      g_autofree char *geography = traction_text_stripped (profile->geography);
      g_autofree char *size = traction_text_stripped (profile->size);
      g_autofree char *providers = traction_text_stripped (profile->current_providers);
      g_autofree char *introduced = traction_text_stripped (profile->introduced_by);

      stmt = traction_store_prepare (self,
                                     "UPDATE accounts SET icp_tier = nullif (?2, 0), geography = ?3, size = ?4,"
                                     " current_providers = ?5 WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int (stmt, 2, profile->icp_tier);
      traction_bind_text (stmt, 3, geography);
      traction_bind_text (stmt, 4, size);
      traction_bind_text (stmt, 5, providers);
      if (!traction_store_step_write (self, stmt, what, error))
        return FALSE;

      stmt = traction_store_prepare (self,
                                     "UPDATE deals SET source = ?2, introduced_by = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, q->deal_id);
      traction_bind_text (stmt, 2, traction_source_to_id (profile->source));
      traction_bind_text (stmt, 3, profile->source == TRACTION_SOURCE_WARM_INTRO ? introduced : "");
      if (!traction_store_step_write (self, stmt, what, error))
        return FALSE;
    }

  for (guint i = 0; i < n_steps; i++)
    if (!insert_step (self, account_id, q->deal_id, steps[i].action, steps[i].owner_id,
                      &steps[i].due, error))
      return FALSE;

  if (follow_up_action != NULL && !traction_text_is_blank (follow_up_action) && g_date_valid (&q->follow_up) &&
      !insert_step (self, account_id, q->deal_id, follow_up_action,
                    q->qualified_by_id > 0 ? q->qualified_by_id : owner_id, &q->follow_up, error))
    return FALSE;

  if (!traction_store_commit (self, error))
    return FALSE;
  if (id_out != NULL)
    *id_out = id;
  return TRUE;

fail:
  traction_store_rollback (self);
  return FALSE;
}

gboolean
traction_store_disqualified_reason (TractionStore  *self,
                                    gint64         *id_out,
                                    GError        **error)
{
  /* Translators: the loss reason of a deal closed after a BANT total below 8 */
  const char *name = _("Disqualified");
  g_autoptr(GPtrArray) reasons = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (id_out != NULL, FALSE);

  reasons = traction_store_list_named (self, "loss_reasons");
  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      const TractionNamed *reason = g_ptr_array_index (reasons, i);
      g_autofree char *a = g_utf8_casefold (reason->name, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b) || g_ascii_strcasecmp (reason->name, "disqualified") == 0)
        {
          *id_out = reason->id;
          return TRUE;
        }
    }
  return traction_store_add_named (self, "loss_reasons", name, id_out, error);
}

gboolean
traction_store_find_deal (TractionStore  *self,
                          const char     *text,
                          gint64         *id_out,
                          GError        **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) exact = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) partial = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (id_out != NULL, FALSE);

  if (traction_text_is_blank (text))
    return traction_store_invalid (error, _("Name the deal (its name or its company's)."));
  {
    g_autofree char *s = traction_text_stripped (text);
    folded = g_utf8_casefold (s, -1);
  }

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.name, a.name FROM deals d JOIN accounts a ON a.id = d.account_id"
                                 " ORDER BY d.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *deal = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1);
      g_autofree char *company = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 2), -1);

      if (g_str_equal (deal, folded) || g_str_equal (company, folded))
        g_array_append_val (exact, id);
      else if (strstr (deal, folded) != NULL || strstr (company, folded) != NULL)
        {
          g_array_append_val (partial, id);
          if (names->len < 5)
            g_ptr_array_add (names, g_strdup_printf ("%s (%s)", (const char *) sqlite3_column_text (stmt, 1),
                                                     (const char *) sqlite3_column_text (stmt, 2)));
        }
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deals"), error);
  sqlite3_reset (stmt);

  if (exact->len >= 1)
    {
      /* Several deals of one company: the newest. */
      *id_out = g_array_index (exact, gint64, exact->len - 1);
      return TRUE;
    }
  if (partial->len == 1)
    {
      *id_out = g_array_index (partial, gint64, 0);
      return TRUE;
    }
  if (partial->len == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("No deal or company is called “%s”."), text);
      return FALSE;
    }
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) names->pdata);

    g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                 _("“%s” matches several deals: %s. Give the full name."), text, list);
  }
  return FALSE;
}

/* SPIN question bank */

void
traction_spin_question_free (TractionSpinQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->question);
  g_free (question);
}

GPtrArray *
traction_store_list_spin_questions (TractionStore  *self,
                                    gint64          deal_id,
                                    GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_spin_question_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT q.id, q.phase, q.question, q.position, a.asked_on"
                                 " FROM spin_questions q"
                                 " LEFT JOIN deal_spin_asked a ON a.question_id = q.id AND a.deal_id = ?1"
                                 " ORDER BY CASE q.phase WHEN 'situation' THEN 0 WHEN 'problem' THEN 1"
                                 " WHEN 'implication' THEN 2 ELSE 3 END, q.position, q.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionSpinQuestion *question = g_new0 (TractionSpinQuestion, 1);

      question->id = sqlite3_column_int64 (stmt, 0);
      if (!traction_spin_phase_from_id ((const char *) sqlite3_column_text (stmt, 1), &question->phase))
        question->phase = TRACTION_SPIN_SITUATION;
      question->question = traction_column_text (stmt, 2);
      question->position = sqlite3_column_int (stmt, 3);
      traction_column_date (stmt, 4, &question->asked_on);
      question->asked = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      g_ptr_array_add (list, question);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the SPIN questions"), error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static gboolean
insert_spin_question (TractionStore     *self,
                      gint64             id,
                      TractionSpinPhase  phase,
                      const char        *question,
                      int                position,
                      gint64            *id_out,
                      GError           **error)
{
  g_autofree char *text = traction_text_stripped (question);
  sqlite3_stmt *stmt;

  if ((guint) phase >= TRACTION_N_SPIN_PHASES)
    return traction_store_invalid (error, _("The SPIN phase is unknown."));
  if (text[0] == '\0')
    return traction_store_invalid (error, _("Write the question."));

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO spin_questions (id, phase, question, position)"
                                       " VALUES (nullif (?1, 0), ?2, ?3,"
                                       " CASE WHEN ?4 >= 0 THEN ?4 ELSE"
                                       " (SELECT coalesce (max (position), -1) + 1 FROM spin_questions WHERE phase = ?2) END)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, traction_spin_phase_to_id (phase));
  traction_bind_text (stmt, 3, text);
  sqlite3_bind_int (stmt, 4, position);
  if (!traction_store_step_write (self, stmt, _("Could not save the question"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);
}

gboolean
traction_store_add_spin_question (TractionStore     *self,
                                  TractionSpinPhase  phase,
                                  const char        *question,
                                  gint64            *id_out,
                                  GError           **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  return insert_spin_question (self, 0, phase, question, -1, id_out, error);
}

gboolean
traction_store_update_spin_question (TractionStore  *self,
                                     gint64          id,
                                     const char     *question,
                                     GError        **error)
{
  g_autofree char *text = traction_text_stripped (question);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (text[0] == '\0')
    return traction_store_invalid (error, _("Write the question."));
  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare_write (self, "UPDATE spin_questions SET question = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, text);
  return traction_store_commit_single (self, stmt, _("Could not save the question"), TRUE, error);
}

gboolean
traction_store_delete_spin_question (TractionStore         *self,
                                     gint64                 id,
                                     TractionSpinQuestion **removed_out,
                                     GError               **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TractionSpinQuestion) removed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if ((all = traction_store_list_spin_questions (self, 0, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (((TractionSpinQuestion *) g_ptr_array_index (all, i))->id == id)
      removed = g_ptr_array_steal_index (all, i);
  if (removed == NULL)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This question no longer exists."));
      return FALSE;
    }

  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare_write (self, "DELETE FROM spin_questions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!traction_store_commit_single (self, stmt, _("Could not delete the question"), TRUE, error))
    return FALSE;
  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

gboolean
traction_store_restore_spin_question (TractionStore              *self,
                                      const TractionSpinQuestion *question,
                                      GError                    **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  return insert_spin_question (self, question->id, question->phase, question->question,
                               MAX (question->position, 0), NULL, error);
}

gboolean
traction_store_set_spin_asked (TractionStore  *self,
                               gint64          deal_id,
                               gint64          question_id,
                               gboolean        asked,
                               const GDate    *today,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (!asked || (today != NULL && g_date_valid (today)), FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;
  if (asked)
    stmt = traction_store_prepare (self,
                                   "INSERT INTO deal_spin_asked (deal_id, question_id, asked_on)"
                                   " SELECT d.id, q.id, ?3 FROM deals d, spin_questions q"
                                   " WHERE d.id = ?1 AND q.id = ?2"
                                   " ON CONFLICT (deal_id, question_id) DO NOTHING",
                                   error);
  else
    stmt = traction_store_prepare_write (self,
                                         "DELETE FROM deal_spin_asked WHERE deal_id = ?1 AND question_id = ?2",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, question_id);
  if (asked)
    traction_bind_date (stmt, 3, today);
  return traction_store_commit_single (self, stmt, _("Could not mark the question"), FALSE, error);
}

/* Objection library */

void
traction_objection_free (TractionObjection *objection)
{
  if (objection == NULL)
    return;
  g_free (objection->objection);
  g_free (objection->root_concern);
  g_free (objection->response);
  g_free (objection->note);
  if (objection->links != NULL)
    {
      for (guint i = 0; i < objection->links->len; i++)
        g_free (g_array_index (objection->links, TractionObjectionLink, i).note);
      g_array_unref (objection->links);
    }
  g_free (objection);
}

GPtrArray *
traction_store_list_objections (TractionStore  *self,
                                gint64          deal_id,
                                GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_objection_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT o.id, o.objection, o.root_concern, o.response, o.position,"
                                 " (SELECT count(*) FROM deal_objections x WHERE x.objection_id = o.id),"
                                 " r.raised_on, coalesce (r.note, '')"
                                 " FROM objections o"
                                 " LEFT JOIN deal_objections r ON r.objection_id = o.id AND r.deal_id = ?1"
                                 " ORDER BY o.position, o.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionObjection *objection = g_new0 (TractionObjection, 1);

      objection->id = sqlite3_column_int64 (stmt, 0);
      objection->objection = traction_column_text (stmt, 1);
      objection->root_concern = traction_column_text (stmt, 2);
      objection->response = traction_column_text (stmt, 3);
      objection->position = sqlite3_column_int (stmt, 4);
      objection->n_deals = (guint) sqlite3_column_int (stmt, 5);
      objection->raised = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      traction_column_date (stmt, 6, &objection->raised_on);
      objection->note = traction_column_text (stmt, 7);
      g_ptr_array_add (list, objection);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the objections"), error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* Inserts one objection (id 0 = new, position < 0 = at the end) inside
 * the caller's transaction. */
static gboolean
insert_objection (TractionStore  *self,
                  gint64          id,
                  const char     *objection,
                  const char     *root_concern,
                  const char     *response,
                  int             position,
                  gint64         *id_out,
                  GError        **error)
{
  g_autofree char *text = traction_text_stripped (objection);
  g_autofree char *root = traction_text_stripped (root_concern);
  g_autofree char *answer = traction_text_stripped (response);
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO objections (id, objection, root_concern, response, position)"
                                       " VALUES (nullif (?1, 0), ?2, ?3, ?4, CASE WHEN ?5 >= 0 THEN ?5 ELSE"
                                       " (SELECT coalesce (max (position), -1) + 1 FROM objections) END)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, text);
  traction_bind_text (stmt, 3, root);
  traction_bind_text (stmt, 4, answer);
  sqlite3_bind_int (stmt, 5, position);
  if (!traction_store_step_write (self, stmt, _("Could not save the objection"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return TRUE;
}

gboolean
traction_store_add_objection (TractionStore  *self,
                              const char     *objection,
                              const char     *root_concern,
                              const char     *response,
                              gint64         *id_out,
                              GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (traction_text_is_blank (objection))
    return traction_store_invalid (error, _("Write the objection as the prospect says it."));
  if (!traction_store_begin (self, error))
    return FALSE;
  if (!insert_objection (self, 0, objection, root_concern, response, -1, id_out, error))
    return FALSE;
  return traction_store_commit (self, error);
}

gboolean
traction_store_update_objection (TractionStore  *self,
                                 gint64          id,
                                 const char     *objection,
                                 const char     *root_concern,
                                 const char     *response,
                                 GError        **error)
{
  g_autofree char *text = traction_text_stripped (objection);
  g_autofree char *root = traction_text_stripped (root_concern);
  g_autofree char *answer = traction_text_stripped (response);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (text[0] == '\0')
    return traction_store_invalid (error, _("Write the objection as the prospect says it."));
  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare_write (self,
                                       "UPDATE objections SET objection = ?2, root_concern = ?3, response = ?4"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, text);
  traction_bind_text (stmt, 3, root);
  traction_bind_text (stmt, 4, answer);
  return traction_store_commit_single (self, stmt, _("Could not save the objection"), TRUE, error);
}

gboolean
traction_store_delete_objection (TractionStore      *self,
                                 gint64              id,
                                 TractionObjection **removed_out,
                                 GError            **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TractionObjection) removed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if ((all = traction_store_list_objections (self, 0, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (((TractionObjection *) g_ptr_array_index (all, i))->id == id)
      removed = g_ptr_array_steal_index (all, i);
  if (removed == NULL)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This objection no longer exists."));
      return FALSE;
    }

  removed->links = g_array_new (FALSE, TRUE, sizeof (TractionObjectionLink));
  stmt = traction_store_prepare (self,
                                 "SELECT deal_id, raised_on, note FROM deal_objections WHERE objection_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionObjectionLink link;

      link.deal_id = sqlite3_column_int64 (stmt, 0);
      traction_column_date (stmt, 1, &link.raised_on);
      link.note = traction_column_text (stmt, 2);
      g_array_append_val (removed->links, link);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the objection"), error);
  sqlite3_reset (stmt);

  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare_write (self, "DELETE FROM objections WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!traction_store_commit_single (self, stmt, _("Could not delete the objection"), TRUE, error))
    return FALSE;
  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

gboolean
traction_store_restore_objection (TractionStore           *self,
                                  const TractionObjection *objection,
                                  GError                 **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (objection != NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;
  if (!insert_objection (self, objection->id, objection->objection, objection->root_concern,
                         objection->response, MAX (objection->position, 0), NULL, error))
    return FALSE;
  for (guint i = 0; objection->links != NULL && i < objection->links->len; i++)
    {
      const TractionObjectionLink *link = &g_array_index (objection->links, TractionObjectionLink, i);
      sqlite3_stmt *stmt = traction_store_prepare_write (self,
                                                         "INSERT OR IGNORE INTO deal_objections"
                                                         " (deal_id, objection_id, raised_on, note)"
                                                         " SELECT id, ?2, ?3, ?4 FROM deals WHERE id = ?1",
                                                         error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, link->deal_id);
      sqlite3_bind_int64 (stmt, 2, objection->id);
      traction_bind_date (stmt, 3, &link->raised_on);
      traction_bind_text (stmt, 4, link->note);
      if (!traction_store_step_write (self, stmt, _("Could not restore the objection"), error))
        return FALSE;
    }
  return traction_store_commit (self, error);
}

gboolean
traction_store_set_deal_objection (TractionStore  *self,
                                   gint64          deal_id,
                                   gint64          objection_id,
                                   gboolean        raised,
                                   const char     *note,
                                   const GDate    *today,
                                   GError        **error)
{
  g_autofree char *text = traction_text_stripped (note);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (!raised || (today != NULL && g_date_valid (today)), FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;
  if (raised)
    stmt = traction_store_prepare (self,
                                   "INSERT INTO deal_objections (deal_id, objection_id, raised_on, note)"
                                   " SELECT d.id, o.id, ?3, ?4 FROM deals d, objections o"
                                   " WHERE d.id = ?1 AND o.id = ?2"
                                   " ON CONFLICT (deal_id, objection_id) DO UPDATE SET note = excluded.note",
                                   error);
  else
    stmt = traction_store_prepare_write (self,
                                         "DELETE FROM deal_objections WHERE deal_id = ?1 AND objection_id = ?2",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, objection_id);
  if (raised)
    {
      traction_bind_date (stmt, 3, today);
      traction_bind_text (stmt, 4, text);
    }
  return traction_store_commit_single (self, stmt, _("Could not mark the objection"), raised, error);
}
