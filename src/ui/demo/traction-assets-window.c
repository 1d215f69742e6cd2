/* traction-assets-window.c: the sales enablement assets window.
 *
 * One expander row per asset: its header says kind, owner, status and
 * when it was last updated, and flags it "Not reviewed" (icon and word)
 * once it is stale; inside, every field edits in place, the file is
 * picked with a native chooser and opened with the desktop's default
 * app. Deleting shows a toast with Undo. Follows the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-assets-window.h"
#include "traction-store-demo.h"
#include "traction-store-watch.h"
#include "traction-widgets.h"

struct _TractionAssetsWindow
{
  AdwWindow         parent_instance;

  TractionStore    *store;
  GPtrArray        *assets;     /* TractionAsset */
  GPtrArray        *founders;   /* TractionNamed */
  GDate             today;
  gboolean          loading;
  gint64            expanded_id;

  AdwToastOverlay  *toasts;
  AdwWindowTitle   *title;
  GtkListBox       *list;
  AdwComboRow      *new_kind;
  GtkWidget        *chooser;    /* GtkFileChooserNative while open */
};

G_DEFINE_FINAL_TYPE (TractionAssetsWindow, traction_assets_window, ADW_TYPE_WINDOW)

static void reload (GtkWidget *widget);

typedef struct {
  gint64     id;
  GtkWidget *title;
  GtkWidget *kind;
  GtkWidget *status;
  GtkWidget *owner;
} AssetRow;

/* Helpers */

static void
toast (TractionAssetsWindow *self,
       const char           *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
written (TractionAssetsWindow *self,
         gboolean  ok,
         GError   *error)
{
  traction_store_watch_written (GTK_WIDGET (self), self->toasts, ok, error);
}

static AssetRow *
asset_row (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "asset-row");
}

static const TractionAsset *
find_asset (TractionAssetsWindow *self,
            gint64                id)
{
  for (guint i = 0; self->assets != NULL && i < self->assets->len; i++)
    if (((TractionAsset *) g_ptr_array_index (self->assets, i))->id == id)
      return g_ptr_array_index (self->assets, i);
  return NULL;
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!g_date_valid (date))
    return g_strdup ("—");
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  return g_date_time_format (dt, "%x");
}

/* Saves asset with the changes applied by the caller. */
static void
save (TractionAssetsWindow *self,
      TractionAsset        *asset)
{
  g_autoptr(GError) error = NULL;

  written (self, traction_store_save_asset (self->store, asset, NULL, &error), error);
}

static TractionAsset *
copy_asset (const TractionAsset *asset)
{
  TractionAsset *copy = g_memdup2 (asset, sizeof *asset);

  copy->title = g_strdup (asset->title);
  copy->owner = g_strdup (asset->owner);
  copy->file_path = g_strdup (asset->file_path);
  copy->uses = NULL;
  return copy;
}

/* Callbacks */

static void
fields_changed (TractionAssetsWindow *self,
                AssetRow             *rows)
{
  const TractionAsset *old = find_asset (self, rows->id);
  g_autoptr(TractionAsset) asset = NULL;
  guint kind, status, owner;
  TractionAssetStatus statuses[3];

  if (self->loading || old == NULL)
    return;
  asset = copy_asset (old);
  g_free (asset->title);
  asset->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->title)));
  kind = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->kind));
  status = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->status));
  owner = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->owner));
  if (kind < TRACTION_N_ASSET_KINDS)
    asset->kind = kind;
  traction_asset_statuses_for (asset->kind, statuses);
  /* A new kind keeps the status's place (Draft ↔ Not started …). */
  asset->status = statuses[MIN (status, 2)];
  asset->owner_id = owner > 0 && owner <= self->founders->len
                      ? ((TractionNamed *) g_ptr_array_index (self->founders, owner - 1))->id : 0;
  self->expanded_id = rows->id;
  save (self, asset);
}

static void
title_apply_cb (GtkWidget            *row,
                TractionAssetsWindow *self)
{
  fields_changed (self, asset_row (row));
}

