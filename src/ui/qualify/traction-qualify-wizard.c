/* traction-qualify-wizard.c: the qualification wizard.
 *
 * Built in code: a header bar with Back and Next (Save on the last
 * step) over a GtkStack of steps. One key handler serves the whole
 * window: 1–5 score the step's dimension (outside text fields), Enter
 * goes on (Save at the end), Escape asks before discarding. Every text
 * field is single-line so Enter always means "next".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "traction-qualify-wizard.h"
#include "traction-qualify-wizard-private.h"
#include "traction-objection-library.h"
#include "traction-store-deal.h"
#include "traction-store-deals.h"
#include "traction-store-qualify.h"
#include "traction-window.h"

#define N_ACTIONS 2

struct _TractionQualifyWizard
{
  AdwWindow               parent_instance;

  TractionStore          *store;
  gint64                  deal_id;
  TractionDealDetail     *deal;
  TractionCompanyProfile *profile;
  TractionQualification  *previous;      /* latest scoring, to pre-fill; may be NULL */
  TractionRules           rules;
  GDate                   today;
  char                   *currency;
  GArray                 *founder_ids;   /* gint64; position i + 1 in the combo rows */
  GArray                 *product_ids;   /* gint64, beside product_checks */
  GPtrArray              *product_checks;/* GtkCheckButton */
  GPtrArray              *questions;     /* TractionSpinQuestion */
  GPtrArray              *question_checks;
  GPtrArray              *objections;    /* TractionObjection */
  GPtrArray              *objection_checks;

  TractionQualifyStep     step;
  int                     scores[4];
  int                     meddic[TRACTION_N_MEDDPICC];
  gboolean                dirty;
  gboolean                saved;
  AdwMessageDialog       *dialog;

  /* chrome */
  AdwWindowTitle         *title;
  GtkButton              *back_button;
  GtkButton              *next_button;
  GtkStack               *stack;
  GtkLabel               *total_label;   /* live total under the header */

  /* profile */
  AdwComboRow            *segment_row;
  AdwEntryRow            *geography_row;
  AdwEntryRow            *size_row;
  AdwEntryRow            *providers_row;
  AdwComboRow            *source_row;
  AdwEntryRow            *introduced_row;
  AdwComboRow            *by_row;

  /* BANT, one page per dimension */
  GtkToggleButton        *score_buttons[4][5];
  GtkLabel               *guide_labels[4];
  AdwEntryRow            *note_rows[4];

  /* decision */
  GtkLabel               *decision_total;
  GtkLabel               *decision_band;
  GtkImage               *decision_icon;
  GtkLabel               *decision_advice;
  GtkLabel               *decision_follow;
  GtkLabel               *decision_offer;

  /* SPIN */
  AdwEntryRow            *spin_rows[TRACTION_N_SPIN_PHASES];
  GtkWidget              *pitch_warning;

  /* fit */
  AdwEntryRow            *arr_row;
  AdwComboRow            *effort_row;
  AdwEntryRow            *needed_row;

  /* MEDDIC */
  GtkSwitch              *meddic_switch;
  GtkWidget              *meddic_group;
  GtkLabel               *meddic_intro;
  GtkSpinButton          *meddic_spins[TRACTION_N_MEDDPICC];
  GtkWidget              *meddic_rows[TRACTION_N_MEDDPICC];
  AdwEntryRow            *meddic_notes_row;

  /* next steps */
  AdwEntryRow            *action_rows[N_ACTIONS];
  AdwEntryRow            *due_rows[N_ACTIONS];
  AdwComboRow            *owner_row;
  AdwEntryRow            *follow_row;
  GtkSwitch              *follow_switch;
};

G_DEFINE_FINAL_TYPE (TractionQualifyWizard, traction_qualify_wizard, ADW_TYPE_WINDOW)

static void update_live (TractionQualifyWizard *self);

/* Helpers */

static const char *
bant_name (int dimension)
{
  static const char * const names[] = { N_("Budget"), N_("Authority"), N_("Need"), N_("Timeline") };

  return _(names[dimension]);
}

static const char *
bant_question (int dimension)
{
  static const char * const questions[] = {
    N_("Does this prospect have budget for this? What are they spending today?"),
    N_("Are we talking to the decision-maker, or a champion who can influence?"),
    N_("Is the pain real, acknowledged and urgent? Are they actively solving it?"),
    N_("When do they need to go live? Is there a forcing function?"),
  };

  return _(questions[dimension]);
}

static const char *
band_icon (TractionBantBand band)
{
  switch (band)
    {
    case TRACTION_BANT_HIGH:       return "starred-symbolic";
    case TRACTION_BANT_MEDIUM:     return "emblem-ok-symbolic";
    case TRACTION_BANT_LOW:        return "alarm-symbolic";
    case TRACTION_BANT_DISQUALIFY:
    default:                       return "action-unavailable-symbolic";
    }
}

static const char *
band_class (TractionBantBand band)
{
  switch (band)
    {
    case TRACTION_BANT_HIGH:       return "success";
    case TRACTION_BANT_MEDIUM:     return "accent";
    case TRACTION_BANT_LOW:        return "warning";
    case TRACTION_BANT_DISQUALIFY:
    default:                       return "error";
    }
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0.0);
  /* Translators: a date, see g_date_time_format(); e.g. "Nov 22, 2026". */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

static int
bant_total (TractionQualifyWizard *self)
{
  return self->scores[0] + self->scores[1] + self->scores[2] + self->scores[3];
}

static TractionBantBand
current_band (TractionQualifyWizard *self)
{
  return traction_bant_band (bant_total (self), &self->rules);
}

static TractionWindow *
main_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *parent;

  if (TRACTION_IS_WINDOW (root))
    return TRACTION_WINDOW (root);
  if (GTK_IS_WINDOW (root) && (parent = gtk_window_get_transient_for (GTK_WINDOW (root))) != NULL &&
      TRACTION_IS_WINDOW (parent))
    return TRACTION_WINDOW (parent);
  return NULL;
}

