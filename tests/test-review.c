/* test-review.c: the monthly pipeline review (store figures on a
 * hand-built month, the funnel), the chart routines at any size, paper
 * from the locale, and the report's pages.
 *
 * The month reviewed is October 2026; today is 2026-11-10; the funnel
 * cohort is the deals created in [2025-11-01, 2026-11-01).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "test-util.h"
#include "traction-chart.h"
#include "traction-pipeline-review.h"
#include "traction-report.h"
#include "traction-store-review.h"

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

  f->dir = traction_test_make_dir ("traction-review");
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

/* The month, deal by deal (lead-to-close in brackets):
 *  1 won 2026-10-11 (71 d), full path, "Fast integration"
 *  2 won 2026-10-31 (60 d), Lead straight to Won, "Fast integration"
 *  3 won 2026-10-05 (95 d), Lead → Proposal → Won, "Price"
 *  4 lost 2026-10-20 from Qualified, "Zeta reason"; added in October
 *  5 lost 2026-10-15 from Discovery, "Alpha reason"
 *  6 lost 2026-11-02 (after the month), "Alpha reason"; added in October
 *  7 won 2026-09-20 (before the month), "Old reason"
 *  8 open Lead, added in October, no stage history at all
 *  9 open Negotiation since 2026-11-05 (after the month: Lead for the funnel)
 * 10 open Qualified, created before the funnel's 12 months */
static void
build_month (Fixture *f)
{
  traction_test_exec (f->store,
    "INSERT INTO loss_reasons (id, name, position) VALUES (100, 'Zeta reason', 90), (101, 'Alpha reason', 91);"
    "INSERT INTO accounts (id, name, created_on) VALUES"
    " (1, 'Acme', '2025-01-01'), (2, 'Globex', '2025-01-01'), (3, 'Initech', '2025-01-01');"
    "INSERT INTO deals (id, account_id, name, stage, arr_cents, created_on, closed_on,"
    " loss_reason_id, win_reason) VALUES"
    " (1, 1, 'Acme — Cards', 'won', 2400000, '2026-08-01', '2026-10-11', NULL, 'Fast integration'),"
    " (2, 2, 'Globex — Payouts', 'won', 1000000, '2026-09-01', '2026-10-31', NULL, 'Fast integration '),"
    " (3, 3, 'Initech — Ledger', 'won', 500000, '2026-07-02', '2026-10-05', NULL, 'Price'),"
    " (4, 1, 'Acme — FX', 'lost', 700000, '2026-10-02', '2026-10-20', 100, ''),"
    " (5, 2, 'Globex — KYC', 'lost', 300000, '2026-06-01', '2026-10-15', 101, ''),"
    " (6, 3, 'Initech — Cards', 'lost', 900000, '2026-10-03', '2026-11-02', 101, ''),"
    " (7, 1, 'Acme — Old', 'won', 100000, '2026-09-01', '2026-09-20', NULL, 'Old reason'),"
    " (8, 2, 'Globex — New', 'lead', 1500000, '2026-10-10', NULL, NULL, ''),"
    " (9, 3, 'Initech — Big', 'negotiation', 5000000, '2025-12-15', NULL, NULL, ''),"
    " (10, 1, 'Acme — Older', 'qualified', 800000, '2025-10-15', NULL, NULL, '');"
    "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at) VALUES"
    " (1, NULL, 'lead', '2026-08-01T09:00:00Z'), (1, 'lead', 'qualified', '2026-08-10T09:00:00Z'),"
    " (1, 'qualified', 'discovery', '2026-09-01T09:00:00Z'), (1, 'discovery', 'proposal', '2026-09-15T09:00:00Z'),"
    " (1, 'proposal', 'negotiation', '2026-10-01T09:00:00Z'), (1, 'negotiation', 'won', '2026-10-11T09:00:00Z'),"
    " (2, NULL, 'lead', '2026-09-01T09:00:00Z'), (2, 'lead', 'won', '2026-10-31T23:00:00Z'),"
    " (3, NULL, 'lead', '2026-07-02T09:00:00Z'), (3, 'lead', 'proposal', '2026-08-02T09:00:00Z'),"
    " (3, 'proposal', 'won', '2026-10-05T09:00:00Z'),"
    " (4, NULL, 'lead', '2026-10-02T09:00:00Z'), (4, 'lead', 'qualified', '2026-10-05T09:00:00Z'),"
    " (4, 'qualified', 'lost', '2026-10-20T09:00:00Z'),"
    " (5, NULL, 'lead', '2026-06-01T09:00:00Z'), (5, 'lead', 'discovery', '2026-07-01T09:00:00Z'),"
    " (5, 'discovery', 'lost', '2026-10-15T09:00:00Z'),"
    " (6, NULL, 'lead', '2026-10-03T09:00:00Z'), (6, 'lead', 'lost', '2026-11-02T09:00:00Z'),"
    " (7, NULL, 'lead', '2026-09-01T09:00:00Z'), (7, 'lead', 'won', '2026-09-20T09:00:00Z'),"
    " (9, NULL, 'lead', '2025-12-15T09:00:00Z'), (9, 'lead', 'negotiation', '2026-11-05T09:00:00Z'),"
    " (10, NULL, 'qualified', '2025-10-15T09:00:00Z');"
    "INSERT INTO next_steps (account_id, deal_id, action, due_on, done_on) VALUES"
    " (3, 9, 'Later step', '2026-11-20', NULL), (3, 9, 'Sooner step', '2026-11-12', NULL),"
    " (3, 9, 'Done step', '2026-11-01', '2026-11-01');");
}

