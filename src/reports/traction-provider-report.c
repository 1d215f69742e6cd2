/* traction-provider-report.c: printed provider scorecard and coverage
 * matrix (DOMAIN.md §4), legible in black and white: every status is a
 * word, the trend has its figures written on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-provider-report.h"
#include "traction-store-providers.h"

typedef enum {
  REPORT_SCORECARD,
  REPORT_COVERAGE,
} ReportKind;

struct _TractionProviderReport
{
  ReportKind           kind;
  char                *currency;
  GDate                today;
  int                  review_days;
  TractionProviderRow *provider;      /* scorecard */
  GPtrArray           *reviews;       /* TractionProviderReviewRow, oldest first */
  GPtrArray           *mitigations;   /* TractionMitigation */
  GPtrArray           *exposure;      /* TractionProviderExposure */
  GPtrArray           *coverage;      /* TractionCoverageRow (coverage report) */
};

/* Helpers */

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("never"));
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0.0);
  return g_date_time_format (dt, "%x");
}

static char *
join_names (GPtrArray *names)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      if (i > 0)
        g_string_append (str, _(", "));
      g_string_append (str, g_ptr_array_index (names, i));
    }
  if (str->len == 0)
    g_string_append (str, _("none"));
  return g_string_free (str, FALSE);
}

/* Trend chart */

