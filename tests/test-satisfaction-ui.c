/* test-satisfaction-ui.c — the Satisfaction tab, Record Feedback and
 * Record Verdict, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's clock stands at noon on 31 January 2026 (UTC), so the
 * periods, the chart's months and what is overdue do not depend on the
 * day the tests run.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sf-csv.h"
#include "sf-deal-pane.h"
#include "sf-feedback-dialog.h"
#include "sf-format.h"
#include "sf-job-row.h"
#include "sf-preferences-window.h"
#include "sf-satisfaction-view.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-ui-util.h"
#include "sf-verdict-dialog.h"
#include "sf-window.h"

typedef struct
{
  char *dir;
  SfStore *store;
  SfPerson *me;
  SfDeal *fleet;      /* closed 1 December 2025 */
  SfDeal *heat;       /* closed 10 January 2026 */
  SfWindow *window;
} Fixture;

static gint64
unix_at (int y,
         int m,
         int d)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (y, m, d, 12, 0, 0);

  return g_date_time_to_unix (t);
}

static gint64 fake_time;

static gint64
fake_now (gpointer data)
{
  return fake_time;
}

static SfDeal *
import_deal (Fixture    *f,
             const char *title,
             const char *customer,
             SfStage     stage,
             gint64      entered,
             guint       current_done)
{
  g_autoptr(GError) error = NULL;
  SfDealRow row = {
    .title = title, .customer = customer, .contact_name = "Kari Nordmann", .currency = "NOK",
    .value = 4500000, .owner_id = sf_person_get_id (f->me), .stage = stage,
    .status = stage == SF_STAGE_CLOSED ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN,
    .probability = -1, .stage_entered_at = entered,
    .closed_at = stage == SF_STAGE_CLOSED ? entered : 0,
  };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  SfImportItem item = { deal, current_done };

  g_assert_true (sf_store_import_deals (f->store, &item, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  return sf_store_get_deal (f->store, sf_deal_get_id (deal), NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sf_test_open_store (&f->dir);
  fake_time = unix_at (2026, 1, 31);
  sf_store_set_clock (f->store, fake_now, NULL);
  f->me = sf_store_add_person (f->store, "Lena Berg", SF_ROLE_SALES, NULL);
  g_assert_nonnull (f->me);
  sf_store_set_actor (f->store, sf_person_get_id (f->me));
  f->fleet = import_deal (f, "Fleet charging", "Fjordkraft AS", SF_STAGE_CLOSED, unix_at (2025, 12, 1), 4);
  f->heat = import_deal (f, "Heat pumps", "Nordlys Energi AS", SF_STAGE_CLOSED, unix_at (2026, 1, 10), 4);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sf_test_ui_close_windows ();
  f->window = NULL;
  /* The memory settings backend lives as long as the program. */
  g_settings_reset (sf_ui_get_settings (), "follow-up-offsets");
  g_settings_reset (sf_ui_get_settings (), "last-view");
  g_clear_object (&f->fleet);
  g_clear_object (&f->heat);
  g_clear_object (&f->me);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
view_idle (gpointer data)
{
  return !sf_satisfaction_view_is_busy (data);
}

static SfSatisfactionView *
view (Fixture *f)
{
  return sf_window_get_satisfaction_view (f->window);
}

static void
wait_for_view (Fixture *f)
{
  sf_test_ui_wait_until (view_idle, view (f));
}

/* Opens the window on the Satisfaction tab, its figures read. */
static void
open_window (Fixture *f)
{
  f->window = sf_test_ui_open_window (f->store);
  sf_window_show_view (f->window, "satisfaction");
  wait_for_view (f);
}

static GtkWidget *
find_in (GtkWidget  *root,
         const char *name)
{
  GtkWidget *widget = sf_test_ui_find (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find (Fixture    *f,
      const char *name)
{
  return find_in (GTK_WIDGET (f->window), name);
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find (f, name)));
}

static const char *
last_toast (Fixture *f)
{
  return sf_ui_get_last_toast (GTK_WIDGET (f->window));
}

static SfSatisfactionRow *
row_of (Fixture *f,
        SfDeal  *deal)
{
  GListModel *model = sf_satisfaction_view_get_model (view (f));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfSatisfactionRow) row = g_list_model_get_item (model, i);

      if (sf_satisfaction_row_get_deal_id (row) == sf_deal_get_id (deal))
        return row;
    }

  return NULL;
}

static const char *
chart_description (Fixture *f)
{
  return sf_satisfaction_chart_get_description (sf_satisfaction_view_get_chart (view (f)));
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_in (root, name)), text);
}

