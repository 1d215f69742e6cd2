/* traction-widgets.c: small widget helpers the views share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "traction-widgets.h"

void
traction_widget_set_label (GtkWidget  *widget,
                           const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* In GTK 4.8 a tooltip is only an accessible description. */
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
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
