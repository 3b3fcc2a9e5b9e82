/* sf-deals-view.c — the deal list and the selected deal beside it
 *
 *   pipeline deals ─ GtkSortListModel (the column view's sorter)
 *                    └─ SfDealFilterModel (SfDealFilter: search, stage,
 *                         │                status, mine, stale)
 *                         └─ GtkSingleSelection ─ GtkColumnView
 *
 * While no column sorts, the filter reads the pipeline's deals directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sorting comes before filtering so that a keystroke only filters: the
 * sort model keeps every deal in order once, and the filter picks from
 * that order. Sorting after the filter would sort the matches again at
 * each keystroke (docs/performance.md).
 *
 * The sort is kept in the sort-column and sort-descending settings
 * (sf-sort-memory.c) and restored before the model is set. The leaflet
 * folds below about 600 px: the list, then the pane.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-deal-filter-model.h"
#include "sf-deal-pane.h"
#include "sf-sort-memory.h"
#include "sf-deals-view.h"
#include "sf-format.h"
#include "sf-deal-filter.h"
#include "sf-profile.h"
#include "sf-ui-util.h"

struct _SfDealsView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_box;
  GtkSearchEntry *search_entry;
  GtkDropDown *stage_dropdown;
  GtkDropDown *status_dropdown;
  GtkToggleButton *mine_button;
  GtkToggleButton *stale_button;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *progress_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *close_column;
  GtkColumnViewColumn *days_column;
  GtkWidget *pane_box;
  GtkWidget *back_button;
  SfDealPane *pane;

  /* owned */
  SfPipeline *pipeline;
  SfDealFilter *filter;
  GtkSortListModel *sorted;
  SfDealFilterModel *filtered;
  GtkSingleSelection *selection;

  /* borrowed */
  gint64 me;
};

G_DEFINE_FINAL_TYPE (SfDealsView, sf_deals_view, GTK_TYPE_WIDGET)

/* The list's cells
 *
 * Each column's cells are made by a GtkSignalListItemFactory: built once in
 * C, their texts set directly from the deal, and set again when the deal
 * notifies a change. GTK 4.8 builds a row anew for every row that comes into
 * view or into the search's result, so what a cell costs to make is paid on
 * every keystroke for every row shown: a template to parse and an expression
 * watch per property was most of a keystroke's time. */

typedef enum
{
  CELL_TITLE,
  CELL_CUSTOMER,
  CELL_VALUE,
  CELL_STAGE,
  CELL_PROGRESS,
  CELL_OWNER,
  CELL_CLOSE,
  CELL_DAYS,
} CellKind;

