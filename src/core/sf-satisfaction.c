/* sf-satisfaction.c — customer satisfaction of closed deals: the rules and
 * the arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over answers (SfFeedback) and the Satisfaction tab's rows
 * (SfSatisfactionRow). Everything is integer arithmetic: counts in,
 * percentages and hundredths out, each rounded once, to the nearest
 * integer with halves away from zero (docs/satisfaction.md). A measure
 * with nothing to measure is SF_SATISFACTION_NO_VALUE, never 0.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "sf-feedback.h"
#include "sf-format.h"
#include "sf-satisfaction-group.h"
#include "sf-satisfaction-row.h"
#include "sf-satisfaction.h"

G_DEFINE_QUARK (sf-satisfaction-error-quark, sf_satisfaction_error)

/* Verdicts */

static const struct {
  const char *key;
  const char *name;
} verdicts[] = {
  /* Translators: no verdict yet on whether a closed deal was a success */
  [SF_VERDICT_UNDECIDED] = { "undecided", NC_("verdict", "Not yet decided") },
  /* Translators: the verdict on a closed deal: the product served the customer */
  [SF_VERDICT_SUCCESS] = { "success", NC_("verdict", "Success") },
  /* Translators: the verdict on a closed deal: the product failed the customer */
  [SF_VERDICT_FAILURE] = { "failure", NC_("verdict", "Failure") },
};

gboolean
sf_verdict_is_valid (int value)
{
  return value >= SF_VERDICT_UNDECIDED && value <= SF_VERDICT_FAILURE;
}

/* The satisfaction export's columns: a fixed key for programs, a name in
 * the user's language for spreadsheets. The store fills them in this
 * order (sf_store_export_satisfaction()). */
typedef enum
{
  COLUMN_TEXT,
  COLUMN_VALUE,
  COLUMN_CURRENCY,
  COLUMN_VERDICT,
} ColumnKind;

static const struct {
  const char *key;
  const char *name;
  ColumnKind kind;
} export_columns[SF_SATISFACTION_EXPORT_N_COLUMNS] = {
  /* Translators: a column of the satisfaction export for spreadsheets */
  { "deal_id", NC_("satisfaction column", "Deal number"), COLUMN_TEXT },
  { "title", NC_("satisfaction column", "Title"), COLUMN_TEXT },
  { "customer", NC_("satisfaction column", "Customer"), COLUMN_TEXT },
  { "owner", NC_("satisfaction column", "Owner"), COLUMN_TEXT },
  { "value", NC_("satisfaction column", "Value"), COLUMN_VALUE },
  { "currency", NC_("satisfaction column", "Currency"), COLUMN_CURRENCY },
  { "closed_on", NC_("satisfaction column", "Closed on"), COLUMN_TEXT },
  /* Translators: a column of the satisfaction export: success or failure */
  { "verdict", NC_("satisfaction column", "Verdict"), COLUMN_VERDICT },
  { "verdict_reason", NC_("satisfaction column", "Reason for the verdict"), COLUMN_TEXT },
  { "verdict_on", NC_("satisfaction column", "Verdict recorded on"), COLUMN_TEXT },
  { "next_follow_up", NC_("satisfaction column", "Next follow-up"), COLUMN_TEXT },
  { "answered_on", NC_("satisfaction column", "Answered on"), COLUMN_TEXT },
  { "respondent", NC_("satisfaction column", "Respondent"), COLUMN_TEXT },
  /* Translators: a column of the satisfaction export: the answer from 0 to 10 */
  { "nps", NC_("satisfaction column", "NPS answer"), COLUMN_TEXT },
  /* Translators: a column of the satisfaction export: the score from 1 to 5 */
  { "csat", NC_("satisfaction column", "CSAT score"), COLUMN_TEXT },
  { "comment", NC_("satisfaction column", "Comment"), COLUMN_TEXT },
  { "recorded_by", NC_("satisfaction column", "Recorded by"), COLUMN_TEXT },
};

/**
 * sf_satisfaction_export_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): the export's column
 *   keys, fixed English identifiers a script can rely on
 */
