/* sf-pipeline.h — an open database and the live models the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-store.h"
#include "sf-undo-stack.h"

G_BEGIN_DECLS

#define SF_TYPE_PIPELINE (sf_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (SfPipeline, sf_pipeline, SF, PIPELINE, GObject)

SfPipeline  *sf_pipeline_new               (SfStore      *store);
SfStore     *sf_pipeline_get_store         (SfPipeline   *self);
GListModel  *sf_pipeline_get_deals         (SfPipeline   *self);
GListModel  *sf_pipeline_get_column        (SfPipeline   *self,
                                            SfStage       stage);
GListModel  *sf_pipeline_get_persons       (SfPipeline   *self);
SfUndoStack *sf_pipeline_get_undo_stack    (SfPipeline   *self);
gboolean     sf_pipeline_get_loaded        (SfPipeline   *self);
void         sf_pipeline_load              (SfPipeline   *self);
gboolean     sf_pipeline_load_sync         (SfPipeline   *self,
                                            GError      **error);
SfDeal      *sf_pipeline_lookup_deal       (SfPipeline   *self,
                                            gint64        deal_id);
SfPerson    *sf_pipeline_lookup_person     (SfPipeline   *self,
                                            gint64        person_id);
const int   *sf_pipeline_get_stage_probabilities (SfPipeline *self);
void         sf_pipeline_deal_changed      (SfPipeline   *self,
                                            SfDeal       *deal);
gboolean     sf_pipeline_reload_persons    (SfPipeline   *self,
                                            GError      **error);
gboolean     sf_pipeline_reload_settings   (SfPipeline   *self,
                                            GError      **error);

/* Actions: each one transaction, each undoable unless said otherwise */
gboolean     sf_pipeline_create_deal       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
gboolean     sf_pipeline_delete_deal       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
gboolean     sf_pipeline_advance           (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
gboolean     sf_pipeline_move_back         (SfPipeline   *self,
                                            SfDeal       *deal,
                                            const char   *reason,
                                            GError      **error);
gboolean     sf_pipeline_mark_lost         (SfPipeline   *self,
                                            SfDeal       *deal,
                                            const char   *reason,
                                            const char   *note,
                                            GError      **error);
gboolean     sf_pipeline_restore           (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
gboolean     sf_pipeline_set_job_done      (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfJob        *job,
                                            gboolean      done,
                                            GError      **error);
gboolean     sf_pipeline_remove_job        (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfJob        *job,
                                            GError      **error);
gboolean     sf_pipeline_add_deals         (SfPipeline   *self,
                                            GPtrArray    *deals);
gboolean     sf_pipeline_undo              (SfPipeline   *self,
                                            GError      **error);

/* People, figures and managers' sign-off: not undoable */
void         sf_pipeline_person_renamed    (SfPipeline   *self,
                                            SfPerson     *person);
void         sf_pipeline_approvals_changed (SfPipeline   *self,
                                            SfDeal       *deal);
gboolean     sf_pipeline_set_pricing       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            const SfPricing *pricing,
                                            GError      **error);
gboolean     sf_pipeline_set_roi           (SfPipeline   *self,
                                            SfDeal       *deal,
                                            const SfRoi  *roi,
                                            GError      **error);
gboolean     sf_pipeline_request_approval  (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfApprovalKind kind,
                                            gint64        addressed_to,
                                            const char   *note,
                                            SfApprovalRequest **out_request,
                                            GError      **error);
gboolean     sf_pipeline_decide            (SfPipeline   *self,
                                            SfApprovalRequest *request,
                                            gint64        manager_id,
                                            const char   *passphrase,
                                            gboolean      approve,
                                            const char   *comment,
                                            GError      **error);
gboolean     sf_pipeline_recall_request    (SfPipeline   *self,
                                            SfApprovalRequest *request,
                                            GError      **error);

/* Customer satisfaction: each one transaction, not undoable */
gboolean     sf_pipeline_record_feedback   (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfFeedback   *feedback,
                                            GError      **error);
gboolean     sf_pipeline_record_verdict    (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfVerdict     verdict,
                                            const char   *reason,
                                            GError      **error);

G_END_DECLS
