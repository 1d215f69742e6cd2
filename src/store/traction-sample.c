/* traction-sample.c: the deterministic sample company, and the row writers
 * it shares with the benchmark generator (traction-sample-private.h).
 *
 * Northwind Rails gives fintechs payments, cards, KYC, FX, payouts and
 * virtual accounts through one API, on top of six upstream providers. Its
 * founders sell and look after ~25 clients themselves. Every date is
 * relative to `today`, and the noise comes from a fixed-seed GRand, so the
 * same day always gives the same database. The strings are sample content,
 * not user interface: they are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "traction-health.h"
#include "traction-sample-private.h"

/* ------------------------------------------------------------------ */
/* Row writers (shared with traction-generate.c)                        */
/* ------------------------------------------------------------------ */

/* Steps an INSERT; returns the new rowid, or 0 with error set. */
static gint64
step_insert (TractionStore  *store,
             sqlite3_stmt   *stmt,
             GError        **error)
{
  sqlite3 *db = traction_store_get_db (store);
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      traction_store_set_error (error, db, rc, _("Could not write the sample data"));
      sqlite3_reset (stmt);
      return 0;
    }

  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
traction_sample_timestamp (const GDate *date,
                           int          hour,
                           int          minute,
                           char        *buf)
{
  char day[16];

  traction_date_format (date, day);
  g_snprintf (buf, 24, "%sT%02d:%02d:00Z", day, hour, minute);
}

void
traction_sample_day (const GDate *base,
                     int          days,
                     GDate       *out)
{
  *out = *base;
  if (days >= 0)
    g_date_add_days (out, (guint) days);
  else
    g_date_subtract_days (out, (guint) -days);
}

void
traction_sample_month_start (const GDate *base,
                             int          months_back,
                             GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (base), g_date_get_year (base));
  if (months_back >= 0)
    g_date_subtract_months (out, (guint) months_back);
  else
    g_date_add_months (out, (guint) -months_back);
}

gboolean
traction_sample_set_setting (TractionStore  *store,
                             const char     *key,
                             const char     *value,
                             GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                               error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_text (stmt, 1, key);
  traction_bind_text (stmt, 2, value);
  return step_insert (store, stmt, error) != 0;
}

gint64
traction_sample_insert_founder (TractionStore  *store,
                                const char     *name,
                                const char     *role,
                                const char     *email,
                                int             position,
                                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO founders (name, role, email, position)"
                                               " VALUES (?1, ?2, ?3, ?4)",
                                               error);
  if (stmt == NULL)
    return 0;

  traction_bind_text (stmt, 1, name);
  traction_bind_text (stmt, 2, role);
  traction_bind_text (stmt, 3, email);
  sqlite3_bind_int (stmt, 4, position);
  return step_insert (store, stmt, error);
}

gint64
traction_sample_insert_product (TractionStore  *store,
                                const char     *name,
                                const char     *description,
                                int             position,
                                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO products (name, description, position)"
                                               " VALUES (?1, ?2, ?3)",
                                               error);
  if (stmt == NULL)
    return 0;

  traction_bind_text (stmt, 1, name);
  traction_bind_text (stmt, 2, description);
  sqlite3_bind_int (stmt, 3, position);
  return step_insert (store, stmt, error);
}

gint64
traction_sample_insert_provider (TractionStore  *store,
                                 const char     *name,
                                 const char     *status,
                                 const char     *contact,
                                 const char     *notes,
                                 GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO providers (name, status, contact, notes)"
                                               " VALUES (?1, ?2, ?3, ?4)",
                                               error);
  if (stmt == NULL)
    return 0;

  traction_bind_text (stmt, 1, name);
  traction_bind_text (stmt, 2, status);
  traction_bind_text (stmt, 3, contact);
  traction_bind_text (stmt, 4, notes);
  return step_insert (store, stmt, error);
}

gboolean
traction_sample_add_coverage (TractionStore  *store,
                              gint64          product_id,
                              gint64          provider_id,
                              const char     *role,
                              GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO product_coverage (product_id, provider_id, role)"
                                               " VALUES (?1, ?2, ?3)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, provider_id);
  traction_bind_text (stmt, 3, role);
  return step_insert (store, stmt, error) != 0;
}

gint64
traction_sample_insert_account (TractionStore               *store,
                                const TractionSampleAccount *account,
                                const GDate                 *created,
                                GError                     **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO accounts (name, domain, icp_tier, geography, size,"
                                               " current_providers, owner_id, notes, created_on)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                               error);
  if (stmt == NULL)
    return 0;

  traction_bind_text (stmt, 1, account->name);
  traction_bind_text (stmt, 2, account->domain != NULL ? account->domain : "");
  if (account->icp_tier >= 1 && account->icp_tier <= 3)
    sqlite3_bind_int (stmt, 3, account->icp_tier);
  else
    sqlite3_bind_null (stmt, 3);
  traction_bind_text (stmt, 4, account->geography != NULL ? account->geography : "");
  traction_bind_text (stmt, 5, account->size != NULL ? account->size : "");
  traction_bind_text (stmt, 6, account->current_providers != NULL ? account->current_providers : "");
  bind_id (stmt, 7, account->owner_id);
  traction_bind_text (stmt, 8, account->notes != NULL ? account->notes : "");
  traction_bind_date (stmt, 9, created);
  return step_insert (store, stmt, error);
}

gint64
traction_sample_insert_contact (TractionStore  *store,
                                gint64          account_id,
                                const char     *name,
                                const char     *title,
                                const char     *email,
                                const char     *role,
                                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO contacts (account_id, name, title, email, role)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_text (stmt, 2, name);
  traction_bind_text (stmt, 3, title);
  traction_bind_text (stmt, 4, email);
  traction_bind_text (stmt, 5, role);
  return step_insert (store, stmt, error);
}

gint64
traction_sample_insert_deal (TractionStore            *store,
                             const TractionSampleDeal *deal,
                             GError                  **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO deals (account_id, name, stage, arr_cents, owner_id,"
                                               " source, introduced_by, created_on, expected_close, closed_on,"
                                               " loss_reason_id, win_reason, close_note, paused_reason,"
                                               " paused_until, notes)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                               " ?13, ?14, ?15, ?16)",
                                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, deal->account_id);
  traction_bind_text (stmt, 2, deal->name);
  traction_bind_text (stmt, 3, traction_stage_to_id (deal->stage));
  sqlite3_bind_int64 (stmt, 4, deal->arr_cents);
  bind_id (stmt, 5, deal->owner_id);
  traction_bind_text (stmt, 6, traction_source_to_id (deal->source));
  traction_bind_text (stmt, 7, deal->introduced_by != NULL ? deal->introduced_by : "");
  traction_bind_date (stmt, 8, &deal->created);
  traction_bind_date (stmt, 9, &deal->expected_close);
  traction_bind_date (stmt, 10, &deal->closed);
  bind_id (stmt, 11, deal->loss_reason_id);
  traction_bind_text (stmt, 12, deal->win_reason != NULL ? deal->win_reason : "");
  traction_bind_text (stmt, 13, deal->close_note != NULL ? deal->close_note : "");
  traction_bind_text (stmt, 14, deal->paused_reason);
  traction_bind_date (stmt, 15, &deal->paused_until);
  traction_bind_text (stmt, 16, deal->notes != NULL ? deal->notes : "");
  return step_insert (store, stmt, error);
}

