/* sf-board-column.c — one stage's column on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pipeline column (SfDealList: this stage, not lost)
 *     └─ GtkSingleSelection ─ GtkListView of SfDealCard
 *
 * The header sums the column per currency (sf-column-totals.c): count,
 * total and weighted total. The sums are recomputed once per main-loop
 * turn however many deals changed, and not at all while the board is
 * hidden.
 * Dropping a card on the column, or Ctrl+→ / Ctrl+← on a selected card,
 * asks the window to advance or move the deal back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-board-column.h"
#include "sf-column-totals.h"
#include "sf-format.h"
#include "sf-deal-card.h"
#include "sf-deal-list.h"
#include "sf-ui-util.h"

struct _SfBoardColumn
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *count_label;
  GtkLabel *total_label;
  GtkLabel *weighted_label;
  GtkListView *list_view;
  GtkStack *stack;

  /* owned */
  SfPipeline *pipeline;
  GListModel *deals;
  GtkSingleSelection *selection;
  char *summary;
  guint update_id;
  gboolean stale;       /* changed while not shown */

  SfStage stage;
};

G_DEFINE_FINAL_TYPE (SfBoardColumn, sf_board_column, GTK_TYPE_WIDGET)

static gboolean
update_header (gpointer data)
{
  SfBoardColumn *self = data;
  g_autoptr(SfColumnTotals) totals = NULL;
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *accessible = NULL;
  guint n;

  self->update_id = 0;
  self->stale = FALSE;

  /* The first screenful shows while the pipeline loads: no sums yet. */
  if (sf_pipeline_get_previewing (self->pipeline))
    {
      gtk_label_set_text (self->count_label, "");
      gtk_label_set_text (self->total_label, "");
      gtk_label_set_text (self->weighted_label, "");
      gtk_widget_set_opacity (GTK_WIDGET (self->count_label), 0);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return G_SOURCE_REMOVE;
    }
  gtk_widget_set_opacity (GTK_WIDGET (self->count_label), 1);

  totals = sf_column_totals_compute (self->deals, sf_pipeline_get_stage_probabilities (self->pipeline));
  n = sf_column_totals_get_count (totals);
  count = sf_format_integer (n);
  total = sf_column_totals_format (totals, FALSE);
  weighted = sf_column_totals_format (totals, TRUE);
  /* Translators: the column's total weighted by each deal's probability */
  weighted_text = g_strdup_printf (_("Weighted %s"), weighted);

  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->weighted_label, weighted_text);
  gtk_stack_set_visible_child_name (self->stack, n ? "list" : "empty");

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s|%s|%s", count, total, weighted);

  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: read by screen readers for a board column: the stage,
                                              * how many deals, their total, and the weighted total */
                                             "%s: %s deal, %s, %s",
                                             "%s: %s deals, %s, %s", n),
                                sf_stage_get_name (self->stage), count, total, weighted_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return G_SOURCE_REMOVE;
}

/* Summing a column of a million deals takes a good part of a tenth of a
 * second; while the board is hidden, as when jobs are ticked in the Deals
 * view, the sums wait until the column is shown again. */
static void
schedule_update (SfBoardColumn *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT, update_header, self, NULL);
}

static void
activate_deal (SfBoardColumn *self,
               const char    *action,
               SfDeal        *deal)
{
  if (deal != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", sf_deal_get_id (deal));
}

static void
activate_cb (SfBoardColumn *self,
             guint          position)
{
  g_autoptr(SfDeal) deal = g_list_model_get_item (self->deals, position);

  activate_deal (self, "win.open-deal", deal);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SfBoardColumn *self)
{
  SfDeal *deal = g_value_get_object (value);
  SfStage from;

  if (deal == NULL)
    return FALSE;

  from = sf_deal_get_stage (deal);
  if (from == self->stage)
    return FALSE;

  if (from + 1 == self->stage)
    activate_deal (self, "win.advance", deal);
  else if (from == self->stage + 1)
    activate_deal (self, "win.move-back", deal);
  else
    sf_ui_toast (GTK_WIDGET (self), _("Deals move one stage at a time"), FALSE);

  return TRUE;
}

static void
advance_selected (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfBoardColumn *self = SF_BOARD_COLUMN (widget);

  activate_deal (self, g_str_equal (action_name, "column.advance") ? "win.advance"
                 : g_str_equal (action_name, "column.move-back") ? "win.move-back"
                 : "win.delete",
                 sf_board_column_get_selected (self));
}

static void
sf_board_column_map (GtkWidget *widget)
{
  SfBoardColumn *self = SF_BOARD_COLUMN (widget);

  GTK_WIDGET_CLASS (sf_board_column_parent_class)->map (widget);

  if (self->stale)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      update_header (self);
    }
}

