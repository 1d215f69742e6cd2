/* traction-store-import.h: CSV import of companies, contacts and deals as
 * exported by HubSpot, Pipedrive and Attio, or any CSV through a column
 * mapping.
 *
 * Three steps, so that a window can show each one:
 *  1. traction_csv_table_parse: decode (UTF-8 with or without BOM, UTF-16
 *     with BOM, else Windows-1252), find the delimiter (comma, semicolon or
 *     tab) and read the records with libcsv, each with its physical line.
 *  2. traction_import_plan_new: with a format (detected or chosen) and a
 *     column mapping, check every row: the bad ones are listed with their
 *     line and reason, unknown stages are imported as Lead and reported.
 *  3. traction_store_import_plan: writes the good rows (or, when bad rows
 *     are present and skip_bad is FALSE, nothing) in one transaction,
 *     finding duplicates (same company domain, same contact email, same
 *     deal name at the same company) and skipping, updating or creating
 *     them. The batch it returns undoes the whole import.
 *
 * Steps 1 and 2 touch no database and can run in any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Reading CSV                                                         */
/* ------------------------------------------------------------------ */

/* Called once per record with its fields (char *, NUL-terminated) and the
 * physical line where it starts. Return FALSE with error set to stop. */
typedef gboolean (*TractionCsvRecordFunc) (GPtrArray   *fields,
                                           guint        line,
                                           gpointer     user_data,
                                           GError     **error);

/* Reads UTF-8 CSV text with libcsv, one record at a time. strict: a quote
 * inside an unquoted field or text after a closing quote is an error
 * ("Line N: malformed quoting"); otherwise it is kept as text. A quoted
 * field left open at the end is always an error. Errors are
 * TRACTION_STORE_ERROR_INVALID with the line (also in error_line, may
 * be NULL). */
gboolean        traction_csv_read              (const char             *data,
                                                gsize                   length,
                                                char                    delimiter,
                                                gboolean                strict,
                                                TractionCsvRecordFunc   func,
                                                gpointer                user_data,
                                                guint                  *error_line,
                                                GError                **error);
/* Line breaks in text: "\r\n", "\n" and a lone "\r" each count one. */
guint           traction_csv_count_line_breaks (const char             *text,
                                                gsize                   length);

typedef struct {
  char      *encoding;   /* "UTF-8", "UTF-8 (BOM)", "UTF-16 (BOM)", "Windows-1252" */
  char       delimiter;  /* ',', ';' or '\t' */
  GPtrArray *header;     /* char *, as in the file (trimmed) */
  GPtrArray *rows;       /* GStrv, padded with "" to the header's width */
  GArray    *lines;      /* guint, physical line of each row */
  GArray    *extra;      /* gboolean per row: non-empty fields past the header */
} TractionCsvTable;

TractionCsvTable *traction_csv_table_parse     (const char  *data,
                                                gsize        length,
                                                GError     **error);
void              traction_csv_table_free      (TractionCsvTable *table);

/* ------------------------------------------------------------------ */
/* Formats and mapping                                                 */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_CSV_FORMAT_AUTO,
  TRACTION_CSV_FORMAT_HUBSPOT,
  TRACTION_CSV_FORMAT_PIPEDRIVE,
  TRACTION_CSV_FORMAT_ATTIO,
  TRACTION_CSV_FORMAT_GENERIC,     /* "Other CSV": columns guessed from their names */
  TRACTION_N_CSV_FORMATS
} TractionCsvFormat;

const char *traction_csv_format_to_id          (TractionCsvFormat format);  /* "hubspot" */
gboolean    traction_csv_format_from_id        (const char *id, TractionCsvFormat *out);
const char *traction_csv_format_label          (TractionCsvFormat format);  /* "HubSpot" */

/* What a column holds. */
typedef enum {
  TRACTION_IMPORT_IGNORE,
  TRACTION_IMPORT_COMPANY_NAME,
  TRACTION_IMPORT_COMPANY_DOMAIN,
  TRACTION_IMPORT_CONTACT_NAME,
  TRACTION_IMPORT_CONTACT_FIRST_NAME,
  TRACTION_IMPORT_CONTACT_LAST_NAME,
  TRACTION_IMPORT_CONTACT_EMAIL,
  TRACTION_IMPORT_CONTACT_PHONE,
  TRACTION_IMPORT_CONTACT_TITLE,
  TRACTION_IMPORT_DEAL_NAME,
  TRACTION_IMPORT_DEAL_STAGE,
  TRACTION_IMPORT_DEAL_STATUS,     /* Pipedrive "open" / "won" / "lost": wins over the stage */
  TRACTION_IMPORT_DEAL_AMOUNT,
  TRACTION_IMPORT_DEAL_CLOSE_DATE,
  TRACTION_IMPORT_DEAL_CREATED,
  TRACTION_IMPORT_DEAL_LOST_REASON,
  TRACTION_IMPORT_NOTES,
  TRACTION_N_IMPORT_FIELDS
} TractionImportField;

