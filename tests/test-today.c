/* test-today.c: the Today page, the metrics, settings and rules, named
 * lists and the defaults of a new database, on small hand-made databases.
 *
 * Today is fixed at Wednesday 2026-03-18 unless a test says otherwise;
 * the week runs Monday 2026-03-16 to Sunday 2026-03-22 and the fiscal
 * quarter (year starting in January) is [2026-01-01, 2026-04-01).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  TractionStore *store;
} Fixture;

static GDate
make_date (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return date;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = traction_test_make_dir ("traction-today");
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

/* Test data goes in as plain SQL, as a founder's database would hold it. */
static void
exec_sql (Fixture    *f,
          const char *sql)
{
  traction_test_exec (f->store, sql);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = traction_store_prepare (f->store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* Today: stalled deals */

static void
test_today_stalled (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionToday) today = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionStalledDeal *deal;

  exec_sql (f,
            "INSERT INTO founders (id, name) VALUES (1, 'Ana');"
            "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2026-01-01');"
            /* Last touchpoint 15 days ago: not stalled (more than 15 needed). */
            "INSERT INTO deals (id, account_id, name, stage, created_on) VALUES"
            " (1, 1, 'Fifteen', 'discovery', '2026-01-01');"
            "INSERT INTO touchpoints (account_id, deal_id, kind, happened_on) VALUES"
            " (1, 1, 'email', '2026-02-20'), (1, 1, 'call', '2026-03-03');"
            /* 16 days: stalled. */
            "INSERT INTO deals (id, account_id, name, stage, arr_cents, owner_id, created_on) VALUES"
            " (2, 1, 'Sixteen', 'proposal', 5000000, 1, '2026-01-01');"
            "INSERT INTO touchpoints (account_id, deal_id, kind, happened_on) VALUES"
            " (1, 2, 'meeting', '2026-03-02');"
            /* Paused until later, or without an end: left out. */
            "INSERT INTO deals (id, account_id, name, stage, created_on, paused_reason, paused_until) VALUES"
            " (3, 1, 'Paused', 'lead', '2026-01-01', 'Budget freeze', '2026-04-01'),"
            " (4, 1, 'Paused for good', 'lead', '2026-01-01', 'Reorganisation', NULL);"
            /* The pause ended: idle since creation, 76 days. */
            "INSERT INTO deals (id, account_id, name, stage, created_on, paused_reason, paused_until) VALUES"
            " (5, 1, 'Pause over', 'lead', '2026-01-01', 'Holidays', '2026-03-10');"
            /* No touchpoint: its last stage change counts, 8 days ago. */
            "INSERT INTO deals (id, account_id, name, stage, created_on) VALUES"
            " (6, 1, 'Moved', 'qualified', '2026-01-01');"
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at) VALUES"
            " (6, NULL, 'lead', '2026-01-01T10:00:00Z'),"
            " (6, 'lead', 'qualified', '2026-03-10T09:00:00Z');"
            /* Closed deals never stall. */
            "INSERT INTO deals (id, account_id, name, stage, created_on, closed_on) VALUES"
            " (7, 1, 'Signed', 'won', '2025-06-01', '2025-07-01');");

  today = traction_store_load_today (f->store, &now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (today);

  g_assert_cmpuint (today->stalled->len, ==, 2);

  deal = g_ptr_array_index (today->stalled, 0);
  g_assert_cmpint (deal->deal_id, ==, 5);
  g_assert_cmpstr (deal->deal, ==, "Pause over");
  g_assert_cmpstr (deal->account, ==, "Acme");
  g_assert_cmpstr (deal->owner, ==, "");
  g_assert_cmpint (deal->stage, ==, TRACTION_STAGE_LEAD);
  g_assert_cmpint (deal->days_idle, ==, 76);

  deal = g_ptr_array_index (today->stalled, 1);
  g_assert_cmpint (deal->deal_id, ==, 2);
  g_assert_cmpstr (deal->deal, ==, "Sixteen");
  g_assert_cmpstr (deal->owner, ==, "Ana");
  g_assert_cmpint (deal->stage, ==, TRACTION_STAGE_PROPOSAL);
  g_assert_cmpint (deal->arr_cents, ==, 5000000);
  g_assert_cmpint (deal->days_idle, ==, 16);
}

/* Today: follow-ups and alerts */

static void
test_today_follow_ups (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionToday) today = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionFollowUp *step;
  TractionAlertRow *alert;

  exec_sql (f,
            "INSERT INTO founders (id, name) VALUES (1, 'Ana'), (2, 'Ben');"
            "INSERT INTO accounts (id, name, owner_id, created_on) VALUES"
            " (1, 'Acme', 2, '2026-01-01'), (2, 'Globex', NULL, '2026-01-01');"
            "INSERT INTO deals (id, account_id, name, stage, owner_id, created_on) VALUES"
            " (1, 1, 'Acme payments', 'discovery', 1, '2026-03-01');"
            "INSERT INTO next_steps (id, account_id, deal_id, action, owner_id, due_on, done_on) VALUES"
            " (1, 1, NULL, 'Send the QBR deck', 2, '2026-03-18', NULL),"
            " (2, 1, 1, 'Send the proposal', NULL, '2026-03-15', NULL),"
            " (3, 1, 1, 'Book the demo', 1, '2026-03-19', NULL),"
            " (4, 2, NULL, 'Call back', NULL, '2026-03-01', '2026-03-02'),"
            " (5, 2, NULL, 'Someday', NULL, NULL, NULL);"
            "INSERT INTO alerts (id, account_id, kind, source_month, raised_at, due_at, owner_id, status) VALUES"
            " (1, 2, 'dark', '2026-02', '2026-03-02T08:00:00Z', '2026-03-04T08:00:00Z', NULL, 'acknowledged'),"
            " (2, 1, 'low_nps', '2026-03', '2026-03-10T08:00:00Z', '2026-03-13T08:00:00Z', 1, 'open'),"
            " (3, 1, 'volume_drop', '2026-01', '2026-02-01T08:00:00Z', '2026-02-03T08:00:00Z', 1, 'resolved');");

  today = traction_store_load_today (f->store, &now, &error);
  g_assert_no_error (error);

  /* Overdue first, then due today; not tomorrow's, done or undated steps. */
  g_assert_cmpuint (today->follow_ups->len, ==, 2);

  step = g_ptr_array_index (today->follow_ups, 0);
  g_assert_cmpint (step->step_id, ==, 2);
  g_assert_cmpint (step->deal_id, ==, 1);
  g_assert_cmpstr (step->action, ==, "Send the proposal");
  g_assert_cmpstr (step->account, ==, "Acme");
  g_assert_cmpstr (step->deal, ==, "Acme payments");
  g_assert_cmpstr (step->owner, ==, "Ana");          /* the deal's owner */
  assert_date (&step->due, 2026, 3, 15);
  g_assert_cmpint (step->days_overdue, ==, 3);

  step = g_ptr_array_index (today->follow_ups, 1);
  g_assert_cmpint (step->step_id, ==, 1);
  g_assert_cmpint (step->deal_id, ==, 0);
  g_assert_cmpstr (step->deal, ==, "");
  g_assert_cmpstr (step->owner, ==, "Ben");
  g_assert_cmpint (step->days_overdue, ==, 0);

  /* Open and acknowledged alerts, oldest first; resolved ones are gone. */
  g_assert_cmpuint (today->alerts->len, ==, 2);

  alert = g_ptr_array_index (today->alerts, 0);
  g_assert_cmpint (alert->alert_id, ==, 1);
  g_assert_cmpint (alert->account_id, ==, 2);
  g_assert_cmpstr (alert->account, ==, "Globex");
  g_assert_cmpint (alert->kind, ==, TRACTION_ALERT_DARK);
  g_assert_cmpstr (alert->owner, ==, traction_alert_owner_role (TRACTION_ALERT_DARK));
  g_assert_cmpstr (alert->response, ==, traction_alert_response (TRACTION_ALERT_DARK));
  g_assert_cmpstr (alert->status, ==, "acknowledged");
  g_assert_cmpstr (alert->due_at, ==, "2026-03-04T08:00:00Z");

  alert = g_ptr_array_index (today->alerts, 1);
  g_assert_cmpint (alert->alert_id, ==, 2);
  g_assert_cmpint (alert->kind, ==, TRACTION_ALERT_LOW_NPS);
  g_assert_cmpstr (alert->owner, ==, "Ana");
  g_assert_cmpstr (alert->status, ==, "open");
}

