/* test-pipeline-ui.c — the pipeline on screen, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-board-column.h"
#include "sf-deal-card.h"
#include "sf-deal-pane.h"
#include "sf-job-row.h"
#include "sf-new-deal-dialog.h"
#include "sf-preferences-window.h"
#include "sf-ui-util.h"
#include "sf-test-ui.h"
#include "sf-test-util.h"
#include "sf-window.h"

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

static SfDeal *
create_deal (Fixture    *f,
             const char *title,
             const char *customer)
{
  SfDeal *deal = sf_test_create_deal (f->store, title, customer, 100000, "EUR");

  sf_store_set_deal_owner (f->store, deal, sf_person_get_id (f->me), NULL);
  return deal;
}

static const char *
last_toast (Fixture *f)
{
  return sf_ui_get_last_toast (GTK_WIDGET (f->window));
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
           SfDeal  *deal)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-deal", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  g_assert_true (sf_deal_pane_get_deal (pane (f)) != NULL);
}

/* The user types a deal into the New Deal dialog. */
static void
test_create_through_dialog (Fixture       *f,
                            gconstpointer  data)
{
  SfNewDealDialog *dialog;
  GtkWidget *create, *error;
  SfPipeline *pipeline;
  SfDeal *created;

  open_window (f);
  pipeline = sf_window_get_pipeline (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-deal", NULL);
  sf_test_ui_iterate ();
  dialog = SF_NEW_DEAL_DIALOG (sf_test_ui_find_toplevel (SF_TYPE_NEW_DEAL_DIALOG, NULL));
  g_assert_nonnull (dialog);
  create = sf_test_ui_find (GTK_WIDGET (dialog), "create_button");
  error = sf_test_ui_find (GTK_WIDGET (dialog), "new_error");

  /* No title: Create waits. */
  g_assert_false (gtk_widget_get_sensitive (create));

  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "new_title")),
                         "Heat pumps for Tromsø");
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "new_value")), "12x");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "x"));

  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "new_value")), "12,500.50");
  g_assert_true (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_get_visible (error));

  g_assert_true (sf_new_deal_dialog_create (dialog));
  sf_test_ui_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 1);
  created = sf_deal_pane_get_deal (pane (f));
  g_assert_nonnull (created);
  g_assert_cmpstr (sf_deal_get_title (created), ==, "Heat pumps for Tromsø");
  g_assert_cmpint (sf_deal_get_value (created)->amount, ==, 1250050);
  g_assert_cmpint (sf_deal_get_owner_id (created), ==, sf_person_get_id (f->me));
  g_assert_cmpint (sf_deal_get_stage (created), ==, SF_STAGE_PROSPECT);
  /* Stored, with the template's checklist. */
  {
    g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (created), NULL);

    g_assert_cmpuint (jobs->len, ==, 26);
  }
}

/* Ticking the stage's jobs makes Advance sensitive; advancing moves on. */
static void
test_tick_then_advance (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Fleet charging", "Nordlys Energi AS");
  const char *keys[] = { "prospect-found", "prospect-meetings", "builders-met" };
  GtkWidget *advance, *blockers;
  SfDeal *deal;

  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));
  open_deal (f, deal);
  advance = find (f, "advance_button");
  blockers = find (f, "blockers_label");

  g_assert_false (gtk_widget_get_sensitive (advance));
  g_assert_true (gtk_widget_get_visible (blockers));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (blockers)), "Prospect found in the target market"));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *row = sf_deal_pane_find_job_row (pane (f), keys[i]);

      g_assert_nonnull (row);
      g_assert_false (gtk_widget_get_sensitive (advance));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (sf_job_row_get_check (SF_JOB_ROW (row))), TRUE);
      sf_test_ui_iterate ();
    }

  /* Saved at once, with who did it. */
  {
    g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (deal), NULL);
    SfJob *job = sf_test_find_job (jobs, "builders-met");

    g_assert_true (sf_job_get_done (job));
    g_assert_cmpint (sf_job_get_done_by (job), ==, sf_person_get_id (f->me));
  }
  g_assert_true (gtk_widget_get_sensitive (advance));
  g_assert_false (gtk_widget_get_visible (blockers));

  g_signal_emit_by_name (advance, "clicked");
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  g_assert_nonnull (strstr (last_toast (f), "Qualified"));
  /* The next stage's jobs now block again. */
  g_assert_false (gtk_widget_get_sensitive (advance));

  /* Ctrl+Z undoes the advance. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (deal), NULL);

    g_assert_cmpint (sf_deal_get_stage (again), ==, SF_STAGE_PROSPECT);
  }
}

/* A blocked move on the board leaves the card and names the open jobs. */
static void
test_blocked_advance_names_jobs (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Cold chain", "Bergen Sjømat AS");
  SfBoardView *board;
  SfBoardColumn *prospect;
  SfDeal *deal;

  open_window (f);
  sf_window_show_view (f->window, "pipeline");
  board = sf_window_get_board_view (f->window);
  prospect = sf_board_view_get_column (board, SF_STAGE_PROSPECT);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));
  g_assert_true (sf_board_column_select_deal (prospect, deal));

  gtk_widget_activate_action (GTK_WIDGET (prospect), "column.advance", NULL);
  sf_test_ui_iterate ();

  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (prospect)), ==, 1);
  g_assert_nonnull (last_toast (f));
  g_assert_nonnull (strstr (last_toast (f), "Prospect found in the target market"));
  g_assert_nonnull (strstr (last_toast (f), "Met the people who would build the product"));
}

