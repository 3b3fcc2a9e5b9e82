/* sf-store.h — the SQLite database behind a pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-approval-request.h"
#include "sf-deal.h"
#include "sf-deal-update.h"
#include "sf-feedback.h"
#include "sf-deal-csv.h"
#include "sf-history-entry.h"
#include "sf-job.h"
#include "sf-ledger.h"
#include "sf-person.h"
#include "sf-template-entry.h"
#include "sf-pricing.h"
#include "sf-roi.h"
#include "sf-satisfaction-row.h"
#include "sf-satisfaction.h"

G_BEGIN_DECLS

#define SF_STORE_ERROR (sf_store_error_quark ())

/**
 * SfStoreError:
 * @SF_STORE_ERROR_NOT_DATABASE: the file is not an SQLite database
 * @SF_STORE_ERROR_FOREIGN: an SQLite database of another application
 * @SF_STORE_ERROR_NEWER_SCHEMA: written by a newer Salesflow
 * @SF_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @SF_STORE_ERROR_LOCKED: another program holds the database
 * @SF_STORE_ERROR_CORRUPT: the file is damaged or incomplete
 * @SF_STORE_ERROR_FULL: the disk or the database's size limit is full
 * @SF_STORE_ERROR_IO: the operating system failed to read or write
 * @SF_STORE_ERROR_NOT_FOUND: the deal, job or person is gone
 * @SF_STORE_ERROR_INVALID: the input breaks a rule of the data
 * @SF_STORE_ERROR_FAILED: anything else
 */
typedef enum
{
  SF_STORE_ERROR_NOT_DATABASE,
  SF_STORE_ERROR_FOREIGN,
  SF_STORE_ERROR_NEWER_SCHEMA,
  SF_STORE_ERROR_READ_ONLY,
  SF_STORE_ERROR_LOCKED,
  SF_STORE_ERROR_CORRUPT,
  SF_STORE_ERROR_FULL,
  SF_STORE_ERROR_IO,
  SF_STORE_ERROR_NOT_FOUND,
  SF_STORE_ERROR_INVALID,
  SF_STORE_ERROR_FAILED,
} SfStoreError;

/**
 * SfDealField:
 *
 * The deal's free-text fields that can be edited one at a time.
 */
typedef enum
{
  SF_DEAL_FIELD_TITLE,
  SF_DEAL_FIELD_CUSTOMER,
  SF_DEAL_FIELD_CONTACT_NAME,
  SF_DEAL_FIELD_CONTACT_EMAIL,
  SF_DEAL_FIELD_CONTACT_PHONE,
  SF_DEAL_FIELD_NOTES,
} SfDealField;

/* "SFLW": marks a file as ours in the SQLite header. */
#define SF_STORE_APPLICATION_ID 0x53464c57

#define SF_TYPE_STORE (sf_store_get_type ())

G_DECLARE_FINAL_TYPE (SfStore, sf_store, SF, STORE, GObject)

GQuark      sf_store_error_quark        (void);
char       *sf_store_get_default_path   (void);
int         sf_store_get_schema_version (void);

SfStore    *sf_store_open               (const char   *path,
                                         GError      **error);
const char *sf_store_get_path           (SfStore      *self);
gint64      sf_store_get_actor          (SfStore      *self);
void        sf_store_set_actor          (SfStore      *self,
                                         gint64        person_id);
gint64      sf_store_now                (SfStore      *self);
void        sf_store_set_clock          (SfStore      *self,
                                         gint64      (*now) (gpointer data),
                                         gpointer      data);

/* People */
GPtrArray  *sf_store_list_persons       (SfStore      *self,
                                         GError      **error);
SfPerson   *sf_store_add_person         (SfStore      *self,
                                         const char   *name,
                                         SfRole        role,
                                         GError      **error);
gboolean    sf_store_rename_person      (SfStore      *self,
                                         SfPerson     *person,
                                         const char   *name,
                                         GError      **error);
gboolean    sf_store_set_person_active  (SfStore      *self,
                                         SfPerson     *person,
                                         gboolean      active,
                                         GError      **error);

/* Deals */
GPtrArray  *sf_store_list_deals         (SfStore      *self,
                                         GError      **error);
GPtrArray  *sf_store_list_first_deals   (SfStore      *self,
                                         guint         n_ids,
                                         GError      **error);
