/* traction-report.c: page composition for print and PDF (no GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "traction-report.h"

/* Sizes in points. */
#define FOOTER_HEIGHT     22.0
#define HEADER_HEIGHT     24.0
#define TITLE_SIZE        22.0
#define SECTION_SIZE      12.0
#define BODY_SIZE          9.5
#define SMALL_SIZE         8.0
#define FIGURE_SIZE       16.0
#define TABLE_SIZE         8.5
#define TABLE_ROW_HEIGHT  17.0
#define FIGURE_GAP         8.0

G_DEFINE_QUARK (traction-report-error-quark, traction_report_error)

/* Territories that print on US Letter (CLDR paper size data). */
static const char * const letter_territories[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "SV", "NI",
  "PA", "DO", "BZ",
};

/* Helpers */

static void
set_color (cairo_t            *cr,
           const TractionRgba *color)
{
  traction_chart_set_source (cr, color);
}

static void
show_layout (TractionPage       *page,
             PangoLayout        *layout,
             const TractionRgba *color,
             double              x,
             double              y)
{
  cairo_save (page->cr);
  set_color (page->cr, color);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
  cairo_restore (page->cr);
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)width / PANGO_SCALE;
}

/* One line, ellipsized to width, drawn at (x, y) aligned start or end. */
static void
draw_line (TractionPage       *page,
           const char         *text,
           double              size,
           gboolean            bold,
           const TractionRgba *color,
           double              x,
           double              y,
           double              width,
           gboolean            align_end)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (width < 1.0 || text == NULL || text[0] == '\0')
    return;

  layout = traction_page_layout (page, size, bold, width);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  if (align_end)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  show_layout (page, layout, color, x, y);
}

/* A bold figure, made smaller (down to 60 %) rather than cut when it
 * does not fit the width; vertically centred in line_height. */
static void
draw_fitted (TractionPage       *page,
             const char         *text,
             double              size,
             const TractionRgba *color,
             double              x,
             double              y,
             double              width,
             double              line_height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double fitted = size;

  if (width < 1.0 || text == NULL || text[0] == '\0')
    return;

  layout = traction_page_layout (page, size, TRUE, -1);
  pango_layout_set_text (layout, text, -1);
  if (layout_width (layout) > width)
    {
      fitted = MAX (size * width / layout_width (layout), size * 0.6);
      g_clear_object (&layout);
      layout = traction_page_layout (page, fitted, TRUE, width);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, text, -1);
    }
  show_layout (page, layout, color, x, y + (line_height - layout_height (layout)) * 0.75);
}

static void
hairline (TractionPage       *page,
          const TractionRgba *color,
          double              x1,
          double              x2,
          double              y,
          double              width)
{
  cairo_save (page->cr);
  set_color (page->cr, color);
  cairo_set_line_width (page->cr, width);
  cairo_move_to (page->cr, x1, y);
  cairo_line_to (page->cr, x2, y);
  cairo_stroke (page->cr);
  cairo_restore (page->cr);
}

/* Logo */

typedef struct {
  const guchar *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

double
traction_page_logo (TractionPage *page,
                    GBytes       *png,
                    double        right,
                    double        top,
                    double        max_width,
                    double        max_height)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;
  double width, height, scale;

  g_return_val_if_fail (page != NULL, 0);

  if (png == NULL || max_width <= 0 || max_height <= 0)
    return 0;
  reader.data = g_bytes_get_data (png, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 || cairo_image_surface_get_height (surface) <= 0)
    {
      cairo_surface_destroy (surface);
      return 0;
    }
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  scale = MIN (max_width / width, max_height / height);
  cairo_save (page->cr);
  cairo_translate (page->cr, right - width * scale, top);
  cairo_scale (page->cr, scale, scale);
  cairo_set_source_surface (page->cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (page->cr), CAIRO_FILTER_GOOD);
  cairo_paint (page->cr);
  cairo_restore (page->cr);
  cairo_surface_destroy (surface);
  return width * scale;
}

/* Paper */

TractionPaper
traction_paper_for_locale (const char *locale)
{
  const char *territory;
  gsize length;

  if (locale == NULL)
    return TRACTION_PAPER_A4;

  territory = strchr (locale, '_');
  if (territory == NULL)
    return TRACTION_PAPER_A4;
  territory++;
  length = strcspn (territory, ".@");

  for (guint i = 0; i < G_N_ELEMENTS (letter_territories); i++)
    if (length == strlen (letter_territories[i]) &&
        g_ascii_strncasecmp (territory, letter_territories[i], length) == 0)
      return TRACTION_PAPER_LETTER;

  return TRACTION_PAPER_A4;
}

