/* sf-store-passphrase.c — managers' passphrases and the wait after wrong ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only a hash is stored: libsodium's crypto_pwhash_str(), Argon2id with the
 * "interactive" limits, which carries its own salt and parameters. A wrong
 * passphrase is logged in passphrase_failures and counted on the person;
 * from the SF_APPROVAL_FREE_ATTEMPTS-th wrong one in a row each further try
 * must wait longer (sf_approval_get_wait()). The wait is measured with
 * sf_store_now(), never slept, so a refused try costs nothing and tests
 * can move the clock. A right passphrase resets the count.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sf-store-private.h"

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized = 0;
  static gboolean usable = FALSE;

  if (g_once_init_enter (&initialized))
    {
      usable = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  if (!usable)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED,
                           _("Passphrases cannot be checked: the cryptography library failed to start"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sf_store_fetch_person:
 * @out_hash: (out) (optional) (nullable): the stored passphrase hash
 * @out_failures: (out) (optional): wrong passphrases in a row
 * @out_failed_at: (out) (optional): when the last one was typed
 *
 * Reads a person as committed, or as the current transaction sees it.
 *
 * Returns: (transfer full) (nullable): the person
 */
SfPerson *
sf_store_fetch_person (SfStore  *self,
                       gint64    person_id,
                       char    **out_hash,
                       guint    *out_failures,
                       gint64   *out_failed_at,
                       GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "SELECT name, role, active, pass_hash, pass_failures, coalesce(pass_failed_at, 0) "
    "FROM persons WHERE id = ?1", error);
  SfPerson *person = NULL;
  SfDbStep step;

  if (stmt == NULL)
    return NULL;

  sf_db_bind_int64 (stmt, 1, person_id);
  step = sf_db_step (stmt, error);
  if (step == SF_DB_ROW)
    {
      int role = sf_db_column_int64 (stmt, 1);

      person = sf_person_new (person_id, sf_db_column_text (stmt, 0),
                              sf_role_is_valid (role) ? role : SF_ROLE_SALES,
                              sf_db_column_int64 (stmt, 2) != 0);
      sf_person_set_has_passphrase (person, !sf_db_column_is_null (stmt, 3));
      if (out_hash != NULL)
        *out_hash = g_strdup (sf_db_column_text (stmt, 3));
      if (out_failures != NULL)
        *out_failures = MAX ((int) sf_db_column_int64 (stmt, 4), 0);
      if (out_failed_at != NULL)
        *out_failed_at = sf_db_column_int64 (stmt, 5);
    }
  sf_db_reset (stmt);

  if (step == SF_DB_DONE)
    g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND,
                         _("The person no longer exists"));

  return person;
}

/* Logs a wrong passphrase and counts it on the person, then commits: the
 * failure is kept although the action it was for is refused. */
static gboolean
record_failure (SfStore  *self,
                gint64    person_id,
                gint64    request_id,
                gint64    now,
                GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "INSERT INTO passphrase_failures (person_id, at, request_id) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, person_id);
  sf_db_bind_int64 (stmt, 2, now);
  if (request_id > 0)
    sf_db_bind_int64 (stmt, 3, request_id);
  if (!sf_db_step_done (stmt, error))
    return FALSE;

  stmt = sf_db_prepare (self->db,
    "UPDATE persons SET pass_failures = pass_failures + 1, pass_failed_at = ?2 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, person_id);
  sf_db_bind_int64 (stmt, 2, now);

  return sf_db_step_done (stmt, error) && sf_store_commit (self, error);
}

static gboolean
reset_failures (SfStore  *self,
                gint64    person_id,
                GError  **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db,
    "UPDATE persons SET pass_failures = 0, pass_failed_at = NULL "
    "WHERE id = ?1 AND pass_failures <> 0", error);

  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, person_id);
  return sf_db_step_done (stmt, error);
}

/**
 * sf_store_check_passphrase:
 * @request_id: the request being decided, for the log; 0 for none
 *
 * Inside the caller's transaction: refuses a try made too soon after
 * wrong ones, checks @passphrase against the stored hash, and resets the
 * count of wrong ones when it is right. A wrong passphrase is logged and
 * COMMITTED here, and the caller's other writes with it, so call this
 * before writing anything else.
 */
gboolean
sf_store_check_passphrase (SfStore     *self,
                           gint64       person_id,
                           const char  *passphrase,
                           gint64       request_id,
                           gint64       now,
                           GError     **error)
{
  g_autoptr(SfPerson) person = NULL;
  g_autofree char *hash = NULL;
  guint failures = 0;
  gint64 failed_at = 0;

  person = sf_store_fetch_person (self, person_id, &hash, &failures, &failed_at, error);
  if (person == NULL || !ensure_sodium (error))
    return FALSE;

  if (hash == NULL)
    {
      g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_PASSPHRASE,
                           _("This manager has no passphrase yet; set one in Preferences → People"));
      return FALSE;
    }

  if (!sf_approval_check_wait (failures, failed_at, now, error))
    return FALSE;

  if (passphrase == NULL ||
      crypto_pwhash_str_verify (hash, passphrase, strlen (passphrase)) != 0)
    {
      if (!record_failure (self, person_id, request_id, now, error))
        return FALSE;
      g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE,
                           _("The passphrase is not correct"));
      return FALSE;
    }

  return reset_failures (self, person_id, error);
}

