/* traction-qualify.h: the rules of the qualification wizard (DOMAIN.md §2)
 * that traction-core.h does not already have: SPIN phases, the stage the
 * band implies, the follow-up date, "don't pitch yet", and MEDDIC /
 * MEDDPICC with its pre-fill from BANT and SPIN. GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-core.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_SPIN_SITUATION,
  TRACTION_SPIN_PROBLEM,
  TRACTION_SPIN_IMPLICATION,
  TRACTION_SPIN_NEED_PAYOFF,
  TRACTION_N_SPIN_PHASES
} TractionSpinPhase;

const char *traction_spin_phase_to_id    (TractionSpinPhase phase);  /* "situation" … "need_payoff" */
gboolean    traction_spin_phase_from_id  (const char *id, TractionSpinPhase *out);
const char *traction_spin_phase_label    (TractionSpinPhase phase);  /* "Need-Payoff" */
const char *traction_spin_phase_purpose  (TractionSpinPhase phase);  /* "Surface explicit pain" */

/* "Never pitch until you complete the Implication and Need-Payoff stages":
 * TRUE once both notes hold more than blanks (either may be NULL). */
gboolean    traction_spin_may_pitch      (const char *implication,
                                          const char *need_payoff);

typedef enum {
  TRACTION_EFFORT_NONE,      /* not assessed */
  TRACTION_EFFORT_LOW,       /* API only */
  TRACTION_EFFORT_MEDIUM,    /* custom flows */
  TRACTION_EFFORT_HIGH,      /* white-label */
  TRACTION_N_EFFORTS
} TractionIntegrationEffort;

const char *traction_effort_to_id        (TractionIntegrationEffort effort); /* "", "low" … */
gboolean    traction_effort_from_id      (const char *id, TractionIntegrationEffort *out);
const char *traction_effort_label        (TractionIntegrationEffort effort); /* "Low: API only" */

/* The stage move a new scoring implies for a deal in `current`:
 * Qualified when the deal is in Lead and total >= bant_medium (12);
 * Closed Lost when the deal is open and total < bant_low (8) (loss
 * reason "disqualified"); else FALSE (nothing to offer). */
gboolean    traction_qualify_stage_offer (TractionStage        current,
                                          int                  total,
                                          const TractionRules *rules,
                                          TractionStage       *offer);

/* The follow-up date the band implies, counted from `scored`
 * (traction_bant_follow_up_days); FALSE and out cleared for Disqualify. */
gboolean    traction_qualify_follow_up   (TractionBantBand     band,
                                          const GDate         *scored,
                                          const TractionRules *rules,
                                          GDate               *out);

typedef enum {
  TRACTION_FRAMEWORK_BANT,
  TRACTION_FRAMEWORK_MEDDIC,
  TRACTION_FRAMEWORK_MEDDPICC,
  TRACTION_N_FRAMEWORKS
} TractionFramework;

const char *traction_framework_to_id     (TractionFramework framework); /* "bant" "meddic" "meddpicc" */
gboolean    traction_framework_from_id   (const char *id, TractionFramework *out);
const char *traction_framework_label     (TractionFramework framework); /* "MEDDPICC" */

typedef enum {
  TRACTION_MEDDIC_METRICS,
  TRACTION_MEDDIC_ECONOMIC_BUYER,
  TRACTION_MEDDIC_DECISION_CRITERIA,
  TRACTION_MEDDIC_DECISION_PROCESS,
  TRACTION_MEDDIC_IDENTIFY_PAIN,
  TRACTION_MEDDIC_CHAMPION,
  TRACTION_MEDDPICC_PAPER_PROCESS,
  TRACTION_MEDDPICC_COMPETITION,
  TRACTION_N_MEDDPICC
} TractionMeddicElement;

#define TRACTION_N_MEDDIC 6

const char *traction_meddic_label        (TractionMeddicElement element); /* "Economic Buyer" */
/* What the element asks, and which BANT/SPIN part it maps from. */
const char *traction_meddic_question     (TractionMeddicElement element);
const char *traction_meddic_maps_from    (TractionMeddicElement element);

/* Which framework the wizard offers for a deal: BANT alone until the
 * company graduates (traction_graduation_prompts offers MEDDIC or
 * MEDDPICC) or the founder asks for MEDDIC on this deal (per_deal); then
 * MEDDPICC (Paper Process and Competition added) when the deal's ARR is
 * above meddpicc_deal_cents ($100K), its cycle is longer than
 * meddpicc_cycle_days (90) or the company reached the MEDDPICC stage,
 * else MEDDIC. cycle_days < 0: unknown. */
TractionFramework traction_qualify_framework (gint64               deal_arr_cents,
                                              int                  cycle_days,
                                              TractionGraduation   prompts,
                                              gboolean             per_deal,
                                              const TractionRules *rules);

/* Pre-fills MEDDIC from BANT and the SPIN notes by the seed's mapping:
 * Metrics ← Need (one lower without an Implication note), Economic Buyer
 * ← Authority, Decision Criteria ← Need, Decision Process ← mean of
 * Timeline and Authority (rounded down), Identify Pain ← Need (one lower
 * without Problem and Implication notes), Champion ← Authority. Paper
 * Process and Competition have no mapping: 0 (for the founder to score).
 * spin: the four notes (NULL entries allowed). Every value is 1..5 or 0. */
void        traction_meddic_prefill      (const TractionBant  *bant,
                                          const char * const   spin[TRACTION_N_SPIN_PHASES],
                                          int                  out[TRACTION_N_MEDDPICC]);

G_END_DECLS
