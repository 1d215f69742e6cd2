/* traction-today-page.c: what needs the founder now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-today-page.h"
#include "traction-store-providers.h"
#include "traction-store-partners.h"
#include "traction-store-demo.h"
#include "traction-clients-page.h"
#include "traction-loader.h"
#include "traction-widgets.h"

typedef enum {
  CARD_OPEN,
  CARD_WEIGHTED,
  CARD_COVERAGE,
  CARD_ARR,
  CARD_NRR,
  N_CARDS
} Card;

typedef struct
{
  GtkLabel *value;
  GtkImage *icon;
  GtkLabel *detail;
} CardWidgets;

struct _TractionTodayPage
{
  GtkWidget             parent_instance;

  /* template */
  GtkStack             *stack;
  GtkLabel             *date_label;
  GtkLabel             *quarter_label;
  GtkFlowBox           *cards_box;
  AdwActionRow         *prospects_row;
  GtkImage             *prospects_icon;
  GtkLevelBar          *prospects_bar;
  AdwActionRow         *meetings_row;
  GtkImage             *meetings_icon;
  GtkLevelBar          *meetings_bar;
  AdwPreferencesGroup  *stalled_group;
  GtkListBox           *stalled_list;
  AdwPreferencesGroup  *follow_ups_group;
  GtkListBox           *follow_ups_list;
  AdwPreferencesGroup  *alerts_group;
  GtkListBox           *alerts_list;
  AdwPreferencesGroup  *renewals_group;
  GtkListBox           *renewals_list;
  GtkListBox           *reviews_due_list;
  GtkListBox           *late_milestones_list;
  GtkListBox           *stale_assets_list;
  AdwStatusPage        *error_page;

  CardWidgets           cards[N_CARDS];

  TractionStore        *store;
  TractionLoader       *loader;
  guint                 refresh_id;
  gboolean              stale;      /* changed while hidden: reload when shown */
};

G_DEFINE_FINAL_TYPE (TractionTodayPage, traction_today_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: text */

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                0, 0, 0.0);
}

/* The date as the locale writes it (short form). */
static char *
format_date_short (const GDate *date)
{
  g_autoptr(GDateTime) dt = date_time_from_date (date);

  return g_date_time_format (dt, "%x");
}

static char *
format_date_long (const GDate *date)
{
  g_autoptr(GDateTime) dt = date_time_from_date (date);

  /* Translators: a long date, see g_date_time_format(); e.g. "November 22, 2026". */
  return g_date_time_format (dt, _("%B %-d, %Y"));
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

static const char *
band_css_class (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return "healthy";
    case TRACTION_BAND_MONITOR:  return "monitor";
    case TRACTION_BAND_AT_RISK:  return "at-risk";
    case TRACTION_BAND_CRITICAL: return "critical";
    case TRACTION_N_BANDS:
    default:
      return NULL;
    }
}

static const char *
band_icon_name (TractionHealthBand band)
{
  switch (band)
    {
    case TRACTION_BAND_HEALTHY:  return "emblem-ok-symbolic";
    case TRACTION_BAND_MONITOR:  return "dialog-information-symbolic";
    case TRACTION_BAND_AT_RISK:  return "dialog-warning-symbolic";
    case TRACTION_BAND_CRITICAL: return "dialog-error-symbolic";
    case TRACTION_N_BANDS:
    default:
      return "dialog-question-symbolic";
    }
}

/* Deal names often start with the company ("Acme — Payouts"): say it once. */
static const char *
account_unless_named (const char *account,
                      const char *deal)
{
  if (account == NULL)
    return "";
  if (deal != NULL && account[0] != '\0' && g_str_has_prefix (deal, account))
    return "";
  return account;
}

/* What Today shows, read on a worker thread (traction-loader.h). */
typedef struct {
  gboolean         empty;     /* nothing but the defaults: the welcome page */
  GDate            date;
  TractionToday   *today;
  TractionMetrics  metrics;
  TractionRules    rules;
  char            *currency;
} TodayLoad;

/* Helpers: widgets */

/* Today's lists are filled twice over by the same code: first only to
 * describe what their rows would show (rows.key set: no widget is made),
 * and then, when that differs from what the list shows, to make the rows.
 * Every write reloads Today, and making and laying out its forty-odd rows
 * anew held the window for 40-60 ms even when nothing on Today changed. */
