/* salesflow-bench.c — how fast the pipeline is at 100,000 and 1,000,000 deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build-aux/dev bench [N…]           (default 100000 1000000)
 *   build/tests/bench/salesflow-bench [--keep DIR [--reuse]] [--window[-quick]] [N…]
 *
 * For each N, in a process of its own (so each peak RSS is its own), the
 * benchmark generates a database of N deals with full checklists and
 * history through the store's bulk path, then times what the app does
 * with it through the app's own code: the pipeline load into the models,
 * a search keystroke through the deal list's chain, sorting by value, the
 * board's columns and totals, opening a deal, ticking a job until it is on
 * the disk, advancing a stage. It prints a table, and a line per figure,
 * `name value unit`, for scripts (tests/bench/check-bench.py reads them).
 * --keep DIR leaves the databases in DIR (for a launch of the app on
 * one); --reuse then skips generating a database that is there, to
 * profile the rest again.
 * docs/performance.md records a run beside the targets.
 *
 * GTK's list models work without a display, so nothing here opens one.
 * With --window the app itself is then driven in a display of its own
 * for each N, as a user would, by tests/bench/window-bench.py (keystroke
 * to repaint, launch, tabs, board, opening deals, peak RSS); its figures
 * join the table. --window-quick does that with fewer launches and keys,
 * for the test suite.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <fcntl.h>
#include <unistd.h>

#include "sf-column-totals.h"
#include "sf-deal-filter-model.h"
#include "sf-format.h"
#include "sf-pipeline.h"
#include "sf-store.h"
#include "sf-test-util.h"

#define N_QUERIES 200
#define N_TICKS 500
#define N_OPENS 50
#define N_ADVANCES 20
#define N_OWNERS 20

typedef struct
{
  guint n;
  char *dir;
  char *path;
  GRand *rand;
  SfStore *store;
  SfPipeline *pipeline;
  gint64 owners[N_OWNERS];

  /* the deal list's chain, as sf-deals-view.c builds it */
  SfDealFilter *filter;
  GtkSortListModel *sorted;
  SfDealFilterModel *filtered;
  GtkSingleSelection *selection;

  /* the board's columns, as sf-board-column.c builds them */
  GtkSingleSelection *columns[SF_N_STAGES];
} Bench;

/* Output */

static void
figure (Bench      *b,
        const char *name,
        double      value,
        const char *unit)
{
  g_print ("n%u.%s %.3f %s\n", b->n, name, value, unit);
}

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("  %s\n", text);
}

/* SALESFLOW_BENCH_CLOCK=cpu times with the process's CPU time instead of
 * the wall clock: for comparing two builds on a busy machine, where the
 * wall clock measures the neighbours. */
