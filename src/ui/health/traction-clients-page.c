/* traction-clients-page.c: the Clients view (DOMAIN.md §5). The heatmap
 * of every client's monthly health score on the left, sorted and
 * filtered from the toolbar; the client pane on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-clients-page.h"
#include "traction-loader.h"
#include "traction-chart-widget.h"
#include "traction-health.h"
#include "traction-health-report.h"
#include "traction-heatmap.h"
#include "traction-heatmap-widget.h"
#include "traction-movement-log.h"
#include "traction-print.h"
#include "traction-qbr-batch.h"
#include "traction-review-dialog.h"
#include "traction-scorecard-dialog.h"
#include "traction-store-deal.h"
#include "traction-store-deals.h"
#include "traction-store-health.h"
#include "traction-store-watch.h"
#include "traction-usage-dialog.h"
#include "traction-usage-grid.h"
#include "traction-widgets.h"
#include "traction-window.h"

/* Months the heatmap can show. */
static const guint month_choices[] = { 12, 24, 36 };
#define MAX_MONTHS 36

/* The sections of the client pane, top to bottom. */
typedef enum
{
  SECTION_HEADER,
  SECTION_TREND,
  SECTION_WHY,
  SECTION_ALERTS,
  SECTION_LIFECYCLE,
  SECTION_CONTRACT,
  SECTION_STAKEHOLDERS,
  SECTION_MOVEMENTS,
  N_SECTIONS
} PaneSection;

struct _TractionClientsPage
{
  GtkWidget              parent_instance;

  /* template */
  GtkStack              *stack;
  AdwLeaflet            *leaflet;
  GtkBox                *toolbar;
  GtkLabel              *cursor_label;
  GtkStack              *map_stack;
  GtkScrolledWindow     *map_scroller;
  GtkBox                *legend_box;
  GtkWidget             *detail;
  GtkBox                *detail_box;
  AdwStatusPage         *error_page;

  GtkDropDown           *sort_drop;
  GtkDropDown           *band_drop;
  GtkDropDown           *segment_drop;
  GtkDropDown           *lifecycle_drop;
  GtkDropDown           *months_drop;
  GtkMenuButton         *filter_button;
  TractionHeatmapWidget *heatmap;

  TractionStore         *store;
  TractionRules          rules;
  GPtrArray             *clients;     /* TractionClientRow, every client */
  char                 **name_keys;   /* collation key of each client's name */
  TractionHeatmapData   *scores;      /* every client's, MAX_MONTHS to this month */
  GHashTable            *score_rows;  /* account id -> row of scores + 1 */
  TractionLoader        *loader;      /* reads both off the main thread */
  gint64                 selected;
  guint                  show_source;  /* the pane follows the cursor after a pause */

  /* The client pane: "Pick a Client", or the sections, each rebuilt
   * only when what it shows changed (see section_begin()). */
  GtkWidget             *pane_empty;
  GtkBox                *sections[N_SECTIONS];
  GtkWidget             *movement_log;
};

G_DEFINE_FINAL_TYPE (TractionClientsPage, traction_clients_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TractionClientsPage *self);
static void show_client (TractionClientsPage *self);

/* Helpers */

static void
widget_toast (GtkWidget *widget,
              AdwToast  *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, TRACTION_TYPE_WINDOW);

  if (window != NULL)
    traction_window_add_toast (TRACTION_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
widget_error (GtkWidget    *widget,
              const char   *heading,
              const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0.0);
  return g_date_time_format (dt, "%x");
}

static char *
format_month (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   1, 0, 0, 0.0);
  return g_date_time_format (dt, "%B %Y");
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static const char *
band_css_class (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return "success";
    case TRACTION_BAND_MONITOR:  return NULL;
    case TRACTION_BAND_AT_RISK:  return "warning";
    case TRACTION_BAND_CRITICAL:
    case TRACTION_N_BANDS:
    default:
      return "error";
    }
}

static const char *
trend_label (TractionTrend trend)
{
  switch (trend)
    {
    case TRACTION_TREND_IMPROVING: return _("Improving");
    case TRACTION_TREND_DECLINING: return _("Declining");
    case TRACTION_TREND_STABLE:
    default:
      return _("Stable");
    }
}

/* Row title and subtitle are markup in libadwaita 1.2: user text is escaped. */
static AdwActionRow *
action_row_new (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title != NULL ? title : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
    }
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
suffix_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static AdwPreferencesGroup *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (description, -1);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
    }
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_empty_row (AdwPreferencesGroup *group,
               const char          *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
}

/* An icon beside a word: colour never carries meaning alone. */
static GtkWidget *
band_flag_new (TractionHealthBand band,
               const char        *text,
               gboolean           wrap)
{
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (traction_health_band_icon_name (band));
  GtkWidget *label = gtk_label_new (text);
  const char *css = band_css_class (band);

  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "numeric");
  if (css != NULL)
    {
      gtk_widget_add_css_class (image, css);
      gtk_widget_add_css_class (label, css);
    }
  gtk_box_append (GTK_BOX (flag), image);
  gtk_box_append (GTK_BOX (flag), label);
  return flag;
}

static const TractionClientRow *
find_client (TractionClientsPage *self,
             gint64               account_id)
{
  for (guint i = 0; self->clients != NULL && i < self->clients->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (self->clients, i);

      if (row->account_id == account_id)
        return row;
    }
  return NULL;
}

static guint
n_months_shown (TractionClientsPage *self)
{
  guint i = self->months_drop != NULL ? gtk_drop_down_get_selected (self->months_drop) : 0;

  return month_choices[MIN (i, G_N_ELEMENTS (month_choices) - 1)];
}

/* The first month of a window of n months ending with today's month. */
static void
first_month_of (guint  n_months,
                GDate *out)
{
  GDate today;

  traction_date_today (&today);
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_subtract_months (out, n_months - 1);
}

/* Sorting and filtering */

/* A client as the heatmap sorts it: by name through a collation key
 * made once per load (g_utf8_collate() per comparison was most of the
 * sort's cost with 2,000 clients). */
typedef struct
{
  const TractionClientRow *row;
  const char              *name_key;
} SortedClient;

static int
compare_clients (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const SortedClient *sx = a, *sy = b;
  const TractionClientRow *x = sx->row, *y = sy->row;

  switch ((TractionClientsSort) GPOINTER_TO_INT (data))
    {
    case TRACTION_CLIENTS_SORT_SCORE:
      if (x->has_score != y->has_score)
        return x->has_score ? -1 : 1;
      if (x->has_score && x->score != y->score)
        return x->score < y->score ? -1 : 1;
      break;
    case TRACTION_CLIENTS_SORT_ARR:
      if (x->arr_cents != y->arr_cents)
        return x->arr_cents > y->arr_cents ? -1 : 1;
      break;
    case TRACTION_CLIENTS_SORT_TREND:
      {
        double dx = x->has_trend ? x->score - x->previous_score : INFINITY;
        double dy = y->has_trend ? y->score - y->previous_score : INFINITY;

        if (dx != dy)
          return dx < dy ? -1 : 1;
      }
      break;
    case TRACTION_CLIENTS_SORT_NAME:
    default:
      break;
    }
  return strcmp (sx->name_key, sy->name_key);
}

