/* sf-approvals-view.h — the Approvals tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_APPROVALS_VIEW (sf_approvals_view_get_type ())

G_DECLARE_FINAL_TYPE (SfApprovalsView, sf_approvals_view, SF, APPROVALS_VIEW, GtkWidget)

void       sf_approvals_view_set_pipeline  (SfApprovalsView *self,
                                            SfPipeline      *pipeline);
void       sf_approvals_view_reload        (SfApprovalsView *self);
guint      sf_approvals_view_get_n_waiting (SfApprovalsView *self);
GtkWidget *sf_approvals_view_find_row      (SfApprovalsView *self,
                                            gint64           request_id);
void       sf_approvals_view_activate      (SfApprovalsView *self,
                                            gint64           request_id);

G_END_DECLS
