/* sf-person-chooser.c — who is using Salesflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asked at start when a pipeline has more than one active person and
 * none was chosen there before, and from Switch User… in the primary
 * menu. A manager without a passphrase sets one before they go on
 * (SfPassphraseDialog): they could not sign off without it, and nobody
 * else should set it for them later. At start the chooser cannot be
 * dismissed without a choice.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-passphrase-dialog.h"
#include "sf-person-chooser.h"
#include "sf-ui-util.h"

struct _SfPersonChooser
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *cancel_button;
  GtkListBox *list;

  /* borrowed: the main window outlives its dialogs */
  SfWindow *window;
};

G_DEFINE_FINAL_TYPE (SfPersonChooser, sf_person_chooser, ADW_TYPE_WINDOW)

static void
finish (SfPersonChooser *self,
        SfPerson        *person)
{
  sf_window_set_me (self->window, sf_person_get_id (person));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
passphrase_saved_cb (SfPassphraseDialog *dialog,
                     SfPersonChooser    *self)
{
  g_autoptr(SfPerson) person = g_object_ref (g_object_get_data (G_OBJECT (dialog), "person"));

  /* The dialog closes itself after this; it must not outlive the chooser
   * as its transient child. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self->window));
  finish (self, person);
}

/**
 * sf_person_chooser_choose:
 * @person: an active person
 *
 * Makes @person the one using Salesflow and closes the chooser; a manager
 * without a passphrase is asked to set one first, and is chosen once it
 * is stored.
 *
 * Returns: whether @person is chosen now
 */
gboolean
sf_person_chooser_choose (SfPersonChooser *self,
                          SfPerson        *person)
{
  SfPassphraseDialog *dialog;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SF_IS_PERSON_CHOOSER (self), FALSE);
  g_return_val_if_fail (SF_IS_PERSON (person), FALSE);

  if (sf_person_get_role (person) != SF_ROLE_MANAGER || sf_person_get_has_passphrase (person))
    {
      finish (self, person);
      return TRUE;
    }

  /* Translators: %s is a manager's name */
  text = g_strdup_printf (_("%s is a manager without a passphrase. Set one now: it signs off pricing and ROI. Use at least 8 characters; Salesflow keeps only a hash of it."),
                          sf_person_get_name (person));
  dialog = sf_passphrase_dialog_new (GTK_WINDOW (self), sf_window_get_pipeline (self->window),
                                     person, text);
  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (passphrase_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
row_activated_cb (SfPersonChooser *self,
                  GtkListBoxRow   *row)
{
  sf_person_chooser_choose (self, g_object_get_data (G_OBJECT (row), "person"));
}

static GtkWidget *
build_row (SfPersonChooser *self,
           SfPerson        *person)
{
  GtkWidget *row = adw_action_row_new ();
  const char *role = sf_role_get_name (sf_person_get_role (person));
  g_autofree char *subtitle = NULL;

  if (sf_person_get_role (person) == SF_ROLE_MANAGER && !sf_person_get_has_passphrase (person))
    /* Translators: a person's role and their state: “Manager · no passphrase yet” */
    subtitle = g_strdup_printf (_("%s · %s"), role, _("no passphrase yet"));
  else
    subtitle = g_strdup (role);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sf_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (36, sf_person_get_name (person), TRUE));
  if (sf_person_get_id (person) == sf_window_get_me (self->window))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

  return row;
}

static void
fill (SfPersonChooser *self)
{
  GListModel *persons = sf_pipeline_get_persons (sf_window_get_pipeline (self->window));

  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);

      if (sf_person_get_active (person))
        gtk_list_box_append (self->list, build_row (self, person));
    }
}

static void
sf_person_chooser_class_init (SfPersonChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPersonChooser, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SfPersonChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sf_person_chooser_init (SfPersonChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   data)
{
  /* At start there is no one to fall back on: stay until chosen. */
  return TRUE;
}

/**
 * sf_person_chooser_new:
 * @window: the main window, whose person is chosen
 * @required: whether a choice must be made (at start)
 *
 * Returns: (transfer none): the chooser, over @window
 */
SfPersonChooser *
sf_person_chooser_new (SfWindow *window,
                       gboolean  required)
{
  SfPersonChooser *self = g_object_new (SF_TYPE_PERSON_CHOOSER, "transient-for", window, NULL);

  self->window = window;
  if (required)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Welcome Back"));
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
    }
  else
    {
      GtkEventController *escape = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                              gtk_named_action_new ("window.close")));
      gtk_widget_add_controller (GTK_WIDGET (self), escape);
    }
  fill (self);

  return self;
}
