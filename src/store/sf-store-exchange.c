/* sf-store-exchange.c — CSV import and export, calendar export, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV import reads the file twice. The first pass reads every row
 * without touching the database and collects the lines that cannot be
 * imported, so the person learns about all of them at once and nothing is
 * half imported. The second pass streams the rows, one deal in memory at a
 * time, through sf_store_import_deals_pull() in one transaction.
 *
 * Progress for an import is told in units of file work: reading the file
 * to check it is the first tenth, storing it the other nine (it takes
 * about that much longer), so done/total is the fraction a progress bar
 * shows.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sf-calendar.h"
#include "sf-csv.h"
#include "sf-db-sqlite.h"
#include "sf-store-private.h"

/* Bad lines named in one error message; the rest are counted. */
#define MAX_REPORTED 10

typedef struct
{
  SfCsvReader *reader;
  SfDealCsvMapping *mapping;
  SfDeal *deal;             /* the row being stored */
  char *owner;
  SfProgressFunc progress;
  gpointer user_data;
  guint offset;             /* 0 while checking, the file's KiB while storing */
  guint weight;             /* units per KiB read: 1 while checking, 9 while storing */
  guint total;
  gboolean at_start;        /* no row read yet: the header, if any, is next */
} CsvSource;

static void
csv_source_clear (CsvSource *src)
{
  g_clear_object (&src->reader);
  g_clear_object (&src->deal);
  g_clear_pointer (&src->owner, g_free);
}

static gboolean
csv_source_open (CsvSource         *src,
                 GFile             *file,
                 GError           **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);

  g_clear_object (&src->reader);
  if (in == NULL)
    return FALSE;

  src->reader = sf_deal_csv_mapping_open_reader (src->mapping, G_INPUT_STREAM (in));
  src->at_start = TRUE;
  return TRUE;
}

/* The next row with any text, past the header. FALSE at the end, or with
 * @error set. */
static gboolean
next_row (CsvSource  *src,
          GError    **error)
{
  while (sf_csv_reader_next (src->reader, NULL, error))
    {
      gboolean first = src->at_start;

      src->at_start = FALSE;
      if (first && sf_deal_csv_mapping_get_has_header (src->mapping))
        continue;
      if (!sf_deal_csv_row_is_blank (sf_csv_reader_get_fields (src->reader)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
report_progress (CsvSource *src)
{
  guint64 done;

  if (src->progress == NULL)
    return TRUE;

  done = src->offset + src->weight * (sf_csv_reader_get_bytes_read (src->reader) / 1024);
  return src->progress (src->total ? MIN (done, src->total) : (guint) MIN (done, G_MAXUINT),
                        src->total, src->user_data);
}

static void
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The import was cancelled; nothing was added"));
}

static gboolean
set_bad_rows (GString  *report,
              guint     n_bad,
              GError  **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  g_string_printf (message,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %u counts rows of a CSV file; a
                                 * list of “Line N: …” follows */
                                "%u row cannot be imported, so nothing was imported:",
                                "%u rows cannot be imported, so nothing was imported:",
                                n_bad),
                   n_bad);
  g_string_append (message, report->str);
  if (n_bad > MAX_REPORTED)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              /* Translators: ends the list of bad lines; %u counts the
                               * bad rows not listed */
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more row",
                                           "…and %u more rows", n_bad - MAX_REPORTED),
                              n_bad - MAX_REPORTED);
    }

  g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID, message->str);
  return FALSE;
}

/* The first pass: every row read, none stored. */
static gboolean
check_rows (CsvSource  *src,
            guint      *out_n_rows,
            GError    **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) read_error = NULL;
  guint n_rows = 0, n_bad = 0;

  while (next_row (src, &read_error))
    {
      g_autoptr(GError) row_error = NULL;
      g_autoptr(SfDeal) deal = NULL;

      deal = sf_deal_csv_mapping_read_row (src->mapping, sf_csv_reader_get_fields (src->reader),
                                           sf_csv_reader_get_line (src->reader), NULL,
                                           &row_error);
      if (deal == NULL && n_bad++ < MAX_REPORTED)
        g_string_append_printf (report, "\n%s", row_error->message);

      if (++n_rows % 512 == 0 && !report_progress (src))
        {
          set_cancelled (error);
          return FALSE;
        }
    }

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (n_bad > 0)
    return set_bad_rows (report, n_bad, error);
  if (n_rows == 0)
    {
      g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                           _("The file holds no deals to import"));
      return FALSE;
    }

  *out_n_rows = n_rows;
  return TRUE;
}

