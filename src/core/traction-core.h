/* traction-core.h: the rules of DOMAIN.md as pure functions over plain structs.
 *
 * GLib only, no I/O. Money is integer cents (gint64). Dates are GDate
 * values passed by pointer; "today" is always a parameter so that every
 * rule can be tested at any date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRACTION_CORE_ERROR (traction_core_error_quark ())

typedef enum {
  TRACTION_CORE_ERROR_OUT_OF_RANGE,   /* a score or value outside its allowed range */
  TRACTION_CORE_ERROR_INVALID,        /* malformed text (date, money, id) */
} TractionCoreError;

GQuark traction_core_error_quark (void);

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

/* Parses "YYYY-MM-DD" strictly (no trailing text, real calendar date). */
gboolean  traction_date_parse         (const char  *text,
                                       GDate       *out,
                                       GError     **error);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void      traction_date_format        (const GDate *date,
                                       char        *buf);
char     *traction_date_to_string     (const GDate *date);
/* Days from a to b (b - a). */
int       traction_date_diff          (const GDate *a,
                                       const GDate *b);
/* Fiscal quarter containing date: [start, end), quarters begin in
 * fy_start_month (1-12): with 4, Q1 is April-June and Q4 January-March. */
void      traction_quarter_bounds     (const GDate *date,
                                       int          fy_start_month,
                                       GDate       *start,
                                       GDate       *end);
/* Monday-based week [start, end) containing date. */
void      traction_week_bounds        (const GDate *date,
                                       GDate       *start,
                                       GDate       *end);
/* Calendar month [start, end) containing date. */
void      traction_month_bounds       (const GDate *date,
                                       GDate       *start,
                                       GDate       *end);
/* "Today" for the app: the TRACTION_TODAY environment variable
 * (YYYY-MM-DD) when set and valid, else the local date. */
void      traction_date_today         (GDate       *out);

/* ------------------------------------------------------------------ */
/* Money                                                               */
/* ------------------------------------------------------------------ */

/* Parses a positive or zero amount in currency units ("1250.50", "1250",
 * "0.5") into cents. Rejects signs, exponents, more than two decimals,
 * empty text, and overflow. */
gboolean  traction_money_parse        (const char  *text,
                                       gint64      *cents,
                                       GError     **error);
/* What a founder types in an amount field: like traction_money_parse, and
 * also surrounding spaces, one leading currency symbol ($ € £ ¥) or code
 * ("USD 48,000"), and thousands separators (",", space, no-break and thin
 * spaces) between digits ("$48,000", "48 000.50"). Letters, signs and
 * anything else are rejected with a message that says what to type. */
gboolean  traction_money_parse_input  (const char  *text,
                                       gint64      *cents,
                                       GError     **error);
/* The same for a locale whose decimal point is decimal_point: with ","
 * (de_DE, fr_FR…) "48.000,50" is 48000.50 and "48,5" is 48.50. */
gboolean  traction_money_parse_input_for (const char  *text,
                                          const char  *decimal_point,
                                          gint64      *cents,
                                          GError     **error);
/* Exact: "$1,250.50" style using the locale's grouping, decimal point
 * and symbol place, and the currency's symbol (USD $, EUR €, GBP £, else
 * the code). compact: "$48K", "$1.2M". */
char     *traction_money_format       (gint64       cents,
                                       const char  *currency,
                                       gboolean     compact);

/* Where the locale (LC_MONETARY) writes a currency symbol: before the
 * amount ("$48,000.00", en_US) or after it ("48.000,00 €", de_DE). */
typedef enum {
  TRACTION_SYMBOL_BEFORE,
  TRACTION_SYMBOL_AFTER,
} TractionSymbolPlace;

TractionSymbolPlace traction_money_symbol_place (void);
/* traction_money_format with the symbol where place says (after: with
 * a no-break space). traction_money_format uses the locale's place. */
char     *traction_money_format_placed (gint64              cents,
                                        const char         *currency,
                                        gboolean            compact,
                                        TractionSymbolPlace place);
/* Currency units as a plain decimal for JSON/CSV ("1250.5" style, no
 * grouping): returns a double = cents / 100. */
double    traction_money_to_units     (gint64       cents);

