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
 * Closed gets its satisfaction follow-ups from its closing day — the
 * file's date for a CSV row, else the day of the import.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-store-private.h"
#include "sf-workflow.h"

static gboolean
check_item (const SfImportItem  *item,
            guint                index,
            GError             **error)
{
  SfDeal *deal = item->deal;
  g_autoptr(GError) local_error = NULL;

  if (!sf_workflow_check_title (sf_deal_get_title (deal), &local_error) ||
      !sf_workflow_check_line (sf_deal_get_customer (deal), &local_error) ||
      !sf_workflow_check_line (sf_deal_get_contact_name (deal), &local_error) ||
      !sf_workflow_check_line (sf_deal_get_contact_email (deal), &local_error) ||
      !sf_workflow_check_line (sf_deal_get_contact_phone (deal), &local_error) ||
      !sf_workflow_check_line (item->owner_name, &local_error) ||
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
            gint64               owner_id,
            gint64               now,
            GError             **error)
{
  SfDeal *deal = item->deal;
  /* Nothing happened after now: a file's "won on 2030-01-01" closed
   * today. A deal that entered its stage before now was created then at
   * the latest. */
  gint64 entered = sf_deal_get_stage_entered_at (deal) > 0 ? MIN (sf_deal_get_stage_entered_at (deal), now) : 0;
  gint64 created = sf_deal_get_created_at (deal) > 0 ? sf_deal_get_created_at (deal) : entered > 0 ? entered : now;
  gint64 closed;
  SfDbStmt *stmt;
  gint64 id;

  if (entered == 0)
    entered = created;
  closed = sf_deal_get_closed_at (deal) > 0 ? MIN (sf_deal_get_closed_at (deal), now) : entered;

  stmt = sf_db_prepare (self->db,
    "INSERT INTO deals (title, customer, contact_name, contact_email, contact_phone,"
    "  owner_id, value, currency, stage, status, lost_reason, lost_note, expected_close,"
    "  probability, notes, created_at, updated_at, stage_entered_at, closed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    "  ?18, ?19) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_text (stmt, 1, sf_deal_get_title (deal));
  sf_db_bind_text (stmt, 2, sf_deal_get_customer (deal));
  sf_db_bind_text (stmt, 3, sf_deal_get_contact_name (deal));
  sf_db_bind_text (stmt, 4, sf_deal_get_contact_email (deal));
  sf_db_bind_text (stmt, 5, sf_deal_get_contact_phone (deal));
  if (owner_id > 0)
    sf_db_bind_int64 (stmt, 6, owner_id);
  sf_db_bind_int64 (stmt, 7, sf_deal_get_value (deal)->amount);
  sf_db_bind_text (stmt, 8, sf_deal_get_value (deal)->currency);
  sf_db_bind_int64 (stmt, 9, sf_deal_get_stage (deal));
  sf_db_bind_int64 (stmt, 10, sf_deal_get_status (deal));
  sf_db_bind_text (stmt, 11, sf_deal_get_lost_reason (deal));
  sf_db_bind_text (stmt, 12, sf_deal_get_lost_note (deal));
  sf_store_bind_date (stmt, 13, sf_deal_get_expected_close (deal));
  if (sf_deal_get_probability (deal) >= 0)
    sf_db_bind_int64 (stmt, 14, sf_deal_get_probability (deal));
  sf_db_bind_text (stmt, 15, sf_deal_get_notes (deal) ? sf_deal_get_notes (deal) : "");
  sf_db_bind_int64 (stmt, 16, created);
  sf_db_bind_int64 (stmt, 17, now);
  sf_db_bind_int64 (stmt, 18, entered);
  if (sf_deal_get_status (deal) == SF_DEAL_STATUS_WON || sf_deal_get_stage (deal) == SF_STAGE_CLOSED)
    sf_db_bind_int64 (stmt, 19, closed);
  if (!sf_db_step_id (stmt, &id, error))
    return FALSE;

  stmt = sf_db_prepare (self->db,
    "INSERT INTO jobs (deal_id, stage, position, key, title, kind, required, done, done_by, done_at) "
    "SELECT CAST(?1 AS BIGINT), stage, position, key, title, kind, required,"
    "  CASE WHEN kind = 0 AND stage < ?2 THEN 1 ELSE 0 END,"
    "  CASE WHEN kind = 0 AND stage < ?2 THEN CAST(?3 AS BIGINT) END,"
    "  CASE WHEN kind = 0 AND stage < ?2 THEN CAST(?4 AS BIGINT) END "
    "FROM template_jobs WHERE hidden = 0 ORDER BY stage, position", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, id);
  sf_db_bind_int64 (stmt, 2, sf_deal_get_stage (deal));
  if (owner_id > 0)
    sf_db_bind_int64 (stmt, 3, owner_id);
  else
    sf_store_bind_actor (self, stmt, 3);
  sf_db_bind_int64 (stmt, 4, entered);
  if (!sf_db_step_done (stmt, error))
    return FALSE;

  /* The first @current_done manual jobs in list order: those with fewer
   * than that many before them. (An IN (… LIMIT) subquery would build a
   * temporary b-tree per deal, and its allocation churn cost more than
   * the rest of the import.) */
  if (item->current_done > 0)
    {
      stmt = sf_db_prepare (self->db,
        "UPDATE jobs SET done = 1, done_by = ?3, done_at = ?4 "
        "WHERE deal_id = ?1 AND stage = ?2 AND kind = 0 AND ("
        "  SELECT count(*) FROM jobs e WHERE e.deal_id = ?1 AND e.stage = ?2 AND e.kind = 0"
        "  AND (e.position < jobs.position OR (e.position = jobs.position AND e.id < jobs.id))"
        ") < ?5", error);
      if (stmt == NULL)
        return FALSE;
      sf_db_bind_int64 (stmt, 1, id);
      sf_db_bind_int64 (stmt, 2, sf_deal_get_stage (deal));
      if (owner_id > 0)
        sf_db_bind_int64 (stmt, 3, owner_id);
      else
        sf_store_bind_actor (self, stmt, 3);
      sf_db_bind_int64 (stmt, 4, entered);
      sf_db_bind_int64 (stmt, 5, item->current_done);
      if (!sf_db_step_done (stmt, error))
        return FALSE;
    }

  /* A deal arriving in Closed is followed up as if it had just closed
   * there, from its own closing day. */
  if (sf_deal_get_stage (deal) == SF_STAGE_CLOSED &&
      !sf_store_schedule_follow_ups (self, id, closed, error))
    return FALSE;

  if (!sf_store_refresh_progress (self, id, error) ||
      !sf_store_history (self, id, created, "created", NULL, NULL, error))
    return FALSE;

  sf_deal_set_id (deal, id);
  return TRUE;
}

/* People by case-folded name, so "anna berg" in a file is Anna Berg. */
static GHashTable *
load_owners (SfStore  *self,
             GError  **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) persons = sf_store_list_persons (self, error);

  if (persons == NULL)
    return NULL;

  /* By id, so the oldest of two people with one name wins. */
  for (guint i = persons->len; i-- > 0;)
    {
      SfPerson *person = g_ptr_array_index (persons, i);
      gint64 id = sf_person_get_id (person);
      char *key = g_utf8_casefold (sf_person_get_name (person), -1);
      gpointer old;

      if (g_hash_table_lookup_extended (owners, key, NULL, &old) && GPOINTER_TO_SIZE (old) < (gsize) id)
        g_free (key);
      else
        g_hash_table_replace (owners, key, GSIZE_TO_POINTER ((gsize) id));
    }

  return g_steal_pointer (&owners);
}

