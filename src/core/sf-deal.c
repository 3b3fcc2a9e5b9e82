/* sf-deal.c — one sales deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sf-deal.h"
#include "sf-enum-types.h"
#include "sf-format.h"

/* The texts a deal is found by, in the order the search key holds them. */
enum {
  TEXT_TITLE,
  TEXT_CUSTOMER,
  TEXT_CONTACT_NAME,
  TEXT_CONTACT_EMAIL,
  TEXT_CONTACT_PHONE,
  N_TEXTS
};

#define NO_TEXT G_MAXUINT32

/* What most deals lack: the notes until the deal is opened, why it was
 * lost. One pointer in every deal instead of three. */
typedef struct
{
  char *notes;
  char *lost_reason;
  char *lost_note;
} SfDealExtra;

#define EXTRA(deal, field) ((deal)->extra ? (deal)->extra->field : NULL)

/* A deal is kept small: the pipeline holds every deal in memory, a million
 * of them at the far end. Dates are Julian days or Unix seconds, and the
 * notes stay NULL until the deal is opened.
 *
 * The five searchable texts and the search key share one allocation (see
 * set_texts()): the key first, each text folded (sf_search_fold()) and
 * NUL-separated, then the texts that differ from their folding; a text
 * that is its own folding, such as most e-mail addresses and phone
 * numbers, is kept only once, inside the key.
 *
 * What a search and a board column's totals read of every deal sits in the
 * first 64 bytes, with the object's header: at a million deals each cache
 * line more is a miss more per deal per keystroke. key_bytes lets a
 * search answer a one-letter query, and turn away most deals that lack a
 * letter of a longer one, without reading the key. */
struct _SfDeal
{
  GObject parent_instance;

  char *texts;                /* the key at 0 */
  guint32 key_len;
  guint8 stage;
  guint8 status;
  gint8 probability;
  SfMoney value;
  guint64 key_bytes;          /* which bytes the key has, see byte_bit() */

  gint64 id;
  guint32 text_at[N_TEXTS];   /* offsets into texts; NO_TEXT for NULL */
  guint16 progress_done;
  guint16 progress_required;
  gint64 owner_id;
  gint64 stage_entered_at;
  SfDealExtra *extra;       /* NULL for most deals */
  const char *owner_name;   /* interned: a handful of names for all deals */
  gint64 created_at;
  gint64 updated_at;
  gint64 closed_at;
  guint expected_close;
};

G_STATIC_ASSERT (G_STRUCT_OFFSET (struct _SfDeal, id) <= 64);

G_DEFINE_FINAL_TYPE (SfDeal, sf_deal, G_TYPE_OBJECT)

/* The texts of a new deal, shared by all until one is set. */
static const char empty_texts[N_TEXTS] = { 0 };

static void set_texts (SfDeal             *self,
                       const char * const *texts);

/* The bit of key_bytes for a byte: one each for a–z and 0–9, the others
 * share the rest. A word can occur in a key only if all its bytes' bits
 * are set; for a one-byte word of a letter or digit the bit is the answer. */
static inline guint64
byte_bit (guchar c)
{
  if (c >= 'a' && c <= 'z')
    return G_GUINT64_CONSTANT (1) << (c - 'a');
  if (c >= '0' && c <= '9')
    return G_GUINT64_CONSTANT (1) << (26 + c - '0');

  return G_GUINT64_CONSTANT (1) << (36 + c % 28);
}

static gpointer
fill_byte_bits (gpointer data)
{
  guint64 *bits = data;

  for (guint c = 0; c < 256; c++)
    bits[c] = byte_bit (c);

  return NULL;
}

