/* traction-dates.c: dates, periods and money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-core.h"

/* U+2212 MINUS SIGN: negative amounts read as "−$1,250.00". */
#define MINUS_SIGN "\xe2\x88\x92"

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static int
parse_digits (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

gboolean
traction_date_parse (const char  *text,
                     GDate       *out,
                     GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Exactly "YYYY-MM-DD": strnlen so that a long text is not read whole. */
  if (strnlen (text, 11) != 10 || text[4] != '-' || text[7] != '-')
    goto invalid;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);

  if (year < 1 || month < 1 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    goto invalid;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;

invalid:
  g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
               _("“%s” is not a date. Write dates as year-month-day, for example 2025-03-31."),
               text);
  return FALSE;
}

void
traction_date_format (const GDate *date,
                      char        *buf)
{
  g_return_if_fail (buf != NULL);

  buf[0] = '\0';

  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));
  /* Four-digit years only, so that the text always fits in 11 bytes. */
  g_return_if_fail (g_date_get_year (date) <= 9999);

  g_snprintf (buf, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

char *
traction_date_to_string (const GDate *date)
{
  char buf[11];

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  traction_date_format (date, buf);

  return g_strdup (buf);
}

int
traction_date_diff (const GDate *a,
                    const GDate *b)
{
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  return g_date_days_between (a, b);
}

/* Quarters of a fiscal year that starts on the first of fy_start_month:
 * with fy_start_month 4, Q1 is April-June, Q4 January-March. The quarter
 * containing `date` starts on the first of the latest quarter month that
 * is not after date's month (going back into the previous calendar year
 * when needed) and ends, exclusive, three months later. */
void
traction_quarter_bounds (const GDate *date,
                         int          fy_start_month,
                         GDate       *start,
                         GDate       *end)
{
  int month, year, offset, first_month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (fy_start_month >= 1 && fy_start_month <= 12);
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  month = g_date_get_month (date);
  year = g_date_get_year (date);

  offset = (month - fy_start_month + 12) % 12;        /* months into the fiscal year */
  first_month = month - offset % 3;                   /* may be <= 0 */
  if (first_month < 1)
    {
      first_month += 12;
      year -= 1;
    }

  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, (GDateMonth) first_month, (GDateYear) year);
  *end = *start;
  g_date_add_months (end, 3);
}

void
traction_week_bounds (const GDate *date,
                      GDate       *start,
                      GDate       *end)
{
  GDateWeekday weekday;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  weekday = g_date_get_weekday (date);   /* G_DATE_MONDAY = 1 .. G_DATE_SUNDAY = 7 */
  *start = *date;
  g_date_subtract_days (start, (guint) weekday - G_DATE_MONDAY);
  *end = *start;
  g_date_add_days (end, 7);
}

void
traction_month_bounds (const GDate *date,
                       GDate       *start,
                       GDate       *end)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, g_date_get_month (date), g_date_get_year (date));
  *end = *start;
  g_date_add_months (end, 1);
}

void
traction_date_today (GDate *out)
{
  const char *fixed;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  fixed = g_getenv ("TRACTION_TODAY");
  if (fixed != NULL && traction_date_parse (fixed, out, NULL))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* ------------------------------------------------------------------ */
/* Money                                                               */
/* ------------------------------------------------------------------ */

gboolean
traction_money_parse (const char  *text,
                      gint64      *cents,
                      GError     **error)
{
  const char *p;
  guint64 units = 0;
  guint64 fraction = 0;
  guint n_decimals = 0;
  guint n_digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (p = text; g_ascii_isdigit (*p); p++)
    {
      guint digit = (guint) (*p - '0');

      /* units * 100 must stay within G_MAXINT64 cents. */
      if (units > ((guint64) G_MAXINT64 / 100 - digit) / 10)
        goto too_large;
      units = units * 10 + digit;
      n_digits++;
    }

  if (n_digits == 0)
    goto invalid;

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++n_decimals > 2)
            goto invalid;
          fraction = fraction * 10 + (guint64) (*p - '0');
        }
      if (n_decimals == 0)
        goto invalid;
      if (n_decimals == 1)
        fraction *= 10;
    }

  if (*p != '\0')
    goto invalid;

  if (units * 100 > (guint64) G_MAXINT64 - fraction)
    goto too_large;

  *cents = (gint64) (units * 100 + fraction);

  return TRUE;

