/* test-qualify.c: qualification (DOMAIN.md §2): bands at every boundary
 * (7/8, 11/12, 15/16), the follow-up and stage offer the band implies,
 * MEDDIC pre-fill and framework choice, scorings kept as history, the
 * SPIN bank and objection library with undo, and the one-page sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "traction-prep-sheet.h"
#include "traction-store-deal.h"
#include "traction-store-deals.h"
#include "traction-store-qualify.h"

static char *tmp_dir;

static void
date_set (GDate      *date,
          const char *text)
{
  g_assert_true (traction_date_parse (text, date, NULL));
}

static TractionStore *
open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
new_deal (TractionStore *store,
          const char    *company)
{
  g_autoptr(GError) error = NULL;
  TractionNewDeal deal = { 0, company, "Payments API", 4800000, 0, TRACTION_SOURCE_INBOUND, NULL, { 0 } };
  gint64 id = 0;

  g_date_clear (&deal.expected_close, 1);
  g_assert_true (traction_store_create_deal (store, &deal, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Core */

static void
test_bands (void)
{
  TractionRules rules;
  static const struct {
    int total;
    TractionBantBand band;
    int follow_up_days;
  } cases[] = {
    { 4, TRACTION_BANT_DISQUALIFY, -1 },
    { 7, TRACTION_BANT_DISQUALIFY, -1 },
    { 8, TRACTION_BANT_LOW, 30 },
    { 11, TRACTION_BANT_LOW, 30 },
    { 12, TRACTION_BANT_MEDIUM, 14 },
    { 15, TRACTION_BANT_MEDIUM, 14 },
    { 16, TRACTION_BANT_HIGH, 7 },
    { 20, TRACTION_BANT_HIGH, 7 },
  };
  GDate scored, follow;

  traction_rules_init_defaults (&rules);
  date_set (&scored, "2026-11-22");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TractionBantBand band = traction_bant_band (cases[i].total, &rules);

      g_assert_cmpint (band, ==, cases[i].band);
      if (cases[i].follow_up_days < 0)
        {
          g_assert_false (traction_qualify_follow_up (band, &scored, &rules, &follow));
          g_assert_false (g_date_valid (&follow));
        }
      else
        {
          g_assert_true (traction_qualify_follow_up (band, &scored, &rules, &follow));
          g_assert_cmpint (traction_date_diff (&scored, &follow), ==, cases[i].follow_up_days);
        }
    }
}

static void
test_stage_offer (void)
{
  TractionRules rules;
  TractionStage offer = TRACTION_STAGE_WON;

  traction_rules_init_defaults (&rules);
  /* 11/12 from Lead: nothing, then Qualified. */
  g_assert_false (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, 11, &rules, &offer));
  g_assert_true (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, 12, &rules, &offer));
  g_assert_cmpint (offer, ==, TRACTION_STAGE_QUALIFIED);
  g_assert_true (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, 16, &rules, &offer));
  g_assert_cmpint (offer, ==, TRACTION_STAGE_QUALIFIED);
  /* 7/8: Closed Lost below 8, from any open stage. */
  g_assert_true (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, 7, &rules, &offer));
  g_assert_cmpint (offer, ==, TRACTION_STAGE_LOST);
  g_assert_true (traction_qualify_stage_offer (TRACTION_STAGE_DISCOVERY, 4, &rules, &offer));
  g_assert_cmpint (offer, ==, TRACTION_STAGE_LOST);
  g_assert_false (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, 8, &rules, &offer));
  /* Already past Lead, or closed: nothing to offer. */
  g_assert_false (traction_qualify_stage_offer (TRACTION_STAGE_DISCOVERY, 18, &rules, &offer));
  g_assert_false (traction_qualify_stage_offer (TRACTION_STAGE_WON, 4, &rules, &offer));
}