static void
click (GtkWidget  *root,
       const char *name)
{
  g_signal_emit_by_name (find_in (root, name), "clicked");
  sf_test_ui_iterate ();
}

static void
record_through_dialog (Fixture    *f,
                       SfDeal     *deal,
                       const char *nps,
                       const char *csat)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.record-feedback", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  dialog = GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL));
  g_assert_nonnull (dialog);
  type_into (dialog, "feedback_nps", nps);
  type_into (dialog, "feedback_csat", csat);
  click (dialog, "feedback_record");
}

/* The scores start empty; a missing or out-of-range one is refused with
 * the reason, and nothing is stored until the form is right. */
static void
test_record_feedback (Fixture       *f,
                      gconstpointer  data)
{
  SfDeal *fleet;
  GtkWidget *dialog, *error;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GArray) follow_ups = NULL;
  SfSatisfactionRow *row;

  open_window (f);
  fleet = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (f->fleet));

  /* Nothing answered yet: dashes, not zeros. */
  g_assert_cmpuint (g_list_model_get_n_items (sf_satisfaction_view_get_model (view (f))), ==, 2);
  g_assert_cmpstr (label_text (f, "summary_answers"), ==, "0");
  g_assert_cmpstr (label_text (f, "summary_nps"), ==, "—");
  g_assert_cmpstr (label_text (f, "summary_csat"), ==, "—");
  g_assert_cmpstr (label_text (f, "summary_rate"), ==, "—");
  g_assert_nonnull (strstr (chart_description (f), "January 2026: no answers."));

  /* Record Feedback… on the selected row opens the dialog for its deal,
   * dated today by the store's clock. */
  g_assert_false (gtk_widget_get_sensitive (find (f, "satisfaction_feedback")));
  g_assert_true (sf_satisfaction_view_select_deal (view (f), sf_deal_get_id (fleet)));
  g_assert_true (gtk_widget_get_sensitive (find (f, "satisfaction_feedback")));
  click (GTK_WIDGET (f->window), "satisfaction_feedback");
  dialog = GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_true (sf_feedback_dialog_get_deal (SF_FEEDBACK_DIALOG (dialog)) == fleet);
  g_assert_cmpuint (sf_feedback_dialog_get_date (SF_FEEDBACK_DIALOG (dialog)), ==,
                    sf_date_from_ymd (2026, 1, 31));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "feedback_nps"))), ==, "");
  error = find_in (dialog, "feedback_error");

  /* Out of range: refused, the reason shown, the field marked. */
  type_into (dialog, "feedback_respondent", "Kari Nordmann");
  type_into (dialog, "feedback_nps", "11");
  type_into (dialog, "feedback_csat", "4");
  click (dialog, "feedback_record");
  g_assert_true (sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "The NPS answer must be a whole number from 0 to 10");
  g_assert_true (gtk_widget_has_css_class (find_in (dialog, "feedback_nps"), "error"));

  /* Missing, and not a whole number: each with its own reason. */
  type_into (dialog, "feedback_nps", "9");
  type_into (dialog, "feedback_csat", "");
  click (dialog, "feedback_record");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "Enter the CSAT score, a whole number from 1 to 5");
  g_assert_false (gtk_widget_has_css_class (find_in (dialog, "feedback_nps"), "error"));
  g_assert_true (gtk_widget_has_css_class (find_in (dialog, "feedback_csat"), "error"));
  type_into (dialog, "feedback_csat", "4.5");
  click (dialog, "feedback_record");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "The CSAT score must be a whole number from 1 to 5");

  /* Dated tomorrow: refused too. */
  type_into (dialog, "feedback_csat", "4");
  sf_feedback_dialog_set_date (SF_FEEDBACK_DIALOG (dialog), sf_date_from_ymd (2026, 2, 1));
  click (dialog, "feedback_record");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "The answer cannot be dated in the future");

  stored = sf_store_list_feedback (f->store, sf_deal_get_id (fleet), NULL);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Right: recorded, the dialog closes, the toast says so. */
  sf_feedback_dialog_set_date (SF_FEEDBACK_DIALOG (dialog), sf_date_from_ymd (2026, 1, 20));
  type_into (dialog, "feedback_comment", "Charging works, the app is slow");
  click (dialog, "feedback_record");
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL));
  g_assert_cmpstr (last_toast (f), ==, "Feedback from Kari Nordmann recorded for “Fleet charging”");

  stored = sf_store_list_feedback (f->store, sf_deal_get_id (fleet), NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (sf_feedback_get_nps (g_ptr_array_index (stored, 0)), ==, 9);
  g_assert_cmpuint (sf_feedback_get_answered_on (g_ptr_array_index (stored, 0)), ==, sf_date_from_ymd (2026, 1, 20));
  /* It completed the earliest open follow-up (30 days after closing). */
  follow_ups = sf_store_list_follow_ups (f->store, sf_deal_get_id (fleet), NULL);
  g_assert_cmpint (g_array_index (follow_ups, SfFollowUp, 0).feedback_id, ==,
                   sf_feedback_get_id (g_ptr_array_index (stored, 0)));

  /* The tab read again: the row, the summary and the chart changed. */
  wait_for_view (f);
  row = row_of (f, fleet);
  g_assert_cmpint (sf_satisfaction_row_get_latest_nps (row), ==, 9);
  g_assert_cmpint (sf_satisfaction_row_get_latest_csat (row), ==, 4);
  g_assert_cmpstr (label_text (f, "summary_answers"), ==, "1");
  g_assert_cmpstr (label_text (f, "summary_nps"), ==, "100");
  g_assert_cmpstr (label_text (f, "summary_csat"), ==, "4.00");
  g_assert_cmpstr (label_text (f, "summary_rate"), ==, "—");
  g_assert_nonnull (strstr (chart_description (f), "January 2026: NPS 100, average CSAT 4.00, 1 answer."));
  g_assert_nonnull (strstr (chart_description (f), "December 2025: no answers."));
  /* The selection stays on the deal after the read. */
  g_assert_true (sf_satisfaction_view_get_selected (view (f)) == row);

  /* A second answer, a detractor: the summary and chart follow. */
  record_through_dialog (f, fleet, "3", "2");
  wait_for_view (f);
  g_assert_cmpstr (label_text (f, "summary_answers"), ==, "2");
  g_assert_cmpstr (label_text (f, "summary_nps"), ==, "0");
  g_assert_cmpstr (label_text (f, "summary_csat"), ==, "3.00");
  g_assert_nonnull (strstr (chart_description (f), "January 2026: NPS 0, average CSAT 3.00, 2 answers."));
}

