/* traction-deal-pane.c: everything about one deal, beside the board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-deal-pane.h"
#include "traction-widgets.h"
#include "traction-deal-pane-private.h"
#include "traction-store-deal.h"
#include "traction-window.h"
#include "traction-qualify-wizard.h"
#include "traction-objection-library.h"
#include "traction-prep-print.h"
#include "traction-demo-plan.h"
#include "traction-assets-window.h"

struct _TractionDealPane
{
  GtkWidget           parent_instance;

  /* template */
  GtkLabel           *company_label;
  GtkLabel           *name_label;
  GtkLabel           *facts_label;
  GtkButton          *pause_button;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkScrolledWindow  *scroller;
  GtkListBox         *paused_list;
  AdwActionRow       *paused_row;
  AdwEntryRow        *name_row;
  AdwEntryRow        *arr_row;
  AdwComboRow        *owner_row;
  AdwEntryRow        *close_row;
  GtkPopover         *calendar_popover;
  GtkCalendar        *calendar;
  AdwComboRow        *source_row;
  AdwEntryRow        *introduced_row;
  AdwEntryRow        *notes_row;
  AdwActionRow       *facts_row;
  GtkListBox         *steps_list;
  AdwEntryRow        *step_entry;
  GtkListBox         *activity_list;
  GtkListBoxRow      *quick_row;
  GtkToggleButton    *kind_call;
  GtkToggleButton    *kind_meeting;
  GtkToggleButton    *kind_email;
  GtkToggleButton    *kind_note;
  GtkEntry           *touchpoint_entry;
  AdwPreferencesGroup *criteria_group;
  GtkListBox         *criteria_list;
  GtkListBox         *stakeholders_list;
  GtkListBox         *stages_list;
  GtkListBox         *qualification_list;

  TractionStore      *store;
  gint64              deal_id;
  TractionDealDetail *detail;
  char               *currency;
  GArray             *founder_ids;     /* gint64, position i + 1 in owner_row */
  guint               refresh_id;
  gboolean            filling;         /* programmatic changes: no writes */
};

G_DEFINE_FINAL_TYPE (TractionDealPane, traction_deal_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  N_PROPS
};

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers: text */

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                0, 0, 0.0);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  dt = date_time_from_date (date);
  /* Translators: a date, see g_date_time_format(); e.g. "Nov 22, 2026". */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

static char *
format_days (int days)
{
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

/* "Due today", "Due in 3 days", "3 days overdue". */
static char *
format_due (int days_from_today)
{
  if (days_from_today < 0)
    return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days_from_today),
                            -days_from_today);
  if (days_from_today == 0)
    return g_strdup (_("Due today"));
  if (days_from_today == 1)
    return g_strdup (_("Due tomorrow"));
  return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days_from_today),
                          days_from_today);
}

static char *
format_ago (int days)
{
  if (days <= 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
}

/* Joins the non-empty parts with a middle dot. */
static char *
join_parts (const char *first,
            ...)
{
  GString *str = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (part[0] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, part);
    }
  va_end (args);

  return g_string_free (str, FALSE);
}

/* "48000" or "48000.50": what the ARR entry holds. */
static char *
money_units_text (gint64 cents)
{
  if (cents % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

static const char *
touchpoint_icon (TractionTouchpointKind kind)
{
  switch (kind)
    {
    case TRACTION_TOUCHPOINT_CALL:    return "call-start-symbolic";
    case TRACTION_TOUCHPOINT_MEETING: return "system-users-symbolic";
    case TRACTION_TOUCHPOINT_EMAIL:   return "mail-unread-symbolic";
    case TRACTION_TOUCHPOINT_NOTE:
    case TRACTION_N_TOUCHPOINT_KINDS:
    default:
      return "document-edit-symbolic";
    }
}

/* Helpers: widgets */

static void
set_row_title (AdwPreferencesRow *row,
               const char        *text)
{
  g_autofree char *markup = g_markup_escape_text (text != NULL ? text : "", -1);

  adw_preferences_row_set_title (row, markup);
}

static void
set_row_subtitle (AdwActionRow *row,
                  const char   *text)
{
  g_autofree char *markup = g_markup_escape_text (text != NULL ? text : "", -1);

  adw_action_row_set_subtitle (row, markup);
}

/* Removes the rows made by the last fill; rows from the template stay. */
static void
clear_list (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (g_object_get_data (G_OBJECT (child), "pane-row") != NULL)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

/* A row of the current fill, at position (-1 = the end); key names it
 * so that focus can come back to it after a reload. */
static void
add_list_row (GtkListBox *list,
              GtkWidget  *row,
              int         position,
              const char *key)
{
  g_object_set_data (G_OBJECT (row), "pane-row", GINT_TO_POINTER (TRUE));
  if (key != NULL)
    g_object_set_data_full (G_OBJECT (row), "pane-key", g_strdup (key), g_free);
  gtk_list_box_insert (list, row, position);
}

static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  set_row_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    set_row_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return ADW_ACTION_ROW (row);
}

static void
add_empty_row (GtkListBox *list,
               const char *text,
               int         position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  add_list_row (list, row, position, NULL);
}

/* An icon beside a word: colour never carries meaning alone. */
static GtkWidget *
new_flag (const char *icon_name,
          const char *text,
          const char *css_class)
{
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (image, css_class);
      gtk_widget_add_css_class (label, css_class);
    }
  gtk_box_append (GTK_BOX (flag), image);
  gtk_box_append (GTK_BOX (flag), label);
  return flag;
}

/* Sets an entry row's text without showing its apply button. */
static void
set_entry_row_text (AdwEntryRow *row,
                    const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Never overwrite what the founder is typing. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Helpers: messages and undo */

static TractionWindow *
get_window (TractionDealPane *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRACTION_TYPE_WINDOW);

  return window != NULL ? TRACTION_WINDOW (window) : NULL;
}

static void
show_message (TractionDealPane *self,
              const char       *message)
{
  TractionWindow *window = get_window (self);
  AdwToast *toast;

  if (window == NULL)
    {
      g_debug ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  traction_window_add_toast (window, toast);
}

static void
show_error (TractionDealPane *self,
            const GError     *error)
{
  show_message (self, error->message);
}

typedef enum {
  UNDO_TOUCHPOINT,
  UNDO_NEXT_STEP,
  UNDO_STAKEHOLDER,
} UndoKind;

typedef struct {
  TractionStore *store;
  UndoKind       kind;
  gpointer       row;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  switch (undo->kind)
    {
    case UNDO_TOUCHPOINT:
      traction_touchpoint_free (undo->row);
      break;
    case UNDO_NEXT_STEP:
      traction_next_step_free (undo->row);
      break;
    case UNDO_STAKEHOLDER:
      traction_stakeholder_free (undo->row);
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_object (&undo->store);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (undo->kind)
    {
    case UNDO_TOUCHPOINT:
      ok = traction_store_restore_touchpoint (undo->store, undo->row, &error);
      break;
    case UNDO_NEXT_STEP:
      ok = traction_store_restore_next_step (undo->store, undo->row, &error);
      break;
    case UNDO_STAKEHOLDER:
      ok = traction_store_restore_stakeholder (undo->store, undo->row, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_warning ("Could not undo: %s", error->message);
}

/* A toast with Undo that puts row back (the toast owns row). */
static void
offer_undo (TractionDealPane *self,
            const char       *title,
            UndoKind          kind,
            gpointer          row)
{
  TractionWindow *window = get_window (self);
  UndoData *undo = g_new0 (UndoData, 1);
  AdwToast *toast;

  undo->store = g_object_ref (self->store);
  undo->kind = kind;
  undo->row = row;

  if (window == NULL)
    {
      undo_data_free (undo, NULL);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         undo, undo_data_free, 0);
  traction_window_add_toast (window, toast);
}

/* Helpers: dates */

static void
get_today (GDate *today)
{
  traction_date_today (today);
}

/* Empty text gives an invalid date; TRUE when text is empty or a date. */
static gboolean
parse_optional_date (const char *text,
                     GDate      *out)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_date_clear (out, 1);
  if (clean[0] == '\0')
    return TRUE;
  return traction_date_parse (clean, out, NULL);
}

/* Helpers: focus and scroll across reloads */

static char *
focused_key (TractionDealPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      const char *key = g_object_get_data (G_OBJECT (widget), "pane-key");

      if (key != NULL)
        return g_strdup (key);
    }
  return NULL;
}

static gboolean
restore_focus_in (GtkWidget  *list,
                  const char *key)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "pane-key"), key) == 0)
      {
        gtk_widget_grab_focus (row);
        return TRUE;
      }
  return FALSE;
}