typedef struct
{
  GtkListBox *list;
  GString    *key;    /* describing, not making */
} Rows;

/* Row title and subtitle are markup in libadwaita 1.2: user text is escaped. */
static AdwActionRow *
add_row (Rows       *rows,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row;
  g_autofree char *title_markup = NULL;

  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1erow\x1f%s\x1f%s", title, subtitle != NULL ? subtitle : "");
      return NULL;
    }
  row = adw_action_row_new ();
  title_markup = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (rows->list, row);

  return ADW_ACTION_ROW (row);
}

/* What an empty group means and what to do about it. */
static void
add_empty_row (Rows       *rows,
               const char *text)
{
  GtkWidget *row;
  GtkWidget *label;

  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1e" "empty\x1f%s", text);
      return;
    }
  row = gtk_list_box_row_new ();
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "empty-state");
  gtk_list_box_append (rows->list, row);
}

/* Today lists what needs the founder first; a long list ends with how
 * many more there are and where to see them all. */
#define TODAY_MAX_ROWS 10

static void
add_more_row (Rows       *rows,
              const char *text,
              const char *view)
{
  AdwActionRow *row;
  GtkWidget *button;

  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1emore\x1f%s\x1f%s", text, view);
      return;
    }
  row = ADW_ACTION_ROW (adw_action_row_new ());
  button = gtk_button_new_with_mnemonic (_("_Open"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", view);
  adw_action_row_add_suffix (row, button);
  gtk_list_box_append (rows->list, GTK_WIDGET (row));
}

/* The box at the row's end (NULL when describing). */
static GtkBox *
add_suffix_box (AdwActionRow *row)
{
  GtkWidget *box;

  if (row == NULL)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, box);
  return GTK_BOX (box);
}

static void
add_suffix_label (Rows       *rows,
                  GtkBox     *box,
                  const char *text,
                  const char *css_class,
                  const char *css_class2)
{
  GtkWidget *label;

  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1flabel %s %s %s", text,
                              css_class != NULL ? css_class : "", css_class2 != NULL ? css_class2 : "");
      return;
    }
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);
  gtk_box_append (box, label);
}

/* An icon beside a word: colour never carries meaning alone. */
static void
add_suffix_flag (Rows       *rows,
                 GtkBox     *box,
                 const char *icon_name,
                 const char *text,
                 const char *css_class)
{
  GtkWidget *flag, *image, *label;

  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1f" "flag %s %s %s", icon_name, text,
                              css_class != NULL ? css_class : "");
      return;
    }
  flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  image = gtk_image_new_from_icon_name (icon_name);
  label = gtk_label_new (text);
  gtk_widget_set_halign (flag, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (image, css_class);
      gtk_widget_add_css_class (label, css_class);
    }
  gtk_box_append (GTK_BOX (flag), image);
  gtk_box_append (GTK_BOX (flag), label);
  gtk_box_append (box, flag);
}

static void
create_card (TractionTodayPage *self,
             Card               card,
             const char        *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *child;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "key-figure");

  /* Narrow labels let five cards share a line on a wide window. */
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 12);
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_widget_add_css_class (title_label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 12);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_widget_add_css_class (detail, "caption");

  gtk_box_append (GTK_BOX (detail_box), icon);
  gtk_box_append (GTK_BOX (detail_box), detail);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail_box);

  gtk_flow_box_append (self->cards_box, box);
  child = gtk_widget_get_parent (box);
  gtk_widget_set_focusable (child, FALSE);

  self->cards[card].value = GTK_LABEL (value);
  self->cards[card].icon = GTK_IMAGE (icon);
  self->cards[card].detail = GTK_LABEL (detail);
}

static void
set_card (TractionTodayPage *self,
          Card               card,
          const char        *value,
          const char        *detail,
          gboolean           warning)
{
  gtk_label_set_text (self->cards[card].value, value);
  gtk_label_set_text (self->cards[card].detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->cards[card].icon), warning);
  if (warning)
    gtk_widget_remove_css_class (GTK_WIDGET (self->cards[card].detail), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->cards[card].detail), "dim-label");
}

/* Helpers: filling the page */

