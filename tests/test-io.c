/* test-io.c: JSON export/import and CSV import of ARR movements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-util.h"

typedef struct {
  char          *dir;
  TractionStore *store;
} Fixture;

static TractionStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TractionStore *store = traction_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = traction_test_make_dir ("traction-io");
  fixture->store = open_store (fixture->dir, "a.db");
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
export (TractionStore *store)
{
  g_autoptr(GError) error = NULL;
  char *json = traction_store_export_json (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static const char markup_text[] = "<b>Bold &amp; \"quoted\"</b>\nline two\ttab \\ backslash";
static const char emoji_text[] = "Rocket 🚀 launch, café ☕, 𝄞";
static const char arabic_text[] = "شركة النجاح للتقنية";

/* 10,000 characters (not bytes), some of them several bytes long. */
static char *
long_note (void)
{
  g_autoptr(GString) note = g_string_new (NULL);

  while (g_utf8_strlen (note->str, -1) < 10000)
    g_string_append (note, "Note é 🚀 \"quoted\" <i>&lt;</i>\n");
  return g_utf8_substring (note->str, 0, 10000);
}

static void
bind_and_step (TractionStore *store,
               const char    *sql,
               const char    *a,
               const char    *b)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (traction_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* A small database with odd text in it, through SQL. */
static void
fill_store (TractionStore *store)
{
  g_autofree char *note = long_note ();

  traction_test_exec (store,
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('currency', 'EUR');"
            "INSERT INTO founders (id, name, role, email, position) VALUES (7, 'Ana', 'CEO', 'ana@example.com', 0);"
            "INSERT INTO products (id, name) VALUES (3, 'Payments API');"
            "INSERT INTO providers (id, name, status) VALUES (4, 'BankCo', 'integrating');"
            "INSERT INTO product_coverage (product_id, provider_id, role) VALUES (3, 4, 'primary');");
  bind_and_step (store,
                 "INSERT INTO accounts (id, name, notes, created_on, icp_tier, owner_id) "
                 "VALUES (10, ?1, ?2, '2025-01-15', 1, 7)", markup_text, note);
  bind_and_step (store,
                 "INSERT INTO accounts (id, name, notes, created_on) VALUES (12, ?1, ?2, '2025-02-01')",
                 arabic_text, emoji_text);
  traction_test_exec (store,
            "INSERT INTO deals (id, account_id, name, stage, arr_cents, owner_id, created_on, expected_close) "
            "  VALUES (20, 10, 'Pilot', 'proposal', 4800000, 7, '2025-03-01', NULL);"
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at) "
            "  VALUES (20, NULL, 'lead', '2025-03-01T09:00:00Z');"
            "INSERT INTO deal_checklist (deal_id, stage, item, done_on) VALUES (20, 'lead', 1, '2025-03-02');"
            "INSERT INTO deal_checklist (deal_id, stage, item, done_on) VALUES (20, 'lead', 0, '2025-03-02');"
            "INSERT INTO arr_movements (id, account_id, moved_on, kind, amount_cents) "
            "  VALUES (31, 10, '2025-04-01', 'new', 1200000);"
            "INSERT INTO arr_movements (id, account_id, moved_on, kind, amount_cents) "
            "  VALUES (30, 12, '2025-05-01', 'new', 600000);"
            "INSERT INTO account_products (account_id, product_id, since_on) VALUES (10, 3, '2025-04-01');");
  bind_and_step (store,
                 "INSERT INTO touchpoints (account_id, deal_id, kind, happened_on, summary) "
                 "VALUES (10, 20, 'call', '2025-03-05', ?1)", emoji_text, NULL);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractionStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;
  g_autofree char *note = NULL;
  g_autofree char *expected_note = long_note ();
  g_autofree char *name = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *tables;
  JsonArray *accounts;
  JsonArray *checklist;
  g_autoptr(GList) members = NULL;
  guint i = 0;

  fill_store (fixture->store);
  first = export (fixture->store);
  again = export (fixture->store);
  g_assert_cmpstr (first, ==, again);
  g_assert_true (g_str_has_suffix (first, "}\n"));

  /* The document's shape. */
  json_parser_load_from_data (parser, first, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "traction");
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==,
                   traction_store_schema_version ());
  tables = json_object_get_object_member (root, "tables");
  members = json_object_get_members (tables);
  for (const GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, traction_tables[i]);
  g_assert_null (traction_tables[i]);

  accounts = json_object_get_array_member (tables, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (accounts, 0), "id"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "name"), ==, markup_text);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (accounts, 0), "owner_id"), ==, 7);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (accounts, 1), "owner_id"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 1), "name"), ==, arabic_text);
  /* Composite keys come ordered by key, not by insertion. */
  checklist = json_object_get_array_member (tables, "deal_checklist");
  g_assert_cmpuint (json_array_get_length (checklist), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (checklist, 0), "item"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (checklist, 1), "item"), ==, 1);
  /* Rows by rowid. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (tables, "arr_movements"), 0), "id"), ==, 30);

  /* Import into a new file, export again: the same bytes. */
  copy = open_store (fixture->dir, "b.db");
  traction_store_import_json (copy, first, -1, &error);
  g_assert_no_error (error);
  second = export (copy);
  g_assert_cmpstr (first, ==, second);

  note = traction_test_query_text (copy, "SELECT notes FROM accounts WHERE id = 10");
  g_assert_cmpint (g_utf8_strlen (note, -1), ==, 10000);
  g_assert_cmpstr (note, ==, expected_note);
  name = traction_test_query_text (copy, "SELECT name FROM accounts WHERE id = 12");
  g_assert_cmpstr (name, ==, arabic_text);
  g_assert_cmpint (traction_test_query_int (copy, "SELECT amount_cents FROM arr_movements WHERE id = 31"), ==, 1200000);
  g_assert_false (traction_store_is_empty (copy));

  /* Into a database that holds data: refused, nothing changed. */
  traction_store_import_json (copy, first, -1, &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpstr (error->message, ==, "The database already holds data; import into a new file.");
  g_clear_error (&error);
  g_clear_pointer (&second, g_free);
  second = export (copy);
  g_assert_cmpstr (first, ==, second);
}

