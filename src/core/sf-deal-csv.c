/* sf-deal-csv.c — deals as rows of a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Salesflow writes the same file in every locale: English header names,
 * stage and status keys, ISO dates, plain numbers (or, asked for, the
 * decimal comma German and Norwegian spreadsheets expect). It reads that
 * file back unchanged, and also what people make by hand: headers and
 * stage names in English, German or Norwegian, dates as 31.12.2026,
 * amounts as 1.234,56 or 1 234,56, in UTF-8 or in the Windows-1252 that
 * German and Norwegian Excel save. sf_deal_csv_mapping_new_for_file()
 * guesses the character set, the separator, the columns and whether the
 * amounts have a decimal point or a decimal comma from the file itself;
 * the person checks the guess in the import's preview.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-deal-csv.h"
#include "sf-enum-types.h"
#include "sf-format.h"
#include "sf-reasons.h"
#include "sf-workflow.h"

G_DEFINE_QUARK (sf-deal-csv-error-quark, sf_deal_csv_error)

/* The header Salesflow writes: stable English, never translated, so a
 * file reads the same on every desktop. From index 1 on, NULL-terminated. */
static const char * const field_keys[SF_DEAL_CSV_N_FIELDS + 1] = {
  NULL, "Title", "Customer", "Contact name", "Contact e-mail", "Contact phone", "Owner",
  "Value", "Currency", "Stage", "Status", "Lost reason", "Lost note", "Expected close",
  "Probability", "Notes", NULL,
};

