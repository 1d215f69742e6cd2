/* traction-partners.c: design partners (§3) and providers (§4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "traction-core.h"

static gboolean
check_score (int          value,
             const char  *field,
             GError     **error)
{
  if (value < 1 || value > 5)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The “%s” score is %d; it must be between 1 and 5."),
                   field, value);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* §3 Design partners                                                  */
/* ------------------------------------------------------------------ */

gboolean
traction_partner_total (const TractionPartnerScore  *score,
                        int                         *total,
                        GError                     **error)
{
  g_return_val_if_fail (score != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_score (score->icp_fit, _("ICP fit"), error) ||
      !check_score (score->brand_value, _("Brand value"), error) ||
      !check_score (score->technical_readiness, _("Technical readiness"), error) ||
      !check_score (score->feedback_quality, _("Feedback quality"), error) ||
      !check_score (score->expansion_potential, _("Expansion potential"), error))
    return FALSE;

  if (total != NULL)
    *total = score->icp_fit + score->brand_value + score->technical_readiness
             + score->feedback_quality + score->expansion_potential;

  return TRUE;
}

gboolean
traction_partner_qualifies (int                  total,
                            const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return total >= rules->partner_qualify;
}

static const struct {
  int         first_day;
  int         last_day;
  const char *label;
} milestones[TRACTION_N_MILESTONES] = {
  { 0, 14, N_("Kickoff, sandbox access and integration planning") },
  { 15, 30, N_("API integration complete, first test transactions") },
  { 31, 60, N_("Production deployment, first real volume") },
  { 61, 90, N_("Case study drafted, first product feedback session") },
  { 91, 180, N_("Steady-state operations, expansion discussion, renewal decision") },
};

void
traction_partner_milestone_window (int  index,
                                   int *first_day,
                                   int *last_day)
{
  g_return_if_fail (index >= 0 && index < TRACTION_N_MILESTONES);

  if (first_day != NULL)
    *first_day = milestones[index].first_day;
  if (last_day != NULL)
    *last_day = milestones[index].last_day;
}

const char *
traction_partner_milestone_label (int index)
{
  g_return_val_if_fail (index >= 0 && index < TRACTION_N_MILESTONES, NULL);

  return _(milestones[index].label);
}

gboolean
traction_partner_milestone_late (int          index,
                                 const GDate *start,
                                 gboolean     done,
                                 const GDate *today)
{
  g_return_val_if_fail (index >= 0 && index < TRACTION_N_MILESTONES, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (done)
    return FALSE;

  return g_date_days_between (start, today) > milestones[index].last_day;
}

/* ------------------------------------------------------------------ */
/* §4 Providers                                                        */
/* ------------------------------------------------------------------ */

int
traction_exclusivity_score (TractionExclusivity exclusivity)
{
  switch (exclusivity)
    {
    case TRACTION_EXCLUSIVITY_NONE:
      return 5;
    case TRACTION_EXCLUSIVITY_SOFT:
      return 3;
    case TRACTION_EXCLUSIVITY_HARD:
      return 1;
    default:
      g_return_val_if_reached (0);
    }
}

gboolean
traction_provider_overall (const TractionProviderReview  *review,
                           int                           *overall,
                           GError                       **error)
{
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_score (review->reliability, _("Reliability"), error) ||
      !check_score (review->pricing, _("Pricing"), error) ||
      !check_score (review->integration_maturity, _("Integration maturity"), error) ||
      !check_score (review->support, _("Support responsiveness"), error) ||
      !check_score (review->regulatory, _("Regulatory standing"), error) ||
      !check_score (review->dependency_risk, _("Dependency risk"), error) ||
      !check_score (review->relationship, _("Relationship health"), error))
    return FALSE;

  if ((guint) review->exclusivity > TRACTION_EXCLUSIVITY_HARD)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The exclusivity terms must be None, Soft or Hard (got %d)."),
                   (int) review->exclusivity);
      return FALSE;
    }

  /* Dependency risk counts as 6 − risk: a high risk is bad. */
  if (overall != NULL)
    *overall = review->reliability + review->pricing
               + traction_exclusivity_score (review->exclusivity)
               + review->integration_maturity + review->support + review->regulatory
               + (6 - review->dependency_risk) + review->relationship;

  return TRUE;
}

TractionRiskLevel
traction_provider_risk (int dependency_risk)
{
  /* An impossible score is treated as the worst case. */
  g_return_val_if_fail (dependency_risk >= 1 && dependency_risk <= 5, TRACTION_RISK_CRITICAL);

  if (dependency_risk <= 2)
    return TRACTION_RISK_LOW;
  if (dependency_risk == 3)
    return TRACTION_RISK_MEDIUM;
  if (dependency_risk == 4)
    return TRACTION_RISK_HIGH;

  return TRACTION_RISK_CRITICAL;
}

const char *
traction_risk_label (TractionRiskLevel level)
{
  static const char * const labels[] = {
    [TRACTION_RISK_LOW]      = N_("Low"),
    [TRACTION_RISK_MEDIUM]   = N_("Medium"),
    [TRACTION_RISK_HIGH]     = N_("High"),
    [TRACTION_RISK_CRITICAL] = N_("Critical"),
  };

  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (labels), NULL);

  return _(labels[level]);
}

const char *
traction_risk_action (TractionRiskLevel level)
{
  static const char * const actions[] = {
    [TRACTION_RISK_LOW]      = N_("Standard quarterly review."),
    [TRACTION_RISK_MEDIUM]   = N_("Monthly check-in; document a contingency plan."),
    [TRACTION_RISK_HIGH]     = N_("Identify a backup provider and escalate to the CEO."),
    [TRACTION_RISK_CRITICAL] = N_("Emergency: source an alternative immediately and negotiate SLA improvements."),
  };

  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (actions), NULL);

  return _(actions[level]);
}

/* Due when there never was a review, or provider_review_days have passed
 * since the last one. */
gboolean
traction_provider_review_due (const GDate         *last_review,
                              const TractionRules *rules,
                              const GDate         *today)
{
  g_return_val_if_fail (rules != NULL, TRUE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), TRUE);

  if (last_review == NULL || !g_date_valid (last_review))
    return TRUE;

  return g_date_days_between (last_review, today) >= rules->provider_review_days;
}