/* ------------------------------------------------------------------ */
/* Rules: every user-changeable number of DOMAIN.md, with defaults.     */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_STAGE_LEAD,
  TRACTION_STAGE_QUALIFIED,
  TRACTION_STAGE_DISCOVERY,
  TRACTION_STAGE_PROPOSAL,
  TRACTION_STAGE_NEGOTIATION,
  TRACTION_STAGE_WON,
  TRACTION_STAGE_LOST,
  TRACTION_N_STAGES
} TractionStage;

typedef enum {
  TRACTION_BAND_HEALTHY,
  TRACTION_BAND_MONITOR,
  TRACTION_BAND_AT_RISK,
  TRACTION_BAND_CRITICAL,
  TRACTION_N_BANDS
} TractionHealthBand;

typedef enum {
  TRACTION_HEALTH_USAGE,
  TRACTION_HEALTH_SUPPORT,
  TRACTION_HEALTH_SATISFACTION,
  TRACTION_HEALTH_EXPANSION,
  TRACTION_N_HEALTH_CATEGORIES
} TractionHealthCategory;

typedef enum {
  TRACTION_SEGMENT_HIGH_TOUCH,
  TRACTION_SEGMENT_LOW_TOUCH,
  TRACTION_SEGMENT_TECH_TOUCH,
  TRACTION_N_SEGMENTS
} TractionSegment;

typedef struct {
  /* §1 pipeline */
  double stage_probability[TRACTION_N_STAGES];  /* 0..1, defaults §1 */
  int    stalled_days[TRACTION_N_STAGES];       /* default 15 each (open stages) */
  gint64 quarterly_target_cents;                /* default 0 = not set */
  double coverage_needed;                       /* 3.0 */
  int    rhythm_max_prospects;                  /* 5 a week */
  int    rhythm_max_meetings;                   /* 4 a week */
  int    fiscal_year_start_month;               /* 1..12, default 1 */
  /* §2 qualification */
  int    bant_high;                             /* 16 */
  int    bant_medium;                           /* 12 */
  int    bant_low;                              /* 8 */
  int    nurture_days;                          /* 30: follow-up for Low */
  int    discovery_days;                        /* 14: Medium, Discovery within 2 weeks */
  gint64 meddpicc_deal_cents;                   /* 100,000 USD ARR */
  int    meddpicc_cycle_days;                   /* 90 */
  /* §3 design partners */
  int    partner_qualify;                       /* 18 of 25 */
  /* §4 providers */
  int    provider_review_days;                  /* 90 */
  /* §5 health */
  int    health_weight[TRACTION_N_HEALTH_CATEGORIES]; /* 40 25 20 15, sum 100 */
  int    band_healthy;                          /* 80 */
  int    band_monitor;                          /* 60 */
  int    band_at_risk;                          /* 40 */
  double trend_delta;                           /* 5 points */
  int    alert_volume_drop_pct;                 /* 30 */
  int    alert_no_calls_days;                   /* 7 */
  int    alert_dark_days;                       /* 14 */
  int    alert_nps_below;                       /* 7 */
  /* §6 revenue */
  double nrr_target;                            /* 120 */
  double grr_target;                            /* 92 */
  int    expansion_mix_target[3];               /* cross-sell 40, upsell 35, usage 25 */
  double renewal_probability[TRACTION_N_BANDS]; /* .95 .85 .60 .30 */
  int    renewal_lead_days[TRACTION_N_SEGMENTS];/* 180 120 90 */
  gint64 segment_high_cents;                    /* 100K */
  gint64 segment_low_cents;                     /* 15K */
  int    renewal_window_days;                   /* 90: Today and metrics */
  /* §8 graduation */
  int    graduation_cs_clients;                 /* 10 */
  gint64 graduation_meddic_cents;               /* 1M */
  gint64 graduation_meddpicc_cents;             /* 5M */
  /* §9 enablement */
  int    asset_stale_days;                      /* 30 */
} TractionRules;

void      traction_rules_init_defaults (TractionRules *rules);
/* Checks ranges and that the health weights sum to 100. */
gboolean  traction_rules_validate      (const TractionRules *rules,
                                        GError             **error);

/* ------------------------------------------------------------------ */
/* §1 Pipeline                                                         */
/* ------------------------------------------------------------------ */

