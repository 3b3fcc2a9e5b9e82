/* sf-approval-request.c — one request for a manager's sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made by the store from a row; the UI only reads it. After an action
 * commits, the store brings the object up to date with
 * sf_approval_request_assign(), which notifies what changed.
 */
#include "config.h"

#include "sf-approval-request.h"
#include "sf-enum-types.h"

struct _SfApprovalRequest
{
  GObject parent_instance;

  gint64 id;
  gint64 deal_id;
  gint64 requester_id;
  gint64 addressed_to;
  gint64 requested_at;
  gint64 decider_id;
  gint64 decided_at;
  SfApprovalKind kind;
  SfApprovalStatus status;
  char *note;
  char *figures;
  char *comment;
  char *deal_title;
  char *requester_name;
  char *addressed_to_name;
  char *decider_name;
};

G_DEFINE_FINAL_TYPE (SfApprovalRequest, sf_approval_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_REQUESTER_ID,
  PROP_ADDRESSED_TO,
  PROP_NOTE,
  PROP_FIGURES,
  PROP_REQUESTED_AT,
  PROP_DECIDER_ID,
  PROP_DECIDED_AT,
  PROP_COMMENT,
  PROP_DEAL_TITLE,
  PROP_REQUESTER_NAME,
  PROP_ADDRESSED_TO_NAME,
  PROP_DECIDER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sf_approval_request_finalize (GObject *object)
{
  SfApprovalRequest *self = (SfApprovalRequest *) object;

  g_free (self->note);
  g_free (self->figures);
  g_free (self->comment);
  g_free (self->deal_title);
  g_free (self->requester_name);
  g_free (self->addressed_to_name);
  g_free (self->decider_name);

  G_OBJECT_CLASS (sf_approval_request_parent_class)->finalize (object);
}

static void
sf_approval_request_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SfApprovalRequest *self = SF_APPROVAL_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DEAL_ID: g_value_set_int64 (value, self->deal_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_REQUESTER_ID: g_value_set_int64 (value, self->requester_id); break;
    case PROP_ADDRESSED_TO: g_value_set_int64 (value, self->addressed_to); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_FIGURES: g_value_set_string (value, self->figures); break;
    case PROP_REQUESTED_AT: g_value_set_int64 (value, self->requested_at); break;
    case PROP_DECIDER_ID: g_value_set_int64 (value, self->decider_id); break;
    case PROP_DECIDED_AT: g_value_set_int64 (value, self->decided_at); break;
    case PROP_COMMENT: g_value_set_string (value, self->comment); break;
    case PROP_DEAL_TITLE: g_value_set_string (value, self->deal_title); break;
    case PROP_REQUESTER_NAME: g_value_set_string (value, self->requester_name); break;
    case PROP_ADDRESSED_TO_NAME: g_value_set_string (value, self->addressed_to_name); break;
    case PROP_DECIDER_NAME: g_value_set_string (value, self->decider_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                             G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                              G_PARAM_EXPLICIT_NOTIFY);
}

static void
sf_approval_request_class_init (SfApprovalRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sf_approval_request_finalize;
  object_class->get_property = sf_approval_request_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_DEAL_ID] = int64_property ("deal-id");
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SF_TYPE_APPROVAL_KIND,
                                             SF_APPROVAL_KIND_PRICING, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SF_TYPE_APPROVAL_STATUS,
                                               SF_APPROVAL_STATUS_PENDING, flags);
  properties[PROP_REQUESTER_ID] = int64_property ("requester-id");
  properties[PROP_ADDRESSED_TO] = int64_property ("addressed-to");
  properties[PROP_NOTE] = string_property ("note");
  properties[PROP_FIGURES] = string_property ("figures");
  properties[PROP_REQUESTED_AT] = int64_property ("requested-at");
  properties[PROP_DECIDER_ID] = int64_property ("decider-id");
  properties[PROP_DECIDED_AT] = int64_property ("decided-at");
  properties[PROP_COMMENT] = string_property ("comment");
  properties[PROP_DEAL_TITLE] = string_property ("deal-title");
  properties[PROP_REQUESTER_NAME] = string_property ("requester-name");
  properties[PROP_ADDRESSED_TO_NAME] = string_property ("addressed-to-name");
  properties[PROP_DECIDER_NAME] = string_property ("decider-name");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_approval_request_init (SfApprovalRequest *self)
{
}

/* Empty text and NULL both mean "none" for the optional strings. */
static char *
dup_nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

/**
 * sf_approval_request_new_from_row:
 *
 * Returns: (transfer full): a request holding copies of @row's values
 */
SfApprovalRequest *
sf_approval_request_new_from_row (const SfApprovalRequestRow *row)
{
  SfApprovalRequest *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SF_TYPE_APPROVAL_REQUEST, NULL);
  self->id = row->id;
  self->deal_id = row->deal_id;
  self->kind = row->kind;
  self->status = row->status;
  self->requester_id = row->requester_id;
  self->addressed_to = row->addressed_to;
  self->note = dup_nonempty (row->note);
  self->figures = g_strdup (row->figures ? row->figures : "");
  self->requested_at = row->requested_at;
  self->decider_id = row->decider_id;
  self->decided_at = row->decided_at;
  self->comment = dup_nonempty (row->comment);
  self->deal_title = g_strdup (row->deal_title);
  self->requester_name = g_strdup (row->requester_name);
  self->addressed_to_name = g_strdup (row->addressed_to_name);
  self->decider_name = g_strdup (row->decider_name);

  return self;
}

