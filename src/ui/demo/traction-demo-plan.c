/* traction-demo-plan.c: the demo plan window of a deal.
 *
 * One expander row per pain, in showing order: its header says the pain,
 * what answers it, the proof and the minutes; inside, every field edits
 * in place (texts are written when applied). Rows reorder by dragging,
 * with Alt+Up / Alt+Down on the focused row, or with the Move buttons.
 * The plan follows the store (traction-store-watch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-demo-plan.h"
#include "traction-assets-window.h"
#include "traction-store-demo.h"
#include "traction-store-watch.h"
#include "traction-widgets.h"

struct _TractionDemoPlanWindow
{
  AdwWindow         parent_instance;

  TractionStore    *store;
  gint64            deal_id;
  TractionDemoPlan *plan;
  GPtrArray        *products;   /* TractionNamed */
  GPtrArray        *assets;     /* TractionAsset */
  gboolean          loading;
  gint64            expanded_id;
  gint64            focus_id;

  AdwToastOverlay  *toasts;
  AdwWindowTitle   *title;
  GtkSpinButton    *meeting;
  AdwActionRow     *total_row;
  GtkWidget        *total_icon;
  GtkListBox       *list;
  GtkWidget        *suggest_group;
  GtkListBox       *suggest_list;
};

G_DEFINE_FINAL_TYPE (TractionDemoPlanWindow, traction_demo_plan, ADW_TYPE_WINDOW)

static void reload (GtkWidget *widget);

/* The widgets of one item's row. */
typedef struct {
  gint64     id;
  GtkWidget *pain;
  GtkWidget *product;
  GtkWidget *capability;
  GtkWidget *proof_kind;
  GtkWidget *proof;
  GtkWidget *asset;
  GtkWidget *minutes;
} ItemRow;

/* Helpers */

static void
toast (TractionDemoPlanWindow *self,
       const char             *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
written (TractionDemoPlanWindow *self,
         gboolean  ok,
         GError   *error)
{
  traction_store_watch_written (GTK_WIDGET (self), self->toasts, ok, error);
}

static ItemRow *
item_row (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "item-row");
}

static const TractionDemoItem *
find_item (TractionDemoPlanWindow *self,
           gint64                  id,
           guint                  *index_out)
{
  for (guint i = 0; self->plan != NULL && i < self->plan->items->len; i++)
    {
      const TractionDemoItem *item = g_ptr_array_index (self->plan->items, i);

      if (item->id == id)
        {
          if (index_out != NULL)
            *index_out = i;
          return item;
        }
    }
  return NULL;
}

/* The plan row (a direct child of the list) holding widget, else NULL. */
static GtkWidget *
plan_row_of (TractionDemoPlanWindow *self,
             GtkWidget              *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->list) && item_row (widget) != NULL)
      return widget;
  return NULL;
}

/* Saving */

static void
save_row (TractionDemoPlanWindow *self,
          ItemRow                *rows)
{
  const TractionDemoItem *old = find_item (self, rows->id, NULL);
  g_autoptr(TractionDemoItem) item = NULL;
  g_autoptr(GError) error = NULL;
  guint product, asset;

  if (self->loading || old == NULL)
    return;
  item = traction_demo_item_copy (old);
  g_free (item->pain);
  item->pain = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->pain)));
  g_free (item->capability);
  item->capability = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->capability)));
  g_free (item->proof);
  item->proof = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->proof)));
  product = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->product));
  item->product_id = product > 0 && product <= self->products->len
                       ? ((TractionNamed *) g_ptr_array_index (self->products, product - 1))->id : 0;
  asset = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->asset));
  item->asset_id = asset > 0 && asset <= self->assets->len
                     ? ((TractionAsset *) g_ptr_array_index (self->assets, asset - 1))->id : 0;
  item->proof_kind = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (rows->proof_kind)),
                          TRACTION_N_PROOF_KINDS - 1);
  item->minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rows->minutes));
  self->focus_id = rows->id;
  written (self, traction_store_update_demo_item (self->store, item, &error), error);
}

static void
entry_apply_cb (GtkWidget              *row,
                TractionDemoPlanWindow *self)
{
  save_row (self, item_row (row));
}

static void
combo_selected_cb (GtkWidget              *row,
                   GParamSpec             *pspec,
                   TractionDemoPlanWindow *self)
{
  save_row (self, item_row (row));
}

