/* sf-welcome-page.c — the first run on an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks who is using Salesflow (stored as a person, the owner of the deals
 * they create) and offers to start with a new deal or with the sample
 * pipeline, or to import deals from a spreadsheet's file. The buttons
 * activate win.start-new, win.start-sample and win.start-import; the
 * window does the work.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-welcome-page.h"

struct _SfWelcomePage
{
  GtkWidget parent_instance;

  GtkWidget *status_page;
  AdwEntryRow *name_row;
  GtkWidget *new_deal_button;
  GtkWidget *sample_button;
  GtkWidget *import_button;
};

G_DEFINE_FINAL_TYPE (SfWelcomePage, sf_welcome_page, GTK_TYPE_WIDGET)

static gboolean
has_name (SfWelcomePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return *name != '\0';
}

static void
name_changed_cb (SfWelcomePage *self)
{
  gboolean ok = has_name (self);

  gtk_widget_set_sensitive (self->new_deal_button, ok);
  gtk_widget_set_sensitive (self->sample_button, ok);
  gtk_widget_set_sensitive (self->import_button, ok);
}

static void
new_deal_cb (SfWelcomePage *self)
{
  if (has_name (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.start-new", NULL);
}

static void
sample_cb (SfWelcomePage *self)
{
  if (has_name (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.start-sample", NULL);
}

static void
import_cb (SfWelcomePage *self)
{
  if (has_name (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.start-import", NULL);
}

static void
sf_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SF_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sf_welcome_page_parent_class)->dispose (object);
}

static gboolean
sf_welcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SF_WELCOME_PAGE (widget)->name_row));
}

static void
sf_welcome_page_class_init (SfWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_welcome_page_dispose;
  widget_class->grab_focus = sf_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SfWelcomePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SfWelcomePage, new_deal_button);
  gtk_widget_class_bind_template_child (widget_class, SfWelcomePage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, SfWelcomePage, import_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_deal_cb);
  gtk_widget_class_bind_template_callback (widget_class, sample_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_welcome_page_init (SfWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sf_welcome_page_get_name:
 *
 * Returns: (transfer none): the name typed in
 */
const char *
sf_welcome_page_get_name (SfWelcomePage *self)
{
  g_return_val_if_fail (SF_IS_WELCOME_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}
