/* traction-cli.c: `traction-cli COMMAND [OPTIONS]` over the store.
 *
 * Results go to stdout, errors to stderr as "traction-cli: message" with
 * exit status 1 (2 for usage errors). Every command creates the database
 * when it does not exist; a database created by a command that then fails
 * is removed again, so nothing is left half written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "traction-partner-report.h"
#include "traction-health-report.h"
#include "traction-qbr-report.h"
#include "traction-cs-dashboard.h"
#include "traction-prep-sheet.h"
#include "traction-store-qualify.h"
#include "traction-store-partners.h"
#include "traction-pipeline-review.h"
#include "traction-report.h"
#include "traction-store.h"
#include "traction-store-health.h"
#include "traction-store-export.h"
#include "traction-store-import.h"

#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *summary;
  CommandFunc  run;
} Command;

/* Helpers */

static int
usage_error (const char *message)
{
  g_printerr ("traction-cli: %s\n", message);
  return EXIT_USAGE;
}

static int
print_error (const GError *error)
{
  g_printerr ("traction-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

/* Parses the options of a command; argv[0] is the command name.
 * parameter: the positional arguments for --help, or NULL. */
static gboolean
parse_options (const char    *parameter,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* The program name is "traction-cli COMMAND" (set in main), so the
   * usage line reads "traction-cli COMMAND [OPTION…] PARAMETER". */
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_database (const char *database,
                  int        *status)
{
  if (database == NULL || database[0] == '\0')
    {
      *status = usage_error (_("--database FILE is required"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date_option (const char *option,
                   const char *text,
                   GDate      *out,
                   int        *status)
{
  if (!traction_date_parse (text, out, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date (YYYY-MM-DD)"),
                                                  option, text);

      *status = usage_error (message);
      return FALSE;
    }
  return TRUE;
}

/* --today, else traction_date_today (). */
static gboolean
resolve_today (const char *text,
               GDate      *today,
               int        *status)
{
  g_date_clear (today, 1);
  if (text == NULL)
    {
      traction_date_today (today);
      return TRUE;
    }
  return parse_date_option ("--today", text, today, status);
}

static gboolean
parse_count_option (const char *option,
                    const char *text,
                    guint64     max,
                    guint64    *out,
                    int        *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, out, &error))
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a whole number from 0 to %s"),
                                                  option, text, max_text);

      *status = usage_error (message);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  char          *path;
  gboolean       existed;
  TractionStore *store;
} Database;

static gboolean
database_open (Database    *db,
               const char  *path,
               GError     **error)
{
  db->path = g_strdup (path);
  db->existed = g_file_test (path, G_FILE_TEST_EXISTS);
  db->store = traction_store_open (path, TRUE, error);
  return db->store != NULL;
}

/* Closes the database; after a failure, removes it when this command
 * created it, so that no half-made file is left behind. */
static void
database_close (Database *db,
                gboolean  failed)
{
  g_clear_object (&db->store);

  if (failed && !db->existed && db->path != NULL)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (db->path, suffixes[i], NULL);

          g_unlink (file);
        }
    }

  g_clear_pointer (&db->path, g_free);
}

static int
database_fail (Database     *db,
               const GError *error)
{
  database_close (db, TRUE);
  return print_error (error);
}

static gboolean
write_stdout (const char  *text,
              gsize        length,
              GError     **error)
{
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write to the standard output"));
      return FALSE;
    }
  return TRUE;
}

/* demo */

static int
command_demo (int    argc,
              char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the sample history ends (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_options (NULL, _("Writes the sample company into an empty database."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc > 1)
    return usage_error (_("demo takes no arguments"));

  if (!database_open (&db, database, &error) ||
      !traction_store_load_sample (db.store, &today, &error))
    return database_fail (&db, error);

  database_close (&db, FALSE);
  return EXIT_SUCCESS;
}

/* generate */

static int
command_generate (int    argc,
                  char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *deals_text = NULL;
  g_autofree char *clients_text = NULL;
  g_autofree char *movements_text = NULL;
  g_autofree char *months_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autoptr(GError) error = NULL;
  TractionGenerateOptions options = { 0 };
  Database db = { 0 };
  guint64 value = 0;
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "deals", 0, 0, G_OPTION_ARG_STRING, &deals_text, N_("Number of deals (default 1000)"), N_("N") },
    { "clients", 0, 0, G_OPTION_ARG_STRING, &clients_text, N_("Number of clients (default 100)"), N_("N") },
    { "movements", 0, 0, G_OPTION_ARG_STRING, &movements_text, N_("Top the ARR movements up to N (default: as generated)"), N_("N") },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months_text, N_("Months of history (default 24)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Random seed (default 1)"), N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the history ends (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_options (NULL, _("Writes a large generated data set into an empty database (for benchmarks)."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc > 1)
    return usage_error (_("generate takes no arguments"));

  options.deals = 1000;
  options.clients = 100;
  options.months = 24;
  options.seed = 1;
  if (deals_text != NULL)
    {
      if (!parse_count_option ("--deals", deals_text, G_MAXINT, &value, &status))
        return status;
      options.deals = (guint) value;
    }
  if (clients_text != NULL)
    {
      if (!parse_count_option ("--clients", clients_text, G_MAXINT, &value, &status))
        return status;
      options.clients = (guint) value;
    }
  if (movements_text != NULL)
    {
      if (!parse_count_option ("--movements", movements_text, G_MAXINT, &value, &status))
        return status;
      options.movements = (guint) value;
    }
  if (months_text != NULL)
    {
      if (!parse_count_option ("--months", months_text, 1200, &value, &status))
        return status;
      options.months = (guint) value;
    }
  if (seed_text != NULL)
    {
      if (!parse_count_option ("--seed", seed_text, G_MAXUINT64, &value, &status))
        return status;
      options.seed = value;
    }

  if (!database_open (&db, database, &error) ||
      !traction_store_generate (db.store, &options, &today, &error))
    return database_fail (&db, error);

  database_close (&db, FALSE);
  return EXIT_SUCCESS;
}

/* metrics */

/* Currency units as a JSON number, exact: 1250.5 USD is "1250.50". */
static void
append_units (GString *out,
              gint64   cents)
{
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static void
append_double (GString    *out,
               const char *format,
               double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, value));
}

static double
round_tenth (double value)
{
  return round (value * 10.0) / 10.0;
}

static char *
metrics_json (const TractionMetrics *m,
              const TractionRules   *rules)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  char from[16];
  char to[16];

  traction_date_format (&m->from, from);
  traction_date_format (&m->to, to);
  g_string_append_printf (out, "  \"from\": \"%s\",\n  \"to\": \"%s\",\n", from, to);

  g_string_append (out, "  \"pipeline\": {\n");
  for (int s = 0; s < TRACTION_N_STAGES; s++)
    {
      g_string_append_printf (out, "    \"%s\": {\"count\": %d, \"arr\": ",
                              traction_stage_to_id ((TractionStage) s), m->pipeline.count[s]);
      append_units (out, m->pipeline.arr_cents[s]);
      g_string_append (out, s + 1 < TRACTION_N_STAGES ? "},\n" : "}\n");
    }
  g_string_append (out, "  },\n");

#define MONEY_MEMBER(key, cents) \
  G_STMT_START { \
    g_string_append (out, "  \"" key "\": "); \
    append_units (out, (cents)); \
    g_string_append (out, ",\n"); \
  } G_STMT_END

  MONEY_MEMBER ("weighted_pipeline", m->pipeline.weighted_cents_total);
  MONEY_MEMBER ("open_pipeline", m->pipeline.open_cents);
  MONEY_MEMBER ("quarterly_target", rules->quarterly_target_cents);

  g_string_append (out, "  \"coverage\": ");
  if (m->pipeline.coverage < 0 || rules->quarterly_target_cents <= 0)
    g_string_append (out, "null");
  else
    append_double (out, "%.2f", m->pipeline.coverage);
  g_string_append (out, ",\n");

  MONEY_MEMBER ("start_arr", m->retention.start_cents);
  MONEY_MEMBER ("expansion", m->retention.expansion_cents);
  MONEY_MEMBER ("contraction", m->retention.contraction_cents);
  MONEY_MEMBER ("churn", m->retention.churn_cents);
  MONEY_MEMBER ("end_arr", m->retention.end_cents);

#undef MONEY_MEMBER

  g_string_append (out, "  \"nrr\": ");
  if (m->retention.valid)
    append_double (out, "%.1f", round_tenth (m->retention.nrr));
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"grr\": ");
  if (m->retention.valid)
    append_double (out, "%.1f", round_tenth (m->retention.grr));
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n");

  g_string_append_printf (out,
                          "  \"health\": {\"healthy\": %d, \"monitor\": %d, \"at_risk\": %d, "
                          "\"critical\": %d, \"unscored\": %d},\n",
                          m->health_count[TRACTION_BAND_HEALTHY],
                          m->health_count[TRACTION_BAND_MONITOR],
                          m->health_count[TRACTION_BAND_AT_RISK],
                          m->health_count[TRACTION_BAND_CRITICAL],
                          m->health_unscored);

  g_string_append_printf (out, "  \"renewals_due_90d\": {\"count\": %d, \"arr\": ", m->renewals_due);
  append_units (out, m->renewals_arr_cents);
  g_string_append (out, ", \"forecast\": ");
  append_units (out, m->renewals_forecast_cents);
  g_string_append (out, "},\n");

  g_string_append (out, "  \"arr\": ");
  append_units (out, m->arr_cents);
  g_string_append_printf (out, ",\n  \"active_clients\": %u\n}\n", m->active_clients);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  /* Labels are padded by characters, not bytes, so translations line up. */
  glong width = g_utf8_strlen (label, -1);

  g_string_append (out, label);
  for (glong i = width; i < 30; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, " %s\n", value);
}

static char *
percent_text (gboolean valid,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!valid)
    return g_strdup (_("no data"));
  g_ascii_formatd (buf, sizeof buf, "%.1f", round_tenth (value));
  return g_strdup_printf ("%s %%", buf);
}

