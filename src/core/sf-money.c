/* sf-money.c — amounts of money as integers of minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "sf-money.h"

G_DEFINE_QUARK (sf-money-error-quark, sf_money_error)
G_DEFINE_BOXED_TYPE (SfMoney, sf_money, sf_money_copy, sf_money_free)

#define NBSP "\xc2\xa0"

/* ISO 4217 active codes with their number of minor-unit digits. Sorted, so
 * a lookup is a binary search. */
static const struct {
  const char code[4];
  guint8 digits;
} currencies[] = {
  { "AED", 2 }, { "AFN", 2 }, { "ALL", 2 }, { "AMD", 2 }, { "ANG", 2 },
  { "AOA", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "AWG", 2 }, { "AZN", 2 },
  { "BAM", 2 }, { "BBD", 2 }, { "BDT", 2 }, { "BGN", 2 }, { "BHD", 3 },
  { "BIF", 0 }, { "BMD", 2 }, { "BND", 2 }, { "BOB", 2 }, { "BRL", 2 },
  { "BSD", 2 }, { "BTN", 2 }, { "BWP", 2 }, { "BYN", 2 }, { "BZD", 2 },
  { "CAD", 2 }, { "CDF", 2 }, { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 },
  { "COP", 2 }, { "CRC", 2 }, { "CUP", 2 }, { "CVE", 2 }, { "CZK", 2 },
  { "DJF", 0 }, { "DKK", 2 }, { "DOP", 2 }, { "DZD", 2 }, { "EGP", 2 },
  { "ERN", 2 }, { "ETB", 2 }, { "EUR", 2 }, { "FJD", 2 }, { "FKP", 2 },
  { "GBP", 2 }, { "GEL", 2 }, { "GHS", 2 }, { "GIP", 2 }, { "GMD", 2 },
  { "GNF", 0 }, { "GTQ", 2 }, { "GYD", 2 }, { "HKD", 2 }, { "HNL", 2 },
  { "HTG", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 },
  { "IQD", 3 }, { "IRR", 2 }, { "ISK", 0 }, { "JMD", 2 }, { "JOD", 3 },
  { "JPY", 0 }, { "KES", 2 }, { "KGS", 2 }, { "KHR", 2 }, { "KMF", 0 },
  { "KPW", 2 }, { "KRW", 0 }, { "KWD", 3 }, { "KYD", 2 }, { "KZT", 2 },
  { "LAK", 2 }, { "LBP", 2 }, { "LKR", 2 }, { "LRD", 2 }, { "LSL", 2 },
  { "LYD", 3 }, { "MAD", 2 }, { "MDL", 2 }, { "MGA", 2 }, { "MKD", 2 },
  { "MMK", 2 }, { "MNT", 2 }, { "MOP", 2 }, { "MRU", 2 }, { "MUR", 2 },
  { "MVR", 2 }, { "MWK", 2 }, { "MXN", 2 }, { "MYR", 2 }, { "MZN", 2 },
  { "NAD", 2 }, { "NGN", 2 }, { "NIO", 2 }, { "NOK", 2 }, { "NPR", 2 },
  { "NZD", 2 }, { "OMR", 3 }, { "PAB", 2 }, { "PEN", 2 }, { "PGK", 2 },
  { "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 }, { "PYG", 0 }, { "QAR", 2 },
  { "RON", 2 }, { "RSD", 2 }, { "RUB", 2 }, { "RWF", 0 }, { "SAR", 2 },
  { "SBD", 2 }, { "SCR", 2 }, { "SDG", 2 }, { "SEK", 2 }, { "SGD", 2 },
  { "SHP", 2 }, { "SLE", 2 }, { "SOS", 2 }, { "SRD", 2 }, { "SSP", 2 },
  { "STN", 2 }, { "SVC", 2 }, { "SYP", 2 }, { "SZL", 2 }, { "THB", 2 },
  { "TJS", 2 }, { "TMT", 2 }, { "TND", 3 }, { "TOP", 2 }, { "TRY", 2 },
  { "TTD", 2 }, { "TWD", 2 }, { "TZS", 2 }, { "UAH", 2 }, { "UGX", 0 },
  { "USD", 2 }, { "UYU", 2 }, { "UZS", 2 }, { "VES", 2 }, { "VND", 0 },
  { "VUV", 0 }, { "WST", 2 }, { "XAF", 0 }, { "XCD", 2 }, { "XOF", 0 },
  { "XPF", 0 }, { "YER", 2 }, { "ZAR", 2 }, { "ZMW", 2 }, { "ZWL", 2 },
};

/* Symbols that name one currency wherever the reader lives. Anything else is
 * written as its ISO code unless it is the locale's own currency. */
static const struct {
  const char *code;
  const char *symbol;
} symbols[] = {
  { "EUR", "€" },
  { "GBP", "£" },
  { "USD", "$" },
  { "JPY", "¥" },
};

static int
find_currency (const char *code)
{
  int lo = 0, hi = G_N_ELEMENTS (currencies) - 1;

  if (code == NULL || strlen (code) != 3)
    return -1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;
      int cmp = strcmp (code, currencies[mid].code);

      if (cmp == 0)
        return mid;
      if (cmp < 0)
        hi = mid - 1;
      else
        lo = mid + 1;
    }

  return -1;
}

