/* traction-data-io.c: the CSV import assistant, exports and Backup &
 * Restore.
 *
 * Slow work never runs on the main thread: the file is read and parsed in
 * a GTask, and the import writes through a second connection to the same
 * database in a GTask (one transaction); the window's store then emits
 * ::changed so every view reloads. Undo of the whole batch is a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "traction-data-io.h"
#include "traction-store-export.h"
#include "traction-store-import.h"

#define PREVIEW_ROWS 3

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void
toast (TractionWindow *window,
       const char     *text)
{
  /* Toast titles are markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  traction_window_add_toast (window, adw_toast_new (escaped));
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkStringList *
field_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int f = 0; f < TRACTION_N_IMPORT_FIELDS; f++)
    gtk_string_list_append (list, traction_import_field_label ((TractionImportField) f));
  return list;
}

/* ------------------------------------------------------------------ */
/* Import assistant                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
  TractionWindow       *window;        /* weak */
  GtkWindow            *dialog;
  GtkStack             *stack;
  GtkWidget            *import_button;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *columns_group;
  AdwComboRow          *format_row;
  AdwComboRow          *duplicates_row;
  AdwActionRow         *summary_row;
  AdwExpanderRow       *bad_row;
  GPtrArray            *bad_children;  /* rows added to bad_row */
  GPtrArray            *column_rows;   /* AdwComboRow per column */
  GtkProgressBar       *progress;
  GtkLabel             *progress_label;
  AdwStatusPage        *failure_page;

  TractionCsvTable     *table;
  TractionImportField  *mapping;
  TractionImportPlan   *plan;
  char                 *file_name;
  gboolean              updating;
  gboolean              busy;
} Assistant;

static void
assistant_free (Assistant *a)
{
  g_clear_weak_pointer (&a->window);
  g_clear_pointer (&a->bad_children, g_ptr_array_unref);
  g_clear_pointer (&a->column_rows, g_ptr_array_unref);
  g_clear_pointer (&a->table, traction_csv_table_free);
  g_clear_pointer (&a->mapping, g_free);
  g_clear_pointer (&a->plan, traction_import_plan_free);
  g_free (a->file_name);
  g_free (a);
}

static void
update_plan (Assistant *a)
{
  GPtrArray *bad;
  guint good;
  g_autofree char *summary = NULL;
  g_autofree char *button = NULL;

  g_clear_pointer (&a->plan, traction_import_plan_free);
  a->plan = traction_import_plan_new (a->table, a->mapping);
  bad = traction_import_plan_get_bad_rows (a->plan);
  good = traction_import_plan_n_rows (a->plan);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row ready to import", "%u rows ready to import", good),
                             good);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->summary_row), summary);
  {
    GPtrArray *notices = traction_import_plan_get_notices (a->plan);
    g_autoptr(GString) subtitle = g_string_new (bad->len > 0
                                                ? _("Some rows cannot be imported (listed below): import the good ones, or cancel, fix the file and import again.")
                                                : _("Every row can be imported. It all goes in as one batch that one Undo removes."));

    for (guint i = 0; i < notices->len && i < 3; i++)
      {
        const TractionImportProblem *p = g_ptr_array_index (notices, i);

        g_string_append_c (subtitle, '\n');
        g_string_append_printf (subtitle, _("Line %u: %s"), p->line, p->reason);
      }
    if (notices->len > 3)
      {
        g_string_append_c (subtitle, '\n');
        g_string_append_printf (subtitle, _("…and %u more."), notices->len - 3);
      }
    adw_action_row_set_subtitle (a->summary_row, subtitle->str);
  }

  for (guint i = 0; i < a->bad_children->len; i++)
    adw_expander_row_remove (a->bad_row, g_ptr_array_index (a->bad_children, i));
  g_ptr_array_set_size (a->bad_children, 0);

  gtk_widget_set_visible (GTK_WIDGET (a->bad_row), bad->len > 0);
  if (bad->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bad row", "%u bad rows", bad->len),
                                                bad->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->bad_row), title);
      for (guint i = 0; i < bad->len && i < 200; i++)
        {
          const TractionImportProblem *p = g_ptr_array_index (bad, i);
          g_autofree char *line = g_strdup_printf (_("Line %u"), p->line);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->reason);
          gtk_widget_add_css_class (row, "error");
          adw_expander_row_add_row (a->bad_row, row);
          g_ptr_array_add (a->bad_children, row);
        }
    }

  if (bad->len > 0)
    button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Good Row", "_Import %u Good Rows", good), good);
  else
    button = g_strdup (_("_Import"));
  gtk_button_set_label (GTK_BUTTON (a->import_button), button);
  gtk_widget_set_sensitive (a->import_button, good > 0 && !a->busy);
}

