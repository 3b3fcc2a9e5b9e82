/* sf-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window draws first and loads after: the store is already open, the
 * deals arrive from a worker thread (SfPipeline), and meanwhile a spinner
 * shows. An empty database greets the user (SfWelcomePage); otherwise the
 * Pipeline board and the Deals list share one model.
 *
 * Every change to a deal that other widgets ask for comes through the
 * window's actions, which take the deal's id (win.advance, win.move-back,
 * win.mark-lost, win.restore, win.delete, win.open-deal). They ask for
 * reasons where the workflow needs one, run the change as one
 * transaction, say what happened in a toast with Undo, and show a refusal
 * — the jobs still open, a full disk — without changing anything.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-approvals-view.h"
#include "sf-board-view.h"
#include "sf-deals-view.h"
#include "sf-feedback-dialog.h"
#include "sf-new-deal-dialog.h"
#include "sf-person-chooser.h"
#include "sf-profile.h"
#include "sf-reasons.h"
#include "sf-satisfaction-view.h"
#include "sf-ui-util.h"
#include "sf-verdict-dialog.h"
#include "sf-welcome-page.h"
#include "sf-window-private.h"
#include "sf-workflow.h"

G_DEFINE_FINAL_TYPE (SfWindow, sf_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const file_actions[] = {
  "win.import-deals", "win.export-deals", "win.export-calendar", "win.backup",
};

static void
update_actions (SfWindow *self)
{
  gboolean ready = self->ready;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 ready && sf_undo_stack_get_can_undo (sf_pipeline_get_undo_stack (self->pipeline)));
  gtk_widget_set_visible (self->new_deal_button, ready);
  gtk_widget_set_visible (self->undo_button, ready);
  gtk_widget_set_visible (self->me_button, ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-user", ready);
  /* Without a database (the error page) there is nothing to import into,
   * export or back up; the welcome page may import into its new one and
   * back it up, but has nothing to export yet. */
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), file_actions[i],
                                   self->pipeline != NULL &&
                                   (ready || !g_str_has_prefix (file_actions[i], "win.export-")));
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, ready);
  /* The welcome page has no tabs: the bar, shown when the title is too
   * narrow for the switcher, would otherwise offer them there. */
  gtk_widget_set_visible (self->switcher_bar, ready);
}

static SfDeal *
lookup (SfWindow *self,
        GVariant *parameter)
{
  if (self->pipeline == NULL || parameter == NULL)
    return NULL;

  return sf_pipeline_lookup_deal (self->pipeline, g_variant_get_int64 (parameter));
}

/* "“Fjordkraft CRM” moved to Qualified" — with Undo; takes @text. */
static void
toast_undo (SfWindow *self,
            char     *text)
{
  sf_ui_toast (GTK_WIDGET (self), text, TRUE);
  g_free (text);
}

/* Who is using the app */

static gint64
remembered_person (SfWindow *self)
{
  g_autoptr(GVariant) map = g_settings_get_value (sf_ui_get_settings (), "last-person");
  gint64 id = 0;

  g_variant_lookup (map, sf_pipeline_get_key (self->pipeline), "x", &id);
  return id;
}

static void
remember_person (SfWindow *self,
                 gint64    id)
{
  g_autoptr(GVariant) old = g_settings_get_value (sf_ui_get_settings (), "last-person");
  const char *key = sf_pipeline_get_key (self->pipeline);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  gint64 value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sx}", &name, &value))
    if (!g_str_equal (name, key))
      g_variant_builder_add (&builder, "{sx}", name, value);
  g_variant_builder_add (&builder, "{sx}", key, id);
  g_settings_set_value (sf_ui_get_settings (), "last-person", g_variant_builder_end (&builder));
}

