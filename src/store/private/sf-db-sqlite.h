/* sf-db-sqlite.h — the SQLite engine, and what only an SQLite file has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic store reaches SQLite through sf-db.h. The calls here are for
 * the store's SQLite-only files (sf-store-sqlite.c, sf-store-sqlite-schema.c)
 * and for what is by nature about a file: opening one, copying one with
 * the online backup. Nothing here needs <sqlite3.h> to be included.
 */
#pragma once

#include "sf-db.h"

G_BEGIN_DECLS

typedef enum
{
  SF_DB_SQLITE_READ_WRITE,
  SF_DB_SQLITE_READ_ONLY,
} SfDbSqliteMode;

SfDb          *sf_db_sqlite_open       (const char      *path,
                                        SfDbSqliteMode   mode,
                                        int              busy_timeout_ms,
                                        GError         **error);
SfStoreError   sf_db_sqlite_classify   (int              result_code);
gboolean       sf_db_sqlite_backup     (SfDb            *db,
                                        const char      *path,
                                        GError         **error);

/* For tests, which attack the file with SQLite itself: the connection's
 * handle, a `sqlite3 *`. */
struct sqlite3 *sf_db_sqlite_get_handle (SfDb           *db);

G_END_DECLS
