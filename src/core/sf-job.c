/* sf-job.c — one job on a deal's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-checklist.h"
#include "sf-enum-types.h"
#include "sf-format.h"
#include "sf-job.h"

struct _SfJob
{
  GObject parent_instance;

  gint64 id;
  gint64 deal_id;
  char *key;      /* built-in jobs: a stable key, translated when shown */
  char *title;    /* jobs a team or a deal added: the text as typed */
  char *note;
  gint64 done_by;
  gint64 done_at;
  guint due;
  int position;
  SfStage stage;
  SfJobKind kind;
  gboolean required;
  gboolean done;
  gboolean extra; /* added to this one deal, not from the template */
};

G_DEFINE_FINAL_TYPE (SfJob, sf_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_STAGE,
  PROP_POSITION,
  PROP_KEY,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_KIND,
  PROP_REQUIRED,
  PROP_DONE,
  PROP_DONE_BY,
  PROP_DONE_AT,
  PROP_DUE,
  PROP_NOTE,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
sf_job_kind_is_valid (int value)
{
  return value >= SF_JOB_KIND_MANUAL && value <= SF_JOB_KIND_SATISFACTION;
}

static void
sf_job_finalize (GObject *object)
{
  SfJob *self = (SfJob *) object;

  g_free (self->key);
  g_free (self->title);
  g_free (self->note);

  G_OBJECT_CLASS (sf_job_parent_class)->finalize (object);
}

static void
sf_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SfJob *self = SF_JOB (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DEAL_ID: g_value_set_int64 (value, self->deal_id); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DISPLAY_TITLE: g_value_set_string (value, sf_job_get_display_title (self)); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_REQUIRED: g_value_set_boolean (value, self->required); break;
    case PROP_DONE: g_value_set_boolean (value, self->done); break;
    case PROP_DONE_BY: g_value_set_int64 (value, self->done_by); break;
    case PROP_DONE_AT: g_value_set_int64 (value, self->done_at); break;
    case PROP_DUE: g_value_set_uint (value, self->due); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_EXTRA: g_value_set_boolean (value, self->extra); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_job_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  SfJob *self = SF_JOB (object);

  switch (prop_id)
    {
    case PROP_ID: sf_job_set_id (self, g_value_get_int64 (value)); break;
    case PROP_DEAL_ID: sf_job_set_deal_id (self, g_value_get_int64 (value)); break;
    case PROP_STAGE: self->stage = g_value_get_enum (value); break;
    case PROP_POSITION: sf_job_set_position (self, g_value_get_int (value)); break;
    case PROP_KEY: g_free (self->key); self->key = sf_text_dup (g_value_get_string (value)); break;
    case PROP_TITLE: sf_job_set_title (self, g_value_get_string (value)); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_REQUIRED: sf_job_set_required (self, g_value_get_boolean (value)); break;
    case PROP_DUE: sf_job_set_due (self, g_value_get_uint (value)); break;
    case PROP_NOTE: sf_job_set_note (self, g_value_get_string (value)); break;
    case PROP_EXTRA: sf_job_set_extra (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_job_class_init (SfJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_job_finalize;
  object_class->get_property = sf_job_get_property;
  object_class->set_property = sf_job_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, SF_TYPE_STAGE,
                                              SF_STAGE_PROSPECT, co);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, co);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SF_TYPE_JOB_KIND,
                                             SF_JOB_KIND_MANUAL, co);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, TRUE, rw);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, ro);
  properties[PROP_DONE_BY] = g_param_spec_int64 ("done-by", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DONE_AT] = g_param_spec_int64 ("done-at", NULL, NULL,
                                                 G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_DUE] = g_param_spec_uint ("due", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_EXTRA] = g_param_spec_boolean ("extra", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_job_init (SfJob *self)
{
  self->required = TRUE;
}

/**
 * sf_job_new:
 * @key: (nullable): the built-in job's key, or %NULL for a job typed in
 * @title: (nullable): the job's text when it has no key
 *
 * Returns: (transfer full): a job not yet done
 */
SfJob *
sf_job_new (gint64      deal_id,
            SfStage     stage,
            const char *key,
            const char *title,
            SfJobKind   kind,
            gboolean    required)
{
  g_return_val_if_fail (sf_stage_is_valid (stage), NULL);
  g_return_val_if_fail (sf_job_kind_is_valid (kind), NULL);

  return g_object_new (SF_TYPE_JOB,
                       "deal-id", deal_id,
                       "stage", stage,
                       "key", key,
                       "title", title,
                       "kind", kind,
                       "required", required,
                       NULL);
}

gint64
sf_job_get_id (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->id;
}

void
sf_job_set_id (SfJob  *job,
               gint64  id)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (job->id != id)
    {
      job->id = id;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_ID]);
    }
}

gint64
sf_job_get_deal_id (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->deal_id;
}

void
sf_job_set_deal_id (SfJob  *job,
                    gint64  deal_id)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (job->deal_id != deal_id)
    {
      job->deal_id = deal_id;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_DEAL_ID]);
    }
}

SfStage
sf_job_get_stage (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), SF_STAGE_PROSPECT);
  return job->stage;
}

int
sf_job_get_position (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->position;
}

void
sf_job_set_position (SfJob *job,
                     int    position)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (job->position != position)
    {
      job->position = position;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_POSITION]);
    }
}

/**
 * sf_job_get_key:
 *
 * Returns: (nullable): the built-in job's stable key
 */
