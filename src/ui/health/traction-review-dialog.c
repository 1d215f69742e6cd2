/* traction-review-dialog.c: the QBR / EBR form of one client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-print.h"
#include "traction-qbr-report.h"
#include "traction-review-dialog.h"
#include "traction-widgets.h"

#define N_QUARTERS_SHOWN 8
#define N_YEARS_SHOWN    4

struct _TractionReviewDialog
{
  AdwWindow            parent_instance;

  TractionStore       *store;
  gint64               account_id;
  char                *client_name;

  AdwToastOverlay     *toasts;
  AdwComboRow         *kind_row;
  AdwComboRow         *period_row;
  GArray              *periods;        /* TractionReviewPeriod, as in period_row */
  GtkLabel            *data_label;
  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *next_group;
  GtkListBox          *goals_list;
  GtkListBox          *next_list;
  GtkTextBuffer       *highlights;
  GtkTextBuffer       *impact;
  GtkTextBuffer       *working_well;
  GtkTextBuffer       *to_improve;
  GtkTextBuffer       *discussion;

  GtkWidget           *removed_row;    /* the goal whose removal can be undone */
  GtkListBox          *removed_from;
  int                  removed_index;
  AdwToast            *undo_toast;     /* weak */

  TractionReviewPeriod period;         /* the one the form shows */
  gboolean             loading;        /* filling the form: no saving */
  gboolean             close_anyway;   /* a failed save was shown once */
};

G_DEFINE_FINAL_TYPE (TractionReviewDialog, traction_review_dialog, ADW_TYPE_WINDOW)

static void load_period (TractionReviewDialog *self);

/* Helpers */

static void
toast (TractionReviewDialog *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
error_toast (TractionReviewDialog *self,
             const char           *what,
             const GError         *error)
{
  /* Translators: what failed, then why */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), what, error->message);
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

/* A titled multi-line text field in group; returns its buffer. */
static GtkTextBuffer *
notes_field_new (AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *hint)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *hint_label;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  hint_label = gtk_label_new (hint);
  gtk_label_set_xalign (GTK_LABEL (hint_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
  gtk_widget_add_css_class (hint_label, "dim-label");
  gtk_widget_add_css_class (hint_label, "caption");
  gtk_box_append (GTK_BOX (box), hint_label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_bottom (box, 12);
  adw_preferences_group_add (group, box);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

/* Goal rows */

static void
forget_removed (TractionReviewDialog *self)
{
  g_clear_object (&self->removed_row);
  self->removed_from = NULL;
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
      adw_toast_dismiss (toast);
    }
}

static void
undo_remove_cb (AdwToast             *toast,
                TractionReviewDialog *self)
{
  if (self->removed_row == NULL || self->removed_from == NULL)
    return;
  gtk_list_box_insert (self->removed_from, self->removed_row, self->removed_index);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (self->removed_row), "goal"));
  g_clear_object (&self->removed_row);
  self->removed_from = NULL;
}