static void
cell_update (GtkListItem *item)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "sf-cell"));
  SfDeal *deal = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gint64 now;

  if (deal == NULL)
    return;

  switch (kind)
    {
    case CELL_TITLE:
      {
        GtkWidget *icon = gtk_widget_get_last_child (child);

        now = g_get_real_time () / G_USEC_PER_SEC;
        gtk_widget_set_visible (icon, sf_deal_is_stale (deal, g_settings_get_int (sf_ui_get_settings (),
                                                                                  "stale-days"), now));
        gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), sf_deal_get_title (deal));
        return;
      }
    case CELL_CUSTOMER:
      text = sf_deal_get_customer (deal);
      break;
    case CELL_VALUE:
      text = owned = sf_ui_format_value (deal);
      break;
    case CELL_STAGE:
      if (sf_deal_get_status (deal) == SF_DEAL_STATUS_LOST)
        /* Translators: a lost deal in the list: “Discovery (lost)” */
        text = owned = g_strdup_printf (_("%s (lost)"), sf_stage_get_name (sf_deal_get_stage (deal)));
      else
        text = sf_stage_get_name (sf_deal_get_stage (deal));
      break;
    case CELL_PROGRESS:
      text = owned = sf_ui_format_progress (sf_deal_get_progress_done (deal),
                                            sf_deal_get_progress_required (deal));
      break;
    case CELL_OWNER:
      text = sf_deal_get_owner_name (deal) ? sf_deal_get_owner_name (deal) : "—";
      break;
    case CELL_CLOSE:
      text = owned = sf_format_date (sf_deal_get_expected_close (deal));
      break;
    case CELL_DAYS:
      {
        gint64 entered = sf_deal_get_stage_entered_at (deal);

        now = g_get_real_time () / G_USEC_PER_SEC;
        text = owned = g_strdup_printf ("%" G_GINT64_FORMAT,
                                        entered > 0 && now > entered ? (now - entered) / 86400 : 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
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
  gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_VALUE || kind == CELL_DAYS ? 1
                                           : kind == CELL_PROGRESS ? 0.5 : 0);
  if (kind == CELL_VALUE || kind == CELL_PROGRESS || kind == CELL_CLOSE || kind == CELL_DAYS)
    gtk_widget_add_css_class (label, "numeric");

  if (kind == CELL_TITLE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      /* Hidden before its tooltip is set: a tooltip set on a shown widget
       * asks the X server where the pointer is, a round trip per row. */
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_tooltip_text (icon, _("Stale: longer in this stage than the threshold in Preferences"));
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
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
  SfDeal *deal = gtk_list_item_get_item (item);

  sf_profile_deal_drawn ();
  g_signal_connect_swapped (deal, "notify", G_CALLBACK (cell_update), item);
  cell_update (item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  SfDeal *deal = gtk_list_item_get_item (item);

  if (deal != NULL)
    g_signal_handlers_disconnect_by_func (deal, cell_update, item);
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
compare_stage (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  int sa = sf_deal_get_stage ((SfDeal *) a), sb = sf_deal_get_stage ((SfDeal *) b);

  if (sa != sb)
    return sa < sb ? -1 : 1;

  return (int) sf_deal_get_status ((SfDeal *) a) - (int) sf_deal_get_status ((SfDeal *) b);
}

static int
compare_progress (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  guint64 da = sf_deal_get_progress_done ((SfDeal *) a), ra = sf_deal_get_progress_required ((SfDeal *) a);
  guint64 db = sf_deal_get_progress_done ((SfDeal *) b), rb = sf_deal_get_progress_required ((SfDeal *) b);
  /* Compare done/required as fractions without dividing; no jobs is done. */
  guint64 left = (ra ? da : 1) * (rb ? rb : 1);
  guint64 right = (rb ? db : 1) * (ra ? ra : 1);

  return left < right ? -1 : left > right;
}

static int
compare_close (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  guint ca = sf_deal_get_expected_close ((SfDeal *) a);
  guint cb = sf_deal_get_expected_close ((SfDeal *) b);

  /* Deals without a date go last. */
  if (ca == cb)
    return 0;
  if (ca == 0)
    return 1;
  if (cb == 0)
    return -1;

  return ca < cb ? -1 : 1;
}

/* The sort-column setting's value for each column, in the columns' order */
static const char * const sort_keys[] = {
  "title", "customer", "value", "stage", "progress", "owner", "expected-close", "days-in-stage", NULL,
};

/* Filters */

static void
update_count (SfDealsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->pipeline ? g_list_model_get_n_items (sf_pipeline_get_deals (self->pipeline)) : 0;
  g_autofree char *text = NULL;
  g_autofree char *shown_text = sf_format_integer (shown);
  g_autofree char *all_text = sf_format_integer (all);

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: how many deals the list shows; %s is
                                          * the number with the locale's digit grouping */
                                         "%s deal", "%s deals", all), all_text);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: how many of all deals the search and
                                          * filters show; the numbers have the locale's digit grouping */
                                         "%s of %s deal", "%s of %s deals", all),
                            shown_text, all_text);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    all == 0 ? "no-deals" : shown == 0 ? "no-match" : "list");
}

static void
search_changed_cb (SfDealsView *self)
{
  /* With no search delay the entry reports at once, also while the view
   * is built or torn down. */
  if (self->filter != NULL)
    sf_deal_filter_set_query (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search opens the first deal found. */
static void
search_activate_cb (SfDealsView *self)
{
  g_autoptr(SfDeal) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      sf_deal_pane_set_deal (self->pane, first);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->pane_box);
    }
}

static void
stop_search_cb (SfDealsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filters_changed_cb (SfDealsView *self)
{
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->filter == NULL)
    return;

  /* Position 0 of both drop-downs is "all". */
  sf_deal_filter_set_stage (self->filter, stage == 0 || stage == GTK_INVALID_LIST_POSITION
                                          ? -1 : (int) stage - 1);
  sf_deal_filter_set_status (self->filter, status == 0 || status == GTK_INVALID_LIST_POSITION
                                           ? -1 : (int) status - 1);
  sf_deal_filter_set_owner (self->filter, gtk_toggle_button_get_active (self->mine_button) ? self->me : 0);
  sf_deal_filter_set_now (self->filter, g_get_real_time () / G_USEC_PER_SEC);
  sf_deal_filter_set_stale (self->filter, gtk_toggle_button_get_active (self->stale_button)
                                          ? g_settings_get_int (sf_ui_get_settings (), "stale-days") : 0);
}

