/* sf-application.h — the Salesflow application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SF_TYPE_APPLICATION (sf_application_get_type ())

G_DECLARE_FINAL_TYPE (SfApplication, sf_application, SF, APPLICATION, AdwApplication)

SfApplication *sf_application_new       (void);
void           sf_application_init_i18n (void);
void           sf_application_register_resources (void);
void           sf_application_load_css (void);
void           sf_application_show_about (GtkWindow *parent);

G_END_DECLS
