/* traction-providers-page.c: provider registry, scorecards and the
 * coverage matrix (DOMAIN.md §4). The list on the left (the coverage
 * matrix first, then every provider); the detail on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-providers-page.h"
#include "traction-widgets.h"
#include "traction-store-watch.h"
#include "traction-provider-review-dialog.h"
#include "traction-provider-report.h"
#include "traction-provider-trend.h"
#include "traction-print.h"
#include "traction-store-providers.h"
#include "traction-window.h"

struct _TractionProvidersPage
{
  GtkWidget             parent_instance;

  /* template */
  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *detail;
  GtkListBox           *provider_list;
  GtkBox               *detail_box;
  AdwStatusPage        *error_page;

  TractionStore        *store;
  gint64                selected;     /* provider id; 0 = coverage matrix */
  char                 *selected_name;
  gboolean              populating;
};

G_DEFINE_FINAL_TYPE (TractionProvidersPage, traction_providers_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TractionProvidersPage *self);

/* Helpers: text */

static char *
format_date_short (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date),
                                                   0, 0, 0.0);
  return g_date_time_format (dt, "%x");
}

static const char *
risk_css_class (TractionRiskLevel risk)
{
  switch (risk)
    {
    case TRACTION_RISK_CRITICAL: return "critical";
    case TRACTION_RISK_HIGH:     return "at-risk";
    case TRACTION_RISK_MEDIUM:   return "monitor";
    case TRACTION_RISK_LOW:
    default:
      return "healthy";
    }
}

static const char *
risk_icon_name (TractionRiskLevel risk)
{
  switch (risk)
    {
    case TRACTION_RISK_CRITICAL: return "dialog-error-symbolic";
    case TRACTION_RISK_HIGH:     return "dialog-warning-symbolic";
    case TRACTION_RISK_MEDIUM:   return "dialog-information-symbolic";
    case TRACTION_RISK_LOW:
    default:
      return "emblem-ok-symbolic";
    }
}

static const char *
coverage_css_class (TractionCoverageStatus status)
{
  switch (status)
    {
    case TRACTION_COVERAGE_GAP:          return "critical";
    case TRACTION_COVERAGE_SINGLE_POINT: return "at-risk";
    case TRACTION_COVERAGE_COVERED:
    default:
      return "healthy";
    }
}

static const char *
coverage_icon_name (TractionCoverageStatus status)
{
  switch (status)
    {
    case TRACTION_COVERAGE_GAP:          return "dialog-error-symbolic";
    case TRACTION_COVERAGE_SINGLE_POINT: return "dialog-warning-symbolic";
    case TRACTION_COVERAGE_COVERED:
    default:
      return "emblem-ok-symbolic";
    }
}

static char *
join_names (GPtrArray  *names,
            const char *none)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      if (i > 0)
        g_string_append (str, _(", "));
      g_string_append (str, g_ptr_array_index (names, i));
    }
  if (str->len == 0)
    g_string_append (str, none);
  return g_string_free (str, FALSE);
}

/* Helpers: widgets */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
value_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  return label;
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

/* Row title and subtitle are markup in libadwaita 1.2: user text is escaped. */
static AdwActionRow *
action_row_new (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *markup = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
    }
  return ADW_ACTION_ROW (row);
}

static AdwPreferencesGroup *
group_new (TractionProvidersPage *self,
           const char            *title,
           const char            *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
    }
  gtk_box_append (self->detail_box, group);
  return ADW_PREFERENCES_GROUP (group);
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
  gtk_widget_add_css_class (row, "empty-state");
  adw_preferences_group_add (group, row);
}

