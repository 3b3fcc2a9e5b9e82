/* sf-feedback.c — one customer's answer to a satisfaction survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scores hold SF_SATISFACTION_NO_VALUE until they are given, so a form
 * left empty is told apart from an answer of 0 and refused by
 * sf_feedback_validate() with its own error code.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-feedback.h"
#include "sf-satisfaction.h"

struct _SfFeedback
{
  GObject parent_instance;

  gint64 id;
  gint64 deal_id;
  guint answered_on;
  char *respondent;
  int nps;
  int csat;
  char *comment;
  gint64 recorded_by;
  char *recorded_by_name;
  gint64 recorded_at;
};

G_DEFINE_FINAL_TYPE (SfFeedback, sf_feedback, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_ANSWERED_ON,
  PROP_RESPONDENT,
  PROP_NPS,
  PROP_CSAT,
  PROP_COMMENT,
  PROP_RECORDED_BY,
  PROP_RECORDED_BY_NAME,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_feedback_finalize (GObject *object)
{
  SfFeedback *self = (SfFeedback *) object;

  g_free (self->respondent);
  g_free (self->comment);
  g_free (self->recorded_by_name);

  G_OBJECT_CLASS (sf_feedback_parent_class)->finalize (object);
}

static void
sf_feedback_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SfFeedback *self = SF_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DEAL_ID: g_value_set_int64 (value, self->deal_id); break;
    case PROP_ANSWERED_ON: g_value_set_uint (value, self->answered_on); break;
    case PROP_RESPONDENT: g_value_set_string (value, self->respondent); break;
    case PROP_NPS: g_value_set_int (value, self->nps); break;
    case PROP_CSAT: g_value_set_int (value, self->csat); break;
    case PROP_COMMENT: g_value_set_string (value, self->comment); break;
    case PROP_RECORDED_BY: g_value_set_int64 (value, self->recorded_by); break;
    case PROP_RECORDED_BY_NAME: g_value_set_string (value, self->recorded_by_name); break;
    case PROP_RECORDED_AT: g_value_set_int64 (value, self->recorded_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_feedback_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SfFeedback *self = SF_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ANSWERED_ON: sf_feedback_set_answered_on (self, g_value_get_uint (value)); break;
    case PROP_RESPONDENT: sf_feedback_set_respondent (self, g_value_get_string (value)); break;
    case PROP_NPS: sf_feedback_set_nps (self, g_value_get_int (value)); break;
    case PROP_CSAT: sf_feedback_set_csat (self, g_value_get_int (value)); break;
    case PROP_COMMENT: sf_feedback_set_comment (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_feedback_class_init (SfFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_feedback_finalize;
  object_class->get_property = sf_feedback_get_property;
  object_class->set_property = sf_feedback_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ANSWERED_ON] = g_param_spec_uint ("answered-on", NULL, NULL,
                                                    0, G_MAXUINT, 0, rw);
  properties[PROP_RESPONDENT] = g_param_spec_string ("respondent", NULL, NULL, "", rw);
  /* The whole int range: a value out of 0–10 must reach the validation,
   * which says what is wrong, not be clamped by GObject. */
  properties[PROP_NPS] = g_param_spec_int ("nps", NULL, NULL, G_MININT, G_MAXINT,
                                           SF_SATISFACTION_NO_VALUE, rw);
  properties[PROP_CSAT] = g_param_spec_int ("csat", NULL, NULL, G_MININT, G_MAXINT,
                                            SF_SATISFACTION_NO_VALUE, rw);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, rw);
  properties[PROP_RECORDED_BY] = g_param_spec_int64 ("recorded-by", NULL, NULL,
                                                     0, G_MAXINT64, 0, ro);
  properties[PROP_RECORDED_BY_NAME] = g_param_spec_string ("recorded-by-name", NULL, NULL,
                                                           NULL, ro);
  properties[PROP_RECORDED_AT] = g_param_spec_int64 ("recorded-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_feedback_init (SfFeedback *self)
{
  self->respondent = g_strdup ("");
  self->nps = SF_SATISFACTION_NO_VALUE;
  self->csat = SF_SATISFACTION_NO_VALUE;
}

/**
 * sf_feedback_new:
 * @answered_on: the Julian day the customer answered, or 0
 * @respondent: (nullable): who answered
 * @nps: 0 to 10, or %SF_SATISFACTION_NO_VALUE
 * @csat: 1 to 5, or %SF_SATISFACTION_NO_VALUE
 * @comment: (nullable): what the customer said
 *
 * Makes an answer that is not stored yet; nothing is checked until
 * sf_feedback_validate().
 *
 * Returns: (transfer full): the answer
 */
SfFeedback *
sf_feedback_new (guint       answered_on,
                 const char *respondent,
                 int         nps,
                 int         csat,
                 const char *comment)
{
  SfFeedback *self = g_object_new (SF_TYPE_FEEDBACK, NULL);

  self->answered_on = answered_on;
  g_free (self->respondent);
  self->respondent = g_strdup (respondent ? respondent : "");
  self->nps = nps;
  self->csat = csat;
  self->comment = g_strdup (comment && *comment ? comment : NULL);

  return self;
}

gint64
sf_feedback_get_id (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), 0);
  return feedback->id;
}

gint64
sf_feedback_get_deal_id (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), 0);
  return feedback->deal_id;
}

/**
 * sf_feedback_get_answered_on:
 *
 * Returns: the Julian day the customer answered, or 0
 */
guint
sf_feedback_get_answered_on (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), 0);
  return feedback->answered_on;
}