gboolean
sf_currency_is_known (const char *code)
{
  return find_currency (code) >= 0;
}

/**
 * sf_currency_get_digits:
 *
 * Returns: how many minor-unit digits @code has (2 for EUR, 0 for JPY,
 *   3 for KWD), or -1 for an unknown code
 */
int
sf_currency_get_digits (const char *code)
{
  int i = find_currency (code);

  return i < 0 ? -1 : currencies[i].digits;
}

/**
 * sf_currency_get_codes:
 *
 * Returns: (transfer none): a %NULL-terminated, sorted list of known codes
 */
const char * const *
sf_currency_get_codes (void)
{
  static const char **codes;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (currencies) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        list[i] = currencies[i].code;
      g_once_init_leave (&codes, list);
    }

  return codes;
}

void
sf_money_init (SfMoney    *money,
               gint64      amount,
               const char *currency)
{
  g_return_if_fail (money != NULL);
  g_return_if_fail (currency != NULL && strlen (currency) == 3);

  money->amount = amount;
  memcpy (money->currency, currency, 3);
  money->currency[3] = '\0';
}

/**
 * sf_money_new:
 * @amount: minor units
 * @currency: an ISO 4217 code
 *
 * Returns: (transfer full): a new #SfMoney
 */
SfMoney *
sf_money_new (gint64      amount,
              const char *currency)
{
  SfMoney *money = g_new (SfMoney, 1);

  sf_money_init (money, amount, currency);

  return money;
}

SfMoney *
sf_money_copy (const SfMoney *money)
{
  return money ? g_memdup2 (money, sizeof *money) : NULL;
}

void
sf_money_free (SfMoney *money)
{
  g_free (money);
}

gboolean
sf_money_equal (const SfMoney *a,
                const SfMoney *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->amount == b->amount && strcmp (a->currency, b->currency) == 0;
}

/* Orders by currency code first, then amount: there is no exchange rate. */
int
sf_money_compare (const SfMoney *a,
                  const SfMoney *b)
{
  int cmp = strcmp (a->currency, b->currency);

  if (cmp != 0)
    return cmp;

  return (a->amount > b->amount) - (a->amount < b->amount);
}

gboolean
sf_money_add (const SfMoney  *a,
              const SfMoney  *b,
              SfMoney        *out,
              GError        **error)
{
  gint64 sum;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);

  if (strcmp (a->currency, b->currency) != 0)
    {
      g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_MISMATCH,
                   /* Translators: two ISO currency codes, e.g. “EUR and NOK” */
                   _("Amounts in %s and %s cannot be added"),
                   a->currency, b->currency);
      return FALSE;
    }

  if (__builtin_add_overflow (a->amount, b->amount, &sum))
    {
      g_set_error_literal (error, SF_MONEY_ERROR, SF_MONEY_ERROR_OVERFLOW,
                           _("The amount is too large"));
      return FALSE;
    }

  sf_money_init (out, sum, a->currency);
  return TRUE;
}

/**
 * sf_money_percent:
 * @percent: a whole percentage
 *
 * Computes @percent % of @money, rounded half away from zero to a minor unit.
 */
