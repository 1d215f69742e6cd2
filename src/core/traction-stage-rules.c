/* traction-stage-rules.c: what moving a deal between stages asks of the
 * founder (DOMAIN.md §1, §2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "traction-core.h"

/* Moving out of Won or Lost reopens or changes a closed outcome: that is
 * treated as going backwards (a reason is asked). Between open stages a
 * move to an earlier stage is backwards. */
static gboolean
is_backwards (TractionStage from,
              TractionStage to)
{
  if (!traction_stage_is_open (from))
    return to != from;
  if (!traction_stage_is_open (to))
    return FALSE;
  return to < from;
}

TractionMoveCheck
traction_stage_move_check (TractionStage        from,
                           TractionStage        to,
                           gboolean             has_bant,
                           int                  bant_total,
                           const TractionRules *rules)
{
  TractionMoveCheck check = TRACTION_MOVE_OK;

  g_return_val_if_fail ((guint) from < TRACTION_N_STAGES, TRACTION_MOVE_SAME);
  g_return_val_if_fail ((guint) to < TRACTION_N_STAGES, TRACTION_MOVE_SAME);
  g_return_val_if_fail (rules != NULL, TRACTION_MOVE_SAME);

  if (from == to)
    return TRACTION_MOVE_SAME;

  if (is_backwards (from, to))
    check |= TRACTION_MOVE_BACKWARDS;

  if (to == TRACTION_STAGE_LOST)
    check |= TRACTION_MOVE_NEEDS_LOSS_REASON;

  /* Qualified needs BANT >= medium (12 of 20); a move forward into it or
   * any later stage (Won included) without that is a warning the founder
   * may override with a reason. Going back is already asked about. */
  if (to >= TRACTION_STAGE_QUALIFIED && to != TRACTION_STAGE_LOST &&
      (check & TRACTION_MOVE_BACKWARDS) == 0 &&
      (!has_bant || bant_total < rules->bant_medium))
    check |= TRACTION_MOVE_BANT_LOW;

  return check;
}

gboolean
traction_move_check_needs_reason (TractionMoveCheck check)
{
  return (check & (TRACTION_MOVE_BACKWARDS | TRACTION_MOVE_BANT_LOW)) != 0;
}
