/* traction-revenue-page.c: the Revenue view (DOMAIN.md §6, §7).
 *
 * Every figure comes from traction_store_load_revenue, whose period
 * figures are traction_store_compute_metrics: what `traction-cli metrics`
 * prints for the same period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-revenue-page.h"
#include "traction-loader.h"
#include "traction-widgets.h"
#include "traction-chart-widget.h"
#include "traction-cs-dashboard.h"
#include "traction-movement-dialog.h"
#include "traction-movement-log.h"
#include "traction-print.h"
#include "traction-revenue-private.h"
#include "traction-revenue-charts.h"
#include "traction-store-watch.h"
#include "traction-window.h"

struct _TractionRevenuePage
{
  GtkWidget            parent_instance;

  /* template */
  GtkDropDown         *period_kind;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkWidget           *custom_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *period_label;
  GtkStack            *stack;
  GtkBox              *content_box;
  AdwStatusPage       *error_page;

  /* The figures: made with the first load, then updated in place (a
   * period step rebuilding the page cost the window a 25 ms frame). */
  GtkWidget           *figures_box;
  GtkFlowBox          *figures_flow;
  GtkLabel            *nrr_label;
  GtkWidget           *charts[4];     /* retention, bridge, mix, cohorts */
  GtkListBox          *tracker_list;
  GtkLabel            *renewals_label;
  GtkListBox          *renewals_list;
  GtkWidget           *log;           /* TractionMovementLog */

  TractionStore       *store;
  TractionRevenue     *revenue;       /* shared with the charts (RevenueHolder) */
  gpointer             holder;
  TractionPeriodKind   kind;
  GDate                from, to;
  gboolean             have_period;
  TractionLoader      *loader;        /* reads the figures off the main thread */
};

G_DEFINE_FINAL_TYPE (TractionRevenuePage, traction_revenue_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (TractionRevenuePage *self,
                    gboolean             now);

/* The revenue a load made, shared by the charts that draw it. */
typedef struct {
  TractionRevenue *revenue;
} RevenueHolder;

static void
holder_clear (gpointer data)
{
  RevenueHolder *holder = data;

  g_clear_pointer (&holder->revenue, traction_revenue_free);
}

static void
holder_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, holder_clear);
}

typedef struct {
  RevenueHolder        *holder;
  TractionRevenueChart  chart;
} ChartData;

static void
chart_data_free (gpointer data)
{
  ChartData *chart = data;

  holder_unref (chart->holder);
  g_free (chart);
}

/* Helpers */

static char *
money (TractionRevenuePage *self,
       gint64               cents,
       gboolean             compact)
{
  return traction_money_format (cents, self->revenue->currency, compact);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
section_new (const char *title,
             const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), label_new (title, "title-4"));
  if (description != NULL)
    gtk_box_append (GTK_BOX (box), label_new (description, "dim-label"));
  return box;
}

/* Charts */

static void
draw_chart (cairo_t                  *cr,
            const TractionChartTheme *theme,
            double                    width,
            double                    height,
            gpointer                  data)
{
  ChartData *chart = data;

  if (chart->holder->revenue != NULL)
    traction_revenue_chart_draw (chart->chart, cr, theme, width, height, chart->holder->revenue);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  ChartData *chart = data;
  TractionChartTheme theme;
  g_autofree char *text = NULL;

  if (keyboard || chart->holder->revenue == NULL)
    return FALSE;
  traction_chart_widget_get_theme (TRACTION_CHART_WIDGET (widget), &theme);
  text = traction_revenue_chart_tooltip (chart->chart, chart->holder->revenue, theme.font_size,
                                         gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                         x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
chart_new (TractionRevenuePage  *self,
           TractionRevenueChart  kind,
           int                   height,
           const char           *description)
{
  GtkWidget *widget = traction_chart_widget_new ();
  ChartData *chart = g_new0 (ChartData, 1);

  chart->holder = g_atomic_rc_box_acquire (self->holder);
  chart->chart = kind;
  traction_chart_widget_set_draw_func (TRACTION_CHART_WIDGET (widget), draw_chart, chart, chart_data_free);
  gtk_widget_set_size_request (widget, 280, height);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return widget;
}

/* Figures */

/* A card: the figure's name, its value, and a detail line. */
static GtkWidget *
figure_card_new (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = label_new (NULL, "title-2");

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), label_new (NULL, "caption-heading"));
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), label_new (NULL, "dim-label"));
  for (GtkWidget *c = gtk_widget_get_first_child (card); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gtk_widget_set_margin_start (c, 12);
      gtk_widget_set_margin_end (c, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 10);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 10);
  return card;
}

