/* sf-preferences-window.c — the team's checklist and the user's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * General: the currency of new deals, the stale threshold and the days of
 * the customer follow-ups (GSettings, per user) and the stage
 * probabilities (in the database, for the team).
 * Checklist and Lost Reasons: the team-editable lists. Built-in entries
 * can be renamed and hidden and keep their translations; entries a team
 * adds can be removed. Every change is one transaction; the page is
 * rebuilt from the store after it, so it always shows what is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-people-page.h"
#include "sf-preferences-window.h"
#include "sf-satisfaction-util.h"
#include "sf-ui-util.h"

struct _SfPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwComboRow *currency_row;
  GtkSpinButton *stale_spin;
  GtkLabel *stale_unit;
  AdwEntryRow *follow_ups_row;
  GtkLabel *follow_ups_error;
  AdwPreferencesGroup *probability_group;
  AdwPreferencesPage *checklist_page;
  AdwPreferencesGroup *reasons_group;

  /* owned */
  SfPipeline *pipeline;
  GtkStringList *currencies;

  /* borrowed: built from the store */
  GPtrArray *checklist_groups;
  GPtrArray *reason_rows;
};

G_DEFINE_FINAL_TYPE (SfPreferencesWindow, sf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild_lists (SfPreferencesWindow *self);

/* General */

static void
currency_selected_cb (SfPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->currency_row);

  g_settings_set_string (sf_ui_get_settings (), "default-currency",
                         i == 0 || i == GTK_INVALID_LIST_POSITION
                         ? "" : gtk_string_list_get_string (self->currencies, i));
}

static void
stale_changed_cb (SfPreferencesWindow *self)
{
  int days = gtk_spin_button_get_value_as_int (self->stale_spin);

  gtk_label_set_text (self->stale_unit, g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: after the number of days in Preferences */
                                                     "day", "days", days));
}

/* The follow-up offsets as stored, written back in the row: what was
 * applied reads as the app understood it. */
static void
show_follow_ups (SfPreferencesWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (sf_ui_get_settings (), "follow-up-offsets");
  gsize n_days = 0;
  const gint32 *days = g_variant_get_fixed_array (value, &n_days, sizeof (gint32));
  g_autofree char *text = sf_follow_up_format_offsets (days, n_days);

  gtk_editable_set_text (GTK_EDITABLE (self->follow_ups_row), text);
  /* Setting the text reveals the apply button; this hides it again. */
  adw_entry_row_set_show_apply_button (self->follow_ups_row, FALSE);
  adw_entry_row_set_show_apply_button (self->follow_ups_row, TRUE);
}

static void
follow_ups_apply_cb (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = sf_follow_up_parse_offsets (gtk_editable_get_text (GTK_EDITABLE (self->follow_ups_row)),
                                                       &error);
  GtkWidget *row = GTK_WIDGET (self->follow_ups_row);

  gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_error), days == NULL);
  if (days == NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (self->follow_ups_error, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
      return;
    }

  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_settings_set_value (sf_ui_get_settings (), "follow-up-offsets",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, days->data, days->len,
                                                   sizeof (gint32)));
  show_follow_ups (self);
}

static void
probability_changed_cb (GtkSpinButton       *spin,
                        SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "stage"));

  if (!sf_pipeline_set_stage_probability (self->pipeline, stage, gtk_spin_button_get_value_as_int (spin),
                                          &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Probability Was Not Saved"), error);
}

static void
build_probabilities (SfPreferencesWindow *self)
{
  const int *probabilities = sf_pipeline_get_stage_probabilities (self->pipeline);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);
      GtkWidget *unit = gtk_label_new ("%");
      g_autofree char *name = g_strdup_printf ("pref_probability_%s", sf_stage_get_key (s));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sf_stage_get_name (s));
      gtk_widget_set_name (spin, name);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), probabilities[s]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sf_stage_get_name (s), -1);
      g_object_set_data (G_OBJECT (spin), "stage", GINT_TO_POINTER (s));
      g_signal_connect (spin, "value-changed", G_CALLBACK (probability_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_preferences_group_add (self->probability_group, row);
    }
}

/* The lists */

static void
report (SfPreferencesWindow *self,
        gboolean             ok,
        GError              *error)
{
  if (!ok)
    sf_ui_show_error (GTK_WIDGET (self), _("The Change Was Not Saved"), error);
  rebuild_lists (self);
}

static void
move_cb (GtkButton           *button,
         SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  report (self, sf_pipeline_move_template_entry (self->pipeline, entry, delta, &error), error);
}

static void
required_cb (GtkCheckButton      *check,
             SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (check), "entry");

  if (gtk_check_button_get_active (check) == sf_template_entry_get_required (entry))
    return;

  report (self, sf_pipeline_set_template_entry_required (self->pipeline, entry,
                                                      gtk_check_button_get_active (check), &error),
          error);
}

