/* sf-store-ledger.c — appending to the approval ledger and checking it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries' format and the walk that checks the chain are in
 * src/core/sf-ledger.c; this file reads and writes the rows. The check
 * also compares the approval requests, the approved figures and the
 * approval jobs with the ledger, because those tables, not the ledger, are
 * what the app acts on.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sf-store-private.h"

/* The newest entry, or the genesis hash for an empty ledger. */
static gboolean
read_last (SfStore  *self,
           gint64   *out_seq,
           char    **out_hash,
           GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT seq, hash FROM approval_ledger ORDER BY seq DESC LIMIT 1", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  step = sf_db_step (stmt, error);
  *out_seq = step == SF_DB_ROW ? sf_db_column_int64 (stmt, 0) : 0;
  *out_hash = g_strdup (step == SF_DB_ROW ? sf_db_column_text (stmt, 1)
                                         : SF_LEDGER_GENESIS);
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    {
      g_clear_pointer (out_hash, g_free);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_entry (SfStore     *self,
              gint64       seq,
              const char  *content,
              const char  *prev_hash,
              gint64       request_id,
              GError     **error)
{
  g_autofree char *hash = sf_ledger_hash (prev_hash, content);
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO approval_ledger (seq, content, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, seq);
  sf_db_bind_text (stmt, 2, content);
  sf_db_bind_text (stmt, 3, prev_hash);
  sf_db_bind_text (stmt, 4, hash);
  if (!sf_db_step_done (stmt, error))
    return FALSE;

  stmt = sf_db_prepare (self->db,
    "UPDATE approval_requests SET ledger_seq = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, request_id);
  sf_db_bind_int64 (stmt, 2, seq);
  return sf_db_step_done (stmt, error);
}

/**
 * sf_store_ledger_append:
 * @request_id: the request the event happened to, already written
 * @by: who acted, or 0
 *
 * Inside the action's transaction: appends an entry holding the request
 * as it now stands, chained to the entry before, and notes the entry on
 * the request.
 */
gboolean
sf_store_ledger_append (SfStore        *self,
                        gint64          request_id,
                        SfLedgerEvent   event,
                        gint64          by,
                        gint64          now,
                        GError        **error)
{
  g_autoptr(SfApprovalRequest) request = NULL;
  g_autofree char *prev_hash = NULL, *content = NULL;
  gint64 last_seq;

  request = sf_store_fetch_request (self, request_id, error);
  if (request == NULL || !read_last (self, &last_seq, &prev_hash, error))
    return FALSE;

  content = sf_ledger_format_entry (last_seq + 1, now, event, MAX (by, 0), request);
  return insert_entry (self, last_seq + 1, content, prev_hash, request_id, error);
}

static gboolean
query_last_referenced (SfStore  *self,
                       gint64   *out_seq,
                       GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT coalesce(max(ledger_seq), 0) FROM approval_requests", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sf_db_step_row (stmt, error);
  *out_seq = ok ? sf_db_column_int64 (stmt, 0) : 0;
  sf_db_reset (stmt);

  return ok;
}

static gboolean
walk_entries (SfStore       *self,
              SfLedgerWalk  *walk,
              GError       **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT seq, content, prev_hash, hash FROM approval_ledger ORDER BY seq", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW &&
         sf_ledger_walk_add (walk, sf_db_column_int64 (stmt, 0),
                             sf_db_column_text (stmt, 1),
                             sf_db_column_text (stmt, 2),
                             sf_db_column_text (stmt, 3)))
    ;
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  sf_ledger_walk_end (walk);
  return TRUE;
}

static gboolean
walk_requests (SfStore       *self,
               SfLedgerWalk  *walk,
               GError       **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT r.id, r.deal_id, r.kind, r.status, r.requester_id, coalesce(r.addressed_to, 0),"
    "  r.note, r.figures, r.requested_at, coalesce(r.decider_id, 0),"
    "  coalesce(r.decided_at, 0), r.comment, NULL, NULL, NULL, NULL, r.ledger_seq "
    "FROM approval_requests r ORDER BY r.id", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      gint64 seq = 0;
      g_autoptr(SfApprovalRequest) request = sf_store_read_request (stmt, &seq);

      if (!sf_ledger_walk_check_request (walk, request, seq))
        break;
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  sf_ledger_walk_check_all_seen (walk);
  return TRUE;
}

/* Approved figures must still be what the deal holds. */
static gboolean
check_approved_figures (SfStore         *self,
                        SfLedgerReport  *report,
                        GError         **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT r.id, r.deal_id, r.kind, r.figures FROM approval_requests r "
    "JOIN deals d ON d.id = r.deal_id AND d.deleted_at IS NULL "
    "WHERE r.status = 1 ORDER BY r.id", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      g_autoptr(SfDeal) deal = NULL;
      g_autofree char *figures = NULL;
      gint64 deal_id = sf_db_column_int64 (stmt, 1);
      int kind = sf_db_column_int64 (stmt, 2);
      g_autofree char *approved_figures = g_strdup (sf_db_column_text (stmt, 3));

      /* Reading the deal reuses other statements; this one stays open. */
      deal = sf_store_fetch_deal (self, deal_id, error);
      if (deal == NULL ||
          !sf_store_current_figures (self, deal, sf_approval_kind_is_valid (kind) ? kind : 0,
                                     &figures, error))
        {
          sf_db_reset (stmt);
          return FALSE;
        }
      if (g_strcmp0 (figures, approved_figures) != 0)
        {
          report->verdict = SF_LEDGER_FIGURES_CHANGED;
          report->request_id = sf_db_column_int64 (stmt, 0);
          report->deal_id = deal_id;
          report->kind = sf_approval_kind_is_valid (kind) ? kind : 0;
          report->deal_title = g_strdup (sf_deal_get_title (deal));
          break;
        }
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* An approval job is done only by an approval that still stands. The job
 * kinds 1 and 2 are completed by the approval kinds 0 and 1
 * (sf_approval_kind_get_job_kind()). */
static gboolean
check_jobs (SfStore         *self,
            SfLedgerReport  *report,
            GError         **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT d.id, d.title, j.kind FROM jobs j JOIN deals d ON d.id = j.deal_id "
    "WHERE j.kind IN (1, 2) AND j.done <> 0 AND NOT EXISTS ("
    "  SELECT 1 FROM approval_requests r WHERE r.deal_id = j.deal_id AND r.kind = j.kind - 1"
    "  AND r.status = 1) "
    "ORDER BY d.id, j.kind LIMIT 1", error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;

  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    {
      report->verdict = SF_LEDGER_JOB_UNAPPROVED;
      report->deal_id = sf_db_column_int64 (stmt, 0);
      report->deal_title = g_strdup (sf_db_column_text (stmt, 1));
      report->kind = sf_db_column_int64 (stmt, 2) == SF_JOB_KIND_ROI_APPROVAL
                     ? SF_APPROVAL_KIND_ROI : SF_APPROVAL_KIND_PRICING;
    }
  sf_db_reset (stmt);

  return step != SF_DB_ERROR;
}

static gboolean
verify (SfStore         *self,
        SfLedgerReport  *report,
        GError         **error)
{
  g_autoptr(SfLedgerWalk) walk = NULL;
  gint64 last_seq;

  if (!query_last_referenced (self, &last_seq, error))
    return FALSE;

  walk = sf_ledger_walk_new (last_seq);
  if (!walk_entries (self, walk, error) || !walk_requests (self, walk, error))
    return FALSE;
  sf_ledger_walk_finish (walk, report);

  if (report->verdict == SF_LEDGER_WHOLE &&
      (!check_approved_figures (self, report, error) ||
       (report->verdict == SF_LEDGER_WHOLE && !check_jobs (self, report, error))))
    {
      sf_ledger_report_clear (report);
      return FALSE;
    }

  sf_ledger_report_describe (report);
  return TRUE;
}

/**
 * sf_store_verify_ledger:
 * @report: (out caller-allocates): the verdict; clear it with
 *   sf_ledger_report_clear()
 *
 * Walks the approval ledger and names the first entry that was changed,
 * removed or inserted outside Salesflow; when the chain is whole, checks
 * that the approval requests, the approved figures and the approval jobs
 * agree with it. A damaged ledger is a verdict, not an error: @error is
 * set only when the database cannot be read.
 *
 * Returns: %TRUE when the check ran and @report is filled
 */
gboolean
sf_store_verify_ledger (SfStore         *self,
                        SfLedgerReport  *report,
                        GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);

  /* One read transaction, so every table is seen at the same moment. */
  if (!sf_store_begin_read (self, error))
    return FALSE;
  ok = verify (self, report, error);
  sf_store_rollback (self);

  return ok;
}

/**
 * sf_store_verify_ledger_file:
 * @path: a Salesflow database
 * @report: (out caller-allocates): the verdict; clear it with
 *   sf_ledger_report_clear()
 *
 * sf_store_verify_ledger() on a file, opened read-only and left as it is,
 * for `salesflow --verify-ledger`. A file from before the approvals has an
 * empty, whole ledger.
 *
 * Returns: %TRUE when the check ran and @report is filled
 */
gboolean
sf_store_verify_ledger_file (const char      *path,
                             SfLedgerReport  *report,
                             GError         **error)
{
  g_autoptr(SfStore) store = NULL;
  int version = 0;
  SfDb *db;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  db = sf_store_sqlite_open_for_check (path, &version, error);
  if (db == NULL)
    return FALSE;

  if (version < SF_STORE_APPROVALS_VERSION)
    {
      sf_db_close (db);
      sf_ledger_report_describe (report);
      return TRUE;
    }

  store = g_object_new (SF_TYPE_STORE, NULL);
  store->db = db;
  store->path = g_strdup (path);

  return sf_store_verify_ledger (store, report, error);
}
