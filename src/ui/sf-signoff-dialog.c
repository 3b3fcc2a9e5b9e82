/* sf-signoff-dialog.c — a manager approves or rejects a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the deal, who asked and their note, and the figures exactly as
 * they were sent. The manager types their passphrase and approves, or
 * rejects with a comment: Reject stays insensitive until there is one.
 * Every rule is the store's (sf_pipeline_decide()); a refusal — a wrong
 * passphrase above all — is shown here and the dialog stays open, the
 * passphrase cleared. After three wrong passphrases the store makes each
 * further try wait; the dialog reads that wait and counts it down, so the
 * manager sees it before typing again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-figures-text.h"
#include "sf-format.h"
#include "sf-signoff-dialog.h"
#include "sf-ui-util.h"

struct _SfSignoffDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *deal_group;
  AdwActionRow *requester_row;
  AdwActionRow *note_row;
  AdwPreferencesGroup *figures_group;
  AdwPasswordEntryRow *passphrase_row;
  AdwEntryRow *comment_row;
  GtkLabel *error_label;
  GtkLabel *wait_label;
  GtkWidget *reject_button;
  GtkWidget *approve_button;

  /* owned */
  SfPipeline *pipeline;
  SfApprovalRequest *request;
  GPtrArray *figure_rows;     /* borrowed rows in figures_group */
  guint wait_id;

  gint64 manager_id;
  gint64 wait_until;          /* monotonic µs; 0 when there is no wait */
};

G_DEFINE_FINAL_TYPE (SfSignoffDialog, sf_signoff_dialog, ADW_TYPE_WINDOW)

static gint64
seconds_left (SfSignoffDialog *self)
{
  gint64 left = self->wait_until - g_get_monotonic_time ();

  return left > 0 ? (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC : 0;
}

static void
changed_cb (SfSignoffDialog *self)
{
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));
  gboolean can_try = *gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) != '\0' &&
                     seconds_left (self) == 0;

  gtk_widget_set_sensitive (self->approve_button, can_try);
  gtk_widget_set_sensitive (self->reject_button, can_try && *comment != '\0');
}

static void read_wait (SfSignoffDialog *self);

static gboolean
wait_tick (gpointer data)
{
  SfSignoffDialog *self = data;
  gint64 left = seconds_left (self);

  if (left == 0)
    {
      self->wait_id = 0;
      /* The store has the last word: ask it again. */
      read_wait (self);
      return G_SOURCE_REMOVE;
    }

  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: %d counts down the seconds to wait */
                                    "Too many wrong passphrases. Wait %d second before the next try.",
                                    "Too many wrong passphrases. Wait %d seconds before the next try.",
                                    (gulong) left),
                       (int) left);

    gtk_label_set_text (self->wait_label, text);
  }
  return G_SOURCE_CONTINUE;
}

/* Asks the store how long the manager must wait, and counts it down. */
static void
read_wait (SfSignoffDialog *self)
{
  gint64 seconds = 0;

  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (!sf_pipeline_get_passphrase_wait (self->pipeline, self->manager_id, &seconds, NULL))
    seconds = 0;

  self->wait_until = seconds > 0 ? g_get_monotonic_time () + seconds * G_USEC_PER_SEC : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->wait_label), seconds > 0);
  if (seconds > 0)
    {
      wait_tick (self);
      self->wait_id = g_timeout_add_seconds (1, wait_tick, self);
    }
  changed_cb (self);
}

static void
show_error (SfSignoffDialog *self,
            const GError    *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

static char *
toast_text (SfApprovalRequest *request,
            const char        *title,
            gboolean           approve)
{
  gboolean roi = sf_approval_request_get_kind (request) == SF_APPROVAL_KIND_ROI;

  if (approve && roi)
    /* Translators: a toast; %s is a deal's title */
    return g_strdup_printf (_("Approved the ROI of “%s”"), title);
  if (approve)
    /* Translators: a toast; %s is a deal's title */
    return g_strdup_printf (_("Approved the pricing of “%s”"), title);
  if (roi)
    /* Translators: a toast; %s is a deal's title */
    return g_strdup_printf (_("Rejected the ROI of “%s”"), title);

  /* Translators: a toast; %s is a deal's title */
  return g_strdup_printf (_("Rejected the pricing of “%s”"), title);
}

/**
 * sf_signoff_dialog_decide:
 * @approve: %TRUE to approve, %FALSE to reject with the comment typed
 *
 * Decides with the passphrase typed and closes the dialog; on a refusal
 * shows why, clears the passphrase and stays open.
 *
 * Returns: whether the decision was stored
 */
gboolean
sf_signoff_dialog_decide (SfSignoffDialog *self,
                          gboolean         approve)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *text = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (SF_IS_SIGNOFF_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (approve ? self->approve_button : self->reject_button))
    return FALSE;

  if (!sf_pipeline_decide (self->pipeline, self->request, self->manager_id,
                           gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)), approve,
                           gtk_editable_get_text (GTK_EDITABLE (self->comment_row)), &error))
    {
      show_error (self, error);
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      read_wait (self);
      return FALSE;
    }

  title = g_strdup (sf_approval_request_get_deal_title (self->request));
  text = toast_text (self->request, title ? title : "", approve);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    sf_ui_toast (GTK_WIDGET (parent), text, FALSE);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
