/* traction-scrollable.h: the GtkScrollable half of a widget that scrolls
 * itself (the heatmap, a board column): its two adjustments and policies,
 * the four properties, and a callback when an adjustment's value moves
 * or an adjustment is replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  GtkAdjustment       *hadjustment;   /* never NULL once set up */
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;
  /* Called with the widget when a value moved, or (replaced) when an
   * adjustment was replaced. */
  void               (*changed) (GtkWidget *widget,
                                 gboolean   replaced);
  GtkWidget           *widget;
} TractionScrollable;

/* Installs the four GtkScrollable properties as first_prop_id and the
 * three ids after it. */
void     traction_scrollable_install_properties (GObjectClass       *object_class,
                                                 guint               first_prop_id);
/* Gives the widget two adjustments (the scrolled window replaces them). */
void     traction_scrollable_init               (TractionScrollable *self,
                                                 GtkWidget          *widget,
                                                 void              (*changed) (GtkWidget *widget,
                                                                               gboolean   replaced));
void     traction_scrollable_clear              (TractionScrollable *self);
/* Handle prop_id if it is one of the four: TRUE when it was. */
gboolean traction_scrollable_get_property       (TractionScrollable *self,
                                                 guint               first_prop_id,
                                                 guint               prop_id,
                                                 GValue             *value);
gboolean traction_scrollable_set_property       (TractionScrollable *self,
                                                 guint               first_prop_id,
                                                 guint               prop_id,
                                                 const GValue       *value);

G_END_DECLS
