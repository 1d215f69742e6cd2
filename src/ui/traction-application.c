/* traction-application.c: the Traction application.
 *
 * Opening a database is the one place where files are created, restored
 * or replaced; each of those asks first and loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "traction-store-health.h"
#include "traction-application.h"
#include "traction-loader.h"
#include "traction-preferences-window.h"

#define BACKUPS_KEPT 7

struct _TractionApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TractionApplication, traction_application, ADW_TYPE_APPLICATION)

static void open_in_window     (TractionApplication *self,
                                TractionWindow      *window);
static void show_open_error    (TractionApplication *self,
                                TractionWindow      *window,
                                const GError        *error);

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE instead of the usual one"), N_("FILE") },
  { NULL }
};

/* Helpers */

static void
add_toast (TractionWindow *window,
           const char     *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 10);
  traction_window_add_toast (window, toast);
}

/* "November 21, 2026" for backups/traction-2026-11-21.db, else the file name. */
static char *
backup_date (const char *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  GDate date;

  if (traction_store_backup_date (backup_path, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date),
                                                       0, 0, 0.0);
      /* Translators: a long date, see g_date_time_format(); e.g. "November 22, 2026". */
      return g_date_time_format (dt, _("%B %-d, %Y"));
    }

  return g_steal_pointer (&name);
}

/* "Backup of November 21, 2026" */
static char *
backup_label (const char *backup_path)
{
  g_autofree char *when = backup_date (backup_path);

  return g_strdup_printf (_("Backup of %s"), when);
}

/* Restoring helps with a damaged file or one from a newer version; it
 * does not with a locked or read-only file, and would hide the cause. */
static gboolean
error_allows_restore (const GError *error)
{
  if (error->domain != TRACTION_STORE_ERROR)
    return FALSE;

  switch ((TractionStoreError) error->code)
    {
    case TRACTION_STORE_ERROR_CORRUPT:
    case TRACTION_STORE_ERROR_NEWER_SCHEMA:
    case TRACTION_STORE_ERROR_FAILED:
      return TRUE;
    case TRACTION_STORE_ERROR_READ_ONLY:
    case TRACTION_STORE_ERROR_LOCKED:
    case TRACTION_STORE_ERROR_DISK_FULL:
    case TRACTION_STORE_ERROR_NOT_FOUND:
    case TRACTION_STORE_ERROR_INVALID:
    case TRACTION_STORE_ERROR_NOT_EMPTY:
    default:
      return FALSE;
    }
}

