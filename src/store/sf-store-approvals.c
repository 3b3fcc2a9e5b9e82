/* sf-store-approvals.c — pricing, ROI, and managers' sign-off of both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each action is one transaction, as everywhere in the store: read the
 * deal and the request as committed, ask the rules in sf-approval.c,
 * write, add history, append to the ledger (sf-store-ledger.c), commit,
 * and only then update the objects.
 *
 * A request records the canonical text of the figures it covers
 * (sf_pricing_to_figures(), sf_roi_to_figures()). While it is pending the
 * figures are locked; once it is approved, any change to them voids it in
 * the same transaction as the change and reopens the approval job.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sf-store-private.h"
#include "sf-workflow.h"

#define REQUEST_COLUMNS \
  "r.id, r.deal_id, r.kind, r.status, r.requester_id, coalesce(r.addressed_to, 0), r.note, " \
  "r.figures, r.requested_at, coalesce(r.decider_id, 0), coalesce(r.decided_at, 0), " \
  "r.comment, d.title, rp.name, ap.name, dp.name, r.ledger_seq"

#define REQUEST_JOINS \
  " FROM approval_requests r LEFT JOIN deals d ON d.id = r.deal_id" \
  " LEFT JOIN persons rp ON rp.id = r.requester_id" \
  " LEFT JOIN persons ap ON ap.id = r.addressed_to" \
  " LEFT JOIN persons dp ON dp.id = r.decider_id"

/**
 * sf_store_read_request:
 * @stmt: a row of REQUEST_COLUMNS
 * @out_ledger_seq: (out) (optional): the last ledger entry of the request
 *
 * Returns: (transfer full): the request
 */
SfApprovalRequest *
sf_store_read_request (SfDbStmt *stmt,
                       gint64   *out_ledger_seq)
{
  int kind = sf_db_column_int64 (stmt, 2);
  int status = sf_db_column_int64 (stmt, 3);
  SfApprovalRequestRow row = {
    .id = sf_db_column_int64 (stmt, 0),
    .deal_id = sf_db_column_int64 (stmt, 1),
    .kind = sf_approval_kind_is_valid (kind) ? kind : SF_APPROVAL_KIND_PRICING,
    .status = sf_approval_status_is_valid (status) ? status : SF_APPROVAL_STATUS_VOIDED,
    .requester_id = sf_db_column_int64 (stmt, 4),
    .addressed_to = sf_db_column_int64 (stmt, 5),
    .note = sf_db_column_text (stmt, 6),
    .figures = sf_db_column_text (stmt, 7),
    .requested_at = sf_db_column_int64 (stmt, 8),
    .decider_id = sf_db_column_int64 (stmt, 9),
    .decided_at = sf_db_column_int64 (stmt, 10),
    .comment = sf_db_column_text (stmt, 11),
    .deal_title = sf_db_column_text (stmt, 12),
    .requester_name = sf_db_column_text (stmt, 13),
    .addressed_to_name = sf_db_column_text (stmt, 14),
    .decider_name = sf_db_column_text (stmt, 15),
  };

  if (out_ledger_seq != NULL)
    *out_ledger_seq = sf_db_column_int64 (stmt, 16);

  return sf_approval_request_new_from_row (&row);
}

static gboolean
set_request_gone (GError **error)
{
  g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                       _("The request for approval no longer exists"));
  return FALSE;
}

/* Runs a request query whose ?1 is bound to @id and reads one row. */
static SfApprovalRequest *
query_one_request (SfStore      *self,
                   const char   *sql,
                   gint64        id,
                   gint64        kind,
                   GError      **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db, sql, error);
  SfApprovalRequest *request = NULL;
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, id);
  if (kind >= 0)
    sf_db_bind_int64 (stmt, 2, kind);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    request = sf_store_read_request (stmt, NULL);
  sf_db_reset (stmt);

  return request;
}

/**
 * sf_store_fetch_request:
 *
 * Returns: (transfer full) (nullable): the request as committed, or as the
 *   current transaction sees it
 */
SfApprovalRequest *
sf_store_fetch_request (SfStore  *self,
                        gint64    request_id,
                        GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  SfApprovalRequest *request = query_one_request (self,
    "SELECT " REQUEST_COLUMNS REQUEST_JOINS " WHERE r.id = ?1", request_id, -1, &local_error);

  if (request == NULL && local_error == NULL)
    set_request_gone (error);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return request;
}

/* The newest request of @kind for a deal, which alone says whether the
 * figures are locked (pending) or approved. NULL with no error when there
 * is none. */
static SfApprovalRequest *
fetch_latest (SfStore         *self,
              gint64           deal_id,
              SfApprovalKind   kind,
              GError         **error)
{
  return query_one_request (self,
    "SELECT " REQUEST_COLUMNS REQUEST_JOINS
    " WHERE r.deal_id = ?1 AND r.kind = ?2 ORDER BY r.id DESC LIMIT 1",
    deal_id, kind, error);
}

/* Pricing and ROI */

