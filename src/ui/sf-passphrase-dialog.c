/* sf-passphrase-dialog.c — set or change a manager's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manager without a passphrase sets one, confirmed by another manager
 * while any has a passphrase (SfVoucherGroup); one with a passphrase
 * changes it by typing the old one first. A wrong old passphrase counts as a
 * wrong try (the store makes later tries wait), is shown here, and the
 * dialog stays open. #SfPassphraseDialog::saved tells whoever opened the
 * dialog that the passphrase is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-passphrase-dialog.h"
#include "sf-ui-util.h"
#include "sf-voucher-group.h"

struct _SfPassphraseDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *save_button;
  AdwPreferencesGroup *group;
  AdwPasswordEntryRow *old_row;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *repeat_row;
  SfVoucherGroup *voucher_group;
  GtkLabel *error_label;

  /* owned */
  SfPipeline *pipeline;
  SfPerson *person;
};

G_DEFINE_FINAL_TYPE (SfPassphraseDialog, sf_passphrase_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/**
 * sf_passphrase_dialog_check:
 * @passphrase: a new passphrase as typed
 * @repeat: the same typed again
 *
 * Nothing is said while @passphrase is empty: an empty field is plain to
 * see; a short passphrase is named as soon as it is typed.
 *
 * Returns: (transfer full) (nullable): the first problem with the two
 *   fields, or %NULL
 */
GError *
sf_passphrase_dialog_check (const char *passphrase,
                            const char *repeat)
{
  GError *error = NULL;

  if (passphrase == NULL || *passphrase == '\0')
    return NULL;
  if (!sf_approval_check_new_passphrase (passphrase, &error))
    return error;
  if (repeat != NULL && *repeat != '\0' && g_strcmp0 (passphrase, repeat) != 0)
    return g_error_new_literal (SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WEAK_PASSPHRASE,
                                _("The two passphrases differ"));
  return NULL;
}

static void
show_error (SfPassphraseDialog *self,
            const GError       *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

static void
changed_cb (SfPassphraseDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *passphrase = text_of (self->new_row);
  gboolean ready;

  error = sf_passphrase_dialog_check (passphrase, text_of (self->repeat_row));
  ready = error == NULL && *passphrase != '\0' &&
          g_str_equal (passphrase, text_of (self->repeat_row)) &&
          (sf_person_get_has_passphrase (self->person) ? *text_of (self->old_row) != '\0'
                                                       : sf_voucher_group_is_ready (self->voucher_group));

  show_error (self, error);
  gtk_widget_set_sensitive (self->save_button, ready);
}

/**
 * sf_passphrase_dialog_save:
 *
 * Stores the new passphrase and closes the dialog; on failure, a wrong
 * old passphrase say, shows why and stays open.
 *
 * Returns: whether the passphrase was stored
 */
gboolean
sf_passphrase_dialog_save (SfPassphraseDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean stored;

  g_return_val_if_fail (SF_IS_PASSPHRASE_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->save_button))
    return FALSE;

  if (sf_person_get_has_passphrase (self->person))
    stored = sf_pipeline_set_passphrase (self->pipeline, self->person, text_of (self->old_row),
                                         text_of (self->new_row), &error);
  else
    stored = sf_pipeline_set_first_passphrase (self->pipeline, self->person, text_of (self->new_row),
                                               sf_voucher_group_get_voucher_id (self->voucher_group),
                                               sf_voucher_group_get_passphrase (self->voucher_group),
                                               &error);
  if (!stored)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->old_row), "");
      sf_voucher_group_clear (self->voucher_group);
      show_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (sf_person_get_has_passphrase (self->person)
                                         ? self->old_row : self->new_row));
      return FALSE;
    }

  /* A handler may close the window this dialog belongs to, and so this
   * dialog with it. */
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static void
save_cb (SfPassphraseDialog *self)
{
  sf_passphrase_dialog_save (self);
}

static void
sf_passphrase_dialog_dispose (GObject *object)
{
  SfPassphraseDialog *self = (SfPassphraseDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PASSPHRASE_DIALOG);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (sf_passphrase_dialog_parent_class)->dispose (object);
}

static void
sf_passphrase_dialog_class_init (SfPassphraseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_passphrase_dialog_dispose;

  /**
   * SfPassphraseDialog::saved:
   *
   * The passphrase is stored; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-passphrase-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfPassphraseDialog, name)
  CHILD (save_button);
  CHILD (group);
  CHILD (old_row);
  CHILD (new_row);
  CHILD (repeat_row);
  CHILD (voucher_group);
  CHILD (error_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_passphrase_dialog_init (SfPassphraseDialog *self)
{
  g_type_ensure (SF_TYPE_VOUCHER_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sf_passphrase_dialog_new:
 * @person: a manager
 * @explanation: (nullable): why the passphrase is asked for now
 *
 * Returns: (transfer none): the dialog, over @parent
 */
SfPassphraseDialog *
sf_passphrase_dialog_new (GtkWindow  *parent,
                          SfPipeline *pipeline,
                          SfPerson   *person,
                          const char *explanation)
{
  SfPassphraseDialog *self = g_object_new (SF_TYPE_PASSPHRASE_DIALOG, "transient-for", parent, NULL);
  gboolean change = sf_person_get_has_passphrase (person);
  g_autofree char *title = NULL;

  self->pipeline = g_object_ref (pipeline);
  self->person = g_object_ref (person);

  gtk_window_set_title (GTK_WINDOW (self), change ? _("Change Passphrase") : _("Set Passphrase"));
  /* Translators: the heading of the passphrase dialog; %s is a person */
  title = g_strdup_printf (_("Passphrase of %s"), sf_person_get_name (person));
  adw_preferences_group_set_title (self->group, title);
  {
    g_autofree char *escaped = g_markup_escape_text (explanation ? explanation
                                                     : _("At least 8 characters. Salesflow keeps only a hash of it: a forgotten passphrase cannot be recovered."), -1);

    adw_preferences_group_set_description (self->group, escaped);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->old_row), change);
  if (!change)
    sf_voucher_group_setup (self->voucher_group, pipeline, sf_person_get_id (person));
  gtk_widget_grab_focus (GTK_WIDGET (change ? self->old_row : self->new_row));

  return self;
}