static gint64
now_us (void)
{
  static int cpu = -1;
  struct timespec ts;

  if (cpu < 0)
    cpu = g_strcmp0 (g_getenv ("SALESFLOW_BENCH_CLOCK"), "cpu") == 0;
  if (!cpu)
    return g_get_monotonic_time ();

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
ms_since (gint64 start)
{
  return (now_us () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @values, which it sorts. */
static double
percentile (GArray *values,
            int     p)
{
  guint rank;

  g_array_sort (values, compare_double);
  rank = (guint) ((p * (guint64) values->len + 99) / 100);
  return g_array_index (values, double, MAX (rank, 1) - 1);
}

static double
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line ? g_ascii_strtod (line + strlen (field) + 1, NULL) : 0;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;
  double hwm = status_kib ("VmHWM");

  if (hwm > 0)
    return hwm / 1024;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Generating the pipeline */

static const char * const products[] = {
  "Fleet charging stations", "Cold-chain monitoring", "Brewhouse automation", "Guest Wi-Fi",
  "Harbour crane telemetry", "Ordering app", "ERP rollout", "Sensor network", "Field service tablets",
  "Booking platform", "Warehouse scanners", "Timber tracking", "Clinical trial portal",
  "Maintenance planning", "Check-in kiosks", "Crew logistics", "Repair tracking", "Solar roof",
  "Workshop management", "Grid analytics", "Furniture configurator", "Bed tracking",
  "Auction platform", "Safety sensors", "Device registry", "Install scheduling", "Dashboard",
  "Site cameras", "Loyalty programme", "Payroll migration",
};

static const char * const firms[] = {
  "Nordlys", "Bergen", "Brauerei", "Alpenblick", "Tromsø", "Bäckerei", "Rheinland", "Hardanger",
  "Bergmann", "Lofoten", "Kaiser", "Trøndelag", "Grünwald", "Hansa", "Solbakken", "Stavanger",
  "Schwarzwald", "Sonnenwerk", "Oslo", "Stadtwerke", "Ålesund", "Sørlandet", "Nordsee", "Røros",
  "Weber", "Bodø", "Lüneburger", "Vestland", "Müller", "Fjordkraft", "Hofmann", "Kristiansand",
  "Hamburger", "Münchner", "Drammen", "Freiburger", "Narvik", "Kieler", "Molde", "Dresdner",
};

static const char * const trades[] = {
  "Energi", "Sjømat", "Maschinenbau", "Hotels", "Havn", "Frukt", "Bau", "Reiseliv", "Logistik",
  "Tre", "Pharma", "Reederei", "Barnehager", "Offshore", "Uhren", "Solar", "Sykkel", "Werke",
  "Møbler", "Sykehus", "Fisch", "Kobber", "Medizintechnik", "Elektro", "Papier", "Bygg", "Söhne",
  "Data", "Verkehr", "Brygg",
};

static const char * const forms[] = { "AS", "GmbH", "AG", "KG", "SA", "ASA", "HF", "KF" };

static const char * const first_names[] = {
  "Kari", "Ole", "Anna", "Markus", "Sigrid", "Lena", "Thomas", "Ingvild", "Jan", "Eirik", "Sabine",
  "Håkon", "Julia", "Klaus", "Marit", "Bjørn", "Peter", "Miriam", "Amund", "Andreas", "Silje",
  "Tone", "Henrik", "Nils", "Claudia", "Kristin", "Frank", "Geir", "Stefan", "Jürgen", "Åse",
  "Øystein", "Dorothea", "Ragnhild", "Uwe", "Björn", "Heike", "Torbjørn", "Gudrun", "Matthias",
};

static const char * const last_names[] = {
  "Nordmann", "Haugen", "Hofmann", "Gruber", "Johansen", "Schröder", "Becker", "Lie", "Bergmann",
  "Pedersen", "Kaiser", "Moe", "Wagner", "Petersen", "Solbakken", "Eriksen", "Vogt", "Klein",
  "Strand", "Fischer", "Vik", "Berge", "Janssen", "Aune", "Weber", "Hansen", "Meyer", "Nilsen",
  "Müller", "Weiß", "Dahl", "Lund", "Schäfer", "Koch", "Bakken", "Richter", "Sæther", "Wolf",
  "Halvorsen", "Zimmermann",
};

static const char * const lost_reasons[] = { "price", "competitor", "no-budget", "timing" };

#define PICK(rand, array) (array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))]

/* How many manual jobs each stage's template has. */
static const guint manual_jobs[SF_N_STAGES] = { 3, 4, 4, 3, 5, 4 };

typedef struct
{
  Bench *b;
  guint made;
  gint64 now;
  SfDeal *deal;       /* the one item in flight */
} Generator;

static SfStage
pick_stage (GRand *rand)
{
  /* A pipeline is wide at the top: most deals are early. */
  static const int weights[SF_N_STAGES] = { 30, 22, 16, 12, 8, 12 };
  int r = g_rand_int_range (rand, 0, 100);

  for (int s = SF_STAGE_FIRST; s < SF_STAGE_LAST; s++)
    {
      if (r < weights[s])
        return s;
      r -= weights[s];
    }
  return SF_STAGE_LAST;
}

static gboolean
next_deal (SfImportItem  *item,
           gpointer       data,
           GError       **error)
{
  Generator *gen = data;
  GRand *rand = gen->b->rand;
  const char *first = PICK (rand, first_names), *last = PICK (rand, last_names);
  const char *firm = PICK (rand, firms), *trade = PICK (rand, trades);
  g_autofree char *title = NULL, *customer = NULL, *contact = NULL, *email = NULL;
  g_autofree char *phone = NULL, *mail_first = NULL, *mail_firm = NULL;
  SfStage stage = pick_stage (rand);
  gboolean lost = stage != SF_STAGE_CLOSED && g_rand_int_range (rand, 0, 100) < 8;
  gint64 entered = gen->now - g_rand_int_range (rand, 0, 400) * (gint64) 86400;
  gboolean norwegian = g_rand_boolean (rand);
  SfDealRow row = { 0 };

  if (gen->made == gen->b->n)
    return FALSE;

  title = g_strdup_printf ("%s, phase %d", PICK (rand, products), g_rand_int_range (rand, 1, 10));
  customer = g_strdup_printf ("%s %s %s", firm, trade, PICK (rand, forms));
  contact = g_strdup_printf ("%s %s", first, last);
  mail_first = g_ascii_strdown (first, -1);
  mail_firm = g_ascii_strdown (firm, -1);
  email = g_strdup_printf ("%s.%u@%s.example", mail_first, gen->made, mail_firm);
  phone = g_strdup_printf (norwegian ? "+47 %03d %02d %03d" : "+49 %03d %04d", g_rand_int_range (rand, 400, 999),
                           g_rand_int_range (rand, 0, 10000), g_rand_int_range (rand, 0, 1000));

  row.title = title;
  row.customer = customer;
  row.contact_name = contact;
  row.contact_email = email;
  row.contact_phone = phone;
  row.owner_id = gen->b->owners[g_rand_int_range (rand, 0, N_OWNERS)];
  row.value = (gint64) g_rand_int_range (rand, 10, 5000) * 10000;
  row.currency = norwegian ? "NOK" : "EUR";
  row.stage = stage;
  row.status = lost ? SF_DEAL_STATUS_LOST : stage == SF_STAGE_CLOSED ? SF_DEAL_STATUS_WON : SF_DEAL_STATUS_OPEN;
  row.lost_reason = lost ? PICK (rand, lost_reasons) : NULL;
  row.expected_close = stage == SF_STAGE_CLOSED ? 0 : sf_date_from_unix (gen->now) + g_rand_int_range (rand, 7, 200);
  row.probability = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 5, 95) : -1;
  row.created_at = entered - (gint64) (stage * 21 + 7) * 86400;
  row.stage_entered_at = entered;
  row.closed_at = stage == SF_STAGE_CLOSED ? entered : 0;

  g_clear_object (&gen->deal);
  gen->deal = sf_deal_new_from_row (&row);
  item->deal = gen->deal;
  item->current_done = g_rand_int_range (rand, 0, manual_jobs[stage] + 1);
  item->owner_name = NULL;
  gen->made++;

  return TRUE;
}

static gboolean
generate_progress (guint    done,
                   guint    total,
                   gpointer data)
{
  /* Told every 512 deals. */
  if (done % 100000 < 512 || done == total)
    say ("generated %u of %u deals", done, total);
  return TRUE;
}

static void
add_owners (Bench *b)
{
  for (guint i = 0; i < N_OWNERS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[i * 2 % G_N_ELEMENTS (first_names)],
                                               last_names[(i * 7 + 3) % G_N_ELEMENTS (last_names)]);
      g_autoptr(SfPerson) person = sf_store_add_person (b->store, name,
                                                        i % 5 == 0 ? SF_ROLE_MANAGER : SF_ROLE_SALES,
                                                        &error);

      g_assert_no_error (error);
      b->owners[i] = sf_person_get_id (person);
    }
  sf_store_set_actor (b->store, b->owners[0]);
}

static void
generate (Bench *b)
{
  g_autoptr(GError) error = NULL;
  Generator gen = { b, 0, 0, NULL };
  GStatBuf st;
  gint64 start;

  b->store = sf_store_open (b->path, &error);
  g_assert_no_error (error);
  add_owners (b);
  gen.now = sf_store_now (b->store);

  say ("generating %u deals", b->n);
  start = now_us ();
  if (!sf_store_import_deals_pull (b->store, next_deal, &gen, b->n, generate_progress, NULL, &error))
    g_error ("The import failed: %s", error->message);
  figure (b, "generate", ms_since (start) / 1000, "s");
  g_clear_object (&gen.deal);

  g_clear_object (&b->store);
  if (g_stat (b->path, &st) == 0)
    figure (b, "database", st.st_size / 1048576.0, "MiB");
}

static void
reuse_owners (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (b->path, &error);
  g_autoptr(GPtrArray) persons = NULL;

  g_assert_no_error (error);
  persons = sf_store_list_persons (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_OWNERS && i < persons->len; i++)
    b->owners[i] = sf_person_get_id (g_ptr_array_index (persons, i));
}

/* The floor: what reading the deal rows costs with no objects at all */

static const char raw_sql[] =
  "SELECT d.id, d.title, d.customer, d.contact_name, d.contact_email, d.contact_phone, d.owner_id,"
  " d.value, d.currency, d.stage, d.status, d.lost_reason, d.lost_note, d.expected_close,"
  " d.probability, d.created_at, d.updated_at, d.stage_entered_at, d.closed_at,"
  " d.progress_done, d.progress_required, p.name"
  " FROM deals d LEFT JOIN persons p ON p.id = d.owner_id WHERE d.deleted_at IS NULL ORDER BY d.id";

static double
raw_scan (Bench *b)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_full (b->n * 6, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = now_us ();
  double ms;

  g_assert_cmpint (sqlite3_open_v2 (b->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, raw_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 1; c <= 5; c++)
      g_ptr_array_add (strings, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  ms = ms_since (start);

  g_assert_cmpuint (strings->len, ==, b->n * 5);
  return ms;
}

/* What the loader thread does: the rows made into SfDeals. */
static double
read_deals (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (b->path, &error);
  g_autoptr(GPtrArray) deals = NULL;
  gint64 start = now_us ();
  double ms;

  g_assert_no_error (error);
  deals = sf_store_list_deals (store, &error);
  ms = ms_since (start);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, b->n);

  return ms;
}

/* The models, built before the load as the window builds them */

static void
build_models (Bench *b)
{
  GListModel *deals = sf_pipeline_get_deals (b->pipeline);

  /* sf_deals_view_set_pipeline(): the column view's sorter sorts nothing
   * until a column header is clicked, and while it does not, the filter
   * reads the deals directly. */
  b->filter = sf_deal_filter_new ();
  b->sorted = gtk_sort_list_model_new (g_object_ref (deals), NULL);
  b->filtered = sf_deal_filter_model_new (deals, b->filter);
  b->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (b->filtered)));
  gtk_single_selection_set_autoselect (b->selection, FALSE);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    b->columns[s] = gtk_single_selection_new (g_object_ref (sf_pipeline_get_column (b->pipeline, s)));
}