TractionPaper
traction_paper_from_locale (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_PAPER", "LANG" };

  /* The POSIX order: LC_ALL overrides LC_PAPER, which overrides LANG. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && value[0] != '\0')
        return traction_paper_for_locale (value);
    }

  return TRACTION_PAPER_A4;
}

void
traction_paper_size (TractionPaper  paper,
                     double        *width,
                     double        *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  switch (paper)
    {
    case TRACTION_PAPER_LETTER:
      *width = 612.0;
      *height = 792.0;
      break;
    case TRACTION_PAPER_A4:
    default:
      *width = 210.0 * TRACTION_REPORT_MM;
      *height = 297.0 * TRACTION_REPORT_MM;
      break;
    }
}

const char *
traction_paper_pwg_name (TractionPaper paper)
{
  return paper == TRACTION_PAPER_LETTER ? "na_letter" : "iso_a4";
}

/* Page */

double
traction_page_content_height (double height)
{
  return MAX (height - 2 * TRACTION_REPORT_MARGIN_MM * TRACTION_REPORT_MM - FOOTER_HEIGHT, 0.0);
}

double
traction_page_content_width (double width)
{
  return MAX (width - 2 * TRACTION_REPORT_MARGIN_MM * TRACTION_REPORT_MM, 0.0);
}

void
traction_page_init (TractionPage *page,
                    cairo_t      *cr,
                    double        width,
                    double        height,
                    const char   *company,
                    int           page_nr,
                    int           n_pages)
{
  cairo_font_options_t *options;
  double margin = TRACTION_REPORT_MARGIN_MM * TRACTION_REPORT_MM;

  g_return_if_fail (page != NULL);
  g_return_if_fail (cr != NULL);

  memset (page, 0, sizeof *page);
  page->cr = cr;
  page->width = width;
  page->height = height;
  page->margin_top = page->margin_right = page->margin_bottom = page->margin_left = margin;
  page->left = margin;
  page->right = MAX (width - margin, margin);
  page->top = margin;
  page->bottom = MAX (height - margin - FOOTER_HEIGHT, margin);
  page->y = page->top + (page_nr > 1 ? HEADER_HEIGHT : 0.0);
  page->company = company != NULL ? company : "";
  page->page_nr = page_nr;
  page->n_pages = n_pages;
  traction_chart_theme_init_print (&page->theme, TRUE);

  page->pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page->pango, options);
  cairo_font_options_destroy (options);
}

void
traction_page_clear (TractionPage *page)
{
  g_return_if_fail (page != NULL);

  g_clear_object (&page->pango);
  page->cr = NULL;
}

PangoLayout *
traction_page_layout (TractionPage *page,
                      double        size,
                      gboolean      bold,
                      double        width)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  PangoAttrList *attrs;

  g_return_val_if_fail (page != NULL && page->pango != NULL, NULL);

  pango_cairo_update_context (page->cr, page->pango);
  layout = pango_layout_new (page->pango);

  desc = pango_font_description_from_string (page->theme.font_family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

void
traction_page_space (TractionPage *page,
                     double        points)
{
  g_return_if_fail (page != NULL);

  page->y += points;
}

void
traction_page_heading (TractionPage         *page,
                       const char           *text,
                       TractionHeadingLevel  level)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean title = level == TRACTION_HEADING_TITLE;

  g_return_if_fail (page != NULL && text != NULL);

  if (!title && page->y > page->top + HEADER_HEIGHT)
    page->y += 10.0;

  layout = traction_page_layout (page, title ? TITLE_SIZE : SECTION_SIZE, TRUE,
                                 page->right - page->left);
  pango_layout_set_text (layout, text, -1);
  show_layout (page, layout, &page->theme.foreground, page->left, page->y);
  page->y += layout_height (layout);

  if (title)
    page->y += 4.0;
  else
    {
      page->y += 2.0;
      hairline (page, &page->theme.grid, page->left, page->right, page->y, 0.6);
      page->y += 6.0;
    }
}

