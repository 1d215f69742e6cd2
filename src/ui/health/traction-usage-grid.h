/* traction-usage-grid.h: one month's usage, tickets and NPS for every
 * client at once (the quick month × client entry).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_USAGE_GRID (traction_usage_grid_get_type ())
G_DECLARE_FINAL_TYPE (TractionUsageGrid, traction_usage_grid, TRACTION, USAGE_GRID, AdwWindow)

/* Opens on the current month; the twelve months before can be picked. */
TractionUsageGrid *traction_usage_grid_new (GtkWindow     *parent,
                                            TractionStore *store);

G_END_DECLS
