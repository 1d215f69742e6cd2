/* traction-health.h: the scorecard's items and why a score moved
 * (DOMAIN.md §5). Pure functions; the score, band, trend and alert rules
 * themselves are in traction-core.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-core.h"

G_BEGIN_DECLS

/* "API volume vs plan", … (translated). */
const char *traction_health_item_label     (int item);
/* The category an item counts in (TRACTION_HEALTH_USAGE … of traction-core.h). */
TractionHealthCategory traction_health_item_category (int item);
/* What a 5, a 3 and a 1 look like for the item (translated); score is
 * 1..5 (2 and 4 get the text of the nearest lower guide). */
const char *traction_health_item_guide     (int item, int score);
/* "Asked about new products", … (translated). */
const char *traction_health_signal_label   (int signal);

/* Pre-fills the items the data can give from one month of usage, tickets
 * and NPS: API volume against plan, the trend against the previous month
 * (previous may be NULL), ticket volume and severity, NPS (last_nps -1:
 * none). Items it cannot give keep the value in out; from_data[item] is
 * set TRUE for each item it filled. month_end: the day the month is
 * judged at (for days without a response). */
void        traction_health_prefill        (const TractionUsageMonth *previous,
                                            const TractionUsageMonth *current,
                                            int                       last_nps,
                                            const GDate              *month_end,
                                            TractionHealthInput      *out,
                                            gboolean                  from_data[TRACTION_N_HEALTH_ITEMS]);

/* How much each item and signal moved the score between two scorecards,
 * in score points (weight × category share); the sum of all equals
 * score(current) - score(previous) up to rounding. */
typedef struct {
  double item_points[TRACTION_N_HEALTH_ITEMS];
  double signal_points[TRACTION_N_HEALTH_SIGNALS];
} TractionHealthChange;

gboolean    traction_health_explain        (const TractionHealthInput *previous,
                                            const TractionHealthInput *current,
                                            const TractionRules       *rules,
                                            TractionHealthChange      *out,
                                            GError                   **error);

G_END_DECLS
