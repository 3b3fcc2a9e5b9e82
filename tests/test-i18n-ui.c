/* test-i18n-ui.c — no English left in any translation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under LANGUAGE set to each language of po/LINGUAS, German and
 * Norwegian now (see tests/meson.build). Opens the window in its states
 * and every dialog, walks each widget tree and fails on any
 * visible label, button, title, subtitle, placeholder or tooltip that is
 * still an English source string of the catalogue — the mark of a string
 * that never went through gettext. Strings whose translation is the same
 * word (“Salesflow”, German “Pipeline”) are read from the language's .po
 * and allowed.
 *
 * With SALESFLOW_SHOT_DIR=DIR each screen is also saved as DIR/<what>-<lang>.png.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sf-application.h"
#include "sf-feedback-dialog.h"
#include "sf-import-dialog.h"
#include "sf-new-deal-dialog.h"
#include "sf-passphrase-dialog.h"
#include "sf-person-chooser.h"
#include "sf-person-dialog.h"
#include "sf-preferences-window.h"
#include "sf-reasons.h"
#include "sf-request-dialog.h"
#include "sf-signoff-dialog.h"
#include "sf-verdict-dialog.h"
#include "sf-sample.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-window.h"

static GHashTable *english;     /* msgid (mnemonics removed) → TRUE */
static GHashTable *same;        /* msgids translated to themselves in some context */
static GPtrArray *prefixes;     /* text before the first % of format msgids */
static GPtrArray *found;        /* "where: text" of every English string seen */

/* Unescapes one C-style quoted .po string and appends it. */
static void
append_po_string (GString    *out,
                  const char *line)
{
  const char *p = strchr (line, '"');

  if (p == NULL)
    return;

  for (p++; *p && *p != '"'; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
add_english (const char *msgid,
             const char *msgstr)
{
  g_autofree char *clean = NULL;
  const char *percent;

  if (*msgid == '\0')
    return;

  clean = strip_mnemonic (msgid);
  /* Translated to the same text: a deliberate choice, not a miss — in
   * every context of that word. */
  if (g_strcmp0 (msgid, msgstr) == 0)
    {
      g_hash_table_remove (english, clean);
      g_hash_table_add (same, g_steal_pointer (&clean));
      return;
    }
  if (g_hash_table_contains (same, clean))
    return;

  percent = strchr (clean, '%');
  if (percent == NULL)
    g_hash_table_add (english, g_steal_pointer (&clean));
  else if (percent - clean >= 6)
    g_ptr_array_add (prefixes, g_strndup (clean, percent - clean));
}

static void
load_catalogue (const char *lang)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", lang, NULL);
  g_autofree char *po = g_strconcat (path, ".po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) msgstr = g_string_new (NULL);
  GString *current = NULL;

  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  prefixes = g_ptr_array_new_with_free_func (g_free);
  found = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (po, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgid "))
        {
          if (msgid->len > 0)
            add_english (msgid->str, msgstr->str);
          g_string_truncate (msgid, 0);
          g_string_truncate (msgstr, 0);
          current = msgid;
          append_po_string (current, line);
        }
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0]"))
        {
          current = msgstr;
          append_po_string (current, line);
        }
      else if (g_str_has_prefix (line, "msgid_plural") || g_str_has_prefix (line, "msgstr["))
        current = NULL;
      else if (line[0] == '"' && current != NULL)
        append_po_string (current, line);
    }
  if (msgid->len > 0)
    add_english (msgid->str, msgstr->str);

  g_assert_cmpuint (g_hash_table_size (english), >, 100);
}

static void
check_text (const char *where,
            const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  if (g_hash_table_contains (english, text))
    {
      g_ptr_array_add (found, g_strdup_printf ("%s: “%s”", where, text));
      return;
    }

  for (guint i = 0; i < prefixes->len; i++)
    if (g_str_has_prefix (text, g_ptr_array_index (prefixes, i)))
      {
        g_ptr_array_add (found, g_strdup_printf ("%s: “%s”", where, text));
        return;
      }
}

static void
check_widget (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_visible (widget))
    return;

  check_text (type, gtk_widget_get_tooltip_text (widget));

  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = strip_mnemonic (gtk_label_get_text (GTK_LABEL (widget)));

      check_text (type, text);
    }
  else if (GTK_IS_WINDOW (widget))
    check_text (type, gtk_window_get_title (GTK_WINDOW (widget)));
  else if (GTK_IS_ENTRY (widget))
    check_text (type, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      check_text (type, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      check_text (type, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (type, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      check_text (type, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  else if (ADW_IS_MESSAGE_DIALOG (widget))
    {
      check_text (type, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)));
      check_text (type, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child);
}

static void
check_view_stack (AdwViewStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      check_text ("AdwViewStackPage", adw_view_stack_page_get_title (page));
    }
}

static void
assert_nothing_english (const char *what)
{
  if (found->len == 0)
    return;

  for (guint i = 0; i < found->len; i++)
    g_test_message ("%s — %s", what, (char *) g_ptr_array_index (found, i));
  g_test_fail_printf ("%u English strings in %s, the first: %s", found->len, what,
                      (char *) g_ptr_array_index (found, 0));
  g_ptr_array_set_size (found, 0);
}

/* Checks every text of @root; with SALESFLOW_SHOT_DIR set, also saves
 * a picture of it there for a translator's or a reviewer's eye. */
static void
check_screen (GtkWidget  *root,
              const char *what)
{
  const char *dir = g_getenv ("SALESFLOW_SHOT_DIR");

  check_widget (root);
  assert_nothing_english (what);

  if (dir != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strdup (what), " ", '-');
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, g_getenv ("LANGUAGE"));
      g_autofree char *path = g_build_filename (dir, file, NULL);

      sf_test_ui_save_png (root, path);
    }
}

