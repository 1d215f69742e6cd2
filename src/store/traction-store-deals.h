/* traction-store-deals.h: the pipeline board's deals, stage moves with
 * their history and undo, and new deals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

/* One deal as the board shows it. Strings are never NULL ("" when none). */
typedef struct {
  gint64         deal_id;
  gint64         account_id;
  char          *name;
  char          *company;
  char          *contacts;       /* the account's contact names, for search */
  TractionStage  stage;
  gint64         arr_cents;
  gint64         owner_id;       /* 0 when none */
  char          *owner;
  TractionSource source;
  int            segment;        /* the account's ICP tier 1..3, 0 when not set */
  int            bant_total;     /* latest BANT scoring's total, -1 never scored */
  int            days_in_stage;  /* since the latest stage change, else creation */
  char          *next_action;    /* earliest open next step, "" when none */
  GDate          next_due;       /* its due date; invalid when none or undated */
  GDate          created;
  GDate          last_activity;  /* as for the stalled rule (DOMAIN.md §1) */
  GDate          expected_close; /* may be invalid */
  GDate          closed;         /* may be invalid */
  gboolean       paused;         /* paused as of today */
  gboolean       stalled;        /* traction_deal_is_stalled as of today */
} TractionBoardDeal;

void               traction_board_deal_free    (TractionBoardDeal       *deal);
TractionBoardDeal *traction_board_deal_copy    (const TractionBoardDeal *deal);
/* The board's order: by stage, then ARR (largest first), then id. */
int                traction_board_deal_compare (const TractionBoardDeal *x,
                                                const TractionBoardDeal *y);

/* Every deal, by stage then ARR (largest first), with a fixed number of
 * set-based queries whatever the number of deals. GPtrArray of
 * TractionBoardDeal. */
GPtrArray     *traction_store_load_board    (TractionStore  *self,
                                             const GDate    *today,
                                             GError        **error);

/* Moves a deal to to_stage in one transaction: updates deals.stage (with
 * closed_on = today for Won and Lost, the loss reason for Lost; reopening
 * clears both) and records the change in stage_changes with reason.
 * Fails with INVALID when entering Lost without loss_reason_id (> 0), when
 * the move is backwards (traction_stage_move_check) without a reason, when
 * a BANT override is missing its reason, or when to_stage is the current
 * stage; NOT_FOUND for an unknown deal. change_id_out (may be NULL) gets
 * the stage_changes row, the handle for traction_store_undo_move. */
gboolean       traction_store_move_deal     (TractionStore  *self,
                                             gint64          deal_id,
                                             TractionStage   to_stage,
                                             const char     *reason,
                                             gint64          loss_reason_id,
                                             gint64         *change_id_out,
                                             GError        **error);

/* Undoes a move: the deal goes back to the stage it came from, with the
 * closed date and loss reason it had (remembered by this store since the
 * move; for a move made in an earlier session they are rebuilt from the
 * history), and the history row is deleted. Only the deal's latest change
 * can be undone (else INVALID). */
gboolean       traction_store_undo_move     (TractionStore  *self,
                                             gint64          change_id,
                                             GError        **error);

typedef struct {
  gint64          account_id;     /* an existing company, or 0 for a new one: */
  const char     *company;        /* the new company's name */
  const char     *name;           /* the deal's name (required) */
  gint64          arr_cents;
  gint64          owner_id;       /* 0: no owner */
  TractionSource  source;
  const char     *introduced_by;  /* required for TRACTION_SOURCE_WARM_INTRO */
  GDate           expected_close; /* may be invalid (g_date_clear) */
} TractionNewDeal;

/* Creates the deal in Lead (created today) with its first stage_changes
 * row (from_stage NULL), and the company when account_id is 0; one
 * transaction. INVALID with a message naming the field when input is
 * missing or wrong. */
gboolean       traction_store_create_deal   (TractionStore          *self,
                                             const TractionNewDeal  *deal,
                                             gint64                 *id_out,
                                             GError                **error);

/* Every account (id, name), by name: GPtrArray of TractionNamed. */
GPtrArray     *traction_store_list_deal_accounts (TractionStore  *self,
                                                  GError        **error);

G_END_DECLS
