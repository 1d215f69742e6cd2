/* traction-objection-library.h: the objection library and the SPIN
 * question bank, edited in one window (DOMAIN.md §2). Opened for a deal,
 * it also marks which objections came up and which questions were asked
 * on that deal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_OBJECTION_LIBRARY (traction_objection_library_get_type ())
G_DECLARE_FINAL_TYPE (TractionObjectionLibrary, traction_objection_library, TRACTION, OBJECTION_LIBRARY, AdwWindow)

/* deal_id 0: the library alone. */
GtkWidget *traction_objection_library_new  (TractionStore *store,
                                            gint64         deal_id);
/* Opens it over parent's window on page "objections" or "spin". */
void       traction_objection_library_open (GtkWidget     *parent,
                                            TractionStore *store,
                                            gint64         deal_id,
                                            const char    *page);

G_END_DECLS
