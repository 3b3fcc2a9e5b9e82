/* sf-approval.h — the rules of managers' sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-deal.h"
#include "sf-job.h"
#include "sf-person.h"

G_BEGIN_DECLS

#define SF_APPROVAL_ERROR (sf_approval_error_quark ())

/**
 * SfApprovalError:
 * @SF_APPROVAL_ERROR_NOT_MANAGER: only a manager may decide
 * @SF_APPROVAL_ERROR_INACTIVE: the person has been deactivated
 * @SF_APPROVAL_ERROR_OWN_DEAL: nobody decides on a deal they own
 * @SF_APPROVAL_ERROR_OWN_REQUEST: nobody decides on a request they made
 * @SF_APPROVAL_ERROR_NOT_PENDING: the request was already decided,
 *   recalled or voided
 * @SF_APPROVAL_ERROR_NOT_REQUESTER: only the requester may recall
 * @SF_APPROVAL_ERROR_COMMENT_REQUIRED: a rejection needs a comment
 * @SF_APPROVAL_ERROR_FIGURES_CHANGED: the figures are no longer those
 *   that were sent for approval
 * @SF_APPROVAL_ERROR_WRONG_PASSPHRASE: the passphrase is wrong
 * @SF_APPROVAL_ERROR_WAIT: too many wrong passphrases; try again later
 * @SF_APPROVAL_ERROR_NO_PASSPHRASE: the manager has not set a passphrase
 * @SF_APPROVAL_ERROR_WEAK_PASSPHRASE: a new passphrase is too short
 * @SF_APPROVAL_ERROR_LOCKED: figures waiting for approval cannot change
 * @SF_APPROVAL_ERROR_ALREADY_PENDING: a request for these figures waits
 * @SF_APPROVAL_ERROR_ALREADY_APPROVED: these figures are approved
 * @SF_APPROVAL_ERROR_NO_FIGURES: there is nothing to approve yet
 * @SF_APPROVAL_ERROR_NO_REQUESTER: nobody active is using Salesflow
 * @SF_APPROVAL_ERROR_BAD_ADDRESSEE: the chosen person cannot decide
 * @SF_APPROVAL_ERROR_INVALID_FIGURES: the figures break a rule (a
 *   negative price, a discount over 100 %, mixed currencies…)
 * @SF_APPROVAL_ERROR_NEEDS_VOUCHER: a new manager, or a manager's first
 *   passphrase, needs a manager who has a passphrase to confirm it
 * @SF_APPROVAL_ERROR_FORMER_OWNER: nobody decides on figures that stood
 *   while they owned the deal
 */
typedef enum
{
  SF_APPROVAL_ERROR_NOT_MANAGER,
  SF_APPROVAL_ERROR_INACTIVE,
  SF_APPROVAL_ERROR_OWN_DEAL,
  SF_APPROVAL_ERROR_OWN_REQUEST,
  SF_APPROVAL_ERROR_NOT_PENDING,
  SF_APPROVAL_ERROR_NOT_REQUESTER,
  SF_APPROVAL_ERROR_COMMENT_REQUIRED,
  SF_APPROVAL_ERROR_FIGURES_CHANGED,
  SF_APPROVAL_ERROR_WRONG_PASSPHRASE,
  SF_APPROVAL_ERROR_WAIT,
  SF_APPROVAL_ERROR_NO_PASSPHRASE,
  SF_APPROVAL_ERROR_WEAK_PASSPHRASE,
  SF_APPROVAL_ERROR_LOCKED,
  SF_APPROVAL_ERROR_ALREADY_PENDING,
  SF_APPROVAL_ERROR_ALREADY_APPROVED,
  SF_APPROVAL_ERROR_NO_FIGURES,
  SF_APPROVAL_ERROR_NO_REQUESTER,
  SF_APPROVAL_ERROR_BAD_ADDRESSEE,
  SF_APPROVAL_ERROR_INVALID_FIGURES,
  SF_APPROVAL_ERROR_NEEDS_VOUCHER,
  SF_APPROVAL_ERROR_FORMER_OWNER,
} SfApprovalError;

