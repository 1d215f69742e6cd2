/* test-ui.c: the application window, the first run, the open errors and
 * the Today page, driven through the real application under a display
 * (xvfb-run -a).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "traction-application.h"
#include "traction-window.h"
#include "traction-loader.h"
#include "traction-today-page.h"
#include "test-util.h"
#include "test-wait.h"
#include "traction-store-health.h"

#define TEST_TODAY "2026-11-22"

static TractionApplication *app;
static char *tmp_dir;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
wait_for_idle (void)
{
  /* Views read their data on worker threads: wait for those too. */
  while (g_main_context_iteration (NULL, FALSE) || traction_loader_n_running () > 0)
    if (traction_loader_n_running () > 0)
      g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (gtk_widget_get_mapped (widget));
  wait_for_idle ();
}

/* The first label under root whose text contains needle, mapped only
 * (shown on screen) when mapped is set. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *needle,
            gboolean    mapped)
{
  if (GTK_IS_LABEL (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL &&
      (!mapped || gtk_widget_get_mapped (root)))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, needle, mapped);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_shows (GtkWidget  *root,
              const char *needle)
{
  gboolean timed_out = FALSE;
  guint id;

  if (find_label (root, needle, TRUE) != NULL)
    return;
  /* A page may still be on its way (a load, a transition): a few frames. */
  id = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (find_label (root, needle, TRUE) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  if (find_label (root, needle, TRUE) == NULL)
    g_error ("No label showing “%s”", needle);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ADW_MESSAGE_DIALOG (window);
    }

  return found;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the response's button (it closes the dialog, then responds). */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkButton *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for_idle ();
}

static void
close_window (TractionWindow *window)
{
  TractionStore *store = traction_window_get_store (window);

  if (store != NULL)
    g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
  g_assert_finalize_object (window);
  g_assert_null (store);
}

static GBytes *
write_garbage (const char *path)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (data->len < 8192)
    g_string_append (data, "This is not a database, just bytes: \x01\x02\xfe\xff ");
  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);

  return g_string_free_to_bytes (g_steal_pointer (&data));
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length,
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* The row (AdwActionRow) whose title is data, as markup. */
static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  g_autofree char *markup = g_markup_escape_text (data, -1);

  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), markup) == 0;
}

/* Tests */

static void
test_today_sample (void)
{
  g_autofree char *path = tmp_path ("sample.db");
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(TractionToday) today = NULL;
  g_autoptr(GError) error = NULL;
  const TractionStalledDeal *stalled;
  const TractionAlertRow *alert;
  TractionWindow *window;
  GtkWidget *page;
  GDate date;

  traction_date_today (&date);
  store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  traction_store_load_sample (store, &date, &error);
  g_assert_no_error (error);
  today = traction_store_load_today (store, &date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->stalled->len, >, 0);
  g_assert_cmpuint (today->alerts->len, >, 0);
  g_clear_object (&store);

  window = traction_application_open_database (app, path);
  wait_until_mapped (GTK_WIDGET (window));

  g_assert_nonnull (traction_window_get_store (window));
  g_assert_cmpstr (traction_window_get_view (window), ==, "today");
  page = find_descendant (GTK_WIDGET (window), TRACTION_TYPE_TODAY_PAGE);
  g_assert_nonnull (page);

  stalled = g_ptr_array_index (today->stalled, 0);
  assert_shows (page, stalled->deal);
  assert_shows (page, "days without contact");
  alert = g_ptr_array_index (today->alerts, 0);
  assert_shows (page, traction_alert_title (alert->kind));
  assert_shows (page, alert->account);
  assert_shows (page, "Open pipeline");
  assert_shows (page, "Stalled Deals");

  /* The window title names the company. */
  {
    g_autoptr(TractionStore) again = traction_store_open (path, FALSE, &error);
    g_autofree char *company = NULL;

    g_assert_no_error (error);
    company = traction_store_get_company_name (again);
    if (company[0] != '\0')
      g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), company));
  }

  /* A backup was made on opening (once Today showed its data). */
  {
    g_autoptr(GPtrArray) backups = traction_store_list_backups (path);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (backups->len == 0 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        g_clear_pointer (&backups, g_ptr_array_unref);
        backups = traction_store_list_backups (path);
      }
    g_assert_cmpuint (backups->len, ==, 1);
  }

  /* A write elsewhere reloads Today, and its rows stay as they are; a
   * write that changes one list makes that list's rows anew. (After the
   * checks made once the file is open: they may raise alerts.) */
  wait_for_idle ();
  {
    TractionStore *shown = traction_window_get_store (window);
    /* Held: a row made anew must not be taken for one kept at the same
     * address. */
    g_autoptr(GtkWidget) stalled_row = g_object_ref (traction_test_find (page, is_row_titled, stalled->deal));
    g_autoptr(GtkWidget) alert_row = g_object_ref (traction_test_find (page, is_row_titled,
                                                                      traction_alert_title (alert->kind)));

    traction_store_emit_changed (shown);
    wait_for_idle ();
    g_assert_true (traction_test_find (page, is_row_titled, stalled->deal) == stalled_row);
    g_assert_true (traction_test_find (page, is_row_titled, traction_alert_title (alert->kind)) == alert_row);

    g_assert_true (traction_store_set_alert_status (shown, alert->alert_id, "acknowledged", "On it", &error));
    g_assert_no_error (error);
    wait_for_idle ();
    g_assert_true (traction_test_find (page, is_row_titled, stalled->deal) == stalled_row);
    g_assert_false (traction_test_find (page, is_row_titled, traction_alert_title (alert->kind)) == alert_row);
    assert_shows (page, "Acknowledged");
  }

  close_window (window);
}

