/* traction-usage-dialog.c: one client's month of usage, tickets and NPS,
 * and the usage CSV import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "traction-usage-dialog.h"
#include "traction-store-health.h"
#include "traction-window.h"

enum {
  F_API_VOLUME,
  F_PLAN_VOLUME,
  F_LAST_CALL,
  F_P1, F_P2, F_P3, F_P4,
  F_LAST_RESPONSE,
  F_NPS,
  N_FIELDS
};

struct _TractionUsageDialog
{
  AdwWindow       parent_instance;

  TractionStore  *store;
  gint64          account_id;
  GDate           month;
  AdwWindowTitle *title;
  GtkDropDown    *month_drop;
  AdwEntryRow    *fields[N_FIELDS];
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (TractionUsageDialog, traction_usage_dialog, ADW_TYPE_WINDOW)

#define N_MONTH_CHOICES 12

static void
set_field_int (AdwEntryRow *row,
               gint64       value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_field_date (AdwEntryRow *row,
                const GDate *date)
{
  char buf[16] = "";

  if (g_date_valid (date))
    traction_date_format (date, buf);
  gtk_editable_set_text (GTK_EDITABLE (row), buf);
}

static void
load_month (TractionUsageDialog *self)
{
  TractionUsageMonth usage;
  g_autoptr(GError) error = NULL;

  memset (&usage, 0, sizeof usage);
  usage.api_volume = usage.plan_volume = -1;
  for (int i = 0; i < 4; i++)
    usage.tickets[i] = -1;
  usage.nps = -1;
  g_date_clear (&usage.last_api_call, 1);
  g_date_clear (&usage.last_response, 1);
  if (!traction_store_get_usage (self->store, self->account_id, &self->month, &usage, &error) && error != NULL)
    gtk_label_set_text (self->error_label, error->message);

  set_field_int (self->fields[F_API_VOLUME], usage.api_volume);
  set_field_int (self->fields[F_PLAN_VOLUME], usage.plan_volume);
  set_field_date (self->fields[F_LAST_CALL], &usage.last_api_call);
  for (int i = 0; i < 4; i++)
    set_field_int (self->fields[F_P1 + i], usage.tickets[i]);
  set_field_date (self->fields[F_LAST_RESPONSE], &usage.last_response);
  set_field_int (self->fields[F_NPS], usage.nps);
}

static void
month_selected_cb (TractionUsageDialog *self)
{
  GDate today;

  traction_date_today (&today);
  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_subtract_months (&self->month, gtk_drop_down_get_selected (self->month_drop));
  gtk_label_set_text (self->error_label, "");
  load_month (self);
}

/* A whole number >= 0, or empty for unknown (-1). */
static gboolean
parse_count (AdwEntryRow *row,
             gint64       max,
             gint64      *out,
             GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 value;

  if (stripped[0] == '\0')
    {
      *out = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, (guint64) max, &value, NULL))
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: "API calls: type a whole number from 0 to 10, or leave it empty" */
                   _("%s: type a whole number from 0 to %s, or leave it empty"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), max_text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

static gboolean
parse_date (AdwEntryRow *row,
            GDate       *out,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_date_clear (out, 1);
  if (stripped[0] == '\0')
    return TRUE;
  if (!traction_date_parse (stripped, out, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: type a date as YYYY-MM-DD, or leave it empty"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionUsageDialog *self = TRACTION_USAGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  TractionUsageMonth usage;
  gint64 value;
  GtkWidget *window;
  gboolean ok = TRUE;

  memset (&usage, 0, sizeof usage);
  ok = ok && parse_count (self->fields[F_API_VOLUME], G_MAXINT64 / 2, &usage.api_volume, &error);
  ok = ok && parse_count (self->fields[F_PLAN_VOLUME], G_MAXINT64 / 2, &usage.plan_volume, &error);
  ok = ok && parse_date (self->fields[F_LAST_CALL], &usage.last_api_call, &error);
  for (int i = 0; ok && i < 4; i++)
    {
      ok = parse_count (self->fields[F_P1 + i], G_MAXINT, &value, &error);
      usage.tickets[i] = (int) value;
    }
  ok = ok && parse_date (self->fields[F_LAST_RESPONSE], &usage.last_response, &error);
  if (ok)
    {
      ok = parse_count (self->fields[F_NPS], 10, &value, &error);
      usage.nps = (int) value;
    }
  if (ok)
    ok = traction_store_save_usage (self->store, self->account_id, &self->month, &usage, &error);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  if (window != NULL && TRACTION_IS_WINDOW (window))
    traction_window_add_toast (TRACTION_WINDOW (window), adw_toast_new (_("Usage saved")));
  gtk_window_close (GTK_WINDOW (self));
}

static void
traction_usage_dialog_dispose (GObject *object)
{
  TractionUsageDialog *self = TRACTION_USAGE_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (traction_usage_dialog_parent_class)->dispose (object);
}

static void
traction_usage_dialog_class_init (TractionUsageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_usage_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "usage.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "usage.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_usage_dialog_init (TractionUsageDialog *self)
{
  static const char *titles[N_FIELDS] = {
    N_("API calls this month"), N_("API calls in the plan"), N_("Last API call (YYYY-MM-DD)"),
    N_("P1 tickets (critical)"), N_("P2 tickets"), N_("P3 tickets"), N_("P4 tickets"),
    N_("Last reply from the client (YYYY-MM-DD)"), N_("NPS answer (0–10)"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *month_row = adw_action_row_new ();
  GtkStringList *months = gtk_string_list_new (NULL);
  GDate today, month;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 680);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Monthly Usage"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "usage.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  traction_date_today (&today);
  for (int i = 0; i < N_MONTH_CHOICES; i++)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *text = NULL;

      g_date_clear (&month, 1);
      g_date_set_dmy (&month, 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_subtract_months (&month, i);
      dt = g_date_time_new_local (g_date_get_year (&month), g_date_get_month (&month), 1, 0, 0, 0);
      text = g_date_time_format (dt, "%B %Y");
      gtk_string_list_append (months, text);
    }
  self->month_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (months), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->month_drop), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (month_row), _("Month"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (month_row), GTK_WIDGET (self->month_drop));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), month_row);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Leave a field empty when you do not know it. Saving replaces the month and raises the alerts it triggers."));

  for (int i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[i]));
      gtk_widget_add_css_class (row, "numeric");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->fields[i] = ADW_ENTRY_ROW (row);
    }
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

