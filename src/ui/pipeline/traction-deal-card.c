/* traction-deal-card.c: a deal on the pipeline board.
 *
 * The board re-binds the cards in view whenever a search or a filter
 * changes what a column shows, so a card is one widget that lays out and
 * draws its text itself (Pango layouts, colours from the theme), with one
 * real child: the "Move to…" menu button. A widget per fact cost about
 * twice as much to make, style and measure. Tooltips are computed when
 * asked, for the region under the pointer. traction_deal_card_set_item
 * rewrites every fact, and the card follows its item's "changed" signal,
 * so a refresh that keeps the item keeps the card. It takes the keyboard
 * focus (its column moves it between cards), is the drag source of its
 * deal (a gint64 id) and offers "Move to…" through the page's
 * board.move-deal action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-deal-card.h"

#define GAP 4          /* between lines */
#define ICON 16        /* the step's icon */
#define BADGE_PAD 6    /* the BANT badge's side padding */

typedef enum {
  TONE_NORMAL,
  TONE_DIM,
  TONE_WARNING,
  TONE_ERROR,
  TONE_SUCCESS,
  TONE_ACCENT,
} Tone;

struct _TractionDealCard
{
  GtkWidget         parent_instance;

  GtkMenuButton    *menu_button;

  /* What is drawn, from the item. */
  char             *title;          /* company, or the deal when it starts with it */
  char             *name;           /* the deal's name, NULL when it is in the title */
  char             *arr;
  char             *bant;
  Tone              bant_tone;
  char             *days;
  char             *step;           /* NULL: no step line (closed deals) */
  const char       *step_icon;
  Tone              step_tone;
  gboolean          stalled;
  gboolean          paused;

  /* Laid out for `layout_width`; -1 when the text changed. */
  int               layout_width;
  PangoLayout      *title_layout;
  PangoLayout      *name_layout;
  PangoLayout      *arr_layout;
  PangoLayout      *bant_layout;
  PangoLayout      *days_layout;
  PangoLayout      *step_layout;
  PangoLayout      *marks_layout;
  int               menu_width;
  int               menu_height;
  /* Heights for the last two widths asked: each new width would lay all
   * the text out anew. */
  int               heights_for[2];
  int               heights[2];
  guint             heights_next;
  /* Where the tooltips' regions are (content coordinates). */
  graphene_rect_t   bant_rect;
  graphene_rect_t   days_rect;
  graphene_rect_t   marks_rect;

  TractionDealItem *item;
  gulong            changed_id;
  GDate             today;
  char             *currency;
  gint64            deal_id;
  TractionStage     stage;
};

G_DEFINE_FINAL_TYPE (TractionDealCard, traction_deal_card, GTK_TYPE_WIDGET)

/* Helpers */

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0.0);
}

static void
replace (char       **slot,
         const char  *text)
{
  if (g_strcmp0 (*slot, text) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (text);
}

static GdkRGBA
tone_color (TractionDealCard *self,
            Tone              tone)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;
  const char *name = NULL;

  gtk_style_context_get_color (context, &color);
  switch (tone)
    {
    case TONE_DIM:
      color.alpha *= 0.55f;
      return color;
    case TONE_WARNING:
      name = "warning_color";
      break;
    case TONE_ERROR:
      name = "error_color";
      break;
    case TONE_SUCCESS:
      name = "success_color";
      break;
    case TONE_ACCENT:
      name = "accent_color";
      break;
    case TONE_NORMAL:
    default:
      return color;
    }
  if (name != NULL)
    gtk_style_context_lookup_color (context, name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

/* A layout of the widget's font, bold and/or caption-sized, tabular
 * figures for numbers. */
static PangoLayout *
make_layout (TractionDealCard *self,
             const char       *text,
             gboolean          bold,
             gboolean          caption,
             gboolean          numeric)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (caption)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.8333));
  if (numeric)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