/* Today and metrics: renewals */

static void
insert_renewal_data (Fixture *f)
{
  exec_sql (f,
            "INSERT INTO accounts (id, name, created_on) VALUES"
            " (1, 'Acme', '2025-01-01'), (2, 'Globex', '2025-01-01'),"
            " (3, 'Initech', '2025-01-01'), (4, 'Umbrella', '2025-01-01'),"
            " (5, 'Hooli', '2025-01-01'), (6, 'Stark', '2025-01-01');"
            /* Acme: today + 89 days, $20K (low touch: work starts 120 days
             * ahead, 2026-02-15), nothing done since: late. Healthy (85). */
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents) VALUES"
            " (1, 1, '2025-06-15', '2026-06-15', 2000000);"
            "INSERT INTO health_scores (account_id, month, scored_at, api_volume, volume_trend,"
            " product_breadth, ticket_volume, severity_trend, team_engagement, nps_satisfaction,"
            " feedback_quality, asked_new_products, growing_next_tier, referred_prospect, score_tenths)"
            " VALUES (1, '2026-01', '2026-01-31T00:00:00Z', 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 450),"
            " (1, '2026-02', '2026-02-28T00:00:00Z', 5, 5, 4, 4, 4, 4, 4, 4, 1, 0, 0, 850);"
            /* Globex: today + 90 days, outside the 90-day window. */
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents) VALUES"
            " (2, 2, '2025-06-16', '2026-06-16', 9000000);"
            /* Initech: renews today, $50K, At risk (55); a touchpoint since
             * its work start (2025-11-18): not late. */
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents) VALUES"
            " (3, 3, '2025-03-18', '2026-03-18', 5000000);"
            "INSERT INTO health_scores (account_id, month, scored_at, api_volume, volume_trend,"
            " product_breadth, ticket_volume, severity_trend, team_engagement, nps_satisfaction,"
            " feedback_quality, asked_new_products, growing_next_tier, referred_prospect, score_tenths)"
            " VALUES (3, '2026-02', '2026-02-28T00:00:00Z', 3, 3, 3, 3, 3, 3, 3, 3, 1, 0, 0, 550);"
            "INSERT INTO touchpoints (account_id, kind, happened_on) VALUES (3, 'email', '2026-01-10');"
            /* Umbrella: renewed already; Hooli: renewal date passed. */
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents, status) VALUES"
            " (4, 4, '2025-04-01', '2026-04-01', 3000000, 'renewed');"
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents) VALUES"
            " (5, 5, '2025-03-17', '2026-03-17', 3000000);"
            /* Stark: today + 84 days, $5K (tech touch: 90 days ahead,
             * 2026-03-12), not scored; a step planned for next week: not late. */
            "INSERT INTO contracts (id, account_id, start_on, renewal_on, arr_cents) VALUES"
            " (6, 6, '2025-06-10', '2026-06-10', 500000);"
            "INSERT INTO next_steps (account_id, action, due_on) VALUES"
            " (6, 'Renewal call', '2026-03-25');");
}

