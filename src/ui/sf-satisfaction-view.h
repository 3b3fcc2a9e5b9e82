/* sf-satisfaction-view.h — the Satisfaction tab: closed deals, their
 * answers and verdicts, the summary, the trend and the breakdowns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-csv.h"

#include "sf-pipeline.h"
#include "sf-satisfaction-chart.h"
#include "sf-satisfaction-util.h"

G_BEGIN_DECLS

#define SF_TYPE_SATISFACTION_VIEW (sf_satisfaction_view_get_type ())

G_DECLARE_FINAL_TYPE (SfSatisfactionView, sf_satisfaction_view, SF, SATISFACTION_VIEW, GtkWidget)

void                 sf_satisfaction_view_set_pipeline (SfSatisfactionView   *self,
                                                        SfPipeline           *pipeline);
void                 sf_satisfaction_view_reload       (SfSatisfactionView   *self);
gboolean             sf_satisfaction_view_is_busy      (SfSatisfactionView   *self);
GListModel          *sf_satisfaction_view_get_model    (SfSatisfactionView   *self);
SfSatisfactionRow   *sf_satisfaction_view_get_selected (SfSatisfactionView   *self);
gboolean             sf_satisfaction_view_select_deal  (SfSatisfactionView   *self,
                                                        gint64                deal_id);
void                 sf_satisfaction_view_set_period   (SfSatisfactionView   *self,
                                                        SfSatisfactionPeriod  period);
SfSatisfactionChart *sf_satisfaction_view_get_chart    (SfSatisfactionView   *self);
void                 sf_satisfaction_view_export       (SfSatisfactionView   *self,
                                                        GFile                *file,
                                                        SfCsvAudience         audience);

G_END_DECLS
