/* sf-store-jobs.c — the checklist jobs of each deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-store-private.h"
#include "sf-workflow.h"

/**
 * sf_store_list_jobs:
 *
 * Returns: (transfer container) (element-type SfJob): the deal's jobs in
 *   stage and list order
 */
GPtrArray *
sf_store_list_jobs (SfStore  *self,
                    gint64    deal_id,
                    GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return sf_store_fetch_jobs (self, deal_id, error);
}

static SfJob *
fetch_job (SfStore  *self,
           gint64    deal_id,
           gint64    job_id,
           GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT " SF_STORE_JOB_COLUMNS " FROM jobs WHERE id = ?1 AND deal_id = ?2", error);
  SfJob *job = NULL;
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, job_id);
  sf_db_bind_int64 (stmt, 2, deal_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    job = sf_store_read_job (stmt);
  sf_db_reset (stmt);

  if (step == SF_DB_DONE)
    g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                         _("The job no longer exists; it may have been removed"));

  return job;
}

/* Begins an action on one job of one deal; both read as committed. */
static gboolean
begin_on_job (SfStore  *self,
              SfDeal   *deal,
              SfJob    *job,
              SfDeal  **out_deal,
              SfJob   **out_job,
              GError  **error)
{
  *out_deal = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (*out_deal == NULL)
    return FALSE;

  *out_job = fetch_job (self, sf_deal_get_id (deal), sf_job_get_id (job), error);
  if (*out_job == NULL)
    return sf_store_fail (self);

  return TRUE;
}

/* The history names a built-in job by its key, so it reads in the language
 * of whoever looks at it later. */
static const char *
job_record (SfJob *job)
{
  return sf_job_get_title (job) ? sf_job_get_title (job) : sf_job_get_key (job);
}

/* Ends a job action: commits the deal and copies the job as stored. */
static gboolean
commit_job (SfStore  *self,
            SfDeal   *deal,
            SfJob    *job,
            GError  **error)
{
  g_autoptr(SfJob) stored = fetch_job (self, sf_deal_get_id (deal), sf_job_get_id (job), error);

  if (stored == NULL || !sf_store_commit_deal (self, deal, error))
    return sf_store_fail (self);

  g_object_freeze_notify (G_OBJECT (job));
  sf_job_set_done (job, sf_job_get_done (stored), sf_job_get_done_by (stored),
                   sf_job_get_done_at (stored));
  sf_job_set_title (job, sf_job_get_title (stored));
  sf_job_set_due (job, sf_job_get_due (stored));
  sf_job_set_note (job, sf_job_get_note (stored));
  sf_job_set_required (job, sf_job_get_required (stored));
  g_object_thaw_notify (G_OBJECT (job));

  return TRUE;
}

static gboolean
set_job_done (SfStore   *self,
              SfDeal    *deal,
              SfJob     *job,
              gboolean   done,
              gint64     done_by,
              gint64     done_at,
              GError   **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfJob) stored = NULL;
  SfDbStmt *stmt;
  gint64 now;

  if (!begin_on_job (self, deal, job, &fresh, &stored, error))
    return FALSE;

  if (!sf_workflow_check_job (fresh, stored, TRUE, error))
    return sf_store_fail (self);

  if (sf_job_get_done (stored) == !!done)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      sf_job_set_done (job, sf_job_get_done (stored), sf_job_get_done_by (stored),
                       sf_job_get_done_at (stored));
      return TRUE;
    }

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db,
    "UPDATE jobs SET done = ?2, done_by = ?3, done_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_job_get_id (stored));
  sf_db_bind_int64 (stmt, 2, !!done);
  if (done)
    {
      if (done_by > 0)
        sf_db_bind_int64 (stmt, 3, done_by);
      else
        sf_store_bind_actor (self, stmt, 3);
      sf_db_bind_int64 (stmt, 4, done_at > 0 ? done_at : now);
    }

  if (!sf_db_step_done (stmt, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, done ? "job-done" : "job-undone",
                         NULL, job_record (stored), error))
    return sf_store_fail (self);

  return commit_job (self, deal, job, error);
}

/**
 * sf_store_set_job_done:
 *
 * Ticks or unticks a job by hand, recording who and when. Approval and
 * satisfaction jobs are refused: they are done by their own paths.
 */
gboolean
sf_store_set_job_done (SfStore   *self,
                       SfDeal    *deal,
                       SfJob     *job,
                       gboolean   done,
                       GError   **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  return set_job_done (self, deal, job, done, 0, 0, error);
}

/**
 * sf_store_restore_job_done:
 * @done_by: who had done it, when undoing an untick
 * @done_at: when it had been done
 *
 * Undo's version of sf_store_set_job_done(): puts back who and when.
 */
gboolean
sf_store_restore_job_done (SfStore   *self,
                           SfDeal    *deal,
                           SfJob     *job,
                           gboolean   done,
                           gint64     done_by,
                           gint64     done_at,
                           GError   **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  return set_job_done (self, deal, job, done, done_by, done_at, error);
}

