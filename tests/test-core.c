/* test-core.c: the rules of DOMAIN.md, with hand-computed values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "traction-core.h"

#define MINUS "\xe2\x88\x92"

static GDate
day (const char *text)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_date_clear (&date, 1);
  if (!traction_date_parse (text, &date, &error))
    g_error ("bad test date %s: %s", text, error->message);

  return date;
}

static GDate
no_date (void)
{
  GDate date;

  g_date_clear (&date, 1);

  return date;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char buf[11];

  traction_date_format (date, buf);
  g_assert_cmpstr (buf, ==, expected);
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */
/* ------------------------------------------------------------------ */

static void
test_rules_defaults (void)
{
  TractionRules rules;
  g_autoptr(GError) error = NULL;

  traction_rules_init_defaults (&rules);

  g_assert_cmpfloat (rules.stage_probability[TRACTION_STAGE_LEAD], ==, 0.078);
  g_assert_cmpfloat (rules.stage_probability[TRACTION_STAGE_PROPOSAL], ==, 0.4875);
  g_assert_cmpfloat (rules.stage_probability[TRACTION_STAGE_WON], ==, 1.0);
  g_assert_cmpfloat (rules.stage_probability[TRACTION_STAGE_LOST], ==, 0.0);
  g_assert_cmpint (rules.stalled_days[TRACTION_STAGE_NEGOTIATION], ==, 15);
  g_assert_cmpint (rules.stalled_days[TRACTION_STAGE_WON], ==, 0);
  g_assert_cmpint (rules.bant_high, ==, 16);
  g_assert_cmpint (rules.health_weight[TRACTION_HEALTH_EXPANSION], ==, 15);
  g_assert_cmpint (rules.renewal_lead_days[TRACTION_SEGMENT_HIGH_TOUCH], ==, 180);
  g_assert_cmpint (rules.segment_high_cents, ==, 10000000);
  g_assert_cmpint (rules.graduation_meddpicc_cents, ==, 500000000);

  g_assert_true (traction_rules_validate (&rules, &error));
  g_assert_no_error (error);
}