static SfJobRow *
satisfaction_job_row (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SfJobRow *found;

      if (SF_IS_JOB_ROW (child) &&
          sf_job_get_kind (sf_job_row_get_job (SF_JOB_ROW (child))) == SF_JOB_KIND_SATISFACTION)
        return SF_JOB_ROW (child);
      found = satisfaction_job_row (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A verdict from the deal pane completes the Closed stage's satisfaction
 * job, and the pane shows it ticked. */
static void
test_verdict_ticks_job (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SfDeal) open_deal = import_deal (f, "Booking platform", "Lofoten Reiseliv AS",
                                             SF_STAGE_PROPOSED, unix_at (2026, 1, 2), 0);
  SfDealPane *pane;
  SfDeal *heat;
  SfJobRow *job_row;
  GtkWidget *dialog, *hint;

  open_window (f);
  pane = sf_deals_view_get_pane (sf_window_get_deals_view (f->window));

  /* Only closed, won deals offer it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-deal", "x", sf_deal_get_id (open_deal));
  sf_test_ui_iterate ();
  g_assert_false (gtk_widget_get_visible (find (f, "pane_satisfaction")));

  heat = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (f->heat));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-deal", "x", sf_deal_get_id (heat));
  sf_test_ui_iterate ();
  g_assert_true (sf_deal_pane_get_deal (pane) == heat);
  g_assert_true (gtk_widget_get_visible (find (f, "pane_satisfaction")));
  job_row = satisfaction_job_row (GTK_WIDGET (pane));
  g_assert_nonnull (job_row);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (sf_job_row_get_check (job_row))));
  /* Not ticked by hand. */
  g_assert_false (gtk_widget_get_sensitive (sf_job_row_get_check (job_row)));

  click (GTK_WIDGET (f->window), "pane_record_verdict");
  dialog = GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_VERDICT_DIALOG, NULL));
  g_assert_nonnull (dialog);
  hint = find_in (dialog, "verdict_hint");

  /* Neither success nor failure, then no reason: Record waits and says why. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "Choose whether the deal was a success or a failure");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_in (dialog, "verdict_failure")), TRUE);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==, "Give a reason for the verdict");
  type_into (dialog, "verdict_reason", "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  type_into (dialog, "verdict_reason", "Rolled back after a month");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  sf_test_ui_iterate ();
  g_assert_cmpstr (last_toast (f), ==, "“Heat pumps” judged: Failure");

  /* Stored, and the pane's job reloaded: ticked, by whom. */
  {
    g_autoptr(SfSatisfactionRow) stored = sf_store_get_satisfaction_row (f->store, sf_deal_get_id (heat), NULL);

    g_assert_cmpint (sf_satisfaction_row_get_verdict (stored), ==, SF_VERDICT_FAILURE);
    g_assert_cmpstr (sf_satisfaction_row_get_verdict_reason (stored), ==, "Rolled back after a month");
  }
  job_row = satisfaction_job_row (GTK_WIDGET (pane));
  g_assert_nonnull (job_row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (sf_job_row_get_check (job_row))));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (job_row)), "Done by Lena Berg"));

  /* The tab: the verdict in the row, the success rate in the summary. */
  sf_window_show_view (f->window, "satisfaction");
  wait_for_view (f);
  g_assert_cmpint (sf_satisfaction_row_get_verdict (row_of (f, heat)), ==, SF_VERDICT_FAILURE);
  g_assert_cmpstr (label_text (f, "summary_rate"), ==, "0%");
  g_assert_cmpstr (label_text (f, "summary_rate_detail"), ==, "0 of 1 deal judged");

  /* Recording again offers the current verdict for correction. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.record-verdict", "x", sf_deal_get_id (heat));
  sf_test_ui_iterate ();
  dialog = GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_VERDICT_DIALOG, NULL));
  g_assert_cmpint (sf_verdict_dialog_get_verdict (SF_VERDICT_DIALOG (dialog)), ==, SF_VERDICT_FAILURE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "verdict_reason"))), ==,
                   "Rolled back after a month");
}

static gboolean
toast_changed (gpointer data)
{
  Fixture *f = data;

  return last_toast (f) != NULL && g_str_has_suffix (last_toast (f), ".csv”");
}

/* Export writes one whole CSV file: header and rows, or an error and no
 * file. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfFeedback) answer = sf_feedback_new (sf_date_from_ymd (2026, 1, 5), "Ola Nordmann", 7, 5,
                                                  "Good, but \"late\", twice");
  g_autofree char *path = g_build_filename (f->dir, "export", "satisfaction.csv", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWindow *error_dialog;

  g_assert_true (sf_store_record_feedback (f->store, f->fleet, answer, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  open_window (f);
  g_assert_true (gtk_widget_get_sensitive (find (f, "satisfaction_export")));

  sf_satisfaction_view_export (view (f), file, SF_CSV_FOR_PROGRAMS);
  sf_test_ui_wait_until (toast_changed, f);
  wait_for_view (f);
  g_assert_cmpstr (last_toast (f), ==, "2 rows exported to “satisfaction.csv”");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, SF_CSV_BOM "deal_id,title,customer,owner,value,currency,"
                                   "closed_on,verdict,verdict_reason,verdict_on,next_follow_up,"
                                   "answered_on,respondent,nps,csat,comment,recorded_by\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  /* Deals in the order they closed; the answer with its quotes doubled. */
  g_assert_nonnull (strstr (lines[1], ",Fleet charging,Fjordkraft AS,Lena Berg,45000.00,NOK,2025-12-01,undecided,"));
  g_assert_nonnull (strstr (lines[1], ",2026-01-05,Ola Nordmann,7,5,\"Good, but \"\"late\"\", twice\",Lena Berg"));
  g_assert_nonnull (strstr (lines[2], ",Heat pumps,Nordlys Energi AS,"));
  g_assert_true (g_str_has_suffix (lines[2], ",,,,,,"));
  /* Written whole: no temporary file left beside it. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "satisfaction.csv");
  g_assert_null (g_dir_read_name (dir));

  /* A folder that does not exist: the error is shown, no file appears. */
  sf_satisfaction_view_export (view (f), nowhere, SF_CSV_FOR_PROGRAMS);
  wait_for_view (f);
  error_dialog = sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                   "The Satisfaction Data Was Not Exported");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* What the entry does once typing pauses. */
