/* sf-ledger.c — the hash-chained ledger of approvals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request, decision, recall and voiding appends one entry: a
 * canonical text (sf-canonical.c) holding its sequence number, the event,
 * who and when, and the request as it stands afterwards. Each entry also
 * keeps the previous entry's hash and its own, a SHA-256 over both, so an
 * entry changed, removed or inserted with another tool breaks the chain at
 * that place. See docs/approvals.md for what this does not protect
 * against.
 *
 * The walk below checks a ledger read entry by entry: pure, so the tests
 * can feed it any damage.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-canonical.h"
#include "sf-ledger.h"

static const char * const event_keys[] = {
  "requested", "approved", "rejected", "recalled", "voided",
};

/**
 * sf_ledger_event_get_key:
 *
 * Returns: (transfer none): "requested", "approved", …
 */
const char *
sf_ledger_event_get_key (SfLedgerEvent event)
{
  g_return_val_if_fail (event <= SF_LEDGER_EVENT_VOIDED, NULL);
  return event_keys[event];
}

static gboolean
event_from_key (const char    *key,
                SfLedgerEvent *out_event)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_keys); i++)
    if (g_strcmp0 (key, event_keys[i]) == 0)
      {
        *out_event = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sf_ledger_format_entry:
 * @by: who acted, or 0 when nobody was chosen
 * @request: the request as it stands after the event
 *
 * Returns: (transfer full): the entry's canonical text
 */
char *
sf_ledger_format_entry (gint64             seq,
                        gint64             at,
                        SfLedgerEvent      event,
                        gint64             by,
                        SfApprovalRequest *request)
{
  SfApprovalRequestRow row;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), NULL);

  sf_approval_request_get_row (request, &row);
  sf_canonical_append_int (out, "format", 1);
  sf_canonical_append_int (out, "seq", seq);
  sf_canonical_append_int (out, "at", at);
  sf_canonical_append (out, "event", sf_ledger_event_get_key (event));
  sf_canonical_append_int (out, "by", by);
  sf_canonical_append_int (out, "request", row.id);
  sf_canonical_append_int (out, "deal", row.deal_id);
  sf_canonical_append (out, "kind", sf_approval_kind_get_key (row.kind));
  sf_canonical_append (out, "status", sf_approval_status_get_key (row.status));
  sf_canonical_append_int (out, "requester", row.requester_id);
  sf_canonical_append_int (out, "addressed-to", row.addressed_to);
  sf_canonical_append_int (out, "requested-at", row.requested_at);
  sf_canonical_append_int (out, "decider", row.decider_id);
  sf_canonical_append_int (out, "decided-at", row.decided_at);
  sf_canonical_append (out, "note", row.note);
  sf_canonical_append (out, "comment", row.comment);
  sf_canonical_append (out, "figures", row.figures);

  return g_string_free (out, FALSE);
}

static gboolean
get_id (GPtrArray  *lines,
        const char *key,
        gint64     *out)
{
  return sf_canonical_get_int (lines, key, 0, G_MAXINT64, out);
}

/**
 * sf_ledger_parse_entry:
 * @out_seq: (out) (optional): the entry's sequence number
 * @out_at: (out) (optional): when, in Unix seconds
 * @out_event: (out) (optional): what happened
 * @out_by: (out) (optional): who acted, or 0
 *
 * Reads an entry written by sf_ledger_format_entry().
 *
 * Returns: (transfer full) (nullable): the request as the entry recorded
 *   it, or %NULL when @content is not an entry
 */
