/* sf-pricing.c — a deal's pricing: list price, discount, cost, margin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All integer arithmetic on minor units. Every amount is at most
 * SF_FIGURE_MAX, which keeps each intermediate product inside 64 bits, so
 * the sums and ratios below need no overflow checks of their own.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sf-approval.h"
#include "sf-canonical.h"
#include "sf-pricing.h"

G_DEFINE_BOXED_TYPE (SfPricing, sf_pricing, sf_pricing_copy, sf_pricing_free)

SfPricing *
sf_pricing_copy (const SfPricing *pricing)
{
  return g_memdup2 (pricing, sizeof *pricing);
}

void
sf_pricing_free (SfPricing *pricing)
{
  g_free (pricing);
}

void
sf_pricing_init (SfPricing  *pricing,
                 const char *currency,
                 gint64      list_price,
                 int         discount_bp,
                 gint64      cost)
{
  g_return_if_fail (pricing != NULL);

  sf_money_init (&pricing->list_price, list_price, currency);
  pricing->discount_bp = discount_bp;
  sf_money_init (&pricing->cost, cost, currency);
}

gboolean
sf_pricing_equal (const SfPricing *a,
                  const SfPricing *b)
{
  return sf_money_equal (&a->list_price, &b->list_price) &&
         a->discount_bp == b->discount_bp &&
         sf_money_equal (&a->cost, &b->cost);
}

/**
 * sf_divide_rounded:
 * @denominator: greater than 0
 *
 * Returns: @numerator / @denominator rounded half away from zero, as
 *   sf_money_percent() rounds
 */
gint64
sf_divide_rounded (gint64 numerator,
                   gint64 denominator)
{
  gint64 quotient, remainder;

  g_return_val_if_fail (denominator > 0, 0);

  quotient = numerator / denominator;
  remainder = numerator % denominator;
  if (remainder < 0)
    remainder = -remainder;

  /* remainder ≥ denominator − remainder is 2·remainder ≥ denominator
   * without the doubling that could overflow. */
  if (remainder > 0 && remainder >= denominator - remainder)
    quotient += numerator < 0 ? -1 : 1;

  return quotient;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES, message);
  return FALSE;
}

/**
 * sf_figure_check_amount:
 * @currency: the worksheet's currency
 *
 * The checks every amount on a pricing or ROI worksheet passes: a known
 * currency, the worksheet's, not negative, at most %SF_FIGURE_MAX.
 */
gboolean
sf_figure_check_amount (const SfMoney  *money,
                        const char     *currency,
                        GError        **error)
{
  if (!sf_currency_is_known (money->currency))
    {
      g_set_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES,
                   /* Translators: %s is what was given as a currency code */
                   _("“%s” is not a known currency code"), money->currency);
      return FALSE;
    }

  if (strcmp (money->currency, currency) != 0)
    return set_invalid (error, _("All amounts of a worksheet must be in the same currency"));

  if (money->amount < 0)
    return set_invalid (error, _("Prices, costs and revenue cannot be negative"));

  if (money->amount > SF_FIGURE_MAX)
    return set_invalid (error, _("The amount is too large"));

  return TRUE;
}

/**
 * sf_pricing_check:
 *
 * The list price and cost are in one known currency, neither is negative
 * nor above %SF_FIGURE_MAX, and the discount lies between 0 and 100 %.
 */
gboolean
sf_pricing_check (const SfPricing  *pricing,
                  GError          **error)
{
  g_return_val_if_fail (pricing != NULL, FALSE);

  if (!sf_figure_check_amount (&pricing->list_price, pricing->list_price.currency, error) ||
      !sf_figure_check_amount (&pricing->cost, pricing->list_price.currency, error))
    return FALSE;

  if (pricing->discount_bp < 0 || pricing->discount_bp > SF_BASIS_POINTS)
    return set_invalid (error, _("A discount lies between 0 and 100 percent"));

  return TRUE;
}

/**
 * sf_pricing_compute:
 * @result: (out caller-allocates): the derived figures
 *
 * The discount is rounded half away from zero to a minor unit; the margin
 * in basis points is rounded the same way and is "none" for a zero net
 * price.
 */
gboolean
sf_pricing_compute (const SfPricing  *pricing,
                    SfPricingResult  *result,
                    GError          **error)
{
  const char *currency;
  gint64 discount, net, margin;

  g_return_val_if_fail (pricing != NULL && result != NULL, FALSE);

  if (!sf_pricing_check (pricing, error))
    return FALSE;

  currency = pricing->list_price.currency;
  discount = sf_divide_rounded (pricing->list_price.amount * pricing->discount_bp,
                                SF_BASIS_POINTS);
  net = pricing->list_price.amount - discount;
  margin = net - pricing->cost.amount;

  sf_money_init (&result->discount, discount, currency);
  sf_money_init (&result->net_price, net, currency);
  sf_money_init (&result->margin, margin, currency);
  result->has_margin_bp = net > 0;
  result->margin_bp = net > 0 ? sf_divide_rounded (margin * SF_BASIS_POINTS, net) : 0;

  return TRUE;
}

/**
 * sf_pricing_to_figures:
 * @deal_value: the deal's value, which the approval covers too
 *
 * Writes the pricing as the canonical text a manager approves: the same
 * figures give the same bytes in every locale, and any change to a figure
 * or to the deal's value changes the text.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the pricing
 *   breaks a rule
 */
