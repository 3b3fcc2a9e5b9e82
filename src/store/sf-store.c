/* sf-store.c — opening the database, errors, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user action is one transaction (BEGIN IMMEDIATE … COMMIT): it reads
 * the deal as committed, asks the workflow rules, writes the change and its
 * history row, and only after COMMIT succeeds updates the objects the UI
 * shows. A failure rolls back and leaves both the file and the objects as
 * they were. Every statement is a static string prepared once, with bound
 * values.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sf-store-private.h"

G_DEFINE_QUARK (sf-store-error-quark, sf_store_error)
G_DEFINE_FINAL_TYPE (SfStore, sf_store, G_TYPE_OBJECT)

/* How long to wait for another program's lock before giving up. */
#define BUSY_TIMEOUT_MS 2000

static void
sf_store_finalize (GObject *object)
{
  SfStore *self = (SfStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->follow_up_days, g_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (sf_store_parent_class)->finalize (object);
}

static void
sf_store_class_init (SfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_store_finalize;
}

static gint64
real_now (gpointer data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
sf_store_init (SfStore *self)
{
  const int *days = sf_follow_up_get_default_offsets (&self->n_follow_up_days);

  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->now = real_now;
  self->follow_up_days = g_memdup2 (days, self->n_follow_up_days * sizeof (int));
}

/**
 * sf_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/salesflow/salesflow.db`
 */
char *
sf_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "salesflow", "salesflow.db", NULL);
}

int
sf_store_get_schema_version (void)
{
  return SF_STORE_SCHEMA_VERSION;
}

/**
 * sf_store_set_error:
 *
 * Turns an SQLite result code into a #GError a person can act on. The
 * SQLite message goes to the debug log, not into the dialog.
 *
 * Returns: %FALSE, for `return sf_store_set_error (…)`
 */
