/* test-store.c — the SQLite store: schema, round trips, rules, bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sf-format.h"
#include "sf-pipeline.h"
#include "sf-sample.h"
#include "sf-store.h"
#include "sf-store-private.h"
#include "sf-test-util.h"
#include "sf-workflow.h"

typedef struct
{
  char *dir;
  char *path;
  SfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sf_test_temp_dir ();
  f->path = g_build_filename (f->dir, "deep", "folder", "pipeline.db", NULL);
  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A new file gets the whole schema, in folders that did not exist. */
static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) deals = NULL;
  int probabilities[SF_N_STAGES];

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, sf_store_get_schema_version ());
  g_assert_cmpint (query_int (f->path, "PRAGMA application_id"), ==, SF_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM template_jobs"), ==, 26);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM lost_reasons"), ==, 6);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM stage_settings"), ==, SF_N_STAGES);

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 0);

  g_assert_true (sf_store_get_stage_probabilities (f->store, probabilities, NULL));
  g_assert_cmpint (probabilities[SF_STAGE_DEVELOPED], ==, 60);
}

static gint64 fake_time = 1790000000;

static gint64
fake_now (gpointer data)
{
  return fake_time;
}

/* Everything a deal holds comes back from a fresh connection. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_deal_new ();
  g_autoptr(SfPerson) owner = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(SfStore) again = NULL;
  SfDeal *back;
  SfMoney value;

  sf_store_set_clock (f->store, fake_now, NULL);
  owner = sf_store_add_person (f->store, "Ingrid Bakke", SF_ROLE_SALES, &error);
  g_assert_no_error (error);

  sf_money_init (&value, 12345678, "NOK");
  sf_deal_set_title (deal, "  Ladenettverk Vestland  ");
  sf_deal_set_customer (deal, "Vestland Energi AS");
  sf_deal_set_contact_name (deal, "Kari Nordmann");
  sf_deal_set_contact_email (deal, "kari@vestland-energi.no");
  sf_deal_set_contact_phone (deal, "+47 55 00 00 00");
  sf_deal_set_owner_id (deal, sf_person_get_id (owner));
  sf_deal_set_value (deal, &value);
  sf_deal_set_expected_close (deal, sf_date_from_ymd (2027, 3, 31));
  sf_deal_set_probability (deal, 35);
  sf_deal_set_notes (deal, "Wants a pilot in Bergen first.");
  g_assert_true (sf_store_create_deal (f->store, deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_id (deal), >, 0);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Ladenettverk Vestland");

  g_clear_object (&f->store);
  again = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  deals = sf_store_list_deals (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, 1);

  back = g_ptr_array_index (deals, 0);
  g_assert_cmpint (sf_deal_get_id (back), ==, sf_deal_get_id (deal));
  g_assert_cmpstr (sf_deal_get_title (back), ==, "Ladenettverk Vestland");
  g_assert_cmpstr (sf_deal_get_customer (back), ==, "Vestland Energi AS");
  g_assert_cmpstr (sf_deal_get_contact_name (back), ==, "Kari Nordmann");
  g_assert_cmpstr (sf_deal_get_contact_email (back), ==, "kari@vestland-energi.no");
  g_assert_cmpstr (sf_deal_get_contact_phone (back), ==, "+47 55 00 00 00");
  g_assert_cmpint (sf_deal_get_owner_id (back), ==, sf_person_get_id (owner));
  g_assert_true (sf_money_equal (sf_deal_get_value (back), &value));
  g_assert_cmpint (sf_deal_get_stage (back), ==, SF_STAGE_PROSPECT);
  g_assert_cmpint (sf_deal_get_status (back), ==, SF_DEAL_STATUS_OPEN);
  g_assert_cmpuint (sf_deal_get_expected_close (back), ==, sf_date_from_ymd (2027, 3, 31));
  g_assert_cmpint (sf_deal_get_probability (back), ==, 35);
  g_assert_cmpint (sf_deal_get_created_at (back), ==, fake_time);
  g_assert_cmpint (sf_deal_get_stage_entered_at (back), ==, fake_time);
  /* The list loads without notes; opening the deal reads them. */
  g_assert_null (sf_deal_get_notes (back));
  g_assert_true (sf_store_load_deal_notes (again, back, &error));
  g_assert_cmpstr (sf_deal_get_notes (back), ==, "Wants a pilot in Bergen first.");
  /* Prospect has three required jobs, none done. */
  g_assert_cmpuint (sf_deal_get_progress_done (back), ==, 0);
  g_assert_cmpuint (sf_deal_get_progress_required (back), ==, 3);
}

