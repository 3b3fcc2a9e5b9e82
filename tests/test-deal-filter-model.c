/* test-deal-filter-model.c — the deal list's filter model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SfDealFilterModel must show exactly what GtkFilterListModel with the
 * same filter shows, in the same order, and its items-changed signals
 * must let a view that only follows them (as GtkColumnView does) hold the
 * same list. Random searches, filters and edits check both against GTK's
 * model, over the deal list itself and over a sort model.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "sf-deal-filter-model.h"
#include "sf-deal-list.h"

static const char * const words[] = {
  "Fjord", "Berg", "Müller", "Søhne", "Dashboard", "Kobber", "Fisch", "Åsen", "Haugen", "Weiß",
};

typedef struct
{
  GRand *rand;
  SfDealList *list;
  GtkSortListModel *sorted;
  SfDealFilter *filter;
  SfDealFilterModel *model;
  GtkFilterListModel *oracle;
  GPtrArray *mirror;      /* what a view following items-changed holds */
  gint64 next_id;
  guint emissions;
} Fixture;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (model));
  fixture->emissions++;
}

static SfDeal *
random_deal (Fixture *fixture)
{
  g_autofree char *title = g_strdup_printf ("%s %s", words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))],
                                            words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))]);
  SfDealRow row = {
    .id = fixture->next_id++,
    .title = title,
    .customer = words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))],
    .currency = "EUR",
    .owner_id = g_rand_int_range (fixture->rand, 1, 4),
    .stage = g_rand_int_range (fixture->rand, SF_STAGE_FIRST, SF_STAGE_LAST + 1),
    .status = g_rand_int_range (fixture->rand, 0, 3),
    .lost_reason = "price",
    .probability = -1,
    .stage_entered_at = g_rand_int_range (fixture->rand, 0, 100) * 86400,
  };

  return sf_deal_new_from_row (&row);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  SfDeal *x = (SfDeal *) a, *y = (SfDeal *) b;
  int c = g_strcmp0 (sf_deal_get_title (x), sf_deal_get_title (y));

  if (c == 0)
    c = sf_deal_get_id (x) < sf_deal_get_id (y) ? -1 : sf_deal_get_id (x) > sf_deal_get_id (y);
  return c;
}

/* @list: (transfer full): the deal list to fill */
static void
fixture_set_up_on (Fixture    *fixture,
                   guint32     seed,
                   guint       n,
                   SfDealList *list)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->rand = g_rand_new_with_seed (seed);
  fixture->next_id = 1;
  fixture->list = list;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (deals, random_deal (fixture));
  sf_deal_list_set_all (fixture->list, deals);
  fixture->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (fixture->list)),
                                             GTK_SORTER (gtk_custom_sorter_new (compare_titles, NULL, NULL)));
  fixture->filter = sf_deal_filter_new ();
  sf_deal_filter_set_now (fixture->filter, 100 * 86400);
  fixture->model = sf_deal_filter_model_new (G_LIST_MODEL (fixture->list), fixture->filter);
  fixture->oracle = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fixture->list)),
                                               GTK_FILTER (g_object_ref (fixture->filter)));
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (mirror_changed_cb), fixture);
}

static void
fixture_set_up (Fixture *fixture,
                guint32  seed,
                guint    n)
{
  fixture_set_up_on (fixture, seed, n, sf_deal_list_new ());
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_signal_handlers_disconnect_by_data (fixture->model, fixture);
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->oracle);
  g_clear_object (&fixture->sorted);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->list);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
  g_clear_pointer (&fixture->rand, g_rand_free);
}

/* The model, GTK's model and the mirror hold the same deals in the same
 * order, and find() agrees with GTK's positions. */
static void
assert_agree (Fixture    *fixture,
              const char *step)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  GListModel *oracle = G_LIST_MODEL (fixture->oracle);
  GListModel *source = sf_deal_filter_model_get_source (fixture->model);
  guint n = g_list_model_get_n_items (oracle);

  if (g_list_model_get_n_items (model) != n)
    g_error ("after %s: %u deals shown, GTK shows %u", step, g_list_model_get_n_items (model), n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfDeal) mine = g_list_model_get_item (model, i);
      g_autoptr(SfDeal) gtk = g_list_model_get_item (oracle, i);

      if (mine != gtk)
        g_error ("after %s: row %u is deal %" G_GINT64_FORMAT ", GTK shows %" G_GINT64_FORMAT,
                 step, i, sf_deal_get_id (mine), sf_deal_get_id (gtk));
      g_assert_true (g_ptr_array_index (fixture->mirror, i) == mine);
    }
  g_assert_null (g_list_model_get_item (model, n));

  /* find(): a few deals of the source, shown or not */
  for (int k = 0; k < 5 && g_list_model_get_n_items (source) > 0; k++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (source, g_rand_int_range (fixture->rand, 0, g_list_model_get_n_items (source)));
      gboolean shown = gtk_filter_match (GTK_FILTER (fixture->filter), deal);
      guint position = G_MAXUINT;

      g_assert_cmpint (sf_deal_filter_model_find (fixture->model, deal, &position), ==, shown);
      if (shown)
        {
          g_autoptr(SfDeal) there = g_list_model_get_item (oracle, position);

          g_assert_true (there == deal);
        }
    }
}

