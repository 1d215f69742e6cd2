/* test-providers.c: providers (DOMAIN.md §4): the overall score with the
 * dependency risk inverted, the exclusivity mapping, gap and single point
 * detection, the ARR exposed when a provider fails; the store on small
 * hand-made databases, the sample company and the printed reports.
 *
 * Today is 2026-11-22 unless a test says otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "traction-provider-report.h"
#include "test-util.h"
#include "traction-store-providers.h"

typedef struct {
  char          *dir;
  char          *path;
  TractionStore *store;
} Fixture;

static GDate
make_date (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return date;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = traction_test_make_dir ("traction-providers");
  f->path = g_build_filename (f->dir, "traction.db", NULL);
  f->store = traction_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);

  traction_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Core: scores */

static void
test_overall_risk_inverted (void)
{
  TractionProviderReview review = { 5, 5, 5, 5, 5, 1, 5, TRACTION_EXCLUSIVITY_NONE };
  g_autoptr(GError) error = NULL;
  int overall = -1;

  /* All best, lowest risk: 40. */
  g_assert_true (traction_provider_overall (&review, &overall, &error));
  g_assert_no_error (error);
  g_assert_cmpint (overall, ==, 40);

  /* The same with the highest dependency risk loses 4 points, not gains. */
  review.dependency_risk = 5;
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 36);
  g_assert_cmpint (traction_provider_review_points (&review, TRACTION_DIM_DEPENDENCY), ==, 1);
  g_assert_cmpint (traction_provider_review_get (&review, TRACTION_DIM_DEPENDENCY), ==, 5);

  /* All worst, Hard exclusivity, risk 1 (which scores 5): 6 + 1 + 5 = 12. */
  review = (TractionProviderReview) { 1, 1, 1, 1, 1, 1, 1, TRACTION_EXCLUSIVITY_HARD };
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 12);

  /* The sample's latest Meridian Bank review: 3 2 soft(3) 3 2 3 risk 5 rel 2 = 19. */
  review = (TractionProviderReview) { 3, 2, 3, 2, 3, 5, 2, TRACTION_EXCLUSIVITY_SOFT };
  g_assert_true (traction_provider_overall (&review, &overall, NULL));
  g_assert_cmpint (overall, ==, 3 + 2 + 3 + 3 + 2 + 3 + 1 + 2);

  /* Out of range is refused. */
  review.support = 6;
  g_assert_false (traction_provider_overall (&review, &overall, &error));
  g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE);

  /* Risk levels and flagging. */
  g_assert_cmpint (traction_provider_risk (1), ==, TRACTION_RISK_LOW);
  g_assert_cmpint (traction_provider_risk (2), ==, TRACTION_RISK_LOW);
  g_assert_cmpint (traction_provider_risk (3), ==, TRACTION_RISK_MEDIUM);
  g_assert_cmpint (traction_provider_risk (4), ==, TRACTION_RISK_HIGH);
  g_assert_cmpint (traction_provider_risk (5), ==, TRACTION_RISK_CRITICAL);
}

static void
test_exclusivity_mapping (void)
{
  TractionExclusivity e;

  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_NONE), ==, 5);
  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_SOFT), ==, 3);
  g_assert_cmpint (traction_exclusivity_score (TRACTION_EXCLUSIVITY_HARD), ==, 1);

  for (e = TRACTION_EXCLUSIVITY_NONE; e <= TRACTION_EXCLUSIVITY_HARD; e++)
    {
      TractionExclusivity back;

      g_assert_true (traction_exclusivity_from_id (traction_exclusivity_to_id (e), &back));
      g_assert_cmpint (back, ==, e);
    }
  g_assert_false (traction_exclusivity_from_id ("exclusive", &e));
  g_assert_cmpstr (traction_exclusivity_to_id (TRACTION_EXCLUSIVITY_SOFT), ==, "soft");

  /* The exclusivity dimension counts its 5/3/1 score. */
  {
    TractionProviderReview review = { 3, 3, 3, 3, 3, 3, 3, TRACTION_EXCLUSIVITY_HARD };

    g_assert_cmpint (traction_provider_review_points (&review, TRACTION_DIM_EXCLUSIVITY), ==, 1);
  }
}

