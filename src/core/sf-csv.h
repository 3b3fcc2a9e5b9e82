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
 * @SF_CSV_ERROR_ENCODING: a line is not UTF-8 text
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

#define SF_TYPE_CSV_READER (sf_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (SfCsvReader, sf_csv_reader, SF, CSV_READER, GObject)

GQuark              sf_csv_error_quark           (void);

SfCsvReader        *sf_csv_reader_new            (GInputStream  *stream,
                                                  char           separator);
SfCsvReader        *sf_csv_reader_new_for_data   (const char    *data,
                                                  gssize         length,
                                                  char           separator);
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

char                sf_csv_detect_separator      (const char    *data,
                                                  gsize          length);
void                sf_csv_append_row            (GString       *out,
                                                  const char * const *fields,
                                                  char           separator);

G_END_DECLS
