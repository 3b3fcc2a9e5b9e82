/* test-satisfaction-chart.c — the Satisfaction tab's pure helpers: the
 * chart's scale and description, the periods, the dashes for no value,
 * the follow-up preference and the CSV bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sf-format.h"
#include "sf-satisfaction-chart.h"
#include "sf-satisfaction-util.h"
#include "sf-test-util.h"

#define NO_VALUE SF_SATISFACTION_NO_VALUE

/* The chart */

typedef struct
{
  double value, lowest, highest;
  float top, height;
  float expected;
} ScaleCase;

static void
test_scale (void)
{
  static const ScaleCase cases[] = {
    { 100, -100, 100, 10, 200, 10 },     /* the top of the scale at the panel's top */
    { -100, -100, 100, 10, 200, 210 },   /* the bottom at its bottom */
    { 0, -100, 100, 10, 200, 110 },      /* NPS 0 halfway */
    { 50, -100, 100, 0, 100, 25 },
    { 5, 1, 5, 0, 80, 0 },
    { 1, 1, 5, 0, 80, 80 },
    { 4.33, 1, 5, 0, 80, 13.4f },        /* an average CSAT between the lines */
    { 150, -100, 100, 10, 200, 10 },     /* outside the scale: kept in the panel */
    { -300, -100, 100, 10, 200, 210 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ScaleCase *c = &cases[i];

      g_assert_cmpfloat_with_epsilon (sf_satisfaction_chart_scale (c->value, c->lowest, c->highest,
                                                                   c->top, c->height),
                                      c->expected, 0.01);
    }
}

static GArray *
year_of_months (int last_year,
                int last_month)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* The core's own bucketing gives the twelve months, all empty. */
  return sf_satisfaction_monthly (none, last_year, last_month);
}

static void
test_describe (void)
{
  g_autoptr(GArray) months = year_of_months (2026, 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) sentences = NULL;
  SfSatisfactionMonth *last, *middle;

  g_assert_cmpuint (months->len, ==, 12);
  last = &g_array_index (months, SfSatisfactionMonth, 11);
  last->n_answers = 3;
  last->nps = 33;
  last->csat = 433;
  middle = &g_array_index (months, SfSatisfactionMonth, 5);
  middle->n_answers = 1;
  middle->nps = -100;
  middle->csat = 100;

  text = sf_satisfaction_chart_describe (months);

  /* Every month is named with its year, values as the tab writes them. */
  g_assert_nonnull (strstr (text, "February 2025: no answers."));
  g_assert_nonnull (strstr (text, "July 2025: NPS −100, average CSAT 1.00, 1 answer."));
  g_assert_nonnull (strstr (text, "January 2026: NPS 33, average CSAT 4.33, 3 answers."));
  /* A month without answers is never read out as 0. */
  g_assert_null (strstr (text, "NPS 0,"));
  /* The title and twelve months. */
  sentences = g_strsplit (text, ". ", -1);
  g_assert_cmpuint (g_strv_length (sentences), ==, 13);
}

typedef struct
{
  const char *locale;
  int month;
  const char *expected;
} MonthCase;

