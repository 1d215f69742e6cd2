/* traction-pipeline.c: stages, sources, pipeline summary, BANT (§1, §2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"

/* Follow-up for a High priority deal (fast-track to Discovery with founder
 * time): within a week, and never later than a Medium one. */
#define BANT_HIGH_FOLLOW_UP_DAYS 7

#define MAX_CRITERIA 3

typedef struct {
  const char *id;
  const char *label;
  const char *criteria[MAX_CRITERIA + 1];
  int         conversion_lo;
  int         conversion_hi;
} StageInfo;

static const StageInfo stages[TRACTION_N_STAGES] = {
  [TRACTION_STAGE_LEAD] = {
    "lead", N_("Lead"),
    { N_("Contact info confirmed"), N_("Initial response received"), NULL },
    0, 0,
  },
  [TRACTION_STAGE_QUALIFIED] = {
    "qualified", N_("Qualified"),
    { N_("BANT total of 12/20 or more"), NULL },
    40, 50,
  },
  [TRACTION_STAGE_DISCOVERY] = {
    "discovery", N_("Discovery"),
    { N_("Pain confirmed"), N_("Use case understood"), N_("Champion identified"), NULL },
    60, 70,
  },
  [TRACTION_STAGE_PROPOSAL] = {
    "proposal", N_("Proposal"),
    { N_("Proposal sent with pricing, timeline and scope"), NULL },
    50, 60,
  },
  [TRACTION_STAGE_NEGOTIATION] = {
    "negotiation", N_("Negotiation"),
    { N_("All deal terms agreed in principle"), NULL },
    60, 70,
  },
  [TRACTION_STAGE_WON] = {
    "won", N_("Closed Won"),
    { N_("Signed agreement"), N_("Payment terms confirmed"), NULL },
    70, 80,
  },
  [TRACTION_STAGE_LOST] = {
    "lost", N_("Closed Lost"),
    { N_("Loss reason documented"), NULL },
    0, 0,
  },
};

typedef struct {
  const char *id;
  const char *label;
} SourceInfo;

static const SourceInfo sources[TRACTION_N_SOURCES] = {
  [TRACTION_SOURCE_FOUNDER_NETWORK]   = { "founder_network", N_("Founder Network") },
  [TRACTION_SOURCE_PROVIDER_REFERRAL] = { "provider_referral", N_("Provider Referral") },
  [TRACTION_SOURCE_INBOUND]           = { "inbound", N_("Inbound") },
  [TRACTION_SOURCE_CONFERENCE]        = { "conference", N_("Conference") },
  [TRACTION_SOURCE_WARM_INTRO]        = { "warm_intro", N_("Warm Introduction") },
};

/* ------------------------------------------------------------------ */
/* Stages and sources                                                  */
/* ------------------------------------------------------------------ */

const char *
traction_stage_to_id (TractionStage stage)
{
  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, NULL);

  return stages[stage].id;
}

gboolean
traction_stage_from_id (const char    *id,
                        TractionStage *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      if (strcmp (id, stages[i].id) == 0)
        {
          if (out != NULL)
            *out = (TractionStage) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
traction_stage_label (TractionStage stage)
{
  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, NULL);

  return _(stages[stage].label);
}

gboolean
traction_stage_is_open (TractionStage stage)
{
  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, FALSE);

  return stage != TRACTION_STAGE_WON && stage != TRACTION_STAGE_LOST;
}

const char * const *
traction_stage_exit_criteria (TractionStage stage)
{
  /* Translated once, on first use (after the program set its locale). */
  static const char *translated[TRACTION_N_STAGES][MAX_CRITERIA + 1];
  static gsize initialized = 0;

  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < TRACTION_N_STAGES; s++)
        for (guint i = 0; i < MAX_CRITERIA && stages[s].criteria[i] != NULL; i++)
          translated[s][i] = _(stages[s].criteria[i]);
      g_once_init_leave (&initialized, 1);
    }

  return translated[stage];
}

