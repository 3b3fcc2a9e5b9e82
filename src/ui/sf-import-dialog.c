/* sf-import-dialog.c — import deals from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file guesses the mapping (sf_deal_csv_mapping_new_for_file(): its
 * character set, separator, header names in English, German or Norwegian,
 * and whether its amounts have a decimal point or a decimal comma); the
 * person checks it against a preview of the first rows, each read exactly
 * as the import will read it, and may change any of it. Nothing is stored
 * before Import. The import runs on a worker thread with a store of
 * its own, in one transaction: every row or, if one is wrong, none, with
 * the bad lines named. The progress bar follows the worker; Cancel stops
 * it and nothing is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-csv.h"
#include "sf-deal-csv.h"
#include "sf-format.h"
#include "sf-import-dialog.h"
#include "sf-ui-util.h"

#define PREVIEW_ROWS 8

struct _SfImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkStack *stack;
  AdwActionRow *file_row;
  AdwComboRow *encoding_row;
  AdwComboRow *separator_row;
  GtkSwitch *header_switch;
  AdwComboRow *numbers_row;
  AdwComboRow *currency_row;
  AdwPreferencesGroup *columns_group;
  GtkListBox *preview_list;
  GtkProgressBar *progress_bar;

  /* owned */
  SfPipeline *pipeline;
  GFile *file;
  SfDealCsvMapping *mapping;
  GPtrArray *column_rows;
  GPtrArray *preview;          /* char*: one line of text per previewed row */
  GtkStringList *currencies;
  GCancellable *cancellable;
  guint progress_id;
  gboolean showing;            /* the choices are being set to the mapping's */

  /* shared with the worker thread */
  gint done;
  gint total;
  gint cancelled;
};

G_DEFINE_FINAL_TYPE (SfImportDialog, sf_import_dialog, ADW_TYPE_WINDOW)

static const char separators[] = { ',', ';', '\t' };
static const char * const encodings[] = { SF_CSV_UTF8, SF_CSV_WINDOWS_1252, SF_CSV_ISO_8859_15 };

static void rebuild_preview (SfImportDialog *self);

static void
column_changed_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   SfImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  sf_deal_csv_mapping_set_field (self->mapping, column, adw_combo_row_get_selected (row));
  /* A field lives in one column: the mapping moved it; show that. */
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *other = g_ptr_array_index (self->column_rows, i);
      guint field = sf_deal_csv_mapping_get_field (self->mapping, i);

      if (adw_combo_row_get_selected (other) != field)
        {
          g_signal_handlers_block_by_func (other, column_changed_cb, self);
          adw_combo_row_set_selected (other, field);
          g_signal_handlers_unblock_by_func (other, column_changed_cb, self);
        }
    }
  rebuild_preview (self);
}