/* @remember: FALSE while the person is only a stand-in until asked */
static void
use_person (SfWindow *self,
            gint64    id,
            gboolean  remember)
{
  SfPerson *person = sf_pipeline_lookup_person (self->pipeline, id);
  g_autofree char *tooltip = NULL;

  self->me = id;
  sf_pipeline_set_actor (self->pipeline, id);
  sf_deals_view_set_me (self->deals_view, id);
  if (remember)
    remember_person (self, id);

  adw_avatar_set_text (self->me_avatar, person ? sf_person_get_name (person) : NULL);
  /* Translators: the tooltip of the avatar in the header bar; %s is the
   * person using Salesflow */
  tooltip = g_strdup_printf (_("%s — Switch User"), person ? sf_person_get_name (person) : "—");
  gtk_widget_set_tooltip_text (self->me_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->me_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
}

static void
set_me (SfWindow *self,
        gint64    id)
{
  use_person (self, id, TRUE);
}

/* The person used last on this database; else the only active one; with
 * several and none remembered, the first stands in until the user says
 * who they are (self->ask_me). */
static void
choose_me (SfWindow *self)
{
  GListModel *persons = sf_pipeline_get_persons (self->pipeline);
  gint64 remembered = remembered_person (self), first = 0;
  guint n = g_list_model_get_n_items (persons), active = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);

      if (!sf_person_get_active (person))
        continue;
      if (sf_person_get_id (person) == remembered)
        {
          set_me (self, remembered);
          return;
        }
      if (first == 0)
        first = sf_person_get_id (person);
      active++;
    }

  self->ask_me = active > 1;
  use_person (self, first, !self->ask_me);
}

/* Loading */

static void
show_main (SfWindow *self)
{
  g_autofree char *view = g_settings_get_string (sf_ui_get_settings (), "last-view");

  self->ready = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, view);
  update_actions (self);
}

static void
loaded_cb (SfWindow *self)
{
  gtk_spinner_stop (self->spinner);

  if (g_list_model_get_n_items (sf_pipeline_get_persons (self->pipeline)) == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
      return;
    }

  /* A reload (after an import) brings new deal objects: show none of
   * the old ones. */
  sf_deal_pane_set_deal (sf_deals_view_get_pane (self->deals_view), NULL);
  choose_me (self);
  show_main (self);
  if (self->ask_me)
    {
      self->ask_me = FALSE;
      gtk_window_present (GTK_WINDOW (sf_person_chooser_new (self, TRUE)));
    }
}

/* The description is Pango markup; the message names a file, whose name
 * may hold “&” or “<”. */
static void
show_error_page (SfWindow   *self,
                 const char *message)
{
  g_autofree char *escaped = message ? g_markup_escape_text (message, -1) : NULL;

  gtk_spinner_stop (self->spinner);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
load_failed_cb (SfWindow     *self,
                const GError *error)
{
  show_error_page (self, error->message);
}

static void
view_changed_cb (SfWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->ready && name != NULL)
    g_settings_set_string (sf_ui_get_settings (), "last-view", name);
}

/* Actions */

static void
new_deal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  if (!self->ready)
    return;

  gtk_window_present (GTK_WINDOW (sf_new_deal_dialog_new (GTK_WINDOW (self), self->pipeline, self->me)));
}

/* Undoes the newest action, or only the one @serial names (a toast's
 * Undo). A deal brought back from a delete is selected and shown, as it
 * was before. */
