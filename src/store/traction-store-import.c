/* traction-store-import.c: CSV import of companies, contacts and deals.
 *
 * See traction-store-import.h for the three steps. The CSV reader here is
 * also the one of the ARR movement import (traction-store-csv.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "traction-store-import.h"
#include "traction-store-private.h"

#define PROGRESS_EVERY 500
#define MAX_LISTED_BAD_ROWS 10

/* ------------------------------------------------------------------ */
/* Reading CSV                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  GPtrArray             *fields;        /* char * of the current record */
  guint                  field_breaks;  /* line breaks inside those fields */
  guint                  line;          /* physical line being parsed (1-based) */
  gsize                  segment_end;
  gsize                  record_offset; /* offset just past the last complete record */
  TractionCsvRecordFunc  func;
  gpointer               user_data;
  GError                *error;
  guint                  error_line;
} ReadContext;

/* "\r\n", "\n" and a lone "\r" each end a line. */
guint
traction_csv_count_line_breaks (const char *text,
                                gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        n++;
      else if (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n'))
        n++;
    }
  return n;
}

static void
read_field_cb (void   *field,
               size_t  length,
               void   *data)
{
  ReadContext *ctx = data;
  const char *text = field != NULL ? field : "";
  gsize len = field != NULL ? length : 0;

  if (ctx->error != NULL)
    return;

  ctx->field_breaks += traction_csv_count_line_breaks (text, len);
  g_ptr_array_add (ctx->fields, g_strndup (text, len));
}

static void
read_row_cb (int   terminator,
             void *data)
{
  ReadContext *ctx = data;

  if (ctx->error == NULL)
    {
      guint line = ctx->line - ctx->field_breaks;

      if (!ctx->func (ctx->fields, line, ctx->user_data, &ctx->error))
        {
          if (ctx->error == NULL)
            ctx->error = g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                      _("Line %u: the row cannot be read."), line);
          ctx->error_line = line;
        }
    }

  g_ptr_array_set_size (ctx->fields, 0);
  ctx->field_breaks = 0;
  ctx->record_offset = ctx->segment_end;
}

static int
space_only (unsigned char c)
{
  return c == ' ';
}

gboolean
traction_csv_read (const char             *data,
                   gsize                   length,
                   char                    delimiter,
                   gboolean                strict,
                   TractionCsvRecordFunc   func,
                   gpointer                user_data,
                   guint                  *error_line,
                   GError                **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  struct csv_parser parser;
  ReadContext ctx = { 0 };
  gsize pos = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ctx.fields = fields;
  ctx.line = 1;
  ctx.func = func;
  ctx.user_data = user_data;

  if (csv_init (&parser, (strict ? CSV_STRICT : 0) | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_FAILED,
                           _("Not enough memory to read the file."));
      return FALSE;
    }
  csv_set_delim (&parser, (unsigned char) delimiter);
  if (delimiter == '\t')
    csv_set_space_func (&parser, space_only);

  /* Fed one physical line at a time, so the line of a record is known. */
  while (pos < length && ctx.error == NULL)
    {
      gsize end = pos;
      gboolean line_break = FALSE;
      size_t parsed;

      while (end < length && data[end] != '\n' && data[end] != '\r')
        end++;
      if (end < length)
        {
          line_break = TRUE;
          if (data[end] == '\r' && end + 1 < length && data[end + 1] == '\n')
            end++;
          end++;
        }

      ctx.segment_end = end;
      parsed = csv_parse (&parser, data + pos, end - pos, read_field_cb, read_row_cb, &ctx);
      if (parsed != end - pos && ctx.error == NULL)
        {
          ctx.error_line = ctx.line;
          if (csv_error (&parser) == CSV_EPARSE)
            ctx.error = g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                                     _("Line %u: malformed quoting (a quote inside an unquoted field, or text after a closing quote)."),
                                     ctx.line);
          else
            ctx.error = g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_FAILED,
                                     _("Line %u: %s"), ctx.line, csv_strerror (csv_error (&parser)));
        }

      if (line_break)
        ctx.line++;
      pos = end;
    }

  /* libcsv reports a quote left open only in strict mode; its state
   * FIELD_BEGUN (2) on a quoted field is that quote, in either mode. */
  if (ctx.error == NULL &&
      ((parser.quoted && parser.pstate == 2) ||
       csv_fini (&parser, read_field_cb, read_row_cb, &ctx) != 0) &&
      ctx.error == NULL)
    {
      /* A quoted field still open at the end: it began in the record
       * after the last complete one. */
      gsize start = ctx.record_offset;
      guint line;

      while (start < length && g_ascii_isspace (data[start]))
        start++;
      line = 1 + traction_csv_count_line_breaks (data, start);
      ctx.error_line = line;
      ctx.error = g_error_new (TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                               _("Line %u: a quoted field is not closed before the end of the file."),
                               line);
    }

  csv_free (&parser);

  if (ctx.error != NULL)
    {
      if (error_line != NULL)
        *error_line = ctx.error_line;
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Table                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
  TractionCsvTable *table;
} TableContext;

void
traction_csv_table_free (TractionCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->encoding);
  g_clear_pointer (&table->header, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_clear_pointer (&table->extra, g_array_unref);
  g_free (table);
}

static gboolean
table_record_cb (GPtrArray  *fields,
                 guint       line,
                 gpointer    user_data,
                 GError    **error)
{
  TractionCsvTable *table = user_data;
  gboolean any = FALSE;
  gboolean extra = FALSE;
  char **row;
  guint width;

  if (table->header == NULL)
    {
      gboolean blank = TRUE;

      for (guint i = 0; i < fields->len && blank; i++)
        for (const char *p = g_ptr_array_index (fields, i); *p != '\0' && blank; p++)
          blank = g_ascii_isspace (*p);
      if (blank)
        return TRUE;         /* blank lines before the header */

      table->header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (table->header, g_strstrip (g_strdup (g_ptr_array_index (fields, i))));
      return TRUE;
    }

  width = table->header->len;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);
      gboolean blank = TRUE;

      for (const char *p = text; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            {
              blank = FALSE;
              break;
            }
        }
      if (!blank)
        {
          any = TRUE;
          if (i >= width)
            extra = TRUE;
        }
    }
  if (!any)
    return TRUE;           /* a blank row such as ",,," */

  row = g_new0 (char *, width + 1);
  for (guint i = 0; i < width; i++)
    row[i] = g_strstrip (g_strdup (i < fields->len ? (const char *) g_ptr_array_index (fields, i) : ""));
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->lines, line);
  g_array_append_val (table->extra, extra);
  return TRUE;
}

/* The delimiter that occurs most in the first record (outside quotes). */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == candidates[k])
              counts[k]++;
        }
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* Text in UTF-8 (newly allocated) and the name of the encoding it was in. */
static char *
decode (const char   *data,
        gsize         length,
        gsize        *out_length,
        char        **encoding,
        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      const char *invalid = NULL;

      if (!g_utf8_validate_len (data + 3, length - 3, &invalid))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("Line %u: the file says it is UTF-8 but this line is not; save it as UTF-8 again."),
                       1 + traction_csv_count_line_breaks (data + 3, (gsize) (invalid - (data + 3))));
          return NULL;
        }
      *encoding = g_strdup ("UTF-8 (BOM)");
      *out_length = length - 3;
      return g_strndup (data + 3, length - 3);
    }

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      const char *from = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";

      text = g_convert (data + 2, (gssize) (length - 2), "UTF-8", from, NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The file says it is UTF-16 but cannot be read as such (%s)."),
                       local_error->message);
          return NULL;
        }
      *encoding = g_strdup ("UTF-16 (BOM)");
      *out_length = written;
      return text;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      *out_length = length;
      return g_strndup (data, length);
    }

  /* Excel on Windows saves "CSV" in the ANSI code page. Five bytes are
   * undefined in Windows-1252; Latin-1 reads any byte. */
  text = g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
  if (text == NULL)
    text = g_convert (data, (gssize) length, "UTF-8", "ISO-8859-1", NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("The text of the file cannot be read (%s); save it as UTF-8 and try again."),
                   local_error->message);
      return NULL;
    }
  *encoding = g_strdup ("Windows-1252");
  *out_length = written;
  return text;
}

