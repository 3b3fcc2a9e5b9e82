/* sf-store-template.c — the checklist template and the lost reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists with the same rules live in two tables; each statement exists
 * once per table (static text, chosen by the list), never pasted together.
 * Changes to the template apply to deals created afterwards; existing deals
 * keep the checklist they were given.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-store-private.h"
#include "sf-workflow.h"

/* ?1 is the entry's value (id, title, position) and ?2 its stage, which
 * only the checklist has. */
static const struct {
  const char *select_all;
  const char *select_visible;
  const char *insert;
  const char *rename;
  const char *set_hidden;
  const char *delete;
  const char *neighbour_up;
  const char *neighbour_down;
  const char *set_position;
} sql[] = {
  [SF_TEMPLATE_LIST_CHECKLIST] = {
    "SELECT id, stage, position, key, title, kind, required, hidden FROM template_jobs "
    "ORDER BY stage, position, id",
    "SELECT id, stage, position, key, title, kind, required, hidden FROM template_jobs "
    "WHERE hidden = 0 ORDER BY stage, position, id",
    "INSERT INTO template_jobs (stage, position, title, kind, required) "
    "VALUES (?2, (SELECT coalesce(max(position), -1) + 1 FROM template_jobs WHERE stage = ?2), ?1, 0, 1) "
    "RETURNING id",
    "UPDATE template_jobs SET title = ?2 WHERE id = ?1",
    "UPDATE template_jobs SET hidden = ?2 WHERE id = ?1",
    "DELETE FROM template_jobs WHERE id = ?1 AND key IS NULL",
    "SELECT id, position FROM template_jobs WHERE position < ?1 AND stage = ?2 "
    "ORDER BY position DESC LIMIT 1",
    "SELECT id, position FROM template_jobs WHERE position > ?1 AND stage = ?2 "
    "ORDER BY position LIMIT 1",
    "UPDATE template_jobs SET position = ?2 WHERE id = ?1",
  },
  [SF_TEMPLATE_LIST_LOST_REASONS] = {
    "SELECT id, -1, position, key, title, 0, 1, hidden FROM lost_reasons ORDER BY position, id",
    "SELECT id, -1, position, key, title, 0, 1, hidden FROM lost_reasons WHERE hidden = 0 "
    "ORDER BY position, id",
    "INSERT INTO lost_reasons (position, title) "
    "VALUES ((SELECT coalesce(max(position), -1) + 1 FROM lost_reasons), ?1) "
    "RETURNING id",
    "UPDATE lost_reasons SET title = ?2 WHERE id = ?1",
    "UPDATE lost_reasons SET hidden = ?2 WHERE id = ?1",
    "DELETE FROM lost_reasons WHERE id = ?1 AND key IS NULL",
    "SELECT id, position FROM lost_reasons WHERE position < ?1 "
    "ORDER BY position DESC LIMIT 1",
    "SELECT id, position FROM lost_reasons WHERE position > ?1 "
    "ORDER BY position LIMIT 1",
    "UPDATE lost_reasons SET position = ?2 WHERE id = ?1",
  },
};

/* Only the checklist is kept by stage: the lost reasons' statements have
 * no parameter for it. */
static void
bind_stage (SfDbStmt        *stmt,
            SfTemplateList   list,
            int              index,
            SfStage          stage)
{
  if (list == SF_TEMPLATE_LIST_CHECKLIST)
    sf_db_bind_int64 (stmt, index, stage);
}

/**
 * sf_store_list_template:
 * @include_hidden: %TRUE for Preferences, %FALSE for what is offered
 *
 * Returns: (transfer container) (element-type SfTemplateEntry): the list
 */
