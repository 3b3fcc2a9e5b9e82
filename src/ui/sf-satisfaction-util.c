/* sf-satisfaction-util.c — what the Satisfaction tab writes and reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure helpers of the tab, kept apart from the widgets so the unit tests
 * check them without a display: the periods of the summary, measures
 * written with a dash for "no value" (a 0 there would be a lie), the
 * follow-up offsets as the Preferences row reads and writes them.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-satisfaction-util.h"

/* What the tab shows where there is nothing to measure. */
#define NO_VALUE_TEXT "—"

/**
 * sf_satisfaction_period_get_name:
 *
 * Returns: (transfer none): the period as the drop-down names it
 */
const char *
sf_satisfaction_period_get_name (SfSatisfactionPeriod period)
{
  switch (period)
    {
    case SF_SATISFACTION_PERIOD_30_DAYS: return _("Last 30 Days");
    case SF_SATISFACTION_PERIOD_90_DAYS: return _("Last 90 Days");
    case SF_SATISFACTION_PERIOD_12_MONTHS: return _("Last 12 Months");
    case SF_SATISFACTION_PERIOD_ALL: return _("All Time");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * sf_satisfaction_period_get_range:
 * @today: the Julian day it is now
 * @out_from: (out): the first day, inclusive, or 0 for no limit
 * @out_to: (out): the last day, inclusive, or 0 for no limit
 *
 * The days of @period ending today, as sf_satisfaction_summarize() takes
 * them.
 */
void
sf_satisfaction_period_get_range (SfSatisfactionPeriod  period,
                                  guint                 today,
                                  guint                *out_from,
                                  guint                *out_to)
{
  GDate date;

  g_return_if_fail (out_from != NULL && out_to != NULL);
  g_return_if_fail (today > 0 && g_date_valid_julian (today));

  *out_to = today;
  switch (period)
    {
    case SF_SATISFACTION_PERIOD_30_DAYS:
      *out_from = today > 29 ? today - 29 : 1;
      break;
    case SF_SATISFACTION_PERIOD_90_DAYS:
      *out_from = today > 89 ? today - 89 : 1;
      break;
    case SF_SATISFACTION_PERIOD_12_MONTHS:
      /* 29 February a year on is 28 February; the period starts the day
       * after, so it never holds the same day of two years. */
      g_date_clear (&date, 1);
      g_date_set_julian (&date, today);
      g_date_subtract_years (&date, 1);
      *out_from = g_date_get_julian (&date) + 1;
      break;
    case SF_SATISFACTION_PERIOD_ALL:
    default:
      *out_from = 0;
      *out_to = 0;
      break;
    }
}

/**
 * sf_satisfaction_format_nps:
 *
 * Returns: (transfer full): "40", "−20" with a true minus sign, or "—" for
 *   no value
 */
char *
sf_satisfaction_format_nps (int nps)
{
  if (nps == SF_SATISFACTION_NO_VALUE)
    return g_strdup (NO_VALUE_TEXT);
  if (nps < 0)
    return g_strdup_printf ("−%d", abs (nps));

  return g_strdup_printf ("%d", nps);
}

/**
 * sf_satisfaction_format_score:
 *
 * Returns: (transfer full): one answer's score, "7", or "—" for none
 */
char *
sf_satisfaction_format_score (int score)
{
  if (score == SF_SATISFACTION_NO_VALUE)
    return g_strdup (NO_VALUE_TEXT);

  return g_strdup_printf ("%d", score);
}

/**
 * sf_satisfaction_format_average:
 * @hundredths: an average CSAT from sf_satisfaction_average_csat()
 *
 * Returns: (transfer full): "4.33" in the locale's way, or "—" for no value
 */
char *
sf_satisfaction_format_average (int hundredths)
{
  if (hundredths == SF_SATISFACTION_NO_VALUE)
    return g_strdup (NO_VALUE_TEXT);

  return sf_satisfaction_format_csat (hundredths);
}

/**
 * sf_satisfaction_format_rate:
 *
 * Returns: (transfer full): "75%" in the locale's way, or "—" when no deal
 *   was decided
 */
char *
sf_satisfaction_format_rate (int percent)
{
  if (percent == SF_SATISFACTION_NO_VALUE)
    return g_strdup (NO_VALUE_TEXT);

  return sf_format_percent (percent);
}

/**
 * sf_follow_up_format_offsets:
 * @days: (array length=n_days) (nullable): days after closing
 *
 * Returns: (transfer full): "30, 90, 180" — without digit grouping, so
 *   sf_follow_up_parse_offsets() reads it back in any locale
 */
char *
sf_follow_up_format_offsets (const int *days,
                             guint      n_days)
{
  GString *text;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  text = g_string_new (NULL);

  for (guint i = 0; i < n_days; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? ", " : "", days[i]);

  return g_string_free (text, FALSE);
}

/**
 * sf_follow_up_parse_offsets:
 * @text: days typed by hand: "30, 90, 180"; commas, semicolons or spaces
 *   between them
 *
 * Reads follow-up offsets and checks them with
 * sf_follow_up_check_offsets(). An empty text is no follow-ups.
 *
 * Returns: (transfer full) (element-type int) (nullable): the days as
 *   typed, or %NULL with %SF_SATISFACTION_ERROR_OFFSETS_INVALID
 */
GArray *
sf_follow_up_parse_offsets (const char  *text,
                            GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_strsplit_set (text, ",; \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gint64 value;
      int day;

      if (*words[i] == '\0')
        continue;

      if (!g_ascii_string_to_signed (words[i], 10, G_MININT, G_MAXINT, &value, NULL))
        {
          g_set_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID,
                       /* Translators: %s is what the user typed among the
                        * follow-up days */
                       _("“%s” is not a number of days"), words[i]);
          return NULL;
        }
      day = (int) value;
      g_array_append_val (days, day);
    }

  if (!sf_follow_up_check_offsets ((const int *) days->data, days->len, error))
    return NULL;

  return g_steal_pointer (&days);
}

/**
 * sf_follow_up_apply_settings:
 * @settings: the application's settings
 *
 * Gives @pipeline the follow-up offsets of the `follow-up-offsets` key,
 * for the deals that close from now on.
 */
gboolean
sf_follow_up_apply_settings (SfPipeline  *pipeline,
                             GSettings   *settings,
                             GError     **error)
{
  g_autoptr(GVariant) value = NULL;
  const gint32 *days;
  gsize n_days = 0;

  g_return_val_if_fail (SF_IS_PIPELINE (pipeline), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  value = g_settings_get_value (settings, "follow-up-offsets");
  days = g_variant_get_fixed_array (value, &n_days, sizeof (gint32));

  return sf_pipeline_set_follow_up_offsets (pipeline, days, n_days, error);
}