gboolean
sf_money_percent (const SfMoney  *money,
                  int             percent,
                  SfMoney        *out,
                  GError        **error)
{
  gint64 product, quotient, remainder;

  g_return_val_if_fail (money != NULL && out != NULL, FALSE);

  if (__builtin_mul_overflow (money->amount, (gint64) percent, &product))
    {
      g_set_error_literal (error, SF_MONEY_ERROR, SF_MONEY_ERROR_OVERFLOW,
                           _("The amount is too large"));
      return FALSE;
    }

  quotient = product / 100;
  remainder = product % 100;
  if (remainder >= 50)
    quotient++;
  else if (remainder <= -50)
    quotient--;

  sf_money_init (out, quotient, money->currency);
  return TRUE;
}

/* Locale formats */

static gboolean
is_norwegian (const char *locale_name)
{
  if (locale_name == NULL)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      const char *lang = (const char *[]) { "nb", "nn", "no" }[i];

      if (g_str_has_prefix (locale_name, lang) &&
          (locale_name[2] == '\0' || locale_name[2] == '_' || locale_name[2] == '.'))
        return TRUE;
    }

  return FALSE;
}

static void
set_c_format (SfMoneyFormat *format)
{
  memset (format, 0, sizeof *format);
  g_strlcpy (format->decimal, ".", sizeof format->decimal);
  g_strlcpy (format->group, ",", sizeof format->group);
  format->grouping = 3;
  format->symbol_first = TRUE;
  format->symbol_space = FALSE;
}

/**
 * sf_money_format_from_locale:
 *
 * Fills @format from the current LC_MONETARY locale. Separators come from
 * the C library; the C locale, which defines none, is written the English
 * way. One deliberate exception: glibc's Norwegian locales put the symbol
 * first with no space ("kr1 234,56"), which no Norwegian reader writes;
 * Salesflow follows CLDR and Norwegian usage there ("1 234,56 kr").
 */
void
sf_money_format_from_locale (SfMoneyFormat *format)
{
  struct lconv *lc = localeconv ();

  g_return_if_fail (format != NULL);

  set_c_format (format);

  if (lc->mon_decimal_point != NULL && lc->mon_decimal_point[0] != '\0')
    {
      g_strlcpy (format->decimal, lc->mon_decimal_point, sizeof format->decimal);
      g_strlcpy (format->group, lc->mon_thousands_sep ? lc->mon_thousands_sep : "",
                 sizeof format->group);
      format->grouping = (lc->mon_grouping && lc->mon_grouping[0] > 0 &&
                          lc->mon_grouping[0] != CHAR_MAX) ? (guint) lc->mon_grouping[0] : 0;
      format->symbol_first = lc->p_cs_precedes == 1;
      format->symbol_space = lc->p_sep_by_space >= 1;
      if (lc->int_curr_symbol && strlen (lc->int_curr_symbol) >= 3)
        {
          memcpy (format->local_currency, lc->int_curr_symbol, 3);
          format->local_currency[3] = '\0';
        }
      if (lc->currency_symbol)
        g_strlcpy (format->local_symbol, lc->currency_symbol, sizeof format->local_symbol);
    }

  if (is_norwegian (setlocale (LC_MONETARY, NULL)))
    {
      format->symbol_first = FALSE;
      format->symbol_space = TRUE;
    }
}

G_LOCK_DEFINE_STATIC (current_format);
static SfMoneyFormat current_format;
static char *current_format_locale;

/**
 * sf_money_format_get_current:
 *
 * Returns: (transfer none): the format of the current LC_MONETARY locale;
 *   valid until the locale changes
 */
const SfMoneyFormat *
sf_money_format_get_current (void)
{
  const char *name;

  G_LOCK (current_format);
  name = setlocale (LC_MONETARY, NULL);
  if (current_format_locale == NULL || g_strcmp0 (name, current_format_locale) != 0)
    {
      g_free (current_format_locale);
      current_format_locale = g_strdup (name);
      sf_money_format_from_locale (&current_format);
    }
  G_UNLOCK (current_format);

  return &current_format;
}

void
sf_money_format_reset_cache (void)
{
  G_LOCK (current_format);
  g_clear_pointer (&current_format_locale, g_free);
  G_UNLOCK (current_format);
}

static const char *
currency_symbol (const char          *code,
                 const SfMoneyFormat *format)
{
  if (format->local_currency[0] != '\0' && format->local_symbol[0] != '\0' &&
      strcmp (code, format->local_currency) == 0)
    return format->local_symbol;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (code, symbols[i].code) == 0)
      return symbols[i].symbol;

  return code;
}

