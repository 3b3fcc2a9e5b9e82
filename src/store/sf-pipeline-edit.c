/* sf-pipeline-edit.c — the doors for the changes that are not undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deal's fields and added jobs, the people and their passphrases, the
 * team's settings and the checklist template. Each function is one
 * transaction in the store and then announces everything it changed
 * (sf_pipeline_committed()), so no view has to know that, say, a new
 * value may void the pricing's approval. The reads the views need besides
 * the models are here too: the views hold a pipeline, never a store.
 */
#include "config.h"

#include "sf-pipeline-private.h"
#include "sf-sample.h"

#define PIPELINE_OK(self) g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE)

/* A deal's fields */

gboolean
sf_pipeline_set_deal_text (SfPipeline   *self,
                           SfDeal       *deal,
                           SfDealField   field,
                           const char   *text,
                           GError      **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_set_deal_text (self->store, deal, field, text, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW);
}

/**
 * sf_pipeline_set_deal_value:
 *
 * The value is part of the pricing: a change may void its approval and
 * so reopen the approval job.
 */
gboolean
sf_pipeline_set_deal_value (SfPipeline     *self,
                            SfDeal         *deal,
                            const SfMoney  *value,
                            GError        **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_set_deal_value (self->store, deal, value, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_APPROVALS);
}

/**
 * sf_pipeline_set_deal_owner:
 *
 * A standing approval the new owner gave is voided (docs/approvals.md),
 * which reopens its job.
 */
gboolean
sf_pipeline_set_deal_owner (SfPipeline  *self,
                            SfDeal      *deal,
                            gint64       owner_id,
                            GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_set_deal_owner (self->store, deal, owner_id, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_APPROVALS);
}

/**
 * sf_pipeline_set_deal_expected_close:
 * @julian_day: the day, or 0 for none
 */
gboolean
sf_pipeline_set_deal_expected_close (SfPipeline  *self,
                                     SfDeal      *deal,
                                     guint        julian_day,
                                     GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self,
                           sf_store_set_deal_expected_close (self->store, deal, julian_day, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW);
}

/**
 * sf_pipeline_set_deal_probability:
 * @percent: 0 to 100, or -1 for the stage's default
 */
gboolean
sf_pipeline_set_deal_probability (SfPipeline  *self,
                                  SfDeal      *deal,
                                  int          percent,
                                  GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_set_deal_probability (self->store, deal, percent, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW);
}

/* Jobs added to one deal */

/**
 * sf_pipeline_add_job:
 * @job: a new manual job; on success it has its id
 */
gboolean
sf_pipeline_add_job (SfPipeline  *self,
                     SfDeal      *deal,
                     SfJob       *job,
                     GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_add_job (self->store, deal, job, error),
                           deal, job, SF_DEAL_CHANGED_ROW);
}

gboolean
sf_pipeline_rename_job (SfPipeline  *self,
                        SfDeal      *deal,
                        SfJob       *job,
                        const char  *title,
                        GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_rename_job (self->store, deal, job, title, error),
                           deal, job, SF_DEAL_CHANGED_ROW);
}

/**
 * sf_pipeline_set_job_due:
 * @julian_day: the day of the meeting or follow-up, or 0 for none
 */
gboolean
sf_pipeline_set_job_due (SfPipeline  *self,
                         SfDeal      *deal,
                         SfJob       *job,
                         guint        julian_day,
                         GError     **error)
{
  PIPELINE_OK (self);
  return sf_pipeline_done (self, sf_store_set_job_due (self->store, deal, job, julian_day, error),
                           deal, job, SF_DEAL_CHANGED_ROW);
}

/* People */

/* A new person joins the list of people, which is sorted by name. */
static SfPerson *
added (SfPipeline  *self,
       SfPerson    *person,
       GError     **error)
{
  if (person == NULL || !sf_pipeline_reload_persons (self, error))
    {
      g_clear_object (&person);
      return NULL;
    }

  return person;
}

/**
 * sf_pipeline_add_person:
 *
 * Adds a salesperson.
 *
 * Returns: (transfer full) (nullable): the new person
 */
SfPerson *
sf_pipeline_add_person (SfPipeline  *self,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return added (self, sf_store_add_person (self->store, name, SF_ROLE_SALES, error), error);
}

/**
 * sf_pipeline_add_manager:
 *
 * Adds a manager with a passphrase, vouched for by another manager where
 * the store asks for it (sf_store_add_manager()).
 *
 * Returns: (transfer full) (nullable): the new person
 */
SfPerson *
sf_pipeline_add_manager (SfPipeline  *self,
                         const char  *name,
                         const char  *passphrase,
                         gint64       voucher_id,
                         const char  *voucher_passphrase,
                         GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return added (self, sf_store_add_manager (self->store, name, passphrase, voucher_id,
                                            voucher_passphrase, error),
                error);
}

/**
 * sf_pipeline_rename_person:
 *
 * The new name shows on every loaded deal @person owns.
 */
