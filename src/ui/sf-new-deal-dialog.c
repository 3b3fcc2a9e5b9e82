/* sf-new-deal-dialog.c — create a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks as the user types: Create stays insensitive until there is a
 * title, and an amount that does not read as money in the user's locale,
 * or a malformed e-mail address, is named under the form. The deal is
 * stored in one transaction with the template's checklist.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-new-deal-dialog.h"
#include "sf-ui-util.h"
#include "sf-workflow.h"

struct _SfNewDealDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *create_button;
  AdwEntryRow *title_row;
  AdwEntryRow *customer_row;
  AdwEntryRow *value_row;
  GtkDropDown *currency_dropdown;
  AdwComboRow *owner_row;
  GtkMenuButton *close_button;
  GtkCalendar *close_calendar;
  AdwEntryRow *contact_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
  GtkLabel *error_label;

  /* owned */
  SfPipeline *pipeline;
  GtkStringList *currencies;
  guint expected_close;
};

G_DEFINE_FINAL_TYPE (SfNewDealDialog, sf_new_deal_dialog, ADW_TYPE_WINDOW)

static const char *
currency (SfNewDealDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->currency_dropdown);

  return i == GTK_INVALID_LIST_POSITION ? "EUR" : gtk_string_list_get_string (self->currencies, i);
}

/* Returns the first problem with the form, or NULL. */
static GError *
check (SfNewDealDialog *self,
       SfMoney         *value)
{
  GError *error = NULL;
  const char *amount = gtk_editable_get_text (GTK_EDITABLE (self->value_row));

  if (!sf_workflow_check_title (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), &error))
    return error;

  if (*amount == '\0')
    sf_money_init (value, 0, currency (self));
  else if (!sf_money_parse (amount, currency (self), value, &error))
    return error;

  if (!sf_workflow_check_email (gtk_editable_get_text (GTK_EDITABLE (self->email_row)), &error))
    return error;

  return NULL;
}

static void
changed_cb (SfNewDealDialog *self)
{
  g_autoptr(GError) error = NULL;
  SfMoney value;
  gboolean has_title = *gtk_editable_get_text (GTK_EDITABLE (self->title_row)) != '\0';

  error = check (self, &value);
  gtk_widget_set_sensitive (self->create_button, error == NULL);

  /* An empty title is plain to see; other problems are spelled out. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && has_title);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

static void
update_close_label (SfNewDealDialog *self)
{
  g_autofree char *date = sf_format_date (self->expected_close);

  gtk_menu_button_set_label (self->close_button, *date ? date : C_("date", "None"));
}

static void
day_selected_cb (SfNewDealDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->close_calendar);

  self->expected_close = sf_date_from_ymd (g_date_time_get_year (date),
                                           g_date_time_get_month (date),
                                           g_date_time_get_day_of_month (date));
  update_close_label (self);
  gtk_menu_button_popdown (self->close_button);
}

/**
 * sf_new_deal_dialog_create:
 *
 * Stores the deal as filled in and closes the dialog; on failure shows
 * why and keeps everything typed.
 *
 * Returns: whether the deal was created
 */
gboolean
sf_new_deal_dialog_create (SfNewDealDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = NULL;
  SfPerson *owner;
  SfMoney value;

  g_return_val_if_fail (SF_IS_NEW_DEAL_DIALOG (self), FALSE);

  error = check (self, &value);
  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  deal = sf_deal_new ();
  sf_deal_set_title (deal, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  sf_deal_set_customer (deal, gtk_editable_get_text (GTK_EDITABLE (self->customer_row)));
  sf_deal_set_value (deal, &value);
  sf_deal_set_contact_name (deal, gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));
  sf_deal_set_contact_email (deal, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  sf_deal_set_contact_phone (deal, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  sf_deal_set_expected_close (deal, self->expected_close);
  owner = adw_combo_row_get_selected_item (self->owner_row);
  if (owner != NULL)
    sf_deal_set_owner_id (deal, sf_person_get_id (owner));

  if (!sf_pipeline_create_deal (self->pipeline, deal, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  /* The dialog is a window of its own; win.* lives on its parent. */
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                                "win.open-deal", "x", sf_deal_get_id (deal));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
create_cb (SfNewDealDialog *self)
{
  sf_new_deal_dialog_create (self);
}

static void
sf_new_deal_dialog_dispose (GObject *object)
{
  SfNewDealDialog *self = (SfNewDealDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_NEW_DEAL_DIALOG);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->currencies);

  G_OBJECT_CLASS (sf_new_deal_dialog_parent_class)->dispose (object);
}

static void
sf_new_deal_dialog_class_init (SfNewDealDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_new_deal_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-new-deal-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfNewDealDialog, name)
  CHILD (create_button);
  CHILD (title_row);
  CHILD (customer_row);
  CHILD (value_row);
  CHILD (currency_dropdown);
  CHILD (owner_row);
  CHILD (close_button);
  CHILD (close_calendar);
  CHILD (contact_row);
  CHILD (email_row);
  CHILD (phone_row);
  CHILD (error_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_new_deal_dialog_init (SfNewDealDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->currencies = gtk_string_list_new ((const char * const *) sf_currency_get_codes ());
  gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (self->currencies));
  gtk_drop_down_set_expression (self->currency_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_swapped (self->currency_dropdown, "notify::selected", G_CALLBACK (changed_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  update_close_label (self);
}

/**
 * sf_new_deal_dialog_new:
 * @owner_id: who owns the deal unless changed: the person using the app
 *
 * Returns: (transfer none): the dialog, modal over @parent
 */
SfNewDealDialog *
sf_new_deal_dialog_new (GtkWindow  *parent,
                        SfPipeline *pipeline,
                        gint64      owner_id)
{
  SfNewDealDialog *self = g_object_new (SF_TYPE_NEW_DEAL_DIALOG, "transient-for", parent, NULL);
  GListModel *persons = sf_pipeline_get_persons (pipeline);
  const char * const *codes = sf_currency_get_codes ();
  const char *code = sf_ui_default_currency (sf_ui_get_settings ());
  guint n;

  self->pipeline = g_object_ref (pipeline);

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      gtk_drop_down_set_selected (self->currency_dropdown, i);

  adw_combo_row_set_expression (self->owner_row,
                                gtk_property_expression_new (SF_TYPE_PERSON, NULL, "name"));
  adw_combo_row_set_model (self->owner_row, persons);
  n = g_list_model_get_n_items (persons);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);

      if (sf_person_get_id (person) == owner_id)
        adw_combo_row_set_selected (self->owner_row, i);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
