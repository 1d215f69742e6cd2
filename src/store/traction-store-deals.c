/* traction-store-deals.c: the pipeline board's deals, stage moves with
 * their history and undo, and new deals.
 *
 * The board loads every deal with one query per kind of fact (deals,
 * latest stage change, latest touchpoint, latest BANT, earliest open next
 * step, contact names), joined in memory by deal id: the cost grows with
 * the rows, never with a query per deal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-deals.h"

/* What a move overwrote, so that undo can put it back. */
typedef struct {
  GDate  closed;           /* invalid when it was NULL */
  gint64 loss_reason_id;   /* 0 when it was NULL */
} MovePrior;

static GQuark
undo_quark (void)
{
  return g_quark_from_static_string ("traction-store-deals-undo");
}

/* change id -> MovePrior, for the life of the store. */
static GHashTable *
undo_table (TractionStore *self)
{
  GHashTable *table = g_object_get_qdata (G_OBJECT (self), undo_quark ());

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (self), undo_quark (), table,
                               (GDestroyNotify) g_hash_table_unref);
    }
  return table;
}

static gboolean
invalid (TractionStore  *self,
         GError        **error,
         const char     *message)
{
  traction_store_rollback (self);
  g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* "2026-11-22T09:14:03Z": the app's today (TRACTION_TODAY when set) at the
 * current UTC time, so that history follows the date the app works at. */
static char *
stamp_today (const GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char day[16];

  traction_date_format (today, day);
  return g_strdup_printf ("%sT%02d:%02d:%02dZ", day,
                          g_date_time_get_hour (now),
                          g_date_time_get_minute (now),
                          g_date_time_get_second (now));
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Board */

void
traction_board_deal_free (TractionBoardDeal *deal)
{
  if (deal == NULL)
    return;

  g_free (deal->name);
  g_free (deal->company);
  g_free (deal->contacts);
  g_free (deal->owner);
  g_free (deal->next_action);
  g_free (deal);
}

TractionBoardDeal *
traction_board_deal_copy (const TractionBoardDeal *deal)
{
  TractionBoardDeal *copy;

  g_return_val_if_fail (deal != NULL, NULL);

  copy = g_memdup2 (deal, sizeof *deal);
  copy->name = g_strdup (deal->name);
  copy->company = g_strdup (deal->company);
  copy->contacts = g_strdup (deal->contacts);
  copy->owner = g_strdup (deal->owner);
  copy->next_action = g_strdup (deal->next_action);
  return copy;
}

int
traction_board_deal_compare (const TractionBoardDeal *x,
                             const TractionBoardDeal *y)
{
  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->arr_cents != y->arr_cents)
    return x->arr_cents > y->arr_cents ? -1 : 1;
  return x->deal_id < y->deal_id ? -1 : (x->deal_id > y->deal_id);
}

/* Runs stmt (no parameters) and calls row_cb for each row whose first
 * column is a deal id present in index. */
typedef void (*RowFunc) (TractionBoardDeal *deal, sqlite3_stmt *stmt);

static gboolean
for_each_deal_row (TractionStore  *self,
                   const char     *sql,
                   GHashTable     *index,
                   RowFunc         row_func,
                   GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TractionBoardDeal *deal = g_hash_table_lookup (index, &id);

      if (deal != NULL)
        row_func (deal, stmt);
    }

  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
latest_change_row (TractionBoardDeal *deal,
                   sqlite3_stmt      *stmt)
{
  GDate changed;

  traction_column_date (stmt, 1, &changed);
  if (g_date_valid (&changed))
    {
      /* days_in_stage holds the day number until today is applied. */
      deal->days_in_stage = (int) g_date_get_julian (&changed);
      deal->last_activity = changed;
    }
}

static void
latest_touchpoint_row (TractionBoardDeal *deal,
                       sqlite3_stmt      *stmt)
{
  GDate touched;

  traction_column_date (stmt, 1, &touched);
  if (g_date_valid (&touched))
    deal->last_activity = touched;
}

static void
latest_bant_row (TractionBoardDeal *deal,
                 sqlite3_stmt      *stmt)
{
  deal->bant_total = sqlite3_column_int (stmt, 1);
}

static void
next_step_row (TractionBoardDeal *deal,
               sqlite3_stmt      *stmt)
{
  g_free (deal->next_action);
  deal->next_action = traction_column_text (stmt, 1);
  traction_column_date (stmt, 2, &deal->next_due);
}

static int
compare_board (gconstpointer a,
               gconstpointer b)
{
  return traction_board_deal_compare (*(const TractionBoardDeal * const *) a,
                                      *(const TractionBoardDeal * const *) b);
}

GPtrArray *
traction_store_load_board (TractionStore  *self,
                           const GDate    *today,
                           GError        **error)
{
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  sqlite3_stmt *stmt;
  TractionRules rules;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  traction_store_get_rules (self, &rules);

  /* Contact names per account, for search. */
  stmt = traction_store_prepare (self,
                                 "SELECT account_id, group_concat (name, ' ') FROM contacts"
                                 " GROUP BY account_id",
                                 error);
  if (stmt == NULL)
    return NULL;
  contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (contacts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         traction_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (self,
                                 "SELECT d.id, d.account_id, d.name, a.name, d.stage, d.arr_cents,"
                                 " coalesce (d.owner_id, 0), coalesce (f.name, ''), d.source,"
                                 " coalesce (a.icp_tier, 0), d.created_on, d.expected_close,"
                                 " d.closed_on, d.paused_reason IS NOT NULL, d.paused_until"
                                 " FROM deals d"
                                 " JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN founders f ON f.id = d.owner_id",
                                 error);
  if (stmt == NULL)
    return NULL;

  deals = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_board_deal_free);
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionBoardDeal *deal;
      TractionStage stage;
      const char *stage_id = (const char *) sqlite3_column_text (stmt, 4);
      const char *source_id = (const char *) sqlite3_column_text (stmt, 8);
      const char *names;
      gint64 account_id = sqlite3_column_int64 (stmt, 1);
      GDate created;

      traction_column_date (stmt, 10, &created);
      if (stage_id == NULL || !traction_stage_from_id (stage_id, &stage) || !g_date_valid (&created))
        {
          g_warning ("Deal %" G_GINT64_FORMAT " has a bad stage or creation date; it is left out",
                     (gint64) sqlite3_column_int64 (stmt, 0));
          continue;
        }

      deal = g_new0 (TractionBoardDeal, 1);
      deal->deal_id = sqlite3_column_int64 (stmt, 0);
      deal->account_id = account_id;
      deal->name = traction_column_text (stmt, 2);
      deal->company = traction_column_text (stmt, 3);
      deal->stage = stage;
      deal->arr_cents = sqlite3_column_int64 (stmt, 5);
      deal->owner_id = sqlite3_column_int64 (stmt, 6);
      deal->owner = traction_column_text (stmt, 7);
      if (source_id == NULL || !traction_source_from_id (source_id, &deal->source))
        deal->source = TRACTION_SOURCE_INBOUND;
      deal->segment = sqlite3_column_int (stmt, 9);
      deal->created = created;
      traction_column_date (stmt, 11, &deal->expected_close);
      traction_column_date (stmt, 12, &deal->closed);
      deal->paused = sqlite3_column_int (stmt, 13) != 0;
      /* paused_until is kept in next_due for now; moved below. */
      traction_column_date (stmt, 14, &deal->next_due);
      deal->bant_total = -1;
      deal->days_in_stage = -1;
      deal->next_action = g_strdup ("");
      names = g_hash_table_lookup (contacts, &account_id);
      deal->contacts = g_strdup (names != NULL ? names : "");

      g_ptr_array_add (deals, deal);
      g_hash_table_insert (index, &deal->deal_id, deal);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Paused as of today (the pause may have ended). */
  for (guint i = 0; i < deals->len; i++)
    {
      TractionBoardDeal *deal = g_ptr_array_index (deals, i);
      TractionDealFacts facts;

      memset (&facts, 0, sizeof facts);
      facts.stage = deal->stage;
      facts.paused = deal->paused;
      facts.paused_until = deal->next_due;
      deal->paused = traction_deal_is_paused (&facts, today);
      g_date_clear (&deal->next_due, 1);
    }

  if (!for_each_deal_row (self,
                          "SELECT deal_id, substr (max (changed_at), 1, 10) FROM stage_changes"
                          " GROUP BY deal_id",
                          index, latest_change_row, error) ||
      !for_each_deal_row (self,
                          "SELECT deal_id, max (happened_on) FROM touchpoints"
                          " WHERE deal_id IS NOT NULL GROUP BY deal_id",
                          index, latest_touchpoint_row, error) ||
      !for_each_deal_row (self,
                          "SELECT deal_id, budget + authority + need + timeline FROM"
                          " (SELECT deal_id, budget, authority, need, timeline, row_number () OVER"
                          "  (PARTITION BY deal_id ORDER BY scored_at DESC, id DESC) AS n"
                          "  FROM qualifications)"
                          " WHERE n = 1",
                          index, latest_bant_row, error) ||
      /* The earliest open step: dated ones first, then undated by id. */
      !for_each_deal_row (self,
                          "SELECT deal_id, action, due_on FROM"
                          " (SELECT deal_id, action, due_on, row_number () OVER"
                          "  (PARTITION BY deal_id ORDER BY due_on IS NULL, due_on, id) AS n"
                          "  FROM next_steps WHERE done_on IS NULL AND deal_id IS NOT NULL)"
                          " WHERE n = 1",
                          index, next_step_row, error))
    return NULL;

  for (guint i = 0; i < deals->len; i++)
    {
      TractionBoardDeal *deal = g_ptr_array_index (deals, i);
      TractionDealFacts facts;
      GDate since;

      if (deal->days_in_stage >= 0)
        g_date_set_julian (&since, (guint32) deal->days_in_stage);
      else
        since = deal->created;
      deal->days_in_stage = MAX (0, traction_date_diff (&since, today));

      /* last_activity: the latest touchpoint (it overwrote the latest
       * stage change above), else that change, else creation. */
      if (!g_date_valid (&deal->last_activity))
        deal->last_activity = deal->created;

      memset (&facts, 0, sizeof facts);
      facts.stage = deal->stage;
      facts.arr_cents = deal->arr_cents;
      facts.last_activity = deal->last_activity;
      facts.paused = deal->paused;
      g_date_clear (&facts.paused_until, 1);
      deal->stalled = traction_deal_is_stalled (&facts, &rules, today);
    }

  g_ptr_array_sort (deals, compare_board);
  return g_steal_pointer (&deals);
}

/* Moves */

typedef struct {
  TractionStage stage;
  GDate         closed;
  gint64        loss_reason_id;
  gboolean      has_bant;
  int           bant_total;
} DealState;

static gboolean
load_deal_state (TractionStore  *self,
                 gint64          deal_id,
                 DealState      *out,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.stage, d.closed_on, coalesce (d.loss_reason_id, 0),"
                                 " (SELECT budget + authority + need + timeline FROM qualifications q"
                                 "  WHERE q.deal_id = d.id ORDER BY scored_at DESC, id DESC LIMIT 1)"
                                 " FROM deals d WHERE d.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This deal no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);

  if (!traction_stage_from_id ((const char *) sqlite3_column_text (stmt, 0), &out->stage))
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                           _("This deal has an unknown stage."));
      return FALSE;
    }
  traction_column_date (stmt, 1, &out->closed);
  out->loss_reason_id = sqlite3_column_int64 (stmt, 2);
  out->has_bant = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  out->bant_total = out->has_bant ? sqlite3_column_int (stmt, 3) : -1;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
