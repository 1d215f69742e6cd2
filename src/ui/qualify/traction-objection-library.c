/* traction-objection-library.c: objection library and SPIN question bank.
 *
 * Each text is an AdwEntryRow with an apply button: a change is written
 * when applied. Deleting shows a toast with Undo. The lists follow the
 * store (traction-store-watch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-objection-library.h"
#include "traction-widgets.h"
#include "traction-store-qualify.h"
#include "traction-store-watch.h"

struct _TractionObjectionLibrary
{
  AdwWindow         parent_instance;

  TractionStore    *store;
  gint64            deal_id;
  GDate             today;
  AdwToastOverlay  *toasts;
  AdwViewStack     *stack;
  GtkWidget        *objections_box;  /* the page's groups, rebuilt on reload */
  GtkWidget        *spin_box;
  GtkWidget        *objections_list;
  GtkWidget        *spin_groups[TRACTION_N_SPIN_PHASES];
};

G_DEFINE_FINAL_TYPE (TractionObjectionLibrary, traction_objection_library, ADW_TYPE_WINDOW)

static void reload (GtkWidget *widget);

/* Helpers */

static void
toast (TractionObjectionLibrary *self,
       const char               *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
written (TractionObjectionLibrary *self,
         gboolean  ok,
         GError   *error)
{
  traction_store_watch_written (GTK_WIDGET (self), self->toasts, ok, error);
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  return row;
}


static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* Objections */

typedef struct {
  GtkWidget *objection;
  GtkWidget *root;
  GtkWidget *response;
  gint64     id;
} ObjectionRows;

static void
objection_apply_cb (GtkWidget                *row,
                    TractionObjectionLibrary *self)
{
  ObjectionRows *rows = g_object_get_data (G_OBJECT (row), "rows");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = traction_store_update_objection (self->store, rows->id,
                                        gtk_editable_get_text (GTK_EDITABLE (rows->objection)),
                                        gtk_editable_get_text (GTK_EDITABLE (rows->root)),
                                        gtk_editable_get_text (GTK_EDITABLE (rows->response)),
                                        &error);
  written (self, ok, error);
}

static void
undo_objection_cb (AdwToast                 *t,
                   TractionObjectionLibrary *self)
{
  TractionObjection *removed = g_object_get_data (G_OBJECT (t), "removed");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_restore_objection (self->store, removed, &error), error);
}

static void
objection_delete_cb (GtkButton                *button,
                     TractionObjectionLibrary *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  TractionObjection *removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *t;

  if (!traction_store_delete_objection (self->store, id, &removed, &error))
    {
      written (self, FALSE, error);
      return;
    }
  title = g_strdup_printf (_("Objection %s deleted"), removed->objection);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "removed", removed, (GDestroyNotify) traction_objection_free);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_objection_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  written (self, TRUE, NULL);
}

static void
objection_raised_cb (GtkCheckButton           *check,
                     GParamSpec               *pspec,
                     TractionObjectionLibrary *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_set_deal_objection (self->store, self->deal_id, id,
                                                    gtk_check_button_get_active (check), NULL,
                                                    &self->today, &error), error);
}

static void
add_objection_cb (AdwEntryRow              *row,
                  TractionObjectionLibrary *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = traction_store_add_objection (self->store, gtk_editable_get_text (GTK_EDITABLE (row)),
                                              "", "", NULL, &error);

  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  written (self, ok, error);
}

