/* traction-revenue-charts.c: NRR/GRR line, ARR bridge, cohort table and
 * expansion mix (DOMAIN.md §6).
 *
 * Each chart computes its geometry from the font size and the rectangle
 * alone (no text measuring), so the tooltip code finds the same bars and
 * points the drawing code drew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-revenue-charts.h"

/* Helpers */

static TractionRgba
with_alpha (const TractionRgba *color,
            double              alpha)
{
  TractionRgba out = *color;

  out.alpha *= alpha;
  return out;
}

char *
traction_revenue_percent_text (gboolean valid,
                               double   value)
{
  if (!valid)
    return g_strdup (_("no data"));
  /* Translators: a percentage with one decimal, "90.6 %" */
  return g_strdup_printf (_("%.1f %%"), round (value * 10.0) / 10.0);
}

static char *
percent_axis_text (double value)
{
  /* Translators: a whole percentage on an axis, "120 %" */
  return g_strdup_printf (_("%.0f %%"), value);
}

static char *
month_short (const GDate *date)
{
  char buf[64];

  if (g_date_strftime (buf, sizeof buf, "%b", date) == 0)
    g_snprintf (buf, sizeof buf, "%d", g_date_get_month (date));
  return g_strdup (buf);
}

static char *
month_long (const GDate *date)
{
  /* Translators: strftime format of a month, "November 2026" */
  return traction_revenue_format_date (date, _("%B %Y"));
}

/* A "nice" step for an axis spanning range with about n ticks. */
static double
nice_step (double range,
           int    n)
{
  double raw = range / MAX (n, 1);
  double magnitude, fraction;

  if (raw <= 0 || !isfinite (raw))
    return 1.0;
  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1.0)
    return magnitude;
  if (fraction <= 2.0)
    return 2.0 * magnitude;
  if (fraction <= 5.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

typedef struct {
  double x, y, w, h;
} Rect;

static gboolean
usable (double width,
        double height,
        double font_size)
{
  return width >= font_size * 6 && height >= font_size * 5 && isfinite (width) && isfinite (height);
}

static void
draw_no_data (cairo_t                  *cr,
              const TractionChartTheme *theme,
              double x, double y, double width, double height,
              const char               *text)
{
  if (width < 2 || height < theme->font_size)
    return;
  traction_chart_text (cr, theme, &theme->dim, text, x + width / 2,
                       y + height / 2 - theme->font_size / 2, width, 0, FALSE,
                       TRACTION_CHART_ALIGN_CENTER);
}

static void
dash (cairo_t *cr,
      double   on,
      double   off)
{
  double d[2] = { on, off };

  cairo_set_dash (cr, d, 2, 0);
}

/* ------------------------------------------------------------------ */
/* NRR / GRR                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  Rect   plot;
  double lo, hi;         /* percent range of the y axis */
  guint  n;
  gboolean band_labels;
} RetentionLayout;

static void
retention_layout (const TractionRevenue *revenue,
                  double                 fs,
                  double x, double y, double width, double height,
                  RetentionLayout       *out)
{
  double lo = 80, hi = 130;
  double right;

  memset (out, 0, sizeof *out);
  out->n = revenue->series != NULL ? revenue->series->len : 0;

  for (guint i = 0; i < out->n; i++)
    {
      const TractionRetentionPoint *p = &g_array_index (revenue->series, TractionRetentionPoint, i);

      if (!p->retention.valid)
        continue;
      lo = MIN (lo, MIN (p->retention.nrr, p->retention.grr) - 5);
      hi = MAX (hi, p->retention.nrr + 5);
    }
  lo = MIN (lo, revenue->rules.grr_target - 5);
  hi = MAX (hi, revenue->rules.nrr_target + 5);
  out->lo = MAX (0, floor (lo / 10) * 10);
  out->hi = MIN (1000, ceil (hi / 10) * 10);
  if (out->hi <= out->lo)
    out->hi = out->lo + 10;

  out->band_labels = width > fs * 40;
  right = out->band_labels ? fs * 8 : fs;
  out->plot.x = x + fs * 4.2;
  out->plot.y = y + fs * 2.6;
  out->plot.w = width - fs * 4.2 - right;
  out->plot.h = height - fs * 2.6 - fs * 2.2;
}

static double
retention_px (const RetentionLayout *l,
              guint                  i)
{
  return l->plot.x + (i + 0.5) * l->plot.w / MAX (l->n, 1);
}

static double
retention_py (const RetentionLayout *l,
              double                 value)
{
  value = CLAMP (value, l->lo, l->hi);
  return l->plot.y + l->plot.h * (1.0 - (value - l->lo) / (l->hi - l->lo));
}