static gboolean
client_matches (TractionClientsPage     *self,
                const TractionClientRow *row)
{
  guint band = gtk_drop_down_get_selected (self->band_drop);
  guint segment = gtk_drop_down_get_selected (self->segment_drop);
  guint lifecycle = gtk_drop_down_get_selected (self->lifecycle_drop);

  /* Band: 0 all, 1..4 the bands, 5 no score yet. */
  if (band >= 1 && band <= TRACTION_N_BANDS && (!row->has_score || row->band != (TractionHealthBand) (band - 1)))
    return FALSE;
  if (band == TRACTION_N_BANDS + 1 && row->has_score)
    return FALSE;
  if (segment >= 1 && row->segment != (TractionSegment) (segment - 1))
    return FALSE;
  if (lifecycle >= 1 && row->lifecycle != (TractionLifecycle) (lifecycle - 1))
    return FALSE;
  return TRUE;
}

/* Fills the heatmap with the clients that match, in the sort order. */
static void
fill_heatmap (TractionClientsPage *self)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (SortedClient));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree const char **names = NULL;
  TractionHeatmapData *data;
  guint n_months = n_months_shown (self);
  GDate first;

  if (self->store == NULL || self->clients == NULL)
    return;

  for (guint i = 0; i < self->clients->len; i++)
    if (client_matches (self, g_ptr_array_index (self->clients, i)))
      {
        SortedClient client = { g_ptr_array_index (self->clients, i), self->name_keys[i] };

        g_array_append_val (shown, client);
      }
  g_array_sort_with_data (shown, compare_clients,
                          GINT_TO_POINTER (gtk_drop_down_get_selected (self->sort_drop)));

  names = g_new0 (const char *, shown->len + 1);
  for (guint i = 0; i < shown->len; i++)
    {
      const TractionClientRow *row = g_array_index (shown, SortedClient, i).row;

      g_array_append_val (ids, row->account_id);
      names[i] = row->name;
    }

  first_month_of (n_months, &first);
  if (self->scores != NULL && n_months <= self->scores->n_months)
    {
      /* From the scores read with the clients: the last n_months of
       * each shown client's row. */
      guint skip = self->scores->n_months - n_months;

      data = g_new0 (TractionHeatmapData, 1);
      data->first_month = first;
      data->n_months = n_months;
      data->n_clients = ids->len;
      data->account_ids = g_memdup2 (ids->data, sizeof (gint64) * MAX (ids->len, 1));
      data->scores = g_new (float, MAX ((gsize) ids->len * n_months, 1));
      for (guint i = 0; i < ids->len; i++)
        {
          guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->score_rows, &g_array_index (ids, gint64, i)));

          for (guint j = 0; j < n_months; j++)
            data->scores[(gsize) i * n_months + j] =
              row > 0 ? self->scores->scores[(gsize) (row - 1) * self->scores->n_months + skip + j] : NAN;
        }
    }
  else
    data = traction_store_load_heatmap (self->store, (const gint64 *) ids->data, ids->len,
                                        &first, n_months, &error);
  if (data == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  traction_heatmap_widget_set_data (self->heatmap, &self->rules, data->n_clients, data->n_months,
                                    names, data->account_ids, data->scores, &data->first_month);
  traction_heatmap_data_free (data);
  gtk_stack_set_visible_child_name (self->map_stack, shown->len > 0 ? "map" : "no-match");
}

static void
filters_changed_cb (TractionClientsPage *self)
{
  guint n = (gtk_drop_down_get_selected (self->band_drop) != 0)
            + (gtk_drop_down_get_selected (self->segment_drop) != 0)
            + (gtk_drop_down_get_selected (self->lifecycle_drop) != 0);

  if (self->filter_button != NULL)
    {
      /* Translators: the filter button with how many filters are set, "Filter (2)" */
      g_autofree char *label = n > 0 ? g_strdup_printf (_("Filter (%u)"), n) : g_strdup (_("Filter"));

      gtk_menu_button_set_label (self->filter_button, label);
    }
  fill_heatmap (self);
}

static gboolean
show_client_timeout_cb (gpointer data)
{
  TractionClientsPage *self = data;

  self->show_source = 0;
  show_client (self);
  return G_SOURCE_REMOVE;
}

static void
cursor_changed_cb (TractionHeatmapWidget *heatmap,
                   TractionClientsPage   *self)
{
  g_autofree char *text = NULL;
  int row, col;

  traction_heatmap_widget_get_cursor (heatmap, &row, &col);
  text = traction_heatmap_widget_describe_cell (heatmap, row, col);
  gtk_label_set_text (self->cursor_label, text != NULL ? text
                      : _("Point at a cell or use the arrow keys for the score; click or press Enter for that month’s scorecard."));
  if (row >= 0)
    {
      gint64 account = traction_heatmap_widget_get_account (heatmap, row);

      if (account != self->selected)
        {
          self->selected = account;
          g_clear_handle_id (&self->show_source, g_source_remove);
          self->show_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 150, show_client_timeout_cb, self, NULL);
        }
    }
}

/* The scorecard dialog */

static void
scorecard_saved_cb (TractionScorecardDialog *dialog,
                    TractionClientsPage     *self)
{
  widget_toast (GTK_WIDGET (self), adw_toast_new (_("Scorecard saved")));
}

