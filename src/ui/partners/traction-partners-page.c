/* traction-partners-page.c: the design-partner tracker (DOMAIN.md §3).
 *
 * The sidebar lists two overviews (candidates side by side, feature
 * requests grouped across partners) and then every design partner, with
 * a "Late" flag when a milestone is late. The detail of a partner holds
 * its candidate score, agreement, milestone timeline, obligations,
 * success metrics, evaluation gates and feedback log. Rules come from
 * core/, rows from the store; this file only shows and edits them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-partners-page.h"
#include "traction-widgets.h"
#include "traction-chart-widget.h"
#include "traction-partner-report.h"
#include "traction-print.h"
#include "traction-store-partners.h"
#include "traction-timeline.h"
#include "traction-window.h"

struct _TractionPartnersPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *detail;
  GtkListBox           *partner_list;
  GtkScrolledWindow    *detail_scroller;
  GtkBox               *detail_box;
  AdwStatusPage        *error_page;

  TractionStore        *store;
  gint64                selected;      /* partner id, or COMPARE / REQUESTS; 0 = first */
  guint                 refresh_id;
  gboolean              stale;      /* changed while hidden: reload when shown */
  gboolean              populating;
  gboolean              quiet;         /* a write from an edit in place: sidebar only */
  gboolean              full_pending;
  GDate                 today;

  /* The partner shown and its editors */
  TractionPartnerRow   *partner;
  GPtrArray            *founders;      /* TractionNamed */
  GtkSpinButton        *score_spins[5];
  GtkLabel             *total_label;
  AdwEntryRow          *start_row;
  GtkSpinButton        *duration_spin;
  GtkSpinButton        *discount_spin;
  GtkSpinButton        *term_spin;
  GtkSwitch            *early_switch;
  GtkSwitch            *term_switch;
  GtkSwitch            *reference_switch;
  AdwComboRow          *contact_row;
  GtkLabel             *agreement_error;
  AdwComboRow          *status_row;
  AdwComboRow          *stage_row;
  AdwComboRow          *go_row;
};

G_DEFINE_FINAL_TYPE (TractionPartnersPage, traction_partners_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TractionPartnersPage *self,
                     gboolean              full);

/* Helpers */

#define ID_KEY "traction-id"

static void
set_id (gpointer object,
        gint64   id)
{
  g_object_set_data (G_OBJECT (object), ID_KEY, GSIZE_TO_POINTER ((gsize) id));
}

static gint64
get_id (gpointer object)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), ID_KEY));
}

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

static char *
format_money (TractionPartnersPage *self,
              gint64                cents)
{
  g_autofree char *currency = traction_store_get_currency (self->store);

  return traction_money_format (cents, currency, FALSE);
}

/* AdwActionRow titles and subtitles are markup in libadwaita 1.2. */
static AdwActionRow *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
    }
  return ADW_ACTION_ROW (row);
}

static AdwPreferencesGroup *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title_markup);
  if (description != NULL)
    {
      g_autofree char *description_markup = g_markup_escape_text (description, -1);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description_markup);
    }
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An icon beside a word: colour never carries meaning alone. */
static GtkWidget *
flag_new (const char *icon_name,
          const char *text,
          const char *css_class)
{
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (image, css_class);
      gtk_widget_add_css_class (label, css_class);
    }
  gtk_box_append (GTK_BOX (flag), image);
  gtk_box_append (GTK_BOX (flag), label);
  return flag;
}

static void
add_empty_row (AdwPreferencesGroup *group,
               const char          *text)
{
  GtkWidget *label = label_new (text, "dim-label", 0.0f);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
spin_new (double lower,
          double upper,
          double value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (spin, "numeric");
  return spin;
}

static const char *
state_css (TractionMilestoneState state)
{
  switch (state)
    {
    case TRACTION_MILESTONE_DONE:
      return "success";
    case TRACTION_MILESTONE_LATE:
      return "error";
    case TRACTION_MILESTONE_DUE:
      return "warning";
    case TRACTION_MILESTONE_UPCOMING:
    default:
      return "dim-label";
    }
}

static const char *
state_icon (TractionMilestoneState state)
{
  switch (state)
    {
    case TRACTION_MILESTONE_DONE:
      return "object-select-symbolic";
    case TRACTION_MILESTONE_LATE:
      return "task-past-due-symbolic";
    case TRACTION_MILESTONE_DUE:
      return "alarm-symbolic";
    case TRACTION_MILESTONE_UPCOMING:
    default:
      return "content-loading-symbolic";
    }
}

static void
add_toast (TractionPartnersPage *self,
           AdwToast             *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRACTION_TYPE_WINDOW);

  if (window != NULL)
    traction_window_add_toast (TRACTION_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error_dialog (TractionPartnersPage *self,
                   const char           *heading,
                   const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes done by an edit in place (a check box, a spin button) refresh
 * only the sidebar: the widget already shows the new value. */
static void
begin_quiet (TractionPartnersPage *self)
{
  self->quiet = TRUE;
}

static void
end_quiet (TractionPartnersPage *self)
{
  self->quiet = FALSE;
}

/* Undo of a delete: the item is put back with its id. */
typedef gboolean (*RestoreFunc) (TractionStore *store, gconstpointer item, gint64 *id, GError **error);

typedef struct {
  TractionStore  *store;
  gpointer        item;
  GDestroyNotify  free_item;
  RestoreFunc     restore;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  undo->free_item (undo->item);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!undo->restore (undo->store, undo->item, NULL, &error))
    g_warning ("Could not undo the delete: %s", error->message);
}

static void
toast_with_undo (TractionPartnersPage *self,
                 const char           *title,
                 gpointer              item,
                 GDestroyNotify        free_item,
                 RestoreFunc           restore)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *undo = g_new0 (UndoData, 1);

  undo->store = g_object_ref (self->store);
  undo->item = item;
  undo->free_item = free_item;
  undo->restore = restore;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_data_free, 0);
  add_toast (self, toast);
}

