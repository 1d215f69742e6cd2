/* traction-demo.c: demo plan and enablement asset rules (DOMAIN.md §9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-demo.h"

static const char * const kind_ids[] = {
  "one_pager", "pitch_deck", "demo_script", "rate_card", "case_study",
  "integration_guide", "battlecard", "other",
};

static const char * const status_ids[] = {
  "draft", "ready", "needs_update", "not_started", "in_progress", "published",
};

static const char * const proof_ids[] = { "", "case_study", "metric", "reference" };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == TRACTION_N_ASSET_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (status_ids) == TRACTION_N_ASSET_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (proof_ids) == TRACTION_N_PROOF_KINDS);

static gboolean
from_id (const char         *id,
         const char * const *ids,
         guint               n,
         int                *out)
{
  for (guint i = 0; id != NULL && i < n; i++)
    if (g_str_equal (id, ids[i]))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

/* Assets */

const char *
traction_asset_kind_to_id (TractionAssetKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ASSET_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
traction_asset_kind_from_id (const char        *id,
                             TractionAssetKind *out)
{
  int value = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!from_id (id, kind_ids, TRACTION_N_ASSET_KINDS, &value))
    return FALSE;
  *out = (TractionAssetKind) value;
  return TRUE;
}

const char *
traction_asset_kind_label (TractionAssetKind kind)
{
  static const char * const labels[] = {
    N_("One-pager"), N_("Pitch deck"), N_("Demo script"), N_("Pricing rate card"),
    N_("Case study"), N_("Integration guide"), N_("Battlecard"), N_("Other"),
  };

  g_return_val_if_fail ((guint) kind < TRACTION_N_ASSET_KINDS, NULL);
  return _(labels[kind]);
}

const char *
traction_asset_kind_hint (TractionAssetKind kind)
{
  static const char * const hints[] = {
    N_("1 page PDF"), N_("10–12 slides"), N_("Sandbox walkthrough"), N_("Rates and fees"),
    N_("A design partner’s story"), N_("For the prospect’s engineers"), N_("Against a competitor"), "",
  };

  g_return_val_if_fail ((guint) kind < TRACTION_N_ASSET_KINDS, NULL);
  return hints[kind][0] != '\0' ? _(hints[kind]) : "";
}

const char *
traction_asset_status_to_id (TractionAssetStatus status)
{
  g_return_val_if_fail ((guint) status < TRACTION_N_ASSET_STATUSES, NULL);
  return status_ids[status];
}

gboolean
traction_asset_status_from_id (const char          *id,
                               TractionAssetStatus *out)
{
  int value = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!from_id (id, status_ids, TRACTION_N_ASSET_STATUSES, &value))
    return FALSE;
  *out = (TractionAssetStatus) value;
  return TRUE;
}

const char *
traction_asset_status_label (TractionAssetStatus status)
{
  static const char * const labels[] = {
    N_("Draft"), N_("Ready"), N_("Needs update"), N_("Not started"), N_("In progress"), N_("Published"),
  };

  g_return_val_if_fail ((guint) status < TRACTION_N_ASSET_STATUSES, NULL);
  return _(labels[status]);
}

gboolean
traction_asset_status_applies (TractionAssetKind   kind,
                               TractionAssetStatus status)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_ASSET_KINDS, FALSE);

  if ((guint) status >= TRACTION_N_ASSET_STATUSES)
    return FALSE;
  if (kind == TRACTION_ASSET_CASE_STUDY)
    return status >= TRACTION_ASSET_NOT_STARTED;
  return status <= TRACTION_ASSET_NEEDS_UPDATE;
}

TractionAssetStatus
traction_asset_default_status (TractionAssetKind kind)
{
  return kind == TRACTION_ASSET_CASE_STUDY ? TRACTION_ASSET_NOT_STARTED : TRACTION_ASSET_DRAFT;
}

guint
traction_asset_statuses_for (TractionAssetKind   kind,
                             TractionAssetStatus out[3])
{
  TractionAssetStatus first = traction_asset_default_status (kind);

  for (guint i = 0; i < 3; i++)
    out[i] = first + i;
  return 3;
}

gboolean
traction_asset_status_is_ready (TractionAssetStatus status)
{
  return status == TRACTION_ASSET_READY || status == TRACTION_ASSET_PUBLISHED;
}

int
traction_asset_age_days (const GDate *updated_on,
                         const GDate *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (updated_on == NULL || !g_date_valid (updated_on))
    return G_MAXINT;
  return g_date_days_between (updated_on, today);
}

gboolean
traction_asset_is_stale (const GDate *updated_on,
                         const GDate *today,
                         int          stale_days)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (updated_on == NULL || !g_date_valid (updated_on))
    return TRUE;
  return traction_asset_age_days (updated_on, today) >= MAX (stale_days, 1);
}

