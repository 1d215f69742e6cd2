/* test-wait.h: for widget tests: waiting until the main loop is idle and
 * no view is still reading its data on a worker thread (traction-loader.h),
 * and finding a widget in a tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-loader.h"

static inline void
traction_test_wait_for_views (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (traction_loader_n_running () > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether widget is the one looked for. */
typedef gboolean (*TractionTestMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

/* The first widget at or below widget, depth first in child order, that
 * match says is the one. */
static inline GtkWidget *
traction_test_find (GtkWidget         *widget,
                    TractionTestMatch  match,
                    gconstpointer      data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = traction_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}
