/* sf-job-row.c — one checklist job in the deal pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check box ticks the job at once (one transaction, undoable); the row
 * says who did it and when, or what it waits for. Approval and
 * satisfaction jobs have no hand tick; jobs of stages the deal has not
 * reached are shown but cannot be ticked yet. The menu sets a due date
 * (meetings, follow-ups) and renames or removes jobs added to this deal.
 *
 * An approval job says where its latest request stands — waiting, turned
 * down with the manager's comment, voided by a change — and offers
 * Request Approval… (win.request-approval) when nothing waits.
 *
 * The row draws itself once per committed change of the deal: its job's
 * notifies (and, for an approval job, a change of the deal's requests)
 * only mark it, and it draws when the deal's details say the change is
 * all in (SfDealDetails:revision).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-job-row.h"
#include "sf-ui-util.h"
#include "sf-workflow.h"

struct _SfJobRow
{
  AdwActionRow parent_instance;

  GtkWidget *check;
  GtkWidget *menu_button;
  GtkWidget *calendar;
  GtkWidget *request_button;

  SfPipeline *pipeline;
  SfDealDetails *details;
  SfDeal *deal;                 /* the details' */
  SfJob *job;
  SfApprovalRequest *request;   /* the latest of an approval job, or NULL */
  gulong toggled_id;

  guint n_updates;
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (SfJobRow, sf_job_row, ADW_TYPE_ACTION_ROW)

static gboolean
is_approval (SfJobRow *self)
{
  return sf_job_get_kind (self->job) == SF_JOB_KIND_PRICING_APPROVAL ||
         sf_job_get_kind (self->job) == SF_JOB_KIND_ROI_APPROVAL;
}

/* Where the latest request for the job's approval stands. */
static char *
describe_request (SfJobRow *self)
{
  SfApprovalRequest *r = self->request;
  g_autofree char *when = NULL;

  switch (r ? sf_approval_request_get_status (r) : SF_APPROVAL_STATUS_RECALLED)
    {
    case SF_APPROVAL_STATUS_PENDING:
      when = sf_format_date_time (sf_approval_request_get_requested_at (r));
      if (sf_approval_request_get_addressed_to (r) != 0)
        /* Translators: an approval job's state; a manager's name and when it was asked */
        return g_strdup_printf (_("Waiting for %s since %s"),
                                sf_ui_person_name (self->pipeline, sf_approval_request_get_addressed_to (r)),
                                when);
      /* Translators: an approval job's state; %s is when it was asked */
      return g_strdup_printf (_("Waiting for any manager since %s"), when);
    case SF_APPROVAL_STATUS_REJECTED:
      /* Translators: an approval job's state; the manager's name and their comment */
      return g_strdup_printf (_("Rejected by %s: %s"),
                              sf_ui_person_name (self->pipeline, sf_approval_request_get_decider_id (r)),
                              sf_approval_request_get_comment (r) ? sf_approval_request_get_comment (r) : "");
    case SF_APPROVAL_STATUS_VOIDED:
      if (sf_pipeline_get_voided_by_owner (self->pipeline, r))
        return g_strdup (_("The approval was voided: the manager who gave it now owns the deal; ask another manager"));
      return g_strdup (_("The approval was voided by a change to the figures; ask again"));
    case SF_APPROVAL_STATUS_APPROVED:
    case SF_APPROVAL_STATUS_RECALLED:
    default:
      return g_strdup (_("Done when a manager approves"));
    }
}

static char *
describe (SfJobRow *self)
{
  g_autoptr(GError) error = NULL;

  if (sf_job_get_done (self->job))
    {
      g_autofree char *when = sf_format_date_time (sf_job_get_done_at (self->job));
      const char *who = sf_ui_person_name (self->pipeline, sf_job_get_done_by (self->job));

      if (is_approval (self))
        /* Translators: the manager who approved, and when */
        return g_strdup_printf (_("Approved by %s, %s"), who, when);
      /* Translators: who ticked a job and when */
      return g_strdup_printf (_("Done by %s, %s"), who, when);
    }

  if (is_approval (self))
    return describe_request (self);
  if (sf_job_get_kind (self->job) == SF_JOB_KIND_SATISFACTION)
    return g_strdup (_("Done when the customer’s verdict is recorded"));

  if (sf_job_get_due (self->job) != 0)
    {
      g_autofree char *due = sf_format_date (sf_job_get_due (self->job));

      /* Translators: the day a meeting or follow-up is due */
      return g_strdup_printf (_("Due %s"), due);
    }

  if (!sf_job_get_required (self->job))
    return g_strdup (_("Optional"));

  return NULL;
}