/* Filling */

static void
fill_header (TractionDealPane         *self,
             const TractionDealDetail *detail)
{
  g_autofree char *arr = traction_money_format (detail->arr_cents, self->currency, FALSE);
  g_autofree char *days = format_days (detail->days_in_stage);
  g_autofree char *in_stage = g_strdup_printf (_("%s in stage"), days);
  g_autofree char *facts = join_parts (traction_stage_label (detail->stage), arr, in_stage, NULL);

  gtk_label_set_text (self->company_label, detail->company);
  gtk_label_set_text (self->name_label, detail->name);
  gtk_label_set_text (self->facts_label, facts);

  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), !detail->paused);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_list), detail->paused);
  if (detail->paused)
    {
      g_autofree char *until = format_date (&detail->paused_until);
      g_autofree char *title = NULL;

      if (g_date_valid (&detail->paused_until))
        /* Translators: "Paused until Dec 1, 2026" */
        title = g_strdup_printf (_("Paused until %s"), until);
      else
        title = g_strdup (_("Paused"));
      set_row_title (ADW_PREFERENCES_ROW (self->paused_row), title);
      set_row_subtitle (self->paused_row, detail->paused_reason);
    }
}

static void
fill_owners (TractionDealPane         *self,
             const TractionDealDetail *detail)
{
  g_autoptr(GPtrArray) founders = traction_store_list_named (self->store, "founders");
  GListModel *model = adw_combo_row_get_model (self->owner_row);
  gboolean same = model != NULL && g_list_model_get_n_items (model) == founders->len + 1;
  guint selected = 0;

  for (guint i = 0; same && i < founders->len; i++)
    {
      TractionNamed *founder = g_ptr_array_index (founders, i);
      const char *shown = gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1);

      if (g_strcmp0 (shown, founder->name) != 0 ||
          g_array_index (self->founder_ids, gint64, i) != founder->id)
        same = FALSE;
    }

  if (!same)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("No owner"));
      g_array_set_size (self->founder_ids, 0);
      for (guint i = 0; i < founders->len; i++)
        {
          TractionNamed *founder = g_ptr_array_index (founders, i);

          gtk_string_list_append (names, founder->name);
          g_array_append_val (self->founder_ids, founder->id);
        }
      adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
    }

  for (guint i = 0; i < self->founder_ids->len; i++)
    if (g_array_index (self->founder_ids, gint64, i) == detail->owner_id)
      selected = i + 1;
  if (adw_combo_row_get_selected (self->owner_row) != selected)
    adw_combo_row_set_selected (self->owner_row, selected);
}

