/* sf-pipeline.c — an open database and the live models the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views filter and sort one model:
 *
 *   deals (GListStore of SfDeal, filled by one splice)
 *     ├─ GtkFilterListModel (search, stage, status, mine, stale)
 *     │    └─ GtkSortListModel (column view sorter) ─ deal list
 *     └─ GtkFilterListModel per stage ─ board column
 *
 * The deals load on a worker thread (sf_store_list_deals_async()) so the
 * window draws first. A changed deal is announced with items-changed at its
 * position, which makes the filters and sorters look at it again.
 */
#include "config.h"

#include "sf-pipeline.h"

struct _SfPipeline
{
  GObject parent_instance;

  /* owned */
  SfStore *store;
  GListStore *deals;
  GListStore *persons;
  GHashTable *deals_by_id;     /* id → SfDeal, borrowed from deals */
  SfUndoStack *undo;
  GCancellable *cancellable;
  int probabilities[SF_N_STAGES];

  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (SfPipeline, sf_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADED,
  N_PROPS
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sf_pipeline_dispose (GObject *object)
{
  SfPipeline *self = (SfPipeline *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sf_pipeline_parent_class)->dispose (object);
}

static void
sf_pipeline_finalize (GObject *object)
{
  SfPipeline *self = (SfPipeline *) object;

  g_clear_pointer (&self->deals_by_id, g_hash_table_unref);
  g_clear_object (&self->deals);
  g_clear_object (&self->persons);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_pipeline_parent_class)->finalize (object);
}

static void
sf_pipeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SfPipeline *self = SF_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_pipeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SfPipeline *self = SF_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_pipeline_class_init (SfPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sf_pipeline_dispose;
  object_class->finalize = sf_pipeline_finalize;
  object_class->get_property = sf_pipeline_get_property;
  object_class->set_property = sf_pipeline_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SfPipeline::load-failed:
   * @error: why
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sf_pipeline_init (SfPipeline *self)
{
  self->deals = g_list_store_new (SF_TYPE_DEAL);
  self->persons = g_list_store_new (SF_TYPE_PERSON);
  /* Row ids are small positive integers; they fit a pointer as they are. */
  self->deals_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->undo = sf_undo_stack_new ();
  self->cancellable = g_cancellable_new ();

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    self->probabilities[s] = sf_stage_get_default_probability (s);
}

/**
 * sf_pipeline_new:
 *
 * Returns: (transfer full): a pipeline over @store, not loaded yet
 */
SfPipeline *
sf_pipeline_new (SfStore *store)
{
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  return g_object_new (SF_TYPE_PIPELINE, "store", store, NULL);
}

SfStore *
sf_pipeline_get_store (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return self->store;
}

/**
 * sf_pipeline_get_deals:
 *
 * Returns: (transfer none): every deal not deleted, lost ones included
 */
GListModel *
sf_pipeline_get_deals (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return G_LIST_MODEL (self->deals);
}

/**
 * sf_pipeline_get_persons:
 *
 * Returns: (transfer none): everyone, by name
 */
GListModel *
sf_pipeline_get_persons (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return G_LIST_MODEL (self->persons);
}

SfUndoStack *
sf_pipeline_get_undo_stack (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return self->undo;
}

gboolean
sf_pipeline_get_loaded (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  return self->loaded;
}

/**
 * sf_pipeline_get_stage_probabilities:
 *
 * Returns: (array fixed-size=6): the team's chance per stage, in percent
 */
const int *
sf_pipeline_get_stage_probabilities (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return self->probabilities;
}

static gboolean
load_small_tables (SfPipeline  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) persons = sf_store_list_persons (self->store, error);

  if (persons == NULL ||
      !sf_store_get_stage_probabilities (self->store, self->probabilities, error))
    return FALSE;

  g_list_store_splice (self->persons, 0, g_list_model_get_n_items (G_LIST_MODEL (self->persons)),
                       persons->pdata, persons->len);
  return TRUE;
}

/* Replaces the deals with one splice: one items-changed for the lot. */
static void
take_deals (SfPipeline *self,
            GPtrArray  *deals)
{
  g_hash_table_remove_all (self->deals_by_id);
  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);

      g_hash_table_insert (self->deals_by_id, GSIZE_TO_POINTER (sf_deal_get_id (deal)), deal);
    }

  g_list_store_splice (self->deals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->deals)),
                       deals->pdata, deals->len);

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SfPipeline) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = sf_store_list_deals_finish (SF_STORE (source), result, &error);

  if (deals == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  take_deals (self, deals);
}

/**
 * sf_pipeline_load:
 *
 * Loads the people and settings now (small) and the deals on a worker
 * thread; #SfPipeline:loaded turns %TRUE when they are in.
 */
void
sf_pipeline_load (SfPipeline *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SF_IS_PIPELINE (self));

  if (!load_small_tables (self, &error))
    {
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  sf_store_list_deals_async (self->store, self->cancellable, load_cb, g_object_ref (self));
}

/**
 * sf_pipeline_load_sync:
 *
 * Loads everything on the calling thread, for tools and tests.
 */
gboolean
sf_pipeline_load_sync (SfPipeline  *self,
                       GError     **error)
{
  g_autoptr(GPtrArray) deals = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  if (!load_small_tables (self, error))
    return FALSE;

  deals = sf_store_list_deals (self->store, error);
  if (deals == NULL)
    return FALSE;

  take_deals (self, deals);
  return TRUE;
}

/**
 * sf_pipeline_lookup_deal:
 *
 * Returns: (transfer none) (nullable): the loaded deal with @deal_id
 */
SfDeal *
sf_pipeline_lookup_deal (SfPipeline *self,
                         gint64      deal_id)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);

  return g_hash_table_lookup (self->deals_by_id, GSIZE_TO_POINTER (deal_id));
}

/**
 * sf_pipeline_lookup_person:
 *
 * Returns: (transfer none) (nullable): the person with @person_id
 */
SfPerson *
sf_pipeline_lookup_person (SfPipeline *self,
                           gint64      person_id)
{
  guint n;

  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->persons));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (G_LIST_MODEL (self->persons), i);

      if (sf_person_get_id (person) == person_id)
        return person;
    }

  return NULL;
}

/**
 * sf_pipeline_deal_changed:
 *
 * Tells the filters and sorters above the deal model to look at @deal
 * again, after a change that moves it between lists.
 */
void
sf_pipeline_deal_changed (SfPipeline *self,
                          SfDeal     *deal)
{
  guint position;

  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (SF_IS_DEAL (deal));

  if (g_list_store_find (self->deals, deal, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->deals), position, 1, 1);
}
