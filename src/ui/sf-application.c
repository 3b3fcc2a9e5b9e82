/* sf-application.c — the Salesflow application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sf-application.h"
#include "sf-preferences-window.h"
#include "sf-resources.h"
#include "sf-store.h"
#include "sf-ui-util.h"
#include "sf-window.h"

struct _SfApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SfApplication, sf_application, ADW_TYPE_APPLICATION)

/**
 * sf_application_init_i18n:
 *
 * Sets the locale and binds the message catalogue. SALESFLOW_LOCALEDIR
 * points at the build tree's catalogues when running uninstalled.
 */
void
sf_application_init_i18n (void)
{
  const char *localedir = g_getenv ("SALESFLOW_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * sf_application_register_resources:
 *
 * Registers the UI resources once; the application and the display tests
 * call it.
 */
void
sf_application_register_resources (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      sf_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

/**
 * sf_application_load_css:
 *
 * Adds Salesflow's style sheet to the display; the application loads it
 * through its resource base path, the display tests call this.
 */
void
sf_application_load_css (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/salesflow/Salesflow/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SfApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPipeline) pipeline = sf_pipeline_open_finish (result, &error);

  gtk_window_present (GTK_WINDOW (sf_window_new (ADW_APPLICATION (self), pipeline, error)));
  g_application_release (G_APPLICATION (self));
}

/* @file: (nullable): the database, or %NULL for the user's own */
static void
open_window (SfApplication *self,
             GFile         *file)
{
  /* The application stays while the file opens, before it has a window. */
  g_application_hold (G_APPLICATION (self));
  sf_pipeline_open_async (file, NULL, opened_cb, g_object_ref (self));
}

static int
sf_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *database = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, database);

  if (file == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (active != NULL)
        {
          gtk_window_present (active);
          return 0;
        }
    }

  open_window (SF_APPLICATION (app), file);
  return 0;
}

/* `salesflow --verify-ledger [--database FILE]`: the exit status says
 * whether the approval ledger is whole (0), was tampered with (1), or
 * could not be read (2); the file is opened read-only. */
static int
verify_ledger (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfLedgerReport) report = { 0 };
  g_autoptr(GFile) file = NULL;
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database != NULL)
    file = g_file_new_for_commandline_arg (database);
  if (!sf_pipeline_verify_file (file, &report, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("%s\n", report.description);
  return report.verdict == SF_LEDGER_WHOLE ? 0 : 1;
}

static int
sf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "salesflow", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "verify-ledger"))
    return verify_ledger (options);

  return -1;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  SfPipeline *pipeline = SF_IS_WINDOW (window) ? sf_window_get_pipeline (SF_WINDOW (window)) : NULL;

  if (pipeline == NULL)
    return;

  gtk_window_present (GTK_WINDOW (sf_preferences_window_new (window, pipeline)));
}

/**
 * sf_application_show_about:
 * @parent: (nullable): the window it belongs to
 *
 * Shows the About window.
 */
void
sf_application_show_about (GtkWindow *parent)
{
  const char *developers[] = { _("The Salesflow developers"), NULL };
  g_autofree char *copyright = g_strdup_printf ("© 2026 %s", _("The Salesflow developers"));

  adw_show_about_window (parent,
                         "application-name", _("Salesflow"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Salesflow developers"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_WEBSITE "/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", copyright,
                         "developers", developers,
                         /* Translators: put your names here, one per line:
                          * they are shown in the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  sf_application_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
open_chosen (GFile    *file,
             gpointer  data)
{
  open_window (SF_APPLICATION (data), file);
}

/* Each database opens in a window of its own. */
static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  sf_ui_choose_file (gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                     _("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
                     "*.db", _("Salesflow databases"), open_chosen, user_data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close each window so pending notes are saved. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "about", about_action },
  { "open-database", open_database_action },
  { "quit", quit_action },
};

/* Preferences belong to an open pipeline: a window showing why a file
 * could not be opened has none to offer. */
static void
active_window_cb (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (app), "preferences");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences),
                               SF_IS_WINDOW (window) && sf_window_get_pipeline (SF_WINDOW (window)) != NULL);
}

static void
sf_application_startup (GApplication *app)
{
  static const char *quit[] = { "<Control>q", NULL };
  static const char *preferences[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sf_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences);
  g_signal_connect (app, "notify::active-window", G_CALLBACK (active_window_cb), NULL);
}

static void
sf_application_class_init (SfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->command_line = sf_application_command_line;
  app_class->handle_local_options = sf_application_handle_local_options;
  app_class->startup = sf_application_startup;
}

static const GOptionEntry options[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the pipeline in FILE instead of the default database"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "verify-ledger", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check that the approval ledger was not changed outside Salesflow, and exit"), NULL },
  { NULL }
};

static void
sf_application_init (SfApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Walk every sales deal through the six-stage checklist."));
}

SfApplication *
sf_application_new (void)
{
  sf_application_register_resources ();

  return g_object_new (SF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/salesflow/Salesflow",
                       NULL);
}
