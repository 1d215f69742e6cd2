/* traction-preferences-window.c: company, team, pipeline and health
 * settings (DOMAIN.md §8).
 *
 * Every change is written at once, each in its own transaction, through
 * traction_store_set_rules () or traction_store_set_setting (): a rule is
 * changed on a fresh copy of the stored rules, so nothing else that is
 * being edited goes with it. When the store refuses a change the window
 * shows its message in a toast and puts the widget back to the stored
 * value. The health weights are the exception: they are checked against
 * each other, so they are saved together, and only once they add up to
 * 100 %.
 *
 * Founder, product and loss reason names are the user's text: they are
 * escaped wherever a widget reads markup (row titles, toasts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "traction-preferences-window.h"

typedef enum {
  LIST_FOUNDERS,
  LIST_PRODUCTS,
  LIST_LOSS_REASONS,
  N_LISTS
} ListKind;

typedef struct
{
  GtkListBox  *list;
  AdwEntryRow *add_row;
} NamedList;

struct _TractionPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template: Company */
  AdwEntryRow          *company_name_row;
  GtkPicture           *logo_picture;
  GtkWidget            *logo_remove_button;
  GtkFileChooserNative *logo_chooser;
  AdwComboRow          *currency_row;
  AdwComboRow          *fiscal_year_row;
  AdwEntryRow          *quarterly_target_row;
  GtkLabel             *target_currency_label;
  GtkLabel             *target_error_label;
  /* template: Team & Products */
  GtkListBox           *founders_list;
  AdwEntryRow          *founders_add_row;
  GtkListBox           *products_list;
  AdwEntryRow          *products_add_row;
  GtkListBox           *loss_reasons_list;
  AdwEntryRow          *loss_reasons_add_row;
  /* template: Pipeline */
  AdwPreferencesGroup  *stalled_group;
  AdwComboRow          *probability_row;
  GtkSpinButton        *prospects_spin;
  GtkSpinButton        *meetings_spin;
  /* template: Health */
  GtkSpinButton        *weight_usage_spin;
  GtkSpinButton        *weight_support_spin;
  GtkSpinButton        *weight_satisfaction_spin;
  GtkSpinButton        *weight_expansion_spin;
  GtkLabel             *weights_total_label;
  GtkButton            *weights_reset_button;
  GtkButton            *weights_save_button;

  GtkSpinButton        *weight_spins[TRACTION_N_HEALTH_CATEGORIES];
  GtkSpinButton        *stalled_spins[TRACTION_N_STAGES]; /* open stages only */
  NamedList             lists[N_LISTS];
  GtkStringList        *currency_model;
  GPtrArray            *currency_codes;   /* char *, parallel to currency_model */

  TractionStore        *store;
  guint                 updating;         /* > 0 while widgets are filled from the store */
  guint                 reload_id;
  guint                 reload_lists;     /* bit per ListKind */
};

/* One founder, product or loss reason row. Owned by the row. */
typedef struct
{
  TractionPreferencesWindow *self;      /* unowned: the row lives in self */
  ListKind                   kind;
  gint64                     id;
  char                      *name;
  GtkMenuButton             *rename_button;
  GtkPopover                *popover;
  GtkEntry                  *entry;
} ItemRow;

