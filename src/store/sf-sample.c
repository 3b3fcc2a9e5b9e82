/* sf-sample.c — a sample pipeline to try Salesflow with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About thirty deals of German and Norwegian customers spread over every
 * stage, their titles and what was said about them in the language of
 * the person who opens the sample, some jobs done, a few lost, a few closed, some stale; the closed
 * ones with a year of customer answers and verdicts. The same
 * every time (a fixed seed), with dates relative to today, so screenshots
 * and tests can rely on it. Stored through the import path in one
 * transaction.
 *
 * Deals from Developed on have pricing and an ROI worksheet. Those past
 * Developed were signed off, and some in Developed wait or were turned
 * down: every request and decision goes through the same store calls as
 * in the app, on a clock set back to when they would have happened, so
 * the ledger, the history and the jobs agree. The sample manager's
 * passphrase is public (SF_SAMPLE_MANAGER_PASSPHRASE).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-format.h"
#include "sf-sample.h"
#include "sf-store-private.h"

typedef struct
{
  const char *title;
  const char *customer;
  const char *contact;
  const char *email;
  gint64 value;           /* major units */
  const char *currency;
  SfStage stage;
  SfDealStatus status;
  const char *lost_reason;
  int days_in_stage;
  guint current_done;
  int owner;              /* 0 = the user, 1… colleagues */
} SampleDeal;

