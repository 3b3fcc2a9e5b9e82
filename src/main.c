/* main.c — start Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sf-application.h"
#include "sf-profile.h"

/* With the cairo renderer (GSK_RENDERER=cairo) nothing draws with OpenGL,
 * yet GDK's X11 backend still sets it up: with Mesa's llvmpipe that maps
 * about 50 MiB of LLVM and drivers into the process for nothing. GDK's
 * own switch, GDK_DEBUG=gl-disable, leaves it out (docs/performance.md).
 * The default renderer is untouched. */
static void
skip_gl_with_cairo (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0 ||
      (debug != NULL && strstr (debug, "gl-disable") != NULL))
    return;

  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SfApplication) app = NULL;

  sf_profile_start ();
  skip_gl_with_cairo ();
  sf_application_init_i18n ();

  app = sf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
