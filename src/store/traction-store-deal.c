/* traction-store-deal.c: one deal in detail, and the edits of the deal pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-deal.h"

static const struct {
  const char *id;
  const char *label;
} touchpoint_kinds[TRACTION_N_TOUCHPOINT_KINDS] = {
  { "call",    N_("Call") },
  { "meeting", N_("Meeting") },
  { "email",   N_("Email") },
  { "note",    N_("Note") },
};

static const struct {
  const char *id;
  const char *label;
} roles[TRACTION_N_ROLES] = {
  { "",               N_("No role") },
  { "champion",       N_("Champion") },
  { "economic_buyer", N_("Economic buyer") },
  { "user",           N_("User") },
  { "technical",      N_("Technical") },
  { "procurement",    N_("Procurement") },
  { "legal",          N_("Legal") },
  { "influencer",     N_("Influencer") },
  { "blocker",        N_("Blocker") },
};

/* Names and labels */

const char *
traction_touchpoint_kind_to_id (TractionTouchpointKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_TOUCHPOINT_KINDS, NULL);
  return touchpoint_kinds[kind].id;
}

gboolean
traction_touchpoint_kind_from_id (const char             *id,
                                  TractionTouchpointKind *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; id != NULL && i < TRACTION_N_TOUCHPOINT_KINDS; i++)
    if (strcmp (id, touchpoint_kinds[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_touchpoint_kind_label (TractionTouchpointKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_TOUCHPOINT_KINDS, NULL);
  return _(touchpoint_kinds[kind].label);
}

const char *
traction_contact_role_to_id (TractionContactRole role)
{
  g_return_val_if_fail ((guint) role < TRACTION_N_ROLES, NULL);
  return roles[role].id;
}

gboolean
traction_contact_role_from_id (const char          *id,
                               TractionContactRole *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; id != NULL && i < TRACTION_N_ROLES; i++)
    if (strcmp (id, roles[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_contact_role_label (TractionContactRole role)
{
  g_return_val_if_fail ((guint) role < TRACTION_N_ROLES, NULL);
  return _(roles[role].label);
}

/* Freeing */

void
traction_stakeholder_free (TractionStakeholder *stakeholder)
{
  if (stakeholder == NULL)
    return;
  g_free (stakeholder->name);
  g_free (stakeholder->title);
  g_free (stakeholder->email);
  g_clear_pointer (&stakeholder->touchpoint_ids, g_array_unref);
  g_free (stakeholder);
}

void
traction_touchpoint_free (TractionTouchpoint *touchpoint)
{
  if (touchpoint == NULL)
    return;
  g_free (touchpoint->summary);
  g_free (touchpoint->contact);
  g_free (touchpoint);
}

void
traction_next_step_free (TractionNextStep *step)
{
  if (step == NULL)
    return;
  g_free (step->action);
  g_free (step->owner);
  g_free (step);
}

static void
stage_span_free (gpointer data)
{
  TractionStageSpan *span = data;

  g_free (span->reason);
  g_free (span);
}

static void
qualification_entry_free (gpointer data)
{
  TractionQualificationEntry *entry = data;

  g_free (entry->by);
  g_free (entry);
}

void
traction_deal_detail_free (TractionDealDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->name);
  g_free (detail->company);
  g_free (detail->domain);
  g_free (detail->owner);
  g_free (detail->introduced_by);
  g_free (detail->loss_reason);
  g_free (detail->win_reason);
  g_free (detail->close_note);
  g_free (detail->paused_reason);
  g_free (detail->notes);
  g_clear_pointer (&detail->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&detail->touchpoints, g_ptr_array_unref);
  g_clear_pointer (&detail->next_steps, g_ptr_array_unref);
  g_clear_pointer (&detail->stages, g_ptr_array_unref);
  g_clear_pointer (&detail->qualifications, g_ptr_array_unref);
  g_free (detail);
}

void
traction_deal_fields_clear (TractionDealFields *fields)
{
  g_return_if_fail (fields != NULL);

  g_clear_pointer (&fields->name, g_free);
  g_clear_pointer (&fields->introduced_by, g_free);
  g_clear_pointer (&fields->notes, g_free);
}

void
traction_deal_fields_from_detail (TractionDealFields       *fields,
                                  const TractionDealDetail *detail)
{
  g_return_if_fail (fields != NULL);
  g_return_if_fail (detail != NULL);

  memset (fields, 0, sizeof *fields);
  fields->name = g_strdup (detail->name);
  fields->arr_cents = detail->arr_cents;
  fields->owner_id = detail->owner_id;
  fields->expected_close = detail->expected_close;
  fields->source = detail->source;
  fields->introduced_by = g_strdup (detail->introduced_by);
  fields->notes = g_strdup (detail->notes);
}

/* Helpers */

/* The account of a deal, or NOT_FOUND. */
static gboolean
deal_account (TractionStore  *self,
              gint64          deal_id,
              gint64         *account_id,
              GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, "SELECT account_id FROM deals WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *account_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return traction_store_not_found (error, _("This deal no longer exists."));
    }
  return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
}

static gboolean
founder_exists (TractionStore  *self,
                gint64          founder_id,
                gboolean       *exists,
                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, "SELECT 1 FROM founders WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, founder_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  *exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs one prepared write (already bound) as a whole transaction and
 * checks it touched a row (else NOT_FOUND with missing). */
static gboolean
write_one (TractionStore  *self,
           sqlite3_stmt   *stmt,
           const char     *missing,
           GError        **error)
{
  int changes;

  if (!traction_store_begin (self, error))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  if (!traction_store_step_write (self, stmt, _("Could not save the deal"), error))
    return FALSE;
  changes = sqlite3_changes (traction_store_get_db (self));
  if (changes == 0)
    {
      traction_store_rollback (self);
      return traction_store_not_found (error, missing);
    }
  return traction_store_commit (self, error);
}

/* Loading */

static gboolean
load_main (TractionStore       *self,
           TractionDealDetail  *detail,
           const GDate         *today,
           GError             **error)
{
  sqlite3_stmt *stmt;
  TractionDealFacts facts;
  const char *text;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.account_id, d.name, a.name, a.domain, d.stage, d.arr_cents,"
                                 " coalesce (d.owner_id, 0), coalesce (f.name, ''), d.source,"
                                 " d.introduced_by, d.expected_close, d.created_on, d.closed_on,"
                                 " coalesce (d.loss_reason_id, 0), coalesce (l.name, ''), d.win_reason,"
                                 " d.close_note, d.paused_reason, d.paused_until, d.notes"
                                 " FROM deals d"
                                 " JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN founders f ON f.id = d.owner_id"
                                 " LEFT JOIN loss_reasons l ON l.id = d.loss_reason_id"
                                 " WHERE d.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return traction_store_not_found (error, _("This deal no longer exists."));
    }
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);

  detail->account_id = sqlite3_column_int64 (stmt, 0);
  detail->name = traction_column_text (stmt, 1);
  detail->company = traction_column_text (stmt, 2);
  detail->domain = traction_column_text (stmt, 3);
  text = (const char *) sqlite3_column_text (stmt, 4);
  if (!traction_stage_from_id (text, &detail->stage))
    detail->stage = TRACTION_STAGE_LEAD;
  detail->arr_cents = sqlite3_column_int64 (stmt, 5);
  detail->owner_id = sqlite3_column_int64 (stmt, 6);
  detail->owner = traction_column_text (stmt, 7);
  text = (const char *) sqlite3_column_text (stmt, 8);
  if (!traction_source_from_id (text, &detail->source))
    detail->source = TRACTION_SOURCE_INBOUND;
  detail->introduced_by = traction_column_text (stmt, 9);
  traction_column_date (stmt, 10, &detail->expected_close);
  traction_column_date (stmt, 11, &detail->created);
  traction_column_date (stmt, 12, &detail->closed);
  detail->loss_reason_id = sqlite3_column_int64 (stmt, 13);
  detail->loss_reason = traction_column_text (stmt, 14);
  detail->win_reason = traction_column_text (stmt, 15);
  detail->close_note = traction_column_text (stmt, 16);
  detail->paused = sqlite3_column_type (stmt, 17) != SQLITE_NULL;
  detail->paused_reason = traction_column_text (stmt, 17);
  traction_column_date (stmt, 18, &detail->paused_until);
  detail->notes = traction_column_text (stmt, 19);
  sqlite3_reset (stmt);

  memset (&facts, 0, sizeof facts);
  facts.stage = detail->stage;
  facts.paused = detail->paused;
  facts.paused_until = detail->paused_until;
  g_date_clear (&facts.created, 1);
  g_date_clear (&facts.closed, 1);
  g_date_clear (&facts.expected_close, 1);
  g_date_clear (&facts.last_activity, 1);
  detail->paused = traction_deal_is_paused (&facts, today);

  {
    TractionRules rules;

    traction_store_get_rules (self, &rules);
    detail->segment = traction_segment_for (detail->arr_cents, &rules);
  }

  return TRUE;
}

GPtrArray *
traction_store_list_account_stakeholders (TractionStore  *self,
                                          gint64          account_id,
                                          GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_stakeholder_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT id, name, title, email, role FROM contacts"
                                 " WHERE account_id = ?1 ORDER BY name COLLATE NOCASE, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionStakeholder *person = g_new0 (TractionStakeholder, 1);

      person->id = sqlite3_column_int64 (stmt, 0);
      person->account_id = account_id;
      person->name = traction_column_text (stmt, 1);
      person->title = traction_column_text (stmt, 2);
      person->email = traction_column_text (stmt, 3);
      if (!traction_contact_role_from_id ((const char *) sqlite3_column_text (stmt, 4), &person->role))
        person->role = TRACTION_ROLE_NONE;
      g_ptr_array_add (out, person);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the contacts"), error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

static gboolean
load_stakeholders (TractionStore       *self,
                   TractionDealDetail  *detail,
                   GError             **error)
{
  GPtrArray *people = traction_store_list_account_stakeholders (self, detail->account_id, error);

  if (people == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (detail->stakeholders, people);
  return TRUE;
}

static gboolean
load_touchpoints (TractionStore       *self,
                  TractionDealDetail  *detail,
                  GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT t.id, t.kind, t.happened_on, t.summary,"
                                 " coalesce (t.contact_id, 0), coalesce (c.name, '')"
                                 " FROM touchpoints t LEFT JOIN contacts c ON c.id = t.contact_id"
                                 " WHERE t.deal_id = ?1 ORDER BY t.happened_on DESC, t.id DESC",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionTouchpoint *touchpoint = g_new0 (TractionTouchpoint, 1);

      touchpoint->id = sqlite3_column_int64 (stmt, 0);
      touchpoint->account_id = detail->account_id;
      touchpoint->deal_id = detail->id;
      if (!traction_touchpoint_kind_from_id ((const char *) sqlite3_column_text (stmt, 1), &touchpoint->kind))
        touchpoint->kind = TRACTION_TOUCHPOINT_NOTE;
      traction_column_date (stmt, 2, &touchpoint->date);
      touchpoint->summary = traction_column_text (stmt, 3);
      touchpoint->contact_id = sqlite3_column_int64 (stmt, 4);
      touchpoint->contact = traction_column_text (stmt, 5);
      g_ptr_array_add (detail->touchpoints, touchpoint);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_next_steps (TractionStore       *self,
                 TractionDealDetail  *detail,
                 GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Open first, soonest due first (undated last); then done, latest first. */
  stmt = traction_store_prepare (self,
                                 "SELECT n.id, n.action, coalesce (n.owner_id, 0), coalesce (f.name, ''),"
                                 " n.due_on, n.done_on"
                                 " FROM next_steps n LEFT JOIN founders f ON f.id = n.owner_id"
                                 " WHERE n.deal_id = ?1"
                                 " ORDER BY n.done_on IS NOT NULL, n.done_on DESC,"
                                 " n.due_on IS NULL, n.due_on, n.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionNextStep *step = g_new0 (TractionNextStep, 1);

      step->id = sqlite3_column_int64 (stmt, 0);
      step->account_id = detail->account_id;
      step->deal_id = detail->id;
      step->action = traction_column_text (stmt, 1);
      step->owner_id = sqlite3_column_int64 (stmt, 2);
      step->owner = traction_column_text (stmt, 3);
      traction_column_date (stmt, 4, &step->due);
      traction_column_date (stmt, 5, &step->done);
      g_ptr_array_add (detail->next_steps, step);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_checklist (TractionStore       *self,
                TractionDealDetail  *detail,
                GError             **error)
{
  const char * const *criteria = traction_stage_exit_criteria (detail->stage);
  sqlite3_stmt *stmt;
  int rc;

  detail->n_criteria = 0;
  while (criteria != NULL && criteria[detail->n_criteria] != NULL &&
         detail->n_criteria < TRACTION_DEAL_MAX_CRITERIA)
    detail->n_criteria++;

  stmt = traction_store_prepare (self,
                                 "SELECT item FROM deal_checklist WHERE deal_id = ?1 AND stage = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);
  traction_bind_text (stmt, 2, traction_stage_to_id (detail->stage));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);

      if (item >= 0 && item < detail->n_criteria)
        detail->criteria_done[item] = TRUE;
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Time in each stage: from one change to the next; the last runs to today. */
static gboolean
load_stages (TractionStore       *self,
             TractionDealDetail  *detail,
             const GDate         *today,
             GError             **error)
{
  sqlite3_stmt *stmt;
  TractionStageSpan *last = NULL;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT to_stage, substr (changed_at, 1, 10), reason FROM stage_changes"
                                 " WHERE deal_id = ?1 ORDER BY changed_at, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionStageSpan *span = g_new0 (TractionStageSpan, 1);

      if (!traction_stage_from_id ((const char *) sqlite3_column_text (stmt, 0), &span->stage))
        span->stage = TRACTION_STAGE_LEAD;
      traction_column_date (stmt, 1, &span->entered);
      span->reason = traction_column_text (stmt, 2);
      if (last != NULL && g_date_valid (&last->entered) && g_date_valid (&span->entered))
        last->days = MAX (0, traction_date_diff (&last->entered, &span->entered));
      g_ptr_array_add (detail->stages, span);
      last = span;
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_size (detail->stages, 0);
      return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
    }
  sqlite3_reset (stmt);

  /* A deal with no recorded history has been in its stage since creation. */
  if (last == NULL)
    {
      last = g_new0 (TractionStageSpan, 1);
      last->stage = detail->stage;
      last->entered = detail->created;
      last->reason = g_strdup ("");
      g_ptr_array_add (detail->stages, last);
    }

  last->current = TRUE;
  if (g_date_valid (&last->entered))
    last->days = MAX (0, traction_date_diff (&last->entered, today));
  detail->stage_entered = last->entered;
  detail->days_in_stage = last->days;
  return TRUE;
}

static gboolean
load_qualifications (TractionStore       *self,
                     TractionDealDetail  *detail,
                     GError             **error)
{
  TractionRules rules;
  sqlite3_stmt *stmt;
  int rc;

  traction_store_get_rules (self, &rules);

  stmt = traction_store_prepare (self,
                                 "SELECT q.id, substr (q.scored_at, 1, 10), q.budget, q.authority, q.need,"
                                 " q.timeline, coalesce (f.name, '')"
                                 " FROM qualifications q LEFT JOIN founders f ON f.id = q.qualified_by_id"
                                 " WHERE q.deal_id = ?1 ORDER BY q.scored_at DESC, q.id DESC",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionQualificationEntry *entry = g_new0 (TractionQualificationEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      traction_column_date (stmt, 1, &entry->date);
      entry->bant.budget = sqlite3_column_int (stmt, 2);
      entry->bant.authority = sqlite3_column_int (stmt, 3);
      entry->bant.need = sqlite3_column_int (stmt, 4);
      entry->bant.timeline = sqlite3_column_int (stmt, 5);
      entry->by = traction_column_text (stmt, 6);
      if (!traction_bant_total (&entry->bant, &entry->total, NULL))
        entry->total = 0;
      entry->band = traction_bant_band (entry->total, &rules);
      g_ptr_array_add (detail->qualifications, entry);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

TractionDealDetail *
traction_store_load_deal (TractionStore  *self,
                          gint64          deal_id,
                          const GDate    *today,
                          GError        **error)
{
  g_autoptr(TractionDealDetail) detail = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  detail = g_new0 (TractionDealDetail, 1);
  detail->id = deal_id;
  detail->stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_stakeholder_free);
  detail->touchpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_touchpoint_free);
  detail->next_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_next_step_free);
  detail->stages = g_ptr_array_new_with_free_func (stage_span_free);
  detail->qualifications = g_ptr_array_new_with_free_func (qualification_entry_free);
  g_date_clear (&detail->expected_close, 1);
  g_date_clear (&detail->created, 1);
  g_date_clear (&detail->closed, 1);
  g_date_clear (&detail->paused_until, 1);
  g_date_clear (&detail->stage_entered, 1);

  if (!load_main (self, detail, today, error) ||
      !load_stakeholders (self, detail, error) ||
      !load_touchpoints (self, detail, error) ||
      !load_next_steps (self, detail, error) ||
      !load_checklist (self, detail, error) ||
      !load_stages (self, detail, today, error) ||
      !load_qualifications (self, detail, error))
    return NULL;

  return g_steal_pointer (&detail);
}

/* Deal fields */

gboolean
traction_store_update_deal (TractionStore             *self,
                            gint64                     deal_id,
                            const TractionDealFields  *fields,
                            TractionDealFields        *old_out,
                            GError                   **error)
{
  g_autoptr(TractionDealDetail) old = NULL;
  g_autofree char *name = NULL;
  g_autofree char *introduced_by = NULL;
  sqlite3_stmt *stmt;
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (traction_text_is_blank (fields->name))
    return traction_store_invalid (error, _("The deal needs a name."));
  if (fields->arr_cents < 0)
    return traction_store_invalid (error, _("The ARR cannot be negative."));
  if ((guint) fields->source >= TRACTION_N_SOURCES)
    return traction_store_invalid (error, _("Choose where the deal came from."));
  if (fields->source == TRACTION_SOURCE_WARM_INTRO && traction_text_is_blank (fields->introduced_by))
    return traction_store_invalid (error, _("Say who made the warm introduction."));
  if (fields->owner_id != 0)
    {
      gboolean exists = FALSE;

      if (!founder_exists (self, fields->owner_id, &exists, error))
        return FALSE;
      if (!exists)
        return traction_store_invalid (error, _("That founder no longer exists; choose another owner."));
    }

  name = g_strstrip (g_strdup (fields->name));
  introduced_by = g_strstrip (g_strdup (fields->introduced_by != NULL ? fields->introduced_by : ""));

  if (old_out != NULL)
    {
      traction_date_today (&today);
      old = traction_store_load_deal (self, deal_id, &today, error);
      if (old == NULL)
        return FALSE;
    }

  stmt = traction_store_prepare (self,
                                 "UPDATE deals SET name = ?2, arr_cents = ?3, owner_id = ?4,"
                                 " expected_close = ?5, source = ?6, introduced_by = ?7, notes = ?8"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, fields->arr_cents);
  if (fields->owner_id != 0)
    sqlite3_bind_int64 (stmt, 4, fields->owner_id);
  else
    sqlite3_bind_null (stmt, 4);
  traction_bind_date (stmt, 5, &fields->expected_close);
  traction_bind_text (stmt, 6, traction_source_to_id (fields->source));
  traction_bind_text (stmt, 7, introduced_by);
  traction_bind_text (stmt, 8, fields->notes != NULL ? fields->notes : "");

  if (!write_one (self, stmt, _("This deal no longer exists."), error))
    return FALSE;

  if (old_out != NULL)
    traction_deal_fields_from_detail (old_out, old);
  return TRUE;
}

/* Touchpoints */

gboolean
traction_store_add_touchpoint (TractionStore           *self,
                               gint64                   deal_id,
                               TractionTouchpointKind   kind,
                               const GDate             *date,
                               const char              *summary,
                               gint64                   contact_id,
                               gint64                  *id_out,
                               GError                 **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) kind >= TRACTION_N_TOUCHPOINT_KINDS)
    return traction_store_invalid (error, _("Choose a call, meeting, email or note."));
  if (date == NULL || !g_date_valid (date))
    return traction_store_invalid (error, _("Give the day it happened."));
  text = g_strstrip (g_strdup (summary != NULL ? summary : ""));
  if (kind == TRACTION_TOUCHPOINT_NOTE && text[0] == '\0')
    return traction_store_invalid (error, _("A note needs some text."));

  if (!deal_account (self, deal_id, &account_id, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO touchpoints (account_id, deal_id, contact_id, kind, happened_on, summary)"
                                 " VALUES (?1, ?2, (SELECT id FROM contacts WHERE id = ?3 AND account_id = ?1), ?4, ?5, ?6)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int64 (stmt, 3, contact_id);
  traction_bind_text (stmt, 4, traction_touchpoint_kind_to_id (kind));
  traction_bind_date (stmt, 5, date);
  traction_bind_text (stmt, 6, text);

  if (!write_one (self, stmt, _("This deal no longer exists."), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return TRUE;
}

static TractionTouchpoint *
load_touchpoint (TractionStore  *self,
                 gint64          touchpoint_id,
                 GError        **error)
{
  g_autoptr(TractionTouchpoint) touchpoint = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT t.account_id, coalesce (t.deal_id, 0), t.kind, t.happened_on, t.summary,"
                                 " coalesce (t.contact_id, 0), coalesce (c.name, '')"
                                 " FROM touchpoints t LEFT JOIN contacts c ON c.id = t.contact_id"
                                 " WHERE t.id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, touchpoint_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      traction_store_not_found (error, _("This touchpoint no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
      return NULL;
    }

  touchpoint = g_new0 (TractionTouchpoint, 1);
  touchpoint->id = touchpoint_id;
  touchpoint->account_id = sqlite3_column_int64 (stmt, 0);
  touchpoint->deal_id = sqlite3_column_int64 (stmt, 1);
  if (!traction_touchpoint_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &touchpoint->kind))
    touchpoint->kind = TRACTION_TOUCHPOINT_NOTE;
  traction_column_date (stmt, 3, &touchpoint->date);
  touchpoint->summary = traction_column_text (stmt, 4);
  touchpoint->contact_id = sqlite3_column_int64 (stmt, 5);
  touchpoint->contact = traction_column_text (stmt, 6);
  sqlite3_reset (stmt);

  return g_steal_pointer (&touchpoint);
}

gboolean
traction_store_delete_touchpoint (TractionStore        *self,
                                  gint64                touchpoint_id,
                                  TractionTouchpoint  **removed_out,
                                  GError              **error)
{
  g_autoptr(TractionTouchpoint) removed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  removed = load_touchpoint (self, touchpoint_id, error);
  if (removed == NULL)
    return FALSE;

  stmt = traction_store_prepare (self, "DELETE FROM touchpoints WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, touchpoint_id);
  if (!write_one (self, stmt, _("This touchpoint no longer exists."), error))
    return FALSE;

  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

gboolean
traction_store_restore_touchpoint (TractionStore            *self,
                                   const TractionTouchpoint *touchpoint,
                                   GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (touchpoint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "INSERT INTO touchpoints (id, account_id, deal_id, contact_id, kind, happened_on, summary)"
                                 " VALUES (?1, ?2, nullif (?3, 0),"
                                 " (SELECT id FROM contacts WHERE id = ?4), ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, touchpoint->id);
  sqlite3_bind_int64 (stmt, 2, touchpoint->account_id);
  sqlite3_bind_int64 (stmt, 3, touchpoint->deal_id);
  sqlite3_bind_int64 (stmt, 4, touchpoint->contact_id);
  traction_bind_text (stmt, 5, traction_touchpoint_kind_to_id (touchpoint->kind));
  traction_bind_date (stmt, 6, &touchpoint->date);
  traction_bind_text (stmt, 7, touchpoint->summary != NULL ? touchpoint->summary : "");

  return write_one (self, stmt, _("This touchpoint could not be put back."), error);
}

/* Next steps */

static gboolean
check_next_step (TractionStore  *self,
                 const char     *action,
                 gint64          owner_id,
                 GError        **error)
{
  if (traction_text_is_blank (action))
    return traction_store_invalid (error, _("Say what the next step is."));
  if (owner_id != 0)
    {
      gboolean exists = FALSE;

      if (!founder_exists (self, owner_id, &exists, error))
        return FALSE;
      if (!exists)
        return traction_store_invalid (error, _("That founder no longer exists; choose another owner."));
    }
  return TRUE;
}

gboolean
traction_store_add_next_step (TractionStore  *self,
                              gint64          deal_id,
                              const char     *action,
                              gint64          owner_id,
                              const GDate    *due,
                              gint64         *id_out,
                              GError        **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_next_step (self, action, owner_id, error))
    return FALSE;
  if (!deal_account (self, deal_id, &account_id, error))
    return FALSE;
  text = g_strstrip (g_strdup (action));

  stmt = traction_store_prepare (self,
                                 "INSERT INTO next_steps (account_id, deal_id, action, owner_id, due_on)"
                                 " VALUES (?1, ?2, ?3, nullif (?4, 0), ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  traction_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, owner_id);
  traction_bind_date (stmt, 5, due);

  if (!write_one (self, stmt, _("This deal no longer exists."), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return TRUE;
}

gboolean
traction_store_update_next_step (TractionStore  *self,
                                 gint64          step_id,
                                 const char     *action,
                                 gint64          owner_id,
                                 const GDate    *due,
                                 GError        **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_next_step (self, action, owner_id, error))
    return FALSE;
  text = g_strstrip (g_strdup (action));

  stmt = traction_store_prepare (self,
                                 "UPDATE next_steps SET action = ?2, owner_id = nullif (?3, 0), due_on = ?4"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  traction_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, owner_id);
  traction_bind_date (stmt, 4, due);

  return write_one (self, stmt, _("This next step no longer exists."), error);
}

gboolean
traction_store_set_next_step_done (TractionStore *self,
                                   gint64         step_id,
                                   gboolean       done,
                                   const GDate   *today,
                                   GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (!done || (today != NULL && g_date_valid (today)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self, "UPDATE next_steps SET done_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  traction_bind_date (stmt, 2, done ? today : NULL);

  return write_one (self, stmt, _("This next step no longer exists."), error);
}

gboolean
traction_store_delete_next_step (TractionStore     *self,
                                 gint64             step_id,
                                 TractionNextStep **removed_out,
                                 GError           **error)
{
  g_autoptr(TractionNextStep) removed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "SELECT n.account_id, coalesce (n.deal_id, 0), n.action,"
                                 " coalesce (n.owner_id, 0), coalesce (f.name, ''), n.due_on, n.done_on"
                                 " FROM next_steps n LEFT JOIN founders f ON f.id = n.owner_id"
                                 " WHERE n.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return traction_store_not_found (error, _("This next step no longer exists."));
    }
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);

  removed = g_new0 (TractionNextStep, 1);
  removed->id = step_id;
  removed->account_id = sqlite3_column_int64 (stmt, 0);
  removed->deal_id = sqlite3_column_int64 (stmt, 1);
  removed->action = traction_column_text (stmt, 2);
  removed->owner_id = sqlite3_column_int64 (stmt, 3);
  removed->owner = traction_column_text (stmt, 4);
  traction_column_date (stmt, 5, &removed->due);
  traction_column_date (stmt, 6, &removed->done);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (self, "DELETE FROM next_steps WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (!write_one (self, stmt, _("This next step no longer exists."), error))
    return FALSE;

  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

gboolean
traction_store_restore_next_step (TractionStore          *self,
                                  const TractionNextStep *step,
                                  GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "INSERT INTO next_steps (id, account_id, deal_id, action, owner_id, due_on, done_on)"
                                 " VALUES (?1, ?2, nullif (?3, 0), ?4,"
                                 " (SELECT id FROM founders WHERE id = ?5), ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->id);
  sqlite3_bind_int64 (stmt, 2, step->account_id);
  sqlite3_bind_int64 (stmt, 3, step->deal_id);
  traction_bind_text (stmt, 4, step->action);
  sqlite3_bind_int64 (stmt, 5, step->owner_id);
  traction_bind_date (stmt, 6, &step->due);
  traction_bind_date (stmt, 7, &step->done);

  return write_one (self, stmt, _("This next step could not be put back."), error);
}

/* Exit criteria */

gboolean
traction_store_set_checklist_item (TractionStore *self,
                                   gint64         deal_id,
                                   TractionStage  stage,
                                   guint          item,
                                   gboolean       done,
                                   const GDate   *today,
                                   GError       **error)
{
  const char * const *criteria;
  sqlite3_stmt *stmt;
  gint64 account_id = 0;
  guint n = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  criteria = traction_stage_exit_criteria (stage);
  while (criteria != NULL && criteria[n] != NULL)
    n++;
  if (item >= n)
    return traction_store_invalid (error, _("This stage has no such exit criterion."));
  if (!deal_account (self, deal_id, &account_id, error))
    return FALSE;

  if (done)
    stmt = traction_store_prepare (self,
                                   "INSERT INTO deal_checklist (deal_id, stage, item, done_on)"
                                   " VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (deal_id, stage, item) DO NOTHING",
                                   error);
  else
    stmt = traction_store_prepare (self,
                                   "DELETE FROM deal_checklist WHERE deal_id = ?1 AND stage = ?2 AND item = ?3",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, traction_stage_to_id (stage));
  sqlite3_bind_int64 (stmt, 3, item);
  if (done)
    traction_bind_date (stmt, 4, today);

  if (!traction_store_begin (self, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  return traction_store_commit_single (self, stmt, _("Could not save the deal"), FALSE, error);
}

/* Stakeholders */

static gboolean
check_stakeholder (const char           *name,
                   const char           *email,
                   TractionContactRole   role,
                   GError              **error)
{
  if (traction_text_is_blank (name))
    return traction_store_invalid (error, _("A stakeholder needs a name."));
  if ((guint) role >= TRACTION_N_ROLES)
    return traction_store_invalid (error, _("Choose the part this person plays in the deal."));
  if (!traction_text_is_blank (email) && strchr (email, '@') == NULL)
    return traction_store_invalid (error, _("That email address has no “@”."));
  return TRUE;
}

static void
bind_stakeholder (sqlite3_stmt        *stmt,
                  int                  first,
                  const char          *name,
                  const char          *title,
                  const char          *email,
                  TractionContactRole  role)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name));
  g_autofree char *clean_title = g_strstrip (g_strdup (title != NULL ? title : ""));
  g_autofree char *clean_email = g_strstrip (g_strdup (email != NULL ? email : ""));

  traction_bind_text (stmt, first, clean_name);
  traction_bind_text (stmt, first + 1, clean_title);
  traction_bind_text (stmt, first + 2, clean_email);
  traction_bind_text (stmt, first + 3, traction_contact_role_to_id (role));
}

gboolean
traction_store_add_stakeholder (TractionStore        *self,
                                gint64                deal_id,
                                const char           *name,
                                const char           *title,
                                const char           *email,
                                TractionContactRole   role,
                                gint64               *id_out,
                                GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 account_id = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stakeholder (name, email, role, error))
    return FALSE;
  if (!deal_account (self, deal_id, &account_id, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO contacts (account_id, name, title, email, role)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_stakeholder (stmt, 2, name, title, email, role);

  if (!write_one (self, stmt, _("This deal no longer exists."), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return TRUE;
}

gboolean
traction_store_update_stakeholder (TractionStore        *self,
                                   gint64                contact_id,
                                   const char           *name,
                                   const char           *title,
                                   const char           *email,
                                   TractionContactRole   role,
                                   GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stakeholder (name, email, role, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "UPDATE contacts SET name = ?2, title = ?3, email = ?4, role = ?5"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  bind_stakeholder (stmt, 2, name, title, email, role);

  return write_one (self, stmt, _("This stakeholder no longer exists."), error);
}

gboolean
traction_store_delete_stakeholder (TractionStore        *self,
                                   gint64                contact_id,
                                   TractionStakeholder **removed_out,
                                   GError              **error)
{
  g_autoptr(TractionStakeholder) removed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "SELECT account_id, name, title, email, role FROM contacts WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return traction_store_not_found (error, _("This stakeholder no longer exists."));
    }
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);

  removed = g_new0 (TractionStakeholder, 1);
  removed->id = contact_id;
  removed->account_id = sqlite3_column_int64 (stmt, 0);
  removed->name = traction_column_text (stmt, 1);
  removed->title = traction_column_text (stmt, 2);
  removed->email = traction_column_text (stmt, 3);
  if (!traction_contact_role_from_id ((const char *) sqlite3_column_text (stmt, 4), &removed->role))
    removed->role = TRACTION_ROLE_NONE;
  sqlite3_reset (stmt);

  /* The touchpoints that name them lose the link (ON DELETE SET NULL):
   * remember them so that an undo links them again. */
  removed->touchpoint_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = traction_store_prepare (self, "SELECT id FROM touchpoints WHERE contact_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (removed->touchpoint_ids, id);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deal"), error);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (self, "DELETE FROM contacts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!write_one (self, stmt, _("This stakeholder no longer exists."), error))
    return FALSE;

  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

gboolean
traction_store_restore_stakeholder (TractionStore             *self,
                                    const TractionStakeholder *stakeholder,
                                    GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (stakeholder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO contacts (id, account_id, name, title, email, role)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, stakeholder->id);
  sqlite3_bind_int64 (stmt, 2, stakeholder->account_id);
  traction_bind_text (stmt, 3, stakeholder->name);
  traction_bind_text (stmt, 4, stakeholder->title != NULL ? stakeholder->title : "");
  traction_bind_text (stmt, 5, stakeholder->email != NULL ? stakeholder->email : "");
  traction_bind_text (stmt, 6, traction_contact_role_to_id (stakeholder->role));
  if (!traction_store_step_done (self, stmt, _("Could not save the deal"), error))
    goto fail;

  for (guint i = 0; stakeholder->touchpoint_ids != NULL && i < stakeholder->touchpoint_ids->len; i++)
    {
      stmt = traction_store_prepare (self,
                                     "UPDATE touchpoints SET contact_id = ?2 WHERE id = ?1 AND contact_id IS NULL",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, g_array_index (stakeholder->touchpoint_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, stakeholder->id);
      if (!traction_store_step_done (self, stmt, _("Could not save the deal"), error))
        goto fail;
    }

  return traction_store_commit (self, error);

fail:
  traction_store_rollback (self);
  return FALSE;
}

/* Pausing */

gboolean
traction_store_pause_deal (TractionStore  *self,
                           gint64          deal_id,
                           const char     *reason,
                           const GDate    *until,
                           const GDate    *today,
                           GError        **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (traction_text_is_blank (reason))
    return traction_store_invalid (error, _("Say why the deal is paused."));
  if (until != NULL && g_date_valid (until) && g_date_compare (until, today) <= 0)
    return traction_store_invalid (error, _("The resume date must be after today."));
  text = g_strstrip (g_strdup (reason));

  stmt = traction_store_prepare (self,
                                 "UPDATE deals SET paused_reason = ?2, paused_until = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, text);
  traction_bind_date (stmt, 3, until);

  return write_one (self, stmt, _("This deal no longer exists."), error);
}

gboolean
traction_store_resume_deal (TractionStore  *self,
                            gint64          deal_id,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "UPDATE deals SET paused_reason = NULL, paused_until = NULL WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);

  return write_one (self, stmt, _("This deal no longer exists."), error);
}