static void
open_scorecard (TractionClientsPage *self,
                gint64               account_id,
                const GDate         *month)
{
  g_autoptr(GError) error = NULL;
  const TractionClientRow *client = find_client (self, account_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TractionScorecardDialog *dialog;

  if (self->store == NULL || client == NULL)
    return;
  dialog = traction_scorecard_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          self->store, account_id, client->name, month, &error);
  if (dialog == NULL)
    {
      widget_error (GTK_WIDGET (self), _("Could Not Open the Scorecard"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (scorecard_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cell_activated_cb (TractionHeatmapWidget *heatmap,
                   gint64                 account_id,
                   const GDate           *month,
                   TractionClientsPage   *self)
{
  open_scorecard (self, account_id, month);
}

/* The client pane: alerts */

typedef struct {
  GtkWidget     *widget;     /* for the dialogs and toasts */
  TractionStore *store;
  gint64         alert_id;
  char          *status;     /* what to set */
  char          *previous;   /* for Undo */
} AlertChange;

static void
alert_change_free (gpointer data)
{
  AlertChange *change = data;

  g_object_unref (change->widget);
  g_object_unref (change->store);
  g_free (change->status);
  g_free (change->previous);
  g_free (change);
}

static void
undo_alert_cb (AdwToast    *toast,
               AlertChange *change)
{
  g_autoptr(GError) error = NULL;

  if (!traction_store_set_alert_status (change->store, change->alert_id, change->previous, NULL, &error))
    widget_error (change->widget, _("Could Not Undo"), error);
}

static void
alert_note_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AlertChange      *change)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  AdwToast *toast;
  AlertChange *undo;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (!traction_store_set_alert_status (change->store, change->alert_id, change->status,
                                        gtk_editable_get_text (entry), &error))
    {
      widget_error (change->widget, _("Could Not Update the Alert"), error);
      return;
    }
  toast = adw_toast_new (g_str_equal (change->status, "resolved") ? _("Alert resolved") : _("Alert acknowledged"));
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (AlertChange, 1);
  undo->widget = g_object_ref (change->widget);
  undo->store = g_object_ref (change->store);
  undo->alert_id = change->alert_id;
  undo->previous = g_strdup (change->previous);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_alert_cb), undo,
                         (GClosureNotify) (void (*) (void)) alert_change_free, 0);
  widget_toast (change->widget, toast);
}

void
traction_alert_note_dialog_run (GtkWidget     *widget,
                                TractionStore *store,
                                gint64         alert_id,
                                const char    *status,
                                const char    *previous)
{
  GtkRoot *root;
  gboolean resolve;
  GtkWidget *dialog, *entry;
  AlertChange *change;

  g_return_if_fail (GTK_IS_WIDGET (widget) && TRACTION_IS_STORE (store) && status != NULL);

  root = gtk_widget_get_root (widget);
  resolve = g_str_equal (status, "resolved");
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root),
                                   resolve ? _("Resolve Alert") : _("Acknowledge Alert"),
                                   resolve ? _("What was done? The note stays with the alert.")
                                           : _("Who is on it, and what is the next step?"));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", resolve ? _("_Resolve") : _("_Acknowledge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  change = g_new0 (AlertChange, 1);
  change->widget = g_object_ref (widget);
  change->store = g_object_ref (store);
  change->alert_id = alert_id;
  change->status = g_strdup (status);
  change->previous = g_strdup (previous != NULL ? previous : "open");
  g_signal_connect_data (dialog, "response", G_CALLBACK (alert_note_response_cb), change,
                         (GClosureNotify) (void (*) (void)) alert_change_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
alert_button_clicked_cb (GtkButton           *button,
                         TractionClientsPage *self)
{
  gint64 alert_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "alert-id"));

  if (self->store != NULL)
    traction_alert_note_dialog_run (GTK_WIDGET (self), self->store, alert_id,
                                    g_object_get_data (G_OBJECT (button), "status"),
                                    g_object_get_data (G_OBJECT (button), "previous"));
}

static GtkWidget *
alert_button_new (TractionClientsPage    *self,
                  const TractionAlertRow *alert,
                  const char             *label,
                  const char             *status)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "alert-id", GSIZE_TO_POINTER ((gsize) alert->alert_id));
  g_object_set_data_full (G_OBJECT (button), "status", g_strdup (status), g_free);
  g_object_set_data_full (G_OBJECT (button), "previous", g_strdup (alert->status), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (alert_button_clicked_cb), self, 0);
  return button;
}

/* The client pane is rebuilt after every write (the page reloads), and
 * rebuilding its forty-odd rows cost the window a 30 ms frame; so each
 * section keeps its widgets while what it shows is the same. A section's
 * key is that content as text. */

/* Returns the section's box, emptied, to fill; or NULL when the section
 * shows key already and stays as it is. Takes key. */
static GtkBox *
section_begin (TractionClientsPage *self,
               PaneSection          section,
               char                *key)
{
  if (!traction_widget_take_key (GTK_WIDGET (self->sections[section]), key))
    return NULL;
  clear_box (self->sections[section]);
  return self->sections[section];
}

/* Empties every section: the next client fills them anew. */
static void
pane_clear (TractionClientsPage *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      traction_widget_forget_key (GTK_WIDGET (self->sections[i]));
      clear_box (self->sections[i]);
    }
  self->movement_log = NULL;
}

/* The rules the health sections draw with. */
static void
key_add_rules (GString             *key,
               const TractionRules *rules)
{
  g_string_append_printf (key, "|%d %d %d %d %g", rules->band_healthy, rules->band_monitor,
                          rules->band_at_risk, rules->health_weight[0], rules->trend_delta);
  for (guint i = 1; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    g_string_append_printf (key, " %d", rules->health_weight[i]);
}

static void
fill_alerts (TractionClientsPage *self,
             gint64               account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = traction_store_list_client_alerts (self->store, account_id, &error);
  GString *key = g_string_new ("alerts");
  AdwPreferencesGroup *group;
  GtkBox *box;
  guint shown = 0;

  if (alerts == NULL)
    g_string_append (key, error->message);
  for (guint i = 0; alerts != NULL && i < alerts->len; i++)
    {
      const TractionAlertRow *alert = g_ptr_array_index (alerts, i);

      g_string_append_printf (key, "\x1f%" G_GINT64_FORMAT " %d %s %s", alert->alert_id, (int) alert->kind,
                              alert->status, alert->response);
    }
  box = section_begin (self, SECTION_ALERTS, g_string_free (key, FALSE));
  if (box == NULL)
    return;
  group = group_new (box, _("Alerts"), NULL);
  if (alerts == NULL)
    {
      add_empty_row (group, error->message);
      return;
    }
  for (guint i = 0; i < alerts->len; i++)
    {
      const TractionAlertRow *alert = g_ptr_array_index (alerts, i);
      gboolean resolved = g_strcmp0 (alert->status, "resolved") == 0;
      const char *status = resolved ? _("Resolved")
                           : g_strcmp0 (alert->status, "acknowledged") == 0 ? _("Acknowledged") : _("Open");
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), status, alert->response);
      AdwActionRow *row;

      /* The resolved ones: the five latest are enough history here. */
      if (resolved && shown >= 5)
        continue;
      row = action_row_new (traction_alert_title (alert->kind), subtitle);
      if (!resolved)
        {
          if (g_strcmp0 (alert->status, "acknowledged") != 0)
            adw_action_row_add_suffix (row, alert_button_new (self, alert, _("_Acknowledge…"), "acknowledged"));
          adw_action_row_add_suffix (row, alert_button_new (self, alert, _("_Resolve…"), "resolved"));
        }
      adw_preferences_group_add (group, GTK_WIDGET (row));
      shown++;
    }
  if (shown == 0)
    add_empty_row (group, _("No alerts. One appears when usage drops or stops, a severe ticket comes in, the client stops answering, or a survey brings a low score."));
}

