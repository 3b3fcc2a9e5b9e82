/* sf-stage.h — the six stages of the sales checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SfStage:
 *
 * The stages every deal walks through, in order. The numeric values are
 * stored in the database and must never change.
 */
typedef enum
{
  SF_STAGE_PROSPECT = 0,
  SF_STAGE_QUALIFIED = 1,
  SF_STAGE_DISCOVERY = 2,
  SF_STAGE_DEVELOPED = 3,
  SF_STAGE_PROPOSED = 4,
  SF_STAGE_CLOSED = 5,
} SfStage;

#define SF_N_STAGES 6
#define SF_STAGE_FIRST SF_STAGE_PROSPECT
#define SF_STAGE_LAST SF_STAGE_CLOSED

/**
 * SfDealStatus:
 * @SF_DEAL_STATUS_OPEN: being worked on
 * @SF_DEAL_STATUS_WON: reached the Closed stage
 * @SF_DEAL_STATUS_LOST: given up, with a reason; can be restored
 */
typedef enum
{
  SF_DEAL_STATUS_OPEN = 0,
  SF_DEAL_STATUS_WON = 1,
  SF_DEAL_STATUS_LOST = 2,
} SfDealStatus;

gboolean     sf_stage_is_valid               (int          value);
const char  *sf_stage_get_name               (SfStage      stage);
const char  *sf_stage_get_key                (SfStage      stage);
gboolean     sf_stage_from_key               (const char  *key,
                                              SfStage     *out_stage);
int          sf_stage_get_default_probability (SfStage     stage);

gboolean     sf_deal_status_is_valid         (int          value);
const char  *sf_deal_status_get_name         (SfDealStatus status);
const char  *sf_deal_status_get_key          (SfDealStatus status);
gboolean     sf_deal_status_from_key         (const char  *key,
                                              SfDealStatus *out_status);

G_END_DECLS