static void
figure_card_set (GtkWidget              *card,
                 const TractionCsFigure *figure)
{
  GtkWidget *name = gtk_widget_get_first_child (card);
  GtkWidget *value = gtk_widget_get_next_sibling (name);
  GtkWidget *detail = gtk_widget_get_next_sibling (value);
  gboolean has_detail = figure->detail[0] != '\0';

  gtk_label_set_text (GTK_LABEL (name), figure->label);
  gtk_label_set_text (GTK_LABEL (value), figure->value);
  gtk_label_set_text (GTK_LABEL (detail), figure->detail);
  gtk_widget_set_visible (detail, has_detail);
  gtk_widget_set_margin_bottom (value, has_detail ? 0 : 10);
}

static GtkFlowBox *
figures_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  return GTK_FLOW_BOX (flow);
}

/* The period's figures into the cards there are, adding or removing
 * cards when their number changed. */
static void
figures_update (TractionRevenuePage *self)
{
  g_autoptr(GPtrArray) figures = traction_cs_dashboard_figures (self->revenue);
  guint i = 0;
  GtkFlowBoxChild *child;

  for (; i < figures->len; i++)
    {
      child = gtk_flow_box_get_child_at_index (self->figures_flow, (int) i);
      if (child == NULL)
        {
          gtk_flow_box_append (self->figures_flow, figure_card_new ());
          child = gtk_flow_box_get_child_at_index (self->figures_flow, (int) i);
        }
      figure_card_set (gtk_flow_box_child_get_child (child), g_ptr_array_index (figures, i));
    }
  while ((child = gtk_flow_box_get_child_at_index (self->figures_flow, (int) i)) != NULL)
    gtk_flow_box_remove (self->figures_flow, GTK_WIDGET (child));
}

static GtkWidget *
suffix_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A boxed list with an accessible name. */
static GtkListBox *
boxed_list_new (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_LIST_BOX (list);
}

/* A list shows its first LIST_MAX_ROWS rows, then a row to show the rest:
 * a period of 100,000 movements moves thousands of clients, and a row per
 * client took the page seconds to build. */
#define LIST_MAX_ROWS 10