/**
 * sf_approval_request_get_row:
 * @row: (out caller-allocates): filled with the request's values; the
 *   strings are borrowed from @request
 */
void
sf_approval_request_get_row (SfApprovalRequest    *request,
                             SfApprovalRequestRow *row)
{
  g_return_if_fail (SF_IS_APPROVAL_REQUEST (request));
  g_return_if_fail (row != NULL);

  *row = (SfApprovalRequestRow) {
    .id = request->id,
    .deal_id = request->deal_id,
    .kind = request->kind,
    .status = request->status,
    .requester_id = request->requester_id,
    .addressed_to = request->addressed_to,
    .note = request->note,
    .figures = request->figures,
    .requested_at = request->requested_at,
    .decider_id = request->decider_id,
    .decided_at = request->decided_at,
    .comment = request->comment,
    .deal_title = request->deal_title,
    .requester_name = request->requester_name,
    .addressed_to_name = request->addressed_to_name,
    .decider_name = request->decider_name,
  };
}

static void
assign_int64 (SfApprovalRequest *self,
              gint64            *field,
              gint64             value,
              int                prop)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
assign_string (SfApprovalRequest  *self,
               char              **field,
               const char         *value,
               int                 prop)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

/**
 * sf_approval_request_assign:
 * @from: the same request as read back from the store
 *
 * Brings @request up to date with @from, notifying each property that
 * changed.
 */
void
sf_approval_request_assign (SfApprovalRequest *request,
                            SfApprovalRequest *from)
{
  g_return_if_fail (SF_IS_APPROVAL_REQUEST (request));
  g_return_if_fail (SF_IS_APPROVAL_REQUEST (from));

  g_object_freeze_notify (G_OBJECT (request));
  assign_int64 (request, &request->id, from->id, PROP_ID);
  assign_int64 (request, &request->deal_id, from->deal_id, PROP_DEAL_ID);
  if (request->kind != from->kind)
    {
      request->kind = from->kind;
      g_object_notify_by_pspec (G_OBJECT (request), properties[PROP_KIND]);
    }
  if (request->status != from->status)
    {
      request->status = from->status;
      g_object_notify_by_pspec (G_OBJECT (request), properties[PROP_STATUS]);
    }
  assign_int64 (request, &request->requester_id, from->requester_id, PROP_REQUESTER_ID);
  assign_int64 (request, &request->addressed_to, from->addressed_to, PROP_ADDRESSED_TO);
  assign_string (request, &request->note, from->note, PROP_NOTE);
  assign_string (request, &request->figures, from->figures, PROP_FIGURES);
  assign_int64 (request, &request->requested_at, from->requested_at, PROP_REQUESTED_AT);
  assign_int64 (request, &request->decider_id, from->decider_id, PROP_DECIDER_ID);
  assign_int64 (request, &request->decided_at, from->decided_at, PROP_DECIDED_AT);
  assign_string (request, &request->comment, from->comment, PROP_COMMENT);
  assign_string (request, &request->deal_title, from->deal_title, PROP_DEAL_TITLE);
  assign_string (request, &request->requester_name, from->requester_name, PROP_REQUESTER_NAME);
  assign_string (request, &request->addressed_to_name, from->addressed_to_name,
                 PROP_ADDRESSED_TO_NAME);
  assign_string (request, &request->decider_name, from->decider_name, PROP_DECIDER_NAME);
  g_object_thaw_notify (G_OBJECT (request));
}

/**
 * sf_approval_request_equal_record:
 *
 * Compares what the ledger records of a request: everything but the names
 * and titles shown beside it.
 */
gboolean
sf_approval_request_equal_record (SfApprovalRequest *a,
                                  SfApprovalRequest *b)
{
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (a), FALSE);
  g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (b), FALSE);

  return a->id == b->id && a->deal_id == b->deal_id && a->kind == b->kind &&
         a->status == b->status && a->requester_id == b->requester_id &&
         a->addressed_to == b->addressed_to && g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->figures, b->figures) == 0 && a->requested_at == b->requested_at &&
         a->decider_id == b->decider_id && a->decided_at == b->decided_at &&
         g_strcmp0 (a->comment, b->comment) == 0;
}

#define GETTER(type, name, fallback) \
  type \
  sf_approval_request_get_##name (SfApprovalRequest *request) \
  { \
    g_return_val_if_fail (SF_IS_APPROVAL_REQUEST (request), fallback); \
    return request->name; \
  }

GETTER (gint64, id, 0)
GETTER (gint64, deal_id, 0)
GETTER (SfApprovalKind, kind, SF_APPROVAL_KIND_PRICING)
GETTER (SfApprovalStatus, status, SF_APPROVAL_STATUS_PENDING)
GETTER (gint64, requester_id, 0)
GETTER (gint64, addressed_to, 0)
GETTER (const char *, note, NULL)
GETTER (const char *, figures, NULL)
GETTER (gint64, requested_at, 0)
GETTER (gint64, decider_id, 0)
GETTER (gint64, decided_at, 0)
GETTER (const char *, comment, NULL)
GETTER (const char *, deal_title, NULL)
GETTER (const char *, requester_name, NULL)
GETTER (const char *, addressed_to_name, NULL)
GETTER (const char *, decider_name, NULL)

#undef GETTER