/* Sidebar */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
sidebar_row (const char *icon_name,
             const char *title,
             const char *subtitle,
             gint64      id)
{
  AdwActionRow *row = row_new (title, subtitle);

  if (icon_name != NULL)
    adw_action_row_add_prefix (row, gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_id (row, id);
  return GTK_WIDGET (row);
}

static void
fill_sidebar (TractionPartnersPage *self,
              GPtrArray            *partners)
{
  GtkWidget *select = NULL;
  GtkWidget *row;

  self->populating = TRUE;
  clear_box (GTK_WIDGET (self->partner_list));

  row = sidebar_row ("view-dual-symbolic", _("Candidates Side by Side"), NULL, TRACTION_PARTNERS_COMPARE);
  gtk_list_box_append (self->partner_list, row);
  if (self->selected == TRACTION_PARTNERS_COMPARE)
    select = row;
  row = sidebar_row ("view-list-bullet-symbolic", _("Feature Requests"), NULL, TRACTION_PARTNERS_REQUESTS);
  gtk_list_box_append (self->partner_list, row);
  if (self->selected == TRACTION_PARTNERS_REQUESTS)
    select = row;

  for (guint i = 0; i < partners->len; i++)
    {
      const TractionPartnerRow *p = g_ptr_array_index (partners, i);
      /* Translators: sidebar subtitle, "Active · 21/25" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %d/25"),
                                                   traction_partner_status_label (p->status), p->total);

      row = sidebar_row (NULL, p->name, subtitle, p->id);
      if (p->n_late > 0)
        {
          GtkWidget *flag = flag_new ("task-past-due-symbolic", _("Late"), "error");

          gtk_widget_set_tooltip_text (flag, ngettext ("A milestone is late", "Milestones are late", p->n_late));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
        }
      gtk_list_box_append (self->partner_list, row);
      if (self->selected == p->id)
        select = row;
    }

  if (select != NULL)
    gtk_list_box_select_row (self->partner_list, GTK_LIST_BOX_ROW (select));
  self->populating = FALSE;
}

/* Candidates side by side */

static const char *
dimension_label (int dim)
{
  static const char * const labels[] = {
    N_("ICP fit"), N_("Brand value"), N_("Technical readiness"),
    N_("Feedback quality"), N_("Expansion potential"),
  };
  return _(labels[dim]);
}

static const char *
dimension_question (int dim)
{
  static const char * const questions[] = {
    N_("Does this company match your Tier 1–2 ICP?"),
    N_("Would their logo on your website impress other prospects?"),
    N_("Do they have engineering resources to integrate within 30 days?"),
    N_("Will they give structured product feedback, not just complaints?"),
    N_("Could this become a large account within 12 months?"),
  };
  return _(questions[dim]);
}

static int
score_get (const TractionPartnerScore *s,
           int                         dim)
{
  const int values[] = { s->icp_fit, s->brand_value, s->technical_readiness,
                         s->feedback_quality, s->expansion_potential };
  return values[dim];
}

static char *
total_text (int      total,
            gboolean qualifies)
{
  /* Translators: "21/25 · Qualifies" / "15/25 · Below 18" */
  return qualifies ? g_strdup_printf (_("%d/25 · Qualifies"), total)
                   : g_strdup_printf (_("%d/25 · Below the bar"), total);
}

static void
build_compare (TractionPartnersPage *self,
               GPtrArray            *partners)
{
  TractionRules rules;
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *grid, *frame, *scroller;

  traction_store_get_rules (self->store, &rules);
  description = g_strdup_printf (_("Each candidate scored from 1 to 5 on five dimensions; a candidate qualifies at %d of 25."),
                                 rules.partner_qualify);
  group = group_new (self->detail_box, _("Candidates Side by Side"), description);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_grid_attach (GTK_GRID (grid), label_new (_("Dimension"), "heading", 0.0f), 0, 0, 1, 1);
  for (int dim = 0; dim < 5; dim++)
    gtk_grid_attach (GTK_GRID (grid), label_new (dimension_label (dim), NULL, 0.0f), 0, dim + 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("Status"), "dim-label", 0.0f), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("Total"), "heading", 0.0f), 0, 7, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("Verdict"), "heading", 0.0f), 0, 8, 1, 1);

  for (guint i = 0; i < partners->len; i++)
    {
      const TractionPartnerRow *p = g_ptr_array_index (partners, i);
      g_autofree char *total = g_strdup_printf ("%d/25", p->total);
      GtkWidget *name = label_new (p->name, "heading", 0.5f);
      GtkWidget *verdict = flag_new (p->qualifies ? "object-select-symbolic" : "dialog-warning-symbolic",
                                     p->qualifies ? _("Qualifies") : _("Below the bar"),
                                     p->qualifies ? "success" : "warning");

      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, (int) i + 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), label_new (traction_partner_status_label (p->status), "dim-label", 0.5f),
                       (int) i + 1, 1, 1, 1);
      for (int dim = 0; dim < 5; dim++)
        {
          g_autofree char *text = g_strdup_printf ("%d", score_get (&p->scores, dim));
          GtkWidget *cell = label_new (text, "numeric", 0.5f);

          gtk_grid_attach (GTK_GRID (grid), cell, (int) i + 1, dim + 2, 1, 1);
        }
      {
        GtkWidget *cell = label_new (total, "numeric", 0.5f);

        gtk_widget_add_css_class (cell, "heading");
        gtk_grid_attach (GTK_GRID (grid), cell, (int) i + 1, 7, 1, 1);
      }
      gtk_widget_set_halign (verdict, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), verdict, (int) i + 1, 8, 1, 1);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_preferences_group_add (group, frame);

  if (partners->len == 0)
    add_empty_row (group, _("No candidates yet: add one with the + button."));
}

/* Feature requests grouped across partners */

static void
build_requests (TractionPartnersPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;

  group = group_new (self->detail_box, _("Feature Requests Across Partners"),
                     _("The same request from several design partners, with their combined ARR, largest first: "
                       "that is what makes a feature worth building. Requests with the same request key are one."));

  rows = traction_store_list_request_groups (self->store, &self->today, &error);
  if (rows == NULL)
    {
      add_empty_row (group, error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const TractionRequestRow *r = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *arr = format_money (self, r->arr_cents);
      g_autofree char *count = g_strdup_printf (ngettext ("%u partner", "%u partners", r->n_partners), r->n_partners);
      AdwActionRow *row;
      GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *arr_label = label_new (arr, "numeric", 1.0f);

      /* Translators: "Asked by Brightwell Money, Cobalt Wallet · webhook-retry-policy" */
      subtitle = g_strdup_printf (_("Asked by %s · %s"), r->partners, r->key);
      row = row_new (r->title, subtitle);
      gtk_widget_add_css_class (arr_label, "heading");
      gtk_box_append (GTK_BOX (suffix), arr_label);
      gtk_box_append (GTK_BOX (suffix), label_new (count, r->n_partners > 1 ? "accent" : "dim-label", 1.0f));
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, suffix);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  if (rows->len == 0)
    add_empty_row (group, _("No feature requests logged yet. Log them in each partner’s feedback log, with a request key shared across partners."));
}

/* Partner detail: header */

static void
build_header (TractionPartnersPage *self)
{
  const TractionPartnerRow *p = self->partner;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *arr = format_money (self, p->arr_cents);
  g_autofree char *subtitle = NULL;

  gtk_box_append (GTK_BOX (box), label_new (p->name, "title-1", 0.0f));
  /* Translators: "Active · Negotiate & close · ARR $48,000.00" */
  subtitle = g_strdup_printf (_("%s · %s · ARR %s"), traction_partner_status_label (p->status),
                              traction_eval_stage_label (p->stage), arr);
  gtk_box_append (GTK_BOX (box), label_new (subtitle, "dim-label", 0.0f));

  for (int m = 0; m < TRACTION_N_MILESTONES; m++)
    if (p->milestone_state[m] == TRACTION_MILESTONE_LATE)
      {
        GDate due;
        g_autofree char *when = NULL;
        g_autofree char *text = NULL;
        GtkWidget *flag;

        traction_partner_milestone_due (m, &p->start_on, &due);
        when = format_date (&due);
        /* Translators: "Late: Production deployment, first real volume (due 10/1/2026)" */
        text = g_strdup_printf (_("Late: %s (due %s)"), traction_partner_milestone_label (m), when);
        flag = flag_new ("task-past-due-symbolic", text, "error");
        gtk_widget_set_halign (flag, GTK_ALIGN_START);
        gtk_box_append (GTK_BOX (box), flag);
      }
  if (p->status == TRACTION_PARTNER_DISQUALIFIED)
    {
      g_autofree char *text = g_strdup_printf (_("Disqualified: %s"), p->disqualify_reason);

      gtk_box_append (GTK_BOX (box), label_new (text, "warning", 0.0f));
    }
  gtk_box_append (self->detail_box, box);
}

/* Candidate score */

static void
scores_changed_cb (GtkSpinButton        *spin,
                   TractionPartnersPage *self)
{
  TractionPartnerScore score;
  TractionRules rules;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int total = 0;

  score.icp_fit = gtk_spin_button_get_value_as_int (self->score_spins[0]);
  score.brand_value = gtk_spin_button_get_value_as_int (self->score_spins[1]);
  score.technical_readiness = gtk_spin_button_get_value_as_int (self->score_spins[2]);
  score.feedback_quality = gtk_spin_button_get_value_as_int (self->score_spins[3]);
  score.expansion_potential = gtk_spin_button_get_value_as_int (self->score_spins[4]);
  if (!traction_partner_total (&score, &total, &error))
    return;

  traction_store_get_rules (self->store, &rules);
  text = total_text (total, traction_partner_qualifies (total, &rules));
  gtk_label_set_text (self->total_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label),
                            traction_partner_qualifies (total, &rules) ? "success" : "warning");

  begin_quiet (self);
  if (!traction_store_set_partner_scores (self->store, self->partner->id, &score, &error))
    show_error_dialog (self, _("Could Not Save the Score"), error);
  end_quiet (self);
}

