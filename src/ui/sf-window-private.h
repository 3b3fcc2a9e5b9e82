/* sf-window-private.h — what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in three files: sf-window.c (loading, the
 * deal actions, who uses the app), sf-window-exchange.c (import, export,
 * backup) and sf-approval-actions.c (requests, sign-off, switching
 * user). They share the instance struct here rather than public getters.
 */
#pragma once

#include "sf-welcome-page.h"
#include "sf-window.h"

G_BEGIN_DECLS

struct _SfWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkWidget *new_deal_button;
  GtkWidget *undo_button;
  GtkStack *main_stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  SfWelcomePage *welcome_page;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget *switcher_bar;
  SfBoardView *board_view;
  SfDealsView *deals_view;
  SfApprovalsView *approvals_view;
  GtkWidget *me_button;
  AdwAvatar *me_avatar;
  SfSatisfactionView *satisfaction_view;

  /* owned */
  SfPipeline *pipeline;

  gint64 me;
  guint64 deleted_serial;  /* the undo stack's serial of the last delete */
  gint64 deleted_id;       /* and the deal it deleted */
  gboolean ready;
  gboolean ask_me;     /* at start: several people, none remembered */
  gboolean load_started;
};

void sf_window_exchange_install_actions  (GtkWidgetClass *widget_class);
void sf_window_approvals_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
