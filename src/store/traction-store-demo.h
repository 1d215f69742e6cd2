/* traction-store-demo.h: demo plans per deal and sales enablement assets
 * (DOMAIN.md §9). The rules (totals, staleness, which status a kind may
 * have) are in core/traction-demo.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"
#include "traction-demo.h"

G_BEGIN_DECLS

/* Meeting length of a deal that has no plan yet. */
#define TRACTION_DEMO_DEFAULT_MEETING 45

/* ------------------------------------------------------------------ */
/* Assets                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64              id;          /* 0 until saved */
  TractionAssetKind   kind;
  char               *title;
  gint64              owner_id;    /* founder, 0 none */
  char               *owner;       /* "" none (loaded) */
  TractionAssetStatus status;
  GDate               updated_on;
  char               *file_path;   /* "" none */
  /* Loaded: */
  int                 age_days;    /* days since updated_on */
  gboolean            stale;       /* not updated in the rules' asset_stale_days */
  guint               n_uses;      /* demo plan items that show it */
  GArray             *uses;        /* gint64 item ids; only in what a delete returns */
} TractionAsset;

TractionAsset *traction_asset_new  (void);
void           traction_asset_free (TractionAsset *asset);

/* Every asset by kind then title; age and stale as of today. */
GPtrArray *traction_store_list_assets        (TractionStore  *self,
                                              const GDate    *today,
                                              GError        **error);
/* The stale ones (not updated in rules.asset_stale_days days), oldest first. */
GPtrArray *traction_store_list_stale_assets  (TractionStore  *self,
                                              const GDate    *today,
                                              GError        **error);
/* Adds (id 0) or updates an asset. INVALID for a blank title, a status
 * that does not apply to the kind, an invalid date; NOT_FOUND for an
 * unknown id. id_out (may be NULL) gets the id. */
gboolean   traction_store_save_asset         (TractionStore        *self,
                                              const TractionAsset  *asset,
                                              gint64               *id_out,
                                              GError              **error);
/* Marks it reviewed: updated on today. */
gboolean   traction_store_touch_asset        (TractionStore  *self,
                                              gint64          id,
                                              const GDate    *today,
                                              GError        **error);
/* removed_out gets the asset with the plan items that used it, for
 * traction_store_restore_asset (Undo). */
gboolean   traction_store_delete_asset       (TractionStore   *self,
                                              gint64           id,
                                              TractionAsset  **removed_out,
                                              GError         **error);
gboolean   traction_store_restore_asset      (TractionStore        *self,
                                              const TractionAsset  *asset,
                                              GError              **error);

/* ------------------------------------------------------------------ */
/* Demo plans                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64             id;          /* 0 until saved */
  gint64             deal_id;
  int                position;    /* 0.. in showing order (loaded) */
  char              *pain;
  gint64             product_id;  /* 0 none */
  char              *product;     /* "" none (loaded) */
  char              *capability;
  TractionProofKind  proof_kind;
  char              *proof;       /* the proof in words ("" none) */
  gint64             asset_id;    /* 0 none */
  char              *asset;       /* the asset's title, "" none (loaded) */
  int                minutes;
} TractionDemoItem;

typedef struct {
  gint64     deal_id;
  char      *deal;
  char      *company;
  int        meeting_minutes;
  gboolean   saved;         /* FALSE: no plan yet (defaults shown) */
  GPtrArray *items;         /* TractionDemoItem in showing order */
} TractionDemoPlan;

TractionDemoItem *traction_demo_item_new   (void);
TractionDemoItem *traction_demo_item_copy  (const TractionDemoItem *item);
void              traction_demo_item_free  (TractionDemoItem *item);
void              traction_demo_plan_free  (TractionDemoPlan *plan);

/* Σ item minutes, and whether it runs past the meeting. */
int               traction_demo_plan_total (const TractionDemoPlan *plan,
                                            gboolean               *over_out);

/* The deal's plan (an empty one with the default meeting length when it
 * has none); NOT_FOUND for an unknown deal. */
TractionDemoPlan *traction_store_load_demo_plan   (TractionStore  *self,
                                                   gint64          deal_id,
                                                   GError        **error);
/* Sets the meeting length (1..600 minutes), creating the plan. */
gboolean   traction_store_set_demo_meeting        (TractionStore  *self,
                                                   gint64          deal_id,
                                                   int             minutes,
                                                   GError        **error);
/* Appends an item (creating the plan). INVALID for a blank pain or
 * minutes outside 0..600. */
gboolean   traction_store_add_demo_item           (TractionStore           *self,
                                                   const TractionDemoItem  *item,
                                                   gint64                  *id_out,
                                                   GError                 **error);
/* Writes item's texts, product, proof, asset and minutes (not its place). */
gboolean   traction_store_update_demo_item        (TractionStore           *self,
                                                   const TractionDemoItem  *item,
                                                   GError                 **error);
/* removed_out gets the item (with its position) for Undo. */
gboolean   traction_store_delete_demo_item        (TractionStore      *self,
                                                   gint64              id,
                                                   TractionDemoItem  **removed_out,
                                                   GError            **error);
/* Puts a deleted item back with its id at its old position. */
gboolean   traction_store_restore_demo_item       (TractionStore           *self,
                                                   const TractionDemoItem  *item,
                                                   GError                 **error);
/* Moves the item to index to (0-based) of its plan, the others shift. */
gboolean   traction_store_move_demo_item          (TractionStore  *self,
                                                   gint64          id,
                                                   guint           to,
                                                   GError        **error);
/* Pains from the latest scoring's SPIN Problem and Implication notes
 * that the plan does not hold yet (NULL-terminated; empty when none). */
char     **traction_store_suggest_demo_pains      (TractionStore  *self,
                                                   gint64          deal_id,
                                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionAsset, traction_asset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionDemoItem, traction_demo_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionDemoPlan, traction_demo_plan_free)

G_END_DECLS
