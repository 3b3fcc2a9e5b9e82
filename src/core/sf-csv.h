/* sf-csv.h — reading and writing CSV files (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SF_CSV_ERROR (sf_csv_error_quark ())

/**
 * SfCsvError:
 * @SF_CSV_ERROR_ENCODING: a line is not text in the file's character set
 * @SF_CSV_ERROR_SYNTAX: quotes that do not follow RFC 4180
 * @SF_CSV_ERROR_FAILED: the parser ran out of memory
 */
typedef enum
{
  SF_CSV_ERROR_ENCODING,
  SF_CSV_ERROR_SYNTAX,
  SF_CSV_ERROR_FAILED,
} SfCsvError;

/* What spreadsheets put first in a UTF-8 file to say it is UTF-8. */
#define SF_CSV_BOM "\xef\xbb\xbf"

/* The character sets the reader knows by name; others go to iconv. */
#define SF_CSV_UTF8 "UTF-8"
#define SF_CSV_WINDOWS_1252 "WINDOWS-1252"
#define SF_CSV_ISO_8859_15 "ISO-8859-15"

/**
 * SfCsvAudience:
 * @SF_CSV_FOR_SPREADSHEETS: what the user's spreadsheet opens as it is: in
 *   a locale whose decimal mark is the comma (German, Norwegian) semicolons
 *   and decimal commas, elsewhere commas and decimal points; column names
 *   and names of stages, statuses and verdicts in the user's language
 * @SF_CSV_FOR_PROGRAMS: the same file on every desktop, for scripts and
 *   other programs: commas, decimal points, fixed English names and keys
 *
 * Whom an exported CSV file is for.
 */
typedef enum
{
  SF_CSV_FOR_SPREADSHEETS,
  SF_CSV_FOR_PROGRAMS,
} SfCsvAudience;

#define SF_TYPE_CSV_READER (sf_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (SfCsvReader, sf_csv_reader, SF, CSV_READER, GObject)

GQuark              sf_csv_error_quark           (void);

SfCsvReader        *sf_csv_reader_new            (GInputStream  *stream,
                                                  char           separator);
SfCsvReader        *sf_csv_reader_new_for_data   (const char    *data,
                                                  gssize         length,
                                                  char           separator);
SfCsvReader        *sf_csv_reader_new_with_encoding (GInputStream *stream,
                                                  char           separator,
                                                  const char    *encoding);
gboolean            sf_csv_reader_next           (SfCsvReader   *self,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
guint               sf_csv_reader_get_n_fields   (SfCsvReader   *self);
const char         *sf_csv_reader_get_field      (SfCsvReader   *self,
                                                  guint          index);
const char * const *sf_csv_reader_get_fields     (SfCsvReader   *self);
guint               sf_csv_reader_get_line       (SfCsvReader   *self);
char                sf_csv_reader_get_separator  (SfCsvReader   *self);
guint64             sf_csv_reader_get_bytes_read (SfCsvReader   *self);

const char         *sf_csv_reader_get_encoding   (SfCsvReader   *self);

char                sf_csv_detect_separator      (const char    *data,
                                                  gsize          length);
const char         *sf_csv_detect_encoding       (const char    *data,
                                                  gsize          length);
const char         *sf_csv_encoding_get_name     (const char    *encoding);
char                sf_csv_audience_get_separator (SfCsvAudience audience);
gboolean            sf_csv_audience_has_decimal_comma (SfCsvAudience audience);
void                sf_csv_append_row            (GString       *out,
                                                  const char * const *fields,
                                                  char           separator);

G_END_DECLS
