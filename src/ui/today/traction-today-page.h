/* traction-today-page.h: what needs the founder now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_TODAY_PAGE (traction_today_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionTodayPage, traction_today_page, TRACTION, TODAY_PAGE, GtkWidget)

GtkWidget     *traction_today_page_new       (TractionStore     *store);
TractionStore *traction_today_page_get_store (TractionTodayPage *self);
void           traction_today_page_set_store (TractionTodayPage *self,
                                              TractionStore     *store);
/* Reloads now instead of at the next idle (the page follows ::changed). */
void           traction_today_page_refresh   (TractionTodayPage *self);

G_END_DECLS
