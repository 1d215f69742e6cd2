/* traction-qbr-report.c: QBR and EBR pages.
 *
 * Landscape sheets read like slides: a large title per page, the client
 * and period under it, then at most two blocks side by side. Charts are
 * the shared ones (health trend, columns), so they match the screen.
 * Every page says plainly when the data it would show is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "traction-health.h"
#include "traction-heatmap.h"
#include "traction-qbr-report.h"
#include "traction-store-revenue.h"

#define GUTTER       24.0
#define LABEL_SIZE    9.0
#define TEXT_SIZE    10.5

typedef TractionBusinessReview Review;

static gboolean
is_qbr (const Review *review)
{
  return review->period.kind == TRACTION_REVIEW_QBR;
}

/* Text helpers */

static char *
period_label (const Review *review)
{
  return traction_review_period_label (&review->period);
}

static char *
money (const Review *review,
       gint64        cents,
       gboolean      compact)
{
  return traction_money_format (cents, review->currency, compact);
}

static char *
signed_money (const Review *review,
              gint64        cents)
{
  g_autofree char *amount = money (review, ABS (cents), FALSE);

  if (cents > 0)
    return g_strdup_printf ("+%s", amount);
  if (cents < 0)
    return g_strdup_printf ("−%s", amount);
  return g_steal_pointer (&amount);
}