static void
marker (cairo_t  *cr,
        double    x,
        double    y,
        double    r,
        gboolean  square)
{
  if (square)
    cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

static void
draw_series_line (cairo_t               *cr,
                  const RetentionLayout *l,
                  const TractionRevenue *revenue,
                  gboolean               grr)
{
  gboolean pen_down = FALSE;

  cairo_new_path (cr);
  for (guint i = 0; i < l->n; i++)
    {
      const TractionRetentionPoint *p = &g_array_index (revenue->series, TractionRetentionPoint, i);
      double vx = retention_px (l, i);
      double vy;

      if (!p->retention.valid)
        {
          pen_down = FALSE;   /* a gap where there is no data */
          continue;
        }
      vy = retention_py (l, grr ? p->retention.grr : p->retention.nrr);
      if (pen_down)
        cairo_line_to (cr, vx, vy);
      else
        cairo_move_to (cr, vx, vy);
      pen_down = TRUE;
    }
  cairo_stroke (cr);
}

void
traction_revenue_chart_retention (cairo_t                  *cr,
                                  const TractionChartTheme *theme,
                                  double x, double y, double width, double height,
                                  const TractionRevenue    *revenue)
{
  static const struct { double from, to; int tone; const char *label; } bands[] = {
    { -1, 90, 0, N_("Critical") },
    { 90, 100, 1, N_("Below average") },
    { 100, 110, 2, N_("Good") },
    { 110, 120, 3, N_("Great") },
    { 120, 10000, 4, N_("Excellent") },
  };
  const double fs = theme->font_size;
  RetentionLayout l;
  double step, lx;
  guint label_every;
  gboolean any = FALSE;

  g_return_if_fail (cr != NULL && theme != NULL && revenue != NULL);

  if (!usable (width, height, fs))
    return;
  retention_layout (revenue, fs, x, y, width, height, &l);
  if (l.plot.w < fs * 2 || l.plot.h < fs * 2)
    return;

  cairo_save (cr);

  /* NRR bands, shaded and named (the names carry the meaning in B&W). */
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      double top = retention_py (&l, MIN (bands[b].to, l.hi));
      double bottom = retention_py (&l, MAX (bands[b].from, l.lo));
      TractionRgba tone;

      if (bottom - top < 0.5)
        continue;
      switch (bands[b].tone)
        {
        case 0: tone = with_alpha (&theme->bad, 0.12); break;
        case 1: tone = with_alpha (&theme->warning, 0.12); break;
        case 2: tone = with_alpha (&theme->grid, 0.25); break;
        case 3: tone = with_alpha (&theme->good, 0.08); break;
        default: tone = with_alpha (&theme->good, 0.16); break;
        }
      cairo_rectangle (cr, l.plot.x, top, l.plot.w, bottom - top);
      traction_chart_set_source (cr, &tone);
      cairo_fill (cr);
      if (l.band_labels && bottom - top >= fs * 1.1)
        traction_chart_text (cr, theme, &theme->dim, _(bands[b].label), l.plot.x + l.plot.w + fs * 0.4,
                             (top + bottom) / 2 - fs * 0.55, fs * 7.6, fs * 0.9, FALSE,
                             TRACTION_CHART_ALIGN_START);
    }

  /* Percent axis and grid. */
  step = nice_step (l.hi - l.lo, (int) MAX (2, l.plot.h / (fs * 2.6)));
  cairo_set_line_width (cr, 1.0);
  for (double v = ceil (l.lo / step) * step; v <= l.hi + 1e-9; v += step)
    {
      g_autofree char *text = percent_axis_text (v);
      double vy = retention_py (&l, v);

      traction_chart_set_source (cr, &theme->grid);
      cairo_move_to (cr, l.plot.x, round (vy) + 0.5);
      cairo_line_to (cr, l.plot.x + l.plot.w, round (vy) + 0.5);
      cairo_stroke (cr);
      traction_chart_text (cr, theme, &theme->dim, text, l.plot.x - fs * 0.4, vy - fs * 0.6,
                           fs * 3.8, fs * 0.9, FALSE, TRACTION_CHART_ALIGN_END);
    }

  /* Target lines: NRR dashed, GRR dotted, each named. */
  {
    const struct { double value; gboolean nrr; double on, off; } targets[] = {
      { revenue->rules.nrr_target, TRUE, 6, 3 },
      { revenue->rules.grr_target, FALSE, 1.5, 2.5 },
    };

    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      {
        g_autofree char *text = targets[t].nrr
                                /* Translators: a target line on the NRR chart, "NRR target 120 %" */
                                ? g_strdup_printf (_("NRR target %.0f %%"), targets[t].value)
                                /* Translators: a target line on the NRR chart, "GRR target 92 %" */
                                : g_strdup_printf (_("GRR target %.0f %%"), targets[t].value);
        double ty = retention_py (&l, targets[t].value);

        traction_chart_set_source (cr, &theme->foreground);
        cairo_set_line_width (cr, 1.2);
        dash (cr, targets[t].on, targets[t].off);
        cairo_move_to (cr, l.plot.x, ty);
        cairo_line_to (cr, l.plot.x + l.plot.w, ty);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        traction_chart_text (cr, theme, &theme->foreground, text, l.plot.x + fs * 0.3,
                             ty - fs * 1.25, l.plot.w / 2, fs * 0.85, FALSE, TRACTION_CHART_ALIGN_START);
      }
  }

  /* Month labels, thinned to fit. */
  label_every = (guint) MAX (1, ceil (fs * 3.2 / MAX (l.plot.w / MAX (l.n, 1), 1)));
  for (guint i = 0; i < l.n; i++)
    {
      const TractionRetentionPoint *p = &g_array_index (revenue->series, TractionRetentionPoint, i);
      g_autofree char *text = NULL;

      any = any || p->retention.valid;
      if ((l.n - 1 - i) % label_every != 0)
        continue;
      text = month_short (&p->month);
      traction_chart_text (cr, theme, &theme->dim, text, retention_px (&l, i), l.plot.y + l.plot.h + fs * 0.4,
                           fs * 3.2 * label_every, fs * 0.9, FALSE, TRACTION_CHART_ALIGN_CENTER);
    }

  if (!any)
    draw_no_data (cr, theme, l.plot.x, l.plot.y, l.plot.w, l.plot.h,
                  _("No data: no client had ARR twelve months before these months"));

  /* GRR: dashed foreground with squares; NRR: solid accent with circles. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  traction_chart_set_source (cr, &theme->foreground);
  cairo_set_line_width (cr, MAX (1.0, fs * 0.14));
  dash (cr, fs * 0.5, fs * 0.3);
  draw_series_line (cr, &l, revenue, TRUE);
  cairo_set_dash (cr, NULL, 0, 0);
  traction_chart_set_source (cr, &theme->accent);
  cairo_set_line_width (cr, MAX (1.5, fs * 0.22));
  draw_series_line (cr, &l, revenue, FALSE);

  for (guint i = 0; i < l.n; i++)
    {
      const TractionRetentionPoint *p = &g_array_index (revenue->series, TractionRetentionPoint, i);

      if (!p->retention.valid)
        continue;
      marker (cr, retention_px (&l, i), retention_py (&l, p->retention.grr), fs * 0.28, TRUE);
      traction_chart_set_source (cr, &theme->foreground);
      cairo_fill (cr);
      marker (cr, retention_px (&l, i), retention_py (&l, p->retention.nrr), fs * 0.34, FALSE);
      traction_chart_set_source (cr, &theme->accent);
      cairo_fill (cr);
    }

  /* Legend, and the latest NRR as a figure. */
  lx = l.plot.x;
  marker (cr, lx + fs * 0.4, y + fs * 0.8, fs * 0.34, FALSE);
  traction_chart_set_source (cr, &theme->accent);
  cairo_fill (cr);
  cairo_set_line_width (cr, MAX (1.5, fs * 0.22));
  cairo_move_to (cr, lx, y + fs * 0.8);
  cairo_line_to (cr, lx + fs * 0.8, y + fs * 0.8);
  cairo_stroke (cr);
  lx += fs * 1.2;
  lx += traction_chart_text (cr, theme, &theme->foreground, _("NRR (trailing 12 months)"), lx, y + fs * 0.15,
                             MAX (0, l.plot.w / 2 - fs * 2), 0, FALSE, TRACTION_CHART_ALIGN_START) + fs;
  if (lx + fs * 6 < x + width)
    {
      marker (cr, lx + fs * 0.4, y + fs * 0.8, fs * 0.28, TRUE);
      traction_chart_set_source (cr, &theme->foreground);
      cairo_fill (cr);
      cairo_set_line_width (cr, MAX (1.0, fs * 0.14));
      dash (cr, fs * 0.3, fs * 0.2);
      cairo_move_to (cr, lx - fs * 0.2, y + fs * 0.8);
      cairo_line_to (cr, lx + fs, y + fs * 0.8);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      traction_chart_text (cr, theme, &theme->foreground, _("GRR"), lx + fs * 1.3, y + fs * 0.15,
                           x + width - lx - fs * 1.3, 0, FALSE, TRACTION_CHART_ALIGN_START);
    }

  cairo_restore (cr);
}