static void
minutes_changed_cb (GtkSpinButton          *spin,
                    TractionDemoPlanWindow *self)
{
  save_row (self, item_row (GTK_WIDGET (spin)));
}

static void
expanded_cb (AdwExpanderRow         *row,
             GParamSpec             *pspec,
             TractionDemoPlanWindow *self)
{
  ItemRow *rows = item_row (GTK_WIDGET (row));

  if (self->loading)
    return;
  if (adw_expander_row_get_expanded (row))
    self->expanded_id = rows->id;
  else if (self->expanded_id == rows->id)
    self->expanded_id = 0;
}

/* Moving */

static void
move_item (TractionDemoPlanWindow *self,
           gint64                  id,
           int                     to)
{
  g_autoptr(GError) error = NULL;
  guint from = 0;

  if (find_item (self, id, &from) == NULL || to < 0 || (guint) to >= self->plan->items->len || (guint) to == from)
    return;
  self->focus_id = id;
  written (self, traction_store_move_demo_item (self->store, id, (guint) to, &error), error);
}

static void
move_focused (TractionDemoPlanWindow *self,
              int                     delta)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? plan_row_of (self, focus) : NULL;
  guint index = 0;

  if (row == NULL || find_item (self, item_row (row)->id, &index) == NULL)
    return;
  move_item (self, item_row (row)->id, (int) index + delta);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_focused (TRACTION_DEMO_PLAN (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_focused (TRACTION_DEMO_PLAN (widget), 1);
}

static void
move_button_cb (GtkButton              *button,
                TractionDemoPlanWindow *self)
{
  ItemRow *rows = item_row (GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint index = 0;

  if (find_item (self, rows->id, &index) != NULL)
    move_item (self, rows->id, (int) index + delta);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource          *source,
                 double                  x,
                 double                  y,
                 TractionDemoPlanWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_INT64, item_row (row)->id);
}

static gboolean
drop_cb (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         TractionDemoPlanWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint to = 0;

  if (!G_VALUE_HOLDS_INT64 (value) || find_item (self, item_row (row)->id, &to) == NULL)
    return FALSE;
  move_item (self, g_value_get_int64 (value), (int) to);
  return TRUE;
}

/* Deleting and adding */

static void
undo_delete_cb (AdwToast               *t,
                TractionDemoPlanWindow *self)
{
  TractionDemoItem *removed = g_object_get_data (G_OBJECT (t), "removed");
  g_autoptr(GError) error = NULL;

  self->focus_id = removed->id;
  written (self, traction_store_restore_demo_item (self->store, removed, &error), error);
}

static void
delete_cb (GtkButton              *button,
           TractionDemoPlanWindow *self)
{
  ItemRow *rows = item_row (GTK_WIDGET (button));
  TractionDemoItem *removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *t;

  if (!traction_store_delete_demo_item (self->store, rows->id, &removed, &error))
    {
      written (self, FALSE, error);
      return;
    }
  /* Translators: toast after deleting a demo plan item */
  /* Toast titles are markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (removed->pain, -1);
  title = g_strdup_printf (_("“%s” removed from the plan"), escaped);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "removed", removed, (GDestroyNotify) traction_demo_item_free);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  written (self, TRUE, NULL);
}

static gboolean
add_pain (TractionDemoPlanWindow  *self,
          const char              *pain,
          GError                 **error)
{
  g_autoptr(TractionDemoItem) item = traction_demo_item_new ();

  item->deal_id = self->deal_id;
  g_free (item->pain);
  item->pain = g_strdup (pain);
  return traction_store_add_demo_item (self->store, item, &self->focus_id, error);
}

static void
add_entry_cb (AdwEntryRow            *row,
              TractionDemoPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = add_pain (self, gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  if (ok)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      self->expanded_id = self->focus_id;
    }
  written (self, ok, error);
}

static void
add_suggestion_cb (GtkButton              *button,
                   TractionDemoPlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  written (self, add_pain (self, g_object_get_data (G_OBJECT (button), "pain"), &error), error);
}

static void
add_all_cb (GtkButton              *button,
            TractionDemoPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pains = traction_store_suggest_demo_pains (self->store, self->deal_id, &error);
  gboolean ok = pains != NULL;

  for (guint i = 0; ok && pains[i] != NULL; i++)
    ok = add_pain (self, pains[i], &error);
  written (self, ok, error);
}

static void
meeting_changed_cb (GtkSpinButton          *spin,
                    TractionDemoPlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  written (self, traction_store_set_demo_meeting (self->store, self->deal_id,
                                                  gtk_spin_button_get_value_as_int (spin), &error), error);
}

static void
open_assets_cb (GtkButton              *button,
                TractionDemoPlanWindow *self)
{
  traction_assets_open (GTK_WIDGET (self), self->store);
}

/* Building */

static GtkWidget *
entry_row (const char *title,
           const char *text,
           ItemRow    *rows,
           gpointer    self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "item-row", rows);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
  return row;
}

static GtkWidget *
combo_row (const char  *title,
           GtkStringList *model,
           guint        selected,
           ItemRow     *rows,
           gpointer     self)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "item-row", rows);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  return row;
}

