/* test-wait.h: for widget tests, until the main loop is idle and no view
 * is still reading its data on a worker thread (traction-loader.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "traction-loader.h"

static inline void
traction_test_wait_for_views (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (traction_loader_n_running () > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
