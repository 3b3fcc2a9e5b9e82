/* crash-writer.c — real user actions for the crash harness, and the check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-writer write DB SEED     act until killed; after each action has
 *                                  committed, print "ACK verb deal arg"
 *   crash-writer check DB ACKS     reopen DB after a kill and check it:
 *                                  every acknowledged action is there and
 *                                  no action is there by half
 *   crash-writer sample DB         a small pipeline made the same way every
 *                                  time (a fixed clock and seed, no
 *                                  passphrase): the base of the bad-file
 *                                  corpus and the fuzzing seeds
 *
 * The writer walks deals through the whole checklist the way people do:
 * it creates deals, ticks jobs, advances, fills in pricing and ROI, asks
 * for approval and approves with the manager's passphrase, and records
 * customers' feedback on closed deals — each one transaction of the
 * store. tests/crash-harness.py kills it with SIGKILL at random moments
 * and runs the check after each kill.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "sf-format.h"
#include "sf-store.h"

#define PASSPHRASE "crash test passphrase"
#define SALES_NAME "Sam Seller"
#define MANAGER_NAME "Maja Manager"
/* Deals the writer keeps moving; beyond these it creates no more. */
#define MAX_OPEN_DEALS 12
#define MAX_FEEDBACK 2

typedef struct
{
  SfStore *store;
  GRand *rand;
  gint64 sales;
  gint64 manager;
} Writer;

static void
ack (const char *verb,
     gint64      deal,
     gint64      arg)
{
  /* One short line per write(): a kill leaves whole lines or none. */
  printf ("ACK %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", verb, deal, arg);
  fflush (stdout);
}

static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "crash-writer: %s: %s\n", what, error ? error->message : "failed");
  exit (3);
}

/* Setting up the people is itself a series of actions a kill can cut. */
static gint64
ensure_person (Writer     *w,
               const char *name,
               SfRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = sf_store_list_persons (w->store, &error);
  g_autoptr(SfPerson) person = NULL;

  if (persons == NULL)
    die ("list persons", error);
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (sf_person_get_name (g_ptr_array_index (persons, i)), name))
      return sf_person_get_id (g_ptr_array_index (persons, i));

  person = sf_store_add_person (w->store, name, role, &error);
  if (person == NULL)
    die ("add person", error);
  ack ("person", 0, sf_person_get_id (person));
  return sf_person_get_id (person);
}

static void
set_up (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;

  w->sales = ensure_person (w, SALES_NAME, SF_ROLE_SALES);
  w->manager = ensure_person (w, MANAGER_NAME, SF_ROLE_MANAGER);
  sf_store_set_actor (w->store, w->sales);

  /* Setting a passphrase needs the old one, which this test knows. */
  persons = sf_store_list_persons (w->store, &error);
  for (guint i = 0; persons && i < persons->len; i++)
    {
      SfPerson *p = g_ptr_array_index (persons, i);

      if (sf_person_get_id (p) == w->manager && !sf_person_get_has_passphrase (p))
        {
          if (!sf_store_set_passphrase (w->store, p, NULL, PASSPHRASE, &error))
            die ("set passphrase", error);
          ack ("passphrase", 0, w->manager);
        }
    }
}

static void
create_deal (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_deal_new ();
  g_autofree char *title = g_strdup_printf ("Deal %u", g_rand_int_range (w->rand, 0, 1000000));
  SfMoney value;

  sf_money_init (&value, g_rand_int_range (w->rand, 1000, 10000000), "EUR");
  sf_deal_set_title (deal, title);
  sf_deal_set_customer (deal, "Kunde AS");
  sf_deal_set_owner_id (deal, w->sales);
  sf_deal_set_value (deal, &value);
  if (!sf_store_create_deal (w->store, deal, &error))
    die ("create deal", error);
  ack ("create", sf_deal_get_id (deal), 0);
}