static void
add_toast (TractionProvidersPage *self,
           AdwToast              *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRACTION_TYPE_WINDOW);

  if (window != NULL)
    traction_window_add_toast (TRACTION_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error_dialog (TractionProvidersPage *self,
                   const char            *heading,
                   const GError          *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sidebar */

static GtkWidget *
sidebar_row_new (const char *name,
                 const char *title,
                 const char *subtitle,
                 GtkWidget  *suffix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_box_append (GTK_BOX (texts), subtitle_label);
  gtk_box_append (GTK_BOX (box), texts);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (box), suffix);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static void
fill_sidebar (TractionProvidersPage *self,
              GPtrArray             *providers,
              GPtrArray             *coverage)
{
  GtkWidget *child;
  GtkWidget *select = NULL;
  guint gaps = 0, single = 0;

  self->populating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->provider_list))) != NULL)
    gtk_list_box_remove (self->provider_list, child);

  for (guint i = 0; i < coverage->len; i++)
    {
      const TractionCoverageRow *row = g_ptr_array_index (coverage, i);

      gaps += row->status == TRACTION_COVERAGE_GAP;
      single += row->status == TRACTION_COVERAGE_SINGLE_POINT;
    }
  {
    g_autofree char *gaps_text = g_strdup_printf (ngettext ("%u gap", "%u gaps", gaps), gaps);
    g_autofree char *single_text = g_strdup_printf (ngettext ("%u single point of failure",
                                                              "%u single points of failure", single),
                                                    single);
    /* Translators: "1 gap, 1 single point of failure" */
    g_autofree char *text = g_strdup_printf (_("%s, %s"), gaps_text, single_text);
    GtkWidget *icon = gtk_image_new_from_icon_name ("view-grid-symbolic");
    GtkWidget *row = sidebar_row_new ("coverage", _("Coverage Matrix"), text, icon);

    gtk_list_box_append (self->provider_list, row);
    if (self->selected == 0)
      select = row;
  }

  for (guint i = 0; i < providers->len; i++)
    {
      const TractionProviderRow *provider = g_ptr_array_index (providers, i);
      g_autofree char *name = g_strdup_printf ("provider-%" G_GINT64_FORMAT, provider->id);
      g_autofree char *subtitle = NULL;
      GtkWidget *suffix = NULL;
      GtkWidget *row;

      if (provider->overall >= 0)
        /* Translators: sidebar subtitle, "Active · 22/40 · Risk: Critical" */
        subtitle = g_strdup_printf (_("%s · %d/40 · Risk: %s"),
                                    traction_provider_status_label (provider->status),
                                    provider->overall, traction_risk_label (provider->risk));
      else
        subtitle = g_strdup_printf (_("%s · Not reviewed yet"),
                                    traction_provider_status_label (provider->status));

      if (provider->review_due)
        {
          suffix = gtk_image_new_from_icon_name ("task-past-due-symbolic");
          gtk_widget_add_css_class (suffix, "warning");
          gtk_widget_set_tooltip_text (suffix, _("Review due"));
        }
      else if (provider->risk >= TRACTION_RISK_HIGH)
        {
          suffix = gtk_image_new_from_icon_name (risk_icon_name (provider->risk));
          gtk_widget_add_css_class (suffix, risk_css_class (provider->risk));
          gtk_widget_set_tooltip_text (suffix, traction_risk_label (provider->risk));
        }

      row = sidebar_row_new (name, provider->name, subtitle, suffix);
      g_object_set_data (G_OBJECT (row), "provider-id", GINT_TO_POINTER ((int) provider->id));
      gtk_list_box_append (self->provider_list, row);
      if (provider->id == self->selected)
        select = row;
    }

  if (select == NULL)
    {
      self->selected = 0;
      select = GTK_WIDGET (gtk_list_box_get_row_at_index (self->provider_list, 0));
    }
  gtk_list_box_select_row (self->provider_list, GTK_LIST_BOX_ROW (select));
  self->populating = FALSE;
}

/* Coverage matrix */

static void
grid_cell (GtkGrid    *grid,
           GtkWidget  *widget,
           int         column,
           int         row)
{
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, widget, column, row, 1, 1);
}

static void
fill_exposure_group (TractionProvidersPage          *self,
                     AdwPreferencesGroup            *group,
                     const TractionProviderExposure *exposure,
                     const char                     *currency,
                     gboolean                        expander)
{
  g_autofree char *arr = traction_money_format (exposure->arr_cents, currency, FALSE);
  g_autofree char *products = join_names (exposure->products, _("none"));
  g_autofree char *subtitle = NULL;
  GtkWidget *parent = NULL;

  subtitle = g_strdup_printf (ngettext ("%s · %u client · %s ARR",
                                        "%s · %u clients · %s ARR", exposure->clients->len),
                              products, exposure->clients->len, arr);
  if (expander)
    {
      g_autofree char *title = NULL;
      g_autofree char *title_markup = NULL;
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

      /* Translators: "Meridian Bank: Critical risk" */
      title = g_strdup_printf (_("%s: %s risk"), exposure->provider, traction_risk_label (exposure->risk));
      title_markup = g_markup_escape_text (title, -1);
      parent = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (parent), title_markup);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (parent), subtitle_markup);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (parent),
                                   flag_new (risk_icon_name (exposure->risk), "", risk_css_class (exposure->risk)));
      adw_preferences_group_add (group, parent);
    }

  for (guint i = 0; i < exposure->clients->len; i++)
    {
      const TractionExposedClient *client = g_ptr_array_index (exposure->clients, i);
      g_autofree char *client_arr = traction_money_format (client->arr_cents, currency, FALSE);
      AdwActionRow *row = action_row_new (client->account, client->products);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *amount = value_label_new (client_arr);

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), amount);
      if (client->no_fallback)
        gtk_box_append (GTK_BOX (box), flag_new ("dialog-warning-symbolic", _("No fallback"), "critical"));
      else
        gtk_box_append (GTK_BOX (box), label_new (_("Backup provider covers it"), "caption", 1.0f));
      adw_action_row_add_suffix (row, box);
      if (parent != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), GTK_WIDGET (row));
      else
        adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  if (exposure->clients->len == 0 && parent == NULL)
    add_empty_row (group, exposure->products->len > 0
                          ? _("No paying client uses the products it delivers.")
                          : _("Not the primary provider of any product, so no client depends on it alone."));
}