static void
remove_goal_cb (GtkButton            *button,
                TractionReviewDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  AdwToast *toast;

  if (row == NULL || !GTK_IS_LIST_BOX (list))
    return;
  forget_removed (self);
  self->removed_row = g_object_ref (row);
  self->removed_from = GTK_LIST_BOX (list);
  self->removed_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gtk_list_box_remove (GTK_LIST_BOX (list), row);

  toast = adw_toast_new (_("Goal removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static GtkWidget *
entry_new (const char *placeholder,
           const char *text,
           int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_entry_set_max_length (GTK_ENTRY (entry), TRACTION_REVIEW_TEXT_MAX);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return entry;
}

static GtkWidget *
goal_row_new (TractionReviewDialog     *self,
              GtkListBox               *list,
              const TractionReviewGoal *goal,
              gboolean                  with_status)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry, *button;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  entry = entry_new (_("Goal"), goal != NULL ? goal->goal : NULL, 20);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (row), "goal", entry);

  if (with_status)
    {
      const char *labels[TRACTION_N_GOAL_STATUSES + 1] = { NULL };
      GtkWidget *drop;

      for (int i = 0; i < TRACTION_N_GOAL_STATUSES; i++)
        labels[i] = traction_goal_status_label ((TractionGoalStatus) i);
      drop = gtk_drop_down_new_from_strings (labels);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), goal != NULL ? goal->status : TRACTION_GOAL_ON_TRACK);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
      gtk_widget_set_tooltip_text (drop, _("Status"));
      gtk_box_append (GTK_BOX (box), drop);
      g_object_set_data (G_OBJECT (row), "status", drop);
    }

  entry = entry_new (with_status ? _("Measure or impact") : _("Success metric"),
                     goal != NULL ? goal->metric : NULL, 16);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (row), "metric", entry);

  entry = entry_new (_("Owner"), goal != NULL ? goal->owner : NULL, 10);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (row), "owner", entry);

  button = traction_icon_button_new ("user-trash-symbolic", _("Remove This Goal"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_goal_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);
  return row;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static void
add_goal (TractionReviewDialog *self,
          GtkListBox           *list)
{
  GtkWidget *row;

  if (count_rows (list) >= TRACTION_REVIEW_MAX_GOALS)
    {
      g_autofree char *text = g_strdup_printf (_("A review keeps at most %d goals a period"),
                                               TRACTION_REVIEW_MAX_GOALS);
      toast (self, text);
      return;
    }
  row = goal_row_new (self, list, NULL, list == self->goals_list);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "goal"));
}

static void
add_goal_cb (GtkButton            *button,
             TractionReviewDialog *self)
{
  add_goal (self, g_object_get_data (G_OBJECT (button), "list"));
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
read_goals (GtkListBox *list,
            GPtrArray  *out)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *status = g_object_get_data (G_OBJECT (row), "status");

      g_ptr_array_add (out, traction_review_goal_new (
        gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "goal"))),
        status != NULL ? (TractionGoalStatus) gtk_drop_down_get_selected (GTK_DROP_DOWN (status))
                       : TRACTION_GOAL_ON_TRACK,
        gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "metric"))),
        gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "owner")))));
    }
}

static GtkListBox *
goal_list_new (TractionReviewDialog *self,
               AdwPreferencesGroup  *group,
               const char           *empty_text)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (empty_text);
  GtkWidget *button;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  adw_preferences_group_add (group, list);

  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Goal"));
    adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
    button = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (button), content);
  }
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "list", list);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_goal_cb), self, 0);
  adw_preferences_group_set_header_suffix (group, button);
  return GTK_LIST_BOX (list);
}

/* Periods */

static void
fill_periods (TractionReviewDialog *self,
              TractionReviewKind    kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GDate today;

  traction_date_today (&today);
  g_array_unref (self->periods);
  self->periods = traction_review_periods_recent (kind, &today, kind == TRACTION_REVIEW_QBR ? N_QUARTERS_SHOWN
                                                                                           : N_YEARS_SHOWN);
  for (guint i = 0; i < self->periods->len; i++)
    {
      g_autofree char *label = traction_review_period_label (&g_array_index (self->periods, TractionReviewPeriod, i));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
}

/* No text typed for the period (its goals may have been set at the
 * review before). */
static gboolean
notes_empty (const TractionReviewNotes *notes)
{
  return notes->highlights[0] == '\0' && notes->impact[0] == '\0' && notes->working_well[0] == '\0' &&
         notes->to_improve[0] == '\0' && notes->discussion[0] == '\0';
}

/* The current period, or the one before when only it has text typed (a
 * review is often held just after its quarter). */
static guint
default_period_index (TractionReviewDialog *self)
{
  g_autoptr(TractionReviewNotes) current = NULL;
  g_autoptr(TractionReviewNotes) previous = NULL;

  if (self->periods->len < 2)
    return 0;
  current = traction_store_load_review_notes (self->store, self->account_id,
                                              &g_array_index (self->periods, TractionReviewPeriod, 0), NULL);
  previous = traction_store_load_review_notes (self->store, self->account_id,
                                               &g_array_index (self->periods, TractionReviewPeriod, 1), NULL);
  if (current != NULL && previous != NULL && notes_empty (current) && !notes_empty (previous))
    return 1;
  return 0;
}

/* Loading and saving */

static void
update_data_label (TractionReviewDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionBusinessReview) review = NULL;
  g_autofree char *label = traction_review_period_label (&self->period);
  g_autofree char *text = NULL;
  GDate today;

  traction_date_today (&today);
  review = traction_store_load_business_review (self->store, self->account_id, &self->period, &today, &error);
  if (review == NULL)
    text = g_strdup (error->message);
  else if (!review->has_data)
    /* Translators: %s is a period, "Q3 2026" */
    text = g_strdup_printf (_("Nothing is recorded for this client in %s yet (scores, usage, tickets, NPS, "
                              "touchpoints or ARR movements): the review will say so on its pages."), label);
  else
    /* Translators: %s is a period, "Q3 2026" */
    text = g_strdup_printf (_("The charts and figures come from what is recorded for %s; "
                              "the text and goals below are yours."), label);
  gtk_label_set_text (self->data_label, text);
}