static char *
metrics_table (const TractionMetrics *m,
               const TractionRules   *rules,
               const char            *currency)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char from[16];
  char to[16];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  traction_date_format (&m->from, from);
  traction_date_format (&m->to, to);
  {
    g_autofree char *period = g_strdup_printf (_("%s to %s (end exclusive)"), from, to);

    append_line (out, _("Period"), period);
  }

  g_string_append_printf (out, "\n%s\n", _("Pipeline"));
  for (int s = 0; s < TRACTION_N_STAGES; s++)
    {
      g_autofree char *label = g_strdup_printf ("  %s", traction_stage_label ((TractionStage) s));
      g_autofree char *arr = traction_money_format (m->pipeline.arr_cents[s], currency, FALSE);
      g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal, %s ARR", "%d deals, %s ARR",
                                                             (gulong) m->pipeline.count[s]),
                                                m->pipeline.count[s], arr);

      append_line (out, label, value);
    }
  {
    g_autofree char *weighted = traction_money_format (m->pipeline.weighted_cents_total, currency, FALSE);
    g_autofree char *open = traction_money_format (m->pipeline.open_cents, currency, FALSE);
    g_autofree char *target = traction_money_format (rules->quarterly_target_cents, currency, FALSE);
    g_autofree char *coverage = NULL;

    if (m->pipeline.coverage < 0 || rules->quarterly_target_cents <= 0)
      coverage = g_strdup (_("no target set"));
    else
      coverage = g_strdup_printf ("%s×", g_ascii_formatd (buf, sizeof buf, "%.2f", m->pipeline.coverage));

    append_line (out, _("Weighted pipeline"), weighted);
    append_line (out, _("Open pipeline"), open);
    append_line (out, _("Quarterly target"),
                 rules->quarterly_target_cents > 0 ? target : _("not set"));
    append_line (out, _("Coverage"), coverage);
  }

  g_string_append_printf (out, "\n%s\n", _("Retention"));
  {
    g_autofree char *start = traction_money_format (m->retention.start_cents, currency, FALSE);
    g_autofree char *expansion = traction_money_format (m->retention.expansion_cents, currency, FALSE);
    g_autofree char *contraction = traction_money_format (m->retention.contraction_cents, currency, FALSE);
    g_autofree char *churn = traction_money_format (m->retention.churn_cents, currency, FALSE);
    g_autofree char *end = traction_money_format (m->retention.end_cents, currency, FALSE);
    g_autofree char *nrr = percent_text (m->retention.valid, m->retention.nrr);
    g_autofree char *grr = percent_text (m->retention.valid, m->retention.grr);
    g_autofree char *cohort = g_strdup_printf ("%u", m->retention.cohort_size);

    append_line (out, _("  Cohort clients"), cohort);
    append_line (out, _("  Cohort start ARR"), start);
    append_line (out, _("  Expansion"), expansion);
    append_line (out, _("  Contraction"), contraction);
    append_line (out, _("  Churn"), churn);
    append_line (out, _("  Cohort end ARR"), end);
    append_line (out, _("  NRR"), nrr);
    append_line (out, _("  GRR"), grr);
  }

  g_string_append_printf (out, "\n%s\n", _("Health"));
  for (int b = 0; b < TRACTION_N_BANDS; b++)
    {
      g_autofree char *label = g_strdup_printf ("  %s", traction_health_band_label ((TractionHealthBand) b));
      g_autofree char *count = g_strdup_printf ("%d", m->health_count[b]);

      append_line (out, label, count);
    }
  {
    g_autofree char *count = g_strdup_printf ("%d", m->health_unscored);

    append_line (out, _("  Unscored"), count);
  }

  {
    g_autofree char *heading = g_strdup_printf (_("Renewals due in %d days"), rules->renewal_window_days);
    g_autofree char *count = g_strdup_printf ("%d", m->renewals_due);
    g_autofree char *arr = traction_money_format (m->renewals_arr_cents, currency, FALSE);
    g_autofree char *forecast = traction_money_format (m->renewals_forecast_cents, currency, FALSE);

    g_string_append_printf (out, "\n%s\n", heading);
    append_line (out, _("  Contracts"), count);
    append_line (out, _("  ARR"), arr);
    append_line (out, _("  Forecast"), forecast);
  }

  {
    g_autofree char *arr = traction_money_format (m->arr_cents, currency, FALSE);
    g_autofree char *active = g_strdup_printf ("%u", m->active_clients);

    g_string_append_c (out, '\n');
    append_line (out, _("ARR"), arr);
    append_line (out, _("Active clients"), active);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
command_metrics (int    argc,
                 char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  TractionMetrics metrics;
  TractionRules rules;
  Database db = { 0 };
  GDate today, from, to;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period (default: start of the current fiscal quarter)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Day after the period (exclusive)"), N_("YYYY-MM-DD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day to compute as of (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  if (!parse_options (NULL, _("Prints pipeline, retention, health and renewal metrics for a period."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc > 1)
    return usage_error (_("metrics takes no arguments"));
  if ((from_text == NULL) != (to_text == NULL))
    return usage_error (_("--from and --to go together"));
  if (from_text != NULL)
    {
      if (!parse_date_option ("--from", from_text, &from, &status) ||
          !parse_date_option ("--to", to_text, &to, &status))
        return status;
      if (g_date_compare (&from, &to) >= 0)
        return usage_error (_("--to must be after --from (the period is [from, to))"));
    }

  memset (&metrics, 0, sizeof metrics);
  if (!database_open (&db, database, &error) ||
      !traction_store_compute_metrics (db.store,
                                       from_text != NULL ? &from : NULL,
                                       to_text != NULL ? &to : NULL,
                                       &today, &metrics, &error))
    return database_fail (&db, error);

  traction_store_get_rules (db.store, &rules);
  currency = traction_store_get_currency (db.store);
  database_close (&db, FALSE);

  text = json ? metrics_json (&metrics, &rules) : metrics_table (&metrics, &rules, currency);
  if (!write_stdout (text, strlen (text), &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* export */

static int
command_export (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  Database db = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Export as JSON (the only format)"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse_options (NULL, _("Exports the whole database."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status))
    return status;
  if (argc > 1)
    return usage_error (_("export takes no arguments"));
  if (!json)
    return usage_error (_("export needs --json (the only format)"));

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  text = traction_store_export_json (db.store, &error);
  if (text == NULL)
    return database_fail (&db, error);
  database_close (&db, FALSE);

  /* g_file_set_contents writes a temporary file and renames it: the
   * destination is either the old file or the whole export. */
  if (out != NULL)
    {
      if (!g_file_set_contents (out, text, -1, &error))
        return print_error (error);
    }
  else if (!write_stdout (text, strlen (text), &error))
    {
      return print_error (error);
    }

  return EXIT_SUCCESS;
}

/* import */

static int
command_import (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  gsize length = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing; must hold no data)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_("JSON export to import"), N_("FILE") },
    { NULL }
  };

  if (!parse_options (NULL, _("Imports a JSON export into a new database."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status))
    return status;
  if (argc > 1)
    return usage_error (_("import takes no arguments"));
  if (json_path == NULL)
    return usage_error (_("import needs --json FILE"));

  if (!g_file_get_contents (json_path, &contents, &length, &error))
    return print_error (error);
  if (length > G_MAXSSIZE)
    return usage_error (_("The file is too large"));

  if (!database_open (&db, database, &error) ||
      !traction_store_import_json (db.store, contents, (gssize) length, &error))
    return database_fail (&db, error);

  database_close (&db, FALSE);
  return EXIT_SUCCESS;
}

/* import-movements */

static int
command_import_movements (int    argc,
                          char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  gsize length = 0;
  guint imported = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { NULL }
  };

  if (!parse_options (_("FILE.csv"),
                      _("Imports ARR movements from CSV with the header client,date,kind,amount. "
                        "The first bad row fails the whole file and nothing is written."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status))
    return status;
  if (argc != 2)
    return usage_error (_("import-movements needs exactly one CSV file"));

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return print_error (error);

  if (!database_open (&db, database, &error) ||
      !traction_store_import_movements_csv (db.store, contents, length, &imported, &error))
    return database_fail (&db, error);

  database_close (&db, FALSE);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u ARR movement.\n", "Imported %u ARR movements.\n", imported),
           imported);
  return EXIT_SUCCESS;
}

/* import-usage */

static int
command_import_usage (int    argc,
                      char **argv)
{
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  guint imported = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { NULL }
  };

  if (!parse_options (_("FILE.csv"),
                      _("Imports monthly usage, tickets and NPS per client from CSV with the header "
                        "client,month,api_volume,plan_volume,last_api_call,tickets_p1,tickets_p2,"
                        "tickets_p3,tickets_p4,last_response,nps, then raises the health alerts "
                        "it triggers. The first bad row fails the whole file and nothing is written."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status))
    return status;
  if (argc != 2)
    return usage_error (_("import-usage needs exactly one CSV file"));

  if (!database_open (&db, database, &error) ||
      !traction_store_import_usage_csv (db.store, argv[1], TRUE, &imported, &error))
    return database_fail (&db, error);

  database_close (&db, FALSE);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u month of usage.\n", "Imported %u months of usage.\n", imported),
           imported);
  return EXIT_SUCCESS;
}

/* import-csv, export-csv, export-ics (data in and out) */

static gboolean
parse_mapping_option (char                **maps,
                      TractionCsvTable     *table,
                      TractionImportField  *mapping,
                      int                  *status)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strrchr (maps[i], '=');
      g_autofree char *column = eq != NULL ? g_strndup (maps[i], (gsize) (eq - maps[i])) : NULL;
      TractionImportField field;
      gboolean found = FALSE;

      if (eq == NULL || !traction_import_field_from_id (eq + 1, &field))
        {
          g_autofree char *message = g_strdup_printf (_("--map: “%s” is not COLUMN=FIELD (fields: company-name, company-domain, contact-name, contact-first-name, contact-last-name, contact-email, contact-phone, contact-title, deal-name, deal-stage, deal-status, deal-amount, deal-close-date, deal-created, deal-lost-reason, notes, ignore)"),
                                                      maps[i]);

          *status = usage_error (message);
          return FALSE;
        }
      for (guint c = 0; c < table->header->len; c++)
        {
          if (g_ascii_strcasecmp (g_ptr_array_index (table->header, c), column) == 0)
            {
              mapping[c] = field;
              found = TRUE;
            }
        }
      if (!found)
        {
          g_autofree char *message = g_strdup_printf (_("--map: the file has no column “%s”"), column);

          *status = usage_error (message);
          return FALSE;
        }
    }
  return TRUE;
}

static int
command_import_csv (int    argc,
                    char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *duplicates_text = NULL;
  g_autofree char *today_text = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *contents = NULL;
  g_autofree TractionImportField *mapping = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(TractionCsvTable) table = NULL;
  g_autoptr(TractionImportPlan) plan = NULL;
  g_autoptr(TractionImportBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  TractionCsvFormat format = TRACTION_CSV_FORMAT_AUTO;
  TractionDuplicates duplicates = TRACTION_DUPLICATES_SKIP;
  gboolean skip_bad = FALSE;
  GPtrArray *problems;
  Database db = { 0 };
  GDate today;
  gsize length = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("hubspot, pipedrive, attio, generic or auto (default)"), N_("FORMAT") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates_text, N_("Same company domain or contact email: skip (default), update or create"), N_("WHAT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Read column COLUMN as FIELD (repeatable)"), N_("COLUMN=FIELD") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad, N_("Import the good rows when some are bad (default: import nothing)"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Date for records without one (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_options (_("FILE.csv"),
                      _("Imports companies, contacts and deals from a CSV export of HubSpot, "
                        "Pipedrive or Attio, or any CSV with --map. All in one transaction: "
                        "a bad row fails the whole file unless --skip-bad."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc != 2)
    return usage_error (_("import-csv needs exactly one CSV file"));
  if (format_text != NULL && !traction_csv_format_from_id (format_text, &format))
    return usage_error (_("--format must be hubspot, pipedrive, attio, generic or auto"));
  if (duplicates_text != NULL)
    {
      if (g_str_equal (duplicates_text, "skip"))
        duplicates = TRACTION_DUPLICATES_SKIP;
      else if (g_str_equal (duplicates_text, "update"))
        duplicates = TRACTION_DUPLICATES_UPDATE;
      else if (g_str_equal (duplicates_text, "create"))
        duplicates = TRACTION_DUPLICATES_CREATE;
      else
        return usage_error (_("--duplicates must be skip, update or create"));
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return print_error (error);
  table = traction_csv_table_parse (contents, length, &error);
  if (table == NULL)
    return print_error (error);
  if (format == TRACTION_CSV_FORMAT_AUTO)
    format = traction_csv_detect_format (table);
  mapping = traction_csv_guess_mapping (table, format);
  if (!parse_mapping_option (maps, table, mapping, &status))
    return status;
  plan = traction_import_plan_new (table, mapping);

  for (guint c = 0; c < table->header->len; c++)
    {
      if (mapping[c] == TRACTION_IMPORT_IGNORE)
        g_printerr (_("traction-cli: column “%s” is not imported (use --map to import it)\n"),
                    (const char *) g_ptr_array_index (table->header, c));
    }

  problems = traction_import_plan_get_notices (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      const TractionImportProblem *p = g_ptr_array_index (problems, i);

      g_printerr (_("traction-cli: line %u: %s\n"), p->line, p->reason);
    }
  problems = traction_import_plan_get_bad_rows (plan);
  if (skip_bad)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const TractionImportProblem *p = g_ptr_array_index (problems, i);

          g_printerr (_("traction-cli: line %u left out: %s\n"), p->line, p->reason);
        }
    }

  if (!database_open (&db, database, &error) ||
      !traction_store_import_plan (db.store, plan, duplicates, skip_bad, &today,
                                   NULL, NULL, &batch, &error))
    return database_fail (&db, error);
  database_close (&db, FALSE);

  summary = traction_import_counts_describe (traction_import_batch_get_counts (batch));
  g_print (_("Format: %s (%s). %s\n"), traction_csv_format_label (format), table->encoding, summary);
  return EXIT_SUCCESS;
}

static gboolean
write_output (const char  *out,
              const char  *text,
              GError     **error)
{
  /* g_file_set_contents writes a temporary file and renames it. */
  if (out != NULL)
    return g_file_set_contents (out, text, -1, error);
  return write_stdout (text, strlen (text), error);
}

static int
command_export_csv (int    argc,
                    char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *what_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TractionCsvExport what;
  Database db = { 0 };
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what_text, N_("deals, clients, health or movements"), N_("WHAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the ARR and renewals are taken as of (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_options (NULL, _("Exports deals, clients, health scores or ARR movements as CSV for a spreadsheet."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc > 1)
    return usage_error (_("export-csv takes no arguments"));
  if (what_text == NULL || !traction_csv_export_from_id (what_text, &what))
    return usage_error (_("export-csv needs --what deals, clients, health or movements"));

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  text = traction_store_export_csv (db.store, what, &today, &error);
  if (text == NULL)
    return database_fail (&db, error);
  database_close (&db, FALSE);

  if (!write_output (out, text, &error))
    return print_error (error);
  return EXIT_SUCCESS;
}

static int
command_export_ics (int    argc,
                    char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *out = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE.ics") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day written as the export's time stamp (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_options (NULL, _("Exports open follow-ups and contract renewals as an iCalendar file."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc > 1)
    return usage_error (_("export-ics takes no arguments"));

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  text = traction_store_export_ics (db.store, &today, &error);
  if (text == NULL)
    return database_fail (&db, error);
  database_close (&db, FALSE);

  if (!write_output (out, text, &error))
    return print_error (error);
  return EXIT_SUCCESS;
}

/* report */

/* "2026-10" into year and month. */
static gboolean
parse_month_option (const char *text,
                    int        *year,
                    int        *month,
                    int        *status)
{
  guint64 y = 0, m = 0;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    goto bad;
  {
    char year_text[5];

    memcpy (year_text, text, 4);
    year_text[4] = '\0';
    if (!g_ascii_string_to_unsigned (year_text, 10, 1, 9998, &y, NULL) ||
        !g_ascii_string_to_unsigned (text + 5, 10, 1, 12, &m, NULL))
      goto bad;
  }
  *year = (int)y;
  *month = (int)m;
  return TRUE;

bad:
  {
    g_autofree char *message = g_strdup_printf (_("--month: “%s” is not a month (YYYY-MM)"),
                                                text != NULL ? text : "");

    *status = usage_error (message);
    return FALSE;
  }
}

/* The PDF a report writes: --out (out), else the one file given after
 * the report's name (argv: "report", NAME, [FILE.pdf]). FALSE with a
 * usage error in *status when there are two or none. */
static gboolean
report_output (int          argc,
               char       **argv,
               const char  *name,
               const char  *out,
               const char **path,
               int         *status)
{
  *path = NULL;
  for (int i = 1; i < argc; i++)
    {
      if (i == 1 && g_str_equal (argv[i], name))
        continue;
      if (*path != NULL || out != NULL)
        {
          /* Translators: %s is a report's name, "cs-dashboard" */
          g_autofree char *message = g_strdup_printf (_("report %s takes one output file"), name);

          *status = usage_error (message);
          return FALSE;
        }
      *path = argv[i];
    }
  if (out != NULL)
    *path = out;
  if (*path == NULL || (*path)[0] == '\0')
    {
      /* Translators: %s is a report's name, "cs-dashboard" */
      g_autofree char *message = g_strdup_printf (_("report %s needs an output file (OUTPUT.pdf or --out FILE.pdf)"),
                                                  name);

      *status = usage_error (message);
      return FALSE;
    }
  return TRUE;
}

/* report partner-status: the one-page design-partner status. */
static int
command_report_partner_status (int    argc,
                               char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *company = NULL;
  g_autoptr(TractionPartnerReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  gint64 partner_id = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("Name of the design partner"), N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the status is taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };

  if (!parse_options (_("partner-status"),
                      _("Writes the one-page status of a design partner as PDF, for its feedback session."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (partner == NULL || partner[0] == '\0')
    return usage_error (_("report partner-status needs --partner NAME"));
  if (out == NULL || out[0] == '\0')
    return usage_error (_("report needs --out FILE.pdf"));

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  if (!traction_store_find_partner (db.store, partner, &partner_id, &error) ||
      (report = traction_partner_report_new (db.store, partner_id, &today, &error)) == NULL)
    return database_fail (&db, error);
  company = traction_store_get_company_name (db.store);
  database_close (&db, FALSE);

  if (!traction_report_write_pdf (traction_partner_report_spec (), report, company,
                                  traction_paper_from_locale (), out, &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* report call-prep / qualification: the one-page sheets of a deal. */
static int
command_report_sheet (int               argc,
                      char            **argv,
                      TractionSheetKind kind)
{
  g_autofree char *database = NULL;
  g_autofree char *deal = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *company = NULL;
  g_autoptr(TractionPrepSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  const char *path = NULL;
  gint64 deal_id = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "deal", 0, 0, G_OPTION_ARG_STRING, &deal, N_("Name of the deal or of its company"), N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the sheet is taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write (or give it last)"), N_("FILE.pdf") },
    { NULL }
  };

  if (!parse_options (kind == TRACTION_SHEET_CALL_PREP ? _("call-prep [FILE.pdf]") : _("qualification [FILE.pdf]"),
                      kind == TRACTION_SHEET_CALL_PREP
                        ? _("Writes the one-page call prep sheet of a deal as PDF.")
                        : _("Writes the one-page qualification sheet of a deal (its latest BANT+SPIN scoring) as PDF."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (deal == NULL || deal[0] == '\0')
    return usage_error (_("report call-prep and qualification need --deal NAME"));
  if (!report_output (argc, argv, kind == TRACTION_SHEET_CALL_PREP ? "call-prep" : "qualification", out,
                      &path, &status))
    return status;

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  if (!traction_store_find_deal (db.store, deal, &deal_id, &error) ||
      (sheet = traction_prep_sheet_new (db.store, deal_id, kind, &today, &error)) == NULL)
    return database_fail (&db, error);
  company = traction_store_get_company_name (db.store);
  database_close (&db, FALSE);

  if (!traction_report_write_pdf (traction_prep_sheet_spec (), sheet, company,
                                  traction_paper_from_locale (), path, &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* report cs-dashboard: the CS dashboard (DOMAIN.md §7) for a period. */
static int
command_report_cs_dashboard (int    argc,
                             char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *company = NULL;
  g_autoptr(TractionCsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today, from, to;
  const char *path = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period (default: the current quarter)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Day after the period (exclusive)"), N_("YYYY-MM-DD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day health and renewals are taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };

  if (!parse_options (_("cs-dashboard [OUTPUT.pdf]"),
                      _("Writes the CS dashboard (NRR, GRR, churn, expansion, health, renewals, "
                        "bridge, cohorts) as PDF; the figures are those of “metrics” for the same period."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (!report_output (argc, argv, "cs-dashboard", out, &path, &status))
    return status;
  if ((from_text == NULL) != (to_text == NULL))
    return usage_error (_("--from and --to go together"));
  if (from_text != NULL)
    {
      if (!parse_date_option ("--from", from_text, &from, &status) ||
          !parse_date_option ("--to", to_text, &to, &status))
        return status;
      if (g_date_compare (&from, &to) >= 0)
        return usage_error (_("--to must be after --from (the period is [from, to))"));
    }

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  dashboard = traction_cs_dashboard_new (db.store, from_text != NULL ? &from : NULL,
                                         from_text != NULL ? &to : NULL, &today, &error);
  if (dashboard == NULL)
    return database_fail (&db, error);
  company = traction_store_get_company_name (db.store);
  database_close (&db, FALSE);

  if (!traction_report_write_pdf (traction_cs_dashboard_spec (), dashboard, company,
                                  traction_paper_from_locale (), path, &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* report client-health: the health heatmap of every client, or one
 * client's health summary with --client. */
static int
command_report_client_health (int    argc,
                              char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *client = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *company = NULL;
  g_autoptr(TractionHealthReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  const char *path = NULL;
  gint64 account_id = 0;
  int months = 12;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &client, N_("One client's health summary instead of the heatmap"), N_("NAME") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Months in the heatmap, ending with today's (default: 12)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day health is taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };

  if (!parse_options (_("client-health [OUTPUT.pdf]"),
                      _("Writes client health as PDF: the heatmap of every client by month, "
                        "or with --client one client's one-page health summary."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (!report_output (argc, argv, "client-health", out, &path, &status))
    return status;
  if (months < 1 || months > 120)
    return usage_error (_("--months must be from 1 to 120"));

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  if (client != NULL)
    {
      if (!traction_health_report_find_client (db.store, client, &today, &account_id, &error) ||
          (report = traction_health_report_new_client (db.store, account_id, &today, &error)) == NULL)
        return database_fail (&db, error);
    }
  else if ((report = traction_health_report_new_heatmap (db.store, &today, (guint) months, &error)) == NULL)
    return database_fail (&db, error);
  company = traction_store_get_company_name (db.store);
  database_close (&db, FALSE);

  if (!traction_report_write_pdf (traction_health_report_spec (), report, company,
                                  traction_paper_from_locale (), path, &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* report qbr / ebr: a client's quarterly or annual business review. */
static int
command_report_business_review (int                argc,
                                char             **argv,
                                TractionReviewKind kind)
{
  g_autofree char *database = NULL;
  g_autofree char *client = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  TractionReviewPeriod period;
  GDate today;
  const char *path = NULL;
  const char *name = kind == TRACTION_REVIEW_QBR ? "qbr" : "ebr";
  gint64 account_id = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &client, N_("Name of the client"), N_("NAME") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter, N_("Quarter of a QBR (default: the current one)"), N_("YYYYQN") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("Year of an EBR (default: the current one)"), N_("YYYY") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the review is taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write (or give it last)"), N_("FILE.pdf") },
    { NULL }
  };

  if (!parse_options (kind == TRACTION_REVIEW_QBR ? _("qbr [OUTPUT.pdf]") : _("ebr [OUTPUT.pdf]"),
                      kind == TRACTION_REVIEW_QBR
                        ? _("Writes a client’s quarterly business review (seven landscape pages) as PDF.")
                        : _("Writes a client’s annual business review (five landscape pages) as PDF."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (!report_output (argc, argv, name, out, &path, &status))
    return status;
  if (client == NULL || client[0] == '\0')
    return usage_error (_("report qbr and ebr need --client NAME"));
  if (kind == TRACTION_REVIEW_QBR ? year != NULL : quarter != NULL)
    return usage_error (kind == TRACTION_REVIEW_QBR ? _("report qbr takes --quarter, not --year")
                                                    : _("report ebr takes --year, not --quarter"));
  if (quarter != NULL || year != NULL)
    {
      if (!traction_review_period_parse (quarter != NULL ? quarter : year, &period, &error) ||
          period.kind != kind)
        {
          g_autofree char *message = error != NULL ? g_strdup (error->message)
            : g_strdup_printf (_("“%s” is not a quarter: write it as 2026Q3"), quarter);
          return usage_error (message);
        }
    }
  else
    traction_review_period_containing (kind, &today, &period);

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  if (!traction_health_report_find_client (db.store, client, &today, &account_id, &error) ||
      !traction_qbr_report_write (db.store, account_id, &period, &today, traction_paper_from_locale (), path, &error))
    return database_fail (&db, error);
  database_close (&db, FALSE);
  return EXIT_SUCCESS;
}

static int
command_report (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *company = NULL;
  g_autoptr(TractionPipelineReview) review = NULL;
  g_autoptr(GError) error = NULL;
  Database db = { 0 };
  GDate today;
  int year = 0, month = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Database file (created when missing)"), N_("FILE") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("Month to review (default: the month of today)"), N_("YYYY-MM") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Day the open pipeline is taken as of (default: today)"), N_("YYYY-MM-DD") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "partner-status"))
      return command_report_partner_status (argc, argv);
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "cs-dashboard"))
      return command_report_cs_dashboard (argc, argv);
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "client-health"))
      return command_report_client_health (argc, argv);
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "qbr") || g_str_equal (argv[i], "ebr"))
      return command_report_business_review (argc, argv, g_str_equal (argv[i], "qbr")
                                                           ? TRACTION_REVIEW_QBR : TRACTION_REVIEW_EBR);
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "call-prep") || g_str_equal (argv[i], "qualification"))
      return command_report_sheet (argc, argv, g_str_equal (argv[i], "call-prep")
                                                 ? TRACTION_SHEET_CALL_PREP : TRACTION_SHEET_QUALIFICATION);

  if (!parse_options (_("pipeline-review|partner-status"),
                      _("Writes a report as PDF, on A4 or Letter paper as the locale prefers. "
                        "Reports: pipeline-review (the monthly pipeline review), "
                        "partner-status (a design partner's one-page status; see “report partner-status --help”), "
                        "call-prep and qualification (a deal's one-page sheets; see “report call-prep --help”), "
                        "cs-dashboard, client-health, qbr and ebr (a client's business reviews; see “report qbr --help”)."),
                      entries, &argc, &argv, &status) ||
      !require_database (database, &status) ||
      !resolve_today (today_text, &today, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "pipeline-review"))
    return usage_error (_("report needs the name of a report: pipeline-review or partner-status"));
  if (out == NULL || out[0] == '\0')
    return usage_error (_("report needs --out FILE.pdf"));
  if (month_text != NULL)
    {
      if (!parse_month_option (month_text, &year, &month, &status))
        return status;
    }
  else
    {
      year = g_date_get_year (&today);
      month = g_date_get_month (&today);
    }

  if (!database_open (&db, database, &error))
    return database_fail (&db, error);
  review = traction_store_load_pipeline_review (db.store, year, month, &today, &error);
  if (review == NULL)
    return database_fail (&db, error);
  company = traction_store_get_company_name (db.store);
  database_close (&db, FALSE);

  if (!traction_report_write_pdf (traction_pipeline_review_report (), review, company,
                                  traction_paper_from_locale (), out, &error))
    return print_error (error);

  return EXIT_SUCCESS;
}

/* main */

static const Command commands[] = {
  { "demo", N_("Write the sample company into a database"), command_demo },
  { "generate", N_("Write a large generated data set (benchmarks)"), command_generate },
  { "metrics", N_("Print pipeline, retention, health and renewal metrics"), command_metrics },
  { "export", N_("Export the whole database as JSON"), command_export },
  { "import", N_("Import a JSON export into a new database"), command_import },
  { "import-movements", N_("Import ARR movements from CSV"), command_import_movements },
  { "import-usage", N_("Import monthly usage, tickets and NPS from CSV"), command_import_usage },
  { "import-csv", N_("Import companies, contacts and deals from CSV (HubSpot, Pipedrive, Attio)"), command_import_csv },
  { "export-csv", N_("Export deals, clients, health scores or ARR movements as CSV"), command_export_csv },
  { "export-ics", N_("Export follow-ups and renewals as an iCalendar file"), command_export_ics },
  { "report", N_("Write a report as PDF (pipeline-review, partner-status, call-prep, qualification, cs-dashboard, client-health, qbr, ebr)"), command_report },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: traction-cli COMMAND [OPTIONS]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-18s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n%s\n",
           _("Run “traction-cli COMMAND --help” for the options of a command."),
           _("Other options: --help, --version"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* TRACTION_LOCALEDIR: the translations of a build that is not
   * installed (make run, the tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRACTION_LOCALEDIR") != NULL ? g_getenv ("TRACTION_LOCALEDIR")
                                                                         : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("traction-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strconcat ("traction-cli ", commands[i].name, NULL);

          /* Once per process, before GOption would set it from argv[0]. */
          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”; run “traction-cli --help” for the list"),
                                                argv[1]);

    return usage_error (message);
  }
}
