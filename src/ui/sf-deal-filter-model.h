/* sf-deal-filter-model.h — the deals the list shows, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-deal-filter.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_FILTER_MODEL (sf_deal_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (SfDealFilterModel, sf_deal_filter_model, SF, DEAL_FILTER_MODEL, GObject)

SfDealFilterModel *sf_deal_filter_model_new        (GListModel        *source,
                                                    SfDealFilter      *filter);
void               sf_deal_filter_model_set_source (SfDealFilterModel *self,
                                                    GListModel        *source);
GListModel        *sf_deal_filter_model_get_source (SfDealFilterModel *self);
gboolean           sf_deal_filter_model_find       (SfDealFilterModel *self,
                                                    SfDeal            *deal,
                                                    guint             *out_position);

G_END_DECLS
