/* sf-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-approvals-view.h"
#include "sf-board-view.h"
#include "sf-deals-view.h"
#include "sf-pipeline.h"
#include "sf-satisfaction-view.h"

G_BEGIN_DECLS

#define SF_TYPE_WINDOW (sf_window_get_type ())

G_DECLARE_FINAL_TYPE (SfWindow, sf_window, SF, WINDOW, AdwApplicationWindow)

SfWindow    *sf_window_new             (AdwApplication *application,
                                        SfPipeline     *pipeline,
                                        const GError   *open_error);
SfPipeline  *sf_window_get_pipeline    (SfWindow       *self);
SfDealsView *sf_window_get_deals_view  (SfWindow       *self);
SfBoardView *sf_window_get_board_view  (SfWindow       *self);
SfSatisfactionView *sf_window_get_satisfaction_view (SfWindow *self);
gint64       sf_window_get_me          (SfWindow       *self);
void         sf_window_set_me          (SfWindow       *self,
                                        gint64          person_id);
SfApprovalsView *sf_window_get_approvals_view (SfWindow  *self);
gboolean     sf_window_is_ready        (SfWindow       *self);
void         sf_window_show_view       (SfWindow       *self,
                                        const char     *name);
void         sf_window_export_deals_async (SfWindow    *self,
                                        GFile          *file,
                                        SfCsvAudience   audience,
                                        GAsyncReadyCallback callback,
                                        gpointer        user_data);

G_END_DECLS