static const char * const field_names[SF_DEAL_CSV_N_FIELDS] = {
  /* Translators: in the CSV import, a column that is not read */
  NC_("deal field", "Do not import"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Title"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Customer"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Contact name"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Contact e-mail"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Contact phone"),
  /* Translators: the deal field a CSV column is read into: who works the deal */
  NC_("deal field", "Owner"),
  /* Translators: the deal field a CSV column is read into: the amount */
  NC_("deal field", "Value"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Currency"),
  /* Translators: the deal field a CSV column is read into: the sales stage */
  NC_("deal field", "Stage"),
  /* Translators: the deal field a CSV column is read into: open, won or lost */
  NC_("deal field", "Status"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Lost reason"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Lost note"),
  /* Translators: the deal field a CSV column is read into: a date */
  NC_("deal field", "Expected close"),
  /* Translators: the deal field a CSV column is read into: a percentage */
  NC_("deal field", "Probability"),
  /* Translators: the deal field a CSV column is read into */
  NC_("deal field", "Notes"),
};

/* Header names people use, in English, German and Norwegian, and the
 * names the spreadsheet export writes in German and Norwegian (the
 * "deal field" translations), so such a file reads on any desktop. They
 * are compared after normalize(): composed, case folded the Unicode way,
 * anything in brackets and everything but letters and digits dropped —
 * "E-Mail", "e_mail" and "Email (work)" are all "email". */
static const char * const header_aliases[SF_DEAL_CSV_N_FIELDS][24] = {
  [SF_DEAL_CSV_FIELD_TITLE] = {
    "title", "titel", "tittel", "deal", "deal name", "deal title", "dealtitel", "name",
    "opportunity", "opportunity name", "bezeichnung", "avtale", "avtalenavn",
    "avtaletittel", "verkaufschance", "betreff", "subject", NULL },
  [SF_DEAL_CSV_FIELD_CUSTOMER] = {
    "customer", "kunde", "kundenname", "kundenavn", "company", "firma", "firmenname",
    "unternehmen", "organisation", "organization", "account", "client", "selskap",
    "bedrift", "customer name", NULL },
  [SF_DEAL_CSV_FIELD_CONTACT_NAME] = {
    "contact name", "contact", "contact person", "kontakt", "kontaktname", "kontaktperson",
    "kontaktnavn", "ansprechpartner", "ansprechperson", NULL },
  [SF_DEAL_CSV_FIELD_CONTACT_EMAIL] = {
    "contact e-mail", "contact email", "e-mail", "email", "mail", "e-mail address",
    "email address", "e-mail-adresse", "emailadresse", "mailadresse", "kontakt e-mail",
    "e-post", "epost", "e-postadresse", "kontakt e-post", "e-mail des ansprechpartners",
    "e-post til kontaktperson", NULL },
  [SF_DEAL_CSV_FIELD_CONTACT_PHONE] = {
    "contact phone", "phone", "phone number", "telephone", "tel", "telefon",
    "telefonnummer", "telefonnr", "kontakttelefon", "mobile", "mobil", "mobiltelefon",
    "mobilnummer", "telefon des ansprechpartners", "telefon til kontaktperson", NULL },
  [SF_DEAL_CSV_FIELD_OWNER] = {
    "owner", "deal owner", "sales person", "salesperson", "sales rep", "assigned to",
    "verantwortlich", "verantwortlicher", "zuständig", "besitzer", "inhaber",
    "vertriebler", "verkäufer", "ansvarlig", "eier", "selger", "kundeansvarlig", NULL },
  [SF_DEAL_CSV_FIELD_VALUE] = {
    "value", "amount", "deal value", "worth", "wert", "betrag", "dealwert",
    "auftragswert", "volumen", "summe", "verdi", "beløp", "belop", "avtaleverdi", "sum",
    NULL },
  [SF_DEAL_CSV_FIELD_CURRENCY] = {
    "currency", "currency code", "währung", "waehrung", "valuta", "valutakode", NULL },
  [SF_DEAL_CSV_FIELD_STAGE] = {
    "stage", "deal stage", "sales stage", "pipeline stage", "phase", "verkaufsphase",
    "stufe", "trinn", "salgstrinn", "fase", NULL },
  [SF_DEAL_CSV_FIELD_STATUS] = {
    "status", "state", "deal status", "zustand", "tilstand", NULL },
  [SF_DEAL_CSV_FIELD_LOST_REASON] = {
    "lost reason", "reason lost", "loss reason", "verlustgrund", "grund",
    "tapsårsak", "tapsarsak", "årsak", "tapsgrunn", NULL },
  [SF_DEAL_CSV_FIELD_LOST_NOTE] = {
    "lost note", "loss note", "verlustnotiz", "verlustanmerkung", "notiz zum verlust",
    "tapsnotat", "tapsmerknad", "merknad om tapet", NULL },
  [SF_DEAL_CSV_FIELD_EXPECTED_CLOSE] = {
    "expected close", "expected close date", "close date", "closing date",
    "abschlussdatum", "erwarteter abschluss", "voraussichtlicher abschluss", "abschluss",
    "forventet avslutning", "avslutningsdato", "forventet lukket", "lukkedato", NULL },
  [SF_DEAL_CSV_FIELD_PROBABILITY] = {
    "probability", "win probability", "chance", "wahrscheinlichkeit",
    "abschlusswahrscheinlichkeit", "sannsynlighet", NULL },
  [SF_DEAL_CSV_FIELD_NOTES] = {
    "notes", "note", "notizen", "notiz", "anmerkungen", "bemerkungen", "kommentar",
    "kommentare", "comments", "comment", "description", "beschreibung", "notater",
    "notat", "merknader", "beskrivelse", NULL },
};

/* The seeds' names for the stages and statuses, so a German or Norwegian
 * file reads on an English desktop too; the current language's names are
 * tried as well. */
static const char * const stage_names[SF_N_STAGES][4] = {
  { "prospect", "Prospect", "Interessent", "Prospekt" },
  { "qualified", "Qualified", "Qualifiziert", "Kvalifisert" },
  { "discovery", "Discovery", "Entdeckung", "Oppdagelse" },
  { "developed", "Developed", "Entwicklung", "Utviklet" },
  { "proposed", "Proposed", "Vorgeschlagen", "Foreslått" },
  { "closed", "Closed", "Geschlossen", "Lukket" },
};

static const char * const status_names[3][4] = {
  { "open", "Open", "Offen", "Åpen" },
  { "won", "Won", "Gewonnen", "Vunnet" },
  { "lost", "Lost", "Verloren", "Tapt" },
};

struct _SfDealCsvMapping
{
  GObject parent_instance;

  /* owned */
  GArray *fields;           /* SfDealCsvField per column */
  GPtrArray *headers;       /* the header row's text per column, or NULL */
  char *default_currency;
  char *encoding;           /* NULL for UTF-8 */

  char separator;
  gboolean has_header;
  SfDealCsvNumberStyle number_style;
};

G_DEFINE_FINAL_TYPE (SfDealCsvMapping, sf_deal_csv_mapping, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_COLUMNS,
  PROP_SEPARATOR,
  PROP_HAS_HEADER,
  PROP_NUMBER_STYLE,
  PROP_DEFAULT_CURRENCY,
  PROP_ENCODING,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static char *
normalize (const char *text,
           gboolean    letters_only)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = NULL;
  GString *out;
  int depth = 0;

  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (g_strstrip (nfkc), -1);
  if (!letters_only)
    return g_steal_pointer (&folded);

  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if (depth == 0 && g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static GHashTable *
get_header_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Earlier fields win a shared alias: "name" is the deal's title. */
      for (int f = SF_DEAL_CSV_N_FIELDS - 1; f > SF_DEAL_CSV_FIELD_NONE; f--)
        {
          g_hash_table_replace (t, normalize (field_keys[f], TRUE), GINT_TO_POINTER (f));
          for (guint i = 0; header_aliases[f][i] != NULL; i++)
            g_hash_table_replace (t, normalize (header_aliases[f][i], TRUE), GINT_TO_POINTER (f));
        }
      g_once_init_leave (&table, t);
    }

  return table;
}

/**
 * sf_deal_csv_field_get_key:
 *
 * Returns: (transfer none) (nullable): the English header Salesflow
 *   writes for @field; %NULL for %SF_DEAL_CSV_FIELD_NONE
 */
const char *
sf_deal_csv_field_get_key (SfDealCsvField field)
{
  g_return_val_if_fail (field < SF_DEAL_CSV_N_FIELDS, NULL);

  return field_keys[field];
}

/**
 * sf_deal_csv_field_get_name:
 *
 * Returns: (transfer none): @field's name in the user's language, for the
 *   column-mapping dialog
 */
const char *
sf_deal_csv_field_get_name (SfDealCsvField field)
{
  g_return_val_if_fail (field < SF_DEAL_CSV_N_FIELDS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "deal field", field_names[field]);
}

/**
 * sf_deal_csv_field_from_header:
 * @header: a header cell, e.g. "Währung" or "E-post"
 *
 * Returns: the field the header names, in English, German, Norwegian or
 *   the user's language; or %SF_DEAL_CSV_FIELD_NONE
 */
SfDealCsvField
sf_deal_csv_field_from_header (const char *header)
{
  g_autofree char *key = NULL;
  SfDealCsvField field;

  if (header == NULL)
    return SF_DEAL_CSV_FIELD_NONE;

  key = normalize (header, TRUE);
  field = GPOINTER_TO_INT (g_hash_table_lookup (get_header_table (), key));

  /* The names the export writes in the user's language, whatever they are. */
  for (int f = SF_DEAL_CSV_FIELD_TITLE; field == SF_DEAL_CSV_FIELD_NONE && f < SF_DEAL_CSV_N_FIELDS; f++)
    {
      g_autofree char *name = normalize (sf_deal_csv_field_get_name (f), TRUE);

      if (strcmp (key, name) == 0)
        field = f;
    }

  return field;
}

/**
 * sf_deal_csv_number_style_resolve:
 *
 * Returns: @style, or for %SF_DEAL_CSV_NUMBERS_AUTO the locale style when
 *   @separator is ';' and the plain style otherwise
 */
SfDealCsvNumberStyle
sf_deal_csv_number_style_resolve (SfDealCsvNumberStyle style,
                                  char                 separator)
{
  if (style != SF_DEAL_CSV_NUMBERS_AUTO)
    return style;

  return separator == ';' ? SF_DEAL_CSV_NUMBERS_LOCALE : SF_DEAL_CSV_NUMBERS_PLAIN;
}

/**
 * sf_deal_csv_row_is_blank:
 *
 * Returns: whether every field is empty or white space, as the rows a
 *   spreadsheet leaves below its data (";;;;")
 */
gboolean
sf_deal_csv_row_is_blank (const char * const *fields)
{
  g_return_val_if_fail (fields != NULL, TRUE);

  for (guint i = 0; fields[i] != NULL; i++)
    for (const char *p = fields[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;

  return TRUE;
}

/* The object */

static void
sf_deal_csv_mapping_finalize (GObject *object)
{
  SfDealCsvMapping *self = (SfDealCsvMapping *) object;

  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self->default_currency);
  g_free (self->encoding);

  G_OBJECT_CLASS (sf_deal_csv_mapping_parent_class)->finalize (object);
}

static void
sf_deal_csv_mapping_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SfDealCsvMapping *self = SF_DEAL_CSV_MAPPING (object);

  switch (prop_id)
    {
    case PROP_N_COLUMNS: g_value_set_uint (value, self->fields->len); break;
    case PROP_SEPARATOR: g_value_set_schar (value, self->separator); break;
    case PROP_HAS_HEADER: g_value_set_boolean (value, self->has_header); break;
    case PROP_NUMBER_STYLE: g_value_set_enum (value, self->number_style); break;
    case PROP_DEFAULT_CURRENCY: g_value_set_string (value, self->default_currency); break;
    case PROP_ENCODING: g_value_set_string (value, sf_deal_csv_mapping_get_encoding (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_csv_mapping_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SfDealCsvMapping *self = SF_DEAL_CSV_MAPPING (object);

  switch (prop_id)
    {
    case PROP_N_COLUMNS:
      g_array_set_size (self->fields, g_value_get_uint (value));
      break;
    case PROP_SEPARATOR: sf_deal_csv_mapping_set_separator (self, g_value_get_schar (value)); break;
    case PROP_HAS_HEADER: sf_deal_csv_mapping_set_has_header (self, g_value_get_boolean (value)); break;
    case PROP_NUMBER_STYLE: sf_deal_csv_mapping_set_number_style (self, g_value_get_enum (value)); break;
    case PROP_DEFAULT_CURRENCY:
      sf_deal_csv_mapping_set_default_currency (self, g_value_get_string (value));
      break;
    case PROP_ENCODING: sf_deal_csv_mapping_set_encoding (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_csv_mapping_class_init (SfDealCsvMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_deal_csv_mapping_finalize;
  object_class->get_property = sf_deal_csv_mapping_get_property;
  object_class->set_property = sf_deal_csv_mapping_set_property;

  properties[PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, NULL, 0, G_MAXUINT16, 0,
                       flags | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_SEPARATOR] =
    g_param_spec_char ("separator", NULL, NULL, 1, G_MAXINT8, ',', flags);
  properties[PROP_HAS_HEADER] =
    g_param_spec_boolean ("has-header", NULL, NULL, FALSE, flags);
  properties[PROP_NUMBER_STYLE] =
    g_param_spec_enum ("number-style", NULL, NULL, SF_TYPE_DEAL_CSV_NUMBER_STYLE,
                       SF_DEAL_CSV_NUMBERS_AUTO, flags);
  properties[PROP_DEFAULT_CURRENCY] =
    g_param_spec_string ("default-currency", NULL, NULL, "EUR", flags);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, SF_CSV_UTF8, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SfDealCsvMapping::changed:
   *
   * A column now holds another field.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sf_deal_csv_mapping_init (SfDealCsvMapping *self)
{
  const char *local = sf_money_format_get_current ()->local_currency;

  self->fields = g_array_new (FALSE, TRUE, sizeof (SfDealCsvField));
  self->separator = ',';
  self->default_currency = g_strdup (sf_currency_is_known (local) ? local : "EUR");
}

/**
 * sf_deal_csv_mapping_new:
 * @n_columns: how many columns the file has
 * @separator: the file's field separator
 *
 * Returns: (transfer full): a mapping with every column ignored
 */
SfDealCsvMapping *
sf_deal_csv_mapping_new (guint n_columns,
                         char  separator)
{
  g_return_val_if_fail (n_columns <= G_MAXUINT16, NULL);
  g_return_val_if_fail (separator > 0, NULL);

  return g_object_new (SF_TYPE_DEAL_CSV_MAPPING, "n-columns", n_columns,
                       "separator", separator, NULL);
}

/**
 * sf_deal_csv_mapping_new_from_first_row:
 * @first_row: (array zero-terminated=1): the file's first row
 * @separator: the file's field separator
 *
 * Guesses the mapping. When a cell of @first_row names a field (in
 * English, German or Norwegian), the row is a header and each column it
 * names is mapped; the first column naming a field wins. Otherwise the row
 * is data and only the first column is read, as the title.
 *
 * Returns: (transfer full): the mapping, for the person to check
 */
SfDealCsvMapping *
sf_deal_csv_mapping_new_from_first_row (const char * const *first_row,
                                        char                separator)
{
  g_autoptr(SfDealCsvMapping) self = NULL;
  guint n;

  g_return_val_if_fail (first_row != NULL, NULL);

  n = MIN (g_strv_length ((char **) first_row), G_MAXUINT16);
  self = sf_deal_csv_mapping_new (n, separator);

  for (guint i = 0; i < n; i++)
    {
      SfDealCsvField field = sf_deal_csv_field_from_header (first_row[i]);

      if (field != SF_DEAL_CSV_FIELD_NONE && sf_deal_csv_mapping_get_column (self, field) < 0)
        g_array_index (self->fields, SfDealCsvField, i) = field;
    }

  if (sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_TITLE) >= 0 ||
      sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_CUSTOMER) >= 0 ||
      sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_VALUE) >= 0 ||
      sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_STAGE) >= 0)
    {
      self->has_header = TRUE;
      self->headers = g_ptr_array_new_full (n, g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->headers, g_strdup (first_row[i]));
    }
  else
    {
      memset (self->fields->data, 0, n * sizeof (SfDealCsvField));
      if (n > 0)
        g_array_index (self->fields, SfDealCsvField, 0) = SF_DEAL_CSV_FIELD_TITLE;
    }

  return g_steal_pointer (&self);
}

guint
sf_deal_csv_mapping_get_n_columns (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), 0);

  return self->fields->len;
}

/**
 * sf_deal_csv_mapping_get_field:
 *
 * Returns: the field @column is read into; %SF_DEAL_CSV_FIELD_NONE past
 *   the last column
 */
SfDealCsvField
sf_deal_csv_mapping_get_field (SfDealCsvMapping *self,
                               guint             column)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), SF_DEAL_CSV_FIELD_NONE);

  if (column >= self->fields->len)
    return SF_DEAL_CSV_FIELD_NONE;

  return g_array_index (self->fields, SfDealCsvField, column);
}