const char   *traction_stage_to_id        (TractionStage stage); /* "lead" ... "won", "lost" */
gboolean      traction_stage_from_id      (const char *id, TractionStage *out);
const char   *traction_stage_label        (TractionStage stage); /* translated "Closed Won" */
gboolean      traction_stage_is_open      (TractionStage stage);
/* NULL-terminated list of translated exit criteria of the stage. */
const char * const *traction_stage_exit_criteria (TractionStage stage);
/* Target conversion from the previous stage, in percent: lo..hi (0,0 for Lead/Lost). */
void          traction_stage_target_conversion (TractionStage stage, int *lo, int *hi);

typedef enum {
  TRACTION_SOURCE_FOUNDER_NETWORK,
  TRACTION_SOURCE_PROVIDER_REFERRAL,
  TRACTION_SOURCE_INBOUND,
  TRACTION_SOURCE_CONFERENCE,
  TRACTION_SOURCE_WARM_INTRO,
  TRACTION_N_SOURCES
} TractionSource;

const char   *traction_source_to_id       (TractionSource source);
gboolean      traction_source_from_id     (const char *id, TractionSource *out);
const char   *traction_source_label       (TractionSource source);

/* What the pipeline rules need to know about one deal. Unset dates are
 * marked by g_date_valid () == FALSE (use g_date_clear). */
typedef struct {
  TractionStage stage;
  gint64        arr_cents;
  GDate         created;         /* day the deal was created */
  GDate         closed;          /* day it entered Won/Lost */
  GDate         expected_close;  /* may be invalid */
  GDate         last_activity;   /* last touchpoint, else last stage change, else created */
  GDate         paused_until;    /* valid while paused */
  gboolean      paused;
} TractionDealFacts;

/* Paused counts while paused is set and paused_until is invalid or after today. */
gboolean  traction_deal_is_paused       (const TractionDealFacts *deal,
                                         const GDate             *today);
/* Open, not paused, and today - last_activity > stalled_days[stage]. */
gboolean  traction_deal_is_stalled      (const TractionDealFacts *deal,
                                         const TractionRules     *rules,
                                         const GDate             *today);
int       traction_deal_days_idle       (const TractionDealFacts *deal,
                                         const GDate             *today);

typedef struct {
  int    count[TRACTION_N_STAGES];
  gint64 arr_cents[TRACTION_N_STAGES];
  gint64 weighted_cents[TRACTION_N_STAGES];
  gint64 open_cents;          /* all open deals, paused included */
  gint64 weighted_cents_total;/* Σ open ARR × probability */
  gint64 quarter_cents;       /* open, not paused, expected to close in [q_start, q_end)
                                 (deals without an expected close date count) */
  double coverage;            /* quarter_cents / target; < 0 when no target */
  int    stalled;
  int    paused;
} TractionPipelineSummary;

/* probability: the stage probabilities to weight with (default or learned);
 * NULL uses rules->stage_probability. */
void      traction_pipeline_summarize   (const TractionDealFacts *deals,
                                         gsize                    n_deals,
                                         const TractionRules     *rules,
                                         const double             probability[TRACTION_N_STAGES],
                                         const GDate             *today,
                                         const GDate             *q_start,
                                         const GDate             *q_end,
                                         TractionPipelineSummary *out);
/* Average closed - created over deals won in [from, to); -1 when none. */
double    traction_pipeline_lead_to_close_days (const TractionDealFacts *deals,
                                                gsize                    n_deals,
                                                const GDate             *from,
                                                const GDate             *to);

/* Learned probabilities. Each closed deal's path is the list of stages it
 * was ever in (from its stage history). For each open stage s: among closed
 * deals whose path contains s, the share whose final stage is Won. Won = 1,
 * Lost = 0. Returns FALSE (out untouched) with fewer than min_closed
 * (10) closed deals; a stage no closed deal passed keeps its default. */
typedef struct {
  guint8        visited;      /* bit per TractionStage */
  TractionStage final;        /* WON or LOST */
} TractionClosedPath;

gboolean  traction_pipeline_learned_probabilities (const TractionClosedPath *paths,
                                                   gsize                     n_paths,
                                                   guint                     min_closed,
                                                   const double              defaults[TRACTION_N_STAGES],
                                                   double                    out[TRACTION_N_STAGES]);

/* ------------------------------------------------------------------ */
/* §2 Qualification                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
  int budget, authority, need, timeline;   /* each 1..5 */
} TractionBant;

typedef enum {
  TRACTION_BANT_DISQUALIFY,
  TRACTION_BANT_LOW,
  TRACTION_BANT_MEDIUM,
  TRACTION_BANT_HIGH,
} TractionBantBand;