gboolean
sf_pipeline_rename_person (SfPipeline  *self,
                           SfPerson    *person,
                           const char  *name,
                           GError     **error)
{
  PIPELINE_OK (self);

  if (!sf_store_rename_person (self->store, person, name, error))
    return FALSE;

  sf_pipeline_person_renamed (self, person);
  return TRUE;
}

gboolean
sf_pipeline_set_person_active (SfPipeline  *self,
                               SfPerson    *person,
                               gboolean     active,
                               GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_set_person_active (self->store, person, active, error);
}

gboolean
sf_pipeline_set_passphrase (SfPipeline  *self,
                            SfPerson    *person,
                            const char  *old_passphrase,
                            const char  *new_passphrase,
                            GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_set_passphrase (self->store, person, old_passphrase, new_passphrase, error);
}

gboolean
sf_pipeline_set_first_passphrase (SfPipeline  *self,
                                  SfPerson    *person,
                                  const char  *passphrase,
                                  gint64       voucher_id,
                                  const char  *voucher_passphrase,
                                  GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_set_first_passphrase (self->store, person, passphrase, voucher_id,
                                        voucher_passphrase, error);
}

gboolean
sf_pipeline_needs_voucher (SfPipeline  *self,
                           gint64       person_id,
                           gboolean    *out_needed,
                           GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_needs_voucher (self->store, person_id, out_needed, error);
}

gboolean
sf_pipeline_get_passphrase_wait (SfPipeline  *self,
                                 gint64       person_id,
                                 gint64      *out_seconds,
                                 GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_get_passphrase_wait (self->store, person_id, out_seconds, error);
}

/* The team's settings */

/**
 * sf_pipeline_set_stage_probability:
 *
 * Stores the team's chance for @stage; views showing weighted values
 * hear of it through #SfPipeline:settings-revision.
 */
gboolean
sf_pipeline_set_stage_probability (SfPipeline  *self,
                                   SfStage      stage,
                                   int          percent,
                                   GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_set_stage_probability (self->store, stage, percent, error) &&
         sf_pipeline_reload_settings (self, error);
}

/**
 * sf_pipeline_set_follow_up_offsets:
 * @days: (array length=n_days): days after closing
 *
 * The follow-ups scheduled for the deals that close from now on.
 */
gboolean
sf_pipeline_set_follow_up_offsets (SfPipeline  *self,
                                   const int   *days,
                                   guint        n_days,
                                   GError     **error)
{
  PIPELINE_OK (self);
  return sf_store_set_follow_up_offsets (self->store, days, n_days, error);
}

/* The checklist template and the lost reasons: new deals and the Mark as
 * Lost dialog read them when they need them. */

/**
 * sf_pipeline_list_template:
 *
 * Returns: (transfer full) (element-type SfTemplateEntry) (nullable): @list
 */
GPtrArray *
sf_pipeline_list_template (SfPipeline      *self,
                           SfTemplateList   list,
                           gboolean         include_hidden,
                           GError         **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_list_template (self->store, list, include_hidden, error);
}

/**
 * sf_pipeline_add_template_entry:
 *
 * Returns: (transfer full) (nullable): the new entry
 */
SfTemplateEntry *
sf_pipeline_add_template_entry (SfPipeline      *self,
                                SfTemplateList   list,
                                SfStage          stage,
                                const char      *title,
                                GError         **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_add_template_entry (self->store, list, stage, title, error);
}

gboolean
sf_pipeline_rename_template_entry (SfPipeline       *self,
                                   SfTemplateEntry  *entry,
                                   const char       *title,
                                   GError          **error)
{
  PIPELINE_OK (self);
  return sf_store_rename_template_entry (self->store, entry, title, error);
}

gboolean
sf_pipeline_set_template_entry_required (SfPipeline       *self,
                                         SfTemplateEntry  *entry,
                                         gboolean          required,
                                         GError          **error)
{
  PIPELINE_OK (self);
  return sf_store_set_template_entry_required (self->store, entry, required, error);
}

gboolean
sf_pipeline_set_template_entry_hidden (SfPipeline       *self,
                                       SfTemplateEntry  *entry,
                                       gboolean          hidden,
                                       GError          **error)
{
  PIPELINE_OK (self);
  return sf_store_set_template_entry_hidden (self->store, entry, hidden, error);
}

gboolean
sf_pipeline_remove_template_entry (SfPipeline       *self,
                                   SfTemplateEntry  *entry,
                                   GError          **error)
{
  PIPELINE_OK (self);
  return sf_store_remove_template_entry (self->store, entry, error);
}

gboolean
sf_pipeline_move_template_entry (SfPipeline       *self,
                                 SfTemplateEntry  *entry,
                                 int               delta,
                                 GError          **error)
{
  PIPELINE_OK (self);
  return sf_store_move_template_entry (self->store, entry, delta, error);
}

/**
 * sf_pipeline_create_sample:
 *
 * Stores the sample pipeline in the user's language (sf_sample_create());
 * sf_pipeline_load() then shows it.
 */
gboolean
sf_pipeline_create_sample (SfPipeline  *self,
                           gint64       owner_id,
                           GError     **error)
{
  PIPELINE_OK (self);
  return sf_sample_create (self->store, owner_id, error);
}

/* Reads */

