/* traction-generate.c: large seeded data sets for benchmarks.
 *
 * One transaction, cached prepared statements (the row writers of
 * traction-sample-private.h) and no SELECT per row, so 20,000 deals and
 * 2,000 clients with 36 months of history take seconds. The same seed and
 * today give the same database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "traction-sample-private.h"

#define N_GEN_FOUNDERS  3
#define N_GEN_PRODUCTS  6
#define N_GEN_PROVIDERS 4

static const char * const gen_founders[N_GEN_FOUNDERS][2] = {
  { "Founder One", "CEO" },
  { "Founder Two", "CPO" },
  { "Founder Three", "CTO" },
};

static const char * const gen_products[N_GEN_PRODUCTS] = {
  "Payments API", "Card Issuing", "KYC Verification", "FX Conversion", "Payouts", "Ledger",
};

static const char * const gen_providers[N_GEN_PROVIDERS] = {
  "Provider Alpha", "Provider Beta", "Provider Gamma", "Provider Delta",
};

static const char * const gen_kinds[] = { "call", "meeting", "email", "note" };

static const char * const gen_summaries[] = {
  "Intro call.", "Discovery meeting.", "Sent proposal.", "Follow-up email.", "Pricing discussion.",
};

typedef struct {
  TractionStore *store;
  GRand         *rand;
  GDate          today;
  TractionRules  rules;
  gint64         founders[N_GEN_FOUNDERS];
  gint64         products[N_GEN_PRODUCTS];
  gint64         loss_reason;
} Generator;

static gint64
random_founder (Generator *g)
{
  return g->founders[g_rand_int_range (g->rand, 0, N_GEN_FOUNDERS)];
}

static gboolean
generate_company (Generator  *g,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 providers[N_GEN_PROVIDERS];

  for (guint i = 0; i < N_GEN_FOUNDERS; i++)
    {
      g_autofree char *email = g_strdup_printf ("founder%u@example.com", i + 1);

      if ((g->founders[i] = traction_sample_insert_founder (g->store, gen_founders[i][0], gen_founders[i][1],
                                                            email, (int) i, error)) == 0)
        return FALSE;
    }

  for (guint i = 0; i < N_GEN_PRODUCTS; i++)
    if ((g->products[i] = traction_sample_insert_product (g->store, gen_products[i], "", (int) i, error)) == 0)
      return FALSE;

  for (guint i = 0; i < N_GEN_PROVIDERS; i++)
    if ((providers[i] = traction_sample_insert_provider (g->store, gen_providers[i], "active", "", "", error)) == 0)
      return FALSE;

  for (guint p = 0; p < N_GEN_PRODUCTS; p++)
    {
      if (!traction_sample_add_coverage (g->store, g->products[p], providers[p % N_GEN_PROVIDERS], "primary", error))
        return FALSE;
      if (p % 2 == 0 &&
          !traction_sample_add_coverage (g->store, g->products[p], providers[(p + 1) % N_GEN_PROVIDERS], "backup", error))
        return FALSE;
    }

  stmt = traction_store_prepare (g->store, "SELECT id FROM loss_reasons ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g->loss_reason = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (g->loss_reason == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_FAILED,
                   _("The database lacks its default loss reasons."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_client (Generator  *g,
                 guint       index,
                 guint       months,
                 GError    **error)
{
  g_autofree char *name = g_strdup_printf ("Client %05u", index + 1);
  g_autofree char *domain = g_strdup_printf ("client%05u.example", index + 1);
  TractionSampleAccount account = { name, domain, 1 + (int) (index % 3), "", "", "", 0, NULL };
  TractionUsageMonth previous;
  gboolean have_previous = FALSE;
  GDate start, renewal, created, contract_start;
  gint64 account_id, arr, first_arr;
  guint n_products = (guint) g_rand_int_range (g->rand, 1, 4);
  int start_back = g_rand_int_range (g->rand, 0, (gint32) months);
  int fit = g_rand_int_range (g->rand, 60, 115);
  int feedback = g_rand_int_range (g->rand, 2, 6);
  gboolean churned = FALSE;

  account.owner_id = random_founder (g);
  traction_sample_month_start (&g->today, start_back, &start);
  traction_sample_day (&start, g_rand_int_range (g->rand, 0, 28), &start);
  if (g_date_compare (&start, &g->today) > 0)
    start = g->today;
  traction_sample_day (&start, -30, &created);

  if ((account_id = traction_sample_insert_account (g->store, &account, &created, error)) == 0)
    return FALSE;

  arr = first_arr = (gint64) g_rand_int_range (g->rand, 5, 120) * 100000;
  if (!traction_sample_add_movement (g->store, account_id, &start, TRACTION_MOVE_NEW, arr, "", error))
    return FALSE;

  for (guint p = 0; p < n_products; p++)
    if (!traction_sample_add_account_product (g->store, account_id, g->products[(index + p) % N_GEN_PRODUCTS],
                                              &start, error))
      return FALSE;

  for (int mb = start_back; mb >= 0; mb--)
    {
      TractionUsageMonth usage;
      TractionHealthInput input;
      GDate m_start, m_end;
      char scored_at[32];
      int roll = g_rand_int_range (g->rand, 0, 1000);
      gint64 change = arr / 100 * g_rand_int_range (g->rand, 5, 30) / 100 * 100;

      traction_sample_month_start (&g->today, mb, &m_start);
      if (mb == 0)
        m_end = g->today;
      else
        {
          traction_sample_month_start (&g->today, mb - 1, &m_end);
          g_date_subtract_days (&m_end, 1);
        }

      /* A movement now and then after the first month. */
      if (mb < start_back && change > 0)
        {
          TractionMoveKind kind = TRACTION_N_MOVE_KINDS;

          if (roll < 5)
            kind = TRACTION_MOVE_CHURN;
          else if (roll < 25)
            kind = TRACTION_MOVE_CONTRACTION;
          else if (roll < 45)
            kind = TRACTION_MOVE_EXPANSION_CROSS_SELL;
          else if (roll < 60)
            kind = TRACTION_MOVE_EXPANSION_UPSELL;
          else if (roll < 80)
            kind = TRACTION_MOVE_EXPANSION_USAGE;

          if (kind != TRACTION_N_MOVE_KINDS)
            {
              gint64 amount = kind == TRACTION_MOVE_CHURN ? arr : change;

              if (!traction_sample_add_movement (g->store, account_id, &m_start, kind, amount, "", error))
                return FALSE;
              arr += traction_move_delta (kind, amount);
              churned = kind == TRACTION_MOVE_CHURN;
            }
        }
      if (churned)
        break;

      memset (&usage, 0, sizeof usage);
      usage.plan_volume = arr / 10;
      usage.api_volume = usage.plan_volume * (fit + g_rand_int_range (g->rand, -20, 21)) / 100;
      usage.last_api_call = m_end;
      usage.last_response = m_end;
      g_date_subtract_days (&usage.last_response, (guint) g_rand_int_range (g->rand, 0, 20));
      usage.tickets[0] = g_rand_int_range (g->rand, 0, 100) < 3 ? 1 : 0;
      usage.tickets[1] = g_rand_int_range (g->rand, 0, 100) < 8 ? 1 : 0;
      usage.tickets[2] = g_rand_int_range (g->rand, 0, 4);
      usage.tickets[3] = g_rand_int_range (g->rand, 0, 5);
      usage.nps = -1;

      if (!traction_sample_add_usage_month (g->store, account_id, &m_start, &usage, error))
        return FALSE;

      traction_sample_health_input (have_previous ? &previous : NULL, &usage, (int) n_products,
                                    -1, feedback, &m_end, &input);
      input.signals[TRACTION_SIGNAL_NEW_PRODUCTS] = roll % 7 == 0;
      input.signals[TRACTION_SIGNAL_REFERRED] = roll % 11 == 0;
      traction_sample_timestamp (&m_end, 17, 0, scored_at);
      if (!traction_sample_add_health (g->store, &g->rules, account_id, &m_start, account.owner_id,
                                       scored_at, &input, NULL, NULL, error))
        return FALSE;

      previous = usage;
      have_previous = TRUE;
    }

  /* Yearly contracts from the start; the last one ended by a churn. */
  contract_start = start;
  for (;;)
    {
      renewal = contract_start;
      g_date_add_months (&renewal, 12);
      if (g_date_compare (&renewal, &g->today) > 0)
        break;
      if (!traction_sample_add_contract (g->store, account_id, &contract_start, &renewal, first_arr,
                                         "renewed", "", error))
        return FALSE;
      contract_start = renewal;
    }
  return traction_sample_add_contract (g->store, account_id, &contract_start, &renewal, first_arr,
                                       churned ? "ended" : "active", "", error);
}

