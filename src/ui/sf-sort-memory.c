/* sf-sort-memory.c — a column view's sort, kept in the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot tell which column the user sorted by: the column view's
 * sorter only says that it changed. So the column headers are watched: a
 * gesture in the capture phase on each GtkColumnViewTitle notes which
 * column was pressed, and when the sorter then changes, GTK's rule is
 * mirrored — a click makes a column primary, ascending; a click on the
 * primary column turns it round — into two settings. A press that sorts
 * nothing (a column resized, a press dragged away) is forgotten once its
 * event is handled, and nothing is kept once the view is destroyed: its
 * columns going make the sorter change too. Attaching restores
 * them with gtk_column_view_sort_by_column(), so call it before the model
 * is set and a large list is sorted once.
 */
#include "config.h"

#include "sf-sort-memory.h"

typedef struct
{
  GtkColumnView *view;          /* not owned: the memory lives on it */
  GtkSorter *sorter;            /* weak */
  GSettings *settings;
  char *column_setting;
  char *descending_setting;
  GtkColumnViewColumn *clicked; /* pressed, not yet sorted by */
  GtkColumnViewColumn *column;  /* sorted by, or NULL */
  gboolean descending;
  guint forget_id;
} SortMemory;

static void view_destroy_cb (GtkWidget  *view,
                             SortMemory *memory);

static void
sort_memory_free (gpointer data)
{
  SortMemory *memory = data;

  view_destroy_cb (NULL, memory);
  g_clear_object (&memory->settings);
  g_free (memory->column_setting);
  g_free (memory->descending_setting);
  g_free (memory);
}

static void
sorter_changed_cb (GtkSorter  *sorter,
                   int         change,
                   SortMemory *memory)
{
  const char *key;

  /* A view on its way out loses its columns, which changes the sorter. */
  if (gtk_widget_get_root (GTK_WIDGET (memory->view)) == NULL)
    memory->clicked = NULL;
  if (memory->clicked == NULL)
    return;

  if (memory->clicked == memory->column)
    memory->descending = !memory->descending;
  else
    {
      memory->column = memory->clicked;
      memory->descending = FALSE;
    }
  memory->clicked = NULL;

  key = g_object_get_data (G_OBJECT (memory->column), "sf-sort-key");
  if (key == NULL)
    return;
  g_settings_set_string (memory->settings, memory->column_setting, key);
  g_settings_set_boolean (memory->settings, memory->descending_setting, memory->descending);
}

static gboolean
forget_press (gpointer data)
{
  SortMemory *memory = data;

  memory->clicked = NULL;
  memory->forget_id = 0;
  return G_SOURCE_REMOVE;
}

static void
header_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SortMemory      *memory)
{
  GtkWidget *title = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  memory->clicked = g_object_get_data (G_OBJECT (title), "sf-column");
}

/* The gesture ends with the release, before GTK's own handler sorts on
 * it: forget the press only once the event is through. */
static void
header_stopped_cb (GtkGesture *gesture,
                   SortMemory *memory)
{
  if (memory->forget_id == 0)
    memory->forget_id = g_idle_add (forget_press, memory);
}

static void
view_destroy_cb (GtkWidget  *view,
                 SortMemory *memory)
{
  memory->clicked = NULL;
  g_clear_handle_id (&memory->forget_id, g_source_remove);
  if (memory->sorter != NULL)
    {
      g_signal_handlers_disconnect_by_data (memory->sorter, memory);
      g_object_remove_weak_pointer (G_OBJECT (memory->sorter), (gpointer *) &memory->sorter);
      memory->sorter = NULL;
    }
}

/* The header's buttons are GtkColumnViewTitles, one per column, in order. */
static void
watch_headers (SortMemory *memory)
{
  GListModel *columns = gtk_column_view_get_columns (memory->view);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (memory->view));
  guint i = 0;

  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;
       title != NULL && i < g_list_model_get_n_items (columns);
       title = gtk_widget_get_next_sibling (title), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkGesture *click = gtk_gesture_click_new ();

      g_object_set_data (G_OBJECT (title), "sf-column", column);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
      g_signal_connect (click, "pressed", G_CALLBACK (header_pressed_cb), memory);
      g_signal_connect (click, "stopped", G_CALLBACK (header_stopped_cb), memory);
      gtk_widget_add_controller (title, GTK_EVENT_CONTROLLER (click));
    }
}

/**
 * sf_sort_memory_attach:
 * @view: a column view with all its columns
 * @keys: (array zero-terminated=1): the value stored for each column, in
 *   the columns' order; static strings, kept as they are
 * @column_setting: a string key of @settings: the column, "" for none
 * @descending_setting: a boolean key of @settings
 * @default_column: (nullable): the sort while the settings hold none
 * @default_descending: its order
 *
 * Sorts @view as @settings say and keeps each click on a header in them.
 */
void
sf_sort_memory_attach (GtkColumnView       *view,
                       const char * const  *keys,
                       GSettings           *settings,
                       const char          *column_setting,
                       const char          *descending_setting,
                       GtkColumnViewColumn *default_column,
                       gboolean             default_descending)
{
  SortMemory *memory = g_new0 (SortMemory, 1);
  g_autofree char *stored = g_settings_get_string (settings, column_setting);
  GListModel *columns = gtk_column_view_get_columns (view);

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  memory->view = view;
  memory->settings = g_object_ref (settings);
  memory->column_setting = g_strdup (column_setting);
  memory->descending_setting = g_strdup (descending_setting);
  memory->column = default_column;
  memory->descending = default_descending;

  for (guint i = 0; keys[i] != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_object_set_data (G_OBJECT (column), "sf-sort-key", (gpointer) keys[i]);
      if (g_str_equal (keys[i], stored))
        {
          memory->column = column;
          memory->descending = g_settings_get_boolean (settings, descending_setting);
        }
    }

  if (memory->column != NULL)
    gtk_column_view_sort_by_column (view, memory->column,
                                    memory->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);

  memory->sorter = gtk_column_view_get_sorter (view);
  g_object_add_weak_pointer (G_OBJECT (memory->sorter), (gpointer *) &memory->sorter);
  g_signal_connect (memory->sorter, "changed", G_CALLBACK (sorter_changed_cb), memory);
  watch_headers (memory);
  g_signal_connect (view, "destroy", G_CALLBACK (view_destroy_cb), memory);
  g_object_set_data_full (G_OBJECT (view), "sf-sort-memory", memory, sort_memory_free);
}
