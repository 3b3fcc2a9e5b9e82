/* sf-satisfaction.h — customer satisfaction of closed deals: the rules and
 * the arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-deal.h"
#include "sf-csv.h"
#include "sf-money.h"

G_BEGIN_DECLS

#define SF_SATISFACTION_ERROR (sf_satisfaction_error_quark ())

/**
 * SfSatisfactionError:
 * @SF_SATISFACTION_ERROR_DATE_MISSING: the answer has no date
 * @SF_SATISFACTION_ERROR_DATE_IN_FUTURE: the answer is dated after today
 * @SF_SATISFACTION_ERROR_RESPONDENT_MISSING: nobody is named as having answered
 * @SF_SATISFACTION_ERROR_NPS_MISSING: the NPS answer is missing
 * @SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE: the NPS answer is not a whole number 0–10
 * @SF_SATISFACTION_ERROR_CSAT_MISSING: the CSAT score is missing
 * @SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE: the CSAT score is not a whole number 1–5
 * @SF_SATISFACTION_ERROR_NOT_CLOSED: the deal is not closed and won
 * @SF_SATISFACTION_ERROR_VERDICT_INVALID: neither success nor failure
 * @SF_SATISFACTION_ERROR_REASON_REQUIRED: a verdict needs a reason
 * @SF_SATISFACTION_ERROR_OFFSETS_INVALID: follow-up offsets out of range
 */
typedef enum
{
  SF_SATISFACTION_ERROR_DATE_MISSING,
  SF_SATISFACTION_ERROR_DATE_IN_FUTURE,
  SF_SATISFACTION_ERROR_RESPONDENT_MISSING,
  SF_SATISFACTION_ERROR_NPS_MISSING,
  SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE,
  SF_SATISFACTION_ERROR_CSAT_MISSING,
  SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE,
  SF_SATISFACTION_ERROR_NOT_CLOSED,
  SF_SATISFACTION_ERROR_VERDICT_INVALID,
  SF_SATISFACTION_ERROR_REASON_REQUIRED,
  SF_SATISFACTION_ERROR_OFFSETS_INVALID,
} SfSatisfactionError;

/**
 * SfVerdict:
 * @SF_VERDICT_UNDECIDED: no verdict recorded yet
 * @SF_VERDICT_SUCCESS: the product was a success for the customer
 * @SF_VERDICT_FAILURE: the product was a failure for the customer
 *
 * The numeric values are stored in the database and must never change.
 */
typedef enum
{
  SF_VERDICT_UNDECIDED = 0,
  SF_VERDICT_SUCCESS = 1,
  SF_VERDICT_FAILURE = 2,
} SfVerdict;

/**
 * SfDealSizeBand:
 * @SF_DEAL_SIZE_BAND_SMALL: under 10 000 major units of the deal's currency
 * @SF_DEAL_SIZE_BAND_MEDIUM: 10 000 to 99 999
 * @SF_DEAL_SIZE_BAND_LARGE: 100 000 to 999 999
 * @SF_DEAL_SIZE_BAND_VERY_LARGE: 1 000 000 and more
 *
 * Bands are taken in the deal's own currency: 50 000 NOK and 50 000 EUR
 * fall in the same band. There is no conversion (docs/satisfaction.md).
 */
typedef enum
{
  SF_DEAL_SIZE_BAND_SMALL,
  SF_DEAL_SIZE_BAND_MEDIUM,
  SF_DEAL_SIZE_BAND_LARGE,
  SF_DEAL_SIZE_BAND_VERY_LARGE,
} SfDealSizeBand;

#define SF_N_DEAL_SIZE_BANDS 4

/* "No value": no answers to average, no decided deal to rate. A real 0
 * (an NPS of 0, a success rate of 0 %) is a value. */
#define SF_SATISFACTION_NO_VALUE G_MININT

#define SF_NPS_MIN 0
#define SF_NPS_MAX 10
#define SF_CSAT_MIN 1
#define SF_CSAT_MAX 5

/* Follow-ups are at most this many days after closing, and this many per
 * closing. */
#define SF_FOLLOW_UP_MAX_DAYS 3650
#define SF_FOLLOW_UP_MAX_COUNT 12

