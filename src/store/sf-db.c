/* sf-db.c — what every engine shares: the statement cache, transactions
 * and savepoints, and the errors a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-db.h"

static void
finalize_stmt (gpointer data)
{
  SfDbStmt *stmt = data;

  stmt->engine->finalize (stmt);
}

/**
 * sf_db_init:
 *
 * For engines: sets up the shared part of a connection they have opened.
 */
void
sf_db_init (SfDb             *db,
            const SfDbEngine *engine)
{
  db->engine = engine;
  db->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  db->depth = 0;
  db->n_prepared = 0;
}

/* What each kind of failure tells the person, whatever the engine. */
static const struct {
  SfStoreError code;
  const char *message;
} messages[] = {
  { SF_STORE_ERROR_FULL, N_("The disk is full. Free some space and try again.") },
  { SF_STORE_ERROR_READ_ONLY, N_("The database file cannot be written. Check its permissions.") },
  { SF_STORE_ERROR_LOCKED, N_("Another program is using the database. Close it and try again.") },
  { SF_STORE_ERROR_CORRUPT, N_("The database file is damaged.") },
  { SF_STORE_ERROR_NOT_DATABASE, N_("The file is not a Salesflow database.") },
  { SF_STORE_ERROR_IO, N_("The database could not be read or written (input/output error).") },
  { SF_STORE_ERROR_INVALID, N_("The change does not fit the data and was not saved.") },
};

/**
 * sf_db_set_error:
 * @code: what the engine's error means, classified by the engine
 * @detail: (nullable): the engine's own message, for the debug log only
 *
 * Sets a #GError a person can act on: the same sentence for each kind of
 * failure whatever the engine. The engine's message goes to the debug log,
 * not into the dialog. A kind without a sentence of its own is
 * %SF_STORE_ERROR_FAILED.
 *
 * Returns: %FALSE, for `return sf_db_set_error (…)`
 */
gboolean
sf_db_set_error (GError       **error,
                 SfStoreError   code,
                 const char    *detail)
{
  g_debug ("Database: %s (%d)", detail ? detail : "no detail", code);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (messages[i].code == code)
      {
        g_set_error_literal (error, SF_STORE_ERROR, code, _(messages[i].message));
        return FALSE;
      }

  g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED,
                       _("The database reported an unexpected error."));
  return FALSE;
}

/**
 * sf_db_open_reader:
 *
 * Opens a second, read-only connection to @db's database for a worker
 * thread. Callable from any thread while @db is open.
 *
 * Returns: (transfer full) (nullable): the connection; close it with
 *   sf_db_close() on the thread that used it
 */
SfDb *
sf_db_open_reader (SfDb    *db,
                   GError **error)
{
  return db->engine->open_reader (db, error);
}

/**
 * sf_db_close:
 *
 * Finalizes every statement of the connection and closes it. An open
 * transaction is rolled back by the engine.
 */
void
sf_db_close (SfDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  db->engine->close (db);
}

SfDbEngineId
sf_db_get_engine_id (SfDb *db)
{
  return db->engine->id;
}

/**
 * sf_db_get_depth:
 *
 * Returns: 0 outside a transaction, 1 inside one, more inside savepoints
 */
guint
sf_db_get_depth (SfDb *db)
{
  return db->depth;
}

/**
 * sf_db_get_n_prepared:
 *
 * Returns: how many statements the connection has compiled; the cache
 *   makes it the number of different texts run
 */
guint
sf_db_get_n_prepared (SfDb *db)
{
  return db->n_prepared;
}

/**
 * sf_db_prepare:
 * @sql: a static string; its address is the cache key
 *
 * Compiles @sql the first time this connection sees it and keeps it; later
 * calls get the same statement back, reset and with no bindings. A
 * statement is one cursor: preparing it again while its rows are being
 * read starts it over.
 *
 * Returns: (transfer none) (nullable): the statement
 */
SfDbStmt *
sf_db_prepare (SfDb        *db,
               const char  *sql,
               GError     **error)
{
  SfDbStmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      stmt->engine->reset (stmt);
      return stmt;
    }

  stmt = db->engine->prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  stmt->engine = db->engine;
  stmt->db = db;
  stmt->sql = sql;
  db->n_prepared++;
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);

  return stmt;
}

