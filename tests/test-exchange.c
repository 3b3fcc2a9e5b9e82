/* test-exchange.c — deals to and from CSV, meetings to iCalendar, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-deal-csv.h"
#include "sf-format.h"
#include "sf-store.h"
#include "sf-test-util.h"

typedef struct
{
  char *dir;
  SfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sf_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Writes @text into the fixture's folder and reads its first row the way
 * the import dialog does, to guess the mapping. */
static GFile *
write_file (Fixture           *f,
            const char        *name,
            const char        *text,
            SfDealCsvMapping **out_mapping)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  if (out_mapping != NULL)
    {
      g_autoptr(SfCsvReader) reader = sf_csv_reader_new_for_data (text, -1, 0);

      g_assert_true (sf_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
      *out_mapping = sf_deal_csv_mapping_new_from_first_row (sf_csv_reader_get_fields (reader),
                                                             sf_csv_reader_get_separator (reader));
    }

  return g_file_new_for_path (path);
}

static SfPerson *
find_person (GPtrArray *persons,
             gint64     id)
{
  for (guint i = 0; i < persons->len; i++)
    if (sf_person_get_id (g_ptr_array_index (persons, i)) == id)
      return g_ptr_array_index (persons, i);

  return NULL;
}

static const char *
owner_name (SfStore *store,
            SfDeal  *deal)
{
  static char name[128];
  g_autoptr(GPtrArray) persons = sf_store_list_persons (store, NULL);
  SfPerson *person = find_person (persons, sf_deal_get_owner_id (deal));

  if (person == NULL)
    return NULL;
  g_strlcpy (name, sf_person_get_name (person), sizeof name);
  return name;
}

/* Header names */

static void
test_headers (void)
{
  static const struct {
    const char *header;
    SfDealCsvField field;
  } cases[] = {
    { "Titel", SF_DEAL_CSV_FIELD_TITLE },
    { "Tittel", SF_DEAL_CSV_FIELD_TITLE },
    { "  TITLE ", SF_DEAL_CSV_FIELD_TITLE },
    { "Deal name", SF_DEAL_CSV_FIELD_TITLE },
    { "Kunde", SF_DEAL_CSV_FIELD_CUSTOMER },
    { "Firma", SF_DEAL_CSV_FIELD_CUSTOMER },
    { "Ansprechpartner", SF_DEAL_CSV_FIELD_CONTACT_NAME },
    { "Kontaktperson", SF_DEAL_CSV_FIELD_CONTACT_NAME },
    { "E-Mail", SF_DEAL_CSV_FIELD_CONTACT_EMAIL },
    { "e_mail", SF_DEAL_CSV_FIELD_CONTACT_EMAIL },
    { "E-post", SF_DEAL_CSV_FIELD_CONTACT_EMAIL },
    { "Email (work)", SF_DEAL_CSV_FIELD_CONTACT_EMAIL },
    { "Telefon", SF_DEAL_CSV_FIELD_CONTACT_PHONE },
    { "Verantwortlich", SF_DEAL_CSV_FIELD_OWNER },
    { "Ansvarlig", SF_DEAL_CSV_FIELD_OWNER },
    { "Wert", SF_DEAL_CSV_FIELD_VALUE },
    { "Betrag", SF_DEAL_CSV_FIELD_VALUE },
    { "Wert (EUR)", SF_DEAL_CSV_FIELD_VALUE },
    { "Verdi", SF_DEAL_CSV_FIELD_VALUE },
    { "Beløp", SF_DEAL_CSV_FIELD_VALUE },
    { "BELØP", SF_DEAL_CSV_FIELD_VALUE },
    { "Währung", SF_DEAL_CSV_FIELD_CURRENCY },
    { "WÄHRUNG", SF_DEAL_CSV_FIELD_CURRENCY },
    { "Wa\xcc\x88hrung", SF_DEAL_CSV_FIELD_CURRENCY },   /* decomposed ä */
    { "Valuta", SF_DEAL_CSV_FIELD_CURRENCY },
    { "Phase", SF_DEAL_CSV_FIELD_STAGE },
    { "Trinn", SF_DEAL_CSV_FIELD_STAGE },
    { "Status", SF_DEAL_CSV_FIELD_STATUS },
    { "Verlustgrund", SF_DEAL_CSV_FIELD_LOST_REASON },
    { "Tapsårsak", SF_DEAL_CSV_FIELD_LOST_REASON },
    { "Abschlussdatum", SF_DEAL_CSV_FIELD_EXPECTED_CLOSE },
    { "Forventet avslutning", SF_DEAL_CSV_FIELD_EXPECTED_CLOSE },
    { "Wahrscheinlichkeit (%)", SF_DEAL_CSV_FIELD_PROBABILITY },
    { "Sannsynlighet", SF_DEAL_CSV_FIELD_PROBABILITY },
    { "Notizen", SF_DEAL_CSV_FIELD_NOTES },
    { "Notater", SF_DEAL_CSV_FIELD_NOTES },
    { "Colour", SF_DEAL_CSV_FIELD_NONE },
    { "", SF_DEAL_CSV_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (sf_deal_csv_field_from_header (cases[i].header), ==, cases[i].field);
    }

  /* Salesflow's own header reads back as itself. */
  for (int f = SF_DEAL_CSV_FIELD_TITLE; f < SF_DEAL_CSV_N_FIELDS; f++)
    g_assert_cmpint (sf_deal_csv_field_from_header (sf_deal_csv_field_get_key (f)), ==, f);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_mapping (void)
{
  const char * const header[] = { "Farbe", "Titel", "Wert", "Titel", "Phase", NULL };
  const char * const data[] = { "Office chairs", "ACME", NULL };
  g_autoptr(SfDealCsvMapping) mapping = sf_deal_csv_mapping_new_from_first_row (header, ';');
  g_autoptr(SfDealCsvMapping) headless = sf_deal_csv_mapping_new_from_first_row (data, ',');
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_assert_true (sf_deal_csv_mapping_get_has_header (mapping));
  g_assert_cmpuint (sf_deal_csv_mapping_get_n_columns (mapping), ==, 5);
  g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, 0), ==, SF_DEAL_CSV_FIELD_NONE);
  g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, 1), ==, SF_DEAL_CSV_FIELD_TITLE);
  /* A field comes from one column: the second "Titel" is not read. */
  g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, 3), ==, SF_DEAL_CSV_FIELD_NONE);
  g_assert_cmpint (sf_deal_csv_mapping_get_column (mapping, SF_DEAL_CSV_FIELD_STAGE), ==, 4);
  g_assert_cmpstr (sf_deal_csv_mapping_get_header (mapping, 2), ==, "Wert");
  g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, ';');

  /* Moving the title to another column clears it from the old one. */
  g_signal_connect (mapping, "changed", G_CALLBACK (count_signal), &changed);
  sf_deal_csv_mapping_set_field (mapping, 3, SF_DEAL_CSV_FIELD_TITLE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, 1), ==, SF_DEAL_CSV_FIELD_NONE);
  g_assert_cmpint (sf_deal_csv_mapping_get_column (mapping, SF_DEAL_CSV_FIELD_TITLE), ==, 3);
  g_assert_true (sf_deal_csv_mapping_check (mapping, &error));
  sf_deal_csv_mapping_set_field (mapping, 3, SF_DEAL_CSV_FIELD_TITLE);
  g_assert_cmpuint (changed, ==, 1);

  sf_deal_csv_mapping_set_field (mapping, 3, SF_DEAL_CSV_FIELD_NONE);
  g_assert_false (sf_deal_csv_mapping_check (mapping, &error));
  g_assert_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_NO_TITLE);

  /* A first row that names nothing is data: its first column is the title. */
  g_assert_false (sf_deal_csv_mapping_get_has_header (headless));
  g_assert_cmpint (sf_deal_csv_mapping_get_field (headless, 0), ==, SF_DEAL_CSV_FIELD_TITLE);
  g_assert_cmpint (sf_deal_csv_mapping_get_field (headless, 1), ==, SF_DEAL_CSV_FIELD_NONE);
  g_assert_null (sf_deal_csv_mapping_get_header (headless, 0));

  g_assert_cmpint (sf_deal_csv_number_style_resolve (SF_DEAL_CSV_NUMBERS_AUTO, ';'), ==,
                   SF_DEAL_CSV_NUMBERS_LOCALE);
  g_assert_cmpint (sf_deal_csv_number_style_resolve (SF_DEAL_CSV_NUMBERS_AUTO, ','), ==,
                   SF_DEAL_CSV_NUMBERS_PLAIN);
  g_assert_cmpint (sf_deal_csv_number_style_resolve (SF_DEAL_CSV_NUMBERS_PLAIN, ';'), ==,
                   SF_DEAL_CSV_NUMBERS_PLAIN);
}

