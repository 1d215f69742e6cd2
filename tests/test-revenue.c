/* test-revenue.c: revenue and retention (DOMAIN.md §6) on hand-computed
 * scenarios: expansion and contraction of one client in one period, churn
 * then reactivation, a client new inside the period left out, an empty
 * cohort giving "no data"; the figures equal `traction-cli metrics`
 * (traction_store_compute_metrics); movements with undo; the CSV preview;
 * periods; and the chart renderers at tiny and huge sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "test-util.h"
#include "traction-store-revenue.h"
#include "traction-revenue-charts.h"
#include "traction-cs-dashboard.h"

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

static void
add_move (TractionStore    *store,
          gint64            account,
          const char       *date,
          TractionMoveKind  kind,
          gint64            dollars)
{
  g_autoptr(GError) error = NULL;
  TractionMovementInput input = { account, { 0 }, kind, dollars * 100, NULL };

  date_set (&input.date, date);
  g_assert_true (traction_store_add_movement (store, &input, NULL, &error));
  g_assert_no_error (error);
}

/* A (1): new 100,000 in Jan 2025; in Q3 2026 upsell +20,000 then
 *        contraction -5,000 (expansion and contraction in one period).
 * B (2): new 50,000 in Mar 2025; churn in July 2026, reactivation 30,000
 *        in September 2026.
 * C (3): new 40,000 on 1 Aug 2026 (new inside Q3: outside the cohort).
 * D (4): new 10,000 in Jun 2025; churned 30 Sep 2026.
 *
 * Q3 2026 = [2026-07-01, 2026-10-01): cohort A, B, D.
 *   start 160,000; end A 115,000 + B 30,000 + D 0 = 145,000
 *   expansion 15,000 (A), contraction 20,000 (B: 50,000 -> 30,000),
 *   churn 10,000 (D); NRR = 145/160 = 90.625 %, GRR = 130/160 = 81.25 %.
 * Bridge Q3: start 160,000 + new 40,000 + reactivation 30,000 + expansion
 *   20,000 - contraction 5,000 - churn 60,000 = 185,000. */
static TractionStore *
scenario_store (const char *name)
{
  TractionStore *store = open_empty (name);

  traction_test_exec (store,
                      "INSERT INTO accounts (id, name, created_on) VALUES"
                      " (1, 'Alder', '2025-01-01'), (2, 'Birch', '2025-01-01'),"
                      " (3, 'Cedar', '2026-07-01'), (4, 'Dogwood', '2025-01-01')");
  add_move (store, 1, "2025-01-10", TRACTION_MOVE_NEW, 100000);
  add_move (store, 1, "2026-07-15", TRACTION_MOVE_EXPANSION_UPSELL, 20000);
  add_move (store, 1, "2026-08-20", TRACTION_MOVE_CONTRACTION, 5000);
  add_move (store, 2, "2025-03-01", TRACTION_MOVE_NEW, 50000);
  add_move (store, 2, "2026-07-05", TRACTION_MOVE_CHURN, 50000);
  add_move (store, 2, "2026-09-10", TRACTION_MOVE_REACTIVATION, 30000);
  add_move (store, 3, "2026-08-01", TRACTION_MOVE_NEW, 40000);
  add_move (store, 4, "2025-06-01", TRACTION_MOVE_NEW, 10000);
  add_move (store, 4, "2026-09-30", TRACTION_MOVE_CHURN, 10000);
  return store;
}