TractionCsvTable *
traction_csv_table_parse (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(TractionCsvTable) table = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  gsize text_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode (data != NULL ? data : "", length, &text_length, &encoding, error);
  if (text == NULL)
    return NULL;

  table = g_new0 (TractionCsvTable, 1);
  table->encoding = g_steal_pointer (&encoding);
  table->delimiter = detect_delimiter (text, text_length);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->extra = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!traction_csv_read (text, text_length, table->delimiter, FALSE,
                          table_record_cb, table, NULL, error))
    return NULL;

  if (table->header == NULL || table->header->len == 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The file is empty: expected a header row with the column names, then one record a row."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

/* ------------------------------------------------------------------ */
/* Formats and mapping                                                 */
/* ------------------------------------------------------------------ */

static const struct {
  const char *id;
  const char *label;
} format_names[TRACTION_N_CSV_FORMATS] = {
  { "auto", N_("Detect automatically") },
  { "hubspot", N_("HubSpot") },
  { "pipedrive", N_("Pipedrive") },
  { "attio", N_("Attio") },
  { "generic", N_("Other CSV") },
};

const char *
traction_csv_format_to_id (TractionCsvFormat format)
{
  g_return_val_if_fail (format < TRACTION_N_CSV_FORMATS, "auto");
  return format_names[format].id;
}

gboolean
traction_csv_format_from_id (const char        *id,
                             TractionCsvFormat *out)
{
  for (guint i = 0; id != NULL && i < TRACTION_N_CSV_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (id, format_names[i].id) == 0)
        {
          *out = (TractionCsvFormat) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
traction_csv_format_label (TractionCsvFormat format)
{
  g_return_val_if_fail (format < TRACTION_N_CSV_FORMATS, "");
  return _(format_names[format].label);
}

static const struct {
  const char *id;
  const char *label;
} field_names[TRACTION_N_IMPORT_FIELDS] = {
  { "ignore", N_("Do not import") },
  { "company-name", N_("Company name") },
  { "company-domain", N_("Company domain") },
  { "contact-name", N_("Contact name") },
  { "contact-first-name", N_("Contact first name") },
  { "contact-last-name", N_("Contact last name") },
  { "contact-email", N_("Contact email") },
  { "contact-phone", N_("Contact phone") },
  { "contact-title", N_("Contact job title") },
  { "deal-name", N_("Deal name") },
  { "deal-stage", N_("Deal stage") },
  { "deal-status", N_("Deal status (open, won, lost)") },
  { "deal-amount", N_("Deal amount (ARR)") },
  { "deal-close-date", N_("Deal close date") },
  { "deal-created", N_("Created on") },
  { "deal-lost-reason", N_("Loss reason") },
  { "notes", N_("Notes") },
};

const char *
traction_import_field_to_id (TractionImportField field)
{
  g_return_val_if_fail (field < TRACTION_N_IMPORT_FIELDS, "ignore");
  return field_names[field].id;
}

gboolean
traction_import_field_from_id (const char          *id,
                               TractionImportField *out)
{
  for (guint i = 0; id != NULL && i < TRACTION_N_IMPORT_FIELDS; i++)
    {
      if (g_ascii_strcasecmp (id, field_names[i].id) == 0)
        {
          *out = (TractionImportField) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
traction_import_field_label (TractionImportField field)
{
  g_return_val_if_fail (field < TRACTION_N_IMPORT_FIELDS, "");
  return _(field_names[field].label);
}

typedef struct {
  const char          *header;   /* compared by key (see header_key) */
  TractionImportField  field;
} HeaderMap;

/* Column names of the exports (IGNORE entries only help to recognise the
 * format). "Name" in Attio depends on the object (see guess_name). */
static const HeaderMap hubspot_headers[] = {
  { "Company name", TRACTION_IMPORT_COMPANY_NAME },
  { "Associated Company", TRACTION_IMPORT_COMPANY_NAME },
  { "Associated Company (Primary)", TRACTION_IMPORT_COMPANY_NAME },
  { "Company Domain Name", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "Website URL", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "First Name", TRACTION_IMPORT_CONTACT_FIRST_NAME },
  { "Last Name", TRACTION_IMPORT_CONTACT_LAST_NAME },
  { "Email", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Phone Number", TRACTION_IMPORT_CONTACT_PHONE },
  { "Mobile Phone Number", TRACTION_IMPORT_CONTACT_PHONE },
  { "Job Title", TRACTION_IMPORT_CONTACT_TITLE },
  { "Deal Name", TRACTION_IMPORT_DEAL_NAME },
  { "Deal Stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Annual recurring revenue", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Amount", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Close Date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Create Date", TRACTION_IMPORT_DEAL_CREATED },
  { "Closed Lost Reason", TRACTION_IMPORT_DEAL_LOST_REASON },
  { "Deal Description", TRACTION_IMPORT_NOTES },
  { "Description", TRACTION_IMPORT_NOTES },
  { "Record ID", TRACTION_IMPORT_IGNORE },
  { "Deal owner", TRACTION_IMPORT_IGNORE },
  { "Contact owner", TRACTION_IMPORT_IGNORE },
  { "Company owner", TRACTION_IMPORT_IGNORE },
  { "Pipeline", TRACTION_IMPORT_IGNORE },
  { "Lifecycle Stage", TRACTION_IMPORT_IGNORE },
  { "Lead Status", TRACTION_IMPORT_IGNORE },
  { "Last Activity Date", TRACTION_IMPORT_IGNORE },
  { "Deal Type", TRACTION_IMPORT_IGNORE },
  { "Number of Employees", TRACTION_IMPORT_IGNORE },
  { "Annual Revenue", TRACTION_IMPORT_IGNORE },
  { "Country/Region", TRACTION_IMPORT_IGNORE },
  { "Associated Company IDs", TRACTION_IMPORT_IGNORE },
  { "Associated Contact", TRACTION_IMPORT_IGNORE },
  { NULL, 0 }
};

static const HeaderMap pipedrive_headers[] = {
  { "Deal - Title", TRACTION_IMPORT_DEAL_NAME },
  { "Deal - Value", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Deal - Stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Deal - Status", TRACTION_IMPORT_DEAL_STATUS },
  { "Deal - Expected close date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Deal - Close time", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Deal - Won time", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Deal - Lost time", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Deal - Deal created", TRACTION_IMPORT_DEAL_CREATED },
  { "Deal - Lost reason", TRACTION_IMPORT_DEAL_LOST_REASON },
  { "Deal - Organization", TRACTION_IMPORT_COMPANY_NAME },
  { "Organization - Name", TRACTION_IMPORT_COMPANY_NAME },
  { "Organization - Website", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "Person - Name", TRACTION_IMPORT_CONTACT_NAME },
  { "Deal - Contact person", TRACTION_IMPORT_CONTACT_NAME },
  { "Person - First name", TRACTION_IMPORT_CONTACT_FIRST_NAME },
  { "Person - Last name", TRACTION_IMPORT_CONTACT_LAST_NAME },
  { "Person - Email", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Person - Email - Work", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Person - Email - Home", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Person - Email - Other", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Person - Phone", TRACTION_IMPORT_CONTACT_PHONE },
  { "Person - Phone - Work", TRACTION_IMPORT_CONTACT_PHONE },
  { "Person - Phone - Mobile", TRACTION_IMPORT_CONTACT_PHONE },
  { "Person - Job title", TRACTION_IMPORT_CONTACT_TITLE },
  { "Person - Organization", TRACTION_IMPORT_COMPANY_NAME },
  { "Deal - ID", TRACTION_IMPORT_IGNORE },
  { "Deal - Currency", TRACTION_IMPORT_IGNORE },
  { "Deal - Owner", TRACTION_IMPORT_IGNORE },
  { "Deal - Pipeline", TRACTION_IMPORT_IGNORE },
  { "Deal - Probability", TRACTION_IMPORT_IGNORE },
  { "Organization - ID", TRACTION_IMPORT_IGNORE },
  { "Organization - Address", TRACTION_IMPORT_IGNORE },
  { "Person - ID", TRACTION_IMPORT_IGNORE },
  { NULL, 0 }
};

static const HeaderMap attio_headers[] = {
  { "Domains", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "Company", TRACTION_IMPORT_COMPANY_NAME },
  { "Associated company", TRACTION_IMPORT_COMPANY_NAME },
  { "Email addresses", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Phone numbers", TRACTION_IMPORT_CONTACT_PHONE },
  { "Job title", TRACTION_IMPORT_CONTACT_TITLE },
  { "Associated people", TRACTION_IMPORT_IGNORE },
  { "Deal stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Deal value", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Close date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Created at", TRACTION_IMPORT_DEAL_CREATED },
  { "Description", TRACTION_IMPORT_NOTES },
  { "Record ID", TRACTION_IMPORT_IGNORE },
  { "Deal owner", TRACTION_IMPORT_IGNORE },
  { "Primary location", TRACTION_IMPORT_IGNORE },
  { "Categories", TRACTION_IMPORT_IGNORE },
  { "Created by", TRACTION_IMPORT_IGNORE },
  { "Team", TRACTION_IMPORT_IGNORE },
  { "Connection strength", TRACTION_IMPORT_IGNORE },
  { "Last interaction", TRACTION_IMPORT_IGNORE },
  { NULL, 0 }
};

/* Any other CSV: the usual words. */
static const HeaderMap generic_headers[] = {
  { "Company", TRACTION_IMPORT_COMPANY_NAME },
  { "Company name", TRACTION_IMPORT_COMPANY_NAME },
  { "Organization", TRACTION_IMPORT_COMPANY_NAME },
  { "Organisation", TRACTION_IMPORT_COMPANY_NAME },
  { "Account", TRACTION_IMPORT_COMPANY_NAME },
  { "Account name", TRACTION_IMPORT_COMPANY_NAME },
  { "Client", TRACTION_IMPORT_COMPANY_NAME },
  { "Customer", TRACTION_IMPORT_COMPANY_NAME },
  { "Domain", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "Website", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "URL", TRACTION_IMPORT_COMPANY_DOMAIN },
  { "Contact", TRACTION_IMPORT_CONTACT_NAME },
  { "Contact name", TRACTION_IMPORT_CONTACT_NAME },
  { "Full name", TRACTION_IMPORT_CONTACT_NAME },
  { "Person", TRACTION_IMPORT_CONTACT_NAME },
  { "First name", TRACTION_IMPORT_CONTACT_FIRST_NAME },
  { "Given name", TRACTION_IMPORT_CONTACT_FIRST_NAME },
  { "Last name", TRACTION_IMPORT_CONTACT_LAST_NAME },
  { "Surname", TRACTION_IMPORT_CONTACT_LAST_NAME },
  { "Family name", TRACTION_IMPORT_CONTACT_LAST_NAME },
  { "Email", TRACTION_IMPORT_CONTACT_EMAIL },
  { "E-mail", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Email address", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Work email", TRACTION_IMPORT_CONTACT_EMAIL },
  { "Phone", TRACTION_IMPORT_CONTACT_PHONE },
  { "Phone number", TRACTION_IMPORT_CONTACT_PHONE },
  { "Mobile", TRACTION_IMPORT_CONTACT_PHONE },
  { "Telephone", TRACTION_IMPORT_CONTACT_PHONE },
  { "Title", TRACTION_IMPORT_CONTACT_TITLE },
  { "Job title", TRACTION_IMPORT_CONTACT_TITLE },
  { "Position", TRACTION_IMPORT_CONTACT_TITLE },
  { "Role", TRACTION_IMPORT_CONTACT_TITLE },
  { "Deal", TRACTION_IMPORT_DEAL_NAME },
  { "Deal name", TRACTION_IMPORT_DEAL_NAME },
  { "Opportunity", TRACTION_IMPORT_DEAL_NAME },
  { "Opportunity name", TRACTION_IMPORT_DEAL_NAME },
  { "Stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Deal stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Pipeline stage", TRACTION_IMPORT_DEAL_STAGE },
  { "Status", TRACTION_IMPORT_DEAL_STATUS },
  { "Amount", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Value", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Deal value", TRACTION_IMPORT_DEAL_AMOUNT },
  { "ARR", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Annual recurring revenue", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Close date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Expected close", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Expected close date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Closing date", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Created", TRACTION_IMPORT_DEAL_CREATED },
  { "Created at", TRACTION_IMPORT_DEAL_CREATED },
  { "Created on", TRACTION_IMPORT_DEAL_CREATED },
  { "Create date", TRACTION_IMPORT_DEAL_CREATED },
  { "Date created", TRACTION_IMPORT_DEAL_CREATED },
  { "Lost reason", TRACTION_IMPORT_DEAL_LOST_REASON },
  { "Loss reason", TRACTION_IMPORT_DEAL_LOST_REASON },
  { "Notes", TRACTION_IMPORT_NOTES },
  { "Note", TRACTION_IMPORT_NOTES },
  { "Description", TRACTION_IMPORT_NOTES },
  { "Comments", TRACTION_IMPORT_NOTES },
  { "Closed on", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  /* Spreadsheets in German, French and Spanish */
  { "Firma", TRACTION_IMPORT_COMPANY_NAME },
  { "Unternehmen", TRACTION_IMPORT_COMPANY_NAME },
  { "Entreprise", TRACTION_IMPORT_COMPANY_NAME },
  { "Société", TRACTION_IMPORT_COMPANY_NAME },
  { "Empresa", TRACTION_IMPORT_COMPANY_NAME },
  { "Kontakt", TRACTION_IMPORT_CONTACT_NAME },
  { "Contacto", TRACTION_IMPORT_CONTACT_NAME },
  { "Telefon", TRACTION_IMPORT_CONTACT_PHONE },
  { "Téléphone", TRACTION_IMPORT_CONTACT_PHONE },
  { "Teléfono", TRACTION_IMPORT_CONTACT_PHONE },
  { "Phase", TRACTION_IMPORT_DEAL_STAGE },
  { "Étape", TRACTION_IMPORT_DEAL_STAGE },
  { "Etapa", TRACTION_IMPORT_DEAL_STAGE },
  { "Betrag", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Wert", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Montant", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Importe", TRACTION_IMPORT_DEAL_AMOUNT },
  { "Abschlussdatum", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Date de clôture", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Fecha de cierre", TRACTION_IMPORT_DEAL_CLOSE_DATE },
  { "Notizen", TRACTION_IMPORT_NOTES },
  { NULL, 0 }
};

static const HeaderMap * const format_headers[TRACTION_N_CSV_FORMATS] = {
  NULL, hubspot_headers, pipedrive_headers, attio_headers, generic_headers,
};

/* Lower-case letters and digits only: "Company Domain Name" and
 * "company_domain_name" are the same key. */
static char *
header_key (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
    }
  return g_string_free (key, FALSE);
}

static gboolean
lookup_header (const HeaderMap     *map,
               const char          *key,
               TractionImportField *out)
{
  for (guint i = 0; map[i].header != NULL; i++)
    {
      g_autofree char *other = header_key (map[i].header);

      if (g_str_equal (other, key))
        {
          *out = map[i].field;
          return TRUE;
        }
    }
  return FALSE;
}

TractionCsvFormat
traction_csv_detect_format (const TractionCsvTable *table)
{
  guint scores[TRACTION_N_CSV_FORMATS] = { 0 };
  TractionCsvFormat best = TRACTION_CSV_FORMAT_GENERIC;

  g_return_val_if_fail (table != NULL, TRACTION_CSV_FORMAT_GENERIC);

  /* A column counts for a format when only that format has it. */
  for (guint c = 0; c < table->header->len; c++)
    {
      g_autofree char *key = header_key (g_ptr_array_index (table->header, c));
      TractionImportField field;
      int only = -1;
      guint matches = 0;

      for (int f = TRACTION_CSV_FORMAT_HUBSPOT; f <= TRACTION_CSV_FORMAT_ATTIO; f++)
        {
          if (lookup_header (format_headers[f], key, &field))
            {
              matches++;
              only = f;
            }
        }
      if (matches == 1)
        scores[only]++;
    }

  for (int f = TRACTION_CSV_FORMAT_HUBSPOT; f <= TRACTION_CSV_FORMAT_ATTIO; f++)
    {
      /* Two columns at least: "Email" alone says nothing. */
      if (scores[f] >= 2 && (best == TRACTION_CSV_FORMAT_GENERIC || scores[f] > scores[best]))
        best = (TractionCsvFormat) f;
    }
  return best;
}

static gboolean
has_field (const TractionImportField *mapping,
           guint                      n,
           TractionImportField        field)
{
  for (guint i = 0; i < n; i++)
    if (mapping[i] == field)
      return TRUE;
  return FALSE;
}

TractionImportField *
traction_csv_guess_mapping (const TractionCsvTable *table,
                            TractionCsvFormat       format)
{
  TractionImportField *mapping;
  guint n;
  int name_column = -1;

  g_return_val_if_fail (table != NULL, NULL);

  if (format == TRACTION_CSV_FORMAT_AUTO || format >= TRACTION_N_CSV_FORMATS)
    format = traction_csv_detect_format (table);

  n = table->header->len;
  mapping = g_new0 (TractionImportField, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *key = header_key (g_ptr_array_index (table->header, c));
      TractionImportField field = TRACTION_IMPORT_IGNORE;

      if (!lookup_header (format_headers[format], key, &field) &&
          format != TRACTION_CSV_FORMAT_GENERIC)
        lookup_header (generic_headers, key, &field);
      if (field == TRACTION_IMPORT_IGNORE && g_str_equal (key, "name") && name_column < 0)
        name_column = (int) c;
      mapping[c] = field;
    }

  /* "Name" is the deal's in a deals export, the person's in a people
   * export, else the company's (Attio and most spreadsheets). */
  if (name_column >= 0)
    {
      if (has_field (mapping, n, TRACTION_IMPORT_DEAL_STAGE) ||
          has_field (mapping, n, TRACTION_IMPORT_DEAL_AMOUNT))
        mapping[name_column] = has_field (mapping, n, TRACTION_IMPORT_DEAL_NAME)
                               ? TRACTION_IMPORT_IGNORE : TRACTION_IMPORT_DEAL_NAME;
      else if (has_field (mapping, n, TRACTION_IMPORT_CONTACT_EMAIL))
        mapping[name_column] = TRACTION_IMPORT_CONTACT_NAME;
      else
        mapping[name_column] = TRACTION_IMPORT_COMPANY_NAME;
    }

  return mapping;
}

static const struct {
  const char    *key;     /* header_key () of the stage name */
  TractionStage  stage;
} stage_names[] = {
  /* ours */
  { "lead", TRACTION_STAGE_LEAD },
  { "qualified", TRACTION_STAGE_QUALIFIED },
  { "discovery", TRACTION_STAGE_DISCOVERY },
  { "proposal", TRACTION_STAGE_PROPOSAL },
  { "negotiation", TRACTION_STAGE_NEGOTIATION },
  { "won", TRACTION_STAGE_WON },
  { "lost", TRACTION_STAGE_LOST },
  { "closedwon", TRACTION_STAGE_WON },
  { "closedlost", TRACTION_STAGE_LOST },
  { "new", TRACTION_STAGE_LEAD },
  { "newlead", TRACTION_STAGE_LEAD },
  { "prospect", TRACTION_STAGE_LEAD },
  { "leadin", TRACTION_STAGE_LEAD },
  /* HubSpot's default pipeline (labels and internal values) */
  { "appointmentscheduled", TRACTION_STAGE_QUALIFIED },
  { "qualifiedtobuy", TRACTION_STAGE_QUALIFIED },
  { "presentationscheduled", TRACTION_STAGE_DISCOVERY },
  { "decisionmakerboughtin", TRACTION_STAGE_PROPOSAL },
  { "contractsent", TRACTION_STAGE_NEGOTIATION },
  /* Pipedrive's default pipeline */
  { "contactmade", TRACTION_STAGE_QUALIFIED },
  { "needsdefined", TRACTION_STAGE_DISCOVERY },
  { "demoscheduled", TRACTION_STAGE_DISCOVERY },
  { "proposalmade", TRACTION_STAGE_PROPOSAL },
  { "negotiationsstarted", TRACTION_STAGE_NEGOTIATION },
  /* Attio's default deal stages ("Won 🎉" keys to "won") */
  { "inprogress", TRACTION_STAGE_DISCOVERY },
  /* common words */
  { "sql", TRACTION_STAGE_QUALIFIED },
  { "demo", TRACTION_STAGE_DISCOVERY },
  { "proposalsent", TRACTION_STAGE_PROPOSAL },
  { "quotesent", TRACTION_STAGE_PROPOSAL },
  { "negotiating", TRACTION_STAGE_NEGOTIATION },
  { "closed", TRACTION_STAGE_WON },
};

gboolean
traction_import_stage_from_text (const char    *text,
                                 TractionStage *out)
{
  g_autofree char *key = header_key (text != NULL ? text : "");

  *out = TRACTION_STAGE_LEAD;
  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    {
      if (g_str_equal (key, stage_names[i].key))
        {
          *out = stage_names[i].stage;
          return TRUE;
        }
    }
  for (int s = 0; s < TRACTION_N_STAGES; s++)
    {
      g_autofree char *label = header_key (traction_stage_label ((TractionStage) s));

      if (key[0] != '\0' && g_str_equal (key, label))
        {
          *out = (TractionStage) s;
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Plan                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  guint          line;
  char          *company;
  char          *domain;        /* normalised, "" when none */
  char          *contact;       /* "" when the row has no contact */
  char          *email;         /* lower case */
  char          *phone;
  char          *title;
  char          *deal;          /* "" when the row has no deal */
  TractionStage  stage;
  gboolean       has_amount;
  gint64         amount_cents;
  GDate          close;
  GDate          created;
  char          *lost_reason;
  char          *notes;
} PlanRow;

struct _TractionImportPlan {
  GPtrArray *rows;       /* PlanRow * */
  GPtrArray *bad;        /* TractionImportProblem * */
  GPtrArray *notices;    /* TractionImportProblem * */
};

static void
plan_row_free (PlanRow *row)
{
  g_free (row->company);
  g_free (row->domain);
  g_free (row->contact);
  g_free (row->email);
  g_free (row->phone);
  g_free (row->title);
  g_free (row->deal);
  g_free (row->lost_reason);
  g_free (row->notes);
  g_free (row);
}

static void
problem_free (TractionImportProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (GPtrArray *list,
             guint      line,
             char      *reason)
{
  TractionImportProblem *problem = g_new0 (TractionImportProblem, 1);

  problem->line = line;
  problem->reason = reason;
  g_ptr_array_add (list, problem);
}

/* The first non-empty value among the columns mapped to field. */
static const char *
row_value (char                      **row,
           const TractionImportField  *mapping,
           guint                       n,
           TractionImportField         field)
{
  for (guint c = 0; c < n; c++)
    {
      if (mapping[c] == field && row[c][0] != '\0')
        return row[c];
    }
  return "";
}

/* The first item of a list ("a.com, b.com" in Attio). */
static char *
first_item (const char *text)
{
  const char *end = text + strcspn (text, ",;\n");

  return g_strstrip (g_strndup (text, (gsize) (end - text)));
}

/* "https://www.Acme.com/about" → "acme.com" */
static char *
normalise_domain (const char *text)
{
  g_autofree char *item = first_item (text);
  char *p = item;
  char *lower;

  if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    p += 7;
  else if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    p += 8;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;
  p[strcspn (p, "/:?# \t")] = '\0';
  lower = g_utf8_strdown (p, -1);
  while (lower[0] != '\0' && lower[strlen (lower) - 1] == '.')
    lower[strlen (lower) - 1] = '\0';
  return lower;
}

static gboolean
valid_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at > email && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         email[strlen (email) - 1] != '.' && strpbrk (email, " \t<>\"") == NULL;
}

static gboolean
free_mail_domain (const char *domain)
{
  static const char * const domains[] = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr",
    "hotmail.com", "hotmail.fr", "outlook.com", "live.com", "msn.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
    "gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru", "orange.fr",
    "free.fr", "qq.com", "163.com", "fastmail.com", "hey.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (g_str_equal (domain, domains[i]))
      return TRUE;
  return FALSE;
}

/* Amounts as CRMs and spreadsheets write them: "$12,000.50", "12000",
 * "12.000,50 €", "12 000,50", "EUR 1200". */
static gboolean
parse_amount (const char *text,
              gint64     *cents)
{
  g_autoptr(GString) s = g_string_new (text);
  char *last_comma;
  char *last_dot;
  char *comma;

  /* A currency code or symbol after the number. */
  while (s->len > 0 && (g_ascii_isalpha (s->str[s->len - 1]) || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
  if (g_str_has_suffix (s->str, "€") || g_str_has_suffix (s->str, "£"))
    g_string_truncate (s, s->len - strlen ("€"));
  g_strstrip (s->str);
  g_string_set_size (s, strlen (s->str));

  last_comma = strrchr (s->str, ',');
  last_dot = strrchr (s->str, '.');
  if (last_comma != NULL && (last_dot == NULL || last_comma > last_dot))
    {
      gsize decimals = strlen (last_comma + 1);

      /* "12.000,50" or "1200,5": the comma is the decimal mark. */
      if (last_dot != NULL || (decimals >= 1 && decimals <= 2))
        {
          GString *plain = g_string_new (NULL);

          for (char *p = s->str; *p != '\0'; p++)
            {
              if (p == last_comma)
                g_string_append_c (plain, '.');
              else if (*p != '.')
                g_string_append_c (plain, *p);
            }
          g_string_assign (s, plain->str);
          g_string_free (plain, TRUE);
        }
    }
  /* Thousands separators traction_money_parse_input does not take. */
  while ((comma = strchr (s->str, '\'')) != NULL)
    g_string_erase (s, comma - s->str, 1);

  return traction_money_parse_input (s->str, cents, NULL);
}

/* Dates as exports write them: "2026-03-15", "2026-03-15 10:22",
 * "2026-03-15T10:22:33.000Z", "03/15/2026", "15/03/2026", "15.03.2026".
 * An ambiguous a/b/yyyy is month first unless day_first. */
static gboolean
parse_any_date (const char *text,
                gboolean    day_first,
                GDate      *out)
{
  guint parts[3] = { 0 };
  guint n = 0;
  guint digits = 0;
  char separator = 0;
  const char *p;
  guint day, month, year;

  g_date_clear (out, 1);

  if (strlen (text) >= 10 && text[4] == '-' && text[7] == '-' &&
      (text[10] == '\0' || text[10] == ' ' || text[10] == 'T'))
    {
      char date[11];

      memcpy (date, text, 10);
      date[10] = '\0';
      return traction_date_parse (date, out, NULL);
    }

  for (p = text; *p != '\0' && *p != ' ' && *p != 'T'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++digits > 4)
            return FALSE;
          parts[n] = parts[n] * 10 + (guint) (*p - '0');
        }
      else if ((*p == '/' || *p == '.' || *p == '-') && digits > 0 && n < 2 &&
               (separator == 0 || separator == *p))
        {
          separator = *p;
          n++;
          digits = 0;
        }
      else
        return FALSE;
    }
  if (n != 2 || digits == 0)
    return FALSE;

  if (parts[0] > 31)
    {
      year = parts[0];
      month = parts[1];
      day = parts[2];
    }
  else
    {
      year = parts[2] < 100 ? parts[2] + 2000 : parts[2];
      if (separator == '.' || parts[0] > 12 || (day_first && parts[1] <= 12))
        {
          day = parts[0];
          month = parts[1];
        }
      else
        {
          month = parts[0];
          day = parts[1];
        }
    }

  if (year < 1900 || year > 2999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
any_mapped_value (char                      **row,
                  const TractionImportField  *mapping,
                  guint                       n)
{
  for (guint c = 0; c < n; c++)
    if (mapping[c] != TRACTION_IMPORT_IGNORE && row[c][0] != '\0')
      return TRUE;
  return FALSE;
}

/* Checks one row; NULL and a reason for a bad row. */
static PlanRow *
plan_row (char                      **row,
          guint                       line,
          const TractionImportField  *mapping,
          guint                       n,
          gboolean                    day_first,
          GPtrArray                  *notices,
          char                      **reason)
{
#define VALUE(field) row_value (row, mapping, n, TRACTION_IMPORT_##field)
  g_autoptr(GString) contact = g_string_new (VALUE (CONTACT_NAME));
  PlanRow *plan;
  const char *amount = VALUE (DEAL_AMOUNT);
  const char *close = VALUE (DEAL_CLOSE_DATE);
  const char *created = VALUE (DEAL_CREATED);
  const char *stage = VALUE (DEAL_STAGE);
  const char *status = VALUE (DEAL_STATUS);
  gboolean has_deal_fields;

  if (!any_mapped_value (row, mapping, n))
    {
      *reason = g_strdup (_("nothing to import: none of the columns chosen for import has a value in this row"));
      return NULL;
    }

  plan = g_new0 (PlanRow, 1);
  plan->line = line;
  g_date_clear (&plan->close, 1);
  g_date_clear (&plan->created, 1);
  plan->company = g_strdup (VALUE (COMPANY_NAME));
  plan->domain = normalise_domain (VALUE (COMPANY_DOMAIN));
  plan->email = first_item (VALUE (CONTACT_EMAIL));
  {
    char *lower = g_utf8_strdown (plan->email, -1);

    g_free (plan->email);
    plan->email = lower;
  }
  plan->phone = first_item (VALUE (CONTACT_PHONE));
  plan->title = g_strdup (VALUE (CONTACT_TITLE));
  plan->deal = g_strdup (VALUE (DEAL_NAME));
  plan->lost_reason = g_strdup (VALUE (DEAL_LOST_REASON));
  plan->notes = g_strdup (VALUE (NOTES));

  if (contact->len == 0)
    {
      const char *first = VALUE (CONTACT_FIRST_NAME);
      const char *last = VALUE (CONTACT_LAST_NAME);

      g_string_append (contact, first);
      if (first[0] != '\0' && last[0] != '\0')
        g_string_append_c (contact, ' ');
      g_string_append (contact, last);
    }

  if (plan->email[0] != '\0' && !valid_email (plan->email))
    {
      *reason = g_strdup_printf (_("“%s” is not an email address"), plan->email);
      plan_row_free (plan);
      return NULL;
    }
  if (contact->len == 0 && plan->email[0] != '\0')
    g_string_assign (contact, plan->email);
  if (contact->len == 0 && (plan->phone[0] != '\0' || plan->title[0] != '\0'))
    {
      *reason = g_strdup (_("the contact has no name and no email"));
      plan_row_free (plan);
      return NULL;
    }
  plan->contact = g_string_free (g_steal_pointer (&contact), FALSE);

  has_deal_fields = amount[0] != '\0' || close[0] != '\0' || stage[0] != '\0' ||
                    status[0] != '\0' || plan->lost_reason[0] != '\0';
  if (plan->deal[0] == '\0' && has_deal_fields)
    {
      *reason = g_strdup (_("the deal has no name"));
      plan_row_free (plan);
      return NULL;
    }

  if (amount[0] != '\0')
    {
      if (!parse_amount (amount, &plan->amount_cents))
        {
          *reason = g_strdup_printf (_("“%s” is not an amount (a positive number such as 12000 or 12,000.50)"),
                                     amount);
          plan_row_free (plan);
          return NULL;
        }
      plan->has_amount = TRUE;
    }
  if (close[0] != '\0' && !parse_any_date (close, day_first, &plan->close))
    {
      *reason = g_strdup_printf (_("“%s” is not a date (such as 2026-03-15)"), close);
      plan_row_free (plan);
      return NULL;
    }
  if (created[0] != '\0' && !parse_any_date (created, day_first, &plan->created))
    {
      *reason = g_strdup_printf (_("“%s” is not a date (such as 2026-03-15)"), created);
      plan_row_free (plan);
      return NULL;
    }

  plan->stage = TRACTION_STAGE_LEAD;
  if (plan->deal[0] != '\0')
    {
      g_autofree char *status_key = header_key (status);

      if (g_str_equal (status_key, "won"))
        plan->stage = TRACTION_STAGE_WON;
      else if (g_str_equal (status_key, "lost"))
        plan->stage = TRACTION_STAGE_LOST;
      else if (stage[0] != '\0' && !traction_import_stage_from_text (stage, &plan->stage))
        add_problem (notices, line,
                     g_strdup_printf (_("unknown stage “%s”: imported as Lead"), stage));
    }

  /* Every contact and deal belongs to a company. */
  if (plan->company[0] == '\0')
    {
      const char *at = strchr (plan->email, '@');

      g_free (plan->company);
      if (plan->domain[0] != '\0')
        plan->company = g_strdup (plan->domain);
      else if (at != NULL && !free_mail_domain (at + 1))
        {
          plan->company = g_strdup (at + 1);
          g_free (plan->domain);
          plan->domain = g_strdup (at + 1);
        }
      else if (plan->contact[0] != '\0')
        plan->company = g_strdup (plan->contact);
      else
        plan->company = g_strdup (plan->deal);
    }

  if (plan->company[0] == '\0')
    {
      *reason = g_strdup (_("no company, contact or deal name in this row"));
      plan_row_free (plan);
      return NULL;
    }

  return plan;
#undef VALUE
}

TractionImportPlan *
traction_import_plan_new (const TractionCsvTable    *table,
                          const TractionImportField *mapping)
{
  TractionImportPlan *plan;
  guint n;
  gboolean day_first;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL || table->header->len == 0, NULL);

  n = table->header->len;
  day_first = table->delimiter == ';';
  plan = g_new0 (TractionImportPlan, 1);
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_row_free);
  plan->bad = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  plan->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      guint line = g_array_index (table->lines, guint, r);
      char *reason = NULL;
      PlanRow *planned;

      if (g_array_index (table->extra, gboolean, r))
        {
          add_problem (plan->bad, line,
                       g_strdup_printf (_("more fields than the %u columns of the header (a delimiter inside an unquoted field?)"),
                                        n));
          continue;
        }

      planned = plan_row (row, line, mapping, n, day_first, plan->notices, &reason);
      if (planned == NULL)
        add_problem (plan->bad, line, reason);
      else
        g_ptr_array_add (plan->rows, planned);
    }

  return plan;
}

void
traction_import_plan_free (TractionImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_ptr_array_unref (plan->rows);
  g_ptr_array_unref (plan->bad);
  g_ptr_array_unref (plan->notices);
  g_free (plan);
}

guint
traction_import_plan_n_rows (const TractionImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->rows->len;
}

GPtrArray *
traction_import_plan_get_bad_rows (const TractionImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->bad;
}

GPtrArray *
traction_import_plan_get_notices (const TractionImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->notices;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/* A row as it was before the batch updated it. */
typedef struct {
  const char     *table;       /* static */
  gint64          id;
  GPtrArray      *columns;     /* char * */
  GPtrArray      *values;      /* sqlite3_value * */
} Snapshot;

enum { CREATED_ACCOUNTS, CREATED_CONTACTS, CREATED_DEALS, CREATED_STAGE_CHANGES,
       CREATED_LOSS_REASONS, N_CREATED };

static const char * const created_delete_sql[N_CREATED] = {
  "DELETE FROM accounts WHERE id = ?1",
  "DELETE FROM contacts WHERE id = ?1",
  "DELETE FROM deals WHERE id = ?1",
  "DELETE FROM stage_changes WHERE id = ?1",
  "DELETE FROM loss_reasons WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM deals WHERE loss_reason_id = ?1)",
};

struct _TractionImportBatch {
  char                 *id;
  TractionImportCounts  counts;
  GArray               *created[N_CREATED];  /* gint64 */
  GPtrArray            *snapshots;           /* Snapshot * */
  gboolean              undone;
};

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->columns);
  g_ptr_array_unref (snapshot->values);
  g_free (snapshot);
}

void
traction_import_batch_free (TractionImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->id);
  for (guint i = 0; i < N_CREATED; i++)
    g_array_unref (batch->created[i]);
  g_ptr_array_unref (batch->snapshots);
  g_free (batch);
}

static TractionImportBatch *
batch_new (void)
{
  TractionImportBatch *batch = g_new0 (TractionImportBatch, 1);
  g_autofree char *stamp = traction_now_timestamp ();

  batch->id = g_strdup_printf ("%s-%04x", stamp, g_random_int_range (0, 0x10000));
  for (guint i = 0; i < N_CREATED; i++)
    batch->created[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  batch->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  return batch;
}

const TractionImportCounts *
traction_import_batch_get_counts (const TractionImportBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);
  return &batch->counts;
}

const char *
traction_import_batch_get_id (const TractionImportBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);
  return batch->id;
}

typedef struct {
  TractionStore        *store;
  TractionImportBatch  *batch;
  TractionDuplicates    duplicates;
  GDate                 today;
  GHashTable           *account_by_domain;  /* char * → gint64 id */
  GHashTable           *account_by_name;    /* lower-case name → gint64 id (first) */
  GHashTable           *account_domain;     /* gint64 id → char * domain */
  GHashTable           *contact_by_email;   /* char * → gint64 id */
  GHashTable           *deal_by_key;        /* "account\x1fname" → gint64 id */
  GHashTable           *loss_reasons;       /* lower-case name → gint64 id */
  GHashTable           *seen;               /* "a:ID", "c:ID": touched by this batch */
} Writer;

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static char *
deal_key (gint64      account_id,
          const char *name)
{
  g_autofree char *lower = g_utf8_casefold (name, -1);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", account_id, lower);
}

/* Touched by this batch already (created or handled as a duplicate). */
static gboolean
mark_seen (Writer     *w,
           char        kind,
           gint64      id)
{
  char *key = g_strdup_printf ("%c:%" G_GINT64_FORMAT, kind, id);

  if (g_hash_table_contains (w->seen, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (w->seen, key);
  return TRUE;
}

static gboolean
is_seen (Writer *w,
         char    kind,
         gint64  id)
{
  g_autofree char *key = g_strdup_printf ("%c:%" G_GINT64_FORMAT, kind, id);

  return g_hash_table_contains (w->seen, key);
}

static gboolean
load_lookups (Writer  *w,
              GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (w->store, "SELECT id, name, domain FROM accounts ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      char *name = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1);
      g_autofree char *raw_domain = traction_column_text (stmt, 2);
      char *domain = normalise_domain (raw_domain);

      if (domain[0] != '\0' && !g_hash_table_contains (w->account_by_domain, domain))
        g_hash_table_insert (w->account_by_domain, g_strdup (domain), id_dup (id));
      if (!g_hash_table_contains (w->account_by_name, name))
        g_hash_table_insert (w->account_by_name, name, id_dup (id));
      else
        g_free (name);
      g_hash_table_insert (w->account_domain, id_dup (id), domain);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (w->store, stmt, rc, _("Could not read the companies"), error);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (w->store, "SELECT id, lower(email) FROM contacts WHERE email <> '' ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *email = (const char *) sqlite3_column_text (stmt, 1);

      if (email != NULL && !g_hash_table_contains (w->contact_by_email, email))
        g_hash_table_insert (w->contact_by_email, g_strdup (email), id_dup (sqlite3_column_int64 (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (w->store, stmt, rc, _("Could not read the contacts"), error);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (w->store, "SELECT id, account_id, name FROM deals ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = deal_key (sqlite3_column_int64 (stmt, 1), (const char *) sqlite3_column_text (stmt, 2));

      if (!g_hash_table_contains (w->deal_by_key, key))
        g_hash_table_insert (w->deal_by_key, key, id_dup (sqlite3_column_int64 (stmt, 0)));
      else
        g_free (key);
    }
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (w->store, stmt, rc, _("Could not read the deals"), error);
  sqlite3_reset (stmt);

  stmt = traction_store_prepare (w->store, "SELECT id, name FROM loss_reasons", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (w->loss_reasons,
                         g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1),
                         id_dup (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    return traction_store_read_failed (w->store, stmt, rc, _("Could not read the loss reasons"), error);
  sqlite3_reset (stmt);

  return TRUE;
}

static void
record_created (Writer *w,
                guint   kind,
                gint64  id)
{
  g_array_append_val (w->batch->created[kind], id);
}

/* Keeps the row as it is now, for undo. table is a literal of ours. */
static gboolean
take_snapshot (Writer      *w,
               const char  *table,
               gint64       id,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = traction_store_prepare (w->store, sql, error);
  Snapshot *snapshot;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return traction_store_read_failed (w->store, stmt, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
                                       _("Could not read the record to update"), error);

  snapshot = g_new0 (Snapshot, 1);
  snapshot->table = table;
  snapshot->id = id;
  snapshot->columns = g_ptr_array_new_with_free_func (g_free);
  snapshot->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *column = sqlite3_column_name (stmt, c);

      if (g_str_equal (column, "id"))
        continue;
      g_ptr_array_add (snapshot->columns, g_strdup (column));
      g_ptr_array_add (snapshot->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
    }
  sqlite3_reset (stmt);
  g_ptr_array_add (w->batch->snapshots, snapshot);
  return TRUE;
}

static gboolean
write_company (Writer         *w,
               const PlanRow  *row,
               gint64         *account_id,
               GError        **error)
{
  g_autofree char *name_key = g_utf8_casefold (row->company, -1);
  gint64 *found = NULL;
  sqlite3_stmt *stmt;

  if (row->domain[0] != '\0')
    found = g_hash_table_lookup (w->account_by_domain, row->domain);
  if (found == NULL)
    {
      gint64 *by_name = g_hash_table_lookup (w->account_by_name, name_key);

      if (by_name != NULL)
        {
          const char *domain = g_hash_table_lookup (w->account_domain, by_name);

          if (row->domain[0] == '\0' || domain == NULL || domain[0] == '\0')
            found = by_name;
        }
    }

  if (found != NULL && (w->duplicates != TRACTION_DUPLICATES_CREATE || is_seen (w, 'a', *found)))
    {
      *account_id = *found;
      if (!mark_seen (w, 'a', *found))
        return TRUE;         /* already handled in this batch */

      if (w->duplicates == TRACTION_DUPLICATES_SKIP)
        {
          w->batch->counts.skipped[TRACTION_IMPORT_COMPANIES]++;
          return TRUE;
        }

      if (!take_snapshot (w, "accounts", *found, error))
        return FALSE;
      stmt = traction_store_prepare (w->store,
                                     "UPDATE accounts SET name = ?2,"
                                     " domain = CASE WHEN ?3 <> '' THEN ?3 ELSE domain END,"
                                     " notes = CASE WHEN ?4 <> '' AND ?5 THEN ?4 ELSE notes END"
                                     " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *found);
      traction_bind_text (stmt, 2, row->company);
      traction_bind_text (stmt, 3, row->domain);
      traction_bind_text (stmt, 4, row->notes);
      sqlite3_bind_int (stmt, 5, row->deal[0] == '\0' && row->contact[0] == '\0');
      if (!traction_store_step_done (w->store, stmt, _("Could not update the company"), error))
        return FALSE;
      if (row->domain[0] != '\0')
        {
          g_hash_table_replace (w->account_domain, id_dup (*found), g_strdup (row->domain));
          g_hash_table_replace (w->account_by_domain, g_strdup (row->domain), id_dup (*found));
        }
      w->batch->counts.updated[TRACTION_IMPORT_COMPANIES]++;
      return TRUE;
    }

  stmt = traction_store_prepare (w->store,
                                 "INSERT INTO accounts (name, domain, notes, created_on) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  traction_bind_text (stmt, 1, row->company);
  traction_bind_text (stmt, 2, row->domain);
  traction_bind_text (stmt, 3, row->deal[0] == '\0' && row->contact[0] == '\0' ? row->notes : "");
  traction_bind_date (stmt, 4, g_date_valid (&row->created) ? &row->created : &w->today);
  if (!traction_store_step_done (w->store, stmt, _("Could not add the company"), error))
    return FALSE;

  *account_id = sqlite3_last_insert_rowid (traction_store_get_db (w->store));
  record_created (w, CREATED_ACCOUNTS, *account_id);
  mark_seen (w, 'a', *account_id);
  /* The newest record wins the lookups: later rows of the file go to it. */
  if (row->domain[0] != '\0')
    g_hash_table_replace (w->account_by_domain, g_strdup (row->domain), id_dup (*account_id));
  g_hash_table_replace (w->account_by_name, g_steal_pointer (&name_key), id_dup (*account_id));
  g_hash_table_replace (w->account_domain, id_dup (*account_id), g_strdup (row->domain));
  w->batch->counts.created[TRACTION_IMPORT_COMPANIES]++;
  return TRUE;
}

static gboolean
write_contact (Writer         *w,
               const PlanRow  *row,
               gint64          account_id,
               GError        **error)
{
  gint64 *found = NULL;
  sqlite3_stmt *stmt;
  const char *notes = row->deal[0] == '\0' ? row->notes : "";

  if (row->email[0] != '\0')
    found = g_hash_table_lookup (w->contact_by_email, row->email);

  if (found != NULL && (w->duplicates != TRACTION_DUPLICATES_CREATE || is_seen (w, 'c', *found)))
    {
      if (!mark_seen (w, 'c', *found))
        return TRUE;

      if (w->duplicates == TRACTION_DUPLICATES_SKIP)
        {
          w->batch->counts.skipped[TRACTION_IMPORT_CONTACTS]++;
          return TRUE;
        }

      if (!take_snapshot (w, "contacts", *found, error))
        return FALSE;
      stmt = traction_store_prepare (w->store,
                                     "UPDATE contacts SET name = ?2,"
                                     " title = CASE WHEN ?3 <> '' THEN ?3 ELSE title END,"
                                     " phone = CASE WHEN ?4 <> '' THEN ?4 ELSE phone END,"
                                     " notes = CASE WHEN ?5 <> '' THEN ?5 ELSE notes END"
                                     " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *found);
      traction_bind_text (stmt, 2, row->contact);
      traction_bind_text (stmt, 3, row->title);
      traction_bind_text (stmt, 4, row->phone);
      traction_bind_text (stmt, 5, notes);
      if (!traction_store_step_done (w->store, stmt, _("Could not update the contact"), error))
        return FALSE;
      w->batch->counts.updated[TRACTION_IMPORT_CONTACTS]++;
      return TRUE;
    }

  stmt = traction_store_prepare (w->store,
                                 "INSERT INTO contacts (account_id, name, title, email, phone, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_text (stmt, 2, row->contact);
  traction_bind_text (stmt, 3, row->title);
  traction_bind_text (stmt, 4, row->email);
  traction_bind_text (stmt, 5, row->phone);
  traction_bind_text (stmt, 6, notes);
  if (!traction_store_step_done (w->store, stmt, _("Could not add the contact"), error))
    return FALSE;

  {
    gint64 id = sqlite3_last_insert_rowid (traction_store_get_db (w->store));

    record_created (w, CREATED_CONTACTS, id);
    mark_seen (w, 'c', id);
    if (row->email[0] != '\0')
      g_hash_table_replace (w->contact_by_email, g_strdup (row->email), id_dup (id));
  }
  w->batch->counts.created[TRACTION_IMPORT_CONTACTS]++;
  return TRUE;
}

static gboolean
loss_reason_id (Writer      *w,
                const char  *name,
                gint64      *id,
                GError     **error)
{
  const char *wanted = name[0] != '\0' ? name : _("Not recorded (imported)");
  g_autofree char *key = g_utf8_casefold (wanted, -1);
  gint64 *found = g_hash_table_lookup (w->loss_reasons, key);
  sqlite3_stmt *stmt;

  if (found != NULL)
    {
      *id = *found;
      return TRUE;
    }

  stmt = traction_store_prepare (w->store,
                                 "INSERT INTO loss_reasons (name, position)"
                                 " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM loss_reasons))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  traction_bind_text (stmt, 1, wanted);
  if (!traction_store_step_done (w->store, stmt, _("Could not add the loss reason"), error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (traction_store_get_db (w->store));
  record_created (w, CREATED_LOSS_REASONS, *id);
  g_hash_table_insert (w->loss_reasons, g_steal_pointer (&key), id_dup (*id));
  return TRUE;
}

static gboolean
insert_stage_change (Writer         *w,
                     gint64          deal_id,
                     const char     *from_stage,
                     TractionStage   to,
                     const GDate    *on,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  char date[16];
  g_autofree char *stamp = NULL;

  traction_date_format (on, date);
  stamp = g_strdup_printf ("%sT00:00:00Z", date);
  stmt = traction_store_prepare (w->store,
                                 "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_at, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  traction_bind_text (stmt, 2, from_stage);
  traction_bind_text (stmt, 3, traction_stage_to_id (to));
  traction_bind_text (stmt, 4, stamp);
  traction_bind_text (stmt, 5, _("Imported from CSV"));
  if (!traction_store_step_done (w->store, stmt, _("Could not save the stage change"), error))
    return FALSE;
  record_created (w, CREATED_STAGE_CHANGES, sqlite3_last_insert_rowid (traction_store_get_db (w->store)));
  return TRUE;
}

static gboolean
write_deal (Writer         *w,
            const PlanRow  *row,
            gint64          account_id,
            GError        **error)
{
  g_autofree char *key = deal_key (account_id, row->deal);
  gint64 *found = g_hash_table_lookup (w->deal_by_key, key);
  gboolean closed = row->stage == TRACTION_STAGE_WON || row->stage == TRACTION_STAGE_LOST;
  const GDate *created = g_date_valid (&row->created) ? &row->created : &w->today;
  const GDate *closed_on = NULL;
  gint64 reason_id = 0;
  sqlite3_stmt *stmt;
  gint64 id;

  if (closed)
    closed_on = g_date_valid (&row->close) ? &row->close : created;
  if (row->stage == TRACTION_STAGE_LOST && !loss_reason_id (w, row->lost_reason, &reason_id, error))
    return FALSE;

  /* Deals of this batch are never duplicates of each other: two rows are
   * two deals in the CRM they come from. */
  if (found != NULL && w->duplicates != TRACTION_DUPLICATES_CREATE &&
      !g_hash_table_contains (w->seen, key))
    {
      g_autofree char *old_stage = NULL;

      if (w->duplicates == TRACTION_DUPLICATES_SKIP)
        {
          w->batch->counts.skipped[TRACTION_IMPORT_DEALS]++;
          return TRUE;
        }

      stmt = traction_store_prepare (w->store, "SELECT stage FROM deals WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *found);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_stage = traction_column_text (stmt, 0);
      sqlite3_reset (stmt);

      if (!take_snapshot (w, "deals", *found, error))
        return FALSE;
      stmt = traction_store_prepare (w->store,
                                     "UPDATE deals SET stage = ?2,"
                                     " arr_cents = CASE WHEN ?3 THEN ?4 ELSE arr_cents END,"
                                     " expected_close = coalesce(?5, expected_close),"
                                     " closed_on = ?6,"
                                     " loss_reason_id = ?7,"
                                     " notes = CASE WHEN ?8 <> '' THEN ?8 ELSE notes END"
                                     " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *found);
      traction_bind_text (stmt, 2, traction_stage_to_id (row->stage));
      sqlite3_bind_int (stmt, 3, row->has_amount);
      sqlite3_bind_int64 (stmt, 4, row->amount_cents);
      traction_bind_date (stmt, 5, closed ? NULL : &row->close);
      traction_bind_date (stmt, 6, closed_on);
      if (reason_id > 0)
        sqlite3_bind_int64 (stmt, 7, reason_id);
      else
        sqlite3_bind_null (stmt, 7);
      traction_bind_text (stmt, 8, row->notes);
      if (!traction_store_step_done (w->store, stmt, _("Could not update the deal"), error))
        return FALSE;
      if (old_stage != NULL && !g_str_equal (old_stage, traction_stage_to_id (row->stage)) &&
          !insert_stage_change (w, *found, old_stage, row->stage, &w->today, error))
        return FALSE;
      g_hash_table_add (w->seen, g_steal_pointer (&key));
      w->batch->counts.updated[TRACTION_IMPORT_DEALS]++;
      return TRUE;
    }

  stmt = traction_store_prepare (w->store,
                                 "INSERT INTO deals (account_id, name, stage, arr_cents, created_on,"
                                 " expected_close, closed_on, loss_reason_id, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  traction_bind_text (stmt, 2, row->deal);
  traction_bind_text (stmt, 3, traction_stage_to_id (row->stage));
  sqlite3_bind_int64 (stmt, 4, row->has_amount ? row->amount_cents : 0);
  traction_bind_date (stmt, 5, created);
  traction_bind_date (stmt, 6, closed ? NULL : &row->close);
  traction_bind_date (stmt, 7, closed_on);
  if (reason_id > 0)
    sqlite3_bind_int64 (stmt, 8, reason_id);
  else
    sqlite3_bind_null (stmt, 8);
  traction_bind_text (stmt, 9, row->notes);
  if (!traction_store_step_done (w->store, stmt, _("Could not add the deal"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (traction_store_get_db (w->store));
  record_created (w, CREATED_DEALS, id);
  if (!insert_stage_change (w, id, NULL, row->stage, created, error))
    return FALSE;
  if (found == NULL)
    g_hash_table_insert (w->deal_by_key, g_strdup (key), id_dup (id));
  g_hash_table_add (w->seen, g_steal_pointer (&key));
  w->batch->counts.created[TRACTION_IMPORT_DEALS]++;
  return TRUE;
}

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->account_by_domain, g_hash_table_unref);
  g_clear_pointer (&w->account_by_name, g_hash_table_unref);
  g_clear_pointer (&w->account_domain, g_hash_table_unref);
  g_clear_pointer (&w->contact_by_email, g_hash_table_unref);
  g_clear_pointer (&w->deal_by_key, g_hash_table_unref);
  g_clear_pointer (&w->loss_reasons, g_hash_table_unref);
  g_clear_pointer (&w->seen, g_hash_table_unref);
}

static char *
describe_bad_rows (GPtrArray *bad)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u row cannot be imported, so nothing was imported:",
                                       "%u rows cannot be imported, so nothing was imported:",
                                       bad->len),
                          bad->len);
  for (guint i = 0; i < bad->len && i < MAX_LISTED_BAD_ROWS; i++)
    {
      const TractionImportProblem *problem = g_ptr_array_index (bad, i);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->reason);
    }
  if (bad->len > MAX_LISTED_BAD_ROWS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("…and %u more."), bad->len - MAX_LISTED_BAD_ROWS);
    }
  return g_string_free (text, FALSE);
}

gboolean
traction_store_import_plan (TractionStore             *self,
                            const TractionImportPlan  *plan,
                            TractionDuplicates         duplicates,
                            gboolean                   skip_bad,
                            const GDate               *today,
                            TractionImportProgress     progress,
                            gpointer                   progress_data,
                            TractionImportBatch      **batch_out,
                            GError                   **error)
{
  g_autoptr(TractionImportBatch) batch = NULL;
  Writer w = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plan->bad->len > 0 && !skip_bad)
    {
      g_autofree char *message = describe_bad_rows (plan->bad);

      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  batch = batch_new ();
  batch->counts.bad_rows = plan->bad->len;

  w.store = self;
  w.batch = batch;
  w.duplicates = duplicates;
  g_date_clear (&w.today, 1);
  if (today != NULL && g_date_valid (today))
    w.today = *today;
  else
    traction_date_today (&w.today);
  w.account_by_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.account_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.account_domain = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.contact_by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.deal_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.loss_reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!traction_store_begin (self, error))
    {
      writer_clear (&w);
      return FALSE;
    }

  ok = load_lookups (&w, error);
  for (guint i = 0; ok && i < plan->rows->len; i++)
    {
      const PlanRow *row = g_ptr_array_index (plan->rows, i);
      gint64 account_id = 0;

      ok = write_company (&w, row, &account_id, error) &&
           (row->contact[0] == '\0' || write_contact (&w, row, account_id, error)) &&
           (row->deal[0] == '\0' || write_deal (&w, row, account_id, error));

      if (ok && progress != NULL && ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == plan->rows->len))
        progress (i + 1, plan->rows->len, progress_data);
    }
  writer_clear (&w);

  if (!ok)
    {
      traction_store_rollback (self);
      return FALSE;
    }
  if (!traction_store_commit (self, error))
    return FALSE;

  if (batch_out != NULL)
    *batch_out = g_steal_pointer (&batch);
  return TRUE;
}

gboolean
traction_store_undo_import (TractionStore        *self,
                            TractionImportBatch  *batch,
                            GError              **error)
{
  /* Children before parents. */
  static const guint delete_order[] = { CREATED_STAGE_CHANGES, CREATED_DEALS, CREATED_CONTACTS,
                                        CREATED_ACCOUNTS, CREATED_LOSS_REASONS };

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (batch->undone)
    return TRUE;

  if (!traction_store_begin (self, error))
    return FALSE;

  for (guint s = batch->snapshots->len; s > 0; s--)
    {
      const Snapshot *snapshot = g_ptr_array_index (batch->snapshots, s - 1);
      g_autoptr(GString) sql = g_string_new ("UPDATE ");
      sqlite3_stmt *stmt;

      g_string_append (sql, snapshot->table);
      g_string_append (sql, " SET ");
      for (guint c = 0; c < snapshot->columns->len; c++)
        g_string_append_printf (sql, "%s%s = ?%u", c > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (snapshot->columns, c), c + 1);
      g_string_append_printf (sql, " WHERE id = ?%u", snapshot->columns->len + 1);

      stmt = traction_store_prepare_write (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint c = 0; c < snapshot->values->len; c++)
        sqlite3_bind_value (stmt, (int) c + 1, g_ptr_array_index (snapshot->values, c));
      sqlite3_bind_int64 (stmt, (int) snapshot->columns->len + 1, snapshot->id);
      if (!traction_store_step_write (self, stmt, _("Could not put back an updated record"), error))
        return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (delete_order); k++)
    {
      guint kind = delete_order[k];
      GArray *ids = batch->created[kind];
      sqlite3_stmt *stmt = traction_store_prepare_write (self, created_delete_sql[kind], error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = ids->len; i > 0; i--)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i - 1));
          if (!traction_store_step_write (self, stmt, _("Could not remove an imported record"), error))
            return FALSE;
        }
    }

  if (!traction_store_commit (self, error))
    return FALSE;
  batch->undone = TRUE;
  return TRUE;
}

char *
traction_import_counts_describe (const TractionImportCounts *counts)
{
  GString *text = g_string_new (NULL);
  guint created = counts->created[0] + counts->created[1] + counts->created[2];
  guint updated = counts->updated[0] + counts->updated[1] + counts->updated[2];
  guint skipped = counts->skipped[0] + counts->skipped[1] + counts->skipped[2];

  /* TRANSLATORS: the three numbers are companies, contacts and deals. */
  g_string_append_printf (text, _("Added %u companies, %u contacts and %u deals."),
                          counts->created[0], counts->created[1], counts->created[2]);
  if (updated > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Updated %u companies, %u contacts and %u deals."),
                              counts->updated[0], counts->updated[1], counts->updated[2]);
    }
  if (skipped > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Left %u existing companies, %u contacts and %u deals as they were."),
                              counts->skipped[0], counts->skipped[1], counts->skipped[2]);
    }
  if (counts->bad_rows > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Left out %u bad row.", "Left out %u bad rows.",
                                           counts->bad_rows),
                              counts->bad_rows);
    }
  if (created == 0 && updated == 0 && skipped == 0 && counts->bad_rows == 0)
    {
      g_string_truncate (text, 0);
      g_string_append (text, _("Nothing to import."));
    }
  return g_string_free (text, FALSE);
}
