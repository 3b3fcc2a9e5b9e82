/* sf-deal-list.h — every loaded deal, in the order they were created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-deal.h"

G_BEGIN_DECLS

#define SF_TYPE_DEAL_LIST (sf_deal_list_get_type ())

G_DECLARE_FINAL_TYPE (SfDealList, sf_deal_list, SF, DEAL_LIST, GObject)

SfDealList *sf_deal_list_new        (void);
void        sf_deal_list_set_all    (SfDealList *self,
                                     GPtrArray  *deals);
void        sf_deal_list_take_all   (SfDealList *self,
                                     GPtrArray  *deals);
void        sf_deal_list_add        (SfDealList *self,
                                     SfDeal     *deal);
void        sf_deal_list_add_many   (SfDealList *self,
                                     GPtrArray  *deals);
gboolean    sf_deal_list_remove     (SfDealList *self,
                                     SfDeal     *deal);
SfDeal     *sf_deal_list_lookup     (SfDealList *self,
                                     gint64      deal_id);
gboolean    sf_deal_list_find       (SfDealList *self,
                                     SfDeal     *deal,
                                     guint      *out_position);
gboolean    sf_deal_list_changed    (SfDealList *self,
                                     SfDeal     *deal);
SfDeal * const *sf_deal_list_peek   (SfDealList *self,
                                     guint      *out_n);

G_END_DECLS
