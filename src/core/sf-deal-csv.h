/* sf-deal-csv.h — deals as rows of a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sf-csv.h"
#include "sf-deal.h"

G_BEGIN_DECLS

#define SF_DEAL_CSV_ERROR (sf_deal_csv_error_quark ())

/**
 * SfDealCsvError:
 * @SF_DEAL_CSV_ERROR_INVALID: a row's value cannot be read
 * @SF_DEAL_CSV_ERROR_NO_TITLE: no column is mapped to the title
 */
typedef enum
{
  SF_DEAL_CSV_ERROR_INVALID,
  SF_DEAL_CSV_ERROR_NO_TITLE,
} SfDealCsvError;

/**
 * SfDealCsvField:
 * @SF_DEAL_CSV_FIELD_NONE: the column is not imported
 *
 * The deal fields a CSV column can hold, in the order Salesflow writes
 * them.
 */
typedef enum
{
  SF_DEAL_CSV_FIELD_NONE,
  SF_DEAL_CSV_FIELD_TITLE,
  SF_DEAL_CSV_FIELD_CUSTOMER,
  SF_DEAL_CSV_FIELD_CONTACT_NAME,
  SF_DEAL_CSV_FIELD_CONTACT_EMAIL,
  SF_DEAL_CSV_FIELD_CONTACT_PHONE,
  SF_DEAL_CSV_FIELD_OWNER,
  SF_DEAL_CSV_FIELD_VALUE,
  SF_DEAL_CSV_FIELD_CURRENCY,
  SF_DEAL_CSV_FIELD_STAGE,
  SF_DEAL_CSV_FIELD_STATUS,
  SF_DEAL_CSV_FIELD_LOST_REASON,
  SF_DEAL_CSV_FIELD_LOST_NOTE,
  SF_DEAL_CSV_FIELD_EXPECTED_CLOSE,
  SF_DEAL_CSV_FIELD_PROBABILITY,
  SF_DEAL_CSV_FIELD_NOTES,
} SfDealCsvField;

#define SF_DEAL_CSV_N_FIELDS (SF_DEAL_CSV_FIELD_NOTES + 1)

/**
 * SfDealCsvNumberStyle:
 * @SF_DEAL_CSV_NUMBERS_AUTO: locale style in semicolon files, plain in
 *   all others — spreadsheets in German and Norwegian write semicolons
 *   because their decimal separator is the comma
 * @SF_DEAL_CSV_NUMBERS_PLAIN: decimal point: written `1234.56`, read
 *   also grouped with commas or spaces, `1,234.56`
 * @SF_DEAL_CSV_NUMBERS_LOCALE: decimal comma: written `1234,56`, read
 *   also grouped with points or spaces, `1.234,56`, `1 234,56`
 *
 * How the value column writes amounts.
 */
typedef enum
{
  SF_DEAL_CSV_NUMBERS_AUTO,
  SF_DEAL_CSV_NUMBERS_PLAIN,
  SF_DEAL_CSV_NUMBERS_LOCALE,
} SfDealCsvNumberStyle;

GQuark               sf_deal_csv_error_quark              (void);

const char          *sf_deal_csv_field_get_key            (SfDealCsvField field);
const char          *sf_deal_csv_field_get_name           (SfDealCsvField field);
SfDealCsvField       sf_deal_csv_field_from_header        (const char    *header);
SfDealCsvNumberStyle sf_deal_csv_number_style_resolve     (SfDealCsvNumberStyle style,
                                                           char           separator);
gboolean             sf_deal_csv_row_is_blank             (const char * const *fields);

#define SF_TYPE_DEAL_CSV_MAPPING (sf_deal_csv_mapping_get_type ())

G_DECLARE_FINAL_TYPE (SfDealCsvMapping, sf_deal_csv_mapping, SF, DEAL_CSV_MAPPING, GObject)

SfDealCsvMapping    *sf_deal_csv_mapping_new              (guint          n_columns,
                                                           char           separator);
SfDealCsvMapping    *sf_deal_csv_mapping_new_from_first_row (const char * const *first_row,
                                                           char           separator);
SfDealCsvMapping    *sf_deal_csv_mapping_new_for_file     (GFile         *file,
                                                           const char    *encoding,
                                                           char           separator,
                                                           GError       **error);
SfCsvReader         *sf_deal_csv_mapping_open_reader      (SfDealCsvMapping *self,
                                                           GInputStream  *stream);
guint                sf_deal_csv_mapping_get_n_columns    (SfDealCsvMapping *self);
SfDealCsvField       sf_deal_csv_mapping_get_field        (SfDealCsvMapping *self,
                                                           guint          column);
void                 sf_deal_csv_mapping_set_field        (SfDealCsvMapping *self,
                                                           guint          column,
                                                           SfDealCsvField field);
int                  sf_deal_csv_mapping_get_column       (SfDealCsvMapping *self,
                                                           SfDealCsvField field);
const char          *sf_deal_csv_mapping_get_header       (SfDealCsvMapping *self,
                                                           guint          column);
gboolean             sf_deal_csv_mapping_get_has_header   (SfDealCsvMapping *self);
void                 sf_deal_csv_mapping_set_has_header   (SfDealCsvMapping *self,
                                                           gboolean       has_header);
char                 sf_deal_csv_mapping_get_separator    (SfDealCsvMapping *self);
void                 sf_deal_csv_mapping_set_separator    (SfDealCsvMapping *self,
                                                           char           separator);
const char          *sf_deal_csv_mapping_get_encoding     (SfDealCsvMapping *self);
void                 sf_deal_csv_mapping_set_encoding     (SfDealCsvMapping *self,
                                                           const char    *encoding);
SfDealCsvNumberStyle sf_deal_csv_mapping_get_number_style (SfDealCsvMapping *self);
void                 sf_deal_csv_mapping_set_number_style (SfDealCsvMapping *self,
                                                           SfDealCsvNumberStyle style);
const char          *sf_deal_csv_mapping_get_default_currency (SfDealCsvMapping *self);
void                 sf_deal_csv_mapping_set_default_currency (SfDealCsvMapping *self,
                                                           const char    *currency);
gboolean             sf_deal_csv_mapping_check            (SfDealCsvMapping *self,
                                                           GError       **error);
SfDeal              *sf_deal_csv_mapping_read_row         (SfDealCsvMapping *self,
                                                           const char * const *fields,
                                                           guint          line,
                                                           char         **out_owner,
                                                           GError       **error);

void                 sf_deal_csv_append_header            (GString       *out,
                                                           char           separator);
void                 sf_deal_csv_append_header_for        (GString       *out,
                                                           SfCsvAudience  audience);
void                 sf_deal_csv_append_deal_for          (GString       *out,
                                                           SfDeal        *deal,
                                                           const char    *owner_name,
                                                           const char    *notes,
                                                           SfCsvAudience  audience);
void                 sf_deal_csv_append_deal              (GString       *out,
                                                           SfDeal        *deal,
                                                           const char    *owner_name,
                                                           const char    *notes,
                                                           char           separator,
                                                           SfDealCsvNumberStyle style);

G_END_DECLS
