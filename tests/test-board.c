/* test-board.c: the pipeline board on the sample company, under a display
 * (xvfb-run -a): columns against the store, a move through the action
 * (with its dialog), undo, and search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "traction-pipeline-page.h"
#include "traction-deal-item.h"
#include "traction-store-deals.h"

static char *tmp_dir;

static TractionPipelinePage *the_page;

/* Until the main loop is idle and the board has applied its last load. */
static void
wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (the_page != NULL && traction_pipeline_page_is_loading (the_page))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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

static const TractionBoardDeal *
store_deal (TractionStore *store,
            GPtrArray    **keep,
            gint64         id)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  traction_date_today (&today);
  g_clear_pointer (keep, g_ptr_array_unref);
  *keep = traction_store_load_board (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      const TractionBoardDeal *deal = g_ptr_array_index (*keep, i);
      if (deal->deal_id == id)
        return deal;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_columns_match_store (TractionPipelinePage *page,
                            TractionStore        *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  int counts[TRACTION_N_STAGES] = { 0 };
  GDate today;

  traction_date_today (&today);
  deals = traction_store_load_board (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deals->len; i++)
    counts[((TractionBoardDeal *) g_ptr_array_index (deals, i))->stage]++;

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, stage)),
                      ==, (guint) counts[stage]);
}

/* The first deal of a column that passes pred. */
static TractionDealItem *
first_item (TractionPipelinePage *page,
            TractionStage         stage,
            gboolean              want_bant_ok)
{
  GListModel *model = traction_pipeline_page_get_column_model (page, stage);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TractionDealItem) item = g_list_model_get_item (model, i);
      const TractionBoardDeal *deal = traction_deal_item_get_deal (item);

      if ((deal->bant_total >= 12) == want_bant_ok)
        return g_steal_pointer (&item);
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_board_sample (void)
{
  g_autoptr(TractionStore) store = open_sample ("board.db");
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(TractionDealItem) item = NULL;
  GtkWidget *window = gtk_window_new ();
  TractionPipelinePage *page;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 deal_id;
  guint n_qualified;
  guint n_lead;

  page = TRACTION_PIPELINE_PAGE (traction_pipeline_page_new (store));
  the_page = page;
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_idle ();

  /* Each column holds the store's deals of its stage. */
  assert_columns_match_store (page, store);
  g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_LEAD)), >, 0);

  /* A qualified deal (BANT >= 12) moves on through the action, no questions. */
  item = first_item (page, TRACTION_STAGE_QUALIFIED, TRUE);
  g_assert_nonnull (item);
  deal_id = traction_deal_item_get_id (item);
  n_qualified = g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_QUALIFIED));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.move-deal", "(xs)", deal_id, "discovery"));
  /* The card changes column at once; the reload comes from a worker. */
  g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_QUALIFIED)),
                    ==, n_qualified - 1);
  g_assert_true (traction_pipeline_page_is_loading (page));
  wait_for_idle ();
  g_assert_false (traction_pipeline_page_is_loading (page));
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (store_deal (store, &keep, deal_id)->stage, ==, TRACTION_STAGE_DISCOVERY);
  g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_QUALIFIED)),
                    ==, n_qualified - 1);
  assert_columns_match_store (page, store);

  /* Undo (Ctrl+Z's action): back in Qualified. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.undo", NULL));
  wait_for_idle ();
  g_assert_cmpint (store_deal (store, &keep, deal_id)->stage, ==, TRACTION_STAGE_QUALIFIED);
  assert_columns_match_store (page, store);
  g_clear_object (&item);

  /* A Lead with a low or no BANT score: the dialog asks for a reason. */
  item = first_item (page, TRACTION_STAGE_LEAD, FALSE);
  g_assert_nonnull (item);
  deal_id = traction_deal_item_get_id (item);
  n_lead = g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_LEAD));
  traction_pipeline_page_move_deal (page, deal_id, TRACTION_STAGE_QUALIFIED);
  wait_for_idle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  entry = find_named (GTK_WIDGET (dialog), "reason-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Board asked for it");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_idle ();
  g_assert_cmpint (store_deal (store, &keep, deal_id)->stage, ==, TRACTION_STAGE_QUALIFIED);
  g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, TRACTION_STAGE_LEAD)),
                    ==, n_lead - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.undo", NULL));
  wait_for_idle ();
  g_assert_cmpint (store_deal (store, &keep, deal_id)->stage, ==, TRACTION_STAGE_LEAD);
  assert_columns_match_store (page, store);

  /* Search narrows every column to the matching deals, then clears. */
  {
    const TractionBoardDeal *deal = store_deal (store, &keep, deal_id);
    g_autofree char *company = g_strdup (deal->company);
    guint total = 0;

    traction_pipeline_page_set_search_text (page, company);
    for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
      {
        GListModel *model = traction_pipeline_page_get_column_model (page, stage);

        total += g_list_model_get_n_items (model);
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(TractionDealItem) found = g_list_model_get_item (model, i);
            g_autofree char *folded = g_utf8_casefold (company, -1);
            g_assert_nonnull (strstr (traction_deal_item_get_haystack (found), folded));
          }
      }
    g_assert_cmpuint (total, >=, 1);
    traction_pipeline_page_set_search_text (page, "no such company anywhere");
    for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
      g_assert_cmpuint (g_list_model_get_n_items (traction_pipeline_page_get_column_model (page, stage)), ==, 0);
    traction_pipeline_page_set_search_text (page, "");
    assert_columns_match_store (page, store);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  the_page = NULL;
  wait_for_idle ();
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

  g_setenv ("TRACTION_TODAY", "2026-11-22", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmp_dir = g_dir_make_tmp ("traction-board-XXXXXX", NULL);
  g_test_add_func ("/board/sample", test_board_sample);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (tmp_dir, name, NULL);
        g_unlink (child);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
