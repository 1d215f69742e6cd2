/* traction-usage-grid.c: one month's usage, tickets and NPS for every
 * client at once, in a grid: a row a client, a column a figure; Tab goes
 * across, the month is picked at the top, Save writes every changed row
 * in one go (all or nothing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-usage-grid.h"
#include "traction-store-health.h"

enum {
  COL_API, COL_PLAN, COL_LAST_CALL, COL_P1, COL_P2, COL_P3, COL_P4, COL_LAST_RESPONSE, COL_NPS, N_COLS
};

static const char * const column_titles[N_COLS] = {
  N_("API volume"), N_("Plan volume"), N_("Last API call"), N_("P1"), N_("P2"), N_("P3"), N_("P4"),
  N_("Last response"), N_("NPS"),
};

#define MAX_ROWS 300
#define N_MONTHS 12

struct _TractionUsageGrid
{
  AdwWindow         parent_instance;

  TractionStore    *store;
  GtkDropDown      *month_drop;
  GtkGrid          *grid;
  GtkWidget        *save_button;
  AdwToastOverlay  *toasts;
  GArray           *account_ids;     /* gint64 per row */
  GPtrArray        *entries;         /* GtkEntry, row-major, N_COLS a row */
  GPtrArray        *original;        /* char *, the text each entry was filled with */
  GDate             months[N_MONTHS];
};

G_DEFINE_FINAL_TYPE (TractionUsageGrid, traction_usage_grid, ADW_TYPE_WINDOW)

static GtkEntry *
cell (TractionUsageGrid *self,
      guint              row,
      guint              col)
{
  return g_ptr_array_index (self->entries, row * N_COLS + col);
}

static char *
count_text (gint64 value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? traction_date_to_string (date) : g_strdup ("");
}

/* Fills the grid with the chosen month's records. */
static void
load_month (TractionUsageGrid *self)
{
  guint index = gtk_drop_down_get_selected (self->month_drop);
  const GDate *month;

  if (index >= N_MONTHS)
    return;
  month = &self->months[index];
  g_ptr_array_set_size (self->original, 0);
  for (guint r = 0; r < self->account_ids->len; r++)
    {
      TractionUsageMonth usage;
      char *texts[N_COLS];

      traction_store_get_usage (self->store, g_array_index (self->account_ids, gint64, r), month, &usage, NULL);
      texts[COL_API] = count_text (usage.api_volume);
      texts[COL_PLAN] = count_text (usage.plan_volume);
      texts[COL_LAST_CALL] = date_text (&usage.last_api_call);
      for (int p = 0; p < 4; p++)
        texts[COL_P1 + p] = count_text (usage.tickets[p]);
      texts[COL_LAST_RESPONSE] = date_text (&usage.last_response);
      texts[COL_NPS] = count_text (usage.nps);
      for (guint c = 0; c < N_COLS; c++)
        {
          gtk_editable_set_text (GTK_EDITABLE (cell (self, r, c)), texts[c]);
          gtk_widget_remove_css_class (GTK_WIDGET (cell (self, r, c)), "error");
          g_ptr_array_add (self->original, texts[c]);
        }
    }
}

/* One entry's value: a count (-1 when empty) or a date (cleared when
 * empty); FALSE when the text is neither. */