static void
fill_objections (TractionObjectionLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = traction_store_list_objections (self->store, self->deal_id, &error);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *add = adw_entry_row_new ();

  clear_box (self->objections_box);
  if (list == NULL)
    {
      toast (self, error->message);
      return;
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Objections"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         self->deal_id > 0
                                           ? _("What prospects say, why, and how to answer. Tick the ones that came up on this deal.")
                                           : _("What prospects say, why, and how to answer."));
  for (guint i = 0; i < list->len; i++)
    {
      const TractionObjection *o = g_ptr_array_index (list, i);
      GtkWidget *expander = adw_expander_row_new ();
      ObjectionRows *rows = g_new0 (ObjectionRows, 1);
      GtkWidget *remove = traction_icon_button_new ("user-trash-symbolic", _("Delete this objection"));
      g_autofree char *title = g_markup_escape_text (o->objection, -1);
      g_autofree char *subtitle = NULL;

      if (o->n_deals > 0)
        {
          g_autofree char *count = g_strdup_printf (ngettext ("came up on %u deal", "came up on %u deals", o->n_deals),
                                                    o->n_deals);
          subtitle = g_markup_printf_escaped ("%s · %s", o->root_concern, count);
        }
      else
        subtitle = g_markup_escape_text (o->root_concern, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      rows->id = o->id;
      rows->objection = entry_row (_("Objection"), o->objection);
      rows->root = entry_row (_("Root concern"), o->root_concern);
      rows->response = entry_row (_("Response"), o->response);
      g_object_set_data_full (G_OBJECT (expander), "rows", rows, g_free);
      g_object_set_data (G_OBJECT (rows->objection), "rows", rows);
      g_object_set_data (G_OBJECT (rows->root), "rows", rows);
      g_object_set_data (G_OBJECT (rows->response), "rows", rows);
      g_signal_connect (rows->objection, "apply", G_CALLBACK (objection_apply_cb), self);
      g_signal_connect (rows->root, "apply", G_CALLBACK (objection_apply_cb), self);
      g_signal_connect (rows->response, "apply", G_CALLBACK (objection_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows->objection);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows->root);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows->response);

      g_object_set_data (G_OBJECT (remove), "id", &rows->id);
      g_signal_connect (remove, "clicked", G_CALLBACK (objection_delete_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

      if (self->deal_id > 0)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (check, _("Came up on this deal"));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), o->raised);
          g_object_set_data (G_OBJECT (check), "id", &rows->id);
          g_signal_connect (check, "notify::active", G_CALLBACK (objection_raised_cb), self);
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), check);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  gtk_box_append (GTK_BOX (self->objections_box), group);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add an objection, as the prospect says it"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (add_objection_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add);
  gtk_box_append (GTK_BOX (self->objections_box), add_group);
}

/* SPIN question bank */

static void
question_apply_cb (AdwEntryRow              *row,
                   TractionObjectionLibrary *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_update_spin_question (self->store, id, gtk_editable_get_text (GTK_EDITABLE (row)),
                                                      &error), error);
}

static void
undo_question_cb (AdwToast                 *t,
                  TractionObjectionLibrary *self)
{
  TractionSpinQuestion *removed = g_object_get_data (G_OBJECT (t), "removed");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_restore_spin_question (self->store, removed, &error), error);
}

static void
question_delete_cb (GtkButton                *button,
                    TractionObjectionLibrary *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  TractionSpinQuestion *removed = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *t;

  if (!traction_store_delete_spin_question (self->store, id, &removed, &error))
    {
      written (self, FALSE, error);
      return;
    }
  t = adw_toast_new (_("Question deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "removed", removed, (GDestroyNotify) traction_spin_question_free);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_question_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  written (self, TRUE, NULL);
}

static void
question_asked_cb (GtkCheckButton           *check,
                   GParamSpec               *pspec,
                   TractionObjectionLibrary *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
  g_autoptr(GError) error = NULL;

  written (self, traction_store_set_spin_asked (self->store, self->deal_id, id, gtk_check_button_get_active (check),
                                                &self->today, &error), error);
}

static void
add_question_cb (AdwEntryRow              *row,
                 TractionObjectionLibrary *self)
{
  TractionSpinPhase phase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "phase"));
  g_autoptr(GError) error = NULL;
  gboolean ok = traction_store_add_spin_question (self->store, phase, gtk_editable_get_text (GTK_EDITABLE (row)),
                                                  NULL, &error);

  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  written (self, ok, error);
}

