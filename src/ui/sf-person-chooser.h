/* sf-person-chooser.h — who is using Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-window.h"

G_BEGIN_DECLS

#define SF_TYPE_PERSON_CHOOSER (sf_person_chooser_get_type ())

G_DECLARE_FINAL_TYPE (SfPersonChooser, sf_person_chooser, SF, PERSON_CHOOSER, AdwWindow)

SfPersonChooser *sf_person_chooser_new    (SfWindow        *window,
                                           gboolean         required);
gboolean         sf_person_chooser_choose (SfPersonChooser *self,
                                           SfPerson        *person);

G_END_DECLS
