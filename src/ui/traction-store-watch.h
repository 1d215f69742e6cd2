/* traction-store-watch.h: reload a view when its store changes
 *
 * Every view follows the same rule: a burst of writes gives one reload
 * (in an idle), and a hidden view reloads when it is shown, not on every
 * write. traction_store_watch() does that for one view and one store.
 */
#pragma once

#include <adwaita.h>

#include "traction-store.h"

G_BEGIN_DECLS

typedef void (*TractionReloadFunc) (GtkWidget *view);

/* Watches store's ::changed for view and calls reload (view) in an idle
 * while the view is mapped; changes while it is hidden give one reload,
 * at once, when it is next mapped. Replaces any earlier watch of view; store may
 * be NULL to stop watching. The watch ends with the view. */
void traction_store_watch         (GtkWidget          *view,
                                   TractionStore      *store,
                                   TractionReloadFunc  reload);

/* For a view given a new store: TRUE when it is hidden, and then it
 * loads when first shown (the window makes every view at start); FALSE
 * when the caller should load now (shown, or no store). */
gboolean traction_store_watch_defer (GtkWidget  *view);

/* After a write the view made itself: shows error (when the write failed)
 * as a toast on toasts, then reloads the view now instead of at the next
 * idle. */
void traction_store_watch_written (GtkWidget       *view,
                                   AdwToastOverlay *toasts,
                                   gboolean         ok,
                                   const GError    *error);

/* Drops a pending reload (for a view that has just reloaded itself). */
void traction_store_watch_settle  (GtkWidget          *view);

G_END_DECLS