static const SampleDeal samples[] = {
  { NC_("sample deal", "Fleet charging stations"), "Nordlys Energi AS", "Kari Nordmann", "kari@nordlys-energi.no", 450000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 3, 1, 0 },
  { NC_("sample deal", "Cold-chain monitoring"), "Bergen Sjømat AS", "Ole Haugen", "ole.haugen@bergensjomat.no", 280000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 12, 0, 1 },
  { NC_("sample deal", "Brewhouse automation"), "Brauerei Hofmann GmbH", "Anna Hofmann", "a.hofmann@brauerei-hofmann.de", 86000, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 41, 2, 0 },
  { NC_("sample deal", "Guest Wi-Fi for 12 hotels"), "Alpenblick Hotels", "Markus Gruber", "gruber@alpenblick.at", 54000, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 6, 0, 2 },
  { NC_("sample deal", "Harbour crane telemetry"), "Tromsø Havn KF", "Sigrid Johansen", "sigrid.johansen@tromso-havn.no", 1200000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 2, 0, 0 },
  { NC_("sample deal", "Bakery ordering app"), "Bäckerei Schröder", "Lena Schröder", "lena@baeckerei-schroeder.de", 18500, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 33, 1, 1 },

  { NC_("sample deal", "ERP rollout, phase 1"), "Rheinland Maschinenbau GmbH", "Thomas Becker", "t.becker@rheinland-mb.de", 240000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 9, 2, 0 },
  { NC_("sample deal", "Sensor network for orchards"), "Hardanger Frukt SA", "Ingvild Lie", "ingvild@hardangerfrukt.no", 390000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 15, 1, 2 },
  { NC_("sample deal", "Field service tablets"), "Bergmann Bau AG", "Jan Bergmann", "jan.bergmann@bergmann-bau.de", 72000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 52, 3, 1 },
  { NC_("sample deal", "Booking platform"), "Lofoten Reiseliv AS", "Eirik Pedersen", "eirik@lofoten-reiseliv.no", 610000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 4, 0, 0 },
  { NC_("sample deal", "Warehouse scanners"), "Kaiser Logistik AG", "Sabine Kaiser", "s.kaiser@kaiser-logistik.de", 133000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 20, 2, 0 },

  { NC_("sample deal", "Timber tracking"), "Trøndelag Tre AS", "Håkon Moe", "hakon.moe@trondelagtre.no", 820000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 11, 2, 0 },
  { NC_("sample deal", "Clinical trial portal"), "Grünwald Pharma", "Dr. Julia Wagner", "j.wagner@gruenwald-pharma.de", 310000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 37, 1, 2 },
  { NC_("sample deal", "Ship maintenance planning"), "Hansa Reederei", "Klaus Petersen", "petersen@hansa-reederei.de", 205000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 8, 3, 1 },
  { NC_("sample deal", "Kindergarten check-in"), "Solbakken Barnehager", "Marit Solbakken", "marit@solbakken.no", 145000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 26, 0, 0 },

  { NC_("sample deal", "Offshore crew logistics"), "Stavanger Offshore Service AS", "Bjørn Eriksen", "bjorn.eriksen@sos-offshore.no", 2400000, "NOK", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 14, 2, 0 },
  { NC_("sample deal", "Watch repair tracking"), "Schwarzwald Uhren GmbH", "Peter Vogt", "vogt@schwarzwald-uhren.de", 47000, "EUR", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 5, 1, 1 },
  { NC_("sample deal", "Solar roof for the depot"), "Sonnenwerk Solar GmbH", "Miriam Klein", "m.klein@sonnenwerk.de", 158000, "EUR", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 44, 3, 0 },
  { NC_("sample deal", "Workshop management"), "Oslo Sykkelverksted", "Amund Strand", "amund@oslosykkel.no", 96000, "NOK", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 18, 0, 2 },

  { NC_("sample deal", "Power grid analytics"), "Stadtwerke Freiburg", "Andreas Fischer", "andreas.fischer@stadtwerke-freiburg.de", 520000, "EUR", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 10, 2, 0 },
  { NC_("sample deal", "Furniture configurator"), "Ålesund Møbler AS", "Silje Vik", "silje@alesundmobler.no", 340000, "NOK", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 3, 4, 1 },
  { NC_("sample deal", "Hospital bed tracking"), "Sørlandet Sykehus HF", "Tone Berge", "tone.berge@sshf.no", 1750000, "NOK", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 29, 1, 0 },

  { NC_("sample deal", "Fish auction platform"), "Nordsee Fisch AG", "Henrik Janssen", "h.janssen@nordsee-fisch.de", 270000, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 60, 3, 0 },
  { NC_("sample deal", "Copper mine safety sensors"), "Røros Kobber AS", "Nils Aune", "nils.aune@roroskobber.no", 930000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 120, 4, 1 },
  { NC_("sample deal", "Medical device registry"), "Weber Medizintechnik", "Claudia Weber", "c.weber@weber-medtech.de", 188000, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 200, 2, 1 },
  { NC_("sample deal", "Electrical install scheduling"), "Bodø Elektro AS", "Kristin Hansen", "kristin@bodoelektro.no", 210000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 15, 1, 0 },
  { NC_("sample deal", "Ferry ticket kiosks"), "Fjordlinje AS", "Torstein Dahl", "torstein.dahl@fjordlinje.no", 640000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 330, 4, 1 },
  { NC_("sample deal", "Vineyard irrigation control"), "Weingut Kessler", "Paul Kessler", "paul@weingut-kessler.de", 9400, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 280, 3, 1 },
  { NC_("sample deal", "Taxi dispatch system"), "Trondheim Taxi AS", "Randi Solberg", "randi.solberg@trondheimtaxi.no", 1350000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 230, 4, 0 },

  { NC_("sample deal", "Paper mill dashboard"), "Lüneburger Papier", "Frank Meyer", "frank.meyer@lueneburger-papier.de", 64000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST, "competitor", 70, 1, 1 },
  { NC_("sample deal", "Construction site cameras"), "Vestland Bygg AS", "Geir Nilsen", "geir@vestlandbygg.no", 175000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_LOST, "no-budget", 90, 0, 0 },
  { NC_("sample deal", "Loyalty programme"), "Müller & Söhne KG", "Stefan Müller", "stefan@mueller-soehne.de", 39000, "EUR", SF_STAGE_PROPOSED, SF_DEAL_STATUS_LOST, "price", 35, 2, 1 },
};

/* What the customers of the closed deals said, and the verdicts: enough
 * months of answers for the Satisfaction tab's chart, some follow-ups
 * overdue, successes and failures in several sizes and owners. */
typedef struct
{
  const char *title;      /* the sample deal's */
  int days_ago;
  int nps;
  int csat;
  const char *comment;
} SampleAnswer;