/* Moving a card through the board's action changes its column and the
 * column totals. */
static void
test_board_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Booking platform", "Lofoten Reiseliv AS");
  g_autoptr(SfDeal) other = create_deal (f, "Sensors", "Hardanger Frukt SA");
  SfBoardColumn *prospect, *qualified;
  SfDeal *deal;
  g_auto(GStrv) summary = NULL;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  prospect = sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_PROSPECT);
  qualified = sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_QUALIFIED);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));

  g_assert_cmpstr (sf_board_column_get_summary (prospect), ==, "2|€2,000|€200");
  g_assert_true (sf_board_column_select_deal (prospect, deal));
  gtk_widget_activate_action (GTK_WIDGET (prospect), "column.advance", NULL);
  sf_test_ui_iterate ();

  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (prospect)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (qualified)), ==, 1);
  summary = g_strsplit (sf_board_column_get_summary (qualified), "|", -1);
  g_assert_cmpstr (summary[0], ==, "1");
  g_assert_cmpstr (summary[1], ==, "€1,000");
  g_assert_cmpstr (summary[2], ==, "€200");

  /* Moving back asks why; the reason is required and recorded. */
  g_assert_true (sf_board_column_select_deal (qualified, deal));
  gtk_widget_activate_action (GTK_WIDGET (qualified), "column.move-back", NULL);
  sf_test_ui_iterate ();
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "move_back_dialog"));
    GtkWidget *entry;

    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
    entry = sf_test_ui_find (GTK_WIDGET (dialog), "reason_entry");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Budget frozen until March");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
    adw_message_dialog_response (dialog, "move");
    sf_test_ui_iterate ();
  }
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  {
    g_autoptr(GPtrArray) history = sf_store_list_history (f->store, sf_deal_get_id (deal), NULL);

    g_assert_cmpstr (sf_history_entry_get_new_value (g_ptr_array_index (history, 0)), ==,
                     "Budget frozen until March");
  }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static GtkWidget *
find_card (GtkWidget *root,
           SfDeal    *deal)
{
  if (SF_IS_DEAL_CARD (root) && sf_deal_card_get_deal (SF_DEAL_CARD (root)) == deal)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, deal);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a drop on @column does with what the card's drag source offers. */
static gboolean
drag_card_to (SfBoardColumn *from,
              SfDeal        *deal,
              SfBoardColumn *column)
{
  GtkWidget *card = find_card (GTK_WIDGET (from), deal);
  GtkEventController *source, *target;
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (card);
  source = find_controller (card, GTK_TYPE_DRAG_SOURCE);
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, SF_TYPE_DEAL);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_value_get_object (&value) == deal);

  target = find_controller (GTK_WIDGET (column), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  sf_test_ui_iterate ();

  return accepted;
}

/* Dragging a card one column on advances the deal, one column back asks
 * why; further, or onto its own column, changes nothing. */
static void
test_board_drag (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Booking platform", "Lofoten Reiseliv AS");
  SfBoardView *board;
  SfBoardColumn *prospect, *qualified, *discovery;
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_wait_frames ();
  board = sf_window_get_board_view (f->window);
  prospect = sf_board_view_get_column (board, SF_STAGE_PROSPECT);
  qualified = sf_board_view_get_column (board, SF_STAGE_QUALIFIED);
  discovery = sf_board_view_get_column (board, SF_STAGE_DISCOVERY);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));

  /* onto its own column: not taken */
  g_assert_false (drag_card_to (prospect, deal, prospect));
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);

  /* two columns on: refused with a message */
  g_assert_true (drag_card_to (prospect, deal, discovery));
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_cmpstr (last_toast (f), ==, "Deals move one stage at a time");

  /* one column on: advanced and shown there */
  g_assert_true (drag_card_to (prospect, deal, qualified));
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (prospect)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (qualified)), ==, 1);
  sf_test_ui_wait_frames ();

  /* one column back: the reason dialog; cancelling it keeps the stage */
  g_assert_true (drag_card_to (qualified, deal, prospect));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "move_back_dialog"));

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "cancel");
    sf_test_ui_iterate ();
  }
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
}