char *
sf_pricing_to_figures (const SfPricing  *pricing,
                       const SfMoney    *deal_value,
                       GError          **error)
{
  SfPricingResult result;
  GString *out;

  g_return_val_if_fail (pricing != NULL && deal_value != NULL, NULL);

  if (!sf_pricing_compute (pricing, &result, error))
    return NULL;

  out = g_string_new (NULL);
  sf_canonical_append_int (out, "format", 1);
  sf_canonical_append (out, "kind", "pricing");
  sf_canonical_append (out, "currency", pricing->list_price.currency);
  sf_canonical_append (out, "deal-currency", deal_value->currency);
  sf_canonical_append_money (out, "deal-value", deal_value);
  sf_canonical_append_money (out, "list-price", &pricing->list_price);
  sf_canonical_append_int (out, "discount-bp", pricing->discount_bp);
  sf_canonical_append_money (out, "discount", &result.discount);
  sf_canonical_append_money (out, "net-price", &result.net_price);
  sf_canonical_append_money (out, "cost", &pricing->cost);
  sf_canonical_append_money (out, "margin", &result.margin);
  sf_canonical_append_optional (out, "margin-bp", result.has_margin_bp, result.margin_bp);

  return g_string_free (out, FALSE);
}

/**
 * sf_pricing_from_figures:
 * @out_pricing: (out caller-allocates): the pricing
 * @out_deal_value: (out caller-allocates) (optional): the deal's value
 *
 * Reads back what sf_pricing_to_figures() wrote, so a voided approval can
 * show what was approved beside what is there now. Only a text that
 * sf_pricing_to_figures() would write byte for byte is accepted.
 */
gboolean
sf_pricing_from_figures (const char  *figures,
                         SfPricing   *out_pricing,
                         SfMoney     *out_deal_value,
                         GError     **error)
{
  g_autoptr(GPtrArray) lines = sf_canonical_parse (figures);
  g_autofree char *again = NULL;
  const char *currency, *deal_currency;
  SfPricing pricing;
  SfMoney value;
  gint64 format, discount_bp;

  g_return_val_if_fail (out_pricing != NULL, FALSE);

  if (lines == NULL ||
      !sf_canonical_get_int (lines, "format", 1, 1, &format) ||
      g_strcmp0 (sf_canonical_lookup (lines, "kind"), "pricing") != 0 ||
      (currency = sf_canonical_lookup (lines, "currency")) == NULL ||
      (deal_currency = sf_canonical_lookup (lines, "deal-currency")) == NULL ||
      !sf_currency_is_known (currency) || !sf_currency_is_known (deal_currency) ||
      !sf_canonical_get_money (lines, "deal-value", deal_currency, &value) ||
      !sf_canonical_get_money (lines, "list-price", currency, &pricing.list_price) ||
      !sf_canonical_get_int (lines, "discount-bp", 0, SF_BASIS_POINTS, &discount_bp) ||
      !sf_canonical_get_money (lines, "cost", currency, &pricing.cost))
    return set_invalid (error, _("The recorded figures cannot be read"));

  pricing.discount_bp = (int) discount_bp;
  again = sf_pricing_to_figures (&pricing, &value, NULL);
  if (g_strcmp0 (again, figures) != 0)
    return set_invalid (error, _("The recorded figures cannot be read"));

  *out_pricing = pricing;
  if (out_deal_value != NULL)
    *out_deal_value = value;
  return TRUE;
}

static const char *
decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

/**
 * sf_basis_points_to_string:
 *
 * Returns: (transfer full): "12.5%", "12,5 %" — up to two decimals, as the
 *   language writes a percentage
 */
char *
sf_basis_points_to_string (gint64 basis_points)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint64 magnitude = basis_points < 0 ? -(guint64) basis_points : (guint64) basis_points;
  guint fraction = magnitude % 100;

  if (basis_points < 0)
    g_string_append_c (number, '-');
  g_string_append_printf (number, "%'" G_GUINT64_FORMAT, magnitude / 100);
  if (fraction != 0)
    {
      g_string_append (number, decimal_point ());
      if (fraction % 10 == 0)
        g_string_append_printf (number, "%u", fraction / 10);
      else
        g_string_append_printf (number, "%02u", fraction);
    }

  /* Translators: a percentage with decimals, %s is the number; German and
   * Norwegian put a no-break space (U+00A0) before the sign: “%s %%” */
  return g_strdup_printf (_("%s%%"), number->str);
}

/**
 * sf_basis_points_parse:
 * @out_basis_points: (out): the percentage in basis points
 *
 * Reads a percentage from 0 to 100 with up to two decimals, written with a
 * point or a comma, with or without the percent sign: "12.5", "12,5 %".
 */
gboolean
sf_basis_points_parse (const char  *text,
                       int         *out_basis_points,
                       GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (clean);
  int whole = 0, fraction = 0, decimals = 0;
  gboolean in_fraction = FALSE, any = FALSE;

  g_return_val_if_fail (out_basis_points != NULL, FALSE);

  /* The sign and the space before it, whichever space the locale uses. */
  if (len > 0 && clean[len - 1] == '%')
    clean[--len] = '\0';
  g_strchomp (clean);
  if (g_str_has_suffix (clean, "\xc2\xa0"))
    clean[strlen (clean) - 2] = '\0';

  for (const char *p = clean; *p; p++)
    {
      if (g_ascii_isdigit (*p) && !in_fraction && whole <= 100)
        whole = whole * 10 + (*p - '0');
      else if (g_ascii_isdigit (*p) && in_fraction && decimals < 2)
        fraction = fraction * 10 + (*p - '0'), decimals++;
      else if ((*p == '.' || *p == ',') && !in_fraction && any)
        {
          in_fraction = TRUE;
          continue;
        }
      else
        {
          any = FALSE;
          break;
        }
      any = TRUE;
    }

  if (decimals == 1)
    fraction *= 10;
  if (!any || whole * 100 + fraction > SF_BASIS_POINTS)
    return set_invalid (error, _("Enter a percentage between 0 and 100, such as 12.5"));

  *out_basis_points = whole * 100 + fraction;
  return TRUE;
}
