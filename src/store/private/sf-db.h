/* sf-db.h — the store's database layer and the contract of its engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only src/store uses this. The store's code speaks to a database through
 * these calls and never through an engine's own library; an engine (SQLite
 * in sf-db-sqlite.c, PostgreSQL next) fills an SfDbEngine table and is the
 * only file that includes its library's header. docs/storage.md describes
 * the contract for whoever writes an engine.
 *
 * The SQL the store hands in:
 *
 * - is a static string; its address is the key under which the prepared
 *   statement is kept, once per connection (sf_db_prepare());
 * - numbers its parameters ?1, ?2, … ?N, each of them used in the text, in
 *   a place where its type is clear (compared with or assigned to a
 *   column, or inside CAST (?N AS BIGINT / TEXT)); an engine that wants
 *   other markers rewrites them when it prepares (PostgreSQL: $N);
 * - holds integers as 64-bit (BIGINT) values and text as UTF-8; there are
 *   no other types: truth values are integers 0 and 1, compared with
 *   "<> 0", days are ISO 8601 text;
 * - reads a new row's id with INSERT … RETURNING id (sf_db_step_id()),
 *   never from a connection's "last insert id";
 * - is portable between SQLite 3.40 and PostgreSQL 15 except where it
 *   goes through SfDbText, which holds one text per engine.
 */
#pragma once

#include <glib.h>

#include "sf-store.h"

G_BEGIN_DECLS

typedef struct _SfDb       SfDb;
typedef struct _SfDbStmt   SfDbStmt;
typedef struct _SfDbEngine SfDbEngine;

typedef enum
{
  SF_DB_ENGINE_SQLITE,
  SF_DB_ENGINE_POSTGRES,
  SF_DB_N_ENGINES,
} SfDbEngineId;

/**
 * SfDbStep:
 * @SF_DB_ERROR: the statement failed; the #GError given to sf_db_step()
 *   says how, classified as an #SfStoreError
 * @SF_DB_ROW: a row is ready for the sf_db_column_*() calls
 * @SF_DB_DONE: no more rows; a write has been made
 */
typedef enum
{
  SF_DB_ERROR,
  SF_DB_ROW,
  SF_DB_DONE,
} SfDbStep;

/**
 * SfDbBegin:
 * @SF_DB_BEGIN_WRITE: an action that will write: it takes the write lock
 *   at once (SQLite: BEGIN IMMEDIATE), so two writers never both read and
 *   then one fails at its first write
 * @SF_DB_BEGIN_READ: several reads that must see one moment; never writes
 */
typedef enum
{
  SF_DB_BEGIN_WRITE,
  SF_DB_BEGIN_READ,
} SfDbBegin;

/**
 * SfDbText:
 *
 * A statement whose text differs between engines: one static string per
 * engine, indexed by #SfDbEngineId. Every use is listed in
 * docs/storage.md; keep them few.
 */
typedef struct
{
  const char *text[SF_DB_N_ENGINES];
} SfDbText;

/**
 * SfDbEngine:
 *
 * What an engine provides. Every function gets objects of that engine
 * only. The rules each must keep:
 *
 * @name: for the debug log
 * @close: finalizes nothing but the connection itself: the statements
 *   have been finalized before
 * @open_reader: opens a second, read-only connection to the same database
 *   for a worker thread; may be called from any thread while @db is open,
 *   so it reads only what was fixed when @db was opened
 * @prepare: compiles @sql, or fails with the error classified. Called once
 *   per text and connection; the statement lives until the connection
 *   closes. Parameters not bound since the last reset are NULL.
 * @finalize: frees a statement
 * @reset: makes the statement ready to run again and clears its bindings;
 *   rows not yet read are dropped. Never fails.
 * @bind_int64: binds ?@index; @index starts at 1
 * @bind_text: binds ?@index to a copy of @text, which is never %NULL
 * @bind_null: binds ?@index to NULL
 * @step: runs the statement on its first call after a reset and returns
 *   its rows one at a time. Rows must stay readable while other statements
 *   of the same connection run and step (the ledger check reads deals
 *   while it walks the requests): an engine that cannot keep two results
 *   open on one connection reads the whole result at the first step.
 *   On failure it sets @error through sf_db_set_error().
 * @column_int64: the column of the current row as an integer; NULL is 0
 * @column_text: the column as UTF-8 text, %NULL for NULL; valid until the
 *   next step or reset of the statement
 * @column_is_null: whether the column is NULL
 * @changes: rows inserted, changed or deleted by the statement's last run
 *   to %SF_DB_DONE
 * @exec: runs SQL without parameters that may hold several statements
 *   separated by semicolons (a migration's script), and nothing else
 * @begin: starts a transaction of @kind on a connection that has none
 * @commit: commits it; on failure the transaction stays open for
 *   @rollback
 * @rollback: ends the transaction, whether or not the engine still
 *   considers it open (a failed commit may have ended it); never fails
 * @savepoint: inside a transaction, starts a nested one
 * @release: ends the innermost nested one, keeping its changes
 * @rollback_to: undoes the innermost nested one and ends it; never fails
 */
struct _SfDbEngine
{
  const char *name;
  SfDbEngineId id;

  void         (*close)          (SfDb        *db);
  SfDb        *(*open_reader)    (SfDb        *db,
                                  GError     **error);

