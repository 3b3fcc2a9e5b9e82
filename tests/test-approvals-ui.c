/* test-approvals-ui.c — managers' sign-off on screen, driven as people would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A salesperson (Sam) and a manager (Maja) share one machine, as the issue
 * describes: Sam asks from the deal's approval job, Maja switches to
 * herself and signs off in the Approvals tab. Each test drives the
 * widgets and dialogs and then checks both the store and what the widgets
 * show.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "sf-approvals-view.h"
#include "sf-deal-figures.h"
#include "sf-deal-pane.h"
#include "sf-job-row.h"
#include "sf-passphrase-dialog.h"
#include "sf-people-page.h"
#include "sf-person-chooser.h"
#include "sf-person-dialog.h"
#include "sf-preferences-window.h"
#include "sf-request-dialog.h"
#include "sf-signoff-dialog.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-ui-util.h"
#include "sf-window.h"

#define PASSPHRASE "maja's own passphrase"
#define T0 G_GINT64_CONSTANT (1790000000)

typedef struct
{
  char *dir;
  SfStore *store;
  SfPerson *sam;       /* sales, owns the deal */
  SfPerson *maja;      /* manager with a passphrase */
  SfDeal *deal;        /* in Developed, with pricing and ROI */
  SfWindow *window;
  gint64 now;
} Fixture;

static gint64
fixture_now (gpointer data)
{
  return *(gint64 *) data;
}

static void
open_window (Fixture *f)
{
  f->window = sf_test_ui_open_window (f->store);
}

/* The person the window takes for this database without asking; 0 for
 * nobody. */
static void
remember (Fixture *f,
          gint64   person_id)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  if (person_id > 0)
    g_variant_builder_add (&builder, "{sx}", sf_store_get_path (f->store), person_id);
  g_settings_set_value (sf_ui_get_settings (), "last-person", g_variant_builder_end (&builder));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 500000, 24);
  SfPricing pricing;

  f->store = sf_test_open_store (&f->dir);
  f->now = T0;
  sf_store_set_clock (f->store, fixture_now, &f->now);
  f->sam = sf_store_add_person (f->store, "Sam Seller", SF_ROLE_SALES, &error);
  g_assert_no_error (error);
  f->maja = sf_store_add_manager (f->store, "Maja Manager", PASSPHRASE, 0, NULL, &error);
  g_assert_no_error (error);
  sf_store_set_actor (f->store, sf_person_get_id (f->sam));
  remember (f, sf_person_get_id (f->sam));

  f->deal = sf_test_create_deal (f->store, "Fleet renewal", "Bussco", 100000, "EUR");
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->sam), &error));
  while (sf_deal_get_stage (f->deal) < SF_STAGE_DEVELOPED)
    {
      g_assert_true (sf_test_tick_stage (f->store, f->deal, sf_deal_get_stage (f->deal)));
      g_assert_true (sf_store_advance (f->store, f->deal, &error));
      g_assert_no_error (error);
    }

  sf_pricing_init (&pricing, "EUR", 150000, 1000, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &pricing, &error));
  sf_roi_add_cost (roi, "Licences", 100000);
  g_assert_true (sf_store_set_roi (f->store, f->deal, roi, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sf_test_ui_close_windows ();
  f->window = NULL;
  g_clear_object (&f->deal);
  g_clear_object (&f->sam);
  g_clear_object (&f->maja);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Helpers */

static GtkWidget *
find_in (gpointer    root,
         const char *name)
{
  GtkWidget *widget = sf_test_ui_find (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find_in (root, name)));
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sf_test_ui_iterate ();
}

static void
type (gpointer    root,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_in (root, name)), text);
  sf_test_ui_iterate ();
}

static const char *
last_toast (Fixture *f)
{
  return sf_ui_get_last_toast (GTK_WIDGET (f->window));
}

static SfDealPane *
pane (Fixture *f)
{
  return sf_deals_view_get_pane (sf_window_get_deals_view (f->window));
}

static SfDeal *
loaded_deal (Fixture *f)
{
  return sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (f->deal));
}

static void
open_deal (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-deal", "x", sf_deal_get_id (f->deal));
  sf_test_ui_iterate ();
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == loaded_deal (f));
}

static GtkWidget *
job_row (Fixture    *f,
         const char *key)
{
  GtkWidget *row = sf_deal_pane_find_job_row (pane (f), key);

  g_assert_nonnull (row);
  return row;
}

static const char *
job_subtitle (Fixture    *f,
              const char *key)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (job_row (f, key)));
}

static SfApprovalRequest *
request_in_store (Fixture        *f,
                  SfApprovalKind  kind)
{
  g_autoptr(GPtrArray) requests = sf_store_list_deal_requests (f->store, sf_deal_get_id (f->deal), NULL);

  for (guint i = 0; i < requests->len; i++)
    if (sf_approval_request_get_kind (g_ptr_array_index (requests, i)) == kind)
      return g_object_ref (g_ptr_array_index (requests, i));

  return NULL;
}

