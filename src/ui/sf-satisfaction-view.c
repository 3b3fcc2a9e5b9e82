/* sf-satisfaction-view.c — the Satisfaction tab: closed deals, their
 * answers and verdicts, the summary, the trend and the breakdowns
 *
 *   pipeline ─ sf_pipeline_load_satisfaction_async() (worker thread)
 *     ├─ rows (GListStore of SfSatisfactionRow, filled by one splice)
 *     │    └─ GtkFilterListModel (search)
 *     │         └─ GtkSortListModel (the column view's sorter)
 *     │              └─ GtkSingleSelection ─ GtkColumnView
 *     └─ feedback (every answer of those deals)
 *          ├─ sf_satisfaction_summarize() for the chosen period ─ the cards
 *          └─ sf_satisfaction_monthly() ─ SfSatisfactionChart
 *   rows ─ sf_satisfaction_by_owner() / _by_band() ─ the two tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are read on a worker thread and everything else is computed
 * in memory, so changing the period costs no query. The tab reads again
 * at once after an answer or a verdict (SfPipeline:satisfaction-revision)
 * and, a moment after any change to the deals (a deal closed, lost,
 * renamed), only while it is on screen; hidden, it remembers to read when
 * shown. "Today" — for the periods, the chart's last month and what is
 * overdue — is the store's clock.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-sort-memory.h"
#include "sf-satisfaction-group.h"
#include "sf-satisfaction-view.h"
#include "sf-ui-util.h"

/* A burst of changes to the deals (an import, undo) is read once. */
#define RELOAD_DELAY_MS 200

struct _SfSatisfactionView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkDropDown *period_dropdown;
  GtkLabel *nps_label;
  GtkLabel *nps_detail_label;
  GtkLabel *csat_label;
  GtkLabel *csat_detail_label;
  GtkLabel *rate_label;
  GtkLabel *rate_detail_label;
  GtkLabel *answers_label;
  GtkLabel *answers_detail_label;
  SfSatisfactionChart *chart;
  GtkGrid *owner_grid;
  GtkGrid *band_grid;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *closed_column;
  GtkColumnViewColumn *csat_column;
  GtkColumnViewColumn *nps_column;
  GtkColumnViewColumn *verdict_column;
  GtkColumnViewColumn *follow_up_column;

  /* owned */
  SfPipeline *pipeline;
  GListStore *rows;
  GPtrArray *row_array;     /* the same rows, for the core's breakdowns */
  GPtrArray *feedback;
  GtkCustomFilter *filter;
  char *folded;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;

  guint reload_id;
  guint today;
  guint n_exporting;
  gboolean loading;
  gboolean reload_again;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (SfSatisfactionView, sf_satisfaction_view, GTK_TYPE_WIDGET)

/* The list's cells
 *
 * Made once in C by a GtkSignalListItemFactory per column and filled
 * straight from the row, as in the deal list (sf-deals-view.c): GTK 4.8
 * builds every row it shows anew, and a template parse and expression
 * watches per cell made the tab's first showing stall. The tooltips (the
 * full title and customer, the verdict's reason, an overdue follow-up) are
 * asked for when the pointer rests on a cell: a tooltip set on a shown
 * label asks the X server where the pointer is, once per cell. */

typedef enum
{
  CELL_CUSTOMER,
  CELL_TITLE,
  CELL_VALUE,
  CELL_CLOSED,
  CELL_CSAT,
  CELL_NPS,
  CELL_VERDICT,
  CELL_FOLLOW_UP,
} CellKind;

static CellKind
cell_kind (GtkListItem *item)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "sf-cell"));
}

/* The follow-up cell is a box: the overdue mark, then the date. */
static GtkLabel *
cell_label (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  return GTK_LABEL (cell_kind (item) == CELL_FOLLOW_UP ? gtk_widget_get_last_child (child) : child);
}