/* One row, column by column */

typedef struct
{
  const char *name;
  const char *cells[SF_DEAL_CSV_N_FIELDS];   /* by SfDealCsvField */
  char separator;
  SfDealCsvNumberStyle style;
  /* what the deal must hold, or the error */
  gint64 amount;
  const char *currency;                      /* NULL: the default, NOK */
  SfStage stage;
  SfDealStatus status;
  const char *close;
  int probability;                           /* 0 means -1, 1 + n means n */
  const char *lost_reason;
  const char *error;
} RowCase;

#define T SF_DEAL_CSV_FIELD_TITLE
#define V SF_DEAL_CSV_FIELD_VALUE
#define C SF_DEAL_CSV_FIELD_CURRENCY
#define S SF_DEAL_CSV_FIELD_STAGE
#define ST SF_DEAL_CSV_FIELD_STATUS
#define R SF_DEAL_CSV_FIELD_LOST_REASON
#define D SF_DEAL_CSV_FIELD_EXPECTED_CLOSE
#define P SF_DEAL_CSV_FIELD_PROBABILITY
#define E SF_DEAL_CSV_FIELD_CONTACT_EMAIL

static const RowCase row_cases[] = {
  { "defaults", { [T] = "Deal" }, ',' },
  { "plain", { [T] = "Deal", [V] = "1234.56", [C] = "eur" }, ',', SF_DEAL_CSV_NUMBERS_PLAIN,
    .amount = 123456, .currency = "EUR" },
  { "plain-negative", { [T] = "Deal", [V] = "-0.50" }, ',', SF_DEAL_CSV_NUMBERS_PLAIN, .amount = -50 },
  { "plain-grouped", { [T] = "Deal", [V] = "1,234.56" }, ';', SF_DEAL_CSV_NUMBERS_PLAIN, .amount = 123456 },
  { "plain-spaces", { [T] = "Deal", [V] = "12 500.00" }, ';', SF_DEAL_CSV_NUMBERS_PLAIN, .amount = 1250000 },
  { "plain-refuses-comma", { [T] = "Deal", [V] = "1234,5" }, ';', SF_DEAL_CSV_NUMBERS_PLAIN,
    .error = "is written with a decimal comma" },
  { "locale-points", { [T] = "Deal", [V] = "1.234,56" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE, .amount = 123456 },
  { "locale-spaces", { [T] = "Deal", [V] = "1 234,56" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE, .amount = 123456 },
  { "locale-nbsp", { [T] = "Deal", [V] = "1\xc2\xa0" "234\xc2\xa0" "567,8" }, ';',
    SF_DEAL_CSV_NUMBERS_LOCALE, .amount = 123456780 },
  { "locale-ungrouped", { [T] = "Deal", [V] = "1234,5" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE, .amount = 123450 },
  { "locale-kr", { [T] = "Deal", [V] = "12 500 kr" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE, .amount = 1250000 },
  { "locale-euro", { [T] = "Deal", [V] = "-1.234,56 €", [C] = "EUR" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE,
    .amount = -123456, .currency = "EUR" },
  { "locale-yen", { [T] = "Deal", [V] = "1.234", [C] = "JPY" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE,
    .amount = 1234, .currency = "JPY" },
  { "auto-semicolon", { [T] = "Deal", [V] = "1.234,56" }, ';', SF_DEAL_CSV_NUMBERS_AUTO, .amount = 123456 },
  { "auto-comma", { [T] = "Deal", [V] = "1234.56" }, ',', SF_DEAL_CSV_NUMBERS_AUTO, .amount = 123456 },
  { "auto-comma-refuses-locale", { [T] = "Deal", [V] = "1.234,56" }, ',', SF_DEAL_CSV_NUMBERS_AUTO,
    .error = "“1.234,56” is written with a decimal comma" },
  { "locale-refuses-nonsense", { [T] = "Deal", [V] = "1.2.3" }, ';', SF_DEAL_CSV_NUMBERS_LOCALE,
    .error = "Write the amount as in 1.234,56" },
  { "unknown-currency", { [T] = "Deal", [C] = "XYZ" }, ',', .error = "“XYZ” is not a known currency code" },
  { "empty-title", { [T] = "   ", [V] = "5" }, ',', .error = "The title cannot be empty" },
  { "bad-email", { [T] = "Deal", [E] = "not an address" }, ',', .error = "e-mail" },
  { "date-iso", { [T] = "Deal", [D] = "2026-12-31" }, ',', .close = "2026-12-31" },
  { "date-dotted", { [T] = "Deal", [D] = "31.12.2026" }, ',', .close = "2026-12-31" },
  { "date-short-dotted", { [T] = "Deal", [D] = "1.2.2027" }, ',', .close = "2027-02-01" },
  { "date-slashes", { [T] = "Deal", [D] = "31/12/2026" }, ',', .error = "“31/12/2026” is not a date" },
  { "date-no-such-day", { [T] = "Deal", [D] = "31.02.2026" }, ',', .error = "is not a date" },
  { "date-no-such-month", { [T] = "Deal", [D] = "2026-13-01" }, ',', .error = "is not a date" },
  /* Found by fuzzing: each once read past the end of the text. */
  { "date-cut-short", { [T] = "Deal", [D] = "1.2." }, ',', .error = "“1.2.” is not a date" },
  { "date-no-year", { [T] = "Deal", [D] = "31.12." }, ',', .error = "is not a date" },
  { "date-short-year", { [T] = "Deal", [D] = "1.2.20" }, ',', .error = "is not a date" },
  { "date-letters-in-year", { [T] = "Deal", [D] = "1.2.20x6" }, ',', .error = "is not a date" },
  { "probability", { [T] = "Deal", [P] = "45" }, ',', .probability = 46 },
  { "probability-percent", { [T] = "Deal", [P] = "45 %" }, ',', .probability = 46 },
  { "probability-zero", { [T] = "Deal", [P] = "0%" }, ',', .probability = 1 },
  { "probability-too-high", { [T] = "Deal", [P] = "101" }, ',', .error = "not a probability" },
  { "probability-fraction", { [T] = "Deal", [P] = "4.5" }, ',', .error = "not a probability" },
  { "stage-german", { [T] = "Deal", [S] = "Entwicklung" }, ',', .stage = SF_STAGE_DEVELOPED },
  { "stage-norwegian", { [T] = "Deal", [S] = "Foreslått" }, ',', .stage = SF_STAGE_PROPOSED },
  { "stage-norwegian-upper", { [T] = "Deal", [S] = "FORESLÅTT" }, ',', .stage = SF_STAGE_PROPOSED },
  { "stage-key", { [T] = "Deal", [S] = "discovery" }, ',', .stage = SF_STAGE_DISCOVERY },
  { "stage-english", { [T] = "Deal", [S] = "Qualified" }, ',', .stage = SF_STAGE_QUALIFIED },
  { "stage-unknown", { [T] = "Deal", [S] = "Phase 7" }, ',', .error = "“Phase 7” is not a stage" },
  { "closed-is-won", { [T] = "Deal", [S] = "Geschlossen" }, ',', .stage = SF_STAGE_CLOSED,
    .status = SF_DEAL_STATUS_WON },
  { "won-is-closed", { [T] = "Deal", [ST] = "Vunnet" }, ',', .stage = SF_STAGE_CLOSED,
    .status = SF_DEAL_STATUS_WON },
  { "won-early", { [T] = "Deal", [S] = "Kvalifisert", [ST] = "Gewonnen" }, ',',
    .error = "A won deal must be in the Closed stage" },
  { "open-closed", { [T] = "Deal", [S] = "closed", [ST] = "open" }, ',',
    .error = "won or lost, not open" },
  { "lost-without-reason", { [T] = "Deal", [ST] = "Verloren" }, ',', .error = "A lost deal needs a lost reason" },
  { "lost-reason-key", { [T] = "Deal", [ST] = "lost", [R] = "price" }, ',',
    .status = SF_DEAL_STATUS_LOST, .lost_reason = "price" },
  { "lost-reason-title", { [T] = "Deal", [ST] = "Tapt", [R] = "Chose a competitor" }, ',',
    .status = SF_DEAL_STATUS_LOST, .lost_reason = "competitor" },
  { "lost-reason-text", { [T] = "Deal", [S] = "Lukket", [ST] = "LOST", [R] = " Went elsewhere " }, ',',
    .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_LOST, .lost_reason = "Went elsewhere" },
  { "status-unknown", { [T] = "Deal", [ST] = "maybe" }, ',', .error = "“maybe” is not a status" },
};

#undef T
#undef V
#undef C
#undef S
#undef ST
#undef R
#undef D
#undef P
#undef E

static SfDealCsvMapping *
full_mapping (char separator)
{
  SfDealCsvMapping *mapping = sf_deal_csv_mapping_new (SF_DEAL_CSV_N_FIELDS - 1, separator);

  for (guint f = 1; f < SF_DEAL_CSV_N_FIELDS; f++)
    sf_deal_csv_mapping_set_field (mapping, f - 1, f);

  return mapping;
}

static void
test_row (gconstpointer data)
{
  const RowCase *c = data;
  g_autoptr(SfDealCsvMapping) mapping = full_mapping (c->separator);
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *close = NULL;
  const char *fields[SF_DEAL_CSV_N_FIELDS];

  for (guint f = 1; f < SF_DEAL_CSV_N_FIELDS; f++)
    fields[f - 1] = c->cells[f] ? c->cells[f] : "";
  fields[SF_DEAL_CSV_N_FIELDS - 1] = NULL;
  sf_deal_csv_mapping_set_number_style (mapping, c->style);
  sf_deal_csv_mapping_set_default_currency (mapping, "NOK");

  deal = sf_deal_csv_mapping_read_row (mapping, fields, 7, NULL, &error);
  if (c->error != NULL)
    {
      g_assert_null (deal);
      g_assert_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Line 7: "));
      g_assert_nonnull (strstr (error->message, c->error));
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, c->amount);
  g_assert_cmpstr (sf_deal_get_value (deal)->currency, ==, c->currency ? c->currency : "NOK");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, c->stage);
  g_assert_cmpint (sf_deal_get_status (deal), ==, c->status);
  close = sf_date_to_iso (sf_deal_get_expected_close (deal));
  g_assert_cmpstr (close, ==, c->close ? c->close : "");
  g_assert_cmpint (sf_deal_get_probability (deal), ==, c->probability - 1);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, c->lost_reason);
}

/* Rows read through a partial mapping: text trimmed, notes as written,
 * the owner handed out by name, short rows padded. */
static void
test_row_cells (void)
{
  const char * const header[] = { "Notes", "Owner", "Title", "Customer", NULL };
  const char * const row[] = { "  indented\n\tline \r\n", "  Anna Berg ", " Chairs ", NULL };
  g_autoptr(SfDealCsvMapping) mapping = sf_deal_csv_mapping_new_from_first_row (header, ',');
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  deal = sf_deal_csv_mapping_read_row (mapping, row, 2, &owner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Chairs");
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "");
  g_assert_cmpstr (sf_deal_get_notes (deal), ==, "  indented\n\tline \r\n");
  g_assert_cmpstr (owner, ==, "Anna Berg");
  g_assert_cmpint (sf_deal_get_owner_id (deal), ==, 0);

  g_assert_true (sf_deal_csv_row_is_blank ((const char *[]) { "", " ", "\t", NULL }));
  g_assert_false (sf_deal_csv_row_is_blank ((const char *[]) { "", "x", NULL }));
}

/* Files */

static GPtrArray *
import_file (Fixture           *f,
             const char        *text,
             SfDealCsvMapping **out_mapping,
             GError           **error)
{
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(GFile) file = write_file (f, "import.csv", text, &mapping);
  guint n = 0;

  if (out_mapping != NULL)
    *out_mapping = g_object_ref (mapping);
  if (!sf_store_import_csv (f->store, file, mapping, NULL, NULL, &n, error))
    return NULL;

  return sf_store_list_deals (f->store, NULL);
}

/* What a German spreadsheet saves as "CSV UTF-8 (Trennzeichen-getrennt)". */
static const char german_file[] =
  "\xef\xbb\xbfTitel;Kunde;Ansprechpartner;E-Mail;Verantwortlich;Wert;Währung;Phase;Status;"
  "Verlustgrund;Abschlussdatum;Wahrscheinlichkeit;Notizen\r\n"
  "Büromöbel für die Zentrale;Müller & Söhne GmbH;Jürgen Weiß;j.weiss@example.de;Anna Berg;"
  "1.234,56;EUR;Interessent;Offen;;31.12.2026;25 %;\"Erstes Gespräch am Montag; danach "
  "ein „Angebot“.\r\nZweite Zeile\"\r\n"
  "Serverraum Nord;Straßenbau AG;;;anna berg;12.500,00;;Entwicklung;;;15.03.2027;;\r\n"
  "Kantine;Großküche KG;;;Bernd Schulz;-250,00;EUR;Geschlossen;Verloren;Preis zu hoch;;;\r\n"
  ";;;;;;;;;;;;\r\n";

static void
test_import_german (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) bernd = sf_store_add_person (f->store, "Bernd Schulz", SF_ROLE_MANAGER, NULL);
  g_autofree char *close = NULL;
  SfDeal *deal;
  guint n = 0;

  file = write_file (f, "deals.csv", german_file, &mapping);
  g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, ';');
  g_assert_true (sf_deal_csv_mapping_get_has_header (mapping));
  for (guint i = 0; i < sf_deal_csv_mapping_get_n_columns (mapping); i++)
    g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, i), !=, SF_DEAL_CSV_FIELD_NONE);
  sf_deal_csv_mapping_set_default_currency (mapping, "CHF");

  g_assert_true (sf_store_import_csv (f->store, file, mapping, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 3);

  deal = g_ptr_array_index (deals, 0);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Büromöbel für die Zentrale");
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (sf_deal_get_contact_name (deal), ==, "Jürgen Weiß");
  g_assert_cmpstr (sf_deal_get_contact_email (deal), ==, "j.weiss@example.de");
  g_assert_cmpstr (owner_name (f->store, deal), ==, "Anna Berg");
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 123456);
  g_assert_cmpstr (sf_deal_get_value (deal)->currency, ==, "EUR");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROSPECT);
  close = sf_date_to_iso (sf_deal_get_expected_close (deal));
  g_assert_cmpstr (close, ==, "2026-12-31");
  g_assert_cmpint (sf_deal_get_probability (deal), ==, 25);
  g_assert_true (sf_store_load_deal_notes (f->store, deal, NULL));
  g_assert_cmpstr (sf_deal_get_notes (deal), ==,
                   "Erstes Gespräch am Montag; danach ein „Angebot“.\r\nZweite Zeile");

  deal = g_ptr_array_index (deals, 1);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 1250000);
  g_assert_cmpstr (sf_deal_get_value (deal)->currency, ==, "CHF");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_DEVELOPED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_OPEN);
  g_assert_cmpint (sf_deal_get_owner_id (deal), ==,
                   sf_deal_get_owner_id (g_ptr_array_index (deals, 0)));
  g_assert_cmpint (sf_deal_get_probability (deal), ==, -1);

  deal = g_ptr_array_index (deals, 2);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, -25000);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_CLOSED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_LOST);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, "Preis zu hoch");
  g_assert_cmpint (sf_deal_get_owner_id (deal), ==, sf_person_get_id (bernd));

  /* "Anna Berg" and "anna berg" are one new salesperson; Bernd was there. */
  persons = sf_store_list_persons (f->store, NULL);
  g_assert_cmpuint (persons->len, ==, 2);
  g_assert_cmpstr (sf_person_get_name (g_ptr_array_index (persons, 0)), ==, "Anna Berg");
  g_assert_cmpint (sf_person_get_role (g_ptr_array_index (persons, 0)), ==, SF_ROLE_SALES);
}