/* The action @widget's list shortcuts bind to @key with Ctrl, checking
 * they are asked in the capture phase: the lists inside take Ctrl+← and
 * Ctrl+→ for themselves in the bubble phase. */
static const char *
ctrl_shortcut_action (GtkWidget *widget,
                      guint      key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "sf-list-shortcuts") != 0)
        continue;
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK)
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
        }
    }

  return NULL;
}

/* Ctrl+→ and Ctrl+← on a selected card or list row advance and move back. */
static void
test_list_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *list;

  open_window (f);
  list = GTK_WIDGET (sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_QUALIFIED));
  g_assert_cmpstr (ctrl_shortcut_action (list, GDK_KEY_Right), ==, "column.advance");
  g_assert_cmpstr (ctrl_shortcut_action (list, GDK_KEY_Left), ==, "column.move-back");

  list = sf_test_ui_find (GTK_WIDGET (f->window), "deal_list");
  g_assert_cmpstr (ctrl_shortcut_action (list, GDK_KEY_Right), ==, "deals.advance");
  g_assert_cmpstr (ctrl_shortcut_action (list, GDK_KEY_Left), ==, "deals.move-back");
}

/* Counts of deals carry the locale's digit grouping, like the amounts
 * beside them: 1.234 in German. */
static void
test_counts_grouped (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *board, *label;
  GtkAdjustment *row;
  const char *text;

  if (!sf_test_use_locale ("de_DE.UTF-8"))
    return;

  sf_test_store_exec (f->store,
                      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234) "
                      "INSERT INTO deals (title, currency, created_at, updated_at, stage_entered_at) "
                      "SELECT 'Deal ' || i, 'EUR', 0, 0, 0 FROM n");
  open_window (f);
  sf_window_show_view (f->window, "deals");
  sf_test_ui_iterate ();
  label = sf_test_ui_find (GTK_WIDGET (sf_window_get_deals_view (f->window)), "count_label");
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, "1.234"));
  /* In a wide window the whole filter row shows, the count included: the
   * row scrolls only in a narrow one. */
  sf_test_ui_wait_frames ();
  row = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (row) - gtk_adjustment_get_page_size (row), <=, 0);

  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_wait_frames ();
  board = GTK_WIDGET (sf_window_get_board_view (f->window));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_ui_find (board, "column_count"))), ==, "1.234");

  g_assert_true (sf_test_use_locale ("C.UTF-8"));
}

/* Typing in the search narrows the list to the deals that match. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char *titles[][2] = {
    { "Fjord cruise booking", "Lofoten Reiseliv AS" },
    { "Harbour cranes", "Tromsø Havn KF" },
    { "Solar roof", "Sonnenwerk GmbH" },
    { "Fleet tracking", "Fjordkraft AS" },
    { "Bakery app", "Bäckerei Schröder" },
  };
  SfDealsView *view;
  GtkWidget *search;
  GListModel *model;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_object_unref (create_deal (f, titles[i][0], titles[i][1]));

  open_window (f);
  sf_window_show_view (f->window, "deals");
  view = sf_window_get_deals_view (f->window);
  model = sf_deals_view_get_model (view);
  search = find (f, "search_entry");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  gtk_editable_set_text (GTK_EDITABLE (search), "fjord");
  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "fjord");
  sf_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (f, "count_label"))), "2"));

  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "fjord tracking");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Accents do not matter. */
  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "backerei");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

/* Sorted by value, a search keeps the order, and opening a deal selects
 * its row: among the matches, or in the whole list when the search would
 * hide it. */
static void
test_search_sorted (Fixture       *f,
                    gconstpointer  data)
{
  const struct { const char *title; const char *customer; gint64 value; } deals[] = {
    { "Fjord cruise booking", "Lofoten Reiseliv AS", 300000 },
    { "Harbour cranes", "Tromsø Havn KF", 900000 },
    { "Fleet tracking", "Fjordkraft AS", 500000 },
    { "Solar roof", "Sonnenwerk GmbH", 100000 },
    { "Fjord ferry tickets", "Fjord1 ASA", 700000 },
  };
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkColumnViewColumn) value_column = NULL;
  GtkColumnView *column_view;
  SfDealsView *view;
  GListModel *model;
  SfPipeline *pipeline;
  static const char * const expected[] = { "Fjord ferry tickets", "Fleet tracking", "Fjord cruise booking" };

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      SfDeal *deal = create_deal (f, deals[i].title, deals[i].customer);
      SfMoney value;

      sf_money_init (&value, deals[i].value, "EUR");
      g_assert_true (sf_store_set_deal_value (f->store, deal, &value, NULL));
      g_ptr_array_add (stored, deal);
    }

  open_window (f);
  sf_window_show_view (f->window, "deals");
  view = sf_window_get_deals_view (f->window);
  model = sf_deals_view_get_model (view);
  pipeline = sf_window_get_pipeline (f->window);
  column_view = GTK_COLUMN_VIEW (find (f, "deal_list"));
  value_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);
  gtk_column_view_sort_by_column (column_view, value_column, GTK_SORT_DESCENDING);

  sf_deal_filter_set_query (sf_deals_view_get_filter (view), "fjord");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (model, i);

      g_assert_cmpstr (sf_deal_get_title (deal), ==, expected[i]);
    }

  /* Fleet tracking is the second match. */
  sf_deals_view_select_deal (view, sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (g_ptr_array_index (stored, 2))));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))), ==, 1);

  /* Harbour cranes is hidden by the search, which is cleared: it is the
   * most valuable of all. */
  sf_deals_view_select_deal (view, sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (g_ptr_array_index (stored, 1))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (deals));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))), ==, 0);
}

