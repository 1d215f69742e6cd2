/* traction-store-json.c: the whole database as one JSON document.
 *
 * The document is
 *
 *   { "format": "traction", "schema_version": N,
 *     "tables": { "settings": [ { column: value, ... }, ... ], ... } }
 *
 * with every table of traction_tables in that order (parents first), the
 * columns of each row in declaration order and the rows by rowid (by the
 * primary key columns when the key is not the rowid). INTEGER columns are
 * JSON integers, TEXT columns strings, NULL is null. The same data gives
 * the same bytes, so an export, an import into a new file and a second
 * export are identical.
 *
 * Table names come only from traction_tables and column names only from
 * PRAGMA table_info; every value is bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "traction-store-private.h"

#define TRACTION_JSON_FORMAT "traction"

typedef enum {
  COLUMN_INTEGER,
  COLUMN_TEXT,
  COLUMN_OTHER,
} ColumnKind;

typedef struct {
  char       *name;
  ColumnKind  kind;
  int         pk;       /* 1-based position in the primary key, 0 when not in it */
} Column;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column);
}

static ColumnKind
column_kind_for (const char *declared)
{
  g_autofree char *upper = g_ascii_strup (declared != NULL ? declared : "", -1);

  if (strstr (upper, "INT") != NULL)
    return COLUMN_INTEGER;
  if (strstr (upper, "TEXT") != NULL || strstr (upper, "CHAR") != NULL)
    return COLUMN_TEXT;
  return COLUMN_OTHER;
}

static gboolean
is_known_table (const char *name)
{
  for (guint i = 0; traction_tables[i] != NULL; i++)
    {
      if (g_str_equal (traction_tables[i], name))
        return TRUE;
    }
  return FALSE;
}

static guint
count_tables (void)
{
  guint n = 0;

  while (traction_tables[n] != NULL)
    n++;
  return n;
}

/* "name" with embedded quotes doubled; names come from PRAGMA table_info
 * or traction_tables only. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

/* The columns of a table of traction_tables, in declaration order. */
static GPtrArray *
load_columns (TractionStore  *self,
              const char     *table,
              GError        **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (column_free);
  sqlite3_stmt *stmt;
  int rc;

  g_assert (is_known_table (table));

  stmt = traction_store_prepare (self,
                                 "SELECT name, type, pk FROM pragma_table_info (?1) ORDER BY cid",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column *column = g_new0 (Column, 1);

      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->kind = column_kind_for ((const char *) sqlite3_column_text (stmt, 1));
      column->pk = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (columns, column);
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_set_error (error, traction_store_get_db (self), rc,
                                _("Could not read the database"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (columns->len == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                   _("The table “%s” is missing from the database."), table);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

static const Column *
find_column (GPtrArray  *columns,
             const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);

      if (g_str_equal (column->name, name))
        return column;
    }
  return NULL;
}

/* ORDER BY rowid when the key is the rowid (an INTEGER PRIMARY KEY) or
 * there is no key; else by the key columns in key order. */
static void
append_order_by (GString   *sql,
                 GPtrArray *columns)
{
  guint n_pk = 0;
  const Column *single = NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);

      if (column->pk > 0)
        {
          n_pk++;
          single = column;
        }
    }

  g_string_append (sql, " ORDER BY ");
  if (n_pk == 0 || (n_pk == 1 && single->kind == COLUMN_INTEGER))
    {
      g_string_append (sql, "rowid");
      return;
    }

  for (guint k = 1; k <= n_pk; k++)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          const Column *column = g_ptr_array_index (columns, i);

          if (column->pk == (int) k)
            {
              if (k > 1)
                g_string_append (sql, ", ");
              append_identifier (sql, column->name);
            }
        }
    }
}

/* The document is written as it goes: one row at a time is built as a
 * JsonObject and printed by a JsonGenerator set up as json-glib's pretty
 * printer (indent 2, ' '), then copied into the text indented to its depth.
 * The punctuation around the rows is the generator's own layout, written
 * by hand; names go through the generator too, so every string is escaped
 * the same way. An export needs memory for the text and one row. */

#define JSON_INDENT 2

/* Depths in the document: the root object, "tables", a table, a row. */
#define LEVEL_TABLES 1
#define LEVEL_TABLE  2
#define LEVEL_ROW    3

