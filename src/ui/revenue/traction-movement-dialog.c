/* traction-movement-dialog.c: add or edit one ARR movement (§6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-movement-dialog.h"

struct _TractionMovementDialog
{
  AdwWindow      parent_instance;

  TractionStore *store;
  gint64         movement_id;
  GPtrArray     *clients;      /* TractionRevenueClient */

  AdwComboRow   *client_row;
  AdwEntryRow   *date_row;
  AdwComboRow   *kind_row;
  AdwEntryRow   *amount_row;
  AdwEntryRow   *note_row;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (TractionMovementDialog, traction_movement_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TractionMovementDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save_cb (TractionMovementDialog *self)
{
  g_autoptr(GError) error = NULL;
  TractionMovementInput input = { 0 };
  guint client = adw_combo_row_get_selected (self->client_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gint64 id = self->movement_id;
  gboolean ok;

  if (client == GTK_INVALID_LIST_POSITION || client >= self->clients->len)
    {
      show_error (self, _("Choose the client the movement belongs to."));
      return;
    }
  input.account_id = ((TractionRevenueClient *) g_ptr_array_index (self->clients, client))->id;

  g_date_clear (&input.date, 1);
  {
    g_autofree char *clean = g_strstrip (g_strdup (date_text));

    if (!traction_date_parse (clean, &input.date, NULL))
      {
        show_error (self, _("Enter the date as YYYY-MM-DD, for example 2026-11-22."));
        gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
        return;
      }
  }

  if (kind == GTK_INVALID_LIST_POSITION || kind >= TRACTION_N_MOVE_KINDS)
    {
      show_error (self, _("Choose the kind of movement."));
      return;
    }
  input.kind = (TractionMoveKind) kind;

  if (!traction_money_parse_input (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                                   &input.amount_cents, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
      return;
    }
  input.note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (self->movement_id == 0)
    ok = traction_store_add_movement (self->store, &input, &id, &error);
  else
    ok = traction_store_update_movement (self->store, self->movement_id, &input, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (TractionMovementDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
traction_movement_dialog_dispose (GObject *object)
{
  TractionMovementDialog *self = TRACTION_MOVEMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->clients, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_movement_dialog_parent_class)->dispose (object);
}

static void
traction_movement_dialog_class_init (TractionMovementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_movement_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

static void
traction_movement_dialog_init (TractionMovementDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  self->client_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row), _("Client"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->client_row));

  self->date_row = ADW_ENTRY_ROW (entry_row (_("Date (YYYY-MM-DD)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));

  for (guint k = 0; k < TRACTION_N_MOVE_KINDS; k++)
    gtk_string_list_append (kinds, traction_move_kind_label ((TractionMoveKind) k));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->amount_row = ADW_ENTRY_ROW (entry_row (_("Annual amount (always positive)")));
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "numeric");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->amount_row));

  self->note_row = ADW_ENTRY_ROW (entry_row (_("Note")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}

GtkWidget *
traction_movement_dialog_new (GtkWindow     *parent,
                              TractionStore *store,
                              gint64         account_id,
                              gint64         movement_id)
{
  TractionMovementDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(TractionMovementRow) row = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  char date[16];

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_MOVEMENT_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->movement_id = movement_id;

  traction_date_today (&today);
  self->clients = traction_store_list_revenue_clients (store, &today, &error);
  if (self->clients == NULL)
    {
      self->clients = g_ptr_array_new ();
      show_error (self, error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; i < self->clients->len; i++)
    gtk_string_list_append (names, ((TractionRevenueClient *) g_ptr_array_index (self->clients, i))->name);
  adw_combo_row_set_model (self->client_row, G_LIST_MODEL (names));

  if (movement_id > 0)
    {
      row = traction_store_get_movement (store, movement_id, &error);
      if (row == NULL)
        show_error (self, error->message);
    }

  if (row != NULL)
    {
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", row->amount_cents / 100,
                                                 (int) (row->amount_cents % 100));

      account_id = row->account_id;
      traction_date_format (&row->date, date);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      adw_combo_row_set_selected (self->kind_row, row->kind);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), row->note);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit ARR Movement"));
    }
  else
    {
      traction_date_format (&today, date);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      adw_combo_row_set_selected (self->kind_row, TRACTION_MOVE_EXPANSION_UPSELL);
      gtk_window_set_title (GTK_WINDOW (self), _("New ARR Movement"));
    }

  for (guint i = 0; i < self->clients->len; i++)
    if (((TractionRevenueClient *) g_ptr_array_index (self->clients, i))->id == account_id)
      adw_combo_row_set_selected (self->client_row, i);
  if (account_id > 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->client_row), movement_id > 0);

  return GTK_WIDGET (self);
}
