/* sf-csv.c — reading and writing CSV files (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields are split by libcsv, the tokenizer Debian keeps; this file
 * adds what it leaves to its caller: line numbers, UTF-8 and the BOM, and
 * the choice between comma and semicolon.
 *
 * Character sets: a UTF-8 file is read as it is. German and Norwegian
 * Excel saves "CSV" in Windows-1252; such a file is read one physical line
 * at a time through iconv (g_convert_with_iconv()), so a byte that is not
 * in the character set is reported with its line like any other error.
 * sf_csv_detect_encoding() guesses which of the two (or ISO 8859-15) a
 * file is in; the person confirms in the import's preview.
 *
 * Line numbers: libcsv reports fields and rows but not where they were.
 * So the reader hands it one physical line at a time (up to and including
 * its LF, CRLF or lone CR). A row can then only end at the end of such a
 * piece, and the line a row starts on is the first piece after the last
 * row that is not an empty line — libcsv skips empty lines between rows,
 * and so does the count. Lines inside quoted fields count like any other.
 *
 * Whitespace is data: libcsv's default of trimming spaces around unquoted
 * fields is switched off, so " 1 234,56" keeps its inner spaces and a
 * title keeps what the spreadsheet had.
 *
 * Strict mode is on: a quote mark inside an unquoted field, text after a
 * closing quote, or a quoted field that never ends is an error with its
 * line rather than a guess that could shift every later column.
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-money.h"

G_DEFINE_QUARK (sf-csv-error-quark, sf_csv_error)

#define READ_SIZE (64 * 1024)
/* A first record longer than this is judged on what has been seen. */
#define SNIFF_LIMIT (1024 * 1024)

struct _SfCsvReader
{
  GObject parent_instance;

  /* owned */
  GInputStream *stream;
  struct csv_parser parser;
  GByteArray *pending;      /* read, not yet parsed from pending_start on */
  GString *row;             /* the current row's fields, each NUL-terminated */
  GArray *offsets;          /* where each field starts in row */
  GPtrArray *fields;        /* into row, NULL-terminated; valid after next() */
  GError *failure;          /* once failed, every later next() says so */
  char *encoding;           /* NULL for UTF-8 */
  GIConv iconv;             /* to UTF-8 from encoding, or (GIConv) -1 */
  GByteArray *converted;    /* the current line in UTF-8, when converting */

  gsize pending_start;
  guint64 bytes_read;
  guint line;               /* the line of the next piece given to libcsv */
  guint row_line;           /* the line the row being read started on, or 0 */
  guint current_line;       /* the line the last row returned started on */
  char separator;           /* 0 until known */
  guint eof : 1;
  guint bom_checked : 1;
  guint row_done : 1;
  guint finished : 1;
};