static void
show_coverage (TractionProvidersPage *self,
               GPtrArray             *coverage,
               GPtrArray             *exposure,
               const char            *currency)
{
  static const char * const headers[] = {
    N_("Product"), N_("Primary"), N_("Backup"), N_("Status"), N_("Clients"), N_("ARR"),
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  AdwPreferencesGroup *group;

  gtk_box_append (self->detail_box, label_new (_("Coverage Matrix"), "title-1", 0.0f));
  gtk_box_append (self->detail_box,
                  label_new (_("Which providers deliver each product. A gap is a product with no primary provider; a single point of failure has one primary provider and no backup. Set a provider’s products on its page."),
                             "dim-label", 0.0f));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coverage matrix"), -1);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    grid_cell (GTK_GRID (grid), label_new (_(headers[c]), "heading", c >= 4 ? 1.0f : 0.0f), (int) c, 0);

  for (guint i = 0; i < coverage->len; i++)
    {
      const TractionCoverageRow *row = g_ptr_array_index (coverage, i);
      g_autofree char *primary = join_names (row->primary, _("None"));
      g_autofree char *backup = join_names (row->backup, _("None"));
      g_autofree char *clients = g_strdup_printf ("%u", row->n_clients);
      g_autofree char *arr = traction_money_format (row->arr_cents, currency, TRUE);
      GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      int r = (int) i + 1;

      grid_cell (GTK_GRID (grid), label_new (row->product, NULL, 0.0f), 0, r);
      grid_cell (GTK_GRID (grid), label_new (primary, row->primary->len == 0 ? "dim-label" : NULL, 0.0f), 1, r);
      grid_cell (GTK_GRID (grid), label_new (backup, row->backup->len == 0 ? "dim-label" : NULL, 0.0f), 2, r);
      gtk_box_append (GTK_BOX (status), flag_new (coverage_icon_name (row->status),
                                                  traction_coverage_status_label (row->status),
                                                  coverage_css_class (row->status)));
      if (row->at_risk)
        gtk_box_append (GTK_BOX (status), flag_new ("dialog-warning-symbolic", _("Primary at risk"), "at-risk"));
      grid_cell (GTK_GRID (grid), status, 3, r);
      grid_cell (GTK_GRID (grid), label_new (clients, "numeric", 1.0f), 4, r);
      grid_cell (GTK_GRID (grid), label_new (arr, "numeric", 1.0f), 5, r);
    }
  gtk_widget_set_hexpand (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0), TRUE);

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), grid);
  if (coverage->len == 0)
    gtk_box_append (GTK_BOX (card), label_new (_("No products yet: add them in Preferences."), "dim-label", 0.0f));
  gtk_box_append (self->detail_box, card);

  group = group_new (self, _("Clients Exposed to Providers at Risk"),
                     _("For each provider with a dependency risk of 4 or 5: the paying clients that use a product it delivers as primary provider, and their ARR."));
  for (guint i = 0; i < exposure->len; i++)
    fill_exposure_group (self, group, g_ptr_array_index (exposure, i), currency, TRUE);
  if (exposure->len == 0)
    add_empty_row (group, _("No provider is at high or critical risk."));
}

/* Provider detail: callbacks of its rows */

typedef struct {
  TractionProvidersPage *page;
  gint64                 id;
} RowRef;

static void
mitigation_toggled_cb (GtkCheckButton *check,
                       gpointer        data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (check), "page");
  gint64 id = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  GDate today;

  traction_date_today (&today);
  if (!traction_store_set_mitigation_done (self->store, id,
                                           gtk_check_button_get_active (check) ? &today : NULL,
                                           &error))
    show_error_dialog (self, _("Could Not Save the Step"), error);
}

static TractionMitigation *
mitigation_copy (const TractionMitigation *item)
{
  TractionMitigation *copy = g_memdup2 (item, sizeof *item);

  copy->item = g_strdup (item->item);
  return copy;
}

static void
undo_mitigation_cb (AdwToast *toast,
                    gpointer  data)
{
  TractionMitigation *item = data;
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (self != NULL && self->store != NULL &&
      !traction_store_add_mitigation (self->store, item, NULL, &error))
    show_error_dialog (self, _("Could Not Restore the Step"), error);
}

static void
delete_mitigation_cb (GtkButton *button,
                      gpointer   data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (button), "page");
  const TractionMitigation *item = data;
  TractionMitigation *copy;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  copy = mitigation_copy (item);

  if (!traction_store_delete_mitigation (self->store, copy->id, &error))
    {
      traction_mitigation_free (copy);
      show_error_dialog (self, _("Could Not Delete the Step"), error);
      return;
    }

  toast = adw_toast_new (_("Mitigation step deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_mitigation_cb),
                         copy, (GClosureNotify) (void (*) (void)) traction_mitigation_free, 0);
  add_toast (self, toast);
}