static void
test_json_empty_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TractionStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (fixture->store);
  g_autofree char *second = NULL;

  /* A new database's default rows survive the trip too. */
  copy = open_store (fixture->dir, "b.db");
  traction_store_import_json (copy, first, -1, &error);
  g_assert_no_error (error);
  second = export (copy);
  g_assert_cmpstr (first, ==, second);
}

/* Each document is rejected with code and a message containing each of
 * the words, and leaves a fresh database exactly as it was. */
static void
assert_rejected (Fixture    *fixture,
                 const char *json,
                 int         code,
                 const char *word1,
                 const char *word2,
                 const char *word3)
{
  g_autoptr(TractionStore) target = open_store (fixture->dir, "reject.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (target);
  g_autofree char *after = NULL;

  g_assert_false (traction_store_import_json (target, json, -1, &error));
  g_assert_error (error, TRACTION_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  if (word1 != NULL)
    g_assert_nonnull (strstr (error->message, word1));
  if (word2 != NULL)
    g_assert_nonnull (strstr (error->message, word2));
  if (word3 != NULL)
    g_assert_nonnull (strstr (error->message, word3));

  after = export (target);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_rejects (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *newer = g_strdup_printf ("{\"format\": \"traction\", \"schema_version\": %d, \"tables\": {}}",
                                            traction_store_schema_version () + 1);

  assert_rejected (fixture, "{\"format\": \"traction\", ", TRACTION_STORE_ERROR_INVALID,
                   "not valid JSON", NULL, NULL);
  assert_rejected (fixture, "[1, 2]", TRACTION_STORE_ERROR_INVALID, "not a Traction export", NULL, NULL);
  assert_rejected (fixture, "{\"format\": \"other\", \"schema_version\": 1, \"tables\": {}}",
                   TRACTION_STORE_ERROR_INVALID, "format", NULL, NULL);
  assert_rejected (fixture, newer, TRACTION_STORE_ERROR_NEWER_SCHEMA, "newer", NULL, NULL);
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": [], \"widgets\": [], \"gadgets\": []}}",
                   TRACTION_STORE_ERROR_INVALID, "widgets", "gadgets", NULL);
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": [{\"id\": 1, \"name\": \"Ana\", \"shoe_size\": 42}]}}",
                   TRACTION_STORE_ERROR_INVALID, "founders", "shoe_size", NULL);
  /* Wrong value types name table, row and column. */
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": [{\"id\": 1, \"name\": \"Ana\"}, {\"id\": \"2\", \"name\": \"Bo\"}]}}",
                   TRACTION_STORE_ERROR_INVALID, "“founders”, row 2", "“id”", NULL);
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": [{\"id\": 1, \"name\": 5}]}}",
                   TRACTION_STORE_ERROR_INVALID, "“founders”, row 1", "“name”", "expected text");
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"deals\": [{\"id\": 1, \"arr_cents\": 1.5}]}}",
                   TRACTION_STORE_ERROR_INVALID, "“deals”, row 1", "“arr_cents”", NULL);
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": {\"id\": 1}}}",
                   TRACTION_STORE_ERROR_INVALID, "founders", NULL, NULL);
  /* Constraint failures name table and row; earlier tables are rolled back. */
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"founders\": [{\"id\": 1, \"name\": \"Ana\"}],"
                   " \"accounts\": [{\"id\": 1, \"name\": \"A\", \"created_on\": \"2025-01-01\"},"
                   "                {\"id\": 2, \"name\": \"B\", \"created_on\": \"2025-01-01\", \"owner_id\": 99}]}}",
                   TRACTION_STORE_ERROR_INVALID, "“accounts”, row 2", NULL, NULL);
  assert_rejected (fixture,
                   "{\"format\": \"traction\", \"schema_version\": 1, \"tables\": "
                   "{\"accounts\": [{\"id\": 1, \"name\": null, \"created_on\": \"2025-01-01\"}]}}",
                   TRACTION_STORE_ERROR_INVALID, "“accounts”, row 1", NULL, NULL);
}