static void
fill_details (TractionDealPane         *self,
              const TractionDealDetail *detail)
{
  g_autofree char *arr_title = g_strdup_printf (_("ARR (%s)"), self->currency);
  g_autofree char *arr = money_units_text (detail->arr_cents);
  char close[16] = "";
  g_autofree char *created = format_date (&detail->created);
  g_autofree char *created_text = g_strdup_printf (_("Deal created %s"), created);
  g_autofree char *closed = format_date (&detail->closed);
  g_autofree char *closed_text = NULL;
  g_autofree char *company = NULL;
  g_autofree char *close_reason = NULL;

  set_entry_row_text (self->name_row, detail->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->arr_row), arr_title);
  set_entry_row_text (self->arr_row, arr);
  set_row_error (GTK_WIDGET (self->arr_row), FALSE);
  fill_owners (self, detail);
  if (g_date_valid (&detail->expected_close))
    traction_date_format (&detail->expected_close, close);
  set_entry_row_text (self->close_row, close);
  if (adw_combo_row_get_selected (self->source_row) != (guint) detail->source)
    adw_combo_row_set_selected (self->source_row, detail->source);
  set_entry_row_text (self->introduced_row, detail->introduced_by);
  gtk_widget_set_visible (GTK_WIDGET (self->introduced_row),
                          detail->source == TRACTION_SOURCE_WARM_INTRO ||
                          detail->introduced_by[0] != '\0');
  set_entry_row_text (self->notes_row, detail->notes);

  if (g_date_valid (&detail->closed))
    {
      if (detail->stage == TRACTION_STAGE_LOST)
        closed_text = g_strdup_printf (_("Lost %s"), closed);
      else
        closed_text = g_strdup_printf (_("Closed %s"), closed);
    }
  if (detail->stage == TRACTION_STAGE_LOST && detail->loss_reason[0] != '\0')
    close_reason = g_strdup_printf (_("Loss reason: %s"), detail->loss_reason);
  else if (detail->stage == TRACTION_STAGE_WON && detail->win_reason[0] != '\0')
    close_reason = g_strdup_printf (_("Win reason: %s"), detail->win_reason);

  set_row_title (ADW_PREFERENCES_ROW (self->facts_row), detail->company);
  company = join_parts (detail->domain,
                        traction_segment_label (detail->segment),
                        created_text,
                        closed_text != NULL ? closed_text : "",
                        close_reason != NULL ? close_reason : "",
                        NULL);
  set_row_subtitle (self->facts_row, company);
}

static void step_toggled_cb     (GtkCheckButton *check, TractionDealPane *self);
static void step_delete_cb      (GtkButton *button, TractionDealPane *self);
static void step_activated_cb   (AdwActionRow *row, TractionDealPane *self);
static void touchpoint_delete_cb (GtkButton *button, TractionDealPane *self);
static void criterion_toggled_cb (GtkCheckButton *check, TractionDealPane *self);
static void stakeholder_edit_cb (GtkButton *button, TractionDealPane *self);
static void stakeholder_delete_cb (GtkButton *button, TractionDealPane *self);

