/* traction-cs-dashboard.c: the CS dashboard as printed pages (§7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "traction-cs-dashboard.h"
#include "traction-revenue-charts.h"

/* Room a table page needs above its rows: heading, note, header row. */
#define TABLE_PAGE_OVERHEAD 96.0
#define FIXED_PAGES 2   /* dashboard, bridge and mix */

/* Helpers */

static char *
money (const TractionRevenue *revenue,
       gint64                 cents,
       gboolean               compact)
{
  return traction_money_format (cents, revenue->currency, compact);
}

void
traction_cs_figure_free (gpointer data)
{
  TractionCsFigure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->detail);
  g_free (figure);
}

static void
add_figure (GPtrArray  *figures,
            const char *label,
            char       *value,
            char       *detail)
{
  TractionCsFigure *figure = g_new0 (TractionCsFigure, 1);

  figure->label = g_strdup (label);
  figure->value = value;
  figure->detail = detail != NULL ? detail : g_strdup ("");
  g_ptr_array_add (figures, figure);
}

gboolean
traction_cs_dashboard_churn_rate (const TractionRevenue *revenue,
                                  double                *percent)
{
  const TractionRetention *r = &revenue->metrics.retention;

  if (!r->valid || r->start_cents <= 0)
    return FALSE;
  *percent = (double) r->churn_cents * 100.0 / (double) r->start_cents;
  return TRUE;
}

GPtrArray *
traction_cs_dashboard_figures (const TractionRevenue *revenue)
{
  const TractionMetrics *m;
  const TractionRetention *r;
  GPtrArray *figures = g_ptr_array_new_with_free_func (traction_cs_figure_free);
  double churn = 0;

  g_return_val_if_fail (revenue != NULL, figures);
  m = &revenue->metrics;
  r = &m->retention;

  add_figure (figures, _("Net revenue retention"),
              traction_revenue_percent_text (r->valid, r->nrr),
              /* Translators: NRR card detail, "Good band · Below target (120 %+)" */
              r->valid ? g_strdup_printf (_("%s band · %s (%.0f %%+)"), traction_nrr_band_label (r->nrr),
                                          traction_nrr_status_label (r, &revenue->rules),
                                          revenue->rules.nrr_target)
                       : g_strdup (_("No client had ARR at the start")));
  add_figure (figures, _("Gross revenue retention"),
              traction_revenue_percent_text (r->valid, r->grr),
              r->valid ? g_strdup_printf (r->grr + 0.05 >= revenue->rules.grr_target
                                          ? _("On target (%.0f %%+)") : _("Below target (%.0f %%+)"),
                                          revenue->rules.grr_target)
                       : NULL);
  {
    gboolean valid = traction_cs_dashboard_churn_rate (revenue, &churn);

    add_figure (figures, _("Revenue churn rate"),
                traction_revenue_percent_text (valid, churn),
                valid ? g_strdup_printf (ngettext ("%u client churned", "%u clients churned",
                                                   r->churned_clients), r->churned_clients)
                      : NULL);
  }
  add_figure (figures, _("Expansion revenue"), money (revenue, m->bridge.expansion_cents, FALSE),
              m->arr_cents > 0
              ? g_strdup_printf (_("%.0f %% of ARR at the end"),
                                 (double) m->bridge.expansion_cents * 100.0 / (double) m->arr_cents)
              : NULL);
  add_figure (figures, _("At-risk ARR"), money (revenue, m->at_risk_arr_cents, FALSE),
              g_strdup (_("Clients At risk or Critical")));
  {
    g_autofree char *arr = money (revenue, m->renewals_arr_cents, FALSE);
    g_autofree char *forecast = money (revenue, m->renewals_forecast_cents, FALSE);

    add_figure (figures, _("Renewals due in 90 days"),
                g_strdup_printf ("%d", m->renewals_due),
                /* Translators: detail of the renewals figure: ARR due, forecast */
                g_strdup_printf (_("%s ARR · forecast %s"), arr, forecast));
  }

  add_figure (figures, _("ARR at the end"), money (revenue, m->arr_cents, FALSE),
              g_strdup_printf (ngettext ("%u paying client", "%u paying clients", m->active_clients),
                               m->active_clients));
  return figures;
}

