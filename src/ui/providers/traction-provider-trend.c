/* traction-provider-trend.c: the overall-score trend on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-provider-trend.h"
#include "traction-provider-report.h"

struct _TractionProviderTrend
{
  GtkWidget  parent_instance;

  GArray    *scores;   /* int */
  GArray    *dates;    /* GDate */
};

G_DEFINE_FINAL_TYPE (TractionProviderTrend, traction_provider_trend, GTK_TYPE_WIDGET)

static void
rgba_from_gdk (const GdkRGBA *in,
               TractionRgba  *out)
{
  out->red = in->red;
  out->green = in->green;
  out->blue = in->blue;
  out->alpha = in->alpha;
}

static void
traction_provider_trend_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  TractionProviderTrend *self = TRACTION_PROVIDER_TREND (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *font;
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  TractionChartTheme theme;
  TractionRgba fg, accent;
  GdkRGBA color, accent_color;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &color);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent_color))
    accent_color = color;
  G_GNUC_END_IGNORE_DEPRECATIONS

  rgba_from_gdk (&color, &fg);
  rgba_from_gdk (&accent_color, &accent);
  font = pango_context_get_font_description (pango);
  traction_chart_theme_init_screen (&theme, &fg, &accent,
                                    font != NULL ? pango_font_description_get_family (font) : "Sans",
                                    font != NULL ? pango_font_description_get_size (font) / (double) PANGO_SCALE * 96.0 / 72.0 * 0.9 : 10.0);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  traction_provider_trend_draw (cr, &theme, 0, 0, width, height,
                                (const int *) (gpointer) self->scores->data,
                                (const GDate *) (gpointer) self->dates->data,
                                self->scores->len);
  cairo_destroy (cr);
}

static void
traction_provider_trend_finalize (GObject *object)
{
  TractionProviderTrend *self = TRACTION_PROVIDER_TREND (object);

  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->dates, g_array_unref);

  G_OBJECT_CLASS (traction_provider_trend_parent_class)->finalize (object);
}

static void
traction_provider_trend_class_init (TractionProviderTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = traction_provider_trend_finalize;
  widget_class->snapshot = traction_provider_trend_snapshot;

  gtk_widget_class_set_css_name (widget_class, "providertrend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
traction_provider_trend_init (TractionProviderTrend *self)
{
  self->scores = g_array_new (FALSE, FALSE, sizeof (int));
  self->dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 150);
}

GtkWidget *
traction_provider_trend_new (void)
{
  return g_object_new (TRACTION_TYPE_PROVIDER_TREND, NULL);
}

void
traction_provider_trend_set_points (TractionProviderTrend *self,
                                    const int             *scores,
                                    const GDate           *dates,
                                    gsize                  n)
{
  GString *text = g_string_new (_("Overall score by review:"));

  g_return_if_fail (TRACTION_IS_PROVIDER_TREND (self));
  g_return_if_fail (n == 0 || (scores != NULL && dates != NULL));

  g_array_set_size (self->scores, 0);
  g_array_set_size (self->dates, 0);
  g_array_append_vals (self->scores, scores, (guint) n);
  g_array_append_vals (self->dates, dates, (guint) n);

  /* The chart as words for screen readers. */
  for (gsize i = 0; i < n; i++)
    {
      char day[16];

      traction_date_format (&dates[i], day);
      g_string_append_printf (text, " %s %d/40%s", day, scores[i], i + 1 < n ? "," : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
  g_string_free (text, TRUE);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
