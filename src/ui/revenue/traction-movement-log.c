/* traction-movement-log.c: the movement log of a client (§6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-movement-log.h"
#include "traction-widgets.h"
#include "traction-movement-dialog.h"
#include "traction-revenue-private.h"
#include "traction-store-revenue.h"
#include "traction-store-watch.h"
#include "traction-window.h"

struct _TractionMovementLog
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *summary;
  GtkListBox    *list;
  TractionStore *store;
  gint64         account_id;
  guint          n_rows;
  guint          total;       /* movements of the client (or all), listed or not */
  GPtrArray     *rows;        /* TractionMovementRow listed, newest first */
  char          *currency;
};

G_DEFINE_FINAL_TYPE (TractionMovementLog, traction_movement_log, GTK_TYPE_WIDGET)

static void reload (TractionMovementLog *self);

void
traction_revenue_add_toast (GtkWidget *widget,
                            AdwToast  *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, TRACTION_TYPE_WINDOW);

  if (window != NULL)
    traction_window_add_toast (TRACTION_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
traction_revenue_show_error (GtkWidget  *widget,
                             const char *heading,
                             const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, message);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_dialog (TractionMovementLog *self,
             gint64               movement_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = traction_movement_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->store, self->account_id, movement_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_clicked_cb (GtkButton           *button,
                 TractionMovementLog *self)
{
  open_dialog (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "movement-id")));
}

static void
undo_delete_cb (AdwToast *toast,
                gpointer  user_data)
{
  TractionMovementLog *self = g_object_get_data (G_OBJECT (toast), "log");
  TractionMovementRow *row = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !traction_store_restore_movement (self->store, row, &error))
    traction_revenue_show_error (GTK_WIDGET (self), _("Could Not Restore the Movement"), error->message);
}

static void
delete_clicked_cb (GtkButton           *button,
                   TractionMovementLog *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "movement-id"));
  TractionMovementRow *deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;
  if (!traction_store_delete_movement (self->store, id, &deleted, &error))
    {
      traction_revenue_show_error (GTK_WIDGET (self), _("Could Not Delete the Movement"), error->message);
      return;
    }

  /* Translators: toast after deleting an ARR movement, "Upsell of Alder deleted" */
  title = g_strdup_printf (_("%s of %s deleted"), traction_move_kind_label (deleted->kind), deleted->account);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "log", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) traction_movement_row_free, 0);
  traction_revenue_add_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
