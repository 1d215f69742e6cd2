/* main.c: the Traction application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "traction-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TractionApplication) app = NULL;

  /* TRACTION_LOCALEDIR: the translations of a build that is not
   * installed (make run, the tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRACTION_LOCALEDIR") != NULL ? g_getenv ("TRACTION_LOCALEDIR")
                                                                         : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = traction_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
