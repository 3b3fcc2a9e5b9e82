/* sf-approval-actions.c — the window's actions for managers' sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installed on SfWindow, so that the deal pane, the Approvals tab and the
 * dialogs (separate toplevels, which act on their transient parent) reach
 * them the same way:
 *
 *   win.request-approval (xi)  the deal's id and the SfApprovalKind
 *   win.sign-off (x)           a request's id; the person using Salesflow
 *                              decides
 *   win.recall-request (x)     a request's id; asks before recalling
 *   win.switch-user            who is using Salesflow
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-person-chooser.h"
#include "sf-request-dialog.h"
#include "sf-signoff-dialog.h"
#include "sf-ui-util.h"
#include "sf-window-private.h"

static SfApprovalRequest *
lookup_request (SfWindow *window,
                GVariant *parameter)
{
  g_autoptr(GError) error = NULL;
  SfApprovalRequest *request;

  if (window->pipeline == NULL || !window->ready)
    return NULL;

  request = sf_pipeline_get_request (window->pipeline, g_variant_get_int64 (parameter), &error);
  if (request == NULL)
    sf_ui_show_error (GTK_WIDGET (window), _("The Request Cannot Be Opened"), error);

  return request;
}

static void
request_approval_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SfWindow *window = SF_WINDOW (widget);
  SfPipeline *pipeline = window->pipeline;
  gint64 deal_id;
  int kind;
  SfDeal *deal;

  g_variant_get (parameter, "(xi)", &deal_id, &kind);
  deal = pipeline ? sf_pipeline_lookup_deal (pipeline, deal_id) : NULL;
  if (deal == NULL || !sf_approval_kind_is_valid (kind))
    return;

  gtk_window_present (GTK_WINDOW (sf_request_dialog_new (GTK_WINDOW (window), pipeline, deal, kind)));
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SfWindow *window = SF_WINDOW (widget);
  g_autoptr(SfApprovalRequest) request = lookup_request (window, parameter);

  if (request == NULL)
    return;

  gtk_window_present (GTK_WINDOW (sf_signoff_dialog_new (GTK_WINDOW (window), window->pipeline,
                                                         request, window->me)));
}

static void
recall_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SfWindow         *window)
{
  g_autoptr(GError) error = NULL;
  SfApprovalRequest *request = g_object_get_data (G_OBJECT (dialog), "request");
  g_autofree char *title = NULL, *text = NULL;

  if (!g_str_equal (response, "recall"))
    return;

  title = g_strdup (sf_approval_request_get_deal_title (request));
  if (!sf_pipeline_recall_request (window->pipeline, request, &error))
    {
      sf_ui_show_error (GTK_WIDGET (window), _("The Request Was Not Recalled"), error);
      return;
    }

  /* Translators: a toast; %s is a deal's title */
  text = g_strdup_printf (_("Recalled the request for approval of “%s”"), title ? title : "");
  sf_ui_toast (GTK_WIDGET (window), text, FALSE);
}

static void
recall_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *window = SF_WINDOW (widget);
  g_autoptr(SfApprovalRequest) request = lookup_request (window, parameter);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  const char *title;

  if (request == NULL)
    return;

  title = sf_approval_request_get_deal_title (request);
  if (sf_approval_request_get_kind (request) == SF_APPROVAL_KIND_ROI)
    /* Translators: %s is a deal's title */
    body = g_strdup_printf (_("The ROI of “%s” waits for a manager’s approval. Recalling the request unlocks the worksheet; you can ask again when it is ready."),
                            title ? title : "");
  else
    /* Translators: %s is a deal's title */
    body = g_strdup_printf (_("The pricing of “%s” waits for a manager’s approval. Recalling the request unlocks the pricing; you can ask again when it is ready."),
                            title ? title : "");

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Recall the Request?"), body);
  gtk_widget_set_name (dialog, "recall_dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "recall", _("_Recall"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recall",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "request", g_steal_pointer (&request), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recall_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SfWindow *window = SF_WINDOW (widget);

  if (window->ready)
    gtk_window_present (GTK_WINDOW (sf_person_chooser_new (window, FALSE)));
}

/**
 * sf_window_approvals_install_actions:
 * @widget_class: SfWindow's class
 */
void
sf_window_approvals_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.request-approval", "(xi)", request_approval_action);
  gtk_widget_class_install_action (widget_class, "win.sign-off", "x", sign_off_action);
  gtk_widget_class_install_action (widget_class, "win.recall-request", "x", recall_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL, switch_user_action);
}
