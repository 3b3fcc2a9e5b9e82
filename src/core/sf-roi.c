/* sf-roi.c — a deal's ROI worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Integer arithmetic on minor units, as in sf-pricing.c. With every amount
 * and the total cost at most SF_FIGURE_MAX and the horizon at most
 * SF_ROI_MAX_HORIZON, no product below leaves 64 bits.
 *
 * Where a ratio would divide by zero it is "none" instead:
 *   total cost 0  → ROI none; payback 0 (nothing to pay back)
 *   revenue 0     → margin % none; payback none
 *   horizon 0     → payback none (no time for the revenue to come in)
 *   costs > revenue → payback none (not paid back within the horizon)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-approval.h"
#include "sf-canonical.h"
#include "sf-roi.h"

G_DEFINE_BOXED_TYPE (SfRoi, sf_roi, sf_roi_copy, sf_roi_free)

static void
cost_free (gpointer data)
{
  SfRoiCost *cost = data;

  g_free (cost->label);
  g_free (cost);
}

/**
 * sf_roi_new:
 * @currency: the ISO code of every amount on the worksheet
 *
 * Returns: (transfer full): a worksheet without cost lines
 */
SfRoi *
sf_roi_new (const char *currency,
            gint64      revenue,
            guint       horizon_months)
{
  SfRoi *roi = g_new0 (SfRoi, 1);

  sf_money_init (&roi->revenue, revenue, currency);
  roi->horizon_months = horizon_months;
  roi->costs = g_ptr_array_new_with_free_func (cost_free);

  return roi;
}

/**
 * sf_roi_add_cost:
 * @label: what the cost is for; space around it is dropped
 *
 * Appends a cost line in the worksheet's currency.
 */
void
sf_roi_add_cost (SfRoi      *roi,
                 const char *label,
                 gint64      amount)
{
  SfRoiCost *cost;

  g_return_if_fail (roi != NULL);

  cost = g_new0 (SfRoiCost, 1);
  cost->label = g_strstrip (g_strdup (label ? label : ""));
  sf_money_init (&cost->amount, amount, roi->revenue.currency);
  g_ptr_array_add (roi->costs, cost);
}

SfRoi *
sf_roi_copy (const SfRoi *roi)
{
  SfRoi *copy;

  g_return_val_if_fail (roi != NULL, NULL);

  copy = sf_roi_new (roi->revenue.currency, roi->revenue.amount, roi->horizon_months);
  for (guint i = 0; i < roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (roi->costs, i);
      SfRoiCost *line = g_new0 (SfRoiCost, 1);

      line->label = g_strdup (cost->label);
      line->amount = cost->amount;
      g_ptr_array_add (copy->costs, line);
    }

  return copy;
}

void
sf_roi_free (SfRoi *roi)
{
  if (roi == NULL)
    return;

  g_ptr_array_unref (roi->costs);
  g_free (roi);
}

gboolean
sf_roi_equal (const SfRoi *a,
              const SfRoi *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!sf_money_equal (&a->revenue, &b->revenue) ||
      a->horizon_months != b->horizon_months || a->costs->len != b->costs->len)
    return FALSE;

  for (guint i = 0; i < a->costs->len; i++)
    {
      const SfRoiCost *x = g_ptr_array_index (a->costs, i);
      const SfRoiCost *y = g_ptr_array_index (b->costs, i);

      if (g_strcmp0 (x->label, y->label) != 0 || !sf_money_equal (&x->amount, &y->amount))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES, message);
  return FALSE;
}

static gboolean
check_cost (const SfRoiCost  *cost,
            const char       *currency,
            GError          **error)
{
  if (cost->label == NULL || *cost->label == '\0')
    return set_invalid (error, _("Every cost line needs a label"));

  if (!g_utf8_validate (cost->label, -1, NULL) || g_utf8_strlen (cost->label, -1) > 200)
    return set_invalid (error, _("A cost line’s label can be at most 200 characters long"));

  return sf_figure_check_amount (&cost->amount, currency, error);
}

