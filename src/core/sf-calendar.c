/* sf-calendar.c — dated jobs and follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job with a due day (a meeting) and a satisfaction follow-up of a
 * closed deal become all-day events that GNOME Calendar, Evolution and
 * Thunderbird import. libical writes the file, so text is escaped and
 * lines folded as RFC 5545 asks. The UID is the job's or the follow-up's
 * id: importing a newer file again updates the events instead of doubling
 * them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "sf-calendar.h"

static SfCalendarEvent *
event_new (char       *uid,
           guint       day,
           const char *what,
           SfDeal     *deal)
{
  SfCalendarEvent *event = g_new0 (SfCalendarEvent, 1);

  event->uid = uid;
  event->day = day;
  event->what = g_strdup (what);
  event->deal = g_object_ref (deal);

  return event;
}

/**
 * sf_calendar_event_new_for_job:
 * @job: a job with a due day
 *
 * Returns: (transfer full): the job's event, “job-ID@salesflow”
 */
SfCalendarEvent *
sf_calendar_event_new_for_job (SfJob  *job,
                               SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_JOB (job), NULL);
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  return event_new (g_strdup_printf ("job-%" G_GINT64_FORMAT "@salesflow", sf_job_get_id (job)),
                    sf_job_get_due (job), sf_job_get_display_title (job), deal);
}

/**
 * sf_calendar_event_new_for_follow_up:
 * @follow_up: a satisfaction follow-up of @deal
 *
 * Returns: (transfer full): the follow-up's event,
 *   “follow-up-ID@salesflow”
 */
SfCalendarEvent *
sf_calendar_event_new_for_follow_up (const SfFollowUp *follow_up,
                                     SfDeal           *deal)
{
  g_return_val_if_fail (follow_up != NULL, NULL);
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  return event_new (g_strdup_printf ("follow-up-%" G_GINT64_FORMAT "@salesflow", follow_up->id),
                    follow_up->due,
                    /* Translators: an event in the calendar file: asking a
                     * won deal's customer how satisfied they are */
                    _("Customer satisfaction follow-up"), deal);
}

void
sf_calendar_event_free (SfCalendarEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->uid);
  g_free (event->what);
  g_clear_object (&event->deal);
  g_free (event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SfCalendarEvent *x = *(SfCalendarEvent * const *) a;
  const SfCalendarEvent *y = *(SfCalendarEvent * const *) b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;

  return g_strcmp0 (x->uid, y->uid);
}

/**
 * sf_calendar_sort_events:
 * @events: (element-type SfCalendarEvent)
 *
 * Puts @events in the order the file lists them: by day, then by UID.
 */
void
sf_calendar_sort_events (GPtrArray *events)
{
  g_return_if_fail (events != NULL);

  g_ptr_array_sort (events, compare_events);
}

static struct icaltimetype
ical_date (guint julian_day)
{
  g_autoptr(GDate) date = g_date_new_julian (julian_day);
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);

  return t;
}

static icalcomponent *
make_event (const SfCalendarEvent *e,
            struct icaltimetype    stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  struct icaltimetype start = ical_date (e->day);
  struct icaltimetype end = start;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  icaltime_adjust (&end, 1, 0, 0, 0);
  /* Translators: an event in the calendar file: the job, then the deal it
   * belongs to, e.g. “Follow-up meeting — Office chairs for ACME” */
  summary = g_strdup_printf (_("%s — %s"), e->what, sf_deal_get_title (e->deal));
  /* Translators: an event's description in the calendar file; the first
   * %s is the customer, the second the deal's sales stage */
  description = g_strdup_printf (_("Customer: %s\nStage: %s"), sf_deal_get_customer (e->deal),
                                 sf_stage_get_name (sf_deal_get_stage (e->deal)));

  icalcomponent_add_property (event, icalproperty_new_uid (e->uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories ("Salesflow"));
  icalcomponent_add_property (event,
                              icalproperty_new_categories (sf_stage_get_name (sf_deal_get_stage (e->deal))));
  /* A day-long reminder, not a day the person is busy. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  return event;
}

/**
 * sf_calendar_build_ics:
 * @events: (element-type SfCalendarEvent): the events, in the order
 *   wanted; any without a valid day are left out
 * @stamp: when the file is made, Unix seconds (the events' DTSTAMP)
 *
 * Returns: (transfer full): one VCALENDAR with an all-day VEVENT per event
 */
char *
sf_calendar_build_ics (GPtrArray *events,
                       gint64     stamp)
{
  icalcomponent *calendar;
  struct icaltimetype ical_stamp;
  char *text, *copy;

  g_return_val_if_fail (events != NULL, NULL);

  ical_stamp = icaltime_from_timet_with_zone ((time_t) stamp, FALSE,
                                              icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Salesflow//Salesflow "
                                                       PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  for (guint i = 0; i < events->len; i++)
    {
      const SfCalendarEvent *event = g_ptr_array_index (events, i);

      if (event->day == 0 || !g_date_valid_julian (event->day))
        continue;
      icalcomponent_add_component (calendar, make_event (event, ical_stamp));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);

  return copy;
}
