/* sf-ui-util.h — small things the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sf-csv.h"
#include "sf-pipeline.h"

G_BEGIN_DECLS

char       *sf_ui_format_value      (SfDeal       *deal);
AdwToast   *sf_ui_get_undo_toast    (GtkWidget    *widget);
char       *sf_ui_format_progress   (guint         done,
                                     guint         required);
char       *sf_ui_format_days       (int           days);
const char *sf_ui_person_name       (SfPipeline   *pipeline,
                                     gint64        person_id);
void        sf_ui_show_error        (GtkWidget    *widget,
                                     const char   *heading,
                                     const GError *error);
const char *sf_ui_get_last_toast   (GtkWidget    *widget);
void        sf_ui_toast             (GtkWidget    *widget,
                                     const char   *title,
                                     gboolean      undo);
const char *sf_ui_default_currency  (GSettings    *settings);
GSettings  *sf_ui_get_settings      (void);
/**
 * SfUiShortcut:
 * @key: a key, as GDK_KEY_Right
 * @mods: its modifiers
 * @action: the action it activates, as "column.advance"
 */
typedef struct
{
  guint key;
  GdkModifierType mods;
  const char *action;
} SfUiShortcut;

/**
 * SfUiFileChosen:
 * @file: the file the user chose
 * @data: what sf_ui_choose_file() was given
 */
typedef void (*SfUiFileChosen) (GFile    *file,
                                gpointer  data);

void        sf_ui_choose_file       (GtkWindow            *parent,
                                     const char           *title,
                                     GtkFileChooserAction  action,
                                     const char           *accept,
                                     const char           *suggested,
                                     const char           *pattern,
                                     const char           *filter_name,
                                     SfUiFileChosen        chosen,
                                     gpointer              data);
/**
 * SfUiTextFunc:
 * @dialog: the dialog, to read what its caller set on it
 * @text: what the user typed
 * @owner: what sf_ui_ask_text() was given
 */
typedef void (*SfUiTextFunc) (GtkWidget  *dialog,
                              const char *text,
                              gpointer    owner);

GtkWidget  *sf_ui_ask_text          (GtkWindow            *parent,
                                     const char           *heading,
                                     const char           *body,
                                     const char           *text,
                                     const char           *label,
                                     const char           *accept,
                                     const char           *accept_label,
                                     gboolean              required,
                                     SfUiTextFunc          accepted,
                                     gpointer              owner,
                                     GtkWidget           **out_entry);
/**
 * SfUiCsvChosen:
 * @file: the file the user chose
 * @audience: the format chosen beside it
 * @data: what sf_ui_choose_csv_file() was given
 */
typedef void (*SfUiCsvChosen)  (GFile         *file,
                                SfCsvAudience  audience,
                                gpointer       data);

void        sf_ui_choose_csv_file   (GtkWindow            *parent,
                                     const char           *title,
                                     const char           *suggested,
                                     SfUiCsvChosen         chosen,
                                     gpointer              data);
void        sf_ui_add_csv_choice    (GtkFileChooser       *chooser);
SfCsvAudience sf_ui_get_csv_choice  (GtkFileChooser       *chooser);
void        sf_ui_add_list_shortcuts (GtkWidget         *widget,
                                      const SfUiShortcut *shortcuts,
                                      guint              n_shortcuts);
void        sf_ui_scroll_to_item    (GtkWidget    *list,
                                     guint         position);

G_END_DECLS