static gboolean
read_pricing (SfStore    *self,
              gint64      deal_id,
              SfPricing **out_pricing,
              GError    **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT currency, list_price, discount_bp, cost FROM deal_pricing WHERE deal_id = ?1",
    error);
  SfDbStep step;

  *out_pricing = NULL;
  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    {
      *out_pricing = g_new0 (SfPricing, 1);
      sf_pricing_init (*out_pricing, sf_db_column_text (stmt, 0),
                       sf_db_column_int64 (stmt, 1), sf_db_column_int64 (stmt, 2),
                       sf_db_column_int64 (stmt, 3));
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  return TRUE;
}

static gboolean
read_roi (SfStore  *self,
          gint64    deal_id,
          SfRoi   **out_roi,
          GError  **error)
{
  g_autoptr(SfRoi) roi = NULL;
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT currency, revenue, horizon_months FROM deal_roi WHERE deal_id = ?1", error);
  SfDbStep step;

  *out_roi = NULL;
  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    roi = sf_roi_new (sf_db_column_text (stmt, 0),
                      sf_db_column_int64 (stmt, 1),
                      (guint) CLAMP (sf_db_column_int64 (stmt, 2), 0, G_MAXUINT));
  sf_db_reset (stmt);
  if (step != SF_DB_ROW)
    return step == SF_DB_DONE;

  stmt = sf_db_prepare (self->db,
    "SELECT label, amount FROM roi_costs WHERE deal_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, deal_id);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    sf_roi_add_cost (roi, sf_db_column_text (stmt, 0),
                     sf_db_column_int64 (stmt, 1));
  sf_db_reset (stmt);
  if (step == SF_DB_ERROR)
    return FALSE;

  *out_roi = g_steal_pointer (&roi);
  return TRUE;
}

/**
 * sf_store_current_figures:
 * @deal: the deal as the current transaction sees it
 * @out_figures: (out) (transfer full) (nullable): the canonical text of the
 *   figures now, or %NULL when there are none (or they break a rule, which
 *   only a change outside Salesflow can do)
 */
gboolean
sf_store_current_figures (SfStore         *self,
                          SfDeal          *deal,
                          SfApprovalKind   kind,
                          char           **out_figures,
                          GError         **error)
{
  *out_figures = NULL;

  if (kind == SF_APPROVAL_KIND_PRICING)
    {
      g_autoptr(SfPricing) pricing = NULL;

      if (!read_pricing (self, sf_deal_get_id (deal), &pricing, error))
        return FALSE;
      if (pricing != NULL)
        *out_figures = sf_pricing_to_figures (pricing, sf_deal_get_value (deal), NULL);
    }
  else
    {
      g_autoptr(SfRoi) roi = NULL;

      if (!read_roi (self, sf_deal_get_id (deal), &roi, error))
        return FALSE;
      if (roi != NULL)
        *out_figures = sf_roi_to_figures (roi, NULL);
    }

  return TRUE;
}

/**
 * sf_store_get_pricing:
 * @out_pricing: (out) (transfer full) (nullable): the deal's pricing, or
 *   %NULL when none was entered
 */
gboolean
sf_store_get_pricing (SfStore     *self,
                      gint64       deal_id,
                      SfPricing  **out_pricing,
                      GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_pricing != NULL, FALSE);

  return read_pricing (self, deal_id, out_pricing, error);
}

/**
 * sf_store_get_roi:
 * @out_roi: (out) (transfer full) (nullable): the deal's ROI worksheet, or
 *   %NULL when none was filled in
 */
gboolean
sf_store_get_roi (SfStore  *self,
                  gint64    deal_id,
                  SfRoi   **out_roi,
                  GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_roi != NULL, FALSE);

  return read_roi (self, deal_id, out_roi, error);
}

/**
 * sf_store_get_figures:
 * @out_figures: (out) (transfer full) (nullable): the canonical text of
 *   the deal's figures of @kind now, or %NULL when there are none
 *
 * What a request made now would record; compare it with a request's
 * figures to show "approved" beside "now".
 */
gboolean
sf_store_get_figures (SfStore         *self,
                      gint64           deal_id,
                      SfApprovalKind   kind,
                      char           **out_figures,
                      GError         **error)
{
  g_autoptr(SfDeal) deal = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_figures != NULL, FALSE);

  deal = sf_store_fetch_deal (self, deal_id, error);
  return deal != NULL && sf_store_current_figures (self, deal, kind, out_figures, error);
}

/**
 * sf_store_get_former_owners:
 *
 * Everyone who owned the deal at some moment since its figures of @kind
 * last changed, the owner now included: the managers who may not decide
 * on these figures (sf_approval_check_decider()). The figures last changed
 * at the deal's newest history entry of them ("pricing" or "value" for
 * the pricing, "roi" for the ROI); the owners since are the owner now and
 * both sides of every later "owner" entry. Without such an entry every
 * owner the history knows counts.
 *
 * Returns: (transfer full) (element-type gint64): the person ids, or %NULL
 *   on an error
 */
