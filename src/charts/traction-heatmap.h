/* traction-heatmap.h: the client health heatmap (DOMAIN.md §5), clients ×
 * months, drawn from plain arrays into any cairo_t and rectangle: on
 * screen (TractionHeatmapWidget) and on paper (the health report).
 *
 * Cells are coloured by band with a colour-blind-safe palette (blue for
 * Healthy, light blue for Monitor, orange for At risk, vermillion for
 * Critical: never red against green) and carry the score as a figure when
 * there is room; with theme->monochrome each band also gets its own
 * pattern (none, dots, hatch, cross hatch) so a black-and-white printer
 * keeps them apart. Only rows [first_row, first_row + n_visible) are
 * drawn: a 2,000-row grid costs what is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "traction-chart.h"

G_BEGIN_DECLS

typedef struct {
  const char * const  *names;        /* n_rows, plain text */
  const float         *scores;       /* n_rows × n_months, row-major; NAN = no scorecard */
  guint                n_rows;
  guint                n_months;
  const char * const  *month_labels; /* n_months ("Nov"); may be NULL */
  const char * const  *year_labels;  /* n_months, "" where no year is shown; may be NULL */
  const TractionRules *rules;        /* the bands */
  guint                first_row;    /* first row drawn */
  guint                n_visible;    /* rows drawn at most (also stops at the bottom) */
  double               y_offset;     /* pixels the first row is scrolled up, >= 0 */
  int                  cursor_row;   /* the focused cell, outlined; -1 none */
  int                  cursor_col;
  gboolean             show_cursor;
} TractionHeatmap;

typedef struct {
  double name_width;     /* the client-name column */
  double header_height;  /* month labels */
  double cell_width;
  double row_height;
} TractionHeatmapGeometry;

/* Where things go for a width (the same for every height). */
void     traction_heatmap_geometry      (const TractionChartTheme *theme,
                                         double                    width,
                                         guint                     n_months,
                                         TractionHeatmapGeometry  *out);

/* Row and column under (px, py), relative to the rectangle's corner;
 * FALSE outside the cells (row -1 with a column in the header, column -1
 * with a row on the names). */
gboolean traction_heatmap_hit           (const TractionHeatmap         *heatmap,
                                         const TractionHeatmapGeometry *geometry,
                                         double                         px,
                                         double                         py,
                                         int                           *row,
                                         int                           *col);

/* The colour of a band on this theme (its foreground tells dark from light). */
void     traction_heatmap_band_color    (const TractionChartTheme *theme,
                                         TractionHealthBand        band,
                                         TractionRgba             *out);
/* The monochrome pattern of a band (see traction_chart_fill_patterned). */
int      traction_heatmap_band_pattern  (TractionHealthBand        band);

void     traction_chart_heatmap         (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double                    x,
                                         double                    y,
                                         double                    width,
                                         double                    height,
                                         const TractionHeatmap    *heatmap);

/* A legend in one line: a swatch and the band's word with its range. */
void     traction_chart_heatmap_legend  (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double                    x,
                                         double                    y,
                                         double                    width,
                                         const TractionRules      *rules);

/* One client's health trend: the score per month as a line over the four
 * bands (drawn as light stripes with their words), NAN months skipped. */
void     traction_chart_health_trend    (cairo_t                  *cr,
                                         const TractionChartTheme *theme,
                                         double                    x,
                                         double                    y,
                                         double                    width,
                                         double                    height,
                                         const float              *scores,
                                         guint                     n_months,
                                         const char * const       *month_labels,
                                         const TractionRules      *rules);

G_END_DECLS