static void
test_meddic (void)
{
  TractionRules rules;
  TractionBant bant = { 4, 2, 5, 3 };
  const char *spin_full[] = { "s", "p", "i", "n" };
  const char *spin_none[] = { NULL, "", " ", NULL };
  int out[TRACTION_N_MEDDPICC];

  traction_rules_init_defaults (&rules);
  traction_meddic_prefill (&bant, spin_full, out);
  g_assert_cmpint (out[TRACTION_MEDDIC_METRICS], ==, 5);
  g_assert_cmpint (out[TRACTION_MEDDIC_ECONOMIC_BUYER], ==, 2);
  g_assert_cmpint (out[TRACTION_MEDDIC_DECISION_CRITERIA], ==, 5);
  g_assert_cmpint (out[TRACTION_MEDDIC_DECISION_PROCESS], ==, 2);
  g_assert_cmpint (out[TRACTION_MEDDIC_IDENTIFY_PAIN], ==, 5);
  g_assert_cmpint (out[TRACTION_MEDDIC_CHAMPION], ==, 2);
  g_assert_cmpint (out[TRACTION_MEDDPICC_PAPER_PROCESS], ==, 0);
  g_assert_cmpint (out[TRACTION_MEDDPICC_COMPETITION], ==, 0);
  traction_meddic_prefill (&bant, spin_none, out);
  g_assert_cmpint (out[TRACTION_MEDDIC_METRICS], ==, 4);
  g_assert_cmpint (out[TRACTION_MEDDIC_IDENTIFY_PAIN], ==, 4);

  g_assert_false (traction_spin_may_pitch ("costs $40K a month", "  "));
  g_assert_true (traction_spin_may_pitch ("costs $40K a month", "launch this quarter"));

  /* BANT alone until graduation or asked per deal. */
  g_assert_cmpint (traction_qualify_framework (50000000, 200, 0, FALSE, &rules), ==, TRACTION_FRAMEWORK_BANT);
  g_assert_cmpint (traction_qualify_framework (5000000, 30, 0, TRUE, &rules), ==, TRACTION_FRAMEWORK_MEDDIC);
  g_assert_cmpint (traction_qualify_framework (5000000, 30, TRACTION_GRADUATE_MEDDIC, FALSE, &rules), ==,
                   TRACTION_FRAMEWORK_MEDDIC);
  /* Over $100K ARR or a cycle over 90 days adds Paper Process and Competition. */
  g_assert_cmpint (traction_qualify_framework (10000000, 30, 0, TRUE, &rules), ==, TRACTION_FRAMEWORK_MEDDIC);
  g_assert_cmpint (traction_qualify_framework (10000001, 30, 0, TRUE, &rules), ==, TRACTION_FRAMEWORK_MEDDPICC);
  g_assert_cmpint (traction_qualify_framework (5000000, 91, 0, TRUE, &rules), ==, TRACTION_FRAMEWORK_MEDDPICC);
  g_assert_cmpint (traction_qualify_framework (5000000, 90, 0, TRUE, &rules), ==, TRACTION_FRAMEWORK_MEDDIC);
}

/* Store */

