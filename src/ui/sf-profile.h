/* sf-profile.h — SALESFLOW_PROFILE=1: when the window first drew, when the
 * pipeline was in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

void     sf_profile_start         (void);
gboolean sf_profile_is_enabled    (void);
void     sf_profile_mark          (const char *what);
void     sf_profile_deal_drawn    (void);
void     sf_profile_watch_window  (GtkWindow  *window,
                                   SfPipeline *pipeline);

G_END_DECLS
