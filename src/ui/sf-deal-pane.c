/* sf-deal-pane.c — everything about one deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detail pane beside the deal list: where the deal stands (the six
 * steps), what to do next (advance, or the jobs that block it), the
 * checklist of every stage, the deal's fields edited in place, notes and
 * history. Opening a deal asks the pipeline for its details
 * (sf_pipeline_open_deal()): its notes, and its jobs, history and requests
 * as models the pipeline keeps up to date after every committed change,
 * made here or elsewhere. The pane binds them — the history list is bound
 * to its model, a checklist row is added or removed as its job is — and
 * follows the shown deal and its details with a GBindingGroup and
 * GSignalGroups. Everything that sums the deal up (the header, the
 * blockers, the stage subtitles) is drawn again once per change, when the
 * details' revision grows; no part of the pane reads the store.
 *
 * Field edits are checked before anything is stored: a value that is not
 * an amount in the user's locale, an empty title or a malformed e-mail
 * address is shown beside the field and nothing is saved. The stage
 * buttons act through the window's actions (win.advance …), which own the
 * dialogs, the toasts and undo.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-deal-figures.h"
#include "sf-deal-pane.h"
#include "sf-job-row.h"
#include "sf-reasons.h"
#include "sf-stage-indicator.h"
#include "sf-ui-util.h"
#include "sf-workflow.h"

struct _SfDealPane
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkWidget *scroller;
  GtkLabel *heading_label;
  GtkLabel *status_label;
  GtkLabel *subheading_label;
  SfStageIndicator *indicator;
  GtkWidget *lost_box;
  GtkLabel *lost_label;
  GtkWidget *action_box;
  GtkButton *advance_button;
  GtkWidget *move_back_button;
  GtkWidget *lost_button;
  GtkWidget *delete_button;
  GtkLabel *blockers_label;
  GtkWidget *satisfaction_box;
  AdwPreferencesGroup *checklist_group;
  GtkWidget *add_job_button;
  SfDealFigures *figures;
  AdwEntryRow *title_row;
  AdwEntryRow *customer_row;
  AdwEntryRow *value_row;
  GtkDropDown *currency_dropdown;
  AdwComboRow *owner_row;
  GtkMenuButton *close_button;
  GtkCalendar *close_calendar;
  AdwActionRow *probability_row;
  GtkSpinButton *probability_spin;
  GtkLabel *field_error_label;
  AdwEntryRow *contact_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
  GtkTextView *notes_view;
  GtkListBox *history_list;

  /* owned */
  SfPipeline *pipeline;
  SfDeal *deal;
  SfDealDetails *details;
  GBindingGroup *deal_bindings;
  GSignalGroup *details_signals;
  GSignalGroup *jobs_signals;
  GtkStringList *currencies;
  guint notes_save_id;
  guint probability_save_id;

  /* borrowed: rows in checklist_group; job_rows[i] shows the details'
   * job i */
  AdwExpanderRow *expanders[SF_N_STAGES];
  GPtrArray *job_rows;

  SfStage shown_stage;
  SfDealStatus shown_status;
  SfMoney shown_value;     /* what the Value row was last filled with */
  guint n_refreshes;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (SfDealPane, sf_deal_pane, GTK_TYPE_WIDGET)

static void refresh (SfDealPane *self);

/* Shows a field's problem under the fields, marks the row, saves nothing. */
static void
show_field_error (SfDealPane   *self,
                  GtkWidget    *row,
                  const char   *field,
                  const GError *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), FALSE);
      return;
    }

      /* Translators: a field's name and what is wrong with the value typed */
  text = g_strdup_printf (_("%s: %s"), field, error->message);
  gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->field_error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Setting text reveals AdwEntryRow's apply button; toggling the button's
 * visibility resets that, so a freshly shown deal has nothing to apply. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
