/* sf-person-dialog.h — add a person who uses Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_PERSON_DIALOG (sf_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfPersonDialog, sf_person_dialog, SF, PERSON_DIALOG, AdwWindow)

SfPersonDialog *sf_person_dialog_new (GtkWindow      *parent,
                                      SfPipeline     *pipeline);
gboolean        sf_person_dialog_add (SfPersonDialog *self);

G_END_DECLS