/**
 * sf_store_needs_voucher:
 * @person_id: the manager about to get a first passphrase, 0 for a new one
 * @out_needed: (out): whether another manager has a passphrase
 *
 * There is no administrator, so the managers vouch for each other: while
 * any manager has a passphrase, a new manager — or a manager's first
 * passphrase — needs an active one to confirm it with theirs. Otherwise a
 * salesperson could make a manager of their own and sign off their own
 * deals. Deactivated managers count too: anyone may deactivate a person,
 * and deactivating every manager must not open the door. Only the very
 * first manager sets up alone.
 */
gboolean
sf_store_needs_voucher (SfStore   *self,
                        gint64     person_id,
                        gboolean  *out_needed,
                        GError   **error)
{
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_needed != NULL, FALSE);

  stmt = sf_db_prepare (self->db,
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM persons"
    "                         WHERE role = ?1 AND pass_hash IS NOT NULL AND id <> ?2)"
    "  THEN 1 ELSE 0 END", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_bind_int64 (stmt, 1, SF_ROLE_MANAGER);
  sf_db_bind_int64 (stmt, 2, person_id);
  ok = sf_db_step_row (stmt, error);
  if (ok)
    *out_needed = sf_db_column_int64 (stmt, 0) != 0;
  sf_db_reset (stmt);

  return ok;
}

/* Inside the caller's transaction, before it writes anything (a wrong
 * passphrase is logged and committed): the voucher sf_store_needs_voucher()
 * asks for, when it asks for one. */
static gboolean
check_voucher (SfStore     *self,
               gint64       person_id,
               gint64       voucher_id,
               const char  *voucher_passphrase,
               GError     **error)
{
  g_autoptr(SfPerson) voucher = NULL;
  g_autofree char *hash = NULL;
  gboolean needed = FALSE;

  if (!sf_store_needs_voucher (self, person_id, &needed, error))
    return FALSE;
  if (!needed)
    return TRUE;

  /* A wrong passphrase is committed to be counted, which inside someone
   * else's transaction would end it: vouching is an action of its own. */
  if (sf_db_get_depth (self->db) > 1)
    {
      g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER,
                           _("A manager who has a passphrase must confirm this with it"));
      return FALSE;
    }

  if (voucher_id > 0 && voucher_id != person_id)
    voucher = sf_store_fetch_person (self, voucher_id, &hash, NULL, NULL, NULL);
  if (voucher == NULL || sf_person_get_role (voucher) != SF_ROLE_MANAGER || hash == NULL)
    {
      g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER,
                           _("A manager who has a passphrase must confirm this with it"));
      return FALSE;
    }
  if (!sf_person_get_active (voucher))
    {
      g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INACTIVE,
                           _("The manager who confirms has been deactivated"));
      return FALSE;
    }

  return sf_store_check_passphrase (self, voucher_id, voucher_passphrase, 0, sf_store_now (self), error);
}

/* Stores the hash of @new_passphrase, made with the given Argon2id costs,
 * after checking the old passphrase when the person has one, or else the
 * voucher when one is needed (unless the caller has checked it). */
static gboolean
set_passphrase_with (SfStore            *self,
                     SfPerson           *person,
                     const char         *old_passphrase,
                     const char         *new_passphrase,
                     gint64              voucher_id,
                     const char         *voucher_passphrase,
                     gboolean            vouched,
                     unsigned long long  opslimit,
                     size_t              memlimit,
                     GError            **error)
{
  char hash[crypto_pwhash_STRBYTES];
  g_autoptr(SfPerson) fresh = NULL;
  SfDbStmt *stmt;

  if (!sf_approval_check_new_passphrase (new_passphrase, error) || !ensure_sodium (error))
    return FALSE;

  /* Hashing takes a tenth of a second; do it before taking the lock. */
  if (crypto_pwhash_str (hash, new_passphrase, strlen (new_passphrase), opslimit, memlimit) != 0)
    {
      g_set_error_literal (error, SF_STORE_ERROR, SF_STORE_ERROR_FAILED,
                           _("There is not enough memory to protect the passphrase"));
      return FALSE;
    }

  if (!sf_store_begin (self, error))
    return FALSE;
  fresh = sf_store_fetch_person (self, sf_person_get_id (person), NULL, NULL, NULL, error);
  if (fresh == NULL)
    return sf_store_fail (self);

  if (sf_person_get_has_passphrase (fresh))
    {
      if (old_passphrase == NULL || *old_passphrase == '\0')
        {
          g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE,
                               _("Enter the current passphrase to change it"));
          return sf_store_fail (self);
        }
      if (!sf_store_check_passphrase (self, sf_person_get_id (fresh), old_passphrase, 0,
                                      sf_store_now (self), error))
        return sf_store_fail (self);
    }
  else if (!vouched && sf_person_get_role (fresh) == SF_ROLE_MANAGER &&
           !check_voucher (self, sf_person_get_id (fresh), voucher_id, voucher_passphrase, error))
    return sf_store_fail (self);

  stmt = sf_db_prepare (self->db,
    "UPDATE persons SET pass_hash = ?2, pass_failures = 0, pass_failed_at = NULL WHERE id = ?1",
    error);
  if (stmt == NULL)
    return sf_store_fail (self);
  sf_db_bind_int64 (stmt, 1, sf_person_get_id (fresh));
  sf_db_bind_text (stmt, 2, hash);
  if (!sf_db_step_done (stmt, error) || !sf_store_commit (self, error))
    return sf_store_fail (self);

  sf_person_set_has_passphrase (person, TRUE);
  return TRUE;
}