static gboolean
loaded (gpointer data)
{
  return sf_pipeline_get_loaded (data);
}

static void
close_dialogs (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
  sf_test_ui_iterate ();
}

static SfDeal *
deal_in (SfPipeline *pipeline,
         SfStage     stage,
         SfDealStatus status)
{
  GListModel *deals = sf_pipeline_get_deals (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, i);

      if (sf_deal_get_stage (deal) == stage && sf_deal_get_status (deal) == status)
        return deal;
    }

  g_assert_not_reached ();
}

/* The first run, on an empty database. */
static void
test_welcome (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  SfWindow *window = sf_window_new (NULL, pipeline, NULL);

  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (loaded, sf_window_get_pipeline (window));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (window), "the welcome page");

  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  sf_test_remove_dir (dir);
}

static gint64
sample_manager_id (SfStore *store)
{
  g_autoptr(GPtrArray) persons = sf_store_list_persons (store, NULL);

  for (guint i = 0; i < persons->len; i++)
    if (sf_person_get_role (g_ptr_array_index (persons, i)) == SF_ROLE_MANAGER)
      return sf_person_get_id (g_ptr_array_index (persons, i));

  return 0;
}

/* The window with the sample pipeline, and every dialog it opens. */
static void
test_window_and_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfPerson) me = sf_store_add_person (store, "Lena Berg", SF_ROLE_SALES, NULL);
  g_autoptr(SfPerson) manager = NULL;
  g_autoptr(SfApprovalRequest) request = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  SfWindow *window;
  SfPipeline *pipeline;
  SfDeal *deal;

  g_assert_true (sf_sample_create (store, sf_person_get_id (me), NULL));
  /* the sample's manager vouches for another, who has no deal of her own */
  manager = sf_store_add_manager (store, "Maja Berg", "a long enough passphrase",
                                  sample_manager_id (store), SF_SAMPLE_MANAGER_PASSPHRASE, NULL);
  g_assert_nonnull (manager);
  pipeline = sf_pipeline_new (store);
  window = sf_window_new (NULL, pipeline, NULL);
  g_object_unref (pipeline);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (sf_test_ui_window_ready, window);
  pipeline = sf_window_get_pipeline (window);

  sf_window_show_view (window, "pipeline");
  sf_test_ui_iterate ();
  check_view_stack (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (sf_window_get_board_view (window)),
                                                             ADW_TYPE_VIEW_STACK)));
  check_screen (GTK_WIDGET (window), "the board");

  /* A deal held by its open jobs, then a lost one. */
  deal = deal_in (pipeline, SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (window), "the deal list and pane");

  g_signal_emit_by_name (sf_test_ui_find (GTK_WIDGET (window), "add_job_button"), "clicked");
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)), "the add job dialog");
  close_dialogs (GTK_WINDOW (window));

  deal = deal_in (pipeline, SF_STAGE_QUALIFIED, SF_DEAL_STATUS_LOST);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (window), "a lost deal");

  deal = deal_in (pipeline, SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-back", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)), "the move back dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-lost", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)), "the lost dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-deal", NULL);
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_NEW_DEAL_DIALOG, NULL)), "the new deal dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (sf_preferences_window_new (GTK_WINDOW (window), pipeline)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PREFERENCES_WINDOW, NULL)), "the preferences");
  close_dialogs (GTK_WINDOW (window));

  csv_path = g_build_filename (dir, "import.csv", NULL);
  g_assert_true (g_file_set_contents (csv_path, "title;customer;value\nA;B;1,00\n", -1, NULL));
  csv = g_file_new_for_path (csv_path);
  gtk_window_present (GTK_WINDOW (sf_import_dialog_new (GTK_WINDOW (window), pipeline, csv, NULL)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_IMPORT_DIALOG, NULL)), "the import dialog");
  close_dialogs (GTK_WINDOW (window));

  /* Managers' sign-off: the tab, asking, deciding, the people. */
  sf_window_show_view (window, "approvals");
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (window), "the approvals tab");

  deal = deal_in (pipeline, SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN);
  gtk_window_present (GTK_WINDOW (sf_request_dialog_new (GTK_WINDOW (window), pipeline, deal,
                                                         SF_APPROVAL_KIND_PRICING)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL)), "the request dialog");
  close_dialogs (GTK_WINDOW (window));

  sf_store_set_actor (store, sf_person_get_id (me));
  g_assert_true (sf_store_request_approval (store, deal, SF_APPROVAL_KIND_ROI, 0, "", &request, NULL));
  gtk_window_present (GTK_WINDOW (sf_signoff_dialog_new (GTK_WINDOW (window), pipeline, request,
                                                         sf_person_get_id (manager))));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL)), "the sign-off dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.recall-request", "x",
                              sf_approval_request_get_id (request));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)), "the recall dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (sf_passphrase_dialog_new (GTK_WINDOW (window), pipeline, manager, NULL)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PASSPHRASE_DIALOG, NULL)), "the passphrase dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (sf_person_dialog_new (GTK_WINDOW (window), pipeline)));
  sf_test_ui_iterate ();
  /* a new manager: the passphrase and the voucher show too */
  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_ui_find (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PERSON_DIALOG, NULL)),
                                                              "person_role")), SF_ROLE_MANAGER);
  sf_test_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (sf_test_ui_find (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PERSON_DIALOG, NULL)),
                                                          "voucher_manager")));
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PERSON_DIALOG, NULL)), "the new person dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (sf_person_chooser_new (window, FALSE)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_PERSON_CHOOSER, NULL)), "the switch user dialog");
  close_dialogs (GTK_WINDOW (window));

  /* Satisfaction: the tab and the two dialogs of a won deal. */
  sf_window_show_view (window, "satisfaction");
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (window), "the satisfaction tab");

  deal = deal_in (pipeline, SF_STAGE_CLOSED, SF_DEAL_STATUS_WON);
  gtk_window_present (GTK_WINDOW (sf_feedback_dialog_new (GTK_WINDOW (window), pipeline, deal)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL)), "the feedback dialog");
  close_dialogs (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (sf_verdict_dialog_new (GTK_WINDOW (window), pipeline, deal,
                                                         SF_VERDICT_UNDECIDED, NULL)));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (SF_TYPE_VERDICT_DIALOG, NULL)), "the verdict dialog");
  close_dialogs (GTK_WINDOW (window));

  sf_application_show_about (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  check_screen (GTK_WIDGET (sf_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL)), "the about window");
  close_dialogs (GTK_WINDOW (window));

  /* A file of a newer Salesflow: the error page, its message translated. */
  {
    g_autofree char *copy = sf_test_copy_bad_file ("newer-schema.db", dir, "newer.db");
    g_autoptr(GError) error = NULL;
    g_autoptr(SfStore) none = NULL;
    SfWindow *broken;

    none = sf_store_open (copy, &error);
    g_assert_null (none);
    broken = sf_window_new (NULL, NULL, error);
    gtk_window_present (GTK_WINDOW (broken));
    sf_test_ui_iterate ();
    check_screen (GTK_WIDGET (broken), "the error page");
    gtk_window_destroy (GTK_WINDOW (broken));
  }

  builder = gtk_builder_new_from_resource ("/io/github/salesflow/Salesflow/gtk/help-overlay.ui");
  {
    GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_present (GTK_WINDOW (shortcuts));
    sf_test_ui_iterate ();
    check_screen (shortcuts, "the keyboard shortcuts");
  }
  close_dialogs (NULL);
  sf_test_remove_dir (dir);
}

