/* test-workflow.c — the rules that gate a deal's way through the stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sf-checklist.h"
#include "sf-workflow.h"

/* A deal in @stage with the built-in checklist; jobs of stages before
 * @stage done, jobs of @stage done when @current_done. */
static GPtrArray *
make_jobs (SfStage  stage,
           gboolean current_done)
{
  GPtrArray *jobs = g_ptr_array_new_with_free_func (g_object_unref);
  const SfBuiltinJob *builtin;
  guint n;

  builtin = sf_checklist_get_builtin (&n);
  for (guint i = 0; i < n; i++)
    {
      SfJob *job = sf_job_new (1, builtin[i].stage, builtin[i].key, NULL, builtin[i].kind, TRUE);

      if (builtin[i].stage < stage || (builtin[i].stage == stage && current_done))
        sf_job_set_done (job, TRUE, 1, 1000);
      g_ptr_array_add (jobs, job);
    }

  return jobs;
}

static SfDeal *
make_deal (SfStage      stage,
           SfDealStatus status)
{
  SfDealRow row = {
    .id = 1, .title = "Nordlys CRM", .customer = "Nordlys AS", .currency = "NOK",
    .stage = stage, .status = status, .probability = -1,
    .stage_entered_at = 100, .closed_at = stage == SF_STAGE_CLOSED ? 100 : 0,
    .lost_reason = status == SF_DEAL_STATUS_LOST ? "price" : NULL,
  };

  return sf_deal_new_from_row (&row);
}

/* Every stage, blocked and allowed. */
static void
test_advance_each_stage (void)
{
  for (SfStage stage = SF_STAGE_FIRST; stage <= SF_STAGE_LAST; stage++)
    {
      for (int done = 0; done <= 1; done++)
        {
          g_autoptr(SfDeal) deal = make_deal (stage, stage == SF_STAGE_CLOSED
                                                     ? SF_DEAL_STATUS_WON
                                                     : SF_DEAL_STATUS_OPEN);
          g_autoptr(GPtrArray) jobs = make_jobs (stage, done);
          g_autoptr(GError) error = NULL;
          SfDealState state;
          gboolean ok = sf_workflow_advance (deal, jobs, 5000, &state, &error);

          g_test_message ("stage %s, jobs done: %d", sf_stage_get_key (stage), done);
          if (stage == SF_STAGE_LAST)
            {
              g_assert_false (ok);
              g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LAST_STAGE);
            }
          else if (!done)
            {
              g_autoptr(GPtrArray) blockers = sf_workflow_get_blockers (deal, jobs, stage);
              guint expected = 0;

              for (guint i = 0; i < jobs->len; i++)
                expected += sf_job_get_stage (g_ptr_array_index (jobs, i)) == stage;

              g_assert_false (ok);
              g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
              g_assert_cmpuint (blockers->len, ==, expected);
              /* The message names the open jobs. */
              for (guint i = 0; i < blockers->len; i++)
                g_assert_nonnull (strstr (error->message,
                                          sf_job_get_display_title (g_ptr_array_index (blockers, i))));
            }
          else
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (state.stage, ==, stage + 1);
              g_assert_cmpint (state.stage_entered_at, ==, 5000);
              g_assert_cmpint (state.status, ==, stage + 1 == SF_STAGE_CLOSED
                                                  ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN);
              g_assert_cmpint (state.closed_at, ==, stage + 1 == SF_STAGE_CLOSED ? 5000 : 0);
            }
        }
    }
}