SfApprovalRequest *
sf_ledger_parse_entry (const char    *content,
                       gint64        *out_seq,
                       gint64        *out_at,
                       SfLedgerEvent *out_event,
                       gint64        *out_by)
{
  g_autoptr(GPtrArray) lines = sf_canonical_parse (content);
  SfApprovalRequestRow row = { 0 };
  gint64 format, seq, at, by;
  SfLedgerEvent event;

  if (lines == NULL ||
      !sf_canonical_get_int (lines, "format", 1, 1, &format) ||
      !get_id (lines, "seq", &seq) || !get_id (lines, "at", &at) ||
      !event_from_key (sf_canonical_lookup (lines, "event"), &event) ||
      !get_id (lines, "by", &by) || !get_id (lines, "request", &row.id) ||
      !get_id (lines, "deal", &row.deal_id) ||
      !sf_approval_kind_from_key (sf_canonical_lookup (lines, "kind"), &row.kind) ||
      !sf_approval_status_from_key (sf_canonical_lookup (lines, "status"), &row.status) ||
      !get_id (lines, "requester", &row.requester_id) ||
      !get_id (lines, "addressed-to", &row.addressed_to) ||
      !get_id (lines, "requested-at", &row.requested_at) ||
      !get_id (lines, "decider", &row.decider_id) ||
      !get_id (lines, "decided-at", &row.decided_at) ||
      (row.note = sf_canonical_lookup (lines, "note")) == NULL ||
      (row.comment = sf_canonical_lookup (lines, "comment")) == NULL ||
      (row.figures = sf_canonical_lookup (lines, "figures")) == NULL)
    return NULL;

  if (out_seq != NULL)
    *out_seq = seq;
  if (out_at != NULL)
    *out_at = at;
  if (out_event != NULL)
    *out_event = event;
  if (out_by != NULL)
    *out_by = by;

  return sf_approval_request_new_from_row (&row);
}

/**
 * sf_ledger_hash:
 * @prev_hash: the previous entry's hash, or %SF_LEDGER_GENESIS
 *
 * Returns: (transfer full): the SHA-256, in lower-case hex, of @prev_hash,
 *   a newline and @content
 */
char *
sf_ledger_hash (const char *prev_hash,
                const char *content)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) prev_hash, strlen (prev_hash));
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) content, strlen (content));

  return g_strdup (g_checksum_get_string (checksum));
}

/* The last entry seen of each request. */
typedef struct
{
  gint64 id;     /* the key in SfLedgerWalk.replays */
  gint64 seq;
  SfApprovalRequest *request;
  gboolean seen;
} Replay;

static void
replay_free (gpointer data)
{
  Replay *replay = data;

  g_object_unref (replay->request);
  g_free (replay);
}

struct _SfLedgerWalk
{
  gint64 last_seq;
  gint64 expected;
  char *prev_hash;
  SfLedgerVerdict verdict;
  gint64 bad_seq;
  gint64 bad_request;
  gint64 bad_deal;
  GHashTable *replays;   /* request id → Replay */
};

/**
 * sf_ledger_walk_new:
 * @last_seq: the newest entry the approval requests refer to; entries
 *   after it cannot have been written by Salesflow, and entries missing up
 *   to it were removed
 *
 * Returns: (transfer full): a walk along a ledger, to be fed its entries
 *   in order with sf_ledger_walk_add()
 */
SfLedgerWalk *
sf_ledger_walk_new (gint64 last_seq)
{
  SfLedgerWalk *walk = g_new0 (SfLedgerWalk, 1);

  walk->last_seq = last_seq;
  walk->expected = 1;
  walk->prev_hash = g_strdup (SF_LEDGER_GENESIS);
  walk->verdict = SF_LEDGER_WHOLE;
  walk->replays = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, replay_free);

  return walk;
}

void
sf_ledger_walk_free (SfLedgerWalk *walk)
{
  if (walk == NULL)
    return;

  g_hash_table_unref (walk->replays);
  g_free (walk->prev_hash);
  g_free (walk);
}

static gboolean
found (SfLedgerWalk    *walk,
       SfLedgerVerdict  verdict,
       gint64           seq,
       gint64           request_id,
       gint64           deal_id)
{
  walk->verdict = verdict;
  walk->bad_seq = seq;
  walk->bad_request = request_id;
  walk->bad_deal = deal_id;
  return FALSE;
}

static void
remember (SfLedgerWalk      *walk,
          gint64             seq,
          SfApprovalRequest *request)
{
  Replay *replay = g_new0 (Replay, 1);

  replay->id = sf_approval_request_get_id (request);
  replay->seq = seq;
  replay->request = request;
  g_hash_table_replace (walk->replays, &replay->id, replay);
}