void
traction_provider_trend_draw (cairo_t                  *cr,
                              const TractionChartTheme *theme,
                              double                    x,
                              double                    y,
                              double                    width,
                              double                    height,
                              const int                *scores,
                              const GDate              *dates,
                              gsize                     n)
{
  double size = theme->font_size;
  double label_w, label_h;
  double left, right, top, bottom;
  double inner_left, inner_right;

  g_return_if_fail (cr != NULL && theme != NULL);
  g_return_if_fail (n == 0 || (scores != NULL && dates != NULL));

  if (!(width >= 1.0 && height >= 1.0))
    return;

  cairo_save (cr);

  if (n == 0)
    {
      traction_chart_text (cr, theme, &theme->dim, _("No review yet: the trend starts with the first one."),
                           x, y + height / 2 - size, width, size, FALSE, TRACTION_CHART_ALIGN_START);
      cairo_restore (cr);
      return;
    }

  traction_chart_text_size (cr, theme, "40", size * 0.85, FALSE, &label_w, &label_h);
  left = x + label_w + size * 0.6;
  right = x + width - size * 1.5;
  top = y + label_h + 2;
  bottom = y + height - label_h * 1.6;
  if (right - left < 10 || bottom - top < 10)
    {
      cairo_restore (cr);
      return;
    }

  /* Scale: 0, 10, 20, 30, 40. */
  cairo_set_line_width (cr, 1.0);
  for (int tick = 0; tick <= 40; tick += 10)
    {
      double ty = bottom - (bottom - top) * tick / 40.0;
      char text[8];

      traction_chart_set_source (cr, &theme->grid);
      cairo_move_to (cr, left, ty);
      cairo_line_to (cr, right, ty);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", tick);
      traction_chart_text (cr, theme, &theme->dim, text, left - size * 0.4, ty - label_h / 2,
                           0, size * 0.85, FALSE, TRACTION_CHART_ALIGN_END);
    }

  /* The points sit inside the axis, so the figures clear the scale. */
  inner_left = left + size * 1.5;
  inner_right = right - size * 0.5;

  /* The line, then a dot and the figure at each review. */
  cairo_set_line_width (cr, MAX (1.5, size / 5.0));
  traction_chart_set_source (cr, &theme->accent);
  for (gsize i = 0; i < n; i++)
    {
      double px = n == 1 ? (left + right) / 2 : inner_left + (inner_right - inner_left) * i / (double) (n - 1);
      double py = bottom - (bottom - top) * CLAMP (scores[i], 0, 40) / 40.0;

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_stroke (cr);

  for (gsize i = 0; i < n; i++)
    {
      double px = n == 1 ? (left + right) / 2 : inner_left + (inner_right - inner_left) * i / (double) (n - 1);
      double py = bottom - (bottom - top) * CLAMP (scores[i], 0, 40) / 40.0;
      char text[8];

      traction_chart_set_source (cr, &theme->accent);
      cairo_arc (cr, px, py, MAX (2.5, size / 3.0), 0, 2 * G_PI);
      cairo_fill (cr);
      g_snprintf (text, sizeof text, "%d", scores[i]);
      traction_chart_text (cr, theme, &theme->foreground, text, px, py - label_h - 3,
                           0, size * 0.85, TRUE, TRACTION_CHART_ALIGN_CENTER);
    }

  /* Dates of the first and last review under the axis. */
  {
    g_autofree char *first = format_date (&dates[0]);
    g_autofree char *last = format_date (&dates[n - 1]);

    traction_chart_text (cr, theme, &theme->dim, first, n == 1 ? (left + right) / 2 : inner_left,
                         bottom + label_h * 0.4, 0, size * 0.85, FALSE,
                         n == 1 ? TRACTION_CHART_ALIGN_CENTER : TRACTION_CHART_ALIGN_START);
    if (n > 1)
      traction_chart_text (cr, theme, &theme->dim, last, inner_right, bottom + label_h * 0.4,
                           0, size * 0.85, FALSE, TRACTION_CHART_ALIGN_END);
  }

  cairo_restore (cr);
}

/* Loading */

static TractionProviderReport *
report_new (TractionStore *store,
            ReportKind     kind,
            const GDate   *today)
{
  TractionProviderReport *report = g_new0 (TractionProviderReport, 1);
  TractionRules rules;

  traction_store_get_rules (store, &rules);
  report->kind = kind;
  report->currency = traction_store_get_currency (store);
  report->today = *today;
  report->review_days = rules.provider_review_days;
  return report;
}

TractionProviderReport *
traction_provider_report_new_scorecard (TractionStore  *store,
                                        gint64          provider_id,
                                        const GDate    *today,
                                        GError        **error)
{
  g_autoptr(TractionProviderReport) report = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = report_new (store, REPORT_SCORECARD, today);
  report->provider = traction_store_get_provider (store, provider_id, today, error);
  if (report->provider == NULL)
    return NULL;
  report->reviews = traction_store_list_provider_reviews (store, provider_id, error);
  if (report->reviews == NULL)
    return NULL;
  report->mitigations = traction_store_list_mitigations (store, provider_id, error);
  if (report->mitigations == NULL)
    return NULL;
  report->exposure = traction_store_load_exposure (store, provider_id, today, error);
  if (report->exposure == NULL)
    return NULL;

  return g_steal_pointer (&report);
}

TractionProviderReport *
traction_provider_report_new_coverage (TractionStore  *store,
                                       const GDate    *today,
                                       GError        **error)
{
  g_autoptr(TractionProviderReport) report = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = report_new (store, REPORT_COVERAGE, today);
  report->coverage = traction_store_load_coverage (store, today, error);
  if (report->coverage == NULL)
    return NULL;
  report->exposure = traction_store_load_exposure (store, 0, today, error);
  if (report->exposure == NULL)
    return NULL;

  return g_steal_pointer (&report);
}

void
traction_provider_report_free (TractionProviderReport *report)
{
  if (report == NULL)
    return;
  g_free (report->currency);
  g_clear_pointer (&report->provider, traction_provider_row_free);
  g_clear_pointer (&report->reviews, g_ptr_array_unref);
  g_clear_pointer (&report->mitigations, g_ptr_array_unref);
  g_clear_pointer (&report->exposure, g_ptr_array_unref);
  g_clear_pointer (&report->coverage, g_ptr_array_unref);
  g_free (report);
}

gboolean
traction_provider_report_find_provider (TractionStore  *store,
                                        const char     *name,
                                        gint64         *id,
                                        GError        **error)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autofree char *wanted = NULL;
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL && id != NULL, FALSE);

  traction_date_today (&today);
  providers = traction_store_list_providers (store, &today, error);
  if (providers == NULL)
    return FALSE;

  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < providers->len; i++)
    {
      const TractionProviderRow *row = g_ptr_array_index (providers, i);
      g_autofree char *folded = g_utf8_casefold (row->name, -1);

      if (g_strcmp0 (folded, wanted) == 0)
        {
          *id = row->id;
          return TRUE;
        }
    }

  g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
               _("There is no provider named “%s”."), name);
  return FALSE;
}

