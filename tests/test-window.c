/* test-window.c — the main window on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-window.h"

static void
test_window_opens (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfDeal) a = sf_test_create_deal (store, "Fjordkraft CRM", "Fjordkraft AS", 100, "NOK");
  g_autoptr(SfDeal) b = sf_test_create_deal (store, "Solarpark", "Sonnenwerk GmbH", 100, "EUR");
  g_autoptr(SfPerson) me = sf_store_add_person (store, "Lena Berg", SF_ROLE_SALES, NULL);
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  SfWindow *window = sf_window_new (NULL, pipeline, NULL);
  GtkWidget *list;

  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (sf_test_ui_window_ready, window);
  sf_window_show_view (window, "deals");
  sf_test_ui_iterate ();

  list = sf_test_ui_find (GTK_WIDGET (window), "deal_list");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (list)))),
                    ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_remove_dir (dir);
}

static void
test_window_shows_open_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (SF_STORE_ERROR, SF_STORE_ERROR_FOREIGN,
                                                 "Cannot open “x.db”: it is a database of another application");
  SfWindow *window = sf_window_new (NULL, NULL, error);
  GtkWidget *page;
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  page = sf_test_ui_find (GTK_WIDGET (window), "error_page");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, error->message);
  /* The page offers a way on: another database. */
  button = sf_test_ui_find (page, "error_open_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.open-database");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!sf_test_ui_init (&argc, &argv))
    return sf_test_ui_skip_all ();

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/open-error", test_window_shows_open_error);

  return g_test_run ();
}
