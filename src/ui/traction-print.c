/* traction-print.c: print and export-PDF of any report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-print.h"
#include "traction-window.h"

typedef struct {
  const TractionReportSpec *spec;
  gpointer                  data;
  GDestroyNotify            data_free;
  char                     *company;
  char                     *path;       /* export: the chosen file */
  GtkWidget                *widget;     /* weak: for the toast and dialogs */
  GtkFileChooserNative     *chooser;
  int                       n_pages;
} ReportJob;

/* Helpers */

static ReportJob *
report_job_new (GtkWidget                *widget,
                const TractionReportSpec *spec,
                gpointer                  data,
                GDestroyNotify            data_free,
                const char               *company)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  job->spec = spec;
  job->data = data;
  job->data_free = data_free;
  job->company = g_strdup (company != NULL ? company : "");
  job->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&job->widget);
  return job;
}

static void
report_job_free (gpointer user_data)
{
  ReportJob *job = user_data;

  if (job->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->widget), (gpointer *)&job->widget);
  if (job->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (job->chooser));
      g_clear_object (&job->chooser);
    }
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job->company);
  g_free (job->path);
  g_free (job);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (widget), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkPageSetup *
default_page_setup (const TractionReportSpec *spec)
{
  TractionPaper paper = traction_paper_from_locale ();
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size = gtk_paper_size_new (traction_paper_pwg_name (paper));

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, spec->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (size);
  return setup;
}

/* Signal callbacks: printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  ReportJob *job = user_data;

  job->n_pages = MAX (job->spec->n_pages (job->data,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context)), 1);
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  ReportJob *job = user_data;

  traction_report_draw_page (job->spec, job->data,
                             gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context),
                             job->company, page_nr + 1, job->n_pages);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  ReportJob *job = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (job->widget, _("Could Not Print"),
                  error != NULL ? error->message : _("The printer reported an error."));
    }
}

/* Signal callbacks: PDF */

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (traction_report_write_pdf (job->spec, job->data, job->company,
                                 traction_paper_from_locale (), job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
write_pdf_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->widget == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (job->widget, _("Could Not Save the PDF"), error->message);
      return;
    }

  {
    g_autofree char *name = g_filename_display_basename (job->path);
    g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
    GtkRoot *root = gtk_widget_get_root (job->widget);

    if (TRACTION_IS_WINDOW (root))
      traction_window_add_toast (TRACTION_WINDOW (root), adw_toast_new (title));
    else if (root != NULL && g_object_get_data (G_OBJECT (root), TRACTION_TOAST_OVERLAY_KEY) != NULL)
      /* A dialog with its own toast overlay. */
      adw_toast_overlay_add_toast (g_object_get_data (G_OBJECT (root), TRACTION_TOAST_OVERLAY_KEY),
                                   adw_toast_new (title));
  }
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ReportJob *job = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      report_job_free (job);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  job->path = file != NULL ? g_file_get_path (file) : NULL;
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&job->chooser);

  if (job->path == NULL)
    {
      show_error (job->widget, _("Could Not Save the PDF"),
                  _("Choose a folder on this computer."));
      report_job_free (job);
      return;
    }

  /* Drawing and writing the PDF happen in a thread (STYLE.md). */
  task = g_task_new (NULL, NULL, write_pdf_done_cb, NULL);
  g_task_set_source_tag (task, traction_export_report_pdf);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

/* Public API */

void
traction_print_report (GtkWidget                *widget,
                       const TractionReportSpec *spec,
                       gpointer                  data,
                       GDestroyNotify            data_free,
                       const char               *company)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ReportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (spec != NULL);

  job = report_job_new (widget, spec, data, data_free, company);
  title = spec->title (data);
  setup = default_page_setup (spec);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report keeps its own margins, the same as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "traction-report-job", job, report_job_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (widget), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (widget, _("Could Not Print"), error->message);
}

void
traction_export_report_pdf (GtkWidget                *widget,
                            const TractionReportSpec *spec,
                            gpointer                  data,
                            GDestroyNotify            data_free,
                            const char               *company,
                            const char               *file_name)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  const char *documents;
  ReportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (spec != NULL);
  g_return_if_fail (file_name != NULL);

  job = report_job_new (widget, spec, data, data_free, company);
  job->chooser = gtk_file_chooser_native_new (_("Export PDF"), parent_window (widget),
                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (job->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (job->chooser), file_name);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (job->chooser), folder, NULL);
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (job->chooser), filter);

  g_signal_connect (job->chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (job->chooser));
}