static GtkWidget *
tracker_row_new (gpointer data,
                 guint    index)
{
  TractionRevenuePage *self = data;
  const TractionExpansionRow *item = g_ptr_array_index (self->revenue->tracker, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *types = traction_expansion_row_types (item);
  g_autofree char *start = money (self, item->start_cents, FALSE);
  g_autofree char *end = money (self, item->end_cents, FALSE);
  g_autofree char *change = money (self, ABS (item->change_cents), FALSE);
  g_autofree char *range = g_strdup_printf (_("%s → %s"), start, end);
  g_autofree char *change_text = g_strdup_printf ("%s%s", item->change_cents < 0 ? "−" : "+", change);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->account);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), types);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (suffix), suffix_label (change_text,
                                                  item->change_cents < 0 ? "error" : "success"));
  gtk_box_append (GTK_BOX (suffix), suffix_label (range, "dim-label"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
tracker_update (TractionRevenuePage *self)
{
  GPtrArray *tracker = self->revenue->tracker;
  GString *key = g_string_new (self->revenue->currency);

  g_string_append_printf (key, " %u", tracker->len);
  for (guint i = 0; i < MIN (tracker->len, LIST_MAX_ROWS); i++)
    {
      const TractionExpansionRow *item = g_ptr_array_index (tracker, i);

      g_string_append_printf (key, "\x1f%s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              item->account, item->kinds, item->start_cents, item->end_cents, item->change_cents);
    }
  traction_list_box_set_rows (self->tracker_list, g_string_free (key, FALSE),
                              _("No client with ARR at the start moved in this period."),
                              tracker->len, LIST_MAX_ROWS, tracker_row_new, self);
}

static const char *
band_icon (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return "emblem-ok-symbolic";
    case TRACTION_BAND_MONITOR:  return "dialog-information-symbolic";
    case TRACTION_BAND_AT_RISK:  return "dialog-warning-symbolic";
    case TRACTION_BAND_CRITICAL:
    case TRACTION_N_BANDS:
    default:                     return "dialog-error-symbolic";
    }
}

static GtkWidget *
renewal_row_new (gpointer data,
                 guint    index)
{
  TractionRevenuePage *self = data;
  const TractionRevenueRenewal *renewal = g_ptr_array_index (self->revenue->renewals, index);
  const TractionRenewalRow *r = renewal->row;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *band_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *when = traction_revenue_format_date (&r->renewal, "%x");
  g_autofree char *start = traction_revenue_format_date (&r->work_start, "%x");
  g_autofree char *arr = money (self, r->arr_cents, FALSE);
  g_autofree char *forecast = money (self, renewal->forecast_cents, FALSE);
  g_autofree char *subtitle = NULL;
  g_autofree char *forecast_text = NULL;
  const char *band = r->has_health ? traction_health_band_label (r->band) : _("Not scored");

  /* Translators: renewal row subtitle: date, days left, tier, lead days, work start */
  subtitle = g_strdup_printf (ngettext ("Renews %s, in %d day · %s: work starts %d days ahead (%s)",
                                        "Renews %s, in %d days · %s: work starts %d days ahead (%s)",
                                        renewal->days_left),
                              when, renewal->days_left, traction_segment_label (renewal->segment),
                              renewal->lead_days, start);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->account);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (r->work_late)
    {
      GtkWidget *late = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      gtk_box_append (GTK_BOX (late), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (late), gtk_label_new (_("Work late")));
      gtk_widget_add_css_class (late, "warning");
      gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (late, _("Nothing happened with this client since renewal work should have started"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
    }

  gtk_box_append (GTK_BOX (band_box), gtk_image_new_from_icon_name (r->has_health ? band_icon (r->band)
                                                                                  : "dialog-question-symbolic"));
  gtk_box_append (GTK_BOX (band_box), gtk_label_new (band));
  gtk_widget_set_valign (band_box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (band_box, 110, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), band_box);

  /* Translators: renewal forecast, "$97,750.00 (85 % of $115,000.00)" */
  forecast_text = g_strdup_printf (_("%.0f %% of %s"), renewal->probability * 100.0, arr);
  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (figures), suffix_label (forecast, "heading"));
  gtk_box_append (GTK_BOX (figures), suffix_label (forecast_text, "dim-label"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures);
  return row;
}

static void
renewals_update (TractionRevenuePage *self)
{
  GPtrArray *renewals = self->revenue->renewals;
  GString *key = g_string_new (self->revenue->currency);

  g_string_append_printf (key, " %u", renewals->len);
  for (guint i = 0; i < MIN (renewals->len, LIST_MAX_ROWS); i++)
    {
      const TractionRevenueRenewal *renewal = g_ptr_array_index (renewals, i);
      const TractionRenewalRow *r = renewal->row;

      g_string_append_printf (key, "\x1f%s %u %u %d %d %d %d %d %d %g %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              r->account, g_date_get_julian (&r->renewal), g_date_get_julian (&r->work_start),
                              r->work_late, r->has_health, (int) r->band, (int) renewal->segment,
                              renewal->days_left, renewal->lead_days, renewal->probability,
                              r->arr_cents, renewal->forecast_cents);
    }
  traction_list_box_set_rows (self->renewals_list, g_string_free (key, FALSE),
                              _("No active contract renews in the next 180 days."),
                              renewals->len, LIST_MAX_ROWS, renewal_row_new, self);
}

/* Loading */

static void
update_period_label (TractionRevenuePage *self)
{
  TractionRules rules;
  g_autofree char *label = NULL;

  traction_store_get_rules (self->store, &rules);
  label = traction_period_label (self->kind, &self->from, &self->to, rules.fiscal_year_start_month);
  gtk_label_set_text (self->period_label, label);
  gtk_widget_set_visible (self->custom_box, self->kind == TRACTION_PERIOD_CUSTOM);
  gtk_widget_set_sensitive (self->previous_button, self->kind != TRACTION_PERIOD_CUSTOM);
  gtk_widget_set_sensitive (self->next_button, self->kind != TRACTION_PERIOD_CUSTOM);
}

/* What one load reads with: the period as of a day. */
typedef struct
{
  GDate from;
  GDate to;
  GDate today;
} RevenueArgs;

/* A load's result: apply_revenue() takes the figures (the charts share
 * them), the loader frees what is left. */
typedef struct
{
  TractionRevenue *revenue;
} RevenueLoad;

static void
revenue_load_free (gpointer data)
{
  RevenueLoad *load = data;

  g_clear_pointer (&load->revenue, traction_revenue_free);
  g_free (load);
}

static gpointer
load_revenue (TractionStore  *store,
              gconstpointer   args,
              GError        **error)
{
  const RevenueArgs *period = args;
  TractionRevenue *revenue = traction_store_load_revenue (store, &period->from, &period->to, &period->today, error);
  RevenueLoad *load;

  if (revenue == NULL)
    return NULL;
  load = g_new0 (RevenueLoad, 1);
  load->revenue = revenue;
  return load;
}

/* The sections of the figures, made once; apply_revenue() fills them. */
static void
build_figures (TractionRevenuePage *self)
{
  GtkWidget *box, *section, *row;

  box = self->figures_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_prepend (self->content_box, box);

  /* The answer first: NRR of the period, and why. */
  section = section_new (_("Retention"), NULL);
  self->figures_flow = figures_new ();
  gtk_box_append (GTK_BOX (section), GTK_WIDGET (self->figures_flow));
  self->nrr_label = GTK_LABEL (label_new (NULL, "numeric"));
  gtk_label_set_selectable (self->nrr_label, TRUE);
  gtk_box_append (GTK_BOX (section), GTK_WIDGET (self->nrr_label));
  gtk_box_append (GTK_BOX (box), section);

  section = section_new (_("NRR and GRR, Trailing Twelve Months"),
                         _("Each month: the clients who had ARR twelve months before, and what they pay now. "
                           "Hover a month for the exact figures."));
  self->charts[0] = chart_new (self, TRACTION_REVENUE_CHART_RETENTION, 300,
                               _("Line chart of NRR and GRR by month against the targets"));
  gtk_box_append (GTK_BOX (section), self->charts[0]);
  gtk_box_append (GTK_BOX (box), section);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (row), FALSE);
  section = section_new (_("ARR Bridge"), _("Every movement of the period, all clients."));
  self->charts[1] = chart_new (self, TRACTION_REVENUE_CHART_BRIDGE, 260,
                               _("Waterfall from start ARR through new, expansion, "
                                 "contraction and churn to end ARR"));
  gtk_box_append (GTK_BOX (section), self->charts[1]);
  gtk_widget_set_hexpand (section, TRUE);
  gtk_box_append (GTK_BOX (row), section);
  gtk_box_append (GTK_BOX (box), row);

  section = section_new (_("Expansion Mix"), NULL);
  self->charts[2] = chart_new (self, TRACTION_REVENUE_CHART_MIX, 130,
                               _("Cross-sell, upsell and usage growth against their targets"));
  gtk_box_append (GTK_BOX (section), self->charts[2]);
  gtk_box_append (GTK_BOX (box), section);

  section = section_new (_("Expansion Revenue Tracker"),
                         _("Clients who had ARR at the start and whose ARR moved in the period; "
                           "clients new in the period are in the bridge, not here."));
  self->tracker_list = boxed_list_new (_("Expansion revenue tracker"));
  gtk_box_append (GTK_BOX (section), GTK_WIDGET (self->tracker_list));
  gtk_box_append (GTK_BOX (box), section);

  section = section_new (_("Renewals in the Next 180 Days"), "");
  self->renewals_label = GTK_LABEL (gtk_widget_get_last_child (section));
  self->renewals_list = boxed_list_new (_("Renewals in the next 180 days"));
  gtk_box_append (GTK_BOX (section), GTK_WIDGET (self->renewals_list));
  gtk_box_append (GTK_BOX (box), section);

  section = section_new (_("Cohorts by Start Quarter"),
                         _("ARR kept by each cohort month by month, as a share of its ARR at the end of its "
                           "first quarter (M3 = 100). Bold figures are below 100."));
  self->charts[3] = chart_new (self, TRACTION_REVENUE_CHART_COHORTS, 40,
                               _("Table of ARR retained by cohort and month"));
  gtk_box_append (GTK_BOX (section), self->charts[3]);
  gtk_box_append (GTK_BOX (box), section);
}

static void
apply_revenue (GtkWidget    *view,
               gpointer      result,
               const GError *error)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (view);
  RevenueLoad *load = result;
  RevenueHolder *holder = self->holder;
  TractionRevenue *revenue;

  if (load == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The charts draw what the holder has. */
  revenue = g_steal_pointer (&load->revenue);
  g_clear_pointer (&holder->revenue, traction_revenue_free);
  self->revenue = holder->revenue = revenue;

  if (revenue->n_movements == 0)
    {
      /* The lists are refilled even hidden: a Show All still adding rows
       * stops, instead of reading the new, empty figures. */
      if (self->figures_box != NULL)
        {
          tracker_update (self);
          renewals_update (self);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  if (self->figures_box == NULL)
    build_figures (self);
  figures_update (self);
  {
    g_autofree char *line = traction_cs_dashboard_nrr_line (revenue);

    gtk_label_set_text (self->nrr_label, line);
  }
  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    gtk_widget_queue_draw (self->charts[i]);
  gtk_widget_set_size_request (self->charts[3], 280,
                               (int) MIN (40 + (revenue->cohorts != NULL ? revenue->cohorts->len : 0) * 26, 520));
  tracker_update (self);
  {
    g_autofree char *arr = money (self, revenue->renewals_arr_cents, FALSE);
    g_autofree char *forecast = money (self, revenue->renewals_forecast_cents, FALSE);
    /* Translators: renewals summary: ARR due and forecast */
    g_autofree char *text = g_strdup_printf (_("%s ARR up for renewal; forecast %s (Σ ARR × probability by health band)."),
                                             arr, forecast);

    gtk_label_set_text (self->renewals_label, text);
  }
  renewals_update (self);
}

/* Shows the period's figures: read on a worker thread (now: on the main
 * one, at once, for a view that must show them before it returns). */
static void
reload (TractionRevenuePage *self,
        gboolean             now)
{
  RevenueArgs args;

  if (self->store == NULL)
    return;

  /* The movement log of every client, below the figures; made with the
   * first load, not while the page is hidden. */
  if (self->log == NULL)
    {
      GtkWidget *log_section = section_new (_("ARR Movements"),
                                            _("Every change of a client's ARR: add, edit or delete (with Undo) here."));

      self->log = traction_movement_log_new (self->store, 0);
      gtk_box_append (GTK_BOX (log_section), self->log);
      gtk_box_append (self->content_box, log_section);
    }

  traction_date_today (&args.today);
  if (!self->have_period)
    {
      TractionRules rules;

      traction_store_get_rules (self->store, &rules);
      self->kind = TRACTION_PERIOD_QUARTER;
      traction_period_bounds (self->kind, &args.today, rules.fiscal_year_start_month, &self->from, &self->to);
      self->have_period = TRUE;
    }
  update_period_label (self);

  args.from = self->from;
  args.to = self->to;
  traction_loader_set_args (self->loader, &args, sizeof args);
  if (now)
    traction_loader_run_now (self->loader);
  else
    traction_loader_start (self->loader);
}

static void
reload_cb (GtkWidget *widget)
{
  reload (TRACTION_REVENUE_PAGE (widget), FALSE);
}

/* Period */

static void
period_kind_cb (TractionRevenuePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_kind);
  TractionRules rules;
  GDate anchor;

  if (self->store == NULL || selected > TRACTION_PERIOD_CUSTOM || (TractionPeriodKind) selected == self->kind)
    return;

  traction_store_get_rules (self->store, &rules);
  self->kind = (TractionPeriodKind) selected;
  if (self->kind == TRACTION_PERIOD_CUSTOM)
    {
      char from[16], to[16];
      GDate last = self->to;

      g_date_subtract_days (&last, 1);
      traction_date_format (&self->from, from);
      traction_date_format (&last, to);
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
      update_period_label (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }

  /* The period of the new kind that holds the last day shown. */
  anchor = self->to;
  g_date_subtract_days (&anchor, 1);
  traction_period_bounds (self->kind, &anchor, rules.fiscal_year_start_month, &self->from, &self->to);
  reload (self, FALSE);
}

static void
custom_apply_cb (TractionRevenuePage *self)
{
  g_autofree char *from_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))));
  g_autofree char *to_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))));
  GDate from, to;

  if (!traction_date_parse (from_text, &from, NULL) || !traction_date_parse (to_text, &to, NULL))
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("Dates Not Understood"),
                         _("Enter both days as YYYY-MM-DD, for example 2026-07-01 and 2026-09-30."));
      return;
    }
  /* The last day is included on screen; the period ends the day after. */
  g_date_add_days (&to, 1);
  if (g_date_compare (&from, &to) >= 0)
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("Dates Not Understood"), _("The period must end after it starts."));
      return;
    }
  traction_revenue_page_set_period (self, TRACTION_PERIOD_CUSTOM, &from, &to);
}

