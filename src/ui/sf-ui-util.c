/* sf-ui-util.c — small things the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-ui-util.h"
#include "sf-window.h"

/**
 * sf_ui_format_value:
 *
 * Returns: (transfer full): the deal's value in the user's locale
 */
char *
sf_ui_format_value (SfDeal *deal)
{
  return sf_money_to_string (sf_deal_get_value (deal));
}

/**
 * sf_ui_format_progress:
 *
 * Returns: (transfer full): "3 of 5", or "—" when the stage has no
 *   required jobs
 */
char *
sf_ui_format_progress (guint done,
                       guint required)
{
  if (required == 0)
    return g_strdup ("—");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: checklist progress, “3 of 5” jobs done */
                                       "%u of %u", "%u of %u", required),
                          done, required);
}

/**
 * sf_ui_format_days:
 *
 * Returns: (transfer full): "1 day", "12 days"
 */
char *
sf_ui_format_days (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: how long a deal has been in its stage */
                                       "%d day", "%d days", days), days);
}

/**
 * sf_ui_person_name:
 *
 * Returns: (transfer none): the person's name, or "—" for nobody
 */
const char *
sf_ui_person_name (SfPipeline *pipeline,
                   gint64      person_id)
{
  SfPerson *person = person_id > 0 ? sf_pipeline_lookup_person (pipeline, person_id) : NULL;

  return person ? sf_person_get_name (person) : "—";
}

/**
 * sf_ui_show_error:
 *
 * Shows @error in a dialog over @widget's window. A failed action has
 * changed nothing; the message says so in the heading.
 */
void
sf_ui_show_error (GtkWidget    *widget,
                  const char   *heading,
                  const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

#define LAST_TOAST "sf-last-toast"

/**
 * sf_ui_get_last_toast:
 *
 * For the display tests, which cannot read a toast back.
 *
 * Returns: (nullable): the text of the last toast shown in @widget's window
 */
const char *
sf_ui_get_last_toast (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root ? g_object_get_data (G_OBJECT (root), LAST_TOAST) : NULL;
}

#define UNDO_TOAST "sf-undo-toast"
#define ADDED_AT "sf-toast-added-at"

/* libadwaita 1.2.2 frees a toast's record when its hide animation (300 ms)
 * ends, while a show animation still running on it (500 ms when it
 * replaced another toast) later writes to it: dismissing a toast within
 * 200 ms of its showing crashes. A toast is withdrawn no sooner than this
 * after it was added, when every show animation is over. */
#define SAFE_DISMISS_US (600 * G_TIME_SPAN_MILLISECOND)

static gboolean
dismiss_later_cb (gpointer data)
{
  adw_toast_dismiss (data);
  return G_SOURCE_REMOVE;
}

/* Withdraws @toast, which no longer names the newest action. */
static void
withdraw_undo_toast (GtkWidget *overlay,
                     AdwToast  *toast)
{
  gint64 *added_at = g_object_get_data (G_OBJECT (toast), ADDED_AT);
  gint64 age = added_at ? g_get_monotonic_time () - *added_at : SAFE_DISMISS_US;

  /* Once: a withdrawn toast no longer follows the undo stack. */
  g_object_set_data (G_OBJECT (toast), "sf-overlay", NULL);
  if (g_object_get_data (G_OBJECT (overlay), UNDO_TOAST) == toast)
    g_object_set_data (G_OBJECT (overlay), UNDO_TOAST, NULL);

  if (age >= SAFE_DISMISS_US)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (SAFE_DISMISS_US - age) / G_TIME_SPAN_MILLISECOND + 1,
                        dismiss_later_cb, g_object_ref (toast), g_object_unref);
}

/* The toast offering Undo has gone; it no longer stands for the newest
 * action. */
static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         GtkWidget *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), UNDO_TOAST) == toast)
    g_object_set_data (G_OBJECT (overlay), UNDO_TOAST, NULL);
}

