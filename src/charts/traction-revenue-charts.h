/* traction-revenue-charts.h: the revenue charts (DOMAIN.md §6), drawn by
 * the same Cairo routines on screen, on paper and in PDF:
 *
 *  - NRR and GRR of the trailing twelve months, month by month, against
 *    the target lines (NRR 120 %, GRR 92 % by default) over the NRR
 *    bands (critical … excellent), each shaded and named;
 *  - the ARR bridge of the period as a waterfall (start, new,
 *    reactivation when any, expansion, contraction, churn, end);
 *  - the cohort table (clients by start quarter, ARR retained by month);
 *  - the expansion mix (cross-sell, upsell, usage) against its targets.
 *
 * Like traction-chart.h: any rectangle (tiny ones draw nothing readable
 * but never fail), no data handled, cairo state left as found, and
 * meaning never in colour alone (words, markers, dashes, patterns).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-chart.h"
#include "traction-store-revenue.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_REVENUE_CHART_RETENTION,
  TRACTION_REVENUE_CHART_BRIDGE,
  TRACTION_REVENUE_CHART_COHORTS,
  TRACTION_REVENUE_CHART_MIX,
  TRACTION_REVENUE_N_CHARTS
} TractionRevenueChart;

void   traction_revenue_chart_retention (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double x, double y, double width, double height,
                                         const TractionRevenue    *revenue);
void   traction_revenue_chart_bridge    (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double x, double y, double width, double height,
                                         const TractionRevenue    *revenue);
void   traction_revenue_chart_cohorts   (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double x, double y, double width, double height,
                                         const TractionRevenue    *revenue);
void   traction_revenue_chart_mix       (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double x, double y, double width, double height,
                                         const TractionRevenue    *revenue);
/* Any of the above by kind (x = y = 0). */
void   traction_revenue_chart_draw      (TractionRevenueChart      chart,
                                         cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double                    width,
                                         double                    height,
                                         const TractionRevenue    *revenue);

/* The exact values under (px, py) of a chart drawn at (0, 0, width,
 * height) with font_size, as plain text for a tooltip; NULL where there
 * is nothing. */
char  *traction_revenue_chart_tooltip   (TractionRevenueChart   chart,
                                         const TractionRevenue *revenue,
                                         double                 font_size,
                                         double                 width,
                                         double                 height,
                                         double                 px,
                                         double                 py);

/* "90.6 %" in the locale (one decimal), or "no data". */
char  *traction_revenue_percent_text    (gboolean valid,
                                         double   value);

G_END_DECLS
