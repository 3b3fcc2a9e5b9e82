/* sf-store-deals.c — deals, their workflow and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-store-private.h"
#include "sf-workflow.h"

static const char select_deals_sql[] =
  "SELECT " SF_STORE_DEAL_COLUMNS SF_STORE_DEAL_FROM "WHERE d.deleted_at IS NULL ORDER BY d.id";

static const char select_deal_range_sql[] =
  "SELECT " SF_STORE_DEAL_COLUMNS SF_STORE_DEAL_FROM
  "WHERE d.deleted_at IS NULL AND d.id >= ?1 AND d.id < ?2 ORDER BY d.id";

static const char deal_ids_sql[] = "SELECT min(id), max(id) FROM deals";

/* Below this many ids one loader thread is quicker than two. */
#define DEFAULT_LOAD_SPLIT_AT 20000

typedef struct
{
  SfDb *db;                 /* the store's connection: only to open readers */
  guint split_at;
} LoadData;

void
sf_store_set_load_split_at (SfStore *self,
                            guint    n_ids)
{
  self->load_split_at = n_ids;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                       _("The deal no longer exists; it may have been deleted"));
  return FALSE;
}

/* Runs on a loader thread with its own connection, or on the main one:
 * every deal, or those with ids in [@from, @to) when @from < @to. */
static GPtrArray *
read_deals (SfDb    *db,
            gint64   from,
            gint64   to,
            GError **error)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt;
  SfDbStep step;

  stmt = sf_db_prepare (db, from < to ? select_deal_range_sql : select_deals_sql, error);
  if (stmt == NULL)
    return NULL;
  if (from < to)
    {
      sf_db_bind_int64 (stmt, 1, from);
      sf_db_bind_int64 (stmt, 2, to);
    }

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      /* Each deal's search key is folded here too, off the main loop. */
      g_ptr_array_add (deals, sf_store_read_deal (stmt));
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&deals);
}

/**
 * sf_store_list_deals:
 *
 * Returns: (transfer container) (element-type SfDeal): every deal not
 *   deleted, with its current stage's progress, without notes or jobs
 */
GPtrArray *
sf_store_list_deals (SfStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return read_deals (self->db, 0, 0, error);
}

/**
 * sf_store_list_first_deals:
 * @n_ids: how many ids from the first
 *
 * The deals whose ids are among the first @n_ids, as sf_store_list_deals()
 * reads them: a first screenful of the board to show while the rest loads.
 *
 * Returns: (transfer container) (element-type SfDeal): the deals, by id
 */
GPtrArray *
sf_store_list_first_deals (SfStore  *self,
                           guint     n_ids,
                           GError  **error)
{
  SfDbStmt *stmt;
  gint64 first;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  if ((stmt = sf_db_prepare (self->db, deal_ids_sql, error)) == NULL || !sf_db_step_row (stmt, error))
    return NULL;
  first = sf_db_column_int64 (stmt, 0);
  sf_db_reset (stmt);

  return read_deals (self->db, first, first + n_ids, error);
}

typedef struct
{
  SfDb *db;
  gint64 from;
  gint64 to;
  GPtrArray *deals;
  GError *error;
} Part;

static gpointer
read_part (gpointer data)
{
  Part *part = data;
  g_autoptr(SfDb) reader = sf_db_open_reader (part->db, &part->error);

  if (reader != NULL)
    part->deals = read_deals (reader, part->from, part->to, &part->error);
  return NULL;
}

static gboolean
query_id_range (SfDb     *db,
                gint64   *out_min,
                gint64   *out_max,
                GError  **error)
{
  g_autoptr(SfDb) reader = sf_db_open_reader (db, error);
  SfDbStmt *stmt;

  if (reader == NULL || (stmt = sf_db_prepare (reader, deal_ids_sql, error)) == NULL ||
      !sf_db_step_row (stmt, error))
    return FALSE;

  *out_min = sf_db_column_int64 (stmt, 0);
  *out_max = sf_db_column_int64 (stmt, 1);
  sf_db_reset (stmt);
  return TRUE;
}

/* Two threads read the two halves of the ids, each on its own
 * connection; deals are many and each costs more to make than to read,
 * so the second core halves the wait. */
