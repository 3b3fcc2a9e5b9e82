/* sf-deal-filter.c — which deals the list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GtkFilter for the search and every filter of the deal list, so a
 * keystroke is one pass over the deals. Typing more of a word tells the
 * filter model the match got stricter, so only the deals still shown are
 * looked at again; the query is folded and split once per keystroke and
 * each deal's search key once per edit (sf_deal_matches_query() allocates
 * nothing).
 */
#include "config.h"

#include <string.h>

#include "sf-deal-filter.h"

struct _SfDealFilter
{
  GtkFilter parent_instance;

  char *query;         /* as typed */
  char *folded;        /* NULL when empty */
  SfSearchQuery *words; /* folded, split; NULL when empty */
  int stage;           /* -1: any */
  int status;          /* -1: any */
  gint64 owner_id;     /* 0: anyone */
  int stale_days;      /* 0: stale or not */
  gint64 now;
};

G_DEFINE_FINAL_TYPE (SfDealFilter, sf_deal_filter, GTK_TYPE_FILTER)

/**
 * sf_deal_is_stale:
 *
 * Returns: whether an open deal has sat in its stage longer than
 *   @stale_days
 */
gboolean
sf_deal_is_stale (SfDeal *deal,
                  int     stale_days,
                  gint64  now)
{
  return stale_days > 0 && sf_deal_get_status (deal) == SF_DEAL_STATUS_OPEN &&
         sf_deal_get_days_in_stage (deal, now) > stale_days;
}

/**
 * sf_deal_filter_matches:
 *
 * gtk_filter_match() without the type checks and the virtual call, for
 * SfDealFilterModel's walk over every deal.
 *
 * Returns: whether the list shows @deal
 */
gboolean
sf_deal_filter_matches (SfDealFilter *self,
                        SfDeal       *deal)
{
  if (self->stage >= 0 && (int) sf_deal_get_stage (deal) != self->stage)
    return FALSE;
  if (self->status >= 0 && (int) sf_deal_get_status (deal) != self->status)
    return FALSE;
  if (self->owner_id > 0 && sf_deal_get_owner_id (deal) != self->owner_id)
    return FALSE;
  if (self->stale_days > 0 && !sf_deal_is_stale (deal, self->stale_days, self->now))
    return FALSE;
  if (self->words != NULL && !sf_deal_matches_query (deal, self->words))
    return FALSE;

  return TRUE;
}

static gboolean
sf_deal_filter_match (GtkFilter *filter,
                      gpointer   item)
{
  return sf_deal_filter_matches (SF_DEAL_FILTER (filter), item);
}

/**
 * sf_deal_filter_is_all:
 *
 * Returns: whether no search and no filter is set, so every deal matches
 */
gboolean
sf_deal_filter_is_all (SfDealFilter *self)
{
  return self->folded == NULL && self->stage < 0 && self->status < 0 &&
         self->owner_id == 0 && self->stale_days == 0;
}