/* Drawing: shared pieces */

static void
draw_exposure (TractionPage                   *page,
               const TractionProviderReport   *report,
               const TractionProviderExposure *exposure,
               gboolean                        with_heading)
{
  static const TractionTableColumn columns[] = {
    { N_("Client"), 3, FALSE },
    { N_("Products from this provider"), 4, FALSE },
    { N_("Fallback"), 2, FALSE },
    { N_("ARR"), 2, TRUE },
  };
  TractionTableColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *arr = traction_money_format (exposure->arr_cents, report->currency, FALSE);
  g_autofree char *alone_arr = traction_money_format (exposure->no_fallback_arr_cents, report->currency, FALSE);
  g_autofree char *products = join_names (exposure->products);
  g_autofree char *alone = join_names (exposure->no_fallback);
  g_autofree char *summary = NULL;

  if (with_heading)
    {
      g_autofree char *heading = NULL;

      if (exposure->dependency_risk > 0)
        /* Translators: "Meridian Bank: Critical risk" */
        heading = g_strdup_printf (_("%s: %s risk"), exposure->provider, traction_risk_label (exposure->risk));
      else
        heading = g_strdup (exposure->provider);
      traction_page_paragraph (page, heading, FALSE);
    }

  if (exposure->products->len == 0)
    {
      traction_page_paragraph (page, _("Not the primary provider of any product: no client depends on it alone."), TRUE);
      return;
    }

  /* Translators: "Primary for: Card Issuing. 5 clients, $310,000.00 ARR depend on it; without any fallback: Card Issuing, $310,000.00." */
  summary = g_strdup_printf (ngettext ("Primary for: %s. %u client with %s ARR uses these products; with no fallback at all: %s (%s).",
                                       "Primary for: %s. %u clients with %s ARR use these products; with no fallback at all: %s (%s).",
                                       exposure->clients->len),
                             products, exposure->clients->len, arr, alone, alone_arr);
  traction_page_paragraph (page, summary, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }
  for (guint i = 0; i < exposure->clients->len; i++)
    {
      const TractionExposedClient *client = g_ptr_array_index (exposure->clients, i);

      g_ptr_array_add (cells, g_strdup (client->account));
      g_ptr_array_add (cells, g_strdup (client->products));
      g_ptr_array_add (cells, g_strdup (client->no_fallback ? _("None") : _("Backup provider")));
      g_ptr_array_add (cells, traction_money_format (client->arr_cents, report->currency, FALSE));
    }
  if (exposure->clients->len > 0)
    traction_page_table (page, translated, G_N_ELEMENTS (translated),
                         (const char * const *) cells->pdata, exposure->clients->len);
  else
    traction_page_paragraph (page, _("No paying client uses these products."), TRUE);
}

/* Scorecard */

static const TractionProviderReviewRow *
last_review (const TractionProviderReport *report)
{
  if (report->reviews == NULL || report->reviews->len == 0)
    return NULL;
  return g_ptr_array_index (report->reviews, report->reviews->len - 1);
}

