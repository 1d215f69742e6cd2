/* traction-pipeline-review.c: the monthly pipeline review as printed pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-pipeline-review.h"

/* Room taken on an open-deals page by the running header, the heading,
 * the note and the table header (points). */
#define DEALS_PAGE_OVERHEAD 130.0
#define SUMMARY_PAGES 2

/* Helpers */

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0.0);
}

static char *
format_date_long (const GDate *date)
{
  g_autoptr(GDateTime) dt = date_time_from_date (date);

  /* Translators: a long date, see g_date_time_format(); e.g. "November 22, 2026". */
  return g_date_time_format (dt, _("%B %-d, %Y"));
}

static char *
format_date_short (const GDate *date)
{
  g_autoptr(GDateTime) dt = date_time_from_date (date);

  return g_date_time_format (dt, "%x");
}

static char *
money (const TractionPipelineReview *review,
       gint64                        cents,
       gboolean                      compact)
{
  return traction_money_format (cents, review->currency, compact);
}

static void
add_figure (GPtrArray  *figures,
            const char *label,
            char       *value,
            char       *detail)
{
  TractionReviewFigure *figure = g_new0 (TractionReviewFigure, 1);

  figure->label = g_strdup (label);
  figure->value = value;
  figure->detail = detail != NULL ? detail : g_strdup ("");
  g_ptr_array_add (figures, figure);
}

static char *
deals_text (int count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal", "%d deals", count), count);
}

/* Deal names often repeat the company ("Finch Money — Card issuing"); the
 * table has a company column, so the deal column shows the rest. */
static const char *
deal_without_account (const TractionReviewDeal *deal)
{
  static const char * const separators[] = { " — ", " – ", " - ", ": " };
  gsize length = strlen (deal->account);

  if (length == 0 || strncmp (deal->deal, deal->account, length) != 0)
    return deal->deal;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *rest = deal->deal + length;

      if (g_str_has_prefix (rest, separators[i]) && rest[strlen (separators[i])] != '\0')
        return rest + strlen (separators[i]);
    }
  return deal->deal;
}

/* Rows of open deals that fit on one page of a sheet this high. */
static guint
deals_per_page (double height)
{
  double room = traction_page_content_height (height) - DEALS_PAGE_OVERHEAD;
  double rows = floor (room / traction_page_table_row_height ());

  return (guint)MAX (rows, 1.0);
}

static void
draw_figures (TractionPage *page,
              GPtrArray    *figures,
              guint         per_row)
{
  g_autofree TractionKeyFigure *plain = g_new0 (TractionKeyFigure, MAX (figures->len, 1));

  for (guint i = 0; i < figures->len; i++)
    {
      const TractionReviewFigure *figure = g_ptr_array_index (figures, i);

      plain[i].label = figure->label;
      plain[i].value = figure->value;
      plain[i].detail = figure->detail;
    }
  traction_page_key_figures (page, plain, figures->len, per_row);
}

