/* sf-sample.c — a sample pipeline to try Salesflow with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About thirty deals of German and Norwegian customers spread over every
 * stage, some jobs done, a few lost, a few closed, some stale; the closed
 * ones with a year of customer answers and verdicts. The same
 * every time (a fixed seed), with dates relative to today, so screenshots
 * and tests can rely on it. Stored through the import path in one
 * transaction.
 */
#include "config.h"

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
  { "Fleet charging stations", "Nordlys Energi AS", "Kari Nordmann", "kari@nordlys-energi.no", 450000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 3, 1, 0 },
  { "Cold-chain monitoring", "Bergen Sjømat AS", "Ole Haugen", "ole.haugen@bergensjomat.no", 280000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 12, 0, 1 },
  { "Brewhouse automation", "Brauerei Hofmann GmbH", "Anna Hofmann", "a.hofmann@brauerei-hofmann.de", 86000, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 41, 2, 0 },
  { "Guest Wi-Fi for 12 hotels", "Alpenblick Hotels", "Markus Gruber", "gruber@alpenblick.at", 54000, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 6, 0, 2 },
  { "Harbour crane telemetry", "Tromsø Havn KF", "Sigrid Johansen", "sigrid.johansen@tromso-havn.no", 1200000, "NOK", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 2, 0, 0 },
  { "Bakery ordering app", "Bäckerei Schröder", "Lena Schröder", "lena@baeckerei-schroeder.de", 18500, "EUR", SF_STAGE_PROSPECT, SF_DEAL_STATUS_OPEN, NULL, 33, 1, 1 },

  { "ERP rollout, phase 1", "Rheinland Maschinenbau GmbH", "Thomas Becker", "t.becker@rheinland-mb.de", 240000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 9, 2, 0 },
  { "Sensor network for orchards", "Hardanger Frukt SA", "Ingvild Lie", "ingvild@hardangerfrukt.no", 390000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 15, 1, 2 },
  { "Field service tablets", "Bergmann Bau AG", "Jan Bergmann", "jan.bergmann@bergmann-bau.de", 72000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 52, 3, 1 },
  { "Booking platform", "Lofoten Reiseliv AS", "Eirik Pedersen", "eirik@lofoten-reiseliv.no", 610000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 4, 0, 0 },
  { "Warehouse scanners", "Kaiser Logistik AG", "Sabine Kaiser", "s.kaiser@kaiser-logistik.de", 133000, "EUR", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_OPEN, NULL, 20, 2, 0 },

  { "Timber tracking", "Trøndelag Tre AS", "Håkon Moe", "hakon.moe@trondelagtre.no", 820000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 11, 2, 0 },
  { "Clinical trial portal", "Grünwald Pharma", "Dr. Julia Wagner", "j.wagner@gruenwald-pharma.de", 310000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 37, 1, 2 },
  { "Ship maintenance planning", "Hansa Reederei", "Klaus Petersen", "petersen@hansa-reederei.de", 205000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 8, 3, 1 },
  { "Kindergarten check-in", "Solbakken Barnehager", "Marit Solbakken", "marit@solbakken.no", 145000, "NOK", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_OPEN, NULL, 26, 0, 0 },

  { "Offshore crew logistics", "Stavanger Offshore Service AS", "Bjørn Eriksen", "bjorn.eriksen@sos-offshore.no", 2400000, "NOK", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 14, 2, 0 },
  { "Watch repair tracking", "Schwarzwald Uhren GmbH", "Peter Vogt", "vogt@schwarzwald-uhren.de", 47000, "EUR", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 5, 1, 1 },
  { "Solar roof for the depot", "Sonnenwerk Solar GmbH", "Miriam Klein", "m.klein@sonnenwerk.de", 158000, "EUR", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 44, 3, 0 },
  { "Workshop management", "Oslo Sykkelverksted", "Amund Strand", "amund@oslosykkel.no", 96000, "NOK", SF_STAGE_DEVELOPED, SF_DEAL_STATUS_OPEN, NULL, 18, 0, 2 },

  { "Power grid analytics", "Stadtwerke Freiburg", "Andreas Fischer", "andreas.fischer@stadtwerke-freiburg.de", 520000, "EUR", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 10, 2, 0 },
  { "Furniture configurator", "Ålesund Møbler AS", "Silje Vik", "silje@alesundmobler.no", 340000, "NOK", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 3, 4, 1 },
  { "Hospital bed tracking", "Sørlandet Sykehus HF", "Tone Berge", "tone.berge@sshf.no", 1750000, "NOK", SF_STAGE_PROPOSED, SF_DEAL_STATUS_OPEN, NULL, 29, 1, 0 },

  { "Fish auction platform", "Nordsee Fisch AG", "Henrik Janssen", "h.janssen@nordsee-fisch.de", 270000, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 60, 3, 0 },
  { "Copper mine safety sensors", "Røros Kobber AS", "Nils Aune", "nils.aune@roroskobber.no", 930000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 120, 4, 1 },
  { "Medical device registry", "Weber Medizintechnik", "Claudia Weber", "c.weber@weber-medtech.de", 188000, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 200, 2, 2 },
  { "Electrical install scheduling", "Bodø Elektro AS", "Kristin Hansen", "kristin@bodoelektro.no", 210000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 15, 1, 0 },
  { "Ferry ticket kiosks", "Fjordlinje AS", "Torstein Dahl", "torstein.dahl@fjordlinje.no", 640000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 330, 4, 1 },
  { "Vineyard irrigation control", "Weingut Kessler", "Paul Kessler", "paul@weingut-kessler.de", 9400, "EUR", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 280, 3, 2 },
  { "Taxi dispatch system", "Trondheim Taxi AS", "Randi Solberg", "randi.solberg@trondheimtaxi.no", 1350000, "NOK", SF_STAGE_CLOSED, SF_DEAL_STATUS_WON, NULL, 230, 4, 0 },

  { "Paper mill dashboard", "Lüneburger Papier", "Frank Meyer", "frank.meyer@lueneburger-papier.de", 64000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST, "competitor", 70, 1, 1 },
  { "Construction site cameras", "Vestland Bygg AS", "Geir Nilsen", "geir@vestlandbygg.no", 175000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_LOST, "no-budget", 90, 0, 0 },
  { "Loyalty programme", "Müller & Söhne KG", "Stefan Müller", "stefan@mueller-soehne.de", 39000, "EUR", SF_STAGE_PROPOSED, SF_DEAL_STATUS_LOST, "price", 35, 2, 2 },
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
  { "Ferry ticket kiosks", 300, 3, 2, "The screens freeze in the cold" },
  { "Vineyard irrigation control", 250, 8, 4, NULL },
  { "Ferry ticket kiosks", 240, 4, 2, NULL },
  { "Taxi dispatch system", 200, 5, 3, "The drivers miss their radios" },
  { "Vineyard irrigation control", 190, 9, 4, "Saved water in a dry summer" },
  { "Medical device registry", 168, 10, 5, "The audit passed on the first try" },
  { "Ferry ticket kiosks", 150, 2, 1, "Passengers buy tickets in the app instead" },
  { "Taxi dispatch system", 140, 4, 2, NULL },
  { "Medical device registry", 110, 9, 5, NULL },
  { "Vineyard irrigation control", 100, 10, 5, NULL },
  { "Copper mine safety sensors", 88, 6, 3, "Too many false alarms in the first weeks" },
  { "Fish auction platform", 30, 9, 5, "Auction days run without paper now" },
  { "Copper mine safety sensors", 28, 7, 4, NULL },
};

