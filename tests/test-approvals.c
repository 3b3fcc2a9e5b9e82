/* test-approvals.c — pricing, ROI, managers' sign-off and the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The arithmetic and the rules are tested as pure functions; every
 * refusal is then tested again through the store, which is what the UI
 * and any other caller go through. Passphrase hashing costs a tenth of a
 * second per hash and per check, so the fixture hashes once per program
 * and copies the hash into each new database.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sf-approval-request.h"
#include "sf-approval.h"
#include "sf-ledger.h"
#include "sf-pricing.h"
#include "sf-roi.h"
#include "sf-store.h"
#include "sf-sample.h"
#include "sf-test-util.h"
#include "sf-workflow.h"

#define PASSPHRASE "correct horse battery"
#define T0 G_GINT64_CONSTANT (1790000000)

/* Raw SQL on the file, as another program would do it */

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Pricing arithmetic */

typedef struct
{
  const char *currency;
  gint64 list_price;
  int discount_bp;
  gint64 cost;
  gint64 discount;
  gint64 net_price;
  gint64 margin;
  gboolean has_margin_bp;
  gint64 margin_bp;
} PricingCase;

static const PricingCase pricing_cases[] = {
  /* 1 500.00 less 10 %, cost 800.00: margin 550.00 of 1 350.00 = 40.74 % */
  { "EUR", 150000, 1000, 80000, 15000, 135000, 55000, TRUE, 4074 },
  /* Half a cent off is rounded away from zero: 61.725 → 61.73 */
  { "EUR", 12345, 5000, 0, 6173, 6172, 6172, TRUE, 10000 },
  /* Half of one cent rounds up to the whole cent; nothing is left */
  { "EUR", 1, 5000, 0, 1, 0, 0, FALSE, 0 },
  /* No price, no margin ratio */
  { "EUR", 0, 0, 500, 0, 0, -500, FALSE, 0 },
  /* 100 % discount */
  { "NOK", 99900, 10000, 100, 99900, 0, -100, FALSE, 0 },
  /* No decimals: ¥999 less 33.33 % = ¥332.97 off → ¥333; margin −34 of 666 = −5.105 % → −5.11 % */
  { "JPY", 999, 3333, 700, 333, 666, -34, TRUE, -511 },
  /* Three decimals */
  { "KWD", 1000, 1, 0, 0, 1000, 1000, TRUE, 10000 },
  /* A loss smaller than a basis point's half rounds to zero */
  { "EUR", 2000000, 0, 2000001, 0, 2000000, -1, TRUE, 0 },
  /* The largest amounts do not overflow */
  { "EUR", SF_FIGURE_MAX, 9999, SF_FIGURE_MAX, 99990000000000, 10000000000,
    -99990000000000, TRUE, -99990000 },
};

static void
test_pricing_compute (gconstpointer data)
{
  const PricingCase *c = data;
  g_autoptr(GError) error = NULL;
  SfPricing pricing;
  SfPricingResult result;

  sf_pricing_init (&pricing, c->currency, c->list_price, c->discount_bp, c->cost);
  g_assert_true (sf_pricing_compute (&pricing, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.discount.amount, ==, c->discount);
  g_assert_cmpint (result.net_price.amount, ==, c->net_price);
  g_assert_cmpint (result.margin.amount, ==, c->margin);
  g_assert_cmpint (result.has_margin_bp, ==, c->has_margin_bp);
  if (c->has_margin_bp)
    g_assert_cmpint (result.margin_bp, ==, c->margin_bp);
  g_assert_cmpstr (result.net_price.currency, ==, c->currency);
}

typedef struct
{
  const char *name;
  const char *currency;
  gint64 list_price;
  int discount_bp;
  const char *cost_currency;
  gint64 cost;
} BadPricing;

static const BadPricing bad_pricings[] = {
  { "negative-price", "EUR", -1, 0, "EUR", 0 },
  { "negative-cost", "EUR", 100, 0, "EUR", -1 },
  { "negative-discount", "EUR", 100, -1, "EUR", 0 },
  { "discount-over-100", "EUR", 100, 10001, "EUR", 0 },
  { "mixed-currencies", "EUR", 100, 0, "NOK", 0 },
  { "unknown-currency", "ZZZ", 100, 0, "ZZZ", 0 },
  { "too-large", "EUR", SF_FIGURE_MAX + 1, 0, "EUR", 0 },
};

static void
test_pricing_refused (gconstpointer data)
{
  const BadPricing *c = data;
  g_autoptr(GError) error = NULL;
  SfPricing pricing;
  SfPricingResult result;
  g_autofree char *figures = NULL;
  SfMoney value;

  sf_pricing_init (&pricing, c->currency, c->list_price, c->discount_bp, 0);
  sf_money_init (&pricing.cost, c->cost, c->cost_currency);
  g_assert_false (sf_pricing_compute (&pricing, &result, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
  g_clear_error (&error);

  sf_money_init (&value, 0, "EUR");
  figures = sf_pricing_to_figures (&pricing, &value, &error);
  g_assert_null (figures);
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
}

/* ROI arithmetic */

typedef struct
{
  gint64 revenue;
  guint horizon;
  gint64 costs[3];
  gint64 total_cost;
  gint64 margin;
  gboolean has_margin_bp;
  gint64 margin_bp;
  gboolean has_roi_bp;
  gint64 roi_bp;
  gboolean has_payback;
  gint64 payback_tenths;
} RoiCase;

static const RoiCase roi_cases[] = {
  /* 1 000.00 over 24 months against 200.00 + 50.00: ROI 300 %, paid back
   * after a quarter of the horizon */
  { 100000, 24, { 20000, 5000 }, 25000, 75000, TRUE, 7500, TRUE, 30000, TRUE, 60 },
  /* 10 000 × 12 / 70 000 = 1.714… months: rounded up to 1.8 */
  { 70000, 12, { 10000 }, 10000, 60000, TRUE, 8571, TRUE, 60000, TRUE, 18 },
  /* No costs: no ROI ratio, paid back at once */
  { 100000, 12, { 0 }, 0, 100000, TRUE, 10000, FALSE, 0, TRUE, 0 },
  /* No revenue: never paid back, no margin ratio, all cost lost */
  { 0, 12, { 50000 }, 50000, -50000, FALSE, 0, TRUE, -10000, FALSE, 0 },
  /* No horizon: no time to be paid back */
  { 100000, 0, { 50000 }, 50000, 50000, TRUE, 5000, TRUE, 10000, FALSE, 0 },
  /* Costs above revenue: not paid back within the horizon */
  { 100000, 12, { 150000 }, 150000, -50000, TRUE, -5000, TRUE, -3333, FALSE, 0 },
  /* Costs equal to revenue: paid back at the end of the horizon */
  { 100000, 12, { 60000, 40000 }, 100000, 0, TRUE, 0, TRUE, 0, TRUE, 120 },
  /* Nothing at all */
  { 0, 0, { 0 }, 0, 0, FALSE, 0, FALSE, 0, FALSE, 0 },
  /* The largest figures do not overflow */
  { SF_FIGURE_MAX, SF_ROI_MAX_HORIZON, { SF_FIGURE_MAX }, SF_FIGURE_MAX, 0, TRUE, 0, TRUE, 0,
    TRUE, 12000 },
  /* A third of a basis point rounds to zero, two thirds away from it */
  { 30001, 1, { 30000 }, 30000, 1, TRUE, 0, TRUE, 0, TRUE, 10 },
  { 30002, 1, { 30000 }, 30000, 2, TRUE, 1, TRUE, 1, TRUE, 10 },
  { 29998, 1, { 30000 }, 30000, -2, TRUE, -1, TRUE, -1, FALSE, 0 },
};

static SfRoi *
make_roi (const RoiCase *c)
{
  SfRoi *roi = sf_roi_new ("EUR", c->revenue, c->horizon);

  for (guint i = 0; i < G_N_ELEMENTS (c->costs) && c->costs[i] != 0; i++)
    sf_roi_add_cost (roi, i == 0 ? "Licences" : "Training", c->costs[i]);

  return roi;
}

static void
test_roi_compute (gconstpointer data)
{
  const RoiCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = make_roi (c);
  SfRoiResult result;

  g_assert_true (sf_roi_compute (roi, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.total_cost.amount, ==, c->total_cost);
  g_assert_cmpint (result.margin.amount, ==, c->margin);
  g_assert_cmpint (result.has_margin_bp, ==, c->has_margin_bp);
  if (c->has_margin_bp)
    g_assert_cmpint (result.margin_bp, ==, c->margin_bp);
  g_assert_cmpint (result.has_roi_bp, ==, c->has_roi_bp);
  if (c->has_roi_bp)
    g_assert_cmpint (result.roi_bp, ==, c->roi_bp);
  g_assert_cmpint (result.has_payback, ==, c->has_payback);
  if (c->has_payback)
    g_assert_cmpint (result.payback_tenths, ==, c->payback_tenths);
}

static void
test_roi_refused (void)
{
  struct {
    const char *label;
    gint64 revenue;
    guint horizon;
    gint64 cost;
    gint64 second_cost;
  } cases[] = {
    { "Licences", -1, 12, 0, 0 },
    { "Licences", 100, 12, -1, 0 },
    { "   ", 100, 12, 5, 0 },
    { "Licences", 100, SF_ROI_MAX_HORIZON + 1, 5, 0 },
    { "Licences", 100, 12, SF_FIGURE_MAX, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SfRoi) roi = sf_roi_new ("EUR", cases[i].revenue, cases[i].horizon);
      SfRoiResult result;

      sf_roi_add_cost (roi, cases[i].label, cases[i].cost);
      if (cases[i].second_cost != 0)
        sf_roi_add_cost (roi, "More", cases[i].second_cost);
      g_assert_false (sf_roi_compute (roi, &result, &error));
      g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
    }

  /* A cost line in another currency */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 100, 12);
    SfRoiCost *cost;

    sf_roi_add_cost (roi, "Licences", 5);
    cost = g_ptr_array_index (roi->costs, 0);
    sf_money_init (&cost->amount, 5, "NOK");
    g_assert_false (sf_roi_check (roi, &error));
    g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
  }
}

/* The canonical text of figures */

static void
test_figures_canonical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 500000, 24);
  g_autoptr(SfRoi) back = NULL;
  g_autoptr(SfRoi) other = NULL;
  g_autofree char *text = NULL, *again = NULL, *changed = NULL, *roi_text = NULL;
  g_autofree char *roi_again = NULL, *german = NULL;
  SfPricing pricing, read;
  SfMoney value, read_value;

  sf_pricing_init (&pricing, "EUR", 150000, 1000, 80000);
  sf_money_init (&value, 135000, "EUR");
  text = sf_pricing_to_figures (&pricing, &value, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "format 1\n"
                   "kind pricing\n"
                   "currency EUR\n"
                   "deal-currency EUR\n"
                   "deal-value 1350.00\n"
                   "list-price 1500.00\n"
                   "discount-bp 1000\n"
                   "discount 150.00\n"
                   "net-price 1350.00\n"
                   "cost 800.00\n"
                   "margin 550.00\n"
                   "margin-bp 4074\n");

  /* The same bytes in a locale with other separators. */
  if (sf_test_use_locale ("de_DE.UTF-8"))
    {
      german = sf_pricing_to_figures (&pricing, &value, NULL);
      g_assert_cmpstr (german, ==, text);
      sf_test_use_locale ("C.UTF-8");
    }

  /* Read back exactly. */
  g_assert_true (sf_pricing_from_figures (text, &read, &read_value, &error));
  g_assert_no_error (error);
  g_assert_true (sf_pricing_equal (&read, &pricing));
  g_assert_true (sf_money_equal (&read_value, &value));

  /* Any change shows, the deal's value too. */
  again = sf_pricing_to_figures (&pricing, &value, NULL);
  g_assert_cmpstr (again, ==, text);
  value.amount++;
  changed = sf_pricing_to_figures (&pricing, &value, NULL);
  g_assert_cmpstr (changed, !=, text);

  /* A text edited by hand is not accepted, even one with right syntax. */
  {
    g_autoptr(GString) edited = g_string_new (text);

    g_string_replace (edited, "cost 800.00", "cost 700.00", 1);
    g_assert_false (sf_pricing_from_figures (edited->str, &read, NULL, &error));
    g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
    g_clear_error (&error);
  }

  /* Labels keep their backslashes and line breaks without breaking lines. */
  sf_roi_add_cost (roi, "Licences\\n \"2027\"", 100000);
  sf_roi_add_cost (roi, "Training\nand travel", 20000);
  roi_text = sf_roi_to_figures (roi, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (roi_text, "cost-label Licences\\\\n \"2027\"\n"));
  g_assert_nonnull (strstr (roi_text, "cost-label Training\\nand travel\n"));
  g_assert_nonnull (strstr (roi_text, "payback-tenths 58\n"));
  back = sf_roi_from_figures (roi_text, &error);
  g_assert_no_error (error);
  g_assert_true (sf_roi_equal (back, roi));
  roi_again = sf_roi_to_figures (back, NULL);
  g_assert_cmpstr (roi_again, ==, roi_text);

  /* The order of the cost lines is part of the figures. */
  other = sf_roi_new ("EUR", 500000, 24);
  sf_roi_add_cost (other, "Training\nand travel", 20000);
  sf_roi_add_cost (other, "Licences\\n \"2027\"", 100000);
  g_assert_false (sf_roi_equal (other, roi));
  {
    g_autofree char *other_text = sf_roi_to_figures (other, NULL);

    g_assert_cmpstr (other_text, !=, roi_text);
  }

  /* Pricing text is not ROI text. */
  g_assert_null (sf_roi_from_figures (text, NULL));
  g_assert_false (sf_pricing_from_figures (roi_text, &read, NULL, NULL));
}

