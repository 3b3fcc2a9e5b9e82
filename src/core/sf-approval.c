/* sf-approval.c — the rules of managers' sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, as in sf-workflow.c: the store calls them inside the
 * transaction that writes a request or a decision, so the rules hold for
 * every caller; the UI calls the same functions to decide what to offer.
 * The passphrase itself is checked by the store (it needs the stored
 * hash); the rules here say who may try and when.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-approval-request.h"
#include "sf-approval.h"
#include "sf-workflow.h"

G_DEFINE_QUARK (sf-approval-error-quark, sf_approval_error)

gboolean
sf_approval_kind_is_valid (int value)
{
  return value == SF_APPROVAL_KIND_PRICING || value == SF_APPROVAL_KIND_ROI;
}

/**
 * sf_approval_kind_get_key:
 *
 * Returns: (transfer none): "pricing" or "roi", for files and history
 */
const char *
sf_approval_kind_get_key (SfApprovalKind kind)
{
  switch (kind)
    {
    case SF_APPROVAL_KIND_PRICING: return "pricing";
    case SF_APPROVAL_KIND_ROI: return "roi";
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
sf_approval_kind_from_key (const char     *key,
                           SfApprovalKind *out_kind)
{
  for (int kind = SF_APPROVAL_KIND_PRICING; kind <= SF_APPROVAL_KIND_ROI; kind++)
    if (g_strcmp0 (key, sf_approval_kind_get_key (kind)) == 0)
      {
        *out_kind = kind;
        return TRUE;
      }

  return FALSE;
}

/**
 * sf_approval_kind_get_name:
 *
 * Returns: (transfer none): what is approved, for a person
 */
const char *
sf_approval_kind_get_name (SfApprovalKind kind)
{
  switch (kind)
    {
    /* Translators: what a manager approves: the deal's prices */
    case SF_APPROVAL_KIND_PRICING: return C_("approval", "Pricing");
    /* Translators: what a manager approves: the return on investment */
    case SF_APPROVAL_KIND_ROI: return C_("approval", "ROI");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * sf_approval_kind_get_job_kind:
 *
 * Returns: the kind of checklist job an approval of @kind completes
 */
SfJobKind
sf_approval_kind_get_job_kind (SfApprovalKind kind)
{
  return kind == SF_APPROVAL_KIND_ROI ? SF_JOB_KIND_ROI_APPROVAL : SF_JOB_KIND_PRICING_APPROVAL;
}

gboolean
sf_approval_status_is_valid (int value)
{
  return value >= SF_APPROVAL_STATUS_PENDING && value <= SF_APPROVAL_STATUS_VOIDED;
}

static const char * const status_keys[] = {
  "pending", "approved", "rejected", "recalled", "voided",
};

/**
 * sf_approval_status_get_key:
 *
 * Returns: (transfer none): the status's name in files: "pending", …
 */
const char *
sf_approval_status_get_key (SfApprovalStatus status)
{
  g_return_val_if_fail (sf_approval_status_is_valid (status), NULL);
  return status_keys[status];
}

gboolean
sf_approval_status_from_key (const char       *key,
                             SfApprovalStatus *out_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (key, status_keys[i]) == 0)
      {
        *out_status = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sf_approval_status_get_name:
 *
 * Returns: (transfer none): the status for a person
 */
const char *
sf_approval_status_get_name (SfApprovalStatus status)
{
  switch (status)
    {
    /* Translators: the status of a request for approval */
    case SF_APPROVAL_STATUS_PENDING: return C_("approval status", "Pending");
    /* Translators: the status of a request for approval */
    case SF_APPROVAL_STATUS_APPROVED: return C_("approval status", "Approved");
    /* Translators: the status of a request for approval */
    case SF_APPROVAL_STATUS_REJECTED: return C_("approval status", "Rejected");
    /* Translators: the status of a request the requester took back */
    case SF_APPROVAL_STATUS_RECALLED: return C_("approval status", "Recalled");
    /* Translators: the status of an approval cancelled because the
     * approved figures changed afterwards */
    case SF_APPROVAL_STATUS_VOIDED: return C_("approval status", "Voided");
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
set_error (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, SF_APPROVAL_ERROR, code, message);
  return FALSE;
}

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;

  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

/**
 * sf_approval_check_requester:
 * @requester: (nullable): the person using Salesflow, or %NULL for nobody
 *
 * Anyone active may ask for approval; the request must say who asked.
 */
gboolean
sf_approval_check_requester (SfPerson  *requester,
                             GError   **error)
{
  if (requester == NULL || !sf_person_get_active (requester))
    return set_error (error, SF_APPROVAL_ERROR_NO_REQUESTER,
                      _("Choose who is using Salesflow before asking for approval"));

  return TRUE;
}

static gboolean
is_former_owner (GArray   *former_owners,
                 SfPerson *person)
{
  if (former_owners == NULL)
    return FALSE;

  for (guint i = 0; i < former_owners->len; i++)
    if (g_array_index (former_owners, gint64, i) == sf_person_get_id (person))
      return TRUE;

  return FALSE;
}

/**
 * sf_approval_check_addressee:
 * @addressee: (nullable): the manager asked, or %NULL for any manager
 * @former_owners: (nullable) (element-type gint64): who owned the deal
 *   since its figures of the request's kind last changed
 *   (sf_store_get_former_owners())
 *
 * A request may name one manager, who must be able to decide it: active,
 * a manager, neither the deal's owner nor the requester, and not among
 * @former_owners.
 */
gboolean
sf_approval_check_addressee (SfDeal    *deal,
                             SfPerson  *requester,
                             SfPerson  *addressee,
                             GArray    *former_owners,
                             GError   **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (addressee == NULL)
    return TRUE;

  if (!sf_person_get_active (addressee) || sf_person_get_role (addressee) != SF_ROLE_MANAGER)
    return set_error (error, SF_APPROVAL_ERROR_BAD_ADDRESSEE,
                      _("Only an active manager can be asked for approval"));

  if (sf_person_get_id (addressee) == sf_deal_get_owner_id (deal) ||
      (requester != NULL && sf_person_get_id (addressee) == sf_person_get_id (requester)))
    return set_error (error, SF_APPROVAL_ERROR_BAD_ADDRESSEE,
                      _("Ask a manager who neither owns the deal nor asks for the approval"));

  if (is_former_owner (former_owners, addressee))
    return set_error (error, SF_APPROVAL_ERROR_BAD_ADDRESSEE,
                      _("Ask a manager who has not owned the deal since these figures were last changed"));

  return TRUE;
}

/**
 * sf_approval_check_new_request:
 * @figures: (nullable): the canonical text of the figures now, or %NULL
 *   when there are none yet
 * @latest: (nullable): the newest request of @kind for the deal
 *
 * Decides whether the figures of @kind may be sent for approval: the deal
 * is not lost (%SF_WORKFLOW_ERROR_LOST), there are figures, nothing waits already and these very
 * figures are not approved already.
 */
gboolean
sf_approval_check_new_request (SfDeal            *deal,
                               SfApprovalKind     kind,
                               const char        *figures,
                               SfApprovalRequest *latest,
                               GError           **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (!sf_workflow_check_edit (deal, error))
    return FALSE;

  if (figures == NULL)
    return set_error (error, SF_APPROVAL_ERROR_NO_FIGURES,
                      kind == SF_APPROVAL_KIND_ROI
                      ? _("Fill in the ROI worksheet before asking for its approval")
                      : _("Enter the pricing before asking for its approval"));

  if (latest != NULL && sf_approval_request_get_status (latest) == SF_APPROVAL_STATUS_PENDING)
    return set_error (error, SF_APPROVAL_ERROR_ALREADY_PENDING,
                      _("A request for approval is already waiting for a manager"));

  if (latest != NULL && sf_approval_request_get_status (latest) == SF_APPROVAL_STATUS_APPROVED &&
      g_strcmp0 (sf_approval_request_get_figures (latest), figures) == 0)
    return set_error (error, SF_APPROVAL_ERROR_ALREADY_APPROVED,
                      _("These figures are already approved"));

  return TRUE;
}

/**
 * sf_approval_check_decider:
 * @decider: (nullable): who wants to approve or reject
 * @former_owners: (nullable) (element-type gint64): who owned the deal
 *   since its figures of the request's kind last changed
 *   (sf_store_get_former_owners())
 *
 * Only an active manager decides, never on a deal they own or a request
 * they made, and only while the request is pending. Nor on figures that
 * stood while they owned the deal: otherwise a manager could lend his
 * deal to a salesperson for the request and the decision, and take it
 * back afterwards.
 */
gboolean
sf_approval_check_decider (SfApprovalRequest *request,
                           SfDeal            *deal,
                           SfPerson          *decider,
                           GArray            *former_owners,
                           GError           **error)
{
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (sf_approval_request_get_status (request) != SF_APPROVAL_STATUS_PENDING)
    return set_error (error, SF_APPROVAL_ERROR_NOT_PENDING,
                      _("This request is no longer pending; it was already decided, recalled or voided"));

  if (decider == NULL || sf_person_get_role (decider) != SF_ROLE_MANAGER)
    return set_error (error, SF_APPROVAL_ERROR_NOT_MANAGER,
                      _("Only a manager can approve or reject"));

  if (!sf_person_get_active (decider))
    return set_error (error, SF_APPROVAL_ERROR_INACTIVE,
                      _("This manager has been deactivated and can no longer decide"));

  if (sf_person_get_id (decider) == sf_deal_get_owner_id (deal))
    return set_error (error, SF_APPROVAL_ERROR_OWN_DEAL,
                      _("Nobody can decide on a deal they own; ask another manager"));

  if (sf_person_get_id (decider) == sf_approval_request_get_requester_id (request))
    return set_error (error, SF_APPROVAL_ERROR_OWN_REQUEST,
                      _("Nobody can decide on their own request; ask another manager"));

  if (is_former_owner (former_owners, decider))
    return set_error (error, SF_APPROVAL_ERROR_FORMER_OWNER,
                      _("Nobody can decide on figures that stood while they owned the deal; ask another manager"));

  return TRUE;
}

/**
 * sf_approval_check_decision:
 * @comment: (nullable): the manager's comment
 * @current_figures: (nullable): the canonical text of the figures now
 *
 * A rejection says why; an approval covers exactly the figures that were
 * sent, so figures that changed since cannot be approved.
 */
gboolean
sf_approval_check_decision (SfApprovalRequest *request,
                            gboolean           approve,
                            const char        *comment,
                            const char        *current_figures,
                            GError           **error)
{
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);

  if (!approve && !has_text (comment))
    return set_error (error, SF_APPROVAL_ERROR_COMMENT_REQUIRED,
                      _("Say why the request is rejected"));

  if (approve && g_strcmp0 (current_figures, sf_approval_request_get_figures (request)) != 0)
    return set_error (error, SF_APPROVAL_ERROR_FIGURES_CHANGED,
                      _("The figures changed after approval was requested; they cannot be approved"));

  return TRUE;
}

/**
 * sf_approval_check_recall:
 * @person_id: who wants to recall, or 0 for nobody
 *
 * Only the requester takes a request back, and only while it is pending.
 */
gboolean
sf_approval_check_recall (SfApprovalRequest *request,
                          gint64             person_id,
                          GError           **error)
{
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);

  if (sf_approval_request_get_status (request) != SF_APPROVAL_STATUS_PENDING)
    return set_error (error, SF_APPROVAL_ERROR_NOT_PENDING,
                      _("Only a pending request can be recalled"));

  if (person_id <= 0 || person_id != sf_approval_request_get_requester_id (request))
    return set_error (error, SF_APPROVAL_ERROR_NOT_REQUESTER,
                      _("Only the person who asked for approval can recall the request"));

  return TRUE;
}

/**
 * sf_approval_check_unlocked:
 * @latest: (nullable): the newest request for the figures
 *
 * Figures waiting for a manager are locked, so the manager approves what
 * was sent; the requester recalls the request to change them.
 */
gboolean
sf_approval_check_unlocked (SfApprovalRequest  *latest,
                            GError            **error)
{
  if (latest == NULL || sf_approval_request_get_status (latest) != SF_APPROVAL_STATUS_PENDING)
    return TRUE;

  return set_error (error, SF_APPROVAL_ERROR_LOCKED,
                    sf_approval_request_get_kind (latest) == SF_APPROVAL_KIND_ROI
                    ? _("The ROI worksheet waits for a manager’s approval; recall the request to change it")
                    : _("The pricing waits for a manager’s approval; recall the request to change it"));
}

/**
 * sf_approval_is_voided_by:
 * @latest: (nullable): the newest request for the figures
 * @new_figures: (nullable): the figures after a change
 *
 * Returns: whether the change voids a standing approval
 */
gboolean
sf_approval_is_voided_by (SfApprovalRequest *latest,
                          const char        *new_figures)
{
  return latest != NULL &&
         sf_approval_request_get_status (latest) == SF_APPROVAL_STATUS_APPROVED &&
         g_strcmp0 (sf_approval_request_get_figures (latest), new_figures) != 0;
}

/**
 * sf_approval_check_new_passphrase:
 *
 * A passphrase has at least %SF_APPROVAL_MIN_PASSPHRASE characters.
 */
gboolean
sf_approval_check_new_passphrase (const char  *passphrase,
                                  GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < SF_APPROVAL_MIN_PASSPHRASE)
    {
      g_set_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WEAK_PASSPHRASE,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %d is the least number of characters */
                                "A passphrase needs at least %d character",
                                "A passphrase needs at least %d characters",
                                SF_APPROVAL_MIN_PASSPHRASE),
                   SF_APPROVAL_MIN_PASSPHRASE);
      return FALSE;
    }

  if (strlen (passphrase) > 1024)
    return set_error (error, SF_APPROVAL_ERROR_WEAK_PASSPHRASE,
                      _("A passphrase can be at most 1024 bytes long"));

  return TRUE;
}

/**
 * sf_approval_get_wait:
 * @failures: wrong passphrases in a row
 * @last_failure_at: when the last one was typed, in Unix seconds
 * @now: the time now
 *
 * The first %SF_APPROVAL_FREE_ATTEMPTS tries are free; after that each
 * further try waits twice as long as the one before, 1 s, 2 s, 4 s …, up to
 * %SF_APPROVAL_MAX_WAIT, counted from the last wrong passphrase.
 *
 * Returns: the seconds to wait before the next try, 0 to try now
 */
gint64
sf_approval_get_wait (guint  failures,
                      gint64 last_failure_at,
                      gint64 now)
{
  gint64 delay = 1;

  if (failures < SF_APPROVAL_FREE_ATTEMPTS)
    return 0;

  for (guint i = SF_APPROVAL_FREE_ATTEMPTS; i < failures && delay < SF_APPROVAL_MAX_WAIT; i++)
    delay *= 2;
  delay = MIN (delay, SF_APPROVAL_MAX_WAIT);

  /* A clock set back must not lock a person out for longer than the
   * longest wait. */
  return CLAMP (last_failure_at + delay - now, 0, delay);
}

gboolean
sf_approval_check_wait (guint    failures,
                        gint64   last_failure_at,
                        gint64   now,
                        GError **error)
{
  gint64 wait = sf_approval_get_wait (failures, last_failure_at, now);

  if (wait == 0)
    return TRUE;

  g_set_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WAIT,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %d is a number of seconds */
                            "Too many wrong passphrases. Wait %d second and try again.",
                            "Too many wrong passphrases. Wait %d seconds and try again.",
                            (gulong) wait),
               (int) wait);
  return FALSE;
}
