/* traction-review-view.c: the monthly pipeline review on screen.
 *
 * The figures and their words come from reports/traction-pipeline-review
 * and the funnel from the same chart routine as the printed page; Print…
 * and Export PDF… hand the loaded review to ui/traction-print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-chart-widget.h"
#include "traction-pipeline-review.h"
#include "traction-print.h"
#include "traction-review-view.h"
#include "traction-store-watch.h"

struct _TractionReviewView
{
  GtkWidget               parent_instance;

  /* template */
  GtkStack               *stack;
  GtkLabel               *month_label;
  GtkLabel               *scope_label;
  GtkFlowBox             *stages_box;
  GtkFlowBox             *pipeline_box;
  AdwPreferencesGroup    *month_group;
  GtkFlowBox             *month_box;
  GtkListBox             *win_list;
  GtkListBox             *loss_list;
  AdwPreferencesGroup    *funnel_group;
  TractionChartWidget    *funnel;
  AdwStatusPage          *error_page;

  TractionStore          *store;
  TractionPipelineReview *review;
  int                     year;
  int                     month;
};

G_DEFINE_FINAL_TYPE (TractionReviewView, traction_review_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
    }
}

static GtkWidget *
figure_card (const TractionReviewFigure *figure)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (figure->label);
  GtkWidget *value = gtk_label_new (figure->value);
  GtkWidget *detail = gtk_label_new (figure->detail);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");

  gtk_widget_set_margin_bottom (detail, 12);
  gtk_widget_set_margin_start (detail, 12);
  gtk_widget_set_margin_end (detail, 12);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_visible (detail, figure->detail[0] != '\0');

  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), detail);

  /* Screen readers hear "Coverage: 2.4×, need 3.0× · Below target". */
  {
    g_autofree char *spoken = figure->detail[0] != '\0'
                              ? g_strdup_printf ("%s: %s, %s", figure->label, figure->value, figure->detail)
                              : g_strdup_printf ("%s: %s", figure->label, figure->value);

    gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  return card;
}

static void
fill_figures (GtkFlowBox *box,
              GPtrArray  *figures)
{
  remove_children (GTK_WIDGET (box));
  for (guint i = 0; i < figures->len; i++)
    gtk_flow_box_append (box, figure_card (g_ptr_array_index (figures, i)));
}

static void
fill_reasons (GtkListBox *list,
              GPtrArray  *reasons)
{
  remove_children (GTK_WIDGET (list));

  if (reasons->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None recorded this month"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
      return;
    }

  for (guint i = 0; i < reasons->len; i++)
    {
      const TractionReasonCount *reason = g_ptr_array_index (reasons, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf (ngettext ("%d deal", "%d deals", reason->count),
                                                reason->count);
      GtkWidget *suffix = gtk_label_new (count);

      /* User text: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reason->name);
      gtk_widget_add_css_class (suffix, "numeric");
      gtk_widget_add_css_class (suffix, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_list_box_append (list, row);
    }
}

static void
draw_funnel (cairo_t                  *cr,
             const TractionChartTheme *theme,
             double                    width,
             double                    height,
             gpointer                  data)
{
  TractionPipelineReview *review = data;
  TractionFunnelStep steps[TRACTION_FUNNEL_STEPS];

  traction_pipeline_review_funnel_steps (review, steps);
  traction_chart_funnel (cr, theme, 0, 0, width, height, steps,
                         review->funnel_reached[0] > 0 ? TRACTION_FUNNEL_STEPS : 0);
}

static void
today_month (int *year,
             int *month)
{
  GDate today;

  g_date_clear (&today, 1);
  traction_date_today (&today);
  *year = g_date_get_year (&today);
  *month = g_date_get_month (&today);
}

static void
update_actions (TractionReviewView *self)
{
  int year, month;

  today_month (&year, &month);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next-month",
                                 self->year * 12 + self->month < year * 12 + month);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous-month",
                                 self->year * 12 + self->month > 1 * 12 + 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print", self->review != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-pdf", self->review != NULL);
}

static void
refresh (TractionReviewView *self)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) pipeline = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *funnel_note = NULL;
  g_autofree char *funnel_from = NULL;
  GDate today;

  g_clear_pointer (&self->review, traction_pipeline_review_unref);
  month = traction_pipeline_review_month_label (self->year, self->month);
  gtk_label_set_text (self->month_label, month);

  if (self->store == NULL)
    {
      traction_chart_widget_set_draw_func (self->funnel, NULL, NULL, NULL);
      update_actions (self);
      return;
    }

  g_date_clear (&today, 1);
  traction_date_today (&today);
  review = traction_store_load_pipeline_review (self->store, self->year, self->month, &today, &error);
  if (review == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      traction_chart_widget_set_draw_func (self->funnel, NULL, NULL, NULL);
      update_actions (self);
      return;
    }

  scope = traction_pipeline_review_scope_text (review);
  gtk_label_set_text (self->scope_label, scope);

  stages = traction_pipeline_review_stage_figures (review);
  pipeline = traction_pipeline_review_pipeline_figures (review);
  activity = traction_pipeline_review_month_figures (review);
  fill_figures (self->stages_box, stages);
  fill_figures (self->pipeline_box, pipeline);
  fill_figures (self->month_box, activity);
  adw_preferences_group_set_title (self->month_group, month);
  fill_reasons (self->win_list, review->win_reasons);
  fill_reasons (self->loss_list, review->loss_reasons);

  {
    g_autoptr(GDateTime) from = g_date_time_new_local (g_date_get_year (&review->funnel_from),
                                                       g_date_get_month (&review->funnel_from),
                                                       1, 0, 0, 0.0);

    /* Translators: a month and year, see g_date_time_format(); e.g. "November 2025". */
    funnel_from = g_date_time_format (from, _("%OB %Y"));
  }
  funnel_note = g_strdup_printf (_("Deals created from %s to the end of %s, by the furthest stage "
                                   "each reached; the shaded band is the target conversion."),
                                 funnel_from, month);
  adw_preferences_group_set_description (self->funnel_group, funnel_note);

  summary = traction_pipeline_review_funnel_summary (review);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->funnel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  traction_chart_widget_set_draw_func (self->funnel, draw_funnel,
                                       traction_pipeline_review_ref (review),
                                       (GDestroyNotify)traction_pipeline_review_unref);

  self->review = g_steal_pointer (&review);
  gtk_stack_set_visible_child_name (self->stack, "content");
  update_actions (self);
}

/* Signal callbacks */

static void
reload_cb (GtkWidget *view)
{
  refresh (TRACTION_REVIEW_VIEW (view));
}

static void
move_month (TractionReviewView *self,
            int                 delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  traction_review_view_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_month (TRACTION_REVIEW_VIEW (widget), -1);
}

static void
next_month_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  move_month (TRACTION_REVIEW_VIEW (widget), 1);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  TractionReviewView *self = TRACTION_REVIEW_VIEW (widget);

  if (self->review == NULL)
    return;

  traction_print_report (widget, traction_pipeline_review_report (),
                         traction_pipeline_review_ref (self->review),
                         (GDestroyNotify)traction_pipeline_review_unref,
                         self->review->company);
}

