/* sf-window-exchange.c — the window's import, export and backup actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.import-deals, win.export-deals, win.export-calendar and win.backup:
 * each asks for a file with GtkFileChooserNative (a portal where there is
 * one), then works. Long work — an import, an export of many deals, a
 * backup of a large file — runs on a worker thread with a store of its own
 * on the same file, so the window keeps drawing. The functions after the
 * file choice are public so the display tests can call them with a path.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-import-dialog.h"
#include "sf-ui-util.h"
#include "sf-window-exchange.h"

/* German and Norwegian spreadsheets write semicolons: their decimal
 * separator is the comma. Write what the user's spreadsheet reads. */
static char
export_separator (void)
{
  return g_str_equal (sf_money_format_get_current ()->decimal, ",") ? ';' : ',';
}

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
  SfImportDialog *dialog = sf_import_dialog_new (GTK_WINDOW (self), sf_window_get_pipeline (self),
                                                 file, &error);

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

  if (sf_window_is_ready (self))
    sf_ui_choose_file (GTK_WINDOW (self), _("Import Deals"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
                       "*.csv", _("CSV files"), import_chosen, self);
}

/* Export */

typedef struct
{
  char *path;
  GPtrArray *deals;
  GFile *file;
  char separator;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->deals, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (job->path, &error);
  g_autoptr(GFileOutputStream) stream = NULL;

  if (store != NULL)
    stream = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);

  /* g_file_replace writes beside the file and renames on close: a failed
   * export leaves the old file, never half a new one. */
  if (stream != NULL &&
      sf_store_export_csv (store, job->deals, G_OUTPUT_STREAM (stream), job->separator,
                           SF_DEAL_CSV_NUMBERS_AUTO, NULL, NULL, &error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (stream != NULL)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * sf_window_export_deals_async:
 *
 * Writes the deals the Deals list shows (its search and filters applied,
 * in its order) to @file as CSV that the import reads back unchanged.
 */
void
sf_window_export_deals_async (SfWindow            *self,
                              GFile               *file,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  GListModel *model = sf_deals_view_get_model (sf_window_get_deals_view (self));
  guint n = g_list_model_get_n_items (model);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->path = g_strdup (sf_store_get_path (sf_pipeline_get_store (sf_window_get_pipeline (self))));
  job->file = g_object_ref (file);
  job->separator = export_separator ();
  /* Copies: the window may change its deals while the worker writes. */
  job->deals = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (model, i);

      g_ptr_array_add (job->deals, sf_deal_dup (deal));
    }

  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sf_window_export_deals_finish (SfWindow      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SfWindow *self = SF_WINDOW (source);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (sf_deals_view_get_model (sf_window_get_deals_view (self)));

  if (!sf_window_export_deals_finish (self, result, &error))
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
export_chosen (GFile    *file,
               gpointer  data)
{
  SfWindow *self = data;
  sf_window_export_deals_async (self, file, export_done_cb, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = NULL;

  if (!sf_window_is_ready (self))
    return;

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = dated_name (C_("file name", "deals"), "csv");
  sf_ui_choose_file (GTK_WINDOW (self), _("Export the Deals in the List"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Export"), name, "*.csv", _("CSV files"), export_chosen, self);
}

/* Calendar */

/**
 * sf_window_export_calendar:
 *
 * Writes every dated job (meetings, follow-ups) of the deals that are not
 * lost to @file as iCalendar.
 */
gboolean
sf_window_export_calendar (SfWindow  *self,
                           GFile     *file,
                           GError   **error)
{
  g_autofree char *ics = NULL;

  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);

  ics = sf_store_export_calendar (sf_pipeline_get_store (sf_window_get_pipeline (self)), FALSE, error);
  if (ics == NULL)
    return FALSE;

  return g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
calendar_chosen (GFile    *file,
                 gpointer  data)
{
  SfWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!sf_window_export_calendar (self, file, &error))
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

  if (!sf_window_is_ready (self))
    return;

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = dated_name (C_("file name", "meetings"), "ics");
  sf_ui_choose_file (GTK_WINDOW (self), _("Export Meetings and Follow-ups"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Export"), name, "*.ics", _("Calendar files"), calendar_chosen, self);
}

/* Backup */

typedef struct
{
  char *path;
  char *destination;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->path);
  g_free (job->destination);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (job->path, &error);

  if (store != NULL && sf_store_backup (store, job->destination, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * sf_window_backup_async:
 *
 * Copies the open database to @file with SQLite's online backup, which
 * sees one committed state however much the window writes meanwhile.
 */
void
sf_window_backup_async (SfWindow            *self,
                        GFile               *file,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  BackupJob *job = g_new0 (BackupJob, 1);

  job->path = g_strdup (sf_store_get_path (sf_pipeline_get_store (sf_window_get_pipeline (self))));
  job->destination = g_file_get_path (file);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
sf_window_backup_finish (SfWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SfWindow *self = SF_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!sf_window_backup_finish (self, result, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Backup Was Not Made"), error);
  else
    sf_ui_toast (GTK_WIDGET (self), _("Backup made"), FALSE);
}

static void
backup_chosen (GFile    *file,
               gpointer  data)
{
  SfWindow *self = data;
  sf_window_backup_async (self, file, backup_done_cb, NULL);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = NULL;

  if (sf_window_get_pipeline (self) == NULL)
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
