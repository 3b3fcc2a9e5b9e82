/* sf-deal.c — one sales deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sf-deal.h"
#include "sf-enum-types.h"
#include "sf-format.h"

/* A deal is kept small: the pipeline holds every deal in memory, a million
 * of them at the far end. Dates are Julian days or Unix seconds, the notes
 * stay NULL until the deal is opened, and the search key is the only
 * derived string. */
struct _SfDeal
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *customer;
  char *contact_name;
  char *contact_email;
  char *contact_phone;
  char *notes;
  char *lost_reason;
  char *lost_note;
  char *search_key;
  gint64 owner_id;
  const char *owner_name;   /* interned: a handful of names for all deals */
  SfMoney value;
  gint64 created_at;
  gint64 updated_at;
  gint64 stage_entered_at;
  gint64 closed_at;
  guint expected_close;
  guint16 progress_done;
  guint16 progress_required;
  gint8 probability;
  guint8 stage;
  guint8 status;
};

G_DEFINE_FINAL_TYPE (SfDeal, sf_deal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CUSTOMER,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_PHONE,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_VALUE,
  PROP_AMOUNT,
  PROP_STAGE,
  PROP_STATUS,
  PROP_LOST_REASON,
  PROP_LOST_NOTE,
  PROP_EXPECTED_CLOSE,
  PROP_PROBABILITY,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_STAGE_ENTERED_AT,
  PROP_CLOSED_AT,
  PROP_PROGRESS_DONE,
  PROP_PROGRESS_REQUIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_deal_finalize (GObject *object)
{
  SfDeal *self = (SfDeal *) object;

  g_free (self->title);
  g_free (self->customer);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->contact_phone);
  g_free (self->notes);
  g_free (self->lost_reason);
  g_free (self->lost_note);
  g_free (self->search_key);

  G_OBJECT_CLASS (sf_deal_parent_class)->finalize (object);
}

