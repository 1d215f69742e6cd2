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
  for (int run = 0; run < 200; run++)
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

  unknown = write_file (f, "unknown.csv", USAGE_HEADER "Nobody Inc,2026-09,500,2000,,,,,,,\n");
  g_assert_false (traction_store_import_usage_csv (f->store, unknown, TRUE, &n, &error));
  g_assert_nonnull (strstr (error->message, "Line 2:"));
  g_assert_nonnull (strstr (error->message, "Nobody Inc"));
  g_clear_error (&error);

  header = write_file (f, "header.csv", "client,date,kind,amount\n");
  g_assert_false (traction_store_import_usage_csv (f->store, header, TRUE, &n, &error));
  g_assert_nonnull (strstr (error->message, "Line 1:"));
  g_clear_error (&error);
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

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TRACTION_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/core/items", test_items);
  g_test_add_func ("/health/core/bands-and-trend", test_bands_and_trend);
  g_test_add_func ("/health/core/prefill", test_prefill);
  g_test_add_func ("/health/core/explain", test_explain);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/health/alerts/rules", test_alert_rules);
  ADD ("/health/alerts/status", test_alert_status);
  ADD ("/health/usage/csv", test_usage_csv);
  ADD ("/health/scorecards", test_scorecards);
  ADD ("/health/clients/sample", test_sample_clients);
#undef ADD

  return g_test_run ();
}
