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

#define KEY_KEY "traction-content-key"

gboolean
traction_widget_take_key (GtkWidget *widget,
                          char      *key)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  if (key != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (widget), KEY_KEY), key) == 0)
    {
      g_free (key);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (widget), KEY_KEY, key, g_free);
  return TRUE;
}

void
traction_widget_forget_key (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), KEY_KEY, NULL);
}

/* The Show All row of traction_list_box_append_rows(). */
typedef struct
{
  TractionRowFunc make_row;
  gpointer        data;
  guint           from;
  guint           n;
} MoreRows;

/* The rest of the rows after Show All, a few in each frame (a tick
 * callback of the list), up to TRACTION_LIST_BOX_MAX_ROWS in all: every
 * row added makes a GtkListBox measure all of its rows again, and 1,800
 * rows held the window 1.7 s at once, then 50-80 ms per frame. The job
 * ends when the list goes, or when its rows are no longer the ones it
 * made (the list was filled anew). */
typedef struct
{
  MoreRows  more;
  GWeakRef  list;
  GWeakRef  last;     /* the row it appended last */
} ShowAll;

static void
show_all_free (gpointer data)
{
  ShowAll *job = data;

  g_weak_ref_clear (&job->list);
  g_weak_ref_clear (&job->last);
  g_free (job);
}

/* A frame's slice: at most this long or this many rows (their first
 * layout, in the same frame, costs several times their making). */
#define SHOW_ALL_SLICE_US 2000
#define SHOW_ALL_SLICE_ROWS 5

/* The row after the most a list shows: where the rest are. */
static void
append_rest_row (GtkListBox *list,
                 guint       rest)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (ngettext ("%u more row: Print or Export as PDF lists every row",
                                                      "%u more rows: Print or Export as PDF lists every row",
                                                      rest), rest);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

/* Appends a slice of rows; FALSE when all are there or the list
 * changed. */
static gboolean
show_all_step (ShowAll *job)
{
  g_autoptr(GtkWidget) list = g_weak_ref_get (&job->list);
  g_autoptr(GtkWidget) last = g_weak_ref_get (&job->last);
  gint64 until = g_get_monotonic_time () + SHOW_ALL_SLICE_US;

  guint end = MIN (job->more.n, TRACTION_LIST_BOX_MAX_ROWS);
  guint made = 0;

  if (list == NULL || last == NULL || gtk_widget_get_last_child (list) != last)
    return FALSE;
  do
    {
      GtkWidget *row = job->more.make_row (job->more.data, job->more.from++);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_weak_ref_set (&job->last, row);
    }
  while (job->more.from < end && ++made < SHOW_ALL_SLICE_ROWS && g_get_monotonic_time () < until);
  if (job->more.from < end)
    return TRUE;
  if (job->more.from < job->more.n)
    append_rest_row (GTK_LIST_BOX (list), job->more.n - job->more.from);
  return FALSE;
}

static gboolean
show_all_tick_cb (GtkWidget     *list,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  return show_all_step (data) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
show_all_cb (GtkButton *button,
             MoreRows  *more)
{
  GtkWidget *more_row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (more_row));
  int first = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (more_row));
  ShowAll *job = g_new0 (ShowAll, 1);
  GtkListBoxRow *first_new;

  job->more = *more;   /* the row (and more with it) goes now */
  g_weak_ref_init (&job->list, list);
  g_weak_ref_init (&job->last, NULL);
  gtk_list_box_remove (list, more_row);
  /* The key of traction_list_box_set_rows() covers the first rows only:
   * the next set makes the rows anew. */
  traction_widget_forget_key (GTK_WIDGET (list));

  /* The first slice now, for the keyboard (and the view) to stay where
   * the row was; the rest between frames. */
  g_weak_ref_set (&job->last, gtk_widget_get_last_child (GTK_WIDGET (list)));
  if (show_all_step (job))
    gtk_widget_add_tick_callback (GTK_WIDGET (list), show_all_tick_cb, job, show_all_free);
  else
    show_all_free (job);
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
  if (n <= TRACTION_LIST_BOX_MAX_ROWS)
    button = gtk_button_new_with_mnemonic (_("Show _All"));
  else
    {
      guint next = shown < TRACTION_LIST_BOX_MAX_ROWS ? TRACTION_LIST_BOX_MAX_ROWS - shown : 0;
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u _More", "Show %u _More", next), next);

      button = gtk_button_new_with_mnemonic (label);
    }
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

  if (!traction_widget_take_key (GTK_WIDGET (list), key))
    return FALSE;
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
