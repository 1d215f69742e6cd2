/* traction-widgets.c: small widget helpers the views share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "traction-widgets.h"

#define LABEL_KEY "traction-label"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *label = g_object_get_data (G_OBJECT (widget), LABEL_KEY);

  if (label == NULL || label[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, label);
  return TRUE;
}

void
traction_widget_set_label (GtkWidget  *widget,
                           const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The tooltip is made when asked: gtk_widget_set_tooltip_text () asks
   * the display server where the pointer is, which costs a round trip
   * for each of a list's hundreds of buttons. (In GTK 4.8 a tooltip is
   * only an accessible description, hence the label too.) */
  if (g_object_get_data (G_OBJECT (widget), LABEL_KEY) == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), LABEL_KEY, g_strdup (label != NULL ? label : ""), g_free);
  gtk_widget_set_has_tooltip (widget, label != NULL && label[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  -1);
}

GtkWidget *
traction_icon_button_new (const char *icon_name,
                          const char *label)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (label != NULL)
    traction_widget_set_label (button, label);
  return button;
}
