/* sf-deal-update.c — a deal's committed state, or the part that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-deal-update.h"

/**
 * sf_deal_update_init:
 * @update: (out caller-allocates): the update to fill in
 * @deal: the deal concerned; with %SF_DEAL_CHANGED_ROW its state is the
 *   committed one
 * @changes: the parts the caller fills in
 */
void
sf_deal_update_init (SfDealUpdate  *update,
                     SfDeal        *deal,
                     SfDealChanges  changes)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  *update = (SfDealUpdate) {
    .deal_id = sf_deal_get_id (deal),
    .changes = changes,
    .deal = g_object_ref (deal),
  };
}

void
sf_deal_update_clear (SfDealUpdate *update)
{
  g_clear_object (&update->deal);
  g_clear_pointer (&update->jobs, g_ptr_array_unref);
  g_clear_pointer (&update->history, g_ptr_array_unref);
  g_clear_pointer (&update->requests, g_ptr_array_unref);
  g_clear_pointer (&update->pricing, sf_pricing_free);
  g_clear_pointer (&update->roi, sf_roi_free);
  update->changes = 0;
}
