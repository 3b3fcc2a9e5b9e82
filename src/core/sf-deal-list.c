/* sf-deal-list.c — every loaded deal, in the order they were created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model every view filters and sorts. A GListStore would do, but it
 * keeps its items in a GSequence: a tree node per deal (40 bytes), a
 * walk of the tree for every item a filter looks at out of order, and a
 * linear search to find a deal. Here the deals sit in one array in the
 * order of their ids, which is the order they were created in: reading
 * an item is an index, finding a deal or an id is a binary search, and a
 * million deals cost 8 MB of pointers.
 */
#include "config.h"

#include "sf-deal-list.h"

#define PREFETCH_AHEAD 16

struct _SfDealList
{
  GObject parent_instance;

  GPtrArray *deals;   /* owned refs, by ascending id */
};

static void sf_deal_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfDealList, sf_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_deal_list_model_init))

static GType
sf_deal_list_get_item_type (GListModel *model)
{
  return SF_TYPE_DEAL;
}

static guint
sf_deal_list_get_n_items (GListModel *model)
{
  return SF_DEAL_LIST (model)->deals->len;
}

static gpointer
sf_deal_list_get_item (GListModel *model,
                       guint       position)
{
  SfDealList *self = SF_DEAL_LIST (model);
  gpointer *deals = self->deals->pdata;

  if (position >= self->deals->len)
    return NULL;

  /* A filter reads the deals in order, and at a million of them each one
   * is a cache miss: fetch a few ahead, objects first, then their texts. */
  if (position + PREFETCH_AHEAD < self->deals->len)
    __builtin_prefetch (deals[position + PREFETCH_AHEAD]);
  if (position + PREFETCH_AHEAD / 2 < self->deals->len)
    sf_deal_prefetch (deals[position + PREFETCH_AHEAD / 2]);

  return g_object_ref (deals[position]);
}

static void
sf_deal_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_deal_list_get_item_type;
  iface->get_n_items = sf_deal_list_get_n_items;
  iface->get_item = sf_deal_list_get_item;
}

static void
sf_deal_list_finalize (GObject *object)
{
  SfDealList *self = (SfDealList *) object;

  g_ptr_array_unref (self->deals);

  G_OBJECT_CLASS (sf_deal_list_parent_class)->finalize (object);
}

static void
sf_deal_list_class_init (SfDealListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_deal_list_finalize;
}

static void
sf_deal_list_init (SfDealList *self)
{
  self->deals = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sf_deal_list_new:
 *
 * Returns: (transfer full): an empty list
 */
SfDealList *
sf_deal_list_new (void)
{
  return g_object_new (SF_TYPE_DEAL_LIST, NULL);
}

/**
 * sf_deal_list_peek:
 * @out_n: (out): how many deals there are
 *
 * The deals themselves, for a caller that walks all of them on the main
 * thread without taking a reference to each (a search at a million
 * deals). Valid until the list next changes.
 *
 * Returns: (transfer none) (array length=out_n): the deals by id
 */
SfDeal * const *
sf_deal_list_peek (SfDealList *self,
                   guint      *out_n)
{
  g_return_val_if_fail (SF_IS_DEAL_LIST (self), NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = self->deals->len;
  return (SfDeal * const *) self->deals->pdata;
}

static gint64
id_at (SfDealList *self,
       guint       position)
{
  return sf_deal_get_id (g_ptr_array_index (self->deals, position));
}

/* The first position whose id is not below @id. */
static guint
lower_bound (SfDealList *self,
             gint64      id)
{
  guint low = 0, high = self->deals->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (id_at (self, mid) < id)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = sf_deal_get_id (*(SfDeal **) a), y = sf_deal_get_id (*(SfDeal **) b);

  return x < y ? -1 : x > y;
}

static gboolean
sorted_by_id (GPtrArray *deals)
{
  for (guint i = 1; i < deals->len; i++)
    if (sf_deal_get_id (g_ptr_array_index (deals, i - 1)) > sf_deal_get_id (g_ptr_array_index (deals, i)))
      return FALSE;

  return TRUE;
}

/**
 * sf_deal_list_set_all:
 * @deals: (element-type SfDeal): the deals, each with its id
 *
 * Replaces the whole list with one items-changed.
 */
void
sf_deal_list_set_all (SfDealList *self,
                      GPtrArray  *deals)
{
  GPtrArray *old;
  guint removed;

  g_return_if_fail (SF_IS_DEAL_LIST (self));
  g_return_if_fail (deals != NULL);

  old = self->deals;
  removed = old->len;
  self->deals = g_ptr_array_new_full (deals->len, g_object_unref);
  for (guint i = 0; i < deals->len; i++)
    g_ptr_array_add (self->deals, g_object_ref (g_ptr_array_index (deals, i)));
  if (!sorted_by_id (self->deals))
    g_ptr_array_sort (self->deals, compare_ids);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->deals->len);
  g_ptr_array_unref (old);
}

/**
 * sf_deal_list_take_all:
 * @deals: (transfer full) (element-type SfDeal): the deals, each with its
 *   id, the array holding a reference to each
 *
 * Like sf_deal_list_set_all(), but keeps @deals itself: a load's million
 * deals are not referenced and copied once more.
 */
void
sf_deal_list_take_all (SfDealList *self,
                       GPtrArray  *deals)
{
  GPtrArray *old;

  g_return_if_fail (SF_IS_DEAL_LIST (self));
  g_return_if_fail (deals != NULL);

  old = self->deals;
  self->deals = deals;
  g_ptr_array_set_free_func (deals, g_object_unref);
  if (!sorted_by_id (deals))
    g_ptr_array_sort (deals, compare_ids);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, deals->len);
  g_ptr_array_unref (old);
}