static SfApprovalRequest *
ask_in_store (Fixture        *f,
              SfApprovalKind  kind,
              const char     *note)
{
  g_autoptr(GError) error = NULL;
  SfApprovalRequest *request = NULL;

  sf_store_set_actor (f->store, sf_person_get_id (f->sam));
  g_assert_true (sf_store_request_approval (f->store, f->deal, kind, 0, note, &request, &error));
  g_assert_no_error (error);
  return request;
}

static SfSignoffDialog *
open_signoff (Fixture           *f,
              SfApprovalRequest *request)
{
  SfApprovalsView *view = sf_window_get_approvals_view (f->window);
  SfSignoffDialog *dialog;

  sf_window_set_me (f->window, sf_person_get_id (f->maja));
  sf_window_show_view (f->window, "approvals");
  sf_test_ui_iterate ();
  g_assert_nonnull (sf_approvals_view_find_row (view, sf_approval_request_get_id (request)));
  sf_approvals_view_activate (view, sf_approval_request_get_id (request));
  sf_test_ui_iterate ();

  dialog = SF_SIGNOFF_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL));
  g_assert_nonnull (dialog);
  return dialog;
}

/* Sam asks from the approval job; the dialog shows exactly the stored
 * figures and offers only managers who may decide. */
static void
test_request (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) stored = NULL;
  SfRequestDialog *dialog;
  GtkWidget *button;

  open_window (f);
  open_deal (f);
  button = find_in (job_row (f, "pricing-approved"), "request_approval");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (job_subtitle (f, "pricing-approved"), ==, "Done when a manager approves");

  click (button);
  dialog = SF_REQUEST_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (label_text (dialog, "figure-list-price"), ==, "€1,500.00");
  g_assert_cmpstr (label_text (dialog, "figure-discount"), ==, "10% (€150.00)");
  g_assert_cmpstr (label_text (dialog, "figure-net-price"), ==, "€1,350.00");
  g_assert_cmpstr (label_text (dialog, "figure-margin"), ==, "€550.00 (40.74%)");
  /* Maja may decide; Sam, who asks and owns the deal, may not. */
  g_assert_true (sf_request_dialog_set_manager (dialog, sf_person_get_id (f->maja)));
  g_assert_false (sf_request_dialog_set_manager (dialog, sf_person_get_id (f->sam)));
  type (dialog, "request_note", "Customer signs on Friday");

  g_assert_true (sf_request_dialog_send (dialog));
  sf_test_ui_iterate ();
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL));

  stored = request_in_store (f, SF_APPROVAL_KIND_PRICING);
  g_assert_nonnull (stored);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_PENDING);
  g_assert_cmpint (sf_approval_request_get_addressed_to (stored), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (sf_approval_request_get_requester_id (stored), ==, sf_person_get_id (f->sam));
  g_assert_cmpstr (sf_approval_request_get_note (stored), ==, "Customer signs on Friday");
  g_assert_nonnull (strstr (last_toast (f), "Fleet renewal"));

  /* The job says who it waits for; the figures are locked. */
  g_assert_true (g_str_has_prefix (job_subtitle (f, "pricing-approved"), "Waiting for Maja Manager since"));
  g_assert_false (gtk_widget_get_visible (find_in (job_row (f, "pricing-approved"), "request_approval")));
  g_assert_true (gtk_widget_get_visible (find_in (f->window, "pricing_lock")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_in (f->window, "list_price_row"))));
  g_assert_true (gtk_widget_get_sensitive (find_in (f->window, "pricing_recall")));
  /* The ROI is not locked by a pricing request. */
  g_assert_false (gtk_widget_get_visible (find_in (f->window, "roi_lock")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (find_in (f->window, "revenue_row"))));
}

/* Asking with no figures is refused in the dialog, before anything is
 * sent. */
static void
test_request_without_figures (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) bare = sf_test_create_deal (f->store, "Bare deal", "Nobody AS", 1000, "EUR");
  SfRequestDialog *dialog;
  SfDeal *deal;

  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (bare));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.request-approval", "(xi)",
                              sf_deal_get_id (deal), (int) SF_APPROVAL_KIND_ROI);
  sf_test_ui_iterate ();
  dialog = SF_REQUEST_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "request_error")));
  g_assert_cmpstr (label_text (dialog, "request_error"), ==,
                   "Fill in the ROI worksheet before asking for its approval");
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "request_send")));
  g_assert_false (sf_request_dialog_send (dialog));
  g_assert_nonnull (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL));
}

/* Maja signs off from the Approvals tab: a wrong passphrase keeps the
 * dialog open; the right one ticks the job with her name. */
