/* traction-provider-report.h: printed provider scorecard and coverage
 * matrix, and the overall-score trend chart they share with the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "traction-chart.h"
#include "traction-report.h"
#include "traction-store.h"

G_BEGIN_DECLS

/* A line chart of scores (0..40) by review date, oldest first, with the
 * 40-point scale, a dot and the figure at every review, and the dates
 * under the first and last one. No data: a sentence saying so. */
void     traction_provider_trend_draw        (cairo_t                  *cr,
                                              const TractionChartTheme *theme,
                                              double                    x,
                                              double                    y,
                                              double                    width,
                                              double                    height,
                                              const int                *scores,
                                              const GDate              *dates,
                                              gsize                     n);

typedef struct _TractionProviderReport TractionProviderReport;

/* The scorecard of one provider (two pages: the latest scorecard with its
 * trend; mitigation, exposed clients and every review). */
TractionProviderReport *traction_provider_report_new_scorecard (TractionStore  *store,
                                                                gint64          provider_id,
                                                                const GDate    *today,
                                                                GError        **error);
/* The coverage matrix and the clients exposed to providers at risk. */
TractionProviderReport *traction_provider_report_new_coverage  (TractionStore  *store,
                                                                const GDate    *today,
                                                                GError        **error);
void                    traction_provider_report_free          (TractionProviderReport *report);
/* The spec to hand to traction_report_write_pdf / traction-print with
 * the report as data. */
const TractionReportSpec *traction_provider_report_spec        (void);
/* Looks a provider up by name (case-insensitive); FALSE + NOT_FOUND. */
gboolean                traction_provider_report_find_provider (TractionStore  *store,
                                                                const char     *name,
                                                                gint64         *id,
                                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionProviderReport, traction_provider_report_free)

G_END_DECLS
