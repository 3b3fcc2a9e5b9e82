/* fuzz-open.c — libFuzzer target: opening a database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written to a file, which sf_store_open() opens as the
 * program does; when it opens, everything the window reads of it is
 * read: deals, jobs, history, people, the satisfaction table and the
 * approval ledger.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdint.h>

#include "sf-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  dir = g_dir_make_tmp ("salesflow-fuzz-open-XXXXXX", NULL);
  g_assert (dir != NULL);
  path = g_build_filename (dir, "pipeline.db", NULL);
  return 0;
}

static void
drop (GPtrArray *array)
{
  if (array != NULL)
    g_ptr_array_unref (array);
}

static void
read_everything (SfStore *store)
{
  g_autoptr(GPtrArray) deals = sf_store_list_deals (store, NULL);
  g_auto(SfLedgerReport) report = { 0 };

  drop (sf_store_list_persons (store, NULL));
  drop (sf_store_list_satisfaction_rows (store, NULL));
  sf_store_verify_ledger (store, &report, NULL);
  for (guint i = 0; deals != NULL && i < deals->len && i < 50; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      g_autoptr(GPtrArray) history = sf_store_list_history (store, sf_deal_get_id (deal), NULL);

      drop (sf_store_list_jobs (store, sf_deal_get_id (deal), NULL));
      drop (sf_store_list_deal_requests (store, sf_deal_get_id (deal), NULL));
      g_free (sf_money_to_string (sf_deal_get_value (deal)));
      sf_store_load_deal_notes (store, deal, NULL);
      for (guint j = 0; history != NULL && j < history->len; j++)
        g_free (sf_history_entry_describe (g_ptr_array_index (history, j)));
    }
}

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SfStore) store = NULL;

  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;

  store = sf_store_open (path, NULL);
  if (store != NULL)
    read_everything (store);
  g_clear_object (&store);

  return 0;
}
