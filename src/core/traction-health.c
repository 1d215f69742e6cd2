/* traction-health.c: client health, alerts, lifecycle, NPS, CSAT (§5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"
#include "traction-health.h"

/* Items per category, in the order of the TRACTION_ITEM_* enum. */
G_STATIC_ASSERT (TRACTION_ITEM_API_VOLUME == 0 && TRACTION_ITEM_TICKET_VOLUME == 3 &&
                 TRACTION_ITEM_NPS == 6 && TRACTION_N_HEALTH_ITEMS == 8);

static const struct {
  guint first;
  guint n;
} category_items[TRACTION_N_HEALTH_CATEGORIES - 1] = {
  [TRACTION_HEALTH_USAGE]        = { TRACTION_ITEM_API_VOLUME, 3 },
  [TRACTION_HEALTH_SUPPORT]      = { TRACTION_ITEM_TICKET_VOLUME, 3 },
  [TRACTION_HEALTH_SATISFACTION] = { TRACTION_ITEM_NPS, 2 },
};

/* The score is computed exactly in integers. A category with n items
 * scores Σ(x − 1) × 100 / (4n); expansion scores yes × 100 / 3; so
 * weight × category / 100 = weight × N / D with D = 4n or 3. With the
 * common denominator SCORE_DENOMINATOR (24 = lcm (12, 12, 8, 3)) the
 * score is S / 24 for an integer S, and its tenths 10 S / 24. */
#define SCORE_DENOMINATOR 24

gboolean
traction_health_score (const TractionHealthInput *input,
                       const TractionRules       *rules,
                       double                    *score,
                       double                     category[TRACTION_N_HEALTH_CATEGORIES],
                       GError                   **error)
{
  gint64 numerator[TRACTION_N_HEALTH_CATEGORIES];
  gint64 denominator[TRACTION_N_HEALTH_CATEGORIES];
  gint64 s = 0;
  gint64 tenths_num, tenths;
  guint yes = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    {
      if (input->items[i] < 1 || input->items[i] > 5)
        {
          g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                       _("The “%s” score is %d; it must be between 1 and 5."),
                       traction_health_item_label ((int) i), input->items[i]);
          return FALSE;
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (category_items); c++)
    {
      numerator[c] = 0;
      for (guint i = 0; i < category_items[c].n; i++)
        numerator[c] += input->items[category_items[c].first + i] - 1;
      denominator[c] = 4 * (gint64) category_items[c].n;
    }

  for (guint i = 0; i < TRACTION_N_HEALTH_SIGNALS; i++)
    if (input->signals[i])
      yes++;
  numerator[TRACTION_HEALTH_EXPANSION] = yes;
  denominator[TRACTION_HEALTH_EXPANSION] = TRACTION_N_HEALTH_SIGNALS;

  for (guint c = 0; c < TRACTION_N_HEALTH_CATEGORIES; c++)
    {
      g_assert (SCORE_DENOMINATOR % denominator[c] == 0);

      s += (gint64) rules->health_weight[c] * numerator[c] * (SCORE_DENOMINATOR / denominator[c]);
      if (category != NULL)
        category[c] = (double) numerator[c] * 100.0 / (double) denominator[c];
    }

  /* tenths = 10 s / 24, rounded half away from zero. */
  tenths_num = 10 * s;
  if (tenths_num >= 0)
    tenths = (tenths_num + SCORE_DENOMINATOR / 2) / SCORE_DENOMINATOR;
  else
    tenths = -((-tenths_num + SCORE_DENOMINATOR / 2) / SCORE_DENOMINATOR);

  if (score != NULL)
    *score = (double) tenths / 10.0;

  return TRUE;
}

TractionHealthBand
traction_health_band (double               score,
                      const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRACTION_BAND_CRITICAL);

  if (score >= rules->band_healthy)
    return TRACTION_BAND_HEALTHY;
  if (score >= rules->band_monitor)
    return TRACTION_BAND_MONITOR;
  if (score >= rules->band_at_risk)
    return TRACTION_BAND_AT_RISK;

  return TRACTION_BAND_CRITICAL;
}

const char *
traction_health_band_id (TractionHealthBand band)
{
  static const char * const ids[TRACTION_N_BANDS] = {
    [TRACTION_BAND_HEALTHY]  = "healthy",
    [TRACTION_BAND_MONITOR]  = "monitor",
    [TRACTION_BAND_AT_RISK]  = "at_risk",
    [TRACTION_BAND_CRITICAL] = "critical",
  };

  g_return_val_if_fail ((guint) band < TRACTION_N_BANDS, NULL);

  return ids[band];
}

const char *
traction_health_band_label (TractionHealthBand band)
{
  static const char * const labels[TRACTION_N_BANDS] = {
    [TRACTION_BAND_HEALTHY]  = N_("Healthy"),
    [TRACTION_BAND_MONITOR]  = N_("Monitor"),
    [TRACTION_BAND_AT_RISK]  = N_("At risk"),
    [TRACTION_BAND_CRITICAL] = N_("Critical"),
  };

  g_return_val_if_fail ((guint) band < TRACTION_N_BANDS, NULL);

  return _(labels[band]);
}

