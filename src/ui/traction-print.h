/* traction-print.h: print and export-PDF of any report (reports/).
 *
 * Both take a report spec and its data; they own data from then on and
 * free it with data_free when done. The pages are the ones
 * traction_report_write_pdf draws, on the paper the locale prefers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-report.h"

G_BEGIN_DECLS

/* A window other than the main one that sets its AdwToastOverlay as this
 * object data gets the "Saved" toast itself. */
#define TRACTION_TOAST_OVERLAY_KEY "traction-toast-overlay"

/* The print dialog (with Preview) for the report; errors in a dialog. */
void  traction_print_report      (GtkWidget                *widget,
                                  const TractionReportSpec *spec,
                                  gpointer                  data,
                                  GDestroyNotify            data_free,
                                  const char               *company);
/* A save dialog proposing file_name ("pipeline-review-2026-10.pdf") in
 * the Documents folder, then the PDF written in a thread; a toast when it
 * is saved, a dialog when it cannot be. */
void  traction_export_report_pdf (GtkWidget                *widget,
                                  const TractionReportSpec *spec,
                                  gpointer                  data,
                                  GDestroyNotify            data_free,
                                  const char               *company,
                                  const char               *file_name);

G_END_DECLS