static const char norwegian_file[] =
  "Tittel;Kunde;Verdi;Valuta;Trinn;Status;E-post;Ansvarlig;Forventet avslutning;Tapsårsak\n"
  "Kontormøbler til Ålesund;Ærlig Øl AS;1 234,56;NOK;Kvalifisert;Åpen;ola@example.no;"
  "Kari Nordmann;01.02.2027;\n"
  "Nytt lager;Fjord & Fjell AS;12 500 kr;NOK;Lukket;;;KARI NORDMANN;;\n"
  "Kantine;Bø Bakeri;0;nok;Foreslått;Tapt;;;;Valgte en konkurrent";

static void
test_import_norwegian (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *close = NULL;
  SfDeal *deal;

  deals = import_file (f, norwegian_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, 3);

  deal = g_ptr_array_index (deals, 0);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Kontormøbler til Ålesund");
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "Ærlig Øl AS");
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 123456);
  g_assert_cmpstr (sf_deal_get_value (deal)->currency, ==, "NOK");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_OPEN);
  g_assert_cmpstr (sf_deal_get_contact_email (deal), ==, "ola@example.no");
  close = sf_date_to_iso (sf_deal_get_expected_close (deal));
  g_assert_cmpstr (close, ==, "2027-02-01");

  deal = g_ptr_array_index (deals, 1);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 1250000);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_CLOSED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_WON);

  deal = g_ptr_array_index (deals, 2);
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 0);
  g_assert_cmpstr (sf_deal_get_value (deal)->currency, ==, "NOK");
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_PROPOSED);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_LOST);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, "Valgte en konkurrent");
  g_assert_cmpint (sf_deal_get_owner_id (deal), ==, 0);

  persons = sf_store_list_persons (f->store, NULL);
  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (sf_person_get_name (g_ptr_array_index (persons, 0)), ==, "Kari Nordmann");
}