/* Core: coverage */

static void
test_coverage_status (void)
{
  g_assert_cmpint (traction_coverage_status (0, 0), ==, TRACTION_COVERAGE_GAP);
  g_assert_cmpint (traction_coverage_status (0, 2), ==, TRACTION_COVERAGE_GAP);
  g_assert_cmpint (traction_coverage_status (1, 0), ==, TRACTION_COVERAGE_SINGLE_POINT);
  g_assert_cmpint (traction_coverage_status (1, 1), ==, TRACTION_COVERAGE_COVERED);
  g_assert_cmpint (traction_coverage_status (2, 0), ==, TRACTION_COVERAGE_COVERED);
  g_assert_cmpint (traction_coverage_status (3, 4), ==, TRACTION_COVERAGE_COVERED);
}

static void
test_coverage_evaluate (void)
{
  /* Products 1..5; providers 10, 11, 12. */
  const TractionCoverageLink links[] = {
    { 1, 10, TRACTION_COVERAGE_PRIMARY },   /* 1: primary + backup */
    { 1, 11, TRACTION_COVERAGE_BACKUP },
    { 2, 10, TRACTION_COVERAGE_PRIMARY },   /* 2: single point */
    { 3, 11, TRACTION_COVERAGE_BACKUP },    /* 3: gap (backup only) */
    { 5, 11, TRACTION_COVERAGE_PRIMARY },   /* 5: two primaries */
    { 5, 12, TRACTION_COVERAGE_PRIMARY },
  };
  const gint64 products[] = { 1, 2, 3, 4, 5 };
  TractionCoverageStatus status[G_N_ELEMENTS (products)];
  TractionCoverageRole role;

  traction_coverage_evaluate (products, G_N_ELEMENTS (products), links, G_N_ELEMENTS (links), status);
  g_assert_cmpint (status[0], ==, TRACTION_COVERAGE_COVERED);
  g_assert_cmpint (status[1], ==, TRACTION_COVERAGE_SINGLE_POINT);
  g_assert_cmpint (status[2], ==, TRACTION_COVERAGE_GAP);
  g_assert_cmpint (status[3], ==, TRACTION_COVERAGE_GAP);      /* no link at all */
  g_assert_cmpint (status[4], ==, TRACTION_COVERAGE_COVERED);

  g_assert_true (traction_coverage_role_from_id ("backup", &role));
  g_assert_cmpint (role, ==, TRACTION_COVERAGE_BACKUP);
  g_assert_false (traction_coverage_role_from_id ("secondary", &role));
  g_assert_cmpstr (traction_coverage_role_to_id (TRACTION_COVERAGE_PRIMARY), ==, "primary");
}