G_DEFINE_FINAL_TYPE (TractionPreferencesWindow, traction_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const list_tables[N_LISTS] = {
  "founders",
  "products",
  "loss_reasons",
};

/* The currencies offered first; a stored code not in this list is added
 * to the choices as it is. */
static const struct {
  const char *code;
  const char *name;
} currencies[] = {
  { "USD", N_("US dollar") },
  { "EUR", N_("Euro") },
  { "GBP", N_("British pound") },
  { "CHF", N_("Swiss franc") },
  { "CAD", N_("Canadian dollar") },
  { "AUD", N_("Australian dollar") },
  { "JPY", N_("Japanese yen") },
  { "SEK", N_("Swedish krona") },
  { "NOK", N_("Norwegian krone") },
  { "DKK", N_("Danish krone") },
  { "NZD", N_("New Zealand dollar") },
  { "SGD", N_("Singapore dollar") },
  { "HKD", N_("Hong Kong dollar") },
  { "INR", N_("Indian rupee") },
  { "BRL", N_("Brazilian real") },
  { "MXN", N_("Mexican peso") },
  { "PLN", N_("Polish złoty") },
  { "CZK", N_("Czech koruna") },
  { "ILS", N_("Israeli new shekel") },
  { "AED", N_("UAE dirham") },
  { "ZAR", N_("South African rand") },
  { "CNY", N_("Chinese yuan") },
  { "KRW", N_("South Korean won") },
};

/* Stored values of the "probability_mode" setting, in the order of the
 * combo row's model. */
static const char * const probability_modes[] = {
  "default",
  "learned",
};

/* Helpers */

static void
item_row_free (gpointer data)
{
  ItemRow *item = data;

  g_free (item->name);
  g_free (item);
}

/* The first clause of a message ("This loss reason is used by 2 deals"),
 * or NULL when the message is that short already. */
static char *
message_summary (const char *message)
{
  const char *end = NULL;
  const char *separators[] = { "; ", ". ", ": " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *found = strstr (message, separators[i]);

      if (found != NULL && (end == NULL || found < end))
        end = found;
    }

  if (end == NULL || end == message)
    return NULL;

  return g_strndup (message, (gsize)(end - message));
}

/* A toast shows one line: a long message shows its first clause, with a
 * button that opens the whole of it. */
static void
show_toast (TractionPreferencesWindow *self,
            const char                *message)
{
  g_autofree char *summary = message_summary (message);
  g_autofree char *markup = g_markup_escape_text (summary != NULL ? summary : message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 10);
  if (summary != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "prefs.show-message");
      adw_toast_set_action_target_value (toast, g_variant_new_string (message));
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Sets the text of an entry row without showing its apply button, which
 * is for the user's own edits. */
static void
set_entry_row_text (AdwEntryRow *row,
                    const char  *text)
{
  gboolean show_apply = adw_entry_row_get_show_apply_button (row);

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, show_apply);
}

static void
set_spin_value (TractionPreferencesWindow *self,
                GtkSpinButton             *spin,
                int                        value)
{
  self->updating++;
  gtk_spin_button_set_value (spin, value);
  self->updating--;
}

/* Writes rules; on failure shows why and returns FALSE (the caller puts
 * its widget back). */
static gboolean
save_rules (TractionPreferencesWindow *self,
            const TractionRules       *rules)
{
  g_autoptr(GError) error = NULL;

  if (!traction_store_set_rules (self->store, rules, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_setting (TractionPreferencesWindow *self,
              const char                *key,
              const char                *value)
{
  g_autoptr(GError) error = NULL;

  if (!traction_store_set_setting (self->store, key, value, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

/* "250000" or "250000.50": what traction_money_parse () reads back. */
static char *
format_amount (gint64 cents)
{
  if (cents % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int)(cents % 100));
}

/* Company */

static void
load_company_name (TractionPreferencesWindow *self)
{
  g_autofree char *name = traction_store_get_company_name (self->store);

  set_entry_row_text (self->company_name_row, name);
}

static void
load_logo (TractionPreferencesWindow *self)
{
  g_autoptr(GBytes) png = traction_store_get_logo (self->store);
  g_autoptr(GdkTexture) texture = NULL;

  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  gtk_widget_set_sensitive (self->logo_remove_button, png != NULL);
}

/* The image at file, made at most 600 × 300 pixels, as PNG bytes. */
static GBytes *
logo_png_from_file (GFile   *file,
                    GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose an image on this computer."));
      return NULL;
    }
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 600, 300, TRUE, error);
  if (pixbuf == NULL || !gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static void
logo_chooser_response_cb (GtkNativeDialog           *dialog,
                          int                        response,
                          TractionPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->logo_chooser);
  if (file == NULL)
    return;

  png = logo_png_from_file (file, &error);
  if (png == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the image: %s"), error->message);

      show_toast (self, message);
      return;
    }
  if (!traction_store_set_logo (self->store, png, &error))
    {
      show_toast (self, error->message);
      return;
    }
  load_logo (self);
}

static void
logo_choose_cb (TractionPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->logo_chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  self->logo_chooser = gtk_file_chooser_native_new (_("Choose the Company Logo"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->logo_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->logo_chooser), filter);
  g_signal_connect_object (self->logo_chooser, "response", G_CALLBACK (logo_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
logo_remove_cb (TractionPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!traction_store_set_logo (self->store, NULL, &error))
    show_toast (self, error->message);
  load_logo (self);
}

static guint
currency_index (TractionPreferencesWindow *self,
                const char                *code)
{
  for (guint i = 0; i < self->currency_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->currency_codes, i), code))
      return i;

  /* A code from an import or an older list: offer it as it is. */
  g_ptr_array_add (self->currency_codes, g_strdup (code));
  gtk_string_list_append (self->currency_model, code);

  return self->currency_codes->len - 1;
}

static void
load_currency (TractionPreferencesWindow *self)
{
  g_autofree char *code = traction_store_get_currency (self->store);
  guint index;

  self->updating++;
  index = currency_index (self, code);
  adw_combo_row_set_selected (self->currency_row, index);
  self->updating--;

  gtk_label_set_text (self->target_currency_label, code);
}

static void
load_fiscal_year (TractionPreferencesWindow *self)
{
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);

  self->updating++;
  adw_combo_row_set_selected (self->fiscal_year_row,
                              (guint)CLAMP (rules.fiscal_year_start_month, 1, 12) - 1);
  self->updating--;
}

static void
set_target_error (TractionPreferencesWindow *self,
                  const char                *message)
{
  GtkWidget *row = GTK_WIDGET (self->quarterly_target_row);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_label_set_text (self->target_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->target_error_label), TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->target_error_label), FALSE);
    }
}

/* Empty text is no target (0). */
static gboolean
parse_target (const char  *text,
              gint64      *cents,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      *cents = 0;
      return TRUE;
    }

  return traction_money_parse_input (stripped, cents, error);
}

