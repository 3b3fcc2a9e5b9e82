/* test-satisfaction.c — customer satisfaction: the arithmetic, the rules,
 * follow-ups, feedback and verdicts in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "sf-format.h"
#include "sf-satisfaction-group.h"
#include "sf-satisfaction-row.h"
#include "sf-satisfaction.h"
#include "sf-store.h"
#include "sf-test-util.h"
#include "sf-workflow.h"

#define NO_VALUE SF_SATISFACTION_NO_VALUE

/* The arithmetic */

typedef struct
{
  guint a, b, c;
  int expected;
} CountCase;

static void
test_nps (void)
{
  /* promoters, passives, detractors */
  static const CountCase cases[] = {
    { 0, 0, 0, NO_VALUE },   /* no answers: no value, not 0 */
    { 0, 0, 5, -100 },       /* all detractors */
    { 0, 0, 1, -100 },       /* a single answer… */
    { 1, 0, 0, 100 },
    { 0, 1, 0, 0 },
    { 0, 4, 0, 0 },          /* all passives */
    { 6, 0, 0, 100 },
    { 2, 0, 1, 33 },         /* rounded once: not 67 − 33 = 34 */
    { 2, 1, 0, 67 },         /* 66.67 */
    { 1, 7, 0, 13 },         /* 12.5: halves away from zero… */
    { 0, 7, 1, -13 },        /* …on both sides */
    { 1, 0, 7, -75 },
    { 5, 3, 2, 30 },
    { 1, 6, 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("promoters %u, passives %u, detractors %u", cases[i].a, cases[i].b, cases[i].c);
      g_assert_cmpint (sf_satisfaction_nps (cases[i].a, cases[i].b, cases[i].c), ==, cases[i].expected);
    }
}

static void
test_csat (void)
{
  /* sum, count */
  static const CountCase cases[] = {
    { 0, 0, 0, NO_VALUE },
    { 4, 1, 0, 400 },        /* a single answer */
    { 13, 3, 0, 433 },       /* 4.333… */
    { 9, 2, 0, 450 },
    { 5, 3, 0, 167 },        /* 1.666… */
    { 33, 8, 0, 413 },       /* 4.125 rounds up */
    { 3, 3, 0, 100 },
    { 25, 5, 0, 500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("sum %u over %u", cases[i].a, cases[i].b);
      g_assert_cmpint (sf_satisfaction_average_csat (cases[i].a, cases[i].b), ==, cases[i].expected);
    }
}

static void
test_success_rate (void)
{
  /* successes, failures */
  static const CountCase cases[] = {
    { 0, 0, 0, NO_VALUE },   /* nothing decided */
    { 1, 0, 0, 100 },
    { 0, 1, 0, 0 },          /* a real 0 % */
    { 0, 4, 0, 0 },
    { 1, 2, 0, 33 },
    { 2, 1, 0, 67 },
    { 1, 7, 0, 13 },         /* 12.5 */
    { 3, 1, 0, 75 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u successes, %u failures", cases[i].a, cases[i].b);
      g_assert_cmpint (sf_satisfaction_success_rate (cases[i].a, cases[i].b), ==, cases[i].expected);
    }
}

static void
test_format_csat (void)
{
  static const struct {
    const char *locale;
    int hundredths;
    const char *expected;
  } cases[] = {
    { "C.UTF-8", 433, "4.33" },
    { "C.UTF-8", 500, "5.00" },
    { "C.UTF-8", 105, "1.05" },
    { "C.UTF-8", NO_VALUE, "" },
    { "de_DE.UTF-8", 433, "4,33" },
    { "nb_NO.UTF-8", 167, "1,67" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      if (!sf_test_use_locale (cases[i].locale))
        return;
      text = sf_satisfaction_format_csat (cases[i].hundredths);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  sf_test_use_locale ("C.UTF-8");
}

/* Validation */

#define TODAY 2461000  /* a Julian day in 2025 */

typedef struct
{
  const char *name;
  guint answered_on;
  const char *respondent;
  int nps;
  int csat;
  int code;             /* SfSatisfactionError, or -1 for accepted */
} FeedbackCase;

static void
test_validate (void)
{
  static const FeedbackCase cases[] = {
    { "complete", TODAY, "Kari Nordmann", 9, 4, -1 },
    { "lowest scores", TODAY - 400, "Kari", 0, 1, -1 },
    { "highest scores", TODAY, "Kari", 10, 5, -1 },
    { "no date", 0, "Kari", 9, 4, SF_SATISFACTION_ERROR_DATE_MISSING },
    { "tomorrow", TODAY + 1, "Kari", 9, 4, SF_SATISFACTION_ERROR_DATE_IN_FUTURE },
    { "nobody", TODAY, "", 9, 4, SF_SATISFACTION_ERROR_RESPONDENT_MISSING },
    { "blank respondent", TODAY, " \t ", 9, 4, SF_SATISFACTION_ERROR_RESPONDENT_MISSING },
    { "no NPS", TODAY, "Kari", NO_VALUE, 4, SF_SATISFACTION_ERROR_NPS_MISSING },
    { "NPS below", TODAY, "Kari", -1, 4, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "NPS above", TODAY, "Kari", 11, 4, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "no CSAT", TODAY, "Kari", 9, NO_VALUE, SF_SATISFACTION_ERROR_CSAT_MISSING },
    { "CSAT 0", TODAY, "Kari", 9, 0, SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE },
    { "CSAT 6", TODAY, "Kari", 9, 6, SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE },
    /* The first problem in the form's order is the one reported. */
    { "nothing", 0, NULL, NO_VALUE, NO_VALUE, SF_SATISFACTION_ERROR_DATE_MISSING },
    { "no scores", TODAY, "Kari", NO_VALUE, NO_VALUE, SF_SATISFACTION_ERROR_NPS_MISSING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FeedbackCase *c = &cases[i];
      g_autoptr(SfFeedback) feedback = sf_feedback_new (c->answered_on, c->respondent,
                                                        c->nps, c->csat, NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok = sf_feedback_validate (feedback, TODAY, &error);

      g_test_message ("%s", c->name);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SF_SATISFACTION_ERROR, c->code);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

static void
test_parse_score (void)
{
  static const struct {
    const char *text;
    gboolean csat;
    int score;
    int code;
  } cases[] = {
    { "7", FALSE, 7, -1 },
    { " 10 ", FALSE, 10, -1 },
    { "0", FALSE, 0, -1 },
    { "5", TRUE, 5, -1 },
    { "", FALSE, 0, SF_SATISFACTION_ERROR_NPS_MISSING },
    { "  ", TRUE, 0, SF_SATISFACTION_ERROR_CSAT_MISSING },
    { "7.5", FALSE, 0, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "seven", FALSE, 0, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "11", FALSE, 0, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "-1", FALSE, 0, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE },
    { "0", TRUE, 0, SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE },
    { "4,5", TRUE, 0, SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE },
    { "99999999999", TRUE, 0, SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int score = -42;
      gboolean ok = sf_satisfaction_parse_score (cases[i].text, cases[i].csat, &score, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (score, ==, cases[i].score);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SF_SATISFACTION_ERROR, cases[i].code);
          g_assert_cmpint (score, ==, -42);
        }
    }
}

static void
test_check_verdict (void)
{
  static const struct {
    int verdict;
    const char *reason;
    int code;
  } cases[] = {
    { SF_VERDICT_SUCCESS, "Live in every store", -1 },
    { SF_VERDICT_FAILURE, "Rolled back after a month", -1 },
    { SF_VERDICT_UNDECIDED, "Too early", SF_SATISFACTION_ERROR_VERDICT_INVALID },
    { 7, "Whatever", SF_SATISFACTION_ERROR_VERDICT_INVALID },
    { SF_VERDICT_SUCCESS, NULL, SF_SATISFACTION_ERROR_REASON_REQUIRED },
    { SF_VERDICT_FAILURE, " \n ", SF_SATISFACTION_ERROR_REASON_REQUIRED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sf_satisfaction_check_verdict (cases[i].verdict, cases[i].reason, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SF_SATISFACTION_ERROR, cases[i].code);
        }
    }
}

static void
test_bands (void)
{
  static const struct {
    gint64 amount;
    const char *currency;
    SfDealSizeBand band;
  } cases[] = {
    { 0, "EUR", SF_DEAL_SIZE_BAND_SMALL },
    { -500000, "EUR", SF_DEAL_SIZE_BAND_SMALL },
    { 999999, "EUR", SF_DEAL_SIZE_BAND_SMALL },            /* 9 999.99 */
    { 1000000, "EUR", SF_DEAL_SIZE_BAND_MEDIUM },          /* 10 000.00 */
    { 9999999, "NOK", SF_DEAL_SIZE_BAND_MEDIUM },          /* 99 999.99 */
    { 10000000, "NOK", SF_DEAL_SIZE_BAND_LARGE },
    { 99999999, "NOK", SF_DEAL_SIZE_BAND_LARGE },          /* 999 999.99 */
    { 100000000, "NOK", SF_DEAL_SIZE_BAND_VERY_LARGE },
    { G_GINT64_CONSTANT (900000000000), "EUR", SF_DEAL_SIZE_BAND_VERY_LARGE },
    /* Each currency in its own major units. */
    { 9999, "JPY", SF_DEAL_SIZE_BAND_SMALL },
    { 10000, "JPY", SF_DEAL_SIZE_BAND_MEDIUM },
    { 9999999, "KWD", SF_DEAL_SIZE_BAND_SMALL },           /* 9 999.999 */
    { 10000000, "KWD", SF_DEAL_SIZE_BAND_MEDIUM },
  };
  static const char * const labels[] = {
    "Under 10000", "10000–99999", "100000–999999", "1000000 and more",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SfMoney value;

      sf_money_init (&value, cases[i].amount, cases[i].currency);
      g_test_message ("%" G_GINT64_FORMAT " %s", cases[i].amount, cases[i].currency);
      g_assert_cmpint (sf_deal_size_band_for_value (&value), ==, cases[i].band);
    }

  /* C.UTF-8 groups no digits. */
  for (int band = 0; band < SF_N_DEAL_SIZE_BANDS; band++)
    {
      g_autofree char *label = sf_deal_size_band_get_label (band);

      g_assert_cmpstr (label, ==, labels[band]);
    }
}

static void
assert_days (GArray      *days,
             const guint *expected,
             guint        n)
{
  g_assert_cmpuint (days->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (days, guint, i), ==, expected[i]);
}

static void
test_follow_up_schedule (void)
{
  guint closed = sf_date_from_ymd (2026, 1, 31);
  guint n_defaults;
  const int *defaults = sf_follow_up_get_default_offsets (&n_defaults);
  const guint expected[] = {
    sf_date_from_ymd (2026, 3, 2), sf_date_from_ymd (2026, 5, 1), sf_date_from_ymd (2026, 7, 30),
  };
  const int messy[] = { 90, 30, 90 };
  const int too_many[SF_FOLLOW_UP_MAX_COUNT + 1] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
  const int bad[][1] = { { 0 }, { -5 }, { SF_FOLLOW_UP_MAX_DAYS + 1 } };
  const int edges[] = { 1, SF_FOLLOW_UP_MAX_DAYS };
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) none = NULL;

  g_assert_cmpuint (n_defaults, ==, 3);
  days = sf_follow_up_schedule (closed, defaults, n_defaults);
  assert_days (days, expected, 3);

  /* Sorted, each day once. */
  sorted = sf_follow_up_schedule (closed, messy, G_N_ELEMENTS (messy));
  assert_days (sorted, expected, 2);

  none = sf_follow_up_schedule (0, defaults, n_defaults);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (sf_follow_up_check_offsets (NULL, 0, NULL));
  g_assert_true (sf_follow_up_check_offsets (edges, G_N_ELEMENTS (edges), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sf_follow_up_check_offsets (bad[i], 1, &error));
      g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sf_follow_up_check_offsets (too_many, G_N_ELEMENTS (too_many), &error));
    g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID);
  }
}

/* Summaries over answers and rows */

static void
add_answer (GPtrArray *answers,
            int        y,
            int        m,
            int        d,
            int        nps,
            int        csat)
{
  g_ptr_array_add (answers, sf_feedback_new (sf_date_from_ymd (y, m, d), "Kari", nps, csat, NULL));
}

static gint64
unix_at (int y,
         int m,
         int d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, 12, 0, 0);

  return g_date_time_to_unix (dt);
}

static SfSatisfactionRow *
make_row (gint64      deal_id,
          gint64      owner_id,
          const char *owner_name,
          gint64      amount,
          SfVerdict   verdict,
          gint64      verdict_at)
{
  SfSatisfactionRowData data = {
    .deal_id = deal_id, .title = "Deal", .customer = "Kunde AS",
    .owner_id = owner_id, .owner_name = owner_name,
    .latest_nps = NO_VALUE, .latest_csat = NO_VALUE,
    .verdict = verdict, .verdict_reason = verdict ? "Because" : NULL,
    .verdict_at = verdict ? verdict_at : 0,
  };

  sf_money_init (&data.value, amount, "NOK");
  return sf_satisfaction_row_new (&data);
}

static void
test_monthly (void)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) months = NULL;
  SfSatisfactionMonth *m;

  add_answer (answers, 2027, 3, 15, 10, 5);
  add_answer (answers, 2027, 3, 1, 0, 1);
  add_answer (answers, 2026, 12, 31, 7, 3);
  add_answer (answers, 2026, 4, 1, 9, 4);     /* the first of the twelve months */
  add_answer (answers, 2026, 3, 31, 0, 1);    /* thirteen months back: left out */
  add_answer (answers, 2027, 4, 1, 0, 1);     /* after the last month: left out */

  months = sf_satisfaction_monthly (answers, 2027, 3);
  g_assert_cmpuint (months->len, ==, 12);

  m = &g_array_index (months, SfSatisfactionMonth, 0);
  g_assert_cmpint (m->year, ==, 2026);
  g_assert_cmpint (m->month, ==, 4);
  g_assert_cmpuint (m->n_answers, ==, 1);
  g_assert_cmpint (m->nps, ==, 100);
  g_assert_cmpint (m->csat, ==, 400);

  /* A month without answers has no value, not 0. */
  m = &g_array_index (months, SfSatisfactionMonth, 1);
  g_assert_cmpint (m->month, ==, 5);
  g_assert_cmpuint (m->n_answers, ==, 0);
  g_assert_cmpint (m->nps, ==, NO_VALUE);
  g_assert_cmpint (m->csat, ==, NO_VALUE);

  m = &g_array_index (months, SfSatisfactionMonth, 8);
  g_assert_cmpint (m->year, ==, 2026);
  g_assert_cmpint (m->month, ==, 12);
  g_assert_cmpint (m->nps, ==, 0);            /* one passive */
  g_assert_cmpint (m->csat, ==, 300);

  m = &g_array_index (months, SfSatisfactionMonth, 9);
  g_assert_cmpint (m->year, ==, 2027);
  g_assert_cmpint (m->month, ==, 1);
  g_assert_cmpint (m->nps, ==, NO_VALUE);

  m = &g_array_index (months, SfSatisfactionMonth, 11);
  g_assert_cmpint (m->year, ==, 2027);
  g_assert_cmpint (m->month, ==, 3);
  g_assert_cmpuint (m->n_answers, ==, 2);
  g_assert_cmpint (m->nps, ==, 0);            /* a promoter and a detractor */
  g_assert_cmpint (m->csat, ==, 300);
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint from = sf_date_from_ymd (2026, 1, 1), to = sf_date_from_ymd (2026, 3, 31);
  SfSatisfactionSummary summary;

  /* 6 is a detractor, 7 and 8 passives, 9 a promoter. */
  add_answer (answers, 2026, 1, 1, 6, 2);
  add_answer (answers, 2026, 2, 10, 7, 4);
  add_answer (answers, 2026, 3, 31, 8, 4);
  add_answer (answers, 2026, 3, 31, 9, 5);
  add_answer (answers, 2025, 12, 31, 0, 1);   /* before the period */
  add_answer (answers, 2026, 4, 1, 0, 1);     /* after it */

  g_ptr_array_add (rows, make_row (1, 1, "Ingrid", 100, SF_VERDICT_SUCCESS, unix_at (2026, 2, 1)));
  g_ptr_array_add (rows, make_row (2, 1, "Ingrid", 100, SF_VERDICT_SUCCESS, unix_at (2026, 3, 31)));
  g_ptr_array_add (rows, make_row (3, 2, "Lars", 100, SF_VERDICT_FAILURE, unix_at (2026, 1, 1)));
  g_ptr_array_add (rows, make_row (4, 2, "Lars", 100, SF_VERDICT_FAILURE, unix_at (2026, 4, 1)));
  g_ptr_array_add (rows, make_row (5, 2, "Lars", 100, SF_VERDICT_UNDECIDED, 0));

  sf_satisfaction_summarize (answers, rows, from, to, &summary);
  g_assert_cmpuint (summary.n_answers, ==, 4);
  g_assert_cmpint (summary.nps, ==, 0);
  g_assert_cmpint (summary.csat, ==, 375);
  g_assert_cmpuint (summary.n_success, ==, 2);
  g_assert_cmpuint (summary.n_failure, ==, 1);
  g_assert_cmpint (summary.success_rate, ==, 67);

  /* No limits: everything. */
  sf_satisfaction_summarize (answers, rows, 0, 0, &summary);
  g_assert_cmpuint (summary.n_answers, ==, 6);
  g_assert_cmpint (summary.nps, ==, -33);  /* 1 promoter, 3 detractors of 6 */
  g_assert_cmpint (summary.success_rate, ==, 50);

  /* An empty period has no values, not zeros. */
  sf_satisfaction_summarize (answers, rows, sf_date_from_ymd (2030, 1, 1),
                             sf_date_from_ymd (2030, 12, 31), &summary);
  g_assert_cmpuint (summary.n_answers, ==, 0);
  g_assert_cmpint (summary.nps, ==, NO_VALUE);
  g_assert_cmpint (summary.csat, ==, NO_VALUE);
  g_assert_cmpint (summary.success_rate, ==, NO_VALUE);
}

static void
assert_group (SfSatisfactionGroup *group,
              const char          *label,
              guint                n_success,
              guint                n_failure,
              guint                n_undecided,
              int                  rate)
{
  g_assert_cmpstr (sf_satisfaction_group_get_label (group), ==, label);
  g_assert_cmpuint (sf_satisfaction_group_get_n_success (group), ==, n_success);
  g_assert_cmpuint (sf_satisfaction_group_get_n_failure (group), ==, n_failure);
  g_assert_cmpuint (sf_satisfaction_group_get_n_undecided (group), ==, n_undecided);
  g_assert_cmpint (sf_satisfaction_group_get_success_rate (group), ==, rate);
}

static void
test_breakdown (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) bands = NULL;
  gint64 t = unix_at (2026, 5, 1);

  g_ptr_array_add (rows, make_row (1, 7, "Åse", 500000, SF_VERDICT_FAILURE, t));           /* 5 000 */
  g_ptr_array_add (rows, make_row (2, 3, "Lars", 2500000, SF_VERDICT_SUCCESS, t));        /* 25 000 */
  g_ptr_array_add (rows, make_row (3, 3, "Lars", 3000000, SF_VERDICT_FAILURE, t));
  g_ptr_array_add (rows, make_row (4, 3, "Lars", 150000000, SF_VERDICT_SUCCESS, t));      /* 1.5 M */
  g_ptr_array_add (rows, make_row (5, 0, NULL, 400000, SF_VERDICT_UNDECIDED, 0));
  g_ptr_array_add (rows, make_row (6, 9, "Bjørn", 100000000, SF_VERDICT_UNDECIDED, 0));   /* 1 M */

  owners = sf_satisfaction_by_owner (rows);
  g_assert_cmpuint (owners->len, ==, 4);
  /* By name in the C locale's collation; deals nobody owns last. */
  assert_group (g_ptr_array_index (owners, 0), "Bjørn", 0, 0, 1, NO_VALUE);
  assert_group (g_ptr_array_index (owners, 1), "Lars", 2, 1, 0, 67);
  assert_group (g_ptr_array_index (owners, 2), "Åse", 0, 1, 0, 0);
  assert_group (g_ptr_array_index (owners, 3), "No owner", 0, 0, 1, NO_VALUE);
  g_assert_cmpint (sf_satisfaction_group_get_owner_id (g_ptr_array_index (owners, 1)), ==, 3);
  g_assert_cmpint (sf_satisfaction_group_get_owner_id (g_ptr_array_index (owners, 3)), ==, 0);

  bands = sf_satisfaction_by_band (rows);
  g_assert_cmpuint (bands->len, ==, SF_N_DEAL_SIZE_BANDS);
  assert_group (g_ptr_array_index (bands, 0), "Under 10000", 0, 1, 1, 0);
  assert_group (g_ptr_array_index (bands, 1), "10000–99999", 1, 1, 0, 50);
  /* Empty bands are there too, without a rate. */
  assert_group (g_ptr_array_index (bands, 2), "100000–999999", 0, 0, 0, NO_VALUE);
  assert_group (g_ptr_array_index (bands, 3), "1000000 and more", 1, 0, 1, 100);
  g_assert_cmpint (sf_satisfaction_group_get_band (g_ptr_array_index (bands, 3)), ==,
                   SF_DEAL_SIZE_BAND_VERY_LARGE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GString    *names)
{
  g_string_append_printf (names, "%s ", pspec->name);
}

/* The tab updates a row in place; only what changed is announced. */
static void
test_row_assign (void)
{
  g_autoptr(SfSatisfactionRow) row = make_row (1, 3, "Lars", 500000, SF_VERDICT_UNDECIDED, 0);
  g_autoptr(SfSatisfactionRow) same = make_row (1, 3, "Lars", 500000, SF_VERDICT_UNDECIDED, 0);
  g_autoptr(SfSatisfactionRow) changed = make_row (1, 3, "Lars", 2000000, SF_VERDICT_SUCCESS, 1000);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *query = sf_search_fold ("kunde LARS");
  g_autofree char *miss = sf_search_fold ("kunde ingrid");

  g_signal_connect (row, "notify", G_CALLBACK (count_notify), names);
  sf_satisfaction_row_assign (row, same);
  g_assert_cmpstr (names->str, ==, "");

  sf_satisfaction_row_assign (row, changed);
  g_assert_nonnull (strstr (names->str, "value "));
  g_assert_nonnull (strstr (names->str, "band "));
  g_assert_nonnull (strstr (names->str, "verdict "));
  g_assert_nonnull (strstr (names->str, "verdict-reason "));
  g_assert_nonnull (strstr (names->str, "verdict-at "));
  g_assert_null (strstr (names->str, "title "));
  g_assert_null (strstr (names->str, "latest-nps "));
  g_assert_cmpint (sf_satisfaction_row_get_verdict (row), ==, SF_VERDICT_SUCCESS);
  g_assert_cmpint (sf_satisfaction_row_get_band (row), ==, SF_DEAL_SIZE_BAND_MEDIUM);

  g_assert_true (sf_satisfaction_row_matches (row, query));
  g_assert_false (sf_satisfaction_row_matches (row, miss));
}

/* The store */

typedef struct
{
  char *dir;
  SfStore *store;
  SfPerson *me;
} Fixture;

static gint64 fake_time;

static gint64
fake_now (gpointer data)
{
  return fake_time;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sf_test_open_store (&f->dir);
  fake_time = unix_at (2026, 1, 31);
  sf_store_set_clock (f->store, fake_now, NULL);
  f->me = sf_store_add_person (f->store, "Ingrid Bakke", SF_ROLE_SALES, NULL);
  g_assert_nonnull (f->me);
  sf_store_set_actor (f->store, sf_person_get_id (f->me));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->me);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
exec_sql (SfStore    *store,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (sf_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
query_int (SfStore    *store,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (sf_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Walks a new deal into Closed through the store, as a user would. The two
 * approvals of Developed cannot be ticked by hand and the approval path
 * belongs to another part of the program, so the test sets them done in
 * the file directly — the one step a user could not take. */
static SfDeal *
close_deal_by_hand (Fixture    *f,
                    const char *title)
{
  g_autoptr(GError) error = NULL;
  SfDeal *deal = sf_test_create_deal (f->store, title, "Nordlys AS", 2500000, "NOK");

  for (SfStage stage = SF_STAGE_PROSPECT; stage < SF_STAGE_CLOSED; stage++)
    {
      g_assert_true (sf_test_tick_stage (f->store, deal, stage));
      if (stage == SF_STAGE_DEVELOPED)
        exec_sql (f->store, "UPDATE jobs SET done = 1 WHERE kind IN (1, 2)");
      g_assert_true (sf_store_advance (f->store, deal, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_CLOSED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_WON);

  return deal;
}

/* A deal brought in already closed, the sample pipeline's way. */
static SfDeal *
import_deal (Fixture      *f,
             const char   *title,
             SfStage       stage,
             SfDealStatus  status,
             gint64        closed_at,
             gint64        amount)
{
  g_autoptr(GError) error = NULL;
  SfDealRow row = {
    .title = title, .customer = "Fjordkraft AS", .currency = "NOK", .value = amount,
    .owner_id = sf_person_get_id (f->me), .stage = stage, .status = status,
    .probability = -1, .stage_entered_at = closed_at, .closed_at = closed_at,
  };
  SfDeal *deal = sf_deal_new_from_row (&row);
  SfImportItem item = { deal, 0 };

  g_assert_true (sf_store_import_deals (f->store, &item, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The caller's object carries the id; read the rest as stored. */
  {
    SfDeal *stored = sf_store_get_deal (f->store, sf_deal_get_id (deal), &error);

    g_assert_no_error (error);
    g_object_unref (deal);
    return stored;
  }
}

static void
assert_follow_ups (SfStore     *store,
                   SfDeal      *deal,
                   guint        closed_on,
                   const int   *offsets,
                   guint        n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) follow_ups = sf_store_list_follow_ups (store, sf_deal_get_id (deal), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      SfFollowUp *u = &g_array_index (follow_ups, SfFollowUp, i);

      g_assert_cmpuint (u->due, ==, closed_on + offsets[i]);
      g_assert_cmpint (u->offset_days, ==, offsets[i]);
      g_assert_cmpint (u->done_at, ==, 0);
    }
}

static const int defaults[] = { 30, 90, 180 };

static void
test_schedule_on_advance (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(SfDeal) second = NULL;
  guint closed_on = sf_date_from_ymd (2026, 1, 31);
  const int custom[] = { 14, 7 };
  const int custom_sorted[] = { 7, 14 };
  SfDealState closed_state;

  deal = close_deal_by_hand (f, "Charging network");
  assert_follow_ups (f->store, deal, closed_on, defaults, 3);

  /* Back out of Closed: the open follow-ups go. */
  sf_deal_get_state (deal, &closed_state);
  fake_time += 86400;
  g_assert_true (sf_store_move_back (f->store, deal, "Contract not signed after all", &error));
  g_assert_no_error (error);
  assert_follow_ups (f->store, deal, closed_on, NULL, 0);

  /* Undo brings the deal back into Closed with its old closing time, and
   * the follow-ups with it. */
  g_assert_true (sf_store_return_to_state (f->store, deal, &closed_state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_CLOSED);
  assert_follow_ups (f->store, deal, closed_on, defaults, 3);

  /* Losing and restoring a closed deal keeps them. */
  g_assert_true (sf_store_mark_lost (f->store, deal, "price", NULL, &error));
  g_assert_true (sf_store_restore (f->store, deal, &error));
  g_assert_no_error (error);
  assert_follow_ups (f->store, deal, closed_on, defaults, 3);

  /* The team's own offsets apply to deals closed from then on. */
  g_assert_false (sf_store_set_follow_up_offsets (f->store, (const int[]) { 0 }, 1, &error));
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID);
  g_clear_error (&error);
  g_assert_true (sf_store_set_follow_up_offsets (f->store, custom, G_N_ELEMENTS (custom), &error));
  g_assert_no_error (error);
  second = close_deal_by_hand (f, "Heat pumps");
  assert_follow_ups (f->store, second, sf_date_from_ymd (2026, 2, 1), custom_sorted, 2);
  assert_follow_ups (f->store, deal, closed_on, defaults, 3);
}

static void
test_schedule_on_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SfDeal) closed = import_deal (f, "Closed", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                          unix_at (2025, 11, 15), 100);
  g_autoptr(SfDeal) open = import_deal (f, "Open", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN,
                                        unix_at (2025, 11, 15), 100);

  /* From the deal's own closing day, not the day of the import. */
  assert_follow_ups (f->store, closed, sf_date_from_ymd (2025, 11, 15), defaults, 3);
  assert_follow_ups (f->store, open, 0, NULL, 0);
}

static SfFeedback *
record_with (Fixture     *f,
             SfDeal      *deal,
             guint        answered_on,
             int          nps,
             int          csat,
             const char  *comment,
             GError     **error)
{
  SfFeedback *feedback = sf_feedback_new (answered_on, "  Kari Nordmann ", nps, csat, comment);

  if (!sf_store_record_feedback (f->store, deal, feedback, error))
    g_clear_object (&feedback);

  return feedback;
}

static SfFeedback *
record (Fixture   *f,
        SfDeal    *deal,
        guint      answered_on,
        int        nps,
        int        csat,
        GError   **error)
{
  return record_with (f, deal, answered_on, nps, csat, "Happy with the roll-out", error);
}

static void
test_record_feedback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint closed_on = sf_date_from_ymd (2025, 12, 1);
  g_autoptr(SfDeal) deal = import_deal (f, "Fleet", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                        unix_at (2025, 12, 1), 100);
  g_autoptr(SfDeal) open = import_deal (f, "Open", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN,
                                        0, 100);
  g_autoptr(SfFeedback) first = NULL;
  g_autoptr(SfFeedback) second = NULL;
  g_autoptr(SfFeedback) refused = NULL;
  g_autoptr(GArray) follow_ups = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  SfFollowUp *u;

  /* Today is 2026-01-31: the 30-day follow-up (2025-12-31) is overdue. */
  first = record (f, deal, sf_date_from_ymd (2026, 1, 20), 9, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_feedback_get_id (first), >, 0);
  g_assert_cmpint (sf_feedback_get_deal_id (first), ==, sf_deal_get_id (deal));
  g_assert_cmpint (sf_feedback_get_recorded_by (first), ==, sf_person_get_id (f->me));
  g_assert_cmpstr (sf_feedback_get_recorded_by_name (first), ==, "Ingrid Bakke");
  g_assert_cmpint (sf_feedback_get_recorded_at (first), ==, fake_time);
  g_assert_cmpstr (sf_feedback_get_respondent (first), ==, "Kari Nordmann");

  follow_ups = sf_store_list_follow_ups (f->store, sf_deal_get_id (deal), NULL);
  u = &g_array_index (follow_ups, SfFollowUp, 0);
  g_assert_cmpuint (u->due, ==, closed_on + 30);
  g_assert_cmpint (u->done_at, ==, fake_time);
  g_assert_cmpint (u->done_by, ==, sf_person_get_id (f->me));
  g_assert_cmpint (u->feedback_id, ==, sf_feedback_get_id (first));
  g_assert_cmpint (g_array_index (follow_ups, SfFollowUp, 1).done_at, ==, 0);
  g_clear_pointer (&follow_ups, g_array_unref);

  /* An answer before the next follow-up is due completes that one. */
  fake_time += 86400;
  second = record_with (f, deal, sf_date_from_ymd (2026, 2, 1), 3, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sf_feedback_get_comment (second));
  follow_ups = sf_store_list_follow_ups (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpint (g_array_index (follow_ups, SfFollowUp, 1).feedback_id, ==,
                   sf_feedback_get_id (second));
  g_assert_cmpint (g_array_index (follow_ups, SfFollowUp, 2).done_at, ==, 0);

  /* Refused: an open deal, a score out of range, a day still to come.
   * Nothing is written. */
  refused = record (f, open, sf_date_from_ymd (2026, 1, 20), 9, 4, &error);
  g_assert_null (refused);
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NOT_CLOSED);
  g_clear_error (&error);
  refused = record (f, deal, sf_date_from_ymd (2026, 1, 20), 11, 4, &error);
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE);
  g_clear_error (&error);
  refused = record (f, deal, sf_date_from_ymd (2026, 2, 2), 9, 4, &error);
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_DATE_IN_FUTURE);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM feedback"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM follow_ups WHERE done_at IS NOT NULL"),
                   ==, 2);

  /* Newest first. */
  answers = sf_store_list_feedback (f->store, sf_deal_get_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpint (sf_feedback_get_nps (g_ptr_array_index (answers, 0)), ==, 3);
  g_assert_null (sf_feedback_get_comment (g_ptr_array_index (answers, 0)));
  g_assert_cmpint (sf_feedback_get_nps (g_ptr_array_index (answers, 1)), ==, 9);
  g_assert_cmpstr (sf_feedback_get_comment (g_ptr_array_index (answers, 1)), ==,
                   "Happy with the roll-out");

  history = sf_store_list_history (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "feedback");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 0)), ==,
                   "2026-02-01 3 2 Kari Nordmann");
  text = sf_history_entry_describe (g_ptr_array_index (history, 0));
  g_assert_nonnull (strstr (text, "Kari Nordmann"));
  g_assert_nonnull (strstr (text, "NPS answer 3"));
  g_assert_nonnull (strstr (text, "CSAT 2"));
}