G_DEFINE_FINAL_TYPE (SfCsvReader, sf_csv_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_SEPARATOR,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_csv_reader_finalize (GObject *object)
{
  SfCsvReader *self = (SfCsvReader *) object;

  csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->pending, g_byte_array_unref);
  g_string_free (self->row, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_error (&self->failure);
  g_free (self->encoding);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_clear_pointer (&self->converted, g_byte_array_unref);

  G_OBJECT_CLASS (sf_csv_reader_parent_class)->finalize (object);
}

static void
sf_csv_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SfCsvReader *self = SF_CSV_READER (object);

  switch (prop_id)
    {
    case PROP_STREAM: g_value_set_object (value, self->stream); break;
    case PROP_SEPARATOR: g_value_set_schar (value, self->separator); break;
    case PROP_ENCODING: g_value_set_string (value, sf_csv_reader_get_encoding (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
is_utf8 (const char *encoding)
{
  return encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
         g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

static void
set_encoding (SfCsvReader *self,
              const char  *encoding)
{
  if (is_utf8 (encoding))
    return;

  self->encoding = g_ascii_strup (encoding, -1);
  self->iconv = g_iconv_open ("UTF-8", self->encoding);
  self->converted = g_byte_array_new ();
  if (self->iconv == (GIConv) -1)
    {
      self->failure = g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_ENCODING,
                                   /* Translators: %s names a character set, e.g. “KOI8-R” */
                                   _("The character set %s is not known"), encoding);
      self->finished = TRUE;
    }
}

static void
sf_csv_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SfCsvReader *self = SF_CSV_READER (object);

  switch (prop_id)
    {
    case PROP_STREAM: self->stream = g_value_dup_object (value); break;
    case PROP_SEPARATOR:
      self->separator = g_value_get_schar (value);
      if (self->separator != 0)
        csv_set_delim (&self->parser, (unsigned char) self->separator);
      break;
    case PROP_ENCODING: set_encoding (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_csv_reader_class_init (SfCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_csv_reader_finalize;
  object_class->get_property = sf_csv_reader_get_property;
  object_class->set_property = sf_csv_reader_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, G_TYPE_INPUT_STREAM,
                         flags | G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  /* 0 until detected when the reader was made to detect it. */
  properties[PROP_SEPARATOR] =
    g_param_spec_char ("separator", NULL, NULL, 0, G_MAXINT8, 0,
                       flags | G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  /* The file's character set; NULL or "UTF-8" reads it as it is. */
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         flags | G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static int
never_space (unsigned char c)
{
  return 0;
}

static void
sf_csv_reader_init (SfCsvReader *self)
{
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&self->parser, never_space);
  csv_set_blk_size (&self->parser, 4096);
  self->pending = g_byte_array_sized_new (READ_SIZE);
  self->row = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->iconv = (GIConv) -1;
  self->line = 1;
}

/**
 * sf_csv_reader_new:
 * @stream: the CSV text
 * @separator: the field separator, or 0 to take comma, semicolon or tab,
 *   whichever the first record has most of outside quotes (comma on a tie)
 *
 * Returns: (transfer full): a reader that gives one row per
 *   sf_csv_reader_next()
 */
SfCsvReader *
sf_csv_reader_new (GInputStream *stream,
                   char          separator)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (separator >= 0 && separator != '"' && separator != '\r' &&
                        separator != '\n', NULL);

  return g_object_new (SF_TYPE_CSV_READER, "stream", stream, "separator", separator, NULL);
}

/**
 * sf_csv_reader_new_with_encoding:
 * @stream: the CSV text
 * @separator: the field separator, or 0 to detect it
 * @encoding: (nullable): the character set of @stream, an iconv name such
 *   as %SF_CSV_WINDOWS_1252; %NULL or %SF_CSV_UTF8 for UTF-8
 *
 * Returns: (transfer full): a reader that gives the fields in UTF-8; a
 *   character set iconv does not know fails the first
 *   sf_csv_reader_next()
 */
SfCsvReader *
sf_csv_reader_new_with_encoding (GInputStream *stream,
                                 char          separator,
                                 const char   *encoding)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (separator >= 0 && separator != '"' && separator != '\r' &&
                        separator != '\n', NULL);

  return g_object_new (SF_TYPE_CSV_READER, "stream", stream, "separator", separator,
                       "encoding", encoding, NULL);
}

/**
 * sf_csv_reader_new_for_data:
 * @data: (array length=length): CSV text; copied
 * @length: its length, or -1 when NUL-terminated
 *
 * Returns: (transfer full): a reader over a copy of @data
 */
SfCsvReader *
sf_csv_reader_new_for_data (const char *data,
                            gssize      length,
                            char        separator)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);
  bytes = g_bytes_new (data, length);
  stream = g_memory_input_stream_new_from_bytes (bytes);

  return sf_csv_reader_new (stream, separator);
}

/* Counts separators outside quotes up to the end of the first record that
 * has any text. Returns TRUE once it can decide: the record ended, or
 * @complete says no more data will come. */
static gboolean
sniff (const guint8 *data,
       gsize         length,
       gboolean      complete,
       char         *out)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean in_quotes = FALSE, started = FALSE, ended = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length && !ended; i++)
    {
      guint8 c = data[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if ((c == '\r' || c == '\n') && !in_quotes)
        ended = started;
      else if (!in_quotes)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          counts[k] += c == (guint8) candidates[k];
      started |= c != '\r' && c != '\n';
    }

  if (!ended && !complete)
    return FALSE;

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  *out = candidates[best];
  return TRUE;
}

/**
 * sf_csv_detect_separator:
 * @data: (array length=length): the start of a CSV file
 *
 * Returns: the separator the first record has most of outside quotes:
 *   ',' , ';' or '\t'; ',' when there are none or on a tie
 */
char
sf_csv_detect_separator (const char *data,
                         gsize       length)
{
  char separator = ',';

  g_return_val_if_fail (data != NULL || length == 0, ',');

  if (length >= 3 && memcmp (data, SF_CSV_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  sniff ((const guint8 *) data, length, TRUE, &separator);

  return separator;
}

/**
 * sf_csv_detect_encoding:
 * @data: (array length=length): the start of a file, or all of it
 *
 * Guesses the character set: UTF-8 when @data is UTF-8 (a character cut
 * off at the end of @data counts); else Windows-1252, what Excel saves as
 * “CSV” in Western Europe, when @data reads as that; else ISO 8859-15,
 * which reads any byte. Pure ASCII is UTF-8.
 *
 * Returns: %SF_CSV_UTF8, %SF_CSV_WINDOWS_1252 or %SF_CSV_ISO_8859_15
 */
const char *
sf_csv_detect_encoding (const char *data,
                        gsize       length)
{
  const char *end = NULL;
  g_autofree char *converted = NULL;

  g_return_val_if_fail (data != NULL || length == 0, SF_CSV_UTF8);

  if (g_utf8_validate (data, length, &end) ||
      g_utf8_get_char_validated (end, length - (end - data)) == (gunichar) -2)
    return SF_CSV_UTF8;

  converted = g_convert (data, length, "UTF-8", SF_CSV_WINDOWS_1252, NULL, NULL, NULL);
  return converted != NULL ? SF_CSV_WINDOWS_1252 : SF_CSV_ISO_8859_15;
}

/**
 * sf_csv_encoding_get_name:
 * @encoding: a character set the reader knows by name
 *
 * Returns: (transfer none): its name for people, as “Western
 *   (Windows-1252)”; @encoding itself for others
 */
const char *
sf_csv_encoding_get_name (const char *encoding)
{
  g_return_val_if_fail (encoding != NULL, NULL);

  if (is_utf8 (encoding))
    /* Translators: a character set a file can be in */
    return _("Unicode (UTF-8)");
  if (g_ascii_strcasecmp (encoding, SF_CSV_WINDOWS_1252) == 0)
    /* Translators: a character set a file can be in; what Excel writes in
     * Western Europe */
    return _("Western (Windows-1252)");
  if (g_ascii_strcasecmp (encoding, SF_CSV_ISO_8859_15) == 0)
    /* Translators: a character set a file can be in */
    return _("Western (ISO-8859-15)");

  return encoding;
}

static gboolean
fail (SfCsvReader  *self,
      GError      **error)
{
  if (error != NULL)
    *error = g_error_copy (self->failure);
  return FALSE;
}

static gboolean
read_more (SfCsvReader   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize old_len;
  gssize n;

  if (self->pending_start > 0)
    {
      g_byte_array_remove_range (self->pending, 0, self->pending_start);
      self->pending_start = 0;
    }

  old_len = self->pending->len;
  g_byte_array_set_size (self->pending, old_len + READ_SIZE);
  n = g_input_stream_read (self->stream, self->pending->data + old_len, READ_SIZE,
                           cancellable, error);
  g_byte_array_set_size (self->pending, old_len + MAX (n, 0));
  if (n < 0)
    return FALSE;

  self->bytes_read += n;
  self->eof = n == 0;
  return TRUE;
}

/* Skips the BOM and settles the separator; may need to read ahead. */
static gboolean
prepare (SfCsvReader   *self,
         GCancellable  *cancellable,
         GError       **error)
{
  while (!self->bom_checked)
    {
      if (self->pending->len >= 3 || self->eof)
        {
          if (self->pending->len >= 3 && memcmp (self->pending->data, SF_CSV_BOM, 3) == 0)
            self->pending_start = 3;
          self->bom_checked = TRUE;
        }
      else if (!read_more (self, cancellable, error))
        return FALSE;
    }

  while (self->separator == 0)
    {
      const guint8 *data = self->pending->data + self->pending_start;
      gsize length = self->pending->len - self->pending_start;
      char separator;

      if (sniff (data, length, self->eof || length > SNIFF_LIMIT, &separator))
        {
          self->separator = separator;
          csv_set_delim (&self->parser, (unsigned char) separator);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEPARATOR]);
        }
      else if (!read_more (self, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Finds the next whole physical line in pending, with its line break.
 * Returns its length, or 0 when the line is not complete yet. At the end
 * of the stream the rest is a line even without a break. */
static gsize
next_piece (SfCsvReader *self)
{
  const guint8 *data = self->pending->data + self->pending_start;
  gsize length = self->pending->len - self->pending_start;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        return i + 1;
      if (data[i] == '\r')
        {
          if (i + 1 < length)
            return data[i + 1] == '\n' ? i + 2 : i + 1;
          return self->eof ? i + 1 : 0;
        }
    }

  return self->eof ? length : 0;
}

static void
on_field (void   *field,
          size_t  length,
          void   *data)
{
  SfCsvReader *self = data;
  gsize offset = self->row->len;

  g_array_append_val (self->offsets, offset);
  g_string_append_len (self->row, field ? field : "", length);
  g_string_append_c (self->row, '\0');
}

static void
on_row (int   c,
        void *data)
{
  SfCsvReader *self = data;

  self->row_done = TRUE;
}

static gboolean
set_failure (SfCsvReader  *self,
             GError       *failure,
             GError      **error)
{
  g_clear_error (&self->failure);
  self->failure = failure;
  self->finished = TRUE;
  return fail (self, error);
}

static gboolean
set_syntax_failure (SfCsvReader  *self,
                    guint         line,
                    gboolean      unclosed,
                    GError      **error)
{
  if (csv_error (&self->parser) == CSV_ENOMEM || csv_error (&self->parser) == CSV_ETOOBIG)
    return set_failure (self, g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_FAILED,
                                           /* Translators: %u is a line number */
                                           _("Line %u: the field is too large to read"),
                                           line), error);
  if (unclosed)
    return set_failure (self, g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_SYNTAX,
                                           /* Translators: %u is a line number */
                                           _("Line %u: a field opens a quote that is never closed"),
                                           line), error);

  return set_failure (self, g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_SYNTAX,
                                         /* Translators: %u is a line number. The \"\"
                                          * stands for two straight quote marks */
                                         _("Line %u: a quote mark is out of place. A field "
                                           "with quote marks must be quoted as a whole, with "
                                           "each quote mark inside written twice (\"\")."),
                                         line), error);
}

/* The line in UTF-8: as it is, or converted. NULL on a byte that is not
 * in the character set. */
static const guint8 *
line_as_utf8 (SfCsvReader   *self,
              const guint8  *data,
              gsize         *length)
{
  g_autofree char *converted = NULL;
  gsize written = 0;

  if (self->encoding == NULL)
    return g_utf8_validate ((const char *) data, *length, NULL) ? data : NULL;

  converted = g_convert_with_iconv ((const char *) data, *length, self->iconv, NULL, &written, NULL);
  if (converted == NULL)
    return NULL;

  g_byte_array_set_size (self->converted, 0);
  g_byte_array_append (self->converted, (const guint8 *) converted, written);
  *length = written;
  return self->converted->data;
}

static gboolean
set_encoding_failure (SfCsvReader  *self,
                      GError      **error)
{
  if (self->encoding == NULL)
    return set_failure (self, g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_ENCODING,
                                           /* Translators: %u is a line number */
                                           _("Line %u is not UTF-8 text. Choose the character "
                                             "set the file was saved in, such as Windows-1252, "
                                             "or save it as UTF-8."),
                                           self->line), error);

  return set_failure (self, g_error_new (SF_CSV_ERROR, SF_CSV_ERROR_ENCODING,
                                         /* Translators: %u is a line number, %s a character
                                          * set such as “Western (Windows-1252)” */
                                         _("Line %u is not text in the character set %s. "
                                           "Choose the one the file was saved in."),
                                         self->line, sf_csv_encoding_get_name (self->encoding)),
                      error);
}

static gboolean
parse_piece (SfCsvReader  *self,
             gsize         length,
             GError      **error)
{
  const guint8 *raw = self->pending->data + self->pending_start;
  gsize utf8_length = length;
  const guint8 *data = line_as_utf8 (self, raw, &utf8_length);
  gboolean blank = TRUE;

  /* A NUL is never text, in any character set. */
  if (data == NULL || memchr (data, '\0', utf8_length) != NULL)
    return set_encoding_failure (self, error);

  for (gsize i = 0; i < length && blank; i++)
    blank = raw[i] == '\r' || raw[i] == '\n';
  if (self->row_line == 0 && !blank)
    self->row_line = self->line;

  if (csv_parse (&self->parser, data, utf8_length, on_field, on_row, self) != utf8_length)
    return set_syntax_failure (self, self->line, FALSE, error);

  self->pending_start += length;
  if (raw[length - 1] == '\r' || raw[length - 1] == '\n')
    self->line++;

  return TRUE;
}

static gboolean
finish (SfCsvReader  *self,
        GError      **error)
{
  self->finished = TRUE;
  if (csv_fini (&self->parser, on_field, on_row, self) != 0)
    return set_syntax_failure (self, self->row_line ? self->row_line : self->line, TRUE, error);

  return TRUE;
}

static void
publish_row (SfCsvReader *self)
{
  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->row->str + g_array_index (self->offsets, gsize, i));
  g_ptr_array_add (self->fields, NULL);

  self->current_line = self->row_line;
  self->row_line = 0;
  self->row_done = FALSE;
}

