/* sf-store-team.c — people and the team's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("Enter a name"));
      return FALSE;
    }

  return sf_workflow_check_line (clean, error);
}

/**
 * sf_store_list_persons:
 *
 * Returns: (transfer container) (element-type SfPerson): everyone, active
 *   or not, by name
 */
GPtrArray *
sf_store_list_persons (SfStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_store_prepare (self,
    "SELECT id, name, role, active, pass_hash IS NOT NULL FROM persons "
    "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int role = sqlite3_column_int (stmt, 2);
      SfPerson *person = sf_person_new (sqlite3_column_int64 (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        sf_role_is_valid (role) ? role : SF_ROLE_SALES,
                                        sqlite3_column_int (stmt, 3) != 0);

      sf_person_set_has_passphrase (person, sqlite3_column_int (stmt, 4) != 0);
      g_ptr_array_add (persons, person);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sf_store_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&persons);
}

/**
 * sf_store_add_person:
 *
 * Returns: (transfer full) (nullable): the new person
 */
SfPerson *
sf_store_add_person (SfStore     *self,
                     const char  *name,
                     SfRole       role,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (sf_role_is_valid (role), NULL);

  if (!check_name (name, error))
    return NULL;
  clean = g_strstrip (g_strdup (name));

  if (!sf_store_begin (self, error))
    return NULL;
  stmt = sf_store_prepare (self,
    "INSERT INTO persons (name, role, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    {
      fail (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, role);
  sqlite3_bind_int64 (stmt, 3, sf_store_now (self));
  if (!sf_store_step_done (self, stmt, error))
    {
      fail (self);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!sf_store_commit (self, error))
    {
      fail (self);
      return NULL;
    }

  return sf_person_new (id, clean, role, TRUE);
}

static gboolean
update_person (SfStore     *self,
               const char  *sql,
               gint64       id,
               const char  *text,
               int          number,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (!sf_store_begin (self, error))
    return FALSE;
  stmt = sf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int (stmt, 2, number);
  if (!sf_store_step_done (self, stmt, error))
    return fail (self);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                           _("The person no longer exists"));
      return fail (self);
    }

  return sf_store_commit (self, error) || fail (self);
}

gboolean
sf_store_rename_person (SfStore     *self,
                        SfPerson    *person,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);

  if (!check_name (name, error))
    return FALSE;
  clean = g_strstrip (g_strdup (name));

  if (!update_person (self, "UPDATE persons SET name = ?2 WHERE id = ?1",
                      sf_person_get_id (person), clean, 0, error))
    return FALSE;

  sf_person_set_name (person, clean);
  return TRUE;
}

gboolean
sf_store_set_person_active (SfStore   *self,
                            SfPerson  *person,
                            gboolean   active,
                            GError   **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);

  if (!update_person (self, "UPDATE persons SET active = ?2 WHERE id = ?1",
                      sf_person_get_id (person), NULL, !!active, error))
    return FALSE;

  sf_person_set_active (person, active);
  return TRUE;
}

/**
 * sf_store_get_stage_probabilities:
 * @probabilities: (out caller-allocates) (array fixed-size=6): per stage
 */
gboolean
sf_store_get_stage_probabilities (SfStore  *self,
                                  int      *probabilities,
                                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (probabilities != NULL, FALSE);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    probabilities[s] = sf_stage_get_default_probability (s);

  stmt = sf_store_prepare (self, "SELECT stage, probability FROM stage_settings", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int stage = sqlite3_column_int (stmt, 0);

      if (sf_stage_is_valid (stage))
        probabilities[stage] = CLAMP (sqlite3_column_int (stmt, 1), 0, 100);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sf_store_set_error (error, self->db, rc);

  return TRUE;
}

gboolean
sf_store_set_stage_probability (SfStore  *self,
                                SfStage   stage,
                                int       percent,
                                GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (sf_stage_is_valid (stage), FALSE);

  if (percent < 0 || percent > 100)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID,
                           _("A probability lies between 0 and 100 percent"));
      return FALSE;
    }

  if (!sf_store_begin (self, error))
    return FALSE;
  stmt = sf_store_prepare (self,
    "INSERT INTO stage_settings (stage, probability) VALUES (?1, ?2) "
    "ON CONFLICT (stage) DO UPDATE SET probability = excluded.probability", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int (stmt, 1, stage);
  sqlite3_bind_int (stmt, 2, percent);
  if (!sf_store_step_done (self, stmt, error) || !sf_store_commit (self, error))
    return fail (self);

  return TRUE;
}