char *
traction_cs_dashboard_nrr_line (const TractionRevenue *revenue)
{
  const TractionRetention *r;
  g_autofree char *start = NULL;
  g_autofree char *expansion = NULL;
  g_autofree char *contraction = NULL;
  g_autofree char *churn = NULL;
  g_autofree char *end = NULL;
  g_autofree char *nrr = NULL;

  g_return_val_if_fail (revenue != NULL, NULL);
  r = &revenue->metrics.retention;

  start = money (revenue, r->start_cents, FALSE);
  expansion = money (revenue, r->expansion_cents, FALSE);
  contraction = money (revenue, r->contraction_cents, FALSE);
  churn = money (revenue, r->churn_cents, FALSE);
  end = money (revenue, r->end_cents, FALSE);
  nrr = traction_revenue_percent_text (r->valid, r->nrr);

  /* Translators: the NRR calculation line of the expansion revenue tracker */
  return g_strdup_printf (_("NRR calculation: Starting %s + Expansion %s − Contraction %s − Churn %s = Ending %s\n"
                            "Net revenue retention: %s | Target: %.0f %%+ | Status: %s"),
                          start, expansion, contraction, churn, end, nrr,
                          revenue->rules.nrr_target,
                          traction_nrr_status_label (r, &revenue->rules));
}

/* Construction */

static TractionPeriodKind
period_kind_of (const GDate *from,
                const GDate *to,
                int          fy_start_month)
{
  static const TractionPeriodKind kinds[] = {
    TRACTION_PERIOD_MONTH, TRACTION_PERIOD_QUARTER, TRACTION_PERIOD_YEAR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GDate start, end;

      traction_period_bounds (kinds[i], from, fy_start_month, &start, &end);
      if (g_date_compare (&start, from) == 0 && g_date_compare (&end, to) == 0)
        return kinds[i];
    }
  return TRACTION_PERIOD_CUSTOM;
}

TractionCsDashboard *
traction_cs_dashboard_new (TractionStore  *store,
                           const GDate    *from,
                           const GDate    *to,
                           const GDate    *today,
                           GError        **error)
{
  g_autoptr(TractionCsDashboard) dashboard = g_new0 (TractionCsDashboard, 1);
  const TractionMetrics *m;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  dashboard->revenue = traction_store_load_revenue (store, from, to, today, error);
  if (dashboard->revenue == NULL)
    return NULL;

  m = &dashboard->revenue->metrics;
  dashboard->kind = period_kind_of (&m->from, &m->to, dashboard->revenue->rules.fiscal_year_start_month);
  dashboard->period = traction_period_label (dashboard->kind, &m->from, &m->to,
                                             dashboard->revenue->rules.fiscal_year_start_month);
  return g_steal_pointer (&dashboard);
}

void
traction_cs_dashboard_free (TractionCsDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  traction_revenue_free (dashboard->revenue);
  g_free (dashboard->period);
  g_free (dashboard);
}

char *
traction_cs_dashboard_file_name (TractionCsDashboard *dashboard)
{
  char from[16], to[16];
  GDate last;

  g_return_val_if_fail (dashboard != NULL, NULL);

  last = dashboard->revenue->metrics.to;
  g_date_subtract_days (&last, 1);
  traction_date_format (&dashboard->revenue->metrics.from, from);
  traction_date_format (&last, to);
  /* Translators: file name proposed for the CS dashboard PDF */
  return g_strdup_printf (_("cs-dashboard-%s-%s.pdf"), from, to);
}

/* Pages */