/* Fails with OUT_OF_RANGE when a score is outside 1..5. */
gboolean          traction_bant_total          (const TractionBant  *bant,
                                                int                 *total,
                                                GError             **error);
TractionBantBand  traction_bant_band           (int                  total,
                                                const TractionRules *rules);
const char       *traction_bant_band_label     (TractionBantBand     band);  /* "High priority" */
const char       *traction_bant_band_advice    (TractionBantBand     band);  /* what it means */
/* Days to the follow-up the band implies (High 7, or discovery_days if
 * sooner; Medium discovery_days 14; Low nurture_days 30; Disqualify -1 = none). */
int               traction_bant_follow_up_days (TractionBantBand     band,
                                                const TractionRules *rules);
/* Guide text for a dimension (0 budget .. 3 timeline) at 5, 3, 1. */
const char       *traction_bant_guide          (int dimension, int score);

/* ------------------------------------------------------------------ */
/* §3 Design partners                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  int icp_fit, brand_value, technical_readiness, feedback_quality, expansion_potential;
} TractionPartnerScore;

gboolean  traction_partner_total      (const TractionPartnerScore *score,
                                       int                        *total,
                                       GError                    **error);
gboolean  traction_partner_qualifies  (int total, const TractionRules *rules);

#define TRACTION_N_MILESTONES 5
/* Milestone windows in days from the start: [0,14] [15,30] [31,60] [61,90] [91,180]. */
void      traction_partner_milestone_window (int index, int *first_day, int *last_day);
const char *traction_partner_milestone_label (int index);
/* Late when not done and today is after start + last_day. */
gboolean  traction_partner_milestone_late   (int          index,
                                             const GDate *start,
                                             gboolean     done,
                                             const GDate *today);

/* ------------------------------------------------------------------ */
/* §4 Providers                                                        */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_EXCLUSIVITY_NONE,
  TRACTION_EXCLUSIVITY_SOFT,
  TRACTION_EXCLUSIVITY_HARD,
} TractionExclusivity;

typedef struct {
  int reliability, pricing, integration_maturity, support, regulatory,
      dependency_risk, relationship;       /* each 1..5 */
  TractionExclusivity exclusivity;         /* scored None 5, Soft 3, Hard 1 */
} TractionProviderReview;

typedef enum {
  TRACTION_RISK_LOW,       /* 1-2 */
  TRACTION_RISK_MEDIUM,    /* 3 */
  TRACTION_RISK_HIGH,      /* 4 */
  TRACTION_RISK_CRITICAL,  /* 5 */
} TractionRiskLevel;

int                traction_exclusivity_score (TractionExclusivity exclusivity);
gboolean           traction_provider_overall  (const TractionProviderReview *review,
                                               int                          *overall,
                                               GError                      **error);
TractionRiskLevel  traction_provider_risk     (int dependency_risk);
const char        *traction_risk_label        (TractionRiskLevel level);
const char        *traction_risk_action       (TractionRiskLevel level);
gboolean           traction_provider_review_due (const GDate         *last_review,
                                                 const TractionRules *rules,
                                                 const GDate         *today);

/* ------------------------------------------------------------------ */
/* §5 Client health                                                    */
/* ------------------------------------------------------------------ */

enum {
  TRACTION_ITEM_API_VOLUME,        /* usage */
  TRACTION_ITEM_VOLUME_TREND,
  TRACTION_ITEM_PRODUCT_BREADTH,
  TRACTION_ITEM_TICKET_VOLUME,     /* support & engagement */
  TRACTION_ITEM_SEVERITY_TREND,
  TRACTION_ITEM_TEAM_ENGAGEMENT,
  TRACTION_ITEM_NPS,               /* satisfaction */
  TRACTION_ITEM_FEEDBACK_QUALITY,
  TRACTION_N_HEALTH_ITEMS
};

enum {
  TRACTION_SIGNAL_NEW_PRODUCTS,
  TRACTION_SIGNAL_NEXT_TIER,
  TRACTION_SIGNAL_REFERRED,
  TRACTION_N_HEALTH_SIGNALS
};

typedef struct {
  int      items[TRACTION_N_HEALTH_ITEMS];     /* each 1..5 */
  gboolean signals[TRACTION_N_HEALTH_SIGNALS];
} TractionHealthInput;

