/* sf-pipeline-exchange.c — files in and out: import, export, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long work — an import, an export of many deals, a backup of a large
 * file, the walk along the approval ledger — runs on a worker thread with
 * a connection of its own to the same database, so the window keeps
 * drawing while the pipeline's own connection stays on the main thread.
 * SQLite's locking keeps the two apart; each sees one committed state.
 */
#include "config.h"

#include <string.h>

#include "sf-csv.h"
#include "sf-pipeline-private.h"

/* A piece of work on a connection of its own. */
typedef gboolean (*ConnectionFunc) (SfStore   *store,
                                    gpointer   data,
                                    GError   **error);

typedef struct
{
  char *path;
  gint64 actor;
  ConnectionFunc func;
  gpointer data;
  GDestroyNotify free_data;
} Connection;

static void
connection_free (Connection *job)
{
  g_free (job->path);
  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

static void
connection_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Connection *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (job->path, &error);

  if (store != NULL)
    sf_store_set_actor (store, job->actor);
  if (store != NULL && job->func (store, job->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Runs @func on a worker thread with a store of its own on the pipeline's
 * file, as the person using the pipeline; @data is @func's. */
static void
run_on_own_connection (SfPipeline          *self,
                       gpointer             tag,
                       ConnectionFunc       func,
                       gpointer             data,
                       GDestroyNotify       free_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Connection *job = g_new0 (Connection, 1);

  job->path = g_strdup (sf_store_get_path (self->store));
  job->actor = sf_store_get_actor (self->store);
  job->func = func;
  job->data = data;
  job->free_data = free_data;
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, (GDestroyNotify) connection_free);
  g_task_run_in_thread (task, connection_thread);
}

static gpointer
own_data (GAsyncResult *result)
{
  return ((Connection *) g_task_get_task_data (G_TASK (result)))->data;
}

static gboolean
own_finish (SfPipeline    *self,
            GAsyncResult  *result,
            gpointer       tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Import */

typedef struct
{
  GFile *file;
  SfDealCsvMapping *mapping;
  SfProgressFunc progress;
  gpointer progress_data;
  guint n_deals;
  GAsyncReadyCallback callback;
  gpointer user_data;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->file);
  g_clear_object (&import->mapping);
  g_free (import);
}

static gboolean
import_on (SfStore   *store,
           gpointer   data,
           GError   **error)
{
  Import *import = data;

  return sf_store_import_csv (store, import->file, import->mapping, import->progress,
                              import->progress_data, &import->n_deals, error);
}

/* The new deals come back with the rest, through one splice, before the
 * caller hears that the import is done. */
static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Import *import = own_data (result);

  if (!g_task_had_error (G_TASK (result)))
    sf_pipeline_load (SF_PIPELINE (source));
  if (import->callback != NULL)
    import->callback (source, result, import->user_data);
}

/**
 * sf_pipeline_import_csv_async:
 * @progress: (nullable) (scope notified): called on the worker thread;
 *   %FALSE stops the import, which is then rolled back
 *
 * Imports a CSV file as one transaction (sf_store_import_csv()); the
 * pipeline loads again when it is done.
 */
void
sf_pipeline_import_csv_async (SfPipeline          *self,
                              GFile               *file,
                              SfDealCsvMapping    *mapping,
                              SfProgressFunc       progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Import *import;

  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (Import, 1);
  import->file = g_object_ref (file);
  import->mapping = g_object_ref (mapping);
  import->progress = progress;
  import->progress_data = progress_data;
  import->callback = callback;
  import->user_data = user_data;
  run_on_own_connection (self, sf_pipeline_import_csv_async, import_on, import,
                         (GDestroyNotify) import_free, cancellable, imported_cb, NULL);
}

/**
 * sf_pipeline_import_csv_finish:
 * @out_n_deals: (out) (optional): how many deals were imported
 */
gboolean
sf_pipeline_import_csv_finish (SfPipeline    *self,
                               GAsyncResult  *result,
                               guint         *out_n_deals,
                               GError       **error)
{
  if (!own_finish (self, result, sf_pipeline_import_csv_async, error))
    return FALSE;

  if (out_n_deals != NULL)
    *out_n_deals = ((Import *) own_data (result))->n_deals;
  return TRUE;
}

/* Export */

typedef struct
{
  GPtrArray *deals;
  GFile *file;
  SfCsvAudience audience;
} Export;

static void
export_free (Export *export)
{
  g_clear_pointer (&export->deals, g_ptr_array_unref);
  g_clear_object (&export->file);
  g_free (export);
}

static gboolean
export_on (SfStore   *store,
           gpointer   data,
           GError   **error)
{
  Export *export = data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  /* g_file_replace writes beside the file and renames on close: a failed
   * export leaves the old file, never half a new one. */
  stream = g_file_replace (export->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (sf_store_export_csv_for (store, export->deals, G_OUTPUT_STREAM (stream), export->audience,
                               NULL, NULL, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the temporary file. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

/**
 * sf_pipeline_export_csv_async:
 * @deals: (element-type SfDeal): the deals to write, in this order, such
 *   as what a list shows with its search and filters
 * @audience: for a spreadsheet in the user's language and number
 *   format, or for other programs (#SfCsvAudience)
 *
 * Writes @deals to @file as CSV that the import reads back unchanged.
 * The deals are copied first: the views may change them meanwhile.
 */
void
sf_pipeline_export_csv_async (SfPipeline          *self,
                              GListModel          *deals,
                              GFile               *file,
                              SfCsvAudience        audience,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  guint n;
  Export *export;

  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (G_IS_LIST_MODEL (deals));

  n = g_list_model_get_n_items (deals);
  export = g_new0 (Export, 1);
  export->file = g_object_ref (file);
  export->audience = audience;
  export->deals = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, i);

      g_ptr_array_add (export->deals, sf_deal_dup (deal));
    }

  run_on_own_connection (self, sf_pipeline_export_csv_async, export_on, export,
                         (GDestroyNotify) export_free, cancellable, callback, user_data);
}

/**
 * sf_pipeline_export_csv_finish:
 * @out_n_deals: (out) (optional): how many deals were written
 */
gboolean
sf_pipeline_export_csv_finish (SfPipeline    *self,
                               GAsyncResult  *result,
                               guint         *out_n_deals,
                               GError       **error)
{
  if (!own_finish (self, result, sf_pipeline_export_csv_async, error))
    return FALSE;

  if (out_n_deals != NULL)
    *out_n_deals = ((Export *) own_data (result))->deals->len;
  return TRUE;
}

/**
 * sf_pipeline_export_calendar:
 *
 * Writes every dated job (meetings) and every satisfaction follow-up of
 * the deals that are not lost to @file as iCalendar. With nothing to
 * write it writes no file and says so (%SF_STORE_ERROR_NOT_FOUND).
 */
gboolean
sf_pipeline_export_calendar (SfPipeline  *self,
                             GFile       *file,
                             GError     **error)
{
  g_autofree char *ics = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  ics = sf_store_export_calendar (self->store, FALSE, error);
  if (ics == NULL)
    return FALSE;

  return g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * sf_pipeline_can_export_calendar:
 *
 * Returns: whether sf_pipeline_export_calendar() has anything to write;
 *   if not, @error says why (%SF_STORE_ERROR_NOT_FOUND: nothing is dated)
 */
gboolean
sf_pipeline_can_export_calendar (SfPipeline  *self,
                                 GError     **error)
{
  g_autofree char *ics = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  ics = sf_store_export_calendar (self->store, FALSE, error);
  return ics != NULL;
}

/**
 * sf_pipeline_export_satisfaction_csv:
 * @audience: for a spreadsheet in the user's language and number
 *   format, or for other programs (#SfCsvAudience)
 * @out_n_rows: (out) (optional): how many rows below the header
 *
 * The satisfaction data (sf_store_export_satisfaction()) as a CSV file
 * (sf_satisfaction_export_csv()).
 *
 * Returns: (transfer full) (nullable): the whole file
 */
GBytes *
sf_pipeline_export_satisfaction_csv (SfPipeline     *self,
                                     SfCsvAudience   audience,
                                     guint          *out_n_rows,
                                     GError        **error)
{
  g_auto(GStrv) header = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);

  if (!sf_store_export_satisfaction (self->store, &header, &rows, error))
    return NULL;

  if (out_n_rows != NULL)
    *out_n_rows = rows->len;

  return sf_satisfaction_export_csv (rows, audience);
}

/* Backup */

static gboolean
backup_on (SfStore   *store,
           gpointer   data,
           GError   **error)
{
  return sf_store_backup (store, data, error);
}

/**
 * sf_pipeline_backup_async:
 *
 * Copies the open database to @file with SQLite's online backup, which
 * sees one committed state however much the pipeline writes meanwhile.
 */
void
sf_pipeline_backup_async (SfPipeline          *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (G_IS_FILE (file));

  run_on_own_connection (self, sf_pipeline_backup_async, backup_on, g_file_get_path (file), g_free,
                         cancellable, callback, user_data);
}

gboolean
sf_pipeline_backup_finish (SfPipeline    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return own_finish (self, result, sf_pipeline_backup_async, error);
}

/* The approval ledger */

/**
 * sf_pipeline_verify_ledger:
 * @report: (out caller-allocates): the verdict; clear it with
 *   sf_ledger_report_clear()
 *
 * Walks the whole approval ledger (sf_store_verify_ledger()).
 */
gboolean
sf_pipeline_verify_ledger (SfPipeline      *self,
                           SfLedgerReport  *report,
                           GError         **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  return sf_store_verify_ledger (self->store, report, error);
}

static void
report_free (SfLedgerReport *report)
{
  sf_ledger_report_clear (report);
  g_free (report);
}

static gboolean
verify_on (SfStore   *store,
           gpointer   data,
           GError   **error)
{
  return sf_store_verify_ledger (store, data, error);
}

/**
 * sf_pipeline_verify_ledger_async:
 *
 * sf_pipeline_verify_ledger() on a worker thread.
 */
void
sf_pipeline_verify_ledger_async (SfPipeline          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SF_IS_PIPELINE (self));

  run_on_own_connection (self, sf_pipeline_verify_ledger_async, verify_on,
                         g_new0 (SfLedgerReport, 1), (GDestroyNotify) report_free,
                         cancellable, callback, user_data);
}

/**
 * sf_pipeline_verify_ledger_finish:
 * @report: (out caller-allocates): the verdict; clear it with
 *   sf_ledger_report_clear()
 */
gboolean
sf_pipeline_verify_ledger_finish (SfPipeline      *self,
                                  GAsyncResult    *result,
                                  SfLedgerReport  *report,
                                  GError         **error)
{
  SfLedgerReport *found;

  if (!own_finish (self, result, sf_pipeline_verify_ledger_async, error))
    return FALSE;

  found = own_data (result);
  *report = *found;
  memset (found, 0, sizeof *found);
  return TRUE;
}

/**
 * sf_pipeline_verify_file:
 * @file: (nullable): a Salesflow database; %NULL for the user's own
 * @report: (out caller-allocates): the verdict
 *
 * The ledger check on a file opened read-only and left as it is, for
 * `salesflow --verify-ledger` (sf_store_verify_ledger_file()).
 */
gboolean
sf_pipeline_verify_file (GFile           *file,
                         SfLedgerReport  *report,
                         GError         **error)
{
  g_autofree char *path = sf_pipeline_database_path (file, error);

  return path != NULL && sf_store_verify_ledger_file (path, report, error);
}
