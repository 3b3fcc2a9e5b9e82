/* sf-calendar.h — dated jobs as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-deal.h"
#include "sf-job.h"

G_BEGIN_DECLS

char *sf_calendar_build_ics (GPtrArray *jobs,
                             GPtrArray *deals,
                             gint64     stamp);

G_END_DECLS