static void
draw_reasons (TractionPage *page,
              const char   *title,
              GPtrArray    *reasons)
{
  const TractionTableColumn columns[] = {
    { title, 5.0, FALSE },
    { _("Deals"), 1.0, TRUE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  if (reasons->len == 0)
    {
      traction_page_paragraph (page, title, FALSE);
      traction_page_paragraph (page, _("None recorded this month."), TRUE);
      return;
    }

  for (guint i = 0; i < reasons->len; i++)
    {
      const TractionReasonCount *reason = g_ptr_array_index (reasons, i);

      g_ptr_array_add (cells, g_strdup_printf ("%u. %s", i + 1, reason->name));
      g_ptr_array_add (cells, g_strdup_printf ("%d", reason->count));
    }
  traction_page_table (page, columns, G_N_ELEMENTS (columns),
                       (const char * const *)cells->pdata, reasons->len);
}

/* Pages */

static void
draw_summary (TractionPipelineReview *review,
              TractionPage           *page)
{
  g_autofree char *month = traction_pipeline_review_month_label (review->year, review->month);
  g_autofree char *subtitle = NULL;
  g_autofree char *scope = traction_pipeline_review_scope_text (review);
  g_autoptr(GPtrArray) stages = traction_pipeline_review_stage_figures (review);
  g_autoptr(GPtrArray) pipeline = traction_pipeline_review_pipeline_figures (review);
  g_autoptr(GPtrArray) activity = traction_pipeline_review_month_figures (review);

  traction_page_heading (page, _("Monthly Pipeline Review"), TRACTION_HEADING_TITLE);
  subtitle = review->company[0] != '\0'
             /* Translators: "October 2026 · Northwind Rails" */
             ? g_strdup_printf (_("%s · %s"), month, review->company)
             : g_strdup (month);
  traction_page_paragraph (page, subtitle, FALSE);
  traction_page_paragraph (page, scope, TRUE);

  traction_page_heading (page, _("Stage Summary"), TRACTION_HEADING_SECTION);
  draw_figures (page, stages, 5);
  traction_page_heading (page, _("Pipeline and Coverage"), TRACTION_HEADING_SECTION);
  draw_figures (page, pipeline, 4);
  traction_page_heading (page, _("The Month"), TRACTION_HEADING_SECTION);
  draw_figures (page, activity, 4);

  traction_page_heading (page, _("Why Deals Were Won and Lost"), TRACTION_HEADING_SECTION);
  draw_reasons (page, _("Top win reasons"), review->win_reasons);
  draw_reasons (page, _("Top loss reasons"), review->loss_reasons);
}

static void
draw_funnel_page (TractionPipelineReview *review,
                  TractionPage           *page)
{
  TractionFunnelStep steps[TRACTION_FUNNEL_STEPS];
  g_autofree char *from = format_date_long (&review->funnel_from);
  g_autofree char *to = NULL;
  g_autofree char *note = NULL;
  GDate last_day = review->to;
  double chart_h;

  g_date_subtract_days (&last_day, 1);
  to = format_date_long (&last_day);

  traction_page_heading (page, _("Stage Conversion"), TRACTION_HEADING_SECTION);
  note = g_strdup_printf (_("Deals created from %s to %s (the trailing 12 months), by the "
                            "furthest stage each reached. Conversion is the share of the deals "
                            "that reached the previous stage that went on to this one; the "
                            "dotted band on each track is the target range, the tick the "
                            "actual share."),
                          from, to);
  traction_page_paragraph (page, note, TRUE);
  traction_page_space (page, 8.0);

  traction_pipeline_review_funnel_steps (review, steps);
  chart_h = MIN (page->bottom - page->y, 60.0 * TRACTION_FUNNEL_STEPS);
  traction_chart_funnel (page->cr, &page->theme, page->left, page->y,
                         page->right - page->left, chart_h, steps,
                         review->funnel_reached[0] > 0 ? TRACTION_FUNNEL_STEPS : 0);
  page->y += chart_h;
}

static void
draw_deals_page (TractionPipelineReview *review,
                 TractionPage           *page,
                 guint                   first,
                 guint                   count)
{
  const TractionTableColumn columns[] = {
    { _("Stage"), 1.1, FALSE },
    { _("Company"), 1.6, FALSE },
    { _("Deal"), 1.6, FALSE },
    { _("ARR"), 1.1, TRUE },
    { _("Days in stage"), 1.15, TRUE },
    { _("Next step"), 2.3, FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = format_date_long (&review->today);
  g_autofree char *note = NULL;

  traction_page_heading (page, first == 0 ? _("Open Deals by Stage")
                                          : _("Open Deals by Stage (continued)"),
                         TRACTION_HEADING_SECTION);
  if (review->open_deals->len == 0)
    {
      traction_page_paragraph (page, _("No open deals."), TRUE);
      return;
    }

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u open deal as of %s, closest to closing first.",
                                       "%u open deals as of %s, closest to closing first.",
                                       review->open_deals->len),
                          review->open_deals->len, today);
  traction_page_paragraph (page, note, TRUE);

  for (guint i = first; i < first + count && i < review->open_deals->len; i++)
    {
      const TractionReviewDeal *deal = g_ptr_array_index (review->open_deals, i);
      char *next;

      g_ptr_array_add (cells, g_strdup (traction_stage_label (deal->stage)));
      g_ptr_array_add (cells, g_strdup (deal->account));
      g_ptr_array_add (cells, g_strdup (deal_without_account (deal)));
      g_ptr_array_add (cells, money (review, deal->arr_cents, FALSE));
      g_ptr_array_add (cells, g_strdup_printf ("%d", deal->days_in_stage));
      if (deal->next_step[0] == '\0')
        next = g_strdup (_("None planned"));
      else if (g_date_valid (&deal->next_step_due))
        {
          g_autofree char *due = format_date_short (&deal->next_step_due);

          /* Translators: a next step and its due date, "Send proposal · 11/25/2026". */
          next = g_strdup_printf (_("%s · %s"), deal->next_step, due);
        }
      else
        next = g_strdup (deal->next_step);
      g_ptr_array_add (cells, next);
    }

  traction_page_table (page, columns, G_N_ELEMENTS (columns),
                       (const char * const *)cells->pdata, cells->len / G_N_ELEMENTS (columns));
}

/* Spec */

static char *
review_title (gpointer data)
{
  TractionPipelineReview *review = data;
  g_autofree char *month = traction_pipeline_review_month_label (review->year, review->month);

  /* Translators: the title of the report, "Monthly Pipeline Review — October 2026". */
  return g_strdup_printf (_("Monthly Pipeline Review — %s"), month);
}

static int
review_n_pages (gpointer data,
                double   width,
                double   height)
{
  TractionPipelineReview *review = data;
  guint per_page = deals_per_page (height);
  guint deal_pages = MAX ((review->open_deals->len + per_page - 1) / per_page, 1);

  return SUMMARY_PAGES + (int)deal_pages;
}

static void
review_draw_page (gpointer      data,
                  TractionPage *page)
{
  TractionPipelineReview *review = data;

  if (page->page_nr == 1)
    draw_summary (review, page);
  else if (page->page_nr == 2)
    draw_funnel_page (review, page);
  else
    {
      guint per_page = deals_per_page (page->height);
      guint first = (guint)(page->page_nr - SUMMARY_PAGES - 1) * per_page;

      draw_deals_page (review, page, first, per_page);
    }
}

static const TractionReportSpec review_spec = {
  review_title,
  review_n_pages,
  review_draw_page,
};

/* Public API */

const TractionReportSpec *
traction_pipeline_review_report (void)
{
  return &review_spec;
}

void
traction_review_figure_free (gpointer data)
{
  TractionReviewFigure *figure = data;

  if (figure == NULL)
    return;
  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->detail);
  g_free (figure);
}

GPtrArray *
traction_pipeline_review_stage_figures (const TractionPipelineReview *review)
{
  GPtrArray *figures;

  g_return_val_if_fail (review != NULL, NULL);

  figures = g_ptr_array_new_with_free_func (traction_review_figure_free);
  for (int stage = TRACTION_STAGE_LEAD; stage <= TRACTION_STAGE_NEGOTIATION; stage++)
    add_figure (figures, traction_stage_label ((TractionStage)stage),
                g_strdup_printf ("%d", review->open_count[stage]),
                money (review, review->open_arr_cents[stage], TRUE));
  return figures;
}

GPtrArray *
traction_pipeline_review_pipeline_figures (const TractionPipelineReview *review)
{
  g_autofree char *quarter = NULL;
  GPtrArray *figures;
  char *coverage, *coverage_detail;

  g_return_val_if_fail (review != NULL, NULL);

  figures = g_ptr_array_new_with_free_func (traction_review_figure_free);
  add_figure (figures, _("Weighted pipeline"), money (review, review->weighted_cents, FALSE),
              g_strdup (_("open ARR × stage probability")));
  quarter = money (review, review->quarter_cents, TRUE);
  add_figure (figures, _("Open pipeline"), money (review, review->open_total_cents, FALSE),
              /* Translators: "$120K closing this quarter" */
              g_strdup_printf (_("%s closing this quarter"), quarter));
  if (review->target_cents > 0)
    add_figure (figures, _("Quarterly target"), money (review, review->target_cents, FALSE), NULL);
  else
    add_figure (figures, _("Quarterly target"), g_strdup (_("Not set")),
                g_strdup (_("set it in Preferences")));

  if (review->coverage >= 0)
    {
      /* Translators: coverage of the target, "2.1×". */
      coverage = g_strdup_printf (_("%.1f×"), review->coverage);
      /* Translators: "need 3.0× · Below target" */
      coverage_detail = g_strdup_printf (_("need %.1f× · %s"), review->coverage_needed,
                                         review->coverage + 1e-9 >= review->coverage_needed
                                         ? _("On target") : _("Below target"));
    }
  else
    {
      coverage = g_strdup ("—");
      coverage_detail = g_strdup (_("no quarterly target"));
    }
  add_figure (figures, _("Coverage"), coverage, coverage_detail);
  return figures;
}

GPtrArray *
traction_pipeline_review_month_figures (const TractionPipelineReview *review)
{
  GPtrArray *figures;

  g_return_val_if_fail (review != NULL, NULL);

  figures = g_ptr_array_new_with_free_func (traction_review_figure_free);
  if (review->lead_to_close_days >= 0)
    {
      int days = (int)lround (review->lead_to_close_days);

      add_figure (figures, _("Avg lead-to-close"),
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days),
                  g_strdup (_("deals won this month")));
    }
  else
    add_figure (figures, _("Avg lead-to-close"), g_strdup ("—"), g_strdup (_("nothing won this month")));

  add_figure (figures, _("Deals added"), g_strdup_printf ("%d", review->deals_added), NULL);
  add_figure (figures, _("Won"), g_strdup_printf ("%d", review->deals_won),
              money (review, review->won_arr_cents, FALSE));
  add_figure (figures, _("Lost"), g_strdup_printf ("%d", review->deals_lost),
              money (review, review->lost_arr_cents, FALSE));
  return figures;
}

