/* sf-satisfaction-row.c — one closed deal as the Satisfaction tab shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only snapshot the store builds from the deal, its newest answer,
 * its verdict and its next follow-up. After an action the tab reads the row
 * again and sf_satisfaction_row_assign() brings the shown one up to date,
 * notifying only what changed, so a sorted, filtered list keeps its
 * selection.
 */
#include "config.h"

#include <string.h>

#include "sf-deal.h"
#include "sf-enum-types.h"
#include "sf-satisfaction-row.h"

struct _SfSatisfactionRow
{
  GObject parent_instance;

  gint64 deal_id;
  char *title;
  char *customer;
  gint64 owner_id;
  char *owner_name;
  SfMoney value;
  guint closed_on;
  guint n_answers;
  guint latest_answered_on;
  int latest_nps;
  int latest_csat;
  SfVerdict verdict;
  char *verdict_reason;
  gint64 verdict_by;
  gint64 verdict_at;
  guint next_follow_up;
  gboolean overdue;

  char *search_key;
};

G_DEFINE_FINAL_TYPE (SfSatisfactionRow, sf_satisfaction_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEAL_ID,
  PROP_TITLE,
  PROP_CUSTOMER,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_VALUE,
  PROP_BAND,
  PROP_CLOSED_ON,
  PROP_N_ANSWERS,
  PROP_LATEST_ANSWERED_ON,
  PROP_LATEST_NPS,
  PROP_LATEST_CSAT,
  PROP_VERDICT,
  PROP_VERDICT_REASON,
  PROP_VERDICT_BY,
  PROP_VERDICT_AT,
  PROP_NEXT_FOLLOW_UP,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_satisfaction_row_finalize (GObject *object)
{
  SfSatisfactionRow *self = (SfSatisfactionRow *) object;

  g_free (self->title);
  g_free (self->customer);
  g_free (self->owner_name);
  g_free (self->verdict_reason);
  g_free (self->search_key);

  G_OBJECT_CLASS (sf_satisfaction_row_parent_class)->finalize (object);
}

static void
sf_satisfaction_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SfSatisfactionRow *self = SF_SATISFACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_DEAL_ID: g_value_set_int64 (value, self->deal_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_CUSTOMER: g_value_set_string (value, self->customer); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_VALUE: g_value_set_boxed (value, &self->value); break;
    case PROP_BAND: g_value_set_enum (value, sf_satisfaction_row_get_band (self)); break;
    case PROP_CLOSED_ON: g_value_set_uint (value, self->closed_on); break;
    case PROP_N_ANSWERS: g_value_set_uint (value, self->n_answers); break;
    case PROP_LATEST_ANSWERED_ON: g_value_set_uint (value, self->latest_answered_on); break;
    case PROP_LATEST_NPS: g_value_set_int (value, self->latest_nps); break;
    case PROP_LATEST_CSAT: g_value_set_int (value, self->latest_csat); break;
    case PROP_VERDICT: g_value_set_enum (value, self->verdict); break;
    case PROP_VERDICT_REASON: g_value_set_string (value, self->verdict_reason); break;
    case PROP_VERDICT_BY: g_value_set_int64 (value, self->verdict_by); break;
    case PROP_VERDICT_AT: g_value_set_int64 (value, self->verdict_at); break;
    case PROP_NEXT_FOLLOW_UP: g_value_set_uint (value, self->next_follow_up); break;
    case PROP_OVERDUE: g_value_set_boolean (value, self->overdue); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_satisfaction_row_class_init (SfSatisfactionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_satisfaction_row_finalize;
  object_class->get_property = sf_satisfaction_row_get_property;

  properties[PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_CUSTOMER] = g_param_spec_string ("customer", NULL, NULL, "", ro);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, ro);
  properties[PROP_VALUE] = g_param_spec_boxed ("value", NULL, NULL, SF_TYPE_MONEY, ro);
  properties[PROP_BAND] = g_param_spec_enum ("band", NULL, NULL, SF_TYPE_DEAL_SIZE_BAND,
                                             SF_DEAL_SIZE_BAND_SMALL, ro);
  properties[PROP_CLOSED_ON] = g_param_spec_uint ("closed-on", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ANSWERS] = g_param_spec_uint ("n-answers", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LATEST_ANSWERED_ON] = g_param_spec_uint ("latest-answered-on", NULL, NULL,
                                                           0, G_MAXUINT, 0, ro);
  properties[PROP_LATEST_NPS] = g_param_spec_int ("latest-nps", NULL, NULL, G_MININT, G_MAXINT,
                                                  SF_SATISFACTION_NO_VALUE, ro);
  properties[PROP_LATEST_CSAT] = g_param_spec_int ("latest-csat", NULL, NULL, G_MININT, G_MAXINT,
                                                   SF_SATISFACTION_NO_VALUE, ro);
  properties[PROP_VERDICT] = g_param_spec_enum ("verdict", NULL, NULL, SF_TYPE_VERDICT,
                                                SF_VERDICT_UNDECIDED, ro);
  properties[PROP_VERDICT_REASON] = g_param_spec_string ("verdict-reason", NULL, NULL, NULL, ro);
  properties[PROP_VERDICT_BY] = g_param_spec_int64 ("verdict-by", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_VERDICT_AT] = g_param_spec_int64 ("verdict-at", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_NEXT_FOLLOW_UP] = g_param_spec_uint ("next-follow-up", NULL, NULL,
                                                       0, G_MAXUINT, 0, ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_satisfaction_row_init (SfSatisfactionRow *self)
{
  self->latest_nps = SF_SATISFACTION_NO_VALUE;
  self->latest_csat = SF_SATISFACTION_NO_VALUE;
  sf_money_init (&self->value, 0, "XXX");
}

static void
build_search_key (SfSatisfactionRow *self)
{
  g_autofree char *joined = g_strjoin ("\n", self->title, self->customer,
                                       self->owner_name ? self->owner_name : "", NULL);

  g_free (self->search_key);
  self->search_key = sf_search_fold (joined);
}

/**
 * sf_satisfaction_row_new:
 *
 * Returns: (transfer full): the row
 */
SfSatisfactionRow *
sf_satisfaction_row_new (const SfSatisfactionRowData *data)
{
  SfSatisfactionRow *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (SF_TYPE_SATISFACTION_ROW, NULL);
  self->deal_id = data->deal_id;
  self->title = g_strdup (data->title ? data->title : "");
  self->customer = g_strdup (data->customer ? data->customer : "");
  self->owner_id = data->owner_id;
  self->owner_name = g_strdup (data->owner_name);
  self->value = data->value;
  self->closed_on = data->closed_on;
  self->n_answers = data->n_answers;
  self->latest_answered_on = data->latest_answered_on;
  self->latest_nps = data->latest_nps;
  self->latest_csat = data->latest_csat;
  self->verdict = data->verdict;
  self->verdict_reason = g_strdup (data->verdict_reason);
  self->verdict_by = data->verdict_by;
  self->verdict_at = data->verdict_at;
  self->next_follow_up = data->next_follow_up;
  self->overdue = data->overdue;
  build_search_key (self);

  return self;
}

#define NOTIFY(row, prop) g_object_notify_by_pspec (G_OBJECT (row), properties[prop])

#define ASSIGN_SCALAR(row, from, field, prop) \
  G_STMT_START { \
    if ((row)->field != (from)->field) \
      { \
        (row)->field = (from)->field; \
        NOTIFY (row, prop); \
      } \
  } G_STMT_END

#define ASSIGN_STRING(row, from, field, prop) \
  G_STMT_START { \
    if (g_strcmp0 ((row)->field, (from)->field) != 0) \
      { \
        g_free ((row)->field); \
        (row)->field = g_strdup ((from)->field); \
        NOTIFY (row, prop); \
      } \
  } G_STMT_END

/* The deal's own columns: who, for whom, how much. */
static void
assign_deal (SfSatisfactionRow *row,
             SfSatisfactionRow *from)
{
  SfDealSizeBand band = sf_satisfaction_row_get_band (row);

  ASSIGN_STRING (row, from, title, PROP_TITLE);
  ASSIGN_STRING (row, from, customer, PROP_CUSTOMER);
  ASSIGN_SCALAR (row, from, owner_id, PROP_OWNER_ID);
  ASSIGN_STRING (row, from, owner_name, PROP_OWNER_NAME);
  if (!sf_money_equal (&row->value, &from->value))
    {
      row->value = from->value;
      NOTIFY (row, PROP_VALUE);
      if (band != sf_satisfaction_row_get_band (row))
        NOTIFY (row, PROP_BAND);
    }
  ASSIGN_SCALAR (row, from, closed_on, PROP_CLOSED_ON);
}

/**
 * sf_satisfaction_row_assign:
 * @from: the same deal's row as read again
 *
 * Brings @row up to date with @from, notifying each property that changed.
 */
void
sf_satisfaction_row_assign (SfSatisfactionRow *row,
                            SfSatisfactionRow *from)
{
  g_return_if_fail (SF_IS_SATISFACTION_ROW (row));
  g_return_if_fail (SF_IS_SATISFACTION_ROW (from));

  g_object_freeze_notify (G_OBJECT (row));
  ASSIGN_SCALAR (row, from, deal_id, PROP_DEAL_ID);
  assign_deal (row, from);
  ASSIGN_SCALAR (row, from, n_answers, PROP_N_ANSWERS);
  ASSIGN_SCALAR (row, from, latest_answered_on, PROP_LATEST_ANSWERED_ON);
  ASSIGN_SCALAR (row, from, latest_nps, PROP_LATEST_NPS);
  ASSIGN_SCALAR (row, from, latest_csat, PROP_LATEST_CSAT);
  ASSIGN_SCALAR (row, from, verdict, PROP_VERDICT);
  ASSIGN_STRING (row, from, verdict_reason, PROP_VERDICT_REASON);
  ASSIGN_SCALAR (row, from, verdict_by, PROP_VERDICT_BY);
  ASSIGN_SCALAR (row, from, verdict_at, PROP_VERDICT_AT);
  ASSIGN_SCALAR (row, from, next_follow_up, PROP_NEXT_FOLLOW_UP);
  ASSIGN_SCALAR (row, from, overdue, PROP_OVERDUE);
  build_search_key (row);
  g_object_thaw_notify (G_OBJECT (row));
}

gint64
sf_satisfaction_row_get_deal_id (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->deal_id;
}

const char *
sf_satisfaction_row_get_title (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), NULL);
  return row->title;
}

const char *
sf_satisfaction_row_get_customer (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), NULL);
  return row->customer;
}