const char * const *
sf_satisfaction_export_keys (void)
{
  static const char *keys[SF_SATISFACTION_EXPORT_N_COLUMNS + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < SF_SATISFACTION_EXPORT_N_COLUMNS; i++)
      keys[i] = export_columns[i].key;

  return keys;
}

/* A row as @audience reads it: for spreadsheets the verdict's name and
 * the value with the locale's decimal mark. */
static void
append_export_row (GString            *out,
                   const char * const *row,
                   SfCsvAudience       audience)
{
  const char *fields[SF_SATISFACTION_EXPORT_N_COLUMNS + 1] = { NULL };
  g_autofree char *value = NULL;
  const char *currency = "XXX";
  guint n = MIN (g_strv_length ((char **) row), SF_SATISFACTION_EXPORT_N_COLUMNS);

  for (guint i = 0; i < n; i++)
    {
      fields[i] = row[i];
      if (export_columns[i].kind == COLUMN_CURRENCY && sf_currency_is_known (row[i]))
        currency = row[i];
    }

  for (guint i = 0; audience == SF_CSV_FOR_SPREADSHEETS && i < n; i++)
    {
      SfVerdict verdict;
      SfMoney money;

      if (export_columns[i].kind == COLUMN_VERDICT && sf_verdict_from_key (row[i], &verdict))
        fields[i] = sf_verdict_get_name (verdict);
      else if (export_columns[i].kind == COLUMN_VALUE && sf_csv_audience_has_decimal_comma (audience) &&
               sf_money_parse_plain (row[i], currency, &money, NULL))
        {
          static const SfMoneyFormat comma = { ",", "", 0, FALSE, FALSE, "", "" };

          fields[i] = value = sf_money_to_input_string_with (&money, &comma);
        }
    }

  sf_csv_append_row (out, fields, sf_csv_audience_get_separator (audience));
}

/**
 * sf_satisfaction_export_csv:
 * @rows: (element-type GStrv): rows of sf_store_export_satisfaction()
 *
 * The satisfaction export as a file: a UTF-8 byte order mark, then
 * RFC 4180 with CRLF. For programs: commas, the keys as column names,
 * `123456.78`, verdicts by key. For spreadsheets: what the deals export
 * writes for them too — semicolons and decimal commas where the locale
 * writes the comma, names in the user's language.
 *
 * Returns: (transfer full): the whole file
 */
GBytes *
sf_satisfaction_export_csv (GPtrArray     *rows,
                            SfCsvAudience  audience)
{
  const char *header[SF_SATISFACTION_EXPORT_N_COLUMNS + 1] = { NULL };
  GString *out = g_string_new (SF_CSV_BOM);

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint i = 0; i < SF_SATISFACTION_EXPORT_N_COLUMNS; i++)
    header[i] = audience == SF_CSV_FOR_PROGRAMS
                ? export_columns[i].key
                : g_dpgettext2 (GETTEXT_PACKAGE, "satisfaction column", export_columns[i].name);
  sf_csv_append_row (out, header, sf_csv_audience_get_separator (audience));
  for (guint i = 0; i < rows->len; i++)
    append_export_row (out, g_ptr_array_index (rows, i), audience);

  return g_string_free_to_bytes (out);
}

/**
 * sf_verdict_get_key:
 *
 * Returns: (transfer none): "undecided", "success" or "failure", for
 *   files and history
 */
const char *
sf_verdict_get_key (SfVerdict verdict)
{
  g_return_val_if_fail (sf_verdict_is_valid (verdict), NULL);
  return verdicts[verdict].key;
}

/**
 * sf_verdict_get_name:
 *
 * Returns: (transfer none): the verdict in the user's language
 */
const char *
sf_verdict_get_name (SfVerdict verdict)
{
  g_return_val_if_fail (sf_verdict_is_valid (verdict), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "verdict", verdicts[verdict].name);
}

gboolean
sf_verdict_from_key (const char *key,
                     SfVerdict  *out_verdict)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (verdicts); i++)
    if (g_str_equal (key, verdicts[i].key))
      {
        if (out_verdict != NULL)
          *out_verdict = i;
        return TRUE;
      }

  return FALSE;
}

/* Deal-size bands */

static const char * const band_keys[SF_N_DEAL_SIZE_BANDS] = {
  "small", "medium", "large", "very-large",
};

