/* test-qbr.c: QBR and EBR periods, the review form's store, the data a
 * review reads, and the pages of the PDFs (page count and the text of
 * each page through pdftotext), including a client with no data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"
#include "traction-business-review.h"
#include "traction-health-report.h"
#include "traction-qbr-report.h"
#include "traction-store-health.h"
#include "traction-store-qbr.h"

typedef struct {
  char          *dir;
  TractionStore *store;
  GDate          today;
} Fixture;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = traction_test_make_dir ("traction-qbr");
  path = g_build_filename (f->dir, "qbr.db", NULL);
  f->store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  f->today = day (2026, 11, 22);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  traction_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
client_id (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (traction_health_report_find_client (f->store, name, &f->today, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Periods */

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) recent = NULL;
  TractionReviewPeriod p, next;
  GDate today = day (2026, 11, 22);
  static const char * const quarters[] = { "2026Q3", "2026q3", "2026-Q3", "Q3 2026", "q3-2026", " 2026Q3 " };
  static const char * const bad[] = { "", "2026Q5", "2026Q0", "26Q3", "2026Q", "Q3", "abcd", "20261", "2026-07",
                                      "0000", "9999Q1", "٢٠٢٦" };

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autofree char *key = NULL, *label = NULL;

      g_assert_true (traction_review_period_parse (quarters[i], &p, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p.kind, ==, TRACTION_REVIEW_QBR);
      key = traction_review_period_key (&p);
      label = traction_review_period_label (&p);
      g_assert_cmpstr (key, ==, "2026Q3");
      g_assert_cmpstr (label, ==, "Q3 2026");
      g_assert_true (g_date_valid (&p.start));
      g_assert_cmpint (traction_date_diff (&p.start, &p.end), ==, 92);
      g_assert_cmpint (g_date_get_month (&p.start), ==, 7);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (traction_review_period_parse (bad[i], &p, &error));
      g_assert_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (traction_review_period_parse (NULL, &p, &error));
  g_clear_error (&error);

  g_assert_true (traction_review_period_parse ("2026", &p, &error));
  g_assert_cmpint (p.kind, ==, TRACTION_REVIEW_EBR);
  g_assert_cmpint (traction_date_diff (&p.start, &p.end), ==, 365);
  traction_review_period_next (&p, &next);
  g_assert_cmpint (next.year, ==, 2027);

  g_assert_true (traction_review_period_parse ("2026Q4", &p, &error));
  traction_review_period_next (&p, &next);
  g_assert_cmpint (next.year, ==, 2027);
  g_assert_cmpint (next.quarter, ==, 1);
  g_assert_cmpint (g_date_compare (&p.end, &next.start), ==, 0);

  recent = traction_review_periods_recent (TRACTION_REVIEW_QBR, &today, 6);
  g_assert_cmpuint (recent->len, ==, 6);
  g_assert_cmpint (g_array_index (recent, TractionReviewPeriod, 0).quarter, ==, 4);
  g_assert_cmpint (g_array_index (recent, TractionReviewPeriod, 4).quarter, ==, 4);
  g_assert_cmpint (g_array_index (recent, TractionReviewPeriod, 4).year, ==, 2025);
  g_clear_pointer (&recent, g_array_unref);
  today = day (1, 2, 1);
  recent = traction_review_periods_recent (TRACTION_REVIEW_EBR, &today, 4);
  g_assert_cmpuint (recent->len, ==, 1);

  g_assert_cmpint (traction_goal_status_from_id ("at_risk"), ==, TRACTION_GOAL_AT_RISK);
  g_assert_cmpint (traction_goal_status_from_id ("nonsense"), ==, TRACTION_GOAL_ON_TRACK);
  g_assert_cmpstr (traction_goal_status_id (TRACTION_GOAL_ACHIEVED), ==, "achieved");
}