GArray *
sf_store_get_former_owners (SfStore         *self,
                            gint64           deal_id,
                            SfApprovalKind   kind,
                            GError         **error)
{
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "WITH since (id) AS ("
    "  SELECT coalesce(max(id), 0) FROM history WHERE deal_id = ?1"
    "  AND ((?2 = 1 AND field = 'roi') OR (?2 <> 1 AND field IN ('pricing', 'value'))))"
    " SELECT owner_id FROM deals WHERE id = ?1 AND owner_id IS NOT NULL"
    " UNION SELECT h.old_owner_id FROM history h, since"
    "  WHERE h.deal_id = ?1 AND h.field = 'owner' AND h.id > since.id"
    "  AND h.old_owner_id IS NOT NULL"
    " UNION SELECT h.new_owner_id FROM history h, since"
    "  WHERE h.deal_id = ?1 AND h.field = 'owner' AND h.id > since.id"
    "  AND h.new_owner_id IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, kind);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      gint64 id = sf_db_column_int64 (stmt, 0);

      g_array_append_val (owners, id);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&owners);
}

/* Begins an action on @deal: reads it as committed and checks that its
 * figures of @kind may change (not lost, not waiting for approval). */
static SfDeal *
begin_figures (SfStore         *self,
               SfDeal          *deal,
               SfApprovalKind   kind,
               GError         **error)
{
  g_autoptr(SfDeal) fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);

  if (fresh == NULL)
    return NULL;
  if (!sf_workflow_check_edit (fresh, error) ||
      !sf_store_check_figures_unlocked (self, sf_deal_get_id (fresh), kind, error))
    {
      sf_store_fail (self);
      return NULL;
    }

  return g_steal_pointer (&fresh);
}

/**
 * sf_store_check_figures_unlocked:
 *
 * Inside a transaction: refuses with %SF_APPROVAL_ERROR_LOCKED while a
 * request for the deal's figures of @kind is pending.
 */
gboolean
sf_store_check_figures_unlocked (SfStore         *self,
                                 gint64           deal_id,
                                 SfApprovalKind   kind,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SfApprovalRequest) latest = fetch_latest (self, deal_id, kind, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return sf_approval_check_unlocked (latest, error);
}

static gboolean
history_as (SfStore     *self,
            gint64       deal_id,
            gint64       now,
            gint64       person_id,
            const char  *field,
            const char  *old_value,
            const char  *new_value,
            GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO history (deal_id, at, person_id, field, old_value, new_value) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) /* as */", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, now);
  if (person_id > 0)
    sf_db_bind_int64 (stmt, 3, person_id);
  sf_db_bind_text (stmt, 4, field);
  sf_db_bind_text (stmt, 5, old_value);
  sf_db_bind_text (stmt, 6, new_value);

  return sf_db_step_done (stmt, error);
}

/* Sets the approval jobs of @kind done or open, with who and when. */
static gboolean
write_approval_jobs (SfStore         *self,
                     gint64           deal_id,
                     SfApprovalKind   kind,
                     gboolean         done,
                     gint64           by,
                     gint64           at,
                     GError         **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE jobs SET done = ?3, done_by = ?4, done_at = ?5 WHERE deal_id = ?1 AND kind = ?2",
    error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, sf_approval_kind_get_job_kind (kind));
  sf_db_bind_int64 (stmt, 3, !!done);
  if (done)
    {
      sf_db_bind_int64 (stmt, 4, by);
      sf_db_bind_int64 (stmt, 5, at);
    }

  return sf_db_step_done (stmt, error) &&
         sf_store_refresh_progress (self, deal_id, error);
}

static gboolean
write_status (SfStore           *self,
              gint64             request_id,
              SfApprovalStatus   status,
              gint64             decider_id,
              gint64             decided_at,
              const char        *comment,
              GError           **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE approval_requests SET status = ?2, decider_id = ?3, decided_at = ?4, comment = ?5 "
    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, request_id);
  sf_db_bind_int64 (stmt, 2, status);
  if (decider_id > 0)
    sf_db_bind_int64 (stmt, 3, decider_id);
  if (decided_at > 0)
    sf_db_bind_int64 (stmt, 4, decided_at);
  sf_db_bind_text (stmt, 5, comment);

  return sf_db_step_done (stmt, error);
}

/* Voids the standing approval @latest: its job reopens, and the history
 * (with @cause, NULL for a change of the figures) and the ledger say so. */
static gboolean
void_approval (SfStore            *self,
               SfApprovalRequest  *latest,
               const char         *cause,
               gint64              now,
               GError            **error)
{
  SfApprovalRequestRow row;

  sf_approval_request_get_row (latest, &row);
  return write_status (self, row.id, SF_APPROVAL_STATUS_VOIDED, row.decider_id, row.decided_at,
                       row.comment, error) &&
         write_approval_jobs (self, row.deal_id, row.kind, FALSE, 0, 0, error) &&
         history_as (self, row.deal_id, now, self->actor, "approval-voided",
                     sf_approval_kind_get_key (row.kind), cause, error) &&
         sf_store_ledger_append (self, row.id, SF_LEDGER_EVENT_VOIDED, self->actor, now, error);
}