static guint
rows_per_page (double height)
{
  double room = traction_page_content_height (height) - TABLE_PAGE_OVERHEAD;

  return (guint) MAX (floor (room / traction_page_table_row_height ()), 1.0);
}

static guint
pages_for (guint  n_rows,
           double height)
{
  guint per = rows_per_page (height);

  return MAX ((n_rows + per - 1) / per, 1);
}

static void
draw_dashboard_page (TractionCsDashboard *dashboard,
                     TractionPage        *page)
{
  const TractionRevenue *revenue = dashboard->revenue;
  const TractionMetrics *m = &revenue->metrics;
  g_autoptr(GPtrArray) figures = traction_cs_dashboard_figures (revenue);
  g_autofree TractionKeyFigure *plain = g_new0 (TractionKeyFigure, MAX (figures->len, 1));
  g_autofree char *line = traction_cs_dashboard_nrr_line (revenue);
  g_autofree char *today = traction_revenue_format_date (&revenue->today, "%x");
  g_autofree char *scope = NULL;
  TractionBarItem bars[TRACTION_N_BANDS + 1];
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double chart_h;

  g_autofree char *title = g_strdup_printf (_("Customer Success Dashboard — %s"), dashboard->period);

  traction_page_heading (page, title, TRACTION_HEADING_TITLE);
  /* Translators: scope line of the CS dashboard; %s is today's date */
  scope = g_strdup_printf (_("Retention over the clients who had ARR on the first day of the period; "
                             "health, at-risk ARR and renewals as of %s."), today);
  traction_page_paragraph (page, scope, TRUE);
  traction_page_space (page, 6);

  for (guint i = 0; i < figures->len; i++)
    {
      const TractionCsFigure *figure = g_ptr_array_index (figures, i);

      plain[i].label = figure->label;
      plain[i].value = figure->value;
      plain[i].detail = figure->detail[0] != '\0' ? figure->detail : NULL;
    }
  traction_page_key_figures (page, plain, figures->len, 3);
  traction_page_space (page, 6);
  traction_page_paragraph (page, line, FALSE);
  traction_page_space (page, 8);

  traction_page_heading (page, _("Health Distribution"), TRACTION_HEADING_SECTION);
  for (int b = 0; b <= TRACTION_N_BANDS; b++)
    {
      int count = b < TRACTION_N_BANDS ? m->health_count[b] : m->health_unscored;
      char *text = g_strdup_printf (ngettext ("%d client", "%d clients", count), count);

      g_ptr_array_add (texts, text);
      bars[b].label = b < TRACTION_N_BANDS ? traction_health_band_label ((TractionHealthBand) b)
                                           : _("Not scored");
      bars[b].value = count;
      bars[b].value_text = text;
      bars[b].pattern = b;
    }
  chart_h = (TRACTION_N_BANDS + 1) * page->theme.font_size * 2.4;
  traction_chart_hbars (page->cr, &page->theme, page->left, page->y, page->right - page->left,
                        chart_h, bars, TRACTION_N_BANDS + 1, 0);
  page->y += chart_h + 8;

  traction_page_heading (page, _("NRR and GRR, Trailing Twelve Months"), TRACTION_HEADING_SECTION);
  chart_h = MIN (page->bottom - page->y, 240);
  if (chart_h > 60)
    {
      traction_revenue_chart_retention (page->cr, &page->theme, page->left, page->y,
                                        page->right - page->left, chart_h, revenue);
      page->y += chart_h;
    }
}