static void
test_month_names (void)
{
  static const MonthCase cases[] = {
    { "C.UTF-8", 3, "Mar" },
    { "de_DE.UTF-8", 3, "Mär" },
    { "de_DE.UTF-8", 12, "Dez" },
    { "nb_NO.UTF-8", 5, "mai" },
    { "nb_NO.UTF-8", 12, "des." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;

      if (!sf_test_use_locale (cases[i].locale))
        return;
      name = sf_satisfaction_chart_month_name (2026, cases[i].month);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Periods and values */

typedef struct
{
  SfSatisfactionPeriod period;
  int y, m, d;                 /* today */
  int fy, fm, fd;              /* the first day expected; 0 for none */
} PeriodCase;

static void
test_periods (void)
{
  static const PeriodCase cases[] = {
    { SF_SATISFACTION_PERIOD_30_DAYS, 2026, 3, 1, 2026, 1, 31 },
    { SF_SATISFACTION_PERIOD_90_DAYS, 2026, 3, 31, 2026, 1, 1 },
    { SF_SATISFACTION_PERIOD_12_MONTHS, 2026, 1, 31, 2025, 2, 1 },
    /* A year back from 29 February is 28 February; the period starts after it. */
    { SF_SATISFACTION_PERIOD_12_MONTHS, 2024, 2, 29, 2023, 3, 1 },
    { SF_SATISFACTION_PERIOD_ALL, 2026, 1, 31, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PeriodCase *c = &cases[i];
      guint today = sf_date_from_ymd (c->y, c->m, c->d), from = 1, to = 1;

      sf_satisfaction_period_get_range (c->period, today, &from, &to);
      if (c->fy == 0)
        {
          g_assert_cmpuint (from, ==, 0);
          g_assert_cmpuint (to, ==, 0);
        }
      else
        {
          g_assert_cmpuint (from, ==, sf_date_from_ymd (c->fy, c->fm, c->fd));
          g_assert_cmpuint (to, ==, today);
        }
    }
}

static void
test_no_value_is_a_dash (void)
{
  g_autofree char *nps = sf_satisfaction_format_nps (NO_VALUE);
  g_autofree char *score = sf_satisfaction_format_score (NO_VALUE);
  g_autofree char *average = sf_satisfaction_format_average (NO_VALUE);
  g_autofree char *rate = sf_satisfaction_format_rate (NO_VALUE);
  g_autofree char *zero_nps = sf_satisfaction_format_nps (0);
  g_autofree char *zero_score = sf_satisfaction_format_score (0);
  g_autofree char *zero_rate = sf_satisfaction_format_rate (0);
  g_autofree char *negative = sf_satisfaction_format_nps (-20);
  g_autofree char *average_value = sf_satisfaction_format_average (433);

  g_assert_cmpstr (nps, ==, "—");
  g_assert_cmpstr (score, ==, "—");
  g_assert_cmpstr (average, ==, "—");
  g_assert_cmpstr (rate, ==, "—");
  /* A real 0 is a value. */
  g_assert_cmpstr (zero_nps, ==, "0");
  g_assert_cmpstr (zero_score, ==, "0");
  g_assert_cmpstr (zero_rate, ==, "0%");
  g_assert_cmpstr (negative, ==, "−20");
  g_assert_cmpstr (average_value, ==, "4.33");
}

/* The follow-up preference */

typedef struct
{
  const char *text;
  int days[SF_FOLLOW_UP_MAX_COUNT + 1];
  guint n_days;
  const char *error;           /* part of the message, or NULL */
} OffsetCase;

static void
test_parse_offsets (void)
{
  static const OffsetCase cases[] = {
    { "30, 90, 180", { 30, 90, 180 }, 3, NULL },
    { "7;14 21", { 7, 14, 21 }, 3, NULL },
    { " 45 ", { 45 }, 1, NULL },
    { "", { 0 }, 0, NULL },                       /* no follow-ups at all */
    { "30, x", { 0 }, 0, "“x” is not a number of days" },
    { "3.5", { 0 }, 0, "“3.5” is not a number of days" },
    { "0, 30", { 0 }, 0, "between 1 and 3650 days" },
    { "4000", { 0 }, 0, "between 1 and 3650 days" },
    { "1 2 3 4 5 6 7 8 9 10 11 12 13", { 0 }, 0, "At most 12 follow-ups" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const OffsetCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) days = sf_follow_up_parse_offsets (c->text, &error);

      if (c->error != NULL)
        {
          g_assert_null (days);
          g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID);
          g_assert_nonnull (strstr (error->message, c->error));
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (days->len, ==, c->n_days);
      for (guint k = 0; k < c->n_days; k++)
        g_assert_cmpint (g_array_index (days, int, k), ==, c->days[k]);
    }
}

static void
test_offsets_round_trip (void)
{
  static const int days[] = { 30, 90, 1825 };
  g_autofree char *text = NULL;
  g_autoptr(GArray) back = NULL;

  /* No digit grouping even where the locale groups: "1.825" would not
   * read back as one number. */
  if (!sf_test_use_locale ("de_DE.UTF-8"))
    return;
  text = sf_follow_up_format_offsets (days, G_N_ELEMENTS (days));
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (text, ==, "30, 90, 1825");
  back = sf_follow_up_parse_offsets (text, NULL);
  g_assert_nonnull (back);
  g_assert_cmpmem (back->data, back->len * sizeof (int), days, sizeof days);
}

/* The export */

static SfDeal *
import_closed (SfStore    *store,
               const char *title,
               gint64      closed_at)
{
  SfDealRow row = {
    .title = title, .customer = "Fjordkraft AS, Bergen", .currency = "NOK", .value = 12345678,
    .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_WON, .probability = -1,
    .stage_entered_at = closed_at, .closed_at = closed_at,
  };
  SfDeal *deal = sf_deal_new_from_row (&row);
  SfImportItem item = { deal, 0 };

  g_assert_true (sf_store_import_deals (store, &item, 1, NULL, NULL, NULL));
  return deal;
}

static void
test_export_bytes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  g_autoptr(SfDeal) deal = import_closed (store, "Fleet \"Nord\"", g_get_real_time () / G_USEC_PER_SEC - 86400 * 40);
  g_autoptr(SfFeedback) answer = sf_feedback_new (sf_date_today () - 5, "Kari Nordmann", 9, 4,
                                                  "Fast, friendly; would buy again");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  guint n_rows = 0;
  gsize size;

  g_assert_true (sf_store_record_feedback (store, deal, answer, &error));
  g_assert_no_error (error);

  bytes = sf_pipeline_export_satisfaction_csv (pipeline, SF_CSV_FOR_PROGRAMS, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);
  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_cmpuint (strlen (text), ==, size);

  /* A UTF-8 byte order mark for spreadsheets, then RFC 4180 with CRLF. */
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* header, one row, nothing after the last CRLF */
  g_assert_cmpstr (lines[0], ==,
                   "deal_id,title,customer,owner,value,currency,closed_on,verdict,verdict_reason,"
                   "verdict_on,next_follow_up,answered_on,respondent,nps,csat,comment,recorded_by");
  g_assert_true (g_str_has_prefix (strchr (lines[1], ','), ",\"Fleet \"\"Nord\"\"\",\"Fjordkraft AS, Bergen\",,123456.78,NOK,"));
  g_assert_nonnull (strstr (lines[1], ",undecided,"));
  g_assert_nonnull (strstr (lines[1], ",Kari Nordmann,9,4,\"Fast, friendly; would buy again\","));
  g_assert_cmpstr (lines[2], ==, "");

  /* For a spreadsheet, as the deals export writes for one: with the
   * decimal comma, semicolons; names, not keys. */
  if (sf_test_use_locale ("de_DE.UTF-8"))
    {
      g_autoptr(GBytes) spreadsheet = sf_pipeline_export_satisfaction_csv (pipeline, SF_CSV_FOR_SPREADSHEETS,
                                                                           NULL, &error);
      g_autofree char *sheet = g_strndup (g_bytes_get_data (spreadsheet, NULL), g_bytes_get_size (spreadsheet));
      g_auto(GStrv) sheet_lines = g_strsplit (sheet + 3, "\r\n", -1);

      g_assert_true (g_str_has_prefix (sheet, "\xef\xbb\xbf"));
      g_assert_cmpstr (sheet_lines[0], ==,
                       "Deal number;Title;Customer;Owner;Value;Currency;Closed on;Verdict;"
                       "Reason for the verdict;Verdict recorded on;Next follow-up;Answered on;"
                       "Respondent;NPS answer;CSAT score;Comment;Recorded by");
      g_assert_nonnull (strstr (sheet_lines[1], ";\"Fleet \"\"Nord\"\"\";Fjordkraft AS, Bergen;;123456,78;NOK;"));
      g_assert_nonnull (strstr (sheet_lines[1], ";Not yet decided;"));
      g_assert_nonnull (strstr (sheet_lines[1], ";Kari Nordmann;9;4;\"Fast, friendly; would buy again\";"));
      setlocale (LC_ALL, "");
      sf_money_format_reset_cache ();
    }

  g_clear_object (&store);
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/satisfaction-ui/chart/scale", test_scale);
  g_test_add_func ("/satisfaction-ui/chart/describe", test_describe);
  g_test_add_func ("/satisfaction-ui/chart/month-names", test_month_names);
  g_test_add_func ("/satisfaction-ui/periods", test_periods);
  g_test_add_func ("/satisfaction-ui/no-value-is-a-dash", test_no_value_is_a_dash);
  g_test_add_func ("/satisfaction-ui/offsets/parse", test_parse_offsets);
  g_test_add_func ("/satisfaction-ui/offsets/round-trip", test_offsets_round_trip);
  g_test_add_func ("/satisfaction-ui/export-bytes", test_export_bytes);

  return g_test_run ();
}
