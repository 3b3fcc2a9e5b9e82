/* sf-job-row.h — one checklist job in the deal pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_JOB_ROW (sf_job_row_get_type ())

G_DECLARE_FINAL_TYPE (SfJobRow, sf_job_row, SF, JOB_ROW, AdwActionRow)

GtkWidget *sf_job_row_new       (SfPipeline *pipeline,
                                 SfDealDetails *details,
                                 SfJob      *job);
SfJob     *sf_job_row_get_job   (SfJobRow   *self);
GtkWidget *sf_job_row_get_check (SfJobRow   *self);
void       sf_job_row_update    (SfJobRow   *self);
guint      sf_job_row_get_n_updates (SfJobRow *self);

G_END_DECLS