static void
fill_cards (TractionTodayPage     *self,
            const TractionMetrics *metrics,
            const TractionRules   *rules,
            const char            *currency)
{
  const TractionPipelineSummary *pipeline = &metrics->pipeline;
  g_autofree char *open = traction_money_format (pipeline->open_cents, currency, TRUE);
  g_autofree char *weighted = traction_money_format (pipeline->weighted_cents_total, currency, TRUE);
  g_autofree char *arr = traction_money_format (metrics->arr_cents, currency, TRUE);
  g_autofree char *open_detail = NULL;
  g_autofree char *arr_detail = NULL;
  int n_open = 0;

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    if (traction_stage_is_open (stage))
      n_open += pipeline->count[stage];

  open_detail = g_strdup_printf (ngettext ("%d open deal", "%d open deals", n_open), n_open);
  set_card (self, CARD_OPEN, open, open_detail, FALSE);

  set_card (self, CARD_WEIGHTED, weighted, _("Open ARR × win probability of each stage"), FALSE);

  if (pipeline->coverage < 0)
    {
      set_card (self, CARD_COVERAGE, _("—"), _("Set a quarterly target in Preferences"), FALSE);
    }
  else
    {
      g_autofree char *value = g_strdup_printf (_("%.1f×"), pipeline->coverage);
      g_autofree char *detail = NULL;
      gboolean below = pipeline->coverage < rules->coverage_needed;

      if (below)
        detail = g_strdup_printf (_("Below the %.1f× needed"), rules->coverage_needed);
      else
        detail = g_strdup_printf (_("At least the %.1f× needed"), rules->coverage_needed);
      set_card (self, CARD_COVERAGE, value, detail, below);
    }

  arr_detail = g_strdup_printf (ngettext ("%u paying client", "%u paying clients", metrics->active_clients),
                                metrics->active_clients);
  set_card (self, CARD_ARR, arr, arr_detail, FALSE);

  if (metrics->retention.valid)
    {
      g_autofree char *value = g_strdup_printf (_("%.0f %%"), metrics->retention.nrr);
      g_autofree char *detail = g_strdup_printf (_("Target %.0f %%; gross retention %.0f %%"),
                                                 rules->nrr_target, metrics->retention.grr);
      set_card (self, CARD_NRR, value, detail, metrics->retention.nrr < 100.0);
    }
  else
    {
      set_card (self, CARD_NRR, _("No data"), _("No client paid at the start of this quarter"), FALSE);
    }
}

static void
fill_rhythm_row (AdwActionRow *row,
                 GtkImage     *icon,
                 GtkLevelBar  *bar,
                 int           count,
                 int           limit)
{
  g_autofree char *subtitle = NULL;
  gboolean over = limit > 0 && count > limit;
  double max = MAX (MAX (count, limit), 1);

  if (over)
    /* Translators: "6 this week, at most 5: over the weekly limit" */
    subtitle = g_strdup_printf (_("%d this week, at most %d: over the weekly limit"), count, limit);
  else
    /* Translators: "3 of at most 5 this week" */
    subtitle = g_strdup_printf (_("%d of at most %d this week"), count, limit);

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (icon), over);

  gtk_level_bar_set_min_value (bar, 0.0);
  gtk_level_bar_set_max_value (bar, max);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL);
  /* The block takes the class of the lowest offset at or above the value. */
  gtk_level_bar_add_offset_value (bar, "within-limit", MAX (limit, 0));
  if (over)
    gtk_level_bar_add_offset_value (bar, "over-limit", max);
  else
    gtk_level_bar_remove_offset_value (bar, "over-limit");
  gtk_level_bar_set_value (bar, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle,
                                  -1);
}

