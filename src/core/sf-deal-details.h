/* sf-deal-details.h — the open deal: its jobs, history and requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-approval-request.h"
#include "sf-history-entry.h"
#include "sf-deal-update.h"
#include "sf-job.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_DETAILS (sf_deal_details_get_type ())

G_DECLARE_FINAL_TYPE (SfDealDetails, sf_deal_details, SF, DEAL_DETAILS, GObject)

SfDealDetails     *sf_deal_details_new            (SfDeal          *deal);
SfDeal            *sf_deal_details_get_deal       (SfDealDetails   *self);
GListModel        *sf_deal_details_get_jobs       (SfDealDetails   *self);
GListModel        *sf_deal_details_get_history    (SfDealDetails   *self);
GListModel        *sf_deal_details_get_requests   (SfDealDetails   *self);
const SfPricing   *sf_deal_details_get_pricing    (SfDealDetails   *self);
const SfRoi       *sf_deal_details_get_roi        (SfDealDetails   *self);
guint              sf_deal_details_get_revision   (SfDealDetails   *self);
gint64             sf_deal_details_get_last_history_id (SfDealDetails *self);
GPtrArray         *sf_deal_details_dup_jobs       (SfDealDetails   *self);
SfJob             *sf_deal_details_find_job       (SfDealDetails   *self,
                                                   gint64           job_id);
SfApprovalRequest *sf_deal_details_get_latest_request (SfDealDetails *self,
                                                   SfApprovalKind   kind);
char              *sf_deal_details_dup_figures    (SfDealDetails   *self,
                                                   SfApprovalKind   kind);
void               sf_deal_details_apply          (SfDealDetails   *self,
                                                   const SfDealUpdate *update);

G_END_DECLS
