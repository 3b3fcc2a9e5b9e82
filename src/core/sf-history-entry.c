/* sf-history-entry.c — one recorded change to a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist.h"
#include "sf-format.h"
#include "sf-history-entry.h"
#include "sf-money.h"
#include "sf-reasons.h"
#include "sf-satisfaction.h"
#include "sf-stage.h"

struct _SfHistoryEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 deal_id;
  gint64 at;
  gint64 person_id;
  char *person_name;
  char *field;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (SfHistoryEntry, sf_history_entry, G_TYPE_OBJECT)

static void
sf_history_entry_finalize (GObject *object)
{
  SfHistoryEntry *self = (SfHistoryEntry *) object;

  g_free (self->person_name);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (sf_history_entry_parent_class)->finalize (object);
}

static void
sf_history_entry_class_init (SfHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_history_entry_finalize;
}

static void
sf_history_entry_init (SfHistoryEntry *self)
{
}

/**
 * sf_history_entry_new:
 *
 * Returns: (transfer full): a history entry
 */
SfHistoryEntry *
sf_history_entry_new (gint64      id,
                      gint64      deal_id,
                      gint64      at,
                      gint64      person_id,
                      const char *person_name,
                      const char *field,
                      const char *old_value,
                      const char *new_value)
{
  SfHistoryEntry *self = g_object_new (SF_TYPE_HISTORY_ENTRY, NULL);

  self->id = id;
  self->deal_id = deal_id;
  self->at = at;
  self->person_id = person_id;
  self->person_name = sf_text_dup (person_name);
  self->field = sf_text_dup (field);
  self->old_value = sf_text_dup (old_value);
  self->new_value = sf_text_dup (new_value);

  return self;
}

gint64
sf_history_entry_get_id (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), 0);
  return entry->id;
}

gint64
sf_history_entry_get_deal_id (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), 0);
  return entry->deal_id;
}

gint64
sf_history_entry_get_at (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), 0);
  return entry->at;
}

gint64
sf_history_entry_get_person_id (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), 0);
  return entry->person_id;
}

const char *
sf_history_entry_get_person_name (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), NULL);
  return entry->person_name;
}

const char *
sf_history_entry_get_field (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), NULL);
  return entry->field;
}

const char *
sf_history_entry_get_old_value (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), NULL);
  return entry->old_value;
}

const char *
sf_history_entry_get_new_value (SfHistoryEntry *entry)
{
  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), NULL);
  return entry->new_value;
}

static const char *
stage_name (const char *key)
{
  SfStage stage;

  return sf_stage_from_key (key, &stage) ? sf_stage_get_name (stage) : (key ? key : "");
}

/* Values are recorded in a locale-neutral form ("1234.56 EUR",
 * "2026-11-30") and written for the reader here. */
static char *
money_text (const char *recorded)
{
  g_auto(GStrv) parts = g_strsplit (recorded ? recorded : "", " ", 2);
  SfMoney money;

  if (g_strv_length (parts) == 2 &&
      sf_money_parse_plain (parts[0], parts[1], &money, NULL))
    return sf_money_to_string (&money);

  return g_strdup (recorded ? recorded : "");
}

static char *
date_text (const char *recorded)
{
  guint julian = sf_date_parse_iso (recorded);

  if (julian == 0)
    /* Translators: shown in a deal's history when a date was unset */
    return g_strdup (C_("date", "none"));

  return sf_format_date (julian);
}

/* Recorded as "2026-11-30 9 4 Kari Nordmann": day, NPS, CSAT, respondent. */
static char *
feedback_text (const char *recorded)
{
  g_auto(GStrv) parts = g_strsplit (recorded, " ", 4);
  g_autofree char *day = NULL;

  if (g_strv_length (parts) != 4)
    return g_strdup (recorded);

  day = date_text (parts[0]);
  /* Translators: a deal's history; the first %s is who answered, the second
   * the day, then the NPS answer (0–10) and the CSAT score (1–5) */
  return g_strdup_printf (_("Feedback from %s on %s: NPS answer %s, CSAT %s"),
                          parts[3], day, parts[1], parts[2]);
}

