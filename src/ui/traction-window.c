/* traction-window.c: the main window (sidebar + content pane).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-window.h"
#include "traction-data-io.h"
#include "traction-assets-window.h"
#include "traction-today-page.h"
#include "traction-providers-page.h"
#include "traction-partners-page.h"
#include "traction-pipeline-page.h"
#include "traction-revenue-page.h"
#include "traction-clients-page.h"

struct _TractionWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *state_stack;
  AdwStatusPage        *failure_page;
  GtkLabel             *welcome_path_label;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkStack             *view_stack;

  char                 *path;
  TractionStore        *store;
  GSettings            *settings;   /* NULL when the schema is not installed */
  gboolean              populating;
};

G_DEFINE_FINAL_TYPE (TractionWindow, traction_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STORE,
  N_PROPS
};

enum {
  CREATE_DATABASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The views. Adding one is one line here: the type needs a writable
 * "store" property of type TractionStore. Alt+1… follow this order. */
typedef struct
{
  const char *name;
  const char *title;       /* N_() */
  const char *icon_name;
  GType     (*get_type) (void);
} TractionViewInfo;

static const TractionViewInfo views[] = {
  { "today", N_("Today"), "task-due-symbolic", traction_today_page_get_type },
  { "pipeline", N_("Pipeline"), "view-grid-symbolic", traction_pipeline_page_get_type },
  { "clients", N_("Clients"), "emblem-favorite-symbolic", traction_clients_page_get_type },
  { "revenue", N_("Revenue"), "x-office-spreadsheet-symbolic", traction_revenue_page_get_type },
  { "partners", N_("Partners"), "system-users-symbolic", traction_partners_page_get_type },
  { "providers", N_("Providers"), "network-server-symbolic", traction_providers_page_get_type },
};

/* Keys the window keeps in GSettings (data/…gschema.xml). */
static const char * const settings_keys[] = {
  "window-width", "window-height", "window-maximized", "last-view",
};

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    if (!g_settings_schema_has_key (schema, settings_keys[i]))
      return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static const TractionViewInfo *
find_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return &views[i];
  return NULL;
}

static void
update_title (TractionWindow *self)
{
  g_autofree char *company = NULL;

  if (self->store != NULL)
    company = traction_store_get_company_name (self->store);

  if (company != NULL && company[0] != '\0')
    {
      g_autofree char *title = g_strdup_printf (_("%s — Traction"), company);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_subtitle (self->sidebar_title, company);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Traction"));
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
    }
}

static void
clear_views (TractionWindow *self)
{
  GtkWidget *child;

  self->populating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack))) != NULL)
    gtk_stack_remove (self->view_stack, child);
  self->populating = FALSE;
}

static GtkWidget *
create_sidebar_row (const TractionViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (info->icon_name);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

/* Makes the view called name inside its place in the stack, once. */
static void
ensure_view (TractionWindow *self,
             const char     *name)
{
  const TractionViewInfo *info = find_view (name);
  GtkWidget *bin = gtk_stack_get_child_by_name (self->view_stack, name);

  if (info == NULL || bin == NULL || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  adw_bin_set_child (ADW_BIN (bin), g_object_new (info->get_type (), "store", self->store, NULL));
}

static void
populate_views (TractionWindow *self)
{
  g_autofree char *last = NULL;

  self->populating = TRUE;
  /* Each view is made when it is first shown (ensure_view): making them
   * all delayed the first frame. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_stack_add_titled (self->view_stack, adw_bin_new (), views[i].name, _(views[i].title));
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&views[i]));
    }
  self->populating = FALSE;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-view");
  if (last == NULL || find_view (last) == NULL)
    {
      g_free (last);
      last = g_strdup (views[0].name);
    }
  traction_window_set_view (self, last);
}

static void
store_changed_cb (TractionWindow *self,
                  TractionStore  *store)
{
  update_title (self);
}

static void
save_window_state (TractionWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
restore_window_state (TractionWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Signal callbacks */

static void
sidebar_row_selected_cb (TractionWindow *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  if (row == NULL || self->populating)
    return;
  traction_window_set_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (TractionWindow *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  traction_window_set_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
view_changed_cb (TractionWindow *self,
                 GParamSpec     *pspec,
                 GtkStack       *stack)
{
  const char *name;
  const TractionViewInfo *info;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  name = gtk_stack_get_visible_child_name (stack);
  info = find_view (name);
  if (info == NULL)
    return;
  if (!self->populating)
    ensure_view (self, name);

  adw_window_title_set_title (self->content_title, _(info->title));
  if (self->settings != NULL && !self->populating)
    g_settings_set_string (self->settings, "last-view", info->name);
}

/* Actions */

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[CREATE_DATABASE], 0, TRUE);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[CREATE_DATABASE], 0, FALSE);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractionWindow *self = TRACTION_WINDOW (widget);
  GtkWidget *view, *focus;

  if (!traction_window_set_view (self, g_variant_get_string (parameter, NULL)))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* Alt+N and the Open buttons take the keyboard into the view, so its
   * own shortcuts (Ctrl+P, Ctrl+R…) work at once. */
  view = gtk_stack_get_visible_child (self->view_stack);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (view != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, view)))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractionWindow *self = TRACTION_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GObject overrides */

static gboolean
traction_window_close_request (GtkWindow *window)
{
  save_window_state (TRACTION_WINDOW (window));
  return GTK_WINDOW_CLASS (traction_window_parent_class)->close_request (window);
}

static void
traction_window_dispose (GObject *object)
{
  TractionWindow *self = TRACTION_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_WINDOW);

  G_OBJECT_CLASS (traction_window_parent_class)->dispose (object);
}