/* Selection and the leaflet */

static void
selection_changed_cb (SfDealsView *self)
{
  SfDeal *deal = gtk_single_selection_get_selected_item (self->selection);

  sf_deal_pane_set_deal (self->pane, deal);
  if (deal != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->pane_box);
}

static void
folded_cb (SfDealsView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
back_cb (SfDealsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static void
activate_on_selected (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfDealsView *self = SF_DEALS_VIEW (widget);
  SfDeal *deal = sf_deals_view_get_selected (self);
  const char *target = g_str_equal (action_name, "deals.advance") ? "win.advance"
                     : g_str_equal (action_name, "deals.move-back") ? "win.move-back"
                     : "win.delete";

  if (deal != NULL)
    gtk_widget_activate_action (widget, target, "x", sf_deal_get_id (deal));
}

static void
sf_deals_view_dispose (GObject *object)
{
  SfDealsView *self = (SfDealsView *) object;

  /* The pane and labels go with the template, and the column view's
   * sorter going with it changes the models below: nothing may reach for
   * them after. */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->filtered, self);
      g_signal_handlers_disconnect_by_data (sf_pipeline_get_deals (self->pipeline), self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_DEALS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_deals_view_parent_class)->dispose (object);
}

static void
sf_deals_view_class_init (SfDealsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_deals_view_dispose;

  g_type_ensure (SF_TYPE_DEAL_PANE);
  g_type_ensure (SF_TYPE_DEAL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-deals-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfDealsView, name)
  CHILD (leaflet);
  CHILD (list_box);
  CHILD (search_entry);
  CHILD (stage_dropdown);
  CHILD (status_dropdown);
  CHILD (mine_button);
  CHILD (stale_button);
  CHILD (count_label);
  CHILD (list_stack);
  CHILD (column_view);
  CHILD (title_column);
  CHILD (customer_column);
  CHILD (value_column);
  CHILD (stage_column);
  CHILD (progress_column);
  CHILD (owner_column);
  CHILD (close_column);
  CHILD (days_column);
  CHILD (pane_box);
  CHILD (back_button);
  CHILD (pane);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "deals.advance", NULL, activate_on_selected);
  gtk_widget_class_install_action (widget_class, "deals.move-back", NULL, activate_on_selected);
  gtk_widget_class_install_action (widget_class, "deals.delete", NULL, activate_on_selected);
}

/* Only while the list has the focus: in the pane's entries these keys
 * edit text. */
static const SfUiShortcut list_shortcuts[] = {
  { GDK_KEY_Right, GDK_CONTROL_MASK, "deals.advance" },
  { GDK_KEY_Left, GDK_CONTROL_MASK, "deals.move-back" },
  { GDK_KEY_Delete, 0, "deals.delete" },
};

static void
sf_deals_view_init (SfDealsView *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_cell_factory (self->title_column, CELL_TITLE);
  set_cell_factory (self->customer_column, CELL_CUSTOMER);
  set_cell_factory (self->value_column, CELL_VALUE);
  set_cell_factory (self->stage_column, CELL_STAGE);
  set_cell_factory (self->progress_column, CELL_PROGRESS);
  set_cell_factory (self->owner_column, CELL_OWNER);
  set_cell_factory (self->close_column, CELL_CLOSE);
  set_cell_factory (self->days_column, CELL_DAYS);

  gtk_string_list_append (stages, _("All Stages"));
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    gtk_string_list_append (stages, sf_stage_get_name (s));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  gtk_string_list_append (statuses, _("Any Status"));
  for (int s = SF_DEAL_STATUS_OPEN; s <= SF_DEAL_STATUS_LOST; s++)
    gtk_string_list_append (statuses, sf_deal_status_get_name (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_stage, NULL, NULL));
  gtk_column_view_column_set_sorter (self->stage_column, sorter);
  g_object_unref (sorter);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_progress, NULL, NULL));
  gtk_column_view_column_set_sorter (self->progress_column, sorter);
  g_object_unref (sorter);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_close, NULL, NULL));
  gtk_column_view_column_set_sorter (self->close_column, sorter);
  g_object_unref (sorter);

  sf_ui_add_list_shortcuts (GTK_WIDGET (self->column_view), list_shortcuts, G_N_ELEMENTS (list_shortcuts));
  folded_cb (self);
}