static JsonGenerator *
new_generator (void)
{
  JsonGenerator *generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, JSON_INDENT);
  json_generator_set_indent_char (generator, ' ');
  return generator;
}

static void
append_indent (GString *out,
               guint    level)
{
  for (guint i = 0; i < level * JSON_INDENT; i++)
    g_string_append_c (out, ' ');
}

/* Appends @node as generated at depth 0, indented to @level. Newlines in
 * the generated text are all layout: the generator escapes them in strings. */
static void
append_node (JsonGenerator *generator,
             GString       *scratch,
             GString       *out,
             guint          level,
             JsonNode      *node)
{
  const char *p;
  const char *end;

  json_generator_set_root (generator, node);
  g_string_truncate (scratch, 0);
  json_generator_to_gstring (generator, scratch);

  p = scratch->str;
  end = scratch->str + scratch->len;
  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));

      if (newline == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, newline + 1 - p);
      append_indent (out, level);
      p = newline + 1;
    }
}

/* "name" : , at @level */
static void
append_member_name (JsonGenerator *generator,
                    GString       *scratch,
                    GString       *out,
                    guint          level,
                    const char    *name)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), name);

  append_indent (out, level);
  append_node (generator, scratch, out, level, node);
  g_string_append (out, " : ");
}

/* Writes "table" : [ rows ] at LEVEL_TABLE. */
static gboolean
write_table (TractionStore  *self,
             JsonGenerator  *generator,
             GString        *scratch,
             const char     *table,
             GString        *out,
             GError        **error)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  guint n_rows = 0;
  int rc;

  columns = load_columns (self, table, error);
  if (columns == NULL)
    return FALSE;

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);

      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, column->name);
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, table);
  append_order_by (sql, columns);

  stmt = traction_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  append_member_name (generator, scratch, out, LEVEL_TABLE, table);
  g_string_append_c (out, '[');

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) row = json_object_new ();
      g_autoptr(JsonNode) node = NULL;

      for (guint i = 0; i < columns->len; i++)
        {
          const Column *column = g_ptr_array_index (columns, i);

          switch (sqlite3_column_type (stmt, (int) i))
            {
            case SQLITE_NULL:
              json_object_set_null_member (row, column->name);
              break;

            case SQLITE_INTEGER:
              json_object_set_int_member (row, column->name,
                                          sqlite3_column_int64 (stmt, (int) i));
              break;

            case SQLITE_TEXT:
              {
                const char *text = (const char *) sqlite3_column_text (stmt, (int) i);

                if (!g_utf8_validate_len (text, (gsize) sqlite3_column_bytes (stmt, (int) i), NULL))
                  {
                    sqlite3_reset (stmt);
                    g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                                 _("Table “%s”, row %u, column “%s” holds text that is not valid UTF-8; the database may be damaged."),
                                 table, n_rows + 1, column->name);
                    return FALSE;
                  }
                json_object_set_string_member (row, column->name, text);
              }
              break;

            case SQLITE_FLOAT:
            case SQLITE_BLOB:
            default:
              sqlite3_reset (stmt);
              g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                           _("Table “%s”, column “%s” holds a value of a kind Traction does not write; the database may be damaged."),
                           table, column->name);
              return FALSE;
            }
        }

      g_string_append (out, n_rows == 0 ? "\n" : ",\n");
      append_indent (out, LEVEL_ROW);
      node = json_node_init_object (json_node_alloc (), row);
      append_node (generator, scratch, out, LEVEL_ROW, node);
      n_rows++;
    }

  if (rc != SQLITE_DONE)
    {
      traction_store_set_error (error, traction_store_get_db (self), rc,
                                _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  /* An empty table is [] on the line of its name. */
  if (n_rows > 0)
    {
      g_string_append_c (out, '\n');
      append_indent (out, LEVEL_TABLE);
    }
  g_string_append_c (out, ']');

  return TRUE;
}

char *
traction_store_export_json (TractionStore  *self,
                            GError        **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) format = NULL;
  g_autoptr(GString) scratch = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  generator = new_generator ();
  scratch = g_string_new (NULL);
  out = g_string_new ("{\n");

  append_member_name (generator, scratch, out, 1, "format");
  format = json_node_init_string (json_node_alloc (), TRACTION_JSON_FORMAT);
  append_node (generator, scratch, out, 1, format);
  g_string_append (out, ",\n");

  append_member_name (generator, scratch, out, 1, "schema_version");
  g_string_append_printf (out, "%d,\n", traction_store_schema_version ());

  append_member_name (generator, scratch, out, LEVEL_TABLES, "tables");
  g_string_append_c (out, '{');
  for (guint i = 0; traction_tables[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      if (!write_table (self, generator, scratch, traction_tables[i], out, error))
        return NULL;
    }
  if (traction_tables[0] != NULL)
    {
      g_string_append_c (out, '\n');
      append_indent (out, LEVEL_TABLES);
    }
  g_string_append (out, "}\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Import */

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return _("a whole number");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_STRING:
      return _("text");
    default:
      return _("a value of unknown kind");
    }
}


static gboolean
check_value (const char  *table,
             guint        row_index,
             const Column *column,
             JsonNode    *value,
             GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  switch (column->kind)
    {
    case COLUMN_INTEGER:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        return TRUE;
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Table “%s”, row %u, column “%s”: expected a whole number or null, found %s."),
                   table, row_index + 1, column->name, describe_node (value));
      return FALSE;

    case COLUMN_TEXT:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        return TRUE;
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Table “%s”, row %u, column “%s”: expected text or null, found %s."),
                   table, row_index + 1, column->name, describe_node (value));
      return FALSE;

    case COLUMN_OTHER:
    default:
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Table “%s”, row %u, column “%s”: this column cannot be imported."),
                   table, row_index + 1, column->name);
      return FALSE;
    }
}

