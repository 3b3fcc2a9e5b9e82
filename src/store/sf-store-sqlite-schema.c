/* sf-store-sqlite-schema.c — the SQLite schema and its numbered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA user_version holds the schema version. Each migration runs inside
 * the transaction sf_store_open() holds, so a database is upgraded fully or
 * not at all. Never edit a migration that has shipped: add the next one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist.h"
#include "sf-reasons.h"
#include "sf-store-private.h"

static const char schema_v1[] =
  "CREATE TABLE persons ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role INTEGER NOT NULL DEFAULT 0 CHECK (role IN (0, 1)),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE deals ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  customer TEXT NOT NULL DEFAULT '',"
  "  contact_name TEXT,"
  "  contact_email TEXT,"
  "  contact_phone TEXT,"
  "  owner_id INTEGER REFERENCES persons (id),"
  "  value INTEGER NOT NULL DEFAULT 0,"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
  "  stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 5),"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  lost_reason TEXT,"
  "  lost_note TEXT,"
  "  expected_close TEXT,"
  "  probability INTEGER CHECK (probability BETWEEN 0 AND 100),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  stage_entered_at INTEGER NOT NULL,"
  "  closed_at INTEGER,"
  "  progress_done INTEGER NOT NULL DEFAULT 0,"
  "  progress_required INTEGER NOT NULL DEFAULT 0,"
  "  deleted_at INTEGER,"
  "  CHECK (status <> 2 OR lost_reason IS NOT NULL)"
  ");"
  "CREATE INDEX deals_owner ON deals (owner_id);"
  "CREATE TABLE jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 5),"
  "  position INTEGER NOT NULL,"
  "  key TEXT,"
  "  title TEXT,"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),"
  "  required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_by INTEGER REFERENCES persons (id),"
  "  done_at INTEGER,"
  "  due TEXT,"
  "  note TEXT,"
  "  extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),"
  "  CHECK (key IS NOT NULL OR title IS NOT NULL)"
  ");"
  "CREATE INDEX jobs_deal ON jobs (deal_id, stage, position);"
  "CREATE INDEX jobs_due ON jobs (due) WHERE due IS NOT NULL;"
  "CREATE TABLE template_jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 5),"
  "  position INTEGER NOT NULL,"
  "  key TEXT UNIQUE,"
  "  title TEXT,"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),"
  "  required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),"
  "  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),"
  "  CHECK (key IS NOT NULL OR title IS NOT NULL)"
  ");"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  person_id INTEGER REFERENCES persons (id),"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX history_deal ON history (deal_id, id);"
  "CREATE TABLE stage_settings ("
  "  stage INTEGER PRIMARY KEY CHECK (stage BETWEEN 0 AND 5),"
  "  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100)"
  ");"
  "CREATE TABLE lost_reasons ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  key TEXT UNIQUE,"
  "  title TEXT,"
  "  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),"
  "  CHECK (key IS NOT NULL OR title IS NOT NULL)"
  ");";

/* The tables each version must have; a file missing one is damaged. */
static const char * const tables_v1[] = {
  "persons", "deals", "jobs", "template_jobs", "history", "stage_settings", "lost_reasons",
};

/* Managers' sign-off of pricing and ROI (docs/approvals.md). Money is in
 * minor units of the row's currency; percentages in basis points. */
static const char schema_v2[] =
  "ALTER TABLE persons ADD COLUMN pass_hash TEXT;"
  "ALTER TABLE persons ADD COLUMN pass_failures INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE persons ADD COLUMN pass_failed_at INTEGER;"
  "CREATE TABLE deal_pricing ("
  "  deal_id INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
  "  list_price INTEGER NOT NULL CHECK (list_price >= 0),"
  "  discount_bp INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),"
  "  cost INTEGER NOT NULL CHECK (cost >= 0),"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE deal_roi ("
  "  deal_id INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
  "  revenue INTEGER NOT NULL CHECK (revenue >= 0),"
  "  horizon_months INTEGER NOT NULL CHECK (horizon_months >= 0),"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE roi_costs ("
  "  deal_id INTEGER NOT NULL REFERENCES deal_roi (deal_id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount >= 0),"
  "  PRIMARY KEY (deal_id, position)"
  ");"
  "CREATE TABLE approval_requests ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind IN (0, 1)),"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 4),"
  "  requester_id INTEGER NOT NULL REFERENCES persons (id),"
  "  addressed_to INTEGER REFERENCES persons (id),"
  "  note TEXT,"
  "  figures TEXT NOT NULL,"
  "  requested_at INTEGER NOT NULL,"
  "  decider_id INTEGER REFERENCES persons (id),"
  "  decided_at INTEGER,"
  "  comment TEXT,"
  "  ledger_seq INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX approval_requests_one_pending ON approval_requests (deal_id, kind) "
  "  WHERE status = 0;"
  "CREATE INDEX approval_requests_deal ON approval_requests (deal_id, kind, id);"
  "CREATE INDEX approval_requests_waiting ON approval_requests (status, addressed_to);"
  "CREATE INDEX approval_requests_requester ON approval_requests (requester_id, id);"
  "CREATE TABLE passphrase_failures ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  at INTEGER NOT NULL,"
  "  request_id INTEGER"
  ");"
  "CREATE INDEX passphrase_failures_person ON passphrase_failures (person_id, at);"
  "CREATE TABLE approval_ledger ("
  "  seq INTEGER PRIMARY KEY,"
  "  content TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");";