/**
 * sf_csv_reader_next:
 *
 * Reads the next row. Its fields and line are then available from the
 * getters until the next call. Empty lines between rows are skipped.
 *
 * Returns: %TRUE with a row; %FALSE at the end of the data (@error unset)
 *   or on an error, which names the line
 */
gboolean
sf_csv_reader_next (SfCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), FALSE);

  if (self->failure != NULL)
    return fail (self, error);

  g_string_truncate (self->row, 0);
  g_array_set_size (self->offsets, 0);
  g_ptr_array_set_size (self->fields, 0);

  if (!self->finished && !prepare (self, cancellable, error))
    return FALSE;

  while (!self->finished)
    {
      gsize length = next_piece (self);

      if (length == 0 && !self->eof)
        {
          if (!read_more (self, cancellable, error))
            return FALSE;
          continue;
        }

      if (length == 0)
        {
          if (!finish (self, error))
            return FALSE;
        }
      else if (!parse_piece (self, length, error))
        return FALSE;

      if (self->row_done)
        {
          publish_row (self);
          return TRUE;
        }
    }

  return FALSE;
}

guint
sf_csv_reader_get_n_fields (SfCsvReader *self)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), 0);

  return self->offsets->len;
}

/**
 * sf_csv_reader_get_field:
 *
 * Returns: (transfer none): the field's text, "" past the last field
 */
