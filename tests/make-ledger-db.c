/* make-ledger-db.c — a database with approvals in its ledger, for
 * check-verify-ledger.py
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-ledger-db FILE
 *
 * Creates FILE through the store, as the app would: a salesperson, a
 * manager, a deal in Developed with pricing and ROI; the pricing is
 * requested and approved, the ROI requested and rejected. That is four
 * ledger entries: requested, approved, requested, rejected.
 */
#include "config.h"

#include "sf-store.h"
#include "sf-test-util.h"

#define PASSPHRASE "ledger check passphrase"

static void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfPerson) sam = NULL;
  g_autoptr(SfPerson) maja = NULL;
  g_autoptr(SfDeal) deal = NULL;
  g_autoptr(SfRoi) roi = sf_roi_new ("EUR", 500000, 24);
  g_autoptr(SfApprovalRequest) pricing_request = NULL;
  g_autoptr(SfApprovalRequest) roi_request = NULL;
  SfPricing pricing;

  if (argc != 2)
    {
      g_printerr ("usage: make-ledger-db FILE\n");
      return 2;
    }

  store = sf_store_open (argv[1], &error);
  check (store != NULL, error);
  sam = sf_store_add_person (store, "Sam Seller", SF_ROLE_SALES, &error);
  check (sam != NULL, error);
  maja = sf_store_add_manager (store, "Maja Manager", PASSPHRASE, 0, NULL, &error);
  check (maja != NULL, error);
  sf_store_set_actor (store, sf_person_get_id (sam));

  deal = sf_test_create_deal (store, "Fleet renewal", "Bussco", 100000, "EUR");
  check (sf_store_set_deal_owner (store, deal, sf_person_get_id (sam), &error), error);
  while (sf_deal_get_stage (deal) < SF_STAGE_DEVELOPED)
    check (sf_test_tick_stage (store, deal, sf_deal_get_stage (deal)) &&
           sf_store_advance (store, deal, &error), error);

  sf_pricing_init (&pricing, "EUR", 150000, 1000, 80000);
  check (sf_store_set_pricing (store, deal, &pricing, &error), error);
  sf_roi_add_cost (roi, "Licences", 100000);
  check (sf_store_set_roi (store, deal, roi, &error), error);

  check (sf_store_request_approval (store, deal, SF_APPROVAL_KIND_PRICING, 0, NULL,
                                    &pricing_request, &error), error);
  check (sf_store_decide (store, pricing_request, deal, sf_person_get_id (maja), PASSPHRASE,
                          TRUE, NULL, &error), error);
  check (sf_store_request_approval (store, deal, SF_APPROVAL_KIND_ROI, 0, "Please look at it",
                                    &roi_request, &error), error);
  check (sf_store_decide (store, roi_request, deal, sf_person_get_id (maja), PASSPHRASE,
                          FALSE, "Revenue too optimistic", &error), error);

  return 0;
}
