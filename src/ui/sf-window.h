/* sf-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"
#include "sf-store.h"

G_BEGIN_DECLS

#define SF_TYPE_WINDOW (sf_window_get_type ())

G_DECLARE_FINAL_TYPE (SfWindow, sf_window, SF, WINDOW, AdwApplicationWindow)

SfWindow   *sf_window_new          (AdwApplication *application,
                                    SfStore        *store,
                                    const GError   *open_error);
SfPipeline *sf_window_get_pipeline (SfWindow       *self);

G_END_DECLS