static void
hide_cb (GtkButton           *button,
         SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  report (self, sf_pipeline_set_template_entry_hidden (self->pipeline, entry,
                                                    !sf_template_entry_get_hidden (entry), &error),
          error);
}

static void
remove_cb (GtkButton           *button,
           SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  report (self, sf_pipeline_remove_template_entry (self->pipeline, entry, &error), error);
}

/* One dialog asks for a text: a new entry (no entry yet) or a new name. */
static void
text_cb (GtkWidget  *dialog,
         const char *text,
         gpointer    owner)
{
  SfPreferencesWindow *self = owner;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfTemplateEntry) added = NULL;
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  SfTemplateList list = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "list"));
  SfStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "stage"));

  if (entry != NULL)
    report (self, sf_pipeline_rename_template_entry (self->pipeline, entry, text, &error), error);
  else
    {
      added = sf_pipeline_add_template_entry (self->pipeline, list, stage, text, &error);
      report (self, added != NULL, error);
    }
}

static void
ask_text (SfPreferencesWindow *self,
          const char          *heading,
          const char          *body,
          SfTemplateEntry     *entry,
          SfTemplateList       list,
          SfStage              stage)
{
  GtkWidget *dialog = sf_ui_ask_text (GTK_WINDOW (self), heading, body,
                                      entry ? sf_template_entry_get_display_title (entry) : NULL,
                                      heading, "save", _("_Save"), FALSE, text_cb, self, NULL);

  if (entry != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "list", GINT_TO_POINTER (list));
  g_object_set_data (G_OBJECT (dialog), "stage", GINT_TO_POINTER (stage));
}

static void
rename_cb (GtkButton           *button,
           SfPreferencesWindow *self)
{
  SfTemplateEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  ask_text (self, _("Rename"),
            sf_template_entry_get_key (entry)
            ? _("Leave the name empty to use the built-in name in each user’s language.") : NULL,
            entry, sf_template_entry_get_list (entry), sf_template_entry_get_stage (entry));
}

static void
add_job_cb (GtkButton           *button,
            SfPreferencesWindow *self)
{
  SfStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "stage"));

  ask_text (self, _("Add Job"), _("New deals will have this job in the chosen stage."),
            NULL, SF_TEMPLATE_LIST_CHECKLIST, stage);
}

static void
add_reason_cb (SfPreferencesWindow *self)
{
  ask_text (self, _("Add Lost Reason"), NULL, NULL, SF_TEMPLATE_LIST_LOST_REASONS, SF_STAGE_FIRST);
}

static GtkWidget *
icon_button (const char          *icon,
             const char          *tooltip,
             SfTemplateEntry     *entry,
             GCallback            callback,
             SfPreferencesWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
build_row (SfPreferencesWindow *self,
           SfTemplateEntry     *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *up, *down;
  gboolean manual = sf_template_entry_get_kind (entry) == SF_JOB_KIND_MANUAL;
  gboolean checklist = sf_template_entry_get_list (entry) == SF_TEMPLATE_LIST_CHECKLIST;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sf_template_entry_get_display_title (entry));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (sf_template_entry_get_hidden (entry))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Hidden: not used for new deals"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  else if (!manual)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 sf_template_entry_get_kind (entry) == SF_JOB_KIND_SATISFACTION
                                 ? _("Done by recording the customer’s verdict")
                                 : _("Done by a manager’s approval"));

  if (checklist && manual)
    {
      GtkWidget *required = gtk_check_button_new_with_label (_("Required"));

      gtk_widget_set_valign (required, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (required), sf_template_entry_get_required (entry));
      gtk_widget_set_tooltip_text (required, _("A deal cannot move on while a required job is open"));
      g_object_set_data_full (G_OBJECT (required), "entry", g_object_ref (entry), g_object_unref);
      g_signal_connect (required, "toggled", G_CALLBACK (required_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), required);
    }

  up = icon_button ("go-up-symbolic", _("Move Up"), entry, G_CALLBACK (move_cb), self);
  down = icon_button ("go-down-symbolic", _("Move Down"), entry, G_CALLBACK (move_cb), self);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Rename"), entry,
                                          G_CALLBACK (rename_cb), self));
  if (manual)
    {
      if (sf_template_entry_get_key (entry) != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   icon_button (sf_template_entry_get_hidden (entry)
                                                ? "view-reveal-symbolic" : "view-conceal-symbolic",
                                                sf_template_entry_get_hidden (entry) ? _("Show") : _("Hide"),
                                                entry, G_CALLBACK (hide_cb), self));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   icon_button ("user-trash-symbolic", _("Remove"), entry,
                                                G_CALLBACK (remove_cb), self));
    }

  return row;
}