static guint64
magnitude (gint64 amount)
{
  return amount < 0 ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
}

/* @digits: minor digits to show; fewer than the currency has rounds the
 * amount half away from zero. */
static void
append_number (GString             *out,
               const SfMoney       *money,
               int                  digits,
               const SfMoneyFormat *format)
{
  int currency_digits = MAX (sf_currency_get_digits (money->currency), 0);
  guint64 mag = magnitude (money->amount);
  guint64 scale = 1;
  char buf[32];
  gsize len;

  if (digits < currency_digits)
    {
      guint64 divisor = 1;

      for (int i = digits; i < currency_digits; i++)
        divisor *= 10;
      /* mag is at most 2^63, so this cannot overflow. */
      mag = (mag + divisor / 2) / divisor;
    }
  digits = MIN (digits, currency_digits);
  for (int i = 0; i < digits; i++)
    scale *= 10;

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, mag / scale);
  len = strlen (buf);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && format->grouping > 0 && format->group[0] != '\0' &&
          (len - i) % format->grouping == 0)
        g_string_append (out, format->group);
      g_string_append_c (out, buf[i]);
    }

  if (digits > 0)
    {
      g_string_append (out, format->decimal);
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, digits, mag % scale);
    }
}

/**
 * sf_money_to_string_with:
 *
 * Returns: (transfer full): @money written for a reader, with its currency
 */
static char *
to_string (const SfMoney       *money,
           int                  digits,
           const SfMoneyFormat *format)
{
  GString *out;
  const char *symbol;
  gboolean alpha;

  g_return_val_if_fail (money != NULL && format != NULL, NULL);

  out = g_string_new (NULL);
  symbol = currency_symbol (money->currency, format);
  alpha = g_unichar_isalpha (g_utf8_get_char (symbol));

  if (money->amount < 0)
    g_string_append_c (out, '-');

  if (format->symbol_first)
    {
      g_string_append (out, symbol);
      if (format->symbol_space || alpha)
        g_string_append (out, NBSP);
      append_number (out, money, digits, format);
    }
  else
    {
      append_number (out, money, digits, format);
      g_string_append (out, NBSP);
      g_string_append (out, symbol);
    }

  return g_string_free (out, FALSE);
}

char *
sf_money_to_string_with (const SfMoney       *money,
                         const SfMoneyFormat *format)
{
  return to_string (money, MAX (sf_currency_get_digits (money->currency), 0), format);
}

char *
sf_money_to_string (const SfMoney *money)
{
  return sf_money_to_string_with (money, sf_money_format_get_current ());
}

/**
 * sf_money_to_string_whole:
 *
 * Returns: (transfer full): @money rounded to whole units, for totals where
 *   the cents are noise: "NOK 1,930,000"
 */
char *
sf_money_to_string_whole (const SfMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);

  return to_string (money, 0, sf_money_format_get_current ());
}

/**
 * sf_money_to_input_string_with:
 *
 * Returns: (transfer full): @money as a person would type it, without the
 *   currency; sf_money_parse_with() reads it back
 */
char *
sf_money_to_input_string_with (const SfMoney       *money,
                               const SfMoneyFormat *format)
{
  GString *out = g_string_new (NULL);

  if (money->amount < 0)
    g_string_append_c (out, '-');
  append_number (out, money, MAX (sf_currency_get_digits (money->currency), 0), format);

  return g_string_free (out, FALSE);
}

char *
sf_money_to_input_string (const SfMoney *money)
{
  return sf_money_to_input_string_with (money, sf_money_format_get_current ());
}

static const SfMoneyFormat plain_format = { ".", "", 0, TRUE, FALSE, "", "" };

/**
 * sf_money_to_plain_string:
 *
 * Returns: (transfer full): @money for files: "-1234.56", no grouping, no
 *   currency, the same in every locale
 */
char *
sf_money_to_plain_string (const SfMoney *money)
{
  return sf_money_to_input_string_with (money, &plain_format);
}

/**
 * sf_money_get_example:
 *
 * Returns: (transfer full): "1,234.56" written in @format, for messages
 */