/* A change made while the board is hidden shows in its column's header
 * once the board is back. */
static void
test_board_totals_while_hidden (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Booking platform", "Lofoten Reiseliv AS");
  SfBoardColumn *prospect;
  SfPipeline *pipeline;
  SfDeal *deal;
  SfMoney value;

  open_window (f);
  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_iterate ();
  pipeline = sf_window_get_pipeline (f->window);
  prospect = sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_PROSPECT);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_ui_find (GTK_WIDGET (prospect), "column_total"))),
                   ==, "€1,000");

  sf_window_show_view (f->window, "deals");
  sf_test_ui_iterate ();
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (stored));
  sf_money_init (&value, 500000, "EUR");
  g_assert_true (sf_store_set_deal_value (f->store, deal, &value, NULL));
  sf_pipeline_deal_changed (pipeline, deal);
  sf_test_ui_iterate ();

  sf_window_show_view (f->window, "pipeline");
  sf_test_ui_iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_ui_find (GTK_WIDGET (prospect), "column_total"))),
                   ==, "€5,000");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_ui_find (GTK_WIDGET (prospect), "column_count"))),
                   ==, "1");
}

/* Delete, then undo from the toast: the deal is back whole. */
static void
test_undo_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Workshop management", "Oslo Sykkelverksted");
  SfPipeline *pipeline;
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  pipeline = sf_window_get_pipeline (f->window);
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (stored));
  open_deal (f, deal);

  g_signal_emit_by_name (find (f, "delete_button"), "clicked");
  sf_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 0);
  g_assert_nonnull (strstr (last_toast (f), "deleted"));
  {
    g_autoptr(GPtrArray) deals = sf_store_list_deals (f->store, NULL);

    g_assert_cmpuint (deals->len, ==, 0);
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  sf_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), ==, 1);
  {
    g_autoptr(GPtrArray) deals = sf_store_list_deals (f->store, NULL);
    g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (stored), NULL);

    g_assert_cmpuint (deals->len, ==, 1);
    g_assert_true (sf_job_get_done (sf_test_find_job (jobs, "builders-met")));
  }
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* Lets the main loop run until *@count reaches @value, for at most 3 s:
 * a withdrawn toast goes once its show animation is over. */
static void
wait_for_count (guint *count,
                guint  value)
{
  for (int i = 0; i < 300 && *count < value; i++)
    {
      g_usleep (10000);
      sf_test_ui_iterate ();
    }
  g_assert_cmpuint (*count, ==, value);
}

static guint64
toast_serial (AdwToast *toast)
{
  return g_variant_get_uint64 (adw_toast_get_action_target_value (toast));
}

static void
move_back_with_reason (Fixture    *f,
                       SfDeal     *deal,
                       const char *reason)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-back", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "move_back_dialog"));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "reason_entry")), reason);
  adw_message_dialog_response (dialog, "move");
  sf_test_ui_iterate ();
}

/* Issue 16, item 1: advance, then move back at once. The first toast is
 * withdrawn when the second comes (libadwaita 1.2 would show it again
 * after the second's timeout), and its Undo, pressed anyway, undoes
 * nothing: it names the advance, which is no longer the newest action. */
