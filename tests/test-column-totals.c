/* test-column-totals.c — what a board column's header adds up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-column-totals.h"
#include "sf-test-util.h"

static SfDeal *
make_deal (gint64        amount,
           const char   *currency,
           SfStage       stage,
           SfDealStatus  status,
           int           probability)
{
  SfDealRow row = {
    .id = 1, .title = "Deal", .customer = "Kunde AS", .value = amount, .currency = currency,
    .stage = stage, .status = status, .lost_reason = status == SF_DEAL_STATUS_LOST ? "price" : NULL,
    .probability = probability,
  };

  return sf_deal_new_from_row (&row);
}

static char *
money_whole (gint64      amount,
             const char *currency)
{
  SfMoney money;

  sf_money_init (&money, amount, currency);
  return sf_money_to_string_whole (&money);
}

/* Which deals a column shows: its stage, won or open, never lost. */
static void
test_in_column (void)
{
  static const struct {
    SfStage stage;
    SfDealStatus status;
    SfStage column;
    gboolean shown;
  } cases[] = {
    { SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, SF_STAGE_DISCOVERY, TRUE },
    { SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, SF_STAGE_QUALIFIED, FALSE },
    { SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST, SF_STAGE_DISCOVERY, FALSE },
    { SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, SF_STAGE_CLOSED, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SfDeal) deal = make_deal (100, "EUR", cases[i].stage, cases[i].status, -1);

      g_assert_cmpint (sf_deal_is_in_column (deal, cases[i].column), ==, cases[i].shown);
    }
}

/* Sums per currency in the order met, weighted by each deal's own chance
 * or its stage's; nothing at all is a dash. */
static void
test_sums (void)
{
  int probabilities[SF_N_STAGES] = { 10, 20, 40, 60, 80, 100 };
  g_autoptr(GListStore) deals = g_list_store_new (SF_TYPE_DEAL);
  g_autoptr(SfColumnTotals) empty = sf_column_totals_new ();
  g_autoptr(SfColumnTotals) totals = NULL;
  g_autoptr(SfDeal) a = make_deal (100000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, -1);
  g_autoptr(SfDeal) b = make_deal (50000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, 50);
  g_autoptr(SfDeal) c = make_deal (300000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, 0);
  g_autofree char *total = NULL, *weighted = NULL, *expected_total = NULL, *expected_weighted = NULL;
  g_autofree char *nok = money_whole (400000, "NOK"), *eur = money_whole (50000, "EUR");
  g_autofree char *nok_w = money_whole (40000, "NOK"), *eur_w = money_whole (25000, "EUR");
  g_autofree char *dash = sf_column_totals_format (empty, FALSE);

  g_assert_cmpstr (dash, ==, "—");
  g_assert_cmpuint (sf_column_totals_get_count (empty), ==, 0);

  g_list_store_append (deals, a);
  g_list_store_append (deals, b);
  g_list_store_append (deals, c);
  totals = sf_column_totals_compute (G_LIST_MODEL (deals), probabilities);

  g_assert_cmpuint (sf_column_totals_get_count (totals), ==, 3);
  total = sf_column_totals_format (totals, FALSE);
  weighted = sf_column_totals_format (totals, TRUE);
  expected_total = g_strdup_printf ("%s + %s", nok, eur);
  expected_weighted = g_strdup_printf ("%s + %s", nok_w, eur_w);
  g_assert_cmpstr (total, ==, expected_total);
  g_assert_cmpstr (weighted, ==, expected_weighted);
}

/* Sums that would overflow stop at the largest amount instead of wrapping
 * to a negative one. */
static void
test_saturates (void)
{
  g_autoptr(SfColumnTotals) totals = sf_column_totals_new ();
  g_autoptr(SfDeal) big = make_deal (G_MAXINT64 / 2 + 1, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, -1);
  g_autofree char *total = NULL, *expected = money_whole (G_MAXINT64, "EUR");

  sf_column_totals_add (totals, big, NULL);
  sf_column_totals_add (totals, big, NULL);
  total = sf_column_totals_format (totals, FALSE);

  g_assert_cmpstr (total, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");

  g_test_add_func ("/column-totals/in-column", test_in_column);
  g_test_add_func ("/column-totals/sums", test_sums);
  g_test_add_func ("/column-totals/saturates", test_saturates);

  return g_test_run ();
}