static void
add_mitigation_cb (AdwEntryRow *entry,
                   gpointer     data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (entry), "page");
  TractionMitigation item = { 0 };
  g_autoptr(GError) error = NULL;

  item.provider_id = self->selected;
  item.item = (char *) gtk_editable_get_text (GTK_EDITABLE (entry));
  g_date_clear (&item.done_on, 1);
  if (!traction_store_add_mitigation (self->store, &item, NULL, &error))
    show_error_dialog (self, _("Could Not Add the Step"), error);
}

static void
undo_review_cb (AdwToast *toast,
                gpointer  data)
{
  TractionProviderReviewRow *review = data;
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (self != NULL && self->store != NULL &&
      !traction_store_add_provider_review (self->store, review, NULL, &error))
    show_error_dialog (self, _("Could Not Restore the Review"), error);
}

static void
delete_review_cb (GtkButton *button,
                  gpointer   data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (button), "page");
  TractionProviderReviewRow *copy = traction_provider_review_row_copy (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = format_date_short (&copy->reviewed_on);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!traction_store_delete_provider_review (self->store, copy->id, &error))
    {
      traction_provider_review_row_free (copy);
      show_error_dialog (self, _("Could Not Delete the Review"), error);
      return;
    }

  /* Translators: toast after deleting a review, "Review of 8/14/2026 deleted" */
  title = g_strdup_printf (_("Review of %s deleted"), when);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_review_cb),
                         copy, (GClosureNotify) (void (*) (void)) traction_provider_review_row_free, 0);
  add_toast (self, toast);
}

static void
coverage_role_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  gpointer     data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (row), "page");
  gint64 product_id = GPOINTER_TO_INT (data);
  guint selected = adw_combo_row_get_selected (row);
  TractionCoverageRole role = selected == 1 ? TRACTION_COVERAGE_PRIMARY : TRACTION_COVERAGE_BACKUP;
  g_autoptr(GError) error = NULL;

  if (self->populating)
    return;
  if (!traction_store_set_coverage (self->store, product_id, self->selected,
                                    selected == 0 ? NULL : &role, &error))
    show_error_dialog (self, _("Could Not Save the Coverage"), error);
}

static void
status_changed_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (row), "page");
  TractionProviderRow *provider = data;
  g_autoptr(GError) error = NULL;

  if (self->populating)
    return;
  if (!traction_store_update_provider (self->store, provider->id, provider->name,
                                       adw_combo_row_get_selected (row),
                                       provider->contact, provider->notes, &error))
    show_error_dialog (self, _("Could Not Save the Provider"), error);
}

static void
detail_applied_cb (AdwEntryRow *entry,
                   gpointer     data)
{
  TractionProvidersPage *self = g_object_get_data (G_OBJECT (entry), "page");
  TractionProviderRow *provider = data;
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  if (!traction_store_update_provider (self->store, provider->id,
                                       g_strcmp0 (field, "name") == 0 ? text : provider->name,
                                       provider->status,
                                       g_strcmp0 (field, "contact") == 0 ? text : provider->contact,
                                       g_strcmp0 (field, "notes") == 0 ? text : provider->notes,
                                       &error))
    show_error_dialog (self, _("Could Not Save the Provider"), error);
}

/* Provider detail */

static GtkWidget *
figure_card (const char *title,
             const char *value,
             GtkWidget  *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "key-figure");
  gtk_box_append (GTK_BOX (box), label_new (title, "caption-heading", 0.0f));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), label_new (value, "title-2", 0.0f));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "numeric");
  if (detail != NULL)
    gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