static gboolean
validate_table (const char  *table,
                GPtrArray   *columns,
                JsonNode    *node,
                GError     **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  JsonArray *rows;
  guint n_rows;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Table “%s”: expected a list of rows, found %s."),
                   table, describe_node (node));
      return FALSE;
    }

  rows = json_node_get_array (node);
  n_rows = json_array_get_length (rows);

  /* Unknown columns first, all of them named at once. */
  for (guint i = 0; i < n_rows; i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("Table “%s”, row %u: expected an object, found %s."),
                       table, i + 1, describe_node (row));
          return FALSE;
        }

      members = json_object_get_members (json_node_get_object (row));
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;

          if (find_column (columns, name) == NULL &&
              !g_ptr_array_find_with_equal_func (unknown, name, g_str_equal, NULL))
            g_ptr_array_add (unknown, (gpointer) name);
        }
    }

  if (unknown->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (unknown, NULL);
      names = g_strjoinv (", ", (char **) unknown->pdata);
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("Table “%s” has unknown columns: %s."), table, names);
      return FALSE;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = g_ptr_array_index (columns, c);
          JsonNode *value = json_object_get_member (row, column->name);

          if (value != NULL && !check_value (table, i, column, value, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Checks the document and loads the columns of every table (indexed like
 * traction_tables). Returns the "tables" object, owned by root. */
static JsonObject *
validate_document (TractionStore  *self,
                   JsonNode       *root,
                   GPtrArray      *columns_per_table,
                   GError        **error)
{
  JsonObject *document;
  JsonObject *tables;
  JsonNode *node;
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  gint64 version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is not a Traction export: it does not hold a JSON object."));
      return NULL;
    }
  document = json_node_get_object (root);

  node = json_object_get_member (document, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), TRACTION_JSON_FORMAT))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is not a Traction export: “format” is not “traction”."));
      return NULL;
    }

  node = json_object_get_member (document, "schema_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is not a Traction export: “schema_version” is missing or not a positive whole number."));
      return NULL;
    }
  version = json_node_get_int (node);
  if (version > traction_store_schema_version ())
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NEWER_SCHEMA,
                   _("The file was exported by a newer version of Traction (schema %s, this version reads up to %d). Update Traction to import it."),
                   version_text, traction_store_schema_version ());
      return NULL;
    }

  members = json_object_get_members (document);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_str_equal (name, "format") &&
          !g_str_equal (name, "schema_version") &&
          !g_str_equal (name, "tables"))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The file has an unknown member “%s”."), name);
          return NULL;
        }
    }

  node = json_object_get_member (document, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is not a Traction export: “tables” is missing or not an object."));
      return NULL;
    }
  tables = json_node_get_object (node);

  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (tables);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!is_known_table (l->data))
        g_ptr_array_add (unknown, l->data);
    }
  if (unknown->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (unknown, NULL);
      names = g_strjoinv (", ", (char **) unknown->pdata);
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("The file has unknown tables: %s."), names);
      return NULL;
    }

  for (guint t = 0; traction_tables[t] != NULL; t++)
    {
      const char *table = traction_tables[t];
      g_autoptr(GPtrArray) columns = load_columns (self, table, error);

      if (columns == NULL)
        return NULL;

      node = json_object_get_member (tables, table);
      if (node != NULL && !validate_table (table, columns, node, error))
        return NULL;

      g_ptr_array_add (columns_per_table, g_steal_pointer (&columns));
    }

  return tables;
}