/* Ticks one open manual job of the deal's stage; FALSE when none is left. */
static gboolean
tick_one (Writer    *w,
          SfDeal    *deal,
          GPtrArray *jobs)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  SfJob *job;

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *j = g_ptr_array_index (jobs, i);

      if (sf_job_get_stage (j) == sf_deal_get_stage (deal) &&
          sf_job_get_kind (j) == SF_JOB_KIND_MANUAL && !sf_job_get_done (j))
        g_ptr_array_add (open, j);
    }
  if (open->len == 0)
    return FALSE;

  job = g_ptr_array_index (open, g_rand_int_range (w->rand, 0, open->len));
  if (!sf_store_set_job_done (w->store, deal, job, TRUE, &error))
    die ("tick", error);
  ack ("tick", sf_deal_get_id (deal), sf_job_get_id (job));
  return TRUE;
}

static gboolean
fill_figures (Writer *w,
              SfDeal *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPricing) pricing = NULL;
  g_autoptr(SfRoi) roi = NULL;
  gint64 id = sf_deal_get_id (deal);

  if (!sf_store_get_pricing (w->store, id, &pricing, &error) ||
      !sf_store_get_roi (w->store, id, &roi, &error))
    die ("read figures", error);

  if (pricing == NULL)
    {
      SfPricing p;

      sf_pricing_init (&p, "EUR", g_rand_int_range (w->rand, 10000, 1000000), 1000, 5000);
      if (!sf_store_set_pricing (w->store, deal, &p, &error))
        die ("set pricing", error);
      ack ("pricing", id, 0);
      return TRUE;
    }
  if (roi == NULL)
    {
      g_autoptr(SfRoi) worksheet = sf_roi_new ("EUR", 900000, 24);

      sf_roi_add_cost (worksheet, "Licences", 100000);
      if (!sf_store_set_roi (w->store, deal, worksheet, &error))
        die ("set roi", error);
      ack ("roi", id, 0);
      return TRUE;
    }

  return FALSE;
}

/* Asks for an approval not yet given, or gives one that waits. */
static gboolean
approve_one (Writer    *w,
             SfDeal    *deal,
             GPtrArray *jobs)
{
  static const struct { const char *job; SfApprovalKind kind; } kinds[] = {
    { "pricing-approved", SF_APPROVAL_KIND_PRICING },
    { "roi-approved", SF_APPROVAL_KIND_ROI },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = sf_store_list_deal_requests (w->store, sf_deal_get_id (deal), &error);

  if (requests == NULL)
    die ("list requests", error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(SfApprovalRequest) created = NULL;
      SfApprovalRequest *pending = NULL;

      for (guint i = 0; i < jobs->len; i++)
        if (g_strcmp0 (sf_job_get_key (g_ptr_array_index (jobs, i)), kinds[k].job) == 0 &&
            sf_job_get_done (g_ptr_array_index (jobs, i)))
          goto next_kind;

      for (guint i = 0; i < requests->len; i++)
        {
          SfApprovalRequest *r = g_ptr_array_index (requests, i);

          if (sf_approval_request_get_kind (r) == kinds[k].kind &&
              sf_approval_request_get_status (r) == SF_APPROVAL_STATUS_PENDING)
            pending = r;
        }

      if (pending == NULL)
        {
          if (!sf_store_request_approval (w->store, deal, kinds[k].kind, w->manager, NULL,
                                          &created, &error))
            die ("request", error);
          ack ("request", sf_deal_get_id (deal), sf_approval_request_get_id (created));
          return TRUE;
        }

      sf_store_set_actor (w->store, w->manager);
      if (!sf_store_decide (w->store, pending, deal, w->manager, PASSPHRASE, TRUE, NULL, &error))
        die ("approve", error);
      sf_store_set_actor (w->store, w->sales);
      ack ("approve", sf_deal_get_id (deal), sf_approval_request_get_id (pending));
      return TRUE;

    next_kind:
      ;
    }

  return FALSE;
}

static void
record_feedback (Writer *w,
                 SfDeal *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = sf_store_list_feedback (w->store, sf_deal_get_id (deal), &error);
  g_autoptr(SfFeedback) feedback = NULL;

  if (answers == NULL)
    die ("list feedback", error);
  if (answers->len >= MAX_FEEDBACK)
    return;

  feedback = sf_feedback_new (sf_date_from_unix (sf_store_now (w->store)), "Kari Nordmann",
                              g_rand_int_range (w->rand, 0, 11), g_rand_int_range (w->rand, 1, 6),
                              "Everything arrived on time");
  if (!sf_store_record_feedback (w->store, deal, feedback, &error))
    die ("record feedback", error);
  ack ("feedback", sf_deal_get_id (deal), sf_feedback_get_id (feedback));
}

/* Takes the deal one step further along the checklist. */
static void
step (Writer *w,
      SfDeal *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (w->store, sf_deal_get_id (deal), &error);

  if (jobs == NULL)
    die ("list jobs", error);

  if (sf_deal_get_stage (deal) == SF_STAGE_CLOSED)
    {
      record_feedback (w, deal);
      return;
    }

  if (tick_one (w, deal, jobs))
    return;
  if (sf_deal_get_stage (deal) == SF_STAGE_DEVELOPED &&
      (fill_figures (w, deal) || approve_one (w, deal, jobs)))
    return;

  if (!sf_store_advance (w->store, deal, &error))
    die ("advance", error);
  ack ("advance", sf_deal_get_id (deal), sf_deal_get_stage (deal));
}

/* The open deal furthest along, or a closed one to follow up: half the
 * steps go to it, so deals reach Closed within a few kills. */
static SfDeal *
furthest (GPtrArray *deals)
{
  SfDeal *best = NULL;

  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);

      if (best == NULL || sf_deal_get_stage (deal) > sf_deal_get_stage (best) ||
          (sf_deal_get_stage (deal) == SF_STAGE_CLOSED && g_random_boolean ()))
        best = deal;
    }

  return best;
}

