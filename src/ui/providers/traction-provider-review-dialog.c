/* traction-provider-review-dialog.c: the quarterly review of one provider:
 * the eight dimensions of DOMAIN.md §4, each with its guide text and a
 * note, pricing and exclusivity details, and action items. Every review is
 * kept; saving adds a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-provider-review-dialog.h"
#include "traction-store-providers.h"

struct _TractionProviderReviewDialog
{
  AdwWindow             parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  GtkLabel             *overall_label;
  GtkLabel             *risk_label;
  GtkBox               *groups_box;
  GtkTextView          *actions_view;
  GtkButton            *save_button;

  GtkSpinButton        *spins[TRACTION_N_DIMENSIONS];   /* NULL for exclusivity */
  AdwComboRow          *exclusivity_row;
  AdwEntryRow          *notes[TRACTION_N_DIMENSIONS];
  AdwActionRow         *score_rows[TRACTION_N_DIMENSIONS];

  TractionStore        *store;
  gint64                provider_id;
};

G_DEFINE_FINAL_TYPE (TractionProviderReviewDialog, traction_provider_review_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
read_scores (TractionProviderReviewDialog *self,
             TractionProviderReview       *review)
{
#define SPIN(dim) gtk_spin_button_get_value_as_int (self->spins[dim])
  review->reliability = SPIN (TRACTION_DIM_RELIABILITY);
  review->pricing = SPIN (TRACTION_DIM_PRICING);
  review->integration_maturity = SPIN (TRACTION_DIM_INTEGRATION);
  review->support = SPIN (TRACTION_DIM_SUPPORT);
  review->regulatory = SPIN (TRACTION_DIM_REGULATORY);
  review->dependency_risk = SPIN (TRACTION_DIM_DEPENDENCY);
  review->relationship = SPIN (TRACTION_DIM_RELATIONSHIP);
#undef SPIN
  review->exclusivity = adw_combo_row_get_selected (self->exclusivity_row);
}

/* The guide for the chosen score: 5, 3 and 1 have their own text, 2 and
 * 4 show the two around them. */
static char *
guide_for (TractionProviderDimension dim,
           int                       score)
{
  const char *exact = traction_provider_dimension_guide (dim, score);

  if (exact != NULL)
    return g_strdup_printf ("%d: %s", score, exact);

  /* Translators: between two guide texts, e.g. "4: between “…” and “…”" */
  return g_strdup_printf (_("%d: between “%s” and “%s”"), score,
                          traction_provider_dimension_guide (dim, score - 1),
                          traction_provider_dimension_guide (dim, score + 1));
}

static void
update_summary (TractionProviderReviewDialog *self)
{
  TractionProviderReview review;
  g_autofree char *overall = NULL;
  g_autofree char *risk = NULL;
  TractionRiskLevel level;
  int total = 0;

  read_scores (self, &review);
  traction_provider_overall (&review, &total, NULL);
  level = traction_provider_risk (review.dependency_risk);

  /* Translators: the overall provider score, "Overall 27/40" */
  overall = g_strdup_printf (_("Overall %d/40"), total);
  gtk_label_set_text (self->overall_label, overall);
  /* Translators: "Risk: High. Identify a backup provider…" */
  risk = g_strdup_printf (_("Risk: %s. %s"), traction_risk_label (level), traction_risk_action (level));
  gtk_label_set_text (self->risk_label, risk);

  gtk_widget_remove_css_class (GTK_WIDGET (self->risk_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->risk_label), "warning");
  if (level == TRACTION_RISK_CRITICAL)
    gtk_widget_add_css_class (GTK_WIDGET (self->risk_label), "error");
  else if (level == TRACTION_RISK_HIGH)
    gtk_widget_add_css_class (GTK_WIDGET (self->risk_label), "warning");

  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    {
      g_autofree char *guide = NULL;
      g_autofree char *markup = NULL;
      g_autofree char *subtitle = NULL;

      if (self->spins[dim] == NULL)
        continue;
      guide = guide_for (dim, gtk_spin_button_get_value_as_int (self->spins[dim]));
      subtitle = g_strdup_printf ("%s\n%s", traction_provider_dimension_hint (dim), guide);
      markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (self->score_rows[dim], markup);
    }
}

static void
value_changed_cb (TractionProviderReviewDialog *self)
{
  update_summary (self);
}

static void
build_dimension (TractionProviderReviewDialog *self,
                 TractionProviderDimension     dim)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *note_title;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), traction_provider_dimension_label (dim));

  if (dim == TRACTION_DIM_EXCLUSIVITY)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *markup = NULL;

      for (int e = TRACTION_EXCLUSIVITY_NONE; e <= TRACTION_EXCLUSIVITY_HARD; e++)
        {
          /* Translators: an exclusivity choice and its score, "Soft (3)" */
          g_autofree char *label = g_strdup_printf (_("%s (%d)"), traction_exclusivity_label (e),
                                                    traction_exclusivity_score (e));
          gtk_string_list_append (model, label);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Exclusivity terms"));
      subtitle = g_strdup_printf ("%s\n5: %s\n3: %s\n1: %s", traction_provider_dimension_hint (dim),
                                  traction_provider_dimension_guide (dim, 5),
                                  traction_provider_dimension_guide (dim, 3),
                                  traction_provider_dimension_guide (dim, 1));
      markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->exclusivity_row = ADW_COMBO_ROW (row);
      note_title = _("Exclusivity details and restrictions");
    }
  else
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     dim == TRACTION_DIM_DEPENDENCY ? _("Score (5 = highest risk)") : _("Score"));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, traction_provider_dimension_label (dim),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->spins[dim] = GTK_SPIN_BUTTON (spin);
      self->score_rows[dim] = ADW_ACTION_ROW (row);
      note_title = dim == TRACTION_DIM_PRICING ? _("Rate, fee structure and volume discounts") : _("Notes");
    }

  self->notes[dim] = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes[dim]), note_title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->notes[dim]));

  gtk_box_append (self->groups_box, group);
}