static gboolean
query_tooltip_cb (GtkWidget   *label,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  SfSatisfactionRow *row = gtk_list_item_get_item (item);
  const char *text = NULL;

  if (row == NULL)
    return FALSE;

  switch (cell_kind (item))
    {
    case CELL_CUSTOMER:
    case CELL_TITLE:
      text = gtk_label_get_text (GTK_LABEL (label));
      break;
    case CELL_VERDICT:
      text = sf_satisfaction_row_get_verdict_reason (row);
      break;
    case CELL_FOLLOW_UP:
      text = sf_satisfaction_row_get_overdue (row) ? _("Overdue: the customer has not been asked yet") : NULL;
      break;
    default:
      break;
    }

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
cell_update (GtkListItem *item)
{
  SfSatisfactionRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = cell_label (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  guint julian;

  if (row == NULL)
    return;

  switch (cell_kind (item))
    {
    case CELL_CUSTOMER:
      text = sf_satisfaction_row_get_customer (row);
      break;
    case CELL_TITLE:
      text = sf_satisfaction_row_get_title (row);
      break;
    case CELL_VALUE:
      text = owned = sf_satisfaction_row_get_value (row) ? sf_money_to_string (sf_satisfaction_row_get_value (row))
                                                         : NULL;
      break;
    case CELL_CLOSED:
      julian = sf_satisfaction_row_get_closed_on (row);
      text = owned = julian ? sf_format_date (julian) : g_strdup ("—");
      break;
    case CELL_CSAT:
      text = owned = sf_satisfaction_format_score (sf_satisfaction_row_get_latest_csat (row));
      break;
    case CELL_NPS:
      text = owned = sf_satisfaction_format_score (sf_satisfaction_row_get_latest_nps (row));
      break;
    case CELL_VERDICT:
      {
        SfVerdict verdict = sf_satisfaction_row_get_verdict (row);

        text = sf_verdict_get_name (verdict);
        set_class (GTK_WIDGET (label), "success", verdict == SF_VERDICT_SUCCESS);
        set_class (GTK_WIDGET (label), "error", verdict == SF_VERDICT_FAILURE);
        set_class (GTK_WIDGET (label), "dim-label", verdict != SF_VERDICT_SUCCESS && verdict != SF_VERDICT_FAILURE);
      }
      break;
    case CELL_FOLLOW_UP:
      {
        gboolean overdue = sf_satisfaction_row_get_overdue (row);

        julian = sf_satisfaction_row_get_next_follow_up (row);
        text = owned = julian ? sf_format_date (julian) : g_strdup ("—");
        set_class (GTK_WIDGET (label), "error", overdue);
        gtk_widget_set_visible (gtk_widget_get_first_child (gtk_list_item_get_child (item)), overdue);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text ? text : "");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (item), "sf-cell", data);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_VALUE ? 1
                                           : kind == CELL_CSAT || kind == CELL_NPS ? 0.5 : 0);
  if (kind != CELL_CUSTOMER && kind != CELL_TITLE && kind != CELL_VERDICT)
    gtk_widget_add_css_class (label, "numeric");
  if (kind == CELL_CUSTOMER || kind == CELL_TITLE || kind == CELL_VERDICT || kind == CELL_FOLLOW_UP)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), item);
    }

  if (kind == CELL_FOLLOW_UP)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_add_css_class (icon, "error");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  g_signal_connect_swapped (gtk_list_item_get_item (item), "notify", G_CALLBACK (cell_update), item);
  cell_update (item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  gpointer row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, cell_update, item);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* Sorters that are not a property compare */

static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const SfMoney *x = sf_satisfaction_row_get_value ((SfSatisfactionRow *) a);
  const SfMoney *y = sf_satisfaction_row_get_value ((SfSatisfactionRow *) b);

  if (x->amount != y->amount)
    return x->amount < y->amount ? -1 : 1;

  return g_strcmp0 (x->currency, y->currency);
}

/* No value sorts below every score. */
static int
compare_score (int x,
               int y)
{
  return x < y ? -1 : x > y;
}