/* score: rounded to one decimal (0..100); category: 0..100 each, may be NULL. */
gboolean            traction_health_score   (const TractionHealthInput *input,
                                             const TractionRules       *rules,
                                             double                    *score,
                                             double                     category[TRACTION_N_HEALTH_CATEGORIES],
                                             GError                   **error);
TractionHealthBand  traction_health_band    (double score, const TractionRules *rules);
const char         *traction_health_band_id    (TractionHealthBand band); /* "healthy" ... */
const char         *traction_health_band_label (TractionHealthBand band);
const char         *traction_health_band_cadence (TractionHealthBand band);
typedef enum {
  TRACTION_TREND_IMPROVING,
  TRACTION_TREND_STABLE,
  TRACTION_TREND_DECLINING,
} TractionTrend;
/* Improving when current - previous >= delta; declining when <= -delta. */
TractionTrend       traction_health_trend   (double previous, double current, const TractionRules *rules);

typedef enum {
  TRACTION_ALERT_VOLUME_DROP,
  TRACTION_ALERT_NO_API_CALLS,
  TRACTION_ALERT_SEVERE_TICKET,
  TRACTION_ALERT_DARK,
  TRACTION_ALERT_LOW_NPS,
  TRACTION_N_ALERT_KINDS
} TractionAlertKind;

const char *traction_alert_kind_to_id    (TractionAlertKind kind);
gboolean    traction_alert_kind_from_id  (const char *id, TractionAlertKind *out);
const char *traction_alert_title         (TractionAlertKind kind);
const char *traction_alert_response      (TractionAlertKind kind);  /* the playbook response */
const char *traction_alert_owner_role    (TractionAlertKind kind);  /* "CPO", "CTO", "CEO" */
int         traction_alert_due_hours     (TractionAlertKind kind);  /* 48, same day = 8, ... */

/* One client's month of inputs. Missing values: -1 for counts/NPS,
 * invalid GDate for dates. */
typedef struct {
  gint64 api_volume;     /* -1 unknown */
  gint64 plan_volume;    /* -1 unknown */
  GDate  last_api_call;
  int    tickets[4];     /* P1..P4, -1 unknown */
  GDate  last_response;
  int    nps;            /* 0..10, -1 none */
} TractionUsageMonth;

/* Sets fired[kind] for each alert rule that fires on the current month,
 * given the previous month (may be NULL) and today. */
void        traction_alerts_evaluate     (const TractionUsageMonth *previous,
                                          const TractionUsageMonth *current,
                                          const TractionRules      *rules,
                                          const GDate              *today,
                                          gboolean                  fired[TRACTION_N_ALERT_KINDS]);

typedef enum {
  TRACTION_LIFECYCLE_ONBOARDING,   /* day 0-30 */
  TRACTION_LIFECYCLE_ADOPTION,     /* 31-90 */
  TRACTION_LIFECYCLE_EXPANSION,    /* 91-365 */
  TRACTION_LIFECYCLE_RENEWAL,      /* after */
} TractionLifecycle;

TractionLifecycle traction_lifecycle_for   (const GDate *contract_start, const GDate *today);
const char       *traction_lifecycle_label (TractionLifecycle stage);
const char       *traction_lifecycle_goal  (TractionLifecycle stage);

/* NPS = % promoters (9-10) - % detractors (0-6), over n answers 0..10.
 * FALSE when n == 0 or an answer is out of range. */
gboolean    traction_nps                 (const int *answers, gsize n, double *nps, GError **error);
/* CSAT = share (percent) of 4-5 answers on 1..5. */
gboolean    traction_csat                (const int *answers, gsize n, double *csat, GError **error);

/* ------------------------------------------------------------------ */
/* §6 Revenue and retention                                            */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_MOVE_NEW,
  TRACTION_MOVE_EXPANSION_CROSS_SELL,
  TRACTION_MOVE_EXPANSION_UPSELL,
  TRACTION_MOVE_EXPANSION_USAGE,
  TRACTION_MOVE_CONTRACTION,
  TRACTION_MOVE_CHURN,
  TRACTION_MOVE_REACTIVATION,
  TRACTION_N_MOVE_KINDS
} TractionMoveKind;

/* "new", "expansion-cross-sell", "expansion-upsell", "expansion-usage",
 * "contraction", "churn", "reactivation" */