/**
 * SfSatisfactionSummary:
 * @n_answers: answers dated in the period
 * @nps: −100 to 100, or %SF_SATISFACTION_NO_VALUE
 * @csat: the average CSAT in hundredths (433 is 4.33), or
 *   %SF_SATISFACTION_NO_VALUE
 * @n_success: deals judged a success in the period
 * @n_failure: deals judged a failure in the period
 * @success_rate: percent of @n_success + @n_failure, or
 *   %SF_SATISFACTION_NO_VALUE
 */
typedef struct
{
  guint n_answers;
  int nps;
  int csat;
  guint n_success;
  guint n_failure;
  int success_rate;
} SfSatisfactionSummary;

/**
 * SfSatisfactionMonth:
 * @year: the year
 * @month: 1 to 12
 * @n_answers: answers dated in the month
 * @nps: as in #SfSatisfactionSummary
 * @csat: as in #SfSatisfactionSummary
 */
typedef struct
{
  int year;
  int month;
  guint n_answers;
  int nps;
  int csat;
} SfSatisfactionMonth;

/**
 * SfFollowUp:
 * @id: the follow-up
 * @deal_id: its deal
 * @due: the Julian day it is due
 * @offset_days: how many days after closing
 * @done_at: when an answer completed it, in Unix seconds; 0 while open
 * @done_by: who recorded that answer, or 0
 * @feedback_id: the answer that completed it, or 0
 */
typedef struct
{
  gint64 id;
  gint64 deal_id;
  guint due;
  int offset_days;
  gint64 done_at;
  gint64 done_by;
  gint64 feedback_id;
} SfFollowUp;

GQuark       sf_satisfaction_error_quark   (void);

gboolean     sf_verdict_is_valid           (int             value);
const char  *sf_verdict_get_key            (SfVerdict       verdict);
const char  *sf_verdict_get_name           (SfVerdict       verdict);
gboolean     sf_verdict_from_key           (const char     *key,
                                            SfVerdict      *out_verdict);

/* The columns of the satisfaction export, sf_satisfaction_export_keys(). */
#define SF_SATISFACTION_EXPORT_N_COLUMNS 17

const char * const *sf_satisfaction_export_keys (void);
GBytes      *sf_satisfaction_export_csv    (GPtrArray      *rows,
                                            SfCsvAudience   audience);

SfDealSizeBand sf_deal_size_band_for_value (const SfMoney  *value);
const char  *sf_deal_size_band_get_key     (SfDealSizeBand  band);
char        *sf_deal_size_band_get_label   (SfDealSizeBand  band);

int          sf_satisfaction_nps           (guint           promoters,
                                            guint           passives,
                                            guint           detractors);
int          sf_satisfaction_average_csat  (guint64         sum,
                                            guint           n_scores);
int          sf_satisfaction_success_rate  (guint           successes,
                                            guint           failures);
char        *sf_satisfaction_format_csat   (int             hundredths);

gboolean     sf_satisfaction_parse_score   (const char     *text,
                                            gboolean        csat,
                                            int            *out_score,
                                            GError        **error);
gboolean     sf_satisfaction_check_score   (int             score,
                                            gboolean        csat,
                                            GError        **error);
gboolean     sf_satisfaction_check_deal    (SfDeal         *deal,
                                            GError        **error);
gboolean     sf_satisfaction_check_verdict (SfVerdict       verdict,
                                            const char     *reason,
                                            GError        **error);

gboolean     sf_follow_up_check_offsets    (const int      *days,
                                            guint           n_days,
                                            GError        **error);
GArray      *sf_follow_up_schedule         (guint           closed_on,
                                            const int      *days,
                                            guint           n_days);
const int   *sf_follow_up_get_default_offsets (guint       *n_days);

void         sf_satisfaction_summarize     (GPtrArray      *feedback,
                                            GPtrArray      *rows,
                                            guint           from,
                                            guint           to,
                                            SfSatisfactionSummary *out);
GArray      *sf_satisfaction_monthly       (GPtrArray      *feedback,
                                            int             year,
                                            int             month);
GPtrArray   *sf_satisfaction_by_owner      (GPtrArray      *rows);
GPtrArray   *sf_satisfaction_by_band       (GPtrArray      *rows);

G_END_DECLS
