/* test-partners-page.c: the Partners page on the sample company: Pennant
 * Pay is flagged late in the sidebar and in its detail (needs a display:
 * xvfb-run -a; without one it reports a skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "test-util.h"
#include "traction-partners-page.h"
#include "traction-store-partners.h"

static char *tmp_dir;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* TRUE when a GtkLabel under widget reads text exactly. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

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

static void
test_late_partner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "page.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *list;
  GtkWidget *pennant_row = NULL, *marigold_row = NULL;
  gint64 pennant = 0;
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_true (traction_store_find_partner (store, "Pennant Pay", &pennant, &error));

  page = traction_partners_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* The sidebar: two overviews, then the four partners; only Pennant Pay
   * carries the "Late" flag. */
  list = find_type (page, GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Pennant Pay") == 0)
        pennant_row = row;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Marigold Credit Union") == 0)
        marigold_row = row;
    }
  g_assert_nonnull (pennant_row);
  g_assert_nonnull (marigold_row);
  g_assert_true (has_label (pennant_row, "Late"));
  g_assert_false (has_label (marigold_row, "Late"));

  /* Its detail says which milestone is late. */
  traction_partners_page_select (TRACTION_PARTNERS_PAGE (page), pennant);
  iterate ();
  g_assert_cmpint (traction_partners_page_get_selected (TRACTION_PARTNERS_PAGE (page)), ==, pennant);
  g_assert_true (has_label_prefix (page, "Late: Production deployment"));
  g_assert_true (gtk_widget_is_sensitive (page));

  /* Marking production done clears the flag (and Today's entry). */
  g_assert_true (traction_store_set_milestone_done (store, pennant, 2, &today, &error));
  traction_partners_page_refresh (TRACTION_PARTNERS_PAGE (page));
  iterate ();
  g_assert_false (has_label_prefix (page, "Late: Production deployment"));

  /* The overviews build too. */
  traction_partners_page_select (TRACTION_PARTNERS_PAGE (page), TRACTION_PARTNERS_COMPARE);
  iterate ();
  g_assert_true (has_label (page, "Marigold Credit Union"));
  g_assert_true (has_label (page, "15/25"));
  traction_partners_page_select (TRACTION_PARTNERS_PAGE (page), TRACTION_PARTNERS_REQUESTS);
  iterate ();
  g_assert_true (has_label_prefix (page, "Feature Requests"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
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
  tmp_dir = traction_test_make_dir ("traction-partners-page");

  g_test_add_func ("/partners/page/late-partner", test_late_partner);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
