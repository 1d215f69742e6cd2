/* traction-demo-plan.h: a deal's demo plan (DOMAIN.md §9): the stated
 * pains in showing order, each with what answers it, the proof and the
 * minutes; the total against the meeting's length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_DEMO_PLAN (traction_demo_plan_get_type ())
G_DECLARE_FINAL_TYPE (TractionDemoPlanWindow, traction_demo_plan, TRACTION, DEMO_PLAN, AdwWindow)

GtkWidget *traction_demo_plan_new          (TractionStore *store,
                                            gint64         deal_id);
/* Opens the plan of deal_id over parent's window. */
void       traction_demo_plan_open         (GtkWidget     *parent,
                                            TractionStore *store,
                                            gint64         deal_id);
/* The plan's rows in showing order (for tests): GtkListBox. */
GtkListBox *traction_demo_plan_get_list    (TractionDemoPlanWindow *self);

G_END_DECLS