save_text (SfDealPane  *self,
           AdwEntryRow *row,
           SfDealField  field,
           const char  *field_name)
{
  g_autoptr(GError) error = NULL;

  if (self->deal == NULL || self->filling)
    return;

  if (!sf_pipeline_set_deal_text (self->pipeline, self->deal, field,
                                  gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_field_error (self, GTK_WIDGET (row), field_name, error);
      return;
    }

  show_field_error (self, GTK_WIDGET (row), field_name, NULL);
}

static void
title_apply_cb (SfDealPane *self)
{
  save_text (self, self->title_row, SF_DEAL_FIELD_TITLE, _("Title"));
}

static void
customer_apply_cb (SfDealPane *self)
{
  save_text (self, self->customer_row, SF_DEAL_FIELD_CUSTOMER, _("Customer"));
}

static void
contact_apply_cb (SfDealPane *self)
{
  save_text (self, self->contact_row, SF_DEAL_FIELD_CONTACT_NAME, _("Contact"));
}

static void
email_apply_cb (SfDealPane *self)
{
  save_text (self, self->email_row, SF_DEAL_FIELD_CONTACT_EMAIL, _("E-mail"));
}

static void
phone_apply_cb (SfDealPane *self)
{
  save_text (self, self->phone_row, SF_DEAL_FIELD_CONTACT_PHONE, _("Phone"));
}

static const char *
selected_currency (SfDealPane *self)
{
  guint i = gtk_drop_down_get_selected (self->currency_dropdown);

  if (i == GTK_INVALID_LIST_POSITION)
    return sf_deal_get_value (self->deal)->currency;

  return gtk_string_list_get_string (self->currencies, i);
}

/* The Value row and its currency as the deal has them: when the deal is
 * opened, and whenever its value changed, also by another action (Save
 * Pricing sets it to the net price). Only then: text the user is typing
 * is not overwritten by an unrelated change. */
static void
fill_value (SfDealPane *self)
{
  g_autofree char *text = sf_money_to_input_string (sf_deal_get_value (self->deal));
  const char * const *codes = sf_currency_get_codes ();
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean filling = self->filling;

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], sf_deal_get_value (self->deal)->currency))
      position = i;

  self->filling = TRUE;
  set_row_text (self->value_row, text);
  gtk_drop_down_set_selected (self->currency_dropdown, position);
  self->shown_value = *sf_deal_get_value (self->deal);
  self->filling = filling;
}

static void
value_apply_cb (SfDealPane *self)
{
  g_autoptr(GError) error = NULL;
  SfMoney value;

  if (self->deal == NULL || self->filling)
    return;

  if (!sf_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                       selected_currency (self), &value, &error) ||
      !sf_pipeline_set_deal_value (self->pipeline, self->deal, &value, &error))
    {
      show_field_error (self, GTK_WIDGET (self->value_row), _("Value"), error);
      return;
    }

  show_field_error (self, GTK_WIDGET (self->value_row), _("Value"), NULL);
  fill_value (self);
}

static void
currency_changed_cb (SfDealPane *self)
{
  if (!self->filling && self->deal != NULL &&
      g_strcmp0 (selected_currency (self), sf_deal_get_value (self->deal)->currency) != 0)
    value_apply_cb (self);
}

static void
select_owner (SfDealPane *self)
{
  GListModel *persons = sf_pipeline_get_persons (self->pipeline);
  guint n = g_list_model_get_n_items (persons), position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);

      if (sf_person_get_id (person) == sf_deal_get_owner_id (self->deal))
        position = i;
    }
  adw_combo_row_set_selected (self->owner_row, position);
}

/* The people were read again (one was added): the row's selection moves
 * with the list, which is no choice of the user's. */
static void
persons_changing_cb (SfDealPane *self)
{
  self->filling = TRUE;
}

static void
persons_changed_cb (SfDealPane *self)
{
  if (self->deal != NULL)
    select_owner (self);
  self->filling = FALSE;
}