static gboolean
next_deal (SfImportItem  *item,
           gpointer       data,
           GError       **error)
{
  CsvSource *src = data;

  g_clear_object (&src->deal);
  g_clear_pointer (&src->owner, g_free);

  if (!next_row (src, error))
    return FALSE;

  src->deal = sf_deal_csv_mapping_read_row (src->mapping, sf_csv_reader_get_fields (src->reader),
                                            sf_csv_reader_get_line (src->reader), &src->owner,
                                            error);
  if (src->deal == NULL)
    return FALSE;

  item->deal = src->deal;
  item->owner_name = src->owner;
  return TRUE;
}

static gboolean
store_progress (guint    done,
                guint    total,
                gpointer data)
{
  return report_progress (data);
}

static guint
file_kib (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return 0;

  return MIN (g_file_info_get_size (info) / 1024 + 1, G_MAXUINT / 10);
}

/**
 * sf_store_import_csv:
 * @file: a CSV file of deals
 * @mapping: how to read it: separator, header, columns, numbers
 * @progress: (nullable) (scope call): told how far the import is, in units
 *   of file work (checking is the first tenth, storing the rest): done/total
 *   is the fraction; total is 0 when the file's size is unknown. %FALSE
 *   cancels.
 * @out_n_deals: (out) (optional): how many deals were added
 *
 * Adds every deal of @file in one transaction, or none. When rows cannot
 * be read, the error names their lines (up to ten, then a count) and
 * nothing is added. Owners are matched to people by name, without regard
 * to case; a name no one has is added as a salesperson. Call it from a
 * worker thread, on a store of its own, for large files.
 */
gboolean
sf_store_import_csv (SfStore           *self,
                     GFile             *file,
                     SfDealCsvMapping  *mapping,
                     SfProgressFunc     progress,
                     gpointer           user_data,
                     guint             *out_n_deals,
                     GError           **error)
{
  CsvSource src = { .mapping = mapping, .progress = progress, .user_data = user_data };
  guint n_rows = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (mapping), FALSE);

  if (!sf_deal_csv_mapping_check (mapping, error))
    return FALSE;

  src.total = file_kib (file) * 10;
  src.weight = 1;
  ok = csv_source_open (&src, file, error) && check_rows (&src, &n_rows, error);
  if (ok)
    {
      src.offset = src.total / 10;
      src.weight = 9;
      ok = csv_source_open (&src, file, error) &&
           sf_store_import_deals_pull (self, next_deal, &src, n_rows,
                                       progress ? store_progress : NULL, &src, error);
    }
  csv_source_clear (&src);

  if (ok && progress != NULL)
    progress (src.total, src.total, user_data);
  if (ok && out_n_deals != NULL)
    *out_n_deals = n_rows;

  return ok;
}

/* CSV export */

static char *
fetch_notes (SfStore  *self,
             gint64    deal_id,
             GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db, "SELECT notes FROM deals WHERE id = ?1", error);
  char *notes = NULL;
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    notes = g_strdup (sf_db_column_text (stmt, 0));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return notes ? notes : g_strdup ("");
}

static GHashTable *
owner_names (SfStore  *self,
             GError  **error)
{
  g_autoptr(GPtrArray) persons = sf_store_list_persons (self, error);
  GHashTable *names;

  if (persons == NULL)
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < persons->len; i++)
    {
      SfPerson *person = g_ptr_array_index (persons, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64) { sf_person_get_id (person) }, sizeof (gint64)),
                           g_strdup (sf_person_get_name (person)));
    }

  return names;
}

/* How rows are written: with a separator and a number style and keys,
 * or for an audience. */
typedef struct
{
  char separator;
  SfDealCsvNumberStyle number_style;
  gboolean for_audience;
  SfCsvAudience audience;
} CsvForm;

static gboolean
append_deal (SfStore               *self,
             GString               *out,
             SfDeal                *deal,
             GHashTable            *names,
             const CsvForm         *form,
             GError               **error)
{
  g_autofree char *notes = NULL;
  gint64 owner = sf_deal_get_owner_id (deal);

  if (sf_deal_get_notes (deal) == NULL && sf_deal_get_id (deal) > 0)
    {
      notes = fetch_notes (self, sf_deal_get_id (deal), error);
      if (notes == NULL)
        return FALSE;
    }

  if (form->for_audience)
    sf_deal_csv_append_deal_for (out, deal, g_hash_table_lookup (names, &owner), notes, form->audience);
  else
    sf_deal_csv_append_deal (out, deal, g_hash_table_lookup (names, &owner), notes, form->separator,
                             form->number_style);
  return TRUE;
}

