/* traction-store-qbr.h: what a QBR or an EBR (DOMAIN.md §7) is made of.
 *
 * The founder's inputs (highlights, quantified impact, feedback, goals
 * with their status) are kept per client and period in review_notes and
 * review_goals; the rest is read from the data: health scores, usage,
 * tickets and NPS, touchpoints, ARR movements, products and open deals.
 *
 * A review is taken as of the period's last day, or today when the
 * period is not over; its charts cover the twelve months ending with the
 * period's last month (for an EBR: the year).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-business-review.h"
#include "traction-store.h"
#include "traction-store-health.h"

G_BEGIN_DECLS

/* Long free text is cut at this many characters when saved. */
#define TRACTION_REVIEW_TEXT_MAX 4000
/* Goals kept per client and period. */
#define TRACTION_REVIEW_MAX_GOALS 8

typedef struct {
  char               *goal;     /* never blank once saved */
  TractionGoalStatus  status;
  char               *metric;   /* how it is measured, or its quantified impact */
  char               *owner;
} TractionReviewGoal;

TractionReviewGoal *traction_review_goal_new  (const char         *goal,
                                               TractionGoalStatus  status,
                                               const char         *metric,
                                               const char         *owner);
TractionReviewGoal *traction_review_goal_copy (const TractionReviewGoal *goal);
void                traction_review_goal_free (TractionReviewGoal *goal);

typedef struct {
  char      *highlights;
  char      *impact;        /* quantified impact */
  char      *working_well;
  char      *to_improve;
  char      *discussion;    /* open discussion and next steps */
  GPtrArray *goals;         /* TractionReviewGoal of the period */
  GPtrArray *next_goals;    /* TractionReviewGoal of the period after */
} TractionReviewNotes;

TractionReviewNotes *traction_review_notes_new  (void);
void                 traction_review_notes_free (TractionReviewNotes *notes);

/* The inputs kept for the client and period (empty ones when none). */
TractionReviewNotes *traction_store_load_review_notes (TractionStore              *self,
                                                       gint64                      account_id,
                                                       const TractionReviewPeriod *period,
                                                       GError                    **error);
/* Replaces them in one transaction: text stripped and cut at
 * TRACTION_REVIEW_TEXT_MAX characters, blank goals left out, at most
 * TRACTION_REVIEW_MAX_GOALS goals a period (INVALID beyond). */
gboolean             traction_store_save_review_notes (TractionStore              *self,
                                                       gint64                      account_id,
                                                       const TractionReviewPeriod *period,
                                                       const TractionReviewNotes  *notes,
                                                       GError                    **error);

typedef struct {
  char          *name;
  TractionStage  stage;
  gint64         arr_cents;
  GDate          expected_close;   /* invalid when not set */
} TractionReviewDealRow;

#define TRACTION_REVIEW_WINDOW 12

typedef struct {
  TractionReviewPeriod  period;
  GDate                 as_of;          /* the period's last day, or today when earlier */
  TractionClientRow    *client;         /* as of as_of */
  char                 *owner;          /* the account's founder, "" none */
  char                 *currency;
  GBytes               *logo;           /* the company's PNG, or NULL */
  TractionRules         rules;

  /* The twelve months ending with the period's last month. */
  GDate                 first_month;
  float                 scores[TRACTION_REVIEW_WINDOW];      /* NAN: no scorecard */
  double                api_volume[TRACTION_REVIEW_WINDOW];  /* NAN: unknown */
  double                plan_volume[TRACTION_REVIEW_WINDOW]; /* NAN: unknown */
  double                arr_cents[TRACTION_REVIEW_WINDOW];   /* at each month's end (as_of at most) */

  /* The period. */
  gint64                arr_start_cents;   /* just before the first day */
  gint64                arr_end_cents;     /* at as_of */
  gint64                moved_cents[TRACTION_N_MOVE_KINDS];
  int                   tickets[4];        /* P1..P4 over the months that have counts */
  guint                 ticket_months;
  GDate                 last_response;     /* latest in the period; invalid none */
  guint                 meetings;          /* touchpoints of kind meeting */
  guint                 calls;
  guint                 emails;
  guint                 nps_answers;
  double                nps;               /* valid when nps_answers > 0 */
  guint                 alerts_raised;     /* alerts of the period's months */
  guint                 alerts_resolved;
  GPtrArray            *products_used;     /* char *, by name */
  GPtrArray            *products_unused;   /* char *, the catalogue's others */
  GPtrArray            *open_deals;        /* TractionReviewDealRow of the account */
  gboolean              has_scorecard;     /* a scorecard within the period */
  GDate                 scorecard_month;
  gboolean              signals[TRACTION_N_HEALTH_SIGNALS];
  TractionReviewNotes  *notes;
  /* Scores, usage, tickets, NPS, touchpoints or movements in the period. */
  gboolean              has_data;
} TractionBusinessReview;

void                    traction_business_review_free (TractionBusinessReview *review);

/* NOT_FOUND when the account was not a client on as_of; INVALID when the
 * period starts after today. */
TractionBusinessReview *traction_store_load_business_review (TractionStore              *self,
                                                             gint64                      account_id,
                                                             const TractionReviewPeriod *period,
                                                             const GDate                *today,
                                                             GError                    **error);

/* The clients a QBR is due for in period: current clients on the
 * period's last day (or today) in the high- and low-touch segments, by
 * name (TractionClientRow). Tech-touch clients are served by automated
 * engagement, not a QBR. */
GPtrArray              *traction_store_list_qbr_due (TractionStore              *self,
                                                     const TractionReviewPeriod *period,
                                                     const GDate                *today,
                                                     GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionReviewNotes, traction_review_notes_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionBusinessReview, traction_business_review_free)

G_END_DECLS
