/* test-dataio.c: CRM CSV import (formats, encodings, duplicates, bad rows,
 * undo), CSV exports with formula neutralising, iCalendar export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libical/ical.h>
#include <string.h>

#include "test-util.h"
#include "traction-store-export.h"
#include "traction-store-import.h"

typedef struct {
  char          *dir;
  TractionStore *store;
  GDate          today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = traction_test_make_dir ("traction-dataio");
  path = g_build_filename (fixture->dir, "t.db", NULL);
  fixture->store = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 22, 11, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  traction_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static TractionCsvTable *
parse (const char *data,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  TractionCsvTable *table = traction_csv_table_parse (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Imports text with the detected format; returns the batch. */
static TractionImportBatch *
import_text (Fixture            *fixture,
             const char         *data,
             gsize               length,
             TractionDuplicates  duplicates,
             gboolean            skip_bad,
             GError            **error)
{
  g_autoptr(TractionCsvTable) table = parse (data, length);
  g_autofree TractionImportField *mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_AUTO);
  g_autoptr(TractionImportPlan) plan = traction_import_plan_new (table, mapping);
  TractionImportBatch *batch = NULL;

  if (!traction_store_import_plan (fixture->store, plan, duplicates, skip_bad, &fixture->today,
                                   NULL, NULL, &batch, error))
    return NULL;
  return batch;
}