gboolean
traction_sample_add_stage_change (TractionStore  *store,
                                  gint64          deal_id,
                                  int             from,
                                  TractionStage   to,
                                  const char     *changed_at,
                                  const char     *reason,
                                  GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO stage_changes (deal_id, from_stage, to_stage,"
                                               " changed_at, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, from >= 0 ? traction_stage_to_id ((TractionStage) from) : NULL);
  traction_bind_text (stmt, 3, traction_stage_to_id (to));
  traction_bind_text (stmt, 4, changed_at);
  traction_bind_text (stmt, 5, reason != NULL ? reason : "");
  return step_insert (store, stmt, error) != 0;
}

gboolean
traction_sample_add_touchpoint (TractionStore  *store,
                                gint64          account_id,
                                gint64          deal_id,
                                gint64          contact_id,
                                const char     *kind,
                                const GDate    *happened,
                                const char     *summary,
                                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO touchpoints (account_id, deal_id, contact_id, kind,"
                                               " happened_on, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_id (stmt, 2, deal_id);
  bind_id (stmt, 3, contact_id);
  traction_bind_text (stmt, 4, kind);
  traction_bind_date (stmt, 5, happened);
  traction_bind_text (stmt, 6, summary != NULL ? summary : "");
  return step_insert (store, stmt, error) != 0;
}

gboolean
traction_sample_add_movement (TractionStore    *store,
                              gint64            account_id,
                              const GDate      *moved,
                              TractionMoveKind  kind,
                              gint64            amount_cents,
                              const char       *note,
                              GError          **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO arr_movements (account_id, moved_on, kind,"
                                               " amount_cents, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, moved);
  traction_bind_text (stmt, 3, traction_move_kind_to_id (kind));
  sqlite3_bind_int64 (stmt, 4, amount_cents);
  traction_bind_text (stmt, 5, note != NULL ? note : "");
  return step_insert (store, stmt, error) != 0;
}

gboolean
traction_sample_add_contract (TractionStore  *store,
                              gint64          account_id,
                              const GDate    *start,
                              const GDate    *renewal,
                              gint64          arr_cents,
                              const char     *status,
                              const char     *notes,
                              GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO contracts (account_id, start_on, renewal_on,"
                                               " arr_cents, status, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, start);
  traction_bind_date (stmt, 3, renewal);
  sqlite3_bind_int64 (stmt, 4, arr_cents);
  traction_bind_text (stmt, 5, status);
  traction_bind_text (stmt, 6, notes != NULL ? notes : "");
  return step_insert (store, stmt, error) != 0;
}

gboolean
traction_sample_add_account_product (TractionStore *store,
                                     gint64         account_id,
                                     gint64         product_id,
                                     const GDate   *since,
                                     GError       **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO account_products (account_id, product_id, since_on)"
                                               " VALUES (?1, ?2, ?3)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  traction_bind_date (stmt, 3, since);
  return step_insert (store, stmt, error) != 0;
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
traction_sample_add_usage_month (TractionStore            *store,
                                 gint64                    account_id,
                                 const GDate              *month,
                                 const TractionUsageMonth *usage,
                                 GError                  **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (store,
                                               "INSERT INTO usage_months (account_id, month, api_volume,"
                                               " plan_volume, last_api_call, tickets_p1, tickets_p2,"
                                               " tickets_p3, tickets_p4, last_response)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, month);
  bind_count (stmt, 3, usage->api_volume);
  bind_count (stmt, 4, usage->plan_volume);
  traction_bind_date (stmt, 5, &usage->last_api_call);
  for (int i = 0; i < 4; i++)
    bind_count (stmt, 6 + i, usage->tickets[i]);
  traction_bind_date (stmt, 10, &usage->last_response);
  return step_insert (store, stmt, error) != 0;
}

static int
clamp_item (int value)
{
  return CLAMP (value, 1, 5);
}

void
traction_sample_health_input (const TractionUsageMonth *previous,
                              const TractionUsageMonth *current,
                              int                       n_products,
                              int                       last_nps,
                              int                       feedback_quality,
                              const GDate              *month_end,
                              TractionHealthInput      *out)
{
  int *items = out->items;

  /* What the data cannot give, then what it can (the app's own rule). */
  memset (out, 0, sizeof *out);
  items[TRACTION_ITEM_API_VOLUME] = 3;
  items[TRACTION_ITEM_VOLUME_TREND] = 4;
  items[TRACTION_ITEM_TICKET_VOLUME] = 5;
  items[TRACTION_ITEM_SEVERITY_TREND] = 5;
  items[TRACTION_ITEM_TEAM_ENGAGEMENT] = 3;
  items[TRACTION_ITEM_NPS] = 3;
  traction_health_prefill (previous, current, last_nps, month_end, out, NULL);

  items[TRACTION_ITEM_PRODUCT_BREADTH] = clamp_item (n_products + 2);
  items[TRACTION_ITEM_FEEDBACK_QUALITY] = clamp_item (feedback_quality);
  out->signals[TRACTION_SIGNAL_NEXT_TIER] = current->api_volume >= 0 && current->plan_volume > 0 &&
                                            current->api_volume >= current->plan_volume;
}

gboolean
traction_sample_add_health (TractionStore             *store,
                            const TractionRules       *rules,
                            gint64                     account_id,
                            const GDate               *month,
                            gint64                     scored_by_id,
                            const char                *scored_at,
                            const TractionHealthInput *input,
                            const char                *notes,
                            double                    *score_out,
                            GError                   **error)
{
  sqlite3_stmt *stmt;
  double score;

  if (!traction_health_score (input, rules, &score, NULL, error))
    return FALSE;

  stmt = traction_store_prepare (store,
                                 "INSERT INTO health_scores (account_id, month, scored_by_id, scored_at,"
                                 " api_volume, volume_trend, product_breadth, ticket_volume,"
                                 " severity_trend, team_engagement, nps_satisfaction, feedback_quality,"
                                 " asked_new_products, growing_next_tier, referred_prospect,"
                                 " score_tenths, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " ?14, ?15, ?16, ?17)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_date (stmt, 2, month);
  bind_id (stmt, 3, scored_by_id);
  traction_bind_text (stmt, 4, scored_at);
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    sqlite3_bind_int (stmt, 5 + i, input->items[i]);
  for (int i = 0; i < TRACTION_N_HEALTH_SIGNALS; i++)
    sqlite3_bind_int (stmt, 5 + TRACTION_N_HEALTH_ITEMS + i, input->signals[i] ? 1 : 0);
  sqlite3_bind_int64 (stmt, 16, (gint64) (score * 10.0 + 0.5));
  traction_bind_text (stmt, 17, notes != NULL ? notes : "");

  if (step_insert (store, stmt, error) == 0)
    return FALSE;

  if (score_out != NULL)
    *score_out = score;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The sample company                                                  */
/* ------------------------------------------------------------------ */

enum { F_CEO, F_CPO, F_CTO, N_FOUNDERS };

static const struct {
  const char *name;
  const char *role;
  const char *email;
} sample_founders[N_FOUNDERS] = {
  { "Maya Okafor", "CEO", "maya@northwindrails.com" },
  { "Daniel Brandt", "CPO", "daniel@northwindrails.com" },
  { "Priya Raman", "CTO", "priya@northwindrails.com" },
};

enum { P_PAYMENTS, P_CARDS, P_KYC, P_FX, P_PAYOUTS, P_VACCOUNTS, N_PRODUCTS };

#define PAY  (1u << P_PAYMENTS)
#define CARD (1u << P_CARDS)
#define KYC  (1u << P_KYC)
#define FX   (1u << P_FX)
#define POUT (1u << P_PAYOUTS)
#define VACC (1u << P_VACCOUNTS)

static const struct {
  const char *name;
  const char *description;
} sample_products[N_PRODUCTS] = {
  { "Payments API", "Card and bank payments acceptance through one endpoint." },
  { "Card Issuing", "Virtual and physical debit cards for the client's own users." },
  { "KYC Verification", "Identity and document checks with an audit trail." },
  { "FX Conversion", "Quotes and conversion in 30 currencies." },
  { "Payouts", "Local and cross-border payouts to bank accounts and cards." },
  { "Virtual Accounts", "Named accounts for the client's users (in preparation)." },
};

enum { V_MERIDIAN, V_CLEARPATH, V_VERICHECK, V_IDENTIFLOW, V_HELIX, V_SWIFTLINE, N_PROVIDERS };

static const struct {
  const char *name;
  const char *status;
  const char *contact;
  const char *notes;
} sample_providers[N_PROVIDERS] = {
  { "Meridian Bank", "active", "Tom Hale, fintech partnerships",
    "Sponsor bank of the card programme and settlement accounts." },
  { "ClearPath Processing", "active", "Ana Ruiz, account manager",
    "Acquiring and payment processing." },
  { "VeriCheck ID", "active", "Ben Okoro, customer success",
    "Document and biometric identity checks." },
  { "IdentiFlow", "integrating", "Lena Vogt, solutions engineer",
    "Second KYC vendor, integration in progress." },
  { "Helix FX", "active", "Raj Patel, liquidity desk",
    "FX quotes and conversion; sole liquidity for exotic corridors." },
  { "Swiftline Payouts", "active", "Carla Mendes, partnerships",
    "Local payout rails in 40 countries." },
};

static const struct {
  int         product;
  int         provider;
  const char *role;
} sample_coverage[] = {
  { P_PAYMENTS, V_CLEARPATH, "primary" },
  { P_PAYMENTS, V_MERIDIAN, "backup" },
  { P_CARDS, V_MERIDIAN, "primary" },           /* single point of failure */
  { P_KYC, V_VERICHECK, "primary" },
  { P_KYC, V_IDENTIFLOW, "backup" },
  { P_FX, V_HELIX, "primary" },
  { P_FX, V_SWIFTLINE, "backup" },
  { P_PAYOUTS, V_SWIFTLINE, "primary" },
  { P_PAYOUTS, V_CLEARPATH, "backup" },
  { P_VACCOUNTS, V_MERIDIAN, "backup" },        /* gap: no primary yet */
};

typedef struct {
  int         provider;
  int         ago;
  int         reliability, pricing;
  const char *exclusivity;
  int         integration, support, regulatory, dependency, relationship;
  const char *reliability_note;
  const char *pricing_note;
  const char *dependency_note;
  const char *action_items;
} SampleReview;

static const SampleReview sample_reviews[] = {
  { V_MERIDIAN, 282, 4, 3, "soft", 3, 3, 5, 3, 4,
    "99.9% uptime on card authorisations.", "0.35% interchange share, $2K monthly programme fee.",
    "Only sponsor bank for cards; switching takes 6+ months.", "Document a contingency plan for the card programme." },
  { V_MERIDIAN, 191, 4, 3, "soft", 3, 2, 5, 4, 3,
    "Two settlement delays in the quarter.", "Fee review postponed by the bank.",
    "Still the only issuer; no backup identified.", "Identify a backup issuer; escalate SLA gaps to the CEO." },
  { V_MERIDIAN, 100, 3, 3, "soft", 3, 2, 4, 4, 3,
    "Card authorisation outage of 3 hours in August.", "Asked for a 20% programme fee increase.",
    "Backup shortlist exists, nothing signed.", "Shortlist two alternative sponsor banks." },
  { V_MERIDIAN, 12, 3, 2, "soft", 3, 2, 3, 5, 2,
    "Authorisation latency doubled at month end.", "Fee increase confirmed from next quarter.",
    "The bank announced a review of all fintech programmes: our card product has no alternative.",
    "Source an alternative issuer now; negotiate SLA credits and a 90-day exit assistance clause." },
  { V_CLEARPATH, 205, 5, 4, "none", 5, 4, 5, 2, 4,
    "No incidents.", "2.1% + 20c blended, volume tiers from $5M.",
    "Meridian can take over acquiring if needed.", "Keep quarterly review." },
  { V_CLEARPATH, 112, 5, 4, "none", 5, 4, 5, 2, 5,
    "One short degradation, well communicated.", "Moved to the next volume tier.",
    "Backup tested in sandbox.", "Keep quarterly review." },
  { V_CLEARPATH, 21, 5, 4, "none", 5, 5, 5, 2, 5,
    "No incidents.", "Volume discount applied from October.",
    "Backup path documented.", "Invite them to the client advisory session." },
  { V_VERICHECK, 187, 4, 3, "none", 4, 4, 5, 2, 4,
    "Document checks 98.7% automated.", "$1.10 per check, $0.80 above 50K a month.",
    "IdentiFlow integration planned as backup.", "Start IdentiFlow integration." },
  { V_VERICHECK, 96, 4, 3, "none", 4, 3, 5, 2, 4,
    "Slower liveness checks at peak hours.", "No change.",
    "Backup integration half done.", "Finish IdentiFlow integration by quarter end." },
  { V_VERICHECK, 9, 4, 4, "none", 4, 4, 5, 2, 4,
    "Peak-hour latency fixed.", "Agreed $0.75 above 50K a month.",
    "Backup live in sandbox.", "Route 10% of checks to IdentiFlow once live." },
  { V_IDENTIFLOW, 92, 3, 4, "none", 3, 4, 4, 1, 4,
    "Sandbox only.", "$0.90 per check, no minimum.",
    "Backup role only.", "Finish integration." },
  { V_IDENTIFLOW, 6, 4, 4, "none", 3, 4, 4, 1, 4,
    "Pilot traffic passed all checks.", "Unchanged.",
    "Backup role only.", "Go live as KYC backup." },
  { V_HELIX, 196, 4, 3, "hard", 4, 3, 4, 3, 3,
    "Quotes stable, rare rejections.", "12 bps spread on majors, 40 bps exotics.",
    "Only source for exotic corridors.", "Monthly check-in; document contingency." },
  { V_HELIX, 104, 4, 3, "hard", 4, 3, 4, 3, 3,
    "Rejected quotes rose on LATAM corridors.", "Unchanged.",
    "Exclusivity blocks a second liquidity provider on exotics.", "Ask to relax exclusivity on renewal." },
  { V_HELIX, 15, 3, 3, "hard", 4, 2, 4, 4, 3,
    "Quote rejections at 4% on LATAM corridors.", "Unchanged; exclusivity renewed for a year.",
    "Swiftline covers only the major corridors: exotic FX depends on Helix alone.",
    "Identify a second liquidity provider for exotics; escalate to the CEO." },
  { V_SWIFTLINE, 291, 4, 4, "none", 4, 4, 4, 2, 4,
    "Payouts on time 99.2%.", "$0.25 domestic, $3 cross-border.",
    "ClearPath covers card payouts as backup.", "Keep quarterly review." },
  { V_SWIFTLINE, 198, 4, 4, "none", 4, 5, 4, 2, 5,
    "Payouts on time 99.4%.", "Volume rebate from 100K payouts a month.",
    "Backup unchanged.", "Keep quarterly review." },
  { V_SWIFTLINE, 104, 5, 4, "none", 4, 5, 4, 2, 5,
    "Payouts on time 99.6%.", "Rebate reached in September.",
    "Backup unchanged.", "Review due again in 90 days." },
};

static const struct {
  const char *item;
  int         done_ago;     /* -1: not done */
} sample_mitigations[] = {
  { "Shortlist two alternative sponsor banks for the card programme", 95 },
  { "Negotiate SLA credits and a 90-day exit assistance clause with Meridian Bank", -1 },
  { "Start sandbox integration with the backup issuer", -1 },
  { "Tell card clients about the contingency plan before their QBRs", -1 },
};

/* Accounts: the 25 clients first (same index as sample_clients), then
 * the prospects of the pipeline. */
typedef struct {
  const char *name;
  const char *domain;
  int         tier;
  const char *geography;
  const char *size;
  const char *providers;
  int         owner;
} SampleAccountRow;

static const SampleAccountRow sample_accounts[] = {
  /* clients */
  { "Brightwell Money", "brightwellmoney.com", 1, "United Kingdom", "640K users", "Legacy acquirer (replaced)", F_CEO },
  { "Pennant Pay", "pennantpay.com", 2, "United States", "120K merchants", "Stripe-style PSP", F_CPO },
  { "Cobalt Wallet", "cobaltwallet.io", 2, "Ireland", "210K users", "In-house KYC", F_CEO },
  { "Kestrel Finance", "kestrelfinance.com", 2, "Netherlands", "80K SMEs", "Local bank FX", F_CEO },
  { "Harbourline Credit", "harbourline.co.uk", 1, "United Kingdom", "$400M loan book", "Two payout vendors", F_CPO },
  { "Lumio Bank", "lumiobank.com", 1, "Germany", "900K users", "Card processor, KYC vendor", F_CEO },
  { "Orbit Payroll", "orbitpayroll.com", 2, "United States", "3,100 employers", "ACH via partner bank", F_CPO },
  { "Fernleaf Remit", "fernleafremit.com", 2, "Canada", "14 corridors", "Bank FX desk", F_CPO },
  { "Quillstone Lending", "quillstone.com", 3, "United States", "2,800 loans a month", "Manual KYC", F_CTO },
  { "Sable Card", "sablecard.com", 2, "France", "150K cardholders", "Card processor", F_CEO },
  { "Tandem Treasury", "tandemtreasury.io", 1, "United States", "$2B under management", "Two banks", F_CEO },
  { "Vantage Freight Pay", "vantagefreightpay.com", 3, "United States", "9,000 carriers", "Checks and ACH", F_CPO },
  { "Wren Savings", "wrensavings.com", 3, "United Kingdom", "45K savers", "Manual KYC", F_CTO },
  { "Atlas Gig Wallet", "atlasgig.com", 2, "Mexico", "75K gig workers", "Payout aggregator", F_CPO },
  { "Beacon Tuition", "beacontuition.com", 3, "Australia", "60 schools", "Gateway", F_CTO },
  { "Crestmark Invest", "crestmarkinvest.com", 1, "United States", "330K investors", "Three vendors", F_CEO },
  { "Driftwood Travel Money", "driftwoodmoney.com", 3, "Spain", "40K travellers", "Bank FX", F_CPO },
  { "Ember Expense", "emberexpense.com", 3, "Sweden", "1,200 companies", "Prepaid cards", F_CTO },
  { "Foxglove Health Pay", "foxglovepay.com", 3, "United States", "300 clinics", "Gateway", F_CPO },
  { "Granite B2B Pay", "granitepay.com", 2, "Germany", "5,000 suppliers", "Bank transfers", F_CEO },
  { "Halcyon Rewards", "halcyonrewards.com", 3, "United States", "1M members", "Gift-card vendor", F_CPO },
  { "Ironbark Insurance", "ironbark.insure", 2, "Australia", "70K policies", "Checks", F_CEO },
  { "Juniper Marketplace", "junipermarket.com", 2, "Poland", "18K sellers", "Payout aggregator", F_CPO },
  { "Kiteline Payroll", "kiteline.io", 3, "United Kingdom", "900 employers", "Bacs bureau", F_CTO },
  { "Larkspur Lending", "larkspurlending.com", 2, "United States", "4,000 loans a month", "KYC vendor", F_CTO },
  /* prospects: 25 .. */
  { "Aurora Neobank", "aurorabank.io", 1, "United Kingdom", "1.2M users", "Card processor", F_CEO },
  { "Bluefin Pay", "bluefinpay.com", 2, "Germany", "30K merchants", "Gateway", F_CEO },
  { "Cedar Lane Credit Union", "cedarlanecu.org", 3, "United States", "85K members", "Core banking vendor", F_CTO },
  { "Dovetail Wallet", "dovetailwallet.com", 2, "Ireland", "150K users", "Card processor", F_CEO },
  { "Everest Remit", "everestremit.com", 2, "United Arab Emirates", "9 corridors", "Bank FX", F_CPO },
  { "Finch Money", "finchmoney.app", 1, "United States", "700K users", "Prepaid card vendor", F_CEO },
  { "Glacier Capital Markets", "glaciercm.com", 1, "Switzerland", "$6B assets", "Private bank partner", F_CEO },
  { "Heron Payroll", "heronpayroll.com", 2, "Netherlands", "2,000 employers", "SEPA via bank", F_CPO },
  { "Inkwell Invoicing", "inkwell.io", 2, "United Kingdom", "22K businesses", "Gateway", F_CPO },
  { "Jetty Travel Pay", "jettytravelpay.com", 3, "Spain", "25K travellers", "Bank FX", F_CTO },
  { "Keel Insurance Tech", "keelinsure.com", 2, "United States", "120K policies", "Checks", F_CPO },
  { "Lodestar Wealth", "lodestarwealth.com", 1, "United States", "260K clients", "Partner bank, in-house ledger", F_CEO },
  { "Maple Street Lending", "maplestreetlending.com", 2, "Canada", "3,000 loans a month", "Manual KYC", F_CTO },
  { "Nimbus Payments", "nimbuspayments.com", 1, "United States", "14K platforms", "Legacy gateway", F_CEO },
  { "Opal Card Co", "opalcard.co", 2, "Australia", "90K cardholders", "Card processor", F_CEO },
  { "Pinecrest Savings", "pinecrestsavings.com", 3, "United States", "30K savers", "Core banking vendor", F_CEO },
  { "Quarry B2B", "quarryb2b.com", 2, "France", "6,500 suppliers", "Bank transfers", F_CPO },
  { "Riverstone Remittance", "riverstoneremit.com", 2, "Mexico", "11 corridors", "Bank FX", F_CPO },
  { "Saffron Pay", "saffronpay.in", 2, "India", "50K merchants", "Local PSP", F_CPO },
  { "Tidewater Treasury", "tidewatertreasury.com", 1, "United States", "$1.5B under management", "Two banks", F_CEO },
  { "Umber Marketplace", "umbermarket.com", 2, "Poland", "12K sellers", "Payout aggregator", F_CPO },
  { "Verdant Student Finance", "verdantfinance.com", 3, "United States", "40K students", "Gateway", F_CTO },
  { "Willow Crowdfunding", "willowcrowd.com", 3, "Italy", "8K campaigns", "Escrow bank", F_CPO },
  { "Yarrow Expense", "yarrowexpense.com", 2, "Sweden", "2,500 companies", "Prepaid cards", F_CTO },
  { "Zephyr Gig Pay", "zephyrgig.com", 2, "Brazil", "120K gig workers", "Local PSP", F_CPO },
  { "Marigold Credit Union", "marigoldcu.org", 2, "United States", "110K members", "Core banking vendor", F_CEO },
  { "Northstar Brokerage", "northstarbrokerage.com", 1, "United States", "180K accounts", "Clearing firm", F_CEO },
  { "Solstice Neobank", "solsticebank.com", 2, "Portugal", "60K users", "Card processor", F_CEO },
  { "Tern Logistics Pay", "ternpay.com", 2, "United States", "15K carriers", "Checks and ACH", F_CPO },
  { "Vireo Health Finance", "vireohealth.finance", 3, "United States", "200 clinics", "Manual KYC", F_CTO },
};

enum {
  A_BRIGHTWELL, A_PENNANT, A_COBALT, A_KESTREL, A_HARBOURLINE, A_LUMIO, A_ORBIT,
  A_FERNLEAF, A_QUILLSTONE, A_SABLE, A_TANDEM, A_VANTAGE, A_WREN, A_ATLAS,
  A_BEACON, A_CRESTMARK, A_DRIFTWOOD, A_EMBER, A_FOXGLOVE, A_GRANITE,
  A_HALCYON, A_IRONBARK, A_JUNIPER, A_KITELINE, A_LARKSPUR,
  N_CLIENTS,
  A_AURORA = N_CLIENTS, A_BLUEFIN, A_CEDAR, A_DOVETAIL, A_EVEREST, A_FINCH,
  A_GLACIER, A_HERON, A_INKWELL, A_JETTY, A_KEEL, A_LODESTAR, A_MAPLE,
  A_NIMBUS, A_OPAL, A_PINECREST, A_QUARRY, A_RIVERSTONE, A_SAFFRON,
  A_TIDEWATER, A_UMBER, A_VERDANT, A_WILLOW, A_YARROW, A_ZEPHYR, A_MARIGOLD,
  A_NORTHSTAR, A_SOLSTICE, A_TERN, A_VIREO,
  N_ACCOUNTS
};

G_STATIC_ASSERT (G_N_ELEMENTS (sample_accounts) == N_ACCOUNTS);

/* How a client's usage behaves. */
typedef enum {
  SHAPE_STEADY,
  SHAPE_AT_RISK,       /* volume and engagement fall over the last 3 months */
  SHAPE_CHURNED,
  SHAPE_REACTIVATED,
  SHAPE_NO_CALLS,      /* no API call for 9 days */
  SHAPE_SEVERE,        /* a P1 ticket this month */
  SHAPE_DARK,          /* no answer for 17 days */
} SampleShape;

typedef struct {
  int         start_ago;   /* days before today the first contract started */
  int         arr_k;       /* first ARR, in thousands of dollars */
  guint       products;    /* at the start */
  int         fit_pct;     /* volume against plan once ramped up */
  int         growth;      /* monthly volume growth, per mille */
  int         nps;         /* usual NPS answer */
  int         feedback;    /* feedback quality 1..5 */
  gboolean    referrer;    /* referred prospects lately */
  SampleShape shape;
} SampleClient;

static const SampleClient sample_clients[N_CLIENTS] = {
  [A_BRIGHTWELL]  = { 520,  48, PAY | KYC,         104, 12, 10, 5, TRUE,  SHAPE_STEADY },
  [A_PENNANT]     = {  80,  30, PAY | POUT,         97, 20,  9, 4, FALSE, SHAPE_STEADY },
  [A_COBALT]      = { 150,  24, CARD | KYC,        101, 15,  9, 5, FALSE, SHAPE_STEADY },
  [A_KESTREL]     = { 300,  40, PAY | FX,           93,  6,  8, 4, FALSE, SHAPE_STEADY },
  [A_HARBOURLINE] = { 460,  56, PAY | KYC | POUT,  102, 10,  9, 4, TRUE,  SHAPE_STEADY },
  [A_LUMIO]       = { 330,  72, PAY | CARD | KYC,  101,  8,  8, 4, FALSE, SHAPE_AT_RISK },
  [A_ORBIT]       = { 650,  48, POUT | KYC,         86,  0,  8, 3, FALSE, SHAPE_STEADY },
  [A_FERNLEAF]    = { 420,  32, FX | POUT,          99, 10,  9, 4, FALSE, SHAPE_STEADY },
  [A_QUILLSTONE]  = { 390,  22, KYC | POUT,         78,  2,  7, 3, FALSE, SHAPE_STEADY },
  [A_SABLE]       = { 270,  50, CARD | KYC,         96,  8,  8, 4, FALSE, SHAPE_SEVERE },
  [A_TANDEM]      = { 355,  60, PAY | FX,          103, 12,  9, 4, FALSE, SHAPE_STEADY },
  [A_VANTAGE]     = { 240,  20, PAY | POUT,         91,  6,  8, 3, FALSE, SHAPE_STEADY },
  [A_WREN]        = { 210,  12, KYC,                88,  4,  8, 3, FALSE, SHAPE_STEADY },
  [A_ATLAS]       = { 480,  24, POUT,              100, 10,  9, 4, FALSE, SHAPE_STEADY },
  [A_BEACON]      = { 180,   9, PAY,                84,  5,  7, 3, FALSE, SHAPE_STEADY },
  [A_CRESTMARK]   = { 560,  85, PAY | KYC | FX,    105, 11, 10, 5, TRUE,  SHAPE_STEADY },
  [A_DRIFTWOOD]   = { 500,  22, FX | CARD,          80,  0,  6, 2, FALSE, SHAPE_CHURNED },
  [A_EMBER]       = { 130,  18, CARD,               92, 10,  8, 3, FALSE, SHAPE_NO_CALLS },
  [A_FOXGLOVE]    = { 100,  16, PAY | KYC,          95, 15,  9, 4, FALSE, SHAPE_STEADY },
  [A_GRANITE]     = { 440,  42, PAY | POUT | FX,    83,  0,  7, 3, FALSE, SHAPE_STEADY },
  [A_HALCYON]     = { 540,  14, POUT,               90,  8,  8, 3, FALSE, SHAPE_REACTIVATED },
  [A_IRONBARK]    = {  60,  30, PAY | POUT,         96, 25,  9, 4, FALSE, SHAPE_STEADY },
  [A_JUNIPER]     = { 400,  28, PAY | POUT,         90,  4,  7, 3, FALSE, SHAPE_DARK },
  [A_KITELINE]    = {  25,  24, POUT | KYC,         90, 20,  9, 4, FALSE, SHAPE_STEADY },
  [A_LARKSPUR]    = { 345,  36, KYC | PAY,          98,  9,  9, 4, FALSE, SHAPE_STEADY },
};

/* ARR movements after each client's "new" one. */
static const struct {
  int              client;
  int              ago;
  TractionMoveKind kind;
  int              amount_k;
  int              product;    /* product added by a cross-sell, else -1 */
  const char      *note;
} sample_movements[] = {
  { A_BRIGHTWELL, 300, TRACTION_MOVE_EXPANSION_CROSS_SELL, 18, P_CARDS, "Added Card Issuing for premium accounts." },
  { A_BRIGHTWELL, 120, TRACTION_MOVE_EXPANSION_UPSELL, 12, -1, "Moved to the Growth tier." },
  { A_COBALT, 40, TRACTION_MOVE_EXPANSION_USAGE, 5, -1, "Card spend above forecast." },
  { A_HARBOURLINE, 200, TRACTION_MOVE_EXPANSION_CROSS_SELL, 12, P_FX, "Added FX Conversion for overseas borrowers." },
  { A_LUMIO, 210, TRACTION_MOVE_EXPANSION_UPSELL, 12, -1, "Moved to the Scale tier." },
  { A_ORBIT, 150, TRACTION_MOVE_CONTRACTION, 8, -1, "Lost two large employers; moved down a tier." },
  { A_FERNLEAF, 90, TRACTION_MOVE_EXPANSION_USAGE, 6, -1, "Two new corridors live." },
  { A_TANDEM, 75, TRACTION_MOVE_EXPANSION_USAGE, 9, -1, "Treasury volume grew with new funds." },
  { A_ATLAS, 250, TRACTION_MOVE_EXPANSION_CROSS_SELL, 10, P_CARDS, "Added cards for instant access to earnings." },
  { A_CRESTMARK, 180, TRACTION_MOVE_EXPANSION_UPSELL, 20, -1, "Enterprise tier with dedicated support." },
  { A_DRIFTWOOD, 125, TRACTION_MOVE_CHURN, 22, -1, "Wound down their travel card after the season." },
  { A_GRANITE, 60, TRACTION_MOVE_CONTRACTION, 6, -1, "Dropped payouts for one region." },
  { A_HALCYON, 330, TRACTION_MOVE_CHURN, 14, -1, "Paused their rewards programme." },
  { A_HALCYON, 95, TRACTION_MOVE_REACTIVATION, 16, -1, "Relaunched rewards payouts." },
  { A_JUNIPER, 160, TRACTION_MOVE_EXPANSION_USAGE, 4, -1, "Seller payouts grew." },
};

/* SPIN and BANT notes of the kinds of deal Northwind Rails sees. */
typedef struct {
  const char *situation, *problem, *implication, *need_payoff;
  const char *budget, *authority, *need, *timeline;
  const char *providers;
  const char *effort;
  guint       products;
} SampleSpin;

static const SampleSpin sample_spin[] = {
  { "Consumer app with debit cards from one issuer processor; 4 engineers on payments.",
    "Adding virtual cards took their team 7 months last time; card controls are limited.",
    "Every month of delay pushes the premium plan back and costs about $40K in interchange.",
    "Cards, KYC and payouts through one API would let them launch the premium plan this quarter.",
    "Card programme budget approved for next quarter.", "Head of Product is champion; CFO signs.",
    "Virtual cards are on the roadmap with a date.", "Wants to go live before the holiday season.",
    "Meridian Bank, VeriCheck ID", "medium", CARD | KYC | POUT },
  { "Marketplace paying sellers in 9 countries through three payout providers.",
    "Reconciling three payout providers takes two people full time; failed payouts surface days late.",
    "Seller churn rises after every week with failed payouts; finance cannot close the month on time.",
    "One payouts API with FX built in would free two people and open three new countries.",
    "Spends about $120K a year on payout fees today.", "VP Finance at the table.",
    "Active consolidation project.", "Wants to switch before the next fiscal year.",
    "Swiftline Payouts, Helix FX", "medium", POUT | FX },
  { "Digital lender onboarding 3,000 applicants a month with manual document checks.",
    "Manual review takes 2 days; 30% of applicants drop out before approval.",
    "Drop-outs cost about 400 funded loans a quarter; the regulator wants audit trails they cannot produce.",
    "Automated KYC with an audit trail would cut review to minutes and lift conversion.",
    "Budget exists in the compliance line, not yet allocated.", "Chief Risk Officer is champion; CEO decides.",
    "An audit finding makes it urgent.", "Audit follow-up due in 6 months.",
    "VeriCheck ID, IdentiFlow", "low", KYC | PAY },
  { "B2B invoicing platform taking card and bank payments through a legacy gateway.",
    "Gateway fees are high and supplier payouts take 5 days.",
    "Two enterprise prospects said no because of slow settlement; card fees eat half their margin.",
    "Faster settlement and one integration for payments and payouts would unlock their enterprise tier.",
    "Gateway spend about $90K a year; budget would move over.", "CTO and CEO both on the calls.",
    "Replacing the gateway is in next half's plan.", "Within 6 months, internal priority.",
    "ClearPath Processing, Swiftline Payouts", "medium", PAY | POUT },
  { "Remittance app sending money to 14 corridors; FX quoted by one bank.",
    "Their bank's FX spreads are uncompetitive and quotes expire too fast.",
    "They lose price-sensitive customers on the top 3 corridors every month.",
    "Better FX through the same API as payouts would let them cut prices on the top corridors.",
    "No allocated budget; would fund it from FX savings.", "Founder and CEO decides alone.",
    "Recognised need, no project yet.", "No date yet.",
    "Helix FX", "low", FX | POUT },
  { "Wealth app holding client cash at a partner bank with an in-house ledger.",
    "Their ledger breaks with every new product; reconciliation is manual.",
    "The savings launch slipped twice and the board asks why.",
    "Payments, virtual accounts and a tested ledger through one API would ship savings in weeks.",
    "Board approved budget for the savings launch.", "COO (economic buyer) joined the second call.",
    "Active project with a board deadline.", "Launch committed for next quarter.",
    "Meridian Bank, ClearPath Processing", "high", PAY | VACC | KYC },
};

#define WEEK(n) (-1 - (n))   /* n days ago, but not before this week's Monday */

typedef struct {
  int            account;
  const char    *what;
  TractionStage  stage;
  TractionStage  reached;      /* Lost: last stage before Lost; else = stage */
  int            arr_k;
  int            owner;
  TractionSource source;
  const char    *introduced_by;
  int            created_ago;
  int            entered_ago;  /* entered the current stage (closed, for Won/Lost) */
  int            last_ago;     /* last touchpoint */
  const char    *last_kind;    /* NULL: chosen by the loader */
  const char    *last_summary; /* NULL: chosen by the loader */
  int            close_in;     /* expected close in days (open deals); 0 = none */
  int            loss_reason;  /* position in loss_reasons; -1 none */
  const char    *win_reason;
  int            spin;         /* sample_spin index; -1 none */
  TractionBant   bant;
} SampleDealRow;

enum {
  D_KITELINE, D_IRONBARK, D_PENNANT, D_FOXGLOVE, D_EMBER, D_COBALT, D_SABLE, D_LARKSPUR,
  D_BLUEFIN, D_DOVETAIL, D_EVEREST, D_HERON, D_JETTY, D_PINECREST, D_WILLOW,
  D_NIMBUS, D_TIDEWATER, D_MAPLE,
  D_LODESTAR, D_GLACIER, D_BRIGHTWELL_FX, D_QUARRY, D_FINCH,
  D_AURORA, D_SAFFRON, D_KEEL, D_UMBER, D_NORTHSTAR, D_HARBOURLINE_CARDS,
  D_RIVERSTONE, D_VERDANT, D_YARROW, D_ZEPHYR, D_MARIGOLD,
  D_OPAL, D_INKWELL, D_CEDAR, D_SOLSTICE, D_TERN, D_VIREO,
  N_DEALS
};

#define S(x) TRACTION_STAGE_##x
#define SRC(x) TRACTION_SOURCE_##x

static const SampleDealRow sample_deals[N_DEALS] = {
  /* Closed Won: today's clients */
  [D_KITELINE] = { A_KITELINE, "Payroll payouts and KYC", S (WON), S (WON), 24, F_CTO, SRC (INBOUND), NULL,
                   95, 27, 27, NULL, NULL, 0, -1, "Fastest integration of the three vendors they tested.", 2, { 4, 4, 4, 5 } },
  [D_IRONBARK] = { A_IRONBARK, "Claims payouts", S (WON), S (WON), 30, F_CEO, SRC (WARM_INTRO), "Sofia Lindqvist (angel investor)",
                   140, 62, 62, NULL, NULL, 0, -1, "Payouts and payments in one contract; reference from Harbourline.", 3, { 4, 5, 4, 4 } },
  [D_PENNANT] = { A_PENNANT, "Design partner: payments and payouts", S (WON), S (WON), 30, F_CPO, SRC (FOUNDER_NETWORK), NULL,
                  150, 82, 82, NULL, NULL, 0, -1, "Design-partner terms and a say in the payouts roadmap.", 3, { 3, 5, 5, 4 } },
  [D_FOXGLOVE] = { A_FOXGLOVE, "Patient payments", S (WON), S (WON), 16, F_CPO, SRC (PROVIDER_REFERRAL), "ClearPath Processing partner team",
                   170, 102, 102, NULL, NULL, 0, -1, "Referred by ClearPath; KYC bundled with payments.", 3, { 3, 4, 4, 4 } },
  [D_EMBER] = { A_EMBER, "Expense cards", S (WON), S (WON), 18, F_CTO, SRC (CONFERENCE), NULL,
                200, 132, 132, NULL, NULL, 0, -1, "Card controls their old prepaid vendor lacked.", 0, { 3, 4, 4, 3 } },
  [D_COBALT] = { A_COBALT, "Design partner: cards and KYC", S (WON), S (WON), 24, F_CEO, SRC (FOUNDER_NETWORK), NULL,
                 230, 152, 152, NULL, NULL, 0, -1, "Design-partner discount and a sandbox live in one day.", 0, { 3, 5, 5, 5 } },
  [D_SABLE] = { A_SABLE, "Card programme migration", S (WON), S (WON), 50, F_CEO, SRC (WARM_INTRO), "Marcus Bell (Northwind advisor)",
                360, 272, 272, NULL, NULL, 0, -1, "Migration plan with zero card reissue.", 0, { 5, 4, 5, 4 } },
  [D_LARKSPUR] = { A_LARKSPUR, "KYC and loan disbursement", S (WON), S (WON), 36, F_CTO, SRC (INBOUND), NULL,
                   420, 347, 347, NULL, NULL, 0, -1, "Audit trail for the regulator out of the box.", 2, { 4, 4, 5, 4 } },
  /* Closed Lost */
  [D_BLUEFIN] = { A_BLUEFIN, "Payments API", S (LOST), S (PROPOSAL), 40, F_CEO, SRC (INBOUND), NULL,
                  210, 150, 150, NULL, NULL, 0, 0, NULL, 3, { 2, 3, 4, 3 } },
  [D_DOVETAIL] = { A_DOVETAIL, "Card issuing", S (LOST), S (NEGOTIATION), 45, F_CEO, SRC (CONFERENCE), NULL,
                   260, 180, 180, NULL, NULL, 0, 2, NULL, 0, { 4, 4, 4, 4 } },
  [D_EVEREST] = { A_EVEREST, "FX corridors", S (LOST), S (DISCOVERY), 30, F_CPO, SRC (PROVIDER_REFERRAL), "Helix FX",
                  160, 120, 120, NULL, NULL, 0, 1, NULL, 4, { 3, 3, 4, 2 } },
  [D_HERON] = { A_HERON, "Payroll payouts", S (LOST), S (PROPOSAL), 28, F_CPO, SRC (FOUNDER_NETWORK), NULL,
                190, 95, 95, NULL, NULL, 0, 3, NULL, 1, { 3, 4, 3, 3 } },
  [D_JETTY] = { A_JETTY, "Travel cards and FX", S (LOST), S (QUALIFIED), 22, F_CTO, SRC (INBOUND), NULL,
                120, 70, 70, NULL, NULL, 0, 4, NULL, 4, { 3, 3, 3, 3 } },
  [D_PINECREST] = { A_PINECREST, "Virtual accounts for savers", S (LOST), S (DISCOVERY), 35, F_CEO, SRC (CONFERENCE), NULL,
                    100, 40, 40, NULL, NULL, 0, 5, NULL, 5, { 4, 3, 4, 3 } },
  [D_WILLOW] = { A_WILLOW, "Escrow payouts", S (LOST), S (LEAD), 18, F_CPO, SRC (INBOUND), NULL,
                 75, 50, 50, NULL, NULL, 0, 0, NULL, -1, { 0, 0, 0, 0 } },
  /* Negotiation */
  [D_NIMBUS] = { A_NIMBUS, "Payments and payouts platform", S (NEGOTIATION), S (NEGOTIATION), 85, F_CEO, SRC (WARM_INTRO), "Elena Park (Seedcamp partner)",
                 120, 12, 3, NULL, NULL, 14, -1, NULL, 3, { 5, 4, 5, 4 } },
  [D_TIDEWATER] = { A_TIDEWATER, "Treasury FX", S (NEGOTIATION), S (NEGOTIATION), 60, F_CEO, SRC (FOUNDER_NETWORK), NULL,
                    150, 20, 5, NULL, NULL, 20, -1, NULL, 4, { 4, 5, 4, 4 } },
  [D_MAPLE] = { A_MAPLE, "KYC automation", S (NEGOTIATION), S (NEGOTIATION), 32, F_CTO, SRC (INBOUND), NULL,
                100, 9, 2, NULL, NULL, 10, -1, NULL, 2, { 4, 4, 5, 5 } },
  /* Proposal */
  [D_LODESTAR] = { A_LODESTAR, "Savings launch stack", S (PROPOSAL), S (PROPOSAL), 95, F_CEO, SRC (WARM_INTRO), "Marcus Bell (Northwind advisor)",
                   90, 18, 4, NULL, NULL, 30, -1, NULL, 5, { 5, 5, 5, 4 } },
  [D_GLACIER] = { A_GLACIER, "Cards for private banking", S (PROPOSAL), S (PROPOSAL), 70, F_CEO, SRC (CONFERENCE), NULL,
                  130, 25, 19, "email", "Sent revised pricing; no reply since.", 35, -1, NULL, 0, { 4, 3, 4, 3 } },
  [D_BRIGHTWELL_FX] = { A_BRIGHTWELL, "FX Conversion add-on", S (PROPOSAL), S (PROPOSAL), 18, F_CPO, SRC (FOUNDER_NETWORK), NULL,
                        45, 10, 8, NULL, NULL, 25, -1, NULL, 4, { 4, 5, 4, 4 } },
  [D_QUARRY] = { A_QUARRY, "Supplier payouts", S (PROPOSAL), S (PROPOSAL), 38, F_CPO, SRC (PROVIDER_REFERRAL), "Swiftline Payouts",
                 80, 14, 11, NULL, NULL, 35, -1, NULL, 3, { 4, 3, 4, 4 } },
  [D_FINCH] = { A_FINCH, "Card issuing launch", S (PROPOSAL), S (PROPOSAL), 55, F_CEO, SRC (INBOUND), NULL,
                110, 7, WEEK (2), "meeting", "Sandbox demo with their mobile team; they want card controls next.", 40, -1, NULL, 0, { 4, 4, 5, 4 } },
  /* Discovery */
  [D_AURORA] = { A_AURORA, "Cards and KYC", S (DISCOVERY), S (DISCOVERY), 75, F_CEO, SRC (CONFERENCE), NULL,
                 60, 21, 10, NULL, NULL, 70, -1, NULL, 0, { 4, 3, 4, 4 } },
  [D_SAFFRON] = { A_SAFFRON, "Payouts for the India corridor", S (DISCOVERY), S (DISCOVERY), 26, F_CPO, SRC (INBOUND), NULL,
                  55, 24, 24, "call", "Discovery call; they will come back after their board meeting.", 60, -1, NULL, 1, { 3, 3, 4, 3 } },
  [D_KEEL] = { A_KEEL, "Claims payouts", S (DISCOVERY), S (DISCOVERY), 30, F_CPO, SRC (WARM_INTRO), "Sofia Lindqvist (angel investor)",
               45, 15, WEEK (1), "call", "Discovery call with their claims lead: 11-day payout cycle is the pain.", 60, -1, NULL, 1, { 3, 4, 4, 3 } },
  [D_UMBER] = { A_UMBER, "Marketplace payouts and FX", S (DISCOVERY), S (DISCOVERY), 34, F_CPO, SRC (FOUNDER_NETWORK), NULL,
                70, 40, 40, "call", "They are replatforming checkout; agreed to pause until January.", 90, -1, NULL, 1, { 3, 3, 4, 3 } },
  [D_NORTHSTAR] = { A_NORTHSTAR, "Cash accounts for investors", S (DISCOVERY), S (DISCOVERY), 65, F_CEO, SRC (WARM_INTRO), "Elena Park (Seedcamp partner)",
                    50, 12, 5, NULL, NULL, 75, -1, NULL, 5, { 4, 4, 4, 4 } },
  [D_HARBOURLINE_CARDS] = { A_HARBOURLINE, "Card issuing cross-sell", S (DISCOVERY), S (DISCOVERY), 20, F_CEO, SRC (FOUNDER_NETWORK), NULL,
                            30, 10, 7, NULL, NULL, 50, -1, NULL, 0, { 4, 4, 3, 3 } },
  /* Qualified */
  [D_RIVERSTONE] = { A_RIVERSTONE, "Remittance FX", S (QUALIFIED), S (QUALIFIED), 28, F_CPO, SRC (PROVIDER_REFERRAL), "Helix FX",
                     35, 20, 9, NULL, NULL, 100, -1, NULL, 4, { 3, 4, 3, 3 } },
  [D_VERDANT] = { A_VERDANT, "Tuition payments", S (QUALIFIED), S (QUALIFIED), 15, F_CTO, SRC (INBOUND), NULL,
                  40, 33, 33, "call", "Qualification call; budget decided in their next cycle.", 120, -1, NULL, 3, { 3, 3, 3, 3 } },
  [D_YARROW] = { A_YARROW, "Expense cards", S (QUALIFIED), S (QUALIFIED), 22, F_CTO, SRC (CONFERENCE), NULL,
                 28, 14, 13, NULL, NULL, 110, -1, NULL, 0, { 3, 4, 4, 3 } },
  [D_ZEPHYR] = { A_ZEPHYR, "Instant payouts", S (QUALIFIED), S (QUALIFIED), 24, F_CPO, SRC (FOUNDER_NETWORK), NULL,
                 25, 8, 8, NULL, NULL, 105, -1, NULL, 1, { 3, 3, 4, 4 } },
  [D_MARIGOLD] = { A_MARIGOLD, "Design-partner evaluation", S (QUALIFIED), S (QUALIFIED), 20, F_CEO, SRC (WARM_INTRO), "Victor Osei (Crestmark Invest)",
                   38, 18, 12, NULL, NULL, 120, -1, NULL, 2, { 3, 3, 4, 2 } },
  /* Lead */
  [D_OPAL] = { A_OPAL, "Card programme", S (LEAD), S (LEAD), 30, F_CEO, SRC (CONFERENCE), NULL,
               12, 12, 10, NULL, NULL, 150, -1, NULL, -1, { 0, 0, 0, 0 } },
  [D_INKWELL] = { A_INKWELL, "Invoice payments", S (LEAD), S (LEAD), 18, F_CPO, SRC (INBOUND), NULL,
                  9, 9, 9, NULL, NULL, 150, -1, NULL, -1, { 0, 0, 0, 0 } },
  [D_CEDAR] = { A_CEDAR, "Member onboarding KYC", S (LEAD), S (LEAD), 12, F_CTO, SRC (FOUNDER_NETWORK), NULL,
                20, 20, 14, NULL, NULL, 160, -1, NULL, -1, { 0, 0, 0, 0 } },
  [D_SOLSTICE] = { A_SOLSTICE, "Cards and KYC", S (LEAD), S (LEAD), 40, F_CEO, SRC (WARM_INTRO), "Hannah Cole (Brightwell Money)",
                   WEEK (0), WEEK (0), WEEK (0), NULL, NULL, 150, -1, NULL, -1, { 0, 0, 0, 0 } },
  [D_TERN] = { A_TERN, "Carrier payouts", S (LEAD), S (LEAD), 25, F_CPO, SRC (INBOUND), NULL,
               WEEK (1), WEEK (1), WEEK (1), NULL, NULL, 150, -1, NULL, -1, { 0, 0, 0, 0 } },
  [D_VIREO] = { A_VIREO, "Patient financing KYC", S (LEAD), S (LEAD), 20, F_CTO, SRC (CONFERENCE), NULL,
                WEEK (2), WEEK (2), WEEK (2), NULL, NULL, 150, -1, NULL, -1, { 0, 0, 0, 0 } },
};

#undef S
#undef SRC

static const struct {
  int         deal;
  const char *reason;
  int         until_in;
} sample_paused[] = {
  { D_UMBER, "Replatforming their checkout until the new year.", 35 },
};

/* The deal scored three times as it matured (history of scorings). */
static const struct {
  int          deal;
  int          ago;
  TractionBant bant;
  const char  *need_note;
} sample_rescores[] = {
  { D_FINCH, 104, { 2, 2, 3, 3 }, "Interested, but cards were a next-year idea." },
  { D_FINCH, 78, { 3, 3, 4, 3 }, "Premium plan needs cards; budget exists." },
};

static const struct {
  int         stage;   /* TractionStage the touchpoint is about */
  const char *kind;
  const char *summary[2];
} sample_stage_touches[] = {
  { TRACTION_STAGE_LEAD, "email",
    { "First reply: interested, asked for the product overview.",
      "Intro email with the one-pager; they answered the same day." } },
  { TRACTION_STAGE_QUALIFIED, "call",
    { "Qualification call: confirmed the budget owner and go-live window.",
      "BANT call with their Head of Product; buyer identified." } },
  { TRACTION_STAGE_DISCOVERY, "meeting",
    { "Discovery meeting with product and engineering; mapped their provider stack.",
      "Discovery session: walked through their onboarding funnel and pain points." } },
  { TRACTION_STAGE_PROPOSAL, "email",
    { "Sent proposal with rate card, timeline and integration scope.",
      "Proposal and sandbox access sent; pricing based on forecast volume." } },
  { TRACTION_STAGE_NEGOTIATION, "call",
    { "Terms call: redlines on liability cap and SLA credits.",
      "Negotiation call with their CFO; agreed payment terms in principle." } },
  { TRACTION_STAGE_WON, "meeting",
    { "Contract signed; kickoff booked with their engineering lead.",
      "Signed order form; onboarding starts next week." } },
  { TRACTION_STAGE_LOST, "call",
    { "Told us they are going another way; asked to stay in touch.",
      "Closing call: decision explained, door left open for next year." } },
};

static const struct {
  const char *summary[3];
} sample_follow_touches = {
  { "Followed up with answers to their security questions.",
    "Shared a client reference and the integration guide.",
    "Checked in on their internal review; next call agreed." },
};

static const struct {
  int         deal;        /* -1: about a client account */
  int         account;     /* used when deal < 0 */
  const char *action;
  int         owner;
  int         due_in;      /* days from today; negative = overdue */
  int         done_ago;    /* -1 not done */
} sample_next_steps[] = {
  { D_NIMBUS, 0, "Send the final order form with the SLA schedule", F_CEO, 0, -1 },
  { D_NIMBUS, 0, "Return redlines to their counsel", F_CEO, -6, 5 },
  { D_TIDEWATER, 0, "Confirm corridor pricing with Helix FX", F_CEO, -2, -1 },
  { D_MAPLE, 0, "Answer their CISO's security questionnaire", F_CTO, 3, -1 },
  { D_LODESTAR, 0, "Walk their COO through the savings launch plan", F_CEO, 5, -1 },
  { D_GLACIER, 0, "Check in after their budget committee", F_CEO, -9, -1 },
  { D_QUARRY, 0, "Share the Swiftline payout country list", F_CPO, 0, -1 },
  { D_FINCH, 0, "Send sandbox keys to their mobile team", F_CTO, 1, -1 },
  { D_AURORA, 0, "Book a technical deep-dive with their CTO", F_CEO, 4, -1 },
  { D_KEEL, 0, "Send the claims-payout reference architecture", F_CPO, -1, -1 },
  { D_NORTHSTAR, 0, "Intro call with Meridian Bank about virtual accounts", F_CEO, 9, -1 },
  { D_HARBOURLINE_CARDS, 0, "Send the card programme overview", F_CEO, -12, 12 },
  { D_RIVERSTONE, 0, "Schedule the discovery call", F_CPO, 2, -1 },
  { D_YARROW, 0, "Schedule discovery within two weeks", F_CTO, 1, -1 },
  { D_ZEPHYR, 0, "Send the payouts one-pager", F_CPO, 0, -1 },
  { D_OPAL, 0, "Qualification call", F_CEO, 3, -1 },
  { D_SOLSTICE, 0, "Reply to the introduction and book a first call", F_CEO, 0, -1 },
  { -1, A_LUMIO, "Renewal risk call with Lumio's CFO", F_CEO, 1, -1 },
  { -1, A_SABLE, "Post-mortem of the P1 incident with Sable Card", F_CTO, -1, -1 },
  { -1, A_TANDEM, "Send the renewal order form", F_CEO, 3, -1 },
  { -1, A_JUNIPER, "Ask Crestmark's CEO for a warm line to Juniper's COO", F_CEO, -2, -1 },
};

static const struct {
  int         deal;
  int         objection;   /* position in the objections table */
  int         ago;
  const char *note;
} sample_deal_objections[] = {
  { D_LODESTAR, 4, 18, "Compared us with their bank's flat fee." },
  { D_NIMBUS, 1, 40, "Happy with their gateway for cards; payouts is the gap." },
  { D_GLACIER, 3, 30, "Wants two live private-banking references." },
  { D_HERON, 0, 120, "Their engineers built SEPA payouts before." },
  { D_AURORA, 2, 21, "Asked how the sponsor bank setup affects their licence." },
  { D_PINECREST, 5, 45, "Virtual accounts are a launch blocker for them." },
  { D_MARIGOLD, 3, 14, "Board wants to see credit-union references." },
};

static const struct {
  const char *kind;
  const char *title;
  int         owner;
  const char *status;
  int         updated_ago;
} sample_assets[] = {
  { "one_pager", "Northwind Rails one-pager", F_CEO, "ready", 12 },
  { "pitch_deck", "Sales deck (11 slides)", F_CEO, "ready", 20 },
  { "demo_script", "Sandbox demo script", F_CPO, "ready", 8 },
  { "rate_card", "Pricing rate card", F_CEO, "needs_update", 47 },
  { "case_study", "Case study: Brightwell Money", F_CEO, "published", 25 },
  { "integration_guide", "Technical integration guide", F_CTO, "ready", 16 },
  { "battlecard", "Battlecard: building in-house", F_CPO, "draft", 5 },
};

static const struct {
  const char *pain;
  int         product;
  const char *capability;
  const char *proof_kind;
  const char *proof;
  int         asset;       /* index in sample_assets, -1 none */
  int         minutes;
} sample_demo_items[] = {
  { "Their ledger breaks with every new product", P_PAYMENTS,
    "Double-entry ledger events on every payment", "metric",
    "Brightwell Money reconciles 40K payments a day automatically", -1, 12 },
  { "Reconciliation is manual", P_PAYOUTS, "Daily reconciliation reports per account",
    "case_study", "Brightwell Money case study", 4, 10 },
  { "Savings launch slipped twice", P_KYC, "Onboarding with KYC in minutes",
    "reference", "Cobalt Wallet went live in 26 days", -1, 10 },
  { "The board asks for a date", P_VACCOUNTS, "Virtual accounts roadmap and launch plan",
    "", "", -1, 8 },
};

/* Design partners. */
typedef struct {
  int         account;
  int         deal;          /* -1 none */
  int         scores[5];
  const char *status;
  const char *evaluation_stage;
  const char *go_no_go;
  int         discount;
  gboolean    early, term, reference;
  int         term_months;   /* 0 = none */
  int         contact;
  int         milestone_done[TRACTION_N_MILESTONES]; /* day after start, -1 not done */
  const char *notes;
} SamplePartner;

static const SamplePartner sample_partners[] = {
  { A_BRIGHTWELL, -1, { 5, 5, 5, 5, 5 }, "converted", "negotiate", "go", 30, TRUE, TRUE, TRUE, 24, F_CEO,
    { 6, 24, 51, 84, 170 }, "First design partner; renewed at full price after six months." },
  { A_COBALT, D_COBALT, { 5, 4, 5, 4, 4 }, "active", "negotiate", "go", 25, TRUE, FALSE, TRUE, 12, F_CEO,
    { 5, 22, 48, 88, -1 }, "Cards and KYC; the fastest integration so far." },
  { A_PENNANT, D_PENNANT, { 4, 4, 4, 5, 4 }, "active", "negotiate", "go", 40, TRUE, TRUE, FALSE, 24, F_CPO,
    { 9, 33, -1, -1, -1 }, "Production launch slipped: their payouts compliance review is still open." },
  { A_MARIGOLD, D_MARIGOLD, { 3, 3, 2, 4, 3 }, "evaluating", "scope", "", 0, FALSE, FALSE, FALSE, 0, F_CEO,
    { -1, -1, -1, -1, -1 }, "Scores 15/25: no engineering capacity before spring." },
};

static const char * const sample_they_get[] = {
  "Discount on standard pricing for 6 months",
  "Dedicated Slack channel with the founders",
  "Priority bug fixes and feature requests",
  "Early access to new products and API endpoints",
  "Co-branded announcement at launch",
};

static const char * const sample_we_get[] = {
  "Permission to use their logo on the website and materials",
  "Written case study within 90 days of go-live",
  "Quarterly product feedback session (60 min)",
  "Public testimonial or quote for sales enablement",
  "Reference calls for 2-3 qualified prospects a quarter",
};

static const struct {
  const char *name;
  const char *target;
  int         day;
} sample_partner_metrics[] = {
  { "Time to first API call", "< 1 day", 7 },
  { "Time to production", "< 30 days", 30 },
  { "Monthly transaction volume", "> $250K by month 3", 90 },
  { "Product feedback sessions", "2+ in first 90 days", 90 },
  { "Case study published", "1", 90 },
  { "NPS score", ">= 8", 90 },
  { "Expansion to a second product", "Yes", 180 },
};

static const struct {
  int         partner;     /* sample_partners index */
  const char *kind;
  const char *title;
  const char *request_key;
  const char *tags;
  int         ago;
  const char *status;
} sample_feedback[] = {
  { 0, "feature_request", "Configurable webhook retry policy", "webhook-retry-policy", "webhooks,reliability", 140, "planned" },
  { 0, "bug", "Card freeze webhook sent twice", "", "cards,webhooks", 60, "done" },
  { 1, "feature_request", "Webhook retries per endpoint with backoff", "webhook-retry-policy", "webhooks", 35, "planned" },
  { 1, "gap", "No spending limits per merchant category", "card-mcc-limits", "cards", 20, "open" },
  { 2, "feature_request", "Bulk payouts from a CSV upload", "bulk-payouts-csv", "payouts", 30, "open" },
  { 2, "bug", "Sandbox payout status stuck on pending", "", "payouts,sandbox", 12, "open" },
};

/* Gates done (partner, stage, item, days ago). */
static const struct {
  int         partner;
  const char *stage;
  int         item;
  int         ago;
} sample_gates[] = {
  { 2, "discovery", 0, 140 }, { 2, "discovery", 1, 135 }, { 2, "scope", 0, 125 },
  { 2, "validate", 0, 110 }, { 2, "negotiate", 0, 90 }, { 2, "paper", 0, 100 },
  { 2, "paper", 1, 92 }, { 2, "paper", 2, 85 },
  { 3, "discovery", 0, 30 }, { 3, "discovery", 1, 20 },
};

static const char * const sample_close_notes[] = {
  "Budget for next year went to their core banking migration.",
  "Timing: their launch moved out by two quarters.",
  "Chose a competitor that bundled cards with their processor.",
  "Their engineering team built it in-house.",
  "No decision after three months; champion left.",
  "Needed virtual accounts now; ours are not ready.",
};

#define N_MAX_REFERENCE 16

typedef struct {
  TractionStore *store;
  GDate          today;
  GDate          week_start;
  TractionRules  rules;
  GRand         *rand;
  gint64         founders[N_FOUNDERS];
  gint64         products[N_PRODUCTS];
  gint64         providers[N_PROVIDERS];
  gint64         accounts[N_ACCOUNTS];
  gint64         contacts[N_ACCOUNTS];      /* first contact (champion) */
  gint64         deals[N_DEALS];
  gint64         assets[G_N_ELEMENTS (sample_assets)];
  gint64         loss_reasons[N_MAX_REFERENCE];
  guint          n_loss_reasons;
  gint64         objections[N_MAX_REFERENCE];
  guint          n_objections;
  gint64         spin_questions[4][N_MAX_REFERENCE];
  guint          n_spin_questions[4];
  gint64         quarter_cents;             /* open pipeline closing this quarter */
} Loader;

/* Days ago of a table value: WEEK (n) is n days ago but not before Monday. */
static int
days_ago (const Loader *l,
          int           value)
{
  if (value <= -1)
    {
      int n = -1 - value;
      int since_monday = g_date_days_between (&l->week_start, &l->today);

      return MIN (n, since_monday);
    }
  return value;
}

static void
date_ago (const Loader *l,
          int           value,
          GDate        *out)
{
  traction_sample_day (&l->today, -days_ago (l, value), out);
}

static gboolean
load_ids (Loader      *l,
          const char  *sql,
          gint64      *ids,
          guint       *n_ids,
          GError     **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (l->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *n_ids = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (*n_ids < N_MAX_REFERENCE)
      ids[(*n_ids)++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (l->store), rc,
                                     _("Could not read the default lists"));
  return TRUE;
}

static gboolean
load_reference (Loader  *l,
                GError **error)
{
  static const char * const phases[4] = { "situation", "problem", "implication", "need_payoff" };

  if (!load_ids (l, "SELECT id FROM loss_reasons ORDER BY position, id",
                 l->loss_reasons, &l->n_loss_reasons, error) ||
      !load_ids (l, "SELECT id FROM objections ORDER BY position, id",
                 l->objections, &l->n_objections, error))
    return FALSE;

  for (guint p = 0; p < 4; p++)
    {
      sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                   "SELECT id FROM spin_questions WHERE phase = ?1"
                                                   " ORDER BY position, id",
                                                   error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, phases[p]);
      l->n_spin_questions[p] = 0;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (l->n_spin_questions[p] < N_MAX_REFERENCE)
          l->spin_questions[p][l->n_spin_questions[p]++] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return traction_store_set_error (error, traction_store_get_db (l->store), rc,
                                         _("Could not read the default lists"));
    }

  if (l->n_loss_reasons < G_N_ELEMENTS (sample_close_notes) || l->n_objections < 6)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_FAILED,
                   _("The database lacks its default loss reasons and objections."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_company (Loader  *l,
              GError **error)
{
  for (guint i = 0; i < N_FOUNDERS; i++)
    if ((l->founders[i] = traction_sample_insert_founder (l->store, sample_founders[i].name,
                                                          sample_founders[i].role,
                                                          sample_founders[i].email,
                                                          (int) i, error)) == 0)
      return FALSE;

  for (guint i = 0; i < N_PRODUCTS; i++)
    if ((l->products[i] = traction_sample_insert_product (l->store, sample_products[i].name,
                                                          sample_products[i].description,
                                                          (int) i, error)) == 0)
      return FALSE;

  for (guint i = 0; i < N_PROVIDERS; i++)
    if ((l->providers[i] = traction_sample_insert_provider (l->store, sample_providers[i].name,
                                                           sample_providers[i].status,
                                                           sample_providers[i].contact,
                                                           sample_providers[i].notes,
                                                           error)) == 0)
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_coverage); i++)
    if (!traction_sample_add_coverage (l->store, l->products[sample_coverage[i].product],
                                       l->providers[sample_coverage[i].provider],
                                       sample_coverage[i].role, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_reviews); i++)
    {
      const SampleReview *r = &sample_reviews[i];
      sqlite3_stmt *stmt;
      GDate day;

      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO provider_reviews (provider_id, reviewed_on, reliability,"
                                     " pricing, exclusivity, integration_maturity, support, regulatory,"
                                     " dependency_risk, relationship, reliability_note, pricing_note,"
                                     " dependency_note, action_items)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      date_ago (l, r->ago, &day);
      sqlite3_bind_int64 (stmt, 1, l->providers[r->provider]);
      traction_bind_date (stmt, 2, &day);
      sqlite3_bind_int (stmt, 3, r->reliability);
      sqlite3_bind_int (stmt, 4, r->pricing);
      traction_bind_text (stmt, 5, r->exclusivity);
      sqlite3_bind_int (stmt, 6, r->integration);
      sqlite3_bind_int (stmt, 7, r->support);
      sqlite3_bind_int (stmt, 8, r->regulatory);
      sqlite3_bind_int (stmt, 9, r->dependency);
      sqlite3_bind_int (stmt, 10, r->relationship);
      traction_bind_text (stmt, 11, r->reliability_note);
      traction_bind_text (stmt, 12, r->pricing_note);
      traction_bind_text (stmt, 13, r->dependency_note);
      traction_bind_text (stmt, 14, r->action_items);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_mitigations); i++)
    {
      sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                   "INSERT INTO provider_mitigations (provider_id, item,"
                                                   " done_on, position) VALUES (?1, ?2, ?3, ?4)",
                                                   error);
      GDate done;

      if (stmt == NULL)
        return FALSE;
      g_date_clear (&done, 1);
      if (sample_mitigations[i].done_ago >= 0)
        date_ago (l, sample_mitigations[i].done_ago, &done);
      sqlite3_bind_int64 (stmt, 1, l->providers[V_MERIDIAN]);
      traction_bind_text (stmt, 2, sample_mitigations[i].item);
      traction_bind_date (stmt, 3, &done);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static const char * const first_names[] = {
  "Hannah", "Victor", "Amara", "Lukas", "Sofia", "Rahul", "Chloe", "Mateo", "Ingrid", "Kwame",
  "Yuki", "Olivia", "Tomasz", "Leila", "Grace", "Arjun", "Beatriz", "Niklas", "Fatima", "Owen",
  "Mei", "Samuel", "Elif", "Jonah", "Camille", "Ravi", "Zoe", "Pedro", "Anya", "Felix",
};

static const char * const last_names[] = {
  "Cole", "Osei", "Nwosu", "Becker", "Rossi", "Mehta", "Dubois", "Alvarez", "Larsen", "Mensah",
  "Tanaka", "Hughes", "Nowak", "Haddad", "Brennan", "Kapoor", "Santos", "Vogel", "Rahman", "Pryce",
  "Chen", "Adeyemi", "Yilmaz", "Fischer", "Moreau", "Iyer", "Kowalski", "Duarte", "Petrova", "Lindqvist",
};

static const struct {
  const char *role;
  const char *titles[3];
} contact_roles[] = {
  { "champion", { "Head of Product", "VP Payments", "Head of Partnerships" } },
  { "economic_buyer", { "CFO", "CEO", "COO" } },
  { "technical", { "Head of Engineering", "CTO", "Lead Platform Engineer" } },
};

static gboolean
load_accounts (Loader  *l,
               GError **error)
{
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      const SampleAccountRow *row = &sample_accounts[i];
      TractionSampleAccount account = {
        row->name, row->domain, row->tier, row->geography, row->size, row->providers,
        l->founders[row->owner], NULL,
      };
      guint n_contacts = i % 3 == 2 ? 2 : 3;
      int created = 0;
      GDate day;

      /* Created before the account's first deal, and before a client's start. */
      for (guint d = 0; d < N_DEALS; d++)
        if (sample_deals[d].account == (int) i)
          created = MAX (created, days_ago (l, sample_deals[d].created_ago));
      if (i < N_CLIENTS)
        created = MAX (created, sample_clients[i].start_ago + 45);
      date_ago (l, created, &day);

      if ((l->accounts[i] = traction_sample_insert_account (l->store, &account, &day, error)) == 0)
        return FALSE;

      for (guint k = 0; k < n_contacts; k++)
        {
          const char *first = first_names[(i * 3 + k * 7) % G_N_ELEMENTS (first_names)];
          const char *last = last_names[(i * 5 + k * 11) % G_N_ELEMENTS (last_names)];
          g_autofree char *name = g_strdup_printf ("%s %s", first, last);
          g_autofree char *local = g_ascii_strdown (first, -1);
          g_autofree char *email = g_strdup_printf ("%s@%s", local, row->domain);
          gint64 id;

          id = traction_sample_insert_contact (l->store, l->accounts[i], name,
                                               contact_roles[k].titles[i % 3], email,
                                               contact_roles[k].role, error);
          if (id == 0)
            return FALSE;
          if (k == 0)
            l->contacts[i] = id;
        }
    }

  return TRUE;
}

/* Client revenue, usage and health */

typedef struct {
  GDate            date;
  TractionMoveKind kind;
  gint64           cents;
  int              product;
} ClientMove;

static gint64
arr_at (const ClientMove *moves,
        guint             n,
        const GDate      *date)
{
  gint64 arr = 0;

  for (guint i = 0; i < n; i++)
    if (g_date_compare (&moves[i].date, date) <= 0)
      arr += traction_move_delta (moves[i].kind, moves[i].cents);
  return arr;
}

static gint64
founder_for_role (const Loader *l,
                  const char   *owner_role,
                  gint64        fallback)
{
  /* "CTO + CPO": the first role named owns the alert. */
  for (const char *p = owner_role; p != NULL && *p != '\0'; p++)
    for (guint f = 0; f < N_FOUNDERS; f++)
      if (g_str_has_prefix (p, sample_founders[f].role))
        return l->founders[f];
  return fallback;
}

static gboolean
add_alert (Loader            *l,
           guint              client,
           TractionAlertKind  kind,
           const GDate       *month,
           GError           **error)
{
  g_autoptr(GDateTime) raised = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *raised_at = NULL;
  g_autofree char *due_at = NULL;
  sqlite3_stmt *stmt;

  raised = g_date_time_new_utc (g_date_get_year (&l->today), g_date_get_month (&l->today),
                                g_date_get_day (&l->today), 8, 0, 0);
  due = g_date_time_add_hours (raised, traction_alert_due_hours (kind));
  raised_at = g_date_time_format (raised, "%Y-%m-%dT%H:%M:%SZ");
  due_at = g_date_time_format (due, "%Y-%m-%dT%H:%M:%SZ");

  stmt = traction_store_prepare (l->store,
                                 "INSERT INTO alerts (account_id, kind, source_month, raised_at, due_at,"
                                 " owner_id, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open')",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, l->accounts[client]);
  traction_bind_text (stmt, 2, traction_alert_kind_to_id (kind));
  traction_bind_date (stmt, 3, month);
  traction_bind_text (stmt, 4, raised_at);
  traction_bind_text (stmt, 5, due_at);
  bind_id (stmt, 6, founder_for_role (l, traction_alert_owner_role (kind),
                                      l->founders[sample_accounts[client].owner]));
  return step_insert (l->store, stmt, error) != 0;
}

static gboolean
add_survey (Loader      *l,
            guint        client,
            const GDate *day,
            const char  *kind,
            int          score,
            const char  *comment,
            GError     **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                               "INSERT INTO survey_responses (account_id, answered_on, kind,"
                                               " score, comment) VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, l->accounts[client]);
  traction_bind_date (stmt, 2, day);
  traction_bind_text (stmt, 3, kind);
  sqlite3_bind_int (stmt, 4, score);
  traction_bind_text (stmt, 5, comment != NULL ? comment : "");
  return step_insert (l->store, stmt, error) != 0;
}

static int
months_between (const GDate *from,
                const GDate *to)
{
  return ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
         ((int) g_date_get_month (to) - (int) g_date_get_month (from));
}

#define N_HISTORY_MONTHS 18

static gboolean
load_client_usage (Loader            *l,
                   guint              c,
                   const ClientMove  *moves,
                   guint              n_moves,
                   const GDate       *start,
                   GError           **error)
{
  const SampleClient *client = &sample_clients[c];
  static const double at_risk_volume[4] = { 0.42, 0.70, 0.88, 1.0 };
  TractionUsageMonth previous;
  gboolean have_previous = FALSE;
  GDate active_since = *start;
  int last_nps = -1;

  for (guint i = 0; i < n_moves; i++)
    if (moves[i].kind == TRACTION_MOVE_REACTIVATION)
      active_since = moves[i].date;

  for (int mb = N_HISTORY_MONTHS - 1; mb >= 0; mb--)
    {
      TractionUsageMonth usage;
      TractionHealthInput input;
      GDate m_start, m_end, day;
      gint64 arr;
      double volume;
      int k, n_products = 0, feedback = client->feedback, nps = -1;
      char scored_at[32];
      /* The same draws every month, whatever the shape. */
      double noise = g_rand_double_range (l->rand, 0.97, 1.03);
      int p2_roll = g_rand_int_range (l->rand, 0, 100);
      int p3 = g_rand_int_range (l->rand, 0, 3);
      int p4 = g_rand_int_range (l->rand, 0, 4);
      int response_gap = g_rand_int_range (l->rand, 1, 5);
      int nps_jitter = g_rand_int_range (l->rand, -1, 2);

      traction_sample_month_start (&l->today, mb, &m_start);
      if (mb == 0)
        m_end = l->today;
      else
        {
          traction_sample_month_start (&l->today, mb - 1, &m_end);
          g_date_subtract_days (&m_end, 1);
        }

      arr = arr_at (moves, n_moves, &m_end);
      if (arr <= 0 || g_date_compare (start, &m_end) > 0)
        {
          have_previous = FALSE;
          continue;
        }

      k = MAX (0, months_between (g_date_compare (&active_since, &m_end) <= 0 ? &active_since : start, &m_start));
      volume = (double) (arr / 10) * client->fit_pct / 100.0;
      volume *= k == 0 ? 0.35 : k == 1 ? 0.7 : k == 2 ? 0.9 : 1.0;
      volume *= 1.0 + client->growth * MIN (k, 8) / 1000.0;
      volume *= noise;

      memset (&usage, 0, sizeof usage);
      usage.plan_volume = arr / 10;
      usage.tickets[0] = 0;
      usage.tickets[1] = mb > 0 && p2_roll < 6 ? 1 : 0;
      usage.tickets[2] = p3;
      usage.tickets[3] = p4;
      usage.last_api_call = mb == 0 ? l->today : m_end;
      traction_sample_day (&m_end, -response_gap, &usage.last_response);

      switch (client->shape)
        {
        case SHAPE_AT_RISK:
          if (mb <= 3)
            volume *= at_risk_volume[mb];
          if (mb <= 2)
            {
              static const int gap[3] = { 12, 11, 7 };
              static const int feedback_drop[3] = { 2, 2, 1 };

              traction_sample_day (&m_end, -gap[mb], &usage.last_response);
              feedback -= feedback_drop[mb];
              usage.tickets[2] = mb == 2 ? 2 : 3;
              usage.tickets[3] = mb + 1;
              usage.tickets[1] = mb <= 1 ? 1 : 0;
            }
          break;
        case SHAPE_CHURNED:
          {
            GDate churn = moves[n_moves - 1].date;
            int until = g_date_days_between (&m_end, &churn);

            if (until > 0 && until <= 31)
              volume *= 0.6;
            else if (until > 31 && until <= 62)
              volume *= 0.8;
          }
          break;
        case SHAPE_NO_CALLS:
          if (mb == 0)
            traction_sample_day (&l->today, -9, &usage.last_api_call);
          break;
        case SHAPE_SEVERE:
          if (mb == 0)
            {
              usage.tickets[0] = 1;
              usage.tickets[2] = 2;
            }
          break;
        case SHAPE_DARK:
          if (mb == 0)
            traction_sample_day (&l->today, -17, &usage.last_response);
          else if (mb == 1)
            traction_sample_day (&m_end, -10, &usage.last_response);
          break;
        case SHAPE_STEADY:
        case SHAPE_REACTIVATED:
        default:
          break;
        }
      usage.api_volume = (gint64) volume;
      usage.nps = -1;

      /* NPS every quarter; CSAT twice a year. */
      traction_sample_day (&m_start, 14, &day);
      if (g_date_compare (&day, &l->today) > 0)
        traction_sample_day (&l->today, -2, &day);
      if (mb % 3 == 1 || (client->shape == SHAPE_AT_RISK && mb == 0))
        {
          const char *comment = NULL;

          nps = CLAMP (client->nps + nps_jitter, 0, 10);
          if (client->shape == SHAPE_AT_RISK && mb <= 4)
            {
              nps = mb == 4 ? 8 : mb == 1 ? 6 : 5;
              comment = mb == 0 ? "Migration to the new app broke our card flows; support was slow."
                                : mb == 1 ? "Two outages this quarter hurt us." : NULL;
            }
          else if (nps >= 9 && mb == 1)
            comment = "One API for everything saves us weeks.";
          if (!add_survey (l, c, &day, "nps", nps, comment, error))
            return FALSE;
          usage.nps = nps;
          last_nps = nps;
        }
      if (mb == 2 || mb == 8)
        {
          int csat = client->shape == SHAPE_AT_RISK && mb == 2 ? 3 : 4 + (p4 % 2);

          if (!add_survey (l, c, &day, "csat", csat, NULL, error))
            return FALSE;
        }

      if (!traction_sample_add_usage_month (l->store, l->accounts[c], &m_start, &usage, error))
        return FALSE;

      for (guint p = 0; p < N_PRODUCTS; p++)
        if (client->products & (1u << p))
          n_products++;
      for (guint i = 0; i < n_moves; i++)
        if (moves[i].product >= 0 && g_date_compare (&moves[i].date, &m_end) <= 0)
          n_products++;

      traction_sample_health_input (have_previous ? &previous : NULL, &usage, n_products,
                                    last_nps, feedback, &m_end, &input);
      for (guint i = 0; i < n_moves; i++)
        {
          int ahead = g_date_days_between (&m_start, &moves[i].date);

          if (moves[i].kind == TRACTION_MOVE_EXPANSION_CROSS_SELL && ahead >= 0 && ahead < 90)
            input.signals[TRACTION_SIGNAL_NEW_PRODUCTS] = TRUE;
        }
      input.signals[TRACTION_SIGNAL_REFERRED] = client->referrer && mb <= 5;

      traction_sample_timestamp (&m_end, 17, 0, scored_at);
      if (!traction_sample_add_health (l->store, &l->rules, l->accounts[c], &m_start,
                                       l->founders[sample_accounts[c].owner], scored_at, &input,
                                       client->shape == SHAPE_AT_RISK && mb == 0
                                         ? "Volume fell sharply after their app migration; CFO not answering."
                                         : NULL,
                                       NULL, error))
        return FALSE;

      if (mb == 0)
        {
          gboolean fired[TRACTION_N_ALERT_KINDS];
          static const char * const check_ins[] = {
            "Monthly check-in: usage summary and open tickets reviewed.",
            "Shared the monthly usage report; they confirmed next month's forecast.",
            "Answered a question about webhook signatures.",
            "Sent release notes for the new dashboard; they asked for a walkthrough.",
          };
          const char *summary = client->shape == SHAPE_DARK
            ? "Sent the monthly usage summary and asked for a call; no reply yet."
            : client->shape == SHAPE_AT_RISK
            ? "Their CFO answered briefly: volumes are down while they migrate their app."
            : check_ins[c % G_N_ELEMENTS (check_ins)];

          traction_alerts_evaluate (have_previous ? &previous : NULL, &usage, &l->rules, &l->today, fired);
          for (guint kind = 0; kind < TRACTION_N_ALERT_KINDS; kind++)
            if (fired[kind] && !add_alert (l, c, (TractionAlertKind) kind, &m_start, error))
              return FALSE;

          if (!traction_sample_add_touchpoint (l->store, l->accounts[c], 0, l->contacts[c], "email",
                                               &usage.last_response, summary, error))
            return FALSE;
        }

      previous = usage;
      have_previous = TRUE;
    }

  return TRUE;
}

static gboolean
load_clients (Loader  *l,
              GError **error)
{
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      const SampleClient *client = &sample_clients[c];
      ClientMove moves[8];
      guint n_moves = 0;
      GDate start, contract_start, churn, day;
      gboolean churned = FALSE;

      date_ago (l, client->start_ago, &start);
      moves[n_moves++] = (ClientMove) { start, TRACTION_MOVE_NEW, (gint64) client->arr_k * 100000, -1 };
      if (!traction_sample_add_movement (l->store, l->accounts[c], &start, TRACTION_MOVE_NEW,
                                         (gint64) client->arr_k * 100000, "First contract.", error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sample_movements); i++)
        {
          if (sample_movements[i].client != (int) c)
            continue;
          g_assert (n_moves < G_N_ELEMENTS (moves));
          date_ago (l, sample_movements[i].ago, &day);
          moves[n_moves++] = (ClientMove) { day, sample_movements[i].kind,
                                            (gint64) sample_movements[i].amount_k * 100000,
                                            sample_movements[i].product };
          if (!traction_sample_add_movement (l->store, l->accounts[c], &day, sample_movements[i].kind,
                                             (gint64) sample_movements[i].amount_k * 100000,
                                             sample_movements[i].note, error))
            return FALSE;
          if (sample_movements[i].kind == TRACTION_MOVE_CHURN)
            {
              churn = day;
              churned = TRUE;
            }
        }

      /* Yearly contracts from the start until today or the churn. */
      contract_start = start;
      for (;;)
        {
          GDate renewal = contract_start;
          GDate last_day;
          gint64 arr;

          /* A contract carries the ARR of its last day (amended on upsells). */
          g_date_add_months (&renewal, 12);
          traction_sample_day (&renewal, -1, &last_day);
          if (g_date_compare (&last_day, &l->today) > 0)
            last_day = l->today;
          if (churned && g_date_compare (&churn, &contract_start) >= 0 && g_date_compare (&churn, &renewal) < 0)
            traction_sample_day (&churn, -1, &last_day);
          arr = arr_at (moves, n_moves, &last_day);
          if (churned && g_date_compare (&churn, &contract_start) >= 0 && g_date_compare (&churn, &renewal) < 0)
            {
              if (!traction_sample_add_contract (l->store, l->accounts[c], &contract_start, &renewal,
                                                 arr, "ended", "Ended early at churn.", error))
                return FALSE;
              break;
            }
          if (g_date_compare (&renewal, &l->today) <= 0)
            {
              if (!traction_sample_add_contract (l->store, l->accounts[c], &contract_start, &renewal,
                                                 arr, "renewed", "", error))
                return FALSE;
              contract_start = renewal;
              continue;
            }
          if (!traction_sample_add_contract (l->store, l->accounts[c], &contract_start, &renewal,
                                             arr, "active", "", error))
            return FALSE;
          break;
        }
      for (guint i = 0; i < n_moves; i++)
        if (moves[i].kind == TRACTION_MOVE_REACTIVATION)
          {
            GDate renewal = moves[i].date;

            g_date_add_months (&renewal, 12);
            if (!traction_sample_add_contract (l->store, l->accounts[c], &moves[i].date, &renewal,
                                               moves[i].cents, "active", "Relaunch contract.", error))
              return FALSE;
          }

      for (guint p = 0; p < N_PRODUCTS; p++)
        if ((client->products & (1u << p)) &&
            !traction_sample_add_account_product (l->store, l->accounts[c], l->products[p], &start, error))
          return FALSE;
      for (guint i = 0; i < n_moves; i++)
        if (moves[i].product >= 0 &&
            !traction_sample_add_account_product (l->store, l->accounts[c], l->products[moves[i].product],
                                                  &moves[i].date, error))
          return FALSE;

      traction_sample_day (&start, 3, &day);
      if (!traction_sample_add_touchpoint (l->store, l->accounts[c], 0, l->contacts[c], "meeting", &day,
                                           "Kickoff: sandbox keys, integration plan and success goals.",
                                           error))
        return FALSE;

      if (!load_client_usage (l, c, moves, n_moves, &start, error))
        return FALSE;
    }

  return TRUE;
}

/* Pipeline */

static const char *
touch_kind (const Loader *l,
            const char   *kind,
            const GDate  *day)
{
  /* Calls and meetings of this week are the explicit ones only, so the
   * weekly rhythm shows what the sample means it to. */
  if (g_date_days_between (day, &l->today) <= 6 &&
      (g_strcmp0 (kind, "call") == 0 || g_strcmp0 (kind, "meeting") == 0))
    return "email";
  return kind;
}

static gboolean
add_qualification (Loader              *l,
                   guint                d,
                   const GDate         *day,
                   const TractionBant  *bant,
                   const char          *need_note,
                   gboolean             full_spin,
                   GError             **error)
{
  const SampleDealRow *row = &sample_deals[d];
  const SampleSpin *spin = &sample_spin[row->spin];
  sqlite3_stmt *stmt;
  GDate follow_up;
  char scored_at[32];
  int total = 0, days;
  gint64 id;

  if (!traction_bant_total (bant, &total, error))
    return FALSE;
  days = traction_bant_follow_up_days (traction_bant_band (total, &l->rules), &l->rules);
  g_date_clear (&follow_up, 1);
  if (days > 0)
    traction_sample_day (day, days, &follow_up);

  stmt = traction_store_prepare (l->store,
                                 "INSERT INTO qualifications (deal_id, scored_at, qualified_by_id, framework,"
                                 " budget, authority, need, timeline, budget_note, authority_note, need_note,"
                                 " timeline_note, spin_situation, spin_problem, spin_implication,"
                                 " spin_need_payoff, estimated_arr_cents, integration_effort,"
                                 " providers_needed, follow_up_on)"
                                 " VALUES (?1, ?2, ?3, 'bant', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " ?14, ?15, ?16, ?17, ?18, ?19)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  traction_sample_timestamp (day, 15, 30, scored_at);
  sqlite3_bind_int64 (stmt, 1, l->deals[d]);
  traction_bind_text (stmt, 2, scored_at);
  bind_id (stmt, 3, l->founders[row->owner]);
  sqlite3_bind_int (stmt, 4, bant->budget);
  sqlite3_bind_int (stmt, 5, bant->authority);
  sqlite3_bind_int (stmt, 6, bant->need);
  sqlite3_bind_int (stmt, 7, bant->timeline);
  traction_bind_text (stmt, 8, spin->budget);
  traction_bind_text (stmt, 9, spin->authority);
  traction_bind_text (stmt, 10, need_note != NULL ? need_note : spin->need);
  traction_bind_text (stmt, 11, spin->timeline);
  traction_bind_text (stmt, 12, spin->situation);
  traction_bind_text (stmt, 13, spin->problem);
  traction_bind_text (stmt, 14, full_spin ? spin->implication : "");
  traction_bind_text (stmt, 15, full_spin ? spin->need_payoff : "");
  sqlite3_bind_int64 (stmt, 16, (gint64) row->arr_k * 100000);
  traction_bind_text (stmt, 17, spin->effort);
  traction_bind_text (stmt, 18, spin->providers);
  traction_bind_date (stmt, 19, &follow_up);
  if ((id = step_insert (l->store, stmt, error)) == 0)
    return FALSE;

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      if (!(spin->products & (1u << p)))
        continue;
      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO qualification_products (qualification_id, product_id)"
                                     " VALUES (?1, ?2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, l->products[p]);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_checklist (Loader       *l,
               guint         d,
               TractionStage stage,
               guint         n_items,
               const GDate  *day,
               GError      **error)
{
  const char * const *criteria = traction_stage_exit_criteria (stage);
  guint n = 0;

  while (criteria != NULL && criteria[n] != NULL)
    n++;

  for (guint i = 0; i < MIN (n, n_items); i++)
    {
      sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                   "INSERT INTO deal_checklist (deal_id, stage, item, done_on)"
                                                   " VALUES (?1, ?2, ?3, ?4)",
                                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, l->deals[d]);
      traction_bind_text (stmt, 2, traction_stage_to_id (stage));
      sqlite3_bind_int (stmt, 3, (int) i);
      traction_bind_date (stmt, 4, day);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_spin_asked (Loader      *l,
                guint        d,
                guint        n_phases,
                const GDate *day,
                GError     **error)
{
  for (guint p = 0; p < n_phases; p++)
    for (guint q = 0; q < l->n_spin_questions[p]; q++)
      {
        sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                     "INSERT INTO deal_spin_asked (deal_id, question_id, asked_on)"
                                                     " VALUES (?1, ?2, ?3)",
                                                     error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, l->deals[d]);
        sqlite3_bind_int64 (stmt, 2, l->spin_questions[p][q]);
        traction_bind_date (stmt, 3, day);
        if (step_insert (l->store, stmt, error) == 0)
          return FALSE;
      }
  return TRUE;
}

static gboolean
load_deal (Loader  *l,
           guint    d,
           GError **error)
{
  const SampleDealRow *row = &sample_deals[d];
  TractionSampleDeal deal = { 0 };
  TractionStage path[TRACTION_N_STAGES];
  GDate move_days[TRACTION_N_STAGES];
  guint n_path = 0;
  int created_ago = days_ago (l, row->created_ago);
  int entered_ago = days_ago (l, row->entered_ago);
  int last_ago = days_ago (l, row->last_ago);
  gboolean closed = !traction_stage_is_open (row->stage);
  g_autofree char *name = g_strdup_printf ("%s — %s", sample_accounts[row->account].name, row->what);
  g_autofree char *first_summary = NULL;
  gint64 account_id = l->accounts[row->account];
  gint64 contact_id = l->contacts[row->account];
  GDate last;
  char at[32];

  for (int s = TRACTION_STAGE_LEAD; s <= (int) row->reached && s <= TRACTION_STAGE_NEGOTIATION; s++)
    path[n_path++] = (TractionStage) s;
  if (row->stage == TRACTION_STAGE_WON || row->stage == TRACTION_STAGE_LOST)
    path[n_path++] = row->stage;

  date_ago (l, created_ago, &move_days[0]);
  for (guint j = 1; j < n_path; j++)
    date_ago (l, created_ago - (created_ago - entered_ago) * (int) j / (int) (n_path - 1), &move_days[j]);

  deal.account_id = account_id;
  deal.name = name;
  deal.stage = row->stage;
  deal.arr_cents = (gint64) row->arr_k * 100000;
  deal.owner_id = l->founders[row->owner];
  deal.source = row->source;
  deal.introduced_by = row->introduced_by;
  deal.created = move_days[0];
  g_date_clear (&deal.expected_close, 1);
  g_date_clear (&deal.closed, 1);
  g_date_clear (&deal.paused_until, 1);
  if (closed)
    {
      deal.closed = move_days[n_path - 1];
      deal.expected_close = deal.closed;
    }
  else if (row->close_in > 0)
    traction_sample_day (&l->today, row->close_in, &deal.expected_close);
  if (row->stage == TRACTION_STAGE_LOST)
    {
      deal.loss_reason_id = l->loss_reasons[row->loss_reason];
      deal.close_note = sample_close_notes[row->loss_reason];
    }
  deal.win_reason = row->win_reason;
  for (guint i = 0; i < G_N_ELEMENTS (sample_paused); i++)
    if (sample_paused[i].deal == (int) d)
      {
        deal.paused_reason = sample_paused[i].reason;
        traction_sample_day (&l->today, sample_paused[i].until_in, &deal.paused_until);
      }

  if ((l->deals[d] = traction_sample_insert_deal (l->store, &deal, error)) == 0)
    return FALSE;

  /* Stage history: creation, then every move. */
  traction_sample_timestamp (&move_days[0], 9, 0, at);
  if (!traction_sample_add_stage_change (l->store, l->deals[d], -1, TRACTION_STAGE_LEAD, at, NULL, error))
    return FALSE;
  for (guint j = 1; j < n_path; j++)
    {
      traction_sample_timestamp (&move_days[j], 10 + (int) j, 0, at);
      if (!traction_sample_add_stage_change (l->store, l->deals[d], path[j - 1], path[j], at,
                                             path[j] == TRACTION_STAGE_LOST ? sample_close_notes[row->loss_reason] : NULL,
                                             error))
        return FALSE;
      if (!add_checklist (l, d, path[j - 1], 8, &move_days[j], error))
        return FALSE;
    }
  if (!closed && n_path > 0 && !add_checklist (l, d, row->stage, 1, &move_days[n_path - 1], error))
    return FALSE;

  /* Touchpoints: the first contact, each move, and the latest follow-up. */
  switch (row->source)
    {
    case TRACTION_SOURCE_FOUNDER_NETWORK:
      first_summary = g_strdup ("Personal note through the founder network; they replied within a day.");
      break;
    case TRACTION_SOURCE_PROVIDER_REFERRAL:
      first_summary = g_strdup_printf ("Referral from %s; intro email sent.", row->introduced_by);
      break;
    case TRACTION_SOURCE_CONFERENCE:
      first_summary = g_strdup ("Met at a fintech conference; follow-up email with the one-pager.");
      break;
    case TRACTION_SOURCE_WARM_INTRO:
      first_summary = g_strdup_printf ("Warm introduction from %s.", row->introduced_by);
      break;
    case TRACTION_SOURCE_INBOUND:
    case TRACTION_N_SOURCES:
    default:
      first_summary = g_strdup ("Inbound demo request from the website.");
      break;
    }
  date_ago (l, last_ago, &last);
  {
    gboolean explicit_first = n_path == 1 && row->last_summary != NULL && last_ago == created_ago;

    if (!traction_sample_add_touchpoint (l->store, account_id, l->deals[d], contact_id,
                                         explicit_first ? row->last_kind : "email", &move_days[0],
                                         explicit_first ? row->last_summary : first_summary, error))
      return FALSE;
  }
  for (guint j = 1; j < n_path; j++)
    {
      gboolean explicit_move = j == n_path - 1 && row->last_summary != NULL && last_ago == entered_ago;
      const char *kind = sample_stage_touches[path[j]].kind;
      const char *summary = sample_stage_touches[path[j]].summary[d % 2];

      if (explicit_move)
        {
          kind = row->last_kind;
          summary = row->last_summary;
        }
      if (!traction_sample_add_touchpoint (l->store, account_id, l->deals[d], contact_id,
                                           explicit_move ? kind : touch_kind (l, kind, &move_days[j]),
                                           &move_days[j], summary, error))
        return FALSE;
    }
  if (!closed && last_ago < (n_path > 1 ? entered_ago : created_ago))
    {
      const char *kind = row->last_kind != NULL ? row->last_kind : (d % 2 == 0 ? "call" : "email");
      const char *summary = row->last_summary != NULL ? row->last_summary
                                                      : sample_follow_touches.summary[d % 3];

      if (row->last_kind == NULL)
        kind = touch_kind (l, kind, &last);
      if (!traction_sample_add_touchpoint (l->store, account_id, l->deals[d], contact_id,
                                           kind, &last, summary, error))
        return FALSE;
    }

  /* Qualification after the first substantive conversation. */
  if (row->spin >= 0 && n_path > 1)
    {
      const GDate *qualified_on = &move_days[1];
      gboolean rescored = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sample_rescores); i++)
        if (sample_rescores[i].deal == (int) d)
          {
            GDate day;

            date_ago (l, sample_rescores[i].ago, &day);
            if (!add_qualification (l, d, &day, &sample_rescores[i].bant, sample_rescores[i].need_note,
                                    FALSE, error))
              return FALSE;
            rescored = TRUE;
          }
      if (rescored)
        qualified_on = &move_days[n_path - 1];

      if (!add_qualification (l, d, qualified_on, &row->bant, NULL,
                              row->reached >= TRACTION_STAGE_DISCOVERY, error))
        return FALSE;

      if (row->reached >= TRACTION_STAGE_DISCOVERY &&
          !add_spin_asked (l, d, row->reached >= TRACTION_STAGE_PROPOSAL ? 4 : 2, &move_days[MIN (2, n_path - 1)], error))
        return FALSE;
    }

  if (!closed && !deal.paused_reason)
    {
      GDate q_start, q_end;

      traction_quarter_bounds (&l->today, l->rules.fiscal_year_start_month, &q_start, &q_end);
      if (!g_date_valid (&deal.expected_close) ||
          (g_date_compare (&deal.expected_close, &q_start) >= 0 && g_date_compare (&deal.expected_close, &q_end) < 0))
        l->quarter_cents += deal.arr_cents;
    }

  return TRUE;
}

static gboolean
load_pipeline (Loader  *l,
               GError **error)
{
  for (guint d = 0; d < N_DEALS; d++)
    if (!load_deal (l, d, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_next_steps); i++)
    {
      int deal = sample_next_steps[i].deal;
      int account = deal >= 0 ? sample_deals[deal].account : sample_next_steps[i].account;
      sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                   "INSERT INTO next_steps (account_id, deal_id, action,"
                                                   " owner_id, due_on, done_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                                   error);
      GDate due, done;

      if (stmt == NULL)
        return FALSE;
      traction_sample_day (&l->today, sample_next_steps[i].due_in, &due);
      g_date_clear (&done, 1);
      if (sample_next_steps[i].done_ago >= 0)
        date_ago (l, sample_next_steps[i].done_ago, &done);
      sqlite3_bind_int64 (stmt, 1, l->accounts[account]);
      bind_id (stmt, 2, deal >= 0 ? l->deals[deal] : 0);
      traction_bind_text (stmt, 3, sample_next_steps[i].action);
      bind_id (stmt, 4, l->founders[sample_next_steps[i].owner]);
      traction_bind_date (stmt, 5, &due);
      traction_bind_date (stmt, 6, &done);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_deal_objections); i++)
    {
      sqlite3_stmt *stmt = traction_store_prepare (l->store,
                                                   "INSERT INTO deal_objections (deal_id, objection_id,"
                                                   " raised_on, note) VALUES (?1, ?2, ?3, ?4)",
                                                   error);
      GDate day;

      if (stmt == NULL)
        return FALSE;
      date_ago (l, sample_deal_objections[i].ago, &day);
      sqlite3_bind_int64 (stmt, 1, l->deals[sample_deal_objections[i].deal]);
      sqlite3_bind_int64 (stmt, 2, l->objections[sample_deal_objections[i].objection]);
      traction_bind_date (stmt, 3, &day);
      traction_bind_text (stmt, 4, sample_deal_objections[i].note);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_enablement (Loader  *l,
                 GError **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (sample_assets); i++)
    {
      GDate day;

      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO assets (kind, title, owner_id, status, updated_on)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      date_ago (l, sample_assets[i].updated_ago, &day);
      traction_bind_text (stmt, 1, sample_assets[i].kind);
      traction_bind_text (stmt, 2, sample_assets[i].title);
      bind_id (stmt, 3, l->founders[sample_assets[i].owner]);
      traction_bind_text (stmt, 4, sample_assets[i].status);
      traction_bind_date (stmt, 5, &day);
      if ((l->assets[i] = step_insert (l->store, stmt, error)) == 0)
        return FALSE;
    }

  stmt = traction_store_prepare (l->store,
                                 "INSERT INTO demo_plans (deal_id, meeting_minutes) VALUES (?1, 45)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->deals[D_LODESTAR]);
  if (step_insert (l->store, stmt, error) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_demo_items); i++)
    {
      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO demo_plan_items (deal_id, position, pain, product_id,"
                                     " capability, proof_kind, proof, asset_id, minutes)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, l->deals[D_LODESTAR]);
      sqlite3_bind_int (stmt, 2, (int) i);
      traction_bind_text (stmt, 3, sample_demo_items[i].pain);
      bind_id (stmt, 4, l->products[sample_demo_items[i].product]);
      traction_bind_text (stmt, 5, sample_demo_items[i].capability);
      traction_bind_text (stmt, 6, sample_demo_items[i].proof_kind);
      traction_bind_text (stmt, 7, sample_demo_items[i].proof);
      bind_id (stmt, 8, sample_demo_items[i].asset >= 0 ? l->assets[sample_demo_items[i].asset] : 0);
      sqlite3_bind_int (stmt, 9, sample_demo_items[i].minutes);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static const char * const partner_metric_values[] = {
  "5 hours", "24 days", "$310K", "2", "Published", "9", "Yes: Card Issuing",
};

static gboolean
load_partners (Loader  *l,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_partners); i++)
    {
      const SamplePartner *p = &sample_partners[i];
      gboolean started = p->account < N_CLIENTS;
      sqlite3_stmt *stmt;
      GDate start, go_day;
      gint64 id;
      int since = 0;

      g_date_clear (&start, 1);
      g_date_clear (&go_day, 1);
      if (started)
        {
          date_ago (l, sample_clients[p->account].start_ago, &start);
          traction_sample_day (&start, -10, &go_day);
          since = sample_clients[p->account].start_ago;
        }

      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO design_partners (account_id, deal_id, icp_fit, brand_value,"
                                     " technical_readiness, feedback_quality, expansion_potential, status,"
                                     " evaluation_stage, go_no_go, go_no_go_on, start_on, duration_months,"
                                     " discount_pct, lever_early_signature, lever_term, term_months,"
                                     " lever_public_reference, contact_founder_id, notes)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 6, ?13,"
                                     " ?14, ?15, ?16, ?17, ?18, ?19)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, l->accounts[p->account]);
      bind_id (stmt, 2, p->deal >= 0 ? l->deals[p->deal] : 0);
      for (int k = 0; k < 5; k++)
        sqlite3_bind_int (stmt, 3 + k, p->scores[k]);
      traction_bind_text (stmt, 8, p->status);
      traction_bind_text (stmt, 9, p->evaluation_stage);
      traction_bind_text (stmt, 10, p->go_no_go);
      traction_bind_date (stmt, 11, &go_day);
      traction_bind_date (stmt, 12, &start);
      sqlite3_bind_int (stmt, 13, p->discount);
      sqlite3_bind_int (stmt, 14, p->early ? 1 : 0);
      sqlite3_bind_int (stmt, 15, p->term ? 1 : 0);
      if (p->term_months > 0)
        sqlite3_bind_int (stmt, 16, p->term_months);
      else
        sqlite3_bind_null (stmt, 16);
      sqlite3_bind_int (stmt, 17, p->reference ? 1 : 0);
      bind_id (stmt, 18, l->founders[p->contact]);
      traction_bind_text (stmt, 19, p->notes);
      if ((id = step_insert (l->store, stmt, error)) == 0)
        return FALSE;

      if (started)
        {
          static const int they_get_due[] = { 0, 0, 0, 0, 60 };
          static const int we_get_due[] = { 14, 150, 90, 120, 180 };

          for (guint side = 0; side < 2; side++)
            for (guint k = 0; k < 5; k++)
              {
                int due_day = side == 0 ? they_get_due[k] : we_get_due[k];
                gboolean done = due_day <= since - 3 &&
                                (side != 0 || k != 4 || p->milestone_done[2] >= 0) &&
                                (side != 1 || k != 1 || p->milestone_done[3] >= 0);
                GDate due, done_on;

                traction_sample_day (&start, due_day, &due);
                g_date_clear (&done_on, 1);
                if (done)
                  done_on = due;
                stmt = traction_store_prepare (l->store,
                                               "INSERT INTO partner_obligations (partner_id, side, item,"
                                               " due_on, done_on, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);
                if (stmt == NULL)
                  return FALSE;
                sqlite3_bind_int64 (stmt, 1, id);
                traction_bind_text (stmt, 2, side == 0 ? "they_get" : "we_get");
                traction_bind_text (stmt, 3, side == 0 ? sample_they_get[k] : sample_we_get[k]);
                traction_bind_date (stmt, 4, &due);
                traction_bind_date (stmt, 5, &done_on);
                sqlite3_bind_int (stmt, 6, (int) k);
                if (step_insert (l->store, stmt, error) == 0)
                  return FALSE;
              }

          for (int m = 0; m < TRACTION_N_MILESTONES; m++)
            {
              GDate done_on;
              int first, last_day;

              g_date_clear (&done_on, 1);
              if (p->milestone_done[m] >= 0)
                traction_sample_day (&start, p->milestone_done[m], &done_on);
              traction_partner_milestone_window (m, &first, &last_day);
              stmt = traction_store_prepare (l->store,
                                             "INSERT INTO partner_milestones (partner_id, milestone, done_on, note)"
                                             " VALUES (?1, ?2, ?3, ?4)",
                                             error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, id);
              sqlite3_bind_int (stmt, 2, m);
              traction_bind_date (stmt, 3, &done_on);
              traction_bind_text (stmt, 4,
                                  p->milestone_done[m] < 0 && since > last_day
                                    ? "Waiting on their compliance sign-off." : "");
              if (step_insert (l->store, stmt, error) == 0)
                return FALSE;
            }

          for (guint k = 0; k < G_N_ELEMENTS (sample_partner_metrics); k++)
            {
              int day = sample_partner_metrics[k].day;
              const char *status = "pending";
              const char *value = "";

              if (day <= since)
                {
                  gboolean missed = k == 1 && p->milestone_done[2] < 0;

                  status = missed ? "missed" : "met";
                  value = missed ? "Not in production yet" : partner_metric_values[k];
                }
              stmt = traction_store_prepare (l->store,
                                             "INSERT INTO partner_metrics (partner_id, name, target,"
                                             " measured_at_day, value, status, position)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                             error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, id);
              traction_bind_text (stmt, 2, sample_partner_metrics[k].name);
              traction_bind_text (stmt, 3, sample_partner_metrics[k].target);
              sqlite3_bind_int (stmt, 4, day);
              traction_bind_text (stmt, 5, value);
              traction_bind_text (stmt, 6, status);
              sqlite3_bind_int (stmt, 7, (int) k);
              if (step_insert (l->store, stmt, error) == 0)
                return FALSE;
            }
        }

      for (guint k = 0; k < G_N_ELEMENTS (sample_gates); k++)
        {
          GDate day;

          if (sample_gates[k].partner != (int) i)
            continue;
          date_ago (l, sample_gates[k].ago, &day);
          stmt = traction_store_prepare (l->store,
                                         "INSERT INTO partner_gates (partner_id, stage, item, done_on)"
                                         " VALUES (?1, ?2, ?3, ?4)",
                                         error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          traction_bind_text (stmt, 2, sample_gates[k].stage);
          sqlite3_bind_int (stmt, 3, sample_gates[k].item);
          traction_bind_date (stmt, 4, &day);
          if (step_insert (l->store, stmt, error) == 0)
            return FALSE;
        }

      for (guint k = 0; k < G_N_ELEMENTS (sample_feedback); k++)
        {
          GDate day;

          if (sample_feedback[k].partner != (int) i)
            continue;
          date_ago (l, sample_feedback[k].ago, &day);
          stmt = traction_store_prepare (l->store,
                                         "INSERT INTO feedback_items (partner_id, kind, title, request_key,"
                                         " tags, created_on, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                         error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          traction_bind_text (stmt, 2, sample_feedback[k].kind);
          traction_bind_text (stmt, 3, sample_feedback[k].title);
          traction_bind_text (stmt, 4, sample_feedback[k].request_key);
          traction_bind_text (stmt, 5, sample_feedback[k].tags);
          traction_bind_date (stmt, 6, &day);
          traction_bind_text (stmt, 7, sample_feedback[k].status);
          if (step_insert (l->store, stmt, error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

static char *
quarter_label (const GDate *start,
               int          fy_start_month)
{
  int quarter = (((int) g_date_get_month (start) - fy_start_month + 12) % 12) / 3 + 1;

  return g_strdup_printf ("%uQ%d", g_date_get_year (start), quarter);
}

static const struct {
  gboolean    next;        /* goal for the coming quarter */
  const char *goal;
  const char *status;
  const char *metric;
  const char *owner;
} sample_goals[] = {
  { FALSE, "Launch Card Issuing for premium accounts", "achieved", "Cards live for 100% of premium users", "Hannah Cole / Maya Okafor" },
  { FALSE, "Cut onboarding time below 10 minutes", "achieved", "Median KYC time 9 minutes", "Brightwell product team" },
  { FALSE, "Reconcile payouts automatically", "on_track", "95% of payouts matched without manual work", "Priya Raman" },
  { TRUE, "Add FX Conversion for travelling customers", "on_track", "FX live in 3 currencies", "Daniel Brandt" },
  { TRUE, "Publish the joint case study", "at_risk", "Case study approved by their legal team", "Maya Okafor" },
};

static gboolean
load_review (Loader  *l,
             GError **error)
{
  GDate q_start, q_end, prev_start, prev_end, day;
  g_autofree char *period = NULL;
  g_autofree char *next_period = NULL;
  sqlite3_stmt *stmt;

  traction_quarter_bounds (&l->today, l->rules.fiscal_year_start_month, &q_start, &q_end);
  traction_sample_day (&q_start, -1, &day);
  traction_quarter_bounds (&day, l->rules.fiscal_year_start_month, &prev_start, &prev_end);
  period = quarter_label (&prev_start, l->rules.fiscal_year_start_month);
  next_period = quarter_label (&q_start, l->rules.fiscal_year_start_month);

  stmt = traction_store_prepare (l->store,
                                 "INSERT INTO review_notes (account_id, kind, period, highlights, impact,"
                                 " working_well, to_improve, discussion)"
                                 " VALUES (?1, 'qbr', ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->accounts[A_BRIGHTWELL]);
  traction_bind_text (stmt, 2, period);
  traction_bind_text (stmt, 3, "Card Issuing live for premium accounts; API volume up 14% over the quarter; no P1 incidents.");
  traction_bind_text (stmt, 4, "Onboarding time down from 2 days to 9 minutes; about $180K a year of new interchange revenue.");
  traction_bind_text (stmt, 5, "Sandbox parity with production; the shared Slack channel.");
  traction_bind_text (stmt, 6, "Webhook retries during their peak hours; monthly reports arrive late.");
  traction_bind_text (stmt, 7, "FX Conversion for travelling customers; joining the client advisory board.");
  if (step_insert (l->store, stmt, error) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_goals); i++)
    {
      stmt = traction_store_prepare (l->store,
                                     "INSERT INTO review_goals (account_id, period, goal, status, metric,"
                                     " owner, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, l->accounts[A_BRIGHTWELL]);
      traction_bind_text (stmt, 2, sample_goals[i].next ? next_period : period);
      traction_bind_text (stmt, 3, sample_goals[i].goal);
      traction_bind_text (stmt, 4, sample_goals[i].status);
      traction_bind_text (stmt, 5, sample_goals[i].metric);
      traction_bind_text (stmt, 6, sample_goals[i].owner);
      sqlite3_bind_int (stmt, 7, (int) i);
      if (step_insert (l->store, stmt, error) == 0)
        return FALSE;
    }

  /* The QBR meeting itself. */
  traction_sample_day (&prev_end, -10, &day);
  return traction_sample_add_touchpoint (l->store, l->accounts[A_BRIGHTWELL], 0, l->contacts[A_BRIGHTWELL],
                                         "meeting", &day,
                                         "Quarterly business review with their CEO and Head of Product.",
                                         error);
}

static gboolean
load_settings (Loader  *l,
               GError **error)
{
  /* A target the open pipeline covers about 2.4 times: below the 3.0×
   * the founder needs, so the coverage warning shows. */
  gint64 target = l->quarter_cents * 10 / 24;
  g_autofree char *target_text = NULL;

  target = (target + 250000) / 500000 * 500000;
  if (target <= 0)
    target = 15000000;
  target_text = g_strdup_printf ("%" G_GINT64_FORMAT, target);

  return traction_sample_set_setting (l->store, "company_name", "Northwind Rails", error) &&
         traction_sample_set_setting (l->store, "currency", "USD", error) &&
         traction_sample_set_setting (l->store, "fiscal_year_start_month", "1", error) &&
         traction_sample_set_setting (l->store, "quarterly_target_cents", target_text, error);
}

gboolean
traction_store_load_sample (TractionStore  *self,
                            const GDate    *today,
                            GError        **error)
{
  Loader l = { 0 };
  GDate week_end;
  gboolean ok;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  if (!traction_store_is_empty (self))
    {
      traction_store_rollback (self);
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds data; load the sample company into a new file."));
      return FALSE;
    }

  l.store = self;
  l.today = *today;
  traction_week_bounds (today, &l.week_start, &week_end);
  traction_rules_init_defaults (&l.rules);
  l.rand = g_rand_new_with_seed (20240601);

  ok = load_reference (&l, error) &&
       load_company (&l, error) &&
       load_accounts (&l, error) &&
       load_pipeline (&l, error) &&
       load_clients (&l, error) &&
       load_enablement (&l, error) &&
       load_partners (&l, error) &&
       load_review (&l, error) &&
       load_settings (&l, error);

  g_rand_free (l.rand);

  if (!ok)
    {
      traction_store_rollback (self);
      return FALSE;
    }

  return traction_store_commit (self, error);
}