/* Basis points as people write them */

static void
test_basis_points (void)
{
  struct { const char *text; int bp; } good[] = {
    { "12.5", 1250 }, { "12,5 %", 1250 }, { "12.5%", 1250 }, { "  7  ", 700 },
    { "100", 10000 }, { "0.05", 5 }, { "0", 0 }, { "12,5\xc2\xa0%", 1250 },
  };
  const char *bad[] = { "", "%", "abc", "100.01", "12.345", "-5", "1,2,3", "5 5", ".5" };
  struct { gint64 bp; const char *text; } shown[] = {
    { 1250, "12.5%" }, { 1200, "12%" }, { 5, "0.05%" }, { -1250, "-12.5%" }, { 10000, "100%" },
    { 123456, "1234.56%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int bp = -1;

      g_assert_true (sf_basis_points_parse (good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].bp);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int bp = -1;

      g_assert_false (sf_basis_points_parse (bad[i], &bp, &error));
      g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES);
      g_assert_cmpint (bp, ==, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *text = sf_basis_points_to_string (shown[i].bp);

      g_assert_cmpstr (text, ==, shown[i].text);
    }

  /* The number follows the locale; the sign's spacing is the translation's,
   * which the unit tests do not load. */
  if (sf_test_use_locale ("de_DE.UTF-8"))
    {
      g_autofree char *text = sf_basis_points_to_string (123456);

      g_assert_true (g_str_has_prefix (text, "1.234,56"));
      sf_test_use_locale ("C.UTF-8");
    }
}

/* The wait after wrong passphrases */

static void
test_wait (void)
{
  struct { guint failures; gint64 since; gint64 wait; } cases[] = {
    { 0, 0, 0 }, { 1, 0, 0 }, { 2, 0, 0 },
    { 3, 0, 1 }, { 3, 1, 0 },
    { 4, 0, 2 }, { 4, 1, 1 }, { 4, 2, 0 },
    { 5, 0, 4 }, { 6, 3, 5 },
    { 11, 0, 256 }, { 12, 0, SF_APPROVAL_MAX_WAIT }, { 1000, 0, SF_APPROVAL_MAX_WAIT },
    /* A clock set back waits no longer than the longest wait. */
    { 5, -100000, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 wait = sf_approval_get_wait (cases[i].failures, T0, T0 + cases[i].since);

      g_assert_cmpint (wait, ==, cases[i].wait);
      g_assert_cmpint (sf_approval_check_wait (cases[i].failures, T0, T0 + cases[i].since, &error),
                       ==, wait == 0);
      if (wait > 0)
        g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WAIT);
    }
}

/* A ledger entry holds the whole request, and its hash covers the link. */
static void
test_ledger_entry (void)
{
  SfApprovalRequestRow row = {
    .id = 7, .deal_id = 3, .kind = SF_APPROVAL_KIND_ROI, .status = SF_APPROVAL_STATUS_REJECTED,
    .requester_id = 1, .addressed_to = 0, .note = "Line one\nline \\two\tend",
    .figures = "format 1\nkind roi\n", .requested_at = T0, .decider_id = 4,
    .decided_at = T0 + 9, .comment = "Zu teuer – «for dyrt»", .deal_title = "not recorded",
  };
  g_autoptr(SfApprovalRequest) request = sf_approval_request_new_from_row (&row);
  g_autoptr(SfApprovalRequest) back = NULL;
  g_autofree char *content = sf_ledger_format_entry (12, T0 + 9, SF_LEDGER_EVENT_REJECTED, 4, request);
  g_autofree char *hash = sf_ledger_hash (SF_LEDGER_GENESIS, content);
  g_autofree char *other = sf_ledger_hash (hash, content);
  gint64 seq = 0, at = 0, by = 0;
  SfLedgerEvent event = SF_LEDGER_EVENT_REQUESTED;
  g_auto(GStrv) lines = g_strsplit (content, "\n", -1);

  back = sf_ledger_parse_entry (content, &seq, &at, &event, &by);
  g_assert_nonnull (back);
  g_assert_true (sf_approval_request_equal_record (back, request));
  g_assert_cmpint (seq, ==, 12);
  g_assert_cmpint (at, ==, T0 + 9);
  g_assert_cmpint (event, ==, SF_LEDGER_EVENT_REJECTED);
  g_assert_cmpint (by, ==, 4);
  /* One entry per line: the text's own line breaks are escaped. */
  g_assert_cmpuint (g_strv_length (lines), ==, 18);

  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_cmpstr (hash, !=, other);
  g_assert_null (sf_ledger_parse_entry ("format 1\nseq 1\n", NULL, NULL, NULL, NULL));
  g_assert_null (sf_ledger_parse_entry ("not an entry", NULL, NULL, NULL, NULL));
}

/* The store */

typedef struct
{
  char *dir;
  char *path;
  SfStore *store;
  gint64 now;
  SfPerson *sam;     /* sales, owns the deal */
  SfPerson *sara;    /* sales */
  SfPerson *maja;    /* manager */
  SfPerson *mats;    /* manager */
  SfPerson *ivar;    /* manager, deactivated */
  SfDeal *deal;      /* in Developed, with pricing and ROI */
} Fixture;

static gint64
fixture_now (gpointer data)
{
  return *(gint64 *) data;
}

/* Hashing once per program keeps the suite fast; the first fixture sets
 * the passphrase through the store, the others copy the hash it made. */
static char *passphrase_hash;

static void
give_passphrases (Fixture *f)
{
  g_autofree char *sql = NULL;

  if (passphrase_hash == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sf_store_set_passphrase (f->store, f->maja, NULL, PASSPHRASE, &error));
      g_assert_no_error (error);
      passphrase_hash = query_text (f->path, "SELECT pass_hash FROM persons WHERE name = 'Maja'");
    }

  sql = g_strdup_printf ("UPDATE persons SET pass_hash = '%s' WHERE role = 1", passphrase_hash);
  exec_sql (f->path, sql);
}

