/* sf-reasons.c — why deals are lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deal records its lost reason as a built-in key ("price") or as the text
 * a team typed; keys are translated when shown.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-reasons.h"

static const struct {
  const char *key;
  const char *title;
} builtin[] = {
  { "price", NC_("lost reason", "Price too high") },
  { "competitor", NC_("lost reason", "Chose a competitor") },
  { "no-budget", NC_("lost reason", "No budget") },
  { "no-decision", NC_("lost reason", "No decision made") },
  { "timing", NC_("lost reason", "Bad timing") },
  { "other", NC_("lost reason", "Other") },
};

/**
 * sf_lost_reason_get_builtin_keys:
 *
 * Returns: (transfer none): the built-in reasons' keys, %NULL-terminated
 */
const char * const *
sf_lost_reason_get_builtin_keys (void)
{
  static const char *keys[G_N_ELEMENTS (builtin) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
      keys[i] = builtin[i].key;

  return keys;
}

/**
 * sf_lost_reason_get_display:
 *
 * Returns: (transfer none): @reason in the user's language when it is a
 *   built-in key, else @reason itself
 */
const char *
sf_lost_reason_get_display (const char *reason)
{
  if (reason == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (strcmp (reason, builtin[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "lost reason", builtin[i].title);

  return reason;
}
