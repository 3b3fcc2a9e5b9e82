/* sf-money.h — amounts of money as integers of minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SF_MONEY_ERROR (sf_money_error_quark ())

typedef enum
{
  SF_MONEY_ERROR_EMPTY,
  SF_MONEY_ERROR_INVALID,
  SF_MONEY_ERROR_DECIMALS,
  SF_MONEY_ERROR_OVERFLOW,
  SF_MONEY_ERROR_CURRENCY,
  SF_MONEY_ERROR_MISMATCH,
} SfMoneyError;

/**
 * SfMoney:
 * @amount: the amount in minor units (cents, øre)
 * @currency: the ISO 4217 code, NUL-terminated
 *
 * An amount of money. Never a double: sums and percentages are integer
 * arithmetic with overflow checks.
 */
typedef struct
{
  gint64 amount;
  char currency[4];
} SfMoney;

/**
 * SfMoneyFormat:
 *
 * How amounts are written in one locale. sf_money_format_get_current()
 * reads it from LC_MONETARY; tests fill it in by hand.
 */
typedef struct
{
  char decimal[8];
  char group[8];
  guint grouping;          /* digits per group; 0 for none */
  gboolean symbol_first;
  gboolean symbol_space;
  char local_currency[4];
  char local_symbol[16];
} SfMoneyFormat;

#define SF_TYPE_MONEY (sf_money_get_type ())

GQuark               sf_money_error_quark        (void);
GType                sf_money_get_type           (void) G_GNUC_CONST;

SfMoney             *sf_money_new                (gint64               amount,
                                                  const char          *currency);
SfMoney             *sf_money_copy               (const SfMoney       *money);
void                 sf_money_free               (SfMoney             *money);
void                 sf_money_init               (SfMoney             *money,
                                                  gint64               amount,
                                                  const char          *currency);
gboolean             sf_money_equal              (const SfMoney       *a,
                                                  const SfMoney       *b);
int                  sf_money_compare            (const SfMoney       *a,
                                                  const SfMoney       *b);
gboolean             sf_money_add                (const SfMoney       *a,
                                                  const SfMoney       *b,
                                                  SfMoney             *out,
                                                  GError             **error);
gboolean             sf_money_percent            (const SfMoney       *money,
                                                  int                  percent,
                                                  SfMoney             *out,
                                                  GError             **error);

gboolean             sf_currency_is_known        (const char          *code);
int                  sf_currency_get_digits      (const char          *code);
const char * const  *sf_currency_get_codes       (void);

const SfMoneyFormat *sf_money_format_get_current (void);
void                 sf_money_format_from_locale (SfMoneyFormat       *format);
void                 sf_money_format_reset_cache (void);

char                *sf_money_to_string          (const SfMoney       *money);
char                *sf_money_to_string_with     (const SfMoney       *money,
                                                  const SfMoneyFormat *format);
char                *sf_money_to_string_whole    (const SfMoney       *money);
char                *sf_money_to_input_string    (const SfMoney       *money);
char                *sf_money_to_input_string_with (const SfMoney     *money,
                                                  const SfMoneyFormat *format);
char                *sf_money_to_plain_string    (const SfMoney       *money);
char                *sf_money_get_example        (const SfMoneyFormat *format);

gboolean             sf_money_parse              (const char          *text,
                                                  const char          *currency,
                                                  SfMoney             *out,
                                                  GError             **error);
gboolean             sf_money_parse_with         (const char          *text,
                                                  const char          *currency,
                                                  const SfMoneyFormat *format,
                                                  SfMoney             *out,
                                                  GError             **error);
gboolean             sf_money_parse_plain        (const char          *text,
                                                  const char          *currency,
                                                  SfMoney             *out,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfMoney, sf_money_free)

G_END_DECLS
