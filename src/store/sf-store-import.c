/* sf-store-import.c — many deals in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one bulk path: CSV import, the sample pipeline and the benchmark all
 * come through here, so a million rows are written the way one is. Each
 * deal gets the template's checklist; the manual jobs of the stages before
 * its own are done, as they must have been for it to get there. Approval
 * and satisfaction jobs stay open: an imported deal past Developed still
 * needs a manager's sign-off before it can move on. A deal imported in
 * Closed gets its satisfaction follow-ups from its closing day.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-store-private.h"
#include "sf-workflow.h"

static gboolean
fail (SfStore *self)
{
  sf_store_rollback (self);
  return FALSE;
}

static gboolean
check_item (const SfImportItem  *item,
            guint                index,
            GError             **error)
{
  SfDeal *deal = item->deal;
  g_autoptr(GError) local_error = NULL;

  if (!sf_workflow_check_title (sf_deal_get_title (deal), &local_error) ||
      !sf_workflow_check_email (sf_deal_get_contact_email (deal), &local_error))
    {
      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                   /* Translators: %u counts deals from 1; %s says what is wrong */
                   _("Deal %u: %s"), index + 1, local_error->message);
      return FALSE;
    }

  if (!sf_currency_is_known (sf_deal_get_value (deal)->currency))
    {
      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                   /* Translators: %u counts deals from 1; %s is a currency code */
                   _("Deal %u: “%s” is not a known currency code"), index + 1,
                   sf_deal_get_value (deal)->currency);
      return FALSE;
    }

  if (sf_deal_get_status (deal) == SF_DEAL_STATUS_LOST && sf_deal_get_lost_reason (deal) == NULL)
    {
      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                   /* Translators: %u counts deals from 1 */
                   _("Deal %u is lost but has no reason"), index + 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_one (SfStore             *self,
            const SfImportItem  *item,
            gint64               now,
            GError             **error)
{
  SfDeal *deal = item->deal;
  gint64 created = sf_deal_get_created_at (deal) > 0 ? sf_deal_get_created_at (deal) : now;
  gint64 entered = sf_deal_get_stage_entered_at (deal) > 0 ? sf_deal_get_stage_entered_at (deal) : created;
  gint64 closed = sf_deal_get_closed_at (deal) > 0 ? sf_deal_get_closed_at (deal) : entered;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = sf_store_prepare (self,
    "INSERT INTO deals (title, customer, contact_name, contact_email, contact_phone,"
    "  owner_id, value, currency, stage, status, lost_reason, lost_note, expected_close,"
    "  probability, notes, created_at, updated_at, stage_entered_at, closed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    "  ?18, ?19)", error);
  if (stmt == NULL)
    return FALSE;
  sf_store_bind_text (stmt, 1, sf_deal_get_title (deal));
  sf_store_bind_text (stmt, 2, sf_deal_get_customer (deal));
  sf_store_bind_text (stmt, 3, sf_deal_get_contact_name (deal));
  sf_store_bind_text (stmt, 4, sf_deal_get_contact_email (deal));
  sf_store_bind_text (stmt, 5, sf_deal_get_contact_phone (deal));
  if (sf_deal_get_owner_id (deal) > 0)
    sqlite3_bind_int64 (stmt, 6, sf_deal_get_owner_id (deal));
  sqlite3_bind_int64 (stmt, 7, sf_deal_get_value (deal)->amount);
  sqlite3_bind_text (stmt, 8, sf_deal_get_value (deal)->currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, sf_deal_get_stage (deal));
  sqlite3_bind_int (stmt, 10, sf_deal_get_status (deal));
  sf_store_bind_text (stmt, 11, sf_deal_get_lost_reason (deal));
  sf_store_bind_text (stmt, 12, sf_deal_get_lost_note (deal));
  sf_store_bind_date (stmt, 13, sf_deal_get_expected_close (deal));
  if (sf_deal_get_probability (deal) >= 0)
    sqlite3_bind_int (stmt, 14, sf_deal_get_probability (deal));
  sf_store_bind_text (stmt, 15, sf_deal_get_notes (deal) ? sf_deal_get_notes (deal) : "");
  sqlite3_bind_int64 (stmt, 16, created);
  sqlite3_bind_int64 (stmt, 17, now);
  sqlite3_bind_int64 (stmt, 18, entered);
  if (sf_deal_get_status (deal) == SF_DEAL_STATUS_WON || sf_deal_get_stage (deal) == SF_STAGE_CLOSED)
    sqlite3_bind_int64 (stmt, 19, closed);
  if (!sf_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);

  stmt = sf_store_prepare (self,
    "INSERT INTO jobs (deal_id, stage, position, key, title, kind, required, done, done_by, done_at) "
    "SELECT ?1, stage, position, key, title, kind, required,"
    "  kind = 0 AND stage < ?2, CASE WHEN kind = 0 AND stage < ?2 THEN ?3 END,"
    "  CASE WHEN kind = 0 AND stage < ?2 THEN ?4 END "
    "FROM template_jobs WHERE NOT hidden ORDER BY stage, position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, sf_deal_get_stage (deal));
  if (sf_deal_get_owner_id (deal) > 0)
    sqlite3_bind_int64 (stmt, 3, sf_deal_get_owner_id (deal));
  else
    sf_store_bind_actor (self, stmt, 3);
  sqlite3_bind_int64 (stmt, 4, entered);
  if (!sf_store_step_done (self, stmt, error))
    return FALSE;

  if (item->current_done > 0)
    {
      stmt = sf_store_prepare (self,
        "UPDATE jobs SET done = 1, done_by = ?3, done_at = ?4 WHERE id IN ("
        "  SELECT id FROM jobs WHERE deal_id = ?1 AND stage = ?2 AND kind = 0"
        "  ORDER BY position, id LIMIT ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, sf_deal_get_stage (deal));
      if (sf_deal_get_owner_id (deal) > 0)
        sqlite3_bind_int64 (stmt, 3, sf_deal_get_owner_id (deal));
      else
        sf_store_bind_actor (self, stmt, 3);
      sqlite3_bind_int64 (stmt, 4, entered);
      sqlite3_bind_int (stmt, 5, item->current_done);
      if (!sf_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* A deal arriving in Closed is followed up as if it had just closed
   * there, from its own closing day. */
  if (sf_deal_get_stage (deal) == SF_STAGE_CLOSED &&
      !sf_store_schedule_follow_ups (self, id, closed, error))
    return FALSE;

  if (!sf_store_refresh_progress (self, id, error) ||
      !sf_store_history (self, id, now, "created", NULL, NULL, error))
    return FALSE;

  sf_deal_set_id (deal, id);
  return TRUE;
}

/**
 * sf_store_import_deals:
 * @items: (array length=n_items): the deals; on success each has its id
 * @progress: (nullable) (scope call): told every few hundred deals
 *
 * Stores many deals in one transaction: all of them or, on any error or a
 * %FALSE from @progress, none. Call it on a store of its own from a worker
 * thread when there are many.
 */
gboolean
sf_store_import_deals (SfStore         *self,
                       SfImportItem    *items,
                       guint            n_items,
                       SfProgressFunc   progress,
                       gpointer         user_data,
                       GError         **error)
{
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);

  for (guint i = 0; i < n_items; i++)
    if (!check_item (&items[i], i, error))
      return FALSE;

  now = sf_store_now (self);
  if (!sf_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (!insert_one (self, &items[i], now, error))
        {
          for (guint k = 0; k < i; k++)
            sf_deal_set_id (items[k].deal, 0);
          return fail (self);
        }

      if (progress != NULL && (i % 512 == 511 || i + 1 == n_items) &&
          !progress (i + 1, n_items, user_data))
        {
          for (guint k = 0; k <= i; k++)
            sf_deal_set_id (items[k].deal, 0);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The import was cancelled; nothing was added"));
          return fail (self);
        }
    }

  if (!sf_store_commit (self, error))
    {
      for (guint k = 0; k < n_items; k++)
        sf_deal_set_id (items[k].deal, 0);
      return fail (self);
    }

  return TRUE;
}