const char *
sf_job_get_key (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), NULL);
  return job->key;
}

/**
 * sf_job_get_title:
 *
 * Returns: (nullable): the text a person gave the job; for a built-in job a
 *   rename, or %NULL while it keeps its translated name
 */
const char *
sf_job_get_title (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), NULL);
  return job->title;
}

void
sf_job_set_title (SfJob      *job,
                  const char *title)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (title != NULL && *title == '\0')
    title = NULL;

  if (g_strcmp0 (job->title, title) != 0)
    {
      g_free (job->title);
      job->title = sf_text_dup (title);
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_DISPLAY_TITLE]);
    }
}

/**
 * sf_job_get_display_title:
 *
 * Returns: (transfer none): what to show: the typed title if there is one,
 *   else the built-in job's name in the user's language
 */
const char *
sf_job_get_display_title (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), NULL);

  return sf_checklist_get_display_title (job->key, job->title);
}

SfJobKind
sf_job_get_kind (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), SF_JOB_KIND_MANUAL);
  return job->kind;
}

gboolean
sf_job_get_required (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);
  return job->required;
}

void
sf_job_set_required (SfJob    *job,
                     gboolean  required)
{
  g_return_if_fail (SF_IS_JOB (job));

  required = !!required;
  if (job->required != required)
    {
      job->required = required;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_REQUIRED]);
    }
}

gboolean
sf_job_get_done (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);
  return job->done;
}

gint64
sf_job_get_done_by (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->done_by;
}

gint64
sf_job_get_done_at (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->done_at;
}

/**
 * sf_job_set_done:
 * @by: the person who did it (0 when @done is %FALSE)
 * @at: Unix time (0 when @done is %FALSE)
 *
 * Records the job's state in memory; the store calls it after the change
 * is committed, so the rules about who may tick what live there.
 */
void
sf_job_set_done (SfJob    *job,
                 gboolean  done,
                 gint64    by,
                 gint64    at)
{
  GObject *object = G_OBJECT (job);

  g_return_if_fail (SF_IS_JOB (job));

  done = !!done;
  if (!done)
    by = at = 0;

  g_object_freeze_notify (object);
  if (job->done != done)
    {
      job->done = done;
      g_object_notify_by_pspec (object, properties[PROP_DONE]);
    }
  if (job->done_by != by)
    {
      job->done_by = by;
      g_object_notify_by_pspec (object, properties[PROP_DONE_BY]);
    }
  if (job->done_at != at)
    {
      job->done_at = at;
      g_object_notify_by_pspec (object, properties[PROP_DONE_AT]);
    }
  g_object_thaw_notify (object);
}

guint
sf_job_get_due (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), 0);
  return job->due;
}

void
sf_job_set_due (SfJob *job,
                guint  julian_day)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (job->due != julian_day)
    {
      job->due = julian_day;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_DUE]);
    }
}

const char *
sf_job_get_note (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), NULL);
  return job->note;
}

void
sf_job_set_note (SfJob      *job,
                 const char *note)
{
  g_return_if_fail (SF_IS_JOB (job));

  if (note != NULL && *note == '\0')
    note = NULL;

  if (g_strcmp0 (job->note, note) != 0)
    {
      g_free (job->note);
      job->note = sf_text_dup (note);
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_NOTE]);
    }
}

gboolean
sf_job_is_builtin (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);
  return job->key != NULL;
}

/**
 * sf_job_get_extra:
 *
 * Returns: whether the job was added to this one deal; only such jobs can
 *   be renamed or removed on the deal
 */
gboolean
sf_job_get_extra (SfJob *job)
{
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);
  return job->extra;
}

void
sf_job_set_extra (SfJob    *job,
                  gboolean  extra)
{
  g_return_if_fail (SF_IS_JOB (job));

  extra = !!extra;
  if (job->extra != extra)
    {
      job->extra = extra;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_EXTRA]);
    }
}

/**
 * sf_job_dup:
 *
 * Returns: (transfer full): a copy of @job with every field, id included
 */
SfJob *
sf_job_dup (SfJob *job)
{
  SfJob *copy;

  g_return_val_if_fail (SF_IS_JOB (job), NULL);

  copy = sf_job_new (job->deal_id, job->stage, job->key, job->title, job->kind, job->required);
  copy->id = job->id;
  copy->position = job->position;
  copy->done = job->done;
  copy->done_by = job->done_by;
  copy->done_at = job->done_at;
  copy->due = job->due;
  copy->note = g_strdup (job->note);
  copy->extra = job->extra;

  return copy;
}

/**
 * sf_job_assign:
 * @from: the same job as committed, such as read back from the store
 *
 * Gives @job the state of @from; each property that changes notifies
 * once. The identity (id, deal, stage, kind, key) stays.
 */
void
sf_job_assign (SfJob *job,
               SfJob *from)
{
  g_return_if_fail (SF_IS_JOB (job));
  g_return_if_fail (SF_IS_JOB (from));

  g_object_freeze_notify (G_OBJECT (job));
  sf_job_set_position (job, from->position);
  sf_job_set_title (job, from->title);
  sf_job_set_required (job, from->required);
  sf_job_set_done (job, from->done, from->done_by, from->done_at);
  sf_job_set_due (job, from->due);
  sf_job_set_note (job, from->note);
  sf_job_set_extra (job, from->extra);
  g_object_thaw_notify (G_OBJECT (job));
}
