/* traction-cs-dashboard.h: the CS dashboard (DOMAIN.md §7) as printed
 * pages, and the texts the Revenue view shares with them.
 *
 * Pages: 1 the dashboard (NRR, GRR, churn rate, expansion revenue, at-risk
 * ARR, renewals due in 90 days, the NRR calculation line, the health
 * distribution and the NRR/GRR chart); 2 the ARR bridge and the expansion
 * mix; 3… the expansion revenue tracker, then the renewals of the next
 * 180 days, continuing onto as many pages as they need; last the cohort
 * table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-report.h"
#include "traction-store-revenue.h"

G_BEGIN_DECLS

typedef struct {
  TractionRevenue    *revenue;
  TractionPeriodKind  kind;
  char               *period;    /* "Q3 2026" */
} TractionCsDashboard;

/* The period [from, to) (NULL: the current fiscal quarter) as of today;
 * named as a month, quarter or year when it is one. */
TractionCsDashboard      *traction_cs_dashboard_new        (TractionStore  *store,
                                                            const GDate    *from,
                                                            const GDate    *to,
                                                            const GDate    *today,
                                                            GError        **error);
void                      traction_cs_dashboard_free       (TractionCsDashboard *dashboard);
const TractionReportSpec *traction_cs_dashboard_spec       (void);
/* "cs-dashboard-2026-07-01-2026-09-30.pdf" */
char                     *traction_cs_dashboard_file_name  (TractionCsDashboard *dashboard);

typedef struct {
  char *label;
  char *value;
  char *detail;   /* "" when none */
} TractionCsFigure;

void        traction_cs_figure_free        (gpointer data);
/* The dashboard's key figures, the same words on screen and paper. */
GPtrArray  *traction_cs_dashboard_figures  (const TractionRevenue *revenue);
/* "Starting $160K + Expansion $15K − Contraction $20K − Churn $10K =
 * Ending $145K" then "Net revenue retention: 90.6 % | Target: 120 %+ |
 * Status: Below target" (two lines, newly allocated). */
char       *traction_cs_dashboard_nrr_line (const TractionRevenue *revenue);
/* Revenue churn: churn / start ARR of the cohort, percent; FALSE when the
 * cohort is empty. */
gboolean    traction_cs_dashboard_churn_rate (const TractionRevenue *revenue,
                                              double                *percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionCsDashboard, traction_cs_dashboard_free)

G_END_DECLS