/* The strings of array joined by ", "; NULL when it is empty. */
static char *
join_names (const GPtrArray *array)
{
  g_autoptr(GString) text = NULL;

  if (array->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < array->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list, "Payments API, Card Issuing" */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index ((GPtrArray *) array, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "1.2M", "48K", "950" */
static char *
compact_count (double value)
{
  if (!isfinite (value))
    return g_strdup ("–");
  if (value >= 1e6)
    return g_strdup_printf ("%.1fM", value / 1e6);
  if (value >= 1e4)
    return g_strdup_printf ("%.0fK", value / 1e3);
  if (value >= 1e3)
    return g_strdup_printf ("%.1fK", value / 1e3);
  return g_strdup_printf ("%.0f", value);
}

static gsize
window_first_in_period (const Review *review)
{
  return TRACTION_REVIEW_WINDOW - traction_review_period_n_months (&review->period);
}

static char **
window_labels (const Review *review)
{
  char **labels = g_new0 (char *, TRACTION_REVIEW_WINDOW + 1);

  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    {
      GDate month = review->first_month;

      g_date_add_months (&month, m);
      labels[m] = traction_revenue_format_date (&month, "%b");
    }
  return labels;
}

/* Drawing helpers */

/* A paragraph in size points limited to max_height (ellipsized), moving
 * page->y down. Plain text. */
static void
block_text (TractionPage *page,
            const char   *text,
            double        size,
            gboolean      dim,
            double        max_height)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;

  if (text == NULL || text[0] == '\0' || max_height < size)
    return;
  layout = traction_page_layout (page, size, FALSE, page->right - page->left);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_save (page->cr);
  traction_chart_set_source (page->cr, dim ? &page->theme.dim : &page->theme.foreground);
  cairo_move_to (page->cr, page->left, page->y);
  pango_cairo_show_layout (page->cr, layout);
  cairo_restore (page->cr);
  pango_layout_get_size (layout, &width, &height);
  page->y += MIN ((double) height / PANGO_SCALE, max_height) + size * 0.6;
}

/* A small bold label over a block. */
static void
block_label (TractionPage *page,
             const char   *text)
{
  traction_chart_text (page->cr, &page->theme, &page->theme.foreground, text, page->left, page->y,
                       page->right - page->left, LABEL_SIZE + 1.5, TRUE, TRACTION_CHART_ALIGN_START);
  page->y += (LABEL_SIZE + 1.5) * 1.6;
}

/* Labelled user text, or the dim hint when it is empty. */
static void
block_notes (TractionPage *page,
             const char   *label,
             const char   *text,
             const char   *empty_hint,
             double        max_height)
{
  block_label (page, label);
  if (text != NULL && text[0] != '\0')
    block_text (page, text, TEXT_SIZE, FALSE, max_height);
  else
    block_text (page, empty_hint, TEXT_SIZE - 1, TRUE, max_height);
  page->y += 6;
}

/* The company's logo at the right end of the title line. */
static void
title_logo (TractionPage *page,
            const Review *review)
{
  traction_page_logo (page, review->logo, page->right, page->y, 160, 26);
}

/* The slide's title and, under it, the client and period. */
static void
slide_title (TractionPage *page,
             const Review *review,
             const char   *title)
{
  g_autofree char *period = period_label (review);
  g_autofree char *subtitle = NULL;
  g_autofree char *numbered = NULL;

  /* Translators: a slide's title with its number, "2 · Business Outcomes" */
  numbered = g_strdup_printf (_("%d · %s"), page->page_nr, title);
  title_logo (page, review);
  traction_page_heading (page, numbered, TRACTION_HEADING_TITLE);
  /* Translators: under a slide's title: client · period */
  subtitle = g_strdup_printf (_("%s · %s"), review->client->name, period);
  traction_page_paragraph (page, subtitle, TRUE);
  page->y += 8;
}

typedef struct {
  double left, right, y;
} Column;

/* Narrows the page to a column: fraction of the width from start
 * (0..1), returning what to restore. */
static Column
column_begin (TractionPage *page,
              double        from,
              double        to,
              double        y)
{
  Column saved = { page->left, page->right, page->y };
  double width = saved.right - saved.left;

  page->left = saved.left + width * from + (from > 0 ? GUTTER / 2 : 0);
  page->right = saved.left + width * to - (to < 1 ? GUTTER / 2 : 0);
  page->y = y;
  return saved;
}

static void
column_end (TractionPage *page,
            Column        saved)
{
  page->left = saved.left;
  page->right = saved.right;
  page->y = MAX (page->y, saved.y);
}

/* What a page shows instead of an empty chart. */
static void
no_data (TractionPage *page,
         const Review *review)
{
  g_autofree char *period = period_label (review);
  g_autofree char *text =
    /* Translators: client, then period ("Q3 2026") */
    g_strdup_printf (_("No health scores, usage, tickets, NPS answers, touchpoints or ARR movements "
                       "are recorded for %s in %s. Record the period’s usage and a scorecard "
                       "(Clients ▸ Usage by Month, Scorecard), then make the review again."),
                     review->client->name, period);

  block_text (page, text, TEXT_SIZE, TRUE, page->bottom - page->y);
}

static void
goals_table (TractionPage    *page,
             const GPtrArray *goals,
             gboolean         with_status,
             const char      *empty_hint)
{
  static const TractionTableColumn with_columns[] = {
    { N_("Goal"), 4.0, FALSE }, { N_("Status"), 1.2, FALSE }, { N_("Measure or impact"), 3.0, FALSE },
    { N_("Owner"), 1.4, FALSE },
  };
  static const TractionTableColumn next_columns[] = {
    { N_("Goal"), 4.0, FALSE }, { N_("Success metric"), 3.0, FALSE }, { N_("Owner"), 1.4, FALSE },
  };
  const TractionTableColumn *columns = with_status ? with_columns : next_columns;
  gsize n_columns = with_status ? G_N_ELEMENTS (with_columns) : G_N_ELEMENTS (next_columns);
  TractionTableColumn translated[G_N_ELEMENTS (with_columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  if (goals->len == 0)
    {
      block_text (page, empty_hint, TEXT_SIZE, TRUE, page->bottom - page->y);
      return;
    }
  for (gsize c = 0; c < n_columns; c++)
    {
      translated[c] = columns[c];
      translated[c].title = _(columns[c].title);
    }
  for (guint i = 0; i < goals->len; i++)
    {
      const TractionReviewGoal *goal = g_ptr_array_index ((GPtrArray *) goals, i);

      g_ptr_array_add (cells, g_strdup (goal->goal));
      if (with_status)
        g_ptr_array_add (cells, g_strdup (traction_goal_status_label (goal->status)));
      g_ptr_array_add (cells, g_strdup (goal->metric[0] != '\0' ? goal->metric : "—"));
      g_ptr_array_add (cells, g_strdup (goal->owner[0] != '\0' ? goal->owner : "—"));
    }
  traction_page_table (page, translated, n_columns, (const char * const *) cells->pdata, goals->len);
}

static void
health_chart (TractionPage *page,
              const Review *review,
              double        height)
{
  g_auto(GStrv) labels = window_labels (review);

  traction_chart_health_trend (page->cr, &page->theme, page->left, page->y, page->right - page->left, height,
                               review->scores, TRACTION_REVIEW_WINDOW, (const char * const *) labels,
                               &review->rules);
  page->y += height + 6;
}

/* Columns over the window's months, the period's strong; value_text
 * writes a value over its column. */
static void
month_columns (TractionPage *page,
               const Review *review,
               double        height,
               const double *values,
               const double *reference,
               char       *(*value_text) (const Review *review, double value))
{
  g_auto(GStrv) labels = window_labels (review);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = period_label (review);
  TractionColumns columns = { 0 };

  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    g_ptr_array_add (texts, isfinite (values[m]) ? value_text (review, values[m]) : NULL);
  columns.values = values;
  columns.value_texts = (const char * const *) texts->pdata;
  columns.labels = (const char * const *) labels;
  columns.n = TRACTION_REVIEW_WINDOW;
  columns.first_strong = window_first_in_period (review);
  columns.reference = reference;
  columns.reference_label = _("Plan volume");
  columns.strong_label = period;
  columns.context_label = is_qbr (review) ? _("Months before") : NULL;
  traction_chart_columns (page->cr, &page->theme, page->left, page->y, page->right - page->left, height, &columns);
  page->y += height + 6;
}

static char *
arr_text (const Review *review,
          double        cents)
{
  return money (review, (gint64) cents, TRUE);
}

static char *
count_text (const Review *review,
            double        value)
{
  return compact_count (value);
}

static void
arr_chart (TractionPage *page,
           const Review *review,
           double        height)
{
  month_columns (page, review, height, review->arr_cents, NULL, arr_text);
}

static void
usage_chart (TractionPage *page,
             const Review *review,
             double        height)
{
  gboolean any_plan = FALSE;

  for (guint m = 0; m < TRACTION_REVIEW_WINDOW; m++)
    any_plan |= isfinite (review->plan_volume[m]);
  month_columns (page, review, height, review->api_volume, any_plan ? review->plan_volume : NULL, count_text);
}

/* Score, band and trend as key-figure text. */
static void
health_figure (const Review *review,
               char        **value,
               char        **detail)
{
  const TractionClientRow *client = review->client;

  if (!client->has_score)
    {
      *value = g_strdup (_("None yet"));
      *detail = NULL;
      return;
    }
  *value = g_strdup_printf ("%.1f", client->score);
  if (client->has_trend)
    /* Translators: health band, then the change in points, "Healthy, +4.0 on the month before" */
    *detail = g_strdup_printf (_("%s, %+.1f on the month before"), traction_health_band_label (client->band),
                               client->score - client->previous_score);
  else
    *detail = g_strdup (traction_health_band_label (client->band));
}

static char *
renewal_text (const Review *review)
{
  if (!review->client->has_contract)
    return g_strdup (_("No contract"));
  return traction_revenue_format_date (&review->client->renewal, "%x");
}

static gint64
expansion_cents (const Review *review)
{
  return review->moved_cents[TRACTION_MOVE_EXPANSION_CROSS_SELL] +
         review->moved_cents[TRACTION_MOVE_EXPANSION_UPSELL] +
         review->moved_cents[TRACTION_MOVE_EXPANSION_USAGE];
}

/* QBR pages */

static void
qbr_summary (TractionPage *page,
             const Review *review)
{
  g_autofree char *period = period_label (review);
  g_autofree char *first = traction_revenue_format_date (&review->period.start, "%x");
  g_autofree char *as_of = traction_revenue_format_date (&review->as_of, "%x");
  g_autofree char *subtitle = NULL, *score = NULL, *band = NULL, *arr = NULL, *arr_change = NULL;
  g_autofree char *change = NULL, *renewal = renewal_text (review);
  TractionKeyFigure figures[4];
  double top, height;
  Column saved;

  title_logo (page, review);
  traction_page_heading (page, _("Quarterly Business Review"), TRACTION_HEADING_TITLE);
  /* Translators: client · period (first day – last day) */
  subtitle = g_strdup_printf (_("%s · %s (%s – %s)"), review->client->name, period, first, as_of);
  traction_page_paragraph (page, subtitle, TRUE);
  page->y += 6;

  health_figure (review, &score, &band);
  arr = money (review, review->arr_end_cents, FALSE);
  /* Translators: the ARR change in the period, "+$12,000.00 this period" */
  change = signed_money (review, review->arr_end_cents - review->arr_start_cents);
  arr_change = g_strdup_printf (_("%s this period"), change);
  figures[0] = (TractionKeyFigure) { _("Health score"), score, band };
  figures[1] = (TractionKeyFigure) { _("ARR"), arr, arr_change };
  figures[2] = (TractionKeyFigure) { _("Account owner"), review->owner[0] != '\0' ? review->owner : "—", NULL };
  figures[3] = (TractionKeyFigure) { _("Renewal"), renewal, traction_lifecycle_label (review->client->lifecycle) };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  page->y += 6;

  top = page->y;
  height = page->bottom - top;
  saved = column_begin (page, 0, 0.42, top);
  block_notes (page, _("Highlights and outcomes"), review->notes->highlights,
               _("No highlights entered. Add them in the review form (Clients ▸ a client ▸ Business Review) "
                 "before you print."),
               height - 30);
  column_end (page, saved);

  saved = column_begin (page, 0.42, 1, top);
  block_label (page, _("Health over twelve months"));
  if (review->has_data || review->client->has_score)
    health_chart (page, review, page->bottom - page->y);
  else
    no_data (page, review);
  column_end (page, saved);
}

static void
qbr_outcomes (TractionPage *page,
              const Review *review)
{
  g_autofree char *period = period_label (review);
  g_autofree char *empty = NULL, *counts = NULL;
  guint n[TRACTION_N_GOAL_STATUSES] = { 0 };

  slide_title (page, review, _("Business Outcomes"));
  for (guint i = 0; i < review->notes->goals->len; i++)
    {
      const TractionReviewGoal *goal = g_ptr_array_index (review->notes->goals, i);

      n[goal->status]++;
    }
  if (review->notes->goals->len > 0)
    {
      /* Translators: counts of goals by status */
      counts = g_strdup_printf (_("%u achieved, %u on track, %u at risk"),
                                n[TRACTION_GOAL_ACHIEVED], n[TRACTION_GOAL_ON_TRACK], n[TRACTION_GOAL_AT_RISK]);
      block_label (page, counts);
    }
  /* Translators: %s is a period, "Q3 2026" */
  empty = g_strdup_printf (_("No goals were set for %s. Goals entered in the review form as next period’s "
                             "goals show here, with their status, in the next review."), period);
  goals_table (page, review->notes->goals, TRUE, empty);
  page->y += 12;
  block_notes (page, _("Quantified impact"), review->notes->impact,
               _("No impact entered: say what the client gained (revenue, time or cost saved) in the review form."),
               page->bottom - page->y - 20);
}

static void
qbr_usage (TractionPage *page,
           const Review *review)
{
  guint n_months = traction_review_period_n_months (&review->period);
  gsize first = window_first_in_period (review);
  double volume = 0, plan = 0;
  gboolean have_volume = FALSE, have_plan = FALSE;
  g_autofree char *volume_text = NULL, *plan_text = NULL, *products = NULL, *trend = NULL;
  g_autofree char *used = NULL, *unused = NULL;
  TractionKeyFigure figures[3];
  double first_volume = NAN, last_volume = NAN;
  Column saved;
  double top;

  slide_title (page, review, _("Usage and Adoption"));
  for (gsize m = first; m < first + n_months; m++)
    {
      if (isfinite (review->api_volume[m]))
        {
          volume += review->api_volume[m];
          have_volume = TRUE;
          if (!isfinite (first_volume))
            first_volume = review->api_volume[m];
          last_volume = review->api_volume[m];
          if (isfinite (review->plan_volume[m]))
            {
              plan += review->plan_volume[m];
              have_plan = TRUE;
            }
        }
    }
  volume_text = have_volume ? compact_count (volume) : g_strdup (_("Not recorded"));
  plan_text = have_plan && plan > 0 ? g_strdup_printf (_("%.0f %% of plan"), volume / plan * 100) : NULL;
  /* Translators: products used out of the catalogue, "2 of 4" */
  products = g_strdup_printf (_("%u of %u"), review->products_used->len,
                              review->products_used->len + review->products_unused->len);
  if (isfinite (first_volume) && isfinite (last_volume) && first_volume > 0)
    /* Translators: change in API calls from the period's first month with data to its last */
    trend = g_strdup_printf (_("%+.0f %% over the period"), (last_volume - first_volume) / first_volume * 100);
  figures[0] = (TractionKeyFigure) { _("API calls in the period"), volume_text, plan_text };
  figures[1] = (TractionKeyFigure) { _("Usage trend"), trend != NULL ? trend : "—", NULL };
  figures[2] = (TractionKeyFigure) { _("Products used"), products, NULL };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 3);
  page->y += 8;

  top = page->y;
  saved = column_begin (page, 0, 0.66, top);
  block_label (page, _("API calls by month"));
  if (have_volume || review->has_data)
    usage_chart (page, review, page->bottom - page->y);
  else
    no_data (page, review);
  column_end (page, saved);

  saved = column_begin (page, 0.66, 1, top);
  used = join_names (review->products_used);
  block_notes (page, _("Products adopted"), used, _("None recorded."), 90);
  unused = join_names (review->products_unused);
  block_notes (page, _("Products to explore next"), unused, _("Every product is in use."), 90);
  column_end (page, saved);
}

static void
qbr_support (TractionPage *page,
             const Review *review)
{
  g_autofree char *tickets = NULL, *severe = NULL, *touch = NULL, *touch_detail = NULL;
  g_autofree char *nps = NULL, *nps_detail = NULL, *alerts = NULL, *alerts_detail = NULL;
  g_autofree char *response = NULL;
  TractionKeyFigure figures[4];
  TractionBarItem bars[4];
  char *bar_texts[4];
  int total = 0;
  double top;
  Column saved;

  slide_title (page, review, _("Support and Engagement"));
  for (int p = 0; p < 4; p++)
    total += review->tickets[p];
  tickets = review->ticket_months > 0 ? g_strdup_printf ("%d", total) : g_strdup (_("Not recorded"));
  if (review->ticket_months > 0)
    /* Translators: the most severe tickets, "2 were P1 or P2" */
    severe = g_strdup_printf (ngettext ("%d was P1 or P2", "%d were P1 or P2", review->tickets[0] + review->tickets[1]),
                              review->tickets[0] + review->tickets[1]);
  touch = g_strdup_printf ("%u", review->meetings + review->calls);
  /* Translators: touchpoints, "3 meetings, 2 calls, 5 emails" */
  touch_detail = g_strdup_printf (_("%u meetings, %u calls, %u emails"), review->meetings, review->calls, review->emails);
  if (review->nps_answers > 0)
    {
      nps = g_strdup_printf ("%+.0f", review->nps);
      nps_detail = g_strdup_printf (ngettext ("from %u answer", "from %u answers", review->nps_answers),
                                    review->nps_answers);
    }
  alerts = g_strdup_printf ("%u", review->alerts_raised);
  alerts_detail = g_strdup_printf (_("%u resolved"), review->alerts_resolved);
  figures[0] = (TractionKeyFigure) { _("Support tickets"), tickets, severe };
  figures[1] = (TractionKeyFigure) { _("Meetings and calls"), touch, touch_detail };
  figures[2] = (TractionKeyFigure) { _("NPS"), nps != NULL ? nps : _("No answers"), nps_detail };
  figures[3] = (TractionKeyFigure) { _("Health alerts"), alerts, alerts_detail };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  page->y += 8;

  top = page->y;
  saved = column_begin (page, 0, 0.55, top);
  block_label (page, _("Tickets by priority"));
  if (review->ticket_months > 0)
    {
      static const char * const names[4] = { "P1", "P2", "P3", "P4" };

      for (int p = 0; p < 4; p++)
        {
          bar_texts[p] = g_strdup_printf ("%d", review->tickets[p]);
          bars[p] = (TractionBarItem) { names[p], review->tickets[p], bar_texts[p], p < 2 ? 3 : 0 };
        }
      traction_chart_hbars (page->cr, &page->theme, page->left, page->y, page->right - page->left,
                            MIN (page->bottom - page->y, 120), bars, 4, 0);
      for (int p = 0; p < 4; p++)
        g_free (bar_texts[p]);
      page->y += MIN (page->bottom - page->y, 120);
    }
  else
    block_text (page, _("No ticket counts are recorded for the period (Clients ▸ Usage by Month)."),
                TEXT_SIZE, TRUE, 60);
  column_end (page, saved);

  saved = column_begin (page, 0.55, 1, top);
  block_label (page, _("Responsiveness"));
  if (g_date_valid (&review->last_response))
    {
      g_autofree char *date = traction_revenue_format_date (&review->last_response, "%x");

      response = g_strdup_printf (_("Latest response from the client’s team: %s."), date);
    }
  else
    response = g_strdup (_("No response dates are recorded for the period."));
  block_text (page, response, TEXT_SIZE, FALSE, 60);
  if (review->ticket_months > 0)
    {
      g_autofree char *months = g_strdup_printf (ngettext ("Ticket counts cover %u month of the period.",
                                                           "Ticket counts cover %u months of the period.",
                                                           review->ticket_months), review->ticket_months);
      block_text (page, months, TEXT_SIZE - 1, TRUE, 40);
    }
  column_end (page, saved);
}

static void
qbr_opportunities (TractionPage *page,
                   const Review *review)
{
  g_autofree char *start = money (review, review->arr_start_cents, FALSE);
  g_autofree char *end = money (review, review->arr_end_cents, FALSE);
  g_autofree char *expansion = signed_money (review, expansion_cents (review));
  g_autofree char *lost = NULL;
  TractionKeyFigure figures[3];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) signals = g_string_new (NULL);
  double top;
  Column saved;

  slide_title (page, review, _("Roadmap and Opportunities"));
  lost = signed_money (review, -(review->moved_cents[TRACTION_MOVE_CONTRACTION] +
                                 review->moved_cents[TRACTION_MOVE_CHURN]));
  figures[0] = (TractionKeyFigure) { _("ARR at the start"), start, NULL };
  figures[1] = (TractionKeyFigure) { _("ARR now"), end, NULL };
  figures[2] = (TractionKeyFigure) { _("Expansion in the period"), expansion, lost };
  if (review->moved_cents[TRACTION_MOVE_CONTRACTION] + review->moved_cents[TRACTION_MOVE_CHURN] == 0)
    figures[2].detail = NULL;
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 3);
  page->y += 8;

  top = page->y;
  saved = column_begin (page, 0, 0.5, top);
  block_label (page, _("ARR over twelve months"));
  arr_chart (page, review, page->bottom - page->y);
  column_end (page, saved);

  saved = column_begin (page, 0.5, 1, top);
  block_label (page, _("Expansion opportunities"));
  if (review->open_deals->len > 0)
    {
      static const TractionTableColumn columns[] = {
        { N_("Open deal"), 3.0, FALSE }, { N_("Stage"), 1.6, FALSE }, { N_("ARR"), 1.4, TRUE },
      };
      TractionTableColumn translated[G_N_ELEMENTS (columns)];

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          translated[c] = columns[c];
          translated[c].title = _(columns[c].title);
        }
      for (guint i = 0; i < review->open_deals->len; i++)
        {
          const TractionReviewDealRow *deal = g_ptr_array_index (review->open_deals, i);

          g_ptr_array_add (cells, g_strdup (deal->name));
          g_ptr_array_add (cells, g_strdup (traction_stage_label (deal->stage)));
          g_ptr_array_add (cells, money (review, deal->arr_cents, FALSE));
        }
      traction_page_table (page, translated, G_N_ELEMENTS (translated), (const char * const *) cells->pdata,
                           review->open_deals->len);
      page->y += 8;
    }
  if (review->has_scorecard)
    for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
      if (review->signals[s])
        g_string_append_printf (signals, "%s%s", signals->len > 0 ? "\n" : "", traction_health_signal_label (s));
  if (review->products_unused->len > 0)
    {
      g_autofree char *joined = join_names (review->products_unused);

      /* Translators: cross-sell ideas, "Cross-sell: Payouts, Identity" */
      g_string_append_printf (signals, "%s", signals->len > 0 ? "\n" : "");
      g_string_append_printf (signals, _("Cross-sell: %s"), joined);
    }
  if (signals->len > 0)
    block_notes (page, _("Signals from the latest scorecard"), signals->str, NULL, page->bottom - page->y);
  else if (review->open_deals->len == 0)
    block_text (page, _("No open deals, expansion signals or products left to offer: note ideas in the "
                        "open discussion."), TEXT_SIZE, TRUE, 60);
  column_end (page, saved);
}

