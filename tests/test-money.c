/* test-money.c — amounts parsed and written in C, German and Norwegian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "sf-money.h"
#include "sf-test-util.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

typedef struct
{
  gint64 amount;
  const char *currency;
  const char *expected;
} FormatCase;

static void
check_format (const FormatCase *cases,
              guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      SfMoney money;

      sf_money_init (&money, cases[i].amount, cases[i].currency);
      text = sf_money_to_string (&money);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

typedef struct
{
  const char *text;
  const char *currency;
  gint64 amount;        /* when error_code < 0 */
  int error_code;       /* SfMoneyError, or -1 for success */
} ParseCase;

static void
check_parse (const ParseCase *cases,
             guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      SfMoney money = { 0 };
      gboolean ok = sf_money_parse (cases[i].text, cases[i].currency, &money, &error);

      g_test_message ("parsing “%s” %s", cases[i].text, cases[i].currency);
      if (cases[i].error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (money.amount, ==, cases[i].amount);
          g_assert_cmpstr (money.currency, ==, cases[i].currency);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SF_MONEY_ERROR, cases[i].error_code);
          /* A person reads this message: it must say something. */
          g_assert_cmpuint (strlen (error->message), >, 5);
        }
    }
}

static void
test_format_c (void)
{
  static const FormatCase cases[] = {
    { 123456789, "EUR", "€1,234,567.89" },
    { 123456789, "NOK", "NOK" NBSP "1,234,567.89" },
    { 123456789, "USD", "$1,234,567.89" },
    { 1234, "JPY", "¥1,234" },
    { 1234, "KWD", "KWD" NBSP "1.234" },
    { -5, "EUR", "-€0.05" },
    { 0, "EUR", "€0.00" },
    { 99, "GBP", "£0.99" },
    { G_MAXINT64, "EUR", "€92,233,720,368,547,758.07" },
    { G_MININT64, "EUR", "-€92,233,720,368,547,758.08" },
  };

  if (!sf_test_use_locale ("C.UTF-8"))
    return;
  check_format (cases, G_N_ELEMENTS (cases));
}

