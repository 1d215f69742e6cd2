/* traction-core.c: error domain, default rules, validation, graduation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"

G_DEFINE_QUARK (traction-core-error-quark, traction_core_error)

/* Default win probability per stage (DOMAIN.md §1): the product of the
 * midpoints of the remaining target conversions. */
static const double default_stage_probability[TRACTION_N_STAGES] = {
  [TRACTION_STAGE_LEAD]        = 0.078,
  [TRACTION_STAGE_QUALIFIED]   = 0.174,
  [TRACTION_STAGE_DISCOVERY]   = 0.268,
  [TRACTION_STAGE_PROPOSAL]    = 0.4875,
  [TRACTION_STAGE_NEGOTIATION] = 0.75,
  [TRACTION_STAGE_WON]         = 1.0,
  [TRACTION_STAGE_LOST]        = 0.0,
};

#define DOLLARS(n) ((gint64) (n) * 100)

void
traction_rules_init_defaults (TractionRules *rules)
{
  g_return_if_fail (rules != NULL);

  memset (rules, 0, sizeof *rules);

  /* §1 pipeline */
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      rules->stage_probability[i] = default_stage_probability[i];
      rules->stalled_days[i] = traction_stage_is_open ((TractionStage) i) ? 15 : 0;
    }
  rules->quarterly_target_cents = 0;
  rules->coverage_needed = 3.0;
  rules->rhythm_max_prospects = 5;
  rules->rhythm_max_meetings = 4;
  rules->fiscal_year_start_month = 1;

  /* §2 qualification */
  rules->bant_high = 16;
  rules->bant_medium = 12;
  rules->bant_low = 8;
  rules->nurture_days = 30;
  rules->discovery_days = 14;
  rules->meddpicc_deal_cents = DOLLARS (100000);
  rules->meddpicc_cycle_days = 90;

  /* §3 design partners */
  rules->partner_qualify = 18;

  /* §4 providers */
  rules->provider_review_days = 90;

  /* §5 health */
  rules->health_weight[TRACTION_HEALTH_USAGE] = 40;
  rules->health_weight[TRACTION_HEALTH_SUPPORT] = 25;
  rules->health_weight[TRACTION_HEALTH_SATISFACTION] = 20;
  rules->health_weight[TRACTION_HEALTH_EXPANSION] = 15;
  rules->band_healthy = 80;
  rules->band_monitor = 60;
  rules->band_at_risk = 40;
  rules->trend_delta = 5.0;
  rules->alert_volume_drop_pct = 30;
  rules->alert_no_calls_days = 7;
  rules->alert_dark_days = 14;
  rules->alert_nps_below = 7;

  /* §6 revenue */
  rules->nrr_target = 120.0;
  rules->grr_target = 92.0;
  rules->expansion_mix_target[0] = 40;   /* cross-sell */
  rules->expansion_mix_target[1] = 35;   /* upsell */
  rules->expansion_mix_target[2] = 25;   /* usage */
  rules->renewal_probability[TRACTION_BAND_HEALTHY] = 0.95;
  rules->renewal_probability[TRACTION_BAND_MONITOR] = 0.85;
  rules->renewal_probability[TRACTION_BAND_AT_RISK] = 0.60;
  rules->renewal_probability[TRACTION_BAND_CRITICAL] = 0.30;
  rules->renewal_lead_days[TRACTION_SEGMENT_HIGH_TOUCH] = 180;
  rules->renewal_lead_days[TRACTION_SEGMENT_LOW_TOUCH] = 120;
  rules->renewal_lead_days[TRACTION_SEGMENT_TECH_TOUCH] = 90;
  rules->segment_high_cents = DOLLARS (100000);
  rules->segment_low_cents = DOLLARS (15000);
  rules->renewal_window_days = 90;

  /* §8 graduation */
  rules->graduation_cs_clients = 10;
  rules->graduation_meddic_cents = DOLLARS (1000000);
  rules->graduation_meddpicc_cents = DOLLARS (5000000);

  /* §9 enablement */
  rules->asset_stale_days = 30;
}

/* Validation helpers: each returns FALSE with a message a founder can act
 * on. `what` is an already translated name of the setting. */

