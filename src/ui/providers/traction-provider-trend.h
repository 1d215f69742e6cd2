/* traction-provider-trend.h: a small line chart of a provider's overall
 * score, review by review (drawn by traction_provider_trend_draw, the
 * routine the printed scorecard uses too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRACTION_TYPE_PROVIDER_TREND (traction_provider_trend_get_type ())
G_DECLARE_FINAL_TYPE (TractionProviderTrend, traction_provider_trend, TRACTION, PROVIDER_TREND, GtkWidget)

GtkWidget *traction_provider_trend_new        (void);
/* scores[i] (0..40) of the review on dates[i], oldest first; copied. */
void       traction_provider_trend_set_points (TractionProviderTrend *self,
                                               const int             *scores,
                                               const GDate           *dates,
                                               gsize                  n);

G_END_DECLS
