/* sf-test-util.c — shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "sf-money.h"
#include "sf-db-sqlite.h"
#include "sf-store-private.h"
#include "sf-test-util.h"

/**
 * sf_test_temp_dir:
 *
 * Returns: (transfer full): a new empty folder for one test
 */
char *
sf_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("salesflow-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sf_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sf_test_remove_dir (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

char *
sf_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/**
 * sf_test_use_locale:
 *
 * Switches every category to @locale. A locale the machine lacks skips the
 * test, unless SALESFLOW_REQUIRE_LOCALES is set (as `build-aux/dev test`
 * does, having generated them), where it fails.
 *
 * Returns: whether the test may go on
 */
gboolean
sf_test_use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      if (g_getenv ("SALESFLOW_REQUIRE_LOCALES") != NULL)
        g_error ("The locale %s is missing; build-aux/dev generates it", locale);
      g_test_skip_printf ("the locale %s is not installed", locale);
      return FALSE;
    }

  sf_money_format_reset_cache ();
  return TRUE;
}

/**
 * sf_test_open_store:
 * @out_dir: (out): the folder holding the database; remove it afterwards
 *
 * Returns: (transfer full): a store on a new database file
 */
SfStore *
sf_test_open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  SfStore *store = sf_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  *out_dir = g_steal_pointer (&dir);

  return store;
}

/**
 * sf_test_create_deal:
 *
 * Returns: (transfer full): a stored deal in Prospect
 */
SfDeal *
sf_test_create_deal (SfStore    *store,
                     const char *title,
                     const char *customer,
                     gint64      amount,
                     const char *currency)
{
  g_autoptr(GError) error = NULL;
  SfDeal *deal = sf_deal_new ();
  SfMoney value;

  sf_money_init (&value, amount, currency);
  sf_deal_set_title (deal, title);
  sf_deal_set_customer (deal, customer);
  sf_deal_set_value (deal, &value);
  g_assert_true (sf_store_create_deal (store, deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_id (deal), >, 0);

  return deal;
}

/**
 * sf_test_find_job:
 *
 * Returns: (transfer none) (nullable): the built-in job with @key
 */
SfJob *
sf_test_find_job (GPtrArray  *jobs,
                  const char *key)
{
  for (guint i = 0; i < jobs->len; i++)
    if (g_strcmp0 (sf_job_get_key (g_ptr_array_index (jobs, i)), key) == 0)
      return g_ptr_array_index (jobs, i);

  return NULL;
}

/**
 * sf_test_tick_stage:
 *
 * Ticks every manual job of @stage through the store.
 *
 * Returns: whether every tick was accepted
 */
gboolean
sf_test_tick_stage (SfStore *store,
                    SfDeal  *deal,
                    SfStage  stage)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (store, sf_deal_get_id (deal), NULL);
  gboolean ok = TRUE;

  for (guint i = 0; jobs && i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_stage (job) == stage && sf_job_get_kind (job) == SF_JOB_KIND_MANUAL)
        ok &= sf_store_set_job_done (store, deal, job, TRUE, NULL);
    }

  return ok && jobs != NULL;
}

/**
 * sf_test_db_digest:
 *
 * Reads every row of every table over a connection of its own, as the
 * next start would see the file (write-ahead log included), and hashes it
 * all: two equal digests are two databases holding the same data.
 *
 * Returns: (transfer full): SHA-256 of the contents
 */
char *
sf_test_db_digest (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));

      g_checksum_update (sum, g_ptr_array_index (tables, i), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            int type = sqlite3_column_type (stmt, c);
            const void *blob = sqlite3_column_blob (stmt, c);

            g_checksum_update (sum, (const guchar *) &type, sizeof type);
            if (blob != NULL)
              g_checksum_update (sum, blob, sqlite3_column_bytes (stmt, c));
            g_checksum_update (sum, (const guchar *) "|", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (sum));
}

/**
 * sf_test_store_exec:
 *
 * Runs @sql on the store's own connection, for what only that connection
 * can be told: a size limit (PRAGMA max_page_count) that fills the disk.
 */