const char *traction_import_field_to_id        (TractionImportField field);  /* "company-name" */
gboolean    traction_import_field_from_id      (const char *id, TractionImportField *out);
const char *traction_import_field_label        (TractionImportField field);  /* "Company name" */

/* The format whose export column names the header matches best;
 * GENERIC when none does. */
TractionCsvFormat traction_csv_detect_format   (const TractionCsvTable *table);

/* One TractionImportField per header column (newly allocated, header->len
 * entries) for format (AUTO detects it). */
TractionImportField *traction_csv_guess_mapping (const TractionCsvTable *table,
                                                 TractionCsvFormat       format);

/* Our stage for a stage name of another CRM; FALSE (and Lead) when it is
 * not known. */
gboolean    traction_import_stage_from_text    (const char     *text,
                                                TractionStage  *out);

/* ------------------------------------------------------------------ */
/* Plan                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  guint  line;
  char  *reason;     /* translated, without the line number */
} TractionImportProblem;

typedef struct _TractionImportPlan TractionImportPlan;

/* Checks every row of table against mapping (header->len entries). */
TractionImportPlan *traction_import_plan_new   (const TractionCsvTable    *table,
                                                const TractionImportField *mapping);
void        traction_import_plan_free          (TractionImportPlan *plan);
guint       traction_import_plan_n_rows        (const TractionImportPlan *plan);  /* good rows */
/* TractionImportProblem: rows that cannot be imported, by line. */
GPtrArray  *traction_import_plan_get_bad_rows  (const TractionImportPlan *plan);
/* TractionImportProblem: rows imported with a change (unknown stage → Lead). */
GPtrArray  *traction_import_plan_get_notices   (const TractionImportPlan *plan);

/* ------------------------------------------------------------------ */
/* Writing, and undoing                                                */
/* ------------------------------------------------------------------ */

typedef enum {
  TRACTION_DUPLICATES_SKIP,     /* keep what Traction has; link new deals/contacts to it */
  TRACTION_DUPLICATES_UPDATE,   /* overwrite with the non-empty imported values */
  TRACTION_DUPLICATES_CREATE,   /* add a second record */
} TractionDuplicates;

typedef struct {
  guint created[3];    /* companies, contacts, deals */
  guint updated[3];
  guint skipped[3];    /* duplicates left as they were */
  guint bad_rows;      /* left out (skip_bad) */
} TractionImportCounts;

enum { TRACTION_IMPORT_COMPANIES, TRACTION_IMPORT_CONTACTS, TRACTION_IMPORT_DEALS };

typedef struct _TractionImportBatch TractionImportBatch;

/* Called from the thread that imports, every few hundred rows. */
typedef void (*TractionImportProgress) (guint    done,
                                        guint    total,
                                        gpointer user_data);

/* Writes the plan in one transaction. With bad rows and !skip_bad, fails
 * with INVALID listing them and writes nothing. today dates records that
 * carry no date (NULL: traction_date_today). batch_out (may be NULL) gets
 * what undoes the import. */
gboolean    traction_store_import_plan         (TractionStore             *self,
                                                const TractionImportPlan  *plan,
                                                TractionDuplicates         duplicates,
                                                gboolean                   skip_bad,
                                                const GDate               *today,
                                                TractionImportProgress     progress,
                                                gpointer                   progress_data,
                                                TractionImportBatch      **batch_out,
                                                GError                   **error);

const TractionImportCounts *traction_import_batch_get_counts (const TractionImportBatch *batch);
/* "2026-11-22T08:30:00Z-3f2a": names the batch in messages and logs. */
const char *traction_import_batch_get_id       (const TractionImportBatch *batch);
/* Removes what the batch created and puts back what it updated, in one
 * transaction. Records edited since are put back too. */
gboolean    traction_store_undo_import         (TractionStore        *self,
                                                TractionImportBatch  *batch,
                                                GError              **error);
void        traction_import_batch_free         (TractionImportBatch *batch);

/* "Created 3 companies, 2 contacts and 40 deals; updated …" (translated). */
char       *traction_import_counts_describe    (const TractionImportCounts *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionCsvTable, traction_csv_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionImportPlan, traction_import_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionImportBatch, traction_import_batch_free)

G_END_DECLS
