/* sf-pricing.h — a deal's pricing: list price, discount, cost, margin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-money.h"

G_BEGIN_DECLS

/* The largest amount a pricing or ROI figure may have, in minor units
 * (a trillion euros). Every product the arithmetic forms — an amount
 * times 10 000 basis points, a cost times 1 200 months times 10 — then
 * fits in 64 bits, so nothing can overflow. */
#define SF_FIGURE_MAX G_GINT64_CONSTANT (100000000000000)

/* Basis points: 10 000 are 100 %. */
#define SF_BASIS_POINTS 10000

/**
 * SfPricing:
 * @list_price: the price before discount
 * @discount_bp: the discount in basis points, 0 to 10 000 (1 250 is 12.5 %)
 * @cost: what delivering the deal costs
 *
 * The figures a manager approves as "the pricing", with the deal's value.
 * Both amounts are in one currency.
 */
typedef struct
{
  SfMoney list_price;
  int discount_bp;
  SfMoney cost;
} SfPricing;

/**
 * SfPricingResult:
 * @discount: the amount taken off the list price
 * @net_price: the list price less the discount
 * @margin: the net price less the cost
 * @has_margin_bp: %FALSE when the net price is zero
 * @margin_bp: the margin in basis points of the net price
 */
typedef struct
{
  SfMoney discount;
  SfMoney net_price;
  SfMoney margin;
  gboolean has_margin_bp;
  gint64 margin_bp;
} SfPricingResult;

#define SF_TYPE_PRICING (sf_pricing_get_type ())

GType       sf_pricing_get_type          (void) G_GNUC_CONST;
SfPricing  *sf_pricing_copy              (const SfPricing *pricing);
void        sf_pricing_free              (SfPricing       *pricing);
void        sf_pricing_init              (SfPricing       *pricing,
                                          const char      *currency,
                                          gint64           list_price,
                                          int              discount_bp,
                                          gint64           cost);
gboolean    sf_pricing_equal             (const SfPricing *a,
                                          const SfPricing *b);
gboolean    sf_pricing_check             (const SfPricing *pricing,
                                          GError         **error);
gboolean    sf_pricing_compute           (const SfPricing *pricing,
                                          SfPricingResult *result,
                                          GError         **error);
char       *sf_pricing_to_figures        (const SfPricing *pricing,
                                          const SfMoney   *deal_value,
                                          GError         **error);
gboolean    sf_pricing_from_figures      (const char      *figures,
                                          SfPricing       *out_pricing,
                                          SfMoney         *out_deal_value,
                                          GError         **error);

gboolean    sf_figure_check_amount       (const SfMoney   *money,
                                          const char      *currency,
                                          GError         **error);
gint64      sf_divide_rounded            (gint64           numerator,
                                          gint64           denominator);
char       *sf_basis_points_to_string    (gint64           basis_points);
gboolean    sf_basis_points_parse        (const char      *text,
                                          int             *out_basis_points,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfPricing, sf_pricing_free)

G_END_DECLS