static char *
retention_tooltip (const TractionRevenue *revenue,
                   double fs, double width, double height, double px, double py)
{
  RetentionLayout l;
  const TractionRetentionPoint *p;
  g_autofree char *month = NULL;
  g_autofree char *nrr = NULL;
  g_autofree char *grr = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate last;
  int i;

  retention_layout (revenue, fs, 0, 0, width, height, &l);
  if (l.n == 0 || l.plot.w <= 0 || l.plot.h <= 0 ||
      px < l.plot.x || px >= l.plot.x + l.plot.w || py < l.plot.y || py > l.plot.y + l.plot.h)
    return NULL;

  i = (int) floor ((px - l.plot.x) / (l.plot.w / l.n));
  i = CLAMP (i, 0, (int) l.n - 1);
  p = &g_array_index (revenue->series, TractionRetentionPoint, i);
  month = month_long (&p->month);
  last = p->window_end;
  g_date_subtract_days (&last, 1);
  from = traction_revenue_format_date (&p->window_start, "%x");
  to = traction_revenue_format_date (&last, "%x");

  if (!p->retention.valid)
    /* Translators: tooltip of a month without NRR: month, first and last day of the window */
    return g_strdup_printf (_("%s\nNo data: no client had ARR on %s (window %s – %s)"),
                            month, from, from, to);

  nrr = traction_revenue_percent_text (TRUE, p->retention.nrr);
  grr = traction_revenue_percent_text (TRUE, p->retention.grr);
  {
    g_autofree char *start = traction_money_format (p->retention.start_cents, revenue->currency, FALSE);
    g_autofree char *end = traction_money_format (p->retention.end_cents, revenue->currency, FALSE);

    /* Translators: tooltip of a month on the NRR chart */
    return g_strdup_printf (_("%s\nNRR %s · GRR %s\n%u clients at start: %s → %s\nWindow %s – %s"),
                            month, nrr, grr, p->retention.cohort_size, start, end, from, to);
  }
}