static void
build_columns (SfImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (int f = SF_DEAL_CSV_FIELD_NONE; f < SF_DEAL_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, sf_deal_csv_field_get_name (f));

  for (guint i = 0; i < sf_deal_csv_mapping_get_n_columns (self->mapping); i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = sf_deal_csv_mapping_get_header (self->mapping, i);
      g_autofree char *title = NULL;
      g_autofree char *name = g_strdup_printf ("import_column_%u", i);

      if (header != NULL && *header != '\0')
        title = g_strdup (header);
      else
        /* Translators: a CSV column without a header; %u counts from 1 */
        title = g_strdup_printf (_("Column %u"), i + 1);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), sf_deal_csv_mapping_get_field (self->mapping, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

/* Reads the first rows exactly as the import will. */
static void
rebuild_preview (SfImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (self->file, NULL, &error);
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(GError) check = NULL;
  GtkWidget *child;
  guint shown = 0;
  gboolean skip = sf_deal_csv_mapping_get_has_header (self->mapping);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  g_ptr_array_set_size (self->preview, 0);

  if (!sf_deal_csv_mapping_check (self->mapping, &check))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->message);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->preview_list, row);
      g_ptr_array_add (self->preview, g_strdup (check->message));
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }
  gtk_widget_set_sensitive (self->import_button, TRUE);

  if (stream == NULL)
    return;
  reader = sf_deal_csv_mapping_open_reader (self->mapping, G_INPUT_STREAM (stream));

  while (shown < PREVIEW_ROWS && sf_csv_reader_next (reader, NULL, &error))
    {
      const char * const *fields = sf_csv_reader_get_fields (reader);
      g_autoptr(GError) row_error = NULL;
      g_autoptr(SfDeal) deal = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (skip)
        {
          skip = FALSE;
          continue;
        }
      if (sf_deal_csv_row_is_blank (fields))
        continue;

      deal = sf_deal_csv_mapping_read_row (self->mapping, fields, sf_csv_reader_get_line (reader),
                                           &owner, &row_error);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (deal == NULL)
        {
          title = g_strdup (row_error->message);
          gtk_widget_add_css_class (row, "error");
        }
      else
        {
          g_autofree char *value = sf_money_to_string (sf_deal_get_value (deal));

          title = g_strdup (sf_deal_get_title (deal));
          subtitle = g_strjoin (" · ", sf_deal_get_customer (deal), value,
                                sf_stage_get_name (sf_deal_get_stage (deal)), NULL);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->preview_list, row);
      g_ptr_array_add (self->preview, subtitle ? g_strdup_printf ("%s · %s", title, subtitle) : g_strdup (title));
      shown++;
    }

  if (error != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->preview_list, row);
      g_ptr_array_add (self->preview, g_strdup (error->message));
    }
}

static void
describe_file (SfImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  guint n = sf_deal_csv_mapping_get_n_columns (self->mapping);
  /* Translators: under the file name: how many columns the CSV file has */
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, subtitle);
}

/* The combo rows' choices as the mapping has them. */
static void
show_choices (SfImportDialog *self)
{
  const char *encoding = sf_deal_csv_mapping_get_encoding (self->mapping);
  char separator = sf_deal_csv_mapping_get_separator (self->mapping);

  self->showing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encodings[i], encoding) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == separator)
      adw_combo_row_set_selected (self->separator_row, i);
  /* The rows offer the decimal point and the decimal comma, in the
   * order of SfDealCsvNumberStyle after AUTO. */
  adw_combo_row_set_selected (self->numbers_row,
                              sf_deal_csv_number_style_resolve (sf_deal_csv_mapping_get_number_style (self->mapping),
                                                                separator) - SF_DEAL_CSV_NUMBERS_PLAIN);
  gtk_switch_set_active (self->header_switch, sf_deal_csv_mapping_get_has_header (self->mapping));
  self->showing = FALSE;
}

/* Reads the file again in @encoding with @separator (0: its own), and
 * shows what that finds. */
static gboolean
read_file (SfImportDialog  *self,
           const char      *encoding,
           char             separator,
           GError         **error)
{
  g_autoptr(SfDealCsvMapping) mapping = sf_deal_csv_mapping_new_for_file (self->file, encoding, separator, error);

  if (mapping == NULL)
    return FALSE;

  if (self->mapping != NULL)
    sf_deal_csv_mapping_set_default_currency (mapping, sf_deal_csv_mapping_get_default_currency (self->mapping));
  g_set_object (&self->mapping, mapping);
  show_choices (self);
  describe_file (self);
  build_columns (self);
  rebuild_preview (self);
  return TRUE;
}

/* Another separator splits the file differently, another character set
 * reads other names: guess the rest again. */
static void
reading_changed_cb (SfImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint e = adw_combo_row_get_selected (self->encoding_row);
  guint i = adw_combo_row_get_selected (self->separator_row);

  if (self->showing || e >= G_N_ELEMENTS (encodings) || i >= G_N_ELEMENTS (separators))
    return;

  if (!read_file (self, encodings[e], separators[i], &error))
    {
      /* The choices go back to what still reads the file. */
      show_choices (self);
      sf_ui_show_error (GTK_WIDGET (self), _("The File Cannot Be Read"), error);
    }
}