static GtkFilterMatch
sf_deal_filter_get_strictness (GtkFilter *filter)
{
  return sf_deal_filter_is_all (SF_DEAL_FILTER (filter)) ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
sf_deal_filter_finalize (GObject *object)
{
  SfDealFilter *self = (SfDealFilter *) object;

  g_free (self->query);
  g_free (self->folded);
  g_clear_pointer (&self->words, sf_search_query_free);

  G_OBJECT_CLASS (sf_deal_filter_parent_class)->finalize (object);
}

static void
sf_deal_filter_class_init (SfDealFilterClass *klass)
{
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sf_deal_filter_finalize;
  filter_class->match = sf_deal_filter_match;
  filter_class->get_strictness = sf_deal_filter_get_strictness;
}

static void
sf_deal_filter_init (SfDealFilter *self)
{
  self->stage = -1;
  self->status = -1;
  self->now = g_get_real_time () / G_USEC_PER_SEC;
}

SfDealFilter *
sf_deal_filter_new (void)
{
  return g_object_new (SF_TYPE_DEAL_FILTER, NULL);
}

/* A deal matching @new also matches @old when every word of @old occurs
 * inside some word of @new: "fjo" → "fjord", "fjord" → "fjord as". */
static gboolean
is_refinement (const char *old,
               const char *new)
{
  g_auto(GStrv) old_words = NULL;
  g_auto(GStrv) new_words = NULL;

  if (old == NULL)
    return TRUE;
  if (new == NULL)
    return FALSE;

  old_words = g_strsplit (old, " ", -1);
  new_words = g_strsplit (new, " ", -1);
  for (guint i = 0; old_words[i] != NULL; i++)
    {
      gboolean found = *old_words[i] == '\0';

      for (guint k = 0; !found && new_words[k] != NULL; k++)
        found = strstr (new_words[k], old_words[i]) != NULL;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

void
sf_deal_filter_set_query (SfDealFilter *self,
                          const char   *query)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (SF_IS_DEAL_FILTER (self));

  if (query != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (query));

      folded = sf_search_fold (stripped);
      if (*folded == '\0')
        g_clear_pointer (&folded, g_free);
    }

  if (g_strcmp0 (folded, self->folded) == 0)
    return;

  if (is_refinement (self->folded, folded))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (is_refinement (folded, self->folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->query);
  self->query = g_strdup (query);
  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);
  /* Split once here, not for every deal. */
  g_clear_pointer (&self->words, sf_search_query_free);
  if (self->folded != NULL)
    self->words = sf_search_query_new (self->folded);

  gtk_filter_changed (GTK_FILTER (self), change);
}

const char *
sf_deal_filter_get_query (SfDealFilter *self)
{
  g_return_val_if_fail (SF_IS_DEAL_FILTER (self), NULL);
  return self->query;
}

static void
set_int (SfDealFilter *self,
         int          *field,
         int           value,
         int           any)
{
  GtkFilterChange change;

  if (*field == value)
    return;

  change = *field == any ? GTK_FILTER_CHANGE_MORE_STRICT
         : value == any ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;
  *field = value;
  gtk_filter_changed (GTK_FILTER (self), change);
}

/**
 * sf_deal_filter_set_stage:
 * @stage: an #SfStage, or -1 for every stage
 */
void
sf_deal_filter_set_stage (SfDealFilter *self,
                          int           stage)
{
  g_return_if_fail (SF_IS_DEAL_FILTER (self));
  set_int (self, &self->stage, stage, -1);
}

/**
 * sf_deal_filter_set_status:
 * @status: an #SfDealStatus, or -1 for any
 */
void
sf_deal_filter_set_status (SfDealFilter *self,
                           int           status)
{
  g_return_if_fail (SF_IS_DEAL_FILTER (self));
  set_int (self, &self->status, status, -1);
}

/**
 * sf_deal_filter_set_owner:
 * @owner_id: show only this person's deals, or 0 for everyone's
 */
void
sf_deal_filter_set_owner (SfDealFilter *self,
                          gint64        owner_id)
{
  GtkFilterChange change;

  g_return_if_fail (SF_IS_DEAL_FILTER (self));

  if (self->owner_id == owner_id)
    return;

  change = self->owner_id == 0 ? GTK_FILTER_CHANGE_MORE_STRICT
         : owner_id == 0 ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;
  self->owner_id = owner_id;
  gtk_filter_changed (GTK_FILTER (self), change);
}

/**
 * sf_deal_filter_set_stale:
 * @days: show only open deals longer than this in their stage; 0 for all
 */
void
sf_deal_filter_set_stale (SfDealFilter *self,
                          int           days)
{
  g_return_if_fail (SF_IS_DEAL_FILTER (self));
  set_int (self, &self->stale_days, MAX (days, 0), 0);
}

void
sf_deal_filter_set_now (SfDealFilter *self,
                        gint64        now)
{
  g_return_if_fail (SF_IS_DEAL_FILTER (self));

  if (self->now != now)
    {
      self->now = now;
      if (self->stale_days > 0)
        gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
    }
}
