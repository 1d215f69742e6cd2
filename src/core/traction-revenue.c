/* traction-revenue.c: ARR movements, NRR/GRR, bridge, cohorts, renewals (§6).
 *
 * A client's ARR at a date is the plain sum of its movements before that
 * date (DOMAIN.md §6). Sums are not clamped at zero, so that the bridge
 * identity always holds; the retention cohort counts a client whose ARR
 * fell to zero or below as churned (e_i = 0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"

static const struct {
  const char *id;
  const char *label;
} move_kinds[TRACTION_N_MOVE_KINDS] = {
  [TRACTION_MOVE_NEW]                  = { "new", N_("New") },
  [TRACTION_MOVE_EXPANSION_CROSS_SELL] = { "expansion-cross-sell", N_("Cross-sell") },
  [TRACTION_MOVE_EXPANSION_UPSELL]     = { "expansion-upsell", N_("Upsell") },
  [TRACTION_MOVE_EXPANSION_USAGE]      = { "expansion-usage", N_("Usage growth") },
  [TRACTION_MOVE_CONTRACTION]          = { "contraction", N_("Contraction") },
  [TRACTION_MOVE_CHURN]                = { "churn", N_("Churn") },
  [TRACTION_MOVE_REACTIVATION]         = { "reactivation", N_("Reactivation") },
};

const char *
traction_move_kind_to_id (TractionMoveKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_MOVE_KINDS, NULL);

  return move_kinds[kind].id;
}

gboolean
traction_move_kind_from_id (const char       *id,
                            TractionMoveKind *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_MOVE_KINDS; i++)
    {
      if (strcmp (id, move_kinds[i].id) == 0)
        {
          if (out != NULL)
            *out = (TractionMoveKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
traction_move_kind_label (TractionMoveKind kind)
{
  g_return_val_if_fail ((guint) kind < TRACTION_N_MOVE_KINDS, NULL);

  return _(move_kinds[kind].label);
}

gint64
traction_move_delta (TractionMoveKind kind,
                     gint64           amount_cents)
{
  switch (kind)
    {
    case TRACTION_MOVE_CONTRACTION:
    case TRACTION_MOVE_CHURN:
      return -amount_cents;
    case TRACTION_MOVE_NEW:
    case TRACTION_MOVE_EXPANSION_CROSS_SELL:
    case TRACTION_MOVE_EXPANSION_UPSELL:
    case TRACTION_MOVE_EXPANSION_USAGE:
    case TRACTION_MOVE_REACTIVATION:
      return amount_cents;
    case TRACTION_N_MOVE_KINDS:
    default:
      g_return_val_if_reached (0);
    }
}

static int
compare_movements (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const TractionMovement *ma = a;
  const TractionMovement *mb = b;
  gboolean va, vb;

  if (ma->client != mb->client)
    return ma->client < mb->client ? -1 : 1;

  /* Undated movements first; they never count towards a date. */
  va = g_date_valid (&ma->date);
  vb = g_date_valid (&mb->date);
  if (!va || !vb)
    return (int) va - (int) vb;

  return g_date_compare (&ma->date, &mb->date);
}

void
traction_movements_sort (TractionMovement *moves,
                         gsize             n)
{
  g_return_if_fail (moves != NULL || n == 0);
  g_return_if_fail (n <= G_MAXINT);

  /* Stable: movements of one day keep the order they were given in. */
  g_qsort_with_data (moves, (gint) n, sizeof *moves, compare_movements, NULL);
}

static inline gboolean
dated_before (const TractionMovement *move,
              const GDate            *date)
{
  return g_date_valid (&move->date) && g_date_compare (&move->date, date) < 0;
}