G_GNUC_NORETURN static void
write_forever (const char *path,
               guint32     seed)
{
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };

  w.store = sf_store_open (path, &error);
  if (w.store == NULL)
    die ("open", error);
  w.rand = g_rand_new_with_seed (seed);
  set_up (&w);

  for (;;)
    {
      g_autoptr(GPtrArray) deals = sf_store_list_deals (w.store, &error);
      guint open = 0;

      if (deals == NULL)
        die ("list deals", error);
      if (deals->len == 0)
        {
          create_deal (&w);
          continue;
        }
      for (guint i = 0; i < deals->len; i++)
        open += sf_deal_get_stage (g_ptr_array_index (deals, i)) != SF_STAGE_CLOSED;

      if (open < MAX_OPEN_DEALS && (guint) g_rand_int_range (w.rand, 0, MAX_OPEN_DEALS) >= open)
        create_deal (&w);
      else if (g_rand_boolean (w.rand))
        step (&w, furthest (deals));
      else if (deals->len > 0)
        step (&w, g_ptr_array_index (deals, g_rand_int_range (w.rand, 0, deals->len)));
    }
}

/* The check */

static guint n_problems;

static void G_GNUC_PRINTF (1, 2)
problem (const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fputs ("PROBLEM: ", stdout);
  vprintf (format, args);
  fputc ('\n', stdout);
  va_end (args);
  n_problems++;
}

static gint64
query (sqlite3    *db,
       const char *sql,
       gint64      a,
       gint64      b)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      problem ("cannot run %s: %s", sql, sqlite3_errmsg (db));
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Each acknowledged action, and what it must have left. */
static const struct {
  const char *verb;
  const char *sql;       /* ?1 the deal, ?2 the argument; non-zero when present */
} acks[] = {
  { "person", "SELECT count(*) FROM persons WHERE id = ?2" },
  { "passphrase", "SELECT count(*) FROM persons WHERE id = ?2 AND pass_hash IS NOT NULL" },
  { "create", "SELECT count(*) FROM deals WHERE id = ?1 AND deleted_at IS NULL" },
  { "tick", "SELECT done FROM jobs WHERE id = ?2 AND deal_id = ?1" },
  { "advance", "SELECT stage >= ?2 FROM deals WHERE id = ?1" },
  { "pricing", "SELECT count(*) FROM deal_pricing WHERE deal_id = ?1" },
  { "roi", "SELECT count(*) FROM deal_roi WHERE deal_id = ?1" },
  { "request", "SELECT count(*) FROM approval_requests WHERE id = ?2 AND deal_id = ?1" },
  { "approve", "SELECT status = 1 FROM approval_requests WHERE id = ?2 AND deal_id = ?1" },
  { "feedback", "SELECT count(*) FROM feedback WHERE id = ?2 AND deal_id = ?1" },
};

