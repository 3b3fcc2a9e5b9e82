/* test-reliability-ui.c — the window with a full disk, bad files and
 * hostile text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * G_DEBUG=fatal-warnings is on for every display test, so a GTK or Pango
 * warning (text that is not UTF-8, a title taken as markup) fails the
 * test where it happens.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <unistd.h>

#include "sf-board-column.h"
#include "sf-deal-pane.h"
#include "sf-job-row.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-window.h"
#include "sf-workflow.h"

typedef struct
{
  char *dir;
  SfStore *store;
  SfPerson *me;
  SfWindow *window;
} Fixture;

static void
open_window (Fixture *f)
{
  f->window = sf_test_ui_open_window (f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sf_test_open_store (&f->dir);
  f->me = sf_store_add_person (f->store, "Lena Berg", SF_ROLE_SALES, NULL);
  g_assert_nonnull (f->me);
  sf_store_set_actor (f->store, sf_person_get_id (f->me));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sf_test_ui_close_windows ();
  f->window = NULL;
  g_clear_object (&f->me);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SfDealPane *
pane (Fixture *f)
{
  return sf_deals_view_get_pane (sf_window_get_deals_view (f->window));
}

static GtkWidget *
find (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = sf_test_ui_find (GTK_WIDGET (f->window), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
open_deal (Fixture *f,
           gint64   id)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-deal", "x", id);
  sf_test_ui_iterate ();
  g_assert_nonnull (sf_deal_pane_get_deal (pane (f)));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
set_notes (Fixture    *f,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (find (f, "notes_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  sf_deal_pane_flush (pane (f));
  sf_test_ui_iterate ();
}

/* The disk fills while the user types notes: a dialog says so, nothing
 * is written, and the window carries on once there is space. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SfDeal) stored = sf_test_create_deal (f->store, "Wind farm", "Vindkraft AS", 100000, "EUR");
  const char *path = sf_store_get_path (f->store);
  g_autofree char *notes = g_strnfill (64 * 1024, 'w');
  g_autofree char *limit = NULL, *before = NULL, *after = NULL;
  AdwMessageDialog *dialog;
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  open_deal (f, sf_deal_get_id (stored));
  deal = sf_deal_pane_get_deal (pane (f));

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           sf_test_store_query (f->store, "PRAGMA page_count"));
  sf_test_store_exec (f->store, limit);
  before = sf_test_db_digest (path);

  set_notes (f, notes);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Notes Were Not Saved");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The disk is full. Free some space and try again.");
  after = sf_test_db_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (sf_deal_get_notes (deal) && *sf_deal_get_notes (deal) ? "notes" : NULL);

  /* The user closes the dialog; what was typed is still there. */
  gtk_window_close (GTK_WINDOW (dialog));
  sf_test_ui_iterate ();
  g_assert_null (find_message_dialog ());
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "notes_view")));

    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 64 * 1024);
  }

  /* Space is freed: the window works on, the notes save, the deal moves. */
  sf_test_store_exec (f->store, "PRAGMA max_page_count = 1073741823");
  set_notes (f, "Pilot in Bergen first");
  g_assert_null (find_message_dialog ());
  g_signal_emit_by_name (find (f, "advance_button"), "clicked");
  sf_test_ui_iterate ();
  g_assert_null (find_message_dialog ());
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (stored), NULL);

    g_assert_cmpstr (sf_deal_get_notes (again), ==, "Pilot in Bergen first");
    g_assert_cmpint (sf_deal_get_stage (again), ==, SF_STAGE_QUALIFIED);
  }
}

/* Another program holds the database's write lock while the user
 * advances a deal: a dialog says so, nothing changes, and the same click
 * works once the other program lets go. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfDeal) stored = sf_test_create_deal (f->store, "Wind farm", "Vindkraft AS", 100000, "EUR");
  const char *path = sf_store_get_path (f->store);
  g_autofree char *before = NULL, *after = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *other = NULL;
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  open_deal (f, sf_deal_get_id (stored));
  deal = sf_deal_pane_get_deal (pane (f));

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE deals SET title = 'theirs'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = sf_test_db_digest (path);

  g_signal_emit_by_name (find (f, "advance_button"), "clicked");
  sf_test_ui_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Another program is using the database. Close it and try again.");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  after = sf_test_db_digest (path);
  g_assert_cmpstr (before, ==, after);
  gtk_window_close (GTK_WINDOW (dialog));
  sf_test_ui_iterate ();

  /* The other program lets go of its change: the same click goes through. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_signal_emit_by_name (find (f, "advance_button"), "clicked");
  sf_test_ui_iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (stored), NULL);

    g_assert_cmpstr (sf_deal_get_title (again), ==, "Wind farm");
    g_assert_cmpint (sf_deal_get_stage (again), ==, SF_STAGE_QUALIFIED);
  }
}

/* Text a person may paste: every plane of Unicode, right-to-left runs and
 * overrides, control characters, markup look-alikes, combining marks, and
 * a very long word. */
