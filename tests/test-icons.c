/* test-icons.c — the app icons resolve from the GResource, uninstalled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-application.h"
#include "sf-test-ui.h"

typedef struct
{
  const char *icon_name;
  const char *resource;   /* below the application's resource base path */
  gboolean    symbolic;
} IconCase;

static const IconCase icon_cases[] = {
  { APP_ID, "/icons/scalable/apps/" APP_ID ".svg", FALSE },
  { APP_ID "-symbolic", "/icons/symbolic/apps/" APP_ID "-symbolic.svg", TRUE },
};

/* GtkApplication adds <resource-base-path>/icons to the display's icon
 * theme at startup. Starting a real application would need a session bus,
 * so the test adds the same path, taken from the application itself. */
static GtkIconTheme *
theme_as_the_application_sets_it_up (char **base_path)
{
  g_autoptr(SfApplication) app = sf_application_new ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *icons = NULL;

  *base_path = g_strdup (g_application_get_resource_base_path (G_APPLICATION (app)));
  icons = g_strconcat (*base_path, "/icons", NULL);
  gtk_icon_theme_add_resource_path (theme, icons);
  return theme;
}

static void
test_icon_from_resource (gconstpointer data)
{
  const IconCase *icon = data;
  g_autofree char *base_path = NULL;
  GtkIconTheme *theme = theme_as_the_application_sets_it_up (&base_path);
  g_autofree char *expected = g_strconcat ("resource://", base_path, icon->resource, NULL);
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, icon->icon_name));
  paintable = gtk_icon_theme_lookup_icon (theme, icon->icon_name, NULL, 128, 1,
                                          GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (paintable);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (uri, ==, expected);
  g_assert_cmpint (gtk_icon_paintable_is_symbolic (paintable), ==, icon->symbolic);
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

  for (gsize i = 0; i < G_N_ELEMENTS (icon_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/icons/resource/%s", icon_cases[i].icon_name);

      g_test_add_data_func (path, &icon_cases[i], test_icon_from_resource);
    }

  return g_test_run ();
}
