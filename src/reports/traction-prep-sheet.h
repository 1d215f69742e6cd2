/* traction-prep-sheet.h: the one-page sheets of a deal (DOMAIN.md §2, §7):
 * the call prep sheet (stage, BANT with gaps, SPIN notes and the questions
 * not yet asked, stakeholders, last touchpoints, objections seen with
 * their responses, next steps) and the qualification sheet (the seed's
 * DEAL QUALIFICATION form filled from the latest scoring). Legible in
 * black and white: gaps are hatched and written as words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "traction-report.h"
#include "traction-store.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_SHEET_CALL_PREP,
  TRACTION_SHEET_QUALIFICATION,
} TractionSheetKind;

typedef struct _TractionPrepSheet TractionPrepSheet;

/* Loads everything the sheet shows; NOT_FOUND for an unknown deal. */
TractionPrepSheet        *traction_prep_sheet_new       (TractionStore     *store,
                                                         gint64             deal_id,
                                                         TractionSheetKind  kind,
                                                         const GDate       *today,
                                                         GError           **error);
void                      traction_prep_sheet_free      (TractionPrepSheet *sheet);
/* The spec to hand to traction_report_write_pdf / traction-print with the
 * sheet as data. Always one page: long sections are cut with a note. */
const TractionReportSpec *traction_prep_sheet_spec      (void);
/* "call-prep-kestrel-labs-2026-11-22.pdf" (newly allocated). */
char                     *traction_prep_sheet_file_name (TractionPrepSheet *sheet);

/* A BANT score counts as a gap below this (DOMAIN.md: 5 and 4 are
 * strong; 3 and under leave something to find out). */
#define TRACTION_BANT_GAP_BELOW 4

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionPrepSheet, traction_prep_sheet_free)

G_END_DECLS