clear_layouts (TractionDealCard *self)
{
  g_clear_object (&self->title_layout);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->arr_layout);
  g_clear_object (&self->bant_layout);
  g_clear_object (&self->days_layout);
  g_clear_object (&self->step_layout);
  g_clear_object (&self->marks_layout);
  self->layout_width = -1;
}

/* The text or its style changed: the layouts and the heights go. */
static void
forget_layouts (TractionDealCard *self)
{
  clear_layouts (self);
  self->heights_for[0] = self->heights_for[1] = -1;
}

static int
layout_height (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static int
layout_width (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Lays the text out for width (content pixels). */
static void
ensure_layouts (TractionDealCard *self,
                int               width)
{
  int text_width;

  if (self->title == NULL)
    return;
  if (self->layout_width == width && self->title_layout != NULL)
    return;
  clear_layouts (self);
  self->layout_width = width;

  if (self->menu_button != NULL)
    {
      int min, nat;

      gtk_widget_measure (GTK_WIDGET (self->menu_button), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      self->menu_width = nat;
      gtk_widget_measure (GTK_WIDGET (self->menu_button), GTK_ORIENTATION_VERTICAL, nat, &min, &nat, NULL, NULL);
      self->menu_height = nat;
    }

  text_width = MAX (width - self->menu_width - 6, 1);
  self->title_layout = make_layout (self, self->title, TRUE, FALSE, FALSE);
  pango_layout_set_width (self->title_layout, text_width * PANGO_SCALE);
  pango_layout_set_wrap (self->title_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->title_layout, -2);
  pango_layout_set_ellipsize (self->title_layout, PANGO_ELLIPSIZE_END);

  if (self->name != NULL)
    {
      self->name_layout = make_layout (self, self->name, FALSE, TRUE, FALSE);
      pango_layout_set_width (self->name_layout, text_width * PANGO_SCALE);
      pango_layout_set_ellipsize (self->name_layout, PANGO_ELLIPSIZE_END);
    }

  self->arr_layout = make_layout (self, self->arr, TRUE, FALSE, TRUE);
  self->bant_layout = make_layout (self, self->bant, TRUE, TRUE, TRUE);
  self->days_layout = make_layout (self, self->days, FALSE, TRUE, TRUE);

  if (self->step != NULL)
    {
      self->step_layout = make_layout (self, self->step, FALSE, TRUE, FALSE);
      pango_layout_set_width (self->step_layout, MAX (width - ICON - 6, 1) * PANGO_SCALE);
      pango_layout_set_wrap (self->step_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (self->step_layout, -2);
      pango_layout_set_ellipsize (self->step_layout, PANGO_ELLIPSIZE_END);
    }

  if (self->stalled || self->paused)
    {
      /* Words, not colour alone. */
      const char *marks = self->stalled && self->paused ? _("Stalled · Paused")
                          : self->stalled ? _("Stalled") : _("Paused");

      self->marks_layout = make_layout (self, marks, TRUE, TRUE, FALSE);
      pango_layout_set_width (self->marks_layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (self->marks_layout, PANGO_ELLIPSIZE_END);
    }
}

static int
content_height (TractionDealCard *self,
                int               width)
{
  int height;

  ensure_layouts (self, width);
  if (self->title_layout == NULL)
    return 0;

  height = MAX (layout_height (self->title_layout) + layout_height (self->name_layout), self->menu_height);
  height += GAP + MAX (layout_height (self->arr_layout), layout_height (self->bant_layout));
  if (self->step_layout != NULL)
    height += GAP + MAX (layout_height (self->step_layout), ICON);
  if (self->marks_layout != NULL)
    height += GAP + layout_height (self->marks_layout);
  return height;
}

/* Writes every fact of the bound item. */
static void
render (TractionDealCard *self)
{
  const TractionBoardDeal *deal = traction_deal_item_get_deal (self->item);
  g_autofree char *arr = NULL;
  g_autofree char *summary = NULL;
  char text[128];
  gboolean same_name;

  self->deal_id = deal->deal_id;
  self->stage = deal->stage;

  /* Deal names often start with the company: say it once. */
  same_name = g_str_has_prefix (deal->name, deal->company);
  replace (&self->title, same_name ? deal->name : deal->company);
  replace (&self->name, same_name ? NULL : deal->name);

  arr = traction_money_format (deal->arr_cents, self->currency, TRUE);
  replace (&self->arr, arr);

  if (deal->bant_total < 0)
    {
      replace (&self->bant, _("BANT —"));
      self->bant_tone = TONE_NORMAL;
    }
  else
    {
      /* Translators: BANT total on a deal card, "BANT 14/20" */
      g_snprintf (text, sizeof text, _("BANT %d/20"), deal->bant_total);
      replace (&self->bant, text);
      self->bant_tone = deal->bant_total >= 16 ? TONE_SUCCESS : deal->bant_total >= 12 ? TONE_ACCENT : TONE_WARNING;
    }

  if (traction_stage_is_open (deal->stage))
    {
      g_snprintf (text, sizeof text, ngettext ("%d day", "%d days", deal->days_in_stage), deal->days_in_stage);
      replace (&self->days, text);
    }
  else
    {
      g_autoptr(GDateTime) closed = g_date_valid (&deal->closed) ? date_time_from_date (&deal->closed) : NULL;
      g_autofree char *when = closed != NULL ? g_date_time_format (closed, "%x") : NULL;

      replace (&self->days, when != NULL ? when : "");
    }

  /* The next step: overdue, due today, dated, undated or nothing planned. */
  if (deal->next_action[0] == '\0')
    {
      if (traction_stage_is_open (deal->stage))
        {
          replace (&self->step, _("Nothing planned: add a next step"));
          self->step_icon = "dialog-question-symbolic";
          self->step_tone = TONE_WARNING;
        }
      else
        replace (&self->step, NULL);
    }
  else if (!g_date_valid (&deal->next_due))
    {
      replace (&self->step, deal->next_action);
      self->step_icon = "task-due-symbolic";
      self->step_tone = TONE_DIM;
    }
  else
    {
      int days = traction_date_diff (&self->today, &deal->next_due);
      g_autofree char *line = NULL;

      if (days < 0)
        {
          /* Translators: next step on a card: "Send proposal · 3 days overdue" */
          line = g_strdup_printf (ngettext ("%s · %d day overdue", "%s · %d days overdue", -days),
                                  deal->next_action, -days);
          self->step_icon = "task-past-due-symbolic";
          self->step_tone = TONE_ERROR;
        }
      else if (days == 0)
        {
          /* Translators: next step on a card: "Send proposal · due today" */
          line = g_strdup_printf (_("%s · due today"), deal->next_action);
          self->step_icon = "alarm-symbolic";
          self->step_tone = TONE_WARNING;
        }
      else
        {
          g_autoptr(GDateTime) due = date_time_from_date (&deal->next_due);
          /* Translators: a short date on a card, see g_date_time_format(); "Nov 30" */
          g_autofree char *when = g_date_time_format (due, _("%b %-d"));

          /* Translators: next step on a card: "Send proposal · Nov 30" */
          line = g_strdup_printf (_("%s · %s"), deal->next_action, when);
          self->step_icon = "task-due-symbolic";
          self->step_tone = TONE_DIM;
        }
      replace (&self->step, line);
    }

  self->stalled = deal->stalled;
  self->paused = deal->paused;

  forget_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  /* Screen readers: the card as one sentence. */
  summary = g_strdup_printf ("%s, %s, %s, %s%s%s", deal->company, deal->name, arr,
                             self->step != NULL ? self->step : "",
                             deal->stalled ? _(", stalled") : "",
                             deal->paused ? _(", paused") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

/* GtkWidget overrides */

static GtkSizeRequestMode
traction_deal_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
traction_deal_card_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TRACTION_DEAL_CARD_MIN_WIDTH;
      *natural = TRACTION_DEAL_CARD_NAT_WIDTH;
      return;
    }
  {
    int width = for_size > 0 ? for_size : TRACTION_DEAL_CARD_NAT_WIDTH;

    for (guint i = 0; i < G_N_ELEMENTS (self->heights_for); i++)
      if (self->heights_for[i] == width)
        {
          *minimum = *natural = self->heights[i];
          return;
        }
    *minimum = *natural = content_height (self, width);
    self->heights_for[self->heights_next] = width;
    self->heights[self->heights_next] = *minimum;
    self->heights_next = (self->heights_next + 1) % G_N_ELEMENTS (self->heights_for);
  }
}

static void
traction_deal_card_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (widget);

  ensure_layouts (self, width);
  if (self->menu_button != NULL)
    gtk_widget_allocate (GTK_WIDGET (self->menu_button), self->menu_width, self->menu_height, -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - self->menu_width, 0)));
}

static void
draw_layout (GtkSnapshot *snapshot,
             PangoLayout *layout,
             float        x,
             float        y,
             GdkRGBA      color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
traction_deal_card_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg = tone_color (self, TONE_NORMAL);
  GdkRGBA dim = tone_color (self, TONE_DIM);
  float y = 0;
  int h;

  ensure_layouts (self, width);
  if (self->title_layout == NULL)
    return;

  draw_layout (snapshot, self->title_layout, 0, y, fg);
  h = layout_height (self->title_layout);
  if (self->name_layout != NULL)
    {
      draw_layout (snapshot, self->name_layout, 0, y + h, dim);
      h += layout_height (self->name_layout);
    }
  y += MAX (h, self->menu_height) + GAP;

  /* ARR, the BANT badge, days in stage (right). */
  {
    int line = MAX (layout_height (self->arr_layout), layout_height (self->bant_layout));
    int arr_w = layout_width (self->arr_layout);
    int bant_w = layout_width (self->bant_layout);
    int bant_h = layout_height (self->bant_layout);
    int days_w = layout_width (self->days_layout);
    float bx = arr_w + 8;
    float by = y + (line - bant_h) / 2.0f;
    GdkRGBA tone = self->bant_tone == TONE_NORMAL ? fg : tone_color (self, self->bant_tone);
    GdkRGBA fill = tone;
    GskRoundedRect badge;

    draw_layout (snapshot, self->arr_layout, 0, y + (line - layout_height (self->arr_layout)) / 2.0f, fg);

    fill.alpha = self->bant_tone == TONE_NORMAL ? 0.08f : 0.16f;
    gsk_rounded_rect_init_from_rect (&badge, &GRAPHENE_RECT_INIT (bx, by, bant_w + 2 * BADGE_PAD, bant_h), 6);
    gtk_snapshot_push_rounded_clip (snapshot, &badge);
    gtk_snapshot_append_color (snapshot, &fill, &badge.bounds);
    gtk_snapshot_pop (snapshot);
    draw_layout (snapshot, self->bant_layout, bx + BADGE_PAD, by, tone);
    self->bant_rect = badge.bounds;

    draw_layout (snapshot, self->days_layout, width - days_w,
                 y + (line - layout_height (self->days_layout)) / 2.0f, dim);
    self->days_rect = GRAPHENE_RECT_INIT (width - days_w, y, days_w, line);
    y += line + GAP;
  }

  /* The next step, with its icon. */
  if (self->step_layout != NULL)
    {
      GdkRGBA tone = tone_color (self, self->step_tone);
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, self->step_icon, NULL, ICON,
                                                                     gtk_widget_get_scale_factor (widget),
                                                                     gtk_widget_get_direction (widget), 0);
      GdkRGBA colors[4] = { tone, tone_color (self, TONE_ERROR), tone_color (self, TONE_WARNING),
                            tone_color (self, TONE_SUCCESS) };

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + 1));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON, ICON, colors, 4);
      gtk_snapshot_restore (snapshot);
      draw_layout (snapshot, self->step_layout, ICON + 6, y, self->step_tone == TONE_DIM ? fg : tone);
      y += MAX (layout_height (self->step_layout), ICON) + GAP;
    }

  /* Stalled and paused. */
  if (self->marks_layout != NULL)
    {
      draw_layout (snapshot, self->marks_layout, 0, y,
                   self->stalled ? tone_color (self, TONE_WARNING) : dim);
      self->marks_rect = GRAPHENE_RECT_INIT (0, y, layout_width (self->marks_layout),
                                             layout_height (self->marks_layout));
    }
  else
    self->marks_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  if (self->menu_button != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->menu_button), snapshot);
}

