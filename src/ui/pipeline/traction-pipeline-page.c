/* traction-pipeline-page.c: the pipeline board.
 *
 * One array of TractionDealItem holds every deal in board order; a search
 * or a filter sets each item's shown flag and deals the shown ones out to
 * the columns' lists in the same pass (rebuild_columns), with no per-deal
 * query. Each column is a TractionCardColumn: cards only for the deals in
 * view, re-bound rather than rebuilt when the list changes. Every
 * move goes through move_deal (): the stage rules of core/ decide whether
 * to ask, then the store moves the deal in one transaction and the page
 * offers Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-pipeline-page.h"
#include "traction-widgets.h"
#include "traction-card-column.h"
#include "traction-deal-card.h"
#include "traction-deal-list.h"
#include "traction-deal-item.h"
#include "traction-deal-pane.h"
#include "traction-new-deal-dialog.h"
#include "traction-qualify-wizard.h"
#include "traction-review-view.h"
#include "traction-loader.h"
#include "traction-store-watch.h"
#include "traction-store-deals.h"

typedef struct _TractionPipelinePage TractionPipelinePage;

typedef struct
{
  TractionPipelinePage *page;
  TractionStage         stage;
  GtkWidget            *box;
  GtkLabel             *count_label;
  GtkLabel             *totals_label;
  GtkWidget            *scroller;
  TractionCardColumn   *cards;
  GtkToggleButton      *expand_button;
  TractionDealList     *list;         /* the stage's shown deals, board order */
} Column;

typedef enum {
  FIGURE_OPEN,
  FIGURE_WEIGHTED,
  FIGURE_TARGET,
  FIGURE_COVERAGE,
  FIGURE_WON,
  N_FIGURES
} Figure;

struct _TractionPipelinePage
{
  GtkWidget           parent_instance;

  /* template */
  AdwToastOverlay    *toast_overlay;
  AdwViewStack       *view_stack;
  GtkWidget          *board_tools;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *owner_drop;
  GtkDropDown        *source_drop;
  GtkDropDown        *segment_drop;
  GtkCheckButton     *stalled_check;
  GtkCheckButton     *quarter_check;
  GtkWidget          *summary_box;
  GtkStack           *board_stack;
  AdwFlap            *flap;
  GtkWidget          *columns_box;
  GtkWidget          *pane_box;
  GtkWidget          *review_box;
  AdwStatusPage      *error_page;

  GtkLabel           *figure_value[N_FIGURES];
  GtkLabel           *figure_detail[N_FIGURES];
  GtkWidget          *coverage_icon;

  Column              columns[TRACTION_N_STAGES];
  GPtrArray          *items;        /* TractionDealItem, board order */
  GHashTable         *by_id;        /* deal id -> TractionDealItem (borrowed) */
  GArray             *owner_ids;    /* gint64 per owner_drop row (0 = any) */
  GArray             *undo_stack;   /* gint64 stage change ids, latest last */

  TractionStore      *store;
  GtkWidget          *pane;         /* TractionDealPane */
  GtkWidget          *review;       /* TractionReviewView */
  double              probability[TRACTION_N_STAGES];
  char               *currency;
  char              **search_words; /* case-folded */
  GDate               today;
  GDate               q_start;
  GDate               q_end;
  TractionLoader     *loader;       /* reads the board off the main thread */
  gint64              focus_after_reload;
};

G_DEFINE_FINAL_TYPE (TractionPipelinePage, traction_pipeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TractionPipelinePage *self);
static void load_in_background (TractionPipelinePage *self);

/* Helpers: search and filters */

/* What the filter bar asks, read once per pass. */
typedef struct
{
  char   **words;        /* case-folded, or NULL */
  gint64   owner_id;     /* 0: any */
  int      source;       /* -1: any */
  int      segment;      /* 0: any */
  gboolean stalled;
  gboolean this_quarter;
  GDate    q_start;
  GDate    q_end;
} Filters;

static void
read_filters (TractionPipelinePage *self,
              Filters              *filters)
{
  guint owner = gtk_drop_down_get_selected (self->owner_drop);
  guint source = gtk_drop_down_get_selected (self->source_drop);
  guint segment = gtk_drop_down_get_selected (self->segment_drop);

  filters->words = self->search_words;
  filters->owner_id = owner != GTK_INVALID_LIST_POSITION && owner > 0 && owner < self->owner_ids->len
                      ? g_array_index (self->owner_ids, gint64, owner) : 0;
  filters->source = source != GTK_INVALID_LIST_POSITION && source > 0 ? (int) source - 1 : -1;
  filters->segment = segment != GTK_INVALID_LIST_POSITION ? (int) segment : 0;
  filters->stalled = gtk_check_button_get_active (self->stalled_check);
  filters->this_quarter = gtk_check_button_get_active (self->quarter_check);
  filters->q_start = self->q_start;
  filters->q_end = self->q_end;
}

static gboolean
item_matches (const Filters    *filters,
              TractionDealItem *item)
{
  const TractionBoardDeal *deal = traction_deal_item_get_deal (item);

  if (filters->words != NULL)
    {
      const char *haystack = traction_deal_item_get_haystack (item);

      for (guint i = 0; filters->words[i] != NULL; i++)
        if (strstr (haystack, filters->words[i]) == NULL)
          return FALSE;
    }

  if (filters->owner_id != 0 && deal->owner_id != filters->owner_id)
    return FALSE;
  if (filters->source >= 0 && deal->source != (TractionSource) filters->source)
    return FALSE;
  if (filters->segment > 0 && deal->segment != filters->segment)
    return FALSE;
  if (filters->stalled && !deal->stalled)
    return FALSE;
  if (filters->this_quarter &&
      (!g_date_valid (&deal->expected_close) ||
       g_date_compare (&deal->expected_close, &filters->q_start) < 0 ||
       g_date_compare (&deal->expected_close, &filters->q_end) >= 0))
    return FALSE;

  return TRUE;
}