static void
test_approve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_PRICING, "Please");
  g_autoptr(SfApprovalRequest) stored = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  SfApprovalsView *view;
  SfSignoffDialog *dialog;

  open_window (f);
  open_deal (f);
  view = sf_window_get_approvals_view (f->window);
  /* Sam is no manager: nothing waits for him, his request is listed. */
  g_assert_cmpuint (sf_approvals_view_get_n_waiting (view), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find_in (view, "waiting_list"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));

  dialog = open_signoff (f, request);
  g_assert_cmpuint (sf_approvals_view_get_n_waiting (view), ==, 1);
  g_assert_cmpstr (label_text (dialog, "figure-net-price"), ==, "€1,350.00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_in (dialog, "signoff_note"))), ==, "Please");
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "signoff_approve")));

  type (dialog, "signoff_passphrase", "not her passphrase");
  g_assert_true (gtk_widget_get_sensitive (find_in (dialog, "signoff_approve")));
  g_assert_false (sf_signoff_dialog_decide (dialog, TRUE));
  sf_test_ui_iterate ();
  g_assert_true (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "signoff_error")));
  g_assert_cmpstr (label_text (dialog, "signoff_error"), ==, "The passphrase is not correct");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "signoff_passphrase"))), ==, "");
  stored = sf_store_get_request (f->store, sf_approval_request_get_id (request), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_PENDING);
  g_clear_object (&stored);

  type (dialog, "signoff_passphrase", PASSPHRASE);
  g_assert_true (sf_signoff_dialog_decide (dialog, TRUE));
  sf_test_ui_iterate ();
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL));
  g_assert_nonnull (strstr (last_toast (f), "Approved the pricing"));

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (request), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_APPROVED);
  g_assert_cmpint (sf_approval_request_get_decider_id (stored), ==, sf_person_get_id (f->maja));
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (f->deal), NULL);
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "pricing-approved")));
  g_assert_cmpint (sf_job_get_done_by (sf_test_find_job (jobs, "pricing-approved")), ==,
                   sf_person_get_id (f->maja));

  /* The pane ticked the job; nothing waits any more. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "pricing-approved"))))));
  g_assert_true (g_str_has_prefix (job_subtitle (f, "pricing-approved"), "Approved by Maja Manager"));
  g_assert_cmpuint (sf_approvals_view_get_n_waiting (view), ==, 0);
}

/* A rejection needs a comment, and Sam sees it on his deal. */
static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(SfApprovalRequest) stored = NULL;
  const char *comment = "Revenue looks too optimistic";
  SfSignoffDialog *dialog;
  GtkWidget *row;

  open_window (f);
  open_deal (f);
  dialog = open_signoff (f, request);

  type (dialog, "signoff_passphrase", PASSPHRASE);
  g_assert_true (gtk_widget_get_sensitive (find_in (dialog, "signoff_approve")));
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "signoff_reject")));
  g_assert_false (sf_signoff_dialog_decide (dialog, FALSE));
  type (dialog, "signoff_comment", "   ");
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "signoff_reject")));
  type (dialog, "signoff_comment", comment);
  g_assert_true (gtk_widget_get_sensitive (find_in (dialog, "signoff_reject")));
  g_assert_true (sf_signoff_dialog_decide (dialog, FALSE));
  sf_test_ui_iterate ();
  g_assert_nonnull (strstr (last_toast (f), "Rejected the ROI"));

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (request), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_REJECTED);
  g_assert_cmpstr (sf_approval_request_get_comment (stored), ==, comment);

  /* Sam again: the job stays open and shows why; so does his list. */
  sf_window_set_me (f->window, sf_person_get_id (f->sam));
  sf_test_ui_iterate ();
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "roi-approved"))))));
  g_assert_cmpstr (job_subtitle (f, "roi-approved"), ==, "Rejected by Maja Manager: Revenue looks too optimistic");
  g_assert_true (gtk_widget_get_visible (find_in (job_row (f, "roi-approved"), "request_approval")));
  row = sf_approvals_view_find_row (sf_window_get_approvals_view (f->window),
                                    sf_approval_request_get_id (request));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), comment));
}

