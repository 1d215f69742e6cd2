/* traction-qualify.c: qualification wizard rules (DOMAIN.md §2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "traction-qualify.h"

static int
id_index (const char         *id,
          const char * const *ids,
          guint               n)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (id, ids[i]))
      return (int) i;
  return -1;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* SPIN */

static const char * const spin_ids[] = { "situation", "problem", "implication", "need_payoff" };

const char *
traction_spin_phase_to_id (TractionSpinPhase phase)
{
  g_return_val_if_fail ((guint) phase < TRACTION_N_SPIN_PHASES, NULL);
  return spin_ids[phase];
}

gboolean
traction_spin_phase_from_id (const char        *id,
                             TractionSpinPhase *out)
{
  int i = id_index (id, spin_ids, G_N_ELEMENTS (spin_ids));

  if (i < 0)
    return FALSE;
  if (out != NULL)
    *out = (TractionSpinPhase) i;
  return TRUE;
}

const char *
traction_spin_phase_label (TractionSpinPhase phase)
{
  static const char * const labels[] = {
    N_("Situation"), N_("Problem"), N_("Implication"), N_("Need-Payoff"),
  };

  g_return_val_if_fail ((guint) phase < G_N_ELEMENTS (labels), NULL);
  return _(labels[phase]);
}

const char *
traction_spin_phase_purpose (TractionSpinPhase phase)
{
  static const char * const purposes[] = {
    N_("Understand their current state. Keep it brief: at most 5 minutes."),
    N_("Surface explicit pain: what is broken, slow, expensive or missing."),
    N_("Make the pain feel urgent and expensive: what happens if they don't solve it."),
    N_("Let them say what solving it would be worth to them."),
  };

  g_return_val_if_fail ((guint) phase < G_N_ELEMENTS (purposes), NULL);
  return _(purposes[phase]);
}

gboolean
traction_spin_may_pitch (const char *implication,
                         const char *need_payoff)
{
  return has_text (implication) && has_text (need_payoff);
}

/* Integration effort */

static const char * const effort_ids[] = { "", "low", "medium", "high" };

const char *
traction_effort_to_id (TractionIntegrationEffort effort)
{
  g_return_val_if_fail ((guint) effort < TRACTION_N_EFFORTS, NULL);
  return effort_ids[effort];
}

gboolean
traction_effort_from_id (const char                *id,
                         TractionIntegrationEffort *out)
{
  int i = id_index (id, effort_ids, G_N_ELEMENTS (effort_ids));

  if (i < 0)
    return FALSE;
  if (out != NULL)
    *out = (TractionIntegrationEffort) i;
  return TRUE;
}

const char *
traction_effort_label (TractionIntegrationEffort effort)
{
  static const char * const labels[] = {
    N_("Not assessed"),
    N_("Low: API only"),
    N_("Medium: custom flows"),
    N_("High: white-label"),
  };

  g_return_val_if_fail ((guint) effort < G_N_ELEMENTS (labels), NULL);
  return _(labels[effort]);
}

/* Stage offer and follow-up */

gboolean
traction_qualify_stage_offer (TractionStage        current,
                              int                  total,
                              const TractionRules *rules,
                              TractionStage       *offer)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (offer != NULL, FALSE);

  if (!traction_stage_is_open (current))
    return FALSE;
  if (total < rules->bant_low)
    {
      *offer = TRACTION_STAGE_LOST;
      return TRUE;
    }
  if (current == TRACTION_STAGE_LEAD && total >= rules->bant_medium)
    {
      *offer = TRACTION_STAGE_QUALIFIED;
      return TRUE;
    }
  return FALSE;
}

