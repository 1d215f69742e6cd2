/* traction-qbr-batch.h: every QBR due in a quarter (the high- and
 * low-touch clients) written as PDFs into one folder, in a worker thread
 * with its own read-only connection, with progress and Cancel. A file is
 * either whole or not there (each PDF is renamed into place when done).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_QBR_BATCH (traction_qbr_batch_get_type ())
G_DECLARE_FINAL_TYPE (TractionQbrBatch, traction_qbr_batch, TRACTION, QBR_BATCH, AdwWindow)

TractionQbrBatch *traction_qbr_batch_new        (GtkWindow        *parent,
                                                 TractionStore    *store);
/* Writes the selected quarter's QBRs into folder, as the button does
 * after the folder chooser. */
void              traction_qbr_batch_start      (TractionQbrBatch *self,
                                                 GFile            *folder);
void              traction_qbr_batch_cancel     (TractionQbrBatch *self);
gboolean          traction_qbr_batch_is_running (TractionQbrBatch *self);
/* Clients due in the selected quarter; PDFs written and failed by the
 * last run. */
guint             traction_qbr_batch_get_n_due  (TractionQbrBatch *self);
guint             traction_qbr_batch_get_written (TractionQbrBatch *self);
guint             traction_qbr_batch_get_failed (TractionQbrBatch *self);

G_END_DECLS