static void
test_create_refuses_bad_input (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_deal_new ();
  g_autoptr(GPtrArray) deals = NULL;
  SfMoney value;

  sf_deal_set_title (deal, "   ");
  g_assert_false (sf_store_create_deal (f->store, deal, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  sf_deal_set_title (deal, "Ok");
  sf_deal_set_contact_email (deal, "not an address");
  g_assert_false (sf_store_create_deal (f->store, deal, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  sf_deal_set_contact_email (deal, NULL);
  sf_money_init (&value, 1, "ZZZ");
  sf_deal_set_value (deal, &value);
  g_assert_false (sf_store_create_deal (f->store, deal, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM jobs"), ==, 0);
}

/* Every change is one history row: who, when, old and new. */
static void
test_edit_and_history (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) me = sf_store_add_person (f->store, "Lars Holm", SF_ROLE_SALES, NULL);
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  SfMoney value;

  sf_store_set_actor (f->store, sf_person_get_id (me));
  deal = sf_test_create_deal (f->store, "Solar roofs", "Sonnenwerk GmbH", 500000, "EUR");

  g_assert_true (sf_store_set_deal_text (f->store, deal, SF_DEAL_FIELD_TITLE, "Solar roofs Bavaria", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Solar roofs Bavaria");

  sf_money_init (&value, 750000, "EUR");
  g_assert_true (sf_store_set_deal_value (f->store, deal, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 750000);

  /* Refused: nothing changes in memory or on disk. */
  g_assert_false (sf_store_set_deal_text (f->store, deal, SF_DEAL_FIELD_TITLE, "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sf_store_set_deal_text (f->store, deal, SF_DEAL_FIELD_CONTACT_EMAIL, "nobody", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Solar roofs Bavaria");
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM deals WHERE title = 'Solar roofs Bavaria'"), ==, 1);

  history = sf_store_list_history (f->store, sf_deal_get_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "value");
  g_assert_cmpstr (sf_history_entry_get_old_value (g_ptr_array_index (history, 0)), ==, "5000.00 EUR");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 0)), ==, "7500.00 EUR");
  g_assert_cmpstr (sf_history_entry_get_person_name (g_ptr_array_index (history, 0)), ==, "Lars Holm");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 1)), ==, "title");
  g_assert_cmpstr (sf_history_entry_get_old_value (g_ptr_array_index (history, 1)), ==, "Solar roofs");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 2)), ==, "created");

  if (sf_test_use_locale ("C.UTF-8"))
    {
      text = sf_history_entry_describe (g_ptr_array_index (history, 0));
      g_assert_cmpstr (text, ==, "Value: €5,000.00 → €7,500.00");
    }
}

static void
test_tick_and_progress (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) me = sf_store_add_person (f->store, "Lars Holm", SF_ROLE_SALES, NULL);
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) reloaded = NULL;
  SfJob *job;

  sf_store_set_clock (f->store, fake_now, NULL);
  sf_store_set_actor (f->store, sf_person_get_id (me));
  deal = sf_test_create_deal (f->store, "Heat pumps", "Varme AS", 100, "NOK");
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 26);

  job = sf_test_find_job (jobs, "prospect-found");
  g_assert_true (sf_store_set_job_done (f->store, deal, job, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sf_job_get_done (job));
  g_assert_cmpint (sf_job_get_done_by (job), ==, sf_person_get_id (me));
  g_assert_cmpint (sf_job_get_done_at (job), ==, fake_time);
  g_assert_cmpuint (sf_deal_get_progress_done (deal), ==, 1);
  g_assert_cmpuint (sf_deal_get_progress_required (deal), ==, 3);

  reloaded = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_true (sf_job_get_done (sf_test_find_job (reloaded, "prospect-found")));
  g_assert_cmpint (query_int (f->path, "SELECT progress_done FROM deals"), ==, 1);

  /* An approval job cannot be ticked by hand… */
  g_assert_false (sf_store_set_job_done (f->store, deal, sf_test_find_job (jobs, "pricing-approved"),
                                         TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* …nor a job of a stage the deal has not reached. */
  g_assert_false (sf_store_set_job_done (f->store, deal, sf_test_find_job (jobs, "funding-secured"),
                                         TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM jobs WHERE done"), ==, 1);

  /* Unticking forgets who and when. */
  g_assert_true (sf_store_set_job_done (f->store, deal, job, FALSE, &error));
  g_assert_false (sf_job_get_done (job));
  g_assert_cmpint (sf_job_get_done_by (job), ==, 0);
}

static void
test_advance_gated (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Fleet", "Bussco", 100, "EUR");
  g_autoptr(GPtrArray) history = NULL;

  g_assert_false (sf_store_advance (f->store, deal, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_cmpint (query_int (f->path, "SELECT stage FROM deals"), ==, SF_STAGE_PROSPECT);

  for (SfStage stage = SF_STAGE_PROSPECT; stage < SF_STAGE_DEVELOPED; stage++)
    {
      g_assert_true (sf_test_tick_stage (f->store, deal, stage));
      g_assert_true (sf_store_advance (f->store, deal, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sf_deal_get_stage (deal), ==, stage + 1);
      g_assert_cmpint (query_int (f->path, "SELECT stage FROM deals"), ==, stage + 1);
    }

  /* Developed waits for the two approvals, which only managers give. */
  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_DEVELOPED));
  g_assert_false (sf_store_advance (f->store, deal, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_assert_cmpuint (sf_deal_get_progress_done (deal), ==, 3);
  g_assert_cmpuint (sf_deal_get_progress_required (deal), ==, 5);

  history = sf_store_list_history (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "job-done");
}

static void
test_move_back_lose_restore (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Wind", "Vindkraft AS", 100, "NOK");
  g_autoptr(GPtrArray) history = NULL;
  SfDealState before;

  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_PROSPECT));
  sf_deal_get_state (deal, &before);
  g_assert_true (sf_store_advance (f->store, deal, &error));

  g_assert_false (sf_store_move_back (f->store, deal, "", &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_true (sf_store_move_back (f->store, deal, "Customer reorganised", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);

  g_assert_true (sf_store_mark_lost (f->store, deal, "competitor", "Went with Vendor X", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_LOST);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, "competitor");
  g_assert_cmpstr (sf_deal_get_lost_note (deal), ==, "Went with Vendor X");

  /* A lost deal is frozen. */
  g_assert_false (sf_store_set_deal_text (f->store, deal, SF_DEAL_FIELD_TITLE, "New", &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_clear_error (&error);

  g_assert_true (sf_store_restore (f->store, deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_OPEN);
  g_assert_null (sf_deal_get_lost_reason (deal));

  history = sf_store_list_history (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "restored");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 1)), ==, "lost");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 1)), ==, "competitor");
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 2)), ==, "moved-back");
  g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 2)), ==, "Customer reorganised");
}