void
traction_pipeline_review_funnel_steps (const TractionPipelineReview *review,
                                       TractionFunnelStep            steps[TRACTION_FUNNEL_STEPS])
{
  g_return_if_fail (review != NULL && steps != NULL);

  for (int step = 0; step < TRACTION_FUNNEL_STEPS; step++)
    {
      int lo = 0, hi = 0;

      traction_stage_target_conversion ((TractionStage)step, &lo, &hi);
      steps[step].label = traction_stage_label ((TractionStage)step);
      steps[step].count = review->funnel_reached[step];
      steps[step].conversion = review->funnel_conversion[step];
      steps[step].target_lo = lo > 0 || hi > 0 ? lo / 100.0 : -1.0;
      steps[step].target_hi = lo > 0 || hi > 0 ? hi / 100.0 : -1.0;
    }
}

char *
traction_pipeline_review_funnel_summary (const TractionPipelineReview *review)
{
  TractionFunnelStep steps[TRACTION_FUNNEL_STEPS];
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (review != NULL, NULL);

  traction_pipeline_review_funnel_steps (review, steps);
  for (int step = 0; step < TRACTION_FUNNEL_STEPS; step++)
    {
      g_autofree char *count = deals_text (steps[step].count);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (steps[step].conversion >= 0)
        /* Translators: "Qualified: 12 deals, 45% of the stage before, Below target" */
        g_string_append_printf (text, _("%s: %s, %.0f%% of the stage before, %s"),
                                steps[step].label, count, steps[step].conversion * 100.0,
                                traction_funnel_status_label (traction_funnel_status (&steps[step])));
      else
        g_string_append_printf (text, "%s: %s", steps[step].label, count);
    }
  return g_string_free (text, FALSE);
}

