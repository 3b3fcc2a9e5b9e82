/* sf-request-dialog.c — ask a manager to approve pricing or ROI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows exactly the figures a manager will approve: the stored ones, as
 * the store will record them (sf_pipeline_get_figures()), not what may be
 * typed and unsaved in the deal pane. The requester picks a manager who
 * may decide — active, neither the deal's owner nor the requester — or
 * any manager, and may add a note. A refusal (no figures yet, a request
 * already waiting) is shown in the dialog, which stays open.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-figures-text.h"
#include "sf-request-dialog.h"
#include "sf-ui-util.h"

struct _SfRequestDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *send_button;
  AdwPreferencesGroup *figures_group;
  AdwComboRow *manager_row;
  AdwEntryRow *note_row;
  GtkLabel *error_label;

  /* owned */
  SfPipeline *pipeline;
  SfDeal *deal;
  GArray *manager_ids;        /* gint64, parallel to the combo row; 0 is any */
  GPtrArray *figure_rows;     /* borrowed rows in figures_group */
  SfApprovalKind kind;
};

G_DEFINE_FINAL_TYPE (SfRequestDialog, sf_request_dialog, ADW_TYPE_WINDOW)

static void
show_error (SfRequestDialog *self,
            const GError    *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

/* Managers the requester may ask: sf_approval_check_addressee() says
 * who, so the list offers no one the store would refuse. */
static void
fill_managers (SfRequestDialog *self)
{
  GListModel *persons = sf_pipeline_get_persons (self->pipeline);
  SfPerson *me = sf_pipeline_lookup_person (self->pipeline, sf_pipeline_get_actor (self->pipeline));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) former_owners = sf_pipeline_get_former_owners (self->pipeline, self->deal,
                                                                   self->kind, NULL);
  gint64 any = 0;

  /* Translators: in the list of managers to ask for approval */
  gtk_string_list_append (names, _("Any manager"));
  g_array_append_val (self->manager_ids, any);
  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);
      gint64 id = sf_person_get_id (person);

      if (former_owners != NULL &&
          sf_approval_check_addressee (self->deal, me, person, former_owners, NULL))
        {
          gtk_string_list_append (names, sf_person_get_name (person));
          g_array_append_val (self->manager_ids, id);
        }
    }

  adw_combo_row_set_expression (self->manager_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (names));
}

static void
fill_figures (SfRequestDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *title = NULL;
  gboolean roi = self->kind == SF_APPROVAL_KIND_ROI;

  if (roi)
    /* Translators: the heading of the request dialog; %s is a deal's title */
    title = g_strdup_printf (_("ROI of “%s”"), sf_deal_get_title (self->deal));
  else
    /* Translators: the heading of the request dialog; %s is a deal's title */
    title = g_strdup_printf (_("Pricing of “%s”"), sf_deal_get_title (self->deal));
  adw_preferences_group_set_title (self->figures_group, title);
  adw_preferences_group_set_description (self->figures_group,
                                         _("The manager approves exactly these figures, as they are stored now. While the request waits, they cannot be changed."));

  if (!sf_pipeline_get_figures (self->pipeline, self->deal, self->kind, &figures, &error))
    {
      show_error (self, error);
      return;
    }
  if (figures == NULL)
    {
      /* The same words as the store's refusal, before the user tries. */
      sf_approval_check_new_request (self->deal, self->kind, NULL, NULL, &error);
      show_error (self, error);
      gtk_widget_set_sensitive (self->send_button, FALSE);
      return;
    }

  lines = sf_figures_get_lines (self->kind, figures);
  sf_figures_fill_group (self->figures_group, self->figure_rows, lines);
}

/**
 * sf_request_dialog_set_manager:
 * @manager_id: a manager offered in the list, or 0 for any manager
 *
 * Returns: whether @manager_id is offered (and now chosen)
 */
gboolean
sf_request_dialog_set_manager (SfRequestDialog *self,
                               gint64           manager_id)
{
  g_return_val_if_fail (SF_IS_REQUEST_DIALOG (self), FALSE);

  for (guint i = 0; i < self->manager_ids->len; i++)
    if (g_array_index (self->manager_ids, gint64, i) == manager_id)
      {
        adw_combo_row_set_selected (self->manager_row, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * sf_request_dialog_send:
 *
 * Sends the request as filled in and closes the dialog; on a refusal
 * shows why and stays open.
 *
 * Returns: whether the request was made
 */
gboolean
sf_request_dialog_send (SfRequestDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  guint chosen;
  gint64 manager = 0;

  g_return_val_if_fail (SF_IS_REQUEST_DIALOG (self), FALSE);

  chosen = adw_combo_row_get_selected (self->manager_row);
  if (chosen < self->manager_ids->len)
    manager = g_array_index (self->manager_ids, gint64, chosen);

  if (!gtk_widget_get_sensitive (self->send_button) ||
      !sf_pipeline_request_approval (self->pipeline, self->deal, self->kind, manager,
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                     NULL, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    {
      g_autofree char *text = NULL;

      if (self->kind == SF_APPROVAL_KIND_ROI)
        /* Translators: a toast; %s is a deal's title */
        text = g_strdup_printf (_("Asked for approval of the ROI of “%s”"), sf_deal_get_title (self->deal));
      else
        /* Translators: a toast; %s is a deal's title */
        text = g_strdup_printf (_("Asked for approval of the pricing of “%s”"), sf_deal_get_title (self->deal));
      sf_ui_toast (GTK_WIDGET (parent), text, FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
send_cb (SfRequestDialog *self)
{
  sf_request_dialog_send (self);
}

static void
sf_request_dialog_dispose (GObject *object)
{
  SfRequestDialog *self = (SfRequestDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_REQUEST_DIALOG);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->deal);
  g_clear_pointer (&self->manager_ids, g_array_unref);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_request_dialog_parent_class)->dispose (object);
}

static void
sf_request_dialog_class_init (SfRequestDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_request_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfRequestDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, SfRequestDialog, figures_group);
  gtk_widget_class_bind_template_child (widget_class, SfRequestDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, SfRequestDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SfRequestDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, send_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_request_dialog_init (SfRequestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->manager_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->figure_rows = g_ptr_array_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->send_button);
}

/**
 * sf_request_dialog_new:
 * @deal: the deal whose figures are to be approved
 *
 * Returns: (transfer none): the dialog, over @parent; the person using
 *   Salesflow asks
 */
SfRequestDialog *
sf_request_dialog_new (GtkWindow      *parent,
                       SfPipeline     *pipeline,
                       SfDeal         *deal,
                       SfApprovalKind  kind)
{
  SfRequestDialog *self = g_object_new (SF_TYPE_REQUEST_DIALOG, "transient-for", parent, NULL);

  self->pipeline = g_object_ref (pipeline);
  self->deal = g_object_ref (deal);
  self->kind = kind;
  fill_managers (self);
  fill_figures (self);

  return self;
}