static SfPerson *
add_person (Fixture    *f,
            const char *name,
            SfRole      role)
{
  g_autoptr(GError) error = NULL;
  SfPerson *person = sf_store_add_person (f->store, name, role, &error);

  g_assert_no_error (error);
  return person;
}

static void
advance_to (Fixture *f,
            SfDeal  *deal,
            SfStage  stage)
{
  g_autoptr(GError) error = NULL;

  while (sf_deal_get_stage (deal) < stage)
    {
      g_assert_true (sf_test_tick_stage (f->store, deal, sf_deal_get_stage (deal)));
      g_assert_true (sf_store_advance (f->store, deal, &error));
      g_assert_no_error (error);
    }
}

static void
fill_figures (Fixture *f,
              SfDeal  *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 500000, 24);
  SfPricing pricing;

  sf_pricing_init (&pricing, "EUR", 150000, 1000, 80000);
  g_assert_true (sf_store_set_pricing (f->store, deal, &pricing, &error));
  g_assert_no_error (error);

  sf_roi_add_cost (roi, "Licences", 100000);
  sf_roi_add_cost (roi, "Training", 20000);
  g_assert_true (sf_store_set_roi (f->store, deal, roi, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sf_test_temp_dir ();
  f->path = g_build_filename (f->dir, "pipeline.db", NULL);
  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  f->now = T0;
  sf_store_set_clock (f->store, fixture_now, &f->now);

  f->sam = add_person (f, "Sam", SF_ROLE_SALES);
  f->sara = add_person (f, "Sara", SF_ROLE_SALES);
  f->maja = add_person (f, "Maja", SF_ROLE_MANAGER);
  f->mats = add_person (f, "Mats", SF_ROLE_MANAGER);
  f->ivar = add_person (f, "Ivar", SF_ROLE_MANAGER);
  give_passphrases (f);
  g_assert_true (sf_store_set_person_active (f->store, f->ivar, FALSE, &error));

  sf_store_set_actor (f->store, sf_person_get_id (f->sam));
  f->deal = sf_test_create_deal (f->store, "Fleet renewal", "Bussco", 100000, "EUR");
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->sam), &error));
  advance_to (f, f->deal, SF_STAGE_DEVELOPED);
  fill_figures (f, f->deal);
}