static const SampleAnswer answers[] = {
  { NC_("sample deal", "Ferry ticket kiosks"), 300, 3, 2, NC_("sample answer", "The screens freeze in the cold") },
  { NC_("sample deal", "Vineyard irrigation control"), 250, 8, 4, NULL },
  { NC_("sample deal", "Ferry ticket kiosks"), 240, 4, 2, NULL },
  { NC_("sample deal", "Taxi dispatch system"), 200, 5, 3, NC_("sample answer", "The drivers miss their radios") },
  { NC_("sample deal", "Vineyard irrigation control"), 190, 9, 4, NC_("sample answer", "Saved water in a dry summer") },
  { NC_("sample deal", "Medical device registry"), 168, 10, 5, NC_("sample answer", "The audit passed on the first try") },
  { NC_("sample deal", "Ferry ticket kiosks"), 150, 2, 1, NC_("sample answer", "Passengers buy tickets in the app instead") },
  { NC_("sample deal", "Taxi dispatch system"), 140, 4, 2, NULL },
  { NC_("sample deal", "Medical device registry"), 110, 9, 5, NULL },
  { NC_("sample deal", "Vineyard irrigation control"), 100, 10, 5, NULL },
  { NC_("sample deal", "Copper mine safety sensors"), 88, 6, 3, NC_("sample answer", "Too many false alarms in the first weeks") },
  { NC_("sample deal", "Fish auction platform"), 30, 9, 5, NC_("sample answer", "Auction days run without paper now") },
  { NC_("sample deal", "Copper mine safety sensors"), 28, 7, 4, NULL },
};

typedef struct
{
  const char *title;
  int days_ago;
  SfVerdict verdict;
  const char *reason;
} SampleVerdict;

static const SampleVerdict verdicts[] = {
  { NC_("sample deal", "Ferry ticket kiosks"), 145, SF_VERDICT_FAILURE, NC_("sample verdict", "The kiosks failed in winter; the customer moved to the app") },
  { NC_("sample deal", "Taxi dispatch system"), 130, SF_VERDICT_FAILURE, NC_("sample verdict", "The drivers went back to the old radio system") },
  { NC_("sample deal", "Medical device registry"), 100, SF_VERDICT_SUCCESS, NC_("sample verdict", "The registry is used at every site") },
  { NC_("sample deal", "Vineyard irrigation control"), 95, SF_VERDICT_SUCCESS, NC_("sample verdict", "Water use down by a fifth") },
  { NC_("sample deal", "Copper mine safety sensors"), 25, SF_VERDICT_SUCCESS, NC_("sample verdict", "Incident reports halved in the first quarter") },
};

static const struct {
  const char *name;
  SfRole role;
} colleagues[] = {
  { "Ingrid Bakke", SF_ROLE_SALES },
  { "Lukas Schneider", SF_ROLE_MANAGER },
};

/* The index of the sample manager in owners[] of sf_sample_create(). */
#define MANAGER 2

typedef enum
{
  NOT_ASKED,
  PENDING,
  APPROVED,
  REJECTED,
} SampleOutcome;

/**
 * SampleFigures:
 * @deal: an index into samples[]
 * @discount_bp: off the sample's value, which is the list price
 * @cost_percent: the cost to deliver, in percent of the net price
 * @revenue_percent: the ROI's expected revenue in percent of the net
 *   price; 0 for no worksheet
 */
typedef struct
{
  guint deal;
  int discount_bp;
  int cost_percent;
  int revenue_percent;
  guint horizon;
  SampleOutcome pricing;
  SampleOutcome roi;
  const char *pricing_note;
  const char *roi_note;
  const char *comment;
} SampleFigures;

