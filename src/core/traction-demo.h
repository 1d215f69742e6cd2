/* traction-demo.h: demo plans and sales enablement assets (DOMAIN.md §9).
 * Pure rules: the plan's total and over-length warning, pains suggested
 * from SPIN notes, asset kinds and statuses (and which status applies to
 * which kind), staleness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-core.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_ASSET_ONE_PAGER,
  TRACTION_ASSET_PITCH_DECK,
  TRACTION_ASSET_DEMO_SCRIPT,
  TRACTION_ASSET_RATE_CARD,
  TRACTION_ASSET_CASE_STUDY,
  TRACTION_ASSET_INTEGRATION_GUIDE,
  TRACTION_ASSET_BATTLECARD,
  TRACTION_ASSET_OTHER,
  TRACTION_N_ASSET_KINDS
} TractionAssetKind;

typedef enum {
  TRACTION_ASSET_DRAFT,
  TRACTION_ASSET_READY,
  TRACTION_ASSET_NEEDS_UPDATE,
  TRACTION_ASSET_NOT_STARTED,     /* case studies */
  TRACTION_ASSET_IN_PROGRESS,     /* case studies */
  TRACTION_ASSET_PUBLISHED,       /* case studies */
  TRACTION_N_ASSET_STATUSES
} TractionAssetStatus;

typedef enum {
  TRACTION_PROOF_NONE,
  TRACTION_PROOF_CASE_STUDY,
  TRACTION_PROOF_METRIC,
  TRACTION_PROOF_REFERENCE,
  TRACTION_N_PROOF_KINDS
} TractionProofKind;

/* Stored ids ("one_pager", "needs_update", "case_study", "" for no proof). */
const char *traction_asset_kind_to_id      (TractionAssetKind kind);
gboolean    traction_asset_kind_from_id    (const char *id, TractionAssetKind *out);
const char *traction_asset_kind_label      (TractionAssetKind kind);   /* translated */
/* What the seed expects of the kind ("1 page PDF", "10–12 slides"), "" none. */
const char *traction_asset_kind_hint       (TractionAssetKind kind);
const char *traction_asset_status_to_id    (TractionAssetStatus status);
gboolean    traction_asset_status_from_id  (const char *id, TractionAssetStatus *out);
const char *traction_asset_status_label    (TractionAssetStatus status); /* translated */
/* Case studies: Not started / In progress / Published; every other kind:
 * Draft / Ready / Needs update. */
gboolean    traction_asset_status_applies  (TractionAssetKind kind, TractionAssetStatus status);
/* The first status of the kind (Draft, or Not started for a case study). */
TractionAssetStatus traction_asset_default_status (TractionAssetKind kind);
/* The statuses of the kind in order (3 of them) into out; returns 3. */
guint       traction_asset_statuses_for    (TractionAssetKind kind, TractionAssetStatus out[3]);
/* What a status needs: TRUE for Needs update, Draft, Not started, In progress. */
gboolean    traction_asset_status_is_ready (TractionAssetStatus status);

/* Days since updated_on (negative when in the future). */
int         traction_asset_age_days        (const GDate *updated_on, const GDate *today);
/* Stale (due for its monthly review): not updated in stale_days or more
 * days (DOMAIN.md §9: 30). 29 days old is not stale, 30 is. An invalid
 * date counts as stale (never reviewed). */
gboolean    traction_asset_is_stale        (const GDate *updated_on, const GDate *today, int stale_days);

const char *traction_proof_kind_to_id      (TractionProofKind kind);
gboolean    traction_proof_kind_from_id    (const char *id, TractionProofKind *out);
const char *traction_proof_kind_label      (TractionProofKind kind);  /* translated; "No proof" */

/* Σ minutes (negative entries count 0). */
int         traction_demo_total_minutes    (const int *minutes, guint n);
/* TRUE when total runs past the meeting's length. */
gboolean    traction_demo_over_length      (int total_minutes, int meeting_minutes);
/* "38 of 45 minutes" or "52 of 45 minutes: 7 over the meeting" (translated). */
char       *traction_demo_total_text       (int total_minutes, int meeting_minutes);

/* Pains from the SPIN Problem and Implication notes: one per line, and
 * a line with several sentences (or clauses after ";") gives one each;
 * trimmed, without a leading bullet, duplicates (case-insensitive)
 * dropped, in order.
 * Either note may be NULL. A NULL-terminated array, never NULL. */
char      **traction_demo_suggest_pains    (const char *problem, const char *implication);

/* Moves the element at index from to index to in array (any element
 * type), shifting those between: how the plan reorders. FALSE (nothing
 * changed) when an index is out of range or from == to. */
gboolean    traction_demo_move             (GArray *array, guint from, guint to);

G_END_DECLS
