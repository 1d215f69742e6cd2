/* traction-chart-widget.c: a widget that draws a charts/ routine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "traction-chart-widget.h"

struct _TractionChartWidget
{
  GtkWidget              parent_instance;

  TractionChartDrawFunc  func;
  gpointer               data;
  GDestroyNotify         destroy;
};

G_DEFINE_FINAL_TYPE (TractionChartWidget, traction_chart_widget, GTK_TYPE_WIDGET)

/* Helpers */

static TractionRgba
rgba_from_gdk (const GdkRGBA *color)
{
  TractionRgba out = { color->red, color->green, color->blue, color->alpha };

  return out;
}

static void
clear_data (TractionChartWidget *self)
{
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  self->func = NULL;
  self->data = NULL;
  self->destroy = NULL;
}

/* Signal callbacks */

static void
style_changed_cb (TractionChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Overrides */

static void
traction_chart_widget_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TractionChartWidget *self = TRACTION_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TractionChartTheme theme;
  cairo_t *cr;

  if (self->func == NULL || width <= 0 || height <= 0)
    return;

  traction_chart_widget_get_theme (self, &theme);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->func (cr, &theme, width, height, self->data);
  cairo_destroy (cr);
}

static void
traction_chart_widget_dispose (GObject *object)
{
  TractionChartWidget *self = TRACTION_CHART_WIDGET (object);

  clear_data (self);

  G_OBJECT_CLASS (traction_chart_widget_parent_class)->dispose (object);
}

static void
traction_chart_widget_class_init (TractionChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_chart_widget_dispose;
  widget_class->snapshot = traction_chart_widget_snapshot;

  gtk_widget_class_set_css_name (widget_class, "tractionchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
traction_chart_widget_init (TractionChartWidget *self)
{
  /* The accent and the dark style come from the style manager; follow them. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
traction_chart_widget_new (void)
{
  return g_object_new (TRACTION_TYPE_CHART_WIDGET, NULL);
}

void
traction_chart_widget_set_draw_func (TractionChartWidget   *self,
                                     TractionChartDrawFunc  func,
                                     gpointer               data,
                                     GDestroyNotify         destroy)
{
  g_return_if_fail (TRACTION_IS_CHART_WIDGET (self));

  clear_data (self);
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
traction_chart_widget_get_theme (TractionChartWidget *self,
                                 TractionChartTheme  *theme)
{
  g_return_if_fail (TRACTION_IS_CHART_WIDGET (self));

  traction_chart_theme_for_widget (GTK_WIDGET (self), theme);
}

void
traction_chart_theme_for_widget (GtkWidget          *widget,
                                 TractionChartTheme *theme)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  const PangoFontDescription *font;
  GdkRGBA foreground, accent;
  TractionRgba fg, ac;
  const char *family = NULL;
  double size = 0;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (theme != NULL);

  /* GTK 4.8 has no gtk_widget_get_color (4.10): the style context is the
   * way to the CSS colour and libadwaita's named colours. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font != NULL)
    {
      family = pango_font_description_get_family (font);
      size = pango_font_description_get_size (font) / (double)PANGO_SCALE;
      /* Points to pixels at the 96 dpi GTK assumes. */
      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
    }

  fg = rgba_from_gdk (&foreground);
  ac = rgba_from_gdk (&accent);
  traction_chart_theme_init_screen (theme, &fg, &ac, family, size);
  theme->monochrome = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}