static void
search_for (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = find (f, "satisfaction_search");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  sf_test_ui_iterate ();
}

/* The summary counts the chosen period; the search narrows the list. */
static void
test_period_and_search (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SfFeedback) early = sf_feedback_new (sf_date_from_ymd (2025, 12, 5), "Ola Nordmann", 3, 2, NULL);
  g_autoptr(SfFeedback) late = sf_feedback_new (sf_date_from_ymd (2026, 1, 20), "Kari Nordmann", 10, 5, NULL);

  g_assert_true (sf_store_record_feedback (f->store, f->fleet, early, NULL));
  g_assert_true (sf_store_record_feedback (f->store, f->heat, late, NULL));
  open_window (f);

  /* Last 12 months by default: a promoter and a detractor. */
  g_assert_cmpstr (label_text (f, "summary_answers"), ==, "2");
  g_assert_cmpstr (label_text (f, "summary_nps"), ==, "0");
  g_assert_cmpstr (label_text (f, "summary_csat"), ==, "3.50");

  sf_satisfaction_view_set_period (view (f), SF_SATISFACTION_PERIOD_30_DAYS);
  g_assert_cmpstr (label_text (f, "summary_answers"), ==, "1");
  g_assert_cmpstr (label_text (f, "summary_nps"), ==, "100");
  g_assert_cmpstr (label_text (f, "summary_csat"), ==, "5.00");
  /* The chart keeps its twelve months whatever the period. */
  g_assert_nonnull (strstr (chart_description (f), "December 2025: NPS −100, average CSAT 2.00, 1 answer."));

  search_for (f, "fjord");
  g_assert_cmpuint (g_list_model_get_n_items (sf_satisfaction_view_get_model (view (f))), ==, 1);
  g_assert_cmpstr (label_text (f, "satisfaction_count"), ==, "1 of 2 closed deals");
  search_for (f, "zzz");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (
                     gtk_widget_get_parent (find (f, "satisfaction_list"))))), !=, "list");
  search_for (f, "");
  g_assert_cmpstr (label_text (f, "satisfaction_count"), ==, "2 closed deals");
}