/**
 * sf_ledger_walk_add:
 * @seq: the entry's sequence number as its row says
 * @content: the entry's text
 * @prev_hash: the previous entry's hash as this row says
 * @hash: this entry's hash as its row says
 *
 * Checks the next entry: its place in the sequence, its own hash, and its
 * link to the entry before. An entry whose hash is right but whose link
 * is not means the entry before was changed and its hash computed anew.
 *
 * Returns: %FALSE once a problem is found; feed no more entries then
 */
gboolean
sf_ledger_walk_add (SfLedgerWalk *walk,
                    gint64        seq,
                    const char   *content,
                    const char   *prev_hash,
                    const char   *hash)
{
  g_autoptr(SfApprovalRequest) request = NULL;
  g_autofree char *computed = NULL;
  gint64 content_seq = -1;

  g_return_val_if_fail (walk != NULL, FALSE);

  if (walk->verdict != SF_LEDGER_WHOLE)
    return FALSE;

  if (seq < walk->expected)
    return found (walk, SF_LEDGER_INSERTED, seq, 0, 0);
  if (seq > walk->expected)
    return walk->expected > walk->last_seq
           ? found (walk, SF_LEDGER_INSERTED, seq, 0, 0)
           : found (walk, SF_LEDGER_REMOVED, walk->expected, 0, 0);
  if (seq > walk->last_seq)
    return found (walk, SF_LEDGER_INSERTED, seq, 0, 0);

  request = sf_ledger_parse_entry (content, &content_seq, NULL, NULL, NULL);
  computed = sf_ledger_hash (prev_hash ? prev_hash : "", content ? content : "");
  if (request == NULL || content_seq != seq || g_strcmp0 (computed, hash) != 0)
    return found (walk, SF_LEDGER_CHANGED, seq, 0, 0);

  if (g_strcmp0 (prev_hash, walk->prev_hash) != 0)
    return found (walk, SF_LEDGER_CHANGED, MAX (seq - 1, 1), 0, 0);

  remember (walk, seq, g_steal_pointer (&request));
  g_free (walk->prev_hash);
  walk->prev_hash = g_strdup (hash);
  walk->expected++;
  return TRUE;
}

/**
 * sf_ledger_walk_end:
 *
 * Says that every entry was fed; entries missing at the end are found
 * here.
 *
 * Returns: %FALSE when a problem was found
 */
gboolean
sf_ledger_walk_end (SfLedgerWalk *walk)
{
  g_return_val_if_fail (walk != NULL, FALSE);

  if (walk->verdict != SF_LEDGER_WHOLE)
    return FALSE;

  if (walk->expected <= walk->last_seq)
    return found (walk, SF_LEDGER_REMOVED, walk->expected, 0, 0);

  return TRUE;
}

/**
 * sf_ledger_walk_check_request:
 * @stored: an approval request as its table holds it
 * @stored_seq: the ledger entry the table says it last had
 *
 * After the chain is whole: a request must be exactly what its last
 * ledger entry says.
 *
 * Returns: %FALSE when a problem was found
 */
gboolean
sf_ledger_walk_check_request (SfLedgerWalk      *walk,
                              SfApprovalRequest *stored,
                              gint64             stored_seq)
{
  gint64 id;
  Replay *replay;

  g_return_val_if_fail (walk != NULL, FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (stored), FALSE);

  if (walk->verdict != SF_LEDGER_WHOLE)
    return FALSE;

  id = sf_approval_request_get_id (stored);
  replay = g_hash_table_lookup (walk->replays, &id);
  if (replay == NULL || replay->seq != stored_seq ||
      !sf_approval_request_equal_record (replay->request, stored))
    return found (walk, SF_LEDGER_REQUEST_CHANGED, replay ? replay->seq : 0, id,
                  sf_approval_request_get_deal_id (stored));

  replay->seen = TRUE;
  return TRUE;
}

/**
 * sf_ledger_walk_check_all_seen:
 *
 * After every stored request was checked: a request the ledger knows must
 * still be stored.
 *
 * Returns: %FALSE when a problem was found
 */
