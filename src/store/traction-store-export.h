/* traction-store-export.h: CSV exports for spreadsheets and an iCalendar
 * file of follow-ups and renewals for GNOME Calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_CSV_EXPORT_DEALS,
  TRACTION_CSV_EXPORT_CLIENTS,
  TRACTION_CSV_EXPORT_HEALTH,
  TRACTION_CSV_EXPORT_MOVEMENTS,   /* "client,date,kind,amount": what import-movements reads */
  TRACTION_N_CSV_EXPORTS
} TractionCsvExport;

const char *traction_csv_export_to_id        (TractionCsvExport what);   /* "deals" */
gboolean    traction_csv_export_from_id      (const char *id, TractionCsvExport *out);
const char *traction_csv_export_label        (TractionCsvExport what);   /* "Deals" */
/* A file name to offer: "traction-deals-2026-11-22.csv" (newly allocated). */
char       *traction_csv_export_file_name    (TractionCsvExport what,
                                              const GDate      *today);

/* A spreadsheet would run a cell starting with = + - @ (or a tab or
 * carriage return) as a formula: such text gets a leading apostrophe.
 * Newly allocated. */
char       *traction_csv_neutralise          (const char *text);

/* UTF-8 CSV, comma-separated, CRLF line ends, header first; text cells
 * neutralised and quoted, numbers plain ("1250.50"). today: as of when
 * (ARR of clients, next renewal); NULL for traction_date_today. */
char       *traction_store_export_csv        (TractionStore      *self,
                                              TractionCsvExport   what,
                                              const GDate        *today,
                                              GError            **error);

/* iCalendar (RFC 5545, written with libical): an all-day event per open
 * follow-up with a due date and per renewal of an active contract, each
 * with a stable UID so a second import updates the first. */
char       *traction_store_export_ics        (TractionStore  *self,
                                              const GDate    *today,
                                              GError        **error);

G_END_DECLS

G_BEGIN_DECLS

/* What a database file holds, read without changing it (for "restore
 * will replace …"). */
typedef struct {
  guint  accounts;
  guint  contacts;
  guint  deals;
  gint64 modified;      /* Unix time of the file, 0 unknown */
} TractionFileSummary;

gboolean    traction_store_file_summary      (const char           *path,
                                              TractionFileSummary  *out,
                                              GError              **error);

G_END_DECLS