gboolean
sf_store_set_error (GError  **error,
                    sqlite3  *db,
                    int       rc)
{
  int code;
  const char *message;

  g_debug ("SQLite: %s (%d)", db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = SF_STORE_ERROR_FULL;
      message = _("The disk is full. Free some space and try again.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      code = SF_STORE_ERROR_READ_ONLY;
      message = _("The database file cannot be written. Check its permissions.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SF_STORE_ERROR_LOCKED;
      message = _("Another program is using the database. Close it and try again.");
      break;
    case SQLITE_CORRUPT:
      code = SF_STORE_ERROR_CORRUPT;
      message = _("The database file is damaged.");
      break;
    case SQLITE_NOTADB:
      code = SF_STORE_ERROR_NOT_DATABASE;
      message = _("The file is not a Salesflow database.");
      break;
    case SQLITE_IOERR:
      code = SF_STORE_ERROR_IO;
      message = _("The database could not be read or written (input/output error).");
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      code = SF_STORE_ERROR_INVALID;
      message = _("The change does not fit the data and was not saved.");
      break;
    default:
      code = SF_STORE_ERROR_FAILED;
      message = _("The database reported an unexpected error.");
      break;
    }

  g_set_error_literal (error, SF_STORE_ERROR, code, message);
  return FALSE;
}

/**
 * sf_store_prepare:
 * @sql: a static string; its address is the cache key
 *
 * Returns: (transfer none): the statement, reset and with no bindings
 */
sqlite3_stmt *
sf_store_prepare (SfStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          sf_store_set_error (error, self->db, rc);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

gboolean
sf_store_step_done (SfStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sf_store_set_error (error, self->db, rc);

  return TRUE;
}

gboolean
sf_store_exec (SfStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = sf_store_prepare (self, sql, error);

  return stmt != NULL && sf_store_step_done (self, stmt, error);
}

/**
 * sf_store_begin:
 *
 * Starts an action: BEGIN IMMEDIATE, or a savepoint inside an action that
 * is already running, so composite actions (the sample pipeline: people
 * and deals) are still one transaction. Every successful begin is ended by
 * exactly one sf_store_commit() or sf_store_rollback().
 */
gboolean
sf_store_begin (SfStore  *self,
                GError  **error)
{
  if (!sf_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

/**
 * sf_store_begin_read:
 *
 * Like sf_store_begin(), but a deferred transaction that takes no write
 * lock: for reading several tables as of one moment. End it with
 * sf_store_rollback().
 */
gboolean
sf_store_begin_read (SfStore  *self,
                     GError  **error)
{
  if (!sf_store_exec (self, self->depth == 0 ? "BEGIN" : "SAVEPOINT nested", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
sf_store_commit (SfStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* On failure the transaction stays open for the caller's rollback. */
  if (!sf_store_exec (self, self->depth == 1 ? "COMMIT" : "RELEASE nested", error))
    return FALSE;

  self->depth--;
  return TRUE;
}

void
sf_store_rollback (SfStore *self)
{
  if (self->depth == 0)
    return;

  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);

  self->depth--;
}

void
sf_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
sf_store_bind_date (sqlite3_stmt *stmt,
                    int           index,
                    guint         julian_day)
{
  GDate date;
  char buf[16];

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

void
sf_store_bind_actor (SfStore      *self,
                     sqlite3_stmt *stmt,
                     int           index)
{
  if (self->actor > 0)
    sqlite3_bind_int64 (stmt, index, self->actor);
  else
    sqlite3_bind_null (stmt, index);
}

/* Dates are stored as ISO text so the file reads well in sqlite3; this runs
 * for every deal on load, so it parses by hand. */
guint
sf_store_column_date (sqlite3_stmt *stmt,
                      int           column)
{
  const char *s = (const char *) sqlite3_column_text (stmt, column);
  int y, m, d;
  GDate date;

  if (s == NULL || sqlite3_column_bytes (stmt, column) != 10 || s[4] != '-' || s[7] != '-')
    return 0;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return 0;

  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/**
 * sf_store_read_deal:
 * @stmt: a row of SF_STORE_DEAL_COLUMNS
 *
 * Returns: (transfer full): the deal
 */
SfDeal *
sf_store_read_deal (sqlite3_stmt *stmt)
{
  SfDealRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .title = (const char *) sqlite3_column_text (stmt, 1),
    .customer = (const char *) sqlite3_column_text (stmt, 2),
    .contact_name = (const char *) sqlite3_column_text (stmt, 3),
    .contact_email = (const char *) sqlite3_column_text (stmt, 4),
    .contact_phone = (const char *) sqlite3_column_text (stmt, 5),
    .owner_id = sqlite3_column_int64 (stmt, 6),
    .value = sqlite3_column_int64 (stmt, 7),
    .currency = (const char *) sqlite3_column_text (stmt, 8),
    .stage = sqlite3_column_int (stmt, 9),
    .status = sqlite3_column_int (stmt, 10),
    .lost_reason = (const char *) sqlite3_column_text (stmt, 11),
    .lost_note = (const char *) sqlite3_column_text (stmt, 12),
    .expected_close = sf_store_column_date (stmt, 13),
    .probability = sqlite3_column_type (stmt, 14) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 14),
    .created_at = sqlite3_column_int64 (stmt, 15),
    .updated_at = sqlite3_column_int64 (stmt, 16),
    .stage_entered_at = sqlite3_column_int64 (stmt, 17),
    .closed_at = sqlite3_column_int64 (stmt, 18),
    .progress_done = sqlite3_column_int (stmt, 19),
    .progress_required = sqlite3_column_int (stmt, 20),
    .owner_name = (const char *) sqlite3_column_text (stmt, 21),
  };

  if (row.currency == NULL || !sf_currency_is_known (row.currency))
    row.currency = "XXX";

  return sf_deal_new_from_row (&row);
}

/**
 * sf_store_read_job:
 * @stmt: a row of SF_STORE_JOB_COLUMNS
 *
 * Returns: (transfer full): the job
 */
SfJob *
sf_store_read_job (sqlite3_stmt *stmt)
{
  int stage = sqlite3_column_int (stmt, 2);
  int kind = sqlite3_column_int (stmt, 6);
  SfJob *job = sf_job_new (sqlite3_column_int64 (stmt, 1),
                           sf_stage_is_valid (stage) ? stage : SF_STAGE_PROSPECT,
                           (const char *) sqlite3_column_text (stmt, 4),
                           (const char *) sqlite3_column_text (stmt, 5),
                           sf_job_kind_is_valid (kind) ? kind : SF_JOB_KIND_MANUAL,
                           sqlite3_column_int (stmt, 7) != 0);

  sf_job_set_id (job, sqlite3_column_int64 (stmt, 0));
  sf_job_set_position (job, sqlite3_column_int (stmt, 3));
  sf_job_set_done (job, sqlite3_column_int (stmt, 8) != 0,
                   sqlite3_column_int64 (stmt, 9), sqlite3_column_int64 (stmt, 10));
  sf_job_set_due (job, sf_store_column_date (stmt, 11));
  sf_job_set_note (job, (const char *) sqlite3_column_text (stmt, 12));
  sf_job_set_extra (job, sqlite3_column_int (stmt, 13) != 0);

  return job;
}

static gboolean
set_open_error (GError     **error,
                int          code,
                const char  *path,
                const char  *message)
{
  g_autofree char *name = g_filename_display_basename (path);

  /* Translators: the first %s is a file name, the second says what is wrong */
  g_set_error (error, SF_STORE_ERROR, code, _("Cannot open “%s”: %s"), name, message);
  return FALSE;
}

/* Reads the file's first 100 bytes without SQLite, so a file that is not
 * ours is never handed to anything that might write to it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[100];
  GStatBuf st;
  FILE *file;
  size_t n;

  if (g_stat (path, &st) != 0)
    return set_open_error (error, SF_STORE_ERROR_IO, path, g_strerror (errno));

  if (!S_ISREG (st.st_mode))
    return set_open_error (error, SF_STORE_ERROR_NOT_DATABASE, path,
                           _("it is not a regular file"));

  if (st.st_size == 0)
    return set_open_error (error, SF_STORE_ERROR_NOT_DATABASE, path,
                           _("the file is empty"));

  file = g_fopen (path, "rb");
  if (file == NULL)
    return set_open_error (error, errno == EACCES ? SF_STORE_ERROR_READ_ONLY : SF_STORE_ERROR_IO,
                           path, g_strerror (errno));
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    return set_open_error (error, SF_STORE_ERROR_NOT_DATABASE, path,
                           _("it is not a Salesflow database"));

  if (n < sizeof header)
    return set_open_error (error, SF_STORE_ERROR_CORRUPT, path,
                           _("the file is cut short"));

  /* The header records the size the file should have (valid when the
   * change counter at 24 matches the one at 92). A file shorter than that
   * lost its end. */
  {
    guint32 page_size = header[16] << 8 | header[17];
    guint32 n_pages = (guint32) header[28] << 24 | header[29] << 16 | header[30] << 8 | header[31];

    if (page_size == 1)
      page_size = 65536;
    if (n_pages > 0 && memcmp (header + 24, header + 92, 4) == 0 &&
        (guint64) st.st_size < (guint64) page_size * n_pages)
      return set_open_error (error, SF_STORE_ERROR_CORRUPT, path,
                             _("the file is cut short"));
  }

  return TRUE;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_mode : 0;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return sf_store_set_error (error, db, rc);

  return TRUE;
}

static gboolean
check_ours (SfStore     *self,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int application_id = 0, version = 0;

  /* The header can lag behind a write-ahead log that was not checkpointed;
   * ask SQLite, which reads both. */
  if (!query_int (self->db, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self->db, "PRAGMA user_version", &version, &local_error))
    return set_open_error (error, local_error->code, path, local_error->message);

  if ((guint32) application_id != SF_STORE_APPLICATION_ID)
    return set_open_error (error, SF_STORE_ERROR_FOREIGN, path,
                           _("it is a database of another application"));

  if (version > SF_STORE_SCHEMA_VERSION)
    return set_open_error (error, SF_STORE_ERROR_NEWER_SCHEMA, path,
                           _("it was written by a newer version of Salesflow; update Salesflow to open it"));

  /* No Salesflow writes one; migrating from it would index before the
   * first migration (the fuzzer found this). */
  if (version < 0)
    return set_open_error (error, SF_STORE_ERROR_CORRUPT, path, _("The database file is damaged."));

  if (!sf_store_check_tables (self->db, version, &local_error))
    return set_open_error (error, local_error->code, path, local_error->message);

  return TRUE;
}

static gboolean
configure (SfStore     *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* WAL lets the loader thread read while the window writes. FULL syncs
   * the log on every commit: an acknowledged action survives a power cut,
   * not only a crash of the program (docs/storage.md). */
  if (!sf_store_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !sf_store_exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !sf_store_exec (self, "PRAGMA foreign_keys = ON", &local_error))
    return set_open_error (error, local_error->code, path, local_error->message);

  return TRUE;
}

/* Gives a fresh connection its whole schema, in one transaction. */
static gboolean
initialize (SfStore     *self,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!configure (self, path, error))
    return FALSE;

  if (!sf_store_begin (self, &local_error) ||
      !sf_store_migrate (self, 0, &local_error) ||
      !sf_store_commit (self, &local_error))
    {
      sf_store_rollback (self);
      return set_open_error (error, local_error->code, path, local_error->message);
    }

  return TRUE;
}

static void
remove_with_logs (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

/* Puts the finished file at @path without replacing one that another
 * program made meanwhile; a file system without hard links gets a rename. */
static gboolean
move_into_place (const char  *temp,
                 const char  *path,
                 GError     **error)
{
  if (link (temp, path) == 0 || errno == EEXIST)
    {
      g_unlink (temp);
    }
  else if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_open_error (error, SF_STORE_ERROR_IO, path, g_strerror (saved));
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);
    int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }

  return TRUE;
}

/* A new database is made whole under a temporary name beside @path and
 * appears at @path only once its schema has committed. Created in place,
 * a crash in between would leave an empty or schema-less file that every
 * later start refuses as not Salesflow's. */
static gboolean
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  g_autoptr(SfStore) self = NULL;
  int fd, rc;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_open_error (error, SF_STORE_ERROR_IO, path, g_strerror (errno));
  close (fd);

  self = g_object_new (SF_TYPE_STORE, NULL);
  rc = sqlite3_open_v2 (temp, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;

      sf_store_set_error (&local_error, self->db, rc);
      g_clear_object (&self);
      remove_with_logs (temp);
      return set_open_error (error, local_error->code, path, local_error->message);
    }

  if (!initialize (self, path, error))
    {
      g_clear_object (&self);
      remove_with_logs (temp);
      return FALSE;
    }

  /* Closing the only connection checkpoints the log into the file and
   * removes it, so the file alone is the whole database. */
  g_clear_object (&self);
  return move_into_place (temp, path, error);
}

/**
 * sf_store_open:
 * @path: the database file; created with its folders when missing
 *
 * Opens a Salesflow database, creating or upgrading its schema. A file
 * that cannot be used — not SQLite, another application's, newer than
 * this build, read-only, locked, damaged — is refused with its own
 * #SfStoreError code and left byte for byte as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SfStore *
sf_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(SfStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists)
    {
      if (!check_header (path, error))
        return NULL;

      /* Write permission removed is read-only even for root, who could
       * write anyway: respect what the owner meant. */
      if (g_access (path, W_OK) != 0 || (file_mode (path) & 0222) == 0)
        {
          set_open_error (error, SF_STORE_ERROR_READ_ONLY, path,
                          _("the file is read-only"));
          return NULL;
        }
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          set_open_error (error, SF_STORE_ERROR_IO, path, g_strerror (errno));
          return NULL;
        }
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);

    /* The write-ahead log lives beside the file. */
    if (g_access (dir, W_OK) != 0)
      {
        set_open_error (error, SF_STORE_ERROR_READ_ONLY, path,
                        _("its folder is read-only"));
        return NULL;
      }
  }

  if (!exists && !create_database (path, error))
    return NULL;

  self = g_object_new (SF_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      sf_store_set_error (&local_error, self->db, rc);
      set_open_error (error, local_error->code, path, local_error->message);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_ours (self, path, error))
    return NULL;

  if (!configure (self, path, error))
    return NULL;

  if (!sf_store_begin (self, &local_error) ||
      !query_int (self->db, "PRAGMA user_version", &version, &local_error) ||
      !sf_store_migrate (self, version, &local_error) ||
      !sf_store_commit (self, &local_error))
    {
      sf_store_rollback (self);
      set_open_error (error, local_error->code, path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
sf_store_get_path (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  return self->path;
}

/**
 * sf_store_get_actor:
 *
 * Returns: the person whose actions are being recorded, or 0
 */
gint64
sf_store_get_actor (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), 0);
  return self->actor;
}

void
sf_store_set_actor (SfStore *self,
                    gint64   person_id)
{
  g_return_if_fail (SF_IS_STORE (self));
  self->actor = person_id;
}

gint64
sf_store_now (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), 0);
  return self->now (self->now_data);
}

/**
 * sf_store_set_clock:
 * @now: (nullable): returns Unix time; %NULL for the real clock
 *
 * Lets tests move time forward.
 */
void
sf_store_set_clock (SfStore  *self,
                    gint64  (*now) (gpointer data),
                    gpointer  data)
{
  g_return_if_fail (SF_IS_STORE (self));

  self->now = now ? now : real_now;
  self->now_data = data;
}

gboolean
sf_store_history (SfStore     *self,
                  gint64       deal_id,
                  gint64       now,
                  const char  *field,
                  const char  *old_value,
                  const char  *new_value,
                  GError     **error)
{
  sqlite3_stmt *stmt = sf_store_prepare (self,
    "INSERT INTO history (deal_id, at, person_id, field, old_value, new_value) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sf_store_bind_actor (self, stmt, 3);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sf_store_bind_text (stmt, 5, old_value);
  sf_store_bind_text (stmt, 6, new_value);

  return sf_store_step_done (self, stmt, error);
}
