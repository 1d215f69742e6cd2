/* traction-heatmap-widget.c: the health heatmap on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-heatmap-widget.h"
#include "traction-heatmap.h"
#include "traction-chart-widget.h"
#include "traction-scrollable.h"

struct _TractionHeatmapWidget
{
  GtkWidget        parent_instance;

  TractionRules    rules;
  guint            n_rows;
  guint            n_months;
  char           **names;        /* n_rows + 1, NULL-terminated */
  gint64          *account_ids;
  float           *scores;
  GDate            first_month;
  char           **month_labels; /* n_months + 1 */
  char           **year_labels;

  int              cursor_row;
  int              cursor_col;

  TractionScrollable scrollable;
};

enum {
  PROP_0,
  PROP_SCROLLABLE,   /* and the three after it */
};

enum {
  CELL_ACTIVATED,
  CURSOR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (TractionHeatmapWidget, traction_heatmap_widget, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
get_theme_and_geometry (TractionHeatmapWidget   *self,
                        TractionChartTheme      *theme,
                        TractionHeatmapGeometry *geometry)
{
  traction_chart_theme_for_widget (GTK_WIDGET (self), theme);
  traction_heatmap_geometry (theme, gtk_widget_get_width (GTK_WIDGET (self)), self->n_months, geometry);
}

static double
scroll_value (TractionHeatmapWidget *self)
{
  return self->scrollable.vadjustment != NULL ? gtk_adjustment_get_value (self->scrollable.vadjustment) : 0;
}

/* The renderer's view of the data at the current scroll position. */
static void
make_heatmap (TractionHeatmapWidget         *self,
              const TractionHeatmapGeometry *g,
              TractionHeatmap               *heatmap)
{
  double value = MAX (scroll_value (self), 0);
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - g->header_height;

  *heatmap = (TractionHeatmap) {
    .names = (const char * const *) self->names,
    .scores = self->scores,
    .n_rows = self->n_rows,
    .n_months = self->n_months,
    .month_labels = (const char * const *) self->month_labels,
    .year_labels = (const char * const *) self->year_labels,
    .rules = &self->rules,
    .cursor_row = self->cursor_row,
    .cursor_col = self->cursor_col,
    .show_cursor = gtk_widget_has_focus (GTK_WIDGET (self)),
  };
  if (g->row_height > 0)
    {
      heatmap->first_row = (guint) floor (value / g->row_height);
      heatmap->y_offset = value - heatmap->first_row * g->row_height;
      heatmap->n_visible = (guint) ceil (MAX (height, 0) / g->row_height) + 1;
    }
}

static void
configure_adjustment (TractionHeatmapWidget *self)
{
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  double page, upper;

  if (self->scrollable.vadjustment == NULL)
    return;
  get_theme_and_geometry (self, &theme, &g);
  page = MAX (gtk_widget_get_height (GTK_WIDGET (self)) - g.header_height, 0);
  upper = self->n_rows * g.row_height;
  gtk_adjustment_configure (self->scrollable.vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->scrollable.vadjustment), 0, MAX (upper - page, 0)),
                            0, MAX (upper, page), g.row_height, page * 0.9, page);
}

static void
scrolled_cb (GtkWidget *widget,
             gboolean   replaced)
{
  if (replaced)
    configure_adjustment (TRACTION_HEATMAP_WIDGET (widget));
  gtk_widget_queue_draw (widget);
}

/* Text */

static char *
month_name (TractionHeatmapWidget *self,
            int                    col,
            const char            *format)
{
  GDate month = self->first_month;
  g_autoptr(GDateTime) dt = NULL;

  g_date_add_months (&month, col);
  dt = g_date_time_new_local (g_date_get_year (&month), g_date_get_month (&month), 1, 0, 0, 0);
  return g_date_time_format (dt, format);
}

char *
traction_heatmap_widget_describe_cell (TractionHeatmapWidget *self,
                                       int                    row,
                                       int                    col)
{
  g_autofree char *month = NULL;
  float score;

  g_return_val_if_fail (TRACTION_IS_HEATMAP_WIDGET (self), NULL);

  if (row < 0 || col < 0 || (guint) row >= self->n_rows || (guint) col >= self->n_months)
    return NULL;

  month = month_name (self, col, "%B %Y");
  score = self->scores[(gsize) row * self->n_months + col];
  if (isnan (score))
    /* Translators: heatmap cell, "Lumio Bank, October 2026: no scorecard" */
    return g_strdup_printf (_("%s, %s: no scorecard"), self->names[row], month);
  /* Translators: heatmap cell, "Lumio Bank, October 2026: 38.5, Critical" */
  return g_strdup_printf (_("%s, %s: %.1f, %s"), self->names[row], month, (double) score,
                          traction_health_band_label (traction_health_band (score, &self->rules)));
}

