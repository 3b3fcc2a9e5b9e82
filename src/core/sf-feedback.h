/* sf-feedback.h — one customer's answer to a satisfaction survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SF_TYPE_FEEDBACK (sf_feedback_get_type ())

G_DECLARE_FINAL_TYPE (SfFeedback, sf_feedback, SF, FEEDBACK, GObject)

SfFeedback  *sf_feedback_new                  (guint        answered_on,
                                               const char  *respondent,
                                               int          nps,
                                               int          csat,
                                               const char  *comment);

gint64       sf_feedback_get_id               (SfFeedback  *feedback);
gint64       sf_feedback_get_deal_id          (SfFeedback  *feedback);
guint        sf_feedback_get_answered_on      (SfFeedback  *feedback);
void         sf_feedback_set_answered_on      (SfFeedback  *feedback,
                                               guint        julian_day);
const char  *sf_feedback_get_respondent       (SfFeedback  *feedback);
void         sf_feedback_set_respondent       (SfFeedback  *feedback,
                                               const char  *respondent);
int          sf_feedback_get_nps              (SfFeedback  *feedback);
void         sf_feedback_set_nps              (SfFeedback  *feedback,
                                               int          nps);
int          sf_feedback_get_csat             (SfFeedback  *feedback);
void         sf_feedback_set_csat             (SfFeedback  *feedback,
                                               int          csat);
const char  *sf_feedback_get_comment          (SfFeedback  *feedback);
void         sf_feedback_set_comment          (SfFeedback  *feedback,
                                               const char  *comment);
gint64       sf_feedback_get_recorded_by      (SfFeedback  *feedback);
const char  *sf_feedback_get_recorded_by_name (SfFeedback  *feedback);
gint64       sf_feedback_get_recorded_at      (SfFeedback  *feedback);

void         sf_feedback_set_stored           (SfFeedback  *feedback,
                                               gint64       id,
                                               gint64       deal_id,
                                               gint64       recorded_by,
                                               const char  *recorded_by_name,
                                               gint64       recorded_at);

gboolean     sf_feedback_validate             (SfFeedback  *feedback,
                                               guint        today,
                                               GError     **error);

G_END_DECLS