/**
 * sf_store_add_job:
 * @job: a new manual job: its stage, title and required flag are used; a
 *   position of 0 puts it last in its stage; on success it has its id
 *
 * Adds a job to this one deal.
 */
gboolean
sf_store_add_job (SfStore  *self,
                  SfDeal   *deal,
                  SfJob    *job,
                  GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  SfDbStmt *stmt;
  gint64 now, id;
  int position;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  if (sf_job_get_kind (job) != SF_JOB_KIND_MANUAL || sf_job_get_key (job) != NULL)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("Only plain jobs can be added to a deal"));
      return FALSE;
    }
  if (!sf_workflow_check_title (sf_job_get_title (job), error))
    return FALSE;

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);

  position = sf_job_get_position (job);
  if (position <= 0)
    {
      stmt = sf_db_prepare (self->db,
        "SELECT coalesce(max(position), -1) + 1 FROM jobs WHERE deal_id = ?1 AND stage = ?2",
        error);
      if (stmt == NULL)
        return sf_store_fail (self);
      sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
      sf_db_bind_int64 (stmt, 2, sf_job_get_stage (job));
      if (!sf_db_step_row (stmt, error))
        {
          sf_db_reset (stmt);
          return sf_store_fail (self);
        }
      position = sf_db_column_int64 (stmt, 0);
      sf_db_reset (stmt);
    }

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db,
    "INSERT INTO jobs (deal_id, stage, position, title, kind, required, done, done_by,"
    "  done_at, due, note, extra) "
    "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, ?9, ?10, 1) RETURNING id", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_db_bind_int64 (stmt, 2, sf_job_get_stage (job));
  sf_db_bind_int64 (stmt, 3, position);
  sf_db_bind_text (stmt, 4, g_strstrip (strdupa (sf_job_get_title (job))));
  sf_db_bind_int64 (stmt, 5, sf_job_get_required (job));
  sf_db_bind_int64 (stmt, 6, sf_job_get_done (job));
  if (sf_job_get_done (job))
    {
      if (sf_job_get_done_by (job) > 0)
        sf_db_bind_int64 (stmt, 7, sf_job_get_done_by (job));
      sf_db_bind_int64 (stmt, 8, sf_job_get_done_at (job));
    }
  sf_store_bind_date (stmt, 9, sf_job_get_due (job));
  sf_db_bind_text (stmt, 10, sf_job_get_note (job));
  if (!sf_db_step_id (stmt, &id, error))
    return sf_store_fail (self);

  if (!sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "job-added", NULL,
                         sf_job_get_title (job), error))
    return sf_store_fail (self);

  if (!sf_store_commit_deal (self, deal, error))
    return FALSE;

  sf_job_set_id (job, id);
  sf_job_set_deal_id (job, sf_deal_get_id (deal));
  sf_job_set_position (job, position);
  sf_job_set_extra (job, TRUE);
  return TRUE;
}

static gboolean
check_extra (SfJob   *job,
             GError **error)
{
  if (!sf_job_get_extra (job))
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("Only jobs added to this deal can be renamed or removed; "
                             "change the checklist template in Preferences"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sf_store_rename_job (SfStore     *self,
                     SfDeal      *deal,
                     SfJob       *job,
                     const char  *title,
                     GError     **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfJob) stored = NULL;
  g_autofree char *clean = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  if (!sf_workflow_check_title (title, error))
    return FALSE;
  clean = g_strstrip (g_strdup (title));

  if (!begin_on_job (self, deal, job, &fresh, &stored, error))
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error) || !check_extra (stored, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db, "UPDATE jobs SET title = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_job_get_id (stored));
  sf_db_bind_text (stmt, 2, clean);
  if (!sf_db_step_done (stmt, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "job-renamed",
                         job_record (stored), clean, error))
    return sf_store_fail (self);

  return commit_job (self, deal, job, error);
}

gboolean
sf_store_remove_job (SfStore  *self,
                     SfDeal   *deal,
                     SfJob    *job,
                     GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfJob) stored = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  if (!begin_on_job (self, deal, job, &fresh, &stored, error))
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error) || !check_extra (stored, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db, "DELETE FROM jobs WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_job_get_id (stored));
  if (!sf_db_step_done (stmt, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "job-removed",
                         job_record (stored), NULL, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/**
 * sf_store_set_job_due:
 * @julian_day: the day of the meeting or follow-up, or 0 for none
 */
gboolean
sf_store_set_job_due (SfStore  *self,
                      SfDeal   *deal,
                      SfJob    *job,
                      guint     julian_day,
                      GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfJob) stored = NULL;
  g_autofree char *iso = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  if (!begin_on_job (self, deal, job, &fresh, &stored, error))
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  iso = sf_date_to_iso (julian_day);
  stmt = sf_db_prepare (self->db, "UPDATE jobs SET due = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_job_get_id (stored));
  sf_store_bind_date (stmt, 2, julian_day);
  if (!sf_db_step_done (stmt, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "job-due",
                         job_record (stored), iso, error))
    return sf_store_fail (self);

  return commit_job (self, deal, job, error);
}