const char *
sf_csv_reader_get_field (SfCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), NULL);

  if (index >= self->offsets->len)
    return "";

  return self->row->str + g_array_index (self->offsets, gsize, index);
}

/**
 * sf_csv_reader_get_fields:
 *
 * Returns: (transfer none) (array zero-terminated=1): the row's fields,
 *   valid until the next sf_csv_reader_next()
 */
const char * const *
sf_csv_reader_get_fields (SfCsvReader *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SF_IS_CSV_READER (self), NULL);

  if (self->fields->len == 0)
    return none;

  return (const char * const *) self->fields->pdata;
}

/**
 * sf_csv_reader_get_line:
 *
 * Returns: the 1-based line the current row starts on, counting the lines
 *   inside quoted fields; 0 before the first row
 */
guint
sf_csv_reader_get_line (SfCsvReader *self)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), 0);

  return self->current_line;
}

/**
 * sf_csv_reader_get_separator:
 *
 * Returns: the separator given or detected; 0 when it is to be detected
 *   and no row has been read yet
 */
char
sf_csv_reader_get_separator (SfCsvReader *self)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), 0);

  return self->separator;
}

/**
 * sf_csv_reader_get_encoding:
 *
 * Returns: (transfer none): the character set the stream is read in
 */
const char *
sf_csv_reader_get_encoding (SfCsvReader *self)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), NULL);

  return self->encoding ? self->encoding : SF_CSV_UTF8;
}