static const char * const tables_v2[] = {
  "deal_pricing", "deal_roi", "roi_costs", "approval_requests", "passphrase_failures",
  "approval_ledger",
};

static gboolean
seed_v1 (SfStore  *self,
         GError  **error)
{
  const SfBuiltinJob *builtin;
  const char * const *lost_reasons = sf_lost_reason_get_builtin_keys ();
  SfDbStmt *stmt;
  guint n;
  int position = 0;
  SfStage stage = SF_STAGE_FIRST;

  builtin = sf_checklist_get_builtin (&n);
  stmt = sf_db_prepare (self->db,
    "INSERT INTO template_jobs (stage, position, key, kind, required) "
    "VALUES (?1, ?2, ?3, ?4, 1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (builtin[i].stage != stage)
        {
          stage = builtin[i].stage;
          position = 0;
        }
      sf_db_reset (stmt);
      sf_db_bind_int64 (stmt, 1, builtin[i].stage);
      sf_db_bind_int64 (stmt, 2, position++);
      sf_db_bind_text (stmt, 3, builtin[i].key);
      sf_db_bind_int64 (stmt, 4, builtin[i].kind);
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  stmt = sf_db_prepare (self->db,
    "INSERT INTO stage_settings (stage, probability) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      sf_db_reset (stmt);
      sf_db_bind_int64 (stmt, 1, s);
      sf_db_bind_int64 (stmt, 2, sf_stage_get_default_probability (s));
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  stmt = sf_db_prepare (self->db,
    "INSERT INTO lost_reasons (position, key) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; lost_reasons[i] != NULL; i++)
    {
      sf_db_reset (stmt);
      sf_db_bind_int64 (stmt, 1, i);
      sf_db_bind_text (stmt, 2, lost_reasons[i]);
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_to_v1 (SfStore  *self,
               GError  **error)
{
  return sf_db_exec (self->db, schema_v1, error) && seed_v1 (self, error);
}

static gboolean
migrate_to_v2 (SfStore  *self,
               GError  **error)
{
  return sf_db_exec (self->db, schema_v2, error);
}

/* Customer satisfaction of closed deals (docs/satisfaction.md). Added after
 * the approvals (v2). Deals closed before this version get no follow-ups: the
 * schedule follows the team's offsets at the moment of closing, which an
 * upgrade cannot know; their feedback and verdict can still be recorded. */
static const char schema_v3[] =
  "CREATE TABLE feedback ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  answered_on TEXT NOT NULL CHECK (length(answered_on) = 10),"
  "  respondent TEXT NOT NULL CHECK (length(trim(respondent)) > 0),"
  "  nps INTEGER NOT NULL CHECK (nps BETWEEN 0 AND 10),"
  "  csat INTEGER NOT NULL CHECK (csat BETWEEN 1 AND 5),"
  "  comment TEXT,"
  "  recorded_by INTEGER REFERENCES persons (id),"
  "  recorded_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX feedback_deal ON feedback (deal_id, answered_on, id);"
  "CREATE INDEX feedback_answered ON feedback (answered_on);"
  "CREATE TABLE follow_ups ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  due TEXT NOT NULL CHECK (length(due) = 10),"
  "  offset_days INTEGER NOT NULL CHECK (offset_days > 0),"
  "  done_at INTEGER,"
  "  done_by INTEGER REFERENCES persons (id),"
  "  feedback_id INTEGER REFERENCES feedback (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX follow_ups_deal ON follow_ups (deal_id, due);"
  "CREATE INDEX follow_ups_open ON follow_ups (due) WHERE done_at IS NULL;"
  "CREATE TABLE verdicts ("
  "  deal_id INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,"
  "  verdict INTEGER NOT NULL CHECK (verdict IN (1, 2)),"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  decided_by INTEGER REFERENCES persons (id),"
  "  decided_at INTEGER NOT NULL"
  ");";

static const char * const tables_v3[] = {
  "feedback", "follow_ups", "verdicts",
};

static gboolean
migrate_to_v3 (SfStore  *self,
               GError  **error)
{
  return sf_db_exec (self->db, schema_v3, error);
}

/* The ids of both people in an owner change, for the sign-off rule that
 * nobody decides on figures that stood while they owned the deal
 * (sf_store_get_former_owners()). Owner changes from before this version
 * recorded only names; each is matched to the one person of that name,
 * and stays without an id where there is none or more than one. Persons
 * are never deleted; the columns are plain integers (no REFERENCES) so a
 * test can drop them again to make a file of schema 3. */
static const char schema_v4[] =
  "ALTER TABLE history ADD COLUMN old_owner_id INTEGER;"
  "ALTER TABLE history ADD COLUMN new_owner_id INTEGER;"
  "UPDATE history SET"
  "  old_owner_id = (SELECT min(p.id) FROM persons p WHERE p.name = history.old_value"
  "                  HAVING count(*) = 1),"
  "  new_owner_id = (SELECT min(p.id) FROM persons p WHERE p.name = history.new_value"
  "                  HAVING count(*) = 1)"
  "  WHERE field = 'owner';";

static gboolean
migrate_to_v4 (SfStore  *self,
               GError  **error)
{
  return sf_db_exec (self->db, schema_v4, error);
}

static const struct {
  gboolean (*run) (SfStore *self, GError **error);
  const char * const *tables;
  guint n_tables;
} migrations[] = {
  { migrate_to_v1, tables_v1, G_N_ELEMENTS (tables_v1) },
  { migrate_to_v2, tables_v2, G_N_ELEMENTS (tables_v2) },
  { migrate_to_v3, tables_v3, G_N_ELEMENTS (tables_v3) },
  { migrate_to_v4, NULL, 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SF_STORE_SCHEMA_VERSION);

/**
 * sf_store_check_tables:
 * @version: the file's schema version
 *
 * Refuses a file whose schema lacks a table its version must have, before
 * anything is written to it.
 */
gboolean
sf_store_check_tables (SfDb    *db,
                       int      version,
                       GError **error)
{
  SfDbStmt *stmt;

  if (version <= 0)
    return TRUE;

  stmt = sf_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (int v = 0; v < version && v < (int) G_N_ELEMENTS (migrations); v++)
    for (guint i = 0; i < migrations[v].n_tables; i++)
      {
        SfDbStep step;

        sf_db_bind_text (stmt, 1, migrations[v].tables[i]);
        step = sf_db_step (stmt, error);
        sf_db_reset (stmt);
        if (step == SF_DB_DONE)
          {
            g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_CORRUPT,
                         /* Translators: %s is the name of a database table */
                         _("the database is incomplete: the table “%s” is missing"),
                         migrations[v].tables[i]);
            return FALSE;
          }
        if (step == SF_DB_ERROR)
          return FALSE;
      }

  return TRUE;
}

/* PRAGMA does not take bound values; these are the only versions there are. */
static const char * const set_version[] = {
  "PRAGMA user_version = 1",
  "PRAGMA user_version = 2",
  "PRAGMA user_version = 3",
  "PRAGMA user_version = 4",
};

G_STATIC_ASSERT (G_N_ELEMENTS (set_version) == SF_STORE_SCHEMA_VERSION);

/**
 * sf_store_migrate:
 * @from_version: the file's current schema version
 *
 * Brings the schema up to SF_STORE_SCHEMA_VERSION. Runs inside the caller's
 * transaction.
 */
gboolean
sf_store_migrate (SfStore     *self,
                  int          from_version,
                  GError     **error)
{
  g_return_val_if_fail (from_version >= 0, FALSE);

  if (from_version == 0 &&
      !sf_db_exec (self->db, "PRAGMA application_id = 1397115991", error))
    return FALSE;

  for (int v = from_version; v < SF_STORE_SCHEMA_VERSION; v++)
    {
      g_debug ("Migrating the database to schema %d", v + 1);
      if (!migrations[v].run (self, error) ||
          !sf_db_exec (self->db, set_version[v], error))
        return FALSE;
    }

  return TRUE;
}
