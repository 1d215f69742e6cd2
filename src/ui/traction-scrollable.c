/* traction-scrollable.c: the GtkScrollable half of a widget that scrolls
 * itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "traction-scrollable.h"

enum {
  HADJUSTMENT,
  VADJUSTMENT,
  HSCROLL_POLICY,
  VSCROLL_POLICY,
};

static void
value_changed_cb (GtkAdjustment      *adjustment,
                  TractionScrollable *self)
{
  self->changed (self->widget, FALSE);
}

static void
set_adjustment (TractionScrollable  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, value_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  self->changed (self->widget, TRUE);
}

void
traction_scrollable_install_properties (GObjectClass *object_class,
                                        guint         first_prop_id)
{
  g_object_class_override_property (object_class, first_prop_id + HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, first_prop_id + VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, first_prop_id + HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, first_prop_id + VSCROLL_POLICY, "vscroll-policy");
}

void
traction_scrollable_init (TractionScrollable *self,
                          GtkWidget          *widget,
                          void              (*changed) (GtkWidget *widget,
                                                        gboolean   replaced))
{
  self->widget = widget;
  self->changed = changed;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

void
traction_scrollable_clear (TractionScrollable *self)
{
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

gboolean
traction_scrollable_get_property (TractionScrollable *self,
                                  guint               first_prop_id,
                                  guint               prop_id,
                                  GValue             *value)
{
  switch (prop_id - first_prop_id)
    {
    case HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      return TRUE;
    case VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      return TRUE;
    case HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      return TRUE;
    case VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
traction_scrollable_set_property (TractionScrollable *self,
                                  guint               first_prop_id,
                                  guint               prop_id,
                                  const GValue       *value)
{
  switch (prop_id - first_prop_id)
    {
    case HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      return TRUE;
    case VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      return TRUE;
    case HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      return TRUE;
    case VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      return TRUE;
    default:
      return FALSE;
    }
}