/* What Undo would reverse changed — a newer action, or an undo by Ctrl+Z —
 * so the toast's Undo no longer names it: the toast is withdrawn, also
 * from the overlay's queue, where libadwaita 1.2 would otherwise keep a
 * high-priority toast that a newer one pushed aside and show it again. */
static void
undo_serial_cb (SfUndoStack *stack,
                GParamSpec  *pspec,
                AdwToast    *toast)
{
  GVariant *target = adw_toast_get_action_target_value (toast);
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "sf-overlay");

  if (overlay != NULL &&
      (target == NULL || g_variant_get_uint64 (target) != sf_undo_stack_get_serial (stack)))
    withdraw_undo_toast (overlay, toast);
}

/**
 * sf_ui_get_undo_toast:
 *
 * For the display tests.
 *
 * Returns: (transfer none) (nullable): the toast in @widget's window that
 *   offers to undo the newest action, if it is still there
 */
AdwToast *
sf_ui_get_undo_toast (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay = root ? g_object_get_data (G_OBJECT (root), "sf-toast-overlay") : NULL;

  return overlay ? g_object_get_data (G_OBJECT (overlay), UNDO_TOAST) : NULL;
}

/**
 * sf_ui_toast:
 * @undo: whether the toast offers to undo the newest action of the
 *   window's pipeline
 *
 * Shows a short message in the window's toast overlay. A toast with Undo
 * names the action it undoes (win.undo-toast with the undo stack's
 * serial): pressed after another action, it does nothing, and it is
 * withdrawn as soon as that action is no longer the newest.
 */
void
sf_ui_toast (GtkWidget  *widget,
             const char *title,
             gboolean    undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  SfUndoStack *stack = NULL;
  AdwToast *toast, *old;

  if (overlay == NULL)
    overlay = root ? g_object_get_data (G_OBJECT (root), "sf-toast-overlay") : NULL;
  if (overlay == NULL)
    return;

  /* Kept for the display tests, which cannot read a toast back. */
  g_object_set_data_full (G_OBJECT (gtk_widget_get_root (overlay)), LAST_TOAST,
                          g_strdup (title), g_free);

  {
    /* Toast titles are Pango markup; deal titles are not. */
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    toast = adw_toast_new (escaped);
  }
  adw_toast_set_timeout (toast, undo ? 8 : 6);
  if (undo && SF_IS_WINDOW (root) && sf_window_get_pipeline (SF_WINDOW (root)) != NULL)
    stack = sf_pipeline_get_undo_stack (sf_window_get_pipeline (SF_WINDOW (root)));
  if (stack != NULL)
    {
      old = g_object_get_data (G_OBJECT (overlay), UNDO_TOAST);
      if (old != NULL)
        withdraw_undo_toast (overlay, old);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_detailed_action_name (toast, "win.undo-toast");
      adw_toast_set_action_target_value (toast, g_variant_new_uint64 (sf_undo_stack_get_serial (stack)));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (overlay), UNDO_TOAST, g_object_ref (toast), g_object_unref);
      g_object_set_data (G_OBJECT (toast), "sf-overlay", overlay);
      g_object_set_data_full (G_OBJECT (toast), ADDED_AT,
                              g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)),
                              g_free);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), overlay, 0);
      g_signal_connect_object (stack, "notify::serial", G_CALLBACK (undo_serial_cb), toast, 0);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * sf_ui_default_currency:
 *
 * Returns: (transfer none): the currency for new deals: the preference,
 *   else the locale's, else EUR
 */
const char *
sf_ui_default_currency (GSettings *settings)
{
  static char code[4];
  g_autofree char *chosen = settings ? g_settings_get_string (settings, "default-currency") : NULL;
  const SfMoneyFormat *format;

  if (chosen != NULL && sf_currency_is_known (chosen))
    {
      g_strlcpy (code, chosen, sizeof code);
      return code;
    }

  format = sf_money_format_get_current ();
  if (sf_currency_is_known (format->local_currency))
    return format->local_currency;

  return "EUR";
}

