/* traction-chart.c: Cairo chart renderers (no GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "traction-chart.h"

/* Smallest font we bother drawing text at (units of the cairo_t). */
#define MIN_TEXT_SIZE 3.0

/* Helpers */

static TractionRgba
rgba (double red,
      double green,
      double blue,
      double alpha)
{
  TractionRgba color = { red, green, blue, alpha };

  return color;
}

static TractionRgba
with_alpha (const TractionRgba *color,
            double              alpha)
{
  return rgba (color->red, color->green, color->blue, color->alpha * alpha);
}

static gboolean
rect_usable (double width,
             double height)
{
  return isfinite (width) && isfinite (height) && width >= 1.0 && height >= 1.0;
}

static PangoLayout *
make_layout (cairo_t                  *cr,
             const TractionChartTheme *theme,
             double                    size,
             gboolean                  bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on the device, so that the screen, the
   * printer and the PDF break lines at the same places. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_family (desc, theme->font_family[0] != '\0' ? theme->font_family : "Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* Tabular figures, so that numbers line up. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* "45%" for 0.45. */
static char *
format_percent (double fraction)
{
  /* Translators: a percentage, e.g. "45%"; the first %.0f is the number. */
  return g_strdup_printf (_("%.0f%%"), fraction * 100.0);
}

static void
draw_hatch (cairo_t                  *cr,
            const TractionChartTheme *theme,
            int                       pattern,
            double                    spacing)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  traction_chart_set_source (cr, &theme->foreground);
  cairo_set_line_width (cr, MAX (spacing * 0.14, 0.25));

  if (pattern == 2)
    {
      for (double y = y1 + spacing / 2; y < y2; y += spacing)
        for (double x = x1 + spacing / 2; x < x2; x += spacing)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, spacing * 0.16, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      return;
    }

  for (double d = x1 - (y2 - y1); d < x2; d += spacing)
    {
      cairo_move_to (cr, d, y2);
      cairo_line_to (cr, d + (y2 - y1), y1);
    }
  if (pattern == 3)
    for (double d = x1 - (y2 - y1); d < x2; d += spacing)
      {
        cairo_move_to (cr, d, y1);
        cairo_line_to (cr, d + (y2 - y1), y2);
      }
  cairo_stroke (cr);
}

/* Theme */

void
traction_chart_theme_init_print (TractionChartTheme *theme,
                                 gboolean            monochrome)
{
  g_return_if_fail (theme != NULL);

  memset (theme, 0, sizeof *theme);
  theme->foreground = rgba (0.12, 0.12, 0.14, 1.0);
  theme->dim = rgba (0.38, 0.38, 0.40, 1.0);
  theme->grid = rgba (0.78, 0.78, 0.80, 1.0);
  theme->accent = rgba (0.11, 0.35, 0.68, 1.0);      /* prints as a mid grey */
  theme->good = rgba (0.15, 0.52, 0.30, 1.0);
  theme->warning = rgba (0.80, 0.55, 0.00, 1.0);
  theme->bad = rgba (0.75, 0.11, 0.16, 1.0);
  theme->band[TRACTION_BAND_HEALTHY] = theme->good;
  theme->band[TRACTION_BAND_MONITOR] = rgba (0.90, 0.75, 0.05, 1.0);
  theme->band[TRACTION_BAND_AT_RISK] = rgba (0.90, 0.45, 0.05, 1.0);
  theme->band[TRACTION_BAND_CRITICAL] = theme->bad;
  g_strlcpy (theme->font_family, "Cantarell, DejaVu Sans, Sans", sizeof theme->font_family);
  theme->font_size = 9.0;
  theme->monochrome = monochrome;
}

void
traction_chart_theme_init_screen (TractionChartTheme *theme,
                                  const TractionRgba *foreground,
                                  const TractionRgba *accent,
                                  const char         *font_family,
                                  double              font_size)
{
  gboolean dark;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (foreground != NULL && accent != NULL);

  traction_chart_theme_init_print (theme, FALSE);
  /* Light text means a dark background. */
  dark = 0.2126 * foreground->red + 0.7152 * foreground->green + 0.0722 * foreground->blue > 0.5;

  theme->foreground = *foreground;
  theme->dim = with_alpha (foreground, 0.62);
  theme->grid = with_alpha (foreground, 0.18);
  theme->accent = *accent;
  /* libadwaita's success / warning / error colours of each style. */
  theme->good = dark ? rgba (0.56, 0.94, 0.64, 1.0) : rgba (0.15, 0.52, 0.30, 1.0);
  theme->warning = dark ? rgba (0.97, 0.89, 0.36, 1.0) : rgba (0.61, 0.43, 0.00, 1.0);
  theme->bad = dark ? rgba (1.00, 0.48, 0.39, 1.0) : rgba (0.75, 0.11, 0.16, 1.0);
  theme->band[TRACTION_BAND_HEALTHY] = theme->good;
  theme->band[TRACTION_BAND_CRITICAL] = theme->bad;
  if (font_family != NULL && font_family[0] != '\0')
    g_strlcpy (theme->font_family, font_family, sizeof theme->font_family);
  if (font_size > 0)
    theme->font_size = font_size;
}

void
traction_chart_set_source (cairo_t            *cr,
                           const TractionRgba *color)
{
  g_return_if_fail (cr != NULL && color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
traction_chart_fill_patterned (cairo_t                  *cr,
                               const TractionChartTheme *theme,
                               const TractionRgba       *color,
                               int                       pattern)
{
  cairo_path_t *path;
  double x1, y1, x2, y2;

  g_return_if_fail (cr != NULL && theme != NULL && color != NULL);

  traction_chart_set_source (cr, color);
  cairo_fill_preserve (cr);
  if (!theme->monochrome || pattern <= 0 || pattern > 3)
    return;

  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  if (x2 - x1 < 1.0 || y2 - y1 < 1.0)
    return;

  path = cairo_copy_path (cr);
  cairo_save (cr);
  cairo_clip (cr);
  draw_hatch (cr, theme, pattern, CLAMP (theme->font_size * 0.5, 2.0, 40.0));
  cairo_restore (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

void
traction_chart_text_size (cairo_t                  *cr,
                          const TractionChartTheme *theme,
                          const char               *text,
                          double                    size,
                          gboolean                  bold,
                          double                   *width,
                          double                   *height)
{
  PangoLayout *layout;
  int w, h;

  g_return_if_fail (cr != NULL && theme != NULL && text != NULL);

  if (size <= 0)
    size = theme->font_size;
  if (!isfinite (size) || size < MIN_TEXT_SIZE)
    {
      if (width != NULL)
        *width = 0;
      if (height != NULL)
        *height = 0;
      return;
    }

  layout = make_layout (cr, theme, size, bold);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);

  if (width != NULL)
    *width = (double)w / PANGO_SCALE;
  if (height != NULL)
    *height = (double)h / PANGO_SCALE;
}

double
traction_chart_text (cairo_t                  *cr,
                     const TractionChartTheme *theme,
                     const TractionRgba       *color,
                     const char               *text,
                     double                    x,
                     double                    y,
                     double                    max_width,
                     double                    size,
                     gboolean                  bold,
                     TractionChartAlign        align)
{
  PangoLayout *layout;
  int w, h;

  g_return_val_if_fail (cr != NULL && theme != NULL && color != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  if (size <= 0)
    size = theme->font_size;
  if (!isfinite (size) || size < MIN_TEXT_SIZE || text[0] == '\0')
    return 0;
  if (max_width > 0 && max_width < size)
    return 0;

  layout = make_layout (cr, theme, size, bold);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, &h);

  cairo_save (cr);
  switch (align)
    {
    case TRACTION_CHART_ALIGN_CENTER:
      x -= (double)w / PANGO_SCALE / 2;
      break;
    case TRACTION_CHART_ALIGN_END:
      x -= (double)w / PANGO_SCALE;
      break;
    case TRACTION_CHART_ALIGN_START:
    default:
      break;
    }
  traction_chart_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  g_object_unref (layout);
  return (double)w / PANGO_SCALE;
}

/* Funnel */

TractionFunnelStatus
traction_funnel_status (const TractionFunnelStep *step)
{
  long percent, lo, hi;

  g_return_val_if_fail (step != NULL, TRACTION_FUNNEL_NO_TARGET);

  if (step->conversion < 0 || step->target_lo < 0 || step->target_hi < 0)
    return TRACTION_FUNNEL_NO_TARGET;

  /* Compare whole percentages, as they are shown. */
  percent = lround (step->conversion * 100.0);
  lo = lround (step->target_lo * 100.0);
  hi = lround (step->target_hi * 100.0);
  if (percent < lo)
    return TRACTION_FUNNEL_BELOW;
  if (percent > hi)
    return TRACTION_FUNNEL_ABOVE;
  return TRACTION_FUNNEL_ON_TARGET;
}

const char *
traction_funnel_status_label (TractionFunnelStatus status)
{
  switch (status)
    {
    case TRACTION_FUNNEL_BELOW:
      return _("Below target");
    case TRACTION_FUNNEL_ON_TARGET:
      return _("On target");
    case TRACTION_FUNNEL_ABOVE:
      return _("Above target");
    case TRACTION_FUNNEL_NO_TARGET:
    default:
      return "";
    }
}

static const TractionRgba *
status_color (const TractionChartTheme *theme,
              TractionFunnelStatus      status)
{
  switch (status)
    {
    case TRACTION_FUNNEL_BELOW:
      return &theme->bad;
    case TRACTION_FUNNEL_ON_TARGET:
    case TRACTION_FUNNEL_ABOVE:
      return &theme->good;
    case TRACTION_FUNNEL_NO_TARGET:
    default:
      return &theme->accent;
    }
}

/* The conversion of one step: a 0–100 % track with the target range and
 * the share, then the figures as words. */
static void
draw_conversion (cairo_t                  *cr,
                 const TractionChartTheme *theme,
                 const TractionFunnelStep *step,
                 double                    x,
                 double                    y,
                 double                    width,
                 double                    height,
                 double                    font)
{
  TractionFunnelStatus status = traction_funnel_status (step);
  double track_w = width * 0.36;
  double track_h = MAX (height * 0.28, 1.0);
  double track_y = y + (height - track_h) / 2;
  double text_x = x + track_w + font;
  double text_w = width - track_w - font;
  double conversion = CLAMP (step->conversion, 0.0, 1.0);
  g_autofree char *figure = NULL;
  g_autofree char *detail = NULL;

  if (step->conversion < 0)
    {
      traction_chart_text (cr, theme, &theme->dim,
                           step->target_lo < 0 ? _("Entry stage") : _("No deals reached the stage before"),
                           x, y + (height - font * 1.25) / 2, width, font, FALSE,
                           TRACTION_CHART_ALIGN_START);
      return;
    }

  /* Track and target range. */
  cairo_rectangle (cr, x, track_y, track_w, track_h);
  traction_chart_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, MAX (track_h * 0.06, 0.3));
  cairo_stroke (cr);
  if (step->target_lo >= 0 && step->target_hi >= step->target_lo)
    {
      TractionRgba band = with_alpha (&theme->dim, 0.4);

      cairo_rectangle (cr, x + track_w * CLAMP (step->target_lo, 0.0, 1.0), track_y,
                       track_w * (CLAMP (step->target_hi, 0.0, 1.0) - CLAMP (step->target_lo, 0.0, 1.0)),
                       track_h);
      traction_chart_fill_patterned (cr, theme, &band, 2);
      cairo_new_path (cr);
    }

  /* The share, as a bar inside the track and a tick across it. */
  if (conversion > 0)
    {
      cairo_rectangle (cr, x, track_y + track_h * 0.3, track_w * conversion, track_h * 0.4);
      traction_chart_fill_patterned (cr, theme, status_color (theme, status),
                                     status == TRACTION_FUNNEL_BELOW ? 1 : 0);
      cairo_new_path (cr);
    }
  traction_chart_set_source (cr, &theme->foreground);
  cairo_set_line_width (cr, MAX (track_h * 0.12, 0.5));
  cairo_move_to (cr, x + track_w * conversion, track_y - track_h * 0.25);
  cairo_line_to (cr, x + track_w * conversion, track_y + track_h * 1.25);
  cairo_stroke (cr);

  if (text_w < font * 2)
    return;

  if (step->target_lo >= 0)
    {
      g_autofree char *percent = format_percent (step->conversion);
      g_autofree char *lo = g_strdup_printf ("%.0f", step->target_lo * 100.0);
      g_autofree char *hi = format_percent (step->target_hi);

      /* Translators: "45% · Below target" */
      figure = g_strdup_printf (_("%s · %s"), percent, traction_funnel_status_label (status));
      /* Translators: a target range, "target 40–50%". */
      detail = g_strdup_printf (_("target %s–%s"), lo, hi);
    }
  else
    {
      figure = format_percent (step->conversion);
      detail = g_strdup ("");
    }

  traction_chart_text (cr, theme, &theme->foreground, figure,
                       text_x, y + height / 2 - font * 1.3, text_w, font * 1.1, TRUE,
                       TRACTION_CHART_ALIGN_START);
  traction_chart_text (cr, theme, &theme->dim, detail, text_x, y + height / 2, text_w,
                       font * 0.9, FALSE, TRACTION_CHART_ALIGN_START);
}

void
traction_chart_funnel (cairo_t                  *cr,
                       const TractionChartTheme *theme,
                       double                    x,
                       double                    y,
                       double                    width,
                       double                    height,
                       const TractionFunnelStep *steps,
                       gsize                     n_steps)
{
  double row_h, font, label_w, funnel_x, funnel_w, conv_x, conv_w, gap;
  int max_count = 0;

  g_return_if_fail (cr != NULL && theme != NULL);
  g_return_if_fail (steps != NULL || n_steps == 0);

  if (!rect_usable (width, height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  if (n_steps == 0)
    {
      font = MIN (theme->font_size, height * 0.4);
      traction_chart_text (cr, theme, &theme->dim, _("No deals in this period"),
                           x + width / 2, y + (height - font * 1.25) / 2, width, font,
                           FALSE, TRACTION_CHART_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  for (gsize i = 0; i < n_steps; i++)
    max_count = MAX (max_count, steps[i].count);

  row_h = height / n_steps;
  font = MIN (theme->font_size, row_h * 0.3);
  gap = MAX (font, width * 0.015);
  label_w = MIN (width * 0.2, font * 11);
  conv_w = MIN (width * 0.42, font * 30);
  funnel_x = x + label_w + gap;
  funnel_w = MAX (width - label_w - conv_w - 2 * gap, 1.0);
  conv_x = funnel_x + funnel_w + gap;

  for (gsize i = 0; i < n_steps; i++)
    {
      const TractionFunnelStep *step = &steps[i];
      double row_y = y + row_h * i;
      double bar_h = row_h * 0.62;
      double bar_y = row_y + (row_h - bar_h) / 2;
      double share = max_count > 0 ? (double)MAX (step->count, 0) / max_count : 0;
      double bar_w = funnel_w * share;
      g_autofree char *count = NULL;

      /* A thin rule between rows helps the eye across the page. */
      if (i > 0)
        {
          traction_chart_set_source (cr, &theme->grid);
          cairo_set_line_width (cr, MAX (font * 0.06, 0.25));
          cairo_move_to (cr, x, row_y);
          cairo_line_to (cr, x + width, row_y);
          cairo_stroke (cr);
        }

      /* The funnel: from this bar's bottom to the next one's top. */
      if (i + 1 < n_steps && max_count > 0)
        {
          double next_w = funnel_w * (double)MAX (steps[i + 1].count, 0) / max_count;
          double next_y = row_y + row_h + (row_h - bar_h) / 2;
          double cx = funnel_x + funnel_w / 2;

          cairo_move_to (cr, cx - bar_w / 2, bar_y + bar_h);
          cairo_line_to (cr, cx + bar_w / 2, bar_y + bar_h);
          cairo_line_to (cr, cx + next_w / 2, next_y);
          cairo_line_to (cr, cx - next_w / 2, next_y);
          cairo_close_path (cr);
          traction_chart_set_source (cr, &theme->grid);
          cairo_fill (cr);
        }

      if (step->count > 0)
        {
          cairo_rectangle (cr, funnel_x + (funnel_w - MAX (bar_w, 1.0)) / 2, bar_y,
                           MAX (bar_w, 1.0), bar_h);
          traction_chart_fill_patterned (cr, theme, &theme->accent, 0);
          cairo_new_path (cr);
        }

      /* Stage name and count, left. */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal", "%d deals", step->count),
                               step->count);
      traction_chart_text (cr, theme, &theme->foreground, step->label != NULL ? step->label : "",
                           x, row_y + row_h / 2 - font * 1.3, label_w, font * 1.05, TRUE,
                           TRACTION_CHART_ALIGN_START);
      traction_chart_text (cr, theme, &theme->dim, count,
                           x, row_y + row_h / 2 + font * 0.05, label_w, font * 0.95, FALSE,
                           TRACTION_CHART_ALIGN_START);

      draw_conversion (cr, theme, step, conv_x, row_y, MAX (x + width - conv_x, 0.0), row_h, font);
    }

  cairo_restore (cr);
}

/* Horizontal bars */

void
traction_chart_hbars (cairo_t                  *cr,
                      const TractionChartTheme *theme,
                      double                    x,
                      double                    y,
                      double                    width,
                      double                    height,
                      const TractionBarItem    *items,
                      gsize                     n_items,
                      double                    max_value)
{
  double row_h, font, label_w = 0, value_w = 0, bar_x, bar_w_max;

  g_return_if_fail (cr != NULL && theme != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  if (!rect_usable (width, height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  if (n_items == 0)
    {
      font = MIN (theme->font_size, height * 0.4);
      traction_chart_text (cr, theme, &theme->dim, _("No data"),
                           x + width / 2, y + (height - font * 1.25) / 2, width, font,
                           FALSE, TRACTION_CHART_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  font = MIN (theme->font_size, height / n_items * 0.45);
  row_h = MIN (height / n_items, font * 2.4);

  if (max_value <= 0)
    for (gsize i = 0; i < n_items; i++)
      max_value = MAX (max_value, items[i].value);

  for (gsize i = 0; i < n_items; i++)
    {
      double w = 0;

      traction_chart_text_size (cr, theme, items[i].label != NULL ? items[i].label : "",
                                font, FALSE, &w, NULL);
      label_w = MAX (label_w, w);
      if (items[i].value_text != NULL)
        {
          traction_chart_text_size (cr, theme, items[i].value_text, font, FALSE, &w, NULL);
          value_w = MAX (value_w, w);
        }
    }
  label_w = MIN (label_w + font, width * 0.35);
  value_w = MIN (value_w + font * 0.5, width * 0.25);
  bar_x = x + label_w;
  bar_w_max = MAX (width - label_w - value_w, 0.0);

  for (gsize i = 0; i < n_items; i++)
    {
      const TractionBarItem *item = &items[i];
      double row_y = y + row_h * i;
      double share = max_value > 0 && isfinite (item->value) ? CLAMP (item->value / max_value, 0.0, 1.0) : 0;
      double bar_w = bar_w_max * share;
      double bar_h = row_h * 0.6;

      traction_chart_text (cr, theme, &theme->foreground, item->label != NULL ? item->label : "",
                           x, row_y + (row_h - font * 1.25) / 2, label_w - font * 0.5, font, FALSE,
                           TRACTION_CHART_ALIGN_START);
      if (bar_w > 0)
        {
          cairo_rectangle (cr, bar_x, row_y + (row_h - bar_h) / 2, MAX (bar_w, 0.5), bar_h);
          traction_chart_fill_patterned (cr, theme, &theme->accent, item->pattern);
          cairo_new_path (cr);
        }
      if (item->value_text != NULL)
        traction_chart_text (cr, theme, &theme->foreground, item->value_text,
                             bar_x + bar_w + font * 0.4, row_y + (row_h - font * 1.25) / 2,
                             value_w, font, FALSE, TRACTION_CHART_ALIGN_START);
    }

  cairo_restore (cr);
}

/* Columns over months */

static void
legend_swatch (cairo_t                  *cr,
               const TractionChartTheme *theme,
               double                   *x,
               double                    y,
               double                    font,
               int                       kind,
               const char               *text)
{
  double box = font * 0.9;

  cairo_save (cr);
  if (kind == 2)
    {
      /* The reference: a dashed line. */
      double dash[] = { font * 0.35, font * 0.25 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, MAX (font * 0.12, 0.8));
      cairo_move_to (cr, *x, y + font * 0.65);
      cairo_line_to (cr, *x + box * 1.6, y + font * 0.65);
      traction_chart_set_source (cr, &theme->foreground);
      cairo_stroke (cr);
      *x += box * 1.6 + font * 0.4;
    }
  else
    {
      cairo_rectangle (cr, *x, y + font * 0.2, box, box);
      if (kind == 0)
        traction_chart_fill_patterned (cr, theme, &theme->accent, 0);
      else
        traction_chart_fill_patterned (cr, theme, &theme->grid, 1);
      cairo_new_path (cr);
      *x += box + font * 0.4;
    }
  cairo_restore (cr);
  *x += traction_chart_text (cr, theme, &theme->foreground, text, *x, y, 0, font, FALSE,
                             TRACTION_CHART_ALIGN_START) + font * 1.2;
}

void
traction_chart_columns (cairo_t                  *cr,
                        const TractionChartTheme *theme,
                        double                    x,
                        double                    y,
                        double                    width,
                        double                    height,
                        const TractionColumns    *columns)
{
  double font, max_value = 0, top, plot_h, col_w, label_h;
  gboolean any = FALSE;

  g_return_if_fail (cr != NULL && theme != NULL && columns != NULL);
  g_return_if_fail (columns->values != NULL || columns->n == 0);

  if (!rect_usable (width, height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  for (gsize i = 0; i < columns->n; i++)
    {
      if (isfinite (columns->values[i]))
        {
          any = TRUE;
          max_value = MAX (max_value, columns->values[i]);
        }
      if (columns->reference != NULL && isfinite (columns->reference[i]))
        max_value = MAX (max_value, columns->reference[i]);
    }

  font = MIN (theme->font_size, height * 0.08);
  if (!any)
    {
      traction_chart_text (cr, theme, &theme->dim, _("No data"),
                           x + width / 2, y + (height - font * 1.25) / 2, width, font,
                           FALSE, TRACTION_CHART_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  top = y;
  if (columns->strong_label != NULL || columns->context_label != NULL || columns->reference_label != NULL)
    {
      double lx = x;

      if (columns->strong_label != NULL)
        legend_swatch (cr, theme, &lx, y, font, 0, columns->strong_label);
      if (columns->context_label != NULL && columns->first_strong > 0)
        legend_swatch (cr, theme, &lx, y, font, 1, columns->context_label);
      if (columns->reference_label != NULL && columns->reference != NULL)
        legend_swatch (cr, theme, &lx, y, font, 2, columns->reference_label);
      top += font * 2.0;
    }

  label_h = font * 1.6;
  /* Room for the value text over the tallest column. */
  top += font * 1.4;
  plot_h = MAX (y + height - label_h - top, 1.0);
  col_w = width / MAX (columns->n, 1);
  if (max_value <= 0)
    max_value = 1;

  /* Baseline */
  cairo_save (cr);
  traction_chart_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, MAX (font * 0.08, 0.6));
  cairo_move_to (cr, x, top + plot_h);
  cairo_line_to (cr, x + width, top + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (gsize i = 0; i < columns->n; i++)
    {
      double value = columns->values[i];
      double cx = x + col_w * i;
      double bar_w = col_w * 0.62;
      double bx = cx + (col_w - bar_w) / 2;
      gboolean strong = i >= columns->first_strong;
      double bar_h = isfinite (value) ? plot_h * CLAMP (value / max_value, 0.0, 1.0) : 0;
      const char *text = columns->value_texts != NULL ? columns->value_texts[i] : NULL;

      if (isfinite (value) && bar_h > 0)
        {
          cairo_rectangle (cr, bx, top + plot_h - bar_h, bar_w, bar_h);
          if (strong)
            traction_chart_fill_patterned (cr, theme, &theme->accent, 0);
          else
            traction_chart_fill_patterned (cr, theme, &theme->grid, 1);
          cairo_new_path (cr);
        }
      if (!isfinite (value))
        text = "–";
      if (text != NULL)
        traction_chart_text (cr, theme, strong ? &theme->foreground : &theme->dim, text,
                             cx + col_w / 2, top + plot_h - bar_h - font * 1.3, col_w, font * 0.85,
                             strong, TRACTION_CHART_ALIGN_CENTER);
      if (columns->reference != NULL && isfinite (columns->reference[i]))
        {
          double dash[] = { font * 0.35, font * 0.25 };
          double ry = top + plot_h - plot_h * CLAMP (columns->reference[i] / max_value, 0.0, 1.0);

          cairo_save (cr);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, MAX (font * 0.12, 0.8));
          traction_chart_set_source (cr, &theme->foreground);
          cairo_move_to (cr, cx + col_w * 0.08, ry);
          cairo_line_to (cr, cx + col_w * 0.92, ry);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      if (columns->labels != NULL && columns->labels[i] != NULL)
        traction_chart_text (cr, theme, strong ? &theme->foreground : &theme->dim, columns->labels[i],
                             cx + col_w / 2, top + plot_h + font * 0.3, col_w, font * 0.9, FALSE,
                             TRACTION_CHART_ALIGN_CENTER);
    }

  cairo_restore (cr);
}