static void
test_undo_toast_names_its_action (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Booking platform", "Lofoten Reiseliv AS");
  g_autoptr(AdwToast) advanced = NULL;
  g_autoptr(AdwToast) moved_back = NULL;
  guint advanced_dismissed = 0, moved_back_dismissed = 0;
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.advance", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  advanced = g_object_ref (sf_ui_get_undo_toast (GTK_WIDGET (f->window)));
  g_assert_cmpstr (adw_toast_get_title (advanced), ==, "“Booking platform” moved to Qualified");
  g_signal_connect (advanced, "dismissed", G_CALLBACK (count_cb), &advanced_dismissed);

  move_back_with_reason (f, deal, "Wrong column");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  wait_for_count (&advanced_dismissed, 1);
  moved_back = g_object_ref (sf_ui_get_undo_toast (GTK_WIDGET (f->window)));
  g_assert_cmpstr (adw_toast_get_title (moved_back), ==, "“Booking platform” moved back to Prospect");
  g_signal_connect (moved_back, "dismissed", G_CALLBACK (count_cb), &moved_back_dismissed);

  /* The first toast's Undo undoes nothing now. */
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), adw_toast_get_action_name (advanced),
                                      adw_toast_get_action_target_value (advanced));
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_cmpuint (moved_back_dismissed, ==, 0);

  /* Ctrl+Z undoes the move back; its toast goes with it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  g_assert_null (sf_ui_get_undo_toast (GTK_WIDGET (f->window)));
  wait_for_count (&moved_back_dismissed, 1);

  /* The newest toast's Undo undoes what it names. */
  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_QUALIFIED));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.advance", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_DISCOVERY);
  g_assert_cmpuint (toast_serial (sf_ui_get_undo_toast (GTK_WIDGET (f->window))), >,
                    toast_serial (moved_back));
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-toast",
                                      adw_toast_get_action_target_value (
                                        sf_ui_get_undo_toast (GTK_WIDGET (f->window))));
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
}

/* Actions and undos faster than the toasts' animations: libadwaita 1.2.2
 * crashes when a toast is dismissed while it is still sliding in, so the
 * withdrawn toasts go only once that is over. */
static void
test_undo_toast_fast (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Booking platform", "Lofoten Reiseliv AS");
  SfDeal *deal;

  g_assert_true (sf_test_tick_stage (f->store, stored, SF_STAGE_PROSPECT));
  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));
  for (int i = 0; i < 12; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.advance", "x", sf_deal_get_id (deal));
      g_usleep (20000 * (i % 4));
      sf_test_ui_iterate ();
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
      g_usleep (20000 * (i % 3));
      sf_test_ui_iterate ();
    }
  for (int i = 0; i < 100; i++)
    {
      g_usleep (10000);
      sf_test_ui_iterate ();
    }
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  g_assert_null (sf_ui_get_undo_toast (GTK_WIDGET (f->window)));
}

/* The deals view's list selection, as the list shows it. */
static SfDeal *
list_selected (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find (f, "deal_list"));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

/* Clicks @deal's row in the deal list, as the list does for a click. */
static void
click_row (Fixture *f,
           SfDeal  *deal)
{
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f, "deal_list")));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(SfDeal) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item == deal)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          sf_test_ui_iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* Issue 16, item 2: select a deal in Deals, Delete, Undo: the deal is
 * back, selected and shown; and a click on any row shows that deal. */
static void
test_undo_delete_selects (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SfDeal) first = create_deal (f, "Workshop management", "Oslo Sykkelverksted");
  g_autoptr(SfDeal) second = create_deal (f, "Fleet renewal", "Bussco");
  SfPipeline *pipeline;
  SfDeal *deal, *other;

  open_window (f);
  pipeline = sf_window_get_pipeline (f->window);
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (first));
  other = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (second));
  sf_window_show_view (f->window, "deals");
  click_row (f, deal);
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == deal);

  g_signal_emit_by_name (find (f, "delete_button"), "clicked");
  sf_test_ui_iterate ();
  g_assert_null (sf_deal_pane_get_deal (pane (f)));
  g_assert_null (list_selected (f));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  sf_test_ui_iterate ();
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (first));
  g_assert_nonnull (deal);
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == deal);
  g_assert_true (list_selected (f) == deal);

  /* Deleted again, and undone from the toast; then the rows answer clicks. */
  g_signal_emit_by_name (find (f, "delete_button"), "clicked");
  sf_test_ui_iterate ();
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-toast",
                                      adw_toast_get_action_target_value (
                                        sf_ui_get_undo_toast (GTK_WIDGET (f->window))));
  sf_test_ui_iterate ();
  deal = sf_pipeline_lookup_deal (pipeline, sf_deal_get_id (first));
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == deal);
  click_row (f, other);
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == other);
  click_row (f, deal);
  g_assert_true (sf_deal_pane_get_deal (pane (f)) == deal);
}

/* Lose with a reason from the list, then restore. */
static void
test_lose_and_restore (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Loyalty programme", "Müller & Söhne KG");
  AdwMessageDialog *dialog;
  SfDeal *deal;

  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));
  open_deal (f, deal);

  g_signal_emit_by_name (find (f, "lost_button"), "clicked");
  sf_test_ui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (sf_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "lost_dialog"));
  g_assert_nonnull (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sf_test_ui_find (GTK_WIDGET (dialog), "reason_dropdown")), 1);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_ui_find (GTK_WIDGET (dialog), "note_entry")), "Went with the cheaper offer");
  adw_message_dialog_response (dialog, "lost");
  sf_test_ui_iterate ();

  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_LOST);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, "competitor");
  g_assert_true (gtk_widget_is_visible (find (f, "restore_button")));
  /* Gone from the board, still in the list. */
  g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (
    sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_PROSPECT))), ==, 0);

  g_signal_emit_by_name (find (f, "restore_button"), "clicked");
  sf_test_ui_iterate ();
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_OPEN);
  g_assert_false (gtk_widget_is_visible (find (f, "restore_button")));
}