/* The requester recalls from the lock on the figures; they unlock. */
static void
test_recall (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) stored = NULL;
  AdwMessageDialog *dialog;

  open_window (f);
  open_deal (f);
  g_assert_true (gtk_widget_get_visible (find_in (f->window, "pricing_lock")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_in (f->window, "discount_row"))));

  /* Another person sees the lock but cannot recall Sam's request. */
  sf_window_set_me (f->window, sf_person_get_id (f->maja));
  sf_test_ui_iterate ();
  g_assert_false (gtk_widget_get_sensitive (find_in (f->window, "pricing_recall")));
  sf_window_set_me (f->window, sf_person_get_id (f->sam));
  sf_test_ui_iterate ();

  click (find_in (f->window, "pricing_recall"));
  dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "recall_dialog"));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "recall");
  sf_test_ui_iterate ();

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (request), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_RECALLED);
  g_assert_false (gtk_widget_get_visible (find_in (f->window, "pricing_lock")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (find_in (f->window, "discount_row"))));
  g_assert_true (gtk_widget_get_visible (find_in (job_row (f, "pricing-approved"), "request_approval")));
  g_assert_nonnull (strstr (last_toast (f), "Recalled"));

  /* Unlocked: a new discount is saved. */
  type (f->window, "discount_row", "12.5");
  g_assert_true (sf_deal_figures_save_pricing (SF_DEAL_FIGURES (find_in (f->window, "deal_figures"))));
  {
    g_autoptr(SfPricing) pricing = NULL;

    g_assert_true (sf_store_get_pricing (f->store, sf_deal_get_id (f->deal), &pricing, NULL));
    g_assert_cmpint (pricing->discount_bp, ==, 1250);
  }
}

/* A price change after approval voids it: the job reopens, the deal
 * cannot advance, and "approved" shows beside "now". */
static void
test_void (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfApprovalRequest) pricing = ask_in_store (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) roi = ask_in_store (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(SfApprovalRequest) stored = NULL;
  GtkWidget *figures, *comparison, *cell;

  g_assert_true (sf_store_decide (f->store, pricing, f->deal, sf_person_get_id (f->maja), PASSPHRASE,
                                  TRUE, NULL, &error));
  g_assert_true (sf_store_decide (f->store, roi, f->deal, sf_person_get_id (f->maja), PASSPHRASE,
                                  TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sf_test_tick_stage (f->store, f->deal, SF_STAGE_DEVELOPED));

  open_window (f);
  open_deal (f);
  figures = find_in (f->window, "deal_figures");
  g_assert_true (gtk_widget_get_sensitive (find_in (f->window, "advance_button")));
  g_assert_false (gtk_widget_get_visible (find_in (f->window, "pricing_voided")));

  type (f->window, "list_price_row", "1,600");
  g_assert_cmpstr (label_text (f->window, "net_price_label"), ==, "€1,440.00");
  g_assert_true (sf_deal_figures_save_pricing (SF_DEAL_FIGURES (figures)));
  sf_test_ui_iterate ();

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (pricing), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_cmpint (sf_deal_get_value (loaded_deal (f))->amount, ==, 144000);

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "pricing-approved"))))));
  g_assert_cmpstr (job_subtitle (f, "pricing-approved"), ==,
                   "The approval was voided by a change to the figures; ask again");
  g_assert_false (gtk_widget_get_sensitive (find_in (f->window, "advance_button")));
  g_assert_nonnull (strstr (label_text (f->window, "blockers_label"), "Management approved the pricing"));
  /* The ROI approval stands. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "roi-approved"))))));

  g_assert_true (gtk_widget_get_visible (find_in (f->window, "pricing_voided")));
  comparison = find_in (find_in (f->window, "pricing_voided"), "figures_comparison");
  /* Row 1 is the list price: approved 1,500, now 1,600. */
  cell = gtk_grid_get_child_at (GTK_GRID (comparison), 1, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "€1,500.00");
  cell = gtk_grid_get_child_at (GTK_GRID (comparison), 2, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "€1,600.00");
  g_assert_true (gtk_widget_has_css_class (cell, "changed-figure"));
  /* The cost did not change. */
  cell = gtk_grid_get_child_at (GTK_GRID (comparison), 2, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "€800.00");
  g_assert_false (gtk_widget_has_css_class (cell, "changed-figure"));
}

/* Issue 16, S2: Save Pricing makes the deal worth its net price, and the
 * Value field says so at once, not only when the deal is opened again. */
static void
test_pricing_sets_value (Fixture       *f,
                         gconstpointer  data)
{
  open_window (f);
  open_deal (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (f->window, "value_row"))), ==,
                   "1,350.00");

  type (f->window, "list_price_row", "1,600");
  g_assert_true (sf_deal_figures_save_pricing (SF_DEAL_FIGURES (find_in (f->window, "deal_figures"))));
  sf_test_ui_iterate ();

  g_assert_cmpint (sf_deal_get_value (loaded_deal (f))->amount, ==, 144000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (f->window, "value_row"))), ==,
                   "1,440.00");
}

/* Chooses the deal's owner in the pane, as a user does. */
static void
choose_owner (Fixture  *f,
              SfPerson *person)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_in (f->window, "owner_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfPerson) item = g_list_model_get_item (model, i);

      if (sf_person_get_id (item) == sf_person_get_id (person))
        {
          adw_combo_row_set_selected (row, i);
          sf_test_ui_iterate ();
          g_assert_cmpint (sf_deal_get_owner_id (loaded_deal (f)), ==, sf_person_get_id (person));
          return;
        }
    }
  g_assert_not_reached ();
}