/**
 * sf_deal_list_add:
 * @deal: a deal with its id, not in the list yet
 *
 * Adds @deal at its id's place: at the end for a new deal, where it was
 * for one brought back.
 */
void
sf_deal_list_add (SfDealList *self,
                  SfDeal     *deal)
{
  guint position;

  g_return_if_fail (SF_IS_DEAL_LIST (self));
  g_return_if_fail (SF_IS_DEAL (deal));

  position = lower_bound (self, sf_deal_get_id (deal));
  g_ptr_array_insert (self->deals, position, g_object_ref (deal));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * sf_deal_list_add_many:
 * @deals: (element-type SfDeal): deals with their ids, none in the list yet
 *
 * Adds @deals at their ids' places with one items-changed: an import's
 * new deals, which all go at the end.
 */
void
sf_deal_list_add_many (SfDealList *self,
                       GPtrArray  *deals)
{
  g_autoptr(GPtrArray) merged = NULL;
  guint from, removed;

  g_return_if_fail (SF_IS_DEAL_LIST (self));
  g_return_if_fail (deals != NULL);

  if (deals->len == 0)
    return;

  merged = g_ptr_array_new_full (deals->len, NULL);
  for (guint i = 0; i < deals->len; i++)
    g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (deals, i)));
  if (!sorted_by_id (merged))
    g_ptr_array_sort (merged, compare_ids);

  /* Everything from the first new deal's place on is replaced. */
  from = lower_bound (self, sf_deal_get_id (g_ptr_array_index (merged, 0)));
  removed = self->deals->len - from;
  for (guint i = from; i < self->deals->len; i++)
    g_ptr_array_add (merged, g_ptr_array_index (self->deals, i));
  if (removed > 0)
    g_ptr_array_sort (merged, compare_ids);

  g_ptr_array_set_free_func (self->deals, NULL);
  g_ptr_array_set_size (self->deals, from);
  g_ptr_array_set_free_func (self->deals, g_object_unref);
  g_ptr_array_extend (self->deals, merged, NULL, NULL);

  g_list_model_items_changed (G_LIST_MODEL (self), from, removed, merged->len);
}

/**
 * sf_deal_list_find:
 * @out_position: (out) (optional): where @deal is
 *
 * Returns: whether @deal is in the list
 */
gboolean
sf_deal_list_find (SfDealList *self,
                   SfDeal     *deal,
                   guint      *out_position)
{
  guint position;

  g_return_val_if_fail (SF_IS_DEAL_LIST (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  position = lower_bound (self, sf_deal_get_id (deal));
  if (position >= self->deals->len || g_ptr_array_index (self->deals, position) != deal)
    return FALSE;

  if (out_position != NULL)
    *out_position = position;
  return TRUE;
}

/**
 * sf_deal_list_lookup:
 *
 * Returns: (transfer none) (nullable): the deal with @deal_id
 */
SfDeal *
sf_deal_list_lookup (SfDealList *self,
                     gint64      deal_id)
{
  guint position;

  g_return_val_if_fail (SF_IS_DEAL_LIST (self), NULL);

  position = lower_bound (self, deal_id);
  if (position >= self->deals->len || id_at (self, position) != deal_id)
    return NULL;

  return g_ptr_array_index (self->deals, position);
}

/**
 * sf_deal_list_remove:
 *
 * Returns: whether @deal was in the list
 */
gboolean
sf_deal_list_remove (SfDealList *self,
                     SfDeal     *deal)
{
  guint position;

  g_return_val_if_fail (SF_IS_DEAL_LIST (self), FALSE);

  if (!sf_deal_list_find (self, deal, &position))
    return FALSE;

  g_ptr_array_remove_index (self->deals, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * sf_deal_list_changed:
 *
 * Tells the filters and sorters above the list to look at @deal again.
 *
 * Returns: whether @deal is in the list
 */
gboolean
sf_deal_list_changed (SfDealList *self,
                      SfDeal     *deal)
{
  guint position;

  g_return_val_if_fail (SF_IS_DEAL_LIST (self), FALSE);

  if (!sf_deal_list_find (self, deal, &position))
    return FALSE;

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}