void        sf_store_list_deals_async   (SfStore      *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer      user_data);
GPtrArray  *sf_store_list_deals_finish  (SfStore      *self,
                                         GAsyncResult *result,
                                         GError      **error);
SfDeal     *sf_store_get_deal           (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);
gboolean    sf_store_create_deal        (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);
gboolean    sf_store_set_deal_text      (SfStore      *self,
                                         SfDeal       *deal,
                                         SfDealField   field,
                                         const char   *text,
                                         GError      **error);
gboolean    sf_store_set_deal_value     (SfStore      *self,
                                         SfDeal       *deal,
                                         const SfMoney *value,
                                         GError      **error);
gboolean    sf_store_set_deal_owner     (SfStore      *self,
                                         SfDeal       *deal,
                                         gint64        owner_id,
                                         GError      **error);
gboolean    sf_store_set_deal_expected_close (SfStore *self,
                                         SfDeal       *deal,
                                         guint         julian_day,
                                         GError      **error);
gboolean    sf_store_set_deal_probability (SfStore    *self,
                                         SfDeal       *deal,
                                         int           percent,
                                         GError      **error);
gboolean    sf_store_load_deal_notes    (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);
gboolean    sf_store_delete_deal        (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);
gboolean    sf_store_undelete_deal      (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);

/* The workflow */
gboolean    sf_store_advance            (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);
gboolean    sf_store_move_back          (SfStore      *self,
                                         SfDeal       *deal,
                                         const char   *reason,
                                         GError      **error);
gboolean    sf_store_mark_lost          (SfStore      *self,
                                         SfDeal       *deal,
                                         const char   *reason,
                                         const char   *note,
                                         GError      **error);
gboolean    sf_store_restore            (SfStore      *self,
                                         SfDeal       *deal,
                                         GError      **error);
gboolean    sf_store_return_to_state    (SfStore      *self,
                                         SfDeal       *deal,
                                         const SfDealState *state,
                                         GError      **error);

/* Checklist jobs */
GPtrArray  *sf_store_list_jobs          (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);
gboolean    sf_store_set_job_done       (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         gboolean      done,
                                         GError      **error);
gboolean    sf_store_restore_job_done   (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         gboolean      done,
                                         gint64        done_by,
                                         gint64        done_at,
                                         GError      **error);
gboolean    sf_store_add_job            (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         GError      **error);
gboolean    sf_store_rename_job         (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         const char   *title,
                                         GError      **error);
gboolean    sf_store_remove_job         (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         GError      **error);
gboolean    sf_store_set_job_due        (SfStore      *self,
                                         SfDeal       *deal,
                                         SfJob        *job,
                                         guint         julian_day,
                                         GError      **error);

/* Many deals at once: CSV import, the sample pipeline, the benchmark */

/**
 * SfImportItem:
 * @deal: the deal; its stage, status, dates and lost reason are kept
 * @current_done: how many manual jobs of its current stage are done, in
 *   list order
 * @owner_name: (nullable): when the deal has no owner id, the owner's name:
 *   matched to a person without regard to case, or added as a new
 *   salesperson in the same transaction
 */
typedef struct
{
  SfDeal *deal;
  guint current_done;
  const char *owner_name;
} SfImportItem;

/**
 * SfProgressFunc:
 * @done: items finished
 * @total: all items
 *
 * Returns: %FALSE to stop (the whole import is then rolled back)
 */