static void
test_return_to_state (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Wind", "Vindkraft AS", 100, "NOK");
  g_autoptr(GPtrArray) jobs = NULL;
  SfDealState before, after;
  gint64 entered;

  sf_store_set_clock (f->store, fake_now, NULL);
  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_PROSPECT));
  sf_deal_get_state (deal, &before);
  entered = before.stage_entered_at;
  fake_time += 86400;
  g_assert_true (sf_store_advance (f->store, deal, &error));

  /* Undo the advance: back to Prospect with its old entry time. */
  g_assert_true (sf_store_return_to_state (f->store, deal, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_cmpint (sf_deal_get_stage_entered_at (deal), ==, entered);

  /* Redo would need the jobs: untick one and try to return forward. */
  sf_deal_get_state (deal, &after);
  after.stage = SF_STAGE_QUALIFIED;
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_true (sf_store_set_job_done (f->store, deal, sf_test_find_job (jobs, "prospect-found"),
                                        FALSE, NULL));
  g_assert_false (sf_store_return_to_state (f->store, deal, &after, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_assert_cmpint (query_int (f->path, "SELECT stage FROM deals"), ==, SF_STAGE_PROSPECT);
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Boats", "Båtbygg AS", 100, "NOK");
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) jobs = NULL;

  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_PROSPECT));
  g_assert_true (sf_store_delete_deal (f->store, deal, &error));
  g_assert_no_error (error);
  after_delete = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (after_delete->len, ==, 0);

  /* Acting on a deleted deal is refused. */
  g_assert_false (sf_store_advance (f->store, deal, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sf_store_undelete_deal (f->store, deal, &error));
  g_assert_no_error (error);
  after_undo = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (after_undo->len, ==, 1);
  /* Whole again: its jobs come back done. */
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "prospect-found")));

  g_assert_false (sf_store_undelete_deal (f->store, deal, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
}

static void
test_extra_jobs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Boats", "Båtbygg AS", 100, "NOK");
  g_autoptr(SfJob) extra = sf_job_new (0, SF_STAGE_PROSPECT, NULL, "Visit the yard in Risør",
                                       SF_JOB_KIND_MANUAL, TRUE);
  g_autoptr(GPtrArray) jobs = NULL;

  g_assert_true (sf_store_add_job (f->store, deal, extra, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_job_get_id (extra), >, 0);
  g_assert_cmpint (sf_job_get_position (extra), ==, 3);
  g_assert_cmpuint (sf_deal_get_progress_required (deal), ==, 4);

  g_assert_true (sf_store_rename_job (f->store, deal, extra, "Visit the yard in Arendal", &error));
  g_assert_cmpstr (sf_job_get_display_title (extra), ==, "Visit the yard in Arendal");

  g_assert_true (sf_store_set_job_due (f->store, deal, extra, sf_date_from_ymd (2027, 1, 15), &error));
  g_assert_no_error (error);

  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_false (sf_store_rename_job (f->store, deal, sf_test_find_job (jobs, "prospect-found"),
                                       "Something else", &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_store_remove_job (f->store, deal, sf_test_find_job (jobs, "prospect-found"), &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sf_store_remove_job (f->store, deal, extra, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_deal_get_progress_required (deal), ==, 3);
}

static SfDeal *
row_deal (const char  *title,
          SfStage      stage,
          SfDealStatus status,
          const char  *lost_reason)
{
  SfDealRow row = {
    .title = title, .customer = "Kunde AS", .currency = "NOK", .value = 100000,
    .stage = stage, .status = status, .lost_reason = lost_reason, .probability = -1,
    .stage_entered_at = 1700000000,
  };

  return sf_deal_new_from_row (&row);
}

static gboolean
count_progress (guint    done,
                guint    total,
                gpointer data)
{
  *(guint *) data = done;
  return TRUE;
}

/* Import keeps stages, ticks the manual jobs behind each deal, leaves the
 * approvals open, and is all or nothing. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDeal) a = row_deal ("Prospect deal", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL);
  g_autoptr(SfDeal) b = row_deal ("Proposed deal", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL);
  g_autoptr(SfDeal) c = row_deal ("Lost deal", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST, "price");
  g_autoptr(SfDeal) bad = row_deal ("   ", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL);
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  SfImportItem items[] = { { a, 2 }, { b, 1 }, { c, 0 }, { bad, 0 } };
  guint progress = 0;

  /* One bad row: nothing is stored. */
  g_assert_false (sf_store_import_deals (f->store, items, 4, NULL, NULL, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM deals"), ==, 0);

  g_assert_true (sf_store_import_deals (f->store, items, 3, count_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress, ==, 3);
  g_assert_cmpint (sf_deal_get_id (b), >, 0);

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 3);
  g_assert_cmpuint (sf_deal_get_progress_done (g_ptr_array_index (deals, 0)), ==, 2);
  g_assert_cmpuint (sf_deal_get_progress_done (g_ptr_array_index (deals, 1)), ==, 1);
  g_assert_cmpuint (sf_deal_get_progress_required (g_ptr_array_index (deals, 1)), ==, 5);
  g_assert_cmpint (sf_deal_get_status (g_ptr_array_index (deals, 2)), ==, SF_DEAL_STATUS_LOST);

  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (b), NULL);
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "funding-secured")));
  g_assert_false (sf_job_get_done (sf_test_find_job (jobs, "pricing-approved")));
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "proposals-submitted")));
  g_assert_false (sf_job_get_done (sf_test_find_job (jobs, "contracts-approved")));

  /* Held at Proposed until the approvals exist. */
  g_assert_true (sf_test_tick_stage (f->store, b, SF_STAGE_PROPOSED));
  g_assert_false (sf_store_advance (f->store, b, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
}

/* The jobs an import ticks in the deal's own stage are the first ones in
 * the checklist's order, which the team may have rearranged. */
static void
test_import_follows_template_order (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(SfDeal) deal = row_deal ("Reordered", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL);
  SfImportItem items[] = { { deal, 2 } };
  SfTemplateEntry *builders = NULL;

  entries = sf_store_list_template (f->store, SF_TEMPLATE_LIST_CHECKLIST, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (sf_template_entry_get_key (g_ptr_array_index (entries, i)), "builders-met") == 0)
      builders = g_ptr_array_index (entries, i);
  g_assert_nonnull (builders);
  /* Last of three in Prospect, moved up to first. */
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (sf_store_move_template_entry (f->store, builders, -1, &error));
      g_assert_no_error (error);
    }

  g_assert_true (sf_store_import_deals (f->store, items, 1, NULL, NULL, &error));
  g_assert_no_error (error);

  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "builders-met")));
  g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "prospect-found")));
  g_assert_false (sf_job_get_done (sf_test_find_job (jobs, "prospect-meetings")));
  g_assert_cmpint (query_int (f->path, "SELECT progress_done FROM deals"), ==, 2);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) me = sf_store_add_person (f->store, "Test User", SF_ROLE_SALES, NULL);
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  guint per_stage[SF_N_STAGES] = { 0 }, lost = 0, won = 0, mine = 0;

  g_assert_true (sf_sample_create (f->store, sf_person_get_id (me), &error));
  g_assert_no_error (error);

  deals = sf_store_list_deals (f->store, NULL);
  persons = sf_store_list_persons (f->store, NULL);
  g_assert_cmpuint (persons->len, ==, 3);
  g_assert_cmpuint (deals->len, >=, 25);
  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);

      per_stage[sf_deal_get_stage (deal)]++;
      lost += sf_deal_get_status (deal) == SF_DEAL_STATUS_LOST;
      won += sf_deal_get_status (deal) == SF_DEAL_STATUS_WON;
      mine += sf_deal_get_owner_id (deal) == sf_person_get_id (me);
    }
  /* Every stage has deals; some are lost, some closed, the user owns some. */
  for (int s = 0; s < SF_N_STAGES; s++)
    g_assert_cmpuint (per_stage[s], >, 0);
  g_assert_cmpuint (lost, >=, 2);
  g_assert_cmpuint (won, >=, 3);
  g_assert_cmpuint (mine, >=, 5);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM jobs WHERE done"), >, 50);
  /* Each deal's history starts when it was created, brought in by the
   * user: before any of its jobs was ticked. */
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM history h JOIN deals d ON d.id = h.deal_id "
                              "WHERE h.field = 'created' AND (h.at <> d.created_at OR h.person_id IS NOT "
                              "(SELECT id FROM persons WHERE name = 'Test User'))"), ==, 0);
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM jobs j JOIN history h ON h.deal_id = j.deal_id "
                              "WHERE h.field = 'created' AND j.done AND j.done_at < h.at"), ==, 0);

  /* Past Developed every deal was signed off, lost ones too, so the
   * sample is consistent; in Developed some wait, one was turned down. */
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM jobs j JOIN deals d ON d.id = j.deal_id "
                              "WHERE j.kind IN (1, 2) AND d.stage > 3 AND NOT j.done"), ==, 0);
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM approval_requests r JOIN deals d ON d.id = r.deal_id "
                              "WHERE d.stage = 3 AND r.status = 0"), >=, 1);
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM approval_requests r JOIN deals d ON d.id = r.deal_id "
                              "WHERE d.stage = 3 AND r.status = 2 AND length(r.comment) > 0"), >=, 1);
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM deals d WHERE d.stage = 3 AND d.id NOT IN "
                              "(SELECT deal_id FROM approval_requests) AND d.id IN "
                              "(SELECT deal_id FROM deal_pricing)"), >=, 1);
  /* Requests by the deals' owners, decided by the sample manager with
   * the published passphrase. */
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(*) FROM approval_requests r JOIN deals d ON d.id = r.deal_id "
                              "WHERE r.requester_id <> d.owner_id"), ==, 0);
  g_assert_cmpint (query_int (f->path,
                              "SELECT count(DISTINCT decider_id) FROM approval_requests "
                              "WHERE decider_id IS NOT NULL"), ==, 1);
  {
    g_autoptr(SfApprovalRequest) request = NULL;
    g_autoptr(GPtrArray) waiting = NULL;
    gint64 manager_id = query_int (f->path, "SELECT id FROM persons WHERE role = 1");
    SfLedgerReport report;

    g_assert_true (sf_store_verify_ledger (f->store, &report, &error));
    g_assert_cmpint (report.verdict, ==, SF_LEDGER_WHOLE);
    g_assert_cmpint (report.n_entries, >, 20);
    sf_ledger_report_clear (&report);

    waiting = sf_store_list_waiting_requests (f->store, manager_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (waiting->len, >=, 2);
    request = g_object_ref (g_ptr_array_index (waiting, 0));
    sf_store_set_actor (f->store, manager_id);
    g_assert_true (sf_store_decide (f->store, request, NULL, manager_id,
                                    SF_SAMPLE_MANAGER_PASSPHRASE, TRUE, NULL, &error));
    g_assert_no_error (error);
  }

  /* The closed deals come with a year of customer answers and verdicts,
   * so the Satisfaction tab has something to show. */
  {
    g_autoptr(GPtrArray) rows = sf_store_list_satisfaction_rows (f->store, &error);
    g_autoptr(GPtrArray) answers = sf_store_list_feedback_between (f->store, 0, 0, &error);
    g_autoptr(GArray) months = NULL;
    g_autoptr(GDate) today = g_date_new_julian (sf_date_today ());
    guint verdicts[3] = { 0 }, overdue = 0, with_answers = 0, months_answered = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, >=, 5);
    for (guint i = 0; i < rows->len; i++)
      {
        SfSatisfactionRow *row = g_ptr_array_index (rows, i);

        verdicts[sf_satisfaction_row_get_verdict (row)]++;
        overdue += sf_satisfaction_row_get_overdue (row);
        with_answers += sf_satisfaction_row_get_n_answers (row) > 0;

        /* A verdict completed the deal's satisfaction job, as in the app. */
        if (sf_satisfaction_row_get_verdict (row) != SF_VERDICT_UNDECIDED)
          {
            g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_satisfaction_row_get_deal_id (row), NULL);

            g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "satisfaction-tracked")));
          }
      }
    g_assert_cmpuint (verdicts[SF_VERDICT_SUCCESS], >=, 2);
    g_assert_cmpuint (verdicts[SF_VERDICT_FAILURE], >=, 1);
    g_assert_cmpuint (verdicts[SF_VERDICT_UNDECIDED], >=, 1);
    g_assert_cmpuint (overdue, >=, 1);
    g_assert_cmpuint (with_answers, >=, 4);

    /* Answers spread over most of the chart's twelve months, none ahead. */
    months = sf_satisfaction_monthly (answers, g_date_get_year (today), g_date_get_month (today));
    for (guint i = 0; i < months->len; i++)
      months_answered += g_array_index (months, SfSatisfactionMonth, i).n_answers > 0;
    g_assert_cmpuint (months_answered, >=, 6);
    for (guint i = 0; i < answers->len; i++)
      g_assert_cmpuint (sf_feedback_get_answered_on (g_ptr_array_index (answers, i)), <=, sf_date_today ());
  }
}