static void
fixture_clear_objects (Fixture *f)
{
  g_clear_object (&f->deal);
  g_clear_object (&f->sam);
  g_clear_object (&f->sara);
  g_clear_object (&f->maja);
  g_clear_object (&f->mats);
  g_clear_object (&f->ivar);
  g_clear_object (&f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fixture_clear_objects (f);
  sf_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static SfApprovalRequest *
request (Fixture        *f,
         SfApprovalKind  kind,
         SfPerson       *addressed_to)
{
  g_autoptr(GError) error = NULL;
  SfApprovalRequest *request = NULL;

  g_assert_true (sf_store_request_approval (f->store, f->deal, kind,
                                            addressed_to ? sf_person_get_id (addressed_to) : 0,
                                            "Please sign before Friday", &request, &error));
  g_assert_no_error (error);
  g_assert_nonnull (request);

  return request;
}

static void
decide (Fixture           *f,
        SfApprovalRequest *request,
        SfPerson          *manager,
        gboolean           approve,
        const char        *comment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_decide (f->store, request, f->deal, sf_person_get_id (manager),
                                  PASSPHRASE, approve, comment, &error));
  g_assert_no_error (error);
}

static SfJob *
find_job (Fixture    *f,
          const char *key)
{
  g_autoptr(GPtrArray) jobs = sf_store_list_jobs (f->store, sf_deal_get_id (f->deal), NULL);
  SfJob *job = sf_test_find_job (jobs, key);

  g_assert_nonnull (job);
  return g_object_ref (job);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return query_int (f->path, sql);
}

/* Request, list, approve: the job is ticked with the approver and time. */
static void
test_request_and_approve (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = NULL;
  g_autoptr(SfJob) job = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) for_mats = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *figures = NULL;
  SfHistoryEntry *entry;

  /* Setting the pricing made the deal worth its net price. */
  g_assert_cmpint (sf_deal_get_value (f->deal)->amount, ==, 135000);

  f->now = T0 + 60;
  pricing = request (f, SF_APPROVAL_KIND_PRICING, f->maja);
  g_assert_cmpint (sf_approval_request_get_status (pricing), ==, SF_APPROVAL_STATUS_PENDING);
  g_assert_cmpint (sf_approval_request_get_requester_id (pricing), ==, sf_person_get_id (f->sam));
  g_assert_cmpint (sf_approval_request_get_addressed_to (pricing), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (sf_approval_request_get_requested_at (pricing), ==, T0 + 60);
  g_assert_cmpstr (sf_approval_request_get_note (pricing), ==, "Please sign before Friday");
  g_assert_cmpstr (sf_approval_request_get_deal_title (pricing), ==, "Fleet renewal");
  g_assert_cmpstr (sf_approval_request_get_requester_name (pricing), ==, "Sam");
  g_assert_cmpstr (sf_approval_request_get_addressed_to_name (pricing), ==, "Maja");

  /* The request holds exactly the figures there were. */
  g_assert_true (sf_store_get_figures (f->store, sf_deal_get_id (f->deal),
                                       SF_APPROVAL_KIND_PRICING, &figures, NULL));
  g_assert_cmpstr (sf_approval_request_get_figures (pricing), ==, figures);
  g_assert_nonnull (strstr (figures, "deal-value 1350.00\n"));

  /* Maja sees it; Mats does not, it was addressed to Maja. */
  waiting = sf_store_list_waiting_requests (f->store, sf_person_get_id (f->maja), NULL);
  g_assert_cmpuint (waiting->len, ==, 1);
  for_mats = sf_store_list_waiting_requests (f->store, sf_person_get_id (f->mats), NULL);
  g_assert_cmpuint (for_mats->len, ==, 0);
  mine = sf_store_list_requests_by (f->store, sf_person_get_id (f->sam), NULL);
  g_assert_cmpuint (mine->len, ==, 1);

  f->now = T0 + 120;
  decide (f, pricing, f->maja, TRUE, NULL);
  g_assert_cmpint (sf_approval_request_get_status (pricing), ==, SF_APPROVAL_STATUS_APPROVED);
  g_assert_cmpint (sf_approval_request_get_decider_id (pricing), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (sf_approval_request_get_decided_at (pricing), ==, T0 + 120);

  job = find_job (f, "pricing-approved");
  g_assert_true (sf_job_get_done (job));
  g_assert_cmpint (sf_job_get_done_by (job), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (sf_job_get_done_at (job), ==, T0 + 120);
  /* The deal object was brought up to date: one more required job done. */
  g_assert_cmpuint (sf_deal_get_progress_done (f->deal), ==, 1);

  /* The history says who did what. */
  history = sf_store_list_history (f->store, sf_deal_get_id (f->deal), NULL);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (sf_history_entry_get_field (entry), ==, "approval-approved");
  g_assert_cmpstr (sf_history_entry_get_person_name (entry), ==, "Maja");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (sf_history_entry_get_field (entry), ==, "approval-requested");
  g_assert_cmpstr (sf_history_entry_get_person_name (entry), ==, "Sam");
  {
    g_autofree char *text = sf_history_entry_describe (g_ptr_array_index (history, 0));

    g_assert_cmpstr (text, ==, "Approved the pricing");
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures"), ==, 0);

  /* Nothing waits any more, and the same figures cannot be sent again. */
  g_clear_pointer (&waiting, g_ptr_array_unref);
  waiting = sf_store_list_waiting_requests (f->store, sf_person_get_id (f->maja), NULL);
  g_assert_cmpuint (waiting->len, ==, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, 0,
                                               NULL, NULL, &error));
    g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_ALREADY_APPROVED);
  }
}

/* Who may decide: every refusal leaves everything as it was. */
typedef enum
{
  DECIDER_OWNER,
  DECIDER_REQUESTER,
  DECIDER_SALES,
  DECIDER_INACTIVE,
  DECIDER_NOBODY,
  DECIDER_WRONG_PASSPHRASE,
} Decider;

static const struct {
  Decider decider;
  int code;
} decider_cases[] = {
  { DECIDER_OWNER, SF_APPROVAL_ERROR_OWN_DEAL },
  { DECIDER_REQUESTER, SF_APPROVAL_ERROR_OWN_REQUEST },
  { DECIDER_SALES, SF_APPROVAL_ERROR_NOT_MANAGER },
  { DECIDER_INACTIVE, SF_APPROVAL_ERROR_INACTIVE },
  { DECIDER_NOBODY, SF_APPROVAL_ERROR_NOT_MANAGER },
  { DECIDER_WRONG_PASSPHRASE, SF_APPROVAL_ERROR_WRONG_PASSPHRASE },
};

static void
test_refused_deciders (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = NULL;
  g_autoptr(SfJob) job = NULL;
  g_autoptr(GError) error = NULL;

  /* Mats, a manager, owns the deal; Maja, a manager, asks. */
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->mats), NULL));
  sf_store_set_actor (f->store, sf_person_get_id (f->maja));
  pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  /* Neither sees it among the requests they can decide. */
  {
    g_autoptr(GPtrArray) for_maja = sf_store_list_waiting_requests (f->store, sf_person_get_id (f->maja), NULL);
    g_autoptr(GPtrArray) for_mats = sf_store_list_waiting_requests (f->store, sf_person_get_id (f->mats), NULL);

    g_assert_cmpuint (for_maja->len, ==, 0);
    g_assert_cmpuint (for_mats->len, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (decider_cases); i++)
    {
      SfPerson *people[] = { f->mats, f->maja, f->sara, f->ivar, NULL, NULL };
      g_autoptr(SfPerson) ida = NULL;
      gint64 decider;

      Decider who = decider_cases[i].decider;

      if (who == DECIDER_WRONG_PASSPHRASE)
        {
          ida = add_person (f, "Ida", SF_ROLE_MANAGER);
          give_passphrases (f);
          people[who] = ida;
        }
      decider = people[who] ? sf_person_get_id (people[who]) : 0;

      g_assert_false (sf_store_decide (f->store, pricing, f->deal, decider,
                                       decider_cases[i].decider == DECIDER_WRONG_PASSPHRASE
                                       ? "not the passphrase" : PASSPHRASE,
                                       TRUE, NULL, &error));
      g_assert_error (error, SF_APPROVAL_ERROR, decider_cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      g_assert_cmpint (sf_approval_request_get_status (pricing), ==, SF_APPROVAL_STATUS_PENDING);
    }

  /* Only the wrong passphrase was logged; nothing else was written. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures"), ==, 1);
  g_assert_cmpint (count (f, "SELECT pass_failures FROM persons WHERE name = 'Ida'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, 1);
  g_assert_cmpint (count (f, "SELECT status FROM approval_requests"), ==, SF_APPROVAL_STATUS_PENDING);
  job = find_job (f, "pricing-approved");
  g_assert_false (sf_job_get_done (job));
}

/* After three wrong passphrases each try waits longer; a right one resets. */
static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(GError) error = NULL;
  gint64 maja = sf_person_get_id (f->maja);
  gint64 wait = -1;

  for (int i = 0; i < 3; i++)
    {
      g_assert_false (sf_store_decide (f->store, pricing, f->deal, maja, "guess", TRUE, NULL, &error));
      g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
      g_clear_error (&error);
    }

  /* The fourth try waits a second, even with the right passphrase, and is
   * not checked or logged. */
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WAIT);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures"), ==, 3);
  g_assert_true (sf_store_get_passphrase_wait (f->store, maja, &wait, NULL));
  g_assert_cmpint (wait, ==, 1);

  /* A second later: another wrong one, and now two seconds. */
  f->now += 1;
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, maja, "guess", TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  f->now += 1;
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WAIT);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures"), ==, 4);

  /* Waiting long enough, the right passphrase works and resets the count. */
  f->now += 1;
  g_assert_true (sf_store_decide (f->store, pricing, f->deal, maja, PASSPHRASE, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT pass_failures FROM persons WHERE name = 'Maja'"), ==, 0);
  g_assert_true (sf_store_get_passphrase_wait (f->store, maja, &wait, NULL));
  g_assert_cmpint (wait, ==, 0);
  /* The log keeps every failure with who and when. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures f "
                             "JOIN persons p ON p.id = f.person_id WHERE p.name = 'Maja'"), ==, 4);
  g_assert_cmpint (count (f, "SELECT max(at) FROM passphrase_failures"), ==, T0 + 1);

  /* Another person is not held up by Maja's mistakes. */
  g_assert_cmpint (count (f, "SELECT pass_failures FROM persons WHERE name = 'Mats'"), ==, 0);
}

/* Figures changed behind the lock (another tool) cannot be approved. */
static void
test_figures_changed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfJob) job = NULL;

  exec_sql (f->path, "UPDATE deal_pricing SET discount_bp = 1500");
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, sf_person_get_id (f->maja),
                                   PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FIGURES_CHANGED);
  g_clear_error (&error);

  /* The deal's value is part of the pricing. */
  exec_sql (f->path, "UPDATE deal_pricing SET discount_bp = 1000; UPDATE deals SET value = 1");
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, sf_person_get_id (f->maja),
                                   PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FIGURES_CHANGED);
  g_clear_error (&error);

  exec_sql (f->path, "UPDATE roi_costs SET label = 'Licenses' WHERE position = 0");
  g_assert_false (sf_store_decide (f->store, roi, f->deal, sf_person_get_id (f->maja),
                                   PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_FIGURES_CHANGED);
  g_clear_error (&error);

  job = find_job (f, "pricing-approved");
  g_assert_false (sf_job_get_done (job));
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_requests WHERE status = 0"), ==, 2);
  /* A rejection is still possible: it approves nothing. */
  decide (f, roi, f->maja, FALSE, "The worksheet changed under us");
}