static void
test_record_verdict (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = import_deal (f, "Fleet", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                        unix_at (2025, 12, 1), 100);
  g_autoptr(SfDeal) open = import_deal (f, "Open", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, 0, 100);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  SfJob *job;
  guint done_before;

  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  job = sf_test_find_job (jobs, "satisfaction-tracked");
  g_assert_nonnull (job);

  /* Not by hand. */
  g_assert_false (sf_store_set_job_done (f->store, deal, job, TRUE, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);

  g_assert_false (sf_store_record_verdict (f->store, deal, SF_VERDICT_SUCCESS, " ", &error));
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_false (sf_store_record_verdict (f->store, open, SF_VERDICT_SUCCESS, "Early praise", &error));
  g_assert_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NOT_CLOSED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM verdicts"), ==, 0);

  done_before = sf_deal_get_progress_done (deal);
  g_assert_true (sf_store_record_verdict (f->store, deal, SF_VERDICT_SUCCESS,
                                          "Live in every depot", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_deal_get_progress_done (deal), ==, done_before + 1);

  g_clear_pointer (&jobs, g_ptr_array_unref);
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  job = sf_test_find_job (jobs, "satisfaction-tracked");
  g_assert_true (sf_job_get_done (job));
  g_assert_cmpint (sf_job_get_done_by (job), ==, sf_person_get_id (f->me));
  g_assert_cmpint (sf_job_get_done_at (job), ==, fake_time);

  /* Unticking by hand is refused as well. */
  g_assert_false (sf_store_set_job_done (f->store, deal, job, FALSE, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);

  /* A later verdict replaces it, and the history keeps both. */
  fake_time += 86400;
  g_assert_true (sf_store_record_verdict (f->store, deal, SF_VERDICT_FAILURE,
                                          "Rolled back in March", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT verdict FROM verdicts"), ==, SF_VERDICT_FAILURE);
  g_assert_cmpint (query_int (f->store, "SELECT decided_at FROM verdicts"), ==, fake_time);

  history = sf_store_list_history (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "verdict");
  g_assert_cmpstr (sf_history_entry_get_old_value (g_ptr_array_index (history, 0)), ==, "success");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 0)), ==,
                   "failure Rolled back in March");
  text = sf_history_entry_describe (g_ptr_array_index (history, 0));
  g_assert_cmpstr (text, ==, "Verdict: Success → Failure — Rolled back in March");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 1)), ==, "verdict");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 2)), ==, "job-done");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 2)), ==,
                   "satisfaction-tracked");
  /* The job is done once; changing the verdict does not tick it again. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history WHERE field = 'job-done'"), ==, 1);
}

static SfSatisfactionRow *
find_row (GPtrArray *rows,
          SfDeal    *deal)
{
  for (guint i = 0; i < rows->len; i++)
    if (sf_satisfaction_row_get_deal_id (g_ptr_array_index (rows, i)) == sf_deal_get_id (deal))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
test_tab_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) a = import_deal (f, "Solar roofs", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                     unix_at (2025, 12, 1), 12345678);
  g_autoptr(SfDeal) b = import_deal (f, "Boats", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                     unix_at (2026, 1, 10), 500);
  g_autoptr(SfDeal) open = import_deal (f, "Open", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, 0, 100);
  g_autoptr(SfFeedback) newer = NULL;
  g_autoptr(SfFeedback) older = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SfSatisfactionRow) again = NULL;
  g_autoptr(SfSatisfactionRow) none = NULL;
  SfSatisfactionRow *row;

  /* Entered out of order: the newest is the one answered last. */
  newer = record (f, a, sf_date_from_ymd (2026, 1, 25), 10, 5, &error);
  g_assert_no_error (error);
  older = record (f, a, sf_date_from_ymd (2026, 1, 5), 2, 1, &error);
  g_assert_no_error (error);
  g_assert_true (sf_store_record_verdict (f->store, a, SF_VERDICT_SUCCESS, "Pilot live", &error));

  /* 2026-01-31: b's first follow-up (2026-02-09) is still to come. */
  rows = sf_store_list_satisfaction_rows (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_null (find_row (rows, open));
  /* Most recently closed first. */
  g_assert_cmpint (sf_satisfaction_row_get_deal_id (g_ptr_array_index (rows, 0)), ==,
                   sf_deal_get_id (b));

  row = find_row (rows, a);
  g_assert_cmpstr (sf_satisfaction_row_get_title (row), ==, "Solar roofs");
  g_assert_cmpstr (sf_satisfaction_row_get_customer (row), ==, "Fjordkraft AS");
  g_assert_cmpstr (sf_satisfaction_row_get_owner_name (row), ==, "Ingrid Bakke");
  g_assert_cmpint (sf_satisfaction_row_get_value (row)->amount, ==, 12345678);
  g_assert_cmpuint (sf_satisfaction_row_get_closed_on (row), ==, sf_date_from_ymd (2025, 12, 1));
  g_assert_cmpuint (sf_satisfaction_row_get_n_answers (row), ==, 2);
  g_assert_cmpint (sf_satisfaction_row_get_latest_nps (row), ==, 10);
  g_assert_cmpint (sf_satisfaction_row_get_latest_csat (row), ==, 5);
  g_assert_cmpuint (sf_satisfaction_row_get_latest_answered_on (row), ==, sf_date_from_ymd (2026, 1, 25));
  g_assert_cmpint (sf_satisfaction_row_get_verdict (row), ==, SF_VERDICT_SUCCESS);
  g_assert_cmpstr (sf_satisfaction_row_get_verdict_reason (row), ==, "Pilot live");
  /* Two answers completed the follow-ups of day 30 and 90; next is 180. */
  g_assert_cmpuint (sf_satisfaction_row_get_next_follow_up (row), ==, sf_date_from_ymd (2025, 12, 1) + 180);
  g_assert_false (sf_satisfaction_row_get_overdue (row));

  row = find_row (rows, b);
  g_assert_cmpuint (sf_satisfaction_row_get_n_answers (row), ==, 0);
  g_assert_cmpint (sf_satisfaction_row_get_latest_nps (row), ==, NO_VALUE);
  g_assert_cmpint (sf_satisfaction_row_get_latest_csat (row), ==, NO_VALUE);
  g_assert_cmpint (sf_satisfaction_row_get_verdict (row), ==, SF_VERDICT_UNDECIDED);
  g_assert_cmpuint (sf_satisfaction_row_get_next_follow_up (row), ==, sf_date_from_ymd (2026, 2, 9));
  g_assert_false (sf_satisfaction_row_get_overdue (row));

  /* Due on the day is not overdue; the day after is. */
  fake_time = unix_at (2026, 2, 9);
  again = sf_store_get_satisfaction_row (f->store, sf_deal_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_false (sf_satisfaction_row_get_overdue (again));
  g_clear_object (&again);
  fake_time = unix_at (2026, 2, 10);
  again = sf_store_get_satisfaction_row (f->store, sf_deal_get_id (b), &error);
  g_assert_true (sf_satisfaction_row_get_overdue (again));
  sf_satisfaction_row_assign (row, again);
  g_assert_true (sf_satisfaction_row_get_overdue (row));

  none = sf_store_get_satisfaction_row (f->store, sf_deal_get_id (open), &error);
  g_assert_null (none);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
}

static void
test_period_and_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) a = import_deal (f, "Solar roofs", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                     unix_at (2025, 10, 1), 12345678);
  g_autoptr(SfDeal) b = import_deal (f, "Boats", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                     unix_at (2025, 11, 1), 500);
  g_autoptr(SfFeedback) x = NULL;
  g_autoptr(SfFeedback) y = NULL;
  g_autoptr(GPtrArray) period = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) header = NULL;
  GStrv row;

  x = record (f, a, sf_date_from_ymd (2025, 12, 31), 9, 4, &error);
  y = record (f, a, sf_date_from_ymd (2026, 1, 1), 6, 3, &error);
  g_assert_no_error (error);
  g_assert_true (sf_store_record_verdict (f->store, a, SF_VERDICT_FAILURE, "Too slow", &error));

  period = sf_store_list_feedback_between (f->store, sf_date_from_ymd (2026, 1, 1),
                                           sf_date_from_ymd (2026, 1, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (period->len, ==, 1);
  g_assert_cmpint (sf_feedback_get_id (g_ptr_array_index (period, 0)), ==, sf_feedback_get_id (y));
  all = sf_store_list_feedback_between (f->store, 0, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);

  g_assert_true (sf_store_export_satisfaction (f->store, &header, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (header[0], ==, "deal_id");
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, g_strv_length (header));

  /* Deals in the order they closed, answers in the order given. */
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[1], ==, "Solar roofs");
  g_assert_cmpstr (row[3], ==, "Ingrid Bakke");
  g_assert_cmpstr (row[4], ==, "123456.78");
  g_assert_cmpstr (row[5], ==, "NOK");
  g_assert_cmpstr (row[6], ==, "2025-10-01");
  g_assert_cmpstr (row[7], ==, "failure");
  g_assert_cmpstr (row[8], ==, "Too slow");
  g_assert_cmpstr (row[9], ==, "2026-01-31");
  g_assert_cmpstr (row[10], ==, "2026-03-30");   /* the 180-day follow-up */
  g_assert_cmpstr (row[11], ==, "2025-12-31");
  g_assert_cmpstr (row[12], ==, "Kari Nordmann");
  g_assert_cmpstr (row[13], ==, "9");
  g_assert_cmpstr (row[14], ==, "4");
  g_assert_cmpstr (row[15], ==, "Happy with the roll-out");
  g_assert_cmpstr (row[16], ==, "Ingrid Bakke");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[11], ==, "2026-01-01");
  g_assert_cmpstr (row[13], ==, "6");

  /* A closed deal without answers: one row, the answer's columns empty. */
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[1], ==, "Boats");
  g_assert_cmpstr (row[4], ==, "5.00");
  g_assert_cmpstr (row[7], ==, "undecided");
  g_assert_cmpstr (row[9], ==, "");
  g_assert_cmpstr (row[11], ==, "");
  g_assert_cmpstr (row[13], ==, "");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The tab loads off the main loop: the same rows and answers as the
 * synchronous calls, overdue judged by the store's clock. */
