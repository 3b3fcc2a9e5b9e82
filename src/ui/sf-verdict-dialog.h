/* sf-verdict-dialog.h — Record Verdict: success or failure, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_VERDICT_DIALOG (sf_verdict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfVerdictDialog, sf_verdict_dialog, SF, VERDICT_DIALOG, AdwMessageDialog)

SfVerdictDialog *sf_verdict_dialog_new         (GtkWindow       *parent,
                                                SfPipeline      *pipeline,
                                                SfDeal          *deal,
                                                SfVerdict        current,
                                                const char      *current_reason);
SfVerdict        sf_verdict_dialog_get_verdict (SfVerdictDialog *self);
void             sf_verdict_dialog_set_verdict (SfVerdictDialog *self,
                                                SfVerdict        verdict);

G_END_DECLS
