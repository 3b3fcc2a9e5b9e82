/* sf-store.c — the store object, transactions, and what every file shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user action is one transaction: it reads the deal as committed,
 * asks the workflow rules, writes the change and its history row, and only
 * after COMMIT succeeds updates the objects the UI shows. A failure rolls
 * back and leaves both the database and the objects as they were. Every
 * statement is a static string prepared once per connection, with bound
 * values, and runs through the engine seam (sf-db.h); opening the SQLite
 * file is in sf-store-sqlite.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-store-private.h"

G_DEFINE_QUARK (sf-store-error-quark, sf_store_error)
G_DEFINE_FINAL_TYPE (SfStore, sf_store, G_TYPE_OBJECT)

static void
sf_store_finalize (GObject *object)
{
  SfStore *self = (SfStore *) object;

  g_clear_pointer (&self->follow_up_days, g_free);
  g_clear_pointer (&self->db, sf_db_close);
  g_free (self->path);

  G_OBJECT_CLASS (sf_store_parent_class)->finalize (object);
}

static void
sf_store_class_init (SfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_store_finalize;
}

static gint64
real_now (gpointer data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
sf_store_init (SfStore *self)
{
  const int *days = sf_follow_up_get_default_offsets (&self->n_follow_up_days);

  self->now = real_now;
  self->follow_up_days = g_memdup2 (days, self->n_follow_up_days * sizeof (int));
}

/**
 * sf_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/salesflow/salesflow.db`
 */
char *
sf_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "salesflow", "salesflow.db", NULL);
}

int
sf_store_get_schema_version (void)
{
  return SF_STORE_SCHEMA_VERSION;
}

/**
 * sf_store_begin:
 *
 * Starts an action that writes, or a savepoint inside one that is already
 * running, so composite actions (the sample pipeline: people and deals)
 * are still one transaction. Every successful begin is ended by exactly
 * one sf_store_commit() or sf_store_rollback().
 */
gboolean
sf_store_begin (SfStore  *self,
                GError  **error)
{
  return sf_db_begin (self->db, SF_DB_BEGIN_WRITE, error);
}

/**
 * sf_store_begin_read:
 *
 * Like sf_store_begin(), but a transaction that takes no write lock: for
 * reading several tables as of one moment. End it with
 * sf_store_rollback().
 */
gboolean
sf_store_begin_read (SfStore  *self,
                     GError  **error)
{
  return sf_db_begin (self->db, SF_DB_BEGIN_READ, error);
}

/* On failure the transaction stays open for the caller's rollback. */
gboolean
sf_store_commit (SfStore  *self,
                 GError  **error)
{
  return sf_db_commit (self->db, error);
}

void
sf_store_rollback (SfStore *self)
{
  sf_db_rollback (self->db);
}

/**
 * sf_store_fail:
 *
 * Rolls back the action, for `return sf_store_fail (self)` after an error.
 *
 * Returns: %FALSE
 */
gboolean
sf_store_fail (SfStore *self)
{
  sf_db_rollback (self->db);
  return FALSE;
}

