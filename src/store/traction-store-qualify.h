/* traction-store-qualify.h: the qualification wizard's data (DOMAIN.md §2):
 * full BANT+SPIN scorings (every one kept), the company profile, the
 * editable SPIN question bank and objection library, and what came up
 * on a deal (questions asked, objections raised).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"
#include "traction-qualify.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Scorings                                                            */
/* ------------------------------------------------------------------ */

/* One scoring with everything the wizard records. Strings never NULL. */
typedef struct {
  gint64                     id;             /* 0 until saved */
  gint64                     deal_id;
  GDate                      date;           /* scored on */
  gint64                     qualified_by_id;/* founder, 0 when none */
  char                      *qualified_by;   /* "" when none */
  TractionBant               bant;
  char                      *bant_note[4];   /* budget, authority, need, timeline */
  char                      *spin[TRACTION_N_SPIN_PHASES];
  GArray                    *product_ids;    /* gint64 */
  gint64                     estimated_arr_cents; /* -1 when not estimated */
  TractionIntegrationEffort  effort;
  char                      *providers_needed;
  GDate                      follow_up;      /* may be invalid (Disqualify) */
  TractionFramework          framework;
  int                        meddic[TRACTION_N_MEDDPICC]; /* 1..5, 0 = not scored */
  char                      *meddic_notes;
} TractionQualification;

TractionQualification *traction_qualification_new  (void);
void                   traction_qualification_free (TractionQualification *q);

/* The deal's latest scoring; NULL without error when it has none. */
TractionQualification *traction_store_latest_qualification (TractionStore  *self,
                                                            gint64          deal_id,
                                                            GError        **error);
/* Number of scorings the deal has (its history). */
guint                  traction_store_count_qualifications (TractionStore  *self,
                                                            gint64          deal_id);

/* The company profile of the deal's account, and the deal's source. */
typedef struct {
  gint64          account_id;
  char           *company;
  int             icp_tier;           /* 1..3, 0 not set */
  char           *geography;
  char           *size;
  char           *current_providers;
  TractionSource  source;
  char           *introduced_by;
} TractionCompanyProfile;

void                    traction_company_profile_free (TractionCompanyProfile *profile);
TractionCompanyProfile *traction_store_get_company_profile (TractionStore  *self,
                                                            gint64          deal_id,
                                                            GError        **error);

/* A next step decided in the wizard. */
typedef struct {
  const char *action;
  gint64      owner_id;   /* 0: none */
  GDate       due;        /* may be invalid */
} TractionStepInput;

/* Adds q as a new scoring of deal_id (never overwrites an earlier one),
 * in one transaction with: the profile written to the account and the
 * deal's source (profile may be NULL), the next steps, and, when
 * follow_up_action is not NULL and q->follow_up is valid, a next step
 * with that action due on the follow-up date (owner: the scorer, else
 * the deal's owner). INVALID for scores outside 1..5, a MEDDIC score
 * outside 0..5, a negative estimate, a blank step action, a warm
 * introduction without who introduced; NOT_FOUND for an unknown deal.
 * id_out (may be NULL) gets the new scoring's id. */
gboolean  traction_store_save_qualification (TractionStore                *self,
                                             const TractionQualification  *q,
                                             const TractionCompanyProfile *profile,
                                             const TractionStepInput      *steps,
                                             guint                         n_steps,
                                             const char                   *follow_up_action,
                                             gint64                       *id_out,
                                             GError                      **error);

/* The loss reason a disqualified deal closes with: the one named
 * "Disqualified" (any case), created at the end of the list when missing. */
gboolean  traction_store_disqualified_reason (TractionStore  *self,
                                              gint64         *id_out,
                                              GError        **error);

/* A deal by name: an exact (case-insensitive) match of the deal's or its
 * company's name, else a unique one containing text. NOT_FOUND when none,
 * INVALID (naming the candidates) when several match. */
