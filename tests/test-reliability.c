/* test-reliability.c — a full disk, a read-only file, a lock held by
 * another program and a failing disk, in the middle of real actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs one user action while the database cannot be written
 * and checks what a person depends on: the action is refused with a
 * message that says what to do, the file holds exactly what it held
 * before (every table read back over a fresh connection), the objects on
 * screen are unchanged, and the same store carries on once the cause is
 * gone. Failing writes come from a shim over SQLite's unix VFS
 * (sf-test-vfs.c) that fails the n-th write and every one after it, for
 * every n from the first write of the action to its last.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sf-format.h"
#include "sf-store.h"
#include "sf-test-util.h"
#include "sf-test-vfs.h"
#include "sf-workflow.h"

#define PASSPHRASE "correct horse battery"

typedef struct
{
  char *dir;
  char *path;
  SfStore *store;
  gint64 sam, maja;
  SfDeal *young;       /* Prospect, nothing ticked */
  SfDeal *ready;       /* Prospect, every job ticked: may advance */
  SfDeal *developed;   /* Developed, pricing waiting for Maja */
  SfDeal *closed;      /* Closed and won: takes feedback */
  SfApprovalRequest *pending;
} Fixture;

static SfDeal *
import_closed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SfDealRow row = {
    .title = "Closed deal", .customer = "Kunde AS", .currency = "EUR", .value = 500000,
    .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_WON, .probability = -1,
    .stage_entered_at = 1700000000, .closed_at = 1700000000,
  };
  SfDeal *deal = sf_deal_new_from_row (&row);
  SfImportItem item = { deal, 0, NULL };

  g_assert_true (sf_store_import_deals (f->store, &item, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  return deal;
}

static void
make_developed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 900000, 24);
  SfPricing pricing;

  f->developed = sf_test_create_deal (f->store, "Developed deal", "Kunde AS", 100000, "EUR");
  for (SfStage s = SF_STAGE_PROSPECT; s < SF_STAGE_DEVELOPED; s++)
    {
      g_assert_true (sf_test_tick_stage (f->store, f->developed, s));
      g_assert_true (sf_store_advance (f->store, f->developed, &error));
      g_assert_no_error (error);
    }
  sf_pricing_init (&pricing, "EUR", 150000, 1000, 80000);
  sf_roi_add_cost (roi, "Licences", 100000);
  g_assert_true (sf_store_set_pricing (f->store, f->developed, &pricing, &error));
  g_assert_true (sf_store_set_roi (f->store, f->developed, roi, &error));
  g_assert_true (sf_store_request_approval (f->store, f->developed, SF_APPROVAL_KIND_PRICING,
                                            f->maja, NULL, &f->pending, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) sam = NULL;
  g_autoptr(SfPerson) maja = NULL;

  f->dir = sf_test_temp_dir ();
  f->path = g_build_filename (f->dir, "pipeline.db", NULL);
  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);

  sam = sf_store_add_person (f->store, "Sam", SF_ROLE_SALES, &error);
  maja = sf_store_add_person (f->store, "Maja", SF_ROLE_MANAGER, &error);
  g_assert_no_error (error);
  f->sam = sf_person_get_id (sam);
  f->maja = sf_person_get_id (maja);
  sf_store_set_actor (f->store, f->sam);

  f->young = sf_test_create_deal (f->store, "Young deal", "Kunde AS", 100000, "EUR");
  f->ready = sf_test_create_deal (f->store, "Ready deal", "Kunde AS", 100000, "EUR");
  g_assert_true (sf_test_tick_stage (f->store, f->ready, SF_STAGE_PROSPECT));
  f->closed = import_closed (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sf_test_vfs_heal ();
  g_clear_object (&f->pending);
  g_clear_object (&f->young);
  g_clear_object (&f->ready);
  g_clear_object (&f->developed);
  g_clear_object (&f->closed);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What the screen shows of a deal. */
static char *
deal_state (SfDeal *deal)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%d|%d|%" G_GINT64_FORMAT "|%u/%u|%"
                          G_GINT64_FORMAT "|%s",
                          sf_deal_get_id (deal), sf_deal_get_title (deal),
                          sf_deal_get_notes (deal) ? sf_deal_get_notes (deal) : "(none)",
                          sf_deal_get_stage (deal), sf_deal_get_status (deal),
                          sf_deal_get_value (deal)->amount, sf_deal_get_progress_done (deal),
                          sf_deal_get_progress_required (deal), sf_deal_get_updated_at (deal),
                          sf_deal_get_value (deal)->currency);
}