void
sf_store_bind_date (SfDbStmt *stmt,
                    int       index,
                    guint     julian_day)
{
  GDate date;
  char buf[16];

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    {
      sf_db_bind_null (stmt, index);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  sf_db_bind_text (stmt, index, buf);
}

void
sf_store_bind_actor (SfStore  *self,
                     SfDbStmt *stmt,
                     int       index)
{
  if (self->actor > 0)
    sf_db_bind_int64 (stmt, index, self->actor);
  else
    sf_db_bind_null (stmt, index);
}

/* Dates are stored as ISO text so the file reads well in sqlite3; this runs
 * for every deal on load, so it parses by hand. */
guint
sf_store_column_date (SfDbStmt *stmt,
                      int       column)
{
  const char *s = sf_db_column_text (stmt, column);
  int y, m, d;
  GDate date;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return 0;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return 0;

  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/**
 * sf_store_read_deal:
 * @stmt: a row of SF_STORE_DEAL_COLUMNS
 *
 * Returns: (transfer full): the deal
 */
SfDeal *
sf_store_read_deal (SfDbStmt *stmt)
{
  SfDealRow row = {
    .id = sf_db_column_int64 (stmt, 0),
    .title = sf_db_column_text (stmt, 1),
    .customer = sf_db_column_text (stmt, 2),
    .contact_name = sf_db_column_text (stmt, 3),
    .contact_email = sf_db_column_text (stmt, 4),
    .contact_phone = sf_db_column_text (stmt, 5),
    .owner_id = sf_db_column_int64 (stmt, 6),
    .value = sf_db_column_int64 (stmt, 7),
    .currency = sf_db_column_text (stmt, 8),
    .stage = sf_db_column_int64 (stmt, 9),
    .status = sf_db_column_int64 (stmt, 10),
    .lost_reason = sf_db_column_text (stmt, 11),
    .lost_note = sf_db_column_text (stmt, 12),
    .expected_close = sf_store_column_date (stmt, 13),
    .probability = sf_db_column_is_null (stmt, 14) ? -1 : sf_db_column_int64 (stmt, 14),
    .created_at = sf_db_column_int64 (stmt, 15),
    .updated_at = sf_db_column_int64 (stmt, 16),
    .stage_entered_at = sf_db_column_int64 (stmt, 17),
    .closed_at = sf_db_column_int64 (stmt, 18),
    .progress_done = sf_db_column_int64 (stmt, 19),
    .progress_required = sf_db_column_int64 (stmt, 20),
    .owner_name = sf_db_column_text (stmt, 21),
  };

  if (row.currency == NULL || !sf_currency_is_known (row.currency))
    row.currency = "XXX";

  return sf_deal_new_from_row (&row);
}

/**
 * sf_store_read_job:
 * @stmt: a row of SF_STORE_JOB_COLUMNS
 *
 * Returns: (transfer full): the job
 */
SfJob *
sf_store_read_job (SfDbStmt *stmt)
{
  int stage = sf_db_column_int64 (stmt, 2);
  int kind = sf_db_column_int64 (stmt, 6);
  SfJob *job = sf_job_new (sf_db_column_int64 (stmt, 1),
                           sf_stage_is_valid (stage) ? stage : SF_STAGE_PROSPECT,
                           sf_db_column_text (stmt, 4),
                           sf_db_column_text (stmt, 5),
                           sf_job_kind_is_valid (kind) ? kind : SF_JOB_KIND_MANUAL,
                           sf_db_column_int64 (stmt, 7) != 0);

  sf_job_set_id (job, sf_db_column_int64 (stmt, 0));
  sf_job_set_position (job, sf_db_column_int64 (stmt, 3));
  sf_job_set_done (job, sf_db_column_int64 (stmt, 8) != 0,
                   sf_db_column_int64 (stmt, 9), sf_db_column_int64 (stmt, 10));
  sf_job_set_due (job, sf_store_column_date (stmt, 11));
  sf_job_set_note (job, sf_db_column_text (stmt, 12));
  sf_job_set_extra (job, sf_db_column_int64 (stmt, 13) != 0);

  return job;
}

const char *
sf_store_get_path (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  return self->path;
}

/**
 * sf_store_get_actor:
 *
 * Returns: the person whose actions are being recorded, or 0
 */
gint64
sf_store_get_actor (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), 0);
  return self->actor;
}

void
sf_store_set_actor (SfStore *self,
                    gint64   person_id)
{
  g_return_if_fail (SF_IS_STORE (self));
  self->actor = person_id;
}

gint64
sf_store_now (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), 0);
  return self->now (self->now_data);
}

/**
 * sf_store_set_clock:
 * @now: (nullable): returns Unix time; %NULL for the real clock
 *
 * Lets tests move time forward.
 */
void
sf_store_set_clock (SfStore  *self,
                    gint64  (*now) (gpointer data),
                    gpointer  data)
{
  g_return_if_fail (SF_IS_STORE (self));

  self->now = now ? now : real_now;
  self->now_data = data;
}

gboolean
sf_store_history (SfStore     *self,
                  gint64       deal_id,
                  gint64       now,
                  const char  *field,
                  const char  *old_value,
                  const char  *new_value,
                  GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO history (deal_id, at, person_id, field, old_value, new_value) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, now);
  sf_store_bind_actor (self, stmt, 3);
  sf_db_bind_text (stmt, 4, field);
  sf_db_bind_text (stmt, 5, old_value);
  sf_db_bind_text (stmt, 6, new_value);

  return sf_db_step_done (stmt, error);
}
