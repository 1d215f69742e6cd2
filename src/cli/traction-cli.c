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
#include "traction-store-partners.h"
#include "traction-pipeline-review.h"
#include "traction-report.h"
#include "traction-store.h"

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

  if (!parse_options (_("pipeline-review|partner-status"),
                      _("Writes a report as PDF, on A4 or Letter paper as the locale prefers. "
                        "Reports: pipeline-review (the monthly pipeline review), "
                        "partner-status (a design partner's one-page status; see “report partner-status --help”)."),
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
  { "report", N_("Write a report as PDF (pipeline-review, partner-status)"), command_report },
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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