/* The client pane: the rest */

typedef struct {
  float       *scores;
  guint        n_months;
  char       **labels;
  TractionRules rules;
} TrendData;

static void
trend_data_free (gpointer data)
{
  TrendData *trend = data;

  g_free (trend->scores);
  g_strfreev (trend->labels);
  g_free (trend);
}

static void
draw_trend (cairo_t                  *cr,
            const TractionChartTheme *theme,
            double                    width,
            double                    height,
            gpointer                  data)
{
  TrendData *trend = data;

  traction_chart_health_trend (cr, theme, 0, 0, width, height, trend->scores, trend->n_months,
                               (const char * const *) trend->labels, &trend->rules);
}

/* The last twelve months of the client's scores: from the scores read
 * with the clients, or (missing there) from the store. */
static TractionHeatmapData *
trend_scores (TractionClientsPage     *self,
              const TractionClientRow *client,
              guint                    n_months)
{
  guint row = self->scores != NULL && self->scores->n_months >= n_months
              ? GPOINTER_TO_UINT (g_hash_table_lookup (self->score_rows, &client->account_id)) : 0;
  TractionHeatmapData *data;
  GDate first;

  if (row == 0)
    {
      first_month_of (n_months, &first);
      return traction_store_load_heatmap (self->store, &client->account_id, 1, &first, n_months, NULL);
    }
  data = g_new0 (TractionHeatmapData, 1);
  data->first_month = self->scores->first_month;
  g_date_add_months (&data->first_month, self->scores->n_months - n_months);
  data->n_months = n_months;
  data->n_clients = 1;
  data->account_ids = g_memdup2 (&client->account_id, sizeof (gint64));
  data->scores = g_memdup2 (self->scores->scores + (gsize) (row - 1) * self->scores->n_months
                            + (self->scores->n_months - n_months), sizeof (float) * n_months);
  return data;
}

static void
add_trend (TractionClientsPage     *self,
           const TractionClientRow *client)
{
  TractionHeatmapData *data = trend_scores (self, client, 12);
  TrendData *trend;
  GtkWidget *chart;
  GString *key;
  GtkBox *box;

  if (data == NULL)
    {
      section_begin (self, SECTION_TREND, g_strdup ("none"));
      return;
    }
  key = g_string_new (NULL);
  g_string_append_printf (key, "%u", g_date_get_julian (&data->first_month));
  for (guint j = 0; j < data->n_months; j++)
    g_string_append_printf (key, " %g", data->scores[j]);
  key_add_rules (key, &self->rules);
  box = section_begin (self, SECTION_TREND, g_string_free (key, FALSE));
  if (box == NULL)
    {
      traction_heatmap_data_free (data);
      return;
    }

  trend = g_new0 (TrendData, 1);
  trend->n_months = data->n_months;
  trend->scores = g_memdup2 (data->scores, sizeof (float) * MAX (data->n_months, 1));
  trend->labels = g_new0 (char *, data->n_months + 1);
  trend->rules = self->rules;
  for (guint j = 0; j < data->n_months; j++)
    {
      GDate month = data->first_month;
      g_autoptr(GDateTime) dt = NULL;

      g_date_add_months (&month, j);
      dt = g_date_time_new_local (g_date_get_year (&month), g_date_get_month (&month), 1, 0, 0, 0);
      trend->labels[j] = g_date_time_format (dt, "%b");
    }
  traction_heatmap_data_free (data);

  chart = traction_chart_widget_new ();
  gtk_widget_set_size_request (chart, -1, 170);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Health score over the last twelve months"), -1);
  traction_chart_widget_set_draw_func (TRACTION_CHART_WIDGET (chart), draw_trend, trend, trend_data_free);
  gtk_box_append (box, chart);
}

