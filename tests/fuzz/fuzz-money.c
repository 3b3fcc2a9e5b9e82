/* fuzz-money.c — libFuzzer target: amounts as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the locale format (English, German, Norwegian, as
 * the C library defines them) and the currency (two, zero and three
 * decimals); the rest is the text. An amount that parses must be written
 * back in the same format and parse to the same amount.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "sf-money.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SfMoneyFormat formats[3];
static const char * const currencies[] = { "EUR", "NOK", "JPY", "KWD", "USD", "CHF" };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char * const locales[] = { "C.UTF-8", "de_DE.UTF-8", "nb_NO.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        g_error ("the locale %s is missing; build-aux/dev generates it", locales[i]);
      sf_money_format_from_locale (&formats[i]);
    }
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const SfMoneyFormat *format;
  const char *currency;
  g_autofree char *text = NULL;
  SfMoney money;

  if (size < 1)
    return 0;

  format = &formats[data[0] % G_N_ELEMENTS (formats)];
  currency = currencies[(data[0] / G_N_ELEMENTS (formats)) % G_N_ELEMENTS (currencies)];
  text = g_strndup ((const char *) data + 1, size - 1);

  if (sf_money_parse_with (text, currency, format, &money, NULL))
    {
      g_autofree char *written = sf_money_to_input_string_with (&money, format);
      g_autofree char *shown = sf_money_to_string_with (&money, format);
      SfMoney again;

      if (!sf_money_parse_with (written, currency, format, &again, NULL) ||
          !sf_money_equal (&money, &again))
        {
          g_printerr ("“%s” read as %" G_GINT64_FORMAT " %s, written “%s”, not read back\n",
                      text, money.amount, currency, written);
          abort ();
        }
      if (!sf_money_parse_with (shown, currency, format, &again, NULL) ||
          !sf_money_equal (&money, &again))
        {
          g_printerr ("“%s” read as %" G_GINT64_FORMAT " %s, shown “%s”, not read back\n",
                      text, money.amount, currency, shown);
          abort ();
        }
    }

  return 0;
}