/* The deal's owner id, else the person its owner name names — added as a
 * salesperson when there is none. The deal object is left as it was. */
static gboolean
resolve_owner (SfStore             *self,
               GHashTable          *owners,
               const SfImportItem  *item,
               gint64               now,
               gint64              *out_id,
               GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  SfDbStmt *stmt;
  gpointer id;

  *out_id = sf_deal_get_owner_id (item->deal);
  if (*out_id > 0 || item->owner_name == NULL)
    return TRUE;
  name = g_strstrip (g_strdup (item->owner_name));
  if (*name == '\0')
    return TRUE;

  key = g_utf8_casefold (name, -1);
  if (!g_hash_table_lookup_extended (owners, key, NULL, &id))
    {
      gint64 new_id;

      stmt = sf_db_prepare (self->db,
        "INSERT INTO persons (name, role, created_at) VALUES (?1, 0, ?2) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      sf_db_bind_text (stmt, 1, name);
      sf_db_bind_int64 (stmt, 2, now);
      if (!sf_db_step_id (stmt, &new_id, error))
        return FALSE;
      id = GSIZE_TO_POINTER ((gsize) new_id);
      g_hash_table_insert (owners, g_steal_pointer (&key), id);
    }

  *out_id = (gint64) GPOINTER_TO_SIZE (id);
  return TRUE;
}

static gboolean
cancelled (SfStore  *self,
           GError  **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The import was cancelled; nothing was added"));
  return sf_store_fail (self);
}

static gboolean
import_all (SfStore           *self,
            GHashTable        *owners,
            SfImportNextFunc   next,
            gpointer           next_data,
            guint              n_items,
            SfProgressFunc     progress,
            gpointer           user_data,
            GError           **error)
{
  gint64 now = sf_store_now (self);
  guint done = 0;

  for (;;)
    {
      SfImportItem item = { NULL, 0, NULL };
      g_autoptr(GError) local_error = NULL;
      gint64 owner_id;

      if (!next (&item, next_data, &local_error))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return sf_store_fail (self);
        }

      if (!check_item (&item, done, error) ||
          !resolve_owner (self, owners, &item, now, &owner_id, error) ||
          !insert_one (self, &item, owner_id, now, error))
        return sf_store_fail (self);
      done++;

      if (progress != NULL && done % 512 == 0 && !progress (done, n_items, user_data))
        return cancelled (self, error);
    }

  if (progress != NULL && done % 512 != 0 && !progress (done, n_items, user_data))
    return cancelled (self, error);

  return TRUE;
}