static void
test_quarter_scenario (void)
{
  g_autoptr(TractionStore) store = scenario_store ("quarter.db");
  g_autoptr(TractionRevenue) revenue = NULL;
  g_autoptr(GError) error = NULL;
  const TractionRetention *r;
  const TractionBridge *b;
  const TractionExpansionRow *row;
  g_autofree char *types = NULL;
  GDate from, to, today;

  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  date_set (&today, "2026-11-22");
  revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
  g_assert_no_error (error);

  r = &revenue->metrics.retention;
  g_assert_true (r->valid);
  g_assert_cmpuint (r->cohort_size, ==, 3);          /* Cedar, new in Q3, left out */
  g_assert_cmpint (r->start_cents, ==, 16000000);
  g_assert_cmpint (r->end_cents, ==, 14500000);
  g_assert_cmpint (r->expansion_cents, ==, 1500000);
  g_assert_cmpint (r->contraction_cents, ==, 2000000);
  g_assert_cmpint (r->churn_cents, ==, 1000000);
  g_assert_cmpuint (r->churned_clients, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->nrr, 90.625, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->grr, 81.25, 1e-9);
  g_assert_cmpstr (traction_nrr_status_label (r, &revenue->rules), ==, "Below target");
  g_assert_cmpstr (traction_nrr_band_label (r->nrr), ==, "Below average");   /* 90-100 */

  b = &revenue->metrics.bridge;
  g_assert_cmpint (b->start_cents, ==, 16000000);
  g_assert_cmpint (b->new_cents, ==, 4000000);
  g_assert_cmpint (b->reactivation_cents, ==, 3000000);
  g_assert_cmpint (b->expansion_cents, ==, 2000000);
  g_assert_cmpint (b->upsell_cents, ==, 2000000);
  g_assert_cmpint (b->cross_sell_cents, ==, 0);
  g_assert_cmpint (b->contraction_cents, ==, 500000);
  g_assert_cmpint (b->churn_cents, ==, 6000000);
  g_assert_cmpint (b->end_cents, ==, 18500000);

  /* Tracker: the cohort clients that moved, largest change first. */
  g_assert_cmpuint (revenue->tracker->len, ==, 3);
  row = g_ptr_array_index (revenue->tracker, 0);
  g_assert_cmpstr (row->account, ==, "Alder");
  g_assert_cmpint (row->start_cents, ==, 10000000);
  g_assert_cmpint (row->end_cents, ==, 11500000);
  g_assert_cmpint (row->change_cents, ==, 1500000);
  types = traction_expansion_row_types (row);
  g_assert_cmpstr (types, ==, "Upsell, Contraction");
  row = g_ptr_array_index (revenue->tracker, 1);
  g_assert_cmpstr (row->account, ==, "Dogwood");
  g_assert_cmpint (row->change_cents, ==, -1000000);
  row = g_ptr_array_index (revenue->tracker, 2);
  g_assert_cmpstr (row->account, ==, "Birch");
  g_assert_cmpint (row->start_cents, ==, 5000000);
  g_assert_cmpint (row->end_cents, ==, 3000000);
  g_assert_cmpint (row->change_cents, ==, -2000000);
}

/* Churn in one quarter, reactivation in the next: in Q4 the client is
 * at 0 at start, so it is outside the cohort; the bridge counts it. */
