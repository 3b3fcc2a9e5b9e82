/* sf-pipeline.c — an open database and the live models the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views show two kinds of model:
 *
 *   deals (SfDealList, by id, filled by one splice)
 *     └─ GtkSortListModel (column view sorter)
 *          └─ SfDealFilterModel (search, stage, status, mine, stale) ─ deal list
 *   columns[stage] (SfDealList: the stage's deals not lost) ─ board column
 *
 * The board's columns are lists of their own rather than six filters over
 * all deals: a load fills them in one pass instead of six, and a changed
 * deal is looked up in two of them instead of passing six filters.
 *
 * The deals load on a worker thread (sf_store_list_deals_async()) so the
 * window draws first. A changed deal is announced with items-changed at its
 * position, which makes the filters and sorters look at it again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-column-totals.h"
#include "sf-pipeline-private.h"

G_DEFINE_FINAL_TYPE (SfPipeline, sf_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADED,
  PROP_ACTOR,
  PROP_SETTINGS_REVISION,
  PROP_APPROVALS_REVISION,
  PROP_SATISFACTION_REVISION,
  PROP_PREVIEWING,
  N_PROPS
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
forget_details (gpointer  data,
                GObject  *details)
{
  SfPipeline *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->details);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) details)
      g_hash_table_iter_remove (&iter);
}

static void
sf_pipeline_dispose (GObject *object)
{
  SfPipeline *self = (SfPipeline *) object;
  GHashTableIter iter;
  gpointer value;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_hash_table_iter_init (&iter, self->details);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, forget_details, self);
      g_hash_table_iter_remove (&iter);
    }

  G_OBJECT_CLASS (sf_pipeline_parent_class)->dispose (object);
}

static void
sf_pipeline_finalize (GObject *object)
{
  SfPipeline *self = (SfPipeline *) object;

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_object (&self->deals);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    g_clear_object (&self->columns[s]);
  g_clear_object (&self->persons);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  g_clear_pointer (&self->details, g_hash_table_unref);

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
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    case PROP_ACTOR: g_value_set_int64 (value, sf_store_get_actor (self->store)); break;
    case PROP_SETTINGS_REVISION: g_value_set_uint (value, self->revisions[0]); break;
    case PROP_APPROVALS_REVISION: g_value_set_uint (value, self->revisions[1]); break;
    case PROP_SATISFACTION_REVISION: g_value_set_uint (value, self->revisions[2]); break;
    case PROP_PREVIEWING: g_value_set_boolean (value, self->previewing); break;
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
    case PROP_ACTOR: sf_pipeline_set_actor (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_pipeline_class_init (SfPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sf_pipeline_dispose;
  object_class->finalize = sf_pipeline_finalize;
  object_class->get_property = sf_pipeline_get_property;
  object_class->set_property = sf_pipeline_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SF_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  /**
   * SfPipeline:actor:
   *
   * The person using Salesflow, whom the history names and on whom what
   * the views offer depends (what may be recalled, what waits for them).
   */
  properties[PROP_ACTOR] =
    g_param_spec_int64 ("actor", NULL, NULL, 0, G_MAXINT64, 0, flags | G_PARAM_WRITABLE);
  /**
   * SfPipeline:settings-revision:
   *
   * Grows by one each time the team's settings (stage probabilities)
   * were read again.
   */
  properties[PROP_SETTINGS_REVISION] =
    g_param_spec_uint ("settings-revision", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * SfPipeline:approvals-revision:
   *
   * Grows by one after each applied change to any deal's figures,
   * requests or decisions: views of requests across deals (the Approvals
   * tab) read them again.
   */
  properties[PROP_APPROVALS_REVISION] =
    g_param_spec_uint ("approvals-revision", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * SfPipeline:satisfaction-revision:
   *
   * Grows by one after each applied answer or verdict of a closed deal.
   */
  properties[PROP_SATISFACTION_REVISION] =
    g_param_spec_uint ("satisfaction-revision", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * SfPipeline:previewing:
   *
   * While the deals load, the board's columns hold a first screenful of
   * them (the first deals by id, a dozen a column); #SfPipeline:deals is
   * still empty and #SfPipeline:loaded %FALSE. Off once they are in.
   */
  properties[PROP_PREVIEWING] = g_param_spec_boolean ("previewing", NULL, NULL, FALSE, flags);

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
  self->deals = sf_deal_list_new ();
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    self->columns[s] = sf_deal_list_new ();
  self->persons = g_list_store_new (SF_TYPE_PERSON);
  self->undo = sf_undo_stack_new ();
  self->cancellable = g_cancellable_new ();
  self->details = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    self->probabilities[s] = sf_stage_get_default_probability (s);
}

/* Tells the views of one kind of change that they may read again. */
static void
bump (SfPipeline *self,
      guint       which)
{
  self->revisions[which]++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS_REVISION + which]);
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

/* The file's path, or the user's own database for %NULL. */
char *
sf_pipeline_database_path (GFile   *file,
                           GError **error)
{
  char *path;

  if (file == NULL)
    return sf_store_get_default_path ();

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, SF_STORE_ERROR, SF_STORE_ERROR_IO,
                   /* Translators: %s names a file the user chose */
                   _("“%s” is not a file on this computer"), uri);
    }
  return path;
}

