/* test-demo.c: demo plans and sales enablement assets (DOMAIN.md §9):
 * the rules (total and over-length warning, staleness at exactly 30
 * days, statuses per kind, pains from SPIN notes), the plan's ordering
 * through add, move, delete and restore, assets with Undo, and the stale
 * assets on Today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "traction-demo.h"
#include "traction-store-demo.h"
#include "traction-store-qualify.h"

static char *tmp_dir;

/* Rules */

static void
test_total_and_warning (void)
{
  const int minutes[] = { 12, 10, 10, 8 };
  const int negative[] = { 5, -3 };
  g_autofree char *fits = NULL;
  g_autofree char *over = NULL;

  g_assert_cmpint (traction_demo_total_minutes (minutes, 4), ==, 40);
  g_assert_cmpint (traction_demo_total_minutes (NULL, 0), ==, 0);
  g_assert_cmpint (traction_demo_total_minutes (negative, 2), ==, 5);
  g_assert_false (traction_demo_over_length (40, 45));
  g_assert_false (traction_demo_over_length (45, 45));
  g_assert_true (traction_demo_over_length (46, 45));
  fits = traction_demo_total_text (40, 45);
  over = traction_demo_total_text (52, 45);
  g_assert_cmpstr (fits, ==, "40 of 45 minutes");
  g_assert_cmpstr (over, ==, "52 of 45 minutes: 7 over the meeting");
}

static void
test_staleness (void)
{
  GDate today, day;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  day = today;
  g_date_subtract_days (&day, 29);
  g_assert_cmpint (traction_asset_age_days (&day, &today), ==, 29);
  g_assert_false (traction_asset_is_stale (&day, &today, 30));
  g_date_subtract_days (&day, 1);
  g_assert_cmpint (traction_asset_age_days (&day, &today), ==, 30);
  g_assert_true (traction_asset_is_stale (&day, &today, 30));
  g_assert_false (traction_asset_is_stale (&today, &today, 30));
  g_date_clear (&day, 1);
  g_assert_true (traction_asset_is_stale (&day, &today, 30));
}

static void
test_statuses (void)
{
  TractionAssetStatus list[3];
  TractionAssetKind kind;
  TractionAssetStatus status;

  g_assert_true (traction_asset_status_applies (TRACTION_ASSET_CASE_STUDY, TRACTION_ASSET_PUBLISHED));
  g_assert_false (traction_asset_status_applies (TRACTION_ASSET_CASE_STUDY, TRACTION_ASSET_READY));
  g_assert_true (traction_asset_status_applies (TRACTION_ASSET_PITCH_DECK, TRACTION_ASSET_NEEDS_UPDATE));
  g_assert_false (traction_asset_status_applies (TRACTION_ASSET_PITCH_DECK, TRACTION_ASSET_IN_PROGRESS));
  g_assert_cmpint (traction_asset_statuses_for (TRACTION_ASSET_CASE_STUDY, list), ==, 3);
  g_assert_cmpint (list[0], ==, TRACTION_ASSET_NOT_STARTED);
  g_assert_cmpint (list[2], ==, TRACTION_ASSET_PUBLISHED);
  traction_asset_statuses_for (TRACTION_ASSET_ONE_PAGER, list);
  g_assert_cmpint (list[0], ==, TRACTION_ASSET_DRAFT);
  g_assert_cmpint (list[2], ==, TRACTION_ASSET_NEEDS_UPDATE);
  g_assert_cmpstr (traction_asset_status_label (TRACTION_ASSET_NEEDS_UPDATE), ==, "Needs update");
  g_assert_cmpstr (traction_asset_kind_label (TRACTION_ASSET_RATE_CARD), ==, "Pricing rate card");
  g_assert_true (traction_asset_kind_from_id ("battlecard", &kind));
  g_assert_cmpint (kind, ==, TRACTION_ASSET_BATTLECARD);
  g_assert_false (traction_asset_kind_from_id ("poster", &kind));
  g_assert_true (traction_asset_status_from_id ("in_progress", &status));
  g_assert_cmpint (status, ==, TRACTION_ASSET_IN_PROGRESS);
  g_assert_cmpstr (traction_proof_kind_label (TRACTION_PROOF_REFERENCE), ==, "Reference client");
}