static void
load_target (TractionPreferencesWindow *self)
{
  g_autofree char *text = NULL;
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);
  text = rules.quarterly_target_cents > 0 ? format_amount (rules.quarterly_target_cents) : g_strdup ("");

  self->updating++;
  set_entry_row_text (self->quarterly_target_row, text);
  self->updating--;

  set_target_error (self, NULL);
}

/* Team & Products */

static ListKind
list_kind_for_table (const char *table)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (g_str_equal (list_tables[i], table))
      return (ListKind)i;

  return N_LISTS;
}

static char *
remove_label (ListKind    kind,
              const char *name)
{
  switch (kind)
    {
    case LIST_FOUNDERS:
      return g_strdup_printf (_("Remove the founder “%s”"), name);
    case LIST_PRODUCTS:
      return g_strdup_printf (_("Remove the product “%s”"), name);
    case LIST_LOSS_REASONS:
      return g_strdup_printf (_("Remove the loss reason “%s”"), name);
    case N_LISTS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static char *
rename_label (ListKind    kind,
              const char *name)
{
  switch (kind)
    {
    case LIST_FOUNDERS:
      return g_strdup_printf (_("Rename the founder “%s”"), name);
    case LIST_PRODUCTS:
      return g_strdup_printf (_("Rename the product “%s”"), name);
    case LIST_LOSS_REASONS:
      return g_strdup_printf (_("Rename the loss reason “%s”"), name);
    case N_LISTS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Markup: name is escaped. */
static char *
removed_toast_title (ListKind    kind,
                     const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  switch (kind)
    {
    case LIST_FOUNDERS:
      return g_strdup_printf (_("Founder “%s” removed"), escaped);
    case LIST_PRODUCTS:
      return g_strdup_printf (_("Product “%s” removed"), escaped);
    case LIST_LOSS_REASONS:
      return g_strdup_printf (_("Loss reason “%s” removed"), escaped);
    case N_LISTS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void rename_popover_show_cb  (ItemRow   *item);
static void rename_clicked_cb       (ItemRow   *item);
static void remove_clicked_cb       (ItemRow   *item);
static void item_row_activated_cb   (ItemRow   *item);

static GtkWidget *
create_item_row (TractionPreferencesWindow *self,
                 ListKind                   kind,
                 const TractionNamed       *named)
{
  g_autofree char *title = g_markup_escape_text (named->name, -1);
  g_autofree char *remove_text = remove_label (kind, named->name);
  g_autofree char *rename_text = rename_label (kind, named->name);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *rename_button;
  GtkWidget *remove_button;
  GtkWidget *apply_button;
  ItemRow *item;

  item = g_new0 (ItemRow, 1);
  item->self = self;
  item->kind = kind;
  item->id = named->id;
  item->name = g_strdup (named->name);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "traction-item", item, item_row_free);

  /* Rename: a popover with an entry, also opened by activating the row. */
  item->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (item->entry, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (item->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"),
                                  -1);

  apply_button = gtk_button_new_with_mnemonic (_("_Rename"));
  gtk_widget_add_css_class (apply_button, "suggested-action");
  g_signal_connect_swapped (apply_button, "clicked", G_CALLBACK (rename_clicked_cb), item);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->entry));
  gtk_box_append (GTK_BOX (box), apply_button);

  item->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (item->popover, box);
  gtk_popover_set_default_widget (item->popover, apply_button);
  g_signal_connect_swapped (item->popover, "show", G_CALLBACK (rename_popover_show_cb), item);

  rename_button = gtk_menu_button_new ();
  item->rename_button = GTK_MENU_BUTTON (rename_button);
  gtk_menu_button_set_icon_name (item->rename_button, "document-edit-symbolic");
  gtk_menu_button_set_has_frame (item->rename_button, FALSE);
  gtk_menu_button_set_popover (item->rename_button, GTK_WIDGET (item->popover));
  gtk_widget_set_valign (rename_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (rename_button, _("Rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rename_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rename_text,
                                  -1);

  remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove_button, "remove");
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_text,
                                  -1);
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), item);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (item_row_activated_cb), item);

  return row;
}

static void
load_list (TractionPreferencesWindow *self,
           ListKind                   kind)
{
  NamedList *list = &self->lists[kind];
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  gboolean had_focus;

  /* Keep the keyboard in the list when the focused row goes away. */
  had_focus = gtk_widget_has_focus (GTK_WIDGET (list->list)) ||
              gtk_widget_get_focus_child (GTK_WIDGET (list->list)) != NULL;

  child = gtk_widget_get_first_child (GTK_WIDGET (list->list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (list->add_row))
        gtk_list_box_remove (list->list, child);
      child = next;
    }

  items = traction_store_list_named (self->store, list_tables[kind]);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_insert (list->list,
                         create_item_row (self, kind, g_ptr_array_index (items, i)),
                         (int)i);

  if (had_focus && gtk_widget_get_focus_child (GTK_WIDGET (list->list)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (list->add_row));
}

static gboolean
reload_lists_cb (gpointer user_data)
{
  TractionPreferencesWindow *self = user_data;
  guint lists = self->reload_lists;

  self->reload_id = 0;
  self->reload_lists = 0;

  for (guint i = 0; i < N_LISTS; i++)
    if (lists & (1u << i))
      load_list (self, (ListKind)i);

  return G_SOURCE_REMOVE;
}

/* Lists are rebuilt from an idle: the row whose button asked for it may
 * still be in its signal handler. */
static void
queue_reload (TractionPreferencesWindow *self,
              ListKind                   kind)
{
  self->reload_lists |= 1u << kind;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_lists_cb, self);
}

/* Pipeline */

static void
load_stalled (TractionPreferencesWindow *self)
{
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    if (self->stalled_spins[i] != NULL)
      set_spin_value (self, self->stalled_spins[i], rules.stalled_days[i]);
}

static void
load_probability_mode (TractionPreferencesWindow *self)
{
  g_autofree char *mode = traction_store_get_setting (self->store, "probability_mode");
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (probability_modes); i++)
    if (g_strcmp0 (mode, probability_modes[i]) == 0)
      selected = i;

  self->updating++;
  adw_combo_row_set_selected (self->probability_row, selected);
  self->updating--;
}