void
sf_feedback_set_answered_on (SfFeedback *feedback,
                             guint       julian_day)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  if (feedback->answered_on == julian_day)
    return;

  feedback->answered_on = julian_day;
  g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_ANSWERED_ON]);
}

const char *
sf_feedback_get_respondent (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), NULL);
  return feedback->respondent;
}

void
sf_feedback_set_respondent (SfFeedback *feedback,
                            const char *respondent)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  if (respondent == NULL)
    respondent = "";
  if (g_strcmp0 (feedback->respondent, respondent) == 0)
    return;

  g_free (feedback->respondent);
  feedback->respondent = g_strdup (respondent);
  g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_RESPONDENT]);
}

/**
 * sf_feedback_get_nps:
 *
 * Returns: the answer to "How likely are you to recommend us?", 0 to 10,
 *   or %SF_SATISFACTION_NO_VALUE
 */
int
sf_feedback_get_nps (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), SF_SATISFACTION_NO_VALUE);
  return feedback->nps;
}

void
sf_feedback_set_nps (SfFeedback *feedback,
                     int         nps)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  if (feedback->nps == nps)
    return;

  feedback->nps = nps;
  g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_NPS]);
}

/**
 * sf_feedback_get_csat:
 *
 * Returns: the satisfaction score, 1 to 5, or %SF_SATISFACTION_NO_VALUE
 */
int
sf_feedback_get_csat (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), SF_SATISFACTION_NO_VALUE);
  return feedback->csat;
}

void
sf_feedback_set_csat (SfFeedback *feedback,
                      int         csat)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  if (feedback->csat == csat)
    return;

  feedback->csat = csat;
  g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_CSAT]);
}

/**
 * sf_feedback_get_comment:
 *
 * Returns: (nullable): what the customer said
 */
const char *
sf_feedback_get_comment (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), NULL);
  return feedback->comment;
}

void
sf_feedback_set_comment (SfFeedback *feedback,
                         const char *comment)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  if (comment != NULL && *comment == '\0')
    comment = NULL;
  if (g_strcmp0 (feedback->comment, comment) == 0)
    return;

  g_free (feedback->comment);
  feedback->comment = g_strdup (comment);
  g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_COMMENT]);
}

/**
 * sf_feedback_get_recorded_by:
 *
 * Returns: the person who entered the answer, or 0
 */
gint64
sf_feedback_get_recorded_by (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), 0);
  return feedback->recorded_by;
}

/**
 * sf_feedback_get_recorded_by_name:
 *
 * Returns: (nullable): the name of the person who entered the answer
 */
const char *
sf_feedback_get_recorded_by_name (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), NULL);
  return feedback->recorded_by_name;
}

/**
 * sf_feedback_get_recorded_at:
 *
 * Returns: when the answer was entered, in Unix seconds, or 0
 */
gint64
sf_feedback_get_recorded_at (SfFeedback *feedback)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), 0);
  return feedback->recorded_at;
}

/**
 * sf_feedback_set_stored:
 *
 * For the store: gives the answer what only storing it decides — its id,
 * its deal, who entered it and when.
 */
void
sf_feedback_set_stored (SfFeedback *feedback,
                        gint64      id,
                        gint64      deal_id,
                        gint64      recorded_by,
                        const char *recorded_by_name,
                        gint64      recorded_at)
{
  g_return_if_fail (SF_IS_FEEDBACK (feedback));

  g_object_freeze_notify (G_OBJECT (feedback));
  if (feedback->id != id)
    {
      feedback->id = id;
      g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_ID]);
    }
  if (feedback->deal_id != deal_id)
    {
      feedback->deal_id = deal_id;
      g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_DEAL_ID]);
    }
  if (feedback->recorded_by != recorded_by)
    {
      feedback->recorded_by = recorded_by;
      g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_RECORDED_BY]);
    }
  if (g_strcmp0 (feedback->recorded_by_name, recorded_by_name) != 0)
    {
      g_free (feedback->recorded_by_name);
      feedback->recorded_by_name = g_strdup (recorded_by_name);
      g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_RECORDED_BY_NAME]);
    }
  if (feedback->recorded_at != recorded_at)
    {
      feedback->recorded_at = recorded_at;
      g_object_notify_by_pspec (G_OBJECT (feedback), properties[PROP_RECORDED_AT]);
    }
  g_object_thaw_notify (G_OBJECT (feedback));
}

static gboolean
has_text (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

/**
 * sf_feedback_validate:
 * @today: the Julian day it is now
 *
 * Checks the answer the way the Record Feedback form is laid out — date,
 * respondent, NPS, CSAT — and refuses the first thing missing or out of
 * range with its own #SfSatisfactionError code and a sentence saying what
 * to enter.
 */
gboolean
sf_feedback_validate (SfFeedback  *feedback,
                      guint        today,
                      GError     **error)
{
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), FALSE);

  if (feedback->answered_on == 0 || !g_date_valid_julian (feedback->answered_on))
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_DATE_MISSING,
                           _("Enter the date the customer answered"));
      return FALSE;
    }

  if (feedback->answered_on > today)
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_DATE_IN_FUTURE,
                           _("The answer cannot be dated in the future"));
      return FALSE;
    }

  if (!has_text (feedback->respondent))
    {
      g_set_error_literal (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_RESPONDENT_MISSING,
                           _("Enter who answered"));
      return FALSE;
    }

  return sf_satisfaction_check_score (feedback->nps, FALSE, error) &&
         sf_satisfaction_check_score (feedback->csat, TRUE, error);
}
