/* sf-board-view.h — the pipeline as six columns of cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-board-column.h"
#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_BOARD_VIEW (sf_board_view_get_type ())

G_DECLARE_FINAL_TYPE (SfBoardView, sf_board_view, SF, BOARD_VIEW, GtkWidget)

void           sf_board_view_set_pipeline (SfBoardView *self,
                                           SfPipeline  *pipeline);
SfBoardColumn *sf_board_view_get_column   (SfBoardView *self,
                                           SfStage      stage);
void           sf_board_view_select_deal  (SfBoardView *self,
                                           SfDeal      *deal);

G_END_DECLS
