/* traction-chart.h: Cairo chart renderers shared by the screen, printing
 * and PDF. No GTK: every routine draws into any cairo_t and rectangle from
 * plain arrays and a theme.
 *
 * Units are those of the cairo_t (pixels on screen, points on paper); the
 * theme's font size is in the same units. Every routine copes with any
 * rectangle (a 1×1 one draws nothing readable but never fails) and with
 * no data, and leaves the cairo_t state as it found it.
 *
 * Colour never carries meaning alone (DESIGN.md): the status of a bar is
 * also written as a word, and with theme->monochrome the fills get
 * patterns so a black-and-white printer keeps them apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "traction-core.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;   /* 0..1 each */
} TractionRgba;

typedef struct {
  TractionRgba foreground;   /* text and outlines */
  TractionRgba dim;          /* secondary text */
  TractionRgba grid;         /* rules, tracks, target bands */
  TractionRgba accent;       /* a chart's neutral series */
  TractionRgba good;         /* on or above target */
  TractionRgba warning;      /* slightly off */
  TractionRgba bad;          /* below target */
  TractionRgba band[TRACTION_N_BANDS]; /* health bands, Healthy … Critical */
  char         font_family[64];
  double       font_size;    /* body text, in the units of the cairo_t */
  gboolean     monochrome;   /* add patterns: meaning survives a B&W printer */
} TractionChartTheme;

/* For paper: near-black text, a dark blue accent that prints as a mid
 * grey, font size 9 (points). monochrome adds the patterns. */
void     traction_chart_theme_init_print   (TractionChartTheme *theme,
                                            gboolean            monochrome);
/* For a screen: the text colour and accent of the current style; the
 * other colours are derived from them (dim and grid as translucent
 * foreground) so a dark style follows. */
void     traction_chart_theme_init_screen  (TractionChartTheme *theme,
                                            const TractionRgba *foreground,
                                            const TractionRgba *accent,
                                            const char         *font_family,
                                            double              font_size);

void     traction_chart_set_source         (cairo_t            *cr,
                                            const TractionRgba *color);
/* Fills the current path with color and, with theme->monochrome, a
 * pattern picked by pattern (0 = solid, 1 = diagonal hatch, 2 = dots,
 * 3 = cross hatch) drawn in the foreground colour. Keeps the path. */
void     traction_chart_fill_patterned     (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            const TractionRgba       *color,
                                            int                       pattern);

typedef enum {
  TRACTION_CHART_ALIGN_START,
  TRACTION_CHART_ALIGN_CENTER,
  TRACTION_CHART_ALIGN_END,
} TractionChartAlign;

/* One line of text (ellipsized to max_width when max_width > 0) with its
 * top at y, aligned at x. size <= 0 uses the theme's size. Returns the
 * width drawn. Text is plain (never markup). */
double   traction_chart_text               (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            const TractionRgba       *color,
                                            const char               *text,
                                            double                    x,
                                            double                    y,
                                            double                    max_width,
                                            double                    size,
                                            gboolean                  bold,
                                            TractionChartAlign        align);
/* Width and height of one line of text at size, without drawing. */
void     traction_chart_text_size          (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            const char               *text,
                                            double                    size,
                                            gboolean                  bold,
                                            double                   *width,
                                            double                   *height);

/* ------------------------------------------------------------------ */
/* Funnel                                                              */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_FUNNEL_NO_TARGET,  /* first stage, or no deals before it */
  TRACTION_FUNNEL_BELOW,
  TRACTION_FUNNEL_ON_TARGET,
  TRACTION_FUNNEL_ABOVE,
} TractionFunnelStatus;

typedef struct {
  const char *label;        /* stage name, shown as given */
  int         count;        /* deals that reached the stage */
  double      conversion;   /* 0..1 from the previous step; < 0 none */
  double      target_lo;    /* 0..1; < 0 when the step has no target */
  double      target_hi;
} TractionFunnelStep;

TractionFunnelStatus traction_funnel_status      (const TractionFunnelStep *step);
/* "Below target", "On target", "Above target", "" (translated). */
const char          *traction_funnel_status_label (TractionFunnelStatus status);

/* Per step, one row: the stage name, a centred bar as wide as its share
 * of the largest count with the count on it, then the conversion from the
 * previous step on a 0–100 % track that shows the target range, with the
 * figure, the range and the status as words. */
void     traction_chart_funnel             (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            double                    x,
                                            double                    y,
                                            double                    width,
                                            double                    height,
                                            const TractionFunnelStep *steps,
                                            gsize                     n_steps);

/* ------------------------------------------------------------------ */
/* Horizontal bars                                                     */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *label;
  double      value;        /* >= 0 */
  const char *value_text;   /* shown after the bar; NULL shows nothing */
  int         pattern;      /* see traction_chart_fill_patterned */
} TractionBarItem;

/* One bar per item, label column on the left, bars scaled to max_value
 * (<= 0: the largest value). Rows are at most 2.4 × the font size high,
 * so few items do not make fat bars. */
void     traction_chart_hbars              (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            double                    x,
                                            double                    y,
                                            double                    width,
                                            double                    height,
                                            const TractionBarItem    *items,
                                            gsize                     n_items,
                                            double                    max_value);

/* ------------------------------------------------------------------ */
/* Columns over months                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
  const double       *values;       /* n; NAN: no data (a gap marked "–") */
  const char * const *value_texts;  /* n, written over each column; may be NULL */
  const char * const *labels;       /* n, under each column (month names) */
  gsize               n;
  gsize               first_strong; /* columns before it are context: lighter, hatched */
  const double       *reference;    /* n or NULL: a dashed level per column (the plan) */
  const char         *reference_label; /* its name in the legend, or NULL */
  const char         *strong_label;    /* legend word for the strong columns, or NULL */
  const char         *context_label;   /* legend word for the context ones, or NULL */
} TractionColumns;

/* One column per month from 0 to the largest value (or reference), the
 * value over it and the month under it; a legend line on top when any
 * legend word is given. "No data" when every value is NAN. */
void     traction_chart_columns            (cairo_t                  *cr,
                                            const TractionChartTheme *theme,
                                            double                    x,
                                            double                    y,
                                            double                    width,
                                            double                    height,
                                            const TractionColumns    *columns);

G_END_DECLS