void
traction_retention_compute (const TractionMovement *moves,
                            gsize                   n,
                            const GDate            *start,
                            const GDate            *end,
                            TractionRetention      *out)
{
  gint64 retained = 0;   /* Σ min (e_i, s_i) */
  gsize i = 0;

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (moves != NULL || n == 0);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (end != NULL && g_date_valid (end));

  while (i < n)
    {
      gint64 client = moves[i].client;
      gint64 s = 0, e = 0;

      /* Movements are sorted by client: this client's run. */
      for (; i < n && moves[i].client == client; i++)
        {
          gint64 delta = traction_move_delta (moves[i].kind, moves[i].amount_cents);

          if (dated_before (&moves[i], start))
            s += delta;
          if (dated_before (&moves[i], end))
            e += delta;
        }

      if (s <= 0)
        continue;   /* not in the cohort */

      if (e < 0)
        e = 0;

      out->cohort_size++;
      out->start_cents += s;
      out->end_cents += e;
      retained += MIN (e, s);

      if (e > s)
        out->expansion_cents += e - s;
      else if (e == 0)
        {
          out->churn_cents += s;
          out->churned_clients++;
        }
      else if (e < s)
        out->contraction_cents += s - e;
    }

  out->valid = out->cohort_size > 0;
  if (out->valid)
    {
      out->nrr = (double) out->end_cents * 100.0 / (double) out->start_cents;
      out->grr = (double) retained * 100.0 / (double) out->start_cents;
    }
}