static void
column_changed_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Assistant   *a)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (a->updating || selected >= TRACTION_N_IMPORT_FIELDS)
    return;
  a->mapping[column] = (TractionImportField) selected;
  update_plan (a);
}

static void
apply_mapping_to_rows (Assistant *a)
{
  a->updating = TRUE;
  for (guint c = 0; c < a->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (a->column_rows, c), a->mapping[c]);
  a->updating = FALSE;
  update_plan (a);
}

static void
format_changed_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Assistant   *a)
{
  guint selected = adw_combo_row_get_selected (row);

  if (a->updating || selected >= TRACTION_N_CSV_FORMATS)
    return;
  g_free (a->mapping);
  a->mapping = traction_csv_guess_mapping (a->table, (TractionCsvFormat) selected);
  apply_mapping_to_rows (a);
}

/* "Acme Corp · Globex · Initech": the first values of a column. */
static char *
preview_of_column (TractionCsvTable *table,
                   guint             column)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len && r < PREVIEW_ROWS; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autofree char *one = g_strdup (row[column]);

      g_strdelimit (one, "\r\n\t", ' ');
      if (r > 0)
        g_string_append (text, " · ");
      if (g_utf8_strlen (one, -1) > 40)
        {
          char *end = g_utf8_offset_to_pointer (one, 40);

          *end = '\0';
          g_string_append (text, one);
          g_string_append (text, "…");
        }
      else
        g_string_append (text, one[0] != '\0' ? one : "—");
    }
  return g_string_free (text, FALSE);
}

static void
build_mapping_page (Assistant *a)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) duplicates = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  TractionCsvFormat detected = traction_csv_detect_format (a->table);
  g_autofree char *description = NULL;
  const char *delimiter;

  for (int f = TRACTION_CSV_FORMAT_AUTO; f < TRACTION_N_CSV_FORMATS; f++)
    gtk_string_list_append (formats, traction_csv_format_label ((TractionCsvFormat) f));
  gtk_string_list_append (duplicates, _("Skip: keep what Traction has"));
  gtk_string_list_append (duplicates, _("Update with the imported values"));
  gtk_string_list_append (duplicates, _("Create a second record"));

  delimiter = a->table->delimiter == ';' ? _("semicolons") : a->table->delimiter == '\t' ? _("tabs") : _("commas");
  description = g_strdup_printf (_("%u rows, %s, fields separated by %s."),
                                 a->table->rows->len, a->table->encoding, delimiter);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("File"));
  {
    GtkWidget *file_row = adw_action_row_new ();

    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (file_row), FALSE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row), a->file_name);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (file_row), description);
    adw_action_row_set_icon_name (ADW_ACTION_ROW (file_row), "x-office-spreadsheet-symbolic");
    adw_preferences_group_add (group, file_row);
  }
  a->format_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->format_row), _("Exported from"));
  adw_combo_row_set_model (a->format_row, G_LIST_MODEL (formats));
  adw_combo_row_set_selected (a->format_row, detected);
  g_signal_connect (a->format_row, "notify::selected", G_CALLBACK (format_changed_cb), a);
  adw_preferences_group_add (group, GTK_WIDGET (a->format_row));
  a->duplicates_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->duplicates_row), _("Same company domain or contact email"));
  adw_combo_row_set_model (a->duplicates_row, G_LIST_MODEL (duplicates));
  adw_preferences_group_add (group, GTK_WIDGET (a->duplicates_row));
  adw_preferences_page_add (a->page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Rows"));
  a->summary_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (a->summary_row), FALSE);
  adw_action_row_set_subtitle_lines (a->summary_row, 6);
  adw_preferences_group_add (group, GTK_WIDGET (a->summary_row));
  a->bad_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_expander_row_set_icon_name (a->bad_row, "dialog-warning-symbolic");
  adw_expander_row_set_subtitle (a->bad_row, _("Line in the file and why"));
  adw_preferences_group_add (group, GTK_WIDGET (a->bad_row));
  adw_preferences_page_add (a->page, group);

  a->columns_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (a->columns_group, _("Columns"));
  adw_preferences_group_set_description (a->columns_group,
                                         _("What each column holds, with its first values. Columns set to “Do not import” are left out."));
  for (guint c = 0; c < a->table->header->len; c++)
    {
      g_autoptr(GtkStringList) fields = field_model ();
      g_autofree char *preview = preview_of_column (a->table, c);
      const char *name = g_ptr_array_index (a->table->header, c);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name[0] != '\0' ? name : _("(no name)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), preview);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), a);
      adw_preferences_group_add (a->columns_group, row);
      g_ptr_array_add (a->column_rows, row);
    }
  adw_preferences_page_add (a->page, a->columns_group);

  a->mapping = traction_csv_guess_mapping (a->table, detected);
  apply_mapping_to_rows (a);
  gtk_stack_set_visible_child_name (a->stack, "mapping");
}

