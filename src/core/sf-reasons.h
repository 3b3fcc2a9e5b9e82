/* sf-reasons.h — why deals are lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *sf_lost_reason_get_builtin_keys (void);
const char         *sf_lost_reason_get_display      (const char *reason);

G_END_DECLS
