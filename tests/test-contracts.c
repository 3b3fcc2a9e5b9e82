/* test-contracts.c — the promises the views build on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views redraw on property notifies and on items-changed, nothing
 * else, so these are contracts: a real change of an SfDeal or SfJob
 * property notifies exactly once and setting a value again notifies
 * nothing; a committed change reaches an open deal's models in place,
 * the same way whether it was made through the pipeline or by another
 * connection to the file (sf_pipeline_reload_deal()); the store, the
 * pipeline and the details they hand out are freed when let go.
 */
#include "config.h"

#include "sf-pipeline.h"
#include "sf-test-util.h"

/* Notifies. Each property is changed through its C setter, as the store
 * and the pipeline change it, and through g_object_set_property(), as
 * bindings do. (GObject folds a property's notifies into one while it
 * sets it: only the setter shows a second notify.) */

#define SETTER(name, call) \
  static void name (gpointer object, gpointer data) { call; }

SETTER (deal_title, sf_deal_set_title (object, data))
SETTER (deal_customer, sf_deal_set_customer (object, data))
SETTER (deal_contact_name, sf_deal_set_contact_name (object, data))
SETTER (deal_contact_email, sf_deal_set_contact_email (object, data))
SETTER (deal_contact_phone, sf_deal_set_contact_phone (object, data))
SETTER (deal_owner_id, sf_deal_set_owner_id (object, GPOINTER_TO_INT (data)))
SETTER (deal_owner_name, sf_deal_set_owner_name (object, data))
SETTER (deal_value, sf_deal_set_value (object, data))
SETTER (deal_expected_close, sf_deal_set_expected_close (object, GPOINTER_TO_UINT (data)))
SETTER (deal_probability, sf_deal_set_probability (object, GPOINTER_TO_INT (data)))
SETTER (deal_notes, sf_deal_set_notes (object, data))
SETTER (deal_state, sf_deal_set_state (object, data))
SETTER (deal_updated_at, sf_deal_set_updated_at (object, GPOINTER_TO_INT (data)))
SETTER (deal_progress, sf_deal_set_progress (object, 2, 5))
SETTER (job_title, sf_job_set_title (object, data))
SETTER (job_required, sf_job_set_required (object, GPOINTER_TO_INT (data)))
SETTER (job_due, sf_job_set_due (object, GPOINTER_TO_UINT (data)))
SETTER (job_note, sf_job_set_note (object, data))
SETTER (job_extra, sf_job_set_extra (object, GPOINTER_TO_INT (data)))
SETTER (job_position, sf_job_set_position (object, GPOINTER_TO_INT (data)))
SETTER (job_id, sf_job_set_id (object, GPOINTER_TO_INT (data)))
SETTER (job_done, sf_job_set_done (object, TRUE, 3, 1000))

#define ALSO(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Through g_object_set_property(), to the value the setter left. */
static void
check_property (gpointer            object,
                const char         *property,
                const char * const *also)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) before = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  /* A boxed value has no default to go back to. */
  if (!(pspec->flags & G_PARAM_WRITABLE) || G_TYPE_IS_BOXED (pspec->value_type))
    return;

  /* Back to the default, then to the value again: each a real change. */
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  g_value_init (&before, pspec->value_type);
  g_param_value_set_default (pspec, &before);
  g_object_set_property (object, property, &before);
  sf_test_check_property_contract (object, property, &value, also);
}