static void
owner_changed_cb (SfDealPane *self)
{
  g_autoptr(GError) error = NULL;
  SfPerson *person;

  if (self->filling || self->deal == NULL)
    return;

  person = adw_combo_row_get_selected_item (self->owner_row);
  if (!sf_pipeline_set_deal_owner (self->pipeline, self->deal,
                                   person ? sf_person_get_id (person) : 0, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Owner Was Not Changed"), error);
}

static void
set_expected_close (SfDealPane *self,
                    guint       julian)
{
  g_autoptr(GError) error = NULL;

  if (self->filling || self->deal == NULL)
    return;

  gtk_menu_button_popdown (self->close_button);
  if (!sf_pipeline_set_deal_expected_close (self->pipeline, self->deal, julian, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Date Was Not Changed"), error);
}

static void
close_day_cb (SfDealPane *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->close_calendar);

  set_expected_close (self, sf_date_from_ymd (g_date_time_get_year (date),
                                              g_date_time_get_month (date),
                                              g_date_time_get_day_of_month (date)));
}

static void
close_clear_cb (SfDealPane *self)
{
  set_expected_close (self, 0);
}

static void
save_probability (SfDealPane *self,
                  int         percent)
{
  g_autoptr(GError) error = NULL;

  if (self->deal == NULL)
    return;

  if (!sf_pipeline_set_deal_probability (self->pipeline, self->deal, percent, &error))
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Probability Was Not Changed"), error);
      /* The spin button shows what was typed: show what is stored. */
      refresh (self);
    }
}

static gboolean
probability_timeout (gpointer data)
{
  SfDealPane *self = data;

  self->probability_save_id = 0;
  save_probability (self, gtk_spin_button_get_value_as_int (self->probability_spin));
  return G_SOURCE_REMOVE;
}

/* Clicking the arrows changes the value step by step; one history row for
 * the value the user stops at. */
static void
probability_changed_cb (SfDealPane *self)
{
  if (self->filling || self->deal == NULL)
    return;

  g_clear_handle_id (&self->probability_save_id, g_source_remove);
  self->probability_save_id = g_timeout_add (600, probability_timeout, self);
}

static void
probability_reset_cb (SfDealPane *self)
{
  g_clear_handle_id (&self->probability_save_id, g_source_remove);
  save_probability (self, -1);
}

static void
save_notes (SfDealPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  if (self->deal == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, sf_deal_get_notes (self->deal) ? sf_deal_get_notes (self->deal) : "") == 0)
    return;

  if (!sf_pipeline_set_deal_text (self->pipeline, self->deal, SF_DEAL_FIELD_NOTES, text, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Notes Were Not Saved"), error);
}

static gboolean
notes_timeout (gpointer data)
{
  SfDealPane *self = data;

  self->notes_save_id = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (SfDealPane *self)
{
  if (self->filling || self->deal == NULL)
    return;

  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  self->notes_save_id = g_timeout_add (1000, notes_timeout, self);
}

/**
 * sf_deal_pane_flush:
 *
 * Saves notes and a probability still waiting for their delay.
 */
void
sf_deal_pane_flush (SfDealPane *self)
{
  g_return_if_fail (SF_IS_DEAL_PANE (self));

  if (self->notes_save_id != 0)
    save_notes (self);
  if (self->probability_save_id != 0)
    {
      g_clear_handle_id (&self->probability_save_id, g_source_remove);
      save_probability (self, gtk_spin_button_get_value_as_int (self->probability_spin));
    }
}

static void
activate_on_deal (SfDealPane *self,
                  const char *action)
{
  if (self->deal != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", sf_deal_get_id (self->deal));
}

static void
advance_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.advance");
}

static void
move_back_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.move-back");
}

static void
lost_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.mark-lost");
}

static void
restore_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.restore");
}

static void
delete_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.delete");
}

static void
record_feedback_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.record-feedback");
}

static void
record_verdict_cb (SfDealPane *self)
{
  activate_on_deal (self, "win.record-verdict");
}

/* Checklist */

static GtkWidget *
history_row_new (gpointer item,
                 gpointer user_data)
{
  SfHistoryEntry *entry = item;
  g_autofree char *title = sf_history_entry_describe (entry);
  g_autofree char *when = sf_format_date_time (sf_history_entry_get_at (entry));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (sf_history_entry_get_person_name (entry) != NULL)
    subtitle = g_strjoin (" · ", sf_history_entry_get_person_name (entry), when, NULL);
  else
    subtitle = g_steal_pointer (&when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
clear_checklist (SfDealPane *self)
{
  g_ptr_array_set_size (self->job_rows, 0);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    if (self->expanders[s] != NULL)
      {
        adw_preferences_group_remove (self->checklist_group, GTK_WIDGET (self->expanders[s]));
        self->expanders[s] = NULL;
      }
}

/* The current stage's expander is open and marked. */
static void
show_current_stage (SfDealPane *self)
{
  SfStage current = sf_deal_get_stage (self->deal);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      adw_expander_row_set_expanded (self->expanders[s], s == (int) current);
      if (s == (int) current)
        gtk_widget_add_css_class (GTK_WIDGET (self->expanders[s]), "current-stage");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->expanders[s]), "current-stage");
    }
}

static void
build_expanders (SfDealPane *self)
{
  clear_checklist (self);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%d. %s", s + 1, sf_stage_get_name (s));
      g_autofree char *name = g_strdup_printf ("stage-%s", sf_stage_get_key (s));

      gtk_widget_set_name (expander, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_preferences_group_add (self->checklist_group, expander);
      self->expanders[s] = ADW_EXPANDER_ROW (expander);
    }
  show_current_stage (self);
}

