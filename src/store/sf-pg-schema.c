/* sf-pg-schema.c — the team pipeline's schema on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL lives in src/store/pg (built in as a GResource): one script per
 * schema version, numbered as the SQLite file's, and definitions.sql with
 * the rights, guards and functions that the server enforces. Only the
 * schema's owner migrates: a person's login lacks the rights, and the
 * server refuses it. docs/team.md.
 *
 * It speaks libpq itself, before there is a PostgreSQL engine behind
 * sf-db.h; once there is one, this belongs to it (sf-db.h: an engine is
 * the only file that includes its library's header).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "salesflow-pg-resources.h"
#include "sf-pg-schema.h"
#include "sf-store-private.h"

#define RESOURCE "/io/github/salesflow/Salesflow/pg/"

/* Every SQLite schema version has its PostgreSQL script: a new SQLite
 * version needs its src/store/pg/schema-N.sql here and in
 * salesflow-pg.gresource.xml. (schema-4.sql is ready for the version that
 * issue 16's S1 brings, and comes in when the file reaches it.) */
static const char * const migrations[] = {
  RESOURCE "schema-1.sql",
  RESOURCE "schema-2.sql",
  RESOURCE "schema-3.sql",
#if SF_STORE_SCHEMA_VERSION >= 4
  RESOURCE "schema-4.sql",
#endif
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SF_STORE_SCHEMA_VERSION);

/* meta 'application_id', as schema-1.sql writes it */
#define APPLICATION_ID "1397115991"
G_STATIC_ASSERT (SF_STORE_APPLICATION_ID == 1397115991);

/**
 * sf_pg_schema_get_script:
 * @version: 1 to %SF_STORE_SCHEMA_VERSION for the migration to that
 *   version, 0 for the definitions applied after every migration
 *
 * Returns: (transfer full): the script's text
 */
GBytes *
sf_pg_schema_get_script (int version)
{
  g_return_val_if_fail (version >= 0 && version <= SF_STORE_SCHEMA_VERSION, NULL);

  /* Looked up in its own resource, which also keeps the linker from
   * dropping it out of the static library. */
  return g_resource_lookup_data (sf_pg_get_resource (),
                                 version == 0 ? RESOURCE "definitions.sql"
                                              : migrations[version - 1],
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gboolean
set_error (GError     **error,
           PGconn      *conn,
           int          code,
           const char  *message)
{
  /* Translators: the first %s is a file name, the second says what is wrong */
  g_set_error (error, SF_STORE_ERROR, code, _("Cannot open “%s”: %s"),
               PQdb (conn), message);
  return FALSE;
}

/* Takes the result; an error of the server becomes the GError. */
static gboolean
check_result (PGconn      *conn,
              PGresult    *result,
              GError     **error)
{
  ExecStatusType status = PQresultStatus (result);
  g_autofree char *message = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      PQclear (result);
      return TRUE;
    }

  message = g_strdup (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
  if (message == NULL)
    message = g_strstrip (g_strdup (PQerrorMessage (conn)));
  PQclear (result);
  return set_error (error, conn, SF_STORE_ERROR_FAILED, message);
}

static gboolean
run_sql (PGconn      *conn,
      const char  *sql,
      GError     **error)
{
  return check_result (conn, PQexec (conn, sql), error);
}

/* The value of a key in salesflow.meta, or NULL. */
static char *
read_meta (PGconn      *conn,
           const char  *key,
           GError     **error)
{
  const char *values[] = { key };
  PGresult *result = PQexecParams (conn,
    "SELECT value FROM salesflow.meta WHERE key = $1", 1, NULL, values, NULL, NULL, 0);
  char *value = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    value = g_strdup (PQgetvalue (result, 0, 0));
  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    PQclear (result);
  else
    check_result (conn, result, error);
  return value;
}

/**
 * sf_pg_schema_check:
 * @out_version: (out): the schema version, 0 for a database without one
 *
 * Reads the schema version of the database @conn is connected to and
 * refuses one of another application or of a newer Salesflow. Any login
 * may call it.
 */
gboolean
sf_pg_schema_check (PGconn   *conn,
                    int      *out_version,
                    GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *application_id = NULL, *version = NULL;
  PGresult *result;
  gboolean has_schema, has_meta;

  g_return_val_if_fail (conn != NULL && out_version != NULL, FALSE);

  result = PQexec (conn,
    "SELECT to_regnamespace('salesflow') IS NOT NULL, to_regclass('salesflow.meta') IS NOT NULL");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return check_result (conn, result, error);
  has_schema = g_str_equal (PQgetvalue (result, 0, 0), "t");
  has_meta = g_str_equal (PQgetvalue (result, 0, 1), "t");
  PQclear (result);

  *out_version = 0;
  if (!has_schema)
    return TRUE;
  if (has_meta)
    {
      application_id = read_meta (conn, "application_id", &local_error);
      if (local_error == NULL)
        version = read_meta (conn, "schema_version", &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (g_strcmp0 (application_id, APPLICATION_ID) != 0 ||
      version == NULL)
    return set_error (error, conn, SF_STORE_ERROR_FOREIGN,
                      _("it is a database of another application"));

  *out_version = atoi (version);
  if (*out_version > SF_STORE_SCHEMA_VERSION)
    return set_error (error, conn, SF_STORE_ERROR_NEWER_SCHEMA,
                      _("it was written by a newer version of Salesflow; update Salesflow to open it"));

  return TRUE;
}

static gboolean
apply_script (PGconn      *conn,
            int          version,
            GError     **error)
{
  g_autoptr(GBytes) script = sf_pg_schema_get_script (version);
  g_autofree char *text = g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script));

  g_debug ("Running the team schema's %s", version == 0 ? "definitions" : "migration");
  return run_sql (conn, text, error);
}

/* Applies definitions.sql when its text differs from what the database
 * has. */
static gboolean
update_definitions (PGconn  *conn,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) script = sf_pg_schema_get_script (0);
  g_autofree char *applied = read_meta (conn, "definitions", &local_error);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, script);
  const char *values[] = { digest };

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (applied, digest) == 0)
    return TRUE;

  return apply_script (conn, 0, error) &&
         check_result (conn, PQexecParams (conn,
           "INSERT INTO salesflow.meta (key, value) VALUES ('definitions', $1) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
           1, NULL, values, NULL, NULL, 0), error);
}

/**
 * sf_pg_schema_migrate:
 * @conn: a connection as the schema's owner, outside a transaction
 *
 * Creates the team pipeline's schema in an empty database, or brings an
 * older one up to %SF_STORE_SCHEMA_VERSION and the definitions up to
 * this build's, all in one transaction: completely or not at all. Refuses
 * a database of another application or of a newer Salesflow.
 */
gboolean
sf_pg_schema_migrate (PGconn  *conn,
                      GError **error)
{
  int version = 0;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!run_sql (conn, "BEGIN", error))
    return FALSE;

  /* Two owners opening the database at once migrate one after the other. */
  if (!run_sql (conn, "SELECT pg_advisory_xact_lock(1397115991, 0)", error) ||
      !sf_pg_schema_check (conn, &version, error))
    goto fail;

  for (int v = version + 1; v <= SF_STORE_SCHEMA_VERSION; v++)
    if (!apply_script (conn, v, error))
      goto fail;

  if (!update_definitions (conn, error) || !run_sql (conn, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}