static TractionPipelineReview *
load_october (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GDate today = make_date (2026, 11, 10);
  TractionPipelineReview *review;

  review = traction_store_load_pipeline_review (f->store, 2026, 10, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  return review;
}

static void
test_month_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  GDate from = make_date (2026, 10, 1), to = make_date (2026, 11, 1);

  build_month (f);
  review = load_october (f);

  g_assert_cmpint (g_date_compare (&review->from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&review->to, &to), ==, 0);
  g_assert_cmpint (review->deals_added, ==, 3);
  g_assert_cmpint (review->deals_won, ==, 3);
  g_assert_cmpint (review->deals_lost, ==, 2);
  g_assert_cmpint (review->won_arr_cents, ==, 3900000);
  g_assert_cmpint (review->lost_arr_cents, ==, 1000000);
  g_assert_cmpfloat_with_epsilon (review->lead_to_close_days, (71 + 60 + 95) / 3.0, 1e-9);

  /* Open pipeline as of today. */
  g_assert_cmpint (review->open_count[TRACTION_STAGE_LEAD], ==, 1);
  g_assert_cmpint (review->open_count[TRACTION_STAGE_QUALIFIED], ==, 1);
  g_assert_cmpint (review->open_count[TRACTION_STAGE_DISCOVERY], ==, 0);
  g_assert_cmpint (review->open_count[TRACTION_STAGE_NEGOTIATION], ==, 1);
  g_assert_cmpint (review->open_total_cents, ==, 7300000);
  g_assert_cmpfloat (review->coverage, <, 0);   /* no quarterly target set */
}

static void
test_reasons (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  const TractionReasonCount *reason;

  build_month (f);
  review = load_october (f);

  /* Win reasons: trimmed, counted, most first; September's left out. */
  g_assert_cmpuint (review->win_reasons->len, ==, 2);
  reason = g_ptr_array_index (review->win_reasons, 0);
  g_assert_cmpstr (reason->name, ==, "Fast integration");
  g_assert_cmpint (reason->count, ==, 2);
  reason = g_ptr_array_index (review->win_reasons, 1);
  g_assert_cmpstr (reason->name, ==, "Price");
  g_assert_cmpint (reason->count, ==, 1);

  /* Loss reasons: November's loss left out; a tie goes by name. */
  g_assert_cmpuint (review->loss_reasons->len, ==, 2);
  reason = g_ptr_array_index (review->loss_reasons, 0);
  g_assert_cmpstr (reason->name, ==, "Alpha reason");
  g_assert_cmpint (reason->count, ==, 1);
  reason = g_ptr_array_index (review->loss_reasons, 1);
  g_assert_cmpstr (reason->name, ==, "Zeta reason");
}