/**
 * sf_ui_get_settings:
 *
 * Returns: (transfer none): the application's settings, shared
 */
GSettings *
sf_ui_get_settings (void)
{
  static GSettings *settings;

  if (g_once_init_enter (&settings))
    g_once_init_leave (&settings, g_settings_new (APP_ID));

  return settings;
}

/**
 * sf_ui_scroll_to_item:
 * @list: a GtkListView, or a GtkColumnView (whose inner list view scrolls)
 *
 * GTK 4.8 has no gtk_list_view_scroll_to(); the list's own
 * list.scroll-to-item action does the same.
 */
void
sf_ui_scroll_to_item (GtkWidget *list,
                      guint      position)
{
  if (GTK_IS_COLUMN_VIEW (list))
    for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_VIEW (child))
        {
          list = child;
          break;
        }

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/**
 * sf_ui_add_list_shortcuts:
 * @widget: a list, or a widget holding one
 * @shortcuts: (array length=n_shortcuts): the keys and their actions
 *
 * Adds keys that work while the focus is in @widget. They are asked in
 * the capture phase, before the focused row: GtkListView and
 * GtkColumnView bind Ctrl+← and Ctrl+→ themselves (moving the focus
 * without selecting), so a binding on an ancestor in the usual bubble
 * phase never sees those keys.
 */
void
sf_ui_add_list_shortcuts (GtkWidget          *widget,
                          const SfUiShortcut *shortcuts,
                          guint               n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "sf-list-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < n_shortcuts; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (widget, controller);
}

/* @chosen is an SfUiCsvChosen when the chooser offers the CSV choice,
 * else an SfUiFileChosen. */
static void
file_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         chosen)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      gpointer data = g_object_get_data (G_OBJECT (native), "sf-chosen-data");

      if (g_object_get_data (G_OBJECT (native), "sf-csv-choice") != NULL)
        ((SfUiCsvChosen) chosen) (file, sf_ui_get_csv_choice (GTK_FILE_CHOOSER (native)), data);
      else
        ((SfUiFileChosen) chosen) (file, data);
    }
  g_object_unref (native);
}

static GtkFileChooserNative *
new_chooser (GtkWindow            *parent,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested,
             const char           *pattern,
             const char           *filter_name,
             gpointer              data)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  g_object_set_data_full (G_OBJECT (native), "sf-chosen-data", g_object_ref (data), g_object_unref);

  return native;
}

/**
 * sf_ui_choose_file:
 * @parent: (nullable): the window the chooser is modal over
 * @suggested: (nullable): a name for a file to save
 * @pattern: (nullable): the files offered, as "*.csv"
 * @filter_name: (nullable): what to call them
 * @chosen: called with the file if the user chooses one
 * @data: (type GObject): given to @chosen, and kept alive until then
 *
 * Asks for a file with GtkFileChooserNative (a portal where there is one).
 */
