/* test-providers-page.c: the Providers page and the review dialog on the
 * sample company (needs a display: xvfb-run -a; without one it reports a
 * skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "traction-provider-report.h"
#include "traction-provider-review-dialog.h"
#include "traction-providers-page.h"
#include "traction-store-providers.h"

static char *tmp_dir;

static TractionStore *
open_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);
  GDate today;

  g_assert_no_error (error);
  traction_date_today (&today);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_no_error (error);
  return store;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
count_reviews (TractionStore *store,
               gint64         provider)
{
  g_autoptr(GPtrArray) reviews = traction_store_list_provider_reviews (store, provider, NULL);

  return reviews->len;
}

static void
test_page (void)
{
  g_autoptr(TractionStore) store = open_sample ("page.db");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = traction_providers_page_new (store);
  GtkWidget *stack;
  gint64 meridian = 0;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* The coverage matrix first, then the provider chosen. */
  g_assert_cmpint (traction_providers_page_get_selected (TRACTION_PROVIDERS_PAGE (page)), ==, 0);
  stack = gtk_widget_get_first_child (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");

  g_assert_true (traction_provider_report_find_provider (store, "Meridian Bank", &meridian, &error));
  traction_providers_page_select (TRACTION_PROVIDERS_PAGE (page), meridian);
  iterate ();
  g_assert_cmpint (traction_providers_page_get_selected (TRACTION_PROVIDERS_PAGE (page)), ==, meridian);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  g_assert_true (gtk_widget_activate_action (page, "providers.review", NULL));
  iterate ();

  /* A write elsewhere reloads the page (coalesced into one idle). */
  g_assert_true (traction_store_add_provider (store, "Northstar Rails", TRACTION_PROVIDER_EVALUATING, "", NULL, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpint (traction_providers_page_get_selected (TRACTION_PROVIDERS_PAGE (page)), ==, meridian);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_review_dialog (void)
{
  g_autoptr(TractionStore) store = open_sample ("dialog.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionProviderRow) row = NULL;
  TractionProviderReviewDialog *dialog;
  gint64 helix = 0;
  guint before;
  GDate today;

  traction_date_today (&today);
  g_assert_true (traction_provider_report_find_provider (store, "Helix FX", &helix, &error));
  before = count_reviews (store, helix);

  dialog = TRACTION_PROVIDER_REVIEW_DIALOG (traction_provider_review_dialog_new (store, helix, "Helix FX"));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  /* Pre-filled from the last review (22/40), then every score set. */
  g_assert_cmpint (traction_provider_review_dialog_get_overall (dialog), ==, 22);
  for (int dim = 0; dim < TRACTION_N_DIMENSIONS; dim++)
    traction_provider_review_dialog_set_score (dialog, dim, 5);
  /* Dependency risk 5 counts 1: 7 × 5 + 1. */
  g_assert_cmpint (traction_provider_review_dialog_get_overall (dialog), ==, 36);
  traction_provider_review_dialog_set_score (dialog, TRACTION_DIM_DEPENDENCY, 1);
  traction_provider_review_dialog_set_score (dialog, TRACTION_DIM_EXCLUSIVITY, 1);
  g_assert_cmpint (traction_provider_review_dialog_get_overall (dialog), ==, 36);

  g_assert_true (traction_provider_review_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_reviews (store, helix), ==, before + 1);

  row = traction_store_get_provider (store, helix, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->overall, ==, 36);
  g_assert_cmpint (row->risk, ==, TRACTION_RISK_LOW);
  g_assert_false (row->review_due);

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmp_dir = traction_test_make_dir ("traction-providers-page");

  g_test_add_func ("/providers-page/page", test_page);
  g_test_add_func ("/providers-page/review-dialog", test_review_dialog);

  status = g_test_run ();

  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