/* Every deal a load makes runs this over its key: a table, not branches. */
static guint64
bytes_of (const char *text,
          gsize       len)
{
  static guint64 bits[256];
  static GOnce once = G_ONCE_INIT;
  guint64 result = 0;

  g_once (&once, fill_byte_bits, bits);
  for (gsize i = 0; i < len; i++)
    result |= bits[(guchar) text[i]];

  return result;
}

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

  if (self->texts != empty_texts)
    g_free (self->texts);
  if (self->extra != NULL)
    {
      g_free (self->extra->notes);
      g_free (self->extra->lost_reason);
      g_free (self->extra->lost_note);
      g_free (self->extra);
    }

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
    case PROP_TITLE: g_value_set_string (value, sf_deal_get_title (self)); break;
    case PROP_CUSTOMER: g_value_set_string (value, sf_deal_get_customer (self)); break;
    case PROP_CONTACT_NAME: g_value_set_string (value, sf_deal_get_contact_name (self)); break;
    case PROP_CONTACT_EMAIL: g_value_set_string (value, sf_deal_get_contact_email (self)); break;
    case PROP_CONTACT_PHONE: g_value_set_string (value, sf_deal_get_contact_phone (self)); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_static_string (value, self->owner_name); break;
    case PROP_VALUE: g_value_set_boxed (value, &self->value); break;
    case PROP_AMOUNT: g_value_set_int64 (value, self->value.amount); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_LOST_REASON: g_value_set_string (value, EXTRA (self, lost_reason)); break;
    case PROP_LOST_NOTE: g_value_set_string (value, EXTRA (self, lost_note)); break;
    case PROP_EXPECTED_CLOSE: g_value_set_uint (value, self->expected_close); break;
    case PROP_PROBABILITY: g_value_set_int (value, self->probability); break;
    case PROP_NOTES: g_value_set_string (value, EXTRA (self, notes)); break;
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
  /* An empty title and customer, no contact: five empty folded texts. */
  self->texts = (char *) empty_texts;
  self->key_len = N_TEXTS;
  self->key_bytes = byte_bit ('\0');
  self->text_at[TEXT_TITLE] = 0;
  self->text_at[TEXT_CUSTOMER] = 1;
  self->text_at[TEXT_CONTACT_NAME] = self->text_at[TEXT_CONTACT_EMAIL] = NO_TEXT;
  self->text_at[TEXT_CONTACT_PHONE] = NO_TEXT;
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

static SfDealExtra *
extra_for (SfDeal *self)
{
  if (self->extra == NULL)
    self->extra = g_new0 (SfDealExtra, 1);

  return self->extra;
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

  const char *texts[N_TEXTS] = {
    row->title ? row->title : "",
    row->customer ? row->customer : "",
    row->contact_name && *row->contact_name ? row->contact_name : NULL,
    row->contact_email && *row->contact_email ? row->contact_email : NULL,
    row->contact_phone && *row->contact_phone ? row->contact_phone : NULL,
  };

  self->id = row->id;
  set_texts (self, texts);
  self->owner_id = row->owner_id;
  sf_deal_set_owner_name (self, row->owner_name);
  sf_money_init (&self->value, row->value, row->currency ? row->currency : "EUR");
  self->stage = sf_stage_is_valid (row->stage) ? row->stage : SF_STAGE_PROSPECT;
  self->status = sf_deal_status_is_valid (row->status) ? row->status : SF_DEAL_STATUS_OPEN;
  if ((row->lost_reason && *row->lost_reason) || (row->lost_note && *row->lost_note))
    {
      extra_for (self)->lost_reason = dup_or_null (row->lost_reason);
      self->extra->lost_note = dup_or_null (row->lost_note);
    }
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
    .title = sf_deal_get_title (deal),
    .customer = sf_deal_get_customer (deal),
    .contact_name = sf_deal_get_contact_name (deal),
    .contact_email = sf_deal_get_contact_email (deal),
    .contact_phone = sf_deal_get_contact_phone (deal),
    .owner_id = deal->owner_id,
    .owner_name = deal->owner_name,
    .value = deal->value.amount,
    .currency = deal->value.currency,
    .stage = deal->stage,
    .status = deal->status,
    .lost_reason = EXTRA (deal, lost_reason),
    .lost_note = EXTRA (deal, lost_note),
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

  if (EXTRA (deal, notes) != NULL)
    extra_for (copy)->notes = g_strdup (deal->extra->notes);

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
  sf_deal_set_title (deal, sf_deal_get_title (from));
  sf_deal_set_customer (deal, sf_deal_get_customer (from));
  sf_deal_set_contact_name (deal, sf_deal_get_contact_name (from));
  sf_deal_set_contact_email (deal, sf_deal_get_contact_email (from));
  sf_deal_set_contact_phone (deal, sf_deal_get_contact_phone (from));
  sf_deal_set_owner_id (deal, from->owner_id);
  sf_deal_set_owner_name (deal, from->owner_name);
  sf_deal_set_value (deal, &from->value);
  sf_deal_get_state (from, &state);
  sf_deal_set_state (deal, &state);
  sf_deal_set_expected_close (deal, from->expected_close);
  sf_deal_set_probability (deal, from->probability);
  if (EXTRA (from, notes) != NULL)
    sf_deal_set_notes (deal, from->extra->notes);
  if (deal->created_at != from->created_at)
    {
      deal->created_at = from->created_at;
      g_object_notify_by_pspec (G_OBJECT (deal), properties[PROP_CREATED_AT]);
    }
  sf_deal_set_updated_at (deal, from->updated_at);
  sf_deal_set_progress (deal, from->progress_done, from->progress_required);
  g_object_thaw_notify (G_OBJECT (deal));
}

