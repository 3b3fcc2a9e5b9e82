/* sf-pipeline.h — an open database and the live models the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only door between the views and the data. Every change a user can
 * make is a function here; each runs one transaction in the store, pushes
 * its undo step where it is undoable, and announces everything it changed.
 *
 * Changes come back up one way only, sf_pipeline_apply_deal_update(): it
 * takes a committed SfDealUpdate of one deal and brings the loaded deal,
 * the deal lists, the board columns and the open SfDealDetails (jobs,
 * history, requests, figures) up to date in place, so that views learn of
 * it as property notifies and items-changed and nothing else. The
 * pipeline's actions call it with what they committed; a change made
 * elsewhere (another desktop) is read and applied with
 * sf_pipeline_reload_deal(), and everything with sf_pipeline_reload().
 */
#pragma once

#include <gio/gio.h>

#include "sf-deal-details.h"
#include "sf-deal-update.h"
#include "sf-store.h"
#include "sf-undo-stack.h"

G_BEGIN_DECLS

#define SF_TYPE_PIPELINE (sf_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (SfPipeline, sf_pipeline, SF, PIPELINE, GObject)

SfPipeline  *sf_pipeline_new               (SfStore      *store);
SfPipeline  *sf_pipeline_open              (GFile        *file,
                                            GError      **error);
void         sf_pipeline_open_async        (GFile        *file,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
SfPipeline  *sf_pipeline_open_finish       (GAsyncResult *result,
                                            GError      **error);
const char  *sf_pipeline_get_key           (SfPipeline   *self);
gint64       sf_pipeline_get_actor         (SfPipeline   *self);
void         sf_pipeline_set_actor         (SfPipeline   *self,
                                            gint64        person_id);
gint64       sf_pipeline_now               (SfPipeline   *self);
GListModel  *sf_pipeline_get_deals         (SfPipeline   *self);
GListModel  *sf_pipeline_get_column        (SfPipeline   *self,
                                            SfStage       stage);
GListModel  *sf_pipeline_get_persons       (SfPipeline   *self);
SfUndoStack *sf_pipeline_get_undo_stack    (SfPipeline   *self);
gboolean     sf_pipeline_get_loaded        (SfPipeline   *self);
gboolean     sf_pipeline_get_previewing    (SfPipeline   *self);
void         sf_pipeline_load              (SfPipeline   *self);
gboolean     sf_pipeline_load_sync         (SfPipeline   *self,
                                            GError      **error);
SfDeal      *sf_pipeline_lookup_deal       (SfPipeline   *self,
                                            gint64        deal_id);
SfPerson    *sf_pipeline_lookup_person     (SfPipeline   *self,
                                            gint64        person_id);
const int   *sf_pipeline_get_stage_probabilities (SfPipeline *self);
void         sf_pipeline_reload            (SfPipeline   *self);
void         sf_pipeline_deal_changed      (SfPipeline   *self,
                                            SfDeal       *deal);

/* The one path by which a committed change reaches the views, made here
 * or elsewhere (see sf_pipeline_apply_deal_update()) */
void         sf_pipeline_apply_deal_update (SfPipeline   *self,
                                            const SfDealUpdate *update);
gboolean     sf_pipeline_reload_deal       (SfPipeline   *self,
                                            gint64        deal_id,
                                            GError      **error);
SfDealDetails *sf_pipeline_open_deal       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
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
gboolean     sf_pipeline_undo_serial       (SfPipeline   *self,
                                            guint64       serial,
                                            GError      **error);

/* People, figures and managers' sign-off: not undoable */
void         sf_pipeline_person_renamed    (SfPipeline   *self,
                                            SfPerson     *person);
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

/* A deal's fields and checklist, edited in place: each one transaction,
 * not undoable; each announces what it changed (sf-pipeline-edit.c) */
gboolean     sf_pipeline_set_deal_text     (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfDealField   field,
                                            const char   *text,
                                            GError      **error);
gboolean     sf_pipeline_set_deal_value    (SfPipeline   *self,
                                            SfDeal       *deal,
                                            const SfMoney *value,
                                            GError      **error);
gboolean     sf_pipeline_set_deal_owner    (SfPipeline   *self,
                                            SfDeal       *deal,
                                            gint64        owner_id,
                                            GError      **error);
gboolean     sf_pipeline_set_deal_expected_close (SfPipeline *self,
                                            SfDeal       *deal,
                                            guint         julian_day,
                                            GError      **error);
gboolean     sf_pipeline_set_deal_probability (SfPipeline *self,
                                            SfDeal       *deal,
                                            int           percent,
                                            GError      **error);
gboolean     sf_pipeline_add_job           (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfJob        *job,
                                            GError      **error);
gboolean     sf_pipeline_rename_job        (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfJob        *job,
                                            const char   *title,
                                            GError      **error);
gboolean     sf_pipeline_set_job_due       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfJob        *job,
                                            guint         julian_day,
                                            GError      **error);

