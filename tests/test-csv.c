/* test-csv.c — the CSV reader and writer: RFC 4180, line numbers, UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sf-csv.h"

/* A stream that hands out a few bytes per read, so every case also runs
 * with the BOM, CRLF pairs and UTF-8 sequences split between reads. */
#define SF_TYPE_TRICKLE_STREAM (sf_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (SfTrickleStream, sf_trickle_stream, SF, TRICKLE_STREAM, GInputStream)

struct _SfTrickleStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize offset;
  gsize step;
};

G_DEFINE_FINAL_TYPE (SfTrickleStream, sf_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
trickle_read (GInputStream  *stream,
              void          *buffer,
              gsize          count,
              GCancellable  *cancellable,
              GError       **error)
{
  SfTrickleStream *self = SF_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->step), size - self->offset);

  /* An empty GBytes has no data at all. */
  if (n > 0)
    memcpy (buffer, data + self->offset, n);
  self->offset += n;
  return n;
}

static void
trickle_finalize (GObject *object)
{
  g_bytes_unref (SF_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (sf_trickle_stream_parent_class)->finalize (object);
}

static void
sf_trickle_stream_class_init (SfTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trickle_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_read;
}

static void
sf_trickle_stream_init (SfTrickleStream *self)
{
}

static GInputStream *
trickle_new (const char *data,
             gsize       length,
             gsize       step)
{
  SfTrickleStream *self = g_object_new (SF_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, length);
  self->step = step;
  return G_INPUT_STREAM (self);
}

typedef struct
{
  guint line;
  const char *fields[5];
} Row;

typedef struct
{
  const char *name;
  const char *input;
  gssize length;            /* -1: NUL-terminated */
  char separator;           /* given; 0 to detect */
  char expected_separator;
  Row rows[5];
} ReadCase;

static const ReadCase read_cases[] = {
  { "lf", "a,b,c\n1,2,3\n", -1, 0, ',',
    { { 1, { "a", "b", "c" } }, { 2, { "1", "2", "3" } } } },
  { "crlf", "a,b\r\n1,2\r\n", -1, 0, ',',
    { { 1, { "a", "b" } }, { 2, { "1", "2" } } } },
  { "last-line-without-newline", "a,b\n1,2", -1, 0, ',',
    { { 1, { "a", "b" } }, { 2, { "1", "2" } } } },
  { "crlf-last-line-without-newline", "a\r\nb", -1, 0, ',',
    { { 1, { "a" } }, { 2, { "b" } } } },
  { "quoted", "\"a,1\",\"b\"\"q\"\"\",\"\"\n", -1, 0, ',',
    { { 1, { "a,1", "b\"q\"", "" } } } },
  { "embedded-newline", "\"line 1\nline 2\",x\nnext,y\n", -1, 0, ',',
    { { 1, { "line 1\nline 2", "x" } }, { 3, { "next", "y" } } } },
  { "embedded-crlf", "\"a\r\nb\r\n\r\nc\",d\r\ne,f\r\n", -1, 0, ',',
    { { 1, { "a\r\nb\r\n\r\nc", "d" } }, { 5, { "e", "f" } } } },
  { "bom", "\xef\xbb\xbfTitle,Wert\nx,1\n", -1, 0, ',',
    { { 1, { "Title", "Wert" } }, { 2, { "x", "1" } } } },
  { "bom-semicolon-crlf", "\xef\xbb\xbfTitel;Wert\r\n\"a;b\";1.234,56\r\n", -1, 0, ';',
    { { 1, { "Titel", "Wert" } }, { 2, { "a;b", "1.234,56" } } } },
  { "semicolon-detected-outside-quotes", "\"x,y,z\";b;c\n1;2;3\n", -1, 0, ';',
    { { 1, { "x,y,z", "b", "c" } }, { 2, { "1", "2", "3" } } } },
  { "tab-detected", "a\tb\n1\t2\n", -1, 0, '\t',
    { { 1, { "a", "b" } }, { 2, { "1", "2" } } } },
  { "separator-given", "a;b,c\n", -1, ',', ',',
    { { 1, { "a;b", "c" } } } },
  { "empty-fields", "a,,c\n,,\n,\n", -1, 0, ',',
    { { 1, { "a", "", "c" } }, { 2, { "", "", "" } }, { 3, { "", "" } } } },
  { "empty-lines-skipped-but-counted", "\n\na\n\r\n\nb\n\n", -1, 0, ',',
    { { 3, { "a" } }, { 6, { "b" } } } },
  { "spaces-kept", " a , b \n\" c \",d\n", -1, 0, ',',
    { { 1, { " a ", " b " } }, { 2, { " c ", "d" } } } },
  { "lone-cr", "a,b\rc,d\r", -1, 0, ',',
    { { 1, { "a", "b" } }, { 2, { "c", "d" } } } },
  { "quoted-empty-row", "\"\"\nx\n", -1, 0, ',',
    { { 1, { "" } }, { 2, { "x" } } } },
  { "unicode", "Æøå,ß,שלום עולם,日本\n", -1, 0, ',',
    { { 1, { "Æøå", "ß", "שלום עולם", "日本" } } } },
  { "empty", "", -1, 0, ',', { { 0 } } },
  { "only-bom", "\xef\xbb\xbf", -1, 0, ',', { { 0 } } },
  { "only-newlines", "\r\n\n\r", -1, 0, ',', { { 0 } } },
};

static void
check_rows (SfCsvReader    *reader,
            const ReadCase *c)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (; c->rows[n].line != 0; n++)
    {
      const Row *row = &c->rows[n];
      guint n_fields = g_strv_length ((char **) row->fields);

      g_assert_true (sf_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (sf_csv_reader_get_line (reader), ==, row->line);
      g_assert_cmpuint (sf_csv_reader_get_n_fields (reader), ==, n_fields);
      g_assert_cmpstrv (sf_csv_reader_get_fields (reader), row->fields);
      for (guint i = 0; i < n_fields; i++)
        g_assert_cmpstr (sf_csv_reader_get_field (reader, i), ==, row->fields[i]);
      g_assert_cmpstr (sf_csv_reader_get_field (reader, n_fields), ==, "");
    }

  g_assert_false (sf_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sf_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  if (n > 0)
    g_assert_cmpint (sf_csv_reader_get_separator (reader), ==, c->expected_separator);
}

static void
test_read (gconstpointer data)
{
  const ReadCase *c = data;
  gsize length = c->length < 0 ? strlen (c->input) : (gsize) c->length;

  {
    g_autoptr(SfCsvReader) reader = sf_csv_reader_new_for_data (c->input, length, c->separator);

    check_rows (reader, c);
    g_assert_cmpuint (sf_csv_reader_get_bytes_read (reader), ==, length);
  }

  for (gsize step = 1; step <= 3; step++)
    {
      g_autoptr(GInputStream) stream = trickle_new (c->input, length, step);
      g_autoptr(SfCsvReader) reader = sf_csv_reader_new (stream, c->separator);

      check_rows (reader, c);
    }
}

typedef struct
{
  const char *name;
  const char *input;
  gsize length;
  int code;
  const char *line;         /* how the message must start */
  guint good_rows;          /* rows read before the error */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "invalid-utf8", "a\nb\n\xff\xfe\nc\n", 0, SF_CSV_ERROR_ENCODING, "Line 3 ", 2 },
  { "latin1", "Titel;Kunde\nM\xfcller;x\n", 0, SF_CSV_ERROR_ENCODING, "Line 2 ", 1 },
  { "invalid-utf8-in-quoted-field", "x\n\"a\nb\xc3\x28\"\n", 0, SF_CSV_ERROR_ENCODING, "Line 3 ", 1 },
  { "nul-byte", "a\nb\0c\n", 6, SF_CSV_ERROR_ENCODING, "Line 2 ", 1 },
  { "quote-inside-unquoted-field", "a,b\nc,d\"e\n", 0, SF_CSV_ERROR_SYNTAX, "Line 2:", 1 },
  { "text-after-closing-quote", "\"a\"b,c\n", 0, SF_CSV_ERROR_SYNTAX, "Line 1:", 0 },
  { "quote-never-closed", "a\n\"open\nstill open\n", 0, SF_CSV_ERROR_SYNTAX, "Line 2:", 1 },
};

static void
test_read_error (gconstpointer data)
{
  const ErrorCase *c = data;
  gsize length = c->length ? c->length : strlen (c->input);

  for (gsize step = 0; step <= 1; step++)
    {
      g_autoptr(GInputStream) stream = step ? trickle_new (c->input, length, 1)
                                            : g_memory_input_stream_new_from_data (c->input, length, NULL);
      g_autoptr(SfCsvReader) reader = sf_csv_reader_new (stream, 0);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < c->good_rows; i++)
        {
          g_assert_true (sf_csv_reader_next (reader, NULL, &error));
          g_assert_no_error (error);
        }

      g_assert_false (sf_csv_reader_next (reader, NULL, &error));
      g_assert_error (error, SF_CSV_ERROR, c->code);
      g_assert_true (g_str_has_prefix (error->message, c->line));
      g_clear_error (&error);

      /* The reader stays failed: no row after a broken one is trusted. */
      g_assert_false (sf_csv_reader_next (reader, NULL, &error));
      g_assert_error (error, SF_CSV_ERROR, c->code);
    }
}