/**
 * sf_roi_check:
 *
 * Every amount is in the worksheet's currency, not negative and at most
 * %SF_FIGURE_MAX, the costs add up to at most that too, every cost line has
 * a label, and the horizon is 0 to %SF_ROI_MAX_HORIZON months.
 */
gboolean
sf_roi_check (const SfRoi  *roi,
              GError      **error)
{
  const char *currency;
  gint64 total = 0;

  g_return_val_if_fail (roi != NULL, FALSE);

  currency = roi->revenue.currency;
  if (!sf_figure_check_amount (&roi->revenue, currency, error))
    return FALSE;

  if (roi->horizon_months > SF_ROI_MAX_HORIZON)
    {
      g_set_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %d is a number of months */
                                "The time horizon can be at most %d month",
                                "The time horizon can be at most %d months",
                                SF_ROI_MAX_HORIZON),
                   SF_ROI_MAX_HORIZON);
      return FALSE;
    }

  if (roi->costs->len > SF_ROI_MAX_COSTS)
    {
      g_set_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %d is a count of cost lines */
                                "A worksheet can hold at most %d cost line",
                                "A worksheet can hold at most %d cost lines",
                                SF_ROI_MAX_COSTS),
                   SF_ROI_MAX_COSTS);
      return FALSE;
    }

  for (guint i = 0; i < roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (roi->costs, i);

      if (!check_cost (cost, currency, error))
        return FALSE;
      total += cost->amount.amount;
      if (total > SF_FIGURE_MAX)
        return set_invalid (error, _("The amount is too large"));
    }

  return TRUE;
}

/* Whole tenths of a month, rounded up: a payback is reached at the end of
 * the tenth in which the revenue covers the costs. */
static gint64
payback_tenths (gint64 cost,
                gint64 revenue,
                guint  horizon)
{
  gint64 numerator = cost * (gint64) horizon * 10;

  return numerator / revenue + (numerator % revenue != 0);
}

/**
 * sf_roi_compute:
 * @result: (out caller-allocates): the derived figures
 *
 * Ratios are rounded half away from zero to a basis point; see
 * #SfRoiResult for when a ratio is "none".
 */
gboolean
sf_roi_compute (const SfRoi  *roi,
                SfRoiResult  *result,
                GError      **error)
{
  const char *currency;
  gint64 revenue, cost = 0, margin;

  g_return_val_if_fail (roi != NULL && result != NULL, FALSE);

  if (!sf_roi_check (roi, error))
    return FALSE;

  currency = roi->revenue.currency;
  revenue = roi->revenue.amount;
  for (guint i = 0; i < roi->costs->len; i++)
    cost += ((const SfRoiCost *) g_ptr_array_index (roi->costs, i))->amount.amount;
  margin = revenue - cost;

  memset (result, 0, sizeof *result);
  sf_money_init (&result->total_cost, cost, currency);
  sf_money_init (&result->margin, margin, currency);

  result->has_margin_bp = revenue > 0;
  if (revenue > 0)
    result->margin_bp = sf_divide_rounded (margin * SF_BASIS_POINTS, revenue);

  result->has_roi_bp = cost > 0;
  if (cost > 0)
    result->roi_bp = sf_divide_rounded (margin * SF_BASIS_POINTS, cost);

  result->has_payback = roi->horizon_months > 0 && revenue > 0 && cost <= revenue;
  if (result->has_payback)
    result->payback_tenths = payback_tenths (cost, revenue, roi->horizon_months);

  return TRUE;
}

/**
 * sf_roi_to_figures:
 *
 * Writes the worksheet as the canonical text a manager approves; see
 * sf_pricing_to_figures().
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the
 *   worksheet breaks a rule
 */
