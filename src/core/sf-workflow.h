/* sf-workflow.h — the rules that move a deal through the stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-deal.h"
#include "sf-job.h"

G_BEGIN_DECLS

#define SF_WORKFLOW_ERROR (sf_workflow_error_quark ())

typedef enum
{
  SF_WORKFLOW_ERROR_BLOCKED,
  SF_WORKFLOW_ERROR_NOT_OPEN,
  SF_WORKFLOW_ERROR_LAST_STAGE,
  SF_WORKFLOW_ERROR_FIRST_STAGE,
  SF_WORKFLOW_ERROR_REASON_REQUIRED,
  SF_WORKFLOW_ERROR_NOT_MANUAL,
  SF_WORKFLOW_ERROR_NOT_REACHED,
  SF_WORKFLOW_ERROR_NOT_LOST,
  SF_WORKFLOW_ERROR_LOST,
  SF_WORKFLOW_ERROR_INVALID,
} SfWorkflowError;

GQuark      sf_workflow_error_quark   (void);

GPtrArray  *sf_workflow_get_blockers  (SfDeal       *deal,
                                       GPtrArray    *jobs,
                                       SfStage       up_to);
gboolean    sf_workflow_advance       (SfDeal       *deal,
                                       GPtrArray    *jobs,
                                       gint64        now,
                                       SfDealState  *out_state,
                                       GError      **error);
gboolean    sf_workflow_move_back     (SfDeal       *deal,
                                       const char   *reason,
                                       gint64        now,
                                       SfDealState  *out_state,
                                       GError      **error);
gboolean    sf_workflow_mark_lost     (SfDeal       *deal,
                                       const char   *reason,
                                       const char   *note,
                                       SfDealState  *out_state,
                                       GError      **error);
gboolean    sf_workflow_restore       (SfDeal       *deal,
                                       SfDealState  *out_state,
                                       GError      **error);
gboolean    sf_workflow_check_return  (SfDeal       *deal,
                                       GPtrArray    *jobs,
                                       const SfDealState *target,
                                       GError      **error);
gboolean    sf_workflow_check_job     (SfDeal       *deal,
                                       SfJob        *job,
                                       gboolean      by_hand,
                                       GError      **error);
gboolean    sf_workflow_check_edit    (SfDeal       *deal,
                                       GError      **error);
/* The most characters a one-line field holds: a title, a customer, a
 * name. Labels that wrap take seconds to lay out text thousands of
 * characters long, on every deal card that shows it. */
#define SF_WORKFLOW_MAX_LINE 200

gboolean    sf_workflow_check_line    (const char   *text,
                                       GError      **error);
gboolean    sf_workflow_check_title   (const char   *title,
                                       GError      **error);
gboolean    sf_workflow_check_email   (const char   *email,
                                       GError      **error);
char       *sf_workflow_describe_blockers (GPtrArray *blockers);

G_END_DECLS