/* A decision cannot be replayed, whatever the caller's object says. */
static void
test_decide_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) stale = sf_store_get_request (f->store, sf_approval_request_get_id (pricing), NULL);
  g_autoptr(GError) error = NULL;

  decide (f, pricing, f->maja, TRUE, NULL);
  g_assert_cmpint (sf_approval_request_get_status (stale), ==, SF_APPROVAL_STATUS_PENDING);

  g_assert_false (sf_store_decide (f->store, stale, f->deal, sf_person_get_id (f->mats),
                                   PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);
  g_assert_false (sf_store_decide (f->store, stale, f->deal, sf_person_get_id (f->mats),
                                   PASSPHRASE, FALSE, "Too cheap", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);

  g_assert_cmpint (count (f, "SELECT decider_id FROM approval_requests"), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, 2);
}

static void
test_recall (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, f->maja);
  g_autoptr(GError) error = NULL;
  SfPricing cheaper;

  sf_store_set_actor (f->store, sf_person_get_id (f->sara));
  g_assert_false (sf_store_recall_request (f->store, pricing, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_REQUESTER);
  g_clear_error (&error);
  sf_store_set_actor (f->store, sf_person_get_id (f->maja));
  g_assert_false (sf_store_recall_request (f->store, pricing, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_REQUESTER);
  g_clear_error (&error);
  g_assert_cmpint (sf_approval_request_get_status (pricing), ==, SF_APPROVAL_STATUS_PENDING);

  sf_store_set_actor (f->store, sf_person_get_id (f->sam));
  f->now = T0 + 30;
  g_assert_true (sf_store_recall_request (f->store, pricing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_approval_request_get_status (pricing), ==, SF_APPROVAL_STATUS_RECALLED);
  g_assert_cmpint (sf_approval_request_get_decided_at (pricing), ==, T0 + 30);

  g_assert_false (sf_store_recall_request (f->store, pricing, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);
  g_assert_false (sf_store_decide (f->store, pricing, f->deal, sf_person_get_id (f->maja),
                                   PASSPHRASE, TRUE, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NOT_PENDING);
  g_clear_error (&error);

  /* Recalled, the figures can change again. */
  sf_pricing_init (&cheaper, "EUR", 150000, 1500, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &cheaper, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, 2);
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(SfApprovalRequest) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfJob) job = NULL;
  const char *blank[] = { NULL, "", "  \n\t " };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_assert_false (sf_store_decide (f->store, roi, f->deal, sf_person_get_id (f->maja),
                                       PASSPHRASE, FALSE, blank[i], &error));
      g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_COMMENT_REQUIRED);
      g_clear_error (&error);
    }

  f->now = T0 + 300;
  decide (f, roi, f->maja, FALSE, "  Training is underestimated  ");
  g_assert_cmpint (sf_approval_request_get_status (roi), ==, SF_APPROVAL_STATUS_REJECTED);
  g_assert_cmpstr (sf_approval_request_get_comment (roi), ==, "Training is underestimated");
  g_assert_cmpint (sf_approval_request_get_decider_id (roi), ==, sf_person_get_id (f->maja));
  g_assert_cmpint (sf_approval_request_get_decided_at (roi), ==, T0 + 300);

  job = find_job (f, "roi-approved");
  g_assert_false (sf_job_get_done (job));

  history = sf_store_list_history (f->store, sf_deal_get_id (f->deal), NULL);
  g_assert_cmpstr (sf_history_entry_get_field (g_ptr_array_index (history, 0)), ==, "approval-rejected");
  {
    g_autofree char *text = sf_history_entry_describe (g_ptr_array_index (history, 0));

    g_assert_cmpstr (text, ==, "Rejected the ROI: Training is underestimated");
  }

  /* Rejected, the worksheet is unlocked and can be sent again. */
  again = request (f, SF_APPROVAL_KIND_ROI, NULL);
  g_assert_cmpint (sf_approval_request_get_id (again), !=, sf_approval_request_get_id (roi));
}

/* What may not be asked, and what a pending request locks. */
static void
test_request_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = NULL;
  g_autoptr(SfDeal) young = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 1, 1);
  SfPricing cheaper;
  SfMoney value;

  /* Nobody chosen, or someone deactivated. */
  sf_store_set_actor (f->store, 0);
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, 0, NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_REQUESTER);
  g_clear_error (&error);
  sf_store_set_actor (f->store, sf_person_get_id (f->ivar));
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, 0, NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_REQUESTER);
  g_clear_error (&error);
  sf_store_set_actor (f->store, sf_person_get_id (f->sam));

  /* Addressed to someone who cannot decide. */
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING,
                                             sf_person_get_id (f->sara), NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
  g_clear_error (&error);
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING,
                                             sf_person_get_id (f->ivar), NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_BAD_ADDRESSEE);
  g_clear_error (&error);

  /* A deal before Developed, and one without a worksheet. */
  young = sf_test_create_deal (f->store, "Young deal", "Kunde", 100, "EUR");
  sf_pricing_init (&cheaper, "EUR", 100, 0, 50);
  g_assert_true (sf_store_set_pricing (f->store, young, &cheaper, &error));
  g_assert_false (sf_store_request_approval (f->store, young, SF_APPROVAL_KIND_PRICING, 0, NULL, NULL, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_REACHED);
  g_clear_error (&error);
  advance_to (f, young, SF_STAGE_DEVELOPED);
  g_assert_false (sf_store_request_approval (f->store, young, SF_APPROVAL_KIND_ROI, 0, NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NO_FIGURES);
  g_clear_error (&error);

  /* Only one request waits per kind. */
  pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_assert_false (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, 0, NULL, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_ALREADY_PENDING);
  g_clear_error (&error);

  /* The pricing and the deal's value are locked while it waits… */
  sf_pricing_init (&cheaper, "EUR", 150000, 1500, 80000);
  g_assert_false (sf_store_set_pricing (f->store, f->deal, &cheaper, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_LOCKED);
  g_clear_error (&error);
  sf_money_init (&value, 1, "EUR");
  g_assert_false (sf_store_set_deal_value (f->store, f->deal, &value, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (sf_deal_get_value (f->deal)->amount, ==, 135000);
  g_assert_cmpint (count (f, "SELECT value FROM deals WHERE title = 'Fleet renewal'"), ==, 135000);
  g_assert_cmpint (count (f, "SELECT discount_bp FROM deal_pricing WHERE deal_id = 1"), ==, 1000);

  /* …the ROI is not. */
  g_assert_true (sf_store_set_roi (f->store, f->deal, roi, &error));
  g_assert_no_error (error);

  /* A lost deal asks for nothing. */
  g_assert_true (sf_store_mark_lost (f->store, young, "price", NULL, NULL));
  g_assert_false (sf_store_request_approval (f->store, young, SF_APPROVAL_KIND_PRICING, 0, NULL, NULL, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_LOST);
  g_clear_error (&error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_requests"), ==, 1);
}

/* Approval jobs are never ticked by hand, nor put back by undo. */
static void
test_tick_by_hand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SfJob) pricing = find_job (f, "pricing-approved");
  g_autoptr(SfJob) roi = find_job (f, "roi-approved");
  g_autoptr(GError) error = NULL;

  g_assert_false (sf_store_set_job_done (f->store, f->deal, pricing, TRUE, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);
  g_assert_false (sf_store_restore_job_done (f->store, f->deal, roi, TRUE,
                                             sf_person_get_id (f->maja), T0, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM jobs WHERE kind IN (1, 2) AND done"), ==, 0);

  /* Nor unticked by hand once approved. */
  {
    g_autoptr(SfApprovalRequest) request_ = request (f, SF_APPROVAL_KIND_PRICING, NULL);
    g_autoptr(SfJob) done = NULL;

    decide (f, request_, f->maja, TRUE, NULL);
    done = find_job (f, "pricing-approved");
    g_assert_false (sf_store_set_job_done (f->store, f->deal, done, FALSE, &error));
    g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_NOT_MANUAL);
  }
}

/* A change to approved figures voids the approval at once. */
static void
test_void (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(SfApprovalRequest) stored = NULL;
  g_autoptr(SfApprovalRequest) second = NULL;
  g_autoptr(SfJob) job = NULL;
  g_autoptr(GError) error = NULL;
  SfPricing same, cheaper;
  SfMoney value;

  decide (f, pricing, f->maja, TRUE, NULL);
  decide (f, roi, f->mats, TRUE, NULL);
  advance_to (f, f->deal, SF_STAGE_PROPOSED);

  /* Saving the same pricing changes nothing and voids nothing. */
  sf_pricing_init (&same, "EUR", 150000, 1000, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_requests WHERE status = 1"), ==, 2);

  f->now = T0 + 500;
  sf_pricing_init (&cheaper, "EUR", 150000, 1200, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &cheaper, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_deal_get_value (f->deal)->amount, ==, 132000);

  stored = sf_store_get_request (f->store, sf_approval_request_get_id (pricing), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_VOIDED);
  /* Who approved what stays on record beside what is there now. */
  g_assert_cmpint (sf_approval_request_get_decider_id (stored), ==, sf_person_get_id (f->maja));
  g_assert_nonnull (strstr (sf_approval_request_get_figures (stored), "discount-bp 1000\n"));
  job = find_job (f, "pricing-approved");
  g_assert_false (sf_job_get_done (job));
  g_assert_cmpint (sf_job_get_done_by (job), ==, 0);
  g_clear_object (&job);
  job = find_job (f, "roi-approved");
  g_assert_true (sf_job_get_done (job));
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE field = 'approval-voided'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, 5);

  /* The deal in Proposed can neither advance nor close. */
  g_assert_true (sf_test_tick_stage (f->store, f->deal, SF_STAGE_PROPOSED));
  g_assert_false (sf_store_advance (f->store, f->deal, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);
  g_assert_cmpint (sf_deal_get_stage (f->deal), ==, SF_STAGE_PROPOSED);

  /* Approved again, it moves on; then a new value voids it once more. */
  second = request (f, SF_APPROVAL_KIND_PRICING, NULL);
  decide (f, second, f->maja, TRUE, NULL);
  sf_money_init (&value, 140000, "EUR");
  g_assert_true (sf_store_set_deal_value (f->store, f->deal, &value, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = sf_store_get_request (f->store, sf_approval_request_get_id (second), NULL);
  g_assert_cmpint (sf_approval_request_get_status (stored), ==, SF_APPROVAL_STATUS_VOIDED);
  g_assert_false (sf_store_advance (f->store, f->deal, &error));
  g_assert_error (error, SF_WORKFLOW_ERROR, SF_WORKFLOW_ERROR_BLOCKED);
  g_clear_error (&error);

  /* A change to the ROI worksheet voids the ROI approval only. */
  {
    g_autoptr(SfRoi) worksheet = sf_roi_new ("EUR", 500000, 36);

    sf_roi_add_cost (worksheet, "Licences", 100000);
    sf_roi_add_cost (worksheet, "Training", 20000);
    g_assert_true (sf_store_set_roi (f->store, f->deal, worksheet, &error));
    g_assert_no_error (error);
    g_clear_object (&job);
    job = find_job (f, "roi-approved");
    g_assert_false (sf_job_get_done (job));
  }
}

/* Ledger */

/* A realistic day: requests, an approval, a rejection, a recall, a void. */
static void
realistic_sequence (Fixture *f)
{
  g_autoptr(SfApprovalRequest) pricing = request (f, SF_APPROVAL_KIND_PRICING, f->maja);
  g_autoptr(SfApprovalRequest) roi = request (f, SF_APPROVAL_KIND_ROI, NULL);
  g_autoptr(SfApprovalRequest) roi_again = NULL;
  g_autoptr(GError) error = NULL;
  SfPricing cheaper;

  decide (f, pricing, f->maja, TRUE, NULL);                   /* 3 */
  decide (f, roi, f->mats, FALSE, "Training\nis \"too\" low"); /* 4 */
  roi_again = request (f, SF_APPROVAL_KIND_ROI, NULL);        /* 5 */
  g_assert_true (sf_store_recall_request (f->store, roi_again, &error)); /* 6 */
  sf_pricing_init (&cheaper, "EUR", 150000, 1100, 80000);
  g_assert_true (sf_store_set_pricing (f->store, f->deal, &cheaper, &error)); /* 7: voided */
  g_assert_no_error (error);
  g_clear_object (&pricing);
  pricing = request (f, SF_APPROVAL_KIND_PRICING, NULL);      /* 8 */
  decide (f, pricing, f->mats, TRUE, NULL);                   /* 9 */
}

#define N_REALISTIC 9

static void
assert_verdict (Fixture         *f,
                SfLedgerVerdict  verdict,
                gint64           seq)
{
  g_auto(SfLedgerReport) report = { 0 };
  g_auto(SfLedgerReport) from_file = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_verify_ledger (f->store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.verdict, ==, verdict);
  g_assert_cmpint (report.seq, ==, seq);
  g_assert_nonnull (report.description);

  /* The same verdict from the file alone, as --verify-ledger gives it. */
  g_assert_true (sf_store_verify_ledger_file (f->path, &from_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_file.verdict, ==, verdict);
  g_assert_cmpint (from_file.seq, ==, seq);
  g_assert_cmpstr (from_file.description, ==, report.description);
}

static void
test_ledger_whole (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(SfLedgerReport) report = { 0 };

  assert_verdict (f, SF_LEDGER_WHOLE, 0);
  realistic_sequence (f);
  assert_verdict (f, SF_LEDGER_WHOLE, 0);

  g_assert_true (sf_store_verify_ledger (f->store, &report, NULL));
  g_assert_cmpint (report.n_entries, ==, N_REALISTIC);
  g_assert_cmpstr (report.description, ==, "The approval ledger is whole: 9 entries checked");
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger"), ==, N_REALISTIC);
  /* Each entry is chained to the one before. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_ledger a JOIN approval_ledger b "
                             "ON b.seq = a.seq + 1 AND b.prev_hash = a.hash"), ==, N_REALISTIC - 1);
}

typedef struct
{
  const char *name;
  const char *sql;
  SfLedgerVerdict verdict;
  gint64 seq;
} Damage;

/* What a person with the sqlite3 tool might do. */
static const Damage damages[] = {
  { "edited", "UPDATE approval_ledger SET content = replace(content, 'event rejected', "
              "'event approved') WHERE seq = 4", SF_LEDGER_CHANGED, 4 },
  { "edited-hash", "UPDATE approval_ledger SET hash = upper(hash) WHERE seq = 2",
    SF_LEDGER_CHANGED, 2 },
  { "edited-seq", "UPDATE approval_ledger SET seq = 100 WHERE seq = 9", SF_LEDGER_REMOVED, 9 },
  { "deleted", "DELETE FROM approval_ledger WHERE seq = 5", SF_LEDGER_REMOVED, 5 },
  { "deleted-first", "DELETE FROM approval_ledger WHERE seq = 1", SF_LEDGER_REMOVED, 1 },
  { "deleted-last", "DELETE FROM approval_ledger WHERE seq = 9", SF_LEDGER_REMOVED, 9 },
  { "inserted", "INSERT INTO approval_ledger (content, prev_hash, hash) "
                "SELECT content, hash, hash FROM approval_ledger WHERE seq = 3",
    SF_LEDGER_INSERTED, 10 },
  { "inserted-first", "INSERT INTO approval_ledger (seq, content, prev_hash, hash) "
                      "SELECT 0, content, prev_hash, hash FROM approval_ledger WHERE seq = 1",
    SF_LEDGER_INSERTED, 0 },
  { "request-edited", "UPDATE approval_requests SET status = 1 WHERE status = 2",
    SF_LEDGER_REQUEST_CHANGED, 4 },
  { "request-deleted", "DELETE FROM approval_requests WHERE status = 3",
    SF_LEDGER_REQUEST_CHANGED, 6 },
  { "job-ticked", "UPDATE jobs SET done = 1 WHERE kind = 2", SF_LEDGER_JOB_UNAPPROVED, 0 },
  { "figures-edited", "UPDATE deal_pricing SET discount_bp = 2000", SF_LEDGER_FIGURES_CHANGED, 0 },
};

/* The realistic sequence costs three passphrase checks; the damage cases
 * each start from a copy of one database that went through it. */
static char *template_dir;
static char *template_path;

static const char *
realistic_template (void)
{
  if (template_path == NULL)
    {
      Fixture f = { 0 };

      fixture_set_up (&f, NULL);
      realistic_sequence (&f);
      fixture_clear_objects (&f);
      template_dir = g_steal_pointer (&f.dir);
      template_path = g_steal_pointer (&f.path);
    }

  return template_path;
}

static void
copy_fixture_set_up (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (realistic_template (), &contents, &len, NULL));
  f->dir = sf_test_temp_dir ();
  f->path = g_build_filename (f->dir, "pipeline.db", NULL);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
}

static void
test_ledger_damage (Fixture       *f,
                    gconstpointer  data)
{
  const Damage *damage = data;
  g_autoptr(GError) error = NULL;

  exec_sql (f->path, damage->sql);
  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  assert_verdict (f, damage->verdict, damage->seq);
}

/* Entries inserted or changed by someone who computes the hashes. */
static char *
entry_hash (const char *prev_hash,
            const char *content)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) prev_hash, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) content, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_ledger_forged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *content = NULL, *prev = NULL, *hash = NULL;
  g_autofree char *forged = NULL, *last = NULL, *rehash = NULL, *tail = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(SfLedgerReport) report = { 0 };
  char *sql;

  realistic_sequence (f);

  /* Entry 4 turned from a rejection into an approval, its own hash made
   * to fit: entry 5 no longer links to it. */
  content = query_text (f->path, "SELECT content FROM approval_ledger WHERE seq = 4");
  prev = query_text (f->path, "SELECT prev_hash FROM approval_ledger WHERE seq = 4");
  edited = g_string_new (content);
  g_assert_cmpuint (g_string_replace (edited, "event rejected", "event approved", 1), ==, 1);
  hash = entry_hash (prev, edited->str);
  sql = sqlite3_mprintf ("UPDATE approval_ledger SET content = %Q, hash = %Q WHERE seq = 4",
                         edited->str, hash);
  exec_sql (f->path, sql);
  sqlite3_free (sql);
  assert_verdict (f, SF_LEDGER_CHANGED, 4);

  /* Put back; then a well-formed entry chained to the end: the requests
   * know of nothing after entry 9. */
  rehash = entry_hash (prev, content);
  sql = sqlite3_mprintf ("UPDATE approval_ledger SET content = %Q, hash = %Q WHERE seq = 4",
                         content, rehash);
  exec_sql (f->path, sql);
  sqlite3_free (sql);
  assert_verdict (f, SF_LEDGER_WHOLE, 0);
  last = query_text (f->path, "SELECT hash FROM approval_ledger WHERE seq = 9");
  g_string_free (g_steal_pointer (&edited), TRUE);
  tail = query_text (f->path, "SELECT content FROM approval_ledger WHERE seq = 9");
  edited = g_string_new (tail);
  g_string_replace (edited, "seq 9\n", "seq 10\n", 1);
  forged = entry_hash (last, edited->str);
  sql = sqlite3_mprintf ("INSERT INTO approval_ledger VALUES (10, %Q, %Q, %Q)",
                         edited->str, last, forged);
  exec_sql (f->path, sql);
  sqlite3_free (sql);
  assert_verdict (f, SF_LEDGER_INSERTED, 10);

  g_assert_true (sf_store_verify_ledger (f->store, &report, NULL));
  g_assert_cmpstr (report.description, ==,
                   "Entry 10 of the approval ledger was inserted outside Salesflow");
}

/* The verifier needs no running app and never writes to the file. */
static void
test_ledger_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *missing = NULL, *text = NULL;
  g_auto(SfLedgerReport) report = { 0 };

  realistic_sequence (f);
  g_clear_object (&f->store);
  before = sf_test_file_checksum (f->path);
  g_assert_true (sf_store_verify_ledger_file (f->path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.verdict, ==, SF_LEDGER_WHOLE);
  after = sf_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  sf_ledger_report_clear (&report);

  missing = g_build_filename (f->dir, "missing.db", NULL);
  g_assert_false (sf_store_verify_ledger_file (missing, &report, &error));
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  text = g_build_filename (f->dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (text, "not a database\n", -1, NULL));
  g_assert_false (sf_store_verify_ledger_file (text, &report, &error));
  g_assert_nonnull (error);
}

/* A file from before the approvals (schema 1) is upgraded through every
 * later migration, keeping its deals; its ledger is empty. */
static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfLedgerReport) report = { 0 };
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) persons = NULL;

  g_clear_object (&f->store);
  exec_sql (f->path,
            "DROP TABLE approval_ledger; DROP TABLE passphrase_failures;"
            "DROP TABLE approval_requests; DROP TABLE roi_costs; DROP TABLE deal_roi;"
            "DROP TABLE deal_pricing; ALTER TABLE persons DROP COLUMN pass_hash;"
            "ALTER TABLE persons DROP COLUMN pass_failures;"
            "ALTER TABLE persons DROP COLUMN pass_failed_at;"
            /* Schema 3 (satisfaction) and 4 (owners' ids in the history)
             * came after; a schema 1 file lacks them too. */
            "DROP TABLE follow_ups; DROP TABLE verdicts; DROP TABLE feedback;"
            "ALTER TABLE history DROP COLUMN old_owner_id;"
            "ALTER TABLE history DROP COLUMN new_owner_id;");
  exec_sql (f->path, "PRAGMA user_version = 1");

  g_assert_true (sf_store_verify_ledger_file (f->path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.verdict, ==, SF_LEDGER_WHOLE);
  g_assert_cmpint (report.n_entries, ==, 0);

  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "PRAGMA user_version"), ==, sf_store_get_schema_version ());
  deals = sf_store_list_deals (f->store, NULL);
  g_assert_cmpuint (deals->len, ==, 1);
  persons = sf_store_list_persons (f->store, NULL);
  g_assert_cmpuint (persons->len, ==, 5);
  g_assert_false (sf_person_get_has_passphrase (g_ptr_array_index (persons, 0)));
  g_assert_cmpint (count (f, "SELECT count(*) FROM approval_requests"), ==, 0);
}

/* A file of schema 3 knew its owner changes by name only: the upgrade
 * finds the one person of each name, so the rule that nobody decides on
 * figures that stood while they owned the deal holds for the changes made
 * before it too. A name two people share, or nobody has, stays unknown. */
static void
test_migrate_owner_ids (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) owners = NULL;
  g_autoptr(SfPerson) twin = add_person (f, "Twin", SF_ROLE_SALES);
  g_autoptr(SfPerson) twin2 = add_person (f, "Twin", SF_ROLE_SALES);
  gint64 deal = sf_deal_get_id (f->deal);

  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->maja), &error));
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (twin), &error));
  g_assert_true (sf_store_set_deal_owner (f->store, f->deal, sf_person_get_id (f->sam), &error));
  g_assert_no_error (error);
  g_clear_object (&f->deal);
  g_clear_object (&f->store);
  exec_sql (f->path,
            "ALTER TABLE history DROP COLUMN old_owner_id;"
            "ALTER TABLE history DROP COLUMN new_owner_id;"
            "PRAGMA user_version = 3");

  f->store = sf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE field = 'owner'"), ==, 4);
  /* Sam → Maja → Twin → Sam, after "—" → Sam when the deal was set up */
  {
    g_autofree char *maja_out = g_strdup_printf (
      "SELECT count(*) FROM history WHERE field = 'owner' AND old_value = 'Maja'"
      " AND old_owner_id = %" G_GINT64_FORMAT " AND new_owner_id IS NULL", sf_person_get_id (f->maja));
    g_autofree char *maja_in = g_strdup_printf (
      "SELECT count(*) FROM history WHERE field = 'owner' AND new_value = 'Maja'"
      " AND new_owner_id = %" G_GINT64_FORMAT " AND old_owner_id = %" G_GINT64_FORMAT,
      sf_person_get_id (f->maja), sf_person_get_id (f->sam));
    g_autofree char *twin_out = g_strdup_printf (
      "SELECT count(*) FROM history WHERE field = 'owner' AND old_value = 'Twin'"
      " AND old_owner_id IS NULL AND new_owner_id = %" G_GINT64_FORMAT, sf_person_get_id (f->sam));

    g_assert_cmpint (count (f, maja_out), ==, 1);
    g_assert_cmpint (count (f, maja_in), ==, 1);
    g_assert_cmpint (count (f, twin_out), ==, 1);
  }

  /* Maja and Sam held the deal after its figures were entered. */
  owners = sf_store_get_former_owners (f->store, deal, SF_APPROVAL_KIND_PRICING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owners->len, ==, 2);
  for (guint i = 0; i < owners->len; i++)
    g_assert_true (g_array_index (owners, gint64, i) == sf_person_get_id (f->sam) ||
                   g_array_index (owners, gint64, i) == sf_person_get_id (f->maja));
  g_assert_cmpint (g_array_index (owners, gint64, 0), !=, g_array_index (owners, gint64, 1));
}