static void
draw_scorecard_page1 (const TractionProviderReport *report,
                      TractionPage                 *page)
{
  const TractionProviderRow *provider = report->provider;
  const TractionProviderReviewRow *review = last_review (report);
  g_autofree char *title = g_strdup_printf (_("Provider Scorecard: %s"), provider->name);
  g_autofree char *reviewed = format_date (&provider->last_review);
  g_autofree char *intro = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *due = NULL;
  TractionKeyFigure figures[4];

  traction_page_heading (page, title, TRACTION_HEADING_TITLE);
  if (provider->contact[0] != '\0')
    /* Translators: "Status: Active · Contact: Tom Hale" */
    intro = g_strdup_printf (_("Status: %s · Contact: %s"),
                             traction_provider_status_label (provider->status), provider->contact);
  else
    intro = g_strdup_printf (_("Status: %s"), traction_provider_status_label (provider->status));
  traction_page_paragraph (page, intro, TRUE);
  traction_page_space (page, 6);

  if (review == NULL)
    {
      traction_page_paragraph (page, _("This provider has not been reviewed yet. Complete the quarterly scorecard: eight dimensions from 1 to 5."), FALSE);
      return;
    }

  overall = g_strdup_printf (_("%d/40"), review->overall);
  if (provider->review_due)
    due = g_strdup_printf (ngettext ("Due: reviewed %d day ago", "Due: reviewed %d days ago",
                                     provider->days_since_review),
                           provider->days_since_review);
  else
    due = g_strdup_printf (ngettext ("Next one in %d day", "Next one in %d days",
                                     report->review_days - provider->days_since_review),
                           report->review_days - provider->days_since_review);

  figures[0] = (TractionKeyFigure) { _("Overall score"), overall, _("Dependency risk counted as 6 − risk") };
  figures[1] = (TractionKeyFigure) { _("Risk level"), traction_risk_label (provider->risk), NULL };
  figures[2] = (TractionKeyFigure) { _("Last review"), reviewed, due };
  figures[3] = (TractionKeyFigure) { _("Reviews kept"), NULL, NULL };
  {
    g_autofree char *count = g_strdup_printf ("%u", report->reviews->len);

    figures[3].value = count;
    traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  }

  traction_page_paragraph (page, traction_risk_action (provider->risk), provider->risk < TRACTION_RISK_HIGH);
  traction_page_space (page, 4);

  {
    static const TractionTableColumn columns[] = {
      { N_("Dimension"), 3, FALSE },
      { N_("Score"), 1.3, TRUE },
      { N_("Points"), 1.2, TRUE },
      { N_("Notes"), 7, FALSE },
    };
    TractionTableColumn translated[G_N_ELEMENTS (columns)];
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        translated[i] = columns[i];
        translated[i].title = _(columns[i].title);
      }
    for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
      {
        g_ptr_array_add (cells, g_strdup (traction_provider_dimension_label (dim)));
        if (dim == TRACTION_DIM_EXCLUSIVITY)
          g_ptr_array_add (cells, g_strdup (traction_exclusivity_label (review->scores.exclusivity)));
        else
          g_ptr_array_add (cells, g_strdup_printf ("%d/5", traction_provider_review_get (&review->scores, dim)));
        g_ptr_array_add (cells, g_strdup_printf ("%d", traction_provider_review_points (&review->scores, dim)));
        g_ptr_array_add (cells, g_strdup (review->notes[dim]));
      }
    g_ptr_array_add (cells, g_strdup (_("Overall")));
    g_ptr_array_add (cells, g_strdup (""));
    g_ptr_array_add (cells, g_strdup_printf ("%d/40", review->overall));
    g_ptr_array_add (cells, g_strdup (""));

    traction_page_heading (page, _("Latest Scorecard"), TRACTION_HEADING_SECTION);
    traction_page_table (page, translated, G_N_ELEMENTS (translated),
                         (const char * const *) cells->pdata, TRACTION_N_DIMENSIONS + 1);
  }

  traction_page_heading (page, _("Action Items"), TRACTION_HEADING_SECTION);
  traction_page_paragraph (page, review->action_items[0] != '\0' ? review->action_items : _("None recorded."),
                           review->action_items[0] == '\0');

  traction_page_heading (page, _("Overall Score Trend"), TRACTION_HEADING_SECTION);
  {
    g_autofree int *scores = g_new0 (int, report->reviews->len);
    g_autofree GDate *dates = g_new0 (GDate, report->reviews->len);
    double height = MIN (150.0, page->bottom - page->y);

    for (guint i = 0; i < report->reviews->len; i++)
      {
        const TractionProviderReviewRow *row = g_ptr_array_index (report->reviews, i);

        scores[i] = row->overall;
        dates[i] = row->reviewed_on;
      }
    if (height > 40)
      {
        traction_provider_trend_draw (page->cr, &page->theme, page->left, page->y,
                                      page->right - page->left, height,
                                      scores, dates, report->reviews->len);
        page->y += height;
      }
  }
}