gint64
sf_satisfaction_row_get_owner_id (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->owner_id;
}

/**
 * sf_satisfaction_row_get_owner_name:
 *
 * Returns: (nullable): the owner's name, %NULL when the deal has none
 */
const char *
sf_satisfaction_row_get_owner_name (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), NULL);
  return row->owner_name;
}

/**
 * sf_satisfaction_row_get_value:
 *
 * Returns: (transfer none): what the deal is worth
 */
const SfMoney *
sf_satisfaction_row_get_value (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), NULL);
  return &row->value;
}

SfDealSizeBand
sf_satisfaction_row_get_band (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), SF_DEAL_SIZE_BAND_SMALL);
  return sf_deal_size_band_for_value (&row->value);
}

/**
 * sf_satisfaction_row_get_closed_on:
 *
 * Returns: the Julian day the deal closed, in local time
 */
guint
sf_satisfaction_row_get_closed_on (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->closed_on;
}

guint
sf_satisfaction_row_get_n_answers (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->n_answers;
}

/**
 * sf_satisfaction_row_get_latest_answered_on:
 *
 * Returns: the Julian day of the newest answer, or 0 when there is none
 */
guint
sf_satisfaction_row_get_latest_answered_on (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->latest_answered_on;
}

/**
 * sf_satisfaction_row_get_latest_nps:
 *
 * Returns: the newest answer's NPS answer (0–10), or
 *   %SF_SATISFACTION_NO_VALUE
 */
