/* sf-passphrase-dialog.h — set or change a manager's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_PASSPHRASE_DIALOG (sf_passphrase_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfPassphraseDialog, sf_passphrase_dialog, SF, PASSPHRASE_DIALOG, AdwWindow)

SfPassphraseDialog *sf_passphrase_dialog_new   (GtkWindow          *parent,
                                                SfPipeline         *pipeline,
                                                SfPerson           *person,
                                                const char         *explanation);
gboolean            sf_passphrase_dialog_save  (SfPassphraseDialog *self);
GError             *sf_passphrase_dialog_check (const char         *passphrase,
                                                const char         *repeat);

G_END_DECLS