static void
test_deal_notifies (void)
{
  g_autoptr(SfDeal) deal = sf_deal_new ();
  SfMoney eur, nok;
  SfDealState lost = {
    .stage = SF_STAGE_QUALIFIED, .status = SF_DEAL_STATUS_LOST,
    .stage_entered_at = 100, .closed_at = 200, .lost_reason = "price", .lost_note = "Chose a rival",
  };
  const struct {
    const char *property;
    void (*set) (gpointer, gpointer);
    gpointer value;
    const char * const *also;
  } cases[] = {
    { "title", deal_title, "Fleet charging" },
    { "customer", deal_customer, "Nordlys Energi AS" },
    { "contact-name", deal_contact_name, "Kari Nordmann" },
    { "contact-email", deal_contact_email, "kari@example.com" },
    { "contact-phone", deal_contact_phone, "+47 22 00 00 00" },
    { "owner-id", deal_owner_id, GINT_TO_POINTER (7) },
    { "owner-name", deal_owner_name, "Lena Berg" },
    { "value", deal_value, &eur, ALSO ("amount") },
    /* Another currency, the same amount: the amount does not notify. */
    { "value", deal_value, &nok },
    { "expected-close", deal_expected_close, GUINT_TO_POINTER (2461000) },
    { "probability", deal_probability, GINT_TO_POINTER (40) },
    { "notes", deal_notes, "Call back in May" },
    { "lost-note", deal_state, &lost,
      ALSO ("stage", "status", "stage-entered-at", "closed-at", "lost-reason") },
    { "updated-at", deal_updated_at, GINT_TO_POINTER (1000) },
    { "progress-done", deal_progress, NULL, ALSO ("progress-required") },
  };

  sf_money_init (&eur, 150000, "EUR");
  sf_money_init (&nok, 150000, "NOK");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sf_test_check_notify_contract (deal, cases[i].property, cases[i].set, cases[i].value, cases[i].also);
      check_property (deal, cases[i].property, cases[i].also);
    }
}

static void
test_job_notifies (void)
{
  g_autoptr(SfJob) job = sf_job_new (1, SF_STAGE_PROSPECT, NULL, "Meet the buyer", SF_JOB_KIND_MANUAL, TRUE);
  const struct {
    const char *property;
    void (*set) (gpointer, gpointer);
    gpointer value;
    const char * const *also;
  } cases[] = {
    { "title", job_title, "Meet the buyers", ALSO ("display-title") },
    { "required", job_required, GINT_TO_POINTER (FALSE) },
    { "due", job_due, GUINT_TO_POINTER (2461000) },
    { "note", job_note, "Bring the contract" },
    { "extra", job_extra, GINT_TO_POINTER (TRUE) },
    { "position", job_position, GINT_TO_POINTER (4) },
    { "id", job_id, GINT_TO_POINTER (12) },
    { "done", job_done, NULL, ALSO ("done-by", "done-at") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sf_test_check_notify_contract (job, cases[i].property, cases[i].set, cases[i].value, cases[i].also);
      check_property (job, cases[i].property, cases[i].also);
    }
}

/* Assigning the committed state, as the pipeline does after each commit,
 * notifies what changed and only that. */
static void
test_assign_notifies (void)
{
  g_autoptr(SfJob) job = sf_job_new (1, SF_STAGE_PROSPECT, NULL, "Meet the buyer", SF_JOB_KIND_MANUAL, TRUE);
  g_autoptr(SfJob) same = sf_job_dup (job);
  g_autoptr(SfJob) ticked = sf_job_dup (job);
  g_autoptr(SfDeal) deal = sf_deal_new ();
  g_autoptr(SfDeal) copy = NULL;
  g_autoptr(GHashTable) counts = NULL;

  counts = sf_test_count_notifies (job);
  sf_job_assign (job, same);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  sf_job_set_done (ticked, TRUE, 3, 1000);
  sf_job_assign (job, ticked);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);
  g_assert_cmpuint (sf_test_notified (counts, "done"), ==, 1);
  g_assert_cmpuint (sf_test_notified (counts, "done-at"), ==, 1);

  sf_deal_set_title (deal, "Fleet charging");
  copy = sf_deal_dup (deal);
  g_clear_pointer (&counts, g_hash_table_unref);
  counts = sf_test_count_notifies (deal);
  sf_deal_assign (deal, copy);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  sf_deal_set_customer (copy, "Nordlys Energi AS");
  sf_deal_assign (deal, copy);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (sf_test_notified (counts, "customer"), ==, 1);
}

/* The open deal's models */

