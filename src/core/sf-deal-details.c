/* sf-deal-details.c — the open deal: its jobs, history and requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the deal pane shows beyond the deal's own fields, as models the
 * views bind: the checklist (jobs in stage and list order), the history
 * (newest first) and the approval requests (newest first), with the
 * pricing and the ROI worksheet. The pipeline hands one out per open deal
 * (sf_pipeline_open_deal()) and keeps it up to date by applying each
 * committed change to it (sf_deal_details_apply()), in place: a ticked
 * job is the same object with its properties changed, a new history entry
 * is one item inserted. After each update #SfDealDetails:revision grows by
 * one, once, so a view that sums the deal up redraws once per change.
 */
#include "config.h"

#include "sf-deal-details.h"

/* The three lists, by what they hold */
enum { JOBS, HISTORY, REQUESTS, N_LISTS };

struct _SfDealDetails
{
  GObject parent_instance;

  SfDeal *deal;
  GListStore *lists[N_LISTS];
  SfPricing *pricing;
  SfRoi *roi;
  guint revision;
};

G_DEFINE_FINAL_TYPE (SfDealDetails, sf_deal_details, G_TYPE_OBJECT)

/* Only what changes notifies; the lists tell of their own changes. */
enum { PROP_0, PROP_PRICING, PROP_ROI, PROP_REVISION, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
sf_deal_details_finalize (GObject *object)
{
  SfDealDetails *self = (SfDealDetails *) object;

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->deal);
  g_clear_pointer (&self->pricing, sf_pricing_free);
  g_clear_pointer (&self->roi, sf_roi_free);

  G_OBJECT_CLASS (sf_deal_details_parent_class)->finalize (object);
}

static void
sf_deal_details_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SfDealDetails *self = SF_DEAL_DETAILS (object);

  if (prop_id == PROP_PRICING)
    g_value_set_boxed (value, self->pricing);
  else if (prop_id == PROP_ROI)
    g_value_set_boxed (value, self->roi);
  else if (prop_id == PROP_REVISION)
    g_value_set_uint (value, self->revision);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sf_deal_details_class_init (SfDealDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_deal_details_finalize;
  object_class->get_property = sf_deal_details_get_property;

  properties[PROP_PRICING] = g_param_spec_boxed ("pricing", NULL, NULL, SF_TYPE_PRICING, flags);
  properties[PROP_ROI] = g_param_spec_boxed ("roi", NULL, NULL, SF_TYPE_ROI, flags);
  /**
   * SfDealDetails:revision:
   *
   * Grows by one after each committed change applied, once the deal, its
   * jobs, history, requests and figures all show it.
   */
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_deal_details_init (SfDealDetails *self)
{
  const GType types[N_LISTS] = { SF_TYPE_JOB, SF_TYPE_HISTORY_ENTRY, SF_TYPE_APPROVAL_REQUEST };

  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = g_list_store_new (types[i]);
}

/**
 * sf_deal_details_new:
 *
 * Returns: (transfer full): empty details of @deal; the pipeline fills
 *   them with sf_deal_details_apply()
 */
SfDealDetails *
sf_deal_details_new (SfDeal *deal)
{
  SfDealDetails *self;

  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  self = g_object_new (SF_TYPE_DEAL_DETAILS, NULL);
  self->deal = g_object_ref (deal);
  return self;
}

#define LIST(self, which) G_LIST_MODEL ((self)->lists[which])

/* What the views show, none of it copied. The lists: the jobs by stage
 * in list order, the history and the requests newest first; the pricing
 * and the ROI worksheet are %NULL until entered. */

SfDeal *
sf_deal_details_get_deal (SfDealDetails *self)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);
  return self->deal;
}

static GListModel *
list (SfDealDetails *self,
      guint          which)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);
  return LIST (self, which);
}

/* sf_deal_details_get_jobs(), _get_history(), _get_requests():
 * Returns: (transfer none): the list */
GListModel *sf_deal_details_get_jobs (SfDealDetails *self) { return list (self, JOBS); }
GListModel *sf_deal_details_get_history (SfDealDetails *self) { return list (self, HISTORY); }
GListModel *sf_deal_details_get_requests (SfDealDetails *self) { return list (self, REQUESTS); }