/* Actions */

typedef gboolean (*ActFunc) (Fixture *f, GError **error);
typedef char *(*StateFunc) (Fixture *f);

static SfDeal *new_deal;   /* the object the create action fills in */

static gboolean
act_create (Fixture  *f,
            GError  **error)
{
  SfMoney value;

  g_clear_object (&new_deal);
  new_deal = sf_deal_new ();
  sf_money_init (&value, 4200, "NOK");
  sf_deal_set_title (new_deal, "Harbour cranes");
  sf_deal_set_customer (new_deal, "Tromsø Havn KF");
  return sf_store_create_deal (f->store, new_deal, error);
}

static char *
state_create (Fixture *f)
{
  return new_deal ? deal_state (new_deal) : g_strdup ("");
}

static gboolean
act_tick (Fixture  *f,
          GError  **error)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (f->young), NULL);

  return sf_store_set_job_done (f->store, f->young, sf_test_find_job (jobs, "builders-met"), TRUE,
                                error);
}

static char *
state_young (Fixture *f)
{
  return deal_state (f->young);
}

static gboolean
act_advance (Fixture  *f,
             GError  **error)
{
  return sf_store_advance (f->store, f->ready, error);
}

static char *
state_ready (Fixture *f)
{
  return deal_state (f->ready);
}

static gboolean
act_notes (Fixture  *f,
           GError  **error)
{
  g_autofree char *notes = g_strnfill (3000, 'n');

  return sf_store_set_deal_text (f->store, f->young, SF_DEAL_FIELD_NOTES, notes, error);
}

static gboolean
act_approve (Fixture  *f,
             GError  **error)
{
  return sf_store_decide (f->store, f->pending, f->developed, f->maja, PASSPHRASE, TRUE, NULL,
                          error);
}

static char *
state_developed (Fixture *f)
{
  g_autofree char *deal = deal_state (f->developed);

  return g_strdup_printf ("%s|%d|%" G_GINT64_FORMAT, deal,
                          sf_approval_request_get_status (f->pending),
                          sf_approval_request_get_decider_id (f->pending));
}

static gboolean
act_feedback (Fixture  *f,
              GError  **error)
{
  g_autoptr(SfFeedback) feedback = sf_feedback_new (sf_date_from_unix (sf_store_now (f->store)),
                                                    "Kari Nordmann", 9, 5, "Very good");

  return sf_store_record_feedback (f->store, f->closed, feedback, error);
}

static char *
state_closed (Fixture *f)
{
  return deal_state (f->closed);
}

static gboolean
act_import (Fixture  *f,
            GError  **error)
{
  SfImportItem items[40];
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      SfDealRow row = {
        .title = "Imported", .customer = "Kunde AS", .currency = "EUR", .value = i,
        .stage = i % SF_N_STAGES, .status = SF_DEAL_STATUS_OPEN, .probability = -1,
      };

      items[i] = (SfImportItem) { sf_deal_new_from_row (&row), 0, "Owner From File" };
    }
  ok = sf_store_import_deals (f->store, items, G_N_ELEMENTS (items), NULL, NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i].deal);

  return ok;
}

static char *
state_none (Fixture *f)
{
  return g_strdup ("");
}

typedef struct
{
  const char *name;
  ActFunc act;
  StateFunc state;
  gboolean needs_approval;
} Action;

static const Action actions[] = {
  { "create", act_create, state_create },
  { "tick", act_tick, state_young },
  { "advance", act_advance, state_ready },
  { "notes", act_notes, state_young },
  { "approve", act_approve, state_developed, TRUE },
  { "feedback", act_feedback, state_closed },
  { "import", act_import, state_none },
};

typedef struct
{
  const char *name;
  int sqlite_code;     /* what a failing write returns */
  int store_code;      /* what the person is told */
  const char *words;   /* part of the message */
} Fault;