const char *
traction_health_band_cadence (TractionHealthBand band)
{
  static const char * const cadences[TRACTION_N_BANDS] = {
    [TRACTION_BAND_HEALTHY]  = N_("Review quarterly"),
    [TRACTION_BAND_MONITOR]  = N_("Review every two weeks"),
    [TRACTION_BAND_AT_RISK]  = N_("Review weekly and escalate"),
    [TRACTION_BAND_CRITICAL] = N_("CEO call within 48 hours"),
  };

  g_return_val_if_fail ((guint) band < TRACTION_N_BANDS, NULL);

  return _(cadences[band]);
}

/* Scores carry one decimal, so the comparison is done in whole tenths:
 * 85.1 − 80.1 is exactly 5 points, whatever binary doubles make of it. */
TractionTrend
traction_health_trend (double               previous,
                       double               current,
                       const TractionRules *rules)
{
  gint64 change, delta;

  g_return_val_if_fail (rules != NULL, TRACTION_TREND_STABLE);

  change = (gint64) llround (current * 10.0) - (gint64) llround (previous * 10.0);
  delta = (gint64) llround (rules->trend_delta * 10.0);

  if (change >= delta)
    return TRACTION_TREND_IMPROVING;
  if (change <= -delta)
    return TRACTION_TREND_DECLINING;

  return TRACTION_TREND_STABLE;
}

/* ------------------------------------------------------------------ */
/* Alerts                                                              */
/* ------------------------------------------------------------------ */

/* Playbook of founder-led-sales-skill.txt (signal → response → owner).
 * The seed gives a time only for the first two ("within 48 hours",
 * "same-day"); the others are our defaults, editable in the playbooks
 * table: a P1/P2 ticket 24 h (resolve within a one-day SLA, then the
 * post-mortem), a dark client 48 h (as a Critical client's CEO call),
 * low NPS 72 h (book the 30-minute root-cause call within three days).
 * Same day is 8 working hours. */
static const struct {
  const char *id;
  const char *title;
  const char *response;
  const char *owner;
  int         due_hours;
} alert_kinds[TRACTION_N_ALERT_KINDS] = {
  [TRACTION_ALERT_VOLUME_DROP] = {
    "volume_drop", N_("Volume drop"),
    N_("Reach out within 48 hours: “Noticed volume dipped — anything we can help with?”"),
    N_("CPO"), 48,
  },
  [TRACTION_ALERT_NO_API_CALLS] = {
    "no_api_calls", N_("No API calls"),
    N_("Same-day outreach: check for integration issues or internal changes."),
    N_("CTO + CPO"), 8,
  },
  [TRACTION_ALERT_SEVERE_TICKET] = {
    "severe_ticket", N_("Severe support ticket (P1/P2)"),
    N_("Resolve within SLA, then follow up with a post-mortem and prevention plan."),
    N_("CTO"), 24,
  },
  [TRACTION_ALERT_DARK] = {
    "dark", N_("Client gone dark"),
    N_("Escalate to the CEO for personal outreach via the founder network or a warm introduction."),
    N_("CEO"), 48,
  },
  [TRACTION_ALERT_LOW_NPS] = {
    "low_nps", N_("Low NPS"),
    N_("Schedule a 30-minute call to understand the root cause and create an action plan."),
    N_("CPO"), 72,
  },
};

const char *
traction_alert_kind_to_id (TractionAlertKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ALERT_KINDS, NULL);

  return alert_kinds[kind].id;
}

gboolean
traction_alert_kind_from_id (const char        *id,
                             TractionAlertKind *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    {
      if (strcmp (id, alert_kinds[i].id) == 0)
        {
          if (out != NULL)
            *out = (TractionAlertKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
traction_alert_title (TractionAlertKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ALERT_KINDS, NULL);

  return _(alert_kinds[kind].title);
}

const char *
traction_alert_response (TractionAlertKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ALERT_KINDS, NULL);

  return _(alert_kinds[kind].response);
}

const char *
traction_alert_owner_role (TractionAlertKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ALERT_KINDS, NULL);

  return _(alert_kinds[kind].owner);
}

int
traction_alert_due_hours (TractionAlertKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ALERT_KINDS, 0);

  return alert_kinds[kind].due_hours;
}

/* (previous − current) × 100 >= pct × previous, without overflow. */
static gboolean
volume_dropped (gint64 previous,
                gint64 current,
                int    pct)
{
  gint64 drop;

  if (previous <= 0 || current < 0 || current >= previous)
    return FALSE;

  drop = previous - current;

  if (previous <= G_MAXINT64 / 100)
    return drop * 100 >= (gint64) pct * previous;

  return (long double) drop * 100.0L >= (long double) pct * (long double) previous;
}