static void
test_churn_then_reactivation (void)
{
  g_autoptr(TractionStore) store = open_empty ("react.db");
  TractionMetrics m;
  g_autoptr(GError) error = NULL;
  GDate from, to, today;

  traction_test_exec (store,
                      "INSERT INTO accounts (id, name, created_on) VALUES"
                      " (1, 'Elm', '2025-01-01'), (2, 'Fir', '2025-01-01')");
  add_move (store, 1, "2025-02-01", TRACTION_MOVE_NEW, 20000);
  add_move (store, 1, "2026-08-01", TRACTION_MOVE_CHURN, 20000);
  add_move (store, 1, "2026-10-15", TRACTION_MOVE_REACTIVATION, 25000);
  add_move (store, 2, "2025-02-01", TRACTION_MOVE_NEW, 30000);
  add_move (store, 2, "2026-11-01", TRACTION_MOVE_EXPANSION_CROSS_SELL, 3000);

  date_set (&today, "2026-11-22");
  date_set (&from, "2026-10-01");
  date_set (&to, "2027-01-01");
  g_assert_true (traction_store_compute_metrics (store, &from, &to, &today, &m, &error));
  g_assert_no_error (error);
  /* Cohort: Fir only (30,000 -> 33,000): NRR 110 %, GRR 100 %. */
  g_assert_cmpuint (m.retention.cohort_size, ==, 1);
  g_assert_cmpfloat_with_epsilon (m.retention.nrr, 110.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (m.retention.grr, 100.0, 1e-9);
  g_assert_cmpint (m.bridge.reactivation_cents, ==, 2500000);
  g_assert_cmpint (m.bridge.end_cents, ==, 5800000);

  /* Q3: Elm churned, Fir flat: NRR = GRR = 30/50 = 60 %. */
  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  g_assert_true (traction_store_compute_metrics (store, &from, &to, &today, &m, &error));
  g_assert_cmpfloat_with_epsilon (m.retention.nrr, 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (m.retention.grr, 60.0, 1e-9);
  g_assert_cmpint (m.retention.churn_cents, ==, 2000000);
}

/* No client had ARR at the start: no NRR ("no data"), no division by
 * zero; a quarter in which nobody started is an empty cohort row. */
static void
test_empty_cohort (void)
{
  g_autoptr(TractionStore) store = scenario_store ("empty.db");
  g_autoptr(TractionRevenue) revenue = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to, today;
  gboolean empty_row = FALSE;

  date_set (&from, "2024-01-01");
  date_set (&to, "2024-04-01");
  date_set (&today, "2026-11-22");
  revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_false (revenue->metrics.retention.valid);
  g_assert_cmpuint (revenue->metrics.retention.cohort_size, ==, 0);
  g_assert_cmpstr (traction_nrr_status_label (&revenue->metrics.retention, &revenue->rules), ==, "no data");
  g_assert_cmpuint (revenue->tracker->len, ==, 0);
  /* Every point of the series before the first client: no data. */
  for (guint i = 0; i < revenue->series->len; i++)
    g_assert_false (g_array_index (revenue->series, TractionRetentionPoint, i).retention.valid);
  g_clear_pointer (&revenue, traction_revenue_free);

  /* Cohorts up to today: Q1 2025 (Alder, Birch), Q2 2025 (Dogwood),
   * Q3 2025 nobody: "no data". */
  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revenue->cohorts->len, >=, 3);
  g_assert_cmpuint (g_array_index (revenue->cohorts, TractionCohort, 0).clients, ==, 2);
  g_assert_cmpint (g_array_index (revenue->cohorts, TractionCohort, 0).base_cents, ==, 15000000);
  g_assert_cmpuint (g_array_index (revenue->cohorts, TractionCohort, 1).clients, ==, 1);
  for (guint i = 0; i < revenue->cohorts->len; i++)
    {
      const TractionCohort *c = &g_array_index (revenue->cohorts, TractionCohort, i);

      if (c->clients == 0)
        {
          g_assert_false (c->valid);
          empty_row = TRUE;
        }
    }
  g_assert_true (empty_row);
}

/* Every point of the series is the metrics of its twelve-month window. */
static void
test_series_equals_metrics (void)
{
  g_autoptr(TractionStore) store = scenario_store ("series.db");
  g_autoptr(TractionRevenue) revenue = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GError) error = NULL;
  TractionBridge bridge;
  GDate from, to, today;
  const TractionRetentionPoint *last;

  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  date_set (&today, "2026-11-22");
  revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revenue->series->len, ==, 12);

  last = &g_array_index (revenue->series, TractionRetentionPoint, 11);
  g_assert_cmpint (g_date_get_month (&last->month), ==, 9);
  g_assert_cmpint (g_date_get_year (&last->month), ==, 2026);

  for (guint i = 0; i < revenue->series->len; i++)
    {
      const TractionRetentionPoint *p = &g_array_index (revenue->series, TractionRetentionPoint, i);
      TractionMetrics m;

      g_assert_true (traction_store_compute_metrics (store, &p->window_start, &p->window_end,
                                                     &today, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p->retention.valid, ==, m.retention.valid);
      g_assert_cmpint (p->retention.start_cents, ==, m.retention.start_cents);
      g_assert_cmpint (p->retention.end_cents, ==, m.retention.end_cents);
      g_assert_cmpfloat (p->retention.nrr, ==, m.retention.nrr);
      g_assert_cmpfloat (p->retention.grr, ==, m.retention.grr);
    }

  /* Last window [2025-10-01, 2026-10-01): Alder 100,000 -> 115,000,
   * Birch 50,000 -> 30,000, Dogwood 10,000 -> 0: 145/160. */
  g_assert_cmpfloat_with_epsilon (last->retention.nrr, 90.625, 1e-9);

  /* What the bench times gives the same. */
  g_assert_true (traction_store_revenue_series_and_bridge (store, &from, &to, &today,
                                                           &series, &bridge, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bridge.end_cents, ==, revenue->metrics.bridge.end_cents);
  g_assert_cmpfloat (g_array_index (series, TractionRetentionPoint, 11).retention.nrr, ==, last->retention.nrr);
}

static void
test_renewals (void)
{
  g_autoptr(TractionStore) store = scenario_store ("renewals.db");
  g_autoptr(TractionRevenue) revenue = NULL;
  g_autoptr(GError) error = NULL;
  const TractionRevenueRenewal *first, *second;
  GDate from, to, today;

  /* Alder (115,000: high touch, 180 days) renews in 100 days: its work
   * started 80 days ago and nothing happened: late. Cedar (40,000: low
   * touch, 120 days) renews in 150 days; not late yet. Birch renews in
   * 200 days: outside the 180-day horizon. */
  traction_test_exec (store,
                      "INSERT INTO contracts (account_id, start_on, renewal_on, arr_cents) VALUES"
                      " (1, '2026-03-02', '2027-03-02', 11500000),"
                      " (3, '2026-08-01', '2027-04-21', 4000000),"
                      " (2, '2026-09-10', '2027-06-10', 3000000)");
  traction_test_exec (store,
                      "INSERT INTO health_scores (account_id, month, scored_at, api_volume, volume_trend,"
                      " product_breadth, ticket_volume, severity_trend, team_engagement, nps_satisfaction,"
                      " feedback_quality, asked_new_products, growing_next_tier, referred_prospect, score_tenths)"
                      " VALUES (3, '2026-11-01', '2026-11-20T10:00:00Z', 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 550)");

  date_set (&from, "2026-10-01");
  date_set (&to, "2027-01-01");
  date_set (&today, "2026-11-22");
  revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revenue->renewals->len, ==, 2);

  first = g_ptr_array_index (revenue->renewals, 0);
  g_assert_cmpstr (first->row->account, ==, "Alder");
  g_assert_cmpint (first->days_left, ==, 100);
  g_assert_cmpint (first->segment, ==, TRACTION_SEGMENT_HIGH_TOUCH);
  g_assert_cmpint (first->lead_days, ==, 180);
  g_assert_true (first->row->work_late);
  g_assert_false (first->row->has_health);
  g_assert_cmpfloat_with_epsilon (first->probability, 0.85, 1e-9);
  g_assert_cmpint (first->forecast_cents, ==, 9775000);

  second = g_ptr_array_index (revenue->renewals, 1);
  g_assert_cmpstr (second->row->account, ==, "Cedar");
  g_assert_cmpint (second->lead_days, ==, 120);
  g_assert_false (second->row->work_late);
  g_assert_cmpint (second->row->band, ==, TRACTION_BAND_AT_RISK);
  g_assert_cmpint (second->forecast_cents, ==, 2400000);

  g_assert_cmpint (revenue->renewals_arr_cents, ==, 15500000);
  g_assert_cmpint (revenue->renewals_forecast_cents, ==, 9775000 + 2400000);
  /* The 90-day window of the metrics has neither (100 and 150 days). */
  g_assert_cmpint (revenue->metrics.renewals_due, ==, 0);
}