typedef struct
{
  const char *title;
  int days_ago;
  SfVerdict verdict;
  const char *reason;
} SampleVerdict;

static const SampleVerdict verdicts[] = {
  { "Ferry ticket kiosks", 145, SF_VERDICT_FAILURE, "The kiosks failed in winter; the customer moved to the app" },
  { "Taxi dispatch system", 130, SF_VERDICT_FAILURE, "The drivers went back to the old radio system" },
  { "Medical device registry", 100, SF_VERDICT_SUCCESS, "The registry is used at every site" },
  { "Vineyard irrigation control", 95, SF_VERDICT_SUCCESS, "Water use down by a fifth" },
  { "Copper mine safety sensors", 25, SF_VERDICT_SUCCESS, "Incident reports halved in the first quarter" },
};

static const struct {
  const char *name;
  SfRole role;
} colleagues[] = {
  { "Ingrid Bakke", SF_ROLE_SALES },
  { "Lukas Schneider", SF_ROLE_MANAGER },
};

static SfDeal *
find_sample (GPtrArray  *deals,
             const char *title)
{
  for (guint i = 0; i < deals->len; i++)
    if (g_str_equal (sf_deal_get_title (g_ptr_array_index (deals, i)), title))
      return g_ptr_array_index (deals, i);

  g_return_val_if_reached (NULL);
}

static gint64
sample_clock (gpointer data)
{
  return *(const gint64 *) data;
}

static gboolean
add_answer (SfStore            *store,
            GPtrArray          *deals,
            const SampleAnswer *a,
            GError            **error)
{
  SfDeal *deal = find_sample (deals, a->title);
  g_autoptr(SfFeedback) feedback = NULL;

  feedback = sf_feedback_new (sf_date_from_unix (sf_store_now (store)), sf_deal_get_contact_name (deal),
                              a->nps, a->csat, a->comment);
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
      SfDeal *deal = find_sample (deals, verdicts[i].title);

      when = now - (gint64) verdicts[i].days_ago * 86400;
      sf_store_set_actor (store, sf_deal_get_owner_id (deal));
      ok = sf_store_record_verdict (store, deal, verdicts[i].verdict, verdicts[i].reason, error);
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
 * Adds the sample colleagues, deals, customer answers and verdicts in one
 * transaction; reload the pipeline afterwards.
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

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  /* One action: the colleagues and the deals together or not at all. */
  if (!sf_store_begin (store, error))
    return FALSE;

  owners[0] = user_id;
  for (guint i = 0; i < G_N_ELEMENTS (colleagues); i++)
    {
      g_autoptr(SfPerson) person = sf_store_add_person (store, colleagues[i].name,
                                                        colleagues[i].role, error);

      if (person == NULL)
        {
          sf_store_rollback (store);
          return FALSE;
        }
      owners[i + 1] = sf_person_get_id (person);
    }

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const SampleDeal *s = &samples[i];
      gint64 entered = now - (gint64) s->days_in_stage * 86400;
      SfDealRow row = {
        .title = s->title,
        .customer = s->customer,
        .contact_name = s->contact,
        .contact_email = s->email,
        .owner_id = owners[s->owner],
        .value = s->value * 100,
        .currency = s->currency,
        .stage = s->stage,
        .status = s->status,
        .lost_reason = s->lost_reason,
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

  if (!sf_store_import_deals (store, items, G_N_ELEMENTS (samples), NULL, NULL, error) ||
      !add_satisfaction (store, deals, now, error) ||
      !sf_store_commit (store, error))
    {
      sf_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}