static void
test_passphrase (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) nina = add_person (f, "Nina", SF_ROLE_MANAGER);
  g_autoptr(GPtrArray) persons = NULL;
  g_autofree char *hash = NULL;

  g_assert_false (sf_store_set_passphrase (f->store, nina, NULL, "short", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  /* Eight characters, not eight bytes: "ææææ" is eight bytes. */
  g_assert_false (sf_store_set_passphrase (f->store, nina, NULL, "ææææ", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (sf_person_get_has_passphrase (nina));

  /* Maja, who has a passphrase, vouches for Nina's first one. */
  g_assert_true (sf_store_set_first_passphrase (f->store, nina, "blåbærsyltetøy",
                                                sf_person_get_id (f->maja), PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (sf_person_get_has_passphrase (nina));
  hash = query_text (f->path, "SELECT pass_hash FROM persons WHERE name = 'Nina'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "blåbær"));

  /* Changing it needs the old one. */
  g_assert_false (sf_store_set_passphrase (f->store, nina, NULL, "another passphrase", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (sf_store_set_passphrase (f->store, nina, "wrong guess", "another passphrase", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM passphrase_failures"), ==, 1);
  g_assert_true (sf_store_set_passphrase (f->store, nina, "blåbærsyltetøy", "another passphrase", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT pass_failures FROM persons WHERE name = 'Nina'"), ==, 0);

  persons = sf_store_list_persons (f->store, NULL);
  for (guint i = 0; i < persons->len; i++)
    {
      SfPerson *person = g_ptr_array_index (persons, i);

      g_assert_cmpint (sf_person_get_has_passphrase (person), ==,
                       sf_person_get_role (person) == SF_ROLE_MANAGER);
    }
}

/* A manager is created with their passphrase, in one transaction: a
 * short passphrase stores nobody. */
static void
test_add_manager (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) weak = NULL;
  g_autoptr(SfPerson) nina = NULL;
  gint64 before = count (f, "SELECT count(*) FROM persons");

  weak = sf_store_add_manager (f->store, "Nina", "short", sf_person_get_id (f->maja), PASSPHRASE, &error);
  g_assert_null (weak);
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons"), ==, before);

  weak = sf_store_add_manager (f->store, "  ", "long enough passphrase", sf_person_get_id (f->maja),
                               PASSPHRASE, &error);
  g_assert_null (weak);
  g_assert_error (error, SF_STORE_ERROR, SF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons"), ==, before);

  nina = sf_store_add_manager (f->store, " Nina ", "blåbærsyltetøy", sf_person_get_id (f->maja),
                               PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nina);
  g_assert_cmpstr (sf_person_get_name (nina), ==, "Nina");
  g_assert_cmpint (sf_person_get_role (nina), ==, SF_ROLE_MANAGER);
  g_assert_true (sf_person_get_has_passphrase (nina));
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons WHERE name = 'Nina' AND role = 1 "
                             "AND pass_hash LIKE '$argon2id$%'"), ==, 1);

  /* The passphrase is hers: she can sign off with it. */
  sf_store_set_actor (f->store, sf_person_get_id (f->sam));
  {
    g_autoptr(SfApprovalRequest) request = NULL;

    g_assert_true (sf_store_request_approval (f->store, f->deal, SF_APPROVAL_KIND_PRICING, 0, NULL,
                                              &request, &error));
    g_assert_no_error (error);
    g_assert_true (sf_store_decide (f->store, request, f->deal, sf_person_get_id (nina),
                                    "blåbærsyltetøy", TRUE, NULL, &error));
    g_assert_no_error (error);
  }
}

/* While a manager has a passphrase, the next manager — new, or given a
 * first passphrase — needs an active manager to vouch with theirs:
 * otherwise a salesperson could make a manager and sign off their own deal. */
static void
test_manager_vouching (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPerson) otto = NULL;
  g_autoptr(SfPerson) nina = NULL;
  g_autofree char *dir = NULL;
  gint64 before = count (f, "SELECT count(*) FROM persons");
  gboolean needed = FALSE;

  g_assert_true (sf_store_needs_voucher (f->store, 0, &needed, &error));
  g_assert_true (needed);

  /* no voucher, a salesperson, a deactivated manager, a wrong passphrase */
  g_assert_null (sf_store_add_manager (f->store, "Otto", "otto's passphrase", 0, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER);
  g_clear_error (&error);
  g_assert_null (sf_store_add_manager (f->store, "Otto", "otto's passphrase",
                                       sf_person_get_id (f->sam), PASSPHRASE, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER);
  g_clear_error (&error);
  g_assert_null (sf_store_add_manager (f->store, "Otto", "otto's passphrase",
                                       sf_person_get_id (f->ivar), PASSPHRASE, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INACTIVE);
  g_clear_error (&error);
  g_assert_null (sf_store_add_manager (f->store, "Otto", "otto's passphrase",
                                       sf_person_get_id (f->maja), "a guess", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons"), ==, before);
  /* the wrong try counts against Maja, with the usual waits */
  g_assert_cmpint (count (f, "SELECT pass_failures FROM persons WHERE name = 'Maja'"), ==, 1);

  otto = sf_store_add_manager (f->store, "Otto", "otto's passphrase",
                               sf_person_get_id (f->maja), PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_true (sf_person_get_has_passphrase (otto));

  /* A manager stored without a passphrase gets a first one only so too. */
  nina = add_person (f, "Nina", SF_ROLE_MANAGER);
  g_assert_false (sf_store_set_passphrase (f->store, nina, NULL, "nina's passphrase", &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER);
  g_clear_error (&error);
  g_assert_false (sf_person_get_has_passphrase (nina));
  g_assert_true (sf_store_set_first_passphrase (f->store, nina, "nina's passphrase",
                                                sf_person_get_id (otto), "otto's passphrase", &error));
  g_assert_no_error (error);
  g_assert_true (sf_person_get_has_passphrase (nina));

  /* The sample's manager, with its published passphrase, cannot join
   * managers who have passphrases: the sample is refused whole. */
  before = count (f, "SELECT count(*) FROM persons");
  g_assert_false (sf_sample_create (f->store, sf_person_get_id (f->sam), &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons"), ==, before);

  /* Deactivating every manager does not open the door: the rule counts
   * them, and only an active one can vouch. */
  g_assert_true (sf_store_set_person_active (f->store, f->maja, FALSE, &error));
  g_assert_true (sf_store_set_person_active (f->store, f->mats, FALSE, &error));
  g_assert_true (sf_store_set_person_active (f->store, otto, FALSE, &error));
  g_assert_true (sf_store_set_person_active (f->store, nina, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_needs_voucher (f->store, 0, &needed, &error));
  g_assert_true (needed);
  g_assert_null (sf_store_add_manager (f->store, "Puppet", "sam's own passphrase", 0, NULL, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_NEEDS_VOUCHER);
  g_clear_error (&error);
  g_assert_null (sf_store_add_manager (f->store, "Puppet", "sam's own passphrase",
                                       sf_person_get_id (f->maja), PASSPHRASE, &error));
  g_assert_error (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INACTIVE);
  g_clear_error (&error);
  g_assert_true (sf_store_set_person_active (f->store, f->maja, TRUE, &error));

  /* In a new pipeline the first manager sets up alone. */
  {
    g_autoptr(SfStore) fresh = sf_test_open_store (&dir);
    g_autoptr(SfPerson) first = NULL;

    g_assert_true (sf_store_needs_voucher (fresh, 0, &needed, &error));
    g_assert_false (needed);
    first = sf_store_add_manager (fresh, "Frida", "frida's passphrase", 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (first);
  }
  sf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sf_test_use_locale ("C.UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (pricing_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/approvals/pricing/compute/%u", i);

      g_test_add_data_func (path, &pricing_cases[i], test_pricing_compute);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_pricings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/approvals/pricing/refused/%s", bad_pricings[i].name);

      g_test_add_data_func (path, &bad_pricings[i], test_pricing_refused);
    }
  for (guint i = 0; i < G_N_ELEMENTS (roi_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/approvals/roi/compute/%u", i);

      g_test_add_data_func (path, &roi_cases[i], test_roi_compute);
    }
  g_test_add_func ("/approvals/roi/refused", test_roi_refused);
  g_test_add_func ("/approvals/figures/canonical", test_figures_canonical);
  g_test_add_func ("/approvals/basis-points", test_basis_points);
  g_test_add_func ("/approvals/rules/wait", test_wait);
  g_test_add_func ("/approvals/ledger/entry", test_ledger_entry);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/approvals/store/passphrase", test_passphrase);
  ADD ("/approvals/store/add-manager", test_add_manager);
  ADD ("/approvals/store/manager-vouching", test_manager_vouching);
  ADD ("/approvals/store/request-and-approve", test_request_and_approve);
  ADD ("/approvals/store/refused-deciders", test_refused_deciders);
  ADD ("/approvals/store/backoff", test_backoff);
  ADD ("/approvals/store/figures-changed", test_figures_changed);
  ADD ("/approvals/store/decide-twice", test_decide_twice);
  ADD ("/approvals/store/recall", test_recall);
  ADD ("/approvals/store/reject", test_reject);
  ADD ("/approvals/store/request-refused", test_request_refused);
  ADD ("/approvals/store/tick-by-hand", test_tick_by_hand);
  ADD ("/approvals/store/void", test_void);
  ADD ("/approvals/ledger/whole", test_ledger_whole);
  ADD ("/approvals/ledger/forged", test_ledger_forged);
  ADD ("/approvals/ledger/file", test_ledger_file);
  ADD ("/approvals/migrate/from-before", test_migrate);
  ADD ("/approvals/migrate/owner-ids", test_migrate_owner_ids);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/approvals/ledger/damage/%s", damages[i].name);

      g_test_add (path, Fixture, &damages[i], copy_fixture_set_up, test_ledger_damage,
                  fixture_tear_down);
    }

  status = g_test_run ();
  g_free (passphrase_hash);
  if (template_dir != NULL)
    sf_test_remove_dir (template_dir);
  g_free (template_dir);
  g_free (template_path);
  return status;
}
