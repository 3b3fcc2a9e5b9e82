/* sf-deal-filter-model.c — the deals the list shows, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkFilterListModel does for the deal list, made for it. At a
 * million deals GTK's model spent most of a keystroke on its way to the
 * filter: for every deal a virtual get_item(), a reference taken and
 * dropped (two atomic writes to the deal, so every deal's memory is
 * written back), the filter's type check and virtual call, and a bitset
 * insertion; reading the result by position then searched the bitset
 * from its start.
 *
 * Here the shown deals are an array of their positions in the source,
 * ascending: reading one is an index, finding one a binary search. When
 * the source is the pipeline's SfDealList (no column sorts, the usual
 * case) a keystroke walks its array of deals directly, asks
 * sf_deal_filter_matches() without a reference, and fetches the deals a
 * few ahead into the cache. Over any other source (the sort model) it
 * keeps the source's deals in their order in an array of its own, read
 * once when the source is set and kept as the source changes, and walks
 * that: reading a sort model item by item cost a reference and a lookup
 * per deal, and in sorted order nothing could be fetched ahead.
 *
 * Like GtkFilterListModel it follows the filter's change: a stricter
 * filter looks only at the deals shown, a looser one only at those
 * hidden, and items-changed covers only the span that differs.
 */
#include "config.h"

#include <string.h>

#include "sf-deal-filter-model.h"
#include "sf-deal-list.h"

/* How far ahead a walk fetches deals (objects) and, half as far, their
 * texts; a deal's texts pointer can only be read once the object is in. */
#define PREFETCH_AHEAD 16

struct _SfDealFilterModel
{
  GObject parent_instance;

  GListModel *source;
  GPtrArray *mirror;    /* the source's deals in its order, unless it is an SfDealList */
  SfDealFilter *filter;
  GArray *shown;        /* guint: the source positions shown, ascending */
  guint source_len;     /* the source's length that shown's positions are of */
  gboolean resynced;    /* refiltered whole while the source was telling a change */
};

static void sf_deal_filter_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfDealFilterModel, sf_deal_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_deal_filter_model_list_init))

static GType
sf_deal_filter_model_get_item_type (GListModel *model)
{
  return SF_TYPE_DEAL;
}

static guint
sf_deal_filter_model_get_n_items (GListModel *model)
{
  return SF_DEAL_FILTER_MODEL (model)->shown->len;
}

static gpointer
sf_deal_filter_model_get_item (GListModel *model,
                               guint       position)
{
  SfDealFilterModel *self = SF_DEAL_FILTER_MODEL (model);
  guint at;

  if (position >= self->shown->len)
    return NULL;

  at = g_array_index (self->shown, guint, position);
  if (self->mirror != NULL)
    return g_object_ref (g_ptr_array_index (self->mirror, at));

  return g_list_model_get_item (self->source, at);
}

static void
sf_deal_filter_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_deal_filter_model_get_item_type;
  iface->get_n_items = sf_deal_filter_model_get_n_items;
  iface->get_item = sf_deal_filter_model_get_item;
}

/* Walking the source */

typedef struct
{
  SfDealFilterModel *self;
  SfDeal * const *deals;  /* the SfDealList's own array or the mirror */
  guint n;                /* items in the source */
} Walk;

static void
walk_init (Walk              *walk,
           SfDealFilterModel *self)
{
  walk->self = self;
  walk->deals = NULL;
  walk->n = 0;
  if (self->mirror != NULL)
    {
      walk->deals = (SfDeal * const *) self->mirror->pdata;
      walk->n = self->mirror->len;
    }
  else if (self->source != NULL)
    walk->deals = sf_deal_list_peek (SF_DEAL_LIST (self->source), &walk->n);
}

static inline gboolean
walk_matches (Walk  *walk,
              guint  position)
{
  return sf_deal_filter_matches (walk->self->filter, walk->deals[position]);
}

/* @near and @far: positions the walk will ask about soon */
static inline void
walk_prefetch (Walk  *walk,
               guint  near,
               guint  far)
{
  if (far < walk->n)
    __builtin_prefetch (walk->deals[far]);
  if (near < walk->n)
    sf_deal_prefetch (walk->deals[near]);
}

static void
append (GArray *array,
        guint   position)
{
  g_array_append_val (array, position);
}

