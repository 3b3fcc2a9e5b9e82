/* fuzz-csv.c — libFuzzer target: the CSV importer without the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the separator, whether there is a header, how
 * numbers are written and whether the character set is guessed
 * (sf_csv_detect_encoding()) or UTF-8; the rest is the file. Every row goes through the
 * reader (sf-csv.c) and the deal mapping (sf-deal-csv.c) as
 * sf_store_import_csv() reads it, and every deal read is written out
 * again as a CSV row.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>

#include "sf-csv.h"
#include "sf-deal-csv.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

static void
read_rows (SfCsvReader      *reader,
           SfDealCsvMapping *mapping,
           char              separator)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (sf_csv_reader_next (reader, NULL, &error) && n++ < 10000)
    {
      g_autoptr(SfDeal) deal = NULL;
      g_autofree char *owner = NULL;
      g_autoptr(GError) row_error = NULL;
      const char * const *fields = sf_csv_reader_get_fields (reader);

      if (sf_deal_csv_row_is_blank (fields))
        continue;
      deal = sf_deal_csv_mapping_read_row (mapping, fields, sf_csv_reader_get_line (reader),
                                           &owner, &row_error);
      if (deal != NULL)
        sf_deal_csv_append_deal (out, deal, owner, sf_deal_get_notes (deal), separator,
                                 SF_DEAL_CSV_NUMBERS_AUTO);
      else
        g_assert (row_error != NULL && row_error->message != NULL);
      g_string_truncate (out, 0);
    }
}

static SfCsvReader *
open_reader (const uint8_t *data,
             size_t         size,
             char           separator,
             const char    *encoding)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);

  return sf_csv_reader_new_with_encoding (stream, separator, encoding);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { ',', ';', '\t' };
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  const char *encoding;
  char separator;

  if (size < 1)
    return 0;

  separator = (data[0] & 4) ? sf_csv_detect_separator ((const char *) data + 1, size - 1)
                            : separators[data[0] % G_N_ELEMENTS (separators)];
  encoding = (data[0] & 0x80) ? sf_csv_detect_encoding ((const char *) data + 1, size - 1) : SF_CSV_UTF8;
  reader = open_reader (data + 1, size - 1, separator, encoding);
  if (!sf_csv_reader_next (reader, NULL, &error))
    return 0;

  mapping = sf_deal_csv_mapping_new_from_first_row (sf_csv_reader_get_fields (reader), separator);
  sf_deal_csv_mapping_set_number_style (mapping, (data[0] >> 3) % 3);
  sf_deal_csv_mapping_set_default_currency (mapping, (data[0] & 0x40) ? "NOK" : "EUR");
  if (!sf_deal_csv_mapping_get_has_header (mapping))
    {
      /* The first row is a deal too: start again. */
      g_clear_object (&reader);
      reader = open_reader (data + 1, size - 1, separator, encoding);
    }
  if (sf_deal_csv_mapping_check (mapping, NULL))
    read_rows (reader, mapping, separator);

  return 0;
}