/* A value that is not money in the user's locale is refused beside the
 * field and nothing is saved. */
static void
test_edit_value_validation (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Guest Wi-Fi", "Alpenblick Hotels");
  GtkWidget *value, *error;
  SfDeal *deal;

  open_window (f);
  deal = sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored));
  open_deal (f, deal);
  value = find (f, "value_row");
  error = find (f, "field_error");

  gtk_editable_set_text (GTK_EDITABLE (value), "1.234,56");
  g_signal_emit_by_name (value, "apply");
  sf_test_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "1,234.56"));
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 100000);
  {
    g_autoptr(SfDeal) again = sf_store_get_deal (f->store, sf_deal_get_id (deal), NULL);

    g_assert_cmpint (sf_deal_get_value (again)->amount, ==, 100000);
  }

  gtk_editable_set_text (GTK_EDITABLE (value), "2,500");
  g_signal_emit_by_name (value, "apply");
  sf_test_ui_iterate ();
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 250000);

  gtk_editable_set_text (GTK_EDITABLE (find (f, "title_row")), "  ");
  g_signal_emit_by_name (find (f, "title_row"), "apply");
  sf_test_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Guest Wi-Fi");
}

/* The chosen sort comes back with the window. */
static void
test_sort_remembered (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfDeal) small = sf_test_create_deal (f->store, "Small", "A", 100, "EUR");
  g_autoptr(SfDeal) large = sf_test_create_deal (f->store, "Large", "B", 900000, "EUR");
  g_autoptr(SfDeal) middle = sf_test_create_deal (f->store, "Middle", "C", 5000, "EUR");
  GListModel *model;

  g_settings_set_string (sf_ui_get_settings (), "sort-column", "value");
  g_settings_set_boolean (sf_ui_get_settings (), "sort-descending", TRUE);
  open_window (f);
  model = sf_deals_view_get_model (sf_window_get_deals_view (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    g_autoptr(SfDeal) first = g_list_model_get_item (model, 0);
    g_autoptr(SfDeal) last = g_list_model_get_item (model, 2);

    g_assert_cmpstr (sf_deal_get_title (first), ==, "Large");
    g_assert_cmpstr (sf_deal_get_title (last), ==, "Small");
  }
  g_settings_reset (sf_ui_get_settings (), "sort-column");
  g_settings_reset (sf_ui_get_settings (), "sort-descending");
}

/* Clicks on the column headers are remembered: which column, which way. */
static void
test_sort_clicks_remembered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SfDeal) small = sf_test_create_deal (f->store, "Small", "A", 100, "EUR");
  g_autoptr(SfDeal) large = sf_test_create_deal (f->store, "Large", "B", 900000, "EUR");
  GSettings *settings = sf_ui_get_settings ();
  GtkColumnView *view;
  GListModel *model;

  open_window (f);
  sf_window_show_view (f->window, "deals");
  sf_test_ui_iterate ();
  view = GTK_COLUMN_VIEW (sf_test_ui_find (GTK_WIDGET (f->window), "deal_list"));
  model = sf_deals_view_get_model (sf_window_get_deals_view (f->window));

  /* Value is the third column: a first click sorts it ascending */
  sf_test_ui_click_header (view, 2, GTK_SORT_ASCENDING);
  {
    g_autofree char *key = g_settings_get_string (settings, "sort-column");
    g_autoptr(SfDeal) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (key, ==, "value");
    g_assert_false (g_settings_get_boolean (settings, "sort-descending"));
    g_assert_cmpstr (sf_deal_get_title (first), ==, "Small");
  }

  /* a second click on it turns it round */
  sf_test_ui_click_header (view, 2, GTK_SORT_DESCENDING);
  {
    g_autoptr(SfDeal) first = g_list_model_get_item (model, 0);

    g_assert_true (g_settings_get_boolean (settings, "sort-descending"));
    g_assert_cmpstr (sf_deal_get_title (first), ==, "Large");
  }

  /* another column starts ascending again */
  sf_test_ui_click_header (view, 0, GTK_SORT_ASCENDING);
  {
    g_autofree char *key = g_settings_get_string (settings, "sort-column");

    g_assert_cmpstr (key, ==, "title");
    g_assert_false (g_settings_get_boolean (settings, "sort-descending"));
  }

  /* A press that sorts nothing (a column resized) is forgotten, and the
   * columns going with the window do not count as a click either. */
  sf_test_ui_press_header (view, 2);
  sf_test_ui_wait_frames ();
  {
    g_autoptr(GtkColumnViewColumn) stage = g_list_model_get_item (gtk_column_view_get_columns (view), 3);

    /* a sort that no press asked for is not the user's */
    gtk_column_view_sort_by_column (view, stage, GTK_SORT_DESCENDING);
    sf_test_ui_iterate ();
  }
  sf_test_ui_press_header (view, 5);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  sf_test_ui_iterate ();
  {
    g_autofree char *key = g_settings_get_string (settings, "sort-column");

    g_assert_cmpstr (key, ==, "title");
    g_assert_false (g_settings_get_boolean (settings, "sort-descending"));
  }

  g_settings_reset (settings, "sort-column");
  g_settings_reset (settings, "sort-descending");
}