static void
shift_period (TractionRevenuePage *self,
              int                  steps)
{
  TractionRules rules;

  if (self->store == NULL || self->kind == TRACTION_PERIOD_CUSTOM)
    return;
  traction_store_get_rules (self->store, &rules);
  traction_period_shift (self->kind, &self->from, rules.fiscal_year_start_month, steps, &self->from, &self->to);
  reload (self, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shift_period (TRACTION_REVENUE_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shift_period (TRACTION_REVENUE_PAGE (widget), 1);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (widget);

  if (self->log != NULL)
    traction_movement_log_add (TRACTION_MOVEMENT_LOG (self->log));
}

static TractionCsDashboard *
dashboard_new (TractionRevenuePage  *self,
               char                **file_name)
{
  g_autoptr(GError) error = NULL;
  TractionCsDashboard *dashboard;
  GDate today;

  traction_date_today (&today);
  dashboard = traction_cs_dashboard_new (self->store, &self->from, &self->to, &today, &error);
  if (dashboard == NULL)
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("Could Not Prepare the Report"), error->message);
      return NULL;
    }
  *file_name = traction_cs_dashboard_file_name (dashboard);
  return dashboard;
}

/* Print (the dialog) or export (a PDF file) the CS dashboard. */
static void
output_dashboard (GtkWidget *widget,
                  gboolean   to_pdf)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionCsDashboard *dashboard;

  if (self->store == NULL || (dashboard = dashboard_new (self, &file_name)) == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  if (to_pdf)
    traction_export_report_pdf (widget, traction_cs_dashboard_spec (), dashboard,
                                (GDestroyNotify) traction_cs_dashboard_free, company, file_name);
  else
    traction_print_report (widget, traction_cs_dashboard_spec (), dashboard,
                           (GDestroyNotify) traction_cs_dashboard_free, company);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  output_dashboard (widget, FALSE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  output_dashboard (widget, TRUE);
}

/* CSV import with a preview */

typedef struct {
  TractionRevenuePage *self;
  GBytes              *contents;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_object_unref (import->self);
  g_bytes_unref (import->contents);
  g_free (import);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          data)
{
  ImportData *import = data;
  TractionRevenuePage *self = import->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gsize length = 0;
  const char *text = g_bytes_get_data (import->contents, &length);
  guint imported = 0;

  if (g_strcmp0 (response, "import") != 0 || self->store == NULL)
    return;
  if (!traction_store_import_movements_csv (self->store, text, length, &imported, &error))
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("Could Not Import the Movements"), error->message);
      return;
    }
  title = g_strdup_printf (ngettext ("Imported %u ARR movement", "Imported %u ARR movements", imported), imported);
  traction_revenue_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