static void
main_toast (TractionQualifyWizard *self,
            AdwToast              *toast)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && TRACTION_IS_WINDOW (parent))
    traction_window_add_toast (TRACTION_WINDOW (parent), toast);
  else
    {
      g_debug ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
show_error (TractionQualifyWizard *self,
            const char            *heading,
            const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Combo rows over the founders: "No one" first. */
static AdwComboRow *
new_founder_row (TractionQualifyWizard *self,
                 const char            *title,
                 gint64                 selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) founders = traction_store_list_named (self->store, "founders");
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  gtk_string_list_append (names, _("No one"));
  for (guint i = 0; founders != NULL && i < founders->len; i++)
    {
      const TractionNamed *f = g_ptr_array_index (founders, i);

      gtk_string_list_append (names, f->name);
      if (f->id == selected_id)
        selected = i + 1;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return ADW_COMBO_ROW (row);
}

static gint64
founder_id (TractionQualifyWizard *self,
            AdwComboRow           *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->founder_ids->len)
    return 0;
  return g_array_index (self->founder_ids, gint64, selected - 1);
}

static AdwEntryRow *
new_entry_row (const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A step: a scrolled, clamped column of widgets. */
static GtkWidget *
add_step (TractionQualifyWizard *self,
          TractionQualifyStep    step,
          const char            *title,
          const char            *description)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_autofree char *name = g_strdup_printf ("step-%d", step);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_label (title, "title-2", TRUE));
  if (description != NULL)
    gtk_box_append (GTK_BOX (box), new_label (description, "dim-label", TRUE));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_titled (self->stack, scroller, name, title);
  return box;
}

/* Steps: company profile */

static void
source_changed_cb (TractionQualifyWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->introduced_row),
                          adw_combo_row_get_selected (self->source_row) == TRACTION_SOURCE_WARM_INTRO);
}

static void
build_profile (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_PROFILE, _("Company Profile"),
                             _("Who they are and how they found you. Enter goes on; Escape leaves."));
  GtkWidget *group = new_group (NULL, NULL);
  GtkWidget *who = new_group (NULL, NULL);
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  const TractionCompanyProfile *p = self->profile;

  gtk_string_list_append (tiers, _("Not set"));
  gtk_string_list_append (tiers, _("Tier 1"));
  gtk_string_list_append (tiers, _("Tier 2"));
  gtk_string_list_append (tiers, _("Tier 3"));
  self->segment_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->segment_row), _("Segment (ICP tier)"));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (tiers));
  adw_combo_row_set_selected (self->segment_row, (guint) CLAMP (p->icp_tier, 0, 3));

  self->geography_row = new_entry_row (_("Geography"), p->geography);
  self->size_row = new_entry_row (_("Size (users, AUM or revenue)"), p->size);
  self->providers_row = new_entry_row (_("Current providers"), p->current_providers);

  for (guint i = 0; i < TRACTION_N_SOURCES; i++)
    gtk_string_list_append (sources, traction_source_label (i));
  self->source_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Deal source"));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  adw_combo_row_set_selected (self->source_row, p->source);
  self->introduced_row = new_entry_row (_("Introduced by"), p->introduced_by);
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (source_changed_cb), self);
  source_changed_cb (self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->segment_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->geography_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->size_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->providers_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->source_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->introduced_row));
  gtk_box_append (GTK_BOX (box), group);

  self->by_row = new_founder_row (self, _("Qualified by"),
                                  self->previous != NULL && self->previous->qualified_by_id > 0
                                    ? self->previous->qualified_by_id : self->deal->owner_id);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), GTK_WIDGET (self->by_row));
  gtk_box_append (GTK_BOX (box), who);
}

/* Steps: BANT */

static void
set_score (TractionQualifyWizard *self,
           int                    dimension,
           int                    score)
{
  g_assert (dimension >= 0 && dimension < 4);
  score = CLAMP (score, 1, 5);

  if (self->scores[dimension] != score)
    self->dirty = TRUE;
  self->scores[dimension] = score;
  for (int s = 0; s < 5; s++)
    gtk_toggle_button_set_active (self->score_buttons[dimension][s], s + 1 == score);
  gtk_label_set_text (self->guide_labels[dimension], traction_bant_guide (dimension, score));
  update_live (self);
}

static void
score_toggled_cb (GtkToggleButton       *button,
                  TractionQualifyWizard *self)
{
  int dimension = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "dimension"));
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));

  if (gtk_toggle_button_get_active (button) && self->scores[dimension] != score)
    set_score (self, dimension, score);
  else if (!gtk_toggle_button_get_active (button) && self->scores[dimension] == score)
    gtk_toggle_button_set_active (button, TRUE);  /* one is always picked */
}

static void
build_bant (TractionQualifyWizard *self,
            int                    dimension)
{
  g_autofree char *title = g_strdup_printf (_("%s: score 1 to 5"), bant_name (dimension));
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_BUDGET + dimension, title, bant_question (dimension));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *guides = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *group = new_group (NULL, NULL);
  GtkWidget *chosen;

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  for (int s = 0; s < 5; s++)
    {
      g_autofree char *text = g_strdup_printf ("%d", s + 1);
      g_autofree char *tip = g_strdup_printf (_("Score %d (key %d)"), s + 1, s + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      gtk_widget_set_size_request (button, 64, 48);
      gtk_widget_add_css_class (button, "title-3");
      gtk_widget_add_css_class (button, "numeric");
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data (G_OBJECT (button), "dimension", GINT_TO_POINTER (dimension));
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (s + 1));
      if (s > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->score_buttons[dimension][0]);
      g_signal_connect (button, "toggled", G_CALLBACK (score_toggled_cb), self);
      self->score_buttons[dimension][s] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), buttons);

  chosen = new_label ("", "heading", TRUE);
  gtk_label_set_xalign (GTK_LABEL (chosen), 0.5f);
  gtk_label_set_justify (GTK_LABEL (chosen), GTK_JUSTIFY_CENTER);
  self->guide_labels[dimension] = GTK_LABEL (chosen);
  gtk_box_append (GTK_BOX (box), chosen);

  /* The guide: 5, 3 and 1 as the seed writes them. */
  for (int s = 5; s >= 1; s -= 2)
    {
      g_autofree char *line = g_strdup_printf ("%d  %s", s, traction_bant_guide (dimension, s));
      GtkWidget *label = new_label (line, "dim-label", TRUE);

      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (guides), label);
    }
  gtk_box_append (GTK_BOX (box), guides);

  {
    g_autofree char *note_title = g_strdup_printf (_("%s note"), bant_name (dimension));
    self->note_rows[dimension] = new_entry_row (note_title,
                                                self->previous != NULL ? self->previous->bant_note[dimension] : "");
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_rows[dimension]));
  gtk_box_append (GTK_BOX (box), group);
}

/* Steps: decision */

