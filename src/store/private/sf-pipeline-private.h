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
  GHashTable *details;        /* deal id → SfDealDetails, weak */
  int probabilities[SF_N_STAGES];
  guint revisions[3];         /* settings, approvals, satisfaction */

  gboolean loaded;
  gboolean previewing;
  GPtrArray *preview;           /* the deals the columns show meanwhile */
};

void     sf_pipeline_committed (SfPipeline    *self,
                                SfDeal        *deal,
                                SfJob         *job,
                                SfDealChanges  changes);
gboolean sf_pipeline_done      (SfPipeline    *self,
                                gboolean       ok,
                                SfDeal        *deal,
                                SfJob         *job,
                                SfDealChanges  changes);
char    *sf_pipeline_database_path (GFile  *file,
                                    GError **error);

G_END_DECLS