static const char *hostile_texts[] = {
  "A\u00e9\u4e2d\U0001F600\U00020000\U00030000\U000E0041\U000F0000\U0010FFFD",
  "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c \u200f!",
  "tab\there bell\a esc\x1b[31m del\x7f nel\xc2\x85 ls\u2028 ps\u2029 bom\ufeff",
  "<b>bold</b> &amp; & <span foreground='red'>x</span> %s %n {0}",
  "e\u0301\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354\u0355 \u200b\u200d",
};

/* Notes of 100 000 characters: a word of 1000 with no place to break,
 * then 1500 lines of mixed scripts. */
static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 1000; i++)
    g_string_append_unichar (text, 0x41 + i % 26);
  for (int i = 0; i < 1500; i++)
    g_string_append (text, "\nLorem ipsum dolor sit amet \u05e9\u05dc\u05d5\u05dd \U0001F600 "
                           "\u0645\u0631\u062d\u0628\u0627 \u4e2d\u6587 end");
  return g_string_free (text, FALSE);
}

/* The first SF_WORKFLOW_MAX_LINE characters: the most a one-line field
 * takes. */
static char *
longest_line (const char *text)
{
  const char *end = text;

  for (int i = 0; i < SF_WORKFLOW_MAX_LINE && *end; i++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

static SfDeal *
hostile_deal (Fixture    *f,
              const char *text,
              int         n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = longest_line (text);
  g_autofree char *numbered = g_strdup_printf ("%d %s", n, text);
  g_autofree char *title = longest_line (numbered);
  g_autoptr(SfJob) job = sf_job_new (0, SF_STAGE_PROSPECT, NULL, line, SF_JOB_KIND_MANUAL, TRUE);
  SfDeal *deal = sf_deal_new ();
  SfMoney value;

  sf_money_init (&value, 123456, "EUR");
  sf_deal_set_title (deal, title);
  sf_deal_set_customer (deal, line);
  sf_deal_set_contact_name (deal, line);
  sf_deal_set_contact_phone (deal, line);
  sf_deal_set_notes (deal, text);
  sf_deal_set_owner_id (deal, sf_person_get_id (f->me));
  sf_deal_set_value (deal, &value);
  g_assert_true (sf_store_create_deal (f->store, deal, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_add_job (f->store, deal, job, &error));
  g_assert_true (sf_test_tick_stage (f->store, deal, SF_STAGE_PROSPECT));
  g_assert_true (sf_store_advance (f->store, deal, &error));
  g_assert_true (sf_store_move_back (f->store, deal, line, &error));
  g_assert_no_error (error);

  return deal;
}

/* Every field of a deal full of hostile text, shown in the pane, on the
 * board and in the list: no warning, the text as typed, and the window
 * no wider than before. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *longest = long_text ();
  int width;

  g_assert_true (sf_store_rename_person (f->store, f->me, hostile_texts[0], NULL));
  /* Longer than a one-line field takes: refused, with a reason. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SfDeal) deal = sf_deal_new ();

    sf_deal_set_title (deal, longest);
    g_assert_false (sf_store_create_deal (f->store, deal, &error));
    g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "at most 200 characters"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    g_ptr_array_add (deals, hostile_deal (f, hostile_texts[i], i));
  g_ptr_array_add (deals, hostile_deal (f, longest, 99));

  open_window (f);
  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_iterate ();
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (
    sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_PROSPECT))), ==, deals->len);

  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      GtkTextBuffer *buffer;
      g_autofree char *notes = NULL;
      GtkTextIter start, end;

      open_deal (f, sf_deal_get_id (deal));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (f, "deal_heading"))), ==,
                       sf_deal_get_title (deal));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "title_row"))), ==,
                       sf_deal_get_title (deal));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "customer_row"))), ==,
                       sf_deal_get_customer (deal));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "phone_row"))), ==,
                       sf_deal_get_contact_phone (deal));
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "notes_view")));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (notes, ==, sf_deal_get_notes (deal));

      /* Nothing pushed the window wider than the screen. */
      sf_test_ui_iterate ();
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, MAX (width, 1280));
    }

  /* The list's search folds every kind of text without complaint. */
  sf_window_show_view (f->window, "deals");
  sf_deal_filter_set_query (sf_deals_view_get_filter (sf_window_get_deals_view (f->window)),
                            hostile_texts[1]);
  sf_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (sf_deals_view_get_model (sf_window_get_deals_view (f->window))),
                    ==, 1);
}

