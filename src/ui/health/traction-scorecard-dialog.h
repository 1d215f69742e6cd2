/* traction-scorecard-dialog.h: one client's monthly health scorecard
 * (DOMAIN.md §5): the eight 1–5 items with their guide text (those the
 * usage data gave are marked and stay editable), the three yes/no
 * signals, the live score, band and trend against the month before, why
 * the score moved item by item, and notes. Keys 1–5 score the focused item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_SCORECARD_DIALOG (traction_scorecard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionScorecardDialog, traction_scorecard_dialog, TRACTION, SCORECARD_DIALOG, AdwWindow)

/* NULL (with error) when the scorecard cannot be read. Emits ::saved
 * after a save; closes itself. */
TractionScorecardDialog *traction_scorecard_dialog_new (GtkWindow     *parent,
                                                        TractionStore *store,
                                                        gint64         account_id,
                                                        const char    *client_name,
                                                        const GDate   *month,
                                                        GError       **error);
/* The live score of what is entered. */
double   traction_scorecard_dialog_get_score  (TractionScorecardDialog *self);
/* The "why it moved" list (for tests): NULL without a month before. */
GtkWidget *traction_scorecard_dialog_get_why  (TractionScorecardDialog *self);
/* Sets an item 0..7 to score 1..5 as the buttons and keys do. */
void     traction_scorecard_dialog_set_item   (TractionScorecardDialog *self,
                                               int                      item,
                                               int                      score);
gboolean traction_scorecard_dialog_save       (TractionScorecardDialog *self,
                                               GError                 **error);

G_END_DECLS
