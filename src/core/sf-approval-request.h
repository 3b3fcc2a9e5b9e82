/* sf-approval-request.h — one request for a manager's sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-approval.h"

G_BEGIN_DECLS

/**
 * SfApprovalRequestRow:
 * @id: the request's id
 * @deal_id: the deal whose figures are to be approved
 * @kind: pricing or ROI
 * @status: where the request stands
 * @requester_id: who asked
 * @addressed_to: the manager asked, or 0 for any manager
 * @note: (nullable): the requester's note
 * @figures: the canonical text of the figures, exactly as requested
 * @requested_at: when, in Unix seconds
 * @decider_id: the manager who approved or rejected, or 0
 * @decided_at: when it was approved, rejected or recalled, or 0
 * @comment: (nullable): the manager's comment
 * @deal_title: (nullable): for lists; not part of the record
 * @requester_name: (nullable): for lists; not part of the record
 * @addressed_to_name: (nullable): for lists; not part of the record
 * @decider_name: (nullable): for lists; not part of the record
 *
 * A request's fields as the store reads them; strings are borrowed and
 * copied by sf_approval_request_new_from_row().
 */
typedef struct
{
  gint64 id;
  gint64 deal_id;
  SfApprovalKind kind;
  SfApprovalStatus status;
  gint64 requester_id;
  gint64 addressed_to;
  const char *note;
  const char *figures;
  gint64 requested_at;
  gint64 decider_id;
  gint64 decided_at;
  const char *comment;
  const char *deal_title;
  const char *requester_name;
  const char *addressed_to_name;
  const char *decider_name;
} SfApprovalRequestRow;

#define SF_TYPE_APPROVAL_REQUEST (sf_approval_request_get_type ())

G_DECLARE_FINAL_TYPE (SfApprovalRequest, sf_approval_request, SF, APPROVAL_REQUEST, GObject)

SfApprovalRequest *sf_approval_request_new_from_row   (const SfApprovalRequestRow *row);
void               sf_approval_request_get_row        (SfApprovalRequest *request,
                                                       SfApprovalRequestRow *row);
void               sf_approval_request_assign         (SfApprovalRequest *request,
                                                       SfApprovalRequest *from);
gboolean           sf_approval_request_equal_record   (SfApprovalRequest *a,
                                                       SfApprovalRequest *b);

gint64             sf_approval_request_get_id         (SfApprovalRequest *request);
gint64             sf_approval_request_get_deal_id    (SfApprovalRequest *request);
SfApprovalKind     sf_approval_request_get_kind       (SfApprovalRequest *request);
SfApprovalStatus   sf_approval_request_get_status     (SfApprovalRequest *request);
gint64             sf_approval_request_get_requester_id (SfApprovalRequest *request);
gint64             sf_approval_request_get_addressed_to (SfApprovalRequest *request);
const char        *sf_approval_request_get_note       (SfApprovalRequest *request);
const char        *sf_approval_request_get_figures    (SfApprovalRequest *request);
gint64             sf_approval_request_get_requested_at (SfApprovalRequest *request);
gint64             sf_approval_request_get_decider_id (SfApprovalRequest *request);
gint64             sf_approval_request_get_decided_at (SfApprovalRequest *request);
const char        *sf_approval_request_get_comment    (SfApprovalRequest *request);
const char        *sf_approval_request_get_deal_title (SfApprovalRequest *request);
const char        *sf_approval_request_get_requester_name (SfApprovalRequest *request);
const char        *sf_approval_request_get_addressed_to_name (SfApprovalRequest *request);
const char        *sf_approval_request_get_decider_name (SfApprovalRequest *request);

G_END_DECLS