static TractionWindow *
find_window_for_path (TractionApplication *self,
                      const char          *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TRACTION_IS_WINDOW (l->data) &&
        g_strcmp0 (traction_window_get_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

/* What opening a database does once the window is up and its first view
 * shows its data (neither is held up by it): the health alerts the recorded usage raises
 * (a new day can fire the no-calls and dark rules; new ones reach Today
 * through the store's ::changed), then today's backup (a copy of the
 * whole file the first time each day). */
typedef struct {
  GWeakRef  window;   /* closing the window drops the work */
  GWeakRef  store;
} AfterOpen;

static void
after_open_free (gpointer data)
{
  AfterOpen *after = data;

  g_weak_ref_clear (&after->window);
  g_weak_ref_clear (&after->store);
  g_free (after);
}

static gboolean
after_open_idle_cb (gpointer data)
{
  AfterOpen *after = data;
  g_autoptr(TractionWindow) window = g_weak_ref_get (&after->window);
  g_autoptr(TractionStore) store = g_weak_ref_get (&after->store);
  g_autoptr(GError) error = NULL;
  GDate today;

  /* The window may have closed, or moved on to another file. */
  if (window == NULL || store == NULL || traction_window_get_store (window) != store)
    return G_SOURCE_REMOVE;
  /* The view's first load is still on its worker thread: later. */
  if (traction_loader_n_running () > 0)
    return G_SOURCE_CONTINUE;

  traction_date_today (&today);
  if (!traction_store_raise_alerts (store, &today, NULL, &error))
    {
      g_warning ("Could not raise the health alerts: %s", error->message);
      g_clear_error (&error);
    }
  if (!traction_store_backup_daily (store, &today, BACKUPS_KEPT, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Today’s backup was not made: %s"), error->message);
      add_toast (window, text);
    }
  return G_SOURCE_REMOVE;
}

static void
window_ready (TractionApplication *self,
              TractionWindow      *window,
              TractionStore       *store)
{
  AfterOpen *after = g_new0 (AfterOpen, 1);

  traction_window_set_store (window, store);

  g_weak_ref_init (&after->window, window);
  g_weak_ref_init (&after->store, store);
  g_timeout_add_full (G_PRIORITY_LOW, 50, after_open_idle_cb, after, after_open_free);
}

/* Restoring */

static void
restore_failed_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            TractionWindow   *window)
{
  TractionApplication *self = TRACTION_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  open_in_window (self, window);
}

static void
show_restore_failed (TractionWindow *window,
                     const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                              _("The Backup Was Not Restored"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (restore_failed_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TractionWindow   *window)
{
  TractionApplication *self = TRACTION_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  GPtrArray *backups = g_object_get_data (G_OBJECT (dialog), "backups");
  GtkDropDown *chooser = g_object_get_data (G_OBJECT (dialog), "chooser");
  const char *path = traction_window_get_path (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  const char *backup;
  guint index = 0;

  if (g_strcmp0 (response, "restore") != 0)
    {
      open_in_window (self, window);
      return;
    }

  if (chooser != NULL)
    index = gtk_drop_down_get_selected (chooser);
  if (index >= backups->len)
    index = 0;
  backup = g_ptr_array_index (backups, index);

  if (!traction_store_restore (backup, path, &kept, &error))
    {
      show_restore_failed (window, error);
      return;
    }

  open_in_window (self, window);
  if (traction_window_get_store (window) == NULL)
    return;

  label = backup_label (backup);
  if (kept != NULL)
    {
      kept_name = g_path_get_basename (kept);
      /* Translators: "Backup of November 21, 2026 restored. The replaced file was kept as “traction.db.replaced-…”." */
      text = g_strdup_printf (_("%s restored. The replaced file was kept as “%s”."), label, kept_name);
    }
  else
    text = g_strdup_printf (_("%s restored."), label);
  add_toast (window, text);
}

static void
ask_restore (TractionApplication *self,
             TractionWindow      *window)
{
  const char *path = traction_window_get_path (window);
  g_autoptr(GPtrArray) backups = traction_store_list_backups (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (backups->len == 0)
    {
      open_in_window (self, window);
      return;
    }

  if (backups->len == 1)
    {
      g_autofree char *when = backup_date (g_ptr_array_index (backups, 0));

      /* Translators: first %s is a file name, second a date */
      body = g_strdup_printf (_("“%s” will be replaced by the backup of %s. Changes made after that backup will not be in it. The file being replaced is kept beside it, renamed."),
                              name, when);
    }
  else
    {
      body = g_strdup_printf (_("“%s” will be replaced by the backup you choose. Changes made after that backup will not be in it. The file being replaced is kept beside it, renamed."),
                              name);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Replace the Database?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (backups->len > 1)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *chooser;

      for (guint i = 0; i < backups->len; i++)
        {
          g_autofree char *label = backup_label (g_ptr_array_index (backups, i));
          gtk_string_list_append (labels, label);
        }
      chooser = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chooser),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backup to restore"),
                                      -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), chooser);
      g_object_set_data (G_OBJECT (dialog), "chooser", chooser);
    }

  g_object_set_data_full (G_OBJECT (dialog), "backups",
                          g_steal_pointer (&backups), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (restore_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening another file */

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          TractionWindow  *window)
{
  TractionApplication *self = TRACTION_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        traction_window_set_path (window, path);
    }

  g_object_unref (native);
  open_in_window (self, window);
}

static void
choose_another_file (TractionApplication *self,
                     TractionWindow      *window)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open a Traction Database"),
                                        GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (databases, _("Traction databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), databases);

  g_signal_connect_object (native, "response",
                           G_CALLBACK (file_chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The open error */

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TractionWindow   *window)
{
  TractionApplication *self = TRACTION_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (g_strcmp0 (response, "open") == 0)
    choose_another_file (self, window);
  else if (g_strcmp0 (response, "restore") == 0)
    ask_restore (self, window);
  else
    gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_open_error (TractionApplication *self,
                 TractionWindow      *window,
                 const GError        *error)
{
  const char *path = traction_window_get_path (window);
  g_autoptr(GPtrArray) backups = traction_store_list_backups (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  traction_window_show_failure (window, error->message);

  /* Translators: an error message, then the file it is about */
  body = g_strdup_printf (_("%s\n\nFile: %s"), error->message, path);
  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Could Not Open the Database"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  if (backups->len > 0 && error_allows_restore (error))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Backup…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open", _("_Open Another File…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (open_error_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first run */

static void
create_database_cb (TractionWindow *window,
                    gboolean        with_sample,
                    gpointer        user_data)
{
  TractionApplication *self = TRACTION_APPLICATION (user_data);
  const char *path = traction_window_get_path (window);
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The file may have appeared since the page was shown: never replace it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_in_window (self, window);
      return;
    }

  store = traction_store_open (path, TRUE, &error);
  if (store == NULL)
    {
      show_open_error (self, window, error);
      return;
    }

  if (with_sample)
    {
      GDate today;

      traction_date_today (&today);
      if (!traction_store_load_sample (store, &today, &error))
        {
          g_autofree char *text = g_strdup_printf (_("The sample company could not be loaded: %s"),
                                                   error->message);
          window_ready (self, window, store);
          add_toast (window, text);
          return;
        }
    }

  window_ready (self, window, store);
}

static void
open_in_window (TractionApplication *self,
                TractionWindow      *window)
{
  const char *path = traction_window_get_path (window);
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      traction_window_show_welcome (window);
      return;
    }

  store = traction_store_open (path, FALSE, &error);
  if (store == NULL)
    {
      show_open_error (self, window, error);
      return;
    }

  window_ready (self, window, store);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing lets each window save its size and view. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Traction developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Traction"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Traction developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Pipeline, qualification, design partners, providers, client health and retention for founders who sell and look after their first clients themselves. Everything stays in one file on your computer and works offline."));
  /* Translators: Replace "translator-credits" with your name(s), one per line. */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (app);
  TractionStore *store;
  GtkWidget *preferences;

  if (!TRACTION_IS_WINDOW (active))
    return;

  /* Nothing to set before a database is open. */
  store = traction_window_get_store (TRACTION_WINDOW (active));
  if (store == NULL)
    return;

  preferences = traction_preferences_window_new (active, store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
};

/* GApplication overrides */

static void
traction_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (traction_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import-csv",
                                         (const char *[]) { "<Control>i", NULL });
  gtk_window_set_default_icon_name (APP_ID);
}

static void
traction_application_activate (GApplication *application)
{
  TractionApplication *self = TRACTION_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autofree char *path = NULL;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  path = traction_store_default_path ();
  traction_application_open_database (self, path);
}

static int
traction_application_command_line (GApplication            *application,
                                   GApplicationCommandLine *command_line)
{
  TractionApplication *self = TRACTION_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);

      path = g_file_get_path (file);
    }

  if (path == NULL)
    path = traction_store_default_path ();

  traction_application_open_database (self, path);
  return 0;
}

static void
traction_application_class_init (TractionApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = traction_application_startup;
  app_class->activate = traction_application_activate;
  app_class->command_line = traction_application_command_line;
}

static void
traction_application_init (TractionApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/* Public API */

TractionApplication *
traction_application_new (void)
{
  return g_object_new (TRACTION_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/tractionapp/Traction",
                       NULL);
}

/* For build-aux/bench-start.sh: the wall-clock time of the first frame
 * painted, then of the first frame painted once the view's data has come
 * from its worker thread (the same frame when it came first); then quit. */
static void
first_frame_cb (GdkFrameClock       *clock,
                TractionApplication *self)
{
  static gboolean first_done;

  if (!first_done)
    {
      first_done = TRUE;
      g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
    }
  if (traction_loader_n_running () > 0)
    return;
  g_print ("content-frame-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_application_quit (G_APPLICATION (self));
}

TractionWindow *
traction_application_open_database (TractionApplication *self,
                                    const char          *path)
{
  TractionWindow *window;

  g_return_val_if_fail (TRACTION_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  window = traction_window_new (GTK_APPLICATION (self));
  traction_window_set_path (window, path);
  g_signal_connect_object (window, "create-database",
                           G_CALLBACK (create_database_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  open_in_window (self, window);

  if (g_getenv ("TRACTION_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);

  return window;
}