static void
traction_deal_card_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (widget);

  GTK_WIDGET_CLASS (traction_deal_card_parent_class)->css_changed (widget, change);
  /* The font may have changed: lay out again. */
  forget_layouts (self);
  gtk_widget_queue_resize (widget);
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
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (self->item == NULL || keyboard)
    return FALSE;
  deal = traction_deal_item_get_deal (self->item);

  if (graphene_rect_contains_point (&self->bant_rect, &point))
    {
      if (deal->bant_total < 0)
        text = g_strdup (_("Not qualified yet: no BANT scoring"));
      else
        /* Translators: tooltip of the BANT badge: total and what it means */
        text = g_strdup_printf (_("Qualification score %d of 20"), deal->bant_total);
    }
  else if (graphene_rect_contains_point (&self->days_rect, &point))
    {
      if (traction_stage_is_open (deal->stage))
        text = g_strdup_printf (ngettext ("%d day in this stage", "%d days in this stage", deal->days_in_stage),
                                deal->days_in_stage);
      else
        text = g_strdup (_("Closed on"));
    }
  else if (graphene_rect_contains_point (&self->marks_rect, &point))
    {
      if (deal->stalled)
        text = g_strdup (_("No contact for longer than this stage allows"));
      else if (deal->paused)
        text = g_strdup (_("Paused: not flagged stalled and left out of coverage"));
    }

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
menu_tooltip_cb (GtkWidget  *widget,
                 int         x,
                 int         y,
                 gboolean    keyboard,
                 GtkTooltip *tooltip,
                 gpointer    data)
{
  gtk_tooltip_set_text (tooltip, _("Move to…"));
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
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

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
  if (self->menu_button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu_button));
      self->menu_button = NULL;
    }
  clear_layouts (self);

  G_OBJECT_CLASS (traction_deal_card_parent_class)->dispose (object);
}