static void
add_why (TractionClientsPage     *self,
         const TractionClientRow *client)
{
  g_autoptr(GError) error = NULL;
  TractionScorecardDraft *draft;
  AdwPreferencesGroup *group;
  g_autofree char *month = NULL;
  g_autofree char *title = NULL;
  TractionHealthChange change;
  double total = 0;
  gboolean any = FALSE;
  GString *key;
  GtkBox *box;

  if (!client->has_score)
    {
      box = section_begin (self, SECTION_WHY, g_strdup ("none"));
      if (box == NULL)
        return;
      group = group_new (box, _("Why the Score Moved"), NULL);
      add_empty_row (group, _("No scorecard yet. Click a month in the heatmap to score this client."));
      return;
    }
  draft = traction_store_load_scorecard (self->store, client->account_id, &client->score_month, &error);
  key = g_string_new (NULL);
  g_string_append_printf (key, "%u %g", g_date_get_julian (&client->score_month), client->score);
  if (draft == NULL)
    g_string_append (key, error->message);
  else if (draft->has_previous)
    {
      g_string_append_printf (key, " %g:", draft->previous_score);
      for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
        g_string_append_printf (key, " %d>%d", draft->previous.items[i], draft->input.items[i]);
      for (int i = 0; i < TRACTION_N_HEALTH_SIGNALS; i++)
        g_string_append_printf (key, " %d>%d", draft->previous.signals[i], draft->input.signals[i]);
    }
  key_add_rules (key, &self->rules);
  box = section_begin (self, SECTION_WHY, g_string_free (key, FALSE));
  if (box == NULL)
    {
      g_clear_pointer (&draft, traction_scorecard_draft_free);
      return;
    }
  month = format_month (&client->score_month);
  /* Translators: "Why the Score Moved in October 2026" */
  title = g_strdup_printf (_("Why the Score Moved in %s"), month);
  group = group_new (box, title, NULL);
  if (draft == NULL)
    {
      add_empty_row (group, error->message);
      return;
    }
  if (!draft->has_previous)
    {
      add_empty_row (group, _("No scorecard the month before, so there is nothing to compare with."));
      traction_scorecard_draft_free (draft);
      return;
    }
  if (!traction_health_explain (&draft->previous, &draft->input, &self->rules, &change, &error))
    {
      add_empty_row (group, error->message);
      traction_scorecard_draft_free (draft);
      return;
    }
  for (int i = 0; i < TRACTION_N_HEALTH_ITEMS; i++)
    {
      g_autofree char *from_to = NULL, *points = NULL;
      AdwActionRow *row;

      total += change.item_points[i];
      if (draft->previous.items[i] == draft->input.items[i])
        continue;
      /* Translators: an item's score last month and this month, "4 → 2" */
      from_to = g_strdup_printf (_("%d → %d"), draft->previous.items[i], draft->input.items[i]);
      /* Translators: points an item moved the health score, "−8.0 points" */
      points = g_strdup_printf (_("%+.1f points"), change.item_points[i]);
      row = action_row_new (traction_health_item_label (i), from_to);
      adw_action_row_add_suffix (row, band_flag_new (change.item_points[i] < 0 ? TRACTION_BAND_CRITICAL
                                                     : TRACTION_BAND_HEALTHY, points, FALSE));
      adw_preferences_group_add (group, GTK_WIDGET (row));
      any = TRUE;
    }
  for (int s = 0; s < TRACTION_N_HEALTH_SIGNALS; s++)
    {
      g_autofree char *points = NULL;
      AdwActionRow *row;

      total += change.signal_points[s];
      if (draft->previous.signals[s] == draft->input.signals[s])
        continue;
      points = g_strdup_printf (_("%+.1f points"), change.signal_points[s]);
      row = action_row_new (traction_health_signal_label (s), draft->input.signals[s] ? _("No → Yes") : _("Yes → No"));
      adw_action_row_add_suffix (row, band_flag_new (change.signal_points[s] < 0 ? TRACTION_BAND_CRITICAL
                                                     : TRACTION_BAND_HEALTHY, points, FALSE));
      adw_preferences_group_add (group, GTK_WIDGET (row));
      any = TRUE;
    }
  if (!any)
    add_empty_row (group, _("Every item is as it was the month before."));
  else
    {
      g_autofree char *sum = g_strdup_printf (_("%.1f → %.1f"), draft->previous_score, client->score);
      AdwActionRow *row = action_row_new (_("Score"), sum);
      g_autofree char *points = g_strdup_printf (_("%+.1f points"), total);

      adw_action_row_add_suffix (row, suffix_label_new (points));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  traction_scorecard_draft_free (draft);
}

/* Stakeholders: the contacts of the client's account. */
static void
add_stakeholders (TractionClientsPage     *self,
                  const TractionClientRow *client)
{
  g_autoptr(GPtrArray) people = traction_store_list_account_stakeholders (self->store, client->account_id, NULL);
  GString *key = g_string_new ("people");
  AdwPreferencesGroup *group;
  GtkBox *box;

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const TractionStakeholder *person = g_ptr_array_index (people, i);

      g_string_append_printf (key, "\x1f%s\x1f%s\x1f%d\x1f%s", person->name, person->title,
                              (int) person->role, person->email);
    }
  box = section_begin (self, SECTION_STAKEHOLDERS, g_string_free (key, FALSE));
  if (box == NULL)
    return;
  group = group_new (box, _("Stakeholders"), NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const TractionStakeholder *person = g_ptr_array_index (people, i);
      const char *role = traction_contact_role_label (person->role);
      g_autofree char *subtitle = NULL;

      subtitle = g_strjoin (_(" · "), person->title[0] != '\0' ? person->title : role,
                            person->email, NULL);
      adw_preferences_group_add (group, GTK_WIDGET (action_row_new (person->name, subtitle)));
    }
  if (people == NULL || people->len == 0)
    add_empty_row (group, _("No contacts recorded. Add the people you work with on the client’s deal in Pipeline."));
}

static void
scorecard_button_cb (GtkButton           *button,
                     TractionClientsPage *self)
{
  const TractionClientRow *client = find_client (self, self->selected);
  GDate month;

  if (client == NULL)
    return;
  first_month_of (1, &month);
  if (client->has_score)
    month = client->score_month;
  open_scorecard (self, client->account_id, &month);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (widget);
  const TractionClientRow *client = find_client (self, self->selected);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  TractionReviewDialog *dialog;

  if (self->store == NULL || client == NULL)
    return;
  dialog = traction_review_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       client->account_id, client->name, TRACTION_REVIEW_QBR, &error);
  if (dialog == NULL)
    {
      widget_error (widget, _("Could Not Open the Business Review"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_qbrs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (traction_qbr_batch_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                          self->store)));
}