/**
 * SfApprovalKind:
 * @SF_APPROVAL_KIND_PRICING: the deal's pricing and value
 * @SF_APPROVAL_KIND_ROI: the deal's ROI worksheet
 *
 * Stored in the database; the values never change.
 */
typedef enum
{
  SF_APPROVAL_KIND_PRICING = 0,
  SF_APPROVAL_KIND_ROI = 1,
} SfApprovalKind;

/**
 * SfApprovalStatus:
 * @SF_APPROVAL_STATUS_PENDING: waiting for a manager
 * @SF_APPROVAL_STATUS_APPROVED: a manager approved the figures
 * @SF_APPROVAL_STATUS_REJECTED: a manager rejected them, with a comment
 * @SF_APPROVAL_STATUS_RECALLED: the requester took the request back
 * @SF_APPROVAL_STATUS_VOIDED: approved, then the figures changed
 *
 * Stored in the database; the values never change.
 */
typedef enum
{
  SF_APPROVAL_STATUS_PENDING = 0,
  SF_APPROVAL_STATUS_APPROVED = 1,
  SF_APPROVAL_STATUS_REJECTED = 2,
  SF_APPROVAL_STATUS_RECALLED = 3,
  SF_APPROVAL_STATUS_VOIDED = 4,
} SfApprovalStatus;

/* Wrong passphrases a person may type before each further try waits. */
#define SF_APPROVAL_FREE_ATTEMPTS 3
/* The longest wait between tries, in seconds. */
#define SF_APPROVAL_MAX_WAIT 300
#define SF_APPROVAL_MIN_PASSPHRASE 8

typedef struct _SfApprovalRequest SfApprovalRequest;

GQuark            sf_approval_error_quark        (void);

gboolean          sf_approval_kind_is_valid      (int                value);
const char       *sf_approval_kind_get_key       (SfApprovalKind     kind);
gboolean          sf_approval_kind_from_key      (const char        *key,
                                                  SfApprovalKind    *out_kind);
const char       *sf_approval_kind_get_name      (SfApprovalKind     kind);
SfJobKind         sf_approval_kind_get_job_kind  (SfApprovalKind     kind);

gboolean          sf_approval_status_is_valid    (int                value);
const char       *sf_approval_status_get_key     (SfApprovalStatus   status);
gboolean          sf_approval_status_from_key    (const char        *key,
                                                  SfApprovalStatus  *out_status);
const char       *sf_approval_status_get_name    (SfApprovalStatus   status);

gboolean          sf_approval_check_requester    (SfPerson          *requester,
                                                  GError           **error);
gboolean          sf_approval_check_addressee    (SfDeal            *deal,
                                                  SfPerson          *requester,
                                                  SfPerson          *addressee,
                                                  GArray            *former_owners,
                                                  GError           **error);
gboolean          sf_approval_check_new_request  (SfDeal            *deal,
                                                  SfApprovalKind     kind,
                                                  const char        *figures,
                                                  SfApprovalRequest *latest,
                                                  GError           **error);
gboolean          sf_approval_check_decider      (SfApprovalRequest *request,
                                                  SfDeal            *deal,
                                                  SfPerson          *decider,
                                                  GArray            *former_owners,
                                                  GError           **error);
gboolean          sf_approval_check_decision     (SfApprovalRequest *request,
                                                  gboolean           approve,
                                                  const char        *comment,
                                                  const char        *current_figures,
                                                  GError           **error);
gboolean          sf_approval_check_recall       (SfApprovalRequest *request,
                                                  gint64             person_id,
                                                  GError           **error);
gboolean          sf_approval_check_unlocked     (SfApprovalRequest *latest,
                                                  GError           **error);
gboolean          sf_approval_is_voided_by       (SfApprovalRequest *latest,
                                                  const char        *new_figures);

gboolean          sf_approval_check_new_passphrase (const char      *passphrase,
                                                  GError           **error);
gint64            sf_approval_get_wait           (guint              failures,
                                                  gint64             last_failure_at,
                                                  gint64             now);
gboolean          sf_approval_check_wait         (guint              failures,
                                                  gint64             last_failure_at,
                                                  gint64             now,
                                                  GError           **error);

G_END_DECLS