static void
update_accessible (TractionHeatmapWidget *self)
{
  g_autofree char *text = traction_heatmap_widget_describe_cell (self, self->cursor_row, self->cursor_col);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : _("No clients shown"), -1);
}

/* Drawing */

static void
traction_heatmap_widget_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  TractionHeatmapWidget *self = TRACTION_HEATMAP_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  TractionHeatmap heatmap;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->n_months == 0)
    return;

  get_theme_and_geometry (self, &theme, &g);
  make_heatmap (self, &g, &heatmap);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  traction_chart_heatmap (cr, &theme, 0, 0, width, height, &heatmap);
  cairo_destroy (cr);
}

static void
traction_heatmap_widget_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 480;
    }
}

static void
traction_heatmap_widget_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  configure_adjustment (TRACTION_HEATMAP_WIDGET (widget));
}

/* Cursor */

static void
scroll_to_cursor (TractionHeatmapWidget *self)
{
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  double top, page;

  if (self->scrollable.vadjustment == NULL || self->cursor_row < 0)
    return;
  get_theme_and_geometry (self, &theme, &g);
  top = self->cursor_row * g.row_height;
  page = gtk_adjustment_get_page_size (self->scrollable.vadjustment);
  /* Not laid out yet: nothing is on screen to keep the cursor in. */
  if (page < g.row_height)
    return;
  if (top < gtk_adjustment_get_value (self->scrollable.vadjustment))
    gtk_adjustment_set_value (self->scrollable.vadjustment, top);
  else if (top + g.row_height > gtk_adjustment_get_value (self->scrollable.vadjustment) + page)
    gtk_adjustment_set_value (self->scrollable.vadjustment, top + g.row_height - page);
}

