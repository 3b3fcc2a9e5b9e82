/* test-team-server.c — the team pipeline's server side, attacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under build-aux/pg-test-server, which points libpq at a throwaway
 * PostgreSQL server (PGSERVICEFILE, PGHOST) with the logins salesflow_owner,
 * sam (sales), maja and lukas (managers). Without one every test fails: a
 * team test is never skipped.
 *
 * The test makes its own database with sf_pg_schema_migrate() as the
 * owner, then acts as a dishonest user with a modified client would: it
 * connects with libpq as Sam or as a manager and sends the SQL it likes —
 * approving, ticking an approval job, writing a decision or the ledger,
 * claiming to be someone else, deciding on its own deal, lending a deal
 * for a sign-off. Each attempt must fail with the server's error; the
 * honest paths must work, and the ledger the server writes must verify
 * with the C code of src/core/sf-ledger.c.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "sf-approval.h"
#include "sf-canonical.h"
#include "sf-checklist.h"
#include "sf-ledger.h"
#include "sf-pg-schema.h"
#include "sf-pricing.h"
#include "sf-reasons.h"
#include "sf-roi.h"
#include "sf-store-private.h"
#include "sf-test-util.h"
#include "sf-workflow.h"

static char *test_db;   /* the database this run made */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

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

/* Helpers ------------------------------------------------------------------ */

/* @who: owner, sam, maja or lukas; @db: NULL for the test's database */
static PGconn *
connect_to (const char *who,
            const char *db)
{
  g_autofree char *conninfo = g_strdup_printf ("service=salesflow-%s dbname=%s "
                                               "options=-csearch_path=salesflow",
                                               who, db ? db : test_db);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connecting as %s: %s", who, PQerrorMessage (conn));
  return conn;
}

static PGconn *
as (const char *who)
{
  return connect_to (who, NULL);
}