static void
options_changed_cb (SfImportDialog *self)
{
  guint currency = adw_combo_row_get_selected (self->currency_row);

  if (self->showing)
    return;

  sf_deal_csv_mapping_set_has_header (self->mapping, gtk_switch_get_active (self->header_switch));
  sf_deal_csv_mapping_set_number_style (self->mapping,
                                        SF_DEAL_CSV_NUMBERS_PLAIN + adw_combo_row_get_selected (self->numbers_row));
  if (currency != GTK_INVALID_LIST_POSITION)
    sf_deal_csv_mapping_set_default_currency (self->mapping,
                                              gtk_string_list_get_string (self->currencies, currency));
  build_columns (self);
  rebuild_preview (self);
}

/* The import */

static gboolean
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  SfImportDialog *self = data;

  g_atomic_int_set (&self->done, done);
  g_atomic_int_set (&self->total, total);

  return !g_atomic_int_get (&self->cancelled);
}

static gboolean
update_progress (gpointer data)
{
  SfImportDialog *self = data;
  int done = g_atomic_int_get (&self->done);
  int total = g_atomic_int_get (&self->total);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(SfImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n_deals = 0;

  g_clear_handle_id (&self->progress_id, g_source_remove);

  if (!sf_pipeline_import_csv_finish (SF_PIPELINE (source), result, &n_deals, &error))
    {
      gtk_stack_set_visible_child_name (self->stack, "setup");
      gtk_widget_set_sensitive (self->import_button, TRUE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sf_ui_show_error (GTK_WIDGET (self), _("Nothing Was Imported"), error);
      return;
    }

  if (parent != NULL)
    {
      g_autofree char *count = sf_format_integer (n_deals);
      /* Translators: a toast after an import; %s is the number with the
       * locale's digit grouping */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal imported",
                                                            "%s deals imported", n_deals),
                                               count);

      sf_ui_toast (GTK_WIDGET (parent), text, FALSE);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * sf_import_dialog_start:
 *
 * Imports with the mapping as shown; the dialog closes when done.
 */
void
sf_import_dialog_start (SfImportDialog *self)
{
  g_return_if_fail (SF_IS_IMPORT_DIALOG (self));

  g_atomic_int_set (&self->cancelled, FALSE);
  g_atomic_int_set (&self->done, 0);
  g_atomic_int_set (&self->total, 0);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->progress_id = g_timeout_add (100, update_progress, self);

  /* The worker reads only the dialog's atomics; the ref keeps them. */
  sf_pipeline_import_csv_async (self->pipeline, self->file, self->mapping, progress_cb,
                                g_object_ref (self), NULL, import_done_cb, self);
}

static void
import_cb (SfImportDialog *self)
{
  sf_import_dialog_start (self);
}

static void
cancel_cb (SfImportDialog *self)
{
  if (self->progress_id != 0)
    g_atomic_int_set (&self->cancelled, TRUE);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sf_import_dialog_close_request (GtkWindow *window)
{
  SfImportDialog *self = SF_IMPORT_DIALOG (window);

  /* While importing, closing cancels; the thread ends the dialog. */
  if (self->progress_id != 0)
    {
      g_atomic_int_set (&self->cancelled, TRUE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sf_import_dialog_parent_class)->close_request (window);
}

static void
sf_import_dialog_dispose (GObject *object)
{
  SfImportDialog *self = (SfImportDialog *) object;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);
  g_clear_object (&self->currencies);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_import_dialog_parent_class)->dispose (object);
}

static void
sf_import_dialog_class_init (SfImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = sf_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-import-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfImportDialog, name)
  CHILD (cancel_button);
  CHILD (import_button);
  CHILD (stack);
  CHILD (file_row);
  CHILD (encoding_row);
  CHILD (separator_row);
  CHILD (header_switch);
  CHILD (numbers_row);
  CHILD (currency_row);
  CHILD (columns_group);
  CHILD (preview_list);
  CHILD (progress_bar);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The choices in full, on as many lines as they need: GTK 4.8 cuts an
 * AdwComboRow's choices at 20 characters ("Desimalkomma, som i…"). */
static const char wrapping_choice[] =
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkBox'>"
  "        <property name='spacing'>6</property>"
  "        <child>"
  "          <object class='GtkLabel'>"
  "            <property name='xalign'>0</property>"
  "            <property name='hexpand'>true</property>"
  "            <property name='wrap'>true</property>"
  "            <property name='wrap-mode'>word-char</property>"
  "            <property name='max-width-chars'>30</property>"
  "            <binding name='label'>"
  "              <lookup name='string' type='GtkStringObject'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "        <child>"
  "          <object class='GtkImage'>"
  "            <property name='icon-name'>object-select-symbolic</property>"
  "            <property name='accessible-role'>presentation</property>"
  "            <binding name='visible'>"
  "              <lookup name='selected'>GtkListItem</lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static void
set_wrapping_choices (AdwComboRow *row,
                      GListModel  *choices)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (wrapping_choice, sizeof wrapping_choice - 1);
  g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);

  adw_combo_row_set_list_factory (row, factory);
  adw_combo_row_set_model (row, choices);
}