/**
 * sf_csv_reader_get_bytes_read:
 *
 * Returns: how much of the stream has been read, for a progress bar
 */
guint64
sf_csv_reader_get_bytes_read (SfCsvReader *self)
{
  g_return_val_if_fail (SF_IS_CSV_READER (self), 0);

  return self->bytes_read;
}

/**
 * sf_csv_audience_has_decimal_comma:
 *
 * Returns: whether amounts for @audience are written with a decimal
 *   comma: for spreadsheets in a locale whose decimal mark is the comma
 */
gboolean
sf_csv_audience_has_decimal_comma (SfCsvAudience audience)
{
  return audience == SF_CSV_FOR_SPREADSHEETS &&
         g_str_equal (sf_money_format_get_current ()->decimal, ",");
}

/**
 * sf_csv_audience_get_separator:
 *
 * German and Norwegian spreadsheets write semicolons, because their
 * decimal mark is the comma; they open a comma-separated file as one
 * column.
 *
 * Returns: ';' where amounts have a decimal comma, else ','
 */
char
sf_csv_audience_get_separator (SfCsvAudience audience)
{
  return sf_csv_audience_has_decimal_comma (audience) ? ';' : ',';
}

static gboolean
needs_quotes (const char *field,
              char        separator)
{
  for (const char *p = field; *p != '\0'; p++)
    if (*p == separator || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;

  return FALSE;
}

/**
 * sf_csv_append_row:
 * @out: where the row is added
 * @fields: (array zero-terminated=1): the fields, UTF-8
 * @separator: ',' , ';' or '\t'
 *
 * Writes one record as RFC 4180 asks, ending in CRLF. A field is quoted
 * only when it holds the separator, a quote mark or a line break. For a
 * UTF-8 file that spreadsheets recognise, start @out with %SF_CSV_BOM.
 */
void
sf_csv_append_row (GString            *out,
                   const char * const *fields,
                   char                separator)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);
  g_return_if_fail (separator != '"' && separator != '\r' && separator != '\n' &&
                    separator != '\0');

  /* A lone empty field would be an empty line, which readers skip. */
  if (fields[0] != NULL && fields[0][0] == '\0' && fields[1] == NULL)
    {
      g_string_append (out, "\"\"\r\n");
      return;
    }

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (i > 0)
        g_string_append_c (out, separator);

      if (!needs_quotes (field, separator))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}
