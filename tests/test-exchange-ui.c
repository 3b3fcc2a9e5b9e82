/* test-exchange-ui.c — import, export, calendar and backup from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sf-csv.h"
#include "sf-deal-csv.h"
#include "sf-format.h"
#include "sf-import-dialog.h"
#include "sf-test-ui.h"
#include "sf-ui-util.h"
#include "sf-test-util.h"

typedef struct
{
  char *dir;
  SfStore *store;
  SfWindow *window;
  gboolean done;
  GError *error;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SfPerson) me = NULL;

  f->store = sf_test_open_store (&f->dir);
  me = sf_store_add_person (f->store, "Lena Berg", SF_ROLE_SALES, NULL);
  f->window = sf_test_ui_open_window (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sf_test_ui_close_windows ();
  g_clear_error (&f->error);
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
deal_count_is (gpointer data)
{
  Fixture *f = data;

  return f->done;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->done = TRUE;
}

/* A German spreadsheet's semicolon file with German headers and amounts. */
static const char german_csv[] =
  "\xEF\xBB\xBF" "Titel;Kunde;Wert;Währung;Phase;Verantwortlich\r\n"
  "Windpark Nordsee;Nordlicht GmbH;1.234.567,89;EUR;Qualifiziert;Anna Schmidt\r\n"
  "\"Wärmepumpen; Phase 2\";Stadtwerke Kiel;12.500,00;EUR;Interessent;Lena Berg\r\n"
  "Ladesäulen;\"Müller \"\"& Söhne\"\"\";980,50;EUR;Entdeckung;\r\n";

static void
test_import_german (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "deals.csv", german_csv);
  g_autoptr(GPtrArray) deals = NULL;
  SfPipeline *pipeline = sf_window_get_pipeline (f->window);
  SfImportDialog *dialog;
  GPtrArray *preview;

  dialog = sf_import_dialog_new (GTK_WINDOW (f->window), pipeline, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_ui_iterate ();

  /* The preview reads the rows as the import will. */
  preview = sf_import_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (preview, 0), "Windpark Nordsee"));
  g_assert_nonnull (strstr (g_ptr_array_index (preview, 0), "€1,234,567.89"));
  g_assert_nonnull (strstr (g_ptr_array_index (preview, 1), "Wärmepumpen; Phase 2"));

  g_signal_connect (sf_pipeline_get_deals (pipeline), "items-changed", G_CALLBACK (items_changed_cb), f);
  sf_import_dialog_start (dialog);
  sf_test_ui_wait_until (deal_count_is, f);

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 3);
  g_assert_cmpint (sf_deal_get_value (g_ptr_array_index (deals, 0))->amount, ==, 123456789);
  g_assert_cmpint (sf_deal_get_stage (g_ptr_array_index (deals, 0)), ==, SF_STAGE_QUALIFIED);
  g_assert_cmpstr (sf_deal_get_owner_name (g_ptr_array_index (deals, 0)), ==, "Anna Schmidt");
  g_assert_cmpstr (sf_deal_get_customer (g_ptr_array_index (deals, 2)), ==, "Müller \"& Söhne\"");
  g_assert_nonnull (strstr (sf_ui_get_last_toast (GTK_WIDGET (f->window)), "3"));
}

static guint
count_deals (SfStore *store)
{
  g_autoptr(GPtrArray) deals = sf_store_list_deals (store, NULL);

  return deals->len;
}

