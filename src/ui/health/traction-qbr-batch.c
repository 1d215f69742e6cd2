/* traction-qbr-batch.c: a quarter's QBRs to PDFs, off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-qbr-batch.h"
#include "traction-qbr-report.h"
#include "traction-store-qbr.h"

#define N_QUARTERS_SHOWN 4

typedef struct {
  gint64  account_id;
  char   *name;
} DueClient;

struct _TractionQbrBatch
{
  AdwWindow             parent_instance;

  TractionStore        *store;
  GArray               *quarters;     /* TractionReviewPeriod */
  GArray               *due;          /* DueClient of the selected quarter */

  AdwComboRow          *quarter_row;
  AdwActionRow         *due_row;
  GtkWidget            *start_button;
  GtkProgressBar       *progress;
  GtkLabel             *status;
  GtkWidget            *cancel_button;
  GtkWidget            *open_button;
  GtkFileChooserNative *chooser;

  GCancellable         *cancellable;  /* set while running */
  GFile                *folder;       /* of the last run */
  guint                 written;
  guint                 failed;
};

G_DEFINE_FINAL_TYPE (TractionQbrBatch, traction_qbr_batch, ADW_TYPE_WINDOW)

static void
due_client_clear (gpointer data)
{
  DueClient *client = data;

  g_free (client->name);
}

/* The job, owned by the worker's GTask */

typedef struct {
  TractionStore        *reader;
  GArray               *due;        /* DueClient, a copy */
  TractionReviewPeriod  period;
  GDate                 today;
  TractionPaper         paper;
  char                 *folder;
  GString              *errors;     /* "Client: message" lines */
  guint                 written;
  guint                 failed;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->reader);
  g_array_unref (job->due);
  g_free (job->folder);
  g_string_free (job->errors, TRUE);
  g_free (job);
}

typedef struct {
  TractionQbrBatch *self;
  guint             done;
  guint             total;
  char             *name;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;
  TractionQbrBatch *self = progress->self;
  g_autofree char *fraction = NULL, *status = NULL;

  if (self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      gtk_progress_bar_set_fraction (self->progress, progress->total > 0
                                                     ? (double) progress->done / progress->total : 1.0);
      /* Translators: progress, "3 of 12" */
      fraction = g_strdup_printf (_("%u of %u"), progress->done, progress->total);
      gtk_progress_bar_set_text (self->progress, fraction);
      /* Translators: %s is a client's name */
      status = g_strdup_printf (_("Writing the QBR of %s…"), progress->name);
      gtk_label_set_text (self->status, status);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress->name);
  g_free (progress);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  TractionQbrBatch *self = source_object;
  Job *job = task_data;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < job->due->len; i++)
    {
      const DueClient *client = &g_array_index (job->due, DueClient, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *file_name = NULL, *path = NULL;
      Progress *progress;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      progress = g_new0 (Progress, 1);
      progress->self = g_object_ref (self);
      progress->done = i;
      progress->total = job->due->len;
      progress->name = g_strdup (client->name);
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_cb, progress, progress_free);

      file_name = traction_qbr_report_file_name (client->name, &job->period);
      if (g_hash_table_contains (used, file_name))
        {
          /* Two clients with names that give the same file name. */
          g_autofree char *stem = g_strndup (file_name, strlen (file_name) - 4);

          g_free (file_name);
          file_name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".pdf", stem, client->account_id);
        }
      g_hash_table_add (used, g_strdup (file_name));
      path = g_build_filename (job->folder, file_name, NULL);
      if (traction_qbr_report_write (job->reader, client->account_id, &job->period, &job->today, job->paper,
                                     path, &error))
        job->written++;
      else
        {
          job->failed++;
          if (job->failed <= 5)
            g_string_append_printf (job->errors, "\n%s: %s", client->name, error->message);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_running (TractionQbrBatch *self,
             gboolean          running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->start_button, !running && self->due->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quarter_row), !running);
  if (running)
    gtk_widget_set_visible (self->open_button, FALSE);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TractionQbrBatch *self = TRACTION_QBR_BATCH (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folder = g_filename_display_name (job->folder);

  g_task_propagate_boolean (G_TASK (result), NULL);
  self->written = job->written;
  self->failed = job->failed;
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (cancelled)
    g_string_append_printf (text, ngettext ("Cancelled after %u QBR, saved in %s.",
                                            "Cancelled after %u QBRs, saved in %s.", job->written),
                            job->written, folder);
  else
    g_string_append_printf (text, ngettext ("%u QBR saved in %s.", "%u QBRs saved in %s.", job->written),
                            job->written, folder);
  if (job->failed > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u could not be written:", "%u could not be written:", job->failed),
                              job->failed);
      g_string_append (text, job->errors->str);
    }
  gtk_label_set_text (self->status, text->str);
  gtk_widget_set_visible (self->open_button, job->written > 0);
}

