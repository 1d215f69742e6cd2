/* traction-heatmap.c: the client health heatmap and trend line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "traction-heatmap.h"

/* Okabe & Ito's palette: told apart with every common colour-vision
 * deficiency. Light style, then dark style (a touch lighter). */
static const TractionRgba band_light[TRACTION_N_BANDS] = {
  { 0.000, 0.447, 0.698, 1.0 },   /* blue #0072B2 */
  { 0.337, 0.706, 0.914, 1.0 },   /* sky blue #56B4E9 */
  { 0.902, 0.624, 0.000, 1.0 },   /* orange #E69F00 */
  { 0.835, 0.369, 0.000, 1.0 },   /* vermillion #D55E00 */
};
static const TractionRgba band_dark[TRACTION_N_BANDS] = {
  { 0.118, 0.533, 0.898, 1.0 },
  { 0.420, 0.773, 0.957, 1.0 },
  { 0.961, 0.690, 0.129, 1.0 },
  { 0.937, 0.424, 0.055, 1.0 },
};

static gboolean
theme_is_dark (const TractionChartTheme *theme)
{
  const TractionRgba *fg = &theme->foreground;

  return 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5;
}

void
traction_heatmap_band_color (const TractionChartTheme *theme,
                             TractionHealthBand        band,
                             TractionRgba             *out)
{
  g_return_if_fail (theme != NULL && out != NULL);

  if ((int) band < 0 || band >= TRACTION_N_BANDS)
    band = TRACTION_BAND_CRITICAL;
  *out = theme_is_dark (theme) ? band_dark[band] : band_light[band];
  if (theme->monochrome)
    {
      /* A light tint: the pattern and the figure stay readable on it. */
      out->red = 1.0 - (1.0 - out->red) * 0.35;
      out->green = 1.0 - (1.0 - out->green) * 0.35;
      out->blue = 1.0 - (1.0 - out->blue) * 0.35;
    }
}

int
traction_heatmap_band_pattern (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return 0;
    case TRACTION_BAND_MONITOR:  return 2;
    case TRACTION_BAND_AT_RISK:  return 1;
    case TRACTION_BAND_CRITICAL: return 3;
    case TRACTION_N_BANDS:
    default:
      return 3;
    }
}

/* Dark text on the light fills, white on the deep ones. */
static gboolean
band_wants_light_text (const TractionChartTheme *theme,
                       TractionHealthBand        band)
{
  if (theme->monochrome)
    return FALSE;
  return band == TRACTION_BAND_HEALTHY || band == TRACTION_BAND_CRITICAL;
}