/* Preferences: a stage's probability weights the board at once. */
static void
test_preferences_probability (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SfDeal) deal = create_deal (f, "Weighted", "Kunde AS");
  SfBoardColumn *prospect;
  GtkWindow *prefs;
  GtkWidget *spin;

  open_window (f);
  prospect = sf_board_view_get_column (sf_window_get_board_view (f->window), SF_STAGE_PROSPECT);
  g_assert_cmpstr (sf_board_column_get_summary (prospect), ==, "1|€1,000|€100");

  prefs = GTK_WINDOW (sf_preferences_window_new (GTK_WINDOW (f->window), sf_window_get_pipeline (f->window)));
  gtk_window_present (prefs);
  sf_test_ui_iterate ();
  spin = sf_test_ui_find (GTK_WIDGET (prefs), "pref_probability_prospect");
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  sf_test_ui_iterate ();

  g_assert_cmpstr (sf_board_column_get_summary (prospect), ==, "1|€1,000|€250");
  {
    int probabilities[SF_N_STAGES];

    g_assert_true (sf_store_get_stage_probabilities (f->store, probabilities, NULL));
    g_assert_cmpint (probabilities[SF_STAGE_PROSPECT], ==, 25);
  }
  gtk_window_destroy (prefs);
}

/* First run: the user's name, then the sample pipeline. */
static void
test_first_run_sample (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfPipeline) pipeline = sf_pipeline_new (store);
  SfWindow *window = sf_window_new (NULL, pipeline, NULL);
  GtkWidget *name;

  gtk_window_present (GTK_WINDOW (window));
  while (!sf_pipeline_get_loaded (pipeline))
    g_main_context_iteration (NULL, TRUE);
  sf_test_ui_iterate ();

  name = sf_test_ui_find (GTK_WIDGET (window), "welcome_name");
  g_assert_true (gtk_widget_get_mapped (name));
  /* No tabs to offer yet, at the top or at the bottom. */
  g_assert_false (gtk_widget_get_visible (sf_test_ui_find (GTK_WIDGET (window), "switcher_bar")));
  g_assert_false (gtk_widget_get_sensitive (sf_test_ui_find (GTK_WIDGET (window), "welcome_sample")));
  gtk_editable_set_text (GTK_EDITABLE (name), "Kari Nordmann");
  g_assert_true (gtk_widget_get_sensitive (sf_test_ui_find (GTK_WIDGET (window), "welcome_sample")));
  g_signal_emit_by_name (sf_test_ui_find (GTK_WIDGET (window), "welcome_sample"), "clicked");
  sf_test_ui_wait_until (sf_test_ui_window_ready, window);
  g_assert_true (gtk_widget_get_visible (sf_test_ui_find (GTK_WIDGET (window), "switcher_bar")));

  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)), >=, 25);
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_persons (pipeline)), ==, 3);
  g_assert_cmpint (sf_store_get_actor (store), ==, sf_window_get_me (window));
  g_assert_cmpstr (sf_person_get_name (sf_pipeline_lookup_person (pipeline, sf_window_get_me (window))),
                   ==, "Kari Nordmann");
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    g_assert_cmpuint (g_list_model_get_n_items (sf_board_column_get_model (
      sf_board_view_get_column (sf_window_get_board_view (window), s))), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_ui_iterate ();
  sf_test_remove_dir (dir);
}

/* What one tick costs, from the click to the file and back: one write
 * transaction, one read (the history entry it wrote), the pane summing
 * the deal up once, and only the ticked job's row drawn again, once. The
 * numbers are in docs/design.md. */
