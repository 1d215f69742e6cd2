/* traction-provider-review-dialog.h: the quarterly review of one provider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_PROVIDER_REVIEW_DIALOG (traction_provider_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionProviderReviewDialog, traction_provider_review_dialog,
                      TRACTION, PROVIDER_REVIEW_DIALOG, AdwWindow)

/* A new review of provider_id, pre-filled from its last review (if any).
 * Emits ::saved after the review is written. */
GtkWidget *traction_provider_review_dialog_new      (TractionStore *store,
                                                     gint64         provider_id,
                                                     const char    *provider_name);
/* Sets a dimension's spin button (tests, keyboard-free filling). */
void       traction_provider_review_dialog_set_score (TractionProviderReviewDialog *self,
                                                      int                           dimension,
                                                      int                           value);
int        traction_provider_review_dialog_get_overall (TractionProviderReviewDialog *self);
/* What the Save button does. */
gboolean   traction_provider_review_dialog_save      (TractionProviderReviewDialog  *self,
                                                      GError                       **error);

G_END_DECLS