static gint64
first_row_deal (Fixture *f)
{
  g_autoptr(SfSatisfactionRow) row = g_list_model_get_item (sf_satisfaction_view_get_model (view (f)), 0);

  g_assert_nonnull (row);
  return sf_satisfaction_row_get_deal_id (row);
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  sf_test_ui_iterate ();
}

/* The list is sorted as the user left it: most recently closed first
 * until a header is clicked, and a click is kept for the next start. */
static void
test_sort_remembered (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = sf_ui_get_settings ();
  GtkColumnView *list;

  open_window (f);
  g_assert_cmpint (first_row_deal (f), ==, sf_deal_get_id (f->heat));

  /* Closed is the fourth column and sorted descending: a click turns it */
  list = GTK_COLUMN_VIEW (find (f, "satisfaction_list"));
  sf_test_ui_click_header (list, 3, GTK_SORT_ASCENDING);
  g_assert_cmpint (first_row_deal (f), ==, sf_deal_get_id (f->fleet));
  g_assert_false (g_settings_get_boolean (settings, "satisfaction-sort-descending"));
  close_window (f);

  open_window (f);
  g_assert_cmpint (first_row_deal (f), ==, sf_deal_get_id (f->fleet));
  close_window (f);

  /* another column, as stored */
  g_settings_set_string (settings, "satisfaction-sort-column", "customer");
  g_settings_set_boolean (settings, "satisfaction-sort-descending", TRUE);
  open_window (f);
  g_assert_cmpint (first_row_deal (f), ==, sf_deal_get_id (f->heat));  /* Nordlys after Fjordkraft */

  g_settings_reset (settings, "satisfaction-sort-column");
  g_settings_reset (settings, "satisfaction-sort-descending");
}