static void
draw_bridge_page (TractionCsDashboard *dashboard,
                  TractionPage        *page)
{
  const TractionRevenue *revenue = dashboard->revenue;
  double chart_h;

  traction_page_heading (page, _("ARR Bridge"), TRACTION_HEADING_SECTION);
  traction_page_paragraph (page, _("Every movement of the period, all clients: start, new clients, "
                                   "reactivations, expansion, contraction and churn give the ARR at the end."),
                           TRUE);
  traction_page_space (page, 6);
  chart_h = MIN (page->bottom - page->y, 280);
  traction_revenue_chart_bridge (page->cr, &page->theme, page->left, page->y,
                                 page->right - page->left, chart_h, revenue);
  page->y += chart_h + 12;

  traction_page_heading (page, _("Expansion Mix"), TRACTION_HEADING_SECTION);
  chart_h = MIN (page->bottom - page->y, 150);
  if (chart_h > 40)
    {
      traction_revenue_chart_mix (page->cr, &page->theme, page->left, page->y,
                                  page->right - page->left, chart_h, revenue);
      page->y += chart_h;
    }
}

static void
draw_tracker_page (TractionCsDashboard *dashboard,
                   TractionPage        *page,
                   guint                first,
                   guint                count)
{
  const TractionRevenue *revenue = dashboard->revenue;
  const TractionTableColumn columns[] = {
    { _("Client"), 2.0, FALSE },
    { _("Start ARR"), 1.2, TRUE },
    { _("Current ARR"), 1.2, TRUE },
    { _("Change"), 1.1, TRUE },
    { _("Type"), 2.2, FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = traction_cs_dashboard_nrr_line (revenue);

  traction_page_heading (page, first == 0 ? _("Expansion Revenue Tracker")
                                          : _("Expansion Revenue Tracker (continued)"),
                         TRACTION_HEADING_SECTION);
  traction_page_paragraph (page, line, FALSE);
  if (revenue->tracker->len == 0)
    {
      traction_page_paragraph (page, _("No client with ARR at the start moved in this period."), TRUE);
      return;
    }

  for (guint i = first; i < first + count && i < revenue->tracker->len; i++)
    {
      const TractionExpansionRow *row = g_ptr_array_index (revenue->tracker, i);
      g_autofree char *change = money (revenue, ABS (row->change_cents), FALSE);

      g_ptr_array_add (cells, g_strdup (row->account));
      g_ptr_array_add (cells, money (revenue, row->start_cents, FALSE));
      g_ptr_array_add (cells, money (revenue, row->end_cents, FALSE));
      g_ptr_array_add (cells, g_strdup_printf ("%s%s", row->change_cents < 0 ? "−" : "+", change));
      g_ptr_array_add (cells, traction_expansion_row_types (row));
    }
  traction_page_table (page, columns, G_N_ELEMENTS (columns),
                       (const char * const *) cells->pdata, cells->len / G_N_ELEMENTS (columns));
}

static void
draw_renewals_page (TractionCsDashboard *dashboard,
                    TractionPage        *page,
                    guint                first,
                    guint                count)
{
  const TractionRevenue *revenue = dashboard->revenue;
  const TractionTableColumn columns[] = {
    { _("Client"), 1.8, FALSE },
    { _("Renewal"), 1.1, FALSE },
    { _("ARR"), 1.1, TRUE },
    { _("Lead time"), 1.0, TRUE },
    { _("Health"), 1.1, FALSE },
    { _("Probability"), 0.9, TRUE },
    { _("Forecast"), 1.1, TRUE },
    { _("Work"), 1.0, FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *arr = money (revenue, revenue->renewals_arr_cents, FALSE);
  g_autofree char *forecast = money (revenue, revenue->renewals_forecast_cents, FALSE);
  g_autofree char *note = NULL;

  traction_page_heading (page, first == 0 ? _("Renewals in the Next 180 Days")
                                          : _("Renewals in the Next 180 Days (continued)"),
                         TRACTION_HEADING_SECTION);
  /* Translators: renewals summary: count, ARR, forecast */
  note = g_strdup_printf (ngettext ("%u renewal, %s ARR; forecast Σ ARR × probability by health band: %s.",
                                    "%u renewals, %s ARR; forecast Σ ARR × probability by health band: %s.",
                                    revenue->renewals->len),
                          revenue->renewals->len, arr, forecast);
  traction_page_paragraph (page, note, TRUE);
  if (revenue->renewals->len == 0)
    return;

  for (guint i = first; i < first + count && i < revenue->renewals->len; i++)
    {
      const TractionRevenueRenewal *renewal = g_ptr_array_index (revenue->renewals, i);

      g_ptr_array_add (cells, g_strdup (renewal->row->account));
      g_ptr_array_add (cells, traction_revenue_format_date (&renewal->row->renewal, "%x"));
      g_ptr_array_add (cells, money (revenue, renewal->row->arr_cents, FALSE));
      g_ptr_array_add (cells, g_strdup_printf (ngettext ("%d day", "%d days", renewal->lead_days),
                                               renewal->lead_days));
      g_ptr_array_add (cells, renewal->row->has_health
                              ? g_strdup (traction_health_band_label (renewal->row->band))
                              : g_strdup (_("Not scored")));
      g_ptr_array_add (cells, g_strdup_printf (_("%.0f %%"), renewal->probability * 100.0));
      g_ptr_array_add (cells, money (revenue, renewal->forecast_cents, FALSE));
      g_ptr_array_add (cells, g_strdup (renewal->row->work_late ? _("Late") : _("On time")));
    }
  traction_page_table (page, columns, G_N_ELEMENTS (columns),
                       (const char * const *) cells->pdata, cells->len / G_N_ELEMENTS (columns));
}

static void
draw_cohort_page (TractionCsDashboard *dashboard,
                  TractionPage        *page)
{
  traction_page_heading (page, _("Cohorts by Start Quarter"), TRACTION_HEADING_SECTION);
  traction_page_paragraph (page, _("ARR of each cohort at the end of each month since its quarter began, "
                                   "as a share of its ARR at the end of that first quarter (M3 = 100)."),
                           TRUE);
  traction_page_space (page, 6);
  traction_revenue_chart_cohorts (page->cr, &page->theme, page->left, page->y,
                                  page->right - page->left, page->bottom - page->y, dashboard->revenue);
}

/* Spec */

static char *
dashboard_title (gpointer data)
{
  TractionCsDashboard *dashboard = data;

  /* Translators: title of the report, "Customer Success Dashboard — Q3 2026" */
  return g_strdup_printf (_("Customer Success Dashboard — %s"), dashboard->period);
}

static int
dashboard_n_pages (gpointer data,
                   double   width,
                   double   height)
{
  TractionCsDashboard *dashboard = data;

  return FIXED_PAGES + (int) pages_for (dashboard->revenue->tracker->len, height)
         + (int) pages_for (dashboard->revenue->renewals->len, height) + 1;
}

static void
dashboard_draw_page (gpointer      data,
                     TractionPage *page)
{
  TractionCsDashboard *dashboard = data;
  guint per = rows_per_page (page->height);
  guint tracker_pages = pages_for (dashboard->revenue->tracker->len, page->height);
  guint renewal_pages = pages_for (dashboard->revenue->renewals->len, page->height);
  guint nr = (guint) page->page_nr;

  if (nr == 1)
    draw_dashboard_page (dashboard, page);
  else if (nr == 2)
    draw_bridge_page (dashboard, page);
  else if (nr <= FIXED_PAGES + tracker_pages)
    draw_tracker_page (dashboard, page, (nr - FIXED_PAGES - 1) * per, per);
  else if (nr <= FIXED_PAGES + tracker_pages + renewal_pages)
    draw_renewals_page (dashboard, page, (nr - FIXED_PAGES - tracker_pages - 1) * per, per);
  else
    draw_cohort_page (dashboard, page);
}

static const TractionReportSpec dashboard_spec = {
  dashboard_title,
  dashboard_n_pages,
  dashboard_draw_page,
};

const TractionReportSpec *
traction_cs_dashboard_spec (void)
{
  return &dashboard_spec;
}
