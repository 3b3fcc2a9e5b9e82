/* sf-deal-pane.h — everything about one deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_PANE (sf_deal_pane_get_type ())

G_DECLARE_FINAL_TYPE (SfDealPane, sf_deal_pane, SF, DEAL_PANE, GtkWidget)

void       sf_deal_pane_set_pipeline (SfDealPane *self,
                                      SfPipeline *pipeline);
SfDeal    *sf_deal_pane_get_deal     (SfDealPane *self);
void       sf_deal_pane_set_deal     (SfDealPane *self,
                                      SfDeal     *deal);
SfDealDetails *sf_deal_pane_get_details (SfDealPane *self);
guint      sf_deal_pane_get_n_refreshes (SfDealPane *self);
GtkWidget *sf_deal_pane_find_job_row (SfDealPane *self,
                                      const char *key);
void       sf_deal_pane_flush        (SfDealPane *self);

G_END_DECLS