static void
usage_button_cb (GtkButton           *button,
                 TractionClientsPage *self)
{
  const TractionClientRow *client = find_client (self, self->selected);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TractionUsageDialog *dialog;
  GDate month;

  if (client == NULL || self->store == NULL)
    return;
  first_month_of (1, &month);
  dialog = traction_usage_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, client->account_id, client->name, &month);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_header (TractionClientsPage     *self,
            const TractionClientRow *client)
{
  g_autofree char *text = NULL;
  GtkWidget *title, *buttons, *button, *status;
  GtkBox *box;

  if (client->has_score)
    {
      g_autofree char *month = format_month (&client->score_month);

      if (client->has_trend)
        /* Translators: "Critical · 38.5 in October 2026 · Declining (−21.0)" */
        text = g_strdup_printf (_("%s · %.1f in %s · %s (%+.1f)"), traction_health_band_label (client->band),
                                client->score, month, trend_label (client->trend),
                                client->score - client->previous_score);
      else
        text = g_strdup_printf (_("%s · %.1f in %s"), traction_health_band_label (client->band),
                                client->score, month);
    }
  box = section_begin (self, SECTION_HEADER,
                       g_strdup_printf ("%s\x1f%d %s", client->name,
                                        client->has_score ? (int) client->band : -1, text != NULL ? text : ""));
  if (box == NULL)
    return;

  title = gtk_label_new (client->name);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (box, title);

  if (client->has_score)
    status = band_flag_new (client->band, text, TRUE);
  else
    {
      status = gtk_label_new (_("No scorecard yet"));
      gtk_label_set_xalign (GTK_LABEL (status), 0.0f);
      gtk_widget_add_css_class (status, "dim-label");
    }
  gtk_box_append (box, status);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Scorecard…"));
  gtk_widget_set_tooltip_text (button, _("This month’s scorecard, or the latest one"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (scorecard_button_cb), self, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Enter _Usage…"));
  gtk_widget_set_tooltip_text (button, _("API volume, tickets and NPS for a month"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (usage_button_cb), self, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Review…"));
  gtk_widget_set_tooltip_text (button, _("Quarterly or annual business review: goals, feedback, print and PDF (Ctrl+R)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.review");
  gtk_box_append (GTK_BOX (buttons), button);
  button = traction_icon_button_new ("printer-symbolic", _("Print This Client’s Health Summary (Shift+Ctrl+P)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.print");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button);
  button = traction_icon_button_new ("document-save-symbolic", _("Export This Client’s Health Summary as PDF"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.export-pdf");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (box, buttons);
}

static void
add_lifecycle (TractionClientsPage     *self,
               const TractionClientRow *client)
{
  GtkBox *box = section_begin (self, SECTION_LIFECYCLE, g_strdup_printf ("%d", (int) client->lifecycle));
  AdwPreferencesGroup *group;

  if (box == NULL)
    return;
  group = group_new (box, _("Lifecycle"), NULL);
  adw_preferences_group_add (group, GTK_WIDGET (action_row_new (traction_lifecycle_label (client->lifecycle),
                                                                traction_lifecycle_goal (client->lifecycle))));
}

static void
add_contract (TractionClientsPage     *self,
              const TractionClientRow *client)
{
  g_autofree char *currency = traction_store_get_currency (self->store);
  g_autofree char *arr = traction_money_format (client->arr_cents, currency, FALSE);
  AdwPreferencesGroup *group;
  AdwActionRow *row;
  GDate today;
  GtkBox *box;

  traction_date_today (&today);
  box = section_begin (self, SECTION_CONTRACT,
                       g_strdup_printf ("%s %d %d %u %u %u", arr, (int) client->segment, client->has_contract,
                                        client->has_contract ? g_date_get_julian (&client->contract_start) : 0,
                                        client->has_contract ? g_date_get_julian (&client->renewal) : 0,
                                        g_date_get_julian (&today)));
  if (box == NULL)
    return;

  group = group_new (box, _("Contract"), NULL);
  row = action_row_new (_("ARR"), traction_segment_label (client->segment));
  adw_action_row_add_suffix (row, suffix_label_new (arr));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  if (client->has_contract)
    {
      g_autofree char *start = format_date (&client->contract_start);
      g_autofree char *renewal = format_date (&client->renewal);
      int days = traction_date_diff (&today, &client->renewal);
      g_autofree char *left = NULL;

      left = days >= 0 ? g_strdup_printf (ngettext ("In %d day", "In %d days", days), days)
                       : g_strdup_printf (ngettext ("%d day ago", "%d days ago", -days), -days);
      row = action_row_new (_("Renewal date"), left);
      adw_action_row_add_suffix (row, suffix_label_new (renewal));
      adw_preferences_group_add (group, GTK_WIDGET (row));
      row = action_row_new (_("Contract start"), NULL);
      adw_action_row_add_suffix (row, suffix_label_new (start));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  else
    add_empty_row (group, _("No active contract. Add one under Revenue to get renewal reminders."));
}

/* The movement log stays: it follows the client, and reloads itself
 * after a write. */
static void
add_movements (TractionClientsPage     *self,
               const TractionClientRow *client)
{
  GtkBox *box = section_begin (self, SECTION_MOVEMENTS, g_strdup ("movements"));

  if (box != NULL)
    {
      AdwPreferencesGroup *group = group_new (box, _("ARR Movements"), NULL);

      self->movement_log = traction_movement_log_new (self->store, client->account_id);
      adw_preferences_group_add (group, self->movement_log);
    }
  else
    traction_movement_log_set_account (TRACTION_MOVEMENT_LOG (self->movement_log), client->account_id);
}

static void
fill_pane (TractionClientsPage *self)
{
  const TractionClientRow *client = find_client (self, self->selected);
  gboolean empty = client == NULL || self->store == NULL;

  gtk_widget_set_visible (self->pane_empty, empty);
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->sections[i]), !empty);
  if (empty)
    {
      pane_clear (self);
      return;
    }

  add_header (self, client);
  add_trend (self, client);
  add_why (self, client);
  fill_alerts (self, client->account_id);
  add_lifecycle (self, client);
  add_contract (self, client);
  add_stakeholders (self, client);
  add_movements (self, client);
}

static void
show_client (TractionClientsPage *self)
{
  g_clear_handle_id (&self->show_source, g_source_remove);
  fill_pane (self);
}

/* Loading */

/* The clients and their scores over the longest window the page shows,
 * read by load_clients() on any thread (with its own connection) and
 * applied by apply_clients() on the main one. */
typedef struct
{
  TractionRules        rules;
  GPtrArray           *clients;
  char               **name_keys;
  TractionHeatmapData *scores;
} ClientsLoad;

static void
clients_load_free (gpointer data)
{
  ClientsLoad *load = data;

  g_clear_pointer (&load->clients, g_ptr_array_unref);
  g_clear_pointer (&load->name_keys, g_strfreev);
  g_clear_pointer (&load->scores, traction_heatmap_data_free);
  g_free (load);
}

static gpointer
load_clients (TractionStore  *store,
              gconstpointer   args,
              GError        **error)
{
  ClientsLoad *load = g_new0 (ClientsLoad, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate today, first;

  traction_date_today (&today);
  traction_store_get_rules (store, &load->rules);
  load->clients = traction_store_list_clients (store, &today, error);
  if (load->clients == NULL)
    {
      clients_load_free (load);
      return NULL;
    }
  load->name_keys = g_new0 (char *, load->clients->len + 1);
  for (guint i = 0; i < load->clients->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (load->clients, i);

      g_array_append_val (ids, row->account_id);
      load->name_keys[i] = g_utf8_collate_key (row->name, -1);
    }
  first_month_of (MAX_MONTHS, &first);
  load->scores = traction_store_load_heatmap (store, (const gint64 *) ids->data, ids->len, &first, MAX_MONTHS, error);
  if (load->scores == NULL)
    {
      clients_load_free (load);
      return NULL;
    }
  return load;
}

static void
apply_clients (GtkWidget    *view,
               gpointer      result,
               const GError *error)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (view);
  ClientsLoad *load = result;

  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->name_keys, g_strfreev);
  g_clear_pointer (&self->scores, traction_heatmap_data_free);
  g_hash_table_remove_all (self->score_rows);
  if (load == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->rules = load->rules;
  self->clients = g_steal_pointer (&load->clients);
  self->name_keys = g_steal_pointer (&load->name_keys);
  self->scores = g_steal_pointer (&load->scores);
  for (guint i = 0; i < self->scores->n_clients; i++)
    g_hash_table_insert (self->score_rows, &self->scores->account_ids[i], GUINT_TO_POINTER (i + 1));

  if (self->clients->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
  fill_heatmap (self);
  /* First time: the pane shows the first row, the client most at risk
   * in the default order. */
  if (find_client (self, self->selected) == NULL && traction_heatmap_widget_get_n_rows (self->heatmap) > 0)
    {
      self->selected = traction_heatmap_widget_get_account (self->heatmap, 0);
      traction_heatmap_widget_set_cursor (self->heatmap, 0, traction_heatmap_widget_latest_col (self->heatmap, 0));
    }
  show_client (self);
}

/* Loads and applies at once, on the main thread. */
static void
refresh (TractionClientsPage *self)
{
  if (self->store != NULL)
    traction_loader_run_now (self->loader);
}

static void
reload_cb (GtkWidget *widget)
{
  /* After a write: read on the worker, the window stays responsive. */
  traction_loader_start (TRACTION_CLIENTS_PAGE (widget)->loader);
}

/* Legend */

static void
draw_legend (cairo_t                  *cr,
             const TractionChartTheme *theme,
             double                    width,
             double                    height,
             gpointer                  data)
{
  TractionClientsPage *self = data;

  traction_chart_heatmap_legend (cr, theme, 0, (height - theme->font_size * 1.3) / 2, width, &self->rules);
}

/* Actions */

static TractionHealthReport *
current_report (TractionClientsPage  *self,
                char                **file_name)
{
  g_autoptr(GError) error = NULL;
  TractionHealthReport *report;
  char day[16];
  GDate today;

  traction_date_today (&today);
  traction_date_format (&today, day);
  if (self->selected != 0 && find_client (self, self->selected) != NULL)
    {
      report = traction_health_report_new_client (self->store, self->selected, &today, &error);
      /* Translators: file name proposed for a client's health summary PDF */
      *file_name = g_strdup_printf (_("client-health-%s.pdf"), day);
    }
  else
    {
      report = traction_health_report_new_heatmap (self->store, &today, n_months_shown (self), &error);
      /* Translators: file name proposed for the health heatmap PDF */
      *file_name = g_strdup_printf (_("health-heatmap-%s.pdf"), day);
    }
  if (report == NULL)
    widget_error (GTK_WIDGET (self), _("Could Not Prepare the Report"), error);
  return report;
}

/* Print or PDF of the heatmap (the *-heatmap actions) or of the client shown. */
static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autofree char *company = NULL;
  TractionHealthReport *report;
  gint64 selected = self->selected;

  if (self->store == NULL)
    return;
  if (g_str_has_suffix (action_name, "-heatmap"))
    self->selected = 0;
  report = current_report (self, &file_name);
  self->selected = selected;
  if (report == NULL)
    return;
  company = traction_store_get_company_name (self->store);
  if (g_str_has_prefix (action_name, "clients.print"))
    traction_print_report (widget, traction_health_report_spec (), report,
                           (GDestroyNotify) traction_health_report_free, company);
  else
    traction_export_report_pdf (widget, traction_health_report_spec (), report,
                                (GDestroyNotify) traction_health_report_free, company, file_name);
}

static void
usage_grid_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (traction_usage_grid_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->store)));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (widget);

  if (self->store != NULL)
    traction_usage_import_run (widget, self->store);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (TRACTION_CLIENTS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
focus_heatmap_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TRACTION_CLIENTS_PAGE (widget)->heatmap));
}

/* Toolbar */

/* A drop-down in box; with a heading above it when heading is set. */
static GtkDropDown *
add_drop_down (TractionClientsPage *self,
               GtkBox              *box,
               const char          *label,
               gboolean             heading,
               const char * const  *items)
{
  GtkWidget *drop = gtk_drop_down_new_from_strings (items);

  if (heading)
    {
      GtkWidget *title = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (box, title);
    }
  else
    gtk_widget_set_tooltip_text (drop, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (drop, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (box, drop);
  return GTK_DROP_DOWN (drop);
}

static void
build_toolbar (TractionClientsPage *self)
{
  const char *sorts[] = { _("Latest score"), _("ARR"), _("Trend"), _("Name"), NULL };
  const char *bands[] = { _("All bands"), traction_health_band_label (TRACTION_BAND_HEALTHY),
                          traction_health_band_label (TRACTION_BAND_MONITOR),
                          traction_health_band_label (TRACTION_BAND_AT_RISK),
                          traction_health_band_label (TRACTION_BAND_CRITICAL), _("No score yet"), NULL };
  const char *segments[] = { _("All segments"), traction_segment_label (TRACTION_SEGMENT_HIGH_TOUCH),
                             traction_segment_label (TRACTION_SEGMENT_LOW_TOUCH),
                             traction_segment_label (TRACTION_SEGMENT_TECH_TOUCH), NULL };
  const char *stages[] = { _("All stages"), traction_lifecycle_label (TRACTION_LIFECYCLE_ONBOARDING),
                           traction_lifecycle_label (TRACTION_LIFECYCLE_ADOPTION),
                           traction_lifecycle_label (TRACTION_LIFECYCLE_EXPANSION),
                           traction_lifecycle_label (TRACTION_LIFECYCLE_RENEWAL), NULL };
  const char *months[] = { _("12 months"), _("24 months"), _("36 months"), NULL };
  GtkWidget *label, *spacer, *button, *chart, *popover, *filters;

  label = gtk_label_new (_("Sort by"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->toolbar, label);
  self->sort_drop = add_drop_down (self, self->toolbar, _("Sort by"), FALSE, sorts);

  /* The filters in a popover: the toolbar stays narrow enough for the
   * client pane beside the heatmap. */
  filters = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_widget_set_margin_start (filters, 6);
  gtk_widget_set_margin_end (filters, 6);
  self->band_drop = add_drop_down (self, GTK_BOX (filters), _("Band"), TRUE, bands);
  self->segment_drop = add_drop_down (self, GTK_BOX (filters), _("Segment"), TRUE, segments);
  self->lifecycle_drop = add_drop_down (self, GTK_BOX (filters), _("Lifecycle stage"), TRUE, stages);
  self->months_drop = add_drop_down (self, GTK_BOX (filters), _("Months shown"), TRUE, months);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), filters);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Filter"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_tooltip_text (button, _("Band, segment, lifecycle stage and months shown"));
  self->filter_button = GTK_MENU_BUTTON (button);
  gtk_box_append (self->toolbar, button);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (self->toolbar, spacer);

  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) usage = g_menu_new ();
    g_autoptr(GMenu) reviews = g_menu_new ();

    g_menu_append (usage, _("_Usage by Month…"), "clients.usage-grid");
    g_menu_append (usage, _("_Import Usage…"), "clients.import-usage");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (usage));
    g_menu_append (reviews, _("Business _Review of This Client…"), "clients.review");
    g_menu_append (reviews, _("Export This Quarter’s _QBRs…"), "clients.export-qbrs");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (reviews));
    button = gtk_menu_button_new ();
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Usage and Reviews"));
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    gtk_widget_set_tooltip_text (button, _("Enter or import usage, tickets and NPS; prepare business reviews and export a quarter’s QBRs"));
    gtk_box_append (self->toolbar, button);
  }
  button = traction_icon_button_new ("printer-symbolic", _("Print the Heatmap (Ctrl+P)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.print-heatmap");
  gtk_box_append (self->toolbar, button);
  button = traction_icon_button_new ("document-save-symbolic", _("Export the Heatmap as PDF (Shift+Ctrl+E)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.export-heatmap");
  gtk_box_append (self->toolbar, button);

  self->heatmap = TRACTION_HEATMAP_WIDGET (traction_heatmap_widget_new ());
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->heatmap));
  g_signal_connect_object (self->heatmap, "cursor-changed", G_CALLBACK (cursor_changed_cb), self, 0);
  g_signal_connect_object (self->heatmap, "cell-activated", G_CALLBACK (cell_activated_cb), self, 0);
  cursor_changed_cb (self->heatmap, self);

  chart = traction_chart_widget_new ();
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_widget_set_size_request (chart, -1, 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: the four health bands and their score ranges"), -1);
  traction_chart_widget_set_draw_func (TRACTION_CHART_WIDGET (chart), draw_legend, self, NULL);
  gtk_box_append (self->legend_box, chart);
}