/**
 * sf_deal_csv_mapping_set_field:
 *
 * Reads @column into @field. A field comes from one column only: a column
 * that held @field before is ignored from now on.
 */
void
sf_deal_csv_mapping_set_field (SfDealCsvMapping *self,
                               guint             column,
                               SfDealCsvField    field)
{
  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < SF_DEAL_CSV_N_FIELDS);

  if (g_array_index (self->fields, SfDealCsvField, column) == field)
    return;

  for (guint i = 0; field != SF_DEAL_CSV_FIELD_NONE && i < self->fields->len; i++)
    if (g_array_index (self->fields, SfDealCsvField, i) == field)
      g_array_index (self->fields, SfDealCsvField, i) = SF_DEAL_CSV_FIELD_NONE;
  g_array_index (self->fields, SfDealCsvField, column) = field;

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * sf_deal_csv_mapping_get_column:
 *
 * Returns: the column read into @field, or -1
 */
int
sf_deal_csv_mapping_get_column (SfDealCsvMapping *self,
                                SfDealCsvField    field)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), -1);

  for (guint i = 0; field != SF_DEAL_CSV_FIELD_NONE && i < self->fields->len; i++)
    if (g_array_index (self->fields, SfDealCsvField, i) == field)
      return i;

  return -1;
}