/* ------------------------------------------------------------------ */
/* ARR bridge                                                          */
/* ------------------------------------------------------------------ */

typedef enum {
  STEP_START, STEP_NEW, STEP_REACTIVATION, STEP_EXPANSION, STEP_CONTRACTION, STEP_CHURN, STEP_END,
  N_STEPS
} BridgeStep;

typedef struct {
  Rect       plot;
  double     lo, hi;            /* money range (cents) */
  guint      n;
  BridgeStep steps[N_STEPS];
  double     from[N_STEPS], to[N_STEPS]; /* each bar's bottom and top value */
} BridgeLayout;

static const char *
bridge_step_label (BridgeStep step)
{
  switch (step)
    {
    case STEP_START:        return _("Start");
    case STEP_NEW:          return _("New");
    case STEP_REACTIVATION: return _("Reactivation");
    case STEP_EXPANSION:    return _("Expansion");
    case STEP_CONTRACTION:  return _("Contraction");
    case STEP_CHURN:        return _("Churn");
    case STEP_END:
    case N_STEPS:
    default:                return _("End");
    }
}

static gint64
bridge_step_amount (const TractionBridge *b,
                    BridgeStep            step)
{
  switch (step)
    {
    case STEP_START:        return b->start_cents;
    case STEP_NEW:          return b->new_cents;
    case STEP_REACTIVATION: return b->reactivation_cents;
    case STEP_EXPANSION:    return b->expansion_cents;
    case STEP_CONTRACTION:  return -b->contraction_cents;
    case STEP_CHURN:        return -b->churn_cents;
    case STEP_END:
    case N_STEPS:
    default:                return b->end_cents;
    }
}

static void
bridge_layout (const TractionRevenue *revenue,
               double                 fs,
               double x, double y, double width, double height,
               BridgeLayout          *out)
{
  const TractionBridge *b = &revenue->metrics.bridge;
  double running = 0, lo = 0, hi = 0, step;

  memset (out, 0, sizeof *out);
  for (int s = 0; s < N_STEPS; s++)
    {
      gint64 amount = bridge_step_amount (b, (BridgeStep) s);

      if (s == STEP_REACTIVATION && amount == 0)
        continue;
      out->steps[out->n] = (BridgeStep) s;
      if (s == STEP_START || s == STEP_END)
        {
          out->from[out->n] = 0;
          out->to[out->n] = (double) amount;
          running = (double) amount;
        }
      else
        {
          out->from[out->n] = running;
          running += (double) amount;
          out->to[out->n] = running;
        }
      lo = MIN (lo, MIN (out->from[out->n], out->to[out->n]));
      hi = MAX (hi, MAX (out->from[out->n], out->to[out->n]));
      out->n++;
    }

  if (hi <= lo)
    hi = lo + 100000;   /* $1,000: an empty bridge still has an axis */
  /* Room above the tallest bar for its figure. */
  step = nice_step (hi - lo, 8);
  out->lo = floor (lo / step) * step;
  out->hi = ceil ((hi + (hi - lo) * 0.1) / step) * step;

  out->plot.x = x + fs * 5.5;
  out->plot.y = y + fs * 1.8;
  out->plot.w = width - fs * 5.5 - fs * 0.5;
  out->plot.h = height - fs * 1.8 - fs * 2.4;
}

static double
bridge_py (const BridgeLayout *l,
           double              value)
{
  return l->plot.y + l->plot.h * (1.0 - (value - l->lo) / (l->hi - l->lo));
}

static void
bridge_bar_x (const BridgeLayout *l,
              guint               i,
              double             *bx,
              double             *bw)
{
  double slot = l->plot.w / MAX (l->n, 1);

  *bw = slot * 0.62;
  *bx = l->plot.x + slot * i + (slot - *bw) / 2;
}

