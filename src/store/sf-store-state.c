/* sf-store-state.c — a deal's committed state, read as of one moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pipeline needs to bring the views up to date with a committed
 * change: after an action of its own, the parts the action did not return
 * (the history it wrote, the jobs an approval ticked); after a change made
 * elsewhere, all of it. One read transaction, so the parts agree.
 */
#include "config.h"

#include "sf-store-private.h"

/**
 * sf_store_read_deal_update:
 * @what: the parts to read: %SF_DEAL_CHANGED_ROW, %SF_DEAL_CHANGED_JOBS,
 *   %SF_DEAL_CHANGED_HISTORY and %SF_DEAL_CHANGED_APPROVALS
 * @history_after: with %SF_DEAL_CHANGED_HISTORY, the newest entry known
 * @update: an update of @deal_id; the parts read are added to it, and a
 *   deal no longer there turns it into %SF_DEAL_CHANGED_REMOVED
 *
 * Returns: whether the read succeeded
 */
gboolean
sf_store_read_deal_update (SfStore        *self,
                           gint64          deal_id,
                           SfDealChanges   what,
                           gint64          history_after,
                           SfDealUpdate   *update,
                           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SfDeal) deal = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (update != NULL && update->deal_id == deal_id, FALSE);

  if (!sf_store_begin_read (self, error))
    return FALSE;

  if (what & SF_DEAL_CHANGED_ROW)
    {
      deal = sf_store_fetch_deal (self, deal_id, &local_error);
      if (g_error_matches (local_error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND))
        {
          sf_store_rollback (self);
          update->changes = SF_DEAL_CHANGED_REMOVED;
          return TRUE;
        }
      ok = deal != NULL;
      if (ok)
        g_set_object (&update->deal, deal);
    }

  if (ok && (what & SF_DEAL_CHANGED_JOBS))
    {
      g_clear_pointer (&update->jobs, g_ptr_array_unref);
      ok = (update->jobs = sf_store_fetch_jobs (self, deal_id, &local_error)) != NULL;
    }

  if (ok && (what & SF_DEAL_CHANGED_HISTORY))
    {
      g_clear_pointer (&update->history, g_ptr_array_unref);
      ok = (update->history = sf_store_list_history_after (self, deal_id, history_after,
                                                            &local_error)) != NULL;
    }

  if (ok && (what & SF_DEAL_CHANGED_APPROVALS))
    {
      g_clear_pointer (&update->requests, g_ptr_array_unref);
      g_clear_pointer (&update->pricing, sf_pricing_free);
      g_clear_pointer (&update->roi, sf_roi_free);
      ok = (update->requests = sf_store_list_deal_requests (self, deal_id, &local_error)) != NULL &&
           sf_store_get_pricing (self, deal_id, &update->pricing, &local_error) &&
           sf_store_get_roi (self, deal_id, &update->roi, &local_error);
    }

  /* A read changes nothing: ending it either way is the same. */
  sf_store_rollback (self);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  update->changes |= what;
  return TRUE;
}