void
traction_stage_target_conversion (TractionStage  stage,
                                  int           *lo,
                                  int           *hi)
{
  g_return_if_fail ((guint) stage < TRACTION_N_STAGES);

  if (lo != NULL)
    *lo = stages[stage].conversion_lo;
  if (hi != NULL)
    *hi = stages[stage].conversion_hi;
}

const char *
traction_source_to_id (TractionSource source)
{
  g_return_val_if_fail ((guint) source < TRACTION_N_SOURCES, NULL);

  return sources[source].id;
}

gboolean
traction_source_from_id (const char     *id,
                         TractionSource *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_SOURCES; i++)
    {
      if (strcmp (id, sources[i].id) == 0)
        {
          if (out != NULL)
            *out = (TractionSource) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
traction_source_label (TractionSource source)
{
  g_return_val_if_fail ((guint) source < TRACTION_N_SOURCES, NULL);

  return _(sources[source].label);
}

/* ------------------------------------------------------------------ */
/* Deals                                                               */
/* ------------------------------------------------------------------ */

gboolean
traction_deal_is_paused (const TractionDealFacts *deal,
                         const GDate             *today)
{
  g_return_val_if_fail (deal != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!deal->paused)
    return FALSE;

  return !g_date_valid (&deal->paused_until) ||
         g_date_compare (&deal->paused_until, today) > 0;
}

int
traction_deal_days_idle (const TractionDealFacts *deal,
                         const GDate             *today)
{
  g_return_val_if_fail (deal != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (g_date_valid (&deal->last_activity))
    return g_date_days_between (&deal->last_activity, today);
  if (g_date_valid (&deal->created))
    return g_date_days_between (&deal->created, today);

  return 0;
}

gboolean
traction_deal_is_stalled (const TractionDealFacts *deal,
                          const TractionRules     *rules,
                          const GDate             *today)
{
  g_return_val_if_fail (deal != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail ((guint) deal->stage < TRACTION_N_STAGES, FALSE);

  if (!traction_stage_is_open (deal->stage) || traction_deal_is_paused (deal, today))
    return FALSE;

  return traction_deal_days_idle (deal, today) > rules->stalled_days[deal->stage];
}

static gint64
round_half_away (double value)
{
  return (gint64) round (value);
}

void
traction_pipeline_summarize (const TractionDealFacts *deals,
                             gsize                    n_deals,
                             const TractionRules     *rules,
                             const double             probability[TRACTION_N_STAGES],
                             const GDate             *today,
                             const GDate             *q_start,
                             const GDate             *q_end,
                             TractionPipelineSummary *out)
{
  g_return_if_fail (deals != NULL || n_deals == 0);
  g_return_if_fail (rules != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (q_start != NULL && g_date_valid (q_start));
  g_return_if_fail (q_end != NULL && g_date_valid (q_end));
  g_return_if_fail (out != NULL);

  if (probability == NULL)
    probability = rules->stage_probability;

  memset (out, 0, sizeof *out);

  for (gsize i = 0; i < n_deals; i++)
    {
      const TractionDealFacts *deal = &deals[i];
      gboolean paused;

      g_return_if_fail ((guint) deal->stage < TRACTION_N_STAGES);

      out->count[deal->stage]++;
      out->arr_cents[deal->stage] += deal->arr_cents;

      if (!traction_stage_is_open (deal->stage))
        continue;

      paused = traction_deal_is_paused (deal, today);
      out->open_cents += deal->arr_cents;

      if (paused)
        out->paused++;
      else if (traction_deal_is_stalled (deal, rules, today))
        out->stalled++;

      if (!paused &&
          (!g_date_valid (&deal->expected_close) ||
           (g_date_compare (&deal->expected_close, q_start) >= 0 &&
            g_date_compare (&deal->expected_close, q_end) < 0)))
        out->quarter_cents += deal->arr_cents;
    }

  /* Weighted per stage from the stage's total, so that the total is the
   * sum of what the board shows per column. */
  for (guint s = 0; s < TRACTION_N_STAGES; s++)
    {
      out->weighted_cents[s] = round_half_away ((double) out->arr_cents[s] * probability[s]);
      if (traction_stage_is_open ((TractionStage) s))
        out->weighted_cents_total += out->weighted_cents[s];
    }

  if (rules->quarterly_target_cents > 0)
    out->coverage = (double) out->quarter_cents / (double) rules->quarterly_target_cents;
  else
    out->coverage = -1.0;
}

double
traction_pipeline_lead_to_close_days (const TractionDealFacts *deals,
                                      gsize                    n_deals,
                                      const GDate             *from,
                                      const GDate             *to)
{
  gint64 total_days = 0;
  guint n_won = 0;

  g_return_val_if_fail (deals != NULL || n_deals == 0, -1.0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), -1.0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), -1.0);

  for (gsize i = 0; i < n_deals; i++)
    {
      const TractionDealFacts *deal = &deals[i];

      if (deal->stage != TRACTION_STAGE_WON ||
          !g_date_valid (&deal->closed) ||
          !g_date_valid (&deal->created) ||
          g_date_compare (&deal->closed, from) < 0 ||
          g_date_compare (&deal->closed, to) >= 0)
        continue;

      total_days += g_date_days_between (&deal->created, &deal->closed);
      n_won++;
    }

  if (n_won == 0)
    return -1.0;

  return (double) total_days / (double) n_won;
}

gboolean
traction_pipeline_learned_probabilities (const TractionClosedPath *paths,
                                         gsize                     n_paths,
                                         guint                     min_closed,
                                         const double              defaults[TRACTION_N_STAGES],
                                         double                    out[TRACTION_N_STAGES])
{
  guint passed[TRACTION_N_STAGES] = { 0 };
  guint won[TRACTION_N_STAGES] = { 0 };
  guint n_closed = 0;

  g_return_val_if_fail (paths != NULL || n_paths == 0, FALSE);
  g_return_val_if_fail (defaults != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (gsize i = 0; i < n_paths; i++)
    {
      if (paths[i].final != TRACTION_STAGE_WON && paths[i].final != TRACTION_STAGE_LOST)
        continue;

      n_closed++;

      for (guint s = 0; s < TRACTION_N_STAGES; s++)
        {
          if (!traction_stage_is_open ((TractionStage) s) ||
              (paths[i].visited & (1u << s)) == 0)
            continue;

          passed[s]++;
          if (paths[i].final == TRACTION_STAGE_WON)
            won[s]++;
        }
    }

  if (n_closed < min_closed)
    return FALSE;

  for (guint s = 0; s < TRACTION_N_STAGES; s++)
    {
      if (s == TRACTION_STAGE_WON)
        out[s] = 1.0;
      else if (s == TRACTION_STAGE_LOST)
        out[s] = 0.0;
      else if (passed[s] == 0)
        out[s] = defaults[s];
      else
        out[s] = (double) won[s] / (double) passed[s];
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* BANT                                                                */
/* ------------------------------------------------------------------ */

static const char * const bant_dimension_names[4] = {
  N_("Budget"), N_("Authority"), N_("Need"), N_("Timeline"),
};

/* Guide texts at 1, 3 and 5 (DOMAIN.md §2). */
static const char * const bant_guides[4][3] = {
  { N_("No budget, exploring"),
    N_("Budget exists, not allocated"),
    N_("Confirmed budget allocated") },
  { N_("No access to the buyer"),
    N_("Strong champion, buyer identified"),
    N_("Economic buyer at the table") },
  { N_("Nice-to-have"),
    N_("Recognised need, no timeline"),
    N_("Active project with a timeline") },
  { N_("Someday, no urgency"),
    N_("Within 6 months, internal priority"),
    N_("Within 3 months, external deadline") },
};

gboolean
traction_bant_total (const TractionBant  *bant,
                     int                 *total,
                     GError             **error)
{
  int scores[4];
  int sum = 0;

  g_return_val_if_fail (bant != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scores[0] = bant->budget;
  scores[1] = bant->authority;
  scores[2] = bant->need;
  scores[3] = bant->timeline;

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      if (scores[i] < 1 || scores[i] > 5)
        {
          g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                       _("The %s score is %d; it must be between 1 and 5."),
                       _(bant_dimension_names[i]), scores[i]);
          return FALSE;
        }
      sum += scores[i];
    }

  if (total != NULL)
    *total = sum;

  return TRUE;
}

TractionBantBand
traction_bant_band (int                  total,
                    const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRACTION_BANT_DISQUALIFY);

  if (total >= rules->bant_high)
    return TRACTION_BANT_HIGH;
  if (total >= rules->bant_medium)
    return TRACTION_BANT_MEDIUM;
  if (total >= rules->bant_low)
    return TRACTION_BANT_LOW;

  return TRACTION_BANT_DISQUALIFY;
}

const char *
traction_bant_band_label (TractionBantBand band)
{
  static const char * const labels[] = {
    [TRACTION_BANT_DISQUALIFY] = N_("Disqualify"),
    [TRACTION_BANT_LOW]        = N_("Low priority"),
    [TRACTION_BANT_MEDIUM]     = N_("Medium priority"),
    [TRACTION_BANT_HIGH]       = N_("High priority"),
  };

  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (labels), NULL);

  return _(labels[band]);
}

const char *
traction_bant_band_advice (TractionBantBand band)
{
  static const char * const advice[] = {
    [TRACTION_BANT_DISQUALIFY] = N_("Politely decline and offer to reconnect when the timing is better."),
    [TRACTION_BANT_LOW]        = N_("Add to the nurture sequence and revisit in 30 days."),
    [TRACTION_BANT_MEDIUM]     = N_("Keep nurturing and schedule Discovery within 2 weeks."),
    [TRACTION_BANT_HIGH]       = N_("Fast-track to Discovery and assign founder time."),
  };

  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (advice), NULL);

  return _(advice[band]);
}

/* High: BANT_HIGH_FOLLOW_UP_DAYS (7), or discovery_days if that is
 * sooner; Medium: discovery_days (14); Low: nurture_days (30);
 * Disqualify: -1, no follow-up. */
int
traction_bant_follow_up_days (TractionBantBand     band,
                              const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, -1);

  switch (band)
    {
    case TRACTION_BANT_HIGH:
      return MIN (BANT_HIGH_FOLLOW_UP_DAYS, rules->discovery_days);
    case TRACTION_BANT_MEDIUM:
      return rules->discovery_days;
    case TRACTION_BANT_LOW:
      return rules->nurture_days;
    case TRACTION_BANT_DISQUALIFY:
      return -1;
    default:
      g_return_val_if_reached (-1);
    }
}

/* The guide text of a dimension at a score: the table's own text at 1, 3
 * and 5; at 2 and 4 a text saying it lies between its neighbours. NULL
 * for a score outside 1..5. */
const char *
traction_bant_guide (int dimension,
                     int score)
{
  /* Texts for 2 and 4, built once (after the program set its locale). */
  static char *between[4][2];
  static gsize initialized = 0;

  g_return_val_if_fail (dimension >= 0 && dimension < 4, NULL);

  if (score < 1 || score > 5)
    return NULL;

  if (score % 2 == 1)
    return _(bant_guides[dimension][score / 2]);

  if (g_once_init_enter (&initialized))
    {
      for (guint d = 0; d < 4; d++)
        for (guint j = 0; j < 2; j++)
          /* Translators: a BANT score of 2 or 4, between two guide texts. */
          between[d][j] = g_strdup_printf (_("Between “%s” and “%s”"),
                                           _(bant_guides[d][j]),
                                           _(bant_guides[d][j + 1]));
      g_once_init_leave (&initialized, 1);
    }

  return between[dimension][score / 2 - 1];
}