static SfStage
row_stage (SfDealPane *self,
           guint       i)
{
  return sf_job_get_stage (sf_job_row_get_job (g_ptr_array_index (self->job_rows, i)));
}

/* Puts row @i into its stage's expander, which can only append: the rows
 * of the stage after it (a job inserted in the middle) go again after. */
static void
place_row (SfDealPane *self,
           guint       i)
{
  SfStage stage = row_stage (self, i);
  AdwExpanderRow *expander = self->expanders[stage];

  for (guint j = i + 1; j < self->job_rows->len && row_stage (self, j) == stage; j++)
    adw_expander_row_remove (expander, g_ptr_array_index (self->job_rows, j));
  for (guint j = i; j < self->job_rows->len && row_stage (self, j) == stage; j++)
    adw_expander_row_add_row (expander, g_ptr_array_index (self->job_rows, j));
}

/* The checklist follows the details' jobs: a row per job, added and
 * removed as its job is. A job's own changes reach its row as notifies. */
static void
jobs_changed_cb (SfDealPane *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *jobs)
{
  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->job_rows, position);

      adw_expander_row_remove (self->expanders[row_stage (self, position)], row);
      g_ptr_array_remove_index (self->job_rows, position);
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SfJob) job = g_list_model_get_item (jobs, i);

      g_ptr_array_insert (self->job_rows, i, sf_job_row_new (self->pipeline, self->details, job));
      place_row (self, i);
    }
}

static void
update_stage_subtitles (SfDealPane *self,
                        GPtrArray  *jobs)
{
  guint done[SF_N_STAGES] = { 0 }, required[SF_N_STAGES] = { 0 };

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_required (job))
        {
          required[sf_job_get_stage (job)]++;
          done[sf_job_get_stage (job)] += sf_job_get_done (job);
        }
    }

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    if (self->expanders[s] != NULL)
      {
        g_autofree char *progress = sf_ui_format_progress (done[s], required[s]);
        /* Translators: “3 of 5 done” under a stage's name in the checklist */
        g_autofree char *subtitle = g_strdup_printf (_("%s done"), progress);

        adw_expander_row_set_subtitle (self->expanders[s], required[s] ? subtitle : "");
      }
}

