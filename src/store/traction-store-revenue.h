/* traction-store-revenue.h: revenue and retention (DOMAIN.md §6): ARR
 * movements (add, edit, delete, undo), the movement log of a client, and
 * the figures of the Revenue view and the CS dashboard: the period's
 * metrics (exactly traction_store_compute_metrics), the monthly NRR/GRR
 * series, the bridge, cohorts, the expansion tracker and the renewals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_PERIOD_MONTH,
  TRACTION_PERIOD_QUARTER,   /* fiscal quarter */
  TRACTION_PERIOD_YEAR,      /* fiscal year */
  TRACTION_PERIOD_CUSTOM,
} TractionPeriodKind;

/* [start, end) of the month, fiscal quarter or fiscal year (starting in
 * fy_start_month, 1..12) that contains date. CUSTOM is not a kind of
 * bounds: it gives the month. */
void      traction_period_bounds      (TractionPeriodKind  kind,
                                       const GDate        *date,
                                       int                 fy_start_month,
                                       GDate              *start,
                                       GDate              *end);
/* The period `steps` periods before (< 0) or after (> 0) the one that
 * contains date. */
void      traction_period_shift       (TractionPeriodKind  kind,
                                       const GDate        *date,
                                       int                 fy_start_month,
                                       int                 steps,
                                       GDate              *start,
                                       GDate              *end);
/* "Q3 FY2026", "November 2026", "FY2026", "1 Jan 2026 – 31 Mar 2026"
 * (end shown inclusive); newly allocated, translated. */
char     *traction_period_label       (TractionPeriodKind  kind,
                                       const GDate        *start,
                                       const GDate        *end,
                                       int                 fy_start_month);

/* date with a strftime format in the locale ("%x", "%B %Y"), or
 * YYYY-MM-DD when it cannot be written; newly allocated. */
char     *traction_revenue_format_date (const GDate        *date,
                                        const char         *format);

/* ------------------------------------------------------------------ */
/* Movements                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64            id;
  gint64            account_id;
  char             *account;      /* the client's name */
  GDate             date;
  TractionMoveKind  kind;
  gint64            amount_cents; /* > 0 */
  char             *note;
  gint64            arr_after_cents; /* the client's ARR after this movement (log order) */
} TractionMovementRow;

void                 traction_movement_row_free   (TractionMovementRow *row);
TractionMovementRow *traction_movement_row_copy   (const TractionMovementRow *row);

/* Movements of one client (account_id > 0) or of every client (0),
 * newest first (date, then id), each with the client's ARR after it. */
GPtrArray *traction_store_list_movements  (TractionStore  *self,
                                           gint64          account_id,
                                           GError        **error);
/* The limit newest movements of every client, newest first, each with
 * its client's ARR after it; total: how many there are in all. Reads
 * only those clients' logs. */
GPtrArray *traction_store_list_recent_movements (TractionStore  *self,
                                                 guint           limit,
                                                 guint          *total,
                                                 GError        **error);
TractionMovementRow *traction_store_get_movement (TractionStore  *self,
                                                  gint64          movement_id,
                                                  GError        **error);

/* What the movement editor writes. */
typedef struct {
  gint64            account_id;
  GDate             date;
  TractionMoveKind  kind;
  gint64            amount_cents;  /* > 0 */
  const char       *note;          /* may be NULL */
} TractionMovementInput;

/* Each write is one transaction, refused with INVALID when the client's
 * ARR would fall below zero at some date (a churn or contraction larger
 * than the ARR then), with a message that says which and by how much. */
gboolean   traction_store_add_movement    (TractionStore               *self,
                                           const TractionMovementInput *input,
                                           gint64                      *id_out,
                                           GError                     **error);
gboolean   traction_store_update_movement (TractionStore               *self,
                                           gint64                       movement_id,
                                           const TractionMovementInput *input,
                                           GError                     **error);
/* deleted (may be NULL) gets the row as it was, for Undo. */
gboolean   traction_store_delete_movement (TractionStore               *self,
                                           gint64                       movement_id,
                                           TractionMovementRow        **deleted,
                                           GError                     **error);
/* Undo of a delete: puts the row back with its id. */
gboolean   traction_store_restore_movement (TractionStore              *self,
                                            const TractionMovementRow  *row,
                                            GError                    **error);

/* A client that can receive movements. */
typedef struct {
  gint64  id;
  char   *name;
  gint64  arr_cents;   /* ARR today (movements up to today included) */
} TractionRevenueClient;

void       traction_revenue_client_free   (TractionRevenueClient *client);
/* Every account, by name, with its ARR on today. */
GPtrArray *traction_store_list_revenue_clients (TractionStore  *self,
                                                const GDate    *today,
                                                GError        **error);