/* The lower bound of each band above the first, in major units. */
static const gint64 band_floors[SF_N_DEAL_SIZE_BANDS] = {
  0, 10000, 100000, 1000000,
};

/**
 * sf_deal_size_band_for_value:
 *
 * Bands a deal by its value in major units of its own currency, without
 * conversion: 9 999.99 is under 10 000, 10 000.00 is not.
 */
SfDealSizeBand
sf_deal_size_band_for_value (const SfMoney *value)
{
  gint64 scale = 1;
  int digits;

  g_return_val_if_fail (value != NULL, SF_DEAL_SIZE_BAND_SMALL);

  digits = sf_currency_get_digits (value->currency);
  for (int i = 0; i < digits; i++)
    scale *= 10;

  for (int band = SF_DEAL_SIZE_BAND_VERY_LARGE; band > SF_DEAL_SIZE_BAND_SMALL; band--)
    if (value->amount >= band_floors[band] * scale)
      return band;

  return SF_DEAL_SIZE_BAND_SMALL;
}

/**
 * sf_deal_size_band_get_key:
 *
 * Returns: (transfer none): "small", "medium", "large" or "very-large"
 */
const char *
sf_deal_size_band_get_key (SfDealSizeBand band)
{
  g_return_val_if_fail (band < SF_N_DEAL_SIZE_BANDS, NULL);
  return band_keys[band];
}

/**
 * sf_deal_size_band_get_label:
 *
 * Returns: (transfer full): the band as the user reads it, with the
 *   locale's digit grouping: "Under 10,000", "10,000–99,999"
 */
char *
sf_deal_size_band_get_label (SfDealSizeBand band)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (band < SF_N_DEAL_SIZE_BANDS, NULL);

  if (band == SF_DEAL_SIZE_BAND_SMALL)
    {
      high = sf_format_integer (band_floors[SF_DEAL_SIZE_BAND_MEDIUM]);
      /* Translators: deals worth less than %s, in their own currency */
      return g_strdup_printf (_("Under %s"), high);
    }

  low = sf_format_integer (band_floors[band]);
  if (band == SF_DEAL_SIZE_BAND_VERY_LARGE)
    /* Translators: deals worth %s or more, in their own currency */
    return g_strdup_printf (_("%s and more"), low);

  high = sf_format_integer (band_floors[band + 1] - 1);
  /* Translators: deals worth from the first amount to the second, in their
   * own currency: “10,000–99,999” */
  return g_strdup_printf (C_("deal size", "%s–%s"), low, high);
}

/* Arithmetic */

/* numerator / denominator, to the nearest integer, halves away from zero. */
static int
round_ratio (gint64  numerator,
             guint64 denominator)
{
  guint64 magnitude = numerator < 0 ? -(guint64) numerator : (guint64) numerator;
  guint64 quotient = (2 * magnitude + denominator) / (2 * denominator);

  return numerator < 0 ? -(int) quotient : (int) quotient;
}

/**
 * sf_satisfaction_nps:
 *
 * The Net Promoter Score: the percent of promoters (answers 9–10) minus
 * the percent of detractors (0–6), over all answers. It is worked out
 * exactly as 100 × (promoters − detractors) ÷ answers and rounded once,
 * so two promoters and one detractor give 33, not 67 − 33 = 34.
 *
 * Returns: −100 to 100, or %SF_SATISFACTION_NO_VALUE without answers
 */
int
sf_satisfaction_nps (guint promoters,
                     guint passives,
                     guint detractors)
{
  guint64 total = (guint64) promoters + passives + detractors;

  if (total == 0)
    return SF_SATISFACTION_NO_VALUE;

  return round_ratio (100 * ((gint64) promoters - (gint64) detractors), total);
}

/**
 * sf_satisfaction_average_csat:
 * @sum: the CSAT scores added up
 * @n_scores: how many there are
 *
 * Returns: the average in hundredths (433 for 4.33), or
 *   %SF_SATISFACTION_NO_VALUE without scores
 */
