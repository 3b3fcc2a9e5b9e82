/* sf-test-util.h — shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-store.h"

G_BEGIN_DECLS

char     *sf_test_temp_dir        (void);
char     *sf_test_file_checksum   (const char  *path);
gboolean  sf_test_use_locale      (const char  *locale);
SfStore  *sf_test_open_store      (char       **out_dir);
SfDeal   *sf_test_create_deal     (SfStore     *store,
                                   const char  *title,
                                   const char  *customer,
                                   gint64       amount,
                                   const char  *currency);
SfJob    *sf_test_find_job        (GPtrArray   *jobs,
                                   const char  *key);
gboolean  sf_test_tick_stage      (SfStore     *store,
                                   SfDeal      *deal,
                                   SfStage      stage);
void      sf_test_remove_dir      (const char  *path);
char     *sf_test_db_digest       (const char  *path);
void      sf_test_store_exec      (SfStore     *store,
                                   const char  *sql);
gint64    sf_test_store_query     (SfStore     *store,
                                   const char  *sql);

/**
 * SfTestSqlCount:
 * @statements: statements run, not counting BEGIN, COMMIT and savepoints
 * @writes: write transactions
 * @reads: read transactions, and reads outside any
 */
typedef struct
{
  guint statements;
  guint writes;
  guint reads;
  /*< private >*/
  gboolean in_write;
  gboolean in_read;
} SfTestSqlCount;

void        sf_test_count_sql     (SfStore        *store,
                                   SfTestSqlCount *count);
GHashTable *sf_test_count_notifies (gpointer       object);
guint       sf_test_notified      (GHashTable     *counts,
                                   const char     *property);
void        sf_test_check_notify_contract (gpointer   object,
                                   const char     *property,
                                   void          (*change) (gpointer object,
                                                            gpointer data),
                                   gpointer        data,
                                   const char * const *also);
void        sf_test_check_property_contract (gpointer object,
                                   const char     *property,
                                   const GValue   *value,
                                   const char * const *also);

/**
 * SfTestBadFile:
 * @name: a file in tests/data/bad-databases
 * @verdict: what opening it gives: an SfStoreError nick, or "ok"
 */
typedef struct
{
  char *name;
  char *verdict;
} SfTestBadFile;

void      sf_test_add_bad_files   (const char    *prefix,
                                   GTestDataFunc  test);
char     *sf_test_copy_bad_file   (const char    *name,
                                   const char    *dir,
                                   const char    *as);

G_END_DECLS