static TractionImportBatch *
import_file (Fixture            *fixture,
             const char         *name,
             TractionDuplicates  duplicates)
{
  gsize length = 0;
  g_autofree char *data = read_data (name, &length);
  g_autoptr(GError) error = NULL;
  TractionImportBatch *batch = import_text (fixture, data, length, duplicates, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return traction_test_query_int (fixture->store, sql);
}

static void
test_detect (void)
{
  static const struct {
    const char        *file;
    TractionCsvFormat  format;
    const char        *encoding;
    char               delimiter;
  } cases[] = {
    { "hubspot-deals.csv", TRACTION_CSV_FORMAT_HUBSPOT, "UTF-8 (BOM)", ',' },
    { "hubspot-contacts.csv", TRACTION_CSV_FORMAT_HUBSPOT, "UTF-8", ',' },
    { "hubspot-companies.csv", TRACTION_CSV_FORMAT_HUBSPOT, "UTF-8", ',' },
    { "pipedrive-deals.csv", TRACTION_CSV_FORMAT_PIPEDRIVE, "UTF-8", ',' },
    { "attio-deals.csv", TRACTION_CSV_FORMAT_ATTIO, "UTF-8", ',' },
    { "attio-companies.csv", TRACTION_CSV_FORMAT_ATTIO, "UTF-8", ',' },
    { "excel-windows-1252.csv", TRACTION_CSV_FORMAT_GENERIC, "Windows-1252", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = 0;
      g_autofree char *data = read_data (cases[i].file, &length);
      g_autoptr(TractionCsvTable) table = parse (data, length);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpint (traction_csv_detect_format (table), ==, cases[i].format);
      g_assert_cmpstr (table->encoding, ==, cases[i].encoding);
      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
    }
}

static void
test_mapping (void)
{
  gsize length = 0;
  g_autofree char *data = read_data ("attio-deals.csv", &length);
  g_autoptr(TractionCsvTable) table = parse (data, length);
  g_autofree TractionImportField *mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_AUTO);

  /* Record ID,Name,Deal stage,Deal owner,Deal value,Associated company,... */
  g_assert_cmpint (mapping[0], ==, TRACTION_IMPORT_IGNORE);
  g_assert_cmpint (mapping[1], ==, TRACTION_IMPORT_DEAL_NAME);
  g_assert_cmpint (mapping[2], ==, TRACTION_IMPORT_DEAL_STAGE);
  g_assert_cmpint (mapping[4], ==, TRACTION_IMPORT_DEAL_AMOUNT);
  g_assert_cmpint (mapping[5], ==, TRACTION_IMPORT_COMPANY_NAME);
}

static void
test_stages (void)
{
  static const struct {
    const char    *text;
    TractionStage  stage;
    gboolean       known;
  } cases[] = {
    { "Appointment Scheduled", TRACTION_STAGE_QUALIFIED, TRUE },
    { "qualifiedtobuy", TRACTION_STAGE_QUALIFIED, TRUE },
    { "Presentation Scheduled", TRACTION_STAGE_DISCOVERY, TRUE },
    { "Decision Maker Bought-In", TRACTION_STAGE_PROPOSAL, TRUE },
    { "Contract Sent", TRACTION_STAGE_NEGOTIATION, TRUE },
    { "Closed Won", TRACTION_STAGE_WON, TRUE },
    { "closedlost", TRACTION_STAGE_LOST, TRUE },
    { "Demo Scheduled", TRACTION_STAGE_DISCOVERY, TRUE },
    { "Negotiations Started", TRACTION_STAGE_NEGOTIATION, TRUE },
    { "Won 🎉", TRACTION_STAGE_WON, TRUE },
    { "In Progress", TRACTION_STAGE_DISCOVERY, TRUE },
    { "Waiting on legal", TRACTION_STAGE_LEAD, FALSE },
    { "", TRACTION_STAGE_LEAD, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TractionStage stage = TRACTION_STAGE_WON;

      g_assert_cmpint (traction_import_stage_from_text (cases[i].text, &stage), ==, cases[i].known);
      g_assert_cmpint (stage, ==, cases[i].stage);
    }
}

static void
test_hubspot (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TractionImportBatch) companies = import_file (fixture, "hubspot-companies.csv", TRACTION_DUPLICATES_SKIP);
  g_autoptr(TractionImportBatch) contacts = import_file (fixture, "hubspot-contacts.csv", TRACTION_DUPLICATES_SKIP);
  g_autoptr(TractionImportBatch) deals = import_file (fixture, "hubspot-deals.csv", TRACTION_DUPLICATES_SKIP);
  const TractionImportCounts *counts = traction_import_batch_get_counts (deals);
  g_autofree char *name = NULL;

  g_assert_cmpuint (traction_import_batch_get_counts (companies)->created[TRACTION_IMPORT_COMPANIES], ==, 3);
  /* Contacts of Acme and Globex go to the companies already there (by
   * name); a gmail contact gets an account of their own, sam@newco.io one
   * named after the domain. */
  g_assert_cmpuint (traction_import_batch_get_counts (contacts)->created[TRACTION_IMPORT_CONTACTS], ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts c JOIN accounts a ON a.id = c.account_id"
                                   " WHERE a.domain = 'globex.com' AND c.email = 'jon@globex.com'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts WHERE name = 'newco.io' AND domain = 'newco.io'"), ==, 1);

  g_assert_cmpuint (counts->created[TRACTION_IMPORT_DEALS], ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 6);
  g_assert_cmpint (count (fixture, "SELECT arr_cents FROM deals WHERE name = 'Globex, EU expansion'"), ==, 12000050);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Initech \"Phase 2\"' AND stage = 'won'"
                                   " AND closed_on = '2026-10-02' AND created_on = '2026-06-01'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals d JOIN loss_reasons l ON l.id = d.loss_reason_id"
                                   " WHERE d.stage = 'lost' AND l.name = 'Competitor selected'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Hooli\nmulti-line name' AND stage = 'discovery'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Stark renewal' AND stage = 'lead'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stage_changes"), ==, 6);
  /* Companies of the deals export that exist are used, not doubled. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts WHERE name = 'Acme Corp'"), ==, 1);
  name = traction_test_query_text (fixture->store,
                                   "SELECT a.name FROM deals d JOIN accounts a ON a.id = d.account_id"
                                   " WHERE d.name = 'Acme Payments rollout'");
  g_assert_cmpstr (name, ==, "Acme Corp");
}

static void
test_notices (void)
{
  gsize length = 0;
  g_autofree char *data = read_data ("hubspot-deals.csv", &length);
  g_autoptr(TractionCsvTable) table = parse (data, length);
  g_autofree TractionImportField *mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_HUBSPOT);
  g_autoptr(TractionImportPlan) plan = traction_import_plan_new (table, mapping);
  GPtrArray *notices = traction_import_plan_get_notices (plan);
  const TractionImportProblem *notice;

  g_assert_cmpuint (traction_import_plan_get_bad_rows (plan)->len, ==, 0);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = g_ptr_array_index (notices, 0);
  /* The Hooli row spans lines 6 and 7: Stark is on line 8. */
  g_assert_cmpuint (notice->line, ==, 8);
  g_assert_nonnull (strstr (notice->reason, "Waiting on legal"));
}