const char *traction_move_kind_to_id   (TractionMoveKind kind);
gboolean    traction_move_kind_from_id (const char *id, TractionMoveKind *out);
const char *traction_move_kind_label   (TractionMoveKind kind);
/* +amount or -amount by kind. */
gint64      traction_move_delta        (TractionMoveKind kind, gint64 amount_cents);

typedef struct {
  gint64           client;       /* any stable id */
  GDate            date;
  TractionMoveKind kind;
  gint64           amount_cents; /* > 0 */
} TractionMovement;

/* Movements must be sorted by (client, date); the functions below rely
 * on it (traction_movements_sort does it). */
void        traction_movements_sort    (TractionMovement *moves, gsize n);

typedef struct {
  gboolean valid;            /* FALSE: empty cohort, "no data" */
  guint    cohort_size;      /* clients with ARR > 0 at start */
  gint64   start_cents;      /* Σ s_i */
  gint64   end_cents;        /* Σ e_i */
  gint64   expansion_cents;  /* Σ (e_i - s_i) where e_i > s_i */
  gint64   contraction_cents;/* Σ (s_i - e_i) where 0 < e_i < s_i */
  gint64   churn_cents;      /* Σ s_i where e_i = 0 */
  guint    churned_clients;
  double   nrr;              /* percent */
  double   grr;              /* percent, <= 100 */
} TractionRetention;

/* Cohort NRR/GRR over [start, end). s_i = Σ movements dated < start,
 * e_i = Σ movements dated < end. */
void        traction_retention_compute (const TractionMovement *moves,
                                        gsize                   n,
                                        const GDate            *start,
                                        const GDate            *end,
                                        TractionRetention      *out);

typedef struct {
  gint64 start_cents;        /* ARR of every client at start */
  gint64 new_cents;          /* Σ new movements in [start, end) */
  gint64 reactivation_cents;
  gint64 expansion_cents;    /* Σ expansion movements of all three kinds */
  gint64 cross_sell_cents;
  gint64 upsell_cents;
  gint64 usage_cents;
  gint64 contraction_cents;
  gint64 churn_cents;
  gint64 end_cents;          /* = start + new + reactivation + expansion - contraction - churn */
} TractionBridge;

void        traction_bridge_compute    (const TractionMovement *moves,
                                        gsize                   n,
                                        const GDate            *start,
                                        const GDate            *end,
                                        TractionBridge         *out);

/* ARR of one client (or all clients when client < 0) just before date. */
gint64      traction_arr_before        (const TractionMovement *moves,
                                        gsize                   n,
                                        gint64                  client,
                                        const GDate            *date);

/* Cohorts by start quarter (calendar quarters of the fiscal year start):
 * a client's start quarter is that of its first movement. base = the
 * cohort's ARR at the end of its start quarter; retained[m] = cohort ARR
 * at the end of month m after the quarter's first month, / base * 100.
 * Cohorts with base 0 have valid = FALSE ("no data"). */
typedef struct {
  GDate   quarter_start;
  guint   clients;
  gint64  base_cents;
  gboolean valid;
  guint   n_months;          /* months from quarter start up to `until` */
  double *retained;          /* n_months percentages, owned by the array */
} TractionCohort;

/* Returns a GArray of TractionCohort, oldest first; free with g_array_unref
 * (a clear func frees `retained`). until: exclusive end of the table. */
GArray     *traction_cohorts_compute   (const TractionMovement *moves,
                                        gsize                   n,
                                        int                     fy_start_month,
                                        const GDate            *until);

TractionSegment traction_segment_for   (gint64 arr_cents, const TractionRules *rules);
const char     *traction_segment_label (TractionSegment segment);

typedef struct {
  gint64             arr_cents;
  TractionHealthBand band;
} TractionRenewalInput;

/* Σ ARR × probability by band, in cents (rounded). */
gint64      traction_renewal_forecast  (const TractionRenewalInput *renewals,
                                        gsize                       n,
                                        const TractionRules        *rules);
/* Day renewal work starts: renewal_date - lead_days[segment]. */
void        traction_renewal_work_start (const GDate         *renewal_date,
                                         TractionSegment      segment,
                                         const TractionRules *rules,
                                         GDate               *out);

/* ------------------------------------------------------------------ */
/* §8 Graduation                                                       */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_GRADUATE_CS_PRACTICE = 1 << 0,
  TRACTION_GRADUATE_MEDDIC      = 1 << 1,
  TRACTION_GRADUATE_MEDDPICC    = 1 << 2,
} TractionGraduation;