gboolean
traction_qualify_follow_up (TractionBantBand     band,
                            const GDate         *scored,
                            const TractionRules *rules,
                            GDate               *out)
{
  int days;

  g_return_val_if_fail (scored != NULL && g_date_valid (scored), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  days = traction_bant_follow_up_days (band, rules);
  if (days < 0)
    return FALSE;
  *out = *scored;
  g_date_add_days (out, (guint) days);
  return TRUE;
}

/* Frameworks */

static const char * const framework_ids[] = { "bant", "meddic", "meddpicc" };

const char *
traction_framework_to_id (TractionFramework framework)
{
  g_return_val_if_fail ((guint) framework < TRACTION_N_FRAMEWORKS, NULL);
  return framework_ids[framework];
}

gboolean
traction_framework_from_id (const char        *id,
                            TractionFramework *out)
{
  int i = id_index (id, framework_ids, G_N_ELEMENTS (framework_ids));

  if (i < 0)
    return FALSE;
  if (out != NULL)
    *out = (TractionFramework) i;
  return TRUE;
}

const char *
traction_framework_label (TractionFramework framework)
{
  static const char * const labels[] = { N_("BANT"), N_("MEDDIC"), N_("MEDDPICC") };

  g_return_val_if_fail ((guint) framework < G_N_ELEMENTS (labels), NULL);
  return _(labels[framework]);
}

static const struct {
  const char *label;
  const char *question;
  const char *maps_from;
} meddic[] = {
  { N_("Metrics"), N_("Is there a quantified business case with specific ROI numbers?"), N_("Need + Implication") },
  { N_("Economic Buyer"), N_("Have we identified and engaged the person who signs the check?"), N_("Authority") },
  { N_("Decision Criteria"), N_("Are their formal evaluation criteria documented (RFP, scorecard)?"), N_("Need") },
  { N_("Decision Process"), N_("Is every step from evaluation to signed contract mapped?"), N_("Timeline + Authority") },
  { N_("Identify Pain"), N_("Is the pain mapped deeply, across several stakeholders?"), N_("Problem + Implication") },
  { N_("Champion"), N_("Is there a named internal advocate who sells on our behalf?"), N_("Authority") },
  { N_("Paper Process"), N_("Do we know the legal, security and procurement steps to signature?"), N_("No BANT equivalent") },
  { N_("Competition"), N_("Do we know who else they are evaluating, and why we win?"), N_("No BANT equivalent") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (meddic) == TRACTION_N_MEDDPICC);

const char *
traction_meddic_label (TractionMeddicElement element)
{
  g_return_val_if_fail ((guint) element < TRACTION_N_MEDDPICC, NULL);
  return _(meddic[element].label);
}

const char *
traction_meddic_question (TractionMeddicElement element)
{
  g_return_val_if_fail ((guint) element < TRACTION_N_MEDDPICC, NULL);
  return _(meddic[element].question);
}

const char *
traction_meddic_maps_from (TractionMeddicElement element)
{
  g_return_val_if_fail ((guint) element < TRACTION_N_MEDDPICC, NULL);
  return _(meddic[element].maps_from);
}

TractionFramework
traction_qualify_framework (gint64               deal_arr_cents,
                            int                  cycle_days,
                            TractionGraduation   prompts,
                            gboolean             per_deal,
                            const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRACTION_FRAMEWORK_BANT);

  if (!per_deal && (prompts & (TRACTION_GRADUATE_MEDDIC | TRACTION_GRADUATE_MEDDPICC)) == 0)
    return TRACTION_FRAMEWORK_BANT;
  if (deal_arr_cents > rules->meddpicc_deal_cents ||
      (cycle_days >= 0 && cycle_days > rules->meddpicc_cycle_days) ||
      (prompts & TRACTION_GRADUATE_MEDDPICC) != 0)
    return TRACTION_FRAMEWORK_MEDDPICC;
  return TRACTION_FRAMEWORK_MEDDIC;
}

static int
clamp_score (int value)
{
  return CLAMP (value, 1, 5);
}

void
traction_meddic_prefill (const TractionBant  *bant,
                         const char * const   spin[TRACTION_N_SPIN_PHASES],
                         int                  out[TRACTION_N_MEDDPICC])
{
  gboolean problem, implication;

  g_return_if_fail (bant != NULL);
  g_return_if_fail (out != NULL);

  problem = spin != NULL && has_text (spin[TRACTION_SPIN_PROBLEM]);
  implication = spin != NULL && has_text (spin[TRACTION_SPIN_IMPLICATION]);

  out[TRACTION_MEDDIC_METRICS] = clamp_score (bant->need - (implication ? 0 : 1));
  out[TRACTION_MEDDIC_ECONOMIC_BUYER] = clamp_score (bant->authority);
  out[TRACTION_MEDDIC_DECISION_CRITERIA] = clamp_score (bant->need);
  out[TRACTION_MEDDIC_DECISION_PROCESS] = clamp_score ((bant->timeline + bant->authority) / 2);
  out[TRACTION_MEDDIC_IDENTIFY_PAIN] = clamp_score (bant->need - (problem && implication ? 0 : 1));
  out[TRACTION_MEDDIC_CHAMPION] = clamp_score (bant->authority);
  out[TRACTION_MEDDPICC_PAPER_PROCESS] = 0;
  out[TRACTION_MEDDPICC_COMPETITION] = 0;
}