/* The template a team edits is what new deals start with; built-in
 * entries hide and rename but do not go, approvals stay required. */
static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sf_store_list_template (f->store, SF_TEMPLATE_LIST_CHECKLIST, TRUE, &error);
  g_autoptr(SfTemplateEntry) added = NULL;
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  SfTemplateEntry *found = NULL, *pricing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 26);
  for (guint i = 0; i < all->len; i++)
    {
      SfTemplateEntry *entry = g_ptr_array_index (all, i);

      if (g_strcmp0 (sf_template_entry_get_key (entry), "agendas-written") == 0)
        found = entry;
      if (sf_template_entry_get_kind (entry) == SF_JOB_KIND_PRICING_APPROVAL)
        pricing = entry;
    }

  added = sf_store_add_template_entry (f->store, SF_TEMPLATE_LIST_CHECKLIST, SF_STAGE_QUALIFIED,
                                       "  Send the NDA  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sf_template_entry_get_display_title (added), ==, "Send the NDA");
  g_assert_true (sf_store_set_template_entry_required (f->store, added, FALSE, &error));
  g_assert_true (sf_store_move_template_entry (f->store, added, -1, &error));
  g_assert_true (sf_store_set_template_entry_hidden (f->store, found, TRUE, &error));
  g_assert_no_error (error);

  /* Built-in: not removable; approvals: neither optional nor hidden. */
  g_assert_false (sf_store_remove_template_entry (f->store, found, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_store_set_template_entry_required (f->store, pricing, FALSE, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sf_store_set_template_entry_hidden (f->store, pricing, TRUE, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  deal = sf_test_create_deal (f->store, "Uses the template", "Kunde AS", 1, "EUR");
  jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_assert_cmpuint (jobs->len, ==, 26);
  g_assert_null (sf_test_find_job (jobs, "agendas-written"));
  {
    SfJob *nda = NULL;
    guint position_in_stage = 0, nda_position = 0;

    for (guint i = 0; i < jobs->len; i++)
      {
        SfJob *job = g_ptr_array_index (jobs, i);

        if (sf_job_get_stage (job) != SF_STAGE_QUALIFIED)
          continue;
        if (g_strcmp0 (sf_job_get_title (job), "Send the NDA") == 0)
          {
            nda = job;
            nda_position = position_in_stage;
          }
        position_in_stage++;
      }
    g_assert_nonnull (nda);
    g_assert_false (sf_job_get_required (nda));
    /* Moved up one from last: second to last of the stage's visible jobs. */
    g_assert_cmpuint (nda_position, ==, position_in_stage - 2);
  }

  /* Removing the team's own entry works; the deal keeps its copy. */
  g_assert_true (sf_store_remove_template_entry (f->store, added, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);

    g_assert_cmpuint (again->len, ==, 26);
  }

  reasons = sf_store_list_template (f->store, SF_TEMPLATE_LIST_LOST_REASONS, FALSE, &error);
  g_assert_cmpuint (reasons->len, ==, 6);
  g_assert_true (sf_store_rename_template_entry (f->store, g_ptr_array_index (reasons, 0), "Too dear", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) renamed = sf_store_list_template (f->store, SF_TEMPLATE_LIST_LOST_REASONS, FALSE, NULL);

    g_assert_cmpstr (sf_template_entry_get_display_title (g_ptr_array_index (renamed, 0)), ==, "Too dear");
    /* An empty name gives a built-in entry its translated name back. */
    g_assert_true (sf_store_rename_template_entry (f->store, g_ptr_array_index (renamed, 0), "", &error));
  }
  {
    g_autoptr(GPtrArray) back = sf_store_list_template (f->store, SF_TEMPLATE_LIST_LOST_REASONS, FALSE, NULL);

    g_assert_cmpstr (sf_template_entry_get_display_title (g_ptr_array_index (back, 0)), ==, "Price too high");
  }
}

/* The pipeline fills its model with one splice: one items-changed. */
static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_batch_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPipeline) pipeline = NULL;
  guint count = 0;

  for (int i = 0; i < 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %d", i);
      g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, title, "Kunde", i * 100, "EUR");
    }

  pipeline = sf_pipeline_new (f->store);
  g_signal_connect (sf_pipeline_get_deals (pipeline), "items-changed",
                    G_CALLBACK (count_items_changed), &count);
  g_assert_true (sf_pipeline_load_sync (pipeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 25);
  g_assert_true (sf_pipeline_get_loaded (pipeline));
  g_assert_nonnull (sf_pipeline_lookup_deal (pipeline, 7));
}

static void
loaded_cb (GObject    *object,
           GParamSpec *pspec,
           gboolean   *loaded)
{
  *loaded = TRUE;
}

static void
test_async_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SfPipeline) pipeline = NULL;
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Async", "Kunde", 1, "EUR");
  gboolean loaded = FALSE;
  guint count = 0;

  pipeline = sf_pipeline_new (f->store);
  g_signal_connect (pipeline, "notify::loaded", G_CALLBACK (loaded_cb), &loaded);
  g_signal_connect (sf_pipeline_get_deals (pipeline), "items-changed",
                    G_CALLBACK (count_items_changed), &count);
  sf_pipeline_load (pipeline);
  /* The deals arrive later, from the worker thread. */
  g_assert_false (loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 1);
}