/* Runs @sql with text parameters (NULL-terminated after @sql). */
static PGresult *
run_va (PGconn     *conn,
        const char *sql,
        va_list     args)
{
  const char *values[8];
  int n = 0;
  const char *v;

  while ((v = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpint (n, <, (int) G_N_ELEMENTS (values));
      values[n++] = g_str_equal (v, "\\N") ? NULL : v;
    }
  return PQexecParams (conn, sql, n, NULL, values, NULL, NULL, 0);
}

/* Runs @sql and asserts it worked; returns the first value as a number,
 * or 0 without one. */
G_GNUC_NULL_TERMINATED static gint64
ok (PGconn     *conn,
    const char *sql,
    ...)
{
  va_list args;
  PGresult *result;
  ExecStatusType status;
  gint64 value = 0;

  va_start (args, sql);
  result = run_va (conn, sql, args);
  va_end (args);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (status == PGRES_TUPLES_OK && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

/* The first value as text. */
G_GNUC_NULL_TERMINATED static char *
text (PGconn     *conn,
      const char *sql,
      ...)
{
  va_list args;
  PGresult *result;
  char *value = NULL;

  va_start (args, sql);
  result = run_va (conn, sql, args);
  va_end (args);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

/* Asserts that @sql fails with the SQLSTATE @code. */
G_GNUC_NULL_TERMINATED static void
refused (PGconn     *conn,
         const char *code,
         const char *sql,
         ...)
{
  va_list args;
  PGresult *result;
  const char *state;

  va_start (args, sql);
  result = run_va (conn, sql, args);
  va_end (args);
  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (PQresultStatus (result) != PGRES_FATAL_ERROR || g_strcmp0 (state, code) != 0)
    g_error ("%s: expected %s, got %s %s", sql, code, PQresStatus (PQresultStatus (result)),
             state ? state : "");
  g_test_message ("refused as expected (%s): %s", code,
                  PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
  PQclear (result);
}

/* The SQLSTATE the server raises for a GError of the C rules. */
static char *
state_of (GQuark domain,
          int    code)
{
  const char *prefix = domain == SF_APPROVAL_ERROR ? "SFA"
                       : domain == SF_WORKFLOW_ERROR ? "SFW" : "SFS";

  return g_strdup_printf ("%s%02d", prefix, code);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
person (const char *login)
{
  g_autoptr(PGconn) conn = NULL;

  conn = as ("owner");
  return ok (conn, "SELECT id FROM persons WHERE login = $1", login, NULL);
}

/* A deal of @owner's (a login) in Developed, with the template's jobs,
 * made by @conn's person; with pricing when @pricing. */
static gint64
make_deal (PGconn     *conn,
           const char *owner,
           gboolean    pricing)
{
  g_autofree char *owner_id = id_text (person (owner));
  g_autofree char *deal_text = NULL;
  gint64 deal;

  deal = ok (conn,
    "INSERT INTO deals (title, owner_id, value, currency, stage, created_at, updated_at,"
    "  stage_entered_at) VALUES ('Fleet tracking', $1, 1000000, 'EUR', 3, 1, 1, 1) RETURNING id",
    owner_id, NULL);
  deal_text = id_text (deal);
  ok (conn,
    "INSERT INTO jobs (deal_id, stage, position, key, title, kind, required) "
    "SELECT $1, stage, position, key, title, kind, required FROM template_jobs "
    "WHERE hidden = 0 ORDER BY stage, position", deal_text, NULL);
  ok (conn,
    "UPDATE jobs SET done = 1, done_at = 1 WHERE deal_id = $1 AND kind = 0 AND stage <= 3",
    deal_text, NULL);
  if (pricing)
    ok (conn, "INSERT INTO deal_pricing VALUES ($1, 'EUR', 1500000, 1250, 800000, 1)",
        deal_text, NULL);
  return deal;
}

static gint64
request (PGconn     *conn,
         gint64      deal,
         int         kind,
         const char *addressed_to)
{
  g_autofree char *deal_text = id_text (deal);
  g_autofree char *kind_text = g_strdup_printf ("%d", kind);
  g_autofree char *to = addressed_to ? id_text (person (addressed_to)) : g_strdup ("\\N");

  return ok (conn, "SELECT sf_request_approval($1, $2, $3, 'Please sign')",
             deal_text, kind_text, to, NULL);
}

/* The ledger as the server wrote it, walked by the C verifier. */
static SfLedgerVerdict
verify_ledger (PGconn *conn,
               gint64 *out_entries)
{
  g_autoptr(SfLedgerWalk) walk = NULL;
  SfLedgerReport report;
  SfLedgerVerdict verdict;
  PGresult *result;
  gint64 last_seq = ok (conn, "SELECT coalesce(max(ledger_seq), 0) FROM approval_requests", NULL);

  walk = sf_ledger_walk_new (last_seq);
  result = PQexec (conn, "SELECT seq, content, prev_hash, hash FROM approval_ledger ORDER BY seq");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    if (!sf_ledger_walk_add (walk, g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
                             PQgetvalue (result, i, 1), PQgetvalue (result, i, 2),
                             PQgetvalue (result, i, 3)))
      break;
  PQclear (result);
  sf_ledger_walk_end (walk);

  result = PQexec (conn,
    "SELECT id, deal_id, kind, status, requester_id, coalesce(addressed_to, 0), note, figures,"
    "  requested_at, coalesce(decider_id, 0), coalesce(decided_at, 0), comment, ledger_seq "
    "FROM approval_requests ORDER BY id");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    {
      SfApprovalRequestRow row = {
        .id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
        .deal_id = g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10),
        .kind = atoi (PQgetvalue (result, i, 2)),
        .status = atoi (PQgetvalue (result, i, 3)),
        .requester_id = g_ascii_strtoll (PQgetvalue (result, i, 4), NULL, 10),
        .addressed_to = g_ascii_strtoll (PQgetvalue (result, i, 5), NULL, 10),
        .note = PQgetisnull (result, i, 6) ? NULL : PQgetvalue (result, i, 6),
        .figures = PQgetvalue (result, i, 7),
        .requested_at = g_ascii_strtoll (PQgetvalue (result, i, 8), NULL, 10),
        .decider_id = g_ascii_strtoll (PQgetvalue (result, i, 9), NULL, 10),
        .decided_at = g_ascii_strtoll (PQgetvalue (result, i, 10), NULL, 10),
        .comment = PQgetisnull (result, i, 11) ? NULL : PQgetvalue (result, i, 11),
      };
      g_autoptr(SfApprovalRequest) stored = sf_approval_request_new_from_row (&row);

      if (!sf_ledger_walk_check_request (walk, stored,
                                         g_ascii_strtoll (PQgetvalue (result, i, 12), NULL, 10)))
        break;
    }
  PQclear (result);
  sf_ledger_walk_check_all_seen (walk);

  sf_ledger_walk_finish (walk, &report);
  g_test_message ("%s", report.description);
  verdict = report.verdict;
  if (out_entries != NULL)
    *out_entries = report.n_entries;
  sf_ledger_report_clear (&report);
  return verdict;
}

/* Drops a database once the sessions just closed have ended (the owner may
 * not end other logins' sessions). */
static void
drop_db (const char *name)
{
  g_autoptr(PGconn) admin = connect_to ("owner", "postgres");
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s", name);

  for (int tries = 0; ; tries++)
    {
      PGresult *result = PQexec (admin, drop);
      gboolean done = PQresultStatus (result) == PGRES_COMMAND_OK;

      if (!done && tries == 100)
        g_error ("%s: %s", drop, PQresultErrorMessage (result));
      PQclear (result);
      if (done)
        return;
      g_usleep (50 * 1000);
    }
}

/* Tests --------------------------------------------------------------------- */

/* The schema is at this build's version; migrating again changes nothing;
 * only the owner migrates; a newer or foreign database is refused. */
static void
test_schema (void)
{
  g_autoptr(PGconn) owner = as ("owner");
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) scratch_owner = NULL, scratch_sam = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = g_strdup_printf ("%s_scratch", test_db);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", scratch);
  g_autoptr(PGconn) admin = connect_to ("owner", "postgres");
  int version = -1;

  g_assert_true (sf_pg_schema_check (sam, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, SF_STORE_SCHEMA_VERSION);
  g_assert_true (sf_pg_schema_migrate (owner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ok (owner, "SELECT value::bigint FROM meta WHERE key = 'application_id'", NULL),
                   ==, SF_STORE_APPLICATION_ID);

  /* Sam cannot make the schema in an empty database … */
  ok (admin, create, NULL);
  scratch_sam = connect_to ("sam", scratch);
  g_assert_false (sf_pg_schema_migrate (scratch_sam, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* … nor redo the definitions of an existing one. */
  scratch_owner = connect_to ("owner", scratch);
  g_assert_true (sf_pg_schema_migrate (scratch_owner, &error));
  g_assert_no_error (error);
  ok (scratch_owner, "UPDATE salesflow.meta SET value = 'changed' WHERE key = 'definitions'", NULL);
  g_assert_false (sf_pg_schema_migrate (scratch_sam, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (sf_pg_schema_migrate (scratch_owner, &error));
  g_assert_no_error (error);

  /* A newer schema is refused, untouched. */
  ok (scratch_owner, "UPDATE salesflow.meta SET value = '99' WHERE key = 'schema_version'", NULL);
  g_assert_false (sf_pg_schema_migrate (scratch_owner, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_assert_cmpint (ok (scratch_owner, "SELECT value::int FROM salesflow.meta "
                                      "WHERE key = 'schema_version'", NULL), ==, 99);
  /* Another application's schema of that name is refused. */
  ok (scratch_owner, "UPDATE salesflow.meta SET value = '1' WHERE key = 'application_id'", NULL);
  g_assert_false (sf_pg_schema_check (scratch_owner, &version, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FOREIGN);
  g_clear_error (&error);

  g_clear_pointer (&scratch_owner, PQfinish);
  g_clear_pointer (&scratch_sam, PQfinish);
  drop_db (scratch);
}

/* The shape of a database's schema: tables, columns, functions, triggers. */
static char *
schema_digest (PGconn *conn)
{
  return text (conn,
    "SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
    "  SELECT table_name || '.' || column_name || ':' || data_type AS x"
    "  FROM information_schema.columns WHERE table_schema = 'salesflow'"
    "  UNION ALL SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'"
    "  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'salesflow'"
    "  UNION ALL SELECT c.relname || ':' || t.tgname FROM pg_trigger t"
    "  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    "  WHERE n.nspname = 'salesflow' AND NOT t.tgisinternal) AS shape", NULL);
}

/* build-aux/pg-test-server made the database "salesflow" with psql from
 * the same scripts: the same schema as sf_pg_schema_migrate() makes, its
 * logins mapped to people. */
static void
test_test_server_database (void)
{
  g_autoptr(PGconn) sam = connect_to ("sam", "salesflow");
  g_autoptr(PGconn) mine = as ("sam");
  g_autofree char *theirs_digest = schema_digest (sam);
  g_autofree char *mine_digest = schema_digest (mine);
  g_autofree char *name = text (sam, "SELECT name FROM sf_whoami()", NULL);
  int version = -1;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (theirs_digest, ==, mine_digest);
  g_assert_cmpstr (name, ==, "Sam Carter");
  g_assert_true (sf_pg_schema_check (sam, &version, &error));
  g_assert_cmpint (version, ==, SF_STORE_SCHEMA_VERSION);
}

/* The seeded template, chances and lost reasons are the C code's. */
static void
test_seed (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  const char * const *reasons = sf_lost_reason_get_builtin_keys ();
  const SfBuiltinJob *builtin;
  PGresult *result;
  guint n;

  builtin = sf_checklist_get_builtin (&n);
  result = PQexec (sam, "SELECT stage, key, kind FROM template_jobs ORDER BY stage, position");
  g_assert_cmpint (PQntuples (result), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (atoi (PQgetvalue (result, i, 0)), ==, builtin[i].stage);
      g_assert_cmpstr (PQgetvalue (result, i, 1), ==, builtin[i].key);
      g_assert_cmpint (atoi (PQgetvalue (result, i, 2)), ==, builtin[i].kind);
    }
  PQclear (result);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      g_autofree char *stage = g_strdup_printf ("%d", s);

      g_assert_cmpint (ok (sam, "SELECT probability FROM stage_settings WHERE stage = $1",
                           stage, NULL), ==, sf_stage_get_default_probability (s));
    }

  result = PQexec (sam, "SELECT key FROM lost_reasons ORDER BY position");
  for (int i = 0; reasons[i] != NULL; i++)
    g_assert_cmpstr (PQgetvalue (result, i, 0), ==, reasons[i]);
  g_assert_cmpint (PQntuples (result), ==, g_strv_length ((char **) reasons));
  PQclear (result);
}

/* The server writes the figures byte for byte as sf_pricing_to_figures()
 * and sf_roi_to_figures() do, for every currency, rounding, "none" and
 * awkward label. */
static void
test_figures (void)
{
  g_autoptr(PGconn) owner = as ("owner");
  const char * const *codes = sf_currency_get_codes ();
  static const char * const labels[] = {
    "Licences", "Back\\slash", "Tab\there", "Line\nbreak", "Bell\a", "Grüße · 10 %",
    "Del\x7f", "x",
  };
  static const gint64 amounts[] = {
    0, 1, 5, 49, 50, 99, 12345, 1000000, 99999999, 100000000000000,
  };
  static const int discounts[] = { 0, 1, 49, 50, 1250, 3333, 9999, 10000 };
  GRand *rand = g_rand_new_with_seed (14);
  gint64 deal;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *digits = text (owner, "SELECT sf_currency_digits($1)", codes[i], NULL);

      g_assert_cmpint (atoi (digits), ==, sf_currency_get_digits (codes[i]));
    }
  g_assert_null (text (owner, "SELECT sf_currency_digits('XXX')", NULL));

  deal = make_deal (owner, "sam", FALSE);
  for (int round = 0; round < 60; round++)
    {
      g_autofree char *deal_text = id_text (deal);
      const char *currency = codes[g_rand_int_range (rand, 0, g_strv_length ((char **) codes))];
      const char *deal_currency = round % 3 == 0 ? "JPY" : currency;
      gint64 value = amounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (amounts))] *
                     (round % 5 == 0 ? -1 : 1);
      SfPricing pricing;
      SfMoney deal_value;
      g_autoptr(SfRoi) roi = NULL;
      g_autofree char *expected_pricing = NULL, *expected_roi = NULL;
      g_autofree char *got_pricing = NULL, *got_roi = NULL;
      g_autofree char *list = NULL, *cost = NULL, *bp = NULL, *value_text = NULL;
      g_autofree char *revenue = NULL, *horizon = NULL;
      guint n_costs = g_rand_int_range (rand, 0, 5);

      sf_pricing_init (&pricing, currency,
                       amounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (amounts))],
                       discounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (discounts))],
                       amounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (amounts))]);
      sf_money_init (&deal_value, value, deal_currency);
      roi = sf_roi_new (currency, amounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (amounts))],
                        round % 4 == 0 ? 0 : g_rand_int_range (rand, 1, 1201));
      for (guint c = 0; c < n_costs; c++)
        sf_roi_add_cost (roi, labels[(round + c) % G_N_ELEMENTS (labels)],
                         amounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (amounts) - 1)]);
      expected_pricing = sf_pricing_to_figures (&pricing, &deal_value, NULL);
      expected_roi = sf_roi_to_figures (roi, NULL);

      list = id_text (pricing.list_price.amount);
      cost = id_text (pricing.cost.amount);
      bp = g_strdup_printf ("%d", pricing.discount_bp);
      value_text = id_text (value);
      revenue = id_text (roi->revenue.amount);
      horizon = g_strdup_printf ("%u", roi->horizon_months);
      ok (owner, "DELETE FROM deal_pricing WHERE deal_id = $1", deal_text, NULL);
      ok (owner, "DELETE FROM deal_roi WHERE deal_id = $1", deal_text, NULL);
      ok (owner, "UPDATE deals SET value = $2, currency = $3 WHERE id = $1",
          deal_text, value_text, deal_currency, NULL);
      ok (owner, "INSERT INTO deal_pricing VALUES ($1, $2, $3, $4, $5, 1)",
          deal_text, currency, list, bp, cost, NULL);
      ok (owner, "INSERT INTO deal_roi VALUES ($1, $2, $3, $4, 1)",
          deal_text, currency, revenue, horizon, NULL);
      for (guint c = 0; c < roi->costs->len; c++)
        {
          const SfRoiCost *line = g_ptr_array_index (roi->costs, c);
          g_autofree char *position = g_strdup_printf ("%u", c);
          g_autofree char *amount = id_text (line->amount.amount);

          ok (owner, "INSERT INTO roi_costs VALUES ($1, $2, $3, $4)",
              deal_text, position, line->label, amount, NULL);
        }

      got_pricing = text (owner, "SELECT sf_figures($1, 0)", deal_text, NULL);
      got_roi = text (owner, "SELECT sf_figures($1, 1)", deal_text, NULL);
      g_assert_cmpstr (got_pricing, ==, expected_pricing);
      g_assert_cmpstr (got_roi, ==, expected_roi);
    }
  g_rand_free (rand);

  /* sf_canonical_escape(), every control character */
  for (int c = 1; c < 128; c++)
    {
      char raw[] = { 'a', (char) c, 'b', '\0' };
      g_autofree char *expected = sf_canonical_escape (raw);
      g_autofree char *got = text (owner, "SELECT sf_escape($1)", raw, NULL);

      g_assert_cmpstr (got, ==, expected);
    }
}

