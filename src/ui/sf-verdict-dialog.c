/* sf-verdict-dialog.c — Record Verdict: success or failure, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seeds' Closed stage ends with "customer satisfaction tracked:
 * success or failure". The dialog asks for one of the two and a reason;
 * Record stays insensitive until sf_satisfaction_check_verdict() accepts
 * them, and the line under the entry says what is still missing. The
 * current verdict, if any, is filled in, so changing it is a correction.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-ui-util.h"
#include "sf-verdict-dialog.h"

struct _SfVerdictDialog
{
  AdwMessageDialog parent_instance;

  /* template widgets */
  GtkToggleButton *success_button;
  GtkToggleButton *failure_button;
  GtkEntry *reason_entry;
  GtkLabel *hint_label;

  /* owned */
  SfPipeline *pipeline;
  SfDeal *deal;
};

G_DEFINE_FINAL_TYPE (SfVerdictDialog, sf_verdict_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * sf_verdict_dialog_get_verdict:
 *
 * Returns: the verdict chosen, or %SF_VERDICT_UNDECIDED before a choice
 */
SfVerdict
sf_verdict_dialog_get_verdict (SfVerdictDialog *self)
{
  g_return_val_if_fail (SF_IS_VERDICT_DIALOG (self), SF_VERDICT_UNDECIDED);

  if (gtk_toggle_button_get_active (self->success_button))
    return SF_VERDICT_SUCCESS;
  if (gtk_toggle_button_get_active (self->failure_button))
    return SF_VERDICT_FAILURE;

  return SF_VERDICT_UNDECIDED;
}

void
sf_verdict_dialog_set_verdict (SfVerdictDialog *self,
                               SfVerdict        verdict)
{
  g_return_if_fail (SF_IS_VERDICT_DIALOG (self));

  gtk_toggle_button_set_active (self->success_button, verdict == SF_VERDICT_SUCCESS);
  gtk_toggle_button_set_active (self->failure_button, verdict == SF_VERDICT_FAILURE);
}

static void
changed_cb (SfVerdictDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sf_satisfaction_check_verdict (sf_verdict_dialog_get_verdict (self),
                                               gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)),
                                               &error);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", ok);
  gtk_label_set_text (self->hint_label, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !ok);
}

static void
sf_verdict_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  SfVerdictDialog *self = SF_VERDICT_DIALOG (dialog);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SfVerdict verdict = sf_verdict_dialog_get_verdict (self);

  if (g_str_equal (response, "record"))
    {
      if (!sf_pipeline_record_verdict (self->pipeline, self->deal, verdict,
                                       gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), &error))
        sf_ui_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self),
                          _("The Verdict Was Not Recorded"), error);
      else if (parent != NULL)
        {
          /* Translators: a toast; the deal's title and the verdict
           * (“Success”, “Failure”) */
          text = g_strdup_printf (_("“%s” judged: %s"), sf_deal_get_title (self->deal),
                                  sf_verdict_get_name (verdict));
          sf_ui_toast (GTK_WIDGET (parent), text, FALSE);
        }
    }

  if (ADW_MESSAGE_DIALOG_CLASS (sf_verdict_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (sf_verdict_dialog_parent_class)->response (dialog, response);
}

static void
sf_verdict_dialog_dispose (GObject *object)
{
  SfVerdictDialog *self = (SfVerdictDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_VERDICT_DIALOG);
  g_clear_object (&self->deal);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_verdict_dialog_parent_class)->dispose (object);
}

static void
sf_verdict_dialog_class_init (SfVerdictDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_verdict_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = sf_verdict_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-verdict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfVerdictDialog, success_button);
  gtk_widget_class_bind_template_child (widget_class, SfVerdictDialog, failure_button);
  gtk_widget_class_bind_template_child (widget_class, SfVerdictDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, SfVerdictDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
sf_verdict_dialog_init (SfVerdictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  changed_cb (self);
}

/**
 * sf_verdict_dialog_new:
 * @parent: the window it belongs to; its toast says what was recorded
 * @deal: a deal closed and won
 * @current: the verdict recorded so far, or %SF_VERDICT_UNDECIDED
 * @current_reason: (nullable): its reason
 *
 * Returns: (transfer none): the dialog; present it
 */
SfVerdictDialog *
sf_verdict_dialog_new (GtkWindow  *parent,
                       SfPipeline *pipeline,
                       SfDeal     *deal,
                       SfVerdict   current,
                       const char *current_reason)
{
  SfVerdictDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  self = g_object_new (SF_TYPE_VERDICT_DIALOG, "transient-for", parent, NULL);
  self->pipeline = g_object_ref (pipeline);
  self->deal = g_object_ref (deal);

  /* Translators: a dialog heading; %s is the deal's title */
  heading = g_strdup_printf (_("Verdict on “%s”"), sf_deal_get_title (deal));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  sf_verdict_dialog_set_verdict (self, current);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), current_reason ? current_reason : "");
  changed_cb (self);

  return self;
}
