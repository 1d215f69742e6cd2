/* test-health.c: client health in the store and its core rules: the
 * scorecard items, pre-filling from data, why a score moved, alerts on
 * crafted histories, the usage CSV import, scorecards and the client list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"
#include "traction-health.h"
#include "traction-store-health.h"
#include "traction-store-private.h"

/* Today, as the app sees it in these tests (TRACTION_TODAY). */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 22

typedef struct {
  char          *dir;
  TractionStore *store;
  GDate          today;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = traction_test_make_dir ("traction-health");
  path = g_build_filename (f->dir, "health.db", NULL);
  f->store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, TODAY_D, TODAY_M, TODAY_Y);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  traction_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (traction_store_begin (f->store, &error));
  g_assert_true (traction_store_exec (f->store, sql, &error));
  g_assert_true (traction_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static TractionUsageMonth
usage_none (void)
{
  TractionUsageMonth u;

  u.api_volume = -1;
  u.plan_volume = -1;
  g_date_clear (&u.last_api_call, 1);
  for (int i = 0; i < 4; i++)
    u.tickets[i] = -1;
  g_date_clear (&u.last_response, 1);
  u.nps = -1;
  return u;
}

/* Open alerts of one kind for an account. */
static gint64
count_alerts (Fixture    *f,
              gint64      account,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM alerts WHERE account_id = %" G_GINT64_FORMAT
                                          " AND kind = '%s'", account, kind);

  return traction_test_query_int (f->store, sql);
}

/* Core */

static void
test_items (void)
{
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    {
      g_assert_cmpstr (traction_health_item_label (i), !=, "");
      for (int s = 1; s <= 5; s++)
        g_assert_cmpstr (traction_health_item_guide (i, s), !=, "");
      g_assert_cmpstr (traction_health_item_guide (i, 5), !=, traction_health_item_guide (i, 1));
    }
  for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
    g_assert_cmpstr (traction_health_signal_label (s), !=, "");
  g_assert_cmpint (traction_health_item_category (TRACTION_ITEM_NPS), ==, TRACTION_HEALTH_SATISFACTION);
  g_assert_cmpint (traction_health_item_category (TRACTION_ITEM_API_VOLUME), ==, TRACTION_HEALTH_USAGE);
  g_assert_cmpint (traction_health_item_category (TRACTION_ITEM_TEAM_ENGAGEMENT), ==, TRACTION_HEALTH_SUPPORT);
  /* 4 reads the guide of 3, 2 the guide of 1. */
  g_assert_cmpstr (traction_health_item_guide (TRACTION_ITEM_API_VOLUME, 4), ==,
                   traction_health_item_guide (TRACTION_ITEM_API_VOLUME, 3));
  g_assert_cmpstr (traction_health_item_guide (TRACTION_ITEM_API_VOLUME, 2), ==,
                   traction_health_item_guide (TRACTION_ITEM_API_VOLUME, 1));
}

static void
test_score_vectors (void)
{
  TractionHealthInput all5 = { { 5, 5, 5, 5, 5, 5, 5, 5 }, { TRUE, TRUE, TRUE } };
  TractionHealthInput all1 = { { 1, 1, 1, 1, 1, 1, 1, 1 }, { FALSE, FALSE, FALSE } };
  TractionHealthInput all3 = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE, FALSE, FALSE } };
  TractionRules rules;
  double score;

  traction_rules_init_defaults (&rules);
  g_assert_true (traction_health_score (&all5, &rules, &score, NULL, NULL));
  g_assert_cmpfloat (score, ==, 100.0);
  g_assert_true (traction_health_score (&all1, &rules, &score, NULL, NULL));
  g_assert_cmpfloat (score, ==, 0.0);
  g_assert_true (traction_health_score (&all3, &rules, &score, NULL, NULL));
  g_assert_cmpfloat (score, ==, 42.5);
  g_assert_cmpint (traction_health_band (score, &rules), ==, TRACTION_BAND_AT_RISK);
}

