/* sf-checklist.h — the built-in sales checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-job.h"
#include "sf-stage.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;
  SfStage stage;
  SfJobKind kind;
  const char *title;  /* untranslated; see sf_checklist_get_display_title() */
} SfBuiltinJob;

const SfBuiltinJob *sf_checklist_get_builtin        (guint      *n_jobs);
const SfBuiltinJob *sf_checklist_find_builtin       (const char *key);
const char         *sf_checklist_get_display_title  (const char *key,
                                                     const char *title);

G_END_DECLS