static void
load_period (TractionReviewDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionReviewNotes) notes = NULL;
  TractionReviewPeriod next;
  g_autofree char *label = NULL, *next_label = NULL, *title = NULL, *next_title = NULL;

  notes = traction_store_load_review_notes (self->store, self->account_id, &self->period, &error);
  if (notes == NULL)
    {
      error_toast (self, _("Could not read the review"), error);
      notes = traction_review_notes_new ();
    }

  forget_removed (self);
  self->loading = TRUE;
  set_buffer_text (self->highlights, notes->highlights);
  set_buffer_text (self->impact, notes->impact);
  set_buffer_text (self->working_well, notes->working_well);
  set_buffer_text (self->to_improve, notes->to_improve);
  set_buffer_text (self->discussion, notes->discussion);
  clear_list (self->goals_list);
  clear_list (self->next_list);
  for (guint i = 0; i < notes->goals->len; i++)
    goal_row_new (self, self->goals_list, g_ptr_array_index (notes->goals, i), TRUE);
  for (guint i = 0; i < notes->next_goals->len; i++)
    goal_row_new (self, self->next_list, g_ptr_array_index (notes->next_goals, i), FALSE);
  self->loading = FALSE;

  label = traction_review_period_label (&self->period);
  traction_review_period_next (&self->period, &next);
  next_label = traction_review_period_label (&next);
  /* Translators: %s is a period, "Goals for Q3 2026" */
  title = g_strdup_printf (_("Goals for %s"), label);
  next_title = g_strdup_printf (_("Goals for %s"), next_label);
  adw_preferences_group_set_title (self->goals_group, title);
  adw_preferences_group_set_title (self->next_group, next_title);
  update_data_label (self);
}

TractionReviewNotes *
traction_review_dialog_get_notes (TractionReviewDialog *self)
{
  TractionReviewNotes *notes;

  g_return_val_if_fail (TRACTION_IS_REVIEW_DIALOG (self), NULL);

  notes = traction_review_notes_new ();
  g_free (notes->highlights);
  notes->highlights = buffer_text (self->highlights);
  g_free (notes->impact);
  notes->impact = buffer_text (self->impact);
  g_free (notes->working_well);
  notes->working_well = buffer_text (self->working_well);
  g_free (notes->to_improve);
  notes->to_improve = buffer_text (self->to_improve);
  g_free (notes->discussion);
  notes->discussion = buffer_text (self->discussion);
  read_goals (self->goals_list, notes->goals);
  read_goals (self->next_list, notes->next_goals);
  return notes;
}

gboolean
traction_review_dialog_save (TractionReviewDialog *self,
                             GError              **error)
{
  g_autoptr(TractionReviewNotes) notes = NULL;

  g_return_val_if_fail (TRACTION_IS_REVIEW_DIALOG (self), FALSE);

  notes = traction_review_dialog_get_notes (self);
  return traction_store_save_review_notes (self->store, self->account_id, &self->period, notes, error);
}