static void
free_models (Bench *b)
{
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    g_clear_object (&b->columns[s]);
  g_clear_object (&b->selection);
  g_clear_object (&b->filtered);
  g_clear_object (&b->sorted);
  g_clear_object (&b->filter);
}

static void
loaded_cb (GObject    *pipeline,
           GParamSpec *pspec,
           gint64     *loaded_at)
{
  *loaded_at = now_us ();
}

static void
load (Bench *b)
{
  g_autoptr(GError) error = NULL;
  gint64 start, loaded_at = 0;
  double floor, ms, rss_before;

  /* The first read warms the file into the page cache for both. */
  raw_scan (b);
  floor = raw_scan (b);
  figure (b, "raw_scan", floor, "ms");

  b->store = sf_store_open (b->path, &error);
  g_assert_no_error (error);
  sf_store_set_actor (b->store, b->owners[0]);
  b->pipeline = sf_pipeline_new (b->store);
  build_models (b);
  g_signal_connect (b->pipeline, "notify::loaded", G_CALLBACK (loaded_cb), &loaded_at);

  rss_before = status_kib ("VmRSS");
  start = now_us ();
  sf_pipeline_load (b->pipeline);
  while (loaded_at == 0)
    g_main_context_iteration (NULL, TRUE);
  ms = (loaded_at - start) / 1000.0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b->selection)), ==, b->n);
  figure (b, "load", ms, "ms");
  figure (b, "load_ratio", ms / floor, "x");
  figure (b, "rss_loaded", status_kib ("VmRSS") / 1024, "MiB");
  figure (b, "rss_per_deal", (status_kib ("VmRSS") - rss_before) * 1024 / b->n, "B");
}