static const SampleFigures figures[] = {
  /* Developed: one to ask about, some waiting, one turned down */
  { 15, 800, 62, 260, 36, NOT_ASKED, NOT_ASKED, NULL, NULL, NULL },
  { 16, 500, 58, 0, 0, PENDING, NOT_ASKED,
    NC_("sample note", "The customer wants an answer before their board meets on Thursday."), NULL, NULL },
  { 17, 1800, 71, 210, 60, REJECTED, PENDING, NULL,
    NC_("sample note", "The payback assumes this year’s feed-in tariff."),
    /* xgettext:no-c-format */
    NC_("sample note", "18 % is more than we give without a framework agreement. Offer at most 10 % and ask again.") },
  { 18, 0, 55, 0, 0, NOT_ASKED, NOT_ASKED, NULL, NULL, NULL },
  /* Proposed and Closed: signed off on the way */
  { 19, 1000, 60, 300, 36, APPROVED, APPROVED, NULL, NULL, NULL },
  { 20, 500, 52, 240, 24, APPROVED, APPROVED, NULL, NULL, NULL },
  { 21, 1200, 64, 280, 48, APPROVED, APPROVED, NULL, NULL, NULL },
  { 22, 700, 57, 250, 36, APPROVED, APPROVED, NULL, NULL, NULL },
  { 23, 1000, 61, 320, 60, APPROVED, APPROVED, NULL, NULL, NULL },
  { 24, 500, 55, 220, 36, APPROVED, APPROVED, NULL, NULL, NULL },
  { 25, 0, 59, 200, 24, APPROVED, APPROVED, NULL, NULL, NULL },
  { 26, 800, 63, 230, 36, APPROVED, APPROVED, NULL, NULL, NULL },
  { 27, 0, 50, 260, 24, APPROVED, APPROVED, NULL, NULL, NULL },
  { 28, 900, 60, 240, 48, APPROVED, APPROVED, NULL, NULL, NULL },
  { 31, 1500, 66, 180, 24, APPROVED, APPROVED, NULL, NULL, NULL },
};

/* The sample is written in the language of the person who opens it. */
static const char *
sample_text (const char *context,
             const char *text)
{
  return text != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, text) : NULL;
}

#define HOUR G_GINT64_CONSTANT (3600)
#define DAY G_GINT64_CONSTANT (86400)

/* The clock the sample's requests and decisions are made on. */
static gint64
sample_clock (gpointer data)
{
  return *(const gint64 *) data;
}

static const SampleFigures *
find_figures (guint deal)
{
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (figures[i].deal == deal)
      return &figures[i];

  return NULL;
}

static gint64
percent_of (gint64 amount,
            int    percent)
{
  return amount / 100 * percent + amount % 100 * percent / 100;
}

static gboolean
set_figures (SfStore              *store,
             SfDeal               *deal,
             const SampleFigures  *f,
             GError              **error)
{
  const SfMoney *value = sf_deal_get_value (deal);
  SfPricingResult result;
  SfPricing pricing;
  g_autoptr(SfRoi) roi = NULL;
  gint64 net;

  sf_pricing_init (&pricing, value->currency, value->amount, f->discount_bp, 0);
  if (!sf_pricing_compute (&pricing, &result, error))
    return FALSE;
  net = result.net_price.amount;
  pricing.cost.amount = percent_of (net, f->cost_percent);
  if (!sf_store_set_pricing (store, deal, &pricing, error))
    return FALSE;
  if (f->revenue_percent == 0)
    return TRUE;

  roi = sf_roi_new (value->currency, percent_of (net, f->revenue_percent), f->horizon);
  sf_roi_add_cost (roi, C_("sample cost", "Purchase price"), net);
  sf_roi_add_cost (roi, C_("sample cost", "Rollout and training"), percent_of (net, 15));
  sf_roi_add_cost (roi, C_("sample cost", "Running costs"), percent_of (net, 8) * (f->horizon / 12));
  return sf_store_set_roi (store, deal, roi, error);
}

/* Asks as @requester at *@clock, and has the manager decide a day later. */
static gboolean
ask (SfStore        *store,
     SfDeal         *deal,
     SfApprovalKind  kind,
     SampleOutcome   outcome,
     const char     *note,
     const char     *comment,
     gint64          requester,
     gint64          manager,
     gint64         *clock,
     GError        **error)
{
  g_autoptr(SfApprovalRequest) request = NULL;
  gint64 addressee;

  if (outcome == NOT_ASKED)
    return TRUE;

  /* A waiting pricing asks the manager by name, a waiting ROI any one. */
  addressee = outcome == PENDING && kind == SF_APPROVAL_KIND_PRICING ? manager : 0;
  sf_store_set_actor (store, requester);
  if (!sf_store_request_approval (store, deal, kind, addressee, note, &request, error))
    return FALSE;
  if (outcome == PENDING)
    return TRUE;

  *clock += DAY;
  return sf_store_decide (store, request, deal, manager, SF_SAMPLE_MANAGER_PASSPHRASE,
                          outcome == APPROVED, outcome == REJECTED ? comment : NULL, error);
}

