/* sf-sample.c — a sample pipeline to try Salesflow with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About thirty deals of German and Norwegian customers spread over every
 * stage, some jobs done, a few lost, a few closed, some stale. The same
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

  { "Paper mill dashboard", "Lüneburger Papier", "Frank Meyer", "frank.meyer@lueneburger-papier.de", 64000, "EUR", SF_STAGE_DISCOVERY, SF_DEAL_STATUS_LOST, "competitor", 70, 1, 1 },
  { "Construction site cameras", "Vestland Bygg AS", "Geir Nilsen", "geir@vestlandbygg.no", 175000, "NOK", SF_STAGE_QUALIFIED, SF_DEAL_STATUS_LOST, "no-budget", 90, 0, 0 },
  { "Loyalty programme", "Müller & Söhne KG", "Stefan Müller", "stefan@mueller-soehne.de", 39000, "EUR", SF_STAGE_PROPOSED, SF_DEAL_STATUS_LOST, "price", 35, 2, 2 },
};

static const struct {
  const char *name;
  SfRole role;
} colleagues[] = {
  { "Ingrid Bakke", SF_ROLE_SALES },
  { "Lukas Schneider", SF_ROLE_MANAGER },
};

/**
 * sf_sample_create:
 * @user_id: the person using the app; owns some of the deals
 *
 * Adds the sample colleagues and deals in one transaction; reload the
 * pipeline afterwards.
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
      !sf_store_commit (store, error))
    {
      sf_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}
