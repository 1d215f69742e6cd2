/* traction-store-deal.h: one deal in detail (the deal pane), and the
 * edits made from it. Each write is one transaction and hands back what
 * an undo needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_TOUCHPOINT_CALL,
  TRACTION_TOUCHPOINT_MEETING,
  TRACTION_TOUCHPOINT_EMAIL,
  TRACTION_TOUCHPOINT_NOTE,
  TRACTION_N_TOUCHPOINT_KINDS
} TractionTouchpointKind;

const char *traction_touchpoint_kind_to_id    (TractionTouchpointKind kind);  /* "call" */
gboolean    traction_touchpoint_kind_from_id  (const char *id, TractionTouchpointKind *out);
const char *traction_touchpoint_kind_label    (TractionTouchpointKind kind);  /* translated "Call" */

typedef enum {
  TRACTION_ROLE_NONE,
  TRACTION_ROLE_CHAMPION,
  TRACTION_ROLE_ECONOMIC_BUYER,
  TRACTION_ROLE_USER,
  TRACTION_ROLE_TECHNICAL,
  TRACTION_ROLE_PROCUREMENT,
  TRACTION_ROLE_LEGAL,
  TRACTION_ROLE_INFLUENCER,
  TRACTION_ROLE_BLOCKER,
  TRACTION_N_ROLES
} TractionContactRole;

const char *traction_contact_role_to_id       (TractionContactRole role);     /* "" "champion" */
gboolean    traction_contact_role_from_id     (const char *id, TractionContactRole *out);
const char *traction_contact_role_label       (TractionContactRole role);     /* "Economic buyer" */

/* A contact of the deal's account, with the part they play. Strings are
 * never NULL. */
typedef struct {
  gint64               id;
  gint64               account_id;
  char                *name;
  char                *title;
  char                *email;
  TractionContactRole  role;
  GArray              *touchpoint_ids;  /* gint64; only in what a delete returns:
                                           the touchpoints that named them */
} TractionStakeholder;

typedef struct {
  gint64                  id;
  gint64                  account_id;
  gint64                  deal_id;
  TractionTouchpointKind  kind;
  GDate                   date;
  char                   *summary;
  gint64                  contact_id;   /* 0 when none */
  char                   *contact;      /* "" when none */
} TractionTouchpoint;

typedef struct {
  gint64  id;
  gint64  account_id;
  gint64  deal_id;
  char   *action;
  gint64  owner_id;   /* 0 when none */
  char   *owner;      /* "" when none */
  GDate   due;        /* may be invalid */
  GDate   done;       /* valid once done */
} TractionNextStep;

/* One stay in a stage, from the stage history. */
typedef struct {
  TractionStage  stage;
  GDate          entered;
  int            days;      /* to the next change; the current stay runs to today */
  char          *reason;    /* "" when none was given */
  gboolean       current;
} TractionStageSpan;

typedef struct {
  gint64            id;
  GDate             date;
  TractionBant      bant;
  int               total;
  TractionBantBand  band;
  char             *by;     /* "" when not recorded */
} TractionQualificationEntry;

#define TRACTION_DEAL_MAX_CRITERIA 8

typedef struct {
  gint64           id;
  gint64           account_id;
  char            *name;
  char            *company;
  char            *domain;
  TractionSegment  segment;        /* from the deal's ARR */
  TractionStage    stage;
  gint64           arr_cents;
  gint64           owner_id;       /* 0 when none */
  char            *owner;
  TractionSource   source;
  char            *introduced_by;
  GDate            expected_close; /* may be invalid */
  GDate            created;
  GDate            closed;         /* may be invalid */
  gint64           loss_reason_id; /* 0 when none */
  char            *loss_reason;
  char            *win_reason;
  char            *close_note;
  gboolean         paused;         /* as of today (traction_deal_is_paused) */
  char            *paused_reason;  /* "" when not paused */
  GDate            paused_until;   /* may be invalid */
  char            *notes;
  GDate            stage_entered;
  int              days_in_stage;

  /* Exit criteria of the current stage (traction_stage_exit_criteria). */
  guint            n_criteria;
  gboolean         criteria_done[TRACTION_DEAL_MAX_CRITERIA];

  GPtrArray       *stakeholders;   /* TractionStakeholder, by name */
  GPtrArray       *touchpoints;    /* TractionTouchpoint, newest first */
  GPtrArray       *next_steps;     /* TractionNextStep, open by due date, then done */
  GPtrArray       *stages;         /* TractionStageSpan, oldest first */
  GPtrArray       *qualifications; /* TractionQualificationEntry, newest first */
} TractionDealDetail;

void                 traction_stakeholder_free   (TractionStakeholder *stakeholder);
/* The contacts of an account, by name: GPtrArray of TractionStakeholder. */
GPtrArray           *traction_store_list_account_stakeholders (TractionStore  *self,
                                                               gint64          account_id,
                                                               GError        **error);
void                 traction_touchpoint_free    (TractionTouchpoint  *touchpoint);
void                 traction_next_step_free     (TractionNextStep    *step);
void                 traction_deal_detail_free   (TractionDealDetail  *detail);