static const char *
verdict_name (const char *key)
{
  SfVerdict verdict;

  return sf_verdict_from_key (key, &verdict) ? sf_verdict_get_name (verdict) : key;
}

/* Recorded as "success The pilot went live": the key, then the reason. */
static char *
verdict_text (const char *old,
              const char *recorded)
{
  g_auto(GStrv) parts = g_strsplit (recorded, " ", 2);
  const char *reason = parts[0] && parts[1] ? parts[1] : "";

  if (parts[0] == NULL)
    return g_strdup (recorded);

  /* A new reason for the same verdict reads like a first verdict. */
  if (*old == '\0' || g_str_equal (old, parts[0]))
    /* Translators: a deal's history; the verdict (Success or Failure), then
     * the reason given */
    return g_strdup_printf (_("Verdict: %s — %s"), verdict_name (parts[0]), reason);

  /* Translators: a deal's history; the verdict changed from the first to
   * the second, then the reason given */
  return g_strdup_printf (_("Verdict: %s → %s — %s"), verdict_name (old),
                          verdict_name (parts[0]), reason);
}

static const char *
nonnull (const char *s)
{
  return s ? s : "";
}

/* The approval events; @old holds the kind ("pricing", "roi"), @new the
 * note or comment. One sentence per kind, so each reads naturally when
 * translated. */
static char *
describe_approval (const char *field,
                   const char *old,
                   const char *new)
{
  gboolean roi = g_str_equal (old, "roi");

  if (g_str_equal (field, "approval-requested"))
    return g_strdup (roi ? _("Asked for approval of the ROI")
                         : _("Asked for approval of the pricing"));
  if (g_str_equal (field, "approval-approved"))
    return g_strdup (roi ? _("Approved the ROI") : _("Approved the pricing"));
  if (g_str_equal (field, "approval-rejected"))
    return g_strdup_printf (roi
                            /* Translators: %s is the manager's comment */
                            ? _("Rejected the ROI: %s")
                            /* Translators: %s is the manager's comment */
                            : _("Rejected the pricing: %s"), new);
  if (g_str_equal (field, "approval-recalled"))
    return g_strdup (roi ? _("Recalled the request for approval of the ROI")
                         : _("Recalled the request for approval of the pricing"));
  if (g_str_equal (field, "approval-voided") && g_strcmp0 (new, "owner") == 0)
    return g_strdup (roi ? _("The ROI approval was voided: the manager who gave it now owns the deal")
                         : _("The pricing approval was voided: the manager who gave it now owns the deal"));
  if (g_str_equal (field, "approval-voided"))
    return g_strdup (roi ? _("The ROI approval was voided by a change to the worksheet")
                         : _("The pricing approval was voided by a change to the pricing"));

  return g_strdup_printf ("%s: %s → %s", field, old, new);
}

/**
 * sf_history_entry_describe:
 *
 * Returns: (transfer full): one sentence, in the user's language, saying
 *   what changed
 */