void
traction_qbr_batch_start (TractionQbrBatch *self,
                          GFile            *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  guint index;
  Job *job;

  g_return_if_fail (TRACTION_IS_QBR_BATCH (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->cancellable != NULL || self->due->len == 0)
    return;
  index = adw_combo_row_get_selected (self->quarter_row);
  if (index >= self->quarters->len)
    return;

  job = g_new0 (Job, 1);
  job->reader = traction_store_open_reader (self->store, &error);
  job->due = g_array_new (FALSE, TRUE, sizeof (DueClient));
  g_array_set_clear_func (job->due, due_client_clear);
  job->errors = g_string_new (NULL);
  job->folder = g_file_get_path (folder);
  if (job->reader == NULL || job->folder == NULL)
    {
      gtk_label_set_text (self->status, error != NULL ? error->message
                                                      : _("This folder cannot be written to: choose a local one."));
      job_free (job);
      return;
    }
  for (guint i = 0; i < self->due->len; i++)
    {
      const DueClient *client = &g_array_index (self->due, DueClient, i);
      DueClient copy = { client->account_id, g_strdup (client->name) };

      g_array_append_val (job->due, copy);
    }
  job->period = g_array_index (self->quarters, TractionReviewPeriod, index);
  traction_date_today (&job->today);
  job->paper = traction_paper_from_locale ();

  g_set_object (&self->folder, folder);
  self->cancellable = g_cancellable_new ();
  self->written = self->failed = 0;
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, NULL);
  gtk_label_set_text (self->status, _("Starting…"));
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, traction_qbr_batch_start);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job);
}

void
traction_qbr_batch_cancel (TractionQbrBatch *self)
{
  g_return_if_fail (TRACTION_IS_QBR_BATCH (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->status, _("Cancelling after the current PDF…"));
    }
}

gboolean
traction_qbr_batch_is_running (TractionQbrBatch *self)
{
  g_return_val_if_fail (TRACTION_IS_QBR_BATCH (self), FALSE);

  return self->cancellable != NULL;
}

guint
traction_qbr_batch_get_n_due (TractionQbrBatch *self)
{
  g_return_val_if_fail (TRACTION_IS_QBR_BATCH (self), 0);

  return self->due->len;
}

guint
traction_qbr_batch_get_written (TractionQbrBatch *self)
{
  g_return_val_if_fail (TRACTION_IS_QBR_BATCH (self), 0);

  return self->written;
}

guint
traction_qbr_batch_get_failed (TractionQbrBatch *self)
{
  g_return_val_if_fail (TRACTION_IS_QBR_BATCH (self), 0);

  return self->failed;
}

/* The selected quarter's due clients */

static void
quarter_selected_cb (TractionQbrBatch *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  guint index = adw_combo_row_get_selected (self->quarter_row);
  g_autofree char *title = NULL;
  GDate today;

  g_array_set_size (self->due, 0);
  if (index < self->quarters->len)
    {
      traction_date_today (&today);
      due = traction_store_list_qbr_due (self->store, &g_array_index (self->quarters, TractionReviewPeriod, index),
                                         &today, &error);
    }
  if (due == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row),
                                     error != NULL ? error->message : _("No quarter chosen"));
      set_running (self, FALSE);
      return;
    }
  for (guint i = 0; i < due->len; i++)
    {
      const TractionClientRow *row = g_ptr_array_index (due, i);
      DueClient client = { row->account_id, g_strdup (row->name) };

      g_array_append_val (self->due, client);
    }
  title = due->len > 0
    ? g_strdup_printf (ngettext ("%u client is due a QBR", "%u clients are due a QBR", due->len), due->len)
    : g_strdup (_("No client is due a QBR"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), title);
  set_running (self, FALSE);
}