static void
build_candidate (TractionPartnersPage *self)
{
  const TractionPartnerRow *p = self->partner;
  TractionRules rules;
  g_autofree char *description = NULL;
  g_autofree char *total = total_text (p->total, p->qualifies);
  AdwPreferencesGroup *group;

  traction_store_get_rules (self->store, &rules);
  description = g_strdup_printf (_("Each dimension from 1 to 5; a candidate qualifies at %d of 25."),
                                 rules.partner_qualify);
  group = group_new (self->detail_box, _("Candidate Score"), description);
  self->total_label = GTK_LABEL (label_new (total, p->qualifies ? "success" : "warning", 1.0f));
  gtk_label_set_wrap (self->total_label, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->total_label), GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (group, GTK_WIDGET (self->total_label));

  for (int dim = 0; dim < 5; dim++)
    {
      AdwActionRow *row = row_new (dimension_label (dim), dimension_question (dim));
      GtkWidget *spin = spin_new (1, 5, score_get (&p->scores, dim));

      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dimension_label (dim), -1);
      self->score_spins[dim] = GTK_SPIN_BUTTON (spin);
      adw_action_row_add_suffix (row, spin);
      adw_action_row_set_activatable_widget (row, spin);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  for (int dim = 0; dim < 5; dim++)
    g_signal_connect_object (self->score_spins[dim], "value-changed",
                             G_CALLBACK (scores_changed_cb), self, 0);
}

/* Agreement */

static void
save_agreement_cb (GtkButton            *button,
                   TractionPartnersPage *self)
{
  TractionPartnerAgreement agreement = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  guint contact = adw_combo_row_get_selected (self->contact_row);

  g_date_clear (&agreement.start_on, 1);
  if (start[0] != '\0' && !traction_date_parse (start, &agreement.start_on, &error))
    {
      gtk_label_set_text (self->agreement_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->agreement_error), TRUE);
      return;
    }
  agreement.duration_months = gtk_spin_button_get_value_as_int (self->duration_spin);
  agreement.discount_pct = gtk_spin_button_get_value_as_int (self->discount_spin);
  agreement.lever_early_signature = gtk_switch_get_active (self->early_switch);
  agreement.lever_term = gtk_switch_get_active (self->term_switch);
  agreement.term_months = gtk_spin_button_get_value_as_int (self->term_spin);
  agreement.lever_public_reference = gtk_switch_get_active (self->reference_switch);
  if (contact != GTK_INVALID_LIST_POSITION && contact > 0 && contact <= self->founders->len)
    agreement.contact_id = ((TractionNamed *) g_ptr_array_index (self->founders, contact - 1))->id;

  if (!traction_store_set_partner_agreement (self->store, self->partner->id, &agreement, &error))
    {
      gtk_label_set_text (self->agreement_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->agreement_error), TRUE);
      return;
    }
  add_toast (self, adw_toast_new (_("Agreement saved")));
}

static AdwActionRow *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                gboolean             active,
                GtkSwitch          **out)
{
  AdwActionRow *row = row_new (title, subtitle);
  GtkWidget *sw = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, sw);
  adw_action_row_set_activatable_widget (row, sw);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  *out = GTK_SWITCH (sw);
  return row;
}

static void
build_agreement (TractionPartnersPage *self)
{
  const TractionPartnerRow *p = self->partner;
  AdwPreferencesGroup *group;
  AdwActionRow *row;
  GtkWidget *save, *spin, *start;
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);
  guint selected_contact = 0;

  group = group_new (self->detail_box, _("Agreement"),
                     _("Six months, renewable. A discount must be justified by at least one lever: "
                       "an early signature, the term length (at most two years) or a public reference."));
  save = gtk_button_new_with_mnemonic (_("_Save Agreement"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_valign (save, GTK_ALIGN_END);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_agreement_cb), self, 0);
  adw_preferences_group_set_header_suffix (group, save);

  start = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start), _("Start date (YYYY-MM-DD)"));
  if (g_date_valid (&p->start_on))
    {
      char text[11];

      traction_date_format (&p->start_on, text);
      gtk_editable_set_text (GTK_EDITABLE (start), text);
    }
  self->start_row = ADW_ENTRY_ROW (start);
  adw_preferences_group_add (group, start);

  row = row_new (_("Duration"), _("Months"));
  spin = spin_new (1, 120, p->duration_months);
  self->duration_spin = GTK_SPIN_BUTTON (spin);
  adw_action_row_add_suffix (row, spin);
  adw_action_row_set_activatable_widget (row, spin);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  row = row_new (_("Discount"), _("Percent off standard pricing, usually 20–50 %"));
  spin = spin_new (0, 100, p->discount_pct);
  self->discount_spin = GTK_SPIN_BUTTON (spin);
  adw_action_row_add_suffix (row, spin);
  adw_action_row_set_activatable_widget (row, spin);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  add_switch_row (group, _("Lever: early signature"), _("They sign sooner"),
                  p->lever_early_signature, &self->early_switch);
  row = add_switch_row (group, _("Lever: term length"), _("Months, at most 24"),
                        p->lever_term, &self->term_switch);
  spin = spin_new (1, 24, p->term_months > 0 ? p->term_months : 12);
  self->term_spin = GTK_SPIN_BUTTON (spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Term in months"), -1);
  adw_action_row_add_suffix (row, spin);
  add_switch_row (group, _("Lever: public reference"), _("Logo, or ideally a testimonial"),
                  p->lever_public_reference, &self->reference_switch);

  gtk_string_list_append (contacts, _("None"));
  for (guint i = 0; i < self->founders->len; i++)
    {
      const TractionNamed *founder = g_ptr_array_index (self->founders, i);

      gtk_string_list_append (contacts, founder->name);
      if (founder->id == p->contact_id)
        selected_contact = i + 1;
    }
  self->contact_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("Company contact"));
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (contacts));
  adw_combo_row_set_selected (self->contact_row, selected_contact);
  adw_preferences_group_add (group, GTK_WIDGET (self->contact_row));

  self->agreement_error = GTK_LABEL (label_new ("", "error", 0.0f));
  gtk_widget_set_margin_top (GTK_WIDGET (self->agreement_error), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agreement_error),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agreement error"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->agreement_error));
}