static void
fill_stalled (TractionTodayPage *self,
              Rows              *rows,
              const TodayLoad   *load)
{
  const TractionToday *today = load->today;
  const TractionRules *rules = &load->rules;
  const char *currency = load->currency;
  int days = rules->stalled_days[TRACTION_STAGE_LEAD];
  gboolean same_days = TRUE;

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    if (traction_stage_is_open (stage) && rules->stalled_days[stage] != days)
      same_days = FALSE;

  for (guint i = 0; i < MIN (today->stalled->len, TODAY_MAX_ROWS); i++)
    {
      const TractionStalledDeal *deal = g_ptr_array_index (today->stalled, i);
      g_autofree char *subtitle = join_parts (account_unless_named (deal->account, deal->deal),
                                              traction_stage_label (deal->stage),
                                              deal->owner, NULL);
      g_autofree char *arr = traction_money_format (deal->arr_cents, currency, FALSE);
      g_autofree char *idle = g_strdup_printf (ngettext ("%d day without contact",
                                                         "%d days without contact",
                                                         deal->days_idle),
                                               deal->days_idle);
      GtkBox *suffix = add_suffix_box (add_row (rows, deal->deal, subtitle));

      add_suffix_label (rows, suffix, arr, "numeric", NULL);
      add_suffix_label (rows, suffix, idle, "caption", "dim-label");
    }
  if (today->stalled->len > TODAY_MAX_ROWS)
    {
      guint more = today->stalled->len - TODAY_MAX_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more stalled deal: the Pipeline’s “Stalled only” filter shows them all",
                                                         "%u more stalled deals: the Pipeline’s “Stalled only” filter shows them all",
                                                         more), more);

      add_more_row (rows, text, "pipeline");
    }

  if (today->stalled->len == 0)
    {
      g_autofree char *text = NULL;

      if (same_days)
        text = g_strdup_printf (ngettext ("No stalled deals. Every open deal has had contact in the last %d day.",
                                          "No stalled deals. Every open deal has had contact in the last %d days.",
                                          days),
                                days);
      else
        text = g_strdup (_("No stalled deals. Every open deal has had contact within its stage’s limit."));
      add_empty_row (rows, text);
      adw_preferences_group_set_description (self->stalled_group, NULL);
    }
  else if (same_days)
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("Open deals with no contact for more than %d day. Reach out, pause them, or close them as lost.",
                                   "Open deals with no contact for more than %d days. Reach out, pause them, or close them as lost.",
                                   days),
                         days);
      adw_preferences_group_set_description (self->stalled_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->stalled_group,
                                             _("Open deals with no contact for longer than their stage allows. Reach out, pause them, or close them as lost."));
    }
}

static void
fill_follow_ups (TractionTodayPage *self,
                 Rows              *rows,
                 const TodayLoad   *load)
{
  const TractionToday *today = load->today;

  for (guint i = 0; i < MIN (today->follow_ups->len, TODAY_MAX_ROWS); i++)
    {
      const TractionFollowUp *step = g_ptr_array_index (today->follow_ups, i);
      g_autofree char *where = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *due = format_due (-step->days_overdue);
      GtkBox *suffix;

      if (step->deal != NULL && step->deal[0] != '\0' &&
          account_unless_named (step->account, step->deal)[0] == '\0')
        where = g_strdup (step->deal);
      else if (step->deal != NULL && step->deal[0] != '\0')
        /* Translators: company and deal of a follow-up */
        where = g_strdup_printf (_("%s — %s"), step->account, step->deal);
      else
        where = g_strdup (step->account);
      subtitle = join_parts (where, step->owner, NULL);

      suffix = add_suffix_box (add_row (rows, step->action, subtitle));
      if (step->days_overdue > 0)
        add_suffix_flag (rows, suffix, "task-past-due-symbolic", due, "error");
      else
        add_suffix_label (rows, suffix, due, "dim-label", NULL);
    }
  if (today->follow_ups->len > TODAY_MAX_ROWS)
    {
      guint more = today->follow_ups->len - TODAY_MAX_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more follow-up due: each is on its deal in the Pipeline",
                                                         "%u more follow-ups due: each is on its deal in the Pipeline",
                                                         more), more);

      add_more_row (rows, text, "pipeline");
    }

  if (today->follow_ups->len == 0)
    add_empty_row (rows,
                   _("No follow-ups due. The next steps you set on deals and clients show up here on their due date."));
}

/* Alerts: open the client in Clients, acknowledge or resolve with a note. */
static void
alert_open_cb (GtkButton         *button,
               TractionTodayPage *self)
{
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "account-id"));

  traction_clients_page_show_client (GTK_WIDGET (self), account_id);
}

static void
alert_status_cb (GtkButton         *button,
                 TractionTodayPage *self)
{
  if (self->store == NULL)
    return;
  traction_alert_note_dialog_run (GTK_WIDGET (self), self->store,
                                  GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "alert-id")),
                                  g_object_get_data (G_OBJECT (button), "status"),
                                  g_object_get_data (G_OBJECT (button), "previous"));
}

