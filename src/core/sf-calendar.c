/* sf-calendar.c — dated jobs as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job with a due day (a meeting, a follow-up) becomes an all-day event
 * that GNOME Calendar, Evolution and Thunderbird import. libical writes
 * the file, so text is escaped and lines folded as RFC 5545 asks. The UID
 * is the job's id: importing a newer file again updates the events instead
 * of doubling them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "sf-calendar.h"

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
make_event (SfJob               *job,
            SfDeal              *deal,
            struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  struct icaltimetype start = ical_date (sf_job_get_due (job));
  struct icaltimetype end = start;
  g_autofree char *uid = g_strdup_printf ("job-%" G_GINT64_FORMAT "@salesflow",
                                          sf_job_get_id (job));
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  icaltime_adjust (&end, 1, 0, 0, 0);
  /* Translators: an event in the calendar file: the job, then the deal it
   * belongs to, e.g. “Follow-up meeting — Office chairs for ACME” */
  summary = g_strdup_printf (_("%s — %s"), sf_job_get_display_title (job),
                             sf_deal_get_title (deal));
  /* Translators: an event's description in the calendar file; the first
   * %s is the customer, the second the deal's sales stage */
  description = g_strdup_printf (_("Customer: %s\nStage: %s"), sf_deal_get_customer (deal),
                                 sf_stage_get_name (sf_deal_get_stage (deal)));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories ("Salesflow"));
  icalcomponent_add_property (event,
                              icalproperty_new_categories (sf_stage_get_name (sf_deal_get_stage (deal))));
  /* A day-long reminder, not a day the person is busy. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  return event;
}

/**
 * sf_calendar_build_ics:
 * @jobs: (element-type SfJob): jobs with a due day; any without are left out
 * @deals: (element-type SfDeal): the deal of each job, index for index
 * @stamp: when the file is made, Unix seconds (the events' DTSTAMP)
 *
 * Returns: (transfer full): one VCALENDAR with an all-day VEVENT per job
 */
char *
sf_calendar_build_ics (GPtrArray *jobs,
                       GPtrArray *deals,
                       gint64     stamp)
{
  icalcomponent *calendar;
  struct icaltimetype ical_stamp;
  char *text, *copy;

  g_return_val_if_fail (jobs != NULL && deals != NULL, NULL);
  g_return_val_if_fail (jobs->len == deals->len, NULL);

  ical_stamp = icaltime_from_timet_with_zone ((time_t) stamp, FALSE,
                                              icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Salesflow//Salesflow "
                                                       PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_due (job) == 0 || !g_date_valid_julian (sf_job_get_due (job)))
        continue;
      icalcomponent_add_component (calendar,
                                   make_event (job, g_ptr_array_index (deals, i), ical_stamp));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);

  return copy;
}
