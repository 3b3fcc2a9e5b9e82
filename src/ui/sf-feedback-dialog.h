/* sf-feedback-dialog.h — Record Feedback: one customer's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_FEEDBACK_DIALOG (sf_feedback_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfFeedbackDialog, sf_feedback_dialog, SF, FEEDBACK_DIALOG, AdwWindow)

SfFeedbackDialog *sf_feedback_dialog_new      (GtkWindow        *parent,
                                               SfPipeline       *pipeline,
                                               SfDeal           *deal);
SfDeal           *sf_feedback_dialog_get_deal (SfFeedbackDialog *self);
guint             sf_feedback_dialog_get_date (SfFeedbackDialog *self);
void              sf_feedback_dialog_set_date (SfFeedbackDialog *self,
                                               guint             julian_day);
gboolean          sf_feedback_dialog_record   (SfFeedbackDialog *self);

G_END_DECLS