invalid:
  g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
               _("“%s” is not an amount. Write digits with at most two decimals after a point, for example 1250.50, without a currency sign or minus."),
               text);
  return FALSE;

too_large:
  g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_OUT_OF_RANGE,
               _("“%s” is too large an amount."), text);
  return FALSE;
}

double
traction_money_to_units (gint64 cents)
{
  return (double) cents / 100.0;
}

/* Symbol written before the amount, and whether the currency has cents. */
static const char *
currency_prefix (const char *currency,
                 gboolean   *has_minor_units)
{
  *has_minor_units = TRUE;

  if (currency == NULL || currency[0] == '\0')
    return "";
  if (g_ascii_strcasecmp (currency, "USD") == 0)
    return "$";
  if (g_ascii_strcasecmp (currency, "EUR") == 0)
    return "€";
  if (g_ascii_strcasecmp (currency, "GBP") == 0)
    return "£";
  if (g_ascii_strcasecmp (currency, "JPY") == 0)
    {
      *has_minor_units = FALSE;
      return "¥";
    }

  return NULL;   /* the code itself, then a space */
}

static const char *
locale_decimal_point (void)
{
  const struct lconv *lc = localeconv ();

  if (lc == NULL || lc->decimal_point == NULL || lc->decimal_point[0] == '\0')
    return ".";

  return lc->decimal_point;
}

/* Whole currency units of a magnitude in cents, rounded half up. */
static guint64
round_to_units (guint64 magnitude)
{
  return magnitude / 100 + (magnitude % 100 >= 50 ? 1 : 0);
}

/* "950", "48K", "1.2M": one decimal below ten of a unit, dropped when it
 * is zero; rounding that reaches 1000 moves to the next unit. */
static void
append_compact (GString *out,
                guint64  units)
{
  static const char * const suffixes[] = { "", "K", "M", "B", "T", "Q" };
  guint scale = 0;
  guint64 divisor = 1;

  if (units < 1000)
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, units);
      return;
    }

  while (scale + 1 < G_N_ELEMENTS (suffixes) && units / divisor >= 1000)
    {
      divisor *= 1000;
      scale++;
    }

  for (;;)
    {
      guint64 tenths = (units / divisor) * 10
                       + ((units % divisor) * 10 + divisor / 2) / divisor;

      if (tenths < 100)
        {
          if (tenths % 10 == 0)
            g_string_append_printf (out, "%" G_GUINT64_FORMAT "%s",
                                    tenths / 10, suffixes[scale]);
          else
            g_string_append_printf (out, "%" G_GUINT64_FORMAT "%s%u%s",
                                    tenths / 10, locale_decimal_point (),
                                    (guint) (tenths % 10), suffixes[scale]);
          return;
        }
      else
        {
          guint64 whole = units / divisor + ((units % divisor) >= (divisor + 1) / 2 ? 1 : 0);

          if (whole >= 1000 && scale + 1 < G_N_ELEMENTS (suffixes))
            {
              divisor *= 1000;
              scale++;
              continue;
            }

          g_string_append_printf (out, "%'" G_GUINT64_FORMAT "%s",
                                  whole, suffixes[scale]);
          return;
        }
    }
}