static const Fault faults[] = {
  { "io-error", SQLITE_IOERR_WRITE, SF_STORE_ERROR_IO, "input/output error" },
  /* The unix VFS reports ENOSPC from write() as SQLITE_FULL. */
  { "disk-full", SQLITE_FULL, SF_STORE_ERROR_FULL, "Free some space" },
  { "read-only", SQLITE_READONLY, SF_STORE_ERROR_READ_ONLY, "permissions" },
};

typedef struct
{
  const Action *action;
  const Fault *fault;
} FaultCase;

static void
prepare (Fixture      *f,
         const Action *action)
{
  g_autoptr(GPtrArray) persons = NULL;

  if (!action->needs_approval)
    return;

  persons = sf_store_list_persons (f->store, NULL);
  for (guint i = 0; i < persons->len; i++)
    if (sf_person_get_id (g_ptr_array_index (persons, i)) == f->maja)
      g_assert_true (sf_store_set_passphrase (f->store, g_ptr_array_index (persons, i), NULL,
                                              PASSPHRASE, NULL));
  make_developed (f);
}

/* The action fails at its first write, its second, … until it needs
 * fewer writes than are allowed and goes through. */
static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const FaultCase *c = data;
  guint refused = 0;

  prepare (f, c->action);
  for (int allowed = 0;; allowed++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *file_before = sf_test_db_digest (f->path);
      g_autofree char *shown_before = c->action->state (f);
      g_autofree char *file_after = NULL;
      g_autofree char *shown_after = NULL;
      gboolean ok;

      sf_test_vfs_fail_writes (allowed, c->fault->sqlite_code);
      ok = c->action->act (f, &error);
      sf_test_vfs_heal ();
      file_after = sf_test_db_digest (f->path);

      if (ok)
        {
          /* No write failed: it went through and changed the file. */
          g_assert_no_error (error);
          g_assert_cmpuint (sf_test_vfs_get_failures (), ==, 0);
          g_assert_cmpstr (file_before, !=, file_after);
          break;
        }

      g_test_message ("write %d failed: %s", allowed, error->message);
      g_assert_cmpuint (sf_test_vfs_get_failures (), >, 0);
      g_assert_error (error, SF_STORE_ERROR, c->fault->store_code);
      g_assert_nonnull (strstr (error->message, c->fault->words));
      g_assert_cmpstr (file_before, ==, file_after);
      shown_after = c->action->state (f);
      if (c->action->act != act_create)
        g_assert_cmpstr (shown_before, ==, shown_after);
      else
        g_assert_cmpint (sf_deal_get_id (new_deal), ==, 0);
      refused++;
      g_assert_cmpuint (refused, <, 500);
    }

  /* Every action writes at least once before it commits. */
  g_assert_cmpuint (refused, >, 0);
  g_clear_object (&new_deal);
}

