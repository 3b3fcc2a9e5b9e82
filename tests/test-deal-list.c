/* test-deal-list.c — the model of every loaded deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sf-deal-list.h"

typedef struct
{
  guint emissions;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->emissions++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static SfDeal *
deal_with_id (gint64 id)
{
  SfDealRow row = { .id = id, .title = "Deal", .currency = "EUR", .probability = -1 };

  return sf_deal_new_from_row (&row);
}

/* Ids in list order, "1 3 7" */
static char *
ids (SfDealList *list)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", sf_deal_get_id (deal));
    }

  return g_string_free (text, FALSE);
}

static GPtrArray *
deals_with_ids (const gint64 *values,
                guint         n)
{
  GPtrArray *deals = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (deals, deal_with_id (values[i]));

  return deals;
}

/* A load replaces everything with one items-changed, in id order however
 * the deals came. */
static void
test_set_all (void)
{
  static const gint64 first[] = { 5, 2, 9 }, second[] = { 4, 1 };
  g_autoptr(SfDealList) list = sf_deal_list_new ();
  g_autoptr(GPtrArray) a = deals_with_ids (first, G_N_ELEMENTS (first));
  g_autoptr(GPtrArray) b = deals_with_ids (second, G_N_ELEMENTS (second));
  g_autofree char *after_a = NULL, *after_b = NULL;
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SF_TYPE_DEAL);

  sf_deal_list_set_all (list, a);
  after_a = ids (list);
  g_assert_cmpstr (after_a, ==, "2 5 9");
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.added, ==, 3);

  sf_deal_list_set_all (list, b);
  after_b = ids (list);
  g_assert_cmpstr (after_b, ==, "1 4");
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));
}

/* Taking a load's array keeps it, in id order, with one items-changed. */
static void
test_take_all (void)
{
  static const gint64 loaded[] = { 3, 1, 2 };
  g_autoptr(SfDealList) list = sf_deal_list_new ();
  GPtrArray *deals = deals_with_ids (loaded, G_N_ELEMENTS (loaded));
  g_autofree char *order = NULL;
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  sf_deal_list_take_all (list, deals);
  order = ids (list);
  g_assert_cmpstr (order, ==, "1 2 3");
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.added, ==, 3);
  g_assert_nonnull (sf_deal_list_lookup (list, 2));
}

/* A new deal goes last; a deal brought back goes back to its place; a
 * removed one is gone; each is one items-changed where it happened. */
static void
test_add_remove (void)
{
  static const gint64 start[] = { 1, 2, 3 };
  g_autoptr(SfDealList) list = sf_deal_list_new ();
  g_autoptr(GPtrArray) deals = deals_with_ids (start, G_N_ELEMENTS (start));
  g_autoptr(SfDeal) newest = deal_with_id (8);
  SfDeal *two = g_ptr_array_index (deals, 1);
  g_autofree char *removed = NULL, *back = NULL;
  Changes changes = { 0 };
  guint position = 0;

  sf_deal_list_set_all (list, deals);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  sf_deal_list_add (list, newest);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.added, ==, 1);

  g_assert_true (sf_deal_list_remove (list, two));
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_false (sf_deal_list_remove (list, two));
  removed = ids (list);
  g_assert_cmpstr (removed, ==, "1 3 8");
  g_assert_null (sf_deal_list_lookup (list, 2));
  g_assert_false (sf_deal_list_find (list, two, NULL));

  sf_deal_list_add (list, two);
  back = ids (list);
  g_assert_cmpstr (back, ==, "1 2 3 8");
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.emissions, ==, 3);

  g_assert_true (sf_deal_list_lookup (list, 8) == newest);
  g_assert_null (sf_deal_list_lookup (list, 5));
  g_assert_true (sf_deal_list_find (list, newest, &position));
  g_assert_cmpuint (position, ==, 3);

  g_assert_true (sf_deal_list_changed (list, two));
  g_assert_cmpuint (changes.emissions, ==, 4);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
}

/* Many at once is one items-changed: at the end for new deals, from the
 * first one's place when some belong earlier. */
static void
test_add_many (void)
{
  static const gint64 start[] = { 2, 4, 6 }, fresh[] = { 9, 7 }, older[] = { 5, 3 };
  g_autoptr(SfDealList) list = sf_deal_list_new ();
  g_autoptr(GPtrArray) deals = deals_with_ids (start, G_N_ELEMENTS (start));
  g_autoptr(GPtrArray) more = deals_with_ids (fresh, G_N_ELEMENTS (fresh));
  g_autoptr(GPtrArray) back = deals_with_ids (older, G_N_ELEMENTS (older));
  g_autofree char *appended = NULL, *merged = NULL;
  Changes changes = { 0 };

  sf_deal_list_set_all (list, deals);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  sf_deal_list_add_many (list, more);
  appended = ids (list);
  g_assert_cmpstr (appended, ==, "2 4 6 7 9");
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 2);

  sf_deal_list_add_many (list, back);
  merged = ids (list);
  g_assert_cmpstr (merged, ==, "2 3 4 5 6 7 9");
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deal-list/set-all", test_set_all);
  g_test_add_func ("/deal-list/take-all", test_take_all);
  g_test_add_func ("/deal-list/add-remove", test_add_remove);
  g_test_add_func ("/deal-list/add-many", test_add_many);

  return g_test_run ();
}
