/* traction-store-partners.h: design partners (DOMAIN.md §3): candidates,
 * agreements with their obligations, milestones, success metrics,
 * evaluation gates and the feedback log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64                 id;
  gint64                 account_id;
  char                  *name;            /* the account's name */
  TractionPartnerScore   scores;
  int                    total;           /* of 25 */
  gboolean               qualifies;
  TractionPartnerStatus  status;
  TractionEvalStage      stage;           /* DISCOVERY .. NEGOTIATE */
  TractionGoNoGo         go_no_go;
  GDate                  go_no_go_on;     /* invalid: not held */
  char                  *disqualify_reason;
  GDate                  start_on;        /* invalid: no agreement yet */
  int                    duration_months;
  int                    discount_pct;
  gboolean               lever_early_signature;
  gboolean               lever_term;
  int                    term_months;     /* 0 = none */
  gboolean               lever_public_reference;
  gint64                 contact_id;      /* founder; 0 none */
  char                  *contact;         /* founder name, "" none */
  char                  *notes;
  gint64                 arr_cents;       /* the account's ARR on today */
  GDate                  milestone_done[TRACTION_N_MILESTONES]; /* invalid: not done */
  char                  *milestone_note[TRACTION_N_MILESTONES];
  TractionMilestoneState milestone_state[TRACTION_N_MILESTONES]; /* UPCOMING without a start */
  guint                  n_late;          /* late milestones */
  int                    day;             /* days since start (today); -1 no start */
} TractionPartnerRow;

/* What the agreement form edits. */
typedef struct {
  GDate     start_on;                     /* invalid: no agreement yet */
  int       duration_months;              /* > 0 */
  int       discount_pct;                 /* 0..100 */
  gboolean  lever_early_signature;
  gboolean  lever_term;
  int       term_months;                  /* 1..24 with lever_term, else ignored */
  gboolean  lever_public_reference;
  gint64    contact_id;                   /* 0 none */
} TractionPartnerAgreement;

typedef enum {
  TRACTION_OBLIGATION_THEY_GET,
  TRACTION_OBLIGATION_WE_GET,
} TractionObligationSide;

typedef struct {
  gint64                 id;
  gint64                 partner_id;
  TractionObligationSide side;
  char                  *item;
  GDate                  due_on;          /* invalid: none */
  GDate                  done_on;         /* invalid: open */
  int                    position;
} TractionObligation;

typedef enum {
  TRACTION_METRIC_PENDING,
  TRACTION_METRIC_MET,
  TRACTION_METRIC_MISSED,
  TRACTION_N_METRIC_STATUSES
} TractionMetricStatus;

const char *traction_metric_status_label (TractionMetricStatus status);

typedef struct {
  gint64               id;
  gint64               partner_id;
  char                *name;
  char                *target;
  int                  measured_at_day;   /* -1 none */
  char                *value;             /* "" not measured yet */
  TractionMetricStatus status;
  int                  position;
} TractionPartnerMetric;

typedef enum {
  TRACTION_FEEDBACK_BUG,
  TRACTION_FEEDBACK_GAP,
  TRACTION_FEEDBACK_FEATURE_REQUEST,
  TRACTION_N_FEEDBACK_KINDS
} TractionFeedbackKind;

const char *traction_feedback_kind_label (TractionFeedbackKind kind);

typedef struct {
  gint64               id;
  gint64               partner_id;
  char                *partner;           /* account name */
  TractionFeedbackKind kind;
  char                *title;
  char                *request_key;       /* "" none */
  char                *tags;              /* comma-separated */
  GDate                created_on;
  char                *status;            /* "open", "planned", "done", "wont_do" */
} TractionFeedbackItem;

/* A feature request asked for by one or more partners. */
typedef struct {
  char   *key;
  char   *title;
  guint   n_partners;
  gint64  arr_cents;
  char   *partners;                       /* names, ", "-joined */
} TractionRequestRow;

/* A late milestone, for Today. */
typedef struct {
  gint64  partner_id;
  char   *partner;
  int     milestone;
  GDate   due;
  int     days_late;
  char   *note;
} TractionLateMilestone;

void traction_partner_row_free     (TractionPartnerRow    *row);
void traction_obligation_free      (TractionObligation    *item);
void traction_partner_metric_free  (TractionPartnerMetric *metric);
void traction_feedback_item_free   (TractionFeedbackItem  *item);
void traction_request_row_free     (TractionRequestRow    *row);
void traction_late_milestone_free  (TractionLateMilestone *late);

/* Every design partner, by name; states and ARR as of today. */
GPtrArray *traction_store_list_partners     (TractionStore  *self,
                                             const GDate    *today,
                                             GError        **error);
TractionPartnerRow *traction_store_get_partner (TractionStore  *self,
                                                gint64          id,
                                                const GDate    *today,
                                                GError        **error);