show_preview (TractionRevenuePage *self,
              GBytes              *contents,
              const char          *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *currency = traction_store_get_currency (self->store);
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *scrolled, *list;
  gsize length = 0;
  const char *text = g_bytes_get_data (contents, &length);
  ImportData *import;
  GDate today;
  guint shown;

  rows = traction_store_preview_movements_csv (self->store, text, length, &error);
  if (rows == NULL)
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("The File Cannot Be Imported"), error->message);
      return;
    }
  if (!GTK_IS_WINDOW (root))
    return;

  traction_date_today (&today);
  clients = traction_store_list_revenue_clients (self->store, &today, NULL);
  for (guint i = 0; clients != NULL && i < clients->len; i++)
    g_hash_table_add (known, ((TractionRevenueClient *) g_ptr_array_index (clients, i))->name);
  for (guint i = 0; i < rows->len; i++)
    {
      TractionMovementRow *row = g_ptr_array_index (rows, i);

      if (!g_hash_table_contains (known, row->account))
        g_hash_table_add (fresh, row->account);
    }

  /* Translators: import preview: movements, file, new clients */
  body = g_strdup_printf (ngettext ("%u movement from “%s” will be added (%u new client). Nothing is written until you import.",
                                    "%u movements from “%s” will be added (%u new clients). Nothing is written until you import.",
                                    rows->len),
                          rows->len, file_name, g_hash_table_size (fresh));
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Import ARR Movements?"), body);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  shown = MIN (rows->len, 500);
  for (guint i = 0; i < shown; i++)
    {
      TractionMovementRow *move = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *amount = traction_money_format (move->amount_cents, currency, FALSE);
      g_autofree char *date = traction_revenue_format_date (&move->date, "%x");
      g_autofree char *subtitle = NULL;

      subtitle = g_hash_table_contains (fresh, move->account)
                 /* Translators: import preview row: date, kind, "(new client)" */
                 ? g_strdup_printf (_("%s · %s · new client"), date, traction_move_kind_label (move->kind))
                 : g_strdup_printf (_("%s · %s"), date, traction_move_kind_label (move->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), move->account);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (amount, NULL));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (shown < rows->len)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("And %u more"), rows->len - shown);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (shown * 56 + 8, 320));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  import = g_new0 (ImportData, 1);
  import->self = g_object_ref (self);
  import->contents = g_bytes_ref (contents);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_response_cb), import,
                         (GClosureNotify) (void (*) (void)) import_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_file_cb (GtkNativeDialog *native,
                int              response,
                gpointer         data)
{
  TractionRevenuePage *self = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || self->store == NULL)
    {
      g_object_unref (self);
      return;
    }

  name = g_file_get_basename (file);
  contents = g_file_load_bytes (file, NULL, NULL, &error);
  if (contents == NULL)
    traction_revenue_show_error (GTK_WIDGET (self), _("Could Not Read the File"), error->message);
  else
    show_preview (self, contents, name);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Import ARR Movements"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Preview"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (import_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject */

static void
traction_revenue_page_dispose (GObject *object)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->loader, traction_loader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_REVENUE_PAGE);
  /* The template's outer box has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  if (self->holder != NULL)
    {
      holder_unref (self->holder);
      self->holder = NULL;
      self->revenue = NULL;
    }

  G_OBJECT_CLASS (traction_revenue_page_parent_class)->dispose (object);
}

static void
traction_revenue_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_revenue_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TractionRevenuePage *self = TRACTION_REVENUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_revenue_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_revenue_page_class_init (TractionRevenuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_revenue_page_dispose;
  object_class->get_property = traction_revenue_page_get_property;
  object_class->set_property = traction_revenue_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/revenue/traction-revenue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, period_kind);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, period_label);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, content_box);
  gtk_widget_class_bind_template_child (widget_class, TractionRevenuePage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, period_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_apply_cb);

  gtk_widget_class_install_action (widget_class, "revenue.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "revenue.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "revenue.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "revenue.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "revenue.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "revenue.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "revenue.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "revenue.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "revenue.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "revenue.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "revenue.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "revenue.export-pdf", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "revenuepage");

  g_type_ensure (TRACTION_TYPE_CHART_WIDGET);
}

static void
traction_revenue_page_init (TractionRevenuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = TRACTION_PERIOD_QUARTER;
  self->holder = g_atomic_rc_box_new0 (RevenueHolder);
  self->loader = traction_loader_new (GTK_WIDGET (self), load_revenue, apply_revenue, revenue_load_free);
}

/* Public API */

