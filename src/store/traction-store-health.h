/* traction-store-health.h: clients, their monthly usage and health
 * scorecards, the heatmap, and health alerts (DOMAIN.md §5).
 *
 * Months are stored and passed as the first day of the month (GDate).
 * A client is an account with ARR > 0 just before today or an active
 * contract.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Clients                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64             account_id;
  char              *name;
  gint64             arr_cents;        /* ARR just before tomorrow */
  TractionSegment    segment;          /* from arr_cents */
  gboolean           has_contract;     /* an active contract */
  GDate              contract_start;   /* valid when has_contract */
  GDate              renewal;          /* valid when has_contract */
  TractionLifecycle  lifecycle;        /* from the first contract since the last that ended
                                         * (renewals keep counting); Onboarding without one */
  gboolean           has_score;        /* a scorecard in any month */
  GDate              score_month;      /* month of the latest scorecard */
  double             score;            /* latest health score */
  TractionHealthBand band;
  gboolean           has_trend;        /* a scorecard the month before score_month */
  double             previous_score;
  TractionTrend      trend;
  guint              open_alerts;      /* open or acknowledged */
} TractionClientRow;

void        traction_client_row_free       (TractionClientRow *row);

/* Every client, by name; GPtrArray of TractionClientRow. A fixed number
 * of queries whatever the number of clients. */
GPtrArray  *traction_store_list_clients    (TractionStore  *self,
                                            const GDate    *today,
                                            GError        **error);

/* One client's row; NULL with NOT_FOUND when it is not a client. */
TractionClientRow *traction_store_get_client (TractionStore  *self,
                                              gint64          account_id,
                                              const GDate    *today,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* Heatmap                                                             */
/* ------------------------------------------------------------------ */

/* Scores of n_clients × n_months, row-major (client i, month j at
 * scores[i * n_months + j]); NAN where the client has no scorecard. */
typedef struct {
  GDate   first_month;
  guint   n_months;
  guint   n_clients;
  gint64 *account_ids;   /* n_clients, in the order asked */
  float  *scores;
} TractionHeatmapData;

void                 traction_heatmap_data_free (TractionHeatmapData *data);

/* The scores of the given accounts over n_months months from first_month,
 * in one query. */
TractionHeatmapData *traction_store_load_heatmap (TractionStore  *self,
                                                  const gint64   *account_ids,
                                                  guint           n_clients,
                                                  const GDate    *first_month,
                                                  guint           n_months,
                                                  GError        **error);

/* ------------------------------------------------------------------ */
/* Monthly usage, tickets and NPS                                      */
/* ------------------------------------------------------------------ */

/* One client's month; usage->nps is the month's NPS answer (stored as a
 * survey response dated the month's first day), -1 none. FALSE without
 * error when nothing is recorded for that month (out is then all
 * unknown). */
gboolean    traction_store_get_usage       (TractionStore       *self,
                                            gint64               account_id,
                                            const GDate         *month,
                                            TractionUsageMonth  *out,
                                            GError             **error);

/* Writes (replaces) one client's month in one transaction, then raises
 * the alerts it triggers (traction_store_raise_alerts). INVALID for
 * negative counts, NPS outside 0..10, a date after today. */
gboolean    traction_store_save_usage      (TractionStore            *self,
                                            gint64                    account_id,
                                            const GDate              *month,
                                            const TractionUsageMonth *usage,
                                            GError                  **error);

/* Writes one month for several clients in one transaction (all or
 * nothing; the first bad row names its client), then raises the alerts. */
gboolean    traction_store_save_usage_month (TractionStore            *self,
                                             const GDate              *month,
                                             const gint64             *account_ids,
                                             const TractionUsageMonth *usages,
                                             guint                     n,
                                             GError                  **error);

/* The CSV import, all or nothing like the movements import: header
 * `client,month,api_volume,plan_volume,last_api_call,tickets_p1,
 * tickets_p2,tickets_p3,tickets_p4,last_response,nps`; client by account
 * name; month as YYYY-MM or YYYY-MM-DD; empty cells are unknown. Errors
 * name the line. With commit FALSE nothing is written (a preview);
 * n_rows_out may be NULL. Raises alerts after a committed import. */
gboolean    traction_store_import_usage_csv (TractionStore  *self,
                                             const char     *path,
                                             gboolean        commit,
                                             guint          *n_rows_out,
                                             GError        **error);

/* ------------------------------------------------------------------ */
/* Scorecards                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64              account_id;
  GDate               month;
  gboolean            saved;        /* a scorecard exists for this month */
  TractionHealthInput input;        /* the saved one, else pre-filled, else 3s and no */
  gboolean            from_data[TRACTION_N_HEALTH_ITEMS]; /* pre-filled from usage/tickets/NPS */
  char               *notes;
  gboolean            has_previous; /* a scorecard for the month before */
  TractionHealthInput previous;
  double              previous_score;
} TractionScorecardDraft;

void        traction_scorecard_draft_free  (TractionScorecardDraft *draft);

/* What the scorecard dialog starts from for one client and month. */
TractionScorecardDraft *traction_store_load_scorecard (TractionStore  *self,
                                                       gint64          account_id,
                                                       const GDate    *month,
                                                       GError        **error);

/* Saves (replaces) the month's scorecard with the score computed from
 * the current weights; score_out may be NULL. */
gboolean    traction_store_save_scorecard  (TractionStore             *self,
                                            gint64                     account_id,
                                            const GDate               *month,
                                            const TractionHealthInput *input,
                                            const char                *notes,
                                            double                    *score_out,
                                            GError                   **error);

/* ------------------------------------------------------------------ */
/* Alerts                                                              */
/* ------------------------------------------------------------------ */

/* Evaluates every client's latest usage month against the one before
 * (traction_alerts_evaluate) and inserts the alerts not raised yet (one
 * per client, kind and month), due per the playbook. Returns how many
 * were raised in n_raised (may be NULL). The app calls it when it opens
 * a database and after usage is saved or imported. */
gboolean    traction_store_raise_alerts    (TractionStore  *self,
                                            const GDate    *today,
                                            guint          *n_raised,
                                            GError        **error);

/* status: "acknowledged" or "resolved" (closed_at = now), with a note;
 * "open" reopens (for Undo). NOT_FOUND for an unknown alert. */
gboolean    traction_store_set_alert_status (TractionStore  *self,
                                             gint64          alert_id,
                                             const char     *status,
                                             const char     *note,
                                             GError        **error);

/* One client's alerts, newest first, all statuses: GPtrArray of
 * TractionAlertRow (traction-store.h). */
GPtrArray  *traction_store_list_client_alerts (TractionStore  *self,
                                               gint64          account_id,
                                               GError        **error);

G_END_DECLS
