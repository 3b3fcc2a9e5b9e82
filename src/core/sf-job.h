/* sf-job.h — one job on a deal's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-stage.h"

G_BEGIN_DECLS

/**
 * SfJobKind:
 * @SF_JOB_KIND_MANUAL: ticked by hand
 * @SF_JOB_KIND_PRICING_APPROVAL: done when a manager approves the pricing
 * @SF_JOB_KIND_ROI_APPROVAL: done when a manager approves the ROI
 * @SF_JOB_KIND_SATISFACTION: done when a satisfaction verdict is recorded
 *
 * The numeric values are stored in the database and must never change.
 */
typedef enum
{
  SF_JOB_KIND_MANUAL = 0,
  SF_JOB_KIND_PRICING_APPROVAL = 1,
  SF_JOB_KIND_ROI_APPROVAL = 2,
  SF_JOB_KIND_SATISFACTION = 3,
} SfJobKind;

gboolean sf_job_kind_is_valid (int value);

#define SF_TYPE_JOB (sf_job_get_type ())

G_DECLARE_FINAL_TYPE (SfJob, sf_job, SF, JOB, GObject)

SfJob       *sf_job_new               (gint64      deal_id,
                                       SfStage     stage,
                                       const char *key,
                                       const char *title,
                                       SfJobKind   kind,
                                       gboolean    required);

gint64       sf_job_get_id            (SfJob      *job);
void         sf_job_set_id            (SfJob      *job,
                                       gint64      id);
gint64       sf_job_get_deal_id       (SfJob      *job);
void         sf_job_set_deal_id       (SfJob      *job,
                                       gint64      deal_id);
SfStage      sf_job_get_stage         (SfJob      *job);
int          sf_job_get_position      (SfJob      *job);
void         sf_job_set_position      (SfJob      *job,
                                       int         position);
const char  *sf_job_get_key           (SfJob      *job);
const char  *sf_job_get_title         (SfJob      *job);
void         sf_job_set_title         (SfJob      *job,
                                       const char *title);
const char  *sf_job_get_display_title (SfJob      *job);
SfJobKind    sf_job_get_kind          (SfJob      *job);
gboolean     sf_job_get_required      (SfJob      *job);
void         sf_job_set_required      (SfJob      *job,
                                       gboolean    required);
gboolean     sf_job_get_done          (SfJob      *job);
gint64       sf_job_get_done_by       (SfJob      *job);
gint64       sf_job_get_done_at       (SfJob      *job);
void         sf_job_set_done          (SfJob      *job,
                                       gboolean    done,
                                       gint64      by,
                                       gint64      at);
guint        sf_job_get_due           (SfJob      *job);
void         sf_job_set_due           (SfJob      *job,
                                       guint       julian_day);
const char  *sf_job_get_note          (SfJob      *job);
void         sf_job_set_note          (SfJob      *job,
                                       const char *note);
gboolean     sf_job_is_builtin        (SfJob      *job);
gboolean     sf_job_get_extra         (SfJob      *job);
void         sf_job_set_extra         (SfJob      *job,
                                       gboolean    extra);
SfJob       *sf_job_dup               (SfJob      *job);
void         sf_job_assign            (SfJob      *job,
                                       SfJob      *from);

G_END_DECLS