/* Milestones */

typedef struct {
  TractionTimelineMilestone milestones[TRACTION_N_MILESTONES];
  int                       today_day;
} TimelineData;

static void
draw_timeline (cairo_t                  *cr,
               const TractionChartTheme *theme,
               double                    width,
               double                    height,
               gpointer                  data)
{
  TimelineData *timeline = data;

  traction_chart_timeline (cr, theme, 0, 0, width, height, timeline->milestones,
                           TRACTION_N_MILESTONES, timeline->today_day);
}

static void
milestone_toggled_cb (GtkCheckButton       *check,
                      TractionPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  int milestone = (int) get_id (check);

  if (!traction_store_set_milestone_done (self->store, self->partner->id, milestone,
                                          gtk_check_button_get_active (check) ? &self->today : NULL,
                                          &error))
    show_error_dialog (self, _("Could Not Save the Milestone"), error);
}

static void
build_milestones (TractionPartnersPage *self)
{
  const TractionPartnerRow *p = self->partner;
  AdwPreferencesGroup *group;
  TimelineData *data;
  GtkWidget *chart, *frame;

  group = group_new (self->detail_box, _("Milestones"),
                     _("Each is due at the end of its window from the agreement’s start date; late ones are flagged here and on Today."));
  if (!g_date_valid (&p->start_on))
    {
      add_empty_row (group, _("The milestones start with the agreement: set its start date above."));
      return;
    }

  data = g_new0 (TimelineData, 1);
  for (int m = 0; m < TRACTION_N_MILESTONES; m++)
    {
      data->milestones[m].label = traction_partner_milestone_label (m);
      traction_partner_milestone_window (m, &data->milestones[m].first_day, &data->milestones[m].last_day);
      data->milestones[m].state = p->milestone_state[m];
      data->milestones[m].done_day = g_date_valid (&p->milestone_done[m])
                                       ? g_date_days_between (&p->start_on, &p->milestone_done[m]) : -1;
    }
  data->today_day = p->day;

  chart = traction_chart_widget_new ();
  gtk_widget_set_size_request (chart, -1, 200);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Milestone timeline"), -1);
  traction_chart_widget_set_draw_func (TRACTION_CHART_WIDGET (chart), draw_timeline, data, g_free);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  adw_preferences_group_add (group, frame);

  /* The rows in a group of their own, under the timeline. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (self->detail_box, GTK_WIDGET (group));

  for (int m = 0; m < TRACTION_N_MILESTONES; m++)
    {
      int first, last;
      GDate due;
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *check;

      traction_partner_milestone_window (m, &first, &last);
      traction_partner_milestone_due (m, &p->start_on, &due);
      when = format_date (&due);
      /* Translators: "Day 31–60: Production deployment, first real volume" */
      title = g_strdup_printf (_("Day %d–%d: %s"), first, last, traction_partner_milestone_label (m));
      if (g_date_valid (&p->milestone_done[m]))
        {
          g_autofree char *done = format_date (&p->milestone_done[m]);
          subtitle = g_strdup_printf (_("Due %s · done %s"), when, done);
        }
      else if (p->milestone_note[m][0] != '\0')
        subtitle = g_strdup_printf (_("Due %s · %s"), when, p->milestone_note[m]);
      else
        subtitle = g_strdup_printf (_("Due %s"), when);

      row = row_new (title, subtitle);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_date_valid (&p->milestone_done[m]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      set_id (check, m);
      g_signal_connect_object (check, "toggled", G_CALLBACK (milestone_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      adw_action_row_add_suffix (row, flag_new (state_icon (p->milestone_state[m]),
                                                traction_milestone_state_label (p->milestone_state[m]),
                                                state_css (p->milestone_state[m])));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

/* Obligations */

static void
obligation_toggled_cb (GtkCheckButton       *check,
                       TractionPartnersPage *self)
{
  g_autoptr(GError) error = NULL;

  begin_quiet (self);
  if (!traction_store_set_obligation_done (self->store, get_id (check),
                                           gtk_check_button_get_active (check) ? &self->today : NULL,
                                           &error))
    show_error_dialog (self, _("Could Not Save the Obligation"), error);
  end_quiet (self);
}

static gboolean
restore_obligation (TractionStore *store,
                    gconstpointer  item,
                    gint64        *id,
                    GError       **error)
{
  return traction_store_add_obligation (store, item, id, error);
}

static void
delete_obligation_cb (GtkButton            *button,
                      TractionPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  TractionObligation *copy = g_memdup2 (g_object_get_data (G_OBJECT (button), "item"), sizeof (TractionObligation));

  copy->item = g_strdup (copy->item);
  if (!traction_store_delete_obligation (self->store, copy->id, &error))
    {
      traction_obligation_free (copy);
      show_error_dialog (self, _("Could Not Delete the Obligation"), error);
      return;
    }
  toast_with_undo (self, _("Obligation deleted"), copy, (GDestroyNotify) traction_obligation_free,
                   restore_obligation);
}

static void
add_obligation_cb (AdwEntryRow          *entry,
                   TractionPartnersPage *self)
{
  GtkEditable *due_entry = g_object_get_data (G_OBJECT (entry), "due");
  g_autofree char *due_text = g_strstrip (g_strdup (gtk_editable_get_text (due_entry)));
  g_autoptr(GError) error = NULL;
  TractionObligation item = { 0 };

  item.partner_id = self->partner->id;
  item.side = (TractionObligationSide) get_id (entry);
  item.item = (char *) gtk_editable_get_text (GTK_EDITABLE (entry));
  g_date_clear (&item.due_on, 1);
  g_date_clear (&item.done_on, 1);
  if ((due_text[0] != '\0' && !traction_date_parse (due_text, &item.due_on, &error)) ||
      !traction_store_add_obligation (self->store, &item, NULL, &error))
    show_error_dialog (self, _("Could Not Add the Obligation"), error);
}

static void
build_obligations (TractionPartnersPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *groups[2];

  groups[0] = group_new (self->detail_box, _("They Get"), _("What the partner receives, checked off when delivered."));
  groups[1] = group_new (self->detail_box, _("We Get"), _("What you receive in return: logo, case study, feedback sessions, references."));

  items = traction_store_list_obligations (self->store, self->partner->id, &error);
  if (items == NULL)
    {
      add_empty_row (groups[0], error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      TractionObligation *item = g_ptr_array_index (items, i);
      g_autofree char *due = format_date (&item->due_on);
      g_autofree char *subtitle = NULL;
      gboolean done = g_date_valid (&item->done_on);
      gboolean overdue = !done && g_date_valid (&item->due_on) && g_date_compare (&item->due_on, &self->today) < 0;
      AdwActionRow *row;
      GtkWidget *check, *button;

      if (done)
        {
          g_autofree char *when = format_date (&item->done_on);
          subtitle = g_strdup_printf (_("Due %s · done %s"), due, when);
        }
      else if (overdue)
        subtitle = g_strdup_printf (_("Due %s · overdue"), due);
      else if (g_date_valid (&item->due_on))
        subtitle = g_strdup_printf (_("Due %s"), due);
      row = row_new (item->item, subtitle);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, item->item, -1);
      set_id (check, item->id);
      g_signal_connect_object (check, "toggled", G_CALLBACK (obligation_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      if (overdue)
        adw_action_row_add_suffix (row, flag_new ("task-past-due-symbolic", _("Overdue"), "warning"));
      button = traction_icon_button_new ("user-trash-symbolic", _("Delete Obligation"));
      g_object_set_data_full (G_OBJECT (button), "item", g_ptr_array_steal_index (items, i) , (GDestroyNotify) traction_obligation_free);
      i--;
      g_signal_connect_object (button, "clicked", G_CALLBACK (delete_obligation_cb), self, 0);
      adw_action_row_add_suffix (row, button);
      adw_preferences_group_add (groups[item->side == TRACTION_OBLIGATION_WE_GET ? 1 : 0], GTK_WIDGET (row));
    }

  for (int side = 0; side < 2; side++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      GtkWidget *due = gtk_entry_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry),
                                     side == 0 ? _("Add what they get") : _("Add what we get"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (due), _("Due YYYY-MM-DD"));
      gtk_editable_set_width_chars (GTK_EDITABLE (due), 14);
      gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (due), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due date"), -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), due);
      g_object_set_data (G_OBJECT (entry), "due", due);
      set_id (entry, side);
      g_signal_connect_object (entry, "apply", G_CALLBACK (add_obligation_cb), self, 0);
      adw_preferences_group_add (groups[side], entry);
    }
}

/* Success metrics */

static void
save_metric (TractionPartnersPage *self,
             GtkWidget            *widget)
{
  GtkEditable *value = g_object_get_data (G_OBJECT (widget), "value");
  GtkDropDown *status = g_object_get_data (G_OBJECT (widget), "status");
  g_autoptr(GError) error = NULL;

  begin_quiet (self);
  if (!traction_store_update_partner_metric (self->store, get_id (widget), gtk_editable_get_text (value),
                                             gtk_drop_down_get_selected (status), &error))
    show_error_dialog (self, _("Could Not Save the Metric"), error);
  end_quiet (self);
}

static void
metric_value_activate_cb (GtkEntry             *entry,
                          TractionPartnersPage *self)
{
  save_metric (self, GTK_WIDGET (entry));
}

static gboolean
metric_value_focus_out (TractionPartnersPage *self,
                        GtkEventControllerFocus *controller)
{
  return FALSE;
}

static void
metric_focus_leave_cb (GtkEventControllerFocus *controller,
                       TractionPartnersPage    *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *saved = g_object_get_data (G_OBJECT (entry), "saved");

  if (g_strcmp0 (saved, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    {
      g_object_set_data_full (G_OBJECT (entry), "saved",
                              g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))), g_free);
      save_metric (self, entry);
    }
  metric_value_focus_out (self, controller);
}

static void
metric_status_cb (GtkDropDown          *drop_down,
                  GParamSpec           *pspec,
                  TractionPartnersPage *self)
{
  save_metric (self, GTK_WIDGET (drop_down));
}

static gboolean
restore_metric (TractionStore *store,
                gconstpointer  item,
                gint64        *id,
                GError       **error)
{
  return traction_store_add_partner_metric (store, item, id, error);
}

static void
delete_metric_cb (GtkButton            *button,
                  TractionPartnersPage *self)
{
  const TractionPartnerMetric *metric = g_object_get_data (G_OBJECT (button), "item");
  TractionPartnerMetric *copy = g_memdup2 (metric, sizeof (TractionPartnerMetric));
  g_autoptr(GError) error = NULL;

  copy->name = g_strdup (metric->name);
  copy->target = g_strdup (metric->target);
  copy->value = g_strdup (metric->value);
  if (!traction_store_delete_partner_metric (self->store, copy->id, &error))
    {
      traction_partner_metric_free (copy);
      show_error_dialog (self, _("Could Not Delete the Metric"), error);
      return;
    }
  toast_with_undo (self, _("Success metric deleted"), copy, (GDestroyNotify) traction_partner_metric_free,
                   restore_metric);
}

static void
add_metric_cb (AdwEntryRow          *entry,
               TractionPartnersPage *self)
{
  GtkEditable *target = g_object_get_data (G_OBJECT (entry), "target");
  GtkSpinButton *day = g_object_get_data (G_OBJECT (entry), "day");
  g_autoptr(GError) error = NULL;
  TractionPartnerMetric metric = { 0 };

  metric.partner_id = self->partner->id;
  metric.name = (char *) gtk_editable_get_text (GTK_EDITABLE (entry));
  metric.target = (char *) gtk_editable_get_text (target);
  metric.measured_at_day = gtk_spin_button_get_value_as_int (day);
  metric.value = (char *) "";
  metric.status = TRACTION_METRIC_PENDING;
  if (!traction_store_add_partner_metric (self->store, &metric, NULL, &error))
    show_error_dialog (self, _("Could Not Add the Metric"), error);
}

static void
build_metrics (TractionPartnersPage *self)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *entry, *target, *day;

  group = group_new (self->detail_box, _("Success Metrics"),
                     _("Targets and the day each is measured at; fill the result in as the data comes, then mark it met or missed."));
  metrics = traction_store_list_partner_metrics (self->store, self->partner->id, &error);
  if (metrics == NULL)
    {
      add_empty_row (group, error->message);
      return;
    }

  for (guint i = 0; i < metrics->len; i++)
    {
      TractionPartnerMetric *metric = g_ptr_array_index (metrics, i);
      g_autofree char *subtitle = NULL;
      g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
      AdwActionRow *row;
      GtkWidget *value, *status, *button;
      GtkEventController *focus;

      if (metric->measured_at_day >= 0)
        /* Translators: "Target: < 1 day · measured at day 7" */
        subtitle = g_strdup_printf (_("Target: %s · measured at day %d"), metric->target, metric->measured_at_day);
      else
        subtitle = g_strdup_printf (_("Target: %s"), metric->target);
      row = row_new (metric->name, subtitle);

      value = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (value), metric->value);
      gtk_entry_set_placeholder_text (GTK_ENTRY (value), _("Result"));
      gtk_editable_set_width_chars (GTK_EDITABLE (value), 14);
      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
      g_object_set_data_full (G_OBJECT (value), "saved", g_strdup (metric->value), g_free);

      for (int s = 0; s < TRACTION_N_METRIC_STATUSES; s++)
        gtk_string_list_append (statuses, traction_metric_status_label (s));
      status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), metric->status);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
      gtk_widget_add_css_class (status, metric->status == TRACTION_METRIC_MET ? "success"
                                        : metric->status == TRACTION_METRIC_MISSED ? "error" : "dim-label");

      for (int k = 0; k < 2; k++)
        {
          GtkWidget *w = k == 0 ? value : status;

          set_id (w, metric->id);
          g_object_set_data (G_OBJECT (w), "value", value);
          g_object_set_data (G_OBJECT (w), "status", status);
        }
      g_signal_connect_object (value, "activate", G_CALLBACK (metric_value_activate_cb), self, 0);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "leave", G_CALLBACK (metric_focus_leave_cb), self, 0);
      gtk_widget_add_controller (value, focus);
      g_signal_connect_object (status, "notify::selected", G_CALLBACK (metric_status_cb), self, 0);

      button = traction_icon_button_new ("user-trash-symbolic", _("Delete Metric"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (delete_metric_cb), self, 0);
      adw_action_row_add_suffix (row, value);
      adw_action_row_add_suffix (row, status);
      adw_action_row_add_suffix (row, button);
      g_object_set_data_full (G_OBJECT (button), "item", g_ptr_array_steal_index (metrics, i),
                              (GDestroyNotify) traction_partner_metric_free);
      i--;
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a metric"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  target = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (target), _("Target"));
  gtk_editable_set_width_chars (GTK_EDITABLE (target), 12);
  gtk_widget_set_valign (target, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target"), -1);
  day = spin_new (0, 730, 90);
  gtk_widget_set_tooltip_text (day, _("Measured at day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measured at day"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), target);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), day);
  g_object_set_data (G_OBJECT (entry), "target", target);
  g_object_set_data (G_OBJECT (entry), "day", day);
  g_signal_connect_object (entry, "apply", G_CALLBACK (add_metric_cb), self, 0);
  adw_preferences_group_add (group, entry);
}