/**
 * sf_pipeline_open:
 * @file: (nullable): the database file, created when missing; %NULL for
 *   the user's own (sf_store_get_default_path())
 *
 * Opens a database (sf_store_open()) as a pipeline, not loaded yet.
 *
 * Returns: (transfer full) (nullable): the pipeline, or %NULL with @error
 */
SfPipeline *
sf_pipeline_open (GFile   *file,
                  GError **error)
{
  g_autofree char *path = sf_pipeline_database_path (file, error);
  g_autoptr(SfStore) store = path ? sf_store_open (path, error) : NULL;

  return store ? sf_pipeline_new (store) : NULL;
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SfPipeline *pipeline = sf_pipeline_open (task_data, &error);

  if (pipeline != NULL)
    g_task_return_pointer (task, pipeline, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sf_pipeline_open_async:
 * @file: (nullable): as for sf_pipeline_open()
 *
 * sf_pipeline_open() on a worker thread: creating or upgrading a large
 * file takes a while.
 */
void
sf_pipeline_open_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sf_pipeline_open_async);
  if (file != NULL)
    g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

/**
 * sf_pipeline_open_finish:
 *
 * Returns: (transfer full) (nullable): the pipeline, or %NULL with @error
 */
SfPipeline *
sf_pipeline_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sf_pipeline_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sf_pipeline_get_key:
 *
 * Returns: a string that names the open database and no other, under
 *   which the views remember things per database (who used it last)
 */
const char *
sf_pipeline_get_key (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return sf_store_get_path (self->store);
}

/**
 * sf_pipeline_get_actor:
 *
 * Returns: the person using Salesflow, whom the history names, or 0
 */
gint64
sf_pipeline_get_actor (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), 0);
  return sf_store_get_actor (self->store);
}

void
sf_pipeline_set_actor (SfPipeline *self,
                       gint64      person_id)
{
  g_return_if_fail (SF_IS_PIPELINE (self));

  if (sf_store_get_actor (self->store) == person_id)
    return;

  sf_store_set_actor (self->store, person_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * sf_pipeline_now:
 *
 * Returns: the store's clock, in Unix seconds (tests move it)
 */
gint64
sf_pipeline_now (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), 0);
  return sf_store_now (self->store);
}

/**
 * sf_pipeline_get_deals:
 *
 * Returns: (transfer none): every deal not deleted, lost ones included, in
 *   the order they were created
 */
GListModel *
sf_pipeline_get_deals (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return G_LIST_MODEL (self->deals);
}

/**
 * sf_pipeline_get_column:
 *
 * Returns: (transfer none): the deals the board shows in @stage's column
 *   (sf_deal_is_in_column()), in the order they were created
 */
GListModel *
sf_pipeline_get_column (SfPipeline *self,
                        SfStage     stage)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (sf_stage_is_valid (stage), NULL);

  return G_LIST_MODEL (self->columns[stage]);
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
sf_pipeline_get_previewing (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return self->previewing;
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

/**
 * sf_pipeline_reload_persons:
 *
 * Reads the people again after one was added or changed.
 */
gboolean
sf_pipeline_reload_persons (SfPipeline  *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) persons = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  persons = sf_store_list_persons (self->store, error);
  if (persons == NULL)
    return FALSE;

  g_list_store_splice (self->persons, 0, g_list_model_get_n_items (G_LIST_MODEL (self->persons)),
                       persons->pdata, persons->len);
  return TRUE;
}

/**
 * sf_pipeline_reload_settings:
 *
 * Reads the team's settings (stage probabilities) again.
 */
gboolean
sf_pipeline_reload_settings (SfPipeline  *self,
                             GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  if (!sf_store_get_stage_probabilities (self->store, self->probabilities, error))
    return FALSE;

  bump (self, 0);
  return TRUE;
}

static gboolean
load_small_tables (SfPipeline  *self,
                   GError     **error)
{
  return sf_pipeline_reload_persons (self, error) &&
         sf_pipeline_reload_settings (self, error);
}

