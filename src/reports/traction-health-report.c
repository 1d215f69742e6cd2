/* traction-health-report.c: the health heatmap and the per-client health
 * summary on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "traction-health-report.h"
#include "traction-health.h"
#include "traction-heatmap.h"
#include "traction-store-health.h"

/* Room for the heading and the legend above the grid on every page. */
#define HEATMAP_RESERVE 64.0

struct _TractionHealthReport
{
  gboolean             heatmap;
  TractionRules        rules;
  char                *currency;
  GDate                today;

  /* heatmap */
  GPtrArray           *clients;     /* TractionClientRow, in print order */
  char               **names;
  char               **month_labels;
  char               **year_labels;
  TractionHeatmapData *data;

  /* client */
  TractionClientRow      *client;
  TractionScorecardDraft *draft;      /* latest scorecard; NULL without one */
  GPtrArray              *alerts;     /* TractionAlertRow */
  float                  *trend;      /* 12 months */
  char                  **trend_labels;
};

void
traction_health_report_free (TractionHealthReport *report)
{
  if (report == NULL)
    return;
  g_free (report->currency);
  g_clear_pointer (&report->clients, g_ptr_array_unref);
  g_strfreev (report->names);
  g_strfreev (report->month_labels);
  g_strfreev (report->year_labels);
  g_clear_pointer (&report->data, traction_heatmap_data_free);
  g_clear_pointer (&report->client, traction_client_row_free);
  g_clear_pointer (&report->draft, traction_scorecard_draft_free);
  g_clear_pointer (&report->alerts, g_ptr_array_unref);
  g_free (report->trend);
  g_strfreev (report->trend_labels);
  g_free (report);
}

static char *
format_month (const GDate *date,
              const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), 1, 0, 0, 0);

  return g_date_time_format (dt, format);
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (dt, "%x");
}

static void
window_start (const GDate *today,
              guint        n_months,
              GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (today), g_date_get_year (today));
  g_date_subtract_months (out, n_months - 1);
}

static void
month_labels (const GDate  *first,
              guint         n_months,
              char       ***months,
              char       ***years)
{
  *months = g_new0 (char *, n_months + 1);
  if (years != NULL)
    *years = g_new0 (char *, n_months + 1);
  for (guint j = 0; j < n_months; j++)
    {
      GDate month = *first;

      g_date_add_months (&month, j);
      (*months)[j] = format_month (&month, "%b");
      if (years != NULL)
        (*years)[j] = (j == 0 || g_date_get_month (&month) == G_DATE_JANUARY)
                      ? g_strdup_printf ("%d", g_date_get_year (&month)) : g_strdup ("");
    }
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const TractionClientRow *x = *(TractionClientRow * const *) a;
  const TractionClientRow *y = *(TractionClientRow * const *) b;

  if (x->has_score != y->has_score)
    return x->has_score ? -1 : 1;
  if (x->has_score && x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

TractionHealthReport *
traction_health_report_new_heatmap (TractionStore  *store,
                                    const GDate    *today,
                                    guint           n_months,
                                    GError        **error)
{
  g_autoptr(TractionHealthReport) report = g_new0 (TractionHealthReport, 1);
  g_autofree gint64 *ids = NULL;
  GDate first;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  n_months = CLAMP (n_months, 1, 120);
  report->heatmap = TRUE;
  report->today = *today;
  traction_store_get_rules (store, &report->rules);
  report->currency = traction_store_get_currency (store);
  report->clients = traction_store_list_clients (store, today, error);
  if (report->clients == NULL)
    return NULL;
  g_ptr_array_sort (report->clients, compare_by_score);

  ids = g_new0 (gint64, MAX (report->clients->len, 1));
  report->names = g_new0 (char *, report->clients->len + 1);
  for (guint i = 0; i < report->clients->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (report->clients, i);

      ids[i] = row->account_id;
      report->names[i] = g_strdup (row->name);
    }
  window_start (today, n_months, &first);
  report->data = traction_store_load_heatmap (store, ids, report->clients->len, &first, n_months, error);
  if (report->data == NULL)
    return NULL;
  month_labels (&report->data->first_month, report->data->n_months, &report->month_labels, &report->year_labels);
  return g_steal_pointer (&report);
}

TractionHealthReport *
traction_health_report_new_client (TractionStore  *store,
                                   gint64          account_id,
                                   const GDate    *today,
                                   GError        **error)
{
  g_autoptr(TractionHealthReport) report = g_new0 (TractionHealthReport, 1);
  TractionHeatmapData *data;
  GDate first;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  report->today = *today;
  traction_store_get_rules (store, &report->rules);
  report->currency = traction_store_get_currency (store);
  report->client = traction_store_get_client (store, account_id, today, error);
  if (report->client == NULL)
    return NULL;
  if (report->client->has_score)
    {
      report->draft = traction_store_load_scorecard (store, account_id, &report->client->score_month, error);
      if (report->draft == NULL)
        return NULL;
    }
  report->alerts = traction_store_list_client_alerts (store, account_id, error);
  if (report->alerts == NULL)
    return NULL;
  window_start (today, 12, &first);
  data = traction_store_load_heatmap (store, &account_id, 1, &first, 12, error);
  if (data == NULL)
    return NULL;
  report->trend = g_memdup2 (data->scores, sizeof (float) * 12);
  month_labels (&data->first_month, 12, &report->trend_labels, NULL);
  traction_heatmap_data_free (data);
  return g_steal_pointer (&report);
}

gboolean
traction_health_report_find_client (TractionStore  *store,
                                    const char     *name,
                                    const GDate    *today,
                                    gint64         *account_id,
                                    GError        **error)
{
  g_autoptr(GPtrArray) clients = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store) && name != NULL && account_id != NULL, FALSE);

  clients = traction_store_list_clients (store, today, error);
  if (clients == NULL)
    return FALSE;
  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < clients->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (clients, i);
      g_autofree char *folded = g_utf8_casefold (row->name, -1);

      if (g_str_equal (folded, wanted))
        {
          *account_id = row->account_id;
          return TRUE;
        }
    }
  g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
               _("No client is called “%s”: a client is an account with ARR or an active contract"), name);
  return FALSE;
}