/* Evaluation */

static void
evaluation_changed_cb (AdwComboRow          *row,
                       GParamSpec           *pspec,
                       TractionPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  TractionPartnerStatus status = adw_combo_row_get_selected (self->status_row);

  if (self->populating)
    return;
  if (status == TRACTION_PARTNER_DISQUALIFIED && self->partner->status != TRACTION_PARTNER_DISQUALIFIED)
    {
      /* Disqualifying needs a reason: through the Disqualify… button. */
      gtk_widget_activate_action (GTK_WIDGET (self), "partners.disqualify", NULL);
      return;
    }
  if (!traction_store_set_partner_evaluation (self->store, self->partner->id, status,
                                              adw_combo_row_get_selected (self->stage_row),
                                              adw_combo_row_get_selected (self->go_row),
                                              &self->today, &error))
    show_error_dialog (self, _("Could Not Save the Evaluation"), error);
}

static void
gate_toggled_cb (GtkCheckButton       *check,
                 TractionPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 key = get_id (check);

  begin_quiet (self);
  if (!traction_store_set_gate (self->store, self->partner->id, (TractionEvalStage) (key / 100), (guint) (key % 100),
                                gtk_check_button_get_active (check) ? &self->today : NULL, &error))
    show_error_dialog (self, _("Could Not Save the Gate"), error);
  end_quiet (self);
}