/* Sorts @deals into the board's columns, one pass for all six. */
static void
split_columns (GPtrArray *deals,
               GPtrArray *columns[SF_N_STAGES])
{
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    columns[s] = g_ptr_array_new ();

  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      SfStage stage = sf_deal_get_stage (deal);

      if (sf_deal_is_in_column (deal, stage))
        g_ptr_array_add (columns[stage], deal);
    }
}

/* The first deals by id, and of each column the first this many: about a
 * screenful of the board, read on the main thread in a few milliseconds
 * so the board shows deals at once while the whole pipeline loads. GTK
 * 4.8 builds a card for up to 200 deals of each column, so the columns
 * get no more than a screenful until then. */
#define PREVIEW_IDS 1000
#define PREVIEW_PER_COLUMN 12

static void
show_preview (SfPipeline *self)
{
  g_autoptr(GPtrArray) first = sf_store_list_first_deals (self->store, PREVIEW_IDS, NULL);
  GPtrArray *columns[SF_N_STAGES];

  if (first == NULL || first->len == 0)
    return;

  self->preview = g_ptr_array_new_with_free_func (g_object_unref);
  split_columns (first, columns);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      if (columns[s]->len > PREVIEW_PER_COLUMN)
        g_ptr_array_set_size (columns[s], PREVIEW_PER_COLUMN);
      for (guint i = 0; i < columns[s]->len; i++)
        g_ptr_array_add (self->preview, g_object_ref (g_ptr_array_index (columns[s], i)));
      sf_deal_list_set_all (self->columns[s], columns[s]);
      g_ptr_array_unref (columns[s]);
    }

  self->previewing = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEWING]);
}

/* The deals the preview showed stay the same objects, brought up to date,
 * so their cards stay. @deals is in the order of ids, as the store reads. */
static void
keep_preview (SfPipeline *self,
              GPtrArray  *deals)
{
  for (guint i = 0; i < self->preview->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (self->preview, i);
      gint64 id = sf_deal_get_id (deal);
      guint low = 0, high = deals->len;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (sf_deal_get_id (g_ptr_array_index (deals, middle)) < id)
            low = middle + 1;
          else
            high = middle;
        }
      if (low < deals->len && sf_deal_get_id (g_ptr_array_index (deals, low)) == id)
        {
          SfDeal *loaded = g_ptr_array_index (deals, low);

          sf_deal_assign (deal, loaded);
          g_ptr_array_index (deals, low) = g_object_ref (deal);
          g_object_unref (loaded);
        }
    }
}

/* Replaces the deals with one splice: one items-changed for the lot, and
 * one for each column. Takes @deals. The old objects are gone, so undo
 * entries that point at them go too. */
static void
take_deals (SfPipeline *self,
            GPtrArray  *deals)
{
  GPtrArray *columns[SF_N_STAGES];

  if (g_list_model_get_n_items (G_LIST_MODEL (self->deals)) > 0)
    sf_undo_stack_clear (self->undo);

  if (self->preview != NULL)
    keep_preview (self, deals);
  split_columns (deals, columns);
  sf_deal_list_take_all (self->deals, deals);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      sf_deal_list_set_all (self->columns[s], columns[s]);
      g_ptr_array_unref (columns[s]);
    }

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  if (self->previewing)
    {
      self->previewing = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEWING]);
    }
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

  take_deals (self, g_steal_pointer (&deals));
}

/**
 * sf_pipeline_load:
 *
 * Loads the people and settings now (small) and the deals on a worker
 * thread; #SfPipeline:loaded turns %TRUE when they are in. On the first
 * load the board's columns show a first screenful meanwhile
 * (#SfPipeline:previewing).
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

  if (g_list_model_get_n_items (G_LIST_MODEL (self->deals)) == 0 && !self->previewing)
    show_preview (self);
  sf_store_list_deals_async (self->store, self->cancellable, load_cb, g_object_ref (self));
}

/**
 * sf_pipeline_reload:
 *
 * Reads everything again, as sf_pipeline_load() does: after a change the
 * pipeline cannot follow deal by deal (an import, a connection to the
 * team's server come back). The deal objects are new afterwards; views
 * showing a deal open it again when #SfPipeline:loaded notifies.
 */