static SfApprovalRequest *
latest_request (SfJobRow *self)
{
  return sf_deal_details_get_latest_request (self->details,
                                             sf_job_get_kind (self->job) == SF_JOB_KIND_ROI_APPROVAL
                                             ? SF_APPROVAL_KIND_ROI : SF_APPROVAL_KIND_PRICING);
}

/**
 * sf_job_row_update:
 *
 * Shows the job as it is now, for the deal as it is now.
 */
void
sf_job_row_update (SfJobRow *self)
{
  g_autofree char *subtitle = NULL;
  gboolean can_tick;

  g_return_if_fail (SF_IS_JOB_ROW (self));

  if (is_approval (self))
    g_set_object (&self->request, latest_request (self));
  subtitle = describe (self);
  can_tick = sf_workflow_check_job (self->deal, self->job, TRUE, NULL);
  self->n_updates++;
  self->stale = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sf_job_get_display_title (self->job));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle ? subtitle : "");

  g_signal_handler_block (self->check, self->toggled_id);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), sf_job_get_done (self->job));
  g_signal_handler_unblock (self->check, self->toggled_id);

  gtk_widget_set_sensitive (self->check, can_tick);
  gtk_widget_set_sensitive (self->menu_button, sf_deal_is_editable (self->deal));
  if (self->request_button != NULL)
    gtk_widget_set_visible (self->request_button,
                            !sf_job_get_done (self->job) &&
                            sf_workflow_check_job (self->deal, self->job, FALSE, NULL) &&
                            (self->request == NULL ||
                             sf_approval_request_get_status (self->request) != SF_APPROVAL_STATUS_PENDING));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sf_job_get_display_title (self->job), -1);
}

/* A tick changes done, done-by and done-at, an approval its job and the
 * requests: the row draws once, when the change is all in. */
static void
mark_stale (SfJobRow *self)
{
  self->stale = TRUE;
}

/* The deal's requests were read again: only a new or changed latest
 * request of this approval is news. */
static void
requests_changed_cb (SfJobRow *self)
{
  SfApprovalRequest *latest = latest_request (self);

  if (latest == NULL || self->request == NULL
      ? latest != self->request
      : sf_approval_request_get_id (latest) != sf_approval_request_get_id (self->request) ||
        !sf_approval_request_equal_record (latest, self->request))
    self->stale = TRUE;
}

static void
details_changed_cb (SfJobRow *self)
{
  if (self->stale)
    sf_job_row_update (self);
}

static void
toggled_cb (SfJobRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check));

  /* On success the job's notifies bring the row up to date. */
  if (!sf_pipeline_set_job_done (self->pipeline, self->deal, self->job, done, &error))
    {
      sf_job_row_update (self);
      sf_ui_show_error (GTK_WIDGET (self), _("The Job Was Not Changed"), error);
    }
}

static void
request_cb (SfJobRow *self)
{
  SfApprovalKind kind = sf_job_get_kind (self->job) == SF_JOB_KIND_ROI_APPROVAL
                        ? SF_APPROVAL_KIND_ROI : SF_APPROVAL_KIND_PRICING;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.request-approval", "(xi)",
                              sf_deal_get_id (self->deal), (int) kind);
}

static void
set_due (SfJobRow *self,
         guint     julian)
{
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (!sf_pipeline_set_job_due (self->pipeline, self->deal, self->job, julian, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Due Date Was Not Set"), error);
}

static void
day_selected_cb (SfJobRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));

  set_due (self, sf_date_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                                   g_date_time_get_day_of_month (date)));
}

static void
clear_due_cb (SfJobRow *self)
{
  set_due (self, 0);
}