/* Pricing and ROI for @deal, asked for and decided when they would have
 * been: in its Developed days, before it moved on. */
static gboolean
sign_off (SfStore              *store,
          SfDeal               *deal,
          const SampleFigures  *f,
          const char           *lost_reason,
          const gint64         *owners,
          gint64                now,
          gint64               *clock,
          GError              **error)
{
  gint64 entered = sf_deal_get_stage_entered_at (deal);
  gint64 developed = sf_deal_get_stage (deal) == SF_STAGE_DEVELOPED ? entered : entered - 12 * DAY;
  gint64 requester = owners[samples[f->deal].owner];

  *clock = developed + DAY;
  if (!set_figures (store, deal, f, error))
    return FALSE;

  /* What waits was asked for lately; the rest on the Developed days. */
  *clock = f->pricing == PENDING ? now - 3 * DAY : developed + 2 * DAY;
  if (!ask (store, deal, SF_APPROVAL_KIND_PRICING, f->pricing, sample_text ("sample note", f->pricing_note),
            sample_text ("sample note", f->comment),
            requester, owners[MANAGER], clock, error))
    return FALSE;
  *clock = f->roi == PENDING ? now - DAY - 5 * HOUR : developed + 2 * DAY + 2 * HOUR;
  if (!ask (store, deal, SF_APPROVAL_KIND_ROI, f->roi, sample_text ("sample note", f->roi_note),
            sample_text ("sample note", f->comment), requester, owners[MANAGER], clock, error))
    return FALSE;

  if (lost_reason == NULL)
    return TRUE;
  *clock = entered + 7 * DAY;
  return sf_store_mark_lost (store, deal, lost_reason, NULL, error);
}

/* Adds the colleagues; the manager gets the public sample passphrase. */
static gboolean
add_colleagues (SfStore  *store,
                gint64   *owners,
                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (colleagues); i++)
    {
      g_autoptr(SfPerson) person = sf_store_add_person (store, colleagues[i].name,
                                                        colleagues[i].role, error);

      if (person == NULL ||
          (colleagues[i].role == SF_ROLE_MANAGER &&
           !sf_store_set_public_passphrase (store, person, SF_SAMPLE_MANAGER_PASSPHRASE, error)))
        return FALSE;
      owners[i + 1] = sf_person_get_id (person);
    }

  return TRUE;
}

static gboolean
sign_off_all (SfStore       *store,
              SfImportItem  *items,
              const gint64  *owners,
              gint64         now,
              GError       **error)
{
  gint64 (*saved_now) (gpointer) = store->now;
  gpointer saved_data = store->now_data;
  gint64 saved_actor = store->actor;
  gint64 clock = now;
  gboolean ok = TRUE;

  sf_store_set_clock (store, sample_clock, &clock);
  for (guint i = 0; ok && i < G_N_ELEMENTS (samples); i++)
    {
      const SampleFigures *f = find_figures (i);

      if (f != NULL)
        ok = sign_off (store, items[i].deal, f, samples[i].lost_reason, owners, now, &clock, error);
    }
  sf_store_set_clock (store, saved_now, saved_data);
  sf_store_set_actor (store, saved_actor);

  return ok;
}

static SfDeal *
find_sample (GPtrArray  *deals,
             const char *title)
{
  for (guint i = 0; i < deals->len; i++)
    if (g_str_equal (sf_deal_get_title (g_ptr_array_index (deals, i)), title))
      return g_ptr_array_index (deals, i);

  g_return_val_if_reached (NULL);
}

static gboolean
add_answer (SfStore            *store,
            GPtrArray          *deals,
            const SampleAnswer *a,
            GError            **error)
{
  SfDeal *deal = find_sample (deals, sample_text ("sample deal", a->title));
  g_autoptr(SfFeedback) feedback = NULL;

  feedback = sf_feedback_new (sf_date_from_unix (sf_store_now (store)), sf_deal_get_contact_name (deal),
                              a->nps, a->csat, sample_text ("sample answer", a->comment));
  sf_store_set_actor (store, sf_deal_get_owner_id (deal));
  return sf_store_record_feedback (store, deal, feedback, error);
}