static void
test_today_renewals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionToday) today = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionRenewalRow *renewal;

  insert_renewal_data (f);

  today = traction_store_load_today (f->store, &now, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (today->renewals->len, ==, 3);

  renewal = g_ptr_array_index (today->renewals, 0);
  g_assert_cmpint (renewal->contract_id, ==, 3);
  g_assert_cmpstr (renewal->account, ==, "Initech");
  assert_date (&renewal->renewal, 2026, 3, 18);
  g_assert_true (renewal->has_health);
  g_assert_cmpfloat_with_epsilon (renewal->score, 55.0, 1e-9);
  g_assert_cmpint (renewal->band, ==, TRACTION_BAND_AT_RISK);
  assert_date (&renewal->work_start, 2025, 11, 18);
  g_assert_false (renewal->work_late);

  renewal = g_ptr_array_index (today->renewals, 1);
  g_assert_cmpint (renewal->contract_id, ==, 6);
  g_assert_false (renewal->has_health);
  assert_date (&renewal->work_start, 2026, 3, 12);
  g_assert_false (renewal->work_late);

  renewal = g_ptr_array_index (today->renewals, 2);
  g_assert_cmpint (renewal->contract_id, ==, 1);
  g_assert_cmpint (renewal->account_id, ==, 1);
  assert_date (&renewal->renewal, 2026, 6, 15);
  g_assert_cmpint (renewal->arr_cents, ==, 2000000);
  g_assert_true (renewal->has_health);
  g_assert_cmpfloat_with_epsilon (renewal->score, 85.0, 1e-9);
  g_assert_cmpint (renewal->band, ==, TRACTION_BAND_HEALTHY);
  assert_date (&renewal->work_start, 2026, 2, 15);
  g_assert_true (renewal->work_late);
}

static void
test_metrics_renewals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionMetrics metrics;

  insert_renewal_data (f);

  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);

  /* The same three contracts as the Today page. */
  g_assert_cmpint (metrics.renewals_due, ==, 3);
  g_assert_cmpint (metrics.renewals_arr_cents, ==, 2000000 + 5000000 + 500000);
  /* Healthy $20K × 95 % + At risk $50K × 60 % + unscored $5K × 85 %
   * (Monitor) = 19,000 + 30,000 + 4,250 dollars. */
  g_assert_cmpint (metrics.renewals_forecast_cents, ==, 1900000 + 3000000 + 425000);
}

/* Today: the week, Monday-based */

static void
test_today_week (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    int y, m, d;
    int start_d;
    int prospects, meetings;
  } cases[] = {
    { 2026, 3, 16, 16, 2, 2 },   /* Monday */
    { 2026, 3, 18, 16, 2, 2 },   /* Wednesday */
    { 2026, 3, 22, 16, 2, 2 },   /* Sunday, same week */
    { 2026, 3, 15, 9, 1, 1 },    /* Sunday, the week before */
    { 2026, 3, 23, 23, 1, 1 },   /* Monday, the week after */
  };

  exec_sql (f,
            "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2026-01-01');"
            "INSERT INTO deals (account_id, name, stage, created_on) VALUES"
            " (1, 'Sunday before', 'lead', '2026-03-15'),"
            " (1, 'Monday', 'lead', '2026-03-16'),"
            " (1, 'Sunday', 'lead', '2026-03-22'),"
            " (1, 'Next Monday', 'lead', '2026-03-23');"
            "INSERT INTO touchpoints (account_id, kind, happened_on) VALUES"
            " (1, 'call', '2026-03-15'),"
            " (1, 'meeting', '2026-03-16'),"
            " (1, 'email', '2026-03-17'),"
            " (1, 'note', '2026-03-18'),"
            " (1, 'call', '2026-03-22'),"
            " (1, 'meeting', '2026-03-23');");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TractionToday) today = NULL;
      GDate now = make_date (cases[i].y, cases[i].m, cases[i].d);

      today = traction_store_load_today (f->store, &now, &error);
      g_assert_no_error (error);
      assert_date (&today->week_start, 2026, 3, cases[i].start_d);
      g_assert_cmpint (today->week_prospects, ==, cases[i].prospects);
      g_assert_cmpint (today->week_meetings, ==, cases[i].meetings);
    }
}

/* Metrics */