/* Where the deal stands and what the user can do next. */
static void
refresh (SfDealPane *self)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) blockers = NULL;
  g_autofree char *value = NULL;
  g_autofree char *subheading = NULL;
  SfStage stage;
  SfDealStatus status;
  gboolean editable, can_advance;

  if (self->deal == NULL || self->details == NULL)
    return;

  if (!sf_money_equal (&self->shown_value, sf_deal_get_value (self->deal)))
    fill_value (self);

  self->n_refreshes++;
  stage = sf_deal_get_stage (self->deal);
  status = sf_deal_get_status (self->deal);
  editable = sf_deal_is_editable (self->deal);
  jobs = sf_deal_details_dup_jobs (self->details);

  /* A new stage or status opens another stage and changes which jobs may
   * be ticked. */
  if (stage != self->shown_stage || status != self->shown_status)
    {
      self->shown_stage = stage;
      self->shown_status = status;
      show_current_stage (self);
      for (guint i = 0; i < self->job_rows->len; i++)
        sf_job_row_update (g_ptr_array_index (self->job_rows, i));
    }

  value = sf_ui_format_value (self->deal);
  subheading = g_strjoin (" · ", sf_deal_get_customer (self->deal), value,
                          sf_stage_get_name (stage), NULL);
  gtk_label_set_text (self->subheading_label, subheading);

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != SF_DEAL_STATUS_OPEN);
  gtk_label_set_text (self->status_label, sf_deal_status_get_name (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "won");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "lost");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), sf_deal_status_get_key (status));

  sf_stage_indicator_set_state (self->indicator, stage, status);

  gtk_widget_set_visible (self->lost_box, status == SF_DEAL_STATUS_LOST);
  if (status == SF_DEAL_STATUS_LOST)
    {
      g_autofree char *text = NULL;

      if (sf_deal_get_lost_note (self->deal) != NULL)
        /* Translators: why a deal was lost, then the user's note */
        text = g_strdup_printf (_("Lost: %s — %s"), sf_lost_reason_get_display (sf_deal_get_lost_reason (self->deal)),
                                sf_deal_get_lost_note (self->deal));
      else
        /* Translators: why a deal was lost */
        text = g_strdup_printf (_("Lost: %s"), sf_lost_reason_get_display (sf_deal_get_lost_reason (self->deal)));
      gtk_label_set_text (self->lost_label, text);
    }

  gtk_widget_set_visible (self->action_box, editable);
  /* Satisfaction is tracked for deals closed and won. */
  gtk_widget_set_visible (self->satisfaction_box,
                          stage == SF_STAGE_CLOSED && status == SF_DEAL_STATUS_WON);
  blockers = sf_workflow_get_blockers (self->deal, jobs, stage);
  can_advance = editable && stage < SF_STAGE_LAST && blockers->len == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), stage < SF_STAGE_LAST);
  gtk_widget_set_sensitive (GTK_WIDGET (self->advance_button), can_advance);
  if (stage < SF_STAGE_LAST)
    {
      /* Translators: the button that moves a deal on; %s is the next stage */
      g_autofree char *label = g_strdup_printf (_("_Advance to %s"), sf_stage_get_name (stage + 1));

      gtk_button_set_label (self->advance_button, label);
    }
  gtk_widget_set_sensitive (self->move_back_button, stage > SF_STAGE_FIRST);

  gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), editable && stage < SF_STAGE_LAST &&
                                                             blockers->len > 0);
  if (blockers->len > 0)
    {
      GString *text = g_string_new (NULL);

      /* Translators: followed by the list of jobs still open */
      g_string_append (text, _("Still open before the deal can move on:"));
      for (guint i = 0; i < blockers->len; i++)
        {
          g_string_append (text, "\n• ");
          g_string_append (text, sf_job_get_display_title (g_ptr_array_index (blockers, i)));
        }
      gtk_label_set_text (self->blockers_label, text->str);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->advance_button), text->str);
      g_string_free (text, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->advance_button), NULL);

  gtk_widget_set_sensitive (self->add_job_button, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->customer_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->value_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->probability_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contact_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->email_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->phone_row), editable);
  gtk_text_view_set_editable (self->notes_view, editable);

  {
    int effective = sf_deal_get_effective_probability (self->deal,
                                                       sf_pipeline_get_stage_probabilities (self->pipeline));
    g_autofree char *percent = sf_format_percent (effective);
    g_autofree char *subtitle = NULL;

    if (sf_deal_get_probability (self->deal) < 0)
      /* Translators: %s is a percentage such as “40 %” */
      subtitle = g_strdup_printf (_("The stage’s default, %s"), percent);
    else
      subtitle = g_strdup (_("Set for this deal"));
    adw_action_row_set_subtitle (self->probability_row, subtitle);
  }

  {
    g_autofree char *date = sf_format_date (sf_deal_get_expected_close (self->deal));

    gtk_menu_button_set_label (self->close_button, *date ? date : C_("date", "None"));
  }

  update_stage_subtitles (self, jobs);
}

static void
fill_fields (SfDealPane *self)
{
  self->filling = TRUE;

  set_row_text (self->title_row, sf_deal_get_title (self->deal));
  set_row_text (self->customer_row, sf_deal_get_customer (self->deal));
  fill_value (self);
  set_row_text (self->contact_row, sf_deal_get_contact_name (self->deal));
  set_row_text (self->email_row, sf_deal_get_contact_email (self->deal));
  set_row_text (self->phone_row, sf_deal_get_contact_phone (self->deal));
  gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), FALSE);

  select_owner (self);

  gtk_spin_button_set_value (self->probability_spin,
                             sf_deal_get_effective_probability (self->deal,
                                                                sf_pipeline_get_stage_probabilities (self->pipeline)));

  if (sf_deal_get_expected_close (self->deal) != 0)
    {
      g_autoptr(GDate) date = g_date_new_julian (sf_deal_get_expected_close (self->deal));
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);

      gtk_calendar_select_day (self->close_calendar, dt);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            sf_deal_get_notes (self->deal) ? sf_deal_get_notes (self->deal) : "", -1);

  self->filling = FALSE;
}