/**
 * sf_pipeline_list_jobs:
 *
 * Returns: (transfer full) (element-type SfJob) (nullable): @deal's jobs
 *   as stored
 */
GPtrArray *
sf_pipeline_list_jobs (SfPipeline  *self,
                       SfDeal      *deal,
                       GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_list_jobs (self->store, sf_deal_get_id (deal), error);
}

/**
 * sf_pipeline_get_figures:
 * @out_figures: (out) (transfer full) (nullable): the figures a request
 *   for @kind would record now, or %NULL when there are none
 */
gboolean
sf_pipeline_get_figures (SfPipeline      *self,
                         SfDeal          *deal,
                         SfApprovalKind   kind,
                         char           **out_figures,
                         GError         **error)
{
  PIPELINE_OK (self);
  return sf_store_get_figures (self->store, sf_deal_get_id (deal), kind, out_figures, error);
}

/**
 * sf_pipeline_get_former_owners:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): who owned
 *   @deal since its figures of @kind last changed, the managers who may
 *   not decide on them (sf_store_get_former_owners())
 */
GArray *
sf_pipeline_get_former_owners (SfPipeline      *self,
                               SfDeal          *deal,
                               SfApprovalKind   kind,
                               GError         **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_get_former_owners (self->store, sf_deal_get_id (deal), kind, error);
}

/**
 * sf_pipeline_get_voided_by_owner:
 * @request: a deal's latest request of its kind, voided
 *
 * Returns: whether it was voided because the deal passed to the manager
 *   who gave it, rather than by a change of the figures
 */
gboolean
sf_pipeline_get_voided_by_owner (SfPipeline        *self,
                                 SfApprovalRequest *request)
{
  gboolean by_owner = FALSE;

  PIPELINE_OK (self);
  sf_store_get_voided_by_owner (self->store, request, &by_owner, NULL);
  return by_owner;
}

/**
 * sf_pipeline_get_request:
 *
 * Returns: (transfer full) (nullable): the request as stored now
 */
SfApprovalRequest *
sf_pipeline_get_request (SfPipeline  *self,
                         gint64       request_id,
                         GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_get_request (self->store, request_id, error);
}

/**
 * sf_pipeline_list_waiting_requests:
 *
 * Returns: (transfer full) (element-type SfApprovalRequest) (nullable):
 *   the requests @manager_id may decide now
 */
GPtrArray *
sf_pipeline_list_waiting_requests (SfPipeline  *self,
                                   gint64       manager_id,
                                   GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_list_waiting_requests (self->store, manager_id, error);
}

/**
 * sf_pipeline_list_requests_by:
 *
 * Returns: (transfer full) (element-type SfApprovalRequest) (nullable):
 *   what @requester_id asked for
 */
GPtrArray *
sf_pipeline_list_requests_by (SfPipeline  *self,
                              gint64       requester_id,
                              GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_list_requests_by (self->store, requester_id, error);
}

/**
 * sf_pipeline_get_satisfaction_row:
 *
 * Returns: (transfer full) (nullable): where @deal's satisfaction stands
 */
SfSatisfactionRow *
sf_pipeline_get_satisfaction_row (SfPipeline  *self,
                                  SfDeal      *deal,
                                  GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_get_satisfaction_row (self->store, sf_deal_get_id (deal), error);
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *feedback;
} Satisfaction;

static void
satisfaction_free (Satisfaction *loaded)
{
  g_clear_pointer (&loaded->rows, g_ptr_array_unref);
  g_clear_pointer (&loaded->feedback, g_ptr_array_unref);
  g_free (loaded);
}

static void
satisfaction_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(GTask) task = data;
  Satisfaction *loaded = g_task_get_task_data (task);
  GError *error = NULL;

  if (sf_store_load_satisfaction_finish (SF_STORE (source), result, &loaded->rows,
                                         &loaded->feedback, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sf_pipeline_load_satisfaction_async:
 *
 * Reads every closed deal's satisfaction and the answers on a worker
 * thread (sf_store_load_satisfaction_async()).
 */
void
sf_pipeline_load_satisfaction_async (SfPipeline          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SF_IS_PIPELINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sf_pipeline_load_satisfaction_async);
  g_task_set_task_data (task, g_new0 (Satisfaction, 1), (GDestroyNotify) satisfaction_free);
  sf_store_load_satisfaction_async (self->store, cancellable, satisfaction_loaded_cb, task);
}

/**
 * sf_pipeline_load_satisfaction_finish:
 * @out_rows: (out) (transfer full) (element-type SfSatisfactionRow)
 * @out_feedback: (out) (transfer full) (element-type SfFeedback)
 */
gboolean
sf_pipeline_load_satisfaction_finish (SfPipeline    *self,
                                      GAsyncResult  *result,
                                      GPtrArray    **out_rows,
                                      GPtrArray    **out_feedback,
                                      GError       **error)
{
  Satisfaction *loaded;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  loaded = g_task_get_task_data (G_TASK (result));
  *out_rows = g_steal_pointer (&loaded->rows);
  *out_feedback = g_steal_pointer (&loaded->feedback);
  return TRUE;
}
