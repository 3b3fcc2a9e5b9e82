/* test-db.c — the engine seam (sf-db.h) on its SQLite engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store relies on from every engine, checked on SQLite: one
 * compiled statement per text and connection, ids from RETURNING,
 * savepoints inside a transaction, rows readable while other statements
 * run, and errors that reach the person as the same few sentences.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sf-db-sqlite.h"
#include "sf-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  SfDb *db;
} Fixture;

static const char create_sql[] =
  "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size INTEGER);"
  "INSERT INTO things (name, size) VALUES ('one', 1), ('two', 2), ('three', 3);";

static const char insert_sql[] = "INSERT INTO things (name, size) VALUES (?1, ?2) RETURNING id";
static const char count_sql[] = "SELECT count(*) FROM things";
static const char size_sql[] = "SELECT size FROM things WHERE name = ?1";
static const char all_sql[] = "SELECT id, name, size FROM things ORDER BY id";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sf_test_temp_dir ();
  f->path = g_build_filename (f->dir, "seam.db", NULL);
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  f->db = sf_db_sqlite_open (f->path, SF_DB_SQLITE_READ_WRITE, 100, &error);
  g_assert_no_error (error);
  g_assert_true (sf_db_exec (f->db, create_sql, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, sf_db_close);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count_things (SfDb *db)
{
  g_autoptr(GError) error = NULL;
  SfDbStmt *stmt = sf_db_prepare (db, count_sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_true (sf_db_step_row (stmt, &error));
  n = sf_db_column_int64 (stmt, 0);
  sf_db_reset (stmt);

  return n;
}

static gint64
insert_thing (SfDb        *db,
              const char  *name,
              GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (db, insert_sql, error);
  gint64 id = -1;

  g_assert_nonnull (stmt);
  sf_db_bind_text (stmt, 1, name);
  sf_db_bind_int64 (stmt, 2, G_GINT64_CONSTANT (1) << 40);
  if (!sf_db_step_id (stmt, &id, error))
    return -1;

  return id;
}

/* A text is compiled once per connection; preparing it again gives the
 * same statement, reset, with its old bindings gone. */
static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDbStmt *first, *again;
  guint compiled;

  first = sf_db_prepare (f->db, size_sql, &error);
  g_assert_no_error (error);
  compiled = sf_db_get_n_prepared (f->db);
  sf_db_bind_text (first, 1, "two");
  g_assert_cmpint (sf_db_step (first, &error), ==, SF_DB_ROW);
  g_assert_cmpint (sf_db_column_int64 (first, 0), ==, 2);

  /* Mid-row: preparing again starts it over, unbound. */
  again = sf_db_prepare (f->db, size_sql, &error);
  g_assert_true (again == first);
  g_assert_cmpuint (sf_db_get_n_prepared (f->db), ==, compiled);
  g_assert_cmpint (sf_db_step (again, &error), ==, SF_DB_DONE);
  sf_db_reset (again);

  /* The same words at another address are another statement. */
  {
    g_autofree char *copy = g_strdup (size_sql);
    SfDbStmt *other = sf_db_prepare (f->db, copy, &error);

    g_assert_no_error (error);
    g_assert_true (other != first);
    g_assert_cmpuint (sf_db_get_n_prepared (f->db), ==, compiled + 1);
    /* Closing the connection finalizes it before @copy is freed. */
    g_clear_pointer (&f->db, sf_db_close);
  }
}

/* New rows' ids come from RETURNING, one after another, and the row is
 * stored with what was bound, 64-bit values too. */
static void
test_returning (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDbStmt *stmt;
  gint64 a, b;

  a = insert_thing (f->db, "four", &error);
  g_assert_no_error (error);
  b = insert_thing (f->db, "five", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, ==, 4);
  g_assert_cmpint (b, ==, 5);
  g_assert_cmpint (count_things (f->db), ==, 5);

  stmt = sf_db_prepare (f->db, size_sql, &error);
  sf_db_bind_text (stmt, 1, "five");
  g_assert_true (sf_db_step_row (stmt, &error));
  g_assert_cmpint (sf_db_column_int64 (stmt, 0), ==, G_GINT64_CONSTANT (1) << 40);
  sf_db_reset (stmt);
}

/* A begin inside a transaction is a savepoint: rolling it back undoes
 * only its own writes, committing it keeps them for the outer commit, and
 * an outer rollback undoes everything. */
static void
test_savepoints (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 1);
  insert_thing (f->db, "kept", &error);

  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 2);
  insert_thing (f->db, "undone", &error);
  g_assert_cmpint (count_things (f->db), ==, 5);
  sf_db_rollback (f->db);
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 1);
  g_assert_cmpint (count_things (f->db), ==, 4);

  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 3);
  insert_thing (f->db, "deep", &error);
  g_assert_true (sf_db_commit (f->db, &error));
  g_assert_true (sf_db_commit (f->db, &error));
  g_assert_cmpint (count_things (f->db), ==, 5);
  g_assert_true (sf_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 0);
  g_assert_cmpint (count_things (f->db), ==, 5);

  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_true (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  insert_thing (f->db, "gone", &error);
  g_assert_true (sf_db_commit (f->db, &error));
  sf_db_rollback (f->db);
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 0);
  g_assert_cmpint (count_things (f->db), ==, 5);

  /* Nothing to roll back outside a transaction. */
  sf_db_rollback (f->db);
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 0);
}