/* ------------------------------------------------------------------ */
/* Preview of a CSV import                                             */
/* ------------------------------------------------------------------ */

/* Checks a movements CSV exactly as traction_store_import_movements_csv
 * does (same parser, same ARR checks, inside a transaction that is
 * always rolled back) and returns what it would add: a GPtrArray of
 * TractionMovementRow (id 0; account_id 0 for a client it would create),
 * in file order. NULL with the import's own error ("Line N: …"). */
GPtrArray *traction_store_preview_movements_csv (TractionStore  *self,
                                                 const char     *data,
                                                 gsize           length,
                                                 GError        **error);

/* ------------------------------------------------------------------ */
/* Figures                                                             */
/* ------------------------------------------------------------------ */

/* NRR/GRR of the twelve months ending with a month: the cohort of
 * [window_start, window_end) where window_end is the first day of the
 * next month (or `cap`, when earlier) and window_start twelve months
 * before the first day of that next month. Equal to
 * `traction-cli metrics --from window_start --to window_end`. */
typedef struct {
  GDate             month;         /* first day of the month */
  GDate             window_start;
  GDate             window_end;
  TractionRetention retention;
} TractionRetentionPoint;

/* n_months points, oldest first, the last for the month that contains
 * last_day (pure: over movements sorted by client then date). cap:
 * exclusive end no window may pass (the day after today), or NULL. */
GArray    *traction_revenue_series         (const TractionMovement *moves,
                                            gsize                   n,
                                            const GDate            *last_day,
                                            guint                   n_months,
                                            const GDate            *cap);

/* A client of the period's cohort whose ARR moved in the period. */
typedef struct {
  gint64  account_id;
  char   *account;
  gint64  start_cents;     /* s_i */
  gint64  end_cents;       /* e_i, ARR just before the end */
  gint64  change_cents;    /* e_i - s_i, clamped as in NRR (e_i >= 0) */
  guint   kinds;           /* bit per TractionMoveKind moved in the period */
  gint64  kind_cents[TRACTION_N_MOVE_KINDS]; /* Σ amounts of each kind in the period */
} TractionExpansionRow;

void       traction_expansion_row_free     (TractionExpansionRow *row);
/* "Cross-sell, Usage growth" from kinds (newly allocated). */
char      *traction_expansion_row_types    (const TractionExpansionRow *row);

/* Renewal with what the Revenue view shows. */
typedef struct {
  TractionRenewalRow *row;         /* owned */
  TractionSegment     segment;
  int                 lead_days;   /* 90 / 120 / 180 by tier */
  double              probability; /* 0..1 by health band */
  gint64              forecast_cents; /* ARR × probability */
  int                 days_left;   /* renewal - today */
} TractionRevenueRenewal;

typedef struct {
  TractionRules   rules;
  char           *currency;
  GDate           today;
  TractionMetrics metrics;        /* traction_store_compute_metrics (from, to, today) */
  GArray         *series;         /* TractionRetentionPoint, 12, oldest first */
  GArray         *cohorts;        /* TractionCohort up to `to` (or tomorrow) */
  GPtrArray      *tracker;        /* TractionExpansionRow, largest change first */
  GPtrArray      *renewals;       /* TractionRevenueRenewal, renewal in [today, today + 180) */
  gint64          renewals_arr_cents;
  gint64          renewals_forecast_cents;
  guint           n_movements;    /* in the whole database */
} TractionRevenue;

#define TRACTION_RENEWAL_HORIZON_DAYS 180

TractionRevenue *traction_store_load_revenue (TractionStore  *self,
                                              const GDate    *from,
                                              const GDate    *to,
                                              const GDate    *today,
                                              GError        **error);
void             traction_revenue_free       (TractionRevenue *revenue);

/* The series and the bridge alone (what `make bench` times). */
gboolean         traction_store_revenue_series_and_bridge (TractionStore   *self,
                                                           const GDate     *from,
                                                           const GDate     *to,
                                                           const GDate     *today,
                                                           GArray         **series,
                                                           TractionBridge  *bridge,
                                                           GError         **error);

/* The NRR status words of the tracker: "Above target" … or "no data". */
const char      *traction_nrr_status_label   (const TractionRetention *retention,
                                              const TractionRules     *rules);
/* NRR band of DOMAIN.md §6: "Critical", "Below average", "Good",
 * "Great", "Excellent". */
const char      *traction_nrr_band_label     (double nrr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionMovementRow, traction_movement_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionRevenue, traction_revenue_free)

G_END_DECLS