static gint64
fixed_clock (gpointer data)
{
  return *(gint64 *) data;
}

/* A won deal in a spreadsheet closed on the day its date column says, not
 * on the day it was imported; its satisfaction follow-ups count from
 * there. A lost one in Closed too. A date after today is today. */
static void
test_import_closed_dates (Fixture       *f,
                          gconstpointer  data)
{
  static const char text[] =
    "Titel;Kunde;Wert;Phase;Status;Verlustgrund;Abschlussdatum\r\n"
    "Werkstattverwaltung;Straßenbau Lübeck AG;48.000,00;Geschlossen;Gewonnen;;14.11.2025\r\n"
    "Kantine;Bäckerei Möller;950,00;Geschlossen;Verloren;Preis zu hoch;02.09.2025\r\n"
    "Hafenkran;Kieler Werft;1.000,00;Geschlossen;Gewonnen;;31.12.2030\r\n"
    "Lagerhalle;Nordbau;2.000,00;Geschlossen;Gewonnen;;\r\n"
    "Serverraum;Datenwerk;3.000,00;Entwicklung;Offen;;15.03.2026\r\n";
  static const struct {
    const char *closed;       /* NULL: not closed */
    const char *first_follow_up;
  } expected[] = {
    { "2025-11-14", "2025-12-14" },
    { "2025-09-02", NULL },
    { "2026-01-15", "2026-02-14" },
    { "2026-01-15", "2026-02-14" },
    { NULL, NULL },
  };
  gint64 now = 1768478400;  /* 2026-01-15 12:00:00 UTC */
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;

  sf_store_set_clock (f->store, fixed_clock, &now);
  deals = import_file (f, text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < deals->len; i++)
    {
      SfDeal *deal = g_ptr_array_index (deals, i);
      g_autoptr(GArray) follow_ups = sf_store_list_follow_ups (f->store, sf_deal_get_id (deal), NULL);
      g_autofree char *closed = sf_date_to_iso (sf_date_from_unix (sf_deal_get_closed_at (deal)));
      g_autofree char *entered = sf_date_to_iso (sf_date_from_unix (sf_deal_get_stage_entered_at (deal)));
      g_autofree char *first = NULL;

      g_test_message ("%s", sf_deal_get_title (deal));
      if (expected[i].closed == NULL)
        {
          g_assert_cmpint (sf_deal_get_closed_at (deal), ==, 0);
          g_assert_cmpstr (entered, ==, "2026-01-15");
          g_assert_cmpuint (follow_ups->len, ==, 0);
          continue;
        }
      g_assert_cmpstr (closed, ==, expected[i].closed);
      g_assert_cmpstr (entered, ==, expected[i].closed);
      g_assert_cmpint (sf_deal_get_created_at (deal), <=, sf_deal_get_closed_at (deal));
      if (expected[i].first_follow_up == NULL)
        continue;
      g_assert_cmpuint (follow_ups->len, >, 0);
      first = sf_date_to_iso (g_array_index (follow_ups, SfFollowUp, 0).due);
      g_assert_cmpstr (first, ==, expected[i].first_follow_up);
    }
}

/* A file from tests/data, as the import dialog reads it: everything
 * guessed from the file. */
static SfDealCsvMapping *
guess_data_file (const char  *name,
                 GFile      **out_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
  SfDealCsvMapping *mapping = sf_deal_csv_mapping_new_for_file (file, NULL, 0, &error);

  g_assert_no_error (error);
  *out_file = g_steal_pointer (&file);
  return mapping;
}

/* What German Excel saves as "CSV (Trennzeichen-getrennt)": Windows-1252,
 * semicolons, CRLF, 12.500,00. It was refused as "not UTF-8". */
static void
test_import_german_excel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SfDealCsvMapping) mapping = guess_data_file ("deals-de-excel-windows-1252.csv", &file);
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  SfDeal *deal;

  g_assert_cmpstr (sf_deal_csv_mapping_get_encoding (mapping), ==, SF_CSV_WINDOWS_1252);
  g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, ';');
  g_assert_cmpint (sf_deal_csv_mapping_get_number_style (mapping), ==, SF_DEAL_CSV_NUMBERS_LOCALE);
  g_assert_true (sf_deal_csv_mapping_get_has_header (mapping));
  g_assert_cmpint (sf_deal_csv_mapping_get_column (mapping, SF_DEAL_CSV_FIELD_CURRENCY), ==, 6);

  g_assert_true (sf_store_import_csv (f->store, file, mapping, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  deals = sf_store_list_deals (f->store, NULL);
  deal = g_ptr_array_index (deals, 0);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Büromöbel für die Zentrale");
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (sf_deal_get_contact_name (deal), ==, "Jürgen Weiß");
  g_assert_cmpstr (owner_name (f->store, deal), ==, "Anna Bäcker");
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 1250000);
  g_assert_true (sf_store_load_deal_notes (f->store, deal, NULL));
  g_assert_cmpstr (sf_deal_get_notes (deal), ==, "Rabatt „Frühbucher“ – 5 %, ca. 600 €");

  deal = g_ptr_array_index (deals, 1);
  g_assert_cmpstr (sf_deal_get_title (deal), ==, "Kühlkettenüberwachung");
  g_assert_cmpint (sf_deal_get_value (deal)->amount, ==, 398050);
  g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_DEVELOPED);

  deal = g_ptr_array_index (deals, 2);
  g_assert_cmpstr (sf_deal_get_customer (deal), ==, "Straßenbau Lübeck AG");
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_WON);
  g_assert_cmpint (sf_date_from_unix (sf_deal_get_closed_at (deal)), ==, sf_date_from_ymd (2025, 11, 14));

  deal = g_ptr_array_index (deals, 3);
  g_assert_cmpint (sf_deal_get_status (deal), ==, SF_DEAL_STATUS_LOST);
  g_assert_cmpstr (sf_deal_get_lost_reason (deal), ==, "Preis zu hoch");
}

/* A Norwegian's files: semicolons with 12,500.00 from an English system,
 * and commas with "12 500,00" from a web spreadsheet. Each is read in the
 * style its amounts are written in, whatever its separator. */
