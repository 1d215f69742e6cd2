/* traction-health-report.h: client health on paper (DOMAIN.md §5): the
 * heatmap of every client (as many pages as it takes, with the legend of
 * the bands' words, ranges and patterns) and a one-page health summary
 * per client (trend, latest scorecard, why the score moved, alerts,
 * lifecycle and contract). For the Clients view (print and PDF) and
 * `traction-cli report client-health`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-report.h"
#include "traction-store.h"

G_BEGIN_DECLS

typedef struct _TractionHealthReport TractionHealthReport;

/* Every client, lowest latest score first, over n_months months ending
 * with today's month. */
TractionHealthReport     *traction_health_report_new_heatmap (TractionStore  *store,
                                                              const GDate    *today,
                                                              guint           n_months,
                                                              GError        **error);
/* One client's summary; NOT_FOUND when account_id is not a client. */
TractionHealthReport     *traction_health_report_new_client  (TractionStore  *store,
                                                              gint64          account_id,
                                                              const GDate    *today,
                                                              GError        **error);
void                      traction_health_report_free        (TractionHealthReport *report);
const TractionReportSpec *traction_health_report_spec        (void);

/* The client whose name is name (case-insensitive): FALSE with NOT_FOUND. */
gboolean                  traction_health_report_find_client (TractionStore  *store,
                                                              const char     *name,
                                                              const GDate    *today,
                                                              gint64         *account_id,
                                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionHealthReport, traction_health_report_free)

G_END_DECLS