static gboolean
message_shown (gpointer data)
{
  return sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

/* German Excel's Windows-1252 file: shown decoded in the preview, with the
 * character set chosen for it; UTF-8 can be chosen instead, and is
 * refused with the line that is not UTF-8. Nothing is stored before
 * Import. */
static void
test_import_windows_1252 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                   "deals-de-excel-windows-1252.csv", NULL));
  g_autoptr(GPtrArray) deals = NULL;
  SfPipeline *pipeline = sf_window_get_pipeline (f->window);
  SfImportDialog *dialog;
  AdwComboRow *encoding;
  GPtrArray *preview;

  dialog = sf_import_dialog_new (GTK_WINDOW (f->window), pipeline, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_ui_iterate ();

  encoding = ADW_COMBO_ROW (sf_test_ui_find (GTK_WIDGET (dialog), "import_encoding"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (encoding)), ==,
                   "Western (Windows-1252)");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (sf_test_ui_find (GTK_WIDGET (dialog), "import_numbers")))), ==,
                   "Decimal comma, as in 1.234,56");
  preview = sf_import_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (preview, 0), ==,
                   "Büromöbel für die Zentrale · Müller & Söhne GmbH · €12,500.00 · Prospect");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (preview, 1), "Kühlkettenüberwachung · "));
  g_assert_cmpuint (count_deals (f->store), ==, 0);

  /* Read as UTF-8, the file's first line is refused, and the choice goes
   * back to what reads it. */
  adw_combo_row_set_selected (encoding, 0);
  sf_test_ui_wait_until (message_shown, NULL);
  {
    AdwMessageDialog *message = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

    g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), "Line 1 is not UTF-8 text."));
    gtk_window_destroy (GTK_WINDOW (message));
  }
  g_assert_cmpuint (adw_combo_row_get_selected (encoding), ==, 1);
  g_assert_cmpuint (preview->len, ==, 4);

  g_signal_connect (sf_pipeline_get_deals (pipeline), "items-changed", G_CALLBACK (items_changed_cb), f);
  sf_import_dialog_start (dialog);
  sf_test_ui_wait_until (deal_count_is, f);
  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 4);
  g_assert_cmpstr (sf_deal_get_title (g_ptr_array_index (deals, 0)), ==, "Büromöbel für die Zentrale");
}

/* Runs the rest of the test in @language, as a person with that desktop. */
static gboolean
use_language (const char *language,
              const char *locale)
{
  if (!sf_test_use_locale (locale))
    return FALSE;
  g_setenv ("LANGUAGE", language, TRUE);
  return TRUE;
}

/* The labels shown in the popovers under @root, and the popovers. */
static void
collect_labels (GtkWidget *root,
                gboolean   in_popover,
                GPtrArray *labels,
                GPtrArray *popovers)
{
  if (GTK_IS_POPOVER (root))
    {
      in_popover = TRUE;
      g_ptr_array_add (popovers, root);
    }
  if (in_popover && GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (labels, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, in_popover, labels, popovers);
}

/* The choices of "Amounts Written As" and "Character Set", as their
 * popover shows them in English, German and Norwegian: each whole, none
 * cut off with "…". */
static void
test_import_choices_fit (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const languages[][2] = {
    { "en", "C.UTF-8" }, { "de", "de_DE.UTF-8" }, { "nb", "nb_NO.UTF-8" },
  };
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                   "deals-nb-comma-separated.csv", NULL));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      SfImportDialog *dialog;

      if (!use_language (languages[l][0], languages[l][1]))
        return;
      dialog = sf_import_dialog_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window), file, &error);
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (dialog));
      sf_test_ui_wait_frames ();

      for (guint r = 0; r < 2; r++)
        {
          GtkWidget *row = sf_test_ui_find (GTK_WIDGET (dialog), r ? "import_encoding" : "import_numbers");
          g_autoptr(GPtrArray) labels = g_ptr_array_new ();
          g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
          guint n_choices = 0;

          gtk_widget_activate (row);
          sf_test_ui_wait_frames ();
          collect_labels (row, FALSE, labels, popovers);
          for (guint i = 0; i < labels->len; i++)
            {
              GtkLabel *label = g_ptr_array_index (labels, i);

              g_test_message ("%s: %s", languages[l][0], gtk_label_get_text (label));
              g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
              n_choices++;
            }
          g_assert_cmpuint (n_choices, >=, r ? 3 : 2);
          for (guint i = 0; i < popovers->len; i++)
            gtk_popover_popdown (g_ptr_array_index (popovers, i));
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
      sf_test_ui_iterate ();
    }
  use_language ("", "C.UTF-8");
}