static void
qbr_next_goals (TractionPage *page,
                const Review *review)
{
  TractionReviewPeriod next;
  g_autofree char *next_label = NULL, *heading = NULL, *empty = NULL;

  traction_review_period_next (&review->period, &next);
  next_label = traction_review_period_label (&next);
  slide_title (page, review, is_qbr (review) ? _("Goals for Next Quarter") : _("Goals for Next Year"));
  /* Translators: %s is the next period, "Q4 2026" */
  heading = g_strdup_printf (_("Specific, measurable goals for %s, with how success is measured and who owns each"),
                             next_label);
  block_label (page, heading);
  /* Translators: %s is the next period, "Q4 2026" */
  empty = g_strdup_printf (_("No goals for %s yet. Agree two or three with the client and add them in the "
                             "review form."), next_label);
  goals_table (page, review->notes->next_goals, FALSE, empty);
}

static void
qbr_feedback (TractionPage *page,
              const Review *review)
{
  double top, height;
  Column saved;

  slide_title (page, review, _("Feedback and Discussion"));
  top = page->y;
  height = (page->bottom - top) / 2 - 24;
  saved = column_begin (page, 0, 0.5, top);
  block_notes (page, _("What is working well"), review->notes->working_well,
               _("Ask the client what works, and note it in the review form."), height);
  block_notes (page, _("What can be improved"), review->notes->to_improve,
               _("Ask the client what to improve, and note it in the review form."), height);
  column_end (page, saved);
  saved = column_begin (page, 0.5, 1, top);
  block_notes (page, _("Open discussion and next steps"), review->notes->discussion,
               _("Strategic topics, roadmap input, action items and their dates."), page->bottom - top - 40);
  column_end (page, saved);
}