static const char *
get_text (SfDeal *self,
          int     which)
{
  return self->text_at[which] == NO_TEXT ? NULL : self->texts + self->text_at[which];
}

/* Replaces one text (NULL and "" both mean unset for the optional ones)
 * and notifies on a real change. */
static void
set_text (SfDeal     *self,
          int         which,
          const char *value,
          int         prop)
{
  const char *texts[N_TEXTS];
  gboolean nullable = which >= TEXT_CONTACT_NAME;

  if (nullable && value != NULL && *value == '\0')
    value = NULL;
  if (!nullable && value == NULL)
    value = "";

  if (g_strcmp0 (get_text (self, which), value) == 0)
    return;

  for (int i = 0; i < N_TEXTS; i++)
    texts[i] = i == which ? value : get_text (self, i);
  set_texts (self, texts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
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
  return get_text (deal, TEXT_TITLE);
}

void
sf_deal_set_title (SfDeal     *deal,
                   const char *title)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  set_text (deal, TEXT_TITLE, title, PROP_TITLE);
}

const char *
sf_deal_get_customer (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return get_text (deal, TEXT_CUSTOMER);
}

void
sf_deal_set_customer (SfDeal     *deal,
                      const char *customer)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  set_text (deal, TEXT_CUSTOMER, customer, PROP_CUSTOMER);
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
  return get_text (deal, TEXT_CONTACT_NAME);
}

void
sf_deal_set_contact_name (SfDeal     *deal,
                          const char *name)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  set_text (deal, TEXT_CONTACT_NAME, name, PROP_CONTACT_NAME);
}

const char *
sf_deal_get_contact_email (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return get_text (deal, TEXT_CONTACT_EMAIL);
}

void
sf_deal_set_contact_email (SfDeal     *deal,
                           const char *email)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  set_text (deal, TEXT_CONTACT_EMAIL, email, PROP_CONTACT_EMAIL);
}

const char *
sf_deal_get_contact_phone (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return get_text (deal, TEXT_CONTACT_PHONE);
}

void
sf_deal_set_contact_phone (SfDeal     *deal,
                           const char *phone)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  set_text (deal, TEXT_CONTACT_PHONE, phone, PROP_CONTACT_PHONE);
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

  if (name == NULL)
    interned = NULL;
  else if (g_utf8_validate (name, -1, NULL))
    interned = g_intern_string (name);
  else
    {
      g_autofree char *valid = sf_text_dup (name);

      interned = g_intern_string (valid);
    }
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
  return EXTRA (deal, lost_reason);
}

const char *
sf_deal_get_lost_note (SfDeal *deal)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);
  return EXTRA (deal, lost_note);
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
  state->lost_reason = EXTRA (deal, lost_reason);
  state->lost_note = EXTRA (deal, lost_note);
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
  if (g_strcmp0 (EXTRA (deal, lost_reason), state->lost_reason) != 0)
    {
      char *old = extra_for (deal)->lost_reason;

      deal->extra->lost_reason = dup_or_null (state->lost_reason);
      g_free (old);
      g_object_notify_by_pspec (object, properties[PROP_LOST_REASON]);
    }
  if (g_strcmp0 (EXTRA (deal, lost_note), state->lost_note) != 0)
    {
      char *old = extra_for (deal)->lost_note;

      deal->extra->lost_note = dup_or_null (state->lost_note);
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
  return EXTRA (deal, notes);
}

