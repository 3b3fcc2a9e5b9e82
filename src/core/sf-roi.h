/* sf-roi.h — a deal's ROI worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-money.h"
#include "sf-pricing.h"

G_BEGIN_DECLS

/* The longest time horizon, in months. */
#define SF_ROI_MAX_HORIZON 1200
/* The most cost lines a worksheet holds. */
#define SF_ROI_MAX_COSTS 100

/**
 * SfRoiCost:
 * @label: what the cost is for
 * @amount: how much, in the worksheet's currency
 */
typedef struct
{
  char *label;
  SfMoney amount;
} SfRoiCost;

/**
 * SfRoi:
 * @revenue: the revenue expected over the horizon
 * @horizon_months: the time horizon, 0 to %SF_ROI_MAX_HORIZON months
 * @costs: (element-type SfRoiCost): the cost lines, in order
 *
 * The figures a manager approves as "the ROI". Revenue is taken to come
 * in evenly over the horizon and the costs to be paid at its start.
 */
typedef struct
{
  SfMoney revenue;
  guint horizon_months;
  GPtrArray *costs;
} SfRoi;

/**
 * SfRoiResult:
 * @total_cost: the sum of the cost lines
 * @margin: revenue less total cost
 * @has_margin_bp: %FALSE when the revenue is zero
 * @margin_bp: the margin in basis points of the revenue
 * @has_roi_bp: %FALSE when the total cost is zero
 * @roi_bp: (revenue − total cost) / total cost, in basis points
 * @has_payback: %FALSE when the costs are not paid back within the
 *   horizon: no horizon, no revenue, or costs above the revenue
 * @payback_tenths: months until the revenue has paid the costs, in tenths
 *   of a month, rounded up; 0 when there are no costs
 */
typedef struct
{
  SfMoney total_cost;
  SfMoney margin;
  gboolean has_margin_bp;
  gint64 margin_bp;
  gboolean has_roi_bp;
  gint64 roi_bp;
  gboolean has_payback;
  gint64 payback_tenths;
} SfRoiResult;

#define SF_TYPE_ROI (sf_roi_get_type ())

GType            sf_roi_get_type      (void) G_GNUC_CONST;
SfRoi           *sf_roi_new           (const char    *currency,
                                       gint64         revenue,
                                       guint          horizon_months);
SfRoi           *sf_roi_copy          (const SfRoi   *roi);
void             sf_roi_free          (SfRoi         *roi);
void             sf_roi_add_cost      (SfRoi         *roi,
                                       const char    *label,
                                       gint64         amount);
gboolean         sf_roi_equal         (const SfRoi   *a,
                                       const SfRoi   *b);
gboolean         sf_roi_check         (const SfRoi   *roi,
                                       GError       **error);
gboolean         sf_roi_compute       (const SfRoi   *roi,
                                       SfRoiResult   *result,
                                       GError       **error);
char            *sf_roi_to_figures    (const SfRoi   *roi,
                                       GError       **error);
SfRoi           *sf_roi_from_figures  (const char    *figures,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfRoi, sf_roi_free)

G_END_DECLS
