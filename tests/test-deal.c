/* test-deal.c: one deal in detail and the edits of the deal pane, on
 * small hand-made databases. Today is fixed at 2026-03-18.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "traction-store-deal.h"

typedef struct {
  char          *dir;
  char          *path;
  TractionStore *store;
  guint          changed;
} Fixture;

static GDate
make_date (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

static void
changed_cb (TractionStore *store,
            Fixture       *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = traction_test_make_dir ("traction-deal");
  f->path = g_build_filename (f->dir, "traction.db", NULL);
  f->store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);

  traction_test_exec (f->store,
                      "INSERT INTO founders (id, name) VALUES (1, 'Ana'), (2, 'Ben');"
                      "INSERT INTO accounts (id, name, domain, created_on) VALUES (1, 'Acme', 'acme.example', '2026-01-05');"
                      "INSERT INTO deals (id, account_id, name, stage, arr_cents, owner_id, source, introduced_by,"
                      " created_on, expected_close, notes) VALUES"
                      " (1, 1, 'Acme — Payouts', 'discovery', 4800000, 1, 'warm_intro', 'Elena', '2026-01-05',"
                      " '2026-06-30', 'Likes the sandbox');"
                      "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at, reason) VALUES"
                      " (1, NULL, 'lead', '2026-01-05T09:00:00Z', ''),"
                      " (1, 'lead', 'qualified', '2026-01-20T10:00:00Z', ''),"
                      " (1, 'qualified', 'discovery', '2026-02-25T16:30:00Z', 'Champion found');"
                      "INSERT INTO contacts (id, account_id, name, title, role) VALUES"
                      " (1, 1, 'Hannah', 'Head of Product', 'champion');"
                      "INSERT INTO touchpoints (id, account_id, deal_id, contact_id, kind, happened_on, summary) VALUES"
                      " (1, 1, 1, 1, 'call', '2026-03-01', 'First call'),"
                      " (2, 1, 1, NULL, 'email', '2026-03-10', 'Sent pricing');"
                      "INSERT INTO qualifications (deal_id, scored_at, qualified_by_id, budget, authority, need, timeline)"
                      " VALUES (1, '2026-01-20T15:00:00Z', 1, 3, 3, 4, 3), (1, '2026-02-25T15:00:00Z', 2, 4, 4, 5, 4);");
  f->changed = 0;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);

  traction_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static TractionDealDetail *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GDate today = make_date (2026, 3, 18);
  TractionDealDetail *detail = traction_store_load_deal (f->store, 1, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (detail);
  return detail;
}

/* Loading */