static char *
random_query (Fixture *fixture)
{
  const char *word = words[g_rand_int_range (fixture->rand, 0, G_N_ELEMENTS (words))];
  g_autofree char *prefix = g_utf8_substring (word, 0, g_rand_int_range (fixture->rand, 1, g_utf8_strlen (word, -1) + 1));

  if (g_rand_boolean (fixture->rand))
    return g_steal_pointer (&prefix);
  return g_strdup_printf ("%s %c", prefix, 'a' + g_rand_int_range (fixture->rand, 0, 26));
}

/* One thing a user or the pipeline does. */
static const char *
random_step (Fixture *fixture,
             GString *query)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->list));

  switch (g_rand_int_range (fixture->rand, 0, 12))
    {
    case 0: case 1: case 2:
      /* typing on, or taking a letter back */
      if (query->len > 0 && g_rand_int_range (fixture->rand, 0, 3) == 0)
        g_string_truncate (query, g_utf8_prev_char (query->str + query->len) - query->str);
      else if (query->len == 0 || g_rand_int_range (fixture->rand, 0, 4) == 0)
        {
          g_autofree char *fresh = random_query (fixture);

          g_string_assign (query, fresh);
        }
      else
        g_string_append_c (query, 'a' + g_rand_int_range (fixture->rand, 0, 26));
      sf_deal_filter_set_query (fixture->filter, query->str);
      return "a keystroke";
    case 3:
      g_string_truncate (query, 0);
      sf_deal_filter_set_query (fixture->filter, "");
      return "clearing the search";
    case 4:
      sf_deal_filter_set_stage (fixture->filter, g_rand_int_range (fixture->rand, -1, SF_STAGE_LAST + 1));
      return "the stage filter";
    case 5:
      sf_deal_filter_set_status (fixture->filter, g_rand_int_range (fixture->rand, -1, 3));
      return "the status filter";
    case 6:
      sf_deal_filter_set_owner (fixture->filter, g_rand_int_range (fixture->rand, 0, 4));
      sf_deal_filter_set_stale (fixture->filter, g_rand_boolean (fixture->rand) ? 0 : 30);
      return "mine and stale";
    case 7:
      {
        g_autoptr(SfDeal) deal = random_deal (fixture);

        sf_deal_list_add (fixture->list, deal);
        return "a new deal";
      }
    case 8:
      if (n > 0)
        {
          g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (fixture->list), g_rand_int_range (fixture->rand, 0, n));

          sf_deal_list_remove (fixture->list, deal);
        }
      return "a deal deleted";
    case 9:
    case 10:
      if (n > 0)
        {
          g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (fixture->list), g_rand_int_range (fixture->rand, 0, n));
          g_autoptr(SfDeal) other = random_deal (fixture);

          sf_deal_set_title (deal, sf_deal_get_title (other));
          sf_deal_set_owner_id (deal, sf_deal_get_owner_id (other));
          sf_deal_list_changed (fixture->list, deal);
        }
      return "a deal edited";
    default:
      {
        GListModel *source = sf_deal_filter_model_get_source (fixture->model) == G_LIST_MODEL (fixture->list)
                             ? G_LIST_MODEL (fixture->sorted) : G_LIST_MODEL (fixture->list);

        sf_deal_filter_model_set_source (fixture->model, source);
        gtk_filter_list_model_set_model (fixture->oracle, source);
        return "sorting switched";
      }
    }
}

static void
test_agrees_with_gtk (void)
{
  for (guint32 seed = 1; seed <= 8; seed++)
    {
      Fixture fixture = { 0 };
      g_autoptr(GString) query = g_string_new (NULL);

      fixture_set_up (&fixture, seed, 400);
      assert_agree (&fixture, "the start");
      for (int step = 0; step < 400; step++)
        {
          const char *what = random_step (&fixture, query);

          assert_agree (&fixture, what);
        }
      fixture_tear_down (&fixture);
    }
}

/* A keystroke that makes the search stricter tells the view only the
 * span that changed, and one that changes nothing tells it nothing. */