/* Folder chooser */

static void
chooser_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     TractionQbrBatch *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (folder != NULL)
    traction_qbr_batch_start (self, folder);
}

static void
start_clicked_cb (TractionQbrBatch *self)
{
  g_autoptr(GFile) documents = NULL;
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the QBRs"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export Here"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  documents = g_file_new_for_path (dir != NULL ? dir : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), documents, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_clicked_cb (TractionQbrBatch *self)
{
  g_autofree char *uri = NULL;

  if (self->folder == NULL)
    return;
  uri = g_file_get_uri (self->folder);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* Closing stops the work after the PDF being written. */
  traction_qbr_batch_cancel (TRACTION_QBR_BATCH (window));
  return FALSE;
}

/* GObject */

static void
traction_qbr_batch_dispose (GObject *object)
{
  TractionQbrBatch *self = TRACTION_QBR_BATCH (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (traction_qbr_batch_parent_class)->dispose (object);
}

static void
traction_qbr_batch_finalize (GObject *object)
{
  TractionQbrBatch *self = TRACTION_QBR_BATCH (object);

  g_array_unref (self->quarters);
  g_array_unref (self->due);
  G_OBJECT_CLASS (traction_qbr_batch_parent_class)->finalize (object);
}

static void
traction_qbr_batch_class_init (TractionQbrBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = traction_qbr_batch_dispose;
  object_class->finalize = traction_qbr_batch_finalize;
  window_class->close_request = close_request_cb;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_qbr_batch_init (TractionQbrBatch *self)
{
  GtkWidget *content, *header, *box, *buttons;
  AdwPreferencesGroup *group;

  self->quarters = g_array_new (FALSE, TRUE, sizeof (TractionReviewPeriod));
  self->due = g_array_new (FALSE, TRUE, sizeof (DueClient));
  g_array_set_clear_func (self->due, due_client_clear);

  gtk_window_set_title (GTK_WINDOW (self), _("Export a Quarter’s QBRs"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (content), box);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (group,
                                         _("One PDF per high- and low-touch client (ARR of $15K or more in the "
                                           "default rules), made from its data and its review form."));
  self->quarter_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->quarter_row), _("Quarter"));
  adw_preferences_group_add (group, GTK_WIDGET (self->quarter_row));
  self->due_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_group_add (group, GTK_WIDGET (self->due_row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QBRs written"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0.0f);
  gtk_label_set_selectable (self->status, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->open_button = gtk_button_new_with_mnemonic (_("_Open Folder"));
  gtk_widget_set_visible (self->open_button, FALSE);
  g_signal_connect_object (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->open_button);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (traction_qbr_batch_cancel), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  self->start_button = gtk_button_new_with_mnemonic (_("_Choose Folder and Export…"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_object (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->start_button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_window_set_content (ADW_WINDOW (self), content);
}

TractionQbrBatch *
traction_qbr_batch_new (GtkWindow     *parent,
                        TractionStore *store)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  TractionQbrBatch *self;
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_QBR_BATCH, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  traction_date_today (&today);
  g_array_unref (self->quarters);
  self->quarters = traction_review_periods_recent (TRACTION_REVIEW_QBR, &today, N_QUARTERS_SHOWN);
  for (guint i = 0; i < self->quarters->len; i++)
    {
      g_autofree char *label = traction_review_period_label (&g_array_index (self->quarters, TractionReviewPeriod, i));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->quarter_row, G_LIST_MODEL (labels));
  g_signal_connect_object (self->quarter_row, "notify::selected", G_CALLBACK (quarter_selected_cb), self,
                           G_CONNECT_SWAPPED);
  quarter_selected_cb (self);
  return self;
}
