/* bench-heatmap.c: one heatmap frame for 2,000 clients × 36 months on a
 * 1400×900 surface (the visible rows only, as the widget draws it, at
 * scroll positions spread over the grid), the same grid drawn whole for
 * comparison, and, given a database, one scorecard save.
 * Prints medians. Not a test: build-aux/bench.sh runs it.
 *
 *   bench-heatmap [DATABASE ACCOUNT_ID YYYY-MM-01]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "test-util.h"
#include "traction-heatmap.h"
#include "traction-store-health.h"

#define N_ROWS   2000
#define N_MONTHS 36
#define WIDTH    1400
#define HEIGHT   900
#define FRAMES   31

int
main (int   argc,
      char *argv[])
{
  g_autofree float *scores = g_new (float, N_ROWS * N_MONTHS);
  g_autofree char **names = g_new0 (char *, N_ROWS + 1);
  const char *months[N_MONTHS];
  TractionRules rules;
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  TractionHeatmap heatmap;
  cairo_surface_t *surface;
  double frames[FRAMES], whole[5];
  GRand *rand = g_rand_new_with_seed (1);
  cairo_t *cr;

  traction_rules_init_defaults (&rules);
  for (guint i = 0; i < N_ROWS * N_MONTHS; i++)
    scores[i] = g_rand_int_range (rand, 0, 10) == 0 ? NAN : (float) g_rand_double_range (rand, 15, 98);
  for (guint i = 0; i < N_ROWS; i++)
    names[i] = g_strdup_printf ("Client %04u GmbH", i);
  for (guint j = 0; j < N_MONTHS; j++)
    months[j] = "Mmm";

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  traction_chart_theme_init_print (&theme, FALSE);
  theme.font_size = 13.0;
  traction_heatmap_geometry (&theme, WIDTH, N_MONTHS, &g);
  heatmap = (TractionHeatmap) {
    .names = (const char * const *) names, .scores = scores, .n_rows = N_ROWS, .n_months = N_MONTHS,
    .month_labels = months, .rules = &rules, .cursor_row = -1, .cursor_col = -1,
    .n_visible = (guint) ceil ((HEIGHT - g.header_height) / g.row_height) + 1,
  };

  /* Warm the font caches. */
  traction_chart_heatmap (cr, &theme, 0, 0, WIDTH, HEIGHT, &heatmap);
  for (int f = 0; f < FRAMES; f++)
    {
      gint64 start = g_get_monotonic_time ();

      heatmap.first_row = (guint) ((double) f / FRAMES * (N_ROWS - heatmap.n_visible));
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      traction_chart_heatmap (cr, &theme, 0, 0, WIDTH, HEIGHT, &heatmap);
      cairo_surface_flush (surface);
      frames[f] = (g_get_monotonic_time () - start) / 1000.0;
    }
  /* The whole grid on a surface as tall as it (what drawing every row costs). */
  {
    double tall = g.header_height + N_ROWS * g.row_height;
    cairo_surface_t *big = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
    cairo_t *bcr = cairo_create (big);

    heatmap.first_row = 0;
    heatmap.n_visible = N_ROWS;
    for (int r = 0; r < 5; r++)
      {
        gint64 start = g_get_monotonic_time ();

        traction_chart_heatmap (bcr, &theme, 0, 0, WIDTH, tall, &heatmap);
        whole[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
    cairo_destroy (bcr);
    cairo_surface_destroy (big);
  }
  printf ("%-50s %10.2f ms median of %d\n", "heatmap frame, 2,000 × 36, visible rows (1400×900)",
          traction_test_median (frames, FRAMES), FRAMES);
  printf ("%-50s %10.2f ms median of 5\n", "same grid, every row drawn (recording surface)", traction_test_median (whole, 5));

  if (argc == 4)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TractionStore) store = traction_store_open (argv[1], FALSE, &error);
      gint64 account_id = g_ascii_strtoll (argv[2], NULL, 10);
      double saves[9];
      GDate month;

      if (store == NULL || !traction_date_parse (argv[3], &month, &error))
        {
          fprintf (stderr, "bench-heatmap: %s\n", error->message);
          return 1;
        }
      for (int r = 0; r < 9; r++)
        {
          TractionHealthInput input = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { FALSE, FALSE, FALSE } };
          gint64 start;

          input.items[r % TRACTION_N_HEALTH_ITEMS] = 1 + r % 5;
          start = g_get_monotonic_time ();
          if (!traction_store_save_scorecard (store, account_id, &month, &input, "bench", NULL, &error))
            {
              fprintf (stderr, "bench-heatmap: %s\n", error->message);
              return 1;
            }
          saves[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      printf ("%-50s %10.2f ms median of 9\n", "scorecard save (2,000 clients)", traction_test_median (saves, 9));
    }

  for (guint i = 0; i < N_ROWS; i++)
    g_free (names[i]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return 0;
}