TractionGraduation traction_graduation_prompts (guint                active_paying_clients,
                                                gint64               company_arr_cents,
                                                gboolean             sales_hire_joined,
                                                const TractionRules *rules);

/* ------------------------------------------------------------------ */
/* Coverage (§4): product × primary and backup providers, exposure      */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_COVERAGE_PRIMARY,
  TRACTION_COVERAGE_BACKUP,
} TractionCoverageRole;

/* One row of the coverage matrix: provider covers product in role. */
typedef struct {
  gint64               product;
  gint64               provider;
  TractionCoverageRole role;
} TractionCoverageLink;

typedef enum {
  TRACTION_COVERAGE_COVERED,       /* two primaries, or a primary and a backup */
  TRACTION_COVERAGE_SINGLE_POINT,  /* exactly one primary and no backup */
  TRACTION_COVERAGE_GAP,           /* no primary */
} TractionCoverageStatus;

const char             *traction_coverage_role_to_id     (TractionCoverageRole role);  /* "primary", "backup" */
gboolean                traction_coverage_role_from_id   (const char *id, TractionCoverageRole *out);
const char             *traction_coverage_status_label   (TractionCoverageStatus status); /* "Gap" */
const char             *traction_coverage_status_advice  (TractionCoverageStatus status);
/* Gap without a primary; single point with one primary and no backup. */
TractionCoverageStatus  traction_coverage_status         (guint n_primary, guint n_backup);
/* status[i] for products[i] from the links (links to other products are ignored;
 * a product with no link is a gap). */
void                    traction_coverage_evaluate       (const gint64               *products,
                                                          gsize                       n_products,
                                                          const TractionCoverageLink *links,
                                                          gsize                       n_links,
                                                          TractionCoverageStatus     *status);
/* The products provider serves as a primary (exposed when it fails), and
 * among them the ones nothing else covers, neither another primary nor a
 * backup (no fallback). Both GArrays of gint64, in link order, no repeats;
 * no_fallback may be NULL. */
GArray                 *traction_coverage_exposed_products (const TractionCoverageLink *links,
                                                            gsize                       n_links,
                                                            gint64                      provider,
                                                            GArray                    **no_fallback);

/* A client using a product, with the client's ARR. */
typedef struct {
  gint64 client;
  gint64 product;
  gint64 arr_cents;
} TractionProductUse;

/* The clients using at least one of products (each counted once, with its
 * ARR once): returns their ARR, n_clients (may be NULL) their number.
 * Clients with no ARR (prospects, churned) count in neither. */
gint64                  traction_coverage_exposed_arr    (const TractionProductUse   *uses,
                                                          gsize                       n_uses,
                                                          const gint64               *products,
                                                          gsize                       n_products,
                                                          guint                      *n_clients);

/* ------------------------------------------------------------------ */
/* §1 Stage moves (traction-stage-rules.c)                              */
/* ------------------------------------------------------------------ */

/* What a move from one stage to another asks of the founder; flags. */
typedef enum {
  TRACTION_MOVE_OK                = 0,
  TRACTION_MOVE_SAME              = 1 << 0,  /* from == to: nothing to do */
  TRACTION_MOVE_BACKWARDS         = 1 << 1,  /* earlier stage, or out of Won/Lost: a reason */
  TRACTION_MOVE_BANT_LOW          = 1 << 2,  /* forward into Qualified..Won without BANT
                                                >= bant_medium: warn, override with a reason */
  TRACTION_MOVE_NEEDS_LOSS_REASON = 1 << 3,  /* entering Lost: a loss reason */
} TractionMoveCheck;

/* Pure: has_bant FALSE when the deal was never scored (bant_total ignored). */
TractionMoveCheck traction_stage_move_check        (TractionStage        from,
                                                    TractionStage        to,
                                                    gboolean             has_bant,
                                                    int                  bant_total,
                                                    const TractionRules *rules);
/* TRUE when the check asks for a written reason (backwards or BANT override). */
gboolean          traction_move_check_needs_reason (TractionMoveCheck    check);

/* ------------------------------------------------------------------ */
/* §3 Design-partner tracker (traction-partner-rules.c)                 */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_PARTNER_CANDIDATE,
  TRACTION_PARTNER_EVALUATING,
  TRACTION_PARTNER_ACTIVE,
  TRACTION_PARTNER_CONVERTED,
  TRACTION_PARTNER_NOT_CONVERTED,
  TRACTION_PARTNER_DISQUALIFIED,
  TRACTION_N_PARTNER_STATUSES
} TractionPartnerStatus;