static void
rebuild_lists (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = sf_pipeline_list_template (self->pipeline, SF_TEMPLATE_LIST_CHECKLIST, TRUE, &error);
  g_autoptr(GPtrArray) reasons = sf_pipeline_list_template (self->pipeline, SF_TEMPLATE_LIST_LOST_REASONS, TRUE, &error);
  AdwPreferencesGroup *groups[SF_N_STAGES];

  for (guint i = 0; i < self->checklist_groups->len; i++)
    adw_preferences_page_remove (self->checklist_page, g_ptr_array_index (self->checklist_groups, i));
  g_ptr_array_set_size (self->checklist_groups, 0);
  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_preferences_group_remove (self->reasons_group, g_ptr_array_index (self->reason_rows, i));
  g_ptr_array_set_size (self->reason_rows, 0);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      g_autofree char *title = g_strdup_printf ("%d. %s", s + 1, sf_stage_get_name (s));
      GtkWidget *add = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      groups[s] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[s], title);
      /* AdwPreferencesPage has no description before libadwaita 1.4. */
      if (s == SF_STAGE_FIRST)
        adw_preferences_group_set_description (groups[s],
                                               _("The jobs every new deal starts with. Existing deals keep their own checklist."));
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Job…"));
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (add), "stage", GINT_TO_POINTER (s));
      g_signal_connect (add, "clicked", G_CALLBACK (add_job_cb), self);
      adw_preferences_group_set_header_suffix (groups[s], add);
      adw_preferences_page_add (self->checklist_page, groups[s]);
      g_ptr_array_add (self->checklist_groups, groups[s]);
    }

  for (guint i = 0; jobs && i < jobs->len; i++)
    {
      SfTemplateEntry *entry = g_ptr_array_index (jobs, i);

      adw_preferences_group_add (groups[sf_template_entry_get_stage (entry)], build_row (self, entry));
    }

  for (guint i = 0; reasons && i < reasons->len; i++)
    {
      GtkWidget *row = build_row (self, g_ptr_array_index (reasons, i));

      adw_preferences_group_add (self->reasons_group, row);
      g_ptr_array_add (self->reason_rows, row);
    }

  if (error != NULL)
    sf_ui_show_error (GTK_WIDGET (self), _("The Lists Could Not Be Read"), error);
}

static void
sf_preferences_window_dispose (GObject *object)
{
  SfPreferencesWindow *self = (SfPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->currencies);
  g_clear_pointer (&self->checklist_groups, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_preferences_window_parent_class)->dispose (object);
}

static void
sf_preferences_window_class_init (SfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, stale_spin);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, stale_unit);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, follow_ups_row);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, follow_ups_error);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, probability_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, checklist_page);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, reasons_group);
  gtk_widget_class_bind_template_callback (widget_class, add_reason_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_ups_apply_cb);
}

static void
sf_preferences_window_init (SfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checklist_groups = g_ptr_array_new ();
  self->reason_rows = g_ptr_array_new ();
}

static void
fill_currencies (SfPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (sf_ui_get_settings (), "default-currency");
  const char * const *codes = sf_currency_get_codes ();
  g_autofree char *automatic = NULL;
  guint selected = 0;

  /* Translators: the currency that follows the user's language; %s is
   * its code, such as “EUR” */
  automatic = g_strdup_printf (_("Automatic (%s)"), sf_ui_default_currency (NULL));
  self->currencies = gtk_string_list_new (NULL);
  gtk_string_list_append (self->currencies, automatic);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (self->currencies, codes[i]);
      if (g_str_equal (codes[i], chosen))
        selected = i + 1;
    }

  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
  adw_combo_row_set_selected (self->currency_row, selected);
  g_signal_connect_swapped (self->currency_row, "notify::selected", G_CALLBACK (currency_selected_cb), self);
}

/**
 * sf_preferences_window_new:
 *
 * Returns: (transfer none): the preferences of @pipeline, over @parent
 */
SfPreferencesWindow *
sf_preferences_window_new (GtkWindow  *parent,
                           SfPipeline *pipeline)
{
  SfPreferencesWindow *self = g_object_new (SF_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);

  self->pipeline = g_object_ref (pipeline);
  fill_currencies (self);
  g_settings_bind (sf_ui_get_settings (), "stale-days",
                   gtk_spin_button_get_adjustment (self->stale_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->stale_spin, "value-changed", G_CALLBACK (stale_changed_cb), self);
  stale_changed_cb (self);
  show_follow_ups (self);
  build_probabilities (self);
  rebuild_lists (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sf_people_page_new (pipeline)));

  return self;
}
