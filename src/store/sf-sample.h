/* sf-sample.h — a sample pipeline to try Salesflow with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sf-store.h"

G_BEGIN_DECLS

/* The passphrase of the sample pipeline's manager, Lukas Schneider; it is
 * published in the README so anyone trying the sample can sign off. */
#define SF_SAMPLE_MANAGER_PASSPHRASE "sample-manager"

gboolean sf_sample_create (SfStore  *store,
                           gint64    user_id,
                           GError  **error);

G_END_DECLS