static void
test_import_norwegian_numbers (Fixture       *f,
                               gconstpointer  data)
{
  static const struct {
    const char *name;
    char separator;
    SfDealCsvNumberStyle style;
  } files[] = {
    { "deals-nb-decimal-point.csv", ';', SF_DEAL_CSV_NUMBERS_PLAIN },
    { "deals-nb-comma-separated.csv", ',', SF_DEAL_CSV_NUMBERS_LOCALE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/import-%u.db", f->dir, i);
      g_autoptr(SfStore) store = sf_store_open (path, NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(SfDealCsvMapping) mapping = guess_data_file (files[i].name, &file);
      g_autoptr(GPtrArray) deals = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", files[i].name);
      g_assert_cmpstr (sf_deal_csv_mapping_get_encoding (mapping), ==, SF_CSV_UTF8);
      g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, files[i].separator);
      g_assert_cmpint (sf_deal_csv_mapping_get_number_style (mapping), ==, files[i].style);
      g_assert_true (sf_store_import_csv (store, file, mapping, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      deals = sf_store_list_deals (store, NULL);
      g_assert_cmpuint (deals->len, ==, 3);
      g_assert_cmpstr (sf_deal_get_title (g_ptr_array_index (deals, 0)), ==, "Kontormøbler til Ålesund");
      g_assert_cmpint (sf_deal_get_value (g_ptr_array_index (deals, 0))->amount, ==, 1250000);
      g_assert_cmpint (sf_deal_get_value (g_ptr_array_index (deals, 1))->amount, ==, 125000000);
      g_assert_cmpint (sf_deal_get_value (g_ptr_array_index (deals, 2))->amount, ==, 98050);
    }
}

/* The advice for an amount that does not read: the other style's choice
 * when it reads there; else an example as the user's locale writes it. */
static void
test_number_advice (void)
{
  static const struct {
    const char *locale;
    SfDealCsvNumberStyle style;
    const char *value;
    const char *message;
  } cases[] = {
    { "nb_NO.UTF-8", SF_DEAL_CSV_NUMBERS_LOCALE, "12,500.00",
      "Line 2: “12,500.00” is written with a decimal point: choose “Decimal point” under "
      "“Amounts Written As”" },
    { "nb_NO.UTF-8", SF_DEAL_CSV_NUMBERS_PLAIN, "12 500,00",
      "Line 2: “12 500,00” is written with a decimal comma: choose “Decimal comma” under "
      "“Amounts Written As”" },
    { "nb_NO.UTF-8", SF_DEAL_CSV_NUMBERS_LOCALE, "12.50.0", "Line 2: Write the amount as in 1 234,56" },
    { "de_DE.UTF-8", SF_DEAL_CSV_NUMBERS_LOCALE, "12.50.0", "Line 2: Write the amount as in 1.234,56" },
    { "C.UTF-8", SF_DEAL_CSV_NUMBERS_LOCALE, "12.50.0", "Line 2: Write the amount as in 1.234,56" },
    { "C.UTF-8", SF_DEAL_CSV_NUMBERS_PLAIN, "12,50,0", "Line 2: Write the amount as in 1,234.56" },
    { "nb_NO.UTF-8", SF_DEAL_CSV_NUMBERS_PLAIN, "12,50,0", "Line 2: Write the amount as in 1,234.56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const header[] = { "Title", "Value", "Currency", NULL };
      const char * const row[] = { "Deal", cases[i].value, "NOK", NULL };
      g_autoptr(SfDealCsvMapping) mapping = NULL;
      g_autoptr(SfDeal) deal = NULL;
      g_autoptr(GError) error = NULL;

      if (!sf_test_use_locale (cases[i].locale))
        return;
      mapping = sf_deal_csv_mapping_new_from_first_row (header, ';');
      sf_deal_csv_mapping_set_number_style (mapping, cases[i].style);
      deal = sf_deal_csv_mapping_read_row (mapping, row, 2, NULL, &error);
      g_assert_null (deal);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  sf_test_use_locale ("C.UTF-8");
}

static int
count_rows (SfStore    *store,
            const char *what)
{
  g_autoptr(GPtrArray) items = g_str_equal (what, "deals")
                               ? sf_store_list_deals (store, NULL)
                               : sf_store_list_persons (store, NULL);

  return items->len;
}

/* Every bad row is named by the line it starts on, and nothing is stored:
 * not the good rows, not the people they name. */
static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  static const char text[] =
    "Title,Value,Stage,Owner,Notes\n"
    "Good one,10.00,prospect,New Person,\n"
    ",5.00,prospect,,\n"
    "Good two,1.00,prospect,,\"a note\nover\nthree lines\"\n"
    "Bad value,\"12,50\",prospect,,\n"
    "Bad stage,1.00,Phase 9,,\n"
    "Good three,2.00,closed,,\n";
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;

  deals = import_file (f, text, NULL, &error);
  g_assert_null (deals);
  g_assert_error (error, SF_DEAL_CSV_ERROR, SF_DEAL_CSV_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==,
                   "3 rows cannot be imported, so nothing was imported:\n"
                   "Line 3: The title cannot be empty\n"
                   "Line 7: “12,50” is written with a decimal comma: choose “Decimal comma” "
                   "under “Amounts Written As”\n"
                   "Line 8: “Phase 9” is not a stage");
  g_assert_cmpint (count_rows (f->store, "deals"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "persons"), ==, 0);
}

static void
test_import_many_bad_rows (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Title;Value\n");
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append (text, "Fine;1,00\n ;2,00\n");

  deals = import_file (f, text->str, NULL, &error);
  g_assert_null (deals);
  g_assert_true (g_str_has_prefix (error->message, "12 rows cannot be imported"));
  g_assert_nonnull (strstr (error->message, "\nLine 3: "));
  g_assert_nonnull (strstr (error->message, "\nLine 21: "));
  g_assert_null (strstr (error->message, "\nLine 23: "));
  g_assert_true (g_str_has_suffix (error->message, "\n…and 2 more rows"));
  g_assert_cmpint (count_rows (f->store, "deals"), ==, 0);
}

static void
test_import_broken_file (Fixture       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *text;
    GQuark domain;
    int code;
    const char *start;
  } cases[] = {
    { "Title;Value\nA;1\nB;2\n\"C\nD\";3\nE\"F;4\n", 0, SF_CSV_ERROR_SYNTAX, "Line 6:" },
    { "Title;Value\nA;1\nM\xfcller;2\n", 0, SF_CSV_ERROR_ENCODING, "Line 3 " },
    { "Title;Value\n", 0, SF_DEAL_CSV_ERROR_INVALID, "The file holds no deals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) deals = import_file (f, cases[i].text, NULL, &error);

      g_assert_null (deals);
      g_assert_nonnull (error);
      g_assert_cmpint (error->code, ==, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].start));
      g_assert_cmpint (count_rows (f->store, "deals"), ==, 0);
    }
}

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
  gboolean monotonic;
  guint stop_at;            /* 0: never */
} Progress;

static gboolean
record_progress (guint    done,
                 guint    total,
                 gpointer data)
{
  Progress *p = data;

  p->monotonic &= done >= p->last_done && (total == 0 || done <= total);
  p->last_done = done;
  p->total = total;
  return ++p->calls != p->stop_at;
}

/* A few thousand rows, with progress; and a cancel that leaves nothing. */
static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Title,Customer,Value,Currency,Stage,Owner\n");
  g_autoptr(SfDealCsvMapping) mapping = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { .monotonic = TRUE };
  Progress cancel = { .monotonic = TRUE, .stop_at = 2 };
  guint n = 0;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Deal %u,Customer %u,%u.%02u,EUR,%s,Owner %u\n", i, i % 97,
                            i * 13, i % 100, sf_stage_get_key (i % SF_N_STAGES), i % 5);
  file = write_file (f, "many.csv", text->str, &mapping);

  g_assert_false (sf_store_import_csv (f->store, file, mapping, record_progress, &cancel, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "deals"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "persons"), ==, 0);

  g_assert_true (sf_store_import_csv (f->store, file, mapping, record_progress, &progress, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4000);
  g_assert_cmpint (count_rows (f->store, "deals"), ==, 4000);
  g_assert_cmpint (count_rows (f->store, "persons"), ==, 5);
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.calls, >, 4);
  g_assert_cmpuint (progress.total, >=, 10 * (text->len / 1024));
  g_assert_cmpuint (progress.last_done, ==, progress.total);
}

typedef struct
{
  SfDeal *deals[4];
  const char *owners[4];
  guint next;
  guint fail_at;
} PullSource;

static gboolean
pull_next (SfImportItem  *item,
           gpointer       data,
           GError       **error)
{
  PullSource *src = data;

  if (src->next == src->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the source broke");
      return FALSE;
    }
  if (src->next >= G_N_ELEMENTS (src->deals))
    return FALSE;

  item->deal = src->deals[src->next];
  item->owner_name = src->owners[src->next];
  src->next++;
  return TRUE;
}

/* The pull path: names matched without regard to case, an error from the
 * source rolls everything back. */