void
traction_revenue_chart_bridge (cairo_t                  *cr,
                               const TractionChartTheme *theme,
                               double x, double y, double width, double height,
                               const TractionRevenue    *revenue)
{
  const double fs = theme->font_size;
  BridgeLayout l;
  double step;

  g_return_if_fail (cr != NULL && theme != NULL && revenue != NULL);

  if (!usable (width, height, fs))
    return;
  bridge_layout (revenue, fs, x, y, width, height, &l);
  if (l.plot.w < fs * 2 || l.plot.h < fs * 2)
    return;

  cairo_save (cr);

  /* Money axis. */
  step = nice_step (l.hi - l.lo, (int) MAX (2, l.plot.h / (fs * 2.6)));
  cairo_set_line_width (cr, 1.0);
  for (double v = ceil (l.lo / step) * step; v <= l.hi + 1; v += step)
    {
      g_autofree char *text = traction_money_format ((gint64) llround (v), revenue->currency, TRUE);
      double vy = bridge_py (&l, v);

      traction_chart_set_source (cr, fabs (v) < 0.5 ? &theme->dim : &theme->grid);
      cairo_move_to (cr, l.plot.x, round (vy) + 0.5);
      cairo_line_to (cr, l.plot.x + l.plot.w, round (vy) + 0.5);
      cairo_stroke (cr);
      traction_chart_text (cr, theme, &theme->dim, text, l.plot.x - fs * 0.4, vy - fs * 0.6,
                           fs * 5, fs * 0.9, FALSE, TRACTION_CHART_ALIGN_END);
    }

  for (guint i = 0; i < l.n; i++)
    {
      BridgeStep s = l.steps[i];
      gint64 amount = bridge_step_amount (&revenue->metrics.bridge, s);
      double bx, bw, top, bottom;
      const TractionRgba *color;
      int pattern;
      g_autofree char *value = NULL;
      g_autofree char *money = traction_money_format (ABS (amount), revenue->currency, TRUE);

      bridge_bar_x (&l, i, &bx, &bw);
      top = bridge_py (&l, MAX (l.from[i], l.to[i]));
      bottom = bridge_py (&l, MIN (l.from[i], l.to[i]));

      if (s == STEP_START || s == STEP_END)
        {
          color = &theme->accent;
          pattern = 0;
          value = g_strdup (money);
        }
      else if (s == STEP_NEW || s == STEP_REACTIVATION || s == STEP_EXPANSION)
        {
          color = &theme->good;
          pattern = 2;
          value = g_strdup_printf ("+%s", money);
        }
      else
        {
          color = &theme->bad;
          pattern = 1;
          value = g_strdup_printf ("−%s", money);
        }

      cairo_rectangle (cr, bx, top, bw, MAX (bottom - top, 1.0));
      traction_chart_fill_patterned (cr, theme, color, pattern);
      traction_chart_set_source (cr, &theme->foreground);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);

      /* The connector to the next bar. */
      if (i + 1 < l.n)
        {
          double next_x, next_w, level = bridge_py (&l, l.to[i]);

          bridge_bar_x (&l, i + 1, &next_x, &next_w);
          traction_chart_set_source (cr, &theme->dim);
          dash (cr, 2, 2);
          cairo_move_to (cr, bx + bw, level);
          cairo_line_to (cr, next_x, level);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      traction_chart_text (cr, theme, &theme->foreground, value, bx + bw / 2, top - fs * 1.3,
                           l.plot.w / l.n, fs * 0.85, s == STEP_START || s == STEP_END,
                           TRACTION_CHART_ALIGN_CENTER);
      traction_chart_text (cr, theme, &theme->foreground, bridge_step_label (s), bx + bw / 2,
                           l.plot.y + l.plot.h + fs * 0.5, l.plot.w / l.n, fs * 0.9, FALSE,
                           TRACTION_CHART_ALIGN_CENTER);
    }

  cairo_restore (cr);
}

static char *
bridge_tooltip (const TractionRevenue *revenue,
                double fs, double width, double height, double px, double py)
{
  const TractionBridge *b = &revenue->metrics.bridge;
  BridgeLayout l;
  BridgeStep s;
  g_autofree char *money = NULL;
  double slot;
  int i;

  bridge_layout (revenue, fs, 0, 0, width, height, &l);
  if (l.n == 0 || l.plot.w <= 0 || l.plot.h <= 0 ||
      px < l.plot.x || px >= l.plot.x + l.plot.w || py < 0 || py > height)
    return NULL;

  slot = l.plot.w / l.n;
  i = CLAMP ((int) floor ((px - l.plot.x) / slot), 0, (int) l.n - 1);
  s = l.steps[i];
  money = traction_money_format (ABS (bridge_step_amount (b, s)), revenue->currency, FALSE);

  switch (s)
    {
    case STEP_START:
      /* Translators: tooltip of the first bar of the ARR bridge */
      return g_strdup_printf (_("Start: %s\nARR of every client on the first day"), money);
    case STEP_END:
      return g_strdup_printf (_("End: %s\nARR of every client on the last day"), money);
    case STEP_EXPANSION:
      {
        g_autofree char *cross = traction_money_format (b->cross_sell_cents, revenue->currency, FALSE);
        g_autofree char *up = traction_money_format (b->upsell_cents, revenue->currency, FALSE);
        g_autofree char *usage = traction_money_format (b->usage_cents, revenue->currency, FALSE);

        return g_strdup_printf (_("Expansion: +%s\nCross-sell %s · Upsell %s · Usage growth %s"),
                                money, cross, up, usage);
      }
    case STEP_NEW:
      return g_strdup_printf (_("New: +%s\nClients whose first contract started in the period"), money);
    case STEP_REACTIVATION:
      return g_strdup_printf (_("Reactivation: +%s\nClients who came back after a churn"), money);
    case STEP_CONTRACTION:
      return g_strdup_printf (_("Contraction: −%s"), money);
    case STEP_CHURN:
    case N_STEPS:
    default:
      return g_strdup_printf (_("Churn: −%s"), money);
    }
}

/* ------------------------------------------------------------------ */
/* Cohorts                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  double x, y, w;
  double row_h;
  double label_w, clients_w, base_w, cell_w;
  guint  first_row;      /* oldest cohort shown */
  guint  n_rows;
  guint  n_months;       /* month columns */
} CohortLayout;

