/* traction-store-watch.c: reload a view when its store changes */

#include "traction-store-watch.h"

#define WATCH_KEY "traction-store-watch"

typedef struct
{
  GtkWidget          *view;    /* unowned: the watch lives as long as it */
  TractionStore      *store;
  TractionReloadFunc  reload;
  gulong              changed_id;
  gulong              map_id;
  guint               idle_id;
  gboolean            stale;   /* changed while hidden */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->idle_id, g_source_remove);
  if (watch->store != NULL)
    {
      g_clear_signal_handler (&watch->changed_id, watch->store);
      g_object_unref (watch->store);
    }
  /* The map handler went with the view's own handlers (dispose), or was
   * dropped by traction_store_watch() when the watch was replaced. */
  g_free (watch);
}

static gboolean
reload_idle_cb (gpointer data)
{
  Watch *watch = data;

  watch->idle_id = 0;
  watch->reload (watch->view);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (TractionStore *store,
            Watch         *watch)
{
  if (!gtk_widget_get_mapped (watch->view))
    {
      watch->stale = TRUE;
      return;
    }
  if (watch->idle_id == 0)
    watch->idle_id = g_idle_add (reload_idle_cb, watch);
}

/* Shown after changes: reload now, so the view never shows old data
 * (and an action run right after showing it sees the new). */
static void
map_cb (GtkWidget *view,
        Watch     *watch)
{
  if (!watch->stale)
    return;
  watch->stale = FALSE;
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  watch->reload (watch->view);
}

void
traction_store_watch (GtkWidget          *view,
                      TractionStore      *store,
                      TractionReloadFunc  reload)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));
  g_return_if_fail (store == NULL || reload != NULL);

  watch = g_object_get_data (G_OBJECT (view), WATCH_KEY);
  if (watch != NULL)
    {
      g_clear_signal_handler (&watch->map_id, view);
      g_object_set_data (G_OBJECT (view), WATCH_KEY, NULL);
    }
  if (store == NULL)
    return;

  watch = g_new0 (Watch, 1);
  watch->view = view;
  watch->store = g_object_ref (store);
  watch->reload = reload;
  watch->changed_id = g_signal_connect (store, "changed", G_CALLBACK (changed_cb), watch);
  watch->map_id = g_signal_connect (view, "map", G_CALLBACK (map_cb), watch);
  g_object_set_data_full (G_OBJECT (view), WATCH_KEY, watch, watch_free);
}

void
traction_store_watch_settle (GtkWidget *view)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (view));

  watch = g_object_get_data (G_OBJECT (view), WATCH_KEY);
  if (watch == NULL)
    return;
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  watch->stale = FALSE;
}

gboolean
traction_store_watch_defer (GtkWidget *view)
{
  Watch *watch;

  g_return_val_if_fail (GTK_IS_WIDGET (view), FALSE);

  watch = g_object_get_data (G_OBJECT (view), WATCH_KEY);
  if (watch == NULL || gtk_widget_get_mapped (view))
    return FALSE;
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  watch->stale = TRUE;
  return TRUE;
}

void
traction_store_watch_written (GtkWidget       *view,
                              AdwToastOverlay *toasts,
                              gboolean         ok,
                              const GError    *error)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (view));

  if (!ok && error != NULL && toasts != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (toasts, toast);
    }
  watch = g_object_get_data (G_OBJECT (view), WATCH_KEY);
  if (watch == NULL)
    return;
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  watch->stale = FALSE;
  watch->reload (view);
}