static void
test_bands_and_trend (void)
{
  TractionRules rules;

  traction_rules_init_defaults (&rules);
  g_assert_cmpint (traction_health_band (80.0, &rules), ==, TRACTION_BAND_HEALTHY);
  g_assert_cmpint (traction_health_band (79.9, &rules), ==, TRACTION_BAND_MONITOR);
  g_assert_cmpint (traction_health_band (60.0, &rules), ==, TRACTION_BAND_MONITOR);
  g_assert_cmpint (traction_health_band (59.9, &rules), ==, TRACTION_BAND_AT_RISK);
  g_assert_cmpint (traction_health_band (40.0, &rules), ==, TRACTION_BAND_AT_RISK);
  g_assert_cmpint (traction_health_band (39.9, &rules), ==, TRACTION_BAND_CRITICAL);
  g_assert_cmpint (traction_health_trend (60.0, 65.0, &rules), ==, TRACTION_TREND_IMPROVING);
  g_assert_cmpint (traction_health_trend (60.0, 64.9, &rules), ==, TRACTION_TREND_STABLE);
  g_assert_cmpint (traction_health_trend (60.0, 55.0, &rules), ==, TRACTION_TREND_DECLINING);
  g_assert_cmpint (traction_health_trend (60.0, 55.1, &rules), ==, TRACTION_TREND_STABLE);
}

static void
test_prefill (void)
{
  TractionUsageMonth previous = usage_none ();
  TractionUsageMonth current = usage_none ();
  TractionHealthInput input = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE } };
  gboolean from_data[TRACTION_N_HEALTH_ITEMS];
  GDate month_end = day (2026, 10, 31);

  /* Nothing known: nothing filled. */
  traction_health_prefill (NULL, &current, -1, &month_end, &input, from_data);
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    {
      g_assert_false (from_data[i]);
      g_assert_cmpint (input.items[i], ==, 3);
    }

  previous.api_volume = 1000;
  current.api_volume = 600;     /* 40 % down, 60 % of plan */
  current.plan_volume = 1000;
  current.tickets[0] = 0;
  current.tickets[1] = 1;       /* a P2: severity 2 */
  current.tickets[2] = 0;
  current.tickets[3] = 0;
  current.last_response = day (2026, 10, 30);
  traction_health_prefill (&previous, &current, 9, &month_end, &input, from_data);
  g_assert_cmpint (input.items[TRACTION_ITEM_API_VOLUME], ==, 3);
  g_assert_cmpint (input.items[TRACTION_ITEM_VOLUME_TREND], ==, 1);
  g_assert_cmpint (input.items[TRACTION_ITEM_TICKET_VOLUME], ==, 5);
  g_assert_cmpint (input.items[TRACTION_ITEM_SEVERITY_TREND], ==, 2);
  g_assert_cmpint (input.items[TRACTION_ITEM_TEAM_ENGAGEMENT], ==, 5);
  g_assert_cmpint (input.items[TRACTION_ITEM_NPS], ==, 5);
  g_assert_true (from_data[TRACTION_ITEM_API_VOLUME] && from_data[TRACTION_ITEM_NPS]);
  /* Breadth and feedback are the founder's to judge. */
  g_assert_false (from_data[TRACTION_ITEM_PRODUCT_BREADTH]);
  g_assert_false (from_data[TRACTION_ITEM_FEEDBACK_QUALITY]);
  g_assert_cmpint (input.items[TRACTION_ITEM_PRODUCT_BREADTH], ==, 3);
}