/**
 * sf_deal_csv_mapping_get_header:
 *
 * Returns: (transfer none) (nullable): the header row's text for @column,
 *   when the mapping was made from a header
 */
const char *
sf_deal_csv_mapping_get_header (SfDealCsvMapping *self,
                                guint             column)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), NULL);

  if (self->headers == NULL || column >= self->headers->len)
    return NULL;

  return g_ptr_array_index (self->headers, column);
}

/**
 * sf_deal_csv_mapping_get_has_header:
 *
 * Returns: whether the first row names the columns and is not imported
 */
gboolean
sf_deal_csv_mapping_get_has_header (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), FALSE);

  return self->has_header;
}

void
sf_deal_csv_mapping_set_has_header (SfDealCsvMapping *self,
                                    gboolean          has_header)
{
  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));

  if (self->has_header == !!has_header)
    return;

  self->has_header = !!has_header;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HEADER]);
}

char
sf_deal_csv_mapping_get_separator (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), ',');

  return self->separator;
}

void
sf_deal_csv_mapping_set_separator (SfDealCsvMapping *self,
                                   char              separator)
{
  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));
  g_return_if_fail (separator > 0 && separator != '"' && separator != '\r' &&
                    separator != '\n');

  if (self->separator == separator)
    return;

  self->separator = separator;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEPARATOR]);
}

SfDealCsvNumberStyle
sf_deal_csv_mapping_get_number_style (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), SF_DEAL_CSV_NUMBERS_AUTO);

  return self->number_style;
}

void
sf_deal_csv_mapping_set_number_style (SfDealCsvMapping     *self,
                                      SfDealCsvNumberStyle  style)
{
  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));
  g_return_if_fail (style <= SF_DEAL_CSV_NUMBERS_LOCALE);

  if (self->number_style == style)
    return;

  self->number_style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER_STYLE]);
}

/**
 * sf_deal_csv_mapping_get_encoding:
 *
 * Returns: (transfer none): the file's character set, %SF_CSV_UTF8 unless
 *   set
 */
const char *
sf_deal_csv_mapping_get_encoding (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), NULL);

  return self->encoding ? self->encoding : SF_CSV_UTF8;
}

/**
 * sf_deal_csv_mapping_set_encoding:
 * @encoding: (nullable): an iconv name such as %SF_CSV_WINDOWS_1252;
 *   %NULL for UTF-8
 */
void
sf_deal_csv_mapping_set_encoding (SfDealCsvMapping *self,
                                  const char       *encoding)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));

  upper = encoding && g_ascii_strcasecmp (encoding, SF_CSV_UTF8) != 0 ? g_ascii_strup (encoding, -1) : NULL;
  if (g_strcmp0 (self->encoding, upper) == 0)
    return;

  g_free (self->encoding);
  self->encoding = g_steal_pointer (&upper);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

/**
 * sf_deal_csv_mapping_open_reader:
 * @stream: the file
 *
 * Returns: (transfer full): a reader of @stream in the mapping's
 *   separator and character set
 */
SfCsvReader *
sf_deal_csv_mapping_open_reader (SfDealCsvMapping *self,
                                 GInputStream     *stream)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  return sf_csv_reader_new_with_encoding (stream, self->separator, self->encoding);
}

/**
 * sf_deal_csv_mapping_get_default_currency:
 *
 * Returns: (transfer none): the currency of rows without one; at first the
 *   locale's own, or EUR
 */
const char *
sf_deal_csv_mapping_get_default_currency (SfDealCsvMapping *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), NULL);

  return self->default_currency;
}

void
sf_deal_csv_mapping_set_default_currency (SfDealCsvMapping *self,
                                          const char       *currency)
{
  g_return_if_fail (SF_IS_DEAL_CSV_MAPPING (self));
  g_return_if_fail (sf_currency_is_known (currency));

  if (g_strcmp0 (self->default_currency, currency) == 0)
    return;

  g_free (self->default_currency);
  self->default_currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_CURRENCY]);
}

/**
 * sf_deal_csv_mapping_check:
 *
 * Returns: whether rows can be read: a column must hold the title
 */
gboolean
sf_deal_csv_mapping_check (SfDealCsvMapping  *self,
                           GError           **error)
{
  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), FALSE);

  if (sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_TITLE) < 0)
    {
      g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_NO_TITLE,
                           _("Choose the column that holds the deals’ titles"));
      return FALSE;
    }

  return TRUE;
}

/* Reading one row */

typedef struct
{
  char *text[SF_DEAL_CSV_N_FIELDS];   /* trimmed; NULL when absent or empty */
  char *notes;                        /* as written, NULL when empty */
} Cells;

static void
cells_clear (Cells *cells)
{
  for (guint f = 0; f < SF_DEAL_CSV_N_FIELDS; f++)
    g_free (cells->text[f]);
  g_free (cells->notes);
}

static void
collect_cells (SfDealCsvMapping    *self,
               const char * const  *fields,
               Cells               *cells)
{
  for (guint i = 0; i < self->fields->len && fields[i] != NULL; i++)
    {
      SfDealCsvField field = g_array_index (self->fields, SfDealCsvField, i);
      char *text;

      if (field == SF_DEAL_CSV_FIELD_NONE || fields[i][0] == '\0')
        continue;

      /* Notes keep their line breaks and indentation as written. */
      if (field == SF_DEAL_CSV_FIELD_NOTES)
        {
          cells->notes = g_strdup (fields[i]);
          continue;
        }

      text = g_strstrip (g_strdup (fields[i]));
      if (*text == '\0')
        g_clear_pointer (&text, g_free);
      cells->text[field] = text;
    }
}