/* Optional jobs never block; one open required job does. */
static void
test_optional_jobs (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN);
  g_autoptr(GPtrArray) jobs = make_jobs (SF_STAGE_QUALIFIED, TRUE);
  g_autoptr(SfJob) optional = sf_job_new (1, SF_STAGE_QUALIFIED, NULL, "Send a gift", SF_JOB_KIND_MANUAL, FALSE);
  g_autoptr(SfJob) required = sf_job_new (1, SF_STAGE_QUALIFIED, NULL, "Call the CFO", SF_JOB_KIND_MANUAL, TRUE);
  g_autoptr(GError) error = NULL;
  SfDealState state;

  g_ptr_array_add (jobs, g_object_ref (optional));
  g_assert_true (sf_workflow_advance (deal, jobs, 1, &state, &error));
  g_assert_no_error (error);

  g_ptr_array_add (jobs, g_object_ref (required));
  g_assert_false (sf_workflow_advance (deal, jobs, 1, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "Call the CFO"));
  g_assert_null (strstr (error->message, "Send a gift"));
}

/* A job of an earlier stage that is open again holds the deal. */
static void
test_reopened_earlier_job_blocks (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN);
  g_autoptr(GPtrArray) jobs = make_jobs (SF_STAGE_PROPOSED, TRUE);
  g_autoptr(GError) error = NULL;
  SfDealState state;

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_kind (job) == SF_JOB_KIND_PRICING_APPROVAL)
        sf_job_set_done (job, FALSE, 0, 0);
    }

  g_assert_false (sf_workflow_advance (deal, jobs, 1, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
}

static void
test_lost_deal_is_frozen (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST);
  g_autoptr(GPtrArray) jobs = make_jobs (SF_STAGE_DISCOVERY, TRUE);
  g_autoptr(GError) error = NULL;
  SfDealState state;

  g_assert_false (sf_workflow_advance (deal, jobs, 1, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_clear_error (&error);

  g_assert_false (sf_workflow_move_back (deal, "wrong stage", 1, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_clear_error (&error);

  g_assert_false (sf_workflow_check_job (deal, g_ptr_array_index (jobs, 0), TRUE, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_clear_error (&error);

  g_assert_false (sf_workflow_mark_lost (deal, "price", NULL, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
}

static void
test_move_back (void)
{
  for (SfStage stage = SF_STAGE_FIRST; stage <= SF_STAGE_LAST; stage++)
    {
      g_autoptr(SfDeal) deal = make_deal (stage, stage == SF_STAGE_CLOSED
                                                 ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN);
      g_autoptr(GError) error = NULL;
      SfDealState state;

      if (stage == SF_STAGE_FIRST)
        {
          g_assert_false (sf_workflow_move_back (deal, "too early", 9, &state, &error));
          g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_FIRST_STAGE);
          continue;
        }

      g_assert_false (sf_workflow_move_back (deal, "  ", 9, &state, &error));
      g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED);
      g_clear_error (&error);
      g_assert_false (sf_workflow_move_back (deal, NULL, 9, &state, &error));
      g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED);
      g_clear_error (&error);

      g_assert_true (sf_workflow_move_back (deal, "Budget cut", 9, &state, &error));
      g_assert_no_error (error);
      g_assert_cmpint (state.stage, ==, stage - 1);
      g_assert_cmpint (state.status, ==, SF_DEAL_STATUS_OPEN);
      g_assert_cmpint (state.closed_at, ==, 0);
      g_assert_cmpint (state.stage_entered_at, ==, 9);
    }
}

static void
test_lose_and_restore (void)
{
  for (SfStage stage = SF_STAGE_FIRST; stage <= SF_STAGE_LAST; stage++)
    {
      SfDealStatus before = stage == SF_STAGE_CLOSED ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN;
      g_autoptr(SfDeal) deal = make_deal (stage, before);
      g_autoptr(GError) error = NULL;
      SfDealState lost, restored;

      g_assert_false (sf_workflow_restore (deal, &restored, &error));
      g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_LOST);
      g_clear_error (&error);

      g_assert_false (sf_workflow_mark_lost (deal, "", NULL, &lost, &error));
      g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED);
      g_clear_error (&error);

      g_assert_true (sf_workflow_mark_lost (deal, "competitor", "Chose Vendor X", &lost, &error));
      g_assert_no_error (error);
      g_assert_cmpint (lost.status, ==, SF_DEAL_STATUS_LOST);
      g_assert_cmpint (lost.stage, ==, stage);
      g_assert_cmpstr (lost.lost_reason, ==, "competitor");
      g_assert_cmpstr (lost.lost_note, ==, "Chose Vendor X");

      sf_deal_set_state (deal, &lost);
      g_assert_false (sf_deal_is_editable (deal));
      g_assert_cmpint (sf_deal_get_effective_probability (deal, NULL), ==, 0);
      g_assert_true (sf_workflow_restore (deal, &restored, &error));
      g_assert_no_error (error);
      g_assert_cmpint (restored.status, ==, before);
      g_assert_cmpint (restored.stage, ==, stage);
      g_assert_null (restored.lost_reason);
    }
}

static void
test_tick_rules (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN);
  g_autoptr(GPtrArray) jobs = make_jobs (SF_STAGE_DEVELOPED, FALSE);

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GError) error = NULL;
      gboolean ok = sf_workflow_check_job (deal, job, TRUE, &error);

      if (sf_job_get_stage (job) > SF_STAGE_DEVELOPED)
        g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_REACHED);
      else if (sf_job_get_kind (job) != SF_JOB_KIND_MANUAL)
        g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
      else
        g_assert_no_error (error);
      g_assert_true (ok == (error == NULL));

      /* The approval paths may complete their own jobs. */
      if (sf_job_get_kind (job) != SF_JOB_KIND_MANUAL && sf_job_get_stage (job) <= SF_STAGE_DEVELOPED)
        g_assert_true (sf_workflow_check_job (deal, job, FALSE, NULL));
    }
}

