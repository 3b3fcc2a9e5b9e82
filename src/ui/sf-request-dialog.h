/* sf-request-dialog.h — ask a manager to approve pricing or ROI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_REQUEST_DIALOG (sf_request_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfRequestDialog, sf_request_dialog, SF, REQUEST_DIALOG, AdwWindow)

SfRequestDialog *sf_request_dialog_new         (GtkWindow       *parent,
                                                SfPipeline      *pipeline,
                                                SfDeal          *deal,
                                                SfApprovalKind   kind);
gboolean         sf_request_dialog_send        (SfRequestDialog *self);
gboolean         sf_request_dialog_set_manager (SfRequestDialog *self,
                                                gint64           manager_id);

G_END_DECLS