/* The fixed names above, folded once; the translated ones are folded when
 * the fixed ones did not match, as the language can change. */
static const char *
folded_name (guint        table,
             guint        index,
             guint        language)
{
  static char *folded[2][SF_N_STAGES][4];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint s = 0; s < SF_N_STAGES; s++)
        for (guint l = 0; l < 4; l++)
          {
            folded[0][s][l] = normalize (stage_names[s][l], FALSE);
            if (s < G_N_ELEMENTS (status_names))
              folded[1][s][l] = normalize (status_names[s][l], FALSE);
          }
      g_once_init_leave (&done, 1);
    }

  return folded[table][index][language];
}

static gboolean
match_name (const char *folded,
            guint       table,
            guint       index)
{
  for (guint l = 0; l < 4; l++)
    if (strcmp (folded, folded_name (table, index, l)) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
match_translated (const char *folded,
                  const char *translated)
{
  g_autofree char *name = normalize (translated, FALSE);

  return strcmp (folded, name) == 0;
}

static gboolean
read_stage (const char  *text,
            SfStage     *out,
            GError     **error)
{
  g_autofree char *folded = normalize (text, FALSE);

  for (int pass = 0; pass < 2; pass++)
    for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
      if (pass == 0 ? match_name (folded, 0, s)
                    : match_translated (folded, sf_stage_get_name (s)))
        {
          *out = s;
          return TRUE;
        }

  g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
               /* Translators: %s is what the file has where a stage should be */
               _("“%s” is not a stage"), text);
  return FALSE;
}

static gboolean
read_status (const char    *text,
             SfDealStatus  *out,
             GError       **error)
{
  g_autofree char *folded = normalize (text, FALSE);

  for (int pass = 0; pass < 2; pass++)
    for (int s = SF_DEAL_STATUS_OPEN; s <= SF_DEAL_STATUS_LOST; s++)
      if (pass == 0 ? match_name (folded, 1, s)
                    : match_translated (folded, sf_deal_status_get_name (s)))
        {
          *out = s;
          return TRUE;
        }

  g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
               /* Translators: %s is what the file has where “open”, “won” or “lost” should be */
               _("“%s” is not a status; use open, won or lost"), text);
  return FALSE;
}

/* A built-in reason's key, or its title in the user's language, is
 * stored as the key, so it shows translated later. Any other text is kept
 * as written. */
static const char *
read_lost_reason (const char *text)
{
  const char * const *keys = sf_lost_reason_get_builtin_keys ();
  g_autofree char *folded = normalize (text, FALSE);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *key = normalize (keys[i], FALSE);
      g_autofree char *display = normalize (sf_lost_reason_get_display (keys[i]), FALSE);

      if (strcmp (folded, key) == 0 || strcmp (folded, display) == 0)
        return keys[i];
    }

  return NULL;
}

static gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* The two ways amounts are grouped in @style: with points (decimal comma)
 * or commas (decimal point), or with spaces; either may be left out. The
 * user's locale's way comes first, so that the example an error gives is
 * the one they know: 1 234,56 for a Norwegian, 1.234,56 for a German. */
static void
number_formats (SfDealCsvNumberStyle  style,
                const char           *currency,
                SfMoneyFormat         out[2])
{
  const SfMoneyFormat *local = sf_money_format_get_current ();
  gboolean comma = style == SF_DEAL_CSV_NUMBERS_LOCALE;
  SfMoneyFormat marks = { "", "", 3, FALSE, TRUE, "", "" };
  SfMoneyFormat spaces = { "", " ", 3, FALSE, TRUE, "", "" };
  gboolean spaces_first;

  g_strlcpy (marks.decimal, comma ? "," : ".", sizeof marks.decimal);
  g_strlcpy (marks.group, comma ? "." : ",", sizeof marks.group);
  g_strlcpy (spaces.decimal, marks.decimal, sizeof spaces.decimal);

  /* "12 500 kr" should read in a Norwegian file. */
  if (strcmp (currency, "NOK") == 0 || strcmp (currency, "SEK") == 0 ||
      strcmp (currency, "DKK") == 0)
    for (SfMoneyFormat *f = &marks; f != NULL; f = f == &marks ? &spaces : NULL)
      {
        g_strlcpy (f->local_currency, currency, sizeof f->local_currency);
        g_strlcpy (f->local_symbol, "kr", sizeof f->local_symbol);
      }

  spaces_first = strcmp (local->decimal, marks.decimal) == 0 &&
                 is_space_like (g_utf8_get_char (local->group));
  out[0] = spaces_first ? spaces : marks;
  out[1] = spaces_first ? marks : spaces;
}

static gboolean
parse_in_style (const char            *text,
                const char            *currency,
                SfDealCsvNumberStyle   style,
                SfMoney               *out,
                GError               **error)
{
  SfMoneyFormat formats[2];
  g_autoptr(GError) first_error = NULL;

  number_formats (style, currency, formats);
  if (sf_money_parse_with (text, currency, &formats[0], out, &first_error) ||
      sf_money_parse_with (text, currency, &formats[1], out, NULL))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&first_error));
  return FALSE;
}

static SfDealCsvNumberStyle
other_style (SfDealCsvNumberStyle style)
{
  return style == SF_DEAL_CSV_NUMBERS_LOCALE ? SF_DEAL_CSV_NUMBERS_PLAIN : SF_DEAL_CSV_NUMBERS_LOCALE;
}

/* An amount that reads only in the other style is named as such, with
 * the choice that reads it; others get the money parser's advice. */
static gboolean
read_value (SfDealCsvMapping  *self,
            const char        *text,
            const char        *currency,
            SfMoney           *out,
            GError           **error)
{
  SfDealCsvNumberStyle style = sf_deal_csv_number_style_resolve (self->number_style, self->separator);
  g_autoptr(GError) local_error = NULL;
  SfMoney other;

  if (text == NULL)
    {
      sf_money_init (out, 0, currency);
      return TRUE;
    }

  if (parse_in_style (text, currency, style, out, &local_error))
    return TRUE;

  if (!parse_in_style (text, currency, other_style (style), &other, NULL))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (style == SF_DEAL_CSV_NUMBERS_LOCALE)
    g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                 /* Translators: %s is an amount from the file. “Decimal point” and
                  * “Amounts Written As” are the import's choice and its title */
                 _("“%s” is written with a decimal point: choose “Decimal point” under "
                   "“Amounts Written As”"), text);
  else
    g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                 /* Translators: %s is an amount from the file. “Decimal comma” and
                  * “Amounts Written As” are the import's choice and its title */
                 _("“%s” is written with a decimal comma: choose “Decimal comma” under "
                   "“Amounts Written As”"), text);
  return FALSE;
}