static void
load_rhythm (TractionPreferencesWindow *self)
{
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);
  set_spin_value (self, self->prospects_spin, rules.rhythm_max_prospects);
  set_spin_value (self, self->meetings_spin, rules.rhythm_max_meetings);
}

/* Health */

static int
weights_total (TractionPreferencesWindow *self,
               gboolean                  *changed)
{
  TractionRules rules;
  int total = 0;

  traction_store_get_rules (self->store, &rules);
  *changed = FALSE;

  for (guint i = 0; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    {
      int value = gtk_spin_button_get_value_as_int (self->weight_spins[i]);

      total += value;
      if (value != rules.health_weight[i])
        *changed = TRUE;
    }

  return total;
}

static void
update_weights_state (TractionPreferencesWindow *self)
{
  g_autofree char *text = NULL;
  GtkWidget *label = GTK_WIDGET (self->weights_total_label);
  gboolean changed;
  int total = weights_total (self, &changed);

  if (total != 100)
    {
      /* Translators: the sum of the four health score weights, in percent. */
      text = g_strdup_printf (_("Total: %d %% — weights must add up to 100 %%"), total);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      if (changed)
        text = g_strdup (_("Total: 100 % — not saved yet"));
      else
        text = g_strdup (_("Total: 100 %"));
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }

  gtk_label_set_text (self->weights_total_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weights_save_button), total == 100 && changed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weights_reset_button), changed);
}