/* Loaded on two threads, each half of the ids, the deals arrive once
 * each, in order, without the deleted ones. */
static void
test_async_load_split (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean loaded = FALSE;
  GListModel *deals;
  guint expected = 0;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %d", i);

      g_ptr_array_add (stored, sf_test_create_deal (f->store, title, "Kunde", 100, "EUR"));
    }
  for (int i = 15; i < 25; i++)
    g_assert_true (sf_store_delete_deal (f->store, g_ptr_array_index (stored, i), NULL));

  sf_store_set_load_split_at (f->store, 10);
  pipeline = sf_pipeline_new (f->store);
  g_signal_connect (pipeline, "notify::loaded", G_CALLBACK (loaded_cb), &loaded);
  sf_pipeline_load (pipeline);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  deals = sf_pipeline_get_deals (pipeline);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 30);
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(SfDeal) deal = NULL;

      if (i >= 15 && i < 25)
        continue;
      deal = g_list_model_get_item (deals, expected++);
      g_assert_cmpint (sf_deal_get_id (deal), ==, sf_deal_get_id (g_ptr_array_index (stored, i)));
    }
}

/* Undoing a delete puts the deal back where it was in the pipeline's
 * model, the order the deals were created in, not at its end. */
static void
test_undo_delete_keeps_place (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (f->store);
  GListModel *deals = sf_pipeline_get_deals (pipeline);
  SfDeal *second;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %d", i);
      g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, title, "Kunde", 100, "EUR");
    }
  g_assert_true (sf_pipeline_load_sync (pipeline, &error));

  second = g_list_model_get_item (deals, 1);
  g_object_unref (second);
  g_assert_true (sf_pipeline_delete_deal (pipeline, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 2);
  g_assert_null (sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (second)));

  g_assert_true (sf_pipeline_undo (pipeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 3);
  {
    g_autoptr(SfDeal) back = g_list_model_get_item (deals, 1);

    g_assert_true (back == second);
    g_assert_true (sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (second)) == second);
  }
}