static void
draw_scorecard_page2 (const TractionProviderReport *report,
                      TractionPage                 *page)
{
  const TractionProviderRow *provider = report->provider;

  traction_page_heading (page, _("Mitigation Checklist"), TRACTION_HEADING_SECTION);
  if (report->mitigations->len == 0)
    traction_page_paragraph (page, provider->risk >= TRACTION_RISK_HIGH
                                   ? _("No mitigation steps yet, although the dependency risk calls for them.")
                                   : _("No mitigation steps."), TRUE);
  for (guint i = 0; i < report->mitigations->len; i++)
    {
      const TractionMitigation *item = g_ptr_array_index (report->mitigations, i);
      g_autofree char *line = NULL;

      if (g_date_valid (&item->done_on))
        {
          g_autofree char *when = format_date (&item->done_on);
          /* Translators: a done checklist item on paper, "[x] Shortlist … (done 8/24/2026)" */
          line = g_strdup_printf (_("[x] %s (done %s)"), item->item, when);
        }
      else
        /* Translators: an open checklist item on paper */
        line = g_strdup_printf (_("[ ] %s"), item->item);
      traction_page_paragraph (page, line, FALSE);
    }

  traction_page_heading (page, _("Clients Exposed if This Provider Fails"), TRACTION_HEADING_SECTION);
  if (report->exposure->len > 0)
    draw_exposure (page, report, g_ptr_array_index (report->exposure, 0), FALSE);

  traction_page_heading (page, _("Review History"), TRACTION_HEADING_SECTION);
  {
    static const TractionTableColumn columns[] = {
      { N_("Reviewed"), 2, FALSE },
      { N_("Overall"), 1.2, TRUE },
      { N_("Dependency risk"), 2, TRUE },
      { N_("Risk level"), 1.6, FALSE },
      { N_("Action items"), 6, FALSE },
    };
    TractionTableColumn translated[G_N_ELEMENTS (columns)];
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    guint n = report->reviews->len;

    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        translated[i] = columns[i];
        translated[i].title = _(columns[i].title);
      }
    /* Newest first. */
    for (guint i = n; i > 0; i--)
      {
        const TractionProviderReviewRow *row = g_ptr_array_index (report->reviews, i - 1);

        g_ptr_array_add (cells, format_date (&row->reviewed_on));
        g_ptr_array_add (cells, g_strdup_printf ("%d/40", row->overall));
        g_ptr_array_add (cells, g_strdup_printf ("%d/5", row->scores.dependency_risk));
        g_ptr_array_add (cells, g_strdup (traction_risk_label (traction_provider_risk (row->scores.dependency_risk))));
        g_ptr_array_add (cells, g_strdup (row->action_items));
      }
    if (n > 0)
      traction_page_table (page, translated, G_N_ELEMENTS (translated),
                           (const char * const *) cells->pdata, n);
    else
      traction_page_paragraph (page, _("No review yet."), TRUE);
  }
}

/* Coverage */

