/* sf-signoff-dialog.h — a manager approves or rejects a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_SIGNOFF_DIALOG (sf_signoff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfSignoffDialog, sf_signoff_dialog, SF, SIGNOFF_DIALOG, AdwWindow)

SfSignoffDialog *sf_signoff_dialog_new    (GtkWindow         *parent,
                                           SfPipeline        *pipeline,
                                           SfApprovalRequest *request,
                                           gint64             manager_id);
gboolean         sf_signoff_dialog_decide (SfSignoffDialog   *self,
                                           gboolean           approve);

G_END_DECLS
