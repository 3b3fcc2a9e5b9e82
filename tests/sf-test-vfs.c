/* sf-test-vfs.c — an SQLite file system that fails writes on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shim over SQLite's own "unix" VFS, registered as the default, so the
 * store opens its files through it without knowing. Every call goes to
 * the real file system, except that after sf_test_vfs_fail_writes (n,
 * code) the write after the first n returns @code, and so does every
 * write after it until sf_test_vfs_heal(): what SQLite sees when the disk
 * fills (SQLITE_FULL is ENOSPC in the unix VFS) or a disk fails
 * (SQLITE_IOERR_WRITE) in the middle of a transaction.
 */
#include "config.h"

#include <sqlite3.h>

#include "sf-test-vfs.h"

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;       /* follows this struct in the same allocation */
} FaultyFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty_vfs;
static sqlite3_io_methods faulty_methods;

static int fail_after = -1;   /* writes still allowed; -1: never fail */
static int fail_code;
static guint n_writes;
static guint n_failures;

#define REAL(file) (((FaultyFile *) (file))->real)

static int
faulty_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  file->pMethods = NULL;
  return rc;
}

static int
faulty_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
faulty_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  n_writes++;
  if (fail_after == 0)
    {
      n_failures++;
      return fail_code;
    }
  if (fail_after > 0)
    fail_after--;

  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
faulty_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
faulty_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
faulty_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
faulty_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
faulty_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
faulty_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
faulty_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
faulty_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
faulty_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
faulty_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
faulty_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
faulty_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
faulty_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
faulty_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
faulty_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static int
faulty_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultyFile *f = (FaultyFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  /* SQLite calls xClose whenever pMethods is set, also after a failure. */
  file->pMethods = f->real->pMethods != NULL ? &faulty_methods : NULL;
  return rc;
}

static int
faulty_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
faulty_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
faulty_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
faulty_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
faulty_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
faulty_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
faulty_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

/**
 * sf_test_vfs_install:
 *
 * Makes the shim SQLite's default VFS; every connection opened afterwards
 * goes through it. Call once, before opening a store.
 */
void
sf_test_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  faulty_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = faulty_close,
    .xRead = faulty_read,
    .xWrite = faulty_write,
    .xTruncate = faulty_truncate,
    .xSync = faulty_sync,
    .xFileSize = faulty_file_size,
    .xLock = faulty_lock,
    .xUnlock = faulty_unlock,
    .xCheckReservedLock = faulty_check_reserved_lock,
    .xFileControl = faulty_file_control,
    .xSectorSize = faulty_sector_size,
    .xDeviceCharacteristics = faulty_device_characteristics,
    .xShmMap = faulty_shm_map,
    .xShmLock = faulty_shm_lock,
    .xShmBarrier = faulty_shm_barrier,
    .xShmUnmap = faulty_shm_unmap,
    .xFetch = faulty_fetch,
    .xUnfetch = faulty_unfetch,
  };

  faulty_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultyFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "sf-faulty",
    .xOpen = faulty_open,
    .xDelete = faulty_delete,
    .xAccess = faulty_access,
    .xFullPathname = faulty_full_pathname,
    .xRandomness = faulty_randomness,
    .xSleep = faulty_sleep,
    .xCurrentTimeInt64 = faulty_current_time_int64,
    .xGetLastError = faulty_get_last_error,
  };

  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 1), ==, SQLITE_OK);
}

/**
 * sf_test_vfs_fail_writes:
 * @after: how many writes still succeed
 * @sqlite_code: what the failing writes return, e.g. SQLITE_IOERR_WRITE
 */
void
sf_test_vfs_fail_writes (int after,
                         int sqlite_code)
{
  g_assert_cmpint (after, >=, 0);
  fail_after = after;
  fail_code = sqlite_code;
  n_failures = 0;
}

/* Writes succeed again. */
void
sf_test_vfs_heal (void)
{
  fail_after = -1;
}

/* How many writes failed since sf_test_vfs_fail_writes(). */
guint
sf_test_vfs_get_failures (void)
{
  return n_failures;
}

guint
sf_test_vfs_get_writes (void)
{
  return n_writes;
}