const SfPricing *
sf_deal_details_get_pricing (SfDealDetails *self)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);
  return self->pricing;
}

const SfRoi *
sf_deal_details_get_roi (SfDealDetails *self)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);
  return self->roi;
}

guint
sf_deal_details_get_revision (SfDealDetails *self)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), 0);
  return self->revision;
}

/* The @n-th item of a list, or NULL past its end; borrowed, as the list
 * holds it. */
static gpointer
peek (SfDealDetails *self,
      guint          which,
      guint          n)
{
  g_autoptr(GObject) item = g_list_model_get_item (LIST (self, which), n);

  return item;
}

/**
 * sf_deal_details_get_last_history_id:
 *
 * Returns: the newest history entry's id, or 0: what an update's history
 *   must come after
 */
gint64
sf_deal_details_get_last_history_id (SfDealDetails *self)
{
  SfHistoryEntry *newest;

  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), 0);

  newest = peek (self, HISTORY, 0);
  return newest ? sf_history_entry_get_id (newest) : 0;
}

/**
 * sf_deal_details_dup_jobs:
 *
 * Returns: (transfer full) (element-type SfJob): the jobs as an array, for
 *   the rules in sf-workflow.h
 */
GPtrArray *
sf_deal_details_dup_jobs (SfDealDetails *self)
{
  GPtrArray *jobs;
  SfJob *job;

  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);

  jobs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; (job = peek (self, JOBS, i)) != NULL; i++)
    g_ptr_array_add (jobs, g_object_ref (job));

  return jobs;
}

/* Where the job with @job_id is in the list, or -1. */
static int
find_job (SfDealDetails *self,
          gint64         job_id)
{
  SfJob *job;

  for (guint i = 0; (job = peek (self, JOBS, i)) != NULL; i++)
    if (sf_job_get_id (job) == job_id)
      return i;

  return -1;
}

/**
 * sf_deal_details_find_job:
 *
 * Returns: (transfer none) (nullable): the job with @job_id
 */
SfJob *
sf_deal_details_find_job (SfDealDetails *self,
                          gint64         job_id)
{
  int position;

  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);

  position = find_job (self, job_id);
  return position < 0 ? NULL : peek (self, JOBS, position);
}

/**
 * sf_deal_details_get_latest_request:
 *
 * Returns: (transfer none) (nullable): the newest request for @kind
 */
SfApprovalRequest *
sf_deal_details_get_latest_request (SfDealDetails  *self,
                                    SfApprovalKind  kind)
{
  SfApprovalRequest *request;

  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);

  for (guint i = 0; (request = peek (self, REQUESTS, i)) != NULL; i++)
    if (sf_approval_request_get_kind (request) == kind)
      return request;

  return NULL;
}

/**
 * sf_deal_details_dup_figures:
 *
 * Returns: (transfer full) (nullable): the canonical text a request for
 *   @kind would record now, or %NULL when there are no such figures
 */
char *
sf_deal_details_dup_figures (SfDealDetails  *self,
                             SfApprovalKind  kind)
{
  g_return_val_if_fail (SF_IS_DEAL_DETAILS (self), NULL);

  if (kind == SF_APPROVAL_KIND_PRICING)
    return self->pricing ? sf_pricing_to_figures (self->pricing, sf_deal_get_value (self->deal), NULL)
                         : NULL;

  return self->roi ? sf_roi_to_figures (self->roi, NULL) : NULL;
}

/* Jobs in stage order, and in list order within a stage. */
static int
compare_jobs (SfJob *a,
              SfJob *b)
{
  if (sf_job_get_stage (a) != sf_job_get_stage (b))
    return sf_job_get_stage (a) < sf_job_get_stage (b) ? -1 : 1;
  if (sf_job_get_position (a) != sf_job_get_position (b))
    return sf_job_get_position (a) < sf_job_get_position (b) ? -1 : 1;

  return sf_job_get_id (a) < sf_job_get_id (b) ? -1 : sf_job_get_id (a) > sf_job_get_id (b);
}

/* A job known already takes the committed state (the same object, when
 * the store changed it itself); a new one goes where it belongs. */