/* EBR pages */

static void
ebr_summary (TractionPage *page,
             const Review *review)
{
  g_autofree char *period = period_label (review);
  g_autofree char *subtitle = NULL, *score = NULL, *band = NULL, *start = NULL, *end = NULL;
  g_autofree char *change = NULL, *retained = NULL, *renewal = renewal_text (review);
  TractionKeyFigure figures[4];
  double top;
  Column saved;

  title_logo (page, review);
  traction_page_heading (page, _("Annual Business Review"), TRACTION_HEADING_TITLE);
  subtitle = g_strdup_printf (_("%s · %s"), review->client->name, period);
  traction_page_paragraph (page, subtitle, TRUE);
  page->y += 6;

  health_figure (review, &score, &band);
  start = money (review, review->arr_start_cents, FALSE);
  end = money (review, review->arr_end_cents, FALSE);
  change = signed_money (review, review->arr_end_cents - review->arr_start_cents);
  if (review->arr_start_cents > 0)
    /* Translators: the client's ARR at the end over the start, "118 % of the ARR at the start" */
    retained = g_strdup_printf (_("%.0f %% of the ARR at the start"),
                                (double) review->arr_end_cents / (double) review->arr_start_cents * 100);
  figures[0] = (TractionKeyFigure) { _("Health score"), score, band };
  figures[1] = (TractionKeyFigure) { _("ARR at the start"), start, NULL };
  figures[2] = (TractionKeyFigure) { _("ARR now"), end, retained != NULL ? retained : change };
  figures[3] = (TractionKeyFigure) { _("Renewal"), renewal, traction_lifecycle_label (review->client->lifecycle) };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  page->y += 6;

  top = page->y;
  saved = column_begin (page, 0, 0.5, top);
  block_notes (page, _("The year’s value"), review->notes->impact,
               _("No value summary entered: say what the client gained this year in the review form."),
               (page->bottom - top) / 2 - 20);
  column_end (page, saved);
  saved = column_begin (page, 0.5, 1, top);
  block_notes (page, _("Highlights and outcomes"), review->notes->highlights,
               _("No highlights entered. Add them in the review form (Clients ▸ a client ▸ Business Review) "
                 "before you print."),
               page->bottom - top - 30);
  column_end (page, saved);
  if (!review->has_data)
    no_data (page, review);
}

