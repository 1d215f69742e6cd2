/* traction-widgets.c: small widget helpers the views share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

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

/* The Show All row of traction_list_box_append_rows(). */
typedef struct
{
  TractionRowFunc make_row;
  gpointer        data;
  guint           from;
  guint           n;
} MoreRows;

static void
show_all_cb (GtkButton *button,
             MoreRows  *more)
{
  GtkWidget *more_row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (more_row));
  int first = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (more_row));
  MoreRows rest = *more;   /* the row (and more with it) goes now */
  GtkListBoxRow *first_new;

  gtk_list_box_remove (list, more_row);
  /* The key of traction_list_box_set_rows() covers the first rows only:
   * the next set makes the rows anew. */
  g_object_set_data (G_OBJECT (list), "traction-rows-key", NULL);
  for (guint i = rest.from; i < rest.n; i++)
    gtk_list_box_append (list, rest.make_row (rest.data, i));
  /* The keyboard (and the view) stay where the row was. */
  first_new = gtk_list_box_get_row_at_index (list, first);
  if (first_new != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

void
traction_list_box_append_rows (GtkListBox      *list,
                               guint            n,
                               guint            max,
                               TractionRowFunc  make_row,
                               gpointer         data)
{
  guint shown = MIN (n, max);
  MoreRows *more;
  GtkWidget *row;
  GtkWidget *button;
  g_autofree char *title = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (make_row != NULL);

  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (list, make_row (data, i));
  if (shown == n)
    return;

  more = g_new0 (MoreRows, 1);
  more->make_row = make_row;
  more->data = data;
  more->from = shown;
  more->n = n;
  row = adw_action_row_new ();
  title = g_strdup_printf (ngettext ("%u more row", "%u more rows", n - shown), n - shown);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  button = gtk_button_new_with_mnemonic (_("Show _All"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_data (button, "clicked", G_CALLBACK (show_all_cb), more, (GClosureNotify) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (list, row);
}

gboolean
traction_list_box_set_rows (GtkListBox      *list,
                            char            *key,
                            const char      *empty_text,
                            guint            n,
                            guint            max,
                            TractionRowFunc  make_row,
                            gpointer         data)
{
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_strcmp0 (g_object_get_data (G_OBJECT (list), "traction-rows-key"), key) == 0)
    {
      g_free (key);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (list), "traction-rows-key", key, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (n == 0 && empty_text != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty_text);
      gtk_list_box_append (list, row);
      return TRUE;
    }
  traction_list_box_append_rows (list, n, max, make_row, data);
  return TRUE;
}