static gboolean
export_csv (SfStore         *self,
            GPtrArray       *deals,
            GOutputStream   *stream,
            const CsvForm   *form,
            SfProgressFunc   progress,
            gpointer         user_data,
            GError         **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GString) out = NULL;

  names = owner_names (self, error);
  if (names == NULL)
    return FALSE;

  out = g_string_new (SF_CSV_BOM);
  if (form->for_audience)
    sf_deal_csv_append_header_for (out, form->audience);
  else
    sf_deal_csv_append_header (out, form->separator);
  for (guint i = 0; i < deals->len; i++)
    {
      if (!append_deal (self, out, g_ptr_array_index (deals, i), names, form, error))
        return FALSE;

      if (out->len >= 64 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (out, 0);
        }

      if (progress != NULL && ((i + 1) % 512 == 0 || i + 1 == deals->len) &&
          !progress (i + 1, deals->len, user_data))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The export was cancelled"));
          return FALSE;
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * sf_store_export_csv:
 * @deals: (element-type SfDeal): the deals to write, e.g. what the filters
 *   show; only read, so from a worker thread pass copies (sf_deal_dup())
 *   or deals no one changes meanwhile
 * @stream: where the file goes; not closed
 * @separator: ',' for the plain file; ';' for spreadsheets in German or
 *   Norwegian
 * @number_style: how to write values; %SF_DEAL_CSV_NUMBERS_AUTO follows
 *   @separator
 * @progress: (nullable) (scope call): told every few hundred deals;
 *   %FALSE stops
 *
 * Writes a UTF-8 CSV file with a BOM (so spreadsheets see UTF-8), the
 * English header and one row per deal, with its owner's name and its
 * notes, that sf_store_import_csv() reads back unchanged.
 */
gboolean
sf_store_export_csv (SfStore               *self,
                     GPtrArray             *deals,
                     GOutputStream         *stream,
                     char                   separator,
                     SfDealCsvNumberStyle   number_style,
                     SfProgressFunc         progress,
                     gpointer               user_data,
                     GError               **error)
{
  CsvForm form = { .separator = separator, .number_style = number_style };

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (deals != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return export_csv (self, deals, stream, &form, progress, user_data, error);
}

/**
 * sf_store_export_csv_for:
 * @deals: (element-type SfDeal): as for sf_store_export_csv()
 * @stream: where the file goes; not closed
 * @audience: for a spreadsheet (the user's separator, decimal mark and
 *   language) or for other programs (sf_store_export_csv()'s English file
 *   with commas and decimal points)
 * @progress: (nullable) (scope call): told every few hundred deals;
 *   %FALSE stops
 *
 * Writes the deals as @audience reads them; sf_store_import_csv() reads
 * either back.
 */
gboolean
sf_store_export_csv_for (SfStore         *self,
                         GPtrArray       *deals,
                         GOutputStream   *stream,
                         SfCsvAudience    audience,
                         SfProgressFunc   progress,
                         gpointer         user_data,
                         GError         **error)
{
  CsvForm form = { .for_audience = TRUE, .audience = audience };

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (deals != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return export_csv (self, deals, stream, &form, progress, user_data, error);
}

/* Calendar */

static SfDeal *
deal_of (SfStore     *self,
         GHashTable  *deals,
         gint64       deal_id,
         GError     **error)
{
  SfDeal *deal = g_hash_table_lookup (deals, &deal_id);

  if (deal == NULL)
    {
      deal = sf_store_fetch_deal (self, deal_id, error);
      if (deal != NULL)
        g_hash_table_insert (deals, g_memdup2 (&deal_id, sizeof deal_id), deal);
    }

  return deal;
}

static GPtrArray *
read_dated_jobs (SfStore     *self,
                 gboolean     include_lost,
                 GError     **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT " SF_STORE_JOB_COLUMNS " FROM jobs WHERE due IS NOT NULL AND deal_id IN ("
    "  SELECT id FROM deals WHERE deleted_at IS NULL AND (?1 <> 0 OR status <> 2)) "
    "ORDER BY due, id", error);
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, !!include_lost);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      SfJob *job = sf_store_read_job (stmt);

      if (sf_job_get_due (job) != 0)
        g_ptr_array_add (jobs, job);
      else
        g_object_unref (job);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&jobs);
}

/**
 * sf_store_list_calendar_events:
 * @include_lost: whether the events of lost deals are wanted too; deleted
 *   deals' never are
 *
 * What a calendar export holds: every job with a due day, done or not, and
 * every satisfaction follow-up, with their deals.
 *
 * Returns: (transfer container) (element-type SfCalendarEvent) (nullable):
 *   the events by day
 */
GPtrArray *
sf_store_list_calendar_events (SfStore   *self,
                               gboolean   include_lost,
                               GError   **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GArray) follow_ups = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  /* One snapshot for the jobs, the follow-ups and their deals. */
  if (!sf_store_begin_read (self, error))
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_calendar_event_free);
  jobs = read_dated_jobs (self, include_lost, error);
  follow_ups = jobs ? sf_store_list_all_follow_ups (self, include_lost, error) : NULL;
  for (guint i = 0; follow_ups != NULL && i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);
      SfDeal *deal = deal_of (self, by_id, sf_job_get_deal_id (job), error);

      if (deal == NULL)
        g_clear_pointer (&follow_ups, g_array_unref);
      else
        g_ptr_array_add (events, sf_calendar_event_new_for_job (job, deal));
    }
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      const SfFollowUp *follow_up = &g_array_index (follow_ups, SfFollowUp, i);
      SfDeal *deal = deal_of (self, by_id, follow_up->deal_id, error);

      if (deal == NULL)
        g_clear_pointer (&follow_ups, g_array_unref);
      else
        g_ptr_array_add (events, sf_calendar_event_new_for_follow_up (follow_up, deal));
    }

  sf_store_rollback (self);
  if (follow_ups == NULL)
    return NULL;

  sf_calendar_sort_events (events);
  return g_steal_pointer (&events);
}