static guint
column_size (SfPipeline *pipeline,
             SfStage     stage)
{
  return g_list_model_get_n_items (sf_pipeline_get_column (pipeline, stage));
}

/* The board's columns follow every change: an advance moves a deal on, a
 * loss takes it off the board, a restore and an undone delete bring it
 * back, an import adds to the columns of its deals. */
static void
test_pipeline_columns (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (f->store);
  g_autoptr(SfDeal) stored = sf_test_create_deal (f->store, "Moving", "Kunde", 100, "EUR");
  g_autoptr(SfDeal) other = sf_test_create_deal (f->store, "Staying", "Kunde", 100, "EUR");
  g_autoptr(SfDeal) imported = row_deal ("Imported", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  SfImportItem items[] = { { imported, 0 } };
  SfDeal *deal;

  g_assert_true (sf_pipeline_load_sync (pipeline, &error));
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (stored));
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_PROSPECT), ==, 2);

  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_PROSPECT));
  g_assert_true (sf_pipeline_advance (pipeline, deal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_PROSPECT), ==, 1);
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_QUALIFIED), ==, 1);

  g_assert_true (sf_pipeline_mark_lost (pipeline, deal, "price", NULL, &error));
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_QUALIFIED), ==, 0);
  g_assert_true (sf_pipeline_restore (pipeline, deal, &error));
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_QUALIFIED), ==, 1);

  g_assert_true (sf_pipeline_delete_deal (pipeline, deal, &error));
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_QUALIFIED), ==, 0);
  g_assert_true (sf_pipeline_undo (pipeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_QUALIFIED), ==, 1);

  g_assert_true (sf_store_import_deals (f->store, items, 1, NULL, NULL, &error));
  g_ptr_array_add (added, imported);
  g_assert_true (sf_pipeline_add_deals (pipeline, added));
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_DISCOVERY), ==, 1);
  g_assert_cmpuint (column_size (pipeline, SF_STAGE_PROSPECT), ==, 1);
}