/* CSV */

static guint
import_csv (TractionStore  *store,
            const char     *csv,
            GError        **error)
{
  guint n = 12345;

  if (!traction_store_import_movements_csv (store, csv, strlen (csv), &n, error))
    g_assert_cmpuint (n, ==, 0);
  return n;
}

static void
test_csv_good (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  guint n;

  traction_test_exec (fixture->store,
            "INSERT INTO accounts (id, name, created_on) VALUES (5, 'Acme', '2024-12-01');"
            "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) "
            "  VALUES (5, '2025-01-01', 'new', 1000000);");

  /* The churn of Globex comes first in the file but last by date. */
  n = import_csv (fixture->store,
                  " Client , DATE,Kind , amount\n"
                  "Acme,2025-02-01,expansion-upsell,2500.50\n"
                  "Globex,2025-06-01,churn,3000\n"
                  "\"Globex\",2025-03-01,new,3000\n"
                  "\"Initech, \"\"the\"\" company\",2025-04-01,New,120\n"
                  "\n"
                  "Acme,2025-03-01,contraction,12500.50\n",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);

  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT count(*) FROM arr_movements"), ==, 6);
  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_cmpint (traction_test_query_int (fixture->store,
                              "SELECT amount_cents FROM arr_movements WHERE kind = 'expansion-upsell'"), ==, 250050);
  g_assert_cmpint (traction_test_query_int (fixture->store,
                              "SELECT count(*) FROM arr_movements WHERE account_id = 5"), ==, 3);
  created = traction_test_query_text (fixture->store, "SELECT created_on FROM accounts WHERE name = 'Globex'");
  g_assert_cmpstr (created, ==, "2025-03-01");
  g_assert_cmpint (traction_test_query_int (fixture->store,
                              "SELECT amount_cents FROM arr_movements m JOIN accounts a ON a.id = m.account_id "
                              "WHERE a.name = 'Initech, \"the\" company'"), ==, 12000);
  /* New clients get ids in order of first appearance. */
  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT id < (SELECT id FROM accounts WHERE name LIKE 'Initech%') "
                                              "FROM accounts WHERE name = 'Globex'"), ==, 1);
}

static void
test_csv_bom_crlf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n;

  n = import_csv (fixture->store,
                  "\xef\xbb\xbf" "client,date,kind,amount\r\n"
                  "\"Multi\r\nline Co\",2025-01-01,new,100\r\n"
                  "Acme,2025-01-01,new,200\r\n",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT count(*) FROM accounts WHERE name = 'Multi\r\nline Co'"), ==, 1);
  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT sum(amount_cents) FROM arr_movements"), ==, 30000);
}

static void
test_csv_header_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (import_csv (fixture->store, "client,date,kind,amount", &error), ==, 0);
  g_assert_no_error (error);
}

typedef struct {
  const char *csv;
  const char *message;
} BadCsv;