static char *
item_subtitle (const TractionDemoItem *item)
{
  {
    const char *show = item->capability[0] != '\0' ? item->capability : item->product;
    const char *proof = item->proof[0] != '\0' ? item->proof : item->asset;
    g_autofree char *show_text = NULL;
    g_autofree char *proof_text = NULL;

    show_text = show[0] != '\0'
                  ? (item->product[0] != '\0' && item->capability[0] != '\0'
                       ? g_strdup_printf ("%s: %s", item->product, item->capability)
                       : g_strdup (show))
                  : g_strdup (_("nothing chosen to show"));
    proof_text = item->proof_kind != TRACTION_PROOF_NONE
                   ? g_strdup_printf ("%s: %s", traction_proof_kind_label (item->proof_kind),
                                      proof[0] != '\0' ? proof : "—")
                   : g_strdup (_("no proof"));
    /* Translators: a demo item's summary: "Payouts: daily reports · Metric: 40K a day" */
    return g_strdup_printf (_("%s · %s"), show_text, proof_text);
  }
}

static GtkWidget *
build_row (TractionDemoPlanWindow *self,
           const TractionDemoItem *item,
           guint                   index,
           GtkStringList          *products,
           GtkStringList          *proofs,
           GtkStringList          *assets)
{
  ItemRow *rows = g_new0 (ItemRow, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *minutes_row = adw_action_row_new ();
  GtkWidget *order_row = adw_action_row_new ();
  GtkWidget *up = traction_icon_button_new ("go-up-symbolic", _("Move up (Alt+Up)"));
  GtkWidget *down = traction_icon_button_new ("go-down-symbolic", _("Move down (Alt+Down)"));
  GtkWidget *remove = traction_icon_button_new ("user-trash-symbolic", _("Remove from the plan"));
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, item->pain);
  g_autofree char *subtitle = item_subtitle (item);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  guint product = 0, asset = 0;

  rows->id = item->id;
  g_object_set_data_full (G_OBJECT (row), "item-row", rows, g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder, or Alt+Up and Alt+Down"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), handle);
  {
    g_autofree char *text = g_strdup_printf (ngettext ("%d min", "%d min", item->minutes), item->minutes);
    GtkWidget *label = gtk_label_new (text);

    gtk_widget_add_css_class (label, "numeric");
    gtk_widget_add_css_class (label, "dim-label");
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
  }

  for (guint i = 0; i < self->products->len; i++)
    if (((TractionNamed *) g_ptr_array_index (self->products, i))->id == item->product_id)
      product = i + 1;
  for (guint i = 0; i < self->assets->len; i++)
    if (((TractionAsset *) g_ptr_array_index (self->assets, i))->id == item->asset_id)
      asset = i + 1;

  rows->pain = entry_row (_("Pain, in the prospect’s words"), item->pain, rows, self);
  rows->product = combo_row (_("Product"), products, product, rows, self);
  rows->capability = entry_row (_("Capability that answers it"), item->capability, rows, self);
  rows->proof_kind = combo_row (_("Proof"), proofs, item->proof_kind, rows, self);
  rows->proof = entry_row (_("Proof in words (the number, the client)"), item->proof, rows, self);
  rows->asset = combo_row (_("Asset to show"), assets, asset, rows, self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (minutes_row), _("Minutes"));
  rows->minutes = gtk_spin_button_new_with_range (0, 600, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows->minutes), item->minutes);
  gtk_widget_set_valign (rows->minutes, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rows->minutes, "numeric");
  traction_widget_set_label (rows->minutes, _("Minutes"));
  g_object_set_data (G_OBJECT (rows->minutes), "item-row", rows);
  g_signal_connect (rows->minutes, "value-changed", G_CALLBACK (minutes_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (minutes_row), rows->minutes);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Order"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (order_row), _("Drag the row, or Alt+Up and Alt+Down"));
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < self->plan->items->len);
  gtk_widget_add_css_class (remove, "destructive-action");
  for (GtkWidget **b = (GtkWidget *[]) { up, down, remove, NULL }; *b != NULL; b++)
    {
      gtk_widget_set_valign (*b, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (*b), "item-row", rows);
      adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), *b);
    }
  g_signal_connect (up, "clicked", G_CALLBACK (move_button_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_button_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_cb), self);

  for (GtkWidget **r = (GtkWidget *[]) { rows->pain, rows->product, rows->capability, rows->proof_kind,
                                         rows->proof, rows->asset, minutes_row, order_row, NULL }; *r != NULL; r++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), *r);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), item->id == self->expanded_id);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;
    }
}

