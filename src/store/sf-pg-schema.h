/* sf-pg-schema.h — the team pipeline's schema on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

gboolean    sf_pg_schema_migrate       (PGconn      *conn,
                                        GError     **error);
gboolean    sf_pg_schema_check         (PGconn      *conn,
                                        int         *out_version,
                                        GError     **error);
GBytes     *sf_pg_schema_get_script    (int          version);

G_END_DECLS
