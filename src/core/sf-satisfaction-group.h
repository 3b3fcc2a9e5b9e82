/* sf-satisfaction-group.h — successes and failures of one owner or one
 * deal-size band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-satisfaction.h"

G_BEGIN_DECLS

#define SF_TYPE_SATISFACTION_GROUP (sf_satisfaction_group_get_type ())

G_DECLARE_FINAL_TYPE (SfSatisfactionGroup, sf_satisfaction_group, SF, SATISFACTION_GROUP, GObject)

SfSatisfactionGroup *sf_satisfaction_group_new     (const char          *label,
                                                    gint64               owner_id,
                                                    SfDealSizeBand       band,
                                                    guint                n_success,
                                                    guint                n_failure,
                                                    guint                n_undecided);
const char     *sf_satisfaction_group_get_label        (SfSatisfactionGroup *group);
gint64          sf_satisfaction_group_get_owner_id     (SfSatisfactionGroup *group);
SfDealSizeBand  sf_satisfaction_group_get_band         (SfSatisfactionGroup *group);
guint           sf_satisfaction_group_get_n_success    (SfSatisfactionGroup *group);
guint           sf_satisfaction_group_get_n_failure    (SfSatisfactionGroup *group);
guint           sf_satisfaction_group_get_n_undecided  (SfSatisfactionGroup *group);
int             sf_satisfaction_group_get_success_rate (SfSatisfactionGroup *group);

G_END_DECLS