static void
test_history (void)
{
  g_autoptr(TractionStore) store = open_store ("history.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionQualification) q = traction_qualification_new ();
  g_autoptr(TractionQualification) latest = NULL;
  g_autoptr(TractionCompanyProfile) profile = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  TractionStepInput steps[1];
  TractionRules rules;
  GDate today;
  gint64 deal = new_deal (store, "Kestrel Labs");
  gint64 first = 0, second = 0, lost_reason = 0, again = 0, change = 0;
  TractionStage offer;
  int total = 0;

  traction_store_get_rules (store, &rules);
  date_set (&today, "2026-11-22");

  /* First scoring: 11/20, Low: follow-up in 30 days, nothing offered from Lead. */
  q->deal_id = deal;
  q->date = today;
  q->bant = (TractionBant) { 3, 3, 3, 2 };
  g_free (q->spin[TRACTION_SPIN_PROBLEM]);
  q->spin[TRACTION_SPIN_PROBLEM] = g_strdup ("Integrations take 7 months");
  traction_bant_total (&q->bant, &total, NULL);
  g_assert_cmpint (total, ==, 11);
  g_assert_true (traction_qualify_follow_up (traction_bant_band (total, &rules), &today, &rules, &q->follow_up));
  g_assert_false (traction_qualify_stage_offer (TRACTION_STAGE_LEAD, total, &rules, &offer));

  profile = traction_store_get_company_profile (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->company, ==, "Kestrel Labs");
  profile->icp_tier = 2;
  g_free (profile->geography);
  profile->geography = g_strdup ("Germany");
  steps[0].action = "Send the one-pager";
  steps[0].owner_id = 0;
  date_set (&steps[0].due, "2026-11-24");
  g_assert_true (traction_store_save_qualification (store, q, profile, steps, 1, "Follow up", &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* Second scoring: 12/20 keeps the first, offers Qualified. */
  q->bant.timeline = 3;
  traction_bant_total (&q->bant, &total, NULL);
  g_assert_cmpint (total, ==, 12);
  g_assert_true (traction_qualify_follow_up (traction_bant_band (total, &rules), &today, &rules, &q->follow_up));
  g_assert_true (traction_store_save_qualification (store, q, NULL, NULL, 0, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 2);

  latest = traction_store_latest_qualification (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->id, ==, second);
  g_assert_cmpint (latest->bant.timeline, ==, 3);
  g_assert_cmpstr (latest->spin[TRACTION_SPIN_PROBLEM], ==, "Integrations take 7 months");
  {
    GDate expected = today;
    g_date_add_days (&expected, 14);
    g_assert_cmpint (g_date_compare (&latest->follow_up, &expected), ==, 0);
  }

  detail = traction_store_load_deal (store, deal, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->qualifications->len, ==, 2);
  /* The step and the 30-day follow-up of the first scoring. */
  g_assert_cmpuint (detail->next_steps->len, ==, 2);
  g_assert_cmpint (traction_test_query_int (store, "SELECT icp_tier FROM accounts WHERE name = 'Kestrel Labs'"), ==, 2);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM next_steps WHERE action = 'Follow up'"
                                                   " AND due_on = '2026-12-22'"), ==, 1);

  /* The offer is taken through the store's move. */
  g_assert_true (traction_qualify_stage_offer (detail->stage, total, &rules, &offer));
  g_assert_true (traction_store_move_deal (store, deal, offer, NULL, 0, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT stage = 'qualified' FROM deals"), ==, 1);

  /* 7/20 offers Closed Lost with the "Disqualified" reason (made once). */
  q->bant = (TractionBant) { 1, 2, 2, 2 };
  g_assert_true (traction_store_save_qualification (store, q, NULL, NULL, 0, NULL, NULL, &error));
  g_assert_true (traction_qualify_stage_offer (TRACTION_STAGE_QUALIFIED, 7, &rules, &offer));
  g_assert_cmpint (offer, ==, TRACTION_STAGE_LOST);
  g_assert_true (traction_store_disqualified_reason (store, &lost_reason, &error));
  g_assert_true (traction_store_disqualified_reason (store, &again, &error));
  g_assert_cmpint (lost_reason, ==, again);
  g_assert_true (traction_store_move_deal (store, deal, offer, "disqualified", lost_reason, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 3);

  /* Bad input is refused and writes nothing. */
  q->bant.need = 6;
  g_assert_false (traction_store_save_qualification (store, q, NULL, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  q->bant.need = 3;
  q->deal_id = 9999;
  g_assert_false (traction_store_save_qualification (store, q, NULL, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 3);

  /* Deals are found by name. */
  g_assert_true (traction_store_find_deal (store, "kestrel", &again, &error));
  g_assert_cmpint (again, ==, deal);
  g_assert_false (traction_store_find_deal (store, "Nobody", &again, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

static void
test_library (void)
{
  g_autoptr(TractionStore) store = open_store ("library.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(TractionObjection) removed = NULL;
  g_autoptr(TractionSpinQuestion) removed_q = NULL;
  gint64 deal = new_deal (store, "Kestrel Labs");
  gint64 id = 0;
  GDate today;

  date_set (&today, "2026-11-22");

  /* A new database has the seed's six objections and its question bank. */
  objections = traction_store_list_objections (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objections->len, ==, 6);
  g_assert_cmpstr (((TractionObjection *) objections->pdata[4])->root_concern, ==, "Budget, value not yet proven");
  g_clear_pointer (&objections, g_ptr_array_unref);

  questions = traction_store_list_spin_questions (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 11);
  g_assert_cmpint (((TractionSpinQuestion *) questions->pdata[0])->phase, ==, TRACTION_SPIN_SITUATION);
  g_assert_cmpint (((TractionSpinQuestion *) questions->pdata[10])->phase, ==, TRACTION_SPIN_NEED_PAYOFF);
  g_assert_false (((TractionSpinQuestion *) questions->pdata[0])->asked);

  /* Asked on the deal, and an added question lands at the end of its phase. */
  g_assert_true (traction_store_set_spin_asked (store, deal, ((TractionSpinQuestion *) questions->pdata[0])->id,
                                                TRUE, &today, &error));
  g_assert_true (traction_store_add_spin_question (store, TRACTION_SPIN_PROBLEM, "Who maintains it today?", &id, &error));
  g_assert_false (traction_store_add_spin_question (store, TRACTION_SPIN_PROBLEM, "   ", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = traction_store_list_spin_questions (store, deal, &error);
  g_assert_cmpuint (questions->len, ==, 12);
  g_assert_true (((TractionSpinQuestion *) questions->pdata[0])->asked);
  g_assert_cmpint (((TractionSpinQuestion *) questions->pdata[6])->id, ==, id);

  /* Edit, delete and undo. */
  g_assert_true (traction_store_update_spin_question (store, id, "Who maintains the integrations today?", &error));
  g_assert_true (traction_store_delete_spin_question (store, id, &removed_q, &error));
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM spin_questions"), ==, 11);
  g_assert_true (traction_store_restore_spin_question (store, removed_q, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT position FROM spin_questions WHERE question LIKE 'Who maintains%'"),
                   ==, 3);

  /* Objections: add, mark on the deal, delete with undo that brings the mark back. */
  g_assert_true (traction_store_add_objection (store, "\"Security review takes a year\"", "Risk",
                                               "Offer our SOC 2 report up front.", &id, &error));
  g_assert_false (traction_store_add_objection (store, "", "x", "y", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_set_deal_objection (store, deal, id, TRUE, "CISO raised it", &today, &error));
  g_assert_no_error (error);
  objections = traction_store_list_objections (store, deal, &error);
  g_assert_cmpuint (objections->len, ==, 7);
  g_assert_true (((TractionObjection *) objections->pdata[6])->raised);
  g_assert_cmpstr (((TractionObjection *) objections->pdata[6])->note, ==, "CISO raised it");
  g_assert_cmpuint (((TractionObjection *) objections->pdata[6])->n_deals, ==, 1);
  g_assert_false (((TractionObjection *) objections->pdata[0])->raised);

  g_assert_true (traction_store_update_objection (store, id, "\"Security review takes too long\"", "Risk",
                                                  "Share the SOC 2 report.", &error));
  g_assert_true (traction_store_delete_objection (store, id, &removed, &error));
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deal_objections"), ==, 0);
  g_assert_true (traction_store_restore_objection (store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deal_objections"), ==, 1);
  g_assert_true (traction_store_set_deal_objection (store, deal, id, FALSE, NULL, NULL, &error));
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deal_objections"), ==, 0);
  g_assert_false (traction_store_set_deal_objection (store, deal, 9999, TRUE, NULL, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

/* The sheets: one page each, with the company's name in the text. */
static void
test_sheets (void)
{
  g_autoptr(TractionStore) store = open_store ("sheets.db");
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 deal = 0;

  date_set (&today, "2026-11-22");
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_find_deal (store, "Aurora Neobank", &deal, &error));

  for (int kind = TRACTION_SHEET_CALL_PREP; kind <= TRACTION_SHEET_QUALIFICATION; kind++)
    {
      g_autoptr(TractionPrepSheet) sheet = traction_prep_sheet_new (store, deal, kind, &today, &error);
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *command = NULL;
      g_autofree char *text = NULL;
      g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
      int status = 0;

      g_assert_no_error (error);
      name = traction_prep_sheet_file_name (sheet);
      g_assert_true (g_str_has_suffix (name, "aurora-neobank-2026-11-22.pdf"));
      path = g_build_filename (tmp_dir, name, NULL);
      g_assert_true (traction_report_write_pdf (traction_prep_sheet_spec (), sheet, "Northwind Rails",
                                                TRACTION_PAPER_A4, path, &error));
      g_assert_no_error (error);

      if (pdftotext == NULL)
        continue;
      command = g_strdup_printf ("pdftotext -layout '%s' -", path);
      g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      /* One page: pdftotext separates pages with form feeds. */
      g_assert_null (strchr (g_strstrip (text), '\f'));
      g_assert_nonnull (strstr (text, "Aurora Neobank"));
      g_assert_nonnull (strstr (text, "Page 1 of 1"));
      if (kind == TRACTION_SHEET_CALL_PREP)
        {
          g_assert_nonnull (strstr (text, "Questions Not Yet Asked"));
          g_assert_nonnull (strstr (text, "gap"));
          g_assert_nonnull (strstr (text, "Your technology approach seems risky"));
        }
      else
        g_assert_nonnull (strstr (text, "Product Fit"));
    }

  /* A deal never scored still gets its sheet, and says so. */
  {
    gint64 lead = new_deal (store, "Zeta Unscored");
    g_autoptr(TractionPrepSheet) sheet = traction_prep_sheet_new (store, lead, TRACTION_SHEET_CALL_PREP, &today, &error);
    g_autofree char *path = g_build_filename (tmp_dir, "unscored.pdf", NULL);

    g_assert_no_error (error);
    g_assert_true (traction_report_write_pdf (traction_prep_sheet_spec (), sheet, "", TRACTION_PAPER_LETTER,
                                              path, &error));
    g_assert_no_error (error);
  }
  g_assert_null (traction_prep_sheet_new (store, 99999, TRACTION_SHEET_CALL_PREP, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = traction_test_make_dir ("traction-qualify");

  g_test_add_func ("/qualify/core/bands-7-8-11-12-15-16", test_bands);
  g_test_add_func ("/qualify/core/stage-offer", test_stage_offer);
  g_test_add_func ("/qualify/core/meddic", test_meddic);
  g_test_add_func ("/qualify/store/history", test_history);
  g_test_add_func ("/qualify/store/library", test_library);
  g_test_add_func ("/qualify/report/one-page", test_sheets);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