static void
fill_next_steps (TractionDealPane         *self,
                 const TractionDealDetail *detail,
                 const GDate              *today)
{
  int position = 0;

  clear_list (self->steps_list);

  for (guint i = 0; i < detail->next_steps->len; i++)
    {
      const TractionNextStep *step = g_ptr_array_index (detail->next_steps, i);
      gboolean done = g_date_valid (&step->done);
      g_autofree char *key = g_strdup_printf ("step:%" G_GINT64_FORMAT, step->id);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *delete;
      int days = 0;

      if (done)
        {
          g_autofree char *done_on = format_date (&step->done);
          when = g_strdup_printf (_("Done %s"), done_on);
        }
      else if (g_date_valid (&step->due))
        {
          g_autofree char *due = format_date (&step->due);
          g_autofree char *words = NULL;

          days = traction_date_diff (today, &step->due);
          words = format_due (days);
          when = days < 0 ? g_strdup (due) : g_strdup_printf ("%s, %s", words, due);
        }
      else
        when = g_strdup (_("No due date"));

      subtitle = join_parts (when, step->owner, NULL);
      row = new_row (step->action, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (done)
        gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      g_object_set_data_full (G_OBJECT (check), "step", g_memdup2 (&step->id, sizeof step->id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (step_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);

      if (!done && g_date_valid (&step->due) && days < 0)
        {
          g_autofree char *overdue = format_due (days);
          adw_action_row_add_suffix (row, new_flag ("dialog-warning-symbolic", overdue, "error"));
        }

      delete = traction_icon_button_new ("user-trash-symbolic", _("Delete Next Step"));
      g_object_set_data_full (G_OBJECT (delete), "step", g_memdup2 (&step->id, sizeof step->id), g_free);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (step_delete_cb), self, 0);
      adw_action_row_add_suffix (row, delete);

      g_object_set_data_full (G_OBJECT (row), "step", g_memdup2 (&step->id, sizeof step->id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (step_activated_cb), self, 0);
      add_list_row (self->steps_list, GTK_WIDGET (row), position++, key);
    }
}

static void
fill_activity (TractionDealPane         *self,
               const TractionDealDetail *detail,
               const GDate              *today)
{
  clear_list (self->activity_list);

  if (detail->touchpoints->len == 0)
    add_empty_row (self->activity_list, _("No calls, meetings, emails or notes yet. Log the first one above."), -1);

  for (guint i = 0; i < detail->touchpoints->len; i++)
    {
      const TractionTouchpoint *touchpoint = g_ptr_array_index (detail->touchpoints, i);
      const char *kind = traction_touchpoint_kind_label (touchpoint->kind);
      g_autofree char *key = g_strdup_printf ("touchpoint:%" G_GINT64_FORMAT, touchpoint->id);
      g_autofree char *date = format_date (&touchpoint->date);
      g_autofree char *ago = format_ago (traction_date_diff (&touchpoint->date, today));
      g_autofree char *with = touchpoint->contact[0] != '\0'
                              ? g_strdup_printf (_("with %s"), touchpoint->contact) : g_strdup ("");
      g_autofree char *when = g_strdup_printf ("%s (%s)", date, ago);
      g_autofree char *subtitle = join_parts (kind, when, with, NULL);
      const char *title = touchpoint->summary[0] != '\0' ? touchpoint->summary : kind;
      AdwActionRow *row = new_row (title, subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name (touchpoint_icon (touchpoint->kind));
      GtkWidget *delete = traction_icon_button_new ("user-trash-symbolic", _("Delete Touchpoint"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
      adw_action_row_add_prefix (row, icon);
      g_object_set_data_full (G_OBJECT (delete), "touchpoint",
                              g_memdup2 (&touchpoint->id, sizeof touchpoint->id), g_free);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (touchpoint_delete_cb), self, 0);
      adw_action_row_add_suffix (row, delete);
      add_list_row (self->activity_list, GTK_WIDGET (row), -1, key);
    }
}

static void
fill_criteria (TractionDealPane         *self,
               const TractionDealDetail *detail)
{
  const char * const *criteria = traction_stage_exit_criteria (detail->stage);
  g_autofree char *description = g_strdup_printf (_("What the deal needs to leave %s"),
                                                  traction_stage_label (detail->stage));

  clear_list (self->criteria_list);
  adw_preferences_group_set_description (self->criteria_group, description);

  if (detail->n_criteria == 0)
    add_empty_row (self->criteria_list, _("This stage has no exit criteria."), -1);

  for (guint i = 0; i < detail->n_criteria; i++)
    {
      g_autofree char *key = g_strdup_printf ("criterion:%s:%u", traction_stage_to_id (detail->stage), i);
      AdwActionRow *row = new_row (criteria[i], NULL);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), detail->criteria_done[i]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (criterion_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      add_list_row (self->criteria_list, GTK_WIDGET (row), -1, key);
    }
}

static void
fill_stakeholders (TractionDealPane         *self,
                   const TractionDealDetail *detail)
{
  clear_list (self->stakeholders_list);

  if (detail->stakeholders->len == 0)
    add_empty_row (self->stakeholders_list,
                   _("No one recorded yet. Add the champion and the economic buyer."), -1);

  for (guint i = 0; i < detail->stakeholders->len; i++)
    {
      const TractionStakeholder *person = g_ptr_array_index (detail->stakeholders, i);
      g_autofree char *key = g_strdup_printf ("stakeholder:%" G_GINT64_FORMAT, person->id);
      const char *role = person->role != TRACTION_ROLE_NONE ? traction_contact_role_label (person->role) : "";
      g_autofree char *subtitle = join_parts (person->title, role, person->email, NULL);
      AdwActionRow *row = new_row (person->name, subtitle);
      GtkWidget *edit = traction_icon_button_new ("document-edit-symbolic", _("Edit Stakeholder…"));
      GtkWidget *delete = traction_icon_button_new ("user-trash-symbolic", _("Remove Stakeholder"));

      g_object_set_data_full (G_OBJECT (edit), "contact", g_memdup2 (&person->id, sizeof person->id), g_free);
      g_object_set_data_full (G_OBJECT (delete), "contact", g_memdup2 (&person->id, sizeof person->id), g_free);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (stakeholder_edit_cb), self, 0);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (stakeholder_delete_cb), self, 0);
      adw_action_row_add_suffix (row, edit);
      adw_action_row_add_suffix (row, delete);
      add_list_row (self->stakeholders_list, GTK_WIDGET (row), -1, key);
    }
}

static void
fill_stages (TractionDealPane         *self,
             const TractionDealDetail *detail)
{
  clear_list (self->stages_list);

  /* Newest first: where the deal is now leads. */
  for (guint i = detail->stages->len; i > 0; i--)
    {
      const TractionStageSpan *span = g_ptr_array_index (detail->stages, i - 1);
      g_autofree char *entered = format_date (&span->entered);
      g_autofree char *entered_text = g_strdup_printf (_("Entered %s"), entered);
      g_autofree char *days = format_days (span->days);
      g_autofree char *spent = span->current ? g_strdup_printf (_("%s so far"), days) : g_strdup (days);
      g_autofree char *subtitle = join_parts (entered_text, span->reason, NULL);
      AdwActionRow *row = new_row (traction_stage_label (span->stage), subtitle);
      GtkWidget *label = gtk_label_new (spent);

      gtk_widget_add_css_class (label, "numeric");
      if (!span->current)
        gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (row, label);
      add_list_row (self->stages_list, GTK_WIDGET (row), -1, NULL);
    }
}

static void
fill_qualification (TractionDealPane         *self,
                    const TractionDealDetail *detail)
{
  clear_list (self->qualification_list);

  if (detail->qualifications->len == 0)
    {
      add_empty_row (self->qualification_list,
                     _("Not scored yet. Score BANT after the first real conversation."), -1);
      return;
    }

  for (guint i = 0; i < detail->qualifications->len; i++)
    {
      const TractionQualificationEntry *entry = g_ptr_array_index (detail->qualifications, i);
      g_autofree char *date = format_date (&entry->date);
      g_autofree char *total = g_strdup_printf (_("%d/20"), entry->total);
      g_autofree char *by = entry->by[0] != '\0' ? g_strdup_printf (_("by %s"), entry->by) : g_strdup ("");
      /* Translators: the four BANT scores, Budget Authority Need Timeline */
      g_autofree char *scores = g_strdup_printf (_("B %d · A %d · N %d · T %d"),
                                                 entry->bant.budget, entry->bant.authority,
                                                 entry->bant.need, entry->bant.timeline);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *label = gtk_label_new (total);

      if (i == 0)
        {
          title = g_strdup_printf (_("Latest: %s"), traction_bant_band_label (entry->band));
          subtitle = join_parts (date, by, scores, traction_bant_band_advice (entry->band), NULL);
        }
      else
        {
          title = g_strdup (traction_bant_band_label (entry->band));
          subtitle = join_parts (date, by, scores, NULL);
        }
      row = new_row (title, subtitle);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, i == 0 ? "title-4" : "dim-label");
      adw_action_row_add_suffix (row, label);
      add_list_row (self->qualification_list, GTK_WIDGET (row), -1, NULL);
    }
}

static void
refresh (TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionDealDetail) detail = NULL;
  g_autofree char *key = NULL;
  GtkAdjustment *vadjustment;
  double scroll;
  GDate today;

  if (self->store == NULL || self->deal_id == 0)
    {
      g_clear_pointer (&self->detail, traction_deal_detail_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_text (self->company_label, "");
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->facts_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->pause_button), FALSE);
      return;
    }

  get_today (&today);
  detail = traction_store_load_deal (self->store, self->deal_id, &today, &error);
  if (detail == NULL)
    {
      g_clear_pointer (&self->detail, traction_deal_detail_free);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->pause_button), FALSE);
      return;
    }

  key = focused_key (self);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  scroll = gtk_adjustment_get_value (vadjustment);

  g_free (self->currency);
  self->currency = traction_store_get_currency (self->store);

  self->filling = TRUE;
  fill_header (self, detail);
  fill_details (self, detail);
  fill_next_steps (self, detail, &today);
  fill_activity (self, detail, &today);
  fill_criteria (self, detail);
  fill_stakeholders (self, detail);
  fill_stages (self, detail);
  fill_qualification (self, detail);
  self->filling = FALSE;

  g_clear_pointer (&self->detail, traction_deal_detail_free);
  self->detail = g_steal_pointer (&detail);
  gtk_stack_set_visible_child_name (self->stack, "content");

  gtk_adjustment_set_value (vadjustment, scroll);
  if (key != NULL)
    {
      GtkListBox *lists[] = { self->steps_list, self->activity_list, self->criteria_list,
                              self->stakeholders_list };

      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        if (restore_focus_in (GTK_WIDGET (lists[i]), key))
          break;
    }
}

