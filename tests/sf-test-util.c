/* sf-test-util.c — shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "sf-money.h"
#include "sf-test-util.h"

/**
 * sf_test_temp_dir:
 *
 * Returns: (transfer full): a new empty folder for one test
 */
char *
sf_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("salesflow-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sf_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sf_test_remove_dir (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

char *
sf_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/**
 * sf_test_use_locale:
 *
 * Switches every category to @locale. A locale the machine lacks skips the
 * test, unless SALESFLOW_REQUIRE_LOCALES is set (as `build-aux/dev test`
 * does, having generated them), where it fails.
 *
 * Returns: whether the test may go on
 */
gboolean
sf_test_use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      if (g_getenv ("SALESFLOW_REQUIRE_LOCALES") != NULL)
        g_error ("The locale %s is missing; build-aux/dev generates it", locale);
      g_test_skip_printf ("the locale %s is not installed", locale);
      return FALSE;
    }

  sf_money_format_reset_cache ();
  return TRUE;
}

/**
 * sf_test_open_store:
 * @out_dir: (out): the folder holding the database; remove it afterwards
 *
 * Returns: (transfer full): a store on a new database file
 */
SfStore *
sf_test_open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sf_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  SfStore *store = sf_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  *out_dir = g_steal_pointer (&dir);

  return store;
}

/**
 * sf_test_create_deal:
 *
 * Returns: (transfer full): a stored deal in Prospect
 */
SfDeal *
sf_test_create_deal (SfStore    *store,
                     const char *title,
                     const char *customer,
                     gint64      amount,
                     const char *currency)
{
  g_autoptr(GError) error = NULL;
  SfDeal *deal = sf_deal_new ();
  SfMoney value;

  sf_money_init (&value, amount, currency);
  sf_deal_set_title (deal, title);
  sf_deal_set_customer (deal, customer);
  sf_deal_set_value (deal, &value);
  g_assert_true (sf_store_create_deal (store, deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_id (deal), >, 0);

  return deal;
}

/**
 * sf_test_find_job:
 *
 * Returns: (transfer none) (nullable): the built-in job with @key
 */
SfJob *
sf_test_find_job (GPtrArray  *jobs,
                  const char *key)
{
  for (guint i = 0; i < jobs->len; i++)
    if (g_strcmp0 (sf_job_get_key (g_ptr_array_index (jobs, i)), key) == 0)
      return g_ptr_array_index (jobs, i);

  return NULL;
}

/**
 * sf_test_tick_stage:
 *
 * Ticks every manual job of @stage through the store.
 *
 * Returns: whether every tick was accepted
 */
gboolean
sf_test_tick_stage (SfStore *store,
                    SfDeal  *deal,
                    SfStage  stage)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (store, sf_deal_get_id (deal), NULL);
  gboolean ok = TRUE;

  for (guint i = 0; jobs && i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_stage (job) == stage && sf_job_get_kind (job) == SF_JOB_KIND_MANUAL)
        ok &= sf_store_set_job_done (store, deal, job, TRUE, NULL);
    }

  return ok && jobs != NULL;
}
