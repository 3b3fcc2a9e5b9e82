/* sf-people-page.h — Preferences → People
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_PEOPLE_PAGE (sf_people_page_get_type ())

G_DECLARE_FINAL_TYPE (SfPeoplePage, sf_people_page, SF, PEOPLE_PAGE, AdwPreferencesPage)

SfPeoplePage *sf_people_page_new        (SfPipeline   *pipeline);
GtkWidget    *sf_people_page_find_row   (SfPeoplePage *self,
                                         const char   *name);

G_END_DECLS