static void
traction_deal_card_finalize (GObject *object)
{
  TractionDealCard *self = TRACTION_DEAL_CARD (object);

  g_free (self->currency);
  g_free (self->title);
  g_free (self->name);
  g_free (self->arr);
  g_free (self->bant);
  g_free (self->days);
  g_free (self->step);

  G_OBJECT_CLASS (traction_deal_card_parent_class)->finalize (object);
}

static void
traction_deal_card_class_init (TractionDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_deal_card_dispose;
  object_class->finalize = traction_deal_card_finalize;

  widget_class->get_request_mode = traction_deal_card_get_request_mode;
  widget_class->measure = traction_deal_card_measure;
  widget_class->size_allocate = traction_deal_card_size_allocate;
  widget_class->snapshot = traction_deal_card_snapshot;
  widget_class->css_changed = traction_deal_card_css_changed;

  gtk_widget_class_set_css_name (widget_class, "dealcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
traction_deal_card_init (TractionDealCard *self)
{
  GtkDragSource *source;
  GtkGesture *click;

  g_date_clear (&self->today, 1);
  self->layout_width = -1;
  self->heights_for[0] = self->heights_for[1] = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "deal-card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "view-more-symbolic");
  gtk_widget_set_focus_on_click (GTK_WIDGET (self->menu_button), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move to…"), -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->menu_button), TRUE);
  g_signal_connect (self->menu_button, "query-tooltip", G_CALLBACK (menu_tooltip_cb), NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->menu_button), GTK_WIDGET (self));

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

TractionDealItem *
traction_deal_card_get_item (TractionDealCard *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_CARD (self), NULL);
  return self->item;
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
