/* sf-store-satisfaction.c — follow-ups, feedback and verdicts of closed deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deal entering Closed gets its follow-ups in the transaction that closes
 * it; leaving Closed drops the ones still open, and entering again
 * schedules a fresh set from the new closing day. Answers and verdicts are
 * recorded only for deals closed and won, each as one action with its
 * history row. The rules and the arithmetic are in core/sf-satisfaction.c;
 * docs/satisfaction.md explains both.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-store-private.h"
#include "sf-workflow.h"

/* Follow-ups */

/**
 * sf_store_set_follow_up_offsets:
 * @days: (array length=n_days) (nullable): days after closing; none
 *   schedules no follow-ups
 *
 * Sets when deals closed from now on are followed up; the preference
 * window feeds it from GSettings. Follow-ups already scheduled stay as
 * they are.
 */
gboolean
sf_store_set_follow_up_offsets (SfStore    *self,
                                const int  *days,
                                guint       n_days,
                                GError    **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (days != NULL || n_days == 0, FALSE);

  if (!sf_follow_up_check_offsets (days, n_days, error))
    return FALSE;

  g_free (self->follow_up_days);
  self->follow_up_days = g_memdup2 (days, n_days * sizeof (int));
  self->n_follow_up_days = n_days;
  return TRUE;
}

/**
 * sf_store_get_follow_up_offsets:
 * @n_days: (out): how many
 *
 * Returns: (transfer none) (array length=n_days) (nullable): the days after
 *   closing that follow-ups are scheduled for
 */
const int *
sf_store_get_follow_up_offsets (SfStore *self,
                                guint   *n_days)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  *n_days = self->n_follow_up_days;
  return self->follow_up_days;
}

/**
 * sf_store_schedule_follow_ups:
 * @closed_at: when the deal closed, Unix seconds
 *
 * Inside an action: adds the deal's follow-ups, due the store's offsets
 * after the local day it closed.
 */
gboolean
sf_store_schedule_follow_ups (SfStore  *self,
                              gint64    deal_id,
                              gint64    closed_at,
                              GError  **error)
{
  guint closed_on = sf_date_from_unix (closed_at);
  g_autoptr(GArray) due = sf_follow_up_schedule (closed_on, self->follow_up_days,
                                                 self->n_follow_up_days);
  SfDbStmt *stmt;

  if (due->len == 0)
    return TRUE;

  stmt = sf_db_prepare (self->db,
    "INSERT INTO follow_ups (deal_id, due, offset_days) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      guint day = g_array_index (due, guint, i);

      sf_db_reset (stmt);
      sf_db_bind_int64 (stmt, 1, deal_id);
      sf_store_bind_date (stmt, 2, day);
      sf_db_bind_int64 (stmt, 3, (int) (day - closed_on));
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Open follow-ups of a deal that left Closed are dropped: nobody should be
 * reminded to survey a customer whose deal is back in negotiation. Done
 * ones stay, tied to the answers that completed them. */
static gboolean
drop_open_follow_ups (SfStore  *self,
                      gint64    deal_id,
                      GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "DELETE FROM follow_ups WHERE deal_id = ?1 AND done_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  return sf_db_step_done (stmt, error);
}

/**
 * sf_store_follow_stage:
 * @from_stage: the stage the deal leaves
 * @to: the state it goes into
 *
 * Inside an action that moves a deal: schedules its follow-ups when it
 * enters Closed, drops the open ones when it leaves. Losing and restoring
 * a closed deal keep its stage and so its follow-ups.
 */
gboolean
sf_store_follow_stage (SfStore            *self,
                       gint64              deal_id,
                       SfStage             from_stage,
                       const SfDealState  *to,
                       gint64              now,
                       GError            **error)
{
  if (from_stage != SF_STAGE_CLOSED && to->stage == SF_STAGE_CLOSED)
    return sf_store_schedule_follow_ups (self, deal_id,
                                         to->closed_at > 0 ? to->closed_at : now, error);

  if (from_stage == SF_STAGE_CLOSED && to->stage != SF_STAGE_CLOSED)
    return drop_open_follow_ups (self, deal_id, error);

  return TRUE;
}

/* Reads the follow-ups @stmt selects with FOLLOW_UP_COLUMNS. */
#define FOLLOW_UP_COLUMNS "u.id, u.deal_id, u.due, u.offset_days, u.done_at, u.done_by, u.feedback_id"

static GArray *
read_follow_ups (SfDbStmt  *stmt,
                 GError   **error)
{
  g_autoptr(GArray) follow_ups = g_array_new (FALSE, TRUE, sizeof (SfFollowUp));
  SfDbStep step;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      SfFollowUp follow_up = {
        .id = sf_db_column_int64 (stmt, 0),
        .deal_id = sf_db_column_int64 (stmt, 1),
        .due = sf_store_column_date (stmt, 2),
        .offset_days = sf_db_column_int64 (stmt, 3),
        .done_at = sf_db_column_int64 (stmt, 4),
        .done_by = sf_db_column_int64 (stmt, 5),
        .feedback_id = sf_db_column_int64 (stmt, 6),
      };

      g_array_append_val (follow_ups, follow_up);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&follow_ups);
}

/**
 * sf_store_list_follow_ups:
 *
 * Returns: (transfer full) (element-type SfFollowUp) (nullable): the deal's
 *   follow-ups, open and done, earliest due first
 */
GArray *
sf_store_list_follow_ups (SfStore  *self,
                          gint64    deal_id,
                          GError  **error)
{
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "SELECT " FOLLOW_UP_COLUMNS " FROM follow_ups u WHERE u.deal_id = ?1 ORDER BY u.due, u.id",
    error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  return read_follow_ups (stmt, error);
}

/**
 * sf_store_list_all_follow_ups:
 * @include_lost: whether those of lost deals are wanted too; deleted
 *   deals' never are
 *
 * Returns: (transfer full) (element-type SfFollowUp) (nullable): every
 *   follow-up, open and done, earliest due first
 */
GArray *
sf_store_list_all_follow_ups (SfStore   *self,
                              gboolean   include_lost,
                              GError   **error)
{
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "SELECT " FOLLOW_UP_COLUMNS " FROM follow_ups u JOIN deals d ON d.id = u.deal_id "
    "WHERE d.deleted_at IS NULL AND (?1 = 1 OR d.status <> 2) ORDER BY u.due, u.id", error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, include_lost ? 1 : 0);
  return read_follow_ups (stmt, error);
}

