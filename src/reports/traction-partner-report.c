/* traction-partner-report.c: the one-page design-partner status, legible
 * in black and white: every state is a word, late milestones are hatched
 * and listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "traction-partner-report.h"
#include "traction-store-partners.h"
#include "traction-timeline.h"

struct _TractionPartnerReport
{
  GDate               today;
  char               *currency;
  TractionPartnerRow *partner;
  GPtrArray          *obligations;   /* TractionObligation */
  GPtrArray          *metrics;       /* TractionPartnerMetric */
  GPtrArray          *feedback;      /* TractionFeedbackItem */
};

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0.0);
  return g_date_time_format (dt, "%x");
}

TractionPartnerReport *
traction_partner_report_new (TractionStore  *store,
                             gint64          partner_id,
                             const GDate    *today,
                             GError        **error)
{
  g_autoptr(TractionPartnerReport) report = g_new0 (TractionPartnerReport, 1);

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  report->today = *today;
  report->currency = traction_store_get_currency (store);
  if ((report->partner = traction_store_get_partner (store, partner_id, today, error)) == NULL ||
      (report->obligations = traction_store_list_obligations (store, partner_id, error)) == NULL ||
      (report->metrics = traction_store_list_partner_metrics (store, partner_id, error)) == NULL ||
      (report->feedback = traction_store_list_feedback (store, partner_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&report);
}

void
traction_partner_report_free (TractionPartnerReport *report)
{
  if (report == NULL)
    return;
  g_free (report->currency);
  g_clear_pointer (&report->partner, traction_partner_row_free);
  g_clear_pointer (&report->obligations, g_ptr_array_unref);
  g_clear_pointer (&report->metrics, g_ptr_array_unref);
  g_clear_pointer (&report->feedback, g_ptr_array_unref);
  g_free (report);
}

char *
traction_partner_report_file_name (TractionPartnerReport *report)
{
  g_autofree char *name = NULL;
  char day[11];

  g_return_val_if_fail (report != NULL, NULL);

  name = traction_report_slug (report->partner->name, "partner");
  traction_date_format (&report->today, day);
  /* Translators: file name of the printed partner status; keep the %s */
  return g_strdup_printf (_("partner-status-%s-%s.pdf"), name, day);
}

static char *
levers_text (const TractionPartnerRow *p)
{
  GString *str = g_string_new (NULL);

  if (p->lever_early_signature)
    g_string_append (str, _("early signature"));
  if (p->lever_term)
    {
      g_autofree char *term = g_strdup_printf (ngettext ("%d-month term", "%d-month term", p->term_months),
                                               p->term_months);
      if (str->len > 0)
        g_string_append (str, _(", "));
      g_string_append (str, term);
    }
  if (p->lever_public_reference)
    {
      if (str->len > 0)
        g_string_append (str, _(", "));
      g_string_append (str, _("public reference"));
    }
  if (str->len == 0)
    g_string_append (str, _("no lever"));
  return g_string_free (str, FALSE);
}

static void
translate_columns (const TractionTableColumn *columns,
                   TractionTableColumn       *out,
                   gsize                      n)
{
  for (gsize i = 0; i < n; i++)
    {
      out[i] = columns[i];
      out[i].title = _(columns[i].title);
    }
}

static void
draw_page (const TractionPartnerReport *report,
           TractionPage                *page)
{
  const TractionPartnerRow *p = report->partner;
  g_autofree char *title = g_strdup_printf (_("Design Partner Status: %s"), p->name);
  g_autofree char *intro = NULL;
  g_autofree char *start = format_date (&p->start_on);
  g_autofree char *day = NULL;
  g_autofree char *day_detail = NULL;
  g_autofree char *late = NULL;
  g_autofree char *discount = NULL;
  g_autofree char *levers = levers_text (p);
  g_autofree char *score = g_strdup_printf (_("%d/25"), p->total);
  g_autofree char *arr = traction_money_format (p->arr_cents, report->currency, FALSE);
  TractionKeyFigure figures[5];
  int total_days = 0;

  traction_page_heading (page, title, TRACTION_HEADING_TITLE);
  /* Translators: "Status: Active · Stage: Negotiate & close · Go/No-Go: Go · Contact: Ana Ruiz" */
  intro = g_strdup_printf (_("Status: %s · Stage: %s · Go/No-Go: %s · Contact: %s"),
                           traction_partner_status_label (p->status),
                           traction_eval_stage_label (p->stage),
                           traction_go_no_go_label (p->go_no_go),
                           p->contact[0] != '\0' ? p->contact : _("none"));
  traction_page_paragraph (page, intro, TRUE);
  if (g_date_valid (&p->start_on))
    {
      /* Translators: "Agreement started 9/3/2026 for 6 months" */
      g_autofree char *started = g_strdup_printf (ngettext ("Agreement started %s for %d month",
                                                            "Agreement started %s for %d months",
                                                            p->duration_months),
                                                  start, p->duration_months);
      traction_page_paragraph (page, started, TRUE);
    }
  if (p->status == TRACTION_PARTNER_DISQUALIFIED && p->disqualify_reason[0] != '\0')
    {
      g_autofree char *why = g_strdup_printf (_("Disqualified: %s"), p->disqualify_reason);
      traction_page_paragraph (page, why, FALSE);
    }
  traction_page_space (page, 6);

  traction_partner_milestone_window (TRACTION_N_MILESTONES - 1, NULL, &total_days);
  if (p->day >= 0)
    {
      day = g_strdup_printf (_("Day %d"), p->day);
      day_detail = g_strdup_printf (_("of %d"), total_days);
    }
  else
    {
      day = g_strdup (_("Not started"));
      day_detail = g_strdup (_("No start date yet"));
    }
  late = p->n_late > 0
           ? g_strdup_printf (ngettext ("%u late", "%u late", p->n_late), p->n_late)
           : g_strdup (_("On time"));
  discount = g_strdup_printf (_("%d %%"), p->discount_pct);

  figures[0] = (TractionKeyFigure) { _("Partnership"), day, day_detail };
  figures[1] = (TractionKeyFigure) { _("Milestones"), late, p->n_late > 0 ? _("see the timeline") : NULL };
  figures[2] = (TractionKeyFigure) { _("Discount"), discount, levers };
  figures[3] = (TractionKeyFigure) { _("Candidate score"), score,
                                     p->qualifies ? _("qualifies (18+)") : _("below 18") };
  figures[4] = (TractionKeyFigure) { _("ARR"), arr, NULL };
  traction_page_key_figures (page, figures, G_N_ELEMENTS (figures), 5);

  /* Milestones */
  traction_page_heading (page, _("Milestones"), TRACTION_HEADING_SECTION);
  if (!g_date_valid (&p->start_on))
    traction_page_paragraph (page, _("The milestones start with the agreement: set its start date."), TRUE);
  else
    {
      TractionTimelineMilestone ms[TRACTION_N_MILESTONES];
      double height = 120;

      for (int m = 0; m < TRACTION_N_MILESTONES; m++)
        {
          ms[m].label = traction_partner_milestone_label (m);
          traction_partner_milestone_window (m, &ms[m].first_day, &ms[m].last_day);
          ms[m].state = p->milestone_state[m];
          ms[m].done_day = g_date_valid (&p->milestone_done[m])
                             ? g_date_days_between (&p->start_on, &p->milestone_done[m]) : -1;
        }
      traction_chart_timeline (page->cr, &page->theme, page->left, page->y,
                               page->right - page->left, height, ms, TRACTION_N_MILESTONES, p->day);
      page->y += height + 4;

      for (int m = 0; m < TRACTION_N_MILESTONES; m++)
        if (p->milestone_state[m] == TRACTION_MILESTONE_LATE)
          {
            GDate due;
            g_autofree char *due_text = NULL;
            g_autofree char *line = NULL;
            int days;

            traction_partner_milestone_due (m, &p->start_on, &due);
            due_text = format_date (&due);
            days = g_date_days_between (&due, &report->today);
            /* Translators: "Late: Production deployment, first real volume: due 10/1/2026, 52 days late. Waiting on …" */
            line = g_strdup_printf (ngettext ("Late: %s: due %s, %d day late. %s",
                                              "Late: %s: due %s, %d days late. %s", days),
                                    traction_partner_milestone_label (m), due_text, days,
                                    p->milestone_note[m]);
            traction_page_paragraph (page, g_strstrip (line), FALSE);
          }
    }

  /* Success metrics */
  traction_page_heading (page, _("Success Metrics"), TRACTION_HEADING_SECTION);
  if (report->metrics->len == 0)
    traction_page_paragraph (page, _("No success metrics recorded."), TRUE);
  else
    {
      static const TractionTableColumn columns[] = {
        { N_("Metric"), 4, FALSE },
        { N_("Target"), 3, FALSE },
        { N_("Measured at"), 1.6, FALSE },
        { N_("Result"), 3, FALSE },
        { N_("Status"), 1.4, FALSE },
      };
      TractionTableColumn translated[G_N_ELEMENTS (columns)];
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      translate_columns (columns, translated, G_N_ELEMENTS (columns));
      for (guint i = 0; i < report->metrics->len; i++)
        {
          const TractionPartnerMetric *metric = g_ptr_array_index (report->metrics, i);

          g_ptr_array_add (cells, g_strdup (metric->name));
          g_ptr_array_add (cells, g_strdup (metric->target));
          g_ptr_array_add (cells, metric->measured_at_day >= 0
                                    ? g_strdup_printf (_("Day %d"), metric->measured_at_day)
                                    : g_strdup ("—"));
          g_ptr_array_add (cells, g_strdup (metric->value[0] != '\0' ? metric->value : "—"));
          g_ptr_array_add (cells, g_strdup (traction_metric_status_label (metric->status)));
        }
      traction_page_table (page, translated, G_N_ELEMENTS (translated),
                           (const char * const *) cells->pdata, report->metrics->len);
    }

  /* Open obligations, both sides */
  traction_page_heading (page, _("Open Obligations"), TRACTION_HEADING_SECTION);
  {
    static const TractionTableColumn columns[] = {
      { N_("Side"), 1.6, FALSE },
      { N_("Obligation"), 7, FALSE },
      { N_("Due"), 2, FALSE },
      { N_("State"), 1.6, FALSE },
    };
    TractionTableColumn translated[G_N_ELEMENTS (columns)];
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    guint n = 0;

    translate_columns (columns, translated, G_N_ELEMENTS (columns));
    for (guint i = 0; i < report->obligations->len; i++)
      {
        const TractionObligation *item = g_ptr_array_index (report->obligations, i);
        gboolean overdue;

        if (g_date_valid (&item->done_on))
          continue;
        overdue = g_date_valid (&item->due_on) && g_date_compare (&item->due_on, &report->today) < 0;
        g_ptr_array_add (cells, g_strdup (item->side == TRACTION_OBLIGATION_THEY_GET ? _("They get") : _("We get")));
        g_ptr_array_add (cells, g_strdup (item->item));
        g_ptr_array_add (cells, format_date (&item->due_on));
        g_ptr_array_add (cells, g_strdup (overdue ? _("Overdue") : _("Open")));
        n++;
      }
    if (n == 0)
      traction_page_paragraph (page, _("Every obligation is done."), TRUE);
    else
      traction_page_table (page, translated, G_N_ELEMENTS (translated),
                           (const char * const *) cells->pdata, n);
  }

  /* Open feedback */
  traction_page_heading (page, _("Open Feedback"), TRACTION_HEADING_SECTION);
  {
    static const TractionTableColumn columns[] = {
      { N_("Kind"), 2, FALSE },
      { N_("Feedback"), 6, FALSE },
      { N_("Tags"), 2.6, FALSE },
      { N_("Logged"), 1.8, FALSE },
    };
    TractionTableColumn translated[G_N_ELEMENTS (columns)];
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    guint n = 0;

    translate_columns (columns, translated, G_N_ELEMENTS (columns));
    for (guint i = 0; i < report->feedback->len; i++)
      {
        const TractionFeedbackItem *item = g_ptr_array_index (report->feedback, i);
        g_auto(GStrv) tags = NULL;

        if (g_str_equal (item->status, "done") || g_str_equal (item->status, "wont_do"))
          continue;
        tags = g_strsplit (item->tags, ",", -1);
        g_ptr_array_add (cells, g_strdup (traction_feedback_kind_label (item->kind)));
        g_ptr_array_add (cells, g_strdup (item->title));
        g_ptr_array_add (cells, g_strjoinv (_(", "), tags));
        g_ptr_array_add (cells, format_date (&item->created_on));
        n++;
      }
    if (n == 0)
      traction_page_paragraph (page, _("No open feedback."), TRUE);
    else
      traction_page_table (page, translated, G_N_ELEMENTS (translated),
                           (const char * const *) cells->pdata, n);
  }
}

/* Spec */

static char *
report_title (gpointer data)
{
  TractionPartnerReport *report = data;

  return g_strdup_printf (_("Design Partner Status: %s"), report->partner->name);
}

static int
report_n_pages (gpointer data,
                double   width,
                double   height)
{
  return 1;
}

static void
report_draw_page (gpointer      data,
                  TractionPage *page)
{
  draw_page (data, page);
}

const TractionReportSpec *
traction_partner_report_spec (void)
{
  static const TractionReportSpec spec = {
    report_title,
    report_n_pages,
    report_draw_page,
  };

  return &spec;
}