static void
fill_total (TractionDemoPlanWindow *self)
{
  gboolean over = FALSE;
  int total = traction_demo_plan_total (self->plan, &over);
  g_autofree char *text = traction_demo_total_text (total, self->plan->meeting_minutes);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row),
                                 over ? _("Over the meeting’s length") : _("Fits the meeting"));
  adw_action_row_set_subtitle (self->total_row, text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->total_icon),
                                over ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  if (over)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->total_row), "error");
      gtk_widget_remove_css_class (self->total_icon, "success");
      gtk_widget_add_css_class (self->total_icon, "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_row), "error");
      gtk_widget_remove_css_class (self->total_icon, "error");
      gtk_widget_add_css_class (self->total_icon, "success");
    }
}

static void
fill_suggestions (TractionDemoPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pains = traction_store_suggest_demo_pains (self->store, self->deal_id, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggest_list))) != NULL)
    gtk_list_box_remove (self->suggest_list, child);
  gtk_widget_set_visible (self->suggest_group, pains != NULL && pains[0] != NULL);
  for (guint i = 0; pains != NULL && pains[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pains[i]);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (add), "pain", g_strdup (pains[i]), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (add_suggestion_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      gtk_list_box_append (self->suggest_list, row);
    }
}

static void
reload (GtkWidget *widget)
{
  TractionDemoPlanWindow *self = TRACTION_DEMO_PLAN (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) proofs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) assets = gtk_string_list_new (NULL);
  TractionDemoPlan *plan;
  GDate today;
  GtkWidget *focus_row = NULL;

  traction_date_today (&today);
  plan = traction_store_load_demo_plan (self->store, self->deal_id, &error);
  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, traction_demo_plan_free);
  self->plan = plan;
  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = traction_store_list_named (self->store, "products");
  if (self->products == NULL)
    self->products = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_named_free);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  self->assets = traction_store_list_assets (self->store, &today, NULL);
  if (self->assets == NULL)
    self->assets = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_asset_free);

  self->loading = TRUE;
  adw_window_title_set_subtitle (self->title, plan->company);
  gtk_spin_button_set_value (self->meeting, plan->meeting_minutes);

  gtk_string_list_append (products, _("None"));
  for (guint i = 0; i < self->products->len; i++)
    gtk_string_list_append (products, ((TractionNamed *) g_ptr_array_index (self->products, i))->name);
  for (guint i = 0; i < TRACTION_N_PROOF_KINDS; i++)
    gtk_string_list_append (proofs, traction_proof_kind_label (i));
  gtk_string_list_append (assets, _("None"));
  for (guint i = 0; i < self->assets->len; i++)
    {
      const TractionAsset *a = g_ptr_array_index (self->assets, i);
      /* Translators: an asset in the picker: "Pricing rate card (Needs update)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), a->title, traction_asset_status_label (a->status));

      gtk_string_list_append (assets, text);
    }

  clear_list (self->list);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const TractionDemoItem *item = g_ptr_array_index (plan->items, i);
      GtkWidget *row = build_row (self, item, i, products, proofs, assets);

      gtk_list_box_append (self->list, row);
      if (item->id == self->focus_id)
        focus_row = row;
    }
  fill_total (self);
  fill_suggestions (self);
  self->loading = FALSE;

  /* An expander row takes focus in its header. */
  if (focus_row != NULL && !gtk_widget_grab_focus (focus_row))
    gtk_widget_child_focus (focus_row, GTK_DIR_TAB_FORWARD);
}