static void
ebr_health_arr (TractionPage *page,
                const Review *review)
{
  double top;
  Column saved;

  slide_title (page, review, _("Health and ARR over the Year"));
  if (!review->has_data && !review->client->has_score)
    {
      no_data (page, review);
      return;
    }
  top = page->y;
  saved = column_begin (page, 0, 0.5, top);
  block_label (page, _("Health score by month"));
  health_chart (page, review, page->bottom - page->y);
  column_end (page, saved);
  saved = column_begin (page, 0.5, 1, top);
  block_label (page, _("ARR at each month’s end"));
  arr_chart (page, review, page->bottom - page->y);
  column_end (page, saved);
}

static void
ebr_goals (TractionPage *page,
           const Review *review)
{
  g_autofree char *period = period_label (review);
  g_autofree char *empty = NULL;

  slide_title (page, review, _("The Year’s Goals"));
  /* Translators: %s is a year */
  empty = g_strdup_printf (_("No goals were set for %s. Goals entered in the review form as next year’s goals "
                             "show here, with their status, in the next annual review."), period);
  goals_table (page, review->notes->goals, TRUE, empty);
  page->y += 12;
  block_notes (page, _("What is working well"), review->notes->working_well,
               _("Ask the client what works, and note it in the review form."), (page->bottom - page->y) / 2 - 20);
  block_notes (page, _("What can be improved"), review->notes->to_improve,
               _("Ask the client what to improve, and note it in the review form."), page->bottom - page->y - 20);
}