typedef struct
{
  char *dir;
  SfStore *store;
  SfPipeline *pipeline;
  SfDeal *deal;             /* the pipeline's */
  SfDealDetails *details;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SfPerson) me = NULL;
  g_autoptr(SfDeal) stored = NULL;
  g_autoptr(GError) error = NULL;

  f->store = sf_test_open_store (&f->dir);
  me = sf_store_add_person (f->store, "Lena Berg", SF_ROLE_SALES, NULL);
  sf_store_set_actor (f->store, sf_person_get_id (me));
  stored = sf_test_create_deal (f->store, "Fleet charging", "Nordlys Energi AS", 100000, "EUR");
  f->pipeline = sf_pipeline_new (f->store);
  g_assert_true (sf_pipeline_load_sync (f->pipeline, &error));
  f->deal = sf_pipeline_lookup_deal (f->pipeline, sf_deal_get_id (stored));
  f->details = sf_pipeline_open_deal (f->pipeline, f->deal, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->details);
  g_assert_finalize_object (f->pipeline);
  g_assert_finalize_object (f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SfJob *
job_of (Fixture    *f,
        const char *key)
{
  g_autoptr(GPtrArray) jobs = sf_deal_details_dup_jobs (f->details);

  return sf_deal_details_find_job (f->details, sf_job_get_id (sf_test_find_job (jobs, key)));
}

/* One tick through the pipeline: the job object in the model changes
 * (each of its properties once), one history entry is inserted, the
 * details say so once, and no other job or list moves. */
static void
test_tick_applies_in_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfJob *job = job_of (f, "prospect-found");
  g_autoptr(GHashTable) job_notifies = sf_test_count_notifies (job);
  g_autoptr(GHashTable) details_notifies = sf_test_count_notifies (f->details);
  guint history = g_list_model_get_n_items (sf_deal_details_get_history (f->details));
  guint n_jobs = g_list_model_get_n_items (sf_deal_details_get_jobs (f->details));
  SfTestSqlCount sql;

  sf_test_count_sql (f->store, &sql);
  g_assert_true (sf_pipeline_set_job_done (f->pipeline, f->deal, job, TRUE, &error));
  sf_test_count_sql (f->store, NULL);
  g_assert_no_error (error);

  g_assert_true (sf_job_get_done (job));
  g_assert_cmpuint (sf_test_notified (job_notifies, "done"), ==, 1);
  g_assert_cmpuint (sf_test_notified (job_notifies, "done-by"), ==, 1);
  g_assert_cmpuint (sf_test_notified (job_notifies, "done-at"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (job_notifies), ==, 3);
  g_assert_cmpuint (sf_test_notified (details_notifies, "revision"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (details_notifies), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_deal_details_get_jobs (f->details)), ==, n_jobs);
  g_assert_cmpuint (g_list_model_get_n_items (sf_deal_details_get_history (f->details)), ==, history + 1);
  /* One write transaction, and one read for the history it wrote. */
  g_assert_cmpuint (sql.writes, ==, 1);
  g_assert_cmpuint (sql.reads, ==, 1);
}

/* A tick made through another connection to the file, as another desktop
 * would: sf_pipeline_reload_deal() brings the same models up to date the
 * same way. */
static void
test_change_elsewhere_applies_in_place (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) other = sf_store_open (sf_store_get_path (f->store), &error);
  g_autoptr(SfDeal) their_deal = NULL;
  g_autoptr(GPtrArray) their_jobs = NULL;
  g_autoptr(GHashTable) job_notifies = NULL;
  g_autoptr(GHashTable) details_notifies = sf_test_count_notifies (f->details);
  g_autoptr(GHashTable) deal_notifies = sf_test_count_notifies (f->deal);
  SfJob *job = job_of (f, "prospect-found");
  guint history = g_list_model_get_n_items (sf_deal_details_get_history (f->details));

  g_assert_no_error (error);
  job_notifies = sf_test_count_notifies (job);
  sf_store_set_actor (other, sf_store_get_actor (f->store));
  their_deal = sf_store_get_deal (other, sf_deal_get_id (f->deal), &error);
  their_jobs = sf_store_list_jobs (other, sf_deal_get_id (f->deal), &error);
  g_assert_true (sf_store_set_job_done (other, their_deal, sf_test_find_job (their_jobs, "prospect-found"),
                                        TRUE, &error));
  g_assert_true (sf_store_set_deal_text (other, their_deal, SF_DEAL_FIELD_TITLE, "Fleet charging, phase 2",
                                         &error));
  g_assert_no_error (error);

  /* Nothing moves until the pipeline hears of it. */
  g_assert_false (sf_job_get_done (job));
  g_assert_true (sf_pipeline_reload_deal (f->pipeline, sf_deal_get_id (f->deal), &error));
  g_assert_no_error (error);

  g_assert_true (sf_job_get_done (job));
  g_assert_cmpuint (sf_test_notified (job_notifies, "done"), ==, 1);
  g_assert_cmpstr (sf_deal_get_title (f->deal), ==, "Fleet charging, phase 2");
  g_assert_cmpuint (sf_test_notified (deal_notifies, "title"), ==, 1);
  g_assert_cmpuint (sf_test_notified (details_notifies, "revision"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_deal_details_get_history (f->details)), ==, history + 2);
  g_assert_true (sf_deal_details_find_job (f->details, sf_job_get_id (job)) == job);

  /* Read again with nothing new: nothing is added twice. */
  g_assert_true (sf_pipeline_reload_deal (f->pipeline, sf_deal_get_id (f->deal), &error));
  g_assert_cmpuint (g_list_model_get_n_items (sf_deal_details_get_history (f->details)), ==, history + 2);
  g_assert_cmpuint (sf_test_notified (job_notifies, "done"), ==, 1);
}

