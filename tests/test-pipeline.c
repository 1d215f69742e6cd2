/* test-pipeline.c: the stage move rules, moves with their history and
 * undo, new deals and the board's load, on small hand-made databases.
 *
 * Today is fixed at 2026-03-18 (TRACTION_TODAY).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "traction-store-deals.h"

typedef struct {
  char          *dir;
  char          *path;
  TractionStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = traction_test_make_dir ("traction-pipeline");
  f->path = g_build_filename (f->dir, "traction.db", NULL);
  f->store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
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

/* One account, one founder and deals in several stages. Deal 1 (Lead,
 * BANT 14), deal 2 (Lead, never scored), deal 3 (Discovery, BANT 9 then
 * 15), deal 4 (Proposal, BANT 16). */
static void
seed_deals (Fixture *f)
{
  traction_test_exec (f->store,
                      "INSERT INTO founders (id, name) VALUES (1, 'Ana');"
                      "INSERT INTO accounts (id, name, icp_tier, created_on) VALUES (1, 'Acme', 2, '2026-01-01');"
                      "INSERT INTO contacts (account_id, name) VALUES (1, 'Rosa Díaz'), (1, 'Tom Wu');"
                      "INSERT INTO deals (id, account_id, name, stage, arr_cents, owner_id, created_on) VALUES"
                      " (1, 1, 'Acme Payouts', 'lead', 4800000, 1, '2026-02-01'),"
                      " (2, 1, 'Acme Cards', 'lead', 1200000, NULL, '2026-03-01'),"
                      " (3, 1, 'Acme FX', 'discovery', 3000000, 1, '2026-01-10'),"
                      " (4, 1, 'Acme Ledger', 'proposal', 9000000, 1, '2026-01-05');"
                      "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at) VALUES"
                      " (1, NULL, 'lead', '2026-02-01T09:00:00Z'),"
                      " (2, NULL, 'lead', '2026-03-01T09:00:00Z'),"
                      " (3, NULL, 'lead', '2026-01-10T09:00:00Z'),"
                      " (3, 'lead', 'qualified', '2026-02-01T09:00:00Z'),"
                      " (3, 'qualified', 'discovery', '2026-03-08T10:00:00Z'),"
                      " (4, NULL, 'lead', '2026-01-05T09:00:00Z'),"
                      " (4, 'lead', 'proposal', '2026-02-10T09:00:00Z');"
                      "INSERT INTO qualifications (deal_id, scored_at, budget, authority, need, timeline) VALUES"
                      " (1, '2026-02-10T10:00:00Z', 4, 3, 4, 3),"
                      " (3, '2026-01-20T10:00:00Z', 2, 2, 3, 2),"
                      " (3, '2026-02-20T10:00:00Z', 4, 4, 4, 3),"
                      " (4, '2026-02-01T10:00:00Z', 4, 4, 4, 4);");
}

/* Rules */

