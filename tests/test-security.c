/* test-security.c — a dishonest user drives the store API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sam sells; Maja and Mats are managers. Sam, or a manager bending the
 * rules, calls the store directly with objects made up to look right: a
 * request object that says something else, a template entry that claims
 * to be a plain job, an undo state that skips the approvals, figures put
 * back after a change. Each attempt is refused, or voided, or seen by the
 * ledger check; none leaves an approval job ticked without an approval.
 * (tests/test-approvals.c covers the plain rules: deciding on one's own
 * deal or request, twice, with a wrong passphrase, after figures changed.)
 */
#include "config.h"

#include <sqlite3.h>

#include "sf-approval.h"
#include "sf-store.h"
#include "sf-test-util.h"
#include "sf-workflow.h"

#define PASSPHRASE "correct horse battery"

typedef struct
{
  char *dir;
  SfStore *store;
  gint64 sam, maja, mats;
  SfDeal *deal;         /* Sam's, in Developed, with pricing and ROI */
} Fixture;

static gint64
add (Fixture    *f,
     const char *name,
     SfRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) person = sf_store_add_person (f->store, name, role, &error);

  g_assert_no_error (error);
  /* the first manager sets up alone, the next is vouched for by the first */
  if (role == SF_ROLE_MANAGER)
    g_assert_true (sf_store_set_first_passphrase (f->store, person, PASSPHRASE, f->maja, PASSPHRASE, &error));
  return sf_person_get_id (person);
}

static void
advance_to (Fixture *f,
            SfDeal  *deal,
            SfStage  stage)
{
  g_autoptr(GError) error = NULL;

  while (sf_deal_get_stage (deal) < stage)
    {
      g_assert_true (sf_test_tick_stage (f->store, deal, sf_deal_get_stage (deal)));
      g_assert_true (sf_store_advance (f->store, deal, &error));
      g_assert_no_error (error);
    }
}

static void
set_pricing (Fixture *f,
             int      discount_bp)
{
  g_autoptr(GError) error = NULL;
  SfPricing pricing;

  sf_pricing_init (&pricing, "EUR", 150000, discount_bp, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &pricing, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 500000, 24);

  f->store = sf_test_open_store (&f->dir);
  f->sam = add (f, "Sam", SF_ROLE_SALES);
  f->maja = add (f, "Maja", SF_ROLE_MANAGER);
  f->mats = add (f, "Mats", SF_ROLE_MANAGER);
  sf_store_set_actor (f->store, f->sam);

  f->deal = sf_test_create_deal (f->store, "Fleet renewal", "Bussco", 100000, "EUR");
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, f->sam, &error));
  advance_to (f, f->deal, SF_STAGE_DEVELOPED);
  set_pricing (f, 1000);
  sf_roi_add_cost (roi, "Licences", 100000);
  g_assert_true (sf_store_set_roi (f->store, f->deal, roi, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->deal);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SfApprovalRequest *
request (Fixture        *f,
         SfApprovalKind  kind)
{
  g_autoptr(GError) error = NULL;
  SfApprovalRequest *made = NULL;

  g_assert_true (sf_store_request_approval (f->store, f->deal, kind, 0, NULL, &made, &error));
  g_assert_no_error (error);
  return made;
}

static gboolean
job_done (Fixture    *f,
          SfDeal     *deal,
          const char *key)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);

  return sf_job_get_done (sf_test_find_job (jobs, key));
}

static SfLedgerVerdict
ledger_verdict (Fixture *f)
{
  g_auto(SfLedgerReport) report = { 0 };

  g_assert_true (sf_store_verify_ledger (f->store, &report, NULL));
  return report.verdict;
}

/* Sam, who cannot approve, claims to be Maja: the store asks for Maja's
 * passphrase, whoever the app thinks is using it. */