/**
 * sf_store_import_deals_pull:
 * @next: (scope call): gives one deal at a time
 * @n_items: how many @next will give, for @progress; 0 when unknown
 * @progress: (nullable) (scope call): told every few hundred deals
 *
 * The bulk path: stores every deal @next gives in one transaction — all of
 * them or, on any error or a %FALSE from @progress, none. Only one deal
 * need be in memory at a time, so a million rows of a file stream through.
 * Each deal gets its id (after a failure the ids mean nothing); its owner
 * id is left alone, also when the owner was found by name. Call it on
 * a store of its own from a worker thread when there are many.
 */
gboolean
sf_store_import_deals_pull (SfStore          *self,
                            SfImportNextFunc  next,
                            gpointer          next_data,
                            guint             n_items,
                            SfProgressFunc    progress,
                            gpointer          user_data,
                            GError          **error)
{
  g_autoptr(GHashTable) owners = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  if (!sf_store_begin (self, error))
    return FALSE;

  owners = load_owners (self, error);
  if (owners == NULL ||
      !import_all (self, owners, next, next_data, n_items, progress, user_data, error))
    return sf_store_fail (self);

  return sf_store_commit (self, error) || sf_store_fail (self);
}

typedef struct
{
  SfImportItem *items;
  guint n_items;
  guint next;
} ArrayCursor;

static gboolean
next_in_array (SfImportItem  *item,
               gpointer       data,
               GError       **error)
{
  ArrayCursor *cursor = data;

  if (cursor->next >= cursor->n_items)
    return FALSE;

  *item = cursor->items[cursor->next++];
  return TRUE;
}

/**
 * sf_store_import_deals:
 * @items: (array length=n_items): the deals; on success each has its id
 * @progress: (nullable) (scope call): told every few hundred deals
 *
 * Stores many deals in one transaction: all of them or, on any error or a
 * %FALSE from @progress, none. See sf_store_import_deals_pull() for deals
 * that do not all fit in memory.
 */
gboolean
sf_store_import_deals (SfStore         *self,
                       SfImportItem    *items,
                       guint            n_items,
                       SfProgressFunc   progress,
                       gpointer         user_data,
                       GError         **error)
{
  ArrayCursor cursor = { items, n_items, 0 };

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);

  if (sf_store_import_deals_pull (self, next_in_array, &cursor, n_items, progress, user_data, error))
    return TRUE;

  for (guint k = 0; k < n_items; k++)
    sf_deal_set_id (items[k].deal, 0);
  return FALSE;
}