/* Issue 16, S1, as Maja would try it: she owns the deal and set its
 * price, lends it to Sam in the pane, and as Sam asks for approval. The
 * dialog does not offer her; asked of any manager, the request does not
 * wait for her, and signing it anyway is refused. */
static void
test_lent_deal (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfApprovalRequest) stored = NULL;
  SfRequestDialog *request;
  SfSignoffDialog *signoff;
  SfPricing pricing;

  sf_store_set_actor (f->store, sf_person_get_id (f->maja));
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->maja), &error));
  sf_pricing_init (&pricing, "EUR", 150000, 500, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &pricing, &error));
  g_assert_no_error (error);
  remember (f, sf_person_get_id (f->maja));

  open_window (f);
  open_deal (f);
  choose_owner (f, f->sam);
  sf_window_set_me (f->window, sf_person_get_id (f->sam));
  sf_test_ui_iterate ();

  click (find_in (job_row (f, "pricing-approved"), "request_approval"));
  request = SF_REQUEST_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL));
  g_assert_nonnull (request);
  g_assert_false (sf_request_dialog_set_manager (request, sf_person_get_id (f->maja)));
  g_assert_true (sf_request_dialog_set_manager (request, 0));
  g_assert_true (sf_request_dialog_send (request));
  sf_test_ui_iterate ();
  stored = request_in_store (f, SF_APPROVAL_KIND_PRICING);
  g_assert_nonnull (stored);

  /* Maja: nothing waits for her; the sign-off dialog refuses and stays. */
  sf_window_set_me (f->window, sf_person_get_id (f->maja));
  sf_window_show_view (f->window, "approvals");
  sf_test_ui_iterate ();
  g_assert_cmpuint (sf_approvals_view_get_n_waiting (sf_window_get_approvals_view (f->window)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-off", "x",
                              sf_approval_request_get_id (stored));
  sf_test_ui_iterate ();
  signoff = SF_SIGNOFF_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL));
  g_assert_nonnull (signoff);
  type (signoff, "signoff_passphrase", PASSPHRASE);
  g_assert_false (sf_signoff_dialog_decide (signoff, TRUE));
  sf_test_ui_iterate ();
  g_assert_cmpstr (label_text (signoff, "signoff_error"), ==,
                   "Nobody can decide on figures that stood while they owned the deal; ask another manager");
  g_clear_object (&stored);
  stored = request_in_store (f, SF_APPROVAL_KIND_PRICING);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_PENDING);
}

/* An approval Maja gave is void once the deal passes to her, and the
 * pane says why. */
static void
test_owner_voids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfApprovalRequest) pricing = ask_in_store (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) stored = NULL;

  g_assert_true (sf_store_decide (f->store, pricing, f->deal, sf_person_get_id (f->maja), PASSPHRASE,
                                  TRUE, NULL, &error));
  g_assert_no_error (error);

  open_window (f);
  open_deal (f);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "pricing-approved"))))));
  choose_owner (f, f->maja);

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (pricing), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sf_job_row_get_check (SF_JOB_ROW (job_row (f, "pricing-approved"))))));
  g_assert_cmpstr (job_subtitle (f, "pricing-approved"), ==,
                   "The approval was voided: the manager who gave it now owns the deal; ask another manager");
  g_assert_true (gtk_widget_get_visible (find_in (f->window, "pricing_voided")));
}

/* After three wrong passphrases the dialog shows the wait and holds
 * the buttons back. */
static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_PRICING, NULL);
  SfSignoffDialog *dialog;

  open_window (f);
  dialog = open_signoff (f, request);
  g_assert_false (gtk_widget_get_visible (find_in (dialog, "signoff_wait")));

  for (guint i = 0; i < SF_APPROVAL_FREE_ATTEMPTS; i++)
    {
      type (dialog, "signoff_passphrase", "guess");
      g_assert_false (sf_signoff_dialog_decide (dialog, TRUE));
    }

  g_assert_true (gtk_widget_get_visible (find_in (dialog, "signoff_wait")));
  g_assert_cmpstr (label_text (dialog, "signoff_wait"), ==,
                   "Too many wrong passphrases. Wait 1 second before the next try.");
  type (dialog, "signoff_passphrase", PASSPHRASE);
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "signoff_approve")));
  g_assert_false (sf_signoff_dialog_decide (dialog, TRUE));
}