static void
ebr_renewal (TractionPage *page,
             const Review *review)
{
  const TractionClientRow *client = review->client;
  g_autofree char *renewal = renewal_text (review);
  g_autofree char *days = NULL, *probability = NULL, *forecast = NULL, *arr = NULL, *lead = NULL;
  TractionKeyFigure figures[4];
  int lead_days = review->rules.renewal_lead_days[client->segment];

  slide_title (page, review, _("Renewal Discussion"));
  arr = money (review, client->arr_cents, FALSE);
  if (client->has_contract)
    {
      int until = traction_date_diff (&review->as_of, &client->renewal);

      days = until >= 0 ? g_strdup_printf (ngettext ("in %d day", "in %d days", until), until)
                        : g_strdup_printf (ngettext ("%d day ago", "%d days ago", -until), -until);
    }
  if (client->has_score)
    {
      double p = review->rules.renewal_probability[client->band];

      probability = g_strdup_printf ("%.0f %%", p * 100);
      forecast = money (review, (gint64) llround ((double) client->arr_cents * p), FALSE);
    }
  /* Translators: renewal work lead time of the client's segment */
  lead = g_strdup_printf (ngettext ("work starts %d day ahead", "work starts %d days ahead", lead_days), lead_days);
  figures[0] = (TractionKeyFigure) { _("Renewal date"), renewal, days };
  figures[1] = (TractionKeyFigure) { _("ARR up for renewal"), arr, traction_segment_label (client->segment) };
  figures[2] = (TractionKeyFigure) { _("Renewal probability"), probability != NULL ? probability : "—",
                                     client->has_score ? traction_health_band_label (client->band) : NULL };
  figures[3] = (TractionKeyFigure) { _("Forecast ARR"), forecast != NULL ? forecast : "—", lead };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  page->y += 10;
  block_text (page, _("The probability follows the health band (the rules in Preferences): "
                      "a healthier client is likelier to renew."), TEXT_SIZE - 1, TRUE, 30);
  page->y += 6;
  block_notes (page, _("Open discussion and next steps"), review->notes->discussion,
               _("Contract terms, expansion for next year, executive sponsors, and the dates agreed."),
               page->bottom - page->y - 20);
}

