/* traction-deal-pane-private.h: what the widget tests reach inside the pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-deal-pane.h"

G_BEGIN_DECLS

GtkLabel    *traction_deal_pane_get_company_label    (TractionDealPane *self);
/* The quick entry of the Activity group (a GtkEntry). */
GtkEditable *traction_deal_pane_get_touchpoint_entry (TractionDealPane *self);
/* The "Add next step" row (an AdwEntryRow). */
GtkEditable *traction_deal_pane_get_step_entry       (TractionDealPane *self);

G_END_DECLS