static AdwComboRow *
combo_row_new (AdwPreferencesGroup *group,
               const char          *title,
               GtkStringList       *items,
               guint                selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (items));
  adw_combo_row_set_selected (row, selected);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
build_evaluation (TractionPartnersPage *self)
{
  const TractionPartnerRow *p = self->partner;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint done[TRACTION_N_EVAL_LISTS];
  AdwPreferencesGroup *group, *gates;

  group = group_new (self->detail_box, _("Evaluation"),
                     _("Discovery → Scope → Validate → Negotiate & close, each with a gate. "
                       "Partners that test but do not convert stay recorded."));

  for (int s = 0; s < TRACTION_N_PARTNER_STATUSES; s++)
    gtk_string_list_append (statuses, traction_partner_status_label (s));
  for (int s = 0; s < TRACTION_N_EVAL_STAGES; s++)
    gtk_string_list_append (stages, traction_eval_stage_label (s));
  for (int s = 0; s < TRACTION_N_GO_NO_GO; s++)
    gtk_string_list_append (outcomes, traction_go_no_go_label (s));

  self->populating = TRUE;
  self->status_row = combo_row_new (group, _("Status"), statuses, p->status);
  self->stage_row = combo_row_new (group, _("Stage"), stages, p->stage);
  self->go_row = combo_row_new (group, _("Go/No-Go meeting"), outcomes, p->go_no_go);
  self->populating = FALSE;
  if (g_date_valid (&p->go_no_go_on))
    {
      g_autofree char *when = format_date (&p->go_no_go_on);
      g_autofree char *subtitle = g_strdup_printf (_("Held %s"), when);
      g_autofree char *markup = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->go_row), markup);
    }
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (evaluation_changed_cb), self, 0);
  g_signal_connect_object (self->stage_row, "notify::selected", G_CALLBACK (evaluation_changed_cb), self, 0);
  g_signal_connect_object (self->go_row, "notify::selected", G_CALLBACK (evaluation_changed_cb), self, 0);

  if (p->status == TRACTION_PARTNER_DISQUALIFIED)
    adw_preferences_group_add (group, GTK_WIDGET (row_new (_("Disqualified"), p->disqualify_reason)));
  else
    {
      AdwActionRow *row = row_new (_("Disqualify"), _("Walk away with a documented reason: a technical or business hurdle you cannot overcome now."));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Disqualify…"));

      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "partners.disqualify");
      adw_action_row_add_suffix (row, button);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  gates = group_new (self->detail_box, _("Stage Gates and Paper Process"),
                     _("What must be true before moving on; the paper process (security, legal, procurement) starts once the evaluation looks like a success."));
  if (!traction_store_load_gates (self->store, p->id, done, &error))
    {
      add_empty_row (gates, error->message);
      return;
    }
  for (int s = 0; s < TRACTION_N_EVAL_LISTS; s++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      guint n = traction_eval_gate_count (s), n_done = 0;
      g_autofree char *title = g_markup_escape_text (traction_eval_stage_label (s), -1);
      g_autofree char *subtitle = NULL;

      for (guint k = 0; k < n; k++)
        if (done[s] & (1u << k))
          n_done++;
      subtitle = g_strdup_printf (_("%u of %u done"), n_done, n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     (int) p->stage == s ||
                                     (s == TRACTION_EVAL_PAPER && p->stage >= TRACTION_EVAL_VALIDATE && n_done < n));
      if (n_done == n)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                     flag_new ("object-select-symbolic", _("Gate passed"), "success"));

      for (guint k = 0; k < n; k++)
        {
          AdwActionRow *row = row_new (traction_eval_gate_item (s, k), NULL);
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (done[s] & (1u << k)) != 0);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          traction_eval_gate_item (s, k), -1);
          set_id (check, s * 100 + (gint64) k);
          g_signal_connect_object (check, "toggled", G_CALLBACK (gate_toggled_cb), self, 0);
          adw_action_row_add_prefix (row, check);
          adw_action_row_set_activatable_widget (row, check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
        }
      adw_preferences_group_add (gates, expander);
    }
}