static guint
parse_number (const char **p,
              guint        max_digits)
{
  guint value = 0, n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n == 0 ? G_MAXUINT : value;
}

/* "2026-12-31" or "31.12.2026" (also "1.2.2026"). */
static gboolean
read_date (const char  *text,
           guint       *out,
           GError     **error)
{
  const char *p = text;
  guint day, month, year;

  *out = sf_date_parse_iso (text);
  if (*out != 0 && strlen (text) == 10)
    return TRUE;

  /* Never past the end: "1.2." is as short as text gets here. */
  day = parse_number (&p, 2);
  if (*p == '.')
    {
      p++;
      month = parse_number (&p, 2);
      if (*p == '.' && strlen (p + 1) == 4)
        {
          p++;
          year = parse_number (&p, 4);
          if (*p == '\0' && day <= 31 && month <= 12 && year >= 1000 && year <= 9999)
            *out = sf_date_from_ymd (year, month, day);
        }
    }

  if (*out != 0)
    return TRUE;

  g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
               /* Translators: %s is what the file has where a date should be; keep
                * both example dates as they are */
               _("“%s” is not a date; write it as 2026-12-31 or 31.12.2026"), text);
  return FALSE;
}

static gboolean
read_probability (const char  *text,
                  int         *out,
                  GError     **error)
{
  g_autofree char *digits = g_strdup (text);
  char *end;
  gint64 value;

  /* "45", "45%", "45 %" */
  g_strchomp (digits);
  if (g_str_has_suffix (digits, "%"))
    digits[strlen (digits) - 1] = '\0';
  if (g_str_has_suffix (digits, "\xc2\xa0"))
    digits[strlen (digits) - 2] = '\0';
  g_strchomp (digits);

  value = g_ascii_strtoll (digits, &end, 10);
  if (*digits != '\0' && g_ascii_isdigit (*digits) && *end == '\0' && value >= 0 && value <= 100)
    {
      *out = value;
      return TRUE;
    }

  g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
               /* Translators: %s is what the file has where a percentage should be */
               _("“%s” is not a probability; write a whole number from 0 to 100"), text);
  return FALSE;
}

static gboolean
read_currency (SfDealCsvMapping  *self,
               const char        *text,
               char               out[4],
               GError           **error)
{
  g_autofree char *upper = text ? g_ascii_strup (text, -1) : NULL;

  if (upper == NULL)
    {
      g_strlcpy (out, self->default_currency, 4);
      return TRUE;
    }

  if (!sf_currency_is_known (upper))
    {
      g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                   /* Translators: %s is what the file has where a currency code should be */
                   _("“%s” is not a known currency code"), text);
      return FALSE;
    }

  g_strlcpy (out, upper, 4);
  return TRUE;
}

/* Stage and status must agree as the workflow has them: won is the
 * Closed stage, a deal in Closed is won or lost, a lost deal has a
 * reason. Whichever is missing follows from the other. */
static gboolean
read_state (Cells         *cells,
            SfDealRow     *row,
            GError       **error)
{
  const char *stage = cells->text[SF_DEAL_CSV_FIELD_STAGE];
  const char *status = cells->text[SF_DEAL_CSV_FIELD_STATUS];

  row->stage = SF_STAGE_PROSPECT;
  row->status = SF_DEAL_STATUS_OPEN;
  if ((stage && !read_stage (stage, &row->stage, error)) ||
      (status && !read_status (status, &row->status, error)))
    return FALSE;

  if (status == NULL && row->stage == SF_STAGE_CLOSED)
    row->status = SF_DEAL_STATUS_WON;
  if (stage == NULL && row->status == SF_DEAL_STATUS_WON)
    row->stage = SF_STAGE_CLOSED;

  if (row->status == SF_DEAL_STATUS_WON && row->stage != SF_STAGE_CLOSED)
    g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                         _("A won deal must be in the Closed stage"));
  else if (row->status == SF_DEAL_STATUS_OPEN && row->stage == SF_STAGE_CLOSED)
    g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                         _("A deal in the Closed stage is won or lost, not open"));
  else if (row->status == SF_DEAL_STATUS_LOST && row->lost_reason == NULL)
    g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                         _("A lost deal needs a lost reason"));
  else
    return TRUE;

  return FALSE;
}

static gboolean
read_cells (SfDealCsvMapping  *self,
            Cells             *cells,
            SfDealRow         *row,
            char               currency[4],
            GError           **error)
{
  const char *reason = cells->text[SF_DEAL_CSV_FIELD_LOST_REASON];
  const char *reason_key = reason ? read_lost_reason (reason) : NULL;
  SfMoney value;

  row->title = cells->text[SF_DEAL_CSV_FIELD_TITLE];
  row->customer = cells->text[SF_DEAL_CSV_FIELD_CUSTOMER];
  row->contact_name = cells->text[SF_DEAL_CSV_FIELD_CONTACT_NAME];
  row->contact_email = cells->text[SF_DEAL_CSV_FIELD_CONTACT_EMAIL];
  row->contact_phone = cells->text[SF_DEAL_CSV_FIELD_CONTACT_PHONE];
  row->lost_reason = reason_key ? reason_key : reason;
  row->lost_note = cells->text[SF_DEAL_CSV_FIELD_LOST_NOTE];
  row->probability = -1;

  if (!sf_workflow_check_title (row->title, error) ||
      !sf_workflow_check_line (row->customer, error) ||
      !sf_workflow_check_line (row->contact_name, error) ||
      !sf_workflow_check_line (row->contact_email, error) ||
      !sf_workflow_check_line (row->contact_phone, error) ||
      !sf_workflow_check_line (cells->text[SF_DEAL_CSV_FIELD_OWNER], error) ||
      !sf_workflow_check_email (row->contact_email, error) ||
      !read_currency (self, cells->text[SF_DEAL_CSV_FIELD_CURRENCY], currency, error) ||
      !read_value (self, cells->text[SF_DEAL_CSV_FIELD_VALUE], currency, &value, error) ||
      !read_state (cells, row, error))
    return FALSE;

  if (cells->text[SF_DEAL_CSV_FIELD_EXPECTED_CLOSE] != NULL &&
      !read_date (cells->text[SF_DEAL_CSV_FIELD_EXPECTED_CLOSE], &row->expected_close, error))
    return FALSE;

  if (cells->text[SF_DEAL_CSV_FIELD_PROBABILITY] != NULL &&
      !read_probability (cells->text[SF_DEAL_CSV_FIELD_PROBABILITY], &row->probability, error))
    return FALSE;

  row->value = value.amount;
  row->currency = currency;
  return TRUE;
}

