/* traction-review-dialog.h: the short form a founder fills in before a
 * client's QBR or EBR (DOMAIN.md §7): the period, highlights and
 * quantified impact, the period's goals with their status, the goals for
 * the period after, and the client's feedback. What is typed is kept per
 * client and period (saved when switching period, printing and closing);
 * Print and Save as PDF make the review from it and the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store-qbr.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_REVIEW_DIALOG (traction_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TractionReviewDialog, traction_review_dialog, TRACTION, REVIEW_DIALOG, AdwWindow)

/* NULL (with error) when the client's inputs cannot be read. */
TractionReviewDialog *traction_review_dialog_new        (GtkWindow          *parent,
                                                         TractionStore      *store,
                                                         gint64              account_id,
                                                         const char         *client_name,
                                                         TractionReviewKind  kind,
                                                         GError            **error);
/* The period shown (tests). */
void                  traction_review_dialog_get_period (TractionReviewDialog *self,
                                                         TractionReviewPeriod *out);
/* Saves what is typed (tests and the buttons). */
gboolean              traction_review_dialog_save       (TractionReviewDialog *self,
                                                         GError              **error);
/* What is typed, as it would be saved (tests); free it. */
TractionReviewNotes  *traction_review_dialog_get_notes  (TractionReviewDialog *self);
/* The review as it would print, after saving (tests); NULL + error when
 * it cannot be made. */
TractionBusinessReview *traction_review_dialog_load_review (TractionReviewDialog *self,
                                                            GError              **error);

G_END_DECLS