static void
test_rules_validate (void)
{
  TractionRules rules;
  GError *error = NULL;

  traction_rules_init_defaults (&rules);
  rules.health_weight[TRACTION_HEALTH_EXPANSION] = 14;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  traction_rules_init_defaults (&rules);
  rules.fiscal_year_start_month = 13;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "between 1 and 12"));
  g_clear_error (&error);

  traction_rules_init_defaults (&rules);
  rules.bant_low = 12;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  traction_rules_init_defaults (&rules);
  rules.band_monitor = 85;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  traction_rules_init_defaults (&rules);
  rules.stage_probability[TRACTION_STAGE_PROPOSAL] = 1.5;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "Proposal"));
  g_clear_error (&error);

  traction_rules_init_defaults (&rules);
  rules.expansion_mix_target[0] = 50;
  g_assert_false (traction_rules_validate (&rules, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
}

static void
test_graduation (void)
{
  TractionRules rules;

  traction_rules_init_defaults (&rules);

  g_assert_cmpint (traction_graduation_prompts (9, 100000000, FALSE, &rules), ==, 0);
  g_assert_cmpint (traction_graduation_prompts (10, 0, FALSE, &rules), ==,
                   TRACTION_GRADUATE_CS_PRACTICE);
  g_assert_cmpint (traction_graduation_prompts (0, 100000001, FALSE, &rules), ==,
                   TRACTION_GRADUATE_MEDDIC);
  g_assert_cmpint (traction_graduation_prompts (0, 0, TRUE, &rules), ==,
                   TRACTION_GRADUATE_MEDDIC);
  g_assert_cmpint (traction_graduation_prompts (25, 500000000, FALSE, &rules), ==,
                   TRACTION_GRADUATE_CS_PRACTICE | TRACTION_GRADUATE_MEDDIC |
                   TRACTION_GRADUATE_MEDDPICC);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static void
test_dates_parse (void)
{
  static const char * const bad[] = {
    "2027-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
    "2025-01-00", "0000-01-01", "2025-1-01", "2025-01-1", "2025/01/01",
    "2025-01-01x", " 2025-01-01", "", "abcd-ef-gh", "20250101", "2025-01-01 ",
  };
  GDate date;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_date_clear (&date, 1);
      g_assert_false (traction_date_parse (bad[i], &date, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
    }

  g_assert_true (traction_date_parse ("2028-02-29", &date, NULL));
  g_assert_cmpint (g_date_get_year (&date), ==, 2028);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  assert_date (&date, "2028-02-29");

  g_assert_true (traction_date_parse ("2000-02-29", &date, NULL));
  g_assert_false (traction_date_parse ("1900-02-29", &date, NULL));

  date = day ("0999-12-31");
  text = traction_date_to_string (&date);
  g_assert_cmpstr (text, ==, "0999-12-31");

  {
    GDate a = day ("2025-01-01");
    GDate b = day ("2025-03-31");

    g_assert_cmpint (traction_date_diff (&a, &b), ==, 89);
    g_assert_cmpint (traction_date_diff (&b, &a), ==, -89);
  }
}

static void
check_quarter (const char *date_text,
               int         fy_start_month,
               const char *start_text,
               const char *end_text)
{
  GDate date = day (date_text);
  GDate start, end;

  traction_quarter_bounds (&date, fy_start_month, &start, &end);
  assert_date (&start, start_text);
  assert_date (&end, end_text);
}

static void
test_dates_quarters (void)
{
  check_quarter ("2025-05-15", 1, "2025-04-01", "2025-07-01");
  check_quarter ("2025-01-01", 1, "2025-01-01", "2025-04-01");
  check_quarter ("2025-12-31", 1, "2025-10-01", "2026-01-01");

  /* Fiscal year from April: Q1 Apr-Jun, Q4 Jan-Mar. */
  check_quarter ("2025-05-15", 4, "2025-04-01", "2025-07-01");
  check_quarter ("2025-02-10", 4, "2025-01-01", "2025-04-01");
  check_quarter ("2025-03-31", 4, "2025-01-01", "2025-04-01");
  check_quarter ("2025-04-01", 4, "2025-04-01", "2025-07-01");

  /* Fiscal year from November: Nov-Jan, Feb-Apr, May-Jul, Aug-Oct. */
  check_quarter ("2025-01-15", 11, "2024-11-01", "2025-02-01");
  check_quarter ("2025-12-31", 11, "2025-11-01", "2026-02-01");
  check_quarter ("2025-02-01", 11, "2025-02-01", "2025-05-01");
  check_quarter ("2025-10-31", 11, "2025-08-01", "2025-11-01");
  check_quarter ("2028-02-29", 11, "2028-02-01", "2028-05-01");
}

static void
test_dates_weeks_months (void)
{
  GDate date, start, end;

  /* 2025-01-01 is a Wednesday. */
  date = day ("2025-01-01");
  traction_week_bounds (&date, &start, &end);
  assert_date (&start, "2024-12-30");
  assert_date (&end, "2025-01-06");

  date = day ("2025-01-05");   /* Sunday */
  traction_week_bounds (&date, &start, &end);
  assert_date (&start, "2024-12-30");

  date = day ("2025-01-06");   /* Monday */
  traction_week_bounds (&date, &start, &end);
  assert_date (&start, "2025-01-06");
  assert_date (&end, "2025-01-13");

  date = day ("2028-02-10");
  traction_month_bounds (&date, &start, &end);
  assert_date (&start, "2028-02-01");
  assert_date (&end, "2028-03-01");

  date = day ("2025-12-31");
  traction_month_bounds (&date, &start, &end);
  assert_date (&start, "2025-12-01");
  assert_date (&end, "2026-01-01");
}

static void
test_dates_today (void)
{
  GDate today;
  g_autofree char *saved = g_strdup (g_getenv ("TRACTION_TODAY"));

  g_setenv ("TRACTION_TODAY", "2030-06-15", TRUE);
  traction_date_today (&today);
  assert_date (&today, "2030-06-15");

  /* Invalid: the real local date. */
  g_setenv ("TRACTION_TODAY", "2030-02-30", TRUE);
  traction_date_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), >=, 2024);

  if (saved != NULL)
    g_setenv ("TRACTION_TODAY", saved, TRUE);
  else
    g_unsetenv ("TRACTION_TODAY");
}

/* ------------------------------------------------------------------ */
/* Money                                                               */
/* ------------------------------------------------------------------ */

/* What founders type into amount fields. */
static void
test_money_parse_input (void)
{
  static const struct { const char *text; gint64 cents; } good[] = {
    { "48000", 4800000 },
    { " $48,000 ", 4800000 },
    { "€1 250.50", 125050 },
    { "USD 48,000.5", 4800050 },
    { "48\u00a0000", 4800000 },
    { "£0.99", 99 },
  };
  static const char * const bad[] = {
    "12x", "-5", "$-5", "48,,000", ",48", "48,", "1e5", "", "$", "abc", "48 000 USD", "<b>5</b>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_true (traction_money_parse_input (good[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, good[i].cents);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_false (traction_money_parse_input (bad[i], &cents, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
    }

  /* Where the decimal point is a comma (de_DE): the full stop groups. */
  {
    static const struct { const char *text; gint64 cents; } comma_good[] = {
      { "48.000", 4800000 },
      { "48.000,50", 4800050 },
      { "48000,5", 4800050 },
      { "1.234.567,89 €", 123456789 },
      { "48\u00a0000\u00a0€", 4800000 },
      { "€ 12,99", 1299 },
      { "12 €", 1200 },
    };
    static const char * const comma_bad[] = { "48.00.0,", "4.8", "48,000.50", ",5", "48,", "€" };

    for (guint i = 0; i < G_N_ELEMENTS (comma_good); i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 cents = -1;

        if (!traction_money_parse_input_for (comma_good[i].text, ",", &cents, &error))
          g_error ("“%s”: %s", comma_good[i].text, error->message);
        g_assert_cmpint (cents, ==, comma_good[i].cents);
      }
    for (guint i = 0; i < G_N_ELEMENTS (comma_bad); i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 cents = -1;

        if (traction_money_parse_input_for (comma_bad[i], ",", &cents, &error))
          g_error ("“%s” was taken as %" G_GINT64_FORMAT, comma_bad[i], cents);
        g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
      }
  }
  {
    g_autoptr(GError) error = NULL;
    gint64 cents = -1;

    /* And a trailing symbol in the C locale too. */
    g_assert_true (traction_money_parse_input ("1,250.50 $", &cents, &error));
    g_assert_cmpint (cents, ==, 125050);
  }
}

static void
test_money_parse (void)
{
  static const struct {
    const char *text;
    gint64      cents;
  } good[] = {
    { "1250.50", 125050 },
    { "1250.5", 125050 },
    { "1250", 125000 },
    { "0.5", 50 },
    { "0.05", 5 },
    { "0", 0 },
    { "007", 700 },
    { "92233720368547758.07", G_MAXINT64 },
  };
  static const char * const invalid[] = {
    "-5", "+5", "1.234", "", "abc", "1e5", " 5", "5 ", "1.", ".5", "1,250",
    "1.2.3", "$5", "1 000",
  };
  static const char * const too_large[] = {
    "92233720368547758.08", "92233720368547759", "100000000000000000000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 cents = -1;
      g_autoptr(GError) error = NULL;

      g_assert_true (traction_money_parse (good[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, good[i].cents);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gint64 cents = 42;
      g_autoptr(GError) error = NULL;

      g_assert_false (traction_money_parse (invalid[i], &cents, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
      g_assert_cmpint (cents, ==, 42);
    }

  for (guint i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      gint64 cents = 42;
      g_autoptr(GError) error = NULL;

      g_assert_false (traction_money_parse (too_large[i], &cents, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
    }

  g_assert_cmpfloat (traction_money_to_units (125050), ==, 1250.5);
}

static void
assert_money (gint64      cents,
              const char *currency,
              gboolean    compact,
              const char *expected)
{
  g_autofree char *text = traction_money_format (cents, currency, compact);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_money_format (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  /* The C locale has no thousands grouping. */
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  assert_money (125050, "USD", FALSE, "$1250.50");
  assert_money (-125000, "USD", FALSE, MINUS "$1250.00");
  assert_money (0, "USD", FALSE, "$0.00");
  assert_money (5, "EUR", FALSE, "€0.05");

  /* Compact drops the cents and does not group. */
  assert_money (4800000, "USD", TRUE, "$48K");
  assert_money (95000, "USD", TRUE, "$950");
  assert_money (95099, "USD", TRUE, "$950");
  assert_money (120000000, "USD", TRUE, "$1.2M");
  assert_money (100000000, "USD", TRUE, "$1M");
  assert_money (125000, "USD", TRUE, "$1.3K");
  assert_money (999000, "GBP", TRUE, "£10K");     /* 9,990 rounds to 10.0K */
  assert_money (99996000, "USD", TRUE, "$1M");    /* 999,960 rounds to 1000K = 1M */
  assert_money (-4800000, "EUR", TRUE, MINUS "€48K");
  assert_money (0, "USD", TRUE, "$0");
  assert_money (250000000000, "USD", TRUE, "$2.5B");
  g_assert_cmpint (traction_money_symbol_place (), ==, TRACTION_SYMBOL_BEFORE);

  /* Where a locale such as de_DE writes the symbol: after, unbreakable. */
  {
    static const struct { gint64 cents; const char *currency; gboolean compact; const char *expected; } after[] = {
      { 125050, "EUR", FALSE, "1250.50\xc2\xa0€" },
      { -125000, "EUR", FALSE, MINUS "1250.00\xc2\xa0€" },
      { 4800000, "EUR", TRUE, "48K\xc2\xa0€" },
      { 125050, "CHF", FALSE, "1250.50\xc2\xa0" "CHF" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (after); i++)
      {
        g_autofree char *text = traction_money_format_placed (after[i].cents, after[i].currency, after[i].compact,
                                                              TRACTION_SYMBOL_AFTER);
        g_assert_cmpstr (text, ==, after[i].expected);
      }
  }

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("en_US.UTF-8 locale not installed: thousands grouping not checked");
    }
  else
    {
      assert_money (125050, "USD", FALSE, "$1,250.50");
      assert_money (-125000, "USD", FALSE, MINUS "$1,250.00");
      assert_money (123456789, "EUR", FALSE, "€1,234,567.89");
      assert_money (125049, "GBP", FALSE, "£1,250.49");
      assert_money (125050, "JPY", FALSE, "¥1,251");
      assert_money (125049, "JPY", FALSE, "¥1,250");
      assert_money (125050, "CHF", FALSE, "CHF 1,250.50");
      assert_money (G_MININT64, "USD", FALSE, MINUS "$92,233,720,368,547,758.08");
      assert_money (G_MAXINT64, "USD", FALSE, "$92,233,720,368,547,758.07");
      assert_money (4800000, "USD", TRUE, "$48K");
      assert_money (120000000, "CHF", TRUE, "CHF 1.2M");
    }

  setlocale (LC_ALL, saved);
}

/* ------------------------------------------------------------------ */
/* Pipeline                                                            */
/* ------------------------------------------------------------------ */

static void
test_pipeline_stages (void)
{
  const char * const *criteria;
  TractionStage stage;
  TractionSource source;
  int lo, hi;

  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      g_assert_true (traction_stage_from_id (traction_stage_to_id (i), &stage));
      g_assert_cmpint (stage, ==, i);
    }
  g_assert_false (traction_stage_from_id ("closed", &stage));
  g_assert_cmpstr (traction_stage_to_id (TRACTION_STAGE_NEGOTIATION), ==, "negotiation");
  g_assert_cmpstr (traction_stage_label (TRACTION_STAGE_WON), ==, "Closed Won");
  g_assert_cmpstr (traction_stage_label (TRACTION_STAGE_LOST), ==, "Closed Lost");
  g_assert_true (traction_stage_is_open (TRACTION_STAGE_NEGOTIATION));
  g_assert_false (traction_stage_is_open (TRACTION_STAGE_WON));
  g_assert_false (traction_stage_is_open (TRACTION_STAGE_LOST));

  criteria = traction_stage_exit_criteria (TRACTION_STAGE_LEAD);
  g_assert_cmpstr (criteria[0], ==, "Contact info confirmed");
  g_assert_cmpstr (criteria[1], ==, "Initial response received");
  g_assert_null (criteria[2]);

  criteria = traction_stage_exit_criteria (TRACTION_STAGE_DISCOVERY);
  g_assert_cmpuint (g_strv_length ((char **) criteria), ==, 3);
  g_assert_cmpstr (criteria[2], ==, "Champion identified");

  criteria = traction_stage_exit_criteria (TRACTION_STAGE_WON);
  g_assert_cmpuint (g_strv_length ((char **) criteria), ==, 2);
  criteria = traction_stage_exit_criteria (TRACTION_STAGE_LOST);
  g_assert_cmpstr (criteria[0], ==, "Loss reason documented");
  g_assert_null (criteria[1]);

  traction_stage_target_conversion (TRACTION_STAGE_DISCOVERY, &lo, &hi);
  g_assert_cmpint (lo, ==, 60);
  g_assert_cmpint (hi, ==, 70);
  traction_stage_target_conversion (TRACTION_STAGE_LEAD, &lo, &hi);
  g_assert_cmpint (lo, ==, 0);
  g_assert_cmpint (hi, ==, 0);
  traction_stage_target_conversion (TRACTION_STAGE_WON, &lo, &hi);
  g_assert_cmpint (lo, ==, 70);
  g_assert_cmpint (hi, ==, 80);

  for (guint i = 0; i < TRACTION_N_SOURCES; i++)
    {
      g_assert_true (traction_source_from_id (traction_source_to_id (i), &source));
      g_assert_cmpint (source, ==, i);
    }
  g_assert_cmpstr (traction_source_to_id (TRACTION_SOURCE_WARM_INTRO), ==, "warm_intro");
  g_assert_cmpstr (traction_source_label (TRACTION_SOURCE_PROVIDER_REFERRAL), ==, "Provider Referral");
  g_assert_false (traction_source_from_id ("cold_call", &source));
}

static TractionDealFacts
deal (TractionStage stage,
      gint64        arr_cents,
      const char   *last_activity)
{
  TractionDealFacts facts;

  memset (&facts, 0, sizeof facts);
  facts.stage = stage;
  facts.arr_cents = arr_cents;
  facts.created = day ("2024-10-01");
  facts.closed = no_date ();
  facts.expected_close = no_date ();
  facts.last_activity = last_activity ? day (last_activity) : no_date ();
  facts.paused_until = no_date ();

  return facts;
}

static void
test_pipeline_stalled (void)
{
  TractionRules rules;
  GDate today = day ("2025-03-31");
  TractionDealFacts d;

  traction_rules_init_defaults (&rules);

  d = deal (TRACTION_STAGE_PROPOSAL, 100, "2025-03-16");   /* 15 days */
  g_assert_cmpint (traction_deal_days_idle (&d, &today), ==, 15);
  g_assert_false (traction_deal_is_stalled (&d, &rules, &today));

  d = deal (TRACTION_STAGE_PROPOSAL, 100, "2025-03-15");   /* 16 days */
  g_assert_cmpint (traction_deal_days_idle (&d, &today), ==, 16);
  g_assert_true (traction_deal_is_stalled (&d, &rules, &today));

  /* Paused until a later date: not stalled. */
  d.paused = TRUE;
  d.paused_until = day ("2025-04-10");
  g_assert_true (traction_deal_is_paused (&d, &today));
  g_assert_false (traction_deal_is_stalled (&d, &rules, &today));

  /* Paused with no resume date: still paused. */
  d.paused_until = no_date ();
  g_assert_true (traction_deal_is_paused (&d, &today));
  g_assert_false (traction_deal_is_stalled (&d, &rules, &today));

  /* The resume date has come: no longer paused, stalled again. */
  d.paused_until = day ("2025-03-31");
  g_assert_false (traction_deal_is_paused (&d, &today));
  g_assert_true (traction_deal_is_stalled (&d, &rules, &today));

  /* Closed deals never stall. */
  d = deal (TRACTION_STAGE_WON, 100, "2024-01-01");
  g_assert_false (traction_deal_is_stalled (&d, &rules, &today));

  /* No touchpoint: idle since creation (2024-10-01). */
  d = deal (TRACTION_STAGE_LEAD, 100, NULL);
  g_assert_cmpint (traction_deal_days_idle (&d, &today), ==, 181);
  g_assert_true (traction_deal_is_stalled (&d, &rules, &today));

  /* A per-stage threshold. */
  rules.stalled_days[TRACTION_STAGE_LEAD] = 200;
  g_assert_false (traction_deal_is_stalled (&d, &rules, &today));
}

static void
test_pipeline_summary (void)
{
  TractionRules rules;
  GDate today = day ("2025-02-15");
  GDate q_start = day ("2025-01-01");
  GDate q_end = day ("2025-04-01");
  TractionDealFacts deals[8];
  TractionPipelineSummary sum;

  traction_rules_init_defaults (&rules);
  rules.quarterly_target_cents = 2000000;

  deals[0] = deal (TRACTION_STAGE_LEAD, 1000000, "2025-02-14");
  deals[0].expected_close = day ("2025-03-01");
  deals[1] = deal (TRACTION_STAGE_PROPOSAL, 4000000, "2025-02-14");   /* no expected close */
  deals[2] = deal (TRACTION_STAGE_NEGOTIATION, 2000000, "2025-02-14");
  deals[2].expected_close = day ("2025-05-01");                     /* next quarter */
  deals[3] = deal (TRACTION_STAGE_DISCOVERY, 3000000, "2024-12-01");
  deals[3].expected_close = day ("2025-02-20");
  deals[3].paused = TRUE;
  deals[3].paused_until = day ("2025-03-01");
  deals[4] = deal (TRACTION_STAGE_WON, 5000000, "2025-01-10");
  deals[5] = deal (TRACTION_STAGE_LOST, 700000, "2025-01-10");
  deals[6] = deal (TRACTION_STAGE_NEGOTIATION, 1000000, "2025-02-14");
  deals[6].expected_close = day ("2025-04-01");                     /* on q_end: out */
  deals[7] = deal (TRACTION_STAGE_QUALIFIED, 500000, "2025-01-26");  /* 20 days idle */
  deals[7].expected_close = day ("2025-01-01");                     /* on q_start: in */

  traction_pipeline_summarize (deals, G_N_ELEMENTS (deals), &rules, NULL,
                               &today, &q_start, &q_end, &sum);

  g_assert_cmpint (sum.count[TRACTION_STAGE_LEAD], ==, 1);
  g_assert_cmpint (sum.count[TRACTION_STAGE_NEGOTIATION], ==, 2);
  g_assert_cmpint (sum.count[TRACTION_STAGE_WON], ==, 1);
  g_assert_cmpint (sum.arr_cents[TRACTION_STAGE_NEGOTIATION], ==, 3000000);

  /* 1,000,000 × .078 + 500,000 × .174 + 3,000,000 × .268
   * + 4,000,000 × .4875 + 3,000,000 × .75 */
  g_assert_cmpint (sum.weighted_cents[TRACTION_STAGE_LEAD], ==, 78000);
  g_assert_cmpint (sum.weighted_cents[TRACTION_STAGE_QUALIFIED], ==, 87000);
  g_assert_cmpint (sum.weighted_cents[TRACTION_STAGE_DISCOVERY], ==, 804000);
  g_assert_cmpint (sum.weighted_cents[TRACTION_STAGE_PROPOSAL], ==, 1950000);
  g_assert_cmpint (sum.weighted_cents[TRACTION_STAGE_NEGOTIATION], ==, 2250000);
  g_assert_cmpint (sum.weighted_cents_total, ==, 5169000);

  g_assert_cmpint (sum.open_cents, ==, 11500000);
  /* Lead (in quarter) + Proposal (no date) + Qualified (on q_start). */
  g_assert_cmpint (sum.quarter_cents, ==, 5500000);
  g_assert_cmpfloat_with_epsilon (sum.coverage, 2.75, 1e-12);
  g_assert_cmpint (sum.stalled, ==, 1);
  g_assert_cmpint (sum.paused, ==, 1);

  /* Own probabilities, no target. */
  {
    double probability[TRACTION_N_STAGES] = { 0.1, 0.2, 0.3, 0.5, 0.5, 1.0, 0.0 };

    rules.quarterly_target_cents = 0;
    traction_pipeline_summarize (deals, G_N_ELEMENTS (deals), &rules, probability,
                                 &today, &q_start, &q_end, &sum);
    /* 100,000 + 100,000 + 900,000 + 2,000,000 + 1,500,000 */
    g_assert_cmpint (sum.weighted_cents_total, ==, 4600000);
    g_assert_cmpfloat (sum.coverage, <, 0.0);
  }
}

static void
test_pipeline_lead_to_close (void)
{
  GDate from = day ("2025-01-01");
  GDate to = day ("2025-03-01");
  TractionDealFacts deals[5];

  deals[0] = deal (TRACTION_STAGE_WON, 1, NULL);
  deals[0].created = day ("2025-01-01");
  deals[0].closed = day ("2025-01-31");        /* 30 days */
  deals[1] = deal (TRACTION_STAGE_WON, 1, NULL);
  deals[1].created = day ("2024-12-01");
  deals[1].closed = day ("2025-02-09");        /* 70 days */
  deals[2] = deal (TRACTION_STAGE_WON, 1, NULL);
  deals[2].created = day ("2024-12-22");
  deals[2].closed = day ("2025-01-01");        /* 10 days, on `from` */
  deals[3] = deal (TRACTION_STAGE_WON, 1, NULL);
  deals[3].created = day ("2024-12-22");
  deals[3].closed = day ("2025-03-01");        /* on `to`: out */
  deals[4] = deal (TRACTION_STAGE_LOST, 1, NULL);
  deals[4].created = day ("2024-01-01");
  deals[4].closed = day ("2025-02-01");        /* lost: out */

  g_assert_cmpfloat_with_epsilon (traction_pipeline_lead_to_close_days (deals, 5, &from, &to),
                                  110.0 / 3.0, 1e-9);
  g_assert_cmpfloat (traction_pipeline_lead_to_close_days (deals + 3, 2, &from, &to), ==, -1.0);
}

#define S(stage) (1u << TRACTION_STAGE_##stage)

static void
test_pipeline_learned (void)
{
  const guint8 all = S (LEAD) | S (QUALIFIED) | S (DISCOVERY) | S (PROPOSAL) | S (NEGOTIATION);
  const TractionClosedPath paths[10] = {
    { all | S (WON), TRACTION_STAGE_WON },
    { all | S (WON), TRACTION_STAGE_WON },
    { (all & ~S (LEAD)) | S (WON), TRACTION_STAGE_WON },
    { all | S (WON), TRACTION_STAGE_WON },
    { S (LEAD) | S (LOST), TRACTION_STAGE_LOST },
    { S (LEAD) | S (LOST), TRACTION_STAGE_LOST },
    { S (LEAD) | S (QUALIFIED) | S (LOST), TRACTION_STAGE_LOST },
    { S (LEAD) | S (QUALIFIED) | S (DISCOVERY) | S (LOST), TRACTION_STAGE_LOST },
    { S (LEAD) | S (QUALIFIED) | S (DISCOVERY) | S (PROPOSAL) | S (LOST), TRACTION_STAGE_LOST },
    { all | S (LOST), TRACTION_STAGE_LOST },
  };
  TractionClosedPath only_leads[10];
  TractionRules rules;
  double out[TRACTION_N_STAGES];

  traction_rules_init_defaults (&rules);

  /* Nine closed deals are not enough: out is left alone. */
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    out[i] = -7.0;
  g_assert_false (traction_pipeline_learned_probabilities (paths, 9, 10,
                                                           rules.stage_probability, out));
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    g_assert_cmpfloat (out[i], ==, -7.0);

  g_assert_true (traction_pipeline_learned_probabilities (paths, 10, 10,
                                                          rules.stage_probability, out));
  /* Lead: 9 passed, 3 won; Qualified 8/4; Discovery 7/4; Proposal 6/4;
   * Negotiation 5/4. */
  g_assert_cmpfloat_with_epsilon (out[TRACTION_STAGE_LEAD], 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (out[TRACTION_STAGE_QUALIFIED], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (out[TRACTION_STAGE_DISCOVERY], 4.0 / 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (out[TRACTION_STAGE_PROPOSAL], 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (out[TRACTION_STAGE_NEGOTIATION], 0.8, 1e-12);
  g_assert_cmpfloat (out[TRACTION_STAGE_WON], ==, 1.0);
  g_assert_cmpfloat (out[TRACTION_STAGE_LOST], ==, 0.0);

  /* Stages no closed deal passed keep their default. */
  for (guint i = 0; i < G_N_ELEMENTS (only_leads); i++)
    {
      only_leads[i].visited = S (LEAD) | S (LOST);
      only_leads[i].final = TRACTION_STAGE_LOST;
    }
  g_assert_true (traction_pipeline_learned_probabilities (only_leads, 10, 10,
                                                          rules.stage_probability, out));
  g_assert_cmpfloat (out[TRACTION_STAGE_LEAD], ==, 0.0);
  g_assert_cmpfloat (out[TRACTION_STAGE_QUALIFIED], ==, 0.174);
  g_assert_cmpfloat (out[TRACTION_STAGE_NEGOTIATION], ==, 0.75);
}

#undef S

/* ------------------------------------------------------------------ */
/* BANT                                                                */
/* ------------------------------------------------------------------ */

static TractionBantBand
band_of (int budget, int authority, int need, int timeline, int expected_total)
{
  TractionRules rules;
  TractionBant bant = { budget, authority, need, timeline };
  int total = -1;
  g_autoptr(GError) error = NULL;

  traction_rules_init_defaults (&rules);
  g_assert_true (traction_bant_total (&bant, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, expected_total);

  return traction_bant_band (total, &rules);
}

static void
test_bant_bands (void)
{
  TractionRules rules;

  traction_rules_init_defaults (&rules);

  g_assert_cmpint (band_of (1, 1, 1, 1, 4), ==, TRACTION_BANT_DISQUALIFY);
  g_assert_cmpint (band_of (2, 2, 2, 1, 7), ==, TRACTION_BANT_DISQUALIFY);
  g_assert_cmpint (band_of (2, 2, 2, 2, 8), ==, TRACTION_BANT_LOW);
  g_assert_cmpint (band_of (3, 3, 3, 2, 11), ==, TRACTION_BANT_LOW);
  g_assert_cmpint (band_of (3, 3, 3, 3, 12), ==, TRACTION_BANT_MEDIUM);
  g_assert_cmpint (band_of (4, 4, 4, 3, 15), ==, TRACTION_BANT_MEDIUM);
  g_assert_cmpint (band_of (4, 4, 4, 4, 16), ==, TRACTION_BANT_HIGH);
  g_assert_cmpint (band_of (5, 5, 5, 5, 20), ==, TRACTION_BANT_HIGH);

  g_assert_cmpstr (traction_bant_band_label (TRACTION_BANT_HIGH), ==, "High priority");
  g_assert_cmpstr (traction_bant_band_label (TRACTION_BANT_DISQUALIFY), ==, "Disqualify");
  g_assert_nonnull (strstr (traction_bant_band_advice (TRACTION_BANT_MEDIUM), "2 weeks"));

  g_assert_cmpint (traction_bant_follow_up_days (TRACTION_BANT_HIGH, &rules), ==, 7);
  g_assert_cmpint (traction_bant_follow_up_days (TRACTION_BANT_MEDIUM, &rules), ==, 14);
  g_assert_cmpint (traction_bant_follow_up_days (TRACTION_BANT_LOW, &rules), ==, 30);
  g_assert_cmpint (traction_bant_follow_up_days (TRACTION_BANT_DISQUALIFY, &rules), ==, -1);
  rules.discovery_days = 5;
  g_assert_cmpint (traction_bant_follow_up_days (TRACTION_BANT_HIGH, &rules), ==, 5);
}

static void
test_bant_range (void)
{
  const TractionBant bad[] = {
    { 0, 3, 3, 3 },
    { 3, 6, 3, 3 },
    { 3, 3, -1, 3 },
    { 3, 3, 3, 6 },
  };
  const char * const field[] = { "Budget", "Authority", "Need", "Timeline" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int total = 99;
      g_autoptr(GError) error = NULL;

      g_assert_false (traction_bant_total (&bad[i], &total, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
      g_assert_nonnull (strstr (error->message, field[i]));
      g_assert_nonnull (strstr (error->message, "between 1 and 5"));
      g_assert_cmpint (total, ==, 99);
    }
}

static void
test_bant_guides (void)
{
  g_assert_cmpstr (traction_bant_guide (0, 5), ==, "Confirmed budget allocated");
  g_assert_cmpstr (traction_bant_guide (0, 3), ==, "Budget exists, not allocated");
  g_assert_cmpstr (traction_bant_guide (0, 1), ==, "No budget, exploring");
  g_assert_cmpstr (traction_bant_guide (1, 5), ==, "Economic buyer at the table");
  g_assert_cmpstr (traction_bant_guide (2, 3), ==, "Recognised need, no timeline");
  g_assert_cmpstr (traction_bant_guide (3, 1), ==, "Someday, no urgency");
  g_assert_cmpstr (traction_bant_guide (1, 4), ==,
                   "Between “Strong champion, buyer identified” and “Economic buyer at the table”");
  g_assert_cmpstr (traction_bant_guide (3, 2), ==,
                   "Between “Someday, no urgency” and “Within 6 months, internal priority”");
  g_assert_null (traction_bant_guide (0, 0));
  g_assert_null (traction_bant_guide (0, 6));
}

/* ------------------------------------------------------------------ */
/* Design partners and providers                                       */
/* ------------------------------------------------------------------ */

static void
test_partners_score (void)
{
  TractionRules rules;
  TractionPartnerScore qualifies = { 4, 4, 4, 3, 3 };
  TractionPartnerScore short_by_one = { 4, 4, 4, 3, 2 };
  TractionPartnerScore bad = { 4, 4, 6, 3, 3 };
  int total = 0;
  g_autoptr(GError) error = NULL;

  traction_rules_init_defaults (&rules);

  g_assert_true (traction_partner_total (&qualifies, &total, NULL));
  g_assert_cmpint (total, ==, 18);
  g_assert_true (traction_partner_qualifies (total, &rules));

  g_assert_true (traction_partner_total (&short_by_one, &total, NULL));
  g_assert_cmpint (total, ==, 17);
  g_assert_false (traction_partner_qualifies (total, &rules));

  g_assert_false (traction_partner_total (&bad, &total, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "Technical readiness"));
}

static void
test_partners_milestones (void)
{
  GDate start = day ("2025-01-01");
  GDate today;
  int first, last;

  traction_partner_milestone_window (0, &first, &last);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, ==, 14);
  traction_partner_milestone_window (2, &first, &last);
  g_assert_cmpint (first, ==, 31);
  g_assert_cmpint (last, ==, 60);
  traction_partner_milestone_window (4, &first, &last);
  g_assert_cmpint (first, ==, 91);
  g_assert_cmpint (last, ==, 180);
  g_assert_nonnull (strstr (traction_partner_milestone_label (3), "Case study"));

  today = day ("2025-01-15");            /* start + 14 */
  g_assert_false (traction_partner_milestone_late (0, &start, FALSE, &today));
  today = day ("2025-01-16");            /* start + 15 */
  g_assert_true (traction_partner_milestone_late (0, &start, FALSE, &today));
  g_assert_false (traction_partner_milestone_late (0, &start, TRUE, &today));
  g_assert_false (traction_partner_milestone_late (1, &start, FALSE, &today));

  today = day ("2025-06-30");            /* start + 180 */
  g_assert_false (traction_partner_milestone_late (4, &start, FALSE, &today));
  today = day ("2025-07-01");
  g_assert_true (traction_partner_milestone_late (4, &start, FALSE, &today));
}

static void
test_providers (void)
{
  TractionProviderReview review = {
    .reliability = 4, .pricing = 4, .integration_maturity = 4, .support = 4,
    .regulatory = 4, .dependency_risk = 2, .relationship = 4,
    .exclusivity = TRACTION_EXCLUSIVITY_SOFT,
  };
  TractionRules rules;
  GDate last = day ("2025-01-01");
  GDate today;
  int overall = 0;
  g_autoptr(GError) error = NULL;

  traction_rules_init_defaults (&rules);

  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_NONE), ==, 5);
  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_SOFT), ==, 3);
  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_HARD), ==, 1);

  /* 6 × 4 + Soft 3 + (6 − 2) */
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 31);

  review = (TractionProviderReview) { 5, 5, 5, 5, 5, 1, 5, TRACTION_EXCLUSIVITY_NONE };
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 40);

  review = (TractionProviderReview) { 1, 1, 1, 1, 1, 5, 1, TRACTION_EXCLUSIVITY_HARD };
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 8);

  review.dependency_risk = 6;
  g_assert_false (traction_provider_overall (&review, &overall, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "Dependency risk"));
  g_assert_cmpint (overall, ==, 8);

  g_assert_cmpint (traction_provider_risk (1), ==, TRACTION_RISK_LOW);
  g_assert_cmpint (traction_provider_risk (2), ==, TRACTION_RISK_LOW);
  g_assert_cmpint (traction_provider_risk (3), ==, TRACTION_RISK_MEDIUM);
  g_assert_cmpint (traction_provider_risk (4), ==, TRACTION_RISK_HIGH);
  g_assert_cmpint (traction_provider_risk (5), ==, TRACTION_RISK_CRITICAL);
  g_assert_cmpstr (traction_risk_label (TRACTION_RISK_MEDIUM), ==, "Medium");
  g_assert_nonnull (strstr (traction_risk_action (TRACTION_RISK_HIGH), "backup provider"));
  g_assert_nonnull (strstr (traction_risk_action (TRACTION_RISK_CRITICAL), "alternative"));

  today = day ("2025-03-31");   /* 89 days */
  g_assert_false (traction_provider_review_due (&last, &rules, &today));
  today = day ("2025-04-01");   /* 90 days */
  g_assert_true (traction_provider_review_due (&last, &rules, &today));
  last = no_date ();
  g_assert_true (traction_provider_review_due (&last, &rules, &today));
  g_assert_true (traction_provider_review_due (NULL, &rules, &today));
}

/* ------------------------------------------------------------------ */
/* Health                                                              */
/* ------------------------------------------------------------------ */

static double
health_of (int      item,
           gboolean yes)
{
  TractionRules rules;
  TractionHealthInput input;
  double score = -1;
  g_autoptr(GError) error = NULL;

  traction_rules_init_defaults (&rules);
  for (guint i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    input.items[i] = item;
  for (guint i = 0; i < TRACTION_N_HEALTH_SIGNALS; i++)
    input.signals[i] = yes;

  g_assert_true (traction_health_score (&input, &rules, &score, NULL, &error));
  g_assert_no_error (error);

  return score;
}

static void
test_health_vectors (void)
{
  TractionRules rules;
  TractionHealthInput input = {
    .items = { 5, 4, 3, 2, 2, 2, 4, 5 },
    .signals = { FALSE, TRUE, FALSE },
  };
  double category[TRACTION_N_HEALTH_CATEGORIES];
  double score;

  g_assert_cmpfloat (health_of (5, TRUE), ==, 100.0);
  g_assert_cmpfloat (health_of (1, FALSE), ==, 0.0);
  g_assert_cmpfloat (health_of (3, FALSE), ==, 42.5);

  /* Usage (4+3+2)/12 = 75, support 3/12 = 25, satisfaction 7/8 = 87.5,
   * expansion 1/3: .4 × 75 + .25 × 25 + .2 × 87.5 + .15 × 33.3… = 58.75,
   * rounded half away from zero: 58.8. */
  traction_rules_init_defaults (&rules);
  g_assert_true (traction_health_score (&input, &rules, &score, category, NULL));
  g_assert_cmpfloat (category[TRACTION_HEALTH_USAGE], ==, 75.0);
  g_assert_cmpfloat (category[TRACTION_HEALTH_SUPPORT], ==, 25.0);
  g_assert_cmpfloat (category[TRACTION_HEALTH_SATISFACTION], ==, 87.5);
  g_assert_cmpfloat_with_epsilon (category[TRACTION_HEALTH_EXPANSION], 100.0 / 3.0, 1e-12);
  g_assert_cmpfloat (score, ==, 58.8);

  /* Other weights: usage only. */
  rules.health_weight[TRACTION_HEALTH_USAGE] = 100;
  rules.health_weight[TRACTION_HEALTH_SUPPORT] = 0;
  rules.health_weight[TRACTION_HEALTH_SATISFACTION] = 0;
  rules.health_weight[TRACTION_HEALTH_EXPANSION] = 0;
  g_assert_true (traction_health_score (&input, &rules, &score, NULL, NULL));
  g_assert_cmpfloat (score, ==, 75.0);
}

static void
test_health_range (void)
{
  TractionRules rules;
  TractionHealthInput input;
  double score = 12.0;

  traction_rules_init_defaults (&rules);

  for (guint i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    input.items[i] = 3;
  for (guint i = 0; i < TRACTION_N_HEALTH_SIGNALS; i++)
    input.signals[i] = FALSE;

  for (int bad = 0; bad <= 6; bad += 6)
    {
      g_autoptr(GError) error = NULL;

      input.items[TRACTION_ITEM_SEVERITY_TREND] = bad;
      g_assert_false (traction_health_score (&input, &rules, &score, NULL, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
      g_assert_nonnull (strstr (error->message, "Severity trend"));
      g_assert_nonnull (strstr (error->message, "between 1 and 5"));
      g_assert_cmpfloat (score, ==, 12.0);
    }
}

static void
test_health_bands (void)
{
  TractionRules rules;

  traction_rules_init_defaults (&rules);

  g_assert_cmpint (traction_health_band (100.0, &rules), ==, TRACTION_BAND_HEALTHY);
  g_assert_cmpint (traction_health_band (80.0, &rules), ==, TRACTION_BAND_HEALTHY);
  g_assert_cmpint (traction_health_band (79.9, &rules), ==, TRACTION_BAND_MONITOR);
  g_assert_cmpint (traction_health_band (60.0, &rules), ==, TRACTION_BAND_MONITOR);
  g_assert_cmpint (traction_health_band (59.9, &rules), ==, TRACTION_BAND_AT_RISK);
  g_assert_cmpint (traction_health_band (40.0, &rules), ==, TRACTION_BAND_AT_RISK);
  g_assert_cmpint (traction_health_band (39.9, &rules), ==, TRACTION_BAND_CRITICAL);
  g_assert_cmpint (traction_health_band (0.0, &rules), ==, TRACTION_BAND_CRITICAL);

  g_assert_cmpstr (traction_health_band_id (TRACTION_BAND_AT_RISK), ==, "at_risk");
  g_assert_cmpstr (traction_health_band_label (TRACTION_BAND_MONITOR), ==, "Monitor");
  g_assert_nonnull (strstr (traction_health_band_cadence (TRACTION_BAND_CRITICAL), "48"));

  g_assert_cmpint (traction_health_trend (70.0, 75.0, &rules), ==, TRACTION_TREND_IMPROVING);
  g_assert_cmpint (traction_health_trend (70.0, 74.9, &rules), ==, TRACTION_TREND_STABLE);
  g_assert_cmpint (traction_health_trend (70.0, 65.0, &rules), ==, TRACTION_TREND_DECLINING);
  g_assert_cmpint (traction_health_trend (70.0, 65.1, &rules), ==, TRACTION_TREND_STABLE);
  g_assert_cmpint (traction_health_trend (80.1, 85.1, &rules), ==, TRACTION_TREND_IMPROVING);
  g_assert_cmpint (traction_health_trend (85.1, 80.1, &rules), ==, TRACTION_TREND_DECLINING);
  g_assert_cmpint (traction_health_trend (42.5, 42.5, &rules), ==, TRACTION_TREND_STABLE);
}

static TractionUsageMonth
usage (gint64 api_volume)
{
  TractionUsageMonth month;

  month.api_volume = api_volume;
  month.plan_volume = -1;
  g_date_clear (&month.last_api_call, 1);
  g_date_clear (&month.last_response, 1);
  for (guint i = 0; i < 4; i++)
    month.tickets[i] = -1;
  month.nps = -1;

  return month;
}

static gboolean
fires (const TractionUsageMonth *previous,
       const TractionUsageMonth *current,
       TractionAlertKind         kind)
{
  TractionRules rules;
  GDate today = day ("2025-03-31");
  gboolean fired[TRACTION_N_ALERT_KINDS];

  traction_rules_init_defaults (&rules);
  traction_alerts_evaluate (previous, current, &rules, &today, fired);

  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    if (i != kind)
      g_assert_false (fired[i]);

  return fired[kind];
}

static void
test_health_alerts (void)
{
  TractionUsageMonth previous = usage (1000);
  TractionUsageMonth current = usage (700);
  TractionAlertKind kind;

  /* Volume: exactly 30 % fires, 29 % does not. */
  g_assert_true (fires (&previous, &current, TRACTION_ALERT_VOLUME_DROP));
  current.api_volume = 710;
  g_assert_false (fires (&previous, &current, TRACTION_ALERT_VOLUME_DROP));
  current.api_volume = 0;
  g_assert_true (fires (&previous, &current, TRACTION_ALERT_VOLUME_DROP));
  current.api_volume = -1;
  g_assert_false (fires (&previous, &current, TRACTION_ALERT_VOLUME_DROP));
  current.api_volume = 0;
  previous.api_volume = 0;
  g_assert_false (fires (&previous, &current, TRACTION_ALERT_VOLUME_DROP));
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_VOLUME_DROP));

  /* API calls: 6 days does not fire, 7 does. */
  current = usage (-1);
  current.last_api_call = day ("2025-03-25");
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_NO_API_CALLS));
  current.last_api_call = day ("2025-03-24");
  g_assert_true (fires (NULL, &current, TRACTION_ALERT_NO_API_CALLS));

  /* P1/P2 tickets. */
  current = usage (-1);
  current.tickets[0] = 0;
  current.tickets[1] = 1;
  current.tickets[2] = 3;
  g_assert_true (fires (NULL, &current, TRACTION_ALERT_SEVERE_TICKET));
  current.tickets[1] = 0;
  current.tickets[3] = 5;
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_SEVERE_TICKET));
  current.tickets[0] = -1;
  current.tickets[1] = -1;
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_SEVERE_TICKET));

  /* Dark: 13 days does not fire, 14 does. */
  current = usage (-1);
  current.last_response = day ("2025-03-18");
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_DARK));
  current.last_response = day ("2025-03-17");
  g_assert_true (fires (NULL, &current, TRACTION_ALERT_DARK));

  /* NPS: 6 fires, 7 does not, none does not. */
  current = usage (-1);
  current.nps = 6;
  g_assert_true (fires (NULL, &current, TRACTION_ALERT_LOW_NPS));
  current.nps = 0;
  g_assert_true (fires (NULL, &current, TRACTION_ALERT_LOW_NPS));
  current.nps = 7;
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_LOW_NPS));
  current.nps = -1;
  g_assert_false (fires (NULL, &current, TRACTION_ALERT_LOW_NPS));

  /* The playbook. */
  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    {
      g_assert_true (traction_alert_kind_from_id (traction_alert_kind_to_id (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (traction_alert_title (i));
      g_assert_nonnull (traction_alert_response (i));
    }
  g_assert_cmpstr (traction_alert_kind_to_id (TRACTION_ALERT_NO_API_CALLS), ==, "no_api_calls");
  g_assert_cmpstr (traction_alert_owner_role (TRACTION_ALERT_VOLUME_DROP), ==, "CPO");
  g_assert_cmpstr (traction_alert_owner_role (TRACTION_ALERT_NO_API_CALLS), ==, "CTO + CPO");
  g_assert_cmpstr (traction_alert_owner_role (TRACTION_ALERT_SEVERE_TICKET), ==, "CTO");
  g_assert_cmpstr (traction_alert_owner_role (TRACTION_ALERT_DARK), ==, "CEO");
  g_assert_cmpstr (traction_alert_owner_role (TRACTION_ALERT_LOW_NPS), ==, "CPO");
  g_assert_cmpint (traction_alert_due_hours (TRACTION_ALERT_VOLUME_DROP), ==, 48);
  g_assert_cmpint (traction_alert_due_hours (TRACTION_ALERT_NO_API_CALLS), ==, 8);
  g_assert_cmpint (traction_alert_due_hours (TRACTION_ALERT_SEVERE_TICKET), ==, 24);
  g_assert_cmpint (traction_alert_due_hours (TRACTION_ALERT_DARK), ==, 48);
  g_assert_cmpint (traction_alert_due_hours (TRACTION_ALERT_LOW_NPS), ==, 72);
  g_assert_nonnull (strstr (traction_alert_response (TRACTION_ALERT_VOLUME_DROP), "48 hours"));
  g_assert_false (traction_alert_kind_from_id ("churn", &kind));
}

static void
test_health_lifecycle (void)
{
  static const struct {
    const char       *today;
    TractionLifecycle stage;
  } cases[] = {
    { "2025-01-01", TRACTION_LIFECYCLE_ONBOARDING },   /* day 0 */
    { "2025-01-31", TRACTION_LIFECYCLE_ONBOARDING },   /* day 30 */
    { "2025-02-01", TRACTION_LIFECYCLE_ADOPTION },     /* day 31 */
    { "2025-04-01", TRACTION_LIFECYCLE_ADOPTION },     /* day 90 */
    { "2025-04-02", TRACTION_LIFECYCLE_EXPANSION },    /* day 91 */
    { "2026-01-01", TRACTION_LIFECYCLE_EXPANSION },    /* day 365 */
    { "2026-01-02", TRACTION_LIFECYCLE_RENEWAL },      /* day 366 */
  };
  GDate start = day ("2025-01-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = day (cases[i].today);

      g_assert_cmpint (traction_lifecycle_for (&start, &today), ==, cases[i].stage);
    }

  g_assert_cmpstr (traction_lifecycle_label (TRACTION_LIFECYCLE_RENEWAL), ==, "Renewal & Advocacy");
  g_assert_nonnull (strstr (traction_lifecycle_goal (TRACTION_LIFECYCLE_ONBOARDING),
                            "first production API call"));
}

static void
test_health_surveys (void)
{
  const int nps_even[] = { 10, 9, 8, 7, 6, 0, 10, 9, 3, 5 };
  const int nps_forty[] = { 10, 10, 9, 8, 2 };
  const int nps_bad[] = { 10, 11 };
  const int csat[] = { 5, 4, 3, 2, 1, 4, 5, 5 };
  const int csat_bad[] = { 0, 5 };
  double value = -1000;
  GError *error = NULL;

  g_assert_true (traction_nps (nps_even, G_N_ELEMENTS (nps_even), &value, NULL));
  g_assert_cmpfloat (value, ==, 0.0);
  g_assert_true (traction_nps (nps_forty, G_N_ELEMENTS (nps_forty), &value, NULL));
  g_assert_cmpfloat (value, ==, 40.0);

  g_assert_false (traction_nps (nps_bad, G_N_ELEMENTS (nps_bad), &value, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (traction_nps (NULL, 0, &value, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (traction_csat (csat, G_N_ELEMENTS (csat), &value, NULL));
  g_assert_cmpfloat (value, ==, 62.5);
  g_assert_false (traction_csat (csat_bad, G_N_ELEMENTS (csat_bad), &value, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (traction_csat (csat, 0, &value, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

/* ------------------------------------------------------------------ */
/* Revenue                                                             */
/* ------------------------------------------------------------------ */

static TractionMovement
move (gint64            client,
      const char       *date,
      TractionMoveKind  kind,
      gint64            amount_cents)
{
  TractionMovement m;

  m.client = client;
  m.date = day (date);
  m.kind = kind;
  m.amount_cents = amount_cents;

  return m;
}

static void
test_revenue_kinds (void)
{
  TractionMoveKind kind;

  for (guint i = 0; i < TRACTION_N_MOVE_KINDS; i++)
    {
      g_assert_true (traction_move_kind_from_id (traction_move_kind_to_id (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_cmpstr (traction_move_kind_to_id (TRACTION_MOVE_EXPANSION_CROSS_SELL), ==,
                   "expansion-cross-sell");
  g_assert_cmpstr (traction_move_kind_label (TRACTION_MOVE_EXPANSION_USAGE), ==, "Usage growth");
  g_assert_false (traction_move_kind_from_id ("expansion", &kind));

  g_assert_cmpint (traction_move_delta (TRACTION_MOVE_NEW, 500), ==, 500);
  g_assert_cmpint (traction_move_delta (TRACTION_MOVE_REACTIVATION, 500), ==, 500);
  g_assert_cmpint (traction_move_delta (TRACTION_MOVE_EXPANSION_UPSELL, 500), ==, 500);
  g_assert_cmpint (traction_move_delta (TRACTION_MOVE_CONTRACTION, 500), ==, -500);
  g_assert_cmpint (traction_move_delta (TRACTION_MOVE_CHURN, 500), ==, -500);
}

static void
test_revenue_sort (void)
{
  TractionMovement moves[4];

  moves[0] = move (2, "2025-01-01", TRACTION_MOVE_NEW, 1);
  moves[1] = move (1, "2025-03-01", TRACTION_MOVE_CHURN, 2);
  moves[2] = move (1, "2024-03-01", TRACTION_MOVE_NEW, 3);
  moves[3] = move (1, "2025-03-01", TRACTION_MOVE_REACTIVATION, 4);

  traction_movements_sort (moves, G_N_ELEMENTS (moves));

  g_assert_cmpint (moves[0].amount_cents, ==, 3);
  g_assert_cmpint (moves[1].amount_cents, ==, 2);   /* stable on the same day */
  g_assert_cmpint (moves[2].amount_cents, ==, 4);
  g_assert_cmpint (moves[3].amount_cents, ==, 1);
}

/* Two clients: one expands, one contracts, over [2025-01-01, 2025-04-01). */
static void
test_revenue_retention_simple (void)
{
  TractionMovement moves[] = {
    move (1, "2024-06-01", TRACTION_MOVE_NEW, 1000000),
    move (1, "2025-02-01", TRACTION_MOVE_EXPANSION_UPSELL, 200000),
    move (2, "2024-03-01", TRACTION_MOVE_NEW, 500000),
    move (2, "2025-03-15", TRACTION_MOVE_CONTRACTION, 100000),
  };
  GDate start = day ("2025-01-01");
  GDate end = day ("2025-04-01");
  TractionRetention r;

  traction_movements_sort (moves, G_N_ELEMENTS (moves));
  traction_retention_compute (moves, G_N_ELEMENTS (moves), &start, &end, &r);

  g_assert_true (r.valid);
  g_assert_cmpuint (r.cohort_size, ==, 2);
  g_assert_cmpint (r.start_cents, ==, 1500000);
  g_assert_cmpint (r.end_cents, ==, 1600000);
  g_assert_cmpint (r.expansion_cents, ==, 200000);
  g_assert_cmpint (r.contraction_cents, ==, 100000);
  g_assert_cmpint (r.churn_cents, ==, 0);
  g_assert_cmpuint (r.churned_clients, ==, 0);
  /* 1,600,000 / 1,500,000 and (1,000,000 + 400,000) / 1,500,000 */
  g_assert_cmpfloat_with_epsilon (r.nrr, 320.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.grr, 280.0 / 3.0, 1e-9);
}

/* The edges, over the same period. */
static TractionMovement edge_moves[] = {
  /* expands */
  { 1, { 0 }, TRACTION_MOVE_NEW, 1000000 },
  { 1, { 0 }, TRACTION_MOVE_EXPANSION_UPSELL, 200000 },
  /* contracts */
  { 2, { 0 }, TRACTION_MOVE_NEW, 500000 },
  { 2, { 0 }, TRACTION_MOVE_CONTRACTION, 100000 },
  /* churns and reactivates inside the period: no change */
  { 3, { 0 }, TRACTION_MOVE_NEW, 300000 },
  { 3, { 0 }, TRACTION_MOVE_CHURN, 300000 },
  { 3, { 0 }, TRACTION_MOVE_REACTIVATION, 300000 },
  /* new inside the period: outside the cohort */
  { 4, { 0 }, TRACTION_MOVE_NEW, 800000 },
  /* expansion exactly on the end date: not in the period */
  { 5, { 0 }, TRACTION_MOVE_NEW, 200000 },
  { 5, { 0 }, TRACTION_MOVE_EXPANSION_USAGE, 50000 },
  /* new exactly on the start date: in the period, not in the cohort */
  { 6, { 0 }, TRACTION_MOVE_NEW, 400000 },
  /* churn exactly on the start date: in the period */
  { 7, { 0 }, TRACTION_MOVE_NEW, 600000 },
  { 7, { 0 }, TRACTION_MOVE_CHURN, 600000 },
  /* at 0 at start, reactivates: outside the cohort */
  { 8, { 0 }, TRACTION_MOVE_NEW, 100000 },
  { 8, { 0 }, TRACTION_MOVE_CHURN, 100000 },
  { 8, { 0 }, TRACTION_MOVE_REACTIVATION, 100000 },
};

static const char * const edge_dates[G_N_ELEMENTS (edge_moves)] = {
  "2024-06-01", "2025-02-01",
  "2024-03-01", "2025-03-15",
  "2024-01-10", "2025-02-10", "2025-03-10",
  "2025-02-01",
  "2024-05-01", "2025-04-01",
  "2025-01-01",
  "2024-02-01", "2025-01-01",
  "2023-01-01", "2024-06-01", "2025-02-01",
};

static void
setup_edge_moves (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_moves); i++)
    edge_moves[i].date = day (edge_dates[i]);
  traction_movements_sort (edge_moves, G_N_ELEMENTS (edge_moves));
}

static void
test_revenue_retention_edges (void)
{
  GDate start = day ("2025-01-01");
  GDate end = day ("2025-04-01");
  TractionRetention r;

  setup_edge_moves ();
  traction_retention_compute (edge_moves, G_N_ELEMENTS (edge_moves), &start, &end, &r);

  /* Cohort: clients 1, 2, 3, 5, 7. */
  g_assert_true (r.valid);
  g_assert_cmpuint (r.cohort_size, ==, 5);
  g_assert_cmpint (r.start_cents, ==, 2600000);
  g_assert_cmpint (r.end_cents, ==, 2100000);
  g_assert_cmpint (r.expansion_cents, ==, 200000);
  g_assert_cmpint (r.contraction_cents, ==, 100000);
  g_assert_cmpint (r.churn_cents, ==, 600000);
  g_assert_cmpuint (r.churned_clients, ==, 1);
  g_assert_cmpint (r.start_cents + r.expansion_cents - r.contraction_cents - r.churn_cents,
                   ==, r.end_cents);
  g_assert_cmpfloat_with_epsilon (r.nrr, 2100000.0 * 100.0 / 2600000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.grr, 1900000.0 * 100.0 / 2600000.0, 1e-9);

  /* Empty cohort: nobody had ARR yet. */
  start = day ("2020-01-01");
  end = day ("2020-04-01");
  traction_retention_compute (edge_moves, G_N_ELEMENTS (edge_moves), &start, &end, &r);
  g_assert_false (r.valid);
  g_assert_cmpuint (r.cohort_size, ==, 0);
  g_assert_cmpint (r.start_cents, ==, 0);
  g_assert_cmpfloat (r.nrr, ==, 0.0);

  /* No movements at all. */
  traction_retention_compute (NULL, 0, &start, &end, &r);
  g_assert_false (r.valid);
}

static void
test_revenue_retention_zero_start (void)
{
  TractionMovement moves[] = {
    move (1, "2023-01-01", TRACTION_MOVE_NEW, 100000),
    move (1, "2024-06-01", TRACTION_MOVE_CHURN, 100000),
    move (2, "2025-02-01", TRACTION_MOVE_NEW, 300000),
  };
  GDate start = day ("2025-01-01");
  GDate end = day ("2025-04-01");
  TractionRetention r;

  traction_retention_compute (moves, G_N_ELEMENTS (moves), &start, &end, &r);

  /* Start ARR is zero: no NRR, no division. */
  g_assert_false (r.valid);
  g_assert_cmpint (r.start_cents, ==, 0);
  g_assert_cmpint (r.end_cents, ==, 0);
  g_assert_cmpfloat (r.grr, ==, 0.0);
}

static void
test_revenue_bridge (void)
{
  GDate start = day ("2025-01-01");
  GDate end = day ("2025-04-01");
  GDate date;
  TractionBridge b;

  setup_edge_moves ();
  traction_bridge_compute (edge_moves, G_N_ELEMENTS (edge_moves), &start, &end, &b);

  g_assert_cmpint (b.start_cents, ==, 2600000);
  g_assert_cmpint (b.new_cents, ==, 1200000);          /* clients 4 and 6 */
  g_assert_cmpint (b.reactivation_cents, ==, 400000);  /* clients 3 and 8 */
  g_assert_cmpint (b.cross_sell_cents, ==, 0);
  g_assert_cmpint (b.upsell_cents, ==, 200000);
  g_assert_cmpint (b.usage_cents, ==, 0);              /* on the end date */
  g_assert_cmpint (b.expansion_cents, ==, 200000);
  g_assert_cmpint (b.contraction_cents, ==, 100000);
  g_assert_cmpint (b.churn_cents, ==, 900000);         /* clients 3 and 7 */
  g_assert_cmpint (b.end_cents, ==, 3400000);
  g_assert_cmpint (b.start_cents + b.new_cents + b.reactivation_cents + b.expansion_cents
                   - b.contraction_cents - b.churn_cents, ==, b.end_cents);
  g_assert_cmpint (b.end_cents, ==,
                   traction_arr_before (edge_moves, G_N_ELEMENTS (edge_moves), -1, &end));

  /* ARR of one client just before a date. */
  date = day ("2025-02-01");
  g_assert_cmpint (traction_arr_before (edge_moves, G_N_ELEMENTS (edge_moves), 1, &date), ==, 1000000);
  date = day ("2025-02-02");
  g_assert_cmpint (traction_arr_before (edge_moves, G_N_ELEMENTS (edge_moves), 1, &date), ==, 1200000);
  g_assert_cmpint (traction_arr_before (edge_moves, G_N_ELEMENTS (edge_moves), 99, &date), ==, 0);
}

static void
test_revenue_cohorts (void)
{
  TractionMovement moves[] = {
    /* Q4 2024: churns inside its quarter, base 0 */
    move (3, "2024-11-10", TRACTION_MOVE_NEW, 50000),
    move (3, "2024-12-20", TRACTION_MOVE_CHURN, 50000),
    /* Q1 2025 */
    move (1, "2025-01-15", TRACTION_MOVE_NEW, 100000),
    move (1, "2025-05-10", TRACTION_MOVE_EXPANSION_UPSELL, 50000),
    move (2, "2025-02-20", TRACTION_MOVE_NEW, 100000),
    move (2, "2025-03-05", TRACTION_MOVE_CHURN, 100000),
    /* after the table */
    move (4, "2025-07-01", TRACTION_MOVE_NEW, 70000),
  };
  const double q1_retained[] = { 100.0, 200.0, 100.0, 100.0, 150.0, 150.0 };
  g_autoptr(GArray) cohorts = NULL;
  GDate until = day ("2025-07-01");
  TractionCohort *c;

  traction_movements_sort (moves, G_N_ELEMENTS (moves));
  cohorts = traction_cohorts_compute (moves, G_N_ELEMENTS (moves), 1, &until);

  g_assert_cmpuint (cohorts->len, ==, 3);

  c = &g_array_index (cohorts, TractionCohort, 0);
  assert_date (&c->quarter_start, "2024-10-01");
  g_assert_cmpuint (c->clients, ==, 1);
  g_assert_cmpint (c->base_cents, ==, 0);
  g_assert_false (c->valid);
  g_assert_cmpuint (c->n_months, ==, 9);

  c = &g_array_index (cohorts, TractionCohort, 1);
  assert_date (&c->quarter_start, "2025-01-01");
  g_assert_cmpuint (c->clients, ==, 2);
  g_assert_cmpint (c->base_cents, ==, 100000);
  g_assert_true (c->valid);
  g_assert_cmpuint (c->n_months, ==, 6);
  for (guint m = 0; m < c->n_months; m++)
    g_assert_cmpfloat_with_epsilon (c->retained[m], q1_retained[m], 1e-9);

  /* Nobody started in Q2 2025: an empty cohort. */
  c = &g_array_index (cohorts, TractionCohort, 2);
  assert_date (&c->quarter_start, "2025-04-01");
  g_assert_cmpuint (c->clients, ==, 0);
  g_assert_false (c->valid);
  g_assert_cmpuint (c->n_months, ==, 3);

  g_clear_pointer (&cohorts, g_array_unref);

  /* The table ending mid-May: May counts movements up to the 19th. */
  until = day ("2025-05-20");
  cohorts = traction_cohorts_compute (moves, G_N_ELEMENTS (moves), 1, &until);
  g_assert_cmpuint (cohorts->len, ==, 3);
  c = &g_array_index (cohorts, TractionCohort, 1);
  g_assert_cmpuint (c->n_months, ==, 5);
  g_assert_cmpfloat_with_epsilon (c->retained[4], 150.0, 1e-9);

  g_clear_pointer (&cohorts, g_array_unref);

  /* Fiscal year from February: Nov-Jan, Feb-Apr, May-Jul. */
  until = day ("2025-07-01");
  cohorts = traction_cohorts_compute (moves, G_N_ELEMENTS (moves), 2, &until);
  g_assert_cmpuint (cohorts->len, ==, 3);
  c = &g_array_index (cohorts, TractionCohort, 0);
  assert_date (&c->quarter_start, "2024-11-01");
  /* Clients 3 (base 0 at the end of January) and 1 (100,000). */
  g_assert_cmpuint (c->clients, ==, 2);
  g_assert_cmpint (c->base_cents, ==, 100000);
  c = &g_array_index (cohorts, TractionCohort, 1);
  assert_date (&c->quarter_start, "2025-02-01");
  g_assert_cmpuint (c->clients, ==, 1);
  g_assert_cmpint (c->base_cents, ==, 0);
  g_assert_false (c->valid);

  g_clear_pointer (&cohorts, g_array_unref);

  /* Nothing before `until`. */
  until = day ("2020-01-01");
  cohorts = traction_cohorts_compute (moves, G_N_ELEMENTS (moves), 1, &until);
  g_assert_cmpuint (cohorts->len, ==, 0);
}

static void
test_revenue_segments_renewals (void)
{
  TractionRules rules;
  const TractionRenewalInput renewals[] = {
    { 1000000, TRACTION_BAND_HEALTHY },    /* 950,000 */
    { 500000, TRACTION_BAND_MONITOR },     /* 425,000 */
    { 300001, TRACTION_BAND_AT_RISK },     /* 180,000.6 */
    { 1, TRACTION_BAND_CRITICAL },         /* 0.3 */
  };
  const TractionRenewalInput half[] = { { 5, TRACTION_BAND_CRITICAL } };   /* 1.5 */
  const TractionRenewalInput below_half[] = { { 10, TRACTION_BAND_AT_RISK },   /* 6 */
                                              { 1, TRACTION_BAND_CRITICAL } }; /* .3 */
  GDate renewal = day ("2025-12-31");
  GDate start;

  traction_rules_init_defaults (&rules);

  g_assert_cmpint (traction_segment_for (10000000, &rules), ==, TRACTION_SEGMENT_HIGH_TOUCH);
  g_assert_cmpint (traction_segment_for (9999999, &rules), ==, TRACTION_SEGMENT_LOW_TOUCH);
  g_assert_cmpint (traction_segment_for (1500000, &rules), ==, TRACTION_SEGMENT_LOW_TOUCH);
  g_assert_cmpint (traction_segment_for (1499999, &rules), ==, TRACTION_SEGMENT_TECH_TOUCH);
  g_assert_cmpstr (traction_segment_label (TRACTION_SEGMENT_TECH_TOUCH), ==, "Tech touch");

  /* 1,555,000.9 → 1,555,001 */
  g_assert_cmpint (traction_renewal_forecast (renewals, G_N_ELEMENTS (renewals), &rules), ==, 1555001);
  g_assert_cmpint (traction_renewal_forecast (half, 1, &rules), ==, 2);
  g_assert_cmpint (traction_renewal_forecast (below_half, 2, &rules), ==, 6);
  g_assert_cmpint (traction_renewal_forecast (NULL, 0, &rules), ==, 0);

  traction_renewal_work_start (&renewal, TRACTION_SEGMENT_HIGH_TOUCH, &rules, &start);
  assert_date (&start, "2025-07-04");
  traction_renewal_work_start (&renewal, TRACTION_SEGMENT_LOW_TOUCH, &rules, &start);
  assert_date (&start, "2025-09-02");
  traction_renewal_work_start (&renewal, TRACTION_SEGMENT_TECH_TOUCH, &rules, &start);
  assert_date (&start, "2025-10-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rules/defaults", test_rules_defaults);
  g_test_add_func ("/core/rules/validate", test_rules_validate);
  g_test_add_func ("/core/rules/graduation", test_graduation);

  g_test_add_func ("/core/dates/parse", test_dates_parse);
  g_test_add_func ("/core/dates/quarters", test_dates_quarters);
  g_test_add_func ("/core/dates/weeks-months", test_dates_weeks_months);
  g_test_add_func ("/core/dates/today", test_dates_today);

  g_test_add_func ("/core/money/parse", test_money_parse);
  g_test_add_func ("/core/money/parse-input", test_money_parse_input);
  g_test_add_func ("/core/money/format", test_money_format);

  g_test_add_func ("/core/pipeline/stages", test_pipeline_stages);
  g_test_add_func ("/core/pipeline/stalled", test_pipeline_stalled);
  g_test_add_func ("/core/pipeline/summary", test_pipeline_summary);
  g_test_add_func ("/core/pipeline/lead-to-close", test_pipeline_lead_to_close);
  g_test_add_func ("/core/pipeline/learned", test_pipeline_learned);

  g_test_add_func ("/core/bant/bands", test_bant_bands);
  g_test_add_func ("/core/bant/range", test_bant_range);
  g_test_add_func ("/core/bant/guides", test_bant_guides);

  g_test_add_func ("/core/partners/score", test_partners_score);
  g_test_add_func ("/core/partners/milestones", test_partners_milestones);
  g_test_add_func ("/core/providers/scorecard", test_providers);

  g_test_add_func ("/core/health/vectors", test_health_vectors);
  g_test_add_func ("/core/health/range", test_health_range);
  g_test_add_func ("/core/health/bands", test_health_bands);
  g_test_add_func ("/core/health/alerts", test_health_alerts);
  g_test_add_func ("/core/health/lifecycle", test_health_lifecycle);
  g_test_add_func ("/core/health/surveys", test_health_surveys);

  g_test_add_func ("/core/revenue/kinds", test_revenue_kinds);
  g_test_add_func ("/core/revenue/sort", test_revenue_sort);
  g_test_add_func ("/core/revenue/retention", test_revenue_retention_simple);
  g_test_add_func ("/core/revenue/retention-edges", test_revenue_retention_edges);
  g_test_add_func ("/core/revenue/retention-zero-start", test_revenue_retention_zero_start);
  g_test_add_func ("/core/revenue/bridge", test_revenue_bridge);
  g_test_add_func ("/core/revenue/cohorts", test_revenue_cohorts);
  g_test_add_func ("/core/revenue/segments-renewals", test_revenue_segments_renewals);

  return g_test_run ();
}