static void
test_tick_cost (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SfDeal) stored = create_deal (f, "Fleet charging", "Nordlys Energi AS");
  SfDealPane *deal_pane;
  GtkWidget *ticked;
  GPtrArray *rows = g_ptr_array_new ();
  GArray *updates = g_array_new (FALSE, FALSE, sizeof (guint));
  guint refreshes, history;
  SfTestSqlCount sql;

  open_window (f);
  open_deal (f, sf_pipeline_lookup_deal (sf_window_get_pipeline (f->window), sf_deal_get_id (stored)));
  deal_pane = pane (f);
  ticked = sf_deal_pane_find_job_row (deal_pane, "prospect-found");
  {
    GListModel *jobs = sf_deal_details_get_jobs (sf_deal_pane_get_details (deal_pane));

    for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
      {
        g_autoptr(SfJob) job = g_list_model_get_item (jobs, i);
        GtkWidget *row = sf_deal_pane_find_job_row (deal_pane, sf_job_get_key (job));
        guint n = sf_job_row_get_n_updates (SF_JOB_ROW (row));

        g_ptr_array_add (rows, row);
        g_array_append_val (updates, n);
      }
    g_assert_cmpuint (rows->len, >, 20);
  }
  refreshes = sf_deal_pane_get_n_refreshes (deal_pane);
  history = g_list_model_get_n_items (sf_deal_details_get_history (sf_deal_pane_get_details (deal_pane)));

  sf_test_count_sql (f->store, &sql);
  gtk_widget_activate (sf_job_row_get_check (SF_JOB_ROW (ticked)));
  sf_test_ui_iterate ();
  sf_test_count_sql (f->store, NULL);

  g_test_message ("tick: %u statements, %u write transaction(s), %u read(s), %u refresh(es)",
                  sql.statements, sql.writes, sql.reads,
                  sf_deal_pane_get_n_refreshes (deal_pane) - refreshes);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (sf_job_row_get_check (SF_JOB_ROW (ticked)))));
  g_assert_cmpuint (sql.writes, ==, 1);
  g_assert_cmpuint (sql.reads, ==, 1);
  g_assert_cmpuint (sf_deal_pane_get_n_refreshes (deal_pane), ==, refreshes + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_deal_details_get_history (sf_deal_pane_get_details (deal_pane))),
                    ==, history + 1);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (sf_job_row_get_n_updates (g_ptr_array_index (rows, i)), ==,
                      g_array_index (updates, guint, i) + (g_ptr_array_index (rows, i) == ticked));

  g_ptr_array_unref (rows);
  g_array_unref (updates);
}

/* A closed window lets go of everything: itself, the pipeline and the
 * store. */
static void
test_window_finalizes (void)
{
  g_autofree char *dir = NULL;
  SfStore *store = sf_test_open_store (&dir);
  g_autoptr(SfPerson) me = sf_store_add_person (store, "Lena Berg", SF_ROLE_SALES, NULL);
  g_autoptr(SfDeal) deal = sf_test_create_deal (store, "Fleet charging", "Nordlys Energi AS", 100, "EUR");
  SfWindow *window = sf_test_ui_open_window (store);
  SfPipeline *pipeline = g_object_ref (sf_window_get_pipeline (window));

  g_object_ref (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", sf_deal_get_id (deal));
  sf_test_ui_iterate ();
  g_assert_nonnull (sf_deal_pane_get_details (sf_deals_view_get_pane (sf_window_get_deals_view (window))));
  gtk_window_close (GTK_WINDOW (window));
  sf_test_ui_iterate ();

  g_assert_finalize_object (window);
  g_assert_finalize_object (pipeline);
  g_clear_object (&deal);
  g_assert_finalize_object (store);
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

  ADD ("/ui/new-deal-dialog", test_create_through_dialog);
  ADD ("/ui/tick-then-advance", test_tick_then_advance);
  ADD ("/ui/blocked-advance-names-jobs", test_blocked_advance_names_jobs);
  ADD ("/ui/board-move", test_board_move);
  ADD ("/ui/board-drag", test_board_drag);
  ADD ("/ui/list-keys", test_list_keys);
  ADD ("/ui/board-totals-while-hidden", test_board_totals_while_hidden);
  ADD ("/ui/counts-grouped", test_counts_grouped);
  ADD ("/ui/search", test_search);
  ADD ("/ui/search-sorted", test_search_sorted);
  ADD ("/ui/undo-delete", test_undo_delete);
  ADD ("/ui/undo-toast-names-its-action", test_undo_toast_names_its_action);
  ADD ("/ui/undo-toast-fast", test_undo_toast_fast);
  ADD ("/ui/undo-delete-selects", test_undo_delete_selects);
  ADD ("/ui/lose-and-restore", test_lose_and_restore);
  ADD ("/ui/edit-value-validation", test_edit_value_validation);
  ADD ("/ui/sort-remembered", test_sort_remembered);
  ADD ("/ui/sort-clicks-remembered", test_sort_clicks_remembered);
  ADD ("/ui/preferences-probability", test_preferences_probability);
  ADD ("/ui/tick-cost", test_tick_cost);
  g_test_add_func ("/ui/first-run-sample", test_first_run_sample);
  g_test_add_func ("/ui/window-finalizes", test_window_finalizes);

  return g_test_run ();
}