static void
draw_coverage_page1 (const TractionProviderReport *report,
                     TractionPage                 *page)
{
  static const TractionTableColumn columns[] = {
    { N_("Product"), 3, FALSE },
    { N_("Primary"), 3.0, FALSE },
    { N_("Backup"), 3.0, FALSE },
    { N_("Status"), 4.6, FALSE },
    { N_("Clients"), 1.4, TRUE },
    { N_("ARR"), 2.4, TRUE },
  };
  TractionTableColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *n_gaps = NULL;
  g_autofree char *n_single = NULL;
  g_autofree char *n_products = NULL;
  g_autofree char *exposed = NULL;
  TractionKeyFigure figures[4];
  guint gaps = 0, single = 0;
  gint64 exposed_cents = 0;

  traction_page_heading (page, _("Coverage Matrix"), TRACTION_HEADING_TITLE);
  traction_page_paragraph (page, _("Which providers deliver each product. A gap is a product with no primary provider; a single point of failure has one primary and no backup. “At risk” marks a product whose primary provider has a dependency risk of 4 or 5."), TRUE);
  traction_page_space (page, 6);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }

  for (guint i = 0; i < report->coverage->len; i++)
    {
      const TractionCoverageRow *row = g_ptr_array_index (report->coverage, i);
      const char *status = traction_coverage_status_label (row->status);

      if (row->status == TRACTION_COVERAGE_GAP)
        gaps++;
      else if (row->status == TRACTION_COVERAGE_SINGLE_POINT)
        single++;

      g_ptr_array_add (cells, g_strdup (row->product));
      g_ptr_array_add (cells, join_names (row->primary));
      g_ptr_array_add (cells, join_names (row->backup));
      if (row->at_risk)
        /* Translators: coverage status and a flag, "Single point of failure, at risk" */
        g_ptr_array_add (cells, g_strdup_printf (_("%s, at risk"), status));
      else
        g_ptr_array_add (cells, g_strdup (status));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->n_clients));
      g_ptr_array_add (cells, traction_money_format (row->arr_cents, report->currency, FALSE));
    }
  for (guint i = 0; i < report->exposure->len; i++)
    exposed_cents += ((TractionProviderExposure *) g_ptr_array_index (report->exposure, i))->no_fallback_arr_cents;

  n_products = g_strdup_printf ("%u", report->coverage->len);
  n_gaps = g_strdup_printf ("%u", gaps);
  n_single = g_strdup_printf ("%u", single);
  exposed = traction_money_format (exposed_cents, report->currency, TRUE);
  figures[0] = (TractionKeyFigure) { _("Products"), n_products, NULL };
  figures[1] = (TractionKeyFigure) { _("Gaps"), n_gaps, _("no primary provider") };
  figures[2] = (TractionKeyFigure) { _("Single points of failure"), n_single, _("one primary, no backup") };
  figures[3] = (TractionKeyFigure) { _("ARR with no fallback"), exposed, _("on providers at risk") };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);

  if (report->coverage->len > 0)
    traction_page_table (page, translated, G_N_ELEMENTS (translated),
                         (const char * const *) cells->pdata, report->coverage->len);
  else
    traction_page_paragraph (page, _("No products yet: add them in Preferences."), TRUE);
}

static void
draw_coverage_page2 (const TractionProviderReport *report,
                     TractionPage                 *page)
{
  traction_page_heading (page, _("Clients Exposed to Providers at Risk"), TRACTION_HEADING_SECTION);
  for (guint i = 0; i < report->exposure->len; i++)
    {
      draw_exposure (page, report, g_ptr_array_index (report->exposure, i), TRUE);
      traction_page_space (page, 8);
    }
}

/* Spec */

static char *
report_title (gpointer data)
{
  TractionProviderReport *report = data;

  if (report->kind == REPORT_SCORECARD)
    return g_strdup_printf (_("Provider Scorecard: %s"), report->provider->name);
  return g_strdup (_("Coverage Matrix"));
}

static int
report_n_pages (gpointer data,
                double   width,
                double   height)
{
  TractionProviderReport *report = data;

  if (report->kind == REPORT_SCORECARD)
    return last_review (report) != NULL ? 2 : 1;
  return report->exposure->len > 0 ? 2 : 1;
}

static void
report_draw_page (gpointer      data,
                  TractionPage *page)
{
  TractionProviderReport *report = data;

  if (report->kind == REPORT_SCORECARD)
    {
      if (page->page_nr == 1)
        draw_scorecard_page1 (report, page);
      else
        draw_scorecard_page2 (report, page);
    }
  else
    {
      if (page->page_nr == 1)
        draw_coverage_page1 (report, page);
      else
        draw_coverage_page2 (report, page);
    }
}

const TractionReportSpec *
traction_provider_report_spec (void)
{
  static const TractionReportSpec spec = {
    report_title,
    report_n_pages,
    report_draw_page,
  };

  return &spec;
}