/* Deals the shown items out to the columns, in board order, and writes
 * each column's count and totals: one pass over the deals. */
static void
rebuild_columns (TractionPipelinePage *self)
{
  GPtrArray *stage_items[TRACTION_N_STAGES];
  gint64 totals_cents[TRACTION_N_STAGES] = { 0 };

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    stage_items[stage] = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      TractionDealItem *item = g_ptr_array_index (self->items, i);

      if (traction_deal_item_get_shown (item))
        {
          const TractionBoardDeal *deal = traction_deal_item_get_deal (item);

          g_ptr_array_add (stage_items[deal->stage], item);
          totals_cents[deal->stage] += deal->arr_cents;
        }
    }

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    {
      Column *column = &self->columns[stage];
      guint n = stage_items[stage]->len;
      gint64 total = totals_cents[stage];
      g_autofree char *count = g_strdup_printf ("%u", n);
      g_autofree char *total_text = NULL;
      g_autofree char *weighted_text = NULL;
      g_autofree char *totals = NULL;
      g_autofree char *tooltip = NULL;

      traction_deal_list_set_items (column->list, (TractionDealItem **) stage_items[stage]->pdata, n);

      total_text = traction_money_format (total, self->currency, TRUE);
      weighted_text = traction_money_format ((gint64) (total * self->probability[stage] + 0.5),
                                             self->currency, TRUE);
      if (traction_stage_is_open (stage))
        /* Translators: column totals, "$480K · weighted $120K" */
        totals = g_strdup_printf (_("%s · weighted %s"), total_text, weighted_text);
      else
        totals = g_strdup (total_text);
      gtk_label_set_text (column->count_label, count);
      gtk_label_set_text (column->totals_label, totals);

      /* Only when it changes: setting a tooltip asks the display server
       * where the pointer is. */
      tooltip = g_strdup_printf (ngettext ("%u deal in %s", "%u deals in %s", n), n,
                                 traction_stage_label (stage));
      if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (GTK_WIDGET (column->count_label))) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (column->count_label), tooltip);
      g_ptr_array_unref (stage_items[stage]);
    }
}

/* Sets every item's shown flag from the search and filters, then the
 * columns. */
static void
apply_filters (TractionPipelinePage *self)
{
  Filters filters;

  read_filters (self, &filters);
  for (guint i = 0; i < self->items->len; i++)
    {
      TractionDealItem *item = g_ptr_array_index (self->items, i);

      traction_deal_item_set_shown (item, item_matches (&filters, item));
    }
  rebuild_columns (self);
}

/* Helpers: summary bar */

static void
create_figure (TractionPipelinePage *self,
               Figure                figure,
               const char           *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
  gtk_widget_add_css_class (value, "title-4");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");

  if (figure == FIGURE_COVERAGE)
    {
      self->coverage_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (self->coverage_icon, "warning");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->coverage_icon),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (detail_box), self->coverage_icon);
    }
  gtk_box_append (GTK_BOX (detail_box), detail);

  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail_box);
  gtk_box_append (GTK_BOX (self->summary_box), box);

  self->figure_value[figure] = GTK_LABEL (value);
  self->figure_detail[figure] = GTK_LABEL (detail);
}

static void
fill_summary (TractionPipelinePage  *self,
              const TractionMetrics *metrics,
              const TractionRules   *rules,
              GPtrArray             *deals)
{
  const TractionPipelineSummary *pipeline = &metrics->pipeline;
  g_autofree char *open = traction_money_format (pipeline->open_cents, self->currency, TRUE);
  g_autofree char *weighted = traction_money_format (pipeline->weighted_cents_total, self->currency, TRUE);
  g_autofree char *quarter = traction_money_format (pipeline->quarter_cents, self->currency, TRUE);
  g_autofree char *open_detail = NULL;
  g_autofree char *target_detail = NULL;
  g_autofree char *won = NULL;
  g_autofree char *won_detail = NULL;
  gint64 won_cents = 0;
  int n_open = 0;

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    if (traction_stage_is_open (stage))
      n_open += pipeline->count[stage];

  for (guint i = 0; i < deals->len; i++)
    {
      const TractionBoardDeal *deal = g_ptr_array_index (deals, i);

      if (deal->stage == TRACTION_STAGE_WON && g_date_valid (&deal->closed) &&
          g_date_compare (&deal->closed, &metrics->from) >= 0 &&
          g_date_compare (&deal->closed, &metrics->to) < 0)
        won_cents += deal->arr_cents;
    }

  open_detail = g_strdup_printf (ngettext ("%d open deal", "%d open deals", n_open), n_open);
  gtk_label_set_text (self->figure_value[FIGURE_OPEN], open);
  gtk_label_set_text (self->figure_detail[FIGURE_OPEN], open_detail);

  gtk_label_set_text (self->figure_value[FIGURE_WEIGHTED], weighted);
  gtk_label_set_text (self->figure_detail[FIGURE_WEIGHTED], _("ARR × stage win probability"));

  if (rules->quarterly_target_cents > 0)
    {
      g_autofree char *target = traction_money_format (rules->quarterly_target_cents, self->currency, TRUE);
      gtk_label_set_text (self->figure_value[FIGURE_TARGET], target);
    }
  else
    gtk_label_set_text (self->figure_value[FIGURE_TARGET], _("Not set"));
  /* Translators: open ARR expected to close this quarter, "$310K closing this quarter" */
  target_detail = g_strdup_printf (_("%s closing this quarter"), quarter);
  gtk_label_set_text (self->figure_detail[FIGURE_TARGET], target_detail);

  if (pipeline->coverage < 0)
    {
      gtk_label_set_text (self->figure_value[FIGURE_COVERAGE], _("—"));
      gtk_label_set_text (self->figure_detail[FIGURE_COVERAGE], _("Set a quarterly target in Preferences"));
      gtk_widget_set_visible (self->coverage_icon, FALSE);
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
      gtk_label_set_text (self->figure_value[FIGURE_COVERAGE], value);
      gtk_label_set_text (self->figure_detail[FIGURE_COVERAGE], detail);
      gtk_widget_set_visible (self->coverage_icon, below);
      if (below)
        gtk_widget_remove_css_class (GTK_WIDGET (self->figure_detail[FIGURE_COVERAGE]), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->figure_detail[FIGURE_COVERAGE]), "dim-label");
    }

  won = traction_money_format (won_cents, self->currency, TRUE);
  won_detail = g_strdup_printf (ngettext ("%d deal won", "%d deals won", metrics->deals_won), metrics->deals_won);
  gtk_label_set_text (self->figure_value[FIGURE_WON], won);
  gtk_label_set_text (self->figure_detail[FIGURE_WON], won_detail);
}