static void
test_coverage_exposure (void)
{
  const TractionCoverageLink links[] = {
    { 1, 10, TRACTION_COVERAGE_PRIMARY },   /* backed up by 11 */
    { 1, 11, TRACTION_COVERAGE_BACKUP },
    { 2, 10, TRACTION_COVERAGE_PRIMARY },   /* nothing else */
    { 2, 10, TRACTION_COVERAGE_PRIMARY },   /* a repeat does not count twice */
    { 3, 10, TRACTION_COVERAGE_BACKUP },    /* backup only: not exposed */
    { 4, 11, TRACTION_COVERAGE_PRIMARY },
  };
  const TractionProductUse uses[] = {
    { 100, 1, 5000000 },   /* client 100 uses 1 and 2: counted once */
    { 100, 2, 5000000 },
    { 101, 2, 2000000 },
    { 102, 3, 9900000 },   /* product 3 only */
    { 103, 1, 0 },         /* churned: no ARR */
    { 104, 4, 700000 },
  };
  g_autoptr(GArray) exposed = NULL;
  g_autoptr(GArray) alone = NULL;
  guint n_clients = 0;
  gint64 arr;

  exposed = traction_coverage_exposed_products (links, G_N_ELEMENTS (links), 10, &alone);
  g_assert_cmpuint (exposed->len, ==, 2);
  g_assert_cmpint (g_array_index (exposed, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (exposed, gint64, 1), ==, 2);
  g_assert_cmpuint (alone->len, ==, 1);
  g_assert_cmpint (g_array_index (alone, gint64, 0), ==, 2);

  arr = traction_coverage_exposed_arr (uses, G_N_ELEMENTS (uses),
                                       (const gint64 *) (gpointer) exposed->data, exposed->len, &n_clients);
  g_assert_cmpint (arr, ==, 7000000);
  g_assert_cmpuint (n_clients, ==, 2);

  arr = traction_coverage_exposed_arr (uses, G_N_ELEMENTS (uses),
                                       (const gint64 *) (gpointer) alone->data, alone->len, &n_clients);
  g_assert_cmpint (arr, ==, 7000000);
  g_assert_cmpuint (n_clients, ==, 2);

  /* No products: nothing exposed. */
  g_assert_cmpint (traction_coverage_exposed_arr (uses, G_N_ELEMENTS (uses), NULL, 0, &n_clients), ==, 0);
  g_assert_cmpuint (n_clients, ==, 0);

  /* A provider that is nobody's primary exposes nothing. */
  g_clear_pointer (&exposed, g_array_unref);
  g_clear_pointer (&alone, g_array_unref);
  exposed = traction_coverage_exposed_products (links, G_N_ELEMENTS (links), 12, &alone);
  g_assert_cmpuint (exposed->len, ==, 0);
  g_assert_cmpuint (alone->len, ==, 0);
}

/* Store */

static const char *small_company =
  "INSERT INTO products (id, name, position) VALUES"
  " (1, 'Payments', 0), (2, 'Cards', 1), (3, 'Payouts', 2);"
  "INSERT INTO providers (id, name, status) VALUES"
  " (1, 'Bank', 'active'), (2, 'Processor', 'active'), (3, 'Newcomer', 'evaluating');"
  /* Bank: two reviews, the latest 30 days ago with risk 5. */
  "INSERT INTO provider_reviews (provider_id, reviewed_on, reliability, pricing, exclusivity,"
  " integration_maturity, support, regulatory, dependency_risk, relationship, pricing_note) VALUES"
  " (1, '2026-06-01', 4, 4, 'none', 4, 4, 4, 2, 4, 'old rate'),"
  " (1, '2026-10-23', 3, 3, 'soft', 3, 3, 3, 5, 3, '0.3% per card');"
  /* Processor: reviewed 120 days ago, risk 2: review due. */
  "INSERT INTO provider_reviews (provider_id, reviewed_on, reliability, pricing, exclusivity,"
  " integration_maturity, support, regulatory, dependency_risk, relationship) VALUES"
  " (2, '2026-07-25', 5, 4, 'none', 5, 4, 5, 2, 5);"
  "INSERT INTO product_coverage (product_id, provider_id, role) VALUES"
  " (1, 2, 'primary'), (1, 1, 'backup'),"   /* Payments covered */
  " (2, 1, 'primary'),"                      /* Cards: single point on the Bank */
  " (3, 1, 'backup');"                       /* Payouts: gap */
  "INSERT INTO accounts (id, name, created_on) VALUES"
  " (1, 'Acme', '2025-01-01'), (2, 'Birch', '2025-01-01'), (3, 'Cobalt', '2025-01-01'),"
  " (4, 'Gone', '2025-01-01');"
  "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) VALUES"
  " (1, '2025-02-01', 'new', 6000000),"
  " (1, '2026-05-01', 'expansion-upsell', 1000000),"
  " (2, '2025-03-01', 'new', 2500000),"
  " (3, '2025-03-01', 'new', 4000000),"
  " (4, '2025-03-01', 'new', 1000000),"
  " (4, '2026-01-01', 'churn', 1000000),"
  " (2, '2026-12-01', 'expansion-upsell', 9900000);"   /* after today: not counted */
  "INSERT INTO account_products (account_id, product_id, since_on) VALUES"
  " (1, 1, '2025-02-01'), (1, 2, '2025-02-01'),"
  " (2, 2, '2025-03-01'),"
  " (3, 1, '2025-03-01'),"
  " (4, 2, '2025-03-01');";

static void
test_store_registry (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GDate today = make_date (2026, 11, 22);
  const TractionProviderRow *bank, *processor, *newcomer;
  gint64 id = 0;

  traction_test_exec (f->store, small_company);

  providers = traction_store_list_providers (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (providers->len, ==, 3);

  bank = g_ptr_array_index (providers, 0);
  g_assert_cmpstr (bank->name, ==, "Bank");
  g_assert_cmpuint (bank->n_reviews, ==, 2);
  /* The latest review counts: 3+3+3(soft)+3+3+3+(6-5)+3 = 22. */
  g_assert_cmpint (bank->overall, ==, 22);
  g_assert_cmpint (bank->dependency_risk, ==, 5);
  g_assert_cmpint (bank->risk, ==, TRACTION_RISK_CRITICAL);
  g_assert_false (bank->review_due);
  g_assert_cmpint (bank->days_since_review, ==, 30);

  newcomer = g_ptr_array_index (providers, 1);
  g_assert_cmpstr (newcomer->name, ==, "Newcomer");
  g_assert_cmpint (newcomer->overall, ==, -1);
  g_assert_true (newcomer->review_due);
  g_assert_cmpint (newcomer->status, ==, TRACTION_PROVIDER_EVALUATING);

  processor = g_ptr_array_index (providers, 2);
  g_assert_cmpint (processor->overall, ==, 5 + 4 + 5 + 5 + 4 + 5 + 4 + 5);
  g_assert_true (processor->review_due);           /* 120 days >= 90 */
  g_assert_cmpint (processor->risk, ==, TRACTION_RISK_LOW);

  /* Reviews due: never reviewed first, then the longest overdue. */
  due = traction_store_list_reviews_due (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((TractionProviderRow *) g_ptr_array_index (due, 0))->name, ==, "Newcomer");
  g_assert_cmpstr (((TractionProviderRow *) g_ptr_array_index (due, 1))->name, ==, "Processor");

  /* Exactly 90 days is due, 89 is not. */
  {
    g_autoptr(TractionProviderRow) row = NULL;
    GDate day89 = make_date (2026, 10, 23);
    GDate day90 = make_date (2026, 10, 23);

    g_date_add_days (&day89, 89);
    g_date_add_days (&day90, 90);
    row = traction_store_get_provider (f->store, 1, &day89, &error);
    g_assert_no_error (error);
    g_assert_false (row->review_due);
    g_clear_pointer (&row, traction_provider_row_free);
    row = traction_store_get_provider (f->store, 1, &day90, &error);
    g_assert_true (row->review_due);
  }

  /* Add and edit; a name is required. */
  g_assert_true (traction_store_add_provider (f->store, "  Helix  ", TRACTION_PROVIDER_INTEGRATING, "Raj", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (traction_store_add_provider (f->store, " ", TRACTION_PROVIDER_ACTIVE, "", NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (traction_store_update_provider (f->store, id, "Helix FX", TRACTION_PROVIDER_ACTIVE, "Raj Patel", "FX", &error));
  g_assert_no_error (error);
  {
    g_autoptr(TractionProviderRow) row = traction_store_get_provider (f->store, id, &today, &error);

    g_assert_cmpstr (row->name, ==, "Helix FX");
    g_assert_cmpstr (row->contact, ==, "Raj Patel");
    g_assert_cmpint (row->status, ==, TRACTION_PROVIDER_ACTIVE);
  }
  g_assert_false (traction_store_update_provider (f->store, 999, "X", TRACTION_PROVIDER_ACTIVE, "", "", &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
}

static void
test_store_reviews (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  TractionProviderReviewRow review = { 0 };
  TractionProviderReviewRow *kept;
  gint64 id = 0;

  traction_test_exec (f->store, small_company);

  review.provider_id = 3;
  review.reviewed_on = make_date (2026, 11, 22);
  review.scores = (TractionProviderReview) { 4, 3, 4, 4, 4, 4, 4, TRACTION_EXCLUSIVITY_SOFT };
  review.notes[TRACTION_DIM_PRICING] = (char *) "$0.90 per check";
  review.notes[TRACTION_DIM_EXCLUSIVITY] = (char *) "Notice of 30 days to add another vendor";
  review.action_items = (char *) "Negotiate volume tier";
  g_assert_true (traction_store_add_provider_review (f->store, &review, &id, &error));
  g_assert_no_error (error);

  /* A bad score is refused, and nothing written. */
  review.scores.dependency_risk = 0;
  g_assert_false (traction_store_add_provider_review (f->store, &review, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  reviews = traction_store_list_provider_reviews (f->store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  kept = traction_provider_review_row_copy (g_ptr_array_index (reviews, 0));
  g_assert_cmpint (kept->id, ==, id);
  g_assert_cmpint (kept->overall, ==, 4 + 3 + 3 + 4 + 4 + 4 + 2 + 4);
  g_assert_cmpint (kept->scores.exclusivity, ==, TRACTION_EXCLUSIVITY_SOFT);
  g_assert_cmpstr (kept->notes[TRACTION_DIM_PRICING], ==, "$0.90 per check");
  g_assert_cmpstr (kept->notes[TRACTION_DIM_EXCLUSIVITY], ==, "Notice of 30 days to add another vendor");
  g_assert_cmpstr (kept->notes[TRACTION_DIM_RELIABILITY], ==, "");
  g_assert_cmpstr (kept->action_items, ==, "Negotiate volume tier");

  /* Every review is kept: Bank has both, oldest first. */
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = traction_store_list_provider_reviews (f->store, 1, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpint (((TractionProviderReviewRow *) g_ptr_array_index (reviews, 0))->overall, ==, 4 * 6 + 5 + 4);
  g_assert_cmpint (((TractionProviderReviewRow *) g_ptr_array_index (reviews, 1))->overall, ==, 22);

  /* Delete, then undo: it comes back with its id. */
  g_assert_true (traction_store_delete_provider_review (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = traction_store_list_provider_reviews (f->store, 3, &error);
  g_assert_cmpuint (reviews->len, ==, 0);
  g_assert_false (traction_store_delete_provider_review (f->store, id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (traction_store_add_provider_review (f->store, kept, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = traction_store_list_provider_reviews (f->store, 3, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (((TractionProviderReviewRow *) g_ptr_array_index (reviews, 0))->id, ==, id);
  g_assert_cmpstr (((TractionProviderReviewRow *) g_ptr_array_index (reviews, 0))->notes[TRACTION_DIM_PRICING], ==, "$0.90 per check");

  traction_provider_review_row_free (kept);
}

static void
test_store_mitigations (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TractionMitigation item = { 0 };
  TractionMitigation *second;
  GDate done = make_date (2026, 11, 20);
  gint64 ids[3];

  traction_test_exec (f->store, small_company);

  item.provider_id = 1;
  g_date_clear (&item.done_on, 1);
  item.item = (char *) "Shortlist two sponsor banks";
  g_assert_true (traction_store_add_mitigation (f->store, &item, &ids[0], &error));
  item.item = (char *) "Negotiate SLA credits";
  g_assert_true (traction_store_add_mitigation (f->store, &item, &ids[1], &error));
  item.item = (char *) "Sandbox with the backup issuer";
  g_assert_true (traction_store_add_mitigation (f->store, &item, &ids[2], &error));
  g_assert_no_error (error);
  item.item = (char *) "  ";
  g_assert_false (traction_store_add_mitigation (f->store, &item, NULL, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (traction_store_set_mitigation_done (f->store, ids[0], &done, &error));
  g_assert_no_error (error);

  items = traction_store_list_mitigations (f->store, 1, &error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_true (g_date_valid (&((TractionMitigation *) g_ptr_array_index (items, 0))->done_on));
  g_assert_false (g_date_valid (&((TractionMitigation *) g_ptr_array_index (items, 1))->done_on));

  /* Delete the middle one, undo: back in the middle. */
  second = g_ptr_array_index (items, 1);
  g_assert_true (traction_store_delete_mitigation (f->store, ids[1], &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) left = traction_store_list_mitigations (f->store, 1, &error);

    g_assert_cmpuint (left->len, ==, 2);
  }
  g_assert_true (traction_store_add_mitigation (f->store, second, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = traction_store_list_mitigations (f->store, 1, &error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (((TractionMitigation *) g_ptr_array_index (items, 1))->item, ==, "Negotiate SLA credits");
  g_assert_cmpint (((TractionMitigation *) g_ptr_array_index (items, 1))->id, ==, ids[1]);

  /* Reopen. */
  g_assert_true (traction_store_set_mitigation_done (f->store, ids[0], NULL, &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = traction_store_list_mitigations (f->store, 1, &error);
  g_assert_false (g_date_valid (&((TractionMitigation *) g_ptr_array_index (items, 0))->done_on));
}

static void
test_store_coverage (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  GDate today = make_date (2026, 11, 22);
  const TractionCoverageRow *row;
  TractionCoverageRole role = TRACTION_COVERAGE_PRIMARY;

  traction_test_exec (f->store, small_company);

  coverage = traction_store_load_coverage (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coverage->len, ==, 3);

  row = g_ptr_array_index (coverage, 0);
  g_assert_cmpstr (row->product, ==, "Payments");
  g_assert_cmpint (row->status, ==, TRACTION_COVERAGE_COVERED);
  g_assert_cmpuint (row->primary->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (row->primary, 0), ==, "Processor");
  g_assert_cmpstr (g_ptr_array_index (row->backup, 0), ==, "Bank");
  g_assert_false (row->at_risk);
  /* Acme (70K) and Cobalt (40K). */
  g_assert_cmpuint (row->n_clients, ==, 2);
  g_assert_cmpint (row->arr_cents, ==, 11000000);

  row = g_ptr_array_index (coverage, 1);
  g_assert_cmpstr (row->product, ==, "Cards");
  g_assert_cmpint (row->status, ==, TRACTION_COVERAGE_SINGLE_POINT);
  g_assert_true (row->at_risk);
  /* Acme 70K + Birch 25K (its December expansion is after today); Gone churned. */
  g_assert_cmpuint (row->n_clients, ==, 2);
  g_assert_cmpint (row->arr_cents, ==, 9500000);

  row = g_ptr_array_index (coverage, 2);
  g_assert_cmpstr (row->product, ==, "Payouts");
  g_assert_cmpint (row->status, ==, TRACTION_COVERAGE_GAP);

  /* Give Payouts a primary: the gap closes into a covered product. */
  g_assert_true (traction_store_set_coverage (f->store, 3, 2, &role, &error));
  g_assert_no_error (error);
  g_assert_true (traction_store_get_coverage_role (f->store, 3, 2, &role));
  g_assert_cmpint (role, ==, TRACTION_COVERAGE_PRIMARY);
  /* Change a role in place, then remove a link. */
  role = TRACTION_COVERAGE_BACKUP;
  g_assert_true (traction_store_set_coverage (f->store, 2, 2, &role, &error));
  g_assert_true (traction_store_set_coverage (f->store, 3, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (traction_store_get_coverage_role (f->store, 3, 1, &role));

  g_clear_pointer (&coverage, g_ptr_array_unref);
  coverage = traction_store_load_coverage (f->store, &today, &error);
  g_assert_cmpint (((TractionCoverageRow *) g_ptr_array_index (coverage, 1))->status, ==, TRACTION_COVERAGE_COVERED);
  g_assert_cmpint (((TractionCoverageRow *) g_ptr_array_index (coverage, 2))->status, ==, TRACTION_COVERAGE_SINGLE_POINT);
}

static void
test_store_exposure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exposure = NULL;
  GDate today = make_date (2026, 11, 22);
  const TractionProviderExposure *bank;
  const TractionExposedClient *client;

  traction_test_exec (f->store, small_company);

  /* Only providers at risk 4-5: the Bank. */
  exposure = traction_store_load_exposure (f->store, 0, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exposure->len, ==, 1);
  bank = g_ptr_array_index (exposure, 0);
  g_assert_cmpstr (bank->provider, ==, "Bank");
  g_assert_cmpint (bank->risk, ==, TRACTION_RISK_CRITICAL);
  /* Primary of Cards only (backup of Payments and Payouts). */
  g_assert_cmpuint (bank->products->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (bank->products, 0), ==, "Cards");
  g_assert_cmpuint (bank->no_fallback->len, ==, 1);
  /* Acme 70K + Birch 25K; Gone churned; largest first. */
  g_assert_cmpint (bank->arr_cents, ==, 9500000);
  g_assert_cmpint (bank->no_fallback_arr_cents, ==, 9500000);
  g_assert_cmpuint (bank->clients->len, ==, 2);
  client = g_ptr_array_index (bank->clients, 0);
  g_assert_cmpstr (client->account, ==, "Acme");
  g_assert_cmpint (client->arr_cents, ==, 7000000);
  g_assert_cmpstr (client->products, ==, "Cards");
  g_assert_true (client->no_fallback);

  /* One provider asked for by id, whatever its risk. */
  g_clear_pointer (&exposure, g_ptr_array_unref);
  exposure = traction_store_load_exposure (f->store, 2, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exposure->len, ==, 1);
  bank = g_ptr_array_index (exposure, 0);
  g_assert_cmpstr (bank->provider, ==, "Processor");
  g_assert_cmpint (bank->arr_cents, ==, 11000000);      /* Payments: Acme + Cobalt */
  g_assert_cmpint (bank->no_fallback_arr_cents, ==, 0);  /* the Bank backs it up */
  g_assert_false (((TractionExposedClient *) g_ptr_array_index (bank->clients, 0))->no_fallback);
}

static void
test_store_today (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionToday) today = NULL;
  GDate now = make_date (2026, 11, 22);

  traction_test_exec (f->store, small_company);

  today = traction_store_load_today (f->store, &now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->reviews_due->len, ==, 2);
  g_assert_cmpstr (((TractionProviderRow *) g_ptr_array_index (today->reviews_due, 1))->name, ==, "Processor");
  g_assert_cmpint (((TractionProviderRow *) g_ptr_array_index (today->reviews_due, 1))->days_since_review, ==, 120);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) exposure = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GDate today = make_date (2026, 11, 22);
  gboolean swiftline_due = FALSE;
  gboolean saw_gap = FALSE, saw_cards = FALSE;
  const TractionProviderExposure *meridian;

  g_assert_true (traction_store_load_sample (f->store, &today, &error));
  g_assert_no_error (error);

  providers = traction_store_list_providers (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (providers->len, ==, 6);

  due = traction_store_list_reviews_due (f->store, &today, &error);
  for (guint i = 0; i < due->len; i++)
    swiftline_due |= g_str_equal (((TractionProviderRow *) g_ptr_array_index (due, i))->name, "Swiftline Payouts");
  g_assert_true (swiftline_due);

  coverage = traction_store_load_coverage (f->store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < coverage->len; i++)
    {
      const TractionCoverageRow *row = g_ptr_array_index (coverage, i);

      if (g_str_equal (row->product, "Virtual Accounts"))
        {
          g_assert_cmpint (row->status, ==, TRACTION_COVERAGE_GAP);
          saw_gap = TRUE;
        }
      if (g_str_equal (row->product, "Card Issuing"))
        {
          g_assert_cmpint (row->status, ==, TRACTION_COVERAGE_SINGLE_POINT);
          g_assert_true (row->at_risk);
          saw_cards = TRUE;
        }
    }
  g_assert_true (saw_gap && saw_cards);

  /* Meridian Bank (critical) first, then Helix FX (high). */
  exposure = traction_store_load_exposure (f->store, 0, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exposure->len, ==, 2);
  meridian = g_ptr_array_index (exposure, 0);
  g_assert_cmpstr (meridian->provider, ==, "Meridian Bank");
  g_assert_cmpint (meridian->risk, ==, TRACTION_RISK_CRITICAL);
  g_assert_cmpstr (((TractionProviderExposure *) g_ptr_array_index (exposure, 1))->provider, ==, "Helix FX");
  g_assert_cmpint (((TractionProviderExposure *) g_ptr_array_index (exposure, 1))->risk, ==, TRACTION_RISK_HIGH);
  /* A founder sees who is exposed if Meridian fails. */
  g_assert_cmpuint (meridian->clients->len, >, 0);
  g_assert_cmpint (meridian->arr_cents, >, 0);
  g_assert_cmpint (meridian->no_fallback_arr_cents, ==, meridian->arr_cents);
}

/* Reports */

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_reports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionProviderReport) scorecard = NULL;
  g_autoptr(TractionProviderReport) coverage = NULL;
  g_autofree char *scorecard_pdf = g_build_filename (f->dir, "scorecard.pdf", NULL);
  g_autofree char *coverage_pdf = g_build_filename (f->dir, "coverage.pdf", NULL);
  g_autofree char *text = NULL;
  GDate today = make_date (2026, 11, 22);
  gint64 id = 0;

  g_assert_true (traction_store_load_sample (f->store, &today, &error));
  g_assert_true (traction_provider_report_find_provider (f->store, "meridian bank", &id, &error));
  g_assert_no_error (error);
  g_assert_false (traction_provider_report_find_provider (f->store, "Nobody", &id, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (traction_provider_report_find_provider (f->store, "Meridian Bank", &id, &error));

  scorecard = traction_provider_report_new_scorecard (f->store, id, &today, &error);
  g_assert_no_error (error);
  g_assert_true (traction_report_write_pdf (traction_provider_report_spec (), scorecard, "Sample Co",
                                            TRACTION_PAPER_A4, scorecard_pdf, &error));
  g_assert_no_error (error);
  coverage = traction_provider_report_new_coverage (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_true (traction_report_write_pdf (traction_provider_report_spec (), coverage, "Sample Co",
                                            TRACTION_PAPER_LETTER, coverage_pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (scorecard_pdf);
  if (text == NULL)
    {
      g_test_message ("pdftotext not found: text of the PDFs not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Provider Scorecard: Meridian Bank"));
  g_assert_nonnull (strstr (text, "Dependency risk"));
  g_assert_nonnull (strstr (text, "Critical"));
  g_assert_nonnull (strstr (text, "Mitigation Checklist"));
  g_assert_nonnull (strstr (text, "Card Issuing"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
  g_free (text);

  text = pdf_text (coverage_pdf);
  g_assert_nonnull (strstr (text, "Coverage Matrix"));
  g_assert_nonnull (strstr (text, "Single point of failure"));
  g_assert_nonnull (strstr (text, "Gap"));
  g_assert_nonnull (strstr (text, "Virtual Accounts"));
  g_assert_nonnull (strstr (text, "Helix FX"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/providers/core/overall-risk-inverted", test_overall_risk_inverted);
  g_test_add_func ("/providers/core/exclusivity-mapping", test_exclusivity_mapping);
  g_test_add_func ("/providers/core/coverage-status", test_coverage_status);
  g_test_add_func ("/providers/core/coverage-evaluate", test_coverage_evaluate);
  g_test_add_func ("/providers/core/coverage-exposure", test_coverage_exposure);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/providers/store/registry", test_store_registry);
  ADD ("/providers/store/reviews", test_store_reviews);
  ADD ("/providers/store/mitigations", test_store_mitigations);
  ADD ("/providers/store/coverage", test_store_coverage);
  ADD ("/providers/store/exposure", test_store_exposure);
  ADD ("/providers/store/today", test_store_today);
  ADD ("/providers/sample", test_sample);
  ADD ("/providers/reports/pdf", test_reports);
#undef ADD

  return g_test_run ();
}