int
sf_satisfaction_average_csat (guint64 sum,
                              guint   n_scores)
{
  if (n_scores == 0)
    return SF_SATISFACTION_NO_VALUE;

  g_return_val_if_fail (sum <= G_MAXINT64 / 100, SF_SATISFACTION_NO_VALUE);

  return round_ratio ((gint64) sum * 100, n_scores);
}

/**
 * sf_satisfaction_success_rate:
 *
 * Undecided deals do not count: the rate says how the deals that were
 * judged turned out.
 *
 * Returns: the percent of decided deals that were a success, or
 *   %SF_SATISFACTION_NO_VALUE when none is decided
 */
int
sf_satisfaction_success_rate (guint successes,
                              guint failures)
{
  guint64 decided = (guint64) successes + failures;

  if (decided == 0)
    return SF_SATISFACTION_NO_VALUE;

  return round_ratio (100 * (gint64) successes, decided);
}

/**
 * sf_satisfaction_format_csat:
 * @hundredths: an average from sf_satisfaction_average_csat()
 *
 * Returns: (transfer full): "4.33" with the locale's decimal separator
 *   ("4,33" in German and Norwegian), or "" for no value
 */
char *
sf_satisfaction_format_csat (int hundredths)
{
  if (hundredths == SF_SATISFACTION_NO_VALUE)
    return g_strdup ("");

  return g_strdup_printf ("%s%d%s%02d", hundredths < 0 ? "-" : "", abs (hundredths) / 100,
                          localeconv ()->decimal_point, abs (hundredths) % 100);
}

/* Validation */

static gboolean
has_text (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

static gboolean
set_score_error (gboolean   csat,
                 gboolean   missing,
                 GError   **error)
{
  if (csat)
    g_set_error_literal (error, SF_SATISFACTION_ERROR,
                         missing ? SF_SATISFACTION_ERROR_CSAT_MISSING
                                 : SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE,
                         missing ? _("Enter the CSAT score, a whole number from 1 to 5")
                                 : _("The CSAT score must be a whole number from 1 to 5"));
  else
    g_set_error_literal (error, SF_SATISFACTION_ERROR,
                         missing ? SF_SATISFACTION_ERROR_NPS_MISSING
                                 : SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE,
                         missing ? _("Enter the NPS answer, a whole number from 0 to 10")
                                 : _("The NPS answer must be a whole number from 0 to 10"));
  return FALSE;
}

/**
 * sf_satisfaction_check_score:
 * @score: the answer, or %SF_SATISFACTION_NO_VALUE when none was given
 * @csat: %TRUE for a CSAT score (1–5), %FALSE for an NPS answer (0–10)
 */
gboolean
sf_satisfaction_check_score (int       score,
                             gboolean  csat,
                             GError  **error)
{
  if (score == SF_SATISFACTION_NO_VALUE)
    return set_score_error (csat, TRUE, error);

  if (csat ? (score < SF_CSAT_MIN || score > SF_CSAT_MAX)
           : (score < SF_NPS_MIN || score > SF_NPS_MAX))
    return set_score_error (csat, FALSE, error);

  return TRUE;
}

/**
 * sf_satisfaction_parse_score:
 * @text: (nullable): what was typed
 * @csat: %TRUE for a CSAT score (1–5), %FALSE for an NPS answer (0–10)
 * @out_score: (out): the score
 *
 * Reads a score typed by hand: empty is missing; "7.5", "seven" and "11"
 * are refused with the range to use.
 */
gboolean
sf_satisfaction_parse_score (const char  *text,
                             gboolean     csat,
                             int         *out_score,
                             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  gint64 value;

  g_return_val_if_fail (out_score != NULL, FALSE);

  if (*clean == '\0')
    return set_score_error (csat, TRUE, error);

  if (!g_ascii_string_to_signed (clean, 10, G_MININT + 1, G_MAXINT, &value, NULL))
    return set_score_error (csat, FALSE, error);

  if (!sf_satisfaction_check_score ((int) value, csat, error))
    return FALSE;

  *out_score = (int) value;
  return TRUE;
}

/**
 * sf_satisfaction_check_deal:
 *
 * Satisfaction is tracked only for deals that closed and were won.
 */
gboolean
sf_satisfaction_check_deal (SfDeal  *deal,
                            GError **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (sf_deal_get_status (deal) == SF_DEAL_STATUS_LOST)
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NOT_CLOSED,
                           _("The deal is lost; restore it first"));
      return FALSE;
    }

  if (sf_deal_get_stage (deal) != SF_STAGE_CLOSED ||
      sf_deal_get_status (deal) != SF_DEAL_STATUS_WON)
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NOT_CLOSED,
                           _("Customer satisfaction is tracked once the deal is closed"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sf_satisfaction_check_verdict:
 * @reason: (nullable): why the deal was a success or a failure
 */
gboolean
sf_satisfaction_check_verdict (SfVerdict    verdict,
                               const char  *reason,
                               GError     **error)
{
  if (verdict != SF_VERDICT_SUCCESS && verdict != SF_VERDICT_FAILURE)
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_VERDICT_INVALID,
                           _("Choose whether the deal was a success or a failure"));
      return FALSE;
    }

  if (!has_text (reason))
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_REASON_REQUIRED,
                           _("Give a reason for the verdict"));
      return FALSE;
    }

  return TRUE;
}