void
traction_page_paragraph (TractionPage *page,
                         const char   *text,
                         gboolean      dim)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (page != NULL && text != NULL);

  layout = traction_page_layout (page, BODY_SIZE, FALSE, page->right - page->left);
  pango_layout_set_text (layout, text, -1);
  show_layout (page, layout, dim ? &page->theme.dim : &page->theme.foreground,
               page->left, page->y);
  page->y += layout_height (layout) + 4.0;
}

void
traction_page_key_figures (TractionPage            *page,
                           const TractionKeyFigure *figures,
                           gsize                    n_figures,
                           guint                    per_row)
{
  double gap = FIGURE_GAP;
  double box_w, box_h, pad = 7.0;

  g_return_if_fail (page != NULL);
  g_return_if_fail (figures != NULL || n_figures == 0);

  if (n_figures == 0)
    return;
  if (per_row == 0)
    per_row = 4;
  per_row = MIN (per_row, (guint)n_figures);

  box_w = (page->right - page->left - gap * (per_row - 1)) / per_row;
  box_h = pad * 2 + SMALL_SIZE * 1.35 + FIGURE_SIZE * 1.3 + SMALL_SIZE * 1.35;

  for (gsize i = 0; i < n_figures; i++)
    {
      const TractionKeyFigure *figure = &figures[i];
      guint column = i % per_row;
      double x = page->left + column * (box_w + gap);
      double y = page->y;

      cairo_save (page->cr);
      cairo_rectangle (page->cr, x, y, box_w, box_h);
      set_color (page->cr, &page->theme.grid);
      cairo_set_line_width (page->cr, 0.8);
      cairo_stroke (page->cr);
      cairo_restore (page->cr);

      draw_line (page, figure->label, SMALL_SIZE, FALSE, &page->theme.dim,
                 x + pad, y + pad, box_w - 2 * pad, FALSE);
      draw_fitted (page, figure->value, FIGURE_SIZE, &page->theme.foreground,
                   x + pad, y + pad + SMALL_SIZE * 1.35, box_w - 2 * pad, FIGURE_SIZE * 1.3);
      draw_line (page, figure->detail, SMALL_SIZE, FALSE, &page->theme.dim,
                 x + pad, y + pad + SMALL_SIZE * 1.35 + FIGURE_SIZE * 1.3, box_w - 2 * pad, FALSE);

      if (column == per_row - 1 || i == n_figures - 1)
        page->y += box_h + gap;
    }
}

double
traction_page_table_row_height (void)
{
  return TABLE_ROW_HEIGHT;
}

gsize
traction_page_table (TractionPage              *page,
                     const TractionTableColumn *columns,
                     gsize                      n_columns,
                     const char * const        *cells,
                     gsize                      n_rows)
{
  g_autofree double *widths = NULL;
  double total_weight = 0, table_w, x;
  double pad = 4.0;
  gsize drawn = 0;

  g_return_val_if_fail (page != NULL, 0);
  g_return_val_if_fail (columns != NULL && n_columns > 0, 0);
  g_return_val_if_fail (cells != NULL || n_rows == 0, 0);

  if (page->y + TABLE_ROW_HEIGHT > page->bottom)
    return 0;

  widths = g_new0 (double, n_columns);
  table_w = page->right - page->left;
  for (gsize c = 0; c < n_columns; c++)
    total_weight += MAX (columns[c].weight, 0.0);
  for (gsize c = 0; c < n_columns; c++)
    widths[c] = total_weight > 0 ? table_w * MAX (columns[c].weight, 0.0) / total_weight
                                 : table_w / n_columns;

  /* Header */
  x = page->left;
  for (gsize c = 0; c < n_columns; c++)
    {
      draw_line (page, columns[c].title, SMALL_SIZE, TRUE, &page->theme.dim,
                 x + pad, page->y + (TABLE_ROW_HEIGHT - SMALL_SIZE * 1.3) / 2,
                 widths[c] - 2 * pad, columns[c].numeric);
      x += widths[c];
    }
  page->y += TABLE_ROW_HEIGHT;
  hairline (page, &page->theme.foreground, page->left, page->right, page->y, 0.8);

  for (gsize r = 0; r < n_rows && page->y + TABLE_ROW_HEIGHT <= page->bottom + 0.01; r++)
    {
      if (r % 2 == 1)
        {
          TractionRgba zebra = page->theme.grid;

          zebra.alpha *= 0.35;
          cairo_save (page->cr);
          cairo_rectangle (page->cr, page->left, page->y, table_w, TABLE_ROW_HEIGHT);
          set_color (page->cr, &zebra);
          cairo_fill (page->cr);
          cairo_restore (page->cr);
        }

      x = page->left;
      for (gsize c = 0; c < n_columns; c++)
        {
          draw_line (page, cells[r * n_columns + c], TABLE_SIZE, FALSE, &page->theme.foreground,
                     x + pad, page->y + (TABLE_ROW_HEIGHT - TABLE_SIZE * 1.3) / 2,
                     widths[c] - 2 * pad, columns[c].numeric);
          x += widths[c];
        }
      page->y += TABLE_ROW_HEIGHT;
      drawn++;
    }
  hairline (page, &page->theme.grid, page->left, page->right, page->y, 0.6);
  page->y += 6.0;

  return drawn;
}