static gboolean
check_int (int          value,
           int          lo,
           int          hi,
           const char  *what,
           GError     **error)
{
  g_assert (what != NULL);

  if (value < lo || value > hi)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("%s is %d; it must be between %d and %d."),
                   what, value, lo, hi);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_double (double       value,
              double       lo,
              double       hi,
              const char  *what,
              GError     **error)
{
  g_assert (what != NULL);

  /* Written so that NaN fails too. */
  if (!(value >= lo && value <= hi))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("%s is %g; it must be between %g and %g."),
                   what, value, lo, hi);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_percent (double       probability,
               const char  *what,
               GError     **error)
{
  g_assert (what != NULL);

  if (!(probability >= 0.0 && probability <= 1.0))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("%s is %g %%; it must be between 0 %% and 100 %%."),
                   what, probability * 100.0);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_positive_money (gint64       cents,
                      const char  *what,
                      GError     **error)
{
  g_assert (what != NULL);

  if (cents <= 0)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("%s must be an amount above zero."), what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_sum_100 (const int   *values,
               guint        n,
               const char  *what,
               GError     **error)
{
  int sum = 0;

  for (guint i = 0; i < n; i++)
    sum += values[i];

  if (sum != 100)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("%s add up to %d %%; they must add up to exactly 100 %%."),
                   what, sum);
      return FALSE;
    }

  return TRUE;
}