GPtrArray *
sf_store_list_template (SfStore         *self,
                        SfTemplateList   list,
                        gboolean         include_hidden,
                        GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (list <= SF_TEMPLATE_LIST_LOST_REASONS, NULL);

  stmt = sf_db_prepare (self->db, include_hidden ? sql[list].select_all : sql[list].select_visible,
                           error);
  if (stmt == NULL)
    return NULL;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      int stage = sf_db_column_int64 (stmt, 1);
      int kind = sf_db_column_int64 (stmt, 5);

      g_ptr_array_add (entries,
                       sf_template_entry_new (list,
                                              sf_db_column_int64 (stmt, 0),
                                              sf_stage_is_valid (stage) ? stage : SF_STAGE_PROSPECT,
                                              sf_db_column_int64 (stmt, 2),
                                              sf_db_column_text (stmt, 3),
                                              sf_db_column_text (stmt, 4),
                                              sf_job_kind_is_valid (kind) ? kind : SF_JOB_KIND_MANUAL,
                                              sf_db_column_int64 (stmt, 6) != 0,
                                              sf_db_column_int64 (stmt, 7) != 0));
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/* Runs one prepared statement with (id, value) as one action. */
static gboolean
update_entry (SfStore     *self,
              const char  *statement,
              gint64       id,
              const char  *text,
              int          number,
              GError     **error)
{
  SfDbStmt *stmt;

  if (!sf_store_begin (self, error))
    return FALSE;
  stmt = sf_db_prepare (self->db, statement, error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sf_db_bind_text (stmt, 2, text);
  else if (number >= 0)
    sf_db_bind_int64 (stmt, 2, number);
  if (!sf_db_step_done (stmt, error))
    return sf_store_fail (self);
  if (sf_db_changes (stmt) == 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists"));
      return sf_store_fail (self);
    }

  return sf_store_commit (self, error) || sf_store_fail (self);
}

/**
 * sf_store_add_template_entry:
 * @stage: the stage, for the checklist; ignored for lost reasons
 *
 * Returns: (transfer full) (nullable): the new entry, last in its list
 */
SfTemplateEntry *
sf_store_add_template_entry (SfStore         *self,
                             SfTemplateList   list,
                             SfStage          stage,
                             const char      *title,
                             GError         **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) all = NULL;
  SfDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (list <= SF_TEMPLATE_LIST_LOST_REASONS, NULL);

  if (!sf_workflow_check_title (title, error))
    return NULL;
  clean = g_strstrip (g_strdup (title));

  if (!sf_store_begin (self, error))
    return NULL;
  stmt = sf_db_prepare (self->db, sql[list].insert, error);
  if (stmt != NULL)
    {
      sf_db_bind_text (stmt, 1, clean);
      bind_stage (stmt, list, 2, stage);
    }
  if (stmt == NULL || !sf_db_step_id (stmt, &id, error) || !sf_store_commit (self, error))
    {
      sf_store_fail (self);
      return NULL;
    }

  all = sf_store_list_template (self, list, TRUE, error);
  for (guint i = 0; all && i < all->len; i++)
    if (sf_template_entry_get_id (g_ptr_array_index (all, i)) == id)
      return g_object_ref (g_ptr_array_index (all, i));

  return NULL;
}

/**
 * sf_store_rename_template_entry:
 * @title: (nullable): the new text; empty gives a built-in entry back its
 *   translated name
 */
gboolean
sf_store_rename_template_entry (SfStore          *self,
                                SfTemplateEntry  *entry,
                                const char       *title,
                                GError          **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  SfTemplateList list;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (entry), FALSE);

  list = sf_template_entry_get_list (entry);
  if (*clean == '\0' && sf_template_entry_get_key (entry) == NULL)
    return sf_workflow_check_title (clean, error);

  if (*clean == '\0')
    {
      /* Back to the built-in, translated name. */
      SfDbStmt *stmt;

      if (!sf_store_begin (self, error))
        return FALSE;
      stmt = sf_db_prepare (self->db, sql[list].rename, error);
      if (stmt == NULL)
        return sf_store_fail (self);
      sf_db_bind_int64 (stmt, 1, sf_template_entry_get_id (entry));
      sf_db_bind_null (stmt, 2);
      if (!sf_db_step_done (stmt, error))
        return sf_store_fail (self);
      return sf_store_commit (self, error) || sf_store_fail (self);
    }

  return update_entry (self, sql[list].rename, sf_template_entry_get_id (entry), clean, -1, error);
}

/* Goes by the kind stored, not the caller's object, which may claim an
 * approval job is a plain one; a row's kind never changes. */