/* Totals on the board are rounded to whole units, half away from zero. */
static void
test_format_whole (void)
{
  static const FormatCase cases[] = {
    { 123456789, "EUR", "€1,234,568" },
    { 123456749, "EUR", "€1,234,567" },
    { -150, "EUR", "-€2" },
    { 149, "EUR", "€1" },
    { 1234, "JPY", "¥1,234" },
    { 1500, "KWD", "KWD" NBSP "2" },
  };

  if (!sf_test_use_locale ("C.UTF-8"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      SfMoney money;

      sf_money_init (&money, cases[i].amount, cases[i].currency);
      text = sf_money_to_string_whole (&money);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_de (void)
{
  static const FormatCase cases[] = {
    { 123456789, "EUR", "1.234.567,89" NBSP "€" },
    { 123456789, "NOK", "1.234.567,89" NBSP "NOK" },
    { 100, "EUR", "1,00" NBSP "€" },
    { -123456, "EUR", "-1.234,56" NBSP "€" },
    { 123, "JPY", "123" NBSP "¥" },
  };

  if (!sf_test_use_locale ("de_DE.UTF-8"))
    return;
  check_format (cases, G_N_ELEMENTS (cases));
}

/* The deliberate choice: "1 234 567,89 kr" as Norwegians write it, with
 * glibc's narrow no-break space between the groups and a no-break space
 * before the symbol — not glibc's own "kr1 234 567,89". */
static void
test_format_nb (void)
{
  static const FormatCase cases[] = {
    { 123456789, "NOK", "1" NNBSP "234" NNBSP "567,89" NBSP "kr" },
    { 123456789, "EUR", "1" NNBSP "234" NNBSP "567,89" NBSP "€" },
    { 123456789, "SEK", "1" NNBSP "234" NNBSP "567,89" NBSP "SEK" },
    { 99900, "NOK", "999,00" NBSP "kr" },
    { -100000, "NOK", "-1" NNBSP "000,00" NBSP "kr" },
  };

  if (!sf_test_use_locale ("nb_NO.UTF-8"))
    return;
  check_format (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_c (void)
{
  static const ParseCase cases[] = {
    { "1,234.56", "EUR", 123456, -1 },
    { "1234.56", "EUR", 123456, -1 },
    { "€1,234.56", "EUR", 123456, -1 },
    { "1,234.56 eur", "EUR", 123456, -1 },
    { "  42 ", "EUR", 4200, -1 },
    { "-12.5", "EUR", -1250, -1 },
    { "−12.5", "EUR", -1250, -1 },
    { "-€3", "EUR", -300, -1 },
    { "0.5", "EUR", 50, -1 },
    { "1,234", "JPY", 1234, -1 },
    { "1.234", "KWD", 1234, -1 },
    { "92233720368547758.07", "EUR", G_MAXINT64, -1 },
    { "", "EUR", 0, SF_MONEY_ERROR_EMPTY },
    { "   ", "EUR", 0, SF_MONEY_ERROR_EMPTY },
    { "€", "EUR", 0, SF_MONEY_ERROR_EMPTY },
    { "abc", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "12x", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1.234,56", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "12,34", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1,2345", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { ",123", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1..2", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1 234", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "0.001", "EUR", 0, SF_MONEY_ERROR_DECIMALS },
    { "12.5", "JPY", 0, SF_MONEY_ERROR_DECIMALS },
    { "92233720368547758.08", "EUR", 0, SF_MONEY_ERROR_OVERFLOW },
    { "99999999999999999999", "EUR", 0, SF_MONEY_ERROR_OVERFLOW },
    { "5 USD", "EUR", 0, SF_MONEY_ERROR_MISMATCH },
    { "5", "XYZ", 0, SF_MONEY_ERROR_CURRENCY },
  };

  if (!sf_test_use_locale ("C.UTF-8"))
    return;
  check_parse (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_de (void)
{
  static const ParseCase cases[] = {
    { "1.234,56", "EUR", 123456, -1 },
    { "1234,56", "EUR", 123456, -1 },
    { "1.234.567", "EUR", 123456700, -1 },
    { "1.234,56 €", "EUR", 123456, -1 },
    { "€ 12", "EUR", 1200, -1 },
    { "0,5", "EUR", 50, -1 },
    /* An English amount is refused, not read as another number. */
    { "1,234.56", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "12.34", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1234.56", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1,2,3", "EUR", 0, SF_MONEY_ERROR_INVALID },
    { "1,234", "EUR", 0, SF_MONEY_ERROR_DECIMALS },
  };

  if (!sf_test_use_locale ("de_DE.UTF-8"))
    return;
  check_parse (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_nb (void)
{
  static const ParseCase cases[] = {
    { "1 234,56", "NOK", 123456, -1 },
    { "1" NBSP "234,56", "NOK", 123456, -1 },
    { "1" NNBSP "234,56", "NOK", 123456, -1 },
    { "1234,56", "NOK", 123456, -1 },
    { "kr 1 234", "NOK", 123400, -1 },
    { "1 234,56 kr", "NOK", 123456, -1 },
    { "1 234 567", "NOK", 123456700, -1 },
    { "1.234,56", "NOK", 0, SF_MONEY_ERROR_INVALID },
    { "1,234.56", "NOK", 0, SF_MONEY_ERROR_INVALID },
    { "12 34", "NOK", 0, SF_MONEY_ERROR_INVALID },
    { "5 kr", "EUR", 0, SF_MONEY_ERROR_INVALID },
  };

  if (!sf_test_use_locale ("nb_NO.UTF-8"))
    return;
  check_parse (cases, G_N_ELEMENTS (cases));
}

/* What the app writes into an entry, it must read back unchanged. */
static void
test_round_trip (void)
{
  static const char * const locales[] = { "C.UTF-8", "de_DE.UTF-8", "nb_NO.UTF-8" };
  static const char * const currencies[] = { "EUR", "NOK", "JPY", "KWD" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4217);

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (!sf_test_use_locale (locales[l]))
        return;

      for (guint i = 0; i < 2000; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          g_autofree char *full = NULL;
          SfMoney money, back = { 0 }, back_full = { 0 };
          gint64 amount = ((gint64) g_rand_int (rand) << 31 | g_rand_int (rand)) >>
                          g_rand_int_range (rand, 0, 62);

          if (g_rand_boolean (rand))
            amount = -amount;
          sf_money_init (&money, amount, currencies[i % G_N_ELEMENTS (currencies)]);
          text = sf_money_to_input_string (&money);
          full = sf_money_to_string (&money);

          g_assert_true (sf_money_parse (text, money.currency, &back, &error));
          g_assert_no_error (error);
          g_assert_true (sf_money_equal (&money, &back));
          g_assert_true (sf_money_parse (full, money.currency, &back_full, &error));
          g_assert_no_error (error);
          g_assert_true (sf_money_equal (&money, &back_full));
        }
    }
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SfMoney money, back;

  if (!sf_test_use_locale ("de_DE.UTF-8"))
    return;

  sf_money_init (&money, -123456, "EUR");
  text = sf_money_to_plain_string (&money);
  g_assert_cmpstr (text, ==, "-1234.56");
  g_assert_true (sf_money_parse_plain (text, "EUR", &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back.amount, ==, -123456);

  g_assert_false (sf_money_parse_plain ("1,234.56", "EUR", &back, &error));
  g_assert_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_INVALID);
}

static void
test_arithmetic (void)
{
  g_autoptr(GError) error = NULL;
  SfMoney a, b, out;

  sf_money_init (&a, 1234500, "EUR");
  g_assert_true (sf_money_percent (&a, 25, &out, NULL));
  g_assert_cmpint (out.amount, ==, 308625);

  sf_money_init (&a, 150, "EUR");
  g_assert_true (sf_money_percent (&a, 33, &out, NULL));
  g_assert_cmpint (out.amount, ==, 50);          /* 49.5 rounds away from zero */
  sf_money_init (&a, -150, "EUR");
  g_assert_true (sf_money_percent (&a, 33, &out, NULL));
  g_assert_cmpint (out.amount, ==, -50);
  sf_money_init (&a, 149, "EUR");
  g_assert_true (sf_money_percent (&a, 33, &out, NULL));
  g_assert_cmpint (out.amount, ==, 49);          /* 49.17 */

  sf_money_init (&a, G_MAXINT64 / 10, "EUR");
  g_assert_false (sf_money_percent (&a, 100, &out, &error));
  g_assert_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);

  sf_money_init (&a, G_MAXINT64, "EUR");
  sf_money_init (&b, 1, "EUR");
  g_assert_false (sf_money_add (&a, &b, &out, &error));
  g_assert_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);

  sf_money_init (&b, 1, "NOK");
  g_assert_false (sf_money_add (&a, &b, &out, &error));
  g_assert_error (error, SF_MONEY_ERROR, SF_MONEY_ERROR_MISMATCH);
  g_clear_error (&error);

  sf_money_init (&a, 5, "NOK");
  g_assert_true (sf_money_add (&a, &b, &out, &error));
  g_assert_cmpint (out.amount, ==, 6);
}

static void
test_currencies (void)
{
  const char * const *codes = sf_currency_get_codes ();

  g_assert_cmpint (sf_currency_get_digits ("EUR"), ==, 2);
  g_assert_cmpint (sf_currency_get_digits ("NOK"), ==, 2);
  g_assert_cmpint (sf_currency_get_digits ("JPY"), ==, 0);
  g_assert_cmpint (sf_currency_get_digits ("KWD"), ==, 3);
  g_assert_cmpint (sf_currency_get_digits ("eur"), ==, -1);
  g_assert_cmpint (sf_currency_get_digits ("EURO"), ==, -1);
  g_assert_false (sf_currency_is_known (NULL));

  /* Sorted, or the binary search misses codes. */
  for (guint i = 1; codes[i] != NULL; i++)
    g_assert_cmpint (strcmp (codes[i - 1], codes[i]), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format/c", test_format_c);
  g_test_add_func ("/money/format/de", test_format_de);
  g_test_add_func ("/money/format/whole", test_format_whole);
  g_test_add_func ("/money/format/nb", test_format_nb);
  g_test_add_func ("/money/parse/c", test_parse_c);
  g_test_add_func ("/money/parse/de", test_parse_de);
  g_test_add_func ("/money/parse/nb", test_parse_nb);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/plain", test_plain);
  g_test_add_func ("/money/arithmetic", test_arithmetic);
  g_test_add_func ("/money/currencies", test_currencies);

  return g_test_run ();
}