static guint
check_acks (sqlite3    *db,
            const char *acks_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (acks_path, &contents, NULL, NULL))
    contents = g_strdup ("");
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char verb[32];
      gint64 deal, arg;
      guint k;

      if (sscanf (lines[i], "ACK %31s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, verb, &deal, &arg) != 3)
        continue;
      for (k = 0; k < G_N_ELEMENTS (acks) && !g_str_equal (acks[k].verb, verb); k++)
        ;
      if (k == G_N_ELEMENTS (acks))
        problem ("unknown acknowledgement: %s", lines[i]);
      else if (db == NULL)
        problem ("acknowledged, but there is no file: %s", lines[i]);
      else if (query (db, acks[k].sql, deal, arg) <= 0)
        problem ("acknowledged but missing: %s", lines[i]);
      n++;
    }

  return n;
}

/* Each of these counts the rows that show an action done by half. */
static const struct {
  const char *what;
  const char *sql;
} half_actions[] = {
  { "a deal without its checklist",
    "SELECT count(*) FROM deals d WHERE (SELECT count(*) FROM jobs j WHERE j.deal_id = d.id) <> "
    "(SELECT count(*) FROM template_jobs WHERE NOT hidden)" },
  { "a deal without its 'created' history row",
    "SELECT count(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM history h "
    "WHERE h.deal_id = d.id AND h.field = 'created')" },
  { "a ticked job without its history row (or a history row without its tick)",
    "SELECT count(*) FROM deals d WHERE (SELECT count(*) FROM jobs j WHERE j.deal_id = d.id "
    "AND j.kind = 0 AND j.done) <> (SELECT count(*) FROM history h WHERE h.deal_id = d.id "
    "AND h.field = 'job-done')" },
  { "a ticked job without who and when",
    "SELECT count(*) FROM jobs WHERE done AND (done_by IS NULL OR done_at IS NULL)" },
  { "a stage change without its history row",
    "SELECT count(*) FROM deals d WHERE d.stage <> (SELECT count(*) FROM history h "
    "WHERE h.deal_id = d.id AND h.field = 'stage')" },
  { "progress counts that disagree with the jobs",
    "SELECT count(*) FROM deals d WHERE d.progress_done <> (SELECT count(*) FROM jobs j "
    "WHERE j.deal_id = d.id AND j.stage = d.stage AND j.required AND j.done) OR "
    "d.progress_required <> (SELECT count(*) FROM jobs j WHERE j.deal_id = d.id "
    "AND j.stage = d.stage AND j.required)" },
  { "a request or decision without its ledger entry",
    "SELECT (SELECT count(*) FROM approval_ledger) - (SELECT count(*) FROM approval_requests) - "
    "(SELECT count(*) FROM approval_requests WHERE status <> 0)" },
  { "an approval without its ticked job (or a ticked job without an approval)",
    "SELECT count(*) FROM approval_requests r JOIN jobs j ON j.deal_id = r.deal_id AND "
    "j.kind = 1 AND j.key = CASE r.kind WHEN 0 THEN 'pricing-approved' ELSE 'roi-approved' END "
    "WHERE (r.status = 1) <> (j.done <> 0)" },
  { "a pricing without its history row",
    "SELECT count(*) FROM deal_pricing p WHERE NOT EXISTS (SELECT 1 FROM history h "
    "WHERE h.deal_id = p.deal_id AND h.field = 'pricing')" },
  { "a pricing whose value the deal does not have",
    "SELECT count(*) FROM deal_pricing p JOIN deals d ON d.id = p.deal_id WHERE d.value <> "
    "p.list_price - (p.list_price * p.discount_bp + 5000) / 10000" },
  { "feedback without its history row",
    "SELECT count(*) FROM deals d WHERE (SELECT count(*) FROM feedback f WHERE f.deal_id = d.id) "
    "<> (SELECT count(*) FROM history h WHERE h.deal_id = d.id AND h.field = 'feedback')" },
  { "a closed deal without its follow-ups",
    "SELECT count(*) FROM deals d WHERE d.stage = 5 AND NOT EXISTS "
    "(SELECT 1 FROM follow_ups u WHERE u.deal_id = d.id)" },
};

