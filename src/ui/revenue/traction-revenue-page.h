/* traction-revenue-page.h: the Revenue view (DOMAIN.md §6, §7): NRR/GRR,
 * the ARR bridge, cohorts, the expansion mix and tracker, renewals, the
 * movement log, CSV import with a preview, and the printable CS
 * dashboard, for a month, quarter, year or custom period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store-revenue.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_REVENUE_PAGE (traction_revenue_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionRevenuePage, traction_revenue_page, TRACTION, REVENUE_PAGE, GtkWidget)

GtkWidget     *traction_revenue_page_new        (TractionStore       *store);
TractionStore *traction_revenue_page_get_store  (TractionRevenuePage *self);
void           traction_revenue_page_set_store  (TractionRevenuePage *self,
                                                 TractionStore       *store);
/* Shows [from, to) as a period of kind (CUSTOM: any range). */
void           traction_revenue_page_set_period (TractionRevenuePage *self,
                                                 TractionPeriodKind   kind,
                                                 const GDate         *from,
                                                 const GDate         *to);
/* The figures shown (NULL before a load), for tests. */
const TractionRevenue *traction_revenue_page_get_revenue (TractionRevenuePage *self);

G_END_DECLS