static void
build_decision (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_DECISION, _("Qualification Decision"),
                             _("What the total means for this deal."));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *band_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 6);
  self->decision_total = GTK_LABEL (new_label ("", "title-1", FALSE));
  gtk_widget_add_css_class (GTK_WIDGET (self->decision_total), "numeric");
  gtk_label_set_xalign (self->decision_total, 0.5f);
  gtk_widget_set_margin_top (GTK_WIDGET (self->decision_total), 18);
  self->decision_icon = GTK_IMAGE (gtk_image_new ());
  self->decision_band = GTK_LABEL (new_label ("", "title-3", FALSE));
  gtk_widget_set_halign (band_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (band_box), GTK_WIDGET (self->decision_icon));
  gtk_box_append (GTK_BOX (band_box), GTK_WIDGET (self->decision_band));
  self->decision_advice = GTK_LABEL (new_label ("", NULL, TRUE));
  gtk_label_set_xalign (self->decision_advice, 0.5f);
  gtk_label_set_justify (self->decision_advice, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->decision_advice), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->decision_advice), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->decision_advice), 18);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->decision_total));
  gtk_box_append (GTK_BOX (card), band_box);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->decision_advice));
  gtk_box_append (GTK_BOX (box), card);

  self->decision_follow = GTK_LABEL (new_label ("", NULL, TRUE));
  self->decision_offer = GTK_LABEL (new_label ("", "dim-label", TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->decision_follow));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->decision_offer));
  gtk_box_append (GTK_BOX (box),
                  new_label (_("≥ 16 High priority: fast-track to Discovery · 12–15 Medium: Discovery within "
                               "2 weeks · 8–11 Low: nurture, revisit in 30 days · below 8: disqualify"),
                             "dim-label", TRUE));
}

/* Steps: SPIN */

static void
spin_changed_cb (TractionQualifyWizard *self)
{
  gboolean may = traction_spin_may_pitch (gtk_editable_get_text (GTK_EDITABLE (self->spin_rows[TRACTION_SPIN_IMPLICATION])),
                                          gtk_editable_get_text (GTK_EDITABLE (self->spin_rows[TRACTION_SPIN_NEED_PAYOFF])));

  gtk_widget_set_visible (self->pitch_warning, !may);
  self->dirty = TRUE;
}

static void
edit_bank_cb (TractionQualifyWizard *self)
{
  traction_objection_library_open (GTK_WIDGET (self), self->store, self->deal_id, "spin");
}

static void
build_spin (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_SPIN, _("SPIN Notes"),
                             _("Ask in order. Tick the questions you asked; write what you heard."));
  GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit Question Bank…"));

  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (warning), icon);
  gtk_box_append (GTK_BOX (warning),
                  new_label (_("Don't pitch yet: never pitch before Implication and Need-Payoff have notes."),
                             "warning", TRUE));
  self->pitch_warning = warning;
  gtk_box_append (GTK_BOX (box), warning);

  self->question_checks = g_ptr_array_new ();
  for (int p = 0; p < TRACTION_N_SPIN_PHASES; p++)
    {
      g_autofree char *title = g_strdup_printf ("%d. %s", p + 1, traction_spin_phase_label (p));
      GtkWidget *group = new_group (title, traction_spin_phase_purpose (p));

      self->spin_rows[p] = new_entry_row (_("What you heard"), self->previous != NULL ? self->previous->spin[p] : "");
      g_signal_connect_swapped (self->spin_rows[p], "changed", G_CALLBACK (spin_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->spin_rows[p]));

      for (guint i = 0; i < self->questions->len; i++)
        {
          const TractionSpinQuestion *q = g_ptr_array_index (self->questions, i);
          GtkWidget *row, *check;

          if (q->phase != (TractionSpinPhase) p)
            continue;
          row = adw_action_row_new ();
          check = gtk_check_button_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), q->question);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), q->asked);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_object_set_data (G_OBJECT (check), "question-id", (gpointer) q);
          g_ptr_array_add (self->question_checks, check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  gtk_widget_set_halign (edit, GTK_ALIGN_START);
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_bank_cb), self);
  gtk_box_append (GTK_BOX (box), edit);
}

/* Steps: product fit */

static void
build_fit (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_FIT, _("Product Fit"),
                             _("What they would buy and what it takes to deliver it."));
  g_autoptr(GPtrArray) products = traction_store_list_named (self->store, "products");
  g_autoptr(GtkStringList) efforts = gtk_string_list_new (NULL);
  GtkWidget *products_group = new_group (_("Products needed"), NULL);
  GtkWidget *group = new_group (NULL, NULL);
  g_autofree char *arr_title = g_strdup_printf (_("Estimated ARR (%s)"), self->currency);
  g_autofree char *arr_text = NULL;
  gint64 estimate = self->previous != NULL ? self->previous->estimated_arr_cents : self->deal->arr_cents;

  self->product_checks = g_ptr_array_new ();
  for (guint i = 0; products != NULL && i < products->len; i++)
    {
      const TractionNamed *product = g_ptr_array_index (products, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean chosen = FALSE;

      for (guint j = 0; self->previous != NULL && j < self->previous->product_ids->len; j++)
        chosen |= g_array_index (self->previous->product_ids, gint64, j) == product->id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), product->name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_array_append_val (self->product_ids, product->id);
      g_ptr_array_add (self->product_checks, check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (products_group), row);
    }
  if (self->product_checks->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (products_group),
                                           _("No products yet: add your products in Preferences."));
  gtk_box_append (GTK_BOX (box), products_group);

  if (estimate > 0)
    arr_text = estimate % 100 == 0
                 ? g_strdup_printf ("%" G_GINT64_FORMAT, estimate / 100)
                 : g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", estimate / 100, (int) (estimate % 100));
  self->arr_row = new_entry_row (arr_title, arr_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->arr_row), "numeric");

  for (guint i = 0; i < TRACTION_N_EFFORTS; i++)
    gtk_string_list_append (efforts, traction_effort_label (i));
  self->effort_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->effort_row), _("Integration effort"));
  adw_combo_row_set_model (self->effort_row, G_LIST_MODEL (efforts));
  adw_combo_row_set_selected (self->effort_row, self->previous != NULL ? self->previous->effort : 0);
  self->needed_row = new_entry_row (_("Providers needed"),
                                    self->previous != NULL ? self->previous->providers_needed : "");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->arr_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->effort_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->needed_row));
  gtk_box_append (GTK_BOX (box), group);
}

/* Steps: MEDDIC / MEDDPICC */