/* Helpers: filters' choices */

static void
fill_owner_filter (TractionPipelinePage *self)
{
  g_autoptr(GPtrArray) founders = self->store != NULL ? traction_store_list_named (self->store, "founders") : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 any = 0;
  gint64 current = 0;
  guint selected = gtk_drop_down_get_selected (self->owner_drop);

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->owner_ids->len)
    current = g_array_index (self->owner_ids, gint64, selected);

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("Any owner"));
  g_array_append_val (self->owner_ids, any);
  selected = 0;
  for (guint i = 0; founders != NULL && i < founders->len; i++)
    {
      const TractionNamed *founder = g_ptr_array_index (founders, i);

      gtk_string_list_append (names, founder->name);
      g_array_append_val (self->owner_ids, founder->id);
      if (founder->id == current)
        selected = self->owner_ids->len - 1;
    }

  gtk_drop_down_set_model (self->owner_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_drop, selected);
}

/* Helpers: focus */

static TractionDealCard *
focused_card (TractionPipelinePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      if (TRACTION_IS_DEAL_CARD (widget))
        return TRACTION_DEAL_CARD (widget);
      if (child != NULL && TRACTION_IS_DEAL_CARD (child))
        return TRACTION_DEAL_CARD (child);
    }
  return NULL;
}

/* Scrolls the deal's column to its card and focuses it. */
static void
focus_deal (TractionPipelinePage *self,
            gint64                deal_id)
{
  TractionDealItem *item = g_hash_table_lookup (self->by_id, &deal_id);
  Column *column;
  guint position;

  if (item == NULL)
    return;
  column = &self->columns[traction_deal_item_get_stage (item)];
  if (!traction_deal_list_find (column->list, item, &position))
    return;

  if (column->expand_button != NULL && !gtk_toggle_button_get_active (column->expand_button))
    gtk_toggle_button_set_active (column->expand_button, TRUE);
  traction_card_column_focus_position (column->cards, position);
}

static void
toast (TractionPipelinePage *self,
       const char           *title,
       gboolean              with_undo)
{
  AdwToast *t = adw_toast_new (title);

  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "board.undo");
    }
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Helpers: moves */

/* Shows a move the store has made at once: the card changes column now,
 * and the reload that follows (off the main thread) brings the rest. */
static void
show_moved (TractionPipelinePage *self,
            gint64                deal_id,
            TractionStage         to_stage)
{
  TractionDealItem *item = g_hash_table_lookup (self->by_id, &deal_id);
  TractionBoardDeal *moved;
  Filters filters;
  guint position;
  guint lo = 0;
  guint hi;

  if (item == NULL || !g_ptr_array_find (self->items, item, &position))
    return;

  item = g_ptr_array_steal_index (self->items, position);

  moved = traction_board_deal_copy (traction_deal_item_get_deal (item));
  moved->stage = to_stage;
  moved->days_in_stage = 0;
  moved->last_activity = self->today;
  moved->stalled = FALSE;
  if (to_stage == TRACTION_STAGE_WON || to_stage == TRACTION_STAGE_LOST)
    moved->closed = self->today;
  else
    g_date_clear (&moved->closed, 1);
  /* The hash key points into the item's deal, which update replaces. */
  g_hash_table_remove (self->by_id, &deal_id);
  traction_deal_item_update (item, moved);
  g_hash_table_insert (self->by_id, (gpointer) &traction_deal_item_get_deal (item)->deal_id, item);
  read_filters (self, &filters);
  traction_deal_item_set_shown (item, item_matches (&filters, item));

  /* Its place in board order. */
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      TractionDealItem *other = g_ptr_array_index (self->items, mid);

      if (traction_board_deal_compare (traction_deal_item_get_deal (other),
                                       traction_deal_item_get_deal (item)) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (self->items, lo, item);

  rebuild_columns (self);
  focus_deal (self, deal_id);
}

static void
do_move (TractionPipelinePage *self,
         gint64                deal_id,
         TractionStage         to_stage,
         const char           *reason,
         gint64                loss_reason_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  TractionDealItem *item = g_hash_table_lookup (self->by_id, &deal_id);
  gint64 change_id = 0;

  if (item != NULL)
    name = g_strdup (traction_deal_item_get_deal (item)->name);

  if (!traction_store_move_deal (self->store, deal_id, to_stage, reason, loss_reason_id,
                                 &change_id, &error))
    {
      toast (self, error->message, FALSE);
      return;
    }

  g_array_append_val (self->undo_stack, change_id);
  /* Translators: toast after a move, "Moved Acme — Payouts to Discovery" */
  title = g_strdup_printf (_("Moved %s to %s"), name != NULL ? name : "", traction_stage_label (to_stage));
  toast (self, title, TRUE);

  show_moved (self, deal_id, to_stage);
  /* The write's own reload, started now rather than at the next idle. */
  load_in_background (self);
  traction_store_watch_settle (GTK_WIDGET (self));
}

typedef struct
{
  TractionPipelinePage *page;
  gint64                deal_id;
  TractionStage         to_stage;
  TractionMoveCheck     check;
  GtkEditable          *reason_entry;   /* NULL when no reason is asked */
  GtkDropDown          *loss_drop;      /* NULL unless entering Lost */
  GArray               *loss_ids;       /* gint64 */
} PendingMove;

static void
pending_move_free (gpointer data)
{
  PendingMove *pending = data;

  g_clear_object (&pending->page);
  g_clear_pointer (&pending->loss_ids, g_array_unref);
  g_free (pending);
}

static void
update_move_response (AdwMessageDialog *dialog)
{
  PendingMove *pending = g_object_get_data (G_OBJECT (dialog), "pending-move");
  gboolean ok = TRUE;

  if (pending->reason_entry != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (pending->reason_entry)));
      ok = ok && text[0] != '\0';
    }
  if (pending->loss_drop != NULL)
    ok = ok && gtk_drop_down_get_selected (pending->loss_drop) != GTK_INVALID_LIST_POSITION;

  adw_message_dialog_set_response_enabled (dialog, "move", ok);
}

