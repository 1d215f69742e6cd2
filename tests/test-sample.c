/* test-sample.c: the sample company and the benchmark generator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = traction_test_make_dir ("traction-sample");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  traction_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
sample_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 22, G_DATE_NOVEMBER, 2026);
}

static TractionStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static TractionStore *
open_sample (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  TractionStore *store = open_store (f, name);
  GDate today;

  sample_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_no_error (error);
  return store;
}

static int
dump_row_cb (void  *data,
             int    n_columns,
             char **values,
             char **names)
{
  GString *out = data;

  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", values[i] != NULL ? values[i] : "NULL");
  g_string_append_c (out, '\n');
  return 0;
}

/* Every table in traction_tables order, every row as text. */
static char *
dump_database (TractionStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; traction_tables[i] != NULL; i++)
    {
      /* Table names come from our own constant list, never from input. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", traction_tables[i]);
      char *message = NULL;

      g_string_append_printf (out, "## %s\n", traction_tables[i]);
      g_assert_cmpint (sqlite3_exec (traction_store_get_db (store), sql, dump_row_cb, out, &message),
                       ==, SQLITE_OK);
      g_assert_null (message);
    }

  return g_string_free (out, FALSE);
}

static void
test_sample_content (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TractionStore) store = open_sample (f, "sample.db");
  g_autofree char *integrity = NULL;
  g_autofree char *company = NULL;
  g_autofree char *currency = NULL;
  TractionRules rules;

  /* ~25 clients with ARR movements, ~40 deals, every stage. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(DISTINCT account_id) FROM arr_movements"), ==, 25);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals"), ==, 40);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(DISTINCT stage) FROM deals"), ==, 7);
  for (guint kind = 0; kind < TRACTION_N_MOVE_KINDS; kind++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM arr_movements WHERE kind = '%s'",
                                              traction_move_kind_to_id (kind));
      g_assert_cmpint (traction_test_query_int (store, sql), >=, 1);
    }

  /* Stage history: one creation row per deal, and the last change is the
   * deal's stage. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM stage_changes WHERE from_stage IS NULL"), ==, 40);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM deals d WHERE d.stage <> (SELECT to_stage FROM stage_changes s"
                              " WHERE s.deal_id = d.id ORDER BY changed_at DESC, id DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals WHERE stage = 'lost' AND loss_reason_id IS NULL"), ==, 0);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals WHERE stage = 'won' AND win_reason = ''"), ==, 0);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(DISTINCT source) FROM deals"), ==, 5);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals WHERE source = 'warm_intro' AND introduced_by = ''"), ==, 0);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM qualifications WHERE deal_id ="
                                     " (SELECT deal_id FROM qualifications GROUP BY deal_id ORDER BY count(*) DESC LIMIT 1)"), ==, 3);

  /* Stalled: open, not paused, last touchpoint more than 15 days ago. */
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM deals d WHERE d.stage NOT IN ('won', 'lost')"
                              " AND d.paused_reason IS NULL"
                              " AND julianday('2026-11-22') - julianday((SELECT max(happened_on) FROM touchpoints t"
                              " WHERE t.deal_id = d.id)) > 15"), ==, 3);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM deals WHERE paused_reason IS NOT NULL"
                              " AND paused_until > '2026-11-22'"), ==, 1);

  /* This week (Monday 2026-11-16 on): 3 new prospects, 2 calls or meetings. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals WHERE created_on >= '2026-11-16'"), ==, 3);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM touchpoints WHERE happened_on >= '2026-11-16'"
                              " AND kind IN ('call', 'meeting')"), ==, 2);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM next_steps WHERE done_on IS NULL AND due_on < '2026-11-22'"), >=, 2);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM next_steps WHERE done_on IS NULL AND due_on = '2026-11-22'"), >=, 2);

  /* Renewals in the next 90 days. */
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM contracts WHERE status = 'active'"
                              " AND renewal_on >= '2026-11-22' AND renewal_on < date('2026-11-22', '+90 days')"), >=, 3);

  /* The critical provider, and the coverage gap and single point of failure. */
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM providers p WHERE (SELECT dependency_risk FROM provider_reviews r"
                              " WHERE r.provider_id = p.id ORDER BY reviewed_on DESC LIMIT 1) = 5"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM providers p WHERE (SELECT dependency_risk FROM provider_reviews r"
                              " WHERE r.provider_id = p.id ORDER BY reviewed_on DESC LIMIT 1) = 4"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_coverage c"
                              " WHERE c.product_id = p.id AND c.role = 'primary')"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM products p WHERE EXISTS (SELECT 1 FROM product_coverage c"
                              " WHERE c.product_id = p.id AND c.role = 'primary') AND NOT EXISTS (SELECT 1"
                              " FROM product_coverage c WHERE c.product_id = p.id AND c.role = 'backup')"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM provider_mitigations"), >=, 3);

  /* A design partner late on a milestone; one candidate below 18/25; the
   * same request from two partners. */
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM design_partners p JOIN partner_milestones m ON m.partner_id = p.id"
                              " WHERE m.done_on IS NULL AND date(p.start_on, '+' ||"
                              " CASE m.milestone WHEN 0 THEN 14 WHEN 1 THEN 30 WHEN 2 THEN 60 WHEN 3 THEN 90 ELSE 180 END"
                              " || ' days') < '2026-11-22'"), >=, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM design_partners"), ==, 4);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM design_partners WHERE icp_fit + brand_value + technical_readiness"
                              " + feedback_quality + expansion_potential < 18"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT max(n) FROM (SELECT count(DISTINCT partner_id) AS n FROM feedback_items"
                              " WHERE request_key <> '' GROUP BY request_key)"), ==, 2);

  /* The at-risk client: latest score under 60, falling, with an open
   * volume-drop alert. */
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM health_scores h JOIN alerts a ON a.account_id = h.account_id"
                              " WHERE h.month = '2026-11-01' AND h.score_tenths < 600"
                              " AND a.kind = 'volume_drop' AND a.status = 'open'"), >=, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM health_scores h JOIN accounts a ON a.id = h.account_id"
                              " WHERE a.name = 'Lumio Bank' AND h.month = '2026-08-01' AND h.score_tenths >= 750"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM health_scores WHERE month = '2026-11-01' AND score_tenths >= 600"), >=, 18);
  g_assert_cmpint (traction_test_query_int (store,
                              "SELECT count(*) FROM alerts WHERE due_at <= raised_at"), ==, 0);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(DISTINCT month) FROM usage_months"), ==, 18);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM assets WHERE updated_on < date('2026-11-22', '-30 days')"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM demo_plan_items"), >=, 3);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM review_goals"), >=, 3);

  /* Settings: coverage under 3.0×. */
  company = traction_store_get_company_name (store);
  g_assert_cmpstr (company, ==, "Northwind Rails");
  currency = traction_store_get_currency (store);
  g_assert_cmpstr (currency, ==, "USD");
  traction_store_get_rules (store, &rules);
  g_assert_cmpint (rules.quarterly_target_cents, >, 0);
  g_assert_cmpint (rules.fiscal_year_start_month, ==, 1);

  integrity = traction_test_query_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (traction_store_get_db (store), "PRAGMA foreign_key_check",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
}

