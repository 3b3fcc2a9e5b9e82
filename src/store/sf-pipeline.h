/* sf-pipeline.h — an open database and the live models the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-store.h"
#include "sf-undo-stack.h"

G_BEGIN_DECLS

#define SF_TYPE_PIPELINE (sf_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (SfPipeline, sf_pipeline, SF, PIPELINE, GObject)

SfPipeline  *sf_pipeline_new               (SfStore      *store);
SfStore     *sf_pipeline_get_store         (SfPipeline   *self);
GListModel  *sf_pipeline_get_deals         (SfPipeline   *self);
GListModel  *sf_pipeline_get_persons       (SfPipeline   *self);
SfUndoStack *sf_pipeline_get_undo_stack    (SfPipeline   *self);
gboolean     sf_pipeline_get_loaded        (SfPipeline   *self);
void         sf_pipeline_load              (SfPipeline   *self);
gboolean     sf_pipeline_load_sync         (SfPipeline   *self,
                                            GError      **error);
SfDeal      *sf_pipeline_lookup_deal       (SfPipeline   *self,
                                            gint64        deal_id);
SfPerson    *sf_pipeline_lookup_person     (SfPipeline   *self,
                                            gint64        person_id);
const int   *sf_pipeline_get_stage_probabilities (SfPipeline *self);
void         sf_pipeline_deal_changed      (SfPipeline   *self,
                                            SfDeal       *deal);

G_END_DECLS