static void
move_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  PendingMove *pending = g_object_get_data (G_OBJECT (dialog), "pending-move");
  const char *reason = NULL;
  gint64 loss_id = 0;

  if (g_strcmp0 (response, "move") != 0)
    return;

  if (pending->reason_entry != NULL)
    reason = gtk_editable_get_text (pending->reason_entry);
  if (pending->loss_drop != NULL)
    {
      guint selected = gtk_drop_down_get_selected (pending->loss_drop);

      if (selected != GTK_INVALID_LIST_POSITION && selected < pending->loss_ids->len)
        loss_id = g_array_index (pending->loss_ids, gint64, selected);
    }

  do_move (pending->page, pending->deal_id, pending->to_stage, reason, loss_id);
}

static void
ask_for_move (TractionPipelinePage    *self,
              const TractionBoardDeal *deal,
              TractionStage            to_stage,
              TractionMoveCheck        check)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = NULL;
  GString *body = g_string_new (NULL);
  PendingMove *pending = g_new0 (PendingMove, 1);
  TractionRules rules;

  traction_store_get_rules (self->store, &rules);
  pending->page = g_object_ref (self);
  pending->deal_id = deal->deal_id;
  pending->to_stage = to_stage;
  pending->check = check;

  if (check & TRACTION_MOVE_NEEDS_LOSS_REASON)
    /* Translators: dialog heading, "Close Acme — Payouts as Lost?" */
    heading = g_strdup_printf (_("Close %s as Lost?"), deal->name);
  else if ((check & TRACTION_MOVE_BACKWARDS) && !traction_stage_is_open (deal->stage))
    heading = g_strdup_printf (_("Reopen %s?"), deal->name);
  else if (check & TRACTION_MOVE_BACKWARDS)
    heading = g_strdup_printf (_("Move %s Back to %s?"), deal->name, traction_stage_label (to_stage));
  else
    heading = g_strdup_printf (_("Move %s to %s Without Qualifying?"), deal->name, traction_stage_label (to_stage));

  if (check & TRACTION_MOVE_NEEDS_LOSS_REASON)
    g_string_append (body, _("Choose why it was lost: the monthly review counts the reasons."));
  if (check & TRACTION_MOVE_BACKWARDS)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      if (!traction_stage_is_open (deal->stage))
        g_string_append_printf (body, _("It was closed as %s. Say why it changes: the reason is kept in its stage history."),
                                traction_stage_label (deal->stage));
      else
        g_string_append (body, _("Going back to an earlier stage is kept in the deal’s history. Say why."));
    }
  if (check & TRACTION_MOVE_BANT_LOW)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      if (deal->bant_total < 0)
        g_string_append_printf (body, _("It has no BANT score yet; %s needs at least %d of 20. Qualify it first, or say why it moves on anyway."),
                                traction_stage_label (to_stage), rules.bant_medium);
      else
        g_string_append_printf (body, _("Its BANT score is %d of 20; %s needs at least %d. Qualify it again, or say why it moves on anyway."),
                                deal->bant_total, traction_stage_label (to_stage), rules.bant_medium);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  g_string_free (body, TRUE);

  if (check & TRACTION_MOVE_NEEDS_LOSS_REASON)
    {
      g_autoptr(GPtrArray) reasons = traction_store_list_named (self->store, "loss_reasons");
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *drop;

      pending->loss_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; reasons != NULL && i < reasons->len; i++)
        {
          const TractionNamed *named = g_ptr_array_index (reasons, i);

          gtk_string_list_append (names, named->name);
          g_array_append_val (pending->loss_ids, named->id);
        }
      drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), GTK_INVALID_LIST_POSITION);
      gtk_widget_set_name (drop, "loss-reason");
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Loss reason"), -1);
      g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (update_move_response), dialog);
      gtk_box_append (GTK_BOX (box), drop);
      pending->loss_drop = GTK_DROP_DOWN (drop);
    }

  if (traction_move_check_needs_reason (check))
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_widget_set_name (entry, "reason-entry");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reason"), -1);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_move_response), dialog);
      gtk_box_append (GTK_BOX (box), entry);
      pending->reason_entry = GTK_EDITABLE (entry);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", (check & TRACTION_MOVE_NEEDS_LOSS_REASON) ? _("Close as _Lost")
                                            : (check & TRACTION_MOVE_BANT_LOW) ? _("_Move Anyway")
                                            : _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              (check & TRACTION_MOVE_NEEDS_LOSS_REASON)
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending-move", pending, pending_move_free);
  update_move_response (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (move_dialog_response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  if (pending->loss_drop != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (pending->loss_drop));
  else if (pending->reason_entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (pending->reason_entry));
}

static void
move_focused (TractionPipelinePage *self,
              int                   delta)
{
  TractionDealCard *card = focused_card (self);
  int to;

  if (card == NULL)
    return;

  to = (int) traction_deal_card_get_stage (card) + delta;
  if (to < 0 || to >= TRACTION_N_STAGES)
    return;
  traction_pipeline_page_move_deal (self, traction_deal_card_get_id (card), (TractionStage) to);
}

/* Helpers: board */

static void
bind_card (TractionDealCard     *card,
           TractionDealItem     *item,
           TractionPipelinePage *self)
{
  traction_deal_card_set_item (card, item, &self->today, self->currency);
}

static void
column_activate_cb (TractionCardColumn *cards,
                    guint               position,
                    Column             *column)
{
  if (position < traction_deal_list_get_size (column->list))
    traction_pipeline_page_open_deal (column->page,
                                      traction_deal_item_get_id (traction_deal_list_peek (column->list, position)));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Column        *column)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  gtk_widget_remove_css_class (column->box, "drop-target");
  traction_pipeline_page_move_deal (column->page, g_value_get_int64 (value), column->stage);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               Column        *column)
{
  gtk_widget_add_css_class (column->box, "drop-target");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               Column        *column)
{
  gtk_widget_remove_css_class (column->box, "drop-target");
}