/* NOT_FOUND for an unknown deal. */
TractionDealDetail  *traction_store_load_deal    (TractionStore  *self,
                                                  gint64          deal_id,
                                                  const GDate    *today,
                                                  GError        **error);

/* The editable fields of a deal. */
typedef struct {
  char           *name;
  gint64          arr_cents;
  gint64          owner_id;        /* 0: no owner */
  GDate           expected_close;  /* may be invalid */
  TractionSource  source;
  char           *introduced_by;
  char           *notes;
} TractionDealFields;

void      traction_deal_fields_clear       (TractionDealFields *fields);
/* fields from a loaded detail (copies). */
void      traction_deal_fields_from_detail (TractionDealFields       *fields,
                                            const TractionDealDetail *detail);

/* Writes every field (INVALID: empty name, negative ARR, unknown owner,
 * warm introduction without who introduced); old_out (may be NULL) gets
 * the values before, for undo. */
gboolean  traction_store_update_deal       (TractionStore             *self,
                                            gint64                     deal_id,
                                            const TractionDealFields  *fields,
                                            TractionDealFields        *old_out,
                                            GError                   **error);

/* Touchpoints: on the deal and its account. summary may be empty except
 * for a note; contact_id 0 for none. */
gboolean  traction_store_add_touchpoint    (TractionStore           *self,
                                            gint64                   deal_id,
                                            TractionTouchpointKind   kind,
                                            const GDate             *date,
                                            const char              *summary,
                                            gint64                   contact_id,
                                            gint64                  *id_out,
                                            GError                 **error);
/* removed_out (may be NULL) gets the row for traction_store_restore_touchpoint. */
gboolean  traction_store_delete_touchpoint (TractionStore           *self,
                                            gint64                   touchpoint_id,
                                            TractionTouchpoint     **removed_out,
                                            GError                 **error);
/* Puts a deleted touchpoint back with its id (its contact when it still exists). */
gboolean  traction_store_restore_touchpoint (TractionStore            *self,
                                             const TractionTouchpoint *touchpoint,
                                             GError                  **error);

/* Next steps: action required; owner_id 0 for none; due may be NULL. */
gboolean  traction_store_add_next_step     (TractionStore  *self,
                                            gint64          deal_id,
                                            const char     *action,
                                            gint64          owner_id,
                                            const GDate    *due,
                                            gint64         *id_out,
                                            GError        **error);
gboolean  traction_store_update_next_step  (TractionStore  *self,
                                            gint64          step_id,
                                            const char     *action,
                                            gint64          owner_id,
                                            const GDate    *due,
                                            GError        **error);
/* done: mark done on today; else open again. */
gboolean  traction_store_set_next_step_done (TractionStore *self,
                                             gint64         step_id,
                                             gboolean       done,
                                             const GDate   *today,
                                             GError       **error);
gboolean  traction_store_delete_next_step  (TractionStore     *self,
                                            gint64             step_id,
                                            TractionNextStep **removed_out,
                                            GError           **error);
gboolean  traction_store_restore_next_step (TractionStore          *self,
                                            const TractionNextStep *step,
                                            GError                **error);

/* Exit criteria: item is an index into traction_stage_exit_criteria (stage). */
gboolean  traction_store_set_checklist_item (TractionStore *self,
                                             gint64         deal_id,
                                             TractionStage  stage,
                                             guint          item,
                                             gboolean       done,
                                             const GDate   *today,
                                             GError       **error);

/* Stakeholders (contacts of the deal's account). Name required. */
gboolean  traction_store_add_stakeholder    (TractionStore        *self,
                                             gint64                deal_id,
                                             const char           *name,
                                             const char           *title,
                                             const char           *email,
                                             TractionContactRole   role,
                                             gint64               *id_out,
                                             GError              **error);
gboolean  traction_store_update_stakeholder (TractionStore        *self,
                                             gint64                contact_id,
                                             const char           *name,
                                             const char           *title,
                                             const char           *email,
                                             TractionContactRole   role,
                                             GError              **error);
/* removed_out gets the contact with the touchpoints that named them. */
gboolean  traction_store_delete_stakeholder (TractionStore        *self,
                                             gint64                contact_id,
                                             TractionStakeholder **removed_out,
                                             GError              **error);
gboolean  traction_store_restore_stakeholder (TractionStore             *self,
                                              const TractionStakeholder *stakeholder,
                                              GError                   **error);

/* Pause: a reason is required; until may be NULL or invalid (no date),
 * else it must be after today. Resume clears both. */
gboolean  traction_store_pause_deal        (TractionStore  *self,
                                            gint64          deal_id,
                                            const char     *reason,
                                            const GDate    *until,
                                            const GDate    *today,
                                            GError        **error);
gboolean  traction_store_resume_deal       (TractionStore  *self,
                                            gint64          deal_id,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionDealDetail, traction_deal_detail_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionTouchpoint, traction_touchpoint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionNextStep, traction_next_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionStakeholder, traction_stakeholder_free)

G_END_DECLS