static void
undo (SfWindow *self,
      guint64   serial)
{
  g_autoptr(GError) error = NULL;
  guint64 newest;
  SfDeal *deal;

  if (self->pipeline == NULL)
    return;

  newest = sf_undo_stack_get_serial (sf_pipeline_get_undo_stack (self->pipeline));
  if (serial == 0)
    serial = newest;
  if (!sf_pipeline_undo_serial (self->pipeline, serial, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Action Could Not Be Undone"), error);
      return;
    }

  if (serial == newest && serial == self->deleted_serial &&
      (deal = sf_pipeline_lookup_deal (self->pipeline, self->deleted_id)) != NULL)
    sf_deals_view_select_deal (self->deals_view, deal);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (SF_WINDOW (widget), 0);
}

/* The Undo of a toast: the action the toast names, or nothing. */
static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  guint64 serial = g_variant_get_uint64 (parameter);

  if (serial != 0)
    undo (SF_WINDOW (widget), serial);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "deals");
  sf_deals_view_focus_search (self->deals_view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  if (self->ready)
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfDeal *deal = lookup (self, parameter);

  if (deal == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "deals");
  sf_deals_view_select_deal (self->deals_view, deal);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SfDeal *deal = lookup (self, parameter);

  if (deal == NULL)
    return;

  if (!sf_pipeline_advance (self->pipeline, deal, &error))
    {
      /* On the board the card stays where it was; the toast says why. */
      if (g_error_matches (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED))
        {
          g_autoptr(GPtrArray) jobs = sf_pipeline_list_jobs (self->pipeline, deal, NULL);
          g_autoptr(GPtrArray) blockers = jobs ? sf_workflow_get_blockers (deal, jobs, sf_deal_get_stage (deal)) : NULL;
          g_autofree char *list = NULL;
          g_autofree char *text = NULL;
          GString *joined = g_string_new (NULL);

          for (guint i = 0; blockers && i < blockers->len; i++)
            g_string_append_printf (joined, "%s%s", i ? "; " : "",
                                    sf_job_get_display_title (g_ptr_array_index (blockers, i)));
          list = g_string_free (joined, FALSE);
          /* Translators: a toast when a deal cannot advance; %s is its
           * title, the second %s the jobs still open, separated by “;” */
          text = g_strdup_printf (_("“%s” stays: still open: %s"), sf_deal_get_title (deal), list);
          sf_ui_toast (widget, text, FALSE);
        }
      else
        sf_ui_show_error (widget, _("The Deal Was Not Moved"), error);
      return;
    }

  /* Translators: a toast; the deal's title and the stage it moved to */
  toast_undo (self, g_strdup_printf (_("“%s” moved to %s"), sf_deal_get_title (deal), sf_stage_get_name (sf_deal_get_stage (deal))));
  sf_board_view_select_deal (self->board_view, deal);
}

