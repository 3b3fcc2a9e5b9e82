/* sf-feedback-dialog.c — Record Feedback: one customer's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of docs/satisfaction.md: the day the customer answered (today
 * unless changed in the calendar), who answered, the NPS answer, the CSAT
 * score and a comment. The scores start empty — a spin button would start
 * at a score nobody gave — and are read as typed, so a missing or
 * out-of-range score is refused with the sentence sf_feedback_validate()
 * writes, shown under the form with the field marked. Nothing is stored
 * until every check passes; then one transaction records the answer and
 * completes the deal's earliest open follow-up.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-feedback-dialog.h"
#include "sf-format.h"
#include "sf-ui-util.h"

struct _SfFeedbackDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkLabel *deal_label;
  GtkLabel *customer_label;
  AdwActionRow *date_row;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  AdwEntryRow *respondent_row;
  AdwEntryRow *nps_row;
  AdwEntryRow *csat_row;
  AdwEntryRow *comment_row;
  GtkLabel *error_label;

  /* owned */
  SfPipeline *pipeline;
  SfDeal *deal;

  /* borrowed: the row marked as wrong */
  GtkWidget *error_row;

  guint date;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (SfFeedbackDialog, sf_feedback_dialog, ADW_TYPE_WINDOW)

static guint
today (SfFeedbackDialog *self)
{
  return sf_date_from_unix (sf_pipeline_now (self->pipeline));
}

static void
day_selected_cb (SfFeedbackDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  if (self->filling)
    return;

  sf_feedback_dialog_set_date (self, sf_date_from_ymd (g_date_time_get_year (date),
                                                       g_date_time_get_month (date),
                                                       g_date_time_get_day_of_month (date)));
  gtk_menu_button_popdown (self->date_button);
}

static void
clear_error (SfFeedbackDialog *self)
{
  if (self->error_row != NULL)
    {
      gtk_widget_remove_css_class (self->error_row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->error_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->error_row = NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Says what is wrong under the form and marks the field it is about. */
static void
show_error (SfFeedbackDialog *self,
            GtkWidget        *row,
            const char       *message)
{
  clear_error (self);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (row == NULL)
    return;

  self->error_row = row;
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_widget_grab_focus (row == GTK_WIDGET (self->date_row) ? GTK_WIDGET (self->date_button) : row);
}

static GtkWidget *
row_for_error (SfFeedbackDialog *self,
               const GError     *error)
{
  if (error->domain != SF_SATISFACTION_ERROR)
    return NULL;

  switch (error->code)
    {
    case SF_SATISFACTION_ERROR_DATE_MISSING:
    case SF_SATISFACTION_ERROR_DATE_IN_FUTURE:
      return GTK_WIDGET (self->date_row);
    case SF_SATISFACTION_ERROR_RESPONDENT_MISSING:
      return GTK_WIDGET (self->respondent_row);
    case SF_SATISFACTION_ERROR_NPS_MISSING:
    case SF_SATISFACTION_ERROR_NPS_OUT_OF_RANGE:
      return GTK_WIDGET (self->nps_row);
    case SF_SATISFACTION_ERROR_CSAT_MISSING:
    case SF_SATISFACTION_ERROR_CSAT_OUT_OF_RANGE:
      return GTK_WIDGET (self->csat_row);
    default:
      return NULL;
    }
}

/* A score as typed: empty is no value; anything that is not a whole number
 * in range becomes a value just outside it, so sf_feedback_validate()
 * refuses it in the form's order (date, respondent, NPS, CSAT). */
static int
read_score (AdwEntryRow *row,
            gboolean     csat)
{
  g_autoptr(GError) error = NULL;
  int score;

  if (sf_satisfaction_parse_score (gtk_editable_get_text (GTK_EDITABLE (row)), csat, &score, &error))
    return score;

  if (g_error_matches (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_NPS_MISSING) ||
      g_error_matches (error, SF_SATISFACTION_ERROR, SF_SATISFACTION_ERROR_CSAT_MISSING))
    return SF_SATISFACTION_NO_VALUE;

  return csat ? SF_CSAT_MIN - 1 : SF_NPS_MIN - 1;
}

static void
toast_recorded (SfFeedbackDialog *self,
                SfFeedback       *feedback)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *text = NULL;

  if (parent == NULL)
    return;

  /* Translators: a toast; who answered and the deal's title */
  text = g_strdup_printf (_("Feedback from %s recorded for “%s”"),
                          sf_feedback_get_respondent (feedback), sf_deal_get_title (self->deal));
  sf_ui_toast (GTK_WIDGET (parent), text, FALSE);
}

/**
 * sf_feedback_dialog_record:
 *
 * What Record does: checks the form, records the answer and closes the
 * dialog; or shows why not and keeps it open.
 *
 * Returns: whether the answer was recorded
 */
gboolean
sf_feedback_dialog_record (SfFeedbackDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfFeedback) feedback = NULL;

  g_return_val_if_fail (SF_IS_FEEDBACK_DIALOG (self), FALSE);

  feedback = sf_feedback_new (self->date,
                              gtk_editable_get_text (GTK_EDITABLE (self->respondent_row)),
                              read_score (self->nps_row, FALSE),
                              read_score (self->csat_row, TRUE),
                              gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));

  if (!sf_feedback_validate (feedback, today (self), &error) ||
      !sf_pipeline_record_feedback (self->pipeline, self->deal, feedback, &error))
    {
      show_error (self, row_for_error (self, error), error->message);
      return FALSE;
    }

  clear_error (self);
  toast_recorded (self, feedback);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
record_cb (SfFeedbackDialog *self)
{
  sf_feedback_dialog_record (self);
}

static void
sf_feedback_dialog_dispose (GObject *object)
{
  SfFeedbackDialog *self = (SfFeedbackDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_FEEDBACK_DIALOG);
  self->error_row = NULL;
  g_clear_object (&self->deal);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_feedback_dialog_parent_class)->dispose (object);
}