static void
test_pipedrive_attio (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractionImportBatch) pipedrive = import_file (fixture, "pipedrive-deals.csv", TRACTION_DUPLICATES_SKIP);
  g_autoptr(TractionImportBatch) attio_companies = import_file (fixture, "attio-companies.csv", TRACTION_DUPLICATES_SKIP);
  g_autoptr(TractionImportBatch) attio = import_file (fixture, "attio-deals.csv", TRACTION_DUPLICATES_SKIP);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Tyrell data feed' AND stage = 'won'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals d JOIN loss_reasons l ON l.id = d.loss_reason_id"
                                   " WHERE d.name = 'Soylent trial' AND l.name = 'No budget'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Wonka sandbox' AND stage = 'discovery'"
                                   " AND expected_close = '2027-01-15'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts WHERE email = 'charlie@wonka.com'"), ==, 1);
  /* Attio: first of several domains; "Won 🎉" is Won; Vandelay's deal goes
   * to the company imported just before. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts WHERE domain = 'vandelay.com'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals WHERE name = 'Kramerica' AND stage = 'won'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id"
                                   " WHERE d.name = 'Vandelay import' AND a.domain = 'vandelay.com'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT created_on = '2026-10-01' FROM deals WHERE name = 'Vandelay import'"), ==, 1);
}

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractionImportBatch) batch = import_file (fixture, "excel-windows-1252.csv", TRACTION_DUPLICATES_SKIP);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts WHERE name = 'Müller GmbH'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts WHERE name = 'Jürgen Bär'"), ==, 1);
  /* "12.500,50" and a day-first date in a semicolon file. */
  g_assert_cmpint (count (fixture, "SELECT arr_cents FROM deals WHERE name = 'Zahlungsplattform'"), ==, 1250050);
  g_assert_cmpint (count (fixture, "SELECT expected_close = '2027-02-01' FROM deals WHERE name = 'Pilot; Phase 1'"), ==, 1);
}