/* Feedback */

#define FEEDBACK_COLUMNS \
  "f.id, f.deal_id, f.answered_on, f.respondent, f.nps, f.csat, f.comment, " \
  "f.recorded_by, p.name, f.recorded_at"

static SfFeedback *
read_feedback (SfDbStmt *stmt)
{
  SfFeedback *feedback = sf_feedback_new (sf_store_column_date (stmt, 2),
                                          sf_db_column_text (stmt, 3),
                                          sf_db_column_int64 (stmt, 4),
                                          sf_db_column_int64 (stmt, 5),
                                          sf_db_column_text (stmt, 6));

  sf_feedback_set_stored (feedback, sf_db_column_int64 (stmt, 0),
                          sf_db_column_int64 (stmt, 1), sf_db_column_int64 (stmt, 7),
                          sf_db_column_text (stmt, 8),
                          sf_db_column_int64 (stmt, 9));
  return feedback;
}

/* Reads on the store's connection or on a loader thread's own. */
static GPtrArray *
collect_feedback (SfDbStmt  *stmt,
                  GError   **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStep step;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (answers, read_feedback (stmt));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&answers);
}

/**
 * sf_store_list_feedback:
 *
 * Returns: (transfer container) (element-type SfFeedback) (nullable): the
 *   deal's answers, newest first (by the day answered, then as entered)
 */
GPtrArray *
sf_store_list_feedback (SfStore  *self,
                        gint64    deal_id,
                        GError  **error)
{
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "SELECT " FEEDBACK_COLUMNS " FROM feedback f LEFT JOIN persons p ON p.id = f.recorded_by "
    "WHERE f.deal_id = ?1 ORDER BY f.answered_on DESC, f.id DESC", error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  return collect_feedback (stmt, error);
}

static const char feedback_between_sql[] =
  "SELECT " FEEDBACK_COLUMNS " FROM feedback f "
  "JOIN deals d ON d.id = f.deal_id "
  "LEFT JOIN persons p ON p.id = f.recorded_by "
  "WHERE d.deleted_at IS NULL AND d.stage = ?3 AND d.status = ?4"
  "  AND (CAST(?1 AS TEXT) IS NULL OR f.answered_on >= CAST(?1 AS TEXT))"
  "  AND (CAST(?2 AS TEXT) IS NULL OR f.answered_on <= CAST(?2 AS TEXT)) "
  "ORDER BY f.answered_on, f.id";

