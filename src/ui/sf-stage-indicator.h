/* sf-stage-indicator.h — six steps: done, current, ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-stage.h"

G_BEGIN_DECLS

#define SF_TYPE_STAGE_INDICATOR (sf_stage_indicator_get_type ())

G_DECLARE_FINAL_TYPE (SfStageIndicator, sf_stage_indicator, SF, STAGE_INDICATOR, GtkWidget)

GtkWidget *sf_stage_indicator_new       (void);
void       sf_stage_indicator_set_state (SfStageIndicator *self,
                                         SfStage           stage,
                                         SfDealStatus      status);

G_END_DECLS
