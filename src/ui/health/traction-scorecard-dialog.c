/* traction-scorecard-dialog.c: one client's monthly health scorecard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-scorecard-dialog.h"
#include "traction-health.h"
#include "traction-heatmap-widget.h"
#include "traction-store-health.h"

struct _TractionScorecardDialog
{
  AdwWindow               parent_instance;

  /* template */
  AdwWindowTitle         *window_title;
  GtkBox                 *content_box;

  TractionStore          *store;
  TractionScorecardDraft *draft;
  TractionRules           rules;
  TractionHealthInput     input;
  gboolean                updating;

  GtkToggleButton        *toggles[TRACTION_N_HEALTH_ITEMS][5];
  AdwActionRow           *item_rows[TRACTION_N_HEALTH_ITEMS];
  GtkSwitch              *switches[TRACTION_N_HEALTH_SIGNALS];
  GtkLabel               *score_label;
  GtkLabel               *band_label;
  GtkImage               *band_icon;
  GtkLabel               *trend_label;
  AdwPreferencesGroup    *why_group;
  GtkWidget              *why_rows[TRACTION_N_HEALTH_ITEMS + TRACTION_N_HEALTH_SIGNALS + 1];
  GtkTextView            *notes;
};

G_DEFINE_FINAL_TYPE (TractionScorecardDialog, traction_scorecard_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
category_title (TractionHealthCategory category)
{
  switch (category)
    {
    case TRACTION_HEALTH_USAGE:        return _("Usage");
    case TRACTION_HEALTH_SUPPORT:      return _("Support and Engagement");
    case TRACTION_HEALTH_SATISFACTION: return _("Satisfaction");
    case TRACTION_HEALTH_EXPANSION:
    case TRACTION_N_HEALTH_CATEGORIES:
    default:
      return _("Expansion Signals");
    }
}

static double
current_score (TractionScorecardDialog *self)
{
  double score = 0;

  if (!traction_health_score (&self->input, &self->rules, &score, NULL, NULL))
    return 0;
  return score;
}

static void
clear_why (TractionScorecardDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->why_rows); i++)
    if (self->why_rows[i] != NULL)
      {
        adw_preferences_group_remove (self->why_group, self->why_rows[i]);
        self->why_rows[i] = NULL;
      }
}

static GtkWidget *
why_row_new (const char *title,
             const char *subtitle,
             double      points)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf (_("%+.1f points"), points);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name (points < 0 ? "go-down-symbolic" : "go-up-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, points < 0 ? "error" : "success");
  gtk_widget_add_css_class (icon, points < 0 ? "error" : "success");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
update_why (TractionScorecardDialog *self)
{
  TractionHealthChange change;
  guint n = 0;

  if (self->why_group == NULL)
    return;
  clear_why (self);
  if (!traction_health_explain (&self->draft->previous, &self->input, &self->rules, &change, NULL))
    return;
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    if (self->draft->previous.items[i] != self->input.items[i])
      {
        g_autofree char *from_to = g_strdup_printf (_("%d → %d"), self->draft->previous.items[i],
                                                    self->input.items[i]);

        self->why_rows[n] = why_row_new (traction_health_item_label (i), from_to, change.item_points[i]);
        adw_preferences_group_add (self->why_group, self->why_rows[n++]);
      }
  for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
    if (self->draft->previous.signals[s] != self->input.signals[s])
      {
        self->why_rows[n] = why_row_new (traction_health_signal_label (s),
                                         self->input.signals[s] ? _("No → Yes") : _("Yes → No"),
                                         change.signal_points[s]);
        adw_preferences_group_add (self->why_group, self->why_rows[n++]);
      }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every item is as it was the month before"));
      gtk_widget_add_css_class (row, "dim-label");
      self->why_rows[n] = row;
      adw_preferences_group_add (self->why_group, row);
    }
}

static void
update_score (TractionScorecardDialog *self)
{
  double score = current_score (self);
  TractionHealthBand band = traction_health_band (score, &self->rules);
  g_autofree char *text = g_strdup_printf ("%.1f", score);
  const char *css[] = { "success", "accent", "warning", "error" };

  gtk_label_set_text (self->score_label, text);
  gtk_label_set_text (self->band_label, traction_health_band_label (band));
  gtk_image_set_from_icon_name (self->band_icon, traction_health_band_icon_name (band));
  for (guint i = 0; i < G_N_ELEMENTS (css); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), css[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_icon), css[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), css[band]);
  gtk_widget_add_css_class (GTK_WIDGET (self->band_icon), css[band]);

  if (self->draft->has_previous)
    {
      TractionTrend trend = traction_health_trend (self->draft->previous_score, score, &self->rules);
      const char *word = trend == TRACTION_TREND_IMPROVING ? _("Improving")
                         : trend == TRACTION_TREND_DECLINING ? _("Declining") : _("Stable");
      /* Translators: "Declining: −21.0 since last month (59.5)" */
      g_autofree char *line = g_strdup_printf (_("%s: %+.1f since last month (%.1f)"), word,
                                               score - self->draft->previous_score,
                                               self->draft->previous_score);
      gtk_label_set_text (self->trend_label, line);
    }
  else
    gtk_label_set_text (self->trend_label, _("No scorecard last month: no trend yet"));
  update_why (self);
}