static void
load_weights (TractionPreferencesWindow *self)
{
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);
  for (guint i = 0; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    set_spin_value (self, self->weight_spins[i], rules.health_weight[i]);

  update_weights_state (self);
}

static void
load_all (TractionPreferencesWindow *self)
{
  load_company_name (self);
  load_logo (self);
  load_currency (self);
  load_fiscal_year (self);
  load_target (self);
  for (guint i = 0; i < N_LISTS; i++)
    load_list (self, (ListKind)i);
  load_stalled (self);
  load_probability_mode (self);
  load_rhythm (self);
  load_weights (self);
}

/* Signal callbacks */

static void
company_name_apply_cb (TractionPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_name_row))));

  /* Empty: back to no name. */
  if (!save_setting (self, "company_name", name[0] != '\0' ? name : NULL))
    load_company_name (self);
}

static void
currency_selected_cb (TractionPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->updating > 0 || selected >= self->currency_codes->len)
    return;

  save_setting (self, "currency", g_ptr_array_index (self->currency_codes, selected));
  load_currency (self);
}

static void
fiscal_year_selected_cb (TractionPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->fiscal_year_row);
  TractionRules rules;

  if (self->updating > 0 || selected >= 12)
    return;

  traction_store_get_rules (self->store, &rules);
  rules.fiscal_year_start_month = (int)selected + 1;
  if (!save_rules (self, &rules))
    load_fiscal_year (self);
}

static void
quarterly_target_changed_cb (TractionPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 cents;

  if (self->updating > 0)
    return;

  if (parse_target (gtk_editable_get_text (GTK_EDITABLE (self->quarterly_target_row)), &cents, &error))
    set_target_error (self, NULL);
  else
    set_target_error (self, error->message);
}

static void
quarterly_target_apply_cb (TractionPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  TractionRules rules;
  gint64 cents;

  /* Invalid text is never saved; the row keeps showing why. */
  if (!parse_target (gtk_editable_get_text (GTK_EDITABLE (self->quarterly_target_row)), &cents, &error))
    {
      set_target_error (self, error->message);
      return;
    }

  traction_store_get_rules (self->store, &rules);
  rules.quarterly_target_cents = cents;
  if (!save_rules (self, &rules))
    load_target (self);
  else
    set_target_error (self, NULL);
}

static void
rename_popover_show_cb (ItemRow *item)
{
  gtk_editable_set_text (GTK_EDITABLE (item->entry), item->name);
  gtk_widget_grab_focus (GTK_WIDGET (item->entry));
  gtk_editable_select_region (GTK_EDITABLE (item->entry), 0, -1);
}

static void
item_row_activated_cb (ItemRow *item)
{
  gtk_menu_button_popup (item->rename_button);
}

static void
rename_clicked_cb (ItemRow *item)
{
  TractionPreferencesWindow *self = item->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->entry)));

  if (g_strcmp0 (g_strstrip (name), item->name) == 0)
    {
      gtk_popover_popdown (item->popover);
      return;
    }

  /* A refused name keeps the popover open, to be corrected. */
  if (!traction_store_rename_named (self->store, list_tables[item->kind], item->id, name, &error))
    {
      show_toast (self, error->message);
      return;
    }

  gtk_popover_popdown (item->popover);
  queue_reload (self, item->kind);
}

