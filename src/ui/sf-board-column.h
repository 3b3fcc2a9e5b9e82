/* sf-board-column.h — one stage's column on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sf-pipeline.h"

G_BEGIN_DECLS

#define SF_TYPE_BOARD_COLUMN (sf_board_column_get_type ())

G_DECLARE_FINAL_TYPE (SfBoardColumn, sf_board_column, SF, BOARD_COLUMN, GtkWidget)

GtkWidget  *sf_board_column_new           (SfPipeline    *pipeline,
                                           SfStage        stage);
SfStage     sf_board_column_get_stage     (SfBoardColumn *self);
SfDeal     *sf_board_column_get_selected  (SfBoardColumn *self);
GListModel *sf_board_column_get_model     (SfBoardColumn *self);
const char *sf_board_column_get_summary   (SfBoardColumn *self);
gboolean    sf_board_column_select_deal   (SfBoardColumn *self,
                                           SfDeal        *deal);

G_END_DECLS