/* Reading the file (thread) */

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;
  TractionCsvTable *table;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  table = traction_csv_table_parse (contents, length, &error);
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) traction_csv_table_free);
}

static void
parse_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Assistant *a = user_data;
  g_autoptr(GError) error = NULL;
  TractionCsvTable *table = g_task_propagate_pointer (G_TASK (result), &error);

  if (table == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (a->failure_page, markup);
      gtk_stack_set_visible_child_name (a->stack, "failure");
      return;
    }
  a->table = table;
  build_mapping_page (a);
}

/* Writing (thread) */

typedef struct {
  char                *path;
  TractionImportPlan  *plan;       /* borrowed: the assistant keeps it until done */
  TractionDuplicates   duplicates;
  GtkProgressBar      *progress;   /* strong ref, touched on the main thread only */
} ImportJob;

typedef struct {
  GtkProgressBar *progress;
  double          fraction;
} ProgressUpdate;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->progress);
  g_free (job);
}

static gboolean
progress_idle (gpointer data)
{
  ProgressUpdate *update = data;

  gtk_progress_bar_set_fraction (update->progress, update->fraction);
  g_object_unref (update->progress);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ImportJob *job = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->progress = g_object_ref (job->progress);
  update->fraction = total > 0 ? (double) done / total : 1.0;
  g_main_context_invoke (NULL, progress_idle, update);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(TractionStore) store = NULL;
  TractionImportBatch *batch = NULL;
  GError *error = NULL;

  /* A connection of this thread's own: SQLite serialises the writers. */
  store = traction_store_open (job->path, FALSE, &error);
  if (store == NULL ||
      !traction_store_import_plan (store, job->plan, job->duplicates, TRUE, NULL,
                                   progress_cb, job, &batch, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, batch, (GDestroyNotify) traction_import_batch_free);
}

static void
undo_import_cb (AdwToast *t,
                gpointer  user_data)
{
  TractionImportBatch *batch = user_data;
  TractionWindow *window = g_object_get_data (G_OBJECT (t), "window");
  TractionStore *store = window != NULL ? traction_window_get_store (window) : NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if (!traction_store_undo_import (store, batch, &error))
    show_error (GTK_WINDOW (window), _("The Import Was Not Undone"), error->message);
  else
    toast (window, _("Import undone"));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Assistant *a = user_data;
  g_autoptr(GError) error = NULL;
  TractionImportBatch *batch = g_task_propagate_pointer (G_TASK (result), &error);
  TractionWindow *window = a->window;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *t;

  a->busy = FALSE;
  if (batch == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (a->failure_page, _("Nothing Was Imported"));
      adw_status_page_set_description (a->failure_page, markup);
      gtk_stack_set_visible_child_name (a->stack, "failure");
      return;
    }

  if (window == NULL || traction_window_get_store (window) == NULL)
    {
      traction_import_batch_free (batch);
      gtk_window_destroy (a->dialog);
      return;
    }

  /* The writes went through another connection: tell the views. */
  traction_store_emit_changed (traction_window_get_store (window));

  text = traction_import_counts_describe (traction_import_batch_get_counts (batch));
  escaped = g_markup_escape_text (text, -1);
  t = adw_toast_new (escaped);
  adw_toast_set_timeout (t, 10);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data (G_OBJECT (t), "window", window);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_import_cb), batch,
                         (GClosureNotify) (void (*) (void)) traction_import_batch_free, 0);
  traction_window_add_toast (window, t);
  gtk_window_destroy (a->dialog);
}