static void
test_first_run_empty (void)
{
  g_autofree char *path = tmp_path ("first-run/new.db");
  TractionWindow *window;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  window = traction_application_open_database (app, path);
  wait_until_mapped (GTK_WIDGET (window));

  assert_shows (GTK_WIDGET (window), "Welcome to Traction");
  g_assert_null (traction_window_get_store (window));
  g_assert_null (traction_window_get_view (window));
  /* Nothing is written before the founder chooses. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  wait_for_idle ();

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (traction_window_get_store (window));
  g_assert_cmpstr (traction_window_get_view (window), ==, "today");
  assert_shows (GTK_WIDGET (window), "Nothing Needs You Yet");
  g_assert_null (find_label (GTK_WIDGET (window), "Welcome to Traction", TRUE));

  close_window (window);
}

static void
test_first_run_sample (void)
{
  g_autofree char *path = tmp_path ("first-run/sample.db");
  g_autoptr(TractionToday) today = NULL;
  g_autoptr(GError) error = NULL;
  const TractionStalledDeal *stalled;
  TractionWindow *window;
  GDate date;

  window = traction_application_open_database (app, path);
  wait_until_mapped (GTK_WIDGET (window));
  assert_shows (GTK_WIDGET (window), "Load Sample Company");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL));
  wait_for_idle ();

  g_assert_nonnull (traction_window_get_store (window));
  traction_date_today (&date);
  today = traction_store_load_today (traction_window_get_store (window), &date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->stalled->len, >, 0);
  stalled = g_ptr_array_index (today->stalled, 0);
  assert_shows (GTK_WIDGET (window), stalled->deal);

  close_window (window);
}

static void
test_corrupt_file (void)
{
  g_autofree char *dir = tmp_path ("corrupt");
  g_autofree char *path = g_build_filename (dir, "corrupt.db", NULL);
  g_autoptr(GBytes) garbage = NULL;
  AdwMessageDialog *dialog;
  TractionWindow *window;

  /* A folder of its own: backups live beside the database. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  garbage = write_garbage (path);

  window = traction_application_open_database (app, path);
  wait_until_mapped (GTK_WIDGET (window));

  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  /* No backups: nothing to restore. */
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_null (traction_window_get_store (window));
  assert_shows (GTK_WIDGET (window), "Could Not Open the Database");

  /* Quit closes the window and leaves the file as it was. */
  g_object_ref (window);
  respond (dialog, "quit");
  g_assert_finalize_object (window);
  assert_file_is (path, garbage);
}

static void
test_corrupt_restore (void)
{
  g_autofree char *dir = tmp_path ("restore");
  g_autofree char *path = g_build_filename (dir, "traction.db", NULL);
  g_autoptr(TractionStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  AdwMessageDialog *dialog;
  TractionWindow *window;
  const char *name;
  GDate date;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  traction_date_today (&date);
  store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  traction_store_load_sample (store, &date, &error);
  g_assert_no_error (error);
  g_date_subtract_days (&date, 1);
  traction_store_backup_daily (store, &date, 7, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  garbage = write_garbage (path);
  g_unlink (wal);
  g_unlink (shm);

  window = traction_application_open_database (app, path);
  wait_until_mapped (GTK_WIDGET (window));

  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  respond (dialog, "restore");

  /* Asks before replacing anything. */
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "traction.db"));
  assert_file_is (path, garbage);

  respond (dialog, "restore");

  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (traction_window_get_store (window));
  g_assert_cmpstr (traction_window_get_view (window), ==, "today");

  /* The replaced file is kept beside it. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "traction.db.replaced-"))
      kept = g_build_filename (dir, name, NULL);
  g_assert_nonnull (kept);
  assert_file_is (kept, garbage);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_setenv ("TRACTION_TODAY", TEST_TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  tmp_dir = traction_test_make_dir ("traction-ui");
  /* Keep $XDG_DATA_HOME out of it: nothing below opens the default path. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* Stack transitions keep the old page mapped while they run. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = traction_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/today/sample", test_today_sample);
  g_test_add_func ("/ui/first-run/empty", test_first_run_empty);
  g_test_add_func ("/ui/first-run/sample", test_first_run_sample);
  g_test_add_func ("/ui/open/corrupt", test_corrupt_file);
  g_test_add_func ("/ui/open/corrupt-restore", test_corrupt_restore);

  result = g_test_run ();

  g_clear_object (&app);
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return result;
}