/* The form's store */

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionReviewNotes) notes = traction_review_notes_new ();
  g_autoptr(TractionReviewNotes) loaded = NULL;
  g_autoptr(TractionReviewNotes) next_quarter = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  TractionReviewPeriod q3, q4;
  gint64 id;

  traction_test_exec (f->store, "INSERT INTO accounts (id, name, created_on) VALUES (7, 'Acme <b>&amp;</b>', '2025-01-01')");
  id = 7;
  g_assert_true (traction_review_period_parse ("2026Q3", &q3, NULL));
  traction_review_period_next (&q3, &q4);

  /* Nothing kept yet: empty, not an error. */
  loaded = traction_store_load_review_notes (f->store, id, &q3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->highlights, ==, "");
  g_assert_cmpuint (loaded->goals->len, ==, 0);
  g_clear_pointer (&loaded, traction_review_notes_free);

  for (int i = 0; i < 5000; i++)
    g_string_append_c (long_text, 'x');
  g_free (notes->highlights);
  notes->highlights = g_strdup ("  Launched <b>cards</b> & 🚀 — مرحبا  ");
  g_free (notes->discussion);
  notes->discussion = g_strdup (long_text->str);
  g_ptr_array_add (notes->goals, traction_review_goal_new ("Cut onboarding to 10 min", TRACTION_GOAL_ACHIEVED,
                                                           "9 min median", "Maya"));
  g_ptr_array_add (notes->goals, traction_review_goal_new ("   ", TRACTION_GOAL_AT_RISK, "", ""));
  g_ptr_array_add (notes->goals, traction_review_goal_new ("Reconcile payouts", TRACTION_GOAL_AT_RISK, "", ""));
  g_ptr_array_add (notes->next_goals, traction_review_goal_new ("FX in 3 currencies", TRACTION_GOAL_ON_TRACK,
                                                                "3 live", "Daniel"));
  g_assert_true (traction_store_save_review_notes (f->store, id, &q3, notes, &error));
  g_assert_no_error (error);

  loaded = traction_store_load_review_notes (f->store, id, &q3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->highlights, ==, "Launched <b>cards</b> & 🚀 — مرحبا");
  g_assert_cmpint (g_utf8_strlen (loaded->discussion, -1), ==, TRACTION_REVIEW_TEXT_MAX);
  g_assert_cmpuint (loaded->goals->len, ==, 2);
  g_assert_cmpstr (((TractionReviewGoal *) g_ptr_array_index (loaded->goals, 0))->goal, ==, "Cut onboarding to 10 min");
  g_assert_cmpint (((TractionReviewGoal *) g_ptr_array_index (loaded->goals, 1))->status, ==, TRACTION_GOAL_AT_RISK);
  g_assert_cmpuint (loaded->next_goals->len, ==, 1);

  /* Next quarter's goals are that quarter's own goals. */
  next_quarter = traction_store_load_review_notes (f->store, id, &q4, &error);
  g_assert_cmpuint (next_quarter->goals->len, ==, 1);
  g_assert_cmpstr (((TractionReviewGoal *) g_ptr_array_index (next_quarter->goals, 0))->owner, ==, "Daniel");

  /* Saving again replaces, and a QBR's notes are not an EBR's. */
  g_ptr_array_set_size (notes->goals, 0);
  g_assert_true (traction_store_save_review_notes (f->store, id, &q3, notes, &error));
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM review_goals WHERE period = '2026Q3'"),
                   ==, 0);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM review_notes"), ==, 1);

  /* Too many goals: refused, what was saved stays. */
  for (int i = 0; i < TRACTION_REVIEW_MAX_GOALS + 1; i++)
    g_ptr_array_add (notes->goals, traction_review_goal_new ("A goal", TRACTION_GOAL_ON_TRACK, "", ""));
  g_assert_false (traction_store_save_review_notes (f->store, id, &q3, notes, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_cmpint (traction_test_query_int (f->store, "SELECT count(*) FROM review_goals WHERE period = '2026Q4'"),
                   ==, 1);
}

/* A small PNG made with cairo. */
static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, bytes), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (120, 40);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a png", 16);
  g_autoptr(GByteArray) huge = g_byte_array_new ();

  g_assert_null (traction_store_get_logo (f->store));
  g_assert_true (traction_store_set_logo (f->store, png, &error));
  g_assert_no_error (error);
  loaded = traction_store_get_logo (f->store);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (loaded, png));

  /* Not a PNG, too large, garbage under the setting's key: refused or
   * ignored, the logo kept stays. */
  g_assert_false (traction_store_set_logo (f->store, not_png, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_byte_array_set_size (huge, TRACTION_LOGO_MAX_BYTES + 1);
  memset (huge->data, 0, huge->len);
  {
    g_autoptr(GBytes) big = g_bytes_new (huge->data, huge->len);

    g_assert_false (traction_store_set_logo (f->store, big, &error));
    g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (traction_store_set_setting (f->store, "company_logo_png", "%%%not base64", &error));
  g_clear_error (&error);
  g_clear_pointer (&loaded, g_bytes_unref);
  loaded = traction_store_get_logo (f->store);
  g_assert_true (g_bytes_equal (loaded, png));

  g_assert_true (traction_store_set_logo (f->store, NULL, &error));
  g_assert_null (traction_store_get_logo (f->store));
}

/* The review's data and pages */

static void
assert_page (const char *pdf,
             int         page,
             const char *const *texts)
{
  g_autofree char *text = traction_test_pdf_text (pdf, page);

  if (text == NULL)
    return;
  for (guint i = 0; texts[i] != NULL; i++)
    if (strstr (text, texts[i]) == NULL)
      g_error ("page %d of %s lacks “%s”:\n%s", page, pdf, texts[i], text);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *text = traction_test_pdf_text (pdf, 0);
  int pages = 0;

  if (text == NULL)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

static void
test_sample_qbr (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionBusinessReview) review = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "qbr.pdf", NULL);
  g_autofree char *ebr = g_build_filename (f->dir, "ebr.pdf", NULL);
  g_autofree char *file_name = NULL;
  TractionReviewPeriod q3, year;
  gint64 id;

  g_assert_true (traction_store_load_sample (f->store, &f->today, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) logo = make_png (300, 100);

    g_assert_true (traction_store_set_logo (f->store, logo, &error));
  }
  id = client_id (f, "Brightwell Money");
  g_assert_true (traction_review_period_parse ("2026Q3", &q3, NULL));

  review = traction_store_load_business_review (f->store, id, &q3, &f->today, &error);
  g_assert_no_error (error);
  g_assert_true (review->has_data);
  g_assert_nonnull (review->logo);
  g_assert_true (review->has_scorecard);
  g_assert_cmpint (g_date_get_month (&review->as_of), ==, 9);
  g_assert_cmpint (g_date_get_day (&review->as_of), ==, 30);
  g_assert_cmpuint (review->notes->goals->len, ==, 3);
  g_assert_cmpuint (review->notes->next_goals->len, ==, 2);
  g_assert_cmpuint (review->products_used->len, >, 0);
  g_assert_cmpint (review->arr_end_cents, ==, (gint64) review->arr_cents[TRACTION_REVIEW_WINDOW - 1]);
  g_assert_cmpint (review->arr_end_cents - review->arr_start_cents, ==,
                   review->moved_cents[TRACTION_MOVE_NEW] + review->moved_cents[TRACTION_MOVE_EXPANSION_CROSS_SELL] +
                   review->moved_cents[TRACTION_MOVE_EXPANSION_UPSELL] +
                   review->moved_cents[TRACTION_MOVE_EXPANSION_USAGE] +
                   review->moved_cents[TRACTION_MOVE_REACTIVATION] -
                   review->moved_cents[TRACTION_MOVE_CONTRACTION] - review->moved_cents[TRACTION_MOVE_CHURN]);
  /* The score is the period's, not today's. */
  g_assert_true (review->client->has_score);
  g_assert_cmpint (g_date_get_month (&review->client->score_month), ==, 9);

  file_name = traction_qbr_report_file_name (review->client->name, &q3);
  g_assert_cmpstr (file_name, ==, "qbr-brightwell-money-2026q3.pdf");

  g_assert_true (traction_qbr_report_write (f->store, id, &q3, &f->today, TRACTION_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  if (pdf_pages (pdf) < 0)
    {
      g_test_message ("pdftotext not found: text of the PDFs not checked");
      return;
    }
  g_assert_cmpint (pdf_pages (pdf), ==, TRACTION_QBR_PAGES);
  assert_page (pdf, 1, (const char *[]) { "Quarterly Business Review", "Brightwell Money", "Q3 2026",
                                          "Health score", "Account owner", "Highlights and outcomes",
                                          "Health over twelve months", "Northwind Rails", "Page 1 of 7", NULL });
  assert_page (pdf, 2, (const char *[]) { "2 · Business Outcomes", "Achieved", "On track", "Quantified impact",
                                          "Page 2 of 7", NULL });
  assert_page (pdf, 3, (const char *[]) { "3 · Usage and Adoption", "API calls in the period", "Products used",
                                          "Products to explore next", "Plan volume", NULL });
  assert_page (pdf, 4, (const char *[]) { "4 · Support and Engagement", "Support tickets", "NPS",
                                          "Tickets by priority", "P1", NULL });
  assert_page (pdf, 5, (const char *[]) { "5 · Roadmap and Opportunities", "ARR over twelve months",
                                          "Expansion opportunities", "FX Conversion", NULL });
  assert_page (pdf, 6, (const char *[]) { "6 · Goals for Next Quarter", "Q4 2026", "Success metric", NULL });
  assert_page (pdf, 7, (const char *[]) { "7 · Feedback and Discussion", "What is working well",
                                          "What can be improved", "Open discussion and next steps",
                                          "Page 7 of 7", NULL });

  g_assert_true (traction_review_period_parse ("2026", &year, NULL));
  g_assert_true (traction_qbr_report_write (f->store, id, &year, &f->today, TRACTION_PAPER_LETTER, ebr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (ebr), ==, TRACTION_EBR_PAGES);
  assert_page (ebr, 1, (const char *[]) { "Annual Business Review", "Brightwell Money", "2026", "ARR at the start",
                                          NULL });
  assert_page (ebr, 2, (const char *[]) { "2 · Health and ARR over the Year", "Health score by month", NULL });
  assert_page (ebr, 3, (const char *[]) { "3 · The Year’s Goals", NULL });
  assert_page (ebr, 4, (const char *[]) { "4 · Goals for Next Year", "2027", NULL });
  assert_page (ebr, 5, (const char *[]) { "5 · Renewal Discussion", "Renewal probability", "Forecast ARR", NULL });
}

static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionBusinessReview) review = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "empty.pdf", NULL);
  TractionReviewPeriod q3, q1_next;

  /* A client since 2025 with nothing recorded in Q3 2026, and an
   * account that never was a client. */
  traction_test_exec (f->store,
                      "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Quiet & Co <i>', '2025-01-01');"
                      "INSERT INTO accounts (id, name, created_on) VALUES (2, 'Prospect', '2025-01-01');"
                      "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents)"
                      " VALUES (1, '2025-02-01', 'new', 3000000)");
  g_assert_true (traction_review_period_parse ("2026Q3", &q3, NULL));

  review = traction_store_load_business_review (f->store, 1, &q3, &f->today, &error);
  g_assert_no_error (error);
  g_assert_false (review->has_data);
  g_assert_false (review->client->has_score);
  g_assert_cmpint (review->arr_start_cents, ==, 3000000);
  g_assert_cmpint (review->arr_end_cents, ==, 3000000);
  g_clear_pointer (&review, traction_business_review_free);

  g_assert_true (traction_qbr_report_write (f->store, 1, &q3, &f->today, TRACTION_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  if (pdf_pages (pdf) >= 0)
    {
      g_assert_cmpint (pdf_pages (pdf), ==, TRACTION_QBR_PAGES);
      assert_page (pdf, 1, (const char *[]) { "Quiet & Co <i>", "No health scores, usage, tickets", NULL });
      assert_page (pdf, 3, (const char *[]) { "No health scores, usage, tickets", NULL });
      assert_page (pdf, 2, (const char *[]) { "No goals were set for Q3 2026", NULL });
    }

  /* Not a client; a period not begun. */
  review = traction_store_load_business_review (f->store, 2, &q3, &f->today, &error);
  g_assert_null (review);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (traction_review_period_parse ("2027Q1", &q1_next, NULL));
  review = traction_store_load_business_review (f->store, 1, &q1_next, &f->today, &error);
  g_assert_null (review);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* $30K is low touch: due a QBR. */
  due = traction_store_list_qbr_due (f->store, &q3, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);

  /* An unwritable destination: an error, no file. */
  g_assert_false (traction_qbr_report_write (f->store, 1, &q3, &f->today, TRACTION_PAPER_A4,
                                             "/nonexistent-folder/qbr.pdf", &error));
  g_assert_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_WRITE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qbr/periods", test_periods);
  g_test_add ("/qbr/notes", Fixture, NULL, fixture_setup, test_notes, fixture_teardown);
  g_test_add ("/qbr/logo", Fixture, NULL, fixture_setup, test_logo, fixture_teardown);
  g_test_add ("/qbr/sample", Fixture, NULL, fixture_setup, test_sample_qbr, fixture_teardown);
  g_test_add ("/qbr/no-data", Fixture, NULL, fixture_setup, test_no_data, fixture_teardown);

  return g_test_run ();
}