TractionUsageDialog *
traction_usage_dialog_new (GtkWindow     *parent,
                           TractionStore *store,
                           gint64         account_id,
                           const char    *client_name,
                           const GDate   *month)
{
  TractionUsageDialog *self;
  GDate today;
  int back;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (month != NULL && g_date_valid (month), NULL);

  self = g_object_new (TRACTION_TYPE_USAGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;
  gtk_window_set_title (GTK_WINDOW (self), _("Monthly Usage"));
  adw_window_title_set_subtitle (self->title, client_name != NULL ? client_name : "");

  traction_date_today (&today);
  back = (g_date_get_year (&today) - g_date_get_year (month)) * 12
         + (int) g_date_get_month (&today) - (int) g_date_get_month (month);
  gtk_drop_down_set_selected (self->month_drop, CLAMP (back, 0, N_MONTH_CHOICES - 1));
  month_selected_cb (self);
  g_signal_connect_object (self->month_drop, "notify::selected", G_CALLBACK (month_selected_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/* Import */

typedef struct {
  GtkWidget     *widget;
  TractionStore *store;
  char          *path;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_object_unref (job->widget);
  g_object_unref (job->store);
  g_free (job->path);
  g_free (job);
}

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, TRACTION_TYPE_WINDOW);

  if (window != NULL)
    traction_window_add_toast (TRACTION_WINDOW (window), adw_toast_new (text));
}

static void
message (GtkWidget  *widget,
         const char *heading,
         const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportJob        *job)
{
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  if (!traction_store_import_usage_csv (job->store, job->path, TRUE, &n_rows, &error))
    {
      message (job->widget, _("Usage Not Imported"), error->message);
      return;
    }
  text = g_strdup_printf (ngettext ("%u month of usage imported", "%u months of usage imported", n_rows), n_rows);
  toast (job->widget, text);
}

static void
file_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  ImportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (job->widget);
  GtkWidget *dialog;
  guint n_rows = 0;

  if (response != GTK_RESPONSE_ACCEPT
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL
      || (job->path = g_file_get_path (file)) == NULL || !GTK_IS_WINDOW (root))
    {
      import_job_free (job);
      return;
    }

  if (!traction_store_import_usage_csv (job->store, job->path, FALSE, &n_rows, &error))
    {
      message (job->widget, _("This File Cannot Be Imported"), error->message);
      import_job_free (job);
      return;
    }
  body = g_strdup_printf (ngettext ("%u month of usage is ready to import. Months already recorded for a client are replaced, then the alerts they trigger are raised.",
                                    "%u months of usage are ready to import. Months already recorded for a client are replaced, then the alerts they trigger are raised.",
                                    n_rows), n_rows);
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Import Usage?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), job,
                         (GClosureNotify) (void (*) (void)) import_job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
traction_usage_import_run (GtkWidget     *widget,
                           TractionStore *store)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  ImportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget) && TRACTION_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Usage"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  job = g_new0 (ImportJob, 1);
  job->widget = g_object_ref (widget);
  job->store = g_object_ref (store);
  g_signal_connect (chooser, "response", G_CALLBACK (file_response_cb), job);
  g_object_set_data_full (G_OBJECT (widget), "traction-usage-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