static void
cohort_layout (const TractionRevenue *revenue,
               double                 fs,
               double x, double y, double width, double height,
               CohortLayout          *out)
{
  guint total = revenue->cohorts != NULL ? revenue->cohorts->len : 0;
  guint max_months = 0, fit_rows, fit_months;
  double rest;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < total; i++)
    max_months = MAX (max_months, g_array_index (revenue->cohorts, TractionCohort, i).n_months);

  out->x = x;
  out->y = y;
  out->w = width;
  out->row_h = fs * 1.8;
  out->label_w = fs * 6.5;
  out->clients_w = fs * 4;
  out->base_w = fs * 6;
  rest = width - out->label_w - out->clients_w - out->base_w;
  fit_months = rest > 0 ? (guint) (rest / (fs * 3.2)) : 0;
  out->n_months = MIN (max_months, MIN (fit_months, 24));
  out->cell_w = out->n_months > 0 ? rest / out->n_months : 0;
  fit_rows = height > out->row_h ? (guint) ((height - out->row_h) / out->row_h) : 0;
  out->n_rows = MIN (total, fit_rows);
  /* The most recent cohorts when not all fit. */
  out->first_row = total - out->n_rows;
}

static char *
cohort_label (const TractionRevenue *revenue,
              const TractionCohort  *cohort)
{
  GDate end = cohort->quarter_start;

  g_date_add_months (&end, 3);
  return traction_period_label (TRACTION_PERIOD_QUARTER, &cohort->quarter_start, &end,
                                revenue->rules.fiscal_year_start_month);
}

void
traction_revenue_chart_cohorts (cairo_t                  *cr,
                                const TractionChartTheme *theme,
                                double x, double y, double width, double height,
                                const TractionRevenue    *revenue)
{
  const double fs = theme->font_size;
  CohortLayout l;
  double cx;

  g_return_if_fail (cr != NULL && theme != NULL && revenue != NULL);

  if (!usable (width, height, fs))
    return;
  cohort_layout (revenue, fs, x, y, width, height, &l);
  if (revenue->cohorts == NULL || revenue->cohorts->len == 0)
    {
      draw_no_data (cr, theme, x, y, width, height, _("No data: no ARR movements yet"));
      return;
    }
  if (l.n_rows == 0)
    return;

  cairo_save (cr);

  /* Header. */
  traction_chart_text (cr, theme, &theme->dim, _("Start quarter"), x, y + fs * 0.35, l.label_w - fs * 0.3,
                       fs * 0.85, TRUE, TRACTION_CHART_ALIGN_START);
  traction_chart_text (cr, theme, &theme->dim, _("Clients"), x + l.label_w + l.clients_w - fs * 0.4,
                       y + fs * 0.35, l.clients_w, fs * 0.85, TRUE, TRACTION_CHART_ALIGN_END);
  traction_chart_text (cr, theme, &theme->dim, _("Base ARR"), x + l.label_w + l.clients_w + l.base_w - fs * 0.4,
                       y + fs * 0.35, l.base_w, fs * 0.85, TRUE, TRACTION_CHART_ALIGN_END);
  cx = x + l.label_w + l.clients_w + l.base_w;
  for (guint m = 0; m < l.n_months; m++)
    {
      /* Translators: cohort table column, month N since the quarter began */
      g_autofree char *text = g_strdup_printf (_("M%u"), m + 1);

      traction_chart_text (cr, theme, &theme->dim, text, cx + l.cell_w * (m + 0.5), y + fs * 0.35,
                           l.cell_w, fs * 0.85, TRUE, TRACTION_CHART_ALIGN_CENTER);
    }

  for (guint r = 0; r < l.n_rows; r++)
    {
      const TractionCohort *cohort = &g_array_index (revenue->cohorts, TractionCohort, l.first_row + r);
      double ry = y + l.row_h * (r + 1);
      g_autofree char *label = cohort_label (revenue, cohort);
      g_autofree char *clients = g_strdup_printf ("%u", cohort->clients);
      g_autofree char *base = traction_money_format (cohort->base_cents, revenue->currency, TRUE);

      traction_chart_set_source (cr, &theme->grid);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, round (ry) + 0.5);
      cairo_line_to (cr, x + width, round (ry) + 0.5);
      cairo_stroke (cr);

      traction_chart_text (cr, theme, &theme->foreground, label, x, ry + fs * 0.4, l.label_w - fs * 0.3,
                           fs * 0.9, FALSE, TRACTION_CHART_ALIGN_START);
      traction_chart_text (cr, theme, &theme->foreground, clients, x + l.label_w + l.clients_w - fs * 0.4,
                           ry + fs * 0.4, l.clients_w, fs * 0.9, FALSE, TRACTION_CHART_ALIGN_END);

      if (!cohort->valid)
        {
          traction_chart_text (cr, theme, &theme->dim, _("no data"), cx + fs * 0.4, ry + fs * 0.4,
                               MAX (0, width - (cx - x) - fs * 0.4), fs * 0.9, FALSE, TRACTION_CHART_ALIGN_START);
          continue;
        }

      traction_chart_text (cr, theme, &theme->foreground, base, x + l.label_w + l.clients_w + l.base_w - fs * 0.4,
                           ry + fs * 0.4, l.base_w, fs * 0.9, FALSE, TRACTION_CHART_ALIGN_END);

      for (guint m = 0; m < l.n_months && m < cohort->n_months; m++)
        {
          double value = cohort->retained[m];
          g_autofree char *text = g_strdup_printf ("%.0f", value);
          /* Darker for more retained; the number is always written. */
          double shade = CLAMP (value / 150.0, 0.0, 1.0);
          TractionRgba fill = with_alpha (&theme->accent, 0.08 + 0.45 * shade);

          cairo_rectangle (cr, cx + l.cell_w * m + 1, ry + 1, l.cell_w - 2, l.row_h - 2);
          traction_chart_set_source (cr, &fill);
          cairo_fill (cr);
          traction_chart_text (cr, theme, &theme->foreground, text, cx + l.cell_w * (m + 0.5), ry + fs * 0.4,
                               l.cell_w, fs * 0.85, value < 100.0 - 1e-9, TRACTION_CHART_ALIGN_CENTER);
        }
    }

  cairo_restore (cr);
}

