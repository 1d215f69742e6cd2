/* traction-clients-page.h: the Clients view (DOMAIN.md §5): the health
 * heatmap with its sort and filters, and the client pane (trend, why the
 * score moved, lifecycle, contract, stakeholders, alerts, ARR moves).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

#define TRACTION_TYPE_CLIENTS_PAGE (traction_clients_page_get_type ())
G_DECLARE_FINAL_TYPE (TractionClientsPage, traction_clients_page, TRACTION, CLIENTS_PAGE, GtkWidget)

typedef enum {
  TRACTION_CLIENTS_SORT_SCORE,   /* latest score, lowest first (no score last) */
  TRACTION_CLIENTS_SORT_ARR,     /* largest first */
  TRACTION_CLIENTS_SORT_TREND,   /* biggest fall first */
  TRACTION_CLIENTS_SORT_NAME,
} TractionClientsSort;

GtkWidget     *traction_clients_page_new          (TractionStore       *store);
TractionStore *traction_clients_page_get_store    (TractionClientsPage *self);
void           traction_clients_page_set_store    (TractionClientsPage *self,
                                                   TractionStore       *store);
/* Reloads now instead of at the next idle. */
void           traction_clients_page_refresh      (TractionClientsPage *self);
void           traction_clients_page_set_sort     (TractionClientsPage *self,
                                                   TractionClientsSort  sort);
/* The client shown in the pane (0: none) and showing one. */
gint64         traction_clients_page_get_selected (TractionClientsPage *self);
void           traction_clients_page_select       (TractionClientsPage *self,
                                                   gint64               account_id);
/* The heatmap (for tests). */
GtkWidget     *traction_clients_page_get_heatmap  (TractionClientsPage *self);

/* From any widget in a Traction window: shows the Clients view with the
 * client selected. FALSE when widget is not in a window with the view. */
gboolean       traction_clients_page_show_client  (GtkWidget           *widget,
                                                   gint64               account_id);

/* Asks for a note, then sets the alert's status ("acknowledged" or
 * "resolved"), with a toast that puts previous back (Undo). For the
 * Clients view and Today. */
void           traction_alert_note_dialog_run     (GtkWidget           *widget,
                                                   TractionStore       *store,
                                                   gint64               alert_id,
                                                   const char          *status,
                                                   const char          *previous);

G_END_DECLS