static void
bind_period (SfDbStmt *stmt,
             guint     from,
             guint     to)
{
  sf_store_bind_date (stmt, 1, from);
  sf_store_bind_date (stmt, 2, to);
  sf_db_bind_int64 (stmt, 3, SF_STAGE_CLOSED);
  sf_db_bind_int64 (stmt, 4, SF_DEAL_STATUS_WON);
}

/**
 * sf_store_list_feedback_between:
 * @from: the first Julian day, or 0 for no limit
 * @to: the last Julian day, or 0 for no limit
 *
 * The answers for the summary and the chart: those of the deals the
 * Satisfaction tab lists (closed, won, not deleted), dated in the period.
 *
 * Returns: (transfer container) (element-type SfFeedback) (nullable): the
 *   answers, oldest first
 */
GPtrArray *
sf_store_list_feedback_between (SfStore  *self,
                                guint     from,
                                guint     to,
                                GError  **error)
{
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db, feedback_between_sql, error);
  if (stmt == NULL)
    return NULL;

  bind_period (stmt, from, to);
  return collect_feedback (stmt, error);
}

static SfFeedback *
fetch_feedback (SfStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT " FEEDBACK_COLUMNS " FROM feedback f LEFT JOIN persons p ON p.id = f.recorded_by "
    "WHERE f.id = ?1", error);

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, id);
  answers = collect_feedback (stmt, error);
  if (answers == NULL)
    return NULL;
  if (answers->len == 0)
    {
      sf_db_set_error (error, SF_STORE_ERROR_CORRUPT, "the feedback just written is gone");
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (answers, 0));
}

static gboolean
insert_feedback (SfStore     *self,
                 gint64       deal_id,
                 SfFeedback  *feedback,
                 gint64       now,
                 gint64      *out_id,
                 GError     **error)
{
  g_autofree char *respondent = g_strstrip (g_strdup (sf_feedback_get_respondent (feedback)));
  g_autofree char *comment = g_strstrip (g_strdup (sf_feedback_get_comment (feedback)
                                                    ? sf_feedback_get_comment (feedback) : ""));
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO feedback (deal_id, answered_on, respondent, nps, csat, comment,"
    "  recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_store_bind_date (stmt, 2, sf_feedback_get_answered_on (feedback));
  sf_db_bind_text (stmt, 3, respondent);
  sf_db_bind_int64 (stmt, 4, sf_feedback_get_nps (feedback));
  sf_db_bind_int64 (stmt, 5, sf_feedback_get_csat (feedback));
  sf_db_bind_text (stmt, 6, *comment ? comment : NULL);
  sf_store_bind_actor (self, stmt, 7);
  sf_db_bind_int64 (stmt, 8, now);

  return sf_db_step_id (stmt, out_id, error);
}

/* The answer completes the deal's earliest open follow-up: one missed or
 * due on or before the day answered if there is one, else the next one to
 * come — which, both being "the earliest open", is the same query. */
static gboolean
complete_follow_up (SfStore  *self,
                    gint64    deal_id,
                    gint64    feedback_id,
                    gint64    now,
                    GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE follow_ups SET done_at = ?2, done_by = ?3, feedback_id = ?4 WHERE id = ("
    "  SELECT id FROM follow_ups WHERE deal_id = ?1 AND done_at IS NULL"
    "  ORDER BY due, id LIMIT 1)", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, now);
  sf_store_bind_actor (self, stmt, 3);
  sf_db_bind_int64 (stmt, 4, feedback_id);
  return sf_db_step_done (stmt, error);
}

/* Recorded locale-neutral — "2026-11-30 9 4 Kari Nordmann" — and written
 * for the reader by sf_history_entry_describe(). */
static char *
feedback_record (SfFeedback *stored)
{
  g_autofree char *day = sf_date_to_iso (sf_feedback_get_answered_on (stored));

  return g_strdup_printf ("%s %d %d %s", day, sf_feedback_get_nps (stored),
                          sf_feedback_get_csat (stored), sf_feedback_get_respondent (stored));
}

/**
 * sf_store_record_feedback:
 * @feedback: a new answer; on success it has its id, deal and recorder
 *
 * Records a customer's answer for a closed, won deal, after
 * sf_feedback_validate() against today's date. The deal's earliest open
 * follow-up is marked done by it.
 */
gboolean
sf_store_record_feedback (SfStore     *self,
                          SfDeal      *deal,
                          SfFeedback  *feedback,
                          GError     **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfFeedback) stored = NULL;
  g_autofree char *record = NULL;
  gint64 now, id = 0;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), FALSE);
  g_return_val_if_fail (sf_feedback_get_id (feedback) == 0, FALSE);

  now = sf_store_now (self);
  if (!sf_feedback_validate (feedback, sf_date_from_unix (now), error))
    return FALSE;

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;

  if (!sf_satisfaction_check_deal (fresh, error) ||
      !insert_feedback (self, sf_deal_get_id (fresh), feedback, now, &id, error) ||
      !complete_follow_up (self, sf_deal_get_id (fresh), id, now, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error))
    return sf_store_fail (self);

  stored = fetch_feedback (self, id, error);
  if (stored == NULL)
    return sf_store_fail (self);
  record = feedback_record (stored);
  if (!sf_store_history (self, sf_deal_get_id (fresh), now, "feedback", NULL, record, error) ||
      !sf_store_commit_deal (self, deal, error))
    return sf_store_fail (self);

  g_object_freeze_notify (G_OBJECT (feedback));
  sf_feedback_set_respondent (feedback, sf_feedback_get_respondent (stored));
  sf_feedback_set_comment (feedback, sf_feedback_get_comment (stored));
  sf_feedback_set_stored (feedback, id, sf_deal_get_id (deal),
                          sf_feedback_get_recorded_by (stored),
                          sf_feedback_get_recorded_by_name (stored),
                          sf_feedback_get_recorded_at (stored));
  g_object_thaw_notify (G_OBJECT (feedback));
  return TRUE;
}