gint64
traction_arr_before (const TractionMovement *moves,
                     gsize                   n,
                     gint64                  client,
                     const GDate            *date)
{
  gint64 arr = 0;

  g_return_val_if_fail (moves != NULL || n == 0, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  for (gsize i = 0; i < n; i++)
    {
      if (client >= 0 && moves[i].client != client)
        continue;
      if (dated_before (&moves[i], date))
        arr += traction_move_delta (moves[i].kind, moves[i].amount_cents);
    }

  return arr;
}

void
traction_bridge_compute (const TractionMovement *moves,
                         gsize                   n,
                         const GDate            *start,
                         const GDate            *end,
                         TractionBridge         *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (moves != NULL || n == 0);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (end != NULL && g_date_valid (end));

  for (gsize i = 0; i < n; i++)
    {
      const TractionMovement *move = &moves[i];

      if (!g_date_valid (&move->date))
        continue;

      if (g_date_compare (&move->date, start) < 0)
        {
          out->start_cents += traction_move_delta (move->kind, move->amount_cents);
          continue;
        }
      if (g_date_compare (&move->date, end) >= 0)
        continue;

      switch (move->kind)
        {
        case TRACTION_MOVE_NEW:
          out->new_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_REACTIVATION:
          out->reactivation_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_EXPANSION_CROSS_SELL:
          out->cross_sell_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_EXPANSION_UPSELL:
          out->upsell_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_EXPANSION_USAGE:
          out->usage_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_CONTRACTION:
          out->contraction_cents += move->amount_cents;
          break;
        case TRACTION_MOVE_CHURN:
          out->churn_cents += move->amount_cents;
          break;
        case TRACTION_N_MOVE_KINDS:
        default:
          g_warn_if_reached ();
          break;
        }
    }

  out->expansion_cents = out->cross_sell_cents + out->upsell_cents + out->usage_cents;
  out->end_cents = out->start_cents + out->new_cents + out->reactivation_cents
                   + out->expansion_cents - out->contraction_cents - out->churn_cents;

  /* The bridge is built from the same movements as ARR itself. */
  g_assert (out->end_cents == traction_arr_before (moves, n, -1, end));
}

/* ------------------------------------------------------------------ */
/* Cohorts                                                             */
/* ------------------------------------------------------------------ */

static void
cohort_clear (gpointer data)
{
  TractionCohort *cohort = data;

  g_clear_pointer (&cohort->retained, g_free);
}

static int
months_between (const GDate *from,
                const GDate *to)
{
  return ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12
         + ((int) g_date_get_month (to) - (int) g_date_get_month (from));
}

/* Each client's start quarter is the fiscal quarter of its first dated
 * movement before `until`. Every quarter from the oldest start quarter to
 * the last one that starts before `until` gets a row, so a quarter in
 * which nobody started shows as a row with no clients ("no data").
 *
 * For month m (0 = the quarter's first month) the cohort's ARR is taken
 * just before the first day of month m + 1, or just before `until` for
 * the month that contains it; base is that value at the end of the
 * quarter's third month (or the last month before `until`). */
GArray *
traction_cohorts_compute (const TractionMovement *moves,
                          gsize                   n,
                          int                     fy_start_month,
                          const GDate            *until)
{
  g_autoptr(GArray) cohorts = NULL;
  g_autoptr(GPtrArray) sums = NULL;   /* gint64[n_months] per cohort, prefix-summed at the end */
  GDate first_quarter, q_end;
  gboolean have_first = FALSE;
  gsize i;

  g_return_val_if_fail (moves != NULL || n == 0, NULL);
  g_return_val_if_fail (fy_start_month >= 1 && fy_start_month <= 12, NULL);
  g_return_val_if_fail (until != NULL && g_date_valid (until), NULL);

  cohorts = g_array_new (FALSE, TRUE, sizeof (TractionCohort));
  g_array_set_clear_func (cohorts, cohort_clear);
  sums = g_ptr_array_new_with_free_func (g_free);

  g_date_clear (&first_quarter, 1);

  /* The oldest start quarter. */
  for (i = 0; i < n; i++)
    {
      if (!dated_before (&moves[i], until))
        continue;
      if (!have_first || g_date_compare (&moves[i].date, &first_quarter) < 0)
        {
          first_quarter = moves[i].date;
          have_first = TRUE;
        }
    }

  if (!have_first)
    return g_steal_pointer (&cohorts);

  traction_quarter_bounds (&first_quarter, fy_start_month, &first_quarter, &q_end);

  /* One row per quarter up to `until`. */
  for (GDate q = first_quarter; g_date_compare (&q, until) < 0; g_date_add_months (&q, 3))
    {
      TractionCohort cohort = { 0 };
      GDate last_month = *until;

      /* Months whose first day is before until: up to until's month. */
      g_date_subtract_days (&last_month, 1);
      cohort.quarter_start = q;
      cohort.n_months = (guint) months_between (&q, &last_month) + 1;
      cohort.retained = g_new0 (double, cohort.n_months);
      g_array_append_val (cohorts, cohort);
      g_ptr_array_add (sums, g_new0 (gint64, cohort.n_months));
    }

  /* Each client's movements into its cohort's months. */
  i = 0;
  while (i < n)
    {
      gint64 client = moves[i].client;
      gsize run_start = i, run_end;
      GDate first;
      gboolean started = FALSE;
      GDate q_start;
      TractionCohort *cohort;
      gint64 *month_sums;
      guint index;

      g_date_clear (&first, 1);
      for (; i < n && moves[i].client == client; i++)
        {
          if (!dated_before (&moves[i], until))
            continue;
          if (!started || g_date_compare (&moves[i].date, &first) < 0)
            {
              first = moves[i].date;
              started = TRUE;
            }
        }
      run_end = i;

      if (!started)
        continue;

      traction_quarter_bounds (&first, fy_start_month, &q_start, &q_end);
      index = (guint) (months_between (&first_quarter, &q_start) / 3);
      g_assert (index < cohorts->len);

      cohort = &g_array_index (cohorts, TractionCohort, index);
      month_sums = g_ptr_array_index (sums, index);
      cohort->clients++;

      for (gsize j = run_start; j < run_end; j++)
        {
          int m;

          if (!dated_before (&moves[j], until))
            continue;

          m = months_between (&cohort->quarter_start, &moves[j].date);
          g_assert (m >= 0 && (guint) m < cohort->n_months);
          month_sums[m] += traction_move_delta (moves[j].kind, moves[j].amount_cents);
        }
    }

  for (guint c = 0; c < cohorts->len; c++)
    {
      TractionCohort *cohort = &g_array_index (cohorts, TractionCohort, c);
      gint64 *month_sums = g_ptr_array_index (sums, c);

      /* ARR at the end of month m = all movements up to month m. */
      for (guint m = 1; m < cohort->n_months; m++)
        month_sums[m] += month_sums[m - 1];

      cohort->base_cents = month_sums[MIN (cohort->n_months, 3) - 1];
      cohort->valid = cohort->base_cents > 0;

      if (cohort->valid)
        for (guint m = 0; m < cohort->n_months; m++)
          cohort->retained[m] = (double) month_sums[m] * 100.0 / (double) cohort->base_cents;
    }

  return g_steal_pointer (&cohorts);
}

/* ------------------------------------------------------------------ */
/* Segments and renewals                                               */
/* ------------------------------------------------------------------ */

TractionSegment
traction_segment_for (gint64               arr_cents,
                      const TractionRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRACTION_SEGMENT_TECH_TOUCH);

  if (arr_cents >= rules->segment_high_cents)
    return TRACTION_SEGMENT_HIGH_TOUCH;
  if (arr_cents >= rules->segment_low_cents)
    return TRACTION_SEGMENT_LOW_TOUCH;

  return TRACTION_SEGMENT_TECH_TOUCH;
}