/* Writing */

static gboolean
save_fields (TractionDealPane         *self,
             const TractionDealFields *fields)
{
  g_autoptr(GError) error = NULL;

  if (!traction_store_update_deal (self->store, self->deal_id, fields, NULL, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
current_fields (TractionDealPane   *self,
                TractionDealFields *fields)
{
  traction_deal_fields_from_detail (fields, self->detail);
}

static TractionTouchpointKind
selected_kind (TractionDealPane *self)
{
  if (gtk_toggle_button_get_active (self->kind_meeting))
    return TRACTION_TOUCHPOINT_MEETING;
  if (gtk_toggle_button_get_active (self->kind_email))
    return TRACTION_TOUCHPOINT_EMAIL;
  if (gtk_toggle_button_get_active (self->kind_note))
    return TRACTION_TOUCHPOINT_NOTE;
  return TRACTION_TOUCHPOINT_CALL;
}

/* Dialogs */

typedef enum {
  FORM_NEXT_STEP,
  FORM_STAKEHOLDER,
  FORM_PAUSE,
} FormKind;

typedef struct {
  TractionDealPane *pane;     /* weak */
  FormKind          kind;
  gint64            id;       /* step or contact; 0 for a new one */
  AdwEntryRow      *first;
  AdwEntryRow      *second;
  AdwEntryRow      *third;
  AdwComboRow      *combo;
  GtkLabel         *hint;
  GArray           *founder_ids;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_clear_weak_pointer (&form->pane);
  g_clear_pointer (&form->founder_ids, g_array_unref);
  g_free (form);
}

static AdwEntryRow *
form_entry (GtkListBox *list,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static const char *
form_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
text_is_blank (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  return clean[0] == '\0';
}

/* Why the form cannot be saved yet; NULL when it can. */
static const char *
form_problem (Form *form)
{
  GDate date;
  GDate today;

  switch (form->kind)
    {
    case FORM_NEXT_STEP:
      if (text_is_blank (form_text (form->first)))
        return _("Say what the next step is.");
      if (!parse_optional_date (form_text (form->second), &date))
        return _("Write the due date as YYYY-MM-DD, or leave it empty.");
      return NULL;
    case FORM_STAKEHOLDER:
      if (text_is_blank (form_text (form->first)))
        return _("A stakeholder needs a name.");
      if (!text_is_blank (form_text (form->third)) && strchr (form_text (form->third), '@') == NULL)
        return _("That email address has no “@”.");
      return NULL;
    case FORM_PAUSE:
      if (text_is_blank (form_text (form->first)))
        return _("Say why the deal is paused.");
      if (!parse_optional_date (form_text (form->second), &date))
        return _("Write the resume date as YYYY-MM-DD, or leave it empty.");
      get_today (&today);
      if (g_date_valid (&date) && g_date_compare (&date, &today) <= 0)
        return _("The resume date must be after today.");
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
form_changed_cb (Form *form)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (form->first), ADW_TYPE_MESSAGE_DIALOG);
  const char *problem = form_problem (form);

  gtk_label_set_text (form->hint, problem != NULL ? problem : "");
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", problem == NULL);
}

static void
form_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Form             *form)
{
  TractionDealPane *self = form->pane;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  GDate date;
  GDate today;

  if (self == NULL || self->store == NULL || g_strcmp0 (response, "save") != 0 ||
      form_problem (form) != NULL)
    return;

  get_today (&today);
  switch (form->kind)
    {
    case FORM_NEXT_STEP:
      {
        guint selected = adw_combo_row_get_selected (form->combo);
        gint64 owner = 0;

        if (selected > 0 && selected <= form->founder_ids->len)
          owner = g_array_index (form->founder_ids, gint64, selected - 1);
        parse_optional_date (form_text (form->second), &date);
        ok = traction_store_update_next_step (self->store, form->id, form_text (form->first),
                                              owner, &date, &error);
      }
      break;
    case FORM_STAKEHOLDER:
      {
        TractionContactRole role = adw_combo_row_get_selected (form->combo);

        if (form->id == 0)
          ok = traction_store_add_stakeholder (self->store, self->deal_id, form_text (form->first),
                                               form_text (form->second), form_text (form->third),
                                               role, NULL, &error);
        else
          ok = traction_store_update_stakeholder (self->store, form->id, form_text (form->first),
                                                  form_text (form->second), form_text (form->third),
                                                  role, &error);
      }
      break;
    case FORM_PAUSE:
      parse_optional_date (form_text (form->second), &date);
      ok = traction_store_pause_deal (self->store, self->deal_id, form_text (form->first),
                                      &date, &today, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    show_error (self, error);
}

/* A small dialog with a form: rows go into the returned list. */
static AdwMessageDialog *
form_dialog_new (TractionDealPane *self,
                 Form             *form,
                 const char       *heading,
                 const char       *body,
                 const char       *save_label,
                 GtkListBox      **list_out)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0f);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_widget_set_size_request (box, 320, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", save_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_set_weak_pointer (&form->pane, self);
  form->hint = GTK_LABEL (hint);
  g_object_set_data_full (G_OBJECT (dialog), "form", form, form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (form_response_cb), form);

  *list_out = GTK_LIST_BOX (list);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
form_present (AdwMessageDialog *dialog,
              Form             *form)
{
  AdwEntryRow *rows[] = { form->first, form->second, form->third };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL)
      g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (form_changed_cb), form);
  form_changed_cb (form);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->first));
}

static void
edit_next_step (TractionDealPane       *self,
                const TractionNextStep *step)
{
  Form *form = g_new0 (Form, 1);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkWidget *combo = adw_combo_row_new ();
  char due[16] = "";
  guint selected = 0;

  form->kind = FORM_NEXT_STEP;
  form->id = step->id;
  dialog = form_dialog_new (self, form, _("Edit Next Step"), NULL, _("_Save"), &list);

  if (g_date_valid (&step->due))
    traction_date_format (&step->due, due);
  form->first = form_entry (list, _("Action"), step->action);
  form->second = form_entry (list, _("Due (YYYY-MM-DD)"), due);

  gtk_string_list_append (owners, _("No owner"));
  form->founder_ids = g_array_copy (self->founder_ids);
  for (guint i = 0; i < self->founder_ids->len; i++)
    {
      GListModel *model = adw_combo_row_get_model (self->owner_row);

      gtk_string_list_append (owners, gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1));
      if (g_array_index (self->founder_ids, gint64, i) == step->owner_id)
        selected = i + 1;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Owner"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (owners));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected);
  gtk_list_box_append (list, combo);
  form->combo = ADW_COMBO_ROW (combo);

  form_present (dialog, form);
}

static void
edit_stakeholder (TractionDealPane          *self,
                  const TractionStakeholder *person)
{
  Form *form = g_new0 (Form, 1);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkWidget *combo = adw_combo_row_new ();

  form->kind = FORM_STAKEHOLDER;
  form->id = person != NULL ? person->id : 0;
  dialog = form_dialog_new (self, form,
                            person != NULL ? _("Edit Stakeholder") : _("Add Stakeholder"),
                            NULL,
                            person != NULL ? _("_Save") : _("_Add"),
                            &list);
  form->first = form_entry (list, _("Name"), person != NULL ? person->name : "");
  form->second = form_entry (list, _("Job title"), person != NULL ? person->title : "");
  form->third = form_entry (list, _("Email"), person != NULL ? person->email : "");

  for (guint i = 0; i < TRACTION_N_ROLES; i++)
    gtk_string_list_append (roles, traction_contact_role_label (i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Role in the deal"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), person != NULL ? person->role : TRACTION_ROLE_NONE);
  gtk_list_box_append (list, combo);
  form->combo = ADW_COMBO_ROW (combo);

  form_present (dialog, form);
}

static const TractionNextStep *
find_step (TractionDealPane *self,
           gint64            id)
{
  for (guint i = 0; self->detail != NULL && i < self->detail->next_steps->len; i++)
    {
      const TractionNextStep *step = g_ptr_array_index (self->detail->next_steps, i);
      if (step->id == id)
        return step;
    }
  return NULL;
}

static const TractionStakeholder *
find_stakeholder (TractionDealPane *self,
                  gint64            id)
{
  for (guint i = 0; self->detail != NULL && i < self->detail->stakeholders->len; i++)
    {
      const TractionStakeholder *person = g_ptr_array_index (self->detail->stakeholders, i);
      if (person->id == id)
        return person;
    }
  return NULL;
}

static gint64
object_id (gpointer    object,
           const char *name)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), name);

  return id != NULL ? *id : 0;
}