/* The rows of one statement stay readable while others run and step on
 * the same connection: the ledger check reads deals while it walks the
 * requests. */
static void
test_interleaved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  SfDbStmt *all = sf_db_prepare (f->db, all_sql, &error);

  while (sf_db_step (all, &error) == SF_DB_ROW)
    {
      SfDbStmt *size = sf_db_prepare (f->db, size_sql, &error);

      sf_db_bind_text (size, 1, sf_db_column_text (all, 1));
      g_assert_true (sf_db_step_row (size, &error));
      g_string_append_printf (seen, "%s=%" G_GINT64_FORMAT " ", sf_db_column_text (all, 1),
                              sf_db_column_int64 (size, 0));
      sf_db_reset (size);
    }
  sf_db_reset (all);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "one=1 two=2 three=3 ");
}

/* Rows changed are counted per statement; NULL reads as NULL. */
static void
test_changes_and_null (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDbStmt *stmt = sf_db_prepare (f->db, "UPDATE things SET size = ?1 WHERE size >= 2", &error);

  sf_db_bind_null (stmt, 1);
  g_assert_true (sf_db_step_done (stmt, &error));
  g_assert_cmpint (sf_db_changes (stmt), ==, 2);

  stmt = sf_db_prepare (f->db, size_sql, &error);
  sf_db_bind_text (stmt, 1, "three");
  g_assert_true (sf_db_step_row (stmt, &error));
  g_assert_true (sf_db_column_is_null (stmt, 0));
  g_assert_cmpint (sf_db_column_int64 (stmt, 0), ==, 0);
  g_assert_null (sf_db_column_text (stmt, 0));
  sf_db_reset (stmt);

  stmt = sf_db_prepare (f->db, size_sql, &error);
  sf_db_bind_text (stmt, 1, "one");
  g_assert_true (sf_db_step_row (stmt, &error));
  g_assert_false (sf_db_column_is_null (stmt, 0));
  g_assert_cmpstr (sf_db_column_text (stmt, 0), ==, "1");
  sf_db_reset (stmt);

  /* No row where one was promised is an error, not silence. */
  stmt = sf_db_prepare (f->db, size_sql, &error);
  sf_db_bind_text (stmt, 1, "nothing");
  g_assert_false (sf_db_step_row (stmt, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED);
  sf_db_reset (stmt);
}

/* A text is one statement; more, or none, or bad SQL, is refused. */
static void
test_one_statement (Fixture       *f,
                    gconstpointer  data)
{
  static const char two_sql[] = "SELECT 1; SELECT 2";
  static const char none_sql[] = "  /* nothing */ ";
  static const char bad_sql[] = "SELEKT 1";
  static const char trailing_sql[] = "SELECT 1 /* fine */  ";
  const char * const refused[] = { two_sql, none_sql, bad_sql };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (sf_db_prepare (f->db, refused[i], &error));
      g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED);
    }
  g_assert_nonnull (sf_db_prepare (f->db, trailing_sql, NULL));
}

/* An engine's own text is picked; an engine without one fails clearly. */
static void
test_per_engine_text (Fixture       *f,
                      gconstpointer  data)
{
  static const SfDbText both = { {
    [SF_DB_ENGINE_SQLITE] = "SELECT 'sqlite'",
    [SF_DB_ENGINE_POSTGRES] = "SELECT 'postgres'",
  } };
  static const SfDbText postgres_only = { {
    [SF_DB_ENGINE_POSTGRES] = "SELECT 'postgres'",
  } };
  g_autoptr(GError) error = NULL;
  SfDbStmt *stmt;

  g_assert_cmpint (sf_db_get_engine_id (f->db), ==, SF_DB_ENGINE_SQLITE);
  stmt = sf_db_prepare_text (f->db, &both, &error);
  g_assert_true (sf_db_step_row (stmt, &error));
  g_assert_cmpstr (sf_db_column_text (stmt, 0), ==, "sqlite");
  sf_db_reset (stmt);

  g_assert_null (sf_db_prepare_text (f->db, &postgres_only, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED);
}

/* Errors reach the person as the store's sentences, whatever SQLite
 * said: a broken rule, a lock held by another program. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) other = NULL;

  g_assert_cmpint (insert_thing (f->db, "one", &error), ==, -1);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The change does not fit the data and was not saved.");
  g_clear_error (&error);

  other = sf_db_sqlite_open (f->path, SF_DB_SQLITE_READ_WRITE, 50, &error);
  g_assert_no_error (error);
  g_assert_true (sf_db_begin (other, SF_DB_BEGIN_WRITE, &error));
  g_assert_false (sf_db_begin (f->db, SF_DB_BEGIN_WRITE, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "Another program is using the database. Close it and try again.");
  g_assert_cmpuint (sf_db_get_depth (f->db), ==, 0);
  g_clear_error (&error);

  /* A reader sees what is committed and cannot write. */
  sf_db_rollback (other);
  g_clear_pointer (&other, sf_db_close);
  other = sf_db_open_reader (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_things (other), ==, 3);
  g_assert_cmpint (insert_thing (other, "four", &error), ==, -1);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A file that is not there is not created. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);

    g_assert_null (sf_db_sqlite_open (missing, SF_DB_SQLITE_READ_WRITE, 50, &error));
    g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_READ_ONLY);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

