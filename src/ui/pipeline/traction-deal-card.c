/* traction-deal-card.c: a deal on the pipeline board.
 *
 * A card is recycled by its column's GtkListView: traction_deal_card_set_item
 * rewrites every fact. It is the drag source of its deal (a gint64 id) and
 * offers "Move to…" through the page's board.move-deal action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-deal-card.h"

struct _TractionDealCard
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkLabel       *company_label;
  GtkLabel       *name_label;
  GtkMenuButton  *menu_button;
  GtkLabel       *arr_label;
  GtkLabel       *bant_label;
  GtkLabel       *days_label;
  GtkImage       *step_icon;
  GtkLabel       *step_label;
  GtkWidget      *marks_box;
  GtkWidget      *stalled_mark;
  GtkWidget      *paused_mark;

  gint64          deal_id;
  TractionStage   stage;
};

G_DEFINE_FINAL_TYPE (TractionDealCard, traction_deal_card, GTK_TYPE_WIDGET)

static const char * const bant_classes[] = { "bant-high", "bant-medium", "bant-low", "bant-none" };
static const char * const step_classes[] = { "error", "warning", "dim-label" };

/* Helpers */

static void
set_one_class (GtkWidget          *widget,
               const char * const *classes,
               guint               n_classes,
               const char         *wanted)
{
  for (guint i = 0; i < n_classes; i++)
    if (g_strcmp0 (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0.0);
}

static void
fill_bant (TractionDealCard        *self,
           const TractionBoardDeal *deal)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *css;

  if (deal->bant_total < 0)
    {
      gtk_label_set_text (self->bant_label, _("BANT —"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->bant_label), _("Not qualified yet: no BANT scoring"));
      set_one_class (GTK_WIDGET (self->bant_label), bant_classes, G_N_ELEMENTS (bant_classes), "bant-none");
      return;
    }

  /* Translators: BANT total on a deal card, "BANT 14/20" */
  text = g_strdup_printf (_("BANT %d/20"), deal->bant_total);
  if (deal->bant_total >= 16)
    css = "bant-high";
  else if (deal->bant_total >= 12)
    css = "bant-medium";
  else
    css = "bant-low";
  /* Translators: tooltip of the BANT badge: total and what it means */
  tooltip = g_strdup_printf (_("Qualification score %d of 20"), deal->bant_total);
  gtk_label_set_text (self->bant_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bant_label), tooltip);
  set_one_class (GTK_WIDGET (self->bant_label), bant_classes, G_N_ELEMENTS (bant_classes), css);
}

static void
fill_next_step (TractionDealCard        *self,
                const TractionBoardDeal *deal,
                const GDate             *today)
{
  g_autofree char *text = NULL;
  const char *icon;
  const char *css;

  if (deal->next_action[0] == '\0')
    {
      if (traction_stage_is_open (deal->stage))
        {
          gtk_image_set_from_icon_name (self->step_icon, "dialog-question-symbolic");
          gtk_label_set_text (self->step_label, _("Nothing planned: add a next step"));
          set_one_class (GTK_WIDGET (self->step_label), step_classes, G_N_ELEMENTS (step_classes), "warning");
          set_one_class (GTK_WIDGET (self->step_icon), step_classes, G_N_ELEMENTS (step_classes), "warning");
          gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->step_label)), TRUE);
        }
      else
        gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->step_label)), FALSE);
      return;
    }

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->step_label)), TRUE);
  if (!g_date_valid (&deal->next_due))
    {
      icon = "task-due-symbolic";
      css = "dim-label";
      text = g_strdup (deal->next_action);
    }
  else
    {
      int days = traction_date_diff (today, &deal->next_due);

      if (days < 0)
        {
          icon = "task-past-due-symbolic";
          css = "error";
          /* Translators: next step on a card: "Send proposal · 3 days overdue" */
          text = g_strdup_printf (ngettext ("%s · %d day overdue", "%s · %d days overdue", -days),
                                  deal->next_action, -days);
        }
      else if (days == 0)
        {
          icon = "alarm-symbolic";
          css = "warning";
          /* Translators: next step on a card: "Send proposal · due today" */
          text = g_strdup_printf (_("%s · due today"), deal->next_action);
        }
      else
        {
          g_autoptr(GDateTime) due = date_time_from_date (&deal->next_due);
          /* Translators: a short date on a card, see g_date_time_format(); "Nov 30" */
          g_autofree char *when = g_date_time_format (due, _("%b %-d"));

          icon = "task-due-symbolic";
          css = "dim-label";
          /* Translators: next step on a card: "Send proposal · Nov 30" */
          text = g_strdup_printf (_("%s · %s"), deal->next_action, when);
        }
    }

  gtk_image_set_from_icon_name (self->step_icon, icon);
  gtk_label_set_text (self->step_label, text);
  set_one_class (GTK_WIDGET (self->step_label), step_classes, G_N_ELEMENTS (step_classes),
                 g_strcmp0 (css, "dim-label") == 0 ? NULL : css);
  set_one_class (GTK_WIDGET (self->step_icon), step_classes, G_N_ELEMENTS (step_classes), css);
}