static void
test_deal_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TractionDealDetail) detail = load (f);
  g_autoptr(GError) error = NULL;
  GDate today = make_date (2026, 3, 18);
  TractionStageSpan *span;
  TractionQualificationEntry *entry;
  TractionTouchpoint *touchpoint;

  g_assert_cmpstr (detail->name, ==, "Acme — Payouts");
  g_assert_cmpstr (detail->company, ==, "Acme");
  g_assert_cmpstr (detail->domain, ==, "acme.example");
  g_assert_cmpint (detail->stage, ==, TRACTION_STAGE_DISCOVERY);
  g_assert_cmpint (detail->arr_cents, ==, 4800000);
  g_assert_cmpint (detail->segment, ==, TRACTION_SEGMENT_LOW_TOUCH);
  g_assert_cmpint (detail->owner_id, ==, 1);
  g_assert_cmpstr (detail->owner, ==, "Ana");
  g_assert_cmpint (detail->source, ==, TRACTION_SOURCE_WARM_INTRO);
  g_assert_cmpstr (detail->introduced_by, ==, "Elena");
  g_assert_cmpstr (detail->notes, ==, "Likes the sandbox");
  g_assert_true (g_date_valid (&detail->expected_close));
  g_assert_false (g_date_valid (&detail->closed));
  g_assert_false (detail->paused);
  g_assert_cmpstr (detail->paused_reason, ==, "");

  /* Time in stage: Jan 5 → Jan 20 (15), Jan 20 → Feb 25 (36), Feb 25 → today (21). */
  g_assert_cmpuint (detail->stages->len, ==, 3);
  span = g_ptr_array_index (detail->stages, 0);
  g_assert_cmpint (span->stage, ==, TRACTION_STAGE_LEAD);
  g_assert_cmpint (span->days, ==, 15);
  g_assert_false (span->current);
  span = g_ptr_array_index (detail->stages, 1);
  g_assert_cmpint (span->stage, ==, TRACTION_STAGE_QUALIFIED);
  g_assert_cmpint (span->days, ==, 36);
  span = g_ptr_array_index (detail->stages, 2);
  g_assert_cmpint (span->stage, ==, TRACTION_STAGE_DISCOVERY);
  g_assert_cmpint (span->days, ==, 21);
  g_assert_true (span->current);
  g_assert_cmpstr (span->reason, ==, "Champion found");
  g_assert_cmpint (detail->days_in_stage, ==, 21);

  /* Touchpoints newest first, with their contact. */
  g_assert_cmpuint (detail->touchpoints->len, ==, 2);
  touchpoint = g_ptr_array_index (detail->touchpoints, 0);
  g_assert_cmpstr (touchpoint->summary, ==, "Sent pricing");
  g_assert_cmpstr (touchpoint->contact, ==, "");
  touchpoint = g_ptr_array_index (detail->touchpoints, 1);
  g_assert_cmpint (touchpoint->kind, ==, TRACTION_TOUCHPOINT_CALL);
  g_assert_cmpstr (touchpoint->contact, ==, "Hannah");

  /* Qualification history, newest first, with total and band. */
  g_assert_cmpuint (detail->qualifications->len, ==, 2);
  entry = g_ptr_array_index (detail->qualifications, 0);
  g_assert_cmpint (entry->total, ==, 17);
  g_assert_cmpint (entry->band, ==, TRACTION_BANT_HIGH);
  g_assert_cmpstr (entry->by, ==, "Ben");
  entry = g_ptr_array_index (detail->qualifications, 1);
  g_assert_cmpint (entry->total, ==, 13);
  g_assert_cmpint (entry->band, ==, TRACTION_BANT_MEDIUM);

  g_assert_cmpuint (detail->stakeholders->len, ==, 1);
  g_assert_cmpuint (detail->n_criteria, ==, 3);

  /* An unknown deal. */
  g_assert_null (traction_store_load_deal (f->store, 99, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

/* A deal with no recorded history has been in its stage since creation. */
static void
test_deal_no_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TractionDealDetail) detail = NULL;

  traction_test_exec (f->store, "DELETE FROM stage_changes");
  detail = load (f);
  g_assert_cmpuint (detail->stages->len, ==, 1);
  g_assert_cmpint (detail->days_in_stage, ==, 72);
}

/* Touchpoints */