show_provider (TractionProvidersPage     *self,
               const TractionProviderRow *provider,
               const char                *currency,
               const TractionRules       *rules,
               GError                   **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) mitigations = NULL;
  g_autoptr(GPtrArray) exposure = NULL;
  g_autoptr(GPtrArray) products = NULL;
  const TractionProviderReviewRow *last = NULL;
  const TractionProviderReviewRow *previous = NULL;
  TractionProviderRow *provider_copy;
  AdwPreferencesGroup *group;
  GtkWidget *header, *buttons, *button, *cards;
  g_autofree char *intro = NULL;
  GDate today;

  traction_date_today (&today);
  reviews = traction_store_list_provider_reviews (self->store, provider->id, error);
  if (reviews == NULL)
    return;
  mitigations = traction_store_list_mitigations (self->store, provider->id, error);
  if (mitigations == NULL)
    return;
  exposure = traction_store_load_exposure (self->store, provider->id, &today, error);
  if (exposure == NULL)
    return;
  products = traction_store_list_named (self->store, "products");

  if (reviews->len > 0)
    last = g_ptr_array_index (reviews, reviews->len - 1);
  if (reviews->len > 1)
    previous = g_ptr_array_index (reviews, reviews->len - 2);

  /* The rows' callbacks keep a copy of the provider as it was loaded. */
  provider_copy = g_new0 (TractionProviderRow, 1);
  *provider_copy = *provider;
  provider_copy->name = g_strdup (provider->name);
  provider_copy->contact = g_strdup (provider->contact);
  provider_copy->notes = g_strdup (provider->notes);
  g_object_set_data_full (G_OBJECT (self->detail_box), "provider", provider_copy,
                          (GDestroyNotify) traction_provider_row_free);

  /* Heading and the review button */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  {
    GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    gtk_widget_set_hexpand (texts, TRUE);
    gtk_box_append (GTK_BOX (texts), label_new (provider->name, "title-1", 0.0f));
    if (provider->contact[0] != '\0')
      intro = g_strdup_printf (_("%s · Contact: %s"), traction_provider_status_label (provider->status), provider->contact);
    else
      intro = g_strdup (traction_provider_status_label (provider->status));
    gtk_box_append (GTK_BOX (texts), label_new (intro, "dim-label", 0.0f));
    gtk_box_append (GTK_BOX (header), texts);
  }
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  button = gtk_button_new_with_mnemonic (_("_New Review…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "providers.review");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (header), buttons);
  gtk_box_append (self->detail_box, header);

  /* Key figures */
  cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
  if (last != NULL)
    {
      g_autofree char *overall = g_strdup_printf (_("%d/40"), last->overall);
      g_autofree char *change = NULL;
      g_autofree char *reviewed = format_date_short (&last->reviewed_on);
      g_autofree char *due = NULL;
      GtkWidget *due_widget;

      if (previous != NULL)
        change = g_strdup_printf (_("%+d since the review before"), last->overall - previous->overall);
      else
        change = g_strdup (_("First review"));
      gtk_box_append (GTK_BOX (cards), figure_card (_("Overall score"), overall,
                                                    label_new (change, "caption", 0.0f)));
      gtk_box_append (GTK_BOX (cards),
                      figure_card (_("Risk level"), traction_risk_label (provider->risk),
                                   flag_new (risk_icon_name (provider->risk),
                                             provider->risk >= TRACTION_RISK_HIGH ? _("Flagged") : _("Not flagged"),
                                             risk_css_class (provider->risk))));
      if (provider->review_due)
        {
          int late = provider->days_since_review - rules->provider_review_days;

          due = late > 0 ? g_strdup_printf (ngettext ("Review %d day overdue", "Review %d days overdue", late), late)
                         : g_strdup (_("Review due today"));
          due_widget = flag_new ("task-past-due-symbolic", due, "warning");
        }
      else
        {
          int left = rules->provider_review_days - provider->days_since_review;

          due = g_strdup_printf (ngettext ("Next review in %d day", "Next review in %d days", left), left);
          due_widget = label_new (due, "caption", 0.0f);
        }
      gtk_box_append (GTK_BOX (cards), figure_card (_("Last review"), reviewed, due_widget));
    }
  else
    {
      gtk_box_append (GTK_BOX (cards), figure_card (_("Overall score"), _("—"),
                                                    label_new (_("Not reviewed yet"), "caption", 0.0f)));
      gtk_box_append (GTK_BOX (cards), figure_card (_("Last review"), _("Never"),
                                                    flag_new ("task-past-due-symbolic", _("Review due"), "warning")));
    }
  gtk_box_append (self->detail_box, cards);

  /* Risk: required action and, at 4-5, the mitigation checklist */
  if (last != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Risk: %s"), traction_risk_label (provider->risk));
      gboolean flagged = provider->risk >= TRACTION_RISK_HIGH;

      group = group_new (self, flagged ? _("Mitigation Checklist") : title, traction_risk_action (provider->risk));
      if (flagged)
        {
          GtkWidget *entry;

          for (guint i = 0; i < mitigations->len; i++)
            {
              TractionMitigation *item = g_ptr_array_index (mitigations, i);
              g_autofree char *subtitle = NULL;
              GtkWidget *check = gtk_check_button_new ();
              GtkWidget *remove = traction_icon_button_new ("user-trash-symbolic", _("Delete Step"));
              AdwActionRow *row;

              if (g_date_valid (&item->done_on))
                {
                  g_autofree char *when = format_date_short (&item->done_on);

                  subtitle = g_strdup_printf (_("Done %s"), when);
                }
              row = action_row_new (item->item, subtitle);
              gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_date_valid (&item->done_on));
              gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
              gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, item->item, -1);
              g_object_set_data (G_OBJECT (check), "page", self);
              g_signal_connect (check, "toggled", G_CALLBACK (mitigation_toggled_cb), GINT_TO_POINTER ((int) item->id));
              adw_action_row_add_prefix (row, check);
              adw_action_row_set_activatable_widget (row, check);

              g_object_set_data (G_OBJECT (remove), "page", self);
              g_signal_connect_data (remove, "clicked", G_CALLBACK (delete_mitigation_cb),
                                     mitigation_copy (item),
                                     (GClosureNotify) (void (*) (void)) traction_mitigation_free, 0);
              adw_action_row_add_suffix (row, remove);
              adw_preferences_group_add (group, GTK_WIDGET (row));
            }

          entry = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a mitigation step"));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
          g_object_set_data (G_OBJECT (entry), "page", self);
          g_signal_connect (entry, "apply", G_CALLBACK (add_mitigation_cb), NULL);
          adw_preferences_group_add (group, entry);
        }
      else
        add_empty_row (group, _("Dependency risk below 4: no mitigation plan needed. A review with a risk of 4 or 5 opens the mitigation checklist here."));
    }

  /* Clients exposed if it fails */
  if (exposure->len > 0)
    {
      const TractionProviderExposure *mine = g_ptr_array_index (exposure, 0);
      g_autofree char *title = g_strdup_printf (_("If %s Fails"), provider->name);
      g_autofree char *arr = traction_money_format (mine->arr_cents, currency, FALSE);
      g_autofree char *alone_arr = traction_money_format (mine->no_fallback_arr_cents, currency, FALSE);
      g_autofree char *products_text = join_names (mine->products, _("none"));
      g_autofree char *alone = join_names (mine->no_fallback, _("none"));
      g_autofree char *description = NULL;

      if (mine->products->len > 0)
        description = g_strdup_printf (ngettext ("Primary provider of %s. %u paying client with %s ARR uses these products; %s ARR has no fallback at all (%s).",
                                                 "Primary provider of %s. %u paying clients with %s ARR use these products; %s ARR has no fallback at all (%s).",
                                                 mine->clients->len),
                                       products_text, mine->clients->len, arr, alone_arr, alone);
      group = group_new (self, title, description);
      fill_exposure_group (self, group, mine, currency, FALSE);
    }

  /* Latest scorecard */
  if (last != NULL)
    {
      g_autofree char *when = format_date_short (&last->reviewed_on);
      g_autofree char *title = g_strdup_printf (_("Scorecard of %s"), when);

      group = group_new (self, title, NULL);
      for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
        {
          g_autofree char *value = NULL;
          AdwActionRow *row = action_row_new (traction_provider_dimension_label (dim),
                                              last->notes[dim][0] != '\0' ? last->notes[dim]
                                                                          : traction_provider_dimension_hint (dim));

          if (dim == TRACTION_DIM_EXCLUSIVITY)
            /* Translators: "Soft (3)" */
            value = g_strdup_printf (_("%s (%d)"), traction_exclusivity_label (last->scores.exclusivity),
                                     traction_exclusivity_score (last->scores.exclusivity));
          else if (dim == TRACTION_DIM_DEPENDENCY)
            /* Translators: dependency risk and the points it gives, "5/5 → 1 point" */
            value = g_strdup_printf (ngettext ("%d/5 → %d point", "%d/5 → %d points",
                                               traction_provider_review_points (&last->scores, dim)),
                                     last->scores.dependency_risk,
                                     traction_provider_review_points (&last->scores, dim));
          else
            value = g_strdup_printf ("%d/5", traction_provider_review_get (&last->scores, dim));
          adw_action_row_set_subtitle_lines (row, 0);
          adw_action_row_add_suffix (row, value_label_new (value));
          adw_preferences_group_add (group, GTK_WIDGET (row));
        }
      {
        AdwActionRow *row = action_row_new (_("Action items"),
                                            last->action_items[0] != '\0' ? last->action_items : _("None recorded"));

        adw_action_row_set_subtitle_lines (row, 0);
        adw_preferences_group_add (group, GTK_WIDGET (row));
      }
    }

  /* Trend */
  if (reviews->len > 0)
    {
      g_autofree int *scores = g_new0 (int, reviews->len);
      g_autofree GDate *dates = g_new0 (GDate, reviews->len);
      GtkWidget *trend = traction_provider_trend_new ();
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      for (guint i = 0; i < reviews->len; i++)
        {
          const TractionProviderReviewRow *row = g_ptr_array_index (reviews, i);

          scores[i] = row->overall;
          dates[i] = row->reviewed_on;
        }
      traction_provider_trend_set_points (TRACTION_PROVIDER_TREND (trend), scores, dates, reviews->len);
      gtk_widget_set_margin_top (trend, 12);
      gtk_widget_set_margin_bottom (trend, 12);
      gtk_widget_set_margin_start (trend, 12);
      gtk_widget_set_margin_end (trend, 12);
      gtk_widget_add_css_class (frame, "card");
      gtk_box_append (GTK_BOX (frame), trend);
      group = group_new (self, _("Overall Score Trend"), NULL);
      adw_preferences_group_add (group, frame);
    }

  /* Every review kept, newest first */
  group = group_new (self, _("Review History"), _("Every review is kept. Expand one to see its scores and notes."));
  for (guint i = reviews->len; i > 0; i--)
    {
      TractionProviderReviewRow *review = g_ptr_array_index (reviews, i - 1);
      g_autofree char *when = format_date_short (&review->reviewed_on);
      g_autofree char *subtitle = g_strdup_printf (_("Overall %d/40 · Risk: %s"), review->overall,
                                                   traction_risk_label (traction_provider_risk (review->scores.dependency_risk)));
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove = traction_icon_button_new ("user-trash-symbolic", _("Delete Review"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), when);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
        {
          g_autofree char *value = dim == TRACTION_DIM_EXCLUSIVITY
                                   ? g_strdup (traction_exclusivity_label (review->scores.exclusivity))
                                   : g_strdup_printf ("%d/5", traction_provider_review_get (&review->scores, dim));
          AdwActionRow *row = action_row_new (traction_provider_dimension_label (dim), review->notes[dim]);

          adw_action_row_add_suffix (row, value_label_new (value));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
        }
      if (review->action_items[0] != '\0')
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  GTK_WIDGET (action_row_new (_("Action items"), review->action_items)));

      g_object_set_data (G_OBJECT (remove), "page", self);
      g_signal_connect_data (remove, "clicked", G_CALLBACK (delete_review_cb),
                             traction_provider_review_row_copy (review),
                             (GClosureNotify) (void (*) (void)) traction_provider_review_row_free, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
      adw_preferences_group_add (group, expander);
    }
  if (reviews->len == 0)
    add_empty_row (group, _("No review yet. Score the provider with New Review: eight dimensions from 1 to 5, every quarter."));

  /* Products it covers */
  group = group_new (self, _("Products It Covers"),
                     _("Primary: the provider that delivers the product today. Backup: the one that can take over."));
  for (guint i = 0; products != NULL && i < products->len; i++)
    {
      const TractionNamed *product = g_ptr_array_index (products, i);
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *markup = g_markup_escape_text (product->name, -1);
      TractionCoverageRole role;
      guint selected = 0;

      gtk_string_list_append (model, _("Not used"));
      gtk_string_list_append (model, _("Primary"));
      gtk_string_list_append (model, _("Backup"));
      if (traction_store_get_coverage_role (self->store, product->id, provider->id, &role))
        selected = role == TRACTION_COVERAGE_PRIMARY ? 1 : 2;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "page", self);
      g_signal_connect (row, "notify::selected", G_CALLBACK (coverage_role_cb), GINT_TO_POINTER ((int) product->id));
      adw_preferences_group_add (group, row);
    }
  if (products == NULL || products->len == 0)
    add_empty_row (group, _("No products yet: add them in Preferences."));

  /* Details */
  group = group_new (self, _("Details"), NULL);
  {
    static const struct { const char *field; const char *title; } entries[] = {
      { "name", N_("Name") }, { "contact", N_("Key contact") }, { "notes", N_("Notes") },
    };
    g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
    GtkWidget *status = adw_combo_row_new ();

    for (int s = 0; s < TRACTION_N_PROVIDER_STATUSES; s++)
      gtk_string_list_append (model, traction_provider_status_label (s));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
    adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (model));
    adw_combo_row_set_selected (ADW_COMBO_ROW (status), provider->status);
    g_object_set_data (G_OBJECT (status), "page", self);
    g_signal_connect (status, "notify::selected", G_CALLBACK (status_changed_cb), provider_copy);
    adw_preferences_group_add (group, status);

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        GtkWidget *entry = adw_entry_row_new ();
        const char *value = i == 0 ? provider->name : i == 1 ? provider->contact : provider->notes;

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(entries[i].title));
        gtk_editable_set_text (GTK_EDITABLE (entry), value);
        adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
        g_object_set_data (G_OBJECT (entry), "page", self);
        g_object_set_data (G_OBJECT (entry), "field", (gpointer) entries[i].field);
        g_signal_connect (entry, "apply", G_CALLBACK (detail_applied_cb), provider_copy);
        adw_preferences_group_add (group, entry);
      }
  }
}