static void
moved_back_cb (GtkWidget  *dialog,
               const char *reason,
               gpointer    owner)
{
  SfWindow *self = owner;
  g_autoptr(GError) error = NULL;
  SfDeal *deal = g_object_get_data (G_OBJECT (dialog), "deal");

  if (!sf_pipeline_move_back (self->pipeline, deal, reason, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Deal Was Not Moved"), error);
      return;
    }

  /* Translators: a toast; the deal's title and the stage it moved back to */
  toast_undo (self, g_strdup_printf (_("“%s” moved back to %s"), sf_deal_get_title (deal), sf_stage_get_name (sf_deal_get_stage (deal))));
}



static void
move_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfDeal *deal = lookup (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *entry;

  if (deal == NULL || sf_deal_get_stage (deal) == SF_STAGE_FIRST)
    return;

  /* Translators: a dialog heading; the deal's title and the previous stage */
  heading = g_strdup_printf (_("Move “%s” Back to %s?"), sf_deal_get_title (deal),
                             sf_stage_get_name (sf_deal_get_stage (deal) - 1));
  dialog = sf_ui_ask_text (GTK_WINDOW (self), heading,
                           _("Say why. The reason is kept in the deal’s history."), NULL,
                           _("Reason"), "move", _("_Move Back"), TRUE, moved_back_cb, self, &entry);
  gtk_widget_set_name (dialog, "move_back_dialog");
  gtk_widget_set_name (entry, "reason_entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  g_object_set_data_full (G_OBJECT (dialog), "deal", g_object_ref (deal), g_object_unref);
}

static void
lost_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SfWindow         *self)
{
  g_autoptr(GError) error = NULL;
  GtkDropDown *reasons = g_object_get_data (G_OBJECT (dialog), "reasons");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");
  SfDeal *deal = g_object_get_data (G_OBJECT (dialog), "deal");
  guint chosen = gtk_drop_down_get_selected (reasons);
  SfTemplateEntry *entry;
  const char *reason;

  if (!g_str_equal (response, "lost") || chosen >= entries->len)
    return;

  /* A built-in reason is kept by its key, so it reads in any language. */
  entry = g_ptr_array_index (entries, chosen);
  reason = sf_template_entry_get_title (entry) ? sf_template_entry_get_title (entry)
                                               : sf_template_entry_get_key (entry);

  if (!sf_pipeline_mark_lost (self->pipeline, deal, reason, gtk_editable_get_text (note), &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Deal Was Not Marked as Lost"), error);
      return;
    }

  /* Translators: a toast; %s is the deal's title */
  toast_undo (self, g_strdup_printf (_("“%s” marked as lost"), sf_deal_get_title (deal)));
}

static void
mark_lost_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SfDeal *deal = lookup (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *reasons, *note;

  if (deal == NULL)
    return;

  entries = sf_pipeline_list_template (self->pipeline, SF_TEMPLATE_LIST_LOST_REASONS, FALSE, &error);
  if (entries == NULL)
    {
      sf_ui_show_error (widget, _("The Deal Was Not Marked as Lost"), error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    gtk_string_list_append (names, sf_template_entry_get_display_title (g_ptr_array_index (entries, i)));

  /* Translators: a dialog heading; %s is the deal's title */
  heading = g_strdup_printf (_("Mark “%s” as Lost?"), sf_deal_get_title (deal));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The deal keeps its stage and checklist and can be restored later."));
  gtk_widget_set_name (dialog, "lost_dialog");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  reasons = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_name (reasons, "reason_dropdown");
  gtk_accessible_update_property (GTK_ACCESSIBLE (reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  note = gtk_entry_new ();
  gtk_widget_set_name (note, "note_entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  gtk_box_append (GTK_BOX (box), reasons);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "lost", _("Mark as _Lost"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lost",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "deal", g_object_ref (deal), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "reasons", reasons);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (lost_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SfDeal *deal = lookup (self, parameter);

  if (deal == NULL)
    return;

  if (!sf_pipeline_restore (self->pipeline, deal, &error))
    {
      sf_ui_show_error (widget, _("The Deal Was Not Restored"), error);
      return;
    }

  /* Translators: a toast; %s is the deal's title */
  toast_undo (self, g_strdup_printf (_("“%s” restored"), sf_deal_get_title (deal)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = NULL;

  deal = lookup (self, parameter);
  if (deal == NULL)
    return;
  g_object_ref (deal);

  if (sf_deals_view_get_selected (self->deals_view) == deal)
    sf_deal_pane_set_deal (sf_deals_view_get_pane (self->deals_view), NULL);

  if (!sf_pipeline_delete_deal (self->pipeline, deal, &error))
    {
      sf_ui_show_error (widget, _("The Deal Was Not Deleted"), error);
      return;
    }

  self->deleted_serial = sf_undo_stack_get_serial (sf_pipeline_get_undo_stack (self->pipeline));
  self->deleted_id = sf_deal_get_id (deal);
  /* Translators: a toast; %s is the deal's title */
  toast_undo (self, g_strdup_printf (_("“%s” deleted"), sf_deal_get_title (deal)));
}

/* Customer satisfaction of closed deals */

static void
record_feedback_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfDeal *deal = lookup (self, parameter);

  if (deal != NULL)
    gtk_window_present (GTK_WINDOW (sf_feedback_dialog_new (GTK_WINDOW (self), self->pipeline, deal)));
}

static void
record_verdict_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfDeal *deal = lookup (self, parameter);
  g_autoptr(SfSatisfactionRow) row = NULL;

  if (deal == NULL)
    return;

  /* The current verdict, if any, is offered for correction. */
  row = sf_pipeline_get_satisfaction_row (self->pipeline, deal, NULL);
  gtk_window_present (GTK_WINDOW (sf_verdict_dialog_new (GTK_WINDOW (self), self->pipeline, deal,
                                                         row ? sf_satisfaction_row_get_verdict (row)
                                                             : SF_VERDICT_UNDECIDED,
                                                         row ? sf_satisfaction_row_get_verdict_reason (row)
                                                             : NULL)));
}

/* The team's follow-up offsets are a preference; the store schedules with
 * them when a deal closes. */
static void
follow_up_settings_cb (SfWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sf_follow_up_apply_settings (self->pipeline, sf_ui_get_settings (), &error))
    g_warning ("Follow-up offsets not applied: %s", error->message);
}

static gboolean
start (SfWindow *self,
       gboolean  with_sample)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) person = NULL;

  person = sf_pipeline_add_person (self->pipeline, sf_welcome_page_get_name (self->welcome_page), &error);
  if (person == NULL ||
      (with_sample && !sf_pipeline_create_sample (self->pipeline, sf_person_get_id (person), &error)))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("Salesflow Could Not Start"), error);
      return FALSE;
    }

  set_me (self, sf_person_get_id (person));
  if (with_sample)
    {
      self->ready = FALSE;
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_spinner_start (self->spinner);
      sf_pipeline_load (self->pipeline);
    }
  else
    show_main (self);

  return TRUE;
}

static void
start_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  if (start (self, FALSE))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "deals");
      new_deal_action (widget, NULL, NULL);
    }
}

