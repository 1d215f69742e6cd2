/* traction-providers-page.h: provider registry, scorecards and the
 * coverage matrix (DOMAIN.md §4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_PROVIDERS_PAGE (traction_providers_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionProvidersPage, traction_providers_page, TRACTION, PROVIDERS_PAGE, GtkWidget)

GtkWidget     *traction_providers_page_new          (TractionStore         *store);
TractionStore *traction_providers_page_get_store    (TractionProvidersPage *self);
void           traction_providers_page_set_store    (TractionProvidersPage *self,
                                                     TractionStore         *store);
/* Reloads now instead of at the next idle (the page follows ::changed). */
void           traction_providers_page_refresh      (TractionProvidersPage *self);
/* The provider shown (0: the coverage matrix). */
gint64         traction_providers_page_get_selected (TractionProvidersPage *self);
void           traction_providers_page_select       (TractionProvidersPage *self,
                                                     gint64                 provider_id);

G_END_DECLS