/* Signal callbacks */

static gboolean
refresh_idle_cb (gpointer data)
{
  TractionDealPane *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (TractionDealPane *self,
                  TractionStore    *store)
{
  /* A burst of writes gives one reload. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
name_apply_cb (TractionDealPane *self)
{
  TractionDealFields fields;

  if (self->filling || self->detail == NULL)
    return;
  current_fields (self, &fields);
  g_free (fields.name);
  fields.name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
arr_apply_cb (TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TractionDealFields fields;
  gint64 cents = 0;

  if (self->filling || self->detail == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->arr_row))));

  if (text[0] == '-')
    {
      set_row_error (GTK_WIDGET (self->arr_row), TRUE);
      show_message (self, _("The ARR cannot be negative."));
      return;
    }
  if (!traction_money_parse_input (text, &cents, &error))
    {
      set_row_error (GTK_WIDGET (self->arr_row), TRUE);
      show_message (self, _("Write the ARR as an amount, like 48000 or 48000.50."));
      return;
    }
  set_row_error (GTK_WIDGET (self->arr_row), FALSE);

  current_fields (self, &fields);
  fields.arr_cents = cents;
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
arr_changed_cb (TractionDealPane *self)
{
  set_row_error (GTK_WIDGET (self->arr_row), FALSE);
}

static void
owner_selected_cb (TractionDealPane *self)
{
  TractionDealFields fields;
  guint selected;

  if (self->filling || self->detail == NULL)
    return;
  selected = adw_combo_row_get_selected (self->owner_row);
  current_fields (self, &fields);
  fields.owner_id = selected > 0 && selected <= self->founder_ids->len
                    ? g_array_index (self->founder_ids, gint64, selected - 1) : 0;
  if (fields.owner_id != self->detail->owner_id)
    save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
save_expected_close (TractionDealPane *self,
                     const char       *text)
{
  TractionDealFields fields;
  GDate date;

  if (!parse_optional_date (text, &date))
    {
      set_row_error (GTK_WIDGET (self->close_row), TRUE);
      show_message (self, _("Write the expected close as YYYY-MM-DD, like 2026-12-31, or leave it empty."));
      return;
    }
  set_row_error (GTK_WIDGET (self->close_row), FALSE);
  current_fields (self, &fields);
  fields.expected_close = date;
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
close_apply_cb (TractionDealPane *self)
{
  if (self->filling || self->detail == NULL)
    return;
  save_expected_close (self, gtk_editable_get_text (GTK_EDITABLE (self->close_row)));
}

static void
close_changed_cb (TractionDealPane *self)
{
  set_row_error (GTK_WIDGET (self->close_row), FALSE);
}

static void
calendar_show_cb (TractionDealPane *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (self->detail != NULL && g_date_valid (&self->detail->expected_close))
    date = self->detail->expected_close;
  else
    get_today (&date);
  dt = date_time_from_date (&date);
  gtk_calendar_select_day (self->calendar, dt);
}

static void
calendar_day_selected_cb (TractionDealPane *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%d");

  if (self->filling || self->detail == NULL)
    return;
  gtk_popover_popdown (self->calendar_popover);
  save_expected_close (self, text);
}

static void
source_selected_cb (TractionDealPane *self)
{
  TractionDealFields fields;
  TractionSource source;

  if (self->filling || self->detail == NULL)
    return;
  source = adw_combo_row_get_selected (self->source_row);
  if (source >= TRACTION_N_SOURCES || source == self->detail->source)
    return;

  /* A warm introduction needs who made it: ask first, save on apply. */
  if (source == TRACTION_SOURCE_WARM_INTRO &&
      text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->introduced_row))))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->introduced_row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->introduced_row));
      show_message (self, _("Say who introduced you, then press Enter."));
      return;
    }

  current_fields (self, &fields);
  fields.source = source;
  g_free (fields.introduced_by);
  fields.introduced_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->introduced_row)));
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
introduced_apply_cb (TractionDealPane *self)
{
  TractionDealFields fields;
  guint source;

  if (self->filling || self->detail == NULL)
    return;
  current_fields (self, &fields);
  source = adw_combo_row_get_selected (self->source_row);
  if (source < TRACTION_N_SOURCES)
    fields.source = source;
  g_free (fields.introduced_by);
  fields.introduced_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->introduced_row)));
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
notes_apply_cb (TractionDealPane *self)
{
  TractionDealFields fields;

  if (self->filling || self->detail == NULL)
    return;
  current_fields (self, &fields);
  g_free (fields.notes);
  fields.notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  save_fields (self, &fields);
  traction_deal_fields_clear (&fields);
}