void
sf_pipeline_reload (SfPipeline *self)
{
  sf_pipeline_load (self);
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

  take_deals (self, g_steal_pointer (&deals));
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

  return sf_deal_list_lookup (self->deals, deal_id);
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

/* Moves @deal to the column it now belongs in, or tells its column it
 * changed; @deal is in at most one column. */
static void
update_column (SfPipeline *self,
               SfDeal     *deal)
{
  SfStage stage = sf_deal_get_stage (deal);
  gboolean shown = sf_deal_is_in_column (deal, stage);

  if (sf_deal_list_find (self->columns[stage], deal, NULL))
    {
      if (shown)
        sf_deal_list_changed (self->columns[stage], deal);
      else
        sf_deal_list_remove (self->columns[stage], deal);
      return;
    }

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    if (sf_deal_list_remove (self->columns[s], deal))
      break;
  if (shown)
    sf_deal_list_add (self->columns[stage], deal);
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
  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (SF_IS_DEAL (deal));

  sf_deal_list_changed (self->deals, deal);
  update_column (self, deal);
}

/* The details handed out for @deal_id, if a view holds them. */
static SfDealDetails *
lookup_details (SfPipeline *self,
                gint64      deal_id)
{
  return g_hash_table_lookup (self->details, &deal_id);
}

static void add_deal    (SfPipeline *self,
                         SfDeal     *deal);
static void remove_deal (SfPipeline *self,
                         SfDeal     *deal);

/**
 * sf_pipeline_apply_deal_update:
 * @update: a committed change of one deal
 *
 * The one way a change reaches the views, whether it was made here or
 * elsewhere: brings the loaded deal (or adds it, or takes it away), the
 * lists and columns it is in, and the open #SfDealDetails of it up to
 * date with @update, then grows #SfPipeline:approvals-revision or
 * #SfPipeline:satisfaction-revision when those parts changed. Views learn
 * of it only as property notifies and items-changed of these models.
 *
 * The pipeline's own actions call it with what they committed; a change
 * made on another desktop is read with sf_pipeline_reload_deal(), which
 * calls it with what it read.
 */
void
sf_pipeline_apply_deal_update (SfPipeline         *self,
                               const SfDealUpdate *update)
{
  SfDeal *deal;
  SfDealDetails *details;

  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (update != NULL);

  deal = sf_pipeline_lookup_deal (self, update->deal_id);
  if (update->changes & SF_DEAL_CHANGED_REMOVED)
    {
      if (deal != NULL)
        remove_deal (self, deal);
    }
  else if (update->deal != NULL && deal == NULL)
    add_deal (self, update->deal);
  else if (update->deal != NULL)
    {
      if (deal != update->deal)
        sf_deal_assign (deal, update->deal);
      sf_pipeline_deal_changed (self, deal);
    }

  details = lookup_details (self, update->deal_id);
  if (details != NULL && !(update->changes & SF_DEAL_CHANGED_REMOVED))
    sf_deal_details_apply (details, update);

  if (update->changes & (SF_DEAL_CHANGED_APPROVALS | SF_DEAL_CHANGED_REMOVED))
    bump (self, 1);
  if (update->changes & (SF_DEAL_CHANGED_SATISFACTION | SF_DEAL_CHANGED_REMOVED))
    bump (self, 2);
}

/* What a view of @details lacks after a change of @changes made here:
 * the history the action wrote, and the parts it changed without handing
 * them back (the jobs an approval ticked, the requests it decided). */
static SfDealChanges
to_read (SfDealDetails *details,
         SfDealChanges  changes)
{
  if (details == NULL)
    return 0;

  return SF_DEAL_CHANGED_HISTORY | (changes & (SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_APPROVALS));
}

/**
 * sf_pipeline_committed:
 * @deal: the deal changed, as the store left it after the commit
 * @job: (nullable): the job changed, as the store left it
 * @changes: what the action changed
 *
 * Ends each of the pipeline's actions: reads what an open view of @deal
 * lacks (one read transaction, nothing when no view has it open) and
 * applies it all with sf_pipeline_apply_deal_update().
 */
void
sf_pipeline_committed (SfPipeline    *self,
                       SfDeal        *deal,
                       SfJob         *job,
                       SfDealChanges  changes)
{
  g_auto(SfDealUpdate) update = { 0 };
  g_autoptr(GError) error = NULL;
  SfDealDetails *details = lookup_details (self, sf_deal_get_id (deal));
  SfDealChanges read = to_read (details, changes);

  sf_deal_update_init (&update, deal, changes | SF_DEAL_CHANGED_ROW);
  if (read != 0 &&
      !sf_store_read_deal_update (self->store, sf_deal_get_id (deal), read,
                                  sf_deal_details_get_last_history_id (details), &update, &error))
    /* Committed all the same: the open deal shows it when read again. */
    g_warning ("The deal’s changes could not be read back: %s", error->message);

  if (job != NULL && update.jobs == NULL)
    {
      update.jobs = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (update.jobs, g_object_ref (job));
    }

  sf_pipeline_apply_deal_update (self, &update);
}

/* Ends an action: announces it when the store did it. */
gboolean
sf_pipeline_done (SfPipeline    *self,
                  gboolean       ok,
                  SfDeal        *deal,
                  SfJob         *job,
                  SfDealChanges  changes)
{
  if (ok && deal != NULL)
    sf_pipeline_committed (self, deal, job, changes);
  else if (ok)
    {
      /* A request of a deal not loaded: the lists of requests still show it. */
      if (changes & SF_DEAL_CHANGED_APPROVALS)
        bump (self, 1);
      if (changes & SF_DEAL_CHANGED_SATISFACTION)
        bump (self, 2);
    }
  return ok;
}

/**
 * sf_pipeline_reload_deal:
 *
 * Reads the whole committed state of one deal — changed on another
 * desktop, say — and applies it (sf_pipeline_apply_deal_update()): the
 * same call the pipeline's own actions end with.
 */
gboolean
sf_pipeline_reload_deal (SfPipeline  *self,
                         gint64       deal_id,
                         GError     **error)
{
  g_auto(SfDealUpdate) update = { .deal_id = deal_id };
  SfDealDetails *details;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  details = lookup_details (self, deal_id);
  if (!sf_store_read_deal_update (self->store, deal_id,
                                  SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_APPROVALS |
                                  to_read (details, SF_DEAL_CHANGED_JOBS),
                                  details ? sf_deal_details_get_last_history_id (details) : 0,
                                  &update, error))
    return FALSE;

  /* Answers and verdicts are not read here: the views of satisfaction
   * read them again themselves. */
  if (!(update.changes & SF_DEAL_CHANGED_REMOVED))
    update.changes |= SF_DEAL_CHANGED_SATISFACTION;
  sf_pipeline_apply_deal_update (self, &update);
  return TRUE;
}

/**
 * sf_pipeline_open_deal:
 *
 * What the views show of @deal beyond its fields: its notes, and its jobs,
 * history, requests and figures as models the pipeline keeps up to date
 * (sf_pipeline_apply_deal_update()) for as long as a view holds them.
 * Views of the same deal share one.
 *
 * Returns: (transfer full) (nullable): the deal's details
 */
SfDealDetails *
sf_pipeline_open_deal (SfPipeline  *self,
                       SfDeal      *deal,
                       GError     **error)
{
  g_auto(SfDealUpdate) update = { 0 };
  g_autoptr(SfDealDetails) details = NULL;
  gint64 id;

  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (SF_IS_DEAL (deal), NULL);

  id = sf_deal_get_id (deal);
  details = lookup_details (self, id);
  if (details != NULL && sf_deal_details_get_deal (details) == deal)
    return g_object_ref (g_steal_pointer (&details));
  details = NULL;

  sf_deal_update_init (&update, deal, 0);
  if (!sf_store_load_deal_notes (self->store, deal, error) ||
      !sf_store_read_deal_update (self->store, id,
                                  SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_HISTORY | SF_DEAL_CHANGED_APPROVALS,
                                  0, &update, error))
    return NULL;

  details = sf_deal_details_new (deal);
  sf_deal_details_apply (details, &update);

  /* Details of an object a reload replaced are nobody's to update. */
  if (lookup_details (self, id) != NULL)
    {
      g_object_weak_unref (G_OBJECT (lookup_details (self, id)), forget_details, self);
      g_hash_table_remove (self->details, &id);
    }
  g_hash_table_insert (self->details, g_memdup2 (&id, sizeof id), details);
  g_object_weak_ref (G_OBJECT (details), forget_details, self);
  return g_steal_pointer (&details);
}

/**
 * sf_pipeline_add_deals:
 * @deals: (element-type SfDeal): deals just stored, such as an import
 *
 * Adds @deals to the model with one items-changed; new deals go last.
 */
gboolean
sf_pipeline_add_deals (SfPipeline *self,
                       GPtrArray  *deals)
{
  GPtrArray *columns[SF_N_STAGES];

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (deals != NULL, FALSE);

  sf_deal_list_add_many (self->deals, deals);
  split_columns (deals, columns);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      sf_deal_list_add_many (self->columns[s], columns[s]);
      g_ptr_array_unref (columns[s]);
    }
  return TRUE;
}