/* Follow-ups */

static const int default_offsets[] = { 30, 90, 180 };

/**
 * sf_follow_up_get_default_offsets:
 * @n_days: (out): how many
 *
 * Returns: (transfer none) (array length=n_days): 30, 90 and 180 days
 */
const int *
sf_follow_up_get_default_offsets (guint *n_days)
{
  g_return_val_if_fail (n_days != NULL, NULL);

  *n_days = G_N_ELEMENTS (default_offsets);
  return default_offsets;
}

/**
 * sf_follow_up_check_offsets:
 * @days: (array length=n_days) (nullable): days after closing
 *
 * No offsets is allowed: then no follow-up is scheduled.
 */
gboolean
sf_follow_up_check_offsets (const int  *days,
                            guint       n_days,
                            GError    **error)
{
  g_return_val_if_fail (days != NULL || n_days == 0, FALSE);

  if (n_days > SF_FOLLOW_UP_MAX_COUNT)
    {
      g_set_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %d is the largest number of follow-ups */
                                "At most %d follow-up can be scheduled after closing",
                                "At most %d follow-ups can be scheduled after closing",
                                SF_FOLLOW_UP_MAX_COUNT),
                   SF_FOLLOW_UP_MAX_COUNT);
      return FALSE;
    }

  for (guint i = 0; i < n_days; i++)
    if (days[i] < 1 || days[i] > SF_FOLLOW_UP_MAX_DAYS)
      {
        g_set_error (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_OFFSETS_INVALID,
                     /* Translators: %d is the largest number of days */
                     g_dngettext (GETTEXT_PACKAGE, "A follow-up must be due between 1 and %d day after closing",
                                  "A follow-up must be due between 1 and %d days after closing",
                                  SF_FOLLOW_UP_MAX_DAYS),
                     SF_FOLLOW_UP_MAX_DAYS);
        return FALSE;
      }

  return TRUE;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/**
 * sf_follow_up_schedule:
 * @closed_on: the Julian day the deal closed
 * @days: (array length=n_days) (nullable): offsets that passed
 *   sf_follow_up_check_offsets()
 *
 * Returns: (transfer full) (element-type guint): the due days, earliest
 *   first, each once; empty when @closed_on is not a day
 */
GArray *
sf_follow_up_schedule (guint      closed_on,
                       const int *days,
                       guint      n_days)
{
  GArray *due = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *sorted = g_memdup2 (days, n_days * sizeof (int));

  g_return_val_if_fail (days != NULL || n_days == 0, due);

  if (closed_on == 0 || !g_date_valid_julian (closed_on))
    return due;

  if (n_days > 0)
    qsort (sorted, n_days, sizeof (int), compare_int);
  for (guint i = 0; i < n_days; i++)
    {
      guint day = closed_on + sorted[i];

      if (sorted[i] < 1 || (i > 0 && sorted[i] == sorted[i - 1]) || !g_date_valid_julian (day))
        continue;
      g_array_append_val (due, day);
    }

  return due;
}

/* Summaries */

typedef struct
{
  guint promoters;
  guint passives;
  guint detractors;
  guint64 csat_sum;
  guint n_csat;
} Tally;