static void
import_clicked_cb (GtkButton *button,
                   Assistant *a)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;
  TractionStore *store;
  g_autofree char *label = NULL;

  store = a->window != NULL ? traction_window_get_store (a->window) : NULL;
  if (store == NULL || a->plan == NULL || a->busy)
    return;

  a->busy = TRUE;
  gtk_widget_set_sensitive (a->import_button, FALSE);
  label = g_strdup_printf (_("Importing %u rows…"), traction_import_plan_n_rows (a->plan));
  gtk_label_set_text (a->progress_label, label);
  gtk_progress_bar_set_fraction (a->progress, 0.0);
  gtk_stack_set_visible_child_name (a->stack, "progress");

  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (traction_store_get_path (store));
  job->plan = a->plan;
  job->duplicates = (TractionDuplicates) adw_combo_row_get_selected (a->duplicates_row);
  job->progress = g_object_ref (a->progress);

  task = g_task_new (NULL, NULL, import_done_cb, a);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static gboolean
close_request_cb (GtkWindow *dialog,
                  Assistant *a)
{
  /* Stay open while the import writes (it cannot be interrupted halfway:
   * it is one transaction). */
  return a->busy;
}

GtkWindow *
traction_import_assistant_new (TractionWindow *window,
                               GFile          *file)
{
  Assistant *a;
  GtkWidget *dialog, *box, *header, *cancel, *status, *progress_box, *clamp;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (TRACTION_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  a = g_new0 (Assistant, 1);
  g_set_weak_pointer (&a->window, window);
  a->bad_children = g_ptr_array_new ();
  a->column_rows = g_ptr_array_new ();
  a->file_name = g_file_get_basename (file);

  dialog = adw_window_new ();
  a->dialog = GTK_WINDOW (dialog);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Import CSV"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 720);
  g_object_set_data_full (G_OBJECT (dialog), "assistant", a, (GDestroyNotify) assistant_free);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), a);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  a->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (a->import_button, "suggested-action");
  gtk_widget_set_sensitive (a->import_button, FALSE);
  g_signal_connect (a->import_button, "clicked", G_CALLBACK (import_clicked_cb), a);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), a->import_button);
  gtk_box_append (GTK_BOX (box), header);

  a->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (a->stack), TRUE);

  status = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Reading the File…"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  gtk_stack_add_named (a->stack, status, "reading");

  a->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (a->stack, GTK_WIDGET (a->page), "mapping");

  progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (progress_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (progress_box, 48);
  gtk_widget_set_margin_end (progress_box, 48);
  a->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (a->progress_label), "title-4");
  a->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (a->progress, TRUE);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (a->progress_label));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (a->progress));
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), progress_box);
  gtk_stack_add_named (a->stack, clamp, "progress");

  a->failure_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (a->failure_page, _("The File Cannot Be Imported"));
  adw_status_page_set_icon_name (a->failure_page, "dialog-warning-symbolic");
  gtk_stack_add_named (a->stack, GTK_WIDGET (a->failure_page), "failure");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (a->stack));
  adw_window_set_content (ADW_WINDOW (dialog), box);

  task = g_task_new (NULL, NULL, parse_done_cb, a);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, parse_thread);

  return GTK_WINDOW (dialog);
}

/* ------------------------------------------------------------------ */
/* Window actions                                                      */
/* ------------------------------------------------------------------ */

static GtkFileFilter *
filter_new (const char *name,
            const char *pattern,
            const char *mime)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime != NULL)
    gtk_file_filter_add_mime_type (filter, mime);
  return filter;
}

static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   TractionWindow  *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gtk_window_present (traction_import_assistant_new (window, file));
    }
  g_object_unref (chooser);
}

