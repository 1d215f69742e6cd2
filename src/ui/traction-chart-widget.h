/* traction-chart-widget.h: a widget that draws a charts/ routine.
 *
 * It only maps prepared numbers to pixels (STYLE.md): the owner gives it
 * a draw function and its data; the widget supplies a theme taken from
 * its style (text colour, accent colour, font), so dark mode follows, and
 * redraws when the data or the style changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-chart.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_CHART_WIDGET (traction_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (TractionChartWidget, traction_chart_widget, TRACTION, CHART_WIDGET, GtkWidget)

typedef void (*TractionChartDrawFunc) (cairo_t                  *cr,
                                       const TractionChartTheme *theme,
                                       double                    width,
                                       double                    height,
                                       gpointer                  data);

GtkWidget *traction_chart_widget_new           (void);
/* Replaces the draw function and data (destroy frees the old data). */
void       traction_chart_widget_set_draw_func (TractionChartWidget   *self,
                                                TractionChartDrawFunc  func,
                                                gpointer               data,
                                                GDestroyNotify         destroy);
/* The theme the next snapshot will use (for tests). */
void       traction_chart_widget_get_theme     (TractionChartWidget   *self,
                                                TractionChartTheme    *theme);
/* The same theme for any widget (its CSS colour, accent and font). */
void       traction_chart_theme_for_widget     (GtkWidget             *widget,
                                                TractionChartTheme    *theme);

G_END_DECLS
