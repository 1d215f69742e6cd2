/* traction-store-demo.c: demo plans and enablement assets (DOMAIN.md §9).
 *
 * Positions of a plan's items are kept dense (0..n-1): every add, delete,
 * restore and move rewrites them in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-demo.h"
#include "traction-store-qualify.h"

#define MAX_MINUTES 600

#define ASSET_COLUMNS \
  "a.id, a.kind, a.title, coalesce (a.owner_id, 0), coalesce (f.name, ''), a.status," \
  " a.updated_on, a.file_path," \
  " (SELECT count (*) FROM demo_plan_items i WHERE i.asset_id = a.id)" \
  " FROM assets a LEFT JOIN founders f ON f.id = a.owner_id"

/* Free functions */

TractionAsset *
traction_asset_new (void)
{
  TractionAsset *asset = g_new0 (TractionAsset, 1);

  asset->title = g_strdup ("");
  asset->owner = g_strdup ("");
  asset->file_path = g_strdup ("");
  g_date_clear (&asset->updated_on, 1);
  return asset;
}

void
traction_asset_free (TractionAsset *asset)
{
  if (asset == NULL)
    return;
  g_free (asset->title);
  g_free (asset->owner);
  g_free (asset->file_path);
  g_clear_pointer (&asset->uses, g_array_unref);
  g_free (asset);
}

TractionDemoItem *
traction_demo_item_new (void)
{
  TractionDemoItem *item = g_new0 (TractionDemoItem, 1);

  item->pain = g_strdup ("");
  item->product = g_strdup ("");
  item->capability = g_strdup ("");
  item->proof = g_strdup ("");
  item->asset = g_strdup ("");
  item->minutes = 5;
  return item;
}

TractionDemoItem *
traction_demo_item_copy (const TractionDemoItem *item)
{
  TractionDemoItem *copy;

  g_return_val_if_fail (item != NULL, NULL);
  copy = g_memdup2 (item, sizeof *item);
  copy->pain = g_strdup (item->pain != NULL ? item->pain : "");
  copy->product = g_strdup (item->product != NULL ? item->product : "");
  copy->capability = g_strdup (item->capability != NULL ? item->capability : "");
  copy->proof = g_strdup (item->proof != NULL ? item->proof : "");
  copy->asset = g_strdup (item->asset != NULL ? item->asset : "");
  return copy;
}

void
traction_demo_item_free (TractionDemoItem *item)
{
  if (item == NULL)
    return;
  g_free (item->pain);
  g_free (item->product);
  g_free (item->capability);
  g_free (item->proof);
  g_free (item->asset);
  g_free (item);
}

void
traction_demo_plan_free (TractionDemoPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->deal);
  g_free (plan->company);
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_free (plan);
}

int
traction_demo_plan_total (const TractionDemoPlan *plan,
                          gboolean               *over_out)
{
  g_autofree int *minutes = NULL;
  int total;

  g_return_val_if_fail (plan != NULL, 0);

  minutes = g_new0 (int, plan->items->len + 1);
  for (guint i = 0; i < plan->items->len; i++)
    minutes[i] = ((TractionDemoItem *) g_ptr_array_index (plan->items, i))->minutes;
  total = traction_demo_total_minutes (minutes, plan->items->len);
  if (over_out != NULL)
    *over_out = traction_demo_over_length (total, plan->meeting_minutes);
  return total;
}

/* Helpers */

static gboolean
finish_read (TractionStore  *self,
             sqlite3_stmt   *stmt,
             int             rc,
             const char     *what,
             GError        **error)
{
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, what, error);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Prepares sql (one ?1 = id) and steps it to its row; NULL with error
 * (NOT_FOUND with `gone` when there is no row). The caller resets it. */
static sqlite3_stmt *
select_one (TractionStore  *self,
            const char     *sql,
            gint64          id,
            const char     *gone,
            const char     *what,
            GError        **error)
{
  sqlite3_stmt *stmt = traction_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return stmt;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      traction_store_not_found (error, gone);
    }
  else
    traction_store_read_failed (self, stmt, rc, what, error);
  return NULL;
}

/* Assets */