/* A manager is added with a passphrase; a short one is named at once. */
static void
test_people_add_manager (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = NULL;
  SfPreferencesWindow *preferences;
  SfPersonDialog *dialog;
  SfPerson *nora = NULL;

  open_window (f);
  /* The deal shown keeps its owner while the people are read again. */
  open_deal (f);
  preferences = sf_preferences_window_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  sf_test_ui_iterate ();

  click (find_in (preferences, "people_add"));
  dialog = SF_PERSON_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_PERSON_DIALOG, NULL));
  g_assert_nonnull (dialog);
  type (dialog, "person_name", "Nora Nilsen");
  g_assert_true (gtk_widget_get_sensitive (find_in (dialog, "person_add")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in (dialog, "person_role")), SF_ROLE_MANAGER);
  sf_test_ui_iterate ();
  /* A manager needs a passphrase before Add. */
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "person_add")));

  type (dialog, "person_passphrase", "short");
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "person_error")));
  g_assert_cmpstr (label_text (dialog, "person_error"), ==, "A passphrase needs at least 8 characters");
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "person_add")));

  type (dialog, "person_passphrase", "a long passphrase");
  type (dialog, "person_repeat", "a long passphrasf");
  g_assert_cmpstr (label_text (dialog, "person_error"), ==, "The two passphrases differ");
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "person_add")));
  type (dialog, "person_repeat", "a long passphrase");
  g_assert_false (gtk_widget_get_visible (find_in (dialog, "person_error")));

  /* Maja has a passphrase: she vouches for the new manager with it, and a
   * wrong one adds nobody. */
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "voucher_manager")));
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "person_add")));
  type (dialog, "voucher_passphrase", "not maja's");
  g_assert_true (gtk_widget_get_sensitive (find_in (dialog, "person_add")));
  g_assert_false (sf_person_dialog_add (dialog));
  g_assert_cmpstr (label_text (dialog, "person_error"), ==, "The passphrase is not correct");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "voucher_passphrase"))), ==, "");
  type (dialog, "voucher_passphrase", PASSPHRASE);
  g_assert_true (sf_person_dialog_add (dialog));
  sf_test_ui_iterate ();

  persons = sf_store_list_persons (f->store, NULL);
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (sf_person_get_name (g_ptr_array_index (persons, i)), "Nora Nilsen"))
      nora = g_ptr_array_index (persons, i);
  g_assert_nonnull (nora);
  g_assert_cmpint (sf_person_get_role (nora), ==, SF_ROLE_MANAGER);
  g_assert_true (sf_person_get_has_passphrase (nora));
  g_assert_nonnull (sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")),
                                             "Nora Nilsen"));

  /* “Nora” sorts before “Sam”: the owner row still shows Sam, and the
   * deal is still his. */
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (f->deal), NULL);
    SfPerson *shown = adw_combo_row_get_selected_item (ADW_COMBO_ROW (find_in (f->window, "owner_row")));

    g_assert_cmpint (sf_deal_get_owner_id (again), ==, sf_person_get_id (f->sam));
    g_assert_nonnull (shown);
    g_assert_cmpint (sf_person_get_id (shown), ==, sf_person_get_id (f->sam));
  }
}

/* Renaming a person renames the owner shown on their deals. */
static void
test_people_rename (Fixture       *f,
                    gconstpointer  data)
{
  SfPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *row;

  open_window (f);
  g_assert_cmpstr (sf_deal_get_owner_name (loaded_deal (f)), ==, "Sam Seller");
  preferences = sf_preferences_window_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  sf_test_ui_iterate ();

  row = sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")), "Sam Seller");
  g_assert_nonnull (row);
  /* Nobody deactivates themselves. */
  g_assert_false (gtk_widget_get_sensitive (find_in (row, "person_active")));
  click (find_in (row, "person_rename"));
  dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "rename_person_dialog"));
  g_assert_nonnull (dialog);
  type (dialog, "rename_person_entry", "Samuel Seller");
  adw_message_dialog_response (dialog, "rename");
  sf_test_ui_iterate ();

  g_assert_cmpstr (sf_deal_get_owner_name (loaded_deal (f)), ==, "Samuel Seller");
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (f->deal), NULL);

    g_assert_cmpstr (sf_deal_get_owner_name (again), ==, "Samuel Seller");
  }
  g_assert_nonnull (sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")),
                                             "Samuel Seller"));

  /* Maja can be deactivated, and back. */
  row = sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")), "Maja Manager");
  gtk_switch_set_active (GTK_SWITCH (find_in (row, "person_active")), FALSE);
  sf_test_ui_iterate ();
  g_assert_false (sf_person_get_active (sf_pipeline_lookup_person (sf_window_get_pipeline (f->window),
                                                                   sf_person_get_id (f->maja))));
  gtk_switch_set_active (GTK_SWITCH (find_in (row, "person_active")), TRUE);
  sf_test_ui_iterate ();
  g_assert_true (sf_person_get_active (sf_pipeline_lookup_person (sf_window_get_pipeline (f->window),
                                                                  sf_person_get_id (f->maja))));
}

/* A manager changes their passphrase with the old one; a wrong old one
 * is refused and the dialog stays open. */
