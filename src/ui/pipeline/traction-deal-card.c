/* traction-deal-card.c: a deal on the pipeline board.
 *
 * A card is recycled by its column's GtkListView and a board holds ~1,400
 * of them (GTK 4.8 keeps up to 200 rows per list view), so it is built in
 * code with as few widgets as it needs: the deal's name line and the marks
 * row are only made for the deals that show them, and tooltips are
 * computed when asked (query-tooltip): setting a tooltip costs a round trip
 * to the display server. traction_deal_card_set_item rewrites every fact,
 * and the card follows its item's "changed" signal, so a refresh that
 * keeps the item keeps the row. It is the drag source of its deal (a
 * gint64 id) and offers "Move to…" through the page's board.move-deal
 * action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-deal-card.h"

struct _TractionDealCard
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *title_box;
  GtkLabel         *company_label;
  GtkLabel         *name_label;     /* NULL until a deal needs it */
  GtkMenuButton    *menu_button;
  GtkLabel         *arr_label;
  GtkLabel         *bant_label;
  GtkLabel         *days_label;
  GtkWidget        *step_box;
  GtkImage         *step_icon;
  GtkLabel         *step_label;
  GtkWidget        *marks_box;      /* NULL until a deal needs it */
  GtkWidget        *stalled_icon;
  GtkWidget        *stalled_label;
  GtkWidget        *paused_icon;
  GtkWidget        *paused_label;

  TractionDealItem *item;
  gulong            changed_id;
  GDate             today;
  char             *currency;
  gint64            deal_id;
  TractionStage     stage;
};

G_DEFINE_FINAL_TYPE (TractionDealCard, traction_deal_card, GTK_TYPE_WIDGET)

static const char * const bant_classes[] = { "bant-high", "bant-medium", "bant-low", "bant-none" };
static const char * const step_classes[] = { "error", "warning", "dim-label" };

static gboolean query_tooltip_cb (GtkWidget        *widget,
                                  int               x,
                                  int               y,
                                  gboolean          keyboard,
                                  GtkTooltip       *tooltip,
                                  TractionDealCard *self);

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

/* A tooltip that is computed when shown. */
static void
lazy_tooltip (TractionDealCard *self,
              GtkWidget        *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

static GtkWidget *
new_label (GtkWidget   *parent,
           float        xalign,
           const char  *class1,
           const char  *class2,
           const char  *class3)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (class1 != NULL)
    gtk_widget_add_css_class (label, class1);
  if (class2 != NULL)
    gtk_widget_add_css_class (label, class2);
  if (class3 != NULL)
    gtk_widget_add_css_class (label, class3);
  gtk_box_append (GTK_BOX (parent), label);
  return label;
}

static void
ensure_name_label (TractionDealCard *self)
{
  if (self->name_label != NULL)
    return;

  self->name_label = GTK_LABEL (new_label (self->title_box, 0.0f, "caption", "dim-label", NULL));
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
}

/* Stalled and paused share one row: an icon and a word each. */
static void
ensure_marks (TractionDealCard *self)
{
  if (self->marks_box != NULL)
    return;

  self->marks_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->box), self->marks_box);

  self->stalled_icon = g_object_new (GTK_TYPE_IMAGE,
                                     "icon-name", "dialog-warning-symbolic",
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
  gtk_widget_add_css_class (self->stalled_icon, "warning");
  lazy_tooltip (self, self->stalled_icon);
  gtk_box_append (GTK_BOX (self->marks_box), self->stalled_icon);
  self->stalled_label = new_label (self->marks_box, 0.0f, "caption-heading", "warning", NULL);
  gtk_label_set_text (GTK_LABEL (self->stalled_label), _("Stalled"));
  lazy_tooltip (self, self->stalled_label);

  self->paused_icon = g_object_new (GTK_TYPE_IMAGE,
                                    "icon-name", "media-playback-pause-symbolic",
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    NULL);
  gtk_widget_add_css_class (self->paused_icon, "dim-label");
  lazy_tooltip (self, self->paused_icon);
  gtk_box_append (GTK_BOX (self->marks_box), self->paused_icon);
  self->paused_label = new_label (self->marks_box, 0.0f, "caption-heading", "dim-label", NULL);
  gtk_label_set_text (GTK_LABEL (self->paused_label), _("Paused"));
  lazy_tooltip (self, self->paused_label);
}