static void
step_entry_activated_cb (TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->step_entry));
  GDate due;

  if (self->detail == NULL || text_is_blank (text))
    return;

  get_today (&due);
  g_date_add_days (&due, 2);
  if (!traction_store_add_next_step (self->store, self->deal_id, text, self->detail->owner_id,
                                     &due, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->step_entry), "");
}

static void
touchpoint_activate_cb (TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->touchpoint_entry));
  TractionTouchpointKind kind = selected_kind (self);
  GDate today;

  if (self->detail == NULL)
    return;
  /* An empty Enter logs a bare call, meeting or email; a note needs text. */
  if (kind == TRACTION_TOUCHPOINT_NOTE && text_is_blank (text))
    return;

  get_today (&today);
  if (!traction_store_add_touchpoint (self->store, self->deal_id, kind, &today, text, 0, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->touchpoint_entry), "");
}

static void
step_toggled_cb (GtkCheckButton   *check,
                 TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->filling)
    return;
  get_today (&today);
  if (!traction_store_set_next_step_done (self->store, object_id (check, "step"),
                                          gtk_check_button_get_active (check), &today, &error))
    show_error (self, error);
}

static void
step_delete_cb (GtkButton        *button,
                TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  TractionNextStep *removed = NULL;
  g_autofree char *title = NULL;

  if (!traction_store_delete_next_step (self->store, object_id (button, "step"), &removed, &error))
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Next step “%s” deleted"), removed->action);
  offer_undo (self, title, UNDO_NEXT_STEP, removed);
}

static void
step_activated_cb (AdwActionRow     *row,
                   TractionDealPane *self)
{
  const TractionNextStep *step = find_step (self, object_id (row, "step"));

  if (step != NULL)
    edit_next_step (self, step);
}

static void
touchpoint_delete_cb (GtkButton        *button,
                      TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  TractionTouchpoint *removed = NULL;
  g_autofree char *title = NULL;

  if (!traction_store_delete_touchpoint (self->store, object_id (button, "touchpoint"), &removed, &error))
    {
      show_error (self, error);
      return;
    }
  /* Translators: "Call deleted" */
  title = g_strdup_printf (_("%s deleted"), traction_touchpoint_kind_label (removed->kind));
  offer_undo (self, title, UNDO_TOUCHPOINT, removed);
}

static void
criterion_toggled_cb (GtkCheckButton   *check,
                      TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->filling || self->detail == NULL)
    return;
  get_today (&today);
  if (!traction_store_set_checklist_item (self->store, self->deal_id, self->detail->stage,
                                          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item")),
                                          gtk_check_button_get_active (check), &today, &error))
    show_error (self, error);
}

static void
stakeholder_edit_cb (GtkButton        *button,
                     TractionDealPane *self)
{
  const TractionStakeholder *person = find_stakeholder (self, object_id (button, "contact"));

  if (person != NULL)
    edit_stakeholder (self, person);
}

static void
stakeholder_delete_cb (GtkButton        *button,
                       TractionDealPane *self)
{
  g_autoptr(GError) error = NULL;
  TractionStakeholder *removed = NULL;
  g_autofree char *title = NULL;

  if (!traction_store_delete_stakeholder (self->store, object_id (button, "contact"), &removed, &error))
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("%s removed"), removed->name);
  offer_undo (self, title, UNDO_STAKEHOLDER, removed);
}

/* Actions */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

/* Qualification: the wizard, the objection library, the deal's sheets. */
static void
qualify_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);

  if (self->store != NULL && self->deal_id > 0)
    traction_qualify_open (widget, self->store, self->deal_id);
}

static void
objections_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);

  if (self->store != NULL && self->deal_id > 0)
    traction_objection_library_open (widget, self->store, self->deal_id, "objections");
}

/* Demo prep (DOMAIN.md §9): the deal's demo plan, the sales assets. */
static void
demo_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);

  if (self->store != NULL && self->deal_id > 0)
    traction_demo_plan_open (widget, self->store, self->deal_id);
}

static void
assets_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);

  if (self->store != NULL)
    traction_assets_open (widget, self->store);
}

/* "call-prep", "qualification", each with "-pdf" to save a PDF. */
static void
sheet_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);
  const char *which = g_variant_get_string (parameter, NULL);

  if (self->store != NULL && self->deal_id > 0)
    traction_prep_sheet_output (widget, self->store, self->deal_id,
                                g_str_has_prefix (which, "qualification")
                                  ? TRACTION_SHEET_QUALIFICATION : TRACTION_SHEET_CALL_PREP,
                                g_str_has_suffix (which, "-pdf"));
}