char *
sf_money_get_example (const SfMoneyFormat *format)
{
  SfMoney example;

  sf_money_init (&example, 123456, "EUR");

  return sf_money_to_input_string_with (&example, format);
}

/* Parsing */

static gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007 || c == '\t';
}

static gboolean
is_group_char (gunichar             c,
               const SfMoneyFormat *format)
{
  gunichar group;

  if (format->grouping == 0 || format->group[0] == '\0')
    return FALSE;

  group = g_utf8_get_char (format->group);
  if (is_space_like (group))
    return is_space_like (c);
  if (group == '\'' || group == 0x2019)
    return c == '\'' || c == 0x2019;

  return c == group;
}

static gboolean
is_affix_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

static void
set_format_error (GError              **error,
                  const SfMoneyFormat  *format)
{
  g_autofree char *example = sf_money_get_example (format);

  g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_INVALID,
               /* Translators: %s is an example amount such as “1.234,56” */
               _("Write the amount as in %s"), example);
}

/* Accepts the currency written before or after the number: its code in any
 * case, or the symbol this format would print for it. */
static gboolean
check_affix (const gunichar      *chars,
             glong                len,
             const char          *currency,
             const SfMoneyFormat *format,
             GError             **error)
{
  g_autofree char *text = g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);
  g_autofree char *upper = g_utf8_strup (text, -1);

  if (g_strcmp0 (upper, currency) == 0)
    return TRUE;

  if (g_strcmp0 (text, currency_symbol (currency, format)) == 0)
    return TRUE;

  if (sf_currency_is_known (upper))
    {
      g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_MISMATCH,
                   /* Translators: both are ISO currency codes, e.g. “USD”, “EUR” */
                   _("This amount is in %s; enter it in %s"), upper, currency);
      return FALSE;
    }

  g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_INVALID,
               /* Translators: %s is what the user typed that is not a number */
               _("“%s” cannot be part of an amount"), text);
  return FALSE;
}

static gboolean
set_overflow (GError **error)
{
  g_set_error_literal (error, SF_MONEY_ERROR, SF_MONEY_ERROR_OVERFLOW,
                       _("The amount is too large"));
  return FALSE;
}

static gboolean
parse_number (const gunichar      *chars,
              glong                len,
              const char          *currency,
              int                  digits,
              const SfMoneyFormat *format,
              gint64              *out,
              GError             **error)
{
  gunichar decimal = g_utf8_get_char (format->decimal);
  gboolean in_fraction = FALSE, grouped = FALSE, too_many_decimals = FALSE;
  guint group_len = 0, n_digits = 0;
  int fraction_digits = 0;
  gint64 value = 0;

  for (glong i = 0; i < len; i++)
    {
      gunichar c = chars[i];

      if (c >= '0' && c <= '9')
        {
          /* Too many decimals is reported only if the rest is well formed:
           * "1.234,56" in English is a wrong format, not a wrong precision. */
          if (in_fraction && ++fraction_digits > digits)
            too_many_decimals = TRUE;
          if (!in_fraction)
            group_len++;
          n_digits++;
          if (!too_many_decimals &&
              (__builtin_mul_overflow (value, 10, &value) ||
               __builtin_add_overflow (value, (gint64) (c - '0'), &value)))
            return set_overflow (error);
        }
      else if (c == decimal && !in_fraction)
        {
          if (grouped && group_len != format->grouping)
            break;
          in_fraction = TRUE;
        }
      else if (!in_fraction && is_group_char (c, format))
        {
          if (group_len == 0 || (grouped ? group_len != format->grouping
                                         : group_len > format->grouping))
            break;
          grouped = TRUE;
          group_len = 0;
        }
      else if (c == '.' || c == ',' || c == '\'' || c == 0x2019 || is_space_like (c))
        break;
      else
        {
          g_autofree char *bad = g_ucs4_to_utf8 (&chars[i], 1, NULL, NULL, NULL);

          g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_INVALID,
                       _("“%s” cannot be part of an amount"), bad);
          return FALSE;
        }

      if (i == len - 1)
        {
          /* Reached the end in good order: check the last group. */
          if (n_digits == 0 || (!in_fraction && grouped && group_len != format->grouping))
            break;

          if (too_many_decimals)
            {
              if (digits == 0)
                g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_DECIMALS,
                             /* Translators: %s is an ISO currency code such as “JPY” */
                             _("Amounts in %s have no decimal places"), currency);
              else
                g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_DECIMALS,
                             g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %s is an ISO currency code, %d a count */
                                          "Amounts in %s have at most %d decimal place",
                                          "Amounts in %s have at most %d decimal places",
                                          digits),
                             currency, digits);
              return FALSE;
            }

          for (int k = fraction_digits; k < digits; k++)
            if (__builtin_mul_overflow (value, 10, &value))
              return set_overflow (error);

          *out = value;
          return TRUE;
        }
    }

  set_format_error (error, format);
  return FALSE;
}

