/* sf-history-entry.h — one recorded change to a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SF_TYPE_HISTORY_ENTRY (sf_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (SfHistoryEntry, sf_history_entry, SF, HISTORY_ENTRY, GObject)

SfHistoryEntry *sf_history_entry_new           (gint64          id,
                                                gint64          deal_id,
                                                gint64          at,
                                                gint64          person_id,
                                                const char     *person_name,
                                                const char     *field,
                                                const char     *old_value,
                                                const char     *new_value);
gint64          sf_history_entry_get_id        (SfHistoryEntry *entry);
gint64          sf_history_entry_get_deal_id   (SfHistoryEntry *entry);
gint64          sf_history_entry_get_at        (SfHistoryEntry *entry);
gint64          sf_history_entry_get_person_id (SfHistoryEntry *entry);
const char     *sf_history_entry_get_person_name (SfHistoryEntry *entry);
const char     *sf_history_entry_get_field     (SfHistoryEntry *entry);
const char     *sf_history_entry_get_old_value (SfHistoryEntry *entry);
const char     *sf_history_entry_get_new_value (SfHistoryEntry *entry);
char           *sf_history_entry_describe      (SfHistoryEntry *entry);

G_END_DECLS
