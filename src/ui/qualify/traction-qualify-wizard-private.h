/* traction-qualify-wizard-private.h: what the widget tests reach inside
 * the wizard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-qualify-wizard.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_QUALIFY_STEP_PROFILE,
  TRACTION_QUALIFY_STEP_BUDGET,
  TRACTION_QUALIFY_STEP_AUTHORITY,
  TRACTION_QUALIFY_STEP_NEED,
  TRACTION_QUALIFY_STEP_TIMELINE,
  TRACTION_QUALIFY_STEP_DECISION,
  TRACTION_QUALIFY_STEP_SPIN,
  TRACTION_QUALIFY_STEP_FIT,
  TRACTION_QUALIFY_STEP_MEDDIC,
  TRACTION_QUALIFY_STEP_NEXT,
  TRACTION_QUALIFY_N_STEPS
} TractionQualifyStep;

/* The window's key handler (what a key press runs): TRUE when handled. */
gboolean             traction_qualify_wizard_key        (TractionQualifyWizard *self,
                                                         guint                  keyval,
                                                         GdkModifierType        state);
TractionQualifyStep  traction_qualify_wizard_get_step   (TractionQualifyWizard *self);
/* The live BANT total (4..20). */
int                  traction_qualify_wizard_get_total  (TractionQualifyWizard *self);
/* The dialog open on top of the wizard (discard question or stage
 * offer), NULL when none. */
AdwMessageDialog    *traction_qualify_wizard_get_dialog (TractionQualifyWizard *self);
/* Text fields by name: "note-0".."note-3" (BANT notes), "spin-0".."spin-3",
 * "action-0", "action-1", "follow-up". */
GtkEditable         *traction_qualify_wizard_get_field  (TractionQualifyWizard *self,
                                                         const char            *name);

G_END_DECLS