/* A full disk, as PRAGMA max_page_count makes it: the file may not grow. */
static void
test_page_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *shown = NULL, *limit = NULL;
  g_autofree char *notes = g_strnfill (64 * 1024, 'x');
  g_autoptr(SfDeal) deal = sf_deal_new ();

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           sf_test_store_query (f->store, "PRAGMA page_count"));
  sf_test_store_exec (f->store, limit);
  before = sf_test_db_digest (f->path);
  shown = deal_state (f->young);

  g_assert_false (sf_store_set_deal_text (f->store, f->young, SF_DEAL_FIELD_NOTES, notes, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "The disk is full. Free some space and try again.");
  g_clear_error (&error);

  sf_deal_set_title (deal, "Big notes");
  sf_deal_set_notes (deal, notes);
  g_assert_false (sf_store_create_deal (f->store, deal, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_false (act_import (f, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_FULL);
  g_clear_error (&error);

  after = sf_test_db_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *again = deal_state (f->young);

    g_assert_cmpstr (shown, ==, again);
  }
  g_assert_cmpint (sf_deal_get_id (deal), ==, 0);

  /* Space freed: the same store saves the same notes. */
  sf_test_store_exec (f->store, "PRAGMA max_page_count = 1073741823");
  g_assert_true (sf_store_set_deal_text (f->store, f->young, SF_DEAL_FIELD_NOTES, notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sf_deal_get_notes (f->young), ==, notes);
}

/* Another program holds the write lock for longer than the store waits. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *shown = NULL, *shown_after = NULL;
  int to_parent[2], to_child[2];
  char byte;
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (to_parent), ==, 0);
  g_assert_cmpint (pipe (to_child), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (f->path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE deals SET title = 'theirs'", NULL, NULL,
                        NULL) != SQLITE_OK)
        _exit (1);
      if (write (to_parent[1], "l", 1) != 1 || read (to_child[0], &byte, 1) != 1)
        _exit (2);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (0);
    }

  g_assert_cmpint (read (to_parent[0], &byte, 1), ==, 1);
  before = sf_test_db_digest (f->path);
  shown = deal_state (f->ready);

  g_assert_false (sf_store_advance (f->store, f->ready, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_clear_error (&error);
  after = sf_test_db_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  shown_after = deal_state (f->ready);
  g_assert_cmpstr (shown, ==, shown_after);

  g_assert_cmpint (write (to_child[1], "u", 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* The other program let go: the same action goes through. */
  g_assert_true (sf_store_advance (f->store, f->ready, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_stage (f->ready), ==, SF_STAGE_QUALIFIED);
}

/* A crash while the file is created leaves nothing at its name; a new
 * database leaves no temporary file behind. */
static void
test_create_whole (void)
{
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  /* The disk fails while the schema is written: no file is left. */
  sf_test_vfs_fail_writes (3, SQLITE_IOERR_WRITE);
  store = sf_store_open (path, &error);
  sf_test_vfs_heal ();
  g_assert_null (store);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = sf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "new.db"));

  sf_test_remove_dir (dir);
}

/* Text */

/* Every plane of Unicode, right-to-left runs and overrides, control
 * characters, markup and format look-alikes, combining marks. */
static const char *texts[] = {
  "A\u00e9\u4e2d\U0001F600\U00020000\U00030000\U000E0041\U000F0000\U0010FFFD",
  "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c \u200f!",
  "bell\a esc\x1b[31m del\x7f nel\xc2\x85 ls\u2028 ps\u2029 bom\ufeff \x01\x02\x1f",
  "<b>bold</b> &amp; & %s %n {0} '); DROP TABLE deals; --",
  "e\u0301\u0301\u0301 \u200b\u200d\u2060 \U0001F469\u200D\U0001F4BB",
};

static char *
long_notes (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      g_string_append_printf (text, "%s\n\t", texts[i]);
  return g_string_free (text, FALSE);
}

/* What is stored comes back byte for byte, in every field, from a new
 * connection. */
static void
test_text_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autofree char *notes = long_notes ();
  g_autofree char *path = g_strdup (sf_store_get_path (store));
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SfPerson) person = sf_store_add_person (store, texts[i], SF_ROLE_SALES, &error);
      g_autoptr(SfJob) job = sf_job_new (0, SF_STAGE_PROSPECT, NULL, texts[i], SF_JOB_KIND_MANUAL, TRUE);
      SfDeal *deal = sf_deal_new ();

      g_assert_no_error (error);
      sf_deal_set_title (deal, texts[i]);
      sf_deal_set_customer (deal, texts[i]);
      sf_deal_set_contact_name (deal, texts[i]);
      sf_deal_set_contact_phone (deal, texts[i]);
      sf_deal_set_notes (deal, notes);
      sf_deal_set_owner_id (deal, sf_person_get_id (person));
      g_assert_true (sf_store_create_deal (store, deal, &error));
      g_assert_true (sf_store_add_job (store, deal, job, &error));
      g_assert_true (sf_store_mark_lost (store, deal, "other", texts[i], &error));
      g_assert_no_error (error);
      g_ptr_array_add (created, deal);
    }
  g_clear_object (&store);

  store = sf_store_open (path, NULL);
  for (guint i = 0; i < created->len; i++)
    {
      gint64 id = sf_deal_get_id (g_ptr_array_index (created, i));
      g_autoptr(SfDeal) back = sf_store_get_deal (store, id, NULL);
      g_autoptr(GPtrArray) jobs = sf_store_list_jobs (store, id, NULL);
      g_autoptr(GPtrArray) history = sf_store_list_history (store, id, NULL);
      SfJob *added = NULL;

      for (guint j = 0; j < jobs->len; j++)
        if (sf_job_get_key (g_ptr_array_index (jobs, j)) == NULL)
          added = g_ptr_array_index (jobs, j);

      g_assert_cmpstr (sf_deal_get_title (back), ==, texts[i]);
      g_assert_cmpstr (sf_deal_get_customer (back), ==, texts[i]);
      g_assert_cmpstr (sf_deal_get_contact_name (back), ==, texts[i]);
      g_assert_cmpstr (sf_deal_get_contact_phone (back), ==, texts[i]);
      g_assert_cmpstr (sf_deal_get_lost_note (back), ==, texts[i]);
      g_assert_cmpstr (sf_deal_get_notes (back), ==, notes);
      g_assert_cmpstr (sf_deal_get_owner_name (back), ==, texts[i]);
      g_assert_nonnull (added);
      g_assert_cmpstr (sf_job_get_title (added), ==, texts[i]);
      /* The history names the added job as it was typed. */
      g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 1)), ==, "job-added");
      g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 1)), ==, texts[i]);
    }

  sf_test_remove_dir (dir);
}