static void
test_deal_touchpoints (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionTouchpoint) removed = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  GDate today = make_date (2026, 3, 18);
  TractionTouchpoint *touchpoint;
  gint64 id = 0;

  g_assert_true (traction_store_add_touchpoint (f->store, 1, TRACTION_TOUCHPOINT_MEETING, &today,
                                                "  Demo with <b>the team</b>  ", 1, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->changed, ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM touchpoints WHERE deal_id = 1"), ==, 3);

  detail = load (f);
  touchpoint = g_ptr_array_index (detail->touchpoints, 0);
  g_assert_cmpint (touchpoint->id, ==, id);
  g_assert_cmpint (touchpoint->kind, ==, TRACTION_TOUCHPOINT_MEETING);
  g_assert_cmpstr (touchpoint->summary, ==, "Demo with <b>the team</b>");
  g_assert_cmpstr (touchpoint->contact, ==, "Hannah");

  /* A note needs text; a call may be logged bare. */
  g_assert_false (traction_store_add_touchpoint (f->store, 1, TRACTION_TOUCHPOINT_NOTE, &today,
                                                 "  ", 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Delete, then undo: the same row comes back. */
  g_assert_true (traction_store_delete_touchpoint (f->store, 1, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM touchpoints WHERE id = 1"), ==, 0);
  g_assert_cmpstr (removed->summary, ==, "First call");
  g_assert_cmpint (removed->contact_id, ==, 1);

  g_assert_true (traction_store_restore_touchpoint (f->store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM touchpoints WHERE id = 1 AND deal_id = 1"
                                                      " AND contact_id = 1 AND kind = 'call' AND happened_on = '2026-03-01'"
                                                      " AND summary = 'First call'"), ==, 1);

  g_assert_false (traction_store_delete_touchpoint (f->store, 99, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

/* Next steps */

static void
test_deal_next_steps (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionNextStep) removed = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  GDate today = make_date (2026, 3, 18);
  GDate due = make_date (2026, 3, 20);
  GDate later = make_date (2026, 4, 1);
  TractionNextStep *step;
  gint64 first = 0, second = 0;

  g_assert_true (traction_store_add_next_step (f->store, 1, "Send order form", 2, &later, &first, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_add_next_step (f->store, 1, "Book demo", 1, &due, &second, &error));
  g_assert_no_error (error);
  g_assert_false (traction_store_add_next_step (f->store, 1, " ", 1, &due, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Complete the later one: open first by due date, then done. */
  g_assert_true (traction_store_set_next_step_done (f->store, first, TRUE, &today, &error));
  g_assert_no_error (error);
  detail = load (f);
  g_assert_cmpuint (detail->next_steps->len, ==, 2);
  step = g_ptr_array_index (detail->next_steps, 0);
  g_assert_cmpint (step->id, ==, second);
  g_assert_cmpstr (step->owner, ==, "Ana");
  g_assert_false (g_date_valid (&step->done));
  step = g_ptr_array_index (detail->next_steps, 1);
  g_assert_cmpint (step->id, ==, first);
  g_assert_true (g_date_valid (&step->done));
  g_clear_pointer (&detail, traction_deal_detail_free);

  /* Reopen. */
  g_assert_true (traction_store_set_next_step_done (f->store, first, FALSE, &today, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM next_steps WHERE done_on IS NULL"), ==, 2);

  /* Edit. */
  g_assert_true (traction_store_update_next_step (f->store, second, "Book the demo", 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM next_steps WHERE action = 'Book the demo'"
                                                      " AND owner_id = 2 AND due_on IS NULL"), ==, 1);

  /* Delete and undo. */
  g_assert_true (traction_store_delete_next_step (f->store, first, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM next_steps"), ==, 1);
  g_assert_true (traction_store_restore_next_step (f->store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM next_steps WHERE action = 'Send order form'"
                                                      " AND owner_id = 2 AND due_on = '2026-04-01' AND account_id = 1"), ==, 1);
}

/* Exit criteria */

static void
test_deal_checklist (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  GDate today = make_date (2026, 3, 18);

  g_assert_true (traction_store_set_checklist_item (f->store, 1, TRACTION_STAGE_DISCOVERY, 1, TRUE, &today, &error));
  g_assert_no_error (error);
  /* Twice is the same as once. */
  g_assert_true (traction_store_set_checklist_item (f->store, 1, TRACTION_STAGE_DISCOVERY, 1, TRUE, &today, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deal_checklist"), ==, 1);

  detail = load (f);
  g_assert_false (detail->criteria_done[0]);
  g_assert_true (detail->criteria_done[1]);
  g_assert_false (detail->criteria_done[2]);

  g_assert_true (traction_store_set_checklist_item (f->store, 1, TRACTION_STAGE_DISCOVERY, 1, FALSE, &today, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deal_checklist"), ==, 0);

  g_assert_false (traction_store_set_checklist_item (f->store, 1, TRACTION_STAGE_DISCOVERY, 3, TRUE, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
}

/* Stakeholders */

static void
test_deal_stakeholders (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStakeholder) removed = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  const char *name = "Zoë <b>O'Brien</b> & Co 🚀";
  TractionStakeholder *person;
  g_autofree char *stored = NULL;
  gint64 id = 0;

  g_assert_true (traction_store_add_stakeholder (f->store, 1, name, "CFO & \"owner\"", "zoe@example.com",
                                                 TRACTION_ROLE_ECONOMIC_BUYER, &id, &error));
  g_assert_no_error (error);
  stored = traction_test_query_text (f->store, "SELECT name FROM contacts WHERE role = 'economic_buyer'");
  g_assert_cmpstr (stored, ==, name);

  detail = load (f);
  g_assert_cmpuint (detail->stakeholders->len, ==, 2);
  person = g_ptr_array_index (detail->stakeholders, 1);
  g_assert_cmpstr (person->name, ==, name);
  g_assert_cmpstr (person->title, ==, "CFO & \"owner\"");
  g_assert_cmpint (person->role, ==, TRACTION_ROLE_ECONOMIC_BUYER);

  g_assert_false (traction_store_add_stakeholder (f->store, 1, "", "", "", TRACTION_ROLE_NONE, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (traction_store_update_stakeholder (f->store, id, name, "CEO", "", TRACTION_ROLE_CHAMPION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM contacts WHERE title = 'CEO' AND role = 'champion'"), ==, 1);

  /* Removing Hannah unlinks her touchpoint; undo links it again. */
  g_assert_true (traction_store_delete_stakeholder (f->store, 1, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM touchpoints WHERE contact_id IS NOT NULL"), ==, 0);
  g_assert_cmpuint (removed->touchpoint_ids->len, ==, 1);
  g_assert_true (traction_store_restore_stakeholder (f->store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM touchpoints WHERE id = 1 AND contact_id = 1"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM contacts WHERE id = 1 AND name = 'Hannah'"
                                                      " AND role = 'champion'"), ==, 1);
}

/* Pausing */

static void
test_deal_pause (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  GDate today = make_date (2026, 3, 18);
  GDate past = make_date (2026, 3, 1);
  GDate until = make_date (2026, 5, 1);

  g_assert_false (traction_store_pause_deal (f->store, 1, "  ", &until, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_pause_deal (f->store, 1, "Budget freeze", &past, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Today itself is not after today. */
  g_assert_false (traction_store_pause_deal (f->store, 1, "Budget freeze", &today, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deals WHERE paused_reason IS NOT NULL"), ==, 0);
  g_assert_cmpint (f->changed, ==, 0);

  g_assert_true (traction_store_pause_deal (f->store, 1, "Budget freeze", &until, &today, &error));
  g_assert_no_error (error);
  detail = load (f);
  g_assert_true (detail->paused);
  g_assert_cmpstr (detail->paused_reason, ==, "Budget freeze");
  g_assert_true (g_date_compare (&detail->paused_until, &until) == 0);
  g_clear_pointer (&detail, traction_deal_detail_free);

  /* No resume date is allowed. */
  g_assert_true (traction_store_pause_deal (f->store, 1, "Reorganisation", NULL, &today, &error));
  g_assert_no_error (error);
  detail = load (f);
  g_assert_true (detail->paused);
  g_assert_false (g_date_valid (&detail->paused_until));
  g_clear_pointer (&detail, traction_deal_detail_free);

  g_assert_true (traction_store_resume_deal (f->store, 1, &error));
  g_assert_no_error (error);
  detail = load (f);
  g_assert_false (detail->paused);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deals WHERE paused_reason IS NULL"
                                                      " AND paused_until IS NULL"), ==, 1);
}

/* Deal fields */

static void
test_deal_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionDealDetail) detail = load (f);
  TractionDealFields fields;
  TractionDealFields old;

  traction_deal_fields_from_detail (&fields, detail);

  /* Negative ARR: rejected, nothing written. */
  fields.arr_cents = -100;
  g_assert_false (traction_store_update_deal (f->store, 1, &fields, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT arr_cents FROM deals WHERE id = 1"), ==, 4800000);
  g_assert_cmpint (f->changed, ==, 0);

  /* A warm introduction says who. */
  fields.arr_cents = 6000050;
  g_free (fields.introduced_by);
  fields.introduced_by = g_strdup (" ");
  g_assert_false (traction_store_update_deal (f->store, 1, &fields, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  fields.source = TRACTION_SOURCE_CONFERENCE;
  fields.owner_id = 2;
  g_date_clear (&fields.expected_close, 1);
  g_free (fields.name);
  fields.name = g_strdup ("Acme — Payouts & FX");
  g_assert_true (traction_store_update_deal (f->store, 1, &fields, &old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->changed, ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deals WHERE arr_cents = 6000050 AND owner_id = 2"
                                                      " AND source = 'conference' AND expected_close IS NULL"
                                                      " AND name = 'Acme — Payouts & FX'"), ==, 1);
  /* What an undo needs. */
  g_assert_cmpint (old.arr_cents, ==, 4800000);
  g_assert_cmpstr (old.name, ==, "Acme — Payouts");

  /* Unknown owner. */
  fields.owner_id = 42;
  g_assert_false (traction_store_update_deal (f->store, 1, &fields, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);

  traction_deal_fields_clear (&fields);
  traction_deal_fields_clear (&old);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/deal/load", test_deal_load);
  ADD ("/deal/no-history", test_deal_no_history);
  ADD ("/deal/touchpoints", test_deal_touchpoints);
  ADD ("/deal/next-steps", test_deal_next_steps);
  ADD ("/deal/checklist", test_deal_checklist);
  ADD ("/deal/stakeholders", test_deal_stakeholders);
  ADD ("/deal/pause", test_deal_pause);
  ADD ("/deal/fields", test_deal_fields);

#undef ADD

  return g_test_run ();
}