static void
traction_window_finalize (GObject *object)
{
  TractionWindow *self = TRACTION_WINDOW (object);

  g_free (self->path);

  G_OBJECT_CLASS (traction_window_parent_class)->finalize (object);
}

static void
traction_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TractionWindow *self = TRACTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TractionWindow *self = TRACTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      traction_window_set_path (self, g_value_get_string (value));
      break;
    case PROP_STORE:
      traction_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_window_class_init (TractionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = traction_window_dispose;
  object_class->finalize = traction_window_finalize;
  object_class->get_property = traction_window_get_property;
  object_class->set_property = traction_window_set_property;
  window_class->close_request = traction_window_close_request;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TractionWindow::create-database:
   * @with_sample: whether to load the sample company into it
   *
   * The first-run page asks to create the database at #TractionWindow:path.
   */
  signals[CREATE_DATABASE] =
    g_signal_new ("create-database",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/traction-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, failure_page);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, welcome_path_label);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TractionWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  /* Alt+1, Alt+2… in the order of the sidebar. */
  for (guint i = 0; i < G_N_ELEMENTS (views) && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i].name);

  g_type_ensure (TRACTION_TYPE_TODAY_PAGE);
}

static void
traction_window_init (TractionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
  restore_window_state (self);
  traction_data_io_install_actions (self);
  traction_assets_install_action (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", FALSE);
}

/* Public API */

TractionWindow *
traction_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TRACTION_TYPE_WINDOW, "application", application, NULL);
}

const char *
traction_window_get_path (TractionWindow *self)
{
  g_return_val_if_fail (TRACTION_IS_WINDOW (self), NULL);
  return self->path;
}

void
traction_window_set_path (TractionWindow *self,
                          const char     *path)
{
  g_return_if_fail (TRACTION_IS_WINDOW (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  gtk_label_set_text (self->welcome_path_label, path != NULL ? path : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

TractionStore *
traction_window_get_store (TractionWindow *self)
{
  g_return_val_if_fail (TRACTION_IS_WINDOW (self), NULL);
  return self->store;
}

void
traction_window_set_store (TractionWindow *self,
                           TractionStore  *store)
{
  g_return_if_fail (TRACTION_IS_WINDOW (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  clear_views (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      populate_views (self);
      gtk_stack_set_visible_child_name (self->state_stack, "main");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", store != NULL);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_window_show_welcome (TractionWindow *self)
{
  g_return_if_fail (TRACTION_IS_WINDOW (self));

  traction_window_set_store (self, NULL);
  gtk_stack_set_visible_child_name (self->state_stack, "welcome");
}

void
traction_window_show_failure (TractionWindow *self,
                              const char     *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (TRACTION_IS_WINDOW (self));

  markup = g_markup_escape_text (message != NULL ? message : "", -1);
  traction_window_set_store (self, NULL);
  adw_status_page_set_description (self->failure_page, markup);
  gtk_stack_set_visible_child_name (self->state_stack, "failure");
}

void
traction_window_add_toast (TractionWindow *self,
                           AdwToast       *toast)
{
  g_return_if_fail (TRACTION_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
traction_window_get_view (TractionWindow *self)
{
  g_return_val_if_fail (TRACTION_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  return gtk_stack_get_visible_child_name (self->view_stack);
}

gboolean
traction_window_set_view (TractionWindow *self,
                          const char     *name)
{
  GtkWidget *row;

  g_return_val_if_fail (TRACTION_IS_WINDOW (self), FALSE);

  if (self->store == NULL || name == NULL ||
      gtk_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;

  ensure_view (self, name);
  gtk_stack_set_visible_child_name (self->view_stack, name);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) &&
          g_strcmp0 (gtk_widget_get_name (row), name) == 0 &&
          !gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
    }

  return TRUE;
}