static void
add_job_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SfDealPane       *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfJob) job = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkDropDown *stage = g_object_get_data (G_OBJECT (dialog), "stage");
  GtkCheckButton *required = g_object_get_data (G_OBJECT (dialog), "required");

  if (!g_str_equal (response, "add") || self->deal == NULL)
    return;

  job = sf_job_new (sf_deal_get_id (self->deal), gtk_drop_down_get_selected (stage), NULL,
                    gtk_editable_get_text (entry), SF_JOB_KIND_MANUAL,
                    gtk_check_button_get_active (required));
  if (!sf_pipeline_add_job (self->pipeline, self->deal, job, &error))
    sf_ui_show_error (GTK_WIDGET (self), _("The Job Was Not Added"), error);
}

static void
add_job_cb (SfDealPane *self)
{
  GtkWidget *dialog, *box, *entry, *stage, *required;
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  if (self->deal == NULL)
    return;

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    gtk_string_list_append (stages, sf_stage_get_name (s));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add Job"),
                                   _("The job is added to this deal only. To add a job to every new deal, change the checklist in Preferences."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What needs to be done"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Job title"), -1);
  stage = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (stages)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (stage), sf_deal_get_stage (self->deal));
  gtk_accessible_update_property (GTK_ACCESSIBLE (stage), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage"), -1);
  required = gtk_check_button_new_with_mnemonic (_("_Required to move on"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (required), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), stage);
  gtk_box_append (GTK_BOX (box), required);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "stage", stage);
  g_object_set_data (G_OBJECT (dialog), "required", required);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_job_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sf_deal_pane_dispose (GObject *object)
{
  SfDealPane *self = (SfDealPane *) object;

  if (self->deal != NULL && self->pipeline != NULL)
    sf_deal_pane_flush (self);
  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  g_clear_handle_id (&self->probability_save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_DEAL_PANE);
  g_clear_object (&self->deal_bindings);
  g_clear_object (&self->details_signals);
  g_clear_object (&self->jobs_signals);
  g_clear_object (&self->details);
  g_clear_object (&self->deal);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->currencies);
  g_clear_pointer (&self->job_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_deal_pane_parent_class)->dispose (object);
}

