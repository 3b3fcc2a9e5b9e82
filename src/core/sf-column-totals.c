/* sf-column-totals.c — what a board column's header adds up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column sums its deals per currency (there is no exchange rate): the
 * count, the total and the weighted total (value × the deal's
 * probability). The board and the benchmark share this code, so the
 * benchmark times what the board runs.
 */
#include "config.h"

#include "sf-column-totals.h"

typedef struct
{
  char currency[4];
  gint64 total;
  gint64 weighted;
} Sum;

struct _SfColumnTotals
{
  GArray *sums;   /* of Sum, in the order currencies were met */
  guint count;
};

/**
 * sf_deal_is_in_column:
 *
 * Returns: whether the board shows @deal in the column of @stage: every
 *   deal of that stage that is not lost
 */
gboolean
sf_deal_is_in_column (SfDeal  *deal,
                      SfStage  stage)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  return sf_deal_get_stage (deal) == stage &&
         sf_deal_get_status (deal) != SF_DEAL_STATUS_LOST;
}

/**
 * sf_column_totals_new:
 *
 * Returns: (transfer full): empty totals
 */
SfColumnTotals *
sf_column_totals_new (void)
{
  SfColumnTotals *self = g_new0 (SfColumnTotals, 1);

  self->sums = g_array_new (FALSE, FALSE, sizeof (Sum));
  return self;
}

void
sf_column_totals_free (SfColumnTotals *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->sums);
  g_free (self);
}

static Sum *
sum_for (SfColumnTotals *self,
         const char     *currency)
{
  Sum empty = { { 0 }, 0, 0 };

  for (guint i = 0; i < self->sums->len; i++)
    {
      Sum *sum = &g_array_index (self->sums, Sum, i);

      if (g_str_equal (sum->currency, currency))
        return sum;
    }

  g_strlcpy (empty.currency, currency, sizeof empty.currency);
  g_array_append_val (self->sums, empty);
  return &g_array_index (self->sums, Sum, self->sums->len - 1);
}

/* Saturates rather than wraps: a column header is not worth a crash. */
static void
add_saturated (gint64 *sum,
               gint64  amount)
{
  if (__builtin_add_overflow (*sum, amount, sum))
    *sum = amount > 0 ? G_MAXINT64 : G_MININT64;
}

/**
 * sf_column_totals_add:
 * @stage_probabilities: (array fixed-size=6) (nullable): the team's chance
 *   per stage
 *
 * Counts @deal and adds its value and weighted value.
 */
void
sf_column_totals_add (SfColumnTotals *self,
                      SfDeal         *deal,
                      const int      *stage_probabilities)
{
  const SfMoney *value;
  SfMoney part;
  Sum *sum;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SF_IS_DEAL (deal));

  value = sf_deal_get_value (deal);
  if (!sf_money_percent (value, sf_deal_get_effective_probability (deal, stage_probabilities),
                         &part, NULL))
    sf_money_init (&part, 0, value->currency);

  sum = sum_for (self, value->currency);
  add_saturated (&sum->total, value->amount);
  add_saturated (&sum->weighted, part.amount);
  self->count++;
}

/**
 * sf_column_totals_compute:
 * @deals: (element-type SfDeal): the column's deals
 * @stage_probabilities: (array fixed-size=6) (nullable): as for
 *   sf_column_totals_add()
 *
 * Returns: (transfer full): the totals of every deal in @deals
 */
SfColumnTotals *
sf_column_totals_compute (GListModel *deals,
                          const int  *stage_probabilities)
{
  SfColumnTotals *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (deals), NULL);

  self = sf_column_totals_new ();
  n = g_list_model_get_n_items (deals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, i);

      sf_column_totals_add (self, deal, stage_probabilities);
    }

  return self;
}

guint
sf_column_totals_get_count (SfColumnTotals *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

/**
 * sf_column_totals_format:
 * @weighted: the weighted totals rather than the plain ones
 *
 * Returns: (transfer full): each currency's sum in whole units, joined by
 *   “ + ” in the order the currencies were met; “—” for no deals
 */
char *
sf_column_totals_format (SfColumnTotals *self,
                         gboolean        weighted)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->count == 0)
    return g_strdup ("—");

  text = g_string_new (NULL);
  for (guint i = 0; i < self->sums->len; i++)
    {
      Sum *sum = &g_array_index (self->sums, Sum, i);
      g_autofree char *part = NULL;
      SfMoney money;

      sf_money_init (&money, weighted ? sum->weighted : sum->total, sum->currency);
      part = sf_money_to_string_whole (&money);
      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, part);
    }

  return g_string_free (text, FALSE);
}