/* Case-insensitive name lookup; FALSE + NOT_FOUND. */
gboolean   traction_store_find_partner      (TractionStore  *self,
                                             const char     *name,
                                             gint64         *id,
                                             GError        **error);
/* A new candidate for the account called name (created when there is no
 * such account), scored 3 on every dimension. INVALID when it already is
 * a design partner. */
gboolean   traction_store_add_partner       (TractionStore  *self,
                                             const char     *name,
                                             const GDate    *today,
                                             gint64         *id_out,
                                             GError        **error);
gboolean   traction_store_set_partner_scores (TractionStore              *self,
                                              gint64                      id,
                                              const TractionPartnerScore *scores,
                                              GError                    **error);
/* Refuses a discount with no lever (traction_partner_check_levers). */
gboolean   traction_store_set_partner_agreement (TractionStore                  *self,
                                                 gint64                          id,
                                                 const TractionPartnerAgreement *agreement,
                                                 GError                        **error);
/* go_no_go_on: the day the outcome changed (kept when unchanged). */
gboolean   traction_store_set_partner_evaluation (TractionStore          *self,
                                                  gint64                  id,
                                                  TractionPartnerStatus   status,
                                                  TractionEvalStage       stage,
                                                  TractionGoNoGo          go_no_go,
                                                  const GDate            *today,
                                                  GError                **error);
/* Status DISQUALIFIED with a reason (required). */
gboolean   traction_store_disqualify_partner (TractionStore  *self,
                                              gint64          id,
                                              const char     *reason,
                                              GError        **error);
/* done_on NULL or invalid: not done. */
gboolean   traction_store_set_milestone_done (TractionStore  *self,
                                              gint64          partner_id,
                                              int             milestone,
                                              const GDate    *done_on,
                                              GError        **error);

/* Obligations of a partner, they-get first, each side in order. */
GPtrArray *traction_store_list_obligations  (TractionStore  *self,
                                             gint64          partner_id,
                                             GError        **error);
/* item->id > 0 puts a deleted item back with that id. */
gboolean   traction_store_add_obligation    (TractionStore            *self,
                                             const TractionObligation *item,
                                             gint64                   *id_out,
                                             GError                  **error);
gboolean   traction_store_set_obligation_done (TractionStore  *self,
                                               gint64          id,
                                               const GDate    *done_on,
                                               GError        **error);
gboolean   traction_store_delete_obligation (TractionStore  *self,
                                             gint64          id,
                                             GError        **error);

GPtrArray *traction_store_list_partner_metrics (TractionStore  *self,
                                                gint64          partner_id,
                                                GError        **error);
/* metric->id > 0 puts a deleted metric back with that id. */
gboolean   traction_store_add_partner_metric   (TractionStore               *self,
                                                const TractionPartnerMetric *metric,
                                                gint64                      *id_out,
                                                GError                     **error);
gboolean   traction_store_update_partner_metric (TractionStore        *self,
                                                 gint64                id,
                                                 const char           *value,
                                                 TractionMetricStatus  status,
                                                 GError              **error);
gboolean   traction_store_delete_partner_metric (TractionStore  *self,
                                                 gint64          id,
                                                 GError        **error);

/* Gates done: done[stage] is a bit mask of the items checked. */
gboolean   traction_store_load_gates        (TractionStore  *self,
                                             gint64          partner_id,
                                             guint           done[TRACTION_N_EVAL_LISTS],
                                             GError        **error);
gboolean   traction_store_set_gate          (TractionStore      *self,
                                             gint64              partner_id,
                                             TractionEvalStage   stage,
                                             guint               item,
                                             const GDate        *done_on,
                                             GError            **error);

/* partner_id 0: every partner's. Newest first. */
GPtrArray *traction_store_list_feedback     (TractionStore  *self,
                                             gint64          partner_id,
                                             GError        **error);
/* item->id > 0 puts a deleted item back with that id. Tags are
 * normalised (trimmed, lower case, no empties or repeats). */
gboolean   traction_store_add_feedback      (TractionStore              *self,
                                             const TractionFeedbackItem *item,
                                             gint64                     *id_out,
                                             GError                    **error);
gboolean   traction_store_delete_feedback   (TractionStore  *self,
                                             gint64          id,
                                             GError        **error);
/* Feature requests of every partner grouped (traction_partner_group_requests):
 * largest combined ARR first. */
GPtrArray *traction_store_list_request_groups (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);
/* Late milestones of partners that are not disqualified, not converted
 * and not "not converted"; most days late first. */
GPtrArray *traction_store_list_late_milestones (TractionStore  *self,
                                                const GDate    *today,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionPartnerRow, traction_partner_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionObligation, traction_obligation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionPartnerMetric, traction_partner_metric_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionFeedbackItem, traction_feedback_item_free)

G_END_DECLS