static void
import_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TractionWindow *window = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = filter_new (_("CSV files"), "*.csv", "text/csv");

  chooser = gtk_file_chooser_native_new (_("Import CSV from HubSpot, Pipedrive, Attio or a Spreadsheet"),
                                         GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exports: written in a thread through a connection of its own. */

typedef struct {
  char     *db_path;
  GFile    *file;
  int       what;     /* TractionCsvExport, or -1 for iCalendar */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(TractionStore) store = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;

  store = traction_store_open (job->db_path, FALSE, &error);
  if (store != NULL)
    text = job->what < 0
           ? traction_store_export_ics (store, NULL, &error)
           : traction_store_export_csv (store, (TractionCsvExport) job->what, NULL, &error);
  /* Replaced whole or not at all (a temporary file, then a rename). */
  if (text == NULL ||
      !g_file_replace_contents (job->file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TractionWindow *window = TRACTION_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (GTK_WINDOW (window), _("The Export Was Not Written"), error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (job->file);
    g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

    toast (window, text);
  }
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   TractionWindow  *window)
{
  TractionStore *store = traction_window_get_store (window);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      g_autoptr(GTask) task = g_task_new (window, NULL, export_done_cb, NULL);
      ExportJob *job = g_new0 (ExportJob, 1);

      job->db_path = g_strdup (traction_store_get_path (store));
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      job->what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "what"));
      g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
      g_task_run_in_thread (task, export_thread);
    }
  g_object_unref (chooser);
}

static void
ask_export_file (TractionWindow *window,
                 int             what)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GDate today;

  traction_date_today (&today);
  if (what < 0)
    {
      char date[16];

      traction_date_format (&today, date);
      name = g_strdup_printf ("traction-calendar-%s.ics", date);
      title = g_strdup (_("Export Follow-ups and Renewals"));
    }
  else
    {
      name = traction_csv_export_file_name ((TractionCsvExport) what, &today);
      title = g_strdup_printf (_("Export %s as CSV"), traction_csv_export_label ((TractionCsvExport) what));
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "what", GINT_TO_POINTER (what));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TractionCsvExport what;

  if (traction_csv_export_from_id (g_variant_get_string (parameter, NULL), &what))
    ask_export_file (TRACTION_WINDOW (user_data), (int) what);
}

static void
export_ics_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ask_export_file (TRACTION_WINDOW (user_data), -1);
}

/* ------------------------------------------------------------------ */
/* Backup & Restore                                                    */
/* ------------------------------------------------------------------ */

static char *
describe_summary (const TractionFileSummary *summary)
{
  g_autoptr(GDateTime) when = summary->modified > 0 ? g_date_time_new_from_unix_local (summary->modified) : NULL;
  g_autofree char *stamp = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup (_("unknown"));

  /* TRANSLATORS: companies, contacts, deals, then the date and time the file was last changed. */
  return g_strdup_printf (_("%u companies, %u contacts and %u deals; last changed %s"),
                          summary->accounts, summary->contacts, summary->deals, stamp);
}

static void
reopen_store (TractionWindow *window,
              const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionStore) store = traction_store_open (path, FALSE, &error);

  if (store == NULL)
    traction_window_show_failure (window, error->message);
  else
    traction_window_set_store (window, store);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TractionWindow   *window)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *backups_window = g_object_get_data (G_OBJECT (dialog), "backups-window");

  if (g_strcmp0 (response, "restore") != 0 || traction_window_get_store (window) == NULL)
    return;

  path = g_strdup (traction_store_get_path (traction_window_get_store (window)));
  if (backups_window != NULL)
    gtk_window_destroy (backups_window);

  /* The window's connection closes before the file is replaced. */
  traction_window_set_store (window, NULL);
  if (!traction_store_restore (backup, path, &kept, &error))
    {
      reopen_store (window, path);
      show_error (GTK_WINDOW (window), _("The Backup Was Not Restored"), error->message);
      return;
    }
  reopen_store (window, path);
  {
    g_autofree char *kept_name = kept != NULL ? g_path_get_basename (kept) : NULL;
    g_autofree char *text = kept_name != NULL
                            ? g_strdup_printf (_("Backup restored. The replaced file was kept as “%s”."), kept_name)
                            : g_strdup (_("Backup restored."));

    toast (window, text);
  }
}