static void
test_metrics_retention (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionMetrics metrics;

  exec_sql (f,
            "INSERT INTO accounts (id, name, created_on) VALUES"
            " (1, 'Acme', '2025-06-01'), (2, 'Globex', '2025-09-01'), (3, 'Initech', '2026-02-15');"
            /* Acme: $100K at the start, +$20K upsell: $120K.
             * Globex: $50K at the start, -$10K: $40K.
             * Initech: new in the quarter, outside the cohort. */
            "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) VALUES"
            " (1, '2025-06-01', 'new', 10000000),"
            " (1, '2026-02-01', 'expansion-upsell', 2000000),"
            " (2, '2025-09-01', 'new', 5000000),"
            " (2, '2026-03-01', 'contraction', 1000000),"
            " (3, '2026-02-15', 'new', 3000000),"
            " (1, '2026-04-01', 'churn', 12000000);"
            /* Latest scores before the end: Acme 90 (Healthy; its April
             * score is after the period), Globex 50 (At risk), Initech none. */
            "INSERT INTO health_scores (account_id, month, scored_at, api_volume, volume_trend,"
            " product_breadth, ticket_volume, severity_trend, team_engagement, nps_satisfaction,"
            " feedback_quality, asked_new_products, growing_next_tier, referred_prospect, score_tenths)"
            " VALUES (1, '2026-02', '2026-02-28T00:00:00Z', 5, 5, 5, 5, 4, 4, 4, 4, 1, 1, 0, 900),"
            " (1, '2026-04', '2026-04-30T00:00:00Z', 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 100),"
            " (2, '2026-02', '2026-02-28T00:00:00Z', 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 700),"
            " (2, '2026-03', '2026-03-31T00:00:00Z', 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 0, 500),"
            /* A month written as its first day: after the quarter, inside
             * a period that ends mid-April. */
            " (2, '2026-04-01', '2026-04-30T00:00:00Z', 5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 950);");

  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);

  assert_date (&metrics.from, 2026, 1, 1);
  assert_date (&metrics.to, 2026, 4, 1);

  /* NRR = (120 + 40) / (100 + 50) = 106.67 %; GRR = (100 + 40) / 150 = 93.33 %. */
  g_assert_true (metrics.retention.valid);
  g_assert_cmpuint (metrics.retention.cohort_size, ==, 2);
  g_assert_cmpint (metrics.retention.start_cents, ==, 15000000);
  g_assert_cmpint (metrics.retention.end_cents, ==, 16000000);
  g_assert_cmpint (metrics.retention.expansion_cents, ==, 2000000);
  g_assert_cmpint (metrics.retention.contraction_cents, ==, 1000000);
  g_assert_cmpint (metrics.retention.churn_cents, ==, 0);
  g_assert_cmpfloat_with_epsilon (metrics.retention.nrr, 1600.0 / 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (metrics.retention.grr, 1400.0 / 15.0, 1e-9);

  g_assert_cmpint (metrics.bridge.start_cents, ==, 15000000);
  g_assert_cmpint (metrics.bridge.new_cents, ==, 3000000);
  g_assert_cmpint (metrics.bridge.expansion_cents, ==, 2000000);
  g_assert_cmpint (metrics.bridge.upsell_cents, ==, 2000000);
  g_assert_cmpint (metrics.bridge.contraction_cents, ==, 1000000);
  g_assert_cmpint (metrics.bridge.churn_cents, ==, 0);
  g_assert_cmpint (metrics.bridge.end_cents, ==, 19000000);

  g_assert_cmpint (metrics.arr_cents, ==, 19000000);
  g_assert_cmpuint (metrics.active_clients, ==, 3);

  g_assert_cmpint (metrics.health_count[TRACTION_BAND_HEALTHY], ==, 1);
  g_assert_cmpint (metrics.health_count[TRACTION_BAND_MONITOR], ==, 0);
  g_assert_cmpint (metrics.health_count[TRACTION_BAND_AT_RISK], ==, 1);
  g_assert_cmpint (metrics.health_count[TRACTION_BAND_CRITICAL], ==, 0);
  g_assert_cmpint (metrics.health_unscored, ==, 1);
  g_assert_cmpint (metrics.at_risk_arr_cents, ==, 4000000);

  g_assert_cmpint (metrics.renewals_due, ==, 0);
  g_assert_cmpint (metrics.renewals_forecast_cents, ==, 0);

  /* Up to mid-April: April began before the end, so Globex is Healthy
   * (95); Acme churned on April 1 and is no longer a client. */
  {
    GDate from = make_date (2026, 1, 1);
    GDate to = make_date (2026, 4, 15);

    g_assert_true (traction_store_compute_metrics (f->store, &from, &to, &now, &metrics, &error));
    g_assert_no_error (error);
    g_assert_cmpint (metrics.health_count[TRACTION_BAND_HEALTHY], ==, 1);
    g_assert_cmpint (metrics.health_count[TRACTION_BAND_AT_RISK], ==, 0);
    g_assert_cmpint (metrics.health_count[TRACTION_BAND_CRITICAL], ==, 0);
    g_assert_cmpint (metrics.health_unscored, ==, 1);
  }
}

