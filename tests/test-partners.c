/* test-partners.c: design partners (DOMAIN.md §3): the 17/18 threshold,
 * milestone lateness by date, requests grouped across partners, the
 * discount-without-lever refusal, and the store and Today on small
 * databases and on the sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"
#include "traction-store-partners.h"

static char *tmp_dir;

static void
date_set (GDate      *date,
          const char *text)
{
  g_assert_true (traction_date_parse (text, date, NULL));
}

static TractionStore *
open_empty (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  return store;
}

/* Core */

static void
test_threshold (void)
{
  TractionRules rules;
  TractionPartnerScore s17 = { 4, 4, 3, 3, 3 };
  TractionPartnerScore s18 = { 4, 4, 4, 3, 3 };
  TractionPartnerScore bad = { 4, 4, 4, 3, 6 };
  g_autoptr(GError) error = NULL;
  int total = 0;

  traction_rules_init_defaults (&rules);
  g_assert_true (traction_partner_total (&s17, &total, NULL));
  g_assert_cmpint (total, ==, 17);
  g_assert_false (traction_partner_qualifies (total, &rules));
  g_assert_true (traction_partner_total (&s18, &total, NULL));
  g_assert_cmpint (total, ==, 18);
  g_assert_true (traction_partner_qualifies (total, &rules));
  g_assert_false (traction_partner_total (&bad, &total, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
}

static void
test_lateness (void)
{
  GDate start, today, done, due;
  int first, last;

  date_set (&start, "2026-09-03");
  for (int m = 0; m < TRACTION_N_MILESTONES; m++)
    {
      traction_partner_milestone_window (m, &first, &last);

      /* The last day of the window is still on time; the day after is late. */
      today = start;
      g_date_add_days (&today, (guint) last);
      g_assert_false (traction_partner_milestone_late (m, &start, FALSE, &today));
      g_assert_cmpint (traction_partner_milestone_state (m, &start, NULL, &today), ==, TRACTION_MILESTONE_DUE);
      traction_partner_milestone_due (m, &start, &due);
      g_assert_cmpint (g_date_compare (&due, &today), ==, 0);

      g_date_add_days (&today, 1);
      g_assert_true (traction_partner_milestone_late (m, &start, FALSE, &today));
      g_assert_cmpint (traction_partner_milestone_state (m, &start, NULL, &today), ==, TRACTION_MILESTONE_LATE);
      /* Done is never late. */
      g_assert_false (traction_partner_milestone_late (m, &start, TRUE, &today));
      g_assert_cmpint (traction_partner_milestone_state (m, &start, &today, &today), ==, TRACTION_MILESTONE_DONE);

      /* Before its window opens it is upcoming (the first opens on day 0). */
      if (first > 0)
        {
          today = start;
          g_date_add_days (&today, (guint) first - 1);
          g_assert_cmpint (traction_partner_milestone_state (m, &start, NULL, &today), ==,
                           TRACTION_MILESTONE_UPCOMING);
        }
    }

  /* Production (31–60): started 2026-09-03, due 2026-11-02. */
  date_set (&today, "2026-11-02");
  g_assert_false (traction_partner_milestone_late (2, &start, FALSE, &today));
  date_set (&today, "2026-11-03");
  g_assert_true (traction_partner_milestone_late (2, &start, FALSE, &today));
  g_date_clear (&done, 1);
  g_assert_cmpint (traction_partner_milestone_state (2, &start, &done, &today), ==, TRACTION_MILESTONE_LATE);
}

static void
test_grouping (void)
{
  const TractionRequestItem items[] = {
    { "webhook-retry-policy", "Configurable webhook retry policy", 1, 4000000 },
    { "bulk-payouts", "Bulk payouts", 3, 9000000 },
    { "webhook-retry-policy", "Webhook retries per endpoint", 2, 3000000 },
    { "webhook-retry-policy", "Retry policy again", 1, 4000000 },  /* same partner: counted once */
    { "", "Dark mode for the dashboard", 2, 3000000 },
    { "", "  dark MODE for the dashboard ", 4, 1000000 },           /* same title: one group */
    { "", "Audit log export", 4, 1000000 },
  };
  g_autoptr(GPtrArray) groups = traction_partner_group_requests (items, G_N_ELEMENTS (items));
  TractionRequestGroup *g;

  g_assert_cmpuint (groups->len, ==, 4);
  /* Largest combined ARR first: bulk 90K, webhook 70K (2 partners), dark mode 40K, audit 10K. */
  g = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (g->key, ==, "bulk-payouts");
  g_assert_cmpuint (g->n_partners, ==, 1);
  g_assert_cmpint (g->arr_cents, ==, 9000000);
  g = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (g->key, ==, "webhook-retry-policy");
  g_assert_cmpstr (g->title, ==, "Configurable webhook retry policy");
  g_assert_cmpuint (g->n_partners, ==, 2);
  g_assert_cmpuint (g->n_items, ==, 3);
  g_assert_cmpint (g->arr_cents, ==, 7000000);
  g = g_ptr_array_index (groups, 2);
  g_assert_cmpstr (g->title, ==, "Dark mode for the dashboard");
  g_assert_cmpuint (g->n_partners, ==, 2);
  g_assert_cmpint (g->arr_cents, ==, 4000000);
  g = g_ptr_array_index (groups, 3);
  g_assert_cmpint (g->arr_cents, ==, 1000000);

  /* Equal ARR: more partners first. */
  {
    const TractionRequestItem tie[] = {
      { "a", "A", 1, 5000000 },
      { "b", "B", 2, 2500000 },
      { "b", "B", 3, 2500000 },
    };
    g_autoptr(GPtrArray) tied = traction_partner_group_requests (tie, G_N_ELEMENTS (tie));

    g_assert_cmpstr (((TractionRequestGroup *) g_ptr_array_index (tied, 0))->key, ==, "b");
  }
  {
    g_autoptr(GPtrArray) none = traction_partner_group_requests (NULL, 0);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_levers (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (traction_partner_check_levers (0, FALSE, FALSE, 0, FALSE, NULL));
  g_assert_true (traction_partner_check_levers (30, FALSE, FALSE, 0, TRUE, NULL));
  g_assert_true (traction_partner_check_levers (30, FALSE, TRUE, 24, FALSE, NULL));
  g_assert_false (traction_partner_check_levers (30, FALSE, TRUE, 36, FALSE, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (traction_partner_check_levers (1, FALSE, FALSE, 0, FALSE, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
}

/* Store */

static void
test_store_partner (void)
{
  g_autoptr(TractionStore) store = open_empty ("partner.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionPartnerRow) row = NULL;
  g_autoptr(GPtrArray) late = NULL;
  TractionPartnerScore scores = { 4, 4, 3, 3, 3 };
  TractionPartnerAgreement agreement = { 0 };
  GDate today;
  gint64 id = 0, found = 0;

  date_set (&today, "2026-11-22");
  g_assert_true (traction_store_add_partner (store, "Acme Pay", &today, &id, &error));
  g_assert_no_error (error);
  g_assert_false (traction_store_add_partner (store, "acme pay", &today, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_find_partner (store, "ACME PAY", &found, NULL));
  g_assert_cmpint (found, ==, id);

  /* 17 does not qualify, 18 does. */
  g_assert_true (traction_store_set_partner_scores (store, id, &scores, &error));
  row = traction_store_get_partner (store, id, &today, &error);
  g_assert_cmpint (row->total, ==, 17);
  g_assert_false (row->qualifies);
  g_clear_pointer (&row, traction_partner_row_free);
  scores.technical_readiness = 4;
  g_assert_true (traction_store_set_partner_scores (store, id, &scores, &error));
  row = traction_store_get_partner (store, id, &today, &error);
  g_assert_cmpint (row->total, ==, 18);
  g_assert_true (row->qualifies);
  g_clear_pointer (&row, traction_partner_row_free);

  /* A discount without a lever is refused and nothing changes. */
  date_set (&agreement.start_on, "2026-09-03");
  agreement.duration_months = 6;
  agreement.discount_pct = 30;
  g_assert_false (traction_store_set_partner_agreement (store, id, &agreement, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT discount_pct FROM design_partners"), ==, 0);
  agreement.lever_public_reference = TRUE;
  g_assert_true (traction_store_set_partner_agreement (store, id, &agreement, &error));
  g_assert_no_error (error);

  /* Started 2026-09-03: on 2026-11-22 (day 80) kickoff, integration and
   * production are late until done. */
  row = traction_store_get_partner (store, id, &today, &error);
  g_assert_cmpint (row->day, ==, 80);
  g_assert_cmpuint (row->n_late, ==, 3);
  g_assert_cmpint (row->milestone_state[3], ==, TRACTION_MILESTONE_DUE);
  g_clear_pointer (&row, traction_partner_row_free);
  g_assert_true (traction_store_set_milestone_done (store, id, 0, &today, &error));
  g_assert_true (traction_store_set_milestone_done (store, id, 1, &today, &error));
  late = traction_store_list_late_milestones (store, &today, &error);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpint (((TractionLateMilestone *) g_ptr_array_index (late, 0))->milestone, ==, 2);
  g_assert_cmpint (((TractionLateMilestone *) g_ptr_array_index (late, 0))->days_late, ==, 20);
  g_clear_pointer (&late, g_ptr_array_unref);

  /* On the last day of the production window it is not late yet. */
  {
    GDate last;

    date_set (&last, "2026-11-02");
    late = traction_store_list_late_milestones (store, &last, &error);
    g_assert_cmpuint (late->len, ==, 0);
    g_clear_pointer (&late, g_ptr_array_unref);
  }

  /* Disqualified partners leave Today; a reason is required. */
  g_assert_false (traction_store_disqualify_partner (store, id, "  ", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_disqualify_partner (store, id, "No engineering capacity", &error));
  late = traction_store_list_late_milestones (store, &today, &error);
  g_assert_cmpuint (late->len, ==, 0);
  row = traction_store_get_partner (store, id, &today, &error);
  g_assert_cmpint (row->status, ==, TRACTION_PARTNER_DISQUALIFIED);
  g_assert_cmpstr (row->disqualify_reason, ==, "No engineering capacity");
}

static void
test_store_lists (void)
{
  g_autoptr(TractionStore) store = open_empty ("lists.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  TractionObligation obligation = { 0 };
  TractionFeedbackItem feedback = { 0 };
  guint done[TRACTION_N_EVAL_LISTS];
  GDate today;
  gint64 a = 0, b = 0, c = 0, ob_id = 0, fb_id = 0;

  date_set (&today, "2026-11-22");
  g_assert_true (traction_store_add_partner (store, "Alpha", &today, &a, &error));
  g_assert_true (traction_store_add_partner (store, "Beta", &today, &b, &error));
  g_assert_true (traction_store_add_partner (store, "Gamma", &today, &c, &error));
  /* ARR: Alpha 20K, Beta 50K, Gamma 60K. */
  traction_test_exec (store,
                      "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents)"
                      " SELECT account_id, '2026-01-01', 'new', CASE id WHEN 1 THEN 2000000"
                      " WHEN 2 THEN 5000000 ELSE 6000000 END FROM design_partners");

  /* Obligations: add, check, delete and put back with its id. */
  obligation.partner_id = a;
  obligation.side = TRACTION_OBLIGATION_WE_GET;
  obligation.item = (char *) "Case study";
  date_set (&obligation.due_on, "2026-12-01");
  g_date_clear (&obligation.done_on, 1);
  g_assert_true (traction_store_add_obligation (store, &obligation, &ob_id, &error));
  g_assert_true (traction_store_set_obligation_done (store, ob_id, &today, &error));
  g_assert_true (traction_store_delete_obligation (store, ob_id, &error));
  obligation.id = ob_id;
  g_assert_true (traction_store_add_obligation (store, &obligation, NULL, &error));
  items = traction_store_list_obligations (store, a, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((TractionObligation *) g_ptr_array_index (items, 0))->id, ==, ob_id);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Gates */
  g_assert_true (traction_store_set_gate (store, a, TRACTION_EVAL_SCOPE, 2, &today, &error));
  g_assert_true (traction_store_set_gate (store, a, TRACTION_EVAL_PAPER, 0, &today, &error));
  g_assert_true (traction_store_load_gates (store, a, done, &error));
  g_assert_cmpuint (done[TRACTION_EVAL_SCOPE], ==, 1u << 2);
  g_assert_cmpuint (done[TRACTION_EVAL_PAPER], ==, 1u);
  g_assert_true (traction_store_set_gate (store, a, TRACTION_EVAL_SCOPE, 2, NULL, &error));
  g_assert_true (traction_store_load_gates (store, a, done, &error));
  g_assert_cmpuint (done[TRACTION_EVAL_SCOPE], ==, 0);

  /* Feedback: the same request key from Alpha and Beta is one group of
   * 70K; Gamma's single request of 60K comes after it; bugs are left out. */
  feedback.created_on = today;
  feedback.kind = TRACTION_FEEDBACK_FEATURE_REQUEST;
  feedback.partner_id = a;
  feedback.title = (char *) "Webhook retries";
  feedback.request_key = (char *) "Webhook-Retry";
  feedback.tags = (char *) " Webhooks, reliability,webhooks ,";
  g_assert_true (traction_store_add_feedback (store, &feedback, &fb_id, &error));
  {
    g_autofree char *tags = traction_test_query_text (store, "SELECT tags FROM feedback_items");
    g_assert_cmpstr (tags, ==, "webhooks,reliability");
  }
  feedback.partner_id = b;
  feedback.title = (char *) "Retry policy per endpoint";
  feedback.request_key = (char *) "webhook-retry";
  g_assert_true (traction_store_add_feedback (store, &feedback, NULL, &error));
  feedback.partner_id = c;
  feedback.title = (char *) "Bulk payouts";
  feedback.request_key = (char *) "bulk";
  g_assert_true (traction_store_add_feedback (store, &feedback, NULL, &error));
  feedback.kind = TRACTION_FEEDBACK_BUG;
  feedback.title = (char *) "Crash";
  feedback.request_key = (char *) "";
  g_assert_true (traction_store_add_feedback (store, &feedback, NULL, &error));

  groups = traction_store_list_request_groups (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  {
    TractionRequestRow *first = g_ptr_array_index (groups, 0);
    TractionRequestRow *second = g_ptr_array_index (groups, 1);

    g_assert_cmpstr (first->key, ==, "webhook-retry");
    g_assert_cmpuint (first->n_partners, ==, 2);
    g_assert_cmpint (first->arr_cents, ==, 7000000);
    g_assert_cmpstr (first->partners, ==, "Alpha, Beta");
    g_assert_cmpstr (second->key, ==, "bulk");
    g_assert_cmpint (second->arr_cents, ==, 6000000);
  }
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* Deleting Alpha's request leaves Gamma on top; undo restores it. */
  g_assert_true (traction_store_delete_feedback (store, fb_id, &error));
  groups = traction_store_list_request_groups (store, &today, &error);
  g_assert_cmpstr (((TractionRequestRow *) g_ptr_array_index (groups, 0))->key, ==, "bulk");
  g_clear_pointer (&groups, g_ptr_array_unref);
}

static void
test_sample (void)
{
  g_autoptr(TractionStore) store = open_empty ("sample.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  TractionToday *today_data;
  GDate today;

  date_set (&today, "2026-11-22");
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_no_error (error);

  partners = traction_store_list_partners (store, &today, &error);
  g_assert_cmpuint (partners->len, ==, 4);
  for (guint i = 0; i < partners->len; i++)
    {
      TractionPartnerRow *p = g_ptr_array_index (partners, i);

      if (g_str_equal (p->name, "Pennant Pay"))
        {
          g_assert_cmpuint (p->n_late, ==, 1);
          g_assert_cmpint (p->milestone_state[2], ==, TRACTION_MILESTONE_LATE);
        }
      else
        g_assert_cmpuint (p->n_late, ==, 0);
      if (g_str_equal (p->name, "Marigold Credit Union"))
        {
          g_assert_cmpint (p->total, ==, 15);
          g_assert_false (p->qualifies);
        }
    }

  groups = traction_store_list_request_groups (store, &today, &error);
  g_assert_cmpuint (groups->len, >=, 2);
  g_assert_cmpstr (((TractionRequestRow *) g_ptr_array_index (groups, 0))->key, ==, "webhook-retry-policy");
  g_assert_cmpuint (((TractionRequestRow *) g_ptr_array_index (groups, 0))->n_partners, ==, 2);

  today_data = traction_store_load_today (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today_data->late_milestones->len, ==, 1);
  g_assert_cmpstr (((TractionLateMilestone *) g_ptr_array_index (today_data->late_milestones, 0))->partner,
                   ==, "Pennant Pay");
  traction_today_free (today_data);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = traction_test_make_dir ("traction-partners");

  g_test_add_func ("/partners/core/threshold-17-18", test_threshold);
  g_test_add_func ("/partners/core/lateness-by-date", test_lateness);
  g_test_add_func ("/partners/core/request-grouping", test_grouping);
  g_test_add_func ("/partners/core/levers", test_levers);
  g_test_add_func ("/partners/store/partner", test_store_partner);
  g_test_add_func ("/partners/store/lists", test_store_lists);
  g_test_add_func ("/partners/store/sample", test_sample);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
