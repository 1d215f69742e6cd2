/* traction-sample-private.h: row writers shared by the sample company
 * (traction-sample.c) and the benchmark generator (traction-generate.c).
 *
 * Every writer runs inside the caller's transaction, uses a cached
 * prepared statement with bound parameters, and returns the new row id
 * (0 on failure, with error set) or a gboolean.
 *
 * Month columns (usage_months.month, health_scores.month) hold the first
 * day of the month as an ISO date ("2026-11-01").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store-private.h"

G_BEGIN_DECLS

/* "YYYY-MM-DDTHH:MM:00Z" for date at hour:minute (UTC); buf >= 24 bytes. */
void      traction_sample_timestamp        (const GDate *date,
                                            int          hour,
                                            int          minute,
                                            char        *buf);
/* date + days (days may be negative). */
void      traction_sample_day              (const GDate *base,
                                            int          days,
                                            GDate       *out);
/* First day of the month `months` months before (negative: after) base. */
void      traction_sample_month_start      (const GDate *base,
                                            int          months_back,
                                            GDate       *out);

gboolean  traction_sample_set_setting      (TractionStore  *store,
                                            const char     *key,
                                            const char     *value,
                                            GError        **error);
gint64    traction_sample_insert_founder   (TractionStore  *store,
                                            const char     *name,
                                            const char     *role,
                                            const char     *email,
                                            int             position,
                                            GError        **error);
gint64    traction_sample_insert_product   (TractionStore  *store,
                                            const char     *name,
                                            const char     *description,
                                            int             position,
                                            GError        **error);
gint64    traction_sample_insert_provider  (TractionStore  *store,
                                            const char     *name,
                                            const char     *status,
                                            const char     *contact,
                                            const char     *notes,
                                            GError        **error);
gboolean  traction_sample_add_coverage     (TractionStore  *store,
                                            gint64          product_id,
                                            gint64          provider_id,
                                            const char     *role,
                                            GError        **error);

typedef struct {
  const char *name;
  const char *domain;
  int         icp_tier;          /* 1..3, 0 = unset */
  const char *geography;
  const char *size;
  const char *current_providers;
  gint64      owner_id;          /* 0 = none */
  const char *notes;
} TractionSampleAccount;

gint64    traction_sample_insert_account   (TractionStore               *store,
                                            const TractionSampleAccount *account,
                                            const GDate                 *created,
                                            GError                     **error);
gint64    traction_sample_insert_contact   (TractionStore  *store,
                                            gint64          account_id,
                                            const char     *name,
                                            const char     *title,
                                            const char     *email,
                                            const char     *role,
                                            GError        **error);

typedef struct {
  gint64         account_id;
  const char    *name;
  TractionStage  stage;
  gint64         arr_cents;
  gint64         owner_id;        /* 0 = none */
  TractionSource source;
  const char    *introduced_by;
  GDate          created;
  GDate          expected_close;  /* may be invalid */
  GDate          closed;          /* may be invalid */
  gint64         loss_reason_id;  /* 0 = none */
  const char    *win_reason;
  const char    *close_note;
  const char    *paused_reason;   /* NULL = not paused */
  GDate          paused_until;    /* may be invalid */
  const char    *notes;
} TractionSampleDeal;

gint64    traction_sample_insert_deal      (TractionStore            *store,
                                            const TractionSampleDeal *deal,
                                            GError                  **error);
/* from may be < 0 for the creation row (from_stage NULL). */
gboolean  traction_sample_add_stage_change (TractionStore  *store,
                                            gint64          deal_id,
                                            int             from,
                                            TractionStage   to,
                                            const char     *changed_at,
                                            const char     *reason,
                                            GError        **error);
/* deal_id / contact_id 0 = none. kind: "call", "meeting", "email", "note". */
gboolean  traction_sample_add_touchpoint   (TractionStore  *store,
                                            gint64          account_id,
                                            gint64          deal_id,
                                            gint64          contact_id,
                                            const char     *kind,
                                            const GDate    *happened,
                                            const char     *summary,
                                            GError        **error);
gboolean  traction_sample_add_movement     (TractionStore    *store,
                                            gint64            account_id,
                                            const GDate      *moved,
                                            TractionMoveKind  kind,
                                            gint64            amount_cents,
                                            const char       *note,
                                            GError          **error);
gboolean  traction_sample_add_contract     (TractionStore  *store,
                                            gint64          account_id,
                                            const GDate    *start,
                                            const GDate    *renewal,
                                            gint64          arr_cents,
                                            const char     *status,
                                            const char     *notes,
                                            GError        **error);
gboolean  traction_sample_add_account_product (TractionStore *store,
                                               gint64         account_id,
                                               gint64         product_id,
                                               const GDate   *since,
                                               GError       **error);
gboolean  traction_sample_add_usage_month  (TractionStore            *store,
                                            gint64                    account_id,
                                            const GDate              *month,
                                            const TractionUsageMonth *usage,
                                            GError                  **error);

/* Item scores derived from one month of usage: volume against plan, trend
 * against the previous month, breadth from the number of products, tickets
 * and their severity, days since the last response (counted to
 * month_end), the NPS answer (or the last one known, -1 none), and the
 * feedback quality the founder gave. */
void      traction_sample_health_input     (const TractionUsageMonth *previous,
                                            const TractionUsageMonth *current,
                                            int                       n_products,
                                            int                       last_nps,
                                            int                       feedback_quality,
                                            const GDate              *month_end,
                                            TractionHealthInput      *out);
/* Computes the score with traction_health_score () and writes the row;
 * score_out may be NULL. */
gboolean  traction_sample_add_health       (TractionStore             *store,
                                            const TractionRules       *rules,
                                            gint64                     account_id,
                                            const GDate               *month,
                                            gint64                     scored_by_id,
                                            const char                *scored_at,
                                            const TractionHealthInput *input,
                                            const char                *notes,
                                            double                    *score_out,
                                            GError                   **error);

G_END_DECLS
