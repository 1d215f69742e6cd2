/* traction-pipeline-page.h: the pipeline board, with the deal pane at its
 * side and the monthly pipeline review beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_PIPELINE_PAGE (traction_pipeline_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionPipelinePage, traction_pipeline_page, TRACTION, PIPELINE_PAGE, GtkWidget)

GtkWidget     *traction_pipeline_page_new             (TractionStore        *store);
TractionStore *traction_pipeline_page_get_store       (TractionPipelinePage *self);
void           traction_pipeline_page_set_store       (TractionPipelinePage *self,
                                                       TractionStore        *store);
/* Reloads the board now, on this thread, instead of in the background. */
void           traction_pipeline_page_refresh         (TractionPipelinePage *self);
/* Whether a reload is under way on a worker thread (the board applies it
 * in the main loop when it is done). */
gboolean       traction_pipeline_page_is_loading      (TractionPipelinePage *self);

/* The deals a stage's column shows (after search and filters); a
 * GListModel of TractionDealItem, owned by the page. */
GListModel    *traction_pipeline_page_get_column_model (TractionPipelinePage *self,
                                                        TractionStage         stage);
/* Sets the search text as typing it would (filters synchronously). */
void           traction_pipeline_page_set_search_text (TractionPipelinePage *self,
                                                       const char           *text);

/* The one way a deal moves: checks the stage rules and asks (BANT below
 * the medium band, a loss reason, a reason to go back) with a dialog when
 * needed, then moves it and offers Undo. */
void           traction_pipeline_page_move_deal       (TractionPipelinePage *self,
                                                       gint64                deal_id,
                                                       TractionStage         to_stage);
/* Opens the deal in the pane at the side (0 closes the pane). */
void           traction_pipeline_page_open_deal       (TractionPipelinePage *self,
                                                       gint64                deal_id);

G_END_DECLS
