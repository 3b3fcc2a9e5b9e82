/* sf-calendar.h — dated jobs and follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-deal.h"
#include "sf-job.h"
#include "sf-satisfaction.h"

G_BEGIN_DECLS

/**
 * SfCalendarEvent:
 * @uid: the event's identity, the same in every export: importing a newer
 *   file updates the event instead of doubling it
 * @day: the Julian day it is due
 * @what: what is due, e.g. the job's title
 * @deal: the deal it belongs to
 *
 * One all-day event.
 */
typedef struct
{
  char *uid;
  guint day;
  char *what;
  SfDeal *deal;
} SfCalendarEvent;

SfCalendarEvent *sf_calendar_event_new_for_job       (SfJob            *job,
                                                      SfDeal           *deal);
SfCalendarEvent *sf_calendar_event_new_for_follow_up (const SfFollowUp *follow_up,
                                                      SfDeal           *deal);
void             sf_calendar_event_free              (SfCalendarEvent  *event);
void             sf_calendar_sort_events             (GPtrArray        *events);

char            *sf_calendar_build_ics               (GPtrArray        *events,
                                                      gint64            stamp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfCalendarEvent, sf_calendar_event_free)

G_END_DECLS