static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  gsize length = 0;
  g_autofree char *text = read_data ("bad-rows.csv", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionImportBatch) none = import_text (fixture, text, length, TRACTION_DUPLICATES_SKIP, FALSE, &error);
  g_autoptr(TractionImportBatch) good = NULL;

  /* Good ones or none: first none, with every bad line named. */
  g_assert_null (none);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3:"));
  g_assert_nonnull (strstr (error->message, "Line 4:"));
  g_assert_nonnull (strstr (error->message, "Line 5:"));
  g_assert_nonnull (strstr (error->message, "Line 7:"));
  g_assert_null (strstr (error->message, "Line 2:"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 0);
  g_clear_error (&error);

  good = import_text (fixture, text, length, TRACTION_DUPLICATES_SKIP, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (traction_import_batch_get_counts (good)->created[TRACTION_IMPORT_DEALS], ==, 2);
  g_assert_cmpuint (traction_import_batch_get_counts (good)->bad_rows, ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 2);
}

static void
test_malformed (void)
{
  static const char * const inputs[] = {
    "",
    "   \n\n",
    "Company,Email\n\"Acme,acme@x.com\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TractionCsvTable) table = traction_csv_table_parse (inputs[i], strlen (inputs[i]), &error);

      g_assert_null (table);
      g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
    }
}

static const char dup_original[] =
  "Company,Domain,Email,Contact,Title,Deal,Stage,Amount\n"
  "Acme,acme.com,maria@acme.com,Maria Lopez,CTO,Rollout,Proposal,1000\n";
static const char dup_again[] =
  "Company,Domain,Email,Contact,Title,Deal,Stage,Amount\n"
  "Acme Inc,https://acme.com,MARIA@acme.com,Maria López,VP Engineering,Rollout,Negotiation,2000\n"
  "Acme Inc,acme.com,new@acme.com,New Person,,Second deal,Lead,500\n";

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionImportBatch) first = import_text (fixture, dup_original, strlen (dup_original),
                                                      TRACTION_DUPLICATES_SKIP, FALSE, &error);
  g_autoptr(TractionImportBatch) skip = NULL;
  g_autoptr(TractionImportBatch) update = NULL;
  g_autoptr(TractionImportBatch) create = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);

  /* skip: Acme and Maria stay as they were; the new deal and contact go
   * to the Acme that exists. */
  skip = import_text (fixture, dup_again, strlen (dup_again), TRACTION_DUPLICATES_SKIP, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (traction_import_batch_get_counts (skip)->skipped[TRACTION_IMPORT_COMPANIES], ==, 1);
  g_assert_cmpuint (traction_import_batch_get_counts (skip)->skipped[TRACTION_IMPORT_CONTACTS], ==, 1);
  g_assert_cmpuint (traction_import_batch_get_counts (skip)->skipped[TRACTION_IMPORT_DEALS], ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 2);
  name = traction_test_query_text (fixture->store, "SELECT name FROM accounts");
  g_assert_cmpstr (name, ==, "Acme");
  g_assert_true (traction_store_undo_import (fixture->store, skip, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 1);

  /* update: overwritten, then put back by undo. */
  update = import_text (fixture, dup_again, strlen (dup_again), TRACTION_DUPLICATES_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (traction_import_batch_get_counts (update)->updated[TRACTION_IMPORT_COMPANIES], ==, 1);
  g_assert_cmpuint (traction_import_batch_get_counts (update)->updated[TRACTION_IMPORT_CONTACTS], ==, 1);
  g_assert_cmpuint (traction_import_batch_get_counts (update)->updated[TRACTION_IMPORT_DEALS], ==, 1);
  title = traction_test_query_text (fixture->store, "SELECT title FROM contacts WHERE email = 'maria@acme.com'");
  g_assert_cmpstr (title, ==, "VP Engineering");
  g_assert_cmpint (count (fixture, "SELECT arr_cents FROM deals WHERE name = 'Rollout'"), ==, 200000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stage_changes WHERE to_stage = 'negotiation'"), ==, 1);
  g_assert_true (traction_store_undo_import (fixture->store, update, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = traction_test_query_text (fixture->store, "SELECT title FROM contacts WHERE email = 'maria@acme.com'");
  g_assert_cmpstr (title, ==, "CTO");
  g_clear_pointer (&name, g_free);
  name = traction_test_query_text (fixture->store, "SELECT name FROM accounts");
  g_assert_cmpstr (name, ==, "Acme");
  g_assert_cmpint (count (fixture, "SELECT arr_cents FROM deals WHERE name = 'Rollout'"), ==, 100000);
  g_assert_cmpint (count (fixture, "SELECT stage = 'proposal' FROM deals WHERE name = 'Rollout'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stage_changes WHERE to_stage = 'negotiation'"), ==, 0);

  /* create: a second Acme (once, for both rows) with its own records. */
  create = import_text (fixture, dup_again, strlen (dup_again), TRACTION_DUPLICATES_CREATE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 3);
  g_assert_true (traction_store_undo_import (fixture->store, create, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 1);
}

static char *
large_csv (guint rows)
{
  GString *csv = g_string_new ("Company name,Company Domain Name,Email,First Name,Last Name,Deal Name,Deal Stage,Amount,Close Date\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "Company %u,c%u.example.com,p%u@c%u.example.com,First,\"Last, %u\",Deal %u,%s,%u.50,2027-%02u-15\n",
                            i / 4, i / 4, i, i / 4, i, i,
                            i % 3 == 0 ? "Contract Sent" : "Qualified To Buy", 1000 + i, 1 + i % 12);
  return g_string_free (csv, FALSE);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, >, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *csv = large_csv (20000);
  g_autoptr(TractionCsvTable) table = parse (csv, strlen (csv));
  g_autofree TractionImportField *mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_AUTO);
  g_autoptr(TractionImportPlan) plan = traction_import_plan_new (table, mapping);
  g_autoptr(TractionImportBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint last = 0;

  g_assert_cmpuint (traction_import_plan_n_rows (plan), ==, 20000);
  g_assert_true (traction_store_import_plan (fixture->store, plan, TRACTION_DUPLICATES_SKIP, FALSE,
                                             &fixture->today, progress_cb, &last, &batch, &error));
  g_assert_no_error (error);
  g_test_message ("20,000 rows in %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (last, ==, 20000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 20000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contacts"), ==, 20000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 5000);

  g_assert_true (traction_store_undo_import (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM accounts"), ==, 0);
}

/* Exports */

static void
test_neutralise (void)
{
  static const char * const cases[][2] = {
    { "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")" },
    { "+1 555", "'+1 555" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tcmd", "'\tcmd" },
    { "Acme = good", "Acme = good" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = traction_csv_neutralise (cases[i][0]);

      g_assert_cmpstr (safe, ==, cases[i][1]);
    }
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char hostile[] =
    "Company,Deal,Stage,Amount,Close date,Notes\n"
    "\"=cmd|' /C calc'!A0\",\"@SUM(1+1)\",Proposal,1000,2026-12-01,\"says \"\"hi\"\", then\nleaves\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TractionImportBatch) batch = import_text (fixture, hostile, strlen (hostile),
                                                      TRACTION_DUPLICATES_SKIP, FALSE, &error);
  g_autofree char *csv = NULL;
  g_autoptr(TractionCsvTable) table = NULL;
  char **row;

  g_assert_no_error (error);
  csv = traction_store_export_csv (fixture->store, TRACTION_CSV_EXPORT_DEALS, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\"Deal name\",\"Company\",\"Stage\",\"ARR\""));

  /* Read back: the cells are quoted right and neutralised. */
  table = parse (csv, strlen (csv));
  g_assert_cmpuint (table->rows->len, ==, 1);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[0], ==, "'@SUM(1+1)");
  g_assert_cmpstr (row[1], ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (row[2], ==, "Proposal");
  g_assert_cmpstr (row[3], ==, "1000.00");
  g_assert_cmpstr (row[8], ==, "2026-12-01");
  g_assert_cmpstr (row[10], ==, "says \"hi\", then\nleaves");
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *movements = NULL;
  g_autofree char *deals = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(TractionStore) copy = NULL;
  guint imported = 0;

  g_assert_true (traction_store_load_sample (fixture->store, &fixture->today, &error));
  g_assert_no_error (error);

  for (int what = 0; what < TRACTION_N_CSV_EXPORTS; what++)
    {
      g_autofree char *csv = traction_store_export_csv (fixture->store, (TractionCsvExport) what,
                                                        &fixture->today, &error);
      g_autoptr(TractionCsvTable) table = NULL;

      g_assert_no_error (error);
      table = parse (csv, strlen (csv));
      g_assert_cmpuint (table->rows->len, >, 0);
    }

  /* Movements go back in with import-movements; deals with import-csv. */
  movements = traction_store_export_csv (fixture->store, TRACTION_CSV_EXPORT_MOVEMENTS, &fixture->today, &error);
  deals = traction_store_export_csv (fixture->store, TRACTION_CSV_EXPORT_DEALS, &fixture->today, &error);
  copy = traction_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (traction_store_import_movements_csv (copy, movements, strlen (movements), &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpint (imported, ==, count (fixture, "SELECT count(*) FROM arr_movements"));
  g_assert_cmpint (traction_test_query_int (copy, "SELECT sum(amount_cents) FROM arr_movements"), ==,
                   count (fixture, "SELECT sum(amount_cents) FROM arr_movements"));

  {
    g_autoptr(TractionCsvTable) table = parse (deals, strlen (deals));
    g_autofree TractionImportField *mapping = traction_csv_guess_mapping (table, TRACTION_CSV_FORMAT_AUTO);
    g_autoptr(TractionImportPlan) plan = traction_import_plan_new (table, mapping);
    g_autoptr(TractionImportBatch) batch = NULL;

    g_assert_cmpuint (traction_import_plan_get_bad_rows (plan)->len, ==, 0);
    g_assert_cmpuint (traction_import_plan_get_notices (plan)->len, ==, 0);
    g_assert_true (traction_store_import_plan (copy, plan, TRACTION_DUPLICATES_SKIP, FALSE, &fixture->today,
                                               NULL, NULL, &batch, &error));
    g_assert_no_error (error);
  }
  for (int s = 0; s < TRACTION_N_STAGES; s++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM deals WHERE stage = '%s'",
                                              traction_stage_to_id ((TractionStage) s));

      g_assert_cmpint (traction_test_query_int (copy, sql), ==, count (fixture, sql));
    }
  g_assert_cmpint (traction_test_query_int (copy, "SELECT sum(arr_cents) FROM deals"), ==,
                   count (fixture, "SELECT sum(arr_cents) FROM deals"));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *first_account = NULL;
  icalcomponent *calendar;
  guint events = 0;
  gint64 expected;

  g_assert_true (traction_store_load_sample (fixture->store, &fixture->today, &error));
  g_assert_no_error (error);
  traction_test_exec (fixture->store,
                      "INSERT INTO next_steps (account_id, action, due_on)"
                      " SELECT id, 'Call, then send \"terms\"; tell them', '2026-12-01' FROM accounts ORDER BY id LIMIT 1");
  first_account = traction_test_query_text (fixture->store, "SELECT name FROM accounts ORDER BY id LIMIT 1");
  expected = count (fixture, "SELECT count(*) FROM next_steps WHERE done_on IS NULL AND due_on IS NOT NULL") +
             count (fixture, "SELECT count(*) FROM contracts WHERE status = 'active'");
  g_assert_cmpint (expected, >, 1);

  ics = traction_store_export_ics (fixture->store, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
  g_assert_null (strstr (ics, "T-1"));

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype stamp = icalcomponent_get_dtstamp (event);

      g_assert_true (start.is_date);
      g_assert_nonnull (icalcomponent_get_uid (event));
      /* DTSTAMP is a valid UTC date-time (RFC 5545 3.8.7.2). */
      g_assert_false (stamp.is_date);
      g_assert_true (icaltime_is_valid_time (stamp));
      g_assert_cmpint (stamp.hour, >=, 0);
      g_assert_cmpint (stamp.minute, >=, 0);
      g_assert_cmpint (stamp.second, >=, 0);
      if (g_str_has_prefix (icalcomponent_get_summary (event), "Call, then"))
        {
          g_autofree char *summary = g_strdup_printf ("Call, then send \"terms\"; tell them — %s", first_account);

          g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
          g_assert_cmpint (start.year, ==, 2026);
          g_assert_cmpint (start.month, ==, 12);
          g_assert_cmpint (start.day, ==, 1);
        }
      events++;
    }
  g_assert_cmpint (events, ==, expected);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataio/import/detect", test_detect);
  g_test_add_func ("/dataio/import/mapping", test_mapping);
  g_test_add_func ("/dataio/import/stages", test_stages);
  g_test_add_func ("/dataio/import/notices", test_notices);
  g_test_add_func ("/dataio/import/malformed", test_malformed);
  g_test_add ("/dataio/import/hubspot", Fixture, NULL, fixture_set_up, test_hubspot, fixture_tear_down);
  g_test_add ("/dataio/import/pipedrive-attio", Fixture, NULL, fixture_set_up, test_pipedrive_attio, fixture_tear_down);
  g_test_add ("/dataio/import/windows-1252", Fixture, NULL, fixture_set_up, test_windows_1252, fixture_tear_down);
  g_test_add ("/dataio/import/bad-rows", Fixture, NULL, fixture_set_up, test_bad_rows, fixture_tear_down);
  g_test_add ("/dataio/import/duplicates-undo", Fixture, NULL, fixture_set_up, test_duplicates, fixture_tear_down);
  g_test_add ("/dataio/import/large", Fixture, NULL, fixture_set_up, test_large, fixture_tear_down);
  g_test_add_func ("/dataio/export/neutralise", test_neutralise);
  g_test_add ("/dataio/export/csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/dataio/export/round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/dataio/export/ics", Fixture, NULL, fixture_set_up, test_export_ics, fixture_tear_down);

  return g_test_run ();
}