/* Verdicts */

typedef struct
{
  SfVerdict verdict;
  char *reason;
} StoredVerdict;

static gboolean
read_verdict (SfStore        *self,
              gint64          deal_id,
              StoredVerdict  *out,
              GError        **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT verdict, reason FROM verdicts WHERE deal_id = ?1", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  step = sf_db_step (stmt, error);
  out->verdict = SF_VERDICT_UNDECIDED;
  out->reason = NULL;
  if (step == SF_DB_ROW && sf_verdict_is_valid (sf_db_column_int64 (stmt, 0)))
    {
      out->verdict = sf_db_column_int64 (stmt, 0);
      out->reason = g_strdup (sf_db_column_text (stmt, 1));
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  return TRUE;
}

static gboolean
write_verdict (SfStore     *self,
               gint64       deal_id,
               SfVerdict    verdict,
               const char  *reason,
               gint64       now,
               GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO verdicts (deal_id, verdict, reason, decided_by, decided_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (deal_id) DO UPDATE SET verdict = excluded.verdict,"
    "  reason = excluded.reason, decided_by = excluded.decided_by,"
    "  decided_at = excluded.decided_at", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, verdict);
  sf_db_bind_text (stmt, 3, reason);
  sf_store_bind_actor (self, stmt, 4);
  sf_db_bind_int64 (stmt, 5, now);
  return sf_db_step_done (stmt, error);
}

/* Completes the Closed stage's satisfaction job through the workflow rule
 * for jobs not ticked by hand. A checklist whose template hid the job
 * simply has none to complete. */
static gboolean
complete_satisfaction_job (SfStore  *self,
                           SfDeal   *fresh,
                           gint64    now,
                           GError  **error)
{
  g_autoptr(GPtrArray) jobs = sf_store_fetch_jobs (self, sf_deal_get_id (fresh), error);
  SfDbStmt *stmt;

  if (jobs == NULL)
    return FALSE;

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_kind (job) != SF_JOB_KIND_SATISFACTION || sf_job_get_done (job))
        continue;
      if (!sf_workflow_check_job (fresh, job, FALSE, error))
        return FALSE;

      stmt = sf_db_prepare (self->db,
        "UPDATE jobs SET done = 1, done_by = ?2, done_at = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sf_db_bind_int64 (stmt, 1, sf_job_get_id (job));
      sf_store_bind_actor (self, stmt, 2);
      sf_db_bind_int64 (stmt, 3, now);
      if (!sf_db_step_done (stmt, error) ||
          !sf_store_history (self, sf_deal_get_id (fresh), now, "job-done", NULL,
                             sf_job_get_title (job) ? sf_job_get_title (job) : sf_job_get_key (job),
                             error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sf_store_record_verdict:
 * @verdict: %SF_VERDICT_SUCCESS or %SF_VERDICT_FAILURE
 * @reason: why; required
 *
 * Records whether a closed, won deal was a success or a failure for the
 * customer, and so completes the Closed stage's satisfaction job with who
 * and when. A later verdict replaces the earlier one; the history keeps
 * both. Reload the deal's jobs afterwards: the job changed in the file.
 */
gboolean
sf_store_record_verdict (SfStore     *self,
                         SfDeal      *deal,
                         SfVerdict    verdict,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *record = NULL;
  StoredVerdict old = { 0 };
  const char *old_key;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (!sf_satisfaction_check_verdict (verdict, reason, error))
    return FALSE;
  clean = g_strstrip (g_strdup (reason));

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_satisfaction_check_deal (fresh, error) ||
      !read_verdict (self, sf_deal_get_id (fresh), &old, error))
    return sf_store_fail (self);

  if (old.verdict == verdict && g_strcmp0 (old.reason, clean) == 0)
    {
      g_free (old.reason);
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }
  g_clear_pointer (&old.reason, g_free);

  now = sf_store_now (self);
  record = g_strdup_printf ("%s %s", sf_verdict_get_key (verdict), clean);
  old_key = old.verdict != SF_VERDICT_UNDECIDED ? sf_verdict_get_key (old.verdict) : NULL;
  if (!write_verdict (self, sf_deal_get_id (fresh), verdict, clean, now, error) ||
      !complete_satisfaction_job (self, fresh, now, error) ||
      !sf_store_touch_deal (self, sf_deal_get_id (fresh), now, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "verdict", old_key, record, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/* The Satisfaction tab */

/* The newest answer is the one answered last, then the one entered last. */
#define ROW_SQL \
  "SELECT d.id, d.title, d.customer, d.owner_id, p.name, d.value, d.currency, d.closed_at," \
  "  (SELECT count(*) FROM feedback c WHERE c.deal_id = d.id)," \
  "  l.answered_on, l.nps, l.csat, v.verdict, v.reason, v.decided_by, v.decided_at," \
  "  (SELECT min(u.due) FROM follow_ups u WHERE u.deal_id = d.id AND u.done_at IS NULL) " \
  "FROM deals d " \
  "LEFT JOIN persons p ON p.id = d.owner_id " \
  "LEFT JOIN verdicts v ON v.deal_id = d.id " \
  "LEFT JOIN feedback l ON l.id = (SELECT f.id FROM feedback f WHERE f.deal_id = d.id" \
  "  ORDER BY f.answered_on DESC, f.id DESC LIMIT 1) " \
  "WHERE d.deleted_at IS NULL AND d.stage = ?1 AND d.status = ?2"

static int
column_score (SfDbStmt *stmt,
              int       column)
{
  if (sf_db_column_is_null (stmt, column))
    return SF_SATISFACTION_NO_VALUE;

  return sf_db_column_int64 (stmt, column);
}

static SfSatisfactionRow *
read_row (SfDbStmt *stmt,
          guint     today)
{
  const char *currency = sf_db_column_text (stmt, 6);
  int verdict = sf_db_column_int64 (stmt, 12);
  SfSatisfactionRowData data = {
    .deal_id = sf_db_column_int64 (stmt, 0),
    .title = sf_db_column_text (stmt, 1),
    .customer = sf_db_column_text (stmt, 2),
    .owner_id = sf_db_column_int64 (stmt, 3),
    .owner_name = sf_db_column_text (stmt, 4),
    .closed_on = sf_date_from_unix (sf_db_column_int64 (stmt, 7)),
    .n_answers = sf_db_column_int64 (stmt, 8),
    .latest_answered_on = sf_store_column_date (stmt, 9),
    .latest_nps = column_score (stmt, 10),
    .latest_csat = column_score (stmt, 11),
    .verdict = sf_verdict_is_valid (verdict) ? verdict : SF_VERDICT_UNDECIDED,
    .verdict_reason = sf_db_column_text (stmt, 13),
    .verdict_by = sf_db_column_int64 (stmt, 14),
    .verdict_at = sf_db_column_int64 (stmt, 15),
    .next_follow_up = sf_store_column_date (stmt, 16),
  };

  sf_money_init (&data.value, sf_db_column_int64 (stmt, 5),
                 currency && sf_currency_is_known (currency) ? currency : "XXX");
  data.overdue = data.next_follow_up != 0 && data.next_follow_up < today;

  return sf_satisfaction_row_new (&data);
}

static const char rows_sql[] = ROW_SQL " ORDER BY d.closed_at DESC, d.id DESC";

/* @today decides what is overdue. */
static GPtrArray *
collect_rows (SfDbStmt  *stmt,
              guint      today,
              GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStep step;

  sf_db_bind_int64 (stmt, 1, SF_STAGE_CLOSED);
  sf_db_bind_int64 (stmt, 2, SF_DEAL_STATUS_WON);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (rows, read_row (stmt, today));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * sf_store_list_satisfaction_rows:
 *
 * Every deal closed and won, with its newest answer, its verdict and its
 * next follow-up; overdue means due before today by sf_store_now(). The
 * breakdowns by owner and by size are sf_satisfaction_by_owner() and
 * sf_satisfaction_by_band() over these rows.
 *
 * Returns: (transfer container) (element-type SfSatisfactionRow)
 *   (nullable): the rows, most recently closed first
 */
GPtrArray *
sf_store_list_satisfaction_rows (SfStore  *self,
                                 GError  **error)
{
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db, rows_sql, error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (stmt, sf_date_from_unix (sf_store_now (self)), error);
}

/**
 * sf_store_get_satisfaction_row:
 *
 * One deal's row, read again after an action on it.
 *
 * Returns: (transfer full) (nullable): the row, or %NULL with
 *   %SF_STORE_ERROR_NOT_FOUND when the deal is not closed and won
 */
SfSatisfactionRow *
sf_store_get_satisfaction_row (SfStore  *self,
                               gint64    deal_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  SfDbStmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db, ROW_SQL " AND d.id = ?3", error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 3, deal_id);
  rows = collect_rows (stmt, sf_date_from_unix (sf_store_now (self)), error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                           _("The deal is no longer among the closed deals"));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* Loading the tab off the main loop */

typedef struct
{
  SfDb *db;                 /* the store's connection: only to open a reader */
  guint today;
  GPtrArray *rows;
  GPtrArray *feedback;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->feedback, g_ptr_array_unref);
  g_free (data);
}

static GPtrArray *
load_rows (SfDb    *db,
           guint    today,
           GError **error)
{
  SfDbStmt *stmt = sf_db_prepare (db, rows_sql, error);

  return stmt ? collect_rows (stmt, today, error) : NULL;
}

static GPtrArray *
load_feedback (SfDb    *db,
               GError **error)
{
  SfDbStmt *stmt = sf_db_prepare (db, feedback_between_sql, error);

  if (stmt == NULL)
    return NULL;

  bind_period (stmt, 0, 0);
  return collect_feedback (stmt, error);
}

/* Both reads share one snapshot, so the summary counts the answers the
 * rows show. */
static gboolean
load_both (SfDb      *db,
           LoadData  *data,
           GError   **error)
{
  if (!sf_db_begin (db, SF_DB_BEGIN_READ, error))
    return FALSE;

  data->rows = load_rows (db, data->today, error);
  data->feedback = data->rows ? load_feedback (db, error) : NULL;
  sf_db_rollback (db);

  return data->rows != NULL && data->feedback != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  g_autoptr(SfDb) reader = sf_db_open_reader (data->db, &error);

  if (reader != NULL && load_both (reader, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sf_store_load_satisfaction_async:
 *
 * Reads what the Satisfaction tab shows — the rows of
 * sf_store_list_satisfaction_rows() and every answer of
 * sf_store_list_feedback_between() without limits — on a worker thread
 * over a second, read-only connection, so a large pipeline does not hold
 * up the window. Overdue is decided by sf_store_now() at the call.
 */
void
sf_store_load_satisfaction_async (SfStore             *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (SF_IS_STORE (self));

  data = g_new0 (LoadData, 1);
  data->db = self->db;
  data->today = sf_date_from_unix (sf_store_now (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sf_store_load_satisfaction_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * sf_store_load_satisfaction_finish:
 * @out_rows: (out) (transfer container) (element-type SfSatisfactionRow):
 *   the closed deals, most recently closed first
 * @out_feedback: (out) (transfer container) (element-type SfFeedback):
 *   their answers, oldest first
 */
gboolean
sf_store_load_satisfaction_finish (SfStore       *self,
                                   GAsyncResult  *result,
                                   GPtrArray    **out_rows,
                                   GPtrArray    **out_feedback,
                                   GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (out_rows != NULL && out_feedback != NULL, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  *out_rows = g_steal_pointer (&data->rows);
  *out_feedback = g_steal_pointer (&data->feedback);
  return TRUE;
}

/* Export */

/* In the order of sf_satisfaction_export_keys(). */
#define N_EXPORT_COLUMNS SF_SATISFACTION_EXPORT_N_COLUMNS

static char *
column_string (SfDbStmt *stmt,
               int       column)
{
  const char *text = sf_db_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

static char *
column_day (SfDbStmt *stmt,
            int       column,
            gboolean  unix_time)
{
  if (sf_db_column_is_null (stmt, column))
    return g_strdup ("");

  return sf_date_to_iso (unix_time ? sf_date_from_unix (sf_db_column_int64 (stmt, column))
                                   : sf_store_column_date (stmt, column));
}

static GStrv
read_export_row (SfDbStmt *stmt)
{
  GStrv row = g_new0 (char *, N_EXPORT_COLUMNS + 1);
  const char *currency = sf_db_column_text (stmt, 5);
  int verdict = sf_db_column_int64 (stmt, 7);
  SfMoney value;

  sf_money_init (&value, sf_db_column_int64 (stmt, 4),
                 currency && sf_currency_is_known (currency) ? currency : "XXX");
  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sf_db_column_int64 (stmt, 0));
  row[1] = column_string (stmt, 1);
  row[2] = column_string (stmt, 2);
  row[3] = column_string (stmt, 3);
  row[4] = sf_money_to_plain_string (&value);
  row[5] = g_strdup (value.currency);
  row[6] = column_day (stmt, 6, TRUE);
  row[7] = g_strdup (sf_verdict_get_key (sf_verdict_is_valid (verdict) ? verdict
                                                                       : SF_VERDICT_UNDECIDED));
  row[8] = column_string (stmt, 8);
  row[9] = column_day (stmt, 9, TRUE);
  row[10] = column_day (stmt, 10, FALSE);
  row[11] = column_day (stmt, 11, FALSE);
  row[12] = column_string (stmt, 12);
  row[13] = column_string (stmt, 13);
  row[14] = column_string (stmt, 14);
  row[15] = column_string (stmt, 15);
  row[16] = column_string (stmt, 16);

  return row;
}

/**
 * sf_store_export_satisfaction:
 * @out_header: (out) (transfer full): the column names, fixed English
 *   identifiers so a spreadsheet or a script can rely on them
 * @out_rows: (out) (transfer container) (element-type GStrv): the rows,
 *   each as long as the header
 *
 * The satisfaction data for a CSV file, locale-neutral: ISO dates, plain
 * numbers with a full stop ("12345.67"), verdicts by key. One row per
 * answer, with its deal's columns repeated; a closed deal without answers
 * has one row with the answer's columns empty. Deals are in the order they
 * closed, their answers in the order given.
 */
gboolean
sf_store_export_satisfaction (SfStore     *self,
                              GStrv       *out_header,
                              GPtrArray  **out_rows,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_header != NULL && out_rows != NULL, FALSE);

  stmt = sf_db_prepare (self->db,
    "SELECT d.id, d.title, d.customer, p.name, d.value, d.currency, d.closed_at,"
    "  v.verdict, v.reason, v.decided_at,"
    "  (SELECT min(u.due) FROM follow_ups u WHERE u.deal_id = d.id AND u.done_at IS NULL),"
    "  f.answered_on, f.respondent, f.nps, f.csat, f.comment, r.name "
    "FROM deals d "
    "LEFT JOIN persons p ON p.id = d.owner_id "
    "LEFT JOIN verdicts v ON v.deal_id = d.id "
    "LEFT JOIN feedback f ON f.deal_id = d.id "
    "LEFT JOIN persons r ON r.id = f.recorded_by "
    "WHERE d.deleted_at IS NULL AND d.stage = ?1 AND d.status = ?2 "
    "ORDER BY d.closed_at, d.id, f.answered_on, f.id", error);
  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, SF_STAGE_CLOSED);
  sf_db_bind_int64 (stmt, 2, SF_DEAL_STATUS_WON);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (rows, read_export_row (stmt));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  *out_header = g_strdupv ((GStrv) sf_satisfaction_export_keys ());
  *out_rows = g_steal_pointer (&rows);
  return TRUE;
}
