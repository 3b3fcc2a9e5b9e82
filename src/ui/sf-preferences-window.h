/* sf-preferences-window.h — the team's checklist and the user's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_PREFERENCES_WINDOW (sf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SfPreferencesWindow, sf_preferences_window, SF, PREFERENCES_WINDOW, AdwPreferencesWindow)

SfPreferencesWindow *sf_preferences_window_new (GtkWindow  *parent,
                                                SfPipeline *pipeline);

G_END_DECLS
