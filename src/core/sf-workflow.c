/* sf-workflow.c — the rules that move a deal through the stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: a deal and its jobs in, a verdict and the deal's next
 * state out. The store calls them inside the transaction that writes the
 * change, so the rules hold whoever calls the store; the UI calls the same
 * functions to decide what to offer.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-workflow.h"

G_DEFINE_QUARK (sf-workflow-error-quark, sf_workflow_error)

/**
 * sf_workflow_get_blockers:
 * @jobs: (element-type SfJob): the deal's jobs
 * @up_to: the last stage whose jobs count
 *
 * A deal may leave a stage only when every required job of that stage and
 * of every stage before it is done. Counting the earlier stages too means a
 * job that was reopened later — an approval voided by a price change — holds
 * the deal where it is.
 *
 * Returns: (transfer container) (element-type SfJob): the required jobs
 *   still open in stages up to @up_to, in stage and list order
 */
GPtrArray *
sf_workflow_get_blockers (SfDeal    *deal,
                          GPtrArray *jobs,
                          SfStage    up_to)
{
  GPtrArray *blockers = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SF_IS_DEAL (deal), blockers);
  g_return_val_if_fail (jobs != NULL, blockers);

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_required (job) && !sf_job_get_done (job) &&
          sf_job_get_stage (job) <= up_to)
        g_ptr_array_add (blockers, g_object_ref (job));
    }

  return blockers;
}

/**
 * sf_workflow_describe_blockers:
 * @blockers: (element-type SfJob): open jobs
 *
 * Returns: (transfer full): the jobs' titles, one per line
 */
char *
sf_workflow_describe_blockers (GPtrArray *blockers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; blockers && i < blockers->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sf_job_get_display_title (g_ptr_array_index (blockers, i)));
    }

  return g_string_free (text, FALSE);
}

static gboolean
set_blocked (GPtrArray  *blockers,
             GError    **error)
{
  g_autofree char *list = sf_workflow_describe_blockers (blockers);

  g_set_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %d is a count of checklist jobs; %s lists
                             * them, one per line */
                            "%d required job is still open:\n%s",
                            "%d required jobs are still open:\n%s",
                            blockers->len),
               (int) blockers->len, list);
  return FALSE;
}

static gboolean
check_not_lost (SfDeal  *deal,
                GError **error)
{
  if (sf_deal_get_status (deal) == SF_DEAL_STATUS_LOST)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST,
                           _("The deal is lost; restore it first"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;

  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

/**
 * sf_workflow_advance:
 * @jobs: (element-type SfJob): all of the deal's jobs
 * @out_state: (out caller-allocates): the state after advancing
 *
 * Moves an open deal one stage on when nothing blocks it. Entering Closed
 * wins the deal.
 */
gboolean
sf_workflow_advance (SfDeal       *deal,
                     GPtrArray    *jobs,
                     gint64        now,
                     SfDealState  *out_state,
                     GError      **error)
{
  g_autoptr(GPtrArray) blockers = NULL;
  SfStage stage;

  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (jobs != NULL && out_state != NULL, FALSE);

  if (!check_not_lost (deal, error))
    return FALSE;

  stage = sf_deal_get_stage (deal);
  if (stage == SF_STAGE_LAST)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LAST_STAGE,
                           _("The deal is already closed"));
      return FALSE;
    }

  blockers = sf_workflow_get_blockers (deal, jobs, stage);
  if (blockers->len > 0)
    return set_blocked (blockers, error);

  sf_deal_get_state (deal, out_state);
  out_state->stage = stage + 1;
  out_state->stage_entered_at = now;
  if (out_state->stage == SF_STAGE_CLOSED)
    {
      out_state->status = SF_DEAL_STATUS_WON;
      out_state->closed_at = now;
    }

  return TRUE;
}

/**
 * sf_workflow_move_back:
 * @reason: why; required
 *
 * Moves a deal one stage back. A won deal moved out of Closed is open again.
 */
gboolean
sf_workflow_move_back (SfDeal       *deal,
                       const char   *reason,
                       gint64        now,
                       SfDealState  *out_state,
                       GError      **error)
{
  SfStage stage;

  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (out_state != NULL, FALSE);

  if (!check_not_lost (deal, error))
    return FALSE;

  stage = sf_deal_get_stage (deal);
  if (stage == SF_STAGE_FIRST)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_FIRST_STAGE,
                           _("The deal is already in the first stage"));
      return FALSE;
    }

  if (!has_text (reason))
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED,
                           _("Give a reason for moving the deal back"));
      return FALSE;
    }

  sf_deal_get_state (deal, out_state);
  out_state->stage = stage - 1;
  out_state->stage_entered_at = now;
  out_state->status = SF_DEAL_STATUS_OPEN;
  out_state->closed_at = 0;

  return TRUE;
}

/**
 * sf_workflow_mark_lost:
 * @reason: why the deal was lost; required
 * @note: (nullable): more detail
 *
 * Loses a deal from any stage; it keeps its stage so it can be restored.
 */