void
traction_page_decorate (TractionPage *page)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = NULL;
  double footer_y = page->bottom + FOOTER_HEIGHT - SMALL_SIZE * 1.4;
  double width = page->right - page->left;

  g_return_if_fail (page != NULL && page->cr != NULL);

  hairline (page, &page->theme.grid, page->left, page->right, footer_y - 4.0, 0.6);

  /* Translators: the footer of a printed page. */
  text = g_strdup_printf (_("Page %d of %d"), page->page_nr, page->n_pages);
  number = traction_page_layout (page, SMALL_SIZE, FALSE, -1);
  pango_layout_set_text (number, text, -1);
  show_layout (page, number, &page->theme.dim, page->right - layout_width (number), footer_y);
  draw_line (page, page->company, SMALL_SIZE, FALSE, &page->theme.dim,
             page->left, footer_y, width - layout_width (number) - 12.0, FALSE);

  if (page->page_nr > 1 && page->title != NULL)
    {
      draw_line (page, page->title, SMALL_SIZE, FALSE, &page->theme.dim,
                 page->left, page->top, width, FALSE);
      hairline (page, &page->theme.grid, page->left, page->right,
                page->top + SMALL_SIZE * 1.4 + 3.0, 0.6);
    }
}

/* Drivers */

void
traction_report_draw_page (const TractionReportSpec *spec,
                           gpointer                  data,
                           cairo_t                  *cr,
                           double                    width,
                           double                    height,
                           const char               *company,
                           int                       page_nr,
                           int                       n_pages)
{
  g_autofree char *title = NULL;
  TractionPage page;

  g_return_if_fail (spec != NULL && spec->draw_page != NULL && spec->title != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr >= 1 && page_nr <= n_pages);

  title = spec->title (data);
  traction_page_init (&page, cr, width, height, company, page_nr, n_pages);
  page.title = title;

  cairo_save (cr);
  spec->draw_page (data, &page);
  cairo_restore (cr);
  traction_page_decorate (&page);

  traction_page_clear (&page);
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND)
    g_set_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_WRITE,
                 _("Could not write “%s”: the folder may be read-only or the disk full."), name);
  else
    g_set_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_DRAW,
                 _("Could not draw “%s”: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

gboolean
traction_report_write_pdf (const TractionReportSpec  *spec,
                           gpointer                   data,
                           const char                *company,
                           TractionPaper              paper,
                           const char                *path,
                           GError                   **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;
  int n_pages;
  int fd;

  g_return_val_if_fail (spec != NULL && spec->n_pages != NULL && spec->draw_page != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  traction_paper_size (paper, &width, &height);
  if (spec->landscape)
    {
      double portrait_width = width;

      width = height;
      height = portrait_width;
    }
  n_pages = MAX (spec->n_pages (data, width, height), 1);

  /* Beside the destination, so that the rename stays on one file system. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  surface = cairo_pdf_surface_create (tmp_path, width, height);
  title = spec->title (data);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Traction");
  cr = cairo_create (surface);

  for (int i = 1; i <= n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      traction_report_draw_page (spec, data, cr, width, height, company, i, n_pages);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      return cairo_failed (status, path, error);
    }

  /* g_mkstemp made it private; a report is an ordinary document. */
  g_chmod (tmp_path, 0644);
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, TRACTION_REPORT_ERROR, TRACTION_REPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

char *
traction_report_slug (const char *name,
                      const char *fallback)
{
  g_autofree char *lower = g_utf8_strdown (name != NULL ? name : "", -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0 && fallback != NULL)
    g_string_append (slug, fallback);
  return g_string_free (slug, FALSE);
}
