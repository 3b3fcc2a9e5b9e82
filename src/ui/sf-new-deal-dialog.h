/* sf-new-deal-dialog.h — create a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_NEW_DEAL_DIALOG (sf_new_deal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfNewDealDialog, sf_new_deal_dialog, SF, NEW_DEAL_DIALOG, AdwWindow)

SfNewDealDialog *sf_new_deal_dialog_new    (GtkWindow       *parent,
                                            SfPipeline      *pipeline,
                                            gint64           owner_id);
gboolean         sf_new_deal_dialog_create (SfNewDealDialog *self);

G_END_DECLS