/**
 * sf_store_void_if_changed:
 *
 * Inside a transaction, after the deal's figures of @kind were written:
 * when they differ from those of a standing approval, the approval becomes
 * voided, its job reopens, and the history and the ledger say so.
 */
gboolean
sf_store_void_if_changed (SfStore         *self,
                          gint64           deal_id,
                          SfApprovalKind   kind,
                          gint64           now,
                          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SfApprovalRequest) latest = NULL;
  g_autoptr(SfDeal) deal = NULL;
  g_autofree char *figures = NULL;

  latest = fetch_latest (self, deal_id, kind, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (latest == NULL || sf_approval_request_get_status (latest) != SF_APPROVAL_STATUS_APPROVED)
    return TRUE;

  deal = sf_store_fetch_deal (self, deal_id, error);
  if (deal == NULL || !sf_store_current_figures (self, deal, kind, &figures, error))
    return FALSE;
  if (!sf_approval_is_voided_by (latest, figures))
    return TRUE;

  return void_approval (self, latest, NULL, now, error);
}

/**
 * sf_store_void_for_owner:
 * @owner_id: the deal's new owner, or 0 for nobody
 *
 * Inside a transaction, after the deal's owner was changed: a standing
 * approval that @owner_id gave is voided, since nobody may hold an
 * approval of their own deal. Without it a manager could lend his deal
 * to a salesperson for the request and the decision and take it back.
 */
