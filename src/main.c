/* main.c — start Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sf-application.h"
#include "sf-profile.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SfApplication) app = NULL;

  sf_profile_start ();
  sf_application_init_i18n ();

  app = sf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