/* Unsorted, the filter reads the pipeline's deals directly: a sort model
 * that sorts nothing still costs a call per deal and keystroke, a tenth of
 * a search at a million deals. */
static GListModel *
filter_source (SfDealsView *self)
{
  if (gtk_sorter_get_order (gtk_sort_list_model_get_sorter (self->sorted)) == GTK_SORTER_ORDER_NONE)
    return sf_pipeline_get_deals (self->pipeline);

  return G_LIST_MODEL (self->sorted);
}

static void
update_filter_source (SfDealsView *self)
{
  GListModel *source = filter_source (self);

  if (sf_deal_filter_model_get_source (self->filtered) != source)
    sf_deal_filter_model_set_source (self->filtered, source);
}

/**
 * sf_deals_view_set_pipeline:
 *
 * Builds the model chain over @pipeline's deals; call once.
 */
void
sf_deals_view_set_pipeline (SfDealsView *self,
                            SfPipeline  *pipeline)
{
  GtkSorter *sorter;

  g_return_if_fail (SF_IS_DEALS_VIEW (self));
  g_return_if_fail (self->pipeline == NULL);

  self->pipeline = g_object_ref (pipeline);
  sf_deal_pane_set_pipeline (self->pane, pipeline);

  /* Sort first, then set the model, so a large list is sorted once. */
  sf_sort_memory_attach (self->column_view, sort_keys, sf_ui_get_settings (),
                         "sort-column", "sort-descending", NULL, FALSE);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (sf_pipeline_get_deals (pipeline)),
                                          g_object_ref (sorter));
  self->filter = sf_deal_filter_new ();
  self->filtered = sf_deal_filter_model_new (filter_source (self), self->filter);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (sorter, "changed", G_CALLBACK (update_filter_source), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sf_pipeline_get_deals (pipeline), "items-changed", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
}

/**
 * sf_deals_view_set_me:
 *
 * Sets whose deals the Mine filter shows.
 */
void
sf_deals_view_set_me (SfDealsView *self,
                      gint64       person_id)
{
  g_return_if_fail (SF_IS_DEALS_VIEW (self));

  self->me = person_id;
  filters_changed_cb (self);
}

SfDealFilter *
sf_deals_view_get_filter (SfDealsView *self)
{
  g_return_val_if_fail (SF_IS_DEALS_VIEW (self), NULL);
  return self->filter;
}

/**
 * sf_deals_view_get_model:
 *
 * Returns: (transfer none): the deals as the list shows them, filtered and
 *   sorted
 */
GListModel *
sf_deals_view_get_model (SfDealsView *self)
{
  g_return_val_if_fail (SF_IS_DEALS_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

SfDealPane *
sf_deals_view_get_pane (SfDealsView *self)
{
  g_return_val_if_fail (SF_IS_DEALS_VIEW (self), NULL);
  return self->pane;
}

/**
 * sf_deals_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the deal shown in the pane
 */
SfDeal *
sf_deals_view_get_selected (SfDealsView *self)
{
  g_return_val_if_fail (SF_IS_DEALS_VIEW (self), NULL);
  return sf_deal_pane_get_deal (self->pane);
}

/**
 * sf_deals_view_select_deal:
 *
 * Selects @deal, clearing the search and filters if they hide it, scrolls
 * to it and shows it in the pane.
 */
void
sf_deals_view_select_deal (SfDealsView *self,
                           SfDeal      *deal)
{
  guint position;

  g_return_if_fail (SF_IS_DEALS_VIEW (self));

  if (self->selection == NULL || deal == NULL)
    return;

  if (!gtk_filter_match (GTK_FILTER (self->filter), deal))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->stage_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_toggle_button_set_active (self->mine_button, FALSE);
      gtk_toggle_button_set_active (self->stale_button, FALSE);
      sf_deal_filter_set_query (self->filter, NULL);
    }

  if (sf_deal_filter_model_find (self->filtered, deal, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      sf_ui_scroll_to_item (GTK_WIDGET (self->column_view), position);
    }

  sf_deal_pane_set_deal (self->pane, deal);
}

void
sf_deals_view_focus_search (SfDealsView *self)
{
  g_return_if_fail (SF_IS_DEALS_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