static void
test_change_passphrase (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfPreferencesWindow *preferences;
  SfPassphraseDialog *dialog;
  GtkWidget *row;

  open_window (f);
  preferences = sf_preferences_window_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  sf_test_ui_iterate ();
  row = sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")), "Maja Manager");
  g_assert_nonnull (row);
  /* Salespeople have no passphrase to set. */
  g_assert_null (sf_test_ui_find (sf_people_page_find_row (SF_PEOPLE_PAGE (find_in (preferences, "people_page")),
                                                           "Sam Seller"), "person_passphrase"));

  click (find_in (row, "person_passphrase"));
  dialog = SF_PASSPHRASE_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_PASSPHRASE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "passphrase_old")));
  type (dialog, "passphrase_new", "maja's new passphrase");
  type (dialog, "passphrase_repeat", "maja's new passphrase");
  /* Without the old one, Save waits. */
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "passphrase_save")));
  type (dialog, "passphrase_old", "a wrong guess");
  g_assert_false (sf_passphrase_dialog_save (dialog));
  g_assert_cmpstr (label_text (dialog, "passphrase_error"), ==, "The passphrase is not correct");
  g_assert_nonnull (sf_test_ui_find_toplevel (SF_TYPE_PASSPHRASE_DIALOG, NULL));

  type (dialog, "passphrase_old", PASSPHRASE);
  g_assert_true (sf_passphrase_dialog_save (dialog));
  sf_test_ui_iterate ();
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_PASSPHRASE_DIALOG, NULL));

  /* The new one signs, the old one no longer does. */
  g_assert_false (sf_store_set_passphrase (f->store, f->maja, PASSPHRASE, "yet another one", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (sf_store_set_passphrase (f->store, f->maja, "maja's new passphrase", PASSPHRASE, &error));
  g_assert_no_error (error);
}

/* Several people and none remembered: Salesflow asks; a manager without
 * a passphrase sets one first; the choice is remembered. */
static void
test_choose_at_start (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) ola = sf_store_add_person (f->store, "Ola Overseer", SF_ROLE_MANAGER, &error);
  SfPersonChooser *chooser;
  SfPassphraseDialog *dialog;
  SfPerson *loaded;

  g_assert_no_error (error);
  remember (f, 0);
  open_window (f);
  chooser = SF_PERSON_CHOOSER (sf_test_ui_find_toplevel (SF_TYPE_PERSON_CHOOSER, NULL));
  g_assert_nonnull (chooser);

  loaded = sf_pipeline_lookup_person (sf_window_get_pipeline (f->window), sf_person_get_id (ola));
  g_assert_false (sf_person_chooser_choose (chooser, loaded));
  sf_test_ui_iterate ();
  dialog = SF_PASSPHRASE_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_PASSPHRASE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_cmpint (sf_window_get_me (f->window), !=, sf_person_get_id (ola));
  g_assert_false (gtk_widget_get_visible (find_in (dialog, "passphrase_old")));

  type (dialog, "passphrase_new", "olas passphrase");
  type (dialog, "passphrase_repeat", "olas passphrase");
  /* Maja, who has a passphrase, vouches for Ola's first one. */
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "voucher_passphrase")));
  g_assert_false (gtk_widget_get_sensitive (find_in (dialog, "passphrase_save")));
  type (dialog, "voucher_passphrase", PASSPHRASE);
  g_assert_true (sf_passphrase_dialog_save (dialog));
  sf_test_ui_iterate ();

  g_assert_cmpint (sf_window_get_me (f->window), ==, sf_person_get_id (ola));
  g_assert_cmpint (sf_store_get_actor (f->store), ==, sf_person_get_id (ola));
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_PERSON_CHOOSER, NULL));
  g_assert_true (sf_person_get_has_passphrase (loaded));

  /* The next start remembers Ola and does not ask. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  sf_test_ui_iterate ();
  open_window (f);
  sf_test_ui_iterate ();
  g_assert_null (sf_test_ui_find_toplevel (SF_TYPE_PERSON_CHOOSER, NULL));
  g_assert_cmpint (sf_window_get_me (f->window), ==, sf_person_get_id (ola));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static SfWindow *ledger_window;

static gboolean
ledger_says (gpointer prefix)
{
  return g_str_has_prefix (label_text (sf_window_get_approvals_view (ledger_window), "ledger_label"), prefix);
}

/* The tab says the ledger is whole, and names an entry changed with
 * another tool. */
