/* test-deal-pane.c: the deal pane on the sample company (today is
 * 2026-11-22 through TRACTION_TODAY).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "traction-deal-pane.h"
#include "traction-deal-pane-private.h"
#include "test-util.h"

static char *tmp_dir;

static void
wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
query_int (TractionStore *store,
           const char    *sql,
           gint64         deal_id)
{
  sqlite3_stmt *stmt = traction_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (deal_id != 0)
    sqlite3_bind_int64 (stmt, 1, deal_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
close_requested_cb (TractionDealPane *pane,
                    guint            *count)
{
  (*count)++;
}

static void
test_pane_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "sample.db", NULL);
  g_autoptr(TractionStore) store = NULL;
  GtkWidget *window;
  GtkWidget *pane;
  GtkEditable *entry;
  GtkWidget *text;
  GDate today;
  gint64 deal_id;
  guint closes = 0;

  traction_date_today (&today);
  store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (traction_store_load_sample (store, &today, &error));
  g_assert_no_error (error);

  deal_id = query_int (store, "SELECT id FROM deals WHERE stage NOT IN ('won', 'lost') ORDER BY id LIMIT 1", 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  pane = traction_deal_pane_new (store);
  g_object_ref_sink (pane);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));

  traction_deal_pane_set_deal (TRACTION_DEAL_PANE (pane), deal_id);
  wait_for_idle ();
  g_assert_cmpint (traction_deal_pane_get_deal (TRACTION_DEAL_PANE (pane)), ==, deal_id);
  g_assert_cmpstr (gtk_label_get_text (traction_deal_pane_get_company_label (TRACTION_DEAL_PANE (pane))),
                   ==, "Nimbus Payments");

  /* A touchpoint through the quick entry: a call (the default), today. */
  entry = traction_deal_pane_get_touchpoint_entry (TRACTION_DEAL_PANE (pane));
  gtk_editable_set_text (entry, "Called <Priya> about the SLA & pricing");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  wait_for_idle ();
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM touchpoints WHERE deal_id = ?1 AND kind = 'call'"
                              " AND happened_on = '2026-11-22'"
                              " AND summary = 'Called <Priya> about the SLA & pricing'", deal_id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* Ctrl+3 picked Email: the action behind it. */
  gtk_widget_activate_action (pane, "pane.touchpoint-kind", "s", "email");
  gtk_editable_set_text (entry, "Sent the order form");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  wait_for_idle ();
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM touchpoints WHERE deal_id = ?1 AND kind = 'email'"
                              " AND summary = 'Sent the order form'", deal_id), ==, 1);

  /* A next step: due in two days, owned by the deal's owner. */
  entry = traction_deal_pane_get_step_entry (TRACTION_DEAL_PANE (pane));
  gtk_editable_set_text (entry, "Chase the signature");
  text = GTK_WIDGET (gtk_editable_get_delegate (entry));
  g_signal_emit_by_name (text, "activate");
  wait_for_idle ();
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM next_steps n JOIN deals d ON d.id = n.deal_id"
                              " WHERE n.deal_id = ?1 AND n.action = 'Chase the signature'"
                              " AND n.due_on = '2026-11-24' AND n.owner_id IS d.owner_id"
                              " AND n.done_on IS NULL", deal_id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* Escape and the close button ask the host to close. */
  g_signal_connect (pane, "close-requested", G_CALLBACK (close_requested_cb), &closes);
  gtk_widget_activate_action (pane, "pane.close", NULL);
  g_assert_cmpuint (closes, ==, 1);

  /* No deal: the empty state. */
  traction_deal_pane_set_deal (TRACTION_DEAL_PANE (pane), 0);
  g_assert_cmpstr (gtk_label_get_text (traction_deal_pane_get_company_label (TRACTION_DEAL_PANE (pane))), ==, "");

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
  g_assert_finalize_object (pane);
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

  tmp_dir = traction_test_make_dir ("traction-pane");

  g_test_add_func ("/deal-pane/sample", test_pane_sample);

  status = g_test_run ();

  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