typedef gboolean (*SfProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/**
 * SfImportNextFunc:
 * @item: (out caller-allocates): the next deal; what it points to must
 *   stay valid until the next call
 *
 * Returns: %TRUE with @item filled in; %FALSE at the end, or with @error
 *   set to stop the import (it is then rolled back)
 */
typedef gboolean (*SfImportNextFunc) (SfImportItem *item,
                                      gpointer      user_data,
                                      GError      **error);

gboolean    sf_store_import_deals       (SfStore      *self,
                                         SfImportItem *items,
                                         guint         n_items,
                                         SfProgressFunc progress,
                                         gpointer      user_data,
                                         GError      **error);
gboolean    sf_store_import_deals_pull  (SfStore      *self,
                                         SfImportNextFunc next,
                                         gpointer      next_data,
                                         guint         n_items,
                                         SfProgressFunc progress,
                                         gpointer      user_data,
                                         GError      **error);

/* Exchange: CSV, iCalendar, backup */
gboolean    sf_store_import_csv         (SfStore      *self,
                                         GFile        *file,
                                         SfDealCsvMapping *mapping,
                                         SfProgressFunc progress,
                                         gpointer      user_data,
                                         guint        *out_n_deals,
                                         GError      **error);
gboolean    sf_store_export_csv         (SfStore      *self,
                                         GPtrArray    *deals,
                                         GOutputStream *stream,
                                         char          separator,
                                         SfDealCsvNumberStyle number_style,
                                         SfProgressFunc progress,
                                         gpointer      user_data,
                                         GError      **error);
gboolean    sf_store_export_csv_for     (SfStore      *self,
                                         GPtrArray    *deals,
                                         GOutputStream *stream,
                                         SfCsvAudience audience,
                                         SfProgressFunc progress,
                                         gpointer      user_data,
                                         GError      **error);
GPtrArray  *sf_store_list_calendar_events (SfStore    *self,
                                           gboolean    include_lost,
                                           GError    **error);
char       *sf_store_export_calendar    (SfStore      *self,
                                         gboolean      include_lost,
                                         GError      **error);
gboolean    sf_store_backup             (SfStore      *self,
                                         const char   *destination,
                                         GError      **error);

/* Customer satisfaction of closed deals (sf-store-satisfaction.c) */
gboolean    sf_store_set_follow_up_offsets (SfStore   *self,
                                         const int    *days,
                                         guint         n_days,
                                         GError      **error);
const int  *sf_store_get_follow_up_offsets (SfStore   *self,
                                         guint        *n_days);
GArray     *sf_store_list_follow_ups    (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);
GArray     *sf_store_list_all_follow_ups (SfStore     *self,
                                         gboolean     include_lost,
                                         GError     **error);
gboolean    sf_store_record_feedback    (SfStore      *self,
                                         SfDeal       *deal,
                                         SfFeedback   *feedback,
                                         GError      **error);
gboolean    sf_store_record_verdict     (SfStore      *self,
                                         SfDeal       *deal,
                                         SfVerdict     verdict,
                                         const char   *reason,
                                         GError      **error);
GPtrArray  *sf_store_list_feedback      (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);
GPtrArray  *sf_store_list_feedback_between (SfStore   *self,
                                         guint         from,
                                         guint         to,
                                         GError      **error);
GPtrArray  *sf_store_list_satisfaction_rows (SfStore  *self,
                                         GError      **error);
void        sf_store_load_satisfaction_async (SfStore *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer      user_data);
gboolean    sf_store_load_satisfaction_finish (SfStore *self,
                                         GAsyncResult *result,
                                         GPtrArray   **out_rows,
                                         GPtrArray   **out_feedback,
                                         GError      **error);
SfSatisfactionRow *sf_store_get_satisfaction_row (SfStore *self,
                                         gint64        deal_id,
                                         GError      **error);
gboolean    sf_store_export_satisfaction (SfStore     *self,
                                         GStrv        *out_header,
                                         GPtrArray   **out_rows,
                                         GError      **error);

/* History */
GPtrArray  *sf_store_list_history       (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);
GPtrArray  *sf_store_list_history_after (SfStore      *self,
                                         gint64        deal_id,
                                         gint64        after_id,
                                         GError      **error);

/* A deal's committed state, read as of one moment (sf-store-state.c) */
gboolean    sf_store_read_deal_update   (SfStore      *self,
                                         gint64        deal_id,
                                         SfDealChanges what,
                                         gint64        history_after,
                                         SfDealUpdate *update,
                                         GError      **error);

/* Passphrases of managers */
gboolean    sf_store_set_passphrase     (SfStore      *self,
                                         SfPerson     *person,
                                         const char   *old_passphrase,
                                         const char   *new_passphrase,
                                         GError      **error);
gboolean    sf_store_set_first_passphrase (SfStore    *self,
                                         SfPerson     *person,
                                         const char   *passphrase,
                                         gint64        voucher_id,
                                         const char   *voucher_passphrase,
                                         GError      **error);
SfPerson   *sf_store_add_manager        (SfStore      *self,
                                         const char   *name,
                                         const char   *passphrase,
                                         gint64        voucher_id,
                                         const char   *voucher_passphrase,
                                         GError      **error);
gboolean    sf_store_needs_voucher      (SfStore      *self,
                                         gint64        person_id,
                                         gboolean     *out_needed,
                                         GError      **error);
gboolean    sf_store_get_passphrase_wait (SfStore     *self,
                                         gint64        person_id,
                                         gint64       *out_seconds,
                                         GError      **error);

/* Pricing and ROI of a deal */
gboolean    sf_store_get_pricing        (SfStore      *self,
                                         gint64        deal_id,
                                         SfPricing   **out_pricing,
                                         GError      **error);
gboolean    sf_store_set_pricing        (SfStore      *self,
                                         SfDeal       *deal,
                                         const SfPricing *pricing,
                                         GError      **error);
gboolean    sf_store_get_roi            (SfStore      *self,
                                         gint64        deal_id,
                                         SfRoi       **out_roi,
                                         GError      **error);
gboolean    sf_store_set_roi            (SfStore      *self,
                                         SfDeal       *deal,
                                         const SfRoi  *roi,
                                         GError      **error);
gboolean    sf_store_get_figures        (SfStore      *self,
                                         gint64        deal_id,
                                         SfApprovalKind kind,
                                         char        **out_figures,
                                         GError      **error);
gboolean    sf_store_get_voided_by_owner (SfStore     *self,
                                         SfApprovalRequest *request,
                                         gboolean     *out_by_owner,
                                         GError      **error);
GArray     *sf_store_get_former_owners  (SfStore      *self,
                                         gint64        deal_id,
                                         SfApprovalKind kind,
                                         GError      **error);

/* Managers' sign-off */
gboolean    sf_store_request_approval   (SfStore      *self,
                                         SfDeal       *deal,
                                         SfApprovalKind kind,
                                         gint64        addressed_to,
                                         const char   *note,
                                         SfApprovalRequest **out_request,
                                         GError      **error);
gboolean    sf_store_decide             (SfStore      *self,
                                         SfApprovalRequest *request,
                                         SfDeal       *deal,
                                         gint64        manager_id,
                                         const char   *passphrase,
                                         gboolean      approve,
                                         const char   *comment,
                                         GError      **error);
gboolean    sf_store_recall_request     (SfStore      *self,
                                         SfApprovalRequest *request,
                                         GError      **error);
SfApprovalRequest *sf_store_get_request (SfStore      *self,
                                         gint64        request_id,
                                         GError      **error);
GPtrArray  *sf_store_list_waiting_requests (SfStore   *self,
                                         gint64        manager_id,
                                         GError      **error);
GPtrArray  *sf_store_list_requests_by   (SfStore      *self,
                                         gint64        requester_id,
                                         GError      **error);
GPtrArray  *sf_store_list_deal_requests (SfStore      *self,
                                         gint64        deal_id,
                                         GError      **error);

/* The approval ledger */
gboolean    sf_store_verify_ledger      (SfStore      *self,
                                         SfLedgerReport *report,
                                         GError      **error);
gboolean    sf_store_verify_ledger_file (const char   *path,
                                         SfLedgerReport *report,
                                         GError      **error);

/* Team settings kept in the database */
gboolean    sf_store_get_stage_probabilities (SfStore *self,
                                         int          *probabilities,
                                         GError      **error);
gboolean    sf_store_set_stage_probability (SfStore   *self,
                                         SfStage       stage,
                                         int           percent,
                                         GError      **error);

/* The checklist template and the lost reasons */
GPtrArray  *sf_store_list_template      (SfStore      *self,
                                         SfTemplateList list,
                                         gboolean      include_hidden,
                                         GError      **error);
SfTemplateEntry *sf_store_add_template_entry (SfStore *self,
                                         SfTemplateList list,
                                         SfStage       stage,
                                         const char   *title,
                                         GError      **error);
gboolean    sf_store_rename_template_entry (SfStore   *self,
                                         SfTemplateEntry *entry,
                                         const char   *title,
                                         GError      **error);
gboolean    sf_store_set_template_entry_required (SfStore *self,
                                         SfTemplateEntry *entry,
                                         gboolean      required,
                                         GError      **error);
gboolean    sf_store_set_template_entry_hidden (SfStore *self,
                                         SfTemplateEntry *entry,
                                         gboolean      hidden,
                                         GError      **error);
gboolean    sf_store_remove_template_entry (SfStore   *self,
                                         SfTemplateEntry *entry,
                                         GError      **error);
gboolean    sf_store_move_template_entry (SfStore     *self,
                                         SfTemplateEntry *entry,
                                         int           delta,
                                         GError      **error);

G_END_DECLS
