/* traction-store-export.c: CSV exports (libcsv quoting) and iCalendar
 * (libical).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "traction-store-export.h"
#include "traction-store-private.h"

static const struct {
  const char *id;
  const char *label;
} export_names[TRACTION_N_CSV_EXPORTS] = {
  { "deals", N_("Deals") },
  { "clients", N_("Clients") },
  { "health", N_("Health scores") },
  { "movements", N_("ARR movements") },
};

const char *
traction_csv_export_to_id (TractionCsvExport what)
{
  g_return_val_if_fail (what < TRACTION_N_CSV_EXPORTS, "deals");
  return export_names[what].id;
}

gboolean
traction_csv_export_from_id (const char        *id,
                             TractionCsvExport *out)
{
  for (guint i = 0; id != NULL && i < TRACTION_N_CSV_EXPORTS; i++)
    {
      if (g_str_equal (id, export_names[i].id))
        {
          *out = (TractionCsvExport) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
traction_csv_export_label (TractionCsvExport what)
{
  g_return_val_if_fail (what < TRACTION_N_CSV_EXPORTS, "");
  return _(export_names[what].label);
}

char *
traction_csv_export_file_name (TractionCsvExport  what,
                               const GDate       *today)
{
  char date[16];

  g_return_val_if_fail (what < TRACTION_N_CSV_EXPORTS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  traction_date_format (today, date);
  return g_strdup_printf ("traction-%s-%s.csv", export_names[what].id, date);
}

char *
traction_csv_neutralise (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/* Writing cells */

typedef struct {
  GString  *out;
  gboolean  row_started;
} CsvOut;

static void
cell_raw (CsvOut     *csv,
          const char *text)
{
  if (csv->row_started)
    g_string_append_c (csv->out, ',');
  csv->row_started = TRUE;
  g_string_append (csv->out, text);
}

/* Text: neutralised, then quoted by libcsv (quotes doubled). */
static void
cell_text (CsvOut     *csv,
           const char *text)
{
  g_autofree char *safe = traction_csv_neutralise (text != NULL ? text : "");
  gsize length = strlen (safe);
  gsize size = 2 * length + 2;
  g_autofree char *quoted = g_malloc (size + 1);
  size_t written = csv_write (quoted, size, safe, length);

  quoted[MIN (written, size)] = '\0';
  cell_raw (csv, quoted);
}

static void
cell_cents (CsvOut *csv,
            gint64  cents)
{
  g_autofree char *text = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d",
                                           cents < 0 ? "-" : "",
                                           ABS (cents) / 100, (int) (ABS (cents) % 100));

  cell_raw (csv, text);
}

static void
cell_int (CsvOut *csv,
          gint64  value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  cell_raw (csv, text);
}

static void
end_row (CsvOut *csv)
{
  g_string_append (csv->out, "\r\n");
  csv->row_started = FALSE;
}

static void
header (CsvOut             *csv,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    cell_text (csv, names[i]);
  end_row (csv);
}