gboolean
sf_store_void_for_owner (SfStore  *self,
                         gint64    deal_id,
                         gint64    owner_id,
                         gint64    now,
                         GError  **error)
{
  for (int kind = SF_APPROVAL_KIND_PRICING; kind <= SF_APPROVAL_KIND_ROI; kind++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SfApprovalRequest) latest = fetch_latest (self, deal_id, kind, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (owner_id > 0 && latest != NULL &&
          sf_approval_request_get_status (latest) == SF_APPROVAL_STATUS_APPROVED &&
          sf_approval_request_get_decider_id (latest) == owner_id &&
          !void_approval (self, latest, "owner", now, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
touch (SfStore  *self,
       gint64    deal_id,
       gint64    now,
       GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE deals SET updated_at = ?2 WHERE id = ?1 /* approvals */", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, now);
  return sf_db_step_done (stmt, error);
}

static char *
money_record (const SfMoney *money)
{
  g_autofree char *plain = sf_money_to_plain_string (money);

  return g_strdup_printf ("%s %s", plain, money->currency);
}

/* "1500.00 EUR 1000 800.00": list price, discount in basis points, cost;
 * for the history, in the same plain form as deal values. */
static char *
pricing_record (const SfPricing *pricing)
{
  g_autofree char *list = NULL, *cost = NULL;

  if (pricing == NULL)
    return NULL;

  list = money_record (&pricing->list_price);
  cost = sf_money_to_plain_string (&pricing->cost);
  return g_strdup_printf ("%s %d %s", list, pricing->discount_bp, cost);
}

static gboolean
write_pricing (SfStore          *self,
               gint64            deal_id,
               const SfPricing  *pricing,
               gint64            now,
               GError          **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO deal_pricing (deal_id, currency, list_price, discount_bp, cost, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (deal_id) DO UPDATE SET "
    "currency = excluded.currency, list_price = excluded.list_price, "
    "discount_bp = excluded.discount_bp, cost = excluded.cost, updated_at = excluded.updated_at",
    error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_text (stmt, 2, pricing->list_price.currency);
  sf_db_bind_int64 (stmt, 3, pricing->list_price.amount);
  sf_db_bind_int64 (stmt, 4, pricing->discount_bp);
  sf_db_bind_int64 (stmt, 5, pricing->cost.amount);
  sf_db_bind_int64 (stmt, 6, now);

  return sf_db_step_done (stmt, error);
}

/* The pricing sets the deal's value to the net price. */
static gboolean
write_value (SfStore        *self,
             SfDeal         *fresh,
             const SfMoney  *value,
             gint64          now,
             GError        **error)
{
  g_autofree char *old_text = NULL, *new_text = NULL;
  SfDbStmt *stmt;

  if (sf_money_equal (sf_deal_get_value (fresh), value))
    return touch (self, sf_deal_get_id (fresh), now, error);

  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET value = ?2, currency = ?3, updated_at = ?4 WHERE id = ?1 /* net */", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_db_bind_int64 (stmt, 2, value->amount);
  sf_db_bind_text (stmt, 3, value->currency);
  sf_db_bind_int64 (stmt, 4, now);

  old_text = money_record (sf_deal_get_value (fresh));
  new_text = money_record (value);
  return sf_db_step_done (stmt, error) &&
         sf_store_history (self, sf_deal_get_id (fresh), now, "value", old_text, new_text, error);
}

/**
 * sf_store_set_pricing:
 * @deal: on success it has the stored values, its value the net price
 *
 * Sets the deal's pricing and its value to the net price. Refused while a
 * request for the pricing is pending; a change to approved pricing voids
 * the approval and reopens its job.
 */
gboolean
sf_store_set_pricing (SfStore          *self,
                      SfDeal           *deal,
                      const SfPricing  *pricing,
                      GError          **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfPricing) old = NULL;
  g_autofree char *old_figures = NULL, *new_figures = NULL;
  g_autofree char *old_record = NULL, *new_record = NULL;
  SfPricingResult result;
  gint64 id, now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (pricing != NULL, FALSE);

  if (!sf_pricing_compute (pricing, &result, error))
    return FALSE;

  fresh = begin_figures (self, deal, SF_APPROVAL_KIND_PRICING, error);
  if (fresh == NULL)
    return FALSE;
  id = sf_deal_get_id (fresh);

  new_figures = sf_pricing_to_figures (pricing, &result.net_price, error);
  if (new_figures == NULL ||
      !sf_store_current_figures (self, fresh, SF_APPROVAL_KIND_PRICING, &old_figures, error) ||
      !read_pricing (self, id, &old, error))
    return sf_store_fail (self);
  if (g_strcmp0 (old_figures, new_figures) == 0)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  old_record = pricing_record (old);
  new_record = pricing_record (pricing);
  if (!write_pricing (self, id, pricing, now, error) ||
      !write_value (self, fresh, &result.net_price, now, error) ||
      !sf_store_history (self, id, now, "pricing", old_record, new_record, error) ||
      !sf_store_void_if_changed (self, id, SF_APPROVAL_KIND_PRICING, now, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

static gboolean
write_roi (SfStore      *self,
           gint64        deal_id,
           const SfRoi  *roi,
           gint64        now,
           GError      **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO deal_roi (deal_id, currency, revenue, horizon_months, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (deal_id) DO UPDATE SET "
    "currency = excluded.currency, revenue = excluded.revenue, "
    "horizon_months = excluded.horizon_months, updated_at = excluded.updated_at", error);

  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_text (stmt, 2, roi->revenue.currency);
  sf_db_bind_int64 (stmt, 3, roi->revenue.amount);
  sf_db_bind_int64 (stmt, 4, roi->horizon_months);
  sf_db_bind_int64 (stmt, 5, now);
  if (!sf_db_step_done (stmt, error))
    return FALSE;

  stmt = sf_db_prepare (self->db, "DELETE FROM roi_costs WHERE deal_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, deal_id);
  if (!sf_db_step_done (stmt, error))
    return FALSE;

  stmt = sf_db_prepare (self->db,
    "INSERT INTO roi_costs (deal_id, position, label, amount) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (roi->costs, i);

      sf_db_reset (stmt);
      sf_db_bind_int64 (stmt, 1, deal_id);
      sf_db_bind_int64 (stmt, 2, i);
      sf_db_bind_text (stmt, 3, cost->label);
      sf_db_bind_int64 (stmt, 4, cost->amount.amount);
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sf_store_set_roi:
 *
 * Replaces the deal's ROI worksheet. Refused while a request for the ROI
 * is pending; a change to an approved worksheet voids the approval and
 * reopens its job.
 */
gboolean
sf_store_set_roi (SfStore      *self,
                  SfDeal       *deal,
                  const SfRoi  *roi,
                  GError      **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *old_figures = NULL, *new_figures = NULL;
  gint64 id, now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (roi != NULL, FALSE);

  new_figures = sf_roi_to_figures (roi, error);
  if (new_figures == NULL)
    return FALSE;

  fresh = begin_figures (self, deal, SF_APPROVAL_KIND_ROI, error);
  if (fresh == NULL)
    return FALSE;
  id = sf_deal_get_id (fresh);

  if (!sf_store_current_figures (self, fresh, SF_APPROVAL_KIND_ROI, &old_figures, error))
    return sf_store_fail (self);
  if (g_strcmp0 (old_figures, new_figures) == 0)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  if (!write_roi (self, id, roi, now, error) ||
      !touch (self, id, now, error) ||
      !sf_store_history (self, id, now, "roi", NULL, NULL, error) ||
      !sf_store_void_if_changed (self, id, SF_APPROVAL_KIND_ROI, now, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/* Requests */

/* Reads the person using Salesflow and the addressee, and checks both. */
static gboolean
check_people (SfStore         *self,
              SfDeal          *deal,
              SfApprovalKind   kind,
              gint64           addressed_to,
              GError         **error)
{
  g_autoptr(SfPerson) requester = NULL;
  g_autoptr(SfPerson) addressee = NULL;
  g_autoptr(GArray) former_owners = NULL;

  if (self->actor > 0)
    {
      requester = sf_store_fetch_person (self, self->actor, NULL, NULL, NULL, NULL);
      if (requester == NULL)
        return sf_approval_check_requester (NULL, error);
    }
  if (!sf_approval_check_requester (requester, error))
    return FALSE;

  if (addressed_to > 0)
    {
      addressee = sf_store_fetch_person (self, addressed_to, NULL, NULL, NULL, error);
      if (addressee == NULL)
        return FALSE;
      former_owners = sf_store_get_former_owners (self, sf_deal_get_id (deal), kind, error);
      if (former_owners == NULL)
        return FALSE;
    }

  return sf_approval_check_addressee (deal, requester, addressee, former_owners, error);
}

/* The deal's first job that an approval of @kind completes, if it has one;
 * a team may have left it out of the template. */
static gboolean
check_job_reached (SfStore         *self,
                   SfDeal          *deal,
                   SfApprovalKind   kind,
                   GError         **error)
{
  g_autoptr(GPtrArray) jobs = sf_store_fetch_jobs (self, sf_deal_get_id (deal), error);

  if (jobs == NULL)
    return FALSE;

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_kind (job) == sf_approval_kind_get_job_kind (kind) &&
          !sf_workflow_check_job (deal, job, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_request (SfStore         *self,
                gint64           deal_id,
                SfApprovalKind   kind,
                gint64           addressed_to,
                const char      *note,
                const char      *figures,
                gint64           now,
                gint64          *out_id,
                GError         **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO approval_requests (deal_id, kind, status, requester_id, addressed_to, note,"
    "  figures, requested_at) VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, kind);
  sf_db_bind_int64 (stmt, 3, self->actor);
  if (addressed_to > 0)
    sf_db_bind_int64 (stmt, 4, addressed_to);
  sf_db_bind_text (stmt, 5, note);
  sf_db_bind_text (stmt, 6, figures);
  sf_db_bind_int64 (stmt, 7, now);

  return sf_db_step_id (stmt, out_id, error);
}

/* Empty and blank notes and comments are stored as none. */
static char *
clean_text (const char *text)
{
  char *clean = g_strstrip (g_strdup (text ? text : ""));

  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);

  return clean;
}

/**
 * sf_store_request_approval:
 * @deal: the deal whose figures are to be approved
 * @addressed_to: the manager asked, or 0 for any manager
 * @note: (nullable): a note for the manager
 * @out_request: (out) (optional) (transfer full): the new request
 *
 * Asks for approval of exactly the deal's figures of @kind as they are
 * now; the person using Salesflow (sf_store_set_actor()) is the requester.
 * Refused when the deal is lost or has not reached the approval's stage,
 * when there are no figures, when a request already waits, or when these
 * figures are already approved.
 */
gboolean
sf_store_request_approval (SfStore             *self,
                           SfDeal              *deal,
                           SfApprovalKind       kind,
                           gint64               addressed_to,
                           const char          *note,
                           SfApprovalRequest  **out_request,
                           GError             **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(SfApprovalRequest) latest = NULL;
  g_autoptr(SfApprovalRequest) request = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *figures = NULL, *clean_note = clean_text (note);
  gint64 now, id;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sf_approval_kind_is_valid (kind), FALSE);

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!check_people (self, fresh, kind, addressed_to, error))
    return sf_store_fail (self);

  latest = fetch_latest (self, sf_deal_get_id (fresh), kind, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return sf_store_fail (self);
    }
  if (!sf_store_current_figures (self, fresh, kind, &figures, error) ||
      !sf_approval_check_new_request (fresh, kind, figures, latest, error) ||
      !check_job_reached (self, fresh, kind, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  if (!insert_request (self, sf_deal_get_id (fresh), kind, addressed_to, clean_note, figures,
                       now, &id, error) ||
      !history_as (self, sf_deal_get_id (fresh), now, self->actor, "approval-requested",
                   sf_approval_kind_get_key (kind), clean_note, error) ||
      !sf_store_ledger_append (self, id, SF_LEDGER_EVENT_REQUESTED, self->actor, now, error))
    return sf_store_fail (self);

  request = sf_store_fetch_request (self, id, error);
  if (request == NULL || !sf_store_commit (self, error))
    return sf_store_fail (self);

  if (out_request != NULL)
    *out_request = g_steal_pointer (&request);
  return TRUE;
}

/* Reads a request, its deal and a person inside the transaction. */
static gboolean
begin_on_request (SfStore             *self,
                  SfApprovalRequest   *request,
                  gint64               person_id,
                  SfApprovalRequest  **out_request,
                  SfDeal             **out_deal,
                  SfPerson           **out_person,
                  GError             **error)
{
  if (!sf_store_begin (self, error))
    return FALSE;

  *out_request = sf_store_fetch_request (self, sf_approval_request_get_id (request), error);
  if (*out_request == NULL)
    return sf_store_fail (self);

  *out_deal = sf_store_fetch_deal (self, sf_approval_request_get_deal_id (*out_request), error);
  if (*out_deal == NULL)
    return sf_store_fail (self);

  if (out_person != NULL && person_id > 0)
    {
      *out_person = sf_store_fetch_person (self, person_id, NULL, NULL, NULL, error);
      if (*out_person == NULL)
        return sf_store_fail (self);
    }

  return TRUE;
}

/* Every rule of a decision that does not need the passphrase. */
static gboolean
check_decision (SfStore            *self,
                SfApprovalRequest  *fresh,
                SfDeal             *deal,
                SfPerson           *manager,
                gboolean            approve,
                const char         *comment,
                GError            **error)
{
  g_autofree char *figures = NULL;
  g_autoptr(GArray) former_owners = sf_store_get_former_owners (self, sf_deal_get_id (deal),
                                                                sf_approval_request_get_kind (fresh),
                                                                error);

  if (former_owners == NULL ||
      !sf_approval_check_decider (fresh, deal, manager, former_owners, error))
    return FALSE;

  if (approve &&
      (!check_job_reached (self, deal, sf_approval_request_get_kind (fresh), error) ||
       !sf_store_current_figures (self, deal, sf_approval_request_get_kind (fresh), &figures,
                                  error)))
    return FALSE;

  return sf_approval_check_decision (fresh, approve, comment, figures, error);
}

static gboolean
write_decision (SfStore            *self,
                SfApprovalRequest  *fresh,
                gint64              manager_id,
                gboolean            approve,
                const char         *comment,
                gint64              now,
                GError            **error)
{
  gint64 id = sf_approval_request_get_id (fresh);
  gint64 deal_id = sf_approval_request_get_deal_id (fresh);
  SfApprovalKind kind = sf_approval_request_get_kind (fresh);

  return write_status (self, id, approve ? SF_APPROVAL_STATUS_APPROVED : SF_APPROVAL_STATUS_REJECTED,
                       manager_id, now, comment, error) &&
         (!approve || write_approval_jobs (self, deal_id, kind, TRUE, manager_id, now, error)) &&
         touch (self, deal_id, now, error) &&
         history_as (self, deal_id, now, manager_id,
                     approve ? "approval-approved" : "approval-rejected",
                     sf_approval_kind_get_key (kind), comment, error) &&
         sf_store_ledger_append (self, id,
                                 approve ? SF_LEDGER_EVENT_APPROVED : SF_LEDGER_EVENT_REJECTED,
                                 manager_id, now, error);
}

/* Ends an action on a request: commits and updates the objects. */
static gboolean
commit_request (SfStore            *self,
                SfApprovalRequest  *request,
                SfDeal             *deal,
                GError            **error)
{
  g_autoptr(SfApprovalRequest) stored = NULL;
  g_autoptr(SfDeal) fresh = NULL;

  stored = sf_store_fetch_request (self, sf_approval_request_get_id (request), error);
  if (stored == NULL)
    return sf_store_fail (self);
  if (deal != NULL)
    {
      fresh = sf_store_fetch_deal (self, sf_deal_get_id (deal), error);
      if (fresh == NULL)
        return sf_store_fail (self);
    }
  if (!sf_store_commit (self, error))
    return sf_store_fail (self);

  sf_approval_request_assign (request, stored);
  if (fresh != NULL)
    sf_deal_assign (deal, fresh);
  return TRUE;
}

/**
 * sf_store_decide:
 * @request: a pending request; on success it has the stored values
 * @deal: (nullable): the request's deal, brought up to date on success
 * @manager_id: the manager deciding, who need not be the person using
 *   Salesflow: the passphrase says who it is
 * @passphrase: the manager's passphrase
 * @approve: %TRUE to approve, %FALSE to reject
 * @comment: (nullable): why; required to reject
 *
 * Approves or rejects. Only an active manager who neither owns the deal
 * nor made the request decides, only a pending request, and only figures
 * unchanged since the request are approved. The passphrase is checked
 * last, so a wrong one counts only when the decision was otherwise
 * allowed; a wrong one is logged and makes later tries wait.
 *
 * An approval ticks the approval job with the manager and the time; a
 * rejection leaves it open and keeps the comment.
 */
gboolean
sf_store_decide (SfStore            *self,
                 SfApprovalRequest  *request,
                 SfDeal             *deal,
                 gint64              manager_id,
                 const char         *passphrase,
                 gboolean            approve,
                 const char         *comment,
                 GError            **error)
{
  g_autoptr(SfApprovalRequest) fresh = NULL;
  g_autoptr(SfDeal) fresh_deal = NULL;
  g_autoptr(SfPerson) manager = NULL;
  g_autofree char *clean_comment = clean_text (comment);
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);
  g_return_val_if_fail (deal == NULL || SF_IS_DEAL (deal), FALSE);

  if (!begin_on_request (self, request, manager_id, &fresh, &fresh_deal, &manager, error))
    return FALSE;
  if (!check_decision (self, fresh, fresh_deal, manager, approve, clean_comment, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  if (!sf_store_check_passphrase (self, manager_id, passphrase, sf_approval_request_get_id (fresh),
                                  now, error) ||
      !write_decision (self, fresh, manager_id, approve, clean_comment, now, error))
    return sf_store_fail (self);

  return commit_request (self, request, deal, error);
}

/**
 * sf_store_recall_request:
 * @request: a pending request; on success it has the stored values
 *
 * The requester — the person using Salesflow — takes a pending request
 * back, which unlocks the figures.
 */
gboolean
sf_store_recall_request (SfStore            *self,
                         SfApprovalRequest  *request,
                         GError            **error)
{
  g_autoptr(SfApprovalRequest) fresh = NULL;
  g_autoptr(SfDeal) deal = NULL;
  gint64 now, id;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);

  if (!begin_on_request (self, request, 0, &fresh, &deal, NULL, error))
    return FALSE;
  if (!sf_approval_check_recall (fresh, self->actor, error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  id = sf_approval_request_get_id (fresh);
  if (!write_status (self, id, SF_APPROVAL_STATUS_RECALLED, 0, now, NULL, error) ||
      !history_as (self, sf_deal_get_id (deal), now, self->actor, "approval-recalled",
                   sf_approval_kind_get_key (sf_approval_request_get_kind (fresh)), NULL, error) ||
      !sf_store_ledger_append (self, id, SF_LEDGER_EVENT_RECALLED, self->actor, now, error))
    return sf_store_fail (self);

  return commit_request (self, request, NULL, error);
}

/**
 * sf_store_get_voided_by_owner:
 * @request: the deal's latest request of its kind, voided
 * @out_by_owner: (out): whether it was voided because the deal passed to
 *   the manager who gave it (sf_store_void_for_owner()) rather than by a
 *   change of the figures
 */
gboolean
sf_store_get_voided_by_owner (SfStore            *self,
                              SfApprovalRequest  *request,
                              gboolean           *out_by_owner,
                              GError            **error)
{
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);
  g_return_val_if_fail (out_by_owner != NULL, FALSE);

  *out_by_owner = FALSE;
  stmt = sf_db_prepare (self->db,
    "SELECT CASE WHEN new_value = 'owner' THEN 1 ELSE 0 END FROM history"
    " WHERE deal_id = ?1 AND field = 'approval-voided' AND old_value = ?2"
    " ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, sf_approval_request_get_deal_id (request));
  sf_db_bind_text (stmt, 2, sf_approval_kind_get_key (sf_approval_request_get_kind (request)));
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    *out_by_owner = sf_db_column_int64 (stmt, 0) == 1;
  sf_db_reset (stmt);

  return step != SF_DB_ERROR;
}

/**
 * sf_store_get_request:
 *
 * Returns: (transfer full) (nullable): the request as committed
 */
SfApprovalRequest *
sf_store_get_request (SfStore  *self,
                      gint64    request_id,
                      GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return sf_store_fetch_request (self, request_id, error);
}

static GPtrArray *
list_requests (SfStore     *self,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt = sf_db_prepare (self->db, sql, error);
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, id);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (requests, sf_store_read_request (stmt, NULL));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&requests);
}

/**
 * sf_store_list_waiting_requests:
 * @manager_id: a manager
 *
 * The requests @manager_id can decide now: pending, addressed to them or
 * to any manager, on a live deal they do not own and have not owned since
 * its figures last changed (sf_store_get_former_owners()), made by
 * someone else.
 *
 * Returns: (transfer container) (element-type SfApprovalRequest): oldest
 *   first
 */
GPtrArray *
sf_store_list_waiting_requests (SfStore  *self,
                                gint64    manager_id,
                                GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return list_requests (self,
    "SELECT " REQUEST_COLUMNS REQUEST_JOINS
    " WHERE r.status = 0 AND (r.addressed_to IS NULL OR r.addressed_to = ?1)"
    " AND r.requester_id <> ?1 AND coalesce(d.owner_id, 0) <> ?1 AND d.deleted_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM history h WHERE h.deal_id = r.deal_id"
    "  AND h.field = 'owner' AND (h.old_owner_id = ?1 OR h.new_owner_id = ?1)"
    "  AND h.id > (SELECT coalesce(max(f.id), 0) FROM history f WHERE f.deal_id = r.deal_id"
    "   AND ((r.kind = 1 AND f.field = 'roi') OR (r.kind <> 1 AND f.field IN ('pricing', 'value')))))"
    " ORDER BY r.requested_at, r.id", manager_id, error);
}

/**
 * sf_store_list_requests_by:
 * @requester_id: a person
 *
 * Returns: (transfer container) (element-type SfApprovalRequest): every
 *   request @requester_id made on a live deal, newest first
 */
GPtrArray *
sf_store_list_requests_by (SfStore  *self,
                           gint64    requester_id,
                           GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return list_requests (self,
    "SELECT " REQUEST_COLUMNS REQUEST_JOINS
    " WHERE r.requester_id = ?1 AND d.deleted_at IS NULL ORDER BY r.id DESC",
    requester_id, error);
}

/**
 * sf_store_list_deal_requests:
 *
 * Returns: (transfer container) (element-type SfApprovalRequest): every
 *   request for the deal, newest first
 */
GPtrArray *
sf_store_list_deal_requests (SfStore  *self,
                             gint64    deal_id,
                             GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return list_requests (self,
    "SELECT " REQUEST_COLUMNS REQUEST_JOINS " WHERE r.deal_id = ?1 ORDER BY r.id DESC",
    deal_id, error);
}