static gboolean
check_manual (SfStore          *self,
              SfTemplateEntry  *entry,
              GError          **error)
{
  SfDbStmt *stmt;
  int kind = SF_JOB_KIND_MANUAL;
  SfDbStep step;

  if (sf_template_entry_get_list (entry) != SF_TEMPLATE_LIST_CHECKLIST)
    return TRUE;

  stmt = sf_db_prepare (self->db, "SELECT kind FROM template_jobs WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, sf_template_entry_get_id (entry));
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    kind = sf_db_column_int64 (stmt, 0);
  sf_db_reset (stmt);
  if (step == SF_DB_ERROR)
    return FALSE;

  if (kind != SF_JOB_KIND_MANUAL)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("Approvals and the satisfaction verdict are always required"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sf_store_set_template_entry_required (SfStore          *self,
                                      SfTemplateEntry  *entry,
                                      gboolean          required,
                                      GError          **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (entry), FALSE);
  g_return_val_if_fail (sf_template_entry_get_list (entry) == SF_TEMPLATE_LIST_CHECKLIST, FALSE);

  if (!check_manual (self, entry, error))
    return FALSE;

  return update_entry (self, "UPDATE template_jobs SET required = ?2 WHERE id = ?1",
                       sf_template_entry_get_id (entry), NULL, !!required, error);
}

gboolean
sf_store_set_template_entry_hidden (SfStore          *self,
                                    SfTemplateEntry  *entry,
                                    gboolean          hidden,
                                    GError          **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (entry), FALSE);

  if (!check_manual (self, entry, error))
    return FALSE;

  return update_entry (self, sql[sf_template_entry_get_list (entry)].set_hidden,
                       sf_template_entry_get_id (entry), NULL, !!hidden, error);
}

/**
 * sf_store_remove_template_entry:
 *
 * Removes an entry the team added; built-in ones can only be hidden.
 */
gboolean
sf_store_remove_template_entry (SfStore          *self,
                                SfTemplateEntry  *entry,
                                GError          **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (entry), FALSE);

  if (sf_template_entry_get_key (entry) != NULL)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("Built-in entries can be hidden but not removed"));
      return FALSE;
    }

  return update_entry (self, sql[sf_template_entry_get_list (entry)].delete,
                       sf_template_entry_get_id (entry), NULL, -1, error);
}

/**
 * sf_store_move_template_entry:
 * @delta: -1 to move up, 1 to move down
 *
 * Swaps the entry with its neighbour in the same stage; at either end it
 * stays where it is.
 */
gboolean
sf_store_move_template_entry (SfStore          *self,
                              SfTemplateEntry  *entry,
                              int               delta,
                              GError          **error)
{
  SfTemplateList list;
  SfDbStmt *stmt;
  gint64 other_id;
  int other_position;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (entry), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  list = sf_template_entry_get_list (entry);
  if (!sf_store_begin (self, error))
    return FALSE;

  stmt = sf_db_prepare (self->db, delta < 0 ? sql[list].neighbour_up : sql[list].neighbour_down,
                        error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_template_entry_get_position (entry));
  bind_stage (stmt, list, 2, sf_template_entry_get_stage (entry));
  step = sf_db_step (stmt, error);
  if (step == SF_DB_DONE)
    {
      sf_db_reset (stmt);
      sf_store_rollback (self);
      return TRUE;
    }
  if (step == SF_DB_ERROR)
    {
      sf_db_reset (stmt);
      return sf_store_fail (self);
    }
  other_id = sf_db_column_int64 (stmt, 0);
  other_position = sf_db_column_int64 (stmt, 1);
  sf_db_reset (stmt);

  stmt = sf_db_prepare (self->db, sql[list].set_position, error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, other_id);
  sf_db_bind_int64 (stmt, 2, sf_template_entry_get_position (entry));
  if (!sf_db_step_done (stmt, error))
    return sf_store_fail (self);
  sf_db_reset (stmt);
  sf_db_bind_int64 (stmt, 1, sf_template_entry_get_id (entry));
  sf_db_bind_int64 (stmt, 2, other_position);
  if (!sf_db_step_done (stmt, error))
    return sf_store_fail (self);

  return sf_store_commit (self, error) || sf_store_fail (self);
}