/* Spec */

static char *
report_title (gpointer data)
{
  Review *review = data;
  g_autofree char *period = period_label (review);

  if (is_qbr (review))
    /* Translators: report title, "Quarterly Business Review: Lumio Bank, Q3 2026" */
    return g_strdup_printf (_("Quarterly Business Review: %s, %s"), review->client->name, period);
  /* Translators: report title, "Annual Business Review: Lumio Bank, 2026" */
  return g_strdup_printf (_("Annual Business Review: %s, %s"), review->client->name, period);
}

static int
report_n_pages (gpointer data,
                double   width,
                double   height)
{
  Review *review = data;

  return is_qbr (review) ? TRACTION_QBR_PAGES : TRACTION_EBR_PAGES;
}

static void
report_draw_page (gpointer      data,
                  TractionPage *page)
{
  static void (* const qbr_pages[TRACTION_QBR_PAGES]) (TractionPage *, const Review *) = {
    qbr_summary, qbr_outcomes, qbr_usage, qbr_support, qbr_opportunities, qbr_next_goals, qbr_feedback,
  };
  static void (* const ebr_pages[TRACTION_EBR_PAGES]) (TractionPage *, const Review *) = {
    ebr_summary, ebr_health_arr, ebr_goals, qbr_next_goals, ebr_renewal,
  };
  Review *review = data;
  int index = page->page_nr - 1;

  /* Long text never runs into the footer. */
  cairo_save (page->cr);
  cairo_rectangle (page->cr, 0, 0, page->width, page->bottom);
  cairo_clip (page->cr);
  if (is_qbr (review) && index >= 0 && index < TRACTION_QBR_PAGES)
    qbr_pages[index] (page, review);
  else if (!is_qbr (review) && index >= 0 && index < TRACTION_EBR_PAGES)
    ebr_pages[index] (page, review);
  cairo_restore (page->cr);
}

static const TractionReportSpec spec = {
  report_title,
  report_n_pages,
  report_draw_page,
  TRUE,
};

const TractionReportSpec *
traction_qbr_report_spec (void)
{
  return &spec;
}

char *
traction_qbr_report_file_name (const char                 *client,
                               const TractionReviewPeriod *period)
{
  g_autofree char *slug = NULL, *key = NULL, *lower = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  slug = traction_report_slug (client, "client");
  key = traction_review_period_key (period);
  lower = g_ascii_strdown (key, -1);
  return g_strdup_printf ("%s-%s-%s.pdf", period->kind == TRACTION_REVIEW_QBR ? "qbr" : "ebr", slug, lower);
}

gboolean
traction_qbr_report_write (TractionStore              *store,
                           gint64                      account_id,
                           const TractionReviewPeriod *period,
                           const GDate                *today,
                           TractionPaper               paper,
                           const char                 *path,
                           GError                    **error)
{
  g_autoptr(TractionBusinessReview) review = NULL;
  g_autofree char *company = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  review = traction_store_load_business_review (store, account_id, period, today, error);
  if (review == NULL)
    return FALSE;
  company = traction_store_get_company_name (store);
  return traction_report_write_pdf (&spec, review, company, paper, path, error);
}