/* Signal callbacks */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource    *source,
                 double            x,
                 double            y,
                 TractionDealCard *self)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  if (self->deal_id <= 0)
    return NULL;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, self->deal_id);
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

static void
drag_begin_cb (GtkDragSource    *source,
               GdkDrag          *drag,
               TractionDealCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->box);

  gtk_drag_source_set_icon (source, paintable, 16, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource    *source,
             GdkDrag          *drag,
             gboolean          delete_data,
             TractionDealCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
click_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   TractionDealCard *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (self->deal_id <= 0 || n_press != 1)
    return;
  /* The menu button handles its own clicks. */
  if (picked != NULL && gtk_widget_is_ancestor (picked, GTK_WIDGET (self->menu_button)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "board.open-deal", "x", self->deal_id);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (user_data);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (stage == (int) self->stage)
        continue;
      item = g_menu_item_new (traction_stage_label (stage), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move-deal",
                                               g_variant_new ("(xs)", self->deal_id,
                                                              traction_stage_to_id (stage)));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, _("Move to"), G_MENU_MODEL (section));
  {
    g_autoptr(GMenuItem) open = g_menu_item_new (_("Open Deal"), NULL);

    g_menu_item_set_action_and_target_value (open, "board.open-deal", g_variant_new_int64 (self->deal_id));
    g_menu_append_item (menu, open);
  }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* GObject overrides */

static void
traction_deal_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRACTION_TYPE_DEAL_CARD);

  G_OBJECT_CLASS (traction_deal_card_parent_class)->dispose (object);
}

static void
traction_deal_card_class_init (TractionDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_deal_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/pipeline/traction-deal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, box);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, company_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, arr_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, bant_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, days_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, step_icon);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, step_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, marks_box);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, stalled_mark);
  gtk_widget_class_bind_template_child (widget_class, TractionDealCard, paused_mark);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dealcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
traction_deal_card_init (TractionDealCard *self)
{
  GtkDragSource *source;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* Public API */

GtkWidget *
traction_deal_card_new (void)
{
  return g_object_new (TRACTION_TYPE_DEAL_CARD, NULL);
}

void
traction_deal_card_set_item (TractionDealCard *self,
                             TractionDealItem *item,
                             const GDate      *today,
                             const char       *currency)
{
  const TractionBoardDeal *deal;
  g_autofree char *arr = NULL;
  g_autofree char *days = NULL;
  g_autofree char *days_tip = NULL;
  g_autofree char *summary = NULL;
  gboolean same_name;

  g_return_if_fail (TRACTION_IS_DEAL_CARD (self));
  g_return_if_fail (item == NULL || TRACTION_IS_DEAL_ITEM (item));

  if (item == NULL)
    {
      self->deal_id = 0;
      return;
    }

  g_return_if_fail (today != NULL && g_date_valid (today));

  deal = traction_deal_item_get_deal (item);
  self->deal_id = deal->deal_id;
  self->stage = deal->stage;

  /* Deal names often start with the company: say it once. */
  same_name = g_str_has_prefix (deal->name, deal->company);
  gtk_label_set_text (self->company_label, same_name ? deal->name : deal->company);
  gtk_label_set_text (self->name_label, same_name ? "" : deal->name);
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), !same_name);

  arr = traction_money_format (deal->arr_cents, currency, TRUE);
  gtk_label_set_text (self->arr_label, arr);

  fill_bant (self, deal);

  if (traction_stage_is_open (deal->stage))
    {
      /* Translators: days in the current stage, compact on a card: "12 d" */
      days = g_strdup_printf (ngettext ("%d day", "%d days", deal->days_in_stage), deal->days_in_stage);
      days_tip = g_strdup_printf (ngettext ("%d day in this stage", "%d days in this stage", deal->days_in_stage),
                                  deal->days_in_stage);
      gtk_label_set_text (self->days_label, days);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_label), days_tip);
    }
  else
    {
      g_autoptr(GDateTime) closed = g_date_valid (&deal->closed) ? date_time_from_date (&deal->closed) : NULL;
      g_autofree char *when = closed != NULL ? g_date_time_format (closed, "%x") : NULL;

      gtk_label_set_text (self->days_label, when != NULL ? when : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_label), _("Closed on"));
    }

  fill_next_step (self, deal, today);

  gtk_widget_set_visible (self->stalled_mark, deal->stalled);
  gtk_widget_set_visible (self->paused_mark, deal->paused);
  gtk_widget_set_visible (self->marks_box, deal->stalled || deal->paused);
  if (deal->paused)
    gtk_widget_set_tooltip_text (self->paused_mark, _("Paused: not flagged stalled and left out of coverage"));

  /* Screen readers: the card as one sentence. */
  summary = g_strdup_printf ("%s, %s, %s, %s", deal->company, deal->name, arr,
                             gtk_label_get_text (self->step_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

gint64
traction_deal_card_get_id (TractionDealCard *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_CARD (self), 0);
  return self->deal_id;
}

TractionStage
traction_deal_card_get_stage (TractionDealCard *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_CARD (self), TRACTION_STAGE_LEAD);
  return self->stage;
}