/* Heatmap pages */

static guint
rows_per_page (const TractionHealthReport *report,
               double                      width,
               double                      height)
{
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  double room;

  traction_chart_theme_init_print (&theme, TRUE);
  traction_heatmap_geometry (&theme, traction_page_content_width (width), report->data->n_months, &g);
  room = traction_page_content_height (height) - HEATMAP_RESERVE - g.header_height;
  return (guint) MAX (floor (room / g.row_height), 1);
}

static char *
report_title (gpointer data)
{
  TractionHealthReport *report = data;

  if (report->heatmap)
    return g_strdup (_("Client Health Heatmap"));
  /* Translators: report title, "Client Health: Lumio Bank" */
  return g_strdup_printf (_("Client Health: %s"), report->client->name);
}

static int
report_n_pages (gpointer data,
                double   width,
                double   height)
{
  TractionHealthReport *report = data;
  guint per_page;

  if (!report->heatmap)
    return 1;
  per_page = rows_per_page (report, width, height);
  return (int) MAX ((report->data->n_clients + per_page - 1) / per_page, 1);
}

static void
draw_heatmap_page (TractionHealthReport *report,
                   TractionPage         *page)
{
  guint per_page = rows_per_page (report, page->width, page->height);
  guint first = (guint) (page->page_nr - 1) * per_page;
  g_autofree char *title = report_title (report);
  g_autofree char *intro = NULL;
  TractionHeatmap heatmap;

  if (page->page_nr == 1)
    traction_page_heading (page, title, TRACTION_HEADING_TITLE);
  else
    traction_page_space (page, 12);
  /* Translators: under the heatmap's title: "25 clients, lowest latest score first" */
  intro = g_strdup_printf (ngettext ("%u client, lowest latest score first. Each cell is a month’s health score.",
                                     "%u clients, lowest latest score first. Each cell is a month’s health score.",
                                     report->data->n_clients), report->data->n_clients);
  traction_page_paragraph (page, intro, TRUE);
  traction_chart_heatmap_legend (page->cr, &page->theme, page->left, page->y + 2,
                                 page->right - page->left, &report->rules);
  page->y = page->top + HEATMAP_RESERVE;

  if (report->data->n_clients == 0)
    {
      traction_page_paragraph (page, _("No clients yet."), TRUE);
      return;
    }
  heatmap = (TractionHeatmap) {
    .names = (const char * const *) report->names,
    .scores = report->data->scores,
    .n_rows = report->data->n_clients,
    .n_months = report->data->n_months,
    .month_labels = (const char * const *) report->month_labels,
    .year_labels = (const char * const *) report->year_labels,
    .rules = &report->rules,
    .first_row = first,
    .n_visible = per_page,
    .cursor_row = -1,
    .cursor_col = -1,
  };
  traction_chart_heatmap (page->cr, &page->theme, page->left, page->y, page->right - page->left,
                          page->bottom - page->y, &heatmap);
}

/* The client page */