static void
export_pdf_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionReviewView *self = TRACTION_REVIEW_VIEW (widget);
  g_autofree char *file_name = NULL;

  if (self->review == NULL)
    return;

  file_name = traction_pipeline_review_file_name (self->review);
  traction_export_report_pdf (widget, traction_pipeline_review_report (),
                              traction_pipeline_review_ref (self->review),
                              (GDestroyNotify)traction_pipeline_review_unref,
                              self->review->company, file_name);
}

/* Overrides */

static void
traction_review_view_dispose (GObject *object)
{
  TractionReviewView *self = TRACTION_REVIEW_VIEW (object);

  traction_store_watch_settle (GTK_WIDGET (self));
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->review, traction_pipeline_review_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_REVIEW_VIEW);

  G_OBJECT_CLASS (traction_review_view_parent_class)->dispose (object);
}

static void
traction_review_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TractionReviewView *self = TRACTION_REVIEW_VIEW (object);

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
traction_review_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TractionReviewView *self = TRACTION_REVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_review_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_review_view_class_init (TractionReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_review_view_dispose;
  object_class->get_property = traction_review_view_get_property;
  object_class->set_property = traction_review_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRACTION_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/pipeline/traction-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, month_label);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, stages_box);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, pipeline_box);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, month_group);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, month_box);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, win_list);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, loss_list);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, funnel_group);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, funnel);
  gtk_widget_class_bind_template_child (widget_class, TractionReviewView, error_page);

  gtk_widget_class_install_action (widget_class, "review.previous-month", NULL, previous_month_cb);
  gtk_widget_class_install_action (widget_class, "review.next-month", NULL, next_month_cb);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, export_pdf_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "review.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
traction_review_view_init (TractionReviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  today_month (&self->year, &self->month);
  refresh (self);
}

/* Public API */

GtkWidget *
traction_review_view_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_REVIEW_VIEW, "store", store, NULL);
}

TractionStore *
traction_review_view_get_store (TractionReviewView *self)
{
  g_return_val_if_fail (TRACTION_IS_REVIEW_VIEW (self), NULL);

  return self->store;
}

void
traction_review_view_set_store (TractionReviewView *self,
                                TractionStore      *store)
{
  g_return_if_fail (TRACTION_IS_REVIEW_VIEW (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);
  /* Loaded when first shown: the page makes this view with the board. */
  if (!traction_store_watch_defer (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_review_view_set_month (TractionReviewView *self,
                                int                 year,
                                int                 month)
{
  g_return_if_fail (TRACTION_IS_REVIEW_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1 && year <= 9998);

  if (self->year == year && self->month == month)
    return;

  self->year = year;
  self->month = month;
  traction_store_watch_settle (GTK_WIDGET (self));
  refresh (self);
}

int
traction_review_view_get_year (TractionReviewView *self)
{
  g_return_val_if_fail (TRACTION_IS_REVIEW_VIEW (self), 0);

  return self->year;
}

int
traction_review_view_get_month (TractionReviewView *self)
{
  g_return_val_if_fail (TRACTION_IS_REVIEW_VIEW (self), 0);

  return self->month;
}

void
traction_review_view_refresh (TractionReviewView *self)
{
  g_return_if_fail (TRACTION_IS_REVIEW_VIEW (self));

  traction_store_watch_settle (GTK_WIDGET (self));
  refresh (self);
}