static void
expand_toggled_cb (GtkToggleButton *button,
                   Column          *column)
{
  gboolean expanded = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (column->scroller, expanded);
  gtk_widget_set_visible (GTK_WIDGET (column->totals_label), expanded);
  gtk_button_set_icon_name (GTK_BUTTON (button), expanded ? "go-previous-symbolic" : "go-next-symbolic");
  traction_widget_set_label (GTK_WIDGET (button), expanded ? _("Collapse Column") : _("Expand Column"));
  if (expanded)
    gtk_widget_remove_css_class (column->box, "collapsed");
  else
    gtk_widget_add_css_class (column->box, "collapsed");
}

static void
build_column (TractionPipelinePage *self,
              TractionStage         stage)
{
  Column *column = &self->columns[stage];
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (traction_stage_label (stage));
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *totals = gtk_label_new (NULL);
  GtkDropTarget *target;

  column->page = self;
  column->stage = stage;
  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (column->box, "board-column");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  traction_stage_label (stage), -1);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "column-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);
  gtk_widget_add_css_class (header, "column-header");

  gtk_label_set_xalign (GTK_LABEL (totals), 0.0f);
  gtk_widget_add_css_class (totals, "caption");
  gtk_widget_add_css_class (totals, "dim-label");
  gtk_widget_add_css_class (totals, "numeric");
  gtk_widget_set_margin_start (totals, 6);

  column->list = traction_deal_list_new ();
  column->cards = TRACTION_CARD_COLUMN (traction_card_column_new (column->list,
                                                                  (TractionCardBindFunc) bind_card, self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->cards), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  traction_stage_label (stage), -1);
  g_signal_connect (column->cards, "activate", G_CALLBACK (column_activate_cb), column);

  column->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (column->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (column->scroller), GTK_WIDGET (column->cards));
  gtk_widget_set_vexpand (column->scroller, TRUE);

  column->count_label = GTK_LABEL (count);
  column->totals_label = GTK_LABEL (totals);

  gtk_box_append (GTK_BOX (column->box), header);
  gtk_box_append (GTK_BOX (column->box), totals);
  gtk_box_append (GTK_BOX (column->box), column->scroller);

  if (!traction_stage_is_open (stage))
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_box_prepend (GTK_BOX (header), button);
      column->expand_button = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (expand_toggled_cb), column);
      expand_toggled_cb (column->expand_button, column);
    }

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), column);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), column);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), column);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (target));

  gtk_box_append (GTK_BOX (self->columns_box), column->box);
}

static void
show_error (TractionPipelinePage *self,
            const GError         *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->board_stack, "error");
}

/* Brings the board to deals (in board order), keeping the item of every
 * deal still on it: its data is updated in place (its card, if any,
 * re-renders), so the columns keep the cards of everything else. */
static void
update_items (TractionPipelinePage *self,
              GPtrArray            *deals)
{
  GPtrArray *target = g_ptr_array_new_full (deals->len, g_object_unref);
  Filters filters;

  read_filters (self, &filters);
  for (guint i = 0; i < deals->len; i++)
    {
      TractionBoardDeal *deal = g_steal_pointer (&g_ptr_array_index (deals, i));
      TractionDealItem *item = g_hash_table_lookup (self->by_id, &deal->deal_id);

      if (item != NULL)
        {
          /* The key points into the item's deal, which update frees. */
          g_hash_table_remove (self->by_id, &deal->deal_id);
          traction_deal_item_update (item, deal);
          g_ptr_array_add (target, g_object_ref (item));
        }
      else
        g_ptr_array_add (target, traction_deal_item_new (deal));
      item = g_ptr_array_index (target, i);
      traction_deal_item_set_shown (item, item_matches (&filters, item));
    }

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < target->len; i++)
    {
      TractionDealItem *item = g_ptr_array_index (target, i);

      g_hash_table_insert (self->by_id, (gpointer) &traction_deal_item_get_deal (item)->deal_id, item);
    }
  g_ptr_array_unref (self->items);
  self->items = target;
  rebuild_columns (self);
}