static int
cycle_days (TractionQualifyWizard *self)
{
  if (g_date_valid (&self->deal->expected_close) && g_date_valid (&self->deal->created))
    return traction_date_diff (&self->deal->created, &self->deal->expected_close);
  if (g_date_valid (&self->deal->created))
    return traction_date_diff (&self->deal->created, &self->today);
  return -1;
}

static TractionGraduation
graduation (TractionQualifyWizard *self)
{
  TractionMetrics metrics;
  g_autofree char *hire = traction_store_get_setting (self->store, "sales_hire_joined");

  if (!traction_store_compute_metrics (self->store, NULL, NULL, &self->today, &metrics, NULL))
    return 0;
  return traction_graduation_prompts (metrics.active_clients, metrics.arr_cents,
                                      g_strcmp0 (hire, "true") == 0 || g_strcmp0 (hire, "1") == 0,
                                      &self->rules);
}

static TractionFramework
framework (TractionQualifyWizard *self)
{
  return traction_qualify_framework (self->deal->arr_cents, cycle_days (self),
                                     gtk_switch_get_active (self->meddic_switch) ? TRACTION_GRADUATE_MEDDIC : 0,
                                     gtk_switch_get_active (self->meddic_switch), &self->rules);
}

/* Pre-fills the scores the founder has not touched from BANT and SPIN. */
static void
prefill_meddic (TractionQualifyWizard *self)
{
  TractionBant bant = { self->scores[0], self->scores[1], self->scores[2], self->scores[3] };
  const char *spin[TRACTION_N_SPIN_PHASES];
  int out[TRACTION_N_MEDDPICC];
  TractionFramework fw = framework (self);

  for (int p = 0; p < TRACTION_N_SPIN_PHASES; p++)
    spin[p] = gtk_editable_get_text (GTK_EDITABLE (self->spin_rows[p]));
  traction_meddic_prefill (&bant, spin, out);
  for (int i = 0; i < TRACTION_N_MEDDPICC; i++)
    {
      if (g_object_get_data (G_OBJECT (self->meddic_spins[i]), "touched") == NULL && out[i] > 0)
        gtk_spin_button_set_value (self->meddic_spins[i], out[i]);
      gtk_widget_set_visible (self->meddic_rows[i], i < TRACTION_N_MEDDIC || fw == TRACTION_FRAMEWORK_MEDDPICC);
    }
  gtk_widget_set_sensitive (self->meddic_group, fw != TRACTION_FRAMEWORK_BANT);
  gtk_label_set_text (self->meddic_intro,
                      fw == TRACTION_FRAMEWORK_MEDDPICC
                        ? _("MEDDPICC: this deal is over $100K ARR or has a cycle over 3 months, so Paper Process "
                            "and Competition are added. Pre-filled from BANT and SPIN; adjust.")
                        : fw == TRACTION_FRAMEWORK_MEDDIC
                            ? _("MEDDIC, pre-filled from BANT and SPIN; adjust what you know better.")
                            : _("Optional while founders sell: switch it on for this deal when it needs the "
                                "rigour of an enterprise sale."));
}

static void
meddic_touched_cb (GtkSpinButton         *spin,
                   TractionQualifyWizard *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (spin)) || gtk_widget_is_focus (GTK_WIDGET (spin)) ||
      gtk_widget_get_focus_child (GTK_WIDGET (spin)) != NULL)
    g_object_set_data (G_OBJECT (spin), "touched", GINT_TO_POINTER (TRUE));
}

static void
meddic_switch_cb (TractionQualifyWizard *self)
{
  self->dirty = TRUE;
  prefill_meddic (self);
}

static void
build_meddic (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_MEDDIC, _("MEDDIC"),
                             _("The enterprise framework founders graduate to (over $1M ARR or with a sales hire)."));
  GtkWidget *top = new_group (NULL, NULL);
  GtkWidget *switch_row = adw_action_row_new ();
  GtkWidget *group = new_group (NULL, NULL);
  TractionGraduation prompts = graduation (self);
  gboolean on = (prompts & (TRACTION_GRADUATE_MEDDIC | TRACTION_GRADUATE_MEDDPICC)) != 0 ||
                (self->previous != NULL && self->previous->framework != TRACTION_FRAMEWORK_BANT);

  self->meddic_intro = GTK_LABEL (new_label ("", "dim-label", TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->meddic_intro));

  self->meddic_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->meddic_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (self->meddic_switch, on);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (switch_row), _("Score MEDDIC for this deal"));
  if (prompts & (TRACTION_GRADUATE_MEDDIC | TRACTION_GRADUATE_MEDDPICC))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (switch_row), _("Suggested: the company has graduated from BANT+SPIN"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (switch_row), GTK_WIDGET (self->meddic_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (switch_row), GTK_WIDGET (self->meddic_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (top), switch_row);
  gtk_box_append (GTK_BOX (box), top);

  for (int i = 0; i < TRACTION_N_MEDDPICC; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);
      g_autofree char *subtitle = g_strdup_printf (_("%s (from %s)"), traction_meddic_question (i),
                                                   traction_meddic_maps_from (i));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), traction_meddic_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (spin, "numeric");
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
      if (self->previous != NULL && self->previous->meddic[i] > 0)
        {
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), self->previous->meddic[i]);
          g_object_set_data (G_OBJECT (spin), "touched", GINT_TO_POINTER (TRUE));
        }
      g_signal_connect (spin, "value-changed", G_CALLBACK (meddic_touched_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      self->meddic_spins[i] = GTK_SPIN_BUTTON (spin);
      self->meddic_rows[i] = row;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->meddic_notes_row = new_entry_row (_("Notes"), self->previous != NULL ? self->previous->meddic_notes : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->meddic_notes_row));
  self->meddic_group = group;
  gtk_box_append (GTK_BOX (box), group);

  g_signal_connect_swapped (self->meddic_switch, "notify::active", G_CALLBACK (meddic_switch_cb), self);
}

/* Steps: objections and next steps */

static void
edit_objections_cb (TractionQualifyWizard *self)
{
  traction_objection_library_open (GTK_WIDGET (self), self->store, self->deal_id, "objections");
}

