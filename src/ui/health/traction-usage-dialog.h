/* traction-usage-dialog.h: one client's month of usage, tickets and NPS
 * (the quick entry behind the scorecard's pre-filled items), and the
 * "Import Usage…" flow from a CSV file (a preview first, then the import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_USAGE_DIALOG (traction_usage_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionUsageDialog, traction_usage_dialog, TRACTION, USAGE_DIALOG, AdwWindow)

/* Opens on month (its first day); the month can be changed in the dialog. */
TractionUsageDialog *traction_usage_dialog_new (GtkWindow     *parent,
                                                TractionStore *store,
                                                gint64         account_id,
                                                const char    *client_name,
                                                const GDate   *month);

/* Asks for a CSV file, previews it (how many rows, or the first error
 * with its line) and imports it when confirmed; toasts on widget's window. */
void traction_usage_import_run (GtkWidget     *widget,
                                TractionStore *store);

G_END_DECLS
