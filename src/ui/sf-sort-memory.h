/* sf-sort-memory.h — a column view's sort, kept in the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sf_sort_memory_attach (GtkColumnView       *view,
                            const char * const  *keys,
                            GSettings           *settings,
                            const char          *column_setting,
                            const char          *descending_setting,
                            GtkColumnViewColumn *default_column,
                            gboolean             default_descending);

G_END_DECLS