/* GObject */

static void
traction_clients_page_dispose (GObject *object)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (object);

  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_pointer (&self->loader, traction_loader_free);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_CLIENTS_PAGE);
  G_OBJECT_CLASS (traction_clients_page_parent_class)->dispose (object);
}

static void
traction_clients_page_finalize (GObject *object)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (object);

  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->name_keys, g_strfreev);
  g_clear_pointer (&self->scores, traction_heatmap_data_free);
  g_clear_pointer (&self->score_rows, g_hash_table_unref);
  G_OBJECT_CLASS (traction_clients_page_parent_class)->finalize (object);
}

static void
traction_clients_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (object);

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
traction_clients_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TractionClientsPage *self = TRACTION_CLIENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_clients_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_clients_page_class_init (TractionClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_clients_page_dispose;
  object_class->finalize = traction_clients_page_finalize;
  object_class->get_property = traction_clients_page_get_property;
  object_class->set_property = traction_clients_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/health/traction-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, map_stack);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, TractionClientsPage, error_page);

  gtk_widget_class_install_action (widget_class, "clients.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "clients.print", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "clients.print-heatmap", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "clients.export-pdf", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "clients.export-heatmap", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "clients.import-usage", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "clients.usage-grid", NULL, usage_grid_action);
  gtk_widget_class_install_action (widget_class, "clients.focus-heatmap", NULL, focus_heatmap_action);
  gtk_widget_class_install_action (widget_class, "clients.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "clients.export-qbrs", NULL, export_qbrs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "clients.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "clients.print-heatmap", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "clients.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "clients.export-heatmap", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "clients.import-usage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "clients.focus-heatmap", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clientspage");

  g_type_ensure (TRACTION_TYPE_HEATMAP_WIDGET);
}

static void
traction_clients_page_init (TractionClientsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  traction_rules_init_defaults (&self->rules);
  self->score_rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->loader = traction_loader_new (GTK_WIDGET (self), load_clients, apply_clients, clients_load_free);
  build_toolbar (self);

  self->pane_empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->pane_empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->pane_empty), _("Pick a Client"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->pane_empty),
                                   _("Click a client’s name in the heatmap to see its health, why its score moved, its contract and its alerts here."));
  gtk_widget_set_vexpand (self->pane_empty, TRUE);
  gtk_box_append (self->detail_box, self->pane_empty);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      self->sections[i] = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
      gtk_box_append (self->detail_box, GTK_WIDGET (self->sections[i]));
    }
  show_client (self);
}