/* A deal created goes last; one brought back by undo goes back to where
 * it was. */
static void
add_deal (SfPipeline *self,
          SfDeal     *deal)
{
  sf_deal_list_add (self->deals, deal);
  if (sf_deal_is_in_column (deal, sf_deal_get_stage (deal)))
    sf_deal_list_add (self->columns[sf_deal_get_stage (deal)], deal);
}

static void
remove_deal (SfPipeline *self,
             SfDeal     *deal)
{
  sf_deal_list_remove (self->deals, deal);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    sf_deal_list_remove (self->columns[s], deal);
}

/* A change of stage or status may void an approval and so reopen its job. */
#define STATE (SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_APPROVALS)

/* A deal created or brought back by undo is announced as itself: the
 * pipeline adds it. */
static gboolean
added (SfPipeline *self,
       gboolean    ok,
       SfDeal     *deal)
{
  g_auto(SfDealUpdate) update = { 0 };

  if (!ok)
    return FALSE;

  sf_deal_update_init (&update, deal, SF_DEAL_CHANGED_ROW);
  sf_pipeline_apply_deal_update (self, &update);
  return TRUE;
}

static gboolean
removed (SfPipeline *self,
         gboolean    ok,
         SfDeal     *deal)
{
  g_auto(SfDealUpdate) update = { 0 };

  if (!ok)
    return FALSE;

  sf_deal_update_init (&update, deal, SF_DEAL_CHANGED_REMOVED);
  sf_pipeline_apply_deal_update (self, &update);
  return TRUE;
}