static PangoLayout *
layout_new (cairo_t                  *cr,
            const TractionChartTheme *theme,
            double                    size,
            gboolean                  bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_family (desc, theme->font_family[0] != '\0' ? theme->font_family : "Sans");
  pango_font_description_set_absolute_size (desc, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Draws text in layout with its top at y, aligned at x (0 start, 1 centre, 2 end). */
static void
layout_show (cairo_t            *cr,
             PangoLayout        *layout,
             const TractionRgba *color,
             const char         *text,
             double              x,
             double              y,
             double              max_width,
             int                 align)
{
  int w, h;
  double dx;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_get_size (layout, &w, &h);
  dx = align == 1 ? -(double) w / PANGO_SCALE / 2 : align == 2 ? -(double) w / PANGO_SCALE : 0;
  traction_chart_set_source (cr, color);
  cairo_move_to (cr, x + dx, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_height (const TractionChartTheme *theme)
{
  return theme->font_size * 1.3;
}

void
traction_heatmap_geometry (const TractionChartTheme *theme,
                           double                    width,
                           guint                     n_months,
                           TractionHeatmapGeometry  *out)
{
  double size;

  g_return_if_fail (theme != NULL && out != NULL);

  size = isfinite (theme->font_size) && theme->font_size > 0 ? theme->font_size : 10.0;
  width = isfinite (width) && width > 0 ? width : 0;
  out->row_height = ceil (size * 2.2);
  out->header_height = ceil (size * 3.0);
  out->name_width = MIN (size * 15.0, width * 0.3);
  out->cell_width = n_months > 0 ? MAX (width - out->name_width, 0) / n_months : 0;
}

gboolean
traction_heatmap_hit (const TractionHeatmap         *heatmap,
                      const TractionHeatmapGeometry *geometry,
                      double                         px,
                      double                         py,
                      int                           *row,
                      int                           *col)
{
  double ry;
  gint64 r = -1, c = -1;

  g_return_val_if_fail (heatmap != NULL && geometry != NULL, FALSE);

  if (px >= geometry->name_width && geometry->cell_width > 0)
    {
      c = (gint64) floor ((px - geometry->name_width) / geometry->cell_width);
      if (c >= heatmap->n_months)
        c = -1;
    }
  if (py >= geometry->header_height && geometry->row_height > 0)
    {
      ry = py - geometry->header_height + heatmap->y_offset;
      r = heatmap->first_row + (gint64) floor (ry / geometry->row_height);
      if (r >= heatmap->n_rows)
        r = -1;
    }
  if (row != NULL)
    *row = (int) r;
  if (col != NULL)
    *col = (int) c;
  return r >= 0 && c >= 0;
}

static void
draw_header (cairo_t                       *cr,
             const TractionChartTheme      *theme,
             PangoLayout                   *layout,
             const TractionHeatmap         *heatmap,
             const TractionHeatmapGeometry *g,
             double                         x,
             double                         y)
{
  double label_width = 0;
  guint step = 1;

  if (heatmap->month_labels == NULL || g->cell_width <= 0)
    return;

  /* Every step-th label when the cells are narrower than a label. */
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, "Mmm", -1);
  {
    int w, h;
    pango_layout_get_size (layout, &w, &h);
    label_width = (double) w / PANGO_SCALE + 4;
  }
  while (step < heatmap->n_months && g->cell_width * step < label_width)
    step++;

  for (guint j = 0; j < heatmap->n_months; j++)
    {
      double cx = x + g->name_width + (j + 0.5) * g->cell_width;
      const char *year = heatmap->year_labels != NULL ? heatmap->year_labels[j] : NULL;

      gboolean room = TRUE;

      /* A year's label needs the width of its text before the next one
       * (the first column's year is often followed by January's). */
      for (guint k = j + 1; year != NULL && k < heatmap->n_months &&
           (double) (k - j) * g->cell_width < label_width * 1.3; k++)
        if (heatmap->year_labels[k] != NULL && heatmap->year_labels[k][0] != '\0')
          room = FALSE;
      if (year != NULL && year[0] != '\0' && room)
        layout_show (cr, layout, &theme->dim, year, cx - g->cell_width / 2 + 2,
                     y, 0, 0);
      if ((heatmap->n_months - 1 - j) % step == 0 && heatmap->month_labels[j] != NULL)
        layout_show (cr, layout, &theme->foreground, heatmap->month_labels[j], cx,
                     y + text_height (theme), g->cell_width * step, 1);
    }
}

void
traction_chart_heatmap (cairo_t                  *cr,
                        const TractionChartTheme *theme,
                        double                    x,
                        double                    y,
                        double                    width,
                        double                    height,
                        const TractionHeatmap    *heatmap)
{
  TractionHeatmapGeometry g;
  PangoLayout *layout, *cell_layout;
  /* A cell's figure is 0..100: each laid out once per frame, not once per
   * cell (shaping the text was most of a frame). */
  PangoLayout *figures[101] = { NULL };
  gboolean show_figures;
  double cell_size, top;
  guint last;

  g_return_if_fail (cr != NULL && theme != NULL && heatmap != NULL);

  if (!(isfinite (x) && isfinite (y) && isfinite (width) && isfinite (height))
      || width < 2 || height < 2 || heatmap->rules == NULL)
    return;

  traction_heatmap_geometry (theme, width, heatmap->n_months, &g);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  layout = layout_new (cr, theme, theme->font_size, FALSE);
  cell_size = MIN (theme->font_size * 0.9, g.row_height * 0.5);
  cell_layout = layout_new (cr, theme, cell_size, FALSE);
  {
    int w, h;
    pango_layout_set_text (cell_layout, "100", -1);
    pango_layout_get_size (cell_layout, &w, &h);
    show_figures = g.cell_width >= (double) w / PANGO_SCALE + 4 && g.row_height >= (double) h / PANGO_SCALE;
  }

  draw_header (cr, theme, layout, heatmap, &g, x, y);

  /* The rows, clipped below the header. */
  top = y + g.header_height;
  cairo_save (cr);
  cairo_rectangle (cr, x, top, width, MAX (y + height - top, 0));
  cairo_clip (cr);

  last = heatmap->first_row >= heatmap->n_rows ? heatmap->first_row
         : heatmap->first_row + MIN (heatmap->n_visible, heatmap->n_rows - heatmap->first_row);
  for (guint i = heatmap->first_row; i < last; i++)
    {
      double ry = top + (double) (i - heatmap->first_row) * g.row_height - heatmap->y_offset;
      const char *name = heatmap->names != NULL ? heatmap->names[i] : NULL;

      if (ry > y + height)
        break;

      if (name != NULL)
        layout_show (cr, layout, &theme->foreground, name, x + 2,
                     ry + (g.row_height - text_height (theme)) / 2, g.name_width - 8, 0);

      for (guint j = 0; j < heatmap->n_months; j++)
        {
          float score = heatmap->scores[(gsize) i * heatmap->n_months + j];
          double cx = x + g.name_width + j * g.cell_width;
          TractionHealthBand band;
          TractionRgba fill;
          char figure[8];

          if (isnan (score))
            {
              /* No scorecard: an outlined empty cell. */
              if (g.cell_width >= 4)
                {
                  traction_chart_set_source (cr, &theme->grid);
                  cairo_set_line_width (cr, 1.0);
                  cairo_rectangle (cr, cx + 1.5, ry + 1.5, g.cell_width - 3, g.row_height - 3);
                  cairo_stroke (cr);
                }
              continue;
            }

          band = traction_health_band (score, heatmap->rules);
          traction_heatmap_band_color (theme, band, &fill);
          cairo_rectangle (cr, cx + 1, ry + 1, MAX (g.cell_width - 2, 0.5), MAX (g.row_height - 2, 0.5));
          if (theme->monochrome)
            {
              traction_chart_fill_patterned (cr, theme, &fill, traction_heatmap_band_pattern (band));
              cairo_new_path (cr);
            }
          else
            {
              traction_chart_set_source (cr, &fill);
              cairo_fill (cr);
            }

          if (show_figures)
            {
              TractionRgba ink = band_wants_light_text (theme, band)
                                 ? (TractionRgba) { 1, 1, 1, 1 } : (TractionRgba) { 0, 0, 0, 0.87 };
              PangoLayout *figure_layout = cell_layout;
              int value;
              int w, h;

              g_snprintf (figure, sizeof figure, "%.0f", (double) score);
              value = atoi (figure);
              if (value >= 0 && value <= 100)
                {
                  if (figures[value] == NULL)
                    {
                      figures[value] = pango_layout_copy (cell_layout);
                      pango_layout_set_text (figures[value], figure, -1);
                    }
                  figure_layout = figures[value];
                }
              else
                pango_layout_set_text (cell_layout, figure, -1);
              pango_layout_get_size (figure_layout, &w, &h);
              if (theme->monochrome)
                {
                  /* A paper-white box so the figure reads over the pattern. */
                  cairo_set_source_rgb (cr, 1, 1, 1);
                  cairo_rectangle (cr, cx + g.cell_width / 2 - (double) w / PANGO_SCALE / 2 - 1.5,
                                   ry + (g.row_height - (double) h / PANGO_SCALE) / 2,
                                   (double) w / PANGO_SCALE + 3, (double) h / PANGO_SCALE);
                  cairo_fill (cr);
                }
              traction_chart_set_source (cr, &ink);
              cairo_move_to (cr, cx + g.cell_width / 2 - (double) w / PANGO_SCALE / 2,
                             ry + (g.row_height - (double) h / PANGO_SCALE) / 2);
              pango_cairo_show_layout (cr, figure_layout);
            }
        }

      if (heatmap->show_cursor && heatmap->cursor_row == (int) i
          && heatmap->cursor_col >= 0 && heatmap->cursor_col < (int) heatmap->n_months)
        {
          double cx = x + g.name_width + heatmap->cursor_col * g.cell_width;

          traction_chart_set_source (cr, &theme->foreground);
          cairo_set_line_width (cr, 2.0);
          cairo_rectangle (cr, cx + 1, ry + 1, MAX (g.cell_width - 2, 1), MAX (g.row_height - 2, 1));
          cairo_stroke (cr);
          /* The row's name underlined: where the cursor is reads on the left too. */
          cairo_move_to (cr, x + 2, ry + g.row_height - 2);
          cairo_line_to (cr, x + g.name_width - 8, ry + g.row_height - 2);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  for (guint k = 0; k < G_N_ELEMENTS (figures); k++)
    g_clear_object (&figures[k]);
  g_object_unref (cell_layout);
  g_object_unref (layout);
  cairo_restore (cr);
}

static char *
band_range_text (TractionHealthBand   band,
                 const TractionRules *rules)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:
      /* Translators: a band's score range in the heatmap legend */
      return g_strdup_printf (_("%s (%d+)"), traction_health_band_label (band), rules->band_healthy);
    case TRACTION_BAND_MONITOR:
      return g_strdup_printf (_("%s (%d–%d)"), traction_health_band_label (band), rules->band_monitor,
                              rules->band_healthy - 1);
    case TRACTION_BAND_AT_RISK:
      return g_strdup_printf (_("%s (%d–%d)"), traction_health_band_label (band), rules->band_at_risk,
                              rules->band_monitor - 1);
    case TRACTION_BAND_CRITICAL:
    case TRACTION_N_BANDS:
    default:
      return g_strdup_printf (_("%s (below %d)"), traction_health_band_label (TRACTION_BAND_CRITICAL),
                              rules->band_at_risk);
    }
}

void
traction_chart_heatmap_legend (cairo_t                  *cr,
                               const TractionChartTheme *theme,
                               double                    x,
                               double                    y,
                               double                    width,
                               const TractionRules      *rules)
{
  double cx = x, swatch, needed = 0;
  gboolean with_ranges;

  g_return_if_fail (cr != NULL && theme != NULL && rules != NULL);

  if (!(isfinite (x) && isfinite (y) && isfinite (width)) || width < 2)
    return;

  swatch = theme->font_size * 1.3;

  /* The words with their ranges when they fit in the width, else the
   * words alone (a narrow pane), so no band's word is cut off. */
  for (int b = 0; b < TRACTION_N_BANDS; b++)
    {
      g_autofree char *text = band_range_text (b, rules);
      double w;

      traction_chart_text_size (cr, theme, text, 0, FALSE, &w, NULL);
      needed += swatch * 1.6 + 4 + w + (b + 1 < TRACTION_N_BANDS ? theme->font_size * 1.5 : 0);
    }
  with_ranges = needed <= width;

  cairo_save (cr);
  for (int b = 0; b < TRACTION_N_BANDS; b++)
    {
      g_autofree char *text = with_ranges ? band_range_text (b, rules)
                                          : g_strdup (traction_health_band_label (b));
      TractionRgba fill;
      double w;

      if (cx + swatch > x + width)
        break;
      traction_heatmap_band_color (theme, b, &fill);
      cairo_rectangle (cr, cx, y, swatch * 1.6, swatch);
      traction_chart_fill_patterned (cr, theme, &fill, traction_heatmap_band_pattern (b));
      cairo_new_path (cr);
      w = traction_chart_text (cr, theme, &theme->foreground, text, cx + swatch * 1.6 + 4,
                               y + (swatch - text_height (theme)) / 2, x + width - cx - swatch * 2, 0,
                               FALSE, TRACTION_CHART_ALIGN_START);
      cx += swatch * 1.6 + 4 + w + theme->font_size * 1.5;
    }
  cairo_restore (cr);
}

void
traction_chart_health_trend (cairo_t                  *cr,
                             const TractionChartTheme *theme,
                             double                    x,
                             double                    y,
                             double                    width,
                             double                    height,
                             const float              *scores,
                             guint                     n_months,
                             const char * const       *month_labels,
                             const TractionRules      *rules)
{
  double left, right, top, bottom, step;
  int bounds[TRACTION_N_BANDS + 1];
  gboolean pen_down = FALSE;

  g_return_if_fail (cr != NULL && theme != NULL && rules != NULL);

  if (!(isfinite (x) && isfinite (y) && isfinite (width) && isfinite (height))
      || width < 20 || height < 20 || n_months == 0 || scores == NULL)
    return;

  left = x + theme->font_size * 6.5;
  right = x + width - theme->font_size;
  top = y + theme->font_size * 0.5;
  bottom = y + height - text_height (theme) * 1.4;
  if (right - left < 4 || bottom - top < 4)
    return;
  step = n_months > 1 ? (right - left) / (n_months - 1) : 0;

#define Y_OF(s) (bottom - (bottom - top) * CLAMP ((s), 0.0, 100.0) / 100.0)

  cairo_save (cr);

  /* The bands as light stripes with their words on the left. */
  bounds[0] = 100;
  bounds[1] = rules->band_healthy;
  bounds[2] = rules->band_monitor;
  bounds[3] = rules->band_at_risk;
  bounds[4] = 0;
  for (int b = 0; b < TRACTION_N_BANDS; b++)
    {
      TractionRgba fill;
      double y1 = Y_OF (bounds[b]), y2 = Y_OF (bounds[b + 1]);

      traction_heatmap_band_color (theme, b, &fill);
      fill.alpha = theme->monochrome ? 1.0 : 0.18;
      cairo_rectangle (cr, left, y1, right - left, y2 - y1);
      traction_chart_fill_patterned (cr, theme, &fill, 0);
      cairo_new_path (cr);
      if (y2 - y1 >= text_height (theme))
        traction_chart_text (cr, theme, &theme->dim, traction_health_band_label (b),
                             left - 4, (y1 + y2) / 2 - text_height (theme) / 2,
                             left - x - 4, 0, FALSE, TRACTION_CHART_ALIGN_END);
    }

  /* Month labels: the first, the last and every third. */
  if (month_labels != NULL)
    for (guint j = 0; j < n_months; j++)
      if (j == 0 || j == n_months - 1 || ((n_months - 1 - j) % 3 == 0 && step * 3 > theme->font_size * 3.5
                                          && j > 1 && j < n_months - 2))
        traction_chart_text (cr, theme, &theme->dim, month_labels[j], left + j * step,
                             bottom + 2, 0, 0, FALSE,
                             j == 0 ? TRACTION_CHART_ALIGN_START
                             : j == n_months - 1 ? TRACTION_CHART_ALIGN_END : TRACTION_CHART_ALIGN_CENTER);

  /* The line, broken where a month has no scorecard, and a dot per month. */
  traction_chart_set_source (cr, &theme->foreground);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint j = 0; j < n_months; j++)
    {
      if (isnan (scores[j]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, left + j * step, Y_OF (scores[j]));
      else
        cairo_move_to (cr, left + j * step, Y_OF (scores[j]));
      pen_down = TRUE;
    }
  cairo_stroke (cr);
  for (guint j = 0; j < n_months; j++)
    if (!isnan (scores[j]))
      {
        TractionRgba fill;

        traction_heatmap_band_color (theme, traction_health_band (scores[j], rules), &fill);
        cairo_new_sub_path (cr);
        cairo_arc (cr, left + j * step, Y_OF (scores[j]), 4.0, 0, 2 * G_PI);
        traction_chart_set_source (cr, &fill);
        cairo_fill_preserve (cr);
        traction_chart_set_source (cr, &theme->foreground);
        cairo_set_line_width (cr, 1.0);
        cairo_stroke (cr);
      }
#undef Y_OF
  cairo_restore (cr);
}