static void
sf_deal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SfDeal *self = SF_DEAL (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_CUSTOMER: g_value_set_string (value, self->customer); break;
    case PROP_CONTACT_NAME: g_value_set_string (value, self->contact_name); break;
    case PROP_CONTACT_EMAIL: g_value_set_string (value, self->contact_email); break;
    case PROP_CONTACT_PHONE: g_value_set_string (value, self->contact_phone); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_static_string (value, self->owner_name); break;
    case PROP_VALUE: g_value_set_boxed (value, &self->value); break;
    case PROP_AMOUNT: g_value_set_int64 (value, self->value.amount); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_LOST_REASON: g_value_set_string (value, self->lost_reason); break;
    case PROP_LOST_NOTE: g_value_set_string (value, self->lost_note); break;
    case PROP_EXPECTED_CLOSE: g_value_set_uint (value, self->expected_close); break;
    case PROP_PROBABILITY: g_value_set_int (value, self->probability); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    case PROP_STAGE_ENTERED_AT: g_value_set_int64 (value, self->stage_entered_at); break;
    case PROP_CLOSED_AT: g_value_set_int64 (value, self->closed_at); break;
    case PROP_PROGRESS_DONE: g_value_set_uint (value, self->progress_done); break;
    case PROP_PROGRESS_REQUIRED: g_value_set_uint (value, self->progress_required); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SfDeal *self = SF_DEAL (object);

  switch (prop_id)
    {
    case PROP_ID: sf_deal_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: sf_deal_set_title (self, g_value_get_string (value)); break;
    case PROP_CUSTOMER: sf_deal_set_customer (self, g_value_get_string (value)); break;
    case PROP_CONTACT_NAME: sf_deal_set_contact_name (self, g_value_get_string (value)); break;
    case PROP_CONTACT_EMAIL: sf_deal_set_contact_email (self, g_value_get_string (value)); break;
    case PROP_CONTACT_PHONE: sf_deal_set_contact_phone (self, g_value_get_string (value)); break;
    case PROP_OWNER_ID: sf_deal_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_VALUE: sf_deal_set_value (self, g_value_get_boxed (value)); break;
    case PROP_EXPECTED_CLOSE: sf_deal_set_expected_close (self, g_value_get_uint (value)); break;
    case PROP_PROBABILITY: sf_deal_set_probability (self, g_value_get_int (value)); break;
    case PROP_NOTES: sf_deal_set_notes (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_class_init (SfDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_deal_finalize;
  object_class->get_property = sf_deal_get_property;
  object_class->set_property = sf_deal_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_CUSTOMER] = g_param_spec_string ("customer", NULL, NULL, "", rw);
  properties[PROP_CONTACT_NAME] = g_param_spec_string ("contact-name", NULL, NULL, "", rw);
  properties[PROP_CONTACT_EMAIL] = g_param_spec_string ("contact-email", NULL, NULL, "", rw);
  properties[PROP_CONTACT_PHONE] = g_param_spec_string ("contact-phone", NULL, NULL, "", rw);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, ro);
  properties[PROP_VALUE] = g_param_spec_boxed ("value", NULL, NULL, SF_TYPE_MONEY, rw);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, SF_TYPE_STAGE,
                                              SF_STAGE_PROSPECT, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SF_TYPE_DEAL_STATUS,
                                               SF_DEAL_STATUS_OPEN, ro);
  properties[PROP_LOST_REASON] = g_param_spec_string ("lost-reason", NULL, NULL, NULL, ro);
  properties[PROP_LOST_NOTE] = g_param_spec_string ("lost-note", NULL, NULL, NULL, ro);
  properties[PROP_EXPECTED_CLOSE] = g_param_spec_uint ("expected-close", NULL, NULL,
                                                       0, G_MAXUINT, 0, rw);
  properties[PROP_PROBABILITY] = g_param_spec_int ("probability", NULL, NULL, -1, 100, -1, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_STAGE_ENTERED_AT] = g_param_spec_int64 ("stage-entered-at", NULL, NULL,
                                                          G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_CLOSED_AT] = g_param_spec_int64 ("closed-at", NULL, NULL,
                                                   G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_PROGRESS_DONE] = g_param_spec_uint ("progress-done", NULL, NULL,
                                                      0, G_MAXUINT16, 0, ro);
  properties[PROP_PROGRESS_REQUIRED] = g_param_spec_uint ("progress-required", NULL, NULL,
                                                          0, G_MAXUINT16, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_deal_init (SfDeal *self)
{
  self->title = g_strdup ("");
  self->customer = g_strdup ("");
  self->probability = -1;
  sf_money_init (&self->value, 0, "EUR");
}

/**
 * sf_deal_new:
 *
 * Returns: (transfer full): an empty deal in Prospect, not yet stored
 */
SfDeal *
sf_deal_new (void)
{
  return g_object_new (SF_TYPE_DEAL, NULL);
}

static char *
dup_or_null (const char *s)
{
  return (s && *s) ? sf_text_dup (s) : NULL;
}

/**
 * sf_deal_new_from_row:
 *
 * The fast path for loading many deals: no property notifications.
 *
 * Returns: (transfer full): a deal with @row's values
 */
SfDeal *
sf_deal_new_from_row (const SfDealRow *row)
{
  SfDeal *self = g_object_new (SF_TYPE_DEAL, NULL);

  g_return_val_if_fail (row != NULL, self);

  self->id = row->id;
  g_free (self->title);
  self->title = sf_text_dup (row->title ? row->title : "");
  g_free (self->customer);
  self->customer = sf_text_dup (row->customer ? row->customer : "");
  self->contact_name = dup_or_null (row->contact_name);
  self->contact_email = dup_or_null (row->contact_email);
  self->contact_phone = dup_or_null (row->contact_phone);
  self->owner_id = row->owner_id;
  sf_deal_set_owner_name (self, row->owner_name);
  sf_money_init (&self->value, row->value, row->currency ? row->currency : "EUR");
  self->stage = sf_stage_is_valid (row->stage) ? row->stage : SF_STAGE_PROSPECT;
  self->status = sf_deal_status_is_valid (row->status) ? row->status : SF_DEAL_STATUS_OPEN;
  self->lost_reason = dup_or_null (row->lost_reason);
  self->lost_note = dup_or_null (row->lost_note);
  self->expected_close = row->expected_close;
  self->probability = CLAMP (row->probability, -1, 100);
  self->created_at = row->created_at;
  self->updated_at = row->updated_at;
  self->stage_entered_at = row->stage_entered_at;
  self->closed_at = row->closed_at;
  self->progress_done = MIN (row->progress_done, G_MAXUINT16);
  self->progress_required = MIN (row->progress_required, G_MAXUINT16);

  return self;
}

/**
 * sf_deal_dup:
 *
 * Returns: (transfer full): an independent copy of @deal, notes included
 */
SfDeal *
sf_deal_dup (SfDeal *deal)
{
  SfDealRow row = {
    .id = deal->id,
    .title = deal->title,
    .customer = deal->customer,
    .contact_name = deal->contact_name,
    .contact_email = deal->contact_email,
    .contact_phone = deal->contact_phone,
    .owner_id = deal->owner_id,
    .owner_name = deal->owner_name,
    .value = deal->value.amount,
    .currency = deal->value.currency,
    .stage = deal->stage,
    .status = deal->status,
    .lost_reason = deal->lost_reason,
    .lost_note = deal->lost_note,
    .expected_close = deal->expected_close,
    .probability = deal->probability,
    .created_at = deal->created_at,
    .updated_at = deal->updated_at,
    .stage_entered_at = deal->stage_entered_at,
    .closed_at = deal->closed_at,
    .progress_done = deal->progress_done,
    .progress_required = deal->progress_required,
  };
  SfDeal *copy = sf_deal_new_from_row (&row);

  copy->notes = g_strdup (deal->notes);

  return copy;
}

/**
 * sf_deal_assign:
 * @from: the same deal as read back from the store
 *
 * Brings @deal up to date with @from, notifying each property that changed.
 * The notes are taken only when @from has them loaded.
 */
void
sf_deal_assign (SfDeal *deal,
                SfDeal *from)
{
  SfDealState state;

  g_return_if_fail (SF_IS_DEAL (deal));
  g_return_if_fail (SF_IS_DEAL (from));

  g_object_freeze_notify (G_OBJECT (deal));
  sf_deal_set_id (deal, from->id);
  sf_deal_set_title (deal, from->title);
  sf_deal_set_customer (deal, from->customer);
  sf_deal_set_contact_name (deal, from->contact_name);
  sf_deal_set_contact_email (deal, from->contact_email);
  sf_deal_set_contact_phone (deal, from->contact_phone);
  sf_deal_set_owner_id (deal, from->owner_id);
  sf_deal_set_owner_name (deal, from->owner_name);
  sf_deal_set_value (deal, &from->value);
  sf_deal_get_state (from, &state);
  sf_deal_set_state (deal, &state);
  sf_deal_set_expected_close (deal, from->expected_close);
  sf_deal_set_probability (deal, from->probability);
  if (from->notes != NULL)
    sf_deal_set_notes (deal, from->notes);
  if (deal->created_at != from->created_at)
    {
      deal->created_at = from->created_at;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_CREATED_AT]);
    }
  sf_deal_set_updated_at (deal, from->updated_at);
  sf_deal_set_progress (deal, from->progress_done, from->progress_required);
  g_object_thaw_notify (G_OBJECT (deal));
}