static void
test_signals_only_what_changed (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SfDeal) first = NULL;
  g_autoptr(SfDeal) last = NULL;
  guint position;

  fixture_set_up (&fixture, 42, 50);
  /* every deal a "Berg" but the first and last, which are "Fjord" too */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (fixture.list), i);

      sf_deal_set_title (deal, i == 0 || i == 49 ? "Fjord Berg" : "Berg");
      sf_deal_set_customer (deal, "");
      sf_deal_list_changed (fixture.list, deal);
    }
  first = g_list_model_get_item (G_LIST_MODEL (fixture.list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (fixture.list), 49);

  fixture.emissions = 0;
  sf_deal_filter_set_query (fixture.filter, "berg");
  g_assert_cmpuint (fixture.emissions, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.model)), ==, 50);

  sf_deal_filter_set_query (fixture.filter, "fjord");
  g_assert_cmpuint (fixture.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.model)), ==, 2);
  g_assert_true (sf_deal_filter_model_find (fixture.model, last, &position));
  g_assert_cmpuint (position, ==, 1);
  assert_agree (&fixture, "fjord");

  /* an edit of a deal not shown, which still does not match, says nothing */
  fixture.emissions = 0;
  {
    g_autoptr(SfDeal) middle = g_list_model_get_item (G_LIST_MODEL (fixture.list), 20);

    sf_deal_set_title (middle, "Berg Nord");
    sf_deal_list_changed (fixture.list, middle);
  }
  g_assert_cmpuint (fixture.emissions, ==, 0);

  /* deleting the first shown deal: one removal at its place */
  sf_deal_list_remove (fixture.list, first);
  g_assert_cmpuint (fixture.emissions, ==, 1);
  g_assert_false (sf_deal_filter_model_find (fixture.model, first, &position));
  g_assert_true (sf_deal_filter_model_find (fixture.model, last, &position));
  g_assert_cmpuint (position, ==, 0);
  assert_agree (&fixture, "a deletion");

  fixture_tear_down (&fixture);
}

/* The model and the mirror hold exactly the list's deals the filter
 * matches, in the list's order. */
static void
assert_shows_matching (Fixture *fixture)
{
  GListModel *list = G_LIST_MODEL (fixture->list);
  GListModel *model = G_LIST_MODEL (fixture->model);
  guint k = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (list, i);
      g_autoptr(SfDeal) shown = NULL;

      if (!sf_deal_filter_matches (fixture->filter, deal))
        continue;
      shown = g_list_model_get_item (model, k);
      g_assert_true (shown == deal);
      g_assert_true (g_ptr_array_index (fixture->mirror, k) == deal);
      k++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, k);
  g_assert_cmpuint (fixture->mirror->len, ==, k);
}

static void
change_filter_first_cb (GListModel *list,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Fixture    *fixture)
{
  /* the filter changes while the list tells of its change, before the
   * model has heard of it */
  if (fixture->filter != NULL)
    sf_deal_filter_set_query (fixture->filter, g_rand_boolean (fixture->rand) ? "berg" : "");
}

/* A handler of the deal list that runs before the model's and changes the
 * filter: the model must still end up showing what GTK's model shows. */
static void
test_filter_changed_during_change (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SfDealList) list = sf_deal_list_new ();

  /* connect before the fixture's models connect to the list */
  fixture.list = list;
  fixture.rand = g_rand_new_with_seed (7);
  g_signal_connect (list, "items-changed", G_CALLBACK (change_filter_first_cb), &fixture);
  fixture.list = NULL;
  g_clear_pointer (&fixture.rand, g_rand_free);
  fixture_set_up_on (&fixture, 7, 100, g_object_ref (list));
  for (int i = 0; i < 60; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture.list));
      g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (fixture.list), g_rand_int_range (fixture.rand, 0, n));

      if (i % 3 == 2)
        {
          g_autoptr(SfDeal) fresh = random_deal (&fixture);

          sf_deal_list_add (fixture.list, fresh);
        }
      else
        sf_deal_list_remove (fixture.list, deal);
      /* GtkFilterListModel itself goes wrong here (it reads the new list
       * with the old positions), so the deals are counted by hand */
      assert_shows_matching (&fixture);
    }
  g_signal_handlers_disconnect_by_data (list, &fixture);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deal-filter-model/agrees-with-gtk", test_agrees_with_gtk);
  g_test_add_func ("/deal-filter-model/signals-only-what-changed", test_signals_only_what_changed);
  g_test_add_func ("/deal-filter-model/filter-changed-during-change", test_filter_changed_during_change);

  return g_test_run ();
}