static void
test_explain (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  TractionRules rules;

  traction_rules_init_defaults (&rules);
  for (int run = 0; run < 400; run++)
    {
      TractionHealthInput a, b;
      TractionHealthChange change;
      double score_a, score_b, sum = 0;

      for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
        {
          a.items[i] = g_rand_int_range (rand, 1, 6);
          b.items[i] = g_rand_int_range (rand, 1, 6);
        }
      for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
        {
          a.signals[s] = g_rand_boolean (rand);
          b.signals[s] = g_rand_boolean (rand);
        }
      /* Half the runs with other weights (still summing to 100). */
      if (run == 200)
        {
          rules.health_weight[TRACTION_HEALTH_USAGE] = 55;
          rules.health_weight[TRACTION_HEALTH_SUPPORT] = 10;
          rules.health_weight[TRACTION_HEALTH_SATISFACTION] = 30;
          rules.health_weight[TRACTION_HEALTH_EXPANSION] = 5;
        }
      g_assert_true (traction_health_score (&a, &rules, &score_a, NULL, NULL));
      g_assert_true (traction_health_score (&b, &rules, &score_b, NULL, NULL));
      g_assert_true (traction_health_explain (&a, &b, &rules, &change, NULL));
      for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
        sum += change.item_points[i];
      for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
        sum += change.signal_points[s];
      /* Scores are rounded to a tenth each. */
      g_assert_cmpfloat (fabs (sum - (score_b - score_a)), <=, 0.1 + 1e-9);
    }

  traction_rules_init_defaults (&rules);
  /* By hand: API volume 3 -> 1 is usage (40 %) × -50 / 3 items = -6.67
   * points; NPS 3 -> 5 is satisfaction (20 %) × 50 / 2 = +5; one more yes
   * is expansion (15 %) × 100 / 3 = +5. */
  {
    TractionHealthInput a = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE, FALSE, FALSE } };
    TractionHealthInput b = { { 1, 3, 3, 3, 3, 3, 5, 3 }, { FALSE, TRUE, FALSE } };
    TractionHealthChange change;
    double score_a, score_b;

    g_assert_true (traction_health_explain (&a, &b, &rules, &change, NULL));
    g_assert_cmpfloat_with_epsilon (change.item_points[TRACTION_ITEM_API_VOLUME], -20.0 / 3.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (change.item_points[TRACTION_ITEM_NPS], 5.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (change.signal_points[TRACTION_SIGNAL_NEXT_TIER], 5.0, 1e-9);
    g_assert_cmpfloat (change.item_points[TRACTION_ITEM_TICKET_VOLUME], ==, 0.0);
    g_assert_cmpfloat (change.signal_points[TRACTION_SIGNAL_REFERRED], ==, 0.0);
    g_assert_true (traction_health_score (&a, &rules, &score_a, NULL, NULL));
    g_assert_true (traction_health_score (&b, &rules, &score_b, NULL, NULL));
    g_assert_cmpfloat (fabs (score_b - score_a - (-20.0 / 3.0 + 10.0)), <=, 0.1);
  }

  {
    TractionHealthInput bad = { { 0, 3, 3, 3, 3, 3, 3, 3 }, { FALSE } };
    TractionHealthInput good = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE } };
    TractionHealthChange change;
    g_autoptr(GError) error = NULL;

    g_assert_false (traction_health_explain (&bad, &good, &rules, &change, &error));
    g_assert_nonnull (error);
  }
}

/* Alerts on crafted histories */

static void
save_usage (Fixture                  *f,
            gint64                    account,
            const GDate              *month,
            const TractionUsageMonth *usage)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (traction_store_save_usage (f->store, account, month, usage, &error));
  g_assert_no_error (error);
}

