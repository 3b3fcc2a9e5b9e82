/* sf-checklist.c — the built-in sales checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-checklist.h"

/* The jobs the seed texts name for each stage. The keys are stored in the
 * database and never change; the titles are translated when shown, so a
 * German user sees German jobs on a database created in English. */
static const SfBuiltinJob builtin[] = {
  /* Prospect */
  { "prospect-found", SF_STAGE_PROSPECT, SF_JOB_KIND_MANUAL,
    NC_("job", "Prospect found in the target market") },
  { "prospect-meetings", SF_STAGE_PROSPECT, SF_JOB_KIND_MANUAL,
    NC_("job", "Meetings set to check the prospect is real") },
  { "builders-met", SF_STAGE_PROSPECT, SF_JOB_KIND_MANUAL,
    NC_("job", "Met the people who would build the product") },

  /* Qualified */
  { "opportunity-real", SF_STAGE_QUALIFIED, SF_JOB_KIND_MANUAL,
    NC_("job", "Opportunity confirmed as real") },
  { "agendas-written", SF_STAGE_QUALIFIED, SF_JOB_KIND_MANUAL,
    NC_("job", "Agendas written") },
  { "build-decided", SF_STAGE_QUALIFIED, SF_JOB_KIND_MANUAL,
    NC_("job", "Decided how the product will be built") },
  { "follow-ups-planned", SF_STAGE_QUALIFIED, SF_JOB_KIND_MANUAL,
    NC_("job", "Follow-up meetings with the prospect planned") },

  /* Discovery */
  { "product-issues-found", SF_STAGE_DISCOVERY, SF_JOB_KIND_MANUAL,
    NC_("job", "All issues with the product found") },
  { "buying-issues-priced", SF_STAGE_DISCOVERY, SF_JOB_KIND_MANUAL,
    NC_("job", "Buying issues examined, prioritised and priced") },
  { "funding-secured", SF_STAGE_DISCOVERY, SF_JOB_KIND_MANUAL,
    NC_("job", "Funding secured") },
  { "influencers-identified", SF_STAGE_DISCOVERY, SF_JOB_KIND_MANUAL,
    /* Translators: companies that could sway the deal for or against us */
    NC_("job", "Allies, enemies and neutral companies identified") },

  /* Developed */
  { "product-plan", SF_STAGE_DEVELOPED, SF_JOB_KIND_MANUAL,
    NC_("job", "Plan for the product made") },
  { "reference-visits", SF_STAGE_DEVELOPED, SF_JOB_KIND_MANUAL,
    NC_("job", "Prospect visited reference customers") },
  { "pricing-approved", SF_STAGE_DEVELOPED, SF_JOB_KIND_PRICING_APPROVAL,
    NC_("job", "Management approved the pricing") },
  { "roi-approved", SF_STAGE_DEVELOPED, SF_JOB_KIND_ROI_APPROVAL,
    /* Translators: ROI is return on investment */
    NC_("job", "ROI analysed and approved") },
  { "resources-assessed", SF_STAGE_DEVELOPED, SF_JOB_KIND_MANUAL,
    NC_("job", "Resources for the product assessed") },

  /* Proposed */
  { "proposals-submitted", SF_STAGE_PROPOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Final proposals submitted") },
  { "contracts-approved", SF_STAGE_PROPOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Prospect approved the contracts") },
  { "changes-agreed", SF_STAGE_PROPOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Changes to creation, marketing or implementation agreed") },
  { "contracts-to-legal", SF_STAGE_PROPOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Contracts sent to the legal department") },
  { "ready-to-build", SF_STAGE_PROPOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Product ready to be built") },

  /* Closed */
  { "product-implemented", SF_STAGE_CLOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Product built and implemented") },
  { "contracts-signed", SF_STAGE_CLOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Contracts agreed and signed") },
  { "revenue-credited", SF_STAGE_CLOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "Revenue credited") },
  { "orders-completed", SF_STAGE_CLOSED, SF_JOB_KIND_MANUAL,
    NC_("job", "All orders completed") },
  { "satisfaction-tracked", SF_STAGE_CLOSED, SF_JOB_KIND_SATISFACTION,
    NC_("job", "Customer satisfaction tracked: success or failure") },
};

/**
 * sf_checklist_get_builtin:
 * @n_jobs: (out): the number of jobs
 *
 * Returns: (transfer none) (array length=n_jobs): the built-in jobs in
 *   stage order
 */
const SfBuiltinJob *
sf_checklist_get_builtin (guint *n_jobs)
{
  g_return_val_if_fail (n_jobs != NULL, NULL);

  *n_jobs = G_N_ELEMENTS (builtin);
  return builtin;
}

/**
 * sf_checklist_find_builtin:
 *
 * Returns: (nullable) (transfer none): the built-in job with @key
 */
const SfBuiltinJob *
sf_checklist_find_builtin (const char *key)
{
  if (key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (strcmp (builtin[i].key, key) == 0)
      return &builtin[i];

  return NULL;
}

/**
 * sf_checklist_get_display_title:
 * @key: (nullable): a built-in job's key
 * @title: (nullable): the text a person typed
 *
 * Returns: (transfer none): @title when set, else the built-in job's title
 *   in the user's language
 */
const char *
sf_checklist_get_display_title (const char *key,
                                const char *title)
{
  const SfBuiltinJob *job;

  if (title != NULL && *title != '\0')
    return title;

  job = sf_checklist_find_builtin (key);
  if (job == NULL)
    return key ? key : "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "job", job->title);
}
