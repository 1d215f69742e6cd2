/* traction-prep-print.h: print or save as PDF the call prep sheet or the
 * qualification sheet of a deal (reports/traction-prep-sheet.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-prep-sheet.h"

G_BEGIN_DECLS

/* pdf: the save dialog and a PDF; else the print dialog. Problems show as
 * a toast on widget's window. */
void traction_prep_sheet_output (GtkWidget         *widget,
                                 TractionStore     *store,
                                 gint64             deal_id,
                                 TractionSheetKind  kind,
                                 gboolean           pdf);

G_END_DECLS
