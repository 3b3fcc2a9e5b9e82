/* sf-deal-card.h — one deal on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-deal.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_CARD (sf_deal_card_get_type ())

G_DECLARE_FINAL_TYPE (SfDealCard, sf_deal_card, SF, DEAL_CARD, GtkWidget)

SfDeal *sf_deal_card_get_deal (SfDealCard *self);
void    sf_deal_card_set_deal (SfDealCard *self,
                               SfDeal     *deal);

G_END_DECLS
