/* traction-prep-print.c: the deal sheets through traction-print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "traction-prep-print.h"
#include "traction-print.h"
#include "traction-window.h"

void
traction_prep_sheet_output (GtkWidget         *widget,
                            TractionStore     *store,
                            gint64             deal_id,
                            TractionSheetKind  kind,
                            gboolean           pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *company = NULL;
  g_autofree char *file_name = NULL;
  TractionPrepSheet *sheet;
  GDate today;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TRACTION_IS_STORE (store));

  traction_date_today (&today);
  sheet = traction_prep_sheet_new (store, deal_id, kind, &today, &error);
  if (sheet == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      if (TRACTION_IS_WINDOW (root))
        traction_window_add_toast (TRACTION_WINDOW (root), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
      return;
    }
  company = traction_store_get_company_name (store);
  if (pdf)
    {
      file_name = traction_prep_sheet_file_name (sheet);
      traction_export_report_pdf (widget, traction_prep_sheet_spec (), sheet,
                                  (GDestroyNotify) traction_prep_sheet_free, company, file_name);
    }
  else
    traction_print_report (widget, traction_prep_sheet_spec (), sheet,
                           (GDestroyNotify) traction_prep_sheet_free, company);
}