/* Deleted elsewhere: the deal leaves the lists. */
static void
test_deleted_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) other = sf_store_open (sf_store_get_path (f->store), &error);
  g_autoptr(SfDeal) their_deal = sf_store_get_deal (other, sf_deal_get_id (f->deal), &error);
  gint64 id = sf_deal_get_id (f->deal);

  g_assert_true (sf_store_delete_deal (other, their_deal, &error));
  g_assert_true (sf_pipeline_reload_deal (f->pipeline, id, &error));
  g_assert_no_error (error);
  g_assert_null (sf_pipeline_lookup_deal (f->pipeline, id));
  g_assert_cmpuint (g_list_model_get_n_items (sf_pipeline_get_deals (f->pipeline)), ==, 0);
}

/* Undo goes the same way: the unticked job is the same object. */
static void
test_undo_applies_in_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfJob *job = job_of (f, "prospect-found");
  g_autoptr(GHashTable) details_notifies = sf_test_count_notifies (f->details);

  g_assert_true (sf_pipeline_set_job_done (f->pipeline, f->deal, job, TRUE, &error));
  g_assert_true (sf_pipeline_undo (f->pipeline, &error));
  g_assert_no_error (error);
  g_assert_false (sf_job_get_done (job));
  g_assert_cmpuint (sf_test_notified (details_notifies, "revision"), ==, 2);
}

/* Views of one deal share its details; let go, they are freed and the
 * pipeline forgets them. */
static void
test_details_shared (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDealDetails *again = sf_pipeline_open_deal (f->pipeline, f->deal, &error);
  SfDealDetails *fresh;

  g_assert_true (again == f->details);
  g_object_unref (again);

  g_assert_finalize_object (f->details);
  fresh = sf_pipeline_open_deal (f->pipeline, f->deal, &error);
  g_assert_no_error (error);
  f->details = fresh;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contracts/deal-notifies", test_deal_notifies);
  g_test_add_func ("/contracts/job-notifies", test_job_notifies);
  g_test_add_func ("/contracts/assign-notifies", test_assign_notifies);
  g_test_add ("/contracts/tick-applies-in-place", Fixture, NULL,
              fixture_set_up, test_tick_applies_in_place, fixture_tear_down);
  g_test_add ("/contracts/change-elsewhere-applies-in-place", Fixture, NULL,
              fixture_set_up, test_change_elsewhere_applies_in_place, fixture_tear_down);
  g_test_add ("/contracts/deleted-elsewhere", Fixture, NULL,
              fixture_set_up, test_deleted_elsewhere, fixture_tear_down);
  g_test_add ("/contracts/undo-applies-in-place", Fixture, NULL,
              fixture_set_up, test_undo_applies_in_place, fixture_tear_down);
  g_test_add ("/contracts/details-shared", Fixture, NULL,
              fixture_set_up, test_details_shared, fixture_tear_down);

  return g_test_run ();
}