/* GObject */

static void
traction_demo_plan_dispose (GObject *object)
{
  TractionDemoPlanWindow *self = TRACTION_DEMO_PLAN (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, traction_demo_plan_free);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->assets, g_ptr_array_unref);

  G_OBJECT_CLASS (traction_demo_plan_parent_class)->dispose (object);
}

static void
traction_demo_plan_class_init (TractionDemoPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_demo_plan_dispose;
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, move_down_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "plan.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
group (const char *title,
       const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  return g;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
traction_demo_plan_init (TractionDemoPlanWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *meeting_group = group (_("Meeting"), _("Structure the demo around the prospect’s stated pain, not the feature list."));
  GtkWidget *meeting_row = adw_action_row_new ();
  GtkWidget *plan_group = group (_("Pains, in Showing Order"), _("Each pain with what answers it, the proof and the time it takes."));
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *add_row = adw_entry_row_new ();
  GtkWidget *assets = gtk_button_new_with_mnemonic (_("_Sales Assets…"));
  GtkWidget *placeholder = gtk_label_new (_("No pains yet. Add the ones the prospect stated, or take them from the SPIN notes below."));
  GtkWidget *add_all = gtk_button_new_with_mnemonic (_("Add A_ll"));

  gtk_window_set_title (GTK_WINDOW (self), _("Demo Plan"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Demo Plan"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_set_tooltip_text (assets, _("Owner, status and file of each sales asset"));
  g_signal_connect (assets, "clicked", G_CALLBACK (open_assets_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), assets);

  /* Meeting length and the total. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (meeting_row), _("Meeting length (minutes)"));
  self->meeting = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 600, 5));
  gtk_widget_set_valign (GTK_WIDGET (self->meeting), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->meeting), "numeric");
  traction_widget_set_label (GTK_WIDGET (self->meeting), _("Meeting length (minutes)"));
  g_signal_connect (self->meeting, "value-changed", G_CALLBACK (meeting_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (meeting_row), GTK_WIDGET (self->meeting));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (meeting_group), meeting_row);
  self->total_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->total_icon = gtk_image_new ();
  adw_action_row_add_prefix (self->total_row, self->total_icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_row), "numeric");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (meeting_group), GTK_WIDGET (self->total_row));

  /* The plan. */
  self->list = GTK_LIST_BOX (boxed_list ());
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (plan_group), GTK_WIDGET (self->list));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add a pain"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect (add_row, "apply", G_CALLBACK (add_entry_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);

  /* Suggestions from SPIN. */
  self->suggest_group = group (_("From the SPIN Notes"),
                               _("Pains in the latest scoring’s Problem and Implication notes that the plan does not hold yet."));
  gtk_widget_set_valign (add_all, GTK_ALIGN_CENTER);
  g_signal_connect (add_all, "clicked", G_CALLBACK (add_all_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->suggest_group), add_all);
  self->suggest_list = GTK_LIST_BOX (boxed_list ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->suggest_group), GTK_WIDGET (self->suggest_list));

  gtk_box_append (GTK_BOX (content), meeting_group);
  gtk_box_append (GTK_BOX (content), plan_group);
  gtk_box_append (GTK_BOX (content), add_group);
  gtk_box_append (GTK_BOX (content), self->suggest_group);
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
traction_demo_plan_new (TractionStore *store,
                        gint64         deal_id)
{
  TractionDemoPlanWindow *self;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_DEMO_PLAN, NULL);
  self->store = g_object_ref (store);
  self->deal_id = deal_id;
  reload (GTK_WIDGET (self));
  traction_store_watch (GTK_WIDGET (self), store, reload);
  return GTK_WIDGET (self);
}

void
traction_demo_plan_open (GtkWidget     *parent,
                         TractionStore *store,
                         gint64         deal_id)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = traction_demo_plan_new (store, deal_id);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

GtkListBox *
traction_demo_plan_get_list (TractionDemoPlanWindow *self)
{
  g_return_val_if_fail (TRACTION_IS_DEMO_PLAN (self), NULL);
  return self->list;
}