static gboolean
generate_deal (Generator  *g,
               gint64      account_id,
               guint       index,
               guint       months,
               GError    **error)
{
  g_autofree char *name = g_strdup_printf ("Deal %06u", index + 1);
  TractionSampleDeal deal = { 0 };
  int span = MAX (30, (int) months * 30);
  int created_ago = g_rand_int_range (g->rand, 1, span);
  int roll = g_rand_int_range (g->rand, 0, 100);
  TractionStage reached;
  TractionStage path[TRACTION_N_STAGES];
  guint n_path = 0, n_touches;
  int last_ago = created_ago;
  gint64 deal_id;

  /* Roughly the shape of a real pipeline: many leads, fewer deals further on. */
  if (roll < 25)
    deal.stage = TRACTION_STAGE_LEAD;
  else if (roll < 40)
    deal.stage = TRACTION_STAGE_QUALIFIED;
  else if (roll < 52)
    deal.stage = TRACTION_STAGE_DISCOVERY;
  else if (roll < 60)
    deal.stage = TRACTION_STAGE_PROPOSAL;
  else if (roll < 65)
    deal.stage = TRACTION_STAGE_NEGOTIATION;
  else if (roll < 80)
    deal.stage = TRACTION_STAGE_WON;
  else
    deal.stage = TRACTION_STAGE_LOST;

  if (deal.stage == TRACTION_STAGE_WON)
    reached = TRACTION_STAGE_NEGOTIATION;
  else if (deal.stage == TRACTION_STAGE_LOST)
    reached = (TractionStage) g_rand_int_range (g->rand, TRACTION_STAGE_LEAD, TRACTION_STAGE_NEGOTIATION + 1);
  else
    reached = deal.stage;

  for (int s = TRACTION_STAGE_LEAD; s <= (int) reached; s++)
    path[n_path++] = (TractionStage) s;
  if (!traction_stage_is_open (deal.stage))
    path[n_path++] = deal.stage;

  deal.account_id = account_id;
  deal.name = name;
  deal.arr_cents = (gint64) g_rand_int_range (g->rand, 5, 150) * 100000;
  deal.owner_id = random_founder (g);
  deal.source = (TractionSource) g_rand_int_range (g->rand, 0, TRACTION_N_SOURCES);
  deal.introduced_by = deal.source == TRACTION_SOURCE_WARM_INTRO ? "An investor" : NULL;
  traction_sample_day (&g->today, -created_ago, &deal.created);
  g_date_clear (&deal.expected_close, 1);
  g_date_clear (&deal.closed, 1);
  g_date_clear (&deal.paused_until, 1);
  if (traction_stage_is_open (deal.stage))
    traction_sample_day (&g->today, g_rand_int_range (g->rand, 5, 180), &deal.expected_close);
  else
    {
      traction_sample_day (&g->today, -(created_ago / 4), &deal.closed);
      deal.expected_close = deal.closed;
    }
  if (deal.stage == TRACTION_STAGE_LOST)
    deal.loss_reason_id = g->loss_reason;

  if ((deal_id = traction_sample_insert_deal (g->store, &deal, error)) == 0)
    return FALSE;

  /* Deals that got past Lead were scored (BANT >= 12, as the board asks). */
  if (reached >= TRACTION_STAGE_QUALIFIED)
    {
      sqlite3_stmt *stmt = traction_store_prepare (g->store,
                                                   "INSERT INTO qualifications (deal_id, scored_at, budget,"
                                                   " authority, need, timeline) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                                   error);
      char at[32];

      if (stmt == NULL)
        return FALSE;
      traction_sample_timestamp (&deal.created, 11, 0, at);
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
      for (int k = 3; k <= 6; k++)
        sqlite3_bind_int (stmt, k, g_rand_int_range (g->rand, 3, 6));
      if (!traction_store_step_done (g->store, stmt, _("Could not save the qualification"), error))
        return FALSE;
    }

  /* Stage history evenly over the deal's life (closed: up to closing). */
  {
    int end_ago = traction_stage_is_open (deal.stage) ? created_ago / 3 : created_ago / 4;
    char at[32];
    GDate day;

    traction_sample_timestamp (&deal.created, 9, 0, at);
    if (!traction_sample_add_stage_change (g->store, deal_id, -1, TRACTION_STAGE_LEAD, at, NULL, error))
      return FALSE;
    for (guint j = 1; j < n_path; j++)
      {
        int ago = created_ago - (created_ago - end_ago) * (int) j / (int) (n_path - 1);

        traction_sample_day (&g->today, -ago, &day);
        traction_sample_timestamp (&day, 10, 0, at);
        if (!traction_sample_add_stage_change (g->store, deal_id, path[j - 1], path[j], at, NULL, error))
          return FALSE;
      }

    n_touches = (guint) g_rand_int_range (g->rand, 1, 6);
    for (guint t = 0; t < n_touches; t++)
      {
        last_ago = created_ago - (created_ago - end_ago) * (int) t / (int) n_touches;
        traction_sample_day (&g->today, -last_ago, &day);
        if (!traction_sample_add_touchpoint (g->store, account_id, deal_id, 0,
                                             gen_kinds[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (gen_kinds))],
                                             &day,
                                             gen_summaries[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (gen_summaries))],
                                             error))
          return FALSE;
      }
  }

  return TRUE;
}