static void
renamed_cb (GtkWidget  *dialog,
            const char *title,
            gpointer    owner)
{
  SfJobRow *self = owner;
  g_autoptr(GError) error = NULL;

  if (!sf_pipeline_rename_job (self->pipeline, self->deal, self->job, title, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Job Was Not Renamed"), error);
}

static void
rename_cb (SfJobRow *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  sf_ui_ask_text (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Rename Job"), NULL,
                  sf_job_get_display_title (self->job), _("Job title"), "rename", _("_Rename"),
                  FALSE, renamed_cb, self, NULL);
}

static void
remove_cb (SfJobRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (sf_job_get_display_title (self->job));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (!sf_pipeline_remove_job (self->pipeline, self->deal, self->job, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Job Was Not Removed"), error);
      return;
    }

  {
    /* Translators: %s is a checklist job */
    g_autofree char *message = g_strdup_printf (_("“%s” removed"), title);

    sf_ui_toast (GTK_WIDGET (self), message, TRUE);
  }
}

static GtkWidget *
build_menu (SfJobRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Due Date"));
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Due Date"));

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);

  self->calendar = gtk_calendar_new ();
  if (sf_job_get_due (self->job) != 0)
    {
      g_autoptr(GDate) date = g_date_new_julian (sf_job_get_due (self->job));
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
    }
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), self->calendar);

  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_due_cb), self);
  gtk_box_append (GTK_BOX (box), clear);

  if (sf_job_get_extra (self->job))
    {
      GtkWidget *rename = gtk_button_new_with_mnemonic (_("Re_name…"));
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Job"));

      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_widget_add_css_class (rename, "flat");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "destructive-action");
      g_signal_connect_swapped (rename, "clicked", G_CALLBACK (rename_cb), self);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_cb), self);
      gtk_box_append (GTK_BOX (box), rename);
      gtk_box_append (GTK_BOX (box), remove);
    }

  return box;
}

static void
sf_job_row_dispose (GObject *object)
{
  SfJobRow *self = (SfJobRow *) object;

  g_clear_object (&self->job);
  g_clear_object (&self->request);
  g_clear_object (&self->deal);
  g_clear_object (&self->details);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_job_row_parent_class)->dispose (object);
}

static void
sf_job_row_class_init (SfJobRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sf_job_row_dispose;
}

static void
sf_job_row_init (SfJobRow *self)
{
}

/**
 * sf_job_row_new:
 *
 * Returns: (transfer floating): a row for @job, one of @details' jobs
 */
GtkWidget *
sf_job_row_new (SfPipeline    *pipeline,
                SfDealDetails *details,
                SfJob         *job)
{
  SfJobRow *self = g_object_new (SF_TYPE_JOB_ROW, NULL);
  GtkWidget *popover;

  self->pipeline = g_object_ref (pipeline);
  self->details = g_object_ref (details);
  self->deal = g_object_ref (sf_deal_details_get_deal (details));
  self->job = g_object_ref (job);

  self->check = gtk_check_button_new ();
  gtk_widget_set_valign (self->check, GTK_ALIGN_CENTER);
  self->toggled_id = g_signal_connect_swapped (self->check, "toggled", G_CALLBACK (toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->check);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), build_menu (self));
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Job Options"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Job Options"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);

  if (is_approval (self))
    {
      self->request_button = gtk_button_new_with_mnemonic (_("Request _Approval…"));
      gtk_widget_set_name (self->request_button, "request_approval");
      gtk_widget_set_valign (self->request_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->request_button,
                                   _("Ask a manager to approve the figures as they are now"));
      g_signal_connect_swapped (self->request_button, "clicked", G_CALLBACK (request_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->request_button);
      /* Before the menu button, which stays at the end. */
      gtk_widget_insert_before (self->request_button, gtk_widget_get_parent (self->menu_button),
                                self->menu_button);
      /* A manager's comment on a rejection is worth reading whole. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 6);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  if (!is_approval (self))
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 3);
  g_signal_connect_object (job, "notify", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  if (is_approval (self))
    g_signal_connect_object (sf_deal_details_get_requests (details), "items-changed",
                             G_CALLBACK (requests_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (details, "notify::revision", G_CALLBACK (details_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sf_job_row_update (self);

  return GTK_WIDGET (self);
}

SfJob *
sf_job_row_get_job (SfJobRow *self)
{
  g_return_val_if_fail (SF_IS_JOB_ROW (self), NULL);
  return self->job;
}

/**
 * sf_job_row_get_n_updates:
 *
 * Returns: how many times the row was drawn, for the tests that count
 *   what a change costs
 */
guint
sf_job_row_get_n_updates (SfJobRow *self)
{
  g_return_val_if_fail (SF_IS_JOB_ROW (self), 0);
  return self->n_updates;
}

/**
 * sf_job_row_get_check:
 *
 * Returns: (transfer none): the check box, for tests
 */
GtkWidget *
sf_job_row_get_check (SfJobRow *self)
{
  g_return_val_if_fail (SF_IS_JOB_ROW (self), NULL);
  return self->check;
}