/* Replaces *field with a copy of value (NULL and "" both mean unset for the
 * optional fields) and notifies on a real change. */
static gboolean
set_string (SfDeal      *self,
            char       **field,
            const char  *value,
            gboolean     nullable,
            int          prop)
{
  if (nullable && value != NULL && *value == '\0')
    value = NULL;
  if (!nullable && value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = sf_text_dup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static void
invalidate_search_key (SfDeal *self)
{
  g_clear_pointer (&self->search_key, g_free);
}

gint64
sf_deal_get_id (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->id;
}

void
sf_deal_set_id (SfDeal *deal,
                gint64  id)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (deal->id != id)
    {
      deal->id = id;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_ID]);
    }
}

const char *
sf_deal_get_title (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->title;
}

void
sf_deal_set_title (SfDeal     *deal,
                   const char *title)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (set_string (deal, &deal->title, title, FALSE, PROP_TITLE))
    invalidate_search_key (deal);
}

const char *
sf_deal_get_customer (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->customer;
}

void
sf_deal_set_customer (SfDeal     *deal,
                      const char *customer)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (set_string (deal, &deal->customer, customer, FALSE, PROP_CUSTOMER))
    invalidate_search_key (deal);
}

/**
 * sf_deal_get_contact_name:
 *
 * Returns: (nullable): the contact person's name
 */