static void
tally_add (Tally      *tally,
           SfFeedback *feedback)
{
  int nps = sf_feedback_get_nps (feedback);
  int csat = sf_feedback_get_csat (feedback);

  if (nps >= 9 && nps <= SF_NPS_MAX)
    tally->promoters++;
  else if (nps >= 7 && nps <= 8)
    tally->passives++;
  else if (nps >= SF_NPS_MIN && nps <= 6)
    tally->detractors++;

  if (csat >= SF_CSAT_MIN && csat <= SF_CSAT_MAX)
    {
      tally->csat_sum += csat;
      tally->n_csat++;
    }
}

static gboolean
in_period (guint day,
           guint from,
           guint to)
{
  return day != 0 && (from == 0 || day >= from) && (to == 0 || day <= to);
}

/**
 * sf_satisfaction_summarize:
 * @feedback: (element-type SfFeedback): answers; those dated in the period
 *   count
 * @rows: (element-type SfSatisfactionRow) (nullable): the closed deals;
 *   verdicts recorded in the period count
 * @from: the first Julian day of the period, or 0 for no limit
 * @to: the last Julian day of the period, or 0 for no limit
 * @out: (out caller-allocates): the summary
 *
 * Answers count by the day the customer answered, verdicts by the day
 * they were last recorded.
 */
void
sf_satisfaction_summarize (GPtrArray             *feedback,
                           GPtrArray             *rows,
                           guint                  from,
                           guint                  to,
                           SfSatisfactionSummary *out)
{
  Tally tally = { 0 };
  guint n_answers = 0;

  g_return_if_fail (feedback != NULL && out != NULL);

  for (guint i = 0; i < feedback->len; i++)
    {
      SfFeedback *answer = g_ptr_array_index (feedback, i);

      if (!in_period (sf_feedback_get_answered_on (answer), from, to))
        continue;
      n_answers++;
      tally_add (&tally, answer);
    }

  *out = (SfSatisfactionSummary) {
    .n_answers = n_answers,
    .nps = sf_satisfaction_nps (tally.promoters, tally.passives, tally.detractors),
    .csat = sf_satisfaction_average_csat (tally.csat_sum, tally.n_csat),
  };

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SfSatisfactionRow *row = g_ptr_array_index (rows, i);
      SfVerdict verdict = sf_satisfaction_row_get_verdict (row);

      if (verdict == SF_VERDICT_UNDECIDED ||
          !in_period (sf_date_from_unix (sf_satisfaction_row_get_verdict_at (row)), from, to))
        continue;
      if (verdict == SF_VERDICT_SUCCESS)
        out->n_success++;
      else
        out->n_failure++;
    }
  out->success_rate = sf_satisfaction_success_rate (out->n_success, out->n_failure);
}

/**
 * sf_satisfaction_monthly:
 * @feedback: (element-type SfFeedback): answers
 * @year: the year of the last month
 * @month: the last month, 1 to 12
 *
 * Buckets answers by the month they were given.
 *
 * Returns: (transfer full) (element-type SfSatisfactionMonth): the twelve
 *   months ending with @month, oldest first; a month without answers has
 *   no NPS and no CSAT
 */
GArray *
sf_satisfaction_monthly (GPtrArray *feedback,
                         int        year,
                         int        month)
{
  GArray *months = g_array_sized_new (FALSE, TRUE, sizeof (SfSatisfactionMonth), 12);
  Tally tallies[12] = { { 0 } };
  int first;

  g_return_val_if_fail (feedback != NULL, months);
  g_return_val_if_fail (month >= 1 && month <= 12, months);

  /* Months counted from year 0, so a span across New Year is plain
   * subtraction. */
  first = year * 12 + (month - 1) - 11;

  for (guint i = 0; i < feedback->len; i++)
    {
      SfFeedback *answer = g_ptr_array_index (feedback, i);
      guint day = sf_feedback_get_answered_on (answer);
      GDate date;
      int index;

      if (day == 0 || !g_date_valid_julian (day))
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      index = g_date_get_year (&date) * 12 + (g_date_get_month (&date) - 1) - first;
      if (index >= 0 && index < 12)
        tally_add (&tallies[index], answer);
    }

  for (int i = 0; i < 12; i++)
    {
      Tally *t = &tallies[i];
      SfSatisfactionMonth m = {
        .year = (first + i) / 12,
        .month = (first + i) % 12 + 1,
        .n_answers = t->promoters + t->passives + t->detractors,
        .nps = sf_satisfaction_nps (t->promoters, t->passives, t->detractors),
        .csat = sf_satisfaction_average_csat (t->csat_sum, t->n_csat),
      };

      g_array_append_val (months, m);
    }

  return months;
}