static void
restore_clicked_cb (GtkButton *button,
                    GtkWindow *backups_window)
{
  TractionWindow *window = TRACTION_WINDOW (gtk_window_get_transient_for (backups_window));
  const char *backup = g_object_get_data (G_OBJECT (button), "path");
  TractionStore *store = traction_window_get_store (window);
  TractionFileSummary now = { 0 }, then = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    return;
  if (!traction_store_file_summary (backup, &then, &error))
    {
      show_error (backups_window, _("This Backup Cannot Be Read"), error->message);
      return;
    }
  traction_store_file_summary (traction_store_get_path (store), &now, NULL);
  now_text = describe_summary (&now);
  then_text = describe_summary (&then);
  body = g_strdup_printf (_("Your data now: %s.\nThe backup: %s.\n\nEverything entered since the backup will be replaced. "
                            "The current file is kept beside it, so nothing is deleted."),
                          now_text, then_text);

  dialog = adw_message_dialog_new (backups_window, _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backup), g_free);
  g_object_set_data (G_OBJECT (dialog), "backups-window", backups_window);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   TractionWindow  *window)
{
  TractionStore *store = traction_window_get_store (window);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (GTK_WINDOW (window), _("The Backup Was Not Made"),
                    _("Choose a folder on this computer or a mounted drive."));
      else if (!traction_store_backup_to (store, path, &error))
        show_error (GTK_WINDOW (window), _("The Backup Was Not Made"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Backed up to “%s”"), name);

          toast (window, text);
        }
    }
  g_object_unref (chooser);
}

static void
backup_now_clicked_cb (GtkButton *button,
                       GtkWindow *backups_window)
{
  TractionWindow *window = TRACTION_WINDOW (gtk_window_get_transient_for (backups_window));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  char date[16];
  GDate today;

  traction_date_today (&today);
  traction_date_format (&today, date);
  name = g_strdup_printf ("traction-backup-%s.db", date);
  chooser = gtk_file_chooser_native_new (_("Back Up To"), backups_window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_chooser_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWindow *
traction_backups_window_new (TractionWindow *window)
{
  TractionStore *store;
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *dialog, *box, *header, *page, *group, *now_button;

  g_return_val_if_fail (TRACTION_IS_WINDOW (window), NULL);
  store = traction_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Backup & Restore"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Back Up Now"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A full copy of your data to a file you choose, such as a USB drive."));
  now_button = gtk_button_new_with_mnemonic (_("_Back Up Now…"));
  gtk_widget_add_css_class (now_button, "suggested-action");
  gtk_widget_set_halign (now_button, GTK_ALIGN_START);
  g_signal_connect (now_button, "clicked", G_CALLBACK (backup_now_clicked_cb), dialog);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), now_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Daily Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Traction keeps a copy a day beside your data. Restoring one keeps the current file too."));

  backups = traction_store_list_backups (traction_store_get_path (store));
  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No daily backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first is made when Traction opens your data tomorrow; use “Back Up Now” for a copy today."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      TractionFileSummary summary = { 0 };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GDate day;

      g_date_clear (&day, 1);
      if (traction_store_backup_date (path, &day))
        {
          char text[64];

          g_date_strftime (text, sizeof text, "%x", &day);
          title = g_strdup_printf (_("Backup of %s"), text);
        }
      else
        title = g_path_get_basename (path);
      if (traction_store_file_summary (path, &summary, NULL))
        subtitle = describe_summary (&summary);
      else
        subtitle = g_strdup (_("This file cannot be read"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (restore), "path", g_strdup (path), g_free);
      g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), dialog);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  return GTK_WINDOW (dialog);
}

static void
backups_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TractionWindow *window = user_data;

  if (traction_window_get_store (window) != NULL)
    gtk_window_present (traction_backups_window_new (window));
}

/* ------------------------------------------------------------------ */
/* Public                                                              */
/* ------------------------------------------------------------------ */

static void
store_notify_cb (TractionWindow *window,
                 GParamSpec     *pspec,
                 gpointer        user_data)
{
  static const char * const names[] = { "import-csv", "export-csv", "export-ics", "backups" };
  gboolean enabled = traction_window_get_store (window) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

void
traction_data_io_install_actions (TractionWindow *window)
{
  static const GActionEntry entries[] = {
    { "import-csv", import_csv_action, NULL, NULL, NULL },
    { "export-csv", export_csv_action, "s", NULL, NULL },
    { "export-ics", export_ics_action, NULL, NULL, NULL },
    { "backups", backups_action, NULL, NULL, NULL },
  };

  g_return_if_fail (TRACTION_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  g_signal_connect (window, "notify::store", G_CALLBACK (store_notify_cb), NULL);
  store_notify_cb (window, NULL, NULL);
}