const char *
sf_deal_get_contact_name (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->contact_name;
}

void
sf_deal_set_contact_name (SfDeal     *deal,
                          const char *name)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (set_string (deal, &deal->contact_name, name, TRUE, PROP_CONTACT_NAME))
    invalidate_search_key (deal);
}

const char *
sf_deal_get_contact_email (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->contact_email;
}

void
sf_deal_set_contact_email (SfDeal     *deal,
                           const char *email)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (set_string (deal, &deal->contact_email, email, TRUE, PROP_CONTACT_EMAIL))
    invalidate_search_key (deal);
}

const char *
sf_deal_get_contact_phone (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->contact_phone;
}

void
sf_deal_set_contact_phone (SfDeal     *deal,
                           const char *phone)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (set_string (deal, &deal->contact_phone, phone, TRUE, PROP_CONTACT_PHONE))
    invalidate_search_key (deal);
}

gint64
sf_deal_get_owner_id (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->owner_id;
}

void
sf_deal_set_owner_id (SfDeal *deal,
                      gint64  owner_id)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (deal->owner_id != owner_id)
    {
      deal->owner_id = owner_id;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_OWNER_ID]);
    }
}

/**
 * sf_deal_get_owner_name:
 *
 * Returns: (nullable): the owner's name as loaded with the deal
 */
const char *
sf_deal_get_owner_name (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->owner_name;
}

void
sf_deal_set_owner_name (SfDeal     *deal,
                        const char *name)
{
  const char *interned;

  g_return_if_fail (SF_IS_DEAL (deal));

  if (name != NULL)
    {
      g_autofree char *valid = sf_text_dup (name);

      interned = g_intern_string (valid);
    }
  else
    interned = NULL;
  if (deal->owner_name != interned)
    {
      deal->owner_name = interned;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_OWNER_NAME]);
    }
}

/**
 * sf_deal_get_value:
 *
 * Returns: (transfer none): the deal's value
 */
const SfMoney *
sf_deal_get_value (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return &deal->value;
}

void
sf_deal_set_value (SfDeal        *deal,
                   const SfMoney *value)
{
  g_return_if_fail (SF_IS_DEAL (deal));
  g_return_if_fail (value != NULL);

  if (!sf_money_equal (&deal->value, value))
    {
      gboolean amount_changed = deal->value.amount != value->amount;

      deal->value = *value;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_VALUE]);
      if (amount_changed)
        g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_AMOUNT]);
    }
}

SfStage
sf_deal_get_stage (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), SF_STAGE_PROSPECT);
  return deal->stage;
}

SfDealStatus
sf_deal_get_status (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), SF_DEAL_STATUS_OPEN);
  return deal->status;
}

const char *
sf_deal_get_lost_reason (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->lost_reason;
}

const char *
sf_deal_get_lost_note (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->lost_note;
}

gint64
sf_deal_get_stage_entered_at (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->stage_entered_at;
}

gint64
sf_deal_get_closed_at (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->closed_at;
}

/**
 * sf_deal_get_state:
 * @state: (out caller-allocates): filled with borrowed values
 */