static void
test_move_check (void)
{
  TractionRules rules;

  traction_rules_init_defaults (&rules);

  /* Same stage: nothing to do, nothing else said. */
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_LEAD, FALSE, -1, &rules),
                   ==, TRACTION_MOVE_SAME);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LOST, TRACTION_STAGE_LOST, TRUE, 20, &rules),
                   ==, TRACTION_MOVE_SAME);

  /* Forward with BANT >= 12: fine; at 11 or never scored: a warning. */
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_QUALIFIED, TRUE, 12, &rules),
                   ==, TRACTION_MOVE_OK);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_QUALIFIED, TRUE, 11, &rules),
                   ==, TRACTION_MOVE_BANT_LOW);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_QUALIFIED, FALSE, 20, &rules),
                   ==, TRACTION_MOVE_BANT_LOW);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_NEGOTIATION, FALSE, -1, &rules),
                   ==, TRACTION_MOVE_BANT_LOW);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_NEGOTIATION, TRACTION_STAGE_WON, TRUE, 8, &rules),
                   ==, TRACTION_MOVE_BANT_LOW);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_PROPOSAL, TRACTION_STAGE_NEGOTIATION, TRUE, 16, &rules),
                   ==, TRACTION_MOVE_OK);
  /* The threshold follows the rules. */
  rules.bant_medium = 10;
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_QUALIFIED, TRUE, 11, &rules),
                   ==, TRACTION_MOVE_OK);
  rules.bant_medium = 12;

  /* Lead to Lead-level stages never needs BANT: Lost needs a reason only. */
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LEAD, TRACTION_STAGE_LOST, FALSE, -1, &rules),
                   ==, TRACTION_MOVE_NEEDS_LOSS_REASON);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_PROPOSAL, TRACTION_STAGE_LOST, TRUE, 18, &rules),
                   ==, TRACTION_MOVE_NEEDS_LOSS_REASON);

  /* Backwards between open stages: a reason, no BANT warning. */
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_PROPOSAL, TRACTION_STAGE_DISCOVERY, FALSE, -1, &rules),
                   ==, TRACTION_MOVE_BACKWARDS);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_QUALIFIED, TRACTION_STAGE_LEAD, TRUE, 4, &rules),
                   ==, TRACTION_MOVE_BACKWARDS);

  /* Reopening Won or Lost is backwards; Won to Lost also needs a loss reason. */
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LOST, TRACTION_STAGE_DISCOVERY, TRUE, 15, &rules),
                   ==, TRACTION_MOVE_BACKWARDS);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_WON, TRACTION_STAGE_NEGOTIATION, FALSE, -1, &rules),
                   ==, TRACTION_MOVE_BACKWARDS);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_WON, TRACTION_STAGE_LOST, TRUE, 15, &rules),
                   ==, TRACTION_MOVE_BACKWARDS | TRACTION_MOVE_NEEDS_LOSS_REASON);
  g_assert_cmpint (traction_stage_move_check (TRACTION_STAGE_LOST, TRACTION_STAGE_WON, TRUE, 15, &rules),
                   ==, TRACTION_MOVE_BACKWARDS);

  g_assert_true (traction_move_check_needs_reason (TRACTION_MOVE_BACKWARDS));
  g_assert_true (traction_move_check_needs_reason (TRACTION_MOVE_BANT_LOW));
  g_assert_false (traction_move_check_needs_reason (TRACTION_MOVE_NEEDS_LOSS_REASON));
  g_assert_false (traction_move_check_needs_reason (TRACTION_MOVE_OK));
}

/* Moves */