static void
build_next (TractionQualifyWizard *self)
{
  GtkWidget *box = add_step (self, TRACTION_QUALIFY_STEP_NEXT, _("Objections and Next Steps"),
                             _("What came up, what happens next, and when you follow up. Enter saves."));
  GtkWidget *objections = new_group (_("Objections that came up"), NULL);
  GtkWidget *steps = new_group (_("Next steps"), _("Each with an owner and a date (YYYY-MM-DD)."));
  GtkWidget *follow = new_group (_("Follow-up"), NULL);
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit Library…"));
  GtkWidget *follow_switch_row = adw_action_row_new ();

  gtk_widget_add_css_class (edit, "flat");
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_objections_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (objections), edit);

  self->objection_checks = g_ptr_array_new ();
  for (guint i = 0; i < self->objections->len; i++)
    {
      const TractionObjection *o = g_ptr_array_index (self->objections, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), o->objection);
      {
        g_autofree char *subtitle = g_markup_escape_text (o->root_concern, -1);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), o->raised);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "objection", (gpointer) o);
      g_ptr_array_add (self->objection_checks, check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (objections), row);
    }
  gtk_box_append (GTK_BOX (box), objections);

  for (int i = 0; i < N_ACTIONS; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Action %d"), i + 1);
      g_autofree char *due_title = g_strdup_printf (_("Action %d due"), i + 1);

      self->action_rows[i] = new_entry_row (title, "");
      self->due_rows[i] = new_entry_row (due_title, "");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_rows[i]), "numeric");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (steps), GTK_WIDGET (self->action_rows[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (steps), GTK_WIDGET (self->due_rows[i]));
    }
  self->owner_row = new_founder_row (self, _("Owner of the actions"), self->deal->owner_id);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (steps), GTK_WIDGET (self->owner_row));
  gtk_box_append (GTK_BOX (box), steps);

  self->follow_row = new_entry_row (_("Follow-up date"), "");
  gtk_widget_add_css_class (GTK_WIDGET (self->follow_row), "numeric");
  self->follow_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->follow_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->follow_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (follow_switch_row), _("Add the follow-up to Today"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (follow_switch_row), GTK_WIDGET (self->follow_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (follow_switch_row), GTK_WIDGET (self->follow_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (follow), GTK_WIDGET (self->follow_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (follow), follow_switch_row);
  gtk_box_append (GTK_BOX (box), follow);
}

/* Live state */

static void
set_band_class (GtkWidget        *widget,
                TractionBantBand  band)
{
  static const char * const classes[] = { "success", "accent", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, band_class (band));
}

static void
update_live (TractionQualifyWizard *self)
{
  int total = bant_total (self);
  TractionBantBand band = current_band (self);
  TractionStage offer;
  GDate follow;
  g_autofree char *total_text = g_strdup_printf (_("%d/20"), total);
  /* Translators: the live total under the wizard's title: "Total 13/20 · Medium priority" */
  g_autofree char *live = g_strdup_printf (_("Total %d/20 · %s"), total, traction_bant_band_label (band));

  if (self->total_label == NULL || self->decision_total == NULL)
    return;

  gtk_label_set_text (self->total_label, live);
  gtk_label_set_text (self->decision_total, total_text);
  gtk_label_set_text (self->decision_band, traction_bant_band_label (band));
  gtk_image_set_from_icon_name (self->decision_icon, band_icon (band));
  set_band_class (GTK_WIDGET (self->decision_band), band);
  set_band_class (GTK_WIDGET (self->decision_icon), band);
  gtk_label_set_text (self->decision_advice, traction_bant_band_advice (band));

  if (traction_qualify_follow_up (band, &self->today, &self->rules, &follow))
    {
      g_autofree char *date = format_date (&follow);
      g_autofree char *text = g_strdup_printf (_("Follow-up: %s, set for you on the last step."), date);
      char iso[11];

      gtk_label_set_text (self->decision_follow, text);
      traction_date_format (&follow, iso);
      /* The band's date until the founder types another. */
      if (self->follow_row != NULL && g_object_get_data (G_OBJECT (self->follow_row), "typed") == NULL)
        {
          g_object_set_data (G_OBJECT (self->follow_row), "setting", GINT_TO_POINTER (TRUE));
          gtk_editable_set_text (GTK_EDITABLE (self->follow_row), iso);
          g_object_set_data (G_OBJECT (self->follow_row), "setting", NULL);
        }
    }
  else
    {
      gtk_label_set_text (self->decision_follow, _("No follow-up: offer to reconnect when the timing is better."));
      if (self->follow_row != NULL && g_object_get_data (G_OBJECT (self->follow_row), "typed") == NULL)
        {
          g_object_set_data (G_OBJECT (self->follow_row), "setting", GINT_TO_POINTER (TRUE));
          gtk_editable_set_text (GTK_EDITABLE (self->follow_row), "");
          g_object_set_data (G_OBJECT (self->follow_row), "setting", NULL);
        }
    }

  if (traction_qualify_stage_offer (self->deal->stage, total, &self->rules, &offer))
    {
      g_autofree char *text = offer == TRACTION_STAGE_LOST
        ? g_strdup (_("Saving will offer to close the deal as Closed Lost (disqualified)."))
        : g_strdup_printf (_("Saving will offer to move the deal to %s."), traction_stage_label (offer));
      gtk_label_set_text (self->decision_offer, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The deal stays in %s."), traction_stage_label (self->deal->stage));
      gtk_label_set_text (self->decision_offer, text);
    }
}

static void
follow_changed_cb (TractionQualifyWizard *self)
{
  if (g_object_get_data (G_OBJECT (self->follow_row), "setting") == NULL)
    g_object_set_data (G_OBJECT (self->follow_row), "typed", GINT_TO_POINTER (TRUE));
}

static void
show_step (TractionQualifyWizard *self,
           TractionQualifyStep    step)
{
  g_autofree char *name = g_strdup_printf ("step-%d", step);
  g_autofree char *subtitle = NULL;
  GtkWidget *page;

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, name);
  page = gtk_stack_get_visible_child (self->stack);
  /* Translators: the wizard's subtitle: "Step 2 of 10: Budget" */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), step + 1, TRACTION_QUALIFY_N_STEPS,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->stack, page)));
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), step > 0);
  gtk_button_set_label (self->next_button, step == TRACTION_QUALIFY_STEP_NEXT ? _("_Save") : _("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               step == TRACTION_QUALIFY_STEP_NEXT ? _("Save the scoring (Enter)") : _("Next step (Enter)"));

  if (step == TRACTION_QUALIFY_STEP_MEDDIC)
    prefill_meddic (self);

  /* Focus where typing starts: the score buttons, else the first field. */
  if (step >= TRACTION_QUALIFY_STEP_BUDGET && step <= TRACTION_QUALIFY_STEP_TIMELINE)
    {
      int d = step - TRACTION_QUALIFY_STEP_BUDGET;
      gtk_widget_grab_focus (GTK_WIDGET (self->score_buttons[d][self->scores[d] - 1]));
    }
  else if (step == TRACTION_QUALIFY_STEP_PROFILE)
    gtk_widget_grab_focus (GTK_WIDGET (self->segment_row));
  else if (step == TRACTION_QUALIFY_STEP_SPIN)
    gtk_widget_grab_focus (GTK_WIDGET (self->spin_rows[0]));
  else if (step == TRACTION_QUALIFY_STEP_NEXT)
    gtk_widget_grab_focus (GTK_WIDGET (self->action_rows[0]));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

/* Saving */

static gboolean
parse_optional_date (AdwEntryRow *row,
                     GDate       *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_date_clear (out, 1);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (text[0] == '\0')
    return TRUE;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (stripped[0] == '\0' || traction_date_parse (stripped, out, NULL))
      return TRUE;
  }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

/* Closes the wizard once the dialog answering on top of it is gone (the
 * dialog still refers to the wizard while it emits its response). */
static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_later (TractionQualifyWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
undo_move_cb (AdwToast *toast,
              gpointer  user_data)
{
  TractionStore *store = g_object_get_data (G_OBJECT (toast), "store");
  gint64 change = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "change"));
  g_autoptr(GError) error = NULL;

  if (store != NULL && !traction_store_undo_move (store, change, &error))
    g_warning ("Could not undo the move: %s", error->message);
}

static void
offer_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   TractionQualifyWizard *self)
{
  g_autoptr(GError) error = NULL;
  TractionStage offer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "offer"));
  gint64 change = 0, reason_id = 0;

  self->dialog = NULL;
  if (g_str_equal (response, "move"))
    {
      if ((offer != TRACTION_STAGE_LOST || traction_store_disqualified_reason (self->store, &reason_id, &error)) &&
          traction_store_move_deal (self->store, self->deal_id, offer,
                                         offer == TRACTION_STAGE_LOST ? _("disqualified") : NULL,
                                         reason_id, &change, &error))
        {
          g_autofree char *title = g_strdup_printf (_("%s moved to %s"), self->deal->company,
                                                    traction_stage_label (offer));
          AdwToast *toast = adw_toast_new (title);

          adw_toast_set_button_label (toast, _("_Undo"));
          g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
          g_object_set_data (G_OBJECT (toast), "change", GSIZE_TO_POINTER ((gsize) change));
          g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_move_cb), NULL);
          main_toast (self, toast);
        }
      if (error != NULL)
        {
          AdwToast *toast = adw_toast_new (error->message);
          main_toast (self, toast);
        }
    }
  close_later (self);
}