static void
test_top_three (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;

  traction_test_exec (f->store,
    "INSERT INTO accounts (id, name, created_on) VALUES (1, 'Acme', '2025-01-01');"
    "INSERT INTO deals (account_id, name, stage, created_on, closed_on, win_reason) VALUES"
    " (1, 'a', 'won', '2026-09-01', '2026-10-02', 'D'), (1, 'b', 'won', '2026-09-01', '2026-10-02', 'C'),"
    " (1, 'c', 'won', '2026-09-01', '2026-10-02', 'C'), (1, 'd', 'won', '2026-09-01', '2026-10-02', 'B'),"
    " (1, 'e', 'won', '2026-09-01', '2026-10-02', 'A');");
  review = load_october (f);

  g_assert_cmpuint (review->win_reasons->len, ==, 3);
  g_assert_cmpstr (((TractionReasonCount *)g_ptr_array_index (review->win_reasons, 0))->name, ==, "C");
  g_assert_cmpstr (((TractionReasonCount *)g_ptr_array_index (review->win_reasons, 1))->name, ==, "A");
  g_assert_cmpstr (((TractionReasonCount *)g_ptr_array_index (review->win_reasons, 2))->name, ==, "B");
}

static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  static const int reached[TRACTION_FUNNEL_STEPS] = { 9, 6, 5, 4, 4, 4 };
  TractionFunnelStep steps[TRACTION_FUNNEL_STEPS];
  GDate funnel_from = make_date (2025, 11, 1);

  build_month (f);
  review = load_october (f);

  g_assert_cmpint (g_date_compare (&review->funnel_from, &funnel_from), ==, 0);
  for (int step = 0; step < TRACTION_FUNNEL_STEPS; step++)
    g_assert_cmpint (review->funnel_reached[step], ==, reached[step]);

  g_assert_cmpfloat (review->funnel_conversion[0], <, 0);
  g_assert_cmpfloat_with_epsilon (review->funnel_conversion[1], 6.0 / 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (review->funnel_conversion[2], 5.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (review->funnel_conversion[3], 4.0 / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (review->funnel_conversion[4], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (review->funnel_conversion[5], 1.0, 1e-9);

  /* Targets from DOMAIN.md §1, and the status they give. */
  traction_pipeline_review_funnel_steps (review, steps);
  g_assert_cmpfloat (steps[0].target_lo, <, 0);
  g_assert_cmpfloat_with_epsilon (steps[1].target_lo, 0.40, 1e-9);
  g_assert_cmpfloat_with_epsilon (steps[1].target_hi, 0.50, 1e-9);
  g_assert_cmpint (traction_funnel_status (&steps[0]), ==, TRACTION_FUNNEL_NO_TARGET);
  g_assert_cmpint (traction_funnel_status (&steps[1]), ==, TRACTION_FUNNEL_ABOVE);
}

static void
test_funnel_status (void)
{
  TractionFunnelStep step = { "Qualified", 10, 0.45, 0.40, 0.50 };

  g_assert_cmpint (traction_funnel_status (&step), ==, TRACTION_FUNNEL_ON_TARGET);
  step.conversion = 0.395;   /* shown as 40 % */
  g_assert_cmpint (traction_funnel_status (&step), ==, TRACTION_FUNNEL_ON_TARGET);
  step.conversion = 0.3;
  g_assert_cmpint (traction_funnel_status (&step), ==, TRACTION_FUNNEL_BELOW);
  step.conversion = 0.6;
  g_assert_cmpint (traction_funnel_status (&step), ==, TRACTION_FUNNEL_ABOVE);
  step.conversion = -1;
  g_assert_cmpint (traction_funnel_status (&step), ==, TRACTION_FUNNEL_NO_TARGET);
}

static void
test_open_deals (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  const TractionReviewDeal *deal;

  build_month (f);
  review = load_october (f);

  g_assert_cmpuint (review->open_deals->len, ==, 3);
  deal = g_ptr_array_index (review->open_deals, 0);
  g_assert_cmpint (deal->deal_id, ==, 9);                /* closest to closing first */
  g_assert_cmpint (deal->stage, ==, TRACTION_STAGE_NEGOTIATION);
  g_assert_cmpint (deal->days_in_stage, ==, 5);
  g_assert_cmpstr (deal->next_step, ==, "Sooner step");
  g_assert_true (g_date_valid (&deal->next_step_due));
  deal = g_ptr_array_index (review->open_deals, 2);
  g_assert_cmpint (deal->deal_id, ==, 8);
  g_assert_cmpstr (deal->next_step, ==, "");
  g_assert_cmpint (deal->days_in_stage, ==, 31);          /* since created, no history */
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = load_october (f);
  g_autoptr(GError) error = NULL;
  GDate today = make_date (2026, 11, 10);

  g_assert_cmpint (review->deals_added, ==, 0);
  g_assert_cmpfloat (review->lead_to_close_days, <, 0);
  g_assert_cmpuint (review->win_reasons->len, ==, 0);
  g_assert_cmpint (review->funnel_reached[0], ==, 0);
  for (int step = 0; step < TRACTION_FUNNEL_STEPS; step++)
    g_assert_cmpfloat (review->funnel_conversion[step], <, 0);

  g_assert_null (traction_store_load_pipeline_review (f->store, 2026, 13, &today, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
}

/* Charts */

static void
draw_all_charts (cairo_t *cr,
                 double   width,
                 double   height,
                 gboolean monochrome,
                 gboolean with_data)
{
  TractionChartTheme theme;
  TractionFunnelStep steps[] = {
    { "Lead", 40, -1, -1, -1 },
    { "Qualified", 18, 0.45, 0.40, 0.50 },
    { "Discovery", 9, 0.5, 0.60, 0.70 },
    { "Proposal", 0, 0, 0.50, 0.60 },
    { "Negotiation", 0, -1, 0.60, 0.70 },
  };
  TractionBarItem bars[] = {
    { "Acme", 3, "3 deals", 0 },
    { "Globex with a very long name indeed", 12, "12 deals", 1 },
    { "Initech", 0, NULL, 2 },
  };

  traction_chart_theme_init_print (&theme, monochrome);
  traction_chart_funnel (cr, &theme, 0, 0, width, height, with_data ? steps : NULL,
                         with_data ? G_N_ELEMENTS (steps) : 0);
  traction_chart_hbars (cr, &theme, 0, 0, width, height, with_data ? bars : NULL,
                        with_data ? G_N_ELEMENTS (bars) : 0, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_chart_sizes (void)
{
  static const struct { int width, height; } sizes[] = {
    { 1, 1 }, { 10, 10 }, { 300, 40 }, { 800, 600 }, { 5000, 5000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int flags = 0; flags < 4; flags++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               sizes[i].width, sizes[i].height);
        cairo_t *cr = cairo_create (surface);

        draw_all_charts (cr, sizes[i].width, sizes[i].height, flags & 1, (flags & 2) != 0);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
}

/* Something is drawn: some pixel differs from the transparent start. */
static void
test_chart_draws (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  const unsigned char *pixels;
  gboolean inked = FALSE;
  int stride;

  draw_all_charts (cr, 400, 300, FALSE, TRUE);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 300 && !inked; y++)
    for (int x = 0; x < 400 * 4 && !inked; x++)
      inked = pixels[y * stride + x] != 0;
  g_assert_true (inked);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Paper and report */

static void
test_paper (void)
{
  double width, height;

  g_assert_cmpint (traction_paper_for_locale ("en_US.UTF-8"), ==, TRACTION_PAPER_LETTER);
  g_assert_cmpint (traction_paper_for_locale ("es_MX"), ==, TRACTION_PAPER_LETTER);
  g_assert_cmpint (traction_paper_for_locale ("fr_CA.UTF-8@euro"), ==, TRACTION_PAPER_LETTER);
  g_assert_cmpint (traction_paper_for_locale ("en_PH.UTF-8"), ==, TRACTION_PAPER_LETTER);
  g_assert_cmpint (traction_paper_for_locale ("en_GB.UTF-8"), ==, TRACTION_PAPER_A4);
  g_assert_cmpint (traction_paper_for_locale ("de_DE"), ==, TRACTION_PAPER_A4);
  g_assert_cmpint (traction_paper_for_locale ("en_USA"), ==, TRACTION_PAPER_A4);
  g_assert_cmpint (traction_paper_for_locale ("C.UTF-8"), ==, TRACTION_PAPER_A4);
  g_assert_cmpint (traction_paper_for_locale (NULL), ==, TRACTION_PAPER_A4);

  traction_paper_size (TRACTION_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.2756, 1e-3);
  g_assert_cmpfloat_with_epsilon (height, 841.8898, 1e-3);
  traction_paper_size (TRACTION_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);
  g_assert_cmpfloat (TRACTION_REPORT_MARGIN_MM, >=, 15.0);
}

static void
test_report_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = NULL;
  const TractionReportSpec *spec = traction_pipeline_review_report ();
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  double width, height;

  build_month (f);
  review = load_october (f);

  traction_paper_size (TRACTION_PAPER_A4, &width, &height);
  g_assert_cmpint (spec->n_pages (review, width, height), ==, 3);
  title = spec->title (review);
  g_assert_true (strstr (title, "October 2026") != NULL);

  /* Many open deals continue onto more pages. */
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO deals (account_id, name, stage, arr_cents, created_on)"
                                              " VALUES (1, 'Extra %d', 'lead', %d, '2026-10-01');",
                                              i, 1000 * i);

      traction_test_exec (f->store, sql);
    }
  g_clear_pointer (&review, traction_pipeline_review_unref);
  review = load_october (f);
  g_assert_cmpint (spec->n_pages (review, width, height), >, 4);

  /* Every page draws cleanly onto an image and into a PDF. */
  for (int page = 1; page <= spec->n_pages (review, width, height); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
      cairo_t *cr = cairo_create (surface);

      traction_report_draw_page (spec, review, cr, width, height, "Acme <b>&amp;</b>",
                                 page, spec->n_pages (review, width, height));
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  g_assert_true (traction_report_write_pdf (spec, review, "Acme", TRACTION_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_report_write_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TractionPipelineReview) review = load_october (f);
  g_autofree char *pdf = g_build_filename (f->dir, "no-such-folder", "review.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (traction_report_write_pdf (traction_pipeline_review_report (), review, "Acme",
                                             TRACTION_PAPER_LETTER, pdf, &error));
  g_assert_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* File names of reports: the name's letters and digits, dashes between. */
static void
test_report_slug (void)
{
  static const struct { const char *name, *fallback, *slug; } cases[] = {
    { "Aurora Neobank", "deal", "aurora-neobank" },
    { "  Café & Co. ", "deal", "caf-co" },
    { "<b>&amp;</b>", "x", "b-amp-b" },
    { "مصرف", "partner", "partner" },
    { "🚀🚀", NULL, "" },
    { NULL, "deal", "deal" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = traction_report_slug (cases[i].name, cases[i].fallback);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/review/store/month-figures", test_month_figures);
  ADD ("/review/store/reasons", test_reasons);
  ADD ("/review/store/top-three", test_top_three);
  ADD ("/review/store/funnel", test_funnel);
  ADD ("/review/store/open-deals", test_open_deals);
  ADD ("/review/store/empty", test_empty);
  ADD ("/review/report/pages", test_report_pages);
  ADD ("/review/report/write-error", test_report_write_error);
#undef ADD
  g_test_add_func ("/review/report/slug", test_report_slug);
  g_test_add_func ("/review/chart/funnel-status", test_funnel_status);
  g_test_add_func ("/review/chart/sizes", test_chart_sizes);
  g_test_add_func ("/review/chart/draws", test_chart_draws);
  g_test_add_func ("/review/report/paper", test_paper);

  return g_test_run ();
}