void
sf_deal_set_notes (SfDeal     *deal,
                   const char *notes)
{
  g_return_if_fail (SF_IS_DEAL (deal));

  if (g_strcmp0 (EXTRA (deal, notes), notes) != 0)
    {
      g_free (extra_for (deal)->notes);
      deal->extra->notes = sf_text_dup (notes);
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

/* Appends @text folded: each character's compatibility decomposition
 * without its marks, then case folded. The same as NFKD, dropping marks
 * and g_utf8_casefold() of the whole, which is what sf_search_fold() did
 * before it had this shortcut: NFKD's reordering moves only marks, which
 * are dropped. Text all in ASCII, most of it, folds by lower-casing. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* One character's folding: its compatibility decomposition without its
 * marks, case folded. Folding works character by character, so a text's
 * folding is its characters' foldings one after the other. */
static void
fold_char_into (GString  *out,
                gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
  gsize start = out->len;
  g_autofree char *folded = NULL;

  for (gsize i = 0; i < n; i++)
    if (!g_unichar_ismark (parts[i]))
      g_string_append_unichar (out, parts[i]);

  folded = g_utf8_casefold (out->str + start, out->len - start);
  g_string_truncate (out, start);
  g_string_append (out, folded);
}

/* The Latin letters' foldings, worked out once: decomposing and case
 * folding each ü and ø of a million deals was most of a load. */
#define FOLD_CACHE_END 0x250

static char fold_cache[FOLD_CACHE_END][8];

static gpointer
fill_fold_cache (gpointer data)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (gunichar c = 0x80; c < FOLD_CACHE_END; c++)
    {
      g_string_truncate (out, 0);
      fold_char_into (out, c);
      /* Longer foldings (none in this range today) are not cached. */
      if (out->len < sizeof fold_cache[c])
        memcpy (fold_cache[c], out->str, out->len + 1);
      else
        fold_cache[c][0] = '\xff';
    }

  return NULL;
}

/* Appends the folding of the valid UTF-8 text at @p. */
static void
fold_unicode_into (GString    *out,
                   const char *p)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, fill_fold_cache, NULL);

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, ascii_lower (*p));
      else if (c < FOLD_CACHE_END && fold_cache[c][0] != '\xff')
        g_string_append (out, fold_cache[c]);
      else
        fold_char_into (out, c);
    }
}

/* Appends @text folded. The same as NFKD, dropping marks and
 * g_utf8_casefold() of the whole, which is what sf_search_fold() did
 * before it had these shortcuts: NFKD's reordering moves only marks,
 * which are dropped, and text all in ASCII, most of it, folds by
 * lower-casing. Text that is not UTF-8 folds to nothing. */
static void
fold_into (GString    *out,
           const char *text)
{
  gsize start = out->len;
  const char *p = text;

  for (; *p && (guchar) *p < 0x80; p++)
    g_string_append_c (out, ascii_lower (*p));

  if (*p == '\0')
    return;

  if (!g_utf8_validate (p, -1, NULL))
    {
      g_string_truncate (out, start);
      return;
    }

  /* Folding goes character by character, so the ASCII start stays. */
  fold_unicode_into (out, p);
}

/**
 * sf_search_fold:
 *
 * Folds @text for matching: compatibility-decomposed, accents dropped,
 * case folded, so "Müller" is found by "muller" and "MÜLLER".
 *
 * Returns: (transfer full): the folded text; "" for text that is not UTF-8
 */
char *
sf_search_fold (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  fold_into (out, text);
  return g_string_free (out, FALSE);
}

/* Builds the one block of search key and texts (see struct _SfDeal):
 * first the key, each folded text NUL-terminated so that a query word
 * never matches across two of them, then the texts that differ from their
 * folding. It runs for every deal a load reads, so it allocates the
 * block once, at its size. */
static void
set_texts (SfDeal             *self,
           const char * const *given)
{
  GString *key = g_string_sized_new (256);
  gsize folded_at[N_TEXTS], lengths[N_TEXTS], size;
  gboolean same[N_TEXTS];
  const char *texts[N_TEXTS];
  char *repaired[N_TEXTS] = { NULL, };
  char *block;

  /* Text from a file that is not UTF-8 is repaired on the way in, as
   * sf_text_dup() does; valid text, nearly all, is not copied. */
  for (int i = 0; i < N_TEXTS; i++)
    {
      texts[i] = given[i];
      if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
        texts[i] = repaired[i] = g_utf8_make_valid (given[i], -1);
    }

  for (int i = 0; i < N_TEXTS; i++)
    {
      folded_at[i] = key->len;
      if (texts[i] != NULL)
        fold_into (key, texts[i]);
      g_string_append_c (key, '\0');
    }

  size = key->len;
  for (int i = 0; i < N_TEXTS; i++)
    {
      lengths[i] = texts[i] ? strlen (texts[i]) : 0;
      same[i] = texts[i] != NULL &&
                lengths[i] == (i + 1 < N_TEXTS ? folded_at[i + 1] : key->len) - folded_at[i] - 1 &&
                memcmp (texts[i], key->str + folded_at[i], lengths[i]) == 0;
      if (texts[i] != NULL && !same[i])
        size += lengths[i] + 1;
    }

  block = g_malloc (size);
  memcpy (block, key->str, key->len);
  self->key_len = key->len;
  self->key_bytes = bytes_of (key->str, key->len);
  size = key->len;
  for (int i = 0; i < N_TEXTS; i++)
    {
      if (texts[i] == NULL)
        self->text_at[i] = NO_TEXT;
      else if (same[i])
        self->text_at[i] = folded_at[i];
      else
        {
          self->text_at[i] = size;
          memcpy (block + size, texts[i], lengths[i] + 1);
          size += lengths[i] + 1;
        }
    }

  if (self->texts != empty_texts)
    g_free (self->texts);
  self->texts = block;
  g_string_free (key, TRUE);
  for (int i = 0; i < N_TEXTS; i++)
    g_free (repaired[i]);
}