/* Feedback log */

static gboolean
restore_feedback (TractionStore *store,
                  gconstpointer  item,
                  gint64        *id,
                  GError       **error)
{
  return traction_store_add_feedback (store, item, id, error);
}

static void
delete_feedback_cb (GtkButton            *button,
                    TractionPartnersPage *self)
{
  const TractionFeedbackItem *item = g_object_get_data (G_OBJECT (button), "item");
  TractionFeedbackItem *copy = g_memdup2 (item, sizeof (TractionFeedbackItem));
  g_autoptr(GError) error = NULL;

  copy->partner = g_strdup (item->partner);
  copy->title = g_strdup (item->title);
  copy->request_key = g_strdup (item->request_key);
  copy->tags = g_strdup (item->tags);
  copy->status = g_strdup (item->status);
  if (!traction_store_delete_feedback (self->store, copy->id, &error))
    {
      traction_feedback_item_free (copy);
      show_error_dialog (self, _("Could Not Delete the Feedback"), error);
      return;
    }
  toast_with_undo (self, _("Feedback deleted"), copy, (GDestroyNotify) traction_feedback_item_free,
                   restore_feedback);
}

static void
add_feedback_cb (AdwEntryRow          *entry,
                 TractionPartnersPage *self)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (entry), "kind");
  GtkEditable *tags = g_object_get_data (G_OBJECT (entry), "tags");
  GtkEditable *key = g_object_get_data (G_OBJECT (entry), "key");
  g_autoptr(GError) error = NULL;
  TractionFeedbackItem item = { 0 };

  item.partner_id = self->partner->id;
  item.kind = gtk_drop_down_get_selected (kind);
  item.title = (char *) gtk_editable_get_text (GTK_EDITABLE (entry));
  item.tags = (char *) gtk_editable_get_text (tags);
  item.request_key = (char *) gtk_editable_get_text (key);
  item.created_on = self->today;
  item.status = (char *) "open";
  if (!traction_store_add_feedback (self->store, &item, NULL, &error))
    show_error_dialog (self, _("Could Not Log the Feedback"), error);
}

static const char *
feedback_status_label (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "done") == 0)
    return _("Done");
  if (g_strcmp0 (status, "wont_do") == 0)
    return _("Won’t do");
  return _("Open");
}

static void
build_feedback (TractionPartnersPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  GtkWidget *entry, *kind, *tags, *key;

  group = group_new (self->detail_box, _("Feedback Log"),
                     _("Bugs, gaps and feature requests, tagged. Give a request the same key across partners "
                       "and it is counted together under Feature Requests."));
  items = traction_store_list_feedback (self->store, self->partner->id, &error);
  if (items == NULL)
    {
      add_empty_row (group, error->message);
      return;
    }
  while (items->len > 0)
    {
      TractionFeedbackItem *item = g_ptr_array_steal_index (items, 0);
      g_autofree char *when = format_date (&item->created_on);
      g_autofree char *subtitle = NULL;
      g_autoptr(GString) tags_text = g_string_new (NULL);
      g_auto(GStrv) tag_list = g_strsplit (item->tags, ",", -1);
      AdwActionRow *row;
      GtkWidget *button;

      for (guint k = 0; tag_list[k] != NULL; k++)
        if (tag_list[k][0] != '\0')
          g_string_append_printf (tags_text, "%s#%s", tags_text->len > 0 ? " " : "", tag_list[k]);
      if (item->request_key[0] != '\0')
        /* Translators: "Feature request · #webhooks #reliability · key webhook-retry-policy · Planned · 7/5/2026" */
        subtitle = g_strdup_printf (_("%s · %s · key %s · %s · %s"), traction_feedback_kind_label (item->kind),
                                    tags_text->str, item->request_key, feedback_status_label (item->status), when);
      else
        subtitle = g_strdup_printf (_("%s · %s · %s · %s"), traction_feedback_kind_label (item->kind),
                                    tags_text->str, feedback_status_label (item->status), when);
      row = row_new (item->title, subtitle);
      adw_action_row_add_prefix (row, gtk_image_new_from_icon_name (
                                   item->kind == TRACTION_FEEDBACK_BUG ? "dialog-warning-symbolic"
                                   : item->kind == TRACTION_FEEDBACK_GAP ? "edit-find-symbolic"
                                                                         : "starred-symbolic"));
      button = traction_icon_button_new ("user-trash-symbolic", _("Delete Feedback"));
      g_object_set_data_full (G_OBJECT (button), "item", item, (GDestroyNotify) traction_feedback_item_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (delete_feedback_cb), self, 0);
      adw_action_row_add_suffix (row, button);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Log feedback"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  for (int k = 0; k < TRACTION_N_FEEDBACK_KINDS; k++)
    gtk_string_list_append (kinds, traction_feedback_kind_label (k));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), TRACTION_FEEDBACK_FEATURE_REQUEST);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  tags = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (tags), _("Tags, comma-separated"));
  gtk_editable_set_width_chars (GTK_EDITABLE (tags), 14);
  gtk_widget_set_valign (tags, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tags), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tags"), -1);
  key = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (key), _("Request key"));
  gtk_editable_set_width_chars (GTK_EDITABLE (key), 12);
  gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Request key"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), kind);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), tags);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), key);
  g_object_set_data (G_OBJECT (entry), "kind", kind);
  g_object_set_data (G_OBJECT (entry), "tags", tags);
  g_object_set_data (G_OBJECT (entry), "key", key);
  g_signal_connect_object (entry, "apply", G_CALLBACK (add_feedback_cb), self, 0);
  adw_preferences_group_add (group, entry);
}

/* Refresh */

static void
update_actions (TractionPartnersPage *self)
{
  gboolean partner = self->partner != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.print", partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.export-pdf", partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.disqualify",
                                 partner && self->partner->status != TRACTION_PARTNER_DISQUALIFIED);
}

static void
build_detail (TractionPartnersPage *self,
              GPtrArray            *partners)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->detail_scroller);
  double scroll = gtk_adjustment_get_value (vadj);
  g_autoptr(GError) error = NULL;

  clear_box (GTK_WIDGET (self->detail_box));
  g_clear_pointer (&self->partner, traction_partner_row_free);
  memset (self->score_spins, 0, sizeof self->score_spins);

  if (self->selected == TRACTION_PARTNERS_COMPARE)
    build_compare (self, partners);
  else if (self->selected == TRACTION_PARTNERS_REQUESTS)
    build_requests (self);
  else
    {
      for (guint i = 0; i < partners->len; i++)
        {
          TractionPartnerRow *p = g_ptr_array_index (partners, i);

          if (p->id == self->selected)
            self->partner = g_ptr_array_steal_index (partners, i);
        }
      if (self->partner != NULL)
        {
          g_clear_pointer (&self->founders, g_ptr_array_unref);
          self->founders = traction_store_list_named (self->store, "founders");
          build_header (self);
          build_milestones (self);
          build_candidate (self);
          build_agreement (self);
          build_obligations (self);
          build_metrics (self);
          build_evaluation (self);
          build_feedback (self);
        }
    }

  update_actions (self);
  gtk_adjustment_set_value (vadj, scroll);
}