static char *
cohort_tooltip (const TractionRevenue *revenue,
                double fs, double width, double height, double px, double py)
{
  CohortLayout l;
  const TractionCohort *cohort;
  g_autofree char *label = NULL;
  g_autofree char *base = NULL;
  double cx;
  int r;

  if (revenue->cohorts == NULL || revenue->cohorts->len == 0)
    return NULL;
  cohort_layout (revenue, fs, 0, 0, width, height, &l);
  if (l.n_rows == 0 || px < 0 || px >= width || py < l.row_h)
    return NULL;
  r = (int) floor ((py - l.row_h) / l.row_h);
  if (r < 0 || (guint) r >= l.n_rows)
    return NULL;

  cohort = &g_array_index (revenue->cohorts, TractionCohort, l.first_row + (guint) r);
  label = cohort_label (revenue, cohort);
  if (!cohort->valid)
    return g_strdup_printf (_("%s: no data (no client started in this quarter)"), label);

  base = traction_money_format (cohort->base_cents, revenue->currency, FALSE);
  cx = l.label_w + l.clients_w + l.base_w;
  if (l.cell_w > 0 && px >= cx)
    {
      guint m = (guint) floor ((px - cx) / l.cell_w);

      if (m < l.n_months && m < cohort->n_months)
        {
          g_autofree char *pct = traction_revenue_percent_text (TRUE, cohort->retained[m]);

          /* Translators: cohort tooltip: quarter, month number, percent, base ARR, clients */
          return g_strdup_printf (ngettext ("%s cohort, month %u: %s of %s (%u client)",
                                            "%s cohort, month %u: %s of %s (%u clients)", cohort->clients),
                                  label, m + 1, pct, base, cohort->clients);
        }
    }
  return g_strdup_printf (ngettext ("%s cohort: %u client, %s ARR at the end of its first quarter",
                                    "%s cohort: %u clients, %s ARR at the end of its first quarter",
                                    cohort->clients),
                          label, cohort->clients, base);
}

/* ------------------------------------------------------------------ */
/* Expansion mix                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  Rect   track;       /* the 0–100 % bar area of all rows */
  double label_w;
  double row_h;
} MixLayout;

static const TractionMoveKind mix_kinds[3] = {
  TRACTION_MOVE_EXPANSION_CROSS_SELL, TRACTION_MOVE_EXPANSION_UPSELL, TRACTION_MOVE_EXPANSION_USAGE,
};

static void
mix_layout (double fs,
            double x, double y, double width, double height,
            MixLayout *out)
{
  memset (out, 0, sizeof *out);
  out->label_w = MIN (fs * 9, width * 0.3);
  out->row_h = MIN ((height - fs * 1.8) / 3, fs * 3.2);
  out->track.x = x + out->label_w;
  out->track.y = y + fs * 1.8;
  out->track.w = MAX (0, width - out->label_w - MIN (fs * 16, width * 0.4));
  out->track.h = out->row_h * 3;
}

static gint64
mix_amount (const TractionBridge *b,
            guint                 i)
{
  return i == 0 ? b->cross_sell_cents : i == 1 ? b->upsell_cents : b->usage_cents;
}

