/* sf-undo-stack.c — what can be undone, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry holds the reverse of one user action. Undo pops the newest
 * and runs it; if the reverse is refused (the rules no longer allow it, the
 * disk is full) the entry is dropped and the error says why, so a failed
 * undo cannot be retried into a loop.
 */
#include "config.h"

#include "sf-undo-stack.h"

/* Enough for a working session; the oldest fall off. */
#define MAX_DEPTH 100

typedef struct
{
  guint64 serial;
  char *label;
  SfUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Entry;

struct _SfUndoStack
{
  GObject parent_instance;

  GQueue entries;   /* Entry*, newest at the head */
  guint64 last_serial;
};

G_DEFINE_FINAL_TYPE (SfUndoStack, sf_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_LABEL,
  PROP_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  if (entry->destroy)
    entry->destroy (entry->data);
  g_free (entry->label);
  g_free (entry);
}

static void
notify_changed (SfUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
}

static void
sf_undo_stack_finalize (GObject *object)
{
  SfUndoStack *self = (SfUndoStack *) object;

  g_queue_clear_full (&self->entries, (GDestroyNotify) entry_free);

  G_OBJECT_CLASS (sf_undo_stack_parent_class)->finalize (object);
}

static void
sf_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SfUndoStack *self = SF_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, sf_undo_stack_get_can_undo (self)); break;
    case PROP_LABEL: g_value_set_string (value, sf_undo_stack_get_label (self)); break;
    case PROP_SERIAL: g_value_set_uint64 (value, sf_undo_stack_get_serial (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_undo_stack_class_init (SfUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sf_undo_stack_finalize;
  object_class->get_property = sf_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SfUndoStack:serial:
   *
   * Names the newest action: a number no other action pushed to this
   * stack has, or 0 when there is nothing to undo. It changes whenever
   * what Undo would reverse changes.
   */
  properties[PROP_SERIAL] =
    g_param_spec_uint64 ("serial", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_undo_stack_init (SfUndoStack *self)
{
  g_queue_init (&self->entries);
}

SfUndoStack *
sf_undo_stack_new (void)
{
  return g_object_new (SF_TYPE_UNDO_STACK, NULL);
}

/**
 * sf_undo_stack_push:
 * @label: what undo will do, for a menu or toast ("Undo Delete")
 * @func: reverses the action
 * @data: (transfer full): passed to @func
 * @destroy: (nullable): frees @data
 */
void
sf_undo_stack_push (SfUndoStack    *self,
                    const char     *label,
                    SfUndoFunc      func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Entry *entry;

  g_return_if_fail (SF_IS_UNDO_STACK (self));
  g_return_if_fail (func != NULL);

  entry = g_new0 (Entry, 1);
  entry->serial = ++self->last_serial;
  entry->label = g_strdup (label);
  entry->func = func;
  entry->data = data;
  entry->destroy = destroy;
  g_queue_push_head (&self->entries, entry);

  while (g_queue_get_length (&self->entries) > MAX_DEPTH)
    entry_free (g_queue_pop_tail (&self->entries));

  notify_changed (self);
}

/**
 * sf_undo_stack_undo:
 *
 * Reverses the newest action. The entry is used up either way.
 *
 * Returns: %TRUE if it was reversed
 */
gboolean
sf_undo_stack_undo (SfUndoStack  *self,
                    GError      **error)
{
  Entry *entry;
  gboolean ok;

  g_return_val_if_fail (SF_IS_UNDO_STACK (self), FALSE);

  entry = g_queue_pop_head (&self->entries);
  if (entry == NULL)
    return TRUE;

  ok = entry->func (entry->data, error);
  entry_free (entry);
  notify_changed (self);

  return ok;
}

/**
 * sf_undo_stack_undo_serial:
 * @serial: the #SfUndoStack:serial of the action to reverse
 *
 * Reverses the newest action only if it is the one @serial names: an Undo
 * button that names an action undoes that action or nothing.
 *
 * Returns: %TRUE if it was reversed, or there was nothing to do because
 *   the action is no longer the newest
 */
gboolean
sf_undo_stack_undo_serial (SfUndoStack  *self,
                           guint64       serial,
                           GError      **error)
{
  g_return_val_if_fail (SF_IS_UNDO_STACK (self), FALSE);

  if (serial == 0 || serial != sf_undo_stack_get_serial (self))
    return TRUE;

  return sf_undo_stack_undo (self, error);
}

/**
 * sf_undo_stack_get_serial:
 *
 * Returns: the #SfUndoStack:serial of the newest action, 0 for none
 */
guint64
sf_undo_stack_get_serial (SfUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (SF_IS_UNDO_STACK (self), 0);

  entry = g_queue_peek_head (&self->entries);
  return entry ? entry->serial : 0;
}

gboolean
sf_undo_stack_get_can_undo (SfUndoStack *self)
{
  g_return_val_if_fail (SF_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->entries);
}

/**
 * sf_undo_stack_get_label:
 *
 * Returns: (nullable): the newest action's label
 */
const char *
sf_undo_stack_get_label (SfUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (SF_IS_UNDO_STACK (self), NULL);

  entry = g_queue_peek_head (&self->entries);
  return entry ? entry->label : NULL;
}

guint
sf_undo_stack_get_depth (SfUndoStack *self)
{
  g_return_val_if_fail (SF_IS_UNDO_STACK (self), 0);
  return g_queue_get_length (&self->entries);
}

void
sf_undo_stack_clear (SfUndoStack *self)
{
  g_return_if_fail (SF_IS_UNDO_STACK (self));

  g_queue_clear_full (&self->entries, (GDestroyNotify) entry_free);
  notify_changed (self);
}