/* Undo entries: each keeps what it needs and a weak idea of the pipeline
 * (the pipeline owns the undo stack, so it outlives every entry). */

typedef struct
{
  SfPipeline *pipeline;
  SfDeal *deal;
  SfJob *job;
  SfStage stage;
  SfDealStatus status;
  gint64 stage_entered_at;
  gint64 closed_at;
  char *lost_reason;
  char *lost_note;
  gboolean done;
  gint64 done_by;
  gint64 done_at;
} Undo;

static Undo *
undo_new (SfPipeline *self,
          SfDeal     *deal)
{
  Undo *undo = g_new0 (Undo, 1);
  SfDealState state;

  undo->pipeline = self;
  undo->deal = g_object_ref (deal);
  sf_deal_get_state (deal, &state);
  undo->stage = state.stage;
  undo->status = state.status;
  undo->stage_entered_at = state.stage_entered_at;
  undo->closed_at = state.closed_at;
  undo->lost_reason = g_strdup (state.lost_reason);
  undo->lost_note = g_strdup (state.lost_note);

  return undo;
}

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->deal);
  g_clear_object (&undo->job);
  g_free (undo->lost_reason);
  g_free (undo->lost_note);
  g_free (undo);
}

static gboolean
undo_state (gpointer   data,
            GError   **error)
{
  Undo *undo = data;
  SfDealState state = {
    .stage = undo->stage,
    .status = undo->status,
    .stage_entered_at = undo->stage_entered_at,
    .closed_at = undo->closed_at,
    .lost_reason = undo->lost_reason,
    .lost_note = undo->lost_note,
  };

  return sf_pipeline_done (undo->pipeline,
                           sf_store_return_to_state (undo->pipeline->store, undo->deal, &state, error),
                           undo->deal, NULL, STATE);
}

static void
push (SfPipeline  *self,
      const char  *label,
      SfUndoFunc   func,
      Undo        *undo)
{
  sf_undo_stack_push (self->undo, label, func, undo, (GDestroyNotify) undo_free);
}

/**
 * sf_pipeline_undo:
 *
 * Reverses the newest undoable action.
 */
gboolean
sf_pipeline_undo (SfPipeline  *self,
                  GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return sf_undo_stack_undo (self->undo, error);
}

/**
 * sf_pipeline_undo_serial:
 * @serial: the undo stack's #SfUndoStack:serial when the action was done
 *
 * Reverses that action if it is still the newest, else does nothing: an
 * Undo button that names an action never undoes another.
 */
gboolean
sf_pipeline_undo_serial (SfPipeline  *self,
                         guint64      serial,
                         GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return sf_undo_stack_undo_serial (self->undo, serial, error);
}

static gboolean
undo_create (gpointer   data,
             GError   **error)
{
  Undo *undo = data;

  return removed (undo->pipeline, sf_store_delete_deal (undo->pipeline->store, undo->deal, error),
                  undo->deal);
}

/**
 * sf_pipeline_create_deal:
 * @deal: a new deal; stored and added to the model
 */
gboolean
sf_pipeline_create_deal (SfPipeline  *self,
                         SfDeal      *deal,
                         GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  if (!added (self, sf_store_create_deal (self->store, deal, error), deal))
    return FALSE;

  /* Translators: the label of an undo entry */
  push (self, C_("undo", "Create Deal"), undo_create, undo_new (self, deal));
  return TRUE;
}

static gboolean
undo_delete (gpointer   data,
             GError   **error)
{
  Undo *undo = data;

  return added (undo->pipeline, sf_store_undelete_deal (undo->pipeline->store, undo->deal, error),
                undo->deal);
}