static void
fill_bant (TractionDealCard        *self,
           const TractionBoardDeal *deal)
{
  char text[64];
  const char *css;

  if (deal->bant_total < 0)
    {
      gtk_label_set_text (self->bant_label, _("BANT —"));
      set_one_class (GTK_WIDGET (self->bant_label), bant_classes, G_N_ELEMENTS (bant_classes), "bant-none");
      return;
    }

  /* Translators: BANT total on a deal card, "BANT 14/20" */
  g_snprintf (text, sizeof text, _("BANT %d/20"), deal->bant_total);
  if (deal->bant_total >= 16)
    css = "bant-high";
  else if (deal->bant_total >= 12)
    css = "bant-medium";
  else
    css = "bant-low";
  gtk_label_set_text (self->bant_label, text);
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
          gtk_widget_set_visible (self->step_box, TRUE);
        }
      else
        {
          gtk_label_set_text (self->step_label, "");
          gtk_widget_set_visible (self->step_box, FALSE);
        }
      return;
    }

  gtk_widget_set_visible (self->step_box, TRUE);
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

/* Writes every fact of the bound item. */
static void
render (TractionDealCard *self)
{
  const TractionBoardDeal *deal = traction_deal_item_get_deal (self->item);
  g_autofree char *arr = NULL;
  g_autofree char *summary = NULL;
  gboolean same_name;

  self->deal_id = deal->deal_id;
  self->stage = deal->stage;

  /* Deal names often start with the company: say it once. */
  same_name = g_str_has_prefix (deal->name, deal->company);
  gtk_label_set_text (self->company_label, same_name ? deal->name : deal->company);
  if (!same_name)
    {
      ensure_name_label (self);
      gtk_label_set_text (self->name_label, deal->name);
    }
  if (self->name_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->name_label), !same_name);

  arr = traction_money_format (deal->arr_cents, self->currency, TRUE);
  gtk_label_set_text (self->arr_label, arr);

  fill_bant (self, deal);

  if (traction_stage_is_open (deal->stage))
    {
      char days[64];

      /* Translators: days in the current stage, compact on a card: "12 d" */
      g_snprintf (days, sizeof days, ngettext ("%d day", "%d days", deal->days_in_stage), deal->days_in_stage);
      gtk_label_set_text (self->days_label, days);
    }
  else
    {
      g_autoptr(GDateTime) closed = g_date_valid (&deal->closed) ? date_time_from_date (&deal->closed) : NULL;
      g_autofree char *when = closed != NULL ? g_date_time_format (closed, "%x") : NULL;

      gtk_label_set_text (self->days_label, when != NULL ? when : "");
    }

  fill_next_step (self, deal, &self->today);

  if (deal->stalled || deal->paused)
    ensure_marks (self);
  if (self->marks_box != NULL)
    {
      gtk_widget_set_visible (self->stalled_icon, deal->stalled);
      gtk_widget_set_visible (self->stalled_label, deal->stalled);
      gtk_widget_set_visible (self->paused_icon, deal->paused);
      gtk_widget_set_visible (self->paused_label, deal->paused);
      /* The marks' gap, when both show. */
      gtk_widget_set_margin_start (self->paused_icon, deal->stalled ? 6 : 0);
      gtk_widget_set_visible (self->marks_box, deal->stalled || deal->paused);
    }

  /* Screen readers: the card as one sentence. */
  summary = g_strdup_printf ("%s, %s, %s, %s", deal->company, deal->name, arr,
                             gtk_label_get_text (self->step_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

/* Signal callbacks */

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  TractionDealCard *self)
{
  const TractionBoardDeal *deal;
  g_autofree char *text = NULL;

  if (widget == GTK_WIDGET (self->menu_button))
    {
      gtk_tooltip_set_text (tooltip, _("Move to…"));
      return TRUE;
    }
  if (widget == self->stalled_icon || widget == self->stalled_label)
    {
      gtk_tooltip_set_text (tooltip, _("No contact for longer than this stage allows"));
      return TRUE;
    }
  if (widget == self->paused_icon || widget == self->paused_label)
    {
      gtk_tooltip_set_text (tooltip, _("Paused: not flagged stalled and left out of coverage"));
      return TRUE;
    }

  if (self->item == NULL)
    return FALSE;
  deal = traction_deal_item_get_deal (self->item);

  if (widget == GTK_WIDGET (self->bant_label))
    {
      if (deal->bant_total < 0)
        text = g_strdup (_("Not qualified yet: no BANT scoring"));
      else
        /* Translators: tooltip of the BANT badge: total and what it means */
        text = g_strdup_printf (_("Qualification score %d of 20"), deal->bant_total);
    }
  else if (widget == GTK_WIDGET (self->days_label))
    {
      if (traction_stage_is_open (deal->stage))
        text = g_strdup_printf (ngettext ("%d day in this stage", "%d days in this stage", deal->days_in_stage),
                                deal->days_in_stage);
      else
        text = g_strdup (_("Closed on"));
    }

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
item_changed_cb (TractionDealCard *self,
                 TractionDealItem *item)
{
  g_assert (item == self->item);
  render (self);
}

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
  if (traction_stage_is_open (self->stage))
    {
      g_autoptr(GMenuItem) qualify = g_menu_item_new (_("Qualify… (Q)"), NULL);

      g_menu_item_set_action_and_target_value (qualify, "board.qualify-deal", g_variant_new_int64 (self->deal_id));
      g_menu_append_item (menu, qualify);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* GObject overrides */

static void
traction_deal_card_dispose (GObject *object)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_clear_object (&self->item);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (traction_deal_card_parent_class)->dispose (object);
}

static void
traction_deal_card_finalize (GObject *object)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (object);

  g_free (self->currency);

  G_OBJECT_CLASS (traction_deal_card_parent_class)->finalize (object);
}

static void
traction_deal_card_class_init (TractionDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_deal_card_dispose;
  object_class->finalize = traction_deal_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dealcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
traction_deal_card_init (TractionDealCard *self)
{
  GtkWidget *top;
  GtkWidget *figures;
  GtkDragSource *source;
  GtkGesture *click;

  g_date_clear (&self->today, 1);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "deal-card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Company (and deal name when it differs), then the menu. */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), top);
  self->title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->title_box, TRUE);
  gtk_box_append (GTK_BOX (top), self->title_box);
  self->company_label = GTK_LABEL (new_label (self->title_box, 0.0f, "heading", NULL, NULL));
  gtk_label_set_wrap (self->company_label, TRUE);
  gtk_label_set_wrap_mode (self->company_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->company_label, 2);
  gtk_label_set_ellipsize (self->company_label, PANGO_ELLIPSIZE_END);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "view-more-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->menu_button), GTK_ALIGN_START);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self->menu_button), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move to…"), -1);
  lazy_tooltip (self, GTK_WIDGET (self->menu_button));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->menu_button));

  /* ARR, BANT badge, days in stage (or closing date). */
  figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (self->box), figures);
  self->arr_label = GTK_LABEL (new_label (figures, 0.0f, "numeric", "deal-arr", NULL));
  self->bant_label = GTK_LABEL (new_label (figures, 0.5f, "bant-badge", "caption-heading", "numeric"));
  lazy_tooltip (self, GTK_WIDGET (self->bant_label));
  self->days_label = GTK_LABEL (new_label (figures, 1.0f, "caption", "dim-label", "numeric"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->days_label), TRUE);
  lazy_tooltip (self, GTK_WIDGET (self->days_label));

  /* The next step. */
  self->step_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), self->step_box);
  self->step_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->step_icon), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->step_box), GTK_WIDGET (self->step_icon));
  self->step_label = GTK_LABEL (new_label (self->step_box, 0.0f, "caption", NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->step_label), TRUE);
  gtk_label_set_wrap (self->step_label, TRUE);
  gtk_label_set_wrap_mode (self->step_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->step_label, 2);
  gtk_label_set_ellipsize (self->step_label, PANGO_ELLIPSIZE_END);

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
  g_return_if_fail (TRACTION_IS_DEAL_CARD (self));
  g_return_if_fail (item == NULL || TRACTION_IS_DEAL_ITEM (item));
  g_return_if_fail (item == NULL || (today != NULL && g_date_valid (today)));

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_clear_object (&self->item);

  if (item == NULL)
    {
      self->deal_id = 0;
      return;
    }

  self->item = g_object_ref (item);
  self->changed_id = g_signal_connect_swapped (item, "changed", G_CALLBACK (item_changed_cb), self);
  self->today = *today;
  if (g_strcmp0 (self->currency, currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_strdup (currency);
    }
  render (self);
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