/* A person moving from a spreadsheet looks for Import first: it starts
 * the pipeline with their name, like New Deal, then asks for the file. */
static void
start_import_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *name = g_strstrip (g_strdup (sf_welcome_page_get_name (self->welcome_page)));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") != 0)
    return;

  if (*name == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
      sf_ui_toast (widget, _("Enter your name first"), FALSE);
      return;
    }

  if (start (self, FALSE))
    gtk_widget_activate_action (widget, "win.import-deals", NULL);
}

static void
start_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  start (SF_WINDOW (widget), TRUE);
}

/* Window state */

static void
save_size (SfWindow *self)
{
  GSettings *settings = sf_ui_get_settings ();
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
sf_window_close_request (GtkWindow *window)
{
  SfWindow *self = SF_WINDOW (window);

  sf_deal_pane_flush (sf_deals_view_get_pane (self->deals_view));
  save_size (self);

  return GTK_WINDOW_CLASS (sf_window_parent_class)->close_request (window);
}

static void
sf_window_dispose (GObject *object)
{
  SfWindow *self = (SfWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_WINDOW);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_window_parent_class)->dispose (object);
}

static void
sf_window_class_init (SfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = sf_window_close_request;

  g_type_ensure (SF_TYPE_APPROVALS_VIEW);
  g_type_ensure (SF_TYPE_BOARD_VIEW);
  g_type_ensure (SF_TYPE_DEALS_VIEW);
  g_type_ensure (SF_TYPE_SATISFACTION_VIEW);
  g_type_ensure (SF_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfWindow, name)
  CHILD (toast_overlay);
  CHILD (new_deal_button);
  CHILD (undo_button);
  CHILD (main_stack);
  CHILD (spinner);
  CHILD (error_page);
  CHILD (welcome_page);
  CHILD (view_stack);
  CHILD (switcher_title);
  CHILD (switcher_bar);
  CHILD (board_view);
  CHILD (deals_view);
  CHILD (approvals_view);
  CHILD (me_button);
  CHILD (me_avatar);
  CHILD (satisfaction_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-deal", NULL, new_deal_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "t", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "win.advance", "x", advance_action);
  gtk_widget_class_install_action (widget_class, "win.move-back", "x", move_back_action);
  gtk_widget_class_install_action (widget_class, "win.mark-lost", "x", mark_lost_action);
  gtk_widget_class_install_action (widget_class, "win.restore", "x", restore_action);
  gtk_widget_class_install_action (widget_class, "win.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "win.start-new", NULL, start_new_action);
  gtk_widget_class_install_action (widget_class, "win.start-sample", NULL, start_sample_action);
  gtk_widget_class_install_action (widget_class, "win.start-import", NULL, start_import_action);
  sf_window_exchange_install_actions (widget_class);
  sf_window_approvals_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.record-feedback", "x", record_feedback_action);
  gtk_widget_class_install_action (widget_class, "win.record-verdict", "x", record_verdict_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-deal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "pipeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "deals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "approvals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "satisfaction");
}

static void
sf_window_init (SfWindow *self)
{
  GSettings *settings = sf_ui_get_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_set_data (G_OBJECT (self), "sf-toast-overlay", self->toast_overlay);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_start (self->spinner);
  self->ready = FALSE;
}

/* While a large pipeline loads, the board shows the first deals of each
 * column (SfPipeline:previewing) when it is the view to come; the other
 * views and the actions wait for the whole pipeline. */
static void
show_preview (SfWindow *self)
{
  g_autofree char *view = g_settings_get_string (sf_ui_get_settings (), "last-view");

  if (!sf_pipeline_get_previewing (self->pipeline) ||
      g_list_model_get_n_items (sf_pipeline_get_persons (self->pipeline)) == 0 ||
      !g_str_equal (view, "pipeline"))
    return;

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/* The deals start loading once the window has drawn its first frame: on
 * two cores the loader's threads would otherwise slow that frame down
 * (docs/performance.md). */
static void
first_frame_cb (GdkFrameClock *clock,
                SfWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->load_started)
    return;

  self->load_started = TRUE;
  sf_pipeline_load (self->pipeline);
  show_preview (self);
}

static void
realize_cb (SfWindow *self)
{
  if (!self->load_started)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
}

/**
 * sf_window_new:
 * @pipeline: (nullable): the open database, or %NULL when it could not be
 *   opened
 * @open_error: (nullable): why @pipeline is %NULL, shown in the window
 *
 * Returns: (transfer none): the window; it loads the pipeline in the
 *   background once it has drawn its first frame
 */
SfWindow *
sf_window_new (AdwApplication *application,
               SfPipeline     *pipeline,
               const GError   *open_error)
{
  SfWindow *self = g_object_new (SF_TYPE_WINDOW, "application", application, NULL);

  if (pipeline == NULL)
    {
      sf_profile_watch_window (GTK_WINDOW (self), NULL);
      show_error_page (self, open_error ? open_error->message : NULL);
      update_actions (self);
      return self;
    }

  self->pipeline = g_object_ref (pipeline);
  sf_board_view_set_pipeline (self->board_view, self->pipeline);
  sf_deals_view_set_pipeline (self->deals_view, self->pipeline);
  sf_approvals_view_set_pipeline (self->approvals_view, self->pipeline);
  follow_up_settings_cb (self);
  g_signal_connect_object (sf_ui_get_settings (), "changed::follow-up-offsets",
                           G_CALLBACK (follow_up_settings_cb), self, G_CONNECT_SWAPPED);
  sf_satisfaction_view_set_pipeline (self->satisfaction_view, self->pipeline);
  g_signal_connect_object (self->pipeline, "notify::loaded", G_CALLBACK (loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pipeline, "load-failed", G_CALLBACK (load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sf_pipeline_get_undo_stack (self->pipeline), "notify::can-undo",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
  sf_profile_watch_window (GTK_WINDOW (self), self->pipeline);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);

  return self;
}

/**
 * sf_window_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the open pipeline
 */
SfPipeline *
sf_window_get_pipeline (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->pipeline;
}

SfDealsView *
sf_window_get_deals_view (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->deals_view;
}

SfBoardView *
sf_window_get_board_view (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->board_view;
}

SfSatisfactionView *
sf_window_get_satisfaction_view (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->satisfaction_view;
}

/**
 * sf_window_get_me:
 *
 * Returns: the person using the window, or 0 before the first run is done
 */
gint64
sf_window_get_me (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), 0);
  return self->me;
}

/**
 * sf_window_is_ready:
 *
 * Returns: whether the pipeline is loaded and shown
 */
gboolean
sf_window_is_ready (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);
  return self->ready;
}

/**
 * sf_window_set_me:
 * @person_id: an active person
 *
 * Makes @person_id the person using Salesflow, remembered for this
 * database.
 */
void
sf_window_set_me (SfWindow *self,
                  gint64    person_id)
{
  g_return_if_fail (SF_IS_WINDOW (self));
  g_return_if_fail (self->pipeline != NULL);

  set_me (self, person_id);
}

SfApprovalsView *
sf_window_get_approvals_view (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->approvals_view;
}

void
sf_window_show_view (SfWindow   *self,
                     const char *name)
{
  g_return_if_fail (SF_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
