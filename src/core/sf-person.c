/* sf-person.c — someone who uses Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-enum-types.h"
#include "sf-format.h"
#include "sf-person.h"

struct _SfPerson
{
  GObject parent_instance;

  gint64 id;
  char *name;
  SfRole role;
  gboolean active;
  gboolean has_passphrase;
};

G_DEFINE_FINAL_TYPE (SfPerson, sf_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
  PROP_HAS_PASSPHRASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
sf_role_is_valid (int value)
{
  return value == SF_ROLE_SALES || value == SF_ROLE_MANAGER;
}

const char *
sf_role_get_name (SfRole role)
{
  switch (role)
    {
    /* Translators: the role of a person who works deals */
    case SF_ROLE_SALES: return C_("role", "Sales");
    /* Translators: the role of a person who signs off pricing and ROI */
    case SF_ROLE_MANAGER: return C_("role", "Manager");
    default: g_return_val_if_reached (NULL);
    }
}

static void
sf_person_finalize (GObject *object)
{
  SfPerson *self = (SfPerson *) object;

  g_free (self->name);

  G_OBJECT_CLASS (sf_person_parent_class)->finalize (object);
}

static void
sf_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SfPerson *self = SF_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_HAS_PASSPHRASE: g_value_set_boolean (value, self->has_passphrase); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SfPerson *self = SF_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_NAME: sf_person_set_name (self, g_value_get_string (value)); break;
    case PROP_ROLE: sf_person_set_role (self, g_value_get_enum (value)); break;
    case PROP_ACTIVE: sf_person_set_active (self, g_value_get_boolean (value)); break;
    case PROP_HAS_PASSPHRASE: sf_person_set_has_passphrase (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_person_class_init (SfPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_person_finalize;
  object_class->get_property = sf_person_get_property;
  object_class->set_property = sf_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                            G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, SF_TYPE_ROLE, SF_ROLE_SALES, rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, rw);
  properties[PROP_HAS_PASSPHRASE] = g_param_spec_boolean ("has-passphrase", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_person_init (SfPerson *self)
{
  self->name = g_strdup ("");
  self->active = TRUE;
}

/**
 * sf_person_new:
 *
 * Returns: (transfer full): a person
 */
SfPerson *
sf_person_new (gint64      id,
               const char *name,
               SfRole      role,
               gboolean    active)
{
  return g_object_new (SF_TYPE_PERSON,
                       "id", id,
                       "name", name,
                       "role", role,
                       "active", active,
                       NULL);
}

gint64
sf_person_get_id (SfPerson *person)
{
  g_return_val_if_fail (SF_IS_PERSON (person), 0);
  return person->id;
}

const char *
sf_person_get_name (SfPerson *person)
{
  g_return_val_if_fail (SF_IS_PERSON (person), NULL);
  return person->name;
}

void
sf_person_set_name (SfPerson   *person,
                    const char *name)
{
  g_return_if_fail (SF_IS_PERSON (person));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (person->name, name) != 0)
    {
      g_free (person->name);
      person->name = sf_text_dup (name);
      g_object_notify_by_pspec (G_OBJECT (person), properties[PROP_NAME]);
    }
}

SfRole
sf_person_get_role (SfPerson *person)
{
  g_return_val_if_fail (SF_IS_PERSON (person), SF_ROLE_SALES);
  return person->role;
}

void
sf_person_set_role (SfPerson *person,
                    SfRole    role)
{
  g_return_if_fail (SF_IS_PERSON (person));

  if (person->role != role)
    {
      person->role = role;
      g_object_notify_by_pspec (G_OBJECT (person), properties[PROP_ROLE]);
    }
}

gboolean
sf_person_get_active (SfPerson *person)
{
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);
  return person->active;
}

void
sf_person_set_active (SfPerson *person,
                      gboolean  active)
{
  g_return_if_fail (SF_IS_PERSON (person));

  active = !!active;
  if (person->active != active)
    {
      person->active = active;
      g_object_notify_by_pspec (G_OBJECT (person), properties[PROP_ACTIVE]);
    }
}

gboolean
sf_person_get_has_passphrase (SfPerson *person)
{
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);
  return person->has_passphrase;
}

void
sf_person_set_has_passphrase (SfPerson *person,
                              gboolean  has_passphrase)
{
  g_return_if_fail (SF_IS_PERSON (person));

  has_passphrase = !!has_passphrase;
  if (person->has_passphrase != has_passphrase)
    {
      person->has_passphrase = has_passphrase;
      g_object_notify_by_pspec (G_OBJECT (person), properties[PROP_HAS_PASSPHRASE]);
    }
}
