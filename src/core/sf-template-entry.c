/* sf-template-entry.c — one line of a team-editable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist template and the lost reasons are both lists a team edits
 * in Preferences: built-in lines carry a key and are translated when shown,
 * lines the team adds carry the text as typed; built-in lines can be
 * hidden but not deleted, so they keep their translations.
 */
#include "config.h"

#include "sf-checklist.h"
#include "sf-reasons.h"
#include "sf-template-entry.h"

struct _SfTemplateEntry
{
  GObject parent_instance;

  SfTemplateList list;
  gint64 id;
  SfStage stage;
  int position;
  char *key;
  char *title;
  SfJobKind kind;
  gboolean required;
  gboolean hidden;
};

G_DEFINE_FINAL_TYPE (SfTemplateEntry, sf_template_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_TITLE,
  PROP_REQUIRED,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_template_entry_finalize (GObject *object)
{
  SfTemplateEntry *self = (SfTemplateEntry *) object;

  g_free (self->key);
  g_free (self->title);

  G_OBJECT_CLASS (sf_template_entry_parent_class)->finalize (object);
}

static void
sf_template_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SfTemplateEntry *self = SF_TEMPLATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_TITLE: g_value_set_string (value, sf_template_entry_get_display_title (self)); break;
    case PROP_REQUIRED: g_value_set_boolean (value, self->required); break;
    case PROP_HIDDEN: g_value_set_boolean (value, self->hidden); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_template_entry_class_init (SfTemplateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_template_entry_finalize;
  object_class->get_property = sf_template_entry_get_property;

  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, TRUE, ro);
  properties[PROP_HIDDEN] = g_param_spec_boolean ("hidden", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_template_entry_init (SfTemplateEntry *self)
{
}

/**
 * sf_template_entry_new:
 *
 * Returns: (transfer full): an entry as the store read it
 */
SfTemplateEntry *
sf_template_entry_new (SfTemplateList  list,
                       gint64          id,
                       SfStage         stage,
                       int             position,
                       const char     *key,
                       const char     *title,
                       SfJobKind       kind,
                       gboolean        required,
                       gboolean        hidden)
{
  SfTemplateEntry *self = g_object_new (SF_TYPE_TEMPLATE_ENTRY, NULL);

  self->list = list;
  self->id = id;
  self->stage = stage;
  self->position = position;
  self->key = g_strdup (key);
  self->title = g_strdup (title);
  self->kind = kind;
  self->required = !!required;
  self->hidden = !!hidden;

  return self;
}

SfTemplateList
sf_template_entry_get_list (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), 0);
  return self->list;
}

gint64
sf_template_entry_get_id (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), 0);
  return self->id;
}

SfStage
sf_template_entry_get_stage (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), 0);
  return self->stage;
}

int
sf_template_entry_get_position (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), 0);
  return self->position;
}

/**
 * sf_template_entry_get_key:
 *
 * Returns: (nullable): the built-in line's key
 */
const char *
sf_template_entry_get_key (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), NULL);
  return self->key;
}

/**
 * sf_template_entry_get_title:
 *
 * Returns: (nullable): the typed text; a rename of a built-in line
 */
const char *
sf_template_entry_get_title (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), NULL);
  return self->title;
}

/**
 * sf_template_entry_get_display_title:
 *
 * Returns: (transfer none): the line as the user should read it
 */
const char *
sf_template_entry_get_display_title (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), NULL);

  if (self->title != NULL && *self->title != '\0')
    return self->title;
  if (self->list == SF_TEMPLATE_LIST_LOST_REASONS)
    return sf_lost_reason_get_display (self->key);

  return sf_checklist_get_display_title (self->key, NULL);
}

SfJobKind
sf_template_entry_get_kind (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), SF_JOB_KIND_MANUAL);
  return self->kind;
}

gboolean
sf_template_entry_get_required (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), FALSE);
  return self->required;
}

gboolean
sf_template_entry_get_hidden (SfTemplateEntry *self)
{
  g_return_val_if_fail (SF_IS_TEMPLATE_ENTRY (self), FALSE);
  return self->hidden;
}