/* The board */

static double
board_totals (Bench *b)
{
  const int *probabilities = sf_pipeline_get_stage_probabilities (b->pipeline);
  gint64 start = now_us ();
  guint count = 0;

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      g_autoptr(SfColumnTotals) totals = sf_column_totals_compute (G_LIST_MODEL (b->columns[s]), probabilities);
      g_autofree char *total = sf_column_totals_format (totals, FALSE);
      g_autofree char *weighted = sf_column_totals_format (totals, TRUE);

      g_assert_cmpuint (sf_column_totals_get_count (totals), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (b->columns[s])));
      count += sf_column_totals_get_count (totals);
    }

  g_assert_cmpuint (count, <=, b->n);
  return ms_since (start);
}

/* The columns' deals came with the load (sf_pipeline_get_column()); a
 * board built over them adds a selection each and the totals. */
static void
board (Bench *b)
{
  gint64 start;

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    g_clear_object (&b->columns[s]);
  start = now_us ();
  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    b->columns[s] = gtk_single_selection_new (g_object_ref (sf_pipeline_get_column (b->pipeline, s)));
  board_totals (b);
  figure (b, "board", ms_since (start), "ms");
  figure (b, "board_totals", board_totals (b), "ms");
}

/* Search */

static void
type_word (GPtrArray  *queries,
           const char *word)
{
  for (const char *p = g_utf8_next_char (word); ; p = g_utf8_next_char (p))
    {
      g_ptr_array_add (queries, g_strndup (word, p - word));
      if (*p == '\0')
        break;
    }
}

