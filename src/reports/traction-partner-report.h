/* traction-partner-report.h: the one-page status of a design partner for
 * its feedback session (DOMAIN.md §3): agreement, milestone timeline,
 * success metrics, open obligations and open feedback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "traction-report.h"
#include "traction-store.h"

G_BEGIN_DECLS

typedef struct _TractionPartnerReport TractionPartnerReport;

TractionPartnerReport    *traction_partner_report_new  (TractionStore  *store,
                                                        gint64          partner_id,
                                                        const GDate    *today,
                                                        GError        **error);
void                      traction_partner_report_free (TractionPartnerReport *report);
/* The spec to hand to traction_report_write_pdf / traction-print with the
 * report as data. Always one page. */
const TractionReportSpec *traction_partner_report_spec (void);
/* "partner-status-pennant-pay-2026-11-22.pdf" (newly allocated). */
char                     *traction_partner_report_file_name (TractionPartnerReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionPartnerReport, traction_partner_report_free)

G_END_DECLS