void
traction_review_dialog_get_period (TractionReviewDialog *self,
                                   TractionReviewPeriod *out)
{
  g_return_if_fail (TRACTION_IS_REVIEW_DIALOG (self) && out != NULL);

  *out = self->period;
}

TractionBusinessReview *
traction_review_dialog_load_review (TractionReviewDialog *self,
                                    GError              **error)
{
  GDate today;

  g_return_val_if_fail (TRACTION_IS_REVIEW_DIALOG (self), NULL);

  if (!traction_review_dialog_save (self, error))
    return NULL;
  traction_date_today (&today);
  return traction_store_load_business_review (self->store, self->account_id, &self->period, &today, error);
}

/* Saves before the form shows something else; FALSE (toasted) on failure. */
static gboolean
save_or_toast (TractionReviewDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (traction_review_dialog_save (self, &error))
    return TRUE;
  error_toast (self, _("Could not save the review"), error);
  return FALSE;
}

/* Signal callbacks */

static void
period_selected_cb (TractionReviewDialog *self)
{
  guint index = adw_combo_row_get_selected (self->period_row);

  if (self->loading || index >= self->periods->len)
    return;
  save_or_toast (self);
  self->period = g_array_index (self->periods, TractionReviewPeriod, index);
  load_period (self);
}