/* What people type: a name letter by letter, sometimes a second word,
 * sometimes a slip taken back, then the search cleared. */
static GPtrArray *
make_queries (GRand *rand)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  while (queries->len < N_QUERIES)
    {
      g_autofree char *word = NULL;
      int kind = g_rand_int_range (rand, 0, 6);

      switch (kind)
        {
        case 0: word = g_utf8_strdown (PICK (rand, firms), -1); break;
        case 1: word = g_strdup (PICK (rand, last_names)); break;
        case 2: word = g_strdup_printf ("%s %s", PICK (rand, firms), PICK (rand, trades)); break;
        case 3: word = g_strdup (PICK (rand, products)); break;
        case 4: word = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names)); break;
        default: word = g_strdup_printf ("%u", g_rand_int_range (rand, 10, 99999)); break;
        }
      type_word (queries, word);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_ptr_array_add (queries, g_strconcat (word, "x", NULL));
          g_ptr_array_add (queries, g_strdup (word));
        }
      g_ptr_array_add (queries, g_strdup (""));
    }
  g_ptr_array_set_size (queries, N_QUERIES);

  return queries;
}

/* One keystroke: the query into the filter until the list model holds the
 * result, and the rows a window shows read from it. */
static double
keystroke (Bench      *b,
           const char *query)
{
  GListModel *shown = G_LIST_MODEL (b->selection);
  gint64 start = now_us ();
  guint n;

  sf_deal_filter_set_query (b->filter, query);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < MIN (n, 40); i++)
    g_object_unref (g_list_model_get_item (shown, i));

  return ms_since (start);
}

static void
search (Bench      *b,
        GPtrArray  *queries,
        const char *name)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *p50 = g_strconcat (name, "_p50", NULL);
  g_autofree char *p95 = g_strconcat (name, "_p95", NULL);
  g_autofree char *worst = g_strconcat (name, "_max", NULL);

  for (guint i = 0; i < queries->len; i++)
    {
      double ms = keystroke (b, g_ptr_array_index (queries, i));

      g_array_append_val (times, ms);
    }
  keystroke (b, "");

  figure (b, p50, percentile (times, 50), "ms");
  figure (b, p95, percentile (times, 95), "ms");
  figure (b, worst, percentile (times, 100), "ms");
}

/* Sorting: a click on the Value header */

static void
sort_by_value (Bench *b)
{
  /* sf-deals-view.ui: the Value column's sorter */
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (SF_TYPE_DEAL, NULL, "amount")));
  gint64 start = now_us ();

  gtk_sort_list_model_set_sorter (b->sorted, sorter);
  sf_deal_filter_model_set_source (b->filtered, G_LIST_MODEL (b->sorted));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (b->selection), 0));
  figure (b, "sort_value", ms_since (start), "ms");
}

/* Working on single deals */

/* @stage: an #SfStage, or -1 for any */
static SfDeal *
random_deal (Bench *b,
             int    stage)
{
  GListModel *deals = sf_pipeline_get_deals (b->pipeline);

  for (;;)
    {
      g_autoptr(SfDeal) deal = g_list_model_get_item (deals, g_rand_int_range (b->rand, 0, b->n));

      if (sf_deal_get_status (deal) == SF_DEAL_STATUS_OPEN &&
          (stage < 0 || (int) sf_deal_get_stage (deal) == stage))
        return deal;
    }
}

/* What the pane reads when a deal is selected (sf_deal_pane_set_deal()). */
static void
open_deals (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  SfStore *store = b->store;

  for (guint i = 0; i < N_OPENS; i++)
    {
      SfDeal *deal = random_deal (b, -1);
      gint64 start = now_us ();
      g_autoptr(GPtrArray) jobs = NULL;
      g_autoptr(GPtrArray) history = NULL;
      double ms;

      g_assert_true (sf_store_load_deal_notes (store, deal, NULL));
      jobs = sf_store_list_jobs (store, sf_deal_get_id (deal), NULL);
      history = sf_store_list_history (store, sf_deal_get_id (deal), NULL);
      ms = ms_since (start);
      g_assert_cmpuint (jobs->len, >=, 20);
      g_assert_cmpuint (history->len, >=, 1);
      g_array_append_val (times, ms);
    }

  figure (b, "open_deal_p50", percentile (times, 50), "ms");
  figure (b, "open_deal_p95", percentile (times, 95), "ms");
}