char *
sf_history_entry_describe (SfHistoryEntry *entry)
{
  const char *field, *old, *new;

  g_return_val_if_fail (SF_IS_HISTORY_ENTRY (entry), NULL);

  field = nonnull (entry->field);
  old = nonnull (entry->old_value);
  new = nonnull (entry->new_value);

  if (g_str_equal (field, "created"))
    return g_strdup (_("Created the deal"));
  if (g_str_equal (field, "deleted"))
    return g_strdup (_("Deleted the deal"));
  if (g_str_equal (field, "undeleted"))
    return g_strdup (_("Brought the deal back"));
  if (g_str_equal (field, "stage"))
    /* Translators: a stage change in a deal's history, “Prospect → Qualified” */
    return g_strdup_printf (_("Stage: %s → %s"), stage_name (old), stage_name (new));
  if (g_str_equal (field, "moved-back"))
    /* Translators: %s is the reason the user gave */
    return g_strdup_printf (_("Moved back: %s"), new);
  if (g_str_equal (field, "lost"))
    /* Translators: %s is the reason the deal was lost */
    return g_strdup_printf (_("Marked as lost: %s"), sf_lost_reason_get_display (new));
  if (g_str_equal (field, "restored"))
    return g_strdup (_("Restored the lost deal"));
  if (g_str_equal (field, "job-done"))
    /* Translators: %s is a checklist job */
    return g_strdup_printf (_("Done: %s"), sf_checklist_get_display_title (new, NULL));
  if (g_str_equal (field, "job-undone"))
    /* Translators: %s is a checklist job that was unticked */
    return g_strdup_printf (_("Not done: %s"), sf_checklist_get_display_title (new, NULL));
  if (g_str_equal (field, "job-added"))
    /* Translators: %s is a checklist job */
    return g_strdup_printf (_("Added the job “%s”"), new);
  if (g_str_equal (field, "job-removed"))
    /* Translators: %s is a checklist job */
    return g_strdup_printf (_("Removed the job “%s”"), sf_checklist_get_display_title (old, NULL));
  if (g_str_equal (field, "job-renamed"))
    /* Translators: a checklist job renamed from the first to the second */
    return g_strdup_printf (_("Renamed the job “%s” to “%s”"),
                            sf_checklist_get_display_title (old, NULL), new);
  if (g_str_equal (field, "job-due"))
    {
      g_autofree char *date = date_text (new);

      /* Translators: %s is a date or “none” */
      return g_strdup_printf (_("Set a job’s due date: %s"), date);
    }
  if (g_str_equal (field, "title"))
    /* Translators: the deal's title changed from the first to the second */
    return g_strdup_printf (_("Title: “%s” → “%s”"), old, new);
  if (g_str_equal (field, "customer"))
    /* Translators: the customer changed from the first to the second */
    return g_strdup_printf (_("Customer: “%s” → “%s”"), old, new);
  if (g_str_equal (field, "contact-name"))
    /* Translators: the contact person changed from the first to the second */
    return g_strdup_printf (_("Contact: “%s” → “%s”"), old, new);
  if (g_str_equal (field, "contact-email"))
    /* Translators: the contact's e-mail changed from the first to the second */
    return g_strdup_printf (_("E-mail: “%s” → “%s”"), old, new);
  if (g_str_equal (field, "contact-phone"))
    /* Translators: the contact's phone changed from the first to the second */
    return g_strdup_printf (_("Phone: “%s” → “%s”"), old, new);
  if (g_str_equal (field, "value"))
    {
      g_autofree char *from = money_text (old);
      g_autofree char *to = money_text (new);

      /* Translators: the deal's value changed from the first to the second */
      return g_strdup_printf (_("Value: %s → %s"), from, to);
    }
  if (g_str_equal (field, "owner"))
    /* Translators: the deal's owner changed from the first person to the second */
    return g_strdup_printf (_("Owner: %s → %s"), old, new);
  if (g_str_equal (field, "expected-close"))
    {
      g_autofree char *from = date_text (old);
      g_autofree char *to = date_text (new);

      /* Translators: the expected close date changed from the first to the second */
      return g_strdup_printf (_("Expected close: %s → %s"), from, to);
    }
  if (g_str_equal (field, "notes"))
    return g_strdup (_("Changed the notes"));
  if (g_str_equal (field, "pricing"))
    return g_strdup (_("Changed the pricing"));
  if (g_str_equal (field, "roi"))
    return g_strdup (_("Changed the ROI worksheet"));
  if (g_str_has_prefix (field, "approval-"))
    return describe_approval (field, old, new);
  if (g_str_equal (field, "feedback"))
    return feedback_text (new);
  if (g_str_equal (field, "verdict"))
    return verdict_text (old, new);

  return g_strdup_printf ("%s: %s → %s", field, old, new);
}