static void
test_alert_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate october = day (2026, 10, 1);
  GDate november = day (2026, 11, 1);
  TractionUsageMonth u;
  guint raised = 99;

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES"
           " (1, 'Drop 30', '2026-01-01'), (2, 'Drop 29.9', '2026-01-01'),"
           " (3, 'Calls 7', '2026-01-01'), (4, 'Calls 6', '2026-01-01'),"
           " (5, 'Dark 14', '2026-01-01'), (6, 'Dark 13', '2026-01-01'),"
           " (7, 'NPS 6', '2026-01-01'), (8, 'NPS 7', '2026-01-01'),"
           " (9, 'P2', '2026-01-01'), (10, 'P3', '2026-01-01')");
  /* Alerts are for clients: each has an active contract. */
  exec (f, "INSERT INTO contracts (account_id, start_on, renewal_on)"
           " SELECT id, '2026-01-01', '2027-01-01' FROM accounts");

  /* Exactly a 30 % drop fires; 29.9 % does not. */
  u = usage_none ();
  u.api_volume = 1000;
  save_usage (f, 1, &october, &u);
  save_usage (f, 2, &october, &u);
  u.api_volume = 700;
  save_usage (f, 1, &november, &u);
  u.api_volume = 701;
  save_usage (f, 2, &november, &u);
  g_assert_cmpint (count_alerts (f, 1, "volume_drop"), ==, 1);
  g_assert_cmpint (count_alerts (f, 2, "volume_drop"), ==, 0);

  /* Seven days without API calls fires; six does not. */
  u = usage_none ();
  u.last_api_call = day (2026, 11, 15);
  save_usage (f, 3, &november, &u);
  u.last_api_call = day (2026, 11, 16);
  save_usage (f, 4, &november, &u);
  g_assert_cmpint (count_alerts (f, 3, "no_api_calls"), ==, 1);
  g_assert_cmpint (count_alerts (f, 4, "no_api_calls"), ==, 0);

  /* Fourteen days dark fires; thirteen does not. */
  u = usage_none ();
  u.last_response = day (2026, 11, 8);
  save_usage (f, 5, &november, &u);
  u.last_response = day (2026, 11, 9);
  save_usage (f, 6, &november, &u);
  g_assert_cmpint (count_alerts (f, 5, "dark"), ==, 1);
  g_assert_cmpint (count_alerts (f, 6, "dark"), ==, 0);

  /* NPS 6 fires, 7 does not. */
  u = usage_none ();
  u.nps = 6;
  save_usage (f, 7, &november, &u);
  u.nps = 7;
  save_usage (f, 8, &november, &u);
  g_assert_cmpint (count_alerts (f, 7, "low_nps"), ==, 1);
  g_assert_cmpint (count_alerts (f, 8, "low_nps"), ==, 0);

  /* A P2 ticket fires, a P3 does not. */
  u = usage_none ();
  u.tickets[0] = 0;
  u.tickets[1] = 1;
  u.tickets[2] = 0;
  u.tickets[3] = 0;
  save_usage (f, 9, &november, &u);
  u.tickets[1] = 0;
  u.tickets[2] = 3;
  save_usage (f, 10, &november, &u);
  g_assert_cmpint (count_alerts (f, 9, "severe_ticket"), ==, 1);
  g_assert_cmpint (count_alerts (f, 10, "severe_ticket"), ==, 0);

  /* A client that churned (ARR back to 0, contract ended) raises nothing
   * from its last usage month, however long ago the last call was. */
  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (11, 'Churned', '2025-01-01');"
           "INSERT INTO contracts (account_id, start_on, renewal_on, status)"
           " VALUES (11, '2025-01-01', '2026-01-01', 'ended');"
           "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents)"
           " VALUES (11, '2025-01-05', 'new', 100000), (11, '2026-07-20', 'churn', 100000)");
  exec (f, "INSERT INTO usage_months (account_id, month, api_volume, last_api_call, tickets_p1,"
           " last_response) VALUES (11, '2026-05-01', 1000, '2026-05-30', 0, '2026-05-30'),"
           " (11, '2026-06-01', 100, '2026-06-10', 2, '2026-06-10')");

  /* Nothing is raised twice. */
  g_assert_true (traction_store_raise_alerts (f->store, &f->today, &raised, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (raised, ==, 0);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM alerts"), ==, 5);

  /* Each has its due time from the playbook, after it was raised. */
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM alerts WHERE due_at <= raised_at"), ==, 0);
}

static void
test_alert_status (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  GDate november = day (2026, 11, 1);
  TractionUsageMonth u = usage_none ();
  gint64 id;

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Quiet Co <&>', '2026-01-01')");
  exec (f, "INSERT INTO contracts (account_id, start_on, renewal_on) VALUES (1, '2026-01-01', '2027-01-01')");
  u.nps = 2;
  save_usage (f, 1, &november, &u);
  id = traction_test_query_int (f->store, "SELECT id FROM alerts WHERE kind = 'low_nps'");
  g_assert_cmpint (id, >, 0);

  g_assert_true (traction_store_set_alert_status (f->store, id, "acknowledged", "Called them", &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_set_alert_status (f->store, id, "resolved", "Fixed the webhook", &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM alerts WHERE status = 'resolved'"
                                            " AND closed_at IS NOT NULL AND note = 'Fixed the webhook'"), ==, 1);
  /* Undo: open again, the note kept. */
  g_assert_true (traction_store_set_alert_status (f->store, id, "open", NULL, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM alerts WHERE status = 'open'"
                                            " AND closed_at IS NULL AND note = 'Fixed the webhook'"), ==, 1);

  g_assert_false (traction_store_set_alert_status (f->store, id, "snoozed", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_set_alert_status (f->store, id + 100, "resolved", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  alerts = traction_store_list_client_alerts (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpstr (((TractionAlertRow *) g_ptr_array_index (alerts, 0))->account, ==, "Quiet Co <&>");

  /* Bad usage is refused and nothing is written. */
  u = usage_none ();
  u.nps = 11;
  g_assert_false (traction_store_save_usage (f->store, 1, &november, &u, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  u = usage_none ();
  u.tickets[1] = -5;
  g_assert_false (traction_store_save_usage (f->store, 1, &november, &u, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT score FROM survey_responses"), ==, 2);
}

/* The usage CSV import */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

#define USAGE_HEADER "client,month,api_volume,plan_volume,last_api_call,tickets_p1,tickets_p2,tickets_p3,tickets_p4,last_response,nps\n"

static void
test_usage_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *header = NULL;
  TractionUsageMonth u;
  guint n = 0;

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Lumio Bank', '2026-01-01'),"
           " (2, 'Ärger, \"Quoted\" GmbH', '2026-01-01')");
  exec (f, "INSERT INTO contracts (account_id, start_on, renewal_on)"
           " SELECT id, '2026-01-01', '2027-01-01' FROM accounts");

  good = write_file (f, "good.csv", "\xef\xbb\xbf" USAGE_HEADER
                     "Lumio Bank,2026-10,1000,2000,2026-10-30,0,0,1,2,2026-10-28,8\n"
                     "lumio bank,2026-11-01,600,2000,2026-11-12,0,1,,,2026-11-20,\n"
                     "\"Ärger, \"\"Quoted\"\" GmbH\",2026-11,,,,,,,,,5\n");
  /* A preview writes nothing. */
  g_assert_true (traction_store_import_usage_csv (f->store, good, FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 0);

  g_assert_true (traction_store_import_usage_csv (f->store, good, TRUE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 3);
  {
    GDate october = day (2026, 10, 15);

    g_assert_true (traction_store_get_usage (f->store, 1, &october, &u, &error));
    g_assert_cmpint (u.api_volume, ==, 1000);
    g_assert_cmpint (u.tickets[3], ==, 2);
    g_assert_cmpint (u.nps, ==, 8);
  }
  /* The 40 % drop and the P2 raised their alerts. */
  g_assert_cmpint (count_alerts (f, 1, "volume_drop"), ==, 1);
  g_assert_cmpint (count_alerts (f, 1, "severe_ticket"), ==, 1);
  g_assert_cmpint (count_alerts (f, 2, "low_nps"), ==, 1);

  /* A bad line: its number, and nothing of the file is written. */
  bad = write_file (f, "bad.csv", USAGE_HEADER
                    "Lumio Bank,2026-09,500,2000,,,,,,,\n"
                    "Lumio Bank,2026-08,lots,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, bad, TRUE, &n, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 3);

  /* A quoted name over two lines: the bad row is still named by the
   * line it is on in the file. */
  g_free (bad);
  bad = write_file (f, "multiline.csv", USAGE_HEADER
                    "\"Lumio\nBank\",2026-09,500,2000,,,,,,,\n"
                    "Lumio Bank,2026-09,500,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, bad, FALSE, &n, &error));
  g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
  g_clear_error (&error);
  g_free (bad);
  bad = write_file (f, "lines.csv", USAGE_HEADER
                    "\"Ärger, \"\"Quoted\"\" GmbH\",2026-09,500,2000,,,,,,,\n"
                    "Lumio Bank,2026-13,500,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, bad, FALSE, &n, &error));
  g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
  g_clear_error (&error);

  unknown = write_file (f, "unknown.csv", USAGE_HEADER "Nobody Inc,2026-09,500,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, unknown, TRUE, &n, &error));
  g_assert_nonnull (strstr (error->message, "Line 2:"));
  g_assert_nonnull (strstr (error->message, "Nobody Inc"));
  g_clear_error (&error);

  /* One client's month twice (whatever the case of the name or the day
   * written): refused, naming both lines, rather than one silently
   * replacing the other. */
  g_free (bad);
  bad = write_file (f, "twice.csv", USAGE_HEADER
                    "Lumio Bank,2026-09,500,2000,,,,,,,\n"
                    "\"Ärger, \"\"Quoted\"\" GmbH\",2026-09,500,2000,,,,,,,\n"
                    "lumio bank,2026-09-01,900,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, bad, TRUE, &n, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 4:"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 3);

  header = write_file (f, "header.csv", "client,date,kind,amount\n");
  g_assert_false (traction_store_import_usage_csv (f->store, header, TRUE, &n, &error));
  g_assert_nonnull (strstr (error->message, "Line 1:"));
  g_clear_error (&error);
}

/* One month for several clients; the month's NPS answer. */
static void
test_usage_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  GDate november = day (2026, 11, 1);
  GDate december = day (2026, 12, 1);
  gint64 ids[2] = { 1, 2 };
  TractionUsageMonth usages[2] = { usage_none (), usage_none () };
  TractionUsageMonth u;
  TractionAlertRow *alert;

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Lumio Bank', '2026-01-01'),"
           " (2, 'Quiet Co', '2026-01-01'), (3, 'Prospect Ltd', '2026-01-01');"
           "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) VALUES"
           " (1, '2026-02-01', 'new', 6000000), (2, '2026-02-01', 'new', 1000000),"
           " (2, '2026-11-23', 'expansion-upsell', 500000);"
           "INSERT INTO contracts (account_id, start_on, renewal_on, status) VALUES"
           " (3, '2026-11-10', '2027-11-10', 'active')");

  /* Nothing recorded: FALSE, no error, all unknown. */
  g_assert_false (traction_store_get_usage (f->store, 1, &november, &u, &error));
  g_assert_no_error (error);
  g_assert_cmpint (u.api_volume, ==, -1);
  g_assert_cmpint (u.nps, ==, -1);
  g_assert_false (g_date_valid (&u.last_response));

  /* The second row is bad: it is named, and nothing is written. */
  usages[0].api_volume = 100;
  usages[1].tickets[2] = -3;
  g_assert_false (traction_store_save_usage_month (f->store, &november, ids, usages, 2, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Quiet Co: "));
  g_clear_error (&error);
  /* An unknown company fails in the write: rolled back, named by its id. */
  {
    gint64 bad_ids[2] = { 1, 77 };

    usages[1] = usage_none ();
    g_assert_false (traction_store_save_usage_month (f->store, &november, bad_ids, usages, 2, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "77"));
    g_clear_error (&error);
  }
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 0);

  /* A month that has not begun is refused. */
  g_assert_false (traction_store_save_usage (f->store, 1, &december, &usages[0], &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  usages[1].nps = 3;
  g_assert_true (traction_store_save_usage_month (f->store, &november, ids, usages, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM usage_months"), ==, 2);
  g_assert_cmpint (count_alerts (f, 2, "low_nps"), ==, 1);

  /* The NPS entered with the usage wins over a survey answer of the
   * month, replaces itself, and clearing it shows the survey's again. */
  exec (f, "INSERT INTO survey_responses (account_id, answered_on, kind, score) VALUES (1, '2026-11-15', 'nps', 4)");
  g_assert_true (traction_store_get_usage (f->store, 1, &november, &u, &error));
  g_assert_cmpint (u.nps, ==, 4);
  u.nps = 9;
  save_usage (f, 1, &november, &u);
  u.nps = 8;
  save_usage (f, 1, &november, &u);
  g_assert_true (traction_store_get_usage (f->store, 1, &november, &u, &error));
  g_assert_cmpint (u.nps, ==, 8);
  g_assert_cmpint (u.api_volume, ==, 100);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM survey_responses"
                                            " WHERE account_id = 1 AND answered_on = '2026-11-01'"), ==, 1);
  u.nps = -1;
  save_usage (f, 1, &november, &u);
  g_assert_true (traction_store_get_usage (f->store, 1, &november, &u, &error));
  g_assert_cmpint (u.nps, ==, 4);

  /* The client list: ARR up to today (not tomorrow's upsell), a client by
   * contract alone, open and acknowledged alerts counted, resolved not. */
  alerts = traction_store_list_client_alerts (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  alert = g_ptr_array_index (alerts, 0);
  g_assert_cmpstr (alert->status, ==, "open");
  g_assert_cmpstr (alert->note, ==, "");
  g_assert_true (g_str_has_prefix (alert->raised_at, "20"));
  g_assert_true (traction_store_set_alert_status (f->store, alert->alert_id, "acknowledged", "Booked a call", &error));

  clients = traction_store_list_clients (f->store, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 3);
  {
    TractionClientRow *lumio = g_ptr_array_index (clients, 0);
    TractionClientRow *prospect = g_ptr_array_index (clients, 1);
    TractionClientRow *quiet = g_ptr_array_index (clients, 2);

    g_assert_cmpstr (lumio->name, ==, "Lumio Bank");
    g_assert_cmpint (lumio->arr_cents, ==, 6000000);
    g_assert_false (lumio->has_contract);
    g_assert_cmpint (lumio->lifecycle, ==, TRACTION_LIFECYCLE_ONBOARDING);
    g_assert_false (lumio->has_score);
    g_assert_cmpstr (prospect->name, ==, "Prospect Ltd");
    g_assert_cmpint (prospect->arr_cents, ==, 0);
    g_assert_true (prospect->has_contract);
    g_assert_cmpstr (quiet->name, ==, "Quiet Co");
    g_assert_cmpint (quiet->arr_cents, ==, 1000000);
    g_assert_cmpuint (quiet->open_alerts, ==, 1);
  }
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = traction_store_list_client_alerts (f->store, 2, &error);
  g_assert_cmpstr (((TractionAlertRow *) g_ptr_array_index (alerts, 0))->note, ==, "Booked a call");
  g_assert_true (traction_store_set_alert_status (f->store, ((TractionAlertRow *) g_ptr_array_index (alerts, 0))->alert_id,
                                                  "resolved", NULL, &error));
  g_clear_pointer (&clients, g_ptr_array_unref);
  clients = traction_store_list_clients (f->store, &f->today, &error);
  g_assert_cmpuint (((TractionClientRow *) g_ptr_array_index (clients, 2))->open_alerts, ==, 0);
}

/* Scorecards */

static void
test_scorecards (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TractionScorecardDraft *draft;
  GDate october = day (2026, 10, 1);
  GDate november = day (2026, 11, 1);
  TractionUsageMonth u = usage_none ();
  TractionHealthInput input;
  double score = 0;

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Lumio Bank', '2026-01-01')");
  u.api_volume = 2000;
  u.plan_volume = 2000;
  save_usage (f, 1, &october, &u);
  u.api_volume = 500;
  u.nps = 4;
  save_usage (f, 1, &november, &u);

  /* Nothing saved: pre-filled from the month's data. */
  draft = traction_store_load_scorecard (f->store, 1, &november, &error);
  g_assert_no_error (error);
  g_assert_false (draft->saved);
  g_assert_false (draft->has_previous);
  g_assert_true (draft->from_data[TRACTION_ITEM_API_VOLUME]);
  g_assert_cmpint (draft->input.items[TRACTION_ITEM_API_VOLUME], ==, 1);
  g_assert_cmpint (draft->input.items[TRACTION_ITEM_VOLUME_TREND], ==, 1);
  g_assert_cmpint (draft->input.items[TRACTION_ITEM_NPS], ==, 1);
  g_assert_false (draft->from_data[TRACTION_ITEM_FEEDBACK_QUALITY]);
  input = draft->input;
  traction_scorecard_draft_free (draft);

  /* October saved (all 5s); November overridden by the founder. */
  {
    TractionHealthInput all_five = { { 5, 5, 5, 5, 5, 5, 5, 5 }, { TRUE, TRUE, TRUE } };

    g_assert_true (traction_store_save_scorecard (f->store, 1, &october, &all_five, "", &score, &error));
    g_assert_cmpfloat (score, ==, 100.0);
  }
  input.items[TRACTION_ITEM_FEEDBACK_QUALITY] = 2;
  g_assert_true (traction_store_save_scorecard (f->store, 1, &november, &input, "Usage fell <&>", &score, &error));
  g_assert_no_error (error);

  draft = traction_store_load_scorecard (f->store, 1, &november, &error);
  g_assert_true (draft->saved);
  g_assert_true (draft->has_previous);
  g_assert_cmpfloat (draft->previous_score, ==, 100.0);
  g_assert_cmpint (draft->input.items[TRACTION_ITEM_FEEDBACK_QUALITY], ==, 2);
  g_assert_cmpstr (draft->notes, ==, "Usage fell <&>");
  traction_scorecard_draft_free (draft);

  /* Saving the month again replaces it: one scorecard a month. */
  g_assert_true (traction_store_save_scorecard (f->store, 1, &november, &input, NULL, NULL, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM health_scores"), ==, 2);

  /* A month that has not begun: refused. */
  {
    GDate december = day (2026, 12, 1);

    g_assert_false (traction_store_save_scorecard (f->store, 1, &december, &input, NULL, NULL, &error));
    g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Out of range: refused, nothing changed. */
  input.items[0] = 6;
  g_assert_false (traction_store_save_scorecard (f->store, 1, &november, &input, NULL, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count (*) FROM health_scores"), ==, 2);

  /* The heatmap: October and November of this client, NAN elsewhere. */
  {
    gint64 ids[] = { 1, 42 };
    GDate september = day (2026, 9, 1);
    TractionHeatmapData *heat = traction_store_load_heatmap (f->store, ids, 2, &september, 3, &error);

    g_assert_no_error (error);
    g_assert_true (isnan (heat->scores[0]));
    g_assert_cmpfloat (heat->scores[1], ==, 100.0f);
    g_assert_false (isnan (heat->scores[2]));
    for (int j = 0; j < 3; j++)
      g_assert_true (isnan (heat->scores[3 + j]));
    traction_heatmap_data_free (heat);
  }
}

/* The sample company: its at-risk client. */
static void
test_sample_clients (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  TractionClientRow *lumio = NULL;
  TractionClientRow *one;

  g_assert_true (traction_store_load_sample (f->store, &f->today, &error));
  g_assert_no_error (error);
  clients = traction_store_list_clients (f->store, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, >=, 10);

  for (guint i = 0; i < clients->len; i++)
    {
      TractionClientRow *row = g_ptr_array_index (clients, i);

      if (g_strcmp0 (row->name, "Lumio Bank") == 0)
        lumio = row;
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((TractionClientRow *) g_ptr_array_index (clients, i - 1))->name,
                                         row->name), <=, 0);
    }
  g_assert_nonnull (lumio);
  g_assert_true (lumio->has_score);
  g_assert_true (lumio->band == TRACTION_BAND_AT_RISK || lumio->band == TRACTION_BAND_CRITICAL);
  g_assert_true (lumio->has_trend);
  g_assert_cmpint (lumio->trend, ==, TRACTION_TREND_DECLINING);
  g_assert_cmpuint (lumio->open_alerts, >, 0);
  g_assert_cmpint (lumio->arr_cents, >, 0);

  one = traction_store_get_client (f->store, lumio->account_id, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one->name, ==, "Lumio Bank");
  g_assert_cmpfloat (one->score, ==, lumio->score);
  traction_client_row_free (one);

  g_assert_null (traction_store_get_client (f->store, 999999, &f->today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

/* The lifecycle counts from the first contract of the relationship: a
 * renewal keeps counting, a return after a contract that ended starts
 * again. Today is 2026-11-22. */
static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  const TractionLifecycle expected[] = {
    TRACTION_LIFECYCLE_RENEWAL,    /* Renewed: since 2025-09-08, renewed 2026-09-08 */
    TRACTION_LIFECYCLE_ADOPTION,   /* Returned: ended, back on 2026-09-08 */
    TRACTION_LIFECYCLE_ONBOARDING, /* New: day 30 */
    TRACTION_LIFECYCLE_ADOPTION,   /* Newish: day 31 */
  };

  exec (f, "INSERT INTO accounts (id, name, created_on) VALUES (1, 'A Renewed', '2025-01-01'),"
           " (2, 'B Returned', '2025-01-01'), (3, 'C New', '2025-01-01'), (4, 'D Newish', '2025-01-01');"
           "INSERT INTO contracts (account_id, start_on, renewal_on, status) VALUES"
           " (1, '2025-09-08', '2026-09-08', 'renewed'), (1, '2026-09-08', '2027-09-08', 'active'),"
           " (2, '2024-09-08', '2025-09-08', 'renewed'), (2, '2025-09-08', '2026-09-08', 'ended'),"
           " (2, '2026-09-08', '2027-09-08', 'active'),"
           " (3, '2026-10-23', '2027-10-23', 'active'), (4, '2026-10-22', '2027-10-22', 'active')");

  clients = traction_store_list_clients (f->store, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < clients->len; i++)
    {
      TractionClientRow *row = g_ptr_array_index (clients, i);

      g_test_message ("%s", row->name);
      g_assert_true (row->has_contract);
      g_assert_cmpint (row->lifecycle, ==, expected[i]);
    }
  /* The contract shown is still the active one. */
  g_assert_cmpint (g_date_get_year (&((TractionClientRow *) g_ptr_array_index (clients, 0))->contract_start), ==, 2026);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TRACTION_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/core/items", test_items);
  g_test_add_func ("/health/core/score-vectors", test_score_vectors);
  g_test_add_func ("/health/core/bands-and-trend", test_bands_and_trend);
  g_test_add_func ("/health/core/prefill", test_prefill);
  g_test_add_func ("/health/core/explain", test_explain);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/health/alerts/rules", test_alert_rules);
  ADD ("/health/alerts/status", test_alert_status);
  ADD ("/health/usage/csv", test_usage_csv);
  ADD ("/health/usage/month", test_usage_month);
  ADD ("/health/scorecards", test_scorecards);
  ADD ("/health/clients/sample", test_sample_clients);
  ADD ("/health/clients/lifecycle", test_lifecycle);
#undef ADD

  return g_test_run ();
}