static const char *
column_or_empty (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Deals */

static gboolean
export_deals (TractionStore  *self,
              CsvOut         *csv,
              GError        **error)
{
  /* Column names the CSV import recognises, so the file goes back in. */
  static const char * const names[] = {
    "Deal name", "Company", "Stage", "ARR", "Owner", "Source", "Created on",
    "Closed on", "Expected close date", "Loss reason", "Notes", NULL
  };
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT d.name, a.name, d.stage, d.arr_cents, f.name, d.source,"
                                 " d.created_on, d.closed_on, d.expected_close, l.name, d.notes"
                                 " FROM deals d JOIN accounts a ON a.id = d.account_id"
                                 " LEFT JOIN founders f ON f.id = d.owner_id"
                                 " LEFT JOIN loss_reasons l ON l.id = d.loss_reason_id"
                                 " ORDER BY a.name COLLATE NOCASE, d.name COLLATE NOCASE, d.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  header (csv, names);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionStage stage = TRACTION_STAGE_LEAD;
      TractionSource source;
      const char *source_id = column_or_empty (stmt, 5);

      traction_stage_from_id (column_or_empty (stmt, 2), &stage);
      cell_text (csv, column_or_empty (stmt, 0));
      cell_text (csv, column_or_empty (stmt, 1));
      cell_text (csv, traction_stage_label (stage));
      cell_cents (csv, sqlite3_column_int64 (stmt, 3));
      cell_text (csv, column_or_empty (stmt, 4));
      cell_text (csv, traction_source_from_id (source_id, &source) ? traction_source_label (source) : source_id);
      cell_text (csv, column_or_empty (stmt, 6));
      cell_text (csv, column_or_empty (stmt, 7));
      cell_text (csv, column_or_empty (stmt, 8));
      cell_text (csv, column_or_empty (stmt, 9));
      cell_text (csv, column_or_empty (stmt, 10));
      end_row (csv);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the deals"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Clients */

static gboolean
export_clients (TractionStore  *self,
                const GDate    *today,
                CsvOut         *csv,
                GError        **error)
{
  static const char * const names[] = {
    "Company", "Domain", "ARR", "Health score", "Health band", "Health month",
    "Next renewal", "Renewal ARR", NULL
  };
  TractionRules rules;
  sqlite3_stmt *stmt;
  int rc;

  traction_store_get_rules (self, &rules);

  /* A client: an account with ARR movements or a contract. The ARR sums
   * the signed movements up to today. */
  stmt = traction_store_prepare (self,
                                 "SELECT a.id, a.name, a.domain,"
                                 " (SELECT h.score_tenths FROM health_scores h WHERE h.account_id = a.id"
                                 "   ORDER BY h.month DESC LIMIT 1),"
                                 " (SELECT h.month FROM health_scores h WHERE h.account_id = a.id"
                                 "   ORDER BY h.month DESC LIMIT 1),"
                                 " (SELECT c.renewal_on FROM contracts c WHERE c.account_id = a.id"
                                 "   AND c.status = 'active' ORDER BY c.renewal_on LIMIT 1),"
                                 " (SELECT c.arr_cents FROM contracts c WHERE c.account_id = a.id"
                                 "   AND c.status = 'active' ORDER BY c.renewal_on LIMIT 1)"
                                 " FROM accounts a"
                                 " WHERE EXISTS (SELECT 1 FROM arr_movements m WHERE m.account_id = a.id)"
                                 "    OR EXISTS (SELECT 1 FROM contracts c WHERE c.account_id = a.id)"
                                 " ORDER BY a.name COLLATE NOCASE, a.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  header (csv, names);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 account_id = sqlite3_column_int64 (stmt, 0);
      gint64 arr = 0;
      sqlite3_stmt *moves;
      int mrc;

      moves = traction_store_prepare (self,
                                      "SELECT kind, amount_cents FROM arr_movements"
                                      " WHERE account_id = ?1 AND moved_on <= ?2", error);
      if (moves == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_bind_int64 (moves, 1, account_id);
      traction_bind_date (moves, 2, today);
      while ((mrc = sqlite3_step (moves)) == SQLITE_ROW)
        {
          TractionMoveKind kind;

          if (traction_move_kind_from_id (column_or_empty (moves, 0), &kind))
            arr += traction_move_delta (kind, sqlite3_column_int64 (moves, 1));
        }
      if (mrc != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return traction_store_read_failed (self, moves, mrc, _("Could not read the ARR movements"), error);
        }
      sqlite3_reset (moves);

      cell_text (csv, column_or_empty (stmt, 1));
      cell_text (csv, column_or_empty (stmt, 2));
      cell_cents (csv, arr);
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        {
          cell_raw (csv, "");
          cell_raw (csv, "");
          cell_raw (csv, "");
        }
      else
        {
          gint64 tenths = sqlite3_column_int64 (stmt, 3);
          g_autofree char *score = g_strdup_printf ("%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));

          cell_raw (csv, score);
          cell_text (csv, traction_health_band_label (traction_health_band (tenths / 10.0, &rules)));
          cell_text (csv, column_or_empty (stmt, 4));
        }
      cell_text (csv, column_or_empty (stmt, 5));
      if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
        cell_raw (csv, "");
      else
        cell_cents (csv, sqlite3_column_int64 (stmt, 6));
      end_row (csv);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the clients"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Health scores */

static gboolean
export_health (TractionStore  *self,
               CsvOut         *csv,
               GError        **error)
{
  static const char * const names[] = {
    "Company", "Month", "Health score", "Health band", "API volume", "Volume trend",
    "Product breadth", "Ticket volume", "Severity trend", "Team engagement",
    "NPS / satisfaction", "Feedback quality", "Asked about new products",
    "Growing toward next tier", "Referred a prospect", "Scored by", "Notes", NULL
  };
  TractionRules rules;
  sqlite3_stmt *stmt;
  int rc;

  traction_store_get_rules (self, &rules);
  stmt = traction_store_prepare (self,
                                 "SELECT a.name, h.month, h.score_tenths, h.api_volume, h.volume_trend,"
                                 " h.product_breadth, h.ticket_volume, h.severity_trend, h.team_engagement,"
                                 " h.nps_satisfaction, h.feedback_quality, h.asked_new_products,"
                                 " h.growing_next_tier, h.referred_prospect, f.name, h.notes"
                                 " FROM health_scores h JOIN accounts a ON a.id = h.account_id"
                                 " LEFT JOIN founders f ON f.id = h.scored_by_id"
                                 " ORDER BY a.name COLLATE NOCASE, a.id, h.month",
                                 error);
  if (stmt == NULL)
    return FALSE;

  header (csv, names);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 tenths = sqlite3_column_int64 (stmt, 2);
      g_autofree char *score = g_strdup_printf ("%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));

      cell_text (csv, column_or_empty (stmt, 0));
      cell_text (csv, column_or_empty (stmt, 1));
      cell_raw (csv, score);
      cell_text (csv, traction_health_band_label (traction_health_band (tenths / 10.0, &rules)));
      for (int c = 3; c <= 10; c++)
        cell_int (csv, sqlite3_column_int64 (stmt, c));
      for (int c = 11; c <= 13; c++)
        cell_text (csv, sqlite3_column_int (stmt, c) ? _("yes") : _("no"));
      cell_text (csv, column_or_empty (stmt, 14));
      cell_text (csv, column_or_empty (stmt, 15));
      end_row (csv);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the health scores"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* ARR movements, in the format of traction_store_import_movements_csv. */

static gboolean
export_movements (TractionStore  *self,
                  CsvOut         *csv,
                  GError        **error)
{
  static const char * const names[] = { "client", "date", "kind", "amount", NULL };
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT a.name, m.moved_on, m.kind, m.amount_cents"
                                 " FROM arr_movements m JOIN accounts a ON a.id = m.account_id"
                                 " ORDER BY m.moved_on, a.name COLLATE NOCASE, m.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  header (csv, names);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      cell_text (csv, column_or_empty (stmt, 0));
      cell_text (csv, column_or_empty (stmt, 1));
      cell_text (csv, column_or_empty (stmt, 2));
      cell_cents (csv, sqlite3_column_int64 (stmt, 3));
      end_row (csv);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (self, stmt, rc, _("Could not read the ARR movements"), error);
  sqlite3_reset (stmt);
  return TRUE;
}

char *
traction_store_export_csv (TractionStore      *self,
                           TractionCsvExport   what,
                           const GDate        *today,
                           GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  CsvOut csv = { out, FALSE };
  GDate day;
  gboolean ok = FALSE;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (what < TRACTION_N_CSV_EXPORTS, NULL);

  g_date_clear (&day, 1);
  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    traction_date_today (&day);

  switch (what)
    {
    case TRACTION_CSV_EXPORT_DEALS:
      ok = export_deals (self, &csv, error);
      break;
    case TRACTION_CSV_EXPORT_CLIENTS:
      ok = export_clients (self, &day, &csv, error);
      break;
    case TRACTION_CSV_EXPORT_HEALTH:
      ok = export_health (self, &csv, error);
      break;
    case TRACTION_CSV_EXPORT_MOVEMENTS:
      ok = export_movements (self, &csv, error);
      break;
    case TRACTION_N_CSV_EXPORTS:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* iCalendar */

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

static icalcomponent *
all_day_event (const char  *uid,
               const GDate *day,
               const GDate *stamp,
               const char  *summary,
               const char  *description,
               const char  *category)
{
  struct icaltimetype start = ical_date (day);
  struct icaltimetype end = start;
  struct icaltimetype dtstamp = ical_date (stamp);
  icalcomponent *event = icalcomponent_new_vevent ();

  icaltime_adjust (&end, 1, 0, 0, 0);
  /* A date-time: midnight UTC of the stamp's day (a null date leaves the
   * time parts at -1, which libical would write as such). */
  dtstamp.is_date = 0;
  dtstamp.hour = 0;
  dtstamp.minute = 0;
  dtstamp.second = 0;
  dtstamp.zone = icaltimezone_get_utc_timezone ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (description != NULL && description[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories (category));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  return event;
}

static void
add_reminder (icalcomponent *event,
              int            days_before,
              const char    *text)
{
  struct icaltriggertype trigger = { 0 };
  icalcomponent *alarm = icalcomponent_new_valarm ();

  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = days_before > 0;
  trigger.duration.days = (unsigned int) ABS (days_before);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (text));
  icalcomponent_add_component (event, alarm);
}

char *
traction_store_export_ics (TractionStore  *self,
                           const GDate    *today,
                           GError        **error)
{
  g_autofree char *currency = NULL;
  icalcomponent *calendar;
  sqlite3_stmt *stmt;
  GDate day;
  char *ical;
  char *result;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  g_date_clear (&day, 1);
  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    traction_date_today (&day);
  currency = traction_store_get_currency (self);

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Traction//Traction " PACKAGE_VERSION "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *) 0);

  /* Open follow-ups with a due date. */
  stmt = traction_store_prepare (self,
                                 "SELECT n.id, n.action, a.name, d.name, f.name, n.due_on"
                                 " FROM next_steps n JOIN accounts a ON a.id = n.account_id"
                                 " LEFT JOIN deals d ON d.id = n.deal_id"
                                 " LEFT JOIN founders f ON f.id = n.owner_id"
                                 " WHERE n.done_on IS NULL AND n.due_on IS NOT NULL"
                                 " ORDER BY n.due_on, n.id",
                                 error);
  if (stmt == NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uid = g_strdup_printf ("next-step-%" G_GINT64_FORMAT "@traction.local",
                                              (gint64) sqlite3_column_int64 (stmt, 0));
      g_autofree char *summary = g_strdup_printf (_("%s — %s"), column_or_empty (stmt, 1),
                                                  column_or_empty (stmt, 2));
      g_autoptr(GString) description = g_string_new (NULL);
      GDate due;

      traction_column_date (stmt, 5, &due);
      if (!g_date_valid (&due))
        continue;
      if (column_or_empty (stmt, 3)[0] != '\0')
        g_string_append_printf (description, _("Deal: %s\n"), column_or_empty (stmt, 3));
      if (column_or_empty (stmt, 4)[0] != '\0')
        g_string_append_printf (description, _("Owner: %s\n"), column_or_empty (stmt, 4));
      icalcomponent_add_component (calendar,
                                   all_day_event (uid, &due, &day, summary, description->str,
                                                  _("Traction follow-up")));
    }
  if (rc != SQLITE_DONE)
    {
      icalcomponent_free (calendar);
      traction_store_read_failed (self, stmt, rc, _("Could not read the follow-ups"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Renewals of active contracts. */
  stmt = traction_store_prepare (self,
                                 "SELECT c.id, a.name, c.renewal_on, c.arr_cents FROM contracts c"
                                 " JOIN accounts a ON a.id = c.account_id"
                                 " WHERE c.status = 'active' ORDER BY c.renewal_on, c.id",
                                 error);
  if (stmt == NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uid = g_strdup_printf ("renewal-%" G_GINT64_FORMAT "@traction.local",
                                              (gint64) sqlite3_column_int64 (stmt, 0));
      g_autofree char *summary = g_strdup_printf (_("Renewal: %s"), column_or_empty (stmt, 1));
      g_autofree char *arr = traction_money_format (sqlite3_column_int64 (stmt, 3), currency, FALSE);
      g_autofree char *description = g_strdup_printf (_("Contract ARR: %s"), arr);
      icalcomponent *event;
      GDate renewal;

      traction_column_date (stmt, 2, &renewal);
      if (!g_date_valid (&renewal))
        continue;
      event = all_day_event (uid, &renewal, &day, summary, description, _("Traction renewal"));
      add_reminder (event, 30, summary);
      icalcomponent_add_component (calendar, event);
    }
  if (rc != SQLITE_DONE)
    {
      icalcomponent_free (calendar);
      traction_store_read_failed (self, stmt, rc, _("Could not read the contracts"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  ical = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  result = g_strdup (ical);
  free (ical);
  return result;
}

/* File summary */

gboolean
traction_store_file_summary (const char           *path,
                             TractionFileSummary  *out,
                             GError              **error)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM contacts),"
    " (SELECT count(*) FROM deals)";
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    out->modified = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->accounts = (guint) sqlite3_column_int64 (stmt, 0);
      out->contacts = (guint) sqlite3_column_int64 (stmt, 1);
      out->deals = (guint) sqlite3_column_int64 (stmt, 2);
    }
  else
    {
      traction_store_set_error (error, db, rc, _("Could not read the database file"));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_ROW;
}
