/* sf-welcome-page.h — the first run on an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SF_TYPE_WELCOME_PAGE (sf_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (SfWelcomePage, sf_welcome_page, SF, WELCOME_PAGE, GtkWidget)

const char *sf_welcome_page_get_name (SfWelcomePage *self);

G_END_DECLS