/* One-line fields hold SF_WORKFLOW_MAX_LINE characters (not bytes). */
static void
test_text_line_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(SfDeal) deal = sf_deal_new ();
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < SF_WORKFLOW_MAX_LINE; i++)
    g_string_append (longest, "\U0001F600");
  sf_deal_set_title (deal, longest->str);
  g_assert_true (sf_store_create_deal (store, deal, &error));
  g_assert_no_error (error);

  g_string_append_c (longest, 'x');
  for (SfDealField field = SF_DEAL_FIELD_TITLE; field <= SF_DEAL_FIELD_CONTACT_PHONE; field++)
    {
      g_assert_false (sf_store_set_deal_text (store, deal, field, longest->str, &error));
      g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (sf_store_add_person (store, longest->str, SF_ROLE_SALES, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);

  /* Notes are not one line: a megabyte is fine. */
  {
    g_autofree char *notes = long_notes ();

    g_assert_true (sf_store_set_deal_text (store, deal, SF_DEAL_FIELD_NOTES, notes, &error));
    g_assert_no_error (error);
  }
  sf_test_remove_dir (dir);
}

/* Text another program wrote that is not UTF-8 reaches no object as it is. */
static void
test_text_invalid_utf8 (void)
{
  SfDealRow row = { .title = "Ok \xff\xfe end", .customer = "\xe2\x82", .currency = "EUR",
                    .lost_note = "\xc0\xaf", .owner_name = "\xf0\x9f" };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  g_autoptr(SfJob) job = sf_job_new (1, SF_STAGE_PROSPECT, "\xff", "\xfe", SF_JOB_KIND_MANUAL, TRUE);
  g_autoptr(SfHistoryEntry) entry = sf_history_entry_new (1, 1, 0, 0, "\xff", "title", "\xfe", "ok");

  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Ok \uFFFD\uFFFD end");
  g_assert_true (g_utf8_validate (sf_deal_get_customer (deal), -1, NULL));
  g_assert_true (g_utf8_validate (sf_deal_get_lost_note (deal), -1, NULL));
  g_assert_true (g_utf8_validate (sf_deal_get_owner_name (deal), -1, NULL));
  g_assert_true (g_utf8_validate (sf_job_get_key (job), -1, NULL));
  g_assert_true (g_utf8_validate (sf_job_get_title (job), -1, NULL));
  g_assert_true (g_utf8_validate (sf_history_entry_get_person_name (entry), -1, NULL));
  g_assert_true (g_utf8_validate (sf_history_entry_get_old_value (entry), -1, NULL));
  sf_deal_set_notes (deal, "\xff");
  g_assert_cmpstr (sf_deal_get_notes (deal), ==, "\uFFFD");
}

/* The corpus of bad files (tests/data/make-bad-databases.py) */

static int
error_code (const char *nick)
{
  static const char * const nicks[] = {
    [SF_STORE_ERROR_NOT_DATABASE] = "NOT_DATABASE", [SF_STORE_ERROR_FOREIGN] = "FOREIGN",
    [SF_STORE_ERROR_NEWER_SCHEMA] = "NEWER_SCHEMA", [SF_STORE_ERROR_READ_ONLY] = "READ_ONLY",
    [SF_STORE_ERROR_LOCKED] = "LOCKED", [SF_STORE_ERROR_CORRUPT] = "CORRUPT",
    [SF_STORE_ERROR_FULL] = "FULL", [SF_STORE_ERROR_IO] = "IO",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return i;
  g_error ("unknown error in expected.txt: %s", nick);
}

/* Everything the window reads of a pipeline, to see that nothing crashes;
 * a damaged page may only ever be reported as damage. */
static void
read_everything (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = sf_store_list_deals (store, &error);
  g_autoptr(GPtrArray) persons = sf_store_list_persons (store, NULL);
  g_autoptr(GPtrArray) rows = sf_store_list_satisfaction_rows (store, NULL);
  g_auto(SfLedgerReport) report = { 0 };

  if (deals == NULL)
    {
      g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_CORRUPT);
      return;
    }
  sf_store_verify_ledger (store, &report, NULL);
  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      g_autoptr(GPtrArray) jobs = sf_store_list_jobs (store, sf_deal_get_id (deal), NULL);
      g_autoptr(GPtrArray) history = sf_store_list_history (store, sf_deal_get_id (deal), NULL);
      g_autofree char *value = sf_money_to_string (sf_deal_get_value (deal));

      g_assert_true (g_utf8_validate (sf_deal_get_title (deal), -1, NULL));
      g_assert_true (sf_stage_is_valid (sf_deal_get_stage (deal)));
      sf_store_load_deal_notes (store, deal, NULL);
      for (guint j = 0; history != NULL && j < history->len; j++)
        g_free (sf_history_entry_describe (g_ptr_array_index (history, j)));
    }
}

