/* sf-deal-figures.h — a deal's pricing, ROI worksheet and requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_FIGURES (sf_deal_figures_get_type ())

G_DECLARE_FINAL_TYPE (SfDealFigures, sf_deal_figures, SF, DEAL_FIGURES, GtkWidget)

void       sf_deal_figures_set_pipeline  (SfDealFigures *self,
                                          SfPipeline    *pipeline);
void       sf_deal_figures_set_details   (SfDealFigures *self,
                                          SfDealDetails *details);
void       sf_deal_figures_reload        (SfDealFigures *self);
gboolean   sf_deal_figures_save_pricing  (SfDealFigures *self);
gboolean   sf_deal_figures_save_roi      (SfDealFigures *self);
GtkWidget *sf_deal_figures_add_cost_line (SfDealFigures *self,
                                          const char    *label,
                                          const char    *amount);

G_END_DECLS