void
sf_deal_get_state (SfDeal      *deal,
                   SfDealState *state)
{
  g_return_if_fail (SF_IS_DEAL (deal));
  g_return_if_fail (state != NULL);

  state->stage = deal->stage;
  state->status = deal->status;
  state->stage_entered_at = deal->stage_entered_at;
  state->closed_at = deal->closed_at;
  state->lost_reason = deal->lost_reason;
  state->lost_note = deal->lost_note;
}

/**
 * sf_deal_set_state:
 *
 * Moves the in-memory deal to @state. Only the store calls this, after the
 * same change has been committed.
 */
void
sf_deal_set_state (SfDeal            *deal,
                   const SfDealState *state)
{
  GObject *object = G_OBJECT (deal);

  g_return_if_fail (SF_IS_DEAL (deal));
  g_return_if_fail (state != NULL && sf_stage_is_valid (state->stage));

  g_object_freeze_notify (object);
  if (deal->stage != state->stage)
    {
      deal->stage = state->stage;
      g_object_notify_by_pspec (object, properties[PROP_STAGE]);
    }
  if (deal->status != state->status)
    {
      deal->status = state->status;
      g_object_notify_by_pspec (object, properties[PROP_STATUS]);
    }
  if (deal->stage_entered_at != state->stage_entered_at)
    {
      deal->stage_entered_at = state->stage_entered_at;
      g_object_notify_by_pspec (object, properties[PROP_STAGE_ENTERED_AT]);
    }
  if (deal->closed_at != state->closed_at)
    {
      deal->closed_at = state->closed_at;
      g_object_notify_by_pspec (object, properties[PROP_CLOSED_AT]);
    }
  if (g_strcmp0 (deal->lost_reason, state->lost_reason) != 0)
    {
      char *old = deal->lost_reason;

      deal->lost_reason = dup_or_null (state->lost_reason);
      g_free (old);
      g_object_notify_by_pspec (object, properties[PROP_LOST_REASON]);
    }
  if (g_strcmp0 (deal->lost_note, state->lost_note) != 0)
    {
      char *old = deal->lost_note;

      deal->lost_note = dup_or_null (state->lost_note);
      g_free (old);
      g_object_notify_by_pspec (object, properties[PROP_LOST_NOTE]);
    }
  g_object_thaw_notify (object);
}

/**
 * sf_deal_get_expected_close:
 *
 * Returns: the expected close date as a #GDate Julian day, or 0 when unset
 */
guint
sf_deal_get_expected_close (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->expected_close;
}

void
sf_deal_set_expected_close (SfDeal *deal,
                            guint   julian_day)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (deal->expected_close != julian_day)
    {
      deal->expected_close = julian_day;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_EXPECTED_CLOSE]);
    }
}

/**
 * sf_deal_get_probability:
 *
 * Returns: the deal's own chance in percent, or -1 to use its stage's
 */
int
sf_deal_get_probability (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), -1);
  return deal->probability;
}

void
sf_deal_set_probability (SfDeal *deal,
                         int     percent)
{
  g_return_if_fail (SF_IS_DEAL (deal));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (deal->probability != percent)
    {
      deal->probability = percent;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_PROBABILITY]);
    }
}

/**
 * sf_deal_get_effective_probability:
 * @stage_probabilities: (array fixed-size=6) (nullable): the team's
 *   per-stage defaults, or %NULL for the built-in ones
 *
 * Returns: the chance, in percent, used to weight the deal's value: its own
 *   override, else its stage's; 0 for a lost deal
 */
int
sf_deal_get_effective_probability (SfDeal    *deal,
                                   const int *stage_probabilities)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);

  if (deal->status == SF_DEAL_STATUS_LOST)
    return 0;
  if (deal->status == SF_DEAL_STATUS_WON)
    return 100;
  if (deal->probability >= 0)
    return deal->probability;
  if (stage_probabilities != NULL)
    return CLAMP (stage_probabilities[deal->stage], 0, 100);

  return sf_stage_get_default_probability (deal->stage);
}

/**
 * sf_deal_get_notes:
 *
 * Returns: (nullable): the notes; %NULL until the deal has been opened
 */