void
traction_heatmap_widget_set_cursor (TractionHeatmapWidget *self,
                                    int                    row,
                                    int                    col)
{
  g_return_if_fail (TRACTION_IS_HEATMAP_WIDGET (self));

  if (self->n_rows == 0 || self->n_months == 0)
    {
      row = col = -1;
    }
  else
    {
      row = CLAMP (row, 0, (int) self->n_rows - 1);
      col = CLAMP (col, 0, (int) self->n_months - 1);
    }
  if (row == self->cursor_row && col == self->cursor_col)
    return;
  self->cursor_row = row;
  self->cursor_col = col;
  scroll_to_cursor (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

void
traction_heatmap_widget_get_cursor (TractionHeatmapWidget *self,
                                    int                   *row,
                                    int                   *col)
{
  g_return_if_fail (TRACTION_IS_HEATMAP_WIDGET (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (col != NULL)
    *col = self->cursor_col;
}

void
traction_heatmap_widget_activate_cell (TractionHeatmapWidget *self,
                                       int                    row,
                                       int                    col)
{
  GDate month;

  g_return_if_fail (TRACTION_IS_HEATMAP_WIDGET (self));

  if (row < 0 || col < 0 || (guint) row >= self->n_rows || (guint) col >= self->n_months)
    return;
  month = self->first_month;
  g_date_add_months (&month, col);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, self->account_ids[row], &month);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TractionHeatmapWidget *self)
{
  int row = MAX (self->cursor_row, 0), col = MAX (self->cursor_col, 0);
  int page = 10;

  if (self->n_rows == 0)
    return FALSE;
  if (self->scrollable.vadjustment != NULL)
    {
      TractionChartTheme theme;
      TractionHeatmapGeometry g;

      get_theme_and_geometry (self, &theme, &g);
      if (g.row_height > 0)
        page = MAX ((int) (gtk_adjustment_get_page_size (self->scrollable.vadjustment) / g.row_height) - 1, 1);
    }

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: row--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: row++; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: col--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: col++; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: row -= page; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: row += page; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      if (state & GDK_CONTROL_MASK)
        row = 0;
      col = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      if (state & GDK_CONTROL_MASK)
        row = (int) self->n_rows - 1;
      col = (int) self->n_months - 1;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
      traction_heatmap_widget_activate_cell (self, row, col);
      return TRUE;
    default:
      return FALSE;
    }
  traction_heatmap_widget_set_cursor (self, row, col);
  return TRUE;
}

static void
click_released_cb (GtkGestureClick       *gesture,
                   int                    n_press,
                   double                 x,
                   double                 y,
                   TractionHeatmapWidget *self)
{
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  TractionHeatmap heatmap;
  int row, col;

  get_theme_and_geometry (self, &theme, &g);
  make_heatmap (self, &g, &heatmap);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (traction_heatmap_hit (&heatmap, &g, x, y, &row, &col))
    {
      traction_heatmap_widget_set_cursor (self, row, col);
      traction_heatmap_widget_activate_cell (self, row, col);
    }
  else if (row >= 0)
    {
      /* A click on the name: the cursor goes to the latest scored month. */
      traction_heatmap_widget_set_cursor (self, row, traction_heatmap_widget_latest_col (self, row));
    }
}

static gboolean
query_tooltip_cb (GtkWidget             *widget,
                  int                    x,
                  int                    y,
                  gboolean               keyboard_mode,
                  GtkTooltip            *tooltip,
                  TractionHeatmapWidget *self)
{
  TractionChartTheme theme;
  TractionHeatmapGeometry g;
  TractionHeatmap heatmap;
  g_autofree char *text = NULL;
  int row, col;

  if (keyboard_mode)
    {
      row = self->cursor_row;
      col = self->cursor_col;
    }
  else
    {
      get_theme_and_geometry (self, &theme, &g);
      make_heatmap (self, &g, &heatmap);
      if (!traction_heatmap_hit (&heatmap, &g, x, y, &row, &col))
        return FALSE;
    }
  text = traction_heatmap_widget_describe_cell (self, row, col);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  TractionHeatmapWidget   *self)
{
  if (self->cursor_row < 0 && self->n_rows > 0)
    traction_heatmap_widget_set_cursor (self, 0, traction_heatmap_widget_latest_col (self, 0));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
traction_heatmap_widget_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TractionHeatmapWidget *self = TRACTION_HEATMAP_WIDGET (object);

  if (!traction_scrollable_get_property (&self->scrollable, PROP_SCROLLABLE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
traction_heatmap_widget_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TractionHeatmapWidget *self = TRACTION_HEATMAP_WIDGET (object);

  if (!traction_scrollable_set_property (&self->scrollable, PROP_SCROLLABLE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
traction_heatmap_widget_dispose (GObject *object)
{
  TractionHeatmapWidget *self = TRACTION_HEATMAP_WIDGET (object);

  traction_scrollable_clear (&self->scrollable);

  G_OBJECT_CLASS (traction_heatmap_widget_parent_class)->dispose (object);
}

static void
traction_heatmap_widget_finalize (GObject *object)
{
  TractionHeatmapWidget *self = TRACTION_HEATMAP_WIDGET (object);

  g_strfreev (self->names);
  g_strfreev (self->month_labels);
  g_strfreev (self->year_labels);
  g_free (self->account_ids);
  g_free (self->scores);

  G_OBJECT_CLASS (traction_heatmap_widget_parent_class)->finalize (object);
}

static void
traction_heatmap_widget_class_init (TractionHeatmapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = traction_heatmap_widget_get_property;
  object_class->set_property = traction_heatmap_widget_set_property;
  object_class->dispose = traction_heatmap_widget_dispose;
  object_class->finalize = traction_heatmap_widget_finalize;

  widget_class->snapshot = traction_heatmap_widget_snapshot;
  widget_class->measure = traction_heatmap_widget_measure;
  widget_class->size_allocate = traction_heatmap_widget_size_allocate;

  traction_scrollable_install_properties (object_class, PROP_SCROLLABLE);

  /* ::cell-activated (account_id, month): month is the first day. */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
traction_heatmap_widget_init (TractionHeatmapWidget *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  traction_rules_init_defaults (&self->rules);
  g_date_clear (&self->first_month, 1);
  g_date_set_dmy (&self->first_month, 1, 1, 2000);
  self->names = g_new0 (char *, 1);
  self->month_labels = g_new0 (char *, 1);
  self->year_labels = g_new0 (char *, 1);
  self->cursor_row = self->cursor_col = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Client health by month"), -1);
  update_accessible (self);
  traction_scrollable_init (&self->scrollable, GTK_WIDGET (self), scrolled_cb);
}

GtkWidget *
traction_heatmap_widget_new (void)
{
  return g_object_new (TRACTION_TYPE_HEATMAP_WIDGET, NULL);
}

void
traction_heatmap_widget_set_data (TractionHeatmapWidget *self,
                                  const TractionRules   *rules,
                                  guint                  n_rows,
                                  guint                  n_months,
                                  const char * const    *names,
                                  const gint64          *account_ids,
                                  const float           *scores,
                                  const GDate           *first_month)
{
  gint64 cursor_account = 0;
  int row = -1;

  g_return_if_fail (TRACTION_IS_HEATMAP_WIDGET (self));
  g_return_if_fail (rules != NULL && first_month != NULL && g_date_valid (first_month));
  g_return_if_fail (n_rows == 0 || (names != NULL && account_ids != NULL && scores != NULL));

  if (self->cursor_row >= 0)
    cursor_account = self->account_ids[self->cursor_row];

  self->rules = *rules;
  g_strfreev (self->names);
  g_strfreev (self->month_labels);
  g_strfreev (self->year_labels);
  g_free (self->account_ids);
  g_free (self->scores);
  self->n_rows = n_rows;
  self->n_months = n_months;
  self->names = g_new0 (char *, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    self->names[i] = g_strdup (names[i] != NULL ? names[i] : "");
  self->account_ids = g_memdup2 (account_ids, sizeof (gint64) * MAX (n_rows, 1));
  self->scores = g_memdup2 (scores, sizeof (float) * MAX ((gsize) n_rows * n_months, 1));
  g_date_clear (&self->first_month, 1);
  g_date_set_dmy (&self->first_month, 1, g_date_get_month (first_month), g_date_get_year (first_month));

  self->month_labels = g_new0 (char *, n_months + 1);
  self->year_labels = g_new0 (char *, n_months + 1);
  for (guint j = 0; j < n_months; j++)
    {
      GDate month = self->first_month;

      g_date_add_months (&month, j);
      self->month_labels[j] = month_name (self, j, "%b");
      self->year_labels[j] = (j == 0 || g_date_get_month (&month) == G_DATE_JANUARY)
                             ? g_strdup_printf ("%d", g_date_get_year (&month)) : g_strdup ("");
    }

  self->cursor_row = self->cursor_col = -1;
  if (cursor_account != 0)
    row = traction_heatmap_widget_find_row (self, cursor_account);
  configure_adjustment (self);
  if (row >= 0)
    traction_heatmap_widget_set_cursor (self, row, traction_heatmap_widget_latest_col (self, row));
  else
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
traction_heatmap_widget_get_n_rows (TractionHeatmapWidget *self)
{
  g_return_val_if_fail (TRACTION_IS_HEATMAP_WIDGET (self), 0);
  return self->n_rows;
}

gint64
traction_heatmap_widget_get_account (TractionHeatmapWidget *self,
                                     guint                  row)
{
  g_return_val_if_fail (TRACTION_IS_HEATMAP_WIDGET (self), 0);
  return row < self->n_rows ? self->account_ids[row] : 0;
}

int
traction_heatmap_widget_find_row (TractionHeatmapWidget *self,
                                  gint64                 account_id)
{
  g_return_val_if_fail (TRACTION_IS_HEATMAP_WIDGET (self), -1);

  for (guint i = 0; i < self->n_rows; i++)
    if (self->account_ids[i] == account_id)
      return (int) i;
  return -1;
}

int
traction_heatmap_widget_latest_col (TractionHeatmapWidget *self,
                                    guint                  row)
{
  g_return_val_if_fail (TRACTION_IS_HEATMAP_WIDGET (self), -1);

  if (row >= self->n_rows || self->n_months == 0)
    return -1;
  for (int j = (int) self->n_months - 1; j >= 0; j--)
    if (!isnan (self->scores[(gsize) row * self->n_months + j]))
      return j;
  return (int) self->n_months - 1;
}

const char *
traction_health_band_icon_name (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return "emblem-ok-symbolic";
    case TRACTION_BAND_MONITOR:  return "dialog-information-symbolic";
    case TRACTION_BAND_AT_RISK:  return "dialog-warning-symbolic";
    case TRACTION_BAND_CRITICAL:
    case TRACTION_N_BANDS:
    default:
      return "dialog-error-symbolic";
    }
}