gboolean  traction_store_find_deal          (TractionStore  *self,
                                             const char     *text,
                                             gint64         *id_out,
                                             GError        **error);

/* ------------------------------------------------------------------ */
/* SPIN question bank                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64             id;
  TractionSpinPhase  phase;
  char              *question;
  int                position;
  gboolean           asked;      /* on the deal listed for */
  GDate              asked_on;   /* valid when asked */
} TractionSpinQuestion;

void       traction_spin_question_free         (TractionSpinQuestion *question);
/* The bank by phase, then position; with deal_id > 0, asked marks that
 * deal's questions. GPtrArray of TractionSpinQuestion. */
GPtrArray *traction_store_list_spin_questions  (TractionStore  *self,
                                                gint64          deal_id,
                                                GError        **error);
/* Appended at the end of its phase. */
gboolean   traction_store_add_spin_question    (TractionStore     *self,
                                                TractionSpinPhase  phase,
                                                const char        *question,
                                                gint64            *id_out,
                                                GError           **error);
gboolean   traction_store_update_spin_question (TractionStore  *self,
                                                gint64          id,
                                                const char     *question,
                                                GError        **error);
/* removed_out gets the question (for undo); the deals' asked marks of it
 * go with it and do not come back. */
gboolean   traction_store_delete_spin_question (TractionStore         *self,
                                                gint64                 id,
                                                TractionSpinQuestion **removed_out,
                                                GError               **error);
gboolean   traction_store_restore_spin_question (TractionStore              *self,
                                                 const TractionSpinQuestion *question,
                                                 GError                    **error);
gboolean   traction_store_set_spin_asked       (TractionStore  *self,
                                                gint64          deal_id,
                                                gint64          question_id,
                                                gboolean        asked,
                                                const GDate    *today,
                                                GError        **error);

/* ------------------------------------------------------------------ */
/* Objection library                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64    deal_id;
  GDate     raised_on;
  char     *note;
} TractionObjectionLink;

typedef struct {
  gint64    id;
  char     *objection;
  char     *root_concern;
  char     *response;
  int       position;
  guint     n_deals;     /* deals it came up on */
  gboolean  raised;      /* on the deal listed for */
  GDate     raised_on;
  char     *note;        /* "" unless raised */
  GArray   *links;       /* TractionObjectionLink; only in what a delete returns */
} TractionObjection;

void       traction_objection_free             (TractionObjection *objection);
/* The library in order; with deal_id > 0, raised marks that deal's. */
GPtrArray *traction_store_list_objections      (TractionStore  *self,
                                                gint64          deal_id,
                                                GError        **error);
/* Objection text required; appended at the end. */
gboolean   traction_store_add_objection        (TractionStore  *self,
                                                const char     *objection,
                                                const char     *root_concern,
                                                const char     *response,
                                                gint64         *id_out,
                                                GError        **error);
gboolean   traction_store_update_objection     (TractionStore  *self,
                                                gint64          id,
                                                const char     *objection,
                                                const char     *root_concern,
                                                const char     *response,
                                                GError        **error);
/* removed_out gets the objection with the deals it came up on. */
gboolean   traction_store_delete_objection     (TractionStore      *self,
                                                gint64              id,
                                                TractionObjection **removed_out,
                                                GError            **error);
gboolean   traction_store_restore_objection    (TractionStore           *self,
                                                const TractionObjection *objection,
                                                GError                 **error);
/* Marks (raised, on today, with note) or unmarks the objection on the deal. */
gboolean   traction_store_set_deal_objection   (TractionStore  *self,
                                                gint64          deal_id,
                                                gint64          objection_id,
                                                gboolean        raised,
                                                const char     *note,
                                                const GDate    *today,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionQualification, traction_qualification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionCompanyProfile, traction_company_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionSpinQuestion, traction_spin_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionObjection, traction_objection_free)

G_END_DECLS