const char *
sf_deal_get_notes (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return deal->notes;
}

void
sf_deal_set_notes (SfDeal     *deal,
                   const char *notes)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (g_strcmp0 (deal->notes, notes) != 0)
    {
      g_free (deal->notes);
      deal->notes = sf_text_dup (notes);
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_NOTES]);
    }
}

gint64
sf_deal_get_created_at (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->created_at;
}

gint64
sf_deal_get_updated_at (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->updated_at;
}

void
sf_deal_set_updated_at (SfDeal *deal,
                        gint64  when)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (deal->updated_at != when)
    {
      deal->updated_at = when;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_UPDATED_AT]);
    }
}

guint
sf_deal_get_progress_done (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->progress_done;
}

guint
sf_deal_get_progress_required (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);
  return deal->progress_required;
}

/**
 * sf_deal_set_progress:
 *
 * Records how many of the current stage's required jobs are done.
 */
void
sf_deal_set_progress (SfDeal *deal,
                      guint   done,
                      guint   required)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  done = MIN (done, G_MAXUINT16);
  required = MIN (required, G_MAXUINT16);

  g_object_freeze_notify (G_OBJECT (deal));
  if (deal->progress_done != done)
    {
      deal->progress_done = done;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_PROGRESS_DONE]);
    }
  if (deal->progress_required != required)
    {
      deal->progress_required = required;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_PROGRESS_REQUIRED]);
    }
  g_object_thaw_notify (G_OBJECT (deal));
}

/**
 * sf_deal_get_days_in_stage:
 * @now: Unix time
 *
 * Returns: whole days since the deal entered its current stage
 */
int
sf_deal_get_days_in_stage (SfDeal *deal,
                           gint64  now)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), 0);

  if (deal->stage_entered_at <= 0 || now < deal->stage_entered_at)
    return 0;

  return (int) ((now - deal->stage_entered_at) / (24 * 60 * 60));
}

/**
 * sf_deal_is_editable:
 *
 * Returns: whether the deal's fields and jobs may change; a lost deal is
 *   read-only until it is restored
 */
gboolean
sf_deal_is_editable (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  return deal->status != SF_DEAL_STATUS_LOST;
}

/**
 * sf_search_fold:
 *
 * Folds @text for matching: compatibility-decomposed, accents dropped,
 * case folded, so "Müller" is found by "muller" and "MÜLLER".
 *
 * Returns: (transfer full): the folded text
 */
char *
sf_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  {
    char *folded = g_utf8_casefold (out->str, out->len);

    g_string_free (out, TRUE);
    return folded;
  }
}

/**
 * sf_deal_get_search_key:
 *
 * Returns: (transfer none): the folded title, customer and contact, built
 *   once and kept until one of them changes
 */
const char *
sf_deal_get_search_key (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), "");

  if (deal->search_key == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", deal->title, deal->customer,
                                           deal->contact_name ? deal->contact_name : "",
                                           deal->contact_email ? deal->contact_email : "",
                                           deal->contact_phone ? deal->contact_phone : "",
                                           NULL);

      deal->search_key = sf_search_fold (joined);
    }

  return deal->search_key;
}

/**
 * sf_deal_matches:
 * @folded_query: a query passed through sf_search_fold()
 *
 * Every space-separated word of the query must occur in the deal's title,
 * customer or contact. Allocates nothing, so a keystroke over a million
 * deals costs only the comparisons.
 */
gboolean
sf_deal_matches (SfDeal     *deal,
                 const char *folded_query)
{
  const char *key, *word;
  gsize key_len;

  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (folded_query == NULL)
    return TRUE;

  key = sf_deal_get_search_key (deal);
  key_len = strlen (key);
  word = folded_query;

  while (*word)
    {
      gsize len;

      while (*word == ' ')
        word++;
      len = strcspn (word, " ");
      if (len > 0 && memmem (key, key_len, word, len) == NULL)
        return FALSE;
      word += len;
    }

  return TRUE;
}