/* Every position of the source, each asked. */
static GArray *
filter_all (Walk *walk)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));

  if (sf_deal_filter_is_all (walk->self->filter))
    {
      g_array_set_size (shown, walk->n);
      for (guint p = 0; p < walk->n; p++)
        g_array_index (shown, guint, p) = p;
      return shown;
    }

  for (guint p = 0; p < walk->n; p++)
    {
      walk_prefetch (walk, p + PREFETCH_AHEAD / 2, p + PREFETCH_AHEAD);
      if (walk_matches (walk, p))
        append (shown, p);
    }

  return shown;
}

/* Stricter: only the deals shown can still be. */
static GArray *
filter_shown (Walk   *walk,
              GArray *old)
{
  const guint *was = (const guint *) (gpointer) old->data;
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < old->len; i++)
    {
      if (i + PREFETCH_AHEAD < old->len)
        walk_prefetch (walk, was[i + PREFETCH_AHEAD / 2], was[i + PREFETCH_AHEAD]);
      if (was[i] < walk->n && walk_matches (walk, was[i]))
        append (shown, was[i]);
    }

  return shown;
}

/* Looser: the deals shown stay, only the hidden ones are asked. */
static GArray *
filter_hidden (Walk   *walk,
               GArray *old)
{
  const guint *was = (const guint *) (gpointer) old->data;
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint k = 0;

  for (guint p = 0; p < walk->n; p++)
    {
      if (k < old->len && was[k] == p)
        {
          append (shown, p);
          k++;
          continue;
        }
      walk_prefetch (walk, p + PREFETCH_AHEAD / 2, p + PREFETCH_AHEAD);
      if (walk_matches (walk, p))
        append (shown, p);
    }

  return shown;
}

/* Tells the views the span in which @old and @new differ, both over the
 * same source. */
static void
emit_difference (SfDealFilterModel *self,
                 GArray            *old,
                 GArray            *new)
{
  const guint *a = (const guint *) (gpointer) old->data;
  const guint *b = (const guint *) (gpointer) new->data;
  guint same = MIN (old->len, new->len);
  guint head = 0, tail = 0;

  while (head < same && a[head] == b[head])
    head++;
  while (tail < same - head && a[old->len - 1 - tail] == b[new->len - 1 - tail])
    tail++;

  if (head == old->len && head == new->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head, old->len - head - tail, new->len - head - tail);
}

static void
refilter (SfDealFilterModel *self,
          GtkFilterChange    change)
{
  GArray *old = self->shown;
  Walk walk;

  walk_init (&walk, self);

  /* A handler of the deal list's items-changed that ran before ours
   * changed the filter: the list has changed and shown's positions are of
   * the list before. Start again from the list as it is, and let our own
   * handler, still to come, know. */
  if (walk.n != self->source_len)
    {
      self->shown = filter_all (&walk);
      self->source_len = walk.n;
      self->resynced = TRUE;
      if (old->len > 0 || self->shown->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->shown->len);
      g_array_unref (old);
      return;
    }

  if (sf_deal_filter_is_all (self->filter))
    self->shown = filter_all (&walk);
  else if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    self->shown = filter_shown (&walk, old);
  else if (change == GTK_FILTER_CHANGE_LESS_STRICT)
    self->shown = filter_hidden (&walk, old);
  else
    self->shown = filter_all (&walk);

  emit_difference (self, old, self->shown);
  g_array_unref (old);
}

static void
filter_changed_cb (GtkFilter         *filter,
                   GtkFilterChange    change,
                   SfDealFilterModel *self)
{
  refilter (self, change);
}

