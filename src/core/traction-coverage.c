/* traction-coverage.c: the coverage matrix of DOMAIN.md §4 (gaps and single
 * points of failure per product) and the clients exposed when a provider
 * fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "traction-core.h"

const char *
traction_coverage_role_to_id (TractionCoverageRole role)
{
  switch (role)
    {
    case TRACTION_COVERAGE_PRIMARY:
      return "primary";
    case TRACTION_COVERAGE_BACKUP:
      return "backup";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
traction_coverage_role_from_id (const char           *id,
                                TractionCoverageRole *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (id, "primary") == 0)
    *out = TRACTION_COVERAGE_PRIMARY;
  else if (g_strcmp0 (id, "backup") == 0)
    *out = TRACTION_COVERAGE_BACKUP;
  else
    return FALSE;

  return TRUE;
}

const char *
traction_coverage_status_label (TractionCoverageStatus status)
{
  static const char * const labels[] = {
    [TRACTION_COVERAGE_COVERED]      = N_("Covered"),
    [TRACTION_COVERAGE_SINGLE_POINT] = N_("Single point of failure"),
    [TRACTION_COVERAGE_GAP]          = N_("Gap"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);

  return _(labels[status]);
}

const char *
traction_coverage_status_advice (TractionCoverageStatus status)
{
  static const char * const advice[] = {
    [TRACTION_COVERAGE_COVERED]      = N_("Another provider can take over."),
    [TRACTION_COVERAGE_SINGLE_POINT] = N_("One provider and no backup: identify a backup provider."),
    [TRACTION_COVERAGE_GAP]          = N_("No primary provider: the product cannot be delivered."),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (advice), NULL);

  return _(advice[status]);
}

TractionCoverageStatus
traction_coverage_status (guint n_primary,
                          guint n_backup)
{
  if (n_primary == 0)
    return TRACTION_COVERAGE_GAP;
  if (n_primary == 1 && n_backup == 0)
    return TRACTION_COVERAGE_SINGLE_POINT;

  return TRACTION_COVERAGE_COVERED;
}

void
traction_coverage_evaluate (const gint64               *products,
                            gsize                       n_products,
                            const TractionCoverageLink *links,
                            gsize                       n_links,
                            TractionCoverageStatus     *status)
{
  g_return_if_fail (products != NULL || n_products == 0);
  g_return_if_fail (links != NULL || n_links == 0);
  g_return_if_fail (status != NULL || n_products == 0);

  for (gsize i = 0; i < n_products; i++)
    {
      guint n_primary = 0;
      guint n_backup = 0;

      for (gsize j = 0; j < n_links; j++)
        {
          if (links[j].product != products[i])
            continue;
          if (links[j].role == TRACTION_COVERAGE_PRIMARY)
            n_primary++;
          else
            n_backup++;
        }

      status[i] = traction_coverage_status (n_primary, n_backup);
    }
}

static gboolean
array_contains (GArray *array,
                gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      return TRUE;
  return FALSE;
}

GArray *
traction_coverage_exposed_products (const TractionCoverageLink  *links,
                                    gsize                        n_links,
                                    gint64                       provider,
                                    GArray                     **no_fallback)
{
  g_autoptr(GArray) exposed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (links != NULL || n_links == 0, NULL);

  for (gsize i = 0; i < n_links; i++)
    {
      gint64 product = links[i].product;
      gboolean other = FALSE;

      if (links[i].provider != provider || links[i].role != TRACTION_COVERAGE_PRIMARY ||
          array_contains (exposed, product))
        continue;

      g_array_append_val (exposed, product);

      for (gsize j = 0; j < n_links && !other; j++)
        other = links[j].product == product && links[j].provider != provider;
      if (!other)
        g_array_append_val (alone, product);
    }

  if (no_fallback != NULL)
    *no_fallback = g_steal_pointer (&alone);

  return g_steal_pointer (&exposed);
}

gint64
traction_coverage_exposed_arr (const TractionProductUse *uses,
                               gsize                     n_uses,
                               const gint64             *products,
                               gsize                     n_products,
                               guint                    *n_clients)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 total = 0;
  guint count = 0;

  g_return_val_if_fail (uses != NULL || n_uses == 0, 0);
  g_return_val_if_fail (products != NULL || n_products == 0, 0);

  for (gsize i = 0; i < n_uses; i++)
    {
      gboolean exposed = FALSE;

      if (uses[i].arr_cents <= 0)
        continue;

      for (gsize j = 0; j < n_products && !exposed; j++)
        exposed = uses[i].product == products[j];
      if (!exposed || g_hash_table_contains (seen, &uses[i].client))
        continue;

      g_hash_table_add (seen, g_memdup2 (&uses[i].client, sizeof (gint64)));
      total += uses[i].arr_cents;
      count++;
    }

  if (n_clients != NULL)
    *n_clients = count;

  return total;
}