gboolean
traction_rules_validate (const TractionRules  *rules,
                         GError              **error)
{
  static const char * const weight_names[TRACTION_N_HEALTH_CATEGORIES] = {
    N_("The weight of usage"),
    N_("The weight of support and engagement"),
    N_("The weight of satisfaction"),
    N_("The weight of expansion signals"),
  };
  static const char * const mix_names[3] = {
    N_("The cross-sell target"),
    N_("The upsell target"),
    N_("The usage growth target"),
  };
  static const char * const band_names[TRACTION_N_BANDS] = {
    N_("The renewal probability of healthy clients"),
    N_("The renewal probability of clients to monitor"),
    N_("The renewal probability of clients at risk"),
    N_("The renewal probability of critical clients"),
  };
  static const char * const segment_names[TRACTION_N_SEGMENTS] = {
    N_("The renewal lead time of high-touch clients (days)"),
    N_("The renewal lead time of low-touch clients (days)"),
    N_("The renewal lead time of tech-touch clients (days)"),
  };

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* §1 pipeline */
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf (_("The win probability of the stage “%s”"),
                              traction_stage_label ((TractionStage) i));
      if (!check_percent (rules->stage_probability[i], what, error))
        return FALSE;
    }

  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      g_autofree char *what = NULL;

      if (!traction_stage_is_open ((TractionStage) i))
        continue;

      what = g_strdup_printf (_("The number of days before a deal in “%s” counts as stalled"),
                              traction_stage_label ((TractionStage) i));
      if (!check_int (rules->stalled_days[i], 1, 365, what, error))
        return FALSE;
    }

  if (rules->quarterly_target_cents < 0)
    {
      g_set_error_literal (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                           _("The quarterly target cannot be negative; use zero for no target."));
      return FALSE;
    }

  if (!check_double (rules->coverage_needed, 0.1, 20.0,
                     _("The pipeline coverage needed"), error) ||
      !check_int (rules->rhythm_max_prospects, 1, 100,
                  _("The most new prospects a week"), error) ||
      !check_int (rules->rhythm_max_meetings, 1, 100,
                  _("The most external meetings a week"), error) ||
      !check_int (rules->fiscal_year_start_month, 1, 12,
                  _("The month the fiscal year starts"), error))
    return FALSE;

  /* §2 qualification */
  if (!check_int (rules->bant_low, 5, 20, _("The BANT total for low priority"), error) ||
      !check_int (rules->bant_medium, 5, 20, _("The BANT total for medium priority"), error) ||
      !check_int (rules->bant_high, 5, 20, _("The BANT total for high priority"), error))
    return FALSE;

  if (!(rules->bant_low < rules->bant_medium && rules->bant_medium < rules->bant_high))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The BANT thresholds must go up: low priority (%d) below medium (%d) below high (%d)."),
                   rules->bant_low, rules->bant_medium, rules->bant_high);
      return FALSE;
    }

  if (!check_int (rules->nurture_days, 1, 365,
                  _("The follow-up for low-priority deals (days)"), error) ||
      !check_int (rules->discovery_days, 1, 365,
                  _("The follow-up for medium-priority deals (days)"), error) ||
      !check_positive_money (rules->meddpicc_deal_cents,
                             _("The deal size that calls for MEDDPICC"), error) ||
      !check_int (rules->meddpicc_cycle_days, 1, 3650,
                  _("The sales cycle that calls for MEDDPICC (days)"), error))
    return FALSE;

  /* §3 and §4 */
  if (!check_int (rules->partner_qualify, 5, 25,
                  _("The design-partner score needed to qualify"), error) ||
      !check_int (rules->provider_review_days, 1, 3650,
                  _("The days between provider reviews"), error))
    return FALSE;

  /* §5 health */
  for (guint i = 0; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    if (!check_int (rules->health_weight[i], 0, 100, _(weight_names[i]), error))
      return FALSE;

  if (!check_sum_100 (rules->health_weight, TRACTION_N_HEALTH_CATEGORIES,
                      _("The health weights"), error))
    return FALSE;

  if (!check_int (rules->band_at_risk, 1, 100, _("The lowest “At risk” score"), error) ||
      !check_int (rules->band_monitor, 1, 100, _("The lowest “Monitor” score"), error) ||
      !check_int (rules->band_healthy, 1, 100, _("The lowest “Healthy” score"), error))
    return FALSE;

  if (!(rules->band_at_risk < rules->band_monitor && rules->band_monitor < rules->band_healthy))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The health bands must go up: “At risk” from %d, below “Monitor” from %d, below “Healthy” from %d."),
                   rules->band_at_risk, rules->band_monitor, rules->band_healthy);
      return FALSE;
    }

  if (!check_double (rules->trend_delta, 0.1, 100.0,
                     _("The change in health that counts as a trend (points)"), error) ||
      !check_int (rules->alert_volume_drop_pct, 1, 100,
                  _("The volume drop that raises an alert (percent)"), error) ||
      !check_int (rules->alert_no_calls_days, 1, 365,
                  _("The days without API calls that raise an alert"), error) ||
      !check_int (rules->alert_dark_days, 1, 365,
                  _("The days without a response that raise an alert"), error) ||
      !check_int (rules->alert_nps_below, 1, 10,
                  _("The NPS answer below which an alert is raised"), error))
    return FALSE;

  /* §6 revenue */
  if (!check_double (rules->nrr_target, 1.0, 1000.0, _("The NRR target (percent)"), error) ||
      !check_double (rules->grr_target, 1.0, 100.0, _("The GRR target (percent)"), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rules->expansion_mix_target); i++)
    if (!check_int (rules->expansion_mix_target[i], 0, 100, _(mix_names[i]), error))
      return FALSE;

  if (!check_sum_100 (rules->expansion_mix_target, G_N_ELEMENTS (rules->expansion_mix_target),
                      _("The expansion mix targets"), error))
    return FALSE;

  for (guint i = 0; i < TRACTION_N_BANDS; i++)
    if (!check_percent (rules->renewal_probability[i], _(band_names[i]), error))
      return FALSE;

  for (guint i = 0; i < TRACTION_N_SEGMENTS; i++)
    if (!check_int (rules->renewal_lead_days[i], 0, 730, _(segment_names[i]), error))
      return FALSE;

  if (!check_positive_money (rules->segment_low_cents,
                             _("The ARR where low touch starts"), error) ||
      !check_positive_money (rules->segment_high_cents,
                             _("The ARR where high touch starts"), error))
    return FALSE;

  if (rules->segment_low_cents >= rules->segment_high_cents)
    {
      g_set_error_literal (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                           _("The ARR where high touch starts must be above the ARR where low touch starts."));
      return FALSE;
    }

  if (!check_int (rules->renewal_window_days, 1, 730,
                  _("The days ahead to show renewals"), error))
    return FALSE;

  /* §8 graduation */
  if (!check_int (rules->graduation_cs_clients, 1, 100000,
                  _("The number of clients that calls for a CS practice"), error) ||
      !check_positive_money (rules->graduation_meddic_cents,
                             _("The company ARR that calls for MEDDIC"), error) ||
      !check_positive_money (rules->graduation_meddpicc_cents,
                             _("The company ARR that calls for MEDDPICC"), error))
    return FALSE;

  if (rules->graduation_meddic_cents >= rules->graduation_meddpicc_cents)
    {
      g_set_error_literal (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                           _("The company ARR that calls for MEDDPICC must be above the one that calls for MEDDIC."));
      return FALSE;
    }

  /* §9 enablement */
  if (!check_int (rules->asset_stale_days, 1, 365,
                  _("The days before a sales asset needs review"), error))
    return FALSE;

  return TRUE;
}

/* DOMAIN.md §8: a CS practice at 10+ active paying clients; MEDDIC when
 * ARR is above $1M ("ARR > $1M") or a sales hire joined; MEDDPICC from
 * $5M ("$5M+"). The prompts add up: at $5M both methods are suggested. */
TractionGraduation
traction_graduation_prompts (guint                active_paying_clients,
                             gint64               company_arr_cents,
                             gboolean             sales_hire_joined,
                             const TractionRules *rules)
{
  TractionGraduation prompts = 0;

  g_return_val_if_fail (rules != NULL, 0);

  if (rules->graduation_cs_clients > 0 &&
      active_paying_clients >= (guint) rules->graduation_cs_clients)
    prompts |= TRACTION_GRADUATE_CS_PRACTICE;

  if (sales_hire_joined || company_arr_cents > rules->graduation_meddic_cents)
    prompts |= TRACTION_GRADUATE_MEDDIC;

  if (company_arr_cents >= rules->graduation_meddpicc_cents)
    prompts |= TRACTION_GRADUATE_MEDDPICC;

  return prompts;
}