static void
prefill (TractionProviderReviewDialog *self)
{
  g_autoptr(GPtrArray) reviews = NULL;
  const TractionProviderReviewRow *last;

  reviews = traction_store_list_provider_reviews (self->store, self->provider_id, NULL);
  if (reviews == NULL || reviews->len == 0)
    return;

  /* Start from the last review: a founder changes what moved. */
  last = g_ptr_array_index (reviews, reviews->len - 1);
  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    {
      if (self->spins[dim] != NULL)
        gtk_spin_button_set_value (self->spins[dim], traction_provider_review_get (&last->scores, dim));
      gtk_editable_set_text (GTK_EDITABLE (self->notes[dim]), last->notes[dim]);
    }
  adw_combo_row_set_selected (self->exclusivity_row, last->scores.exclusivity);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionProviderReviewDialog *self = TRACTION_PROVIDER_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!traction_provider_review_dialog_save (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Review"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject overrides */

static void
traction_provider_review_dialog_dispose (GObject *object)
{
  TractionProviderReviewDialog *self = TRACTION_PROVIDER_REVIEW_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_PROVIDER_REVIEW_DIALOG);

  G_OBJECT_CLASS (traction_provider_review_dialog_parent_class)->dispose (object);
}

static void
traction_provider_review_dialog_class_init (TractionProviderReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_provider_review_dialog_dispose;

  /**
   * TractionProviderReviewDialog::saved:
   * @id: the new review
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/providers/traction-provider-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, overall_label);
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, risk_label);
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, groups_box);
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, actions_view);
  gtk_widget_class_bind_template_child (widget_class, TractionProviderReviewDialog, save_button);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
}

static void
traction_provider_review_dialog_init (TractionProviderReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    build_dimension (self, dim);
}

/* Public API */

GtkWidget *
traction_provider_review_dialog_new (TractionStore *store,
                                     gint64         provider_id,
                                     const char    *provider_name)
{
  TractionProviderReviewDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_PROVIDER_REVIEW_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->provider_id = provider_id;
  adw_window_title_set_subtitle (self->window_title, provider_name);
  /* Translators: accessible title of the review window */
  title = g_strdup_printf (_("Review of %s"), provider_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  prefill (self);
  update_summary (self);

  return GTK_WIDGET (self);
}

void
traction_provider_review_dialog_set_score (TractionProviderReviewDialog *self,
                                           int                           dimension,
                                           int                           value)
{
  g_return_if_fail (TRACTION_IS_PROVIDER_REVIEW_DIALOG (self));
  g_return_if_fail (dimension >= 0 && dimension < TRACTION_N_DIMENSIONS);

  if (dimension == TRACTION_DIM_EXCLUSIVITY)
    {
      /* 5 None, 3 Soft, 1 Hard */
      adw_combo_row_set_selected (self->exclusivity_row,
                                  value >= 5 ? TRACTION_EXCLUSIVITY_NONE :
                                  value >= 3 ? TRACTION_EXCLUSIVITY_SOFT : TRACTION_EXCLUSIVITY_HARD);
      return;
    }
  gtk_spin_button_set_value (self->spins[dimension], value);
}

int
traction_provider_review_dialog_get_overall (TractionProviderReviewDialog *self)
{
  TractionProviderReview review;
  int total = 0;

  g_return_val_if_fail (TRACTION_IS_PROVIDER_REVIEW_DIALOG (self), 0);

  read_scores (self, &review);
  traction_provider_overall (&review, &total, NULL);
  return total;
}

gboolean
traction_provider_review_dialog_save (TractionProviderReviewDialog  *self,
                                      GError                       **error)
{
  TractionProviderReviewRow row = { 0 };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *actions = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (TRACTION_IS_PROVIDER_REVIEW_DIALOG (self), FALSE);

  row.provider_id = self->provider_id;
  traction_date_today (&row.reviewed_on);
  read_scores (self, &row.scores);
  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    row.notes[dim] = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes[dim]))));
  buffer = gtk_text_view_get_buffer (self->actions_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  actions = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  row.action_items = g_strstrip (actions);

  ok = traction_store_add_provider_review (self->store, &row, &id, error);
  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    g_free (row.notes[dim]);

  if (ok)
    g_signal_emit (self, signals[SAVED], 0, id);
  return ok;
}