static void
sf_board_column_dispose (GObject *object)
{
  SfBoardColumn *self = (SfBoardColumn *) object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_BOARD_COLUMN);
  g_clear_object (&self->selection);
  g_clear_object (&self->deals);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sf_board_column_parent_class)->dispose (object);
}

static void
sf_board_column_class_init (SfBoardColumnClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_board_column_dispose;
  widget_class->map = sf_board_column_map;

  g_type_ensure (SF_TYPE_DEAL_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, box);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, total_label);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, SfBoardColumn, stack);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "board-column");

  gtk_widget_class_install_action (widget_class, "column.advance", NULL, advance_selected);
  gtk_widget_class_install_action (widget_class, "column.move-back", NULL, advance_selected);
  gtk_widget_class_install_action (widget_class, "column.delete", NULL, advance_selected);
}

static const SfUiShortcut card_shortcuts[] = {
  { GDK_KEY_Right, GDK_CONTROL_MASK, "column.advance" },
  { GDK_KEY_Left, GDK_CONTROL_MASK, "column.move-back" },
  { GDK_KEY_Delete, 0, "column.delete" },
};

static void
sf_board_column_init (SfBoardColumn *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  sf_ui_add_list_shortcuts (GTK_WIDGET (self), card_shortcuts, G_N_ELEMENTS (card_shortcuts));

  target = gtk_drop_target_new (SF_TYPE_DEAL, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * sf_board_column_new:
 *
 * Returns: (transfer floating): the column of @stage
 */
GtkWidget *
sf_board_column_new (SfPipeline *pipeline,
                     SfStage     stage)
{
  SfBoardColumn *self = g_object_new (SF_TYPE_BOARD_COLUMN, NULL);

  self->pipeline = g_object_ref (pipeline);
  self->stage = stage;
  gtk_label_set_text (self->name_label, sf_stage_get_name (stage));

  self->deals = g_object_ref (sf_pipeline_get_column (pipeline, stage));
  self->selection = gtk_single_selection_new (g_object_ref (self->deals));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->deals, "items-changed", G_CALLBACK (schedule_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "notify::settings-revision", G_CALLBACK (schedule_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "notify::previewing", G_CALLBACK (schedule_update),
                           self, G_CONNECT_SWAPPED);
  update_header (self);

  return GTK_WIDGET (self);
}

SfStage
sf_board_column_get_stage (SfBoardColumn *self)
{
  g_return_val_if_fail (SF_IS_BOARD_COLUMN (self), SF_STAGE_PROSPECT);
  return self->stage;
}

/**
 * sf_board_column_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected card's deal
 */
SfDeal *
sf_board_column_get_selected (SfBoardColumn *self)
{
  g_return_val_if_fail (SF_IS_BOARD_COLUMN (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * sf_board_column_get_model:
 *
 * Returns: (transfer none): the deals in this column
 */
GListModel *
sf_board_column_get_model (SfBoardColumn *self)
{
  g_return_val_if_fail (SF_IS_BOARD_COLUMN (self), NULL);
  return self->deals;
}

/**
 * sf_board_column_get_summary:
 *
 * Returns: "count|total|weighted" as shown in the header, for tests
 */
const char *
sf_board_column_get_summary (SfBoardColumn *self)
{
  g_return_val_if_fail (SF_IS_BOARD_COLUMN (self), NULL);

  if (self->update_id != 0 || self->stale)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      update_header (self);
    }

  return self->summary;
}

/**
 * sf_board_column_select_deal:
 *
 * Selects and shows @deal's card.
 *
 * Returns: whether the deal is in this column
 */
gboolean
sf_board_column_select_deal (SfBoardColumn *self,
                             SfDeal        *deal)
{
  guint position;

  g_return_val_if_fail (SF_IS_BOARD_COLUMN (self), FALSE);

  if (!SF_IS_DEAL (deal) || !sf_deal_list_find (SF_DEAL_LIST (self->deals), deal, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  sf_ui_scroll_to_item (GTK_WIDGET (self->list_view), position);
  return TRUE;
}