/* Inside the sample's transaction: each answer and verdict recorded by the
 * store's own action, by the deal's owner, with the clock turned back to
 * the day it was given, so follow-ups, history and the chart read as if
 * the team had been at it for a year. */
static gboolean
add_satisfaction (SfStore    *store,
                  GPtrArray  *deals,
                  gint64      now,
                  GError    **error)
{
  gint64 (*clock) (gpointer data) = store->now;
  gpointer clock_data = store->now_data;
  gint64 actor = store->actor;
  gint64 when = now;
  gboolean ok = TRUE;

  sf_store_set_clock (store, sample_clock, &when);
  for (guint i = 0; ok && i < G_N_ELEMENTS (answers); i++)
    {
      when = now - (gint64) answers[i].days_ago * 86400;
      ok = add_answer (store, deals, &answers[i], error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (verdicts); i++)
    {
      SfDeal *deal = find_sample (deals, sample_text ("sample deal", verdicts[i].title));

      when = now - (gint64) verdicts[i].days_ago * 86400;
      sf_store_set_actor (store, sf_deal_get_owner_id (deal));
      ok = sf_store_record_verdict (store, deal, verdicts[i].verdict,
                                    sample_text ("sample verdict", verdicts[i].reason), error);
    }

  store->now = clock;
  store->now_data = clock_data;
  sf_store_set_actor (store, actor);
  return ok;
}

/**
 * sf_sample_create:
 * @user_id: the person using the app; owns some of the deals
 *
 * Adds the sample colleagues and deals, with pricing, ROI and the
 * managers' decisions on them, and the closed deals' customer answers and
 * verdicts, in one transaction; reload the pipeline afterwards.
 */
gboolean
sf_sample_create (SfStore  *store,
                  gint64    user_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree SfImportItem *items = g_new0 (SfImportItem, G_N_ELEMENTS (samples));
  gint64 owners[G_N_ELEMENTS (colleagues) + 1];
  gint64 now = sf_store_now (store);
  guint today = sf_date_from_unix (now);
  gint64 saved_actor;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  /* One action: the colleagues and the deals together or not at all. */
  if (!sf_store_begin (store, error))
    return FALSE;
  /* The person opening the sample brings its deals in. */
  saved_actor = sf_store_get_actor (store);
  sf_store_set_actor (store, user_id);

  owners[0] = user_id;
  if (!add_colleagues (store, owners, error))
    {
      sf_store_set_actor (store, saved_actor);
      sf_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const SampleDeal *s = &samples[i];
      gint64 entered = now - (gint64) s->days_in_stage * 86400;
      /* A lost deal with figures is lost after its sign-off. */
      gboolean lost_later = s->status == SF_DEAL_STATUS_LOST && find_figures (i) != NULL;
      SfDealRow row = {
        .title = sample_text ("sample deal", s->title),
        .customer = s->customer,
        .contact_name = s->contact,
        .contact_email = s->email,
        .owner_id = owners[s->owner],
        .value = s->value * 100,
        .currency = s->currency,
        .stage = s->stage,
        .status = lost_later ? SF_DEAL_STATUS_OPEN : s->status,
        .lost_reason = lost_later ? NULL : s->lost_reason,
        .expected_close = s->stage == SF_STAGE_CLOSED ? 0 : today + 14 + 9 * i,
        .probability = -1,
        .created_at = entered - (gint64) (s->stage * 21 + 7) * 86400,
        .stage_entered_at = entered,
        .closed_at = s->stage == SF_STAGE_CLOSED ? entered : 0,
      };
      SfDeal *deal = sf_deal_new_from_row (&row);

      g_ptr_array_add (deals, deal);
      items[i].deal = deal;
      items[i].current_done = s->current_done;
    }

  ok = sf_store_import_deals (store, items, G_N_ELEMENTS (samples), NULL, NULL, error) &&
       sign_off_all (store, items, owners, now, error) &&
       add_satisfaction (store, deals, now, error) &&
       sf_store_commit (store, error);
  sf_store_set_actor (store, saved_actor);
  if (!ok)
    sf_store_rollback (store);

  return ok;
}