static void
test_metrics_pipeline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionMetrics metrics;
  TractionRules rules;

  traction_store_get_rules (f->store, &rules);
  rules.quarterly_target_cents = 10000000;  /* $100K */
  g_assert_true (traction_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);

  exec_sql (f,
            "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2025-01-01');"
            "INSERT INTO deals (id, account_id, name, stage, arr_cents, created_on, expected_close,"
            " closed_on, loss_reason_id, paused_reason) VALUES"
            /* Open: in the quarter, undated (counts), next quarter, paused. */
            " (1, 1, 'In quarter', 'proposal', 2000000, '2026-02-01', '2026-03-30', NULL, NULL, NULL),"
            " (2, 1, 'Undated', 'negotiation', 1000000, '2025-12-01', NULL, NULL, NULL, NULL),"
            " (3, 1, 'Next quarter', 'lead', 5000000, '2026-03-10', '2026-05-01', NULL, NULL, NULL),"
            " (4, 1, 'Paused', 'discovery', 4000000, '2026-01-05', '2026-03-20', NULL, NULL, 'Budget'),"
            /* Won in the quarter after 30 and 61 days; won before it; lost in it. */
            " (5, 1, 'Won fast', 'won', 1000000, '2026-01-10', NULL, '2026-02-09', NULL, NULL),"
            " (6, 1, 'Won slow', 'won', 1000000, '2025-12-01', NULL, '2026-01-31', NULL, NULL),"
            " (7, 1, 'Won last year', 'won', 1000000, '2025-10-01', NULL, '2025-12-20', NULL, NULL),"
            " (8, 1, 'Lost', 'lost', 1000000, '2026-01-20', NULL, '2026-03-01', 1, NULL);");

  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);

  /* Coverage = ($20K + $10K) / $100K. */
  g_assert_cmpint (metrics.pipeline.quarter_cents, ==, 3000000);
  g_assert_cmpfloat_with_epsilon (metrics.pipeline.coverage, 0.3, 1e-9);
  g_assert_cmpint (metrics.pipeline.open_cents, ==, 12000000);
  g_assert_cmpint (metrics.pipeline.paused, ==, 1);
  /* 20,000 × 48.75 % + 10,000 × 75 % + 50,000 × 7.8 % + 40,000 × 26.8 %
   * = 9,750 + 7,500 + 3,900 + 10,720 dollars. */
  g_assert_cmpint (metrics.pipeline.weighted_cents_total, ==, 975000 + 750000 + 390000 + 1072000);
  g_assert_cmpint (metrics.pipeline.count[TRACTION_STAGE_WON], ==, 3);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_PROPOSAL], 0.4875, 1e-12);

  g_assert_cmpint (metrics.deals_added, ==, 5);   /* 1, 3, 4, 5, 8 */
  g_assert_cmpint (metrics.deals_won, ==, 2);
  g_assert_cmpint (metrics.deals_lost, ==, 1);
  g_assert_cmpfloat_with_epsilon (metrics.lead_to_close_days, 45.5, 1e-9);

  /* Coverage for a period of the founder's choosing. */
  {
    GDate from = make_date (2026, 4, 1);
    GDate to = make_date (2026, 7, 1);

    g_assert_true (traction_store_compute_metrics (f->store, &from, &to, &now, &metrics, &error));
    g_assert_no_error (error);
    g_assert_cmpint (metrics.pipeline.quarter_cents, ==, 6000000);   /* Next quarter + undated */
    g_assert_cmpint (metrics.deals_added, ==, 0);
    g_assert_cmpfloat (metrics.lead_to_close_days, <, 0.0);
    g_assert_false (metrics.retention.valid);

    g_assert_false (traction_store_compute_metrics (f->store, &to, &from, &now, &metrics, &error));
    g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  }
}

