/* sf-template-entry.h — one line of a team-editable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sf-job.h"

G_BEGIN_DECLS

/**
 * SfTemplateList:
 * @SF_TEMPLATE_LIST_CHECKLIST: the checklist new deals start with
 * @SF_TEMPLATE_LIST_LOST_REASONS: the reasons offered when a deal is lost
 */
typedef enum
{
  SF_TEMPLATE_LIST_CHECKLIST,
  SF_TEMPLATE_LIST_LOST_REASONS,
} SfTemplateList;

#define SF_TYPE_TEMPLATE_ENTRY (sf_template_entry_get_type ())

G_DECLARE_FINAL_TYPE (SfTemplateEntry, sf_template_entry, SF, TEMPLATE_ENTRY, GObject)

SfTemplateEntry *sf_template_entry_new      (SfTemplateList   list,
                                             gint64           id,
                                             SfStage          stage,
                                             int              position,
                                             const char      *key,
                                             const char      *title,
                                             SfJobKind        kind,
                                             gboolean         required,
                                             gboolean         hidden);
SfTemplateList   sf_template_entry_get_list (SfTemplateEntry *self);
gint64           sf_template_entry_get_id   (SfTemplateEntry *self);
SfStage          sf_template_entry_get_stage (SfTemplateEntry *self);
int              sf_template_entry_get_position (SfTemplateEntry *self);
const char      *sf_template_entry_get_key  (SfTemplateEntry *self);
const char      *sf_template_entry_get_title (SfTemplateEntry *self);
const char      *sf_template_entry_get_display_title (SfTemplateEntry *self);
SfJobKind        sf_template_entry_get_kind (SfTemplateEntry *self);
gboolean         sf_template_entry_get_required (SfTemplateEntry *self);
gboolean         sf_template_entry_get_hidden (SfTemplateEntry *self);

G_END_DECLS