GtkWidget *
traction_revenue_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_REVENUE_PAGE, "store", store, NULL);
}

TractionStore *
traction_revenue_page_get_store (TractionRevenuePage *self)
{
  g_return_val_if_fail (TRACTION_IS_REVENUE_PAGE (self), NULL);
  return self->store;
}

void
traction_revenue_page_set_store (TractionRevenuePage *self,
                                 TractionStore       *store)
{
  g_return_if_fail (TRACTION_IS_REVENUE_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  traction_loader_set_store (self->loader, store);
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);

  /* The movement log of every client, below the figures. */
  if (self->log != NULL)
    {
      gtk_box_remove (self->content_box, gtk_widget_get_parent (self->log));
      self->log = NULL;
    }

  self->have_period = FALSE;
  /* A hidden page loads when it is first shown (the window makes every
   * view at start). */
  if (!traction_store_watch_defer (GTK_WIDGET (self)))
    reload (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_revenue_page_set_period (TractionRevenuePage *self,
                                  TractionPeriodKind   kind,
                                  const GDate         *from,
                                  const GDate         *to)
{
  g_return_if_fail (TRACTION_IS_REVENUE_PAGE (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (g_date_compare (from, to) < 0);

  self->kind = kind;
  self->from = *from;
  self->to = *to;
  self->have_period = TRUE;
  if (gtk_drop_down_get_selected (self->period_kind) != (guint) kind)
    gtk_drop_down_set_selected (self->period_kind, kind);   /* period_kind_cb sees the same kind */
  reload (self, TRUE);
}

const TractionRevenue *
traction_revenue_page_get_revenue (TractionRevenuePage *self)
{
  g_return_val_if_fail (TRACTION_IS_REVENUE_PAGE (self), NULL);
  return self->revenue;
}