static void
test_sample_coverage (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TractionStore) store = open_sample (f, "coverage.db");
  TractionRules rules;
  gint64 quarter;
  double coverage;

  /* Open, not paused, closing in 2026 Q4 (or without a date). */
  quarter = traction_test_query_int (store,
                       "SELECT sum(arr_cents) FROM deals WHERE stage NOT IN ('won', 'lost')"
                       " AND paused_reason IS NULL AND (expected_close IS NULL OR"
                       " (expected_close >= '2026-10-01' AND expected_close < '2027-01-01'))");
  traction_store_get_rules (store, &rules);
  coverage = (double) quarter / (double) rules.quarterly_target_cents;
  g_assert_cmpfloat (coverage, >=, 2.0);
  g_assert_cmpfloat (coverage, <, 3.0);
}

static void
test_sample_deterministic (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TractionStore) a = open_sample (f, "a.db");
  g_autoptr(TractionStore) b = open_sample (f, "b.db");
  g_autofree char *dump_a = dump_database (a);
  g_autofree char *dump_b = dump_database (b);

  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_sample_not_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TractionStore) store = open_sample (f, "twice.db");
  g_autoptr(GError) error = NULL;
  TractionGenerateOptions options = { 10, 10, 3, 1 };
  gint64 deals = traction_test_query_int (store, "SELECT count(*) FROM deals");
  GDate today;

  sample_today (&today);
  g_assert_false (traction_store_load_sample (store, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  g_assert_false (traction_store_generate (store, &options, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY);

  /* Nothing changed, and the store still takes writes. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals"), ==, deals);
  g_clear_error (&error);
  g_assert_true (traction_store_set_setting (store, "company_name", "Renamed", &error));
  g_assert_no_error (error);
}

static void
test_sample_other_days (Fixture       *f,
                        gconstpointer  data)
{
  /* A Monday, the first and last day of a quarter, a leap day. */
  static const char * const days[] = { "2026-11-16", "2027-01-01", "2026-12-31", "2028-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("day-%u.db", i);
      g_autoptr(TractionStore) store = open_store (f, name);
      g_autofree char *sql = NULL;
      GDate today;

      g_assert_true (traction_date_parse (days[i], &today, NULL));
      g_assert_true (traction_store_load_sample (store, &today, &error));
      g_assert_no_error (error);
      g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals"), ==, 40);

      sql = g_strdup_printf ("SELECT count(*) FROM deals d WHERE d.stage NOT IN ('won', 'lost')"
                             " AND d.paused_reason IS NULL AND julianday('%s') - julianday((SELECT"
                             " max(happened_on) FROM touchpoints t WHERE t.deal_id = d.id)) > 15", days[i]);
      g_assert_cmpint (traction_test_query_int (store, sql), ==, 3);
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT count(*) FROM alerts WHERE kind = 'volume_drop' AND source_month = '%.8s01'",
                             days[i]);
      g_assert_cmpint (traction_test_query_int (store, sql), >=, 1);
    }
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  TractionGenerateOptions options = { 2000, 200, 12, 7 };
  g_autoptr(TractionStore) a = open_store (f, "gen-a.db");
  g_autoptr(TractionStore) b = open_store (f, "gen-b.db");
  g_autoptr(TractionStore) c = open_store (f, "gen-c.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;
  g_autofree char *integrity = NULL;
  GDate today;

  sample_today (&today);
  g_assert_true (traction_store_generate (a, &options, &today, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_generate (b, &options, &today, &error));
  g_assert_no_error (error);
  options.seed = 8;
  g_assert_true (traction_store_generate (c, &options, &today, &error));
  g_assert_no_error (error);

  g_assert_cmpint (traction_test_query_int (a, "SELECT count(*) FROM deals"), ==, 2000);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(DISTINCT account_id) FROM contracts"), ==, 200);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(DISTINCT account_id) FROM arr_movements"), ==, 200);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(DISTINCT stage) FROM deals"), ==, 7);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(*) FROM stage_changes WHERE from_stage IS NULL"), ==, 2000);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(*) FROM deals d WHERE NOT EXISTS"
                                 " (SELECT 1 FROM touchpoints t WHERE t.deal_id = d.id)"), ==, 0);
  g_assert_cmpint (traction_test_query_int (a, "SELECT max(n) FROM (SELECT count(*) AS n FROM touchpoints"
                                 " WHERE deal_id IS NOT NULL GROUP BY deal_id)"), <=, 5);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(DISTINCT month) FROM health_scores"), ==, 12);
  g_assert_cmpint (traction_test_query_int (a, "SELECT count(*) FROM health_scores"), ==,
                   traction_test_query_int (a, "SELECT count(*) FROM usage_months"));

  integrity = traction_test_query_text (a, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  dump_a = dump_database (a);
  dump_b = dump_database (b);
  dump_c = dump_database (c);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sample/content", Fixture, NULL, fixture_setup, test_sample_content, fixture_teardown);
  g_test_add ("/sample/coverage", Fixture, NULL, fixture_setup, test_sample_coverage, fixture_teardown);
  g_test_add ("/sample/deterministic", Fixture, NULL, fixture_setup, test_sample_deterministic, fixture_teardown);
  g_test_add ("/sample/not-empty", Fixture, NULL, fixture_setup, test_sample_not_empty, fixture_teardown);
  g_test_add ("/sample/other-days", Fixture, NULL, fixture_setup, test_sample_other_days, fixture_teardown);
  g_test_add ("/sample/generate", Fixture, NULL, fixture_setup, test_generate, fixture_teardown);

  return g_test_run ();
}