static void
test_bad_file (gconstpointer data)
{
  const SfTestBadFile *bad = data;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad-databases",
                                                   bad->name, NULL);
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = sf_test_copy_bad_file (bad->name, dir, NULL);
  g_autofree char *before = sf_test_file_checksum (source);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;

  g_assert_nonnull (before);

  store = sf_store_open (path, &error);
  if (g_str_equal (bad->verdict, "ok"))
    {
      g_assert_no_error (error);
      read_everything (store);
      g_clear_object (&store);
    }
  else
    {
      g_assert_null (store);
      g_assert_error (error, SF_STORE_ERROR, error_code (bad->verdict));
      /* It names the file and says what is wrong with it. */
      g_assert_nonnull (strstr (error->message, bad->name));
      g_test_message ("%s", error->message);
    }

  /* Refused or read, the file is as it was. */
  after = sf_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");
  sf_test_vfs_install ();

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    for (guint k = 0; k < G_N_ELEMENTS (faults); k++)
      {
        static FaultCase cases[G_N_ELEMENTS (actions) * G_N_ELEMENTS (faults)];
        FaultCase *c = &cases[a * G_N_ELEMENTS (faults) + k];
        g_autofree char *path = g_strdup_printf ("/reliability/%s/%s", faults[k].name,
                                                 actions[a].name);

        c->action = &actions[a];
        c->fault = &faults[k];
        g_test_add (path, Fixture, c, fixture_set_up, test_fault, fixture_tear_down);
      }

  g_test_add ("/reliability/disk-full/page-limit", Fixture, NULL, fixture_set_up, test_page_limit,
              fixture_tear_down);
  g_test_add ("/reliability/locked/advance", Fixture, NULL, fixture_set_up, test_locked,
              fixture_tear_down);
  g_test_add_func ("/reliability/create/whole-or-nothing", test_create_whole);
  g_test_add_func ("/reliability/text/round-trip", test_text_round_trip);
  g_test_add_func ("/reliability/text/line-limit", test_text_line_limit);
  g_test_add_func ("/reliability/text/invalid-utf8", test_text_invalid_utf8);
  sf_test_add_bad_files ("/reliability/bad-file", test_bad_file);

  return g_test_run ();
}