static int
compare_csat (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return compare_score (sf_satisfaction_row_get_latest_csat ((SfSatisfactionRow *) a),
                        sf_satisfaction_row_get_latest_csat ((SfSatisfactionRow *) b));
}

static int
compare_nps (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  return compare_score (sf_satisfaction_row_get_latest_nps ((SfSatisfactionRow *) a),
                        sf_satisfaction_row_get_latest_nps ((SfSatisfactionRow *) b));
}

static int
compare_verdict (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  /* Successes, then failures, then the undecided. */
  static const int order[] = { [SF_VERDICT_SUCCESS] = 0, [SF_VERDICT_FAILURE] = 1, [SF_VERDICT_UNDECIDED] = 2 };

  return compare_score (order[sf_satisfaction_row_get_verdict ((SfSatisfactionRow *) a)],
                        order[sf_satisfaction_row_get_verdict ((SfSatisfactionRow *) b)]);
}

static int
compare_follow_up (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  guint x = sf_satisfaction_row_get_next_follow_up ((SfSatisfactionRow *) a);
  guint y = sf_satisfaction_row_get_next_follow_up ((SfSatisfactionRow *) b);

  /* Deals with nothing left to ask go last. */
  return compare_score (x ? (int) x : G_MAXINT, y ? (int) y : G_MAXINT);
}

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* The summary */

static void
set_detail (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static SfSatisfactionPeriod
current_period (SfSatisfactionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  return selected < SF_N_SATISFACTION_PERIODS ? selected : SF_SATISFACTION_PERIOD_12_MONTHS;
}

static void
update_summary (SfSatisfactionView *self)
{
  SfSatisfactionSummary summary;
  g_autofree char *nps = NULL, *csat = NULL, *rate = NULL, *answers = NULL, *decided = NULL;
  g_autofree char *n_success = NULL, *n_judged = NULL;
  guint from, to;

  if (self->feedback == NULL || self->row_array == NULL)
    return;

  sf_satisfaction_period_get_range (current_period (self), self->today, &from, &to);
  sf_satisfaction_summarize (self->feedback, self->row_array, from, to, &summary);

  nps = sf_satisfaction_format_nps (summary.nps);
  csat = sf_satisfaction_format_average (summary.csat);
  rate = sf_satisfaction_format_rate (summary.success_rate);
  answers = sf_format_integer (summary.n_answers);
  gtk_label_set_text (self->nps_label, nps);
  gtk_label_set_text (self->csat_label, csat);
  gtk_label_set_text (self->rate_label, rate);
  gtk_label_set_text (self->answers_label, answers);

  set_detail (self->nps_detail_label, _("From −100 to 100"));
  set_detail (self->csat_detail_label, _("From 1 to 5"));
  n_success = sf_format_integer (summary.n_success);
  n_judged = sf_format_integer (summary.n_success + summary.n_failure);
  decided = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: under the success rate: how many of the
                                           * deals judged in the period were a success; the
                                           * numbers have the locale's digit grouping */
                                          "%s of %s deal judged", "%s of %s deals judged",
                                          summary.n_success + summary.n_failure),
                             n_success, n_judged);
  set_detail (self->rate_detail_label, decided);
  set_detail (self->answers_detail_label, sf_satisfaction_period_get_name (current_period (self)));
}

static void
period_changed_cb (SfSatisfactionView *self)
{
  update_summary (self);
}

static void
update_chart (SfSatisfactionView *self)
{
  g_autoptr(GArray) months = NULL;
  g_autoptr(GDate) date = NULL;

  if (self->feedback == NULL)
    return;

  date = g_date_new_julian (self->today);
  months = sf_satisfaction_monthly (self->feedback, g_date_get_year (date), g_date_get_month (date));
  sf_satisfaction_chart_set_months (self->chart, months);
}

/* The breakdowns: a small table per grouping */

static GtkWidget *
cell (const char *text,
      float       xalign,
      gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, header ? "caption-heading" : "numeric");
  if (header)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