/* The approvals of Developed cannot be ticked by hand and belong to another
 * part of the program; the test marks them done in the file, the one step a
 * user could not take. */
static void
approve_in_file (SfStore *store,
                 SfDeal  *deal)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE jobs SET done = 1 WHERE kind IN (%d, %d) AND deal_id = %"
                                          G_GINT64_FORMAT, SF_JOB_KIND_PRICING_APPROVAL,
                                          SF_JOB_KIND_ROI_APPROVAL, sf_deal_get_id (deal));
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (sf_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
three_rows (gpointer data)
{
  Fixture *f = data;

  return !sf_satisfaction_view_is_busy (view (f)) &&
         g_list_model_get_n_items (sf_satisfaction_view_get_model (view (f))) == 3;
}

/* A deal closed in the app appears in the tab with its first follow-up,
 * using the offsets of the preference. */
static void
test_closing_adds_row (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfDeal) proposed = import_deal (f, "Booking platform", "Lofoten Reiseliv AS",
                                            SF_STAGE_PROPOSED, unix_at (2026, 1, 2), 5);
  GVariant *offsets = g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, (const gint32[]) { 14, 60 }, 2,
                                                 sizeof (gint32));
  SfSatisfactionRow *row;

  approve_in_file (f->store, proposed);
  open_window (f);
  g_settings_set_value (sf_ui_get_settings (), "follow-up-offsets", offsets);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.advance", "x", sf_deal_get_id (proposed));
  sf_test_ui_wait_until (three_rows, f);

  row = row_of (f, proposed);
  g_assert_nonnull (row);
  g_assert_cmpuint (sf_satisfaction_row_get_closed_on (row), ==, sf_date_from_ymd (2026, 1, 31));
  g_assert_cmpuint (sf_satisfaction_row_get_next_follow_up (row), ==, sf_date_from_ymd (2026, 2, 14));
  g_assert_false (sf_satisfaction_row_get_overdue (row));
  /* The fleet deal's first follow-up (31 December) is overdue. */
  g_assert_true (sf_satisfaction_row_get_overdue (row_of (f, f->fleet)));
}

/* The tab reads its figures when it is first shown, not while the deals
 * load; a deal closed on another tab is there when the tab is shown again. */
static void
test_read_when_shown (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfDeal) proposed = import_deal (f, "Booking platform", "Lofoten Reiseliv AS",
                                            SF_STAGE_PROPOSED, unix_at (2026, 1, 2), 5);

  approve_in_file (f->store, proposed);
  f->window = sf_test_ui_open_window (f->store);
  sf_test_ui_iterate ();
  g_assert_false (sf_satisfaction_view_is_busy (view (f)));
  g_assert_cmpuint (g_list_model_get_n_items (sf_satisfaction_view_get_model (view (f))), ==, 0);

  sf_window_show_view (f->window, "satisfaction");
  wait_for_view (f);
  g_assert_cmpuint (g_list_model_get_n_items (sf_satisfaction_view_get_model (view (f))), ==, 2);

  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.advance", "x", sf_deal_get_id (proposed));
  sf_test_ui_iterate ();
  g_assert_false (sf_satisfaction_view_is_busy (view (f)));
  sf_window_show_view (f->window, "satisfaction");
  sf_test_ui_wait_until (three_rows, f);
  g_assert_nonnull (row_of (f, proposed));
}

/* Follow-up offsets: a preference, checked before it is kept, fed to the
 * store. */