static SfJob *
first_manual_job (GPtrArray *jobs,
                  SfStage    stage)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      SfJob *job = g_ptr_array_index (jobs, i);

      if (sf_job_get_stage (job) == stage && sf_job_get_kind (job) == SF_JOB_KIND_MANUAL)
        return job;
    }

  return NULL;
}

/* A tick through the pipeline, as the job row's check button does: the
 * store's transaction with synchronous = FULL, so the call returns once
 * the write-ahead log is synced, and the models told. */
static void
ticks (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_TICKS; i += 10)
    {
      SfDeal *deal = random_deal (b, SF_STAGE_PROSPECT);
      g_autoptr(GPtrArray) jobs = sf_store_list_jobs (b->store, sf_deal_get_id (deal), NULL);
      SfJob *job = first_manual_job (jobs, SF_STAGE_PROSPECT);

      for (guint k = 0; k < 10; k++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = now_us ();
          double ms;

          if (!sf_pipeline_set_job_done (b->pipeline, deal, job, !sf_job_get_done (job), &error))
            g_error ("A tick failed: %s", error->message);
          ms = ms_since (start);
          g_array_append_val (times, ms);
        }
    }

  figure (b, "tick_p50", percentile (times, 50), "ms");
  figure (b, "tick_p95", percentile (times, 95), "ms");
}

static void
advances (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_ADVANCES; i++)
    {
      SfDeal *deal = random_deal (b, SF_STAGE_PROSPECT);
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      g_assert_true (sf_test_tick_stage (b->store, deal, SF_STAGE_PROSPECT));
      start = now_us ();
      if (!sf_pipeline_advance (b->pipeline, deal, &error))
        g_error ("An advance failed: %s", error->message);
      ms = ms_since (start);
      g_assert_cmpint (sf_deal_get_stage (deal), ==, SF_STAGE_QUALIFIED);
      g_array_append_val (times, ms);
    }

  figure (b, "advance_p50", percentile (times, 50), "ms");
  figure (b, "advance_p95", percentile (times, 95), "ms");
}

/* What one fsync costs on this disk: the floor under a committed tick. */
static void
fsync_floor (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (b->dir, "fsync-probe", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  char block[4096] = { 0 };

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 100; i++)
    {
      gint64 start = now_us ();
      double ms;

      g_assert_cmpint (pwrite (fd, block, sizeof block, (off_t) (i % 8) * sizeof block), ==, sizeof block);
      g_assert_cmpint (fdatasync (fd), ==, 0);
      ms = ms_since (start);
      g_array_append_val (times, ms);
    }
  close (fd);
  g_unlink (path);

  figure (b, "fsync_p50", percentile (times, 50), "ms");
  figure (b, "fsync_p95", percentile (times, 95), "ms");
}

static void
run_one (guint       n,
         const char *keep,
         gboolean    reuse)
{
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *name = g_strdup_printf ("bench-%u.db", n);
  Bench b = { .n = n };

  b.dir = keep ? g_strdup (keep) : sf_test_temp_dir ();
  g_mkdir_with_parents (b.dir, 0700);
  b.path = g_build_filename (b.dir, name, NULL);
  b.rand = g_rand_new_with_seed (n);

  if (reuse && g_file_test (b.path, G_FILE_TEST_EXISTS))
    reuse_owners (&b);
  else
    {
      g_unlink (b.path);
      generate (&b);
    }
  say ("loading");
  load (&b);
  say ("board, search, sort");
  board (&b);
  queries = make_queries (b.rand);
  search (&b, queries, "search");
  sort_by_value (&b);
  search (&b, queries, "search_sorted");
  gtk_sort_list_model_set_sorter (b.sorted, NULL);
  sf_deal_filter_model_set_source (b.filtered, sf_pipeline_get_deals (b.pipeline));
  say ("deals: open, tick, advance");
  open_deals (&b);
  ticks (&b);
  advances (&b);
  fsync_floor (&b);
  figure (&b, "peak_rss", peak_rss_mib (), "MiB");
  /* Last: its million deals would stay in the allocator and count in the
   * peak RSS of everything after. */
  figure (&b, "read_deals", read_deals (&b), "ms");

  free_models (&b);
  g_clear_object (&b.pipeline);
  g_clear_object (&b.store);
  g_rand_free (b.rand);
  if (keep == NULL)
    sf_test_remove_dir (b.dir);
  g_free (b.path);
  g_free (b.dir);
}

/* The table */

typedef struct
{
  const char *name;
  const char *label;
  const char *target;
} Row;

