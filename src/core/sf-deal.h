/* sf-deal.h — one sales deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-money.h"
#include "sf-stage.h"

G_BEGIN_DECLS

/**
 * SfDealState:
 *
 * The part of a deal the workflow rules move: where it stands and why.
 * Strings are borrowed.
 */
typedef struct
{
  SfStage stage;
  SfDealStatus status;
  gint64 stage_entered_at;
  gint64 closed_at;
  const char *lost_reason;
  const char *lost_note;
} SfDealState;

/**
 * SfDealRow:
 *
 * A deal's columns as the store reads them; strings are borrowed and
 * copied by sf_deal_new_from_row().
 */
typedef struct
{
  gint64 id;
  const char *title;
  const char *customer;
  const char *contact_name;
  const char *contact_email;
  const char *contact_phone;
  gint64 owner_id;
  const char *owner_name;
  gint64 value;
  const char *currency;
  SfStage stage;
  SfDealStatus status;
  const char *lost_reason;
  const char *lost_note;
  guint expected_close;
  int probability;
  gint64 created_at;
  gint64 updated_at;
  gint64 stage_entered_at;
  gint64 closed_at;
  guint progress_done;
  guint progress_required;
} SfDealRow;

#define SF_TYPE_DEAL (sf_deal_get_type ())

G_DECLARE_FINAL_TYPE (SfDeal, sf_deal, SF, DEAL, GObject)

SfDeal        *sf_deal_new                (void);
SfDeal        *sf_deal_new_from_row       (const SfDealRow *row);
SfDeal        *sf_deal_dup                (SfDeal          *deal);
void           sf_deal_assign             (SfDeal          *deal,
                                           SfDeal          *from);

gint64         sf_deal_get_id             (SfDeal          *deal);
void           sf_deal_set_id             (SfDeal          *deal,
                                           gint64           id);
const char    *sf_deal_get_title          (SfDeal          *deal);
void           sf_deal_set_title          (SfDeal          *deal,
                                           const char      *title);
const char    *sf_deal_get_customer       (SfDeal          *deal);
void           sf_deal_set_customer       (SfDeal          *deal,
                                           const char      *customer);
const char    *sf_deal_get_contact_name   (SfDeal          *deal);
void           sf_deal_set_contact_name   (SfDeal          *deal,
                                           const char      *name);
const char    *sf_deal_get_contact_email  (SfDeal          *deal);
void           sf_deal_set_contact_email  (SfDeal          *deal,
                                           const char      *email);
const char    *sf_deal_get_contact_phone  (SfDeal          *deal);
void           sf_deal_set_contact_phone  (SfDeal          *deal,
                                           const char      *phone);
gint64         sf_deal_get_owner_id       (SfDeal          *deal);
const char    *sf_deal_get_owner_name     (SfDeal          *deal);
void           sf_deal_set_owner_name     (SfDeal          *deal,
                                           const char      *name);
void           sf_deal_set_owner_id       (SfDeal          *deal,
                                           gint64           owner_id);
const SfMoney *sf_deal_get_value          (SfDeal          *deal);
void           sf_deal_set_value          (SfDeal          *deal,
                                           const SfMoney   *value);
SfStage        sf_deal_get_stage          (SfDeal          *deal);
SfDealStatus   sf_deal_get_status         (SfDeal          *deal);
const char    *sf_deal_get_lost_reason    (SfDeal          *deal);
const char    *sf_deal_get_lost_note      (SfDeal          *deal);
gint64         sf_deal_get_stage_entered_at (SfDeal        *deal);
gint64         sf_deal_get_closed_at      (SfDeal          *deal);
void           sf_deal_get_state          (SfDeal          *deal,
                                           SfDealState     *state);
void           sf_deal_set_state          (SfDeal          *deal,
                                           const SfDealState *state);
guint          sf_deal_get_expected_close (SfDeal          *deal);
void           sf_deal_set_expected_close (SfDeal          *deal,
                                           guint            julian_day);
int            sf_deal_get_probability    (SfDeal          *deal);
void           sf_deal_set_probability    (SfDeal          *deal,
                                           int              percent);
int            sf_deal_get_effective_probability (SfDeal   *deal,
                                           const int       *stage_probabilities);
const char    *sf_deal_get_notes          (SfDeal          *deal);
void           sf_deal_set_notes          (SfDeal          *deal,
                                           const char      *notes);
gint64         sf_deal_get_created_at     (SfDeal          *deal);
gint64         sf_deal_get_updated_at     (SfDeal          *deal);
void           sf_deal_set_updated_at     (SfDeal          *deal,
                                           gint64           when);
guint          sf_deal_get_progress_done  (SfDeal          *deal);
guint          sf_deal_get_progress_required (SfDeal       *deal);
void           sf_deal_set_progress       (SfDeal          *deal,
                                           guint            done,
                                           guint            required);
int            sf_deal_get_days_in_stage  (SfDeal          *deal,
                                           gint64           now);
gboolean       sf_deal_is_editable        (SfDeal          *deal);

char          *sf_search_fold             (const char      *text);
void           sf_deal_prefetch           (SfDeal          *deal);
gboolean       sf_deal_matches            (SfDeal          *deal,
                                           const char      *folded_query);

typedef struct _SfSearchQuery SfSearchQuery;

SfSearchQuery *sf_search_query_new        (const char      *folded_query);
void           sf_search_query_free       (SfSearchQuery   *query);
gboolean       sf_deal_matches_query      (SfDeal          *deal,
                                           const SfSearchQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfSearchQuery, sf_search_query_free)

G_END_DECLS