fill_table (GtkGrid    *grid,
            const char *first_header,
            GPtrArray  *groups)
{
  const char *headers[] = {
    first_header,
    /* Translators: column of the breakdown tables: how many deals were a success */
    C_("breakdown", "Success"),
    /* Translators: column of the breakdown tables: how many deals were a failure */
    C_("breakdown", "Failure"),
    /* Translators: column of the breakdown tables: deals without a verdict yet */
    C_("breakdown", "Open"),
    /* Translators: column of the breakdown tables: the success rate */
    C_("breakdown", "Rate"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (grid, cell (headers[c], c == 0 ? 0 : 1, TRUE), c, 0, 1, 1);

  for (guint i = 0; i < groups->len; i++)
    {
      SfSatisfactionGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *success = sf_format_integer (sf_satisfaction_group_get_n_success (group));
      g_autofree char *failure = sf_format_integer (sf_satisfaction_group_get_n_failure (group));
      g_autofree char *open = sf_format_integer (sf_satisfaction_group_get_n_undecided (group));
      g_autofree char *rate = sf_satisfaction_format_rate (sf_satisfaction_group_get_success_rate (group));
      GtkWidget *name = cell (sf_satisfaction_group_get_label (group), 0, FALSE);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, sf_satisfaction_group_get_label (group));
      gtk_grid_attach (grid, name, 0, i + 1, 1, 1);
      gtk_grid_attach (grid, cell (success, 1, FALSE), 1, i + 1, 1, 1);
      gtk_grid_attach (grid, cell (failure, 1, FALSE), 2, i + 1, 1, 1);
      gtk_grid_attach (grid, cell (open, 1, FALSE), 3, i + 1, 1, 1);
      gtk_grid_attach (grid, cell (rate, 1, FALSE), 4, i + 1, 1, 1);
    }
}

static void
update_breakdowns (SfSatisfactionView *self)
{
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) bands = NULL;

  if (self->row_array == NULL)
    return;

  owners = sf_satisfaction_by_owner (self->row_array);
  bands = sf_satisfaction_by_band (self->row_array);
  /* Translators: first column of the breakdown by owner */
  fill_table (self->owner_grid, C_("breakdown", "Owner"), owners);
  /* Translators: first column of the breakdown by deal size */
  fill_table (self->band_grid, C_("breakdown", "Deal size"), bands);
}

/* The list */

static void
update_count (SfSatisfactionView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;
  g_autofree char *shown_text = sf_format_integer (shown);
  g_autofree char *all_text = sf_format_integer (all);

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: how many closed deals the Satisfaction tab
                                          * lists; %s is the number with the locale's digit grouping */
                                         "%s closed deal", "%s closed deals", all), all_text);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: how many of the closed deals the search
                                          * shows; the numbers have the locale's digit grouping */
                                         "%s of %s closed deal", "%s of %s closed deals", all),
                            shown_text, all_text);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    all == 0 ? "empty" : shown == 0 ? "no-match" : "list");
}

static void
update_buttons (SfSatisfactionView *self)
{
  gboolean selected = sf_satisfaction_view_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "satisfaction.record-feedback", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "satisfaction.record-verdict", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "satisfaction.export",
                                 self->row_array != NULL && self->row_array->len > 0);
}

static gboolean
match_row (gpointer item,
           gpointer data)
{
  SfSatisfactionView *self = data;

  return sf_satisfaction_row_matches (item, self->folded);
}