row_new (TractionMovementLog       *self,
         const TractionMovementRow *move,
         const char                *currency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount, *edit, *del, *suffix;
  g_autofree char *money = traction_money_format (move->amount_cents, currency, FALSE);
  g_autofree char *after = traction_money_format (move->arr_after_cents, currency, FALSE);
  g_autofree char *signed_money = g_strdup_printf ("%s%s",
                                                   traction_move_delta (move->kind, 1) < 0 ? "−" : "+", money);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *arr_text = NULL;
  g_autofree char *date = traction_revenue_format_date (&move->date, "%x");

  if (self->account_id > 0)
    title = g_strdup (traction_move_kind_label (move->kind));
  else
    /* Translators: movement log row title, "Alder · Upsell" */
    title = g_strdup_printf (_("%s · %s"), move->account, traction_move_kind_label (move->kind));
  subtitle = move->note[0] != '\0' ? g_strdup_printf (_("%s · %s"), date, move->note) : g_strdup (date);

  /* Plain text: client names and notes are user text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  amount = gtk_label_new (signed_money);
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, "heading");
  /* Translators: ARR of the client after a movement */
  arr_text = g_strdup_printf (_("ARR after: %s"), after);
  gtk_box_append (GTK_BOX (suffix), amount);
  {
    GtkWidget *label = gtk_label_new (arr_text);

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_add_css_class (label, "numeric");
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "caption");
    gtk_box_append (GTK_BOX (suffix), label);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  edit = traction_icon_button_new ("document-edit-symbolic", _("Edit Movement"));
  del = traction_icon_button_new ("user-trash-symbolic", _("Delete Movement"));
  for (GtkWidget *b = edit; b != NULL; b = (b == edit ? del : NULL))
    {
      g_object_set_data (G_OBJECT (b), "movement-id", GSIZE_TO_POINTER ((gsize) move->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
    }
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (del, "clicked", G_CALLBACK (delete_clicked_cb), self);

  return row;
}

static GtkWidget *
log_row_new (gpointer data,
             guint    index)
{
  TractionMovementLog *self = data;

  return row_new (self, g_ptr_array_index (self->rows, index), self->currency);
}

/* Whether two lists of movements show the same. */
static gboolean
same_movements (GPtrArray *a,
                GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const TractionMovementRow *x = g_ptr_array_index (a, i);
      const TractionMovementRow *y = g_ptr_array_index (b, i);

      if (x->id != y->id || x->account_id != y->account_id || x->kind != y->kind
          || x->amount_cents != y->amount_cents || x->arr_after_cents != y->arr_after_cents
          || g_date_compare (&x->date, &y->date) != 0
          || g_strcmp0 (x->account, y->account) != 0 || g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
clear_rows (TractionMovementLog *self)
{
  GtkWidget *child;

  /* The rows first: a "Show All" row refers to the movements. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->n_rows = 0;
}

static void
reload (TractionMovementLog *self)
{
  GPtrArray *rows;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  guint shown;
  guint total = 0;

  if (self->store == NULL)
    {
      clear_rows (self);
      return;
    }

  if (self->account_id > 0)
    rows = traction_store_list_movements (self->store, self->account_id, &error);
  else
    rows = traction_store_list_recent_movements (self->store, TRACTION_MOVEMENT_LOG_LIMIT, &total, &error);
  if (rows == NULL)
    {
      clear_rows (self);
      gtk_label_set_text (GTK_LABEL (self->summary), error->message);
      return;
    }
  if (self->account_id > 0)
    total = rows->len;

  /* A write that left these movements as they were (most writes are
   * elsewhere) keeps the rows, and what Show All opened. */
  currency = traction_store_get_currency (self->store);
  if (same_movements (rows, self->rows) && g_strcmp0 (currency, self->currency) == 0 && total == self->total)
    {
      g_ptr_array_unref (rows);
      return;
    }

  clear_rows (self);
  self->rows = rows;
  self->total = total;
  g_free (self->currency);
  self->currency = g_steal_pointer (&currency);
  shown = rows->len;
  traction_list_box_append_rows (self->list, shown, TRACTION_MOVEMENT_LOG_SHOWN, log_row_new, self);
  self->n_rows = shown;

  if (total == 0)
    gtk_label_set_text (GTK_LABEL (self->summary),
                        _("No ARR movements yet. Add the first contract as a “New” movement, "
                          "or import a CSV file of movements."));
  else if (shown < total)
    {
      g_autofree char *text = g_strdup_printf (_("The %u most recent of %u movements."), shown, total);

      gtk_label_set_text (GTK_LABEL (self->summary), text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u movement, newest first.",
                                                         "%u movements, newest first.", total),
                                               total);

      gtk_label_set_text (GTK_LABEL (self->summary), text);
    }
}

static void
reload_cb (GtkWidget *widget)
{
  reload (TRACTION_MOVEMENT_LOG (widget));
}

static void
traction_movement_log_dispose (GObject *object)
{
  TractionMovementLog *self = TRACTION_MOVEMENT_LOG (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (traction_movement_log_parent_class)->dispose (object);
}

static void
traction_movement_log_class_init (TractionMovementLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_movement_log_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "movementlog");
}

static void
traction_movement_log_init (TractionMovementLog *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("ARR movements"), -1);
  gtk_box_append (GTK_BOX (self->box), self->summary);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
traction_movement_log_new (TractionStore *store,
                           gint64         account_id)
{
  TractionMovementLog *self;

  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);

  self = g_object_new (TRACTION_TYPE_MOVEMENT_LOG, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->account_id = account_id;
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);
  reload (self);
  return GTK_WIDGET (self);
}

void
traction_movement_log_set_account (TractionMovementLog *self,
                                   gint64               account_id)
{
  g_return_if_fail (TRACTION_IS_MOVEMENT_LOG (self));

  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  /* Rows of every client are titled with the client: made anew. */
  clear_rows (self);
  reload (self);
}

void
traction_movement_log_add (TractionMovementLog *self)
{
  g_return_if_fail (TRACTION_IS_MOVEMENT_LOG (self));

  open_dialog (self, 0);
}

guint
traction_movement_log_get_n_rows (TractionMovementLog *self)
{
  g_return_val_if_fail (TRACTION_IS_MOVEMENT_LOG (self), 0);

  return self->n_rows;
}
