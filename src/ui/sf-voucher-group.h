/* sf-voucher-group.h — a manager confirms a new manager's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_VOUCHER_GROUP (sf_voucher_group_get_type ())

G_DECLARE_FINAL_TYPE (SfVoucherGroup, sf_voucher_group, SF, VOUCHER_GROUP, AdwPreferencesGroup)

void        sf_voucher_group_setup          (SfVoucherGroup *self,
                                             SfPipeline     *pipeline,
                                             gint64          person_id);
gboolean    sf_voucher_group_is_needed      (SfVoucherGroup *self);
gboolean    sf_voucher_group_is_ready       (SfVoucherGroup *self);
gint64      sf_voucher_group_get_voucher_id (SfVoucherGroup *self);
const char *sf_voucher_group_get_passphrase (SfVoucherGroup *self);
void        sf_voucher_group_clear          (SfVoucherGroup *self);

G_END_DECLS