/* Bad files */

typedef enum
{
  BAD_TEXT,
  BAD_EMPTY,
  BAD_RANDOM,
  BAD_TRUNCATED,
  BAD_FOREIGN,
  BAD_NEWER,
  BAD_MISSING_TABLE,
  BAD_READ_ONLY,
} BadKind;

static void
make_bad_file (BadKind     kind,
               const char *dir,
               const char *path)
{
  switch (kind)
    {
    case BAD_TEXT:
      g_assert_true (g_file_set_contents (path, "title;customer\nFjord;Nordlys AS\n", -1, NULL));
      break;
    case BAD_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case BAD_RANDOM:
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (7);
        char bytes[8192];

        for (guint i = 0; i < sizeof bytes; i++)
          bytes[i] = g_rand_int (rand);
        g_assert_true (g_file_set_contents (path, bytes, sizeof bytes, NULL));
      }
      break;
    case BAD_FOREIGN:
      exec_sql (path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Fjell');");
      break;
    case BAD_TRUNCATED:
    case BAD_NEWER:
    case BAD_MISSING_TABLE:
    case BAD_READ_ONLY:
      {
        g_autoptr(SfStore) store = sf_store_open (path, NULL);
        g_autoptr(SfDeal) deal = NULL;

        g_assert_nonnull (store);
        for (int i = 0; i < 40; i++)
          {
            g_clear_object (&deal);
            deal = sf_test_create_deal (store, "Filler deal", "Kunde", i, "EUR");
          }
      }
      exec_sql (path, "PRAGMA journal_mode = DELETE");
      if (kind == BAD_NEWER)
        exec_sql (path, "PRAGMA user_version = 99");
      else if (kind == BAD_MISSING_TABLE)
        exec_sql (path, "DROP TABLE history");
      else if (kind == BAD_TRUNCATED)
        {
          g_autofree char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_assert_cmpuint (len, >, 8192);
          g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));
        }
      else if (kind == BAD_READ_ONLY)
        g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  BadKind kind;
  int code;
} BadCase;

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;

  make_bad_file (c->kind, dir, path);
  before = sf_test_file_checksum (path);

  store = sf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SF_STORE_ERROR, c->code);
  /* The message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, "bad.db"));
  g_test_message ("%s", error->message);

  after = sf_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  sf_test_remove_dir (dir);
}

/* Another process holds the write lock: a clear error, nothing written. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) second = NULL;
  g_autofree char *before = NULL;
  int to_parent[2], to_child[2];
  char byte;
  pid_t pid;
  int status;

  g_clear_object (&f->store);
  g_assert_cmpint (pipe (to_parent), ==, 0);
  g_assert_cmpint (pipe (to_child), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (f->path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN EXCLUSIVE; INSERT INTO persons (name, created_at) VALUES ('x', 0);",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (to_parent[1], "l", 1) != 1 || read (to_child[0], &byte, 1) != 1)
        _exit (2);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (0);
    }

  g_assert_cmpint (read (to_parent[0], &byte, 1), ==, 1);
  before = sf_test_file_checksum (f->path);

  second = sf_store_open (f->path, &error);
  g_assert_null (second);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_LOCKED);
  {
    g_autofree char *after = sf_test_file_checksum (f->path);

    g_assert_cmpstr (before, ==, after);
  }

  g_assert_cmpint (write (to_child[1], "u", 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* Once the other program lets go, the file opens. */
  g_clear_error (&error);
  second = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static const BadCase bad_cases[] = {
  { BAD_TEXT, SF_STORE_ERROR_NOT_DATABASE },
  { BAD_EMPTY, SF_STORE_ERROR_NOT_DATABASE },
  { BAD_RANDOM, SF_STORE_ERROR_NOT_DATABASE },
  { BAD_TRUNCATED, SF_STORE_ERROR_CORRUPT },
  { BAD_FOREIGN, SF_STORE_ERROR_FOREIGN },
  { BAD_NEWER, SF_STORE_ERROR_NEWER_SCHEMA },
  { BAD_MISSING_TABLE, SF_STORE_ERROR_CORRUPT },
  { BAD_READ_ONLY, SF_STORE_ERROR_READ_ONLY },
};