/* The corpus of bad files in the window */

/* A name with markup in it: the error page must show it as text. */
static char *
copy_bad_file (const char *name,
               const char *dir)
{
  g_autofree char *copy = g_strdup_printf ("Q&A <draft> %s", name);

  return sf_test_copy_bad_file (name, dir, copy);
}

/* The window's pages: loading, error, welcome, main. */
static GtkStack *
main_stack (SfWindow *window)
{
  return GTK_STACK (gtk_widget_get_ancestor (sf_test_ui_find (GTK_WIDGET (window), "error_page"),
                                             GTK_TYPE_STACK));
}

static gboolean
window_settled (gpointer data)
{
  const char *page = gtk_stack_get_visible_child_name (main_stack (data));

  return sf_window_is_ready (data) || g_strcmp0 (page, "error") == 0 ||
         g_strcmp0 (page, "welcome") == 0;
}

static void
show_every_deal (SfWindow *window)
{
  GListModel *deals = sf_pipeline_get_deals (sf_window_get_pipeline (window));

  sf_window_show_view (window, "pipeline");
  sf_test_ui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, i);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (deal));
      sf_test_ui_iterate ();
    }
}

static void
test_bad_file (gconstpointer data)
{
  const SfTestBadFile *bad = data;
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = copy_bad_file (bad->name, dir);
  g_autofree char *before = sf_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (path, &error);
  g_autoptr(SfPipeline) pipeline = store ? sf_pipeline_new (store) : NULL;
  SfWindow *window = sf_window_new (NULL, pipeline, error);
  GtkStack *stack = main_stack (window);

  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (window_settled, window);

  if (store == NULL)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (sf_test_ui_find (GTK_WIDGET (window), "error_page"));
      GtkWidget *label;

      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
      g_assert_nonnull (adw_status_page_get_description (page));
      /* The page shows the message as it is, file name and all. */
      label = sf_test_ui_find_label (GTK_WIDGET (page), error->message);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_false (gtk_widget_get_visible (sf_test_ui_find (GTK_WIDGET (window), "new_deal_button")));
    }
  else if (sf_window_is_ready (window))
    show_every_deal (window);

  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  g_clear_object (&store);
  after = sf_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  sf_test_remove_dir (dir);
}

static void
new_process_group (gpointer data)
{
  setpgid (0, 0);
}

/* The real program, started on a bad file: it stays up, shows its window,
 * and leaves the file as it was. */
static void
test_program (gconstpointer data)
{
  const char *name = data;
  const char *program = g_getenv ("SALESFLOW_PROGRAM");
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = copy_bad_file (name, dir);
  g_autofree char *before = sf_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *runner = g_find_program_in_path ("dbus-run-session");

  g_assert_nonnull (program);
  g_assert_nonnull (runner);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, new_process_group, NULL, NULL);
  /* Its own session bus, so no warning about a missing one. */
  process = g_subprocess_launcher_spawn (launcher, &error, runner, "--", program,
                                         "--database", path, NULL);
  g_assert_no_error (error);

  /* Alive after 2.5 s: GLib reaps a child that ended and forgets its id. */
  {
    gint64 until = g_get_monotonic_time () + 2500 * 1000;

    while (g_get_monotonic_time () < until && g_subprocess_get_identifier (process) != NULL)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_nonnull (g_subprocess_get_identifier (process));
  /* The program, its bus and dbus-run-session are one process group. */
  kill (-(pid_t) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10), SIGTERM);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));

  after = sf_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

  g_test_add ("/reliability-ui/disk-full", Fixture, NULL, fixture_set_up, test_disk_full,
              fixture_tear_down);
  g_test_add ("/reliability-ui/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/reliability-ui/hostile-text", Fixture, NULL, fixture_set_up, test_hostile_text,
              fixture_tear_down);
  sf_test_add_bad_files ("/reliability-ui/bad-file", test_bad_file);
  g_test_add_data_func ("/reliability-ui/program/random", "random.db", test_program);
  g_test_add_data_func ("/reliability-ui/program/hostile-values", "hostile-values.db", test_program);

  return g_test_run ();
}