static void
fill_spin (TractionObjectionLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = traction_store_list_spin_questions (self->store, self->deal_id, &error);
  GtkWidget *warning = gtk_label_new (_("Ask in this order, and never pitch before Implication and Need-Payoff."));

  clear_box (self->spin_box);
  if (list == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
  gtk_label_set_xalign (GTK_LABEL (warning), 0.0f);
  gtk_widget_add_css_class (warning, "dim-label");
  gtk_box_append (GTK_BOX (self->spin_box), warning);

  for (int p = 0; p < TRACTION_N_SPIN_PHASES; p++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf ("%d. %s", p + 1, traction_spin_phase_label (p));
      guint n = 0;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), traction_spin_phase_purpose (p));
      for (guint i = 0; i < list->len; i++)
        {
          TractionSpinQuestion *q = g_ptr_array_index (list, i);
          GtkWidget *row, *remove;
          gint64 *id;
          g_autofree char *row_title = NULL;

          if (q->phase != (TractionSpinPhase) p)
            continue;
          row_title = g_strdup_printf (_("Question %u"), ++n);
          row = entry_row (row_title, q->question);
          id = g_new (gint64, 1);
          *id = q->id;
          g_object_set_data_full (G_OBJECT (row), "id", id, g_free);
          g_signal_connect (row, "apply", G_CALLBACK (question_apply_cb), self);
          remove = traction_icon_button_new ("user-trash-symbolic", _("Delete this question"));
          g_object_set_data (G_OBJECT (remove), "id", id);
          g_signal_connect (remove, "clicked", G_CALLBACK (question_delete_cb), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
          if (self->deal_id > 0)
            {
              GtkWidget *check = gtk_check_button_new ();

              gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (check, _("Asked on this deal"));
              gtk_check_button_set_active (GTK_CHECK_BUTTON (check), q->asked);
              g_object_set_data (G_OBJECT (check), "id", id);
              g_signal_connect (check, "notify::active", G_CALLBACK (question_asked_cb), self);
              adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a question"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      g_object_set_data (G_OBJECT (add), "phase", GINT_TO_POINTER (p));
      g_signal_connect (add, "apply", G_CALLBACK (add_question_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
      gtk_box_append (GTK_BOX (self->spin_box), group);
    }
}

static void
reload (GtkWidget *widget)
{
  TractionObjectionLibrary *self = TRACTION_OBJECTION_LIBRARY (widget);

  fill_objections (self);
  fill_spin (self);
}

/* GObject */

static void
traction_objection_library_dispose (GObject *object)
{
  TractionObjectionLibrary *self = TRACTION_OBJECTION_LIBRARY (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (traction_objection_library_parent_class)->dispose (object);
}

static void
traction_objection_library_class_init (TractionObjectionLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_objection_library_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_page (GtkWidget **box_out)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  *box_out = box;
  return scroller;
}

static void
traction_objection_library_init (TractionObjectionLibrary *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();
  AdwViewStackPage *page;

  traction_date_today (&self->today);
  gtk_window_set_title (GTK_WINDOW (self), _("Objections and SPIN Questions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 640);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  page = adw_view_stack_add_titled (self->stack, new_page (&self->objections_box), "objections", _("Objections"));
  adw_view_stack_page_set_icon_name (page, "dialog-information-symbolic");
  page = adw_view_stack_add_titled (self->stack, new_page (&self->spin_box), "spin", _("SPIN Questions"));
  adw_view_stack_page_set_icon_name (page, "view-list-bullet-symbolic");

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->stack);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher), _("Objections and SPIN Questions"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->stack);
  g_object_bind_property (switcher, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

GtkWidget *
traction_objection_library_new (TractionStore *store,
                                gint64         deal_id)
{
  TractionObjectionLibrary *self;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_OBJECTION_LIBRARY, NULL);
  self->store = g_object_ref (store);
  self->deal_id = MAX (deal_id, 0);
  reload (GTK_WIDGET (self));
  traction_store_watch (GTK_WIDGET (self), store, reload);
  return GTK_WIDGET (self);
}

void
traction_objection_library_open (GtkWidget     *parent,
                                 TractionStore *store,
                                 gint64         deal_id,
                                 const char    *page)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = traction_objection_library_new (store, deal_id);

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (window), gtk_window_get_modal (GTK_WINDOW (root)));
    }
  if (page != NULL)
    adw_view_stack_set_visible_child_name (TRACTION_OBJECTION_LIBRARY (window)->stack, page);
  gtk_window_present (GTK_WINDOW (window));
}
