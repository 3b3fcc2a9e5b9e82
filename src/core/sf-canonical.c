/* sf-canonical.c — the locale-independent "key value" text of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures sent for approval and ledger entries are kept as text, one
 * "key value" pair per line, so that two records are the same exactly when
 * their texts are byte for byte the same, and so that a person can read
 * them with the sqlite3 tool. Numbers are plain ASCII whatever the locale;
 * a value's backslashes and control characters are escaped so that a value
 * never spans lines.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sf-canonical.h"

/**
 * sf_canonical_escape:
 *
 * Returns: (transfer full): @text with `\`, newlines, tabs and other
 *   control characters escaped; UTF-8 is kept as it is
 */
char *
sf_canonical_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }

  return g_string_free (out, FALSE);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/**
 * sf_canonical_unescape:
 *
 * Returns: (transfer full) (nullable): what sf_canonical_escape() was
 *   given, or %NULL when @text is not an escaped value
 */
char *
sf_canonical_unescape (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return NULL;
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (*++p)
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'x':
          {
            int hi = hex_value (p[1]), lo = hi < 0 ? -1 : hex_value (p[2]);

            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
              return NULL;
            g_string_append_c (out, (char) (hi * 16 + lo));
            p += 2;
          }
          break;
        default:
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sf_canonical_append (GString    *out,
                     const char *key,
                     const char *value)
{
  g_autofree char *escaped = sf_canonical_escape (value);

  g_string_append_printf (out, "%s %s\n", key, escaped);
}

void
sf_canonical_append_int (GString    *out,
                         const char *key,
                         gint64      value)
{
  g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", key, value);
}

/**
 * sf_canonical_append_optional:
 *
 * Writes @value, or "none" when there is none (a ratio over zero).
 */
void
sf_canonical_append_optional (GString    *out,
                              const char *key,
                              gboolean    has_value,
                              gint64      value)
{
  if (has_value)
    sf_canonical_append_int (out, key, value);
  else
    g_string_append_printf (out, "%s none\n", key);
}

void
sf_canonical_append_money (GString       *out,
                           const char    *key,
                           const SfMoney *money)
{
  g_autofree char *plain = sf_money_to_plain_string (money);

  g_string_append_printf (out, "%s %s\n", key, plain);
}

static void
line_free (gpointer data)
{
  SfCanonicalLine *line = data;

  g_free (line->key);
  g_free (line->value);
  g_free (line);
}

static gboolean
is_key (const char *s,
        gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (s[i]) && !g_ascii_isdigit (s[i]) && s[i] != '-')
      return FALSE;

  return TRUE;
}

/**
 * sf_canonical_parse:
 *
 * Reads a text of "key value" lines, each ending in a newline.
 *
 * Returns: (transfer container) (element-type SfCanonicalLine) (nullable):
 *   the lines in order, or %NULL when @text is not such a text
 */
GPtrArray *
sf_canonical_parse (const char *text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  while (*p)
    {
      const char *end = strchr (p, '\n');
      const char *space;
      SfCanonicalLine *line;
      g_autofree char *raw = NULL;

      if (end == NULL)
        return NULL;
      space = memchr (p, ' ', end - p);
      if (space == NULL || !is_key (p, space - p))
        return NULL;

      raw = g_strndup (space + 1, end - space - 1);
      line = g_new0 (SfCanonicalLine, 1);
      line->key = g_strndup (p, space - p);
      line->value = sf_canonical_unescape (raw);
      g_ptr_array_add (lines, line);
      if (line->value == NULL)
        return NULL;

      p = end + 1;
    }

  return g_steal_pointer (&lines);
}

/**
 * sf_canonical_lookup:
 *
 * Returns: (transfer none) (nullable): the value of the first line with @key
 */
const char *
sf_canonical_lookup (GPtrArray  *lines,
                     const char *key)
{
  for (guint i = 0; i < lines->len; i++)
    {
      SfCanonicalLine *line = g_ptr_array_index (lines, i);

      if (strcmp (line->key, key) == 0)
        return line->value;
    }

  return NULL;
}

/**
 * sf_canonical_parse_int:
 *
 * Reads a decimal integer written by sf_canonical_append_int(): an optional
 * minus and digits, no leading zeros, nothing else.
 */
gboolean
sf_canonical_parse_int (const char *text,
                        gint64      min,
                        gint64      max,
                        gint64     *out)
{
  const char *digits;
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return FALSE;

  digits = text[0] == '-' ? text + 1 : text;
  if (!g_ascii_isdigit (digits[0]) || (digits[0] == '0' && digits[1] != '\0') ||
      (text[0] == '-' && digits[0] == '0'))
    return FALSE;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == NULL || *end != '\0' || value < min || value > max)
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
sf_canonical_get_int (GPtrArray  *lines,
                      const char *key,
                      gint64      min,
                      gint64      max,
                      gint64     *out)
{
  return sf_canonical_parse_int (sf_canonical_lookup (lines, key), min, max, out);
}

gboolean
sf_canonical_get_money (GPtrArray  *lines,
                        const char *key,
                        const char *currency,
                        SfMoney    *out)
{
  const char *text = sf_canonical_lookup (lines, key);

  return text != NULL && sf_money_parse_plain (text, currency, out, NULL);
}
