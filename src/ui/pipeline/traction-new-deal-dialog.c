/* traction-new-deal-dialog.c: the New Deal window.
 *
 * Company: an existing one from a searchable drop-down, or "New company"
 * with its name. "Introduced by" shows (and is required) for a warm
 * introduction. The store validates again; its message is shown as is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-new-deal-dialog.h"
#include "traction-store-deals.h"

struct _TractionNewDealDialog
{
  AdwWindow       parent_instance;

  /* template */
  GtkDropDown    *company_drop;
  AdwEntryRow    *new_company_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *arr_row;
  AdwComboRow    *owner_row;
  AdwComboRow    *source_row;
  AdwEntryRow    *intro_row;
  AdwEntryRow    *close_row;
  GtkLabel       *error_label;

  TractionStore  *store;
  GArray         *account_ids;   /* gint64 per company_drop row; 0 = new */
  GArray         *owner_ids;     /* gint64 per owner_row row; 0 = none */
};

G_DEFINE_FINAL_TYPE (TractionNewDealDialog, traction_new_deal_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TractionNewDealDialog *self,
            GtkWidget             *row,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_errors (TractionNewDealDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->new_company_row), GTK_WIDGET (self->name_row),
                        GTK_WIDGET (self->arr_row), GTK_WIDGET (self->intro_row),
                        GTK_WIDGET (self->close_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
update_visibility (TractionNewDealDialog *self)
{
  guint company = gtk_drop_down_get_selected (self->company_drop);
  guint source = adw_combo_row_get_selected (self->source_row);

  gtk_widget_set_visible (GTK_WIDGET (self->new_company_row),
                          company == 0 || company == GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_row), source == TRACTION_SOURCE_WARM_INTRO);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionNewDealDialog *self = TRACTION_NEW_DEAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  TractionNewDeal deal = { 0 };
  const char *arr_text = gtk_editable_get_text (GTK_EDITABLE (self->arr_row));
  const char *close_text = gtk_editable_get_text (GTK_EDITABLE (self->close_row));
  g_autofree char *arr_clean = NULL;
  g_autofree char *company_clean = NULL;
  guint company = gtk_drop_down_get_selected (self->company_drop);
  guint owner = adw_combo_row_get_selected (self->owner_row);
  gint64 deal_id = 0;

  clear_errors (self);

  if (company != GTK_INVALID_LIST_POSITION && company < self->account_ids->len)
    deal.account_id = g_array_index (self->account_ids, gint64, company);
  deal.company = gtk_editable_get_text (GTK_EDITABLE (self->new_company_row));
  deal.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  deal.source = (TractionSource) adw_combo_row_get_selected (self->source_row);
  deal.introduced_by = gtk_editable_get_text (GTK_EDITABLE (self->intro_row));
  if (owner != GTK_INVALID_LIST_POSITION && owner < self->owner_ids->len)
    deal.owner_id = g_array_index (self->owner_ids, gint64, owner);

  company_clean = g_strstrip (g_strdup (deal.company));
  if (deal.account_id == 0 && company_clean[0] == '\0')
    {
      show_error (self, GTK_WIDGET (self->new_company_row),
                  _("Company: choose a company or type the name of a new one."));
      return;
    }

  arr_clean = g_strstrip (g_strdup (arr_text));
  if (arr_clean[0] == '\0')
    deal.arr_cents = 0;
  else if (!traction_money_parse_input (arr_clean, &deal.arr_cents, NULL))
    {
      show_error (self, GTK_WIDGET (self->arr_row),
                  _("ARR: type the yearly amount as a number, like 48000."));
      return;
    }

  g_date_clear (&deal.expected_close, 1);
  if (close_text[0] != '\0' && !traction_date_parse (close_text, &deal.expected_close, NULL))
    {
      show_error (self, GTK_WIDGET (self->close_row),
                  _("Expected close: type a date as YYYY-MM-DD, like 2026-12-31, or leave it empty."));
      return;
    }

  if (!traction_store_create_deal (self->store, &deal, &deal_id, &error))
    {
      GtkWidget *row = NULL;

      if (g_str_has_prefix (error->message, _("Deal name")))
        row = GTK_WIDGET (self->name_row);
      else if (g_str_has_prefix (error->message, _("Introduced by")))
        row = GTK_WIDGET (self->intro_row);
      else if (g_str_has_prefix (error->message, _("Company")))
        row = GTK_WIDGET (self->new_company_row);
      show_error (self, row, error->message);
      return;
    }

  {
    g_autofree char *name = g_strstrip (g_strdup (deal.name));

    g_signal_emit (self, signals[CREATED], 0, deal_id, name);
  }
  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (TractionNewDealDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "deal.create", NULL);
}

static void
fill_choices (TractionNewDealDialog *self)
{
  g_autoptr(GPtrArray) accounts = traction_store_list_deal_accounts (self->store, NULL);
  g_autoptr(GPtrArray) founders = traction_store_list_named (self->store, "founders");
  g_autoptr(GtkStringList) company_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owner_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) source_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  gint64 none = 0;

  gtk_string_list_append (company_names, _("New company…"));
  g_array_append_val (self->account_ids, none);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const TractionNamed *account = g_ptr_array_index (accounts, i);

      gtk_string_list_append (company_names, account->name);
      g_array_append_val (self->account_ids, account->id);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->company_drop, expression);
  gtk_drop_down_set_model (self->company_drop, G_LIST_MODEL (company_names));

  gtk_string_list_append (owner_names, _("No owner"));
  g_array_append_val (self->owner_ids, none);
  for (guint i = 0; founders != NULL && i < founders->len; i++)
    {
      const TractionNamed *founder = g_ptr_array_index (founders, i);

      gtk_string_list_append (owner_names, founder->name);
      g_array_append_val (self->owner_ids, founder->id);
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owner_names));
  if (self->owner_ids->len > 1)
    adw_combo_row_set_selected (self->owner_row, 1);

  for (int source = 0; source < TRACTION_N_SOURCES; source++)
    gtk_string_list_append (source_names, traction_source_label (source));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (source_names));
  adw_combo_row_set_selected (self->source_row, TRACTION_SOURCE_INBOUND);

  update_visibility (self);
}