typedef struct
{
  const char *fields[4];
  char separator;
  const char *expected;
} WriteCase;

static const WriteCase write_cases[] = {
  { { "a", "b c", " d " }, ',', "a,b c, d \r\n" },
  { { "a,b", "c;d" }, ',', "\"a,b\",c;d\r\n" },
  { { "a,b", "c;d" }, ';', "a,b;\"c;d\"\r\n" },
  { { "say \"hi\"" }, ',', "\"say \"\"hi\"\"\"\r\n" },
  { { "two\nlines", "cr\rhere" }, ',', "\"two\nlines\",\"cr\rhere\"\r\n" },
  { { "", "" }, ',', ",\r\n" },
  { { "" }, ',', "\"\"\r\n" },
  { { "tab\there", "x" }, '\t', "\"tab\there\"\tx\r\n" },
  { { "Æøå", "שלום" }, ';', "Æøå;שלום\r\n" },
};

/* Quotes only where the field needs them. */
static void
test_write (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (write_cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      sf_csv_append_row (out, write_cases[i].fields, write_cases[i].separator);
      g_assert_cmpstr (out->str, ==, write_cases[i].expected);
    }
}

/* Whatever the writer writes, the reader reads back exactly. */
static void
test_round_trip (void)
{
  static const char * const rows[][6] = {
    { "Title", "Notes", "Value", NULL },
    { "A \"quoted\" title", "line 1\nline 2\r\nline 3\n", "-1234.56", NULL },
    { "semi;colon", "comma, here", "0", "", NULL },
    { "", NULL },
    { "  leading and trailing  ", "\ttab", "\"", "\"\"", "", NULL },
    { "Ærlig Øl AS", "Straße", "مرحبا بالعالم", "שלום", "\r", NULL },
    { "last", NULL },
  };
  static const char separators[] = { ',', ';', '\t' };

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    for (guint bom = 0; bom <= 1; bom++)
      {
        g_autoptr(GString) out = g_string_new (bom ? SF_CSV_BOM : "");
        g_autoptr(SfCsvReader) reader = NULL;
        g_autoptr(GError) error = NULL;
        guint line = 1;

        for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
          sf_csv_append_row (out, rows[r], separators[s]);

        /* The separator is found again from the first record. */
        reader = sf_csv_reader_new_for_data (out->str, out->len, 0);
        for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
          {
            g_assert_true (sf_csv_reader_next (reader, NULL, &error));
            g_assert_no_error (error);
            g_assert_cmpstrv (sf_csv_reader_get_fields (reader), rows[r]);
            g_assert_cmpuint (sf_csv_reader_get_line (reader), ==, line);
            for (guint f = 0; rows[r][f] != NULL; f++)
              for (const char *p = rows[r][f]; *p; p++)
                if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                  line++;
            line++;
          }
        g_assert_false (sf_csv_reader_next (reader, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (sf_csv_reader_get_separator (reader), ==, separators[s]);
      }
}

/* Line numbers stay right across many reads of 64 KiB, with rows that
 * span lines here and there. */
static void
test_many_lines (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 1;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char *note = i % 7 == 0 ? "first\nsecond\nthird" : "plain note";
      const char *row[] = { number, "Kunde AS", note, NULL };

      g_array_append_val (lines, line);
      sf_csv_append_row (out, row, ';');
      line += i % 7 == 0 ? 3 : 1;
    }

  reader = sf_csv_reader_new_for_data (out->str, out->len, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_assert_true (sf_csv_reader_next (reader, NULL, &error));
      g_assert_cmpstr (sf_csv_reader_get_field (reader, 0), ==, number);
      g_assert_cmpuint (sf_csv_reader_get_line (reader), ==, g_array_index (lines, guint, i));
    }
  g_assert_false (sf_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_csv_reader_get_bytes_read (reader), ==, out->len);
}

static void
test_detect (void)
{
  static const struct {
    const char *data;
    char expected;
  } cases[] = {
    { "a,b,c\n", ',' },
    { "a;b;c\n", ';' },
    { "\xef\xbb\xbf" "a;b\n", ';' },
    { "\"x,y\";b\n1,2,3,4\n", ';' },
    { "a;b,c\n", ',' },               /* a tie goes to the comma */
    { "single\n", ',' },
    { "\n\nTitel;Wert\n", ';' },      /* empty lines before the first record */
    { "\"multi\nline,,,\";x\n", ';' },
    { "", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sf_csv_detect_separator (cases[i].data, strlen (cases[i].data)), ==,
                     cases[i].expected);
}

/* Character sets */

static void
test_detect_encoding (void)
{
  static const struct {
    const char *data;
    gssize length;
    const char *expected;
  } cases[] = {
    { "", -1, SF_CSV_UTF8 },
    { "Title;Value\r\nChairs;12.500,00\r\n", -1, SF_CSV_UTF8 },
    { "Titel;Wert\r\nB\xc3\xbcrom\xc3\xb6" "bel;1\r\n", -1, SF_CSV_UTF8 },
    /* A sample that ends in the middle of "ü" is still UTF-8. */
    { "Titel\r\nB\xc3", -1, SF_CSV_UTF8 },
    { "\xef\xbb\xbfTitel;W\xc3\xa4hrung\r\n", -1, SF_CSV_UTF8 },
    /* What German Excel saves as "CSV (Trennzeichen-getrennt)". */
    { "Titel;W\xe4hrung\r\nB\xfcrom\xf6" "bel;EUR\r\n", -1, SF_CSV_WINDOWS_1252 },
    { "Notiz\r\n\x84" "Fr\xfc" "hbucher\x93 \x96 600 \x80\r\n", -1, SF_CSV_WINDOWS_1252 },
    { "Tittel\r\nKontorm\xf8" "bler til \xc5lesund\r\n", -1, SF_CSV_WINDOWS_1252 },
    /* 0x81 is no character in Windows-1252; ISO 8859-15 reads any byte. */
    { "Titel\r\nx\x81y\r\n", -1, SF_CSV_ISO_8859_15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].data) : (gsize) cases[i].length;

      g_test_message ("case %u", i);
      g_assert_cmpstr (sf_csv_detect_encoding (cases[i].data, length), ==, cases[i].expected);
    }
}

/* A Windows-1252 file reads as UTF-8 fields, with its lines counted as
 * in any other file, also when the reads split it anywhere. */
static void
test_windows_1252 (void)
{
  static const char text[] =
    "Titel;Notiz\r\n"
    "B\xfcrom\xf6" "bel f\xfcr die Zentrale;\"Rabatt \x84" "Fr\xfc" "hbucher\x93 \x96 5 %,\r\n"
    "ca. 600 \x80\"\r\n"
    "Stra\xdf" "enbau;\r\n";
  static const Row rows[] = {
    { 1, { "Titel", "Notiz" } },
    { 2, { "Büromöbel für die Zentrale", "Rabatt „Frühbucher“ – 5 %,\r\nca. 600 €" } },
    { 4, { "Straßenbau", "" } },
  };

  for (gsize step = 0; step <= 3; step++)
    {
      g_autoptr(GInputStream) stream = step ? trickle_new (text, strlen (text), step)
                                            : g_memory_input_stream_new_from_data (text, -1, NULL);
      g_autoptr(SfCsvReader) reader = sf_csv_reader_new_with_encoding (stream, 0, SF_CSV_WINDOWS_1252);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (sf_csv_reader_get_encoding (reader), ==, SF_CSV_WINDOWS_1252);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_assert_true (sf_csv_reader_next (reader, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (sf_csv_reader_get_line (reader), ==, rows[i].line);
          g_assert_cmpstrv (sf_csv_reader_get_fields (reader), rows[i].fields);
        }
      g_assert_cmpint (sf_csv_reader_get_separator (reader), ==, ';');
      g_assert_false (sf_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
    }
}

/* A byte the character set has no character for is named by its line;
 * so is a NUL; so is a character set iconv does not know. */
static void
test_encoding_errors (void)
{
  static const char bad_byte[] = "Titel\r\nok\r\nx\x81y\r\n";
  static const char nul[] = "Titel\r\na\0b\r\n";
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(SfCsvReader) nul_reader = NULL;
  g_autoptr(SfCsvReader) unknown = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (bad_byte, -1, NULL);
  g_autoptr(GInputStream) nul_stream = g_memory_input_stream_new_from_data (nul, sizeof nul - 1, NULL);
  g_autoptr(GInputStream) unknown_stream = g_memory_input_stream_new_from_data ("a\n", -1, NULL);
  g_autoptr(GError) error = NULL;

  reader = sf_csv_reader_new_with_encoding (stream, 0, SF_CSV_WINDOWS_1252);
  g_assert_true (sf_csv_reader_next (reader, NULL, NULL));
  g_assert_true (sf_csv_reader_next (reader, NULL, NULL));
  g_assert_false (sf_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, SF_CSV_ERROR, SF_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "Line 3 is not text in the character set Western (Windows-1252). "
                   "Choose the one the file was saved in.");
  g_clear_error (&error);

  nul_reader = sf_csv_reader_new_with_encoding (nul_stream, 0, SF_CSV_ISO_8859_15);
  g_assert_true (sf_csv_reader_next (nul_reader, NULL, NULL));
  g_assert_false (sf_csv_reader_next (nul_reader, NULL, &error));
  g_assert_error (error, SF_CSV_ERROR, SF_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "Line 2 "));
  g_clear_error (&error);

  unknown = sf_csv_reader_new_with_encoding (unknown_stream, 0, "NO-SUCH-CHARSET");
  g_assert_false (sf_csv_reader_next (unknown, NULL, &error));
  g_assert_error (error, SF_CSV_ERROR, SF_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-CHARSET"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/read/%s", read_cases[i].name);

      g_test_add_data_func (path, &read_cases[i], test_read);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_read_error);
    }
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/many-lines", test_many_lines);
  g_test_add_func ("/csv/detect-separator", test_detect);
  g_test_add_func ("/csv/detect-encoding", test_detect_encoding);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/encoding-errors", test_encoding_errors);

  return g_test_run ();
}