static void
set_item (TractionScorecardDialog *self,
          int                      item,
          int                      score)
{
  self->input.items[item] = score;
  self->updating = TRUE;
  for (int v = 0; v < 5; v++)
    gtk_toggle_button_set_active (self->toggles[item][v], v + 1 == score);
  self->updating = FALSE;
  if (score == 2 || score == 4)
    {
      /* Between two of the guide's marks (5, 3 and 1). */
      /* Translators: a score between two guide texts, "Between “...” and “...”" */
      g_autofree char *between = g_strdup_printf (_("Between “%s” and “%s”"),
                                                  traction_health_item_guide (item, score + 1),
                                                  traction_health_item_guide (item, score - 1));

      adw_action_row_set_subtitle (self->item_rows[item], between);
    }
  else
    adw_action_row_set_subtitle (self->item_rows[item], traction_health_item_guide (item, score));
  update_score (self);
}

static void
toggle_toggled_cb (GtkToggleButton         *toggle,
                   TractionScorecardDialog *self)
{
  int item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "item"));
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "score"));

  if (self->updating || !gtk_toggle_button_get_active (toggle))
    return;
  set_item (self, item, score);
}

static gboolean
item_key_pressed_cb (GtkEventControllerKey   *controller,
                     guint                    keyval,
                     guint                    keycode,
                     GdkModifierType          state,
                     TractionScorecardDialog *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "item"));
  int score;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    score = (int) (keyval - GDK_KEY_1) + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    score = (int) (keyval - GDK_KEY_KP_1) + 1;
  else
    return FALSE;
  set_item (self, item, score);
  gtk_widget_grab_focus (GTK_WIDGET (self->toggles[item][score - 1]));
  return TRUE;
}

static void
switch_active_cb (GtkSwitch               *sw,
                  GParamSpec              *pspec,
                  TractionScorecardDialog *self)
{
  int signal = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "signal"));

  self->input.signals[signal] = gtk_switch_get_active (sw);
  update_score (self);
}

static void
build_header (TractionScorecardDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *band = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "numeric");
  self->score_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), label);

  self->band_icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->band_icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->band_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), "heading");
  gtk_box_append (GTK_BOX (band), GTK_WIDGET (self->band_icon));
  gtk_box_append (GTK_BOX (band), GTK_WIDGET (self->band_label));
  gtk_box_append (GTK_BOX (right), band);
  self->trend_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->trend_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->trend_label), "numeric");
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->trend_label));
  label = gtk_label_new (_("Score each item 1 to 5: click a figure, or focus the row and type 1–5."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (right), label);
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), right);
  gtk_box_append (self->content_box, box);
}

static void
build_items (TractionScorecardDialog *self)
{
  AdwPreferencesGroup *groups[TRACTION_N_HEALTH_CATEGORIES] = { NULL };

  for (int item = 0; item < TRACTION_N_HEALTH_ITEMS; item++)
    {
      TractionHealthCategory category = traction_health_item_category (item);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkEventController *keys = gtk_event_controller_key_new ();

      if ((int) category < 0 || category >= TRACTION_N_HEALTH_CATEGORIES)
        category = TRACTION_HEALTH_USAGE;
      if (groups[category] == NULL)
        {
          groups[category] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[category], category_title (category));
          gtk_box_append (self->content_box, GTK_WIDGET (groups[category]));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), traction_health_item_label (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      self->item_rows[item] = ADW_ACTION_ROW (row);
      g_object_set_data (G_OBJECT (row), "item", GINT_TO_POINTER (item));

      if (self->draft->from_data[item])
        {
          GtkWidget *tag = gtk_label_new (_("From usage data"));

          gtk_widget_add_css_class (tag, "caption");
          gtk_widget_add_css_class (tag, "accent");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (tag, _("Pre-filled from the month’s usage, tickets and NPS; you can change it."));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }

      gtk_widget_add_css_class (buttons, "linked");
      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
      for (int v = 0; v < 5; v++)
        {
          char text[4];
          g_autofree char *name = NULL;
          GtkWidget *toggle;

          g_snprintf (text, sizeof text, "%d", v + 1);
          toggle = gtk_toggle_button_new_with_label (text);
          /* Translators: accessible name of a scorecard button, "API volume vs plan: 4" */
          name = g_strdup_printf (_("%s: %d"), traction_health_item_label (item), v + 1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_add_css_class (toggle, "numeric");
          if (v > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->toggles[item][0]);
          g_object_set_data (G_OBJECT (toggle), "item", GINT_TO_POINTER (item));
          g_object_set_data (G_OBJECT (toggle), "score", GINT_TO_POINTER (v + 1));
          g_signal_connect (toggle, "toggled", G_CALLBACK (toggle_toggled_cb), self);
          self->toggles[item][v] = GTK_TOGGLE_BUTTON (toggle);
          gtk_box_append (GTK_BOX (buttons), toggle);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (item_key_pressed_cb), self);
      gtk_widget_add_controller (row, keys);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      adw_preferences_group_add (groups[category], row);
    }

  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_set_title (group, category_title (TRACTION_HEALTH_EXPANSION));
    adw_preferences_group_set_description (group, _("Yes or no this month."));
    gtk_box_append (self->content_box, GTK_WIDGET (group));
    for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *sw = gtk_switch_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), traction_health_signal_label (s));
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        gtk_switch_set_active (GTK_SWITCH (sw), self->input.signals[s]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        traction_health_signal_label (s), -1);
        g_object_set_data (G_OBJECT (sw), "signal", GINT_TO_POINTER (s));
        g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        self->switches[s] = GTK_SWITCH (sw);
        adw_preferences_group_add (group, row);
      }
  }
}

