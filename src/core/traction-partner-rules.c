/* traction-partner-rules.c: the design-partner tracker's rules (DOMAIN.md
 * §3): statuses, evaluation stages and their gates, the discount levers,
 * milestone states and feature requests grouped across partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"

/* Statuses */

static const char * const status_ids[] = {
  "candidate", "evaluating", "active", "converted", "not_converted", "disqualified",
};

const char *
traction_partner_status_to_id (TractionPartnerStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
traction_partner_status_from_id (const char            *id,
                                 TractionPartnerStatus *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (id, status_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_partner_status_label (TractionPartnerStatus status)
{
  static const char * const labels[] = {
    N_("Candidate"), N_("Evaluating"), N_("Active"), N_("Converted"),
    N_("Not converted"), N_("Disqualified"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);
  return _(labels[status]);
}

/* Evaluation stages and gates */

static const char * const stage_ids[] = {
  "discovery", "scope", "validate", "negotiate", "paper",
};

static const char * const discovery_gate[] = {
  N_("They have a problem we specialize in solving"),
  N_("There is a compelling reason to solve it now"),
};

static const char * const scope_gate[] = {
  N_("Technical requirements confirmed for their environment"),
  N_("Met everyone in their decision process"),
  N_("Success metrics and installation path agreed"),
  N_("Buyer agreed to the evaluation at a Go/No-Go meeting"),
};

static const char * const validate_gate[] = {
  N_("Product installed and tested against the success metrics"),
  N_("Bugs, gaps and feature requests logged and tagged"),
  N_("Buyer asked to start the paper process"),
};

static const char * const negotiate_gate[] = {
  N_("Mutual close plan agreed with champion and buyer"),
  N_("Discount justified by a lever in the order form"),
  N_("Order form signed"),
};

static const char * const paper_gate[] = {
  N_("Security review and questionnaires"),
  N_("Legal: MSA and order form redlines"),
  N_("Procurement: new vendor forms"),
};

static const struct {
  const char * const *items;
  guint               n_items;
} gates[TRACTION_N_EVAL_LISTS] = {
  { discovery_gate, G_N_ELEMENTS (discovery_gate) },
  { scope_gate, G_N_ELEMENTS (scope_gate) },
  { validate_gate, G_N_ELEMENTS (validate_gate) },
  { negotiate_gate, G_N_ELEMENTS (negotiate_gate) },
  { paper_gate, G_N_ELEMENTS (paper_gate) },
};

const char *
traction_eval_stage_to_id (TractionEvalStage stage)
{
  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (stage_ids), NULL);
  return stage_ids[stage];
}

gboolean
traction_eval_stage_from_id (const char        *id,
                             TractionEvalStage *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (stage_ids); i++)
    if (g_strcmp0 (id, stage_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_eval_stage_label (TractionEvalStage stage)
{
  static const char * const labels[] = {
    N_("Discovery"), N_("Scope"), N_("Validate"), N_("Negotiate & close"),
    N_("Paper process"),
  };

  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (labels), NULL);
  return _(labels[stage]);
}

guint
traction_eval_gate_count (TractionEvalStage stage)
{
  g_return_val_if_fail ((guint) stage < TRACTION_N_EVAL_LISTS, 0);
  return gates[stage].n_items;
}

const char *
traction_eval_gate_item (TractionEvalStage stage,
                         guint             item)
{
  g_return_val_if_fail ((guint) stage < TRACTION_N_EVAL_LISTS, NULL);
  g_return_val_if_fail (item < gates[stage].n_items, NULL);
  return _(gates[stage].items[item]);
}

/* Go/No-Go */

static const char * const go_ids[] = { "", "go", "no_go" };

const char *
traction_go_no_go_to_id (TractionGoNoGo outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (go_ids), NULL);
  return go_ids[outcome];
}

gboolean
traction_go_no_go_from_id (const char     *id,
                           TractionGoNoGo *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (go_ids); i++)
    if (g_strcmp0 (id != NULL ? id : "", go_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_go_no_go_label (TractionGoNoGo outcome)
{
  static const char * const labels[] = { N_("Not held yet"), N_("Go"), N_("No-Go") };

  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (labels), NULL);
  return _(labels[outcome]);
}

/* Levers */

gboolean
traction_partner_check_levers (int        discount_pct,
                               gboolean   early_signature,
                               gboolean   term,
                               int        term_months,
                               gboolean   public_reference,
                               GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (discount_pct < 0 || discount_pct > 100)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The discount is %d %%; it must be between 0 and 100 %%."), discount_pct);
      return FALSE;
    }
  if (term && (term_months < 1 || term_months > 24))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
                   _("The term is %d months; a first design-partner deal runs at most 24 months."),
                   term_months);
      return FALSE;
    }
  if (discount_pct > 0 && !early_signature && !term && !public_reference)
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
                   _("A %d %% discount needs at least one lever in return: an early signature, "
                     "a term length or a public reference."), discount_pct);
      return FALSE;
    }
  return TRUE;
}

