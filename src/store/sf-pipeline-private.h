/* sf-pipeline-private.h — what the pipeline's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sf-deal-list.h"
#include "sf-pipeline.h"

G_BEGIN_DECLS

struct _SfPipeline
{
  GObject parent_instance;

  /* owned */
  SfStore *store;
  SfDealList *deals;
  SfDealList *columns[SF_N_STAGES];
  GListStore *persons;
  SfUndoStack *undo;
  GCancellable *cancellable;
  int probabilities[SF_N_STAGES];

  gboolean loaded;
};

/**
 * SfDealChanges:
 * @SF_DEAL_CHANGED_ROW: the deal's own fields, stage or status
 * @SF_DEAL_CHANGED_JOBS: its checklist
 * @SF_DEAL_CHANGED_APPROVALS: its pricing, ROI or requests
 * @SF_DEAL_CHANGED_SATISFACTION: its follow-ups, answers or verdict
 *
 * What a committed action changed; every action also writes history.
 */
typedef enum
{
  SF_DEAL_CHANGED_ROW = 1 << 0,
  SF_DEAL_CHANGED_JOBS = 1 << 1,
  SF_DEAL_CHANGED_APPROVALS = 1 << 2,
  SF_DEAL_CHANGED_SATISFACTION = 1 << 3,
} SfDealChanges;

void     sf_pipeline_committed (SfPipeline    *self,
                                SfDeal        *deal,
                                SfDealChanges  changes);
char    *sf_pipeline_database_path (GFile  *file,
                                    GError **error);
gboolean sf_pipeline_done      (SfPipeline    *self,
                                gboolean       ok,
                                SfDeal        *deal,
                                SfDealChanges  changes);

G_END_DECLS
