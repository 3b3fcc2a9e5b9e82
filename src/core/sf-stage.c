/* sf-stage.c — the six stages of the sales checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-stage.h"

/* The German and Norwegian names are the seeds' own terms
 * (Interessent … Geschlossen, Prospekt … Lukket). */
static const struct {
  const char *key;
  const char *name;
  int probability;
} stages[SF_N_STAGES] = {
  /* Translators: the first sales stage; a possible customer has been found */
  { "prospect", NC_("stage", "Prospect"), 10 },
  /* Translators: the second sales stage; the opportunity is known to be real */
  { "qualified", NC_("stage", "Qualified"), 20 },
  /* Translators: the third sales stage; problems, funding and allies are found */
  { "discovery", NC_("stage", "Discovery"), 40 },
  /* Translators: the fourth sales stage; the product plan is developed */
  { "developed", NC_("stage", "Developed"), 60 },
  /* Translators: the fifth sales stage; the final proposal is made */
  { "proposed", NC_("stage", "Proposed"), 80 },
  /* Translators: the last sales stage; the deal is done */
  { "closed", NC_("stage", "Closed"), 100 },
};

static const struct {
  const char *key;
  const char *name;
} statuses[] = {
  /* Translators: status of a deal that is still being worked on */
  { "open", NC_("deal status", "Open") },
  /* Translators: status of a deal that reached the Closed stage */
  { "won", NC_("deal status", "Won") },
  /* Translators: status of a deal that was given up */
  { "lost", NC_("deal status", "Lost") },
};

gboolean
sf_stage_is_valid (int value)
{
  return value >= SF_STAGE_FIRST && value <= SF_STAGE_LAST;
}

/**
 * sf_stage_get_name:
 *
 * Returns: (transfer none): the stage's name in the user's language
 */
const char *
sf_stage_get_name (SfStage stage)
{
  g_return_val_if_fail (sf_stage_is_valid (stage), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "stage", stages[stage].name);
}

/**
 * sf_stage_get_key:
 *
 * Returns: (transfer none): a stable ASCII key, for files and settings
 */
const char *
sf_stage_get_key (SfStage stage)
{
  g_return_val_if_fail (sf_stage_is_valid (stage), NULL);

  return stages[stage].key;
}

gboolean
sf_stage_from_key (const char *key,
                   SfStage    *out_stage)
{
  g_return_val_if_fail (out_stage != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (int i = 0; i < SF_N_STAGES; i++)
    if (g_ascii_strcasecmp (key, stages[i].key) == 0)
      {
        *out_stage = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sf_stage_get_default_probability:
 *
 * Returns: the built-in chance, in percent, that a deal in @stage is won
 */
int
sf_stage_get_default_probability (SfStage stage)
{
  g_return_val_if_fail (sf_stage_is_valid (stage), 0);

  return stages[stage].probability;
}

gboolean
sf_deal_status_is_valid (int value)
{
  return value >= SF_DEAL_STATUS_OPEN && value <= SF_DEAL_STATUS_LOST;
}

const char *
sf_deal_status_get_name (SfDealStatus status)
{
  g_return_val_if_fail (sf_deal_status_is_valid (status), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "deal status", statuses[status].name);
}

const char *
sf_deal_status_get_key (SfDealStatus status)
{
  g_return_val_if_fail (sf_deal_status_is_valid (status), NULL);

  return statuses[status].key;
}

gboolean
sf_deal_status_from_key (const char   *key,
                         SfDealStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (key, statuses[i].key) == 0)
      {
        *out_status = i;
        return TRUE;
      }

  return FALSE;
}
