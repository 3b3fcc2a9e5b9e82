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
  N_PROPS
};

enum {
  LOAD_FAILED,
  JOBS_CHANGED,
  SETTINGS_CHANGED,
  APPROVALS_CHANGED,
  SATISFACTION_CHANGED,
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

  g_clear_object (&self->deals);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    g_clear_object (&self->columns[s]);
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

  /**
   * SfPipeline::jobs-changed:
   * @deal: the deal whose checklist changed
   *
   * Emitted when a deal's jobs changed by something other than the view
   * showing them, such as undo; views holding its jobs reload them.
   */
  /**
   * SfPipeline::settings-changed:
   *
   * The team's settings (stage probabilities) were read again.
   */
  signals[SETTINGS_CHANGED] =
    g_signal_new ("settings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[JOBS_CHANGED] =
    g_signal_new ("jobs-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SF_TYPE_DEAL);

  /**
   * SfPipeline::approvals-changed:
   * @deal: (nullable): the deal whose figures or requests changed, or
   *   %NULL when it may be any (another person uses Salesflow now)
   *
   * Views showing figures, requests, the ledger or the deal's checklist
   * (an approval ticks a job, a voided one reopens it) read them again.
   */
  signals[APPROVALS_CHANGED] =
    g_signal_new ("approvals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SF_TYPE_DEAL);

  /**
   * SfPipeline::satisfaction-changed:
   * @deal: the closed deal that got an answer or a verdict
   *
   * Views of customer satisfaction read their figures again.
   */
  signals[SATISFACTION_CHANGED] =
    g_signal_new ("satisfaction-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SF_TYPE_DEAL);
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
 * sf_pipeline_get_store:
 *
 * The store underneath, for tools and tests: the views change nothing
 * through it and read nothing from it (the security suite checks).
 *
 * Returns: (transfer none): the store
 */
SfStore *
sf_pipeline_get_store (SfPipeline *self)
{
  g_return_val_if_fail (SF_IS_PIPELINE (self), NULL);
  return self->store;
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
  sf_store_set_actor (self->store, person_id);
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

  g_signal_emit (self, signals[SETTINGS_CHANGED], 0);
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

  split_columns (deals, columns);
  sf_deal_list_take_all (self->deals, deals);
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      sf_deal_list_set_all (self->columns[s], columns[s]);
      g_ptr_array_unref (columns[s]);
    }

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

  take_deals (self, g_steal_pointer (&deals));
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

/**
 * sf_pipeline_committed:
 * @deal: (nullable): the deal changed, or %NULL when it may be any
 * @changes: what the change touched
 *
 * Tells the views of a committed change: the one place the pipeline's
 * actions announce what they did.
 */
void
sf_pipeline_committed (SfPipeline    *self,
                       SfDeal        *deal,
                       SfDealChanges  changes)
{
  if (deal != NULL && (changes & SF_DEAL_CHANGED_ROW))
    sf_pipeline_deal_changed (self, deal);
  if (deal != NULL && (changes & SF_DEAL_CHANGED_JOBS))
    g_signal_emit (self, signals[JOBS_CHANGED], 0, deal);
  if (changes & SF_DEAL_CHANGED_APPROVALS)
    g_signal_emit (self, signals[APPROVALS_CHANGED], 0, deal);
  if (changes & SF_DEAL_CHANGED_SATISFACTION)
    g_signal_emit (self, signals[SATISFACTION_CHANGED], 0, deal);
}

/* Ends an action: announces it when the store did it. */
gboolean
sf_pipeline_done (SfPipeline    *self,
                  gboolean       ok,
                  SfDeal        *deal,
                  SfDealChanges  changes)
{
  if (ok)
    sf_pipeline_committed (self, deal, changes);
  return ok;
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
                           undo->deal, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS);
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

static gboolean
undo_create (gpointer   data,
             GError   **error)
{
  Undo *undo = data;

  if (!sf_store_delete_deal (undo->pipeline->store, undo->deal, error))
    return FALSE;

  remove_deal (undo->pipeline, undo->deal);
  return TRUE;
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

  if (!sf_store_create_deal (self->store, deal, error))
    return FALSE;

  add_deal (self, deal);
  /* Translators: the label of an undo entry */
  push (self, C_("undo", "Create Deal"), undo_create, undo_new (self, deal));
  return TRUE;
}

static gboolean
undo_delete (gpointer   data,
             GError   **error)
{
  Undo *undo = data;

  if (!sf_store_undelete_deal (undo->pipeline->store, undo->deal, error))
    return FALSE;

  add_deal (undo->pipeline, undo->deal);
  return TRUE;
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
  if (!sf_store_delete_deal (self->store, deal, error))
    return FALSE;

  remove_deal (self, deal);
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

  sf_pipeline_deal_changed (self, deal);
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

  return sf_pipeline_done (undo->pipeline,
                           sf_store_restore_job_done (undo->pipeline->store, undo->deal, undo->job,
                                                      undo->done, undo->done_by, undo->done_at, error),
                           undo->deal, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS);
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

  if (!sf_store_set_job_done (self->store, deal, job, done, error))
    {
      undo_free (undo);
      return FALSE;
    }

  sf_pipeline_deal_changed (self, deal);
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
                           undo->deal, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS);
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
  if (!sf_store_remove_job (self->store, deal, job, error))
    {
      undo_free (undo);
      return FALSE;
    }

  sf_pipeline_deal_changed (self, deal);
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

/**
 * sf_pipeline_approvals_changed:
 * @deal: (nullable): the deal concerned, or %NULL for any
 *
 * Announces a change to figures, requests or decisions made outside the
 * wrappers below, such as a deal's value (part of its pricing).
 */
void
sf_pipeline_approvals_changed (SfPipeline *self,
                               SfDeal     *deal)
{
  g_return_if_fail (SF_IS_PIPELINE (self));
  g_return_if_fail (deal == NULL || SF_IS_DEAL (deal));

  g_signal_emit (self, signals[APPROVALS_CHANGED], 0, deal);
}

/* After an action on figures or requests. An approval ticks or reopens
 * jobs too: views showing the deal's checklist read it again on
 * ::approvals-changed. */
#define APPROVALS (SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_APPROVALS)

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
                           deal, APPROVALS);
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

  return sf_pipeline_done (self, sf_store_set_roi (self->store, deal, roi, error), deal, APPROVALS);
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
                           deal, APPROVALS);
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
                           deal, APPROVALS);
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
                           APPROVALS);
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
                           deal, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_SATISFACTION);
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
                           deal, SF_DEAL_CHANGED_ROW | SF_DEAL_CHANGED_JOBS | SF_DEAL_CHANGED_SATISFACTION);
}
