/* traction-business-review.c: QBR and EBR periods, goal statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-business-review.h"
#include "traction-core.h"

gboolean
traction_review_period_set (TractionReviewKind    kind,
                            int                   year,
                            int                   quarter,
                            TractionReviewPeriod *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (year < 1 || year > 9998 || (kind == TRACTION_REVIEW_QBR && (quarter < 1 || quarter > 4)))
    return FALSE;

  out->kind = kind;
  out->year = year;
  out->quarter = kind == TRACTION_REVIEW_QBR ? quarter : 0;
  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);
  if (kind == TRACTION_REVIEW_QBR)
    {
      g_date_set_dmy (&out->start, 1, (GDateMonth) ((quarter - 1) * 3 + 1), (GDateYear) year);
      out->end = out->start;
      g_date_add_months (&out->end, 3);
    }
  else
    {
      g_date_set_dmy (&out->start, 1, G_DATE_JANUARY, (GDateYear) year);
      g_date_set_dmy (&out->end, 1, G_DATE_JANUARY, (GDateYear) year + 1);
    }
  return TRUE;
}

void
traction_review_period_containing (TractionReviewKind    kind,
                                   const GDate          *date,
                                   TractionReviewPeriod *out)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  traction_review_period_set (kind, g_date_get_year (date), (g_date_get_month (date) - 1) / 3 + 1, out);
}

/* Digits only, 1..9998. */
static gboolean
parse_year (const char *text,
            gsize       length,
            int        *year)
{
  int value = 0;

  if (length != 4)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *year = value;
  return value >= 1 && value <= 9998;
}

gboolean
traction_review_period_parse (const char           *text,
                              TractionReviewPeriod *out,
                              GError              **error)
{
  g_autofree char *stripped = NULL;
  const char *s;
  gsize length;
  int year = 0, quarter = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  s = stripped;
  length = strlen (s);

  if (length == 4)
    ok = parse_year (s, 4, &year) && traction_review_period_set (TRACTION_REVIEW_EBR, year, 0, out);
  else if (length == 6 && (s[4] == 'Q' || s[4] == 'q'))
    ok = parse_year (s, 4, &year) && g_ascii_isdigit (s[5]);
  else if (length == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q'))
    ok = parse_year (s, 4, &year) && g_ascii_isdigit (s[6]);
  else if (length == 7 && (s[0] == 'Q' || s[0] == 'q') && (s[2] == ' ' || s[2] == '-'))
    ok = g_ascii_isdigit (s[1]) && parse_year (s + 3, 4, &year);

  if (ok && length > 4)
    {
      quarter = g_ascii_digit_value (length == 7 && (s[0] == 'Q' || s[0] == 'q') ? s[1] : s[length - 1]);
      ok = traction_review_period_set (TRACTION_REVIEW_QBR, year, quarter, out);
    }

  if (!ok)
    g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
                 /* Translators: %s is what was typed */
                 _("“%s” is not a review period: write a quarter as 2026Q3 or a year as 2026"),
                 text != NULL ? text : "");
  return ok;
}

char *
traction_review_period_key (const TractionReviewPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->kind == TRACTION_REVIEW_QBR)
    return g_strdup_printf ("%04dQ%d", period->year, period->quarter);
  return g_strdup_printf ("%04d", period->year);
}

char *
traction_review_period_label (const TractionReviewPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->kind == TRACTION_REVIEW_QBR)
    /* Translators: a calendar quarter, "Q3 2026" */
    return g_strdup_printf (_("Q%d %d"), period->quarter, period->year);
  return g_strdup_printf ("%d", period->year);
}

void
traction_review_period_next (const TractionReviewPeriod *period,
                             TractionReviewPeriod       *out)
{
  g_return_if_fail (period != NULL && out != NULL);

  if (period->kind == TRACTION_REVIEW_QBR)
    {
      if (!traction_review_period_set (TRACTION_REVIEW_QBR,
                                       period->quarter == 4 ? period->year + 1 : period->year,
                                       period->quarter == 4 ? 1 : period->quarter + 1, out))
        *out = *period;
    }
  else if (!traction_review_period_set (TRACTION_REVIEW_EBR, period->year + 1, 0, out))
    *out = *period;
}

GArray *
traction_review_periods_recent (TractionReviewKind  kind,
                                const GDate        *today,
                                guint               n)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (TractionReviewPeriod));
  TractionReviewPeriod period;

  g_return_val_if_fail (today != NULL && g_date_valid (today), periods);

  traction_review_period_containing (kind, today, &period);
  for (guint i = 0; i < n; i++)
    {
      GDate before = period.start;

      g_array_append_val (periods, period);
      if (g_date_get_julian (&before) <= 1)
        break;
      /* The period before: the one containing the day before this one. */
      g_date_subtract_days (&before, 1);
      traction_review_period_containing (kind, &before, &period);
    }
  return periods;
}

guint
traction_review_period_n_months (const TractionReviewPeriod *period)
{
  g_return_val_if_fail (period != NULL, 3);

  return period->kind == TRACTION_REVIEW_QBR ? 3 : 12;
}

static const char * const goal_ids[TRACTION_N_GOAL_STATUSES] = {
  "achieved", "on_track", "at_risk",
};

const char *
traction_goal_status_label (TractionGoalStatus status)
{
  switch (status)
    {
    case TRACTION_GOAL_ACHIEVED:
      return _("Achieved");
    case TRACTION_GOAL_AT_RISK:
      return _("At risk");
    case TRACTION_GOAL_ON_TRACK:
    case TRACTION_N_GOAL_STATUSES:
    default:
      return _("On track");
    }
}

const char *
traction_goal_status_id (TractionGoalStatus status)
{
  return status < TRACTION_N_GOAL_STATUSES ? goal_ids[status] : goal_ids[TRACTION_GOAL_ON_TRACK];
}

TractionGoalStatus
traction_goal_status_from_id (const char *id)
{
  for (guint i = 0; i < TRACTION_N_GOAL_STATUSES; i++)
    if (g_strcmp0 (id, goal_ids[i]) == 0)
      return (TractionGoalStatus) i;
  return TRACTION_GOAL_ON_TRACK;
}
