/* sf-window-exchange.h — the window's import, export and backup actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sf-window.h"

G_BEGIN_DECLS

void      sf_window_exchange_install_actions (GtkWidgetClass      *widget_class);
void      sf_window_export_deals_async       (SfWindow            *self,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  sf_window_export_deals_finish      (SfWindow            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean  sf_window_export_calendar          (SfWindow            *self,
                                              GFile               *file,
                                              GError             **error);
void      sf_window_backup_async             (SfWindow            *self,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  sf_window_backup_finish            (SfWindow            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
