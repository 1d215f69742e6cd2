/* test-heatmap.c: the health heatmap renderer on an image surface: the
 * band colour in a known cell, a pattern in monochrome, only the visible
 * rows drawn, and tiny and huge rectangles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include <glib.h>

#include "traction-heatmap.h"

#define W 600
#define H 300

static const char *names[] = { "Acme", "Lumio Bank", "Zephyr" };
static const char *months[] = { "Sep", "Oct", "Nov" };
static const char *years[] = { "2026", "", "" };
/* Healthy, Monitor, At risk / none, Healthy, Critical / 60, 59.9, 40 */
static const float scores[] = { 90.0f, 70.0f, 50.0f,
                                NAN, 85.0f, 20.0f,
                                60.0f, 59.9f, 40.0f };

static void
init_heatmap (TractionHeatmap     *heatmap,
              const TractionRules *rules)
{
  *heatmap = (TractionHeatmap) {
    .names = names, .scores = scores, .n_rows = 3, .n_months = 3,
    .month_labels = months, .year_labels = years, .rules = rules,
    .first_row = 0, .n_visible = 3, .cursor_row = -1, .cursor_col = -1,
  };
}

/* Pixel (x, y) of an ARGB32 surface as 0..255 channels. */
static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       int             *r,
       int             *g,
       int             *b)
{
  unsigned char *data;
  guint32 value;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static cairo_surface_t *
draw (const TractionChartTheme *theme,
      const TractionHeatmap    *heatmap)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  traction_chart_heatmap (cr, theme, 0, 0, W, H, heatmap);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* The top-left corner of a cell, inside its fill but away from the figure. */
static void
cell_corner (const TractionChartTheme *theme,
             int                       row,
             int                       col,
             int                      *x,
             int                      *y)
{
  TractionHeatmapGeometry g;

  traction_heatmap_geometry (theme, W, 3, &g);
  *x = (int) (g.name_width + col * g.cell_width + 3);
  *y = (int) (g.header_height + row * g.row_height + 3);
}

static void
assert_cell_color (cairo_surface_t          *surface,
                   const TractionChartTheme *theme,
                   int                       row,
                   int                       col,
                   TractionHealthBand        band)
{
  TractionRgba expected;
  int x, y, r, g, b;

  cell_corner (theme, row, col, &x, &y);
  pixel (surface, x, y, &r, &g, &b);
  traction_heatmap_band_color (theme, band, &expected);
  g_assert_cmpint (ABS (r - (int) round (expected.red * 255)), <=, 2);
  g_assert_cmpint (ABS (g - (int) round (expected.green * 255)), <=, 2);
  g_assert_cmpint (ABS (b - (int) round (expected.blue * 255)), <=, 2);
}

static void
test_colours (void)
{
  TractionRules rules;
  TractionChartTheme theme;
  TractionHeatmap heatmap;
  cairo_surface_t *surface;
  int x, y, r, g, b;

  traction_rules_init_defaults (&rules);
  traction_chart_theme_init_print (&theme, FALSE);
  init_heatmap (&heatmap, &rules);
  surface = draw (&theme, &heatmap);

  assert_cell_color (surface, &theme, 0, 0, TRACTION_BAND_HEALTHY);
  assert_cell_color (surface, &theme, 0, 1, TRACTION_BAND_MONITOR);
  assert_cell_color (surface, &theme, 0, 2, TRACTION_BAND_AT_RISK);
  assert_cell_color (surface, &theme, 1, 2, TRACTION_BAND_CRITICAL);
  /* The bounds: 60 is Monitor, 59.9 At risk, 40 At risk. */
  assert_cell_color (surface, &theme, 2, 0, TRACTION_BAND_MONITOR);
  assert_cell_color (surface, &theme, 2, 1, TRACTION_BAND_AT_RISK);
  assert_cell_color (surface, &theme, 2, 2, TRACTION_BAND_AT_RISK);

  /* Critical is vermillion: far more red than green (not a green/red pair with Healthy's blue). */
  cell_corner (&theme, 1, 2, &x, &y);
  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpint (r, >, 200);
  g_assert_cmpint (b, <, 40);

  /* No scorecard: no fill (white inside the outline). */
  cell_corner (&theme, 1, 0, &x, &y);
  pixel (surface, x + 4, y + 4, &r, &g, &b);
  g_assert_cmpint (r + g + b, ==, 3 * 255);
  cairo_surface_destroy (surface);
}

/* Counts the pixels much darker than the cell's fill. */
static int
dark_pixels_in_cell (cairo_surface_t          *surface,
                     const TractionChartTheme *theme,
                     int                       row,
                     int                       col)
{
  TractionHeatmapGeometry geometry;
  TractionRgba fill;
  int x0, y0, count = 0, fill_sum;

  traction_heatmap_geometry (theme, W, 3, &geometry);
  cell_corner (theme, row, col, &x0, &y0);
  traction_heatmap_band_color (theme, traction_health_band (scores[row * 3 + col], &(TractionRules) { .band_healthy = 80, .band_monitor = 60, .band_at_risk = 40 }), &fill);
  fill_sum = (int) ((fill.red + fill.green + fill.blue) * 255);
  /* The left quarter of the cell: away from the figure in the middle. */
  for (int y = y0; y < y0 + (int) geometry.row_height - 6; y++)
    for (int x = x0; x < x0 + (int) (geometry.cell_width / 4); x++)
      {
        int r, g, b;

        pixel (surface, x, y, &r, &g, &b);
        if (r + g + b < fill_sum - 90)
          count++;
      }
  return count;
}

static void
test_monochrome (void)
{
  TractionRules rules;
  TractionChartTheme theme;
  TractionHeatmap heatmap;
  cairo_surface_t *surface;
  int x, y, r, g, b;

  traction_rules_init_defaults (&rules);
  traction_chart_theme_init_print (&theme, TRUE);
  init_heatmap (&heatmap, &rules);
  surface = draw (&theme, &heatmap);

  /* Critical and At risk cells carry a dark pattern; Healthy is plain. */
  g_assert_cmpint (dark_pixels_in_cell (surface, &theme, 1, 2), >, 10);
  g_assert_cmpint (dark_pixels_in_cell (surface, &theme, 0, 2), >, 10);
  g_assert_cmpint (dark_pixels_in_cell (surface, &theme, 0, 0), ==, 0);
  /* The fill is not white either. */
  cell_corner (&theme, 0, 0, &x, &y);
  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpint (r + g + b, <, 3 * 250);
  /* The patterns differ per band. */
  g_assert_cmpint (traction_heatmap_band_pattern (TRACTION_BAND_AT_RISK), !=,
                   traction_heatmap_band_pattern (TRACTION_BAND_CRITICAL));
  g_assert_cmpint (traction_heatmap_band_pattern (TRACTION_BAND_MONITOR), !=,
                   traction_heatmap_band_pattern (TRACTION_BAND_CRITICAL));
  cairo_surface_destroy (surface);
}

static void
test_visible_rows (void)
{
  TractionRules rules;
  TractionChartTheme theme;
  TractionHeatmap heatmap;
  cairo_surface_t *surface;
  int x, y, r, g, b;

  traction_rules_init_defaults (&rules);
  traction_chart_theme_init_print (&theme, FALSE);
  init_heatmap (&heatmap, &rules);
  /* From the second row, one row: Lumio Bank's row is drawn at the top... */
  heatmap.first_row = 1;
  heatmap.n_visible = 1;
  surface = draw (&theme, &heatmap);
  assert_cell_color (surface, &theme, 0, 2, TRACTION_BAND_CRITICAL);
  /* ... and nothing under it. */
  cell_corner (&theme, 1, 0, &x, &y);
  pixel (surface, x + 2, y + 2, &r, &g, &b);
  g_assert_cmpint (r + g + b, ==, 3 * 255);
  cairo_surface_destroy (surface);

  /* Hit testing agrees with the drawing. */
  {
    TractionHeatmapGeometry geometry;
    int row, col;

    traction_heatmap_geometry (&theme, W, 3, &geometry);
    cell_corner (&theme, 0, 2, &x, &y);
    g_assert_true (traction_heatmap_hit (&heatmap, &geometry, x, y, &row, &col));
    g_assert_cmpint (row, ==, 1);
    g_assert_cmpint (col, ==, 2);
    g_assert_false (traction_heatmap_hit (&heatmap, &geometry, 2, y, &row, &col));
    g_assert_cmpint (row, ==, 1);
    g_assert_cmpint (col, ==, -1);
  }
}

static void
test_sizes (void)
{
  static const double sizes[][2] = { { 0, 0 }, { 1, 1 }, { 3, 3 }, { 40, 10 }, { 1e6, 1e6 },
                                     { NAN, 10 }, { -5, 100 }, { INFINITY, INFINITY } };
  TractionRules rules;
  TractionChartTheme theme;
  TractionHeatmap heatmap;
  guint n_rows = 2000, n_months = 36;
  g_autofree float *many = g_new (float, n_rows * n_months);
  g_autofree char **many_names = g_new0 (char *, n_rows + 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_rows * n_months; i++)
    many[i] = (i % 7 == 0) ? NAN : (float) (i % 101);
  for (guint i = 0; i < n_rows; i++)
    many_names[i] = (char *) "A client with a long name that never fits the column";

  traction_rules_init_defaults (&rules);
  for (int mono = 0; mono < 2; mono++)
    {
      traction_chart_theme_init_print (&theme, mono);
      heatmap = (TractionHeatmap) {
        .names = (const char * const *) many_names, .scores = many, .n_rows = n_rows,
        .n_months = n_months, .month_labels = NULL, .rules = &rules, .first_row = 1990,
        .n_visible = 1000, .cursor_row = 1995, .cursor_col = 35, .show_cursor = TRUE,
      };
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          traction_chart_heatmap (cr, &theme, 0, 0, sizes[i][0], sizes[i][1], &heatmap);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          traction_chart_health_trend (cr, &theme, 0, 0, sizes[i][0], sizes[i][1], many, n_months, NULL, &rules);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          traction_chart_heatmap_legend (cr, &theme, 0, 0, sizes[i][0], &rules);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        }
      /* Past the end and with no rows. */
      heatmap.first_row = n_rows + 5;
      traction_chart_heatmap (cr, &theme, 0, 0, 200, 200, &heatmap);
      heatmap.n_rows = 0;
      heatmap.first_row = 0;
      traction_chart_heatmap (cr, &theme, 0, 0, 200, 200, &heatmap);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heatmap/colours", test_colours);
  g_test_add_func ("/heatmap/monochrome", test_monochrome);
  g_test_add_func ("/heatmap/visible-rows", test_visible_rows);
  g_test_add_func ("/heatmap/sizes", test_sizes);

  return g_test_run ();
}
