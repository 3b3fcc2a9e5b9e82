/* sf-satisfaction-chart.h — monthly NPS and average CSAT, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-satisfaction.h"

G_BEGIN_DECLS

#define SF_TYPE_SATISFACTION_CHART (sf_satisfaction_chart_get_type ())

G_DECLARE_FINAL_TYPE (SfSatisfactionChart, sf_satisfaction_chart, SF, SATISFACTION_CHART, GtkWidget)

GtkWidget  *sf_satisfaction_chart_new             (void);
void        sf_satisfaction_chart_set_months      (SfSatisfactionChart *self,
                                                   GArray              *months);
GArray     *sf_satisfaction_chart_get_months      (SfSatisfactionChart *self);
const char *sf_satisfaction_chart_get_description (SfSatisfactionChart *self);

/* The pure parts, for the unit tests */
float       sf_satisfaction_chart_scale           (double               value,
                                                   double               lowest,
                                                   double               highest,
                                                   float                top,
                                                   float                height);
char       *sf_satisfaction_chart_month_name      (int                  year,
                                                   int                  month);
char       *sf_satisfaction_chart_describe        (GArray              *months);

G_END_DECLS