static const BadCsv bad_csvs[] = {
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\nAcme,2025-02-01,upgrade,5\n",
    "Line 3: unknown kind “upgrade”" },
  { "client,date,kind,amount\nAcme,2026-02-30,new,100\n",
    "Line 2: “2026-02-30” is not a valid date (YYYY-MM-DD)." },
  { "client,date,kind,amount\nAcme,2025-1-5,new,100\n",
    "Line 2: “2025-1-5” is not a valid date (YYYY-MM-DD)." },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\nAcme,2025-02-01,new,-5\n",
    "Line 3: “-5” is not a valid amount" },
  { "client,date,kind,amount\nAcme,2025-01-01,new,lots\n",
    "Line 2: “lots” is not a valid amount" },
  { "client,date,kind,amount\nAcme,2025-01-01,new,0\n",
    "Line 2: the amount must be greater than zero." },
  { "client,date,kind,amount\n  ,2025-01-01,new,10\n",
    "Line 2: the client name is empty." },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\nAcme,2025-02-01,churn,100.01\n",
    "Line 3: the churn of $100.01 is larger than the ARR of “Acme” on 2025-02-01 ($100.00)." },
  { "client,date,kind,amount\nAcme,2025-02-01,contraction,50\nAcme,2025-01-01,new,40\n",
    "Line 2: the contraction of $50.00 is larger than the ARR of “Acme” on 2025-02-01 ($40.00)." },
  { "client,date,amount,kind\nAcme,2025-01-01,100,new\n",
    "Line 1: expected the header “client,date,kind,amount”, found “client,date,amount,kind”." },
  { "name,when\n", "Line 1: expected the header “client,date,kind,amount”, found “name,when”." },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\nAcme,2025-01-02,new\n",
    "Line 3: expected 4 fields (client, date, kind, amount), found 3." },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100,extra\n",
    "Line 2: expected 4 fields (client, date, kind, amount), found 5." },
  /* The quoted newline makes row 3 start on line 4 and the bad row line 5. */
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\n\"Two\nlines\",2025-01-01,new,5\nAcme,2025-13-01,new,1\n",
    "Line 5: “2025-13-01” is not a valid date (YYYY-MM-DD)." },
  { "client,date,kind,amount\r\n\"A\r\nB\r\nC\",2025-01-01,new,5\r\n\r\nAcme,2025-01-01,new,x\r\n",
    "Line 6: “x” is not a valid amount" },
  /* A multi-line row that is itself bad is named by its first line. */
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\n\"Two\nlines\",2025-01-01,gift,5\n",
    "Line 3: unknown kind “gift”" },
  /* A churn larger than the ARR before a malformed row is the first bad row. */
  { "client,date,kind,amount\nAcme,2025-01-01,churn,10\nAcme,2025-01-01,new,zz\n",
    "Line 2: the churn of $10.00 is larger than the ARR of “Acme” on 2025-01-01 ($0.00)." },
  { "client,date,kind,amount\nAc\"me,2025-01-01,new,100\n",
    "Line 2: malformed quoting" },
  { "client,date,kind,amount\n\"Acme\"x,2025-01-01,new,100\n",
    "Line 2: malformed quoting" },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\n\"Open,2025-01-01,new,5\nmore\n",
    "Line 3: a quoted field is not closed before the end of the file." },
  { "client,date,kind,amount\nAcme,2025-01-01,new,100\nAc\xffme,2025-01-01,new,5\n",
    "Line 3: the text is not valid UTF-8" },
  { "", "The file is empty" },
  { "\xef\xbb\xbf \r\n\n", "The file is empty" },
};

static void
test_csv_bad (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = NULL;

  traction_test_exec (fixture->store,
            "INSERT INTO accounts (id, name, created_on) VALUES (5, 'Existing', '2024-12-01');"
            "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) "
            "  VALUES (5, '2025-01-01', 'new', 1000000);");
  before = export (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_csvs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("bad CSV %u", i);
      g_assert_cmpuint (import_csv (fixture->store, bad_csvs[i].csv, &error), ==, 0);
      g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, bad_csvs[i].message))
        g_error ("CSV %u: expected “%s”, got “%s”", i, bad_csvs[i].message, error->message);

      after = export (fixture->store);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_csv_existing_arr (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  traction_test_exec (fixture->store,
            "INSERT INTO accounts (id, name, created_on) VALUES (5, 'Existing', '2024-12-01');"
            "INSERT INTO arr_movements (account_id, moved_on, kind, amount_cents) "
            "  VALUES (5, '2025-01-01', 'new', 1000000);");
  before = export (fixture->store);

  /* 10,000 in the database: a churn of 10,000.01 is too much... */
  import_csv (fixture->store,
              "client,date,kind,amount\nExisting,2025-03-01,churn,10000.01\n", &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: the churn"));
  g_clear_error (&error);
  after = export (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* ...but before the movement it is also too much, and after an
   * expansion in the same file it fits. */
  import_csv (fixture->store,
              "client,date,kind,amount\nExisting,2024-12-15,contraction,1\n", &error);
  g_assert_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (import_csv (fixture->store,
                                "client,date,kind,amount\n"
                                "Existing,2025-03-01,churn,10500\n"
                                "Existing,2025-02-01,expansion-usage,500\n", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (traction_test_query_int (fixture->store,
                              "SELECT count(*) FROM arr_movements WHERE account_id = 5"), ==, 3);
  g_assert_cmpint (traction_test_query_int (fixture->store, "SELECT count(*) FROM accounts"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/io/json/round-trip", test_json_round_trip);
  ADD ("/io/json/empty-round-trip", test_json_empty_round_trip);
  ADD ("/io/json/rejects", test_json_rejects);
  ADD ("/io/csv/good", test_csv_good);
  ADD ("/io/csv/bom-crlf", test_csv_bom_crlf);
  ADD ("/io/csv/header-only", test_csv_header_only);
  ADD ("/io/csv/bad-rows", test_csv_bad);
  ADD ("/io/csv/existing-arr", test_csv_existing_arr);

#undef ADD

  return g_test_run ();
}