static void
offer_move (TractionQualifyWizard *self,
            TractionStage          offer)
{
  int total = bant_total (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (offer == TRACTION_STAGE_LOST)
    {
      heading = g_strdup (_("Close as Lost?"));
      /* Translators: "6/20 is below 8: politely decline…" */
      body = g_strdup_printf (_("%d/20 is below %d: %s The deal closes with the loss reason “Disqualified”."),
                              total, self->rules.bant_low, traction_bant_band_advice (TRACTION_BANT_DISQUALIFY));
    }
  else
    {
      heading = g_strdup_printf (_("Move to %s?"), traction_stage_label (offer));
      body = g_strdup_printf (_("%d/20 passes the Qualified exit criteria (%d or more). %s"), total,
                              self->rules.bant_medium, traction_bant_band_advice (current_band (self)));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Stage"),
                                    "move", offer == TRACTION_STAGE_LOST ? _("_Close as Lost") : _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              offer == TRACTION_STAGE_LOST ? ADW_RESPONSE_DESTRUCTIVE
                                                                           : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "offer", GINT_TO_POINTER (offer));
  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), self);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save (TractionQualifyWizard *self)
{
  g_autoptr(TractionQualification) q = traction_qualification_new ();
  g_autoptr(GError) error = NULL;
  TractionCompanyProfile profile = *self->profile;
  TractionStepInput steps[N_ACTIONS];
  guint n_steps = 0;
  TractionStage offer;
  gint64 owner = founder_id (self, self->owner_row);
  const char *arr_text = gtk_editable_get_text (GTK_EDITABLE (self->arr_row));
  gboolean ok = TRUE;
  int total = bant_total (self);

  q->deal_id = self->deal_id;
  q->date = self->today;
  q->qualified_by_id = founder_id (self, self->by_row);
  q->bant = (TractionBant) { self->scores[0], self->scores[1], self->scores[2], self->scores[3] };
  for (int i = 0; i < 4; i++)
    {
      g_free (q->bant_note[i]);
      q->bant_note[i] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_rows[i])));
    }
  for (int p = 0; p < TRACTION_N_SPIN_PHASES; p++)
    {
      g_free (q->spin[p]);
      q->spin[p] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->spin_rows[p])));
    }
  for (guint i = 0; i < self->product_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->product_checks, i)))
      g_array_append_val (q->product_ids, g_array_index (self->product_ids, gint64, i));
  gtk_widget_remove_css_class (GTK_WIDGET (self->arr_row), "error");
  if (arr_text[0] != '\0' && !traction_money_parse_input (arr_text, &q->estimated_arr_cents, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->arr_row), "error");
      show_step (self, TRACTION_QUALIFY_STEP_FIT);
      show_error (self, _("The estimated ARR is not an amount"), error->message);
      return;
    }
  q->effort = adw_combo_row_get_selected (self->effort_row);
  if ((guint) q->effort >= TRACTION_N_EFFORTS)
    q->effort = TRACTION_EFFORT_NONE;
  g_free (q->providers_needed);
  q->providers_needed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->needed_row)));
  q->framework = framework (self);
  for (int i = 0; i < TRACTION_N_MEDDPICC; i++)
    q->meddic[i] = gtk_spin_button_get_value_as_int (self->meddic_spins[i]);
  g_free (q->meddic_notes);
  q->meddic_notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->meddic_notes_row)));

  ok &= parse_optional_date (self->follow_row, &q->follow_up);
  for (int i = 0; i < N_ACTIONS; i++)
    {
      const char *action = gtk_editable_get_text (GTK_EDITABLE (self->action_rows[i]));
      GDate due;

      ok &= parse_optional_date (self->due_rows[i], &due);
      if (action[0] == '\0')
        continue;
      steps[n_steps].action = action;
      steps[n_steps].owner_id = owner;
      steps[n_steps].due = due;
      n_steps++;
    }
  if (!ok)
    {
      show_error (self, _("A date is not a date"), _("Write dates as YYYY-MM-DD, for example 2026-12-01, or leave them empty."));
      return;
    }

  profile.icp_tier = (int) adw_combo_row_get_selected (self->segment_row);
  profile.geography = (char *) gtk_editable_get_text (GTK_EDITABLE (self->geography_row));
  profile.size = (char *) gtk_editable_get_text (GTK_EDITABLE (self->size_row));
  profile.current_providers = (char *) gtk_editable_get_text (GTK_EDITABLE (self->providers_row));
  profile.source = adw_combo_row_get_selected (self->source_row);
  profile.introduced_by = (char *) gtk_editable_get_text (GTK_EDITABLE (self->introduced_row));

  if (!traction_store_save_qualification (self->store, q, &profile, steps, n_steps,
                                          gtk_switch_get_active (self->follow_switch) ? _("Follow up") : NULL,
                                          NULL, &error))
    {
      if (g_error_matches (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID) &&
          profile.source == TRACTION_SOURCE_WARM_INTRO)
        show_step (self, TRACTION_QUALIFY_STEP_PROFILE);
      show_error (self, _("Could not save the qualification"), error->message);
      return;
    }
  self->saved = TRUE;
  self->dirty = FALSE;

  /* What was asked and what came up: marks on the deal. */
  for (guint i = 0; i < self->question_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->question_checks, i);
      const TractionSpinQuestion *question = g_object_get_data (G_OBJECT (check), "question-id");
      gboolean active = gtk_check_button_get_active (check);

      if (active != question->asked &&
          !traction_store_set_spin_asked (self->store, self->deal_id, question->id, active, &self->today, &error))
        break;
    }
  for (guint i = 0; error == NULL && i < self->objection_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->objection_checks, i);
      const TractionObjection *o = g_object_get_data (G_OBJECT (check), "objection");
      gboolean active = gtk_check_button_get_active (check);

      if (active != o->raised &&
          !traction_store_set_deal_objection (self->store, self->deal_id, o->id, active, NULL, &self->today, &error))
        break;
    }

  {
    g_autofree char *title = g_strdup_printf (_("Qualification saved: %d/20, %s"), total,
                                              traction_bant_band_label (current_band (self)));
    main_toast (self, adw_toast_new (error != NULL ? error->message : title));
  }

  if (traction_qualify_stage_offer (self->deal->stage, total, &self->rules, &offer))
    offer_move (self, offer);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Navigation */

