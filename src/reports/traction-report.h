/* traction-report.h: printed pages (print and PDF) with Cairo + Pango.
 *
 * A report is a TractionReportSpec: how many pages for a page size, and
 * how to draw page N onto a TractionPage. The same draw code serves
 * GtkPrintOperation (ui/traction-print.c), PDF files
 * (traction_report_write_pdf) and the tests. No GTK here.
 *
 * Units are points (1/72 inch) throughout; page->y is a cursor that the
 * flow helpers (heading, paragraph, key figures, table) move down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "traction-chart.h"

G_BEGIN_DECLS

#define TRACTION_REPORT_ERROR (traction_report_error_quark ())

typedef enum {
  TRACTION_REPORT_ERROR_WRITE,    /* the file could not be written */
  TRACTION_REPORT_ERROR_DRAW,     /* cairo failed while drawing */
} TractionReportError;

GQuark traction_report_error_quark (void);

typedef enum {
  TRACTION_PAPER_A4,
  TRACTION_PAPER_LETTER,
} TractionPaper;

/* Letter where LC_PAPER (else LC_ALL, else LANG) names a territory that
 * uses it (US, CA, MX, PH, CL, CO, VE, CR, GT, PR, …), else A4. */
TractionPaper  traction_paper_from_locale   (void);
/* The same rule for a locale name such as "en_US.UTF-8" (NULL, "C" and
 * "POSIX" give A4). */
TractionPaper  traction_paper_for_locale    (const char    *locale);
/* Size in points: A4 595.28 × 841.89, Letter 612 × 792. */
void           traction_paper_size          (TractionPaper  paper,
                                             double        *width,
                                             double        *height);
/* PWG media name ("iso_a4", "na_letter") for GtkPaperSize. */
const char    *traction_paper_pwg_name      (TractionPaper  paper);

/* Margins every printer keeps (most need 4–6 mm), with room to spare. */
#define TRACTION_REPORT_MARGIN_MM   18.0
#define TRACTION_REPORT_MM          (72.0 / 25.4)

typedef struct {
  cairo_t            *cr;
  double              width, height;     /* the whole sheet */
  double              margin_top, margin_right, margin_bottom, margin_left;
  double              left, top, right, bottom; /* the content box */
  double              y;                 /* flow cursor, starts at top */
  PangoContext       *pango;
  TractionChartTheme  theme;             /* print theme (monochrome-safe) */
  const char         *company;           /* for the footer; may be "" */
  const char         *title;             /* running header; may be NULL */
  int                 page_nr;           /* 1-based */
  int                 n_pages;
} TractionPage;

/* Sets up page for drawing page page_nr (1-based) of n_pages onto cr, a
 * surface of width × height points whose origin is the sheet's corner. */
void      traction_page_init          (TractionPage   *page,
                                       cairo_t        *cr,
                                       double          width,
                                       double          height,
                                       const char     *company,
                                       int             page_nr,
                                       int             n_pages);
void      traction_page_clear         (TractionPage   *page);

/* Content height between the margins (less the footer) of a sheet. */
double    traction_page_content_height (double         height);
double    traction_page_content_width  (double         width);

/* A layout on the page's Pango context; size in points. Plain text only:
 * the caller sets it with pango_layout_set_text. */
PangoLayout *traction_page_layout     (TractionPage   *page,
                                       double          size,
                                       gboolean        bold,
                                       double          width);

/* Flow helpers: draw at page->y and move it down. */
typedef enum {
  TRACTION_HEADING_TITLE,     /* report title, page 1 */
  TRACTION_HEADING_SECTION,
} TractionHeadingLevel;

void      traction_page_heading       (TractionPage         *page,
                                       const char           *text,
                                       TractionHeadingLevel  level);
/* Wrapped plain text (user text is safe: never parsed as markup). */
void      traction_page_paragraph     (TractionPage   *page,
                                       const char     *text,
                                       gboolean        dim);
void      traction_page_space         (TractionPage   *page,
                                       double          points);

typedef struct {
  const char *label;    /* "Weighted pipeline" */
  const char *value;    /* "$412,500.00" */
  const char *detail;   /* "need 3.0×" or NULL */
} TractionKeyFigure;

/* A row of boxes (at most per_row a line, wrapping onto more lines). */
void      traction_page_key_figures   (TractionPage            *page,
                                       const TractionKeyFigure *figures,
                                       gsize                    n_figures,
                                       guint                    per_row);

typedef struct {
  const char *title;
  double      weight;   /* share of the table width, relative to the others */
  gboolean    numeric;  /* right-aligned, tabular figures */
} TractionTableColumn;

/* Row height of traction_page_table, for pagination. */
double    traction_page_table_row_height (void);
/* Header plus n_rows rows; cells[row * n_columns + column], plain text,
 * ellipsized to the column. Draws what fits; returns the rows drawn. */
gsize     traction_page_table         (TractionPage              *page,
                                       const TractionTableColumn *columns,
                                       gsize                      n_columns,
                                       const char * const        *cells,
                                       gsize                      n_rows);

/* Draws a PNG (the company logo) scaled to fit max_width × max_height,
 * its top right corner at (right, top); returns the width drawn (0 when
 * png is NULL or cannot be read). */
double    traction_page_logo          (TractionPage   *page,
                                       GBytes         *png,
                                       double          right,
                                       double          top,
                                       double          max_width,
                                       double          max_height);

/* Company name left, "Page N of M" right, under a rule; and the running
 * title at the top of every page after the first. Called by the drivers
 * (PDF, print) after draw_page: reports do not call it. */
void      traction_page_decorate      (TractionPage   *page);

typedef struct {
  /* Title for the PDF metadata, the print job and the running header
   * (newly allocated, translated). */
  char   *(*title)      (gpointer      data);
  /* Pages needed on a sheet of width × height points (>= 1). */
  int     (*n_pages)    (gpointer      data,
                         double        width,
                         double        height);
  /* Draws page->page_nr onto page. */
  void    (*draw_page)  (gpointer      data,
                         TractionPage *page);
  /* Slide-like pages: the sheet turned to landscape (PDF and print). */
  gboolean  landscape;
} TractionReportSpec;

/* Draws every page of the report into a PDF at path: a temporary file
 * beside it, renamed over path only when complete. */
gboolean  traction_report_write_pdf   (const TractionReportSpec *spec,
                                       gpointer                  data,
                                       const char               *company,
                                       TractionPaper             paper,
                                       const char               *path,
                                       GError                  **error);
/* Draws one page of a report (1-based) onto cr: for drivers and tests. */
void      traction_report_draw_page   (const TractionReportSpec *spec,
                                       gpointer                  data,
                                       cairo_t                  *cr,
                                       double                    width,
                                       double                    height,
                                       const char               *company,
                                       int                       page_nr,
                                       int                       n_pages);

/* A file-name-safe form of name: lower-case ASCII letters and digits,
 * runs of anything else as one "-", none at the ends; fallback when
 * nothing is left ("Café & Co" gives "caf-co"). */
char *traction_report_slug (const char *name,
                            const char *fallback);

G_END_DECLS
