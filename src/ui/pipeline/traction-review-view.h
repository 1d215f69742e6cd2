/* traction-review-view.h: the monthly pipeline review on screen, with
 * Print… and Export PDF… of the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_REVIEW_VIEW (traction_review_view_get_type ())
G_DECLARE_FINAL_TYPE (TractionReviewView, traction_review_view, TRACTION, REVIEW_VIEW, GtkWidget)

GtkWidget     *traction_review_view_new         (TractionStore      *store);
TractionStore *traction_review_view_get_store   (TractionReviewView *self);
void           traction_review_view_set_store   (TractionReviewView *self,
                                                 TractionStore      *store);
/* The month shown (1–12); the view opens on the month of "today". */
void           traction_review_view_set_month   (TractionReviewView *self,
                                                 int                 year,
                                                 int                 month);
int            traction_review_view_get_year    (TractionReviewView *self);
int            traction_review_view_get_month   (TractionReviewView *self);
/* Reloads now instead of at the next idle (the view follows ::changed). */
void           traction_review_view_refresh     (TractionReviewView *self);

G_END_DECLS
