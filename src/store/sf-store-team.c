/* sf-store-team.c — people and the team's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-store-private.h"
#include "sf-workflow.h"

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
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  stmt = sf_db_prepare (self->db,
    "SELECT id, name, role, active, CASE WHEN pass_hash IS NOT NULL THEN 1 ELSE 0 END "
    "FROM persons ORDER BY lower(name), id", error);
  if (stmt == NULL)
    return NULL;

  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      int role = sf_db_column_int64 (stmt, 2);
      SfPerson *person = sf_person_new (sf_db_column_int64 (stmt, 0),
                                        sf_db_column_text (stmt, 1),
                                        sf_role_is_valid (role) ? role : SF_ROLE_SALES,
                                        sf_db_column_int64 (stmt, 3) != 0);

      sf_person_set_has_passphrase (person, sf_db_column_int64 (stmt, 4) != 0);
      g_ptr_array_add (persons, person);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return NULL;

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
  SfDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (sf_role_is_valid (role), NULL);

  if (!check_name (name, error))
    return NULL;
  clean = g_strstrip (g_strdup (name));

  if (!sf_store_begin (self, error))
    return NULL;
  stmt = sf_db_prepare (self->db,
    "INSERT INTO persons (name, role, created_at) VALUES (?1, ?2, ?3) RETURNING id", error);
  if (stmt != NULL)
    {
      sf_db_bind_text (stmt, 1, clean);
      sf_db_bind_int64 (stmt, 2, role);
      sf_db_bind_int64 (stmt, 3, sf_store_now (self));
    }
  if (stmt == NULL || !sf_db_step_id (stmt, &id, error) || !sf_store_commit (self, error))
    {
      sf_store_fail (self);
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
  SfDbStmt *stmt;

  if (!sf_store_begin (self, error))
    return FALSE;
  stmt = sf_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sf_db_bind_text (stmt, 2, text);
  else
    sf_db_bind_int64 (stmt, 2, number);
  if (!sf_db_step_done (stmt, error))
    return sf_store_fail (self);
  if (sf_db_changes (stmt) == 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                           _("The person no longer exists"));
      return sf_store_fail (self);
    }

  return sf_store_commit (self, error) || sf_store_fail (self);
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
  SfDbStmt *stmt;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (probabilities != NULL, FALSE);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    probabilities[s] = sf_stage_get_default_probability (s);

  stmt = sf_db_prepare (self->db, "SELECT stage, probability FROM stage_settings", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = sf_db_step (stmt, error)) == SF_DB_ROW)
    {
      int stage = sf_db_column_int64 (stmt, 0);

      if (sf_stage_is_valid (stage))
        probabilities[stage] = CLAMP (sf_db_column_int64 (stmt, 1), 0, 100);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_ERROR)
    return FALSE;

  return TRUE;
}

gboolean
sf_store_set_stage_probability (SfStore  *self,
                                SfStage   stage,
                                int       percent,
                                GError  **error)
{
  SfDbStmt *stmt;

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
  stmt = sf_db_prepare (self->db,
    "INSERT INTO stage_settings (stage, probability) VALUES (?1, ?2) "
    "ON CONFLICT (stage) DO UPDATE SET probability = excluded.probability", error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, stage);
  sf_db_bind_int64 (stmt, 2, percent);
  if (!sf_db_step_done (stmt, error) || !sf_store_commit (self, error))
    return sf_store_fail (self);

  return TRUE;
}
