/* sf-column-totals.h — what a board column's header adds up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-deal.h"

G_BEGIN_DECLS

typedef struct _SfColumnTotals SfColumnTotals;

gboolean        sf_deal_is_in_column        (SfDeal          *deal,
                                             SfStage          stage);

SfColumnTotals *sf_column_totals_new        (void);
void            sf_column_totals_free       (SfColumnTotals  *self);
void            sf_column_totals_add        (SfColumnTotals  *self,
                                             SfDeal          *deal,
                                             const int       *stage_probabilities);
SfColumnTotals *sf_column_totals_compute    (GListModel      *deals,
                                             const int       *stage_probabilities);
guint           sf_column_totals_get_count  (SfColumnTotals  *self);
char           *sf_column_totals_format     (SfColumnTotals  *self,
                                             gboolean         weighted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfColumnTotals, sf_column_totals_free)

G_END_DECLS
