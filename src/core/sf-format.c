/* sf-format.c — dates and numbers written for the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar dates (expected close, due dates) are #GDate Julian day numbers,
 * 0 meaning "none"; moments (when a job was done) are Unix seconds.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sf-format.h"

guint
sf_date_from_ymd (int year,
                  int month,
                  int day)
{
  if (!g_date_valid_dmy (day, month, year))
    return 0;

  {
    g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

    return g_date_get_julian (date);
  }
}

/**
 * sf_date_from_unix:
 *
 * Returns: the local calendar day of @unix_time
 */
guint
sf_date_from_unix (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return 0;

  return sf_date_from_ymd (g_date_time_get_year (local),
                           g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local));
}

/**
 * sf_date_to_unix:
 *
 * Returns: noon of the local calendar day @julian_day, in Unix seconds —
 *   noon, so that sf_date_from_unix() gives the same day back even on a
 *   day that daylight saving time shortens; 0 for no day
 */
gint64
sf_date_to_unix (guint julian_day)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDateTime) noon = NULL;

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    return 0;

  date = g_date_new_julian (julian_day);
  noon = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);

  return noon ? g_date_time_to_unix (noon) : 0;
}

guint
sf_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sf_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/**
 * sf_date_parse_iso:
 *
 * Returns: the day "YYYY-MM-DD" names, or 0
 */
guint
sf_date_parse_iso (const char *text)
{
  int y, m, d, n = 0;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || text[n] != '\0')
    return 0;

  return sf_date_from_ymd (y, m, d);
}

/**
 * sf_date_to_iso:
 *
 * Returns: (transfer full): "YYYY-MM-DD", or "" for 0
 */
char *
sf_date_to_iso (guint julian_day)
{
  g_autoptr(GDate) date = NULL;

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    return g_strdup ("");

  date = g_date_new_julian (julian_day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * sf_date_parse:
 *
 * Reads a date as the user's locale writes it ("31.12.2026" in German and
 * Norwegian), or in ISO form.
 *
 * Returns: the day, or 0 when @text is not a date
 */
guint
sf_date_parse (const char *text)
{
  g_autoptr(GDate) date = NULL;
  guint julian;

  if (text == NULL)
    return 0;

  julian = sf_date_parse_iso (g_strstrip (strdupa (text)));
  if (julian != 0)
    return julian;

  date = g_date_new ();
  g_date_set_parse (date, text);

  return g_date_valid (date) ? g_date_get_julian (date) : 0;
}

static gboolean
is_c_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/**
 * sf_format_date:
 *
 * Returns: (transfer full): the day in the locale's short form, or "" for 0
 */
char *
sf_format_date (guint julian_day)
{
  g_autoptr(GDate) date = NULL;
  char buf[128];

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    return g_strdup ("");

  /* The C locale's "%x" is "03/15/27"; without a locale, be unambiguous. */
  if (is_c_locale ())
    return sf_date_to_iso (julian_day);

  date = g_date_new_julian (julian_day);
  if (g_date_strftime (buf, sizeof buf, "%x", date) == 0)
    return sf_date_to_iso (julian_day);

  return g_strdup (buf);
}

/**
 * sf_format_date_time:
 *
 * Returns: (transfer full): @unix_time as a local date and time
 */
char *
sf_format_date_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");

  /* The locale's own date and a 24-hour time, as German and Norwegian
   * write it ("22.11.2026 14:05"). */
  return g_date_time_format (local, is_c_locale () ? "%Y-%m-%d %H:%M" : "%x %H:%M");
}

/**
 * sf_format_percent:
 *
 * Returns: (transfer full): "45%", "45 %" — as the language writes it
 */
char *
sf_format_percent (int percent)
{
  /* Translators: a percentage; German and Norwegian put a no-break space
   * (U+00A0) before the sign: “%d %%” */
  return g_strdup_printf (_("%d%%"), percent);
}

/**
 * sf_format_integer:
 *
 * Returns: (transfer full): @value with the locale's digit grouping
 */
char *
sf_format_integer (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/**
 * sf_text_dup:
 * @text: (nullable): text read from a file
 *
 * Copies @text so that it is valid UTF-8, each invalid byte replaced by
 * U+FFFD. Every string of a database reaches the objects through this:
 * another program may have written anything into the file, and GLib and
 * GTK read past the end of text that is not UTF-8.
 *
 * Returns: (transfer full) (nullable): the copy
 */
char *
sf_text_dup (const char *text)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}