static void
merge_job (SfDealDetails *self,
           SfJob         *job)
{
  SfJob *known = sf_deal_details_find_job (self, sf_job_get_id (job));
  guint position = g_list_model_get_n_items (LIST (self, JOBS));

  if (known != NULL)
    {
      if (known != job)
        sf_job_assign (known, job);
      return;
    }

  while (position > 0 && compare_jobs (peek (self, JOBS, position - 1), job) >= 0)
    position--;
  g_list_store_insert (self->lists[JOBS], position, job);
}

static gboolean
has_job (GPtrArray *jobs,
         gint64     job_id)
{
  for (guint i = 0; i < jobs->len; i++)
    if (sf_job_get_id (g_ptr_array_index (jobs, i)) == job_id)
      return TRUE;

  return FALSE;
}

static void
apply_jobs (SfDealDetails *self,
            GPtrArray     *jobs,
            gboolean       every)
{
  for (guint i = 0; i < jobs->len; i++)
    merge_job (self, g_ptr_array_index (jobs, i));

  if (!every)
    return;

  for (guint i = g_list_model_get_n_items (LIST (self, JOBS)); i > 0; i--)
    if (!has_job (jobs, sf_job_get_id (peek (self, JOBS, i - 1))))
      g_list_store_remove (self->lists[JOBS], i - 1);
}

/* New entries go first, in one splice; ones shown already are skipped. */
static void
apply_history (SfDealDetails *self,
               GPtrArray     *entries)
{
  gint64 last = sf_deal_details_get_last_history_id (self);
  guint n = 0;

  while (n < entries->len && sf_history_entry_get_id (g_ptr_array_index (entries, n)) > last)
    n++;
  if (n > 0)
    g_list_store_splice (self->lists[HISTORY], 0, 0, entries->pdata, n);
}

static gboolean
same_requests (SfDealDetails *self,
               GPtrArray     *requests)
{
  guint i = 0;

  if (g_list_model_get_n_items (LIST (self, REQUESTS)) != requests->len)
    return FALSE;

  while (i < requests->len &&
         sf_approval_request_get_id (peek (self, REQUESTS, i)) ==
           sf_approval_request_get_id (g_ptr_array_index (requests, i)) &&
         sf_approval_request_equal_record (peek (self, REQUESTS, i), g_ptr_array_index (requests, i)))
    i++;

  return i == requests->len;
}

static void
apply_approvals (SfDealDetails      *self,
                 const SfDealUpdate *update)
{
  if (update->requests != NULL && !same_requests (self, update->requests))
    g_list_store_splice (self->lists[REQUESTS], 0, g_list_model_get_n_items (LIST (self, REQUESTS)),
                         update->requests->pdata, update->requests->len);

  if (!(self->pricing == NULL ? update->pricing == NULL
                              : update->pricing != NULL && sf_pricing_equal (self->pricing, update->pricing)))
    {
      g_clear_pointer (&self->pricing, sf_pricing_free);
      self->pricing = update->pricing ? sf_pricing_copy (update->pricing) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICING]);
    }

  if (!(self->roi == NULL ? update->roi == NULL
                          : update->roi != NULL && sf_roi_equal (self->roi, update->roi)))
    {
      g_clear_pointer (&self->roi, sf_roi_free);
      self->roi = update->roi ? sf_roi_copy (update->roi) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROI]);
    }
}

/**
 * sf_deal_details_apply:
 * @update: a committed change of this deal; its row is applied to the deal
 *   by the pipeline, which shares it with the lists
 *
 * Brings the jobs, history, requests and figures up to date with @update,
 * in place, then notifies #SfDealDetails:revision once.
 */
void
sf_deal_details_apply (SfDealDetails      *self,
                       const SfDealUpdate *update)
{
  g_return_if_fail (SF_IS_DEAL_DETAILS (self));
  g_return_if_fail (update->deal_id == sf_deal_get_id (self->deal));

  g_object_freeze_notify (G_OBJECT (self));

  if (update->jobs != NULL)
    apply_jobs (self, update->jobs, (update->changes & SF_DEAL_CHANGED_JOBS) != 0);
  if (update->history != NULL)
    apply_history (self, update->history);
  if (update->changes & SF_DEAL_CHANGED_APPROVALS)
    apply_approvals (self, update);

  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);

  g_object_thaw_notify (G_OBJECT (self));
}