/* The approval and satisfaction jobs cannot be ticked by hand, so a deal
 * in Developed is held until its approvals arrive. */
static void
test_approvals_block_by_hand (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN);
  g_autoptr(GPtrArray) jobs = make_jobs (SF_STAGE_DEVELOPED, FALSE);
  g_autoptr(GPtrArray) blockers = NULL;
  g_autoptr(GError) error = NULL;
  SfDealState state;

  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_workflow_check_job (deal, job, TRUE, NULL))
        sf_job_set_done (job, TRUE, 1, 1);
    }

  g_assert_false (sf_workflow_advance (deal, jobs, 1, &state, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  blockers = sf_workflow_get_blockers (deal, jobs, SF_STAGE_DEVELOPED);
  g_assert_cmpuint (blockers->len, ==, 2);
  g_assert_cmpint (sf_job_get_kind (g_ptr_array_index (blockers, 0)), ==, SF_JOB_KIND_PRICING_APPROVAL);
  g_assert_cmpint (sf_job_get_kind (g_ptr_array_index (blockers, 1)), ==, SF_JOB_KIND_ROI_APPROVAL);
}

/* Undo may go back freely but forward only where the jobs allow. */
static void
test_check_return (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN);
  g_autoptr(GPtrArray) open_jobs = make_jobs (SF_STAGE_QUALIFIED, FALSE);
  g_autoptr(GPtrArray) done_jobs = make_jobs (SF_STAGE_QUALIFIED, TRUE);
  g_autoptr(GError) error = NULL;
  SfDealState target;

  sf_deal_get_state (deal, &target);
  target.stage = SF_STAGE_PROSPECT;
  g_assert_true (sf_workflow_check_return (deal, open_jobs, &target, &error));
  g_assert_no_error (error);

  target.stage = SF_STAGE_DISCOVERY;
  g_assert_false (sf_workflow_check_return (deal, open_jobs, &target, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);
  g_assert_true (sf_workflow_check_return (deal, done_jobs, &target, &error));
  g_assert_no_error (error);

  /* Skipping a stage needs that stage's jobs too. */
  target.stage = SF_STAGE_DEVELOPED;
  g_assert_false (sf_workflow_check_return (deal, done_jobs, &target, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);

  /* Impossible states are refused. */
  target.stage = SF_STAGE_QUALIFIED;
  target.status = SF_DEAL_STATUS_WON;
  g_assert_false (sf_workflow_check_return (deal, done_jobs, &target, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  target.status = SF_DEAL_STATUS_LOST;
  target.lost_reason = NULL;
  g_assert_false (sf_workflow_check_return (deal, done_jobs, &target, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
}

static void
test_field_checks (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_workflow_check_title ("Fjordkraft", NULL));
  g_assert_false (sf_workflow_check_title (" \t", &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_workflow_check_title (NULL, NULL));

  g_assert_true (sf_workflow_check_email ("", NULL));
  g_assert_true (sf_workflow_check_email (NULL, NULL));
  g_assert_true (sf_workflow_check_email ("ingrid@fjordkraft.no", NULL));
  g_assert_false (sf_workflow_check_email ("ingrid", &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
  g_assert_false (sf_workflow_check_email ("@fjordkraft.no", NULL));
  g_assert_false (sf_workflow_check_email ("a b@c.de", NULL));
  g_assert_false (sf_workflow_check_email ("a@b@c.de", NULL));
}

static void
test_probability (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN);
  int team[SF_N_STAGES] = { 5, 15, 35, 55, 75, 100 };

  g_assert_cmpint (sf_deal_get_effective_probability (deal, NULL), ==, 40);
  g_assert_cmpint (sf_deal_get_effective_probability (deal, team), ==, 35);
  sf_deal_set_probability (deal, 90);
  g_assert_cmpint (sf_deal_get_effective_probability (deal, team), ==, 90);
}

static void
test_search (void)
{
  SfDealRow row = {
    .id = 1, .title = "Ladestasjoner", .customer = "Müller & Søn GmbH",
    .contact_name = "Åse Lindqvist", .contact_email = "ase@mueller.de", .currency = "EUR",
    .probability = -1,
  };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  static const struct { const char *query; gboolean match; } cases[] = {
    { "", TRUE },
    { "muller", TRUE },
    { "MÜLLER", TRUE },
    { "lade", TRUE },
    { "ase lind", TRUE },
    { "åse", TRUE },
    { "mueller.de", TRUE },
    { "søn", TRUE },
    { "muller xyz", FALSE },
    { "schmidt", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sf_search_fold (cases[i].query);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_true (sf_deal_matches (deal, folded) == cases[i].match);
    }

  /* Changing a field rebuilds the search key. */
  sf_deal_set_customer (deal, "Statkraft");
  {
    g_autofree char *folded = sf_search_fold ("statkraft");

    g_assert_true (sf_deal_matches (deal, folded));
  }
}

/* What folding was before its ASCII shortcut and per-character
 * decomposition: normalise the whole text, drop the marks, case fold. */
static char *
reference_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) out = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_utf8_casefold (out->str, out->len);
}

static void
test_search_fold (void)
{
  static const char * const texts[] = {
    "", "plain ascii", "MiXeD CaSe 123 @example.DE", "Müller & Söhne", "MÜLLER", "Åse Ødegård",
    "Straße", "ﬁnance ﬂow", "Ｆｕｌｌｗｉｄｔｈ", "Ǆemal", "e\xcc\x81te\xcc\x81", "Ελληνικά ΣΊΣΥΦΟΣ",
    "한국어 회사", "Ⅻ №5 ½", "Tromsø Havn KF", "ÇA VA", "İstanbul", "x\xcc\xa3\xcc\x87",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = reference_fold (texts[i]);
      g_autofree char *folded = sf_search_fold (texts[i]);

      g_test_message ("“%s”", texts[i]);
      g_assert_cmpstr (folded, ==, expected);
    }

  {
    g_autofree char *invalid = sf_search_fold ("bad \xff byte");

    g_assert_cmpstr (invalid, ==, "");
  }
}

/* The e-mail address and phone number are found too, whether they keep
 * their case or not, and no query word matches across two fields. */
static void
test_search_fields (void)
{
  SfDealRow row = {
    .id = 1, .title = "Harbour cranes", .customer = "Tromsø Havn KF",
    .contact_name = "Sigrid Johansen", .contact_email = "sigrid@tromso-havn.no",
    .contact_phone = "+47 900 12 345", .currency = "NOK", .probability = -1,
  };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  static const struct { const char *query; gboolean match; } cases[] = {
    { "tromso-havn", TRUE },
    { "900 12", TRUE },
    { "johansen sigrid@", TRUE },
    { "cranes tromsø", TRUE },
    { "cranestromsø", FALSE },
    { "kf sigrid", TRUE },
    { "kfsigrid", FALSE },
    { "345x", FALSE },
    /* One letter or digit is answered from which bytes the key has. */
    { "k", TRUE },
    { "q", FALSE },
    { "7", TRUE },
    { "8", FALSE },
    { "Ä", TRUE },
    { "@", TRUE },
    { "ø", TRUE },
    { "x h", FALSE },
    { "h 5", TRUE },
  };

  g_assert_cmpstr (sf_deal_get_contact_email (deal), ==, "sigrid@tromso-havn.no");
  g_assert_cmpstr (sf_deal_get_contact_phone (deal), ==, "+47 900 12 345");
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "Tromsø Havn KF");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sf_search_fold (cases[i].query);

      g_autoptr(SfSearchQuery) query = sf_search_query_new (folded);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_true (sf_deal_matches (deal, folded) == cases[i].match);
      /* The same with the query split beforehand, as the list's filter does. */
      g_assert_true (sf_deal_matches_query (deal, query) == cases[i].match);
    }

  /* An address with capitals is kept as typed and still found. */
  sf_deal_set_contact_email (deal, "Sigrid.Johansen@Tromso-Havn.NO");
  g_assert_cmpstr (sf_deal_get_contact_email (deal), ==, "Sigrid.Johansen@Tromso-Havn.NO");
  g_assert_cmpstr (sf_deal_get_contact_phone (deal), ==, "+47 900 12 345");
  {
    g_autofree char *folded = sf_search_fold ("sigrid.johansen@tromso");

    g_assert_true (sf_deal_matches (deal, folded));
  }

  /* Unset fields read as NULL, and the others survive the change. */
  sf_deal_set_contact_phone (deal, "");
  g_assert_null (sf_deal_get_contact_phone (deal));
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Harbour cranes");
  g_assert_cmpstr (sf_deal_get_contact_name (deal), ==, "Sigrid Johansen");
}

static void
test_days_in_stage (void)
{
  g_autoptr(SfDeal) deal = make_deal (SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN);

  g_assert_cmpint (sf_deal_get_days_in_stage (deal, 100), ==, 0);
  g_assert_cmpint (sf_deal_get_days_in_stage (deal, 100 + 86400 * 31 + 5), ==, 31);
  g_assert_cmpint (sf_deal_get_days_in_stage (deal, 50), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/advance/each-stage", test_advance_each_stage);
  g_test_add_func ("/workflow/advance/optional-jobs", test_optional_jobs);
  g_test_add_func ("/workflow/advance/reopened-earlier-job", test_reopened_earlier_job_blocks);
  g_test_add_func ("/workflow/advance/approvals-block", test_approvals_block_by_hand);
  g_test_add_func ("/workflow/lost/frozen", test_lost_deal_is_frozen);
  g_test_add_func ("/workflow/move-back", test_move_back);
  g_test_add_func ("/workflow/lose-and-restore", test_lose_and_restore);
  g_test_add_func ("/workflow/tick", test_tick_rules);
  g_test_add_func ("/workflow/undo-return", test_check_return);
  g_test_add_func ("/workflow/fields", test_field_checks);
  g_test_add_func ("/deal/probability", test_probability);
  g_test_add_func ("/deal/search", test_search);
  g_test_add_func ("/deal/search-fold", test_search_fold);
  g_test_add_func ("/deal/search-fields", test_search_fields);
  g_test_add_func ("/deal/days-in-stage", test_days_in_stage);

  return g_test_run ();
}