/**
 * sf_db_prepare_text:
 * @text: a static table of one text per engine
 *
 * sf_db_prepare() of this engine's text. An engine without a text for the
 * statement fails with %SF_STORE_ERROR_FAILED: a missing text is a bug
 * that a test on that engine shows.
 *
 * Returns: (transfer none) (nullable): the statement
 */
SfDbStmt *
sf_db_prepare_text (SfDb            *db,
                    const SfDbText  *text,
                    GError         **error)
{
  const char *sql = text->text[db->engine->id];

  if (sql == NULL)
    {
      sf_db_set_error (error, SF_STORE_ERROR_FAILED, "no text of the statement for this engine");
      return NULL;
    }

  return sf_db_prepare (db, sql, error);
}

/**
 * sf_db_step_row:
 *
 * Runs a statement that always gives a row (an aggregate, an EXISTS) and
 * leaves that row to be read; reset the statement after. No row is an
 * error.
 */
gboolean
sf_db_step_row (SfDbStmt  *stmt,
                GError   **error)
{
  SfDbStep step = sf_db_step (stmt, error);

  if (step == SF_DB_DONE)
    return sf_db_set_error (error, SF_STORE_ERROR_FAILED, "the query returned no row");

  return step == SF_DB_ROW;
}

/**
 * sf_db_step_done:
 *
 * Runs a statement whose rows, if any, are not wanted, and resets it.
 */
gboolean
sf_db_step_done (SfDbStmt  *stmt,
                 GError   **error)
{
  SfDbStep step = sf_db_step (stmt, error);

  sf_db_reset (stmt);
  return step != SF_DB_ERROR;
}

/**
 * sf_db_step_id:
 * @stmt: an `INSERT … RETURNING id`
 * @out_id: (out): the new row's id
 *
 * Runs the insert, reads the id it returns and resets the statement.
 */
gboolean
sf_db_step_id (SfDbStmt  *stmt,
               gint64    *out_id,
               GError   **error)
{
  SfDbStep step = sf_db_step (stmt, error);

  if (step == SF_DB_ROW)
    *out_id = sf_db_column_int64 (stmt, 0);
  sf_db_reset (stmt);

  if (step == SF_DB_DONE)
    return sf_db_set_error (error, SF_STORE_ERROR_FAILED, "the insert returned no id");

  return step == SF_DB_ROW;
}

/**
 * sf_db_exec:
 * @sql: static text without parameters, one or more statements
 *
 * Runs @sql once, uncached: a migration's script, a setting.
 */
gboolean
sf_db_exec (SfDb        *db,
            const char  *sql,
            GError     **error)
{
  return db->engine->exec (db, sql, error);
}

/**
 * sf_db_begin:
 *
 * Starts a transaction, or a savepoint inside one that is already running,
 * so that composite actions (the sample pipeline: people and deals) are
 * still one transaction. Every successful begin is ended by exactly one
 * sf_db_commit() or sf_db_rollback().
 */
gboolean
sf_db_begin (SfDb       *db,
             SfDbBegin   kind,
             GError    **error)
{
  gboolean ok = db->depth == 0 ? db->engine->begin (db, kind, error)
                               : db->engine->savepoint (db, error);

  if (ok)
    db->depth++;

  return ok;
}

/**
 * sf_db_commit:
 *
 * Commits the transaction, or releases the innermost savepoint. On failure
 * the transaction stays open for the caller's sf_db_rollback().
 */
gboolean
sf_db_commit (SfDb    *db,
              GError **error)
{
  gboolean ok;

  g_return_val_if_fail (db->depth > 0, FALSE);

  ok = db->depth == 1 ? db->engine->commit (db, error) : db->engine->release (db, error);
  if (ok)
    db->depth--;

  return ok;
}

/**
 * sf_db_rollback:
 *
 * Rolls back the transaction or the innermost savepoint; nothing outside
 * one.
 */
void
sf_db_rollback (SfDb *db)
{
  if (db->depth == 0)
    return;

  if (db->depth == 1)
    db->engine->rollback (db);
  else
    db->engine->rollback_to (db);

  db->depth--;
}
