/* traction-timeline.h: the design-partner milestone timeline (DOMAIN.md
 * §3), drawn from plain data into any cairo_t and rectangle: on screen
 * (TractionChartWidget) and on paper (the partner status page).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "traction-chart.h"

G_BEGIN_DECLS

typedef struct {
  const char             *label;      /* shown as given (plain text) */
  int                     first_day;  /* window in days from the start */
  int                     last_day;
  TractionMilestoneState  state;
  int                     done_day;   /* days from the start it was done; -1 not done */
} TractionTimelineMilestone;

/* Marker value for "no start date": no today marker is drawn. */
#define TRACTION_TIMELINE_NO_TODAY G_MININT

/* One row per milestone: its window label on the left, a bar over its
 * window (the five windows take equal columns so the short first ones stay
 * readable; the axis gives their first days), the state as a word on the
 * bar ("Done", "Due", "Late", "Upcoming", with the day it was done) and,
 * across every row, a marker at today's day with its label. Late bars are
 * hatched and outlined, done ones solid: meaning survives black and white. */
void  traction_chart_timeline (cairo_t                         *cr,
                               const TractionChartTheme        *theme,
                               double                           x,
                               double                           y,
                               double                           width,
                               double                           height,
                               const TractionTimelineMilestone *milestones,
                               gsize                            n_milestones,
                               int                              today_day);

G_END_DECLS