/* Learned probabilities: from the stage history once 10 deals are closed. */
static void
test_metrics_learned (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate now = make_date (2026, 3, 18);
  TractionMetrics metrics;

  exec_sql (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2025-01-01');");

  /* Ten deals went Lead -> Qualified; four of them were then won, two of
   * those through Proposal; six lost. */
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *sql = NULL;
      gboolean won = i <= 4;

      sql = g_strdup_printf ("INSERT INTO deals (id, account_id, name, stage, created_on, closed_on, loss_reason_id)"
                             " VALUES (%d, 1, 'Deal %d', '%s', '2025-06-01', '2025-09-01', %s);"
                             "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at) VALUES"
                             " (%d, NULL, 'lead', '2025-06-01T00:00:00Z'),"
                             " (%d, 'lead', 'qualified', '2025-07-01T00:00:00Z'),"
                             " (%d, 'qualified', '%s', '2025-09-01T00:00:00Z');",
                             i, i, won ? "won" : "lost", won ? "NULL" : "1",
                             i, i, i, i <= 2 ? "proposal" : won ? "won" : "lost");
      exec_sql (f, sql);
      if (i <= 2)
        {
          g_autofree char *more = g_strdup_printf ("INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at)"
                                                   " VALUES (%d, 'proposal', 'won', '2025-09-01T00:00:00Z');", i);
          exec_sql (f, more);
        }
    }

  /* The default mode keeps the rules' probabilities. */
  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_LEAD], 0.078, 1e-12);

  g_assert_true (traction_store_set_setting (f->store, "probability_mode", "learned", &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_LEAD], 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_QUALIFIED], 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_DISCOVERY], 0.268, 1e-12);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_PROPOSAL], 1.0, 1e-12);

  /* Nine closed deals are too few: back to the defaults. */
  exec_sql (f, "DELETE FROM deals WHERE id = 10");
  g_assert_true (traction_store_compute_metrics (f->store, NULL, NULL, &now, &metrics, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (metrics.probability[TRACTION_STAGE_LEAD], 0.078, 1e-12);
}

/* Settings and rules */

static void
assert_rules_equal (const TractionRules *a,
                    const TractionRules *b)
{
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      g_assert_cmpfloat (a->stage_probability[i], ==, b->stage_probability[i]);
      g_assert_cmpint (a->stalled_days[i], ==, b->stalled_days[i]);
    }
  g_assert_cmpint (a->quarterly_target_cents, ==, b->quarterly_target_cents);
  g_assert_cmpfloat (a->coverage_needed, ==, b->coverage_needed);
  g_assert_cmpint (a->rhythm_max_prospects, ==, b->rhythm_max_prospects);
  g_assert_cmpint (a->rhythm_max_meetings, ==, b->rhythm_max_meetings);
  g_assert_cmpint (a->fiscal_year_start_month, ==, b->fiscal_year_start_month);
  g_assert_cmpint (a->bant_high, ==, b->bant_high);
  g_assert_cmpint (a->bant_medium, ==, b->bant_medium);
  g_assert_cmpint (a->bant_low, ==, b->bant_low);
  g_assert_cmpint (a->nurture_days, ==, b->nurture_days);
  g_assert_cmpint (a->discovery_days, ==, b->discovery_days);
  g_assert_cmpint (a->meddpicc_deal_cents, ==, b->meddpicc_deal_cents);
  g_assert_cmpint (a->meddpicc_cycle_days, ==, b->meddpicc_cycle_days);
  g_assert_cmpint (a->partner_qualify, ==, b->partner_qualify);
  g_assert_cmpint (a->provider_review_days, ==, b->provider_review_days);
  for (guint i = 0; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    g_assert_cmpint (a->health_weight[i], ==, b->health_weight[i]);
  g_assert_cmpint (a->band_healthy, ==, b->band_healthy);
  g_assert_cmpint (a->band_monitor, ==, b->band_monitor);
  g_assert_cmpint (a->band_at_risk, ==, b->band_at_risk);
  g_assert_cmpfloat (a->trend_delta, ==, b->trend_delta);
  g_assert_cmpint (a->alert_volume_drop_pct, ==, b->alert_volume_drop_pct);
  g_assert_cmpint (a->alert_no_calls_days, ==, b->alert_no_calls_days);
  g_assert_cmpint (a->alert_dark_days, ==, b->alert_dark_days);
  g_assert_cmpint (a->alert_nps_below, ==, b->alert_nps_below);
  g_assert_cmpfloat (a->nrr_target, ==, b->nrr_target);
  g_assert_cmpfloat (a->grr_target, ==, b->grr_target);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (a->expansion_mix_target[i], ==, b->expansion_mix_target[i]);
  for (guint i = 0; i < TRACTION_N_BANDS; i++)
    g_assert_cmpfloat (a->renewal_probability[i], ==, b->renewal_probability[i]);
  for (guint i = 0; i < TRACTION_N_SEGMENTS; i++)
    g_assert_cmpint (a->renewal_lead_days[i], ==, b->renewal_lead_days[i]);
  g_assert_cmpint (a->segment_high_cents, ==, b->segment_high_cents);
  g_assert_cmpint (a->segment_low_cents, ==, b->segment_low_cents);
  g_assert_cmpint (a->renewal_window_days, ==, b->renewal_window_days);
  g_assert_cmpint (a->graduation_cs_clients, ==, b->graduation_cs_clients);
  g_assert_cmpint (a->graduation_meddic_cents, ==, b->graduation_meddic_cents);
  g_assert_cmpint (a->graduation_meddpicc_cents, ==, b->graduation_meddpicc_cents);
  g_assert_cmpint (a->asset_stale_days, ==, b->asset_stale_days);
}

static void
test_settings_rules_round_trip (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  TractionRules defaults, rules, read, bad;
  int n_rows;

  /* A new database stores no rule: all defaults. */
  traction_rules_init_defaults (&defaults);
  traction_store_get_rules (f->store, &read);
  assert_rules_equal (&read, &defaults);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM settings"), ==, 0);

  rules = defaults;
  rules.stage_probability[TRACTION_STAGE_LEAD] = 0.1;
  rules.stage_probability[TRACTION_STAGE_PROPOSAL] = 1.0 / 3.0;
  rules.stalled_days[TRACTION_STAGE_NEGOTIATION] = 7;
  rules.quarterly_target_cents = G_GINT64_CONSTANT (12345678901);
  rules.coverage_needed = 2.5;
  rules.fiscal_year_start_month = 4;
  rules.bant_high = 17;
  rules.health_weight[TRACTION_HEALTH_USAGE] = 50;
  rules.health_weight[TRACTION_HEALTH_SUPPORT] = 20;
  rules.health_weight[TRACTION_HEALTH_SATISFACTION] = 20;
  rules.health_weight[TRACTION_HEALTH_EXPANSION] = 10;
  rules.band_healthy = 85;
  rules.trend_delta = 7.5;
  rules.expansion_mix_target[0] = 50;
  rules.expansion_mix_target[2] = 15;
  rules.renewal_probability[TRACTION_BAND_CRITICAL] = 0.25;
  rules.renewal_lead_days[TRACTION_SEGMENT_TECH_TOUCH] = 60;
  rules.segment_low_cents = 2000000;
  rules.renewal_window_days = 120;
  rules.graduation_meddpicc_cents = G_GINT64_CONSTANT (600000000);
  rules.asset_stale_days = 45;

  g_assert_true (traction_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);

  traction_store_get_rules (f->store, &read);
  assert_rules_equal (&read, &rules);

  /* Values as text, C locale; only what differs from the defaults. */
  value = traction_store_get_setting (f->store, "stage_probability.lead");
  g_assert_cmpstr (value, ==, "0.1");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "quarterly_target_cents");
  g_assert_cmpstr (value, ==, "12345678901");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "health_weight.usage");
  g_assert_cmpstr (value, ==, "50");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "stalled_days.negotiation");
  g_assert_cmpstr (value, ==, "7");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "renewal_lead_days.tech_touch");
  g_assert_cmpstr (value, ==, "60");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "expansion_mix_target.cross_sell");
  g_assert_cmpstr (value, ==, "50");
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "bant_medium");
  g_assert_null (value);

  /* Health weights adding up to 110 %: refused, nothing written. */
  n_rows = count_rows (f, "SELECT count(*) FROM settings");
  g_assert_cmpint (n_rows, ==, 20);
  bad = rules;
  bad.health_weight[TRACTION_HEALTH_USAGE] = 60;
  bad.quarterly_target_cents = 1;
  g_assert_false (traction_store_set_rules (f->store, &bad, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM settings"), ==, n_rows);
  traction_store_get_rules (f->store, &read);
  assert_rules_equal (&read, &rules);

  /* Back to the defaults: the rows go away. */
  g_assert_true (traction_store_set_rules (f->store, &defaults, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM settings"), ==, 0);
}

static void
test_settings_malformed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *value = NULL;
  TractionRules rules;

  exec_sql (f,
            "INSERT INTO settings (key, value) VALUES"
            " ('coverage_needed', '2,5'),"          /* locale comma */
            " ('rhythm_max_meetings', '6'),"        /* fine */
            " ('bant_high', 'sixteen'),"
            " ('health_weight.usage', '90'),"       /* the weights add up to 150 */
            " ('renewal_window_days', '-3'),"       /* out of range */
            " ('company_name', 'Acme Rails');");

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*coverage_needed*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*bant_high*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*health_weight.usage*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*renewal_window_days*");
  traction_store_get_rules (f->store, &rules);
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (rules.coverage_needed, ==, 3.0);
  g_assert_cmpint (rules.rhythm_max_meetings, ==, 6);
  g_assert_cmpint (rules.bant_high, ==, 16);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_USAGE], ==, 40);
  g_assert_cmpint (rules.renewal_window_days, ==, 90);

  name = traction_store_get_company_name (f->store);
  g_assert_cmpstr (name, ==, "Acme Rails");
  currency = traction_store_get_currency (f->store);
  g_assert_cmpstr (currency, ==, "USD");

  /* Every read of the rules warns while the bad rows are there. */
  exec_sql (f, "DELETE FROM settings WHERE key IN ('coverage_needed', 'bant_high',"
               " 'health_weight.usage', 'renewal_window_days')");

  /* set_setting checks what it knows. */
  g_assert_false (traction_store_set_setting (f->store, "probability_mode", "sometimes", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_set_setting (f->store, "stalled_days.lead", "0", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_set_setting (f->store, "currency", "euro", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (traction_store_set_setting (f->store, "currency", "EUR", &error));
  g_assert_no_error (error);
  g_clear_pointer (&currency, g_free);
  currency = traction_store_get_currency (f->store);
  g_assert_cmpstr (currency, ==, "EUR");

  g_assert_true (traction_store_set_setting (f->store, "probability_mode", "learned", &error));
  g_assert_no_error (error);
  value = traction_store_get_setting (f->store, "probability_mode");
  g_assert_cmpstr (value, ==, "learned");

  /* Values through set_setting are stored in canonical form. */
  g_assert_true (traction_store_set_setting (f->store, "bant_high", "18", &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_set_setting (f->store, "coverage_needed", "4.0", &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_set_setting (f->store, "health_weight.usage", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_set_setting (f->store, "renewal_window_days", NULL, &error));
  g_assert_no_error (error);

  traction_store_get_rules (f->store, &rules);
  g_assert_cmpint (rules.bant_high, ==, 18);
  g_assert_cmpfloat (rules.coverage_needed, ==, 4.0);
  g_clear_pointer (&value, g_free);
  value = traction_store_get_setting (f->store, "coverage_needed");
  g_assert_cmpstr (value, ==, "4");
}

/* Named lists */

static void
assert_names (GPtrArray   *items,
              const char **names)
{
  guint n = g_strv_length ((char **)names);

  g_assert_cmpuint (items->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((TractionNamed *)g_ptr_array_index (items, i))->name, ==, names[i]);
}

static void
test_settings_named_lists (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 legal = 0, no_budget, ana = 0, ben = 0, api = 0;
  const char *seeded[] = { "No budget", "Wrong timing", "Competitor selected",
                           "Built in-house", "No decision", "Product gap", NULL };
  const char *with_legal[] = { "No budget", "Wrong timing", "Competitor selected",
                               "Built in-house", "No decision", "Product gap",
                               "Legal review", NULL };

  g_assert_true (traction_store_is_empty (f->store));

  items = traction_store_list_named (f->store, "loss_reasons");
  assert_names (items, seeded);
  no_budget = ((TractionNamed *)g_ptr_array_index (items, 0))->id;
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Added at the end, trimmed. */
  g_assert_true (traction_store_add_named (f->store, "loss_reasons", "  Legal blocked ", &legal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (legal, >, 0);

  g_assert_false (traction_store_add_named (f->store, "loss_reasons", "no BUDGET", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_add_named (f->store, "loss_reasons", "   ", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (traction_store_rename_named (f->store, "loss_reasons", legal, "Legal review", &error));
  g_assert_no_error (error);
  g_assert_false (traction_store_rename_named (f->store, "loss_reasons", legal, "Wrong timing", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_rename_named (f->store, "loss_reasons", 9999, "Anything", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  items = traction_store_list_named (f->store, "loss_reasons");
  assert_names (items, with_legal);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A reason that lost deals carry stays. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2026-01-01');"
                                            "INSERT INTO deals (account_id, name, stage, created_on, closed_on, loss_reason_id)"
                                            " VALUES (1, 'Gone', 'lost', '2026-01-01', '2026-02-01', %" G_GINT64_FORMAT "),"
                                            " (1, 'Gone too', 'lost', '2026-01-01', '2026-02-03', %" G_GINT64_FORMAT ");",
                                            no_budget, no_budget);
    exec_sql (f, sql);
  }
  g_assert_false (traction_store_delete_named (f->store, "loss_reasons", no_budget, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "used by 2 deals"));
  g_clear_error (&error);

  g_assert_true (traction_store_delete_named (f->store, "loss_reasons", legal, &error));
  g_assert_no_error (error);
  g_assert_false (traction_store_delete_named (f->store, "loss_reasons", legal, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  items = traction_store_list_named (f->store, "loss_reasons");
  assert_names (items, seeded);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Founders and products work alike. */
  {
    const char *founders[] = { "Ana Lima", "Ben", NULL };
    const char *products[] = { NULL };

    g_assert_true (traction_store_add_named (f->store, "founders", "Ana", &ana, &error));
    g_assert_no_error (error);
    g_assert_true (traction_store_add_named (f->store, "founders", "Ben", &ben, &error));
    g_assert_no_error (error);
    g_assert_true (traction_store_rename_named (f->store, "founders", ana, "Ana Lima", &error));
    g_assert_no_error (error);
    /* Renaming to its own name in another case is no duplicate. */
    g_assert_true (traction_store_rename_named (f->store, "founders", ben, "BEN", &error));
    g_assert_no_error (error);
    g_assert_true (traction_store_rename_named (f->store, "founders", ben, "Ben", &error));
    g_assert_no_error (error);
    items = traction_store_list_named (f->store, "founders");
    assert_names (items, founders);
    g_clear_pointer (&items, g_ptr_array_unref);

    g_assert_true (traction_store_add_named (f->store, "products", "Payments API", &api, &error));
    g_assert_no_error (error);
    g_assert_true (traction_store_delete_named (f->store, "products", api, &error));
    g_assert_no_error (error);
    items = traction_store_list_named (f->store, "products");
    assert_names (items, products);
    g_clear_pointer (&items, g_ptr_array_unref);
  }

  g_assert_false (traction_store_is_empty (f->store));

  /* Only the three lists. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*named != NULL*");
  g_assert_false (traction_store_add_named (f->store, "accounts", "Acme", NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

/* Defaults of a new database */

static void
test_settings_seed (Fixture       *f,
                    gconstpointer  data)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM loss_reasons"), ==, 6);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM objections"), ==, 6);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM playbooks"), ==, 5);
  g_assert_cmpint (count_rows (f, "SELECT count(DISTINCT phase) FROM spin_questions"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM spin_questions WHERE phase = 'situation'"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM spin_questions WHERE phase = 'problem'"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM spin_questions WHERE phase = 'implication'"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM spin_questions WHERE phase = 'need_payoff'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM objections"
                                  " WHERE root_concern = '' OR response = ''"), ==, 0);

  stmt = traction_store_prepare (f->store,
                                 "SELECT objection, root_concern FROM objections ORDER BY position LIMIT 1",
                                 NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "\"We can build this in-house\"");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Control, cost perception");
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (f->store,
                                 "SELECT question FROM spin_questions WHERE phase = 'need_payoff'"
                                 " ORDER BY position LIMIT 1",
                                 NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_str_has_prefix ((const char *)sqlite3_column_text (stmt, 0),
                                   "If you could add [Product A]"));
  sqlite3_reset (stmt);

  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    {
      stmt = traction_store_prepare (f->store,
                                     "SELECT response, owner_role, due_hours FROM playbooks WHERE kind = ?1",
                                     NULL);
      g_assert_nonnull (stmt);
      traction_bind_text (stmt, 1, traction_alert_kind_to_id ((TractionAlertKind)i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==,
                       traction_alert_response ((TractionAlertKind)i));
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==,
                       traction_alert_owner_role ((TractionAlertKind)i));
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==,
                       traction_alert_due_hours ((TractionAlertKind)i));
      sqlite3_reset (stmt);
    }
}

/* Movements */

static void
test_store_movements (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moves = NULL;
  const TractionMovement *m;

  exec_sql (f,
            "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2025-01-01'), (2, 'Globex', '2025-01-01');"
            "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) VALUES"
            " (2, '2025-05-01', 'new', 100),"
            " (1, '2025-09-01', 'expansion-cross-sell', 50),"
            " (1, '2025-02-01', 'new', 300),"
            " (2, '2025-04-01', 'reactivation', 70);");

  moves = traction_store_load_movements (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 4);
  m = (const TractionMovement *)(gconstpointer)moves->data;
  g_assert_cmpint (m[0].client, ==, 1);
  assert_date (&m[0].date, 2025, 2, 1);
  g_assert_cmpint (m[0].kind, ==, TRACTION_MOVE_NEW);
  g_assert_cmpint (m[0].amount_cents, ==, 300);
  g_assert_cmpint (m[1].kind, ==, TRACTION_MOVE_EXPANSION_CROSS_SELL);
  g_assert_cmpint (m[2].client, ==, 2);
  g_assert_cmpint (m[2].kind, ==, TRACTION_MOVE_REACTIVATION);
  assert_date (&m[3].date, 2025, 5, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/today/stalled", test_today_stalled);
  ADD ("/today/follow-ups-and-alerts", test_today_follow_ups);
  ADD ("/today/renewals", test_today_renewals);
  ADD ("/today/week", test_today_week);
  ADD ("/metrics/retention-and-health", test_metrics_retention);
  ADD ("/metrics/pipeline-and-coverage", test_metrics_pipeline);
  ADD ("/metrics/renewals", test_metrics_renewals);
  ADD ("/metrics/learned-probabilities", test_metrics_learned);
  ADD ("/settings/rules-round-trip", test_settings_rules_round_trip);
  ADD ("/settings/malformed", test_settings_malformed);
  ADD ("/settings/named-lists", test_settings_named_lists);
  ADD ("/settings/seed-defaults", test_settings_seed);
  ADD ("/store/movements", test_store_movements);

#undef ADD

  return g_test_run ();
}