/* Public API */

GtkWidget *
traction_clients_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_CLIENTS_PAGE, "store", store, NULL);
}

TractionStore *
traction_clients_page_get_store (TractionClientsPage *self)
{
  g_return_val_if_fail (TRACTION_IS_CLIENTS_PAGE (self), NULL);
  return self->store;
}

void
traction_clients_page_set_store (TractionClientsPage *self,
                                 TractionStore       *store)
{
  g_return_if_fail (TRACTION_IS_CLIENTS_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  traction_loader_set_store (self->loader, store);
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);
  self->selected = 0;
  pane_clear (self);
  if (!traction_store_watch_defer (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_clients_page_refresh (TractionClientsPage *self)
{
  g_return_if_fail (TRACTION_IS_CLIENTS_PAGE (self));

  traction_store_watch_settle (GTK_WIDGET (self));
  refresh (self);
}

void
traction_clients_page_set_sort (TractionClientsPage *self,
                                TractionClientsSort  sort)
{
  g_return_if_fail (TRACTION_IS_CLIENTS_PAGE (self));

  gtk_drop_down_set_selected (self->sort_drop, sort);
}

gint64
traction_clients_page_get_selected (TractionClientsPage *self)
{
  g_return_val_if_fail (TRACTION_IS_CLIENTS_PAGE (self), 0);
  return self->selected;
}

void
traction_clients_page_select (TractionClientsPage *self,
                              gint64               account_id)
{
  int row;

  g_return_if_fail (TRACTION_IS_CLIENTS_PAGE (self));

  traction_store_watch_settle (GTK_WIDGET (self));
  if (self->clients == NULL)
    refresh (self);
  /* A client the filters hide: show every client again. */
  if (traction_heatmap_widget_find_row (self->heatmap, account_id) < 0 && find_client (self, account_id) != NULL)
    {
      gtk_drop_down_set_selected (self->band_drop, 0);
      gtk_drop_down_set_selected (self->segment_drop, 0);
      gtk_drop_down_set_selected (self->lifecycle_drop, 0);
    }
  self->selected = account_id;
  row = traction_heatmap_widget_find_row (self->heatmap, account_id);
  if (row >= 0)
    traction_heatmap_widget_set_cursor (self->heatmap, row, traction_heatmap_widget_latest_col (self->heatmap, row));
  show_client (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

GtkWidget *
traction_clients_page_get_heatmap (TractionClientsPage *self)
{
  g_return_val_if_fail (TRACTION_IS_CLIENTS_PAGE (self), NULL);
  return GTK_WIDGET (self->heatmap);
}

static GtkWidget *
find_page (GtkWidget *widget)
{
  if (TRACTION_IS_CLIENTS_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
traction_clients_page_show_client (GtkWidget *widget,
                                   gint64     account_id)
{
  GtkRoot *root;
  GtkWidget *page;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  if (!TRACTION_IS_WINDOW (root) || !traction_window_set_view (TRACTION_WINDOW (root), "clients"))
    return FALSE;
  gtk_widget_activate_action (widget, "win.show-view", "s", "clients");
  page = find_page (GTK_WIDGET (root));
  if (page == NULL)
    return FALSE;
  traction_clients_page_select (TRACTION_CLIENTS_PAGE (page), account_id);
  return TRUE;
}
