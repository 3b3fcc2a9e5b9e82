/* bench-csv-import.c — how long a CSV import of many deals takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   meson compile -C build bench-csv-import
 *   build/tests/bench-csv-import [ROWS]      (default 1000000)
 *
 * Writes a German-style semicolon file of ROWS deals into a temporary
 * folder, imports it into a new database through sf_store_import_csv(),
 * then exports every deal again, and prints the times and the peak
 * resident memory. Not a test: docs/exchange.md records its results.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "sf-csv.h"
#include "sf-store.h"
#include "sf-test-util.h"

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void
write_rows (const char *path,
            guint       n_rows)
{
  g_autoptr(GString) out = g_string_new (SF_CSV_BOM);
  FILE *file = g_fopen (path, "wb");
  static const char * const stages[] = {
    "Interessent", "Qualifiziert", "Entdeckung", "Entwicklung", "Vorgeschlagen", "Geschlossen",
  };

  g_assert_nonnull (file);
  g_string_append (out, "Titel;Kunde;Ansprechpartner;E-Mail;Verantwortlich;Wert;Währung;"
                        "Phase;Abschlussdatum;Wahrscheinlichkeit;Notizen\r\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (out,
                              "Angebot %u für Müller & Söhne;Kunde %u GmbH;Jürgen Weiß;"
                              "jw%u@example.de;Verkäufer %u;%u.%03u,%02u;EUR;%s;%02u.%02u.2027;%u %%;%s\r\n",
                              i, i % 5000, i, i % 20, 1 + i % 900, i % 1000, i % 100,
                              stages[i % 6], 1 + i % 28, 1 + i % 12, i % 101,
                              i % 50 == 0 ? "\"Erste Zeile;\r\nzweite „Zeile“\"" : "kurz");
      if (out->len > 1 << 20)
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, file);
  fclose (file);
}

static gboolean
show_progress (guint    done,
               guint    total,
               gpointer data)
{
  guint *last = data;
  guint percent = total ? (guint) ((guint64) done * 100 / total) : 0;

  if (percent / 10 != *last / 10)
    {
      g_printerr ("  %3u %%\n", percent);
      *last = percent;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n = 0, last = 0;

  setlocale (LC_ALL, "");
  dir = sf_test_temp_dir ();
  csv = g_build_filename (dir, "deals.csv", NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  out_path = g_build_filename (dir, "export.csv", NULL);

  write_rows (csv, n_rows);
  g_print ("rows: %u\nfile: %.1f MiB, written in %.1f s\n", n_rows,
           file_size (csv) / 1048576.0, g_timer_elapsed (timer, NULL));

  {
    g_autoptr(GFileInputStream) in = NULL;

    file = g_file_new_for_path (csv);
    in = g_file_read (file, NULL, &error);
    g_assert_no_error (error);
    reader = sf_csv_reader_new (G_INPUT_STREAM (in), 0);
    g_assert_true (sf_csv_reader_next (reader, NULL, &error));
    mapping = sf_deal_csv_mapping_new_from_first_row (sf_csv_reader_get_fields (reader),
                                                      sf_csv_reader_get_separator (reader));
  }

  store = sf_store_open (db, &error);
  g_assert_no_error (error);
  g_timer_start (timer);
  if (!sf_store_import_csv (store, file, mapping, show_progress, &last, &n, &error))
    g_error ("%s", error->message);
  g_print ("import: %u deals in %.1f s (%.0f rows/s)\npeak RSS after import: %ld MiB\n"
           "database: %.1f MiB\n", n, g_timer_elapsed (timer, NULL),
           n / g_timer_elapsed (timer, NULL), peak_rss_mib (), file_size (db) / 1048576.0);

  {
    g_autoptr(GPtrArray) deals = NULL;
    g_autoptr(GFileOutputStream) out = NULL;
    g_autoptr(GFile) out_file = g_file_new_for_path (out_path);

    g_timer_start (timer);
    deals = sf_store_list_deals (store, &error);
    g_assert_no_error (error);
    g_print ("list: %u deals loaded in %.1f s\n", deals->len, g_timer_elapsed (timer, NULL));
    g_timer_start (timer);
    out = g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_assert_no_error (error);
    if (!sf_store_export_csv (store, deals, G_OUTPUT_STREAM (out), ';',
                              SF_DEAL_CSV_NUMBERS_AUTO, NULL, NULL, &error) ||
        !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
      g_error ("%s", error->message);
    g_print ("export: %.1f MiB in %.1f s\npeak RSS after export: %ld MiB\n",
             file_size (out_path) / 1048576.0, g_timer_elapsed (timer, NULL), peak_rss_mib ());
  }

  g_clear_object (&store);
  sf_test_remove_dir (dir);
  return 0;
}