static void
kind_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);
  TractionTouchpointKind kind;
  GtkToggleButton *buttons[] = { self->kind_call, self->kind_meeting, self->kind_email, self->kind_note };

  if (!traction_touchpoint_kind_from_id (g_variant_get_string (parameter, NULL), &kind))
    return;
  gtk_toggle_button_set_active (buttons[kind], TRUE);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);
  Form *form;
  AdwMessageDialog *dialog;
  GtkListBox *list;

  if (self->detail == NULL)
    return;

  form = g_new0 (Form, 1);
  form->kind = FORM_PAUSE;
  dialog = form_dialog_new (self, form, _("Pause Deal?"),
                            _("A paused deal is not flagged as stalled and is left out of coverage."),
                            _("_Pause"), &list);
  form->first = form_entry (list, _("Reason"), "");
  form->second = form_entry (list, _("Resume on (YYYY-MM-DD, optional)"), "");
  form_present (dialog, form);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (self->detail == NULL)
    return;
  if (!traction_store_resume_deal (self->store, self->deal_id, &error))
    show_error (self, error);
}

static void
add_stakeholder_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (widget);

  if (self->detail != NULL)
    edit_stakeholder (self, NULL);
}

/* GObject overrides */

static void
traction_deal_pane_dispose (GObject *object)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->detail, traction_deal_detail_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_DEAL_PANE);
  /* The header and separator are not bound: unparent what is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (traction_deal_pane_parent_class)->dispose (object);
}

static void
traction_deal_pane_finalize (GObject *object)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (object);

  g_free (self->currency);
  g_array_unref (self->founder_ids);

  G_OBJECT_CLASS (traction_deal_pane_parent_class)->finalize (object);
}

static void
traction_deal_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_deal_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TractionDealPane *self = TRACTION_DEAL_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (self->store == NULL);
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed",
                                 G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;
    case PROP_DEAL_ID:
      traction_deal_pane_set_deal (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_deal_pane_class_init (TractionDealPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_deal_pane_dispose;
  object_class->finalize = traction_deal_pane_finalize;
  object_class->get_property = traction_deal_pane_get_property;
  object_class->set_property = traction_deal_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TractionDealPane::close-requested:
   *
   * The user asked to close the pane (Escape or the close button).
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/pipeline/traction-deal-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, company_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, facts_label);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, pause_button);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, paused_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, paused_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, arr_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, close_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, calendar);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, source_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, introduced_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, facts_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, steps_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, step_entry);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, activity_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, quick_row);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, kind_call);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, kind_meeting);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, kind_email);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, kind_note);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, touchpoint_entry);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, stakeholders_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, stages_list);
  gtk_widget_class_bind_template_child (widget_class, TractionDealPane, qualification_list);

  gtk_widget_class_install_action (widget_class, "pane.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "pane.touchpoint-kind", "s", kind_action);
  gtk_widget_class_install_action (widget_class, "pane.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "pane.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "pane.add-stakeholder", NULL, add_stakeholder_action);
  gtk_widget_class_install_action (widget_class, "pane.qualify", NULL, qualify_action);
  gtk_widget_class_install_action (widget_class, "pane.objections", NULL, objections_action);
  gtk_widget_class_install_action (widget_class, "pane.sheet", "s", sheet_action);
  gtk_widget_class_install_action (widget_class, "pane.demo-plan", NULL, demo_plan_action);
  gtk_widget_class_install_action (widget_class, "pane.assets", NULL, assets_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pane.close", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dealpane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Ctrl+1..4 pick the kind while the quick entry has focus. */
static void
add_kind_shortcuts (TractionDealPane *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4 };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                          gtk_named_action_new ("pane.touchpoint-kind"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (traction_touchpoint_kind_to_id (i)));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->touchpoint_entry), controller);
}

static void
traction_deal_pane_init (TractionDealPane *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->founder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < TRACTION_N_SOURCES; i++)
    gtk_string_list_append (sources, traction_source_label (i));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));

  /* Template rows stay across reloads: they are not marked "pane-row". */
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (name_apply_cb), self);
  g_signal_connect_swapped (self->arr_row, "apply", G_CALLBACK (arr_apply_cb), self);
  g_signal_connect_swapped (self->arr_row, "changed", G_CALLBACK (arr_changed_cb), self);
  g_signal_connect_swapped (self->owner_row, "notify::selected", G_CALLBACK (owner_selected_cb), self);
  g_signal_connect_swapped (self->close_row, "apply", G_CALLBACK (close_apply_cb), self);
  g_signal_connect_swapped (self->close_row, "changed", G_CALLBACK (close_changed_cb), self);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (calendar_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (source_selected_cb), self);
  g_signal_connect_swapped (self->introduced_row, "apply", G_CALLBACK (introduced_apply_cb), self);
  g_signal_connect_swapped (self->notes_row, "apply", G_CALLBACK (notes_apply_cb), self);
  g_signal_connect_swapped (self->step_entry, "entry-activated", G_CALLBACK (step_entry_activated_cb), self);
  g_signal_connect_swapped (self->touchpoint_entry, "activate", G_CALLBACK (touchpoint_activate_cb), self);

  add_kind_shortcuts (self);
}

/* Public API */

GtkWidget *
traction_deal_pane_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_DEAL_PANE, "store", store, NULL);
}

TractionStore *
traction_deal_pane_get_store (TractionDealPane *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_PANE (self), NULL);
  return self->store;
}

void
traction_deal_pane_set_deal (TractionDealPane *self,
                             gint64            deal_id)
{
  g_return_if_fail (TRACTION_IS_DEAL_PANE (self));
  g_return_if_fail (deal_id >= 0);

  if (self->deal_id == deal_id)
    return;

  self->deal_id = deal_id;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* A new deal starts at the top, with an empty quick entry. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_editable_set_text (GTK_EDITABLE (self->touchpoint_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->step_entry), "");
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL_ID]);
}

gint64
traction_deal_pane_get_deal (TractionDealPane *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_PANE (self), 0);
  return self->deal_id;
}

void
traction_deal_pane_refresh (TractionDealPane *self)
{
  g_return_if_fail (TRACTION_IS_DEAL_PANE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

GtkLabel *
traction_deal_pane_get_company_label (TractionDealPane *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_PANE (self), NULL);
  return self->company_label;
}

GtkEditable *
traction_deal_pane_get_touchpoint_entry (TractionDealPane *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_PANE (self), NULL);
  return GTK_EDITABLE (self->touchpoint_entry);
}

GtkEditable *
traction_deal_pane_get_step_entry (TractionDealPane *self)
{
  g_return_val_if_fail (TRACTION_IS_DEAL_PANE (self), NULL);
  return GTK_EDITABLE (self->step_entry);
}
