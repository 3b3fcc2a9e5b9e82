/* sf-satisfaction-util.h — what the Satisfaction tab writes and reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

/**
 * SfSatisfactionPeriod:
 * @SF_SATISFACTION_PERIOD_30_DAYS: today and the 29 days before
 * @SF_SATISFACTION_PERIOD_90_DAYS: today and the 89 days before
 * @SF_SATISFACTION_PERIOD_12_MONTHS: since the day after this day a year ago
 * @SF_SATISFACTION_PERIOD_ALL: everything
 *
 * The periods the summary can be read for, in the order the drop-down
 * lists them.
 */
typedef enum
{
  SF_SATISFACTION_PERIOD_30_DAYS,
  SF_SATISFACTION_PERIOD_90_DAYS,
  SF_SATISFACTION_PERIOD_12_MONTHS,
  SF_SATISFACTION_PERIOD_ALL,
} SfSatisfactionPeriod;

#define SF_N_SATISFACTION_PERIODS 4

const char *sf_satisfaction_period_get_name  (SfSatisfactionPeriod period);
void        sf_satisfaction_period_get_range (SfSatisfactionPeriod period,
                                              guint                today,
                                              guint               *out_from,
                                              guint               *out_to);

char       *sf_satisfaction_format_nps       (int                  nps);
char       *sf_satisfaction_format_score     (int                  score);
char       *sf_satisfaction_format_average   (int                  hundredths);
char       *sf_satisfaction_format_rate      (int                  percent);

char       *sf_follow_up_format_offsets      (const int           *days,
                                              guint                n_days);
GArray     *sf_follow_up_parse_offsets       (const char          *text,
                                              GError             **error);
gboolean    sf_follow_up_apply_settings      (SfPipeline          *pipeline,
                                              GSettings           *settings,
                                              GError             **error);

G_END_DECLS