/* Milestones */

void
traction_partner_milestone_due (int          index,
                                const GDate *start,
                                GDate       *out)
{
  int last_day = 0;

  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  traction_partner_milestone_window (index, NULL, &last_day);
  *out = *start;
  g_date_add_days (out, (guint) last_day);
}

TractionMilestoneState
traction_partner_milestone_state (int          index,
                                  const GDate *start,
                                  const GDate *done_on,
                                  const GDate *today)
{
  gboolean done = done_on != NULL && g_date_valid (done_on);
  int first_day = 0;

  g_return_val_if_fail (start != NULL && g_date_valid (start), TRACTION_MILESTONE_UPCOMING);
  g_return_val_if_fail (today != NULL && g_date_valid (today), TRACTION_MILESTONE_UPCOMING);

  if (done)
    return TRACTION_MILESTONE_DONE;
  if (traction_partner_milestone_late (index, start, FALSE, today))
    return TRACTION_MILESTONE_LATE;
  traction_partner_milestone_window (index, &first_day, NULL);
  if (g_date_days_between (start, today) >= first_day)
    return TRACTION_MILESTONE_DUE;
  return TRACTION_MILESTONE_UPCOMING;
}

const char *
traction_milestone_state_label (TractionMilestoneState state)
{
  static const char * const labels[] = {
    [TRACTION_MILESTONE_UPCOMING] = N_("Upcoming"),
    [TRACTION_MILESTONE_DUE]      = N_("Due"),
    [TRACTION_MILESTONE_LATE]     = N_("Late"),
    [TRACTION_MILESTONE_DONE]     = N_("Done"),
  };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (labels), NULL);
  return _(labels[state]);
}

/* Requests grouped across partners */

void
traction_request_group_free (TractionRequestGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_free (group->title);
  g_clear_pointer (&group->partner_ids, g_array_unref);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const TractionRequestGroup *ga = *(TractionRequestGroup * const *) a;
  const TractionRequestGroup *gb = *(TractionRequestGroup * const *) b;

  if (ga->arr_cents != gb->arr_cents)
    return ga->arr_cents > gb->arr_cents ? -1 : 1;
  if (ga->n_partners != gb->n_partners)
    return ga->n_partners > gb->n_partners ? -1 : 1;
  return g_utf8_collate (ga->title, gb->title);
}

GPtrArray *
traction_partner_group_requests (const TractionRequestItem *items,
                                 gsize                      n_items)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_request_group_free);

  g_return_val_if_fail (items != NULL || n_items == 0, groups);

  for (gsize i = 0; i < n_items; i++)
    {
      const TractionRequestItem *item = &items[i];
      g_autofree char *key = NULL;
      TractionRequestGroup *group;
      gboolean seen = FALSE;

      if (item->key != NULL && item->key[0] != '\0')
        key = g_strdup (item->key);
      else
        {
          g_autofree char *stripped = g_strstrip (g_strdup (item->title != NULL ? item->title : ""));

          key = g_utf8_casefold (stripped, -1);
          if (key[0] == '\0')
            continue;
          /* Keep title groups apart from keyed ones. */
          g_free (stripped);
          stripped = g_steal_pointer (&key);
          key = g_strconcat ("\x01", stripped, NULL);
        }

      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (TractionRequestGroup, 1);
          group->key = g_steal_pointer (&key);
          group->title = g_strdup (item->title != NULL ? item->title : "");
          group->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (by_key, group->key, group);
          g_ptr_array_add (groups, group);
        }

      group->n_items++;
      for (guint k = 0; k < group->partner_ids->len; k++)
        if (g_array_index (group->partner_ids, gint64, k) == item->partner_id)
          seen = TRUE;
      if (!seen)
        {
          g_array_append_val (group->partner_ids, item->partner_id);
          group->n_partners++;
          group->arr_cents += MAX (item->partner_arr_cents, 0);
        }
    }

  /* Title-keyed groups show their key without the marker. */
  for (guint i = 0; i < groups->len; i++)
    {
      TractionRequestGroup *group = g_ptr_array_index (groups, i);

      if (group->key[0] == '\x01')
        memmove (group->key, group->key + 1, strlen (group->key));
    }

  g_ptr_array_sort (groups, compare_groups);
  return groups;
}