static void
test_movement_edits (void)
{
  g_autoptr(TractionStore) store = scenario_store ("edits.db");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(TractionMovementRow) deleted = NULL;
  g_autoptr(GError) error = NULL;
  TractionMovementInput input = { 3, { 0 }, TRACTION_MOVE_CHURN, 5000000, "too much" };
  TractionMovementRow *row;
  gint64 before = traction_test_query_int (store, "SELECT count(*) FROM arr_movements");
  gint64 id = 0;

  /* A churn larger than the ARR is refused and nothing is written. */
  date_set (&input.date, "2026-09-01");
  g_assert_false (traction_store_add_movement (store, &input, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Cedar"));
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM arr_movements"), ==, before);

  /* A zero amount and an unknown client are refused. */
  input.amount_cents = 0;
  g_assert_false (traction_store_add_movement (store, &input, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  input.amount_cents = 100;
  input.account_id = 99;
  g_assert_false (traction_store_add_movement (store, &input, &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Add, then edit, an expansion of Cedar. */
  input.account_id = 3;
  input.kind = TRACTION_MOVE_EXPANSION_USAGE;
  input.amount_cents = 400000;
  input.note = "More calls";
  g_assert_true (traction_store_add_movement (store, &input, &id, &error));
  g_assert_no_error (error);
  input.amount_cents = 600000;
  g_assert_true (traction_store_update_movement (store, id, &input, &error));
  g_assert_no_error (error);

  /* The log of Cedar, newest first, with the ARR after each movement. */
  log = traction_store_list_movements (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  row = g_ptr_array_index (log, 0);
  g_assert_cmpint (row->id, ==, id);
  g_assert_cmpint (row->amount_cents, ==, 600000);
  g_assert_cmpstr (row->note, ==, "More calls");
  g_assert_cmpint (row->arr_after_cents, ==, 4600000);
  g_assert_cmpint (((TractionMovementRow *) g_ptr_array_index (log, 1))->arr_after_cents, ==, 4000000);
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Deleting Birch's first movement would leave its churn below zero. */
  g_assert_false (traction_store_delete_movement (store,
                                                  traction_test_query_int (store,
                                                                           "SELECT id FROM arr_movements WHERE account_id = 2 AND kind = 'new'"),
                                                  NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Delete, then undo: the same row comes back with its id. */
  g_assert_true (traction_store_delete_movement (store, id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM arr_movements"), ==, before);
  g_assert_true (traction_store_restore_movement (store, deleted, &error));
  g_assert_no_error (error);
  row = traction_store_get_movement (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->amount_cents, ==, 600000);
  g_assert_cmpint (row->kind, ==, TRACTION_MOVE_EXPANSION_USAGE);
  traction_movement_row_free (row);

  /* A movement that no longer exists. */
  g_assert_null (traction_store_get_movement (store, 4242, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

static void
test_csv_preview (void)
{
  g_autoptr(TractionStore) store = scenario_store ("preview.db");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *good = "client,date,kind,amount\nCedar,2026-10-02,expansion-usage,1500\nNew Co,2026-10-03,new,9000\n";
  const char *bad = "client,date,kind,amount\nCedar,2026-10-02,churn,99000\n";
  gint64 moves = traction_test_query_int (store, "SELECT count(*) FROM arr_movements");
  gint64 accounts = traction_test_query_int (store, "SELECT count(*) FROM accounts");
  const TractionMovementRow *row;

  rows = traction_store_preview_movements_csv (store, good, strlen (good), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->account, ==, "Cedar");
  g_assert_cmpint (row->kind, ==, TRACTION_MOVE_EXPANSION_USAGE);
  g_assert_cmpint (row->amount_cents, ==, 150000);
  /* Nothing written: the preview rolls back, the new client included. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM arr_movements"), ==, moves);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM accounts"), ==, accounts);

  g_assert_null (traction_store_preview_movements_csv (store, bad, strlen (bad), &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_periods (void)
{
  GDate date, start, end;
  g_autofree char *q = NULL;
  g_autofree char *y = NULL;
  g_autofree char *q1 = NULL;
  char a[16], b[16];

  date_set (&date, "2026-11-22");
  traction_period_bounds (TRACTION_PERIOD_QUARTER, &date, 4, &start, &end);
  traction_date_format (&start, a);
  traction_date_format (&end, b);
  g_assert_cmpstr (a, ==, "2026-10-01");
  g_assert_cmpstr (b, ==, "2027-01-01");
  q = traction_period_label (TRACTION_PERIOD_QUARTER, &start, &end, 4);
  g_assert_cmpstr (q, ==, "Q3 FY2027");

  traction_period_bounds (TRACTION_PERIOD_YEAR, &date, 4, &start, &end);
  traction_date_format (&start, a);
  traction_date_format (&end, b);
  g_assert_cmpstr (a, ==, "2026-04-01");
  g_assert_cmpstr (b, ==, "2027-04-01");
  y = traction_period_label (TRACTION_PERIOD_YEAR, &start, &end, 4);
  g_assert_cmpstr (y, ==, "FY2027");

  traction_period_shift (TRACTION_PERIOD_QUARTER, &date, 1, -1, &start, &end);
  traction_date_format (&start, a);
  traction_date_format (&end, b);
  g_assert_cmpstr (a, ==, "2026-07-01");
  g_assert_cmpstr (b, ==, "2026-10-01");
  q1 = traction_period_label (TRACTION_PERIOD_QUARTER, &start, &end, 1);
  g_assert_cmpstr (q1, ==, "Q3 2026");

  traction_period_shift (TRACTION_PERIOD_MONTH, &date, 1, -11, &start, &end);
  traction_date_format (&start, a);
  g_assert_cmpstr (a, ==, "2025-12-01");
}

/* The chart renderers draw without error at tiny, ordinary and huge
 * sizes, with data and with none, on an image and a PDF surface. */
static void
draw_all (cairo_t               *cr,
          const TractionRevenue *revenue,
          double                 w,
          double                 h,
          gboolean               monochrome)
{
  TractionChartTheme theme;

  traction_chart_theme_init_print (&theme, monochrome);
  traction_revenue_chart_retention (cr, &theme, 0, 0, w, h, revenue);
  traction_revenue_chart_bridge (cr, &theme, 0, 0, w, h, revenue);
  traction_revenue_chart_cohorts (cr, &theme, 0, 0, w, h, revenue);
  traction_revenue_chart_mix (cr, &theme, 0, 0, w, h, revenue);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_charts_sizes (void)
{
  g_autoptr(TractionStore) store = scenario_store ("charts.db");
  g_autoptr(TractionStore) empty = open_empty ("charts-empty.db");
  g_autoptr(GError) error = NULL;
  static const double sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 3, 200 }, { 200, 3 }, { 40, 30 }, { 480, 300 }, { 20000, 12000 },
  };
  TractionStore *stores[] = { store, empty };
  GDate from, to, today;

  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  date_set (&today, "2026-11-22");

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      g_autoptr(TractionRevenue) revenue = traction_store_load_revenue (stores[s], &from, &to, &today, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
          cairo_t *cr = cairo_create (surface);
          char *tip;

          draw_all (cr, revenue, sizes[i][0], sizes[i][1], i % 2 == 0);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);

          /* Hover in the middle and outside: never fails. */
          for (int c = 0; c < TRACTION_REVENUE_N_CHARTS; c++)
            {
              tip = traction_revenue_chart_tooltip ((TractionRevenueChart) c, revenue, 11.0,
                                                    sizes[i][0], sizes[i][1],
                                                    sizes[i][0] / 2, sizes[i][1] / 2);
              g_free (tip);
              tip = traction_revenue_chart_tooltip ((TractionRevenueChart) c, revenue, 11.0,
                                                    sizes[i][0], sizes[i][1], -5, 1e9);
              g_assert_null (tip);
            }
        }

      /* A4 width on a PDF in black and white. */
      {
        g_autofree char *path = g_build_filename (tmp_dir, "charts.pdf", NULL);
        cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
        cairo_t *cr = cairo_create (surface);

        draw_all (cr, revenue, 523, 260, TRUE);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
    }

  /* A hover over the last NRR point of the scenario gives exact values. */
  {
    g_autoptr(TractionRevenue) revenue = traction_store_load_revenue (store, &from, &to, &today, &error);
    gboolean found = FALSE;

    for (double x = 0; x < 800 && !found; x += 1)
      for (double y = 0; y < 400 && !found; y += 1)
        {
          g_autofree char *tip = traction_revenue_chart_tooltip (TRACTION_REVENUE_CHART_RETENTION,
                                                                 revenue, 11.0, 800, 400, x, y);

          if (tip != NULL && strstr (tip, "September 2026") != NULL)
            {
              g_assert_nonnull (strstr (tip, "90.6"));
              found = TRUE;
            }
        }
    g_assert_true (found);
  }
}

static void
test_dashboard_pdf (void)
{
  g_autoptr(TractionStore) store = scenario_store ("dashboard.db");
  g_autoptr(TractionCsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "dashboard.pdf", NULL);
  GDate from, to, today;

  date_set (&from, "2026-07-01");
  date_set (&to, "2026-10-01");
  date_set (&today, "2026-11-22");
  dashboard = traction_cs_dashboard_new (store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_true (traction_report_write_pdf (traction_cs_dashboard_spec (), dashboard, "Test Co",
                                            TRACTION_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = traction_test_make_dir ("test-revenue");

  g_test_add_func ("/revenue/quarter-scenario", test_quarter_scenario);
  g_test_add_func ("/revenue/churn-then-reactivation", test_churn_then_reactivation);
  g_test_add_func ("/revenue/empty-cohort", test_empty_cohort);
  g_test_add_func ("/revenue/series-equals-metrics", test_series_equals_metrics);
  g_test_add_func ("/revenue/renewals", test_renewals);
  g_test_add_func ("/revenue/movement-edits", test_movement_edits);
  g_test_add_func ("/revenue/csv-preview", test_csv_preview);
  g_test_add_func ("/revenue/periods", test_periods);
  g_test_add_func ("/revenue/charts-sizes", test_charts_sizes);
  g_test_add_func ("/revenue/dashboard-pdf", test_dashboard_pdf);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