static void
remove_clicked_cb (ItemRow *item)
{
  TractionPreferencesWindow *self = item->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!traction_store_delete_named (self->store, list_tables[item->kind], item->id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  title = removed_toast_title (item->kind, item->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.undo-remove");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", list_tables[item->kind], item->name));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  queue_reload (self, item->kind);
}

static void
add_row_apply_cb (TractionPreferencesWindow *self,
                  AdwEntryRow               *row)
{
  g_autoptr(GError) error = NULL;
  ListKind kind = N_LISTS;

  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i].add_row == row)
      kind = (ListKind)i;
  g_assert (kind != N_LISTS);

  /* A refused name stays in the row, to be corrected. */
  if (!traction_store_add_named (self->store, list_tables[kind],
                                 gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }

  set_entry_row_text (row, "");
  queue_reload (self, kind);
}

static void
stalled_changed_cb (TractionPreferencesWindow *self,
                    GtkSpinButton             *spin)
{
  TractionRules rules;

  if (self->updating > 0)
    return;

  traction_store_get_rules (self->store, &rules);
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    if (self->stalled_spins[i] == spin)
      rules.stalled_days[i] = gtk_spin_button_get_value_as_int (spin);

  if (!save_rules (self, &rules))
    load_stalled (self);
}

static void
probability_selected_cb (TractionPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->probability_row);

  if (self->updating > 0 || selected >= G_N_ELEMENTS (probability_modes))
    return;

  if (!save_setting (self, "probability_mode", probability_modes[selected]))
    load_probability_mode (self);
}

static void
rhythm_changed_cb (TractionPreferencesWindow *self,
                   GtkSpinButton             *spin)
{
  TractionRules rules;

  if (self->updating > 0)
    return;

  traction_store_get_rules (self->store, &rules);
  if (spin == self->prospects_spin)
    rules.rhythm_max_prospects = gtk_spin_button_get_value_as_int (spin);
  else
    rules.rhythm_max_meetings = gtk_spin_button_get_value_as_int (spin);

  if (!save_rules (self, &rules))
    load_rhythm (self);
}

static void
weight_changed_cb (TractionPreferencesWindow *self)
{
  if (self->updating > 0)
    return;

  update_weights_state (self);
}

static void
weights_reset_clicked_cb (TractionPreferencesWindow *self)
{
  load_weights (self);
}

static void
weights_save_clicked_cb (TractionPreferencesWindow *self)
{
  TractionRules rules;
  gboolean changed;

  /* The button is insensitive then; refuse anyway. */
  if (weights_total (self, &changed) != 100)
    {
      update_weights_state (self);
      return;
    }

  traction_store_get_rules (self->store, &rules);
  for (guint i = 0; i < TRACTION_N_HEALTH_CATEGORIES; i++)
    rules.health_weight[i] = gtk_spin_button_get_value_as_int (self->weight_spins[i]);

  if (!save_rules (self, &rules))
    load_weights (self);
  else
    update_weights_state (self);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *table;
  const char *name;
  ListKind kind;

  g_variant_get (parameter, "(&s&s)", &table, &name);
  kind = list_kind_for_table (table);
  if (kind == N_LISTS)
    return;

  if (!traction_store_add_named (self->store, table, name, NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }

  queue_reload (self, kind);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *message = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Not Saved"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setting up the rows the template cannot hold */

static void
setup_currencies (TractionPreferencesWindow *self)
{
  self->currency_model = gtk_string_list_new (NULL);
  self->currency_codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      /* Translators: a currency and its code, e.g. "Euro (EUR)". */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), _(currencies[i].name), currencies[i].code);

      gtk_string_list_append (self->currency_model, label);
      g_ptr_array_add (self->currency_codes, g_strdup (currencies[i].code));
    }

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currency_model));
}

static void
setup_months (TractionPreferencesWindow *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2026, month, 1, 0, 0, 0.0);
      /* The stand-alone form of the month name ("%OB"), as a menu shows it. */
      g_autofree char *name = g_date_time_format (date, "%OB");

      if (name == NULL)
        name = g_date_time_format (date, "%B");
      gtk_string_list_append (months, name != NULL ? name : "");
    }

  adw_combo_row_set_model (self->fiscal_year_row, G_LIST_MODEL (months));
}