static GtkWidget *
alert_button_new (TractionTodayPage      *self,
                  const TractionAlertRow *alert,
                  const char             *label,
                  const char             *tooltip,
                  const char             *status)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "alert-id", GSIZE_TO_POINTER ((gsize) alert->alert_id));
  g_object_set_data (G_OBJECT (button), "account-id", GSIZE_TO_POINTER ((gsize) alert->account_id));
  g_object_set_data_full (G_OBJECT (button), "previous", g_strdup (alert->status), g_free);
  if (status != NULL)
    {
      g_object_set_data_full (G_OBJECT (button), "status", g_strdup (status), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (alert_status_cb), self, 0);
    }
  else
    g_signal_connect_object (button, "clicked", G_CALLBACK (alert_open_cb), self, 0);
  return button;
}

static void
add_alert_buttons (TractionTodayPage      *self,
                   Rows                   *rows,
                   AdwActionRow           *row,
                   const TractionAlertRow *alert)
{
  GtkWidget *box;

  /* The buttons act on the alert and its client. */
  if (rows->key != NULL)
    {
      g_string_append_printf (rows->key, "\x1f" "alert %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                              alert->alert_id, alert->account_id, alert->status);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), alert_button_new (self, alert, _("_Open"),
                                                   _("The client in Clients: why its score moved"), NULL));
  if (g_strcmp0 (alert->status, "acknowledged") != 0)
    gtk_box_append (GTK_BOX (box), alert_button_new (self, alert, _("_Acknowledge…"),
                                                     _("Say who is on it, with a note"), "acknowledged"));
  gtk_box_append (GTK_BOX (box), alert_button_new (self, alert, _("_Resolve…"),
                                                   _("Close the alert, with a note"), "resolved"));
  adw_action_row_add_suffix (row, box);
}

static void
fill_alerts (TractionTodayPage *self,
             Rows              *rows,
             const TodayLoad   *load)
{
  const TractionToday *today = load->today;
  const GDate *date = &load->date;

  for (guint i = 0; i < MIN (today->alerts->len, TODAY_MAX_ROWS); i++)
    {
      const TractionAlertRow *alert = g_ptr_array_index (today->alerts, i);
      g_autoptr(GDateTime) due_utc = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *owner = NULL;
      AdwActionRow *row;
      GtkBox *suffix;
      const char *status = g_strcmp0 (alert->status, "acknowledged") == 0 ? _("Acknowledged") : "";

      subtitle = join_parts (alert->account, alert->response, status, NULL);
      row = add_row (rows, traction_alert_title (alert->kind), subtitle);
      suffix = add_suffix_box (row);

      if (alert->owner != NULL && alert->owner[0] != '\0')
        {
          owner = g_strdup_printf (_("Owner: %s"), alert->owner);
          add_suffix_label (rows, suffix, owner, NULL, NULL);
        }

      if (alert->due_at != NULL)
        due_utc = g_date_time_new_from_iso8601 (alert->due_at, NULL);
      if (due_utc != NULL)
        {
          g_autoptr(GDateTime) due_local = g_date_time_to_local (due_utc);
          g_autofree char *due = NULL;
          GDate due_date;
          int days;

          g_date_clear (&due_date, 1);
          g_date_set_dmy (&due_date,
                          g_date_time_get_day_of_month (due_local),
                          g_date_time_get_month (due_local),
                          g_date_time_get_year (due_local));
          days = traction_date_diff (date, &due_date);
          due = format_due (days);
          if (days < 0)
            add_suffix_flag (rows, suffix, "task-past-due-symbolic", due, "error");
          else
            add_suffix_label (rows, suffix, due, "dim-label", NULL);
        }
      add_alert_buttons (self, rows, row, alert);
    }
  if (today->alerts->len > TODAY_MAX_ROWS)
    {
      guint more = today->alerts->len - TODAY_MAX_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more open alert: each client’s are in the Clients view",
                                                         "%u more open alerts: each client’s are in the Clients view",
                                                         more), more);

      add_more_row (rows, text, "clients");
    }

  if (today->alerts->len == 0)
    add_empty_row (rows,
                   _("No open alerts. An alert appears when a client’s usage drops or stops, a severe ticket comes in, a client stops answering, or a survey brings a low score."));
}