loss_reason_exists (TractionStore  *self,
                    gint64          id,
                    gboolean       *exists,
                    GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, "SELECT 1 FROM loss_reasons WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  *exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Sets stage, closed_on and loss_reason_id of a deal. */
static gboolean
update_deal_stage (TractionStore  *self,
                   gint64          deal_id,
                   TractionStage   stage,
                   const GDate    *closed,
                   gint64          loss_reason_id,
                   GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare_write (self,
                                       "UPDATE deals SET stage = ?2, closed_on = ?3, loss_reason_id = ?4"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, traction_stage_to_id (stage));
  traction_bind_date (stmt, 3, closed);
  if (loss_reason_id > 0)
    sqlite3_bind_int64 (stmt, 4, loss_reason_id);
  else
    sqlite3_bind_null (stmt, 4);

  return traction_store_step_write (self, stmt, _("Could not move the deal"), error);
}

static gint64
insert_stage_change (TractionStore  *self,
                     gint64          deal_id,
                     int             from_stage,   /* -1: NULL */
                     TractionStage   to_stage,
                     const char     *changed_at,
                     const char     *reason,
                     const char     *what,
                     GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare (self,
                                 "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    {
      traction_store_rollback (self);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, from_stage >= 0 ? traction_stage_to_id ((TractionStage) from_stage) : NULL);
  traction_bind_text (stmt, 3, traction_stage_to_id (to_stage));
  traction_bind_text (stmt, 4, changed_at);
  traction_bind_text (stmt, 5, reason != NULL ? reason : "");
  if (!traction_store_step_write (self, stmt, what, error))
    return 0;
  return sqlite3_last_insert_rowid (traction_store_get_db (self));
}

/* Replaces *stamp by the deal's latest changed_at when that sorts later. */
static gboolean
later_stamp (TractionStore  *self,
             gint64          deal_id,
             char          **stamp,
             GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self,
                                               "SELECT max (changed_at) FROM stage_changes WHERE deal_id = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), *stamp) > 0)
    {
      g_free (*stamp);
      *stamp = traction_column_text (stmt, 0);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
traction_store_move_deal (TractionStore  *self,
                          gint64          deal_id,
                          TractionStage   to_stage,
                          const char     *reason,
                          gint64          loss_reason_id,
                          gint64         *change_id_out,
                          GError        **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *trimmed = NULL;
  TractionMoveCheck check;
  TractionRules rules;
  DealState state;
  MovePrior *prior;
  GDate today;
  GDate closed;
  gint64 change_id;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) to_stage < TRACTION_N_STAGES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_date_today (&today);
  traction_store_get_rules (self, &rules);
  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!traction_store_begin (self, error))
    return FALSE;

  if (!load_deal_state (self, deal_id, &state, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }

  check = traction_stage_move_check (state.stage, to_stage, state.has_bant, state.bant_total, &rules);
  if (check & TRACTION_MOVE_SAME)
    return invalid (self, error, _("The deal is already in this stage."));

  if (check & TRACTION_MOVE_NEEDS_LOSS_REASON)
    {
      gboolean exists = FALSE;

      if (loss_reason_id <= 0)
        return invalid (self, error, _("Choose why the deal was lost."));
      if (!loss_reason_exists (self, loss_reason_id, &exists, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
      if (!exists)
        return invalid (self, error, _("That loss reason no longer exists. Choose another."));
    }

  if ((check & TRACTION_MOVE_BACKWARDS) && text_is_blank (trimmed))
    return invalid (self, error, _("Say why the deal goes back to an earlier stage."));
  if ((check & TRACTION_MOVE_BANT_LOW) && text_is_blank (trimmed))
    return invalid (self, error, _("The qualification score is below what this stage needs: say why the deal moves on anyway."));

  if (traction_stage_is_open (to_stage))
    {
      g_date_clear (&closed, 1);
      loss_reason_id = 0;
    }
  else
    {
      closed = today;
      if (to_stage != TRACTION_STAGE_LOST)
        loss_reason_id = 0;
    }

  if (!update_deal_stage (self, deal_id, to_stage, &closed, loss_reason_id, error))
    return FALSE;

  stamp = stamp_today (&today);
  /* History stays in order even when today's stamp sorts before the
   * deal's latest change (same day, later hour; or a fixed today). */
  if (!later_stamp (self, deal_id, &stamp, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }
  change_id = insert_stage_change (self, deal_id, (int) state.stage, to_stage, stamp, trimmed,
                                   _("Could not move the deal"), error);
  if (change_id == 0)
    return FALSE;

  if (!traction_store_commit (self, error))
    return FALSE;

  prior = g_new0 (MovePrior, 1);
  prior->closed = state.closed;
  prior->loss_reason_id = state.loss_reason_id;
  g_hash_table_insert (undo_table (self), g_memdup2 (&change_id, sizeof change_id), prior);

  if (change_id_out != NULL)
    *change_id_out = change_id;
  return TRUE;
}

/* For a move made in an earlier session: the day the deal entered `stage`
 * the last time before the change `before_id`. */
static gboolean
rebuild_closed (TractionStore  *self,
                gint64          deal_id,
                TractionStage   stage,
                const char     *before,
                GDate          *out,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT substr (max (changed_at), 1, 10) FROM stage_changes"
                                 " WHERE deal_id = ?1 AND to_stage = ?2 AND changed_at <= ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, traction_stage_to_id (stage));
  traction_bind_text (stmt, 3, before);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  traction_column_date (stmt, 0, out);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
traction_store_undo_move (TractionStore  *self,
                          gint64          change_id,
                          GError        **error)
{
  g_autofree char *changed_at = NULL;
  sqlite3_stmt *stmt;
  TractionStage from_stage;
  TractionStage to_stage;
  const MovePrior *prior;
  DealState state;
  GDate closed;
  gint64 loss_reason_id = 0;
  gint64 deal_id;
  gint64 latest;
  gboolean has_from;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "SELECT s.deal_id, s.from_stage, s.to_stage, s.changed_at,"
                                       " (SELECT l.id FROM stage_changes l WHERE l.deal_id = s.deal_id"
                                       "  ORDER BY l.changed_at DESC, l.id DESC LIMIT 1)"
                                       " FROM stage_changes s WHERE s.id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      traction_store_rollback (self);
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This move was already undone."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      traction_store_rollback (self);
      return FALSE;
    }

  deal_id = sqlite3_column_int64 (stmt, 0);
  has_from = sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
             traction_stage_from_id ((const char *) sqlite3_column_text (stmt, 1), &from_stage);
  if (!traction_stage_from_id ((const char *) sqlite3_column_text (stmt, 2), &to_stage))
    to_stage = TRACTION_N_STAGES;
  changed_at = traction_column_text (stmt, 3);
  latest = sqlite3_column_int64 (stmt, 4);
  sqlite3_reset (stmt);

  if (!has_from)
    return invalid (self, error, _("The creation of a deal cannot be undone as a move."));
  if (latest != change_id)
    return invalid (self, error, _("The deal has moved since; only its latest move can be undone."));

  if (!load_deal_state (self, deal_id, &state, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }
  if (state.stage != to_stage)
    return invalid (self, error, _("The deal has moved since; only its latest move can be undone."));

  g_date_clear (&closed, 1);
  prior = g_hash_table_lookup (undo_table (self), &change_id);
  if (prior != NULL)
    {
      closed = prior->closed;
      loss_reason_id = prior->loss_reason_id;
    }
  else if (!traction_stage_is_open (from_stage))
    {
      if (from_stage == TRACTION_STAGE_LOST)
        return invalid (self, error, _("The loss reason this deal had is not known any more: move it to Closed Lost instead."));
      if (!rebuild_closed (self, deal_id, from_stage, changed_at, &closed, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
    }

  if (!update_deal_stage (self, deal_id, from_stage, &closed, loss_reason_id, error))
    return FALSE;

  stmt = traction_store_prepare_write (self, "DELETE FROM stage_changes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (!traction_store_step_write (self, stmt, _("Could not undo the move"), error))
    return FALSE;

  if (!traction_store_commit (self, error))
    return FALSE;

  g_hash_table_remove (undo_table (self), &change_id);
  return TRUE;
}

/* New deals */

static gboolean
founder_exists (TractionStore  *self,
                gint64          id,
                const char     *table_sql,
                gboolean       *exists,
                GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, table_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
  *exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
traction_store_create_deal (TractionStore          *self,
                            const TractionNewDeal  *deal,
                            gint64                 *id_out,
                            GError                **error)
{
  g_autofree char *name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *introduced_by = NULL;
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id;
  gint64 deal_id;
  gboolean exists = FALSE;
  GDate today;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (deal != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_date_today (&today);
  name = g_strstrip (g_strdup (deal->name != NULL ? deal->name : ""));
  company = g_strstrip (g_strdup (deal->company != NULL ? deal->company : ""));
  introduced_by = g_strstrip (g_strdup (deal->introduced_by != NULL ? deal->introduced_by : ""));

  if (!traction_store_begin (self, error))
    return FALSE;

  if (deal->account_id <= 0 && company[0] == '\0')
    return invalid (self, error, _("Company: choose a company or type the name of a new one."));
  if (name[0] == '\0')
    return invalid (self, error, _("Deal name: give the deal a name."));
  if (deal->arr_cents < 0)
    return invalid (self, error, _("ARR: the amount cannot be negative."));
  if ((guint) deal->source >= TRACTION_N_SOURCES)
    return invalid (self, error, _("Source: choose where the deal came from."));
  if (deal->source == TRACTION_SOURCE_WARM_INTRO && introduced_by[0] == '\0')
    return invalid (self, error, _("Introduced by: say who introduced you (required for a warm introduction)."));
  if (deal->source != TRACTION_SOURCE_WARM_INTRO)
    introduced_by[0] = '\0';

  if (deal->owner_id > 0)
    {
      if (!founder_exists (self, deal->owner_id, "SELECT 1 FROM founders WHERE id = ?1", &exists, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
      if (!exists)
        return invalid (self, error, _("Owner: that founder no longer exists."));
    }

  if (deal->account_id > 0)
    {
      if (!founder_exists (self, deal->account_id, "SELECT 1 FROM accounts WHERE id = ?1", &exists, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
      if (!exists)
        return invalid (self, error, _("Company: that company no longer exists."));
      account_id = deal->account_id;
    }
  else
    {
      stmt = traction_store_prepare_write (self,
                                           "INSERT INTO accounts (name, owner_id, created_on) VALUES (?1, ?2, ?3)",
                                           error);
      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, company);
      if (deal->owner_id > 0)
        sqlite3_bind_int64 (stmt, 2, deal->owner_id);
      else
        sqlite3_bind_null (stmt, 2);
      traction_bind_date (stmt, 3, &today);
      if (!traction_store_step_write (self, stmt, _("Could not save the company"), error))
        return FALSE;
      account_id = sqlite3_last_insert_rowid (traction_store_get_db (self));
    }

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO deals (account_id, name, stage, arr_cents, owner_id, source,"
                                       " introduced_by, created_on, expected_close)"
                                       " VALUES (?1, ?2, 'lead', ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, deal->arr_cents);
  if (deal->owner_id > 0)
    sqlite3_bind_int64 (stmt, 4, deal->owner_id);
  else
    sqlite3_bind_null (stmt, 4);
  traction_bind_text (stmt, 5, traction_source_to_id (deal->source));
  traction_bind_text (stmt, 6, introduced_by);
  traction_bind_date (stmt, 7, &today);
  traction_bind_date (stmt, 8, &deal->expected_close);
  if (!traction_store_step_write (self, stmt, _("Could not save the deal"), error))
    return FALSE;
  deal_id = sqlite3_last_insert_rowid (traction_store_get_db (self));

  stamp = stamp_today (&today);
  if (insert_stage_change (self, deal_id, -1, TRACTION_STAGE_LEAD, stamp, "",
                           _("Could not save the deal"), error) == 0)
    return FALSE;

  if (!traction_store_commit (self, error))
    return FALSE;

  if (id_out != NULL)
    *id_out = deal_id;
  return TRUE;
}

GPtrArray *
traction_store_list_deal_accounts (TractionStore  *self,
                                   GError        **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  stmt = traction_store_prepare (self, "SELECT id, name FROM accounts ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_named_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionNamed *item = g_new0 (TractionNamed, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->name = traction_column_text (stmt, 1);
      g_ptr_array_add (accounts, item);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the database"), error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&accounts);
}