gboolean
traction_money_parse_input_for (const char  *text,
                                const char  *decimal_point,
                                gint64      *cents,
                                GError     **error)
{
  gboolean comma = g_strcmp0 (decimal_point, ",") == 0;
  static const char * const symbols[] = { "$", "€", "£", "¥" };
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) plain = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  /* The symbol after the amount, as de_DE writes it ("48.000 €"). */
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_suffix (trimmed, symbols[i]) && strlen (trimmed) > strlen (symbols[i]))
      {
        trimmed[strlen (trimmed) - strlen (symbols[i])] = '\0';
        g_strchomp (trimmed);
        if (g_str_has_suffix (trimmed, "\xc2\xa0"))
          trimmed[strlen (trimmed) - 2] = '\0';
        break;
      }
  p = trimmed;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_prefix (p, symbols[i]))
      {
        p += strlen (symbols[i]);
        break;
      }
  if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]) &&
      (p[3] == ' ' || g_ascii_isdigit (p[3])))
    p += 3;
  while (*p == ' ')
    p++;

  plain = g_string_new (NULL);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      next = g_utf8_next_char (p);

      /* A separator counts only between two digits; where the decimal
       * point is a comma, the full stop groups ("48.000,50"). */
      if (((comma ? c == '.' : c == ',') || c == ' ' || c == 0x00A0 || c == 0x202F) &&
          plain->len > 0 && g_ascii_isdigit (plain->str[plain->len - 1]) &&
          g_ascii_isdigit (*next) &&
          /* "4.8" is a slip for 4,8, not 48: a grouping stop takes 3 digits. */
          (!comma || c != '.' ||
           (g_ascii_isdigit (next[1]) && g_ascii_isdigit (next[2]) && !g_ascii_isdigit (next[3]))))
        {
          p = next;
          continue;
        }

      if (comma && c == ',')
        g_string_append_c (plain, '.');
      else if (comma && c == '.')
        break;   /* a full stop that does not group: not an amount here */
      else
        g_string_append_len (plain, p, next - p);
      p = next;
    }

  if (*p != '\0' || !traction_money_parse (plain->str, cents, NULL))
    {
      g_set_error (error, TRACTION_CORE_ERROR, TRACTION_CORE_ERROR_INVALID,
                   comma ? _("“%s” is not an amount. Type a number such as 48000, 48.000 or 48000,50.")
                         : _("“%s” is not an amount. Type a number such as 48000, 48,000 or 48000.50."),
                   trimmed);
      return FALSE;
    }

  return TRUE;
}

gboolean
traction_money_parse_input (const char  *text,
                            gint64      *cents,
                            GError     **error)
{
  return traction_money_parse_input_for (text, locale_decimal_point (), cents, error);
}

TractionSymbolPlace
traction_money_symbol_place (void)
{
  const struct lconv *lc = localeconv ();

  /* CHAR_MAX: the locale does not say (C, POSIX). */
  if (lc != NULL && lc->p_cs_precedes == 0)
    return TRACTION_SYMBOL_AFTER;
  return TRACTION_SYMBOL_BEFORE;
}

char *
traction_money_format_placed (gint64              cents,
                              const char         *currency,
                              gboolean            compact,
                              TractionSymbolPlace place)
{
  GString *out;
  const char *prefix;
  g_autofree char *symbol = NULL;
  gboolean has_minor_units;
  guint64 magnitude;

  out = g_string_new (NULL);

  /* |G_MININT64| does not fit in a gint64. */
  magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  if (cents < 0)
    g_string_append (out, MINUS_SIGN);

  prefix = currency_prefix (currency, &has_minor_units);
  symbol = g_strdup (prefix != NULL ? prefix : currency);
  if (place == TRACTION_SYMBOL_BEFORE)
    {
      g_string_append (out, symbol);
      if (prefix == NULL)
        g_string_append_c (out, ' ');
    }

  if (compact)
    append_compact (out, magnitude / 100);
  else if (!has_minor_units)
    g_string_append_printf (out, "%'" G_GUINT64_FORMAT, round_to_units (magnitude));
  else
    g_string_append_printf (out, "%'" G_GUINT64_FORMAT "%s%02u",
                            magnitude / 100, locale_decimal_point (),
                            (guint) (magnitude % 100));

  if (place == TRACTION_SYMBOL_AFTER)
    {
      /* U+00A0 NO-BREAK SPACE: the symbol never wraps away. */
      g_string_append (out, "\xc2\xa0");
      g_string_append (out, symbol);
    }

  return g_string_free (out, FALSE);
}

char *
traction_money_format (gint64      cents,
                       const char *currency,
                       gboolean    compact)
{
  return traction_money_format_placed (cents, currency, compact, traction_money_symbol_place ());
}