void
sf_ui_choose_file (GtkWindow            *parent,
                   const char           *title,
                   GtkFileChooserAction  action,
                   const char           *accept,
                   const char           *suggested,
                   const char           *pattern,
                   const char           *filter_name,
                   SfUiFileChosen        chosen,
                   gpointer              data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (G_IS_OBJECT (data));

  native = new_chooser (parent, title, action, accept, suggested, pattern, filter_name, data);
  g_signal_connect (native, "response", G_CALLBACK (file_response_cb), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * sf_ui_add_csv_choice:
 *
 * Offers, beside the file name, whom the CSV file is for: a spreadsheet
 * in the user's language and number format (the default), or other
 * programs (sf_ui_get_csv_choice()).
 */
void
sf_ui_add_csv_choice (GtkFileChooser *chooser)
{
  static const char *options[] = { "spreadsheets", "programs", NULL };
  const char *labels[] = {
    /* Translators: whom an exported CSV file is for: a spreadsheet opens
     * it with the user's separator, decimal mark and language */
    _("For a spreadsheet"),
    /* Translators: whom an exported CSV file is for: commas, decimal
     * points and English names, the same on every computer */
    _("For other programs"),
    NULL,
  };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  /* Translators: beside the file name when exporting CSV */
  gtk_file_chooser_add_choice (chooser, "csv-audience", _("Format"), options, labels);
  gtk_file_chooser_set_choice (chooser, "csv-audience", options[0]);
}

/**
 * sf_ui_get_csv_choice:
 *
 * Returns: whom the user chose the file to be for
 */
SfCsvAudience
sf_ui_get_csv_choice (GtkFileChooser *chooser)
{
  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), SF_CSV_FOR_SPREADSHEETS);

  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, "csv-audience"), "programs") == 0
         ? SF_CSV_FOR_PROGRAMS : SF_CSV_FOR_SPREADSHEETS;
}

/**
 * sf_ui_choose_csv_file:
 * @suggested: a name for the file
 * @chosen: called with the file and the format chosen beside it
 * @data: (type GObject): given to @chosen, and kept alive until then
 *
 * Asks where to export a CSV file, and for whom (sf_ui_add_csv_choice()).
 */
void
sf_ui_choose_csv_file (GtkWindow     *parent,
                       const char    *title,
                       const char    *suggested,
                       SfUiCsvChosen  chosen,
                       gpointer       data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (G_IS_OBJECT (data));

  native = new_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested,
                        "*.csv", _("CSV files"), data);
  sf_ui_add_csv_choice (GTK_FILE_CHOOSER (native));
  g_object_set_data (G_OBJECT (native), "sf-csv-choice", GINT_TO_POINTER (TRUE));
  g_signal_connect (native, "response", G_CALLBACK (file_response_cb), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
text_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (dialog), "sf-accept"),
                                           *text != '\0');
}

static void
text_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GObject          *owner)
{
  SfUiTextFunc accepted = g_object_get_data (G_OBJECT (dialog), "sf-accepted");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sf-entry");

  if (g_str_equal (response, g_object_get_data (G_OBJECT (dialog), "sf-accept")))
    accepted (GTK_WIDGET (dialog), gtk_editable_get_text (entry), owner);
}

/**
 * sf_ui_ask_text:
 * @parent: the window the dialog is modal over
 * @body: (nullable): the text under the heading
 * @text: (nullable): what the entry starts with
 * @label: the entry's name for a screen reader
 * @accept: the accepting response's id, as "rename"
 * @accept_label: its button, with a mnemonic
 * @required: whether @accept waits for more than blanks
 * @accepted: called with the text when the user accepts
 * @owner: given to @accepted; the dialog's answer is dropped when it goes
 * @out_entry: (out) (optional) (transfer none): the entry, to name it
 *
 * Asks for one line of text in an AdwMessageDialog: a name, a title, a
 * reason. Enter accepts, Escape cancels.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
sf_ui_ask_text (GtkWindow     *parent,
                const char    *heading,
                const char    *body,
                const char    *text,
                const char    *label,
                const char    *accept,
                const char    *accept_label,
                gboolean       required,
                SfUiTextFunc   accepted,
                gpointer       owner,
                GtkWidget    **out_entry)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_message_dialog_set_extra_child (message, entry);
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), accept, accept_label, NULL);
  adw_message_dialog_set_response_appearance (message, accept, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, accept);
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sf-accept", g_strdup (accept), g_free);
  g_object_set_data (G_OBJECT (dialog), "sf-accepted", accepted);
  g_object_set_data (G_OBJECT (dialog), "sf-entry", entry);
  if (required)
    {
      g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), dialog);
      text_changed_cb (GTK_EDITABLE (entry), message);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (text_response_cb), owner, 0);
  if (out_entry != NULL)
    *out_entry = entry;

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
