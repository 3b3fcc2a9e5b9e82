/* sf-import-dialog.h — import deals from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_IMPORT_DIALOG (sf_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfImportDialog, sf_import_dialog, SF, IMPORT_DIALOG, AdwWindow)

SfImportDialog *sf_import_dialog_new          (GtkWindow      *parent,
                                               SfPipeline     *pipeline,
                                               GFile          *file,
                                               GError        **error);
void            sf_import_dialog_start        (SfImportDialog *self);
GPtrArray      *sf_import_dialog_get_preview  (SfImportDialog *self);

G_END_DECLS