static void
test_move_forward_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_at = NULL;
  gint64 change_id = 0;
  gint64 n_before;

  seed_deals (f);
  n_before = traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes");

  /* BANT 14: no reason needed. */
  g_assert_true (traction_store_move_deal (f->store, 1, TRACTION_STAGE_QUALIFIED, NULL, 0, &change_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change_id, >, 0);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'qualified' FROM deals WHERE id = 1"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes"), ==, n_before + 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes WHERE deal_id = 1"
                                                      " AND from_stage = 'lead' AND to_stage = 'qualified'"), ==, 1);
  changed_at = traction_test_query_text (f->store, "SELECT changed_at FROM stage_changes ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (changed_at, "2026-03-18T"));

  /* Same stage again: refused. */
  g_assert_false (traction_store_move_deal (f->store, 1, TRACTION_STAGE_QUALIFIED, NULL, 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown deal. */
  g_assert_false (traction_store_move_deal (f->store, 99, TRACTION_STAGE_QUALIFIED, NULL, 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: back to Lead and the history row is gone. */
  g_assert_true (traction_store_undo_move (f->store, change_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'lead' FROM deals WHERE id = 1"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes"), ==, n_before);

  /* Undone twice: not found. */
  g_assert_false (traction_store_undo_move (f->store, change_id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the latest move of a deal can be undone. */
  {
    gint64 first = 0, second = 0;

    g_assert_true (traction_store_move_deal (f->store, 4, TRACTION_STAGE_NEGOTIATION, NULL, 0, &first, &error));
    g_assert_true (traction_store_move_deal (f->store, 4, TRACTION_STAGE_WON, NULL, 0, &second, &error));
    g_assert_no_error (error);
    g_assert_cmpint (traction_test_query_int (f->store, "SELECT closed_on = '2026-03-18' FROM deals WHERE id = 4"), ==, 1);
    g_assert_false (traction_store_undo_move (f->store, first, &error));
    g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (traction_store_undo_move (f->store, second, &error));
    g_assert_no_error (error);
    g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'negotiation' AND closed_on IS NULL FROM deals WHERE id = 4"), ==, 1);
  }
}

static void
test_move_reasons (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 change_id = 0;
  gint64 n_before;

  seed_deals (f);
  n_before = traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes");

  /* Never scored: the BANT override needs a reason, and nothing is written without it. */
  g_assert_false (traction_store_move_deal (f->store, 2, TRACTION_STAGE_QUALIFIED, "   ", 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'lead' FROM deals WHERE id = 2"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes"), ==, n_before);

  g_assert_true (traction_store_move_deal (f->store, 2, TRACTION_STAGE_QUALIFIED, " CFO asked for a pilot ", 0,
                                           &change_id, &error));
  g_assert_no_error (error);
  reason = traction_test_query_text (f->store, "SELECT reason FROM stage_changes ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (reason, ==, "CFO asked for a pilot");

  /* Backwards needs a reason. */
  g_assert_false (traction_store_move_deal (f->store, 3, TRACTION_STAGE_QUALIFIED, NULL, 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_move_deal (f->store, 3, TRACTION_STAGE_QUALIFIED, "Champion left", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes WHERE deal_id = 3"
                                                      " AND from_stage = 'discovery' AND to_stage = 'qualified'"
                                                      " AND reason = 'Champion left'"), ==, 1);
}

static void
test_move_lost_and_reopen (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 lost_change = 0;
  gint64 reopen_change = 0;
  gint64 reason_id;

  seed_deals (f);
  reason_id = traction_test_query_int (f->store, "SELECT id FROM loss_reasons ORDER BY position, id LIMIT 1");
  g_assert_cmpint (reason_id, >, 0);

  /* Lost needs a loss reason that exists. */
  g_assert_false (traction_store_move_deal (f->store, 3, TRACTION_STAGE_LOST, NULL, 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_move_deal (f->store, 3, TRACTION_STAGE_LOST, NULL, 9999, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'discovery' FROM deals WHERE id = 3"), ==, 1);

  g_assert_true (traction_store_move_deal (f->store, 3, TRACTION_STAGE_LOST, NULL, reason_id, &lost_change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'lost' AND closed_on = '2026-03-18' FROM deals WHERE id = 3"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT loss_reason_id FROM deals WHERE id = 3"), ==, reason_id);

  /* Reopening needs a reason and clears the close. */
  g_assert_false (traction_store_move_deal (f->store, 3, TRACTION_STAGE_DISCOVERY, "", 0, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_move_deal (f->store, 3, TRACTION_STAGE_DISCOVERY, "New budget next year", 0,
                                           &reopen_change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'discovery' AND closed_on IS NULL AND loss_reason_id IS NULL"
                                                      " FROM deals WHERE id = 3"), ==, 1);

  /* Undo the reopen: Lost again with the same reason and date. */
  g_assert_true (traction_store_undo_move (f->store, reopen_change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'lost' AND closed_on = '2026-03-18' FROM deals WHERE id = 3"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT loss_reason_id FROM deals WHERE id = 3"), ==, reason_id);

  /* Undo the loss: Discovery, open again. */
  g_assert_true (traction_store_undo_move (f->store, lost_change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'discovery' AND closed_on IS NULL AND loss_reason_id IS NULL"
                                                      " FROM deals WHERE id = 3"), ==, 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes WHERE deal_id = 3"), ==, 3);
}

/* An earlier session's reopen of a Won deal: the closed date comes back
 * from the history (the store has no memory of it). */
static void
test_undo_from_history (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 change_id;

  seed_deals (f);
  traction_test_exec (f->store,
                      "INSERT INTO deals (id, account_id, name, stage, created_on) VALUES"
                      " (5, 1, 'Acme Reopened', 'negotiation', '2026-01-01');"
                      "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at, reason) VALUES"
                      " (5, NULL, 'lead', '2026-01-01T09:00:00Z', ''),"
                      " (5, 'negotiation', 'won', '2026-02-14T09:00:00Z', ''),"
                      " (5, 'won', 'negotiation', '2026-03-01T09:00:00Z', 'Contract not signed after all');");
  change_id = traction_test_query_int (f->store, "SELECT max (id) FROM stage_changes");

  g_assert_true (traction_store_undo_move (f->store, change_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT stage = 'won' AND closed_on = '2026-02-14' FROM deals WHERE id = 5"), ==, 1);

  /* The creation row is not a move. */
  change_id = traction_test_query_int (f->store, "SELECT id FROM stage_changes WHERE deal_id = 2");
  g_assert_false (traction_store_undo_move (f->store, change_id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
}

/* New deals */

static void
test_create_deal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  TractionNewDeal deal = { 0 };
  gint64 id = 0;
  gint64 accounts;

  seed_deals (f);
  accounts = traction_test_query_int (f->store, "SELECT count(*) FROM accounts");

  deal.company = "Globex";
  deal.name = "Globex Treasury";
  deal.arr_cents = 2500000;
  deal.owner_id = 1;
  deal.source = TRACTION_SOURCE_WARM_INTRO;
  g_date_clear (&deal.expected_close, 1);

  /* Warm introduction: who introduced is required; nothing is written. */
  g_assert_false (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  deal.introduced_by = "  ";
  g_assert_false (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM accounts"), ==, accounts);

  deal.introduced_by = "Maria at Initech";
  g_date_set_dmy (&deal.expected_close, 30, 6, 2026);
  g_assert_true (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM accounts"), ==, accounts + 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id"
                                                      " WHERE a.name = 'Globex' AND d.name = 'Globex Treasury' AND d.stage = 'lead'"
                                                      " AND d.arr_cents = 2500000 AND d.owner_id = 1 AND d.source = 'warm_intro'"
                                                      " AND d.created_on = '2026-03-18' AND d.expected_close = '2026-06-30'"), ==, 1);
  intro = traction_test_query_text (f->store, "SELECT introduced_by FROM deals WHERE name = 'Globex Treasury'");
  g_assert_cmpstr (intro, ==, "Maria at Initech");
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM stage_changes WHERE deal_id = (SELECT max (id) FROM deals)"
                                                      " AND from_stage IS NULL AND to_stage = 'lead'"), ==, 1);

  /* An existing company; other sources keep no introducer; a name is required. */
  memset (&deal, 0, sizeof deal);
  g_date_clear (&deal.expected_close, 1);
  deal.account_id = 1;
  deal.name = "";
  deal.source = TRACTION_SOURCE_INBOUND;
  deal.introduced_by = "Nobody";
  g_assert_false (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  deal.name = "Acme Billing";
  g_assert_true (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM accounts"), ==, accounts + 1);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM deals WHERE name = 'Acme Billing' AND account_id = 1"
                                                      " AND introduced_by = '' AND owner_id IS NULL AND expected_close IS NULL"), ==, 1);

  /* Neither company nor new name. */
  deal.account_id = 0;
  deal.company = NULL;
  g_assert_false (traction_store_create_deal (f->store, &deal, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
}

/* Board */

static const TractionBoardDeal *
find_deal (GPtrArray *deals,
           gint64     id)
{
  for (guint i = 0; i < deals->len; i++)
    {
      const TractionBoardDeal *deal = g_ptr_array_index (deals, i);
      if (deal->deal_id == id)
        return deal;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_board_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  const TractionBoardDeal *deal;
  GDate today;

  seed_deals (f);
  traction_test_exec (f->store,
                      /* Deal 1: touched 2026-03-10; two open steps, a done one. */
                      "INSERT INTO touchpoints (account_id, deal_id, kind, happened_on) VALUES"
                      " (1, 1, 'call', '2026-03-10'), (1, 1, 'email', '2026-02-20');"
                      "INSERT INTO next_steps (account_id, deal_id, action, due_on, done_on) VALUES"
                      " (1, 1, 'Send pricing', '2026-03-20', NULL),"
                      " (1, 1, 'Book demo', '2026-03-15', NULL),"
                      " (1, 1, 'Intro call', '2026-02-01', '2026-02-01'),"
                      " (1, 2, 'Someday', NULL, NULL);"
                      /* Deal 4 paused until April. Deal 6 won, deal 7 lost. */
                      "UPDATE deals SET paused_reason = 'Budget freeze', paused_until = '2026-04-15',"
                      " expected_close = '2026-03-31' WHERE id = 4;"
                      "INSERT INTO deals (id, account_id, name, stage, arr_cents, source, created_on, closed_on) VALUES"
                      " (6, 1, 'Acme Won', 'won', 700000, 'conference', '2025-10-01', '2026-02-02');"
                      "INSERT INTO deals (id, account_id, name, stage, created_on, closed_on, loss_reason_id) VALUES"
                      " (7, 1, 'Acme Lost', 'lost', '2025-10-01', '2026-01-15', 1);");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 3, 2026);
  deals = traction_store_load_board (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, 6);

  /* Sorted by stage, then ARR. */
  g_assert_cmpint (((TractionBoardDeal *) g_ptr_array_index (deals, 0))->deal_id, ==, 1);
  g_assert_cmpint (((TractionBoardDeal *) g_ptr_array_index (deals, 1))->deal_id, ==, 2);
  g_assert_cmpint (((TractionBoardDeal *) g_ptr_array_index (deals, 5))->deal_id, ==, 7);

  deal = find_deal (deals, 1);
  g_assert_cmpstr (deal->company, ==, "Acme");
  g_assert_cmpstr (deal->name, ==, "Acme Payouts");
  g_assert_cmpstr (deal->owner, ==, "Ana");
  g_assert_cmpint (deal->owner_id, ==, 1);
  g_assert_cmpint (deal->segment, ==, 2);
  g_assert_cmpint (deal->source, ==, TRACTION_SOURCE_INBOUND);
  g_assert_cmpint (deal->arr_cents, ==, 4800000);
  g_assert_cmpint (deal->bant_total, ==, 14);
  g_assert_cmpint (deal->days_in_stage, ==, 45);       /* since 2026-02-01 */
  g_assert_cmpstr (deal->next_action, ==, "Book demo"); /* earliest open */
  g_assert_cmpint (g_date_get_day (&deal->next_due), ==, 15);
  g_assert_cmpint (g_date_get_day (&deal->last_activity), ==, 10);
  g_assert_false (deal->stalled);                      /* 8 days idle */
  g_assert_false (deal->paused);
  g_assert_nonnull (strstr (deal->contacts, "Rosa Díaz"));
  g_assert_nonnull (strstr (deal->contacts, "Tom Wu"));

  /* Never scored; an undated step; idle since its creation 17 days ago: stalled. */
  deal = find_deal (deals, 2);
  g_assert_cmpint (deal->bant_total, ==, -1);
  g_assert_cmpstr (deal->next_action, ==, "Someday");
  g_assert_false (g_date_valid (&deal->next_due));
  g_assert_cmpint (deal->days_in_stage, ==, 17);
  g_assert_true (deal->stalled);
  g_assert_cmpstr (deal->owner, ==, "");

  /* Latest of two scorings; nothing planned; last change 10 days ago. */
  deal = find_deal (deals, 3);
  g_assert_cmpint (deal->bant_total, ==, 15);
  g_assert_cmpstr (deal->next_action, ==, "");
  g_assert_cmpint (deal->days_in_stage, ==, 10);
  g_assert_false (deal->stalled);

  /* Paused: never stalled although idle since February. */
  deal = find_deal (deals, 4);
  g_assert_true (deal->paused);
  g_assert_false (deal->stalled);
  g_assert_cmpint (deal->bant_total, ==, 16);
  g_assert_cmpint (g_date_get_month (&deal->expected_close), ==, 3);

  deal = find_deal (deals, 6);
  g_assert_cmpint (deal->stage, ==, TRACTION_STAGE_WON);
  g_assert_cmpint (deal->source, ==, TRACTION_SOURCE_CONFERENCE);
  g_assert_false (deal->stalled);
  g_assert_cmpint (g_date_get_month (&deal->closed), ==, 2);
}

/* The board's figures agree with the metrics of the same database. */
static void
test_board_agrees_with_metrics (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  TractionMetrics metrics;
  GDate today;
  int counts[TRACTION_N_STAGES] = { 0 };
  gint64 arr[TRACTION_N_STAGES] = { 0 };
  int stalled = 0;

  seed_deals (f);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 3, 2026);

  deals = traction_store_load_board (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &today, &metrics, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < deals->len; i++)
    {
      const TractionBoardDeal *deal = g_ptr_array_index (deals, i);

      counts[deal->stage]++;
      arr[deal->stage] += deal->arr_cents;
      stalled += deal->stalled;
    }
  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    {
      g_assert_cmpint (counts[stage], ==, metrics.pipeline.count[stage]);
      g_assert_cmpint (arr[stage], ==, metrics.pipeline.arr_cents[stage]);
    }
  g_assert_cmpint (stalled, ==, metrics.pipeline.stalled);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TRACTION_TODAY", "2026-03-18", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pipeline/move-check", test_move_check);
  g_test_add ("/pipeline/move/forward-and-undo", Fixture, NULL, fixture_setup, test_move_forward_and_undo, fixture_teardown);
  g_test_add ("/pipeline/move/reasons", Fixture, NULL, fixture_setup, test_move_reasons, fixture_teardown);
  g_test_add ("/pipeline/move/lost-and-reopen", Fixture, NULL, fixture_setup, test_move_lost_and_reopen, fixture_teardown);
  g_test_add ("/pipeline/move/undo-from-history", Fixture, NULL, fixture_setup, test_undo_from_history, fixture_teardown);
  g_test_add ("/pipeline/create-deal", Fixture, NULL, fixture_setup, test_create_deal, fixture_teardown);
  g_test_add ("/pipeline/board/load", Fixture, NULL, fixture_setup, test_board_load, fixture_teardown);
  g_test_add ("/pipeline/board/agrees-with-metrics", Fixture, NULL, fixture_setup, test_board_agrees_with_metrics, fixture_teardown);

  return g_test_run ();
}