gboolean
sf_workflow_mark_lost (SfDeal       *deal,
                       const char   *reason,
                       const char   *note,
                       SfDealState  *out_state,
                       GError      **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (out_state != NULL, FALSE);

  if (!check_not_lost (deal, error))
    return FALSE;

  if (!has_text (reason))
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED,
                           _("Choose why the deal was lost"));
      return FALSE;
    }

  sf_deal_get_state (deal, out_state);
  out_state->status = SF_DEAL_STATUS_LOST;
  out_state->lost_reason = reason;
  out_state->lost_note = note;

  return TRUE;
}

/**
 * sf_workflow_restore:
 *
 * Brings a lost deal back where it was: open, or won if it was lost after
 * closing.
 */
gboolean
sf_workflow_restore (SfDeal       *deal,
                     SfDealState  *out_state,
                     GError      **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (out_state != NULL, FALSE);

  if (sf_deal_get_status (deal) != SF_DEAL_STATUS_LOST)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_LOST,
                           _("Only a lost deal can be restored"));
      return FALSE;
    }

  sf_deal_get_state (deal, out_state);
  out_state->status = sf_deal_get_stage (deal) == SF_STAGE_CLOSED
                      ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN;
  out_state->lost_reason = NULL;
  out_state->lost_note = NULL;

  return TRUE;
}

/**
 * sf_workflow_check_return:
 * @jobs: (element-type SfJob): all of the deal's jobs
 * @target: an earlier state of the deal
 *
 * Decides whether undo may put the deal back into @target. Going back and
 * losing again are always allowed; returning to a later stage is allowed
 * only when the jobs of every stage it passes are still done, so undo is
 * never a way around the checklist or a voided approval.
 */
gboolean
sf_workflow_check_return (SfDeal            *deal,
                          GPtrArray         *jobs,
                          const SfDealState *target,
                          GError           **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (jobs != NULL && target != NULL, FALSE);

  if (!sf_stage_is_valid (target->stage) || !sf_deal_status_is_valid (target->status) ||
      (target->status == SF_DEAL_STATUS_LOST && !has_text (target->lost_reason)) ||
      (target->status == SF_DEAL_STATUS_WON && target->stage != SF_STAGE_CLOSED) ||
      (target->status == SF_DEAL_STATUS_OPEN && target->stage == SF_STAGE_CLOSED))
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID,
                           _("The deal cannot be put into that state"));
      return FALSE;
    }

  if (target->stage > sf_deal_get_stage (deal))
    {
      g_autoptr(GPtrArray) blockers = sf_workflow_get_blockers (deal, jobs, target->stage - 1);

      if (blockers->len > 0)
        return set_blocked (blockers, error);
    }

  return TRUE;
}

/**
 * sf_workflow_check_job:
 * @by_hand: %TRUE when a person ticks the box; approvals and satisfaction
 *   verdicts pass %FALSE from their own paths
 *
 * Decides whether @job may be ticked or unticked now.
 */
gboolean
sf_workflow_check_job (SfDeal    *deal,
                       SfJob     *job,
                       gboolean   by_hand,
                       GError   **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  if (!check_not_lost (deal, error))
    return FALSE;

  if (sf_job_get_stage (job) > sf_deal_get_stage (deal))
    {
      g_set_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_REACHED,
                   /* Translators: %s is a stage name */
                   _("This job belongs to the %s stage, which the deal has not reached"),
                   sf_stage_get_name (sf_job_get_stage (job)));
      return FALSE;
    }

  if (by_hand && sf_job_get_kind (job) != SF_JOB_KIND_MANUAL)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL,
                           sf_job_get_kind (job) == SF_JOB_KIND_SATISFACTION
                           ? _("This job is done by recording whether the customer was satisfied")
                           : _("This job is done only by a manager’s approval"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sf_workflow_check_edit:
 *
 * Decides whether the deal's own fields may change now.
 */
gboolean
sf_workflow_check_edit (SfDeal  *deal,
                        GError **error)
{
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  return check_not_lost (deal, error);
}

gboolean
sf_workflow_check_title (const char  *title,
                         GError     **error)
{
  if (!has_text (title))
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID,
                           _("The title cannot be empty"));
      return FALSE;
    }

  return sf_workflow_check_line (title, error);
}

/**
 * sf_workflow_check_line:
 * @text: (nullable): what was typed into a one-line field
 *
 * A title, a customer, a name or a phone number holds at most
 * %SF_WORKFLOW_MAX_LINE characters, leading and trailing space aside.
 */
gboolean
sf_workflow_check_line (const char  *text,
                        GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  if (g_utf8_strlen (clean, -1) <= SF_WORKFLOW_MAX_LINE)
    return TRUE;

  g_set_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: a one-line field (a title, a name) was too
                             * long; %d is the most characters it may hold */
                            "The text is too long: at most %d character fits",
                            "The text is too long: at most %d characters fit",
                            SF_WORKFLOW_MAX_LINE),
               SF_WORKFLOW_MAX_LINE);
  return FALSE;
}

/**
 * sf_workflow_check_email:
 * @email: (nullable): an address, or empty for none
 *
 * A light check that catches typing slips; the mail server has the last
 * word.
 */
gboolean
sf_workflow_check_email (const char  *email,
                         GError     **error)
{
  const char *at;

  if (email == NULL || *email == '\0')
    return TRUE;

  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strpbrk (email, " \t\n<>,;") != NULL)
    {
      g_set_error_literal (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID,
                           _("Enter an e-mail address such as name@example.com"));
      return FALSE;
    }

  return TRUE;
}