gboolean
sf_pipeline_delete_deal (SfPipeline  *self,
                         SfDeal      *deal,
                         GError     **error)
{
  g_autoptr(SfDeal) keep = NULL;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  keep = g_object_ref (deal);
  if (!removed (self, sf_store_delete_deal (self->store, deal, error), deal))
    return FALSE;

  push (self, C_("undo", "Delete Deal"), undo_delete, undo_new (self, deal));
  return TRUE;
}

/* Runs a change of stage or status and makes it undoable. */
static gboolean
change_state (SfPipeline  *self,
              SfDeal      *deal,
              const char  *label,
              gboolean     ok,
              Undo        *undo)
{
  if (!ok)
    {
      undo_free (undo);
      return FALSE;
    }

  sf_pipeline_committed (self, deal, NULL, STATE);
  push (self, label, undo_state, undo);
  return TRUE;
}

gboolean
sf_pipeline_advance (SfPipeline  *self,
                     SfDeal      *deal,
                     GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  undo = undo_new (self, deal);
  return change_state (self, deal, C_("undo", "Advance"),
                       sf_store_advance (self->store, deal, error), undo);
}

gboolean
sf_pipeline_move_back (SfPipeline  *self,
                       SfDeal      *deal,
                       const char  *reason,
                       GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  undo = undo_new (self, deal);
  return change_state (self, deal, C_("undo", "Move Back"),
                       sf_store_move_back (self->store, deal, reason, error), undo);
}

gboolean
sf_pipeline_mark_lost (SfPipeline  *self,
                       SfDeal      *deal,
                       const char  *reason,
                       const char  *note,
                       GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  undo = undo_new (self, deal);
  return change_state (self, deal, C_("undo", "Mark as Lost"),
                       sf_store_mark_lost (self->store, deal, reason, note, error), undo);
}

gboolean
sf_pipeline_restore (SfPipeline  *self,
                     SfDeal      *deal,
                     GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  undo = undo_new (self, deal);
  return change_state (self, deal, C_("undo", "Restore"),
                       sf_store_restore (self->store, deal, error), undo);
}

static gboolean
undo_job_done (gpointer   data,
               GError   **error)
{
  Undo *undo = data;

  /* The job may be an object a reload replaced since: read them all. */
  return sf_pipeline_done (undo->pipeline,
                           sf_store_restore_job_done (undo->pipeline->store, undo->deal, undo->job,
                                                      undo->done, undo->done_by, undo->done_at, error),
                           undo->deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS);
}

gboolean
sf_pipeline_set_job_done (SfPipeline  *self,
                          SfDeal      *deal,
                          SfJob       *job,
                          gboolean     done,
                          GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_JOB (job), FALSE);

  undo = undo_new (self, deal);
  undo->job = g_object_ref (job);
  undo->done = sf_job_get_done (job);
  undo->done_by = sf_job_get_done_by (job);
  undo->done_at = sf_job_get_done_at (job);

  if (!sf_pipeline_done (self, sf_store_set_job_done (self->store, deal, job, done, error),
                         deal, job, SF_DEAL_CHANGED_ROW))
    {
      undo_free (undo);
      return FALSE;
    }

  push (self, done ? C_("undo", "Tick Job") : C_("undo", "Untick Job"), undo_job_done, undo);
  return TRUE;
}

static gboolean
undo_remove_job (gpointer   data,
                 GError   **error)
{
  Undo *undo = data;
  g_autoptr(SfJob) again = sf_job_dup (undo->job);

  sf_job_set_id (again, 0);
  return sf_pipeline_done (undo->pipeline, sf_store_add_job (undo->pipeline->store, undo->deal, again, error),
                           undo->deal, again, SF_DEAL_CHANGED_ROW);
}

gboolean
sf_pipeline_remove_job (SfPipeline  *self,
                        SfDeal      *deal,
                        SfJob       *job,
                        GError     **error)
{
  Undo *undo;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  undo = undo_new (self, deal);
  undo->job = sf_job_dup (job);
  if (!sf_pipeline_done (self, sf_store_remove_job (self->store, deal, job, error),
                         deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS))
    {
      undo_free (undo);
      return FALSE;
    }

  push (self, C_("undo", "Remove Job"), undo_remove_job, undo);
  return TRUE;
}

/**
 * sf_pipeline_person_renamed:
 * @person: a person just renamed in the store
 *
 * Shows the new name on the loaded deals @person owns.
 */