static void
draw_client_page (TractionHealthReport *report,
                  TractionPage         *page)
{
  const TractionClientRow *client = report->client;
  g_autofree char *title = report_title (report);
  g_autofree char *arr = traction_money_format (client->arr_cents, report->currency, FALSE);
  g_autofree char *score = NULL, *band = NULL, *renewal = NULL, *trend = NULL, *lifecycle = NULL;
  TractionKeyFigure figures[4];
  double height;

  traction_page_heading (page, title, TRACTION_HEADING_TITLE);

  score = client->has_score ? g_strdup_printf ("%.1f", client->score) : g_strdup (_("None yet"));
  band = client->has_score ? format_month (&client->score_month, "%B %Y") : NULL;
  renewal = client->has_contract ? format_day (&client->renewal) : g_strdup (_("No contract"));
  if (client->has_trend)
    trend = g_strdup_printf (_("%+.1f since the month before"), client->score - client->previous_score);
  figures[0] = (TractionKeyFigure) { _("Health score"), score,
                                     client->has_score ? traction_health_band_label (client->band) : NULL };
  figures[1] = (TractionKeyFigure) { _("ARR"), arr, traction_segment_label (client->segment) };
  figures[2] = (TractionKeyFigure) { _("Renewal date"), renewal, NULL };
  figures[3] = (TractionKeyFigure) { _("Lifecycle"), traction_lifecycle_label (client->lifecycle), NULL };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 4);
  if (band != NULL)
    {
      g_autofree char *line = trend != NULL
        ? g_strdup_printf (_("Latest scorecard: %s. %s."), band, trend)
        : g_strdup_printf (_("Latest scorecard: %s."), band);
      traction_page_paragraph (page, line, TRUE);
    }
  lifecycle = g_strdup_printf (_("%s: %s"), traction_lifecycle_label (client->lifecycle),
                               traction_lifecycle_goal (client->lifecycle));
  traction_page_paragraph (page, lifecycle, FALSE);

  traction_page_heading (page, _("Health Over Twelve Months"), TRACTION_HEADING_SECTION);
  height = MIN (130.0, MAX (page->bottom - page->y - 200, 60));
  traction_chart_health_trend (page->cr, &page->theme, page->left, page->y, page->right - page->left, height,
                               report->trend, 12, (const char * const *) report->trend_labels, &report->rules);
  page->y += height + 8;

  if (report->draft != NULL)
    {
      static const TractionTableColumn columns[] = {
        { N_("Item"), 3.0, FALSE }, { N_("Score"), 1.0, TRUE }, { N_("Month before"), 1.2, TRUE },
        { N_("Points moved"), 1.2, TRUE },
      };
      TractionTableColumn translated[G_N_ELEMENTS (columns)];
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      TractionHealthChange change;
      gboolean explained = report->draft->has_previous
        && traction_health_explain (&report->draft->previous, &report->draft->input, &report->rules, &change, NULL);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          translated[c] = columns[c];
          translated[c].title = _(columns[c].title);
        }
      for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
        {
          g_ptr_array_add (cells, g_strdup (traction_health_item_label (i)));
          g_ptr_array_add (cells, g_strdup_printf ("%d/5", report->draft->input.items[i]));
          g_ptr_array_add (cells, report->draft->has_previous ? g_strdup_printf ("%d/5", report->draft->previous.items[i])
                                                              : g_strdup ("—"));
          g_ptr_array_add (cells, explained ? g_strdup_printf ("%+.1f", change.item_points[i]) : g_strdup ("—"));
        }
      for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
        {
          g_ptr_array_add (cells, g_strdup (traction_health_signal_label (s)));
          g_ptr_array_add (cells, g_strdup (report->draft->input.signals[s] ? _("Yes") : _("No")));
          g_ptr_array_add (cells, report->draft->has_previous
                                  ? g_strdup (report->draft->previous.signals[s] ? _("Yes") : _("No")) : g_strdup ("—"));
          g_ptr_array_add (cells, explained ? g_strdup_printf ("%+.1f", change.signal_points[s]) : g_strdup ("—"));
        }
      traction_page_heading (page, _("Latest Scorecard and Why the Score Moved"), TRACTION_HEADING_SECTION);
      traction_page_table (page, translated, G_N_ELEMENTS (translated), (const char * const *) cells->pdata,
                           TRACTION_N_HEALTH_ITEMS + TRACTION_N_HEALTH_SIGNALS);
      if (report->draft->notes != NULL && report->draft->notes[0] != '\0')
        traction_page_paragraph (page, report->draft->notes, TRUE);
    }

  traction_page_heading (page, _("Alerts"), TRACTION_HEADING_SECTION);
  {
    guint shown = 0;

    for (guint i = 0; i < report->alerts->len && shown < 6; i++)
      {
        const TractionAlertRow *alert = g_ptr_array_index (report->alerts, i);
        const char *status = g_strcmp0 (alert->status, "resolved") == 0 ? _("Resolved")
                             : g_strcmp0 (alert->status, "acknowledged") == 0 ? _("Acknowledged") : _("Open");
        g_autofree char *line = g_strdup_printf (_("%s (%s): %s"), traction_alert_title (alert->kind), status,
                                                 alert->response);

        traction_page_paragraph (page, line, FALSE);
        shown++;
      }
    if (shown == 0)
      traction_page_paragraph (page, _("No alerts."), TRUE);
  }
}

static void
report_draw_page (gpointer      data,
                  TractionPage *page)
{
  TractionHealthReport *report = data;

  if (report->heatmap)
    draw_heatmap_page (report, page);
  else
    draw_client_page (report, page);
}

static const TractionReportSpec spec = {
  report_title,
  report_n_pages,
  report_draw_page,
};

const TractionReportSpec *
traction_health_report_spec (void)
{
  return &spec;
}