gboolean
sf_ledger_walk_check_all_seen (SfLedgerWalk *walk)
{
  GHashTableIter iter;
  Replay *replay, *missing = NULL;

  g_return_val_if_fail (walk != NULL, FALSE);

  if (walk->verdict != SF_LEDGER_WHOLE)
    return FALSE;

  g_hash_table_iter_init (&iter, walk->replays);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &replay))
    if (!replay->seen && (missing == NULL || replay->id < missing->id))
      missing = replay;

  if (missing != NULL)
    return found (walk, SF_LEDGER_REQUEST_CHANGED, missing->seq, missing->id,
                  sf_approval_request_get_deal_id (missing->request));

  return TRUE;
}

/**
 * sf_ledger_walk_finish:
 * @report: (out caller-allocates): the verdict; clear it afterwards
 */
void
sf_ledger_walk_finish (SfLedgerWalk   *walk,
                       SfLedgerReport *report)
{
  g_return_if_fail (walk != NULL && report != NULL);

  memset (report, 0, sizeof *report);
  report->verdict = walk->verdict;
  report->n_entries = walk->expected - 1;
  report->seq = walk->bad_seq;
  report->request_id = walk->bad_request;
  report->deal_id = walk->bad_deal;
  sf_ledger_report_describe (report);
}

static char *
describe_entry (SfLedgerReport *report)
{
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, report->seq);

  switch (report->verdict)
    {
    case SF_LEDGER_CHANGED:
      /* Translators: %s is the number of an entry in the approval ledger */
      return g_strdup_printf (_("Entry %s of the approval ledger was changed outside Salesflow"), seq);
    case SF_LEDGER_REMOVED:
      /* Translators: %s is the number of an entry in the approval ledger */
      return g_strdup_printf (_("Entry %s of the approval ledger was removed outside Salesflow"), seq);
    case SF_LEDGER_INSERTED:
      /* Translators: %s is the number of an entry in the approval ledger */
      return g_strdup_printf (_("Entry %s of the approval ledger was inserted outside Salesflow"), seq);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_deal (SfLedgerReport *report)
{
  g_autofree char *request = g_strdup_printf ("%" G_GINT64_FORMAT, report->request_id);
  const char *title = report->deal_title ? report->deal_title : "";
  gboolean roi = report->kind == SF_APPROVAL_KIND_ROI;

  switch (report->verdict)
    {
    case SF_LEDGER_REQUEST_CHANGED:
      /* Translators: %s is the number of a request for approval */
      return g_strdup_printf (_("Approval request %s was changed outside Salesflow: it differs from the approval ledger"),
                              request);
    case SF_LEDGER_FIGURES_CHANGED:
      return g_strdup_printf (roi
                              /* Translators: %s is a deal's title */
                              ? _("The approved ROI worksheet of the deal “%s” was changed outside Salesflow")
                              /* Translators: %s is a deal's title */
                              : _("The approved pricing of the deal “%s” was changed outside Salesflow"),
                              title);
    case SF_LEDGER_JOB_UNAPPROVED:
      return g_strdup_printf (roi
                              /* Translators: %s is a deal's title */
                              ? _("The deal “%s” has its ROI approval job ticked, but no manager approved the ROI")
                              /* Translators: %s is a deal's title */
                              : _("The deal “%s” has its pricing approval job ticked, but no manager approved the pricing"),
                              title);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sf_ledger_report_describe:
 *
 * Writes @report's description from its other fields.
 */
void
sf_ledger_report_describe (SfLedgerReport *report)
{
  g_return_if_fail (report != NULL);

  g_free (report->description);
  switch (report->verdict)
    {
    case SF_LEDGER_WHOLE:
      {
        g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, report->n_entries);

        report->description =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %s is a count of ledger entries */
                                        "The approval ledger is whole: %s entry checked",
                                        "The approval ledger is whole: %s entries checked",
                                        (gulong) report->n_entries),
                           count);
      }
      break;
    case SF_LEDGER_CHANGED:
    case SF_LEDGER_REMOVED:
    case SF_LEDGER_INSERTED:
      report->description = describe_entry (report);
      break;
    default:
      report->description = describe_deal (report);
    }
}

void
sf_ledger_report_clear (SfLedgerReport *report)
{
  g_clear_pointer (&report->deal_title, g_free);
  g_clear_pointer (&report->description, g_free);
}