/* One bad row: its line is named and nothing is imported. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "bad.csv",
                                      "title,customer,value,currency\n"
                                      "Good one,Kunde AS,100.00,NOK\n"
                                      "Bad one,Kunde AS,twelve,NOK\n");
  g_autoptr(GPtrArray) deals = NULL;
  SfImportDialog *dialog;
  GPtrArray *preview;
  gboolean found = FALSE;

  dialog = sf_import_dialog_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window), file, &error);
  g_assert_no_error (error);
  preview = sf_import_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (preview, 1), "3"));

  sf_import_dialog_start (dialog);
  /* The error dialog appears over the import dialog. */
  while (!found)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window))
            {
              g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), "Line 3"));
              found = TRUE;
            }
        }
    }

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 0);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Fixture *f = data;

  sf_pipeline_export_csv_finish (SF_PIPELINE (source), result, NULL, &f->error);
  f->done = TRUE;
}

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Fixture *f = data;

  sf_pipeline_backup_finish (SF_PIPELINE (source), result, &f->error);
  f->done = TRUE;
}

static void
wait_for (Fixture *f)
{
  sf_test_ui_wait_until (deal_count_is, f);
  g_assert_no_error (f->error);
  f->done = FALSE;
}

/* Export what the list shows; the file imports back unchanged. */
static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(SfDeal) a = sf_test_create_deal (f->store, "Ladestasjoner, fase 1", "Nordlys \"Energi\" AS", -150, "NOK");
  g_autoptr(SfDeal) b = sf_test_create_deal (f->store, "Solar\nroof", "Sonnenwerk GmbH", 1234567, "EUR");
  g_autoptr(SfDeal) c = sf_test_create_deal (f->store, "Not exported", "Filtered AS", 1, "EUR");
  g_autofree char *other_dir = NULL;
  g_autoptr(SfStore) other = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *contents = NULL;
  SfDealsView *view;

  /* The window's pipeline was loaded before these deals existed. */
  sf_pipeline_load_sync (sf_window_get_pipeline (f->window), NULL);
  view = sf_window_get_deals_view (f->window);
  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "la");
  g_assert_cmpuint (g_list_model_get_n_items (sf_deals_view_get_model (view)), ==, 2);

  sf_window_export_deals_async (f->window, out, SF_CSV_FOR_SPREADSHEETS, export_done, f);
  wait_for (f);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Not exported"));

  other = sf_test_open_store (&other_dir);
  {
    g_autoptr(SfCsvReader) reader = sf_csv_reader_new_for_data (contents, -1, 0);
    g_autoptr(SfDealCsvMapping) mapping = NULL;
    guint n = 0;

    g_assert_true (sf_csv_reader_next (reader, NULL, &error));
    mapping = sf_deal_csv_mapping_new_from_first_row (sf_csv_reader_get_fields (reader),
                                                      sf_csv_reader_get_separator (reader));
    g_assert_true (sf_store_import_csv (other, out, mapping, NULL, NULL, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
  }
  back = sf_store_list_deals (other, NULL);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint i = 0; i < back->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (back, i);
      SfDeal *original = g_str_equal (sf_deal_get_title (deal), sf_deal_get_title (a)) ? a : b;

      g_assert_cmpstr (sf_deal_get_title (deal), ==, sf_deal_get_title (original));
      g_assert_cmpstr (sf_deal_get_customer (deal), ==, sf_deal_get_customer (original));
      g_assert_true (sf_money_equal (sf_deal_get_value (deal), sf_deal_get_value (original)));
    }
  sf_test_remove_dir (other_dir);
}

static gboolean file_chooser_open (gpointer data);