char *
sf_roi_to_figures (const SfRoi  *roi,
                   GError      **error)
{
  SfRoiResult result;
  GString *out;

  g_return_val_if_fail (roi != NULL, NULL);

  if (!sf_roi_compute (roi, &result, error))
    return NULL;

  out = g_string_new (NULL);
  sf_canonical_append_int (out, "format", 1);
  sf_canonical_append (out, "kind", "roi");
  sf_canonical_append (out, "currency", roi->revenue.currency);
  sf_canonical_append_money (out, "revenue", &roi->revenue);
  sf_canonical_append_int (out, "horizon-months", roi->horizon_months);
  sf_canonical_append_int (out, "cost-lines", roi->costs->len);
  for (guint i = 0; i < roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (roi->costs, i);

      sf_canonical_append_money (out, "cost-amount", &cost->amount);
      sf_canonical_append (out, "cost-label", cost->label);
    }
  sf_canonical_append_money (out, "total-cost", &result.total_cost);
  sf_canonical_append_money (out, "margin", &result.margin);
  sf_canonical_append_optional (out, "margin-bp", result.has_margin_bp, result.margin_bp);
  sf_canonical_append_optional (out, "roi-bp", result.has_roi_bp, result.roi_bp);
  sf_canonical_append_optional (out, "payback-tenths", result.has_payback, result.payback_tenths);

  return g_string_free (out, FALSE);
}

/* Reads the cost lines: pairs of "cost-amount" and "cost-label" lines
 * right after "cost-lines". */
static gboolean
read_costs (GPtrArray  *lines,
            SfRoi      *roi,
            gint64      n_costs)
{
  guint first;

  for (first = 0; first < lines->len; first++)
    if (strcmp (((SfCanonicalLine *) g_ptr_array_index (lines, first))->key, "cost-lines") == 0)
      break;

  if (first + 1 + 2 * n_costs > lines->len)
    return FALSE;

  for (gint64 i = 0; i < n_costs; i++)
    {
      SfCanonicalLine *amount = g_ptr_array_index (lines, first + 1 + 2 * i);
      SfCanonicalLine *label = g_ptr_array_index (lines, first + 2 + 2 * i);
      SfMoney money;

      if (strcmp (amount->key, "cost-amount") != 0 || strcmp (label->key, "cost-label") != 0 ||
          !sf_money_parse_plain (amount->value, roi->revenue.currency, &money, NULL))
        return FALSE;
      sf_roi_add_cost (roi, label->value, money.amount);
    }

  return TRUE;
}

/**
 * sf_roi_from_figures:
 *
 * Reads back what sf_roi_to_figures() wrote; only a text it would write
 * byte for byte is accepted.
 *
 * Returns: (transfer full) (nullable): the worksheet
 */
SfRoi *
sf_roi_from_figures (const char  *figures,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = sf_canonical_parse (figures);
  g_autoptr(SfRoi) roi = NULL;
  g_autofree char *again = NULL;
  const char *currency;
  gint64 format, horizon, n_costs;
  SfMoney revenue;

  if (lines == NULL ||
      !sf_canonical_get_int (lines, "format", 1, 1, &format) ||
      g_strcmp0 (sf_canonical_lookup (lines, "kind"), "roi") != 0 ||
      (currency = sf_canonical_lookup (lines, "currency")) == NULL ||
      !sf_currency_is_known (currency) ||
      !sf_canonical_get_money (lines, "revenue", currency, &revenue) ||
      !sf_canonical_get_int (lines, "horizon-months", 0, SF_ROI_MAX_HORIZON, &horizon) ||
      !sf_canonical_get_int (lines, "cost-lines", 0, SF_ROI_MAX_COSTS, &n_costs))
    {
      set_invalid (error, _("The recorded figures cannot be read"));
      return NULL;
    }

  roi = sf_roi_new (currency, revenue.amount, (guint) horizon);
  if (!read_costs (lines, roi, n_costs) ||
      (again = sf_roi_to_figures (roi, NULL)) == NULL || strcmp (again, figures) != 0)
    {
      set_invalid (error, _("The recorded figures cannot be read"));
      return NULL;
    }

  return g_steal_pointer (&roi);
}
