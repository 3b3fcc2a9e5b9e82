/* sf-ledger.h — the hash-chained ledger of approvals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-approval-request.h"

G_BEGIN_DECLS

/* The previous hash of the first entry: 64 zeros. */
#define SF_LEDGER_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/**
 * SfLedgerEvent:
 *
 * What happened to a request. Written as its key into the ledger.
 */
typedef enum
{
  SF_LEDGER_EVENT_REQUESTED,
  SF_LEDGER_EVENT_APPROVED,
  SF_LEDGER_EVENT_REJECTED,
  SF_LEDGER_EVENT_RECALLED,
  SF_LEDGER_EVENT_VOIDED,
} SfLedgerEvent;

/**
 * SfLedgerVerdict:
 * @SF_LEDGER_WHOLE: nothing was found changed
 * @SF_LEDGER_CHANGED: entry @seq was changed
 * @SF_LEDGER_REMOVED: entry @seq was removed
 * @SF_LEDGER_INSERTED: entry @seq was inserted
 * @SF_LEDGER_REQUEST_CHANGED: approval request @request_id differs from
 *   what the ledger says of it, or is missing
 * @SF_LEDGER_FIGURES_CHANGED: the approved figures of @deal_id changed
 *   without voiding the approval
 * @SF_LEDGER_JOB_UNAPPROVED: an approval job of @deal_id is ticked
 *   without a standing approval
 *
 * Every verdict but the first means the database was changed outside
 * Salesflow.
 */
typedef enum
{
  SF_LEDGER_WHOLE,
  SF_LEDGER_CHANGED,
  SF_LEDGER_REMOVED,
  SF_LEDGER_INSERTED,
  SF_LEDGER_REQUEST_CHANGED,
  SF_LEDGER_FIGURES_CHANGED,
  SF_LEDGER_JOB_UNAPPROVED,
} SfLedgerVerdict;

/**
 * SfLedgerReport:
 * @verdict: what was found; only the first problem is reported
 * @n_entries: the ledger entries found whole before it
 * @seq: the entry named, or 0
 * @request_id: the approval request named, or 0
 * @deal_id: the deal named, or 0
 * @kind: the kind of approval named, for the last two verdicts
 * @deal_title: (nullable): the deal's title, when @deal_id is set
 * @description: a sentence for a person, in their language
 *
 * Clear with sf_ledger_report_clear().
 */
typedef struct
{
  SfLedgerVerdict verdict;
  gint64 n_entries;
  gint64 seq;
  gint64 request_id;
  gint64 deal_id;
  SfApprovalKind kind;
  char *deal_title;
  char *description;
} SfLedgerReport;

typedef struct _SfLedgerWalk SfLedgerWalk;

const char        *sf_ledger_event_get_key     (SfLedgerEvent   event);
char              *sf_ledger_format_entry      (gint64          seq,
                                                gint64          at,
                                                SfLedgerEvent   event,
                                                gint64          by,
                                                SfApprovalRequest *request);
SfApprovalRequest *sf_ledger_parse_entry       (const char     *content,
                                                gint64         *out_seq,
                                                gint64         *out_at,
                                                SfLedgerEvent  *out_event,
                                                gint64         *out_by);
char              *sf_ledger_hash              (const char     *prev_hash,
                                                const char     *content);

SfLedgerWalk      *sf_ledger_walk_new          (gint64          last_seq);
void               sf_ledger_walk_free         (SfLedgerWalk   *walk);
gboolean           sf_ledger_walk_add          (SfLedgerWalk   *walk,
                                                gint64          seq,
                                                const char     *content,
                                                const char     *prev_hash,
                                                const char     *hash);
gboolean           sf_ledger_walk_end          (SfLedgerWalk   *walk);
gboolean           sf_ledger_walk_check_request (SfLedgerWalk  *walk,
                                                SfApprovalRequest *stored,
                                                gint64          stored_seq);
gboolean           sf_ledger_walk_check_all_seen (SfLedgerWalk *walk);
void               sf_ledger_walk_finish       (SfLedgerWalk   *walk,
                                                SfLedgerReport *report);

void               sf_ledger_report_describe   (SfLedgerReport *report);
void               sf_ledger_report_clear      (SfLedgerReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfLedgerWalk, sf_ledger_walk_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SfLedgerReport, sf_ledger_report_clear)

G_END_DECLS
