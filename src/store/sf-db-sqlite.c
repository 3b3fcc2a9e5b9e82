/* sf-db-sqlite.c — the SQLite engine behind sf-db.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only file of the store that includes <sqlite3.h>. Statements are
 * compiled with SQLITE_PREPARE_PERSISTENT, since each is kept for the life
 * of its connection; SQLite reads the ?N parameters as they are.
 */
#include "config.h"

#include <sqlite3.h>

#include "sf-db-sqlite.h"

/* The statements of transactions and savepoints. IMMEDIATE takes the
 * write lock at the start: two windows that both read a deal and then
 * write would otherwise deadlock at the write, one of them failing. */
typedef enum
{
  BEGIN_WRITE,
  BEGIN_READ,
  COMMIT,
  SAVEPOINT,
  RELEASE,
  N_CONTROLS,
} Control;

static const char * const control_sql[N_CONTROLS] = {
  [BEGIN_WRITE] = "BEGIN IMMEDIATE",
  [BEGIN_READ] = "BEGIN",
  [COMMIT] = "COMMIT",
  [SAVEPOINT] = "SAVEPOINT nested",
  [RELEASE] = "RELEASE nested",
};

typedef struct
{
  SfDb parent;

  sqlite3 *handle;
  char *path;

  sqlite3_stmt *control[N_CONTROLS];   /* compiled on first use */
} SqliteDb;

typedef struct
{
  SfDbStmt parent;

  sqlite3_stmt *handle;
  gint64 changes;
} SqliteStmt;

static const SfDbEngine sqlite_engine;

/**
 * sf_db_sqlite_classify:
 * @result_code: an SQLite result code, primary or extended
 *
 * Returns: what the code means to a person using Salesflow
 */
SfStoreError
sf_db_sqlite_classify (int result_code)
{
  switch (result_code & 0xff)
    {
    case SQLITE_FULL:
      return SF_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return SF_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SF_STORE_ERROR_LOCKED;
    case SQLITE_CORRUPT:
      return SF_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return SF_STORE_ERROR_NOT_DATABASE;
    case SQLITE_IOERR:
      return SF_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return SF_STORE_ERROR_INVALID;
    default:
      return SF_STORE_ERROR_FAILED;
    }
}

/* @handle may be NULL (no connection) or one that failed to open. */
static gboolean
set_error (GError  **error,
           sqlite3  *handle,
           int       rc)
{
  g_autofree char *detail = g_strdup_printf ("SQLite: %s (%d)",
                                             handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc),
                                             rc);

  return sf_db_set_error (error, sf_db_sqlite_classify (rc), detail);
}

static gboolean
set_message_error (GError     **error,
                   int          rc,
                   const char  *message)
{
  g_autofree char *detail = g_strdup_printf ("SQLite: %s (%d)",
                                             message ? message : sqlite3_errstr (rc), rc);

  return sf_db_set_error (error, sf_db_sqlite_classify (rc), detail);
}

/**
 * sf_db_sqlite_open:
 * @path: an SQLite file that exists; a symbolic link is refused
 * @busy_timeout_ms: how long to wait for another program's lock
 *
 * Opens a connection with extended result codes. Nothing is read from the
 * file yet: checking that it is Salesflow's is the caller's.
 *
 * Returns: (transfer full) (nullable): the connection
 */
SfDb *
sf_db_sqlite_open (const char      *path,
                   SfDbSqliteMode   mode,
                   int              busy_timeout_ms,
                   GError         **error)
{
  int flags = (mode == SF_DB_SQLITE_READ_ONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
              SQLITE_OPEN_NOFOLLOW;
  sqlite3 *handle = NULL;
  SqliteDb *self;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, handle, rc);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, busy_timeout_ms);

  self = g_new0 (SqliteDb, 1);
  sf_db_init (&self->parent, &sqlite_engine);
  self->handle = handle;
  self->path = g_strdup (path);

  return &self->parent;
}

struct sqlite3 *
sf_db_sqlite_get_handle (SfDb *db)
{
  g_return_val_if_fail (db->engine == &sqlite_engine, NULL);

  return ((SqliteDb *) db)->handle;
}

static void
sqlite_close (SfDb *db)
{
  SqliteDb *self = (SqliteDb *) db;

  for (guint i = 0; i < N_CONTROLS; i++)
    sqlite3_finalize (self->control[i]);
  sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self);
}

/* Loader threads read over connections of their own; a little longer
 * patience than the window's, since nobody waits on a dialog. */
static SfDb *
sqlite_open_reader (SfDb    *db,
                    GError **error)
{
  return sf_db_sqlite_open (((SqliteDb *) db)->path, SF_DB_SQLITE_READ_ONLY, 5000, error);
}

static SfDbStmt *
sqlite_prepare (SfDb        *db,
                const char  *sql,
                GError     **error)
{
  SqliteDb *self = (SqliteDb *) db;
  sqlite3_stmt *handle = NULL;
  const char *tail = NULL;
  SqliteStmt *stmt;
  int rc;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &handle, &tail);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->handle, rc);
      return NULL;
    }

  /* One statement per text: PostgreSQL refuses more, and SQLite would
   * silently drop the rest. */
  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;
  if (handle == NULL || (tail != NULL && *tail != '\0'))
    {
      sqlite3_finalize (handle);
      sf_db_set_error (error, SF_STORE_ERROR_FAILED, "not exactly one statement in the text");
      return NULL;
    }

  stmt = g_new0 (SqliteStmt, 1);
  stmt->handle = handle;
  return &stmt->parent;
}

