/* traction-loader.h: a view's data read on a worker thread.
 *
 * A view hands the loader a function that reads everything it shows from
 * a store (with no GTK) and a function that shows the result. The read
 * runs on a worker thread with the loader's own read-only connection
 * (traction_store_open_reader), so the window never waits for SQL; only
 * showing the result is the main thread's part. A load asked for while
 * one runs gives one more load when it ends; a load made stale (another
 * store, the view gone) is dropped. Without a second connection the load
 * runs on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "traction-store.h"

G_BEGIN_DECLS

/* Reads what the view shows; NULL with error on failure. Called on a
 * worker thread (or the main one): no GTK. args: a copy of what
 * traction_loader_set_args() last gave (NULL if never), as it was when
 * the load started. */
typedef gpointer (*TractionLoadFunc)  (TractionStore  *store,
                                       gconstpointer   args,
                                       GError        **error);
/* Shows a result (result NULL: error says why). On the main thread. */
typedef void     (*TractionApplyFunc) (GtkWidget      *view,
                                       gpointer        result,
                                       const GError   *error);

typedef struct _TractionLoader TractionLoader;

/* view is not referenced: free the loader in the view's dispose. */
TractionLoader *traction_loader_new        (GtkWidget         *view,
                                            TractionLoadFunc   load,
                                            TractionApplyFunc  apply,
                                            GDestroyNotify     result_free);
void            traction_loader_free       (TractionLoader    *loader);
/* The store to read (NULL: none); drops a load under way. */
void            traction_loader_set_store  (TractionLoader    *loader,
                                            TractionStore     *store);
/* What the next loads read with (plain data, copied: a period, say). */
void            traction_loader_set_args   (TractionLoader    *loader,
                                            gconstpointer      args,
                                            gsize              size);
/* Loads on the worker thread and applies when done. */
void            traction_loader_start      (TractionLoader    *loader);
/* Loads on the main thread's connection and applies now, dropping a
 * load under way (for a view that must show its own write at once). */
void            traction_loader_run_now    (TractionLoader    *loader);
gboolean        traction_loader_is_loading (TractionLoader    *loader);
/* Loads under way in the whole process (tests wait for 0). */
guint           traction_loader_n_running  (void);

G_END_DECLS