static void
sf_deal_pane_class_init (SfDealPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_deal_pane_dispose;

  g_type_ensure (SF_TYPE_STAGE_INDICATOR);
  g_type_ensure (SF_TYPE_DEAL_FIGURES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-deal-pane.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfDealPane, name)
  CHILD (stack);
  CHILD (scroller);
  CHILD (heading_label);
  CHILD (status_label);
  CHILD (subheading_label);
  CHILD (indicator);
  CHILD (lost_box);
  CHILD (lost_label);
  CHILD (action_box);
  CHILD (advance_button);
  CHILD (move_back_button);
  CHILD (lost_button);
  CHILD (delete_button);
  CHILD (blockers_label);
  CHILD (satisfaction_box);
  CHILD (checklist_group);
  CHILD (add_job_button);
  CHILD (figures);
  CHILD (title_row);
  CHILD (customer_row);
  CHILD (value_row);
  CHILD (currency_dropdown);
  CHILD (owner_row);
  CHILD (close_button);
  CHILD (close_calendar);
  CHILD (probability_row);
  CHILD (probability_spin);
  CHILD (field_error_label);
  CHILD (contact_row);
  CHILD (email_row);
  CHILD (phone_row);
  CHILD (notes_view);
  CHILD (history_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, probability_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, probability_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, advance_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, lost_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_feedback_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_verdict_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_job_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_deal_pane_init (SfDealPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->job_rows = g_ptr_array_new ();
  self->deal_bindings = g_binding_group_new ();
  g_binding_group_bind (self->deal_bindings, "title", self->heading_label, "label", G_BINDING_SYNC_CREATE);
  self->details_signals = g_signal_group_new (SF_TYPE_DEAL_DETAILS);
  g_signal_group_connect_swapped (self->details_signals, "notify::revision", G_CALLBACK (refresh), self);
  self->jobs_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->jobs_signals, "items-changed", G_CALLBACK (jobs_changed_cb), self);

  self->currencies = gtk_string_list_new ((const char * const *) sf_currency_get_codes ());
  gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (self->currencies));
  gtk_drop_down_set_expression (self->currency_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_swapped (self->currency_dropdown, "notify::selected",
                            G_CALLBACK (currency_changed_cb), self);
  g_signal_connect_swapped (self->owner_row, "notify::selected",
                            G_CALLBACK (owner_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (notes_changed_cb), self);
}

/**
 * sf_deal_pane_set_pipeline:
 *
 * Call once, before showing a deal.
 */
void
sf_deal_pane_set_pipeline (SfDealPane *self,
                           SfPipeline *pipeline)
{
  g_return_if_fail (SF_IS_DEAL_PANE (self));
  g_return_if_fail (SF_IS_PIPELINE (pipeline));

  g_set_object (&self->pipeline, pipeline);
  /* Around the owner row's own handler (connected by set_model), so that
   * reading the people again never counts as choosing another owner. */
  g_signal_connect_object (sf_pipeline_get_persons (pipeline), "items-changed",
                           G_CALLBACK (persons_changing_cb), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_expression (self->owner_row,
                                gtk_property_expression_new (SF_TYPE_PERSON, NULL, "name"));
  adw_combo_row_set_model (self->owner_row, sf_pipeline_get_persons (pipeline));
  g_signal_connect_object (sf_pipeline_get_persons (pipeline), "items-changed",
                           G_CALLBACK (persons_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  sf_deal_figures_set_pipeline (self->figures, pipeline);
}

/**
 * sf_deal_pane_get_deal:
 *
 * Returns: (transfer none) (nullable): the deal shown
 */
SfDeal *
sf_deal_pane_get_deal (SfDealPane *self)
{
  g_return_val_if_fail (SF_IS_DEAL_PANE (self), NULL);
  return self->deal;
}

/**
 * sf_deal_pane_set_deal:
 * @deal: (nullable): the deal to show
 *
 * Saves anything pending for the deal shown so far, then loads @deal's
 * notes, jobs and history.
 */
void
sf_deal_pane_set_deal (SfDealPane *self,
                       SfDeal     *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDealDetails) details = NULL;

  g_return_if_fail (SF_IS_DEAL_PANE (self));

  if (deal == self->deal)
    return;

  if (self->deal != NULL)
    sf_deal_pane_flush (self);

  if (deal != NULL && (details = sf_pipeline_open_deal (self->pipeline, deal, &error)) == NULL)
    {
      sf_ui_show_error (GTK_WIDGET (self), _("The Deal Cannot Be Opened"), error);
      deal = NULL;
    }

  g_set_object (&self->deal, deal);
  g_set_object (&self->details, details);
  g_binding_group_set_source (self->deal_bindings, deal);
  g_signal_group_set_target (self->details_signals, details);
  g_signal_group_set_target (self->jobs_signals, details ? sf_deal_details_get_jobs (details) : NULL);
  gtk_list_box_bind_model (self->history_list, details ? sf_deal_details_get_history (details) : NULL,
                           history_row_new, NULL, NULL);
  sf_deal_figures_set_details (self->figures, details);

  if (deal == NULL)
    {
      clear_checklist (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_fields (self);
  self->shown_stage = sf_deal_get_stage (deal);
  self->shown_status = sf_deal_get_status (deal);
  build_expanders (self);
  jobs_changed_cb (self, 0, 0, g_list_model_get_n_items (sf_deal_details_get_jobs (details)),
                   sf_deal_details_get_jobs (details));
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "deal");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/**
 * sf_deal_pane_get_details:
 *
 * Returns: (transfer none) (nullable): the shown deal's details
 */
SfDealDetails *
sf_deal_pane_get_details (SfDealPane *self)
{
  g_return_val_if_fail (SF_IS_DEAL_PANE (self), NULL);
  return self->details;
}

/**
 * sf_deal_pane_get_n_refreshes:
 *
 * Returns: how many times the pane summed its deal up again, for the
 *   tests that count what a change costs
 */
guint
sf_deal_pane_get_n_refreshes (SfDealPane *self)
{
  g_return_val_if_fail (SF_IS_DEAL_PANE (self), 0);
  return self->n_refreshes;
}

/**
 * sf_deal_pane_find_job_row:
 * @key: a built-in job's key, or the title of a job added to the deal
 *
 * Returns: (transfer none) (nullable): the job's row
 */
GtkWidget *
sf_deal_pane_find_job_row (SfDealPane *self,
                           const char *key)
{
  g_return_val_if_fail (SF_IS_DEAL_PANE (self), NULL);

  for (guint i = 0; i < self->job_rows->len; i++)
    {
      SfJob *job = sf_job_row_get_job (g_ptr_array_index (self->job_rows, i));

      if (g_strcmp0 (sf_job_get_key (job), key) == 0 || g_strcmp0 (sf_job_get_title (job), key) == 0)
        return g_ptr_array_index (self->job_rows, i);
    }

  return NULL;
}