/**
 * sf_deal_prefetch:
 *
 * Asks the processor to fetch the texts a search reads, ahead of reading
 * them; a hint, no more.
 */
void
sf_deal_prefetch (SfDeal *deal)
{
  __builtin_prefetch (deal->texts);
  __builtin_prefetch (deal->texts + 64);
}

/* memmem() sets up a shift table for every call, which costs more than
 * searching a key of a hundred bytes: look for the first byte, compare
 * the rest. */
static gboolean
contains (const char *key,
          gsize       key_len,
          const char *word,
          gsize       len)
{
  const char *last;

  if (len > key_len)
    return FALSE;

  last = key + key_len - len;
  for (const char *p = key; p <= last && (p = memchr (p, word[0], last - p + 1)) != NULL; p++)
    if (memcmp (p + 1, word + 1, len - 1) == 0)
      return TRUE;

  return FALSE;
}

struct _SfSearchQuery
{
  guint n_words;
  struct {
    char *text;
    gsize len;
    guint64 bytes;
  } words[];
};

/**
 * sf_search_query_new:
 * @folded_query: a query passed through sf_search_fold()
 *
 * Splits @folded_query into its words once, for a filter that asks every
 * deal with sf_deal_matches_query().
 *
 * Returns: (transfer full): the query
 */
SfSearchQuery *
sf_search_query_new (const char *folded_query)
{
  g_auto(GStrv) parts = g_strsplit (folded_query ? folded_query : "", " ", -1);
  guint n = g_strv_length (parts), k = 0;
  SfSearchQuery *query = g_malloc0 (sizeof (SfSearchQuery) + n * sizeof query->words[0]);

  for (guint i = 0; i < n; i++)
    {
      if (*parts[i] == '\0')
        continue;
      query->words[k].len = strlen (parts[i]);
      query->words[k].bytes = bytes_of (parts[i], query->words[k].len);
      query->words[k++].text = g_steal_pointer (&parts[i]);
    }
  query->n_words = k;

  return query;
}

void
sf_search_query_free (SfSearchQuery *query)
{
  if (query == NULL)
    return;

  for (guint i = 0; i < query->n_words; i++)
    g_free (query->words[i].text);
  g_free (query);
}

/**
 * sf_deal_matches_query:
 *
 * Like sf_deal_matches() with the query split beforehand. A word with a
 * byte the deal's key lacks is turned away without reading the key, and a
 * one-letter word is answered without it.
 */
gboolean
sf_deal_matches_query (SfDeal              *deal,
                       const SfSearchQuery *query)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  for (guint i = 0; i < query->n_words; i++)
    {
      guchar first = query->words[i].text[0];

      if ((deal->key_bytes & query->words[i].bytes) != query->words[i].bytes)
        return FALSE;
      if (query->words[i].len == 1 && g_ascii_isalnum (first) && !g_ascii_isupper (first))
        continue;
      if (!contains (deal->texts, deal->key_len, query->words[i].text, query->words[i].len))
        return FALSE;
    }

  return TRUE;
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

  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  if (folded_query == NULL)
    return TRUE;

  key = deal->texts;
  word = folded_query;

  while (*word)
    {
      gsize len;

      while (*word == ' ')
        word++;
      len = strcspn (word, " ");
      if (len > 0 && !contains (key, deal->key_len, word, len))
        return FALSE;
      word += len;
    }

  return TRUE;
}
