/* sf-deal-filter.h — which deals the list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-deal.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_FILTER (sf_deal_filter_get_type ())

G_DECLARE_FINAL_TYPE (SfDealFilter, sf_deal_filter, SF, DEAL_FILTER, GtkFilter)

SfDealFilter *sf_deal_filter_new          (void);
void          sf_deal_filter_set_query    (SfDealFilter *self,
                                           const char   *query);
const char   *sf_deal_filter_get_query    (SfDealFilter *self);
void          sf_deal_filter_set_stage    (SfDealFilter *self,
                                           int           stage);
void          sf_deal_filter_set_status   (SfDealFilter *self,
                                           int           status);
void          sf_deal_filter_set_owner    (SfDealFilter *self,
                                           gint64        owner_id);
void          sf_deal_filter_set_stale    (SfDealFilter *self,
                                           int           days);
void          sf_deal_filter_set_now      (SfDealFilter *self,
                                           gint64        now);
gboolean      sf_deal_filter_matches      (SfDealFilter *self,
                                           SfDeal       *deal);
gboolean      sf_deal_filter_is_all       (SfDealFilter *self);
gboolean      sf_deal_is_stale            (SfDeal       *deal,
                                           int           stale_days,
                                           gint64        now);

G_END_DECLS