static void
test_impersonation (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_autoptr(GError) error = NULL;
  const char *guesses[] = { NULL, "", "correct horse", PASSPHRASE "!" };

  sf_store_set_actor (f->store, f->maja);
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      g_assert_false (sf_store_decide (f->store, pricing, f->deal, f->maja, guesses[i], TRUE,
                                       NULL, &error));
      g_assert_true (g_error_matches (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE) ||
                     g_error_matches (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WAIT));
      g_clear_error (&error);
    }
  g_assert_false (job_done (f, f->deal, "pricing-approved"));

  /* A manager asking on someone's behalf cannot address the request to
   * herself and then sign it. */
  sf_store_set_actor (f->store, f->maja);
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_ROI, f->maja,
                                             NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
}

/* A request object for this deal handed in with another deal: the store
 * decides the request it holds, and ticks nothing on the other deal. */
static void
test_request_for_other_deal (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_autoptr(SfDeal) other = sf_test_create_deal (f->store, "Other deal", "Kunde", 100, "EUR");
  g_autoptr(GError) error = NULL;

  advance_to (f, other, SF_STAGE_DEVELOPED);
  g_assert_true (sf_store_decide (f->store, pricing, other, f->maja, PASSPHRASE, TRUE, NULL,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (job_done (f, f->deal, "pricing-approved"));
  g_assert_false (job_done (f, other, "pricing-approved"));
  g_assert_cmpstr (sf_deal_get_title (other), ==, "Other deal");
}

/* A request object whose fields were changed in memory — another id's
 * status, other figures — counts for nothing: the store reads its own. */
static void
test_doctored_request (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_autoptr(SfApprovalRequest) forged = NULL;
  g_autoptr(GError) error = NULL;
  SfApprovalRequestRow row = {
    .id = sf_approval_request_get_id (pricing), .deal_id = sf_deal_get_id (f->deal),
    .kind = SF_APPROVAL_KIND_PRICING, .status = SF_APPROVAL_STATUS_PENDING,
    .requester_id = f->mats, .figures = "format 1\nkind pricing\n", .requested_at = 1,
  };

  /* Rejected by Maja, then replayed as a pending request of Mats's. */
  g_assert_true (sf_store_decide (f->store, pricing, f->deal, f->maja, PASSPHRASE, FALSE,
                                  "Too cheap", &error));
  forged = sf_approval_request_new_from_row (&row);
  g_assert_false (sf_store_decide (f->store, forged, f->deal, f->maja, PASSPHRASE, TRUE, NULL,
                                   &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);
  g_assert_false (sf_store_recall_request (f->store, forged, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
}

/* Approved, changed, and the approved figures put back: the old approval
 * stays void and the deal waits for a new one. */
static void
test_figures_put_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI);
  g_autoptr(SfApprovalRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  SfMoney value;

  g_assert_true (sf_store_decide (f->store, pricing, f->deal, f->maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_true (sf_store_decide (f->store, roi, f->deal, f->mats, PASSPHRASE, TRUE, NULL, &error));
  g_assert_no_error (error);

  set_pricing (f, 3000);
  set_pricing (f, 1000);
  stored = sf_store_get_request (f->store, sf_approval_request_get_id (pricing), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));

  /* The void request cannot be decided again either. */
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, f->maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);

  /* Nor does the deal move on. */
  g_assert_true (sf_test_tick_stage (f->store, f->deal, SF_STAGE_DEVELOPED));
  g_assert_false (sf_store_advance (f->store, f->deal, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);

  /* The value alone, or only its currency, is part of the pricing. */
  g_clear_object (&pricing);
  pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_assert_true (sf_store_decide (f->store, pricing, f->deal, f->maja, PASSPHRASE, TRUE, NULL, &error));
  sf_money_init (&value, sf_deal_get_value (f->deal)->amount, "NOK");
  g_assert_true (sf_store_set_deal_value (f->store, f->deal, &value, &error));
  g_assert_no_error (error);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
}

static void
set_owner (Fixture *f,
           gint64   owner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, owner, &error));
  g_assert_no_error (error);
}

static SfApprovalStatus
stored_status (Fixture           *f,
               SfApprovalRequest *request)
{
  g_autoptr(SfApprovalRequest) stored =
    sf_store_get_request (f->store, sf_approval_request_get_id (request), NULL);

  return sf_approval_request_get_status (stored);
}

static guint
n_waiting (Fixture *f,
           gint64   manager)
{
  g_autoptr(GPtrArray) waiting = sf_store_list_waiting_requests (f->store, manager, NULL);

  return waiting->len;
}

/* A manager lends his own deal to a salesperson for the request and the
 * decision and takes it back afterwards (issue 16, S1): he may not decide
 * on figures that stood while he owned the deal, and an approval does not
 * survive the deal passing to the manager who gave it. */
static void
test_lent_deal (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = NULL;
  g_autoptr(SfApprovalRequest) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ledger_entries;

  /* Maja owns the deal and sets its price, then lends it to Sam. */
  sf_store_set_actor (f->store, f->maja);
  set_owner (f, f->maja);
  set_pricing (f, 2000);
  set_owner (f, f->sam);

  /* Sam cannot ask her... */
  sf_store_set_actor (f->store, f->sam);
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, f->maja,
                                             NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
  g_clear_error (&error);

  /* ... and when he asks any manager, she neither sees it nor decides it. */
  pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_assert_cmpuint (n_waiting (f, f->maja), ==, 0);
  g_assert_cmpuint (n_waiting (f, f->mats), ==, 1);
  ledger_entries = sf_test_store_query (f->store, "SELECT count(*) FROM approval_ledger");
  sf_store_set_actor (f->store, f->maja);
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, f->maja, PASSPHRASE, TRUE, NULL,
                                   &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FORMER_OWNER);
  g_clear_error (&error);
  g_assert_cmpint (stored_status (f, pricing), ==, SF_APPROVAL_STATUS_PENDING);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));
  g_assert_cmpint (sf_test_store_query (f->store, "SELECT count(*) FROM approval_ledger"), ==,
                   ledger_entries);
  g_assert_cmpint (sf_test_store_query (f->store, "SELECT count(*) FROM passphrase_failures"), ==, 0);

  /* Mats never owned it: he approves. */
  g_assert_true (sf_store_decide (f->store, pricing, f->deal, f->mats, PASSPHRASE, TRUE, NULL,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (job_done (f, f->deal, "pricing-approved"));

  /* The deal passes to Mats: his approval is void in the same step, and
   * giving the deal back to Sam does not bring it back. */
  set_owner (f, f->mats);
  g_assert_cmpint (stored_status (f, pricing), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
  {
    g_autoptr(GPtrArray) history = sf_store_list_history (f->store, sf_deal_get_id (f->deal), NULL);
    g_autofree char *text = sf_history_entry_describe (g_ptr_array_index (history, 0));

    g_assert_cmpstr (text, ==, "The pricing approval was voided: the manager who gave it now owns the deal");
  }
  set_owner (f, f->sam);
  g_assert_cmpint (stored_status (f, pricing), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_false (job_done (f, f->deal, "pricing-approved"));

  /* Asked again for the same figures: both managers owned the deal while
   * they stood, so neither may decide. */
  sf_store_set_actor (f->store, f->sam);
  again = request (f, SF_APPROVAL_KIND_PRICING);
  g_assert_cmpuint (n_waiting (f, f->maja) + n_waiting (f, f->mats), ==, 0);
  g_assert_false (sf_store_decide (f->store, again, f->deal, f->mats, PASSPHRASE, TRUE, NULL,
                                   &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FORMER_OWNER);
  g_clear_error (&error);

  /* Sam changes the price while he owns the deal: Maja may decide on the
   * new figures, which she never held. */
  g_assert_true (sf_store_recall_request (f->store, again, &error));
  g_clear_object (&again);
  set_pricing (f, 2500);
  again = request (f, SF_APPROVAL_KIND_PRICING);
  g_assert_cmpuint (n_waiting (f, f->maja), ==, 1);
  g_assert_true (sf_store_decide (f->store, again, f->deal, f->maja, PASSPHRASE, TRUE, NULL,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (job_done (f, f->deal, "pricing-approved"));
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
}

/* The ROI approval follows the same rule, independently of the pricing:
 * the ROI worksheet changed after Maja held the deal. */
static void
test_lent_deal_roi (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) roi = NULL;
  g_autoptr(SfRoi) worksheet = sf_roi_new ("EUR", 600000, 24);
  g_autoptr(GError) error = NULL;

  sf_store_set_actor (f->store, f->maja);
  set_owner (f, f->maja);
  set_owner (f, f->sam);
  sf_store_set_actor (f->store, f->sam);
  /* The worksheet was filled before Maja held the deal: she may not. */
  roi = request (f, SF_APPROVAL_KIND_ROI);
  g_assert_false (sf_store_decide (f->store, roi, f->deal, f->maja, PASSPHRASE, TRUE, NULL,
                                   &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FORMER_OWNER);
  g_clear_error (&error);
  g_assert_true (sf_store_recall_request (f->store, roi, &error));
  g_clear_object (&roi);

  /* Sam fills it in anew: now she may. */
  sf_roi_add_cost (worksheet, "Licences", 120000);
  g_assert_true (sf_store_set_roi (f->store, f->deal, worksheet, &error));
  roi = request (f, SF_APPROVAL_KIND_ROI);
  g_assert_true (sf_store_decide (f->store, roi, f->deal, f->maja, PASSPHRASE, TRUE, NULL,
                                  &error));
  g_assert_no_error (error);

  /* The pricing's approval is not the ROI's: Maja taking the deal voids
   * hers (the ROI), not Mats's (the pricing). */
  {
    g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);

    g_assert_true (sf_store_decide (f->store, pricing, f->deal, f->mats, PASSPHRASE, TRUE, NULL,
                                    &error));
    set_owner (f, f->maja);
    g_assert_cmpint (stored_status (f, roi), ==, SF_APPROVAL_STATUS_VOIDED);
    g_assert_cmpint (stored_status (f, pricing), ==, SF_APPROVAL_STATUS_APPROVED);
    g_assert_false (job_done (f, f->deal, "roi-approved"));
    g_assert_true (job_done (f, f->deal, "pricing-approved"));
  }
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
}

/* Undo that would jump the deal past Developed without its approvals. */
static void
test_undo_past_approvals (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDealState state;

  g_assert_true (sf_test_tick_stage (f->store, f->deal, SF_STAGE_DEVELOPED));
  sf_deal_get_state (f->deal, &state);
  state.stage = SF_STAGE_PROPOSED;
  g_assert_false (sf_store_return_to_state (f->store, f->deal, &state, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  state.stage = SF_STAGE_CLOSED;
  state.status = SF_DEAL_STATUS_WON;
  g_assert_false (sf_store_return_to_state (f->store, f->deal, &state, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (sf_deal_get_stage (f->deal), ==, SF_STAGE_DEVELOPED);
}

/* A template entry made up to look like a plain job cannot make the
 * approval jobs optional or hidden for the deals to come. */
static void
test_template_entry_posing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = sf_store_list_template (f->store, SF_TEMPLATE_LIST_CHECKLIST,
                                                         TRUE, NULL);
  g_autoptr(SfTemplateEntry) posing = NULL;
  g_autoptr(SfDeal) next = NULL;
  g_autoptr(GError) error = NULL;
  SfTemplateEntry *real = NULL;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (sf_template_entry_get_key (g_ptr_array_index (entries, i)), "pricing-approved") == 0)
      real = g_ptr_array_index (entries, i);
  g_assert_nonnull (real);

  posing = sf_template_entry_new (SF_TEMPLATE_LIST_CHECKLIST, sf_template_entry_get_id (real),
                                  sf_template_entry_get_stage (real), 0, "pricing-approved", NULL,
                                  SF_JOB_KIND_MANUAL, TRUE, FALSE);
  g_assert_false (sf_store_set_template_entry_required (f->store, posing, FALSE, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_store_set_template_entry_hidden (f->store, posing, TRUE, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_store_remove_template_entry (f->store, posing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A new deal still gets the approval job, required. */
  next = sf_test_create_deal (f->store, "Next deal", "Kunde", 100, "EUR");
  {
    g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (next), NULL);
    SfJob *job = sf_test_find_job (jobs, "pricing-approved");

    g_assert_nonnull (job);
    g_assert_true (sf_job_get_required (job));
  }
}

/* A job object that claims to be a manual one with the approval job's
 * id: the store goes by the job it holds. */
static void
test_job_posing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (f->deal), NULL);
  SfJob *real = sf_test_find_job (jobs, "roi-approved");
  g_autoptr(SfJob) posing = sf_job_new (sf_deal_get_id (f->deal), SF_STAGE_DEVELOPED, NULL,
                                        "Just a job", SF_JOB_KIND_MANUAL, TRUE);
  g_autoptr(GError) error = NULL;

  sf_job_set_id (posing, sf_job_get_id (real));
  g_assert_false (sf_store_set_job_done (f->store, f->deal, posing, TRUE, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);
  g_assert_false (sf_store_restore_job_done (f->store, f->deal, posing, TRUE, f->maja, 1, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);
  g_assert_false (sf_store_remove_job (f->store, f->deal, posing, &error));
  g_assert_nonnull (error);
  g_assert_false (job_done (f, f->deal, "roi-approved"));
}

/* An approval forged with SQL by someone who can write the file: the
 * ledger check names it. */
static void
test_forged_approval (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING);
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI);
  g_autoptr(GError) error = NULL;
  g_auto(SfLedgerReport) report = { 0 };

  /* The request marked approved and the job ticked, the ledger left. */
  sf_test_store_exec (f->store, "UPDATE approval_requests SET status = 1, decider_id = 2 WHERE kind = 0");
  sf_test_store_exec (f->store, "UPDATE jobs SET done = 1, done_by = 2 WHERE key = 'pricing-approved'");
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_REQUEST_CHANGED);

  /* An entry appended with a correct hash, the chain recomputed by hand,
   * before Salesflow appends the next one after it. */
  sf_test_store_exec (f->store, "UPDATE approval_requests SET status = 0, decider_id = NULL WHERE kind = 0");
  sf_test_store_exec (f->store, "UPDATE jobs SET done = 0, done_by = NULL WHERE key = 'pricing-approved'");
  g_assert_cmpint (ledger_verdict (f), ==, SF_LEDGER_WHOLE);
  sf_test_store_exec (f->store,
    "INSERT INTO approval_ledger (seq, content, prev_hash, hash) "
    "SELECT seq + 1, replace (content, 'seq ' || seq, 'seq ' || (seq + 1)), hash, hash "
    "FROM approval_ledger ORDER BY seq DESC LIMIT 1");
  g_assert_true (sf_store_decide (f->store, roi, f->deal, f->maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_verify_ledger (f->store, &report, NULL));
  g_assert_cmpint (report.verdict, !=, SF_LEDGER_WHOLE);
  g_test_message ("%s", report.description);
}

/* Text that looks like SQL is stored as text. */
static void
test_injection (Fixture       *f,
                gconstpointer  data)
{
  const char *title = "x'); DROP TABLE deals; --";
  const char *customer = "\" OR 1=1; UPDATE jobs SET done = 1; --";
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, title, customer, 1, "EUR");
  g_autoptr(GPtrArray) deals = sf_store_list_deals (f->store, NULL);
  g_autoptr(SfDeal) back = sf_store_get_deal (f->store, sf_deal_get_id (deal), NULL);

  g_assert_cmpuint (deals->len, ==, 2);
  g_assert_cmpstr (sf_deal_get_title (back), ==, title);
  g_assert_cmpstr (sf_deal_get_customer (back), ==, customer);
  g_assert_cmpint (sf_test_store_query (f->store, "SELECT count(*) FROM jobs WHERE kind <> 0 AND done"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/security/impersonation", test_impersonation);
  ADD ("/security/request-for-other-deal", test_request_for_other_deal);
  ADD ("/security/doctored-request", test_doctored_request);
  ADD ("/security/figures-put-back", test_figures_put_back);
  ADD ("/security/lent-deal", test_lent_deal);
  ADD ("/security/lent-deal-roi", test_lent_deal_roi);
  ADD ("/security/undo-past-approvals", test_undo_past_approvals);
  ADD ("/security/template-entry-posing", test_template_entry_posing);
  ADD ("/security/job-posing", test_job_posing);
  ADD ("/security/forged-approval", test_forged_approval);
  ADD ("/security/injection", test_injection);

  return g_test_run ();
}
