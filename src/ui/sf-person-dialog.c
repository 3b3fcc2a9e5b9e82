/* sf-person-dialog.c — add a person who uses Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name and a role. A manager is given a passphrase at once, typed twice,
 * and is stored with it in one transaction (sf_pipeline_add_manager()), so a
 * manager never exists without the passphrase they were created with.
 * While any manager has a passphrase, one of them confirms the new manager
 * with theirs (SfVoucherGroup). A short passphrase or two that differ are
 * named under the form as they are typed, and Add waits until the form is
 * right.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-passphrase-dialog.h"
#include "sf-person-dialog.h"
#include "sf-ui-util.h"
#include "sf-voucher-group.h"

struct _SfPersonDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *add_button;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  GtkWidget *passphrase_group;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *repeat_row;
  SfVoucherGroup *voucher_group;
  GtkLabel *error_label;

  /* owned */
  SfPipeline *pipeline;
};

G_DEFINE_FINAL_TYPE (SfPersonDialog, sf_person_dialog, ADW_TYPE_WINDOW)

static SfRole
chosen_role (SfPersonDialog *self)
{
  return adw_combo_row_get_selected (self->role_row) == SF_ROLE_MANAGER ? SF_ROLE_MANAGER
                                                                        : SF_ROLE_SALES;
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_error (SfPersonDialog *self,
            const GError   *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

static void
changed_cb (SfPersonDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  gboolean manager = chosen_role (self) == SF_ROLE_MANAGER;
  const char *passphrase = text_of (self->passphrase_row);
  const char *repeat = text_of (self->repeat_row);
  gboolean ready = *name != '\0';

  gtk_widget_set_visible (self->passphrase_group, manager);
  gtk_widget_set_visible (GTK_WIDGET (self->voucher_group),
                          manager && sf_voucher_group_is_needed (self->voucher_group));
  if (manager)
    {
      error = sf_passphrase_dialog_check (passphrase, repeat);
      ready = ready && error == NULL && *passphrase != '\0' && g_str_equal (passphrase, repeat) &&
              sf_voucher_group_is_ready (self->voucher_group);
    }

  show_error (self, error);
  gtk_widget_set_sensitive (self->add_button, ready);
}

/**
 * sf_person_dialog_add:
 *
 * Stores the person as filled in and closes the dialog; on failure shows
 * why and keeps what was typed.
 *
 * Returns: whether the person was added
 */
gboolean
sf_person_dialog_add (SfPersonDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) person = NULL;

  g_return_val_if_fail (SF_IS_PERSON_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->add_button))
    return FALSE;

  if (chosen_role (self) == SF_ROLE_MANAGER)
    person = sf_pipeline_add_manager (self->pipeline, text_of (self->name_row),
                                      text_of (self->passphrase_row),
                                      sf_voucher_group_get_voucher_id (self->voucher_group),
                                      sf_voucher_group_get_passphrase (self->voucher_group), &error);
  else
    person = sf_pipeline_add_person (self->pipeline, text_of (self->name_row), &error);

  if (person == NULL)
    {
      sf_voucher_group_clear (self->voucher_group);
      show_error (self, error);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
add_cb (SfPersonDialog *self)
{
  sf_person_dialog_add (self);
}

static void
sf_person_dialog_dispose (GObject *object)
{
  SfPersonDialog *self = (SfPersonDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PERSON_DIALOG);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_person_dialog_parent_class)->dispose (object);
}

static void
sf_person_dialog_class_init (SfPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_person_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-person-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfPersonDialog, name)
  CHILD (add_button);
  CHILD (name_row);
  CHILD (role_row);
  CHILD (passphrase_group);
  CHILD (passphrase_row);
  CHILD (repeat_row);
  CHILD (voucher_group);
  CHILD (error_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_person_dialog_init (SfPersonDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  g_type_ensure (SF_TYPE_VOUCHER_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of SfRole, so the position is the role. */
  gtk_string_list_append (roles, sf_role_get_name (SF_ROLE_SALES));
  gtk_string_list_append (roles, sf_role_get_name (SF_ROLE_MANAGER));
  adw_combo_row_set_expression (self->role_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

/**
 * sf_person_dialog_new:
 *
 * Returns: (transfer none): the dialog, over @parent
 */
SfPersonDialog *
sf_person_dialog_new (GtkWindow  *parent,
                      SfPipeline *pipeline)
{
  SfPersonDialog *self = g_object_new (SF_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);

  self->pipeline = g_object_ref (pipeline);
  sf_voucher_group_setup (self->voucher_group, pipeline, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->voucher_group), FALSE);
  return self;
}
