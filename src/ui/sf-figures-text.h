/* sf-figures-text.h — pricing and ROI figures written for a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-approval.h"
#include "sf-pricing.h"
#include "sf-roi.h"

G_BEGIN_DECLS

/**
 * SfFigureLine:
 * @key: what the line is, to match lines of two sets of figures
 * @label: (nullable): the figure's name; a cost line's own label
 * @value: the figure, in the user's locale
 */
typedef struct
{
  char *key;
  char *label;
  char *value;
} SfFigureLine;

GPtrArray *sf_figures_pricing_lines     (const SfPricing   *pricing,
                                         const SfMoney     *deal_value);
GPtrArray *sf_figures_roi_lines         (const SfRoi       *roi);
GPtrArray *sf_figures_get_lines         (SfApprovalKind     kind,
                                         const char        *figures);
char      *sf_figures_summarize         (SfApprovalKind     kind,
                                         const char        *figures);
char      *sf_figures_format_margin     (const SfMoney     *margin,
                                         gboolean           has_bp,
                                         gint64             bp);
char      *sf_figures_format_payback    (const SfRoiResult *result,
                                         guint              horizon_months);
char      *sf_figures_format_months     (guint              months);

void       sf_figures_fill_group        (AdwPreferencesGroup *group,
                                         GPtrArray         *rows,
                                         GPtrArray         *lines);
GtkWidget *sf_figures_new_comparison    (GPtrArray         *approved,
                                         GPtrArray         *now);

G_END_DECLS