const char *traction_partner_status_to_id   (TractionPartnerStatus status);
gboolean    traction_partner_status_from_id (const char *id, TractionPartnerStatus *out);
const char *traction_partner_status_label   (TractionPartnerStatus status);

/* Evaluation stages (qualification-led process); PAPER is the paper
 * process checklist (security, legal, procurement), not a stage. */
typedef enum {
  TRACTION_EVAL_DISCOVERY,
  TRACTION_EVAL_SCOPE,
  TRACTION_EVAL_VALIDATE,
  TRACTION_EVAL_NEGOTIATE,
  TRACTION_EVAL_PAPER,
  TRACTION_N_EVAL_LISTS
} TractionEvalStage;

#define TRACTION_N_EVAL_STAGES 4

const char *traction_eval_stage_to_id   (TractionEvalStage stage);
gboolean    traction_eval_stage_from_id (const char *id, TractionEvalStage *out);
const char *traction_eval_stage_label   (TractionEvalStage stage);
/* Number of gate items of a stage (or of the paper process). */
guint       traction_eval_gate_count    (TractionEvalStage stage);
/* Translated text of gate item `item` of stage. */
const char *traction_eval_gate_item     (TractionEvalStage stage, guint item);

/* Go/No-Go meeting outcome. */
typedef enum {
  TRACTION_GO_NO_GO_NONE,   /* not held yet */
  TRACTION_GO_NO_GO_GO,
  TRACTION_GO_NO_GO_NO_GO,
  TRACTION_N_GO_NO_GO
} TractionGoNoGo;

const char *traction_go_no_go_to_id   (TractionGoNoGo outcome);  /* "", "go", "no_go" */
gboolean    traction_go_no_go_from_id (const char *id, TractionGoNoGo *out);
const char *traction_go_no_go_label   (TractionGoNoGo outcome);

/* The agreement's discount must be justified by at least one lever (early
 * signature, term length <= 24 months, public reference): FALSE with
 * TRACTION_CORE_ERROR_INVALID when discount_pct > 0 and no lever is
 * pulled; OUT_OF_RANGE for a discount outside 0..100 or a term lever
 * whose term_months is not 1..24. */
gboolean    traction_partner_check_levers (int       discount_pct,
                                           gboolean  early_signature,
                                           gboolean  term,
                                           int       term_months,
                                           gboolean  public_reference,
                                           GError  **error);

typedef enum {
  TRACTION_MILESTONE_UPCOMING,  /* its window has not opened */
  TRACTION_MILESTONE_DUE,       /* window open, not done */
  TRACTION_MILESTONE_LATE,      /* past the last day of its window, not done */
  TRACTION_MILESTONE_DONE,
} TractionMilestoneState;

/* done_on NULL or invalid: not done. Late exactly as
 * traction_partner_milestone_late (the last day of the window is still on
 * time). */
TractionMilestoneState traction_partner_milestone_state (int          index,
                                                         const GDate *start,
                                                         const GDate *done_on,
                                                         const GDate *today);
const char *traction_milestone_state_label (TractionMilestoneState state); /* "Done", "Due", "Late", "Upcoming" */
/* Due date: start + the window's last day. */
void        traction_partner_milestone_due (int index, const GDate *start, GDate *out);

/* Feedback requests grouped across partners. */
typedef struct {
  const char *key;          /* request key; "" groups by title (case-insensitive) */
  const char *title;
  gint64      partner_id;
  gint64      partner_arr_cents;
} TractionRequestItem;

typedef struct {
  char   *key;              /* the key, or the folded title */
  char   *title;            /* title of the first item */
  guint   n_partners;       /* distinct partners asking */
  guint   n_items;
  gint64  arr_cents;        /* ARR of the distinct partners, summed */
  GArray *partner_ids;      /* gint64, in order of first request */
} TractionRequestGroup;

void        traction_request_group_free (TractionRequestGroup *group);
/* GPtrArray of TractionRequestGroup: largest combined ARR first, then
 * most partners, then title. */
GPtrArray  *traction_partner_group_requests (const TractionRequestItem *items,
                                             gsize                      n_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionRequestGroup, traction_request_group_free)

G_END_DECLS