static GtkWidget *
find_drop_down (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toast_shown (gpointer window)
{
  return sf_ui_get_last_toast (window) != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Export Deals asks for whom the file is: a spreadsheet (the default) or
 * other programs, beside the file name. */
static void
test_export_choice (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deals.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Ladestasjoner", "Nordlys AS", 150000, "NOK");
  g_autofree char *contents = NULL;
  GtkWindow *chooser;

  sf_pipeline_load_sync (sf_window_get_pipeline (f->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-deals", NULL));
  sf_test_ui_wait_until (file_chooser_open, NULL);
  chooser = sf_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "csv-audience"), ==, "spreadsheets");
  /* As a person picks it: the second entry of the choice's drop-down
   * (GTK 4.8's gtk_file_chooser_set_choice() leaves it as it is). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_drop_down (GTK_WIDGET (chooser))), 1);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "csv-audience"), ==, "programs");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "deals.csv");
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser),
                                                      g_file_get_parent (out), NULL));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sf_test_ui_wait_until (file_exists, path);
  sf_test_ui_wait_until (toast_shown, f->window);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, SF_CSV_BOM "Title,Customer,Contact name,"));
  g_assert_nonnull (strstr (contents, "\r\nLadestasjoner,Nordlys AS,,,,,1500.00,NOK,prospect,open,"));
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "meetings.ics", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Fleet charging", "Nordlys AS", 1, "NOK");
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
  g_autofree char *ics = NULL;

  g_assert_true (sf_store_set_job_due (f->store, deal, sf_test_find_job (jobs, "prospect-meetings"),
                                       sf_date_from_ymd (2027, 2, 3), NULL));
  g_assert_true (sf_pipeline_export_calendar (sf_window_get_pipeline (f->window), out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &ics, NULL, NULL));
  g_assert_nonnull (strstr (ics, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics, "DTSTART;VALUE=DATE:20270203"));
  g_assert_nonnull (strstr (ics, "Fleet charging"));
}

/* With nothing dated, the menu item says so instead of writing an empty
 * file that a calendar would import as nothing. */
static void
test_calendar_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "meetings.ics", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Undated", "Nordlys AS", 1, "NOK");
  AdwMessageDialog *message;

  g_assert_false (sf_pipeline_export_calendar (sf_window_get_pipeline (f->window), out, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-calendar", NULL));
  sf_test_ui_wait_until (message_shown, NULL);
  message = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Nothing to Export");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "nothing to export"));
  g_assert_null (sf_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Kept safe", "Kunde AS", 1, "NOK");
  g_autoptr(SfStore) copy = NULL;
  g_autoptr(GPtrArray) deals = NULL;

  sf_pipeline_backup_async (sf_window_get_pipeline (f->window), out, NULL, backup_done, f);
  wait_for (f);

  copy = sf_store_open (path, &error);
  g_assert_no_error (error);
  deals = sf_store_list_deals (copy, NULL);
  g_assert_cmpuint (deals->len, ==, 1);
  g_assert_cmpstr (sf_deal_get_title (g_ptr_array_index (deals, 0)), ==, "Kept safe");
}

static gboolean
pipeline_loaded (gpointer data)
{
  return sf_pipeline_get_loaded (data);
}

static gboolean
file_chooser_open (gpointer data)
{
  return sf_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

static gboolean
import_dialog_open (gpointer data)
{
  return sf_test_ui_find_toplevel (SF_TYPE_IMPORT_DIALOG, NULL) != NULL;
}

static gboolean
file_selected (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

/* Answers the open file chooser with @file, as a person would. */
static void
choose_file (GFile *file)
{
  GtkWindow *chooser;

  sf_test_ui_wait_until (file_chooser_open, NULL);
  chooser = sf_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The chooser selects it once it has read the folder. */
  sf_test_ui_wait_until (file_selected, chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sf_test_ui_wait_until (import_dialog_open, NULL);
}

static GtkWidget *
find_menu_widget (GtkWidget  *root,
                  const char *label)
{
  if (label == NULL && GTK_IS_MENU_BUTTON (root) &&
      gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return root;
  /* GTK 4.8's menu items are GtkModelButtons that do not name their
   * action; they are found by their text. */
  if (label != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "text") != NULL &&
      g_strcmp0 (G_OBJECT_TYPE_NAME (root), "GtkModelButton") == 0)
    {
      g_autofree char *text = NULL;

      g_object_get (root, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_widget (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the main menu's item @label can be chosen, as a person sees it
 * in the menu. */
static gboolean
menu_item_enabled (SfWindow   *window,
                   const char *label)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_menu_widget (GTK_WIDGET (window), NULL));
  GtkWidget *item;
  gboolean enabled;

  gtk_menu_button_popup (button);
  sf_test_ui_iterate ();
  item = find_menu_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), label);
  g_assert_nonnull (item);
  enabled = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (button);
  sf_test_ui_iterate ();

  return enabled;
}

/* Someone moving from a spreadsheet imports first, on the first-run page
 * of an empty database: the menu's Import asks for their name, then
 * starts the pipeline with it and imports. */
static void
test_import_first_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  g_autoptr(GFile) file = NULL;
  SfWindow *window = sf_window_new (NULL, pipeline, NULL);
  g_autofree char *path = g_build_filename (dir, "deals.csv", NULL);
  Fixture f = { 0 };

  g_assert_true (g_file_set_contents (path, german_csv, -1, NULL));
  file = g_file_new_for_path (path);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (pipeline_loaded, pipeline);
  sf_test_ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (sf_test_ui_find (GTK_WIDGET (window), "welcome_name")));

  /* Nothing to export yet; Import is there, and without a name it asks
   * for one instead of doing nothing. */
  g_assert_false (menu_item_enabled (window, "Export the Listed Deals…"));
  g_assert_false (menu_item_enabled (window, "Export Meetings to Calendar…"));
  g_assert_true (menu_item_enabled (window, "Import Deals…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-deals", NULL));
  sf_test_ui_iterate ();
  g_assert_cmpstr (sf_ui_get_last_toast (GTK_WIDGET (window)), ==, "Enter your name first");
  g_assert_null (sf_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  g_assert_false (sf_window_is_ready (window));

  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (window), "welcome_name")),
                         "Lena Berg");
  g_assert_true (gtk_widget_get_sensitive (sf_test_ui_find (GTK_WIDGET (window), "welcome_import")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-deals", NULL));
  choose_file (file);
  g_assert_true (sf_window_is_ready (window));

  g_signal_connect (sf_pipeline_get_deals (pipeline), "items-changed", G_CALLBACK (items_changed_cb), &f);
  sf_import_dialog_start (SF_IMPORT_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_IMPORT_DIALOG, NULL)));
  sf_test_ui_wait_until (deal_count_is, &f);

  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 3);
  g_assert_cmpstr (sf_person_get_name (sf_pipeline_lookup_person (pipeline, sf_window_get_me (window))),
                   ==, "Lena Berg");
  /* The one in the file with her name is her; the other owner is added. */
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_persons (pipeline)), ==, 2);

  sf_test_ui_close_windows ();
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/exchange-ui/import-german", test_import_german);
  ADD ("/exchange-ui/import-refused", test_import_refused);
  ADD ("/exchange-ui/import-windows-1252", test_import_windows_1252);
  ADD ("/exchange-ui/import-choices-fit", test_import_choices_fit);
  g_test_add_func ("/exchange-ui/import-first-run", test_import_first_run);
  ADD ("/exchange-ui/export-round-trip", test_export_round_trip);
  ADD ("/exchange-ui/export-choice", test_export_choice);
  ADD ("/exchange-ui/calendar", test_calendar);
  ADD ("/exchange-ui/calendar-empty", test_calendar_empty);
  ADD ("/exchange-ui/backup", test_backup);

  return g_test_run ();
}