/* The first index in @shown whose position is not below @position. */
static guint
lower_bound (GArray *shown,
             guint   position)
{
  guint low = 0, high = shown->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (shown, guint, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* Makes the mirror hold the source's items again after an items-changed. */
static void
update_mirror (SfDealFilterModel *self,
               guint              position,
               guint              removed,
               guint              added)
{
  GPtrArray *mirror = self->mirror;
  guint tail;

  g_ptr_array_remove_range (mirror, position, removed);
  tail = mirror->len - position;
  g_ptr_array_set_size (mirror, mirror->len + added);
  memmove (mirror->pdata + position + added, mirror->pdata + position, tail * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    mirror->pdata[position + i] = g_list_model_get_item (self->source, position + i);
}

static GPtrArray *
read_mirror (GListModel *source)
{
  guint n = g_list_model_get_n_items (source);
  GPtrArray *mirror = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (mirror, g_list_model_get_item (source, i));

  return mirror;
}

static void
source_items_changed_cb (GListModel        *source,
                         guint              position,
                         guint              removed,
                         guint              added,
                         SfDealFilterModel *self)
{
  guint first = lower_bound (self->shown, position);
  guint end = lower_bound (self->shown, position + removed);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  Walk walk;

  if (self->mirror != NULL)
    update_mirror (self, position, removed, added);
  walk_init (&walk, self);
  if (self->resynced)
    {
      self->resynced = FALSE;
      return;
    }
  self->source_len = walk.n;
  for (guint p = position; p < position + added; p++)
    if (walk_matches (&walk, p))
      append (fresh, p);

  g_array_remove_range (self->shown, first, end - first);
  g_array_insert_vals (self->shown, first, fresh->data, fresh->len);
  if (added != removed)
    for (guint i = first + fresh->len; i < self->shown->len; i++)
      g_array_index (self->shown, guint, i) = g_array_index (self->shown, guint, i) - removed + added;

  if (end - first > 0 || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, end - first, fresh->len);
}

static void
sf_deal_filter_model_dispose (GObject *object)
{
  SfDealFilterModel *self = (SfDealFilterModel *) object;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sf_deal_filter_model_parent_class)->dispose (object);
}

static void
sf_deal_filter_model_finalize (GObject *object)
{
  SfDealFilterModel *self = (SfDealFilterModel *) object;

  g_array_unref (self->shown);

  G_OBJECT_CLASS (sf_deal_filter_model_parent_class)->finalize (object);
}

static void
sf_deal_filter_model_class_init (SfDealFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sf_deal_filter_model_dispose;
  object_class->finalize = sf_deal_filter_model_finalize;
}

static void
sf_deal_filter_model_init (SfDealFilterModel *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * sf_deal_filter_model_new:
 * @source: (nullable): the deals, an #SfDealList or any model of #SfDeal
 * @filter: what to show
 */
SfDealFilterModel *
sf_deal_filter_model_new (GListModel   *source,
                          SfDealFilter *filter)
{
  SfDealFilterModel *self;

  g_return_val_if_fail (source == NULL || G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (SF_IS_DEAL_FILTER (filter), NULL);

  self = g_object_new (SF_TYPE_DEAL_FILTER_MODEL, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), self);
  sf_deal_filter_model_set_source (self, source);

  return self;
}

/**
 * sf_deal_filter_model_set_source:
 * @source: (nullable): the deals to filter
 *
 * Filters @source instead, with one items-changed for the whole list.
 */
void
sf_deal_filter_model_set_source (SfDealFilterModel *self,
                                 GListModel        *source)
{
  GArray *old;
  Walk walk;

  g_return_if_fail (SF_IS_DEAL_FILTER_MODEL (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_set_object (&self->source, source);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  if (source != NULL)
    {
      if (!SF_IS_DEAL_LIST (source))
        self->mirror = read_mirror (source);
      g_signal_connect (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
    }

  old = self->shown;
  walk_init (&walk, self);
  self->shown = filter_all (&walk);
  self->source_len = walk.n;
  self->resynced = FALSE;
  if (old->len > 0 || self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->shown->len);
  g_array_unref (old);
}

/**
 * sf_deal_filter_model_get_source:
 *
 * Returns: (transfer none) (nullable): the model filtered
 */
GListModel *
sf_deal_filter_model_get_source (SfDealFilterModel *self)
{
  g_return_val_if_fail (SF_IS_DEAL_FILTER_MODEL (self), NULL);
  return self->source;
}

/**
 * sf_deal_filter_model_find:
 * @out_position: (out): where @deal is shown
 *
 * Finds @deal: by a binary search over an #SfDealList, by a walk over
 * the mirror of any other source.
 *
 * Returns: whether @deal is shown
 */
gboolean
sf_deal_filter_model_find (SfDealFilterModel *self,
                           SfDeal            *deal,
                           guint             *out_position)
{
  guint position = G_MAXUINT, index;

  g_return_val_if_fail (SF_IS_DEAL_FILTER_MODEL (self), FALSE);
  g_return_val_if_fail (out_position != NULL, FALSE);

  if (self->source == NULL || deal == NULL)
    return FALSE;

  if (SF_IS_DEAL_LIST (self->source))
    {
      if (!sf_deal_list_find (SF_DEAL_LIST (self->source), deal, &position))
        return FALSE;
    }
  else if (!g_ptr_array_find (self->mirror, deal, &position))
    return FALSE;

  index = lower_bound (self->shown, position);
  if (index >= self->shown->len || g_array_index (self->shown, guint, index) != position)
    return FALSE;

  *out_position = index;
  return TRUE;
}