/* Tops the ARR movements up to `target` (for benchmarks): usage
 * expansions and contractions of $100 in turn, on random days of each
 * client that never churned, round robin over clients. A
 * client starts at $5,000 or more and gets at most half contractions, so
 * its ARR never falls below zero. */
static gboolean
top_up_movements (Generator  *g,
                  guint       target,
                  GError    **error)
{
  g_autoptr(GArray) lives = g_array_new (FALSE, TRUE, sizeof (gint64) * 3);
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  stmt = traction_store_prepare (g->store,
                                 "SELECT account_id, julianday (min (moved_on)),"
                                 " julianday (?1), count(*), max (kind = 'churn')"
                                 " FROM arr_movements GROUP BY account_id ORDER BY account_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  traction_bind_date (stmt, 1, &g->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 life[3];

      life[0] = sqlite3_column_int64 (stmt, 0);
      life[1] = (gint64) sqlite3_column_double (stmt, 1);
      life[2] = (gint64) sqlite3_column_double (stmt, 2);
      count += sqlite3_column_int64 (stmt, 3);
      /* Churned clients keep their history as it was. */
      if (life[2] > life[1] + 1 && sqlite3_column_int (stmt, 4) == 0)
        g_array_append_vals (lives, life, 1);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (g->store, stmt, rc, _("Could not read the ARR movements"), error);
  sqlite3_reset (stmt);

  for (guint64 i = 0; count < (gint64) target && lives->len > 0; i++, count++)
    {
      const gint64 *life = (const gint64 *) (gpointer) (lives->data + (i % lives->len) * sizeof (gint64) * 3);
      guint round = (guint) (i / lives->len);
      int span = (int) (life[2] - life[1] - 1);
      GDate day;

      /* Julian day numbers of SQLite count from noon, 4714 BC; GDate from 1 AD. */
      g_date_clear (&day, 1);
      g_date_set_julian (&day, (guint32) (life[1] - 1721424 + 1 + g_rand_int_range (g->rand, 0, MAX (span, 1))));
      if (!traction_sample_add_movement (g->store, life[0], &day,
                                         round % 2 == 0 ? TRACTION_MOVE_EXPANSION_USAGE : TRACTION_MOVE_CONTRACTION,
                                         10000, "", error))
        return FALSE;
    }

  return TRUE;
}

gboolean
traction_store_generate (TractionStore                 *self,
                         const TractionGenerateOptions *options,
                         const GDate                   *today,
                         GError                       **error)
{
  Generator g = { 0 };
  guint32 seed[2];
  g_autofree gint64 *prospects = NULL;
  guint n_prospects;
  gboolean ok = TRUE;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  if (!traction_store_is_empty (self))
    {
      traction_store_rollback (self);
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds data; generate into a new file."));
      return FALSE;
    }

  seed[0] = (guint32) (options->seed & 0xffffffffu);
  seed[1] = (guint32) (options->seed >> 32);
  g.store = self;
  g.today = *today;
  g.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  traction_rules_init_defaults (&g.rules);

  ok = generate_company (&g, error);

  for (guint i = 0; ok && i < options->clients; i++)
    ok = generate_client (&g, i, MAX (options->months, 1), error);

  if (ok && options->movements > 0)
    ok = top_up_movements (&g, options->movements, error);

  /* Prospects: two deals per account on average. */
  n_prospects = MAX (1, options->deals / 2);
  prospects = g_new0 (gint64, n_prospects);
  for (guint i = 0; ok && options->deals > 0 && i < n_prospects; i++)
    {
      g_autofree char *name = g_strdup_printf ("Prospect %06u", i + 1);
      g_autofree char *domain = g_strdup_printf ("prospect%06u.example", i + 1);
      TractionSampleAccount account = { name, domain, 1 + (int) (i % 3), "", "", "", 0, NULL };
      GDate created;

      account.owner_id = random_founder (&g);
      traction_sample_day (today, -(int) (MAX (options->months, 1) * 31), &created);
      prospects[i] = traction_sample_insert_account (self, &account, &created, error);
      ok = prospects[i] != 0;
    }

  for (guint i = 0; ok && i < options->deals; i++)
    ok = generate_deal (&g, prospects[i % n_prospects], i, MAX (options->months, 1), error);

  ok = ok && traction_sample_set_setting (self, "company_name", "Generated Company", error);

  g_rand_free (g.rand);

  if (!ok)
    {
      traction_store_rollback (self);
      return FALSE;
    }

  return traction_store_commit (self, error);
}