static void
check_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
      problem ("integrity_check: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    problem ("foreign_key_check: a row of %s points nowhere", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

static int
check (const char *path,
       const char *acks_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_auto(SfLedgerReport) report = { 0 };
  sqlite3 *db = NULL;
  guint n_acks;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Killed before the file was made: nothing may have been acknowledged. */
      n_acks = check_acks (NULL, acks_path);
      printf ("checked: no file, %u acknowledged actions, %u problems\n", n_acks, n_problems);
      return n_problems == 0 ? 0 : 1;
    }

  /* The store opens what a crash left, replaying the write-ahead log. */
  store = sf_store_open (path, &error);
  if (store == NULL)
    {
      problem ("the store does not open: %s", error->message);
      return 1;
    }
  if (!sf_store_verify_ledger (store, &report, &error))
    problem ("the ledger cannot be read: %s", error->message);
  else if (report.verdict != SF_LEDGER_WHOLE)
    problem ("ledger: %s", report.description);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      problem ("sqlite cannot open the file");
      return 1;
    }
  check_integrity (db);
  n_acks = check_acks (db, acks_path);
  for (guint i = 0; i < G_N_ELEMENTS (half_actions); i++)
    {
      gint64 n = query (db, half_actions[i].sql, 0, 0);

      if (n != 0)
        problem ("%s (%" G_GINT64_FORMAT ")", half_actions[i].what, n);
    }
  printf ("checked: %u acknowledged actions, %" G_GINT64_FORMAT " deals, %" G_GINT64_FORMAT
          " history rows, %" G_GINT64_FORMAT " ledger entries, %u problems\n", n_acks,
          query (db, "SELECT count(*) FROM deals", 0, 0),
          query (db, "SELECT count(*) FROM history", 0, 0),
          query (db, "SELECT count(*) FROM approval_ledger", 0, 0), n_problems);
  sqlite3_close (db);

  return n_problems == 0 ? 0 : 1;
}

static gint64
fixed_clock (gpointer data)
{
  return (*(gint64 *) data)++;
}

static int
sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 now = 1790000000;
  Writer w = { 0 };

  w.store = sf_store_open (path, &error);
  if (w.store == NULL)
    die ("open", error);
  sf_store_set_clock (w.store, fixed_clock, &now);
  w.rand = g_rand_new_with_seed (7);
  w.sales = ensure_person (&w, SALES_NAME, SF_ROLE_SALES);
  w.manager = ensure_person (&w, MANAGER_NAME, SF_ROLE_MANAGER);
  sf_store_set_actor (w.store, w.sales);

  for (guint i = 0; i < 6; i++)
    create_deal (&w);
  /* Up to Developed with figures; approvals need a passphrase, whose
   * salt would make the file differ every time. */
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(GPtrArray) deals = sf_store_list_deals (w.store, &error);
      SfDeal *deal = g_ptr_array_index (deals, g_rand_int_range (w.rand, 0, deals->len));
      g_autoptr(GPtrArray) jobs = sf_store_list_jobs (w.store, sf_deal_get_id (deal), &error);

      if (sf_deal_get_stage (deal) < SF_STAGE_DEVELOPED)
        step (&w, deal);
      else if (!tick_one (&w, deal, jobs))
        fill_figures (&w, deal);
    }

  g_rand_free (w.rand);
  g_object_unref (w.store);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "sample"))
    return sample (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "write"))
    write_forever (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "check"))
    return check (argv[2], argv[3]);

  fprintf (stderr, "usage: crash-writer write DB SEED | check DB ACKS\n");
  return 2;
}