static void
go_next (TractionQualifyWizard *self)
{
  if (self->step == TRACTION_QUALIFY_STEP_NEXT)
    save (self);
  else
    show_step (self, self->step + 1);
}

static void
go_back (TractionQualifyWizard *self)
{
  if (self->step > 0)
    show_step (self, self->step - 1);
}

static void
discard_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     TractionQualifyWizard *self)
{
  self->dialog = NULL;
  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      close_later (self);
    }
}

static void
ask_discard (TractionQualifyWizard *self)
{
  GtkWidget *dialog;

  if (self->dialog != NULL)
    return;
  if (!self->dirty)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Qualification?"),
                                   _("The scores and notes you entered are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* TRUE when the focus is in a text field or a popover (a combo row's
 * list): there keys mean what they always mean. */
static gboolean
focus_in_text_or_popover (TractionQualifyWizard *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_POPOVER (w) || GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w))
      return TRUE;
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TractionQualifyWizard *self)
{
  return traction_qualify_wizard_key (self, keyval, state);
}

static gboolean
close_request_cb (TractionQualifyWizard *self)
{
  if (self->dirty)
    {
      ask_discard (self);
      return TRUE;
    }
  return FALSE;
}

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entry_rows (child, rows);
}

/* Enter in a text field: the step's next field, after the last one the
 * next step. */
static void
entry_activated_cb (TractionQualifyWizard *self,
                    AdwEntryRow           *row)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint index;

  collect_entry_rows (gtk_stack_get_visible_child (self->stack), rows);
  if (g_ptr_array_find (rows, row, &index) && index + 1 < rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (rows, index + 1));
  else
    go_next (self);
}

static void
mark_dirty_cb (TractionQualifyWizard *self)
{
  self->dirty = TRUE;
}

/* Wires Enter on every entry row under widget to "next". */
static void
connect_entries (TractionQualifyWizard *self,
                 GtkWidget             *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (mark_dirty_cb), self);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    connect_entries (self, child);
}

/* GObject */

static void
traction_qualify_wizard_dispose (GObject *object)
{
  TractionQualifyWizard *self = TRACTION_QUALIFY_WIZARD (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->deal, traction_deal_detail_free);
  g_clear_pointer (&self->profile, traction_company_profile_free);
  g_clear_pointer (&self->previous, traction_qualification_free);
  g_clear_pointer (&self->founder_ids, g_array_unref);
  g_clear_pointer (&self->product_ids, g_array_unref);
  g_clear_pointer (&self->product_checks, g_ptr_array_unref);
  g_clear_pointer (&self->question_checks, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->objection_checks, g_ptr_array_unref);
  g_clear_pointer (&self->objections, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_qualify_wizard_parent_class)->dispose (object);
}

static void
traction_qualify_wizard_finalize (GObject *object)
{
  TractionQualifyWizard *self = TRACTION_QUALIFY_WIZARD (object);

  g_free (self->currency);

  G_OBJECT_CLASS (traction_qualify_wizard_parent_class)->finalize (object);
}

static void
traction_qualify_wizard_class_init (TractionQualifyWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = traction_qualify_wizard_dispose;
  object_class->finalize = traction_qualify_wizard_finalize;
}

static void
traction_qualify_wizard_init (TractionQualifyWizard *self)
{
  g_date_clear (&self->today, 1);
  self->founder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < 4; i++)
    self->scores[i] = 3;
}

