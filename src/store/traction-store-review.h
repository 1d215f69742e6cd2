/* traction-store-review.h: the figures of the monthly pipeline review
 * (DOMAIN.md §1 and §7).
 *
 * Two kinds of figures, and the report says which is which:
 * - the open pipeline (count per open stage, weighted pipeline, coverage
 *   of the quarterly target, open deals) is the pipeline as it stands on
 *   `today`, with coverage over the fiscal quarter containing today;
 * - the month's activity (deals added, won, lost, lead-to-close days, win
 *   and loss reasons) is over the calendar month [from, to).
 *
 * Funnel: the cohort of deals created in the trailing 12 months ending at
 * the end of the month, [to − 12 months, to). A deal "reached" a stage
 * when its stage history before `to` shows it in that stage or a later
 * one (Closed Won counts as having passed every stage; a deal that skipped
 * a stage passed it). Closed Lost ends a path without reaching further.
 * A deal with no stage history before `to` counts at its current stage
 * (Lead when it is lost). The conversion of a stage is the share of the
 * deals that reached the previous stage that also reached this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64        deal_id;
  char         *deal;
  char         *account;
  TractionStage stage;
  gint64        arr_cents;
  int           days_in_stage;   /* today − day it entered its stage */
  char         *next_step;       /* earliest open next step, "" when none */
  GDate         next_step_due;   /* invalid when none or undated */
} TractionReviewDeal;

typedef struct {
  char *name;
  int   count;
} TractionReasonCount;

/* Funnel steps: Lead, Qualified, Discovery, Proposal, Negotiation, Won. */
#define TRACTION_FUNNEL_STEPS (TRACTION_STAGE_WON + 1)

typedef struct {
  int        year;
  int        month;                  /* 1..12 */
  GDate      from, to;               /* the month, [from, to) */
  GDate      today;                  /* the open pipeline is as of this day */
  GDate      quarter_start, quarter_end; /* fiscal quarter of today */
  char      *company;
  char      *currency;

  /* Open pipeline, as of today */
  int        open_count[TRACTION_N_STAGES];
  gint64     open_arr_cents[TRACTION_N_STAGES];
  gint64     open_total_cents;
  gint64     weighted_cents;
  gint64     quarter_cents;          /* open, expected to close this quarter */
  gint64     target_cents;           /* 0 = no target set */
  double     coverage;               /* < 0 when no target */
  double     coverage_needed;        /* 3.0 */

  /* The month */
  double     lead_to_close_days;     /* < 0 when nothing was won */
  int        deals_added;
  int        deals_won;
  int        deals_lost;
  gint64     won_arr_cents;
  gint64     lost_arr_cents;
  GPtrArray *win_reasons;            /* TractionReasonCount, top 3 */
  GPtrArray *loss_reasons;           /* TractionReasonCount, top 3 */

  /* Funnel over [funnel_from, to) */
  GDate      funnel_from;
  int        funnel_reached[TRACTION_FUNNEL_STEPS];
  double     funnel_conversion[TRACTION_FUNNEL_STEPS]; /* < 0: first step or none before */

  GPtrArray *open_deals;             /* TractionReviewDeal: by stage, Negotiation
                                        first, then ARR, largest first */
} TractionPipelineReview;

/* The review of month (1..12) of year; today is the day "as of". Returns a
 * new reference. */
TractionPipelineReview *traction_store_load_pipeline_review (TractionStore  *self,
                                                             int             year,
                                                             int             month,
                                                             const GDate    *today,
                                                             GError        **error);
TractionPipelineReview *traction_pipeline_review_ref        (TractionPipelineReview *review);
void                    traction_pipeline_review_unref      (TractionPipelineReview *review);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionPipelineReview, traction_pipeline_review_unref)

G_END_DECLS
