/* sf-test-ui.c — helpers for the display tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-application.h"
#include "sf-test-ui.h"
#include "sf-window.h"

/**
 * sf_test_ui_init:
 *
 * Initialises GTK and libadwaita for a display test. Without a display the
 * test is skipped, unless SALESFLOW_REQUIRE_DISPLAY is set (as
 * `build-aux/dev test` does under Xvfb), where it fails.
 *
 * Returns: whether there is a display
 */
gboolean
sf_test_ui_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  sf_application_init_i18n ();
  sf_application_register_resources ();

  if (!gtk_init_check ())
    {
      if (g_getenv ("SALESFLOW_REQUIRE_DISPLAY") != NULL)
        g_error ("No display; run the display tests under xvfb-run");
      return FALSE;
    }

  adw_init ();
  /* What GtkApplication does for the app: its icons from the resources */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/salesflow/Salesflow/icons");
  return TRUE;
}

static void
skip_no_display (void)
{
  g_test_skip ("no display");
}

/**
 * sf_test_ui_skip_all:
 *
 * Runs one skipped test so that the program still reports a plan.
 */
int
sf_test_ui_skip_all (void)
{
  g_test_add_func ("/display/skipped", skip_no_display);
  return g_test_run ();
}

void
sf_test_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * sf_test_ui_wait_until:
 *
 * Runs the main loop until @condition holds; fails the test after 10 s.
 */
void
sf_test_ui_wait_until (gboolean (*condition) (gpointer data),
                       gpointer   data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (10, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("Timed out waiting for the UI");
  g_source_remove (id);
  sf_test_ui_iterate ();
}

/**
 * sf_test_ui_find:
 *
 * Returns: (transfer none) (nullable): the first widget below @root whose
 *   widget name (the `name` property the .ui files set) is @name
 */
GtkWidget *
sf_test_ui_find (GtkWidget  *root,
                 const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sf_test_ui_find (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Lets GTK lay out and draw for some 400 ms, as a picture needs. */
void
sf_test_ui_wait_frames (void)
{
  for (int i = 0; i < 20; i++)
    {
      sf_test_ui_iterate ();
      g_usleep (20000);
    }
}

/* Writes @widget, as GTK renders it, to the PNG file @path. */
void
sf_test_ui_save_png (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  sf_test_ui_wait_frames ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
}

/**
 * sf_test_ui_find_label:
 *
 * Returns: (transfer none) (nullable): a label under @root that shows
 *   exactly @text (after any markup is parsed)
 */
GtkWidget *
sf_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sf_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sf_test_ui_press_header:
 *
 * A press on the header of the @index-th column, and its end, as the
 * capture gesture sf-sort-memory.c puts on it sees them — with no sort
 * after it, as when a column is resized.
 */
void
sf_test_ui_press_header (GtkColumnView *view,
                         guint          index)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *title = gtk_widget_get_first_child (header);
  g_autoptr(GListModel) controllers = NULL;
  gboolean pressed = FALSE;

  for (guint i = 0; i < index; i++)
    title = gtk_widget_get_next_sibling (title);
  g_assert_nonnull (title);

  controllers = gtk_widget_observe_controllers (title);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "pressed", 1, 5.0, 5.0);
          g_signal_emit_by_name (controller, "stopped");
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
}

/**
 * sf_test_ui_click_header:
 *
 * What a click on the header of the @index-th column does: the press,
 * then GTK sorting by that column in @order within the same event.
 */
void
sf_test_ui_click_header (GtkColumnView *view,
                         guint          index,
                         GtkSortType    order)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), index);

  sf_test_ui_press_header (view, index);
  gtk_column_view_sort_by_column (view, column, order);
  sf_test_ui_iterate ();
}

/**
 * sf_test_ui_find_toplevel:
 * @name: (nullable): the widget name it must have, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first open window of @type
 */
GtkWindow *
sf_test_ui_find_toplevel (GType       type,
                          const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0))
        return window;
    }

  return NULL;
}

/**
 * sf_test_ui_window_ready:
 * @window: an #SfWindow
 *
 * For sf_test_ui_wait_until(): whether the window has loaded its pipeline.
 */
gboolean
sf_test_ui_window_ready (gpointer window)
{
  return sf_window_is_ready (window);
}

/**
 * sf_test_ui_open_window:
 *
 * Returns: (transfer none): a window on @store, shown, its pipeline loaded
 */
SfWindow *
sf_test_ui_open_window (SfStore *store)
{
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  SfWindow *window = sf_window_new (NULL, pipeline, NULL);

  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (sf_test_ui_window_ready, window);
  return window;
}

/**
 * sf_test_ui_close_windows:
 *
 * Closes every window a test left open, dialogs and all.
 */
void
sf_test_ui_close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  sf_test_ui_iterate ();
}
