/* shot-docs.c — the screenshots in README.md and docs/screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson compile -C build shot-docs`, then, under a display,
 * in the language wanted:
 *
 *   LANGUAGE=de LANG=de_DE.UTF-8 xvfb-run -a build/tests/shot-docs DIR de
 *
 * writes DIR/pipeline-de.png, deals-de.png, request-de.png, deal-de.png,
 * approvals-de.png, signoff-de.png, satisfaction-de.png and
 * feedback-de.png. It builds the sample pipeline in a temporary database
 * and goes through it as a salesperson and the sample manager would: Kari
 * looks at the board and a deal, asks for approval of a pricing and looks
 * at a deal whose pricing was turned down; Lukas looks at the Approvals
 * tab, opens the sign-off dialog, then the Satisfaction tab and records a
 * customer's answer. Each picture is the widget rendered by GTK itself, so
 * no window manager is needed. (The screenshots of every view and dialog
 * in German and Norwegian, docs/screenshots/i18n, come from
 * test-i18n-ui with SALESFLOW_SHOT_DIR.)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sf-application.h"
#include "sf-feedback-dialog.h"
#include "sf-request-dialog.h"
#include "sf-sample.h"
#include "sf-signoff-dialog.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-window.h"

static const struct {
  const char *lang;
  const char *note;
} notes[] = {
  { "en", "The customer needs our offer by Friday." },
  { "de", "Der Kunde braucht unser Angebot bis Freitag." },
  { "nb", "Kunden trenger tilbudet vårt innen fredag." },
};

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name,
          const char *lang)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  sf_test_ui_save_png (widget, path);
  g_print ("%s\n", path);
}

static SfDeal *
find_deal (SfPipeline *pipeline,
           const char *title)
{
  GListModel *deals = sf_pipeline_get_deals (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, i);

      if (g_str_equal (sf_deal_get_title (deal), title))
        return deal;
    }

  g_error ("No deal “%s”", title);
}

static gint64
find_person (SfPipeline *pipeline,
             const char *name)
{
  GListModel *persons = sf_pipeline_get_persons (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);

      if (g_str_equal (sf_person_get_name (person), name))
        return sf_person_get_id (person);
    }

  g_error ("No person “%s”", name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfPerson) kari = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  const char *dir, *lang, *note = notes[0].note;
  SfPipeline *pipeline;
  SfWindow *window;
  GtkWindow *dialog;
  SfDeal *deal;
  gint64 lukas;

  sf_application_init_i18n ();
  sf_application_register_resources ();
  if (argc != 3)
    {
      g_printerr ("usage: shot-docs DIR LANG\n");
      return 2;
    }
  dir = argv[1];
  lang = argv[2];
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    if (g_str_equal (notes[i].lang, lang))
      note = notes[i].note;

  gtk_init ();
  adw_init ();
  sf_application_load_css ();

  store = sf_test_open_store (&tmp);
  kari = sf_store_add_person (store, "Kari Nordmann", SF_ROLE_SALES, &error);
  if (kari == NULL || !sf_sample_create (store, sf_person_get_id (kari), &error))
    g_error ("%s", error->message);

  pipeline = sf_pipeline_new (store);
  window = sf_window_new (NULL, pipeline, NULL);
  g_object_unref (pipeline);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_ui_wait_until (sf_test_ui_window_ready, window);
  pipeline = sf_window_get_pipeline (window);
  sf_window_set_me (window, sf_person_get_id (kari));
  lukas = find_person (pipeline, "Lukas Schneider");

  /* The board, then a deal in Discovery beside the list. */
  sf_window_show_view (window, "pipeline");
  sf_test_ui_wait_frames ();
  save_png (GTK_WIDGET (window), dir, "pipeline", lang);
  deal = find_deal (pipeline, g_dpgettext2 (GETTEXT_PACKAGE, "sample deal", "Timber tracking"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (deal));
  sf_test_ui_wait_frames ();
  save_png (GTK_WIDGET (window), dir, "deals", lang);

  /* Kari asks for approval of her deal's pricing. */
  deal = find_deal (pipeline, g_dpgettext2 (GETTEXT_PACKAGE, "sample deal", "Offshore crew logistics"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.request-approval", "(xi)",
                              sf_deal_get_id (deal), (int) SF_APPROVAL_KIND_PRICING);
  dialog = sf_test_ui_find_toplevel (SF_TYPE_REQUEST_DIALOG, NULL);
  g_assert_nonnull (dialog);
  sf_request_dialog_set_manager (SF_REQUEST_DIALOG (dialog), lukas);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "request_note")), note);
  save_png (GTK_WIDGET (dialog), dir, "request", lang);
  if (!sf_request_dialog_send (SF_REQUEST_DIALOG (dialog)))
    g_error ("The request was not sent");
  /* Let the toast that says so go before the next pictures. */
  for (int i = 0; i < 400; i++)
    {
      sf_test_ui_iterate ();
      g_usleep (20000);
    }

  /* A deal whose pricing was turned down and whose ROI waits, as its
   * owner sees it in the deal pane. */
  {
    SfDeal *solar = find_deal (pipeline, g_dpgettext2 (GETTEXT_PACKAGE, "sample deal", "Solar roof for the depot"));
    GtkWidget *figures, *scroller;
    double x, y;

    sf_window_set_me (window, sf_person_get_id (kari));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (solar));
    sf_test_ui_wait_frames ();
    figures = sf_test_ui_find (GTK_WIDGET (window), "deal_figures");
    scroller = gtk_widget_get_ancestor (figures, GTK_TYPE_SCROLLED_WINDOW);
    if (gtk_widget_translate_coordinates (figures, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                          0, 0, &x, &y))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), y - 12);
    save_png (GTK_WIDGET (window), dir, "deal", lang);
  }

  /* Lukas: what waits for him, and the sign-off of one of it. */
  sf_window_set_me (window, lukas);
  sf_window_show_view (window, "approvals");
  save_png (GTK_WIDGET (window), dir, "approvals", lang);

  waiting = sf_store_list_waiting_requests (store, lukas, &error);
  if (waiting == NULL || waiting->len == 0)
    g_error ("Nothing waits for the manager");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-off", "x",
                              sf_approval_request_get_id (g_ptr_array_index (waiting, 0)));
  dialog = sf_test_ui_find_toplevel (SF_TYPE_SIGNOFF_DIALOG, NULL);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "signoff_passphrase")),
                         SF_SAMPLE_MANAGER_PASSPHRASE);
  save_png (GTK_WIDGET (dialog), dir, "signoff", lang);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The closed deals' answers, and one more being recorded. */
  sf_window_show_view (window, "satisfaction");
  while (sf_satisfaction_view_is_busy (sf_window_get_satisfaction_view (window)))
    sf_test_ui_iterate ();
  sf_test_ui_wait_frames ();
  save_png (GTK_WIDGET (window), dir, "satisfaction", lang);
  deal = find_deal (pipeline, g_dpgettext2 (GETTEXT_PACKAGE, "sample deal", "Fish auction platform"));
  gtk_window_present (GTK_WINDOW (sf_feedback_dialog_new (GTK_WINDOW (window), pipeline, deal)));
  sf_test_ui_iterate ();
  dialog = sf_test_ui_find_toplevel (SF_TYPE_FEEDBACK_DIALOG, NULL);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "feedback_nps")), "9");
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "feedback_csat")), "5");
  save_png (GTK_WIDGET (dialog), dir, "feedback", lang);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  sf_test_remove_dir (tmp);
  return 0;
}