static const Row rows[] = {
  { "generate", "Generate the database (bulk import, one transaction)", "" },
  { "database", "Database file", "" },
  { "raw_scan", "Floor: raw SELECT of the deal rows with string copies", "" },
  { "load", "Pipeline loaded into the models, searchable", "≤ 2 × floor" },
  { "load_ratio", "  … ratio to the floor", "≤ 2" },
  { "rss_loaded", "RSS with the pipeline loaded", "" },
  { "rss_per_deal", "  … of which per deal (RSS growth while loading)", "" },
  { "board", "Six board columns built, with totals", "" },
  { "board_totals", "Six columns' totals recomputed", "" },
  { "search_p50", "Search keystroke, p50", "" },
  { "search_p95", "Search keystroke, p95", "≤ 16 ms (100k), ≤ 100 ms (1M)" },
  { "search_max", "Search keystroke, slowest", "" },
  { "sort_value", "Sort the list by value", "" },
  { "search_sorted_p50", "Search keystroke while sorted, p50", "" },
  { "search_sorted_p95", "Search keystroke while sorted, p95", "" },
  { "search_sorted_max", "Search keystroke while sorted, slowest", "" },
  { "open_deal_p50", "Open a deal (notes, jobs, history), p50", "" },
  { "open_deal_p95", "Open a deal, p95", "" },
  { "tick_p50", "Tick a job, committed to disk, p50", "" },
  { "tick_p95", "Tick a job, committed to disk, p95", "≤ 5 ms" },
  { "advance_p50", "Advance a stage, p50", "" },
  { "advance_p95", "Advance a stage, p95", "" },
  { "fsync_p50", "One 4 KiB write + fdatasync on this disk, p50", "" },
  { "fsync_p95", "One 4 KiB write + fdatasync, p95", "" },
  { "peak_rss", "Peak RSS (VmHWM)", "≤ 160 MB (100k), ≤ 600 MB (1M)" },
  { "read_deals", "The rows made into SfDeals on one thread (after the peak)", "" },
  /* tests/bench/window-bench.py: the app in a display, timed from outside */
  { "first_frame_empty", "Window: first frame, empty database", "" },
  { "launch_rss_empty", "Window: peak RSS at that frame, empty database", "" },
  { "first_frame", "Window: first frame, these deals", "" },
  { "deals_frame", "Window: first frame showing deals", "" },
  { "deals_frame_ratio", "  … ratio to the empty database's first frame", "≤ 1.5 (100k), ≤ 2.5 (1M)" },
  { "launch_loaded", "Window: every deal in the models, searchable", "" },
  { "launch_loaded_frame", "Window: first frame after that", "" },
  { "tab_deals", "Window: Alt+2, Deals tab shown (first time)", "" },
  { "tab_deals_stall", "  … longest main-thread stall", "≤ 100 ms (100k), ≤ 250 ms (1M)" },
  { "tab_deals_cpu", "  … main thread's CPU time", "" },
  { "tab_approvals", "Window: Alt+3, Approvals tab shown (first time)", "" },
  { "tab_approvals_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "tab_approvals_cpu", "  … main thread's CPU time", "" },
  { "tab_satisfaction", "Window: Alt+4, Satisfaction tab shown (first time)", "" },
  { "tab_satisfaction_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "tab_satisfaction_cpu", "  … main thread's CPU time", "" },
  { "tab_board", "Window: Alt+1, board shown again", "" },
  { "tab_board_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "tab_board_cpu", "  … main thread's CPU time", "" },
  { "tab_again_max", "Window: the four tabs again, slowest", "" },
  { "tab_again_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "tab_again_cpu", "  … main thread's CPU time, most", "" },
  { "board_page", "Window: board column, Page Down, median", "" },
  { "board_page_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "board_page_cpu", "  … main thread's CPU time, most", "" },
  { "board_end", "Window: board column, End", "" },
  { "board_end_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "board_end_cpu", "  … main thread's CPU time", "" },
  { "board_home", "Window: board column, Home", "" },
  { "board_home_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "board_home_cpu", "  … main thread's CPU time", "" },
  { "open_card", "Window: Enter on a card, its deal shown", "" },
  { "open_card_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "open_card_cpu", "  … main thread's CPU time", "" },
  { "open_row", "Window: Down in the list, next deal shown, median", "" },
  { "open_row_stall", "  … longest main-thread stall", "≤ 100 ms, ≤ 250 ms" },
  { "open_row_cpu", "  … main thread's CPU time, most", "" },
  { "key_count", "Window: search keystrokes that repainted the list", "" },
  { "key_unchanged", "  … and that changed nothing in it", "" },
  { "key_p50", "Window: search keystroke to list repainted, p50", "" },
  { "key_p95", "Window: search keystroke to list repainted, p95", "≤ 50 ms (100k), ≤ 150 ms (1M)" },
  { "key_max", "Window: search keystroke to list repainted, slowest", "" },
  { "key_stall", "  … longest main-thread stall", "" },
  { "key_cpu_p50", "  … main thread's CPU time per keystroke, p50", "" },
  { "key_cpu_p95", "  … main thread's CPU time per keystroke, p95", "" },
  { "window_rss", "Window: peak RSS after all of the above", "≤ 160 MB (100k), ≤ 600 MB (1M)" },
};

static void
print_table (GHashTable *values,
             GArray     *sizes)
{
  g_print ("\n%-58s", "");
  for (guint k = 0; k < sizes->len; k++)
    g_print (" %16u", g_array_index (sizes, guint, k));
  g_print ("  target\n");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_print ("%-58s", rows[i].label);
      for (guint k = 0; k < sizes->len; k++)
        {
          g_autofree char *key = g_strdup_printf ("n%u.%s", g_array_index (sizes, guint, k), rows[i].name);
          const char *value = g_hash_table_lookup (values, key);

          g_print (" %16s", value ? value : "—");
        }
      g_print ("  %s\n", rows[i].target);
    }
}

/* Prints a child's output and keeps its `name value unit` lines. */
static void
collect (const char *out,
         GHashTable *values)
{
  g_auto(GStrv) lines = NULL;

  g_print ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (parts) == 3)
        g_hash_table_insert (values, g_strdup (parts[0]),
                             g_strdup_printf ("%s %s", parts[1], parts[2]));
    }
}

/* Runs one size in a child process and collects its figure lines. */
static gboolean
run_child (const char *self,
           guint       n,
           const char *keep,
           gboolean    reuse,
           GHashTable *values)
{
  g_autofree char *size = g_strdup_printf ("%u", n);
  const char *argv[] = { self, "--one", size, reuse ? "--reuse" : "--new",
                         keep ? "--keep" : NULL, keep, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error))
    {
      g_printerr ("salesflow-bench: %s\n", error->message);
      return FALSE;
    }

  collect (out, values);
  return g_spawn_check_wait_status (status, NULL);
}

/* Drives the app on @n's database in a display of its own
 * (tests/bench/window-bench.py) and collects its figure lines. */
static gboolean
run_window (const char *dir,
            guint       n,
            gboolean    quick,
            GHashTable *values)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.db", n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *prefix = g_strdup_printf ("n%u", n);
  const char *argv[] = { SF_WINDOW_BENCH, SF_BUILD_ROOT, path, "--prefix", prefix,
                         quick ? "--runs" : NULL, "1", "--keys", "12", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_printerr ("salesflow-bench: %u deals in the window\n", n);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error))
    {
      g_printerr ("salesflow-bench: %s\n", error->message);
      return FALSE;
    }

  collect (out, values);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("salesflow-bench: window-bench.py: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *window_dir = NULL;
  const char *keep = NULL;
  gboolean one = FALSE, reuse = FALSE, window = FALSE, quick = FALSE, ok = TRUE;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--one"))
        one = TRUE;
      else if (g_str_equal (argv[i], "--reuse"))
        reuse = TRUE;
      else if (g_str_equal (argv[i], "--new"))
        reuse = FALSE;
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        keep = argv[++i];
      else if (g_str_equal (argv[i], "--window"))
        window = TRUE;
      else if (g_str_equal (argv[i], "--window-quick"))
        window = quick = TRUE;
      else
        {
          guint n = (guint) g_ascii_strtoull (argv[i], NULL, 10);

          if (n < 100)
            {
              g_printerr ("Usage: salesflow-bench [--keep DIR [--reuse]] [--window[-quick]] [N…]"
                          "  (N ≥ 100; default 100000 1000000)\n");
              return 2;
            }
          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 100000, 1000000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  if (one)
    {
      run_one (g_array_index (sizes, guint, 0), keep, reuse && keep != NULL);
      return 0;
    }

  /* The window needs the database the child generated. */
  if (window && keep == NULL)
    keep = window_dir = sf_test_temp_dir ();

  for (guint k = 0; k < sizes->len; k++)
    {
      guint n = g_array_index (sizes, guint, k);

      g_printerr ("salesflow-bench: %u deals\n", n);
      ok = run_child (self ? self : argv[0], n, keep, reuse, values) && ok;
      if (window)
        ok = run_window (keep, n, quick, values) && ok;
    }
  print_table (values, sizes);
  if (window_dir != NULL)
    sf_test_remove_dir (window_dir);

  return ok ? 0 : 1;
}