static void
test_ledger_verdict (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_PRICING, NULL);
  SfApprovalsView *view;

  open_window (f);
  ledger_window = f->window;
  view = sf_window_get_approvals_view (f->window);
  sf_window_show_view (f->window, "approvals");
  /* The ledger is checked on a worker thread. */
  sf_test_ui_wait_until (ledger_says, (gpointer) "The approval ledger is whole");
  g_assert_cmpstr (label_text (view, "ledger_label"), ==, "The approval ledger is whole: 1 entry checked");
  g_assert_true (gtk_widget_has_css_class (find_in (view, "ledger_box"), "ledger-whole"));

  exec_sql (sf_store_get_path (f->store),
            "UPDATE approval_ledger SET content = replace(content, 'requester', 'requestor') WHERE seq = 1");
  sf_approvals_view_reload (view);
  sf_test_ui_wait_until (ledger_says, (gpointer) "Entry 1 of the approval ledger was changed outside Salesflow");
  g_assert_true (gtk_widget_has_css_class (find_in (view, "ledger_box"), "ledger-broken"));
}

/* With no requests the tab says what it is for. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  SfApprovalsView *view;

  open_window (f);
  view = sf_window_get_approvals_view (f->window);
  sf_window_show_view (f->window, "approvals");
  sf_test_ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (find_in (view, "approvals_empty")));
  g_assert_true (gtk_widget_get_mapped (find_in (view, "ledger_label")));
}

/* What one approval costs, signed off in the dialog while the deal is
 * open beside the list: one write transaction, one read for the open
 * deal (its jobs, history and requests as of one moment, for the pane and
 * its figures alike), the pane summing the deal up once, and only the
 * approval job's row drawn again. The Approvals tab, hidden, reads its two
 * lists again for its badge. The numbers are in docs/design.md. */
static void
test_approval_cost (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) request = ask_in_store (f, SF_APPROVAL_KIND_PRICING, "Please");
  SfDealPane *deal_pane;
  SfSignoffDialog *dialog;
  GtkWidget *approval, *other;
  guint refreshes, approval_updates, other_updates;
  SfTestSqlCount sql;

  open_window (f);
  sf_window_set_me (f->window, sf_person_get_id (f->maja));
  open_deal (f);
  deal_pane = pane (f);
  approval = job_row (f, "pricing-approved");
  other = job_row (f, "roi-approved");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-off", "x", sf_approval_request_get_id (request));
  sf_test_ui_iterate ();
  dialog = SF_SIGNOFF_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL));
  g_assert_nonnull (dialog);
  type (dialog, "signoff_passphrase", PASSPHRASE);
  refreshes = sf_deal_pane_get_n_refreshes (deal_pane);
  approval_updates = sf_job_row_get_n_updates (SF_JOB_ROW (approval));
  other_updates = sf_job_row_get_n_updates (SF_JOB_ROW (other));

  sf_test_count_sql (f->store, &sql);
  g_assert_true (sf_signoff_dialog_decide (dialog, TRUE));
  sf_test_ui_iterate ();
  sf_test_count_sql (f->store, NULL);

  g_test_message ("approval: %u statements, %u write transaction(s), %u read(s), %u refresh(es)",
                  sql.statements, sql.writes, sql.reads,
                  sf_deal_pane_get_n_refreshes (deal_pane) - refreshes);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (sf_job_row_get_check (SF_JOB_ROW (approval)))));
  g_assert_true (g_str_has_prefix (job_subtitle (f, "pricing-approved"), "Approved by Maja Manager"));
  g_assert_cmpuint (sql.writes, ==, 1);
  /* The open deal's, and the Approvals tab's two lists. */
  g_assert_cmpuint (sql.reads, ==, 3);
  g_assert_cmpuint (sf_deal_pane_get_n_refreshes (deal_pane), ==, refreshes + 1);
  g_assert_cmpuint (sf_job_row_get_n_updates (SF_JOB_ROW (approval)), ==, approval_updates + 1);
  g_assert_cmpuint (sf_job_row_get_n_updates (SF_JOB_ROW (other)), ==, other_updates);
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/approvals-ui/request", test_request);
  ADD ("/approvals-ui/request-without-figures", test_request_without_figures);
  ADD ("/approvals-ui/approve", test_approve);
  ADD ("/approvals-ui/reject", test_reject);
  ADD ("/approvals-ui/recall", test_recall);
  ADD ("/approvals-ui/void", test_void);
  ADD ("/approvals-ui/pricing-sets-value", test_pricing_sets_value);
  ADD ("/approvals-ui/lent-deal", test_lent_deal);
  ADD ("/approvals-ui/owner-voids", test_owner_voids);
  ADD ("/approvals-ui/backoff", test_backoff);
  ADD ("/approvals-ui/people-add-manager", test_people_add_manager);
  ADD ("/approvals-ui/people-rename", test_people_rename);
  ADD ("/approvals-ui/change-passphrase", test_change_passphrase);
  ADD ("/approvals-ui/choose-at-start", test_choose_at_start);
  ADD ("/approvals-ui/ledger-verdict", test_ledger_verdict);
  ADD ("/approvals-ui/empty", test_empty);
  ADD ("/approvals-ui/approval-cost", test_approval_cost);

  return g_test_run ();
}