/* People and passphrases (sf-pipeline-edit.c) */
SfPerson    *sf_pipeline_add_person        (SfPipeline   *self,
                                            const char   *name,
                                            GError      **error);
SfPerson    *sf_pipeline_add_manager       (SfPipeline   *self,
                                            const char   *name,
                                            const char   *passphrase,
                                            gint64        voucher_id,
                                            const char   *voucher_passphrase,
                                            GError      **error);
gboolean     sf_pipeline_rename_person     (SfPipeline   *self,
                                            SfPerson     *person,
                                            const char   *name,
                                            GError      **error);
gboolean     sf_pipeline_set_person_active (SfPipeline   *self,
                                            SfPerson     *person,
                                            gboolean      active,
                                            GError      **error);
gboolean     sf_pipeline_set_passphrase    (SfPipeline   *self,
                                            SfPerson     *person,
                                            const char   *old_passphrase,
                                            const char   *new_passphrase,
                                            GError      **error);
gboolean     sf_pipeline_set_first_passphrase (SfPipeline *self,
                                            SfPerson     *person,
                                            const char   *passphrase,
                                            gint64        voucher_id,
                                            const char   *voucher_passphrase,
                                            GError      **error);
gboolean     sf_pipeline_needs_voucher     (SfPipeline   *self,
                                            gint64        person_id,
                                            gboolean     *out_needed,
                                            GError      **error);
gboolean     sf_pipeline_get_passphrase_wait (SfPipeline *self,
                                            gint64        person_id,
                                            gint64       *out_seconds,
                                            GError      **error);

/* The team's settings, the checklist template and the sample pipeline
 * (sf-pipeline-edit.c) */
gboolean     sf_pipeline_set_stage_probability (SfPipeline *self,
                                            SfStage       stage,
                                            int           percent,
                                            GError      **error);
gboolean     sf_pipeline_set_follow_up_offsets (SfPipeline *self,
                                            const int    *days,
                                            guint         n_days,
                                            GError      **error);
GPtrArray   *sf_pipeline_list_template     (SfPipeline   *self,
                                            SfTemplateList list,
                                            gboolean      include_hidden,
                                            GError      **error);
SfTemplateEntry *sf_pipeline_add_template_entry (SfPipeline *self,
                                            SfTemplateList list,
                                            SfStage       stage,
                                            const char   *title,
                                            GError      **error);
gboolean     sf_pipeline_rename_template_entry (SfPipeline *self,
                                            SfTemplateEntry *entry,
                                            const char   *title,
                                            GError      **error);
gboolean     sf_pipeline_set_template_entry_required (SfPipeline *self,
                                            SfTemplateEntry *entry,
                                            gboolean      required,
                                            GError      **error);
gboolean     sf_pipeline_set_template_entry_hidden (SfPipeline *self,
                                            SfTemplateEntry *entry,
                                            gboolean      hidden,
                                            GError      **error);
gboolean     sf_pipeline_remove_template_entry (SfPipeline *self,
                                            SfTemplateEntry *entry,
                                            GError      **error);
