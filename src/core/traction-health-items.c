/* traction-health-items.c: the scorecard's items, their guide text, what
 * the monthly data can fill in, and why a score moved (DOMAIN.md §5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "traction-health.h"

typedef struct {
  const char            *label;
  TractionHealthCategory category;
  const char            *guide[3];   /* for 5, 3 and 1 */
} ItemInfo;

static const ItemInfo items[TRACTION_N_HEALTH_ITEMS] = {
  /* The guides below are plain text, not printf formats ("%" is a
   * percent sign): each carries xgettext:no-c-format. */
  [TRACTION_ITEM_API_VOLUME] = { N_("API volume vs plan"), TRACTION_HEALTH_USAGE,
    {
      /* xgettext:no-c-format */
      N_("Calls at or near the plan’s volume (95 % or more)"),
      /* xgettext:no-c-format */
      N_("About two thirds of the plan’s volume (60–79 %)"),
      /* xgettext:no-c-format */
      N_("Under 40 % of the plan’s volume") } },
  [TRACTION_ITEM_VOLUME_TREND] = { N_("Month-over-month volume trend"), TRACTION_HEALTH_USAGE,
    {
      /* xgettext:no-c-format */
      N_("Calls up 3 % or more on last month"),
      /* xgettext:no-c-format */
      N_("Calls down 5 to 15 % on last month"),
      /* xgettext:no-c-format */
      N_("Calls down 30 % or more on last month") } },
  [TRACTION_ITEM_PRODUCT_BREADTH] = { N_("Product breadth"), TRACTION_HEALTH_USAGE,
    { N_("Calls three or more of our APIs in production"), N_("One API fully in production"),
      N_("Still testing one API; nothing in production") } },
  [TRACTION_ITEM_TICKET_VOLUME] = { N_("Ticket volume"), TRACTION_HEALTH_SUPPORT,
    { N_("Two tickets or fewer this month"), N_("Five or six tickets"),
      N_("Ten tickets or more") } },
  [TRACTION_ITEM_SEVERITY_TREND] = { N_("Severity trend"), TRACTION_HEALTH_SUPPORT,
    { N_("No P1, P2 or P3 tickets"), N_("Three or more P3 tickets, no P1 or P2"),
      N_("A P1 ticket (outage or data loss)") } },
  [TRACTION_ITEM_TEAM_ENGAGEMENT] = { N_("Team engagement"), TRACTION_HEALTH_SUPPORT,
    { N_("Answers within 5 days; comes to every check-in"), N_("Last answer 10 to 14 days ago"),
      N_("No answer for more than three weeks") } },
  [TRACTION_ITEM_NPS] = { N_("NPS / satisfaction"), TRACTION_HEALTH_SATISFACTION,
    { N_("Promoter: NPS answer 9 or 10"), N_("Passive: NPS answer 7 (8 scores a 4)"),
      N_("Detractor: NPS answer 4 or lower") } },
  [TRACTION_ITEM_FEEDBACK_QUALITY] = { N_("Feedback quality"), TRACTION_HEALTH_SATISFACTION,
    { N_("Specific API feedback that shapes the roadmap"), N_("Occasional, general feedback"),
      N_("No feedback at all") } },
};

static const char * const signal_labels[TRACTION_N_HEALTH_SIGNALS] = {
  [TRACTION_SIGNAL_NEW_PRODUCTS] = N_("Asked about new products"),
  [TRACTION_SIGNAL_NEXT_TIER] = N_("Growing toward the next tier"),
  [TRACTION_SIGNAL_REFERRED] = N_("Referred a prospect"),
};

const char *
traction_health_item_label (int item)
{
  g_return_val_if_fail (item >= 0 && item < TRACTION_N_HEALTH_ITEMS, "");
  return _(items[item].label);
}

TractionHealthCategory
traction_health_item_category (int item)
{
  g_return_val_if_fail (item >= 0 && item < TRACTION_N_HEALTH_ITEMS, TRACTION_HEALTH_USAGE);
  return items[item].category;
}

const char *
traction_health_item_guide (int item,
                            int score)
{
  g_return_val_if_fail (item >= 0 && item < TRACTION_N_HEALTH_ITEMS, "");
  g_return_val_if_fail (score >= 1 && score <= 5, "");

  if (score == 5)
    return _(items[item].guide[0]);
  if (score >= 3)
    return _(items[item].guide[1]);
  return _(items[item].guide[2]);
}

const char *
traction_health_signal_label (int signal)
{
  g_return_val_if_fail (signal >= 0 && signal < TRACTION_N_HEALTH_SIGNALS, "");
  return _(signal_labels[signal]);
}

