/* traction-qualify-wizard.h: the BANT+SPIN qualification wizard
 * (DOMAIN.md §2): company profile → Budget, Authority, Need, Timeline →
 * total and decision → SPIN notes → product fit → MEDDIC/MEDDPICC →
 * objections and next steps. Keys 1–5 pick a score, Enter goes on,
 * Escape asks before discarding. Saving adds a scoring (never
 * overwrites), sets the follow-up the band implies and offers the stage
 * move the band implies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_QUALIFY_WIZARD (traction_qualify_wizard_get_type ())
G_DECLARE_FINAL_TYPE (TractionQualifyWizard, traction_qualify_wizard, TRACTION, QUALIFY_WIZARD, AdwWindow)

/* NULL (with a toast on parent's window when it has one) when the deal
 * cannot be loaded. */
TractionQualifyWizard *traction_qualify_wizard_new  (TractionStore *store,
                                                     gint64         deal_id,
                                                     GError       **error);

/* Opens the wizard for deal_id over parent's window; problems show as a
 * toast (or a dialog without a main window). */
void                   traction_qualify_open        (GtkWidget     *parent,
                                                     TractionStore *store,
                                                     gint64         deal_id);

G_END_DECLS