/* Proof */

const char *
traction_proof_kind_to_id (TractionProofKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_PROOF_KINDS, NULL);
  return proof_ids[kind];
}

gboolean
traction_proof_kind_from_id (const char        *id,
                             TractionProofKind *out)
{
  int value = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!from_id (id != NULL ? id : "", proof_ids, TRACTION_N_PROOF_KINDS, &value))
    return FALSE;
  *out = (TractionProofKind) value;
  return TRUE;
}

const char *
traction_proof_kind_label (TractionProofKind kind)
{
  static const char * const labels[] = {
    N_("No proof"), N_("Case study"), N_("Metric"), N_("Reference client"),
  };

  g_return_val_if_fail ((guint) kind < TRACTION_N_PROOF_KINDS, NULL);
  return _(labels[kind]);
}

/* Plan */

int
traction_demo_total_minutes (const int *minutes,
                             guint      n)
{
  int total = 0;

  g_return_val_if_fail (minutes != NULL || n == 0, 0);
  for (guint i = 0; i < n; i++)
    if (minutes[i] > 0 && total <= G_MAXINT - minutes[i])
      total += minutes[i];
  return total;
}

gboolean
traction_demo_over_length (int total_minutes,
                           int meeting_minutes)
{
  return meeting_minutes > 0 && total_minutes > meeting_minutes;
}

char *
traction_demo_total_text (int total_minutes,
                          int meeting_minutes)
{
  if (traction_demo_over_length (total_minutes, meeting_minutes))
    /* Translators: "52 of 45 minutes: 7 over the meeting" */
    return g_strdup_printf (ngettext ("%d of %d minutes: %d over the meeting",
                                      "%d of %d minutes: %d over the meeting",
                                      total_minutes - meeting_minutes),
                            total_minutes, meeting_minutes, total_minutes - meeting_minutes);
  /* Translators: "38 of 45 minutes" */
  return g_strdup_printf (ngettext ("%d of %d minute", "%d of %d minutes", meeting_minutes),
                          total_minutes, meeting_minutes);
}

static void
add_sentences (GPtrArray  *out,
               const char *line)
{
  const char *start = line;

  for (const char *p = line; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0;

      /* A sentence (or a clause) ends at . ! ? ; followed by a space (or
       * the end): "3.5" and "e.g." inside a word stay together. */
      if (!end && (c == '.' || c == '!' || c == '?' || c == ';'))
        {
          const char *next = g_utf8_next_char (p);
          end = *next == '\0' || g_unichar_isspace (g_utf8_get_char (next));
          if (end)
            p = next;
        }
      if (!end)
        continue;

      {
        g_autofree char *piece = g_strstrip (g_strndup (start, p - start));
        char *text = piece;
        gsize len;
        gboolean seen = FALSE;

        while (*text == '-' || *text == '*' || *text == ' ' || g_str_has_prefix (text, "•"))
          text += *text == '-' || *text == '*' || *text == ' ' ? 1 : strlen ("•");
        len = strlen (text);
        while (len > 0 && strchr (".!?;, ", text[len - 1]) != NULL)
          text[--len] = '\0';
        if (len > 0)
          {
            g_autofree char *folded = g_utf8_casefold (text, -1);

            for (guint i = 0; i < out->len && !seen; i++)
              {
                g_autofree char *other = g_utf8_casefold (g_ptr_array_index (out, i), -1);
                seen = g_str_equal (folded, other);
              }
            if (!seen)
              g_ptr_array_add (out, g_strdup (text));
          }
      }
      if (*p == '\0')
        break;
      start = p;
    }
}

char **
traction_demo_suggest_pains (const char *problem,
                             const char *implication)
{
  GPtrArray *out = g_ptr_array_new ();
  const char *notes[] = { problem, implication };

  for (guint n = 0; n < G_N_ELEMENTS (notes); n++)
    {
      g_auto(GStrv) lines = NULL;

      if (notes[n] == NULL || !g_utf8_validate (notes[n], -1, NULL))
        continue;
      lines = g_strsplit_set (notes[n], "\r\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        add_sentences (out, lines[i]);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
traction_demo_move (GArray *array,
                    guint   from,
                    guint   to)
{
  guint size;
  g_autofree guint8 *item = NULL;

  g_return_val_if_fail (array != NULL, FALSE);

  if (from >= array->len || to >= array->len || from == to)
    return FALSE;
  size = g_array_get_element_size (array);
  item = g_memdup2 (array->data + (gsize) from * size, size);
  g_array_remove_index (array, from);
  g_array_insert_vals (array, to, item, 1);
  return TRUE;
}