static void
setup_stalled_rows (TractionPreferencesWindow *self)
{
  for (guint i = 0; i < TRACTION_N_STAGES; i++)
    {
      TractionStage stage = (TractionStage)i;
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row;
      GtkWidget *spin;

      if (!traction_stage_is_open (stage))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), traction_stage_label (stage));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Days without a touchpoint"));

      spin = gtk_spin_button_new_with_range (1, 365, 1);
      name = g_strdup_printf ("stalled-%s", traction_stage_to_id (stage));
      gtk_widget_set_name (spin, name);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      label = g_strdup_printf (_("Days before a deal in “%s” counts as stalled"), traction_stage_label (stage));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (stalled_changed_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->stalled_group, row);
      self->stalled_spins[i] = GTK_SPIN_BUTTON (spin);
    }
}

/* GObject overrides */

static void
traction_preferences_window_constructed (GObject *object)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (traction_preferences_window_parent_class)->constructed (object);

  g_assert (TRACTION_IS_STORE (self->store));
  load_all (self);
  self->updating--;
}

static void
traction_preferences_window_dispose (GObject *object)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->currency_model);
  if (self->logo_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->logo_chooser));
      g_clear_object (&self->logo_chooser);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (traction_preferences_window_parent_class)->dispose (object);
}

static void
traction_preferences_window_finalize (GObject *object)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_preferences_window_parent_class)->finalize (object);
}

static void
traction_preferences_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  TractionPreferencesWindow *self = TRACTION_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_preferences_window_class_init (TractionPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = traction_preferences_window_constructed;
  object_class->dispose = traction_preferences_window_dispose;
  object_class->finalize = traction_preferences_window_finalize;
  object_class->get_property = traction_preferences_window_get_property;
  object_class->set_property = traction_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/preferences/traction-preferences-window.ui");

  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, company_name_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, quarterly_target_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, target_currency_label);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, target_error_label);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, founders_list);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, founders_add_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, products_list);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, products_add_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, loss_reasons_list);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, loss_reasons_add_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, stalled_group);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, probability_row);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, prospects_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, meetings_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weight_usage_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weight_support_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weight_satisfaction_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weight_expansion_spin);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weights_total_label);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weights_reset_button);
  gtk_widget_class_bind_template_child (widget_class, TractionPreferencesWindow, weights_save_button);

  gtk_widget_class_bind_template_callback (widget_class, company_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_remove_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fiscal_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, quarterly_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quarterly_target_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, probability_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, rhythm_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, weight_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, weights_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, weights_save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "prefs.undo-remove", "(ss)", undo_remove_action);
  gtk_widget_class_install_action (widget_class, "prefs.show-message", "s", show_message_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_preferences_window_init (TractionPreferencesWindow *self)
{
  /* Nothing is written until constructed () has filled the widgets. */
  self->updating = 1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->weight_spins[TRACTION_HEALTH_USAGE] = self->weight_usage_spin;
  self->weight_spins[TRACTION_HEALTH_SUPPORT] = self->weight_support_spin;
  self->weight_spins[TRACTION_HEALTH_SATISFACTION] = self->weight_satisfaction_spin;
  self->weight_spins[TRACTION_HEALTH_EXPANSION] = self->weight_expansion_spin;

  self->lists[LIST_FOUNDERS].list = self->founders_list;
  self->lists[LIST_FOUNDERS].add_row = self->founders_add_row;
  self->lists[LIST_PRODUCTS].list = self->products_list;
  self->lists[LIST_PRODUCTS].add_row = self->products_add_row;
  self->lists[LIST_LOSS_REASONS].list = self->loss_reasons_list;
  self->lists[LIST_LOSS_REASONS].add_row = self->loss_reasons_add_row;

  setup_currencies (self);
  setup_months (self);
  setup_stalled_rows (self);
}

/* Public API */

GtkWidget *
traction_preferences_window_new (GtkWindow     *parent,
                                 TractionStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

TractionStore *
traction_preferences_window_get_store (TractionPreferencesWindow *self)
{
  g_return_val_if_fail (TRACTION_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}