/* The exports for a spreadsheet in this language: semicolons and
 * decimal commas, the column names, stages, statuses and lost reasons in
 * it. The deals file reads back unchanged here, and its column names on
 * an English desktop too (the import's aliases). */
static void
test_export_for_spreadsheet (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfStore) back = NULL;
  g_autoptr(SfDeal) a = sf_test_create_deal (store, "Ladestasjoner, fase 1", "Nordlys AS", -150, "NOK");
  g_autoptr(SfDeal) b = sf_test_create_deal (store, "Solar; roof", "Sonnenwerk GmbH", 1234567, "EUR");
  g_autofree char *path = g_build_filename (dir, "deals.csv", NULL);
  g_autofree char *back_path = g_build_filename (dir, "back.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) no_rows = g_ptr_array_new ();
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(GBytes) satisfaction = NULL;
  g_autoptr(GString) header = g_string_new (SF_CSV_BOM);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *locale = NULL;
  char *names[SF_DEAL_CSV_N_FIELDS] = { NULL };

  g_assert_true (sf_store_mark_lost (store, b, "price", NULL, &error));
  g_assert_no_error (error);
  originals = sf_store_list_deals (store, NULL);

  out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_true (sf_store_export_csv_for (store, originals, out, SF_CSV_FOR_SPREADSHEETS, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_test_message ("%s", contents);

  for (int f = SF_DEAL_CSV_FIELD_TITLE; f < SF_DEAL_CSV_N_FIELDS; f++)
    {
      names[f] = g_strdup (sf_deal_csv_field_get_name (f));
      g_string_append_printf (header, "%s%s", f > SF_DEAL_CSV_FIELD_TITLE ? ";" : "", names[f]);
    }
  g_string_append (header, "\r\n");
  g_assert_true (g_str_has_prefix (contents, header->str));
  g_assert_nonnull (strstr (contents, ";-1,50;NOK;"));
  g_assert_nonnull (strstr (contents, ";12345,67;EUR;"));
  g_assert_nonnull (strstr (contents, sf_lost_reason_get_display ("price")));
  g_assert_nonnull (strstr (contents, sf_stage_get_name (SF_STAGE_PROSPECT)));

  back = sf_store_open (back_path, NULL);
  mapping = sf_deal_csv_mapping_new_for_file (file, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (sf_store_import_csv (back, file, mapping, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  deals = sf_store_list_deals (back, NULL);
  g_assert_cmpuint (deals->len, ==, originals->len);
  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      SfDeal *original = g_ptr_array_index (originals, i);

      g_assert_cmpstr (sf_deal_get_title (deal), ==, sf_deal_get_title (original));
      g_assert_true (sf_money_equal (sf_deal_get_value (deal), sf_deal_get_value (original)));
      g_assert_cmpint (sf_deal_get_stage (deal), ==, sf_deal_get_stage (original));
      g_assert_cmpint (sf_deal_get_status (deal), ==, sf_deal_get_status (original));
      g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, sf_deal_get_lost_reason (original));
    }

  /* The satisfaction export, for the same spreadsheet. */
  satisfaction = sf_satisfaction_export_csv (no_rows, SF_CSV_FOR_SPREADSHEETS);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (satisfaction, NULL), SF_CSV_BOM));
  g_assert_null (strstr (g_bytes_get_data (satisfaction, NULL), "deal_id"));
  g_assert_nonnull (strstr (g_bytes_get_data (satisfaction, NULL), ";"));
  {
    g_autofree char *text = g_strndup ((const char *) g_bytes_get_data (satisfaction, NULL) + 3,
                                       g_bytes_get_size (satisfaction) - 3);
    g_auto(GStrv) columns = g_strsplit (g_strchomp (text), ";", -1);

    g_assert_cmpuint (g_strv_length (columns), ==, SF_SATISFACTION_EXPORT_N_COLUMNS);
    for (guint i = 0; columns[i] != NULL; i++)
      check_text ("satisfaction export", columns[i]);
    assert_nothing_english ("the satisfaction export's column names");
  }

  /* On an English desktop the names still say which column is which.
   * (Setting the locale again also makes gettext see the new language.) */
  locale = g_strdup (setlocale (LC_ALL, NULL));
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_true (sf_test_use_locale ("C.UTF-8"));
  g_assert_cmpstr (sf_deal_csv_field_get_name (SF_DEAL_CSV_FIELD_TITLE), ==, "Title");
  for (int f = SF_DEAL_CSV_FIELD_TITLE; f < SF_DEAL_CSV_N_FIELDS; f++)
    {
      g_test_message ("%s", names[f]);
      g_assert_cmpint (sf_deal_csv_field_from_header (names[f]), ==, f);
      g_free (names[f]);
    }
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_true (sf_test_use_locale (locale));

  g_clear_object (&back);
  g_clear_object (&store);
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

  /* tests/meson.build runs it once per language of po/LINGUAS. */
  if (language == NULL || *language == '\0' || strchr (language, ':') != NULL)
    g_error ("Run with LANGUAGE set to one language of po/LINGUAS");
  if (g_strcmp0 (_("Pipeline board"), "Pipeline board") == 0)
    g_error ("The %s catalogue is not found; SALESFLOW_LOCALEDIR and the locale must be set", language);
  load_catalogue (language);

  g_test_add_func ("/i18n/welcome", test_welcome);
  g_test_add_func ("/i18n/window-and-dialogs", test_window_and_dialogs);
  g_test_add_func ("/i18n/export-for-spreadsheet", test_export_for_spreadsheet);

  return g_test_run ();
}