static void
show_error (TractionProvidersPage *self,
            const GError          *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
refresh (TractionProvidersPage *self)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) exposure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  const TractionProviderRow *selected = NULL;
  TractionRules rules;
  GDate today;

  if (self->store == NULL)
    return;

  traction_date_today (&today);
  providers = traction_store_list_providers (self->store, &today, &error);
  if (providers != NULL)
    coverage = traction_store_load_coverage (self->store, &today, &error);
  if (coverage != NULL)
    exposure = traction_store_load_exposure (self->store, 0, &today, &error);
  if (exposure == NULL)
    {
      show_error (self, error);
      return;
    }

  if (providers->len == 0)
    {
      self->selected = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  traction_store_get_rules (self->store, &rules);
  currency = traction_store_get_currency (self->store);

  fill_sidebar (self, providers, coverage);
  for (guint i = 0; i < providers->len; i++)
    if (((TractionProviderRow *) g_ptr_array_index (providers, i))->id == self->selected)
      selected = g_ptr_array_index (providers, i);

  self->populating = TRUE;
  clear_box (self->detail_box);
  g_free (self->selected_name);
  self->selected_name = selected != NULL ? g_strdup (selected->name) : NULL;
  if (selected != NULL)
    show_provider (self, selected, currency, &rules, &error);
  else
    show_coverage (self, coverage, exposure, currency);
  self->populating = FALSE;

  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "providers.review", selected != NULL);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* Signal callbacks */

