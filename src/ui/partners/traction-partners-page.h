/* traction-partners-page.h: the design-partner tracker (DOMAIN.md §3):
 * candidates side by side, agreements, the milestone timeline, success
 * metrics, evaluation gates, the feedback log and requests grouped across
 * partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_PARTNERS_PAGE (traction_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionPartnersPage, traction_partners_page, TRACTION, PARTNERS_PAGE, GtkWidget)

/* What the detail shows besides a partner. */
#define TRACTION_PARTNERS_COMPARE  ((gint64) -1)
#define TRACTION_PARTNERS_REQUESTS ((gint64) -2)

GtkWidget     *traction_partners_page_new          (TractionStore        *store);
TractionStore *traction_partners_page_get_store    (TractionPartnersPage *self);
void           traction_partners_page_set_store    (TractionPartnersPage *self,
                                                    TractionStore        *store);
/* Reloads now instead of at the next idle (the page follows ::changed). */
void           traction_partners_page_refresh      (TractionPartnersPage *self);
/* A partner id, or TRACTION_PARTNERS_COMPARE / TRACTION_PARTNERS_REQUESTS. */
gint64         traction_partners_page_get_selected (TractionPartnersPage *self);
void           traction_partners_page_select       (TractionPartnersPage *self,
                                                    gint64                id);

G_END_DECLS