static void
sqlite_finalize (SfDbStmt *stmt)
{
  sqlite3_finalize (((SqliteStmt *) stmt)->handle);
  g_free (stmt);
}

static void
sqlite_reset (SfDbStmt *stmt)
{
  sqlite3_stmt *handle = ((SqliteStmt *) stmt)->handle;

  sqlite3_reset (handle);
  sqlite3_clear_bindings (handle);
}

static void
sqlite_bind_int64 (SfDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  sqlite3_bind_int64 (((SqliteStmt *) stmt)->handle, index, value);
}

static void
sqlite_bind_text (SfDbStmt   *stmt,
                  int         index,
                  const char *text)
{
  sqlite3_bind_text (((SqliteStmt *) stmt)->handle, index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (SfDbStmt *stmt,
                  int       index)
{
  sqlite3_bind_null (((SqliteStmt *) stmt)->handle, index);
}

static SfDbStep
sqlite_step (SfDbStmt  *stmt,
             GError   **error)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  int rc = sqlite3_step (self->handle);

  if (rc == SQLITE_ROW)
    return SF_DB_ROW;

  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes64 (sqlite3_db_handle (self->handle));
      return SF_DB_DONE;
    }

  set_error (error, sqlite3_db_handle (self->handle), rc);
  return SF_DB_ERROR;
}

static gint64
sqlite_column_int64 (SfDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (((SqliteStmt *) stmt)->handle, column);
}

static const char *
sqlite_column_text (SfDbStmt *stmt,
                    int       column)
{
  return (const char *) sqlite3_column_text (((SqliteStmt *) stmt)->handle, column);
}

static gboolean
sqlite_column_is_null (SfDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (((SqliteStmt *) stmt)->handle, column) == SQLITE_NULL;
}

static gint64
sqlite_changes (SfDbStmt *stmt)
{
  return ((SqliteStmt *) stmt)->changes;
}

static gboolean
sqlite_exec (SfDb        *db,
             const char  *sql,
             GError     **error)
{
  SqliteDb *self = (SqliteDb *) db;
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_message_error (error, rc, message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Runs one of the transaction statements, compiling it the first time. */
static gboolean
run_control (SfDb     *db,
             Control   control,
             GError  **error)
{
  SqliteDb *self = (SqliteDb *) db;
  sqlite3_stmt **stmt = &self->control[control];
  int rc;

  if (*stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (self->handle, control_sql[control], -1, SQLITE_PREPARE_PERSISTENT,
                               stmt, NULL);
      if (rc != SQLITE_OK)
        return set_error (error, self->handle, rc);
    }

  rc = sqlite3_step (*stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    set_error (error, self->handle, rc);
  sqlite3_reset (*stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
sqlite_begin (SfDb       *db,
              SfDbBegin   kind,
              GError    **error)
{
  return run_control (db, kind == SF_DB_BEGIN_WRITE ? BEGIN_WRITE : BEGIN_READ, error);
}

static gboolean
sqlite_commit (SfDb    *db,
               GError **error)
{
  return run_control (db, COMMIT, error);
}

/* A failed COMMIT or a full disk may have ended the transaction. */
static void
sqlite_rollback (SfDb *db)
{
  SqliteDb *self = (SqliteDb *) db;

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_savepoint (SfDb    *db,
                  GError **error)
{
  return run_control (db, SAVEPOINT, error);
}

static gboolean
sqlite_release (SfDb    *db,
                GError **error)
{
  return run_control (db, RELEASE, error);
}

static void
sqlite_rollback_to (SfDb *db)
{
  SqliteDb *self = (SqliteDb *) db;

  sqlite3_exec (self->handle, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
}

static const SfDbEngine sqlite_engine = {
  .name = "SQLite",
  .id = SF_DB_ENGINE_SQLITE,
  .close = sqlite_close,
  .open_reader = sqlite_open_reader,
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .reset = sqlite_reset,
  .bind_int64 = sqlite_bind_int64,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_int64 = sqlite_column_int64,
  .column_text = sqlite_column_text,
  .column_is_null = sqlite_column_is_null,
  .changes = sqlite_changes,
  .exec = sqlite_exec,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .savepoint = sqlite_savepoint,
  .release = sqlite_release,
  .rollback_to = sqlite_rollback_to,
};

/**
 * sf_db_sqlite_backup:
 * @db: an SQLite connection
 * @path: an empty file to copy into
 *
 * Copies the database page by page, as one consistent snapshot, and leaves
 * the copy as a single file in rollback-journal mode; Salesflow switches
 * it to WAL when it opens it.
 */
gboolean
sf_db_sqlite_backup (SfDb        *db,
                     const char  *path,
                     GError     **error)
{
  sqlite3 *source, *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (db->engine == &sqlite_engine, FALSE);

  source = ((SqliteDb *) db)->handle;
  rc = sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    set_error (error, target, rc);
  sqlite3_close_v2 (target);

  return rc == SQLITE_OK;
}