static TractionAsset *
read_asset (sqlite3_stmt *stmt,
            const GDate  *today,
            int           stale_days)
{
  TractionAsset *asset = g_new0 (TractionAsset, 1);

  asset->id = sqlite3_column_int64 (stmt, 0);
  if (!traction_asset_kind_from_id ((const char *) sqlite3_column_text (stmt, 1), &asset->kind))
    asset->kind = TRACTION_ASSET_OTHER;
  asset->title = traction_column_text (stmt, 2);
  asset->owner_id = sqlite3_column_int64 (stmt, 3);
  asset->owner = traction_column_text (stmt, 4);
  if (!traction_asset_status_from_id ((const char *) sqlite3_column_text (stmt, 5), &asset->status))
    asset->status = traction_asset_default_status (asset->kind);
  traction_column_date (stmt, 6, &asset->updated_on);
  asset->file_path = traction_column_text (stmt, 7);
  asset->n_uses = (guint) sqlite3_column_int (stmt, 8);
  if (today != NULL && g_date_valid (today))
    {
      asset->age_days = g_date_valid (&asset->updated_on)
                          ? traction_asset_age_days (&asset->updated_on, today) : 0;
      asset->stale = traction_asset_is_stale (&asset->updated_on, today, stale_days);
    }
  return asset;
}