/* Every SQLite result code maps to the kind of failure a person can act
 * on, extended codes by their primary one. */
static void
test_classify (void)
{
  static const struct {
    int code;
    SfStoreError error;
  } cases[] = {
    { SQLITE_FULL, SF_STORE_ERROR_FULL },
    { SQLITE_READONLY, SF_STORE_ERROR_READ_ONLY },
    { SQLITE_READONLY_DBMOVED, SF_STORE_ERROR_READ_ONLY },
    { SQLITE_PERM, SF_STORE_ERROR_READ_ONLY },
    { SQLITE_CANTOPEN, SF_STORE_ERROR_READ_ONLY },
    { SQLITE_BUSY, SF_STORE_ERROR_LOCKED },
    { SQLITE_BUSY_SNAPSHOT, SF_STORE_ERROR_LOCKED },
    { SQLITE_LOCKED, SF_STORE_ERROR_LOCKED },
    { SQLITE_CORRUPT, SF_STORE_ERROR_CORRUPT },
    { SQLITE_NOTADB, SF_STORE_ERROR_NOT_DATABASE },
    { SQLITE_IOERR, SF_STORE_ERROR_IO },
    { SQLITE_IOERR_WRITE, SF_STORE_ERROR_IO },
    { SQLITE_IOERR_FSYNC, SF_STORE_ERROR_IO },
    { SQLITE_CONSTRAINT, SF_STORE_ERROR_INVALID },
    { SQLITE_CONSTRAINT_UNIQUE, SF_STORE_ERROR_INVALID },
    { SQLITE_CONSTRAINT_FOREIGNKEY, SF_STORE_ERROR_INVALID },
    { SQLITE_MISMATCH, SF_STORE_ERROR_INVALID },
    { SQLITE_TOOBIG, SF_STORE_ERROR_INVALID },
    { SQLITE_RANGE, SF_STORE_ERROR_INVALID },
    { SQLITE_ERROR, SF_STORE_ERROR_FAILED },
    { SQLITE_NOMEM, SF_STORE_ERROR_FAILED },
    { SQLITE_INTERRUPT, SF_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sf_db_sqlite_classify (cases[i].code), ==, cases[i].error);
}

/* The sentence for each kind is the same whatever the engine said, and a
 * kind no engine error has falls back to the general one. */
static void
test_messages (void)
{
  static const struct {
    SfStoreError code;
    SfStoreError result;
    const char *message;
  } cases[] = {
    { SF_STORE_ERROR_FULL, SF_STORE_ERROR_FULL, "The disk is full. Free some space and try again." },
    { SF_STORE_ERROR_CORRUPT, SF_STORE_ERROR_CORRUPT, "The database file is damaged." },
    { SF_STORE_ERROR_IO, SF_STORE_ERROR_IO,
      "The database could not be read or written (input/output error)." },
    { SF_STORE_ERROR_NOT_FOUND, SF_STORE_ERROR_FAILED, "The database reported an unexpected error." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sf_db_set_error (&error, cases[i].code, "engine words"));
      g_assert_error (error, SF_STORE_ERROR, (int) cases[i].result);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* The backup copies the database whole into another file. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(SfDb) back = NULL;

  g_assert_true (g_file_set_contents (copy, "", 0, NULL));
  g_assert_true (sf_db_sqlite_backup (f->db, copy, &error));
  g_assert_no_error (error);
  back = sf_db_sqlite_open (copy, SF_DB_SQLITE_READ_ONLY, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_things (back), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/cache", Fixture, NULL, fixture_set_up, test_cache, fixture_tear_down);
  g_test_add ("/db/returning", Fixture, NULL, fixture_set_up, test_returning, fixture_tear_down);
  g_test_add ("/db/savepoints", Fixture, NULL, fixture_set_up, test_savepoints, fixture_tear_down);
  g_test_add ("/db/interleaved", Fixture, NULL, fixture_set_up, test_interleaved,
              fixture_tear_down);
  g_test_add ("/db/changes-and-null", Fixture, NULL, fixture_set_up, test_changes_and_null,
              fixture_tear_down);
  g_test_add ("/db/one-statement", Fixture, NULL, fixture_set_up, test_one_statement,
              fixture_tear_down);
  g_test_add ("/db/per-engine-text", Fixture, NULL, fixture_set_up, test_per_engine_text,
              fixture_tear_down);
  g_test_add ("/db/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/db/backup", Fixture, NULL, fixture_set_up, test_backup, fixture_tear_down);
  g_test_add_func ("/db/classify", test_classify);
  g_test_add_func ("/db/messages", test_messages);

  return g_test_run ();
}
