/* traction-business-review.h: the periods and goals of business reviews
 * (DOMAIN.md §7): a QBR covers one calendar quarter of a client, an EBR
 * (annual review) one calendar year. Goals are kept per client and
 * period; the goals "for next quarter" of a QBR are the goals of the
 * period after it. GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TRACTION_REVIEW_QBR,   /* a calendar quarter */
  TRACTION_REVIEW_EBR,   /* a calendar year */
} TractionReviewKind;

typedef struct {
  TractionReviewKind kind;
  int                year;      /* 1..9998 */
  int                quarter;   /* 1..4 for a QBR, 0 for an EBR */
  GDate              start;     /* first day */
  GDate              end;       /* day after the last (exclusive) */
} TractionReviewPeriod;

/* kind's period containing date. */
void      traction_review_period_containing (TractionReviewKind    kind,
                                             const GDate          *date,
                                             TractionReviewPeriod *out);
/* A QBR period for year and quarter (1..4), an EBR one for year
 * (quarter ignored). FALSE when out of range. */
gboolean  traction_review_period_set        (TractionReviewKind    kind,
                                             int                   year,
                                             int                   quarter,
                                             TractionReviewPeriod *out);
/* "2026Q3" (also "2026-Q3", "2026q3", "Q3 2026", "Q3-2026") is a QBR
 * period; "2026" an EBR one. TRACTION_CORE_ERROR_INVALID
 * saying what is expected otherwise. */
gboolean  traction_review_period_parse      (const char           *text,
                                             TractionReviewPeriod *out,
                                             GError              **error);
/* The key the database keeps: "2026Q3" or "2026". */
char     *traction_review_period_key        (const TractionReviewPeriod *period);
/* For people: "Q3 2026" or "2026" (translated). */
char     *traction_review_period_label      (const TractionReviewPeriod *period);
/* The period after (Q4 2026 → Q1 2027; 2026 → 2027). */
void      traction_review_period_next       (const TractionReviewPeriod *period,
                                             TractionReviewPeriod       *out);
/* The n periods of kind up to the one containing today, newest first
 * (fewer near year 1): a GArray of TractionReviewPeriod. */
GArray   *traction_review_periods_recent    (TractionReviewKind          kind,
                                             const GDate                *today,
                                             guint                       n);
/* Months in the period: 3 or 12. */
guint     traction_review_period_n_months   (const TractionReviewPeriod *period);

typedef enum {
  TRACTION_GOAL_ACHIEVED,
  TRACTION_GOAL_ON_TRACK,
  TRACTION_GOAL_AT_RISK,
  TRACTION_N_GOAL_STATUSES
} TractionGoalStatus;

/* "Achieved", "On track", "At risk" (translated). */
const char        *traction_goal_status_label (TractionGoalStatus status);
/* "achieved", "on_track", "at_risk": the database's words. */
const char        *traction_goal_status_id    (TractionGoalStatus status);
/* From the database's word; unknown words give On track. */
TractionGoalStatus traction_goal_status_from_id (const char *id);

G_END_DECLS