/**
 * sf_deal_csv_mapping_read_row:
 * @fields: (array zero-terminated=1): one row of the file; missing
 *   trailing fields count as empty
 * @line: the line the row starts on, for the error message
 * @out_owner: (out) (optional) (transfer full) (nullable): the owner's
 *   name as written, or %NULL
 *
 * Reads a deal from a row. Absent or empty, the currency is the default
 * one, the stage Prospect (Closed when the status is won) and the status
 * open (won in Closed). Text is trimmed, except the notes. A deal in
 * Closed entered it and closed on its date (noon of that day), if it has
 * one.
 *
 * Returns: (transfer full) (nullable): the new deal, not stored; or %NULL
 *   with an error that starts with “Line @line:”
 */
SfDeal *
sf_deal_csv_mapping_read_row (SfDealCsvMapping    *self,
                              const char * const  *fields,
                              guint                line,
                              char               **out_owner,
                              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  Cells cells = { { NULL } };
  SfDealRow row = { 0 };
  char currency[4];
  SfDeal *deal = NULL;

  g_return_val_if_fail (SF_IS_DEAL_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  collect_cells (self, fields, &cells);
  if (read_cells (self, &cells, &row, currency, &local_error))
    {
      /* A deal already in Closed closed on the file's date, not on the
       * day it was imported: its follow-ups count from there. */
      if (row.stage == SF_STAGE_CLOSED)
        row.closed_at = row.stage_entered_at = sf_date_to_unix (row.expected_close);

      deal = sf_deal_new_from_row (&row);
      sf_deal_set_notes (deal, cells.notes);
      if (out_owner != NULL)
        *out_owner = g_steal_pointer (&cells.text[SF_DEAL_CSV_FIELD_OWNER]);
    }
  else
    g_set_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                 /* Translators: %u is a line number of the file; %s says what is wrong */
                 _("Line %u: %s"), line, local_error->message);

  cells_clear (&cells);
  return deal;
}

/* Guessing from the file */

/* How much of the file the character set is guessed from, and how many
 * rows the amounts. */
#define ENCODING_SAMPLE (256 * 1024)
#define NUMBER_SAMPLE_ROWS 1000

static const char *
guess_encoding (GFile   *file,
                GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree char *sample = NULL;
  gsize length = 0;

  if (stream == NULL)
    return NULL;

  sample = g_malloc (ENCODING_SAMPLE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), sample, ENCODING_SAMPLE, &length, NULL, error))
    return NULL;

  return sf_csv_detect_encoding (sample, length);
}

/* One vote per amount that reads in one style and not in the other:
 * "12 500,00" or "1.234,56" for the decimal comma, "12,500.00" or
 * "980.50" for the decimal point. "12500" and "1.234" (one point two
 * three four, or one thousand two hundred thirty-four?) say nothing. */
static void
vote_for_style (SfDealCsvMapping    *self,
                const char * const  *fields,
                guint                votes[2])
{
  int value_column = sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_VALUE);
  int currency_column = sf_deal_csv_mapping_get_column (self, SF_DEAL_CSV_FIELD_CURRENCY);
  guint n_fields = g_strv_length ((char **) fields);
  g_autofree char *value = NULL;
  g_autofree char *code = NULL;
  char currency[4];
  SfMoney money;
  gboolean point, comma;

  if (value_column < 0 || (guint) value_column >= n_fields)
    return;
  value = g_strstrip (g_strdup (fields[value_column]));
  if (currency_column >= 0 && (guint) currency_column < n_fields)
    code = g_strstrip (g_strdup (fields[currency_column]));
  if (*value == '\0' || !read_currency (self, code && *code ? code : NULL, currency, NULL))
    return;

  point = parse_in_style (value, currency, SF_DEAL_CSV_NUMBERS_PLAIN, &money, NULL);
  comma = parse_in_style (value, currency, SF_DEAL_CSV_NUMBERS_LOCALE, &money, NULL);
  if (point != comma)
    votes[comma]++;
}

/* The style most amounts in the first rows read in alone; with no
 * telling amount, or as many of each, the separator's. */
static SfDealCsvNumberStyle
guess_number_style (SfDealCsvMapping    *self,
                    SfCsvReader         *reader,
                    const char * const  *first_row)
{
  guint votes[2] = { 0, 0 };

  if (!self->has_header)
    vote_for_style (self, first_row, votes);
  for (guint n = 0; n < NUMBER_SAMPLE_ROWS && sf_csv_reader_next (reader, NULL, NULL); n++)
    vote_for_style (self, sf_csv_reader_get_fields (reader), votes);

  if (votes[1] > votes[0])
    return SF_DEAL_CSV_NUMBERS_LOCALE;
  if (votes[0] > votes[1])
    return SF_DEAL_CSV_NUMBERS_PLAIN;

  return sf_deal_csv_number_style_resolve (SF_DEAL_CSV_NUMBERS_AUTO, self->separator);
}

/**
 * sf_deal_csv_mapping_new_for_file:
 * @file: a CSV file
 * @encoding: (nullable): its character set, or %NULL to guess it with
 *   sf_csv_detect_encoding() from the start of the file
 * @separator: its separator, or 0 to take the one its first record has
 *   most of
 *
 * Guesses how to read @file from the file itself: the character set, the
 * separator, the columns (sf_deal_csv_mapping_new_from_first_row()), and
 * whether its amounts have a decimal point or a decimal comma — the style
 * that more of the first thousand amounts read in, and not in the other;
 * if none tells, the separator's (%SF_DEAL_CSV_NUMBERS_AUTO).
 *
 * Returns: (transfer full) (nullable): the mapping, for the person to
 *   check; %NULL with @error set when the file cannot be read or is empty
 */
