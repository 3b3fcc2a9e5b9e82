/* sf-window-exchange.c — the window's import, export and backup actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.import-deals, win.export-deals, win.export-calendar and win.backup:
 * each asks for a file with GtkFileChooserNative (a portal where there is
 * one), then works. Long work — an import, an export of many deals, a
 * backup of a large file — runs on a worker thread with a connection of
 * its own to the same file (sf-pipeline-exchange.c), so the window keeps
 * drawing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-import-dialog.h"
#include "sf-ui-util.h"
#include "sf-window-private.h"

static char *
dated_name (const char *stem,
            const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", stem, day, extension);
}

/* Import */

static void
import_chosen (GFile    *file,
               gpointer  data)
{
  SfWindow *self = data;
  g_autoptr(GError) error = NULL;
  SfImportDialog *dialog = sf_import_dialog_new (GTK_WINDOW (self), self->pipeline, file, &error);

  if (dialog == NULL)
    sf_ui_show_error (GTK_WIDGET (self), _("The File Cannot Be Read"), error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  /* On the first-run page the pipeline starts first, with the name given. */
  if (!self->ready)
    gtk_widget_activate_action (widget, "win.start-import", NULL);
  else
    sf_ui_choose_file (GTK_WINDOW (self), _("Import Deals"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
                       "*.csv", _("CSV files"), import_chosen, self);
}

/* Export */

/**
 * sf_window_export_deals_async:
 * @audience: for a spreadsheet in the user's language and number format,
 *   or for other programs
 *
 * Writes the deals the Deals list shows (its search and filters applied,
 * in its order) to @file as CSV that the import reads back unchanged;
 * finish with sf_pipeline_export_csv_finish() on the callback's source.
 */
void
sf_window_export_deals_async (SfWindow            *self,
                              GFile               *file,
                              SfCsvAudience        audience,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (SF_IS_WINDOW (self));

  sf_pipeline_export_csv_async (self->pipeline, sf_deals_view_get_model (self->deals_view), file,
                                audience, NULL, callback, user_data);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(SfWindow) self = data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!sf_pipeline_export_csv_finish (SF_PIPELINE (source), result, &n, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Deals Were Not Exported"), error);
      return;
    }

  {
    /* Translators: a toast after an export */
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal exported",
                                                          "%u deals exported", n), n);

    sf_ui_toast (GTK_WIDGET (self), text, FALSE);
  }
}

static void
export_chosen (GFile         *file,
               SfCsvAudience  audience,
               gpointer       data)
{
  SfWindow *self = data;

  sf_window_export_deals_async (self, file, audience, export_done_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = NULL;

  if (!self->ready)
    return;

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = dated_name (C_("file name", "deals"), "csv");
  sf_ui_choose_csv_file (GTK_WINDOW (self), _("Export the Deals in the List"), name, export_chosen, self);
}

/* Calendar */

static void
calendar_chosen (GFile    *file,
                 gpointer  data)
{
  SfWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!sf_pipeline_export_calendar (self->pipeline, file, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Calendar Was Not Exported"), error);
  else
    sf_ui_toast (GTK_WIDGET (self), _("Meetings and follow-ups exported"), FALSE);
}

static void
calendar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->ready)
    return;

  /* An empty file would import as nothing: say so before asking for one. */
  if (!sf_pipeline_can_export_calendar (self->pipeline, &error))
    {
      sf_ui_show_error (widget, g_error_matches (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND)
                                ? _("Nothing to Export") : _("The Calendar Was Not Exported"),
                        error);
      return;
    }

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = dated_name (C_("file name", "meetings"), "ics");
  sf_ui_choose_file (GTK_WINDOW (self), _("Export Meetings and Follow-ups"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Export"), name, "*.ics", _("Calendar files"), calendar_chosen, self);
}

/* Backup */

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(SfWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!sf_pipeline_backup_finish (SF_PIPELINE (source), result, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Backup Was Not Made"), error);
  else
    sf_ui_toast (GTK_WIDGET (self), _("Backup made"), FALSE);
}

static void
backup_chosen (GFile    *file,
               gpointer  data)
{
  SfWindow *self = data;

  sf_pipeline_backup_async (self->pipeline, file, NULL, backup_done_cb, g_object_ref (self));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->pipeline == NULL)
    return;

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = dated_name (C_("file name", "salesflow-backup"), "db");
  sf_ui_choose_file (GTK_WINDOW (self), _("Back Up the Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Back Up"), name, NULL, NULL, backup_chosen, self);
}

/**
 * sf_window_exchange_install_actions:
 *
 * Installs win.import-deals, win.export-deals, win.export-calendar and
 * win.backup on the window class.
 */
void
sf_window_exchange_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-deals", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-deals", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, calendar_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
}