static GPtrArray *
list_assets (TractionStore  *self,
             const GDate    *today,
             gboolean        stale_only,
             GError        **error)
{
  g_autoptr(GPtrArray) assets = NULL;
  TractionRules rules;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  traction_store_get_rules (self, &rules);
  stmt = traction_store_prepare (self,
                                 "SELECT " ASSET_COLUMNS
                                 " ORDER BY CASE a.kind WHEN 'one_pager' THEN 0 WHEN 'pitch_deck' THEN 1"
                                 " WHEN 'demo_script' THEN 2 WHEN 'rate_card' THEN 3 WHEN 'case_study' THEN 4"
                                 " WHEN 'integration_guide' THEN 5 WHEN 'battlecard' THEN 6 ELSE 7 END,"
                                 " a.title COLLATE NOCASE, a.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  assets = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_asset_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionAsset *asset = read_asset (stmt, today, rules.asset_stale_days);

      if (stale_only && !asset->stale)
        traction_asset_free (asset);
      else
        g_ptr_array_add (assets, asset);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the sales assets"), error))
    return NULL;
  return g_steal_pointer (&assets);
}

GPtrArray *
traction_store_list_assets (TractionStore  *self,
                            const GDate    *today,
                            GError        **error)
{
  return list_assets (self, today, FALSE, error);
}

static int
compare_age (gconstpointer a,
             gconstpointer b)
{
  const TractionAsset *x = *(TractionAsset * const *) a;
  const TractionAsset *y = *(TractionAsset * const *) b;

  return (y->age_days > x->age_days) - (y->age_days < x->age_days);
}

GPtrArray *
traction_store_list_stale_assets (TractionStore  *self,
                                  const GDate    *today,
                                  GError        **error)
{
  GPtrArray *stale = list_assets (self, today, TRUE, error);

  if (stale != NULL)
    g_ptr_array_sort (stale, compare_age);
  return stale;
}

static gboolean
check_asset (const TractionAsset  *asset,
             GError              **error)
{
  if ((guint) asset->kind >= TRACTION_N_ASSET_KINDS)
    return traction_store_invalid (error, _("Choose what kind of asset this is."));
  if (traction_text_is_blank (asset->title))
    return traction_store_invalid (error, _("An asset needs a title."));
  if (!traction_asset_status_applies (asset->kind, asset->status))
    return traction_store_invalid (error, asset->kind == TRACTION_ASSET_CASE_STUDY
                                            ? _("A case study is Not started, In progress or Published.")
                                            : _("An asset is Draft, Ready or Needs update."));
  if (!g_date_valid (&asset->updated_on))
    return traction_store_invalid (error, _("An asset needs the date it was last updated."));
  return TRUE;
}

static void
bind_asset (sqlite3_stmt        *stmt,
            const TractionAsset *asset,
            const char          *title)
{
  traction_bind_text (stmt, 2, traction_asset_kind_to_id (asset->kind));
  traction_bind_text (stmt, 3, title);
  bind_id (stmt, 4, asset->owner_id);
  traction_bind_text (stmt, 5, traction_asset_status_to_id (asset->status));
  traction_bind_date (stmt, 6, &asset->updated_on);
  traction_bind_text (stmt, 7, asset->file_path != NULL ? asset->file_path : "");
}

gboolean
traction_store_save_asset (TractionStore        *self,
                           const TractionAsset  *asset,
                           gint64               *id_out,
                           GError              **error)
{
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (asset != NULL, FALSE);

  if (!check_asset (asset, error))
    return FALSE;
  title = traction_text_stripped (asset->title);

  if (asset->id > 0)
    {
      stmt = traction_store_begin_prepare (self,
                                           "UPDATE assets SET kind = ?2, title = ?3, owner_id = ?4,"
                                           " status = ?5, updated_on = ?6, file_path = ?7 WHERE id = ?1",
                                           error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, asset->id);
      bind_asset (stmt, asset, title);
      if (id_out != NULL)
        *id_out = asset->id;
      return traction_store_commit_single (self, stmt, _("Could not save the asset"), TRUE, error);
    }

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO assets (id, kind, title, owner_id, status, updated_on, file_path)"
                                       " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  bind_asset (stmt, asset, title);
  if (!traction_store_step_write (self, stmt, _("Could not add the asset"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return traction_store_commit (self, error);
}

gboolean
traction_store_touch_asset (TractionStore  *self,
                            gint64          id,
                            const GDate    *today,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  stmt = traction_store_begin_prepare (self, "UPDATE assets SET updated_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_date (stmt, 2, today);
  return traction_store_commit_single (self, stmt, _("Could not mark the asset reviewed"), TRUE, error);
}

gboolean
traction_store_delete_asset (TractionStore   *self,
                             gint64           id,
                             TractionAsset  **removed_out,
                             GError         **error)
{
  g_autoptr(TractionAsset) asset = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = select_one (self, "SELECT " ASSET_COLUMNS " WHERE a.id = ?1", id,
                     _("Could not delete the asset: it no longer exists."), _("Could not read the asset"), error);
  if (stmt == NULL)
    goto fail;
  asset = read_asset (stmt, NULL, 0);
  sqlite3_reset (stmt);

  asset->uses = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = traction_store_prepare (self, "SELECT id FROM demo_plan_items WHERE asset_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (asset->uses, item);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the demo plans"), error))
    goto fail;

  stmt = traction_store_prepare (self, "DELETE FROM assets WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!traction_store_step_write (self, stmt, _("Could not delete the asset"), error))
    return FALSE;
  if (!traction_store_commit (self, error))
    return FALSE;
  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&asset);
  return TRUE;

fail:
  traction_store_rollback (self);
  return FALSE;
}

gboolean
traction_store_restore_asset (TractionStore        *self,
                              const TractionAsset  *asset,
                              GError              **error)
{
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (asset != NULL && asset->id > 0, FALSE);

  if (!check_asset (asset, error))
    return FALSE;
  title = traction_text_stripped (asset->title);

  stmt = traction_store_begin_prepare (self,
                                       "INSERT INTO assets (id, kind, title, owner_id, status, updated_on, file_path)"
                                       " VALUES (?1, ?2, ?3, (SELECT id FROM founders WHERE id = ?4), ?5, ?6, ?7)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, asset->id);
  bind_asset (stmt, asset, title);
  if (!traction_store_step_write (self, stmt, _("Could not restore the asset"), error))
    return FALSE;

  for (guint i = 0; asset->uses != NULL && i < asset->uses->len; i++)
    {
      stmt = traction_store_prepare_write (self, "UPDATE demo_plan_items SET asset_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (asset->uses, gint64, i));
      sqlite3_bind_int64 (stmt, 2, asset->id);
      if (!traction_store_step_write (self, stmt, _("Could not restore the asset"), error))
        return FALSE;
    }
  return traction_store_commit (self, error);
}

/* Demo plans */

#define ITEM_COLUMNS \
  "i.id, i.deal_id, i.position, i.pain, coalesce (i.product_id, 0), coalesce (p.name, '')," \
  " i.capability, i.proof_kind, i.proof, coalesce (i.asset_id, 0), coalesce (a.title, ''), i.minutes" \
  " FROM demo_plan_items i LEFT JOIN products p ON p.id = i.product_id" \
  " LEFT JOIN assets a ON a.id = i.asset_id"

static TractionDemoItem *
read_item (sqlite3_stmt *stmt)
{
  TractionDemoItem *item = g_new0 (TractionDemoItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->deal_id = sqlite3_column_int64 (stmt, 1);
  item->position = sqlite3_column_int (stmt, 2);
  item->pain = traction_column_text (stmt, 3);
  item->product_id = sqlite3_column_int64 (stmt, 4);
  item->product = traction_column_text (stmt, 5);
  item->capability = traction_column_text (stmt, 6);
  if (!traction_proof_kind_from_id ((const char *) sqlite3_column_text (stmt, 7), &item->proof_kind))
    item->proof_kind = TRACTION_PROOF_NONE;
  item->proof = traction_column_text (stmt, 8);
  item->asset_id = sqlite3_column_int64 (stmt, 9);
  item->asset = traction_column_text (stmt, 10);
  item->minutes = sqlite3_column_int (stmt, 11);
  return item;
}

TractionDemoPlan *
traction_store_load_demo_plan (TractionStore  *self,
                               gint64          deal_id,
                               GError        **error)
{
  g_autoptr(TractionDemoPlan) plan = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT d.name, a.name, p.meeting_minutes FROM deals d"
                                 " JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN demo_plans p ON p.deal_id = d.id WHERE d.id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      traction_store_not_found (error, _("The deal no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the demo plan"), error);
      return NULL;
    }
  plan = g_new0 (TractionDemoPlan, 1);
  plan->deal_id = deal_id;
  plan->deal = traction_column_text (stmt, 0);
  plan->company = traction_column_text (stmt, 1);
  plan->saved = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  plan->meeting_minutes = plan->saved ? sqlite3_column_int (stmt, 2) : TRACTION_DEMO_DEFAULT_MEETING;
  sqlite3_reset (stmt);

  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_demo_item_free);
  stmt = traction_store_prepare (self,
                                 "SELECT " ITEM_COLUMNS " WHERE i.deal_id = ?1 ORDER BY i.position, i.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionDemoItem *item = read_item (stmt);

      item->position = (int) plan->items->len;
      g_ptr_array_add (plan->items, item);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the demo plan"), error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* Inside a transaction: creates the plan row when missing. Rolls back on
 * failure. */
static gboolean
ensure_plan (TractionStore  *self,
             gint64          deal_id,
             GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO demo_plans (deal_id) SELECT id FROM deals WHERE id = ?1"
                                       " ON CONFLICT (deal_id) DO NOTHING",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  if (!traction_store_step_write (self, stmt, _("Could not save the demo plan"), error))
    return FALSE;
  if (sqlite3_changes (traction_store_get_db (self)) == 0)
    {
      /* Either it exists already or the deal does not. */
      stmt = traction_store_prepare_write (self, "SELECT 1 FROM deals WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          traction_store_rollback (self);
          return traction_store_not_found (error, _("The deal no longer exists."));
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Inside a transaction: rewrites the positions of the deal's items from
 * ids (in order). Rolls back on failure. */
static gboolean
write_positions (TractionStore  *self,
                 GArray         *ids,
                 GError        **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = traction_store_prepare_write (self,
                                                         "UPDATE demo_plan_items SET position = ?2 WHERE id = ?1",
                                                         error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!traction_store_step_write (self, stmt, _("Could not reorder the demo plan"), error))
        return FALSE;
    }
  return TRUE;
}

/* Inside a transaction: the ids of the deal's items in order. */
static GArray *
item_ids (TractionStore  *self,
          gint64          deal_id,
          GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT id FROM demo_plan_items WHERE deal_id = ?1 ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!finish_read (self, stmt, rc, _("Could not read the demo plan"), error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
traction_store_set_demo_meeting (TractionStore  *self,
                                 gint64          deal_id,
                                 int             minutes,
                                 GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > MAX_MINUTES)
    return traction_store_invalid (error, _("A meeting lasts between 1 and 600 minutes."));
  if (!traction_store_begin (self, error) || !ensure_plan (self, deal_id, error))
    return FALSE;
  stmt = traction_store_prepare_write (self, "UPDATE demo_plans SET meeting_minutes = ?2 WHERE deal_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int (stmt, 2, minutes);
  return traction_store_commit_single (self, stmt, _("Could not save the meeting length"), TRUE, error);
}

static gboolean
check_item (const TractionDemoItem  *item,
            GError                 **error)
{
  if (traction_text_is_blank (item->pain))
    return traction_store_invalid (error, _("Write the pain this part of the demo answers."));
  if (item->minutes < 0 || item->minutes > MAX_MINUTES)
    return traction_store_invalid (error, _("A demo item takes between 0 and 600 minutes."));
  if ((guint) item->proof_kind >= TRACTION_N_PROOF_KINDS)
    return traction_store_invalid (error, _("Choose the kind of proof."));
  return TRUE;
}

/* Binds ?3..?9 (pain … minutes) of an insert or update. Product and
 * asset that no longer exist bind NULL. */
static void
bind_item (sqlite3_stmt           *stmt,
           const TractionDemoItem *item,
           const char             *pain)
{
  g_autofree char *capability = traction_text_stripped (item->capability);
  g_autofree char *proof = traction_text_stripped (item->proof);

  traction_bind_text (stmt, 3, pain);
  bind_id (stmt, 4, item->product_id);
  traction_bind_text (stmt, 5, capability);
  traction_bind_text (stmt, 6, traction_proof_kind_to_id (item->proof_kind));
  traction_bind_text (stmt, 7, proof);
  bind_id (stmt, 8, item->asset_id);
  sqlite3_bind_int (stmt, 9, item->minutes);
}

static gboolean
insert_item (TractionStore           *self,
             const TractionDemoItem  *item,
             gint64                   id,
             int                      position,
             gint64                  *id_out,
             GError                 **error)
{
  g_autofree char *pain = traction_text_stripped (item->pain);
  sqlite3_stmt *stmt;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO demo_plan_items (id, deal_id, position, pain, product_id,"
                                       " capability, proof_kind, proof, asset_id, minutes)"
                                       " VALUES (?1, ?2, ?10, ?3, (SELECT id FROM products WHERE id = ?4), ?5, ?6, ?7,"
                                       " (SELECT id FROM assets WHERE id = ?8), ?9)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, item->deal_id);
  bind_item (stmt, item, pain);
  sqlite3_bind_int (stmt, 10, position);
  if (!traction_store_step_write (self, stmt, _("Could not add to the demo plan"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));
  return TRUE;
}

gboolean
traction_store_add_demo_item (TractionStore           *self,
                              const TractionDemoItem  *item,
                              gint64                  *id_out,
                              GError                 **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!check_item (item, error))
    return FALSE;
  if (!traction_store_begin (self, error) || !ensure_plan (self, item->deal_id, error))
    return FALSE;
  if ((ids = item_ids (self, item->deal_id, error)) == NULL)
    {
      traction_store_rollback (self);
      return FALSE;
    }
  if (!insert_item (self, item, 0, (int) ids->len, id_out, error))
    return FALSE;
  return traction_store_commit (self, error);
}

gboolean
traction_store_update_demo_item (TractionStore           *self,
                                 const TractionDemoItem  *item,
                                 GError                 **error)
{
  g_autofree char *pain = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!check_item (item, error))
    return FALSE;
  pain = traction_text_stripped (item->pain);
  stmt = traction_store_begin_prepare (self,
                                       "UPDATE demo_plan_items SET pain = ?3,"
                                       " product_id = (SELECT id FROM products WHERE id = ?4), capability = ?5,"
                                       " proof_kind = ?6, proof = ?7, asset_id = (SELECT id FROM assets WHERE id = ?8),"
                                       " minutes = ?9 WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  bind_item (stmt, item, pain);
  return traction_store_commit_single (self, stmt, _("Could not save the demo plan"), TRUE, error);
}

gboolean
traction_store_delete_demo_item (TractionStore      *self,
                                 gint64              id,
                                 TractionDemoItem  **removed_out,
                                 GError            **error)
{
  g_autoptr(TractionDemoItem) item = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = select_one (self, "SELECT " ITEM_COLUMNS " WHERE i.id = ?1", id,
                     _("Could not delete from the demo plan: it no longer exists."),
                     _("Could not read the demo plan"), error);
  if (stmt == NULL)
    goto fail;
  item = read_item (stmt);
  sqlite3_reset (stmt);

  if ((ids = item_ids (self, item->deal_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        item->position = (int) i;
        g_array_remove_index (ids, i);
        break;
      }

  stmt = traction_store_prepare (self, "DELETE FROM demo_plan_items WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!traction_store_step_write (self, stmt, _("Could not delete from the demo plan"), error) ||
      !write_positions (self, ids, error) ||
      !traction_store_commit (self, error))
    return FALSE;
  if (removed_out != NULL)
    *removed_out = g_steal_pointer (&item);
  return TRUE;

fail:
  traction_store_rollback (self);
  return FALSE;
}

gboolean
traction_store_restore_demo_item (TractionStore           *self,
                                  const TractionDemoItem  *item,
                                  GError                 **error)
{
  g_autoptr(GArray) ids = NULL;
  guint at;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->id > 0, FALSE);

  if (!check_item (item, error))
    return FALSE;
  if (!traction_store_begin (self, error) || !ensure_plan (self, item->deal_id, error))
    return FALSE;
  if ((ids = item_ids (self, item->deal_id, error)) == NULL)
    {
      traction_store_rollback (self);
      return FALSE;
    }
  at = (guint) CLAMP (item->position, 0, (int) ids->len);
  if (!insert_item (self, item, item->id, (int) at, NULL, error))
    return FALSE;
  g_array_insert_val (ids, at, item->id);
  if (!write_positions (self, ids, error))
    return FALSE;
  return traction_store_commit (self, error);
}

gboolean
traction_store_move_demo_item (TractionStore  *self,
                               gint64          id,
                               guint           to,
                               GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 deal_id = 0;
  guint from = G_MAXUINT;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;
  stmt = traction_store_prepare (self, "SELECT deal_id FROM demo_plan_items WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    deal_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (deal_id == 0)
    {
      traction_store_not_found (error, _("Could not move the demo item: it no longer exists."));
      goto fail;
    }
  if ((ids = item_ids (self, deal_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      from = i;
  if (!traction_demo_move (ids, from, MIN (to, ids->len - 1)))
    {
      /* Already there (or at an end): nothing to write. */
      traction_store_rollback (self);
      return TRUE;
    }
  if (!write_positions (self, ids, error))
    return FALSE;
  return traction_store_commit (self, error);

fail:
  traction_store_rollback (self);
  return FALSE;
}

char **
traction_store_suggest_demo_pains (TractionStore  *self,
                                   gint64          deal_id,
                                   GError        **error)
{
  g_autoptr(TractionQualification) q = NULL;
  g_autoptr(TractionDemoPlan) plan = NULL;
  g_auto(GStrv) pains = NULL;
  GPtrArray *out;
  GError *local = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  if ((plan = traction_store_load_demo_plan (self, deal_id, error)) == NULL)
    return NULL;
  q = traction_store_latest_qualification (self, deal_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  out = g_ptr_array_new ();
  if (q != NULL)
    pains = traction_demo_suggest_pains (q->spin[TRACTION_SPIN_PROBLEM], q->spin[TRACTION_SPIN_IMPLICATION]);
  for (guint i = 0; pains != NULL && pains[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (pains[i], -1);
      gboolean held = FALSE;

      for (guint k = 0; k < plan->items->len && !held; k++)
        {
          const TractionDemoItem *item = g_ptr_array_index (plan->items, k);
          g_autofree char *other = g_utf8_casefold (item->pain, -1);

          held = g_str_equal (folded, other);
        }
      if (!held)
        g_ptr_array_add (out, g_strdup (pains[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}