static const char * const bad_names[] = {
  "text", "empty", "random", "truncated", "foreign", "newer-schema", "missing-table", "read-only",
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/new", test_open_new);
  ADD ("/store/deal/round-trip", test_round_trip);
  ADD ("/store/deal/refuse-bad-input", test_create_refuses_bad_input);
  ADD ("/store/deal/edit-and-history", test_edit_and_history);
  ADD ("/store/jobs/tick-and-progress", test_tick_and_progress);
  ADD ("/store/jobs/extra", test_extra_jobs);
  ADD ("/store/workflow/advance-gated", test_advance_gated);
  ADD ("/store/workflow/move-back-lose-restore", test_move_back_lose_restore);
  ADD ("/store/workflow/return-to-state", test_return_to_state);
  ADD ("/store/deal/delete-undelete", test_delete_undelete);
  ADD ("/store/open/locked", test_locked);
  ADD ("/store/import", test_import);
  ADD ("/store/import/template-order", test_import_follows_template_order);
  ADD ("/store/sample", test_sample);
  ADD ("/store/template", test_template);
  ADD ("/pipeline/batch-load", test_batch_load);
  ADD ("/pipeline/async-load", test_async_load);
  ADD ("/pipeline/async-load-split", test_async_load_split);
  ADD ("/pipeline/undo-delete-keeps-place", test_undo_delete_keeps_place);
  ADD ("/pipeline/columns", test_pipeline_columns);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/open/bad/%s", bad_names[i]);

      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }

  return g_test_run ();
}
