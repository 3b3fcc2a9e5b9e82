/* sf-deal-update.h — a deal's committed state, or the part that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-deal.h"
#include "sf-pricing.h"
#include "sf-roi.h"

G_BEGIN_DECLS

/**
 * SfDealChanges:
 * @SF_DEAL_CHANGED_ROW: the deal's own fields, stage or status: the
 *   update's deal is the committed row
 * @SF_DEAL_CHANGED_JOBS: the update's jobs are every job the deal has now
 * @SF_DEAL_CHANGED_HISTORY: the update's history holds the entries
 *   written since the ones shown, newest first
 * @SF_DEAL_CHANGED_APPROVALS: the update's requests (newest first),
 *   pricing and ROI are the deal's now
 * @SF_DEAL_CHANGED_SATISFACTION: its follow-ups, answers or verdict
 *   changed; the views of satisfaction read them again
 * @SF_DEAL_CHANGED_REMOVED: the deal is gone (deleted)
 *
 * Which parts of a deal an #SfDealUpdate carries.
 */
typedef enum
{
  SF_DEAL_CHANGED_ROW = 1 << 0,
  SF_DEAL_CHANGED_JOBS = 1 << 1,
  SF_DEAL_CHANGED_HISTORY = 1 << 2,
  SF_DEAL_CHANGED_APPROVALS = 1 << 3,
  SF_DEAL_CHANGED_SATISFACTION = 1 << 4,
  SF_DEAL_CHANGED_REMOVED = 1 << 5,
} SfDealChanges;

#define SF_DEAL_CHANGED_ALL (SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_HISTORY | \
                             SF_DEAL_CHANGED_APPROVALS | SF_DEAL_CHANGED_SATISFACTION)

/**
 * SfDealUpdate:
 * @deal_id: the deal
 * @changes: the parts the update carries
 * @deal: (nullable): with %SF_DEAL_CHANGED_ROW, the deal as committed
 * @jobs: (element-type SfJob) (nullable): with %SF_DEAL_CHANGED_JOBS
 *   every job; without it, jobs that changed (or %NULL)
 * @history: (element-type SfHistoryEntry) (nullable): new entries
 * @requests: (element-type SfApprovalRequest) (nullable): every request
 * @pricing: (nullable): the pricing, when one was entered
 * @roi: (nullable): the ROI worksheet, when one was entered
 *
 * What a committed change did to one deal, as the pipeline applies it to
 * the objects and models the views show: whether the change was made
 * here (the action fills in what it knows and reads the rest) or
 * elsewhere (everything read back). Clear with sf_deal_update_clear().
 */
typedef struct
{
  gint64 deal_id;
  SfDealChanges changes;
  SfDeal *deal;
  GPtrArray *jobs;
  GPtrArray *history;
  GPtrArray *requests;
  SfPricing *pricing;
  SfRoi *roi;
} SfDealUpdate;

void sf_deal_update_init  (SfDealUpdate  *update,
                           SfDeal        *deal,
                           SfDealChanges  changes);
void sf_deal_update_clear (SfDealUpdate  *update);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SfDealUpdate, sf_deal_update_clear)

G_END_DECLS
