/* sf-satisfaction-row.h — one closed deal as the Satisfaction tab shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-money.h"
#include "sf-satisfaction.h"

G_BEGIN_DECLS

/**
 * SfSatisfactionRowData:
 * @deal_id: the deal
 * @title: the deal's title
 * @customer: the customer
 * @owner_id: the deal's owner, or 0
 * @owner_name: (nullable): the owner's name
 * @value: what the deal is worth
 * @closed_on: the Julian day the deal closed
 * @n_answers: how many answers were recorded
 * @latest_answered_on: the day of the newest answer, or 0
 * @latest_nps: its NPS answer, or %SF_SATISFACTION_NO_VALUE
 * @latest_csat: its CSAT score, or %SF_SATISFACTION_NO_VALUE
 * @verdict: success, failure or undecided
 * @verdict_reason: (nullable): why
 * @verdict_by: who recorded the verdict, or 0
 * @verdict_at: when, in Unix seconds, or 0
 * @next_follow_up: the Julian day the earliest open follow-up is due, or 0
 * @overdue: whether @next_follow_up is before today
 *
 * The columns as the store reads them; strings are borrowed and copied by
 * sf_satisfaction_row_new().
 */
typedef struct
{
  gint64 deal_id;
  const char *title;
  const char *customer;
  gint64 owner_id;
  const char *owner_name;
  SfMoney value;
  guint closed_on;
  guint n_answers;
  guint latest_answered_on;
  int latest_nps;
  int latest_csat;
  SfVerdict verdict;
  const char *verdict_reason;
  gint64 verdict_by;
  gint64 verdict_at;
  guint next_follow_up;
  gboolean overdue;
} SfSatisfactionRowData;

#define SF_TYPE_SATISFACTION_ROW (sf_satisfaction_row_get_type ())

G_DECLARE_FINAL_TYPE (SfSatisfactionRow, sf_satisfaction_row, SF, SATISFACTION_ROW, GObject)

SfSatisfactionRow *sf_satisfaction_row_new          (const SfSatisfactionRowData *data);
void           sf_satisfaction_row_assign           (SfSatisfactionRow *row,
                                                     SfSatisfactionRow *from);

gint64         sf_satisfaction_row_get_deal_id      (SfSatisfactionRow *row);
const char    *sf_satisfaction_row_get_title        (SfSatisfactionRow *row);
const char    *sf_satisfaction_row_get_customer     (SfSatisfactionRow *row);
gint64         sf_satisfaction_row_get_owner_id     (SfSatisfactionRow *row);
const char    *sf_satisfaction_row_get_owner_name   (SfSatisfactionRow *row);
const SfMoney *sf_satisfaction_row_get_value        (SfSatisfactionRow *row);
SfDealSizeBand sf_satisfaction_row_get_band         (SfSatisfactionRow *row);
guint          sf_satisfaction_row_get_closed_on    (SfSatisfactionRow *row);
guint          sf_satisfaction_row_get_n_answers    (SfSatisfactionRow *row);
guint          sf_satisfaction_row_get_latest_answered_on (SfSatisfactionRow *row);
int            sf_satisfaction_row_get_latest_nps   (SfSatisfactionRow *row);
int            sf_satisfaction_row_get_latest_csat  (SfSatisfactionRow *row);
SfVerdict      sf_satisfaction_row_get_verdict      (SfSatisfactionRow *row);
const char    *sf_satisfaction_row_get_verdict_reason (SfSatisfactionRow *row);
gint64         sf_satisfaction_row_get_verdict_by   (SfSatisfactionRow *row);
gint64         sf_satisfaction_row_get_verdict_at   (SfSatisfactionRow *row);
guint          sf_satisfaction_row_get_next_follow_up (SfSatisfactionRow *row);
gboolean       sf_satisfaction_row_get_overdue      (SfSatisfactionRow *row);
gboolean       sf_satisfaction_row_matches          (SfSatisfactionRow *row,
                                                     const char        *folded_query);

G_END_DECLS