/**
 * sf_store_set_passphrase:
 * @person: whose passphrase; on success its #SfPerson:has-passphrase is set
 * @old_passphrase: (nullable): the current passphrase; required when the
 *   person has one
 * @new_passphrase: at least %SF_APPROVAL_MIN_PASSPHRASE characters
 *
 * Sets or changes a passphrase, storing only its Argon2id hash. A wrong
 * old passphrase counts as a wrong try, with the same waits as a
 * sign-off.
 */
gboolean
sf_store_set_passphrase (SfStore     *self,
                         SfPerson    *person,
                         const char  *old_passphrase,
                         const char  *new_passphrase,
                         GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);

  return set_passphrase_with (self, person, old_passphrase, new_passphrase, 0, NULL, FALSE,
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, error);
}

/**
 * sf_store_set_first_passphrase:
 * @person: a manager without a passphrase
 * @voucher_id: a manager with a passphrase who confirms it, when
 *   sf_store_needs_voucher() says one is needed; 0 otherwise
 * @voucher_passphrase: (nullable): theirs
 *
 * Sets a manager's first passphrase, confirmed by another manager while
 * any has one. A wrong voucher passphrase counts as their wrong try.
 */
gboolean
sf_store_set_first_passphrase (SfStore     *self,
                               SfPerson    *person,
                               const char  *passphrase,
                               gint64       voucher_id,
                               const char  *voucher_passphrase,
                               GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);

  return set_passphrase_with (self, person, NULL, passphrase, voucher_id, voucher_passphrase, FALSE,
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, error);
}

/**
 * sf_store_set_public_passphrase:
 * @person: a person without a passphrase
 *
 * For the sample pipeline only: sets a passphrase that is published (in
 * the README), hashed with libsodium's least costs so that creating the
 * sample and checking its many decisions stays fast. Hard costs protect a
 * secret; this one has none to protect. Any passphrase set later through
 * sf_store_set_passphrase() gets the interactive costs again.
 */
gboolean
sf_store_set_public_passphrase (SfStore     *self,
                                SfPerson    *person,
                                const char  *passphrase,
                                GError     **error)
{
  return set_passphrase_with (self, person, NULL, passphrase, 0, NULL, FALSE,
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, error);
}

/**
 * sf_store_add_manager:
 * @name: the manager's name
 * @passphrase: their passphrase, at least %SF_APPROVAL_MIN_PASSPHRASE
 *   characters
 * @voucher_id: a manager with a passphrase who confirms the new one, when
 *   sf_store_needs_voucher() says one is needed; 0 otherwise
 * @voucher_passphrase: (nullable): theirs
 *
 * Adds a manager and sets their passphrase in one transaction, so that no
 * manager is ever stored without the passphrase they were created with,
 * and none without another manager's word while there is one.
 *
 * Returns: (transfer full) (nullable): the new manager
 */
SfPerson *
sf_store_add_manager (SfStore     *self,
                      const char  *name,
                      const char  *passphrase,
                      gint64       voucher_id,
                      const char  *voucher_passphrase,
                      GError     **error)
{
  g_autoptr(SfPerson) person = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  /* Refuse a short passphrase before the name is even stored. */
  if (!sf_approval_check_new_passphrase (passphrase, error) || !sf_store_begin (self, error))
    return NULL;

  if (!check_voucher (self, 0, voucher_id, voucher_passphrase, error))
    {
      sf_store_rollback (self);
      return NULL;
    }

  person = sf_store_add_person (self, name, SF_ROLE_MANAGER, error);
  if (person == NULL ||
      !set_passphrase_with (self, person, NULL, passphrase, 0, NULL, TRUE,
                            crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, error) ||
      !sf_store_commit (self, error))
    {
      sf_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&person);
}

/**
 * sf_store_get_passphrase_wait:
 * @out_seconds: (out): how long @person_id must wait before the next try,
 *   0 to try now
 *
 * Lets a dialog say so before the manager types.
 */
gboolean
sf_store_get_passphrase_wait (SfStore  *self,
                              gint64    person_id,
                              gint64   *out_seconds,
                              GError  **error)
{
  g_autoptr(SfPerson) person = NULL;
  guint failures = 0;
  gint64 failed_at = 0;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  person = sf_store_fetch_person (self, person_id, NULL, &failures, &failed_at, error);
  if (person == NULL)
    return FALSE;

  *out_seconds = sf_approval_get_wait (failures, failed_at, sf_store_now (self));
  return TRUE;
}