static void
fill_renewals (TractionTodayPage *self,
               Rows              *rows,
               const TodayLoad   *load)
{
  const TractionToday *today = load->today;
  const TractionRules *rules = &load->rules;
  const GDate *date = &load->date;
  const char *currency = load->currency;
  int window = rules->renewal_window_days;
  g_autofree char *title = g_strdup_printf (ngettext ("Renewals in the Next %d Day",
                                                      "Renewals in the Next %d Days",
                                                      window),
                                            window);

  adw_preferences_group_set_title (self->renewals_group, title);

  for (guint i = 0; i < MIN (today->renewals->len, TODAY_MAX_ROWS); i++)
    {
      const TractionRenewalRow *renewal = g_ptr_array_index (today->renewals, i);
      g_autofree char *when = format_date_short (&renewal->renewal);
      g_autofree char *arr = traction_money_format (renewal->arr_cents, currency, FALSE);
      g_autofree char *subtitle = NULL;
      g_autofree char *relative = NULL;
      int days = traction_date_diff (date, &renewal->renewal);
      GtkBox *suffix;

      if (days <= 0)
        relative = g_strdup (_("today"));
      else
        relative = g_strdup_printf (ngettext ("in %d day", "in %d days", days), days);
      if (renewal->work_late)
        {
          g_autofree char *start = format_date_short (&renewal->work_start);

          /* Translators: "Renews 12/20/2026, in 28 days · work was due to start 6/23/2026" */
          subtitle = g_strdup_printf (_("Renews %s, %s · work was due to start %s"), when, relative, start);
        }
      else
        /* Translators: "Renews 12/20/2026, in 28 days" */
        subtitle = g_strdup_printf (_("Renews %s, %s"), when, relative);

      suffix = add_suffix_box (add_row (rows, renewal->account, subtitle));
      add_suffix_label (rows, suffix, arr, "numeric", NULL);

      if (renewal->has_health)
        {
          g_autofree char *band = g_strdup_printf (_("%s (%.0f)"),
                                                   traction_health_band_label (renewal->band),
                                                   renewal->score);
          add_suffix_flag (rows, suffix, band_icon_name (renewal->band), band,
                           band_css_class (renewal->band));
        }
      else
        add_suffix_label (rows, suffix, _("Not scored yet"), "caption", "dim-label");

      if (renewal->work_late)
        add_suffix_flag (rows, suffix, "task-past-due-symbolic", _("Renewal work late"), "warning");
    }
  if (today->renewals->len > TODAY_MAX_ROWS)
    {
      guint more = today->renewals->len - TODAY_MAX_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more renewal: the Revenue view lists them all",
                                                         "%u more renewals: the Revenue view lists them all",
                                                         more), more);

      add_more_row (rows, text, "revenue");
    }

  if (today->renewals->len == 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("No renewals in the next %d day. Renewal dates come from your clients’ contracts.",
                                   "No renewals in the next %d days. Renewal dates come from your clients’ contracts.",
                                   window),
                         window);
      add_empty_row (rows, text);
    }
}

static void
fill_reviews_due (TractionTodayPage *self,
                  Rows              *rows,
                  const TodayLoad   *load)
{
  const TractionToday *today = load->today;
  const TractionRules *rules = &load->rules;

  for (guint i = 0; i < today->reviews_due->len; i++)
    {
      const TractionProviderRow *provider = g_ptr_array_index (today->reviews_due, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *due = NULL;

      if (g_date_valid (&provider->last_review))
        {
          g_autofree char *when = format_date_short (&provider->last_review);

          /* Translators: "Last reviewed 8/14/2026 · Risk: High" */
          subtitle = g_strdup_printf (_("Last reviewed %s · Risk: %s"), when,
                                      traction_risk_label (provider->risk));
          due = format_due (rules->provider_review_days - provider->days_since_review);
        }
      else
        {
          subtitle = g_strdup (_("Never reviewed"));
          due = g_strdup (_("Review due"));
        }

      add_suffix_flag (rows, add_suffix_box (add_row (rows, provider->name, subtitle)),
                       "task-past-due-symbolic", due, "warning");
    }

  if (today->reviews_due->len == 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("No provider reviews due. Each provider is reviewed every %d day; the scorecards are under Providers.",
                                   "No provider reviews due. Each provider is reviewed every %d days; the scorecards are under Providers.",
                                   rules->provider_review_days),
                         rules->provider_review_days);
      add_empty_row (rows, text);
    }
}