/**
 * sf_store_export_calendar:
 * @include_lost: whether the meetings of lost deals go in too
 *
 * A file with nothing in it would import as nothing and look like
 * success; with no event to write, %SF_STORE_ERROR_NOT_FOUND says so.
 *
 * Returns: (transfer full) (nullable): an iCalendar file with one all-day
 *   event per dated job and per follow-up of the deals not deleted
 */
char *
sf_store_export_calendar (SfStore   *self,
                          gboolean   include_lost,
                          GError   **error)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  events = sf_store_list_calendar_events (self, include_lost, error);
  if (events == NULL)
    return NULL;

  if (events->len == 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to export yet: no job has a due date, and no "
                             "won deal has a satisfaction follow-up."));
      return NULL;
    }

  return sf_calendar_build_ics (events, sf_store_now (self));
}

/* Backup */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The database and the files SQLite keeps beside it: writing over any of
 * them would damage the open pipeline. */
static gboolean
is_own_file (SfStore    *self,
             const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, suffixes[i], NULL);

      if (same_file (own, path) || g_strcmp0 (own, path) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
set_backup_error (GError     **error,
                  const char  *destination,
                  const char  *message)
{
  g_autofree char *name = g_filename_display_basename (destination);

  g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_IO,
               /* Translators: the first %s is a file name, the second says what is wrong */
               _("Cannot write the backup “%s”: %s"), name, message);
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * sf_store_backup:
 * @destination: the backup file; replaced when it exists
 *
 * Copies the database with SQLite's online backup into a temporary file
 * beside @destination, then renames it into place, so @destination is
 * never half written: it is the old file or the whole new one. The copy
 * opens with sf_store_open(). The open database itself (or its -wal or
 * -shm file) is refused as @destination. A large database takes a while:
 * call it from a worker thread on a store of its own.
 */
gboolean
sf_store_backup (SfStore     *self,
                 const char  *destination,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (is_own_file (self, destination))
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("This is the database Salesflow has open; choose another file "
                             "for the backup"));
      return FALSE;
    }

  dir = g_path_get_dirname (destination);
  name = g_path_get_basename (destination);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_backup_error (error, destination, g_strerror (errno));
  close (fd);

  if (!sf_db_sqlite_backup (self->db, temp, &local_error))
    {
      g_unlink (temp);
      return set_backup_error (error, destination, local_error->message);
    }

  /* A log left beside an older file of that name would be replayed into
   * the new one. */
  {
    g_autofree char *wal = g_strconcat (destination, "-wal", NULL);
    g_autofree char *shm = g_strconcat (destination, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  if (g_rename (temp, destination) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_backup_error (error, destination, g_strerror (saved));
    }
  sync_folder (destination);

  return TRUE;
}
