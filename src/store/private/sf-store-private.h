/* sf-store-private.h — what the store's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sf-db.h"
#include "sf-store.h"

G_BEGIN_DECLS

struct _SfStore
{
  GObject parent_instance;

  SfDb *db;                 /* the connection, through the engine seam */
  char *path;               /* the SQLite file */
  gint64 actor;
  gint64 (*now) (gpointer data);
  gpointer now_data;
  int *follow_up_days;      /* days after closing; owned */
  guint n_follow_up_days;
  guint load_split_at;      /* ids from which two threads load the deals */
};

#define SF_STORE_SCHEMA_VERSION 4
/* The schema version that brought the approval tables and the ledger
 * (migrate_to_v2 in sf-store-sqlite-schema.c). */
#define SF_STORE_APPROVALS_VERSION 2

/* Column list every deal query reads, in the order sf_store_read_deal()
 * expects. */
#define SF_STORE_DEAL_COLUMNS \
  "d.id, d.title, d.customer, d.contact_name, d.contact_email, d.contact_phone, d.owner_id, " \
  "d.value, d.currency, d.stage, d.status, d.lost_reason, d.lost_note, d.expected_close, " \
  "d.probability, d.created_at, d.updated_at, d.stage_entered_at, d.closed_at, " \
  "d.progress_done, d.progress_required, p.name"

/* FROM clause for SF_STORE_DEAL_COLUMNS */
#define SF_STORE_DEAL_FROM " FROM deals d LEFT JOIN persons p ON p.id = d.owner_id "

#define SF_STORE_JOB_COLUMNS \
  "id, deal_id, stage, position, key, title, kind, required, done, done_by, " \
  "done_at, due, note, extra"

gboolean       sf_store_begin         (SfStore       *self,
                                       GError       **error);
gboolean       sf_store_begin_read    (SfStore       *self,
                                       GError       **error);
gboolean       sf_store_commit        (SfStore       *self,
                                       GError       **error);
void           sf_store_rollback      (SfStore       *self);
gboolean       sf_store_fail          (SfStore       *self);
void           sf_store_bind_date     (SfDbStmt      *stmt,
                                       int            index,
                                       guint          julian_day);
void           sf_store_bind_actor    (SfStore       *self,
                                       SfDbStmt      *stmt,
                                       int            index);
guint          sf_store_column_date   (SfDbStmt      *stmt,
                                       int            column);
SfDeal        *sf_store_read_deal     (SfDbStmt      *stmt);
SfJob         *sf_store_read_job      (SfDbStmt      *stmt);
gboolean       sf_store_history       (SfStore       *self,
                                       gint64         deal_id,
                                       gint64         now,
                                       const char    *field,
                                       const char    *old_value,
                                       const char    *new_value,
                                       GError       **error);
SfDeal        *sf_store_fetch_deal    (SfStore       *self,
                                       gint64         deal_id,
                                       GError       **error);
SfDeal        *sf_store_begin_on_deal (SfStore       *self,
                                       gint64         deal_id,
                                       GError       **error);
GPtrArray     *sf_store_fetch_jobs    (SfStore       *self,
                                       gint64         deal_id,
                                       GError       **error);
gboolean       sf_store_refresh_progress (SfStore    *self,
                                       gint64         deal_id,
                                       GError       **error);
gboolean       sf_store_touch_deal    (SfStore       *self,
                                       gint64         deal_id,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_commit_deal   (SfStore       *self,
                                       SfDeal        *deal,
                                       GError       **error);

/* Approvals: sf-store-approvals.c, sf-store-passphrase.c, sf-store-ledger.c */
SfPerson      *sf_store_fetch_person  (SfStore       *self,
                                       gint64         person_id,
                                       char         **out_hash,
                                       guint         *out_failures,
                                       gint64        *out_failed_at,
                                       GError       **error);
gboolean       sf_store_check_passphrase (SfStore    *self,
                                       gint64         person_id,
                                       const char    *passphrase,
                                       gint64         request_id,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_set_public_passphrase (SfStore *self,
                                       SfPerson      *person,
                                       const char    *passphrase,
                                       GError       **error);
SfApprovalRequest *sf_store_read_request (SfDbStmt *stmt,
                                       gint64        *out_ledger_seq);
SfApprovalRequest *sf_store_fetch_request (SfStore   *self,
                                       gint64         request_id,
                                       GError       **error);
gboolean       sf_store_current_figures (SfStore     *self,
                                       SfDeal        *deal,
                                       SfApprovalKind kind,
                                       char         **out_figures,
                                       GError       **error);
gboolean       sf_store_check_figures_unlocked (SfStore *self,
                                       gint64         deal_id,
                                       SfApprovalKind kind,
                                       GError       **error);
gboolean       sf_store_void_if_changed (SfStore     *self,
                                       gint64         deal_id,
                                       SfApprovalKind kind,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_void_for_owner (SfStore      *self,
                                       gint64         deal_id,
                                       gint64         owner_id,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_ledger_append (SfStore       *self,
                                       gint64         request_id,
                                       SfLedgerEvent  event,
                                       gint64         by,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_follow_stage  (SfStore       *self,
                                       gint64         deal_id,
                                       SfStage        from_stage,
                                       const SfDealState *to,
                                       gint64         now,
                                       GError       **error);
gboolean       sf_store_schedule_follow_ups (SfStore *self,
                                       gint64         deal_id,
                                       gint64         closed_at,
                                       GError       **error);

/* For tests: how many ids apart the first and last deal must be for the
 * pipeline to load on two threads (sf-store-deals.c). */
void           sf_store_set_load_split_at (SfStore   *self,
                                       guint          n_ids);

/* The SQLite file only: sf-store-sqlite.c, sf-store-sqlite-schema.c */
gboolean       sf_store_check_tables  (SfDb          *db,
                                       int            version,
                                       GError       **error);
gboolean       sf_store_migrate       (SfStore       *self,
                                       int            from_version,
                                       GError       **error);
SfDb          *sf_store_sqlite_open_for_check (const char *path,
                                       int           *out_version,
                                       GError       **error);

G_END_DECLS