static void
fill_late_milestones (TractionTodayPage *self,
                      Rows              *rows,
                      const TodayLoad   *load)
{
  const TractionToday *today = load->today;

  for (guint i = 0; i < today->late_milestones->len; i++)
    {
      const TractionLateMilestone *late = g_ptr_array_index (today->late_milestones, i);
      g_autofree char *when = format_date_short (&late->due);
      g_autofree char *subtitle = NULL;
      g_autofree char *due = format_due (-late->days_late);

      if (late->note[0] != '\0')
        /* Translators: "Production deployment, first real volume · due 10/1/2026 · Waiting on …" */
        subtitle = g_strdup_printf (_("%s · due %s · %s"),
                                    traction_partner_milestone_label (late->milestone), when, late->note);
      else
        subtitle = g_strdup_printf (_("%s · due %s"),
                                    traction_partner_milestone_label (late->milestone), when);
      add_suffix_flag (rows, add_suffix_box (add_row (rows, late->partner, subtitle)),
                       "task-past-due-symbolic", due, "error");
    }

  if (today->late_milestones->len == 0)
    add_empty_row (rows,
                   _("No design-partner milestone is late. Milestones are due at the end of their window from the agreement’s start date; they are under Partners."));
}

/* Sales assets not updated in a month (DOMAIN.md §9: reviewed monthly). */
static void
fill_stale_assets (TractionTodayPage *self,
                   Rows              *rows,
                   const TodayLoad   *load)
{
  const TractionToday *today = load->today;
  const TractionRules *rules = &load->rules;

  for (guint i = 0; i < today->stale_assets->len; i++)
    {
      const TractionAsset *asset = g_ptr_array_index (today->stale_assets, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *age = g_strdup_printf (ngettext ("%d day old", "%d days old", asset->age_days),
                                              asset->age_days);

      /* Translators: "Pricing rate card · Needs update · Maya Okafor" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), traction_asset_kind_label (asset->kind),
                                  traction_asset_status_label (asset->status),
                                  asset->owner[0] != '\0' ? asset->owner : _("no owner"));
      add_suffix_flag (rows, add_suffix_box (add_row (rows, asset->title, subtitle)),
                       "dialog-warning-symbolic", age, "warning");
    }

  if (today->stale_assets->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Every sales asset was updated in the last %d days. Review them monthly under Sales Assets in the main menu."),
                                               rules->asset_stale_days);
      add_empty_row (rows, text);
    }
}

typedef void (*FillFunc) (TractionTodayPage *self,
                          Rows              *rows,
                          const TodayLoad   *load);

/* Fills list with fill: describes the rows, and makes them only when that
 * differs from what list shows. */
static void
fill_list (TractionTodayPage *self,
           GtkListBox        *list,
           FillFunc           fill,
           const TodayLoad   *load)
{
  Rows rows = { list, g_string_new (NULL) };
  GtkWidget *child;

  fill (self, &rows, load);
  if (!traction_widget_take_key (GTK_WIDGET (list), g_string_free (rows.key, FALSE)))
    return;
  rows.key = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  fill (self, &rows, load);
}

static void
show_error (TractionTodayPage *self,
            const GError      *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
}


static void
today_load_free (gpointer data)
{
  TodayLoad *load = data;

  g_clear_pointer (&load->today, traction_today_free);
  g_free (load->currency);
  g_free (load);
}

static gpointer
load_today (TractionStore  *store,
            gconstpointer   args,
            GError        **error)
{
  TodayLoad *load = g_new0 (TodayLoad, 1);

  load->empty = traction_store_is_empty (store);
  if (load->empty)
    return load;
  traction_date_today (&load->date);
  load->today = traction_store_load_today (store, &load->date, error);
  if (load->today == NULL ||
      !traction_store_compute_metrics (store, NULL, NULL, &load->date, &load->metrics, error))
    {
      today_load_free (load);
      return NULL;
    }
  traction_store_get_rules (store, &load->rules);
  load->currency = traction_store_get_currency (store);
  return load;
}

static void
apply_today (GtkWidget    *view,
             gpointer      result,
             const GError *error)
{
  TractionTodayPage *self = TRACTION_TODAY_PAGE (view);
  TodayLoad *load = result;
  g_autofree char *heading = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *quarter = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate last_day;

  if (load == NULL)
    {
      show_error (self, error);
      return;
    }
  if (load->empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = date_time_from_date (&load->date);
  /* Translators: the heading of Today, see g_date_time_format(); e.g. "Sunday, November 22, 2026". */
  heading = g_date_time_format (now, _("%A, %B %-d, %Y"));
  gtk_label_set_text (self->date_label, heading);

  last_day = load->metrics.to;
  g_date_subtract_days (&last_day, 1);
  from = format_date_long (&load->metrics.from);
  to = format_date_long (&last_day);
  /* Translators: the fiscal quarter, "This quarter: October 1, 2026 to December 31, 2026" */
  quarter = g_strdup_printf (_("This quarter: %s to %s"), from, to);
  gtk_label_set_text (self->quarter_label, quarter);

  fill_cards (self, &load->metrics, &load->rules, load->currency);
  fill_rhythm_row (self->prospects_row, self->prospects_icon, self->prospects_bar,
                   load->today->week_prospects, load->rules.rhythm_max_prospects);
  fill_rhythm_row (self->meetings_row, self->meetings_icon, self->meetings_bar,
                   load->today->week_meetings, load->rules.rhythm_max_meetings);
  fill_list (self, self->stalled_list, fill_stalled, load);
  fill_list (self, self->follow_ups_list, fill_follow_ups, load);
  fill_list (self, self->alerts_list, fill_alerts, load);
  fill_list (self, self->renewals_list, fill_renewals, load);
  fill_list (self, self->reviews_due_list, fill_reviews_due, load);
  fill_list (self, self->late_milestones_list, fill_late_milestones, load);
  fill_list (self, self->stale_assets_list, fill_stale_assets, load);

  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* Reads on a worker thread; the page shows the result when it comes. */
static void
refresh (TractionTodayPage *self)
{
  if (self->store == NULL)
    return;
  traction_loader_start (self->loader);
}

/* Signal callbacks */

static gboolean
refresh_idle_cb (gpointer data)
{
  TractionTodayPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (TractionTodayPage *self,
                  TractionStore     *store)
{
  /* A hidden view reloads when it is shown, not on every write. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  /* A burst of writes gives one reload. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
map_cb (TractionTodayPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      store_changed_cb (self, NULL);
    }
}

/* GObject overrides */

static void
traction_today_page_dispose (GObject *object)
{
  TractionTodayPage *self = TRACTION_TODAY_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->loader, traction_loader_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (traction_today_page_parent_class)->dispose (object);
}

static void
traction_today_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TractionTodayPage *self = TRACTION_TODAY_PAGE (object);

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
traction_today_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TractionTodayPage *self = TRACTION_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_today_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_today_page_class_init (TractionTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_today_page_dispose;
  object_class->get_property = traction_today_page_get_property;
  object_class->set_property = traction_today_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/today/traction-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, quarter_label);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, prospects_row);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, prospects_icon);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, prospects_bar);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, meetings_row);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, meetings_icon);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, meetings_bar);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, stalled_group);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, stalled_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, alerts_group);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, renewals_group);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, renewals_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, reviews_due_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, late_milestones_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, stale_assets_list);
  gtk_widget_class_bind_template_child (widget_class, TractionTodayPage, error_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "todaypage");
}

static void
traction_today_page_init (TractionTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  self->loader = traction_loader_new (GTK_WIDGET (self), load_today, apply_today, today_load_free);

  create_card (self, CARD_OPEN, _("Open pipeline"));
  create_card (self, CARD_WEIGHTED, _("Weighted pipeline"));
  create_card (self, CARD_COVERAGE, _("Quarter coverage"));
  create_card (self, CARD_ARR, _("ARR"));
  create_card (self, CARD_NRR, _("Net revenue retention"));
}

/* Public API */

GtkWidget *
traction_today_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_TODAY_PAGE, "store", store, NULL);
}

TractionStore *
traction_today_page_get_store (TractionTodayPage *self)
{
  g_return_val_if_fail (TRACTION_IS_TODAY_PAGE (self), NULL);
  return self->store;
}

void
traction_today_page_set_store (TractionTodayPage *self,
                               TractionStore     *store)
{
  g_return_if_fail (TRACTION_IS_TODAY_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  traction_loader_set_store (self->loader, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed",
                             G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_today_page_refresh (TractionTodayPage *self)
{
  g_return_if_fail (TRACTION_IS_TODAY_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}