SfDealCsvMapping *
sf_deal_csv_mapping_new_for_file (GFile       *file,
                                  const char  *encoding,
                                  char         separator,
                                  GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(SfCsvReader) reader = NULL;
  g_auto(GStrv) first_row = NULL;
  SfDealCsvMapping *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (encoding == NULL && (encoding = guess_encoding (file, error)) == NULL)
    return NULL;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  reader = sf_csv_reader_new_with_encoding (G_INPUT_STREAM (stream), separator, encoding);
  if (!sf_csv_reader_next (reader, NULL, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID,
                             _("The file is empty"));
      return NULL;
    }

  first_row = g_strdupv ((char **) sf_csv_reader_get_fields (reader));
  self = sf_deal_csv_mapping_new_from_first_row ((const char * const *) first_row,
                                                 sf_csv_reader_get_separator (reader));
  sf_deal_csv_mapping_set_encoding (self, encoding);
  self->number_style = guess_number_style (self, reader, (const char * const *) first_row);

  return self;
}

/* Writing */

/**
 * sf_deal_csv_append_header:
 *
 * Writes the header row Salesflow's files for programs start with.
 */
void
sf_deal_csv_append_header (GString *out,
                           char     separator)
{
  g_return_if_fail (out != NULL);

  sf_csv_append_row (out, &field_keys[1], separator);
}

/**
 * sf_deal_csv_append_header_for:
 *
 * Writes the header row for @audience: the English names for programs,
 * the names in the user's language for spreadsheets (which the import
 * reads too).
 */
void
sf_deal_csv_append_header_for (GString       *out,
                               SfCsvAudience  audience)
{
  const char *names[SF_DEAL_CSV_N_FIELDS];

  g_return_if_fail (out != NULL);

  if (audience == SF_CSV_FOR_PROGRAMS)
    {
      sf_deal_csv_append_header (out, sf_csv_audience_get_separator (audience));
      return;
    }

  for (int f = SF_DEAL_CSV_FIELD_TITLE; f < SF_DEAL_CSV_N_FIELDS; f++)
    names[f - 1] = sf_deal_csv_field_get_name (f);
  names[SF_DEAL_CSV_N_FIELDS - 1] = NULL;
  sf_csv_append_row (out, names, sf_csv_audience_get_separator (audience));
}

static char *
write_value (const SfMoney        *value,
             SfDealCsvNumberStyle  style)
{
  static const SfMoneyFormat comma = { ",", "", 0, FALSE, FALSE, "", "" };

  if (style == SF_DEAL_CSV_NUMBERS_LOCALE)
    return sf_money_to_input_string_with (value, &comma);

  return sf_money_to_plain_string (value);
}

/* One row; @named writes stages, statuses and built-in lost reasons by
 * their names in the user's language instead of their keys. */
static void
append_deal (GString              *out,
             SfDeal               *deal,
             const char           *owner_name,
             const char           *notes,
             char                  separator,
             SfDealCsvNumberStyle  style,
             gboolean              named)
{
  g_autofree char *value = NULL;
  g_autofree char *close = NULL;
  g_autofree char *probability = NULL;
  const char *fields[SF_DEAL_CSV_N_FIELDS];
  const char *reason = sf_deal_get_lost_reason (deal);

  value = write_value (sf_deal_get_value (deal), sf_deal_csv_number_style_resolve (style, separator));
  close = sf_date_to_iso (sf_deal_get_expected_close (deal));
  probability = sf_deal_get_probability (deal) >= 0
                ? g_strdup_printf ("%d", sf_deal_get_probability (deal)) : g_strdup ("");
  if (notes == NULL)
    notes = sf_deal_get_notes (deal);

#define OR_EMPTY(s) ((s) ? (s) : "")
  fields[0] = OR_EMPTY (sf_deal_get_title (deal));
  fields[1] = OR_EMPTY (sf_deal_get_customer (deal));
  fields[2] = OR_EMPTY (sf_deal_get_contact_name (deal));
  fields[3] = OR_EMPTY (sf_deal_get_contact_email (deal));
  fields[4] = OR_EMPTY (sf_deal_get_contact_phone (deal));
  fields[5] = OR_EMPTY (owner_name);
  fields[6] = value;
  fields[7] = sf_deal_get_value (deal)->currency;
  fields[8] = named ? sf_stage_get_name (sf_deal_get_stage (deal))
                    : sf_stage_get_key (sf_deal_get_stage (deal));
  fields[9] = named ? sf_deal_status_get_name (sf_deal_get_status (deal))
                    : sf_deal_status_get_key (sf_deal_get_status (deal));
  fields[10] = named && reason ? sf_lost_reason_get_display (reason) : OR_EMPTY (reason);
  fields[11] = OR_EMPTY (sf_deal_get_lost_note (deal));
  fields[12] = close;
  fields[13] = probability;
  fields[14] = OR_EMPTY (notes);
  fields[15] = NULL;
#undef OR_EMPTY

  sf_csv_append_row (out, fields, separator);
}

/**
 * sf_deal_csv_append_deal:
 * @owner_name: (nullable): the name of the deal's owner
 * @notes: (nullable): the notes, when @deal has not loaded them
 * @style: how to write the value; %SF_DEAL_CSV_NUMBERS_AUTO follows
 *   @separator
 *
 * Writes @deal as one row under sf_deal_csv_append_header()'s columns,
 * with keys for stage, status and lost reason.
 */
void
sf_deal_csv_append_deal (GString              *out,
                         SfDeal               *deal,
                         const char           *owner_name,
                         const char           *notes,
                         char                  separator,
                         SfDealCsvNumberStyle  style)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (SF_IS_DEAL (deal));

  append_deal (out, deal, owner_name, notes, separator, style, FALSE);
}

/**
 * sf_deal_csv_append_deal_for:
 * @owner_name: (nullable): the name of the deal's owner
 * @notes: (nullable): the notes, when @deal has not loaded them
 *
 * Writes @deal as one row under sf_deal_csv_append_header_for()'s
 * columns: for spreadsheets with the locale's decimal mark and the names
 * of stage, status and a built-in lost reason in the user's language.
 * The import reads both back.
 */
void
sf_deal_csv_append_deal_for (GString       *out,
                             SfDeal        *deal,
                             const char    *owner_name,
                             const char    *notes,
                             SfCsvAudience  audience)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (SF_IS_DEAL (deal));

  append_deal (out, deal, owner_name, notes, sf_csv_audience_get_separator (audience),
               sf_csv_audience_has_decimal_comma (audience) ? SF_DEAL_CSV_NUMBERS_LOCALE
                                                            : SF_DEAL_CSV_NUMBERS_PLAIN,
               audience == SF_CSV_FOR_SPREADSHEETS);
}