void
sf_pipeline_person_renamed (SfPipeline *self,
                            SfPerson   *person)
{
  guint n;

  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (SF_IS_PERSON (person));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->deals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->deals), i);

      if (sf_deal_get_owner_id (deal) == sf_person_get_id (person))
        {
          sf_deal_set_owner_name (deal, sf_person_get_name (person));
          g_list_model_items_changed (G_LIST_MODEL (self->deals), i, 1, 1);
        }
    }
}

/* After an action on figures or requests. An approval ticks or reopens
 * jobs too. */
#define APPROVALS (SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_APPROVALS)

/**
 * sf_pipeline_set_pricing:
 *
 * sf_store_set_pricing(); not undoable: a change that voids an approval
 * is in the ledger for good.
 */
gboolean
sf_pipeline_set_pricing (SfPipeline       *self,
                         SfDeal           *deal,
                         const SfPricing  *pricing,
                         GError          **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return sf_pipeline_done (self, sf_store_set_pricing (self->store, deal, pricing, error),
                           deal, NULL, APPROVALS);
}

/**
 * sf_pipeline_set_roi:
 *
 * sf_store_set_roi(); not undoable.
 */
gboolean
sf_pipeline_set_roi (SfPipeline   *self,
                     SfDeal       *deal,
                     const SfRoi  *roi,
                     GError      **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return sf_pipeline_done (self, sf_store_set_roi (self->store, deal, roi, error), deal, NULL, APPROVALS);
}

/**
 * sf_pipeline_request_approval:
 * @out_request: (out) (optional) (transfer full): the new request
 *
 * sf_store_request_approval(); the person using Salesflow asks.
 */
gboolean
sf_pipeline_request_approval (SfPipeline          *self,
                              SfDeal              *deal,
                              SfApprovalKind       kind,
                              gint64               addressed_to,
                              const char          *note,
                              SfApprovalRequest  **out_request,
                              GError             **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);

  return sf_pipeline_done (self,
                           sf_store_request_approval (self->store, deal, kind, addressed_to, note,
                                                      out_request, error),
                           deal, NULL, APPROVALS);
}

/**
 * sf_pipeline_decide:
 *
 * sf_store_decide() on the loaded deal of @request, which is brought up
 * to date.
 */
gboolean
sf_pipeline_decide (SfPipeline         *self,
                    SfApprovalRequest  *request,
                    gint64              manager_id,
                    const char         *passphrase,
                    gboolean            approve,
                    const char         *comment,
                    GError            **error)
{
  SfDeal *deal;

  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);

  deal = sf_pipeline_lookup_deal (self, sf_approval_request_get_deal_id (request));
  return sf_pipeline_done (self,
                           sf_store_decide (self->store, request, deal, manager_id, passphrase, approve,
                                            comment, error),
                           deal, NULL, APPROVALS);
}

/**
 * sf_pipeline_recall_request:
 *
 * sf_store_recall_request(); the person using Salesflow recalls.
 */
gboolean
sf_pipeline_recall_request (SfPipeline         *self,
                            SfApprovalRequest  *request,
                            GError            **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), FALSE);

  return sf_pipeline_done (self, sf_store_recall_request (self->store, request, error),
                           sf_pipeline_lookup_deal (self, sf_approval_request_get_deal_id (request)),
                           NULL, APPROVALS);
}

/* Customer satisfaction. Neither action is undoable: an answer or a verdict
 * records what a customer said, and a verdict is corrected by recording
 * another one (the history keeps both). */

/**
 * sf_pipeline_record_feedback:
 * @deal: a deal closed and won
 * @feedback: a new answer; on success it has its id
 *
 * Records a customer's answer (sf_store_record_feedback()) and tells the
 * views: the deal's history and its follow-ups changed.
 */
gboolean
sf_pipeline_record_feedback (SfPipeline  *self,
                             SfDeal      *deal,
                             SfFeedback  *feedback,
                             GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (SF_IS_FEEDBACK (feedback), FALSE);

  return sf_pipeline_done (self, sf_store_record_feedback (self->store, deal, feedback, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_SATISFACTION);
}

/**
 * sf_pipeline_record_verdict:
 * @deal: a deal closed and won
 * @verdict: %SF_VERDICT_SUCCESS or %SF_VERDICT_FAILURE
 * @reason: why; required
 *
 * Records the verdict (sf_store_record_verdict()), which completes the
 * Closed stage's satisfaction job, so views holding the deal's jobs are
 * told to reload them.
 */
gboolean
sf_pipeline_record_verdict (SfPipeline  *self,
                            SfDeal      *deal,
                            SfVerdict    verdict,
                            const char  *reason,
                            GError     **error)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SF_IS_DEAL (deal), FALSE);

  return sf_pipeline_done (self, sf_store_record_verdict (self->store, deal, verdict, reason, error),
                           deal, NULL, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_SATISFACTION);
}