static void
kind_selected_cb (TractionReviewDialog *self)
{
  TractionReviewKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? TRACTION_REVIEW_EBR
                                                                           : TRACTION_REVIEW_QBR;
  guint index;

  if (self->loading)
    return;
  save_or_toast (self);
  self->loading = TRUE;
  fill_periods (self, kind);
  index = default_period_index (self);
  adw_combo_row_set_selected (self->period_row, index);
  self->loading = FALSE;
  self->period = g_array_index (self->periods, TractionReviewPeriod, index);
  load_period (self);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionReviewDialog *self = TRACTION_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *company = NULL;
  TractionBusinessReview *review;

  review = traction_review_dialog_load_review (self, &error);
  if (review == NULL)
    {
      error_toast (self, _("Could not make the review"), error);
      return;
    }
  company = traction_store_get_company_name (self->store);
  if (g_str_equal (action_name, "review.print"))
    traction_print_report (widget, traction_qbr_report_spec (), review,
                           (GDestroyNotify) traction_business_review_free, company);
  else
    {
      g_autofree char *file_name = traction_qbr_report_file_name (review->client->name, &review->period);

      traction_export_report_pdf (widget, traction_qbr_report_spec (), review,
                                  (GDestroyNotify) traction_business_review_free, company, file_name);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionReviewDialog *self = TRACTION_REVIEW_DIALOG (widget);

  if (save_or_toast (self))
    toast (self, _("Review saved"));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  TractionReviewDialog *self = TRACTION_REVIEW_DIALOG (window);

  if (self->close_anyway || save_or_toast (self))
    return FALSE;
  /* The error is shown; a second close goes without saving. */
  self->close_anyway = TRUE;
  return TRUE;
}

/* GObject */

static void
traction_review_dialog_dispose (GObject *object)
{
  TractionReviewDialog *self = TRACTION_REVIEW_DIALOG (object);

  forget_removed (self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (traction_review_dialog_parent_class)->dispose (object);
}

static void
traction_review_dialog_finalize (GObject *object)
{
  TractionReviewDialog *self = TRACTION_REVIEW_DIALOG (object);

  g_free (self->client_name);
  g_array_unref (self->periods);
  G_OBJECT_CLASS (traction_review_dialog_parent_class)->finalize (object);
}

static void
traction_review_dialog_class_init (TractionReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = traction_review_dialog_dispose;
  object_class->finalize = traction_review_dialog_finalize;
  window_class->close_request = close_request_cb;

  gtk_widget_class_install_action (widget_class, "review.print", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "review.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "review.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_review_dialog_init (TractionReviewDialog *self)
{
  GtkWidget *toolbar, *header, *button, *scroller, *page, *overlay;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->periods = g_array_new (FALSE, TRUE, sizeof (TractionReviewPeriod));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 720);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  button = traction_icon_button_new ("printer-symbolic", _("Print the Review (Ctrl+P)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.print");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  button = traction_icon_button_new ("document-save-symbolic", _("Save the Review as PDF (Shift+Ctrl+E)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.export-pdf");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (toolbar), header);

  overlay = adw_toast_overlay_new ();
  self->toasts = ADW_TOAST_OVERLAY (overlay);
  g_object_set_data (G_OBJECT (self), TRACTION_TOAST_OVERLAY_KEY, overlay);
  gtk_widget_set_vexpand (overlay, TRUE);
  page = adw_preferences_page_new ();
  scroller = page;
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_box_append (GTK_BOX (toolbar), overlay);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Review"));
  gtk_string_list_append (kinds, _("Quarterly (QBR)"));
  gtk_string_list_append (kinds, _("Annual (EBR)"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (group, GTK_WIDGET (self->kind_row));
  self->period_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row), _("Period"));
  adw_preferences_group_add (group, GTK_WIDGET (self->period_row));
  self->data_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->data_label, TRUE);
  gtk_label_set_xalign (self->data_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->data_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->data_label), 8);
  adw_preferences_group_add (group, GTK_WIDGET (self->data_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Highlights and Impact"));
  self->highlights = notes_field_new (group, _("Highlights and outcomes"),
                                      _("What the client achieved with you this period, in a few lines."));
  self->impact = notes_field_new (group, _("Quantified impact"),
                                  _("Revenue gained, time or cost saved: numbers the client’s executives recognise."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->goals_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->goals_group,
                                         _("Each goal agreed for this period, with its status: Achieved, On track or At risk."));
  self->goals_list = goal_list_new (self, self->goals_group, _("No goals for this period. Add the ones agreed at the last review."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->goals_group);

  self->next_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->next_group,
                                         _("Specific, measurable goals for the next period, with how success is measured and who owns each."));
  self->next_list = goal_list_new (self, self->next_group, _("No goals for the next period yet."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->next_group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Feedback and Discussion"));
  self->working_well = notes_field_new (group, _("What is working well"), _("In the client’s words."));
  self->to_improve = notes_field_new (group, _("What can be improved"), _("In the client’s words."));
  self->discussion = notes_field_new (group, _("Open discussion and next steps"),
                                      _("Strategic topics, roadmap input, renewal, action items and their dates."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

TractionReviewDialog *
traction_review_dialog_new (GtkWindow          *parent,
                            TractionStore      *store,
                            gint64              account_id,
                            const char         *client_name,
                            TractionReviewKind  kind,
                            GError            **error)
{
  g_autoptr(TractionReviewNotes) probe = NULL;
  TractionReviewDialog *self;
  g_autofree char *title = NULL;
  TractionReviewPeriod period;
  GDate today;
  guint index;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (client_name != NULL, NULL);

  /* Refuse before any window exists when the inputs cannot be read. */
  traction_date_today (&today);
  traction_review_period_containing (kind, &today, &period);
  probe = traction_store_load_review_notes (store, account_id, &period, error);
  if (probe == NULL)
    return NULL;

  self = g_object_new (TRACTION_TYPE_REVIEW_DIALOG,
                       "modal", FALSE,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;
  self->client_name = g_strdup (client_name);
  /* Translators: window title, "Business Review: Lumio Bank" */
  title = g_strdup_printf (_("Business Review: %s"), client_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind == TRACTION_REVIEW_EBR ? 1 : 0);
  fill_periods (self, kind);
  index = default_period_index (self);
  adw_combo_row_set_selected (self->period_row, index);
  self->loading = FALSE;
  self->period = g_array_index (self->periods, TractionReviewPeriod, index);
  load_period (self);
  return self;
}
