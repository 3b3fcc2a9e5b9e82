/* test-team-server.c — the private PostgreSQL server the team tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under build-aux/pg-test-server, which points libpq at a throwaway
 * server (PGSERVICEFILE, PGHOST). Without one every test fails: a team
 * test is never skipped.
 */
#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "sf-test-util.h"

static PGconn *
connect_service (const char *service,
                 const char *password)
{
  g_autofree char *conninfo = NULL;
  PGconn *conn;

  if (g_getenv ("PGSERVICEFILE") == NULL)
    {
      g_test_message ("PGSERVICEFILE is not set: run this under build-aux/pg-test-server");
      return NULL;
    }

  conninfo = password != NULL
             ? g_strdup_printf ("service=%s password=%s", service, password)
             : g_strdup_printf ("service=%s", service);
  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    g_test_message ("connecting as %s: %s", service, PQerrorMessage (conn));
  return conn;
}

static char *
query_value (PGconn     *conn,
             const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    value = g_strdup (PQgetvalue (result, 0, 0));
  else
    g_test_message ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  return value;
}

/* Each login connects as itself, to PostgreSQL 15. */
static void
test_logins (void)
{
  static const char * const logins[][2] = {
    { "salesflow-owner", "salesflow_owner" },
    { "salesflow-sam", "sam" },
    { "salesflow-maja", "maja" },
    { "salesflow-lukas", "lukas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      PGconn *conn = connect_service (logins[i][0], NULL);
      g_autofree char *user = NULL;

      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      user = query_value (conn, "SELECT current_user");
      g_assert_cmpstr (user, ==, logins[i][1]);
      g_assert_cmpint (PQserverVersion (conn), >=, 150000);
      PQfinish (conn);
    }
}

/* No TCP port, and a wrong password is refused. */
static void
test_private (void)
{
  PGconn *conn = connect_service ("salesflow-sam", NULL);
  g_autofree char *listen = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  listen = query_value (conn, "SHOW listen_addresses");
  g_assert_cmpstr (listen, ==, "");
  PQfinish (conn);

  conn = connect_service ("salesflow-sam", "not-the-password");
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (conn), "password authentication failed"));
  PQfinish (conn);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team-server/logins", test_logins);
  g_test_add_func ("/team-server/private", test_private);

  return g_test_run ();
}