static void
list_deals_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadData *load = task_data;
  Part first = { load->db, 0, 0, NULL, NULL }, second = first;
  GError *error = NULL;
  gint64 min = 0, max = 0;
  GThread *thread = NULL;

  if (!query_id_range (load->db, &min, &max, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (max - min >= load->split_at)
    {
      first.from = min;
      first.to = second.from = min + (max - min) / 2;
      second.to = max + 1;
      thread = g_thread_new ("sf-load", read_part, &first);
    }
  read_part (&second);
  if (thread != NULL)
    g_thread_join (thread);

  if (first.error != NULL || second.error != NULL)
    {
      g_task_return_error (task, first.error ? first.error : second.error);
      g_clear_error (first.error ? &second.error : &first.error);
      g_clear_pointer (&first.deals, g_ptr_array_unref);
      g_clear_pointer (&second.deals, g_ptr_array_unref);
      return;
    }

  if (first.deals != NULL)
    {
      g_ptr_array_extend_and_steal (first.deals, second.deals);
      second.deals = first.deals;
    }
  g_task_return_pointer (task, second.deals, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sf_store_list_deals_async:
 *
 * Reads the deals on worker threads over read-only connections of their
 * own, so the window can draw while a large pipeline loads.
 */
void
sf_store_list_deals_async (SfStore             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (SF_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sf_store_list_deals_async);
  /* The task holds the store, and with it the connection the readers
   * are opened from. */
  load = g_new0 (LoadData, 1);
  load->db = self->db;
  load->split_at = self->load_split_at ? self->load_split_at : DEFAULT_LOAD_SPLIT_AT;
  g_task_set_task_data (task, load, g_free);
  g_task_run_in_thread (task, list_deals_thread);
}

/**
 * sf_store_list_deals_finish:
 *
 * Returns: (transfer container) (element-type SfDeal): the deals
 */
GPtrArray *
sf_store_list_deals_finish (SfStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#define FETCH_DEAL_SQL \
  "SELECT " SF_STORE_DEAL_COLUMNS ", d.notes" SF_STORE_DEAL_FROM \
  "WHERE d.id = ?1 AND d.deleted_at IS NULL"

static const char fetch_deal_sql[] = FETCH_DEAL_SQL;

/* The read that begins an action. In SQLite, BEGIN IMMEDIATE has taken
 * the write lock and keeps every other writer out; PostgreSQL locks the
 * deal's row, so two people's actions on one deal run one after the
 * other, each reading what the other committed. */
static const SfDbText fetch_deal_for_update_sql = { {
  [SF_DB_ENGINE_SQLITE] = FETCH_DEAL_SQL,
  [SF_DB_ENGINE_POSTGRES] = FETCH_DEAL_SQL " FOR UPDATE OF d",
} };

static SfDeal *
read_one_deal (SfDbStmt  *stmt,
               gint64     deal_id,
               GError   **error)
{
  SfDeal *deal = NULL;
  SfDbStep step;

  sf_db_bind_int64 (stmt, 1, deal_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    {
      deal = sf_store_read_deal (stmt);
      sf_deal_set_notes (deal, sf_db_column_text (stmt, 22));
    }
  sf_db_reset (stmt);

  if (step == SF_DB_DONE)
    set_not_found (error);

  return deal;
}

/**
 * sf_store_fetch_deal:
 *
 * Reads one live deal with its notes, as committed (or as the current
 * transaction sees it).
 *
 * Returns: (transfer full) (nullable): the deal
 */
SfDeal *
sf_store_fetch_deal (SfStore  *self,
                     gint64    deal_id,
                     GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db, fetch_deal_sql, error);

  return stmt ? read_one_deal (stmt, deal_id, error) : NULL;
}

/**
 * sf_store_begin_on_deal:
 *
 * Begins an action on a deal: starts the transaction and reads the deal as
 * committed, locked against other writers until the action ends. On
 * failure nothing is left open.
 *
 * Returns: (transfer full) (nullable): the deal as committed
 */
SfDeal *
sf_store_begin_on_deal (SfStore  *self,
                        gint64    deal_id,
                        GError  **error)
{
  SfDbStmt *stmt;
  SfDeal *fresh = NULL;

  if (!sf_store_begin (self, error))
    return NULL;

  stmt = sf_db_prepare_text (self->db, &fetch_deal_for_update_sql, error);
  if (stmt != NULL)
    fresh = read_one_deal (stmt, deal_id, error);
  if (fresh == NULL)
    sf_store_rollback (self);

  return fresh;
}

/**
 * sf_store_get_deal:
 *
 * Returns: (transfer full) (nullable): the deal as committed
 */
SfDeal *
sf_store_get_deal (SfStore  *self,
                   gint64    deal_id,
                   GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  return sf_store_fetch_deal (self, deal_id, error);
}

/**
 * sf_store_commit_deal:
 *
 * Ends an action: reads the deal back inside the transaction, commits, and
 * only then updates @deal, so the objects never show what the file lacks.
 * On failure the transaction is rolled back.
 */
gboolean
sf_store_commit_deal (SfStore  *self,
                      SfDeal   *deal,
                      GError  **error)
{
  g_autoptr(SfDeal) fresh = sf_store_fetch_deal (self, sf_deal_get_id (deal), error);

  if (fresh == NULL || !sf_store_commit (self, error))
    {
      sf_store_rollback (self);
      return FALSE;
    }

  sf_deal_assign (deal, fresh);
  return TRUE;
}

/**
 * sf_store_refresh_progress:
 *
 * Recounts the done and required jobs of the deal's current stage into the
 * deal row, so the pipeline loads without reading any job.
 */
gboolean
sf_store_refresh_progress (SfStore  *self,
                           gint64    deal_id,
                           GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE deals SET "
    "  progress_done = (SELECT count(*) FROM jobs j WHERE j.deal_id = deals.id"
    "                   AND j.stage = deals.stage AND j.required <> 0 AND j.done <> 0),"
    "  progress_required = (SELECT count(*) FROM jobs j WHERE j.deal_id = deals.id"
    "                       AND j.stage = deals.stage AND j.required <> 0) "
    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  return sf_db_step_done (stmt, error);
}

/**
 * sf_store_touch_deal:
 *
 * Inside an action that changed a deal's jobs: marks the deal changed at
 * @now and recounts its progress.
 */
gboolean
sf_store_touch_deal (SfStore  *self,
                     gint64    deal_id,
                     gint64    now,
                     GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE deals SET updated_at = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, now);
  return sf_db_step_done (stmt, error) &&
         sf_store_refresh_progress (self, deal_id, error);
}

static gboolean
check_new_deal (SfDeal  *deal,
                GError **error)
{
  const SfMoney *value = sf_deal_get_value (deal);

  if (!sf_workflow_check_title (sf_deal_get_title (deal), error) ||
      !sf_workflow_check_line (sf_deal_get_customer (deal), error) ||
      !sf_workflow_check_line (sf_deal_get_contact_name (deal), error) ||
      !sf_workflow_check_line (sf_deal_get_contact_email (deal), error) ||
      !sf_workflow_check_line (sf_deal_get_contact_phone (deal), error) ||
      !sf_workflow_check_email (sf_deal_get_contact_email (deal), error))
    return FALSE;

  if (!sf_currency_is_known (value->currency))
    {
      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                   /* Translators: %s is what was given as a currency code */
                   _("“%s” is not a known currency code"), value->currency);
      return FALSE;
    }

  return TRUE;
}

/**
 * sf_store_create_deal:
 * @deal: a new deal; on success it has its id and the stored values
 *
 * Stores a new deal in Prospect with the checklist template's jobs.
 */
gboolean
sf_store_create_deal (SfStore  *self,
                      SfDeal   *deal,
                      GError  **error)
{
  SfDbStmt *stmt;
  gint64 now, id;
  g_autoptr(SfDeal) fresh = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sf_deal_get_id (deal) == 0, FALSE);

  if (!check_new_deal (deal, error))
    return FALSE;

  now = sf_store_now (self);
  if (!sf_store_begin (self, error))
    return FALSE;

  stmt = sf_db_prepare (self->db,
    "INSERT INTO deals (title, customer, contact_name, contact_email, contact_phone,"
    "  owner_id, value, currency, expected_close, probability, notes,"
    "  created_at, updated_at, stage_entered_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?12) RETURNING id", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_text (stmt, 1, g_strstrip (strdupa (sf_deal_get_title (deal))));
  sf_db_bind_text (stmt, 2, sf_deal_get_customer (deal));
  sf_db_bind_text (stmt, 3, sf_deal_get_contact_name (deal));
  sf_db_bind_text (stmt, 4, sf_deal_get_contact_email (deal));
  sf_db_bind_text (stmt, 5, sf_deal_get_contact_phone (deal));
  if (sf_deal_get_owner_id (deal) > 0)
    sf_db_bind_int64 (stmt, 6, sf_deal_get_owner_id (deal));
  sf_db_bind_int64 (stmt, 7, sf_deal_get_value (deal)->amount);
  sf_db_bind_text (stmt, 8, sf_deal_get_value (deal)->currency);
  sf_store_bind_date (stmt, 9, sf_deal_get_expected_close (deal));
  if (sf_deal_get_probability (deal) >= 0)
    sf_db_bind_int64 (stmt, 10, sf_deal_get_probability (deal));
  sf_db_bind_text (stmt, 11, sf_deal_get_notes (deal) ? sf_deal_get_notes (deal) : "");
  sf_db_bind_int64 (stmt, 12, now);
  if (!sf_db_step_id (stmt, &id, error))
    return sf_store_fail (self);

  stmt = sf_db_prepare (self->db,
    "INSERT INTO jobs (deal_id, stage, position, key, title, kind, required) "
    "SELECT CAST(?1 AS BIGINT), stage, position, key, title, kind, required FROM template_jobs "
    "WHERE hidden = 0 ORDER BY stage, position", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, id);
  if (!sf_db_step_done (stmt, error) ||
      !sf_store_refresh_progress (self, id, error) ||
      !sf_store_history (self, id, now, "created", NULL, NULL, error))
    return sf_store_fail (self);

  fresh = sf_store_fetch_deal (self, id, error);
  if (fresh == NULL || !sf_store_commit (self, error))
    return sf_store_fail (self);

  sf_deal_assign (deal, fresh);
  return TRUE;
}

static const struct {
  const char *history_field;
  const char *sql;
} text_fields[] = {
  [SF_DEAL_FIELD_TITLE] = { "title",
    "UPDATE deals SET title = ?2, updated_at = ?3 WHERE id = ?1" },
  [SF_DEAL_FIELD_CUSTOMER] = { "customer",
    "UPDATE deals SET customer = ?2, updated_at = ?3 WHERE id = ?1" },
  [SF_DEAL_FIELD_CONTACT_NAME] = { "contact-name",
    "UPDATE deals SET contact_name = ?2, updated_at = ?3 WHERE id = ?1" },
  [SF_DEAL_FIELD_CONTACT_EMAIL] = { "contact-email",
    "UPDATE deals SET contact_email = ?2, updated_at = ?3 WHERE id = ?1" },
  [SF_DEAL_FIELD_CONTACT_PHONE] = { "contact-phone",
    "UPDATE deals SET contact_phone = ?2, updated_at = ?3 WHERE id = ?1" },
  [SF_DEAL_FIELD_NOTES] = { "notes",
    "UPDATE deals SET notes = ?2, updated_at = ?3 WHERE id = ?1" },
};

static const char *
get_text_field (SfDeal      *deal,
                SfDealField  field)
{
  switch (field)
    {
    case SF_DEAL_FIELD_TITLE: return sf_deal_get_title (deal);
    case SF_DEAL_FIELD_CUSTOMER: return sf_deal_get_customer (deal);
    case SF_DEAL_FIELD_CONTACT_NAME: return sf_deal_get_contact_name (deal);
    case SF_DEAL_FIELD_CONTACT_EMAIL: return sf_deal_get_contact_email (deal);
    case SF_DEAL_FIELD_CONTACT_PHONE: return sf_deal_get_contact_phone (deal);
    case SF_DEAL_FIELD_NOTES: return sf_deal_get_notes (deal);
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * sf_store_set_deal_text:
 * @text: (nullable): the new text; leading and trailing space is dropped
 *
 * Changes one free-text field. The title must not be empty and an e-mail
 * address must look like one.
 */
gboolean
sf_store_set_deal_text (SfStore      *self,
                        SfDeal       *deal,
                        SfDealField   field,
                        const char   *text,
                        GError      **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *value = NULL;
  const char *old;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (field <= SF_DEAL_FIELD_NOTES, FALSE);

  value = g_strstrip (g_strdup (text ? text : ""));
  if (field == SF_DEAL_FIELD_NOTES)
    {
      g_free (value);
      value = g_strdup (text ? text : "");
    }

  if ((field == SF_DEAL_FIELD_TITLE && !sf_workflow_check_title (value, error)) ||
      (field != SF_DEAL_FIELD_NOTES && !sf_workflow_check_line (value, error)) ||
      (field == SF_DEAL_FIELD_CONTACT_EMAIL && !sf_workflow_check_email (value, error)))
    return FALSE;

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);

  old = get_text_field (fresh, field);
  if (g_strcmp0 (old ? old : "", value) == 0)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db, text_fields[field].sql, error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  if (*value == '\0' && field != SF_DEAL_FIELD_CUSTOMER && field != SF_DEAL_FIELD_NOTES)
    sf_db_bind_null (stmt, 2);
  else
    sf_db_bind_text (stmt, 2, value);
  sf_db_bind_int64 (stmt, 3, now);

  if (!sf_db_step_done (stmt, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, text_fields[field].history_field,
                         field == SF_DEAL_FIELD_NOTES ? NULL : old,
                         field == SF_DEAL_FIELD_NOTES ? NULL : value, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

static char *
money_record (const SfMoney *money)
{
  g_autofree char *plain = sf_money_to_plain_string (money);

  return g_strdup_printf ("%s %s", plain, money->currency);
}

/**
 * sf_store_set_deal_value:
 *
 * Changes what the deal is worth. The value is part of the pricing a
 * manager approves: it is locked while the pricing waits for approval,
 * and a change voids an approved pricing.
 */
gboolean
sf_store_set_deal_value (SfStore        *self,
                         SfDeal         *deal,
                         const SfMoney  *value,
                         GError        **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *old_text = NULL, *new_text = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!sf_currency_is_known (value->currency))
    {
      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                   _("“%s” is not a known currency code"), value->currency);
      return FALSE;
    }

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);
  if (sf_money_equal (sf_deal_get_value (fresh), value))
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }
  if (!sf_store_check_figures_unlocked (self, sf_deal_get_id (fresh), SF_APPROVAL_KIND_PRICING,
                                        error))
    return sf_store_fail (self);

  now = sf_store_now (self);
  old_text = money_record (sf_deal_get_value (fresh));
  new_text = money_record (value);
  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET value = ?2, currency = ?3, updated_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_db_bind_int64 (stmt, 2, value->amount);
  sf_db_bind_text (stmt, 3, value->currency);
  sf_db_bind_int64 (stmt, 4, now);

  if (!sf_db_step_done (stmt, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "value", old_text, new_text, error) ||
      !sf_store_void_if_changed (self, sf_deal_get_id (fresh), SF_APPROVAL_KIND_PRICING, now,
                                 error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

static char *
person_name (SfStore *self,
             gint64   person_id)
{
  SfDbStmt *stmt;
  char *name = NULL;

  if (person_id <= 0)
    return g_strdup ("—");

  stmt = sf_db_prepare (self->db, "SELECT name FROM persons WHERE id = ?1", NULL);
  if (stmt == NULL)
    return g_strdup ("—");
  sf_db_bind_int64 (stmt, 1, person_id);
  if (sf_db_step (stmt, NULL) == SF_DB_ROW)
    name = g_strdup (sf_db_column_text (stmt, 0));
  sf_db_reset (stmt);

  return name ? name : g_strdup ("—");
}

/* The history of an owner change names both people for the reader and
 * keeps their ids for the sign-off rule (sf_store_get_former_owners()). */
static gboolean
owner_history (SfStore  *self,
               SfDeal   *fresh,
               gint64    owner_id,
               gint64    now,
               GError  **error)
{
  g_autofree char *old_name = person_name (self, sf_deal_get_owner_id (fresh));
  g_autofree char *new_name = person_name (self, owner_id);
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO history (deal_id, at, person_id, field, old_value, new_value,"
    "  old_owner_id, new_owner_id) VALUES (?1, ?2, ?3, 'owner', ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_db_bind_int64 (stmt, 2, now);
  sf_store_bind_actor (self, stmt, 3);
  sf_db_bind_text (stmt, 4, old_name);
  sf_db_bind_text (stmt, 5, new_name);
  if (sf_deal_get_owner_id (fresh) > 0)
    sf_db_bind_int64 (stmt, 6, sf_deal_get_owner_id (fresh));
  if (owner_id > 0)
    sf_db_bind_int64 (stmt, 7, owner_id);

  return sf_db_step_done (stmt, error);
}

/**
 * sf_store_set_deal_owner:
 * @owner_id: a person's id, or 0 for nobody
 *
 * Gives the deal to @owner_id. A standing approval @owner_id gave is
 * voided in the same transaction (sf_store_void_for_owner()).
 */
gboolean
sf_store_set_deal_owner (SfStore  *self,
                         SfDeal   *deal,
                         gint64    owner_id,
                         GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);
  if (sf_deal_get_owner_id (fresh) == owner_id)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET owner_id = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  if (owner_id > 0)
    sf_db_bind_int64 (stmt, 2, owner_id);
  else
    sf_db_bind_null (stmt, 2);
  sf_db_bind_int64 (stmt, 3, now);

  if (!sf_db_step_done (stmt, error) ||
      !owner_history (self, fresh, owner_id, now, error) ||
      !sf_store_void_for_owner (self, sf_deal_get_id (fresh), owner_id, now, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/**
 * sf_store_set_deal_expected_close:
 * @julian_day: the day, or 0 for none
 */
gboolean
sf_store_set_deal_expected_close (SfStore  *self,
                                  SfDeal   *deal,
                                  guint     julian_day,
                                  GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *old_text = NULL, *new_text = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);
  if (sf_deal_get_expected_close (fresh) == julian_day)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  old_text = sf_date_to_iso (sf_deal_get_expected_close (fresh));
  new_text = sf_date_to_iso (julian_day);
  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET expected_close = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_store_bind_date (stmt, 2, julian_day);
  sf_db_bind_int64 (stmt, 3, now);

  if (!sf_db_step_done (stmt, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "expected-close",
                         old_text, new_text, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/**
 * sf_store_set_deal_probability:
 * @percent: 0 to 100, or -1 to follow the stage's default
 */
gboolean
sf_store_set_deal_probability (SfStore  *self,
                               SfDeal   *deal,
                               int       percent,
                               GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autofree char *old_text = NULL, *new_text = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (percent < -1 || percent > 100)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("A probability lies between 0 and 100 percent"));
      return FALSE;
    }

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;
  if (!sf_workflow_check_edit (fresh, error))
    return sf_store_fail (self);
  if (sf_deal_get_probability (fresh) == percent)
    {
      sf_store_rollback (self);
      sf_deal_assign (deal, fresh);
      return TRUE;
    }

  now = sf_store_now (self);
  old_text = g_strdup_printf ("%d", sf_deal_get_probability (fresh));
  new_text = g_strdup_printf ("%d", percent);
  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET probability = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  if (percent >= 0)
    sf_db_bind_int64 (stmt, 2, percent);
  else
    sf_db_bind_null (stmt, 2);
  sf_db_bind_int64 (stmt, 3, now);

  if (!sf_db_step_done (stmt, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "probability",
                         old_text, new_text, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/**
 * sf_store_load_deal_notes:
 *
 * Reads the notes into @deal; the pipeline loads deals without them.
 */
gboolean
sf_store_load_deal_notes (SfStore  *self,
                          SfDeal   *deal,
                          GError  **error)
{
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  stmt = sf_db_prepare (self->db, "SELECT notes FROM deals WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (deal));
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    sf_deal_set_notes (deal, sf_db_column_text (stmt, 0));
  sf_db_reset (stmt);

  if (step == SF_DB_DONE)
    return set_not_found (error);

  return step == SF_DB_ROW;
}

/**
 * sf_store_delete_deal:
 *
 * Deletes a deal so that sf_store_undelete_deal() can bring it back whole:
 * the row stays, marked deleted, with its jobs and history.
 */
gboolean
sf_store_delete_deal (SfStore  *self,
                      SfDeal   *deal,
                      GError  **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db, "UPDATE deals SET deleted_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (fresh));
  sf_db_bind_int64 (stmt, 2, now);
  if (!sf_db_step_done (stmt, error) ||
      !sf_store_history (self, sf_deal_get_id (fresh), now, "deleted", NULL, NULL, error) ||
      !sf_store_commit (self, error))
    return sf_store_fail (self);

  return TRUE;
}

gboolean
sf_store_undelete_deal (SfStore  *self,
                        SfDeal   *deal,
                        GError  **error)
{
  SfDbStmt *stmt;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (!sf_store_begin (self, error))
    return FALSE;

  now = sf_store_now (self);
  stmt = sf_db_prepare (self->db,
    "UPDATE deals SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_deal_get_id (deal));
  if (!sf_db_step_done (stmt, error))
    return sf_store_fail (self);
  if (sf_db_changes (stmt) == 0)
    {
      set_not_found (error);
      return sf_store_fail (self);
    }

  if (!sf_store_history (self, sf_deal_get_id (deal), now, "undeleted", NULL, NULL, error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/* The workflow */

/**
 * sf_store_fetch_jobs:
 *
 * Returns: (transfer container) (element-type SfJob) (nullable): the
 *   deal's jobs in stage and list order
 */
GPtrArray *
sf_store_fetch_jobs (SfStore  *self,
                     gint64    deal_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT " SF_STORE_JOB_COLUMNS " FROM jobs WHERE deal_id = ?1 "
    "ORDER BY stage, position, id", error);
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (jobs, sf_store_read_job (stmt));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&jobs);
}

static gboolean
write_state (SfStore            *self,
             gint64              deal_id,
             const SfDealState  *state,
             gint64              now,
             GError            **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE deals SET stage = ?2, status = ?3, stage_entered_at = ?4, closed_at = ?5,"
    "  lost_reason = ?6, lost_note = ?7, updated_at = ?8 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, state->stage);
  sf_db_bind_int64 (stmt, 3, state->status);
  sf_db_bind_int64 (stmt, 4, state->stage_entered_at);
  if (state->closed_at != 0)
    sf_db_bind_int64 (stmt, 5, state->closed_at);
  sf_db_bind_text (stmt, 6, state->lost_reason);
  sf_db_bind_text (stmt, 7, state->lost_note);
  sf_db_bind_int64 (stmt, 8, now);

  return sf_db_step_done (stmt, error) &&
         sf_store_refresh_progress (self, deal_id, error);
}

/* Writes @to, the follow-ups that entering or leaving Closed brings, and
 * the history rows that tell the change from @from. */
static gboolean
record_state (SfStore            *self,
              SfDeal             *from,
              const SfDealState  *to,
              gint64              now,
              GError            **error)
{
  gint64 id = sf_deal_get_id (from);

  if (!write_state (self, id, to, now, error) ||
      !sf_store_follow_stage (self, id, sf_deal_get_stage (from), to, now, error))
    return FALSE;

  if (to->stage != sf_deal_get_stage (from) &&
      !sf_store_history (self, id, now, "stage", sf_stage_get_key (sf_deal_get_stage (from)),
                         sf_stage_get_key (to->stage), error))
    return FALSE;

  if (to->status == SF_DEAL_STATUS_LOST && sf_deal_get_status (from) != SF_DEAL_STATUS_LOST &&
      !sf_store_history (self, id, now, "lost", NULL, to->lost_reason, error))
    return FALSE;

  if (to->status != SF_DEAL_STATUS_LOST && sf_deal_get_status (from) == SF_DEAL_STATUS_LOST &&
      !sf_store_history (self, id, now, "restored", sf_deal_get_lost_reason (from), NULL, error))
    return FALSE;

  return TRUE;
}

/* The workflow's actions, as move_deal() runs them. */
typedef enum
{
  MOVE_ADVANCE,
  MOVE_BACK,
  MOVE_LOST,
  MOVE_RESTORE,
  MOVE_RETURN,
} Move;

typedef struct
{
  Move move;
  const char *reason;         /* MOVE_BACK, MOVE_LOST */
  const char *note;           /* MOVE_LOST */
  const SfDealState *target;  /* MOVE_RETURN */
} MoveRequest;

/* The rule in src/core/sf-workflow.c that decides where the deal goes. */
static gboolean
move_rule (const MoveRequest  *request,
           SfDeal             *fresh,
           GPtrArray          *jobs,
           gint64              now,
           SfDealState        *out_state,
           GError            **error)
{
  switch (request->move)
    {
    case MOVE_ADVANCE:
      return sf_workflow_advance (fresh, jobs, now, out_state, error);
    case MOVE_BACK:
      return sf_workflow_move_back (fresh, request->reason, now, out_state, error);
    case MOVE_LOST:
      return sf_workflow_mark_lost (fresh, request->reason, request->note, out_state, error);
    case MOVE_RESTORE:
      return sf_workflow_restore (fresh, out_state, error);
    case MOVE_RETURN:
      if (!sf_workflow_check_return (fresh, jobs, request->target, error))
        return FALSE;
      *out_state = *request->target;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Every workflow action, written once: begin; read the deal as committed
 * (locked where the engine needs it), with its jobs when the rule counts
 * them; the rule; the state, its follow-ups and its history rows, and
 * the reason of a move back; commit; and only then update @deal, so the
 * objects never show what the database does not hold. A failure rolls
 * everything back and leaves @deal as it was. The public functions
 * below are its entry points and leave their checks to it. */
static gboolean
move_deal (SfStore            *self,
           SfDeal             *deal,
           const MoveRequest  *request,
           GError            **error)
{
  g_autoptr(SfDeal) fresh = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  SfDealState state;
  gint64 now;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  fresh = sf_store_begin_on_deal (self, sf_deal_get_id (deal), error);
  if (fresh == NULL)
    return FALSE;

  now = sf_store_now (self);
  if (request->move == MOVE_ADVANCE || request->move == MOVE_RETURN)
    {
      jobs = sf_store_fetch_jobs (self, sf_deal_get_id (fresh), error);
      if (jobs == NULL)
        return sf_store_fail (self);
    }

  if (!move_rule (request, fresh, jobs, now, &state, error) ||
      !record_state (self, fresh, &state, now, error))
    return sf_store_fail (self);

  if (request->move == MOVE_BACK &&
      !sf_store_history (self, sf_deal_get_id (fresh), now, "moved-back", NULL,
                         g_strstrip (strdupa (request->reason)), error))
    return sf_store_fail (self);

  return sf_store_commit_deal (self, deal, error);
}

/**
 * sf_store_advance:
 *
 * Moves the deal one stage on, if every required job so far is done.
 */
gboolean
sf_store_advance (SfStore  *self,
                  SfDeal   *deal,
                  GError  **error)
{
  return move_deal (self, deal, &(MoveRequest) { .move = MOVE_ADVANCE }, error);
}

/**
 * sf_store_move_back:
 * @reason: why; recorded in the history
 */
gboolean
sf_store_move_back (SfStore     *self,
                    SfDeal      *deal,
                    const char  *reason,
                    GError     **error)
{
  return move_deal (self, deal, &(MoveRequest) { .move = MOVE_BACK, .reason = reason }, error);
}

/**
 * sf_store_mark_lost:
 * @reason: a lost reason's key or the text of one
 * @note: (nullable): more detail
 */
gboolean
sf_store_mark_lost (SfStore     *self,
                    SfDeal      *deal,
                    const char  *reason,
                    const char  *note,
                    GError     **error)
{
  return move_deal (self, deal,
                    &(MoveRequest) { .move = MOVE_LOST, .reason = reason, .note = note }, error);
}

gboolean
sf_store_restore (SfStore  *self,
                  SfDeal   *deal,
                  GError  **error)
{
  return move_deal (self, deal, &(MoveRequest) { .move = MOVE_RESTORE }, error);
}

/**
 * sf_store_return_to_state:
 * @state: where the deal stood before an action being undone
 *
 * Puts the deal back as it was, within the rules of
 * sf_workflow_check_return(): undo never skips a job.
 */
gboolean
sf_store_return_to_state (SfStore            *self,
                          SfDeal             *deal,
                          const SfDealState  *state,
                          GError            **error)
{
  g_return_val_if_fail (state != NULL, FALSE);

  return move_deal (self, deal, &(MoveRequest) { .move = MOVE_RETURN, .target = state },
                    error);
}

/**
 * sf_store_list_history:
 *
 * Returns: (transfer container) (element-type SfHistoryEntry): the deal's
 *   history, newest first
 */
GPtrArray *
sf_store_list_history (SfStore  *self,
                       gint64    deal_id,
                       GError  **error)
{
  return sf_store_list_history_after (self, deal_id, 0, error);
}

/**
 * sf_store_list_history_after:
 * @after_id: the newest entry known, or 0
 *
 * Returns: (transfer container) (element-type SfHistoryEntry): the deal's
 *   history entries written after @after_id, newest first
 */
GPtrArray *
sf_store_list_history_after (SfStore  *self,
                             gint64    deal_id,
                             gint64    after_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "SELECT h.id, h.deal_id, h.at, h.person_id, p.name, h.field, h.old_value, h.new_value "
    "FROM history h LEFT JOIN persons p ON p.id = h.person_id "
    "WHERE h.deal_id = ?1 AND h.id > ?2 ORDER BY h.id DESC", error);
  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, deal_id);
  sf_db_bind_int64 (stmt, 2, after_id);
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    g_ptr_array_add (entries,
                     sf_history_entry_new (sf_db_column_int64 (stmt, 0),
                                           sf_db_column_int64 (stmt, 1),
                                           sf_db_column_int64 (stmt, 2),
                                           sf_db_column_int64 (stmt, 3),
                                           sf_db_column_text (stmt, 4),
                                           sf_db_column_text (stmt, 5),
                                           sf_db_column_text (stmt, 6),
                                           sf_db_column_text (stmt, 7)));
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}
