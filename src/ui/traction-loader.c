/* traction-loader.c: a view's data read on a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "traction-loader.h"

struct _TractionLoader
{
  GtkWidget         *view;
  TractionLoadFunc   load;
  TractionApplyFunc  apply;
  GDestroyNotify     result_free;
  TractionStore     *store;
  TractionStore     *reader;      /* opened on the first background load */
  GCancellable      *loading;     /* the load under way, or NULL */
  gboolean           load_again;  /* asked for during a load */
  gpointer           args;        /* traction_loader_set_args () */
  gsize              args_size;
};

static guint n_running;

typedef struct {
  TractionStore    *reader;
  TractionLoadFunc  load;
  GDestroyNotify    result_free;
  gpointer          args;       /* the loader's, copied */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->reader);
  g_free (job->args);
  g_free (job);
}

TractionLoader *
traction_loader_new (GtkWidget         *view,
                     TractionLoadFunc   load,
                     TractionApplyFunc  apply,
                     GDestroyNotify     result_free)
{
  TractionLoader *loader = g_new0 (TractionLoader, 1);

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (load != NULL && apply != NULL, NULL);

  loader->view = view;
  loader->load = load;
  loader->apply = apply;
  loader->result_free = result_free;
  return loader;
}

static void
drop_load (TractionLoader *loader)
{
  if (loader->loading != NULL)
    {
      /* Its result is dropped when it comes back. */
      g_cancellable_cancel (loader->loading);
      g_clear_object (&loader->loading);
      n_running--;
    }
  loader->load_again = FALSE;
}

void
traction_loader_free (TractionLoader *loader)
{
  if (loader == NULL)
    return;
  drop_load (loader);
  g_clear_object (&loader->reader);
  g_clear_object (&loader->store);
  g_free (loader->args);
  g_free (loader);
}

void
traction_loader_set_store (TractionLoader *loader,
                           TractionStore  *store)
{
  g_return_if_fail (loader != NULL);

  drop_load (loader);
  g_clear_object (&loader->reader);
  g_set_object (&loader->store, store);
}

void
traction_loader_set_args (TractionLoader *loader,
                          gconstpointer   args,
                          gsize           size)
{
  g_return_if_fail (loader != NULL);
  g_return_if_fail (args != NULL || size == 0);

  g_free (loader->args);
  loader->args = size > 0 ? g_memdup2 (args, size) : NULL;
  loader->args_size = size;
}

gboolean
traction_loader_is_loading (TractionLoader *loader)
{
  g_return_val_if_fail (loader != NULL, FALSE);

  return loader->loading != NULL;
}

guint
traction_loader_n_running (void)
{
  return n_running;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result = job->load (job->reader, job->args, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  TractionLoader *loader = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (res));
  g_autoptr(GError) error = NULL;
  gpointer result;

  /* Dropped (another store, or the view went away and freed the loader
   * after cancelling): touch nothing of the loader. The task frees the
   * result it holds. */
  if (g_cancellable_is_cancelled (cancellable))
    return;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  g_clear_object (&loader->loading);
  n_running--;
  loader->apply (loader->view, result, error);
  if (result != NULL && loader->result_free != NULL)
    loader->result_free (result);

  if (loader->load_again)
    {
      loader->load_again = FALSE;
      traction_loader_start (loader);
    }
}

static void
load_and_apply (TractionLoader *loader)
{
  g_autoptr(GError) error = NULL;
  gpointer result = loader->load (loader->store, loader->args, &error);

  loader->apply (loader->view, result, error);
  if (result != NULL && loader->result_free != NULL)
    loader->result_free (result);
}

void
traction_loader_run_now (TractionLoader *loader)
{
  g_return_if_fail (loader != NULL);

  drop_load (loader);
  if (loader->store != NULL)
    load_and_apply (loader);
}

void
traction_loader_start (TractionLoader *loader)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (loader != NULL);

  if (loader->store == NULL)
    return;
  if (loader->loading != NULL)
    {
      loader->load_again = TRUE;
      return;
    }
  if (loader->reader == NULL)
    {
      loader->reader = traction_store_open_reader (loader->store, &error);
      if (loader->reader == NULL)
        {
          /* Without a second connection, load on this one. */
          g_debug ("Loading on the main thread: %s", error->message);
          load_and_apply (loader);
          return;
        }
    }

  job = g_new0 (Job, 1);
  job->reader = g_object_ref (loader->reader);
  job->load = loader->load;
  job->result_free = loader->result_free;
  job->args = loader->args_size > 0 ? g_memdup2 (loader->args, loader->args_size) : NULL;
  loader->loading = g_cancellable_new ();
  n_running++;
  /* No source object: the task must not keep the view alive, and its
   * callback checks the cancellable before it touches the loader. */
  task = g_task_new (NULL, loader->loading, load_done_cb, loader);
  g_task_set_source_tag (task, traction_loader_start);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, load_thread);
}