void
traction_alerts_evaluate (const TractionUsageMonth *previous,
                          const TractionUsageMonth *current,
                          const TractionRules      *rules,
                          const GDate              *today,
                          gboolean                  fired[TRACTION_N_ALERT_KINDS])
{
  g_return_if_fail (fired != NULL);

  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    fired[i] = FALSE;

  g_return_if_fail (current != NULL);
  g_return_if_fail (rules != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (previous != NULL)
    fired[TRACTION_ALERT_VOLUME_DROP] = volume_dropped (previous->api_volume,
                                                        current->api_volume,
                                                        rules->alert_volume_drop_pct);

  if (g_date_valid (&current->last_api_call))
    fired[TRACTION_ALERT_NO_API_CALLS] =
      g_date_days_between (&current->last_api_call, today) >= rules->alert_no_calls_days;

  fired[TRACTION_ALERT_SEVERE_TICKET] = current->tickets[0] > 0 || current->tickets[1] > 0;

  if (g_date_valid (&current->last_response))
    fired[TRACTION_ALERT_DARK] =
      g_date_days_between (&current->last_response, today) >= rules->alert_dark_days;

  fired[TRACTION_ALERT_LOW_NPS] = current->nps >= 0 && current->nps < rules->alert_nps_below;
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                           */
/* ------------------------------------------------------------------ */

/* Day 0 is the contract start; a start in the future counts as
 * onboarding. */
TractionLifecycle
traction_lifecycle_for (const GDate *contract_start,
                        const GDate *today)
{
  int day;

  g_return_val_if_fail (contract_start != NULL && g_date_valid (contract_start),
                        TRACTION_LIFECYCLE_ONBOARDING);
  g_return_val_if_fail (today != NULL && g_date_valid (today),
                        TRACTION_LIFECYCLE_ONBOARDING);

  day = g_date_days_between (contract_start, today);

  if (day <= 30)
    return TRACTION_LIFECYCLE_ONBOARDING;
  if (day <= 90)
    return TRACTION_LIFECYCLE_ADOPTION;
  if (day <= 365)
    return TRACTION_LIFECYCLE_EXPANSION;

  return TRACTION_LIFECYCLE_RENEWAL;
}

const char *
traction_lifecycle_label (TractionLifecycle stage)
{
  static const char * const labels[] = {
    [TRACTION_LIFECYCLE_ONBOARDING] = N_("Onboarding"),
    [TRACTION_LIFECYCLE_ADOPTION]   = N_("Adoption"),
    [TRACTION_LIFECYCLE_EXPANSION]  = N_("Expansion"),
    [TRACTION_LIFECYCLE_RENEWAL]    = N_("Renewal & Advocacy"),
  };

  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (labels), NULL);

  return _(labels[stage]);
}

const char *
traction_lifecycle_goal (TractionLifecycle stage)
{
  static const char * const goals[] = {
    [TRACTION_LIFECYCLE_ONBOARDING] = N_("Signed contract to first production API call."),
    [TRACTION_LIFECYCLE_ADOPTION]   = N_("Steady-state usage, volume meets forecast."),
    [TRACTION_LIFECYCLE_EXPANSION]  = N_("Land and expand to 2+ products."),
    [TRACTION_LIFECYCLE_RENEWAL]    = N_("Retain, grow, and turn into a reference."),
  };

  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (goals), NULL);

  return _(goals[stage]);
}

/* ------------------------------------------------------------------ */
/* Surveys                                                             */
/* ------------------------------------------------------------------ */

static gboolean
check_answers (const int   *answers,
               gsize        n,
               int          lo,
               int          hi,
               const char  *what,
               GError     **error)
{
  if (n == 0)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
                   _("There are no %s answers yet."), what);
      return FALSE;
    }

  for (gsize i = 0; i < n; i++)
    {
      if (answers[i] < lo || answers[i] > hi)
        {
          g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                       _("A %s answer is %d; it must be between %d and %d."),
                       what, answers[i], lo, hi);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
traction_nps (const int  *answers,
              gsize       n,
              double     *nps,
              GError    **error)
{
  gsize promoters = 0, detractors = 0;

  g_return_val_if_fail (answers != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: the survey name in "There are no NPS answers yet." */
  if (!check_answers (answers, n, 0, 10, _("NPS"), error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (answers[i] >= 9)
        promoters++;
      else if (answers[i] <= 6)
        detractors++;
    }

  if (nps != NULL)
    *nps = ((double) promoters - (double) detractors) * 100.0 / (double) n;

  return TRUE;
}

gboolean
traction_csat (const int  *answers,
               gsize       n,
               double     *csat,
               GError    **error)
{
  gsize satisfied = 0;

  g_return_val_if_fail (answers != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: the survey name in "There are no CSAT answers yet." */
  if (!check_answers (answers, n, 1, 5, _("CSAT"), error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (answers[i] >= 4)
      satisfied++;

  if (csat != NULL)
    *csat = (double) satisfied * 100.0 / (double) n;

  return TRUE;
}
