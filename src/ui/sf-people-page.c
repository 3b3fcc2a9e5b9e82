/* sf-people-page.c — Preferences → People
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everyone who uses the pipeline, with their role: add (SfPersonDialog),
 * rename, deactivate and reactivate; a manager sets or changes their
 * passphrase (SfPassphraseDialog). The rows are built again from the
 * pipeline's people after every change, so they show what is stored. A
 * new name reaches the deals the person owns at once
 * (sf_pipeline_person_renamed()). Nobody deactivates themselves: the
 * person using Salesflow must stay someone who may.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-passphrase-dialog.h"
#include "sf-people-page.h"
#include "sf-person-dialog.h"
#include "sf-ui-util.h"

struct _SfPeoplePage
{
  AdwPreferencesPage parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;

  /* owned */
  SfPipeline *pipeline;

  /* borrowed: rows in group */
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (SfPeoplePage, sf_people_page, ADW_TYPE_PREFERENCES_PAGE)

static GtkWindow *
parent_window (SfPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
describe (SfPerson *person)
{
  const char *role = sf_role_get_name (sf_person_get_role (person));
  const char *state = NULL;

  if (!sf_person_get_active (person))
    /* Translators: a person who can no longer be chosen */
    state = _("deactivated");
  else if (sf_person_get_role (person) == SF_ROLE_MANAGER && !sf_person_get_has_passphrase (person))
    /* Translators: a manager who cannot sign off yet */
    state = _("no passphrase yet");

  if (state == NULL)
    return g_strdup (role);

  /* Translators: a person's role and their state: “Manager · no passphrase yet” */
  return g_strdup_printf (_("%s · %s"), role, state);
}

static void
renamed_cb (GtkWidget  *dialog,
            const char *name,
            gpointer    owner)
{
  SfPeoplePage *self = owner;
  g_autoptr(GError) error = NULL;
  SfPerson *person = g_object_get_data (G_OBJECT (dialog), "person");

  if (!sf_pipeline_rename_person (self->pipeline, person, name, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Person Was Not Renamed"), error);
}

static void
rename_cb (GtkButton    *button,
           SfPeoplePage *self)
{
  SfPerson *person = g_object_get_data (G_OBJECT (button), "person");
  GtkWidget *dialog, *entry;

  dialog = sf_ui_ask_text (parent_window (self), _("Rename Person"),
                           _("The new name shows on every deal the person owns."),
                           sf_person_get_name (person), _("Name"), "rename", _("_Rename"), FALSE,
                           renamed_cb, self, &entry);
  gtk_widget_set_name (dialog, "rename_person_dialog");
  gtk_widget_set_name (entry, "rename_person_entry");
  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
}

static void
passphrase_cb (GtkButton    *button,
               SfPeoplePage *self)
{
  SfPerson *person = g_object_get_data (G_OBJECT (button), "person");

  gtk_window_present (GTK_WINDOW (sf_passphrase_dialog_new (parent_window (self), self->pipeline,
                                                            person, NULL)));
}

static void
active_cb (GtkSwitch    *toggle,
           GParamSpec   *pspec,
           SfPeoplePage *self)
{
  g_autoptr(GError) error = NULL;
  SfPerson *person = g_object_get_data (G_OBJECT (toggle), "person");
  gboolean active = gtk_switch_get_active (toggle);

  if (active == sf_person_get_active (person))
    return;

  if (!sf_pipeline_set_person_active (self->pipeline, person, active, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Change Was Not Saved"), error);
      gtk_switch_set_active (toggle, sf_person_get_active (person));
    }
}

static GtkWidget *
suffix_button (const char   *icon,
               const char   *tooltip,
               const char   *name,
               SfPerson     *person,
               GCallback     callback,
               SfPeoplePage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "person", g_object_ref (person), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static void
update_row (GtkWidget *row,
            SfPerson  *person)
{
  g_autofree char *subtitle = describe (person);
  GtkWidget *passphrase = g_object_get_data (G_OBJECT (row), "passphrase-button");

  if (passphrase != NULL)
    {
      const char *tooltip = sf_person_get_has_passphrase (person) ? _("Change Passphrase…")
                                                                  : _("Set Passphrase…");

      gtk_widget_set_tooltip_text (passphrase, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (passphrase), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sf_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (sf_person_get_active (person))
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
}

static void
person_changed_cb (GtkWidget  *row,
                   GParamSpec *pspec,
                   SfPerson   *person)
{
  update_row (row, person);
}

static GtkWidget *
build_row (SfPeoplePage *self,
           SfPerson     *person)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, sf_person_get_name (person), TRUE);
  GtkWidget *toggle = gtk_switch_new ();
  gboolean is_me = sf_person_get_id (person) == sf_pipeline_get_actor (self->pipeline);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  g_object_bind_property (person, "name", avatar, "text", G_BINDING_DEFAULT);

  if (sf_person_get_role (person) == SF_ROLE_MANAGER)
    {
      GtkWidget *button = suffix_button ("dialog-password-symbolic", _("Set Passphrase…"),
                                         "person_passphrase", person,
                                         G_CALLBACK (passphrase_cb), self);

      g_object_set_data (G_OBJECT (row), "passphrase-button", button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button ("document-edit-symbolic", _("Rename…"),
                                            "person_rename", person, G_CALLBACK (rename_cb), self));

  gtk_widget_set_name (toggle, "person_active");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), sf_person_get_active (person));
  gtk_widget_set_sensitive (toggle, !is_me);
  gtk_widget_set_tooltip_text (toggle, is_me ? _("You are using Salesflow; another person can deactivate you")
                                             : _("Active: can be chosen as owner, requester or approver"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Active"), -1);
  g_object_set_data_full (G_OBJECT (toggle), "person", g_object_ref (person), g_object_unref);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (active_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

  update_row (row, person);
  g_signal_connect_object (person, "notify", G_CALLBACK (person_changed_cb), row, G_CONNECT_SWAPPED);
  return row;
}

static void
rebuild (SfPeoplePage *self)
{
  GListModel *persons = sf_pipeline_get_persons (self->pipeline);
  guint n = g_list_model_get_n_items (persons);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);
      GtkWidget *row = build_row (self, person);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_cb (SfPeoplePage *self)
{
  gtk_window_present (GTK_WINDOW (sf_person_dialog_new (parent_window (self), self->pipeline)));
}

static void
sf_people_page_dispose (GObject *object)
{
  SfPeoplePage *self = (SfPeoplePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_people_page_parent_class)->dispose (object);
}

static void
sf_people_page_class_init (SfPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPeoplePage, group);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
}

static void
sf_people_page_init (SfPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  /* AdwPreferencesPage:name is the page's name in the window; this one
   * is the widget's, which tests look for. */
  gtk_widget_set_name (GTK_WIDGET (self), "people_page");
}

/**
 * sf_people_page_new:
 *
 * Returns: (transfer floating): the page, following @pipeline's people
 */
SfPeoplePage *
sf_people_page_new (SfPipeline *pipeline)
{
  SfPeoplePage *self = g_object_new (SF_TYPE_PEOPLE_PAGE, NULL);

  self->pipeline = g_object_ref (pipeline);
  g_signal_connect_object (sf_pipeline_get_persons (pipeline), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

/**
 * sf_people_page_find_row:
 *
 * Returns: (transfer none) (nullable): the row of the person called @name
 */
GtkWidget *
sf_people_page_find_row (SfPeoplePage *self,
                         const char   *name)
{
  g_return_val_if_fail (SF_IS_PEOPLE_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      SfPerson *person = g_object_get_data (G_OBJECT (row), "person");

      if (g_strcmp0 (sf_person_get_name (person), name) == 0)
        return row;
    }

  return NULL;
}
