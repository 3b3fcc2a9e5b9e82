/* sf-satisfaction-group.c — successes and failures of one owner or one
 * deal-size band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: the breakdown is computed again from the tab's rows whenever
 * they change, so a group never needs to notify.
 */
#include "config.h"

#include "sf-enum-types.h"
#include "sf-satisfaction-group.h"

struct _SfSatisfactionGroup
{
  GObject parent_instance;

  char *label;
  gint64 owner_id;
  SfDealSizeBand band;
  guint n_success;
  guint n_failure;
  guint n_undecided;
};

G_DEFINE_FINAL_TYPE (SfSatisfactionGroup, sf_satisfaction_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_OWNER_ID,
  PROP_BAND,
  PROP_N_SUCCESS,
  PROP_N_FAILURE,
  PROP_N_UNDECIDED,
  PROP_SUCCESS_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_satisfaction_group_finalize (GObject *object)
{
  SfSatisfactionGroup *self = (SfSatisfactionGroup *) object;

  g_free (self->label);

  G_OBJECT_CLASS (sf_satisfaction_group_parent_class)->finalize (object);
}

static void
sf_satisfaction_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SfSatisfactionGroup *self = SF_SATISFACTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_BAND: g_value_set_enum (value, self->band); break;
    case PROP_N_SUCCESS: g_value_set_uint (value, self->n_success); break;
    case PROP_N_FAILURE: g_value_set_uint (value, self->n_failure); break;
    case PROP_N_UNDECIDED: g_value_set_uint (value, self->n_undecided); break;
    case PROP_SUCCESS_RATE:
      g_value_set_int (value, sf_satisfaction_group_get_success_rate (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_satisfaction_group_class_init (SfSatisfactionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_satisfaction_group_finalize;
  object_class->get_property = sf_satisfaction_group_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", ro);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BAND] = g_param_spec_enum ("band", NULL, NULL, SF_TYPE_DEAL_SIZE_BAND,
                                             SF_DEAL_SIZE_BAND_SMALL, ro);
  properties[PROP_N_SUCCESS] = g_param_spec_uint ("n-success", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_FAILURE] = g_param_spec_uint ("n-failure", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_UNDECIDED] = g_param_spec_uint ("n-undecided", NULL, NULL,
                                                    0, G_MAXUINT, 0, ro);
  properties[PROP_SUCCESS_RATE] = g_param_spec_int ("success-rate", NULL, NULL,
                                                    G_MININT, 100, SF_SATISFACTION_NO_VALUE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_satisfaction_group_init (SfSatisfactionGroup *self)
{
}

/**
 * sf_satisfaction_group_new:
 * @label: the owner's name or the band's label, as shown
 * @owner_id: the owner, or 0 for a band or for deals without an owner
 * @band: the band; ignored for an owner's group
 *
 * Returns: (transfer full): the group
 */
SfSatisfactionGroup *
sf_satisfaction_group_new (const char     *label,
                           gint64          owner_id,
                           SfDealSizeBand  band,
                           guint           n_success,
                           guint           n_failure,
                           guint           n_undecided)
{
  SfSatisfactionGroup *self = g_object_new (SF_TYPE_SATISFACTION_GROUP, NULL);

  self->label = g_strdup (label ? label : "");
  self->owner_id = owner_id;
  self->band = band;
  self->n_success = n_success;
  self->n_failure = n_failure;
  self->n_undecided = n_undecided;

  return self;
}

const char *
sf_satisfaction_group_get_label (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), NULL);
  return group->label;
}

gint64
sf_satisfaction_group_get_owner_id (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), 0);
  return group->owner_id;
}

SfDealSizeBand
sf_satisfaction_group_get_band (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), SF_DEAL_SIZE_BAND_SMALL);
  return group->band;
}

guint
sf_satisfaction_group_get_n_success (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), 0);
  return group->n_success;
}

guint
sf_satisfaction_group_get_n_failure (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), 0);
  return group->n_failure;
}

guint
sf_satisfaction_group_get_n_undecided (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), 0);
  return group->n_undecided;
}

/**
 * sf_satisfaction_group_get_success_rate:
 *
 * Returns: the percent of decided deals that were a success, or
 *   %SF_SATISFACTION_NO_VALUE when none is decided
 */
int
sf_satisfaction_group_get_success_rate (SfSatisfactionGroup *group)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_GROUP (group), SF_SATISFACTION_NO_VALUE);
  return sf_satisfaction_success_rate (group->n_success, group->n_failure);
}