void
sf_test_store_exec (SfStore    *store,
                    const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (sf_db_sqlite_get_handle (store->db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
sf_test_store_query (SfStore    *store,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (sf_db_sqlite_get_handle (store->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* What a user action costs in SQL */

static int
count_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  SfTestSqlCount *count = data;
  const char *sql = x;

  if (g_str_has_prefix (sql, "--"))
    return 0;   /* a trigger's body */

  if (g_str_has_prefix (sql, "BEGIN IMMEDIATE"))
    {
      count->writes++;
      count->in_write = TRUE;
    }
  else if (g_str_has_prefix (sql, "BEGIN"))
    {
      count->reads++;
      count->in_read = TRUE;
    }
  else if (g_str_has_prefix (sql, "COMMIT") || g_str_has_prefix (sql, "ROLLBACK"))
    count->in_write = count->in_read = FALSE;
  else if (g_str_has_prefix (sql, "SAVEPOINT") || g_str_has_prefix (sql, "RELEASE"))
    ;
  else
    {
      count->statements++;
      if (!count->in_write && !count->in_read)
        {
          if (g_str_has_prefix (sql, "SELECT"))
            count->reads++;
          else
            count->writes++;
        }
    }

  return 0;
}

/**
 * sf_test_count_sql:
 * @count: (nullable): where to count from now on, zeroed; %NULL stops
 *
 * Counts what runs on the store's own connection (sqlite3_trace_v2()):
 * statements, not counting BEGIN, COMMIT and savepoints; write
 * transactions (each BEGIN IMMEDIATE, or a write outside one); and reads
 * (each read transaction, or a SELECT outside one).
 */
void
sf_test_count_sql (SfStore        *store,
                   SfTestSqlCount *count)
{
  if (count != NULL)
    memset (count, 0, sizeof *count);
  sqlite3_trace_v2 (sf_db_sqlite_get_handle (store->db), count ? SQLITE_TRACE_STMT : 0, count ? count_statement : NULL, count);
}

/* Property notifies */

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             GHashTable *counts)
{
  gpointer key = (gpointer) g_intern_string (pspec->name);

  g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/**
 * sf_test_count_notifies:
 *
 * Returns: (transfer full): a table of property name (interned) → how
 *   many times @object notified it from now on, until it is freed
 */
GHashTable *
sf_test_count_notifies (gpointer object)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  g_signal_connect_data (object, "notify", G_CALLBACK (notified_cb), counts, NULL, 0);
  g_object_set_data_full (G_OBJECT (object), "sf-test-notifies", g_hash_table_ref (counts),
                          (GDestroyNotify) g_hash_table_unref);
  return counts;
}

/**
 * sf_test_notified:
 *
 * Returns: how often @property notified since sf_test_count_notifies()
 */
guint
sf_test_notified (GHashTable *counts,
                  const char *property)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string (property)));
}

/**
 * sf_test_check_notify_contract:
 * @change: makes a real change to @property of @object, and a second call
 *   makes the same change again
 * @also: (nullable): a %NULL-terminated list of properties derived from
 *   @property that notify with it, once each
 *
 * The contract of every property (GNOME Console's suite checks it the same
 * way): a real change notifies exactly once, and setting the value it
 * already has notifies nothing.
 */
void
sf_test_check_notify_contract (gpointer             object,
                               const char          *property,
                               void               (*change) (gpointer object, gpointer data),
                               gpointer             data,
                               const char * const  *also)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  gulong id = g_signal_connect (object, "notify", G_CALLBACK (notified_cb), counts);
  guint expected = 1 + (also ? g_strv_length ((char **) also) : 0);

  change (object, data);
  g_test_message ("%s::%s", G_OBJECT_TYPE_NAME (object), property);
  g_assert_cmpuint (sf_test_notified (counts, property), ==, 1);
  for (guint i = 0; also && also[i]; i++)
    g_assert_cmpuint (sf_test_notified (counts, also[i]), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, expected);

  g_hash_table_remove_all (counts);
  change (object, data);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  g_signal_handler_disconnect (object, id);
}

static void
set_property_change (gpointer object,
                     gpointer data)
{
  const GValue *value = data;

  g_object_set_property (object, g_object_get_data (object, "sf-test-property"), value);
}

/**
 * sf_test_check_property_contract:
 * @value: a value @property does not have yet
 *
 * sf_test_check_notify_contract() with g_object_set_property().
 */
void
sf_test_check_property_contract (gpointer             object,
                                 const char          *property,
                                 const GValue        *value,
                                 const char * const  *also)
{
  g_object_set_data (object, "sf-test-property", (gpointer) property);
  sf_test_check_notify_contract (object, property, set_property_change, (gpointer) value, also);
  g_object_set_data (object, "sf-test-property", NULL);
}

/* The corpus of bad files (tests/data/make-bad-databases.py) */

static void
bad_file_free (gpointer data)
{
  SfTestBadFile *bad = data;

  g_free (bad->name);
  g_free (bad->verdict);
  g_free (bad);
}

/**
 * sf_test_add_bad_files:
 * @prefix: the test path before the file's name
 * @test: called with an #SfTestBadFile
 *
 * Adds a test per file in tests/data/bad-databases/expected.txt.
 */
void
sf_test_add_bad_files (const char    *prefix,
                       GTestDataFunc  test)
{
  g_autofree char *list = g_test_build_filename (G_TEST_DIST, "data", "bad-databases",
                                                 "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (list, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 2);
      g_autofree char *test_path = NULL;
      SfTestBadFile *bad;

      if (lines[i][0] == '#' || g_strv_length (words) != 2)
        continue;
      bad = g_new0 (SfTestBadFile, 1);
      bad->name = g_strdup (words[0]);
      bad->verdict = g_strdup (words[1]);
      test_path = g_strdup_printf ("%s/%s", prefix, bad->name);
      g_test_add_data_func_full (test_path, bad, test, bad_file_free);
    }
}

/**
 * sf_test_copy_bad_file:
 * @name: a file in tests/data/bad-databases
 * @as: (nullable): the copy's name, @name when %NULL
 *
 * Returns: (transfer full): the path of a copy of @name in @dir
 */
char *
sf_test_copy_bad_file (const char *name,
                       const char *dir,
                       const char *as)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad-databases", name, NULL);
  char *path = g_build_filename (dir, as ? as : name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}
