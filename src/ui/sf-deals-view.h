/* sf-deals-view.h — the deal list and the selected deal beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-deal-filter.h"
#include "sf-deal-pane.h"
#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_DEALS_VIEW (sf_deals_view_get_type ())

G_DECLARE_FINAL_TYPE (SfDealsView, sf_deals_view, SF, DEALS_VIEW, GtkWidget)

void          sf_deals_view_set_pipeline (SfDealsView *self,
                                          SfPipeline  *pipeline);
void          sf_deals_view_set_me       (SfDealsView *self,
                                          gint64       person_id);
SfDealFilter *sf_deals_view_get_filter   (SfDealsView *self);
GListModel   *sf_deals_view_get_model    (SfDealsView *self);
SfDealPane   *sf_deals_view_get_pane     (SfDealsView *self);
SfDeal       *sf_deals_view_get_selected (SfDealsView *self);
void          sf_deals_view_select_deal  (SfDealsView *self,
                                          SfDeal      *deal);
void          sf_deals_view_focus_search (SfDealsView *self);

G_END_DECLS