/* Breakdowns */

typedef struct
{
  gint64 owner_id;
  const char *name;
  guint counts[3];  /* by SfVerdict */
} OwnerCount;

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const OwnerCount *x = a, *y = b;

  /* Deals without an owner come last. */
  if ((x->owner_id == 0) != (y->owner_id == 0))
    return x->owner_id == 0 ? 1 : -1;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static guint
find_owner (GArray     *owners,
            gint64      owner_id,
            const char *name)
{
  OwnerCount fresh = { .owner_id = owner_id, .name = name };

  for (guint i = 0; i < owners->len; i++)
    if (g_array_index (owners, OwnerCount, i).owner_id == owner_id)
      return i;

  g_array_append_val (owners, fresh);
  return owners->len - 1;
}

/**
 * sf_satisfaction_by_owner:
 * @rows: (element-type SfSatisfactionRow): the closed deals
 *
 * Returns: (transfer container) (element-type SfSatisfactionGroup): one
 *   group per owner, by name, with the deals that have no owner last
 */
GPtrArray *
sf_satisfaction_by_owner (GPtrArray *rows)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) owners = g_array_new (FALSE, TRUE, sizeof (OwnerCount));

  g_return_val_if_fail (rows != NULL, groups);

  for (guint i = 0; i < rows->len; i++)
    {
      SfSatisfactionRow *row = g_ptr_array_index (rows, i);
      const char *name = sf_satisfaction_row_get_owner_name (row);
      /* An owner whose name cannot be read counts as no owner. */
      guint index = find_owner (owners, name ? sf_satisfaction_row_get_owner_id (row) : 0, name);

      g_array_index (owners, OwnerCount, index).counts[sf_satisfaction_row_get_verdict (row)]++;
    }

  g_array_sort (owners, compare_owners);
  for (guint i = 0; i < owners->len; i++)
    {
      OwnerCount *o = &g_array_index (owners, OwnerCount, i);

      g_ptr_array_add (groups,
                       sf_satisfaction_group_new (o->owner_id != 0 ? o->name
                                                  /* Translators: deals nobody owns */
                                                  : C_("owner", "No owner"),
                                                  o->owner_id, SF_DEAL_SIZE_BAND_SMALL,
                                                  o->counts[SF_VERDICT_SUCCESS],
                                                  o->counts[SF_VERDICT_FAILURE],
                                                  o->counts[SF_VERDICT_UNDECIDED]));
    }

  return groups;
}

/**
 * sf_satisfaction_by_band:
 * @rows: (element-type SfSatisfactionRow): the closed deals
 *
 * Returns: (transfer container) (element-type SfSatisfactionGroup): the
 *   four deal-size bands, smallest first, each present even when empty
 */
GPtrArray *
sf_satisfaction_by_band (GPtrArray *rows)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[SF_N_DEAL_SIZE_BANDS][3] = { { 0 } };

  g_return_val_if_fail (rows != NULL, groups);

  for (guint i = 0; i < rows->len; i++)
    {
      SfSatisfactionRow *row = g_ptr_array_index (rows, i);

      counts[sf_satisfaction_row_get_band (row)][sf_satisfaction_row_get_verdict (row)]++;
    }

  for (int band = 0; band < SF_N_DEAL_SIZE_BANDS; band++)
    {
      g_autofree char *label = sf_deal_size_band_get_label (band);

      g_ptr_array_add (groups,
                       sf_satisfaction_group_new (label, 0, band,
                                                 counts[band][SF_VERDICT_SUCCESS],
                                                 counts[band][SF_VERDICT_FAILURE],
                                                 counts[band][SF_VERDICT_UNDECIDED]));
    }

  return groups;
}