static void
traction_new_deal_dialog_dispose (GObject *object)
{
  TractionNewDealDialog *self = TRACTION_NEW_DEAL_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_NEW_DEAL_DIALOG);

  G_OBJECT_CLASS (traction_new_deal_dialog_parent_class)->dispose (object);
}

static void
traction_new_deal_dialog_finalize (GObject *object)
{
  TractionNewDealDialog *self = TRACTION_NEW_DEAL_DIALOG (object);

  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (traction_new_deal_dialog_parent_class)->finalize (object);
}

static void
traction_new_deal_dialog_class_init (TractionNewDealDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_new_deal_dialog_dispose;
  object_class->finalize = traction_new_deal_dialog_finalize;

  /**
   * TractionNewDealDialog::created:
   * @deal_id: the new deal
   * @name: its name, as saved
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/pipeline/traction-new-deal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, company_drop);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, new_company_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, arr_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, intro_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, close_row);
  gtk_widget_class_bind_template_child (widget_class, TractionNewDealDialog, error_label);

  gtk_widget_class_install_action (widget_class, "deal.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "deal.create", NULL);
}

static void
traction_new_deal_dialog_init (TractionNewDealDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->account_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_signal_connect_swapped (self->company_drop, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->new_company_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->arr_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->intro_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->close_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
}

GtkWidget *
traction_new_deal_dialog_new (TractionStore *store)
{
  TractionNewDealDialog *self;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_NEW_DEAL_DIALOG, NULL);
  self->store = g_object_ref (store);
  fill_choices (self);
  return GTK_WIDGET (self);
}