void
traction_revenue_chart_mix (cairo_t                  *cr,
                            const TractionChartTheme *theme,
                            double x, double y, double width, double height,
                            const TractionRevenue    *revenue)
{
  const double fs = theme->font_size;
  const TractionBridge *b = &revenue->metrics.bridge;
  MixLayout l;

  g_return_if_fail (cr != NULL && theme != NULL && revenue != NULL);

  if (!usable (width, height, fs))
    return;
  mix_layout (fs, x, y, width, height, &l);
  if (l.track.w < fs * 2 || l.row_h < fs)
    return;

  cairo_save (cr);

  traction_chart_text (cr, theme, &theme->dim,
                       _("Share of expansion revenue; the line marks the target"),
                       x, y, width, fs * 0.85, FALSE, TRACTION_CHART_ALIGN_START);

  for (guint i = 0; i < 3; i++)
    {
      double ry = l.track.y + l.row_h * i;
      double bar_h = MIN (l.row_h * 0.55, fs * 1.4);
      double by = ry + (l.row_h - bar_h) / 2;
      double share = b->expansion_cents > 0 ? (double) mix_amount (b, i) * 100.0 / (double) b->expansion_cents : 0;
      int target = revenue->rules.expansion_mix_target[i];
      double tx = l.track.x + l.track.w * CLAMP (target, 0, 100) / 100.0;
      g_autofree char *money = traction_money_format (mix_amount (b, i), revenue->currency, TRUE);
      g_autofree char *text = NULL;

      traction_chart_text (cr, theme, &theme->foreground, traction_move_kind_label (mix_kinds[i]),
                           x, by + bar_h / 2 - fs * 0.6, l.label_w - fs * 0.4, 0, FALSE,
                           TRACTION_CHART_ALIGN_START);

      /* Track, bar, target line. */
      cairo_rectangle (cr, l.track.x, by, l.track.w, bar_h);
      traction_chart_set_source (cr, &theme->grid);
      cairo_fill (cr);
      if (share > 0)
        {
          cairo_rectangle (cr, l.track.x, by, l.track.w * CLAMP (share, 0, 100) / 100.0, bar_h);
          traction_chart_fill_patterned (cr, theme, &theme->accent, (int) i + 1);
          cairo_new_path (cr);
        }
      traction_chart_set_source (cr, &theme->foreground);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, tx, by - fs * 0.3);
      cairo_line_to (cr, tx, by + bar_h + fs * 0.3);
      cairo_stroke (cr);

      if (b->expansion_cents > 0)
        /* Translators: expansion mix row: share, target share, amount, "38 % (target 40 %) · $12K" */
        text = g_strdup_printf (_("%.0f %% (target %d %%) · %s"), share, target, money);
      else
        text = g_strdup_printf (_("target %d %%"), target);
      traction_chart_text (cr, theme, &theme->foreground, text, l.track.x + l.track.w + fs * 0.6,
                           by + bar_h / 2 - fs * 0.6, MAX (0, x + width - l.track.x - l.track.w - fs * 0.6),
                           0, FALSE, TRACTION_CHART_ALIGN_START);
    }

  if (b->expansion_cents <= 0)
    traction_chart_text (cr, theme, &theme->dim, _("No expansion in this period"),
                         l.track.x + l.track.w / 2, l.track.y + l.track.h + fs * 0.2, l.track.w, fs * 0.9,
                         FALSE, TRACTION_CHART_ALIGN_CENTER);

  cairo_restore (cr);
}

static char *
mix_tooltip (const TractionRevenue *revenue,
             double fs, double width, double height, double px, double py)
{
  const TractionBridge *b = &revenue->metrics.bridge;
  MixLayout l;
  g_autofree char *money = NULL;
  g_autofree char *total = NULL;
  double share;
  int i;

  mix_layout (fs, 0, 0, width, height, &l);
  if (l.row_h <= 0 || px < 0 || px >= width || py < l.track.y || py >= l.track.y + l.track.h)
    return NULL;
  i = CLAMP ((int) floor ((py - l.track.y) / l.row_h), 0, 2);
  money = traction_money_format (mix_amount (b, (guint) i), revenue->currency, FALSE);
  total = traction_money_format (b->expansion_cents, revenue->currency, FALSE);
  share = b->expansion_cents > 0 ? (double) mix_amount (b, (guint) i) * 100.0 / (double) b->expansion_cents : 0;
  /* Translators: tooltip of a row of the expansion mix */
  return g_strdup_printf (_("%s: %s of %s expansion (%.1f %%; target %d %%)"),
                          traction_move_kind_label (mix_kinds[i]), money, total, share,
                          revenue->rules.expansion_mix_target[i]);
}

/* Dispatch */

void
traction_revenue_chart_draw (TractionRevenueChart      chart,
                             cairo_t                  *cr,
                             const TractionChartTheme *theme,
                             double                    width,
                             double                    height,
                             const TractionRevenue    *revenue)
{
  switch (chart)
    {
    case TRACTION_REVENUE_CHART_RETENTION:
      traction_revenue_chart_retention (cr, theme, 0, 0, width, height, revenue);
      break;
    case TRACTION_REVENUE_CHART_BRIDGE:
      traction_revenue_chart_bridge (cr, theme, 0, 0, width, height, revenue);
      break;
    case TRACTION_REVENUE_CHART_COHORTS:
      traction_revenue_chart_cohorts (cr, theme, 0, 0, width, height, revenue);
      break;
    case TRACTION_REVENUE_CHART_MIX:
      traction_revenue_chart_mix (cr, theme, 0, 0, width, height, revenue);
      break;
    case TRACTION_REVENUE_N_CHARTS:
    default:
      g_return_if_reached ();
    }
}

char *
traction_revenue_chart_tooltip (TractionRevenueChart   chart,
                                const TractionRevenue *revenue,
                                double                 font_size,
                                double                 width,
                                double                 height,
                                double                 px,
                                double                 py)
{
  g_return_val_if_fail (revenue != NULL, NULL);

  if (!usable (width, height, font_size) || !isfinite (px) || !isfinite (py))
    return NULL;

  switch (chart)
    {
    case TRACTION_REVENUE_CHART_RETENTION:
      return retention_tooltip (revenue, font_size, width, height, px, py);
    case TRACTION_REVENUE_CHART_BRIDGE:
      return bridge_tooltip (revenue, font_size, width, height, px, py);
    case TRACTION_REVENUE_CHART_COHORTS:
      return cohort_tooltip (revenue, font_size, width, height, px, py);
    case TRACTION_REVENUE_CHART_MIX:
      return mix_tooltip (revenue, font_size, width, height, px, py);
    case TRACTION_REVENUE_N_CHARTS:
    default:
      return NULL;
    }
}