gboolean     sf_pipeline_move_template_entry (SfPipeline *self,
                                            SfTemplateEntry *entry,
                                            int           delta,
                                            GError      **error);
gboolean     sf_pipeline_create_sample     (SfPipeline   *self,
                                            gint64        owner_id,
                                            GError      **error);

/* What the views read besides the models (sf-pipeline-edit.c) */
GPtrArray   *sf_pipeline_list_jobs         (SfPipeline   *self,
                                            SfDeal       *deal,
                                            GError      **error);
gboolean     sf_pipeline_get_figures       (SfPipeline   *self,
                                            SfDeal       *deal,
                                            SfApprovalKind kind,
                                            char        **out_figures,
                                            GError      **error);
GArray      *sf_pipeline_get_former_owners (SfPipeline  *self,
                                            SfDeal       *deal,
                                            SfApprovalKind kind,
                                            GError      **error);
gboolean     sf_pipeline_get_voided_by_owner (SfPipeline *self,
                                            SfApprovalRequest *request);
SfApprovalRequest *sf_pipeline_get_request (SfPipeline   *self,
                                            gint64        request_id,
                                            GError      **error);
GPtrArray   *sf_pipeline_list_waiting_requests (SfPipeline *self,
                                            gint64        manager_id,
                                            GError      **error);
GPtrArray   *sf_pipeline_list_requests_by  (SfPipeline   *self,
                                            gint64        requester_id,
                                            GError      **error);
SfSatisfactionRow *sf_pipeline_get_satisfaction_row (SfPipeline *self,
                                            SfDeal       *deal,
                                            GError      **error);
void         sf_pipeline_load_satisfaction_async (SfPipeline *self,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean     sf_pipeline_load_satisfaction_finish (SfPipeline *self,
                                            GAsyncResult *result,
                                            GPtrArray   **out_rows,
                                            GPtrArray   **out_feedback,
                                            GError      **error);
GBytes      *sf_pipeline_export_satisfaction_csv (SfPipeline *self,
                                            SfCsvAudience audience,
                                            guint        *out_n_rows,
                                            GError      **error);

/* Files: import, export, backup and the ledger check. The long ones run
 * on a worker thread with a connection of their own to the same file
 * (sf-pipeline-exchange.c). */
void         sf_pipeline_import_csv_async  (SfPipeline   *self,
                                            GFile        *file,
                                            SfDealCsvMapping *mapping,
                                            SfProgressFunc progress,
                                            gpointer      progress_data,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean     sf_pipeline_import_csv_finish (SfPipeline   *self,
                                            GAsyncResult *result,
                                            guint        *out_n_deals,
                                            GError      **error);
void         sf_pipeline_export_csv_async  (SfPipeline   *self,
                                            GListModel   *deals,
                                            GFile        *file,
                                            SfCsvAudience audience,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean     sf_pipeline_export_csv_finish (SfPipeline   *self,
                                            GAsyncResult *result,
                                            guint        *out_n_deals,
                                            GError      **error);
gboolean     sf_pipeline_can_export_calendar (SfPipeline *self,
                                              GError    **error);
gboolean     sf_pipeline_export_calendar   (SfPipeline   *self,
                                            GFile        *file,
                                            GError      **error);
void         sf_pipeline_backup_async      (SfPipeline   *self,
                                            GFile        *file,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean     sf_pipeline_backup_finish     (SfPipeline   *self,
                                            GAsyncResult *result,
                                            GError      **error);
gboolean     sf_pipeline_verify_ledger     (SfPipeline   *self,
                                            SfLedgerReport *report,
                                            GError      **error);
void         sf_pipeline_verify_ledger_async (SfPipeline *self,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean     sf_pipeline_verify_ledger_finish (SfPipeline *self,
                                            GAsyncResult *result,
                                            SfLedgerReport *report,
                                            GError      **error);
gboolean     sf_pipeline_verify_file       (GFile        *file,
                                            SfLedgerReport *report,
                                            GError      **error);

G_END_DECLS