static gboolean
read_count (GtkEntry *entry,
            gint64    max,
            gint64   *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 value;

  if (text[0] == '\0')
    {
      *out = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
read_date (GtkEntry *entry,
           GDate    *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_date_clear (out, 1);
  return text[0] == '\0' || traction_date_parse (text, out, NULL);
}

static void
show_error (TractionUsageGrid *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
save_clicked_cb (TractionUsageGrid *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) usages = g_array_new (FALSE, FALSE, sizeof (TractionUsageMonth));
  g_autoptr(GError) error = NULL;
  guint index = gtk_drop_down_get_selected (self->month_drop);
  if (index >= N_MONTHS)
    return;

  for (guint r = 0; r < self->account_ids->len; r++)
    {
      TractionUsageMonth usage;
      gboolean changed = FALSE;
      gint64 value;
      int bad = -1;

      for (guint c = 0; c < N_COLS; c++)
        {
          changed |= g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell (self, r, c))),
                                g_ptr_array_index (self->original, r * N_COLS + c)) != 0;
          gtk_widget_remove_css_class (GTK_WIDGET (cell (self, r, c)), "error");
        }
      if (!changed)
        continue;

      if (!read_count (cell (self, r, COL_API), G_MAXINT64, &usage.api_volume))
        bad = COL_API;
      else if (!read_count (cell (self, r, COL_PLAN), G_MAXINT64, &usage.plan_volume))
        bad = COL_PLAN;
      else if (!read_date (cell (self, r, COL_LAST_CALL), &usage.last_api_call))
        bad = COL_LAST_CALL;
      else if (!read_date (cell (self, r, COL_LAST_RESPONSE), &usage.last_response))
        bad = COL_LAST_RESPONSE;
      else if (!read_count (cell (self, r, COL_NPS), 10, &value))
        bad = COL_NPS;
      else
        {
          usage.nps = (int) value;
          for (int p = 0; p < 4 && bad < 0; p++)
            {
              if (!read_count (cell (self, r, COL_P1 + p), G_MAXINT, &value))
                bad = COL_P1 + p;
              else
                usage.tickets[p] = (int) value;
            }
        }
      if (bad >= 0)
        {
          GtkWidget *entry = GTK_WIDGET (cell (self, r, (guint) bad));

          gtk_widget_add_css_class (entry, "error");
          gtk_widget_grab_focus (entry);
          show_error (self, bad == COL_LAST_CALL || bad == COL_LAST_RESPONSE
                            ? _("Write dates as year-month-day, for example 2026-11-20, or leave them empty.")
                            : bad == COL_NPS ? _("An NPS answer is a whole number from 0 to 10, or empty.")
                                             : _("Volumes and ticket counts are whole numbers, 0 or more, or empty."));
          return;
        }
      g_array_append_val (ids, g_array_index (self->account_ids, gint64, r));
      g_array_append_val (usages, usage);
    }

  if (ids->len == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!traction_store_save_usage_month (self->store, &self->months[index], (gint64 *) ids->data,
                                        (TractionUsageMonth *) usages->data, ids->len, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
month_changed_cb (TractionUsageGrid *self)
{
  load_month (self);
}

static void
traction_usage_grid_dispose (GObject *object)
{
  TractionUsageGrid *self = TRACTION_USAGE_GRID (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->original, g_ptr_array_unref);
  G_OBJECT_CLASS (traction_usage_grid_parent_class)->dispose (object);
}

static void
traction_usage_grid_class_init (TractionUsageGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_usage_grid_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
traction_usage_grid_init (TractionUsageGrid *self)
{
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entries = g_ptr_array_new ();
  self->original = g_ptr_array_new_with_free_func (g_free);
}

TractionUsageGrid *
traction_usage_grid_new (GtkWindow     *parent,
                         TractionStore *store)
{
  g_autoptr(GtkStringList) month_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  TractionUsageGrid *self;
  GtkWidget *toolbar, *header, *box, *scroller, *cancel, *label;
  GDate today;
  guint n;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);

  self = g_object_new (TRACTION_TYPE_USAGE_GRID,
                       "modal", parent != NULL,
                       "transient-for", parent,
                       "title", _("Usage by Month"),
                       "default-width", 1100,
                       "default-height", 640,
                       NULL);
  self->store = g_object_ref (store);

  traction_date_today (&today);
  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *name = NULL;

      g_date_clear (&self->months[i], 1);
      g_date_set_dmy (&self->months[i], 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_subtract_months (&self->months[i], i);
      dt = g_date_time_new_local (g_date_get_year (&self->months[i]), g_date_get_month (&self->months[i]), 1, 0, 0, 0);
      /* Translators: a month in the usage grid's picker, see g_date_time_format() */
      name = g_date_time_format (dt, _("%B %Y"));
      gtk_string_list_append (month_names, name);
    }

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  self->month_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (month_names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Month"), -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->month_drop));
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("One row a client. Leave a cell empty when you don’t know the figure; dates as 2026-11-20. "
                           "Save writes every changed row, then raises the alerts they trigger."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_grid_set_column_spacing (self->grid, 6);
  label = gtk_label_new (_("Client"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->grid, label, 0, 0, 1, 1);
  for (guint c = 0; c < N_COLS; c++)
    {
      label = gtk_label_new (_(column_titles[c]));
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->grid, label, (int) c + 1, 0, 1, 1);
    }

  clients = traction_store_list_clients (store, &today, &error);
  n = clients != NULL ? MIN (clients->len, MAX_ROWS) : 0;
  for (guint r = 0; r < n; r++)
    {
      const TractionClientRow *client = g_ptr_array_index (clients, r);

      label = gtk_label_new (client->name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_grid_attach (self->grid, label, 0, (int) r + 1, 1, 1);
      g_array_append_val (self->account_ids, client->account_id);
      for (guint c = 0; c < N_COLS; c++)
        {
          GtkWidget *entry = gtk_entry_new ();
          g_autofree char *name = g_strdup_printf ("%s, %s", client->name, _(column_titles[c]));

          gtk_editable_set_width_chars (GTK_EDITABLE (entry),
                                        c == COL_LAST_CALL || c == COL_LAST_RESPONSE ? 10 :
                                        c == COL_API || c == COL_PLAN ? 9 : 3);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry),
                                       c == COL_LAST_CALL || c == COL_LAST_RESPONSE ? GTK_INPUT_PURPOSE_FREE_FORM
                                                                                    : GTK_INPUT_PURPOSE_DIGITS);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_add_css_class (entry, "numeric");
          gtk_grid_attach (self->grid, entry, (int) c + 1, (int) r + 1, 1, 1);
          g_ptr_array_add (self->entries, entry);
        }
    }

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (box), scroller);
  if (clients == NULL || clients->len == 0)
    {
      label = gtk_label_new (error != NULL ? error->message
                                           : _("No clients yet: a company becomes a client with its first ARR movement or an active contract."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_sensitive (self->save_button, FALSE);
    }
  else if (clients->len > MAX_ROWS)
    {
      g_autofree char *text = g_strdup_printf (_("The first %d clients by name are shown; import a CSV file for the others."),
                                               MAX_ROWS);

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  load_month (self);
  g_signal_connect_swapped (self->month_drop, "notify::selected", G_CALLBACK (month_changed_cb), self);
  return self;
}