static void
reload_cb (GtkWidget *view)
{
  refresh (TRACTION_PROVIDERS_PAGE (view));
}

static void
row_selected_cb (TractionProvidersPage *self,
                 GtkListBoxRow         *row,
                 GtkListBox            *list)
{
  gint64 id;

  if (row == NULL || self->populating)
    return;
  id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "provider-id"));
  if (id == self->selected)
    return;
  self->selected = id;
  refresh (self);
}

static void
row_activated_cb (TractionProvidersPage *self,
                  GtkListBoxRow         *row,
                  GtkListBox            *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
review_saved_cb (TractionProvidersPage *self,
                 gint64                 id)
{
  AdwToast *toast = adw_toast_new (_("Review saved"));

  add_toast (self, toast);
}

/* Actions */

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->selected == 0)
    return;

  dialog = traction_provider_review_dialog_new (self->store, self->selected, self->selected_name);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (review_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_response_cb (AdwMessageDialog      *dialog,
                 const char            *response,
                 TractionProvidersPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL)
    return;

  if (!traction_store_add_provider (self->store, gtk_editable_get_text (entry),
                                    TRACTION_PROVIDER_EVALUATING, "", &id, &error))
    {
      show_error_dialog (self, _("Could Not Add the Provider"), error);
      return;
    }
  traction_providers_page_select (self, id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (self->store == NULL || !GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Add Provider"),
                                   _("An upstream provider your products depend on. It starts as Evaluating; score it with a first review."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Provider name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Provider name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report of what is shown: the provider's scorecard, else the
 * coverage matrix. */
static TractionProviderReport *
current_report (TractionProvidersPage  *self,
                char                  **file_name)
{
  g_autoptr(GError) error = NULL;
  TractionProviderReport *report;
  char day[16];
  GDate today;

  traction_date_today (&today);
  traction_date_format (&today, day);
  if (self->selected != 0)
    {
      report = traction_provider_report_new_scorecard (self->store, self->selected, &today, &error);
      /* Translators: file name proposed for a scorecard PDF; keep it short */
      *file_name = g_strdup_printf (_("provider-scorecard-%s.pdf"), day);
    }
  else
    {
      report = traction_provider_report_new_coverage (self->store, &today, &error);
      /* Translators: file name proposed for the coverage matrix PDF */
      *file_name = g_strdup_printf (_("coverage-matrix-%s.pdf"), day);
    }
  if (report == NULL)
    show_error_dialog (self, _("Could Not Prepare the Report"), error);
  return report;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionProviderReport *report;

  if (self->store == NULL || (report = current_report (self, &file_name)) == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  traction_print_report (widget, traction_provider_report_spec (), report,
                         (GDestroyNotify) traction_provider_report_free, company);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionProviderReport *report;

  if (self->store == NULL || (report = current_report (self, &file_name)) == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  traction_export_report_pdf (widget, traction_provider_report_spec (), report,
                              (GDestroyNotify) traction_provider_report_free, company, file_name);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GObject overrides */

static void
traction_providers_page_dispose (GObject *object)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (object);

  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_PROVIDERS_PAGE);

  G_OBJECT_CLASS (traction_providers_page_parent_class)->dispose (object);
}

static void
traction_providers_page_finalize (GObject *object)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (object);

  g_free (self->selected_name);

  G_OBJECT_CLASS (traction_providers_page_parent_class)->finalize (object);
}

static void
traction_providers_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (object);

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
traction_providers_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TractionProvidersPage *self = TRACTION_PROVIDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_providers_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_providers_page_class_init (TractionProvidersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_providers_page_dispose;
  object_class->finalize = traction_providers_page_finalize;
  object_class->get_property = traction_providers_page_get_property;
  object_class->set_property = traction_providers_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/providers/traction-providers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, detail);
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, provider_list);
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, TractionProvidersPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "providers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "providers.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "providers.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "providers.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "providers.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "providers.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "providers.export-pdf", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "providerspage");

  g_type_ensure (TRACTION_TYPE_PROVIDER_TREND);
}

static void
traction_providers_page_init (TractionProvidersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
traction_providers_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_PROVIDERS_PAGE, "store", store, NULL);
}

TractionStore *
traction_providers_page_get_store (TractionProvidersPage *self)
{
  g_return_val_if_fail (TRACTION_IS_PROVIDERS_PAGE (self), NULL);
  return self->store;
}

void
traction_providers_page_set_store (TractionProvidersPage *self,
                                   TractionStore         *store)
{
  g_return_if_fail (TRACTION_IS_PROVIDERS_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);

  self->selected = 0;
  if (!traction_store_watch_defer (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_providers_page_refresh (TractionProvidersPage *self)
{
  g_return_if_fail (TRACTION_IS_PROVIDERS_PAGE (self));

  traction_store_watch_settle (GTK_WIDGET (self));
  refresh (self);
}

gint64
traction_providers_page_get_selected (TractionProvidersPage *self)
{
  g_return_val_if_fail (TRACTION_IS_PROVIDERS_PAGE (self), 0);
  return self->selected;
}

void
traction_providers_page_select (TractionProvidersPage *self,
                                gint64                 provider_id)
{
  g_return_if_fail (TRACTION_IS_PROVIDERS_PAGE (self));

  self->selected = provider_id;
  traction_providers_page_refresh (self);
}