static void
sf_import_dialog_init (SfImportDialog *self)
{
  g_autoptr(GtkStringList) seps = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) numbers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sets = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->preview = g_ptr_array_new_with_free_func (g_free);

  /* Translators: CSV field separators */
  gtk_string_list_append (seps, _("Comma"));
  gtk_string_list_append (seps, _("Semicolon"));
  gtk_string_list_append (seps, _("Tab"));
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (seps));

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (sets, sf_csv_encoding_get_name (encodings[i]));
  set_wrapping_choices (self->encoding_row, G_LIST_MODEL (sets));

  /* In the order of SfDealCsvNumberStyle, after AUTO: the file decides. */
  /* Translators: how amounts are written in the file; write the example
   * as it is, with a comma grouping the thousands */
  gtk_string_list_append (numbers, _("Decimal point, as in 1,234.56"));
  /* Translators: how amounts are written in the file: with a decimal
   * comma, as German and Norwegian spreadsheets write them; write the
   * example as your language groups thousands */
  gtk_string_list_append (numbers, _("Decimal comma, as in 1.234,56"));
  set_wrapping_choices (self->numbers_row, G_LIST_MODEL (numbers));

  self->currencies = gtk_string_list_new ((const char * const *) sf_currency_get_codes ());
  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
}

/**
 * sf_import_dialog_new:
 * @file: the CSV file
 *
 * Reads the file's first row to guess the mapping.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with @error set
 *   when the file cannot be read
 */
SfImportDialog *
sf_import_dialog_new (GtkWindow   *parent,
                      SfPipeline  *pipeline,
                      GFile       *file,
                      GError     **error)
{
  SfImportDialog *self;
  const char * const *codes = sf_currency_get_codes ();
  const char *currency = sf_ui_default_currency (sf_ui_get_settings ());

  self = g_object_new (SF_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->pipeline = g_object_ref (pipeline);
  self->file = g_object_ref (file);
  if (!read_file (self, NULL, 0, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  sf_deal_csv_mapping_set_default_currency (self->mapping, currency);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], currency))
      adw_combo_row_set_selected (self->currency_row, i);

  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (reading_changed_cb), self);
  g_signal_connect_swapped (self->separator_row, "notify::selected", G_CALLBACK (reading_changed_cb), self);
  g_signal_connect_swapped (self->header_switch, "notify::active", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->numbers_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->currency_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  rebuild_preview (self);

  return self;
}

/**
 * sf_import_dialog_get_preview:
 *
 * Returns: (transfer none) (element-type utf8): the preview as text, one
 *   entry per row, for tests
 */
GPtrArray *
sf_import_dialog_get_preview (SfImportDialog *self)
{
  g_return_val_if_fail (SF_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}