static void
refresh (TractionPartnersPage *self,
         gboolean              full)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    {
      clear_box (GTK_WIDGET (self->detail_box));
      g_clear_pointer (&self->partner, traction_partner_row_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  traction_date_today (&self->today);
  partners = traction_store_list_partners (self->store, &self->today, &error);
  if (partners == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (partners->len == 0)
    {
      clear_box (GTK_WIDGET (self->detail_box));
      g_clear_pointer (&self->partner, traction_partner_row_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  if (self->selected == 0)
    {
      /* Open on the first partner with a late milestone: what needs you. */
      self->selected = ((TractionPartnerRow *) g_ptr_array_index (partners, 0))->id;
      for (guint i = partners->len; i > 0; i--)
        if (((TractionPartnerRow *) g_ptr_array_index (partners, i - 1))->n_late > 0)
          self->selected = ((TractionPartnerRow *) g_ptr_array_index (partners, i - 1))->id;
    }
  else if (self->selected > 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < partners->len; i++)
        if (((TractionPartnerRow *) g_ptr_array_index (partners, i))->id == self->selected)
          found = TRUE;
      if (!found)
        {
          self->selected = ((TractionPartnerRow *) g_ptr_array_index (partners, 0))->id;
          full = TRUE;
        }
    }

  fill_sidebar (self, partners);
  if (full)
    build_detail (self, partners);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TractionPartnersPage *self = data;
  gboolean full = self->full_pending;

  self->refresh_id = 0;
  self->full_pending = FALSE;
  refresh (self, full);
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static void
store_changed_cb (TractionPartnersPage *self,
                  TractionStore        *store)
{
  /* A hidden view reloads when it is shown, not on every write. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  /* A burst of writes gives one reload; edits in place only the sidebar. */
  if (!self->quiet)
    self->full_pending = TRUE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
map_cb (TractionPartnersPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      store_changed_cb (self, NULL);
    }
}

static void
row_selected_cb (TractionPartnersPage *self,
                 GtkListBoxRow        *row,
                 GtkListBox           *list)
{
  if (row == NULL || self->populating)
    return;
  if (get_id (row) == self->selected && self->refresh_id == 0 &&
      (self->partner != NULL || self->selected < 0))
    return;
  self->selected = get_id (row);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->full_pending = FALSE;
  refresh (self, TRUE);
}

static void
row_activated_cb (TractionPartnersPage *self,
                  GtkListBoxRow        *row,
                  GtkListBox           *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

/* Actions */

static void
add_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 TractionPartnersPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!g_str_equal (response, "add") || self->store == NULL)
    return;
  traction_date_today (&self->today);
  if (!traction_store_add_partner (self->store, gtk_editable_get_text (entry), &self->today, &id, &error))
    {
      show_error_dialog (self, _("Could Not Add the Candidate"), error);
      return;
    }
  traction_partners_page_select (self, id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (self->store == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add Candidate"),
                                   _("The company to score as a design partner. An existing account of that name is used; otherwise one is created."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Company name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Company name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
disqualify_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        TractionPartnersPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gint64 id = get_id (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "disqualify"))
    {
      /* Put the status row back. */
      self->full_pending = TRUE;
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add (refresh_idle_cb, self);
      return;
    }
  if (!traction_store_disqualify_partner (self->store, id, gtk_editable_get_text (entry), &error))
    show_error_dialog (self, _("Could Not Disqualify"), error);
}

static void
disqualify_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *entry;

  if (self->store == NULL || self->partner == NULL)
    return;
  heading = g_strdup_printf (_("Disqualify %s?"), self->partner->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Document why: the technical or business hurdle you cannot overcome now. "
                                     "The partner stays recorded with its feedback."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "disqualify", _("_Disqualify"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disqualify", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  set_id (dialog, self->partner->id);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (disqualify_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static TractionPartnerReport *
current_report (TractionPartnersPage *self,
                char                **file_name)
{
  g_autoptr(GError) error = NULL;
  TractionPartnerReport *report;

  if (self->store == NULL || self->partner == NULL)
    return NULL;
  report = traction_partner_report_new (self->store, self->partner->id, &self->today, &error);
  if (report == NULL)
    {
      show_error_dialog (self, _("Could Not Prepare the Status Page"), error);
      return NULL;
    }
  *file_name = traction_partner_report_file_name (report);
  return report;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionPartnerReport *report = current_report (self, &file_name);

  if (report == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  traction_print_report (widget, traction_partner_report_spec (), report,
                         (GDestroyNotify) traction_partner_report_free, company);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionPartnerReport *report = current_report (self, &file_name);

  if (report == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  traction_export_report_pdf (widget, traction_partner_report_spec (), report,
                              (GDestroyNotify) traction_partner_report_free, company, file_name);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Overrides */

static void
traction_partners_page_dispose (GObject *object)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_PARTNERS_PAGE);

  G_OBJECT_CLASS (traction_partners_page_parent_class)->dispose (object);
}

static void
traction_partners_page_finalize (GObject *object)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (object);

  g_clear_pointer (&self->partner, traction_partner_row_free);
  g_clear_pointer (&self->founders, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_partners_page_parent_class)->finalize (object);
}

static void
traction_partners_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (object);

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
traction_partners_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TractionPartnersPage *self = TRACTION_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_partners_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_partners_page_class_init (TractionPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_partners_page_dispose;
  object_class->finalize = traction_partners_page_finalize;
  object_class->get_property = traction_partners_page_get_property;
  object_class->set_property = traction_partners_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/partners/traction-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, detail);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, partner_list);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, TractionPartnersPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.disqualify", NULL, disqualify_action);
  gtk_widget_class_install_action (widget_class, "partners.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "partners.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "partners.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "partners.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "partners.export-pdf", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "partnerspage");

  g_type_ensure (TRACTION_TYPE_CHART_WIDGET);
}

static void
traction_partners_page_init (TractionPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_date_clear (&self->today, 1);
  traction_date_today (&self->today);
  update_actions (self);
}

/* Public API */

GtkWidget *
traction_partners_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_PARTNERS_PAGE, "store", store, NULL);
}

TractionStore *
traction_partners_page_get_store (TractionPartnersPage *self)
{
  g_return_val_if_fail (TRACTION_IS_PARTNERS_PAGE (self), NULL);
  return self->store;
}

void
traction_partners_page_set_store (TractionPartnersPage *self,
                                  TractionStore        *store)
{
  g_return_if_fail (TRACTION_IS_PARTNERS_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  self->selected = 0;
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_partners_page_refresh (TractionPartnersPage *self)
{
  g_return_if_fail (TRACTION_IS_PARTNERS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->full_pending = FALSE;
  refresh (self, TRUE);
}

gint64
traction_partners_page_get_selected (TractionPartnersPage *self)
{
  g_return_val_if_fail (TRACTION_IS_PARTNERS_PAGE (self), 0);
  return self->selected;
}

void
traction_partners_page_select (TractionPartnersPage *self,
                               gint64                id)
{
  g_return_if_fail (TRACTION_IS_PARTNERS_PAGE (self));

  self->selected = id;
  traction_partners_page_refresh (self);
}