static void
test_follow_up_preference (Fixture       *f,
                           gconstpointer  data)
{
  GSettings *settings = sf_ui_get_settings ();
  SfPreferencesWindow *preferences;
  GtkWidget *row, *error;
  const int *days;
  guint n_days;

  open_window (f);
  days = sf_store_get_follow_up_offsets (f->store, &n_days);
  g_assert_cmpuint (n_days, ==, 3);
  g_assert_cmpint (days[2], ==, 180);

  preferences = sf_preferences_window_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  sf_test_ui_iterate ();
  row = find_in (GTK_WIDGET (preferences), "pref_follow_ups");
  error = find_in (GTK_WIDGET (preferences), "pref_follow_ups_error");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "30, 90, 180");

  /* Wrong: refused with the reason; the preference keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (row), "30, x");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "“x” is not a number of days");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "30, 5000");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "A follow-up must be due between 1 and 3650 days after closing");
  days = sf_store_get_follow_up_offsets (f->store, &n_days);
  g_assert_cmpuint (n_days, ==, 3);

  /* Right: kept, written back as understood, and in the store. */
  gtk_editable_set_text (GTK_EDITABLE (row), "7;21");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "7, 21");
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, "follow-up-offsets");
    g_autofree char *printed = g_variant_print (value, FALSE);

    g_assert_cmpstr (printed, ==, "[7, 21]");
  }
  days = sf_store_get_follow_up_offsets (f->store, &n_days);
  g_assert_cmpuint (n_days, ==, 2);
  g_assert_cmpint (days[0], ==, 7);
  g_assert_cmpint (days[1], ==, 21);
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* The chart says in words what it draws. */
static void
test_chart_description (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SfFeedback) a = sf_feedback_new (sf_date_from_ymd (2025, 3, 3), "Ola", 0, 1, NULL);
  g_autoptr(SfFeedback) b = sf_feedback_new (sf_date_from_ymd (2025, 3, 28), "Ola", 10, 4, NULL);
  g_autoptr(SfFeedback) c = sf_feedback_new (sf_date_from_ymd (2024, 12, 31), "Ola", 10, 5, NULL);
  SfSatisfactionChart *chart;
  GArray *months;

  g_assert_true (sf_store_record_feedback (f->store, f->fleet, a, NULL));
  g_assert_true (sf_store_record_feedback (f->store, f->fleet, b, NULL));
  g_assert_true (sf_store_record_feedback (f->store, f->fleet, c, NULL));
  open_window (f);
  chart = sf_satisfaction_view_get_chart (view (f));

  /* Twelve months ending with the store's month; the answer of December
   * 2024 is older and not drawn. */
  months = sf_satisfaction_chart_get_months (chart);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_array_index (months, SfSatisfactionMonth, 0).year, ==, 2025);
  g_assert_cmpint (g_array_index (months, SfSatisfactionMonth, 0).month, ==, 2);
  g_assert_cmpint (g_array_index (months, SfSatisfactionMonth, 11).month, ==, 1);
  g_assert_nonnull (strstr (sf_satisfaction_chart_get_description (chart),
                            "March 2025: NPS 0, average CSAT 2.50, 2 answers."));
  g_assert_nonnull (strstr (sf_satisfaction_chart_get_description (chart), "February 2025: no answers."));
  g_assert_null (strstr (sf_satisfaction_chart_get_description (chart), "2024"));
  /* On screen, at least as wide as the chart asks. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  sf_test_ui_wait_until (allocated, chart);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >=, 280);
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/satisfaction/record-feedback", test_record_feedback);
  ADD ("/ui/satisfaction/verdict-ticks-job", test_verdict_ticks_job);
  ADD ("/ui/satisfaction/export", test_export);
  ADD ("/ui/satisfaction/period-and-search", test_period_and_search);
  ADD ("/ui/satisfaction/sort-remembered", test_sort_remembered);
  ADD ("/ui/satisfaction/closing-adds-row", test_closing_adds_row);
  ADD ("/ui/satisfaction/read-when-shown", test_read_when_shown);
  ADD ("/ui/satisfaction/follow-up-preference", test_follow_up_preference);
  ADD ("/ui/satisfaction/chart-description", test_chart_description);

  return g_test_run ();
}