  SfDbStmt    *(*prepare)        (SfDb        *db,
                                  const char  *sql,
                                  GError     **error);
  void         (*finalize)       (SfDbStmt    *stmt);
  void         (*reset)          (SfDbStmt    *stmt);
  void         (*bind_int64)     (SfDbStmt    *stmt,
                                  int          index,
                                  gint64       value);
  void         (*bind_text)      (SfDbStmt    *stmt,
                                  int          index,
                                  const char  *text);
  void         (*bind_null)      (SfDbStmt    *stmt,
                                  int          index);
  SfDbStep     (*step)           (SfDbStmt    *stmt,
                                  GError     **error);
  gint64       (*column_int64)   (SfDbStmt    *stmt,
                                  int          column);
  const char  *(*column_text)    (SfDbStmt    *stmt,
                                  int          column);
  gboolean     (*column_is_null) (SfDbStmt    *stmt,
                                  int          column);
  gint64       (*changes)        (SfDbStmt    *stmt);

  gboolean     (*exec)           (SfDb        *db,
                                  const char  *sql,
                                  GError     **error);
  gboolean     (*begin)          (SfDb        *db,
                                  SfDbBegin    kind,
                                  GError     **error);
  gboolean     (*commit)         (SfDb        *db,
                                  GError     **error);
  void         (*rollback)       (SfDb        *db);
  gboolean     (*savepoint)      (SfDb        *db,
                                  GError     **error);
  gboolean     (*release)        (SfDb        *db,
                                  GError     **error);
  void         (*rollback_to)    (SfDb        *db);
};

/* The part of a connection every engine shares; an engine's own connection
 * struct starts with it. */
struct _SfDb
{
  const SfDbEngine *engine;
  GHashTable *statements;   /* static SQL text → SfDbStmt, owned */
  guint depth;              /* open transactions: 1 is the transaction, more are savepoints */
  guint n_prepared;         /* statements compiled so far, for tests */
};

/* The part of a statement every engine shares; an engine's own statement
 * struct starts with it. sf_db_prepare() fills it in. */
struct _SfDbStmt
{
  const SfDbEngine *engine;
  SfDb *db;
  const char *sql;
};

/* For engines */
void          sf_db_init              (SfDb              *db,
                                       const SfDbEngine  *engine);
gboolean      sf_db_set_error         (GError           **error,
                                       SfStoreError       code,
                                       const char        *detail);

/* Connections */
SfDb         *sf_db_open_reader       (SfDb              *db,
                                       GError           **error);
void          sf_db_close             (SfDb              *db);
SfDbEngineId  sf_db_get_engine_id     (SfDb              *db);
guint         sf_db_get_depth         (SfDb              *db);
guint         sf_db_get_n_prepared    (SfDb              *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDb, sf_db_close)

/* Statements */
SfDbStmt     *sf_db_prepare           (SfDb              *db,
                                       const char        *sql,
                                       GError           **error);
SfDbStmt     *sf_db_prepare_text      (SfDb              *db,
                                       const SfDbText    *text,
                                       GError           **error);
gboolean      sf_db_step_row          (SfDbStmt          *stmt,
                                       GError           **error);
gboolean      sf_db_step_done         (SfDbStmt          *stmt,
                                       GError           **error);
gboolean      sf_db_step_id           (SfDbStmt          *stmt,
                                       gint64            *out_id,
                                       GError           **error);
gboolean      sf_db_exec              (SfDb              *db,
                                       const char        *sql,
                                       GError           **error);

/* Transactions */
gboolean      sf_db_begin             (SfDb              *db,
                                       SfDbBegin          kind,
                                       GError           **error);
gboolean      sf_db_commit            (SfDb              *db,
                                       GError           **error);
void          sf_db_rollback          (SfDb              *db);

/* Binding and reading: straight to the engine, they run for every column
 * of every row loaded. */

static inline void
sf_db_bind_int64 (SfDbStmt *stmt,
                  int       index,
                  gint64    value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

/* @text may be %NULL, which binds NULL. */
static inline void
sf_db_bind_text (SfDbStmt   *stmt,
                 int         index,
                 const char *text)
{
  if (text == NULL)
    stmt->engine->bind_null (stmt, index);
  else
    stmt->engine->bind_text (stmt, index, text);
}

static inline void
sf_db_bind_null (SfDbStmt *stmt,
                 int       index)
{
  stmt->engine->bind_null (stmt, index);
}

static inline SfDbStep
sf_db_step (SfDbStmt  *stmt,
            GError   **error)
{
  return stmt->engine->step (stmt, error);
}

static inline void
sf_db_reset (SfDbStmt *stmt)
{
  stmt->engine->reset (stmt);
}

static inline gint64
sf_db_column_int64 (SfDbStmt *stmt,
                    int       column)
{
  return stmt->engine->column_int64 (stmt, column);
}

static inline const char *
sf_db_column_text (SfDbStmt *stmt,
                   int       column)
{
  return stmt->engine->column_text (stmt, column);
}

static inline gboolean
sf_db_column_is_null (SfDbStmt *stmt,
                      int       column)
{
  return stmt->engine->column_is_null (stmt, column);
}

static inline gint64
sf_db_changes (SfDbStmt *stmt)
{
  return stmt->engine->changes (stmt);
}

G_END_DECLS