void
traction_health_prefill (const TractionUsageMonth *previous,
                         const TractionUsageMonth *current,
                         int                       last_nps,
                         const GDate              *month_end,
                         TractionHealthInput      *out,
                         gboolean                  from_data[TRACTION_N_HEALTH_ITEMS])
{
  int *item = out->items;
  gboolean tickets_known = FALSE;
  int total = 0;

  g_return_if_fail (current != NULL && out != NULL);

  if (from_data != NULL)
    memset (from_data, 0, sizeof (gboolean) * TRACTION_N_HEALTH_ITEMS);

#define FILLED(i) G_STMT_START { if (from_data != NULL) from_data[i] = TRUE; } G_STMT_END

  /* Volume against plan. */
  if (current->api_volume >= 0 && current->plan_volume > 0)
    {
      gint64 pct = current->api_volume * 100 / current->plan_volume;

      item[TRACTION_ITEM_API_VOLUME] = pct >= 95 ? 5 : pct >= 80 ? 4 : pct >= 60 ? 3 : pct >= 40 ? 2 : 1;
      FILLED (TRACTION_ITEM_API_VOLUME);
    }

  /* Month-over-month trend. */
  if (previous != NULL && previous->api_volume > 0 && current->api_volume >= 0)
    {
      gint64 change = (current->api_volume - previous->api_volume) * 100 / previous->api_volume;

      item[TRACTION_ITEM_VOLUME_TREND] = change >= 3 ? 5 : change > -5 ? 4 : change > -15 ? 3 : change > -30 ? 2 : 1;
      FILLED (TRACTION_ITEM_VOLUME_TREND);
    }

  /* Tickets: how many, and how severe (an unknown count is none). */
  for (int i = 0; i < 4; i++)
    {
      tickets_known |= current->tickets[i] >= 0;
      total += MAX (current->tickets[i], 0);
    }
  if (tickets_known)
    {
      item[TRACTION_ITEM_TICKET_VOLUME] = total <= 2 ? 5 : total <= 4 ? 4 : total <= 6 ? 3 : total <= 9 ? 2 : 1;
      if (current->tickets[0] > 0)
        item[TRACTION_ITEM_SEVERITY_TREND] = 1;
      else if (current->tickets[1] > 0)
        item[TRACTION_ITEM_SEVERITY_TREND] = 2;
      else if (current->tickets[2] > 2)
        item[TRACTION_ITEM_SEVERITY_TREND] = 3;
      else if (current->tickets[2] > 0)
        item[TRACTION_ITEM_SEVERITY_TREND] = 4;
      else
        item[TRACTION_ITEM_SEVERITY_TREND] = 5;
      FILLED (TRACTION_ITEM_TICKET_VOLUME);
      FILLED (TRACTION_ITEM_SEVERITY_TREND);
    }

  /* Engagement: days since the client last answered. */
  if (g_date_valid (&current->last_response) && month_end != NULL && g_date_valid (month_end))
    {
      int days = g_date_days_between (&current->last_response, month_end);

      item[TRACTION_ITEM_TEAM_ENGAGEMENT] = days <= 5 ? 5 : days <= 9 ? 4 : days <= 14 ? 3 : days <= 21 ? 2 : 1;
      FILLED (TRACTION_ITEM_TEAM_ENGAGEMENT);
    }

  if (last_nps >= 0 && last_nps <= 10)
    {
      item[TRACTION_ITEM_NPS] = last_nps >= 9 ? 5 : last_nps == 8 ? 4 : last_nps == 7 ? 3 : last_nps >= 5 ? 2 : 1;
      FILLED (TRACTION_ITEM_NPS);
    }

#undef FILLED
}

gboolean
traction_health_explain (const TractionHealthInput *previous,
                         const TractionHealthInput *current,
                         const TractionRules       *rules,
                         TractionHealthChange      *out,
                         GError                   **error)
{
  int per_category[TRACTION_N_HEALTH_CATEGORIES] = { 0 };
  double check;

  g_return_val_if_fail (previous != NULL && current != NULL && rules != NULL && out != NULL, FALSE);

  /* The inputs must be valid scorecards: the score function says why not. */
  if (!traction_health_score (previous, rules, &check, NULL, error) ||
      !traction_health_score (current, rules, &check, NULL, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    per_category[items[i].category]++;

  /* Each item's share: weight (percent) × its part of the category's
   * 0..100 score, in score points. */
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    {
      TractionHealthCategory c = items[i].category;
      double delta = (current->items[i] - previous->items[i]) / 4.0 * 100.0;

      out->item_points[i] = rules->health_weight[c] / 100.0 * delta / per_category[c];
    }
  for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
    {
      double delta = ((current->signals[s] ? 1 : 0) - (previous->signals[s] ? 1 : 0)) * 100.0;

      out->signal_points[s] = rules->health_weight[TRACTION_HEALTH_EXPANSION] / 100.0 *
                              delta / TRACTION_N_HEALTH_SIGNALS;
    }
  return TRUE;
}