static void
test_suggest_pains (void)
{
  g_auto(GStrv) pains = traction_demo_suggest_pains ("Their ledger breaks with every new product; Reconciliation is manual!\n"
                                                     "- Onboarding takes 3.5 weeks\n\n",
                                                     "reconciliation is manual\nThe board asks for a date");
  g_auto(GStrv) none = traction_demo_suggest_pains (NULL, "  \n ");

  g_assert_cmpuint (g_strv_length (pains), ==, 4);
  g_assert_cmpstr (pains[0], ==, "Their ledger breaks with every new product");
  g_assert_cmpstr (pains[1], ==, "Reconciliation is manual");
  g_assert_cmpstr (pains[2], ==, "Onboarding takes 3.5 weeks");
  g_assert_cmpstr (pains[3], ==, "The board asks for a date");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_move (void)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 i = 1; i <= 4; i++)
    g_array_append_val (ids, i);
  g_assert_true (traction_demo_move (ids, 0, 2));
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 1);
  g_assert_true (traction_demo_move (ids, 3, 0));
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 4);
  g_assert_false (traction_demo_move (ids, 1, 1));
  g_assert_false (traction_demo_move (ids, 1, 4));
}

/* Store */

static TractionStore *
sample_store (const char *name,
              GDate      *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_date_clear (today, 1);
  g_date_set_dmy (today, 22, 11, 2026);
  g_assert_true (traction_store_load_sample (store, today, &error));
  g_assert_no_error (error);
  return store;
}