static void
combo_cb (GtkWidget            *row,
          GParamSpec           *pspec,
          TractionAssetsWindow *self)
{
  fields_changed (self, asset_row (row));
}

static void
reviewed_cb (GtkButton            *button,
             TractionAssetsWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->expanded_id = asset_row (button)->id;
  written (self, traction_store_touch_asset (self->store, asset_row (button)->id, &self->today, &error), error);
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     TractionAssetsWindow *self)
{
  gint64 id = asset_row (dialog)->id;
  const TractionAsset *old = find_asset (self, id);

  if (response == GTK_RESPONSE_ACCEPT && old != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(TractionAsset) asset = copy_asset (old);

      if (path != NULL)
        {
          g_free (asset->file_path);
          asset->file_path = g_steal_pointer (&path);
          self->expanded_id = id;
          save (self, asset);
        }
      else
        toast (self, _("Choose a file on this computer."));
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
choose_cb (GtkButton            *button,
           TractionAssetsWindow *self)
{
  const TractionAsset *asset = find_asset (self, asset_row (button)->id);
  GtkFileChooserNative *chooser;

  if (asset == NULL || self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose the Asset’s File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (asset->file_path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (asset->file_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "asset-row", asset_row (button));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_WIDGET (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_cb (GtkButton            *button,
         TractionAssetsWindow *self)
{
  const TractionAsset *asset = find_asset (self, asset_row (button)->id);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (asset == NULL || asset->file_path[0] == '\0')
    return;
  if (!g_file_test (asset->file_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = g_strdup_printf (_("%s is no longer there: choose the file again."), asset->file_path);

      toast (self, text);
      return;
    }
  file = g_file_new_for_path (asset->file_path);
  uri = g_file_get_uri (file);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the file: %s"), error->message);

      toast (self, text);
    }
}

static void
undo_delete_cb (AdwToast             *t,
                TractionAssetsWindow *self)
{
  TractionAsset *removed = g_object_get_data (G_OBJECT (t), "removed");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_restore_asset (self->store, removed, &error), error);
}

static void
delete_cb (GtkButton            *button,
           TractionAssetsWindow *self)
{
  TractionAsset *removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *t;

  if (!traction_store_delete_asset (self->store, asset_row (button)->id, &removed, &error))
    {
      written (self, FALSE, error);
      return;
    }
  /* Translators: toast after deleting a sales asset */
  /* Toast titles are markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (removed->title, -1);
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "removed", removed, (GDestroyNotify) traction_asset_free);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  written (self, TRUE, NULL);
}

static void
add_cb (AdwEntryRow          *row,
        TractionAssetsWindow *self)
{
  g_autoptr(TractionAsset) asset = traction_asset_new ();
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->new_kind);
  gboolean ok;

  asset->kind = MIN (kind, TRACTION_N_ASSET_KINDS - 1);
  asset->status = traction_asset_default_status (asset->kind);
  g_free (asset->title);
  asset->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  asset->updated_on = self->today;
  ok = traction_store_save_asset (self->store, asset, &self->expanded_id, &error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  written (self, ok, error);
}

static void
expanded_cb (AdwExpanderRow       *row,
             GParamSpec           *pspec,
             TractionAssetsWindow *self)
{
  if (self->loading)
    return;
  if (adw_expander_row_get_expanded (row))
    self->expanded_id = asset_row (row)->id;
  else if (self->expanded_id == asset_row (row)->id)
    self->expanded_id = 0;
}

/* Building */

static GtkWidget *
combo (const char    *title,
       GtkStringList *model,
       guint          selected,
       AssetRow      *rows,
       gpointer       self)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "asset-row", rows);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_cb), self);
  return row;
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            AssetRow   *rows,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = label != NULL && icon == NULL ? gtk_button_new_with_mnemonic (label)
                                                    : traction_icon_button_new (icon, label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "asset-row", rows);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkStringList *
kinds_model (void)
{
  GtkStringList *kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < TRACTION_N_ASSET_KINDS; i++)
    gtk_string_list_append (kinds, traction_asset_kind_label (i));
  return kinds;
}

static GtkWidget *
build_row (TractionAssetsWindow *self,
           const TractionAsset  *asset,
           GtkStringList        *kinds,
           GtkStringList        *owners)
{
  AssetRow *rows = g_new0 (AssetRow, 1);
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  TractionAssetStatus list[3];
  guint status = 0, owner = 0;
  g_autofree char *date = format_date (&asset->updated_on);
  g_autofree char *updated = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *status_label = gtk_label_new (traction_asset_status_label (asset->status));
  GtkWidget *reviewed_row = adw_action_row_new ();
  GtkWidget *file_row = adw_action_row_new ();
  GtkWidget *delete_row = adw_action_row_new ();
  GtkWidget *open;

  rows->id = asset->id;
  g_object_set_data_full (G_OBJECT (row), "asset-row", rows, g_free);

  if (asset->age_days <= 0)
    updated = g_strdup_printf (_("updated %s (today)"), date);
  else
    /* Translators: "updated 11/2/2026 (20 days ago)" */
    updated = g_strdup_printf (ngettext ("updated %s (%d day ago)", "updated %s (%d days ago)", asset->age_days),
                               date, asset->age_days);
  /* Translators: an asset's summary: "Pitch deck · Maya Okafor · updated …" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), traction_asset_kind_label (asset->kind),
                              asset->owner[0] != '\0' ? asset->owner : _("no owner"), updated);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), asset->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (asset->stale)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *tip = g_strdup_printf (_("Not updated in %d days: review it this month."), asset->age_days);

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (box), gtk_label_new (_("Stale")));
      gtk_widget_add_css_class (box, "warning");
      gtk_widget_set_tooltip_text (box, tip);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), box);
    }
  gtk_widget_add_css_class (status_label, traction_asset_status_is_ready (asset->status) ? "success" : "dim-label");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status_label);

  traction_asset_statuses_for (asset->kind, list);
  for (guint i = 0; i < 3; i++)
    {
      gtk_string_list_append (statuses, traction_asset_status_label (list[i]));
      if (list[i] == asset->status)
        status = i;
    }
  for (guint i = 0; i < self->founders->len; i++)
    if (((TractionNamed *) g_ptr_array_index (self->founders, i))->id == asset->owner_id)
      owner = i + 1;

  rows->title = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->title), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (rows->title), asset->title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->title), TRUE);
  g_object_set_data (G_OBJECT (rows->title), "asset-row", rows);
  g_signal_connect (rows->title, "apply", G_CALLBACK (title_apply_cb), self);
  rows->kind = combo (_("Kind"), kinds, asset->kind, rows, self);
  {
    const char *hint = traction_asset_kind_hint (asset->kind);

    if (hint[0] != '\0')
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->kind), hint);
  }
  rows->status = combo (_("Status"), statuses, status, rows, self);
  rows->owner = combo (_("Owner"), owners, owner, rows, self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reviewed_row), _("Last updated"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (reviewed_row), updated);
  adw_action_row_add_suffix (ADW_ACTION_ROW (reviewed_row),
                             row_button (NULL, _("Mark _Reviewed Today"), rows, G_CALLBACK (reviewed_cb), self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row), _("File"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (file_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (file_row),
                               asset->file_path[0] != '\0' ? asset->file_path : _("No file chosen yet"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (file_row),
                             row_button (NULL, _("C_hoose…"), rows, G_CALLBACK (choose_cb), self));
  open = row_button ("document-open-symbolic", _("Open with the default app"), rows, G_CALLBACK (open_cb), self);
  gtk_widget_set_sensitive (open, asset->file_path[0] != '\0');
  adw_action_row_add_suffix (ADW_ACTION_ROW (file_row), open);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                 asset->n_uses > 0 ? _("Used in demo plans") : _("Not used in a demo plan"));
  if (asset->n_uses > 0)
    {
      g_autofree char *uses = g_strdup_printf (ngettext ("Shown for %u pain", "Shown for %u pains", asset->n_uses),
                                               asset->n_uses);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (delete_row), uses);
    }
  {
    GtkWidget *remove = row_button ("user-trash-symbolic", _("Delete this asset"), rows, G_CALLBACK (delete_cb), self);

    gtk_widget_add_css_class (remove, "destructive-action");
    adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), remove);
  }

  for (GtkWidget **r = (GtkWidget *[]) { rows->title, rows->kind, rows->status, rows->owner,
                                         reviewed_row, file_row, delete_row, NULL }; *r != NULL; r++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), *r);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), asset->id == self->expanded_id);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

static void
reload (GtkWidget *widget)
{
  TractionAssetsWindow *self = TRACTION_ASSETS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) kinds = kinds_model ();
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  GPtrArray *assets;
  GtkWidget *child;
  guint n_stale = 0;

  traction_date_today (&self->today);
  assets = traction_store_list_assets (self->store, &self->today, &error);
  if (assets == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  self->assets = assets;
  g_clear_pointer (&self->founders, g_ptr_array_unref);
  self->founders = traction_store_list_named (self->store, "founders");
  if (self->founders == NULL)
    self->founders = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_named_free);

  gtk_string_list_append (owners, _("No owner"));
  for (guint i = 0; i < self->founders->len; i++)
    gtk_string_list_append (owners, ((TractionNamed *) g_ptr_array_index (self->founders, i))->name);

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL && GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < assets->len; i++)
    {
      const TractionAsset *asset = g_ptr_array_index (assets, i);

      gtk_list_box_append (self->list, build_row (self, asset, kinds, owners));
      n_stale += asset->stale ? 1 : 0;
    }
  self->loading = FALSE;

  if (n_stale > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u not reviewed this month", "%u not reviewed this month",
                                                         n_stale), n_stale);
      adw_window_title_set_subtitle (self->title, text);
    }
  else
    adw_window_title_set_subtitle (self->title, assets->len > 0 ? _("All reviewed this month") : NULL);
}

/* GObject */

static void
traction_assets_window_dispose (GObject *object)
{
  TractionAssetsWindow *self = TRACTION_ASSETS_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  g_clear_pointer (&self->founders, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_assets_window_parent_class)->dispose (object);
}

static void
traction_assets_window_class_init (TractionAssetsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_assets_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_assets_window_init (TractionAssetsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list_group = adw_preferences_group_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *add_row = adw_entry_row_new ();
  GtkWidget *empty = adw_status_page_new ();
  g_autoptr(GtkStringList) kinds = kinds_model ();

  gtk_window_set_title (GTK_WINDOW (self), _("Sales Assets"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 720);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Sales Assets"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list_group), _("Sales Enablement"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (list_group),
                                         _("Keep these current and review them monthly: an asset not updated in 30 days is flagged on Today."));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "folder-documents-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Sales Assets Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the one-pager, pitch deck, demo script, rate card, case study, integration guide and battlecards below."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_list_box_set_placeholder (self->list, empty);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group), GTK_WIDGET (self->list));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("New Asset"));
  self->new_kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_kind), _("Kind"));
  adw_combo_row_set_model (self->new_kind, G_LIST_MODEL (kinds));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect (add_row, "apply", G_CALLBACK (add_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->new_kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);

  gtk_box_append (GTK_BOX (content), list_group);
  gtk_box_append (GTK_BOX (content), add_group);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

GtkWidget *
traction_assets_window_new (TractionStore *store)
{
  TractionAssetsWindow *self;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_ASSETS_WINDOW, NULL);
  self->store = g_object_ref (store);
  reload (GTK_WIDGET (self));
  traction_store_watch (GTK_WIDGET (self), store, reload);
  return GTK_WIDGET (self);
}

void
traction_assets_open (GtkWidget     *parent,
                      TractionStore *store)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = traction_assets_window_new (store);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

static void
assets_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWidget *window = user_data;
  g_autoptr(TractionStore) store = NULL;

  g_object_get (window, "store", &store, NULL);
  if (store != NULL)
    traction_assets_open (window, store);
}

void
traction_assets_install_action (GtkWidget *window)
{
  static const GActionEntry entries[] = {
    { "assets", assets_action, NULL, NULL, NULL },
  };

  g_return_if_fail (G_IS_ACTION_MAP (window));
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}