static gboolean
insert_rows (TractionStore  *self,
             const char     *table,
             GPtrArray      *columns,
             JsonArray      *rows,
             GError        **error)
{
  sqlite3 *db = traction_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *stmt_sql = NULL;
  guint n_rows = json_array_get_length (rows);
  gboolean ok = FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
      g_autoptr(GString) values = g_string_new (NULL);
      int n_bound = 0;
      int rc;

      append_identifier (sql, table);
      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = g_ptr_array_index (columns, c);

          if (!json_object_has_member (row, column->name))
            continue;

          n_bound++;
          g_string_append (sql, n_bound == 1 ? " (" : ", ");
          append_identifier (sql, column->name);
          g_string_append_printf (values, "%s?%d", n_bound == 1 ? "" : ", ", n_bound);
        }
      if (n_bound == 0)
        g_string_append (sql, " DEFAULT VALUES");
      else
        g_string_append_printf (sql, ") VALUES (%s)", values->str);

      if (stmt_sql == NULL || !g_str_equal (stmt_sql, sql->str))
        {
          g_clear_pointer (&stmt, sqlite3_finalize);
          g_clear_pointer (&stmt_sql, g_free);

          rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
          if (rc != SQLITE_OK)
            {
              traction_store_set_error (error, db, rc, _("Could not import the file"));
              goto out;
            }
          stmt_sql = g_strdup (sql->str);
        }

      n_bound = 0;
      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = g_ptr_array_index (columns, c);
          JsonNode *value = json_object_get_member (row, column->name);

          if (value == NULL)
            continue;

          n_bound++;
          if (JSON_NODE_HOLDS_NULL (value))
            sqlite3_bind_null (stmt, n_bound);
          else if (json_node_get_value_type (value) == G_TYPE_INT64)
            sqlite3_bind_int64 (stmt, n_bound, json_node_get_int (value));
          else
            sqlite3_bind_text (stmt, n_bound, json_node_get_string (value), -1, SQLITE_STATIC);
        }

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                         _("Table “%s”, row %u cannot be imported: %s."),
                         table, i + 1, sqlite3_errmsg (db));
          else
            traction_store_set_error (error, db, rc, _("Could not import the file"));
          goto out;
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  return ok;
}

gboolean
traction_store_import_json (TractionStore  *self,
                            const char     *json,
                            gssize          length,
                            GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) columns_per_table = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *tables;
  guint n_tables;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("The file is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  columns_per_table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  tables = validate_document (self, json_parser_get_root (parser), columns_per_table, error);
  if (tables == NULL)
    return FALSE;

  if (!traction_store_is_empty (self))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_EMPTY,
                           _("The database already holds data; import into a new file."));
      return FALSE;
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  /* Children first: drop the default rows a new database is seeded with. */
  n_tables = count_tables ();
  for (guint t = n_tables; t > 0; t--)
    {
      g_autoptr(GString) sql = g_string_new ("DELETE FROM ");

      append_identifier (sql, traction_tables[t - 1]);
      if (!traction_store_exec (self, sql->str, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
    }

  for (guint t = 0; t < n_tables; t++)
    {
      JsonNode *node = json_object_get_member (tables, traction_tables[t]);

      if (node == NULL)
        continue;

      if (!insert_rows (self, traction_tables[t],
                        g_ptr_array_index (columns_per_table, t),
                        json_node_get_array (node), error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
    }

  return traction_store_commit (self, error);
}
