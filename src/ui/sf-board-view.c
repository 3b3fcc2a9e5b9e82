/* sf-board-view.c — the pipeline as six columns of cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every deal that is not lost has a card, however many there are: each
 * column is a recycling GtkListView, so a hundred thousand deals cost only
 * the cards on screen. Closed (won) deals sit in the last column.
 */
#include "config.h"

#include "sf-board-view.h"

struct _SfBoardView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scroller;
  GtkBox *columns;

  /* borrowed: children of columns */
  SfBoardColumn *column[SF_N_STAGES];
};

G_DEFINE_FINAL_TYPE (SfBoardView, sf_board_view, GTK_TYPE_WIDGET)

static void
sf_board_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SF_TYPE_BOARD_VIEW);

  G_OBJECT_CLASS (sf_board_view_parent_class)->dispose (object);
}

static void
sf_board_view_class_init (SfBoardViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_board_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SfBoardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SfBoardView, columns);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_board_view_init (SfBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sf_board_view_set_pipeline:
 *
 * Builds the six columns over @pipeline's deals; call once.
 */
void
sf_board_view_set_pipeline (SfBoardView *self,
                            SfPipeline  *pipeline)
{
  g_return_if_fail (SF_IS_BOARD_VIEW (self));
  g_return_if_fail (self->column[0] == NULL);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      GtkWidget *column = sf_board_column_new (pipeline, s);
      g_autofree char *name = g_strdup_printf ("column-%s", sf_stage_get_key (s));

      gtk_widget_set_name (column, name);
      gtk_widget_set_size_request (column, 190, -1);
      gtk_box_append (self->columns, column);
      self->column[s] = SF_BOARD_COLUMN (column);
    }
}

/**
 * sf_board_view_get_column:
 *
 * Returns: (transfer none) (nullable): the column of @stage
 */
SfBoardColumn *
sf_board_view_get_column (SfBoardView *self,
                          SfStage      stage)
{
  g_return_val_if_fail (SF_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (sf_stage_is_valid (stage), NULL);

  return self->column[stage];
}

void
sf_board_view_select_deal (SfBoardView *self,
                           SfDeal      *deal)
{
  g_return_if_fail (SF_IS_BOARD_VIEW (self));

  if (self->column[0] == NULL || deal == NULL)
    return;

  sf_board_column_select_deal (self->column[sf_deal_get_stage (deal)], deal);
}