/* Builds the window once the deal is loaded. */
static void
build (TractionQualifyWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back"));
  GtkWidget *next = gtk_button_new_with_mnemonic (_("_Next"));
  GtkWidget *live = new_label ("", "numeric", FALSE);
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *title = g_strdup_printf (_("Qualify %s"), self->deal->company);
  g_autoptr(GPtrArray) founders = traction_store_list_named (self->store, "founders");

  for (guint i = 0; founders != NULL && i < founders->len; i++)
    g_array_append_val (self->founder_ids, ((TractionNamed *) g_ptr_array_index (founders, i))->id);

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (title, ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (next, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), next);
  self->back_button = GTK_BUTTON (back);
  self->next_button = GTK_BUTTON (next);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (go_back), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (go_next), self);
  gtk_box_append (GTK_BOX (box), header);

  /* The live total, on every step. */
  gtk_widget_set_margin_top (live, 6);
  gtk_widget_set_margin_bottom (live, 6);
  gtk_label_set_xalign (GTK_LABEL (live), 0.5f);
  gtk_widget_add_css_class (live, "dim-label");
  self->total_label = GTK_LABEL (live);
  gtk_box_append (GTK_BOX (box), live);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_transition_duration (self->stack, 120);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  build_profile (self);
  for (int d = 0; d < 4; d++)
    build_bant (self, d);
  build_decision (self);
  build_spin (self);
  build_fit (self);
  build_meddic (self);
  build_next (self);
  connect_entries (self, GTK_WIDGET (self->stack));
  g_signal_connect_swapped (self->follow_row, "changed", G_CALLBACK (follow_changed_cb), self);

  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  for (int d = 0; d < 4; d++)
    set_score (self, d, self->scores[d]);
  spin_changed_cb (self);
  source_changed_cb (self);
  self->dirty = FALSE;
  update_live (self);
  show_step (self, TRACTION_QUALIFY_STEP_PROFILE);
}

/* Public API */

TractionQualifyWizard *
traction_qualify_wizard_new (TractionStore  *store,
                             gint64          deal_id,
                             GError        **error)
{
  g_autoptr(TractionQualifyWizard) self = NULL;
  GError *local = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_ref_sink (g_object_new (TRACTION_TYPE_QUALIFY_WIZARD, NULL));
  self->store = g_object_ref (store);
  self->deal_id = deal_id;
  traction_date_today (&self->today);
  traction_store_get_rules (store, &self->rules);
  self->currency = traction_store_get_currency (store);

  if ((self->deal = traction_store_load_deal (store, deal_id, &self->today, error)) == NULL ||
      (self->profile = traction_store_get_company_profile (store, deal_id, error)) == NULL ||
      (self->questions = traction_store_list_spin_questions (store, deal_id, error)) == NULL ||
      (self->objections = traction_store_list_objections (store, deal_id, error)) == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  self->previous = traction_store_latest_qualification (store, deal_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  if (self->previous != NULL)
    {
      self->scores[0] = self->previous->bant.budget;
      self->scores[1] = self->previous->bant.authority;
      self->scores[2] = self->previous->bant.need;
      self->scores[3] = self->previous->bant.timeline;
    }

  build (self);
  /* The caller owns the toplevel from here (GTK keeps it alive). */
  return g_steal_pointer (&self);
}

void
traction_qualify_open (GtkWidget     *parent,
                       TractionStore *store,
                       gint64         deal_id)
{
  g_autoptr(GError) error = NULL;
  TractionQualifyWizard *wizard;
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  g_return_if_fail (TRACTION_IS_STORE (store));

  wizard = traction_qualify_wizard_new (store, deal_id, &error);
  if (wizard == NULL)
    {
      TractionWindow *window = main_window (parent);

      if (window != NULL)
        traction_window_add_toast (window, adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
      return;
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (wizard));
  g_object_unref (wizard);
}

gboolean
traction_qualify_wizard_key (TractionQualifyWizard *self,
                             guint                  keyval,
                             GdkModifierType        state)
{
  g_return_val_if_fail (TRACTION_IS_QUALIFY_WIZARD (self), FALSE);

  if (self->dialog != NULL)
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Escape:
      ask_discard (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (state != 0)
        return FALSE;
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
        GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

        /* A combo row's list keeps Enter; a text field moves on to the
         * step's next field. */
        if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
          return FALSE;
        if (row != NULL)
          entry_activated_cb (self, ADW_ENTRY_ROW (row));
        else
          {
            if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL)
              gtk_spin_button_update (GTK_SPIN_BUTTON (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON)));
            go_next (self);
          }
      }
      return TRUE;

    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4: case GDK_KEY_5:
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4: case GDK_KEY_KP_5:
      if (state != 0 || self->step < TRACTION_QUALIFY_STEP_BUDGET || self->step > TRACTION_QUALIFY_STEP_TIMELINE ||
          focus_in_text_or_popover (self))
        return FALSE;
      {
        int score = keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5 ? (int) (keyval - GDK_KEY_KP_1) + 1
                                                                       : (int) (keyval - GDK_KEY_1) + 1;
        int d = self->step - TRACTION_QUALIFY_STEP_BUDGET;

        set_score (self, d, score);
        gtk_widget_grab_focus (GTK_WIDGET (self->score_buttons[d][score - 1]));
      }
      return TRUE;

    default:
      return FALSE;
    }
}

TractionQualifyStep
traction_qualify_wizard_get_step (TractionQualifyWizard *self)
{
  g_return_val_if_fail (TRACTION_IS_QUALIFY_WIZARD (self), 0);
  return self->step;
}

int
traction_qualify_wizard_get_total (TractionQualifyWizard *self)
{
  g_return_val_if_fail (TRACTION_IS_QUALIFY_WIZARD (self), 0);
  return bant_total (self);
}

AdwMessageDialog *
traction_qualify_wizard_get_dialog (TractionQualifyWizard *self)
{
  g_return_val_if_fail (TRACTION_IS_QUALIFY_WIZARD (self), NULL);
  return self->dialog;
}

GtkEditable *
traction_qualify_wizard_get_field (TractionQualifyWizard *self,
                                   const char            *name)
{
  int i;

  g_return_val_if_fail (TRACTION_IS_QUALIFY_WIZARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "follow-up"))
    return GTK_EDITABLE (self->follow_row);
  if (strlen (name) < 3)
    return NULL;
  i = name[strlen (name) - 1] - '0';
  if (g_str_has_prefix (name, "note-") && i >= 0 && i < 4)
    return GTK_EDITABLE (self->note_rows[i]);
  if (g_str_has_prefix (name, "spin-") && i >= 0 && i < TRACTION_N_SPIN_PHASES)
    return GTK_EDITABLE (self->spin_rows[i]);
  if (g_str_has_prefix (name, "action-") && i >= 0 && i < N_ACTIONS)
    return GTK_EDITABLE (self->action_rows[i]);
  return NULL;
}