static void
assert_pains (TractionStore *store,
              gint64         deal_id,
              const char    *first,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionDemoPlan) plan = traction_store_load_demo_plan (store, deal_id, &error);
  const char *pain = first;
  va_list args;
  guint i = 0;

  g_assert_no_error (error);
  va_start (args, first);
  for (; pain != NULL; pain = va_arg (args, const char *), i++)
    {
      const TractionDemoItem *item;

      g_assert_cmpuint (i, <, plan->items->len);
      item = g_ptr_array_index (plan->items, i);
      g_assert_cmpstr (item->pain, ==, pain);
      g_assert_cmpint (item->position, ==, (int) i);
    }
  va_end (args);
  g_assert_cmpuint (i, ==, plan->items->len);
  /* Stored positions are dense and in order. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT group_concat (position, ',') FROM"
                                            " (SELECT position FROM demo_plan_items WHERE deal_id = %" G_GINT64_FORMAT
                                            " ORDER BY position)", deal_id);
    g_autofree char *positions = traction_test_query_text (store, sql);
    GString *expected = g_string_new (NULL);

    for (guint k = 0; k < i; k++)
      g_string_append_printf (expected, k > 0 ? ",%u" : "%u", k);
    g_assert_cmpstr (positions != NULL ? positions : "", ==, expected->str);
    g_string_free (expected, TRUE);
  }
}

static gint64
add_item (TractionStore *store,
          gint64         deal_id,
          const char    *pain,
          int            minutes)
{
  g_autoptr(TractionDemoItem) item = traction_demo_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  item->deal_id = deal_id;
  g_free (item->pain);
  item->pain = g_strdup (pain);
  item->minutes = minutes;
  g_assert_true (traction_store_add_demo_item (store, item, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_plan_ordering (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  g_autoptr(TractionStore) store = sample_store ("ordering.db", &today);
  g_autoptr(TractionDemoPlan) empty = NULL;
  g_autoptr(TractionDemoPlan) plan = NULL;
  g_autoptr(TractionDemoItem) blank = traction_demo_item_new ();
  TractionDemoItem *removed = NULL;
  gint64 deal = 0, a, b, c;
  gboolean over = TRUE;

  g_assert_true (traction_store_find_deal (store, "Pinecrest", &deal, &error));
  empty = traction_store_load_demo_plan (store, deal, &error);
  g_assert_no_error (error);
  g_assert_false (empty->saved);
  g_assert_cmpint (empty->meeting_minutes, ==, TRACTION_DEMO_DEFAULT_MEETING);
  g_assert_cmpuint (empty->items->len, ==, 0);

  a = add_item (store, deal, "Launch slipped", 20);
  b = add_item (store, deal, "  Manual reconciliation  ", 15);
  c = add_item (store, deal, "No virtual accounts", 10);
  assert_pains (store, deal, "Launch slipped", "Manual reconciliation", "No virtual accounts", NULL);

  /* Move the last first, then the first to the end. */
  g_assert_true (traction_store_move_demo_item (store, c, 0, &error));
  assert_pains (store, deal, "No virtual accounts", "Launch slipped", "Manual reconciliation", NULL);
  g_assert_true (traction_store_move_demo_item (store, c, 99, &error));
  assert_pains (store, deal, "Launch slipped", "Manual reconciliation", "No virtual accounts", NULL);
  g_assert_true (traction_store_move_demo_item (store, b, 0, &error));
  assert_pains (store, deal, "Manual reconciliation", "Launch slipped", "No virtual accounts", NULL);

  /* Delete the middle one; Undo puts it back in its place. */
  g_assert_true (traction_store_delete_demo_item (store, a, &removed, &error));
  g_assert_cmpint (removed->position, ==, 1);
  assert_pains (store, deal, "Manual reconciliation", "No virtual accounts", NULL);
  g_assert_true (traction_store_restore_demo_item (store, removed, &error));
  g_assert_no_error (error);
  traction_demo_item_free (removed);
  assert_pains (store, deal, "Manual reconciliation", "Launch slipped", "No virtual accounts", NULL);

  /* 45 minutes: the plan fits; at 40 it runs 5 over. */
  plan = traction_store_load_demo_plan (store, deal, &error);
  g_assert_true (plan->saved);
  g_assert_cmpint (traction_demo_plan_total (plan, &over), ==, 45);
  g_assert_false (over);
  g_clear_pointer (&plan, traction_demo_plan_free);
  g_assert_true (traction_store_set_demo_meeting (store, deal, 40, &error));
  plan = traction_store_load_demo_plan (store, deal, &error);
  g_assert_cmpint (plan->meeting_minutes, ==, 40);
  g_assert_cmpint (traction_demo_plan_total (plan, &over), ==, 45);
  g_assert_true (over);

  /* Bad input is refused and changes nothing. */
  g_assert_false (traction_store_set_demo_meeting (store, deal, 0, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  blank->deal_id = deal;
  g_assert_false (traction_store_add_demo_item (store, blank, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (traction_store_move_demo_item (store, 999999, 0, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (traction_store_load_demo_plan (store, 999999, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_pains (store, deal, "Manual reconciliation", "Launch slipped", "No virtual accounts", NULL);
}

static void
test_plan_edit_and_suggest (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  g_autoptr(TractionStore) store = sample_store ("suggest.db", &today);
  g_autoptr(TractionDemoPlan) plan = NULL;
  g_autoptr(TractionDemoItem) item = NULL;
  g_auto(GStrv) suggested = NULL;
  g_autoptr(TractionQualification) q = NULL;
  gint64 deal = 0;

  /* Lodestar's plan (sample) already holds its SPIN pains but one. */
  g_assert_true (traction_store_find_deal (store, "Lodestar", &deal, &error));
  q = traction_store_latest_qualification (store, deal, &error);
  g_assert_nonnull (q);
  suggested = traction_store_suggest_demo_pains (store, deal, &error);
  g_assert_no_error (error);
  for (guint i = 0; suggested[i] != NULL; i++)
    g_assert_true (strstr (q->spin[TRACTION_SPIN_PROBLEM], suggested[i]) != NULL ||
                   strstr (q->spin[TRACTION_SPIN_IMPLICATION], suggested[i]) != NULL);

  plan = traction_store_load_demo_plan (store, deal, &error);
  g_assert_cmpuint (plan->items->len, ==, 4);
  item = traction_demo_item_copy (g_ptr_array_index (plan->items, 3));
  g_free (item->capability);
  item->capability = g_strdup ("Virtual accounts live in sandbox");
  item->proof_kind = TRACTION_PROOF_METRIC;
  item->minutes = 6;
  g_assert_true (traction_store_update_demo_item (store, item, &error));
  g_clear_pointer (&plan, traction_demo_plan_free);
  plan = traction_store_load_demo_plan (store, deal, &error);
  g_clear_pointer (&item, traction_demo_item_free);
  item = traction_demo_item_copy (g_ptr_array_index (plan->items, 3));
  g_assert_cmpstr (item->capability, ==, "Virtual accounts live in sandbox");
  g_assert_cmpint (item->proof_kind, ==, TRACTION_PROOF_METRIC);
  g_assert_cmpint (item->minutes, ==, 6);
  g_assert_cmpint (traction_demo_plan_total (plan, NULL), ==, 38);
}

static void
test_assets (void)
{
  g_autoptr(GError) error = NULL;
  GDate today, day;
  g_autoptr(TractionStore) store = sample_store ("assets.db", &today);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(TractionAsset) asset = traction_asset_new ();
  g_autoptr(TractionToday) on_today = NULL;
  TractionAsset *removed = NULL;
  gint64 id = 0, case_study = 0;
  guint n, n_stale;

  assets = traction_store_list_assets (store, &today, &error);
  g_assert_no_error (error);
  n = assets->len;
  g_assert_cmpuint (n, >=, 7);
  for (guint i = 0; i < assets->len; i++)
    {
      TractionAsset *a = g_ptr_array_index (assets, i);

      g_assert_true (traction_asset_status_applies (a->kind, a->status));
      if (a->kind == TRACTION_ASSET_CASE_STUDY)
        case_study = a->id;
    }
  g_assert_cmpint (case_study, >, 0);
  stale = traction_store_list_stale_assets (store, &today, &error);
  n_stale = stale->len;
  for (guint i = 0; i < stale->len; i++)
    g_assert_cmpint (((TractionAsset *) g_ptr_array_index (stale, i))->age_days, >=, 30);
  g_clear_pointer (&stale, g_ptr_array_unref);

  /* 29 days old: not flagged; touched back 30 days: flagged. */
  asset->kind = TRACTION_ASSET_BATTLECARD;
  asset->status = TRACTION_ASSET_DRAFT;
  g_free (asset->title);
  asset->title = g_strdup ("Battlecard: Incumbent Bank");
  day = today;
  g_date_subtract_days (&day, 29);
  asset->updated_on = day;
  g_assert_true (traction_store_save_asset (store, asset, &id, &error));
  g_assert_no_error (error);
  stale = traction_store_list_stale_assets (store, &today, &error);
  g_assert_cmpuint (stale->len, ==, n_stale);
  g_clear_pointer (&stale, g_ptr_array_unref);
  asset->id = id;
  g_date_subtract_days (&asset->updated_on, 1);
  g_assert_true (traction_store_save_asset (store, asset, NULL, &error));
  stale = traction_store_list_stale_assets (store, &today, &error);
  g_assert_cmpuint (stale->len, ==, n_stale + 1);
  g_clear_pointer (&stale, g_ptr_array_unref);

  /* Today lists it; marking it reviewed clears it. */
  on_today = traction_store_load_today (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_today->stale_assets->len, ==, n_stale + 1);
  g_assert_true (traction_store_touch_asset (store, id, &today, &error));
  stale = traction_store_list_stale_assets (store, &today, &error);
  g_assert_cmpuint (stale->len, ==, n_stale);
  g_clear_pointer (&stale, g_ptr_array_unref);

  /* A status of the wrong kind and a blank title are refused. */
  asset->status = TRACTION_ASSET_PUBLISHED;
  g_assert_false (traction_store_save_asset (store, asset, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  asset->status = TRACTION_ASSET_READY;
  g_free (asset->title);
  asset->title = g_strdup ("   ");
  g_assert_false (traction_store_save_asset (store, asset, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting the case study a plan shows, then Undo, links it again. */
  g_assert_cmpint (traction_test_query_int (store, "SELECT count (*) FROM demo_plan_items WHERE asset_id IS NOT NULL"), ==, 1);
  g_assert_true (traction_store_delete_asset (store, case_study, &removed, &error));
  g_assert_cmpuint (removed->uses->len, ==, 1);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count (*) FROM demo_plan_items WHERE asset_id IS NOT NULL"), ==, 0);
  g_assert_true (traction_store_restore_asset (store, removed, &error));
  g_assert_no_error (error);
  traction_asset_free (removed);
  g_assert_cmpint (traction_test_query_int (store, "SELECT count (*) FROM demo_plan_items WHERE asset_id IS NOT NULL"), ==, 1);
  g_clear_pointer (&assets, g_ptr_array_unref);
  assets = traction_store_list_assets (store, &today, &error);
  g_assert_cmpuint (assets->len, ==, n + 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = traction_test_make_dir ("traction-demo");

  g_test_add_func ("/demo/rules/total-and-warning", test_total_and_warning);
  g_test_add_func ("/demo/rules/staleness-30-days", test_staleness);
  g_test_add_func ("/demo/rules/statuses", test_statuses);
  g_test_add_func ("/demo/rules/suggest-pains", test_suggest_pains);
  g_test_add_func ("/demo/rules/move", test_move);
  g_test_add_func ("/demo/store/plan-ordering", test_plan_ordering);
  g_test_add_func ("/demo/store/edit-and-suggest", test_plan_edit_and_suggest);
  g_test_add_func ("/demo/store/assets", test_assets);

  status = g_test_run ();
  traction_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