static void
sf_feedback_dialog_class_init (SfFeedbackDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_feedback_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-feedback-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfFeedbackDialog, name)
  CHILD (deal_label);
  CHILD (customer_label);
  CHILD (date_row);
  CHILD (date_button);
  CHILD (calendar);
  CHILD (respondent_row);
  CHILD (nps_row);
  CHILD (csat_row);
  CHILD (comment_row);
  CHILD (error_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_feedback_dialog_init (SfFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sf_feedback_dialog_new:
 * @parent: the window it belongs to; its toast says what was recorded
 * @deal: a deal closed and won
 *
 * Returns: (transfer none): the dialog, dated today; present it
 */
SfFeedbackDialog *
sf_feedback_dialog_new (GtkWindow  *parent,
                        SfPipeline *pipeline,
                        SfDeal     *deal)
{
  SfFeedbackDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  self = g_object_new (SF_TYPE_FEEDBACK_DIALOG, "transient-for", parent, NULL);
  self->pipeline = g_object_ref (pipeline);
  self->deal = g_object_ref (deal);

  gtk_label_set_text (self->deal_label, sf_deal_get_title (deal));
  gtk_label_set_text (self->customer_label, sf_deal_get_customer (deal));
  if (sf_deal_get_contact_name (deal) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->respondent_row), sf_deal_get_contact_name (deal));
  sf_feedback_dialog_set_date (self, today (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->respondent_row));

  return self;
}

SfDeal *
sf_feedback_dialog_get_deal (SfFeedbackDialog *self)
{
  g_return_val_if_fail (SF_IS_FEEDBACK_DIALOG (self), NULL);
  return self->deal;
}

/**
 * sf_feedback_dialog_get_date:
 *
 * Returns: the Julian day the answer is dated
 */
guint
sf_feedback_dialog_get_date (SfFeedbackDialog *self)
{
  g_return_val_if_fail (SF_IS_FEEDBACK_DIALOG (self), 0);
  return self->date;
}

/**
 * sf_feedback_dialog_set_date:
 * @julian_day: the day the customer answered
 *
 * What choosing a day in the calendar does.
 */
void
sf_feedback_dialog_set_date (SfFeedbackDialog *self,
                             guint             julian_day)
{
  g_autofree char *label = NULL;

  g_return_if_fail (SF_IS_FEEDBACK_DIALOG (self));
  g_return_if_fail (g_date_valid_julian (julian_day));

  self->date = julian_day;
  label = sf_format_date (julian_day);
  gtk_menu_button_set_label (self->date_button, label);

  {
    g_autoptr(GDate) date = g_date_new_julian (julian_day);
    g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                        g_date_get_day (date), 12, 0, 0);

    self->filling = TRUE;
    gtk_calendar_select_day (self->calendar, shown);
    self->filling = FALSE;
  }
}
