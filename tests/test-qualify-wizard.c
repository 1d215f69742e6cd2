/* test-qualify-wizard.c: the qualification wizard by keyboard: through
 * every step with 1–5 and Enter, a scoring added on save, the follow-up
 * set, and the stage offer taken; Escape asks before discarding (needs a
 * display: xvfb-run -a; without one it reports a skip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "traction-qualify-wizard-private.h"
#include "traction-store-deals.h"
#include "traction-store-qualify.h"

static char *tmp_dir;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
key (TractionQualifyWizard *wizard,
     guint                  keyval)
{
  traction_qualify_wizard_key (wizard, keyval, 0);
  iterate ();
}

static gint64
new_lead (TractionStore *store)
{
  g_autoptr(GError) error = NULL;
  TractionNewDeal deal = { 0, "Kestrel Labs", "Payments API", 4800000, 0, TRACTION_SOURCE_INBOUND, NULL, { 0 } };
  gint64 id = 0;

  g_date_clear (&deal.expected_close, 1);
  g_assert_true (traction_store_create_deal (store, &deal, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_keyboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "wizard.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  g_autoptr(TractionQualification) q = NULL;
  TractionQualifyWizard *wizard;
  AdwMessageDialog *dialog;
  gint64 deal;

  g_assert_no_error (error);
  deal = new_lead (store);
  wizard = traction_qualify_wizard_new (store, deal, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_window_present (GTK_WINDOW (wizard));
  g_object_unref (wizard);  /* GTK keeps the toplevel */
  iterate ();

  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_PROFILE);
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_BUDGET);

  /* 5 4 2 1 = 12: Medium, Qualified offered. Digits outside a step's
   * score buttons do nothing. */
  key (wizard, GDK_KEY_5);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_4);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_KP_2);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_1);
  g_assert_cmpint (traction_qualify_wizard_get_total (wizard), ==, 12);
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_DECISION);
  key (wizard, GDK_KEY_3);
  g_assert_cmpint (traction_qualify_wizard_get_total (wizard), ==, 12);

  /* SPIN: notes typed into the fields; Enter goes on field by field. */
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_SPIN);
  gtk_editable_set_text (traction_qualify_wizard_get_field (wizard, "spin-0"), "Three engineers on payments");
  gtk_editable_set_text (traction_qualify_wizard_get_field (wizard, "spin-1"), "Integrations take 7 months");

  /* Escape asks; keeping goes on where we were. */
  key (wizard, GDK_KEY_Escape);
  dialog = traction_qualify_wizard_get_dialog (wizard);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  iterate ();
  g_assert_null (traction_qualify_wizard_get_dialog (wizard));
  g_assert_nonnull (wizard);

  /* Enter: Problem, Implication, Need-Payoff, then the next step. */
  for (int i = 0; i < 3; i++)
    {
      key (wizard, GDK_KEY_Return);
      g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_SPIN);
    }
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_FIT);
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_MEDDIC);
  key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_NEXT);
  /* The band's follow-up is filled in: 14 days for Medium. */
  g_assert_cmpstr (gtk_editable_get_text (traction_qualify_wizard_get_field (wizard, "follow-up")), ==, "2026-12-06");
  gtk_editable_set_text (traction_qualify_wizard_get_field (wizard, "action-0"), "Send the one-pager");

  /* Enter walks the last step's fields (action, due, action 2, due 2,
   * follow-up), then saves and offers Qualified. */
  for (int i = 0; i < 4; i++)
    {
      key (wizard, GDK_KEY_Return);
      g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 0);
    }
  key (wizard, GDK_KEY_Return);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 1);
  q = traction_store_latest_qualification (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q->bant.budget, ==, 5);
  g_assert_cmpint (q->bant.timeline, ==, 1);
  g_assert_cmpstr (q->spin[TRACTION_SPIN_PROBLEM], ==, "Integrations take 7 months");
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM next_steps WHERE action = 'Follow up'"
                                                   " AND due_on = '2026-12-06'"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM next_steps"
                                                   " WHERE action = 'Send the one-pager'"), ==, 1);

  dialog = traction_qualify_wizard_get_dialog (wizard);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "move");
  iterate ();
  g_assert_cmpint (traction_test_query_int (store, "SELECT stage = 'qualified' FROM deals"), ==, 1);
  g_assert_null (wizard);  /* closed after the offer */
}

static void
test_disqualify_and_discard (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "disqualify.db", NULL);
  g_autoptr(TractionStore) store = traction_store_open (path, TRUE, &error);
  TractionQualifyWizard *wizard;
  AdwMessageDialog *dialog;
  gint64 deal;

  g_assert_no_error (error);
  deal = new_lead (store);

  /* Escape with changes asks; Discard writes nothing. */
  wizard = traction_qualify_wizard_new (store, deal, &error);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_window_present (GTK_WINDOW (wizard));
  g_object_unref (wizard);
  iterate ();
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_1);
  key (wizard, GDK_KEY_Escape);
  dialog = traction_qualify_wizard_get_dialog (wizard);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  iterate ();
  g_assert_null (wizard);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 0);

  /* 1 2 2 2 = 7: below 8, Closed Lost offered with "Disqualified". */
  wizard = traction_qualify_wizard_new (store, deal, &error);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_window_present (GTK_WINDOW (wizard));
  g_object_unref (wizard);
  iterate ();
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_1);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_2);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_2);
  key (wizard, GDK_KEY_Return);
  key (wizard, GDK_KEY_2);
  g_assert_cmpint (traction_qualify_wizard_get_total (wizard), ==, 7);
  for (int i = 0; i < 20 && traction_qualify_wizard_get_step (wizard) != TRACTION_QUALIFY_STEP_NEXT; i++)
    key (wizard, GDK_KEY_Return);
  g_assert_cmpint (traction_qualify_wizard_get_step (wizard), ==, TRACTION_QUALIFY_STEP_NEXT);
  /* No follow-up for Disqualify. */
  g_assert_cmpstr (gtk_editable_get_text (traction_qualify_wizard_get_field (wizard, "follow-up")), ==, "");
  for (int i = 0; i < 10 && traction_store_count_qualifications (store, deal) == 0; i++)
    key (wizard, GDK_KEY_Return);
  g_assert_cmpuint (traction_store_count_qualifications (store, deal), ==, 1);
  dialog = traction_qualify_wizard_get_dialog (wizard);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "move");
  iterate ();
  g_assert_null (wizard);
  g_assert_cmpint (traction_test_query_int (store, "SELECT stage = 'lost' FROM deals"), ==, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count(*) FROM deals d JOIN loss_reasons r"
                                                   " ON r.id = d.loss_reason_id WHERE r.name = 'Disqualified'"), ==, 1);
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
  tmp_dir = traction_test_make_dir ("traction-qualify-wizard");

  g_test_add_func ("/qualify/wizard/keyboard", test_keyboard);
  g_test_add_func ("/qualify/wizard/disqualify-and-discard", test_disqualify_and_discard);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