static void
build_notes (TractionScorecardDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes"));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  if (self->draft->notes != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), self->draft->notes, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (self->content_box, group);
  self->notes = GTK_TEXT_VIEW (view);
}

gboolean
traction_scorecard_dialog_save (TractionScorecardDialog *self,
                                GError                 **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (TRACTION_IS_SCORECARD_DIALOG (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->notes);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!traction_store_save_scorecard (self->store, self->draft->account_id, &self->draft->month,
                                      &self->input, notes, NULL, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionScorecardDialog *self = TRACTION_SCORECARD_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!traction_scorecard_dialog_save (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Scorecard"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
traction_scorecard_dialog_dispose (GObject *object)
{
  TractionScorecardDialog *self = TRACTION_SCORECARD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->draft, traction_scorecard_draft_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_SCORECARD_DIALOG);
  G_OBJECT_CLASS (traction_scorecard_dialog_parent_class)->dispose (object);
}

static void
traction_scorecard_dialog_class_init (TractionScorecardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_scorecard_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/health/traction-scorecard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionScorecardDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TractionScorecardDialog, content_box);

  gtk_widget_class_install_action (widget_class, "scorecard.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scorecard.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_scorecard_dialog_init (TractionScorecardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TractionScorecardDialog *
traction_scorecard_dialog_new (GtkWindow     *parent,
                               TractionStore *store,
                               gint64         account_id,
                               const char    *client_name,
                               const GDate   *month,
                               GError       **error)
{
  TractionScorecardDialog *self;
  TractionScorecardDraft *draft;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (month != NULL && g_date_valid (month), NULL);

  draft = traction_store_load_scorecard (store, account_id, month, error);
  if (draft == NULL)
    return NULL;

  self = g_object_new (TRACTION_TYPE_SCORECARD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->draft = draft;
  self->input = draft->input;
  traction_store_get_rules (store, &self->rules);

  dt = g_date_time_new_local (g_date_get_year (month), g_date_get_month (month), 1, 0, 0, 0);
  month_text = g_date_time_format (dt, "%B %Y");
  /* Translators: scorecard window title, "Scorecard for October 2026" */
  title = g_strdup_printf (_("Scorecard for %s"), month_text);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, client_name != NULL ? client_name : "");

  build_header (self);
  if (draft->has_previous)
    {
      self->why_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->why_group, _("Why the Score Moved Since Last Month"));
      adw_preferences_group_set_description (self->why_group,
                                             _("Each change, in points of the score (weights from Preferences)."));
      gtk_box_append (self->content_box, GTK_WIDGET (self->why_group));
    }
  build_items (self);
  build_notes (self);
  for (int item = 0; item < TRACTION_N_HEALTH_ITEMS; item++)
    set_item (self, item, CLAMP (self->input.items[item], 1, 5));
  update_score (self);
  return self;
}

double
traction_scorecard_dialog_get_score (TractionScorecardDialog *self)
{
  g_return_val_if_fail (TRACTION_IS_SCORECARD_DIALOG (self), 0);
  return current_score (self);
}

GtkWidget *
traction_scorecard_dialog_get_why (TractionScorecardDialog *self)
{
  g_return_val_if_fail (TRACTION_IS_SCORECARD_DIALOG (self), NULL);
  return GTK_WIDGET (self->why_group);
}

void
traction_scorecard_dialog_set_item (TractionScorecardDialog *self,
                                    int                      item,
                                    int                      score)
{
  g_return_if_fail (TRACTION_IS_SCORECARD_DIALOG (self));
  g_return_if_fail (item >= 0 && item < TRACTION_N_HEALTH_ITEMS && score >= 1 && score <= 5);

  set_item (self, item, score);
}
