/* sf-test-ui.h — helpers for the display tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-window.h"

G_BEGIN_DECLS

gboolean   sf_test_ui_init       (int           *argc,
                                  char        ***argv);
int        sf_test_ui_skip_all   (void);
void       sf_test_ui_wait_until (gboolean     (*condition) (gpointer data),
                                  gpointer       data);
void       sf_test_ui_iterate    (void);
GtkWidget *sf_test_ui_find       (GtkWidget     *root,
                                  const char    *name);
void       sf_test_ui_wait_frames (void);
void       sf_test_ui_save_png   (GtkWidget     *widget,
                                  const char    *path);
GtkWidget *sf_test_ui_find_label (GtkWidget     *root,
                                  const char    *text);

void       sf_test_ui_press_header (GtkColumnView *view,
                                    guint          index);
void       sf_test_ui_click_header (GtkColumnView *view,
                                    guint          index,
                                    GtkSortType    order);

GtkWindow *sf_test_ui_find_toplevel (GType       type,
                                     const char *name);

gboolean   sf_test_ui_window_ready (gpointer       window);
SfWindow  *sf_test_ui_open_window (SfStore       *store);
void       sf_test_ui_close_windows (void);

G_END_DECLS
