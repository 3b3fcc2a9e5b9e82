/* sf-undo-stack.h — what can be undone, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SfUndoFunc:
 * @data: what the action saved to undo itself
 *
 * Reverses one action, as one transaction of its own.
 */
typedef gboolean (*SfUndoFunc) (gpointer   data,
                                GError   **error);

#define SF_TYPE_UNDO_STACK (sf_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (SfUndoStack, sf_undo_stack, SF, UNDO_STACK, GObject)

SfUndoStack *sf_undo_stack_new       (void);
void         sf_undo_stack_push      (SfUndoStack    *self,
                                      const char     *label,
                                      SfUndoFunc      func,
                                      gpointer        data,
                                      GDestroyNotify  destroy);
gboolean     sf_undo_stack_undo      (SfUndoStack    *self,
                                      GError        **error);
gboolean     sf_undo_stack_undo_serial (SfUndoStack   *self,
                                       guint64        serial,
                                       GError       **error);
guint64      sf_undo_stack_get_serial (SfUndoStack    *self);
gboolean     sf_undo_stack_get_can_undo (SfUndoStack *self);
const char  *sf_undo_stack_get_label (SfUndoStack    *self);
guint        sf_undo_stack_get_depth (SfUndoStack    *self);
void         sf_undo_stack_clear     (SfUndoStack    *self);

G_END_DECLS