approve_cb (SfSignoffDialog *self)
{
  sf_signoff_dialog_decide (self, TRUE);
}

static void
reject_cb (SfSignoffDialog *self)
{
  sf_signoff_dialog_decide (self, FALSE);
}

static void
fill (SfSignoffDialog *self)
{
  SfApprovalRequest *r = self->request;
  SfDeal *deal = sf_pipeline_lookup_deal (self->pipeline, sf_approval_request_get_deal_id (r));
  gboolean roi = sf_approval_request_get_kind (r) == SF_APPROVAL_KIND_ROI;
  const char *title = sf_approval_request_get_deal_title (r);
  g_autofree char *heading = NULL, *asked = NULL, *when = NULL, *passphrase = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (roi)
    /* Translators: the heading of the request dialog; %s is a deal's title */
    heading = g_strdup_printf (_("ROI of “%s”"), title ? title : "");
  else
    /* Translators: the heading of the request dialog; %s is a deal's title */
    heading = g_strdup_printf (_("Pricing of “%s”"), title ? title : "");
  adw_preferences_group_set_title (self->deal_group, heading);
  if (deal != NULL)
    {
      g_autofree char *value = sf_ui_format_value (deal);
      g_autofree char *text = g_strjoin (" · ", sf_deal_get_customer (deal), value,
                                         sf_stage_get_name (sf_deal_get_stage (deal)), NULL);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_preferences_group_set_description (self->deal_group, escaped);
    }

  when = sf_format_date_time (sf_approval_request_get_requested_at (r));
  /* Translators: who asked for approval, and when */
  asked = g_strdup_printf (_("%s, %s"), sf_ui_person_name (self->pipeline, sf_approval_request_get_requester_id (r)),
                           when);
  adw_action_row_set_subtitle (self->requester_row, asked);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), sf_approval_request_get_note (r) != NULL);
  if (sf_approval_request_get_note (r) != NULL)
    adw_action_row_set_subtitle (self->note_row, sf_approval_request_get_note (r));

  lines = sf_figures_get_lines (sf_approval_request_get_kind (r), sf_approval_request_get_figures (r));
  sf_figures_fill_group (self->figures_group, self->figure_rows, lines);

  /* Translators: the heading of the passphrase dialog; %s is a person */
  passphrase = g_strdup_printf (_("Passphrase of %s"), sf_ui_person_name (self->pipeline, self->manager_id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row), passphrase);
}

static void
sf_signoff_dialog_dispose (GObject *object)
{
  SfSignoffDialog *self = (SfSignoffDialog *) object;

  g_clear_handle_id (&self->wait_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_SIGNOFF_DIALOG);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->request);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_signoff_dialog_parent_class)->dispose (object);
}

static void
sf_signoff_dialog_class_init (SfSignoffDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_signoff_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-signoff-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfSignoffDialog, name)
  CHILD (deal_group);
  CHILD (requester_row);
  CHILD (note_row);
  CHILD (figures_group);
  CHILD (passphrase_row);
  CHILD (comment_row);
  CHILD (error_label);
  CHILD (wait_label);
  CHILD (reject_button);
  CHILD (approve_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_signoff_dialog_init (SfSignoffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figure_rows = g_ptr_array_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->requester_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->note_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->passphrase_row), FALSE);
}

/**
 * sf_signoff_dialog_new:
 * @request: a pending request
 * @manager_id: the manager deciding; their passphrase says it is them
 *
 * Returns: (transfer none): the dialog, over @parent
 */
SfSignoffDialog *
sf_signoff_dialog_new (GtkWindow         *parent,
                       SfPipeline        *pipeline,
                       SfApprovalRequest *request,
                       gint64             manager_id)
{
  SfSignoffDialog *self = g_object_new (SF_TYPE_SIGNOFF_DIALOG, "transient-for", parent, NULL);

  self->pipeline = g_object_ref (pipeline);
  self->request = g_object_ref (request);
  self->manager_id = manager_id;
  fill (self);
  read_wait (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));

  return self;
}