int
sf_satisfaction_row_get_latest_nps (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), SF_SATISFACTION_NO_VALUE);
  return row->latest_nps;
}

/**
 * sf_satisfaction_row_get_latest_csat:
 *
 * Returns: the newest answer's CSAT score (1–5), or
 *   %SF_SATISFACTION_NO_VALUE
 */
int
sf_satisfaction_row_get_latest_csat (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), SF_SATISFACTION_NO_VALUE);
  return row->latest_csat;
}

SfVerdict
sf_satisfaction_row_get_verdict (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), SF_VERDICT_UNDECIDED);
  return row->verdict;
}

/**
 * sf_satisfaction_row_get_verdict_reason:
 *
 * Returns: (nullable): why the deal was judged a success or a failure
 */
const char *
sf_satisfaction_row_get_verdict_reason (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), NULL);
  return row->verdict_reason;
}

gint64
sf_satisfaction_row_get_verdict_by (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->verdict_by;
}

/**
 * sf_satisfaction_row_get_verdict_at:
 *
 * Returns: when the verdict was last recorded, in Unix seconds, or 0
 */
gint64
sf_satisfaction_row_get_verdict_at (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->verdict_at;
}

/**
 * sf_satisfaction_row_get_next_follow_up:
 *
 * Returns: the Julian day the earliest open follow-up is due, or 0
 */
guint
sf_satisfaction_row_get_next_follow_up (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), 0);
  return row->next_follow_up;
}

/**
 * sf_satisfaction_row_get_overdue:
 *
 * Returns: whether the next follow-up was due before the day the row was
 *   read
 */
gboolean
sf_satisfaction_row_get_overdue (SfSatisfactionRow *row)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), FALSE);
  return row->overdue;
}

/**
 * sf_satisfaction_row_matches:
 * @folded_query: (nullable): a query passed through sf_search_fold()
 *
 * Every space-separated word of the query must occur in the title, the
 * customer or the owner's name, as the deal list searches.
 */
gboolean
sf_satisfaction_row_matches (SfSatisfactionRow *row,
                             const char        *folded_query)
{
  const char *word;
  gsize key_len;

  g_return_val_if_fail (SF_IS_SATISFACTION_ROW (row), FALSE);

  if (folded_query == NULL)
    return TRUE;

  key_len = strlen (row->search_key);
  for (word = folded_query; *word; )
    {
      gsize len;

      while (*word == ' ')
        word++;
      len = strcspn (word, " ");
      if (len > 0 && memmem (row->search_key, key_len, word, len) == NULL)
        return FALSE;
      word += len;
    }

  return TRUE;
}