static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) a = import_deal (f, "Solar roofs", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON,
                                     unix_at (2025, 10, 1), 100);
  g_autoptr(SfDeal) open = import_deal (f, "Open", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, 0, 100);
  g_autoptr(SfFeedback) x = record (f, a, sf_date_from_ymd (2026, 1, 2), 8, 4, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  g_assert_no_error (error);
  sf_store_load_satisfaction_async (f->store, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (sf_store_load_satisfaction_finish (f->store, result, &rows, &answers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (sf_satisfaction_row_get_deal_id (g_ptr_array_index (rows, 0)), ==,
                   sf_deal_get_id (a));
  g_assert_cmpint (sf_satisfaction_row_get_latest_nps (g_ptr_array_index (rows, 0)), ==, 8);
  /* 2025-12-30, the 90-day follow-up, is before 2026-01-31. */
  g_assert_true (sf_satisfaction_row_get_overdue (g_ptr_array_index (rows, 0)));
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpint (sf_feedback_get_id (g_ptr_array_index (answers, 0)), ==, sf_feedback_get_id (x));
}

/* A version 1 file is upgraded in place and keeps its deals. */
static void
test_migrate_v1 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) again = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  {
    g_autoptr(SfStore) store = sf_test_open_store (&dir);
    g_autoptr(SfDeal) deal = sf_test_create_deal (store, "Kept", "Kunde AS", 100, "EUR");

    path = g_strdup (sf_store_get_path (store));
  }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TABLE follow_ups; DROP TABLE verdicts;"
                                       "DROP TABLE feedback;"
                                       /* schema 4 came after */
                                       "ALTER TABLE history DROP COLUMN old_owner_id;"
                                       "ALTER TABLE history DROP COLUMN new_owner_id;"
                                       "PRAGMA user_version = 2;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  again = sf_store_open (path, &error);
  g_assert_no_error (error);
  deals = sf_store_list_deals (again, &error);
  g_assert_cmpuint (deals->len, ==, 1);
  rows = sf_store_list_satisfaction_rows (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  g_clear_object (&again);
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");

  g_test_add_func ("/satisfaction/nps", test_nps);
  g_test_add_func ("/satisfaction/csat", test_csat);
  g_test_add_func ("/satisfaction/success-rate", test_success_rate);
  g_test_add_func ("/satisfaction/format-csat", test_format_csat);
  g_test_add_func ("/satisfaction/validate", test_validate);
  g_test_add_func ("/satisfaction/parse-score", test_parse_score);
  g_test_add_func ("/satisfaction/check-verdict", test_check_verdict);
  g_test_add_func ("/satisfaction/bands", test_bands);
  g_test_add_func ("/satisfaction/follow-up-schedule", test_follow_up_schedule);
  g_test_add_func ("/satisfaction/monthly", test_monthly);
  g_test_add_func ("/satisfaction/summary", test_summary);
  g_test_add_func ("/satisfaction/breakdown", test_breakdown);
  g_test_add_func ("/satisfaction/row-assign", test_row_assign);
  g_test_add_func ("/satisfaction/store/migrate-v1", test_migrate_v1);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/satisfaction/store/schedule-on-advance", test_schedule_on_advance);
  ADD ("/satisfaction/store/schedule-on-import", test_schedule_on_import);
  ADD ("/satisfaction/store/record-feedback", test_record_feedback);
  ADD ("/satisfaction/store/record-verdict", test_record_verdict);
  ADD ("/satisfaction/store/tab-rows", test_tab_rows);
  ADD ("/satisfaction/store/period-and-export", test_period_and_export);
  ADD ("/satisfaction/store/load-async", test_load_async);

  return g_test_run ();
}
