/* traction-timeline.c: the design-partner milestone timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "traction-timeline.h"

/* The x of a day: windows take equal columns, linear inside each. */
static double
day_to_x (const TractionTimelineMilestone *ms,
          gsize                            n,
          double                           x0,
          double                           column,
          int                              day)
{
  if (n == 0)
    return x0;
  if (day < ms[0].first_day)
    return x0;
  for (gsize i = 0; i < n; i++)
    {
      int span = MAX (ms[i].last_day - ms[i].first_day + 1, 1);

      if (day <= ms[i].last_day)
        return x0 + column * ((double) i + (double) (day - ms[i].first_day) / span);
    }
  return x0 + column * (double) n;
}

static char *
state_text (const TractionTimelineMilestone *m)
{
  if (m->state == TRACTION_MILESTONE_DONE && m->done_day >= 0)
    /* Translators: a milestone done on a day of the partnership: "Done · day 51" */
    return g_strdup_printf (_("Done · day %d"), m->done_day);
  return g_strdup (traction_milestone_state_label (m->state));
}

void
traction_chart_timeline (cairo_t                         *cr,
                         const TractionChartTheme        *theme,
                         double                           x,
                         double                           y,
                         double                           width,
                         double                           height,
                         const TractionTimelineMilestone *milestones,
                         gsize                            n_milestones,
                         int                              today_day)
{
  double fs, label_w, x0, bars_w, column, axis_h, row_h, top;

  g_return_if_fail (cr != NULL && theme != NULL);
  g_return_if_fail (milestones != NULL || n_milestones == 0);

  if (width < 40 || height < 20 || n_milestones == 0)
    return;

  cairo_save (cr);
  fs = theme->font_size;
  label_w = MIN (width * 0.36, fs * 22);
  x0 = x + label_w + fs;
  bars_w = x + width - x0 - fs * 0.5;
  if (bars_w < 20)
    {
      cairo_restore (cr);
      return;
    }
  column = bars_w / (double) n_milestones;
  axis_h = fs * 2.8;
  row_h = MIN ((height - axis_h) / (double) n_milestones, fs * 2.6);
  top = y + axis_h;

  /* Axis: the first day of every window, and the last day. */
  for (gsize i = 0; i <= n_milestones; i++)
    {
      double cx = x0 + column * (double) i;
      g_autofree char *text = NULL;

      if (i < n_milestones)
        text = g_strdup_printf (i == 0 ? _("Day %d") : "%d", milestones[i].first_day);
      else
        text = g_strdup_printf ("%d", milestones[n_milestones - 1].last_day);

      traction_chart_set_source (cr, &theme->grid);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, floor (cx) + 0.5, top - fs * 0.3);
      cairo_line_to (cr, floor (cx) + 0.5, top + row_h * (double) n_milestones);
      cairo_stroke (cr);
      traction_chart_text (cr, theme, &theme->dim, text, cx, y + fs * 1.35, 0, fs * 0.85, FALSE,
                           i == 0 ? TRACTION_CHART_ALIGN_START
                                  : i == n_milestones ? TRACTION_CHART_ALIGN_END
                                                      : TRACTION_CHART_ALIGN_CENTER);
    }

  for (gsize i = 0; i < n_milestones; i++)
    {
      const TractionTimelineMilestone *m = &milestones[i];
      double ry = top + row_h * (double) i;
      double bx = x0 + column * (double) i + 2;
      double bw = column - 4;
      double bh = row_h * 0.64;
      double by = ry + (row_h - bh) / 2;
      g_autofree char *window = g_strdup_printf (_("Day %d–%d"), m->first_day, m->last_day);
      g_autofree char *state = state_text (m);
      const TractionRgba *color;
      TractionRgba fill;
      int pattern;
      double tw, th;

      /* Label column: the window in bold, then the milestone. */
      tw = traction_chart_text (cr, theme, &theme->foreground, window, x, ry + (row_h - fs * 1.3) / 2,
                                label_w, fs, TRUE, TRACTION_CHART_ALIGN_START);
      traction_chart_text (cr, theme, &theme->dim, m->label != NULL ? m->label : "",
                           x + tw + fs * 0.5, ry + (row_h - fs * 1.3) / 2,
                           MAX (label_w - tw - fs * 0.5, 1), fs, FALSE, TRACTION_CHART_ALIGN_START);

      switch (m->state)
        {
        case TRACTION_MILESTONE_DONE:
          color = &theme->good;
          pattern = 0;
          break;
        case TRACTION_MILESTONE_LATE:
          color = &theme->bad;
          pattern = 1;
          break;
        case TRACTION_MILESTONE_DUE:
          color = &theme->warning;
          pattern = 2;
          break;
        case TRACTION_MILESTONE_UPCOMING:
        default:
          color = &theme->grid;
          pattern = 0;
          break;
        }

      traction_chart_text_size (cr, theme, state, fs * 0.9, m->state == TRACTION_MILESTONE_LATE, &tw, &th);
      if (tw > bw - 6)
        {
          /* Too narrow for the day: the state alone. */
          g_free (state);
          state = g_strdup (traction_milestone_state_label (m->state));
          traction_chart_text_size (cr, theme, state, fs * 0.9, m->state == TRACTION_MILESTONE_LATE, &tw, &th);
        }

      fill = *color;
      if (m->state != TRACTION_MILESTONE_UPCOMING)
        fill.alpha = color->alpha * 0.30;
      cairo_rectangle (cr, bx, by, MAX (bw, 1), bh);
      traction_chart_fill_patterned (cr, theme, &fill, 0);
      cairo_new_path (cr);
      if (pattern != 0)
        {
          /* The pattern around the word, never under it. */
          TractionRgba none = fill;
          double cw = MIN (tw + 8, bw);
          double gap = bx + (bw - cw) / 2;

          none.alpha = 0;
          cairo_rectangle (cr, bx, by, gap - bx, bh);
          cairo_rectangle (cr, gap + cw, by, bx + bw - gap - cw, bh);
          traction_chart_fill_patterned (cr, theme, &none, pattern);
          cairo_new_path (cr);
        }

      /* Late and due bars are outlined in their colour; late ones thicker. */
      if (m->state == TRACTION_MILESTONE_LATE || m->state == TRACTION_MILESTONE_DUE)
        {
          cairo_rectangle (cr, bx + 0.75, by + 0.75, MAX (bw - 1.5, 1), bh - 1.5);
          traction_chart_set_source (cr, color);
          cairo_set_line_width (cr, m->state == TRACTION_MILESTONE_LATE ? 1.5 : 1.0);
          cairo_stroke (cr);
        }

      /* The day it was done, as a tick on the bar. */
      if (m->state == TRACTION_MILESTONE_DONE && m->done_day >= 0)
        {
          double dx = day_to_x (milestones, n_milestones, x0, column, m->done_day);

          dx = CLAMP (dx, x0, x0 + bars_w);
          traction_chart_set_source (cr, &theme->good);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, dx, by + bh - 2);
          cairo_line_to (cr, dx, by + bh + 3);
          cairo_stroke (cr);
        }

      traction_chart_text (cr, theme,
                           m->state == TRACTION_MILESTONE_LATE ? &theme->bad : &theme->foreground,
                           state, bx + bw / 2, by + (bh - th) / 2, bw - 4, fs * 0.9,
                           m->state == TRACTION_MILESTONE_LATE, TRACTION_CHART_ALIGN_CENTER);
    }

  /* Today's marker across every row, with its day above. */
  if (today_day != TRACTION_TIMELINE_NO_TODAY)
    {
      double tx = day_to_x (milestones, n_milestones, x0, column, today_day);
      double bottom = top + row_h * (double) n_milestones;
      g_autofree char *text = NULL;
      TractionChartAlign align = TRACTION_CHART_ALIGN_CENTER;

      if (today_day < 0)
        /* Translators: the partnership starts in the future */
        text = g_strdup_printf (ngettext ("Starts in %d day", "Starts in %d days", -today_day), -today_day);
      else
        /* Translators: today's marker on the timeline: "Today · day 82" */
        text = g_strdup_printf (_("Today · day %d"), today_day);

      traction_chart_set_source (cr, &theme->accent);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, (double[]) { 4.0, 3.0 }, 2, 0);
      cairo_move_to (cr, tx, y + fs * 0.05 + fs * 1.25);
      cairo_line_to (cr, tx, bottom + 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      {
        double tw, th;

        traction_chart_text_size (cr, theme, text, fs * 0.85, TRUE, &tw, &th);
        if (tx - tw / 2 < x0)
          align = TRACTION_CHART_ALIGN_START;
        else if (tx + tw / 2 > x + width)
          align = TRACTION_CHART_ALIGN_END;
      }
      traction_chart_text (cr, theme, &theme->accent, text, tx, y, 0, fs * 0.85, TRUE, align);
    }

  cairo_restore (cr);
}
