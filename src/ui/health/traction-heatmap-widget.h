/* traction-heatmap-widget.h: the clients × months health heatmap on
 * screen. Scrolls in a GtkScrolledWindow (GtkScrollable: vertical only)
 * and draws only the visible rows; a tooltip and a keyboard cell cursor
 * (arrows, Home/End, Page Up/Down) say client, month, score and band;
 * Enter or a click emits ::cell-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-core.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_HEATMAP_WIDGET (traction_heatmap_widget_get_type ())
G_DECLARE_FINAL_TYPE (TractionHeatmapWidget, traction_heatmap_widget, TRACTION, HEATMAP_WIDGET, GtkWidget)

GtkWidget *traction_heatmap_widget_new        (void);

/* The rows and months (copied). names and account_ids: n_rows each;
 * scores: n_rows × n_months row-major, NAN where there is no scorecard;
 * first_month: the first day of the first month. Keeps the cursor on
 * the same account when it is still there. */
void       traction_heatmap_widget_set_data   (TractionHeatmapWidget *self,
                                               const TractionRules   *rules,
                                               guint                  n_rows,
                                               guint                  n_months,
                                               const char * const    *names,
                                               const gint64          *account_ids,
                                               const float           *scores,
                                               const GDate           *first_month);
guint      traction_heatmap_widget_get_n_rows (TractionHeatmapWidget *self);
gint64     traction_heatmap_widget_get_account (TractionHeatmapWidget *self,
                                                guint                  row);
/* The row of an account, -1 when it is not shown. */
int        traction_heatmap_widget_find_row   (TractionHeatmapWidget *self,
                                               gint64                 account_id);
/* The cursor cell (-1, -1 when there are no rows). */
void       traction_heatmap_widget_get_cursor (TractionHeatmapWidget *self,
                                               int                   *row,
                                               int                   *col);
/* Moves the cursor (clamped) and scrolls it into view. */
void       traction_heatmap_widget_set_cursor (TractionHeatmapWidget *self,
                                               int                    row,
                                               int                    col);
/* "Lumio Bank, October 2026: 38.5, Critical" or "…: no scorecard". */
char      *traction_heatmap_widget_describe_cell (TractionHeatmapWidget *self,
                                                  int                    row,
                                                  int                    col);
/* The last month of row with a score (the last month when none). */
int        traction_heatmap_widget_latest_col (TractionHeatmapWidget *self,
                                               guint                  row);
/* Emits ::cell-activated for the cell as Enter and a click do. */
void       traction_heatmap_widget_activate_cell (TractionHeatmapWidget *self,
                                                  int                    row,
                                                  int                    col);

/* The icon that goes with a band's word (colour never alone). */
const char *traction_health_band_icon_name (TractionHealthBand band);

G_END_DECLS