char *
traction_pipeline_review_month_label (int year,
                                      int month)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  dt = g_date_time_new_local (year, month, 1, 0, 0, 0.0);
  g_return_val_if_fail (dt != NULL, NULL);
  /* Translators: a month and year, see g_date_time_format(); e.g. "October 2026". */
  return g_date_time_format (dt, _("%OB %Y"));
}

char *
traction_pipeline_review_file_name (const TractionPipelineReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  /* Not translated: a file name that sorts by month in any language. */
  return g_strdup_printf ("pipeline-review-%04d-%02d.pdf", review->year, review->month);
}

char *
traction_pipeline_review_scope_text (const TractionPipelineReview *review)
{
  g_autofree char *today = NULL;
  g_autofree char *q_start = NULL;
  g_autofree char *q_end = NULL;
  GDate q_last;

  g_return_val_if_fail (review != NULL, NULL);

  q_last = review->quarter_end;
  g_date_subtract_days (&q_last, 1);
  today = format_date_long (&review->today);
  q_start = format_date_long (&review->quarter_start);
  q_end = format_date_long (&q_last);

  return g_strdup_printf (_("Open pipeline as of %s; coverage over the quarter %s to %s. "
                            "Added, won and lost count the deals of the month."),
                          today, q_start, q_end);
}

char *
traction_pipeline_review_reasons_text (GPtrArray *reasons)
{
  GString *text;

  g_return_val_if_fail (reasons != NULL, NULL);

  if (reasons->len == 0)
    return g_strdup (_("None recorded this month."));

  text = g_string_new (NULL);
  for (guint i = 0; i < reasons->len; i++)
    {
      const TractionReasonCount *reason = g_ptr_array_index (reasons, i);
      g_autofree char *count = deals_text (reason->count);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: "1. Fast integration (3 deals)" */
      g_string_append_printf (text, _("%u. %s (%s)"), i + 1, reason->name, count);
    }
  return g_string_free (text, FALSE);
}
