/* traction-qbr-report.h: the QBR (seven landscape, slide-like pages) and
 * the EBR / annual review (five) of a client, drawn from a
 * TractionBusinessReview (DOMAIN.md §7). For the client pane (print and
 * PDF), the batch of every QBR due in a quarter and `traction-cli report
 * qbr|ebr`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-report.h"
#include "traction-store-qbr.h"

G_BEGIN_DECLS

#define TRACTION_QBR_PAGES 7
#define TRACTION_EBR_PAGES 5

/* The spec of both: the kind comes from the review's period. Its data is
 * a TractionBusinessReview. */
const TractionReportSpec *traction_qbr_report_spec (void);

/* "qbr-lumio-bank-2026q3.pdf", "ebr-lumio-bank-2026.pdf". */
char                     *traction_qbr_report_file_name (const char                 *client,
                                                         const TractionReviewPeriod *period);

/* Loads the review of account_id for period and writes it as a PDF at
 * path (the batch and the command line). */
gboolean                  traction_qbr_report_write (TractionStore              *store,
                                                     gint64                      account_id,
                                                     const TractionReviewPeriod *period,
                                                     const GDate                *today,
                                                     TractionPaper               paper,
                                                     const char                 *path,
                                                     GError                    **error);

G_END_DECLS