/**
 * sf_money_parse_with:
 * @text: what a person typed
 * @currency: the ISO code the amount is in
 * @format: how the person's locale writes amounts
 * @out: (out caller-allocates): the amount
 *
 * Reads an amount written the way @format writes it, with or without the
 * currency before or after. Anything else is an error with a message for
 * the person: an amount written in another locale's way is refused rather
 * than read as a different number.
 */
gboolean
sf_money_parse_with (const char          *text,
                     const char          *currency,
                     const SfMoneyFormat *format,
                     SfMoney             *out,
                     GError             **error)
{
  g_autofree gunichar *chars = NULL;
  glong len = 0, start = 0, end;
  gboolean negative = FALSE;
  gint64 value;
  int digits;

  g_return_val_if_fail (currency != NULL && format != NULL && out != NULL, FALSE);

  digits = sf_currency_get_digits (currency);
  if (digits < 0)
    {
      g_set_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_CURRENCY,
                   /* Translators: %s is what was given as a currency code */
                   _("“%s” is not a known currency code"), currency);
      return FALSE;
    }

  if (text == NULL || !g_utf8_validate (text, -1, NULL) ||
      (chars = g_utf8_to_ucs4_fast (text, -1, &len)) == NULL)
    len = 0;

  end = len;
  while (start < end && (is_space_like (chars[start]) || g_unichar_isspace (chars[start])))
    start++;
  while (end > start && (is_space_like (chars[end - 1]) || g_unichar_isspace (chars[end - 1])))
    end--;

  if (start == end)
    {
      g_set_error_literal (error, SF_MONEY_ERROR, SF_MONEY_ERROR_EMPTY,
                           _("Enter an amount"));
      return FALSE;
    }

  /* A sign and a currency in either order: "-€5", "€-5", "- 5 €". */
  for (gboolean prefix_done = FALSE;;)
    {
      glong affix;

      if (!negative && start < end && (chars[start] == '-' || chars[start] == 0x2212))
        {
          negative = TRUE;
          start++;
          while (start < end && is_space_like (chars[start]))
            start++;
          continue;
        }

      affix = start;
      while (affix < end && is_affix_char (chars[affix]))
        affix++;
      if (affix == start || prefix_done)
        break;

      if (!check_affix (&chars[start], affix - start, currency, format, error))
        return FALSE;
      prefix_done = TRUE;
      start = affix;
      while (start < end && is_space_like (chars[start]))
        start++;
    }

  {
    glong affix = end;

    while (affix > start && is_affix_char (chars[affix - 1]))
      affix--;
    if (affix < end)
      {
        if (!check_affix (&chars[affix], end - affix, currency, format, error))
          return FALSE;
        end = affix;
        while (end > start && is_space_like (chars[end - 1]))
          end--;
      }
  }

  if (start == end)
    {
      g_set_error_literal (error, SF_MONEY_ERROR, SF_MONEY_ERROR_EMPTY,
                           _("Enter an amount"));
      return FALSE;
    }

  if (!parse_number (&chars[start], end - start, currency, digits, format, &value, error))
    return FALSE;

  sf_money_init (out, negative ? -value : value, currency);
  return TRUE;
}

gboolean
sf_money_parse (const char  *text,
                const char  *currency,
                SfMoney     *out,
                GError     **error)
{
  return sf_money_parse_with (text, currency, sf_money_format_get_current (), out, error);
}

/**
 * sf_money_parse_plain:
 *
 * Reads what sf_money_to_plain_string() writes: "-1234.56".
 */
gboolean
sf_money_parse_plain (const char  *text,
                      const char  *currency,
                      SfMoney     *out,
                      GError     **error)
{
  return sf_money_parse_with (text, currency, &plain_format, out, error);
}