/* What one reload of the board reads: made by load_board() on any thread
 * (with its own connection), applied by apply_load() on the main one. */
typedef struct
{
  GDate            today;
  TractionRules    rules;
  char            *currency;
  TractionMetrics  metrics;
  GPtrArray       *deals;     /* TractionBoardDeal */
} BoardLoad;

static void
board_load_free (BoardLoad *load)
{
  g_free (load->currency);
  g_clear_pointer (&load->deals, g_ptr_array_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BoardLoad, board_load_free)

static gpointer
load_board (TractionStore  *store,
            gconstpointer   args,
            GError        **error)
{
  g_autoptr(BoardLoad) load = g_new0 (BoardLoad, 1);

  traction_date_today (&load->today);
  traction_store_get_rules (store, &load->rules);
  load->currency = traction_store_get_currency (store);
  if (!traction_store_compute_metrics (store, NULL, NULL, &load->today, &load->metrics, error))
    return NULL;
  load->deals = traction_store_load_board (store, &load->today, error);
  if (load->deals == NULL)
    return NULL;
  return g_steal_pointer (&load);
}

static void
apply_load (TractionPipelinePage *self,
            BoardLoad            *load)
{
  gboolean rerender;

  /* Cards show dates relative to today, and money in the currency. */
  rerender = g_date_compare (&self->today, &load->today) != 0 ||
             g_strcmp0 (self->currency, load->currency) != 0;
  self->today = load->today;
  traction_quarter_bounds (&self->today, load->rules.fiscal_year_start_month, &self->q_start, &self->q_end);
  g_free (self->currency);
  self->currency = g_steal_pointer (&load->currency);
  memcpy (self->probability, load->metrics.probability, sizeof self->probability);

  fill_owner_filter (self);
  fill_summary (self, &load->metrics, &load->rules, load->deals);
  update_items (self, load->deals);
  if (rerender)
    for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
      traction_card_column_rebind (self->columns[stage].cards);
  gtk_stack_set_visible_child_name (self->board_stack, load->deals->len == 0 ? "empty" : "board");

  if (self->focus_after_reload > 0)
    {
      gint64 id = self->focus_after_reload;

      self->focus_after_reload = 0;
      focus_deal (self, id);
    }
}

static void
clear_board (TractionPipelinePage *self)
{
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);
  rebuild_columns (self);
}

static void
apply_board (GtkWidget    *view,
             gpointer      result,
             const GError *error)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (view);

  if (result == NULL)
    show_error (self, error);
  else
    apply_load (self, result);
}

/* Loads and applies at once, on the main thread. */
static void
refresh (TractionPipelinePage *self)
{
  if (self->store == NULL)
    {
      clear_board (self);
      return;
    }
  traction_loader_run_now (self->loader);
}

/* Reads the board on a worker thread with a read-only connection, so a
 * write's reload never blocks the window; applying the result (only what
 * changed) is the main thread's part. */
static void
load_in_background (TractionPipelinePage *self)
{
  traction_loader_start (self->loader);
}

static void
pane_close_requested_cb (TractionPipelinePage *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
ensure_children (TractionPipelinePage *self)
{
  if (self->store == NULL)
    return;

  if (self->pane == NULL)
    {
      self->pane = traction_deal_pane_new (self->store);
      gtk_widget_set_hexpand (self->pane, TRUE);
      gtk_box_append (GTK_BOX (self->pane_box), self->pane);
      g_signal_connect_object (self->pane, "close-requested",
                               G_CALLBACK (pane_close_requested_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->review == NULL)
    {
      self->review = traction_review_view_new (self->store);
      gtk_widget_set_vexpand (self->review, TRUE);
      gtk_box_append (GTK_BOX (self->review_box), self->review);
    }
  else
    traction_review_view_set_store (TRACTION_REVIEW_VIEW (self->review), self->store);
}

/* Signal callbacks */

static void
search_changed_cb (TractionPipelinePage *self,
                   GtkSearchEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  g_ptr_array_add (kept, NULL);

  /* A space typed, or the same text again: nothing to do. */
  if (self->search_words != NULL ? g_strv_equal ((const char * const *) self->search_words,
                                                 (const char * const *) kept->pdata)
                                 : kept->len == 1)
    {
      g_ptr_array_free (kept, TRUE);
      return;
    }

  g_clear_pointer (&self->search_words, g_strfreev);
  if (kept->len > 1)
    self->search_words = (char **) g_ptr_array_free (kept, FALSE);
  else
    g_ptr_array_free (kept, TRUE);

  apply_filters (self);
}

static void
stop_search_cb (TractionPipelinePage *self,
                GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
filter_changed_cb (TractionPipelinePage *self)
{
  apply_filters (self);
}

static void
visible_view_cb (TractionPipelinePage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_set_visible (self->board_tools, g_strcmp0 (name, "board") == 0);
}

static void
reload_cb (GtkWidget *view)
{
  load_in_background (TRACTION_PIPELINE_PAGE (view));
}

static void
flap_revealed_cb (TractionPipelinePage *self)
{
  if (!adw_flap_get_reveal_flap (self->flap) && self->pane != NULL)
    {
      gint64 deal_id = traction_deal_pane_get_deal (TRACTION_DEAL_PANE (self->pane));

      if (deal_id > 0)
        focus_deal (self, deal_id);
    }
}

/* Actions */

static void
move_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 deal_id;
  const char *stage_id;
  TractionStage stage;

  g_variant_get (parameter, "(x&s)", &deal_id, &stage_id);
  if (traction_stage_from_id (stage_id, &stage))
    traction_pipeline_page_move_deal (TRACTION_PIPELINE_PAGE (widget), deal_id, stage);
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_focused (TRACTION_PIPELINE_PAGE (widget), 1);
}

static void
move_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_focused (TRACTION_PIPELINE_PAGE (widget), -1);
}

/* Ctrl+P anywhere on the page prints the monthly review: what this page
 * has to print. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);

  if (self->review == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "review");
  gtk_widget_activate_action (self->review, "review.print", NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 change_id;

  if (self->undo_stack->len == 0 || self->store == NULL)
    {
      toast (self, _("Nothing to undo"), FALSE);
      return;
    }

  change_id = g_array_index (self->undo_stack, gint64, self->undo_stack->len - 1);
  g_array_set_size (self->undo_stack, self->undo_stack->len - 1);
  if (!traction_store_undo_move (self->store, change_id, &error))
    {
      toast (self, error->message, FALSE);
      return;
    }
  toast (self, _("Move undone"), FALSE);
  load_in_background (self);
  traction_store_watch_settle (GTK_WIDGET (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "board");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_deal_created_cb (TractionPipelinePage *self,
                     gint64                deal_id,
                     const char           *name)
{
  g_autofree char *title = NULL;

  /* The reload reads 20,000 deals as quickly off the main thread; the
   * new card gets the focus when it lands. */
  self->focus_after_reload = deal_id;
  load_in_background (self);
  traction_store_watch_settle (GTK_WIDGET (self));
  /* Translators: toast after creating a deal */
  title = g_strdup_printf (_("Added %s to Lead"), name != NULL ? name : "");
  toast (self, title, FALSE);
}

static void
new_deal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = traction_new_deal_dialog_new (self->store);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "created", G_CALLBACK (new_deal_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  traction_pipeline_page_open_deal (TRACTION_PIPELINE_PAGE (widget), g_variant_get_int64 (parameter));
}

/* The qualification wizard for a deal (the card menu, or Q on a card). */
static void
qualify_deal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);

  if (self->store != NULL)
    traction_qualify_open (widget, self->store, g_variant_get_int64 (parameter));
}