static void
test_import_pull (Fixture       *f,
                  gconstpointer  data)
{
  PullSource src = { .owners = { "Kari Ås", "KARI ÅS", " kari ås ", NULL }, .fail_at = 3 };
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (src.deals); i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %u", i);
      SfDealRow row = { .title = title, .currency = "NOK", .probability = -1 };

      src.deals[i] = sf_deal_new_from_row (&row);
    }

  g_assert_false (sf_store_import_deals_pull (f->store, pull_next, &src, 4, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "deals"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "persons"), ==, 0);

  src.next = 0;
  src.fail_at = G_MAXUINT;
  g_assert_true (sf_store_import_deals_pull (f->store, pull_next, &src, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  deals = sf_store_list_deals (f->store, NULL);
  persons = sf_store_list_persons (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 4);
  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (sf_person_get_name (g_ptr_array_index (persons, 0)), ==, "Kari Ås");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sf_deal_get_owner_id (g_ptr_array_index (deals, i)), ==,
                     sf_person_get_id (g_ptr_array_index (persons, 0)));
  g_assert_cmpint (sf_deal_get_owner_id (g_ptr_array_index (deals, 3)), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (src.deals); i++)
    g_object_unref (src.deals[i]);
}

/* Export, then import: the same deals */

typedef struct
{
  const char *title;
  const char *customer;
  const char *contact_name;
  const char *contact_email;
  const char *contact_phone;
  const char *owner;
  gint64 value;
  const char *currency;
  SfStage stage;
  SfDealStatus status;
  const char *lost_reason;
  const char *lost_note;
  const char *close;
  int probability;
  const char *notes;
} Original;

static const Original originals[] = {
  { "A \"quoted\" title; with semicolon, and comma", "ACME, Inc.; Oslo", "Jane \"JD\" Doe",
    "jane@example.com", "+47 22 33 44 55", "Anna Berg", -123456, "EUR", SF_STAGE_PROSPECT,
    SF_DEAL_STATUS_OPEN, NULL, NULL, "2026-12-31", 0, "  indented\n\tline\r\nend;,\"  " },
  { "Kontormøbler til Ålesund – Æøå", "Ærlig Øl AS", NULL, NULL, NULL, "Ørjan Ås", 0, "NOK",
    SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, NULL, NULL, 100, "" },
  { "Straße & Söhne", "Großküche KG", "Jürgen Weiß", NULL, NULL, NULL, 99, "JPY",
    SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, NULL, "2027-02-01", -1, "ß" },
  { "שלום עולם", "مرحبا بالعالم", "‏דני", NULL, "0", "Anna Berg", 1234567, "KWD",
    SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, NULL, NULL, 45, "עברית; عربي, mixed" },
  { "Two-line\ntitle", "x", NULL, NULL, NULL, NULL, 900719925474099301, "EUR",
    SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, NULL, NULL, -1, "\n" },
  { "Won deal", "Won AS", NULL, NULL, NULL, "Ørjan Ås", 500000, "SEK", SF_STAGE_CLOSED,
    SF_DEAL_STATUS_WON, NULL, NULL, "2026-06-30", 100, "" },
  { "Lost on price", "Cheap GmbH", NULL, NULL, NULL, "anna berg", -1, "EUR", SF_STAGE_DISCOVERY,
    SF_DEAL_STATUS_LOST, "price", "They found it cheaper", NULL, 10, "" },
  { "Lost after closing", "Friend & Co", NULL, NULL, NULL, NULL, 1, "USD", SF_STAGE_CLOSED,
    SF_DEAL_STATUS_LOST, "Went with a friend; \"sad\", really", "Line 1\nLine 2", NULL, -1, "" },
  { "Lost early", "Nobody", NULL, NULL, NULL, NULL, 0, "CHF", SF_STAGE_PROSPECT,
    SF_DEAL_STATUS_LOST, "no-budget", NULL, NULL, -1, "" },
};

static void
store_originals (SfStore *store)
{
  SfImportItem items[G_N_ELEMENTS (originals)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      const Original *o = &originals[i];
      SfDealRow row = {
        .title = o->title, .customer = o->customer, .contact_name = o->contact_name,
        .contact_email = o->contact_email, .contact_phone = o->contact_phone,
        .value = o->value, .currency = o->currency, .stage = o->stage, .status = o->status,
        .lost_reason = o->lost_reason, .lost_note = o->lost_note,
        .expected_close = o->close ? sf_date_parse_iso (o->close) : 0,
        .probability = o->probability,
      };

      items[i] = (SfImportItem) { sf_deal_new_from_row (&row), 0, o->owner };
      sf_deal_set_notes (items[i].deal, o->notes);
    }

  g_assert_true (sf_store_import_deals (store, items, G_N_ELEMENTS (items), NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i].deal);
}