/* Sam asks, two managers approve, each on their own desktop: the jobs are
 * ticked by them at the server's time, the history names the people the
 * server knows, and the ledger verifies with the C verifier. */
static void
test_honest (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(PGconn) lukas = as ("lukas");
  gint64 before = g_get_real_time () / G_USEC_PER_SEC, after;
  gint64 deal, pricing_request, roi_request, entries = 0;
  g_autofree char *deal_text = NULL, *pricing_text = NULL, *roi_text = NULL;
  g_autofree char *maja_id = id_text (person ("maja")), *lukas_id = id_text (person ("lukas"));
  g_autofree char *sam_id = id_text (person ("sam"));

  deal = make_deal (sam, "sam", TRUE);
  deal_text = id_text (deal);
  ok (sam, "INSERT INTO deal_roi VALUES ($1, 'EUR', 5000000, 24, 1)", deal_text, NULL);
  ok (sam, "INSERT INTO roi_costs VALUES ($1, 0, 'Licences', 1200000)", deal_text, NULL);

  pricing_request = request (sam, deal, 0, "maja");
  roi_request = request (sam, deal, 1, NULL);
  pricing_text = id_text (pricing_request);
  roi_text = id_text (roi_request);
  g_assert_cmpint (ok (sam, "SELECT requester_id FROM approval_requests WHERE id = $1",
                       pricing_text, NULL), ==, person ("sam"));

  ok (maja, "SELECT sf_decide($1, true, NULL)", pricing_text, NULL);
  ok (lukas, "SELECT sf_decide($1, true, '  Fine  ')", roi_text, NULL);
  after = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (ok (sam, "SELECT done_by FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), ==, person ("maja"));
  g_assert_cmpint (ok (sam, "SELECT done_by FROM jobs WHERE deal_id = $1 AND kind = 2",
                       deal_text, NULL), ==, person ("lukas"));
  g_assert_cmpint (ok (sam, "SELECT done_at FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), >=, before);
  g_assert_cmpint (ok (sam, "SELECT done_at FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), <=, after);
  g_assert_cmpint (ok (sam, "SELECT count(*) FROM history WHERE deal_id = $1 AND "
                            "field = 'approval-approved' AND person_id IN ($2, $3)",
                       deal_text, maja_id, lukas_id, NULL), ==, 2);
  g_assert_cmpint (ok (sam, "SELECT count(*) FROM history WHERE deal_id = $1 AND "
                            "field = 'approval-requested' AND person_id = $2",
                       deal_text, sam_id, NULL), ==, 2);
  g_assert_cmpint (ok (sam, "SELECT progress_done FROM deals WHERE id = $1", deal_text, NULL),
                   ==, 5);
  {
    g_autofree char *comment = text (sam, "SELECT comment FROM approval_requests WHERE id = $1",
                                     roi_text, NULL);
    g_assert_cmpstr (comment, ==, "Fine");
  }

  /* Now Sam may move the deal on. */
  ok (sam, "UPDATE deals SET stage = 4 WHERE id = $1", deal_text, NULL);

  g_assert_cmpint (verify_ledger (sam, &entries), ==, SF_LEDGER_WHOLE);
  g_assert_cmpint (entries, >=, 4);
}

/* Sam with a modified client tries to approve by every other way. */
static void
test_attack_approve (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) owner = as ("owner");
  gint64 deal = make_deal (sam, "sam", TRUE);
  g_autofree char *deal_text = id_text (deal);
  g_autofree char *request_text = id_text (request (sam, deal, 0, NULL));
  g_autofree char *not_manager = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_MANAGER);
  g_autofree char *not_manual = state_of (SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_autofree char *blocked = state_of (SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_autofree char *sam_id = id_text (person ("sam"));

  /* The function is not his to call … */
  refused (sam, "42501", "SELECT sf_decide($1, true, NULL)", request_text, NULL);
  /* … and the function itself checks again, were it granted by mistake. */
  ok (owner, "GRANT EXECUTE ON FUNCTION sf_decide (bigint, boolean, text) TO salesflow_salesperson",
      NULL);
  refused (sam, not_manager, "SELECT sf_decide($1, true, NULL)", request_text, NULL);
  /* A manager's role in the pipeline alone is not enough: the login must be
   * in salesflow_manager too. */
  ok (owner, "UPDATE persons SET role = 1 WHERE login = 'sam'", NULL);
  refused (sam, not_manager, "SELECT sf_decide($1, true, NULL)", request_text, NULL);
  ok (owner, "UPDATE persons SET role = 0 WHERE login = 'sam'", NULL);
  ok (owner, "REVOKE EXECUTE ON FUNCTION sf_decide (bigint, boolean, text) FROM salesflow_salesperson",
      NULL);

  /* Writing the decision, or a new approved request, by hand. */
  refused (sam, "42501", "UPDATE approval_requests SET status = 1, decider_id = 2 WHERE id = $1",
           request_text, NULL);
  refused (sam, "42501",
           "INSERT INTO approval_requests (deal_id, kind, status, requester_id, figures,"
           "  requested_at, decider_id, decided_at) VALUES ($1, 1, 1, $2, 'x', 1, 2, 1)",
           deal_text, sam_id, NULL);
  refused (sam, "42501", "DELETE FROM approval_requests WHERE id = $1", request_text, NULL);

  /* Ticking the approval job, or making it something he may tick. */
  refused (sam, not_manual, "UPDATE jobs SET done = 1 WHERE deal_id = $1 AND kind = 1",
           deal_text, NULL);
  refused (sam, not_manual, "UPDATE jobs SET kind = 0 WHERE deal_id = $1 AND kind = 1",
           deal_text, NULL);
  refused (sam, not_manual, "UPDATE jobs SET required = 0 WHERE deal_id = $1 AND kind = 1",
           deal_text, NULL);
  refused (sam, not_manual, "UPDATE jobs SET stage = 5 WHERE deal_id = $1 AND kind = 1",
           deal_text, NULL);
  refused (sam, not_manual, "DELETE FROM jobs WHERE deal_id = $1 AND kind IN (1, 2)",
           deal_text, NULL);
  refused (sam, not_manual,
           "INSERT INTO jobs (deal_id, stage, position, key, kind, done, done_by, done_at) "
           "VALUES ($1, 3, 9, 'pricing-approved', 1, 1, 2, 1)", deal_text, NULL);
  refused (sam, not_manual, "UPDATE template_jobs SET hidden = 1 WHERE kind = 1", NULL);
  refused (sam, not_manual, "DELETE FROM template_jobs WHERE kind = 2", NULL);

  /* Moving on, or winning, past the missing approval. */
  refused (sam, blocked, "UPDATE deals SET stage = 4 WHERE id = $1", deal_text, NULL);
  refused (sam, blocked, "UPDATE deals SET stage = 5, status = 1 WHERE id = $1", deal_text, NULL);

  /* A deal made without its approval jobs cannot move on either. */
  {
    g_autofree char *bare = id_text (ok (sam,
      "INSERT INTO deals (title, owner_id, value, currency, stage, created_at, updated_at,"
      "  stage_entered_at) VALUES ('Bare', $1, 1, 'EUR', 3, 1, 1, 1) RETURNING id", sam_id, NULL));

    refused (sam, blocked, "UPDATE deals SET stage = 4 WHERE id = $1", bare, NULL);
  }

  /* His own manual jobs he ticks as ever. */
  ok (sam, "UPDATE jobs SET done = 1 WHERE deal_id = $1 AND kind = 0 AND stage = 4", deal_text,
      NULL);
  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* The ledger cannot be rewritten by anyone, the owner included; the
 * tables only the functions write are refused to every login. */
static void
test_attack_ledger (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(PGconn) owner = as ("owner");
  static const char * const logins[] = { "sam", "maja", "lukas" };
  static const char * const writes[] = {
    "UPDATE approval_ledger SET content = 'forged'",
    "DELETE FROM approval_ledger",
    "TRUNCATE approval_ledger",
    "INSERT INTO approval_ledger VALUES (999, 'x', 'y', 'z')",
    "UPDATE approval_requests SET status = 1",
    "DELETE FROM approval_requests",
    "TRUNCATE approval_requests",
    "UPDATE persons SET role = 1",
    "UPDATE persons SET login = current_user WHERE role = 1",
    "INSERT INTO persons (name, role, created_at, login) VALUES ('Boss', 1, 1, 'boss')",
    "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
    "DELETE FROM owner_log",
    "INSERT INTO figures_log (deal_id, kind, at) VALUES (1, 0, 1)",
    "UPDATE passphrase_failures SET at = 0",
    "UPDATE history SET person_id = 1",
    "DELETE FROM history",
  };
  gint64 deal = make_deal (sam, "sam", TRUE);
  g_autofree char *request_text = id_text (request (sam, deal, 0, NULL));
  g_autofree char *append_only = g_strdup ("SFT03");

  ok (maja, "SELECT sf_decide($1, false, 'Too cheap')", request_text, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (logins); l++)
    {
      g_autoptr(PGconn) conn = as (logins[l]);

      for (guint w = 0; w < G_N_ELEMENTS (writes); w++)
        refused (conn, "42501", writes[w], NULL);
    }

  /* The owner has every right on the table and is still refused. */
  refused (owner, append_only, "UPDATE approval_ledger SET content = 'forged'", NULL);
  refused (owner, append_only, "DELETE FROM approval_ledger", NULL);
  refused (owner, append_only, "TRUNCATE approval_ledger", NULL);

  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* Whatever the client claims, the server records the person it knows. */
static void
test_attack_author (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  gint64 deal = make_deal (sam, "sam", FALSE);
  g_autofree char *deal_text = id_text (deal);
  g_autofree char *sam_id = id_text (person ("sam"));
  g_autofree char *maja_id = id_text (person ("maja"));
  gint64 job;

  /* History and ticks in Maja's name become Sam's. */
  ok (sam, "INSERT INTO history (deal_id, at, person_id, field) VALUES ($1, 1, $2, 'title')",
      deal_text, maja_id, NULL);
  g_assert_cmpint (ok (sam, "SELECT person_id FROM history WHERE deal_id = $1 AND field = 'title'",
                       deal_text, NULL), ==, person ("sam"));
  job = ok (sam, "SELECT id FROM jobs WHERE deal_id = $1 AND kind = 0 AND stage = 4 LIMIT 1",
            deal_text, NULL);
  {
    g_autofree char *job_text = id_text (job);

    ok (sam, "UPDATE jobs SET done = 1, done_by = $2, done_at = 1 WHERE id = $1",
        job_text, maja_id, NULL);
    g_assert_cmpint (ok (sam, "SELECT done_by FROM jobs WHERE id = $1", job_text, NULL),
                     ==, person ("sam"));
    /* nor can he hand a done job to Maja afterwards */
    ok (sam, "UPDATE jobs SET done_by = $2 WHERE id = $1", job_text, maja_id, NULL);
    g_assert_cmpint (ok (sam, "SELECT done_by FROM jobs WHERE id = $1", job_text, NULL),
                     ==, person ("sam"));
  }
  ok (sam, "INSERT INTO feedback (deal_id, answered_on, respondent, nps, csat, recorded_by,"
           "  recorded_at) VALUES ($1, '2025-01-01', 'Ann', 9, 5, $2, 1)", deal_text, maja_id, NULL);
  g_assert_cmpint (ok (sam, "SELECT recorded_by FROM feedback WHERE deal_id = $1", deal_text, NULL),
                   ==, person ("sam"));
  ok (sam, "INSERT INTO verdicts VALUES ($1, 1, 'Happy', $2, 1)", deal_text, maja_id, NULL);
  g_assert_cmpint (ok (sam, "SELECT decided_by FROM verdicts WHERE deal_id = $1", deal_text, NULL),
                   ==, person ("sam"));

  /* Becoming Maja does not work either. */
  refused (sam, "42501", "SET ROLE maja", NULL);
  refused (sam, "42501", "SET SESSION AUTHORIZATION maja", NULL);
  refused (sam, "42501", "SET ROLE salesflow_manager", NULL);
  g_assert_cmpint (ok (sam, "SELECT id FROM sf_whoami()", NULL), ==, person ("sam"));
  (void) sam_id;
}

/* Managers cannot decide on a deal they own or a request they made, nor
 * ask a manager who could not decide. */
static void
test_attack_own (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(PGconn) lukas = as ("lukas");
  g_autofree char *own_deal = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_OWN_DEAL);
  g_autofree char *own_request = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_OWN_REQUEST);
  g_autofree char *bad_addressee = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
  gint64 majas_deal = make_deal (maja, "maja", TRUE);
  gint64 sams_deal = make_deal (sam, "sam", TRUE);
  g_autofree char *majas_text = id_text (majas_deal), *sams_text = id_text (sams_deal);
  g_autofree char *maja_id = id_text (person ("maja")), *sam_id = id_text (person ("sam"));
  g_autofree char *r1 = NULL, *r2 = NULL;

  /* Sam asks on Maja's deal: Maja may not decide, Lukas may. */
  refused (sam, bad_addressee, "SELECT sf_request_approval($1, 0, $2, NULL)",
           majas_text, maja_id, NULL);
  refused (sam, bad_addressee, "SELECT sf_request_approval($1, 0, $2, NULL)",
           majas_text, sam_id, NULL);
  r1 = id_text (request (sam, majas_deal, 0, NULL));
  refused (maja, own_deal, "SELECT sf_decide($1, true, NULL)", r1, NULL);
  refused (maja, own_deal, "SELECT sf_decide($1, false, 'No')", r1, NULL);

  /* Maja asks on Sam's deal: she may not decide her own request. */
  r2 = id_text (request (maja, sams_deal, 0, NULL));
  refused (maja, own_request, "SELECT sf_decide($1, true, NULL)", r2, NULL);
  ok (lukas, "SELECT sf_decide($1, true, NULL)", r2, NULL);
  ok (lukas, "SELECT sf_decide($1, true, NULL)", r1, NULL);
  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* Issue 16, S1: a manager who owns a deal lends it to a salesperson, has
 * them ask, approves, and takes the deal back. */
static void
test_attack_lending (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  /* SF_APPROVAL_ERROR_FORMER_OWNER, which issue 16's S1 brings to the C
   * rules as value 20 */
  g_autofree char *owned = g_strdup ("SFA20");
  g_autofree char *bad_addressee = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
  g_autofree char *blocked = state_of (SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_autofree char *sam_id = id_text (person ("sam")), *maja_id = id_text (person ("maja"));
  gint64 deal;
  g_autofree char *deal_text = NULL, *r1 = NULL, *r2 = NULL;

  /* Maja sets her deal's pricing, lends it to Sam, Sam asks: refused. */
  deal = make_deal (maja, "maja", TRUE);
  deal_text = id_text (deal);
  ok (maja, "UPDATE deals SET owner_id = $2 WHERE id = $1", deal_text, sam_id, NULL);
  refused (sam, bad_addressee, "SELECT sf_request_approval($1, 0, $2, NULL)",
           deal_text, maja_id, NULL);
  r1 = id_text (request (sam, deal, 0, NULL));
  refused (maja, owned, "SELECT sf_decide($1, true, NULL)", r1, NULL);
  ok (sam, "SELECT sf_recall_request($1)", r1, NULL);

  /* Lent first, the figures set by Sam: Maja's approval stands only until
   * the deal is hers again. */
  ok (sam, "UPDATE deal_pricing SET discount_bp = 1000 WHERE deal_id = $1", deal_text, NULL);
  r2 = id_text (request (sam, deal, 0, NULL));
  ok (maja, "SELECT sf_decide($1, true, NULL)", r2, NULL);
  g_assert_cmpint (ok (sam, "SELECT done FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), ==, 1);
  ok (sam, "UPDATE deals SET owner_id = $2 WHERE id = $1", deal_text, maja_id, NULL);
  g_assert_cmpint (ok (sam, "SELECT status FROM approval_requests WHERE id = $1", r2, NULL),
                   ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_cmpint (ok (sam, "SELECT done FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), ==, 0);
  {
    g_autofree char *why = text (sam, "SELECT new_value FROM history WHERE deal_id = $1 AND "
                                      "field = 'approval-voided'", deal_text, NULL);
    g_assert_cmpstr (why, ==, "owner");
  }
  refused (maja, blocked, "UPDATE deals SET stage = 4 WHERE id = $1", deal_text, NULL);
  /* Given back to Sam and asked again: the figures stood while Maja owned
   * the deal, so Lukas decides. */
  ok (maja, "UPDATE deals SET owner_id = $2 WHERE id = $1", deal_text, sam_id, NULL);
  {
    g_autofree char *r3 = id_text (request (sam, deal, 0, NULL));
    g_autoptr(PGconn) lukas = as ("lukas");

    refused (maja, owned, "SELECT sf_decide($1, true, NULL)", r3, NULL);
    ok (lukas, "SELECT sf_decide($1, true, NULL)", r3, NULL);
  }
  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* The plain rules, on the server as in src/core/sf-approval.c. */
static void
test_rules (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(PGconn) lukas = as ("lukas");
  g_autoptr(PGconn) owner = as ("owner");
  g_autofree char *comment_required = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_COMMENT_REQUIRED);
  g_autofree char *locked = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_LOCKED);
  g_autofree char *not_requester = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_REQUESTER);
  g_autofree char *not_pending = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_autofree char *pending = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_ALREADY_PENDING);
  g_autofree char *approved = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_ALREADY_APPROVED);
  g_autofree char *no_figures = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_FIGURES);
  g_autofree char *inactive = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INACTIVE);
  g_autofree char *lost = state_of (SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_autofree char *not_reached = state_of (SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_REACHED);
  gint64 deal = make_deal (sam, "sam", TRUE);
  g_autofree char *deal_text = id_text (deal);
  g_autofree char *r1 = NULL, *r2 = NULL;

  refused (sam, no_figures, "SELECT sf_request_approval($1, 1, NULL, NULL)", deal_text, NULL);
  /* A login that is no person (here the owner) asks nothing and writes no
   * history of its own making. */
  {
    g_autofree char *no_requester = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_REQUESTER);

    refused (owner, no_requester, "SELECT sf_request_approval($1, 0, NULL, NULL)", deal_text, NULL);
  }
  r1 = id_text (request (sam, deal, 0, NULL));
  refused (sam, pending, "SELECT sf_request_approval($1, 0, NULL, NULL)", deal_text, NULL);

  /* Figures waiting for a manager are locked, the deal's value too. */
  refused (sam, locked, "UPDATE deal_pricing SET cost = 1 WHERE deal_id = $1", deal_text, NULL);
  refused (sam, locked, "DELETE FROM deal_pricing WHERE deal_id = $1", deal_text, NULL);
  refused (sam, locked, "UPDATE deals SET value = 5 WHERE id = $1", deal_text, NULL);
  ok (sam, "UPDATE deals SET title = 'Renamed' WHERE id = $1", deal_text, NULL);

  /* A rejection needs a comment: blank, or only no-break spaces, is none. */
  refused (maja, comment_required, "SELECT sf_decide($1, false, NULL)", r1, NULL);
  refused (maja, comment_required, "SELECT sf_decide($1, false, E' \\u00a0\\u2003 ')", r1, NULL);
  /* Only the requester recalls. */
  refused (maja, not_requester, "SELECT sf_recall_request($1)", r1, NULL);
  /* A deactivated manager decides nothing. */
  ok (owner, "UPDATE persons SET active = 0 WHERE login = 'maja'", NULL);
  refused (maja, inactive, "SELECT sf_decide($1, true, NULL)", r1, NULL);
  ok (owner, "UPDATE persons SET active = 1 WHERE login = 'maja'", NULL);

  ok (maja, "SELECT sf_decide($1, true, NULL)", r1, NULL);
  refused (lukas, not_pending, "SELECT sf_decide($1, false, 'Late')", r1, NULL);
  refused (sam, not_pending, "SELECT sf_recall_request($1)", r1, NULL);
  refused (sam, approved, "SELECT sf_request_approval($1, 0, NULL, NULL)", deal_text, NULL);

  /* A change voids the approval and reopens the job, in the same
   * transaction. */
  ok (sam, "UPDATE deal_pricing SET cost = 900000 WHERE deal_id = $1", deal_text, NULL);
  g_assert_cmpint (ok (sam, "SELECT status FROM approval_requests WHERE id = $1", r1, NULL),
                   ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_cmpint (ok (sam, "SELECT done FROM jobs WHERE deal_id = $1 AND kind = 1",
                       deal_text, NULL), ==, 0);
  g_assert_cmpint (ok (sam, "SELECT person_id FROM history WHERE deal_id = $1 AND "
                            "field = 'approval-voided'", deal_text, NULL), ==, person ("sam"));

  /* Recalled, then lost, then not reached. */
  r2 = id_text (request (sam, deal, 0, NULL));
  ok (sam, "SELECT sf_recall_request($1)", r2, NULL);
  ok (sam, "UPDATE deals SET status = 2, lost_reason = 'price' WHERE id = $1", deal_text, NULL);
  refused (sam, lost, "SELECT sf_request_approval($1, 0, NULL, NULL)", deal_text, NULL);
  ok (sam, "UPDATE deals SET status = 0, stage = 2 WHERE id = $1", deal_text, NULL);
  refused (sam, not_reached, "SELECT sf_request_approval($1, 0, NULL, NULL)", deal_text, NULL);
  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* Two managers decide the same request at once: the second waits for the
 * first's lock and then finds it decided. */
static void
test_concurrent (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(PGconn) lukas = as ("lukas");
  g_autofree char *not_pending = state_of (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  gint64 deal = make_deal (sam, "sam", TRUE);
  g_autofree char *r = id_text (request (sam, deal, 0, NULL));
  const char *values[] = { r };
  PGresult *result;

  ok (maja, "BEGIN", NULL);
  ok (maja, "SELECT sf_decide($1, true, NULL)", r, NULL);
  g_assert_true (PQsendQueryParams (lukas, "SELECT sf_decide($1, false, 'No')", 1, NULL, values,
                                    NULL, NULL, 0));
  /* Lukas waits on the deal's lock. */
  g_usleep (300 * 1000);
  g_assert_true (PQconsumeInput (lukas));
  g_assert_true (PQisBusy (lukas));
  ok (maja, "COMMIT", NULL);

  result = PQgetResult (lukas);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, not_pending);
  PQclear (result);
  while ((result = PQgetResult (lukas)) != NULL)
    PQclear (result);
  g_assert_cmpint (ok (sam, "SELECT status FROM approval_requests WHERE id = $1", r, NULL),
                   ==, SF_APPROVAL_STATUS_APPROVED);
  g_assert_cmpint (verify_ledger (sam, NULL), ==, SF_LEDGER_WHOLE);
}

/* A listener hears of each change as "TABLE OP ID DEAL". */
static void
test_notify (void)
{
  g_autoptr(PGconn) sam = as ("sam");
  g_autoptr(PGconn) maja = as ("maja");
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  gint64 deal = make_deal (sam, "sam", TRUE);
  g_autofree char *r = id_text (request (sam, deal, 0, NULL));
  g_autofree char *expect_request = NULL, *expect_deal = NULL;
  PGnotify *notify;
  gboolean found_request = FALSE, found_deal = FALSE, found_job = FALSE, found_ledger = FALSE;

  ok (sam, "LISTEN salesflow", NULL);
  ok (maja, "SELECT sf_decide($1, true, NULL)", r, NULL);
  ok (sam, "SELECT 1", NULL);
  g_assert_true (PQconsumeInput (sam));

  expect_request = g_strdup_printf ("approval_requests U %s %" G_GINT64_FORMAT, r, deal);
  expect_deal = g_strdup_printf ("deals U %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, deal, deal);
  while ((notify = PQnotifies (sam)) != NULL)
    {
      g_assert_cmpstr (notify->relname, ==, "salesflow");
      g_assert_cmpuint (strlen (notify->extra), <, 100);
      g_assert_cmpint (notify->be_pid, !=, PQbackendPID (sam));
      found_request |= g_str_equal (notify->extra, expect_request);
      found_deal |= g_str_equal (notify->extra, expect_deal);
      found_job |= g_str_has_prefix (notify->extra, "jobs U ") &&
                   g_str_has_suffix (notify->extra, expect_deal + strlen ("deals U ") +
                                     strcspn (expect_deal + strlen ("deals U "), " "));
      found_ledger |= g_str_has_prefix (notify->extra, "approval_ledger I ");
      g_ptr_array_add (heard, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  for (guint i = 0; i < heard->len; i++)
    g_test_message ("heard: %s", (char *) g_ptr_array_index (heard, i));
  g_assert_true (found_request);
  g_assert_true (found_deal);
  g_assert_true (found_job);
  g_assert_true (found_ledger);

  /* A statement of many rows (an import) is one "reload the table". */
  {
    g_autofree char *deal_text = id_text (deal);
    guint n = 0;

    ok (maja, "INSERT INTO history (deal_id, at, field) "
              "SELECT $1, 1, 'note' FROM generate_series(1, 150)", deal_text, NULL);
    ok (sam, "SELECT 1", NULL);
    g_assert_true (PQconsumeInput (sam));
    while ((notify = PQnotifies (sam)) != NULL)
      {
        g_test_message ("heard: %s", notify->extra);
        g_assert_cmpstr (notify->extra, ==, "history R 0 0");
        n++;
        PQfreemem (notify);
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

/* A file's ledger moved to the server by its owner goes on there: the
 * server's next entry chains to the file's last one, and the C verifier
 * checks the whole. */
static void
test_upload_ledger (void)
{
  g_autofree char *db = g_strdup_printf ("%s_upload", test_db);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", db);
  g_autoptr(PGconn) admin = connect_to ("owner", "postgres");
  g_autoptr(PGconn) owner = NULL, sam = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfApprovalRequest) pending = NULL, approved = NULL;
  g_autofree char *figures = NULL, *server_figures = NULL, *deal_text = NULL;
  g_autofree char *entry1 = NULL, *entry2 = NULL, *hash1 = NULL, *hash2 = NULL;
  g_autofree char *sam_id = NULL, *maja_id = NULL;
  SfApprovalRequestRow row = { 0 };
  SfPricing pricing;
  SfMoney value;
  gint64 deal, entries = 0;

  ok (admin, create, NULL);
  owner = connect_to ("owner", db);
  g_assert_true (sf_pg_schema_migrate (owner, &error));
  g_assert_no_error (error);
  sam_id = id_text (ok (owner, "SELECT sf_admin_add_person('sam', 'Sam Carter', false)", NULL));
  maja_id = id_text (ok (owner, "SELECT sf_admin_add_person('maja', 'Maja Berg', true)", NULL));

  /* People, the deal, its jobs and figures first, as an upload would … */
  deal = ok (owner,
    "INSERT INTO deals (id, title, owner_id, value, currency, stage, created_at, updated_at,"
    "  stage_entered_at) VALUES (7, 'From the file', $1, 1000000, 'EUR', 3, 1, 1, 1) RETURNING id",
    sam_id, NULL);
  deal_text = id_text (deal);
  ok (owner, "INSERT INTO jobs (deal_id, stage, position, key, kind, required, done, done_by,"
             "  done_at) SELECT $1, stage, position, key, kind, required,"
             "  CASE WHEN kind = 1 THEN 1 ELSE 0 END, CASE WHEN kind = 1 THEN $2::bigint END,"
             "  CASE WHEN kind = 1 THEN 1790000120 END FROM template_jobs",
      deal_text, maja_id, NULL);
  ok (owner, "INSERT INTO deal_pricing VALUES ($1, 'EUR', 1500000, 1250, 800000, 1)",
      deal_text, NULL);

  /* … then the request and the ledger as the file's C code wrote them. */
  sf_pricing_init (&pricing, "EUR", 1500000, 1250, 800000);
  sf_money_init (&value, 1000000, "EUR");
  figures = sf_pricing_to_figures (&pricing, &value, NULL);
  server_figures = text (owner, "SELECT sf_figures($1, 0)", deal_text, NULL);
  g_assert_cmpstr (server_figures, ==, figures);
  row = (SfApprovalRequestRow) {
    .id = 3, .deal_id = deal, .kind = SF_APPROVAL_KIND_PRICING,
    .status = SF_APPROVAL_STATUS_PENDING, .requester_id = atoi (sam_id),
    .note = "From the file", .figures = figures, .requested_at = 1790000060,
  };
  pending = sf_approval_request_new_from_row (&row);
  row.status = SF_APPROVAL_STATUS_APPROVED;
  row.decider_id = atoi (maja_id);
  row.decided_at = 1790000120;
  approved = sf_approval_request_new_from_row (&row);
  entry1 = sf_ledger_format_entry (1, 1790000060, SF_LEDGER_EVENT_REQUESTED, row.requester_id,
                                   pending);
  hash1 = sf_ledger_hash (SF_LEDGER_GENESIS, entry1);
  entry2 = sf_ledger_format_entry (2, 1790000120, SF_LEDGER_EVENT_APPROVED, row.decider_id,
                                   approved);
  hash2 = sf_ledger_hash (hash1, entry2);
  ok (owner, "INSERT INTO approval_requests (id, deal_id, kind, status, requester_id, note,"
             "  figures, requested_at, decider_id, decided_at, ledger_seq) "
             "VALUES (3, $1, 0, 1, $2, 'From the file', $3, 1790000060, $4, 1790000120, 2)",
      deal_text, sam_id, figures, maja_id, NULL);
  ok (owner, "INSERT INTO approval_ledger VALUES (1, $1, $2, $3), (2, $4, $3, $5)",
      entry1, SF_LEDGER_GENESIS, hash1, entry2, hash2, NULL);
  ok (owner, "SELECT setval(pg_get_serial_sequence('approval_requests', 'id'), 3)", NULL);
  ok (owner, "SELECT setval(pg_get_serial_sequence('deals', 'id'), 7)", NULL);

  sam = connect_to ("sam", db);
  g_assert_cmpint (verify_ledger (sam, &entries), ==, SF_LEDGER_WHOLE);
  g_assert_cmpint (entries, ==, 2);

  /* Sam changes the approved pricing on the server: the voiding is entry 3,
   * chained to the file's entry 2. */
  ok (sam, "UPDATE deal_pricing SET cost = 900000 WHERE deal_id = $1", deal_text, NULL);
  g_assert_cmpint (verify_ledger (sam, &entries), ==, SF_LEDGER_WHOLE);
  g_assert_cmpint (entries, ==, 3);
  {
    g_autofree char *prev = text (sam, "SELECT prev_hash FROM approval_ledger WHERE seq = 3", NULL);

    g_assert_cmpstr (prev, ==, hash2);
  }

  g_clear_pointer (&sam, PQfinish);
  g_clear_pointer (&owner, PQfinish);
  drop_db (db);
}

/* Set-up ------------------------------------------------------------------- */

static void
create_database (void)
{
  g_autoptr(PGconn) admin = NULL, owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;

  test_db = g_strdup_printf ("sf_test_%d", (int) getpid ());
  create = g_strdup_printf ("CREATE DATABASE %s", test_db);
  admin = connect_to ("owner", "postgres");
  ok (admin, create, NULL);

  owner = connect_to ("owner", NULL);
  if (!sf_pg_schema_migrate (owner, &error))
    g_error ("migrating: %s", error->message);
  ok (owner, "SELECT sf_admin_add_person('sam', 'Sam Carter', false)", NULL);
  ok (owner, "SELECT sf_admin_add_person('maja', 'Maja Berg', true)", NULL);
  ok (owner, "SELECT sf_admin_add_person('lukas', 'Lukas Schneider', true)", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PGconn) probe = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team-server/logins", test_logins);
  g_test_add_func ("/team-server/private", test_private);

  /* Without a server the two tests above fail; the rest need a database. */
  probe = connect_service ("salesflow-owner", NULL);
  if (probe == NULL || PQstatus (probe) != CONNECTION_OK)
    return g_test_run ();
  g_clear_pointer (&probe, PQfinish);
  create_database ();

  g_test_add_func ("/team-server/schema", test_schema);
  g_test_add_func ("/team-server/test-server-database", test_test_server_database);
  g_test_add_func ("/team-server/seed", test_seed);
  g_test_add_func ("/team-server/figures", test_figures);
  g_test_add_func ("/team-server/honest", test_honest);
  g_test_add_func ("/team-server/attack/approve", test_attack_approve);
  g_test_add_func ("/team-server/attack/ledger", test_attack_ledger);
  g_test_add_func ("/team-server/attack/author", test_attack_author);
  g_test_add_func ("/team-server/attack/own-deal-or-request", test_attack_own);
  g_test_add_func ("/team-server/attack/lending", test_attack_lending);
  g_test_add_func ("/team-server/rules", test_rules);
  g_test_add_func ("/team-server/concurrent-decisions", test_concurrent);
  g_test_add_func ("/team-server/notify", test_notify);
  g_test_add_func ("/team-server/upload-ledger", test_upload_ledger);

  status = g_test_run ();
  drop_db (test_db);
  g_free (test_db);
  return status;
}
