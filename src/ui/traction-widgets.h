/* traction-widgets.h: small widget helpers the views share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A flat, vertically centred button showing only an icon; label (already
 * translated) is its tooltip and the name screen readers say. */
GtkWidget *traction_icon_button_new (const char *icon_name,
                                     const char *label);

/* Sets widget's tooltip and its accessible name to label together, for
 * controls that show an icon only (e.g. when the icon changes). */
void       traction_widget_set_label (GtkWidget  *widget,
                                      const char *label);

#define TRACTION_LIST_BOX_MAX_ROWS 200

/* For views that keep widgets whose content is the same after a reload:
 * key is what widget shows, as text. Returns FALSE when widget shows key
 * already (keep it), else TRUE and remembers key (make it anew). Takes
 * key. traction_widget_forget_key() makes the next call return TRUE. */
gboolean   traction_widget_take_key   (GtkWidget  *widget,
                                       char       *key);
void       traction_widget_forget_key (GtkWidget  *widget);

/* Makes the row of item index (for traction_list_box_append_rows). */
typedef GtkWidget *(*TractionRowFunc) (gpointer data,
                                       guint    index);

/* Appends the rows of items [0, n) to list: the first max of them, then
 * a row "N more rows" whose Show All appends the rest (and moves the
 * keyboard to the first of them), a few at a time between frames, up to
 * TRACTION_LIST_BOX_MAX_ROWS; a last row says how many more the printed
 * report lists (the views that use this print every row). A list of
 * thousands of rows held the window for seconds. data must outlive the
 * list, or the list must be emptied before data goes. */
void       traction_list_box_append_rows (GtkListBox      *list,
                                          guint            n,
                                          guint            max,
                                          TractionRowFunc  make_row,
                                          gpointer         data);

/* Replaces list's rows with those of items [0, n) as
 * traction_list_box_append_rows() makes them, or with one row saying
 * empty_text when n is 0; unless key, what the first max rows show (and
 * n) as text, is what they were made from last time and Show All was not
 * used since: then they stay. Takes key. Returns whether the rows were
 * made anew. */
gboolean   traction_list_box_set_rows    (GtkListBox      *list,
                                          char            *key,
                                          const char      *empty_text,
                                          guint            n,
                                          guint            max,
                                          TractionRowFunc  make_row,
                                          gpointer         data);

G_END_DECLS
