/* sf-person.h — someone who uses Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SfRole:
 * @SF_ROLE_SALES: works deals
 * @SF_ROLE_MANAGER: works deals and signs off pricing and ROI
 *
 * Stored in the database; the values never change.
 */
typedef enum
{
  SF_ROLE_SALES = 0,
  SF_ROLE_MANAGER = 1,
} SfRole;

#define SF_TYPE_PERSON (sf_person_get_type ())

G_DECLARE_FINAL_TYPE (SfPerson, sf_person, SF, PERSON, GObject)

SfPerson    *sf_person_new              (gint64      id,
                                         const char *name,
                                         SfRole      role,
                                         gboolean    active);
gint64       sf_person_get_id           (SfPerson   *person);
const char  *sf_person_get_name         (SfPerson   *person);
void         sf_person_set_name         (SfPerson   *person,
                                         const char *name);
SfRole       sf_person_get_role         (SfPerson   *person);
void         sf_person_set_role         (SfPerson   *person,
                                         SfRole      role);
gboolean     sf_person_get_active       (SfPerson   *person);
void         sf_person_set_active       (SfPerson   *person,
                                         gboolean    active);
gboolean     sf_person_get_has_passphrase (SfPerson *person);
void         sf_person_set_has_passphrase (SfPerson *person,
                                         gboolean    has_passphrase);
const char  *sf_role_get_name           (SfRole      role);
gboolean     sf_role_is_valid           (int         value);

G_END_DECLS