static gboolean
qualify_focused_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (user_data);
  TractionDealCard *card = focused_card (self);

  if (card == NULL || self->store == NULL || !traction_stage_is_open (traction_deal_card_get_stage (card)))
    return FALSE;
  traction_qualify_open (GTK_WIDGET (self), self->store, traction_deal_card_get_id (card));
  return TRUE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (widget);

  gtk_drop_down_set_selected (self->owner_drop, 0);
  gtk_drop_down_set_selected (self->source_drop, 0);
  gtk_drop_down_set_selected (self->segment_drop, 0);
  gtk_check_button_set_active (self->stalled_check, FALSE);
  gtk_check_button_set_active (self->quarter_check, FALSE);
}

/* Page-wide shortcuts: only while the page is on screen, and Ctrl+Z only
 * when no text field has the focus (it has its own undo). */
static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  const char *action = user_data;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (g_str_equal (action, "board.undo"))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && GTK_IS_EDITABLE (focus))
        return FALSE;
    }

  return gtk_widget_activate_action (widget, action, NULL);
}

static void
add_page_shortcut (GtkShortcutController *controller,
                   guint                  key,
                   GdkModifierType        mods,
                   const char            *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                            gtk_callback_action_new (shortcut_cb, (gpointer) action, NULL));

  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* GObject overrides */

static void
traction_pipeline_page_dispose (GObject *object)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->loader, traction_loader_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACTION_TYPE_PIPELINE_PAGE);
  /* The template's top box has no id: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->pane = NULL;
  self->review = NULL;

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    g_clear_object (&self->columns[stage].list);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (traction_pipeline_page_parent_class)->dispose (object);
}

static void
traction_pipeline_page_finalize (GObject *object)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->undo_stack, g_array_unref);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_free (self->currency);

  G_OBJECT_CLASS (traction_pipeline_page_parent_class)->finalize (object);
}

static void
traction_pipeline_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (object);

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
traction_pipeline_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TractionPipelinePage *self = TRACTION_PIPELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      traction_pipeline_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traction_pipeline_page_class_init (TractionPipelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = traction_pipeline_page_dispose;
  object_class->finalize = traction_pipeline_page_finalize;
  object_class->get_property = traction_pipeline_page_get_property;
  object_class->set_property = traction_pipeline_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACTION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractionapp/Traction/pipeline/traction-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, board_tools);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, search_button);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, owner_drop);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, source_drop);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, segment_drop);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, stalled_check);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, quarter_check);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, flap);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, pane_box);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, review_box);
  gtk_widget_class_bind_template_child (widget_class, TractionPipelinePage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "board.move-deal", "(xs)", move_deal_action);
  gtk_widget_class_install_action (widget_class, "board.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "board.move-previous", NULL, move_previous_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "board.new-deal", NULL, new_deal_action);
  gtk_widget_class_install_action (widget_class, "board.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "board.qualify-deal", "x", qualify_deal_action);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "board.print", NULL, print_action);

  /* While a card has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.move-previous", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pipelinepage");

  g_type_ensure (TRACTION_TYPE_DEAL_CARD);
}

static void
traction_pipeline_page_init (TractionPipelinePage *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loader = traction_loader_new (GTK_WIDGET (self), load_board, apply_board,
                                      (GDestroyNotify) board_load_free);

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->undo_stack = g_array_new (FALSE, TRUE, sizeof (gint64));
  traction_date_today (&self->today);
  self->q_start = self->today;
  self->q_end = self->today;
  self->currency = g_strdup ("USD");
  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    self->probability[stage] = 0.0;

  gtk_string_list_append (sources, _("Any source"));
  for (int source = 0; source < TRACTION_N_SOURCES; source++)
    gtk_string_list_append (sources, traction_source_label (source));
  gtk_drop_down_set_model (self->source_drop, G_LIST_MODEL (sources));

  gtk_string_list_append (segments, _("Any segment"));
  gtk_string_list_append (segments, _("Tier 1"));
  gtk_string_list_append (segments, _("Tier 2"));
  gtk_string_list_append (segments, _("Tier 3"));
  gtk_drop_down_set_model (self->segment_drop, G_LIST_MODEL (segments));

  fill_owner_filter (self);

  g_signal_connect_swapped (self->owner_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->source_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->segment_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->stalled_check, "toggled", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->quarter_check, "toggled", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_view_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  create_figure (self, FIGURE_OPEN, _("Open pipeline"));
  create_figure (self, FIGURE_WEIGHTED, _("Weighted pipeline"));
  create_figure (self, FIGURE_TARGET, _("Quarterly target"));
  create_figure (self, FIGURE_COVERAGE, _("Coverage"));
  create_figure (self, FIGURE_WON, _("Won this quarter"));

  for (int stage = 0; stage < TRACTION_N_STAGES; stage++)
    build_column (self, stage);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_n, GDK_CONTROL_MASK, "board.new-deal");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, GDK_CONTROL_MASK, "board.search");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_z, GDK_CONTROL_MASK, "board.undo");
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_p, GDK_CONTROL_MASK, "board.print");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Q on a focused card qualifies it; on the columns, so that it comes
   * before the search bar's type-to-search on the page. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_q, 0),
                                                          gtk_callback_action_new (qualify_focused_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->columns_box), shortcuts);
}

/* Public API */

