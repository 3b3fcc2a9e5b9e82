/* sf-test-vfs.h — an SQLite file system that fails writes on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   sf_test_vfs_install      (void);
void   sf_test_vfs_fail_writes  (int    after,
                                 int    sqlite_code);
void   sf_test_vfs_heal         (void);
guint  sf_test_vfs_get_failures (void);
guint  sf_test_vfs_get_writes   (void);

G_END_DECLS