const char *
traction_segment_label (TractionSegment segment)
{
  static const char * const labels[TRACTION_N_SEGMENTS] = {
    [TRACTION_SEGMENT_HIGH_TOUCH] = N_("High touch"),
    [TRACTION_SEGMENT_LOW_TOUCH]  = N_("Low touch"),
    [TRACTION_SEGMENT_TECH_TOUCH] = N_("Tech touch"),
  };

  g_return_val_if_fail ((guint) segment < TRACTION_N_SEGMENTS, NULL);

  return _(labels[segment]);
}

/* Probabilities are taken in millionths so that the sum is exact in
 * integers and rounded once, half away from zero. Negative ARR counts as
 * zero. */
#define PPM 1000000

gint64
traction_renewal_forecast (const TractionRenewalInput *renewals,
                           gsize                       n,
                           const TractionRules        *rules)
{
  gint64 whole = 0;       /* Σ of the whole cents */
  gint64 remainder = 0;   /* Σ of the millionths of a cent, kept below PPM */

  g_return_val_if_fail (renewals != NULL || n == 0, 0);
  g_return_val_if_fail (rules != NULL, 0);

  for (gsize i = 0; i < n; i++)
    {
      gint64 arr = MAX (renewals[i].arr_cents, 0);
      gint64 ppm;

      g_return_val_if_fail ((guint) renewals[i].band < TRACTION_N_BANDS, 0);

      ppm = (gint64) llround (CLAMP (rules->renewal_probability[renewals[i].band], 0.0, 1.0) * PPM);

      /* arr × ppm / PPM without overflowing: split arr. */
      whole += (arr / PPM) * ppm;
      remainder += (arr % PPM) * ppm;        /* < PPM × PPM, fits */
      whole += remainder / PPM;
      remainder %= PPM;
    }

  return whole + (remainder >= PPM / 2 ? 1 : 0);
}

void
traction_renewal_work_start (const GDate         *renewal_date,
                             TractionSegment      segment,
                             const TractionRules *rules,
                             GDate               *out)
{
  int lead_days;

  g_return_if_fail (renewal_date != NULL && g_date_valid (renewal_date));
  g_return_if_fail ((guint) segment < TRACTION_N_SEGMENTS);
  g_return_if_fail (rules != NULL);
  g_return_if_fail (out != NULL);

  lead_days = MAX (rules->renewal_lead_days[segment], 0);
  *out = *renewal_date;
  g_date_subtract_days (out, (guint) lead_days);
}