static void
search_changed_cb (SfSatisfactionView *self)
{
  g_autofree char *folded = sf_search_fold (g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (*folded == '\0')
    g_clear_pointer (&folded, g_free);
  if (g_strcmp0 (folded, self->folded) == 0)
    return;

  /* Typing on narrows what is shown; deleting widens it. */
  if (self->folded == NULL || (folded != NULL && strstr (folded, self->folded) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->folded, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
stop_search_cb (SfSatisfactionView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
activate_on_selected (SfSatisfactionView *self,
                      const char         *action)
{
  SfSatisfactionRow *row = sf_satisfaction_view_get_selected (self);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", sf_satisfaction_row_get_deal_id (row));
}

/* The tab's buttons act on the selected deal through the window's
 * actions, as the deal pane does. */
static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  activate_on_selected (SF_SATISFACTION_VIEW (widget),
                        g_str_equal (action_name, "satisfaction.record-feedback")
                        ? "win.record-feedback" : "win.record-verdict");
}

static void
activate_cb (SfSatisfactionView *self,
             guint               position)
{
  g_autoptr(SfSatisfactionRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                                sf_satisfaction_row_get_deal_id (row));
}

/* Loading */

static void reload (SfSatisfactionView *self);

static void
take_rows (SfSatisfactionView *self,
           GPtrArray          *rows,
           GPtrArray          *feedback)
{
  SfSatisfactionRow *selected = sf_satisfaction_view_get_selected (self);
  gint64 selected_id = selected ? sf_satisfaction_row_get_deal_id (selected) : 0;

  g_clear_pointer (&self->feedback, g_ptr_array_unref);
  self->feedback = g_ptr_array_ref (feedback);
  g_clear_pointer (&self->row_array, g_ptr_array_unref);
  self->row_array = g_ptr_array_ref (rows);

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  if (selected_id != 0)
    sf_satisfaction_view_select_deal (self, selected_id);

  update_summary (self);
  update_chart (self);
  update_breakdowns (self);
  update_count (self);
  update_buttons (self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SfSatisfactionView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) feedback = NULL;

  if (!sf_pipeline_load_satisfaction_finish (SF_PIPELINE (source), result, &rows, &feedback, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      sf_ui_show_error (GTK_WIDGET (self), _("Customer Satisfaction Could Not Be Read"), error);
      return;
    }

  self->loading = FALSE;
  take_rows (self, rows, feedback);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      reload (self);
    }
}

static void
reload (SfSatisfactionView *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->dirty = FALSE;

  if (self->pipeline == NULL)
    return;

  /* A read already running may have missed the change: read once more
   * after it. */
  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }

  self->loading = TRUE;
  self->today = sf_date_from_unix (sf_pipeline_now (self->pipeline));
  sf_pipeline_load_satisfaction_async (self->pipeline, self->cancellable, loaded_cb, g_object_ref (self));
}

static gboolean
reload_timeout (gpointer data)
{
  SfSatisfactionView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
deals_changed_cb (SfSatisfactionView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
}

/* An answer or a verdict recorded: at once if the tab is seen, else when
 * it is shown. */
static void
satisfaction_changed_cb (SfSatisfactionView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sf_satisfaction_view_map (GtkWidget *widget)
{
  SfSatisfactionView *self = SF_SATISFACTION_VIEW (widget);

  GTK_WIDGET_CLASS (sf_satisfaction_view_parent_class)->map (widget);

  if (self->dirty)
    reload (self);
}

/* Export */

typedef struct
{
  SfSatisfactionView *self;
  GFile *file;
  guint n_rows;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_free (export);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  SfSatisfactionView *self = export->self;
  g_autoptr(GError) error = NULL;

  self->n_exporting--;
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sf_ui_show_error (GTK_WIDGET (self), _("The Satisfaction Data Was Not Exported"), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (export->file);
      g_autofree char *rows = sf_format_integer (export->n_rows);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: a toast after the export;
                                                             * how many rows (with the locale's digit
                                                             * grouping), then the file's name */
                                                            "%s row exported to “%s”",
                                                            "%s rows exported to “%s”", export->n_rows),
                                               rows, name);

      sf_ui_toast (GTK_WIDGET (self), text, FALSE);
    }

  export_free (export);
}

/**
 * sf_satisfaction_view_export:
 * @file: where to write
 * @audience: for a spreadsheet in the user's language and number format,
 *   or for other programs
 *
 * Writes every closed deal with its answers and verdict to @file as CSV
 * and says so in a toast. The file is replaced whole — written beside it
 * and renamed — so a failure leaves what was there before.
 */
void
sf_satisfaction_view_export (SfSatisfactionView *self,
                             GFile              *file,
                             SfCsvAudience       audience)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Export *export;

  g_return_if_fail (SF_IS_SATISFACTION_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  bytes = sf_pipeline_export_satisfaction_csv (self->pipeline, audience, &export->n_rows, &error);
  if (bytes == NULL)
    {
      g_free (export);
      sf_ui_show_error (GTK_WIDGET (self), _("The Satisfaction Data Was Not Exported"), error);
      return;
    }

  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  self->n_exporting++;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, exported_cb, export);
}

static void
chooser_response_cb (SfSatisfactionView *self,
                     int                 response)
{
  g_autoptr(GFile) file = NULL;
  SfCsvAudience audience = sf_ui_get_csv_choice (GTK_FILE_CHOOSER (self->chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    sf_satisfaction_view_export (self, file, audience);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfSatisfactionView *self = SF_SATISFACTION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *day = sf_date_to_iso (self->today ? self->today : sf_date_today ());
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Satisfaction Data"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name of the export; %s is today's
   * date as 2026-01-31. Keep it a valid file name. */
  name = g_strdup_printf (_("satisfaction-%s.csv"), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  sf_ui_add_csv_choice (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The object */

static void
sf_satisfaction_view_dispose (GObject *object)
{
  SfSatisfactionView *self = (SfSatisfactionView *) object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* The models outlive the template widgets their signals update. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_SATISFACTION_VIEW);
  /* The template's top box has no id, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_array, g_ptr_array_unref);
  g_clear_pointer (&self->feedback, g_ptr_array_unref);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_satisfaction_view_parent_class)->dispose (object);
}

static void
sf_satisfaction_view_finalize (GObject *object)
{
  SfSatisfactionView *self = (SfSatisfactionView *) object;

  g_clear_object (&self->cancellable);
  g_free (self->folded);

  G_OBJECT_CLASS (sf_satisfaction_view_parent_class)->finalize (object);
}

static void
sf_satisfaction_view_class_init (SfSatisfactionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_satisfaction_view_dispose;
  object_class->finalize = sf_satisfaction_view_finalize;
  widget_class->map = sf_satisfaction_view_map;

  g_type_ensure (SF_TYPE_SATISFACTION_CHART);
  g_type_ensure (SF_TYPE_SATISFACTION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-satisfaction-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfSatisfactionView, name)
  CHILD (period_dropdown);
  CHILD (nps_label);
  CHILD (nps_detail_label);
  CHILD (csat_label);
  CHILD (csat_detail_label);
  CHILD (rate_label);
  CHILD (rate_detail_label);
  CHILD (answers_label);
  CHILD (answers_detail_label);
  CHILD (chart);
  CHILD (owner_grid);
  CHILD (band_grid);
  CHILD (search_entry);
  CHILD (count_label);
  CHILD (list_stack);
  CHILD (column_view);
  CHILD (customer_column);
  CHILD (title_column);
  CHILD (value_column);
  CHILD (closed_column);
  CHILD (csat_column);
  CHILD (nps_column);
  CHILD (verdict_column);
  CHILD (follow_up_column);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "satisfaction-view");

  gtk_widget_class_install_action (widget_class, "satisfaction.record-feedback", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "satisfaction.record-verdict", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "satisfaction.export", NULL, export_action);
}

/* The satisfaction-sort-column setting's value for each column, in order */
static const char * const sort_keys[] = {
  "customer", "deal", "value", "closed", "csat", "nps", "verdict", "follow-up", NULL,
};

static void
sf_satisfaction_view_init (SfSatisfactionView *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  for (int p = 0; p < SF_N_SATISFACTION_PERIODS; p++)
    gtk_string_list_append (periods, sf_satisfaction_period_get_name (p));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, SF_SATISFACTION_PERIOD_12_MONTHS);

  set_cell_factory (self->customer_column, CELL_CUSTOMER);
  set_cell_factory (self->title_column, CELL_TITLE);
  set_cell_factory (self->value_column, CELL_VALUE);
  set_cell_factory (self->closed_column, CELL_CLOSED);
  set_cell_factory (self->csat_column, CELL_CSAT);
  set_cell_factory (self->nps_column, CELL_NPS);
  set_cell_factory (self->verdict_column, CELL_VERDICT);
  set_cell_factory (self->follow_up_column, CELL_FOLLOW_UP);

  set_sorter (self->value_column, compare_value);
  set_sorter (self->csat_column, compare_csat);
  set_sorter (self->nps_column, compare_nps);
  set_sorter (self->verdict_column, compare_verdict);
  set_sorter (self->follow_up_column, compare_follow_up);

  self->rows = g_list_store_new (SF_TYPE_SATISFACTION_ROW);
  self->filter = gtk_custom_filter_new (match_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* As the user sorted last; most recently closed first until then. */
  sf_sort_memory_attach (self->column_view, sort_keys, sf_ui_get_settings (),
                         "satisfaction-sort-column", "satisfaction-sort-descending",
                         self->closed_column, TRUE);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_buttons),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);

  update_count (self);
  update_buttons (self);
}

/**
 * sf_satisfaction_view_set_pipeline:
 *
 * Reads the tab's figures from @pipeline's store and follows its changes;
 * call once.
 */
void
sf_satisfaction_view_set_pipeline (SfSatisfactionView *self,
                                   SfPipeline         *pipeline)
{
  g_return_if_fail (SF_IS_SATISFACTION_VIEW (self));
  g_return_if_fail (SF_IS_PIPELINE (pipeline));
  g_return_if_fail (self->pipeline == NULL);

  self->pipeline = g_object_ref (pipeline);
  g_signal_connect_object (pipeline, "notify::satisfaction-revision", G_CALLBACK (satisfaction_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sf_pipeline_get_deals (pipeline), "items-changed",
                           G_CALLBACK (deals_changed_cb), self, G_CONNECT_SWAPPED);
  /* Read when first shown: at start the deals' load has the cores. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

/**
 * sf_satisfaction_view_reload:
 *
 * Reads the figures again, in the background.
 */
void
sf_satisfaction_view_reload (SfSatisfactionView *self)
{
  g_return_if_fail (SF_IS_SATISFACTION_VIEW (self));
  reload (self);
}

/**
 * sf_satisfaction_view_is_busy:
 *
 * Returns: whether a read or an export is running or about to
 */
gboolean
sf_satisfaction_view_is_busy (SfSatisfactionView *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_VIEW (self), FALSE);
  return self->loading || self->reload_id != 0 || self->n_exporting > 0;
}

/**
 * sf_satisfaction_view_get_model:
 *
 * Returns: (transfer none): the rows as the list shows them, searched and
 *   sorted
 */
GListModel *
sf_satisfaction_view_get_model (SfSatisfactionView *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/**
 * sf_satisfaction_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected closed deal
 */
SfSatisfactionRow *
sf_satisfaction_view_get_selected (SfSatisfactionView *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * sf_satisfaction_view_select_deal:
 *
 * Returns: whether the deal is in the list as searched, and now selected
 */
gboolean
sf_satisfaction_view_select_deal (SfSatisfactionView *self,
                                  gint64              deal_id)
{
  guint n;

  g_return_val_if_fail (SF_IS_SATISFACTION_VIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfSatisfactionRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (sf_satisfaction_row_get_deal_id (row) == deal_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

void
sf_satisfaction_view_set_period (SfSatisfactionView   *self,
                                 SfSatisfactionPeriod  period)
{
  g_return_if_fail (SF_IS_SATISFACTION_VIEW (self));
  g_return_if_fail (period < SF_N_SATISFACTION_PERIODS);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

SfSatisfactionChart *
sf_satisfaction_view_get_chart (SfSatisfactionView *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_VIEW (self), NULL);
  return self->chart;
}