GtkWidget *
traction_pipeline_page_new (TractionStore *store)
{
  g_return_val_if_fail (store == NULL || TRACTION_IS_STORE (store), NULL);

  return g_object_new (TRACTION_TYPE_PIPELINE_PAGE, "store", store, NULL);
}

TractionStore *
traction_pipeline_page_get_store (TractionPipelinePage *self)
{
  g_return_val_if_fail (TRACTION_IS_PIPELINE_PAGE (self), NULL);
  return self->store;
}

void
traction_pipeline_page_set_store (TractionPipelinePage *self,
                                  TractionStore        *store)
{
  g_return_if_fail (TRACTION_IS_PIPELINE_PAGE (self));
  g_return_if_fail (store == NULL || TRACTION_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  traction_loader_set_store (self->loader, store);
  traction_store_watch (GTK_WIDGET (self), store, reload_cb);
  g_array_set_size (self->undo_stack, 0);

  /* The pane is made for one store. */
  if (self->pane != NULL)
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_box_remove (GTK_BOX (self->pane_box), self->pane);
      self->pane = NULL;
    }

  if (store != NULL)
    ensure_children (self);

  /* A hidden board loads when it is first shown: the window makes every
   * view at start, and 20,000 deals should not delay the first frame. */
  if (traction_store_watch_defer (GTK_WIDGET (self)))
    clear_board (self);
  else
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
traction_pipeline_page_refresh (TractionPipelinePage *self)
{
  g_return_if_fail (TRACTION_IS_PIPELINE_PAGE (self));

  traction_store_watch_settle (GTK_WIDGET (self));
  refresh (self);
}

gboolean
traction_pipeline_page_is_loading (TractionPipelinePage *self)
{
  g_return_val_if_fail (TRACTION_IS_PIPELINE_PAGE (self), FALSE);
  return traction_loader_is_loading (self->loader);
}

GListModel *
traction_pipeline_page_get_column_model (TractionPipelinePage *self,
                                         TractionStage         stage)
{
  g_return_val_if_fail (TRACTION_IS_PIPELINE_PAGE (self), NULL);
  g_return_val_if_fail ((guint) stage < TRACTION_N_STAGES, NULL);

  return G_LIST_MODEL (self->columns[stage].list);
}

void
traction_pipeline_page_set_search_text (TractionPipelinePage *self,
                                        const char           *text)
{
  g_return_if_fail (TRACTION_IS_PIPELINE_PAGE (self));

  /* Replacing the text empties the entry first, which the entry reports
   * at once (and the new text from a timeout): apply only the new text,
   * now, so that callers see the result. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self, self->search_entry);
}

void
traction_pipeline_page_move_deal (TractionPipelinePage *self,
                                  gint64                deal_id,
                                  TractionStage         to_stage)
{
  TractionDealItem *item;
  const TractionBoardDeal *deal;
  TractionMoveCheck check;
  TractionRules rules;

  g_return_if_fail (TRACTION_IS_PIPELINE_PAGE (self));
  g_return_if_fail ((guint) to_stage < TRACTION_N_STAGES);

  if (self->store == NULL)
    return;
  item = g_hash_table_lookup (self->by_id, &deal_id);
  if (item == NULL)
    return;

  deal = traction_deal_item_get_deal (item);
  traction_store_get_rules (self->store, &rules);
  check = traction_stage_move_check (deal->stage, to_stage, deal->bant_total >= 0, deal->bant_total, &rules);
  if (check & TRACTION_MOVE_SAME)
    return;
  if (check == TRACTION_MOVE_OK)
    do_move (self, deal_id, to_stage, NULL, 0);
  else
    ask_for_move (self, deal, to_stage, check);
}

void
traction_pipeline_page_open_deal (TractionPipelinePage *self,
                                  gint64                deal_id)
{
  g_return_if_fail (TRACTION_IS_PIPELINE_PAGE (self));

  ensure_children (self);
  if (self->pane == NULL)
    return;

  if (deal_id <= 0)
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }

  traction_deal_pane_set_deal (TRACTION_DEAL_PANE (self->pane), deal_id);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}