static GBytes *
export_all (SfStore              *store,
            char                  separator,
            SfDealCsvNumberStyle  style)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) deals = sf_store_list_deals (store, NULL);
  g_autoptr(GError) error = NULL;
  Progress progress = { .monotonic = TRUE };

  g_assert_true (sf_store_export_csv (store, deals, out, separator, style, record_progress,
                                      &progress, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_assert_cmpuint (progress.last_done, ==, deals->len);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GBytes *
export_all_for (SfStore       *store,
                SfCsvAudience  audience)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) deals = sf_store_list_deals (store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_export_csv_for (store, deals, out, audience, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

#define OR_EMPTY(s) ((s) ? (s) : "")

static void
assert_same_deal (SfStore *store_a,
                  SfDeal  *a,
                  SfStore *store_b,
                  SfDeal  *b)
{
  g_assert_true (sf_store_load_deal_notes (store_a, a, NULL));
  g_assert_true (sf_store_load_deal_notes (store_b, b, NULL));

  g_assert_cmpstr (sf_deal_get_title (a), ==, sf_deal_get_title (b));
  g_assert_cmpstr (sf_deal_get_customer (a), ==, sf_deal_get_customer (b));
  g_assert_cmpstr (OR_EMPTY (sf_deal_get_contact_name (a)), ==, OR_EMPTY (sf_deal_get_contact_name (b)));
  g_assert_cmpstr (OR_EMPTY (sf_deal_get_contact_email (a)), ==, OR_EMPTY (sf_deal_get_contact_email (b)));
  g_assert_cmpstr (OR_EMPTY (sf_deal_get_contact_phone (a)), ==, OR_EMPTY (sf_deal_get_contact_phone (b)));
  g_assert_cmpstr (owner_name (store_a, a), ==, owner_name (store_b, b));
  g_assert_true (sf_money_equal (sf_deal_get_value (a), sf_deal_get_value (b)));
  g_assert_cmpint (sf_deal_get_stage (a), ==, sf_deal_get_stage (b));
  g_assert_cmpint (sf_deal_get_status (a), ==, sf_deal_get_status (b));
  g_assert_cmpstr (sf_deal_get_lost_reason (a), ==, sf_deal_get_lost_reason (b));
  g_assert_cmpstr (sf_deal_get_lost_note (a), ==, sf_deal_get_lost_note (b));
  g_assert_cmpuint (sf_deal_get_expected_close (a), ==, sf_deal_get_expected_close (b));
  g_assert_cmpint (sf_deal_get_probability (a), ==, sf_deal_get_probability (b));
  g_assert_cmpstr (sf_deal_get_notes (a), ==, sf_deal_get_notes (b));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    char separator;
    SfDealCsvNumberStyle style;
  } formats[] = {
    { ',', SF_DEAL_CSV_NUMBERS_AUTO },
    { ';', SF_DEAL_CSV_NUMBERS_AUTO },
    { ';', SF_DEAL_CSV_NUMBERS_PLAIN },
    { '\t', SF_DEAL_CSV_NUMBERS_LOCALE },
  };
  g_autoptr(GPtrArray) originals_stored = NULL;

  store_originals (f->store);
  originals_stored = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (originals_stored->len, ==, G_N_ELEMENTS (originals));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) first = export_all (f->store, formats[i].separator, formats[i].style);
      g_autoptr(GBytes) second = NULL;
      g_autofree char *text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
      g_autofree char *name = g_strdup_printf ("copy-%u.db", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(SfStore) copy = sf_store_open (path, NULL);
      g_autoptr(SfDealCsvMapping) mapping = NULL;
      g_autoptr(GFile) file = write_file (f, "export.csv", text, &mapping);
      g_autoptr(GPtrArray) deals = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0;

      g_assert_true (g_str_has_prefix (text, SF_CSV_BOM "Title"));
      g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, formats[i].separator);
      sf_deal_csv_mapping_set_number_style (mapping, formats[i].style);
      g_assert_true (sf_store_import_csv (copy, file, mapping, NULL, NULL, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (originals));

      deals = sf_store_list_deals (copy, NULL);
      g_assert_cmpuint (deals->len, ==, originals_stored->len);
      for (guint k = 0; k < deals->len; k++)
        assert_same_deal (f->store, g_ptr_array_index (originals_stored, k),
                          copy, g_ptr_array_index (deals, k));

      /* Exported again, the copy gives the same file, byte for byte. */
      second = export_all (copy, formats[i].separator, formats[i].style);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* What the export writes for a few values, exactly. */
static void
test_export_format (void)
{
  SfDealRow row = { .title = "T", .customer = "C", .value = -123456, .currency = "EUR",
                    .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_WON, .probability = -1,
                    .expected_close = sf_date_from_ymd (2026, 12, 31) };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) local = g_string_new (NULL);

  sf_deal_csv_append_header (plain, ',');
  sf_deal_csv_append_deal (plain, deal, "Ørjan Ås", "a;b", ',', SF_DEAL_CSV_NUMBERS_AUTO);
  g_assert_cmpstr (plain->str, ==,
                   "Title,Customer,Contact name,Contact e-mail,Contact phone,Owner,Value,Currency,"
                   "Stage,Status,Lost reason,Lost note,Expected close,Probability,Notes\r\n"
                   "T,C,,,,Ørjan Ås,-1234.56,EUR,closed,won,,,2026-12-31,,a;b\r\n");

  sf_deal_csv_append_deal (local, deal, NULL, NULL, ';', SF_DEAL_CSV_NUMBERS_AUTO);
  g_assert_cmpstr (local->str, ==, "T;C;;;;;-1234,56;EUR;closed;won;;;2026-12-31;;\r\n");
}

/* The two conventions: for a spreadsheet the user's separator, decimal
 * mark and names; for other programs commas, points and keys. In a
 * locale with the decimal comma (de_DE), a spreadsheet's file has
 * semicolons and 1234,56; elsewhere commas and 1234.56. */
static void
test_export_for (void)
{
  SfDealRow row = { .title = "T", .customer = "C", .value = -123456, .currency = "EUR",
                    .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_LOST, .probability = -1,
                    .lost_reason = "price", .expected_close = sf_date_from_ymd (2026, 12, 31) };
  g_autoptr(SfDeal) deal = sf_deal_new_from_row (&row);
  static const struct {
    const char *locale;
    SfCsvAudience audience;
    const char *expected;
  } cases[] = {
    { "C.UTF-8", SF_CSV_FOR_PROGRAMS,
      "Title,Customer,Contact name,Contact e-mail,Contact phone,Owner,Value,Currency,"
      "Stage,Status,Lost reason,Lost note,Expected close,Probability,Notes\r\n"
      "T,C,,,,Ørjan Ås,-1234.56,EUR,closed,lost,price,,2026-12-31,,a;b\r\n" },
    { "de_DE.UTF-8", SF_CSV_FOR_PROGRAMS,
      "Title,Customer,Contact name,Contact e-mail,Contact phone,Owner,Value,Currency,"
      "Stage,Status,Lost reason,Lost note,Expected close,Probability,Notes\r\n"
      "T,C,,,,Ørjan Ås,-1234.56,EUR,closed,lost,price,,2026-12-31,,a;b\r\n" },
    { "C.UTF-8", SF_CSV_FOR_SPREADSHEETS,
      "Title,Customer,Contact name,Contact e-mail,Contact phone,Owner,Value,Currency,"
      "Stage,Status,Lost reason,Lost note,Expected close,Probability,Notes\r\n"
      "T,C,,,,Ørjan Ås,-1234.56,EUR,Closed,Lost,Price too high,,2026-12-31,,a;b\r\n" },
    { "de_DE.UTF-8", SF_CSV_FOR_SPREADSHEETS,
      "Title;Customer;Contact name;Contact e-mail;Contact phone;Owner;Value;Currency;"
      "Stage;Status;Lost reason;Lost note;Expected close;Probability;Notes\r\n"
      "T;C;;;;Ørjan Ås;-1234,56;EUR;Closed;Lost;Price too high;;2026-12-31;;\"a;b\"\r\n" },
    { "nb_NO.UTF-8", SF_CSV_FOR_SPREADSHEETS,
      "Title;Customer;Contact name;Contact e-mail;Contact phone;Owner;Value;Currency;"
      "Stage;Status;Lost reason;Lost note;Expected close;Probability;Notes\r\n"
      "T;C;;;;Ørjan Ås;-1234,56;EUR;Closed;Lost;Price too high;;2026-12-31;;\"a;b\"\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (!sf_test_use_locale (cases[i].locale))
        return;
      sf_deal_csv_append_header_for (out, cases[i].audience);
      sf_deal_csv_append_deal_for (out, deal, "Ørjan Ås", "a;b", cases[i].audience);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
  sf_test_use_locale ("C.UTF-8");
}

/* Either convention reads back unchanged through the import as the
 * dialog guesses it, and writes the same bytes again. */
static void
test_round_trip_for (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *locale;
    SfCsvAudience audience;
    char separator;
  } forms[] = {
    { "C.UTF-8", SF_CSV_FOR_PROGRAMS, ',' },
    { "C.UTF-8", SF_CSV_FOR_SPREADSHEETS, ',' },
    { "de_DE.UTF-8", SF_CSV_FOR_SPREADSHEETS, ';' },
    { "nb_NO.UTF-8", SF_CSV_FOR_SPREADSHEETS, ';' },
    { "nb_NO.UTF-8", SF_CSV_FOR_PROGRAMS, ',' },
  };
  g_autoptr(GPtrArray) originals_stored = NULL;

  store_originals (f->store);
  originals_stored = sf_store_list_deals (f->store, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;
      g_autofree char *name = g_strdup_printf ("copy-for-%u.db", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *csv = g_strdup_printf ("%s/export-for-%u.csv", f->dir, i);
      g_autoptr(SfStore) copy = sf_store_open (path, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (csv);
      g_autoptr(SfDealCsvMapping) mapping = NULL;
      g_autoptr(GPtrArray) deals = NULL;
      g_autoptr(GError) error = NULL;

      if (!sf_test_use_locale (forms[i].locale))
        return;
      g_test_message ("%s, %s", forms[i].locale, forms[i].audience ? "programs" : "spreadsheets");
      first = export_all_for (f->store, forms[i].audience);
      g_assert_true (g_file_set_contents (csv, g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL));

      mapping = sf_deal_csv_mapping_new_for_file (file, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sf_deal_csv_mapping_get_separator (mapping), ==, forms[i].separator);
      for (guint c = 0; c < sf_deal_csv_mapping_get_n_columns (mapping); c++)
        g_assert_cmpint (sf_deal_csv_mapping_get_field (mapping, c), ==, c + 1);
      g_assert_true (sf_store_import_csv (copy, file, mapping, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      deals = sf_store_list_deals (copy, NULL);
      g_assert_cmpuint (deals->len, ==, originals_stored->len);
      for (guint k = 0; k < deals->len; k++)
        assert_same_deal (f->store, g_ptr_array_index (originals_stored, k),
                          copy, g_ptr_array_index (deals, k));

      second = export_all_for (copy, forms[i].audience);
      g_assert_true (g_bytes_equal (first, second));
    }
  sf_test_use_locale ("C.UTF-8");
}

/* iCalendar */

static char *
unfold (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\r\n ", -1);

  return g_strjoinv ("", parts);
}

static SfJob *
date_job (SfStore *store,
          SfDeal  *deal,
          guint    index,
          guint    julian_day)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (store, sf_deal_get_id (deal), NULL);
  g_autoptr(GError) error = NULL;
  SfJob *job = g_object_ref (g_ptr_array_index (jobs, index));

  g_assert_true (sf_store_set_job_due (store, deal, job, julian_day, &error));
  g_assert_no_error (error);
  return job;
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SfDeal) chairs = sf_test_create_deal (f->store, "Office chairs, desks; lamps",
                                                  "ACME, Inc.; Oslo\nNorway", 100000, "NOK");
  g_autoptr(SfDeal) lost = sf_test_create_deal (f->store, "Lost deal", "Gone AS", 1, "NOK");
  g_autoptr(SfDeal) deleted = sf_test_create_deal (f->store, "Deleted deal", "Gone AS", 1, "NOK");
  g_autoptr(SfDeal) long_one = sf_test_create_deal (f->store,
    "Kontormøbler til hovedkontoret i Ålesund, første etasje, med æ, ø og å i overflod",
    "Ærlig Øl AS", 1, "NOK");
  g_autoptr(SfJob) first = date_job (f->store, chairs, 0, sf_date_from_ymd (2026, 12, 31));
  g_autoptr(SfJob) second = date_job (f->store, chairs, 1, sf_date_from_ymd (2027, 2, 28));
  g_autoptr(SfJob) lost_job = date_job (f->store, lost, 0, sf_date_from_ymd (2026, 5, 1));
  g_autoptr(SfJob) deleted_job = date_job (f->store, deleted, 0, sf_date_from_ymd (2026, 5, 2));
  g_autoptr(SfJob) long_job = date_job (f->store, long_one, 2, sf_date_from_ymd (2026, 3, 1));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 now = 1768478400;  /* 2026-01-15 12:00:00 UTC */
  icalcomponent *calendar, *event;
  guint n_events = 0;

  SfDealRow won_row = { .title = "Won deal", .customer = "Vunnet AS", .value = 500, .currency = "NOK",
                        .stage = SF_STAGE_CLOSED, .status = SF_DEAL_STATUS_WON, .probability = -1,
                        .closed_at = now - 10 * 86400 };
  SfImportItem won = { sf_deal_new_from_row (&won_row), 0, NULL };
  g_autoptr(GArray) follow_ups = NULL;

  sf_store_set_clock (f->store, fixed_clock, &now);
  g_assert_true (sf_store_mark_lost (f->store, lost, "price", NULL, &error));
  g_assert_true (sf_store_delete_deal (f->store, deleted, &error));
  g_assert_true (sf_store_import_deals (f->store, &won, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  follow_ups = sf_store_list_follow_ups (f->store, sf_deal_get_id (won.deal), &error);
  g_assert_cmpuint (follow_ups->len, ==, 3);

  text = sf_store_export_calendar (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* Lines of at most 75 octets, ending in CRLF, as RFC 5545 asks. */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }

  flat = unfold (text);
  g_assert_true (g_str_has_prefix (flat, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nPRODID:-//Salesflow//Salesflow " PACKAGE_VERSION "//EN\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nDTSTART;VALUE=DATE:20261231\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nDTEND;VALUE=DATE:20270101\r\n"));
  g_assert_nonnull (strstr (flat, "\r\nDTSTAMP:20260115T120000Z\r\n"));
  /* libical escapes what would end a value or start a new one. */
  g_assert_nonnull (strstr (flat, "Office chairs\\, desks\\; lamps"));
  g_assert_nonnull (strstr (flat, "ACME\\, Inc.\\; Oslo\\nNorway"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);

      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      g_assert_cmpint (icaltime_compare_date_only (icaltime_add (start, icaldurationtype_from_int (86400)), end), ==, 0);
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY));
      n_events++;
    }
  /* Three dated jobs, and the won deal's three satisfaction follow-ups. */
  g_assert_cmpuint (n_events, ==, 6);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const SfFollowUp *follow_up = &g_array_index (follow_ups, SfFollowUp, i);
      g_autofree char *follow_up_uid = g_strdup_printf ("follow-up-%" G_GINT64_FORMAT "@salesflow",
                                                        follow_up->id);
      g_autofree char *day = sf_date_to_iso (follow_up->due);

      event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      while (event != NULL && g_strcmp0 (icalcomponent_get_uid (event), follow_up_uid) != 0)
        event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
      g_assert_nonnull (event);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Customer satisfaction follow-up — Won deal");
      g_autofree char *compact = g_strdup_printf ("%.4s%.2s%.2s", day, day + 5, day + 8);

      g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, compact);
    }

  /* The first event, read back: the text is as it was before escaping. */
  uid = g_strdup_printf ("job-%" G_GINT64_FORMAT "@salesflow", sf_job_get_id (first));
  summary = g_strdup_printf ("%s — Office chairs, desks; lamps", sf_job_get_display_title (first));
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  while (event != NULL && g_strcmp0 (icalcomponent_get_uid (event), uid) != 0)
    event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_dtstart (event).month, ==, 12);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
  g_assert_cmpstr (icalcomponent_get_description (event), ==,
                   "Customer: ACME, Inc.; Oslo\nNorway\nStage: Prospect");
  icalcomponent_free (calendar);

  /* Lost deals' meetings only when asked for; deleted deals' never. */
  g_clear_pointer (&text, g_free);
  text = sf_store_export_calendar (f->store, TRUE, &error);
  calendar = icalparser_parse_string (text);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 7);
  icalcomponent_free (calendar);
  g_assert_null (strstr (text, "Deleted deal"));
  (void) second;
  (void) long_job;
  (void) lost_job;
  (void) deleted_job;
  g_object_unref (won.deal);
}

/* Nothing dated, nothing to export: an error that says so, not a file
 * that imports as nothing. */
static void
test_calendar_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SfDeal) deal = sf_test_create_deal (f->store, "Undated", "Kunde AS", 1, "NOK");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sf_store_export_calendar (f->store, TRUE, &error);

  g_assert_null (text);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing to export"));
}

/* Backup */

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *wal = g_strconcat (sf_store_get_path (f->store), "-wal", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder", "b.db", NULL);
  g_autofree char *checksum = NULL;
  g_autoptr(SfStore) copy = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  store_originals (f->store);
  g_assert_true (g_file_set_contents (destination, "an older backup", -1, NULL));

  g_assert_true (sf_store_backup (f->store, destination, &error));
  g_assert_no_error (error);

  /* Nothing left beside it: no temporary file, no log. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (entry, "test.db") || g_str_equal (entry, "backup.db"));

  copy = sf_store_open (destination, &error);
  g_assert_no_error (error);
  deals = sf_store_list_deals (f->store, NULL);
  copied = sf_store_list_deals (copy, NULL);
  g_assert_cmpuint (copied->len, ==, deals->len);
  for (guint i = 0; i < deals->len; i++)
    assert_same_deal (f->store, g_ptr_array_index (deals, i), copy, g_ptr_array_index (copied, i));
  g_clear_object (&copy);

  /* Never onto the open database, by any name. */
  checksum = sf_test_file_checksum (sf_store_get_path (f->store));
  g_assert_cmpint (symlink (sf_store_get_path (f->store), link), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      const char *target = (const char *[]) { sf_store_get_path (f->store), wal, link }[i];

      g_assert_false (sf_store_backup (f->store, target, &error));
      g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autofree char *after = sf_test_file_checksum (sf_store_get_path (f->store));

    g_assert_cmpstr (after, ==, checksum);
  }
  g_assert_cmpint (count_rows (f->store, "deals"), ==, G_N_ELEMENTS (originals));

  g_assert_false (sf_store_backup (f->store, missing, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "b.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/exchange/headers", test_headers);
  g_test_add_func ("/exchange/mapping", test_mapping);
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/row/%s", row_cases[i].name);

      g_test_add_data_func (path, &row_cases[i], test_row);
    }
  g_test_add_func ("/exchange/row-cells", test_row_cells);
  g_test_add_func ("/exchange/number-advice", test_number_advice);
  g_test_add_func ("/exchange/export-format", test_export_format);
  g_test_add_func ("/exchange/export-for", test_export_for);
  ADD ("/exchange/import/german", test_import_german);
  ADD ("/exchange/import/norwegian", test_import_norwegian);
  ADD ("/exchange/import/closed-dates", test_import_closed_dates);
  ADD ("/exchange/import/german-excel", test_import_german_excel);
  ADD ("/exchange/import/norwegian-numbers", test_import_norwegian_numbers);
  ADD ("/exchange/import/bad-rows", test_import_bad_rows);
  ADD ("/exchange/import/many-bad-rows", test_import_many_bad_rows);
  ADD ("/exchange/import/broken-file", test_import_broken_file);
  ADD ("/exchange/import/progress", test_import_progress);
  ADD ("/exchange/import/pull", test_import_pull);
  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/round-trip-for", test_round_trip_for);
  ADD ("/exchange/calendar", test_calendar);
  ADD ("/exchange/calendar-empty", test_calendar_empty);
  ADD ("/exchange/backup", test_backup);

  return g_test_run ();
}
