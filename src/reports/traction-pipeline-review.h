/* traction-pipeline-review.h: the monthly pipeline review as printed
 * pages (DOMAIN.md §1, §7), and the texts the on-screen view shares with
 * them.
 *
 * Pages: 1 summary (the seed's MONTHLY PIPELINE REVIEW block as key
 * figures, win and loss reasons); 2 the stage funnel against the target
 * conversions; 3… the open deals by stage, continuing onto as many pages
 * as they need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-chart.h"
#include "traction-report.h"
#include "traction-store-review.h"

G_BEGIN_DECLS

/* data: a TractionPipelineReview. */
const TractionReportSpec *traction_pipeline_review_report      (void);

typedef struct {
  char *label;
  char *value;
  char *detail;   /* "" when none */
} TractionReviewFigure;

void        traction_review_figure_free               (gpointer data);

/* TractionReviewFigure arrays, the same words on screen and on paper. */
GPtrArray  *traction_pipeline_review_stage_figures    (const TractionPipelineReview *review);
GPtrArray  *traction_pipeline_review_pipeline_figures (const TractionPipelineReview *review);
GPtrArray  *traction_pipeline_review_month_figures    (const TractionPipelineReview *review);

/* The funnel steps (labels are static, translated). */
void        traction_pipeline_review_funnel_steps     (const TractionPipelineReview *review,
                                                       TractionFunnelStep            steps[TRACTION_FUNNEL_STEPS]);
/* Text alternative of the funnel, for screen readers. */
char       *traction_pipeline_review_funnel_summary   (const TractionPipelineReview *review);

/* "October 2026" */
char       *traction_pipeline_review_month_label      (int year,
                                                       int month);
/* "pipeline-review-2026-10.pdf" */
char       *traction_pipeline_review_file_name        (const TractionPipelineReview *review);
/* "Open pipeline as of November 22, 2026; coverage over …" */
char       *traction_pipeline_review_scope_text       (const TractionPipelineReview *review);
/* "1. Fast integration (3)" lines, or "None recorded" */
char       *traction_pipeline_review_reasons_text     (GPtrArray                    *reasons);

G_END_DECLS
