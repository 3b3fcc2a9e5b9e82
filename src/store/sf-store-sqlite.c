/* sf-store-sqlite.c — opening, creating and checking the SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What only a pipeline kept in one SQLite file has: its first 100 bytes
 * checked before SQLite touches it, a new file built whole under a
 * temporary name, the PRAGMAs of each connection, the application id and
 * the schema version (docs/storage.md). The rest of the store reaches the
 * file through the engine seam (sf-db.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sf-db-sqlite.h"
#include "sf-store-private.h"

/* How long to wait for another program's lock before giving up. */
#define BUSY_TIMEOUT_MS 2000

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
query_int (SfDb        *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (db, sql, error);

  if (stmt == NULL || !sf_db_step_row (stmt, error))
    return FALSE;

  *out = sf_db_column_int64 (stmt, 0);
  sf_db_reset (stmt);
  return TRUE;
}

typedef enum
{
  FILE_OURS,
  FILE_FOREIGN,
  FILE_NEWER,
  FILE_DAMAGED,
} FileVerdict;

/* Reads the application id and the schema version, and says whether this
 * build can use the file. The header can lag behind a write-ahead log that
 * was not checkpointed; SQLite, asked here, reads both. */
static gboolean
read_ids (SfDb         *db,
          int          *out_version,
          FileVerdict  *out_verdict,
          GError      **error)
{
  int application_id = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", out_version, error))
    return FALSE;

  if ((guint32) application_id != SF_STORE_APPLICATION_ID)
    *out_verdict = FILE_FOREIGN;
  else if (*out_version > SF_STORE_SCHEMA_VERSION)
    *out_verdict = FILE_NEWER;
  /* No Salesflow writes one; migrating from it would index before the
   * first migration (the fuzzer found this). */
  else if (*out_version < 0)
    *out_verdict = FILE_DAMAGED;
  else
    *out_verdict = FILE_OURS;

  return TRUE;
}

static gboolean
check_ours (SfStore     *self,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FileVerdict verdict;
  int version = 0;

  if (!read_ids (self->db, &version, &verdict, &local_error))
    return set_open_error (error, local_error->code, path, local_error->message);

  switch (verdict)
    {
    case FILE_FOREIGN:
      return set_open_error (error, SF_STORE_ERROR_FOREIGN, path,
                             _("it is a database of another application"));
    case FILE_NEWER:
      return set_open_error (error, SF_STORE_ERROR_NEWER_SCHEMA, path,
                             _("it was written by a newer version of Salesflow; update Salesflow to open it"));
    case FILE_DAMAGED:
      return set_open_error (error, SF_STORE_ERROR_CORRUPT, path, _("The database file is damaged."));
    case FILE_OURS:
    default:
      break;
    }

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

  /* WAL lets the loader thread read while the window writes. FULL syncs
   * the log on every commit: an acknowledged action survives a power cut,
   * not only a crash of the program (docs/storage.md). */
  if (!sf_db_exec (self->db, "PRAGMA journal_mode = WAL", &local_error) ||
      !sf_db_exec (self->db, "PRAGMA synchronous = FULL", &local_error) ||
      !sf_db_exec (self->db, "PRAGMA foreign_keys = ON", &local_error))
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
  g_autoptr(GError) local_error = NULL;
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_open_error (error, SF_STORE_ERROR_IO, path, g_strerror (errno));
  close (fd);

  self = g_object_new (SF_TYPE_STORE, NULL);
  self->db = sf_db_sqlite_open (temp, SF_DB_SQLITE_READ_WRITE, BUSY_TIMEOUT_MS, &local_error);
  if (self->db == NULL)
    {
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

  self->db = sf_db_sqlite_open (path, SF_DB_SQLITE_READ_WRITE, BUSY_TIMEOUT_MS, &local_error);
  if (self->db == NULL)
    {
      set_open_error (error, local_error->code, path, local_error->message);
      return NULL;
    }

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

static gboolean
set_file_error (GError     **error,
                int          code,
                const char  *path,
                const char  *message)
{
  g_autofree char *name = g_filename_display_basename (path);

  /* Translators: the first %s is a file name, the second says what is wrong */
  g_set_error (error, SF_STORE_ERROR, code, _("Cannot check “%s”: %s"), name, message);
  return FALSE;
}

/* Opens @path read-only and makes sure it is a Salesflow database this
 * build understands; never writes to it. */
SfDb *
sf_store_sqlite_open_for_check (const char  *path,
                                int         *out_version,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SfDb) db = NULL;
  FileVerdict verdict;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      set_file_error (error, SF_STORE_ERROR_NOT_FOUND, path, _("there is no such file"));
      return NULL;
    }

  db = sf_db_sqlite_open (path, SF_DB_SQLITE_READ_ONLY, 2000, &local_error);
  if (db == NULL || !read_ids (db, out_version, &verdict, &local_error))
    {
      set_file_error (error, local_error->code, path, local_error->message);
      return NULL;
    }

  if (verdict == FILE_FOREIGN)
    set_file_error (error, SF_STORE_ERROR_FOREIGN, path, _("it is not a Salesflow database"));
  else if (verdict == FILE_NEWER)
    set_file_error (error, SF_STORE_ERROR_NEWER_SCHEMA, path,
                    _("it was written by a newer version of Salesflow"));
  else if (!sf_store_check_tables (db, *out_version, &local_error))
    set_file_error (error, local_error->code, path, local_error->message);
  else
    return g_steal_pointer (&db);

  return NULL;
}

